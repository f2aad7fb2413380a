"""Fetch a post's media: bytes given by the library, a local path, or an http(s) URL with limits."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from redline.errors import MediaError
from redline.media.decode import DEFAULT_LIMITS, Limits
from redline.model import Media

TIMEOUT_S = 10.0


def media_bytes(media: Media, limits: Limits = DEFAULT_LIMITS, allow_private: bool = False) -> bytes:
    """Return the bytes of one media item, enforcing the size limit."""
    if media.data is not None:
        data = media.data
    elif media.ref.startswith(("http://", "https://")):
        data = fetch_url(media.ref, limits, allow_private)
    elif media.ref:
        data = _read_file(Path(media.ref), limits)
    else:
        raise MediaError("media item has neither bytes nor a reference")
    if len(data) > limits.max_bytes:
        raise MediaError(f"file is over the {limits.max_bytes:,}-byte limit")
    return data


def _read_file(path: Path, limits: Limits) -> bytes:
    try:
        if path.stat().st_size > limits.max_bytes:
            raise MediaError(f"{path}: file is over the {limits.max_bytes:,}-byte limit")
        return path.read_bytes()
    except OSError as exc:
        raise MediaError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def check_public_host(url: str) -> None:
    """Raise MediaError unless every address the URL's host resolves to is public."""
    host = urlsplit(url).hostname
    if not host:
        raise MediaError(f"{url}: no host")
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError) as exc:  # UnicodeError: a host name that is not valid IDNA
        raise MediaError(f"{url}: cannot resolve {host}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise MediaError(f"{url}: refusing to fetch from non-public address {addr}")


def fetch_url(url: str, limits: Limits = DEFAULT_LIMITS, allow_private: bool = False) -> bytes:
    """Return the body of an http(s) URL: no redirects followed, bounded time and size."""
    if not allow_private:
        check_public_host(url)
    try:
        with httpx.Client(follow_redirects=False, timeout=TIMEOUT_S) as client, client.stream("GET", url) as resp:
            if resp.is_redirect:
                raise MediaError(f"{url}: redirects are not followed (to {resp.headers.get('location', '?')})")
            if resp.status_code != 200:
                raise MediaError(f"{url}: HTTP {resp.status_code}")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise MediaError(f"{url}: body is over the {limits.max_bytes:,}-byte limit")
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.HTTPError as exc:
        raise MediaError(f"{url}: fetch failed: {type(exc).__name__}") from exc

"""Read posts from JSON Lines safely: every bad line is reported with its number, the rest go on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from redline.model import Media, Post


@dataclass(frozen=True)
class GoodLine:
    line: int
    offset: int
    post: Post


@dataclass(frozen=True)
class BadLine:
    line: int
    offset: int
    reason: str


def read_posts(src: BinaryIO, max_bytes: int = 1_000_000) -> Iterator[GoodLine | BadLine]:
    """Yield a parsed post or a reason for every non-blank line of a JSONL byte stream."""
    lineno = 0
    offset = 0
    while True:
        raw = src.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        offset += len(raw)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            # Drain the rest of the oversized line in bounded chunks, never holding it whole.
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = src.readline(1 << 20)
                size += len(raw)
                offset += len(raw)
            yield BadLine(lineno, offset, f"line is {size:,} bytes, over the {max_bytes:,}-byte limit")
            continue
        if not raw.strip():
            continue
        yield parse_line(raw, lineno, offset)


def parse_line(raw: bytes, lineno: int, offset: int = 0) -> GoodLine | BadLine:
    """Return the post on one JSONL line, or why it cannot be used."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadLine(lineno, offset, f"invalid UTF-8 at byte {exc.start}")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return BadLine(lineno, offset, f"invalid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return BadLine(lineno, offset, "a post must be a JSON object")
    if not isinstance(obj.get("text"), str):
        return BadLine(lineno, offset, "missing or non-string 'text'")
    pid = obj.get("id")
    if not isinstance(pid, str | int) or isinstance(pid, bool) or str(pid) == "":
        return BadLine(lineno, offset, "missing 'id'")
    media = obj.get("media") or []
    if not isinstance(media, list) or not all(isinstance(m, str) for m in media):
        return BadLine(lineno, offset, "'media' must be a list of paths or URLs")
    version = obj.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        return BadLine(lineno, offset, "'version' must be an integer")
    return GoodLine(lineno, offset, Post(
        id=str(pid), author=str(obj.get("author") or ""), text=obj["text"],
        lang=obj.get("lang") if isinstance(obj.get("lang"), str) else None,
        media=tuple(Media(ref=m) for m in media),
        created_at=obj.get("created_at") if isinstance(obj.get("created_at"), str) else None,
        version=version))

"""Browser security: strict headers on every response, signed session cookies, CSRF tokens for forms."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "redline_session"
LOGIN_CSRF_COOKIE = "redline_login_csrf"
SESSION_TTL_S = 12 * 3600
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

class SecurityHeaders:
    """Adds the strict Content-Security-Policy and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    headers[k] = v
            await send(message)

        await self.app(scope, receive, send_wrapper)


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in person: the key's name and role, its hash (rechecked for revocation) and the CSRF token."""

    name: str
    role: str
    key_digest: str
    csrf: str
    expires: int


def _mac(secret: str, payload: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(secret.encode(), payload, hashlib.sha256).digest()).decode().rstrip("=")


def encode_session(secret: str, name: str, role: str, key_digest: str) -> str:
    """Return a signed cookie value for a new session with a fresh CSRF token."""
    doc = {"n": name, "r": role, "k": key_digest, "c": secrets.token_urlsafe(24),
           "e": int(time.time()) + SESSION_TTL_S}
    payload = base64.urlsafe_b64encode(json.dumps(doc, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{payload}.{_mac(secret, payload.encode())}"


def decode_session(secret: str, value: str | None) -> Session | None:
    """Return the session of a validly signed, unexpired cookie, else None."""
    if not value or value.count(".") != 1 or len(value) > 4096:
        return None
    payload, mac = value.split(".")
    if not hmac.compare_digest(_mac(secret, payload.encode()), mac):
        return None
    try:
        doc = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        session = Session(str(doc["n"]), str(doc["r"]), str(doc["k"]), str(doc["c"]), int(doc["e"]))
    except (ValueError, KeyError, TypeError):
        return None
    return session if session.expires > time.time() else None


def same_token(expected: str, given: str | None) -> bool:
    """Return True when a submitted CSRF token matches the expected one (constant time)."""
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())

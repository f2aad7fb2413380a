"""The service's settings: REDLINE_* environment variables with embedded defaults, checked at start-up."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from redline import settings
from redline.errors import ConfigError


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a number") from None


def _secret(path: Path) -> str:
    """Return the secret kept in `path`, creating a random one (mode 0600) on first use."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token)
    return token


@dataclass(frozen=True)
class ServiceConfig:
    """Everything the app needs besides the engine: database, webhook target, secrets, worker cadence."""

    database_url: str
    webhook_url: str | None = None
    webhook_secret: str = ""
    session_secret: str = ""
    dry_run: bool = False
    worker_interval_s: float = 1.0
    webhook_timeout_s: float = 5.0
    cookie_secure: bool = False
    background: bool = True

    @classmethod
    def from_env(cls, database_url: str | None = None, background: bool = True) -> ServiceConfig:
        """Return the settings from REDLINE_* variables; secrets default to files in $REDLINE_HOME."""
        home = settings.home()
        url = database_url or settings.database_url()
        hook = os.environ.get("REDLINE_WEBHOOK_URL") or None
        if hook and not hook.startswith(("http://", "https://")):
            raise ConfigError(f"REDLINE_WEBHOOK_URL={hook!r}: expected an http(s) URL")
        return cls(
            database_url=url,
            webhook_url=hook,
            webhook_secret=os.environ.get("REDLINE_WEBHOOK_SECRET") or _secret(home / "webhook.secret"),
            session_secret=os.environ.get("REDLINE_SESSION_SECRET") or _secret(home / "session.secret"),
            dry_run=os.environ.get("REDLINE_DRY_RUN", "") in ("1", "true", "yes"),
            worker_interval_s=_float("REDLINE_WORKER_INTERVAL", 1.0),
            webhook_timeout_s=_float("REDLINE_WEBHOOK_TIMEOUT", 5.0),
            cookie_secure=os.environ.get("REDLINE_COOKIE_SECURE", "") in ("1", "true", "yes"),
            background=background,
        )

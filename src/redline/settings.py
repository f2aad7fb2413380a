"""Settings from REDLINE_* environment variables, with embedded defaults (SQLite file, bundled data)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home() -> Path:
    """Return Redline's data directory ($REDLINE_HOME, or a per-user data directory), creating it."""
    raw = os.environ.get("REDLINE_HOME")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("redline"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """Return $REDLINE_DATABASE_URL, or a SQLite file in the data directory."""
    return os.environ.get("REDLINE_DATABASE_URL") or f"sqlite:///{home() / 'redline.db'}"


def user_watchlist_dir() -> Path:
    """Return the directory holding imported and user watchlist files."""
    path = home() / "watchlists"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Return the directory for rebuildable caches ($REDLINE_CACHE, or a per-user cache directory).

    Caches are keyed by their inputs (e.g. the trained judge model by corpus hash), so one
    cache serves every REDLINE_HOME on the machine.
    """
    raw = os.environ.get("REDLINE_CACHE")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_cache_dir("redline"))
    path.mkdir(parents=True, exist_ok=True)
    return path

"""Designated entities with all their names: the native file format, the bundled default, importers."""

from redline.watchlist._load import (
    Watchlist,
    default_paths,
    load_active,
    load_default,
    load_files,
    read_file,
    user_paths,
)
from redline.watchlist._native import dump_native, write_native

__all__ = [
    "Watchlist",
    "default_paths",
    "dump_native",
    "load_active",
    "load_default",
    "load_files",
    "read_file",
    "user_paths",
    "write_native",
]

"""Designated entities with all their names: the native file format, the bundled default, importers."""

from redline.watchlist._load import Watchlist, default_paths, load_default, load_files

__all__ = ["Watchlist", "default_paths", "load_default", "load_files"]

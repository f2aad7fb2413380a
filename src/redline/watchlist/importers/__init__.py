"""Importers that turn official designation lists into native watchlist entities, one module per source."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from redline.watchlist.importers._common import ImportResult
from redline.watchlist.importers.ofac import import_ofac
from redline.watchlist.importers.opensanctions import import_opensanctions
from redline.watchlist.importers.un import import_un

Importer = Callable[[Path, Sequence[str]], ImportResult]

IMPORTERS: dict[str, Importer] = {
    "ofac": import_ofac,
    "opensanctions": import_opensanctions,
    "un": import_un,
}

__all__ = ["IMPORTERS", "ImportResult", "Importer", "import_ofac", "import_opensanctions", "import_un"]

"""Where the media stage keeps its banks and gallery, and how the default analyzer is built."""

from __future__ import annotations

from pathlib import Path

from redline.media.analyze import MediaAnalyzer
from redline.media.bank import BankStore
from redline.media.faces import Gallery
from redline.media.matcher import BankMatcher
from redline.settings import home
from redline.watchlist import Watchlist


def bank_store() -> BankStore:
    """Return the bank store under the data directory."""
    return BankStore(home() / "banks")


def gallery_path() -> Path:
    """Return the path of the reference face gallery."""
    return home() / "gallery.json"


def default_analyzer(watchlist: Watchlist, faces: bool = False, ocr: bool = True) -> MediaAnalyzer:
    """Return an analyzer over every stored bank, the gallery when `faces` is on, and OCR when `ocr` is on."""
    banks = bank_store().load_all()
    gallery = Gallery(gallery_path()) if faces and gallery_path().exists() else None
    return MediaAnalyzer(BankMatcher(banks) if banks else None, gallery, ocr,
                         entity_names={e.id: e.name for e in watchlist})

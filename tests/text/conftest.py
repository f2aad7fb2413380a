from __future__ import annotations

from pathlib import Path

import pytest

from redline.text.detector import NameDetector
from redline.watchlist import load_files

FIXTURE = Path(__file__).with_name("watchlist.yaml")


@pytest.fixture(scope="session")
def detector() -> NameDetector:
    """A detector over the small test watchlist written for these tests."""
    return NameDetector(load_files([FIXTURE]))

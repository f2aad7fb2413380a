from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def pdq_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "media" / "pdq"


@pytest.fixture(scope="session")
def faces_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "media" / "faces"

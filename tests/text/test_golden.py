"""Golden mentions for the seed article, against the bundled default watchlist.

The golden file was generated once and checked by hand: every Soleimani / Qassem Soleimani /
Haj Qassem / Abu Mahdi al-Muhandis / Abu Mehdi al-Muhandes / Kata'ib Hezbollah / Hezbollah /
Hassan Nasrallah / Nasrallah / Hamas / Islamic Jihad / Quds Force / IRGC mention is present with
its offsets, and Khamenei, Ghalibaf, Rajavi, the MEK (Mujahedin-e Khalq) and the NCRI are absent.

To regenerate it deliberately (after a change to the watchlist or the detector that you have
reviewed), run:

    REDLINE_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/text/test_golden.py

then read the diff of tests/text/golden/seed_mentions.json line by line before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from redline.text.detector import NameDetector
from redline.watchlist import load_default

GOLDEN = Path(__file__).with_name("golden") / "seed_mentions.json"
MUST_BE_ABSENT = ("Khamenei", "Ghalibaf", "Rajavi", "MEK", "Mujahedin", "NCRI", "National Council")


def _mentions(shared_dir: Path) -> dict[str, list[dict[str, object]]]:
    seeds = sorted((shared_dir / "seed").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed article in the shared folder")
    detector = NameDetector(load_default())
    out: dict[str, list[dict[str, object]]] = {}
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        out[path.name] = [{"entity_id": m.entity_id, "surface": m.surface, "start": m.start, "end": m.end,
                           "method": m.method.value} for m in detector.find(text)]
    return out


def test_seed_mentions_match_the_golden_file(shared_dir: Path) -> None:
    found = _mentions(shared_dir)
    if os.environ.get("REDLINE_REGENERATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seed_golden_never_names_the_undesignated(shared_dir: Path) -> None:
    for mentions in _mentions(shared_dir).values():
        assert not [m for m in mentions if any(bad in str(m["surface"]) for bad in MUST_BE_ABSENT)]

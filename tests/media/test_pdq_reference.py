"""Our PDQ agrees with Meta's published hashes for its own test images."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from redline.media.hashing import QUALITY_FLOOR, pdq_of_bytes


def rows(pdq_dir: Path) -> list[dict[str, str]]:
    with open(pdq_dir / "expected.csv", newline="") as f:
        return list(csv.DictReader(f))


def test_every_reference_image_within_16_bits(pdq_dir: Path) -> None:
    checked = 0
    for row in rows(pdq_dir):
        h = pdq_of_bytes((pdq_dir / row["path"]).read_bytes())[0]
        distance = bin(int(h.hex, 16) ^ int(row["pdq_hex"], 16)).count("1")
        assert distance <= 16, f"{row['path']}: distance {distance}"
        checked += 1
    assert checked >= 15


@pytest.mark.parametrize("path", ["misc-images/small.jpg", "reg-test-input/labelme-subset/q0003.jpg",
                                  "reg-test-input/labelme-subset/q0004.jpg"])
def test_low_quality_images_are_reported_as_such(pdq_dir: Path, path: str) -> None:
    h = pdq_of_bytes((pdq_dir / path).read_bytes())[0]
    assert h.quality < QUALITY_FLOOR and not h.trusted


def test_photo_quality_is_trusted(pdq_dir: Path) -> None:
    assert pdq_of_bytes((pdq_dir / "reg-test-input/labelme-subset/q0122.jpg").read_bytes())[0].trusted

"""A banked image still matches after the edits reposts make; unrelated photos and allow-listed images do not."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from tests.media.images import TRANSFORMS, jpeg_bytes

from redline.errors import ConfigError
from redline.media.bank import Bank, BankEntry, read_csv, write_csv
from redline.media.hashing import bank_variants, md5_of_bytes, query_variants
from redline.media.matcher import BankMatcher, HashMatch

PHOTOS = ["pdq/reg-test-input/dih/bridge-1-original.jpg", "faces/obama_a.jpg", "faces/two_people.jpg",
          "faces/biden_a.jpg", "pdq/reg-test-input/labelme-subset/q1050.jpg", "faces/rose_leslie_a.jpg"]


def photo(media_dir: Path, name: str) -> Image.Image:
    return Image.open(media_dir / name).convert("RGB")


def bank_of(media_dir: Path, name: str, allow: bool = False) -> Bank:
    entries = [BankEntry(h.hex, "pdq", "soleimani", f"poster {variant}", "test")
               for variant, h in bank_variants(photo(media_dir, name))]
    return Bank("benign" if allow else "posters", entries, allow=allow)


def match(matcher: BankMatcher, img: Image.Image) -> tuple[list[HashMatch], str | None]:
    data = jpeg_bytes(img)
    return matcher.match(md5_of_bytes(data), query_variants(Image.open(io.BytesIO(data)).convert("RGB")))


@pytest.fixture(scope="module")
def media_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "media"


@pytest.mark.parametrize("name", PHOTOS[:4])
@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
def test_banked_image_survives_edits(media_dir: Path, name: str, transform: str) -> None:
    matcher = BankMatcher([bank_of(media_dir, name)])
    edit: Callable[[Image.Image], Image.Image] = TRANSFORMS[transform]
    found, _ = match(matcher, edit(photo(media_dir, name)))
    assert found, f"{name} not matched after {transform}"
    assert found[0].distance <= 31 and found[0].bank == "posters"


@pytest.mark.parametrize("name", PHOTOS[1:])
def test_unrelated_photo_does_not_match(media_dir: Path, name: str) -> None:
    matcher = BankMatcher([bank_of(media_dir, PHOTOS[0])])
    for transform in ("caption_bar", "mirrored"):
        found, _ = match(matcher, TRANSFORMS[transform](photo(media_dir, name)))
        assert found == [], f"{name} ({transform}) matched {found}"


def test_allow_list_suppresses_a_near_banked_image(media_dir: Path) -> None:
    matcher = BankMatcher([bank_of(media_dir, PHOTOS[0]), bank_of(media_dir, PHOTOS[0], allow=True)])
    found, why = match(matcher, photo(media_dir, PHOTOS[0]))
    assert found == [] and why is not None and "benign" in why


def test_md5_exact_copy_matches_even_low_quality(media_dir: Path) -> None:
    data = (media_dir / "pdq" / "misc-images" / "small.jpg").read_bytes()
    bank = Bank("exact", [BankEntry(md5_of_bytes(data), "md5", "isis", "flag", "test")])
    variants = query_variants(Image.open(io.BytesIO(data)).convert("RGB"))
    assert not variants[0].trusted
    found, _ = BankMatcher([bank]).match(md5_of_bytes(data), variants)
    assert len(found) == 1 and found[0].distance == 0


def test_low_quality_image_is_not_matched_by_pdq(media_dir: Path) -> None:
    img = photo(media_dir, "pdq/misc-images/small.jpg")
    bank = Bank("b", [BankEntry(query_variants(img)[0].hex, "pdq", "isis")])
    found, _ = BankMatcher([bank]).match("0" * 32, query_variants(img))
    assert found == []


def test_csv_round_trip_and_errors() -> None:
    entries = [BankEntry("ab" * 32, "pdq", "hamas", "logo", "gifct", 90), BankEntry("cd" * 16, "md5", "isis")]
    assert read_csv(write_csv(entries), "x.csv") == entries
    with pytest.raises(ConfigError, match=r"bad.csv: line 3: bad pdq hash"):
        read_csv("signal,signal_type,labels\n" + "ab" * 32 + ",pdq,entity:x\nzz,pdq,\n", "bad.csv")
    with pytest.raises(ConfigError, match="unknown signal type"):
        read_csv("hash,signal_type,labels\nabc,tmk,\n", "bad.csv")

"""Emoji wedged inside a name are seen through; emoji between words still separate them."""

from __future__ import annotations

import pytest

from redline.model import Post
from redline.text.detector import NameDetector
from redline.watchlist import load_default

DETECTOR = NameDetector(load_default())


def found(text: str) -> dict[str, str]:
    return {m.entity_id: m.surface for m in DETECTOR.detect(Post("t", "a", text))
            if m.start is not None and text[m.start:m.end] == m.surface}


@pytest.mark.parametrize(("text", "entity", "surface"), [
    ("We love Qassem Sol🔥eimani", "soleimani", "Qassem Sol🔥eimani"),
    ("Hez🔥bollah will win", "hezbollah", "Hez🔥bollah"),
    ("ده‌ها نفر از حزب🔥الله", "hezbollah", "حزب🔥الله"),
    ("عاش أبو مهدي المه🌹ندس", "muhandis", "أبو مهدي المه🌹ندس"),
    ("Da🇮🇶esh fighters", "isis", "Da🇮🇶esh"),
])
def test_emoji_inside_a_name(text: str, entity: str, surface: str) -> None:
    assert found(text).get(entity) == surface


@pytest.mark.parametrize(("text", "entity"), [("Hamas🇵🇸Gaza", "hamas"), ("Hezbollah🔥🔥", "hezbollah")])
def test_emoji_between_words_still_separate_them(text: str, entity: str) -> None:
    assert entity in found(text)


def test_no_name_is_made_out_of_ordinary_words() -> None:
    assert found("I love 🔥 the weekend 🌹 roses") == {}

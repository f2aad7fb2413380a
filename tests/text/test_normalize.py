"""Normalization: each folding rule, the offset map, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.text._index import joined_edits
from redline.text._triggers import JOIN, SPLIT, STRETCH, triggers
from redline.text.normalize import _SPACES, _SPLIT, _STRETCH, fold, normalize

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u200e", "\u200f", "\ufeff", "\u2060"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("HEZBOLLAH", "hezbollah"),
    ("Ḥamās", "hamas"),
    ("Hеzbоllah", "hezbollah"),  # Cyrillic е and о
    ("ΗΑΜΑS", "hamas"),  # Greek capitals
    ("Ｈａｍａｓ", "hamas"),  # full width
    ("𝐇𝐚𝐦𝐚𝐬", "hamas"),  # mathematical bold
    ("Hez\u200bbol\u00adlah", "hezbollah"),
    ("H4m4s", "hamas"),
    ("$oleimani", "soleimani"),
    ("h@mas", "hamas"),
    ("S.o.l.e.i.m.a.n.i", "soleimani"),
    ("S o l e i m a n i", "soleimani"),
    ("h-a-m-a-s", "hamas"),
    ("S_o_l_e_i_m_a_n_i", "soleimani"),
    ("Soleimaaaaani", "soleimani"),
    ("Hezbolllah", "hezbolah"),
    ("Jaʿfar", "jafar"),
    ("Kata’ib", "kata'ib"),
    ("حِزْبُ اللهِ", "حزب الله"),
    ("حزب اللـــه", "حزب الله"),
    ("حزب‌الله", "حزبالله"),
    ("کتائب", "كتايب"),
    ("ی", "ي"),
    ("ى", "ي"),
    ("مدرسة", "مدرسه"),
    ("أحمد إبراهيم آمن ٱلله", "احمد ابراهيم امن الله"),
    ("ؤ", "و"),
    ("ﺣﻤﺎﺱ", "حماس"),  # presentation forms
    ("۱۴۰۲", "1402"),
    ("a  \t b", "a b"),
])
def test_folding_rules(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", ["2020", "$22 million", "9M133 Kornet", "call 911", "Hamas!", "@user", "A+B=3"])
def test_numbers_and_symbols_outside_words_stay(raw: str) -> None:
    folded = normalize(raw).text
    assert [c for c in folded if c.isdigit()] == [c for c in raw if c.isdigit()]


def test_ambiguous_leet_one_is_read_both_ways() -> None:
    n = normalize("He2bo11ah Hezbo11ah")
    assert n.text == "he2boiiah hezboiiah"
    assert n.alt is not None and n.alt.text == "he2bollah hezbollah"


def test_offsets_map_each_character_back() -> None:
    raw = "Sole\u200bimaaaani ﷲ S.o.l.e"
    n = normalize(raw)
    assert n.text == "soleimani الله sole"
    a = n.text.index("soleimani")
    assert n.span(a, a + len("soleimani")) == (0, raw.index(" "))
    b = n.text.index("الله")
    assert raw[slice(*n.span(b, b + 4))] == "ﷲ"


_ALPHABET = st.sampled_from(list("aAeEoOsShH1l0345@$|!. -_'’#") + ZERO_WIDTH + list("حزبالهیيكکةۀأإ َُِـ") +
                            ["е", "о", "Α", "ß", "ﷲ", "𝐇", "\u0301", "Ḥ", "\n"])
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalization_is_idempotent(raw: str) -> None:
    once = normalize(raw).text
    assert normalize(once).text == once


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_offsets_point_inside_the_original(raw: str) -> None:
    n = normalize(raw)
    assert len(n.starts) == len(n.ends) == len(n.text)
    for s, e in zip(n.starts, n.ends, strict=True):
        assert 0 <= s <= e <= len(raw)
    assert n.starts == sorted(n.starts)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_prefilter_never_hides_a_needed_step(raw: str) -> None:
    s, _ = fold(raw)
    s = _SPACES.sub(" ", s)
    flags = triggers(s)
    assert not _SPLIT.search(s) or flags & SPLIT
    assert not _STRETCH.search(s) or flags & STRETCH
    assert not joined_edits(s) or flags & JOIN

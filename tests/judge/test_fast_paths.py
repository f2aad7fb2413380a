"""The judge's speed-ups compute exactly what the plain versions compute."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.judge import _corpus, _vectors
from redline.judge._firsts import dispatch
from redline.judge._model import fit, samples_of

PATTERNS = [("honorific", [r"martyr", r"shaheed", r"شهید", r"الشهيد", r"(?:haj|hajj)\s+\w+"]),
            ("support", [r"join\s+(?:the|us)", r"donate", r"تبرعوا", r"[اأ]نضموا"]),
            ("voice", [r"\bwe\b", r"\bour\b", r"نحن", r".{0,2}said"])]


def plain(alternatives: list[tuple[str, list[str]]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in alts)})" for kind, alts in alternatives))


FAST, GROUPS = dispatch(PATTERNS)
FAST_RX, PLAIN_RX = re.compile(FAST), plain(PATTERNS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("martyshedjoinwesaidour ") + list("شهیدالنحتبرعوأ ")), max_size=60))
def test_first_character_dispatch_finds_the_same_matches(text: str) -> None:
    fast = [(m.start(), m.end(), GROUPS[m.lastgroup or ""]) for m in FAST_RX.finditer(text)]
    slow = [(m.start(), m.end(), m.lastgroup) for m in PLAIN_RX.finditer(text)]
    assert fast == slow


def test_fast_vectors_give_sklearns_probabilities_bit_for_bit() -> None:
    examples = _corpus.load(_corpus.files(_corpus.default_dir()))[:400]
    model = fit(examples[:300], "test")
    samples = samples_of(examples[300:])
    assert _vectors.supported(model.pipeline)
    _vectors.forget_words()
    fast = _vectors.predict_proba(model.pipeline, samples)
    again = _vectors.predict_proba(model.pipeline, samples)  # now from the per-word cache
    slow = model.pipeline.predict_proba(samples)
    assert np.array_equal(fast, slow) and np.array_equal(again, slow)

"""Text helpers for the judge: matching normalization with an offset map, sentences, quotations."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# One canonical letter for the Arabic-script variants writers mix freely (Arabic vs Persian yeh/kaf,
# hamza seats, teh marbuta); cue patterns are normalized the same way, so both sides agree.
_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ة": "ه",
    "\u200c": " ", "\u200d": " ", "\u00a0": " ", "’": "'", "‘": "'", "ـ": "",
})
_DROP = re.compile(r"[\u064b-\u065f\u0670\u0640\u200b\u200e\u200f]")


@dataclass(frozen=True, slots=True)
class Folded:
    """Text folded for matching, with `pos[i]` = the original offset of folded character i."""

    text: str
    pos: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original (start, end) of a folded span."""
        if not self.pos:
            return 0, 0
        s = self.pos[min(start, len(self.pos) - 1)]
        e = self.pos[end - 1] + 1 if end > start else s
        return s, e


def fold(text: str) -> Folded:
    """Return `text` lower-cased, diacritics removed and Arabic-script variants unified, with an offset map."""
    # str.lower() on the whole text equals the per-character loop below except for the two letters
    # whose lower case is context-dependent (final sigma) or longer than one character (dotted İ).
    if "\u0130" in text or "\u03a3" in text:
        return _fold_slow(text)
    folded = text.lower()
    if _DROP.search(text) is None:
        return Folded(folded.translate(_FOLD), tuple(range(len(text))))
    pos: list[int] = []
    prev = 0
    for m in _DROP.finditer(text):  # each match is one dropped character
        pos.extend(range(prev, m.start()))
        prev = m.end()
    pos.extend(range(prev, len(text)))
    return Folded(_DROP.sub("", folded).translate(_FOLD), tuple(pos))


def _fold_slow(text: str) -> Folded:
    out: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        if _DROP.match(ch):
            continue
        low = ch.lower()
        c = (low if len(low) == 1 else ch).translate(_FOLD)
        if len(c) == 1:
            out.append(c)
            pos.append(i)
    return Folded("".join(out), tuple(pos))


def fold_pattern(text: str) -> str:
    """Return a cue pattern folded the way `fold` folds post text."""
    return unicodedata.normalize("NFC", "".join(ch for ch in text.lower() if not _DROP.match(ch))).translate(_FOLD)


_SENT_END = re.compile(r"(?<=[.!?؟…])[\"”»']?\s+|\n+")
_PARA = re.compile(r"\n\s*\n")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _SENT_END.finditer(text, start, end):
        _append_trimmed(text, cur, m.start(), spans)
        cur = m.end()
    _append_trimmed(text, cur, end, spans)
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the blank-line separated paragraphs of text."""
    spans: list[tuple[int, int]] = []
    cur = 0
    for m in _PARA.finditer(text):
        _append_trimmed(text, cur, m.start(), spans)
        cur = m.end()
    _append_trimmed(text, cur, len(text), spans)
    return spans


def _append_trimmed(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "”": "”"}
_OPEN = re.compile("[" + "".join(_PAIRS) + "]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans enclosed in quotation marks (“ ” « » " „); an unclosed quote runs to the paragraph end."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        m = _OPEN.search(text, i)
        if m is None:
            break
        i = m.start()
        close = _PAIRS[text[i]]
        j = text.find(close, i + 1)
        para_end = text.find("\n\n", i + 1)
        para_end = n if para_end < 0 else para_end
        if j < 0 or j > para_end:
            j = para_end
        if j - i > 1:
            spans.append((i, min(j + 1, n)))
        i = j + 1
    return spans

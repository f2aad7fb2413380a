"""Normalize text for name matching and keep a map from every normalized character back to the original.

Steps, in order: fold each character (NFKC, case folding, Latin diacritics, Cyrillic/Greek
look-alikes, zero-width and format characters, Arabic harakat, tatweel and letter variants; see
`_chars.py`), collapse runs of white space, re-join letters split by separators
("S.o.l.e.i.m.a.n.i"), undo leetspeak inside words that contain letters ("H4m4s"), and collapse
letters stretched three times or more ("Soleimaaaani"). Punctuation is kept, so the result stays
readable and normalizing it again changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.text._chars import LAZY_FROM, tables
from redline.text._offsets import Offsets, identity, rewrite, substitute
from redline.text._triggers import JOIN, LEET, SPLIT, STRETCH, triggers

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "|": "l", "!": "i"}
_LEET_TOKEN = re.compile(r"[a-z0-9@$|!]*[a-z][a-z0-9@$|!]*")
# Four or more single letters, all separated the same way: "S o l e", "h-a-m-a-s".
_SPLIT = re.compile(r"(?<![^\W_])[^\W_]([ ._*·•~-]{1,3})(?:[^\W_]\1){2,}[^\W_](?![^\W_])")
_SPLIT_SEP = re.compile(r"[ ._*·•~-]+")
_STRETCH = re.compile(r"([^\W\d_])\1{2,}")
_SPACES = re.compile(r" {2,}")
_WORDS: dict[str, str] = {}  # a word as written -> its folded form
_ODD_WORDS: set[str] = set()  # words whose folding changes their length
_WORDS_MAX = 200_000


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string and where each of its characters came from in `original`."""

    text: str
    original: str
    offsets: Offsets | None = None  # None: character i of `text` is character i of `original`
    alt: Normalized | None = None  # the same text with ambiguous leetspeak ("1", "!") read as "l"
    may_join: bool = False  # a separator sits between two letters ("Hez-bollah"): worth a re-joined scan

    @property
    def starts(self) -> list[int]:
        """Return, for each normalized character, the start of its original span."""
        return (self.offsets or identity(len(self.text)))[0]

    @property
    def ends(self) -> list[int]:
        """Return, for each normalized character, the end of its original span."""
        return (self.offsets or identity(len(self.text)))[1]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Return the original (start, end) of the normalized slice [a, b)."""
        if self.offsets is None:
            return a, b
        return self.offsets[0][a], self.offsets[1][b - 1]


def fold(text: str, offsets: Offsets | None = None) -> tuple[str, Offsets | None]:
    """Return the character-folded text and its offsets (None while they are the identity)."""
    full, ascii_table, _ = tables()
    if offsets is None:
        if text.isascii():
            return text.translate(ascii_table), None
        folded, one_for_one = _fold_words(text)
        if one_for_one:
            return folded, None
    folded = text.translate(full)
    prior_s, prior_e = offsets if offsets is not None else identity(len(text))
    starts: list[int] = []
    ends: list[int] = []
    for i, c in enumerate(text):
        n = len(full[ord(c)]) if ord(c) in full else 1
        if n:
            starts.extend([prior_s[i]] * n)
            ends.extend([prior_e[i]] * n)
    return folded, (starts, ends)


def _fold_words(text: str) -> tuple[str, bool]:
    """Fold word by word through a cache: real text repeats its words, and `translate` is slow off ASCII."""
    words = text.split(" ")
    folded = " ".join([_WORDS.get(w) or _fold_word(w) for w in words])
    return folded, _ODD_WORDS.isdisjoint(words)


def _fold_word(w: str) -> str:
    full, _, odd = tables()
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
        _ODD_WORDS.clear()
    f = _WORDS[w] = w.translate(full)
    if not odd.isdisjoint(w) or (w and max(w) >= LAZY_FROM):
        _ODD_WORDS.add(w)
    return f


def _unleet(s: str) -> tuple[str, str | None]:
    """Return `s` with leetspeak read as letters inside words, and the "l"-reading when it differs."""
    subs: list[tuple[int, str]] = []
    alt: list[tuple[int, str]] = []
    for m in _LEET_TOKEN.finditer(s):
        tok, base = m.group(), m.start()
        letters = sum(c.isalpha() for c in tok)
        if letters < 2 and letters < len(tok) - letters:
            continue  # "9M133", "3rd": a number with a unit, not a disguised word
        for k, ch in enumerate(tok):
            if ch not in _LEET:
                continue
            if ch in "@!" and not 0 < k < len(tok) - 1:
                continue  # "@user", "Hamas!" are not leetspeak
            if ch in "$|" and k == len(tok) - 1:
                continue
            subs.append((base + k, _LEET[ch]))
            if ch in "1!":
                alt.append((base + k, "l"))
    if not subs:
        return s, None
    out = substitute(s, subs)
    return out, (substitute(out, alt) if alt else None)


def _destretch(s: str, offs: Offsets | None) -> tuple[str, Offsets | None]:
    if _STRETCH.search(s) is None:
        return s, offs
    return rewrite(s, offs, [(m.start(), m.end(), m.group(1)) for m in _STRETCH.finditer(s)])


def normalize(text: str, offsets: Offsets | None = None) -> Normalized:
    """Return the normalized form of `text` with the offset map back to it.

    `offsets`, when given, map `text` itself onto an earlier original (used for pre-edited variants).
    """
    s, offs = fold(text, offsets)
    if "  " in s:
        s, offs = rewrite(s, offs, [(m.start(), m.end(), " ") for m in _SPACES.finditer(s)])
    flags = triggers(s)
    if flags & SPLIT and _SPLIT.search(s):
        edits = [(m.start() + k.start(), m.start() + k.end(), "") for m in _SPLIT.finditer(s)
                 for k in _SPLIT_SEP.finditer(m.group())]
        s, offs = rewrite(s, offs, edits)
    alt = None
    if flags & LEET:
        before = s
        s, l_reading = _unleet(s)
        if s != before:
            flags |= STRETCH  # "aa4" reads "aaa"

        if l_reading is not None:
            alt_s, alt_offs = _destretch(l_reading, offs)
            alt = Normalized(alt_s, text, alt_offs)
    if flags & STRETCH:
        s, offs = _destretch(s, offs)
    return Normalized(s, text, offs, alt, bool(flags & JOIN))

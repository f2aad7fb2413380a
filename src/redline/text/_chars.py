"""The per-character folding table: NFKC, case folding, diacritics, look-alikes, Arabic letter variants.

Every rule here is context-free (one character in, zero or more characters out), so the whole
table is applied with one `str.translate` call. Context-dependent rules (leetspeak, split and
stretched letters) live in `normalize.py`.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import icu

# Arabic and Persian letters written several ways: each maps to one representative.
_ARABIC = {
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي", "ٸ": "ي",
    "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ه",
    "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ٶ": "و",
}
# Transliteration marks for ayn and hamza ("Jaʿfar", "Kataʼib") carry no letter.
_DROP = {"\u02be", "\u02bf", "\u02bb", "\u02bc", "\u0640"}  # ... and tatweel (stretching)
_APOSTROPHES = "'’‘‛`´′"
_SKELETON_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")
_PLANES = (range(0, 0xD800), range(0xE000, 0x20000), range(0xE0000, 0xE0200))
LAZY_FROM = "\U00020000"  # characters from here on are folded on first sight (see tables())

_spoof = icu.SpoofChecker()


def _skeleton(c: str) -> str | None:
    """Return the ASCII letter a Latin/Cyrillic/Greek look-alike stands for, or None."""
    try:
        name = unicodedata.name(c)
    except ValueError:
        return None
    if not name.startswith(_SKELETON_SCRIPTS):
        return None  # ICU skeletons turn Arabic ه into "o" and ا into "l": never for other scripts
    sk = "".join(x for x in unicodedata.normalize("NFKD", _spoof.getSkeleton(0, c)) if not unicodedata.combining(x))
    if len(sk) != 1 or not (sk.isascii() and sk.isalpha()):
        return None
    # ICU's prototype for capital I is "l"; an upper-case look-alike of I means i.
    return "i" if sk == "l" and c.isupper() else sk.lower()


def _fold_once(c: str) -> str:
    if c in _DROP:
        return ""
    if c in _APOSTROPHES:
        return "'"
    if c in "\t\n\r\x0b\x0c\x85":
        return " "
    cat = unicodedata.category(c)
    if cat == "Cf" or cat in ("Mn", "Me"):
        return ""  # zero-width and direction marks, soft hyphen, BOM; harakat and accents
    if cat.startswith("Z"):
        return " "
    if cat == "Pd":
        return "-"
    if c in _ARABIC:
        return _ARABIC[c]
    if cat == "Nd" and not c.isascii():
        return str(unicodedata.digit(c))
    if not c.isascii():
        sk = _skeleton(c)
        if sk is not None:
            return sk
    d = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return unicodedata.normalize("NFKC", d.casefold())


@cache
def fold_char(c: str) -> str:
    """Return the folded form of one character (applied until nothing changes)."""
    out = _fold_once(c)
    for _ in range(4):
        nxt = "".join(_fold_once(x) for x in out)
        if nxt == out:
            break
        out = nxt
    return out


class _LazyTable(dict[int, str]):
    """A translate table that folds characters outside the precomputed planes on first sight."""

    def __missing__(self, cp: int) -> str:
        value = fold_char(chr(cp))
        self[cp] = value
        return value


@cache
def tables() -> tuple[dict[int, str], dict[int, str], frozenset[str]]:
    """Return (translate table for any text, table for ASCII text, characters that change length).

    Characters beyond the precomputed planes (at or above U+20000) are folded lazily and must be
    treated as possibly changing length.
    """
    full: dict[int, str] = _LazyTable()
    odd: list[str] = []
    for plane in _PLANES:
        for cp in plane:
            c = chr(cp)
            f = fold_char(c)
            if f != c:
                full[cp] = f
            if len(f) != 1:
                odd.append(c)
    ascii_table = {cp: full.get(cp, chr(cp)) for cp in range(128)}
    return full, ascii_table, frozenset(odd)

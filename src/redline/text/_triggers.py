"""One scan that tells which context-dependent normalization steps a folded text needs.

The exact regular expressions in `normalize.py` (stretched letters, leetspeak, split words) cost
several microseconds each per post with Python's `re`, and almost no post needs them. Hyperscan
runs looser versions of all of them in one pass (about 1 µs); the exact ones then run only where
it fired. Without Hyperscan (it ships for x86-64 only) every flag is raised and `re` does the work.
"""

from __future__ import annotations

from functools import cache
from typing import Any

STRETCH, LEET, JOIN, SPLIT = 1, 2, 4, 8
ALL = STRETCH | LEET | JOIN | SPLIT
_LETTERS = "abcdefghijklmnopqrstuvwxyz" + "".join(chr(c) for c in range(0x0621, 0x064B)) + "پچژگ"
_PATTERNS = (
    (STRETCH, "|".join(c * 3 for c in _LETTERS)),
    (LEET, r"[a-z][0134579$|]|[a-z][@!][a-z]|[0134579$|][a-z]"),
    (JOIN, r"\p{L}[-._*\x{00B7}']\p{L}"),
    (SPLIT, r"(?:^|\W)\w[ ._*\x{00B7}\x{2022}~-]{1,3}\w[ ._*\x{00B7}\x{2022}~-]{1,3}\w"),
)


@cache
def _database() -> Any:
    try:
        import hyperscan
    except ImportError:
        return None
    db = hyperscan.Database()
    flags = hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP
    db.compile(expressions=[p.encode() for _, p in _PATTERNS], ids=[f for f, _ in _PATTERNS],
               elements=len(_PATTERNS), flags=[flags] * len(_PATTERNS))
    db.scratch = hyperscan.Scratch(db)
    return db


def triggers(s: str) -> int:
    """Return the OR of the flags (STRETCH, LEET, JOIN, SPLIT) a folded text may need."""
    db = _database()
    if db is None:
        return ALL
    found = [0]

    def on_match(flag: int, _from: int, _to: int, _flags: int, _ctx: Any) -> None:
        found[0] |= flag

    db.scan(s.encode("utf-8", "surrogatepass"), match_event_handler=on_match)
    return found[0]


def available() -> bool:
    """Return True when the one-pass Hyperscan prefilter is in use."""
    return _database() is not None

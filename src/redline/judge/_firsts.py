"""First characters of regular expressions, so that a lexicon's alternation can dispatch on them.

A cue regex tries every pattern at every word start; most fail on their first character. Knowing
which characters each pattern can start with lets `_cues` split the alternation into one branch per
first character, each keeping its patterns in the original order, so the matches are the same.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # sre internals: the parsed form of a pattern
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

MAX_RANGE = 64  # a wider character range counts as "any character"
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)

# (characters a match can start with, whether it can match the empty string); None: cannot tell
_First = tuple[frozenset[str], bool] | None


def first_chars(pattern: str) -> frozenset[str] | None:
    """Return the characters every match of `pattern` starts with, or None when unknown or it can match empty."""
    try:
        parsed = P.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    first = _seq(parsed.data)
    return None if first is None or first[1] else first[0]


def _seq(items: list[Any]) -> _First:
    chars: set[str] = set()
    for item in items:
        first = _item(*item)
        if first is None:
            return None
        chars |= first[0]
        if not first[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _item(op: Any, av: Any) -> _First:
    if op is C.LITERAL:
        return frozenset(chr(av)), False
    if op is C.IN:
        return _charset(av)
    if op is C.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _seq(av[3].data)
    if op is C.ATOMIC_GROUP:
        return _seq(av.data)
    if op is C.BRANCH:
        chars: set[str] = set()
        empty = False
        for alt in av[1]:
            first = _seq(alt.data)
            if first is None:
                return None
            chars |= first[0]
            empty = empty or first[1]
        return frozenset(chars), empty
    if op in _REPEATS:
        first = _seq(av[2].data)
        return None if first is None else (first[0], first[1] or av[0] == 0)
    return None  # assertions, categories, back-references, any character: no short list


def _charset(items: list[Any]) -> _First:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars), False


def dispatch(alternatives: list[tuple[str, list[str]]]) -> tuple[str, dict[str, str]]:
    """Return (an alternation of named groups, {group name: kind}) equivalent to one group per kind.

    `alternatives` is [(kind, its patterns in order)]; the plain form is (?P<kind>(?:p1)|(?:p2))|...
    Here there is one branch per possible first character, guarded by a look-ahead, holding (in the
    same kind and pattern order) only the patterns that can start with it or whose start is unknown;
    a last branch holds the unknown ones for every other character. At any position exactly one
    branch's guard holds, and the patterns it drops could not have matched there.
    """
    firsts = {a: first_chars(a) for _kind, alts in alternatives for a in alts}
    chars = sorted(set().union(*(f for f in firsts.values() if f is not None)))
    groups: dict[str, str] = {}
    branches: list[str] = []
    for c in [*chars, None]:
        parts: list[str] = []
        for kind, alts in alternatives:
            keep = [a for a in alts if _may_start(firsts[a], c)]
            if keep:
                name = f"g{len(groups)}"
                groups[name] = kind
                parts.append(f"(?P<{name}>{'|'.join(f'(?:{a})' for a in keep)})")
        if parts:
            if c is not None:
                guard = f"(?={re.escape(c)})"
            else:
                guard = f"(?![{''.join(map(re.escape, chars))}])" if chars else ""
            branches.append(guard + "(?:" + "|".join(parts) + ")")
    return "|".join(branches), groups


def _may_start(first: frozenset[str] | None, c: str | None) -> bool:
    """Return True when a pattern with first characters `first` belongs in the branch of character `c`."""
    return first is None or (c is not None and c in first)

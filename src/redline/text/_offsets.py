"""Rewrite a string by edits while keeping, for every output character, the original span it came from."""

from __future__ import annotations

from collections.abc import Iterable

Offsets = tuple[list[int], list[int]]


def identity(n: int) -> Offsets:
    """Return the offset arrays of an untouched string of length n."""
    return list(range(n)), list(range(1, n + 1))


def rewrite(s: str, offsets: Offsets | None, edits: Iterable[tuple[int, int, str]]) -> tuple[str, Offsets]:
    """Return `s` with each (start, end, replacement) edit applied, and the composed offset arrays.

    Edits must be sorted and must not overlap. A replacement character maps to the whole original
    span of the text it replaces (so "aaaa" -> "a" keeps the full run); an insertion maps to an
    empty span.
    """
    starts, ends = offsets if offsets is not None else identity(len(s))
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for a, b, repl in edits:
        out.append(s[pos:a])
        new_starts.extend(starts[pos:a])
        new_ends.extend(ends[pos:a])
        if repl:
            if a < b:
                lo, hi = starts[a], ends[b - 1]
            else:
                lo = hi = starts[a] if a < len(s) else (ends[-1] if ends else 0)
            out.append(repl)
            new_starts.extend([lo] * len(repl))
            new_ends.extend([hi] * len(repl))
        pos = b
    out.append(s[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(out), (new_starts, new_ends)


def substitute(s: str, edits: Iterable[tuple[int, str]]) -> str:
    """Return `s` with single characters replaced one for one (offsets do not change)."""
    chars = list(s)
    for i, c in edits:
        chars[i] = c
    return "".join(chars)

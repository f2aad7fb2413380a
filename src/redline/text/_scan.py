"""Find every candidate name in one text: the normalized text and its evasion variants, then the fuzzy pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.text._index import Index, Pattern, joined_edits, view
from redline.text._offsets import Offsets, rewrite
from redline.text.normalize import normalize

_HASHTAG = re.compile(r"[#＃]\w+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(slots=True)
class Candidate:
    """One pattern found at one place, before overlaps and ambiguity are settled."""

    pattern: Pattern
    pid: int
    start: int  # original text offsets
    end: int
    via: str  # "" plain, "leetspeak", "joined", "camelcase", "fuzzy"
    view: str  # the view it was found in, and its normalized offsets there
    a: int
    b: int
    ambiguous: bool
    fuzzy_token: str = ""


def _span(offs: Offsets | None, a: int, b: int) -> tuple[int, int]:
    return (a, b) if offs is None else (offs[0][a], offs[1][b - 1])


def _camel_variant(text: str) -> tuple[str, Offsets | None] | None:
    spots = [(m.start() + k.start(), m.start() + k.start(), " ") for m in _HASHTAG.finditer(text)
             for k in _CAMEL.finditer(m.group())]
    if not spots:
        return None
    split, offs = rewrite(text, None, spots)
    n = normalize(split, offs)
    return n.text, n.offsets


# Emoji and pictographs wedged inside a word ("Sol🔥eimani"): read once more with them taken out. Only
# a variant, because between two words ("Hamas🇵🇸Gaza") the emoji is the word boundary.
_EMOJI_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]+(?=[^\W\d_])")


def _emoji_variant(text: str) -> tuple[str, Offsets | None] | None:
    if text.isascii() or not _EMOJI_IN_WORD.search(text):
        return None
    stripped, offs = rewrite(text, None, [(m.start(), m.end(), "") for m in _EMOJI_IN_WORD.finditer(text)])
    n = normalize(stripped, offs)
    return n.text, n.offsets


def candidates(index: Index, text: str) -> tuple[list[Candidate], str]:
    """Return every candidate in `text` and the view of its normalized form."""
    base = normalize(text)
    variants: list[tuple[str, str, Offsets | None]] = [("", base.text, base.offsets)]
    if base.alt is not None:
        variants.append(("leetspeak", base.alt.text, base.alt.offsets))
    edits = joined_edits(base.text) if base.may_join else []
    if base.may_join and edits:
        variants.append(("joined", *rewrite(base.text, base.offsets, edits)))
    if "#" in text or "＃" in text:
        camel = _camel_variant(text)
        if camel is not None:
            variants.append(("camelcase", *camel))
    emoji = _emoji_variant(text)
    if emoji is not None:
        variants.append(("emoji", *emoji))
    found: list[Candidate] = []
    base_view = ""
    near: list[tuple[int, int, tuple[str, ...]]] = []
    for via, s, offs in variants:
        v = view(s)
        exact, close = index.scan(v)
        if not via:
            base_view, near = v, close
        for a, b, ids in exact:
            for pid in ids:
                p = index.patterns[pid]
                start, end = _span(offs, a + p.trim, b)
                ambiguous = p.ambiguous
                if p.caps:
                    surface = text[start:end]
                    if not surface.isupper():
                        if p.caps == 3:
                            continue  # "is", "kh": a short acronym only counts in capitals
                        ambiguous = True
                found.append(Candidate(p, pid, start, end, via, v, a, b, ambiguous))
    if near:
        known = {c.pattern.form for c in found}
        for vs, ve, names in near:
            for a, b, pid, tok in index.fuzzy.verify(base_view, vs, ve, names, known):
                p = index.patterns[pid]
                start, end = _span(base.offsets, a, b)
                found.append(Candidate(p, pid, start, end, "fuzzy", base_view, a, b, p.ambiguous, tok))
    return found, base_view

"""Split a post's text into segments by the offsets of mentions and cues, for escaped highlighting.

The template prints each segment's text through autoescape inside its own element; markup is never
built from the post, so a hostile post can only ever show up as text. Bidirectional control characters
(which can make text read differently from what it is) become separate, visibly labelled segments.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field
from typing import Any

BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass
class Span:
    """A highlighted range: a mention of an entity or a cue that moved the judgement."""

    start: int
    end: int
    kind: str  # mention or cue
    label: str


@dataclass
class Segment:
    """A run of text covered by the same spans; `control` marks a bidi control shown as its code point."""

    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    control: bool = False

    @property
    def css(self) -> str:
        """Return the CSS classes for this segment (fixed words, never text from the post)."""
        return " ".join(sorted({"hl-" + k for k in self.kinds} | ({"bidi"} if self.control else set())))


def spans_of(mentions: list[dict[str, Any]], assessments: list[dict[str, Any]]) -> list[Span]:
    """Return the mention and cue spans that have offsets."""
    spans: list[Span] = []
    for m in [*mentions, *(a.get("mention", {}) for a in assessments)]:
        if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
            spans.append(Span(m["start"], m["end"], "mention", f"{m.get('entity_name', '')} ({m.get('method', '')})"))
    for a in assessments:
        for c in a.get("cues", []):
            if isinstance(c.get("start"), int) and isinstance(c.get("end"), int):
                spans.append(Span(c["start"], c["end"], "cue", f"cue: {c.get('kind', '')}"))
    return spans


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """Return the text cut at every span boundary and bidi control, each piece with the spans covering it."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = {0, n} | {s.start for s in valid} | {s.end for s in valid}
    cuts |= {i for i, ch in enumerate(text) if ch in BIDI_CONTROLS} | {i + 1 for i, ch in enumerate(text)
                                                                       if ch in BIDI_CONTROLS}
    bounds = sorted(cuts)
    out: list[Segment] = []
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        covering = [s for s in valid if s.start <= a and b <= s.end]
        kinds = sorted({s.kind for s in covering})
        labels = sorted({s.label for s in covering})
        if len(piece) == 1 and piece in BIDI_CONTROLS:
            name = unicodedata.name(piece, "BIDI CONTROL")
            out.append(Segment(f"[U+{ord(piece):04X} {name}]", kinds, labels, control=True))
        else:
            out.append(Segment(piece, kinds, labels))
    return out

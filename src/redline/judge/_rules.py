"""The rule layer: cues in the author's own voice vote for stances; praise in reported speech is set aside."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from redline.judge._cues import Hit, Lexicon
from redline.judge._voice import PostText, find_hits, inside, reported_spans
from redline.model import Cue, Stance

STANCES: tuple[Stance, ...] = (Stance.GLORIFICATION, Stance.SUPPORT, Stance.REPRESENTATION, Stance.REPORTING,
                               Stance.NEUTRAL, Stance.CONDEMNATION, Stance.COUNTER_SPEECH)
INDEX = {s: i for i, s in enumerate(STANCES)}
VIOLATING_IDX = np.array([0, 1, 2])
_NEGATED = {Stance.GLORIFICATION: Stance.CONDEMNATION, Stance.SUPPORT: Stance.COUNTER_SPEECH,
            Stance.REPRESENTATION: Stance.NEUTRAL}
NEGATION_REACH = 20  # folded characters before a cue that a negation still governs
REPORTED_SHARE = 0.5  # a praising cue someone else said counts this much towards `reporting`
PRIOR = 0.4  # `neutral` evidence a window has before any cue: no cue is weak evidence of plain discussion
SHARPNESS = 1.6  # how fast rule evidence turns into probability


@dataclass
class RuleView:
    """What the rule layer saw in one window."""

    evidence: np.ndarray  # per STANCES, author-voice evidence
    cues: list[Cue] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)  # reported passages whose praise was not the author's
    markers: list[str] = field(default_factory=list)
    author_text: str = ""
    quoted_text: str = ""

    def probabilities(self) -> np.ndarray:
        """Return the rule layer's stance distribution (softmax of the evidence)."""
        z = SHARPNESS * self.evidence
        e = np.exp(z - z.max())
        return np.asarray(e / e.sum())

    @property
    def violating_evidence(self) -> float:
        """Return the author-voice evidence for the violating stances."""
        return float(self.evidence[VIOLATING_IDX].sum())


def read_window(pt: PostText, lexicons: list[Lexicon], start: int, end: int,
                mention: tuple[int, int] | None = None) -> RuleView:
    """Return the rule layer's view of folded window [start, end) of a prepared post."""
    hits = find_hits(pt, lexicons, start, end)
    spans = reported_spans(pt, hits)
    ev = np.zeros(len(STANCES))
    ev[INDEX[Stance.NEUTRAL]] = PRIOR
    view = RuleView(ev)
    text = pt.folded.text
    questions = {pt.sentence_of(h.start) for h in hits if h.kind.role == "question"}
    negations = [h for h in hits if h.kind.role == "negation"]
    for h in hits:
        kind = h.kind
        if kind.role in ("negation", "question") or kind.stance is None:
            continue
        reported = inside(spans, h.start, h.end) if kind.role == "stance" else None
        stance, weight, tag = kind.stance, kind.weight, kind.name
        if reported is not None:
            tag = "quoted_" + kind.name
            if stance in _NEGATED:
                qs, qe = pt.folded.span(reported[0], reported[1])
                quote = pt.original[qs:qe].strip(" «»\"“”„:")
                if quote and quote not in view.set_aside:
                    view.set_aside.append(quote[:160])
            stance, weight = Stance.REPORTING, weight * REPORTED_SHARE
        elif kind.role == "stance" and _negated(h, negations, pt):
            tag = "negated_" + kind.name
            stance = _NEGATED.get(stance, stance)
            weight *= 0.6
        if kind.role == "stance" and pt.sentence_of(h.start) in questions:
            tag += "_question"
            weight *= 0.5
            ev[INDEX[Stance.NEUTRAL]] += 0.2
        ev[INDEX[stance]] += weight
        view.markers.append(tag)
        s, e = pt.folded.span(h.start, h.end)
        view.cues.append(Cue(pt.original[s:e], s, e, tag, weight))
    if mention is not None and inside(spans, *mention) is not None:
        view.markers.append("mention_reported")
        ev[INDEX[Stance.REPORTING]] += 0.4
    view.author_text, view.quoted_text = _split_voice(text, start, end, spans)
    return view


def _negated(h: Hit, negations: list[Hit], pt: PostText) -> bool:
    sent = pt.sentence_of(h.start)
    return any(0 <= h.start - n.end <= NEGATION_REACH and pt.sentence_of(n.start) == sent for n in negations)


def _split_voice(text: str, start: int, end: int, spans: list[tuple[int, int, int]]) -> tuple[str, str]:
    """Return (the window's text in the author's voice, the text reported from others)."""
    author: list[str] = []
    quoted: list[str] = []
    cur = start
    for s, e, _ in sorted(sp for sp in spans if sp[1] > start and sp[0] < end):
        s, e = max(s, start), min(e, end)
        if s > cur:
            author.append(text[cur:s])
        if e > cur:
            quoted.append(text[max(s, cur):e])
        cur = max(cur, e)
    author.append(text[cur:end])
    return " ".join(author), " ".join(quoted)

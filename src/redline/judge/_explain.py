"""Explanations: which cues decided an assessment, and which attributed quotes were set aside."""

from __future__ import annotations

from redline.judge._rules import RuleView
from redline.judge._voice import PostText
from redline.model import VIOLATING_STANCES, Cue, Stance

MAX_CUES = 6
_VIOLATING_KINDS = {"honorific", "glorifying_frame", "revenge", "partisan_frame", "support_call", "group_voice", "first_plural"}


def deciding_cues(view: RuleView, violating: bool) -> list[Cue]:
    """Return the window's cues that point the way the assessment went, strongest first."""
    def pointing(c: Cue) -> bool:
        own = c.kind in _VIOLATING_KINDS or (c.kind.endswith("_question") and c.kind[:-9] in _VIOLATING_KINDS)
        return own if violating else not own

    return sorted((c for c in view.cues if pointing(c)), key=lambda c: -c.weight)[:MAX_CUES]


def explain_assessment(view: RuleView, stance: Stance, p_viol: float, pt: PostText, window: tuple[int, int],
                       document: RuleView | None) -> tuple[list[Cue], str]:
    """Return (deciding cues, a one-paragraph explanation) for one assessment."""
    violating = stance in VIOLATING_STANCES
    cues = deciding_cues(view, violating or (stance is Stance.UNCLEAR and p_viol >= 0.45))
    s, e = pt.folded.span(*window)
    where = "the whole text" if window == (0, len(pt.folded.text)) else f"the passage at {s}-{e}"
    parts = [f"{stance.value} (probability the author glorifies, supports or represents: {p_viol:.2f}), read in {where}"]
    if cues:
        parts.append("deciding words in the author's own voice: " + ", ".join(f"'{c.text}' ({c.kind})" for c in cues))
    else:
        parts.append("no listed cue decided it; the trained model's reading of the wording did")
    if view.set_aside:
        parts.append("praise set aside because it is attributed to others: "
                     + "; ".join(f"«{q}»" for q in view.set_aside[:3]))
    if document is not None:
        side = "violating" if document.violating_evidence > document.evidence[3:].sum() else "allowed"
        parts.append(f"the document's author voice overall leans {side}")
    return cues, "; ".join(parts) + "."

"""Assessments: how the author uses each mention."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from redline.model._mention import Mention


class Stance(StrEnum):
    GLORIFICATION = "glorification"
    SUPPORT = "support"
    REPRESENTATION = "representation"
    REPORTING = "reporting"
    NEUTRAL = "neutral"
    CONDEMNATION = "condemnation"
    COUNTER_SPEECH = "counter_speech"
    UNCLEAR = "unclear"


VIOLATING_STANCES = frozenset({Stance.GLORIFICATION, Stance.SUPPORT, Stance.REPRESENTATION})


@dataclass(frozen=True, slots=True)
class Cue:
    """A word or signal that moved the judgement, with its offsets in the post text."""

    text: str
    start: int | None
    end: int | None
    kind: str  # e.g. honorific, glorifying_frame, support_call, attribution, condemnation, negation, model
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the cue as a JSON-ready dict."""
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "weight": round(self.weight, 4)}


@dataclass(frozen=True, slots=True)
class Assessment:
    """The judge's view of one mention: stance, calibrated confidence and the deciding cues."""

    mention: Mention
    stance: Stance
    confidence: float
    cues: tuple[Cue, ...] = ()
    method: str = ""  # rules, model, ensemble, llm, reviewer
    explanation: str = ""

    @property
    def violating(self) -> bool:
        """Return True when the stance is one the policy prohibits."""
        return self.stance in VIOLATING_STANCES

    def to_dict(self) -> dict[str, Any]:
        """Return the assessment as a JSON-ready dict."""
        return {
            "mention": self.mention.to_dict(),
            "stance": self.stance.value,
            "confidence": round(self.confidence, 4),
            "cues": [c.to_dict() for c in self.cues],
            "method": self.method,
            "explanation": self.explanation,
        }

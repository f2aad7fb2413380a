"""Decisions: what the policy says about a post."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from redline.model._judgement import Assessment, Stance


class Verdict(StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    VIOLATING = "violating"


@dataclass(frozen=True, slots=True)
class Decision:
    """The policy's verdict on one post version, with the rule that fired and why."""

    post_id: str
    author: str
    verdict: Verdict
    rule: str
    explanation: str
    assessments: tuple[Assessment, ...] = ()
    severity: str = "none"  # none, standard, severe
    stance: Stance | None = None
    confidence: float | None = None
    policy_version: str = ""
    post_version: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as a JSON-ready dict."""
        return {
            "post_id": self.post_id,
            "post_version": self.post_version,
            "author": self.author,
            "verdict": self.verdict.value,
            "rule": self.rule,
            "severity": self.severity,
            "stance": self.stance.value if self.stance else None,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "explanation": self.explanation,
            "policy_version": self.policy_version,
            "assessments": [a.to_dict() for a in self.assessments],
        }

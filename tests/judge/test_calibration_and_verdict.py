"""Confidence stays in [0, 1] and grows with cue strength; the interim stance → verdict mapping."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redline.judge import Judge
from redline.judge.verdict import AUTO_THRESHOLD, decide_from_stances
from redline.model import Assessment, Mention, Method, Post, Stance, Verdict

LADDER = [
    "Soleimani visited the front.",
    "Soleimani, a brave man, visited the front.",
    "Martyr Soleimani, a brave hero, visited the front.",
    "Martyr Soleimani, a brave hero and a legend, visited the front; we will never forget him. Revenge!",
]


@pytest.mark.parametrize("judge_name", ["rules_judge", "full_judge"])
def test_confidence_is_monotone_in_cue_strength(judge_name: str, request: pytest.FixtureRequest,
                                                mention_of: Callable[..., Mention]) -> None:
    judge: Judge = request.getfixturevalue(judge_name)
    p_viol = []
    for text in LADDER:
        [a] = judge.assess(Post("c", "u", text), [mention_of(text, "Soleimani")])
        assert 0.0 <= a.confidence <= 1.0
        p_viol.append(a.confidence if a.violating else 1.0 - a.confidence if a.stance is not Stance.UNCLEAR else 0.5)
    assert p_viol == sorted(p_viol), p_viol
    assert p_viol[-1] >= AUTO_THRESHOLD


def _assessment(stance: Stance, confidence: float, score: float = 1.0) -> Assessment:
    m = Mention("soleimani", "Qassem Soleimani", "Soleimani", 0, 9, Method.NAME, score)
    return Assessment(m, stance, confidence, (), "test", f"{stance.value} test")


POST = Post("p", "author", "Soleimani ...")


@pytest.mark.parametrize(("stance", "confidence", "score", "verdict"), [
    (Stance.GLORIFICATION, 0.95, 1.0, Verdict.VIOLATING),
    (Stance.SUPPORT, AUTO_THRESHOLD, 1.0, Verdict.VIOLATING),
    (Stance.REPRESENTATION, 0.7, 1.0, Verdict.REVIEW),
    (Stance.UNCLEAR, 0.9, 1.0, Verdict.REVIEW),
    (Stance.GLORIFICATION, 0.95, 0.35, Verdict.REVIEW),  # an uncorroborated mention never violates alone
    (Stance.REPORTING, 0.9, 1.0, Verdict.ALLOW),
    (Stance.CONDEMNATION, 0.6, 1.0, Verdict.ALLOW),
])
def test_verdict_mapping(stance: Stance, confidence: float, score: float, verdict: Verdict) -> None:
    a = _assessment(stance, confidence, score)
    d = decide_from_stances(POST, [a.mention], [a])
    assert d.verdict is verdict
    assert d.stance is stance and d.confidence == confidence
    assert d.rule and d.explanation


def test_no_mention_is_allowed() -> None:
    d = decide_from_stances(POST, [], [])
    assert d.verdict is Verdict.ALLOW and d.rule == "no_mention" and d.stance is None


def test_one_violating_mention_decides() -> None:
    allowed = _assessment(Stance.REPORTING, 0.9)
    bad = _assessment(Stance.GLORIFICATION, 0.9)
    d = decide_from_stances(POST, [allowed.mention, bad.mention], [allowed, bad])
    assert d.verdict is Verdict.VIOLATING and d.stance is Stance.GLORIFICATION
    assert d.rule == "glorification_in_author_voice"

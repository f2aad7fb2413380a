"""The pure decision function: a table of cases, and properties that hold for every input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.model import Assessment, Mention, Method, Post, Stance, Verdict
from redline.policy import decide, decider, load_policy, tiers_of
from redline.watchlist import load_default

POLICY = load_policy(use_env=False)
TIERS = {"t1": 1, "t2": 2, "t3": 3}


def mention(entity: str = "t1", score: float = 0.95) -> Mention:
    return Mention(entity, f"Entity {entity}", f"Entity {entity}", 0, 8, Method.NAME, score)


def post(account_type: str | None = None) -> Post:
    return Post("p1", "alice", "Entity t1 ...", version=3, account_type=account_type)


@pytest.mark.parametrize(("entity", "stance", "conf", "score", "account", "verdict", "rule"), [
    ("t1", Stance.GLORIFICATION, 0.90, 0.95, None, Verdict.VIOLATING, "tier1_glorification"),
    ("t1", Stance.SUPPORT, 0.85, 0.95, None, Verdict.VIOLATING, "tier1_support"),
    ("t1", Stance.GLORIFICATION, 0.84, 0.95, None, Verdict.REVIEW, "tier1_glorification_needs_review"),
    ("t1", Stance.GLORIFICATION, 0.50, 0.95, None, Verdict.REVIEW, "tier1_glorification_needs_review"),
    ("t1", Stance.GLORIFICATION, 0.49, 0.95, None, Verdict.ALLOW, "low_confidence"),
    ("t1", Stance.GLORIFICATION, 0.99, 0.40, None, Verdict.REVIEW, "low_mention_score"),
    ("t1", Stance.GLORIFICATION, 0.70, 0.40, None, Verdict.REVIEW, "low_mention_score"),
    ("t1", Stance.GLORIFICATION, 0.69, 0.40, None, Verdict.ALLOW, "weak_mention_not_confident"),
    ("t1", Stance.UNCLEAR, 0.99, 0.40, None, Verdict.ALLOW, "weak_mention_not_confident"),
    ("t3", Stance.GLORIFICATION, 0.50, 0.40, None, Verdict.REVIEW, "tier3_glorification_review"),
    ("t1", Stance.UNCLEAR, 0.99, 0.95, None, Verdict.REVIEW, "tier1_unclear_review"),
    ("t1", Stance.REPORTING, 0.99, 0.95, None, Verdict.ALLOW, "tier1_reporting_allowed"),
    ("t1", Stance.CONDEMNATION, 0.60, 0.95, None, Verdict.ALLOW, "tier1_condemnation_allowed"),
    ("t1", Stance.REPRESENTATION, 0.95, 0.95, None, Verdict.VIOLATING, "severe:tier1_representation"),
    ("t1", Stance.REPRESENTATION, 0.94, 0.95, None, Verdict.VIOLATING, "tier1_representation"),
    ("t2", Stance.SUPPORT, 0.99, 0.95, None, Verdict.REVIEW, "tier2_support_review"),
    ("t2", Stance.REPRESENTATION, 0.99, 0.95, None, Verdict.VIOLATING, "tier2_representation"),
    ("t3", Stance.GLORIFICATION, 0.99, 0.95, None, Verdict.REVIEW, "tier3_glorification_review"),
    ("t3", Stance.UNCLEAR, 0.99, 0.95, None, Verdict.ALLOW, "tier3_unclear_allowed"),
    ("unknown", Stance.GLORIFICATION, 0.9, 0.95, None, Verdict.VIOLATING, "tier1_glorification"),
    ("t1", Stance.GLORIFICATION, 0.99, 0.95, "news_organization", Verdict.REVIEW, "exemption:news_organization"),
])
def test_decision_table(entity: str, stance: Stance, conf: float, score: float, account: str | None,
                        verdict: Verdict, rule: str) -> None:
    m = mention(entity, score)
    d = decide(post(account), [Assessment(m, stance, conf)], POLICY, [m], TIERS)
    assert (d.verdict, d.rule) == (verdict, rule)
    assert d.policy_version == POLICY.version and d.explanation and d.post_version == 3
    assert d.severity == ("severe" if rule.startswith("severe:") else "standard" if verdict is Verdict.VIOLATING
                          else "none")


def test_no_mention_allows_and_unjudged_mention_goes_to_review() -> None:
    assert decide(post(), [], POLICY).rule == "no_mention"
    d = decide(post(), [], POLICY, [mention()], TIERS)
    assert (d.verdict, d.rule) == (Verdict.REVIEW, "no_judgement") and "Entity t1" in d.explanation


def test_strongest_finding_wins_and_all_assessments_are_kept() -> None:
    a, b = mention("t1"), mention("t2")
    d = decide(post(), [Assessment(a, Stance.REPORTING, 0.9), Assessment(b, Stance.GLORIFICATION, 0.9)],
               POLICY, [a, b], TIERS)
    assert d.rule == "tier2_glorification" and len(d.assessments) == 2


def test_decider_binds_policy_and_watchlist_tiers() -> None:
    watchlist = load_default()
    entity = next(iter(watchlist))
    m = mention(entity.id)
    d = decider(POLICY, tiers_of(watchlist))(post(), [m], [Assessment(m, Stance.SUPPORT, 0.99)])
    assert d.rule.startswith(f"tier{entity.tier}_support")



@given(stance=st.sampled_from(list(Stance)), low=st.floats(0, 1), high=st.floats(0, 1), score=st.floats(0, 1),
       entity=st.sampled_from(["t1", "t2", "t3"]), account=st.sampled_from([None, "person", "news_organization"]))
def test_more_confidence_never_softens_the_verdict(stance: Stance, low: float, high: float, score: float,
                                                   entity: str, account: str | None) -> None:
    low, high = sorted((low, high))
    m = mention(entity, score)
    rank = {Verdict.ALLOW: 0, Verdict.REVIEW: 1, Verdict.VIOLATING: 2}
    d_low = decide(post(account), [Assessment(m, stance, low)], POLICY, [m], TIERS)
    d_high = decide(post(account), [Assessment(m, stance, high)], POLICY, [m], TIERS)
    assert rank[d_high.verdict] >= rank[d_low.verdict]
    assert d_low == decide(post(account), [Assessment(m, stance, low)], POLICY, [m], TIERS)  # pure
    if account == "news_organization" or score < POLICY.thresholds.mention_score:
        assert d_high.verdict is not Verdict.VIOLATING

"""The strike ladder, expiry, idempotency and severe rules, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select
from tests.enforce.enforce_factory import Clock, judged

from redline.enforce import Enforcer
from redline.model import Stance
from redline.policy import Policy
from redline.store import EventRow, Store


def event_count(store: Store) -> int:
    return store.read(lambda s: s.scalar(select(func.count()).select_from(EventRow)) or 0)


def test_five_strikes_climb_the_default_ladder(enforcer: Enforcer, policy: Policy, clock: Clock) -> None:
    seen = []
    for i in range(5):
        r = enforcer.enforce(*judged(policy, f"p{i}", "alice", Stance.GLORIFICATION))
        seen.append(r.actions[-1])
        assert r.actions[:2] == ["remove_post", "strike_added"]
        clock.advance(days=8)  # past every restriction, so each step is visible on its own
    assert seen == ["warning", "restrict_posting_1d", "restrict_posting_3d", "restrict_posting_7d", "account_closed"]
    state = enforcer.account("alice")
    assert (state.strikes_in_force, state.closed, state.penalty and state.penalty.kind) == (5, True, "close_account")


def test_restriction_lasts_its_days(enforcer: Enforcer, policy: Policy, clock: Clock) -> None:
    enforcer.enforce(*judged(policy, "p1", "bob", Stance.SUPPORT))
    enforcer.enforce(*judged(policy, "p2", "bob", Stance.SUPPORT))
    pen = enforcer.account("bob").penalty
    assert pen is not None and (pen.kind, pen.days) == ("restrict_posting", 1)
    clock.advance(hours=23)
    assert enforcer.account("bob").penalty is not None
    clock.advance(hours=2)
    assert enforcer.account("bob").penalty is None


def test_strikes_expire_after_the_policy_period(enforcer: Enforcer, policy: Policy, clock: Clock) -> None:
    enforcer.enforce(*judged(policy, "p1", "carol", Stance.GLORIFICATION))
    clock.advance(days=200)
    enforcer.enforce(*judged(policy, "p2", "carol", Stance.GLORIFICATION))
    clock.advance(days=164, hours=23)
    assert enforcer.account("carol").strikes_in_force == 2
    clock.advance(hours=2)
    assert enforcer.account("carol").strikes_in_force == 1
    # With one strike in force, the next strike is the ladder's second step, not the third.
    r = enforcer.enforce(*judged(policy, "p3", "carol", Stance.GLORIFICATION))
    assert r.actions[-1] == "restrict_posting_1d"


def test_same_post_version_and_rule_never_strikes_twice(enforcer: Enforcer, policy: Policy, store: Store) -> None:
    first = enforcer.enforce(*judged(policy, "p1", "dan", Stance.GLORIFICATION))
    before = event_count(store)
    again = enforcer.enforce(*judged(policy, "p1", "dan", Stance.GLORIFICATION))
    assert again.decision_id == first.decision_id and again.duplicate
    assert again.actions == first.actions  # a restarted scan reports what was done, without doing it again
    assert event_count(store) == before
    assert enforcer.account("dan").strikes_in_force == 1
    edited = enforcer.enforce(*judged(policy, "p1", "dan", Stance.GLORIFICATION, version=2))
    assert edited.decision_id != first.decision_id and edited.actions[-1] == "restrict_posting_1d"


def test_duplicates_inside_one_batch_count_once(enforcer: Enforcer, policy: Policy) -> None:
    item = judged(policy, "p1", "erin", Stance.GLORIFICATION)
    results = list(enforcer.enforce_many([item, item, judged(policy, "p2", "erin", Stance.GLORIFICATION)]))
    assert len(results) == 3 and results[0].decision_id == results[1].decision_id
    assert enforcer.account("erin").strikes_in_force == 2


def test_severe_violation_closes_at_once(enforcer: Enforcer, policy: Policy) -> None:
    r = enforcer.enforce(*judged(policy, "p1", "frank", Stance.REPRESENTATION, confidence=0.97))
    assert r.actions == ["remove_post", "strike_added", "account_closed"]
    assert enforcer.account("frank").closed


def test_review_allow_and_unrecorded(enforcer: Enforcer, policy: Policy) -> None:
    assert enforcer.enforce(*judged(policy, "p1", "gil", Stance.UNCLEAR)).actions == ["queued_for_review"]
    assert enforcer.enforce(*judged(policy, "p2", "gil", Stance.GLORIFICATION, 0.7)).actions == ["queued_for_review"]
    assert enforcer.enforce(*judged(policy, "p3", "gil", Stance.REPORTING)).actions == []
    none = enforcer.enforce(*judged(policy, "p4", "gil", None))
    assert none.decision_id is None and none.actions == []
    state = enforcer.account("gil")
    assert state.strikes_in_force == 0 and state.penalty is None and not state.closed


def test_news_organization_goes_to_review(enforcer: Enforcer, policy: Policy) -> None:
    d, post = judged(policy, "p1", "newsdesk", Stance.GLORIFICATION, 0.99, account_type="news_organization")
    assert d.rule == "exemption:news_organization"
    assert enforcer.enforce(d, post).actions == ["queued_for_review"]


def test_strike_while_closed_adds_no_penalty(enforcer: Enforcer, policy: Policy) -> None:
    enforcer.enforce(*judged(policy, "p1", "hal", Stance.REPRESENTATION, confidence=0.99))
    r = enforcer.enforce(*judged(policy, "p2", "hal", Stance.GLORIFICATION))
    assert r.actions == ["remove_post", "strike_added"]
    assert enforcer.account("hal").strikes_in_force == 2

"""Human review (with the second reviewer for closures) and appeals, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from tests.enforce.enforce_factory import Clock, judged
from tests.enforce.test_ladder import event_count

from redline.enforce import Enforcer, appeal_decide, appeal_file, review_decide, review_queue
from redline.errors import InputError, NotFoundError, StateError
from redline.model import Stance
from redline.policy import Policy
from redline.store import Store


def queue_ids(store: Store) -> list[str]:
    return [i.decision_id for i in review_queue(store)]


def test_review_queue_and_final_decision(enforcer: Enforcer, store: Store, policy: Policy, clock: Clock) -> None:
    a = enforcer.enforce(*judged(policy, "p1", "ann", Stance.UNCLEAR, 0.6)).decision_id
    b = enforcer.enforce(*judged(policy, "p2", "ann", Stance.GLORIFICATION, 0.6)).decision_id
    assert queue_ids(store) == [a, b]
    item = review_queue(store)[0].to_dict()
    assert {k: item[k] for k in ("decision_id", "author", "post_id", "stance", "confidence")} == {
        "decision_id": a, "author": "ann", "post_id": "p1", "stance": "unclear", "confidence": 0.6}
    assert a and b
    allow = review_decide(store, policy, clock, a, "neutral", "a quote, no praise", "rita")
    assert (allow.final, allow.verdict, allow.actions) == (True, "allow", [])
    strike = review_decide(store, policy, clock, b, "glorification", "celebrates the attack", "rita")
    assert strike.actions == ["remove_post", "strike_added", "warning"]
    assert queue_ids(store) == [] and enforcer.account("ann").strikes_in_force == 1


def test_closure_by_review_needs_a_second_reviewer(enforcer: Enforcer, store: Store, policy: Policy,
                                                   clock: Clock) -> None:
    for i in range(4):
        enforcer.enforce(*judged(policy, f"p{i}", "ben", Stance.GLORIFICATION))
    did = enforcer.enforce(*judged(policy, "p9", "ben", Stance.SUPPORT, 0.7)).decision_id
    assert did
    first = review_decide(store, policy, clock, did, "support", "recruiting call", "rita")
    assert (first.final, first.actions) == (False, ["awaiting_second_review"])
    assert not enforcer.account("ben").closed
    assert review_queue(store)[0].first_reviewer == "rita"
    with pytest.raises(StateError, match="second reviewer other than rita"):
        review_decide(store, policy, clock, did, "support", "again", "rita")
    second = review_decide(store, policy, clock, did, "support", "agree", "sam")
    assert second.final and second.actions[-1] == "account_closed"
    assert enforcer.account("ben").closed and queue_ids(store) == []


def test_without_the_switch_one_reviewer_closes(store: Store, policy: Policy, clock: Clock) -> None:
    single = dataclasses.replace(policy, second_reviewer_for_closure=False)
    enforcer = Enforcer(store, single, clock)
    for i in range(4):
        enforcer.enforce(*judged(single, f"p{i}", "cy", Stance.GLORIFICATION))
    did = enforcer.enforce(*judged(single, "p9", "cy", Stance.UNCLEAR)).decision_id
    assert did and review_decide(store, single, clock, did, "support", "yes", "rita").actions[-1] == "account_closed"


def test_reversal_restores_account_and_recomputes_penalty(enforcer: Enforcer, store: Store, policy: Policy,
                                                          clock: Clock) -> None:
    ids = []
    for i in range(5):
        ids.append(enforcer.enforce(*judged(policy, f"p{i}", "dee", Stance.GLORIFICATION)).decision_id)
        if i < 3:
            clock.advance(days=4)  # the 1- and 3-day restrictions run out; the 7-day one is still running
    assert enforcer.account("dee").closed
    appeal = appeal_file(store, clock, ids[1], "I was quoting a news report")
    result = appeal_decide(store, policy, clock, appeal, False, "rita", "context shows reporting")
    assert result.actions == ["restore_post", "strike_reversed", "account_restored"]
    state = enforcer.account("dee")
    assert (state.strikes_in_force, state.closed) == (4, False)
    # The 7-day restriction of the fourth strike stands; reversing it lifts it.
    assert state.penalty is not None and state.penalty.days == 7
    last = appeal_file(store, clock, ids[3], "also a quote")
    assert "penalty_lifted" in appeal_decide(store, policy, clock, last, False, "rita", "yes").actions
    assert enforcer.account("dee").penalty is None


def test_closure_stands_while_strikes_reach_the_threshold(enforcer: Enforcer, store: Store, policy: Policy,
                                                          clock: Clock) -> None:
    ids = [enforcer.enforce(*judged(policy, f"p{i}", "eve", Stance.GLORIFICATION)).decision_id for i in range(6)]
    appeal = appeal_file(store, clock, ids[4], "the closing post was fine")
    assert "account_restored" not in appeal_decide(store, policy, clock, appeal, False, "rita", "ok").actions
    assert enforcer.account("eve").closed and enforcer.account("eve").strikes_in_force == 5


def test_uphold_changes_nothing(enforcer: Enforcer, store: Store, policy: Policy, clock: Clock) -> None:
    did = enforcer.enforce(*judged(policy, "p1", "fay", Stance.GLORIFICATION)).decision_id
    assert did
    appeal = appeal_file(store, clock, did, "unfair")
    assert appeal_decide(store, policy, clock, appeal, True, "rita", "clear praise").outcome == "upheld"
    assert enforcer.account("fay").strikes_in_force == 1
    with pytest.raises(StateError, match="already decided"):
        appeal_decide(store, policy, clock, appeal, False, "sam", "changed my mind")


def test_errors_are_clear_and_change_nothing(enforcer: Enforcer, store: Store, policy: Policy, clock: Clock) -> None:
    struck = enforcer.enforce(*judged(policy, "p1", "gus", Stance.GLORIFICATION)).decision_id
    allowed = enforcer.enforce(*judged(policy, "p2", "gus", Stance.REPORTING)).decision_id
    queued = enforcer.enforce(*judged(policy, "p3", "gus", Stance.UNCLEAR)).decision_id
    assert struck and allowed and queued
    appeal_file(store, clock, struck, "first")
    before = event_count(store)
    cases = [
        (NotFoundError, "no decision with id 'dnope'", lambda: appeal_file(store, clock, "dnope", "why")),
        (StateError, "one appeal per decision", lambda: appeal_file(store, clock, struck, "again")),
        (StateError, "nothing to appeal", lambda: appeal_file(store, clock, allowed, "why")),
        (StateError, "nothing to appeal", lambda: appeal_file(store, clock, queued, "still queued")),
        (NotFoundError, "no appeal with id 999", lambda: appeal_decide(store, policy, clock, 999, True, "r", "x")),
        (StateError, "not a review item", lambda: review_decide(store, policy, clock, struck, "support", "x", "r")),
        (NotFoundError, "no decision", lambda: review_decide(store, policy, clock, "dnope", "support", "x", "r")),
        (InputError, "--stance 'praise'", lambda: review_decide(store, policy, clock, queued, "praise", "x", "r")),
        (InputError, "must be definite", lambda: review_decide(store, policy, clock, queued, "unclear", "x", "r")),
        (NotFoundError, "no account 'nobody'", lambda: enforcer.account("nobody")),
    ]
    for exc, message, call in cases:
        with pytest.raises(exc, match=message):
            call()
    assert event_count(store) == before

"""The strike ladder as pure functions: given an author's ledger, which events a decision or a reversal adds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from redline.enforce._events import Event, Kind
from redline.enforce._state import Ledger
from redline.model import Decision, Verdict
from redline.policy import LadderStep, PenaltyKind, Policy


@dataclass(frozen=True, slots=True)
class Act:
    """Who acts, when, under which policy."""

    now: datetime
    actor: str
    policy: Policy


def _emit(ledger: Ledger, out: list[Event], e: Event) -> None:
    ledger.apply(e)
    out.append(e)


def decision_events(ledger: Ledger, d: Decision, did: str, act: Act) -> tuple[list[Event], list[str]]:
    """Return the events and actions for a new machine decision on one of the ledger author's posts."""
    out: list[Event] = []
    data = {"post_id": d.post_id, "post_version": d.post_version, "verdict": d.verdict.value, "rule": d.rule,
            "stance": d.stance.value if d.stance else None, "confidence": d.confidence, "severity": d.severity}
    _emit(ledger, out, Event(Kind.DECISION_MADE, d.author, act.now, act.actor, d.policy_version, d.explanation,
                             did, data=data, dedup_key=f"made:{did}"))
    if d.verdict is Verdict.REVIEW:
        _emit(ledger, out, Event(Kind.REVIEW_REQUESTED, d.author, act.now, act.actor, d.policy_version,
                                 f"rule {d.rule}: {d.explanation}", did, dedup_key=f"review_requested:{did}"))
        return out, ["queued_for_review"]
    if d.verdict is Verdict.VIOLATING:
        events, actions = strike_events(ledger, did, act, f"rule {d.rule}", d.severity == "severe")
        return out + events, actions
    return out, []


def would_close(ledger: Ledger, act: Act, severe: bool) -> bool:
    """Return True when one more strike now would close the (still open) account."""
    st = ledger.state(act.now)
    return not st.closed and (severe or act.policy.step(st.strikes_in_force + 1).penalty is PenaltyKind.CLOSE_ACCOUNT)


def strike_events(ledger: Ledger, did: str, act: Act, reason: str, severe: bool) -> tuple[list[Event], list[str]]:
    """Return the events and actions of a strike: the post is removed, the strike added, the ladder applied."""
    out: list[Event] = []
    policy, now = act.policy, act.now
    was_closed = ledger.state(now).closed
    expires = now + timedelta(days=policy.strike_expiry_days)
    _emit(ledger, out, Event(Kind.STRIKE_ADDED, ledger.author, now, act.actor, policy.version, reason, did,
                             data={"expires_at": expires.isoformat(), "severe": severe}, dedup_key=f"strike:{did}"))
    actions = ["remove_post", "strike_added"]
    if was_closed:
        return out, actions
    n = len(ledger.in_force(now))
    step = LadderStep(PenaltyKind.CLOSE_ACCOUNT) if severe else policy.step(n)
    until = now + timedelta(days=step.days) if step.penalty is PenaltyKind.RESTRICT_POSTING else None
    why = "severe violation" if severe else f"strike {n} in force; the ladder's step {min(n, len(policy.ladder))}"
    _emit(ledger, out, Event(Kind.PENALTY_APPLIED, ledger.author, now, act.actor, policy.version, f"{reason}: {why}",
                             did, data={"penalty": step.penalty.value, "days": step.days, "action": step.action,
                                        "until": until.isoformat() if until else None, "strike_number": n},
                             dedup_key=f"penalty:{did}"))
    return out, [*actions, step.action]


def reversal_events(ledger: Ledger, did: str, act: Act, reason: str,
                    appeal_id: int | None = None) -> tuple[list[Event], list[str]]:
    """Return the events and actions that undo a decision: strike and its penalty gone, account maybe restored."""
    out: list[Event] = []
    pv, author = act.policy.version, ledger.author
    actions = ["restore_post"]
    was_closed = ledger.state(act.now).closed
    if did in ledger.strikes:
        _emit(ledger, out, Event(Kind.STRIKE_REVERSED, author, act.now, act.actor, pv, reason, did, appeal_id,
                                 dedup_key=f"strike_reversed:{did}"))
        actions.append("strike_reversed")
    lifted = ledger.penalties.get(did)
    if lifted is not None and lifted.kind != PenaltyKind.CLOSE_ACCOUNT.value and (
            lifted.until is None or act.now < lifted.until):
        _emit(ledger, out, Event(Kind.PENALTY_LIFTED, author, act.now, act.actor, pv, reason, did, appeal_id,
                                 data={"penalty": lifted.kind}))
        actions.append("penalty_lifted")
    st = ledger.state(act.now)
    threshold = act.policy.closure_threshold
    severe_left = any(s.severe for s in st.strikes)
    # A closure stands while the remaining strikes still reach the threshold or a severe strike remains.
    if was_closed and not severe_left and (threshold is None or st.strikes_in_force < threshold):
        for p in [p for p in ledger.penalties.values() if p.kind == PenaltyKind.CLOSE_ACCOUNT.value]:
            _emit(ledger, out, Event(Kind.PENALTY_LIFTED, author, act.now, act.actor, pv,
                                     f"{reason}; {st.strikes_in_force} strikes in force, below the closure threshold",
                                     p.decision_id, appeal_id, data={"penalty": p.kind}))
        _emit(ledger, out, Event(Kind.ACCOUNT_RESTORED, author, act.now, act.actor, pv,
                                 f"{st.strikes_in_force} strikes in force after reversal of {did}", did, appeal_id,
                                 data={"strikes_in_force": st.strikes_in_force}))
        actions.append("account_restored")
    return out, actions

"""Appeals: the author contests a decision (one appeal per decision); a reviewer upholds or reverses it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from redline.enforce import _ladder, _repo
from redline.enforce._events import Clock, Event, Kind
from redline.errors import InputError, NotFoundError, StateError
from redline.policy import Policy
from redline.store import AppealRow, Store


@dataclass(frozen=True, slots=True)
class AppealResult:
    """How an appeal ended and what was undone."""

    appeal_id: int
    decision_id: str
    outcome: str  # upheld, reversed
    actions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dict."""
        return {"appeal_id": self.appeal_id, "decision_id": self.decision_id, "outcome": self.outcome,
                "actions": self.actions}


def appeal_file(store: Store, clock: Clock, did: str, reason: str) -> int:
    """Return the id of a new appeal against decision `did`, which must have taken action against its author."""
    if not reason.strip():
        raise InputError("an appeal needs a non-empty --reason")

    def write(session: Session) -> int:
        row = _repo.get_decision(session, did)
        now = clock()
        _repo.lock_accounts(session, [row.author], now)
        if not any(e.kind is Kind.STRIKE_ADDED for e in _repo.decision_events(session, did)):
            raise StateError(f"decision {did} took no action against {row.author!r} (verdict {row.verdict!r}, "
                             "or still waiting for review): there is nothing to appeal")
        prior = session.scalar(select(AppealRow.id).where(AppealRow.decision_id == did))
        if prior is not None:
            raise StateError(f"decision {did} already has appeal {prior}: one appeal per decision")
        appeal_id = session.execute(insert(AppealRow).returning(AppealRow.id),
                                    [{"decision_id": did, "author": row.author, "reason": reason,
                                      "filed_at": now}]).scalar_one()
        _repo.append(session, [Event(Kind.APPEAL_FILED, row.author, now, row.author, row.policy_version, reason, did,
                                     appeal_id, dedup_key=f"appeal_filed:{did}")])
        return int(appeal_id)
    return store.write(write)


def appeal_decide(store: Store, policy: Policy, clock: Clock, appeal_id: int, uphold: bool, reviewer: str,
                  reason: str) -> AppealResult:
    """Return the outcome of a reviewer's decision on an open appeal; a reversal undoes the decision's effects."""
    if not reason.strip() or not reviewer.strip():
        raise InputError("an appeal decision needs a non-empty --reason and --reviewer")

    def write(session: Session) -> AppealResult:
        appeal = session.get(AppealRow, appeal_id)
        if appeal is None:
            raise NotFoundError(f"no appeal with id {appeal_id}")
        now = clock()
        did = appeal.decision_id
        _repo.lock_accounts(session, [appeal.author], now)
        evs = _repo.decision_events(session, did)
        done = next((e for e in evs if e.dedup_key == f"appeal_decided:{appeal_id}"), None)
        if done is not None:
            raise StateError(f"appeal {appeal_id} was already decided by {done.actor} ({done.data.get('outcome')})")
        if any(e.kind is Kind.REVIEW_DECIDED and e.actor == reviewer for e in evs):
            raise StateError(f"{reviewer} reviewed decision {did}; an appeal goes to a different reviewer")
        outcome = "upheld" if uphold else "reversed"
        events = [Event(Kind.APPEAL_DECIDED, appeal.author, now, reviewer, policy.version, reason, did, appeal_id,
                        data={"outcome": outcome}, dedup_key=f"appeal_decided:{appeal_id}")]
        actions: list[str] = []
        if not uphold:
            ledger = _repo.load_ledgers(session, [appeal.author])[appeal.author]
            undo, actions = _ladder.reversal_events(ledger, did, _ladder.Act(now, reviewer, policy),
                                                    f"appeal {appeal_id} reversed by {reviewer}: {reason}", appeal_id)
            events += undo
        _repo.append(session, events)
        return AppealResult(appeal_id, did, outcome, actions)
    return store.write(write)

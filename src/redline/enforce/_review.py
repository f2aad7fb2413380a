"""Human review: the queue of `review` decisions, and a reviewer's final (or first of two) decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from redline.enforce import _ladder, _repo
from redline.enforce._events import Clock, Event, Kind, iso
from redline.errors import InputError, StateError
from redline.model import VIOLATING_STANCES, Stance
from redline.policy import Policy
from redline.store import DecisionRow, EventRow, Store


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One decision waiting for a person."""

    decision_id: str
    author: str
    post_id: str
    post_version: int
    rule: str
    stance: str | None
    confidence: float | None
    explanation: str
    requested_at: str | None
    first_reviewer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the item in the `review list --json` shape."""
        return {"decision_id": self.decision_id, "author": self.author, "post_id": self.post_id,
                "post_version": self.post_version, "stance": self.stance, "confidence": self.confidence,
                "rule": self.rule, "explanation": self.explanation, "requested_at": self.requested_at,
                "awaiting_second_review": self.first_reviewer is not None, "first_reviewer": self.first_reviewer}


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """A reviewer's decision: whether it is final, the verdict, and what was done."""

    decision_id: str
    final: bool
    verdict: str
    actions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dict."""
        return {"decision_id": self.decision_id, "final": self.final, "verdict": self.verdict,
                "actions": self.actions}


def review_queue(store: Store, limit: int | None = None) -> list[QueueItem]:
    """Return the decisions waiting for review, oldest first."""
    def read(session: Session) -> list[QueueItem]:
        req, fin = aliased(EventRow), aliased(EventRow)
        q = (select(DecisionRow, req.at).join(req, (req.decision_id == DecisionRow.id)
                                              & (req.kind == Kind.REVIEW_REQUESTED.value))
             .where(~exists().where(fin.dedup_key == "review_final:" + DecisionRow.id)).order_by(req.id))
        rows = session.execute(q.limit(limit) if limit else q).all()
        firsts: dict[str | None, str] = {}
        if rows:
            firsts = {d: a for d, a in session.execute(select(EventRow.decision_id, EventRow.actor).where(
                EventRow.dedup_key.in_([f"review_first:{d.id}" for d, _ in rows])))}
        return [QueueItem(d.id, d.author, d.post_id, d.post_version, d.rule, d.stance, d.confidence, d.explanation,
                          iso(at), firsts.get(d.id)) for d, at in rows]
    return store.read(read)


def review_decide(store: Store, policy: Policy, clock: Clock, did: str, stance: str, reason: str,
                  reviewer: str) -> ReviewResult:
    """Return the outcome of a reviewer's stance on a queued decision; a violating stance enforces a strike."""
    try:
        chosen = Stance(stance)
    except ValueError:
        raise InputError(f"--stance {stance!r}: expected one of {', '.join(s.value for s in Stance)}") from None
    if chosen is Stance.UNCLEAR:
        raise InputError("--stance unclear: a reviewer's decision must be definite")
    if not reason.strip() or not reviewer.strip():
        raise InputError("a review needs a non-empty --reason and --reviewer")

    def write(session: Session) -> ReviewResult:
        row = _repo.get_decision(session, did)
        now = clock()
        _repo.lock_accounts(session, [row.author], now)
        evs = _repo.decision_events(session, did)
        if not any(e.kind is Kind.REVIEW_REQUESTED for e in evs):
            raise StateError(f"decision {did} is not a review item (its verdict was {row.verdict!r}, rule {row.rule})")
        done = next((e for e in evs if e.dedup_key == f"review_final:{did}"), None)
        if done is not None:
            raise StateError(f"decision {did} was already reviewed by {done.actor} ({done.data.get('verdict')})")
        first = next((e for e in evs if e.dedup_key == f"review_first:{did}"), None)
        if first is not None and first.actor == reviewer:
            raise StateError(f"decision {did} would close the account: it needs a second reviewer other than "
                             f"{reviewer}")
        violating = chosen in VIOLATING_STANCES
        verdict = "violating" if violating else "allow"
        ledger = _repo.load_ledgers(session, [row.author])[row.author]
        act = _ladder.Act(now, reviewer, policy)
        data = {"stance": chosen.value, "verdict": verdict, "final": True,
                "first_reviewer": first.actor if first else None}
        if violating and first is None and policy.second_reviewer_for_closure and _ladder.would_close(ledger, act, False):
            data.update(final=False, awaiting_second_review=True)
            _repo.append(session, [Event(Kind.REVIEW_DECIDED, row.author, now, reviewer, policy.version, reason, did,
                                         data=data, dedup_key=f"review_first:{did}")])
            return ReviewResult(did, False, verdict, ["awaiting_second_review"])
        events = [Event(Kind.REVIEW_DECIDED, row.author, now, reviewer, policy.version, reason, did, data=data,
                        dedup_key=f"review_final:{did}")]
        actions: list[str] = []
        if violating:
            strike, actions = _ladder.strike_events(ledger, did, act, f"reviewer {reviewer}: {reason}", False)
            events += strike
        _repo.append(session, events)
        return ReviewResult(did, True, verdict, actions)
    return store.write(write)

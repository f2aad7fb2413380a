"""The Enforcer: Decisions in, ledger events out — idempotent per (post id, post version, rule), batched."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from redline.enforce import _ladder, _repo
from redline.enforce._events import SYSTEM, Clock, Event, Kind, decision_id, utcnow
from redline.enforce._state import AccountState, Ledger
from redline.errors import NotFoundError
from redline.model import Decision, Post
from redline.policy import Policy
from redline.store import AccountRow, DecisionRow, EventRow, Store

# A decision that names nobody is not worth a ledger row: scanning millions of ordinary posts adds nothing.
UNRECORDED_RULES = frozenset({"no_mention"})


@dataclass(frozen=True, slots=True)
class EnforcementResult:
    """What enforcing one decision did: its ledger id (None when not recorded) and the actions taken."""

    decision_id: str | None
    actions: list[str] = field(default_factory=list)
    duplicate: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the fields `redline scan` adds to each output line."""
        return {"decision_id": self.decision_id, "actions": list(self.actions)}


def actions_of(events: Iterable[Event]) -> list[str]:
    """Return the actions a decision's own enforcement events stand for, in order."""
    out: list[str] = []
    for e in events:
        if e.kind is Kind.REVIEW_REQUESTED:
            out.append("queued_for_review")
        elif e.kind is Kind.STRIKE_ADDED:
            out += ["remove_post", "strike_added"]
        elif e.kind is Kind.PENALTY_APPLIED:
            out.append(str(e.data.get("action")))
    return out


class Enforcer:
    """Applies Decisions to the ledger in `store` under `policy`, with an injectable clock."""

    def __init__(self, store: Store, policy: Policy, clock: Clock = utcnow, actor: str = SYSTEM) -> None:
        self.store, self.policy, self.clock, self.actor = store, policy, clock, actor
        # Ledgers as of the last committed batch, so a batch reads only newer events (see load_ledgers).
        self._cache: dict[str, Ledger] = {}

    def enforce(self, decision: Decision, post: Post) -> EnforcementResult:
        """Return what enforcing one decision did (nothing new if this post version and rule were enforced)."""
        return next(iter(self.enforce_many([(decision, post)])))

    def enforce_many(self, items: Iterable[tuple[Decision, Post]], batch_size: int = 500) -> Iterator[EnforcementResult]:
        """Yield one result per item, committing one transaction per batch of `batch_size` items."""
        it = iter(items)
        while batch := list(islice(it, batch_size)):
            if all(d.rule in UNRECORDED_RULES for d, _ in batch):  # nothing to record: no write lock
                yield from (EnforcementResult(None) for _ in batch)
                continue
            results, ledgers = self.store.write(lambda s, b=batch: self._batch(s, b))  # type: ignore[misc]
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache.update(ledgers)  # only after the commit: a retried batch starts from committed state
            yield from results

    def _batch(self, session: Session, batch: Sequence[tuple[Decision, Post]]
               ) -> tuple[list[EnforcementResult], dict[str, Ledger]]:
        now = self.clock()
        act = _ladder.Act(now, self.actor, self.policy)
        ids = [None if d.rule in UNRECORDED_RULES else decision_id(d.post_id, d.post_version, d.rule)
               for d, _ in batch]
        recorded = [(did, d, p) for did, (d, p) in zip(ids, batch, strict=True) if did is not None]
        if not recorded:
            return [EnforcementResult(None) for _ in batch], {}
        _repo.lock_accounts(session, [d.author for _, d, _ in recorded], now)
        wanted = sorted({did for did, _, _ in recorded})
        existing: set[str] = set()
        for i in range(0, len(wanted), 500):
            existing.update(session.scalars(select(DecisionRow.id).where(DecisionRow.id.in_(wanted[i:i + 500]))))
        old_actions = self._old_actions(session, existing)
        fresh = {did: (d, p) for did, d, p in recorded if did not in existing}
        ledgers = _repo.load_ledgers(session, {d.author for d, _ in fresh.values()}, cached=self._cache)
        new_actions: dict[str, list[str]] = {}
        events: list[Event] = []
        for did, (d, _p) in fresh.items():
            evs, new_actions[did] = _ladder.decision_events(ledgers[d.author], d, did, act)
            events += evs
        if fresh:
            rows = [_repo.decision_row(did, d, p, now) for did, (d, p) in fresh.items()]
            session.execute(insert(DecisionRow), rows)
            for author, last in _repo.append(session, events).items():
                ledgers[author].last_id = last
        return [EnforcementResult(None) if did is None else
                EnforcementResult(did, new_actions[did]) if did in new_actions else
                EnforcementResult(did, old_actions.get(did, []), duplicate=True) for did in ids], ledgers

    def _old_actions(self, session: Session, dids: set[str]) -> dict[str, list[str]]:
        out: dict[str, list[Event]] = {d: [] for d in dids}
        kinds = [Kind.REVIEW_REQUESTED.value, Kind.STRIKE_ADDED.value, Kind.PENALTY_APPLIED.value]
        ordered = sorted(dids)
        for i in range(0, len(ordered), 500):
            q = (select(EventRow).where(EventRow.decision_id.in_(ordered[i:i + 500]), EventRow.kind.in_(kinds))
                 .order_by(EventRow.id))
            for row in session.scalars(q):
                if row.decision_id:
                    out[row.decision_id].append(_repo.to_event(row))
        return {d: actions_of(evs) for d, evs in out.items()}

    def account(self, author: str, with_events: bool = True) -> AccountState:
        """Return the author's state now, or raise NotFoundError when the ledger has never seen the author."""
        def read(session: Session) -> AccountState:
            if session.get(AccountRow, author) is None:
                raise NotFoundError(f"no account {author!r} in the ledger (no decision was ever recorded for it)")
            ledger = _repo.load_ledgers(session, [author], all_kinds=with_events)[author]
            return ledger.state(self.clock(), with_events=with_events)
        return self.store.read(read)

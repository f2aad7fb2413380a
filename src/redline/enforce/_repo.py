"""Reading and appending ledger rows; the account-row locks that serialize strike counting per author."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from redline.enforce._events import STATE_KINDS, Event, Kind
from redline.enforce._state import Ledger
from redline.errors import NotFoundError
from redline.model import Decision, Post
from redline.store import AccountRow, DecisionRow, EventRow

_CHUNK = 500  # keep IN lists and multi-row inserts well under every driver's parameter limit


def lock_accounts(session: Session, authors: Collection[str], now: datetime) -> None:
    """Create missing account rows and lock them all (in sorted order, so writers cannot deadlock)."""
    names = sorted(set(authors))
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(AccountRow)
    for i in range(0, len(names), _CHUNK):
        chunk = names[i:i + _CHUNK]
        session.execute(ins.on_conflict_do_nothing(), [{"author": a, "first_seen": now} for a in chunk])
        if dialect == "postgresql":  # SQLite's BEGIN IMMEDIATE already holds the database's single write lock
            session.execute(select(AccountRow.author).where(AccountRow.author.in_(chunk))
                            .order_by(AccountRow.author).with_for_update())


def load_ledgers(session: Session, authors: Iterable[str], all_kinds: bool = False,
                 cached: Mapping[str, Ledger] | None = None) -> dict[str, Ledger]:
    """Return each author's ledger from the database: only state-changing events unless all_kinds.

    With `cached` ledgers (from earlier transactions), only events after each one's `last_id` are read and
    folded into a copy. That is exact because an author's events are only written under the author's lock,
    so their ids grow in commit order.
    """
    cached = cached or {}
    names = sorted(set(authors))
    out = {a: cached[a].copy() if a in cached else Ledger(a, keep=all_kinds) for a in names}
    cols = (EventRow.id, EventRow.author, EventRow.kind, EventRow.at, EventRow.actor, EventRow.policy_version,
            EventRow.reason, EventRow.decision_id, EventRow.appeal_id, EventRow.data, EventRow.dedup_key)
    for i in range(0, len(names), _CHUNK):
        chunk = names[i:i + _CHUNK]
        q = select(*cols).where(EventRow.author.in_(chunk))
        if not all_kinds:
            q = q.where(EventRow.kind.in_([k.value for k in STATE_KINDS]))
        after = min(out[a].last_id for a in chunk)
        if after:
            q = q.where(EventRow.id > after)
        for (eid, author, kind, at, actor, pv, reason, did, aid, data, key) in session.execute(q.order_by(EventRow.id)):
            ledger = out[author]
            if eid > ledger.last_id:
                ledger.apply(Event(Kind(kind), author, at, actor, pv, reason, did, aid, dict(data or {}), key, eid))
    return out


def to_event(row: EventRow) -> Event:
    """Return the value form of an event row."""
    return Event(Kind(row.kind), row.author, row.at, row.actor, row.policy_version, row.reason, row.decision_id,
                 row.appeal_id, dict(row.data or {}), row.dedup_key, row.id)


def append(session: Session, events: Sequence[Event]) -> dict[str, int]:
    """Append events in order (a duplicate dedup_key fails the whole transaction); return each author's last id."""
    rows = [{"author": e.author, "kind": e.kind.value, "decision_id": e.decision_id, "appeal_id": e.appeal_id,
             "actor": e.actor, "at": e.at, "policy_version": e.policy_version, "reason": e.reason, "data": e.data,
             "dedup_key": e.dedup_key} for e in events]
    last: dict[str, int] = {}
    for i in range(0, len(rows), _CHUNK):
        for eid, author in session.execute(insert(EventRow).returning(EventRow.id, EventRow.author),
                                           rows[i:i + _CHUNK]):
            last[author] = max(eid, last.get(author, 0))
    return last


def decision_row(did: str, d: Decision, post: Post, now: datetime) -> dict[str, Any]:
    """Return the decisions-table row for a Decision on a Post."""
    lang = (post.lang or "").split("-")[0]
    return {"id": did, "post_id": d.post_id, "post_version": d.post_version, "rule": d.rule, "author": d.author,
            "verdict": d.verdict.value, "stance": d.stance.value if d.stance else None,
            "confidence": d.confidence, "severity": d.severity, "policy_version": d.policy_version,
            "explanation": d.explanation, "assessments": [a.to_dict() for a in d.assessments],
            "content_types": ["CONTENT_TYPE_TEXT"] * bool(post.text) + ["CONTENT_TYPE_IMAGE"] * bool(post.media),
            "content_date": post.created_at, "content_language": lang if len(lang) == 2 else None,
            "account_type": post.account_type, "created_at": now}


def get_decision(session: Session, did: str) -> DecisionRow:
    """Return the decision row, or raise NotFoundError naming the id."""
    row = session.get(DecisionRow, did)
    if row is None:
        raise NotFoundError(f"no decision with id {did!r}")
    return row


def decision_events(session: Session, did: str) -> list[Event]:
    """Return every event about one decision, in ledger order."""
    return [to_event(r) for r in session.scalars(select(EventRow).where(EventRow.decision_id == did)
                                                 .order_by(EventRow.id))]

"""Read views over the ledger for the API and the UI: decisions with their events, statements, appeals."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redline.enforce import Event, Kind, iso, to_event
from redline.errors import NotFoundError
from redline.report.sor import statement
from redline.store import AppealRow, DecisionRow, EventRow, Store


def decision_dict(row: DecisionRow) -> dict[str, Any]:
    """Return a decision row as a JSON-ready dict."""
    return {"decision_id": row.id, "post_id": row.post_id, "post_version": row.post_version, "author": row.author,
            "verdict": row.verdict, "rule": row.rule, "stance": row.stance, "confidence": row.confidence,
            "severity": row.severity, "explanation": row.explanation, "policy_version": row.policy_version,
            "created_at": iso(row.created_at), "assessments": row.assessments}


def events_of(session: Session, dids: list[str]) -> dict[str, list[Event]]:
    """Return every event of each decision, in ledger order."""
    out: dict[str, list[Event]] = {d: [] for d in dids}
    for i in range(0, len(dids), 500):
        q = select(EventRow).where(EventRow.decision_id.in_(dids[i:i + 500])).order_by(EventRow.id)
        for r in session.scalars(q):
            out[str(r.decision_id)].append(to_event(r))
    return out


def statement_or_none(row: DecisionRow, events: list[Event]) -> dict[str, Any] | None:
    """Return the statement of reasons of a decision that took action, else None."""
    return statement(row, events) if any(e.kind is Kind.STRIKE_ADDED for e in events) else None


def appeal_dict(row: AppealRow, events: list[Event]) -> dict[str, Any]:
    """Return an appeal with its ruling (None while open)."""
    ruling = next((e for e in events if e.kind is Kind.APPEAL_DECIDED and e.appeal_id == row.id), None)
    return {"appeal_id": row.id, "decision_id": row.decision_id, "author": row.author, "reason": row.reason,
            "filed_at": iso(row.filed_at), "status": "decided" if ruling else "open",
            "outcome": ruling.data.get("outcome") if ruling else None, "decided_by": ruling.actor if ruling else None,
            "decided_at": iso(ruling.at) if ruling else None, "ruling_reason": ruling.reason if ruling else None}


def decision_detail(store: Store, did: str) -> dict[str, Any]:
    """Return one decision with its events, statement of reasons and appeal, or raise NotFoundError."""
    def read(session: Session) -> dict[str, Any]:
        row = session.get(DecisionRow, did)
        if row is None:
            raise NotFoundError(f"no decision with id {did!r}")
        evs = events_of(session, [did])[did]
        appeal = session.scalar(select(AppealRow).where(AppealRow.decision_id == did))
        return {**decision_dict(row), "events": [e.to_dict() for e in evs],
                "statement_of_reasons": statement_or_none(row, evs),
                "appeal": appeal_dict(appeal, evs) if appeal else None}
    return store.read(read)


def statement_for(store: Store, did: str) -> dict[str, Any] | None:
    """Return the statement of reasons of one decision, or None when it took no action."""
    def read(session: Session) -> dict[str, Any] | None:
        row = session.get(DecisionRow, did)
        return None if row is None else statement_or_none(row, events_of(session, [did])[did])
    return store.read(read)


def list_decisions(store: Store, author: str | None = None, verdict: str | None = None, limit: int = 50,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Return decisions, newest first, optionally for one author or verdict."""
    def read(session: Session) -> list[dict[str, Any]]:
        q = select(DecisionRow).order_by(DecisionRow.created_at.desc(), DecisionRow.id)
        if author is not None:
            q = q.where(DecisionRow.author == author)
        if verdict is not None:
            q = q.where(DecisionRow.verdict == verdict)
        return [decision_dict(r) for r in session.scalars(q.limit(limit).offset(offset))]
    return store.read(read)


def author_statements(store: Store, author: str) -> list[dict[str, Any]]:
    """Return the decisions against `author` that took action, each with its statement of reasons."""
    def read(session: Session) -> list[dict[str, Any]]:
        rows = list(session.scalars(select(DecisionRow).where(DecisionRow.author == author)
                                    .order_by(DecisionRow.created_at)))
        evs = events_of(session, [r.id for r in rows])
        appeals = {a.decision_id: a for a in session.scalars(select(AppealRow).where(AppealRow.author == author))}
        out = []
        for r in rows:
            sor = statement_or_none(r, evs[r.id])
            if sor is not None:
                ap = appeals.get(r.id)
                out.append({**decision_dict(r), "statement_of_reasons": sor,
                            "appeal": appeal_dict(ap, evs[r.id]) if ap else None})
        return out
    return store.read(read)


def list_appeals(store: Store, status: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Return appeals, oldest first; `status` 'open' or 'decided' filters them."""
    def read(session: Session) -> list[dict[str, Any]]:
        rows = list(session.scalars(select(AppealRow).order_by(AppealRow.id)))
        evs = events_of(session, sorted({r.decision_id for r in rows}))
        out = [appeal_dict(r, evs[r.decision_id]) for r in rows]
        return [a for a in out if status is None or a["status"] == status][:limit]
    return store.read(read)


def post_of(store: Store, post_id: str, version: int) -> dict[str, Any] | None:
    """Return the stored text and mentions of one post version, or None when the service never saw it."""
    from redline.service.tables import PostRow

    def read(session: Session) -> dict[str, Any] | None:
        row = session.get(PostRow, (post_id, version))
        return None if row is None else {"text": row.text, "lang": row.lang, "mentions": row.mentions,
                                         "media_count": row.media_count, "received_at": iso(row.received_at)}
    return store.read(read)

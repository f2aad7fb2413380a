"""Webhooks to the platform, delivered from an outbox fed by the ledger itself.

Each ledger event that the platform must act on (a warning, a restriction, a closure, a restoration)
gets exactly one outbox row, keyed by the event id (unique), so feeding twice or after a restart adds
nothing. Rows are claimed before delivery, so two workers never send the same row at once; a failed
delivery is retried with capped exponential backoff, never dropped. Every request carries the row's
idempotency key: if a crash falls between the platform's 2xx and our bookkeeping, the retry carries the
same key and the platform drops it. Signature: `X-Redline-Signature: sha256=HMAC(secret, "<ts>.<body>")`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from redline.enforce import Kind, iso, utcnow
from redline.service import metrics
from redline.service.context import Services
from redline.service.tables import CursorRow, OutboxRow
from redline.store import DecisionRow, EventRow

KINDS = [Kind.PENALTY_APPLIED.value, Kind.STRIKE_REVERSED.value, Kind.PENALTY_LIFTED.value,
         Kind.ACCOUNT_RESTORED.value]
PENALTY_ACTION = {"warning": "warn", "restrict_posting": "restrict", "close_account": "close"}
RESTORE_SCOPE = {Kind.STRIKE_REVERSED.value: "post", Kind.PENALTY_LIFTED.value: "penalty",
                 Kind.ACCOUNT_RESTORED.value: "account"}
# PostgreSQL may commit event ids out of order; re-reading this many ids behind the cursor catches late ones.
LOOKBACK = 1000
CLAIM_S = 60
MAX_BACKOFF_S = 3600


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Return the signature header value for a body sent at `timestamp`."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """Return True when `signature` is the valid signature of `body` at `timestamp` (for receivers)."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def _payload(e: EventRow, d: DecisionRow | None) -> tuple[str, dict[str, Any]]:
    data = dict(e.data or {})
    action = PENALTY_ACTION.get(str(data.get("penalty")), "restore") if e.kind == Kind.PENALTY_APPLIED.value \
        else "restore"
    body: dict[str, Any] = {
        "type": action, "event_id": e.id, "author": e.author, "decision_id": e.decision_id,
        "post_id": d.post_id if d else None, "post_version": d.post_version if d else None, "at": iso(e.at),
        "actor": e.actor, "reason": e.reason, "policy_version": e.policy_version, "appeal_id": e.appeal_id}
    if action == "restore":
        body["scope"] = RESTORE_SCOPE.get(e.kind, "post")
        body["penalty"] = data.get("penalty")
    else:
        body.update(penalty=data.get("penalty"), days=data.get("days"), until=data.get("until"),
                    penalty_action=data.get("action"), strike_number=data.get("strike_number"), remove_post=True)
    return action, body


def feed(svc: Services) -> int:
    """Add an outbox row for every announceable ledger event not yet in the outbox; return how many."""
    def behind(session: Session) -> bool:
        cursor = session.get(CursorRow, "outbox")
        top = session.scalar(select(func.max(EventRow.id))) or 0
        return cursor is None or top > cursor.position

    if not svc.store.read(behind):  # nothing new: skip the write lock
        return 0

    def write(session: Session) -> int:
        cursor = session.get(CursorRow, "outbox")
        start = max(0, (cursor.position if cursor else 0) - LOOKBACK)
        q = (select(EventRow, DecisionRow).outerjoin(DecisionRow, DecisionRow.id == EventRow.decision_id)
             .where(EventRow.id > start, EventRow.kind.in_(KINDS)).order_by(EventRow.id).limit(5000))
        rows = session.execute(q).all()
        top = session.scalar(select(func.max(EventRow.id))) or 0
        now = utcnow()
        values = []
        for e, d in rows:
            action, body = _payload(e, d)
            key = f"rl-evt-{e.id}"
            values.append({"idempotency_key": key, "event_id": e.id, "action": action,
                           "payload": {"id": key, **body}, "created_at": now, "attempts": 0, "next_attempt_at": now})
        before = session.scalar(select(func.count()).select_from(OutboxRow)) or 0
        if values:
            ins = (postgresql.insert if svc.store.dialect == "postgresql" else sqlite.insert)(OutboxRow)
            session.execute(ins.on_conflict_do_nothing(index_elements=["event_id"]), values)
        added = (session.scalar(select(func.count()).select_from(OutboxRow)) or 0) - before
        # A full batch means more may follow: advance only to what was read.
        position = rows[-1][0].id if len(rows) == 5000 else top
        if cursor is None:
            session.add(CursorRow(name="outbox", position=position))
        else:
            cursor.position = max(cursor.position, position)
        return int(added)
    return svc.store.write(write)


def _claim(svc: Services, limit: int) -> list[tuple[int, str, dict[str, Any], int]]:
    if not svc.store.read(lambda s: s.scalar(select(OutboxRow.id).where(OutboxRow.delivered_at.is_(None)).limit(1))):
        return []
    def write(session: Session) -> list[tuple[int, str, dict[str, Any], int]]:
        now = utcnow()
        q = (select(OutboxRow.id, OutboxRow.idempotency_key, OutboxRow.payload, OutboxRow.attempts)
             .where(OutboxRow.delivered_at.is_(None), OutboxRow.next_attempt_at <= now,
                    OutboxRow.claimed_until.is_(None) | (OutboxRow.claimed_until < now))
             .order_by(OutboxRow.id).limit(limit))
        if svc.store.dialect == "postgresql":
            q = q.with_for_update(skip_locked=True)
        rows = [(int(i), str(k), dict(p), int(a)) for i, k, p, a in session.execute(q)]
        if rows:
            session.execute(update(OutboxRow).where(OutboxRow.id.in_([r[0] for r in rows]))
                            .values(claimed_until=now + timedelta(seconds=CLAIM_S)))
        return rows
    return svc.store.write(write)


def dispatch(svc: Services, client: httpx.Client, limit: int = 50) -> int:
    """Deliver due notifications to the platform's webhook; return how many were delivered."""
    url = svc.config.webhook_url
    if not url:
        return 0
    delivered = 0
    for row_id, key, payload, attempts in _claim(svc, limit):
        body = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        ts = str(int(time.time()))
        headers = {"Content-Type": "application/json", "Idempotency-Key": key, "X-Redline-Event": payload["type"],
                   "X-Redline-Timestamp": ts, "X-Redline-Signature": sign(svc.config.webhook_secret, ts, body)}
        error: str | None = None
        try:
            resp = client.post(url, content=body, headers=headers, timeout=svc.config.webhook_timeout_s)
            if not 200 <= resp.status_code < 300:
                error = f"HTTP {resp.status_code}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        metrics.WEBHOOKS.labels("ok" if error is None else "error").inc()
        now = utcnow()
        values: dict[str, Any] = {"attempts": attempts + 1, "claimed_until": None, "last_error": error}
        if error is None:
            values["delivered_at"] = now
            delivered += 1
        else:
            values["next_attempt_at"] = now + timedelta(seconds=min(2 ** attempts, MAX_BACKOFF_S))

        def write(session: Session, row_id: int = row_id, values: dict[str, Any] = values) -> None:
            session.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(**values))
        svc.store.write(write)
    return delivered


def outbox_summary(svc: Services, limit: int = 50) -> dict[str, Any]:
    """Return the outbox counts and its most recent rows (for admins)."""
    def read(session: Session) -> dict[str, Any]:
        pending = session.scalar(select(func.count()).where(OutboxRow.delivered_at.is_(None))) or 0
        total = session.scalar(select(func.count()).select_from(OutboxRow)) or 0
        recent = session.scalars(select(OutboxRow).order_by(OutboxRow.id.desc()).limit(limit))
        return {"pending": int(pending), "delivered": int(total) - int(pending), "webhook_url": svc.config.webhook_url,
                "recent": [{"idempotency_key": r.idempotency_key, "action": r.action, "attempts": r.attempts,
                            "delivered_at": iso(r.delivered_at), "last_error": r.last_error,
                            "author": r.payload.get("author")} for r in recent]}
    out = svc.store.read(read)
    metrics.OUTBOX_PENDING.set(out["pending"])
    return out

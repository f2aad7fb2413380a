"""The service's own tables (API keys, webhook outbox, bulk jobs, audit trail), beside the ledger's.

They live in the ledger's database so an outbox row and the state it announces share one durable store.
They are created with `create_all` (idempotent) rather than the ledger's Alembic chain, which the store owns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from redline.store import Store


class ServiceBase(DeclarativeBase):
    pass


class ApiKeyRow(ServiceBase):
    """An API key: only the sha256 of the token is kept; `name` is the actor recorded on every change."""

    __tablename__ = "service_api_keys"
    id: Mapped[int] = mapped_column(Integer(), primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime())


class OutboxRow(ServiceBase):
    """One webhook notification, keyed by the ledger event it announces (so it is enqueued exactly once)."""

    __tablename__ = "service_outbox"
    __table_args__ = (Index("ix_outbox_due", "delivered_at", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer(), primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    event_id: Mapped[int] = mapped_column(Integer(), unique=True)
    action: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON())
    created_at: Mapped[datetime] = mapped_column(DateTime())
    attempts: Mapped[int] = mapped_column(Integer(), default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime())
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime())
    last_error: Mapped[str | None] = mapped_column(Text())


class PostRow(ServiceBase):
    """The text of a post whose decision was recorded, and what was found in it: reviewers must see it."""

    __tablename__ = "service_posts"
    post_id: Mapped[str] = mapped_column(String(512), primary_key=True)
    post_version: Mapped[int] = mapped_column(Integer(), primary_key=True)
    author: Mapped[str] = mapped_column(String(512), index=True)
    text: Mapped[str] = mapped_column(Text())
    lang: Mapped[str | None] = mapped_column(String(16))
    media_count: Mapped[int] = mapped_column(Integer())
    mentions: Mapped[list[Any]] = mapped_column(JSON())
    received_at: Mapped[datetime] = mapped_column(DateTime())


class CursorRow(ServiceBase):
    """How far a background feeder has read the ledger (the outbox feeder's last event id)."""

    __tablename__ = "service_cursors"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer())


class JobRow(ServiceBase):
    """A bulk submission: its posts are processed by the background worker, one item row each."""

    __tablename__ = "service_jobs"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    actor: Mapped[str] = mapped_column(String(128))
    dry_run: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(DateTime())
    total: Mapped[int] = mapped_column(Integer())


class JobItemRow(ServiceBase):
    """One post of a bulk job: pending until a worker stores its result (or error)."""

    __tablename__ = "service_job_items"
    __table_args__ = (Index("ix_job_items_pending", "done", "claimed_until"),)
    id: Mapped[int] = mapped_column(Integer(), primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(String(40), index=True)
    seq: Mapped[int] = mapped_column(Integer())
    post: Mapped[dict[str, Any]] = mapped_column(JSON())
    done: Mapped[bool] = mapped_column(default=False)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime())
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON())
    error: Mapped[str | None] = mapped_column(Text())


class AuditRow(ServiceBase):
    """Who did what through the service: every state-changing request, with the key's name as actor."""

    __tablename__ = "service_audit"
    id: Mapped[int] = mapped_column(Integer(), primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(512))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON())


def create_tables(store: Store) -> None:
    """Create the service tables that do not exist yet (serialized between workers starting together)."""
    def write(session: Session) -> None:
        if store.dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(7461014)"))
        ServiceBase.metadata.create_all(session.connection(), checkfirst=True)
    store.write(write)

"""The ledger's tables as typed SQLAlchemy 2 models. Decisions and events are append-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class AccountRow(Base):
    """One row per author: the row writers lock to serialize strike counting. Holds no state."""

    __tablename__ = "accounts"
    author: Mapped[str] = mapped_column(String(512), primary_key=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime())


class DecisionRow(Base):
    """A Decision as made, keyed by a hash of (post id, post version, rule), unique on the same triple."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("post_id", "post_version", "rule", name="uq_decisions_post_rule"),)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    post_id: Mapped[str] = mapped_column(String(512))
    post_version: Mapped[int] = mapped_column(Integer())
    rule: Mapped[str] = mapped_column(String(128))
    author: Mapped[str] = mapped_column(String(512), index=True)
    verdict: Mapped[str] = mapped_column(String(16))
    stance: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None]
    severity: Mapped[str] = mapped_column(String(16))
    policy_version: Mapped[str] = mapped_column(String(64))
    explanation: Mapped[str] = mapped_column(Text())
    assessments: Mapped[list[Any]] = mapped_column(JSON())
    content_types: Mapped[list[str]] = mapped_column(JSON())
    content_date: Mapped[str | None] = mapped_column(String(64))
    content_language: Mapped[str | None] = mapped_column(String(16))
    account_type: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(), index=True)


class EventRow(Base):
    """One ledger event. `dedup_key` (unique) makes every once-only event idempotent in the database."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_author_id", "author", "id"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    author: Mapped[str] = mapped_column(String(512))
    kind: Mapped[str] = mapped_column(String(32))
    decision_id: Mapped[str | None] = mapped_column(String(40), ForeignKey("decisions.id"), index=True)
    appeal_id: Mapped[int | None] = mapped_column(Integer())
    actor: Mapped[str] = mapped_column(String(256))
    at: Mapped[datetime] = mapped_column(DateTime())
    policy_version: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text())
    data: Mapped[dict[str, Any]] = mapped_column(JSON())
    dedup_key: Mapped[str | None] = mapped_column(String(200), unique=True)


class AppealRow(Base):
    """An appeal against one decision; the unique decision_id allows one appeal per decision."""

    __tablename__ = "appeals"
    id: Mapped[int] = mapped_column(Integer(), primary_key=True, autoincrement=True)
    decision_id: Mapped[str] = mapped_column(String(40), ForeignKey("decisions.id"), unique=True)
    author: Mapped[str] = mapped_column(String(512))
    reason: Mapped[str] = mapped_column(Text())
    filed_at: Mapped[datetime] = mapped_column(DateTime())

"""Ledger events as values, the clock, and the deterministic ids that make enforcement idempotent."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from redline.errors import ConfigError

Clock = Callable[[], datetime]


class Kind(StrEnum):
    DECISION_MADE = "decision_made"
    STRIKE_ADDED = "strike_added"
    PENALTY_APPLIED = "penalty_applied"
    PENALTY_LIFTED = "penalty_lifted"
    REVIEW_REQUESTED = "review_requested"
    REVIEW_DECIDED = "review_decided"
    APPEAL_FILED = "appeal_filed"
    APPEAL_DECIDED = "appeal_decided"
    STRIKE_REVERSED = "strike_reversed"
    ACCOUNT_RESTORED = "account_restored"


# The kinds that change an account's state; the rest are the audit trail.
STATE_KINDS = (Kind.STRIKE_ADDED, Kind.STRIKE_REVERSED, Kind.PENALTY_APPLIED, Kind.PENALTY_LIFTED,
               Kind.ACCOUNT_RESTORED)
SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Event:
    """One append-only ledger entry: what happened to whom, when, by whom, under which policy, and why."""

    kind: Kind
    author: str
    at: datetime
    actor: str
    policy_version: str
    reason: str
    decision_id: str | None = None
    appeal_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    dedup_key: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the event as a JSON-ready dict."""
        return {"id": self.id, "kind": self.kind.value, "at": iso(self.at), "actor": self.actor,
                "policy_version": self.policy_version, "reason": self.reason, "decision_id": self.decision_id,
                "appeal_id": self.appeal_id, "data": self.data}


def decision_id(post_id: str, post_version: int, rule: str) -> str:
    """Return the decision id: a stable hash of the idempotency key (post id, post version, rule)."""
    raw = f"{post_id}\x1f{post_version}\x1f{rule}".encode("utf-8", "surrogatepass")
    return "d" + hashlib.sha256(raw).hexdigest()[:23]


def utcnow() -> datetime:
    """Return the current time in UTC, without tzinfo (the ledger stores naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def parse_time(value: str, what: str = "time") -> datetime:
    """Return an ISO 8601 date or datetime as naive UTC, or raise ConfigError naming `what`."""
    try:
        t = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ConfigError(f"{what}: {value!r} is not an ISO 8601 date or time") from exc
    return t.astimezone(UTC).replace(tzinfo=None) if t.tzinfo else t


def env_clock() -> Clock:
    """Return a clock fixed at $REDLINE_NOW when set (a testing aid), else the real UTC clock."""
    fixed = os.environ.get("REDLINE_NOW")
    if fixed:
        t = parse_time(fixed, "REDLINE_NOW")
        return lambda: t
    return utcnow


def iso(t: datetime | None) -> str | None:
    """Return a naive-UTC datetime as ISO 8601 with a Z suffix."""
    return None if t is None else t.isoformat(timespec="seconds") + "Z"

"""Account state derived from ledger events (never stored): strikes in force, current penalty, closed or not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from redline.enforce._events import Event, Kind, iso


@dataclass(frozen=True, slots=True)
class Strike:
    decision_id: str
    at: datetime
    expires_at: datetime
    severe: bool = False


@dataclass(frozen=True, slots=True)
class Penalty:
    """A lasting penalty: a posting restriction until `until`, or the account's closure (`until` None)."""

    kind: str  # restrict_posting, close_account
    decision_id: str
    start: datetime
    until: datetime | None = None
    days: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the penalty as a JSON-ready dict."""
        if self.kind == "close_account":
            return {"kind": "account_closed", "since": iso(self.start), "decision_id": self.decision_id}
        return {"kind": self.kind, "days": self.days, "since": iso(self.start), "until": iso(self.until),
                "decision_id": self.decision_id}


@dataclass(frozen=True, slots=True)
class AccountState:
    """What the ledger says about an author at `now`."""

    author: str
    now: datetime
    strikes: tuple[Strike, ...]
    penalty: Penalty | None
    closed: bool
    events: tuple[Event, ...] = ()

    @property
    def strikes_in_force(self) -> int:
        """Return how many strikes have neither expired nor been reversed."""
        return len(self.strikes)

    def to_dict(self) -> dict[str, Any]:
        """Return the state in the `account show --json` shape."""
        return {"author": self.author, "now": iso(self.now), "strikes_in_force": self.strikes_in_force,
                "strikes": [{"decision_id": s.decision_id, "at": iso(s.at), "expires_at": iso(s.expires_at)}
                            for s in self.strikes],
                "penalty": self.penalty.to_dict() if self.penalty else None, "closed": self.closed,
                "events": [e.to_dict() for e in self.events]}


@dataclass
class Ledger:
    """An author's events folded so far; `apply` one more, `state(now)` to read. Pure, no I/O."""

    author: str
    strikes: dict[str, Strike] = field(default_factory=dict)
    penalties: dict[str, Penalty] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    keep: bool = True  # keep the events themselves (for display), not only their effect
    last_id: int = 0  # id of the last stored event folded in

    @classmethod
    def of(cls, author: str, events: Iterable[Event]) -> Ledger:
        """Return the ledger of `author` with `events` (in ledger order) applied."""
        ledger = cls(author)
        for e in events:
            ledger.apply(e)
        return ledger

    def copy(self) -> Ledger:
        """Return an independent copy (events are immutable and shared)."""
        return Ledger(self.author, dict(self.strikes), dict(self.penalties), list(self.events), self.keep,
                      self.last_id)

    def apply(self, e: Event) -> None:
        """Fold one event into the state."""
        if self.keep:
            self.events.append(e)
        if e.id is not None:
            self.last_id = max(self.last_id, e.id)
        d = e.decision_id or ""
        if e.kind is Kind.STRIKE_ADDED:
            self.strikes[d] = Strike(d, e.at, datetime.fromisoformat(e.data["expires_at"]), bool(e.data.get("severe")))
        elif e.kind is Kind.STRIKE_REVERSED:
            self.strikes.pop(d, None)
        elif e.kind is Kind.PENALTY_APPLIED and e.data.get("penalty") != "warning":
            until = e.data.get("until")
            self.penalties[d] = Penalty(e.data["penalty"], d, e.at, datetime.fromisoformat(until) if until else None,
                                        int(e.data.get("days", 0)))
        elif e.kind is Kind.PENALTY_LIFTED:
            self.penalties.pop(d, None)

    def in_force(self, now: datetime) -> list[Strike]:
        """Return the strikes in force at `now`, oldest first."""
        return sorted((s for s in self.strikes.values() if s.at <= now < s.expires_at), key=lambda s: s.at)

    def state(self, now: datetime, with_events: bool = False) -> AccountState:
        """Return the account state at `now`."""
        closure = [p for p in self.penalties.values() if p.kind == "close_account"]
        active = [p for p in self.penalties.values()
                  if p.kind != "close_account" and p.start <= now and p.until is not None and now < p.until]
        penalty = closure[0] if closure else max(active, key=lambda p: (p.until, p.start), default=None)
        return AccountState(self.author, now, tuple(self.in_force(now)), penalty, bool(closure),
                            tuple(self.events) if with_events else ())

"""The append-only enforcement ledger: strikes, the penalty ladder, expiry, human review and appeals."""

from redline.enforce._appeal import AppealResult, appeal_decide, appeal_file
from redline.enforce._enforcer import UNRECORDED_RULES, EnforcementResult, Enforcer, actions_of
from redline.enforce._events import Clock, Event, Kind, decision_id, env_clock, iso, parse_time, utcnow
from redline.enforce._repo import to_event
from redline.enforce._review import QueueItem, ReviewResult, review_decide, review_queue
from redline.enforce._state import AccountState, Ledger, Penalty, Strike

__all__ = [
    "UNRECORDED_RULES",
    "AccountState",
    "AppealResult",
    "Clock",
    "EnforcementResult",
    "Enforcer",
    "Event",
    "Kind",
    "Ledger",
    "Penalty",
    "QueueItem",
    "ReviewResult",
    "Strike",
    "actions_of",
    "appeal_decide",
    "appeal_file",
    "decision_id",
    "env_clock",
    "iso",
    "parse_time",
    "review_decide",
    "review_queue",
    "to_event",
    "utcnow",
]

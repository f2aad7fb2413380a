"""Statements of reasons (EU DSA Art. 17) in the Transparency Database's field names, one per enforced decision."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redline.enforce import Event, Kind, to_event
from redline.store import DecisionRow, EventRow, Store

# EU member states plus the EEA (Iceland, Liechtenstein, Norway), as the Transparency Database lists them.
TERRITORIAL_SCOPE = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
                     "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"]
LIMITS = {"incompatible_content_ground": 500, "incompatible_content_explanation": 2000, "decision_facts": 5000,
          "puid": 500}
GROUND_URL = "https://github.com/redline/redline/blob/main/docs/policy.md"


def _cut(text: str, field: str) -> str:
    limit = LIMITS[field]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _day(t: datetime | None) -> str | None:
    return None if t is None else t.date().isoformat()


def _content_date(raw: str | None, fallback: datetime) -> str:
    try:
        d = datetime.fromisoformat(raw.replace("Z", "+00:00")).date() if raw else fallback.date()
    except ValueError:
        d = fallback.date()
    return max(d, date(2000, 1, 1)).isoformat()


def puid(row: DecisionRow) -> str:
    """Return a platform-unique id of ≤ 500 chars of [A-Za-z0-9-_]: the post id, made safe, and the decision id."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", row.post_id)[:400]
    return _cut(f"{safe}-v{row.post_version}-{row.id}", "puid")


def statement(row: DecisionRow, events: list[Event]) -> dict[str, Any]:
    """Return the statement of reasons for one decision that took action, from its row and its events."""
    strike = next(e for e in events if e.kind is Kind.STRIKE_ADDED)
    penalty = next((e for e in events if e.kind is Kind.PENALTY_APPLIED), None)
    reversed_ = next((e for e in events if e.kind is Kind.STRIKE_REVERSED), None)
    human = strike.actor != "system"
    kind = penalty.data.get("penalty") if penalty else None
    until = penalty.data.get("until") if penalty else None
    facts = (f"Post {row.post_id} (version {row.post_version}) by the account was found by automated detection. "
             f"Decision: {row.verdict if not human else 'violating, by a human reviewer'}; rule {row.rule}; "
             f"stance {row.stance or 'n/a'}"
             + (f" with confidence {row.confidence:.2f}" if row.confidence is not None else "") + ". "
             + row.explanation
             + (f" Penalty: {penalty.data.get('action')} (strike {penalty.data.get('strike_number')} in force)."
                if penalty else " The account was already closed.")
             + (f" Reversed on appeal on {_day(reversed_.at)}." if reversed_ else ""))
    tier1 = row.rule.startswith(("tier1_", "severe:"))
    return {
        "decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED"],
        "decision_account": "DECISION_ACCOUNT_TERMINATED" if kind == "close_account" else None,
        "decision_provision": "DECISION_PROVISION_PARTIAL_SUSPENSION" if kind == "restrict_posting" else None,
        "decision_monetary": None,
        "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "incompatible_content_ground": _cut(
            f"Dangerous Organizations and Individuals policy, rule {row.rule} (policy version {row.policy_version})",
            "incompatible_content_ground"),
        "incompatible_content_explanation": _cut(row.explanation, "incompatible_content_explanation"),
        "decision_ground_reference_url": GROUND_URL,
        "category": "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
        "category_specification": ["KEYWORD_TERRORIST_CONTENT" if tier1 else "KEYWORD_ILLEGAL_ORGANIZATIONS"],
        "content_type": list(row.content_types) or ["CONTENT_TYPE_OTHER"],
        "automated_detection": "Yes",
        "automated_decision": "AUTOMATED_DECISION_PARTIALLY" if human else "AUTOMATED_DECISION_FULLY",
        "decision_facts": _cut(facts, "decision_facts"),
        "territorial_scope": TERRITORIAL_SCOPE,
        "content_language": row.content_language.upper() if row.content_language else None,
        "content_date": _content_date(row.content_date, row.created_at),
        "application_date": _day(strike.at),
        "end_date_account_restriction": until[:10] if until else None,
        "source_type": "SOURCE_VOLUNTARY",
        "puid": puid(row),
    }


def statements(store: Store, since: datetime | None = None, until: datetime | None = None) -> Iterator[dict[str, Any]]:
    """Yield one statement per decision whose action (strike) was applied in [since, until), oldest first."""
    def read(session: Session) -> list[dict[str, Any]]:
        q = (select(DecisionRow, EventRow.id).join(EventRow, EventRow.decision_id == DecisionRow.id)
             .where(EventRow.kind == Kind.STRIKE_ADDED.value).order_by(EventRow.id))
        if since is not None:
            q = q.where(EventRow.at >= since)
        if until is not None:
            q = q.where(EventRow.at < until)
        rows = [r for r, _ in session.execute(q).all()]
        out = []
        for i in range(0, len(rows), 500):
            chunk = {r.id: r for r in rows[i:i + 500]}
            evs: dict[str, list[Event]] = {d: [] for d in chunk}
            for e in session.scalars(select(EventRow).where(EventRow.decision_id.in_(list(chunk)))
                                     .order_by(EventRow.id)):
                evs[str(e.decision_id)].append(to_event(e))
            out += [statement(chunk[r.id], evs[r.id]) for r in rows[i:i + 500]]
        return out
    yield from store.read(read)

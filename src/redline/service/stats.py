"""Counts over the ledger for the dashboard and the transparency report: per day, per verdict, per actor."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redline.enforce import Kind
from redline.store import DecisionRow, EventRow, Store

SYSTEM = "system"


@dataclass
class Stats:
    """What happened in [since, until): decisions, actions, reviews, appeals, reversals, by day."""

    since: datetime
    until: datetime
    verdicts_by_day: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    stances: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    strikes: Counter[str] = field(default_factory=Counter)  # automated / human
    reviews_requested: Counter[str] = field(default_factory=Counter)  # by day
    reviews_decided: Counter[str] = field(default_factory=Counter)  # by day
    review_outcomes: Counter[str] = field(default_factory=Counter)  # violating / allow
    appeals_filed: int = 0
    appeal_outcomes: Counter[str] = field(default_factory=Counter)  # upheld / reversed
    appeal_outcomes_by_day: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    reversals: int = 0
    restorations: int = 0
    backlog_now: int = 0

    def days(self) -> list[str]:
        """Return every day of the period as ISO dates."""
        first, last = self.since.date(), (self.until - timedelta(microseconds=1)).date()
        return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]

    @property
    def verdict_totals(self) -> Counter[str]:
        """Return decisions per verdict over the period."""
        total: Counter[str] = Counter()
        for c in self.verdicts_by_day.values():
            total.update(c)
        return total

    @property
    def overturn_rate(self) -> float | None:
        """Return the share of decided appeals that reversed the decision (None when none were decided)."""
        n = sum(self.appeal_outcomes.values())
        return self.appeal_outcomes["reversed"] / n if n else None


def _day(v: object) -> str:
    return v.date().isoformat() if isinstance(v, datetime) else v.isoformat() if isinstance(v, date) else str(v)


def collect(store: Store, since: datetime, until: datetime) -> Stats:
    """Return the ledger's counts for [since, until) (naive UTC)."""
    st = Stats(since, until)

    def read(session: Session) -> None:
        q = (select(func.date(DecisionRow.created_at), DecisionRow.verdict, DecisionRow.stance, func.count())
             .where(DecisionRow.created_at >= since, DecisionRow.created_at < until)
             .group_by(func.date(DecisionRow.created_at), DecisionRow.verdict, DecisionRow.stance))
        for day, verdict, stance, n in session.execute(q):
            st.verdicts_by_day[_day(day)][verdict] += int(n)
            st.stances[stance or "none"] += int(n)
        kinds = [k.value for k in (Kind.PENALTY_APPLIED, Kind.STRIKE_ADDED, Kind.REVIEW_REQUESTED, Kind.REVIEW_DECIDED,
                                   Kind.APPEAL_FILED, Kind.APPEAL_DECIDED, Kind.STRIKE_REVERSED,
                                   Kind.ACCOUNT_RESTORED)]
        q2 = (select(EventRow.kind, EventRow.at, EventRow.actor, EventRow.data, EventRow.dedup_key)
              .where(EventRow.at >= since, EventRow.at < until, EventRow.kind.in_(kinds)))
        for kind, at, actor, data, key in session.execute(q2):
            _count(st, Kind(kind), at.date().isoformat(), actor, data or {}, key or "")
        st.backlog_now = _backlog(session)
    store.read(read)
    return st


def _count(st: Stats, kind: Kind, day: str, actor: str, data: dict[str, object], key: str) -> None:
    if kind is Kind.PENALTY_APPLIED:
        st.actions[str(data.get("penalty"))] += 1
    elif kind is Kind.STRIKE_ADDED:
        st.strikes["automated" if actor == SYSTEM else "human"] += 1
    elif kind is Kind.REVIEW_REQUESTED:
        st.reviews_requested[day] += 1
    elif kind is Kind.REVIEW_DECIDED and key.startswith("review_final:"):
        st.reviews_decided[day] += 1
        st.review_outcomes[str(data.get("verdict"))] += 1
    elif kind is Kind.APPEAL_FILED:
        st.appeals_filed += 1
    elif kind is Kind.APPEAL_DECIDED:
        st.appeal_outcomes[str(data.get("outcome"))] += 1
        st.appeal_outcomes_by_day[day][str(data.get("outcome"))] += 1
    elif kind is Kind.STRIKE_REVERSED:
        st.reversals += 1
    elif kind is Kind.ACCOUNT_RESTORED:
        st.restorations += 1


def _backlog(session: Session) -> int:
    requested = session.scalar(select(func.count()).where(EventRow.kind == Kind.REVIEW_REQUESTED.value)) or 0
    final = session.scalar(select(func.count()).where(EventRow.dedup_key.like("review_final:%"))) or 0
    return max(0, int(requested) - int(final))

"""The transparency report: one self-contained HTML file (inline SVG charts, no script, no CDN) for a period.

It counts actions (warnings, restrictions, closures), decisions per verdict, who decided (automated
strikes vs strikes by people), human reviews, appeals and their outcomes, and reversals.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from redline.enforce import utcnow
from redline.service import charts
from redline.service.stats import Stats, collect
from redline.store import Store

PENALTY_NAMES = {"warning": "warnings", "restrict_posting": "posting restrictions", "close_account": "account closures"}


def report_context(st: Stats) -> dict[str, Any]:
    """Return the figures and charts the report template shows."""
    days = st.days()
    verdicts = {v: [float(st.verdicts_by_day[d][v]) if d in st.verdicts_by_day else 0.0 for d in days]
                for v in ("violating", "review", "allow")}
    actions = {PENALTY_NAMES.get(k, k): float(v) for k, v in sorted(st.actions.items())}
    return {
        "st": st,
        "period": (st.since.date().isoformat(), (st.until - timedelta(days=1)).date().isoformat()),
        "generated": utcnow().isoformat(timespec="seconds") + "Z",
        "verdict_totals": dict(st.verdict_totals),
        "actions": actions,
        "charts": {
            "per_day": charts.stacked_bars("Decisions per day by verdict", days, verdicts),
            "actions": charts.bars("Actions taken", actions or {"none": 0.0}),
            "who": charts.bars("Strikes: automated vs human decisions", {
                "automated": float(st.strikes["automated"]), "human": float(st.strikes["human"])}),
            "appeals": charts.bars("Appeal outcomes", {"upheld": float(st.appeal_outcomes["upheld"]),
                                                       "reversed": float(st.appeal_outcomes["reversed"])}),
        },
    }


def render_report(st: Stats) -> str:
    """Return the report's HTML (autoescaped)."""
    env = Environment(loader=FileSystemLoader(str(resources.files("redline.service") / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    return env.get_template("transparency.html").render(**report_context(st))


def write_report(store: Store, since: datetime, until: datetime, path: Path) -> Path:
    """Write the transparency report for [since, until) to `path`; return the path."""
    html = render_report(collect(store, since, until))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path

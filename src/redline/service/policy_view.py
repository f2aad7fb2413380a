"""The policy in force as plain data, for the API and the policy page."""

from __future__ import annotations

from typing import Any

from redline.policy import Policy


def policy_dict(p: Policy) -> dict[str, Any]:
    """Return the policy as a JSON-ready dict."""
    return {
        "version": p.version,
        "tiers": {str(t): {s.value: v.value for s, v in m.items()} for t, m in sorted(p.tiers.items())},
        "default_tier": p.default_tier,
        "thresholds": {"automatic_action": p.thresholds.automatic_action, "review": p.thresholds.review,
                       "mention_score": p.thresholds.mention_score},
        "strike_expiry_days": p.strike_expiry_days,
        "ladder": [{"strike": i, "penalty": s.penalty.value, "days": s.days, "action": s.action}
                   for i, s in enumerate(p.ladder, start=1)],
        "severe": [{"name": r.name, "tier": r.tier, "stances": sorted(s.value for s in r.stances),
                    "min_confidence": r.min_confidence} for r in p.severe],
        "exemptions": [{"name": e.name, "account_types": sorted(e.account_types)} for e in p.exemptions],
        "second_reviewer_for_closure": p.second_reviewer_for_closure,
        "sources": [str(s) for s in p.sources],
    }

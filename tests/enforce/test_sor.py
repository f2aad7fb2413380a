"""Statements of reasons: DSA Transparency Database fields, length limits, date filter, JSON Lines export."""

from __future__ import annotations

import dataclasses
import json
import re

from tests.enforce.enforce_factory import Clock, judged
from typer.testing import CliRunner

from redline.cli import app
from redline.enforce import Enforcer, review_decide
from redline.model import Stance
from redline.policy import Policy
from redline.report.sor import LIMITS, statements
from redline.store import Store

REQUIRED = {"decision_visibility", "decision_account", "decision_provision", "decision_monetary", "decision_ground",
            "incompatible_content_ground", "incompatible_content_explanation", "category", "category_specification",
            "content_type", "automated_detection", "automated_decision", "decision_facts", "territorial_scope",
            "content_language", "content_date", "application_date", "end_date_account_restriction", "source_type",
            "puid"}


def test_statement_fields_and_limits(store: Store, enforcer: Enforcer, policy: Policy, clock: Clock) -> None:
    d, post = judged(policy, "p/1 ü", "ann", Stance.GLORIFICATION)
    enforcer.enforce(dataclasses.replace(d, explanation="x" * 9000), post)
    enforcer.enforce(*judged(policy, "p2", "ann", Stance.GLORIFICATION))
    queued = enforcer.enforce(*judged(policy, "p3", "ann", Stance.UNCLEAR)).decision_id
    assert queued
    review_decide(store, policy, clock, queued, "support", "recruiting", "rita")
    enforcer.enforce(*judged(policy, "p4", "ann", Stance.REPORTING))
    got = list(statements(store))
    assert len(got) == 3  # the allowed post gets none
    for s in got:
        assert set(s) >= REQUIRED
        assert s["category"] == "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"
        assert s["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,500}", s["puid"])
        assert all(len(s[k]) <= n for k, n in LIMITS.items())
        assert s["content_language"] == "EN" and s["content_type"] == ["CONTENT_TYPE_TEXT"]
    assert len(got[0]["incompatible_content_explanation"]) == LIMITS["incompatible_content_explanation"]
    assert got[1]["decision_provision"] == "DECISION_PROVISION_PARTIAL_SUSPENSION"
    assert got[1]["end_date_account_restriction"] == "2026-03-02"
    assert [s["automated_decision"] for s in got] == ["AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_FULLY",
                                                      "AUTOMATED_DECISION_PARTIALLY"]
    assert len({s["puid"] for s in got}) == 3


def test_closure_statement_and_export_window(db_url: str, enforcer: Enforcer, policy: Policy, clock: Clock) -> None:
    enforcer.enforce(*judged(policy, "p1", "bo", Stance.GLORIFICATION))
    clock.advance(days=31)
    enforcer.enforce(*judged(policy, "p2", "bo", Stance.REPRESENTATION, confidence=0.99))
    out = CliRunner().invoke(app, ["sor", "export", "--db", db_url, "--from", "2026-04-01", "--to", "2026-04-01"])
    lines = [json.loads(x) for x in out.output.splitlines()]
    assert len(lines) == 1 and lines[0]["decision_account"] == "DECISION_ACCOUNT_TERMINATED"
    assert lines[0]["application_date"] == "2026-04-01"
    everything = CliRunner().invoke(app, ["sor", "export", "--db", db_url]).output.splitlines()
    assert len(everything) == 2

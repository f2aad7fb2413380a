"""The acceptance journey through the command line, on a fresh database (SQLite and PostgreSQL).

Here the posts are enforced through the Enforcer with the Decisions the judge and policy would give them,
so the ladder is tested apart from how the judge reads the words; everything after that goes through the
CLI. tests/cli/test_journey_scan.py runs the same journey from `redline scan` on real text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from typing import Any

from tests.enforce.enforce_factory import Clock, judged
from typer.testing import CliRunner

from redline.cli import app
from redline.enforce import Enforcer, iso
from redline.model import Stance
from redline.policy import Policy
from redline.store import Store

runner = CliRunner()


def cli(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return json.loads(result.output)


def test_journey(db_url: str, policy: Policy, clock: Clock) -> None:
    enforcer = Enforcer(Store(db_url), policy, clock)
    actions, decisions = [], []
    for i in range(5):
        r = enforcer.enforce(*judged(policy, f"glory-{i}", "fan", Stance.GLORIFICATION, 0.92))
        actions.append(r.actions[-1])
        decisions.append(r.decision_id)
        shown = cli("account", "show", "fan", "--json", "--db", db_url, "--now", iso(clock.now) or "")
        assert shown["strikes_in_force"] == i + 1
        clock.advance(days=9)
    assert actions == ["warning", "restrict_posting_1d", "restrict_posting_3d", "restrict_posting_7d",
                       "account_closed"]
    now = iso(clock.now) or ""
    closed = cli("account", "show", "fan", "--json", "--db", db_url, "--now", now)
    assert closed["closed"] and closed["penalty"]["kind"] == "account_closed"
    assert {"author", "strikes_in_force", "penalty", "closed", "events"} <= set(closed)

    appeal = cli("appeal", "file", decisions[-1], "--reason", "I was quoting the news", "--db", db_url, "--now", now)
    decided = cli("appeal", "decide", str(appeal["appeal_id"]), "--reverse", "--reviewer", "rita",
                  "--reason", "the post quotes a report", "--db", db_url, "--now", now)
    assert decided["outcome"] == "reversed" and "account_restored" in decided["actions"]
    restored = cli("account", "show", "fan", "--json", "--db", db_url, "--now", now)
    assert (restored["closed"], restored["strikes_in_force"]) == (False, 4)
    kinds = [e["kind"] for e in restored["events"]]
    assert kinds.count("strike_added") == 5 and kinds[-3:] == ["strike_reversed", "penalty_lifted",
                                                               "account_restored"]

    year_later = iso(clock.now + timedelta(days=366)) or ""
    expired = cli("account", "show", "fan", "--json", "--db", db_url, "--now", year_later)
    assert (expired["strikes_in_force"], expired["penalty"], expired["closed"]) == (0, None, False)

    # The reporter: the seed article and news reports name the same man, and nothing happens.
    for i, stance in enumerate([Stance.REPORTING, Stance.REPORTING, Stance.NEUTRAL, Stance.CONDEMNATION]):
        assert enforcer.enforce(*judged(policy, f"news-{i}", "reporter", stance, 0.9)).actions == []
    reporter = cli("account", "show", "reporter", "--json", "--db", db_url, "--now", year_later)
    assert (reporter["strikes_in_force"], reporter["penalty"], reporter["closed"]) == (0, None, False)
    assert {e["kind"] for e in reporter["events"]} == {"decision_made"}
    assert cli("review", "list", "--json", "--db", db_url) == []

    table = runner.invoke(app, ["account", "show", "fan", "--db", db_url, "--now", now])
    assert table.exit_code == 0 and "4 strikes in force" in table.output and "account_restored" in table.output

    result = runner.invoke(app, ["sor", "export", "--db", db_url])
    statements = [json.loads(line) for line in result.output.splitlines()]
    assert len(statements) == 5 and all(s["puid"].startswith("glory-") for s in statements)


def test_cli_errors_exit_2_and_name_the_item(tmp_path: Any) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    bad = tmp_path / "bad.yaml"
    bad.write_text('version: "x"\nstrikes:\n  expiry_days: -3\n', encoding="utf-8")
    for args, message in [
                          (["appeal", "decide", "1", "--reverse", "--reviewer", "r", "--reason", "x", "--policy",
                            str(bad)], f"{bad}:3: strikes.expiry_days: must be at least 1"),(["account", "show", "ghost"], "no account 'ghost'"),
                          (["appeal", "file", "dmissing", "--reason", "x"], "no decision with id 'dmissing'"),
                          (["appeal", "decide", "7", "--uphold", "--reverse", "--reviewer", "r", "--reason", "x"],
                           "exactly one of --uphold or --reverse")]:
        proc = subprocess.run([sys.executable, "-m", "redline", *args, "--db", db], capture_output=True, text=True,
                              timeout=60, check=False)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr

"""`redline account`, `review`, `appeal` and `sor`: read the ledger, decide reviews and appeals, export statements.

Every command takes `--db URL` (else $REDLINE_DATABASE_URL, else $REDLINE_HOME/redline.db) and, as a testing
aid, a hidden `--now ISO` (or $REDLINE_NOW) that fixes the clock.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta

import typer
from rich.console import Console
from rich.table import Table

from redline.enforce import (
    Clock,
    Enforcer,
    appeal_decide,
    appeal_file,
    parse_time,
    review_decide,
    review_queue,
)
from redline.enforce import utcnow as _utcnow
from redline.errors import InputError
from redline.policy import load_policy
from redline.report.sor import statements
from redline.store import Store

account_app = typer.Typer(no_args_is_help=True, help="Show an author's account state from the ledger.")
review_app = typer.Typer(no_args_is_help=True, help="The human review queue.")
appeal_app = typer.Typer(no_args_is_help=True, help="File and decide appeals against decisions.")
sor_app = typer.Typer(no_args_is_help=True, help="Statements of reasons (EU DSA Art. 17).")

DB = typer.Option(None, "--db", help="Database URL (default: $REDLINE_DATABASE_URL or $REDLINE_HOME/redline.db).")
NOW = typer.Option(None, "--now", envvar="REDLINE_NOW", hidden=True, help="Testing aid: fix the clock (ISO 8601).")
POLICY = typer.Option(None, "--policy", envvar="REDLINE_POLICY", help="Policy file merged over the default.")


def register(app: typer.Typer) -> None:
    """Attach the account, review, appeal and sor command groups to the main app."""
    app.add_typer(account_app, name="account")
    app.add_typer(review_app, name="review")
    app.add_typer(appeal_app, name="appeal")
    app.add_typer(sor_app, name="sor")


def _clock(now: str | None) -> Clock:
    if not now:
        return _utcnow
    fixed = parse_time(now, "--now")
    return lambda: fixed


def _echo(doc: object) -> None:
    typer.echo(json.dumps(doc, ensure_ascii=False))


@account_app.command("show")
def account_show(author: str, as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
                 db: str | None = DB, now: str | None = NOW, policy: str | None = POLICY) -> None:
    """Show strikes in force, the current penalty, closure and every event (an unknown author is an error)."""
    state = Enforcer(Store(db), load_policy(policy), _clock(now)).account(author)
    doc = state.to_dict()
    if as_json:
        _echo({k: doc[k] for k in ("author", "strikes_in_force", "penalty", "closed", "events", "strikes", "now")})
        return
    out = Console()
    pen = doc["penalty"]
    out.print(f"[bold]{author}[/]: {state.strikes_in_force} strikes in force; "
              f"penalty: {pen['kind'] + (' until ' + pen['until'] if pen.get('until') else '') if pen else 'none'}; "
              f"{'CLOSED' if state.closed else 'open'}", highlight=False)
    table = Table("id", "time")
    table.add_column("event", no_wrap=True, min_width=16)
    for name in ("actor", "decision", "reason"):
        table.add_column(name)
    for e in doc["events"]:
        table.add_row(str(e["id"]), e["at"], e["kind"], e["actor"], e["decision_id"] or "", e["reason"][:80])
    out.print(table)


@review_app.command("list")
def review_list(as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
                limit: int | None = typer.Option(None, "--limit", min=1), db: str | None = DB) -> None:
    """List decisions waiting for a reviewer, oldest first."""
    items = review_queue(Store(db), limit)
    if as_json:
        _echo([i.to_dict() for i in items])
        return
    table = Table("decision", "author", "post", "rule", "stance", "confidence", "second review")
    for i in items:
        table.add_row(i.decision_id, i.author, i.post_id, i.rule, i.stance or "",
                      "" if i.confidence is None else f"{i.confidence:.2f}", i.first_reviewer or "")
    Console().print(table)


@review_app.command("decide")
def review_decide_cmd(decision_id: str, stance: str = typer.Option(..., "--stance"),
                      reason: str = typer.Option(..., "--reason"), reviewer: str = typer.Option(..., "--reviewer"),
                      db: str | None = DB, now: str | None = NOW, policy: str | None = POLICY) -> None:
    """Decide a queued decision; a violating stance makes it final and enforces a strike."""
    result = review_decide(Store(db), load_policy(policy), _clock(now), decision_id, stance, reason, reviewer)
    _echo(result.to_dict())


@appeal_app.command("file")
def appeal_file_cmd(decision_id: str, reason: str = typer.Option(..., "--reason"), db: str | None = DB,
                    now: str | None = NOW) -> None:
    """File the author's appeal against a decision (one per decision); prints {"appeal_id": ...}."""
    _echo({"appeal_id": appeal_file(Store(db), _clock(now), decision_id, reason)})


@appeal_app.command("decide")
def appeal_decide_cmd(appeal_id: int, uphold: bool = typer.Option(False, "--uphold"),
                      reverse: bool = typer.Option(False, "--reverse"), reviewer: str = typer.Option(..., "--reviewer"),
                      reason: str = typer.Option(..., "--reason"), db: str | None = DB, now: str | None = NOW,
                      policy: str | None = POLICY) -> None:
    """Uphold or reverse an appeal; a reversal removes the strike and may restore the account."""
    if uphold == reverse:
        raise InputError("give exactly one of --uphold or --reverse")
    _echo(appeal_decide(Store(db), load_policy(policy), _clock(now), appeal_id, uphold, reviewer, reason).to_dict())


@sor_app.command("export")
def sor_export(since: str | None = typer.Option(None, "--from", help="First day (ISO date), inclusive."),
               until: str | None = typer.Option(None, "--to", help="Last day (ISO date), inclusive."),
               db: str | None = DB) -> None:
    """Print one statement of reasons per enforced decision as JSON Lines."""
    start = parse_time(since, "--from") if since else None
    end = _day_after(parse_time(until, "--to")) if until else None
    for s in statements(Store(db), start, end):
        sys.stdout.write(json.dumps(s, ensure_ascii=False) + "\n")


def _day_after(t: datetime) -> datetime:
    return datetime(t.year, t.month, t.day) + timedelta(days=1)

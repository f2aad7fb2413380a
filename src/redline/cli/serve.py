"""`redline serve` (the HTTP API and reviewer UI) and `redline report` (the transparency report)."""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import typer

from redline.errors import InputError


def register(app: typer.Typer) -> None:
    """Attach `serve` and `report` to the main app."""
    app.command("serve")(serve)
    app.command("report")(report)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $REDLINE_DATABASE_URL or "
                                                     "$REDLINE_HOME/redline.db)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
    demo: bool = typer.Option(False, "--demo", help="Create demo keys and moderate the demo posts first."),
    demo_dir: Path = typer.Option(Path("demo"), "--demo-dir", help="Where the demo posts are."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Decide without enforcing unless a request says so."),
    log_level: str = typer.Option("info", "--log-level"),
    access_log: bool = typer.Option(False, "--access-log/--no-access-log", help="Log every request."),
) -> None:
    """Serve the API under /v1 and the reviewer UI under /ui until interrupted."""
    import uvicorn

    if db:
        os.environ["REDLINE_DATABASE_URL"] = db
    if dry_run:
        os.environ["REDLINE_DRY_RUN"] = "1"
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="redline-metrics-")
    if demo:
        _load_demo(demo_dir, host, port)
    uvicorn.run("redline.service.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=access_log, proxy_headers=False, server_header=False)


def _load_demo(demo_dir: Path, host: str, port: int) -> None:
    from redline.service import demo
    from redline.service.config import ServiceConfig
    from redline.service.context import Services

    svc = Services(ServiceConfig.from_env(background=False))
    keys = demo.ensure_keys(svc)
    results = demo.load(svc, demo_dir)
    svc.close()
    queued = sum("queued_for_review" in r["actions"] for r in results)  # type: ignore[operator]
    typer.echo(f"demo: {len(results)} posts moderated, {queued} newly queued for review")
    typer.echo(f"open http://{host}:{port}/ui/ and sign in with one of these (kept in $REDLINE_HOME/demo-keys.json):")
    for name, token in keys.items():
        typer.echo(f"  {name:15} {token}")


def report(
    since: str = typer.Option(..., "--from", help="First day (ISO date), inclusive."),
    until: str = typer.Option(..., "--to", help="Last day (ISO date), inclusive."),
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="Where to write the HTML."),
    db: str | None = typer.Option(None, "--db", help="Database URL."),
) -> None:
    """Write the transparency report (HTML with charts) for a period: actions, appeals, reversals, who decided."""
    from redline.enforce import parse_time
    from redline.report.transparency import write_report
    from redline.store import Store

    start = parse_time(since, "--from").replace(hour=0, minute=0, second=0, microsecond=0)
    end = parse_time(until, "--to").replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    if end <= start:
        raise InputError(f"--to {until} is before --from {since}")
    path = write_report(Store(db), start, end, output)
    typer.echo(f"wrote {path}")

"""`redline scan`: run posts through the pipeline, one JSON line in, one JSON line out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from redline.cli.postio import BadLine, GoodLine, read_posts
from redline.engine import Outcome

BATCH = 200  # decisions enforced per transaction; output is written after each commit


def register(app: typer.Typer) -> None:
    """Attach `scan` to the main app."""
    app.command("scan")(scan)


def scan(
    input: str = typer.Argument(..., help="JSONL file of posts, or - for stdin."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write results here instead of stdout."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Decide but do not enforce or record anything."),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $REDLINE_DATABASE_URL or SQLite)."),
    policy_path: Path | None = typer.Option(None, "--policy", help="Policy file merged over the default."),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", help="Longest accepted input line, in bytes."),
    media: bool = typer.Option(True, "--media/--no-media", help="Hash-match, face-match and OCR the posts' images."),
) -> None:
    """Scan posts and print one decision per post; without --dry-run, enforce them."""
    from redline.defaults import default_engine
    from redline.policy import load_policy

    err = Console(stderr=True, soft_wrap=True)
    policy = load_policy(policy_path)
    engine = default_engine(policy, media=media)
    enforcer = None
    if not dry_run:
        from redline.enforce import Enforcer, env_clock
        from redline.settings import database_url
        from redline.store import Store

        enforcer = Enforcer(Store(db or database_url()), policy, env_clock())
    src: BinaryIO = sys.stdin.buffer if input == "-" else open(input, "rb")  # noqa: SIM115
    total = None if input == "-" else Path(input).stat().st_size
    out: TextIO = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    counts = {"posts": 0, "bad": 0, "allow": 0, "review": 0, "violating": 0}
    try:
        with Progress(TextColumn("scanning"), BarColumn(), TextColumn("{task.completed:,.0f} bytes"),
                      TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("scan", total=total)
            for batch in _batches(read_posts(src, max_bytes=max_bytes), err, counts):
                outcomes = engine.moderate_many([item.post for item in batch])
                bar.update(task, completed=batch[-1].offset)
                for item, outcome in zip(batch, outcomes, strict=True):
                    for f in outcome.failures:
                        err.print(f"line {item.line}: post {item.post.id}: {f.detector}: {f.error}",
                                  markup=False, highlight=False)
                records = [result_record(o) for o in outcomes]
                if enforcer is not None:
                    for rec, res in zip(records, enforcer.enforce_many(((o.decision, o.post) for o in outcomes),
                                                                       batch_size=BATCH), strict=True):
                        rec.update(res.to_dict())
                for o, rec in zip(outcomes, records, strict=True):
                    counts["posts"] += 1
                    counts[o.decision.verdict.value] += 1
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        if output:
            out.close()
        if input != "-":
            src.close()
    err.print(f"scanned {counts['posts']} posts: {counts['allow']} allow, {counts['review']} review, "
              f"{counts['violating']} violating; {counts['bad']} bad lines skipped"
              + ("" if enforcer else " (dry run: nothing enforced)"), markup=False, highlight=False)


def _batches(items: Iterator[GoodLine | BadLine], err: Console, counts: dict[str, int]) -> Iterator[list[GoodLine]]:
    """Yield the good lines in batches, reporting each bad line (with its number) as it is met."""
    batch: list[GoodLine] = []
    for item in items:
        if isinstance(item, BadLine):
            counts["bad"] += 1
            err.print(f"line {item.line}: skipped: {item.reason}", markup=False, highlight=False)
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def result_record(outcome: Outcome) -> dict[str, Any]:
    """Return the scan output line for one outcome."""
    d = outcome.decision
    rec: dict[str, Any] = {
        "id": outcome.post.id,
        "verdict": d.verdict.value,
        "mentions": [m.to_dict() for m in outcome.mentions],
        "stance": d.stance.value if d.stance else None,
        "confidence": None if d.confidence is None else round(d.confidence, 4),
        "rule": d.rule,
        "explanation": d.explanation,
    }
    if outcome.failures:
        rec["errors"] = [{"detector": f.detector, "error": f.error} for f in outcome.failures]
    return rec

"""`redline scan`: run posts through the pipeline, one JSON line in, one JSON line out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from redline.cli.postio import BadLine, read_posts
from redline.engine import Engine, Outcome


def register(app: typer.Typer) -> None:
    """Attach `scan` to the main app."""
    app.command("scan")(scan)


def scan(
    input: str = typer.Argument(..., help="JSONL file of posts, or - for stdin."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write results here instead of stdout."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Decide but do not enforce."),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", help="Longest accepted input line, in bytes."),
) -> None:
    """Scan posts and print one decision per post."""
    err = Console(stderr=True)
    engine = Engine()
    src: BinaryIO = sys.stdin.buffer if input == "-" else open(input, "rb")  # noqa: SIM115
    total = None if input == "-" else Path(input).stat().st_size
    out: TextIO = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    counts = {"posts": 0, "bad": 0, "allow": 0, "review": 0, "violating": 0}
    try:
        with Progress(TextColumn("scanning"), BarColumn(), TextColumn("{task.completed:,.0f} bytes"),
                      TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("scan", total=total)
            for item in read_posts(src, max_bytes=max_bytes):
                bar.update(task, completed=item.offset)
                if isinstance(item, BadLine):
                    counts["bad"] += 1
                    err.print(f"line {item.line}: skipped: {item.reason}", markup=False, highlight=False)
                    continue
                outcome = engine.moderate(item.post)
                counts["posts"] += 1
                counts[outcome.decision.verdict.value] += 1
                for f in outcome.failures:
                    err.print(f"line {item.line}: post {item.post.id}: detector {f.detector} failed: {f.error}",
                              markup=False, highlight=False)
                out.write(json.dumps(result_record(outcome), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
        if input != "-":
            src.close()
    err.print(f"scanned {counts['posts']} posts: {counts['allow']} allow, {counts['review']} review, "
              f"{counts['violating']} violating; {counts['bad']} bad lines skipped", markup=False, highlight=False)


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

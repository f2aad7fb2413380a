"""`redline eval`: measure the whole pipeline on a labelled JSONL set, beside the naive name rule."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from redline.judge.evaluate import Item, Scores, evaluate, oracle_mentions, post_of, read_items


def register(app: typer.Typer) -> None:
    """Attach `eval` to the main app."""
    app.command("eval")(eval_command)


def eval_command(
    dataset: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSONL with text, label, optional lang."),
    chart: Path | None = typer.Option(None, "--chart", help="Where to write the PNG chart of verdict shares "
                                      "(default: $REDLINE_HOME/reports/eval-<dataset>.png)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    oracle: bool = typer.Option(False, "--oracle-mentions",
                                help="Use the items' gold `names` as mentions (measures the judge alone)."),
    policy_path: Path | None = typer.Option(None, "--policy", help="Policy file merged over the default."),
) -> None:
    """Print per-stance P/R/F1, per-language accuracy and verdict shares, with the naive name rule as baseline."""
    from redline.defaults import default_engine
    from redline.policy import load_policy

    if chart is None:
        from redline.settings import home

        chart = home() / "reports" / f"eval-{dataset.stem}.png"
        chart.parent.mkdir(parents=True, exist_ok=True)
    items, skipped = read_items(dataset)
    engine = default_engine(load_policy(policy_path), media=False)  # the same pipeline `redline scan` runs

    def run(item: Item) -> tuple[str, str, int]:
        post = post_of(item)
        if oracle:
            mentions = oracle_mentions(item)
            assessments = engine.judge(post, mentions) if (engine.judge and mentions) else []
            decision = engine.decide(post, mentions, assessments)
        else:
            outcome = engine.moderate(post)
            mentions, decision = outcome.mentions, outcome.decision
        stance = decision.stance.value if decision.stance else "no_mention"
        return decision.verdict.value, stance, len(mentions)

    judged, naive, unnamed = evaluate(items, run)
    report = {"dataset": str(dataset), "items": len(items), "skipped_unclear": skipped,
              "mentions": "oracle" if oracle else "detected",
              "systems": [judged.to_dict(), naive.to_dict()], "unnamed_violating": unnamed.to_dict()}
    from redline.judge.chart import draw

    draw([judged, naive], chart, title=f"Verdicts on {dataset.name}")
    report["chart"] = str(chart)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{dataset}: {len(items)} items ({skipped} unclear skipped); mentions: {report['mentions']}")
    for scores in (judged, naive):
        _print(scores)
    if sum(unnamed.verdicts["violating"].values()):
        v = unnamed.verdicts["violating"]
        typer.echo(f"\nviolating items naming no one (left out above): {sum(v.values())}: "
                   + ", ".join(f"{k} {v[k]}" for k in ("violating", "review", "allow")))
    typer.echo(f"\nchart: {chart}")


def _print(s: Scores) -> None:
    d = s.to_dict()
    typer.echo(f"\n== {s.name}")
    typer.echo(f"{'gold':<16}{'n':>5}{'violating':>11}{'review':>9}{'allow':>9}")
    for side, counts in d["confusion"].items():
        n = sum(counts.values())
        typer.echo(f"{side:<16}{n:>5}" + "".join(f"{counts[v]:>5} {d['shares'][side][v]:>4.0%}"[-(11 if v == 'violating' else 9):]
                                                 for v in ("violating", "review", "allow")))
    typer.echo("per-language accuracy (violating→violating, allowed→allow): "
               + ", ".join(f"{k} {v:.0%}" for k, v in d["per_language_accuracy"].items()))
    typer.echo(f"{'stance':<16}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for k, m in d["per_stance"].items():
        typer.echo(f"{k:<16}{m['precision']:>6.2f}{m['recall']:>6.2f}{m['f1']:>6.2f}{m['support']:>5}")

"""Train and try the judge: the stance model and the rule layer's cues."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from redline.errors import ConfigError
from redline.judge import Judge, _corpus, _model
from redline.judge._rules import STANCES
from redline.model import Mention, Method, Post

app = typer.Typer(no_args_is_help=True)


@app.command("train")
def train(
    out: Path | None = typer.Option(None, "--out", help="Write the model here (default: the cache under Redline's home)."),
    corpus: Path | None = typer.Option(None, "--corpus", help="Directory of labelled *.jsonl (default data/judge)."),
    write_dev: Path | None = typer.Option(None, "--write-dev", help="Also write the dev split here, for `redline eval`."),
) -> None:
    """Train the stance model on the corpus' train split and print per-stance P/R/F1 on the dev split."""
    paths = _corpus.files(corpus or _corpus.default_dir())
    if not paths:
        raise ConfigError(f"no corpus files (*.jsonl) in {corpus or _corpus.default_dir()}")
    examples = _corpus.load(paths)
    train_set, dev = _corpus.split(examples)
    key = _model.cache_key(paths)
    started = time.perf_counter()
    model = _model.fit(train_set, key)
    typer.echo(f"trained on {len(train_set)} examples ({len(dev)} held out for dev) "
               f"in {time.perf_counter() - started:.1f}s; key {key}")
    target = out or _model.cache_path(key)
    _model.save(model, target)
    typer.echo(f"model written to {target}")
    if write_dev is not None:
        with write_dev.open("w", encoding="utf-8") as fh:
            for ex in dev:
                fh.write(json.dumps({"id": ex.id, "text": ex.text, "lang": ex.lang, "label": ex.label.value},
                                    ensure_ascii=False) + "\n")
        typer.echo(f"dev split ({len(dev)} examples) written to {write_dev}")
    if not dev:
        return
    probs = model.predict_proba(_model.samples_of(dev))
    pred = [STANCES[int(i)].value for i in probs.argmax(axis=1)]
    gold = [ex.label.value for ex in dev]
    typer.echo(f"{'dev stance':<16}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for label, (p, r, f, n) in _model.per_stance_scores(gold, pred).items():
        typer.echo(f"{label:<16}{p:>6.2f}{r:>6.2f}{f:>6.2f}{n:>5}")
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    typer.echo(f"dev accuracy {acc:.3f}")


@app.command("assess")
def assess(text: str = typer.Argument(..., help="The post text."),
           name: list[str] = typer.Option([], "--name", help="A designated name to treat as mentioned (repeatable)."),
           lang: str | None = typer.Option(None, "--lang", help="The post's language, if known.")) -> None:
    """Print the judge's assessment of each given name in TEXT as JSON."""
    mentions = []
    for n in name:
        start = text.find(n)
        if start < 0:
            raise ConfigError(f"--name {n!r} does not occur in the text")
        mentions.append(Mention(n, n, n, start, start + len(n), Method.NAME, 1.0, detector="cli"))
    for a in Judge().assess(Post("cli", "cli", text, lang=lang), mentions):
        typer.echo(json.dumps(a.to_dict(), ensure_ascii=False, indent=1))

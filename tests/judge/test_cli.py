"""`redline judge train` and `redline eval` on small fixtures."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from redline.cli import app

DATA = Path(__file__).parent / "data"
runner = CliRunner()


def test_train_prints_dev_scores_and_writes_the_model(judge_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.pkl"
    result = runner.invoke(app, ["judge", "train", "--corpus", str(DATA / "corpus"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "held out for dev" in result.output and "dev accuracy" in result.output
    assert "glorification" in result.output
    assert out.stat().st_size > 0


def test_eval_reports_figures_baseline_and_chart(judge_home: Path, tmp_path: Path) -> None:
    chart = tmp_path / "chart.png"
    result = runner.invoke(app, ["eval", str(DATA / "eval.jsonl"), "--json", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["items"] == 5 and report["skipped_unclear"] == 1
    ours, naive = report["systems"]
    assert naive["system"] == "naive name rule"
    assert naive["confusion"]["allowed"]["violating"] == 2  # the naive rule punishes the reporter and the critic
    assert ours["confusion"]["allowed"]["allow"] == 2
    assert ours["confusion"]["violating"]["allow"] == 0
    assert ours["confusion"]["not_designated"]["allow"] == 1
    assert set(ours["per_language_accuracy"]) == {"en", "fa"}
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_eval_text_output(judge_home: Path) -> None:
    result = runner.invoke(app, ["eval", str(DATA / "eval.jsonl")])
    assert result.exit_code == 0, result.output
    assert "1 unclear skipped" in result.output and "naive name rule" in result.output

"""Acceptance figures on the real-world dev set in ../shared (measured only; skipped when absent).

The bounds asserted are the acceptance targets this judge meets on that set today (see
docs/accuracy.md for the figures); recall is measured on items that name someone, as the set's
PROVENANCE.md asks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app


@pytest.mark.slow
@pytest.mark.parametrize("mentions", ["--oracle-mentions", None])
def test_realworld_acceptance(shared_dir: Path, judge_home: Path, mentions: str | None) -> None:
    dataset = shared_dir / "data" / "realworld" / "dev.jsonl"
    if not dataset.exists():
        pytest.skip("no real-world dev set")
    args = ["eval", str(dataset), "--json", *([mentions] if mentions else [])]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    ours = json.loads(result.output)["systems"][0]["shares"]
    caught = ours["violating"]["violating"] + ours["violating"]["review"]
    assert caught >= 0.9  # with detected names, detection misses count too
    assert ours["allowed"]["violating"] <= 0.05
    assert ours["allowed"]["review"] <= 0.25
    assert ours["not_designated"]["violating"] <= 0.05
    assert ours["not_designated"]["allow"] >= 0.9

"""SIGKILL `redline scan` at random points of a 20,000-post batch and restart it: the ledger ends as an
uninterrupted run's — no lost decision, no doubled strike."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from redline.store import DecisionRow, EventRow, Store

POSTS = 20_000
TEXTS = [
    "We miss martyr Haj Qassem Soleimani, commander of hearts! #HajQassem",
    "Join the ranks of the Islamic Resistance, donate to Hezbollah today.",
    "Soleimani was killed in a US drone strike in Baghdad in January 2020, officials said.",
    "Hamas is a terrorist organisation that murders civilians.",
    "Lovely weather in Tehran today, going hiking.",
    "The Taliban took Kabul in August 2021, according to Reuters.",
    "شهید حاج قاسم سلیمانی سردار دلها، یادش گرامی",
    "الشهيد القائد أبو مهدي المهندس رحمه الله",
    "I had tea with my friend Maryam Soleimani, the chess player.",
    "Was Nasrallah a hero or a warlord? Discuss.",
]


def write_posts(path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(POSTS):
            f.write(json.dumps({"id": f"p{i}", "author": f"user{rng.randrange(300)}",
                                "text": f"{rng.choice(TEXTS)} ({i % 50})", "version": 1 + (i % 97 == 0)},
                               ensure_ascii=False) + "\n")


def lines_in(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def run_scan(posts: Path, url: str, out: Path, kill_at_line: int | None = None) -> bool:
    """Run `redline scan`; with kill_at_line, SIGKILL it once its output has that many lines.

    Return True when it was killed before finishing. Output lines are written only after the
    batch they belong to is committed, so the kill lands between or inside later batches.
    """
    env = {**os.environ, "REDLINE_NOW": "2026-03-01T12:00:00"}
    proc = subprocess.Popen([sys.executable, "-m", "redline", "scan", str(posts), "--db", url, "--no-media",
                             "-o", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_at_line is None:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()[-2000:]
        return False
    deadline = time.monotonic() + 600
    while proc.poll() is None and lines_in(out) < kill_at_line and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.poll() is not None:
        assert proc.returncode == 0, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return True


def ledger(url: str) -> dict[str, Any]:
    """Return the ledger's content without the database-assigned event ids: decisions, and events per author."""
    store = Store(url)

    def read(s: Any) -> dict[str, Any]:
        decisions = sorted((d.id, d.post_id, d.post_version, d.rule, d.author, d.verdict, d.policy_version)
                           for d in s.scalars(select(DecisionRow)))
        per_author: dict[str, list[tuple[Any, ...]]] = {}
        for e in s.scalars(select(EventRow).order_by(EventRow.id)):
            per_author.setdefault(e.author, []).append(
                (e.kind, e.decision_id, e.actor, e.at, e.reason, json.dumps(e.data, sort_keys=True), e.dedup_key))
        return {"decisions": decisions, "events": per_author}
    try:
        return store.read(read)
    finally:
        store.close()


def count_decisions(url: str) -> int:
    store = Store(url)
    try:
        return store.read(lambda s: s.scalar(select(func.count()).select_from(DecisionRow)) or 0)
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_and_restart_gives_the_uninterrupted_ledger(tmp_path: Path, db_url: str, request: Any) -> None:
    posts = tmp_path / "posts.jsonl"
    write_posts(posts)
    if db_url.startswith("sqlite"):
        reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    else:
        from tests._pg import create_database

        reference_url = create_database(request.getfixturevalue("postgres_url"))
    run_scan(posts, reference_url, tmp_path / "reference.jsonl")
    reference = ledger(reference_url)
    assert len(reference["decisions"]) > POSTS // 2

    rng = random.Random(11)
    kills, partial = 0, []
    for _ in range(4):
        if run_scan(posts, db_url, tmp_path / "out.jsonl", kill_at_line=rng.randrange(1_000, POSTS - 1_000)):
            kills += 1
            partial.append(count_decisions(db_url))
    run_scan(posts, db_url, tmp_path / "out.jsonl")
    assert kills >= 3, f"only {kills} runs were killed before finishing; the test proves nothing"
    assert any(0 < n < len(reference["decisions"]) for n in partial), partial
    got = ledger(db_url)
    assert got["decisions"] == reference["decisions"]
    assert got["events"] == reference["events"]
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "reference.jsonl").read_bytes()

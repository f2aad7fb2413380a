"""SIGKILL the enforcing process at random points and restart it: the ledger ends as an uninterrupted run's."""

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

DRIVER = Path(__file__).with_name("crash_driver.py")
POSTS = 20_000
STANCES = [("glorification", 0.95), ("support", 0.9), ("unclear", 0.6), ("glorification", 0.7),
           ("reporting", 0.9), ("condemnation", 0.9), (None, 0.0), (None, 0.0)]


def write_posts(path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(POSTS):
            stance, conf = rng.choice(STANCES)
            f.write(json.dumps({"id": f"p{i}", "author": f"user{rng.randrange(400)}", "stance": stance,
                                "confidence": conf, "version": 1 + (i % 97 == 0)}) + "\n")


def run_driver(posts: Path, url: str, kill_after: float | None = None) -> bool:
    """Run the driver; with kill_after, SIGKILL it then. Return True when it was killed before finishing."""
    env = {**os.environ, "REDLINE_NOW": "2026-03-01T12:00:00"}
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(posts), url, "500"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is None:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-2000:]
        return False
    time.sleep(kill_after)
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
    run_driver(posts, reference_url)
    reference = ledger(reference_url)
    assert len(reference["decisions"]) > POSTS // 2

    rng = random.Random(11)
    kills, partial = 0, []
    for _ in range(5):
        before = count_decisions(db_url)
        if run_driver(posts, db_url, kill_after=rng.uniform(0.8, 3.0)):
            kills += 1
            partial.append((before, count_decisions(db_url)))
    run_driver(posts, db_url)
    assert kills >= 3, f"only {kills} runs were killed before finishing; the test proves nothing"
    assert any(0 < after < len(reference["decisions"]) for _, after in partial), partial
    got = ledger(db_url)
    assert got["decisions"] == reference["decisions"]
    assert got["events"] == reference["events"]

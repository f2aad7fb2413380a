"""Enforcement throughput (batched vs one transaction per decision) and account-read latency on a 1M-event ledger.

Usage: python benchmarks/bench_enforce.py [--decisions N] [--events N] [--pg-url URL | --no-pg]
Without --pg-url it starts a throw-away PostgreSQL with the tests' harness (Debian's binaries).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redline.enforce import Enforcer
from redline.model import Assessment, Decision, Mention, Method, Post, Stance
from redline.policy import Policy, decide, load_policy
from redline.store import Store

NOW = datetime(2026, 3, 1, 12)
MENTION = Mention("q1", "Test Leader", "Test Leader", 0, 11, Method.NAME, 0.97)
MIX = [(Stance.GLORIFICATION, 0.95), (Stance.UNCLEAR, 0.6), (Stance.REPORTING, 0.9), (Stance.NEUTRAL, 0.9)]


def items(policy: Policy, n: int, prefix: str, authors: int = 2000) -> list[tuple[Decision, Post]]:
    """Return n decisions on mentions: a quarter violating, a quarter review, half allowed."""
    rng = random.Random(1)
    out = []
    for i in range(n):
        stance, conf = MIX[i % len(MIX)]
        post = Post(f"{prefix}{i}", f"user{rng.randrange(authors)}", "text")
        out.append((decide(post, [Assessment(MENTION, stance, conf)], policy, [MENTION], {"q1": 1}), post))
    return out


def throughput(url: str, policy: Policy, work: list[tuple[Decision, Post]], batch: int) -> float:
    store = Store(url)
    enforcer = Enforcer(store, policy, lambda: NOW)
    t = time.perf_counter()
    n = sum(1 for _ in enforcer.enforce_many(work, batch_size=batch))
    rate = n / (time.perf_counter() - t)
    store.close()
    return rate


def fill_events(url: str, n_events: int, authors: int) -> None:
    """Bulk-insert n_events valid ledger events spread over `authors` (plus one author with 10,000)."""
    store = Store(url)
    cols = ["author", "kind", "decision_id", "appeal_id", "actor", "at", "policy_version", "reason", "data",
            "dedup_key"]
    expires = (NOW + timedelta(days=365)).isoformat()

    dcols = ["id", "post_id", "post_version", "rule", "author", "verdict", "severity", "policy_version",
             "explanation", "assessments", "content_types", "created_at"]

    def author_of(k: int) -> str:
        return "heavy" if k % 100 == 0 else f"user{k % authors}"

    def decisions() -> Any:
        for k in range(n_events // 3):
            yield (f"b{k}", f"bp{k}", 1, "tier1_glorification", author_of(k), "violating", "standard", "bench",
                   "benchmark decision", "[]", "[]", NOW)

    def rows() -> Any:
        data = [{"verdict": "violating"}, {"expires_at": expires, "severe": False},
                {"penalty": "restrict_posting", "days": 1, "action": "restrict_posting_1d",
                 "until": (NOW + timedelta(days=1)).isoformat(), "strike_number": 1}]
        for k in range(n_events // 3):
            for j, kind in enumerate(("decision_made", "strike_added", "penalty_applied")):
                yield (author_of(k), kind, f"b{k}", None, "system", NOW, "bench", "benchmark event",
                       json.dumps(data[j]), None)

    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        if store.dialect == "postgresql":
            for table, names, gen in (("decisions", dcols, decisions), ("events", cols, rows)):
                with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                    for r in gen():
                        copy.write_row(r)
        else:
            cur.execute("BEGIN")
            cur.executemany(f"INSERT INTO decisions ({', '.join(dcols)}) VALUES ({', '.join('?' * len(dcols))})",
                            ((*r[:-1], r[-1].isoformat(sep=" ")) for r in decisions()))
            cur.executemany(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            ((*r[:5], r[5].isoformat(sep=" "), *r[6:]) for r in rows()))
        raw.commit()
        for a in ["heavy", *(f"user{i}" for i in range(authors))]:
            cur.execute("INSERT INTO accounts (author, first_seen) VALUES (%s, %s)" if store.dialect == "postgresql"
                        else "INSERT INTO accounts (author, first_seen) VALUES (?, ?)", (a, NOW.isoformat(sep=" ")))
        raw.commit()
        if store.dialect == "postgresql":
            cur.execute("ANALYZE events")
            raw.commit()
    finally:
        raw.close()
        store.close()


def read_latency(url: str, policy: Policy, authors: int, samples: int = 300) -> dict[str, float]:
    store = Store(url)
    enforcer = Enforcer(store, policy, lambda: NOW)
    rng = random.Random(3)
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        enforcer.account(f"user{rng.randrange(authors)}")
        times.append((time.perf_counter() - t) * 1000)
    heavy = []
    for _ in range(5):
        t = time.perf_counter()
        state = enforcer.account("heavy")
        heavy.append((time.perf_counter() - t) * 1000)
    store.close()
    times.sort()
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times))],
            "heavy_ms": statistics.median(heavy), "heavy_events": len(state.events)}


def run(name: str, url_for: Any, policy: Policy, args: argparse.Namespace) -> dict[str, Any]:
    batched = throughput(url_for("batched"), policy, items(policy, args.decisions, "b"), 500)
    single = throughput(url_for("single"), policy, items(policy, args.decisions // 10, "s"), 1)
    big = url_for("big")
    t = time.perf_counter()
    fill_events(big, args.events, args.authors)
    fill_s = time.perf_counter() - t
    lat = read_latency(big, policy, args.authors)
    print(f"{name}: batched {batched:,.0f}/s, one transaction per decision {single:,.0f}/s; "
          f"{args.events:,} events filled in {fill_s:.1f}s; account read p50 {lat['p50_ms']:.2f} ms, "
          f"p95 {lat['p95_ms']:.2f} ms, heavy author ({lat['heavy_events']:,} events) {lat['heavy_ms']:.1f} ms",
          flush=True)
    return {"batched_per_s": batched, "single_per_s": single, **lat}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--decisions", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--authors", type=int, default=20_000)
    ap.add_argument("--pg-url", default=None, help="PostgreSQL server URL without a database name")
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    policy = load_policy(use_env=False)
    tmp = Path(tempfile.mkdtemp(prefix="redline-bench-"))
    run("SQLite", lambda tag: f"sqlite:///{tmp / tag}.db", policy, args)
    if args.no_pg:
        return
    try:
        from tests import _pg

        base = args.pg_url or _pg._start_cluster()
    except BaseException as exc:  # pytest.skip raises a BaseException when the binaries are missing
        print(f"PostgreSQL: skipped ({exc})")
        return
    run("PostgreSQL", lambda tag: _pg.create_database(base), policy, args)


if __name__ == "__main__":
    main()

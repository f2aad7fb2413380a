"""Measure name detection on the real-world dev set (never copies its text anywhere).

Run: .venv/bin/python benchmarks/eval_detect_realworld.py [--misses]
Per language: coverage (share of excerpts that name an entity where a mention overlaps one of the
`names` spans), share of name forms found, and the false-mention rate on `not_designated` items
(any mention, and mentions scored above 0.5).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from redline.text.detector import NameDetector
from redline.watchlist import load_default

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "realworld" / "dev.jsonl"


def _spans(text: str, name: str) -> list[tuple[int, int]]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append((i, i + len(name)))
        i = text.find(name, i + 1)
    return out


def evaluate(path: Path = DEV, show_misses: bool = False) -> dict[str, dict[str, float]]:
    """Return per-language figures (and print the name forms missed when asked)."""
    det = NameDetector(load_default())
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        lang, text = row["lang"], row["text"]
        mentions = det.find(text)
        got = [(m.start or 0, m.end or 0) for m in mentions]
        s = stats[lang]
        if row["label"] == "not_designated":
            s["not_designated"] += 1
            s["false_any"] += bool(mentions)
            s["false_high"] += any(m.score > 0.5 for m in mentions)
            if show_misses and mentions:
                print(f"FALSE {row['id']} {lang}: {[(m.entity_id, m.surface, m.score) for m in mentions]}")
            continue
        if not row.get("named") or not row["names"]:
            continue
        s["named"] += 1
        hit_any = False
        for name in row["names"]:
            spans = _spans(text, name)
            found = any(a < e and s0 < b for a, b in spans for s0, e in got)
            s["forms"] += 1
            s["forms_found"] += found
            hit_any |= found
            if show_misses and not found:
                print(f"MISS {row['id']} {lang}: {name!r}")
        s["covered"] += hit_any
    return {lang: dict(v) for lang, v in stats.items()}


def main() -> None:
    """Print the figures as a Markdown table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", action="store_true", help="print missed name forms and false mentions")
    args = ap.parse_args()
    figures = evaluate(show_misses=args.misses)
    print("| lang | excerpts naming an entity | covered | name forms | found | not_designated | "
          "with any mention | with a mention > 0.5 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total: dict[str, float] = defaultdict(float)
    for lang in sorted(figures):
        f = figures[lang]
        for k, v in f.items():
            total[k] += v
        print(_row(lang, f))
    print(_row("all", total))


def _row(lang: str, f: dict[str, float]) -> str:
    def pct(a: str, b: str) -> str:
        return f"{100 * f.get(a, 0) / f[b]:.1f}%" if f.get(b) else "-"
    return (f"| {lang} | {f.get('named', 0):.0f} | {pct('covered', 'named')} | {f.get('forms', 0):.0f} | "
            f"{pct('forms_found', 'forms')} | {f.get('not_designated', 0):.0f} | {pct('false_any', 'not_designated')} | "
            f"{pct('false_high', 'not_designated')} |")


if __name__ == "__main__":
    main()

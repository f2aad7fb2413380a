"""Benchmark name detection: our detector against flashtext and a compiled `re` alternation.

Run: .venv/bin/python benchmarks/bench_detect.py [--posts 100000] [--regex-posts 5000]
Prints a Markdown section for benchmarks/RESULTS.md ("Detection"). Single process, one core.
"""

from __future__ import annotations

import argparse
import platform
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from flashtext import KeywordProcessor

sys.path.insert(0, str(Path(__file__).parent))
from detect_hyperscan import HyperscanMatcher
from detect_posts import make_posts
from redline.text._index import view
from redline.text._triggers import available as hyperscan_prefilter
from redline.text.detector import NameDetector
from redline.text.normalize import normalize
from redline.watchlist import Watchlist, load_default

SDN = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists" / "ofac" / "sdn.csv"


def _ofac() -> Watchlist:
    try:
        from redline.watchlist.importers.ofac import import_ofac
        return Watchlist(import_ofac(SDN).entities)
    except ImportError:  # the importer is not there: read names from the legacy CSV ourselves
        import csv

        from redline.model import Designation, Entity, EntityKind
        entities = []
        with SDN.open(encoding="latin-1", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) > 3 and row[3].strip().lower() not in ("vessel", "aircraft"):
                    surname, _, given = row[1].partition(", ")
                    entities.append(Entity(f"ofac_{row[0]}", EntityKind.ORGANIZATION, f"{given} {surname}".strip(),
                                           designations=(Designation("OFAC"),)))
        return Watchlist(entities)


def _rate(label: str, fn: Callable[[str], object], posts: list[str]) -> tuple[str, float, float]:
    t = time.perf_counter()
    for p in posts:
        fn(p)
    dt = time.perf_counter() - t
    mb = sum(len(p.encode()) for p in posts) / 1e6
    return label, len(posts) / dt, mb / dt


def _baselines(w: Watchlist, posts: list[str], regex_posts: int) -> tuple[list[tuple[str, float, float]], dict[str, float]]:
    names = sorted({n for e in w for n in e.all_names()}, key=len, reverse=True)
    startup: dict[str, float] = {}
    t = time.perf_counter()
    kp = KeywordProcessor()
    for n in names:
        kp.add_keyword(n)
    startup["flashtext"] = time.perf_counter() - t
    t = time.perf_counter()
    rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE)
    startup["re"] = time.perf_counter() - t
    rows = [_rate("flashtext, raw text", lambda p: kp.extract_keywords(p, span_info=True), posts),
            _rate(f"re alternation, raw text ({regex_posts:,} posts)", rx.findall, posts[:regex_posts])]
    return rows, startup


def run(label: str, w_factory: Callable[[], Watchlist], posts: list[str], regex_posts: int) -> list[str]:
    """Return the Markdown lines for one watchlist."""
    t = time.perf_counter()
    w = w_factory()
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    det = NameDetector(w)
    compile_s = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [_rate("**redline full detection** (normalize + offsets + match + fuzzy + ambiguity)", det.find, posts)]
    found = sum(1 for p in posts if det.find(p))
    views = [view(normalize(p).text) for p in posts]
    t = time.perf_counter()
    for v in views:
        det.index.scan(v)
    dt = time.perf_counter() - t
    mb = sum(len(p.encode()) for p in posts) / 1e6
    rows.append(("redline matching step alone (pyahocorasick over the view)", len(posts) / dt, mb / dt))
    t = time.perf_counter()
    hs = HyperscanMatcher(det.index)
    hs_compile = time.perf_counter() - t
    rows.append(_rate("same matching step with Hyperscan", hs.scan, views))
    base, startup = _baselines(w, posts, regex_posts)
    rows += base
    names = sum(1 + len(e.aliases) for e in w)
    out = [f"### {label}: {len(w):,} entities, {names:,} names, {det.index.size:,} indexed forms", "",
           "| what | posts/s (1 core) | MB/s |", "|---|---:|---:|"]
    out += [f"| {r[0]} | {r[1]:,.0f} | {r[2]:.2f} |" for r in rows]
    out += ["", f"- posts with at least one mention: {found:,} of {len(posts):,}",
            f"- startup: watchlist load {load_s:.2f} s, detector compile {compile_s:.2f} s "
            f"(Hyperscan literal database {hs_compile:.2f} s, flashtext {startup['flashtext']:.2f} s, "
            f"re {startup['re']:.2f} s)",
            f"- peak RSS after building the detector: {rss:,.0f} MiB", ""]
    return out


def main() -> None:
    """Print the Detection section of RESULTS.md."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--regex-posts", type=int, default=5_000)
    args = ap.parse_args()
    default = load_default()
    posts = make_posts(default, args.posts)
    t0 = time.perf_counter()
    lines = ["## Detection", "",
             f"`benchmarks/bench_detect.py`: {len(posts):,} synthetic posts (English, Persian, Arabic; ~5% name an "
             f"entity, some with evasions; fixed seed), Python {platform.python_version()}, one process, "
             f"Hyperscan prefilter {'on' if hyperscan_prefilter() else 'off'}. Baselines get the raw text and "
             "do no normalization.", ""]
    lines += run("Default watchlist", load_default, posts, args.regex_posts)
    lines += run("Default + full OFAC SDN list", lambda: default.merged(_ofac()), posts, args.regex_posts)
    lines.append(f"Total benchmark time {time.perf_counter() - t0:.0f} s.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

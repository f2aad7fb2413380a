"""Judge throughput: short posts (target >= 2,000 posts/s per core) and a 10,000-word document (target < 1 s).

Baselines run side by side on the same inputs: the rule layer alone, and the trained model's raw
predict_proba on whole texts (no windows, no rules, no explanations). Each run repeats the same posts,
so lingua's per-text cache is emptied before every run; the model's per-word n-gram cache is kept
(words recur across posts) except in the "every word new" row.

    .venv/bin/python benchmarks/bench_judge.py [--posts 2000]
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable

from redline.judge import Judge, _corpus, _vectors
from redline.judge._features import sample, view_text
from redline.judge._lang import identify
from redline.model import Mention, Method, Post

NAME = "Soleimani"


def _posts(n: int) -> list[tuple[Post, list[Mention]]]:
    examples = _corpus.load(_corpus.files(_corpus.default_dir()))
    out: list[tuple[Post, list[Mention]]] = []
    for i in range(n):
        ex = examples[i % len(examples)]
        text = f"{NAME}: {ex.text}"  # every post mentions someone, so every post is judged
        out.append((Post(str(i), "bench", text, lang=ex.lang), [Mention("s", NAME, NAME, 0, len(NAME), Method.NAME, 1.0)]))
    return out


def _document(words: int = 10_000) -> tuple[Post, list[Mention]]:
    examples = _corpus.load(_corpus.files(_corpus.default_dir()))
    paras: list[str] = []
    count = 0
    i = 0
    while count < words:
        text = examples[i % len(examples)].text
        if i % 25 == 0:
            text = f"{NAME} was discussed again. {text}"
        paras.append(text)
        count += len(text.split())
        i += 1
    doc = "\n\n".join(paras)
    mentions = []
    start = doc.find(NAME)
    while start >= 0:
        mentions.append(Mention("s", NAME, NAME, start, start + len(NAME), Method.NAME, 1.0))
        start = doc.find(NAME, start + 1)
    return Post("doc", "bench", doc), mentions


def _fresh_caches() -> None:
    """Forget lingua's per-text cache: repeating the same posts would otherwise time only cache hits."""
    identify.cache_clear()


def _cold_caches() -> None:
    """Forget every per-process cache, the model's per-word n-gram cache included: every word is new."""
    identify.cache_clear()
    _vectors.forget_words()


def _time(fn: Callable[[], object], repeat: int = 3, setup: Callable[[], object] = _fresh_caches) -> float:
    best = float("inf")
    for _ in range(repeat):
        setup()
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    """Print the benchmark table (Markdown rows for benchmarks/RESULTS.md)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()
    full, rules = Judge(), Judge(model=None)
    model = full.model
    assert model is not None, "no corpus: train the model first"
    posts = _posts(args.posts)
    full.assess_many(posts[:50])  # warm up: lingua models, regexes
    doc, mentions = _document()
    rows = [
        ("short posts, rules + model, batched (assess_many)", len(posts), _time(lambda: full.assess_many(posts))),
        ("short posts, rules + model, batched, every word new (cold caches)", len(posts),
         _time(lambda: full.assess_many(posts), setup=_cold_caches)),
        ("short posts, rules + model, one call per post (assess)", len(posts) // 4,
         _time(lambda: [full.assess(p, m) for p, m in posts[: len(posts) // 4]])),
        ("baseline: rule layer alone, batched", len(posts), _time(lambda: rules.assess_many(posts))),
        ("baseline: model predict_proba on whole texts", len(posts),
         _time(lambda: model.predict_proba([sample(view_text(p.text, p.lang)) for p, _ in posts]))),
    ]
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, 1 process")
    print("| case | items | seconds | items/s |")
    print("|---|---:|---:|---:|")
    for name, n, secs in rows:
        print(f"| {name} | {n} | {secs:.3f} | {n / secs:,.0f} |")
    words = len(doc.text.split())
    for name, judge in (("rules + model", full), ("baseline: rule layer alone", rules)):
        secs = _time(lambda judge=judge: judge.assess(doc, mentions))  # type: ignore[misc]
        print(f"| {words:,}-word document, {len(mentions)} mentions, {name} | 1 | {secs:.3f} | {1 / secs:,.1f} |")


if __name__ == "__main__":
    main()

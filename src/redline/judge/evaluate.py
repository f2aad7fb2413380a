"""Evaluation: run the whole pipeline on a labelled JSONL set and compare it with the naive name rule."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.errors import InputError
from redline.judge._model import per_stance_scores
from redline.model import VIOLATING_STANCES, Mention, Method, Post, Stance, Verdict

VERDICTS = ("violating", "review", "allow")
NOT_DESIGNATED = "not_designated"


@dataclass(frozen=True)
class Item:
    """One gold item: text, gold stance label, whether it violates, language, whether a name is written."""

    id: str
    text: str
    label: str
    violating: bool
    lang: str
    named: bool = True
    names: tuple[str, ...] = ()


@dataclass
class Scores:
    """The figures of one system (the pipeline or the naive rule) on one set."""

    name: str
    verdicts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_lang: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    gold: list[str] = field(default_factory=list)
    pred: list[str] = field(default_factory=list)

    def add(self, item: Item, verdict: str, stance: str) -> None:
        """Record one item's verdict and predicted stance."""
        side = "not_designated" if item.label == NOT_DESIGNATED else ("violating" if item.violating else "allowed")
        self.verdicts[side][verdict] += 1
        right = verdict == ("violating" if item.violating else "allow")
        self.by_lang[item.lang]["n"] += 1
        self.by_lang[item.lang]["correct"] += int(right)
        if item.label != NOT_DESIGNATED:
            self.gold.append(item.label)
            self.pred.append(stance)

    def share(self, side: str, verdict: str) -> float:
        """Return the share of `side` items (violating, allowed, not_designated) that got `verdict`."""
        total = sum(self.verdicts[side].values())
        return self.verdicts[side][verdict] / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return every figure as a JSON-ready dict."""
        return {
            "system": self.name,
            "confusion": {side: {v: self.verdicts[side][v] for v in VERDICTS} for side in sorted(self.verdicts)},
            "shares": {side: {v: round(self.share(side, v), 4) for v in VERDICTS} for side in sorted(self.verdicts)},
            "per_language_accuracy": {lang: round(c["correct"] / c["n"], 4) for lang, c in sorted(self.by_lang.items())},
            "per_stance": {k: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": n}
                           for k, (p, r, f, n) in per_stance_scores(self.gold, self.pred).items()},
        }


def read_items(path: Path) -> tuple[list[Item], int]:
    """Return the usable gold items of a JSONL file and how many unclear ones were skipped."""
    items: list[Item] = []
    skipped = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("label"), str):
            raise InputError(f"{path}:{n}: each line needs a string 'text' and 'label'")
        label = obj["label"]
        if label == "unclear" or ("violating" in obj and obj["violating"] is None):
            skipped += 1
            continue
        if label != NOT_DESIGNATED and label not in {s.value for s in Stance}:
            raise InputError(f"{path}:{n}: unknown label {label!r}")
        violating = label in {s.value for s in VIOLATING_STANCES}
        items.append(Item(str(obj.get("id") or n), obj["text"], label, violating, str(obj.get("lang") or "und"),
                          bool(obj.get("named", True)), tuple(str(x) for x in obj.get("names") or ())))
    return items, skipped


def oracle_mentions(item: Item) -> list[Mention]:
    """Return mentions at the item's gold `names` (to measure the judge apart from name detection)."""
    out: list[Mention] = []
    for name in item.names:
        start = item.text.find(name)
        while start >= 0:
            out.append(Mention(name, name, name, start, start + len(name), Method.NAME, 1.0, detector="oracle"))
            start = item.text.find(name, start + len(name))
    return out


Runner = Callable[[Item], tuple[str, str, int]]  # item -> (verdict, stance, number of mentions)


def evaluate(items: Iterable[Item], run: Runner) -> tuple[Scores, Scores, Scores]:
    """Return (pipeline scores, naive-name-rule scores, scores on violating items that name no one)."""
    judged, naive, unnamed = Scores("redline"), Scores("naive name rule"), Scores("redline, unnamed")
    for item in items:
        verdict, stance, n_mentions = run(item)
        target = unnamed if item.violating and not item.named else judged
        target.add(item, verdict, stance)
        if target is judged:
            naive.add(item, Verdict.VIOLATING.value if n_mentions else Verdict.ALLOW.value,
                      "glorification" if n_mentions else "no_mention")
    return judged, naive, unnamed


def post_of(item: Item) -> Post:
    """Return the post an item stands for."""
    return Post(item.id, "eval", item.text, lang=item.lang if item.lang in ("en", "fa", "ar") else None)

"""The labelled corpus (data/judge/*.jsonl): loading, validation, a content hash and the train/dev split."""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from redline.errors import ConfigError
from redline.model import Stance

SEED = 20240603
DEV_SHARE = 0.2
LABELS = frozenset(s.value for s in Stance if s is not Stance.UNCLEAR)


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled example of the corpus."""

    id: str
    text: str
    lang: str
    label: Stance


def default_dir() -> Path:
    """Return the corpus directory: $REDLINE_JUDGE_CORPUS, or data/judge of the source checkout."""
    raw = os.environ.get("REDLINE_JUDGE_CORPUS")
    return Path(raw) if raw else Path(__file__).resolve().parents[3] / "data" / "judge"


def files(directory: Path) -> list[Path]:
    """Return the corpus files in `directory`, sorted (none if it does not exist)."""
    return sorted(directory.glob("*.jsonl")) if directory.is_dir() else []


def corpus_hash(paths: list[Path]) -> str:
    """Return a short hash of the corpus files' names and contents."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def load(paths: list[Path]) -> list[Example]:
    """Return every example of the corpus files; a malformed line raises ConfigError naming file and line."""
    out: list[Example] = []
    seen: set[str] = set()
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{where}: invalid JSON: {exc.msg}") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                raise ConfigError(f"{where}: an example needs a non-empty 'text'")
            if obj.get("label") not in LABELS:
                raise ConfigError(f"{where}: 'label' must be one of {sorted(LABELS)}, not {obj.get('label')!r}")
            eid = str(obj.get("id") or f"{path.stem}-{n}")
            if eid in seen:
                continue  # a duplicated id is counted once so it cannot sit in both splits
            seen.add(eid)
            out.append(Example(eid, obj["text"], str(obj.get("lang") or path.stem), Stance(obj["label"])))
    return out


def split(examples: list[Example], dev_share: float = DEV_SHARE, seed: int = SEED) -> tuple[list[Example], list[Example]]:
    """Return (train, dev): a reproducible split stratified by language and label."""
    groups: dict[tuple[str, str], list[Example]] = defaultdict(list)
    for ex in sorted(examples, key=lambda e: e.id):
        groups[(ex.lang, ex.label.value)].append(ex)
    rng = random.Random(seed)
    train: list[Example] = []
    dev: list[Example] = []
    for key in sorted(groups):
        items = groups[key]
        rng.shuffle(items)
        n_dev = max(1, round(len(items) * dev_share)) if len(items) > 1 else 0
        dev.extend(items[:n_dev])
        train.extend(items[n_dev:])
    return train, dev

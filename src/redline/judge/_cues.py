"""Cue resources: load and validate the per-language YAML lexicons, compile them, find cues in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline.errors import ConfigError
from redline.judge._firsts import dispatch
from redline.judge._text import fold_pattern
from redline.model import Stance

LANGS = ("en", "fa", "ar")
ROLES = ("stance", "attribution", "negation", "question")
DIRECTIONS = ("after", "before", "auto")


@dataclass(frozen=True, slots=True)
class CueKind:
    """One kind of cue in one language: its role, the stance it is evidence for, weight, direction."""

    name: str
    role: str
    stance: Stance | None
    weight: float
    direction: str = "after"


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue found in folded text (offsets are folded-text offsets)."""

    kind: CueKind
    start: int
    end: int


class Lexicon:
    """The compiled cue resources of one language."""

    def __init__(self, lang: str, kinds: list[CueKind], regex: re.Pattern[str],
                 groups: dict[str, str] | None = None) -> None:
        self.lang = lang
        self.kinds = {k.name: k for k in kinds}
        self._rx = regex
        # regex group name -> kind (a kind may own several groups, one per first-character branch)
        self._by_group = {g: self.kinds[k] for g, k in (groups or {k: k for k in self.kinds}).items()}

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Return every cue in folded[start:end], leftmost-first, non-overlapping."""
        end = len(folded) if end is None else end
        hits: list[Hit] = []
        for m in self._rx.finditer(folded, start, end):
            name = m.lastgroup
            if name is not None:
                hits.append(Hit(self._by_group[name], m.start(name), m.end(name)))
        return hits


def resource_path(lang: str) -> Path:
    """Return the path of the bundled cue file for `lang`."""
    return Path(str(resources.files("redline.judge") / "resources" / f"{lang}.yaml"))


@cache
def lexicon(lang: str) -> Lexicon:
    """Return the compiled lexicon for `lang` (one of LANGS), built once per process."""
    if lang not in LANGS:
        raise ConfigError(f"no judge cue resources for language {lang!r}; have {', '.join(LANGS)}")
    return load_lexicon(resource_path(lang))


def load_lexicon(path: Path) -> Lexicon:
    """Return the lexicon in one cue YAML file, validated; errors name the file and field."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read cue resources: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("kinds"), dict):
        raise ConfigError(f"{path}: a cue file is a mapping with a 'kinds' mapping")
    space = str(doc.get("space", r"\s+"))
    prefix, suffix = str(doc.get("prefix", "")), str(doc.get("suffix", ""))
    article = fold_pattern(str(doc.get("article", "")))
    kinds: list[CueKind] = []
    alternatives: list[tuple[str, list[str]]] = []
    for name, raw in doc["kinds"].items():
        kind, patterns = _kind(str(name), raw, f"{path}: kinds.{name}")
        kinds.append(kind)
        alts = sorted((_elide(fold_pattern(p), article).replace(" ", space) for p in patterns), key=len, reverse=True)
        alternatives.append((kind.name, alts))
    body, groups = dispatch(alternatives)
    # Word edges: a cue never starts or ends inside a longer word, clitics aside.
    try:
        rx = re.compile(rf"(?<!\w){prefix}(?:{body}){suffix}(?!\w)" if body else r"(?!x)x")
    except re.error as exc:
        raise ConfigError(f"{path}: a pattern is not a valid regular expression: {exc}") from exc
    return Lexicon(str(doc.get("lang", path.stem)), kinds, rx, groups)


def _elide(pattern: str, article: str) -> str:
    """Let a leading definite article lose its first letter, as Arabic writes ال after the clitic ل (للشيخ)."""
    if len(article) > 1 and pattern.startswith(article):
        return f"{article[0]}?{pattern[1:]}"
    return pattern


def _kind(name: str, raw: Any, where: str) -> tuple[CueKind, list[str]]:
    if not re.fullmatch(r"[a-z_]+", name):
        raise ConfigError(f"{where}: kind names are lower-case words with underscores")
    if not isinstance(raw, dict) or not isinstance(raw.get("patterns"), list) or not raw["patterns"]:
        raise ConfigError(f"{where}: needs a non-empty 'patterns' list")
    role = "stance" if "stance" in raw else str(raw.get("role", ""))
    if role not in ROLES:
        raise ConfigError(f"{where}: needs a 'stance' or a 'role' in {ROLES}")
    stance = None
    if role == "stance":
        try:
            stance = Stance(raw["stance"])
        except ValueError as exc:
            raise ConfigError(f"{where}: unknown stance {raw['stance']!r}") from exc
    direction = str(raw.get("direction", "after"))
    if direction not in DIRECTIONS:
        raise ConfigError(f"{where}: direction must be one of {DIRECTIONS}")
    try:
        weight = float(raw.get("weight", 1.0))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: weight must be a number") from exc
    patterns = [str(p) for p in raw["patterns"]]
    for i, p in enumerate(patterns):
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(f"{where}.patterns[{i}] {p!r}: invalid regular expression: {exc}") from exc
    if role == "attribution":
        stance = Stance.REPORTING
    return CueKind(name, role, stance, weight, direction), patterns

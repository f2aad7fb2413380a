"""All alias forms of a watchlist compiled once into one Aho-Corasick automaton over a word-boundary view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import ahocorasick

from redline.model import EntityKind
from redline.text._forms import forms, words
from redline.text._fuzzy import FuzzyIndex
from redline.text.normalize import normalize
from redline.watchlist import Watchlist

_ASCII_VIEW = bytes(c if chr(c).isalnum() else 32 for c in range(256))
_ARTICLES = {"al", "el", "abu", "abou", "umm", "bin", "ibn", "ابو", "ابي", "ابا", "ام", "بن"}


class _ViewTable(dict[int, str]):
    def __missing__(self, cp: int) -> str:
        value = chr(cp) if chr(cp).isalnum() else " "
        self[cp] = value
        return value


_VIEW = _ViewTable()
_VIEW_WORDS: dict[str, str] = {}  # `translate` is slow off ASCII; real text repeats its words


def view(s: str) -> str:
    """Return `s` padded with one space each side and every non-letter, non-digit replaced by a space.

    A pattern " form " found in the view starts and ends on word boundaries, and character i of
    `s` is character i + 1 of the view.
    """
    if s.isascii():
        return " " + s.encode("ascii").translate(_ASCII_VIEW).decode("ascii") + " "
    return " " + " ".join([_VIEW_WORDS.get(w) or _view_word(w) for w in s.split(" ")]) + " "


def _view_word(w: str) -> str:
    if len(_VIEW_WORDS) >= 200_000:
        _VIEW_WORDS.clear()
    piece = _VIEW_WORDS[w] = w.translate(_VIEW)
    return piece


@dataclass(frozen=True, slots=True)
class Pattern:
    """One indexed form of one alias of one entity."""

    entity: int
    alias: str
    primary: bool
    ambiguous: bool
    caps: int  # an all-capitals short alias: 3 -> must be written in capitals, 4 -> ambiguous unless it is
    kind: str
    form: str
    trim: int


@dataclass(slots=True)
class EntityInfo:
    """What the detector needs to know about one entity beyond its forms."""

    id: str
    name: str
    kind: EntityKind
    first_names: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    related: set[int] = field(default_factory=set)


def _caps(name: str) -> int:
    letters = [c for c in name if c.isalpha()]
    if name.isascii() and letters and all(c.isupper() for c in letters) and len(letters) <= 4:
        return 3 if len(letters) <= 3 else 4
    return 0


class Index:
    """The compiled automaton of every alias form, with the entity table its patterns point into."""

    def __init__(self, watchlist: Watchlist) -> None:
        self.entities: list[EntityInfo] = []
        self.patterns: list[Pattern] = []
        self.context: dict[str, set[int]] = {}  # normalized context word -> entities it corroborates
        keys: dict[str, list[int]] = {}
        by_id: dict[str, int] = {}
        for e in watchlist:
            idx = len(self.entities)
            by_id[e.id] = idx
            info = EntityInfo(e.id, e.name, e.kind)
            self.entities.append(info)
            names = [(e.name, True, False), *((a.name, False, a.ambiguous) for a in e.aliases)]
            for name, primary, ambiguous in names:
                caps = _caps(name)
                for f in forms(name, ambiguous):
                    keys.setdefault(f.text, []).append(len(self.patterns))
                    self.patterns.append(Pattern(idx, name, primary, ambiguous, caps, f.kind, f.text, f.trim))
                ws = words(normalize(name).text)
                if e.kind is EntityKind.PERSON and len(ws) >= 2 and not ambiguous and ws[0] not in _ARTICLES:
                    info.first_names.add(ws[0])
            for c in e.context:
                key = " ".join(words(normalize(c).text))
                if key:
                    self.context.setdefault(key, set()).add(idx)
                    info.context.add(key)
        for e in watchlist:
            for r in e.related:
                if r.target in by_id:
                    self.entities[by_id[e.id]].related.add(by_id[r.target])
                    self.entities[by_id[r.target]].related.add(by_id[e.id])
        self.fuzzy = FuzzyIndex((p.form, pid, p.entity) for pid, p in enumerate(self.patterns)
                                if p.kind in ("written", "variant") and not p.caps)
        halves: dict[str, tuple[list[str], list[str]]] = {}
        for key, word, prefix in self.fuzzy.half_keys():
            halves.setdefault(key, ([], []))[0 if prefix else 1].append(word)
        self._automaton = ahocorasick.Automaton()
        for key, (pre, suf) in halves.items():
            self._automaton.add_word(key, (-1 if pre else -2, tuple(pre or suf)))
        for key, ids in keys.items():
            self._automaton.add_word(f" {key} ", (len(key), tuple(ids)))
        if keys:
            self._automaton.make_automaton()
        self._context_automaton = ahocorasick.Automaton()
        for key, ents in self.context.items():
            self._context_automaton.add_word(f" {key} ", (len(key), key, frozenset(ents)))
        if self.context:
            self._context_automaton.make_automaton()
        self.size = len(keys)

    def scan(self, v: str) -> tuple[list[tuple[int, int, tuple[int, ...]]], list[tuple[int, int, tuple[str, ...]]]]:
        """Return the forms found in a view as (start, end, pattern ids) in normalized-text offsets,
        and the tokens worth a fuzzy comparison as (view start, view end, name words)."""
        exact: list[tuple[int, int, tuple[int, ...]]] = []
        near: list[tuple[int, int, tuple[str, ...]]] = []
        if not self.size:
            return exact, near
        for end, (n, ids) in self._automaton.iter(v):
            if n >= 0:
                exact.append((end - n - 1, end - 1, ids))
            elif n == -1:  # a prefix key " xxxx": the token runs to the next space
                vs = end - len(ids[0]) // 2 + 1
                near.append((vs, v.find(" ", vs), ids))
            else:  # a suffix key "xxxx ": the token starts after the previous space
                ve = end
                near.append((v.rfind(" ", 0, ve) + 1, ve, ids))
        return exact, near

    def context_words(self, v: str) -> Iterator[tuple[int, int, str, frozenset[int]]]:
        """Yield (start, end, word, entities) for each context word found in a view."""
        if not self.context:
            return
        for end, (n, key, ents) in self._context_automaton.iter(v):
            yield end - n - 1, end - 1, key, ents


_JOIN = re.compile(r"(?<=[^\W\d_])(?:[-._*·]|'(?!(?:s|t|d|m|ll|ve|re)(?![^\W_])))(?=[^\W\d_])")


def joined_edits(s: str) -> list[tuple[int, int, str]]:
    """Return the deletions that re-join a word split by a separator ("Hez-bollah", "د-اعش")."""
    return [(m.start(), m.end(), "") for m in _JOIN.finditer(s)]

"""The fuzzy pass: one edit in a long name word, never on ordinary words.

A word of a name qualifies when it has at least 8 letters, is distinctive (it appears in the names
of at most two entities, so "international" or "brigades" never does) and is not a stop word. A
text token is compared only with name words of the same first letter and a length within one.
Candidates come from the pigeonhole rule: with one edit, either the first half or the second half
of the word is intact, so " " + first half and second half + " " are added to the main automaton
as keys and the scan that finds exact names also finds the few tokens worth comparing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import Levenshtein

MIN_LETTERS = 8


class FuzzyIndex:
    """Distinctive long name words, each pointing to the phrases (pattern ids) it belongs to."""

    def __init__(self, phrases: Iterable[tuple[str, int, int]], stop: Iterable[str] = ()) -> None:
        """Index `(form, pattern id, entity)` triples; `stop` lists words that are never fuzzy targets."""
        owners: dict[str, set[int]] = defaultdict(set)
        entries: dict[str, list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
        for form, pid, entity in phrases:
            ws = tuple(form.split(" "))
            for k, w in enumerate(ws):
                if len(w) >= MIN_LETTERS and w.isalpha():
                    owners[w].add(entity)
                    entries[w].append((pid, k, ws))
        stop = frozenset(stop)
        self.entries = {w: e for w, e in entries.items() if len(owners[w]) <= 2 and w not in stop}

    def half_keys(self) -> Iterator[tuple[str, str, bool]]:
        """Yield (automaton key, word, True for a prefix key) for every indexed word."""
        for w in self.entries:
            h = len(w) // 2
            yield " " + w[:h], w, True
            yield w[h:] + " ", w, False

    def verify(self, v: str, vs: int, ve: int, words: Iterable[str], exact: set[str]) -> Iterator[tuple[int, int, int, str]]:
        """Yield (start, end, pattern id, token) for phrases matched with the token v[vs:ve] one edit off.

        Offsets are normalized-text positions (view position - 1).
        """
        tok = v[vs:ve]
        if tok in exact or tok in self.entries:
            return
        for w in words:
            if w[0] != tok[0] or abs(len(w) - len(tok)) > 1 or Levenshtein.distance(tok, w, score_cutoff=1) > 1:
                continue
            for pid, k, ws in self.entries[w]:
                left, right = " ".join(ws[:k]), " ".join(ws[k + 1:])
                a, b = vs, ve
                if left:
                    a -= len(left) + 1
                    if a < 1 or v[a:vs - 1] != left or v[a - 1] != " ":
                        continue
                if right:
                    b += len(right) + 1
                    if v[ve + 1:b] != right or b >= len(v) or v[b] != " ":
                        continue
                yield a - 1, b - 1, pid, tok

"""The name detector plug-in: every designated name in a post, however it is written."""

from __future__ import annotations

from redline.model import Mention, Method, Post
from redline.text._corroborate import settle
from redline.text._index import Index
from redline.text._scan import Candidate, candidates
from redline.watchlist import Watchlist

VERSION = "names-v1"
_FORM_SCORE = {"written": 0.95, "variant": 0.9, "clitic": 0.9, "compact": 0.9}
_FUZZY_SCORE = 0.7
_EVASION_SCORE = 0.9
_PRIORITY = {"written": 0, "variant": 1, "clitic": 2, "compact": 3}


def _rank(c: Candidate) -> tuple[int, int, int, int]:
    return (c.ambiguous, c.via == "fuzzy", not c.pattern.primary, _PRIORITY.get(c.pattern.kind, 4))


def _overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates; on one span, the best candidate of each entity."""
    best: dict[tuple[int, int, int], Candidate] = {}
    for c in cands:
        key = (c.start, c.end, c.pattern.entity)
        if key not in best or _rank(c) < _rank(best[key]):
            best[key] = c
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    for c in sorted(best.values(), key=lambda c: (c.start - c.end, _rank(c), c.start)):
        if any(s < c.end and c.start < e and (s, e) != (c.start, c.end) for s, e in taken):
            continue
        taken.append((c.start, c.end))
        kept.append(c)
    return kept


def _in_hashtag(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and not text[i].isspace():
        if text[i] in "#＃":
            return True
        i -= 1
    return False


class NameDetector:
    """Finds designated names in post text: evasion-proof, with honest scores for ambiguous forms."""

    name = "names"

    def __init__(self, watchlist: Watchlist) -> None:
        self.index = Index(watchlist)

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in a text, in order of position."""
        if not text:
            return []
        cands, base_view = candidates(self.index, text)
        if not cands:
            return []
        out = [self._mention(text, c, score, note) for c, score, note in settle(self.index, _overlaps(cands), base_view, text)]
        return sorted(out, key=lambda m: (m.start or 0, m.entity_id))

    def detect(self, post: Post) -> list[Mention]:
        """Return the mentions in the post's text."""
        return self.find(post.text)

    def _mention(self, text: str, c: Candidate, evidence: float, note: str) -> Mention:
        p = self.index.patterns[c.pid]
        info = self.index.entities[p.entity]
        notes = [f"{VERSION}: {'name' if p.primary else 'alias'} '{p.alias}' as {p.kind} form '{p.form}'"]
        if c.via == "fuzzy":
            score, method = _FUZZY_SCORE, Method.FUZZY
            notes.append(f"one edit: '{c.fuzzy_token}' (x{_FUZZY_SCORE})")
        else:
            score = 1.0 if (p.primary and p.kind == "written") else _FORM_SCORE.get(p.kind, 0.9)
            method = Method.NAME if p.primary else Method.ALIAS
            if c.via:
                score = min(score, _EVASION_SCORE)
                notes.append(f"found after undoing {c.via}")
        if _in_hashtag(text, c.start):
            method = Method.HASHTAG
        if c.ambiguous:
            notes.append(f"ambiguous: {note} (score {min(score, evidence):.2f})")
            score = min(score, evidence)
        return Mention(info.id, info.name, text[c.start:c.end], c.start, c.end, method, round(score, 4),
                       detector=self.name, detail="; ".join(notes))

"""Whose voice is it: the spans of a post that report someone else's words (quotes, attributed clauses)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from redline.judge._cues import Hit, Lexicon
from redline.judge._text import Folded, fold, quote_spans, sentences

_INTRO = (":", "«", '"', "“", "„")
_THAT = ("that ", "که", "ان ", "بان ", "انه ", "انها ")


@dataclass(frozen=True, slots=True)
class PostText:
    """A post's text prepared once for every window: folded text, sentences and quotations (folded offsets)."""

    original: str
    folded: Folded
    sentences: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    def to_folded(self, offset: int) -> int:
        """Return the folded offset of an original offset."""
        return bisect.bisect_left(self.folded.pos, offset)

    def sentence_of(self, fpos: int) -> tuple[int, int]:
        """Return the folded span of the sentence holding folded offset `fpos`."""
        i = bisect.bisect_right(self.starts, fpos) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.folded.text))


def prepare(text: str) -> PostText:
    """Return the post text folded, with its sentences and quotation spans in folded offsets."""
    folded = fold(text)
    # Sentences and quotes are found on the folded text so that every offset below is folded.
    sents = tuple(sentences(folded.text))
    return PostText(text, folded, sents, tuple(quote_spans(folded.text)), tuple(s for s, _ in sents))


def reported_spans(pt: PostText, hits: list[Hit]) -> list[tuple[int, int, int]]:
    """Return (start, end, hit index or -1 for a quotation) for every span in someone else's voice."""
    spans: list[tuple[int, int, int]] = [(s, e, -1) for s, e in pt.quotes]
    text = pt.folded.text
    for i, h in enumerate(hits):
        if h.kind.role != "attribution":
            continue
        ss, se = pt.sentence_of(h.start)
        direction = h.kind.direction
        if direction == "auto":
            after = text[h.end:h.end + 12].lstrip(" ,")
            if after.startswith(_INTRO) or after.startswith(_THAT):
                direction = "after"
            elif se - h.end <= 25:
                direction = "before"
            else:
                direction = "after"
        if direction == "after":
            spans.append((h.end, se, i))
        else:
            spans.append((ss, h.start, i))
    return spans


def inside(spans: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int, int] | None:
    """Return the reported span holding [start, end), or None when it is in the author's voice."""
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    return None


def find_hits(pt: PostText, lexicons: list[Lexicon], start: int, end: int) -> list[Hit]:
    """Return the cues of every given lexicon in folded[start:end], sorted by position."""
    hits: list[Hit] = []
    for lex in lexicons:
        hits.extend(lex.find(pt.folded.text, start, end))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits

"""Windows: the stretch of text around each mention that the judge reads (folded offsets)."""

from __future__ import annotations

import bisect

from redline.judge._text import paragraphs
from redline.judge._voice import PostText

Window = tuple[int, int]


def window_for(pt: PostText, start: int | None, end: int | None, whole_text_chars: int,
               neighbours: int) -> Window:
    """Return the folded window for a mention at original [start, end) (None: a media mention)."""
    n = len(pt.folded.text)
    if n <= whole_text_chars or start is None or not pt.sentences:
        return 0, n
    fpos = pt.to_folded(start)
    i = max(bisect.bisect_right(pt.starts, fpos) - 1, 0)
    para = _paragraph_of(pt, fpos)
    lo, hi = i, i
    while lo > 0 and i - lo < neighbours and pt.sentences[lo - 1][0] >= para[0]:
        lo -= 1
    while hi < len(pt.sentences) - 1 and hi - i < neighbours and pt.sentences[hi + 1][1] <= para[1]:
        hi += 1
    return pt.sentences[lo][0], pt.sentences[hi][1]


def is_long(pt: PostText, whole_text_chars: int) -> bool:
    """Return True when the post is judged window by window rather than whole."""
    return len(pt.folded.text) > whole_text_chars


def _paragraph_of(pt: PostText, fpos: int) -> Window:
    for s, e in paragraphs(pt.folded.text):
        if s <= fpos < e:
            return s, e
    return 0, len(pt.folded.text)

"""The name detector plug-in (placeholder: exact, case-insensitive matching until the normalizer lands)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from redline.model import Mention, Method, Post
from redline.watchlist import Watchlist


class NameDetector:
    """Finds designated names in post text."""

    name = "names"

    def __init__(self, watchlist: Watchlist) -> None:
        self._names: dict[str, tuple[str, str]] = {}
        for e in watchlist:
            for n in e.all_names():
                self._names.setdefault(n.casefold(), (e.id, e.name))
        alternation = "|".join(sorted((re.escape(n) for n in self._names), key=len, reverse=True))
        self._rx = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE) if alternation else None

    def detect(self, post: Post) -> Iterator[Mention]:
        """Yield a mention for each exact occurrence of a known name."""
        if self._rx is None:
            return
        for m in self._rx.finditer(post.text):
            eid, ename = self._names[m.group(0).casefold()]
            yield Mention(eid, ename, m.group(0), m.start(), m.end(), Method.NAME, 1.0, detector=self.name)

"""The matching step with Hyperscan instead of pyahocorasick, for the side-by-side in bench_detect.py."""

from __future__ import annotations

from typing import Any

import hyperscan

from redline.text._index import Index


class HyperscanMatcher:
    """Every indexed form as a Hyperscan literal over the UTF-8 bytes of the word-boundary view."""

    def __init__(self, index: Index) -> None:
        keys = sorted({f" {p.form} " for p in index.patterns})
        self.db = hyperscan.Database()
        self.db.compile(expressions=[k.encode() for k in keys], ids=list(range(len(keys))), elements=len(keys),
                        flags=[0] * len(keys), literal=True)
        self.db.scratch = hyperscan.Scratch(self.db)
        self.keys = keys

    def scan(self, v: str) -> list[tuple[int, int]]:
        """Return (key id, byte end) for each form found in a view."""
        hits: list[tuple[int, int]] = []

        def on_match(i: int, _from: int, to: int, _flags: int, _ctx: Any) -> None:
            hits.append((i, to))

        self.db.scan(v.encode(), match_event_handler=on_match)
        return hits

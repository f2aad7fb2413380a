"""Match image hashes against banks: MD5 exact, PDQ within each bank's threshold, allow-lists first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from redline.media.bank import Bank, BankEntry
from redline.media.hashing import PdqHash
from redline.media.index import PdqIndex


@dataclass(frozen=True)
class HashMatch:
    """One bank entry matched by an image: which bank and entry, how far, at what quality."""

    bank: str
    entry: BankEntry
    distance: int
    quality: int
    threshold: int


class _IndexedBank:
    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.pdq = [e for e in bank.entries if e.signal_type == "pdq"]
        self.md5 = {e.signal: e for e in bank.entries if e.signal_type == "md5"}
        arr = np.frombuffer(b"".join(bytes.fromhex(e.signal) for e in self.pdq), dtype=np.uint8)
        self.index = PdqIndex(arr.reshape(-1, 32))

    def nearest(self, hashes: Sequence[PdqHash]) -> tuple[BankEntry, int] | None:
        best: tuple[BankEntry, int] | None = None
        for h in hashes:
            rows, dist = self.index.query(np.frombuffer(h.bits, dtype=np.uint8), self.bank.threshold)
            if len(rows) and (best is None or int(dist[0]) < best[1]):
                best = (self.pdq[int(rows[0])], int(dist[0]))
        return best


class BankMatcher:
    """Indexes a set of banks once and answers which entries an image matches."""

    def __init__(self, banks: Sequence[Bank]) -> None:
        self._banks = [_IndexedBank(b) for b in banks]

    def match(self, md5: str, variants: Sequence[PdqHash]) -> tuple[list[HashMatch], str | None]:
        """Return (matches, reason they were suppressed or None) for one image's MD5 and PDQ variants.

        `variants` are the hash of the image and of its rotations/mirrors; the first one's
        quality decides whether the perceptual hash can be trusted at all.
        """
        quality = variants[0].quality if variants else 0
        for ib in self._banks:
            if ib.bank.allow and (md5 in ib.md5 or (variants and variants[0].trusted and ib.nearest(variants))):
                return [], f"allow-listed by bank {ib.bank.name}"
        found: list[HashMatch] = []
        for ib in self._banks:
            if ib.bank.allow:
                continue
            if md5 in ib.md5:
                found.append(HashMatch(ib.bank.name, ib.md5[md5], 0, quality, ib.bank.threshold))
                continue
            if variants and variants[0].trusted:
                hit = ib.nearest(variants)
                if hit:
                    found.append(HashMatch(ib.bank.name, hit[0], hit[1], quality, ib.bank.threshold))
        return found, None

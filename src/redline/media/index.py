"""Exact radius search over 256-bit PDQ hashes by multi-index hashing.

Split each hash into 16 chunks of 16 bits. If two hashes differ in at most 31
bits, by the pigeonhole principle at least one chunk differs in at most one bit
(16 chunks x 2 bits = 32 > 31). So probing every chunk's table with the chunk
itself and its 16 one-bit flips finds every hash within distance 31, and the
candidates are then verified with an exact popcount. Larger radii fall back to
a brute-force scan, so the answer is always exact. docs/decisions.md has the
measurements against faiss and python-threatexchange's index.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

N_CHUNKS = 16
MIH_MAX_RADIUS = 2 * N_CHUNKS - 1  # 31
_FLIPS = np.array([0] + [1 << k for k in range(16)], dtype=np.uint32)

U8 = npt.NDArray[np.uint8]


def hamming(a: U8, b: U8) -> npt.NDArray[np.int64]:
    """Return the Hamming distances between rows of `a` (N, 32) and one hash or matching rows `b`."""
    x = np.bitwise_xor(np.ascontiguousarray(a).view(np.uint64), np.ascontiguousarray(b).view(np.uint64))
    return np.bitwise_count(x).sum(axis=-1, dtype=np.int64)


class PdqIndex:
    """An immutable index of packed 256-bit hashes (rows of 32 bytes) answering radius queries exactly."""

    def __init__(self, hashes: U8) -> None:
        if hashes.ndim != 2 or hashes.shape[1] != 32 or hashes.dtype != np.uint8:
            raise ValueError("hashes must be an (N, 32) uint8 array")
        self.hashes = np.ascontiguousarray(hashes)
        self._words = self.hashes.view(np.uint64)  # (N, 4): popcount on 64-bit words
        n = len(hashes)
        chunks = self.hashes.view(">u2").astype(np.uint32)  # (N, 16)
        orders = np.argsort(chunks, axis=0, kind="stable").astype(np.int32)  # (N, 16)
        self._order = np.ascontiguousarray(orders.T).ravel()  # table t occupies [t*n, (t+1)*n)
        self._starts = np.empty((N_CHUNKS, 65537), dtype=np.int64)
        for t in range(N_CHUNKS):
            keys = chunks[orders[:, t], t]
            self._starts[t] = np.searchsorted(keys, np.arange(65537), side="left") + t * n

    def __len__(self) -> int:
        return len(self.hashes)

    def query(self, h: U8, radius: int = MIH_MAX_RADIUS) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Return (row indices, distances) of every indexed hash within `radius` of `h`, nearest first."""
        if len(self.hashes) == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        if radius > MIH_MAX_RADIUS:
            dist = hamming(self.hashes, h)
            rows = np.flatnonzero(dist <= radius)
        else:
            q = np.frombuffer(h.tobytes(), dtype=">u2").astype(np.uint32)
            probes = (q[:, None] ^ _FLIPS[None, :])  # (16, 17)
            tables = np.arange(N_CHUNKS)[:, None]
            lo = self._starts[tables, probes].ravel()
            hi = self._starts[tables, probes + 1].ravel()
            lengths = hi - lo
            total = int(lengths.sum())
            if total == 0:
                return np.empty(0, np.int64), np.empty(0, np.int64)
            # Concatenate the ranges [lo, hi) without a Python loop.
            shift = np.repeat(lo - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
            cand = self._order[shift + np.arange(total)]
            qw = np.ascontiguousarray(h).view(np.uint64)
            dist_c = np.bitwise_count(self._words[cand] ^ qw).sum(axis=1, dtype=np.int64)
            keep = dist_c <= radius
            # A hash can surface from several tables: de-duplicate only the (few) matches.
            rows, first = np.unique(cand[keep], return_index=True)
            rows, dist = rows.astype(np.int64), dist_c[keep][first]
            order = np.argsort(dist, kind="stable")
            return rows[order], dist[order]
        d = dist[rows]
        order = np.argsort(d, kind="stable")
        return rows[order].astype(np.int64), d[order]

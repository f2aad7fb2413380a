"""The multi-index PDQ index returns exactly what a brute-force scan returns."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.media.index import PdqIndex, hamming

RNG = np.random.default_rng(7)
DB = RNG.integers(0, 256, size=(5000, 32), dtype=np.uint8)
INDEX = PdqIndex(DB)


def near(row: int, flips: list[int]) -> np.ndarray:
    bits = np.unpackbits(DB[row].copy())
    bits[flips] ^= 1
    return np.packbits(bits)


@settings(max_examples=200, deadline=None)
@given(row=st.integers(0, len(DB) - 1), flips=st.lists(st.integers(0, 255), unique=True, max_size=40),
       radius=st.integers(0, 40))
def test_query_equals_brute_force(row: int, flips: list[int], radius: int) -> None:
    q = near(row, flips)
    rows, dist = INDEX.query(q, radius)
    brute = hamming(DB, q)
    assert set(rows.tolist()) == set(np.flatnonzero(brute <= radius).tolist())
    assert (dist == brute[rows]).all() and (np.diff(dist) >= 0).all()


def test_planted_near_duplicates_are_all_found_at_31() -> None:
    for row in range(0, 5000, 50):
        flips = RNG.choice(256, size=31, replace=False).tolist()
        rows, _ = INDEX.query(near(row, flips))
        assert row in rows


def test_empty_index() -> None:
    rows, dist = PdqIndex(np.zeros((0, 32), dtype=np.uint8)).query(DB[0])
    assert len(rows) == 0 and len(dist) == 0

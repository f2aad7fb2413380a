"""Media benchmarks: decode + PDQ throughput, and PDQ bank query latency at 10k / 100k / 1M hashes.

Baselines run side by side on the same data in the same process:
  hashing  — Pillow full decode + pdqhash on the full-size array (what a naive integration does);
  queries  — NumPy brute-force XOR-popcount, faiss IndexBinaryFlat, and python-threatexchange's
             PDQIndex2 (faiss IndexFlatL2 over 256 float dims).
Every index must return 100% of the planted near-duplicates (distance <= 31).
Run: .venv/bin/python benchmarks/bench_media.py [--sizes 10000,100000,1000000] [--json OUT]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # figures are per core

import faiss
import numpy as np
import pdqhash
from PIL import Image

from redline.media.decode import open_frames
from redline.media.hashing import pdq_of_frame
from redline.media.index import PdqIndex, hamming

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "media"
faiss.omp_set_num_threads(1)


def photos_1mp() -> list[bytes]:
    """Realistic ~1-megapixel JPEGs made from the shared reference photos."""
    out = []
    for p in [*sorted((SHARED / "faces").glob("*.jpg"))[:6], SHARED / "pdq/reg-test-input/dih/bridge-1-original.jpg"]:
        img = Image.open(p).convert("RGB")
        scale = (1_000_000 / (img.width * img.height)) ** 0.5
        img = img.resize((int(img.width * scale), int(img.height * scale)), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=88)
        out.append(buf.getvalue())
    return out


def rate(fn: Callable[[bytes], object], items: list[bytes], seconds: float = 4.0) -> float:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for it in items:
            fn(it)
        n += len(items)
    return n / (time.perf_counter() - start)


def naive_hash(data: bytes) -> object:
    return pdqhash.compute(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")))


def our_hash(data: bytes) -> object:
    return pdq_of_frame(open_frames(data, draft=256)[0])


def planted(db: np.ndarray, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    rows = rng.choice(len(db), size=n, replace=False)
    bits = np.unpackbits(db[rows], axis=1)
    for i in range(n):
        bits[i, rng.choice(256, size=int(rng.integers(0, 32)), replace=False)] ^= 1
    return rows, np.packbits(bits, axis=1)


def latencies(query: Callable[[np.ndarray], set[int]], queries: np.ndarray, rows: np.ndarray) -> dict[str, float]:
    lat, found = [], 0
    for q, r in zip(queries, rows, strict=True):
        t = time.perf_counter()
        hits = query(q)
        lat.append(time.perf_counter() - t)
        found += int(r) in hits
    ms = np.array(lat) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 4), "p99_ms": round(float(np.percentile(ms, 99)), 4),
            "recall": found / len(rows)}


def bench_index(size: int, n_queries: int, with_te: bool) -> dict[str, dict[str, float]]:
    rng = np.random.default_rng(size)
    db = rng.integers(0, 256, size=(size, 32), dtype=np.uint8)
    rows, queries = planted(db, rng, n_queries)
    out: dict[str, dict[str, float]] = {}
    t = time.perf_counter()
    ours = PdqIndex(db)
    build = time.perf_counter() - t
    out["redline PdqIndex (multi-index hashing)"] = {
        **latencies(lambda q: set(ours.query(q, 31)[0].tolist()), queries, rows), "build_s": round(build, 2)}
    out["NumPy brute force XOR-popcount"] = latencies(
        lambda q: set(np.flatnonzero(hamming(db, q) <= 31).tolist()), queries[:50], rows[:50])
    flat = faiss.IndexBinaryFlat(256)
    flat.add(db)
    out["faiss IndexBinaryFlat"] = latencies(
        lambda q: set(flat.range_search(q[None, :], 32)[2].tolist()), queries, rows)
    mih = faiss.IndexBinaryMultiHash(256, 16, 16)
    mih.nflip = 1
    mih.add(db)
    out["faiss IndexBinaryMultiHash (16x16 bits, nflip=1)"] = latencies(
        lambda q: set(mih.range_search(q[None, :], 32)[2].tolist()), queries, rows)
    if with_te:
        from threatexchange.signal_type.pdq.pdq_index2 import PDQIndex2

        t = time.perf_counter()
        te = PDQIndex2(entries=((h.tobytes().hex(), i) for i, h in enumerate(db)), threshold=31)
        te_build = time.perf_counter() - t
        out["python-threatexchange PDQIndex2"] = {
            **latencies(lambda q: {m.metadata for m in te.query(q.tobytes().hex())}, queries[:50], rows[:50]),
            "build_s": round(te_build, 2)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    photos = photos_1mp()
    result: dict[str, object] = {
        "hashing_images_per_s_per_core": {
            "naive: full decode + pdqhash": round(rate(naive_hash, photos), 1),
            "redline: DCT-scaled decode + pdqhash": round(rate(our_hash, photos), 1),
        },
        "index": {},
    }
    for size in (int(s) for s in args.sizes.split(",")):
        result["index"][str(size)] = bench_index(size, args.queries, with_te=size <= 100_000)  # type: ignore[index]
        print(json.dumps({size: result["index"][str(size)]}), flush=True)  # type: ignore[index]
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

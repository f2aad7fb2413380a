"""Load test of text-only synchronous moderation over loopback, against the library in-process.

The server runs `redline serve` (uvicorn, httptools, uvloop) in its own processes; the load comes from a
SECOND process: a small asyncio HTTP/1.1 keep-alive client holding 32 connections, each sending the next
request as soon as the previous answer arrives (closed loop). Bounded: a fixed number of requests per
case, loopback only, every process stopped at the end. Usage:

    .venv/bin/python benchmarks/bench_service.py [--requests 6000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BENIGN = ["Lovely weather in the park today, the kids fed the ducks {i}.",
          "Does anyone know a good recipe for lentil soup? Asking for post {i}.",
          "Our team won the match 3-1 last night, what a game {i}!",
          "Reading a long book about the history of trains, chapter {i}."]
NAMED = ["News: Qassem Soleimani was killed in a strike near Baghdad airport, report {i}.",
         "Soleimani is our hero, join the Quds Force {i}",
         "Historians still argue about al-Qaeda's rise in the 1990s (lecture {i})."]


def posts(n: int, named_share: float) -> list[dict[str, str]]:
    """Return n synthetic posts, `named_share` of them naming a designated entity."""
    every = round(1 / named_share) if named_share else 0
    out = []
    for i in range(n):
        pool = NAMED if every and i % every == 0 else BENIGN
        out.append({"id": f"b{i}", "author": f"user{i % 500}", "text": pool[i % len(pool)].format(i=i)})
    return out


def pct(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of values, in milliseconds."""
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] * 1000


# ---- the load generator (runs in its own process) ---------------------------------------------------

async def _conn(host: str, port: int, reqs: list[bytes], lat: list[float], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for req in reqs:
            t0 = time.perf_counter()
            writer.write(req)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            lat.append(time.perf_counter() - t0)
            if not head.startswith(b"HTTP/1.1 200"):
                errors.append(head.split(b"\r\n")[0].decode())
    finally:
        writer.close()


def load(url: str, key: str, body_file: str, connections: int, path: str) -> None:
    """Send every body in body_file (JSON list) over `connections` keep-alive connections; print stats."""
    host, port = url.removeprefix("http://").split(":")
    bodies = [json.dumps(b).encode() for b in json.loads(Path(body_file).read_text())]
    reqs = [(f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
             f"Content-Type: application/json\r\nContent-Length: {len(b)}\r\n\r\n").encode() + b for b in bodies]
    lat: list[float] = []
    errors: list[str] = []

    async def main() -> float:
        t0 = time.perf_counter()
        await asyncio.gather(*(_conn(host, int(port), reqs[i::connections], lat, errors)
                               for i in range(connections)))
        return time.perf_counter() - t0

    wall = asyncio.run(main())
    print(json.dumps({"requests": len(lat), "seconds": wall, "rps": len(lat) / wall, "p50": pct(lat, 0.5),
                      "p99": pct(lat, 0.99), "errors": len(errors), "first_error": errors[:1]}))


# ---- the driver ---------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def in_process(bodies: list[dict[str, str]]) -> dict[str, float]:
    """Return the baseline: the same default pipeline (detector, judge, policy) called in-process, one by one."""
    from redline.defaults import default_engine
    from redline.model import Post

    engine = default_engine(media=False)
    for b in bodies[:200]:
        engine.moderate(Post(b["id"], b["author"], b["text"]))
    lat = []
    t0 = time.perf_counter()
    for b in bodies:
        s = time.perf_counter()
        engine.moderate(Post(b["id"], b["author"], b["text"]))
        lat.append(time.perf_counter() - s)
    wall = time.perf_counter() - t0
    return {"requests": len(lat), "rps": len(lat) / wall, "p50": pct(lat, 0.5), "p99": pct(lat, 0.99)}


def serve_and_load(workers: int, cases: list[tuple[str, str, list[dict[str, str]]]],
                   connections: int) -> list[dict[str, object]]:
    """Start a server with `workers` processes, run every case's load from a second process, stop it."""
    home = tempfile.mkdtemp(prefix="redline-bench-")
    env = {**os.environ, "REDLINE_HOME": home, "REDLINE_DATABASE_URL": f"sqlite:///{home}/bench.db"}
    key = subprocess.run([sys.executable, "-m", "redline", "apikey", "create", "--role", "integrator", "--name",
                          "bench"], env=env, capture_output=True, text=True, check=True).stdout.strip()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(workers), "--log-level", "warning"], env=env)
    out = []
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the server did not become ready within 30 s")
        for name, path, bodies in cases:
            f = Path(home) / f"{name}.json"
            warm = [{**b, "id": "warm-" + b["id"]} for b in bodies[:300]]
            f.write_text(json.dumps(warm))
            subprocess.run([sys.executable, __file__, "--load", url, key, str(f), str(connections), path],
                           check=True, capture_output=True)
            f.write_text(json.dumps(bodies))
            res = subprocess.run([sys.executable, __file__, "--load", url, key, str(f), str(connections), path],
                                 check=True, capture_output=True, text=True)
            out.append({"case": name, "workers": workers, **json.loads(res.stdout)})
    finally:
        server.terminate()
        server.wait(15)
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--load":
        load(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=6000)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--named-share", type=float, default=0.1, help="Share of posts naming a designated entity.")
    args = ap.parse_args()
    bodies = posts(args.requests, args.named_share)
    base = in_process(bodies)
    print(f"in-process default_engine().moderate: {base['rps']:,.0f} posts/s, p50 {base['p50']:.2f} ms, "
          f"p99 {base['p99']:.2f} ms")
    cases = [("dry-run", "/v1/moderate?dry_run=true", bodies), ("enforce", "/v1/moderate", bodies)]
    for w in args.workers:
        for r in serve_and_load(w, cases, args.connections):
            print(f"HTTP {r['case']:8} workers={r['workers']}: {r['rps']:,.0f} req/s, p50 {r['p50']:.2f} ms, "
                  f"p99 {r['p99']:.2f} ms, errors {r['errors']} {r['first_error'] or ''}")


if __name__ == "__main__":
    main()

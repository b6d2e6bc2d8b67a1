"""A bounded load on ``storyline serve``: N requests from C concurrent clients to /api/timeline.

Why: the web app must stay usable while several analysts page and filter a timeline of a large
store. This starts ``storyline serve`` as its own process over an existing store (ingest one
first, e.g. ``storyline ingest ../shared/data/news-corpus/news-wikinews.jsonl.gz --db big.duckdb``),
waits until it answers, sends the requests (a rotation of timeline queries: first page, later
pages, an actor, a class, a year, words) over keep-alive connections, and prints the latency
percentiles and the errors; then the same load on a static file, the server's floor, in the same
run, so the timeline's cost reads as a ratio to it on whatever machine this runs.

    python benchmarks/serve_load.py --db big.duckdb --requests 2000 --clients 8
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

QUERIES = ["/api/timeline", "/api/timeline?offset=50", "/api/timeline?offset=500&limit=20",
           "/api/timeline?actor=RUS", "/api/timeline?class=CONSULT", "/api/timeline?from=1987&to=1987",
           "/api/timeline?q=talks", "/api/timeline?status=reported&limit=100"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, port: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("storyline")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 900  # the story update of a fresh store may take a while
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"serve exited {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            con.request("GET", "/api/overview")
            if con.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("serve did not answer within 900 s")


def load(port: int, paths: list[str], requests: int, clients: int) -> tuple[list[float], list[str], float]:
    """Latencies (s) of the successful requests, the errors, and the wall time."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    todo = iter(range(requests))

    def client() -> None:
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                i = next(todo, None)
            if i is None:
                break
            path = paths[i % len(paths)]
            t0 = time.perf_counter()
            try:
                con.request("GET", path)
                r = con.getresponse()
                r.read()
                took = time.perf_counter() - t0
                with lock:
                    (latencies.append(took) if r.status == 200 else errors.append(f"{path}: {r.status}"))
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    errors.append(f"{path}: {type(e).__name__}: {e}")
                con.close()
                con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        con.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - t0


def summary(name: str, latencies: list[float], errors: list[str], wall: float) -> dict[str, float | int | str]:
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0] if latencies else 0.0] * 99
    return {"load": name, "ok": len(latencies), "errors": len(errors), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
            "max_ms": round(max(latencies, default=0.0) * 1000, 1), "req_per_s": round(len(latencies) / wall, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="an existing store (not in use by another process)")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    port = free_port()
    proc = start(args.db, port)
    try:
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        con.request("GET", "/api/overview")
        counts = json.loads(con.getresponse().read())["counts"]
        load(port, QUERIES, len(QUERIES), 1)  # warm: the story events are read once per store state
        rows = [summary("/api/timeline (rotation of 8 queries)", *load(port, QUERIES, args.requests, args.clients)),
                summary("/static/app.css (the floor)", *load(port, ["/static/app.css"], args.requests, args.clients))]
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    print(f"store: {counts['documents']} documents, {counts['story_events']} story events, {counts['events']} events; "
          f"{args.requests} requests per load from {args.clients} concurrent clients")
    print("| load | ok | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k in ("load", "ok", "errors", "p50_ms", "p95_ms", "p99_ms", "max_ms",
                                                    "req_per_s")) + " |")
    print(f"timeline p50 / floor p50: {rows[0]['p50_ms'] / max(rows[1]['p50_ms'], 0.1):.1f}x")


if __name__ == "__main__":
    main()

"""Soak: 8 concurrent clients sending the catalogue queries to a real server on 127.0.0.1 for a bounded
time, first alone, then with runaway queries mixed in; zero errors expected, p50 and p99 printed.

    python benchmarks/soak.py [--seconds 120] [--clients 8]

Baseline in the same run: the same clients without runaway queries. Goal: runaway queries (answered 503
at the time limit) do not raise the others' p99 beyond 2x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import free_port  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def run(url: str, queries: list[str], seconds: float, clients: int, runaways: int) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = stopped = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        nonlocal errors, stopped
        with httpx.Client(timeout=60) as http:
            i = index
            while time.monotonic() < stop:
                runaway = index < runaways
                query = RUNAWAY if runaway else queries[i % len(queries)]
                i += 1
                started = time.perf_counter()
                response = http.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
                elapsed = time.perf_counter() - started
                with lock:
                    if runaway:
                        stopped += response.status_code == 503
                    elif response.status_code == 200:
                        latencies.append(elapsed)
                    else:
                        errors += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, stopped


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=2.0, help="server query time limit during the run")
    args = parser.parse_args()
    queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))]
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "graph", "build", "--store", str(store)], check=True, capture_output=True)
        port = free_port()
        env = dict(os.environ, PARLGRAPH_QUERY_TIMEOUT_S=str(args.timeout), PARLGRAPH_QUERY_WORKERS="3",
                   PARLGRAPH_MAX_WAITING="64")
        server = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/sparql"
        try:
            for _ in range(300):
                try:
                    httpx.get(url, timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            half = args.seconds / 2
            calm, calm_errors, _ = run(url, queries, half, args.clients, runaways=0)
            mixed, mixed_errors, stopped = run(url, queries, half, args.clients, runaways=1)
        finally:
            server.terminate()
            server.wait()
    print(f"{args.clients} clients, {len(queries)} catalogue queries, {half:.0f} s per phase, query limit {args.timeout:g} s")
    print(f"baseline (no runaway): {len(calm):,} answers, {calm_errors} errors, p50 {percentile(calm, .5):.1f} ms, "
          f"p99 {percentile(calm, .99):.1f} ms")
    print(f"with runaway queries: {len(mixed):,} answers, {mixed_errors} errors, {stopped} runaways stopped with 503, "
          f"p50 {percentile(mixed, .5):.1f} ms, p99 {percentile(mixed, .99):.1f} ms")
    print(f"p99 ratio with/without runaways: {percentile(mixed, .99) / percentile(calm, .99):.2f} (goal <= 2)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

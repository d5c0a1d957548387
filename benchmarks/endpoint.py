"""Endpoint throughput and latency: our /sparql against `oxigraph serve` on the same data, same queries,
same client, in one run.

    python benchmarks/endpoint.py [--seconds 10] [--clients 4]

Both servers get the seed graph (our store's N-Quads dump loaded into a fresh Oxigraph store; the
default graph as the union of all graphs on both, via `oxigraph serve --union-default-graph`).
Queries: a cheap lookup (one question's author) and an aggregation (questions per party and year).
Goals: lookup >= 0.5x oxigraph's requests/s; aggregation latency <= 1.1x oxigraph's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
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

LOOKUP = """PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX epvoc: <https://data.europarl.europa.eu/def/epvoc#>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
SELECT ?person WHERE { ?q dcterms:identifier "7-1874" ; epvoc:workHadParticipation ?p . ?p eli-dl:had_participant_person ?person }"""
AGGREGATION = (ROOT / "queries" / "questions-per-party-per-year.rq").read_text(encoding="utf-8")


def wait(url: str, process: subprocess.Popen) -> None:
    for _ in range(300):
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None:
                raise SystemExit(f"server died: {process.args}")
            time.sleep(0.1)
    raise SystemExit(f"server did not start: {process.args}")


def hammer(url: str, query: str, seconds: float, clients: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as http:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = http.get(url, params={"query": query}, headers={"Accept": "application/sparql-results+json"})
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status_code == 200:
                        latencies.append(elapsed)
                    else:
                        errors += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        print(f"  {errors} errors")
    return len(latencies) / seconds, latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    python = sys.executable
    oxigraph = str(Path(python).parent / "oxigraph")
    with tempfile.TemporaryDirectory() as tmp:
        ours_store = Path(tmp) / "ours" / "store"
        subprocess.run([python, "-m", "graph", "build", "--store", str(ours_store)], check=True, capture_output=True)
        dump = Path(tmp) / "dump.nq"
        from graph.store import Store

        dump.write_bytes(Store(ours_store, read_only=True).dump())
        subprocess.run([oxigraph, "load", "--location", str(Path(tmp) / "ox"), "--file", str(dump)], check=True,
                       capture_output=True)
        ours_port, ox_port = free_port(), free_port()
        ours = subprocess.Popen([python, "-m", "graph", "serve", "--store", str(ours_store), "--port", str(ours_port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, PARLGRAPH_QUERY_WORKERS=str(max(2, args.clients))))
        theirs = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(Path(tmp) / "ox"),
                                   "--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait(f"http://127.0.0.1:{ours_port}/", ours)
            wait(f"http://127.0.0.1:{ox_port}/query?query=ASK%7B%7D", theirs)
            targets = {"ours": f"http://127.0.0.1:{ours_port}/sparql", "oxigraph": f"http://127.0.0.1:{ox_port}/query"}
            results = {}
            for name, query in (("lookup", LOOKUP), ("aggregation", AGGREGATION)):
                for server, url in targets.items():
                    hammer(url, query, 1, args.clients)  # warm up
                    results[(name, server)] = hammer(url, query, args.seconds, args.clients)
            for name in ("lookup", "aggregation"):
                (ours_rps, ours_lat), (ox_rps, ox_lat) = results[(name, "ours")], results[(name, "oxigraph")]
                print(f"{name}: ours {ours_rps:,.0f} req/s, p50 {statistics.median(ours_lat) * 1000:.1f} ms | "
                      f"oxigraph serve {ox_rps:,.0f} req/s, p50 {statistics.median(ox_lat) * 1000:.1f} ms | "
                      f"throughput ratio {ours_rps / ox_rps:.2f}, latency ratio "
                      f"{statistics.median(ours_lat) / statistics.median(ox_lat):.2f}")
            print("goals: lookup throughput ratio >= 0.5; aggregation latency ratio <= 1.1")
        finally:
            ours.terminate()
            theirs.terminate()
            ours.wait()
            theirs.wait()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Limits and federation of /sparql on a real server with small limits: time, rows, SERVICE allow-list."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import free_port

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def start(args: list[str], url: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return process
        except httpx.TransportError:
            if process.poll() is not None:
                raise RuntimeError(process.stdout.read().decode() if process.stdout else "died")
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{args[0]} did not start")


@pytest.fixture(scope="module")
def remote_sparql(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A second SPARQL server: `oxigraph serve` (PyPI package oxigraph) with one triple."""
    location = tmp_path_factory.mktemp("remote")
    data = location / "data.nt"
    data.write_text('<http://example.org/remote> <http://example.org/says> "hello from afar" .\n', encoding="utf-8")
    binary = str(Path(sys.executable).parent / "oxigraph")
    subprocess.run([binary, "load", "--location", str(location / "db"), "--file", str(data)], check=True,
                   capture_output=True)
    port = free_port()
    process = start([binary, "serve", "--location", str(location / "db"), "--bind", f"127.0.0.1:{port}"],
                    f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
    yield f"http://127.0.0.1:{port}/query"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def limited(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory, remote_sparql: str):  # type: ignore[no-untyped-def]
    store = tmp_path_factory.mktemp("limited") / "store"
    shutil.copytree(seed_store_path, store)
    port = free_port()
    env = dict(os.environ, PARLGRAPH_QUERY_TIMEOUT_S="2", PARLGRAPH_MAX_ROWS="5", PARLGRAPH_QUERY_WORKERS="2",
               PARLGRAPH_MAX_WAITING="1", PARLGRAPH_SERVICE_ALLOW=f'["{remote_sparql}"]')
    url = f"http://127.0.0.1:{port}"
    process = start([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)], url + "/", env)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_runaway_query_is_stopped_with_503_and_the_server_keeps_answering(limited: str) -> None:
    started = time.monotonic()
    response = httpx.get(limited + "/sparql", params={"query": RUNAWAY}, timeout=30)
    elapsed = time.monotonic() - started
    assert response.status_code == 503 and "time limit of 2 s" in response.json()["error"]["message"]
    assert elapsed <= 2 + 1
    started = time.monotonic()
    ask = httpx.get(limited + "/sparql", params={"query": "ASK {}"}, timeout=30)
    assert ask.status_code == 200 and ask.json()["boolean"] is True
    assert time.monotonic() - started <= 1


def test_capped_result_says_so(limited: str) -> None:
    response = httpx.get(limited + "/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 and len(response.json()["results"]["bindings"]) == 5
    assert "5 rows" in response.headers["parlgraph-results-truncated"]
    small = httpx.get(limited + "/sparql", params={"query": "SELECT ?x WHERE { VALUES ?x { 1 2 } }"})
    assert "parlgraph-results-truncated" not in small.headers


def test_too_many_concurrent_queries_get_429(limited: str) -> None:
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(6) as executor:
        futures = [executor.submit(httpx.get, limited + "/sparql", params={"query": RUNAWAY}, timeout=30)
                   for _ in range(6)]
        statuses = [f.result().status_code for f in futures]
    assert 429 in statuses and set(statuses) <= {429, 503}
    refused = next(f.result() for f in futures if f.result().status_code == 429)
    assert refused.headers["retry-after"] == "1"
    time.sleep(3)  # let the pool replace the killed workers


def test_service_to_an_allowed_endpoint_is_answered(limited: str, remote_sparql: str) -> None:
    query = f"SELECT ?text WHERE {{ SERVICE <{remote_sparql}> {{ ?s <http://example.org/says> ?text }} }}"
    response = httpx.get(limited + "/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 200, response.text
    assert [b["text"]["value"] for b in response.json()["results"]["bindings"]] == ["hello from afar"]


def test_service_off_the_list_never_opens_a_connection(limited: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(1.5)
        port = listener.getsockname()[1]
        query = f"PREFIX x: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}"
        response = httpx.get(limited + "/sparql", params={"query": query}, timeout=30)
        assert response.status_code == 400 and "not allowed" in response.json()["error"]["message"]
        with pytest.raises(socket.timeout):
            listener.accept()


def test_variable_service_is_refused(limited: str) -> None:
    response = httpx.get(limited + "/sparql", params={"query": "SELECT * { SERVICE ?x { ?s ?p ?o } }"})
    assert response.status_code == 400


def test_request_too_large_is_413(limited: str) -> None:
    response = httpx.post(limited + "/sparql", content="ASK {}" + " " * 1_100_000,
                          headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413

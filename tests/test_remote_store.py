"""PARLGRAPH_STORE=http://... : the same build, queries and endpoint over a real `oxigraph serve`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from conftest import SEEDS, free_port
from test_endpoint_limits import RUNAWAY, start


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    location = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    binary = str(Path(sys.executable).parent / "oxigraph")
    process = start([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                     "--union-default-graph"], f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
    yield f"http://127.0.0.1:{port}/query"
    process.terminate()
    process.wait(timeout=10)


def parlgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=300, env=env)


def count(remote: str) -> int:
    response = httpx.post(remote, content="SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                          headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_build_into_the_remote_store_is_idempotent(remote: str) -> None:
    first = parlgraph("build", str(SEEDS), "--store", remote, "--no-extract")
    assert first.returncode == 0, first.stderr
    quads = count(remote)
    assert quads > 100_000
    again = parlgraph("build", str(SEEDS), "--store", remote, "--no-extract")
    assert again.returncode == 0 and count(remote) == quads


def test_query_and_validate_against_the_remote_store(remote: str) -> None:
    result = parlgraph("query", "-f", "queries/question-card.rq", "--store", remote, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Els Ampe,Open Vld,2023-01-31" in result.stdout
    assert parlgraph("validate", "--store", remote).returncode == 0


def test_endpoint_forwards_to_the_remote_store_with_the_same_limits(remote: str) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start([sys.executable, "-m", "graph", "serve", "--store", remote, "--port", str(port)], url + "/",
                    dict(os.environ, PARLGRAPH_QUERY_TIMEOUT_S="2"))
    try:
        answer = httpx.get(url + "/sparql", params={"query": 'ASK { ?q <http://purl.org/dc/terms/identifier> "7-1874" }'})
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        runaway = httpx.get(url + "/sparql", params={"query": RUNAWAY}, timeout=30)
        assert runaway.status_code == 503
        assert httpx.get(url + "/sparql", params={"query": "ASK {}"}).status_code == 200
        page = httpx.get(url + "/question/7-1874", headers={"Accept": "text/turtle"})
        assert page.status_code == 200 and "7-1874" in page.text
    finally:
        process.terminate()
        process.wait(timeout=10)

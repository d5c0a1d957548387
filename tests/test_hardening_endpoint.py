"""Generated hostile input against the running server: malformed, huge, deeply nested, unicode SPARQL,
many variables, odd headers and paths. Never a 500; the server keeps answering."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import free_port
from test_endpoint_limits import start

def fine(status: int) -> bool:
    """Anything but a server error; 503 is the honest answer at the query time limit."""
    return status < 500 or status == 503

FRAGMENTS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", "?s", "?p", "?o", "<http://x/>",
             "FILTER", "OPTIONAL", "UNION", "GRAPH", "SERVICE", "BIND", "AS", "*", ".", ";", ",", "\"é\"", "'\\u0000'",
             "PREFIX a: <http://a/>", "a:b", "LIMIT 5", "ORDER BY", "GROUP BY", "COUNT(*)", "REGEX(?o, \"(a+)+$\")",
             "VALUES ?s { 1 2 }", "\U0001F600", "\u202e", "#", "\n", "INSERT DATA", "DROP ALL", "LOAD <http://x/>"]

sparql = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join),
    st.text(max_size=300),
    st.integers(1, 3000).map(lambda n: "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n),
    st.integers(1, 2000).map(lambda n: "SELECT " + " ".join(f"?v{i}" for i in range(n)) + " WHERE { ?v0 ?v1 ?v2 }"),
    st.integers(1, 300).map(lambda n: "ASK { " + " UNION ".join("{ ?s ?p ?o }" for _ in range(n)) + " }"),
    st.integers(1, 500).map(lambda n: "SELECT * WHERE { FILTER(" + "(" * n + "1" + ")" * n + ") }"),
)


@pytest.fixture(scope="module")
def server(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A server with a 2 s query limit, so runaway cases cost little."""
    store = tmp_path_factory.mktemp("fuzz") / "store"
    shutil.copytree(seed_store_path, store)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)], url + "/",
                    dict(os.environ, PARLGRAPH_QUERY_TIMEOUT_S="2"))
    yield url
    process.terminate()
    process.wait(timeout=10)


EXAMPLES = int(os.environ.get("PARLGRAPH_FUZZ_EXAMPLES", "200"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=sparql, method=st.sampled_from(["GET", "POST"]),
       accept=st.sampled_from(["*/*", "application/sparql-results+json", "text/turtle", "image/png", "", "text/html",
                               "application/sparql-results+xml;q=0.1, text/csv", "x/y;q=abc"]))
def test_generated_queries_never_get_a_500(server: str, query: str, method: str, accept: str) -> None:
    headers = {"Accept": accept} if accept else {}
    if method == "GET":
        response = httpx.get(server + "/sparql", params={"query": query}, headers=headers, timeout=60)
    else:
        response = httpx.post(server + "/sparql", data={"query": query}, headers=headers, timeout=60)
    assert fine(response.status_code), (response.status_code, query[:200], response.text[:300])


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
       prefix=st.sampled_from(["/question/", "/person/", "/downloads/", "/post/", "/static/", "/concept/", "/"]),
       fmt=st.sampled_from(["", "turtle", "jsonld", "nonsense"]))
def test_generated_paths_never_get_a_500(server: str, path: str, prefix: str, fmt: str) -> None:
    from urllib.parse import quote

    url = server + prefix + quote(path, safe="/")
    response = httpx.get(url, params={"format": fmt} if fmt else None, timeout=30)
    assert fine(response.status_code), (url, response.status_code)


@settings(max_examples=EXAMPLES // 4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(types=st.text(max_size=40), date_from=st.text(max_size=12), party=st.text(max_size=20),
       fmt=st.sampled_from(["json", "gexf", "csv", "graphml", "pdf"]))
def test_generated_network_parameters_never_get_a_500(server: str, types: str, date_from: str, party: str, fmt: str) -> None:
    response = httpx.get(server + "/api/network", params={"types": types, "from": date_from, "party": party, "format": fmt},
                         timeout=60)
    assert fine(response.status_code), (response.status_code, response.text[:200])


def test_server_still_answers_after_the_fuzzing(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert response.status_code == 200 and response.json()["boolean"] is True

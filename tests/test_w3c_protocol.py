"""The W3C SPARQL 1.1 Protocol test suite (tests/w3c/protocol/manifest.ttl, 34 tests) as data, run
against a real ParlGraph server with updates enabled on a scratch store.

Requests whose path starts with /sparql/ go to /sparql, except the requests of the update tests
(update_*, bad_update_*) that are not queries: those go to /sparql/update with the bearer token.
Each ut:graphData file is loaded into its named graph through the Graph Store Protocol first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import rdflib
from rdflib.collection import Collection

from conftest import free_port
from test_endpoint_limits import start

SUITE = Path(__file__).resolve().parent / "w3c" / "protocol"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
TOKEN = "w3c-suite-token"
TABULAR = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}


def load_tests() -> list[tuple[str, rdflib.URIRef, rdflib.Graph]]:
    graph = rdflib.Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=(SUITE / "manifest.ttl").as_uri())
    manifest = next(graph.subjects(MF.entries, None))
    entries = Collection(graph, graph.value(manifest, MF.entries))
    return [(str(entry).rsplit("#", 1)[1], entry, graph) for entry in entries]


TESTS = load_tests()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    empty = tmp_path_factory.mktemp("no-pages")
    store = tmp_path_factory.mktemp("w3c") / "store"
    port = free_port()
    env = dict(os.environ, PARLGRAPH_UPDATE_TOKEN=TOKEN, PARLGRAPH_QUESTIONS=str(empty))
    url = f"http://127.0.0.1:{port}"
    process = start([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)], url + "/", env)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_suite_has_34_tests() -> None:
    assert len(TESTS) == 34


@pytest.mark.parametrize("name, entry, graph", TESTS, ids=[t[0] for t in TESTS])
def test_protocol(endpoint: str, name: str, entry: rdflib.URIRef, graph: rdflib.Graph) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for data in graph.objects(entry, UT.graphData):
        source = Path(str(graph.value(data, UT.graph)).removeprefix("file://"))
        label = str(graph.value(data, rdflib.RDFS.label))
        response = httpx.put(f"{endpoint}/sparql/store?graph={quote(label, safe='')}", content=source.read_bytes(),
                             headers={"Content-Type": "application/n-triples", **auth})
        assert response.status_code in (201, 204), response.text
    action = graph.value(entry, MF.action)
    for request in Collection(graph, graph.value(action, HT.requests)):
        method = str(graph.value(request, HT.methodName))
        path = str(graph.value(request, HT.absolutePath))
        headers = {}
        for header in Collection(graph, graph.value(request, HT.headers)) if graph.value(request, HT.headers) else []:
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
        body_node = graph.value(request, HT.body)
        body = str(graph.value(body_node, CNT.chars)).encode("utf-8") if body_node is not None else None
        is_query = headers.get("content-type", "").startswith("application/sparql-query")
        if name.startswith(("update_", "bad_update_")) and not is_query:
            target = "/sparql/update" + path.removeprefix("/sparql/")
            headers.update(auth)
        else:
            target = "/sparql" + path.removeprefix("/sparql/")
        response = httpx.request(method, endpoint + target, content=body, headers=headers, timeout=30)
        expected = graph.value(request, HT.resp)
        classes = {str(s).removeprefix(HTS) for s in graph.objects(expected, MF.expectedStatus)}
        assert f"{response.status_code // 100}xx" in classes, f"{name}: {response.status_code} {response.text[:300]}"
        media = response.headers.get("content-type", "").split(";")[0]
        expected_format = graph.value(expected, MF.expectedFormat)
        if expected_format is not None:
            kinds = {"boolean": TABULAR, "tabular": TABULAR, "RDF": RDF_TYPES}[str(expected_format)]
            assert media in kinds, f"{name}: {media}"
        expected_boolean = graph.value(expected, MF.expectedBoolean)
        if expected_boolean is not None:
            assert response.json()["boolean"] is expected_boolean.toPython(), name

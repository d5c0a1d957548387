"""The SPARQL endpoint over real HTTP (uvicorn started by `python -m graph serve` on a free port)."""

from __future__ import annotations

import csv
import io

import httpx

PREFIXES = """PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
PREFIX epvoc: <https://data.europarl.europa.eu/def/epvoc#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
CARD = PREFIXES + """SELECT ?author ?party ?date ?post ?deadline WHERE {
  ?q dcterms:identifier "7-1874" ; eli:date_document ?date ; pg:answerDeadline ?deadline ;
     epvoc:workHadParticipation ?a, ?b .
  ?a eli-dl:had_participant_person/foaf:name ?author ; pg:partyAsPrinted ?party .
  ?b pg:postTitle ?post . }"""


def bindings(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_get_answers_who_asked_7_1874(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": CARD},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert bindings(response) == [{
        "author": "Els Ampe", "party": "Open Vld", "date": "2023-01-31",
        "post": "vice-premier ministre et ministre de l'Economie et du Travail", "deadline": "2023-03-02"}]


def test_post_form_answers_the_answer_date_of_7_75(server: str) -> None:
    query = PREFIXES + """SELECT ?date WHERE { ?a eli-dl:answers_to ?q ; eli:date_document ?date .
        ?q dcterms:identifier "7-75" }"""
    response = httpx.post(server + "/sparql", data={"query": query})
    assert bindings(response) == [{"date": "2019-11-27"}]


def test_post_direct_query_as_csv(server: str) -> None:
    response = httpx.post(server + "/sparql", content="SELECT (COUNT(*) AS ?n) { ?q a <https://w3id.org/parlgraph/ontology#WrittenQuestion> }",
                          headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert list(csv.DictReader(io.StringIO(response.text))) == [{"n": "11"}]


def test_construct_as_turtle_and_jsonld(server: str) -> None:
    query = "CONSTRUCT { ?q ?p ?o } WHERE { ?q <http://purl.org/dc/terms/identifier> \"7-75\" ; ?p ?o }"
    turtle = httpx.get(server + "/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    assert "7-75" in turtle.text
    jsonld = httpx.get(server + "/sparql", params={"query": query, "format": "jsonld"})
    assert jsonld.status_code == 200 and jsonld.json()


def test_xml_and_tsv_results(server: str) -> None:
    query = "ASK { ?s ?p ?o }"
    xml = httpx.get(server + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.status_code == 200 and "<boolean>true</boolean>" in xml.text
    tsv = httpx.get(server + "/sparql", params={"query": "SELECT ?x { VALUES ?x { 1 } }"},
                    headers={"Accept": "text/tab-separated-values"})
    assert tsv.status_code == 200 and tsv.text.splitlines()[0] == "?x"


def test_malformed_query_is_400_with_position(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "SELECT ?x WHERE {\n  ?x ?y }"})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("malformed query at line 2, column 10")
    page = httpx.get(server + "/sparql", params={"query": "SELEC"}, headers={"Accept": "text/html"})
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]


def test_update_is_refused_at_the_public_endpoint(server: str) -> None:
    response = httpx.post(server + "/sparql", data={"update": "DROP ALL"})
    assert response.status_code == 403 and "/sparql/update" in response.json()["error"]["message"]
    count = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert count.json()["boolean"] is True


def test_unacceptable_format_is_406(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 1"},
                         headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_service_description_without_query(server: str) -> None:
    response = httpx.get(server + "/sparql")
    assert response.status_code == 200 and "sd:Service" in response.text


def test_a_big_result_arrives_whole(server: str) -> None:
    """About 20 MB of JSON through the worker pipe (the event loop leaves the pipe non-blocking)."""
    response = httpx.get(server + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, timeout=120)
    assert response.status_code == 200
    rows = response.json()["results"]["bindings"]
    assert len(rows) == 100_000 and "100000 rows" in response.headers["parlgraph-results-truncated"]

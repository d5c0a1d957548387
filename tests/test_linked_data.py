"""Every URI of the scheme dereferences on the running server, by content negotiation."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from graph.server.linked_data import render_page

BASE = "https://w3id.org/parlgraph/"


def test_question_as_turtle(server: str) -> None:
    response = httpx.get(server + "/question/7-1874", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    assert "Accept" in response.headers["vary"]
    triples = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    subject = ox.NamedNode(BASE + "question/7-1874")
    identifiers = [t.object.value for t in triples
                   if t.subject == subject and t.predicate.value == "http://purl.org/dc/terms/identifier"]
    assert identifiers == ["7-1874"]
    assert any(t.subject.value == BASE + "question/7-1874/participation/author" for t in triples)


@pytest.mark.parametrize("path", ["/question/9-99999", "/person/nobody-at-all", "/post/de-croo/nothing"])
def test_unknown_ids_are_404(server: str, path: str) -> None:
    assert httpx.get(server + path, headers={"Accept": "text/turtle"}).status_code == 404
    page = httpx.get(server + path, headers={"Accept": "text/html"})
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


@pytest.mark.parametrize("fmt, media", [("jsonld", "application/ld+json"), ("ntriples", "application/n-triples"),
                                        ("rdfxml", "application/rdf+xml")])
def test_formats_by_query_parameter(server: str, fmt: str, media: str) -> None:
    response = httpx.get(server + "/post/de-croo/economie-travail", params={"format": fmt})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert "pierre-yves-dermagne" in response.text


def test_html_for_browsers_in_their_language(server: str) -> None:
    response = httpx.get(server + "/question/7-1874", headers={"Accept": "text/html", "Accept-Language": "nl"})
    assert response.status_code == 200 and "<h1>Schriftelijke vraag 7-1874</h1>" in response.text
    assert 'href="/person/els-ampe"' in response.text


def test_etag_and_cors_for_get(server: str) -> None:
    first = httpx.get(server + "/person/els-ampe", headers={"Accept": "text/turtle", "Origin": "http://example.org"})
    assert first.headers["access-control-allow-origin"] == "*"
    again = httpx.get(server + "/person/els-ampe", headers={"Accept": "text/turtle", "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_page_escapes_text() -> None:
    uri = BASE + "question/1-1"
    triples = [ox.Triple(ox.NamedNode(uri), ox.NamedNode("http://purl.org/dc/terms/title"),
                         ox.Literal("<script>alert(1)</script>", language="fr"))]
    page = render_page(uri, triples, [], BASE, "fr")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page

"""Dumps, CSV tables, VoID + DCAT description, checksums, and the /data and /downloads routes."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
from pathlib import Path

import httpx
import pyoxigraph as ox

from graph.publish import export
from graph.settings import Settings
from graph.store import Store


def test_export_writes_every_file_with_checksums(seed_store: Store, tmp_path: Path) -> None:
    report = export(seed_store, tmp_path, Settings())
    expected = {"parlgraph.nq.gz", "parlgraph.ttl.gz", "parlgraph.jsonld.gz", "void.ttl",
                *(f"csv/{t}.csv" for t in ("questions", "people", "memberships", "mentions", "concepts"))}
    assert set(report.files) == expected
    sums = dict(line.split("  ")[::-1] for line in (tmp_path / "SHA256SUMS").read_text().splitlines())
    for name in expected:
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == sums[name]
    quads = list(ox.parse(gzip.decompress((tmp_path / "parlgraph.nq.gz").read_bytes()), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == seed_store.count_quads()
    union = list(ox.parse(gzip.decompress((tmp_path / "parlgraph.ttl.gz").read_bytes()), format=ox.RdfFormat.TURTLE))
    assert len(union) == report.quads == len({(q.subject, q.predicate, q.object) for q in quads})


def test_questions_csv_reads_like_the_pages(seed_store: Store, tmp_path: Path) -> None:
    export(seed_store, tmp_path, Settings())
    rows = {r["number"]: r for r in csv.DictReader(io.StringIO((tmp_path / "csv/questions.csv").read_text()))}
    assert len(rows) == 11
    assert rows["7-1874"]["author"] == "Els Ampe" and rows["7-1874"]["minister"] == "Pierre-Yves Dermagne"
    assert rows["7-75"]["answerDate"] == "2019-11-27" and rows["7-639"]["status"] == "Closed"


def test_void_dcat_description(seed_store: Store, tmp_path: Path) -> None:
    export(seed_store, tmp_path, Settings())
    store = ox.Store()
    store.load((tmp_path / "void.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    assert bool(store.query("""PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX spdx: <http://spdx.org/rdf/terms#> PREFIX void: <http://rdfs.org/ns/void#>
        ASK { ?c a dcat:Catalog ; dcat:dataset ?d . ?d a dcat:Dataset ; dcterms:license ?l ; dcterms:rights ?r ;
              void:triples ?n ; dcterms:temporal ?t ; dcat:distribution ?dist .
              ?dist dcat:downloadURL ?u ; dcat:mediaType ?m ; spdx:checksum/spdx:checksumValue ?sum .
              ?s a dcat:DataService ; dcat:endpointURL ?e .
              FILTER(CONTAINS(?r, "EuroVoc")) }"""))
    count = list(store.query("SELECT (COUNT(?d) AS ?n) { ?x <http://www.w3.org/ns/dcat#distribution> ?d }"))[0]["n"]
    assert int(count.value) == 8


def test_data_and_downloads_on_the_server(server: str) -> None:
    import time

    deadline = time.monotonic() + 120  # serve writes the dumps beside the running server
    while httpx.get(server + "/data").status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.5)
    page = httpx.get(server + "/data", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "parlgraph.nq.gz" in page.text
    turtle = httpx.get(server + "/data", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and "dcat:Dataset" in turtle.text or "ns/dcat#Dataset" in turtle.text
    dump = httpx.get(server + "/downloads/csv/questions.csv")
    assert dump.status_code == 200 and dump.text.startswith("number,date,title")
    assert httpx.get(server + "/downloads/../../../etc/passwd").status_code == 404
    assert httpx.get(server + "/downloads/%2e%2e/%2e%2e/etc/passwd").status_code == 404
    assert httpx.get(server + "/context.jsonld").json()["@context"]["pg"] == "https://w3id.org/parlgraph/ontology#"

"""Build into a real on-disk store: idempotence, bad documents, SHACL."""

from __future__ import annotations

import shutil
from pathlib import Path

from graph.ingest import build
from graph.settings import Settings
from graph.store import Store
from graph.validate import validate_store

from conftest import SEEDS


def fresh(tmp_path: Path) -> tuple[Store, Settings]:
    path = tmp_path / "store"
    return Store(path), Settings(store=str(path))


def test_build_twice_gives_the_same_store(tmp_path: Path) -> None:
    store, settings = fresh(tmp_path)
    first = build([SEEDS], store, settings, extract=False)
    dump_first = sorted(store.dump().splitlines())
    second = build([SEEDS], store, settings, extract=False)
    assert first.store_quads == second.store_quads > 500
    assert sorted(store.dump().splitlines()) == dump_first


def test_no_triple_sits_in_two_graphs(seed_store: Store) -> None:
    rows = list(seed_store.query(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?p ?o } FILTER(STR(?g1) < STR(?g2)) }"))
    assert rows == []


def test_bad_documents_are_reported_and_the_rest_goes_in(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (pages / "menu.txt").write_text("Sénat de Belgique\nAgenda\n", encoding="utf-8")
    store, settings = fresh(tmp_path)
    report = build([pages], store, settings, extract=False)
    rejected = {Path(r.source).name: r for r in report.rejected}
    assert set(rejected) == {"empty.txt", "binary.txt", "menu.txt"}
    assert rejected["menu.txt"].line == 1 and "no 'Question écrite n°'" in rejected["menu.txt"].reason
    assert report.questions == 11


def test_single_page_rebuild_keeps_its_sibling_pages(tmp_path: Path) -> None:
    store, settings = fresh(tmp_path)
    full = build([SEEDS], store, settings, extract=False)
    build([SEEDS / "5-611.fr.txt"], store, settings, extract=False)
    assert store.count_quads() == full.store_quads
    titles = {row["t"].value for row in store.query(
        "SELECT ?t { <https://w3id.org/parlgraph/question/5-611> <http://purl.org/dc/terms/title> ?t }")}
    assert len(titles) == 2  # French and Dutch


def test_seed_graph_conforms_to_the_shapes(seed_store: Store) -> None:
    report = validate_store(seed_store, Settings())
    assert report.conforms, report.text


def test_validation_finds_a_question_without_date(tmp_path: Path) -> None:
    store, settings = fresh(tmp_path)
    build([SEEDS / "7-1874.fr.txt"], store, settings, extract=False)
    store._store.update(  # damage the graph on purpose
        "DELETE WHERE { GRAPH ?g { <https://w3id.org/parlgraph/question/7-1874> "
        "<http://data.europa.eu/eli/ontology#date_document> ?d } }")
    report = validate_store(store, settings)
    assert not report.conforms and report.violations == 1 and "date_document" in report.text

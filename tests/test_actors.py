"""Actors over time: addressee resolution, authors, parties, memberships, provenance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.ingest import build
from graph.reference import read_table
from graph.resolve.actors import load_actors, normalise_title, parse_reference_date
from graph.resolve.coverage import coverage_report
from graph.settings import Settings
from graph.store import Store

from conftest import SEEDS

SETTINGS = Settings()
ACTORS = load_actors(SETTINGS.reference)
ADDRESSEES = read_table(SETTINGS.reference / "addressees.tsv")


@pytest.mark.parametrize("row", ADDRESSEES, ids=[f"{r['question']}.{r['lang']}" for r in ADDRESSEES])
def test_addressee_table(row: dict[str, str]) -> None:
    found = ACTORS.resolve_addressee(row["addressee"], row["lang"], dt.date.fromisoformat(row["question_date"]))
    assert found is not None and found.person_id == row["person_id"]


def test_unknown_title_stays_unresolved() -> None:
    assert ACTORS.resolve_addressee("au ministre des Sports et des Loisirs", "fr", dt.date(2023, 1, 31)) is None


def test_title_outside_its_period_stays_unresolved() -> None:
    title = "vice-premier ministre et ministre de l'Economie et du Travail"
    assert ACTORS.resolve_addressee(title, "fr", dt.date(2023, 1, 31)).person_id == "pierre-yves-dermagne"
    assert ACTORS.resolve_addressee(title, "fr", dt.date(2018, 1, 31)) is None


def test_feminine_and_spelling_variants_normalise_alike() -> None:
    assert normalise_title("à la Vice-Première ministre et ministre de l’Economie") == \
        normalise_title("au vice-premier ministre et ministre de l'Économie")
    assert normalise_title("aan de vice-eerste minister") == normalise_title("vice-eersteminister")


def test_reduced_precision_dates() -> None:
    assert parse_reference_date("2022") == dt.date(2022, 1, 1)
    assert parse_reference_date("2020-10", end=True) == dt.date(2020, 10, 31)
    assert parse_reference_date("") is None


def test_author_names_resolve_with_accents_and_order() -> None:
    assert ACTORS.person_for_name("GAETAN VAN GOIDSENHOVEN") == "gaetan-van-goidsenhoven"
    assert ACTORS.person_for_name("Ampe Els") == "els-ampe"
    assert ACTORS.person_for_name("Nobody Known") is None


PREFIXES = """PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
PREFIX epvoc: <https://data.europarl.europa.eu/def/epvoc#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
"""


@pytest.mark.parametrize("number, minister", [("7-1874", "Pierre-Yves Dermagne"), ("7-75", "Didier Reynders")])
def test_minister_behind_the_addressee_with_provenance(seed_store: Store, number: str, minister: str) -> None:
    rows = list(seed_store.query(PREFIXES + f"""
        SELECT ?name ?score ?method ?post WHERE {{
          ?q dcterms:identifier "{number}" ; epvoc:workHadParticipation ?p .
          ?p eli-dl:participation_role pg:Addressee ; pg:addressedPost ?post ;
             eli-dl:had_participant_person/foaf:name ?name ; prov:wasGeneratedBy ?a .
          ?a pg:score ?score ; pg:method ?method . }}"""))
    assert [r["name"].value for r in rows] == [minister]
    assert float(rows[0]["score"].value) >= 90 and "rapidfuzz" in rows[0]["method"].value


def test_els_ampe_open_vld_membership_contains_the_question_date(seed_store: Store) -> None:
    assert bool(seed_store.query(PREFIXES + """
        ASK { ?m org:member <https://w3id.org/parlgraph/person/els-ampe> ;
                 org:organization <https://w3id.org/parlgraph/party/open-vld> ; org:memberDuring ?i .
              ?i time:hasBeginning/time:inXSDDate ?b . OPTIONAL { ?i time:hasEnd/time:inXSDDate ?e }
              FILTER(?b <= "2023-01-31"^^<http://www.w3.org/2001/XMLSchema#date> &&
                     (!BOUND(?e) || ?e >= "2023-01-31"^^<http://www.w3.org/2001/XMLSchema#date>)) }"""))


def test_party_rename_is_a_successor_link(seed_store: Store) -> None:
    assert bool(seed_store.query(
        "ASK { <https://w3id.org/parlgraph/party/vooruit> <http://purl.org/dc/terms/replaces> "
        "<https://w3id.org/parlgraph/party/sp-a> }"))


def test_author_links_to_the_reference_person_and_party(seed_store: Store) -> None:
    rows = list(seed_store.query(PREFIXES + """
        SELECT ?person ?party WHERE { ?q dcterms:identifier "7-984" ; epvoc:workHadParticipation ?p .
          ?p eli-dl:had_participant_person ?person ; eli-dl:participation_in_name_of ?party }"""))
    assert [(r["person"].value, r["party"].value) for r in rows] == [
        ("https://w3id.org/parlgraph/person/gaetan-van-goidsenhoven", "https://w3id.org/parlgraph/party/mr")]


def test_unresolved_addressee_is_reported_not_guessed(tmp_path: Path) -> None:
    page = (SEEDS / "7-1874.fr.txt").read_text(encoding="utf-8").replace(
        "au vice-premier ministre et ministre de l'Economie et du Travail", "au ministre des Sports et des Loisirs")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "7-1874.fr.txt").write_text(page, encoding="utf-8")
    store = Store(tmp_path / "store")
    report = build([pages], store, Settings(store=str(tmp_path / "store")), extract=False)
    assert any("addressee unresolved" in p and "Sports" in p for p in report.unresolved)
    assert not bool(store.query("ASK { ?p <https://w3id.org/parlgraph/ontology#addressedPost> ?post }"))
    coverage = coverage_report(store, ACTORS, SETTINGS.base_uri)
    assert coverage.addressees == 1 and coverage.addressees_resolved == 0
    assert coverage.unresolved == ["7-1874 (2023-01-31): ministre des Sports et des Loisirs"]


def test_party_mismatch_is_reported(tmp_path: Path) -> None:
    page = (SEEDS / "7-1874.fr.txt").read_text(encoding="utf-8").replace("(Open Vld)", "(N-VA)")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "7-1874.fr.txt").write_text(page, encoding="utf-8")
    report = build([pages], Store(tmp_path / "store"), Settings(store=str(tmp_path / "store")), extract=False)
    assert any("party mismatch for Els Ampe" in p and "'N-VA'" in p for p in report.unresolved)


def test_coverage_on_seed_store(seed_store: Store) -> None:
    coverage = coverage_report(seed_store, ACTORS, SETTINGS.base_uri)
    assert coverage.share_resolved == 1.0 and coverage.unknown_authors == []
    assert any(p.startswith("Wilmès I ") and "no French titles" in p for p in coverage.uncovered_periods)

"""Every query of the catalogue runs on the seed graph and gives the rows a reader expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.results import term_text
from graph.store import Store

QUERIES = Path(__file__).resolve().parent.parent / "queries"


def rows(store: Store, name: str) -> list[dict[str, str]]:
    result = store.query((QUERIES / name).read_text(encoding="utf-8"))
    variables = [v.value for v in result.variables]
    return [{v: term_text(s[v]) for v in variables} for s in result]


def test_every_query_has_a_header_and_a_test() -> None:
    for path in QUERIES.glob("*.rq"):
        head = path.read_text(encoding="utf-8").splitlines()[:3]
        assert head[0].startswith("# title: ") and head[1].startswith("# description: "), path.name
        assert path.name in EXPECTED_FIRST_ROW, f"{path.name} has no test"


EXPECTED_FIRST_ROW = {
    "question-card.rq": {"author": "Els Ampe", "party": "Open Vld", "date": "2023-01-31",
                         "postTitle": "vice-premier ministre et ministre de l'Economie et du Travail",
                         "deadline": "2023-03-02"},
    "questions-of-author.rq": {"number": "7-639", "date": "2020-09-22"},
    "questions-per-party-per-year.rq": {"party": "Vlaams Belang", "year": "2010", "questions": "2"},
    "questions-to-post.rq": {"number": "5-612", "date": "2010-12-16"},
    "cross-posted-groups.rq": {"number": "7-1874", "others": "3"},
    "questions-citing-domain.rq": {"number": "7-1874", "date": "2023-01-31"},
    "minister-behind-addressee.rq": {"number": "5-611", "minister": "Melchior Wathelet", "government": "Leterme II",
                                     "score": "100"},
    "cross-posted-who-answered.rq": {"number": "5-611", "sibling": "5-611", "minister": "Melchior Wathelet",
                                     "status": "answered"},
    "late-answers-per-minister.rq": {"minister": "Didier Reynders", "answered": "2", "late": "1"},
    "unanswered-per-post.rq": {"minister": "Frank Vandenbroucke", "overdue": "2"},
    "companies-and-parties.rq": {"company": "Dahua", "country": "China", "questions": "1", "parties": "Open Vld"},
    "questions-about-concept.rq": {"number": "7-639", "descriptor": "matériel médical"},
    "topics-per-minister-per-year.rq": {"minister": "Alexander De Croo", "year": "2023", "topic": "Chine"},
    "questions-citing-same-page.rq": {},
}
EXPECTED_COUNT = {
    "question-card.rq": 1, "questions-of-author.rq": 3, "questions-per-party-per-year.rq": 9,
    "questions-to-post.rq": 3, "cross-posted-groups.rq": 4, "questions-citing-domain.rq": 1,
    "minister-behind-addressee.rq": 12, "cross-posted-who-answered.rq": 11, "late-answers-per-minister.rq": 3,
    "unanswered-per-post.rq": 4, "companies-and-parties.rq": 2, "questions-about-concept.rq": 6,
    "topics-per-minister-per-year.rq": 45, "questions-citing-same-page.rq": 0,
}


def test_cross_posted_questions_not_in_the_store_are_named(seed_store: Store) -> None:
    result = rows(seed_store, "cross-posted-who-answered.rq")
    group = [(r["sibling"], r["status"]) for r in result if r["number"] == "7-1874"]
    assert group == [("7-1874", "awaiting answer"), ("7-1875", "not in the store"),
                     ("7-1876", "not in the store"), ("7-1877", "not in the store")]


@pytest.mark.parametrize("name", sorted(EXPECTED_FIRST_ROW))
def test_catalogue_query(seed_store: Store, name: str) -> None:
    result = rows(seed_store, name)
    assert len(result) == EXPECTED_COUNT[name]
    if not result:
        return
    first = result[0]
    for key, value in EXPECTED_FIRST_ROW[name].items():
        assert first[key] == value, key


def test_cross_posted_group_lists_all_others(seed_store: Store) -> None:
    first = rows(seed_store, "cross-posted-groups.rq")[0]
    assert sorted(first["alsoAskedAs"].split()) == ["7-1875", "7-1876", "7-1877"]


def test_questions_citing_the_same_page(tmp_path: Path) -> None:
    """Two pages citing one article: made from 7-1874 under another number."""
    from graph.ingest import build
    from graph.settings import Settings

    from conftest import SEEDS

    pages = tmp_path / "pages"
    pages.mkdir()
    page = (SEEDS / "7-1874.fr.txt").read_text(encoding="utf-8")
    (pages / "7-1874.fr.txt").write_text(page, encoding="utf-8")
    (pages / "7-1875.fr.txt").write_text(page.replace("7-1874", "7-1875").replace(
        "(https://www.humo.be/achter", "(https://www.humo.be/ander artikel) (https://www.humo.be/achter"), encoding="utf-8")
    store = Store(tmp_path / "store")
    build([pages], store, Settings(store=str(tmp_path / "store")), extract=False)
    found = {(r["first"], r["second"], r["how"], r["shared"]) for r in rows(store, "questions-citing-same-page.rq")}
    assert ("7-1874", "7-1875", "same domain", "www.humo.be") in found
    assert ("7-1874", "7-1875", "same page",
            "https://www.theguardian.com/world/2022/dec/29/china-surveillance-protests-alarms-cameras-hikvision") in found

"""Every corpus page with the fields a careful reader sees (PARSE-CONTRACT.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.parse import parse_file
from graph.reference import descriptor_labels
from graph.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "questions"
LABELS = descriptor_labels(Settings().reference)

# file -> fields read off the page by a person (only the fields listed are compared)
EXPECTED: dict[str, dict] = {
    "7-1874.fr.txt": {
        "number": "7-1874", "legislature": 7, "page_language": "fr", "original_language": "nl",
        "author": {"name": "Els Ampe", "party": "Open Vld"}, "date": "2023-01-31",
        "addressee": "vice-premier ministre et ministre de l'Economie et du Travail",
        "title": "Hikvision - Caméras - Surveillance - Vie privée - Acteurs étrangers - Chiffres et tendances",
        "headings": ["Hikvision", "Caméras", "Surveillance", "Vie privée", "Acteurs étrangers", "Chiffres et tendances"],
        "descriptors": ["appareil d'enregistrement", "protection de la vie privée", "Chine", "logiciel",
                        "espionnage", "sûreté de l'Etat", "service secret"],
        "descriptors_nl": [],
        "events": [{"date": "2023-01-31", "kind": "sent", "deadline": "2023-03-02"}],
        "also_asked": ["7-1875", "7-1876", "7-1877"],
        "reintroduced_from": [], "reintroduced_as": [], "requalified_as": [], "requalified_from": [],
        "cited_urls": [
            "https://www.theguardian.com/world/2022/dec/29/china-surveillance-protests-alarms-cameras-hikvision",
            "https://www.humo.be/achter-het-nieuws/de-veiligheid-van-ons-land-staat-op-het-spel-china-kan-ons-dagelijks-leven-op-de-voet-volgen~bafabade/",
        ],
        "answer": None, "status": "awaiting_answer", "n_subquestions": 8,
    },
    "7-75.fr.txt": {
        "number": "7-75", "original_language": "nl", "date": "2019-09-25",
        "author": {"name": "Willem-Frederik Schiltz", "party": "Open Vld"},
        "addressee": "vice-premier ministre et ministre des Affaires étrangères et européennes, et de la Défense, "
                     "chargé de Beliris et des Institutions culturelles fédérales",
        "events": [{"date": "2019-09-25", "kind": "sent", "deadline": "2019-10-24"},
                   {"date": "2019-11-27", "kind": "answered", "deadline": None}],
        "also_asked": ["7-74", "7-76"],
        "cited_urls": ["https://decorrespondent.nl/10307/berucht-chinees-veiligheidsministerie-gebruikt-"
                       "nederlandse-software-die-emoties-leest/317002092-cae75d58"],
        "answer": {"date": "2019-11-27", "text": None}, "status": "answered", "n_subquestions": 5,
        "descriptors": ["sécurité des systèmes d'information", "Chine", "Pays-Bas", "commerce des armes",
                        "licence d'exportation", "intelligence artificielle"],
    },
    "7-639.nl.txt": {
        "number": "7-639", "page_language": "nl", "original_language": "nl", "date": "2020-09-22",
        "author": {"name": "Yves Buysse", "party": "Vlaams Belang"},
        "addressee": "minister van Digitale Agenda, Telecommunicatie en Post, belast met Administratieve "
                     "Vereenvoudiging, Bestrijding van de sociale fraude, Privacy en Noordzee",
        "events": [{"date": "2020-09-22", "kind": "sent", "deadline": "2020-10-22"},
                   {"date": "2020-10-01", "kind": "closed", "deadline": None}],
        "reintroduced_as": ["7-705", "7-751"], "also_asked": [],
        "status": "closed", "answer": None, "n_subquestions": 3,
        "descriptors": ["epidemie", "infectieziekte", "medisch en chirurgisch materiaal", "schaarste"],
    },
    "7-984.nl.txt": {
        "number": "7-984", "page_language": "nl", "original_language": "fr", "date": "2021-01-28",
        "author": {"name": "Gaëtan Van Goidsenhoven", "party": "MR"},
        "addressee": "vice-eersteminister en minister van Sociale Zaken en Volksgezondheid",
        "events": [{"date": "2021-01-28", "kind": "sent", "deadline": "2021-03-04"},
                   {"date": "2021-04-29", "kind": "reminder", "deadline": None}],
        "status": "awaiting_answer", "n_subquestions": 0,
    },
    "7-1179.nl.txt": {
        "number": "7-1179", "page_language": "nl", "original_language": None, "date": "2021-03-31",
        "author": {"name": "Alexander Miesen", "party": "MR"},
        "title": "Covid-19 - Impfstrategie - AstraZeneca - Nebenwirkungen COVID-19 - vaccinatiestrategie - "
                 "AstraZeneca - bijwerkingen",
        "descriptors": ["epidemie", "vaccin", "vaccinatie", "gevaren voor de gezondheid"],
        "events": [{"date": "2021-03-31", "kind": "sent", "deadline": "2021-04-29"}],
        "status": "awaiting_answer", "n_subquestions": 3,
    },
    "7-1274.fr.txt": {
        "number": "7-1274", "original_language": "nl", "date": "2021-06-23",
        "author": {"name": "Bert Anciaux", "party": "Vooruit"},
        "title": "Crise du coronavirus - Stratégie de vaccination - Résultats - Nombre de contaminations - "
                 "Raisons - Information de la population - Communication (Covid-19)",
        "status": "awaiting_answer", "n_subquestions": 2,
    },
    "7-1508.fr.txt": {
        "number": "7-1508", "original_language": "fr", "date": "2022-03-09",
        "author": {"name": "Véronique Durenne", "party": "MR"},
        "events": [{"date": "2022-03-09", "kind": "sent", "deadline": "2022-04-07"},
                   {"date": "2023-06-02", "kind": "reminder", "deadline": None}],
        "descriptors": ["épidémie", "vaccin", "vaccination"],
        "status": "awaiting_answer", "n_subquestions": 3,
    },
    "7-1923.fr.txt": {
        "number": "7-1923", "original_language": "fr", "date": "2023-03-06",
        "author": {"name": "Gaëtan Van Goidsenhoven", "party": "MR"}, "addressee": "premier ministre",
        "descriptors": ["médias sociaux", "Chine", "protection des communications", "espionnage",
                        "sûreté de l'Etat", "ministre"],
        "status": "awaiting_answer", "n_subquestions": 3,
    },
    "5-611.fr.txt": {
        "number": "5-611", "legislature": 5, "original_language": "nl", "date": "2010-12-16",
        "author": {"name": "Yves Buysse", "party": "Vlaams Belang"},
        "addressee": "secrétaire d'État au Budget, à la Politique de migration et d'asile, à la Politique des "
                     "familles et aux Institutions culturelles fédérales",
        "events": [{"date": "2010-12-16", "kind": "sent", "deadline": None},
                   {"date": "2011-01-31", "kind": "answered", "deadline": None}],
        "also_asked": ["5-612"], "status": "answered", "n_subquestions": 0,
        "answer_date": "2011-01-31",
    },
    "5-611.nl.txt": {
        "number": "5-611", "page_language": "nl", "original_language": "nl", "date": "2010-12-16",
        "addressee": "staatssecretaris voor Begroting, Migratie- en asielbeleid, Gezinsbeleid en Federale "
                     "Culturele Instellingen",
        "events": [{"date": "2010-12-16", "kind": "sent", "deadline": None},
                   {"date": "2011-01-31", "kind": "answered", "deadline": None}],
        "also_asked": ["5-612"], "status": "answered", "answer_date": "2011-01-31", "n_subquestions": 0,
    },
    "5-612.fr.txt": {
        "number": "5-612", "date": "2010-12-16", "also_asked": ["5-611"],
        "events": [{"date": "2010-12-16", "kind": "sent", "deadline": None},
                   {"date": "2011-08-01", "kind": "answered", "deadline": None}],
        "answer_date": "2011-08-01", "status": "answered", "n_subquestions": 0,
    },
    "5-7481.fr.print.txt": {
        "number": "5-7481", "page_language": "fr", "original_language": "nl", "date": "2012-12-05",
        "author": {"name": "Karl Vanlouwe", "party": "N-VA"},
        "addressee": "vice-premier ministre et ministre des Affaires étrangères, du Commerce extérieur et des "
                     "Affaires européennes",
        "title": "Signature royale de textes de loi - Étranger - Frais de transport",
        "descriptors": ["Roi et famille royale", "transport aérien"], "events": [],
        "answer_date": "2013-01-17", "status": "answered", "n_subquestions": 5,
    },
    "5-611.bilingual.print.txt": {
        "number": "5-611", "page_language": "fr+nl", "original_language": "nl", "date": "2010-12-16",
        "author": {"name": "Yves Buysse", "party": "Vlaams Belang"},
        "addressee": "secrétaire d'État au Budget, à la Politique de migration et d'asile, à la Politique des "
                     "familles et aux Institutions culturelles fédérales",
        "title": "Demandeurs d'asile - Problème de l'accueil - Utilisation de la caserne de gendarmerie de Knokke-Heist",
        "descriptors": ["Agence fédérale pour l'accueil des demandeurs d'asile", "asile politique",
                        "Régie des Bâtiments", "équipement social", "demandeur d'asile"],
        "descriptors_nl": ["Federaal Agentschap voor de opvang van asielzoekers", "politiek asiel",
                           "Regie der Gebouwen", "sociale voorzieningen", "asielzoeker"],
        "events": [{"date": "2010-12-16", "kind": "sent", "deadline": None},
                   {"date": "2011-01-31", "kind": "answered", "deadline": None}],
        "also_asked": ["5-612"], "answer": None, "status": "answered", "n_subquestions": 0,
    },
}


def test_every_corpus_page_has_expectations() -> None:
    pages = {p.name for p in SEEDS.iterdir() if p.suffix == ".txt"}
    assert pages == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_page(name: str) -> None:
    record = parse_file(SEEDS / name, LABELS).to_dict()
    expected = dict(EXPECTED[name])
    if "n_subquestions" in expected:
        assert len(record["subquestions"]) == expected.pop("n_subquestions")
    if "answer_date" in expected:
        assert record["answer"]["date"] == expected.pop("answer_date")
    for key, value in expected.items():
        assert record[key] == value, key


def test_keys_follow_the_contract_order() -> None:
    record = parse_file(SEEDS / "7-1874.fr.txt", LABELS).to_dict()
    assert list(record) == [
        "source", "number", "legislature", "page_language", "original_language", "author", "date", "addressee",
        "title", "headings", "descriptors", "descriptors_nl", "events", "also_asked", "reintroduced_from",
        "reintroduced_as", "requalified_as", "requalified_from", "body", "subquestions", "cited_urls", "answer",
        "status", "warnings",
    ]


# --- one test per quirk ------------------------------------------------------------------------------

def parsed(name: str) -> dict:
    return parse_file(SEEDS / name, LABELS).to_dict()


def test_glued_date_and_deadline() -> None:
    assert parsed("7-1874.fr.txt")["events"][0] == {"date": "2023-01-31", "kind": "sent", "deadline": "2023-03-02"}


def test_spaced_dates_with_space_before_closing_parenthesis() -> None:
    assert parsed("7-639.nl.txt")["events"][0]["deadline"] == "2020-10-22"


def test_hyphens_restored_in_parenthesised_address_with_tilde() -> None:
    assert parsed("7-1874.fr.txt")["cited_urls"][1].endswith("op-de-voet-volgen~bafabade/")


def test_mojibake_repaired_with_warning() -> None:
    record = parsed("7-984.nl.txt")
    assert record["author"]["name"] == "Gaëtan Van Goidsenhoven"
    assert "patiënten" in record["body"] and "Ž" not in record["body"]
    assert any("mojibake" in w for w in record["warnings"])


def test_month_typo_in_answer_date() -> None:
    assert parsed("5-612.fr.txt")["answer"]["date"] == "2011-08-01"


def test_numbered_answer_items_are_not_subquestions() -> None:
    record = parsed("5-612.fr.txt")
    assert record["subquestions"] == []
    assert record["answer"]["text"].startswith("En réponse à vos questions,\n\n1. Il y a actuellement")


def test_bullets_are_not_subquestions() -> None:
    assert parsed("5-611.nl.txt")["subquestions"] == []


def test_cut_page_keeps_fields_and_warns() -> None:
    record = parsed("7-1923.fr.txt")
    assert record["subquestions"][-1] == "Existe-t-il des règ"
    assert any("cut short" in w for w in record["warnings"])


def test_complete_page_has_no_warning() -> None:
    assert parsed("7-1874.fr.txt")["warnings"] == []


def test_german_original_subquestions_from_original_when_translation_is_cut() -> None:
    record = parsed("7-1179.nl.txt")
    assert record["subquestions"][0].startswith("Auf Basis welcher wissenschaftlichen Erkenntnisse")
    assert "_____________" in record["body"] and "Het nieuws verspreidde zich" in record["body"]


def test_answer_not_yet_available_gives_null_text() -> None:
    assert parsed("7-75.fr.txt")["answer"] == {"date": "2019-11-27", "text": None}


def test_reintroduced_twice_and_closed() -> None:
    record = parsed("7-639.nl.txt")
    assert record["reintroduced_as"] == ["7-705", "7-751"] and record["status"] == "closed"


def test_french_reminder_word_on_dutch_page() -> None:
    assert parsed("7-984.nl.txt")["events"][1]["kind"] == "reminder"


def test_print_page_inline_subquestions_and_two_descriptors_on_one_line() -> None:
    record = parsed("5-7481.fr.print.txt")
    assert record["subquestions"][0] == "Ces trois dernières années, combien de textes de loi le Roi a-t-il signés ?"
    assert record["subquestions"][-1] == "Quel est le coût total par vol ?"
    assert record["descriptors"] == ["Roi et famille royale", "transport aérien"]
    assert "|" not in record["body"] and record["answer"]["text"].startswith("J’informe")


def test_bilingual_print_events_and_links_count_once() -> None:
    record = parsed("5-611.bilingual.print.txt")
    assert len(record["events"]) == 2 and record["also_asked"] == ["5-612"]
    assert record["body"].startswith("Depuis quelques mois, Fedasil")

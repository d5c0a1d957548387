"""Bad input and the contract's rules on small, made-up inputs."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from graph.errors import ParseError
from graph.extract.urls import find_cited_urls
from graph.parse import parse_bytes, parse_file
from graph.parse.descriptors import DescriptorLabels, split_descriptor_lines
from graph.parse.subquestions import find_subquestions

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "questions"
PAGE = (SEEDS / "7-1874.fr.txt").read_text(encoding="utf-8")


def test_empty_file_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match="empty.txt: empty file"):
        parse_bytes(b"  \n", "empty.txt")


def test_binary_file_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match="image.txt: binary file"):
        parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")


def test_page_without_header_names_file_and_line() -> None:
    with pytest.raises(ParseError) as caught:
        parse_bytes("\n\nBienvenue au Sénat\nAgenda des séances\n".encode(), "home.txt")
    assert caught.value.line == 3 and "home.txt:3" in str(caught.value)


def test_page_cut_inside_the_chronology() -> None:
    cut = PAGE[: PAGE.index("31/1/2023Envoi question") + len("31/1/2023Envoi qu")]
    record = parse_bytes(cut.encode(), "cut.txt")
    assert record.events[0].kind == "sent" and record.events[0].date == "2023-01-31"
    assert record.body is None and record.title.startswith("Hikvision")
    assert any("cut short" in w for w in record.warnings)


def test_unknown_event_is_kept_as_other_with_warning() -> None:
    text = PAGE.replace("31/1/2023Envoi question (Fin du délai de réponse: 2/3/2023)",
                        "31/1/2023Envoi question (Fin du délai de réponse: 2/3/2023)\n5/2/2023Transmission au collège")
    record = parse_bytes(text.encode(), "odd.txt")
    assert record.events[1].kind == "other" and record.events[1].date == "2023-02-05"
    assert any("Transmission au collège" in w for w in record.warnings)


def test_non_utf8_file_is_read_with_a_warning() -> None:
    record = parse_bytes(PAGE.encode("cp1252", errors="replace"), "latin.txt")
    assert record.title.startswith("Hikvision - Caméras") and record.number == "7-1874"
    assert any("not UTF-8" in w for w in record.warnings)


def test_cut_inside_answer_header() -> None:
    page = (SEEDS / "7-75.fr.txt").read_text(encoding="utf-8")
    cut = page[: page.index("Réponse reçue le") + len("Réponse reçue le 27 nov")]
    record = parse_bytes(cut.encode(), "cut.txt")
    assert record.answer is not None and record.answer.date is None and record.answer.text is None


def test_saved_html_page_parses_like_the_text() -> None:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" if line else "" for line in PAGE.split("\n"))
    saved = f"<!DOCTYPE html><html><head><title>Sénat</title><script>var x=1;</script></head><body><div>{paragraphs}</div></body></html>"
    from_html = parse_bytes(saved.encode(), "7-1874.fr.html").to_dict()
    from_text = parse_file(SEEDS / "7-1874.fr.txt").to_dict()
    from_html.pop("source"), from_text.pop("source")
    assert from_html == from_text


@pytest.mark.parametrize("lines, expected", [
    (["1) a?", "2) b?"], ["a?", "b?"]),
    (["1.a?", "3. c?", "3. c again?"], ["a?", "c?", "c again?"]),  # at line start: as printed
    (["Questions : 1) a ? 2) b ? 3) c ?"], ["a ?", "b ?", "c ?"]),
    (["am 16. März 2021 und 17. März"], []),  # a date is no item
    (["zie blz. 46) en verder"], []),  # a page reference is no item
    (["1) a 2. b"], ["a 2. b"]),  # a line-start item keeps the rest of the line
    (["- bullet", "Lead question?"], []),
])
def test_subquestions(lines: list[str], expected: list[str]) -> None:
    assert find_subquestions(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("(cf. https://a.be/x y z)", ["https://a.be/x-y-z"]),
    ("see https://a.be/x y", ["https://a.be/x"]),
    ("(https://a.be/one) and https://a.be/one.", ["https://a.be/one"]),
    ("(source: https://a.be/x, page 2", ["https://a.be/x,-page-2"]),
    ("no address here", []),
])
def test_cited_urls(text: str, expected: list[str]) -> None:
    assert find_cited_urls(text) == expected


def test_descriptor_split_rules() -> None:
    labels = DescriptorLabels()
    for label in ("transport aérien", "contingent de l'armée", "armée"):
        labels.add(label, preferred=True)
    warnings: list[str] = []
    assert split_descriptor_lines(["Roi et famille royale transport aérien"], labels, warnings) == [
        "Roi et famille royale", "transport aérien"]
    assert split_descriptor_lines(["contingent de l’armée"], labels, warnings) == ["contingent de l’armée"]
    assert split_descriptor_lines(["vague chose inconnue"], labels, warnings) == ["vague chose inconnue"]
    assert len(warnings) == 1

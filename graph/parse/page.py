"""Page text -> Question record, per PARSE-CONTRACT.md. Pure: no I/O.

A page is read as lines. The header ("Question écrite n° 7-1874") anchors everything; the other parts
are found by what they look like (author line, addressee line, chronology events, link lines, body
header, answer header), so the three page kinds (HTML page, unilingual print, bilingual print) share
one reader and a page cut short still yields what it shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.errors import ParseError
from graph.extract.urls import find_cited_urls
from graph.model import Answer, Author, Event, Question, Requalification
from graph.parse import furniture as F
from graph.parse.dates import long_date, numeric_date
from graph.parse.descriptors import DescriptorLabels, split_descriptor_lines
from graph.parse.subquestions import find_subquestions

TERMINAL = ".?!:;»\")…'’"


@dataclass
class Line:
    number: int  # 1-based line number in the file
    text: str  # cleaned and stripped
    raw: str


@dataclass
class _Parts:
    """Positions (indexes into the line list) of what the reader found."""

    header: int
    author: int | None = None
    addressee: int | None = None
    title: int | None = None
    descriptors: list[int] = field(default_factory=list)
    body_header: int | None = None
    answer_header: int | None = None


def parse_page(text: str, source: str, labels: DescriptorLabels | None = None,
               warnings: list[str] | None = None) -> Question:
    """Read one page's text. Raises ParseError when it is not a written-question page."""
    warnings = list(warnings or [])
    lines = _clean_lines(text, warnings)
    header_index, header = _find_header(lines, source)
    bilingual = _is_bilingual(lines, header_index)
    is_print = bilingual or any(F.fold(line.text).startswith(F.PRINT_MARKERS) for line in lines[:header_index + 1])
    page_language = "fr+nl" if bilingual else F.HEADER_LANGUAGE[header["label"].split()[0].lower()]
    record = Question(
        source=source,
        number=f"{int(header['leg'])}-{int(header['n'])}",
        legislature=int(header["leg"]),
        page_language=page_language,
        warnings=warnings,
    )
    parts = _locate(lines, header_index)
    _read_author_and_addressee(lines, parts, record)
    _read_title(lines, parts, record, bilingual)
    _read_descriptors(lines, parts, record, labels, bilingual, is_print)
    _read_chronology(lines, parts, record, bilingual)
    _read_body(lines, parts, record, bilingual)
    _read_answer(lines, parts, record)
    if record.date is None:
        record.date = _print_header_date(lines[:header_index])
    record.status = _status(record)
    _check_truncation(lines, parts, record)
    return record


# --- lines -------------------------------------------------------------------------------------------

def _clean_lines(text: str, warnings: list[str]) -> list[Line]:
    repaired = False
    lines = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw
        for bad, good in F.MOJIBAKE.items():
            if bad in line:
                line = line.replace(bad, good)
                repaired = True
        line = F.PRINT_CELL_NOISE.sub("", line)
        lines.append(Line(number, " ".join(line.split()), raw))
    if repaired:
        warnings.append("mojibake repaired: 'Ž' read as 'ë'")
    return lines


def _find_header(lines: list[Line], source: str) -> tuple[int, re.Match[str]]:
    candidates = [(i, m) for i, line in enumerate(lines[:60]) if (m := F.HEADER.search(line.text))]
    for index, match in candidates:
        if not _body_header(lines[index].text):
            return index, match
    if candidates:
        return candidates[0]
    first = next((line for line in lines if line.text), None)
    raise ParseError(
        source, first.number if first else None,
        "not a Senate written-question page: no 'Question écrite n°' or 'Schriftelijke vraag nr.' header",
    )


def _is_bilingual(lines: list[Line], header_index: int) -> bool:
    header = F.fold(lines[header_index].text)
    first = next((F.fold(line.text) for line in lines if line.text), "")
    return ("question ecrite" in header and "schriftelijke vraag" in header) or all(
        marker in first for marker in F.PRINT_MARKERS
    )


def _is_stop(text: str) -> bool:
    """A line that ends the descriptor list: chronology, event, link line, body or answer header."""
    folded = F.fold(text)
    return (
        folded in F.CHRONOLOGY
        or bool(F.EVENT.match(text))
        or _link_field(text) is not None
        or bool(_body_header(text))
        or bool(F.ANSWER_HEADER.match(text))
    )


def _body_header(text: str) -> re.Match[str] | None:
    return F.BODY_HEADER.search(text)


def _locate(lines: list[Line], header_index: int) -> _Parts:
    parts = _Parts(header=header_index)
    for index in range(header_index + 1, len(lines)):
        text = lines[index].text
        if parts.body_header is None and _body_header(text):
            parts.body_header = index
        elif parts.body_header is not None and F.ANSWER_HEADER.match(text):
            parts.answer_header = index
            break
    end = parts.body_header if parts.body_header is not None else len(lines)
    for index in range(header_index + 1, end):
        text = lines[index].text
        if parts.author is None and F.AUTHOR.match(text) and text[:3].lower() in {"de ", "van"}:
            parts.author = index
        elif parts.author is not None and parts.addressee is None and _addressee_prefix(text):
            parts.addressee = index
            break
    return parts


def _addressee_prefix(text: str) -> str | None:
    lowered = text.lower()
    return next((p for p in F.ADDRESSEE_PREFIXES if lowered.startswith(p)), None)


# --- header fields -----------------------------------------------------------------------------------

def _read_author_and_addressee(lines: list[Line], parts: _Parts, record: Question) -> None:
    if parts.author is not None:
        match = F.AUTHOR.match(lines[parts.author].text)
        assert match is not None
        party = (match["party"] or "").strip() or None
        record.author = Author(name=match["name"].strip(), party=party)
        if match["date"]:
            record.date = long_date(match["date"], record.warnings)
            if record.date is None:
                record.warnings.append(f"line {lines[parts.author].number}: unreadable date {match['date']!r}")
    if parts.addressee is not None:
        text = lines[parts.addressee].text
        prefix = _addressee_prefix(text) or ""
        record.addressee = text[len(prefix):].strip()


def _next_content(lines: list[Line], start: int, end: int | None = None) -> int | None:
    for index in range(start, end if end is not None else len(lines)):
        text = lines[index].text
        if text and not F.SEPARATOR.match(text):
            return index
    return None


def _read_title(lines: list[Line], parts: _Parts, record: Question, bilingual: bool) -> None:
    if parts.addressee is None:
        return
    start = parts.addressee + 1
    if bilingual:  # the Dutch addressee line follows the French one
        nl = _next_content(lines, start)
        if nl is not None and _addressee_prefix(lines[nl].text):
            start = nl + 1
    index = _next_content(lines, start, parts.body_header)
    if index is None or _is_stop(lines[index].text):
        return
    parts.title = index
    title = lines[index].text
    if bilingual:
        title = _french_title(title, record.warnings)
    record.title = title
    record.headings = [h.strip() for h in title.split(" - ") if h.strip()]


def _french_title(line: str, warnings: list[str]) -> str:
    """The French half of a bilingual title line: both titles have as many headings, so the join lies
    inside the middle heading, before the first word of the Dutch title and after words that both
    titles end with."""
    headings = line.split(" - ")
    if len(headings) % 2 == 0:
        warnings.append("bilingual title could not be split into French and Dutch; kept as printed")
        return line
    half = len(headings) // 2
    words = headings[half].split()
    tail = headings[-1].split()
    candidates = [k for k in range(1, len(words)) if words[k][:1].isupper()]
    for shared in range(len(tail), 0, -1):  # longest ending shared by both titles first
        for k in candidates:
            if words[k - shared:k] == tail[-shared:]:
                return " - ".join(headings[:half] + [" ".join(words[:k])])
    if candidates:
        warnings.append("bilingual title split at the last capitalised word of the middle heading")
        return " - ".join(headings[:half] + [" ".join(words[: candidates[-1]])])
    warnings.append("bilingual title could not be split into French and Dutch; kept as printed")
    return line


def _read_descriptors(lines: list[Line], parts: _Parts, record: Question, labels: DescriptorLabels | None,
                      bilingual: bool, is_print: bool) -> None:
    if parts.title is None:
        return
    found: list[int] = []
    for index in range(parts.title + 1, parts.body_header if parts.body_header is not None else len(lines)):
        text = lines[index].text
        if not text:
            continue
        if F.SEPARATOR.match(text):
            if found:
                break
            continue
        if _is_stop(text):
            break
        found.append(index)
    parts.descriptors = found
    texts = [lines[i].text for i in found]
    french, dutch = (texts[: len(texts) // 2], texts[len(texts) // 2:]) if bilingual else (texts, [])
    if bilingual and len(texts) % 2:
        record.warnings.append("odd number of descriptor lines on a bilingual page; the last one is read as Dutch")
    if is_print and labels is not None:
        french = split_descriptor_lines(french, labels, record.warnings)
        dutch = split_descriptor_lines(dutch, labels, record.warnings)
    record.descriptors, record.descriptors_nl = french, dutch


# --- chronology and links ----------------------------------------------------------------------------

def _read_chronology(lines: list[Line], parts: _Parts, record: Question, bilingual: bool) -> None:
    start = (parts.descriptors[-1] if parts.descriptors else parts.title or parts.addressee or parts.header) + 1
    end = parts.body_header if parts.body_header is not None else len(lines)
    seen: set[tuple[str, str]] = set()
    for index in range(start, end):
        line = lines[index]
        text = line.text
        if not text or F.SEPARATOR.match(text) or F.fold(text) in F.CHRONOLOGY:
            continue
        event_match = F.EVENT.match(text)
        if event_match:
            event = _event(event_match, line, record, is_last=index == len(lines) - 1)
            if event and (event.date, event.kind) not in seen:
                seen.add((event.date, event.kind))
                record.events.append(event)
            continue
        field_name = _link_field(text)
        if field_name:
            _add_links(record, field_name, text)
            continue
        record.warnings.append(f"line {line.number}: unrecognised line before the question text: {text[:60]!r}")


def _event(match: re.Match[str], line: Line, record: Question, is_last: bool) -> Event | None:
    date = numeric_date(match["date"])
    if date is None:
        record.warnings.append(f"line {line.number}: unreadable event date {match['date']!r}")
        return None
    label = match["label"]
    deadline_match = F.DEADLINE.search(label)
    deadline = numeric_date(deadline_match["date"]) if deadline_match else None
    if deadline_match:
        label = label[: deadline_match.start()].strip()
    folded = F.fold(label)
    kind = next((k for prefix, k in F.EVENT_KINDS if folded.startswith(prefix)), None)
    if kind is None and is_last and len(folded) >= 3:  # a page cut inside the event label
        kind = next((k for prefix, k in F.EVENT_KINDS if prefix.startswith(folded)), None)
        if kind:
            record.warnings.append(f"line {line.number}: event label cut short ({label!r}), read as {kind}")
    if kind is None:
        kind = "other"
        record.warnings.append(f"line {line.number}: unknown event {label!r}")
    return Event(date=date, kind=kind, deadline=deadline if kind == "sent" else None)


def _link_field(text: str) -> str | None:
    match = F.LINK_LINE.match(text)
    if not match:
        return None
    label = F.fold(match["label"])
    return next((name for prefix, name in F.LINKS if label.startswith(prefix)), None)


def _add_links(record: Question, field_name: str, text: str) -> None:
    rest = text.split(":", 1)[1]
    targets: list = getattr(record, field_name)
    for match in F.LINK_TARGET.finditer(rest):
        number = match["number"]
        if field_name.startswith("requalified"):
            kind_text = F.fold(match["kind"].split(":")[-1])
            kind = next((v for k, v in F.REQUALIFICATION_KINDS.items() if kind_text.endswith(k)), kind_text)
            item = Requalification(kind=kind or "unknown", number=number)
            if all(t.number != number for t in targets):
                targets.append(item)
        elif number not in targets:
            targets.append(number)


# --- body and answer ---------------------------------------------------------------------------------

def _read_body(lines: list[Line], parts: _Parts, record: Question, bilingual: bool) -> None:
    if parts.body_header is None:
        return
    header = _body_header(lines[parts.body_header].text)
    assert header is not None
    if record.date is None:
        record.date = long_date(header["date"], record.warnings)
    if header["lang"]:
        words = F.fold(header["lang"]).split()
        record.original_language = F.ORIGINAL_LANGUAGE.get(words[-1]) if words else None
    end = parts.answer_header if parts.answer_header is not None else len(lines)
    paragraphs: list[str] = []
    for index in range(parts.body_header + 1, end):
        if bilingual and lines[index].raw == " ":
            break  # the French column ends at the line holding a single space
        if lines[index].text:
            paragraphs.append(lines[index].text)
    if parts.answer_header is None and paragraphs and _is_cut_answer_header(paragraphs[-1], lines):
        paragraphs.pop()
        record.answer = Answer(date=None, text=None)
        record.warnings.append("page cut inside the answer header")
    record.body = "\n\n".join(paragraphs) if paragraphs else None
    record.subquestions = find_subquestions(_subquestion_source(paragraphs))
    record.cited_urls = find_cited_urls(record.body or "")


def _is_cut_answer_header(text: str, lines: list[Line]) -> bool:
    folded = F.fold(text)
    last = next((line.text for line in reversed(lines) if line.text), "")
    return last == text and len(folded) >= 3 and any(
        label.startswith(folded) or folded.startswith(label)
        for label in ("reponse recue le", "antwoord ontvangen op")
    )


def _subquestion_source(paragraphs: list[str]) -> list[str]:
    """A German original is followed by a `_____` line and the translation: take the translation's
    items once they appear, the original's before that."""
    for i, paragraph in enumerate(paragraphs):
        if F.SEPARATOR.match(paragraph):
            translation = paragraphs[i + 1:]
            if find_subquestions(translation):
                return translation
            return paragraphs[:i]
    return paragraphs


def _read_answer(lines: list[Line], parts: _Parts, record: Question) -> None:
    if parts.answer_header is None:
        return
    line = lines[parts.answer_header]
    match = F.ANSWER_HEADER.match(line.text)
    assert match is not None
    date = long_date(match["date"], record.warnings) if match["date"] else None
    paragraphs = [ln.text for ln in lines[parts.answer_header + 1:] if ln.text]
    text = "\n\n".join(paragraphs) or None
    if text and F.fold(text).startswith(F.ANSWER_NOT_AVAILABLE):
        text = None
    if date is None:
        record.warnings.append(f"line {line.number}: answer header cut short or unreadable")
        text = None if not paragraphs else text
    record.answer = Answer(date=date, text=text)


def _print_header_date(lines: list[Line]) -> str | None:
    for line in lines:
        words = line.text.split()
        if len(words) >= 3:
            date = long_date(" ".join(words[:3]))
            if date:
                return date
    return None


def _status(record: Question) -> str:
    kinds = {event.kind for event in record.events}
    if record.requalified_as or "requalified" in kinds:
        return "requalified"
    if record.answer is not None or "answered" in kinds:
        return "answered"
    if kinds & {"closed", "end_of_legislature"}:
        return "closed"
    return "awaiting_answer"


def _check_truncation(lines: list[Line], parts: _Parts, record: Question) -> None:
    last = next((line for line in reversed(lines) if line.text), None)
    if parts.body_header is None:
        record.warnings.append("page cut short before the question text")
    elif last is not None and not last.text.endswith(tuple(TERMINAL)):
        record.warnings.append(f"line {last.number}: page appears cut short (ends mid-sentence)")

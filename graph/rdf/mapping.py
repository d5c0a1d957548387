"""Question records -> RDF quads (DESIGN.md, Ontology v1).

Each triple goes to the graph that owns its subject (`Uris.graph_of`): a question's resources to its own
named graph, people, parties and legislatures to the shared graph. So no triple sits in two graphs and
the union default graph gives every fact once (Oxigraph's union keeps duplicates across graphs).

All records of one question number (French page, Dutch page, print versions) map together into one
graph, so re-ingesting a question replaces that graph whole. Scalar facts come from the primary record
(an HTML page, French first); titles, texts, post titles and descriptors are kept per language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from graph.extract.entities import Entity, Mention
from graph.model import Question
from graph.rdf.namespaces import (
    DCTERMS, ELI, ELI_DL, EPVOC, EVENT, FOAF, LANGUAGE, LANGUAGE_CODES, ORG, PG, PROV, RDF, RDFS,
    RESOURCE_TYPE, ROLE, SCHEMA, SKOS, XSD,
)
from graph.rdf.uris import Uris, slug
from graph.resolve import Resolution
from graph.resolve.actors import AddresseeResolution

STATUS = {
    "awaiting_answer": PG.AwaitingAnswer,
    "answered": PG.Answered,
    "closed": PG.Closed,
    "requalified": PG.Requalified,
}
ACTIVITY_TYPE = {
    "sent": EVENT.DOCUMENT_SUBMISSION,
    "answered": PG.AnswerReceived,
    "reminder": PG.Reminder,
    "closed": PG.FileClosed,
    "end_of_legislature": PG.EndOfLegislature,
    "requalified": PG.Requalification,
    "other": PG.OtherEvent,
}
DOCUMENT_TYPE = {
    "request_for_explanation": PG.RequestForExplanation,
    "oral_question": PG.OralQuestion,
    "written_question": PG.WrittenQuestion,
}
SENATE_PAGE = "https://www.senate.be/www/?MIval=Vragen/SchriftelijkeVraag&LEG={leg}&NR={n}&LANG={lang}"
IRI_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


def _preference(record: Question) -> tuple[bool, bool, str]:
    return (record.page_language == "fr+nl" or "print" in record.source, record.page_language != "fr", record.source)


def primary_record(records: list[Question]) -> Question:
    """The record whose scalar facts stand for the question: an HTML page before a print, French first."""
    return min(records, key=_preference)


def map_question(records: list[Question], uris: Uris, resolution: Resolution | None = None,
                 mentions: list[Mention] | None = None) -> list[Quad]:
    """All quads of one question (records share a number), each in the graph that owns its subject."""
    main = primary_record(records)
    resolution = resolution or Resolution()
    number = main.number
    quads: list[Quad] = []
    graphs: dict[NamedNode, NamedNode] = {}

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is not None:
            graph = graphs.get(s)
            if graph is None:
                graph = graphs[s] = uris.graph_of(s)
            quads.append(Quad(s, p, o, graph))

    def label(node: NamedNode, text: str, language: str | None = None) -> None:
        add(node, RDFS.label, Literal(text, language=language) if language else Literal(text))

    q = uris.question(number)
    add(q, RDF.type, ELI.Work)
    add(q, RDF.type, PG.WrittenQuestion)
    add(q, ELI.work_type, RESOURCE_TYPE.QUEST_WRITTEN)
    add(q, DCTERMS.identifier, Literal(number))
    label(q, f"Question écrite {number}", "fr")
    label(q, f"Schriftelijke vraag {number}", "nl")
    label(q, f"Written question {number}", "en")
    add(q, ELI.date_document, _date(main.date))
    legislature = uris.legislature(main.legislature)
    add(q, ELI_DL.parliamentary_term, legislature)
    add(legislature, RDF.type, ELI_DL.ParliamentaryTerm)
    label(legislature, f"Législature {main.legislature}", "fr")
    label(legislature, f"Zittingsperiode {main.legislature}", "nl")
    label(legislature, f"Legislature {main.legislature}", "en")
    if main.original_language in LANGUAGE_CODES:
        add(q, EPVOC.originalLanguage, LANGUAGE[LANGUAGE_CODES[main.original_language]])
    add(q, PG.status, STATUS[main.status])

    sent = next((e for e in main.events if e.kind == "sent"), None)
    if sent is not None:
        add(q, PG.answerDeadline, _date(sent.deadline))

    author_participation = uris.participation(number, "author")
    addressee_participation = uris.participation(number, "addressee")
    if main.author is not None:
        _map_author(main, resolution, author_participation, q, uris, add, label)
    if any(r.addressee for r in records):
        add(q, EPVOC.workHadParticipation, addressee_participation)
        add(addressee_participation, RDF.type, ELI_DL.Participation)
        add(addressee_participation, ELI_DL.participation_role, PG.Addressee)
        for record in records:
            if record.addressee:
                add(addressee_participation, PG.postTitle, Literal(record.addressee, language=_lang(record)))
        if resolution.addressee is not None:
            _map_addressee_resolution(resolution.addressee, addressee_participation, uris, add)

    ordered = sorted(records, key=_preference)
    texts_from: dict[str, Question] = {}
    for record in ordered:
        texts_from.setdefault(_lang(record), record)
    for record in ordered:
        _map_expression(record, q, uris, add, texts=texts_from[_lang(record)] is record)
    for language, record in texts_from.items():
        for descriptor in record.descriptors:
            add(q, PG.descriptor, Literal(descriptor, language=language))
        for position, text in enumerate(record.subquestions, start=1):
            part = uris.part(number, position)
            add(q, ELI.has_part, part)
            add(part, RDF.type, PG.SubQuestion)
            add(part, ELI.is_part_of, q)
            add(part, ELI.number, Literal(str(position)))
            add(part, SCHEMA.text, Literal(text, language=language))
    if "nl" not in texts_from:
        for record in ordered:
            for descriptor in record.descriptors_nl:
                add(q, PG.descriptor, Literal(descriptor, language="nl"))
    _map_subjects(resolution, q, uris, add, label)
    _map_mentions(mentions or [], q, uris, add, label)
    for record in ordered:
        for url in record.cited_urls:
            node = _iri(url)
            if node is not None:
                add(q, DCTERMS.references, node)

    _map_answer(records, main, q, uris, add)
    _map_events(main, q, author_participation, uris, add, label)
    _map_links(main, q, uris, add)
    return list(dict.fromkeys(quads))  # the same fact read from two pages counts once


def _map_author(main: Question, resolution: Resolution, participation: NamedNode, q: NamedNode, uris: Uris,  # type: ignore[no-untyped-def]
                add, label) -> None:
    """People and parties of the reference data are described in its graph; others get their name here."""
    assert main.author is not None
    add(q, EPVOC.workHadParticipation, participation)
    add(participation, RDF.type, ELI_DL.Participation)
    add(participation, ELI_DL.participation_role, ROLE.AUT)
    person = uris.person(resolution.author_person or slug(main.author.name))
    add(participation, ELI_DL.had_participant_person, person)
    if resolution.author_person is None:
        add(person, RDF.type, FOAF.Person)
        add(person, FOAF.name, Literal(main.author.name))
        label(person, main.author.name)
    if main.author.party:
        party = uris.party(resolution.author_party or slug(main.author.party))
        add(participation, ELI_DL.participation_in_name_of, party)
        add(participation, PG.partyAsPrinted, Literal(main.author.party))
        if resolution.author_party is None:
            add(party, RDF.type, ORG.Organization)
            add(party, SKOS.prefLabel, Literal(main.author.party))
            label(party, main.author.party)


def _map_subjects(resolution: Resolution, q: NamedNode, uris: Uris, add, label) -> None:  # type: ignore[no-untyped-def]
    """eli:is_about the EuroVoc concepts of the descriptors, or a local concept for a Senate heading
    that is no EuroVoc label; dcterms:spatial the EU country a descriptor names."""
    for descriptor in resolution.descriptors:
        if descriptor.country is not None:
            add(q, DCTERMS.spatial, NamedNode(descriptor.country.uri))
        if descriptor.concepts:
            for match in descriptor.concepts:
                add(q, ELI.is_about, NamedNode(match.uri))
            continue
        if descriptor.language == "nl" and descriptor.twin is not None:
            continue  # described through its French twin
        concept = uris.concept(slug(descriptor.label))
        add(q, ELI.is_about, concept)
        add(concept, RDF.type, SKOS.Concept)
        add(concept, SKOS.inScheme, uris.concept_scheme())
        add(concept, SKOS.prefLabel, Literal(descriptor.label, language=descriptor.language))
        label(concept, descriptor.label, descriptor.language)
        if descriptor.twin:
            add(concept, SKOS.prefLabel, Literal(descriptor.twin, language="nl"))
            label(concept, descriptor.twin, "nl")


ENTITY_CLASS = {
    "company": PG.Company, "public body": PG.PublicBody, "security service": PG.SecurityService,
    "media": PG.Media, "product": PG.Product,
}


def _map_mentions(mentions: list[Mention], q: NamedNode, uris: Uris, add, label) -> None:  # type: ignore[no-untyped-def]
    """schema:mentions from the question to each entity, and one pg:Mention per place in the text with its
    character offsets, sentence and method (PROV)."""
    for mention in mentions:
        entity = _entity_node(mention.entity, uris)
        add(q, SCHEMA.mentions, entity)
        if mention.entity.kind == "place":  # minted from the text: described here (shared graph)
            add(entity, RDF.type, SCHEMA.Place)
            add(entity, RDF.type, PG.Place)
            label(entity, mention.entity.label)
            add(entity, SCHEMA.name, Literal(mention.entity.label))
        node = NamedNode(f"{q.value}/mention/{mention.language}/{mention.start}-{mention.end}")
        add(node, RDF.type, PG.Mention)
        add(node, PG.mentionOf, entity)
        add(node, PG.inExpression, uris.expression(q.value.rsplit("/", 1)[1], mention.language))
        add(node, PG.startOffset, Literal(str(mention.start), datatype=XSD.integer))
        add(node, PG.endOffset, Literal(str(mention.end), datatype=XSD.integer))
        add(node, PG.surfaceForm, Literal(mention.text, language=mention.language))
        add(node, PG.sentence, Literal(mention.sentence, language=mention.language))
        activity = uris.activity(slug(mention.method))
        add(node, PROV.wasGeneratedBy, activity)
        add(activity, RDF.type, PROV.Activity)
        add(activity, PG.method, Literal(mention.method))
        label(activity, f"entity extraction: {mention.method}", "en")


def _entity_node(entity: Entity, uris: Uris) -> NamedNode:
    if entity.kind == "country" and entity.uri:
        return NamedNode(entity.uri)
    if entity.kind == "person":
        return uris.person(entity.id)
    if entity.kind == "place":
        return uris.place(entity.id)
    return uris.organisation(entity.id)


def _map_addressee_resolution(found: AddresseeResolution, participation: NamedNode, uris: Uris, add) -> None:  # type: ignore[no-untyped-def]
    """The post and person behind the printed title, with how they were found (PROV)."""
    add(participation, PG.addressedPost, uris.post(found.post_id))
    add(participation, ELI_DL.had_participant_person, uris.person(found.person_id))
    activity = NamedNode(participation.value + "/resolution")
    add(participation, PROV.wasGeneratedBy, activity)
    add(activity, RDF.type, PROV.Activity)
    add(activity, RDFS.label, Literal("addressee resolution", language="en"))
    add(activity, PG.method, Literal(found.method))
    add(activity, PG.score, Literal(f"{found.score:.2f}", datatype=XSD.decimal))
    add(activity, PG.softwareVersion, Literal(found.version))
    add(activity, PG.matchedTitle, Literal(found.matched_title))
    add(activity, PROV.used, uris.reference_graph())


def _map_expression(record: Question, q: NamedNode, uris: Uris, add, texts: bool) -> None:  # type: ignore[no-untyped-def]
    languages = ["fr", "nl"] if record.page_language == "fr+nl" else [record.page_language]
    for language in languages:
        expression = uris.expression(record.number, language)
        add(q, ELI.is_realized_by, expression)
        add(expression, RDF.type, ELI.Expression)
        add(expression, ELI.realizes, q)
        add(expression, ELI.language, LANGUAGE[LANGUAGE_CODES[language]])
        number = record.number.split("-")
        add(expression, DCTERMS.source, NamedNode(SENATE_PAGE.format(leg=number[0], n=number[1], lang=language)))
        if texts and language == _lang(record):
            if record.title:
                add(expression, ELI.title, Literal(record.title, language=language))
                add(q, DCTERMS.title, Literal(record.title, language=language))
            if record.body:
                add(expression, SCHEMA.text, Literal(record.body, language=language))


def _map_answer(records: list[Question], main: Question, q: NamedNode, uris: Uris, add) -> None:  # type: ignore[no-untyped-def]
    answered = next((e for e in main.events if e.kind == "answered"), None)
    with_answer = [r for r in records if r.answer is not None]
    if not with_answer and answered is None:
        return
    answer = uris.answer(main.number)
    add(answer, RDF.type, ELI.Work)
    add(answer, RDF.type, PG.Answer)
    add(answer, ELI_DL.answers_to, q)
    date = next((r.answer.date for r in with_answer if r.answer and r.answer.date), None)
    date = date or (answered.date if answered else None)
    add(answer, ELI.date_document, _date(date))
    if date and main.date:
        add(q, PG.answerDelayDays, Literal(str((_day(date) - _day(main.date)).days), datatype=XSD.integer))
        sent = next((e for e in main.events if e.kind == "sent" and e.deadline), None)
        if sent is not None:
            late = _day(date) > _day(sent.deadline)  # type: ignore[arg-type]
            add(q, PG.answeredLate, Literal("true" if late else "false", datatype=XSD.boolean))
    add(answer, RDFS.label, Literal(f"Answer to written question {main.number}", language="en"))
    for record in with_answer:
        if record.answer and record.answer.text:
            add(answer, SCHEMA.text, Literal(record.answer.text, language=_lang(record)))


def _map_events(main: Question, q: NamedNode, author: NamedNode, uris: Uris, add, label) -> None:  # type: ignore[no-untyped-def]
    for event in main.events:
        node = uris.event(main.number, event.kind, event.date)
        add(node, RDF.type, ELI_DL.Activity)
        add(node, ELI_DL.activity_date, _date(event.date))
        add(node, ELI_DL.had_activity_type, ACTIVITY_TYPE[event.kind])
        add(node, PG.activityOf, q)
        label(node, f"{event.kind.replace('_', ' ')} {event.date}", "en")
        if event.kind == "sent":
            add(node, ELI_DL.created_a_realization_of, q)
            if main.author is not None:
                add(node, ELI_DL.had_participation, author)


def _map_links(main: Question, q: NamedNode, uris: Uris, add) -> None:  # type: ignore[no-untyped-def]
    group = [main.number] + [n for n in main.also_asked if n != main.number]
    for a in group:
        add(uris.question(a), DCTERMS.identifier, Literal(a))
        for b in group:
            if a != b:
                add(uris.question(a), PG.alsoAskedAs, uris.question(b))
    for other in main.reintroduced_as:
        add(q, PG.reintroducedAs, uris.question(other))
        add(uris.question(other), PG.reintroducedFrom, q)
        add(uris.question(other), DCTERMS.identifier, Literal(other))
    for other in main.reintroduced_from:
        add(q, PG.reintroducedFrom, uris.question(other))
        add(uris.question(other), PG.reintroducedAs, q)
        add(uris.question(other), DCTERMS.identifier, Literal(other))
    for link, forward, backward in (
        (main.requalified_as, PG.requalifiedAs, PG.requalifiedFrom),
        (main.requalified_from, PG.requalifiedFrom, PG.requalifiedAs),
    ):
        for target in link:
            document = uris.document(target.kind, target.number)
            add(q, forward, document)
            add(document, backward, q)
            add(document, DCTERMS.identifier, Literal(target.number))
            add(document, RDF.type, DOCUMENT_TYPE.get(target.kind, PG.ParliamentaryDocument))


def to_nquads(quads: Iterable[Quad]) -> bytes:
    return serialize(quads, format=RdfFormat.N_QUADS) or b""


def _lang(record: Question) -> str:
    return "fr" if record.page_language == "fr+nl" else record.page_language


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=XSD.date) if value else None


def _iri(url: str) -> NamedNode | None:
    try:
        return NamedNode(url)
    except ValueError:
        try:
            return NamedNode(quote(url, safe=IRI_SAFE))
        except ValueError:
            return None

"""Reference tables -> RDF in {base}graph/reference: people, parties (with renames), governments, posts,
post holdings, party memberships and Senate seats as org:Membership with a time:Interval."""

from __future__ import annotations

import datetime as dt

from pyoxigraph import Literal, NamedNode, Quad

from graph.extract.entities import ORGANISATION_TYPES
from graph.rdf.namespaces import DCTERMS, FOAF, ORG, OWL, PG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, XSD
from graph.rdf.uris import Uris
from graph.resolve.actors import Actors, Membership, parse_reference_date

WIKIDATA = "http://www.wikidata.org/entity/"
COUNTRY = "http://publications.europa.eu/resource/authority/country/"
ORGANISATION_CLASS = {
    "company": PG.Company, "public body": PG.PublicBody, "security service": PG.SecurityService,
    "media": PG.Media, "product": PG.Product,
}


def map_reference(actors: Actors, uris: Uris) -> list[Quad]:
    g = uris.reference_graph()
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is not None:
            quads.append(Quad(s, p, o, g))

    for person_id, row in actors.people.items():
        person = uris.person(person_id)
        add(person, RDF.type, FOAF.Person)
        add(person, FOAF.name, Literal(row["name"]))
        add(person, RDFS.label, Literal(row["name"]))
        if row["wikidata"]:
            add(person, OWL.sameAs, NamedNode(WIKIDATA + row["wikidata"]))

    for party_id, row in actors.parties.items():
        party = uris.party(party_id)
        add(party, RDF.type, ORG.Organization)
        add(party, RDF.type, PG.PoliticalParty)
        add(party, SKOS.prefLabel, Literal(row["label"]))
        add(party, RDFS.label, Literal(row["label"]))
        for alias in filter(None, row["aliases"].split("|")):
            add(party, SKOS.altLabel, Literal(alias))
        if row["wikidata"]:
            add(party, OWL.sameAs, NamedNode(WIKIDATA + row["wikidata"]))
        if row["successor_of"]:
            add(party, DCTERMS.replaces, uris.party(row["successor_of"]))
            add(uris.party(row["successor_of"]), DCTERMS.isReplacedBy, party)

    for government_id, row in actors.governments.items():
        government = uris.government(government_id)
        add(government, RDF.type, ORG.Organization)
        add(government, RDF.type, PG.Government)
        add(government, RDFS.label, Literal(f"{row['government']}"))
        add(government, SKOS.prefLabel, Literal(row["government"]))
        _interval(add, NamedNode(government.value + "/period"), government, DCTERMS.temporal,
                  dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"]) if row["end"] else None)

    posts_seen: set[str] = set()
    preferred: set[tuple[str, str]] = set()  # (post, language) that has its skos:prefLabel
    for office in actors.offices:
        post = uris.post(office.post_id)
        if office.post_id not in posts_seen:
            posts_seen.add(office.post_id)
            add(post, RDF.type, ORG.Post)
            add(post, ORG.postIn, uris.government(office.government_id))
        for lang, title in office.titles().items():
            first = (office.post_id, lang) not in preferred
            preferred.add((office.post_id, lang))
            add(post, SKOS.prefLabel if first else SKOS.altLabel, Literal(title, language=lang))
            add(post, RDFS.label, Literal(title, language=lang))
        person = uris.person(office.person_id)
        add(person, ORG.holds, post)
        add(post, ORG.heldBy, person)
        holding = Membership(office.person_id, office.government_id, office.start, office.end, "post",
                             post_id=office.post_id)
        _membership(add, uris, holding, organisation=uris.government(office.government_id), role=post)

    for membership in actors.party_memberships():
        node = _membership(add, uris, membership, organisation=uris.party(membership.organisation_id), role=None)
        add(node, RDFS.comment, Literal("Interval attested by the sources: from the earliest to the latest date "
                                        "on which a source shows this membership.", language="en"))
        for source in membership.sources:
            if source.startswith("http"):
                add(node, PROV.wasDerivedFrom, NamedNode(source))

    for row in actors.organisations:
        node = uris.organisation(row["org_id"])
        add(node, RDF.type, ORG.Organization)
        kind_class = ORGANISATION_CLASS.get(ORGANISATION_TYPES.get(row["kind"], ""))
        add(node, RDF.type, kind_class)
        add(node, RDFS.label, Literal(row["name"]))
        add(node, SKOS.prefLabel, Literal(row["name"]))
        add(node, PG.kind, Literal(row["kind"]))
        for alias in filter(None, row["aliases"].split("|")):
            add(node, SKOS.altLabel, Literal(alias))
        if row["country"]:
            add(node, SCHEMA.addressCountry, NamedNode(COUNTRY + row["country"]))
        if row["wikidata"]:
            add(node, OWL.sameAs, NamedNode(WIKIDATA + row["wikidata"]))
        if row["eurovoc"]:
            add(node, SKOS.exactMatch, NamedNode("http://eurovoc.europa.eu/" + row["eurovoc"]))
        if row["parent_id"]:
            add(node, ORG.subOrganizationOf if row["kind"] != "product" else PG.madeBy, uris.organisation(row["parent_id"]))

    senate = uris.organisation("belgian-senate")
    add(senate, RDF.type, ORG.Organization)
    add(senate, RDFS.label, Literal("Sénat de Belgique", language="fr"))
    add(senate, RDFS.label, Literal("Belgische Senaat", language="nl"))
    add(senate, RDFS.label, Literal("Belgian Senate", language="en"))
    for row in actors.senators:
        day = row["start"] or row["seen_on"]
        if not day or not row["legislature"]:
            continue
        start = parse_reference_date(day)
        assert start is not None
        seat = Membership(row["person_id"], "belgian-senate", start, parse_reference_date(row["end"], end=True) or start,
                          "senate", post_id=f"{row['role']}-{row['legislature']}")
        node = _membership(add, uris, seat, organisation=senate, role=PG[f"Senate_{row['role'].replace('-', '_')}"])
        add(node, PG.legislature, uris.legislature(int(row["legislature"])))
    return list(dict.fromkeys(quads))


def _membership(add, uris: Uris, m: Membership, organisation: NamedNode, role: NamedNode | None) -> NamedNode:  # type: ignore[no-untyped-def]
    target = m.post_id if m.kind in {"post", "senate"} else m.organisation_id
    node = uris.membership(m.person_id, target or m.organisation_id, m.start.isoformat())
    add(node, RDF.type, ORG.Membership)
    add(node, ORG.member, uris.person(m.person_id))
    add(node, ORG.organization, organisation)
    add(node, ORG.role, role)
    add(node, RDFS.label, Literal(f"{m.person_id} · {target} · {m.start.isoformat()}"))
    _interval(add, NamedNode(node.value + "/interval"), node, ORG.memberDuring, m.start, m.end)
    return node


def _interval(add, interval: NamedNode, owner: NamedNode, link: NamedNode, start: dt.date, end: dt.date | None) -> None:  # type: ignore[no-untyped-def]
    add(owner, link, interval)
    add(interval, RDF.type, TIME.Interval)
    beginning = NamedNode(interval.value + "/beginning")
    add(interval, TIME.hasBeginning, beginning)
    add(beginning, RDF.type, TIME.Instant)
    add(beginning, TIME.inXSDDate, Literal(start.isoformat(), datatype=XSD.date))
    if end is not None:
        ending = NamedNode(interval.value + "/end")
        add(interval, TIME.hasEnd, ending)
        add(ending, RDF.type, TIME.Instant)
        add(ending, TIME.inXSDDate, Literal(end.isoformat(), datatype=XSD.date))

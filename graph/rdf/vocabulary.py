"""EuroVoc (concepts, labels, micro-thesauri, domains, broader/related) and the EU country table as SKOS,
loaded into {base}graph/eurovoc. Concept URIs stay EuroVoc's own."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from graph.rdf.namespaces import DCTERMS, RDF, RDFS, SKOS
from graph.rdf.uris import Uris
from graph.resolve.vocab import ATTRIBUTION, EUROVOC, EUROVOC_SCHEME, Vocabulary

LABEL_KIND = {"pref": SKOS.prefLabel, "alt_2021": SKOS.altLabel, "pref_2021": SKOS.hiddenLabel}
COUNTRY_SCHEME = "http://publications.europa.eu/resource/authority/country"


def map_vocabulary(vocabulary: Vocabulary, uris: Uris) -> list[Quad]:
    g = uris.vocabulary_graph()
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        quads.append(Quad(s, p, o, g))

    scheme = NamedNode(EUROVOC_SCHEME)
    add(scheme, RDF.type, SKOS.ConceptScheme)
    add(scheme, SKOS.prefLabel, Literal("EuroVoc", language="en"))
    add(scheme, RDFS.label, Literal("EuroVoc", language="en"))
    add(scheme, DCTERMS.rights, Literal(ATTRIBUTION))
    mt_scheme = {}
    for row in vocabulary.domains + vocabulary.microthesauri:
        node = NamedNode(row["uri"])
        add(node, RDF.type, SKOS.ConceptScheme)
        for lang in ("fr", "nl", "de", "en"):
            if row.get(f"label_{lang}"):
                add(node, SKOS.prefLabel, Literal(row[f"label_{lang}"], language=lang))
                add(node, RDFS.label, Literal(row[f"label_{lang}"], language=lang))
        if "mt" in row:
            mt_scheme[row["mt"]] = node
            domain = next((d for d in vocabulary.domains if d["domain"] == row["domain"]), None)
            if domain:
                add(node, DCTERMS.isPartOf, NamedNode(domain["uri"]))
    for concept_id, row in vocabulary.concepts.items():
        node = NamedNode(EUROVOC + concept_id)
        add(node, RDF.type, SKOS.Concept)
        add(node, SKOS.inScheme, scheme)
        if row["mt"] in mt_scheme:
            add(node, SKOS.inScheme, mt_scheme[row["mt"]])
    for row in vocabulary.labels:
        node = NamedNode(EUROVOC + row["id"])
        label = Literal(row["label"], language=row["lang"])
        add(node, LABEL_KIND.get(row["kind"], SKOS.altLabel), label)
        if row["kind"] == "pref":
            add(node, RDFS.label, label)
    for row in vocabulary.relations:
        source, target = NamedNode(EUROVOC + row["id"]), NamedNode(EUROVOC + row["target"])
        if row["relation"] == "broader":
            add(source, SKOS.broader, target)
            add(target, SKOS.narrower, source)
        elif row["relation"] == "related":
            add(source, SKOS.related, target)
            add(target, SKOS.related, source)
    countries = NamedNode(COUNTRY_SCHEME)
    add(countries, RDF.type, SKOS.ConceptScheme)
    add(countries, RDFS.label, Literal("Countries and territories (EU authority table)", language="en"))
    for country in vocabulary.countries:
        node = NamedNode(country.uri)
        add(node, RDF.type, SKOS.Concept)
        add(node, SKOS.inScheme, countries)
        add(node, SKOS.notation, Literal(country.code))
        for lang, text in country.labels.items():
            add(node, SKOS.prefLabel, Literal(text, language=lang))
            add(node, RDFS.label, Literal(text, language=lang))
    return list(dict.fromkeys(quads))

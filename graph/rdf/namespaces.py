"""Vocabularies ParlGraph uses, as pyoxigraph NamedNode factories (see DESIGN.md, Ontology)."""

from __future__ import annotations

from pyoxigraph import NamedNode


class Namespace:
    """`ELI.date_document` or `ELI["date_document"]` -> NamedNode; str(ELI) is the namespace IRI."""

    def __init__(self, iri: str) -> None:
        self._iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = NamedNode(self._iri + name)
        setattr(self, name, node)  # the next lookup is a plain attribute
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._iri + name)

    def __str__(self) -> str:
        return self._iri


ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
EPVOC = Namespace("https://data.europarl.europa.eu/def/epvoc#")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
SCHEMA = Namespace("http://schema.org/")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PG = Namespace("https://w3id.org/parlgraph/ontology#")

LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
RESOURCE_TYPE = Namespace("http://publications.europa.eu/resource/authority/resource-type/")
EVENT = Namespace("http://publications.europa.eu/resource/authority/event/")
ROLE = Namespace("http://publications.europa.eu/resource/authority/role/")
COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")

PREFIXES: dict[str, str] = {
    "pg": str(PG), "eli": str(ELI), "eli-dl": str(ELI_DL), "epvoc": str(EPVOC), "org": str(ORG),
    "foaf": str(FOAF), "skos": str(SKOS), "dcterms": str(DCTERMS), "prov": str(PROV), "time": str(TIME),
    "schema": str(SCHEMA), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
}

LANGUAGE_CODES = {"fr": "FRA", "nl": "NLD", "de": "DEU", "en": "ENG"}

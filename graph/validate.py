"""SHACL validation of the store against ontology/shapes.ttl (pySHACL on the union of all graphs)."""

from __future__ import annotations

from dataclasses import dataclass

import rdflib
from pyshacl import validate

from graph.results import serialize_result
from graph.settings import Settings
from graph.store import Store


@dataclass
class ValidationReport:
    conforms: bool
    text: str
    violations: int
    focus_nodes: int


def validate_store(store: Store, settings: Settings) -> ValidationReport:
    data = rdflib.Graph()
    # EuroVoc's own graph is left out: no shape targets it, and it is most of the triples.
    union = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(?g != <{settings.base_uri}graph/eurovoc>) }}")
    data.parse(data=serialize_result(union, "ntriples").decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(settings.ontology / "shapes.ttl", format="turtle")
    conforms, results, text = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = len(set(results.subjects(rdflib.RDF.type, sh.ValidationResult)))
    targets = {s for s in data.subjects(rdflib.RDF.type, None)}
    return ValidationReport(bool(conforms), str(text), violations, len(targets))

"""SPARQL results -> bytes in a requested format (shared by the CLI and the endpoint)."""

from __future__ import annotations

import pyoxigraph as ox

SOLUTION_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}


def is_graph(result: object) -> bool:
    return isinstance(result, ox.QueryTriples)


def serialize_result(result: object, fmt: str) -> bytes:
    """`fmt` is a key of SOLUTION_FORMATS (SELECT/ASK) or GRAPH_FORMATS (CONSTRUCT/DESCRIBE)."""
    if isinstance(result, ox.QueryTriples):
        rdf_format = GRAPH_FORMATS[fmt][0]
        return ox.serialize(result, format=rdf_format) or b""
    return result.serialize(format=SOLUTION_FORMATS[fmt][0]) or b""  # type: ignore[attr-defined]


def term_text(term: object) -> str:
    """A term as a person reads it in a table: IRIs bare, literals by value."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)

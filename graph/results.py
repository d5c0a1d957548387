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
    from graph.remote import TripleList

    return isinstance(result, (ox.QueryTriples, TripleList))


def serialize_result(result: object, fmt: str) -> bytes:
    """`fmt` is a key of SOLUTION_FORMATS (SELECT/ASK) or GRAPH_FORMATS (CONSTRUCT/DESCRIBE)."""
    if is_graph(result):
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


def serialize_solutions(variables: list[str] | None, rows: list[list[object]], fmt: str,
                        boolean: bool | None = None) -> bytes:
    """SPARQL results (SELECT rows, or an ASK boolean) in JSON, XML, CSV or TSV, written here so that a
    result cut at the row limit is still a well-formed document."""
    if fmt == "json":
        import orjson

        if boolean is not None:
            return orjson.dumps({"head": {}, "boolean": boolean})
        bindings = [{v: _json_term(t) for v, t in zip(variables or [], row) if t is not None} for row in rows]
        return orjson.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}})
    if fmt == "xml":
        from xml.sax.saxutils import escape, quoteattr

        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        if boolean is not None:
            out.append(f"</head><boolean>{'true' if boolean else 'false'}</boolean></sparql>")
            return "".join(out).encode()
        out += [f"<variable name={quoteattr(v)}/>" for v in variables or []]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            for v, term in zip(variables or [], row):
                if term is None:
                    continue
                out.append(f"<binding name={quoteattr(v)}>{_xml_term(term, escape, quoteattr)}</binding>")
            out.append("</result>")
        out.append("</results></sparql>")
        return "".join(out).encode()
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if boolean is not None:
            writer.writerow(["_askResult"])
            writer.writerow(["true" if boolean else "false"])
        else:
            writer.writerow(variables or [])
            for row in rows:
                writer.writerow(["" if t is None else getattr(t, "value", str(t)) for t in row])
        return buffer.getvalue().encode()
    if fmt == "tsv":
        if boolean is not None:
            return f"?_askResult\n{'true' if boolean else 'false'}\n".encode()
        lines = ["\t".join(f"?{v}" for v in variables or [])]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown results format {fmt!r}")


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _xml_term(term: object, escape, quoteattr) -> str:  # type: ignore[no-untyped-def]
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>'
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"

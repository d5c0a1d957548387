"""A remote SPARQL 1.1 store behind the same interface as the embedded one (`Store`).

Reads go to the query endpoint (SPARQL Protocol), writes to the update endpoint (SPARQL 1.1 Update) and
the graph store endpoint (Graph Store Protocol): Oxigraph server, Virtuoso, QLever, GraphDB... The remote
store should use the union of its graphs as default graph, as ParlGraph's own does (`oxigraph serve
--union-default-graph`); a request that names its dataset works either way.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx
import pyoxigraph as ox

from graph.errors import QueryError, StoreError, syntax_message


class TripleList(list):
    """Triples of a CONSTRUCT or DESCRIBE answered by a remote store."""


class RemoteStore:
    def __init__(self, query_url: str, update_url: str | None = None, graphs_url: str | None = None,
                 read_only: bool = False, timeout_s: float = 300.0) -> None:
        self.location = query_url
        self.update_url = update_url or query_url.replace("/query", "/update")
        self.graphs_url = graphs_url or query_url.replace("/query", "/store")
        self.read_only = read_only
        self._http = httpx.Client(timeout=timeout_s, headers={"User-Agent": "ParlGraph"})
        try:
            self._post_query("ASK {}", "application/sparql-results+json")
        except httpx.HTTPError as error:
            raise StoreError(f"cannot reach the SPARQL store at {query_url}: {error}") from None

    # --- writing -------------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Iterable[ox.NamedNode], nquads: bytes) -> None:
        """One SPARQL Update per batch: drop the graphs, then insert the new quads graph by graph."""
        self._check_writable()
        by_graph: dict[str, list[ox.Triple]] = {}
        for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS) if nquads else []:
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
            by_graph.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
        parts = [f"DROP SILENT GRAPH <{g.value}>" for g in graphs]
        blocks = []
        for name, triples in by_graph.items():
            body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            blocks.append(f"GRAPH <{name}> {{\n{body}}}" if name else body)
        if blocks:
            parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if parts:
            self.update(" ;\n".join(parts))

    def add_quads(self, quads: list[ox.Quad]) -> None:
        body = "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
        self.update("INSERT DATA {\n" + body + "\n}")

    def update(self, sparql_update: str, base_iri: str | None = None) -> None:
        self._check_writable()
        response = self._http.post(self.update_url, content=sparql_update.encode("utf-8"),
                                   headers={"Content-Type": "application/sparql-update"})
        if response.status_code >= 400:
            raise StoreError(f"the SPARQL store refused an update ({response.status_code}): {response.text[:200]}")

    def flush(self) -> None:
        pass

    # --- reading -------------------------------------------------------------------------------------

    def query(self, sparql: str, *, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None):  # type: ignore[no-untyped-def]
        params = [("default-graph-uri", g) for g in default_graphs or []] + [("named-graph-uri", g) for g in named_graphs or []]
        response = self._post_query(sparql, "application/sparql-results+json, application/n-triples;q=0.9", params)
        if response.status_code == 400:
            raise QueryError(f"malformed query: {response.text.strip()[:300]}")
        if response.status_code >= 400:
            raise QueryError(f"the SPARQL store answered {response.status_code}: {response.text.strip()[:300]}")
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if media in {"application/n-triples", "text/turtle", "application/rdf+xml"}:
            rdf = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
                   "application/rdf+xml": ox.RdfFormat.RDF_XML}[media]
            return TripleList(ox.parse(response.content, format=rdf))
        try:
            return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as error:
            raise QueryError(syntax_message(error)) from None

    def _post_query(self, sparql: str, accept: str, params: list[tuple[str, str]] | None = None) -> httpx.Response:
        return self._http.post(self.location, params=params or [], content=sparql.encode("utf-8"),
                               headers={"Content-Type": "application/sparql-query", "Accept": accept})

    def _quads(self, values: str = "", limit: int | None = None) -> list[ox.Quad]:
        suffix = f" LIMIT {limit}" if limit else ""
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {values} GRAPH ?g {{ ?s ?p ?o }} }}{suffix}")
        return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def quads_for(self, subject: ox.NamedNode | None = None, obj: ox.NamedNode | None = None,
                  limit: int | None = None) -> list[ox.Quad]:
        values = (f"VALUES ?s {{ {subject} }}" if subject is not None else "") + \
                 (f" VALUES ?o {{ {obj} }}" if obj is not None else "")
        return self._quads(values, limit)

    def quads(self, graph: str | None = None) -> list[ox.Quad]:
        if graph:
            rows = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
            return [ox.Quad(r["s"], r["p"], r["o"], ox.NamedNode(graph)) for r in rows]
        return self._quads()

    def quads_matching(self, quad: ox.Quad) -> list[ox.Quad]:
        found = bool(self.query(f"ASK {{ GRAPH {quad.graph_name} {{ {quad.subject} {quad.predicate} {quad.object} }} }}"))
        return [quad] if found else []

    def count_quads(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value)

    def is_empty(self) -> bool:
        return not bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }"))

    def named_graphs(self) -> list[str]:
        return sorted(r["g"].value for r in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def dump(self, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, output=None) -> bytes:  # type: ignore[no-untyped-def]
        data = ox.serialize(self.quads(), format=format) or b""
        if output is not None:
            output.write(data)
            return b""
        return data

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.location} is open read-only")

"""The only door to the triples: an embedded on-disk Oxigraph store.

Loading goes through Oxigraph's bulk loader (N-Quads text, one batch of documents at a time), never
triple-by-triple inserts or one giant transaction. Replacing a question's named graph first removes it,
so loading the same documents twice leaves the same store (idempotent).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError, StoreError, syntax_message


class Store:
    """Embedded Oxigraph on disk. `read_only=True` opens it beside a running writer (for queries)."""

    def __init__(self, location: str | Path, read_only: bool = False) -> None:
        self.location = str(location)
        path = Path(location)
        try:
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"no store at {path}: run 'parlgraph build' first")
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {_first_line(error)}") from None
        self.read_only = read_only

    # --- writing -------------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Iterable[ox.NamedNode], nquads: bytes) -> None:
        """Drop each of `graphs`, then bulk-load `nquads` (which holds their new content)."""
        self._check_writable()
        try:
            for graph in graphs:
                self._store.remove_graph(graph)
            if nquads:
                self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"writing to the store at {self.location} failed: {_first_line(error)}") from None

    def update(self, sparql_update: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update (transactional). Raises SyntaxError on a malformed update."""
        self._check_writable()
        self._store.update(sparql_update, base_iri=base_iri)
        self._store.flush()

    def add_quads(self, quads: list[ox.Quad]) -> None:
        """A few quads in one transaction (all or none)."""
        self._check_writable()
        self._store.extend(quads)
        self._store.flush()

    # --- Graph Store Protocol ------------------------------------------------------------------------

    def has_graph(self, graph: ox.NamedNode | ox.DefaultGraph) -> bool:
        return isinstance(graph, ox.DefaultGraph) or self._store.contains_named_graph(graph)

    def graph_triples(self, graph: ox.NamedNode | ox.DefaultGraph) -> list[ox.Triple]:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern(None, None, None, graph)]

    def drop_graph(self, graph: ox.NamedNode | ox.DefaultGraph) -> None:
        self._check_writable()
        self._store.remove_graph(graph) if isinstance(graph, ox.NamedNode) else self._store.clear_graph(graph)

    def put_graph(self, graph: ox.NamedNode | ox.DefaultGraph, triples: list[ox.Triple], replace: bool) -> None:
        """Add `triples` to `graph`, first emptying it when `replace` (PUT)."""
        self._check_writable()
        if replace and self.has_graph(graph):
            self._store.clear_graph(graph)
        self._store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    # --- reading -------------------------------------------------------------------------------------

    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, base_iri: str | None = None):  # type: ignore[no-untyped-def]
        """Run a SPARQL query. The default graph is the union of all graphs unless the request names
        its dataset (`default_graphs` / `named_graphs`, or FROM / FROM NAMED in the query)."""
        kwargs: dict = {"base_iri": base_iri}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as error:
            raise QueryError(syntax_message(error)) from None
        except (OSError, ValueError) as error:
            raise QueryError(f"query failed: {_first_line(error)}") from None

    def quads_matching(self, quad: ox.Quad) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(quad.subject, quad.predicate, quad.object, quad.graph_name)

    def quads_for(self, subject: ox.NamedNode | None = None, obj: ox.NamedNode | None = None,
                  limit: int | None = None) -> list[ox.Quad]:
        """Quads with this subject or object, from every graph."""
        found = []
        for quad in self._store.quads_for_pattern(subject, None, obj, None):
            found.append(quad)
            if limit is not None and len(found) >= limit:
                break
        return found

    def count_quads(self) -> int:
        return len(self._store)

    def is_empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None)), None) is None

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph) if graph else None)

    def dump(self, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, output=None) -> bytes:  # type: ignore[no-untyped-def]
        """Every quad; streamed into `output` (a binary file) when given, else returned."""
        if output is not None:
            self._store.dump(output, format=format)
            return b""
        return self._store.dump(format=format) or b""

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.location} is open read-only")


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def open_store(location: str | Path, read_only: bool = False):  # type: ignore[no-untyped-def]
    """The embedded store for a directory, a RemoteStore for an http(s) query endpoint URL."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        import os

        from graph.remote import RemoteStore

        return RemoteStore(text, os.environ.get("PARLGRAPH_STORE_UPDATE"), os.environ.get("PARLGRAPH_STORE_GRAPHS"),
                           read_only=read_only)
    return Store(location, read_only=read_only)

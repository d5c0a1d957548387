"""SERVICE only to an allow-list of endpoints, checked before the query runs (so no connection is ever
opened to another host). A SERVICE whose endpoint is a variable is refused too."""

from __future__ import annotations

import re

from graph.errors import QueryError

PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.I)
SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(<[^>]*>|\?\w+|\$\w+|[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]*)", re.I)


def check_services(query: str, allowed: list[str]) -> None:
    """Raise QueryError naming the first SERVICE endpoint that is not on the allow-list."""
    prefixes = {name or "": iri for name, iri in PREFIX_DECL.findall(query)}
    for target in SERVICE.findall(query):
        if target.startswith("<"):
            endpoint = target[1:-1]
        elif target[0] in "?$":
            raise QueryError(f"SERVICE {target}: a SERVICE endpoint must be a fixed IRI on the allow-list")
        else:
            prefix, _, local = target.partition(":")
            if prefix not in prefixes:
                raise QueryError(f"SERVICE {target}: unknown prefix {prefix!r}")
            endpoint = prefixes[prefix] + local
        if endpoint.rstrip("/") not in {a.rstrip("/") for a in allowed}:
            raise QueryError(f"SERVICE <{endpoint}> is not allowed; allowed endpoints: {', '.join(allowed) or 'none'}")

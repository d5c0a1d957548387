"""Every URI of the scheme dereferences at its own path: HTML for browsers, RDF by Accept or ?format=.

`/question/7-1874` answers with the triples about `{base}question/7-1874` (and, for a question, its own
graph: expressions, participations, events, parts), plus the links that point to it. Unknown ids: 404.
"""

from __future__ import annotations

import html
from urllib.parse import quote

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from graph.rdf.namespaces import PREFIXES
from graph.results import GRAPH_FORMATS
from graph.server.errors import error_response
from graph.server.negotiation import choose

router = APIRouter()

KINDS = ("question", "person", "party", "membership", "government", "post", "legislature", "organisation",
         "place", "concept", "document", "activity")
OFFERS = {"html": "text/html", **{k: media for k, (_, media) in GRAPH_FORMATS.items()}, "jsonld_plain": "application/json"}
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
INCOMING_LIMIT = 200


def _describe(store, uri: str, base: str) -> tuple[list[ox.Triple], list[ox.Triple]]:  # type: ignore[no-untyped-def]
    node = ox.NamedNode(uri)
    outgoing = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for(subject=node)]
    if uri.startswith(base + "question/") and uri.count("/") == base.count("/") + 1:
        graph = base + "graph/question/" + uri.rsplit("/", 1)[1]
        outgoing += [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph) if q.subject != node]
    incoming = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for(obj=node, limit=INCOMING_LIMIT)]
    return list(dict.fromkeys(outgoing)), list(dict.fromkeys(incoming))


def resource_route(kind: str):  # type: ignore[no-untyped-def]
    async def resource(request: Request, rest: str) -> Response:
        settings = request.app.state.settings
        base = settings.base_uri if settings.base_uri.endswith("/") else settings.base_uri + "/"
        uri = base + quote(f"{kind}/{rest}", safe="/:@!$&'()*+,;=-._~")
        store = request.app.state.store
        outgoing, incoming = await run_in_threadpool(_describe, store, uri, base)
        if not any(t.subject.value == uri for t in outgoing):
            return error_response(request, 404, f"no resource {uri} in this graph")
        requested = request.query_params.get("format")
        fmt = requested if requested in OFFERS else choose(request.headers.get("accept"), OFFERS)
        if fmt is None:
            return error_response(request, 406, "acceptable formats: " + ", ".join(OFFERS.values()))
        fmt = {"jsonld_plain": "jsonld"}.get(fmt, fmt)
        headers = {"Vary": "Accept", "ETag": request.app.state.etag}
        if request.headers.get("if-none-match") == request.app.state.etag:
            return Response(status_code=304, headers=headers)
        if fmt == "html":
            page = render_page(uri, outgoing, incoming, base, request.headers.get("accept-language", ""))
            return HTMLResponse(page, headers=headers)
        rdf_format, media = GRAPH_FORMATS[fmt]
        body = ox.serialize(outgoing + incoming, format=rdf_format, prefixes=PREFIXES) \
            if rdf_format in (ox.RdfFormat.TURTLE,) else ox.serialize(outgoing + incoming, format=rdf_format)
        return Response(body or b"", media_type=media, headers=headers)

    resource.__name__ = f"{kind}_resource"
    return resource


for _kind in KINDS:
    router.add_api_route(f"/{_kind}/{{rest:path}}", resource_route(_kind), methods=["GET"], include_in_schema=False)


# --- HTML --------------------------------------------------------------------------------------------

def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _link(term: ox.NamedNode | ox.BlankNode | ox.Literal, base: str) -> str:
    if isinstance(term, ox.Literal):
        text = html.escape(term.value)
        if term.language:
            return f'{text} <small lang="en">@{html.escape(term.language)}</small>'
        return text
    if isinstance(term, ox.NamedNode):
        href = term.value[len(base) - 1:] if term.value.startswith(base) else term.value
        return f'<a href="{html.escape(href)}">{html.escape(_short(term.value))}</a>'
    return html.escape(str(term))


def _preferred_label(uri: str, triples: list[ox.Triple], accept_language: str) -> str:
    labels = {t.object.language or "": t.object.value for t in triples
              if t.subject.value == uri and t.predicate == LABEL and isinstance(t.object, ox.Literal)}
    wanted = [part.split(";")[0].strip()[:2].lower() for part in accept_language.split(",") if part.strip()]
    for language in [*wanted, "en", "fr", "nl", ""]:
        if language in labels:
            return labels[language]
    return next(iter(labels.values()), uri)


def render_page(uri: str, outgoing: list[ox.Triple], incoming: list[ox.Triple], base: str, accept_language: str) -> str:
    """A plain, escaped page: the resource's label, its properties, the resources inside it, incoming links."""
    title = html.escape(_preferred_label(uri, outgoing, accept_language))
    own = [t for t in outgoing if t.subject.value == uri]
    inner = [t for t in outgoing if t.subject.value != uri]
    rows = "".join(f"<tr><th>{_link(t.predicate, base)}</th><td>{_link(t.object, base)}</td></tr>" for t in own)
    inner_rows = "".join(
        f"<tr><td>{_link(t.subject, base)}</td><th>{_link(t.predicate, base)}</th><td>{_link(t.object, base)}</td></tr>"
        for t in inner)
    incoming_rows = "".join(
        f"<tr><td>{_link(t.subject, base)}</td><th>{_link(t.predicate, base)}</th></tr>" for t in incoming)
    path = uri[len(base) - 1:]
    formats = " · ".join(f'<a href="{html.escape(path)}?format={f}">{f}</a>' for f in ("turtle", "jsonld", "ntriples", "rdfxml"))
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} · ParlGraph</title>
<style>body{{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}
th{{text-align:left;vertical-align:top;padding-right:1rem;font-weight:500;color:#555}}td{{vertical-align:top}}
table{{border-collapse:collapse;margin-bottom:2rem}}tr{{border-bottom:1px solid #eee}}</style></head><body>
<p><a href="/">ParlGraph</a> · <a href="/sparql">SPARQL</a></p>
<h1>{title}</h1><p><code>{html.escape(uri)}</code></p><p>Also as {formats} ·
<a href="/explore?focus={quote(uri, safe='')}">explore the network around it</a></p>
<table>{rows}</table>
{"<h2>Inside</h2><table>" + inner_rows + "</table>" if inner else ""}
{"<h2>Links here</h2><table>" + incoming_rows + "</table>" if incoming else ""}
</body></html>"""

"""Writes, off unless PARLGRAPH_UPDATE_TOKEN is set: SPARQL 1.1 Update at /sparql/update and the Graph
Store HTTP Protocol at /sparql/store, each only with `Authorization: Bearer <token>`.
No token configured: 403. A missing or wrong token: 401. The token is compared in constant time."""

from __future__ import annotations

import hmac
import re

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from graph.errors import syntax_message
from graph.server.errors import error_response

router = APIRouter()

RDF_MEDIA = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


def authorise(request: Request) -> Response | None:
    token = request.app.state.settings.update_token
    if not token:
        return error_response(request, 403, "writes are disabled on this server (set PARLGRAPH_UPDATE_TOKEN)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        return error_response(request, 401, "a valid 'Authorization: Bearer <token>' header is required",
                              {"WWW-Authenticate": 'Bearer realm="parlgraph"'})
    return None


@router.post("/sparql/update")
async def update(request: Request) -> Response:
    denied = authorise(request)
    if denied:
        return denied
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    charset = content_type.lower().partition("charset=")[2].strip() or "utf-8"
    if media == "application/x-www-form-urlencoded":
        for key, value in (await request.form()).multi_items():
            params.setdefault(key, []).append(str(value))
    elif media == "application/sparql-update":
        if charset.replace("-", "") != "utf8":
            return error_response(request, 415, "an update body must be UTF-8")
        try:
            params.setdefault("update", []).append((await request.body()).decode("utf-8"))
        except UnicodeDecodeError:
            return error_response(request, 400, "the update body is not valid UTF-8")
    else:
        return error_response(request, 415, "POST a form (application/x-www-form-urlencoded) or "
                                             "an update (application/sparql-update)")
    updates = params.get("update", [])
    if len(updates) != 1:
        return error_response(request, 400, "give exactly one 'update'")
    text = updates[0]
    using, using_named = params.get("using-graph-uri", []), params.get("using-named-graph-uri", [])
    if using or using_named:
        if re.search(r"\b(USING|WITH)\b", text, re.I):
            return error_response(request, 400, "give the dataset either in the request or with USING/WITH, not both")
        text = add_using(text, using, using_named)
    store = request.app.state.store
    try:
        await run_in_threadpool(store.update, text, str(request.url_for("update")))
    except SyntaxError as error:
        return error_response(request, 400, syntax_message(error).replace("query", "update", 1))
    request.app.state.pool.refresh()
    return Response(status_code=204)


def add_using(update: str, default: list[str], named: list[str]) -> str:
    """Put `USING <g>` / `USING NAMED <g>` before each top-level WHERE (outside braces, IRIs, strings and
    comments), except after DELETE, whose short form takes none."""
    clause = " ".join([f"USING <{g}>" for g in default] + [f"USING NAMED <{g}>" for g in named]) + " "
    out, depth, i = [], 0, 0
    while i < len(update):
        char = update[i]
        if char == "#":
            end = update.find("\n", i)
            end = len(update) if end < 0 else end
            out.append(update[i:end]); i = end; continue
        if char in "\"'":
            end = i + 1
            while end < len(update) and update[end] != char:
                end += 2 if update[end] == "\\" else 1
            out.append(update[i:end + 1]); i = end + 1; continue
        if char == "<" and depth == 0:
            end = update.find(">", i)
            end = len(update) - 1 if end < 0 else end
            out.append(update[i:end + 1]); i = end + 1; continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and update[i:i + 5].upper() == "WHERE" and (i == 0 or not update[i - 1].isalnum()):
            before = "".join(out).rstrip()
            if not before.upper().endswith("DELETE"):
                out.append(clause)
        out.append(char)
        i += 1
    return "".join(out)


# --- Graph Store HTTP Protocol -------------------------------------------------------------------------

def _graph(request: Request) -> ox.NamedNode | ox.DefaultGraph | Response:
    named, default = request.query_params.get("graph"), "default" in request.query_params
    if named and not default:
        try:
            return ox.NamedNode(named)
        except ValueError:
            return error_response(request, 400, f"not an IRI: {named!r}")
    if default and not named:
        return ox.DefaultGraph()
    return error_response(request, 400, "give either ?graph=IRI or ?default")


def _embedded(request: Request) -> Response | None:
    if not hasattr(request.app.state.store, "put_graph"):
        return error_response(request, 501, "the Graph Store Protocol is served by the remote store itself here")
    return None


@router.get("/sparql/store")
async def gsp_get(request: Request) -> Response:
    if (refused := _embedded(request)) is not None:
        return refused
    graph = _graph(request)
    if isinstance(graph, Response):
        return graph
    store = request.app.state.store
    if not store.has_graph(graph):
        return error_response(request, 404, f"no graph {graph.value}")
    triples = await run_in_threadpool(store.graph_triples, graph)
    return Response(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", media_type="application/n-triples")


@router.api_route("/sparql/store", methods=["PUT", "POST", "DELETE"])
async def gsp_write(request: Request) -> Response:
    denied = authorise(request) or _embedded(request)
    if denied:
        return denied
    graph = _graph(request)
    if isinstance(graph, Response):
        return graph
    store = request.app.state.store
    if request.method == "DELETE":
        if not store.has_graph(graph):
            return error_response(request, 404, f"no graph {graph.value}")
        await run_in_threadpool(store.drop_graph, graph)
        request.app.state.pool.refresh()
        return Response(status_code=204)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in RDF_MEDIA:
        return error_response(request, 415, "send Turtle, N-Triples, RDF/XML or JSON-LD")
    body = await request.body()
    try:
        triples = list(ox.parse(body, format=RDF_MEDIA[media], base_iri=str(request.url)))
    except SyntaxError as error:
        return error_response(request, 400, f"unreadable RDF: {str(error).splitlines()[0]}")
    existed = store.has_graph(graph)
    await run_in_threadpool(store.put_graph, graph, triples, request.method == "PUT")
    request.app.state.pool.refresh()
    return Response(status_code=204 if existed else 201)

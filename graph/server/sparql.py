"""SPARQL 1.1 Protocol for queries at /sparql: GET, POST form, POST application/sparql-query.
Read-only: updates are refused here."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from graph.errors import QueryError
from graph.results import GRAPH_FORMATS, SOLUTION_FORMATS, is_graph, serialize_result
from graph.server.errors import error_response
from graph.server.negotiation import choose

router = APIRouter()

SOLUTION_OFFERS = {k: media for k, (_, media) in SOLUTION_FORMATS.items()}
SOLUTION_OFFERS["json_plain"] = "application/json"
GRAPH_OFFERS = {k: media for k, (_, media) in GRAPH_FORMATS.items()}
GRAPH_OFFERS["jsonld_plain"] = "application/json"
FORMAT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                  "ntriples": "ntriples", "nt": "ntriples", "jsonld": "jsonld", "rdfxml": "rdfxml"}


@router.api_route("/sparql", methods=["GET", "POST"])
async def sparql(request: Request) -> Response:
    params = await _protocol_params(request)
    if isinstance(params, Response):
        return params
    if "update" in params:
        return error_response(request, 403, "updates are not accepted at /sparql: use /sparql/update")
    queries = params.get("query", [])
    if not queries:
        return await _service_description(request)
    if len(queries) > 1:
        return error_response(request, 400, "give exactly one 'query' parameter")
    store = request.app.state.store
    try:
        result = await run_in_threadpool(
            store.query, queries[0],
            default_graphs=params.get("default-graph-uri") or None,
            named_graphs=params.get("named-graph-uri") or None,
        )
        graph = is_graph(result)
        fmt = _choose_format(request, params, graph)
        if fmt is None:
            kinds = ", ".join((GRAPH_OFFERS if graph else SOLUTION_OFFERS).values())
            return error_response(request, 406, f"no acceptable result format; this query can give: {kinds}")
        body = await run_in_threadpool(serialize_result, result, fmt)
    except QueryError as error:
        return error_response(request, 400, str(error))
    media = (GRAPH_FORMATS if graph else SOLUTION_FORMATS)[fmt][1]
    return Response(body, media_type=media, headers={"Vary": "Accept"})


async def _protocol_params(request: Request) -> dict[str, list[str]] | Response:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            form = await request.form()
            for key, value in form.multi_items():
                params.setdefault(key, []).append(str(value))
        elif content_type == "application/sparql-query":
            params.setdefault("query", []).append((await request.body()).decode("utf-8", errors="replace"))
        elif content_type == "application/sparql-update":
            params.setdefault("update", []).append("")
        else:
            return error_response(request, 415, "POST a form (application/x-www-form-urlencoded) or "
                                                 "a query (application/sparql-query)")
    return params


def _choose_format(request: Request, params: dict[str, list[str]], graph: bool) -> str | None:
    requested = params.get("format", [None])[0]
    if requested:
        fmt = FORMAT_ALIASES.get(requested.lower())
        allowed = GRAPH_FORMATS if graph else SOLUTION_FORMATS
        return fmt if fmt in allowed else None
    offers = GRAPH_OFFERS if graph else SOLUTION_OFFERS
    chosen = choose(request.headers.get("accept"), offers)
    return {"json_plain": "json", "jsonld_plain": "jsonld"}.get(chosen or "", chosen)


async def _service_description(request: Request) -> Response:
    endpoint = str(request.url_for("sparql"))
    turtle = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>, <http://www.w3.org/ns/formats/SPARQL_Results_XML>,
    <http://www.w3.org/ns/formats/SPARQL_Results_CSV>, <http://www.w3.org/ns/formats/SPARQL_Results_TSV>,
    <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/JSON-LD>,
    <http://www.w3.org/ns/formats/RDF_XML> ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""
    return Response(turtle, media_type="text/turtle", headers={"Vary": "Accept"})

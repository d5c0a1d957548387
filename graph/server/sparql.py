"""SPARQL 1.1 Protocol for queries at /sparql: GET, POST form, POST application/sparql-query.
Read-only: updates are refused here. Queries run in the worker pool (time limit, row limit)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from graph.errors import QueryError, QueryTimeout
from graph.results import GRAPH_FORMATS, SOLUTION_FORMATS
from graph.server.errors import error_response
from graph.server.federation import check_services
from graph.server.negotiation import choose
from graph.server.pool import Busy, Job

router = APIRouter()

SOLUTION_OFFERS = {k: media for k, (_, media) in SOLUTION_FORMATS.items()}
SOLUTION_OFFERS["json_plain"] = "application/json"
GRAPH_OFFERS = {k: media for k, (_, media) in GRAPH_FORMATS.items()}
GRAPH_OFFERS["jsonld_plain"] = "application/json"
FORMAT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                  "ntriples": "ntriples", "nt": "ntriples", "jsonld": "jsonld", "rdfxml": "rdfxml"}
TRUNCATED_HEADER = "Parlgraph-Results-Truncated"
MAX_NESTING = 200  # deeper nesting overflows the parser's stack in the worker; no real query comes near


def nesting_depth(query: str) -> int:
    """Deepest nesting of { } and ( ) outside strings and IRIs (an estimate that errs on the high side)."""
    depth = deepest = 0
    quote: str | None = None
    for char in query:
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})":
            depth = max(depth - 1, 0)
    return deepest


@router.api_route("/sparql", methods=["GET", "POST"])
async def sparql(request: Request) -> Response:
    settings = request.app.state.settings
    size = int(request.headers.get("content-length") or 0) + len(request.url.query)
    if size > settings.max_request_bytes:
        return error_response(request, 413, f"request larger than {settings.max_request_bytes} bytes")
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
    solution_format, graph_format = _formats(request, params)
    depth = nesting_depth(queries[0])
    if depth > MAX_NESTING:
        return error_response(request, 400, f"query nested {depth} levels deep; at most {MAX_NESTING} are accepted")
    try:
        check_services(queries[0], settings.service_allow)
        outcome = await request.app.state.pool.run(Job(
            queries[0], params.get("default-graph-uri") or None, params.get("named-graph-uri") or None,
            solution_format, graph_format, settings.max_rows, base_iri=str(request.url_for("sparql"))))
    except QueryTimeout as error:
        return error_response(request, 503, str(error))
    except QueryError as error:
        return error_response(request, 400, str(error))
    except Busy:
        return error_response(request, 429, "too many queries at once; try again shortly", {"Retry-After": "1"})
    if outcome.format is None:
        kinds = ", ".join((GRAPH_OFFERS if outcome.kind == "graph" else SOLUTION_OFFERS).values())
        return error_response(request, 406, f"no acceptable result format; this query can give: {kinds}")
    media = (GRAPH_FORMATS if outcome.kind == "graph" else SOLUTION_FORMATS)[outcome.format][1]
    headers = {"Vary": "Accept"}
    if outcome.truncated:
        headers[TRUNCATED_HEADER] = f"results cut at {settings.max_rows} rows (PARLGRAPH_MAX_ROWS)"
    return Response(outcome.body, media_type=media, headers=headers)


async def _protocol_params(request: Request) -> dict[str, list[str]] | Response:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        charset = request.headers.get("content-type", "").lower().partition("charset=")[2].strip() or "utf-8"
        if content_type == "application/x-www-form-urlencoded":
            form = await request.form()
            for key, value in form.multi_items():
                params.setdefault(key, []).append(str(value))
        elif content_type == "application/sparql-query":
            if charset.replace("-", "") not in {"utf8"}:
                return error_response(request, 415, "a query body must be UTF-8")
            try:
                params.setdefault("query", []).append((await request.body()).decode("utf-8"))
            except UnicodeDecodeError:
                return error_response(request, 400, "the query body is not valid UTF-8")
        elif content_type == "application/sparql-update":
            params.setdefault("update", []).append("")
        else:
            return error_response(request, 415, "POST a form (application/x-www-form-urlencoded) or "
                                                 "a query (application/sparql-query)")
    return params


def _formats(request: Request, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """The result format for solutions and for graphs, from ?format= or the Accept header."""
    requested = params.get("format", [None])[0]
    if requested:
        fmt = FORMAT_ALIASES.get(requested.lower())
        return (fmt if fmt in SOLUTION_FORMATS else None), (fmt if fmt in GRAPH_FORMATS else None)
    accept = request.headers.get("accept")
    solution = choose(accept, SOLUTION_OFFERS)
    graph = choose(accept, GRAPH_OFFERS)
    return {"json_plain": "json"}.get(solution or "", solution), {"jsonld_plain": "jsonld"}.get(graph or "", graph)


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
  sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""
    return Response(turtle, media_type="text/turtle", headers={"Vary": "Accept"})

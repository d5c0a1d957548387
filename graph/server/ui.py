"""Pages for people: the query editor (/query) with the queries/ catalogue, the network explorer
(/explore), and the JSON routes behind them (/api/queries, /api/network)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from graph.network import DEFAULT_TYPES, NODE_TYPES, NetworkFilter, build_network, to_csv, to_gexf, to_graphml, to_json
from graph.server.errors import error_response

router = APIRouter()
TEMPLATES = Path(__file__).parent / "templates"
HEADER = re.compile(r"^#\s*(title|description|parameters):\s*(.*)$")


def read_catalogue(directory: Path) -> list[dict[str, str]]:
    """Every .rq file with its header (title, description, parameters) and its text."""
    entries = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        fields = {"file": path.name, "title": path.stem, "description": "", "parameters": "", "query": text}
        for line in text.splitlines():
            match = HEADER.match(line)
            if match:
                fields[match[1]] = match[2].strip()
            elif line.strip() and not line.startswith("#"):
                break
        entries.append(fields)
    return entries


@router.get("/api/queries")
async def queries(request: Request) -> JSONResponse:
    return JSONResponse(read_catalogue(request.app.state.settings.queries))


@router.get("/api/network")
async def network(request: Request) -> Response:
    params = request.query_params
    types = tuple(t for t in (params.get("types") or ",".join(DEFAULT_TYPES)).split(",") if t)
    unknown = [t for t in types if t not in NODE_TYPES]
    if unknown:
        return error_response(request, 400, f"unknown node types {unknown}; known: {', '.join(NODE_TYPES)}")
    flt = NetworkFilter(types=types, legislature=params.get("legislature") or None, party=params.get("party") or None)
    for field, name in (("date_from", "from"), ("date_to", "to")):
        value = params.get(name)
        if value:
            if not re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", value):
                return error_response(request, 400, f"'{name}' must be a date (YYYY-MM-DD) or a year")
            if len(value) == 4:
                value = f"{value}-01-01" if name == "from" else f"{value}-12-31"
            setattr(flt, field, value)
    try:
        graph = await run_in_threadpool(build_network, request.app.state.store, flt)
    except ValueError as error:
        return error_response(request, 400, str(error))
    fmt = params.get("format", "json")
    if fmt == "gexf":
        return Response(to_gexf(graph), media_type="application/gexf+xml",
                        headers={"Content-Disposition": 'attachment; filename="parlgraph.gexf"'})
    if fmt == "graphml":
        return Response(to_graphml(graph), media_type="application/graphml+xml",
                        headers={"Content-Disposition": 'attachment; filename="parlgraph.graphml"'})
    if fmt == "csv":
        return Response(to_csv(graph), media_type="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="parlgraph-edges.csv"'})
    if fmt != "json":
        return error_response(request, 400, "format must be json, gexf, graphml or csv")
    return JSONResponse(to_json(graph))


@router.get("/query", response_class=HTMLResponse, include_in_schema=False)
async def query_page() -> str:
    return (TEMPLATES / "query.html").read_text(encoding="utf-8")


@router.get("/explore", response_class=HTMLResponse, include_in_schema=False)
async def explore_page() -> str:
    return (TEMPLATES / "explore.html").read_text(encoding="utf-8")

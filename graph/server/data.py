"""The dataset page /data (VoID + DCAT by content negotiation), dumps under /downloads/, and the JSON-LD
@context at /context.jsonld."""

from __future__ import annotations

import html
from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from graph.results import GRAPH_FORMATS
from graph.server.errors import error_response
from graph.server.negotiation import choose

router = APIRouter()
OFFERS = {"html": "text/html", **{k: media for k, (_, media) in GRAPH_FORMATS.items()}}


@router.get("/data")
async def data(request: Request) -> Response:
    directory: Path = request.app.state.downloads
    void = directory / "void.ttl"
    if not void.exists():
        if (directory / ".exporting").exists():
            return error_response(request, 503, "the dumps are being written; try again shortly", {"Retry-After": "5"})
        return error_response(request, 404, "no dataset description yet: run 'parlgraph export'")
    requested = request.query_params.get("format")
    fmt = requested if requested in OFFERS else choose(request.headers.get("accept"), OFFERS)
    if fmt is None:
        return error_response(request, 406, "acceptable formats: " + ", ".join(OFFERS.values()))
    if fmt == "html":
        return HTMLResponse(_page(directory), headers={"Vary": "Accept"})
    triples = list(ox.parse(void.read_bytes(), format=ox.RdfFormat.TURTLE))
    rdf_format, media = GRAPH_FORMATS[fmt]
    return Response(ox.serialize(triples, format=rdf_format) or b"", media_type=media, headers={"Vary": "Accept"})


@router.get("/downloads/{name:path}")
async def download(request: Request, name: str) -> Response:
    directory: Path = request.app.state.downloads.resolve()
    try:
        path = (directory / name).resolve()
        found = path.is_relative_to(directory) and path.is_file()  # no path traversal
    except (ValueError, OSError):  # a NUL byte or an impossible name
        found = False
    if not found:
        return error_response(request, 404, f"no download {name!r}")
    return FileResponse(path)


@router.get("/context.jsonld")
async def context(request: Request) -> Response:
    path = request.app.state.settings.ontology / "context.jsonld"
    return FileResponse(path, media_type="application/ld+json")


def _page(directory: Path) -> str:
    sums = {}
    if (directory / "SHA256SUMS").exists():
        for line in (directory / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
            digest, _, name = line.partition("  ")
            sums[name] = digest
    rows = "".join(
        f"<tr><td><a href='/downloads/{html.escape(n)}'>{html.escape(n)}</a></td>"
        f"<td>{(directory / n).stat().st_size:,} bytes</td><td><code>{d}</code></td></tr>"
        for n, d in sorted(sums.items()) if (directory / n).exists())
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data · ParlGraph</title>
<style>body{{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}td{{padding:.2rem .8rem}}</style>
</head><body><p><a href="/">ParlGraph</a></p><h1>ParlGraph data</h1>
<p>Written questions of the Belgian Senate as linked data. Licence CC BY 4.0. EuroVoc, © European Union,
https://op.europa.eu/en/web/eu-vocabularies. Description as <a href="/data?format=turtle">Turtle</a> ·
<a href="/data?format=jsonld">JSON-LD</a>; SPARQL at <a href="/sparql">/sparql</a>; JSON-LD context at
<a href="/context.jsonld">/context.jsonld</a>.</p>
<table><tr><th>file</th><th>size</th><th>SHA-256</th></tr>{rows}</table></body></html>"""

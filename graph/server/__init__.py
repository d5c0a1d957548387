"""The web app: create_app(store, settings) with one router per job."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response

from graph import __version__
from graph.settings import Settings, downloads_dir
from graph.store import Store


def create_app(store: Store, settings: Settings) -> FastAPI:
    from starlette.middleware.cors import CORSMiddleware

    from starlette.staticfiles import StaticFiles

    from graph.server import data, linked_data, sparql, ui, update

    from graph.server.pool import QueryPool

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        store.flush()
        pool = QueryPool(store.location, settings.query_workers, settings.query_timeout_s, settings.max_waiting)
        await pool.start()
        app.state.pool = pool
        yield
        await pool.stop()

    app = FastAPI(title="ParlGraph", version=__version__, lifespan=lifespan,
                  description="Belgian Senate written questions as linked data, with a SPARQL 1.1 endpoint.")
    app.state.store = store
    app.state.settings = settings
    app.state.etag = f'W/"{__version__}-{store.count_quads()}"'
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=["Accept"])
    app.include_router(sparql.router)
    app.include_router(update.router)
    app.include_router(data.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.state.downloads = downloads_dir(settings)
    app.include_router(linked_data.router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> str:
        return (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>ParlGraph</title></head><body>"
            "<h1>ParlGraph</h1><p>Written questions of the Belgian Senate as linked data.</p>"
            "<ul><li><a href='/query'>Query editor</a> with a catalogue of documented queries</li>"
            "<li><a href='/explore'>Network explorer</a>: who asks whom about what</li>"
            "<li><a href='/sparql'>SPARQL endpoint</a> (<code>/sparql?query=…</code>)</li>"
            "<li><a href='/data'>Data: downloads and dataset description</a></li>"
            "<li><a href='/docs'>API documentation</a></li></ul></body></html>"
        )

    return app

"""One Settings object; every option has a PARLGRAPH_* environment variable."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLGRAPH_", extra="ignore")

    store: str = "parlgraph-data/store"
    """Directory of the embedded Oxigraph store, or the http(s) URL of a remote SPARQL query endpoint."""
    base_uri: str = "https://w3id.org/parlgraph/"
    downloads: Path | None = None
    """Where `serve` keeps the dumps it offers under /downloads/; default: `downloads` beside the store."""
    questions: Path = PROJECT_ROOT / "seeds" / "questions"
    reference: Path = PROJECT_ROOT / "seeds" / "reference"
    queries: Path = PROJECT_ROOT / "queries"
    ontology: Path = PROJECT_ROOT / "ontology"
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout_s: float = 30.0
    max_rows: int = 100_000
    max_request_bytes: int = 1_000_000
    query_workers: int = 2
    """Worker processes answering SPARQL queries (each can be stopped at the time limit)."""
    max_waiting: int = 16
    """Requests that may wait for a free worker; beyond that: 429 with Retry-After."""
    service_allow: list[str] = [
        "https://publications.europa.eu/webapi/rdf/sparql",
        "http://publications.europa.eu/webapi/rdf/sparql",
        "https://query.wikidata.org/sparql",
    ]
    """SPARQL endpoints a query may reach with SERVICE (JSON list in PARLGRAPH_SERVICE_ALLOW)."""
    update_token: str | None = None
    """Bearer token for /sparql/update and /sparql/store; unset: writes refused (403)."""
    batch_size: int = 500
    """Documents per bulk load while building."""
    workers: int = 2
    """Processes for entity extraction on large builds."""


def downloads_dir(settings: Settings) -> Path:
    if settings.downloads is not None:
        return settings.downloads
    if settings.store.startswith(("http://", "https://")):
        return Path("parlgraph-data/downloads")
    return Path(settings.store).parent / "downloads"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

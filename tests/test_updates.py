"""Writes: off without a token (403), 401 with a missing or wrong one, and the public endpoint stays read-only."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import httpx
import pytest

from conftest import free_port
from test_endpoint_limits import start

TOKEN = "s3cret-token"
INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"
ASK = "ASK { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"


@pytest.fixture(scope="module")
def writable(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = tmp_path_factory.mktemp("writable") / "store"
    shutil.copytree(seed_store_path, store)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)], url + "/",
                    dict(os.environ, PARLGRAPH_UPDATE_TOKEN=TOKEN))
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_no_token_configured_means_403(server: str) -> None:
    response = httpx.post(server + "/sparql/update", data={"update": INSERT}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403
    assert httpx.put(server + "/sparql/store?graph=http://example.org/g", content=b"",
                     headers={"Content-Type": "text/turtle"}).status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic czNjcmV0LXRva2Vu", f"Bearer {TOKEN}x"])
def test_missing_or_wrong_token_is_401(writable: str, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.post(writable + "/sparql/update", data={"update": INSERT}, headers=headers)
    assert response.status_code == 401 and "www-authenticate" in response.headers
    assert httpx.get(writable + "/sparql", params={"query": ASK}).json()["boolean"] is False


def test_update_with_token_is_visible_to_queries(writable: str) -> None:
    response = httpx.post(writable + "/sparql/update", data={"update": INSERT},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 204
    assert httpx.get(writable + "/sparql", params={"query": ASK}).json()["boolean"] is True


def test_public_endpoint_refuses_updates_even_with_token(writable: str) -> None:
    response = httpx.post(writable + "/sparql", content="DROP ALL",
                          headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "/sparql/update" in response.json()["error"]["message"]


def test_graph_store_protocol_put_get_delete(writable: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    graph = "http://example.org/gsp"
    put = httpx.put(writable + "/sparql/store", params={"graph": graph},
                    content=b"<http://example.org/x> <http://example.org/y> \"z\" .",
                    headers={"Content-Type": "text/turtle", **auth})
    assert put.status_code == 201
    got = httpx.get(writable + "/sparql/store", params={"graph": graph})
    assert got.status_code == 200 and '"z"' in got.text
    assert httpx.delete(writable + "/sparql/store", params={"graph": graph}, headers=auth).status_code == 204
    assert httpx.get(writable + "/sparql/store", params={"graph": graph}).status_code == 404


def test_malformed_update_is_400(writable: str) -> None:
    response = httpx.post(writable + "/sparql/update", data={"update": "INSERT NONSENSE"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400 and "malformed update at line 1" in response.json()["error"]["message"]

"""Security: read-only public endpoint, CORS for GET only, no path traversal, bounded dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_cors_allows_get_but_not_writes(server: str) -> None:
    get = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://elsewhere.example"})
    assert get.headers.get("access-control-allow-origin") == "*"
    preflight = httpx.options(server + "/sparql/update", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "POST" not in preflight.headers.get("access-control-allow-methods", "")
    assert preflight.status_code >= 400


@pytest.mark.parametrize("path", ["/question/..%2F..%2F..%2Fetc%2Fpasswd", "/downloads/..%2F..%2Fstore%2FCURRENT",
                                  "/static/..%2F..%2F__init__.py", "/downloads/%2Fetc%2Fpasswd",
                                  "/downloads/%00", "/question/%00", "/static/%00"])
def test_no_path_traversal(server: str, path: str) -> None:
    response = httpx.get(server + path)
    assert response.status_code == 404
    assert "root:" not in response.text and "MANIFEST" not in response.text


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <a:b> <a:c> <a:d> }", "LOAD <http://127.0.0.1:1/x>"])
def test_public_endpoint_is_read_only(server: str, update: str) -> None:
    for response in (httpx.post(server + "/sparql", data={"update": update}),
                     httpx.post(server + "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}),
                     httpx.get(server + "/sparql", params={"query": update})):
        assert response.status_code in (400, 403)
    assert httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_every_dependency_has_an_upper_bound() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    unbounded = [r for r in requirements if not re.search(r"(<|==)", r)]
    assert unbounded == []

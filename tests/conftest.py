"""Shared fixtures: the seed graph built once into an on-disk store, and a real server on a free port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph.ingest import build
from graph.settings import Settings
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "questions"


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "store"
    store = Store(path)
    report = build([SEEDS], store, Settings(store=str(path)))
    assert not report.rejected, report.rejected
    del store
    return path


@pytest.fixture(scope="session")
def seed_store(seed_store_path: Path) -> Store:
    return Store(seed_store_path, read_only=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(seed_store_path: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """`parlgraph serve` as a user runs it, on 127.0.0.1 and a free port, over a copy of the seed store."""
    import shutil

    store = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(seed_store_path, store)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None:
                raise RuntimeError(process.stdout.read().decode() if process.stdout else "server died")
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("server did not start")
    yield url
    process.terminate()
    process.wait(timeout=10)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--use-angle=swiftshader",
                 "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's chromium, headless, driven by Playwright (no browser download)."""
    import os

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("PARLGRAPH_CHROMIUM", "/usr/bin/chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

"""The harvester against a local HTTP server that serves corpus pages as HTML, with injected failures.
Nothing reaches the internet."""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from graph.harvest import Harvester

from conftest import SEEDS


def as_html(text: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line)
    return f"<!DOCTYPE html><html><head><title>Sénat</title></head><body>{paragraphs}</body></html>".encode()


class Site:
    """Serves seeds/questions/{leg}-{nr}.{lang}.txt as HTML; `failures[(key)]` lists faults to play in order."""

    def __init__(self) -> None:
        self.failures: dict[str, list[str]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                query = parse_qs(urlparse(self.path).query)
                key = f"{query['LEG'][0]}-{query['NR'][0]}.{query['LANG'][0]}"
                site.requests.append(key)
                fault = site.failures.get(key, []).pop(0) if site.failures.get(key) else None
                if fault == "timeout":
                    time.sleep(1.5)
                if fault == "500":
                    self.send_response(500)
                    self.end_headers()
                    return
                page = SEEDS / f"{key}.txt"
                if not page.exists():
                    self.send_response(404)
                    self.end_headers()
                    return
                body = as_html(page.read_text(encoding="utf-8"))
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("ETag", etag)
                if fault == "truncate":
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture()
def site():  # type: ignore[no-untyped-def]
    site = Site()
    yield site
    site.server.shutdown()


def test_fetches_pages_and_records_missing_ones(site: Site, tmp_path: Path) -> None:
    harvester = Harvester(site=site.url, directory=tmp_path, delay_s=0, timeout_s=5)
    report = harvester.harvest(5, 611, 612)
    assert sorted(p.name for p in report.fetched) == ["5-611.fr.html", "5-611.nl.html", "5-612.fr.html"]
    assert report.missing == ["5-612.nl"] and not report.failed
    assert "Yves Buysse" in (tmp_path / "5-611.nl.html").read_text(encoding="utf-8")


def test_survives_timeouts_500s_and_truncated_bodies(site: Site, tmp_path: Path) -> None:
    site.failures = {"7-1874.fr": ["timeout", "500", "truncate"], "7-75.fr": ["500"]}
    harvester = Harvester(site=site.url, directory=tmp_path, delay_s=0.01, timeout_s=0.5, attempts=5)
    report = harvester.harvest(7, 1874, 1874)
    assert [p.name for p in report.fetched] == ["7-1874.fr.html"] and not report.failed
    assert site.requests.count("7-1874.fr") == 4
    body = (tmp_path / "7-1874.fr.html").read_text(encoding="utf-8")
    assert body.rstrip().endswith("</html>")


def test_gives_up_after_the_attempts_and_says_so(site: Site, tmp_path: Path) -> None:
    site.failures = {"7-75.fr": ["500"] * 10}
    report = Harvester(site=site.url, directory=tmp_path, delay_s=0.01, attempts=3).harvest(7, 75, 75)
    assert len(report.failed) == 1 and "HTTP 500" in report.failed[0]
    assert not (tmp_path / "7-75.fr.html").exists()


def test_incremental_run_asks_only_what_may_have_changed(site: Site, tmp_path: Path) -> None:
    Harvester(site=site.url, directory=tmp_path, delay_s=0).harvest(7, 75, 75)
    again = Harvester(site=site.url, directory=tmp_path, delay_s=0).harvest(7, 75, 75)
    assert again.skipped == 2 and not again.fetched  # checked recently: no request at all
    import datetime as dt

    later = Harvester(site=site.url, directory=tmp_path, delay_s=0, recheck_after=dt.timedelta(0)).harvest(7, 75, 75)
    assert later.unchanged == 1 and not later.fetched  # conditional GET: 304


def test_resumes_after_being_killed_and_builds(site: Site, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "graph", "harvest", "--legislature", "7", "--from", "1870", "--to", "1880",
               "--site", site.url, "--delay", "0.3"]
    first = subprocess.Popen([*command, "--no-build"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(site.requests) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.kill()
    first.wait()
    served_before = list(site.requests)
    assert 6 <= len(served_before) < 22
    second = subprocess.run([*command, "--store", str(tmp_path / "store")], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    asked_again = site.requests[len(served_before):]
    assert not set(asked_again) & set(served_before[:-1])  # all but the one in flight were not asked again
    assert (tmp_path / "seeds/questions/7-1874.fr.html").exists()
    assert re.search(r"questions: 1 ", second.stderr)

"""Polite, resumable download of question pages from the Senate site.

Each page `{site}/www/?MIval=Vragen/SchriftelijkeVraag&LEG={l}&NR={n}&LANG={fr|nl}` is saved as
`{number}.{lang}.html`. A cache beside the pages (`.harvest-cache.json`, rewritten atomically after every
page) remembers each page's validators (ETag, Last-Modified), content hash and when it was checked, so a
harvest killed half-way resumes where it stopped, and a later one asks only for what may have changed
(conditional GET). A 404, or a page that is no question page, is recorded as "no such question", not an
error. Timeouts, 5xx answers and truncated bodies are retried with exponential backoff (tenacity).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from graph import __version__
from graph.errors import ParlGraphError, ParseError
from graph.parse import parse_bytes

PAGE = "{site}/www/?MIval=Vragen/SchriftelijkeVraag&LEG={legislature}&NR={number}&LANG={lang}"
USER_AGENT = f"ParlGraph/{__version__} (open knowledge graph of parliamentary questions; +https://w3id.org/parlgraph)"
CACHE_NAME = ".harvest-cache.json"
LANGUAGES = ("fr", "nl")


class HarvestError(ParlGraphError):
    pass


class _Retryable(Exception):
    """A timeout, a 5xx answer or a truncated body: worth another try."""


@dataclass
class HarvestReport:
    fetched: list[Path] = field(default_factory=list)  # new or changed pages
    unchanged: int = 0
    skipped: int = 0  # checked recently (resumed or incremental run)
    missing: list[str] = field(default_factory=list)  # no such question
    failed: list[str] = field(default_factory=list)  # gave up after retries


@dataclass
class Harvester:
    site: str = "https://www.senate.be"
    directory: Path = Path("seeds/questions")
    delay_s: float = 1.0
    timeout_s: float = 20.0
    attempts: int = 4
    recheck_after: dt.timedelta = dt.timedelta(hours=24)
    progress: Callable[[int, int], None] | None = None

    def harvest(self, legislature: int, first: int, last: int) -> HarvestReport:
        """Fetch questions `first`..`last` of a legislature in French and Dutch."""
        if first < 1 or last < first:
            raise HarvestError(f"bad range {first}..{last}: give 1 <= --from <= --to")
        self.directory.mkdir(parents=True, exist_ok=True)
        cache = self._load_cache()
        report = HarvestReport()
        jobs = [(n, lang) for n in range(first, last + 1) for lang in LANGUAGES]
        last_request = 0.0
        with httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=self.timeout_s, follow_redirects=True) as client:
            for done, (number, lang) in enumerate(jobs, start=1):
                url = PAGE.format(site=self.site.rstrip("/"), legislature=legislature, number=number, lang=lang)
                entry = cache.get(url, {})
                if self._recent(entry):
                    report.skipped += 1
                else:
                    wait = self.delay_s - (time.monotonic() - last_request)
                    if wait > 0:
                        time.sleep(wait)
                    last_request = time.monotonic()
                    cache[url] = self._fetch_one(client, url, f"{legislature}-{number}", lang, entry, report)
                    self._save_cache(cache)
                if self.progress:
                    self.progress(done, len(jobs))
        return report

    def _fetch_one(self, client: httpx.Client, url: str, number: str, lang: str, entry: dict,
                   report: HarvestReport) -> dict:
        path = self.directory / f"{number}.{lang}.html"
        headers = {}
        if path.exists() and entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if path.exists() and entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        try:
            response = self._get(client, url, headers)
        except (_Retryable, httpx.HTTPError) as error:
            report.failed.append(f"{url}: {error or type(error).__name__}")
            return entry  # keep what we knew; the next run tries again
        if response.status_code == 304:
            report.unchanged += 1
            return {**entry, "checked": now}
        if response.status_code == 404 or not _is_question_page(response.content, url):
            report.missing.append(number + "." + lang)
            return {"status": "no such question", "checked": now}
        if response.status_code != 200:
            report.failed.append(f"{url}: HTTP {response.status_code}")
            return entry
        digest = hashlib.sha256(response.content).hexdigest()
        if digest == entry.get("sha256") and path.exists():
            report.unchanged += 1
        else:
            _write_atomically(path, response.content)
            report.fetched.append(path)
        return {"status": "ok", "sha256": digest, "etag": response.headers.get("etag"),
                "last_modified": response.headers.get("last-modified"), "checked": now, "file": path.name}

    def _get(self, client: httpx.Client, url: str, headers: dict[str, str]) -> httpx.Response:
        @retry(retry=retry_if_exception_type(_Retryable), stop=stop_after_attempt(self.attempts),
               wait=wait_exponential(multiplier=self.delay_s or 0.1, max=30), reraise=True)
        def attempt() -> httpx.Response:
            try:
                response = client.get(url, headers=headers)
            except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError, httpx.ConnectError) as error:
                raise _Retryable(f"{type(error).__name__}") from None
            if response.status_code >= 500 or response.status_code == 429:
                raise _Retryable(f"HTTP {response.status_code}")
            if response.status_code == 200 and b"</html" not in response.content[-4096:].lower():
                raise _Retryable("truncated page (no closing </html>)")
            return response

        return attempt()

    def _recent(self, entry: dict) -> bool:
        checked = entry.get("checked")
        if not checked:
            return False
        age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(checked)
        return age < self.recheck_after and (entry.get("status") != "ok" or (self.directory / entry["file"]).exists())

    def _load_cache(self) -> dict:
        path = self.directory / CACHE_NAME
        if not path.exists():
            return {}
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, OSError):
            return {}  # a damaged cache costs a re-check, never a wrong skip

    def _save_cache(self, cache: dict) -> None:
        _write_atomically(self.directory / CACHE_NAME, json.dumps(cache, indent=0, sort_keys=True).encode())


def _is_question_page(content: bytes, url: str) -> bool:
    try:
        parse_bytes(content, url)
    except ParseError:
        return False
    return True


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(data)
    os.replace(temporary, path)

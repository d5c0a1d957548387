"""The synthetic corpus: deterministic, parseable, resolvable; a parallel build equals a serial one."""

from __future__ import annotations

from pathlib import Path

from graph.ingest import build
from graph.parse import parse_page
from graph.settings import Settings
from graph.store import Store
from graph.synthetic import SyntheticCorpus

REFERENCE = Settings().reference


def test_same_seed_same_pages() -> None:
    first = list(SyntheticCorpus(REFERENCE, seed=7).pages(50))
    assert first == list(SyntheticCorpus(REFERENCE, seed=7).pages(50))
    assert first != list(SyntheticCorpus(REFERENCE, seed=8).pages(50))


def test_pages_parse_without_warnings_in_both_languages() -> None:
    records = [parse_page(text, name) for name, text in SyntheticCorpus(REFERENCE).pages(300)]
    assert {r.page_language for r in records} == {"fr", "nl"}
    assert all(not r.warnings for r in records), [r.warnings for r in records if r.warnings][:3]
    assert all(r.addressee and r.author and len(r.subquestions) == 2 for r in records)
    assert any(r.also_asked for r in records) and any(r.answer for r in records)


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    SyntheticCorpus(REFERENCE).write(pages, 120)
    dumps = []
    for workers in (1, 2):
        location = tmp_path / f"store-{workers}"
        settings = Settings(store=str(location), workers=workers, batch_size=25)
        report = build([pages], Store(location), settings, extract=False)
        assert report.questions == 120 and not report.rejected
        dumps.append(sorted(Store(location, read_only=True).dump().splitlines()))
    assert dumps[0] == dumps[1]

"""The query editor and the network explorer in a real browser (Debian chromium, headless) against a
real server. Screenshots go to tests/artifacts/."""

from __future__ import annotations

from urllib.parse import urlparse

import httpx
import pytest

from conftest import ARTIFACTS


@pytest.fixture()
def page(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.hosts = set()
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.hosts.add(urlparse(request.url).netloc))
    yield page
    context.close()


def wait_ready(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)


def visible_labels(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.evaluate("""graph.filterNodes((n, a) => !renderer.getNodeDisplayData(n).hidden)
                                 .map((n) => graph.getNodeAttribute(n, 'label'))"""))


def test_editor_runs_a_catalogue_query_and_shows_its_rows(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/query")
    page.get_by_role("button", name="Questions per party per year").click()
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
    rows = page.locator(".yasr table tbody tr")
    assert rows.count() == 9
    assert "Vlaams Belang" in rows.first.inner_text()
    page.get_by_text("Chart", exact=True).click()
    page.wait_for_selector("svg.parlgraph-chart rect")
    page.screenshot(path=str(ARTIFACTS / "query-editor.png"))
    assert page.errors == [] and page.hosts == {urlparse(server).netloc}  # no call to outside services


def test_explorer_shows_the_seed_graph_and_filters_redraw(page, server: str) -> None:  # type: ignore[no-untyped-def]
    expected = len(httpx.get(server + "/api/network").json()["nodes"])
    page.goto(server + "/explore")
    wait_ready(page)
    assert int(page.evaluate("document.body.dataset.visibleNodes")) == expected
    page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    page.get_by_label("concept").uncheck()
    without_concepts = int(page.evaluate("document.body.dataset.visibleNodes"))
    assert 0 < without_concepts < expected
    page.locator("#year-from").fill("2021")
    after_slider = int(page.evaluate("document.body.dataset.visibleNodes"))
    assert 0 < after_slider < without_concepts
    assert "Karl Vanlouwe" not in visible_labels(page)  # asked in 2012
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("source,source_label") and "Karl Vanlouwe" not in text
    with page.expect_download() as png:
        page.get_by_role("button", name="PNG").click()
    assert open(png.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert page.errors == []


def test_companies_open_vld_senators_asked_about_in_2023_by_clicking(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/explore")
    wait_ready(page)
    page.locator("#party").select_option("Open Vld")
    page.locator("#year-from").fill("2023")
    page.locator("#year-to").fill("2023")
    for kind in ("concept", "place", "party"):
        page.get_by_label(kind, exact=True).uncheck()
    shown = visible_labels(page)
    assert {"Els Ampe", "Hikvision", "Dahua"} <= shown and "Willem-Frederik Schiltz" not in shown
    page.get_by_label("Search").fill("Hikvision")
    node = page.evaluate("graph.findNode((n, a) => a.label === 'Hikvision')")
    page.evaluate(f"select({node!r})")
    assert page.locator("#details-meta").inner_text().startswith("company")
    assert page.locator("#details-link").get_attribute("href") == "/organisation/hikvision"
    page.screenshot(path=str(ARTIFACTS / "explorer-open-vld-2023.png"))


def test_linked_data_page_links_to_the_explorer_centred_on_it(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/person/els-ampe")
    page.get_by_role("link", name="explore the network around it").click()
    wait_ready(page)
    assert page.locator("#details-title").inner_text() == "Els Ampe"

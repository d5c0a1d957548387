"""Explorer speed in headless chromium: time to first render and to apply a filter, on a synthetic
10,000-node graph served to /explore?src=... by a real ParlGraph server.

    python benchmarks/explore.py [--nodes 10000] [--edges 30000]

Baseline in the same run: the seed graph (about 80 nodes) through the same page.
Goals: first render <= 2 s, filter <= 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, free_port  # noqa: E402


def synthetic_graph(nodes: int, edges: int, seed: int = 1874) -> dict:
    rng = random.Random(seed)
    kinds = ["person"] * 15 + ["party"] * 1 + ["organisation"] * 30 + ["concept"] * 40 + ["place"] * 14
    parties = [f"Party {i}" for i in range(10)]
    node_list = []
    for i in range(nodes):
        kind = rng.choice(kinds)
        node = {"id": f"https://w3id.org/parlgraph/{kind}/{i}", "label": f"{kind} {i}", "type": kind,
                "degree": 0, "betweenness": 0.0, "community": rng.randrange(40)}
        if kind == "person":
            node["party"] = rng.choice(parties)
        node_list.append(node)
    edge_list, seen = [], set()
    while len(edge_list) < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        year = rng.randrange(2010, 2025)
        edge_list.append({"source": node_list[a]["id"], "target": node_list[b]["id"], "type": "mentions",
                          "weight": 1, "first": f"{year}-01-01", "last": f"{year}-12-31"})
        node_list[a]["degree"] += 1
        node_list[b]["degree"] += 1
    return {"nodes": node_list, "edges": edge_list}


def measure(browser, url: str) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
    first = page.evaluate("window.parlgraphTimings.firstRender")
    started = time.perf_counter()
    page.get_by_label("concept", exact=True).uncheck()
    page.evaluate("new Promise((r) => requestAnimationFrame(() => r()))")
    wall = (time.perf_counter() - started) * 1000
    in_page = page.evaluate("window.parlgraphTimings.lastFilter")
    page.close()
    return first, in_page, wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=30_000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "graph", "build", "--store", str(store)], check=True, capture_output=True)
        downloads = Path(tmp) / "downloads"
        downloads.mkdir()
        (downloads / "synthetic.json").write_text(json.dumps(synthetic_graph(args.nodes, args.edges)), encoding="utf-8")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port)],
                                  env=dict(os.environ, PARLGRAPH_DOWNLOADS=str(downloads)),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(base + "/", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            (downloads / ".exported").unlink(missing_ok=True)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=os.environ.get("PARLGRAPH_CHROMIUM", "/usr/bin/chromium"),
                                                     headless=True, args=CHROMIUM_ARGS)
                seed = measure(browser, base + "/explore")
                big = measure(browser, base + "/explore?src=/downloads/synthetic.json")
                browser.close()
        finally:
            server.terminate()
            server.wait()
    print(f"baseline, seed graph: first render {seed[0]:.0f} ms, filter {seed[1]:.0f} ms in page ({seed[2]:.0f} ms round trip)")
    print(f"synthetic {args.nodes:,} nodes / {args.edges:,} edges: first render {big[0]:.0f} ms (goal <= 2,000), "
          f"filter {big[1]:.0f} ms in page (goal <= 200; {big[2]:.0f} ms round trip from the test driver)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Parse speed: pages per second on one core, over the corpus pages repeated.

    python benchmarks/parse.py [--pages 20000]

Baseline in the same run: reading the same bytes and splitting them into lines (the floor any parser pays).
Goal: >= 2,000 pages/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from graph.parse import parse_bytes
from graph.reference import descriptor_labels
from graph.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "questions"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20_000)
    args = parser.parse_args()
    pages = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    labels = descriptor_labels(Settings().reference)
    work = [pages[i % len(pages)] for i in range(args.pages)]

    started = time.perf_counter()
    for name, data in work:
        data.decode("utf-8").splitlines()
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    for name, data in work:
        parse_bytes(data, name, labels)
    elapsed = time.perf_counter() - started

    rate = args.pages / elapsed
    print(f"pages: {args.pages}  time: {elapsed:.2f} s  parse: {rate:,.0f} pages/s (goal >= 2,000)")
    print(f"baseline (decode + split lines): {args.pages / baseline:,.0f} pages/s; parse costs {elapsed / baseline:.0f}x the baseline")


if __name__ == "__main__":
    main()

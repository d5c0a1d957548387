"""Entity extraction speed: words per second of the extract stage on the corpus bodies repeated.

    python benchmarks/extract.py [--words 1000000] [--processes 2]

Figures: the gazetteer alone, and the whole stage (gazetteer + fr_core_news_sm on French texts, spread over
--processes with spaCy's n_process). Baseline in the same run: spaCy's bare tokenizer over the same texts
(the floor of any spaCy pass). Goal: >= 15,000 words/s for the whole stage.
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

import spacy

from graph.extract.entities import EntityExtractor
from graph.parse import parse_file
from graph.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "questions"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    records = [r for r in (parse_file(p) for p in sorted(SEEDS.glob("*.txt"))) if r.body]
    groups, words, i = [], 0, 0
    while words < args.words:
        record = copy.copy(records[i % len(records)])
        record.number = f"9-{i}"
        groups.append([record])
        words += len(record.body.split())  # type: ignore[union-attr]
        i += 1
    texts = [g[0].body for g in groups]

    tokenizer = spacy.blank("fr")
    started = time.perf_counter()
    for doc in tokenizer.pipe(texts):
        pass
    baseline = time.perf_counter() - started

    gazetteer = EntityExtractor(Settings().reference, use_model=False)
    started = time.perf_counter()
    gazetteer.extract(groups)
    gazetteer_only = time.perf_counter() - started

    full = EntityExtractor(Settings().reference, use_model=True)
    started = time.perf_counter()
    found = full.extract(groups, n_process=args.processes)
    whole = time.perf_counter() - started

    print(f"documents: {len(groups):,}  words: {words:,}  mentions: {sum(map(len, found)):,}")
    print(f"baseline (spaCy tokenizer alone): {words / baseline:,.0f} words/s")
    print(f"gazetteer alone: {words / gazetteer_only:,.0f} words/s ({gazetteer_only / baseline:.1f}x the baseline)")
    print(f"whole stage (gazetteer + {full.model_method}, n_process={args.processes}): {words / whole:,.0f} words/s "
          f"(goal >= 15,000)")


if __name__ == "__main__":
    main()

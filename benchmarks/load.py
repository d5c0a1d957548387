"""Load speed: our build's triples per second against pyoxigraph's own bulk load of the same triples.

    python benchmarks/load.py [--questions 20000]

The corpus records are copied under new numbers to reach --questions questions. Ours: map records to
N-Quads and load them batch by batch through Store.replace_graphs (what `parlgraph build` does after
parsing). Baseline: pyoxigraph.Store.bulk_load of the very same N-Quads, in one call, into a fresh store.
Goal: ours >= 0.5x the baseline.
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from graph.parse import parse_file
from graph.rdf.mapping import map_question, to_nquads
from graph.rdf.uris import Uris
from graph.settings import Settings
from graph.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "questions"


def synthetic_groups(count: int) -> list[list]:
    records = [parse_file(p) for p in sorted(SEEDS.glob("*.txt"))]
    groups = []
    for i in range(count):
        record = copy.copy(records[i % len(records)])
        record.number = f"9-{i + 1}"
        record.also_asked = [f"9-{i + 2}"]
        groups.append([record])
    return groups


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=20_000)
    args = parser.parse_args()
    settings = Settings()
    uris = Uris(settings.base_uri)
    groups = synthetic_groups(args.questions)

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "ours")
        started = time.perf_counter()
        everything = []
        for start in range(0, len(groups), settings.batch_size):
            batch = groups[start:start + settings.batch_size]
            quads = [q for group in batch for q in map_question(group, uris)]
            text = to_nquads(quads)
            everything.append(text)
            store.replace_graphs([uris.question_graph(g[0].number) for g in batch], text)
        store.flush()
        ours = time.perf_counter() - started
        triples = store.count_quads()

        data = b"".join(everything)
        raw = ox.Store(str(Path(tmp) / "raw"))
        started = time.perf_counter()
        raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        raw.flush()
        baseline = time.perf_counter() - started

    print(f"questions: {args.questions}  triples: {triples:,}")
    print(f"ours (map + replace graphs + bulk load): {triples / ours:,.0f} triples/s ({ours:.2f} s)")
    print(f"baseline (pyoxigraph bulk_load of the same N-Quads): {triples / baseline:,.0f} triples/s ({baseline:.2f} s)")
    print(f"ratio ours/baseline: {baseline / ours:.2f} (goal >= 0.5)")


if __name__ == "__main__":
    main()

"""Ingest at scale: a seeded synthetic corpus built without NER, per stage and overall, against
pyoxigraph's own bulk load of the same triples in the same run; peak memory.

    python benchmarks/ingest.py [--questions 10000] [--workers 2]

Stages are timed on one core over a 2,000-page sample (parse; resolve + map; bulk load); the whole build
runs with --workers processes. Baseline: pyoxigraph.Store.bulk_load of the very same N-Quads (the build's
question graphs, dumped) into a fresh store. Goals: build >= 0.5x the baseline's triples/s; 1M questions
in <= 10 minutes; peak memory <= 4 GB.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from graph.ingest import build, page_files
from graph.parse import parse_file
from graph.rdf.mapping import map_question, primary_record, to_nquads
from graph.rdf.uris import Uris
from graph.reference import descriptor_labels
from graph.resolve import resolve_question
from graph.resolve.actors import load_actors
from graph.resolve.vocab import load_vocabulary
from graph.settings import Settings
from graph.store import Store
from graph.synthetic import SyntheticCorpus


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        started = time.perf_counter()
        SyntheticCorpus(settings.reference).write(pages, args.questions)
        print(f"generated {args.questions:,} pages in {time.perf_counter() - started:.1f} s")

        sample = page_files([pages])[:2000]
        labels, actors = descriptor_labels(settings.reference), load_actors(settings.reference)
        vocabulary, uris = load_vocabulary(settings.reference), Uris(settings.base_uri)
        started = time.perf_counter()
        records = [parse_file(p, labels) for p in sample]
        parse_s = time.perf_counter() - started
        started = time.perf_counter()
        quads = [q for r in records for q in map_question([r], uris, resolve_question([r], primary_record([r]), actors, vocabulary))]
        text = to_nquads(quads)
        map_s = time.perf_counter() - started
        sample_store = Store(Path(tmp) / "sample")
        started = time.perf_counter()
        sample_store.replace_graphs([uris.question_graph(r.number) for r in records], text)
        load_s = time.perf_counter() - started
        n = len(sample)
        print(f"stages on one core ({n:,} pages): parse {n / parse_s:,.0f} pages/s | resolve + map "
              f"{n / map_s:,.0f} pages/s | bulk load {len(quads) / load_s:,.0f} triples/s")

        location = Path(tmp) / "store"
        store = Store(location)
        build_settings = settings.model_copy(update={"store": str(location), "workers": args.workers})
        build([], store, build_settings, extract=False)  # static graphs first, outside the timing
        started = time.perf_counter()
        report = build([pages], store, build_settings, extract=False)
        elapsed = time.perf_counter() - started
        written = report.triples_written
        print(f"build ({args.workers} workers, no NER): {report.questions:,} questions, {written:,} triples in "
              f"{elapsed:.1f} s = {written / elapsed:,.0f} triples/s, {report.questions / elapsed:,.0f} questions/s")

        dump = b"".join(ox.serialize((q for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
                                     , format=ox.RdfFormat.N_QUADS) or b""
                        for g in store.named_graphs() if "/graph/question/" in g)
        raw = ox.Store(str(Path(tmp) / "raw"))
        started = time.perf_counter()
        raw.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
        raw.flush()
        baseline = time.perf_counter() - started
        raw_triples = len(raw)
        print(f"baseline (pyoxigraph bulk_load of the same {raw_triples:,} question-graph quads): "
              f"{raw_triples / baseline:,.0f} triples/s")
        print(f"ratio build/baseline: {(written / elapsed) / (raw_triples / baseline):.2f} (goal >= 0.5)")
        projected = elapsed * 1_000_000 / max(report.questions, 1) / 60
        print(f"projected for 1M questions at this rate: {projected:.0f} min (goal <= 10)")
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory: main process {peak_self:,.0f} MB, largest worker {peak_children:,.0f} MB (goal <= 4,096 MB)")


if __name__ == "__main__":
    main()

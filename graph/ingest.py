"""The chain over many documents: parse -> map -> store, in batches, with progress and a report.

A bad document is reported (file, line, reason) and skipped; the rest goes in. All pages of one
question number are mapped together into the question's named graph, which replaces the old one.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse as parse_rdf

from graph import __version__

from graph.errors import ParlGraphError, ParseError
from graph.model import Question
from graph.extract.entities import load_extractor
from graph.parse import DescriptorLabels, parse_file
from graph.rdf.mapping import map_question, primary_record, to_nquads
from graph.rdf.namespaces import PG
from graph.rdf.reference import map_reference
from graph.resolve import resolve_question
from graph.rdf.vocabulary import map_vocabulary
from graph.resolve.actors import load_actors
from graph.resolve.vocab import load_vocabulary
from graph.rdf.uris import Uris
from graph.reference import descriptor_labels
from graph.settings import Settings
from graph.store import Store

PAGE_SUFFIXES = {".txt", ".html", ".htm"}
Progress = Callable[[int, int], None]


@dataclass
class Rejected:
    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}" if self.line else f"{self.source}: {self.reason}"


@dataclass
class BuildReport:
    documents_read: int = 0
    questions: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    """Authors, parties and addressees not resolved, and party mismatches (never silently chosen)."""
    local_concepts: Counter[str] = field(default_factory=Counter)
    """Descriptors that are no EuroVoc label (local concepts), with how many questions print them."""
    triples_written: int = 0
    seconds: float = 0.0
    store_quads: int = 0

    def merge(self, batch: BatchResult) -> None:
        self.documents_read += batch.documents_read
        self.questions += len(batch.numbers)
        self.rejected.extend(batch.rejected)
        self.warnings.update(batch.warnings)
        self.unresolved.extend(batch.unresolved)
        self.local_concepts.update(batch.local_concepts)
        self.triples_written += batch.triples


def page_files(paths: Iterable[str | Path]) -> list[Path]:
    """The page files under `paths` (files as given, directories searched), sorted, README excluded."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in PAGE_SUFFIXES
                         and not p.name.lower().startswith("readme"))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def build(paths: Iterable[str | Path], store: Store, settings: Settings,
          progress: Progress | None = None, extract: bool = True) -> BuildReport:
    """Parse, resolve, extract, map and load the pages under `paths`, with the ontology, reference data and
    EuroVoc; return what happened. `extract=False` leaves out entity extraction.

    Streaming: pages are grouped by the question number in their file name (`7-1874.fr.txt`), and the
    groups go through the chain batch by batch, in `settings.workers` processes on large builds, each
    batch bulk-loaded as soon as it is ready; at most two batches per worker are in flight (bounded memory).
    """
    started = time.perf_counter()
    report = BuildReport()
    uris = Uris(settings.base_uri)
    groups = group_files(page_files(paths))
    _load_static_graphs(store, settings, uris, load_actors(settings.reference),
                        load_vocabulary(settings.reference), report)
    batches = [groups[i:i + settings.batch_size] for i in range(0, len(groups), settings.batch_size)]
    total_files = sum(len(g) for g in groups)
    done_files = 0
    for result in _run_batches(batches, settings, extract):
        store.replace_graphs([uris.question_graph(n) for n in result.numbers], result.nquads)
        report.merge(result)
        done_files += result.documents_read
        if progress:
            progress(done_files, total_files)
    store.flush()
    report.store_quads = store.count_quads()
    report.seconds = time.perf_counter() - started
    return report


NUMBERED = re.compile(r"^(\d+-\d+)\.")


def group_files(files: list[Path]) -> list[list[Path]]:
    """Pages of one question (its number opens the file name) together, with their sibling pages in the
    same directory (another language, a print version) even when only one was named."""
    groups: dict[tuple[str, ...], list[Path]] = {}
    for path in files:
        match = NUMBERED.match(path.name)
        key = (str(path.parent), match[1]) if match else (str(path),)
        groups.setdefault(key, []).append(path)
    listings: dict[str, dict[str, list[Path]]] = {}  # one directory listing each, not one glob per group
    for key, members in groups.items():
        if len(key) == 2:
            if key[0] not in listings:
                listing: dict[str, list[Path]] = {}
                for entry in Path(key[0]).iterdir():
                    match = NUMBERED.match(entry.name)
                    if match and entry.suffix in PAGE_SUFFIXES:
                        listing.setdefault(match[1], []).append(entry)
                listings[key[0]] = listing
            members.extend(listings[key[0]].get(key[1], []))
    return [sorted(set(m)) for _, m in sorted(groups.items())]


def _run_batches(batches: list[list[list[Path]]], settings: Settings, extract: bool) -> Iterator[BatchResult]:
    arguments = (str(settings.reference), settings.base_uri, extract)
    if settings.workers <= 1 or len(batches) < 2:
        for batch in batches:
            yield process_batch(batch, *arguments)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(settings.workers, mp_context=context) as executor:
        pending: deque[Future[BatchResult]] = deque()
        for batch in batches:
            pending.append(executor.submit(process_batch, batch, *arguments))
            if len(pending) >= 2 * settings.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@dataclass
class BatchResult:
    numbers: list[str] = field(default_factory=list)
    nquads: bytes = b""
    documents_read: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    local_concepts: Counter[str] = field(default_factory=Counter)
    triples: int = 0


def process_batch(groups: list[list[Path]], reference: str, base_uri: str, extract: bool) -> BatchResult:
    """Parse -> resolve -> extract -> map for a batch of file groups; runs in a worker process or inline."""
    reference_dir = Path(reference)
    labels, actors = descriptor_labels(reference_dir), load_actors(reference_dir)
    vocabulary, uris = load_vocabulary(reference_dir), Uris(base_uri)
    result = BatchResult()
    by_number: dict[str, list[Question]] = {}
    for group in groups:
        for path in group:
            result.documents_read += 1
            record = _parse_one(path, labels, result)
            if record is not None:
                by_number.setdefault(record.number, []).append(record)
    numbers = sorted(by_number)
    extractor = load_extractor(reference_dir) if extract else None
    mentions = extractor.extract([by_number[n] for n in numbers]) if extractor else None
    quads = []
    for position, number in enumerate(numbers):
        records = by_number[number]
        resolution = resolve_question(records, primary_record(records), actors, vocabulary)
        result.unresolved.extend(resolution.problems)
        for descriptor in resolution.descriptors:
            if not descriptor.concepts:
                result.local_concepts[descriptor.label] += 1
        quads.extend(map_question(records, uris, resolution, mentions[position] if mentions else None))
    result.numbers, result.nquads, result.triples = numbers, to_nquads(quads), len(quads)
    return result


def _parse_one(path: Path, labels: DescriptorLabels, report: BatchResult) -> Question | None:
    try:
        record = parse_file(path, labels)
    except ParseError as error:
        report.rejected.append(Rejected(str(path), error.line, error.reason))
        return None
    except OSError as error:
        report.rejected.append(Rejected(str(path), None, f"cannot read: {error.strerror or error}"))
        return None
    except Exception as error:  # noqa: BLE001 - one bad document never stops the batch
        report.rejected.append(Rejected(str(path), None, f"unexpected error ({type(error).__name__}: {error})"))
        return None
    if record.date is None:
        report.rejected.append(Rejected(str(path), None, "no date found on the page"))
        return None
    if record.warnings:
        report.warnings[str(path)] = record.warnings
    return record


def _load_static_graphs(store: Store, settings: Settings, uris: Uris, actors, vocabulary,  # type: ignore[no-untyped-def]
                        report: BuildReport) -> None:
    """Ontology, reference data and EuroVoc graphs, reloaded only when their files (or ParlGraph's
    version) changed: a fingerprint of them is kept in the reference graph."""
    fingerprint = _fingerprint(settings)
    marker = Quad(uris.reference_graph(), PG.fingerprint, Literal(fingerprint), uris.reference_graph())
    if next(iter(store.quads_matching(marker)), None) is not None:
        return
    _load_ontology(store, settings, uris, report)
    reference = map_reference(actors, uris) + local_scheme(uris)
    store.replace_graphs([uris.reference_graph()], to_nquads(reference))
    eurovoc = map_vocabulary(vocabulary, uris)
    store.replace_graphs([uris.vocabulary_graph()], to_nquads(eurovoc))
    # The marker goes in last and on its own, so a build killed while loading reloads everything next time.
    store.flush()
    store.add_quads([marker])
    report.triples_written += len(reference) + len(eurovoc)


def _fingerprint(settings: Settings) -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*settings.reference.rglob("*.tsv"), *settings.ontology.glob("*.ttl")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def local_scheme(uris: Uris) -> list[Quad]:
    """The concept scheme of ParlGraph's local concepts (Senate headings that are no EuroVoc label)."""
    from graph.rdf.namespaces import DCTERMS, RDF, RDFS, SKOS

    g, scheme = uris.reference_graph(), uris.concept_scheme()
    labels = {"en": "ParlGraph local concepts", "fr": "Concepts locaux ParlGraph", "nl": "Lokale ParlGraph-concepten"}
    quads = [Quad(scheme, RDF.type, SKOS.ConceptScheme, g)]
    for lang, text in labels.items():
        quads.append(Quad(scheme, SKOS.prefLabel, Literal(text, language=lang), g))
        quads.append(Quad(scheme, RDFS.label, Literal(text, language=lang), g))
    quads.append(Quad(scheme, DCTERMS.description, Literal(
        "Thesaurus descriptors printed on Senate pages that are no EuroVoc label; never forced onto EuroVoc.",
        language="en"), g))
    return quads


def _load_ontology(store: Store, settings: Settings, uris: Uris, report: BuildReport) -> None:
    """Our own terms (labels fr/nl/en) go into {base}graph/ontology, so the endpoint can show them."""
    path = settings.ontology / "parlgraph.ttl"
    if not path.exists():
        return
    graph = NamedNode(uris.base + "graph/ontology")
    try:
        triples = list(parse_rdf(path=str(path), format=RdfFormat.TURTLE))
    except (OSError, SyntaxError) as error:
        raise ParlGraphError(f"{path}: cannot read the ontology: {error}") from None
    quads = [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    store.replace_graphs([graph], to_nquads(quads))
    report.triples_written += len(quads)

"""`parlgraph` commands. Thin: parses arguments, calls the library, prints. Exit codes: 0 ok,
1 some documents rejected or the work failed, 2 usage error."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.errors import ParlGraphError, ParseError
from graph.settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="ParlGraph: Belgian Senate written questions as linked data.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOption = typer.Option(None, "--store", help="Store directory or remote SPARQL URL (PARLGRAPH_STORE).")


def _settings(store: Optional[str]) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"store": store}) if store else settings


@app.command()
def build(
    paths: list[Path] = typer.Argument(None, help="Page files or directories (default: seeds/questions)."),
    store: Optional[str] = StoreOption,
    no_extract: bool = typer.Option(False, "--no-extract", help="Leave out entity extraction."),
) -> None:
    """Parse, resolve and load question pages into the store."""
    from graph.ingest import build as run_build
    from graph.store import open_store

    settings = _settings(store)
    targets = paths or [settings.questions]
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        _fail(f"no such file or directory: {', '.join(missing)}", code=2)
    target_store = open_store(settings.store)
    with Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("pages", total=None)
        report = run_build(targets, target_store, settings, extract=not no_extract,
                           progress=lambda done, total: bar.update(task, completed=done, total=total))
    _print_report(report)
    raise typer.Exit(1 if report.rejected else 0)


LISTED = 25  # lines of each list in the build report; the rest is counted


def _print_list(lines: list[str]) -> None:
    for line in lines[:LISTED]:
        err.print(f"  {line}", markup=False, highlight=False)
    if len(lines) > LISTED:
        err.print(f"  ... and {len(lines) - LISTED} more")


def _print_report(report) -> None:  # type: ignore[no-untyped-def]
    err.print(f"documents read: {report.documents_read}   questions: {report.questions}   "
              f"rejected: {len(report.rejected)}")
    _print_list([f"rejected {r}" for r in report.rejected])
    if report.unresolved:
        err.print(f"not resolved: {len(report.unresolved)}")
        _print_list(report.unresolved)
    if report.local_concepts:
        err.print(f"descriptors that are no EuroVoc label (local concepts): {len(report.local_concepts)}")
        _print_list([f"{count} × {label}" for label, count in report.local_concepts.most_common()])
    warned = sum(len(w) for w in report.warnings.values())
    if warned:
        err.print(f"warnings: {warned} in {len(report.warnings)} documents (see 'parlgraph parse')")
    rate = report.triples_written / report.seconds if report.seconds else 0
    err.print(f"triples written: {report.triples_written}   store quads: {report.store_quads}   "
              f"time: {report.seconds:.2f} s ({rate:,.0f} triples/s)")


@app.command()
def parse(files: list[Path] = typer.Argument(..., help="Page files to parse.")) -> None:
    """Print one JSON object per page (PARSE-CONTRACT.md)."""
    from graph.parse import parse_file
    from graph.reference import descriptor_labels

    labels = descriptor_labels(get_settings().reference)
    failed = False
    for path in files:
        try:
            record = parse_file(path, labels)
        except ParseError as error:
            err.print(f"error: {error}", markup=False, highlight=False)
            failed = True
            continue
        except OSError as error:
            err.print(f"error: {path}: cannot read: {error.strerror or error}", markup=False, highlight=False)
            failed = True
            continue
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="The SPARQL query text."),
    file: Optional[Path] = typer.Option(None, "-f", "--file", help="Read the query from a .rq file."),
    store: Optional[str] = StoreOption,
    fmt: str = typer.Option("table", "--format", help="table, csv, tsv, json, xml or turtle."),
) -> None:
    """Answer a SPARQL query from the store."""
    from graph.results import SOLUTION_FORMATS, is_graph, serialize_result, term_text
    from graph.store import open_store

    if (sparql is None) == (file is None):
        _fail("give a query text or -f FILE (one of them)", code=2)
    if fmt not in {"table", "turtle", *SOLUTION_FORMATS}:
        _fail(f"unknown format {fmt!r}: use table, csv, tsv, json, xml or turtle", code=2)
    text = sparql if sparql is not None else _read(file)  # type: ignore[arg-type]
    result = open_store(_settings(store).store, read_only=True).query(text)
    if is_graph(result):
        sys.stdout.buffer.write(serialize_result(result, "turtle" if fmt in {"table", "turtle"} else "ntriples"))
        return
    if fmt == "turtle":
        _fail("--format turtle is for CONSTRUCT and DESCRIBE queries", code=2)
    if fmt != "table":
        sys.stdout.buffer.write(serialize_result(result, fmt))
        return
    if isinstance(result, bool) or not hasattr(result, "variables"):
        out.print(str(bool(result)).lower())
        return
    variables = [v.value for v in result.variables]
    table = Table(*variables)
    rows = 0
    for solution in result:
        table.add_row(*(term_text(solution[v]) for v in variables))
        rows += 1
    out.print(table)
    err.print(f"{rows} rows")


@app.command()
def validate(store: Optional[str] = StoreOption) -> None:
    """SHACL report on the store (ontology/shapes.ttl)."""
    from graph.store import open_store
    from graph.validate import validate_store

    settings = _settings(store)
    report = validate_store(open_store(settings.store, read_only=True), settings)
    if report.conforms:
        out.print(f"conforms: no violation ({report.focus_nodes} resources checked)")
        return
    out.print(report.text, markup=False, highlight=False)
    raise typer.Exit(1)


@app.command()
def export(
    directory: Path = typer.Argument(..., help="Where to write the dumps."),
    store: Optional[str] = StoreOption,
) -> None:
    """Dumps (N-Quads, Turtle, JSON-LD), CSV tables, VoID + DCAT description and SHA256SUMS."""
    from graph.publish import export as run_export
    from graph.store import open_store

    settings = _settings(store)
    try:
        report = run_export(open_store(settings.store, read_only=True), directory, settings)
    except OSError as error:
        _fail(f"cannot write to {directory}: {error.strerror or error}")
    for name, size in sorted(report.files.items()):
        out.print(f"{size:>12,}  {directory / name}", markup=False, highlight=False)
    out.print(f"{report.quads:,} triples in the union; checksums in {directory / 'SHA256SUMS'}")


@app.command()
def harvest(
    legislature: int = typer.Option(..., "--legislature", help="Legislature number, e.g. 7."),
    first: int = typer.Option(1, "--from", help="First question number."),
    last: int = typer.Option(..., "--to", help="Last question number."),
    site: str = typer.Option("https://www.senate.be", "--site", help="Senate site (or a mirror)."),
    delay: float = typer.Option(1.0, "--delay", help="Seconds between requests (politeness)."),
    no_build: bool = typer.Option(False, "--no-build", help="Only download; do not build."),
    store: Optional[str] = StoreOption,
) -> None:
    """Download question pages (French and Dutch) into seeds/questions/, then build what changed."""
    from graph.harvest import Harvester
    from graph.ingest import build as run_build
    from graph.store import open_store

    with Progress(TextColumn("harvesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("pages", total=None)
        harvester = Harvester(site=site, delay_s=delay,
                              progress=lambda done, total: bar.update(task, completed=done, total=total))
        report = harvester.harvest(legislature, first, last)
    err.print(f"new or changed: {len(report.fetched)}   unchanged: {report.unchanged}   "
              f"skipped (checked recently): {report.skipped}   no such question: {len(report.missing)}   "
              f"failed: {len(report.failed)}")
    for failure in report.failed:
        err.print(f"  failed {failure}", markup=False, highlight=False)
    if report.fetched and not no_build:
        settings = _settings(store)
        _print_report(run_build(report.fetched, open_store(settings.store), settings))
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def network(
    fmt: str = typer.Option("gexf", "--format", help="gexf, graphml or csv."),
    date_from: Optional[str] = typer.Option(None, "--from", help="First question date (YYYY-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Last question date (YYYY-MM-DD)."),
    types: str = typer.Option(",".join(["person", "party", "organisation", "concept", "place"]), "--types",
                              help="Node types, comma-separated (person, party, post, organisation, concept, place, question)."),
    party: Optional[str] = typer.Option(None, "--party", help="Only people of this party (label as printed)."),
    output: Optional[Path] = typer.Option(None, "--output", help="File to write (default: standard output)."),
    store: Optional[str] = StoreOption,
) -> None:
    """Export the actor network (as the explorer shows it) with degree, betweenness and communities."""
    import datetime as dt

    from graph.network import NODE_TYPES, NetworkFilter, build_network, to_csv, to_gexf, to_graphml

    writers = {"gexf": to_gexf, "graphml": to_graphml, "csv": to_csv}
    if fmt not in writers:
        _fail(f"unknown format {fmt!r}: use gexf, graphml or csv", code=2)
    chosen = tuple(t for t in types.split(",") if t)
    if unknown := [t for t in chosen if t not in NODE_TYPES]:
        _fail(f"unknown node types {unknown}: use {', '.join(NODE_TYPES)}", code=2)
    flt = NetworkFilter(types=chosen, party=party)
    for value, field in ((date_from, "date_from"), (date_to, "date_to")):
        if value:
            try:
                setattr(flt, field, dt.date.fromisoformat(value).isoformat())
            except ValueError:
                _fail(f"not a date (YYYY-MM-DD): {value!r}", code=2)
    settings = _settings(store)
    from graph.store import open_store

    data = writers[fmt](build_network(open_store(settings.store, read_only=True), flt))
    if output:
        output.write_bytes(data)
        err.print(f"wrote {output}")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def actors(store: Optional[str] = StoreOption) -> None:
    """Coverage of the actors: addressees resolved, unknown authors, party mismatches, uncovered periods."""
    from graph.resolve.actors import load_actors
    from graph.resolve.coverage import coverage_report
    from graph.store import open_store

    settings = _settings(store)
    report = coverage_report(open_store(settings.store, read_only=True), load_actors(settings.reference), settings.base_uri)
    out.print(f"addressees resolved: {report.addressees_resolved} of {report.addressees} questions "
              f"({report.share_resolved:.0%})")
    sections = (("unresolved addressees", report.unresolved), ("authors not in the reference data", report.unknown_authors),
                ("party mismatches", report.party_mismatches),
                ("periods the minister titles do not cover", report.uncovered_periods))
    for heading, items in sections:
        out.print(f"{heading}: {len(items) or 'none'}")
        for item in items:
            out.print(f"  {item}", markup=False, highlight=False)
    table = Table("government", "offices", "French titles", "Dutch titles")
    for name, counts in report.title_languages.items():
        table.add_row(name, str(counts["offices"]), str(counts["fr"]), str(counts["nl"]))
    out.print(table)


@app.command()
def serve(
    host: Optional[str] = typer.Option(None, help="Interface to listen on (default 127.0.0.1)."),
    port: Optional[int] = typer.Option(None, help="Port (default 8000)."),
    store: Optional[str] = StoreOption,
) -> None:
    """Serve the SPARQL endpoint and pages; builds from seeds/questions first if the store is empty."""
    import uvicorn

    from graph.ingest import build as run_build
    from graph.server import create_app
    from graph.store import open_store

    settings = _settings(store)
    if port is not None and not 0 < port < 65536:
        _fail(f"--port must be between 1 and 65535, not {port}", code=2)
    updates = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = settings.model_copy(update=updates)
    target = open_store(settings.store)
    if target.is_empty():
        err.print(f"store {settings.store} is empty: building from {settings.questions}")
        _print_report(run_build([settings.questions], target, settings))
    import threading

    # Dumps are (re)written beside the running server: a big store does not delay start-up.
    threading.Thread(target=_refresh_downloads, args=(target, settings), daemon=True).start()
    err.print(f"ParlGraph SPARQL endpoint: http://{settings.host}:{settings.port}/sparql")
    uvicorn.run(create_app(target, settings), host=settings.host, port=settings.port, log_level="warning")


def _refresh_downloads(store, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    """Export the dumps again when the store changed since the last export (by version and size)."""
    from graph import __version__
    from graph.publish import export as run_export

    from graph.settings import downloads_dir

    directory = downloads_dir(settings)
    stamp = f"{__version__} {store.count_quads()}"
    marker = directory / ".exported"
    if marker.exists() and marker.read_text(encoding="utf-8") == stamp:
        return
    err.print(f"writing dumps to {directory}")
    directory.mkdir(parents=True, exist_ok=True)
    busy = directory / ".exporting"
    busy.touch()
    try:
        run_export(store, directory, settings)
    except (OSError, ParlGraphError) as error:
        err.print(f"error: dumps not written to {directory}: {error}", markup=False, highlight=False)
        return
    finally:
        busy.unlink(missing_ok=True)
    marker.write_text(stamp, encoding="utf-8")
    err.print(f"dumps ready in {directory}")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        _fail(f"{path}: cannot read: {error.strerror or error}", code=2)
    raise AssertionError


def _fail(message: str, code: int = 1) -> None:
    err.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


def main() -> None:
    """Entry point: ParlGraph errors become one line, not a traceback."""
    try:
        app()
    except ParlGraphError as error:
        err.print(f"error: {error}", markup=False, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - one line for the user; PARLGRAPH_DEBUG=1 shows the traceback
        import os

        if os.environ.get("PARLGRAPH_DEBUG"):
            raise
        err.print(f"error: unexpected {type(error).__name__}: {error} (set PARLGRAPH_DEBUG=1 for details)",
                  markup=False, highlight=False)
        sys.exit(1)

"""Queries run in worker processes that can be stopped: pyoxigraph cannot cancel a query, so a query
past the time limit has its worker killed (and replaced) and is answered 503; the others keep answering.

Each worker opens the on-disk store read-only and serialises the result itself, so only bytes cross
the pipe. A SELECT result is cut at `max_rows` rows, and the caller is told.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection

from graph.errors import QueryError, QueryTimeout, syntax_message


@dataclass
class Job:
    query: str
    default_graphs: list[str] | None
    named_graphs: list[str] | None
    solution_format: str | None  # json, xml, csv, tsv, or None when none is acceptable
    graph_format: str | None  # turtle, ntriples, jsonld, rdfxml, or None
    max_rows: int
    base_iri: str | None = None  # relative IRIs in the query resolve against the endpoint
    generation: int = 0  # bumped after each write, so workers reopen their read-only view


@dataclass
class Outcome:
    kind: str  # "solutions", "boolean", "graph"
    format: str | None  # None: no acceptable format for this kind of result
    body: bytes
    truncated: bool = False


class _WorkerDied(Exception):
    pass


class Busy(Exception):
    """Every worker is busy and the waiting line is full."""


class _Worker:
    def __init__(self, context: mp.context.BaseContext, store_path: str) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, store_path), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class QueryPool:
    """`size` worker processes over the store at `store_path`; `max_waiting` requests may queue."""

    def __init__(self, store_path: str, size: int = 2, timeout_s: float = 30.0, max_waiting: int = 16) -> None:
        self.store_path, self.timeout_s = store_path, timeout_s
        self._context = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._size, self._max_waiting, self._waiting = size, max_waiting, 0
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self.generation = 0

    def refresh(self) -> None:
        """After a write: workers reopen the store before their next query (a read-only view is a snapshot)."""
        self.generation += 1

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        for _ in range(self._size):
            worker = await asyncio.to_thread(self._spawn)
            self._idle.put_nowait(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.store_path)
        with self._lock:
            self._workers.append(worker)
        return worker

    async def stop(self) -> None:
        for worker in list(self._workers):
            worker.kill()
        self._workers.clear()

    async def run(self, job: Job) -> Outcome:
        """Answer `job` in a worker; a worker that dies under a query is replaced and the query tried once more."""
        try:
            return await self._run_once(job)
        except _WorkerDied:
            pass
        try:
            return await self._run_once(job)
        except _WorkerDied:
            raise QueryError("the query worker failed twice; try again") from None

    async def _run_once(self, job: Job) -> Outcome:
        assert self._idle is not None, "QueryPool.start() first"
        if self._idle.empty() and self._waiting >= self._max_waiting:
            raise Busy()
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout=self.timeout_s)
        except asyncio.TimeoutError:
            raise QueryTimeout(f"no query worker became free within {self.timeout_s:g} s") from None
        finally:
            self._waiting -= 1
        job.generation = self.generation
        try:
            reply = await asyncio.wait_for(_ask(worker, job), timeout=self.timeout_s)
        except (asyncio.TimeoutError, EOFError, OSError) as error:
            worker.kill()
            with self._lock:
                self._workers.remove(worker)
            asyncio.get_running_loop().run_in_executor(None, self._replace)
            if isinstance(error, asyncio.TimeoutError):
                raise QueryTimeout(f"the query ran past the time limit of {self.timeout_s:g} s and was stopped") from None
            raise _WorkerDied() from None
        self._idle.put_nowait(worker)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def _replace(self) -> None:
        """Runs in a thread: start a new worker and hand it to the pool on the event loop."""
        worker = self._spawn()
        assert self._idle is not None
        self._loop.call_soon_threadsafe(self._idle.put_nowait, worker)


async def _ask(worker: _Worker, job: Job) -> Outcome | Exception:
    """Send the job and wait for the reply on the event loop (no thread hand-off per query)."""
    loop = asyncio.get_running_loop()
    reply: asyncio.Future[Outcome | Exception] = loop.create_future()
    fd = worker.connection.fileno()

    def readable() -> None:
        loop.remove_reader(fd)
        try:
            os.set_blocking(fd, True)  # uvloop leaves the fd non-blocking; a big reply must be read whole
            reply.set_result(worker.connection.recv())
        except Exception as error:  # noqa: BLE001 - EOF or a broken pipe: the worker died
            reply.set_exception(error)

    worker.connection.send(job)
    loop.add_reader(fd, readable)
    try:
        return await reply
    finally:
        loop.remove_reader(fd)


def _reopen(ox, store_path: str):  # type: ignore[no-untyped-def]
    """Open a fresh read-only view; a compaction of the writer may race the open, so try a few times."""
    import time

    for attempt in range(5):
        try:
            return ox.Store.read_only(store_path)
        except OSError:
            if attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))


def _serve(connection: Connection, store_path: str) -> None:
    """Worker process: answer jobs until the pipe closes."""
    import pyoxigraph as ox

    from graph.results import GRAPH_FORMATS, serialize_solutions

    from graph.remote import RemoteStore, TripleList
    from graph.store import open_store

    remote = store_path.startswith(("http://", "https://"))
    store, generation = (open_store(store_path, read_only=True) if remote else ox.Store.read_only(store_path)), 0
    while True:
        try:
            job: Job = connection.recv()
        except EOFError:
            return
        try:
            if job.generation != generation and not remote:
                store, generation = _reopen(ox, store_path), job.generation
            if isinstance(store, RemoteStore):
                result = store.query(job.query, default_graphs=job.default_graphs, named_graphs=job.named_graphs)
            else:
                kwargs: dict = {"base_iri": job.base_iri}
                if job.default_graphs:
                    kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
                else:
                    kwargs["use_default_graph_as_union"] = True
                if job.named_graphs:
                    kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
                result = store.query(job.query, **kwargs)
            if isinstance(result, (ox.QueryTriples, TripleList)):
                fmt = job.graph_format
                body = (ox.serialize(result, format=GRAPH_FORMATS[fmt][0]) or b"") if fmt else b""
                outcome = Outcome("graph", fmt, body)
            elif isinstance(result, ox.QueryBoolean):
                fmt = job.solution_format
                body = serialize_solutions(None, [], fmt, boolean=bool(result)) if fmt else b""
                outcome = Outcome("boolean", fmt, body)
            else:
                fmt = job.solution_format
                variables = [v.value for v in result.variables]
                rows, truncated = [], False
                if fmt:
                    for solution in result:
                        if len(rows) >= job.max_rows:
                            truncated = True
                            break
                        rows.append([solution[v] for v in variables])
                body = serialize_solutions(variables, rows, fmt) if fmt else b""
                outcome = Outcome("solutions", fmt, body, truncated)
            connection.send(outcome)
        except SyntaxError as error:
            connection.send(QueryError(syntax_message(error)))
        except QueryError as error:
            connection.send(error)
        except (OSError, ValueError, TypeError) as error:
            connection.send(QueryError(f"query failed: {str(error).splitlines()[0] if str(error) else type(error).__name__}"))

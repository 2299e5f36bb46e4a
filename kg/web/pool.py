"""The query workers of `kg serve`: processes each holding the store open (kg/sparql_worker.py), a
query past the time limit killing its worker, and the `Store` interface over them (so views and named
queries share the server's limits)."""

from __future__ import annotations

import queue
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import KgError, QueryError, StoreBusy, StoreError
from kg.sparql_worker import MEMORY_MESSAGE, read_frame, write_frame
from kg.store import Result, Store

WORKER = Path(__file__).resolve().parent.parent / "sparql_worker.py"


class WorkerError(QueryError):
    """A query the workers refused or stopped, with the HTTP status that says why (time, memory, size)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message



@dataclass(frozen=True)
class Limits:
    max_rows: int = 100_000
    max_bytes: int = 50_000_000
    max_memory: int = 1024
    network: bool = False


class _Proc:
    def __init__(self, location: str, mode: str, limits: Limits) -> None:
        args = [str(limits.max_rows), str(limits.max_bytes), str(limits.max_memory),
                "1" if limits.network else "0"]
        self.p = subprocess.Popen([sys.executable, "-P", str(WORKER), location, mode, *args],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def kill(self) -> None:
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        for s in (self.p.stdin, self.p.stdout):
            if s is not None:
                try:
                    s.close()
                except OSError:  # a dead worker's pipe: closing flushes into nothing
                    pass


class WorkerPool:
    """Worker processes, each with the store open; a query past the time limit kills its worker.

    `size` workers wait for queries; when all are busy (runaway queries among them) up to `extra` more
    are started for the moment, so a short query is answered while long ones run out their time."""

    def __init__(self, location: str, *, size: int = 2, timeout: float = 15.0, max_rows: int = 100_000,
                 writable: bool = False, limits: Limits | None = None, extra: int = 2) -> None:
        self.location, self.timeout = location, timeout
        self.limits = limits or Limits(max_rows=max_rows)
        self.max_rows = self.limits.max_rows
        self.mode = "write" if writable else "read"
        size = 1 if writable else max(1, size)  # one writer: Oxigraph allows one read-write process
        self.size, self.most = size, size if writable else size + max(0, extra)
        self.idle: queue.Queue[_Proc] = queue.Queue()
        self.all: list[_Proc] = []
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self._spawn()

    def _spawn(self) -> None:
        proc = _Proc(self.location, self.mode, self.limits)
        with self.lock:
            self.all.append(proc)
        self.idle.put(proc)

    def _take(self, limit: float) -> _Proc:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if not self.closed and len(self.all) < self.most:
                proc = _Proc(self.location, self.mode, self.limits)
                self.all.append(proc)
                return proc
        try:
            return self.idle.get(timeout=limit)
        except queue.Empty:
            raise HttpError(503, "the server is busy with other queries; retry in a moment") from None

    def _release(self, proc: _Proc) -> None:
        with self.lock:
            retire = len(self.all) > self.size and proc in self.all
            if retire:
                self.all.remove(proc)
        if retire:  # a worker started for a busy moment goes once the moment has passed
            proc.kill()
        else:
            self.idle.put(proc)

    def call(self, request: dict, timeout: float | None = None) -> dict:
        limit = self.timeout if timeout is None else timeout
        proc = self._take(limit)
        started = time.monotonic()
        try:
            assert proc.p.stdin is not None and proc.p.stdout is not None
            write_frame(proc.p.stdin, request)
            ready, _, _ = select.select([proc.p.stdout], [], [], limit)
            if not ready:
                raise TimeoutError
            resp = read_frame(proc.p.stdout)
        except TimeoutError:
            self._replace(proc)
            raise HttpError(503, f"query cancelled: it ran longer than {limit:g} s, this server's time limit "
                                 "(narrow the query or add LIMIT)") from None
        except (EOFError, OSError, BrokenPipeError):
            try:
                code = proc.p.wait(2)
            except subprocess.TimeoutExpired:
                code = None
            self._replace(proc)
            if code == -signal.SIGABRT:  # an allocation over the worker's memory limit aborts it
                raise HttpError(503, MEMORY_MESSAGE) from None
            raise HttpError(500, "the query worker stopped unexpectedly; the query was not answered") \
                from None
        self._release(proc)
        resp["seconds"] = round(time.monotonic() - started, 3)
        return resp

    def _replace(self, proc: _Proc) -> None:
        proc.kill()
        with self.lock:
            if proc in self.all:
                self.all.remove(proc)
            if self.closed or len(self.all) >= self.size:
                return
        self._spawn()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            procs = list(self.all)
            self.all.clear()
        for proc in procs:
            proc.kill()


def _term(t: tuple | None) -> Identifier | None:
    if t is None:
        return None
    if t[0] == "u":
        return URIRef(t[1])
    if t[0] == "b":
        return BNode(t[1])
    if t[3]:
        return Literal(t[1], lang=t[3])
    if t[2] == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(t[1])
    return Literal(t[1], datatype=URIRef(t[2]))


def _tuple(t: Identifier) -> tuple:
    if isinstance(t, URIRef):
        return ("u", str(t))
    if isinstance(t, BNode):
        return ("b", str(t))
    if isinstance(t, Literal):
        return ("l", str(t), str(t.datatype or "http://www.w3.org/2001/XMLSchema#string"), t.language)
    raise TypeError(f"cannot bind {t!r}")


class WorkerStore(Store):
    """The `Store` interface over the worker pool, so views and named queries share its limits."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool, self.location = pool, pool.location

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None, *,
              timeout: float | None = None) -> Result:
        req = {"op": "rows", "query": sparql, "bindings": {k: _tuple(v) for k, v in (bindings or {}).items()}}
        try:
            resp = self.pool.call(req, timeout)
        except HttpError as e:
            raise WorkerError(e.message, e.status) from None
        if not resp["ok"]:
            raise WorkerError(resp["message"], resp["status"])
        if resp["kind"] == "ask":
            return Result("ask", boolean=resp["boolean"])
        if resp["kind"] == "select":
            names = tuple(resp["vars"])
            rows = tuple({n: _term(t) for n, t in zip(names, row, strict=True) if t is not None}
                         for row in resp["rows"])
            return Result("select", names, rows)  # type: ignore[arg-type]
        g = Graph()
        for s, p, o in resp["triples"]:
            g.add((_term(s), _term(p), _term(o)))
        return Result("graph", graph=g)


    def describe(self, iri: str, scan: int = 200_000) -> dict:
        """Triples about `iri` both ways, with the graphs stating each (the worker's index lookups)."""
        return self._lookup({"op": "describe", "iri": iri, "scan": scan})

    def labels(self, iris: list[str], predicates: list[str]) -> dict[str, dict]:
        """iri -> {"label": first value of `predicates` or None, "types": [type IRIs]}."""
        if not iris:
            return {}
        return self._lookup({"op": "labels", "iris": iris, "predicates": predicates})["labels"]

    def _lookup(self, req: dict) -> dict:
        try:
            resp = self.pool.call(req)
        except HttpError as e:
            raise WorkerError(e.message, e.status) from None
        if not resp["ok"]:
            raise WorkerError(resp["message"], resp["status"])
        return resp


def status_of(e: BaseException) -> tuple[int, str]:
    """The HTTP status and the one line an error answers with."""
    if isinstance(e, HttpError):
        return e.status, e.message
    if isinstance(e, WorkerError):
        return e.status, e.message
    if isinstance(e, StoreBusy):
        return 503, e.line()
    if isinstance(e, KgError):
        return (500 if isinstance(e, StoreError) else 400), e.line()
    return 500, f"internal error: {type(e).__name__}: {e}"

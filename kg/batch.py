"""Batched writing for ingest: new documents go to the store many at a time, in one transaction each batch.

`kg ingest` used to ask the store for every stored document before each write (one query per document,
so a run grew with the square of the corpus) and wrote each document with its own SPARQL update. Here the
stored documents are read once into an index kept up to date as the run goes, and documents that are new
(no earlier version, no other source with the same text) are collected and written together:

- embedded store: per batch, a journal, Oxigraph's bulk loader, then the documents' markers in one
  transaction (`LocalStore.load_new`): a crash leaves a journal the next writer rolls back, so only whole
  documents stay and none half written is ever listed. Each document comes placed in the layout's graphs
  as N-Quads bytes (kg.layout.place_nquads, in the worker that built it): the writer parses nothing.
- remote store: the batch's graphs, one PUT each.

A document that replaces or duplicates a stored one is written on its own, as before, in one transaction
(after the pending batch, so the order of the run is kept). A batch is written when it holds `max_docs`
documents or `max_triples` triples or has waited `max_seconds` (two seconds), and documents are
reported only once they are in the store, so what the progress shows as added survives Ctrl-C or a kill.
On the embedded store a full batch is written in a thread while the next one fills (Oxigraph's loader lets
go of Python's lock): one batch in flight at most, written in order, reported when done; every other write
(a replacement, the end of the run) waits for it first.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from rdflib import Graph

from kg import iris
from kg.aggregates import Latest
from kg.errors import InputError, KgError, StoreUnreachable
from kg.link import Known, placed_by_committee
from kg.prepare import Built, Outcome, superseded, write_prepared
from kg.store import LocalStore, Store, StoredDoc


@dataclass(frozen=True)
class Placed:
    """A new document's quads already placed in the layout's graphs, and its marker quad (kg.prepare.Built:
    `placed`, `marker`)."""

    body: bytes
    marker: bytes


LAZY_SHARE = 20  # a run of fewer sources than 1/LAZY_SHARE of the stored documents asks per document


@dataclass
class DocIndex:
    """Stored documents by IRI and by source key, read once and kept in step with the run's writes. For a
    small run into a big store (this month's papers into years of them) reading every stored document costs
    more than asking for the few each new one needs (~0.6 s at 10,000 documents, against two index lookups
    a document): then `lazy` holds the store, and each document's and source's entries are asked for the
    first time they are needed. What the run itself wrote or dropped is known here first, so an answer from
    the store never overrides an entry the run has (a document still in the batch is not in the store)."""

    by_iri: dict[str, StoredDoc] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=dict)
    lazy: Store | None = None
    asked: set[str] = field(default_factory=set)  # IRIs and source keys asked of `lazy`
    held: set[str] = field(default_factory=set)  # IRIs the index has had an entry for (kept or dropped since)

    @classmethod
    def load(cls, store: Store, sources: int | None = None, stored: int | None = None) -> DocIndex:
        """Every stored document; or, for a run of `sources` documents, few beside the store's (`stored`
        documents, asked when not given), none yet."""
        if sources is not None and sources * LAZY_SHARE < (store.document_count() if stored is None
                                                            else stored):
            return cls(lazy=store)
        index = cls()
        for d in store.documents():
            index._put(d)
        return index

    def _ask(self, iri: str, key: str) -> None:
        if self.lazy is None or (iri in self.asked and key in self.asked):
            return
        for d in self.lazy.documents_of(iri, key):
            if d.iri not in self.held:
                self._put(d)
        self.asked |= {iri, key}

    def _put(self, d: StoredDoc) -> None:
        self.held.add(d.iri)
        self.by_iri[d.iri] = d
        for key in d.sources:
            self.by_key.setdefault(key, set()).add(d.iri)

    def _drop(self, iri: str) -> None:
        d = self.by_iri.pop(iri, None)
        for key in d.sources if d else ():
            self.by_key.get(key, set()).discard(iri)

    def relevant(self, iri: str, key: str) -> list[StoredDoc]:
        """What `write_prepared` needs to decide: the document with this text and those from this source."""
        self._ask(iri, key)
        names = {iri, *self.by_key.get(key, ())}
        return [self.by_iri[n] for n in sorted(names) if n in self.by_iri]

    def record(self, status: str, iri: str, sha256: str, key: str) -> None:
        """Apply the effect of a write `write_prepared` made (or deferred to the batch): other texts lose
        this source (dropped when it was their only one), and this text gains it."""
        if status not in ("added", "replaced", "duplicate", "unchanged"):
            return
        for old in [self.by_iri[n] for n in self.by_key.get(key, ()) if n != iri and n in self.by_iri]:
            self._drop(old.iri)
            if len(old.sources) > 1:
                self._put(replace(old, sources=tuple(s for s in old.sources if s != key)))
        if status == "duplicate":
            d = self.by_iri[iri]
            self._drop(iri)
            self._put(replace(d, sources=tuple(sorted({*d.sources, key}))))
        elif status in ("added", "replaced"):
            self._put(StoredDoc(iri, sha256, (key,)))


def write_new(store: Store, graphs: Mapping[str, Graph | bytes | Placed], *, flush: bool = False) -> bool:
    """Graphs of documents not in the store yet (N-Quads naming the graph, kg.prepare.Built; or rdflib
    graphs), in one transaction (embedded) or one PUT each (remote). True if they were bulk-loaded."""
    if isinstance(store, LocalStore):
        ready = [g for g in graphs.values() if isinstance(g, Placed)]
        bulk = False
        if len(ready) == len(graphs):
            bulk = store.load_new([(g.body, g.marker) for g in ready])
        else:
            store.extend({k: g.body + g.marker if isinstance(g, Placed) else g for k, g in graphs.items()})
        if flush and not bulk:
            # Without a flush RocksDB's memtables grow with the run (770 MB resident at 1,000 documents);
            # flushed every FLUSH_TRIPLES the process stays near 280 MB, at no measurable cost in time.
            # A bulk-loaded batch left only its markers there: a flush (~45 ms, ten small tables to compact
            # later) is not worth it.
            store.flush()
        return bulk
    else:
        from kg.store import graph_of

        store.replace_graphs((), {k: graph_of(g) if isinstance(g, bytes) else g for k, g in graphs.items()})
        return False


@dataclass
class Batch:
    store: Store
    emit: Callable[[object], None]
    max_docs: int = 500
    # The bulk loader costs less a document in bigger batches (CPU a document, 1,000 benchmark documents:
    # 6.8 ms in batches of 40, 6.2 of 160, 5.1 of 500), so a batch may hold ~300 documents; with --jobs
    # the clock decides (~70 documents a second).
    max_triples: int = 200_000
    # short: progress stays live and Ctrl-C or a kill loses little; long enough that a batch is big enough
    # for the bulk loader (kg.store.BULK_BYTES) when extraction is slow (a busy machine)
    max_seconds: float = 2.0
    # the first batch of a run sooner: the first documents are reported (and a Ctrl-C finds a document
    # boundary) within a moment of the start, however fast the workers run ahead
    first_seconds: float = 0.25
    started: bool = False
    flush_triples: int = 50_000
    unflushed: int = 0
    graphs: dict[str, Graph | bytes | Placed] = field(default_factory=dict)
    outcomes: list = field(default_factory=list)  # list[Outcome], reported after the write
    _writer: ThreadPoolExecutor | None = None
    _inflight: Future | None = None  # the batch being written in the writer thread
    triples: int = 0
    since: float = 0.0

    def add(self, iri: str, graph: Graph | Built, outcome: object) -> None:
        if self._inflight is not None and self._inflight.done():
            self._settle()  # reported as soon as written: the progress (and a Ctrl-C) see it at once
        if not self.graphs:
            self.since = time.monotonic()
        if isinstance(graph, Graph):
            self.graphs[iri] = graph
            self.triples += len(graph)
        else:  # placed in the worker: the writer only loads bytes (a remote store places them itself)
            local = isinstance(self.store, LocalStore) and graph.placed
            self.graphs[iri] = Placed(graph.placed, graph.marker) if local else graph.nquads
            self.triples += graph.triples
        self.outcomes.append(outcome)
        wait = self.max_seconds if self.started else self.first_seconds
        if (len(self.graphs) >= self.max_docs or self.triples >= self.max_triples
                or time.monotonic() - self.since >= wait):
            self.flush(wait=False)

    def flush(self, wait: bool = True) -> None:
        """Write the batch (after the one in flight) and report its documents; `wait=False`: on the embedded
        store, in the writer thread, reported when the next write or `close` waits for it."""
        self._settle()
        if not self.graphs:
            return
        graphs, outcomes, triples = self.graphs, self.outcomes, self.triples
        self.started = True
        self.graphs, self.outcomes, self.triples = {}, [], 0
        if wait or not isinstance(self.store, LocalStore):
            self._report(self._write(graphs, outcomes, triples))
            return
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="kg-writer")
        self._inflight = self._writer.submit(self._write, graphs, outcomes, triples)

    def close(self) -> None:
        """Write what is pending, wait for it, and stop the writer thread."""
        try:
            self.flush()
        finally:
            if self._writer is not None:
                self._writer.shutdown()
                self._writer = None

    def _settle(self) -> None:
        if self._inflight is not None:
            done, self._inflight = self._inflight, None
            self._report(done.result())

    def _report(self, outcomes: list) -> None:
        for o in outcomes:
            self.emit(o)

    def _write(self, graphs: dict[str, Graph | bytes | Placed], outcomes: list, triples: int) -> list:
        """Write one batch; returns its documents' outcomes (failures named, the rest as they were)."""
        self.unflushed += triples
        flush = self.unflushed >= self.flush_triples
        try:
            if write_new(self.store, graphs, flush=flush):
                self.unflushed -= triples  # bulk-loaded: in tables already, not in RocksDB's memtables
            elif flush:
                self.unflushed = 0
        except StoreUnreachable:
            raise
        except KgError as err:
            return [Outcome(o.source, "failed", message=str(err)) for o in outcomes]
        except Exception:  # noqa: BLE001 - a graph the store will not take: find it, keep the others
            return [self._alone(iri, g, o) for (iri, g), o in zip(graphs.items(), outcomes, strict=True)]
        return outcomes

    def _alone(self, iri: str, graph: Graph | bytes | Placed, outcome: object) -> object:
        """Write one document of a batch that failed as a whole; its failure names its file."""
        try:
            write_new(self.store, {iri: graph})
        except StoreUnreachable:
            raise
        except Exception as err:  # noqa: BLE001 - reported with the file; the rest of the run goes on
            return _failed(outcome.source, err)  # type: ignore[attr-defined]
        return outcome


def write_all(store: Store, prepared: Iterable, known: Known, *, when: dt.datetime,
              emit: Callable[[object], None], stop: Callable[[], bool],
              batch: Mapping[str, float] | None = None, latest: list[Known] | None = None,
              dropped: set[str] | None = None, figures: Latest | None = None,
              sources: int | None = None, stored: int | None = None) -> bool:
    """Link, build and write every prepared document in input order; returns True if stopped early.
    `latest`: a one-item list kept holding the posts known so far (for workers building ahead).
    `dropped`: gets the councils of the stored documents the run drops (kg.aggregates).
    `figures`: gets the figure rows of each new document once it is written (kg.aggregates.Latest).
    `sources`, `stored`: how many documents the run has and the store holds (a small run into a big store
    asks for stored ones as it needs them)."""

    index = DocIndex.load(store, sources, stored)
    rows: dict[str, tuple] = {}  # the figure rows of new documents in the batch, until they are written
    if figures is not None:
        report = emit

        def emit(outcome: object) -> None:  # noqa: F811 - the caller's, after the figures of what was written
            doc = getattr(outcome, "document", None)
            found = rows.pop(doc, None) if doc else None
            if getattr(outcome, "status", None) in ("added", "replaced"):
                if found is None:
                    figures.complete = False  # written some other way: the latest figures are read back
                else:
                    figures.add(doc, found)
            report(outcome)

    pending = Batch(store, emit, **(batch or {}))  # type: ignore[arg-type]
    deferred: list[tuple[str, Graph | Built]] = []

    def sink(iri: str, graph: Graph | Built) -> None:
        if figures is not None and isinstance(graph, Built):
            rows[iri] = graph.figures
        deferred.append((iri, graph))

    later: list = []

    def ordered() -> Iterator:
        for p in prepared:
            if p.extraction is not None and not p.error and placed_by_committee(p.extraction):
                later.append(p)  # named by its committee alone: after the run's papers that name the council
                continue
            yield p
        yield from later

    try:
        for p in ordered():
            key = p.source.key
            if p.error or p.extraction is None:
                pending.flush()
                emit(Outcome(key, "failed", message=p.error or "not extracted"))
            else:
                sha = p.extraction.doc.sha256
                iri = str(iris.document(sha))
                stored = index.relevant(iri, key)
                if stored:
                    pending.flush()  # it may read or drop a graph still in the batch
                    # the older texts of this source write_prepared drops: their councils, while stored
                    gone = superseded(stored, key, iri)
                    if gone and dropped is not None:
                        from kg.aggregates import councils_of

                        dropped |= councils_of(store, gone)
                try:
                    outcome, known = write_prepared(store, p, known, when=when, stored=stored,
                                                    sink=None if stored else sink)
                except StoreUnreachable:
                    raise
                except Exception as err:  # noqa: BLE001 - one document's failure, named; the run goes on
                    outcome = _failed(key, err)
                if outcome.status != "failed":
                    index.record(outcome.status, iri, sha, key)
                if latest is not None:
                    latest[0] = known
                if deferred:
                    pending.add(*deferred.pop(), outcome)
                else:
                    emit(outcome)
            if stop():
                return True
        return False
    except StoreUnreachable:
        pending.graphs, pending.outcomes = {}, []  # not written: the caller counts them
        raise
    finally:
        pending.close()


def _failed(source: str, err: BaseException) -> object:

    if isinstance(err, KgError):
        return Outcome(source, "failed", message=str(err))
    problem = InputError(f"cannot be stored: {type(err).__name__}: {err}", path=source,
                         hint="check its metadata (sidecar) and please report it")
    return Outcome(source, "failed", message=str(problem))

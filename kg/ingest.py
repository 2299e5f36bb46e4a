"""Ingest: files -> read -> extract -> link -> rdf -> store, one transaction per document, then the ledger.

Unchanged documents are skipped; a changed one replaces its old graph in the same transaction; the same
text under a second name is one document with two sources. A document that fails is reported and
the rest go on; the run fails if any did.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg import iris
from kg.batch import write_all
from kg.errors import KgError, StoreUnreachable
from kg.namespaces import CKG, OWL
from kg.prepare import (  # noqa: F401 - the steps of one document, re-exported for callers
    Built,
    Outcome,
    Prepared,
    Source,
    _build,
    discover,
    ingest_gc,
    known_from_store,
    prepare,
    prepare_all,
    write_prepared,
)
from kg.store import Store


@dataclass(frozen=True)
class IngestReport:
    outcomes: tuple[Outcome, ...]
    interrupted: bool = False
    ledger: tuple[str, ...] = ()  # one line per status change the ledger recorded

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "failed")

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status] = out.get(o.status, 0) + 1
        return out


@dataclass
class _Interrupt:
    """Ctrl-C stops after the current document: the handler only raises a flag."""

    raised: bool = False
    previous: object = field(default=None)

    def __enter__(self) -> _Interrupt:
        try:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread
            self.previous = None
        return self

    def _handle(self, *_: object) -> None:
        self.raised = True

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)  # type: ignore[arg-type]


def ensure_reference(store: Store) -> None:
    """Load (or refresh) the ontology, indicator scheme and reference graphs when their sources change."""
    from kg.indicators import concepts
    from kg.ontology import ontology_dir, ontology_graph
    from kg.rdf import reference_graph, scheme_graph

    meta = str(iris.graph("meta"))
    current = {str(s): str(o) for s, o in store.graph(meta).subject_objects(CKG.sha256)}
    changed: dict[str, Graph] = {}
    # The ontology is its Turtle file, read as it is: its digest is the file's (its blank nodes made a
    # canonical digest of the graph the slowest step of starting an ingest), and it is parsed only if new.
    name = str(iris.graph("ontology"))
    digest = "turtle " + hashlib.sha256((ontology_dir() / "council-kg.ttl").read_bytes()).hexdigest()
    if current.get(name) != digest:
        changed[name] = ontology_graph()
        current[name] = digest
    built = {str(iris.graph("indicators")): lambda: scheme_graph(concepts()),
             str(iris.graph("reference")): reference_graph}
    for name, build in built.items():
        g = build()
        digest = _digest(g)
        if current.get(name) != digest:
            changed[name] = g
            current[name] = digest
    if changed:
        m = Graph()
        for name, digest in current.items():
            m.add((URIRef(name), CKG.sha256, Literal(digest)))
        store.replace_graphs((), {**changed, meta: m})


def _digest(g: Graph) -> str:
    """The same graph gives the same digest in every process (sorted lines; blank nodes made canonical first),
    so an unchanged scheme or reference list is not rewritten on each ingest."""
    from rdflib import BNode

    if any(isinstance(t, BNode) for triple in g for t in triple):
        from rdflib.compare import to_canonical_graph

        g = to_canonical_graph(g)
    lines = sorted(g.serialize(format="nt", encoding="utf-8").splitlines())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def upgrade_layout(store: Store, batch: int = 200) -> int:
    """Rewrite the graphs of documents stored before the graph layout (kg.layout): each is split into its own
    graph and the shared graph as it is written. Returns how many were rewritten; 0 on a current store."""
    from kg.query import internal

    # Once every document is in the layout, a mark says so: the search reads every document's graph (seconds
    # at 10,000 documents on a cold cache) and would otherwise run on every ingest.
    marks = store.graph(str(UPGRADES))
    if (UPGRADES, OWL.versionInfo, _SPLIT) in marks:
        return 0
    stale = [str(r["doc"]) for r in store.query(internal("documents-unsplit")).rows]
    for i in range(0, len(stale), batch):
        store.replace_graphs((), {iri: store.graph(iri) for iri in stale[i:i + batch]})
    marks.add((UPGRADES, OWL.versionInfo, _SPLIT))
    store.replace_graphs((), {str(UPGRADES): marks})
    return len(stale)


# marks of the upgrades a store has had (not in the meta graph: ensure_reference rewrites that whole)
UPGRADES = iris.graph("upgrades")
_TALLIED = Literal("person-tallies")
_SPLIT = Literal("graph-layout")


def upgrade_tallies(store: Store, batch: int = 200) -> int:
    """Write the per-councillor tallies (kg.rdf `person_tallies`) of documents stored before them, from
    their stored contributions, so that councillor-activity counts them. Returns how many documents were
    rewritten; 0 on a current store."""
    from kg.query import internal
    from kg.rdf import TALLY_COUNTS

    # Once a store is known to have every tally, a mark in its upgrades graph says so: the search below
    # costs seconds at ten million triples and would otherwise run on every ingest.
    marks = store.graph(str(UPGRADES))
    if (UPGRADES, OWL.versionInfo, _TALLIED) in marks:
        return 0
    tallies: dict[str, Graph] = {}
    for r in store.query(internal("tallies-missing")).rows:
        doc, person = str(r["doc"]), str(r["person"])
        node = iris.person_tally(str(r["sha"]), iris.person_key(person))
        g = tallies.setdefault(doc, Graph())
        g.add((node, RDF.type, CKG.PersonTally))
        g.add((node, CKG.tallyOf, URIRef(person)))
        prop = TALLY_COUNTS.get(str(r.get("kind")))
        if prop is not None and int(r["n"]):
            g.add((node, prop, Literal(int(r["n"]), datatype=XSD.integer)))
    stale = sorted(tallies)
    for i in range(0, len(stale), batch):
        store.replace_graphs((), {iri: store.graph(iri) + tallies[iri] for iri in stale[i:i + batch]})
    marks.add((UPGRADES, OWL.versionInfo, _TALLIED))
    store.replace_graphs((), {str(UPGRADES): marks})
    return len(stale)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    jobs: int = 1,
    on_document: Callable[[Outcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    today: dt.date | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`. Ctrl-C stops after the current document."""
    with ingest_gc():
        return _ingest(paths, store, jobs=jobs, on_document=on_document, on_start=on_start, today=today)


def _ingest(paths: Iterable[str | Path], store: Store, *, jobs: int,
            on_document: Callable[[Outcome], None] | None, on_start: Callable[[int], None] | None,
            today: dt.date | None) -> IngestReport:
    sources, outcomes = discover(paths)
    for o in outcomes:
        if on_document:
            on_document(o)
    if on_start:
        on_start(len(sources))
    ensure_reference(store)
    upgrade_layout(store)  # a store written before issue 17's layout: each triple into one graph
    upgrade_tallies(store)  # ... or before the per-councillor tallies: councillor-activity would miss them
    # a `kg remove` killed half way: finish it before anything new goes in (a ledger citing gone documents
    # without a journal is left to this run's own ledger update, which re-works it)
    repair(store, stale_ledger=False)
    known = known_from_store(store)
    from kg import aggregates

    stored = store.document_count()  # read once: the latest figures, their mark and the index decide by it
    # Into a store that holds no document, the latest figures are worked out as documents are written
    # (kg.aggregates.Latest), not read back from the store after the run (a query a council, at the end).
    figures = aggregates.Latest() if not stored else None
    # the kept latest figures are marked stale until the run's councils are worked out again (a kill in
    # between: the next run works them all out); whole before, only the run's councils need it
    whole = aggregates.begin(store, empty=not stored)
    dropped: set[str] = set()  # the councils of stored documents the run drops (replaced by a new text)
    when = dt.datetime.now(dt.UTC).replace(microsecond=0)
    interrupted = False
    def emit(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_document:
            on_document(outcome)

    from kg.store import LocalStore

    latest = [known]  # write_all keeps it current; workers are sent it with each chunk
    ahead = jobs > 1 and isinstance(store, LocalStore)  # N-Quads bytes go straight into Oxigraph
    prepared = prepare_all(sources, jobs, (lambda: latest[0]) if ahead else None, when)
    found = len(outcomes)
    try:
        with _Interrupt() as stop, closing(prepared) as prepared_all:
            # New documents are written in batches (one transaction each) and reported once written.
            interrupted = write_all(store, prepared_all, known, when=when, emit=emit,  # type: ignore[arg-type]
                                    stop=lambda: stop.raised, latest=latest, dropped=dropped,
                                    figures=figures, sources=len(sources), stored=stored)
    except StoreUnreachable as err:
        # One line for the run, not one per document: every later write would fail the same way.
        lost = len(sources) - (len(outcomes) - found)
        raise StoreUnreachable(f"{err.message}; {lost} of {len(sources)} document(s) were not written",
                               hint="start the server again and re-run the same command") from None
    worked_out = figures is not None and figures.complete and not dropped
    written = [o.document for o in outcomes if o.status in ("added", "replaced") and o.document]
    # else the latest figures of the councils whose documents came or went (all of them after a killed run)
    councils = dropped | aggregates.councils_of(store, written) if whole and not worked_out else None
    changes: tuple[str, ...] = ()
    # Beside the ledger, in a thread, on the embedded store: they read and write different graphs, each
    # write its own transaction, and Oxigraph lets go of Python's lock while it reads (a first ingest reads
    # every council's figures). A kill leaves each to be caught up by the next run on its own.
    with ThreadPoolExecutor(1) as side:
        def update() -> None:
            if worked_out:
                aggregates.write_latest(store, figures)  # type: ignore[arg-type]
            else:
                aggregates.update(store, councils)

        done = side.submit(update) if isinstance(store, LocalStore) else None
        if done is None:
            update()
        # Not only when something was added: a run killed between its last document and the ledger leaves
        # the ledger behind, and the re-run (all unchanged) must catch it up. The ledger finds what changed
        # since it last ran (its digests of each committee's documents) and re-assesses only that.
        if any(o.status != "failed" for o in outcomes):
            from kg.ledger import update_ledger

            changes = update_ledger(store, today=today)
        if done is not None:
            done.result()
    return IngestReport(tuple(outcomes), interrupted, changes)


REMOVING = "removing"  # iris.graph(REMOVING): the journal of a `kg remove` under way


def _matches(document: str, iri: str, sources: Iterable[str]) -> bool:
    sources = tuple(sources)
    return document in (iri, *sources) or any(Path(s).name == document for s in sources)


def pending_removals(store: Store) -> dict[str, tuple[str, ...]]:
    """Documents a `kg remove` dropped but did not see through (it was killed before the ledger caught
    up): IRI -> source keys, from the journal graph."""
    from kg.namespaces import PROV, RDFS

    journal = store.graph(str(iris.graph(REMOVING)))
    return {str(doc): tuple(sorted(str(k) for k in journal.objects(act, RDFS.label)))
            for act, doc in journal.subject_objects(PROV.invalidated)}


def _journal(docs: dict[str, tuple[str, ...]]) -> Graph:
    from rdflib import BNode

    from kg.namespaces import PROV, RDF, RDFS

    g = Graph()
    for iri, sources in docs.items():
        act = BNode()  # the removal, not the document: queries about documents never meet it
        g.add((act, RDF.type, PROV.Activity))
        g.add((act, PROV.invalidated, URIRef(iri)))
        for key in sources:
            g.add((act, RDFS.label, Literal(key)))
    return g


def repair(store: Store, councils: set[str] | None = None, *, stale_ledger: bool = True) -> bool:
    """Finish a removal a kill interrupted: the ledger forgets the documents, then the journal goes. Also
    a ledger that cites documents or commitments no longer stored, with no journal (left by versions
    before the journal), unless `stale_ledger` is False (ingest: its own ledger update re-works whatever
    cites a gone document, and the check reads every assessment). `councils`: those of the documents
    `remove` dropped, when the kept latest figures were whole before (else every council's are worked out
    again). True if there was anything to repair."""
    from kg.query import internal

    pending = pending_removals(store)
    stale = stale_ledger and store.query(internal("ledger-stale"), {"ledger": iris.graph("ledger")}).rows
    if pending or stale:
        from kg.ledger import forget

        forget(store, list(pending))
    if pending:
        from kg.aggregates import update as update_aggregates

        update_aggregates(store, councils)  # the removed documents' figures go before the journal does
        store.replace_graphs([str(iris.graph(REMOVING))], {})
    return bool(pending or stale)


def remove(store: Store, document: str) -> list[str]:
    """Drop the document(s) matching an IRI, a source path or file name; returns the dropped IRIs.

    The graphs go in the same transaction as a journal entry naming them (embedded store; on a server the
    journal is written first); the ledger then forgets them and the journal is cleared. Killed in between,
    the next `kg remove` (of the same document, or any) or `kg ingest` finishes the job."""
    pending = pending_removals(store)
    hits = [d for d in store.documents() if _matches(document, d.iri, d.sources)]
    again = [iri for iri, sources in pending.items() if _matches(document, iri, sources)]
    if not hits and not again:
        if repair(store):
            return []  # it was gone already; what an interrupted removal left behind is now put right
        raise KgError(f"no document '{document}' in the store", hint="see `kg query documents`")
    councils = None
    if hits:
        from kg import aggregates

        gone = aggregates.councils_of(store, [d.iri for d in hits])  # read before their graphs go
        if aggregates.begin(store) and not pending:
            councils = gone
        journal = _journal({**pending, **{d.iri: d.sources for d in hits}})
        store.replace_graphs([d.iri for d in hits], {str(iris.graph(REMOVING)): journal})
    repair(store, councils)
    return sorted({*again, *(d.iri for d in hits)})

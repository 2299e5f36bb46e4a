"""Aggregates kept at ingest, so that a listing does not count the store.

Per document (kg/rdf.py `tallies`, written into the document's own graph by its build): how many
contributions, resolutions and commitments it minutes at its meeting (ckg:contributionCount,
ckg:resolutionCount, ckg:commitmentCount on the document). They are derived from that document alone, so
workers compute them, and removing or re-ingesting a document takes them with it: nothing is kept in step
after a batch. The status in force of each commitment is the ledger's (kg/ledger: ckg:asOf/ckg:until).

Per council (one graph each, `iris.latest_figures(council)`): the actual figures of the latest period per
indicator (ckg:latestActual, read by `below-target`), each with the targets its document states for the same
indicator, period and unit (ckg:statedTarget). A figure depends on every document of its council, so the hook
ingest and removal call after a run, `update(store, councils)`, works out again only the councils of the
documents the run added or dropped: each council's figures are read with one query that starts from the
council (an index lookup, `_latest-council.rq`) and its graph is written whole (in transactions of about
LATEST_BATCH triples on the embedded store, one PUT each on a server). Many councils at once (a first ingest)
are read the same way, a council at a time, so that only one council's figures are ever held (one scan of
every figure peaked at 1.3 GB at 100,000 documents). The latest-figures graph (LATEST) carries a mark that the
kept figures are whole: `begin` takes it off before a run writes documents and `update` puts it back, so a run
killed in between, a store written before this layout (one graph for every council, or none) and a removal a
kill interrupted are worked out again in full (`update(store)`, councils None).
It also drops the aggregates graph of stores written before the counts moved into the documents.
`kept(store)`/`latest_kept(store)` read what is stored, `recompute(store)`/`latest_recomputed(store)`
work it out from the facts: the tests compare them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from kg import iris
from kg.namespaces import CKG, XSD
from kg.queries import internal
from kg.query import internal_texts
from kg.store import Store

GRAPH = iris.graph("aggregates")  # where stores before this layout kept per-document tallies
LATEST = iris.graph("latest-figures")  # the mark that the kept latest figures are whole (before: all of them)
LAYOUT = "per-council 1"  # the mark's value: the kept figures' layout
MANY = 50  # councils: past this many, councils_of reads every document's council at once
LATEST_BATCH = 20_000  # triples: the latest figures are written in transactions of about this many
_COUNTS = (("contributions", CKG.contributionCount), ("resolutions", CKG.resolutionCount),
           ("commitments", CKG.commitmentCount))


def update(store: Store, councils: Iterable[str] | None = None) -> int:
    """Rebuild the latest figures of `councils` (None: of every council), and drop the aggregates graph a
    store written before per-document counts may still hold; returns how many of its triples went (0 once
    it is gone: one index lookup)."""
    update_latest(store, councils)
    probe = f"ASK {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    if not store.query(probe).boolean:
        return 0
    n = len(store.graph(str(GRAPH)))
    store.replace_graphs([str(GRAPH)], {})
    return n


def begin(store: Store, *, empty: bool | None = None) -> bool:
    """Take the mark that the kept latest figures are whole off before a run writes or drops documents (put
    back by `update_latest`); returns whether they were whole, i.e. whether `update` may work out only the
    run's councils. A store with no document has nothing kept to be stale (`empty`: whether the store holds
    none, when the caller knows; else it is asked)."""
    if store.query(internal("latest-state"), {"latest": LATEST}).rows:
        store.replace_graphs([str(LATEST)], {})
        return True
    return empty if empty is not None else not store.query(internal("any-document")).rows


def councils_of(store: Store, documents: Iterable[str]) -> set[str]:
    """The councils of stored documents (before they are dropped, or once written): a lookup each, or one
    read of every document's council when there are many."""
    documents = set(documents)
    if len(documents) > 4 * MANY:
        rows = store.query(internal("latest-councils")).rows
    else:
        rows = [r for d in sorted(documents)
                for r in store.query(internal("latest-councils"), {"document": URIRef(d)}).rows]
    return {str(r["council"]) for r in rows if str(r["document"]) in documents}


def _figures(store: Store, councils: set[str] | None) -> Iterator[tuple[str, dict[str, set[str]]]]:
    """(council, its latest actual figures -> the targets stated beside each), for `councils` (None: all), a
    council at a time (one query each, starting from the council): what is held is one council's figures.
    Every figure of the store read at once (one scan, as a first ingest did) peaked at 1.3 GB at 100,000
    documents."""
    if councils is None:
        councils = {r["council"] for r in internal_texts(store, "latest-councils")}
    for c in sorted(councils):
        rows = [(r["document"], r["obs"], r["measure"], r["indicator"], r["period"], r.get("u"))
                for r in internal_texts(store, "latest-council", {"council": URIRef(c)})]
        yield c, _latest_of(rows)


def _latest_of(rows: list[tuple]) -> dict[str, set[str]]:
    """One council's latest actual figures -> the targets stated beside each. `rows`: (document, figure,
    measure, indicator, period, unit or None) of its actuals and targets."""
    actual, target = str(CKG.actual), str(CKG.target)
    latest: dict[str, str] = {}
    for _, _, measure, indicator, p, _ in rows:
        if measure == actual and (indicator not in latest or p > latest[indicator]):
            latest[indicator] = p
    targets: dict[tuple, set[str]] = {}  # a target is compared with actuals of its document, period and unit
    for doc, t, measure, indicator, p, u in rows:
        if measure == target and u is not None:
            targets.setdefault((doc, indicator, p, u), set()).add(t)
    out: dict[str, set[str]] = {}
    for doc, obs, measure, indicator, p, u in rows:
        if measure == actual and p == latest[indicator]:
            paired = targets.get((doc, indicator, p, u), set()) if u is not None else set()
            out.setdefault(obs, set()).update(paired)
    return out


class _Indicator:
    """One indicator of one council in `Latest`: its latest actual period so far, the actuals of that period
    (document, figure, unit), and the targets of that period or later by (document, period, unit)."""

    __slots__ = ("period", "actuals", "targets")

    def __init__(self) -> None:
        self.period: str | None = None
        self.actuals: list[tuple[str, str, str | None]] = []
        self.targets: dict[tuple[str, str, str], set[str]] = {}


class Latest:
    """The latest figures worked out as a run's documents are written (`add`, from each document's figure
    rows, kg.rdf.Emitted.figures): for a run into a store that held no document, what `update_latest` would
    read back from the store, without reading it. A council's figures are reduced as they come: per
    indicator, only the actuals of its latest period so far and the targets of that period or later are kept
    (a later actual period drops the rest), so what is held is about the size of what is written."""

    def __init__(self) -> None:
        self.councils: dict[str, dict[str, _Indicator]] = {}  # council -> indicator -> what is kept of it
        self.complete = True  # False once a document was written without its rows (kg.batch.write_all)

    def add(self, document: str, rows: Iterable[tuple[str, str, str, str, str, str | None]]) -> None:
        actual, target = str(CKG.actual), str(CKG.target)
        document = sys.intern(document)  # one string for each of its figures, held to the end of the run
        for council, obs, measure, indicator, p, u in rows:
            u = sys.intern(u) if u is not None else None
            ind = self.councils.setdefault(council, {}).get(indicator)
            if ind is None:
                ind = self.councils[council][indicator] = _Indicator()
            if measure == actual:
                if ind.period is None or p > ind.period:
                    ind.period, ind.actuals = p, [(document, obs, u)]
                    ind.targets = {k: v for k, v in ind.targets.items() if k[1] >= p}
                elif p == ind.period:
                    ind.actuals.append((document, obs, u))
            elif measure == target and u is not None and (ind.period is None or p >= ind.period):
                ind.targets.setdefault((document, p, u), set()).add(obs)

    def figures(self) -> Iterator[tuple[str, dict[str, set[str]]]]:
        """(council, its latest actual figures -> the targets stated beside each), as `_latest_of` gives."""
        for council in sorted(self.councils):
            out: dict[str, set[str]] = {}
            for ind in self.councils[council].values():
                for doc, obs, u in ind.actuals:
                    paired = ind.targets.get((doc, ind.period, u), set()) if u is not None else set()
                    out.setdefault(obs, set()).update(paired)
            if out:
                yield council, out


def write_latest(store: Store, latest: Latest) -> list[str]:
    """Write the latest figures a run worked out as it wrote into a store that held no document (`Latest`),
    then mark them whole; returns the councils written."""
    return _write_latest(store, latest.figures(), set())


def update_latest(store: Store, councils: Iterable[str] | None = None) -> list[str]:
    """Work out again the latest figures of `councils` from their documents and write each council's graph
    whole (None: every council, after dropping every graph that keeps some, the one graph of stores before
    this layout too); then mark them whole. Returns the councils written.

    Written in transactions of about LATEST_BATCH triples, a council's graph whole in one: all of them in
    one transaction held a first ingest's 100,000 documents' figures in memory at once (with their rdflib
    graphs and the update's text, a spike of hundreds of MB). The mark goes with the last: a run killed
    before it leaves it off, so the next works them out again."""
    wanted = None if councils is None else set(councils)
    drop: set[str] = set()
    if wanted is None:
        drop = {str(r["g"]) for r in store.query(internal("latest-graphs")).rows}
    return _write_latest(store, _figures(store, wanted), drop)


def _write_latest(store: Store, councils: Iterable[tuple[str, dict[str, set[str]]]],
                  drop: set[str]) -> list[str]:
    """Each council's graph whole, in transactions of about LATEST_BATCH triples; `drop`: kept graphs to drop
    (those of councils not written). The mark goes with the last transaction."""
    graphs: dict[str, Graph] = {}
    written: list[str] = []
    size = 0
    for council, figures in councils:
        g = Graph()
        for obs, paired in figures.items():
            g.add((URIRef(council), CKG.latestActual, URIRef(obs)))
            for t in paired:
                g.add((URIRef(obs), CKG.statedTarget, URIRef(t)))
        name = str(iris.latest_figures(council))
        graphs[name] = g
        drop.discard(name)
        written.append(council)
        size += len(g)
        if size >= LATEST_BATCH:
            store.replace_graphs([], graphs)
            graphs, size = {}, 0
    # the mark last (in the same transaction on the embedded store): a run killed before it is done again
    graphs[str(LATEST)] = Graph().add((LATEST, OWL.versionInfo, Literal(LAYOUT)))
    store.replace_graphs(sorted(drop), graphs)
    return written


def _latest(rows: tuple | list) -> Graph:
    g = Graph()
    for r in rows:
        g.add((r["council"], CKG.latestActual, r["obs"]))
        if r.get("target") is not None:
            g.add((r["obs"], CKG.statedTarget, r["target"]))
    return g


def latest_kept(store: Store) -> Graph:
    """The latest figures as kept: (council, ckg:latestActual, figure)."""
    return _latest(store.query(internal("latest-kept")).rows)


def latest_recomputed(store: Store) -> Graph:
    """Every council's latest figures worked out from its documents (what the kept ones must equal)."""
    return _latest(store.query(internal("latest-figures")).rows)


def _graph(rows: tuple | list, cols: dict[str, URIRef]) -> Graph:
    g = Graph()
    for row in rows:
        for col, prop in cols.items():
            g.add((row["document"], prop, Literal(int(row[col]), datatype=XSD.integer)))
    return g


def kept(store: Store) -> Graph:
    """The counts stored on each document: (document, count property, n)."""
    return _graph(store.query(internal("tallies")).rows, dict(_COUNTS))


def recompute(store: Store) -> Graph:
    """Every document's counts from its facts (what the stored counts must equal)."""
    return _graph(store.query(internal("tallies-counted")).rows, dict(_COUNTS))

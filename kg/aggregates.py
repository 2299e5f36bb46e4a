"""Aggregates kept at ingest, so that a listing does not count the store.

Per document (kg/rdf.py `tallies`, written into the document's own graph by its build): how many
contributions, resolutions and commitments it minutes at its meeting (ckg:contributionCount,
ckg:resolutionCount, ckg:commitmentCount on the document). They are derived from that document alone, so
workers compute them, and removing or re-ingesting a document takes them with it: nothing is kept in step
after a batch. The status in force of each commitment is the ledger's (kg/ledger: ckg:asOf/ckg:until).

Per council (the latest-figures graph, LATEST): the actual figures of the latest period per indicator
(ckg:latestActual, read by `below-target`), each with the targets its document states for the same
indicator, period and unit (ckg:statedTarget: looked up per row, the pairing scanned every target), and on
the graph's own IRI a digest of the documents they were worked out from (ckg:sha256). A figure depends on
every document of its council, so `update(store)`, the hook ingest and removal call after a batch, reads
the actual figures (one index scan) and rewrites the councils whose latest figures moved, one council at a
time (writes O(council)); nothing is read when the set of documents is unchanged.
It also drops the aggregates graph of stores written before the counts moved into the documents.
`kept(store)`/`latest_kept(store)` read what is stored, `recompute(store)`/`latest_recomputed(store)`
work it out from the facts: the tests compare them.
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.namespaces import CKG, XSD
from kg.queries import internal
from kg.store import Store

GRAPH = iris.graph("aggregates")  # where stores before this layout kept per-document tallies
LATEST = iris.graph("latest-figures")  # per council: its latest actual figures
_COUNTS = (("contributions", CKG.contributionCount), ("resolutions", CKG.resolutionCount),
           ("commitments", CKG.commitmentCount))


def update(store: Store) -> int:
    """Rebuild the latest figures of the councils whose documents changed, and drop the aggregates graph a
    store written before per-document counts may still hold; returns how many of its triples went (0 once
    it is gone: one index lookup)."""
    update_latest(store)
    probe = f"ASK {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    if not store.query(probe).boolean:
        return 0
    n = len(store.graph(str(GRAPH)))
    store.replace_graphs([str(GRAPH)], {})
    return n


def update_latest(store: Store) -> list[str]:
    """Rewrite the latest figures of each council whose kept ones differ from its documents' (a transaction
    per council: the councils whose documents changed); returns those councils' IRIs. The figures are read
    in one index scan of the actual and target figures (one council's cost the same), written per council;
    skipped when the set of documents is the one they were worked out from (a digest on the graph's IRI)."""
    docs = sorted(str(r["document"]) for r in store.query(internal("latest-basis")).rows)
    basis = hashlib.sha256("\n".join(["v1", *docs]).encode()).hexdigest()
    kept = store.query(internal("latest-digest"), {"latest": LATEST}).rows
    if kept and str(kept[0]["digest"]) == basis:
        return []
    rows = [(r["document"], r["council"], r["indicator"], r["period"], r.get("u"), r["obs"])
            for r in store.query(internal("latest-actuals")).rows]
    latest: dict[tuple, str] = {}
    for _, council, indicator, p, _, _ in rows:
        key = (council, indicator)
        if key not in latest or str(p) > latest[key]:
            latest[key] = str(p)
    targets: dict[tuple, set[str]] = {}  # a target is compared with actuals of its document, period and unit
    for r in store.query(internal("latest-targets")).rows:
        targets.setdefault((r["document"], r["indicator"], r["period"], r["u"]), set()).add(str(r["target"]))
    want: dict[str, dict[str, set[str]]] = {}
    for doc, council, indicator, p, u, obs in rows:
        if str(p) == latest[(council, indicator)]:
            paired = targets.get((doc, indicator, p, u), set()) if u is not None else set()
            want.setdefault(str(council), {}).setdefault(str(obs), set()).update(paired)
    have: dict[str, dict[str, set[str]]] = {}
    for r in store.query(internal("latest-kept"), {"latest": LATEST}).rows:
        paired = have.setdefault(str(r["council"]), {}).setdefault(str(r["obs"]), set())
        if r.get("target") is not None:
            paired.add(str(r["target"]))
    touched = sorted(c for c in set(want) | set(have) if want.get(c) != have.get(c))
    for council in touched:
        g = Graph()
        for obs, paired in want.get(council, {}).items():
            g.add((URIRef(council), CKG.latestActual, URIRef(obs)))
            for t in paired:
                g.add((URIRef(obs), CKG.statedTarget, URIRef(t)))
        # the council's figures and their targets go, then its new ones
        store.rewrite(str(LATEST), [council], str(CKG.latestActual), g)
    # the digest last: a run killed before it works everything out again
    digest = Graph().add((LATEST, CKG.sha256, Literal(basis)))
    store.rewrite(str(LATEST), [str(LATEST)], str(CKG.latestActual), digest)
    return touched


def _latest(rows: tuple | list) -> Graph:
    g = Graph()
    for r in rows:
        g.add((r["council"], CKG.latestActual, r["obs"]))
        if r.get("target") is not None:
            g.add((r["obs"], CKG.statedTarget, r["target"]))
    return g


def latest_kept(store: Store) -> Graph:
    """The latest figures as kept: (council, ckg:latestActual, figure)."""
    return _latest(store.query(internal("latest-kept"), {"latest": LATEST}).rows)


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

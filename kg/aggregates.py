"""Aggregates kept at ingest, so that a listing does not count the store.

Per document (kg/rdf.py `tallies`, written into the document's own graph by its build): how many
contributions, resolutions and commitments it minutes at its meeting (ckg:contributionCount,
ckg:resolutionCount, ckg:commitmentCount on the document). They are derived from that document alone, so
workers compute them, and removing or re-ingesting a document takes them with it: nothing is kept in step
after a batch. The status in force of each commitment is the ledger's (kg/ledger: ckg:asOf/ckg:until).

`update(store)` is the hook ingest and removal call after a batch: it only drops the aggregates graph of
stores written before the counts moved into the documents (it was rewritten whole after each batch, which
grew with the corpus). `kept(store)` reads the counts as stored, `recompute(store)` counts the facts: the
tests compare the two.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.namespaces import CKG, XSD
from kg.queries import internal
from kg.store import Store

GRAPH = iris.graph("aggregates")  # where stores before this layout kept per-document tallies
_COUNTS = (("contributions", CKG.contributionCount), ("resolutions", CKG.resolutionCount),
           ("commitments", CKG.commitmentCount))


def update(store: Store) -> int:
    """Drop the aggregates graph a store written before per-document counts may still hold; returns how
    many of its triples went (0 once it is gone: one index lookup)."""
    probe = f"ASK {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    if not store.query(probe).boolean:
        return 0
    n = len(store.graph(str(GRAPH)))
    store.replace_graphs([str(GRAPH)], {})
    return n


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

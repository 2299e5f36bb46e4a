"""Aggregates kept at ingest, so that a listing does not count the store: one tally per document and meeting
(how many contributions, resolutions and commitments the document records there), in their own graph.

`update(store)` is the one hook: after a batch of documents is written and after a removal. It compares the
tallies with the documents stored, drops the tallies of documents gone and adds those of documents new, so
a run killed in between is caught up by the next. `recompute(store)` builds every tally from scratch: the
tests compare the two.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

from kg import iris
from kg.namespaces import CKG
from kg.queries import internal
from kg.store import Store

GRAPH = iris.graph("aggregates")
_COUNTS = (("contributions", CKG.contributionCount), ("resolutions", CKG.resolutionCount),
           ("commitments", CKG.commitmentCount))


def _tallies(store: Store, against: URIRef) -> Graph:
    """Tallies of the documents that have none in the graph `against` (a graph that does not exist: all)."""
    g = Graph()
    for row in store.query(internal("tallies"), {"aggregates": against}).rows:
        node = BNode()
        g.add((node, CKG.tallyOf, row["document"]))
        if "meeting" in row:
            g.add((node, CKG.tallyMeeting, row["meeting"]))
        for col, prop in _COUNTS:
            g.add((node, prop, Literal(int(row[col]))))
    return g


def update(store: Store) -> int:
    """Bring the aggregates graph in step with the documents stored; returns how many tallies changed."""
    current = store.graph(str(GRAPH))
    stored = {d.iri for d in store.documents()}
    gone = {t for t, d in current.subject_objects(CKG.tallyOf) if str(d) not in stored}
    new = _tallies(store, GRAPH)
    if not gone and not len(new):
        return 0
    for t in gone:
        current.remove((t, None, None))
    current += new
    store.replace_graphs([str(GRAPH)], {str(GRAPH): current})
    return len(gone) + len(set(new.subjects(CKG.tallyOf)))


def recompute(store: Store) -> Graph:
    """Every tally from scratch (what `update` must keep the aggregates graph equal to)."""
    return _tallies(store, iris.graph("none"))

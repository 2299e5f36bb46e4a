"""kg/aggregates.py: the counts each document keeps equal a from-scratch count of its facts after ingest,
removal and re-ingest, their sums per meeting equal the `meetings` query's counts, and the aggregates graph
of older stores is dropped."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import aggregates
from kg.ingest import ingest, remove
from kg.namespaces import CKG
from kg.query import run
from kg.store import LocalStore


def documents_counted(g: Graph) -> set[str]:
    return {str(d) for d in g.subjects(CKG.contributionCount)}


def test_counts_follow_ingest_remove_and_reingest(store: LocalStore, seeds_dir: Path) -> None:
    """Stored counts equal a recount of the facts after an ingest, a removal and a re-ingest."""
    assert ingest([seeds_dir], store).ok
    first = aggregates.kept(store)
    assert isomorphic(first, aggregates.recompute(store))
    with_meeting = {str(r["d"]) for r in store.query(
        "SELECT ?d WHERE { GRAPH ?d { ?d <https://w3id.org/council-kg/def#meeting> ?m } }").rows}
    assert documents_counted(first) == with_meeting and with_meeting
    assert sum(int(n) for n in first.objects(None, CKG.commitmentCount)) > 0, \
        "no commitment counted: the check would prove nothing"

    gone = remove(store, sorted(d.sources[0] for d in store.documents())[0])
    after = aggregates.kept(store)
    assert isomorphic(after, aggregates.recompute(store))
    assert not documents_counted(after) & set(gone)
    assert len(after) < len(first)

    assert ingest([seeds_dir], store).ok
    assert isomorphic(aggregates.kept(store), first)
    assert aggregates.update(store) == 0  # nothing to drop


def test_meetings_counts_equal_a_count_of_the_store(seeds_store: LocalStore) -> None:
    """The meetings query's counts, and the stored counts summed per meeting, equal the facts in the store."""
    counted: Counter = Counter()
    for cls, col in ((CKG.Contribution, "contributions"), (CKG.Resolution, "resolutions"),
                     (CKG.Commitment, "commitments")):
        q = ("SELECT ?cls ?m (COUNT(DISTINCT ?f) AS ?n) WHERE { GRAPH ?g { ?f a ?cls ; "
             "<https://w3id.org/council-kg/def#meeting> ?m } } GROUP BY ?cls ?m")
        for r in seeds_store.query(q, {"cls": cls}).rows:
            counted[(str(r["m"]), col)] = int(r["n"])
    got: Counter = Counter()
    for r in run(seeds_store, "meetings").rows:
        for col in ("contributions", "resolutions", "commitments"):
            if int(r[col]):
                got[(str(r["meeting"]), col)] = int(r[col])
    assert got == counted and counted
    meeting = {str(r["d"]): str(r["m"]) for r in seeds_store.query(
        "SELECT ?d ?m WHERE { GRAPH ?d { ?d <https://w3id.org/council-kg/def#meeting> ?m } }").rows}
    summed: Counter = Counter()
    kept = aggregates.kept(seeds_store)
    for col, prop in aggregates._COUNTS:
        for d, n in kept.subject_objects(prop):
            if int(n):
                summed[(meeting[str(d)], col)] += int(n)
    assert summed == counted


def test_an_older_stores_aggregates_graph_is_dropped(store: LocalStore) -> None:
    """The aggregates graph of a store written before per-document counts goes at the next update."""
    g = Graph()
    g.add((URIRef("https://example.org/t"), CKG.contributionCount, Literal(3)))
    store.replace_graphs([], {str(aggregates.GRAPH): g})
    assert aggregates.update(store) == 1
    assert len(store.graph(str(aggregates.GRAPH))) == 0 and aggregates.update(store) == 0

"""kg/aggregates.py: the tallies kept at ingest equal a from-scratch recomputation after ingest, removal and
re-ingest, and their sums per meeting equal the `meetings` query's counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic

from kg import aggregates
from kg.ingest import ingest, remove
from kg.namespaces import CKG
from kg.query import run
from kg.store import LocalStore


def kept(store: LocalStore) -> Graph:
    return store.graph(str(aggregates.GRAPH))


def by_document(g: Graph) -> Counter:
    """Tallies as comparable values: (document, meeting, contributions, resolutions, commitments)."""
    return Counter((str(d), str(g.value(t, CKG.tallyMeeting)),
                    *(int(g.value(t, p)) for _, p in aggregates._COUNTS))  # type: ignore[arg-type]
                   for t, d in g.subject_objects(CKG.tallyOf))


def test_tallies_follow_ingest_remove_and_reingest(store: LocalStore, seeds_dir: Path) -> None:
    """Kept tallies equal a recomputation from scratch after an ingest, a removal and a re-ingest."""
    assert ingest([seeds_dir], store).ok
    first = kept(store)
    assert isomorphic(first, aggregates.recompute(store))
    docs = {d.iri for d in store.documents()}
    assert {str(d) for d in first.objects(None, CKG.tallyOf)} == docs
    assert sum(n for *_, n in by_document(first)) > 0, "no commitment counted: the check would prove nothing"

    gone = remove(store, sorted(d.sources[0] for d in store.documents())[0])
    after = kept(store)
    assert isomorphic(after, aggregates.recompute(store))
    assert not {str(d) for d in after.objects(None, CKG.tallyOf)} & set(gone)
    assert len(by_document(after)) < len(by_document(first))

    assert ingest([seeds_dir], store).ok
    assert by_document(kept(store)) == by_document(first)
    assert aggregates.update(store) == 0  # nothing left to do: nothing is counted twice


def test_meetings_counts_equal_a_count_of_the_store(seeds_store: LocalStore) -> None:
    """The tallies summed per meeting, and the meetings query's counts, equal the facts in the store."""
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
    summed: Counter = Counter()
    g = kept(seeds_store)
    for t in g.subjects(CKG.tallyOf):
        for col, prop in aggregates._COUNTS:
            if (m := g.value(t, CKG.tallyMeeting)) is not None and int(g.value(t, prop)):  # type: ignore[arg-type]
                summed[(str(m), col)] += int(g.value(t, prop))  # type: ignore[arg-type]
    assert summed == counted

"""kg/aggregates.py: the counts each document keeps equal a from-scratch count of its facts after ingest,
removal and re-ingest, their sums per meeting equal the `meetings` query's counts, and the aggregates graph
of older stores is dropped; the latest figures kept per council equal a recomputation after ingest, removal
and re-ingest, and `below-target`, which reads them, gives the rows its earlier texts gave
(tests/data/aggregates-before: main at 63788ad, which grouped and paired every figure of the store;
tests/data/belowt-before: main at 1c84a95, the same lookups in another order)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import aggregates, iris
from kg.ingest import ingest, remove
from kg.namespaces import CKG
from kg.query import _parse, run
from kg.store import LocalStore, Result

BEFORE = Path(__file__).parent / "data" / "aggregates-before"
LOOKUPS_BEFORE = Path(__file__).parent / "data" / "belowt-before"  # below-target at 1c84a95


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


def test_latest_figures_follow_ingest_remove_and_reingest(store: LocalStore, seeds_dir: Path) -> None:
    """The latest figures kept per council equal a recomputation after an ingest, a removal of a document
    holding some of them (they move back to the council's other documents or go) and a re-ingest."""
    assert ingest([seeds_dir], store).ok
    first = aggregates.latest_kept(store)
    assert isomorphic(first, aggregates.latest_recomputed(store))
    assert len(set(first.objects(None, CKG.statedTarget))) > 0, "no target kept: proves nothing"
    assert aggregates.update_latest(store, []) == []  # no council named: nothing rewritten
    assert isomorphic(aggregates.latest_kept(store), first)

    by_doc = Counter(str(r["d"]) for r in store.query(
        "SELECT ?d WHERE { GRAPH ?g { ?c <https://w3id.org/council-kg/def#latestActual> ?o } "
        "GRAPH ?d { ?o a ?type } }").rows)
    gone = remove(store, by_doc.most_common(1)[0][0])
    after = aggregates.latest_kept(store)
    assert isomorphic(after, aggregates.latest_recomputed(store))
    assert not isomorphic(after, first)

    assert ingest([seeds_dir], store).ok
    assert isomorphic(aggregates.latest_kept(store), first), gone


# two councils' seeds, the first with latest figures, the second without
DARLINGTON, DURHAM = "003_05486bbbf8471d79.txt", "000_c54206f06d683a2c.txt"


def council_graph(store: LocalStore, name: str) -> Graph:
    """The kept latest-figures graph of the council whose IRI ends with `name`."""
    return store.graph(str(iris.latest_figures(name)))


def test_removal_works_out_only_the_removed_documents_council(store: LocalStore, seeds_dir: Path) -> None:
    """Removing one council's document rewrites that council's latest figures only: a mark put into another
    council's kept graph survives the removal, and the removed council's figures go."""
    assert ingest([seeds_dir], store).ok
    assert len(council_graph(store, "darlington-borough-council")), "no kept figures: proves nothing"
    mark = (URIRef("https://example.org/untouched"), CKG.latestActual, URIRef("https://example.org/o"))
    store.add(str(iris.latest_figures("durham-county-council")), Graph().add(mark))
    remove(store, DARLINGTON)
    assert len(council_graph(store, "darlington-borough-council")) == 0
    assert mark in council_graph(store, "durham-county-council")
    store.replace_graphs([str(iris.latest_figures("durham-county-council"))], {})
    assert isomorphic(aggregates.latest_kept(store), aggregates.latest_recomputed(store))


def test_a_replaced_text_of_another_council_moves_the_figures(store: LocalStore, seeds_dir: Path,
                                                             tmp_path: Path) -> None:
    """A source whose new text belongs to another council takes its figures from the old text's council to
    the new one's (the old text's council read before it is dropped)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for suffix in ("", ".meta.yaml"):
        (docs / f"report.txt{suffix}").write_bytes((seeds_dir / f"{DARLINGTON}{suffix}").read_bytes())
    assert ingest([docs], store).ok
    assert len(council_graph(store, "darlington-borough-council"))
    for suffix in ("", ".meta.yaml"):
        (docs / f"report.txt{suffix}").write_bytes((seeds_dir / f"{DURHAM}{suffix}").read_bytes())
    report = ingest([docs], store)
    assert report.ok and [o.status for o in report.outcomes] == ["replaced"]
    assert len(council_graph(store, "darlington-borough-council")) == 0
    assert isomorphic(aggregates.latest_kept(store), aggregates.latest_recomputed(store))


def test_older_stores_and_killed_runs_are_worked_out_in_full(store: LocalStore, seeds_dir: Path) -> None:
    """A store written before the per-council graphs (every council's figures in one graph with a digest, no
    mark) and a run killed after it took the mark off are both brought up to date by the next ingest."""
    assert ingest([seeds_dir / DARLINGTON], store).ok
    kept = aggregates.latest_kept(store)
    old = Graph().add((aggregates.LATEST, CKG.sha256, Literal("0" * 64)))
    old += kept
    old.add((URIRef("https://example.org/gone"), CKG.latestActual, URIRef("https://example.org/o")))
    store.replace_graphs([str(iris.latest_figures("darlington-borough-council"))],
                         {str(aggregates.LATEST): old})
    assert ingest([seeds_dir / DURHAM], store).ok
    assert isomorphic(aggregates.latest_kept(store), aggregates.latest_recomputed(store))
    assert not set(store.graph(str(aggregates.LATEST)).subjects(CKG.latestActual))

    assert aggregates.begin(store)  # a run that took the mark off, then was killed after dropping a document
    darlington = next(d.iri for d in store.documents() if DARLINGTON in d.sources)
    store.replace_graphs([darlington], {})
    assert not aggregates.begin(store)
    assert ingest([seeds_dir / DURHAM], store).ok
    assert len(council_graph(store, "darlington-borough-council")) == 0
    assert isomorphic(aggregates.latest_kept(store), aggregates.latest_recomputed(store))


def test_latest_figures_written_a_few_councils_a_transaction_are_all_there(store: LocalStore, seeds_dir: Path,
                                                                            monkeypatch) -> None:
    """Written in many small transactions (a council each), the kept latest figures still equal the ones
    worked out from the facts, and a council's stale graph from before is dropped."""
    assert ingest([seeds_dir / DARLINGTON, seeds_dir / DURHAM], store).ok
    gone = URIRef("https://example.org/council/gone")
    stale = str(iris.latest_figures(str(gone)))
    store.replace_graphs([], {stale: Graph().add((gone, CKG.latestActual, URIRef("https://example.org/o")))})
    monkeypatch.setattr(aggregates, "LATEST_BATCH", 1)
    calls: list[int] = []
    replace = store.replace_graphs
    monkeypatch.setattr(store, "replace_graphs", lambda drop, graphs: calls.append(len(graphs)) or
                        replace(drop, graphs))
    written = aggregates.update_latest(store)
    assert len(written) == 2 and len(calls) == 2  # a council with figures, then the other with the mark
    assert isomorphic(aggregates.latest_kept(store), aggregates.latest_recomputed(store))
    assert len(store.graph(stale)) == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_first_ingest_works_out_the_latest_figures_as_it_writes(store: LocalStore, seeds_dir: Path,
                                                                 tmp_path: Path, monkeypatch,
                                                                 jobs: int) -> None:
    """Into a store with no document, the latest figures come from the documents' figure rows as they are
    written (workers' too), not from the store after the run, and equal what reading the store gives: the
    store's own recomputation, and the per-council queries' (update_latest) over the same store."""
    from benchmarks.corpus import generate

    generate(tmp_path / "synthetic", 60)  # councils with figures of several periods and targets beside them
    read: list[object] = []
    real = aggregates._figures
    monkeypatch.setattr(aggregates, "_figures", lambda *a: read.append(a) or real(*a))
    assert ingest([tmp_path / "synthetic", seeds_dir], store, jobs=jobs).ok
    assert read == []  # nothing read back
    kept = aggregates.latest_kept(store)
    assert len(set(kept.objects(None, CKG.statedTarget))) > 10
    assert len(set(kept.subjects(CKG.latestActual))) > 5
    assert isomorphic(kept, aggregates.latest_recomputed(store))
    aggregates.update_latest(store)  # every council read back from the store
    assert read and isomorphic(aggregates.latest_kept(store), kept)
    # a second run into the now non-empty store reads its councils back, as before
    read.clear()
    (tmp_path / "one").mkdir()
    text = (seeds_dir / DARLINGTON).read_text(encoding="utf-8")
    (tmp_path / "one" / "new.txt").write_text(text + "\nEnd.\n", encoding="utf-8")
    assert ingest([tmp_path / "one"], store).ok and read and all(councils for _, councils in read)
    assert isomorphic(aggregates.latest_kept(store), aggregates.latest_recomputed(store))


def row_set(result: Result) -> set[tuple[tuple[str, str], ...]]:
    return {tuple(sorted((k, v.n3()) for k, v in r.items())) for r in result.rows}


@pytest.mark.parametrize("before_dir", [BEFORE, LOOKUPS_BEFORE], ids=["recomputed", "lookups"])
def test_below_target_returns_the_rows_it_returned_before(seeds_store: LocalStore, before_dir: Path) -> None:
    """On the seeds, below-target from the kept latest figures gives exactly the rows, in the same order, of
    its earlier texts (working every figure out; and the lookups in their order before the quote moved after
    the filter), for the whole store and for each council."""
    before = _parse("below-target", (before_dir / "below-target.rq").read_text(encoding="utf-8"))
    councils = [r["c"] for r in seeds_store.query(
        "SELECT DISTINCT ?c WHERE { GRAPH ?d { ?d <https://w3id.org/council-kg/def#council> ?c } }").rows]
    assert councils
    for params in ({}, *({"council": c} for c in councils)):
        want, got = run(seeds_store, before, params), run(seeds_store, "below-target", params)
        assert got.variables == want.variables
        assert row_set(got) == row_set(want), params
        assert len(got.rows) == len(want.rows), params
        assert [r.get("indicator_label") for r in got.rows] == [r.get("indicator_label") for r in want.rows]
    assert len(run(seeds_store, "below-target").rows) > 0, "no rows on the seeds: proves nothing"


def test_open_commitments_returns_the_rows_it_returned_before(seeds_store: LocalStore) -> None:
    """On the seeds, open-commitments with per-row lookups gives exactly the rows, in the same order, of its
    earlier text (typed subqueries over every commitment, later meetings listed from every document)."""
    before = _parse("open-commitments", (BEFORE / "open-commitments.rq").read_text(encoding="utf-8"))
    want, got = run(seeds_store, before), run(seeds_store, "open-commitments")
    assert got.variables == want.variables
    assert list(got.rows) == list(want.rows)
    assert got.rows, "no open commitment on the seeds: the comparison proves nothing"


@pytest.mark.slow
def test_rewritten_queries_give_the_rows_they_gave_before_at_1000_documents(store_1000_path: Path) -> None:
    """On the benchmarks' 1,000 documents, where committees meet many times and councils report many periods,
    open-commitments and below-target give the rows of their earlier text."""
    with LocalStore(store_1000_path, read_only=True) as st:
        for name, before_dir in (("open-commitments", BEFORE), ("below-target", BEFORE),
                                 ("below-target", LOOKUPS_BEFORE)):
            before = _parse(name, (before_dir / f"{name}.rq").read_text(encoding="utf-8"))
            want, got = run(st, before), run(st, name)
            assert row_set(got) == row_set(want) and len(got.rows) == len(want.rows), name
            if name == "open-commitments":
                assert list(got.rows) == list(want.rows)
                assert any(int(r["age_meetings"]) for r in got.rows), "no commitment aged: proves little"

"""Ingest: idempotent re-ingest, replacement of a changed document, duplicates, failures, removal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import iris
from kg.ingest import ingest, remove
from kg.namespaces import CKG
from kg.query import run
from kg.read import read_document
from kg.store import LocalStore

DATA = Path(__file__).resolve().parent / "data"


def files(store: LocalStore) -> dict[str, str]:
    return {str(r["file"]): str(r["document"]) for r in run(store, "documents").rows}


def doc_graphs(store: LocalStore) -> set[str]:
    return {d.iri for d in store.documents()}


def test_reingest_of_unchanged_documents_does_nothing(store: LocalStore, seeds_dir: Path) -> None:
    first = ingest([seeds_dir], store)
    assert first.ok and first.counts() == {"added": 5}
    before = store.count()
    second = ingest([seeds_dir], store)
    assert second.ok and second.counts() == {"unchanged": 5}
    assert store.count() == before


def test_changed_document_replaces_its_graph(store: LocalStore, seeds_dir: Path, copy_of) -> None:  # noqa: ANN001
    folder = copy_of(*seeds_dir.iterdir())
    ingest([folder], store)
    target = folder / "001_d89f0ea69e52ccb1.txt"
    old_iri = str(iris.document(read_document(target).sha256))
    target.write_text(
        target.read_text(encoding="utf-8") + "\nAn added line about the Panel.\n", encoding="utf-8"
    )
    new_iri = str(iris.document(read_document(target).sha256))

    report = ingest([folder], store)
    assert report.counts() == {"replaced": 1, "unchanged": 4}
    graphs = doc_graphs(store)
    assert new_iri in graphs and old_iri not in graphs and len(graphs) == 5
    assert files(store)["001_d89f0ea69e52ccb1.txt"] == new_iri
    # nothing of the old text is left anywhere in the store
    assert not list(store.graph(old_iri))


def test_same_text_under_two_names_is_one_document_with_two_sources(
    store: LocalStore, seeds_dir: Path, copy_of
) -> None:  # noqa: ANN001
    folder = copy_of(seeds_dir / "000_c54206f06d683a2c.txt")
    shutil.copy2(folder / "000_c54206f06d683a2c.txt", folder / "copy-of-000.txt")
    report = ingest([folder], store)
    assert report.counts() == {"added": 1, "duplicate": 1}
    dup = next(o for o in report.outcomes if o.status == "duplicate")
    assert "000_c54206f06d683a2c.txt" in dup.message
    rows = files(store)
    assert rows["copy-of-000.txt"] == rows["000_c54206f06d683a2c.txt"]
    assert len(doc_graphs(store)) == 1
    # idempotent with both sources known
    assert ingest([folder], store).counts() == {"unchanged": 2}


def test_one_bad_document_never_stops_the_others(store: LocalStore, seeds_dir: Path, copy_of) -> None:  # noqa: ANN001
    folder = copy_of(seeds_dir / "003_05486bbbf8471d79.txt", seeds_dir / "003_05486bbbf8471d79.txt.meta.yaml")
    (folder / "a-empty.txt").write_text("", encoding="utf-8")
    (folder / "b-bad-sidecar.txt").write_text("Minutes of the Panel.\n", encoding="utf-8")
    (folder / "b-bad-sidecar.txt.meta.yaml").write_text("meeting_date: soon\n", encoding="utf-8")
    (folder / "c-sheet.xlsx").write_bytes(b"PK")
    report = ingest([folder, folder / "missing.txt"], store)
    assert not report.ok
    failed = {Path(o.source).name: o.message for o in report.failed}
    assert set(failed) == {"a-empty.txt", "b-bad-sidecar.txt", "c-sheet.xlsx", "missing.txt"}
    assert "no text" in failed["a-empty.txt"] and "not a date" in failed["b-bad-sidecar.txt"]
    assert all("\n" not in m for m in failed.values())
    assert list(files(store)) == ["003_05486bbbf8471d79.txt"]


def test_remove_drops_the_document_graph(store: LocalStore, seeds_dir: Path) -> None:
    ingest([seeds_dir], store)
    dropped = remove(store, "002_b026277b1e2d3df6.txt")
    assert len(dropped) == 1
    assert "002_b026277b1e2d3df6.txt" not in files(store) and len(files(store)) == 4
    assert not list(store.graph(dropped[0]))
    assert URIRef(dropped[0]) not in {URIRef(g) for g in store.named_graphs()}


def test_reference_graphs_are_loaded_once(store: LocalStore, seeds_dir: Path) -> None:
    ingest([seeds_dir], store)
    graphs = set(store.named_graphs())
    for name in ("ontology", "indicators", "reference", "meta"):
        assert str(iris.graph(name)) in graphs
    count = store.count()
    ingest([seeds_dir], store)
    assert store.count() == count


def test_an_unchanged_ontology_is_not_parsed_again(store: LocalStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The ontology's digest is its Turtle file's: a second start parses nothing; a store whose recorded
    digest differs (an edited ontology) gets the graph again."""
    import kg.ontology
    from kg.ingest import ensure_reference

    parsed: list[int] = []
    real = kg.ontology.ontology_graph
    monkeypatch.setattr(kg.ontology, "ontology_graph", lambda: parsed.append(1) or real())
    ensure_reference(store)
    assert parsed == [1] and len(store.graph(str(iris.graph("ontology")))) > 100
    ensure_reference(store)
    assert parsed == [1]
    meta = store.graph(str(iris.graph("meta")))
    meta.set((iris.graph("ontology"), CKG.sha256, Literal("turtle 0")))
    store.replace_graphs([str(iris.graph("ontology"))], {str(iris.graph("meta")): meta})
    ensure_reference(store)
    assert parsed == [1, 1] and len(store.graph(str(iris.graph("ontology")))) > 100


def test_reference_digests_are_the_same_in_every_process(tmp_path: Path) -> None:
    """Python salts str hashes per process, so graph order differs: the digests must not, or every ingest
    would rewrite the ontology, scheme and reference graphs."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; from kg.ingest import ensure_reference; from kg.store import LocalStore\n"
        "with LocalStore(sys.argv[1]) as st: ensure_reference(st)"
    )
    digests = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / "st")], check=True, env=env, timeout=120)
        with LocalStore(tmp_path / "st", read_only=True) as st:
            digests.append(sorted(map(str, st.graph(str(iris.graph("meta"))).objects())))
    assert len(digests[0]) == 3 and digests[0] == digests[1]


def test_workers_build_ahead_but_a_stale_guess_is_rebuilt(tmp_path: Path) -> None:
    """With --jobs, workers link and build each graph from the posts known when its chunk was sent. The
    second meeting's "Head of Planning Service" is the first's "Head of Planning Services" only if the
    first is known: a worker that did not know it guessed wrong, and the parent must build it again."""
    import datetime as dt

    from rdflib import Dataset
    from rdflib.compare import isomorphic

    from kg.ingest import Built, _build, discover, prepare, write_prepared
    from kg.link import Known, link
    from kg.rdf import to_graph
    from kg.store import graph_of

    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    first, second = (prepare(s) for s in discover([DATA / "fuzzy-posts"])[0])
    stale = _build(second, Known(), when)  # sent before the first meeting was written
    assert isinstance(stale.built, Built)
    sunk: list[object] = []
    with LocalStore(tmp_path / "store") as st:
        _, known = write_prepared(st, first, Known(), when=when)
        assert "Head of Planning Services" in known.posts["Durham County Council"]
        fresh = _build(second, known, when)  # sent after it
        _, after_stale = write_prepared(st, stale, known, when=when, sink=lambda i, g: sunk.append(g))
        _, after_fresh = write_prepared(st, fresh, known, when=when, sink=lambda i, g: sunk.append(g))
    rebuilt, ahead = sunk
    assert isinstance(rebuilt, Built) and rebuilt is not stale.built  # the worker's guess was dropped
    assert isinstance(ahead, Built) and ahead is fresh.built  # the worker's graph was used as it was
    serial = to_graph(link(second.extraction, known), when=when)  # type: ignore[arg-type]
    assert isomorphic(graph_of(rebuilt.nquads), serial)
    ds = Dataset()
    ds.parse(data=ahead.nquads, format="nquads")
    assert isomorphic(ds.graph(URIRef(str(iris.document(second.extraction.doc.sha256)))), serial)  # type: ignore[union-attr]
    assert after_stale == after_fresh
    labels = {str(o) for o in serial.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "Head of Planning Services" in labels and "Head of Planning Service" not in labels


def test_a_document_whose_council_cannot_be_found_gets_one_warning_line(store: LocalStore,
                                                                       tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    shutil.copy2(Path(__file__).resolve().parent / "data" / "headings" / "README.md", readme)
    report = ingest([readme], store)
    (outcome,) = report.outcomes
    assert outcome.status == "added"
    assert len(outcome.warnings) == 1
    assert outcome.warnings[0].startswith("council, committee and meeting date not found")
    assert "README.md.meta.yaml" in outcome.warnings[0]
    rows = run(store, "documents").rows
    assert [str(r["council_label"]) for r in rows] == ["Unknown council"]  # not Durham, not Gateshead


def test_a_workers_stale_guess_about_a_found_indicator_is_rebuilt(tmp_path: Path) -> None:
    """A worker that linked December's minutes before September's were written could not know September's
    wording of an indicator the scheme lacks: its graph is dropped and the parent's equals a serial run's."""
    import datetime as dt

    from rdflib.compare import isomorphic

    from kg.ingest import Built, _build, discover, prepare, write_prepared
    from kg.link import Known, link
    from kg.rdf import to_graph
    from kg.store import graph_of

    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    first, second = (prepare(s) for s in discover([DATA / "found-indicators"])[0])
    stale = _build(second, Known(), when)
    assert isinstance(stale.built, Built)
    sunk: list[object] = []
    with LocalStore(tmp_path / "store") as st:
        _, known = write_prepared(st, first, Known(), when=when)
        assert any("tenancies" in k.key for k in known.indicators["Northvale District Council"])
        _, after = write_prepared(st, stale, known, when=when, sink=lambda i, g: sunk.append(g))
    (rebuilt,) = sunk
    assert isinstance(rebuilt, Built) and rebuilt is not stale.built
    assert isomorphic(graph_of(rebuilt.nquads), to_graph(link(second.extraction, known), when=when))  # type: ignore[arg-type]
    assert any("tenancies" in k.key for k in after.indicators["Northvale District Council"])


def test_a_stale_guess_that_links_the_same_keeps_the_workers_graph(tmp_path: Path) -> None:
    """When what is known of the council changed after the worker built a document, but not in a way its
    linking notices (a post it does not name), the parent links it again and keeps the worker's graph."""
    import datetime as dt

    from kg.ingest import Built, _build, discover, prepare, write_prepared
    from kg.link import Known

    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    _, second = (prepare(s) for s in discover([DATA / "fuzzy-posts"])[0])
    guess = _build(second, Known(), when)
    assert isinstance(guess.built, Built)
    changed = Known({guess.built.council: ("Keeper of the Municipal Clocks",)}, {})
    sunk: list[object] = []
    with LocalStore(tmp_path / "store") as st:
        write_prepared(st, guess, changed, when=when, sink=lambda i, g: sunk.append(g))
    (kept,) = sunk
    assert isinstance(kept, Built) and kept.placed is guess.built.placed
    assert kept.basis != guess.built.basis  # what it was checked against is now the current basis


def test_ingest_collects_garbage_less_often_and_then_as_before(store: LocalStore, seeds_dir: Path) -> None:
    """During an ingest the collector runs every INGEST_GC allocations; afterwards the caller's settings."""
    import gc

    from kg import prepare

    before = gc.get_threshold()
    during: list[tuple[int, ...]] = []
    ingest([seeds_dir], store, on_start=lambda _: during.append(gc.get_threshold()))
    assert during == [prepare.INGEST_GC] and gc.get_threshold() == before != prepare.INGEST_GC


def _tally_docs(store: LocalStore) -> set[str]:
    rows = store.query("PREFIX ckg: <https://w3id.org/council-kg/def#> "
                       "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?t a ckg:PersonTally } }").rows
    return {str(r["g"]) for r in rows}


def _rows(rows) -> list[tuple]:  # noqa: ANN001 - Rows or a tuple of dicts
    """Rows as comparable values, in any order (ties in councillor-activity's order may come either way)."""
    return sorted(tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows)


def test_a_store_written_before_tallies_gets_them_as_a_fresh_ingest_writes_them(seeds_dir: Path,
                                                                                 tmp_path: Path) -> None:
    """A store whose tallies are gone (as before kg.rdf wrote them) gets from upgrade_tallies, and from the
    next ingest, exactly the quads a fresh ingest holds, so councillor-activity answers as on a fresh store;
    on a current store the upgrade writes nothing."""
    from kg.ingest import UPGRADES, upgrade_tallies

    with LocalStore(tmp_path / "fresh") as fresh:
        assert ingest([seeds_dir], fresh).ok
        want, activity = set(fresh._s), run(fresh, "councillor-activity").rows
        tallied = _tally_docs(fresh)
        assert upgrade_tallies(fresh) == 0 and set(fresh._s) == want  # current: nothing written
    counts = [q for q in want if q.predicate.value.endswith(("questionCount", "commentCount"))]
    assert tallied and counts and activity
    shutil.copytree(tmp_path / "fresh", tmp_path / "old")
    # an old store: no tallies, and no mark saying it has had the upgrade
    drop = ("PREFIX ckg: <https://w3id.org/council-kg/def#> "
            "DELETE WHERE { GRAPH ?g { ?t a ckg:PersonTally ; ?p ?o } }; "
            f"DROP SILENT GRAPH <{UPGRADES}>")
    with LocalStore(tmp_path / "old") as old:
        old._s.update(drop)
        assert not _tally_docs(old) and not run(old, "councillor-activity").rows
        assert upgrade_tallies(old, batch=2) == len(tallied)
        # the layout's mark comes back with the next ingest (below), not with this
        unmarked = {q for q in want if q.graph_name.value != str(UPGRADES)}
        assert {q for q in old._s if q.graph_name.value != str(UPGRADES)} == unmarked
        assert _rows(run(old, "councillor-activity").rows) == _rows(activity)
        assert upgrade_tallies(old) == 0
        old._s.update(drop.rsplit(";", 1)[0])  # tallies gone, the mark kept: not searched again
        assert upgrade_tallies(old) == 0 and not _tally_docs(old)
        old._s.update(drop)
        assert ingest([seeds_dir], old).counts() == {"unchanged": 5}  # the ingest upgrades first
        assert set(old._s) == want


def test_a_ledger_citing_a_gone_document_is_repaired_by_the_next_ingest(
        seeds_store_path: Path, seeds_dir: Path, tmp_path: Path) -> None:
    """A document's graph gone with no journal (an older version's cut-short removal) and the ledger still
    citing it: the next ingest (everything unchanged) leaves no step citing it and no step of a commitment
    no longer stored, as `kg remove` would."""
    import shutil

    from kg import iris

    prefix = "PREFIX ckg: <https://w3id.org/council-kg/def#> "
    cites = prefix + ("SELECT DISTINCT ?ledger ?d WHERE { "
                      "GRAPH ?ledger { ?a ckg:asOfDocument|ckg:fulfilledBy ?d } }")
    orphans = prefix + ("ASK { GRAPH ?l { ?c ckg:assessment ?a } "
                        "FILTER NOT EXISTS { GRAPH ?g { ?c a ckg:Commitment } } }")
    ledger = {"ledger": iris.graph("ledger")}
    store = tmp_path / "store"
    shutil.copytree(seeds_store_path, store)
    with LocalStore(store) as st:
        cited = {str(r["d"]) for r in st.query(cites, ledger).rows}
        gone = next(d for d in st.documents() if d.iri in cited)
        st.replace_graphs([gone.iri], {})
        assert gone.iri in {str(r["d"]) for r in st.query(cites, ledger).rows}
        assert st.query(orphans).boolean
        others = [seeds_dir / Path(d.sources[0]).name for d in st.documents()]
        assert ingest(others, st).counts() == {"unchanged": len(others)}
        assert gone.iri not in {str(r["d"]) for r in st.query(cites, ledger).rows}
        assert not st.query(orphans).boolean

"""kg.batch: batched writes and parallel extraction give the same store as a serial run, and a document
is reported only once it is in the store."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from rdflib import Graph, Literal, namespace
from rdflib.compare import isomorphic

from kg.batch import DocIndex, write_all
from kg.ingest import Outcome, discover, ensure_reference, ingest, known_from_store, prepare_all
from kg.store import LocalStore, StoredDoc


def timeless(graph: Graph) -> Graph:
    """Without the run's clock readings (two runs differ only there)."""
    out = Graph()
    for t in graph:
        if not (isinstance(t[2], Literal) and t[2].datatype in (namespace.XSD.dateTime, namespace.XSD.date)):
            out.add(t)
    return out


def test_parallel_batched_ingest_equals_a_serial_one(corpus: Path, tmp_path: Path) -> None:
    with LocalStore(tmp_path / "serial") as a, LocalStore(tmp_path / "parallel") as b:
        ra = ingest([corpus], a, jobs=1)
        rb = ingest([corpus], b, jobs=2)
        assert ra.ok and rb.ok
        assert [(o.source, o.status) for o in ra.outcomes] == [(o.source, o.status) for o in rb.outcomes]
        assert a.named_graphs() == b.named_graphs()
        assert len(a.documents()) == len(list(corpus.glob("*.txt")))
        for name in a.named_graphs():
            assert isomorphic(timeless(a.graph(name)), timeless(b.graph(name))), name


def test_documents_are_reported_only_once_written(corpus: Path, tmp_path: Path) -> None:
    sources, _ = discover([corpus])
    seen: list[str] = []
    with LocalStore(tmp_path / "store") as st:
        ensure_reference(st)

        def emit(o: object) -> None:
            assert isinstance(o, Outcome) and o.status == "added"
            assert o.document in {d.iri for d in st.documents()}, f"{o.source} reported before it was written"
            seen.append(o.source)

        assert len(sources) >= 12
        stopped = write_all(st, prepare_all(sources[:12], 1), known_from_store(st), emit=emit,
                            when=dt.datetime(2024, 1, 1, tzinfo=dt.UTC), stop=lambda: len(seen) >= 4,
                            batch={"max_docs": 3, "max_seconds": 60})
        assert stopped
        # A full batch is written while the next fills and reported once written (when is up to the writer
        # thread): the run stops at the first document after the fourth report, and what it had taken is
        # written and reported before write_all returns: all of it, and not the whole corpus.
        assert len(seen) == len(st.documents()) and 4 <= len(seen) < 12


def test_duplicates_and_new_versions_in_one_run(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    seed = seeds_dir / "002_b026277b1e2d3df6.txt"
    for name in ("a.txt", "b.txt"):  # the same text under two names
        shutil.copy(seed, folder / name)
        shutil.copy(f"{seed}.meta.yaml", folder / f"{name}.meta.yaml")
    with LocalStore(tmp_path / "store") as st:
        report = ingest([folder], st, jobs=2)
        assert [o.status for o in report.outcomes] == ["added", "duplicate"]
        [doc] = st.documents()
        assert doc.sources == ("a.txt", "b.txt")
        (folder / "a.txt").chmod(0o644)
        (folder / "a.txt").write_text(seed.read_text() + "\nThe Panel noted the report.\n")
        report = ingest([folder], st)
        assert {o.source: o.status for o in report.outcomes} == {"a.txt": "replaced", "b.txt": "unchanged"}
        docs = {d.sources: d.iri for d in st.documents()}
        assert set(docs) == {("a.txt",), ("b.txt",)} and docs[("b.txt",)] == doc.iri
        assert len(st.named_graphs()) == len(set(st.named_graphs()))


def test_index_follows_the_writes() -> None:
    index = DocIndex()
    index.record("added", "d1", "s1", "a.txt")
    index.record("duplicate", "d1", "s1", "b.txt")
    assert index.relevant("d2", "a.txt") == [StoredDoc("d1", "s1", ("a.txt", "b.txt"))]
    index.record("replaced", "d2", "s2", "a.txt")  # a.txt's new text; the old one keeps b.txt
    assert index.relevant("d2", "b.txt") == [StoredDoc("d1", "s1", ("b.txt",)),
                                             StoredDoc("d2", "s2", ("a.txt",))]
    index.record("replaced", "d3", "s3", "b.txt")  # b.txt was the old text's last source: it goes
    assert "d1" not in index.by_iri and index.relevant("d3", "b.txt") == [StoredDoc("d3", "s3", ("b.txt",))]


def test_a_graph_the_store_refuses_fails_alone_and_is_named(tmp_path: Path) -> None:
    """A batch the store will not take (here a graph holding an IRI with a space) is written one document
    at a time: the bad one is one failure naming its file, the others go in (issue 19)."""
    from rdflib import URIRef

    from kg.batch import Batch

    good, bad = Graph(), Graph()
    good.add((URIRef("https://x.example/a"), URIRef("https://x.example/p"), Literal("kept")))
    bad.add((URIRef("https://x.example/b"), URIRef("https://x.example/p"), URIRef("not an iri")))
    seen: list[Outcome] = []
    with LocalStore(tmp_path / "store") as st:
        batch = Batch(st, seen.append, max_docs=10)  # type: ignore[arg-type]
        batch.add("https://x.example/g/good", good, Outcome("good.txt", "added"))
        batch.add("https://x.example/g/bad", bad, Outcome("bad.txt", "added"))
        batch.flush()
        assert [o.status for o in seen] == ["added", "failed"]
        assert seen[1].message.startswith("bad.txt: cannot be stored")
        assert len(st.graph("https://x.example/g/good")) == 1
        assert len(st.graph("https://x.example/g/bad")) == 0


def test_a_bulk_loaded_batch_is_not_counted_towards_a_flush(tmp_path: Path) -> None:
    """A batch over BULK_BYTES goes through the bulk loader and owes no flush; a small one is counted."""
    from kg import iris
    from kg.batch import Batch, Placed, write_new
    from kg.namespaces import CKG
    from kg.store import BULK_BYTES

    def placed(n: int, quads: int) -> tuple[str, Placed]:
        doc = str(iris.document(str(n) * 64))
        line = f'<{doc}> <https://x.example/p{{}}> "{"x" * 200}" <{doc}> .\n'
        body = "".join(line.format(i) for i in range(quads)).encode()
        return doc, Placed(body, f"<{doc}> <{namespace.RDF.type}> <{CKG.Document}> <{doc}> .\n".encode())

    with LocalStore(tmp_path / "store") as st:
        big, small = placed(1, BULK_BYTES // 200), placed(2, 10)
        assert len(big[1].body) >= BULK_BYTES
        assert write_new(st, dict([big])) is True
        assert write_new(st, dict([small])) is False
        assert len(st.graph(big[0])) == BULK_BYTES // 200 + 1 and len(st.graph(small[0])) == 11
        seen: list[object] = []
        batch = Batch(st, seen.append, flush_triples=5)
        batch.graphs, batch.triples = dict([placed(3, BULK_BYTES // 200)]), 10_000
        batch.outcomes = [Outcome("three.txt", "added")]
        batch.flush()
        assert batch.unflushed == 0 and len(seen) == 1
        batch.graphs, batch.triples, batch.outcomes = dict([placed(4, 3)]), 3, [Outcome("four.txt", "added")]
        batch.flush()
        assert batch.unflushed == 3


def _later_run(seeds_dir: Path, tmp_path: Path, share: int, monkeypatch) -> tuple[list, list, list]:  # noqa: ANN001
    """The seeds stored, then a run of: one unchanged, one seed's text under a second name, one seed's new
    version, one seed's text twice more under new names in the same run. Returns the run's (source, status),
    the documents stored after it, and how the index was read."""
    import kg.batch
    import kg.store

    monkeypatch.setattr(kg.batch, "LAZY_SHARE", share)
    asked: list[str] = []
    real_of, real_all = kg.store.Store.documents_of, kg.store.Store.documents
    monkeypatch.setattr(LocalStore, "documents_of", lambda s, i, k: asked.append("of") or real_of(s, i, k))
    monkeypatch.setattr(LocalStore, "documents", lambda s: asked.append("all") or real_all(s))
    store_dir = tmp_path / f"store-{share}"
    folder = tmp_path / f"later-{share}"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    with LocalStore(store_dir) as st:
        assert ingest([seeds_dir], st).ok
        for name, seed, extra in (("000.txt", seeds[0], ""), ("copy-of-1.txt", seeds[1], ""),
                                  (seeds[2].name, seeds[2], "\nThe Panel noted the report.\n"),
                                  ("x.txt", seeds[3], "\nAgreed.\n"), ("y.txt", seeds[3], "\nAgreed.\n")):
            (folder / name).write_text(seed.read_text() + extra)
            shutil.copy(f"{seed}.meta.yaml", folder / f"{name}.meta.yaml")
        shutil.copy(seeds[2], folder / "000.txt")  # 000.txt: seed 2's text (a source new to the store)
        asked.clear()
        report = ingest([folder, seeds_dir / seeds[4].name], st)
        return sorted((o.source, o.status) for o in report.outcomes), real_all(st), asked


def test_a_small_run_into_a_bigger_store_asks_per_document_and_decides_the_same(
        seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A run small beside the store asks the store for each document's text and source as it needs them
    (never reading every document) and gets the outcomes and the stored documents the whole index gives:
    duplicates of stored texts, a new version, a text twice in the run, an unchanged one."""
    whole = _later_run(seeds_dir, tmp_path, 10**6, monkeypatch)
    lazy = _later_run(seeds_dir, tmp_path, 0, monkeypatch)
    assert "all" in whole[2] and "of" not in whole[2]
    assert "of" in lazy[2] and "all" not in lazy[2]
    statuses = {s for _, s in lazy[0]}
    assert {"added", "duplicate", "replaced", "unchanged"} <= statuses, lazy[0]
    assert lazy[0] == whole[0] and lazy[1] == whole[1]


def test_documents_of_gives_what_documents_gives_for_a_text_and_a_source(seeds_dir: Path,
                                                                         tmp_path: Path) -> None:
    """Store.documents_of(iri, source): the document with that IRI and those from that source, with all
    their sources, as Store.documents lists them."""
    folder = tmp_path / "docs"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))[:2]
    for name, seed in (("a.txt", seeds[0]), ("b.txt", seeds[0]), ("c.txt", seeds[1])):
        shutil.copy(seed, folder / name)
        shutil.copy(f"{seed}.meta.yaml", folder / f"{name}.meta.yaml")
    with LocalStore(tmp_path / "store") as st:
        assert ingest([folder], st).ok
        every = {d.iri: d for d in st.documents()}
        ab = next(d for d in every.values() if d.sources == ("a.txt", "b.txt"))
        c = next(d for d in every.values() if d.sources == ("c.txt",))
        assert st.documents_of(ab.iri, "c.txt") == sorted([ab, c], key=lambda d: d.sources)
        assert st.documents_of("https://w3id.org/council-kg/id/document/none", "b.txt") == [ab]
        assert st.documents_of("https://w3id.org/council-kg/id/document/none", "z.txt") == []

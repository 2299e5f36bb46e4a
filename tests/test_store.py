"""kg/store.py: the in-place graph rewrite does what the generic read-and-write-back does; new documents
written through the journal and the bulk loader are whole, and a batch a kill cut short is rolled back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.store import LocalStore, Store

EX = "https://x.example/"
G = EX + "ledger"


def _ledger() -> Graph:
    g = Graph()
    for c in ("c1", "c2"):
        for n in (1, 2):
            a = URIRef(f"{EX}{c}/a/{n}")
            g.add((URIRef(EX + c), URIRef(EX + "assessment"), a))
            g.add((a, URIRef(EX + "status"), Literal(f"{c}-{n}")))
    g.add((URIRef(EX + "committee"), URIRef(EX + "sha256"), Literal("old")))
    return g


def test_rewrite_in_place_equals_reading_and_writing_the_graph_back(tmp_path: Path) -> None:
    """Dropping a commitment, its assessments (followed by predicate) and a digest, then adding new triples,
    leaves the same graph whether done by one SPARQL update or by the generic whole-graph rewrite."""
    new = Graph()
    new.add((URIRef(EX + "c1"), URIRef(EX + "assessment"), URIRef(EX + "c1/a/9")))
    new.add((URIRef(EX + "committee"), URIRef(EX + "sha256"), Literal("new")))
    graphs = []
    for name, rewrite in (("local", LocalStore.rewrite), ("generic", Store.rewrite)):
        with LocalStore(tmp_path / name) as st:
            st.replace_graphs((), {G: _ledger()})
            rewrite(st, G, [EX + "c1", EX + "committee"], EX + "assessment", new)
            graphs.append(st.graph(G))
    local, generic = graphs
    assert set(local) == set(generic)
    assert (URIRef(EX + "c1/a/1"), URIRef(EX + "status"), Literal("c1-1")) not in local  # followed, dropped
    assert (URIRef(EX + "c2/a/1"), URIRef(EX + "status"), Literal("c2-1")) in local  # another commitment kept
    assert set(local.objects(URIRef(EX + "committee"), URIRef(EX + "sha256"))) == {Literal("new")}


def _state(path: Path) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The stored documents and the shared graph's triples."""
    import pyoxigraph as ox

    from kg import layout

    with LocalStore(path, read_only=True) as st:
        name = ox.NamedNode(str(layout.shared_graph()))
        shared = {(str(q.subject), str(q.predicate), str(q.object))
                  for q in st._s.quads_for_pattern(None, None, None, name)}
        return {d.iri for d in st.documents()}, shared


@contextmanager
def _half_a_batch(seeds_dir: Path, path: Path) -> Iterator[tuple[tuple, list[str]]]:
    """Ingest two seeds, then leave the rest as a kill between load_new's bulk load and its markers
    does: the journal and the bodies. Gives (state before, the batch's documents), the writer open."""
    import pyoxigraph as ox

    from kg import iris
    from kg.ingest import ingest
    from kg.prepare import build, discover, known_from_store, prepare
    from kg.store import JOURNAL

    sources, _ = discover([seeds_dir])
    with LocalStore(path) as st:
        assert ingest([s.path for s in sources[:2]], st).ok
        known = known_from_store(st)
    before = _state(path)
    with LocalStore(path) as st:
        extractions = [prepare(s).extraction for s in sources[2:]]
        built = [build(x, known, dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) for x in extractions]  # type: ignore[arg-type]
        (path / JOURNAL).write_bytes(b"".join(b.placed + b.marker for b in built))
        st._s.bulk_load(b"".join(b.placed for b in built), format=ox.RdfFormat.N_QUADS)
        yield before, [str(iris.document(x.doc.sha256)) for x in extractions]  # type: ignore[union-attr]


def test_a_batch_cut_short_is_invisible_then_rolled_back(seeds_dir: Path, tmp_path: Path) -> None:
    """A batch killed after its bulk load but before its markers (journal still there) lists no document
    to a reader, and the next writer to open the store rolls it back to the store as it was before."""
    from kg.store import JOURNAL

    path = tmp_path / "store"
    with _half_a_batch(seeds_dir, path) as (before, new):
        docs, shared = _state(path)  # read beside the writer, still at work
        assert docs == before[0] and shared > before[1]  # half written, yet no reader sees a new document
    assert (path / JOURNAL).exists()
    with LocalStore(path):
        pass
    assert not (path / JOURNAL).exists()
    assert _state(path) == before
    with LocalStore(path, read_only=True) as st:
        assert new and all(len(st.graph(iri)) == 0 for iri in new)


def test_a_reader_after_a_killed_batch_sees_the_store_as_before(seeds_dir: Path, tmp_path: Path) -> None:
    """With no writer at work, the first reader (`kg query` after a killed ingest) rolls a cut-short batch
    back, so not even the shared graph shows what the batch half wrote."""
    from kg.store import JOURNAL

    path = tmp_path / "store"
    with _half_a_batch(seeds_dir, path) as (before, _):
        pass
    assert _state(path) == before and not (path / JOURNAL).exists()


@pytest.mark.parametrize("bulk_bytes", [0, 1 << 40])
def test_load_new_writes_whole_documents_and_leaves_no_journal(seeds_dir: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               bulk_bytes: int) -> None:
    """Documents written through the journal and the bulk loader (or, in small batches, one transaction)
    are all listed and no journal is left."""
    from kg import store
    from kg.ingest import ingest
    from kg.prepare import discover
    from kg.store import JOURNAL

    monkeypatch.setattr(store, "BULK_BYTES", bulk_bytes)
    sources, _ = discover([seeds_dir])
    path = tmp_path / "store"
    with LocalStore(path) as st:
        report = ingest([seeds_dir], st)
        assert report.ok
        assert {d.iri for d in st.documents()} == {o.document for o in report.outcomes}
        assert len(st.documents()) == len(sources)
    assert not (path / JOURNAL).exists()


def test_load_new_parses_leniently_only_under_a_valid_base(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bulk loader skips IRI checks only while the base every minted IRI starts with is a valid IRI;
    under a base that is not one, `load_new` checks strictly and refuses the batch, as it always did."""
    from kg import store

    monkeypatch.delenv("KG_BASE", raising=False)
    assert store._trusted_iris()
    monkeypatch.setenv("KG_BASE", "kg data/")
    assert not store._trusted_iris()


@pytest.mark.parametrize("bulk_bytes", [0, 1 << 40])
def test_load_new_refuses_a_bad_iri_when_the_base_is_not_trusted(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 bulk_bytes: int) -> None:
    """A batch holding an IRI the store does not accept fails whole (bulk or one transaction) when the
    base is not a valid IRI: the strict parser still runs there."""
    from kg import store

    monkeypatch.setattr(store, "BULK_BYTES", bulk_bytes)
    monkeypatch.setenv("KG_BASE", "kg/")
    doc = b"<kg/document/0123456789abcdef>"
    bad = (doc + b' <https://x.example/p> "x" ' + doc + b" .\n", b"")
    with LocalStore(tmp_path / "store") as st:
        with pytest.raises(SyntaxError):
            st.load_new([bad])
        assert st.count() == 0


@pytest.mark.parametrize("bulk_bytes", [0, 1 << 40])
def test_a_lenient_load_stores_what_a_strict_one_does(seeds_dir: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      bulk_bytes: int) -> None:
    """The seeds' placed N-Quads loaded leniently by `load_new` (bulk loader, or one transaction) give the
    same quads as the strict parser's load."""
    import pyoxigraph as ox

    from kg import store
    from kg.extract import extract
    from kg.link import Known
    from kg.prepare import build, discover
    from kg.read import read_document

    sources, _ = discover([seeds_dir])
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    built = [build(extract(read_document(s.path, root=s.root)), Known({}, {}), when) for s in sources]
    monkeypatch.setattr(store, "BULK_BYTES", bulk_bytes)
    with LocalStore(tmp_path / "lenient") as st:
        assert st.load_new([(b.placed, b.marker) for b in built]) is (bulk_bytes == 0)
        lenient = set(st._s)
    strict = ox.Store()
    strict.load(b"".join(b.placed + b.marker for b in built), format=ox.RdfFormat.N_QUADS)
    assert lenient == set(strict) and lenient

"""kg/layout.py and the stores' writes (issue 17): every triple lives in one named graph, so counts over the
union default graph agree with distinct counts; reference data is never counted as found; the shared graph
stays exactly what the stored documents assert as documents come and go."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg import iris, layout
from kg.ingest import ingest, remove
from kg.namespaces import CKG, FOAF, ORG, RDF
from kg.store import LocalStore, to_ox

SHA = "0123456789abcdef" + "0" * 48
DOC = str(iris.document(SHA))
PREFIXES = """PREFIX ckg: <https://w3id.org/council-kg/def#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# The kinds of thing documents share, by class: none may be counted twice in the union default graph.
KINDS = ("ckg:Councillor", "ckg:Officer", "ckg:Committee", "org:Post", "foaf:Person", "ckg:Meeting",
         "ckg:Indicator", "ckg:Council", "org:Membership", "ckg:Area", "ckg:Period")


@pytest.fixture(scope="module")
def corpus_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 synthetic documents (benchmarks.corpus) across councils and committees sharing people."""
    from benchmarks.corpus import generate

    out = tmp_path_factory.mktemp("layout") / "docs"
    generate(out, 100)
    return out


@pytest.fixture(scope="module")
def corpus_store(corpus_docs: Path) -> Iterator[LocalStore]:
    path = corpus_docs.parent / "store"
    with LocalStore(path) as st:
        assert ingest([corpus_docs], st).ok
    st = LocalStore(path, read_only=True)
    yield st
    st.close()


def _n(store: LocalStore, sparql: str) -> int:
    return int(store.query(PREFIXES + sparql).rows[0]["n"])


def shared_triples(store: LocalStore) -> set[tuple[str, str, str]]:
    name = ox.NamedNode(str(layout.shared_graph()))
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in store._s.quads_for_pattern(None, None, None, name)}


def asserted(store: LocalStore) -> set[tuple[str, str, str]]:
    """The shared triples the stored documents' graphs record that they assert (read back through an
    in-memory Oxigraph store, which writes numbers as the store does: "95.0" as "95")."""
    canonical = ox.Store()
    canonical.extend(ox.Quad(t.subject, t.predicate, t.object)
                     for t in (layout.triple(q.object.value)
                               for q in store._s.quads_for_pattern(None, layout.ASSERTS, None, None)))
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in canonical}


def assert_exact(store: LocalStore) -> None:
    """The layout's invariant: no triple in two graphs, and the shared graph is what the documents assert."""
    seen = Counter((str(q.subject), str(q.predicate), str(q.object)) for q in store._s)
    assert [t for t, n in seen.items() if n > 1] == []
    assert shared_triples(store) == asserted(store)


def test_split_keeps_what_the_document_minted_and_shares_the_rest() -> None:
    """A triple naming the document's own node (as subject or object) is its own, whatever the term type."""
    person, span = iris.person("Durham County Council", "smith-j"), iris.span(SHA, 3, 9)
    triples = [(URIRef(DOC), CKG.council, iris.council("Durham County Council")),
               (person, FOAF.name, Literal("Councillor J Smith")),
               (person, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), span),
               (iris.council("Durham County Council"), RDF.type, CKG.Council)]
    own, shared = layout.split(DOC, triples)
    assert own == [triples[0], triples[2]] and shared == [triples[1], triples[3]]
    as_ox = [tuple(ox.NamedNode(str(x)) if isinstance(x, URIRef) else ox.Literal(str(x)) for x in t)
             for t in triples]
    own_ox, shared_ox = layout.split(DOC, as_ox)
    assert own_ox == [as_ox[0], as_ox[2]] and shared_ox == [as_ox[1], as_ox[3]]
    other = str(iris.document("f" * 64))
    assert layout.split(other, triples[2:3]) == ([], triples[2:3])  # another document's span: not its own


def test_a_statement_reads_back_as_the_same_triple() -> None:
    """The record of a shared triple survives quotes, newlines, language tags and datatypes."""
    s, p = ox.NamedNode(str(iris.person("X", "y"))), ox.NamedNode(str(FOAF.name))
    for o in (ox.Literal('a "b"\n\\c\t\x01 é'), ox.Literal("x", language="en-GB"),
              ox.Literal("95.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))):
        assert layout.triple(layout.statement(s, p, o)) == ox.Triple(s, p, o)


def test_only_document_iris_are_document_graphs() -> None:
    """The ledger, reference and shared graphs are not split; a document's graph is."""
    assert layout.is_document(DOC)
    for name in ("ledger", "reference", "shared", "indicators"):
        assert not layout.is_document(str(iris.graph(name)))
    assert not layout.is_document(DOC + "x") and not layout.is_document(str(iris.run(SHA)))


@pytest.mark.parametrize("which", ["seeds", "corpus"])
def test_counts_agree_with_distinct_counts_on_the_union(which: str, seeds_store: LocalStore,
                                                         request: pytest.FixtureRequest) -> None:
    """COUNT(?x) and COUNT(DISTINCT ?x) agree for every shared kind, and so do their labels and links."""
    store = seeds_store if which == "seeds" else request.getfixturevalue("corpus_store")
    assert_exact(store)
    for kind in KINDS:
        plain = _n(store, f"SELECT (COUNT(?x) AS ?n) WHERE {{ ?x a {kind} }}")
        distinct = _n(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {kind} }}")
        assert plain == distinct, kind
    for kind in ("org:Post", "foaf:Person", "ckg:Committee", "ckg:Council"):
        assert _n(store, f"SELECT (COUNT(?x) AS ?n) WHERE {{ ?x a {kind} }}") > 0, kind
    pattern = "?p a foaf:Person ; foaf:name ?name ; ckg:council ?c . ?c rdfs:label ?l"
    rows = _n(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    assert rows == _n(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT * WHERE {{ {pattern} }} }}")


def test_things_shared_by_many_documents_are_described_once(corpus_store: LocalStore) -> None:
    """In the 100-document corpus people and councils are named in several documents, yet each
    is typed and labelled once: the union holds one triple per fact about them, not one per document."""
    naming = {"foaf:Person": "?x <http://www.w3.org/ns/prov#wasGeneratedBy> ?run",
              "ckg:Council": "?d ckg:council ?x"}
    label = {"foaf:Person": "foaf:name", "ckg:Council": "rdfs:label"}
    for kind, pattern in naming.items():
        named_in = _n(corpus_store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?x ?d WHERE {{
            ?x a {kind} . GRAPH ?d {{ {pattern} }} }} }}""")
        things = _n(corpus_store, f"SELECT (COUNT(?x) AS ?n) WHERE {{ ?x a {kind} }}")
        assert named_in > things, kind  # some are named in more than one document
        labels = _n(corpus_store, f"SELECT (COUNT(?l) AS ?n) WHERE {{ ?x a {kind} ; {label[kind]} ?l }}")
        assert labels == _n(corpus_store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?x ?l WHERE {{
                                              ?x a {kind} ; {label[kind]} ?l }} }}""")


def test_reference_data_is_not_counted_as_found(seeds_store: LocalStore) -> None:
    """Councils counted are those documents name; scheme indicators count only once a document names them."""
    found = _n(seeds_store, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ckg:Council }")
    named = _n(seeds_store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?d a ckg:Document ; ckg:council ?c }")
    listed = _n(seeds_store, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ckg:ListedCouncil }")
    assert found == named and listed > found
    indicators = _n(seeds_store, "SELECT (COUNT(?i) AS ?n) WHERE { ?i a ckg:Indicator }")
    scheme = _n(seeds_store, "SELECT (COUNT(?i) AS ?n) WHERE { ?i a skos:Concept ; skos:inScheme ?s }")
    unused = _n(seeds_store, """SELECT (COUNT(?i) AS ?n) WHERE { ?i a ckg:Indicator
                                FILTER NOT EXISTS { ?x ckg:indicator|ckg:topic ?i } }""")
    assert 0 < indicators < scheme and unused == 0
    # nothing in the reference or indicators graph is typed as a thing found in documents
    for graph in ("reference", "indicators", "ontology"):
        typed = _n(seeds_store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iris.graph(graph)}> {{
            ?x a ?c VALUES ?c {{ ckg:Council ckg:Indicator ckg:Area ckg:Committee foaf:Person org:Post }}
        }} }}""")
        assert typed == 0, graph


def _sample(corpus_docs: Path, into: Path, n: int) -> Path:
    into.mkdir(parents=True)
    for f in sorted(corpus_docs.rglob("doc*.txt"))[:n]:
        shutil.copy(f, into / f.name)
        shutil.copy(f.with_name(f.name + ".meta.yaml"), into / (f.name + ".meta.yaml"))
    return into


def test_remove_leaves_the_shared_graph_a_fresh_ingest_would_write(corpus_docs: Path, tmp_path: Path) -> None:
    """Removing documents drops exactly the shared triples no remaining document asserts."""
    docs = _sample(corpus_docs, tmp_path / "docs", 24)
    with LocalStore(tmp_path / "a") as a:
        assert ingest([docs], a).ok
        everything = shared_triples(a)
        # the last documents of the run: linking decided nothing for the others from them, so a fresh
        # ingest of the rest links every document as this store did
        for name in ("doc000020.txt", "doc000021.txt", "doc000022.txt"):
            remove(a, name)
            (docs / name).unlink()
            (docs / (name + ".meta.yaml")).unlink()
        assert_exact(a)
        after = shared_triples(a)
        assert everything - after  # some shared triples were said only by what went
    with LocalStore(tmp_path / "b") as b:
        assert ingest([docs], b).ok
        assert shared_triples(b) == after


def test_reingest_of_a_changed_document_keeps_the_shared_graph_exact(corpus_docs: Path,
                                                                     tmp_path: Path) -> None:
    """A changed document replaces its old version's shared triples: the shared graph equals the one the
    stored documents' graphs give when written into an empty store."""
    docs = _sample(corpus_docs, tmp_path / "docs", 12)
    with LocalStore(tmp_path / "a") as a:
        assert ingest([docs], a).ok
        changed = docs / "doc000005.txt"
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("Councillor", "Councillor Zed Quill and Councillor", 1),
                           encoding="utf-8")
        before = shared_triples(a)
        report = ingest([docs], a)
        assert report.ok and report.counts().get("replaced") == 1
        assert_exact(a)
        after = shared_triples(a)
        assert before - after and after - before  # the old version's own shared triples went, the new came
        graphs = {d.iri: a.document_graph(d.iri) for d in a.documents()}
    with LocalStore(tmp_path / "b") as b:
        b.replace_graphs((), graphs)
        assert shared_triples(b) == after


def test_a_duplicate_source_keeps_the_shared_triples_of_its_document(seeds_dir: Path, tmp_path: Path) -> None:
    """A second file with the same text rewrites the document's graph from the store: nothing shared is
    lost; removing the document then drops what only it asserted."""
    with LocalStore(tmp_path / "s") as st:
        assert ingest([seeds_dir], st).ok
        before = shared_triples(st)
        first = sorted(seeds_dir.glob("*.txt"))[0]
        twin = tmp_path / "twin"
        twin.mkdir()
        shutil.copy(first, twin / ("copy-" + first.name))
        assert ingest([twin], st).counts() == {"duplicate": 1}
        assert shared_triples(st) == before
        assert_exact(st)
        doc = next(d for d in st.documents() if len(d.sources) == 2)
        remove(st, doc.iri)
        assert shared_triples(st) < before
        assert_exact(st)


def test_document_graph_is_what_the_document_says(seeds_store: LocalStore) -> None:
    """`Store.document_graph` puts the shared triples a document asserts back in place of their records."""
    doc = seeds_store.documents()[0]
    own, whole = seeds_store.graph(doc.iri), seeds_store.document_graph(doc.iri)
    records = list(own.triples((None, CKG.asserts, None)))
    assert records and not list(whole.triples((None, CKG.asserts, None)))
    shared = shared_triples(seeds_store)
    back = [t for t in whole if t not in own]
    assert len(back) == len(records) and len(whole) == len(own)
    canonical = ox.Store()
    canonical.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in back)
    assert {(str(q.subject), str(q.predicate), str(q.object)) for q in canonical} <= shared
    assert any(p in (ORG.postIn, FOAF.name) for _, p, _ in back)


def test_a_store_of_the_old_layout_is_upgraded_by_the_next_ingest(seeds_dir: Path, tmp_path: Path) -> None:
    """Documents written before the layout (each graph with its own copy of what it shares) are split by the
    next ingest, which leaves the store as a fresh ingest would: each triple in one graph."""
    from kg.ingest import _SPLIT, UPGRADES, upgrade_layout
    from kg.namespaces import OWL

    with LocalStore(tmp_path / "fresh") as fresh:
        assert ingest([seeds_dir], fresh).ok
        want = shared_triples(fresh)
        graphs = {d.iri: fresh.document_graph(d.iri) for d in fresh.documents()}
    with LocalStore(tmp_path / "old") as old:
        assert ingest([seeds_dir], old).ok
        # as an earlier version wrote them: each document's graph whole, no shared graph
        old._s.update(f"DROP GRAPH <{layout.shared_graph()}>")
        old._s.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(iri))
                      for iri, g in graphs.items() for s, p, o in g)
        old._s.update(f"DELETE WHERE {{ GRAPH ?g {{ ?run <{CKG.asserts}> ?said }} }}")
        old._s.update(f"DROP SILENT GRAPH <{UPGRADES}>")  # an earlier version marked no upgrade
        assert upgrade_layout(old) == len(graphs)
        assert ingest([seeds_dir], old).counts() == {"unchanged": len(graphs)}
        assert shared_triples(old) == want
        assert_exact(old)
        assert upgrade_layout(old) == 0
        # ... and once marked, the search for such documents is not made again on each ingest
        assert (UPGRADES, OWL.versionInfo, _SPLIT) in old.graph(str(UPGRADES))


def test_placed_nquads_are_the_quads_place_writes(seeds_dir: Path) -> None:
    """The worker's placement (N-Quads text, no pyoxigraph terms) gives exactly the quads `place` gives for
    each seed, its marker (`<doc> a ckg:Document`) apart."""
    import datetime as dt

    from kg.link import Known
    from kg.prepare import build, discover, prepare
    from kg.store import placed

    sources, _ = discover([seeds_dir])
    checked = 0
    for src in sources:
        p = prepare(src)
        if p.extraction is None:
            continue
        built = build(p.extraction, Known({}, {}), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        doc = str(iris.document(p.extraction.doc.sha256))
        parsed = [q for q in ox.parse(built.placed + built.marker, format=ox.RdfFormat.N_QUADS)]
        assert set(parsed) == set(placed(doc, built.nquads)[0])
        assert len(parsed) == len(set(parsed))
        marker = list(ox.parse(built.marker, format=ox.RdfFormat.N_QUADS))
        assert [(q.subject.value, q.object.value) for q in marker] == [(doc, str(CKG.Document))]
        checked += 1
    assert checked >= 4


def test_a_literal_with_a_tab_is_asserted_as_pyoxigraph_writes_it() -> None:
    """A shared triple whose text pyoxigraph would escape differently (a tab) is recorded in its canonical
    form, so removing the document finds it."""
    from kg.terms import iri, plain

    s, p, o = iri("https://x.example/person"), iri(str(RDF.value)), plain("a\tb")
    body, marker, n = layout.place_nquads(DOC, [(s, p, o)])
    quads = list(ox.parse(body, format=ox.RdfFormat.N_QUADS))
    assert marker == b"" and n == 2
    record = next(q for q in quads if q.predicate == layout.ASSERTS)
    assert record.object.value == layout.statement(ox.NamedNode("https://x.example/person"),
                                                  ox.NamedNode(str(RDF.value)), ox.Literal("a\tb"))


def test_unplaced_nquads_are_the_graph_as_emitted(seeds_dir: Path) -> None:
    """`unplace_nquads` gives back each seed's graph as emitted (kg.rdf.Emitted.nquads) from its placed
    bytes: the same quads, shared triples with a line break, a tab or a quote included."""
    import datetime as dt

    from kg.extract import extract
    from kg.link import Known, link
    from kg.prepare import discover
    from kg.rdf import emit
    from kg.read import read_document
    from kg.terms import iri, plain

    def quads(data: bytes) -> set[ox.Quad]:
        return set(ox.parse(data, format=ox.RdfFormat.N_QUADS))

    sources, _ = discover([seeds_dir])
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for src in sources:
        out = emit(link(extract(read_document(src.path, root=src.root)), Known({}, {})), when=when)
        body, marker, _ = layout.place_nquads(out.doc, out.triples)
        assert quads(layout.unplace_nquads(out.doc, body, marker)) == quads(out.nquads()) != set()
    odd = [(iri("https://x.example/person"), iri(str(RDF.value)), plain(text)) for text in ("a\tb", 'x\n"y"')]
    body, marker, _ = layout.place_nquads(DOC, odd)
    assert quads(layout.unplace_nquads(DOC, body, marker)) == quads(
        "".join(f"{s} {p} {o} <{DOC}> .\n" for s, p, o in odd).encode())


def test_a_first_row_of_short_labels_over_long_cells_is_a_header() -> None:
    """An action log in words ("Action | Owner | Due date | Status" over sentences) has a header row though
    no cell holds a figure; a two-column form of labels and values has none."""
    from kg.read.layout import guess_header_row

    log = [["Action", "Owner", "Due date", "Status"],
           ["Circulate the briefing note on direct payments", "Head of Commissioning", "16/01/2025",
            "Complete - note circulated in December"]]
    assert guess_header_row(log)
    assert not guess_header_row([["Date", "12 March 2025"], ["Venue", "Council Chamber"]])

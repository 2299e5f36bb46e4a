"""kg.remote: the store in a real SPARQL server. The servers (Oxigraph server, Virtuoso) are started by
these tests on loopback ports; the pure helpers are tested without one."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from benchmarks.bench_servers import virtuoso_ini
from kg import iris
from kg.errors import QueryError, StoreError
from kg.ingest import ingest
from kg.namespaces import CKG
from kg.query import named_queries, run
from kg.remote import RemoteStore, endpoints, from_json, query_form, scope_optionals, with_values
from kg.store import LocalStore, Result, Store

CONTRACT = ("documents", "people", "posts", "observations", "resolutions", "commitments", "contributions",
            "summary")


# ---- helpers without a server


def test_endpoints_follow_the_url() -> None:
    ox = endpoints("http://127.0.0.1:7878")
    assert (ox.dialect, ox.query, ox.gsp) == ("oxigraph", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/store")
    vt = endpoints("http://127.0.0.1:8890/sparql")
    assert (vt.dialect, vt.gsp) == ("virtuoso", "http://127.0.0.1:8890/sparql-graph-crud-auth")
    with pytest.raises(StoreError, match="KG_REMOTE_GSP"):
        endpoints("http://example.org/other/endpoint")


def test_query_form_skips_prologue_and_comments() -> None:
    q = "# SELECT in a comment\nPREFIX a: <http://x/ASK#>\nCONSTRUCT { ?s ?p ?o } WHERE {}"
    assert query_form(q) == "construct"
    assert query_form("ASK { ?s ?p ?o }") == "ask"


def test_bindings_become_an_escaped_values_clause() -> None:
    hostile = Literal('x" } ; DROP ALL ; SELECT * { "')
    q = "SELECT ?name WHERE { ?p <http://x/name> ?name } # ends in a comment"
    text = with_values(q, {"name": hostile})
    head, values = text.split("\n", 1)
    assert head == "SELECT ?name WHERE {"  # the binding opens the WHERE clause, where filters can see it
    assert values.startswith("VALUES (?name) { (") and '\\"' in values  # the quote is escaped, not closing
    assert values.rstrip().endswith("?p <http://x/name> ?name } # ends in a comment")
    sub = with_values("SELECT ?x WHERE { { SELECT ?x WHERE { FILTER(?x) } } } # WHERE {", {"x": hostile})
    assert sub.count("VALUES (?x)") == 2  # the query's WHERE and the subquery's, not the comment's
    assert with_values("SELECT ?x {}", {"x": hostile}).startswith("SELECT ?x {}\nVALUES (?x)")
    with pytest.raises(QueryError):
        with_values("SELECT ?x {}", {"x": BNode()})
    with pytest.raises(QueryError):
        with_values("SELECT ?x {}", {"x }": Literal("a")})


def test_json_terms_become_rdflib_terms() -> None:
    assert from_json({"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#string",
                      "value": "a"}) == Literal("a")
    assert from_json({"type": "literal", "xml:lang": "en", "value": "a"}) == Literal("a", lang="en")
    assert from_json({"type": "bnode", "value": "nodeID://b1"}) == BNode("b1")
    assert from_json({"type": "uri", "value": "http://x/"}) == URIRef("http://x/")


def test_scope_optionals_repeats_the_graph_inside_each_optional() -> None:
    q = 'SELECT * { GRAPH ?d { ?d a <http://x/D#a> . OPTIONAL { ?d <http://x/p> "OPTIONAL {" . ' \
        'OPTIONAL { ?x ?y ?z } } OPTIONAL { ?d ?q ?v FILTER(?v > ?d) } } OPTIONAL { ?a ?b ?c } }'
    out = scope_optionals(q)
    assert out.count("GRAPH ?d {") == 3  # the outer one plus the two OPTIONALs without a FILTER
    assert 'OPTIONAL { GRAPH ?d { ?d <http://x/p> "OPTIONAL {"' in out
    assert "OPTIONAL { ?d ?q ?v FILTER" in out and out.endswith("OPTIONAL { ?a ?b ?c } }")


def test_unreachable_server_is_one_line_store_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    st = RemoteStore(f"http://127.0.0.1:{port}", timeout=2)
    with pytest.raises(StoreError) as info:
        st.query("ASK {}")
    assert "cannot reach" in str(info.value) and "\n" not in str(info.value)


# ---- real servers on loopback


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    with RemoteStore(url, timeout=5) as st:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                st.query("ASK { ?s ?p ?o }")
                return
            except StoreError:
                time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"server did not answer within {seconds} s: {log.read_text()[-2000:]}")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("Oxigraph server not installed (pip install oxigraph, or `make setup`)")
    root = tmp_path_factory.mktemp("oxigraph")
    port = _free_port()
    log = root / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "serve", "--location", str(root / "data"),
                                 "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc, log)
        yield url
    finally:
        _stop(proc)




@pytest.fixture(scope="module")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t not installed (run `make system-deps`: Debian package virtuoso-opensource)")
    root = tmp_path_factory.mktemp("virtuoso")
    db = root / "db"
    db.mkdir()
    http_port = _free_port()
    ini = root / "virtuoso.ini"
    ini.write_text(virtuoso_ini(db, _free_port(), http_port))
    log = root / "server.log"
    # The out-of-the-box dba/dba account may write through /sparql-graph-crud-auth (digest auth).
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "+configfile", str(ini), "+foreground"], cwd=root,
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait_until_up(url, proc, log)
        yield url
    finally:
        _stop(proc)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def remote(request: pytest.FixtureRequest) -> Iterator[RemoteStore]:
    """An empty RemoteStore on each server (this project's graphs are dropped before each test)."""
    url = request.getfixturevalue(f"{request.param}_url")
    st = RemoteStore(url)
    st.replace_graphs(st.named_graphs(), {})
    assert st.named_graphs() == []
    yield st
    st.close()


def _rows(result: Result) -> Counter:
    """Rows as a multiset; typed literals by value (a server may write 1.50 as 1.5)."""

    return Counter(tuple(canon(row.get(v)) for v in result.variables) for row in result.rows)


XSD = "http://www.w3.org/2001/XMLSchema#"  # a string: pytest probes module globals, and a Namespace warns
INTEGERS = {URIRef(XSD + n) for n in ("nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                                      "negativeInteger", "long", "int", "short", "byte", "unsignedLong",
                                      "unsignedInt", "unsignedShort", "unsignedByte")}


def canon(term: object) -> object:
    """A literal by value: Oxigraph stores xsd:nonNegativeInteger as xsd:integer; Virtuoso writes 1.50
    as 1.5."""
    if isinstance(term, Literal) and term.datatype is not None and term.value is not None:
        dt = URIRef(XSD + "integer") if term.datatype in INTEGERS else term.datatype
        return Literal(term.value, datatype=dt)
    return term


def timeless(graph: Graph) -> Graph:
    """The graph without the run's clock readings (two runs differ only there), literals by value."""
    out = Graph()
    for t in graph:
        if not (isinstance(t[2], Literal) and t[2].datatype == URIRef(XSD + "dateTime")):
            out.add((t[0], t[1], canon(t[2])))
    return out


def _ingest_ok(paths: list[Path], st: Store) -> dict[str, int]:
    report = ingest(paths, st)
    assert report.ok, report.failed
    return report.counts()


@pytest.mark.server
def test_named_queries_match_the_embedded_store(remote: RemoteStore, seeds_dir: Path,
                                                seeds_store: LocalStore) -> None:
    assert _ingest_ok([seeds_dir], remote) == {"added": 5}
    queries = named_queries()
    for name in CONTRACT:
        here, there = run(seeds_store, queries[name]), run(remote, queries[name])
        assert there.variables == here.variables, name
        assert _rows(there) == _rows(here), name
    assert remote.count() == seeds_store.count()
    for doc in seeds_store.documents():
        assert isomorphic(timeless(remote.graph(doc.iri)), timeless(seeds_store.graph(doc.iri))), doc.sources


@pytest.mark.server
def test_latest_figures_are_kept_per_council_as_on_the_embedded_store(remote: RemoteStore, seeds_dir: Path,
                                                                     seeds_store: LocalStore) -> None:
    """On each server the latest figures kept per council (kg/aggregates.py) equal the embedded store's after
    an ingest, and removing one council's document empties its graph and leaves the other council's."""
    from kg.aggregates import latest_kept
    from kg.ingest import remove

    _ingest_ok([seeds_dir], remote)
    kept = latest_kept(seeds_store)
    assert len(kept) and isomorphic(latest_kept(remote), kept)
    darlington = str(iris.latest_figures("darlington-borough-council"))
    assert len(remote.graph(darlington)), "no kept figures for the removed document's council: proves nothing"
    mark = (URIRef("https://example.org/untouched"), CKG.latestActual, URIRef("https://example.org/o"))
    durham = str(iris.latest_figures("durham-county-council"))
    remote.add(durham, Graph().add(mark))
    remove(remote, "003_05486bbbf8471d79.txt")  # Darlington's document: only its council is worked out again
    assert len(remote.graph(darlington)) == 0
    assert set(remote.graph(durham)) == {mark}


@pytest.mark.server
def test_reingest_of_unchanged_documents_is_a_no_op(remote: RemoteStore, seeds_dir: Path) -> None:
    _ingest_ok([seeds_dir], remote)
    before = {g: remote.graph(g) for g in remote.named_graphs()}
    assert _ingest_ok([seeds_dir], remote) == {"unchanged": 5}
    after = {g: remote.graph(g) for g in remote.named_graphs()}
    assert after.keys() == before.keys()
    assert all(isomorphic(after[g], before[g]) for g in before)


@pytest.mark.server
def test_a_changed_document_replaces_its_graph(remote: RemoteStore, seeds_dir: Path, copy_of) -> None:  # noqa: ANN001
    folder = copy_of(seeds_dir)
    _ingest_ok([folder], remote)
    old = {d.sources: d.iri for d in remote.documents()}
    target = folder / "seeds" / "002_b026277b1e2d3df6.txt"
    target.chmod(0o644)
    target.write_text(target.read_text() + "\nThe Panel noted the report.\n")
    report = ingest([folder], remote)
    assert report.counts() == {"replaced": 1, "unchanged": 4}
    new = {d.sources: d.iri for d in remote.documents()}
    key = ("seeds/002_b026277b1e2d3df6.txt",)
    assert new.keys() == old.keys() and new[key] != old[key]
    graphs = remote.named_graphs()
    assert old[key] not in graphs and new[key] in graphs


@pytest.mark.server
def test_the_shared_graph_is_kept_exact_as_on_the_embedded_store(remote: RemoteStore, seeds_dir: Path,
                                                                  store: LocalStore) -> None:
    """The graph layout (kg/layout.py) on a server: the same shared graph as the embedded store, each triple
    once in the union, and `kg remove` drops exactly what only the removed document asserted."""
    from kg import layout
    from kg.ingest import remove

    _ingest_ok([seeds_dir], remote)
    _ingest_ok([seeds_dir], store)
    shared = str(layout.shared_graph())
    assert isomorphic(timeless(remote.graph(shared)), timeless(store.graph(shared)))
    everything = len(remote.graph(shared))
    doc = remote.documents()[0]
    assert remove(remote, doc.iri) == [doc.iri] and remove(store, doc.iri) == [doc.iri]
    assert len(remote.graph(shared)) < everything
    assert isomorphic(timeless(remote.graph(shared)), timeless(store.graph(shared)))
    distinct = remote.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                            + remote._ours() + " } }")
    assert remote.count() == int(distinct.rows[0]["n"])


@pytest.mark.server
def test_a_write_stopped_before_the_trim_is_finished_by_the_next(remote: RemoteStore, seeds_dir: Path,
                                                                  store: LocalStore,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A server write is several requests: stopped after a document is dropped but before the shared graph is
    trimmed, the next write trims what only that document asserted, as the embedded store does at once."""
    from kg import layout
    from kg.ingest import remove

    _ingest_ok([seeds_dir], remote)
    _ingest_ok([seeds_dir], store)
    doc = remote.documents()[0]

    def killed(self: RemoteStore, candidates: set[str]) -> None:
        raise KeyboardInterrupt  # where a Ctrl-C or a kill between two requests would land

    with monkeypatch.context() as m:
        m.setattr(RemoteStore, "_prune", killed)
        with pytest.raises(KeyboardInterrupt):
            remove(remote, doc.iri)
    remove(store, doc.iri)
    shared = str(layout.shared_graph())
    assert len(remote.graph(shared)) > len(store.graph(shared))  # orphans left by the stopped write
    other = remote.documents()[0]
    remove(remote, other.iri)  # any next write
    remove(store, other.iri)
    assert isomorphic(timeless(remote.graph(shared)), timeless(store.graph(shared)))
    assert not len(remote.graph(str(iris.graph("pending-prune"))))


@pytest.mark.server
def test_bound_parameters_are_values_not_text(remote: RemoteStore) -> None:
    g = Graph()
    doc = iris.document("f" * 64)
    hostile = 'Smith" } } ; DROP ALL ; #'
    g.add((doc, URIRef("http://xmlns.com/foaf/0.1/name"), Literal(hostile)))
    g.add((doc, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("Jones")))
    remote.replace_graphs((), {str(doc): g})
    q = "SELECT ?d ?name WHERE { GRAPH ?d { ?d <http://xmlns.com/foaf/0.1/name> ?name } }"
    assert [r["d"] for r in remote.query(q, {"name": Literal(hostile)}).rows] == [doc]
    assert remote.query(q, {"name": Literal("Nobody")}).rows == ()
    assert len(remote.graph(str(doc))) == 2  # nothing was dropped


@pytest.mark.server
def test_server_errors_are_one_line(remote: RemoteStore) -> None:
    with pytest.raises(QueryError) as info:
        remote.query("SELECT ?x WHERE { ?x ?y }")
    assert "HTTP 400" in str(info.value) and "\n" not in str(info.value)
    assert len(remote.graph(str(iris.document("0" * 64)))) == 0  # a graph that is not there reads as empty


@pytest.mark.server
def test_virtuoso_rejects_a_wrong_password(virtuoso_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_REMOTE_USER", "dba")
    monkeypatch.setenv("KG_REMOTE_PASSWORD", "not-the-password")
    with RemoteStore(virtuoso_url) as st:
        g = Graph()
        g.add((URIRef("http://x/a"), URIRef("http://x/b"), Literal(1)))
        with pytest.raises(StoreError, match="HTTP 401"):
            st.replace_graphs((), {str(iris.graph("scratch")): g})


@pytest.mark.server
def test_every_named_query_with_its_parameters_matches_the_embedded_store(
        remote: RemoteStore, seeds_dir: Path, seeds_store: LocalStore) -> None:
    """Not only the contract: parameterised queries too, whose bindings reach a server as VALUES."""
    from test_queries import sample_params

    assert _ingest_ok([seeds_dir], remote) == {"added": 5}
    params = sample_params(seeds_store)
    for name, q in named_queries().items():
        given = {p: params[p] for p, _ in q.params}
        here, there = run(seeds_store, q, given), run(remote, q, given)  # type: ignore[arg-type]
        assert there.variables == here.variables, name
        assert _rows(there) == _rows(here), name
        if q.params:
            assert here.rows, f"{name}: the sample parameters should find something"


@pytest.mark.server
def test_person_matches_the_embedded_store_for_names_posts_and_iris(
        remote: RemoteStore, seeds_dir: Path, seeds_store: LocalStore) -> None:
    """`person` (issue 18: the shared graph found from the councils, per-node lookups, one sort key a row)
    gives each server the embedded store's rows, in its order, for a name, a part of one, a post, an IRI."""
    assert _ingest_ok([seeds_dir], remote) == {"added": 5}
    iri = run(seeds_store, "people").rows[0]["person"]
    for param in ("Patterson", "mcaloon", "HEAD OF", "Nobody Atall", URIRef(iri)):
        here, there = run(seeds_store, "person", {"person": param}), run(remote, "person", {"person": param})
        assert _rows(there) == _rows(here), param
        order = ("node_label", "node", "document", "relation", "item")
        assert [[r.get(k) for k in order] for r in there.rows] == \
            [[r.get(k) for k in order] for r in here.rows], param
        assert here.rows or param == "Nobody Atall", param


# ---- parameters are data on every server (issue 19)

HOSTILE = ['Smith" } } ; DROP ALL ; #', "it's '} #", "ends in a backslash\\", 'back\\slash"quote',
           'line one\nline two ends in \\"', '"""', "'''", "tab\tcr\rlf\n", "{braces} #hash",
           '\\u0022 ) } #', "\\\\u0022", "\x01\x1b\x7f controls", "ünïcödé ✓ \u2028 sep",
           'x"\n} SERVICE <{url}> {{ ?a ?b ?c }} #',
           'x\n"""} SERVICE <{url}> {{ ?a ?b ?c }} #']
HOSTILE_IRIS = ["http://example.org/a#b?c=d&e='f'", "urn:x:y(z)", "https://w3id.org/council-kg/id/x%22y"]


def test_hostile_literals_are_written_escaped() -> None:
    from kg.remote import sparql_term

    for v in HOSTILE:
        text = sparql_term(Literal(v))
        assert text.startswith('"') and text.endswith('"') and "\n" not in text and "\r" not in text
        inner = text[1:-1].replace("\\\\", "")
        assert '"' not in inner.replace('\\"', "")  # every quote inside is escaped
    for bad in ("http://a> . } DROP ALL { <b:c", "no-scheme", "http://a b", "http://a\\u0020"):
        with pytest.raises(QueryError, match="bad parameter value"):
            sparql_term(URIRef(bad))
    with pytest.raises(QueryError):
        sparql_term(BNode())


@pytest.mark.server
def test_hostile_parameters_are_data_on_every_server(remote: RemoteStore, store: LocalStore,
                                                     listener) -> None:  # noqa: ANN001
    """Each value comes back exactly as given, as it does from the embedded store; stored, it is found by
    itself alone; no value reaches a SERVICE call (the listener sees no request); nothing is dropped."""
    values = [Literal(v.replace("{url}", listener.url).replace("{{", "{").replace("}}", "}"))
              for v in HOSTILE]
    values += [Literal("fr", lang="fr-CA"), Literal("2", datatype=URIRef(XSD + "integer"))]
    values += [URIRef(i) for i in HOSTILE_IRIS]
    g = Graph()
    doc = iris.document("e" * 64)
    name = URIRef("http://xmlns.com/foaf/0.1/name")
    for i, v in enumerate(values):
        g.add((URIRef(f"{doc}#v{i}"), name, v))
    remote.replace_graphs((), {str(doc): g})
    store.replace_graphs((), {str(doc): g})
    echo = "SELECT ?x WHERE { }"
    find = "SELECT ?s ?x WHERE { GRAPH ?g { ?s <http://xmlns.com/foaf/0.1/name> ?x } }"
    for i, v in enumerate(values):
        here, there = store.query(echo, {"x": v}), remote.query(echo, {"x": v})
        assert [canon(r["x"]) for r in there.rows] == [canon(v)] == [canon(r["x"]) for r in here.rows], v
        here, there = store.query(find, {"x": v}), remote.query(find, {"x": v})
        assert _rows(there) == _rows(here) and [r["s"] for r in there.rows] == [URIRef(f"{doc}#v{i}")], v
    assert len(remote.graph(str(doc))) == len(values)
    assert listener.hits == []


@pytest.mark.server
def test_a_server_that_dies_mid_run_is_one_line(corpus: Path, tmp_path: Path) -> None:
    """Not one line per document left ("cannot reach" 150 times, naming no file): one line for the run,
    saying how many documents were not written."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("Oxigraph server not installed")
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "data"),
                                   "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                  stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, server, log)
        kg = str(Path(sys.executable).with_name("kg"))
        proc = subprocess.Popen([kg, "ingest", str(corpus), "--store", url], stderr=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, text=True)
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if line.strip().startswith("added"):
                break
        server.kill()
        server.wait()
        lines += proc.stderr.readlines()
        assert proc.wait(120) == 4, "".join(lines)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    unreachable = [ln for ln in lines if "cannot reach" in ln]
    assert len(unreachable) == 1, "".join(lines[-20:])
    assert unreachable[0].startswith("kg: ") and "document(s) were not written" in unreachable[0]
    lost = int(re.search(r"(\d+) of 155 document", unreachable[0]).group(1))  # type: ignore[union-attr]
    added = sum(1 for ln in lines if ln.strip().startswith("added"))
    assert lost > 0 and added + lost <= 155

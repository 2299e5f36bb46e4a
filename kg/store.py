"""The store: named graphs in Oxigraph on disk (default), or a remote SPARQL server (kg.remote).

One named graph per document (graph IRI = document IRI) holding what is that document's own, one shared
graph describing the things documents share (kg.layout: each triple in one graph only), plus graphs for the
ontology, the indicator scheme, reference data and the follow-up ledger. Every document write is one
transaction, shared triples included.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg import iris, layout
from kg.errors import QueryError, StoreBusy, StoreError
from kg.queries import internal

DEFAULT_STORE = ".kg/store"


def default_location() -> str:
    return os.environ.get("KG_STORE", DEFAULT_STORE)


# ---- term conversion (rdflib <-> pyoxigraph), kept here so no other module needs pyoxigraph


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term: object) -> Identifier | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unexpected term {term!r}")


def quads(graph: Graph, name: URIRef) -> Iterator[ox.Quad]:
    g = ox.NamedNode(str(name))
    for s, p, o in graph:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), g)


# RocksDB's data files: the manifest, write-ahead logs and tables. Its info LOG is left out: it is written
# on a timer and by readers opening the store, with no data changed.
_DATA_FILES = re.compile(r"(CURRENT|MANIFEST-\d+|\d+\.(log|sst))$")


def store_version(location: str | Path) -> str:
    """A cheap version of an on-disk store (one directory listing): it changes whenever a write commits
    (an ingest, a remove, a ledger update or review; each appends to the write-ahead log or adds tables),
    so whatever is computed from the store can be kept until it changes. A compaction or a writer opening
    and closing also changes it (a needless recomputation, never a stale answer)."""
    import hashlib

    try:
        entries = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(location)
                         if _DATA_FILES.match(e.name))
    except OSError:
        return ""
    return hashlib.sha256(repr(entries).encode()).hexdigest()[:16]


def placed(name: str, graph: Graph | bytes) -> tuple[list[ox.Quad], set[str]]:
    """The quads a graph is written as (kg.layout): a document's graph goes to its own graph and the shared
    graph, with the shared statements it asserts; any other graph as it is. `graph` may be N-Quads bytes
    already naming the graph (built in a worker process)."""
    if isinstance(graph, bytes):
        triples = [(q.subject, q.predicate, q.object) for q in ox.parse(graph, format=ox.RdfFormat.N_QUADS)]
    else:
        triples = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
    if not layout.is_document(name):
        g = ox.NamedNode(name)
        return [ox.Quad(s, p, o, g) for s, p, o in triples], set()
    own, shared, said = layout.place(name, triples)
    return own + shared, said

def graph_of(nquads: bytes) -> Graph:
    """The triples of N-Quads bytes (one document's graph, kg.prepare.Built) in an rdflib Graph."""
    g = Graph()
    for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


class Rows(Sequence):
    """SELECT rows converted to rdflib terms when read: a page of a listing, or its length, then costs no
    conversion of the cells nobody looks at (turning 300,000 cells into rdflib terms took ~2 s at 1M)."""

    __slots__ = ("_names", "_raw", "_done", "_memo")

    def __init__(self, names: tuple[str, ...], raw: list) -> None:
        self._names, self._raw = names, raw
        self._done: list[dict[str, Identifier] | None] = [None] * len(raw)
        # a term is converted once however many cells hold it (labels, councils, counts repeat from row to
        # row: councillor-activity's 26,000 cells at 1M hold 3,600 terms; 114 ms of conversion -> 30 ms)
        self._memo: dict = {}

    def __len__(self) -> int:
        return len(self._raw)

    def _row(self, i: int) -> dict[str, Identifier]:
        row = self._done[i]
        if row is None:
            sol, memo = self._raw[i], self._memo
            row = {}
            for n in self._names:
                if (t := sol[n]) is not None:
                    if (v := memo.get(t)) is None:
                        v = memo[t] = from_ox(t)
                    row[n] = v
            self._done[i] = row
        return row

    def __getitem__(self, i: int | slice):  # noqa: ANN204 - a row, or a tuple of rows for a slice
        if isinstance(i, slice):
            return tuple(self._row(k) for k in range(*i.indices(len(self._raw))))
        return self._row(range(len(self._raw))[i])

    def __iter__(self) -> Iterator[dict[str, Identifier]]:
        return (self._row(k) for k in range(len(self._raw)))

    def texts(self) -> Iterator[dict[str, str]]:
        """Each row's cells as text (an IRI, a literal's lexical form, a blank node's id) with no rdflib term
        made, for a caller that reads only strings (the ledger's evidence: half its cost was the terms)."""
        names = self._names
        for sol in self._raw:
            yield {n: t.value for n in names if (t := sol[n]) is not None}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment] - mutable cache, compared by value

    def __repr__(self) -> str:
        return f"Rows({len(self)} rows)"


def row_texts(rows: Sequence[dict[str, Identifier]]) -> Iterator[dict[str, str]]:
    """A result's rows with each cell as text: straight from Oxigraph for the embedded store (`Rows.texts`),
    else each term's str (the same text: an IRI, a literal's lexical form, a blank node's id)."""
    if isinstance(rows, Rows):
        return rows.texts()
    return ({k: str(v) for k, v in r.items()} for r in rows)


@dataclass(frozen=True)
class Result:
    """A query's answer: SELECT rows (variables + dicts of rdflib terms), an ASK boolean, or a graph."""

    kind: str  # select | ask | graph
    variables: tuple[str, ...] = ()
    rows: Sequence[dict[str, Identifier]] = ()  # a tuple, or `Rows` (converted when read)
    boolean: bool | None = None
    graph: Graph | None = None


@dataclass(frozen=True)
class StoredDoc:
    iri: str
    sha256: str
    sources: tuple[str, ...]


def _stored_docs(rows: Iterable[Mapping]) -> list[StoredDoc]:
    """(doc, sha, file) rows -> each document once with all its source files, ordered by them."""
    found: dict[str, StoredDoc] = {}
    for row in rows:
        iri = str(row["doc"])
        prev = found.get(iri)
        file = str(row["file"])
        sources = tuple(sorted({*prev.sources, file})) if prev else (file,)
        found[iri] = StoredDoc(iri, str(row["sha"]), sources)
    return sorted(found.values(), key=lambda d: d.sources)


class Store:
    """What the pipeline needs of a store. `LocalStore` and `kg.remote.RemoteStore` implement it."""

    location: str

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None, *,
              timeout: float | None = None) -> Result:
        raise NotImplementedError

    def replace_graphs(self, drop: Iterable[str], graphs: Mapping[str, Graph]) -> None:
        """In one transaction: drop the graphs in `drop`, then write each graph in `graphs` whole."""
        raise NotImplementedError

    def add(self, name: str, graph: Graph) -> None:
        """Add triples to a named graph, in one transaction (the ledger grows this way)."""
        raise NotImplementedError

    def graph(self, name: str) -> Graph:
        """A copy of one named graph, as stored (a document's: its own triples and `ckg:asserts` records)."""
        raise NotImplementedError

    def document_graph(self, iri: str) -> Graph:
        """Everything one document says: its own graph with each shared triple it asserts in place of the
        record of it (kg.layout); what `kg.rdf.to_graph` built for it."""
        g = self.graph(iri)
        for record in list(g.triples((None, URIRef(layout.ASSERTS.value), None))):
            g.remove(record)
            t = layout.triple(str(record[2]))
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
        return g

    def rewrite(self, name: str, subjects: Iterable[str], follow: str, add: Graph) -> None:
        """In one transaction, in named graph `name`: drop every triple about each of `subjects` and about
        what they point to through the predicate `follow` (a commitment's assessments), then add `add`.
        This default reads and writes the whole graph; LocalStore edits it in place."""
        subjects = [URIRef(x) for x in subjects]
        whole = self.graph(name)
        for s in subjects:
            for o in list(whole.objects(s, URIRef(follow))):
                whole.remove((o, None, None))
            whole.remove((s, None, None))
        whole += add
        self.replace_graphs((), {name: whole})

    def named_graphs(self) -> list[str]:
        raise NotImplementedError

    def count(self) -> int:
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(res.rows[0]["n"]) if res.rows else 0

    def document_count(self) -> int:
        """How many documents the store holds: one index's entries (`count` reads every triple)."""
        res = self.query(internal("documents-count"))
        return int(res.rows[0]["n"]) if res.rows else 0

    def documents(self) -> list[StoredDoc]:
        return _stored_docs(self.query(internal("documents-stored")).rows)

    def documents_of(self, iri: str, source: str) -> list[StoredDoc]:
        """The stored document with this IRI and those read from this source file (as `documents` gives
        them), by index lookups: what one new document needs to know, in a store of any size."""
        by_iri = self.query(internal("documents-stored"), {"doc": URIRef(iri)}).rows
        from_source = self.query(internal("documents-from"), {"key": Literal(source)}).rows
        return _stored_docs([*by_iri, *from_source])

    def export(self, fmt: str) -> bytes:
        raise NotImplementedError

    def close(self) -> None:  # noqa: B027 - optional for stores without resources
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
            "ntriples": ox.RdfFormat.N_TRIPLES}


JOURNAL = "kg-batch.journal"  # the batch `LocalStore.load_new` is writing, inside the store's folder
# Below this much N-Quads a batch is loaded in one transaction, above it through the bulk loader. Measured
# (300 benchmark documents, ~170 KB of placed N-Quads each, CPU a document): transactional load 11 ms
# whatever the batch; bulk load 13.4 ms in batches of 3 documents, 6.7 of 10, 3.3 of 100.
BULK_BYTES = 2_000_000


def _fsync_dir(path: str) -> None:
    """Make a rename in `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_ROCKSDB = re.compile(r"(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(\.dbtmp)?"
                      r"|\d+\.(log|sst|dbtmp))$")


# A read-only view beside a running writer can trip over files the writer is replacing (a table compacted
# away, the manifest rolled). That passes: reopen and retry briefly, then say the store is busy.
_TRANSIENT = ("no such file", "corruption", "io error", "manifest")
_RETRIES = 8
_T = TypeVar("_T")


def _transient(err: BaseException) -> bool:
    return any(w in str(err).lower() for w in _TRANSIENT)


def _busy(err: BaseException) -> bool:
    """Files vanishing under a reader mean a writer is at work; anything else persistent is damage."""
    return "no such file" in str(err).lower()


def _open_read_only(path: str) -> ox.Store:
    for attempt in range(_RETRIES):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError) as err:
            if not _transient(err) or attempt == _RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _check_location(path: Path) -> None:
    """Never open (and so write RocksDB files into) a file or a folder that holds something else."""
    if path.exists() and not path.is_dir():
        raise StoreError("is a file, not a store folder", path=str(path), hint="pass --store with a folder")
    # A store whose first open was killed has RocksDB's files but no CURRENT yet: that one is ours.
    if (path.is_dir() and not (path / "CURRENT").exists()
            and any(not _ROCKSDB.match(f.name) for f in path.iterdir())):
        raise StoreError("not an Oxigraph store: the folder holds other files", path=str(path),
                         hint="pass --store with a new or empty folder")


def _lines(triples: Iterable[ox.Triple | ox.Quad]) -> str:
    """Triples as the body of an INSERT/DELETE DATA block, each term written by Oxigraph's serialiser."""
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def _unsay(gone: list[ox.Triple]) -> str:
    """The update removing shared triples no document asserts any more (`LocalStore._unsupported`)."""
    return f"DELETE DATA {{ GRAPH {ox.NamedNode(str(layout.shared_graph()))} {{\n{_lines(gone)}\n}} }}"


def _trusted_iris() -> bool:
    """Whether `load_new`'s bytes hold only valid IRIs without the parser checking them again. They come
    from kg.layout.place_nquads (kg.rdf's emitter), whose IRIs are the vocabulary's and the reference data's,
    minted by kg.iris (the base, then slugs, hex keys and offsets: valid whenever the base is), or a
    document's source URL (checked with pyoxigraph where it is read, kg.read.meta). So: a valid base."""
    return iris.valid(iris.base() + "x")


def _roll_back_if_idle(path: Path) -> None:
    """A reader that finds a batch's journal with no writer at work (a killed ingest) rolls the batch back
    first, as the next writer would, so that no query sees its half-loaded shared triples meanwhile. With a
    writer at work (the store is locked) or no right to write, the reader goes on: documents are known by
    their markers, which come last."""
    try:
        LocalStore(path).close()
    except StoreError:
        pass


class LocalStore(Store):
    """Oxigraph on disk. `read_only=True` opens beside a running writer (queries during an ingest)."""

    def __init__(self, location: str | Path, *, read_only: bool = False, create: bool = True) -> None:
        self.location = str(location)
        path = Path(location)
        self.read_only = read_only
        _check_location(path)
        try:
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError("no store here yet", path=str(path),
                                     hint="run `kg ingest` first, or pass --store")
                if (path / JOURNAL).exists():
                    _roll_back_if_idle(path)
                self._s = _open_read_only(str(path))
            else:
                if not create and not path.exists():
                    raise StoreError("no store here yet", path=str(path),
                                     hint="run `kg ingest` first, or pass --store")
                path.mkdir(parents=True, exist_ok=True)
                self._s = ox.Store(str(path))
                self._roll_back()  # a batch of new documents a kill cut short (`load_new`)
        except (OSError, RuntimeError) as err:
            if "lock" in str(err).lower() or (read_only and _busy(err)):
                raise StoreBusy("store is busy: another kg process is writing to it", path=str(path),
                                hint="wait for it to finish and retry") from err
            if isinstance(err, OSError):
                raise StoreError(f"cannot open store: {err}", path=str(path),
                                 hint="check the path; is it an Oxigraph store?") from err
            # RocksDB reports a damaged store ("Corruption: ...") as a RuntimeError.
            raise StoreError(f"cannot open store: {err}", path=str(path),
                             hint="is it an Oxigraph store? restore it from a backup or re-ingest") from err

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None, *,
              timeout: float | None = None) -> Result:
        try:
            subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        except (ValueError, TypeError) as err:  # e.g. an IRI parameter with '>' or spaces in it
            raise QueryError(f"bad parameter value: {err}", hint="an IRI must be a single valid IRI") from err
        try:
            return self._read(lambda: self._query(sparql, subs))
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}", hint="check the query text") from err
        except (RuntimeError, OSError) as err:
            raise QueryError(f"query failed: {err}") from err

    def _query(self, sparql: str, subs: dict) -> Result:
        # Results are read to the end here, so a read error surfaces inside `_read`'s retry.
        res = self._s.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            names = tuple(v.value for v in res.variables)
            # Read to the end here (inside the retry); each cell becomes an rdflib term when first read.
            return Result("select", names, Rows(names, list(res)))
        g = Graph()
        for t in res:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return Result("graph", graph=g)

    def _read(self, fn: Callable[[], _T]) -> _T:
        """Run a read; on a read-only view beside a writer, reopen and retry while files are replaced."""
        for attempt in range(_RETRIES):
            try:
                return fn()
            except (RuntimeError, OSError) as err:
                if not (self.read_only and _transient(err)):
                    raise
                if attempt == _RETRIES - 1:
                    if _busy(err):
                        raise StoreBusy("store is busy: another kg process is rewriting it",
                                        path=self.location, hint="retry in a moment") from err
                    raise
                time.sleep(0.05 * (attempt + 1))
                try:
                    self._s = ox.Store.read_only(self.location)
                except (RuntimeError, OSError):
                    pass  # the next attempt fails and comes back here
        raise AssertionError("unreachable")

    def replace_graphs(self, drop: Iterable[str], graphs: Mapping[str, Graph]) -> None:
        """One SPARQL update is one Oxigraph transaction: a crash leaves the old state or the new. A
        document's graph dropped or replaced takes with it the shared triples no other document asserts."""
        if self.read_only:
            raise StoreError("store opened read-only", path=self.location)
        drop = list(drop)
        ops = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in drop]
        ops += [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graphs if g not in drop]
        touched = {g for g in (*drop, *graphs) if layout.is_document(g)}
        written: list[ox.Quad] = []
        said: set[str] = set()
        for name, graph in graphs.items():
            q, s = placed(name, graph)
            written += q
            said |= s
        gone = self._unsupported(touched, said)
        if gone:
            ops.append(_unsay(gone))
        by_graph: dict[str, list[ox.Quad]] = {}
        for q in written:
            by_graph.setdefault(str(q.graph_name), []).append(q)
        body = [f"GRAPH {g} {{\n{_lines(qs)}\n}}" for g, qs in by_graph.items()]
        if body:
            ops.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
        self._update(ops)

    def _update(self, ops: list[str]) -> None:
        """Run the operations as one SPARQL update: one Oxigraph transaction."""
        if not ops:
            return
        try:
            self._s.update(" ;\n".join(ops))
        except OSError as err:
            raise StoreError(f"write failed: {err}", path=self.location) from err

    def _unsupported(self, touched: set[str], kept: set[str], said: Iterable[str] = ()) -> list[ox.Triple]:
        """Shared triples that the document graphs in `touched` assert (as stored now, or in `said`), that
        `kept` does not hold, and that no other document asserts: what dropping or replacing those graphs
        leaves unsaid."""
        said = set(said)
        for name in touched:
            for q in self._s.quads_for_pattern(None, layout.ASSERTS, None, ox.NamedNode(name)):
                said.add(q.object.value)
        gone = []
        for text in sorted(said - kept):
            holders = self._s.quads_for_pattern(None, layout.ASSERTS, ox.Literal(text), None)
            if all(isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in touched for q in holders):
                gone.append(layout.triple(text))
        return gone

    def rewrite(self, name: str, subjects: Iterable[str], follow: str, add: Graph) -> None:
        """One SPARQL update, so one transaction; the graph is never read into Python (the follow-up ledger
        is rewritten a committee at a time). Terms are written by Oxigraph's own serialiser, as in
        `replace_graphs`."""
        if self.read_only:
            raise StoreError("store opened read-only", path=self.location)
        g, values = ox.NamedNode(name), " ".join(str(ox.NamedNode(x)) for x in subjects)
        ops = []
        if values:
            ops.append(f"DELETE {{ GRAPH {g} {{ ?x ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
                       f"GRAPH {g} {{ ?s {ox.NamedNode(follow)} ?x . ?x ?p ?o }} }}")
            ops.append(f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
                       f"GRAPH {g} {{ ?s ?p ?o }} }}")
        if len(add):
            ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{_lines(quads(add, URIRef(name)))}\n}} }}")
        self._update(ops)

    def add(self, name: str, graph: Graph) -> None:
        if layout.is_document(name):
            raise StoreError(f"a document's graph is written whole, not added to: {name}", path=self.location)
        try:
            self._s.extend(quads(graph, URIRef(name)))
        except OSError as err:
            raise StoreError(f"write failed: {err}", path=self.location) from err

    def extend(self, graphs: Mapping[str, Graph | bytes]) -> None:
        """Add several graphs (new documents) in one transaction: a crash keeps all of them or none.
        A graph may come as N-Quads bytes already naming it (built in a worker process)."""
        if self.read_only:
            raise StoreError("store opened read-only", path=self.location)

        def every() -> Iterator[ox.Quad]:
            for name, g in graphs.items():
                yield from placed(name, g)[0]

        # (the fast path of branch ingestspeed loaded N-Quads bytes whole; a document's quads are now placed
        # in its own and the shared graph first, kg.layout)
        try:
            self._s.extend(every())
        except OSError as err:
            raise StoreError(f"write failed: {err}", path=self.location) from err

    def load_new(self, docs: Sequence[tuple[bytes, bytes]]) -> bool:
        """Write new documents, each given as (body, marker) N-Quads already placed in the layout's graphs
        (kg.layout.place_nquads, made in the worker that built it), at the bulk loader's cost and still
        whole documents only:

        1. a journal beside the data (`JOURNAL`, fsynced, put in place by a rename) holds the batch;
        2. the bodies go through Oxigraph's bulk loader (2.5x cheaper than a transaction, not atomic);
        3. the markers (`<doc> a ckg:Document`) in one transaction: queries and `documents()` know a
           document by its marker, so none of the batch is seen as a document before all of it is in;
        4. the journal is removed.
        Killed before 4, the next writer to open the store rolls the batch back (`_roll_back`). A batch
        under `BULK_BYTES` is loaded in one transaction instead: there the bulk loader costs more.
        Returns True when the bodies went through the bulk loader (straight to tables: nothing to flush).

        The bytes are parsed leniently (IRIs not validated again: 0.3-1 ms of CPU a document of the bulk
        loader's 5-7) when `_trusted_iris` holds; otherwise strictly, so a bad IRI fails as it always did."""
        if self.read_only:
            raise StoreError("store opened read-only", path=self.location)
        body, marker = b"".join(b for b, _ in docs), b"".join(m for _, m in docs)
        lenient = _trusted_iris()
        if len(body) < BULK_BYTES:  # each bulk load costs ~25 ms of CPU however little it loads
            try:
                self._s.load(body + marker, format=ox.RdfFormat.N_QUADS, lenient=lenient)  # one transaction
            except OSError as err:
                raise StoreError(f"write failed: {err}", path=self.location) from err
            return False
        journal = Path(self.location) / JOURNAL
        try:
            part = journal.with_name(JOURNAL + ".part")
            with open(part, "wb") as f:
                f.write(body)
                f.write(marker)
                f.flush()
                os.fsync(f.fileno())
            os.replace(part, journal)
            _fsync_dir(self.location)
            self._s.bulk_load(body, format=ox.RdfFormat.N_QUADS, lenient=lenient)
            self._s.load(marker, format=ox.RdfFormat.N_QUADS, lenient=lenient)
        except BaseException as err:
            if journal.exists():
                try:
                    self._roll_back()  # a batch the store refused (or an interrupt): none of it stays
                except Exception:  # noqa: BLE001 - the journal stays: the next writer to open rolls back
                    pass
            if isinstance(err, OSError):
                raise StoreError(f"write failed: {err}", path=self.location) from err
            raise
        journal.unlink()
        return True

    def _roll_back(self) -> None:
        """Undo a batch `load_new` did not finish (its journal is still there): drop its documents' graphs
        and the shared triples that only they assert (as `replace_graphs` does), then drop the journal."""
        journal = Path(self.location) / JOURNAL
        try:
            data = journal.read_bytes()
        except FileNotFoundError:
            return
        shared = str(layout.shared_graph())
        docs: set[str] = set()
        said: set[str] = set()
        for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            g = q.graph_name.value  # type: ignore[union-attr]
            if g == shared:
                said.add(layout.statement(q.subject, q.predicate, q.object))
            elif layout.is_document(g):
                docs.add(g)
        ops = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in sorted(docs)]
        gone = self._unsupported(docs, set(), said)
        if gone:
            ops.append(_unsay(gone))
        if ops:  # raw errors here: the caller (opening the store) words them
            self._s.update(" ;\n".join(ops))
            self._s.flush()
        journal.unlink()

    def bulk_load(self, items: Iterable[tuple[str, Graph]]) -> None:
        """Fast loading for big batches (no transaction): only for graphs not yet in the store."""
        self._s.bulk_extend(q for name, g in items for q in placed(name, g)[0])

    def graph(self, name: str) -> Graph:
        def read() -> Graph:
            g = Graph()
            for q in self._s.quads_for_pattern(None, None, None, ox.NamedNode(name)):
                g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            return g

        return self._read(read)

    def named_graphs(self) -> list[str]:
        return self._read(lambda: sorted(g.value for g in self._s.named_graphs()
                                         if isinstance(g, ox.NamedNode)))

    def export(self, fmt: str) -> bytes:
        if fmt not in _FORMATS:
            raise QueryError(f"unknown export format '{fmt}'",
                             hint=f"use one of {', '.join(_FORMATS)}, jsonld")
        if _FORMATS[fmt] in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
            # Graph formats: the union of every graph.
            def union() -> Graph:
                g = Graph()
                for q in self._s:
                    g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
                return g

            return self._read(union).serialize(format="turtle" if fmt == "turtle" else "nt").encode()
        return self._read(lambda: self._s.dump(format=_FORMATS[fmt]))

    def flush(self) -> None:
        if not self.read_only:
            self._s.flush()

    def close(self) -> None:
        if hasattr(self, "_s"):
            if not self.read_only:
                self._s.flush()
            del self._s

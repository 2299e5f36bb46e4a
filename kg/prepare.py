"""Prepare and write one document: find the files, read and extract each (in worker processes with --jobs),
link it against what the store knows, build its graph and write it in one transaction.

kg.ingest runs these over a whole input and keeps the ledger; kg.batch groups the writes of new documents.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.errors import InputError, KgError
from kg.extract import extract
from kg.indicator_link import KnownIndicator
from kg.link import UNKNOWN_COUNCIL, Known, Linked, basis, link, placed_by_committee
from kg.model import Extraction, SourceDoc
from kg.namespaces import CKG
from kg.read import read_document, supported
from kg.read.meta import SIDECAR_SUFFIX
from kg.store import Store, StoredDoc

Status = str  # added | replaced | unchanged | duplicate | failed


@dataclass(frozen=True)
class Outcome:
    source: str  # the source key: path relative to the ingested folder
    status: Status
    document: str | None = None  # document IRI
    message: str = ""
    triples: int = 0
    warnings: tuple[str, ...] = ()  # the reader's doubts (e.g. "read as cp1252"), shown even with --quiet


@dataclass(frozen=True)
class Source:
    path: Path
    key: str  # posix path relative to the folder it was found under (the file name for a file argument)
    root: Path


@dataclass(frozen=True)
class Prepared:
    """A document read and extracted: what a worker process hands back."""

    source: Source
    extraction: Extraction | None = None
    error: str | None = None
    built: Built | None = None  # with --jobs: linked and built in the worker too


@dataclass(frozen=True)
class Built:
    """A document linked and emitted (`build`): its named graph as N-Quads, the form in which a document's
    triples go to the store.

    With --jobs a worker builds it from what was known when its chunk was sent. Linking reads only the
    posts and found indicators of the document's council (`kg.link.basis`): the parent uses the worker's
    bytes when those are still the same at write time, else builds again, so the result always equals a
    serial run's, and the parent does not link a document a second time."""

    council: str  # the council linking settled on (kg.link.canonical_council)
    basis: tuple[object, ...]  # what linking read of Known: `kg.link.basis(council, known)`
    doc: str  # the document's IRI, its graph's name
    triples: int
    posts: tuple[tuple[str, str], ...]  # (council label, post label): what the graph adds to Known
    indicators: tuple[tuple[str, KnownIndicator], ...] = ()  # (council label, found indicator): the same
    placed: bytes = b""  # the graph placed in the layout (kg.layout.place_nquads): what the store loads
    marker: bytes = b""  # and its `<doc> a ckg:Document` quad, loaded last
    decisions: tuple[object, ...] = ()  # what linking decided (`_decisions`): the rest of the graph follows
    figures: tuple[tuple[str, str, str, str, str, str | None], ...] = ()  # kg.rdf.Emitted.figures
    committee: str | None = None  # the committee linking settled on (what the graph adds to Known)
    placed_by: str | None = None  # the committee a document naming no council was placed by (in `basis`)

    @property
    def nquads(self) -> bytes:
        """The document's graph as built, in its own graph (a remote store, a replacement): made from the
        placed bytes when asked for (kg.layout.unplace_nquads), not for every document of an ingest into an
        embedded store, which loads `placed` as it is (0.2 ms of CPU a document, and half the bytes a
        worker sends back)."""
        from kg.layout import unplace_nquads

        return unplace_nquads(self.doc, self.placed, self.marker)


def discover(paths: Iterable[str | Path]) -> tuple[list[Source], list[Outcome]]:
    """Files to ingest under `paths` (folders recursively, sorted), and failures for missing paths."""
    found: list[Source] = []
    problems: list[Outcome] = []

    def refuse(f: Path, message: str, hint: str) -> None:
        problems.append(Outcome(str(f), "failed", message=str(InputError(message, path=str(f), hint=hint))))

    def named_badly(f: Path) -> bool:
        """A name that is not UTF-8 cannot be stored as text (it names the source in the graph)."""
        try:
            str(f).encode("utf-8")
        except UnicodeEncodeError:
            refuse(f, "file name is not UTF-8", "skipped; rename it")
            return True
        return False

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file() or _broken_link(p)):
                rel = f.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or f.name.endswith(SIDECAR_SUFFIX):
                    continue
                if named_badly(f):
                    continue
                if _broken_link(f):
                    refuse(f, "symbolic link to nothing (dangling, or a loop)", "skipped; fix or remove it")
                    continue
                if not supported(f):
                    problem = InputError(f"unknown format '{f.suffix or '(none)'}'", path=str(f),
                                         hint="skipped; convert it or remove it")
                    problems.append(Outcome(str(f), "failed", message=str(problem)))
                    continue
                found.append(Source(f, rel.as_posix(), path))
        elif path.is_file():
            if not named_badly(path):
                found.append(Source(path, path.name, path.parent))
        elif _broken_link(path):
            refuse(path, "symbolic link to nothing (dangling, or a loop)", "fix or remove the link")
        else:
            problems.append(Outcome(str(path), "failed", message=str(InputError(
                "no such file or folder", path=str(path), hint="check the path"))))
    return found, problems


def _broken_link(p: Path) -> bool:
    try:
        return p.is_symlink() and not p.exists()
    except OSError:
        return True


def prepare(source: Source) -> Prepared:
    """Read and extract one document. Never raises: a failure is carried back as a message."""
    try:
        doc = read_document(source.path, root=source.root)
        doc = _with_name(doc, source)
        return Prepared(source, extract(doc))
    except KgError as err:
        return Prepared(source, error=str(err))
    except MemoryError:
        return Prepared(source, error=f"{source.path}: too large to read into memory (split the file)")
    except Exception as err:  # noqa: BLE001 - the report names the file; the run goes on
        return Prepared(source,
                        error=f"{source.path}: unexpected {type(err).__name__}: {err} (please report it)")


def _with_name(doc: SourceDoc, source: Source) -> SourceDoc:
    from dataclasses import replace

    return replace(doc, name=source.key)


def known_from_store(store: Store) -> Known:
    from kg.query import internal, internal_texts

    res = store.query(internal("known-posts"))
    posts: dict[str, list[str]] = {}
    for row in res.rows:
        posts.setdefault(str(row["council"]), []).append(str(row["label"]))
    found = internal_texts(store, "known-indicators", {"scheme": iris.found_indicator_scheme()})
    # by each label of its council, the least label and unit (as a GROUP BY with MIN would give them)
    names: dict[str, list[str]] = {}
    least: dict[tuple[str, str], list[str | None]] = {}
    for row in found:
        c = row["c"]
        if c not in names:
            names[c] = [r["label"] for r in internal_texts(store, "council-labels", {"council": URIRef(c)})]
        for council in names[c]:
            got = least.setdefault((council, row["indicator"]), [row["l"], row.get("u")])
            got[0] = min(got[0], row["l"])  # type: ignore[type-var]
            if row.get("u") is not None and (got[1] is None or row["u"] < got[1]):
                got[1] = row["u"]
    indicators: dict[str, set[KnownIndicator]] = {}
    for (council, indicator), (label, unit) in least.items():
        indicators.setdefault(council, set()).add(KnownIndicator(
            indicator.rsplit("/", 1)[-1], str(label), _unit_name(unit) if unit else None))
    committees: dict[str, set[str]] = {}
    for row in internal_texts(store, "known-committees"):
        if row["council"] != UNKNOWN_COUNCIL:
            committees.setdefault(row["committee"], set()).add(row["council"])
    return Known({k: tuple(sorted(set(v))) for k, v in posts.items()},
                 {k: tuple(sorted(v, key=_order)) for k, v in indicators.items()},
                 {k: tuple(sorted(v)) for k, v in committees.items()})


def _unit_name(unit: object) -> str | None:
    from kg.rdf import UNIT

    return next((name for name, iri in UNIT.items() if str(iri) == str(unit)), None)


def _order(k: KnownIndicator) -> tuple[str, str, str]:
    return (k.key, k.label, k.unit or "")


def _remember(known: Known, posts: Iterable[tuple[str, str]],
              indicators: Iterable[tuple[str, KnownIndicator]] = (),
              committee: tuple[str, str] | None = None) -> Known:
    """Posts, found indicators and the (committee, council) written by this document become known to the
    next one in the same run. Only the councils it touches are rebuilt: the rest of Known is shared, not
    copied for every document."""
    posts, indicators = tuple(posts), tuple(indicators)
    committees = known.committees
    if committee and committee[1] != UNKNOWN_COUNCIL and committee[1] not in committees.get(committee[0], ()):
        name, council = committee
        committees = {**committees, name: tuple(sorted({*committees.get(name, ()), council}))}
    if not posts and not indicators:
        return known if committees is known.committees else Known(known.posts, known.indicators, committees)
    merged = dict(known.posts)
    for council in {c for c, _ in posts}:
        merged[council] = tuple(sorted({*merged.get(council, ()), *(lb for c, lb in posts if c == council)}))
    found = dict(known.indicators)
    for council in {c for c, _ in indicators}:
        here = {i.key: i for i in found.get(council, ())}
        for c, ind in indicators:
            if c == council and (ind.key not in here or (here[ind.key].unit is None and ind.unit)):
                here[ind.key] = ind
        found[council] = tuple(sorted(here.values(), key=_order))
    return Known(merged, found, committees)


def build(extraction: Extraction, known: Known, when: dt.datetime) -> Built:
    """Link one document against `known` and emit its graph: the one place a document's triples are made
    ready for the store (in a worker or in the parent)."""
    return _emitted(link(extraction, known), known, when)


def _emitted(linked: Linked, known: Known, when: dt.datetime) -> Built:
    from kg.layout import place_nquads
    from kg.rdf import emit

    out = emit(linked, when=when)
    body, marker, _ = place_nquads(out.doc, out.triples)
    by = placed_by_committee(linked.extraction)
    return Built(linked.council, basis(linked.council, known, by), out.doc, len(out), out.posts,
                 out.indicators, body, marker, _decisions(linked), out.figures, linked.committee, by)


def _decisions(linked: Linked) -> tuple[object, ...]:
    """All of a `Linked` that linking decided from what was known (the rest is the extraction's): two
    links of one document with equal decisions emit the same graph."""
    return (linked.council, linked.committee, linked.period, linked.meeting_when, linked.posts,
            linked.people, linked.indicators)


def rebuild(extraction: Extraction, known: Known, when: dt.datetime, ahead: Built | None) -> Built:
    """`build` for a document a worker built against what was known earlier (`ahead`) when that has
    changed since: linked again (cheap), but emitted again only if linking now decides otherwise (a post
    or an indicator another document added is seldom one this document names)."""
    linked = link(extraction, known)
    if ahead is not None and _decisions(linked) == ahead.decisions:
        from dataclasses import replace

        return replace(ahead, basis=basis(linked.council, known, placed_by_committee(extraction)))
    return _emitted(linked, known, when)


def _build(prepared: Prepared, known: Known, when: dt.datetime) -> Prepared:
    """In a worker: link and build the graph ahead of the parent (see `Built`)."""
    if prepared.extraction is None or prepared.error:
        return prepared
    try:
        built = build(prepared.extraction, known, when)
    except Exception:  # noqa: BLE001 - the parent builds it again and reports any error with the file
        return prepared
    return Prepared(prepared.source, prepared.extraction, None, built)


def superseded(stored: Iterable[StoredDoc], source_key: str, iri: str) -> list[str]:
    """The stored documents that writing document `iri` from `source_key` drops: the source's older texts
    that have no other source (one that has keeps its graph and loses only this source)."""
    return [d.iri for d in stored if source_key in d.sources and d.iri != iri and len(d.sources) == 1]


def write_prepared(store: Store, prepared: Prepared, known: Known, *, when: dt.datetime,
                   stored: list[StoredDoc] | None = None,
                   sink: Callable[[str, Built], None] | None = None) -> tuple[Outcome, Known]:
    """Link, build and write one prepared document in one transaction.

    `stored`: the stored documents with this text or this source (kg.batch keeps them; default: ask the
    store). `sink`: where a plain new document's graph goes instead of the store (kg.batch's batch)."""
    from kg.store import graph_of

    src = prepared.source
    if prepared.error or prepared.extraction is None:
        return Outcome(src.key, "failed", message=prepared.error or "not extracted"), known
    doc = prepared.extraction.doc
    iri = str(iris.document(doc.sha256))
    stored = store.documents() if stored is None else stored
    same = next((d for d in stored if d.iri == iri), None)
    previous = [d for d in stored if src.key in d.sources and d.iri != iri]
    drop = superseded(stored, src.key, iri)
    graphs: dict[str, Graph] = {}
    for d in previous:
        if len(d.sources) > 1:  # the old text keeps its other sources
            g = store.graph(d.iri)
            g.remove((URIRef(d.iri), CKG.sourceFile, Literal(src.key)))
            graphs[d.iri] = g
    if same and src.key in same.sources:
        if drop or graphs:  # an older version left beside it (a remote write interrupted): clear it now
            store.replace_graphs(drop, graphs)
        return Outcome(src.key, "unchanged", iri), known
    if same:
        g = store.graph(iri)
        g.add((URIRef(iri), CKG.sourceFile, Literal(src.key)))
        graphs[iri] = g
        store.replace_graphs(drop, graphs)
        first = same.sources[0]
        return Outcome(src.key, "duplicate", iri, f"same text as {first}: one document, two sources",
                       warnings=doc.warnings), known
    built = prepared.built
    if built is None or built.basis != basis(built.council, known, built.placed_by):
        built = rebuild(prepared.extraction, known, when, built)  # serial, or the worker knew less
    if sink is not None and not previous:
        sink(iri, built)
    else:
        graphs[iri] = graph_of(built.nquads)  # a replacement: rare, written with the old graphs' removal
        store.replace_graphs(drop, graphs)
    status = "replaced" if previous else "added"
    return (Outcome(src.key, status, iri, triples=built.triples, warnings=doc.warnings),
            _remember(known, built.posts, built.indicators,
                      (built.committee, built.council) if built.committee else None))


def prepare_all(sources: list[Source], jobs: int, known: Callable[[], Known] | None = None,
                when: dt.datetime | None = None) -> Iterator[Prepared]:
    """Prepared documents in input order; with jobs > 1 extraction runs in worker processes.

    Only a few chunks are in flight at a time (not the whole corpus, as `Executor.map` would submit):
    when writing is slower than extraction, finished extractions would otherwise pile up in memory.
    With `known` and `when`, workers also link and build each graph (`Built`) from the posts known when
    the chunk is sent, so the parent is left little more than writing."""
    if jobs <= 1 or len(sources) < 2:
        yield from map(prepare, sources)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    size = max(1, min(16, len(sources) // (jobs * 8)))
    chunks = iter([sources[i:i + size] for i in range(0, len(sources), size)])
    # Workers ignore Ctrl-C (the terminal sends it to them too): only the parent decides to stop, and
    # closing this generator early cancels the extraction still queued instead of waiting for it.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))
    flight: deque[Future[list[Prepared]]] = deque()
    news = _Newsroom(whole_first=jobs * 3)  # the first chunks go out together, one or more to each worker

    def send(chunk: list[Source]) -> None:
        ahead = (news.tell(known()), when) if known is not None and when is not None else None
        flight.append(pool.submit(_prepare_chunk, chunk, ahead))

    try:
        for chunk in chunks:
            send(chunk)
            if len(flight) >= jobs * 3:
                break
        while flight:
            done = flight.popleft().result()
            chunk = next(chunks, None)
            if chunk is not None:
                send(chunk)
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prepare_chunk(sources: list[Source], ahead: tuple[Known | KnownNews, dt.datetime] | None = None,
                   ) -> list[Prepared]:
    done = [prepare(s) for s in sources]
    if ahead is None:
        return done
    news, when = ahead
    known = _heard(news)
    return [_build(p, known, when) for p in done]


# What a worker knows of the parent's Known, kept up to date by the news each chunk brings. Known grows with
# the corpus (at 10,000 documents 2 MB pickled: 20 ms to send with every chunk of 16, 14 ms to read; the
# parent spent two thirds of its time pickling it at 100,000), while what it gains from a chunk's documents is
# a few posts and found indicators. So a chunk carries what was added lately, and the whole of Known now and
# then. A worker that missed an addition is not wrong, only slower: the parent links again a document whose
# basis (kg.link.basis: its council's entries) differs from its own (write_prepared).
KNOWN_WINDOW = 8  # chunks: an addition rides on this many, so that every worker hears of it
KNOWN_WHOLE = 64  # chunks: the whole of Known goes with one chunk in this many (a missed addition is mended)
_KNOWN = Known()


@dataclass(frozen=True)
class KnownNews:
    """What Known (kg.link.Known) gained lately: (council, post title) and (council, key, label, unit) of a
    found indicator added or given a unit, in the order they came (plain tuples: quicker to pickle)."""

    posts: tuple[tuple[str, str], ...]
    indicators: tuple[tuple[str, str, str, str | None], ...]


class _Newsroom:
    """The parent's side: what to send a worker with the next chunk, given the Known of now."""

    def __init__(self, whole_first: int = 1) -> None:
        self.last = Known()
        self.sent = 0
        self.whole_first = whole_first
        self.recent: deque[KnownNews] = deque(maxlen=KNOWN_WINDOW)

    def tell(self, known: Known) -> Known | KnownNews:
        self.recent.append(_gained(self.last, known))
        self.last = known
        self.sent += 1
        if self.sent <= self.whole_first or self.sent % KNOWN_WHOLE == 0:
            return known
        return KnownNews(tuple(p for n in self.recent for p in n.posts),
                         tuple(i for n in self.recent for i in n.indicators))


def _gained(last: Known, known: Known) -> KnownNews:
    """What `known` has that `last` had not. Known is never changed in place and _remember shares the entries
    it did not touch, so only the councils whose entry is another object are compared."""
    posts = [(c, p) for c, v in known.posts.items() if last.posts.get(c) is not v
             for p in sorted(set(v) - set(last.posts.get(c, ())))]
    found = [(c, i.key, i.label, i.unit) for c, v in known.indicators.items()
             if last.indicators.get(c) is not v
             for i in sorted(set(v) - set(last.indicators.get(c, ())), key=_order)]
    return KnownNews(tuple(posts), tuple(found))


def _heard(news: Known | KnownNews) -> Known:
    """The worker's side: its Known once the news is taken in, merged as the parent merged it (`_remember`:
    an indicator known without a unit takes one heard of); the same news heard twice changes nothing."""
    global _KNOWN
    if isinstance(news, Known):
        _KNOWN = news
    else:
        _KNOWN = _remember(_KNOWN, news.posts,
                           ((c, KnownIndicator(key, label, unit)) for c, key, label, unit in news.indicators))
    return _KNOWN


# Python's default collects its youngest generation every 700 allocations: a document's objects, alive
# while it is read, extracted and emitted, get promoted and then scanned again and again by the full
# collections (1.4 ms of CPU a document at 1,000 documents, growing with what the process holds). Every
# 50,000 allocations instead: 0.16 ms. Memory held by cycles waits a little longer before it is freed.
INGEST_GC = (50_000, 20, 10)


@contextmanager
def ingest_gc() -> Iterator[None]:
    """Collect garbage less often while ingesting (`INGEST_GC`); the previous settings afterwards."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(*INGEST_GC)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _worker_init(parent: int) -> None:
    """Workers ignore Ctrl-C (see prepare_all) and die with the parent: a SIGKILL of `kg ingest` would
    otherwise leave them waiting on their queue for ever."""
    import gc

    from kg.sparql_worker import die_with_parent

    gc.set_threshold(*INGEST_GC)  # as the parent's (ingest_gc): a worker lives for one ingest
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent, pdeathsig=True)

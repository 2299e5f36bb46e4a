"""The graph layout (issue 17): which named graph each triple of a document lives in.

Queries run with the union of the named graphs as their default graph (Oxigraph's
`use_default_graph_as_union`, the Oxigraph server's `--union-default-graph`, Virtuoso's default graph), and
in that union a triple held by two graphs is counted twice. So every triple lives in exactly one graph:

- a document's own graph holds every triple that names something minted from that document (the document,
  its agenda item and extraction run, its facts, evidence spans and selectors: `kg.iris.minted_for`),
  including the links from shared things to its evidence (`person prov:wasDerivedFrom span`);
- the shared graph (`shared_graph()`) holds the rest: the descriptions of councils, committees, meetings,
  people, posts, memberships, periods, areas and indicators, each triple once however many documents say it;
- the document's graph also records each shared triple it asserts, as an N-Triples literal on its run
  (`run ckg:asserts "<s> <p> <o>"`, see `statement`), so that removing or replacing the document removes
  exactly the shared triples no other document asserts: the shared graph always equals what a fresh ingest
  of the remaining documents would write. The literal is indexed like any object, so "does another document
  assert this?" is one index lookup; a literal instead of a hash because the triple to delete must be known.
- reference data (ontology, indicator scheme, reference councils and areas) and the ledger keep graphs of
  their own, with terms no document writes (kg.rdf.reference_graph), so they are never counted as found.

`split` works on plain (s, p, o) tuples of rdflib or pyoxigraph terms; the stores call it where a document's
graph is written (kg.store.LocalStore, kg.remote.RemoteStore).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

import pyoxigraph as ox
from rdflib import URIRef

from kg import iris
from kg.namespaces import CKG

T = TypeVar("T", bound=tuple)

SHARED = "shared"
ASSERTS = ox.NamedNode(str(CKG.asserts))


def shared_graph() -> URIRef:
    """The one graph of shared things' descriptions."""
    return iris.graph(SHARED)


def is_document(name: str) -> bool:
    """Whether a graph name is a document's graph (its IRI is the document's)."""
    return iris.document_key(name) is not None


def support_node(doc: str) -> URIRef:
    """Where a document's graph records the shared triples it asserts: its extraction run."""
    key = iris.document_key(doc)
    if key is None:
        raise ValueError(f"not a document IRI: {doc}")
    return iris.run(key)


def _iri(term: object) -> str | None:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, ox.NamedNode):
        return term.value
    return None


def split(doc: str, triples: Iterable[T]) -> tuple[list[T], list[T]]:
    """A document's triples -> (own, shared): own if the subject or the object was minted from this
    document (such a triple no other document can assert), shared otherwise."""
    key = iris.document_key(doc)
    if key is None:
        raise ValueError(f"not a document IRI: {doc}")
    own: list[T] = []
    shared: list[T] = []
    for t in triples:
        s, o = _iri(t[0]), _iri(t[2])
        mine = (s is not None and iris.minted_for(s, key)) or (o is not None and iris.minted_for(o, key))
        (own if mine else shared).append(t)
    return own, shared


def statement(s: ox.NamedNode | ox.BlankNode, p: ox.NamedNode, o: ox.Term) -> str:  # type: ignore[name-defined]
    """A shared triple as the text a document's graph records: one N-Triples line without its dot
    (pyoxigraph writes each term canonically, so the same triple is always the same text)."""
    return f"{s} {p} {o}"


def triple(text: str) -> ox.Triple:
    """The triple a `statement` text stands for."""
    return next(iter(ox.parse((text + " .\n").encode(), format=ox.RdfFormat.N_TRIPLES))).triple


def place(doc: str, triples: Iterable[tuple]) -> tuple[list[ox.Quad], list[ox.Quad], set[str]]:
    """A document's triples (pyoxigraph terms) -> the quads of its own graph (with its `ckg:asserts`
    records), the quads of the shared graph, and the statements it asserts.

    The input may be a graph as built (kg.rdf) or as stored (own triples and `ckg:asserts` records, when a
    stored graph is written back with a source added): a record stands for the shared triple it names."""
    g, shared_g = ox.NamedNode(doc), ox.NamedNode(str(shared_graph()))
    own, shared = split(doc, triples)
    said = {statement(*t) for t in shared}
    quads = []
    for s, p, o in own:
        if p == ASSERTS:
            said.add(o.value)
        else:
            quads.append(ox.Quad(s, p, o, g))
    shared_quads = [ox.Quad(t.subject, t.predicate, t.object, shared_g) for t in map(triple, sorted(said))]
    run = ox.NamedNode(str(support_node(doc)))
    quads += [ox.Quad(run, ASSERTS, ox.Literal(text), g) for text in sorted(said)]
    return quads, shared_quads, said


# A literal already in Oxigraph's canonical N-Triples form: only `\\`, `"`, newline and carriage return
# escaped (kg.terms writes them so), no other control character, not typed xsd:string, no language tag.
_CANONICAL_LITERAL = re.compile(r'"(?:[^"\\\x00-\x1f\x7f]|\\[\\"nr])*"(?:\^\^<(?!http://www\.w3\.org/2001/'
                                r'XMLSchema#string>)[^>]*>)?')


def _canonical(s: str, p: str, o: str) -> str:
    """`statement` of a triple of N-Triples terms (kg.terms), without parsing it when its text is already
    what pyoxigraph would write (nearly always); parsed by pyoxigraph otherwise."""
    if o[0] == "<" or _CANONICAL_LITERAL.fullmatch(o):
        return f"{s} {p} {o}"
    return statement(*triple(f"{s} {p} {o}"))


def _quoted(text: str) -> str:
    """`text` as an N-Triples plain literal (a statement holds no raw control character)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def place_nquads(doc: str, triples: Iterable[tuple[str, str, str]]) -> tuple[bytes, bytes, int]:
    """`place` for a document's graph as built (kg.rdf.Emitted: N-Triples terms), straight to the N-Quads
    bytes the store loads, without making a pyoxigraph term. Run where the document is built (a worker
    process with --jobs), so the writer only loads bytes.

    Returns (body, marker, quads): the marker is the quad `<doc> a ckg:Document` in the document's graph,
    apart, because the store writes it last (kg.store.LocalStore.load_new): queries and `documents()` know
    a document by it, so one half written is never seen as a document."""
    key = iris.document_key(doc)
    if key is None:
        raise ValueError(f"not a document IRI: {doc}")
    tail = f" <{doc}> .\n"
    marker = (f"<{doc}>", _RDF_TYPE, _DOCUMENT)
    lines: list[str] = []
    said: set[str] = set()
    marked = False
    # iris.minted_for on the N-Triples text, the base read once: `<base><kind>/<key>[/...]>`
    start = "<" + iris.base()
    skip = len(start)

    def minted(t: str) -> bool:
        if key not in t or not t.startswith(start):
            return False
        slash = t.find("/", skip)
        end = slash + 1 + len(key)
        return slash > skip and t.startswith(key, slash + 1) and t[end] in "/>"

    mine: dict[str, bool] = {}  # minted(t) by term: a node is the subject of several triples
    append, doc_term = lines.append, marker[0]
    for s, p, o in triples:
        own = mine.get(s)
        if own is None:
            own = mine[s] = minted(s)
        if own:
            # the marker's subject is the document, minted from it: only an own triple can be the marker
            if o == _DOCUMENT and s == doc_term and p == _RDF_TYPE:
                marked = True
                continue
            append(f"{s} {p} {o}{tail}")
            continue
        if o[0] == "<":
            own = mine.get(o)
            if own is None:
                own = mine[o] = minted(o)
        if own:
            append(f"{s} {p} {o}{tail}")
        else:
            said.add(_canonical(s, p, o))
    shared = f" <{shared_graph()}> .\n"
    record = f"<{support_node(doc)}> {ASSERTS} "
    for text in sorted(said):
        lines.append(f"{text}{shared}")
        lines.append(f"{record}{_quoted(text)}{tail}")
    mark = " ".join(marker) + tail if marked else ""
    return "".join(lines).encode("utf-8"), mark.encode("utf-8"), len(lines) + marked


def unplace_nquads(doc: str, body: bytes, marker: bytes) -> bytes:
    """The document's graph as built, as N-Quads in its own graph, from what `place_nquads` made of it: its
    own quads less the `ckg:asserts` records, each shared triple it asserts, and its marker. The same
    triples as kg.rdf.Emitted.nquads (a shared triple in pyoxigraph's spelling of it), in another order."""
    tail = f" <{doc}> .\n"
    shared = f" <{shared_graph()}> ."
    record = f"<{support_node(doc)}> {ASSERTS} "
    out: list[str] = []
    for line in body.decode("utf-8").split("\n"):  # a literal's line breaks are escaped: one quad a line
        if line.endswith(shared):
            out.append(line[: -len(shared)] + tail)
        elif line and not line.startswith(record):
            out.append(line + "\n")
    return "".join(out).encode("utf-8") + marker


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_DOCUMENT = f"<{CKG.Document}>"

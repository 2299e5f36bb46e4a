"""Describe one thing in the graph: its label and types, its statements, what points at it, and the evidence
it was read from. `kg show` prints it; a resource page can render the same `Description`.

A thing is named by its IRI (`<...>`, `https://...`, or a prefixed name such as `id:council/...` or
`ckg:Council`) or by a name: a label, name, title or notation, matched whole (any case) first, then as part of
one. A name that matches nothing, or several things, is an error that says so in one line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg import iris
from kg.errors import QueryError
from kg.evidence import Evidence
from kg.evidence import evidence as checked_evidence
from kg.namespaces import PREFIXES, RDF
from kg.query import run
from kg.store import Store

# Statements shown as evidence or not at all, rather than as facts.
_NOT_FACTS = {"http://www.w3.org/ns/prov#wasDerivedFrom", "http://www.w3.org/ns/prov#wasGeneratedBy"}
# The statement that names a thing, best first.
_LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://xmlns.com/foaf/0.1/name",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
    "https://w3id.org/council-kg/def#text",
)
MAX_CANDIDATES = 5  # things named in the error when a name is ambiguous


@dataclass(frozen=True)
class Statement:
    """One statement about the thing: predicate and value (an IRI with its label, or a literal)."""

    predicate: str
    predicate_name: str  # prefixed: ckg:council, foaf:name
    value: str  # the IRI, or the literal's text
    label: str  # the IRI's label (else its prefixed name), or the literal's text
    is_iri: bool
    datatype: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Link:
    """A statement pointing at the thing: subject (with its label) and predicate."""

    subject: str
    subject_label: str
    predicate: str
    predicate_name: str


@dataclass(frozen=True)
class Description:
    """Everything `kg show` prints about one thing. `links` holds at most the limit asked for, of
    `links_total`; `evidence` are the spans of text the thing was read from (empty for reference data and
    for things named only in a document's metadata); `graphs` are the named graphs stating something
    about it (documents, the ledger, reference data)."""

    iri: str
    label: str
    types: tuple[str, ...]  # prefixed names
    facts: tuple[Statement, ...]
    links: tuple[Link, ...]
    links_total: int
    evidence: tuple[Evidence, ...]
    graphs: tuple[str, ...]


def curie(iri: str) -> str:
    """An IRI as a reader writes it: ckg:Council, id:council/durham, or the IRI itself."""
    for prefix, ns in (*PREFIXES.items(), ("id", iris.base())):
        if iri.startswith(str(ns)) and len(iri) > len(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return iri


def as_iri(text: str) -> str | None:
    """`text` as an IRI if it is written as one (<...>, http(s)/urn, or a known prefix), else None."""
    t = text.strip()
    if t.startswith("<") and t.endswith(">"):
        return t[1:-1]
    if re.match(r"^(https?|urn):", t):
        return t
    m = re.fullmatch(r"([\w-]+):(\S+)", t)
    if m:
        known = {**{p: str(ns) for p, ns in PREFIXES.items()}, "id": iris.base()}
        if m.group(1) in known:
            return known[m.group(1)] + m.group(2)
    return None


def find(store: Store, name: str) -> str:
    """The IRI of the one thing `name` names: a whole label (any case) first, then part of one."""
    if not name.strip():
        raise QueryError("give a name or an IRI to show")
    for contains in (False, True):
        bound = {"name": Literal(name.strip()), "contains": Literal(contains)}
        rows = run(store, "_describe-find", bound).rows
        things: dict[str, str] = {}
        for r in rows:
            things.setdefault(str(r["thing"]), str(r["label"]))
        if len(things) == 1:
            return next(iter(things))
        if len(things) > 1:
            first = list(things.items())[:MAX_CANDIDATES]
            shown = "; ".join(f"{label} ({curie(iri)})" for iri, label in first)
            more = f"; and {len(things) - MAX_CANDIDATES} more" if len(things) > MAX_CANDIDATES else ""
            how = "names" if not contains else "is part of the names of"
            raise QueryError(f"'{name}' {how} {len(things)} things: {shown}{more}",
                             hint="give the whole name or one IRI")
    raise QueryError(f"nothing in the store is named '{name}'",
                     hint="give a name, label or title as the documents write it, or an IRI")


def _statement(p: str, o: Identifier, label: Identifier | None) -> Statement:
    if isinstance(o, Literal):
        return Statement(p, curie(p), str(o), str(o), False,
                         str(o.datatype) if o.datatype else None, o.language)
    text = str(o)
    shown = str(label) if label is not None else (f"_:{text}" if isinstance(o, BNode) else curie(text))
    return Statement(p, curie(p), text, shown, isinstance(o, URIRef))


def describe(store: Store, thing: str, *, links: int = 50, search: Sequence[Path] = (),
             context: int = 80) -> Description:
    """Describe the thing `thing` names (an IRI, prefixed name or name: see the module). At most `links`
    statements pointing at it are kept (of `links_total`). With `search` folders, each evidence span is
    checked against its source file found there and shown with `context` characters around it."""
    iri = as_iri(thing) or find(store, thing)
    node = URIRef(iri)
    facts_rows = run(store, "_describe-facts", {"thing": node}).rows
    counts = run(store, "_describe-counts", {"thing": node}).rows
    total = next((int(r["links"]) for r in counts if "links" in r), 0)
    graphs = tuple(str(r["graph"]) for r in counts if "graph" in r)
    if not facts_rows and not total:
        raise QueryError(f"nothing in the store is about {iri}", hint="check the IRI, or give a name")
    link_rows = run(store, "_describe-links", {"thing": node}, limit=max(0, links)).rows if links else ()
    facts = tuple(_statement(str(r["p"]), r["o"], r.get("o_label"))
                  for r in facts_rows if str(r["p"]) not in _NOT_FACTS)
    label = next((f.label for p in _LABELS for f in facts if f.predicate == p and not f.is_iri), curie(iri))
    types = tuple(sorted(curie(f.value) for f in facts if f.predicate == str(RDF.type)))
    found = tuple(Link(str(r["s"]), str(r["s_label"]) if r.get("s_label") is not None else curie(str(r["s"])),
                       str(r["p"]), curie(str(r["p"]))) for r in link_rows)
    return Description(iri, label, types, tuple(f for f in facts if f.predicate != str(RDF.type)), found,
                       total, _evidence(store, iri, list(search), context), graphs)


def _evidence(store: Store, iri: str, search: list[Path], context: int) -> tuple[Evidence, ...]:
    rows = run(store, "_evidence", {"fact": URIRef(iri)}).rows
    if not rows:
        return ()
    if search:  # re-read the sources: verified quotes with their context
        return tuple(checked_evidence(store, iri, search=search, context=context))
    return tuple(Evidence(iri, str(r["document"]), str(r["file"]), int(r["start"]), int(r["end"]),
                          str(r["exact"]), int(r["page"]) if "page" in r else None) for r in rows)

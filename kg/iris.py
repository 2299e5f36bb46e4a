"""The one place data IRIs are minted. Everything under a configurable base (`KG_BASE`),
default https://w3id.org/council-kg/id/. Identity is decided by the link stage; this module
only turns decided identities into IRIs, deterministically, so re-ingest yields the same IRIs."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/council-kg/id/"


_held: str | None = None  # the base `held_base` keeps while a document's graph is made


def base() -> str:
    if _held is not None:
        return _held
    value = os.environ.get("KG_BASE", DEFAULT_BASE)
    return value if value.endswith(("/", "#")) else value + "/"


@contextmanager
def held_base() -> Iterator[None]:
    """Read `KG_BASE` once for a run of minting (kg.rdf.emit: ~160 IRIs a document, and reading the
    environment was 1.2 us of each IRI's 2); as before once the block ends."""
    global _held
    before, _held = _held, base()
    try:
        yield
    finally:
        _held = before


@lru_cache(maxsize=65_536)  # the same councils, committees, people and periods in document after document
def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Children & Young People's' -> 'children-and-young-peoples'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@lru_cache(maxsize=64)
def valid(text: str) -> bool:
    """Whether the store takes `text` as an IRI (Oxigraph checks more than a pattern can: percent escapes,
    hosts)."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(text)
    except ValueError:
        return False
    return True


def _iri(*parts: str) -> URIRef:
    return URIRef(base() + "/".join(parts))


def council(name: str) -> URIRef:
    return _iri("council", slug(name))


def committee(council_name: str, name: str) -> URIRef:
    return _iri("committee", slug(council_name), slug(name))


def meeting(council_name: str, committee_name: str, when: str) -> URIRef:
    """`when` is an ISO date, or a period label where no date is known."""
    return _iri("meeting", slug(council_name), slug(committee_name), slug(when))


def agenda_item(sha256: str) -> URIRef:
    return _iri("item", sha256[:16])


def document(sha256: str) -> URIRef:
    """A document is its text: the same rendition under two file names is one document."""
    return _iri("document", sha256[:16])


def person(council_name: str, key: str) -> URIRef:
    return _iri("person", slug(council_name), slug(key))


def post(council_name: str, title: str) -> URIRef:
    return _iri("post", slug(council_name), slug(title))


def group(council_name: str, committee_name: str, name: str) -> URIRef:
    return _iri("group", slug(council_name), slug(committee_name), slug(name))


def membership(council_name: str, person_key: str, title: str, when: str) -> URIRef:
    return _iri("membership", slug(council_name), slug(person_key), slug(title), slug(when))


def fact(kind: str, sha256: str, start: int, end: int, extra: str = "") -> URIRef:
    """A fact extracted from a document: contribution, resolution, observation, commitment."""
    tail = f"{start}-{end}" + (f"-{slug(extra)}" if extra else "")
    return _iri(kind, sha256[:16], tail)


def person_tally(sha256: str, person_key: str) -> URIRef:
    """What one document counts of one person it names (kg.rdf: questions, comments, responses there)."""
    return _iri("tally", sha256[:16], slug(person_key))


def person_key(iri: str) -> str:
    """A person IRI (`person`) -> its key as minted (slugged; `slug` leaves a slug as it is)."""
    return iri.rsplit("/", 1)[-1]


def span(sha256: str, start: int, end: int) -> URIRef:
    return _iri("span", sha256[:16], f"{start}-{end}")


def selector(sha256: str, start: int, end: int, kind: str) -> URIRef:
    return _iri("span", sha256[:16], f"{start}-{end}", kind)


def run(sha256: str) -> URIRef:
    return _iri("run", sha256[:16])


def indicator(concept_id: str) -> URIRef:
    return _iri("indicator", slug(concept_id))


def indicator_scheme() -> URIRef:
    return _iri("indicator")


def found_indicator(council_name: str, key: str) -> URIRef:
    """An indicator found in a council's documents that the scheme does not have: one per council and
    phrase (kg.indicator_link decides the key), so one council's documents share it and another's do not."""
    return _iri("found-indicator", slug(council_name), slug(key))


def found_indicator_scheme() -> URIRef:
    """The concept scheme of indicators found in documents, kept apart from the curated scheme."""
    return _iri("found-indicator")


def area(code: str) -> URIRef:
    """A non-GSS area (a comparator group): GSS areas use their statistics.data.gov.uk IRIs."""
    return _iri("area", slug(code))


def assessment(commitment_iri: str, n: int) -> URIRef:
    return URIRef(f"{commitment_iri}/assessment/{n}")


def review(commitment_iri: str, n: int) -> URIRef:
    """A person's n-th review decision on a commitment (kept in the reviews graph)."""
    return URIRef(f"{commitment_iri}/review/{n}")


def graph(name: str) -> URIRef:
    """Named graphs that are not documents: ontology, indicators, reference, ledger, reviews."""
    return _iri("graph", name)


def ledger_whole() -> URIRef:
    """The node the ledger records its digest of the whole store on (every document, its basis): when it
    holds, nothing changed since the ledger last ran to the end."""
    return _iri("graph", "ledger", "whole")


def latest_figures(council_iri: str) -> URIRef:
    """The graph of one council's kept latest figures (kg/aggregates.py), named after the council's IRI."""
    return _iri("graph", "latest-figures", council_iri.rsplit("/", 1)[-1])


def document_key(iri: str) -> str | None:
    """The 16-hex key of a document IRI (`document(sha256)`), or None for any other IRI."""
    prefix = base() + "document/"
    if not iri.startswith(prefix):
        return None
    key = iri[len(prefix):]
    return key if re.fullmatch(r"[0-9a-f]{16}", key) else None


def minted_for(iri: str, key: str) -> bool:
    """Whether `iri` was minted from the document whose key is `key`: the document, its agenda item, run,
    facts, spans and selectors all have the key as their second path segment (`<kind>/<key>[/...]`)."""
    b = base()
    if not iri.startswith(b):
        return False
    rest = iri[len(b):]
    slash = rest.find("/")
    return slash > 0 and rest.startswith(key, slash + 1) and rest[slash + 1 + len(key):][:1] in ("", "/")

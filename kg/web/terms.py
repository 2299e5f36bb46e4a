"""Terms as a person reads them on the site's pages: an IRI by its label (its short form beside it) and
linked to its own page, a literal by its value (the datatype or language only on hover)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.iris import base
from kg.namespaces import CKG, DCTERMS, FOAF, PREFIXES, RDFS, SCHEMA, SKOS

# A name before a title before a text (as kg/analytics.py picks labels).
LABELS = [str(p) for p in (FOAF.name, SKOS.prefLabel, RDFS.label, DCTERMS.title, SCHEMA.name, CKG.text)]


def prefixes() -> dict[str, str]:
    """Prefix -> namespace for short IRIs and the query page's pre-declared PREFIX lines; `id:` is this
    store's data base (KG_BASE)."""
    return {"id": base(), **{k: str(v) for k, v in PREFIXES.items()}}


def prefix_block() -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes().items())


def with_prefixes(text: str) -> str:
    """The query with PREFIX lines for the known prefixes it uses but does not declare (the query page's
    pre-declared prefixes). A declaration it does not need is harmless; the text itself is unchanged."""
    needed = [k for k in prefixes() if re.search(rf"(?<![\w.-]){re.escape(k)}:", text)
              and not re.search(rf"\bPREFIX\s+{re.escape(k)}:", text, re.I)]
    return "".join(f"PREFIX {k}: <{prefixes()[k]}>\n" for k in needed) + text


def short(iri: str) -> str:
    """ckg:Document, id:council/durham-county-council; an IRI in no known namespace stays whole."""
    best = ""
    for k, ns in prefixes().items():
        if iri.startswith(ns) and len(ns) > len(prefixes().get(best, "")):
            best = k
    return f"{best}:{iri[len(prefixes()[best]):]}" if best else iri


def resource_href(iri: str) -> str:
    return "/resource?iri=" + quote(iri, safe="")


@dataclass(frozen=True)
class Cell:
    """One term ready for a template: text shown, a link (IRIs), a hover title, its kind."""

    text: str
    href: str = ""
    title: str = ""
    kind: str = "literal"  # iri | literal | bnode | empty
    small: str = ""  # the short IRI beside a label


def cell(term: Identifier | None, labels: Mapping[str, dict]) -> Cell:
    if term is None:
        return Cell("", kind="empty")
    if isinstance(term, URIRef):
        iri = str(term)
        label = (labels.get(iri) or {}).get("label")
        s = short(iri)
        if label:
            return Cell(label, resource_href(iri), iri, "iri", s)
        return Cell(s, resource_href(iri), iri, "iri")
    if isinstance(term, BNode):
        return Cell(f"_:{term}", kind="bnode")
    if isinstance(term, Literal):
        title = f"@{term.language}" if term.language else short(str(term.datatype)) if term.datatype else ""
        return Cell(str(term), title=title)
    return Cell(str(term))


def iris_in(terms: Iterable[Identifier | None]) -> list[str]:
    seen: dict[str, None] = {}
    for t in terms:
        if isinstance(t, URIRef):
            seen.setdefault(str(t))
    return list(seen)

"""RDF terms written straight as N-Triples text, for the ingest hot path (kg.rdf's document emitter).

Building each document in an rdflib Graph cost ~20 us a triple and converting it for Oxigraph as much again;
a triple here is a tuple of three strings, the document's graph is N-Quads bytes that Oxigraph parses in
one call (kg.store). rdflib stays for export, validation and users' code.

Every term has one spelling (the lexical form rdflib gives the same Python value), so a tuple of strings
is equal exactly when rdflib's terms are, and a document's triples are deduplicated as a Graph would.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from rdflib import Literal, Namespace, URIRef


class Term(str):
    """A term already in N-Triples form ("<iri>", '"text"', '"1"^^<datatype>')."""

    __slots__ = ()


# Characters N-Triples does not allow in an IRI: one would end the term early and let text become triples.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_KNOWN: dict[str, Term] = {}  # IRIs met often (classes, councils, periods); bounded, see iri()
_KNOWN_MAX = 20_000


def iri(value: str) -> Term:
    """`<value>`; ValueError for text that is not an IRI (Oxigraph would refuse it too)."""
    known = _KNOWN.get(value)
    if known is not None:
        return known
    if not value or _NOT_IRI.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    term = Term(f"<{value}>")  # a str, not a URIRef: URIRef + str makes (and checks) another URIRef
    if len(_KNOWN) < _KNOWN_MAX and "/span/" not in value:  # spans and facts are one-offs: not kept
        _KNOWN[value] = term
    return term


def plain(text: str) -> Term:
    """A plain (xsd:string) literal."""
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = text.translate(_ESCAPE)
    return Term(f'"{text}"')


def typed(value: object, datatype: Term) -> Term:
    """`Literal(value, datatype=...)`'s lexical form, as rdflib writes it: a Decimal in positional notation,
    booleans in lower case, anything else as str()."""
    if isinstance(value, bool):
        lexical = "true" if value else "false"
    elif isinstance(value, Decimal):
        lexical = f"{value:f}"
    else:
        lexical = str(value)
    return Term(f"{plain(lexical)}^^{datatype}")


def literal(lit: Literal) -> Term:
    if lit.language:
        return Term(f"{plain(str(lit))}@{lit.language}")
    if lit.datatype is not None:
        return Term(f"{plain(str(lit))}^^{iri(lit.datatype)}")
    return plain(str(lit))


def term(o: object) -> Term:
    """A term for an object position: a Term as it is, an IRI, a plain string, or any value rdflib's
    Literal takes (typed as rdflib types it)."""
    kind = type(o)
    if kind is Term:
        return o  # type: ignore[return-value]
    if kind is str:
        return plain(o)  # type: ignore[arg-type]
    if kind is URIRef:
        return iri(o)  # type: ignore[arg-type]
    if kind is bool:
        return _boolean(o)  # type: ignore[arg-type]
    if isinstance(o, Literal):
        return literal(o)
    return literal(Literal(o))


@cache  # two values, each made as any other value is; a Literal costs ~20 us a call
def _boolean(value: bool) -> Term:
    return literal(Literal(value))


class Vocab:
    """A namespace's terms as Terms: `Vocab(CKG).Document`, `Vocab(GSS)[code]`; each formatted once (an
    attribute, once read, is a plain attribute of the instance)."""

    def __init__(self, ns: Namespace | dict[str, URIRef]) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> Term:
        if name.startswith("_"):
            raise AttributeError(name)
        value = iri(str(self._ns[name]))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> Term:
        return iri(str(self._ns[name]))


def nquads(triples: object, graph: str) -> bytes:
    """The triples (tuples of Terms) as N-Quads in `graph`, UTF-8."""
    g = " " + iri(graph) + " .\n"
    return "".join(f"{s} {p} {o}{g}" for s, p, o in triples).encode("utf-8")  # type: ignore[attr-defined]

"""kg/terms.py: terms written as N-Triples text are the terms rdflib and Oxigraph read from it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Literal, Namespace, URIRef

from kg.store import to_ox
from kg.terms import Term, Vocab, iri, nquads, plain, term, typed

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest does not probe it


@pytest.mark.parametrize("value", [
    "plain", "", 'say "no"', "back\\slash", "two\nlines\r\n", "tab\there", "Ünïcödé – £5", "<not an iri>",
])
def test_a_string_is_the_literal_oxigraph_reads(value: str) -> None:
    """Quotes, backslashes and line breaks are escaped; the text read back is the text written."""
    (q,) = ox.parse(f"<https://x.example/s> <https://x.example/p> {plain(value)} .\n".encode(),
                    format=ox.RdfFormat.N_TRIPLES)
    assert q.object == ox.Literal(value)


@pytest.mark.parametrize(("value", "datatype"), [
    (Decimal("1E+2"), XSD.decimal), (Decimal("1.50"), XSD.decimal), (Decimal("-0"), XSD.decimal),
    (21.5, XSD.decimal), (1e16, XSD.decimal), (12, XSD.integer), (0, XSD.nonNegativeInteger),
    ("2024-01-02", XSD.date), (True, XSD.boolean),
])
def test_a_typed_value_is_spelled_as_rdflib_spells_it(value: object, datatype: URIRef) -> None:
    """The lexical form is rdflib's for the same Python value, so the store holds what it held before."""
    expected = to_ox(Literal(value, datatype=datatype))
    (q,) = ox.parse(f"<https://x.example/s> <https://x.example/p> {typed(value, iri(datatype))} .\n".encode(),
                    format=ox.RdfFormat.N_TRIPLES)
    assert q.object == expected


@pytest.mark.parametrize("value", [True, False, 3, 2.5, dt.date(2024, 1, 2), "text", Literal("x", lang="en"),
                                   URIRef("https://x.example/o")])
def test_any_object_is_the_term_rdflib_makes_of_it(value: object) -> None:
    """Python values are typed as rdflib's Literal types them; IRIs and Literals keep their kind."""
    expected = to_ox(value if isinstance(value, (URIRef, Literal)) else Literal(value))
    (q,) = ox.parse(f"<https://x.example/s> <https://x.example/p> {term(value)} .\n".encode(),
                    format=ox.RdfFormat.N_TRIPLES)
    assert q.object == expected


@pytest.mark.parametrize("bad", ["https://x.example/a b", "https://x.example/a> <https://evil", "", "a\nb"])
def test_text_that_is_not_an_iri_is_refused(bad: str) -> None:
    """A character N-Triples forbids in an IRI would end the term early and let text become triples."""
    with pytest.raises(ValueError, match="not a valid IRI"):
        iri(bad)


def test_a_vocabulary_and_nquads() -> None:
    """A namespace's terms are IRIs formatted once; triples become N-Quads in the named graph."""
    v = Vocab(XSD)
    assert v.integer == f"<{XSD.integer}>" and type(v.integer) is Term and v["date"] == f"<{XSD.date}>"
    data = nquads([(iri("https://x.example/s"), v.integer, plain("1"))], "https://x.example/g")
    (q,) = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    assert q.graph_name == ox.NamedNode("https://x.example/g")

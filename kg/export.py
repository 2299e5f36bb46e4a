"""Export the store as TriG, N-Quads, Turtle (union of graphs) or JSON-LD."""

from __future__ import annotations

from rdflib import Dataset

from kg.errors import QueryError
from kg.store import Store

FORMATS = ("trig", "nquads", "turtle", "jsonld")


def export(store: Store, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format '{fmt}'", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "jsonld":
        ds = Dataset()
        ds.parse(data=store.export("nquads"), format="nquads")
        return ds.serialize(format="json-ld", indent=1).encode()
    return store.export(fmt)

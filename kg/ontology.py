"""Where the ontology and shapes live: `ontology/` at the top of the checkout (kg/_ontology in a wheel)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

_HERE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    for candidate in (_HERE.parent / "ontology", _HERE / "_ontology"):
        if (candidate / "council-kg.ttl").exists():
            return candidate
    raise FileNotFoundError("ontology/council-kg.ttl not found beside the package")


@cache
def _parsed(name: str) -> Graph:
    return Graph().parse(ontology_dir() / name, format="turtle")


def ontology_graph() -> Graph:
    g = Graph()
    g += _parsed("council-kg.ttl")
    return g


def shapes_graph() -> Graph:
    g = Graph()
    g += _parsed("shapes.ttl")
    return g

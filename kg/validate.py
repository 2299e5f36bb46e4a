"""Validate the graph against ontology/shapes.ttl with pyshacl, and say what is wrong in plain words.

The data graph is the union of the store's graphs (documents, indicator scheme, reference data, ledger),
or one document's graph with the indicator scheme and reference data it points into. The ontology graph
is left out: kg/rdf.py asserts every superclass type the shapes rely on, so no inference is needed, and
validating the seeds takes about two seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg import iris, layout
from kg.errors import KgError, ValidationFailed
from kg.namespaces import PREFIXES, RDF
from kg.ontology import shapes_graph
from kg.store import Store

SHAPES_NS = "https://w3id.org/council-kg/shapes#"
# Graphs that describe the vocabulary or the store itself, not data: never validated as data.
_NOT_DATA = ("ontology", "meta")
# Graphs one document's facts point into (indicator concepts, councils, areas).
_CONTEXT = ("indicators", "reference")


@dataclass(frozen=True)
class Problem:
    """One SHACL result: which node, which shape, what is wrong."""

    node: str
    shape: str
    message: str
    severity: str = "Violation"  # Violation | Warning | Info
    path: str | None = None
    value: str | None = None
    node_types: tuple[str, ...] = ()

    def line(self) -> str:
        kind = f" ({', '.join(self.node_types)})" if self.node_types else ""
        value = f"; value {self.value}" if self.value is not None else ""
        return f"{self.severity.lower()}: {self.node}{kind}: {self.message} [shape {self.shape}{value}]"


@dataclass(frozen=True)
class ValidationReport:
    problems: tuple[Problem, ...]
    triples: int
    scope: str  # "store" or the document's IRI

    @property
    def violations(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "Violation")

    @property
    def conforms(self) -> bool:
        return not self.violations


def _short(term: Node | None) -> str | None:
    """A term as a reader writes it: ckg:Observation, id:observation/..., or the literal's text."""
    if term is None:
        return None
    text = str(term)
    if isinstance(term, URIRef):
        if text.startswith(SHAPES_NS):
            return "ckgsh:" + text[len(SHAPES_NS):]
        for prefix, ns in (*PREFIXES.items(), ("id", iris.base())):
            if text.startswith(str(ns)) and len(text) > len(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
        return f"<{text}>"
    return repr(text) if text else "''"


def validate_graph(data: Graph, scope: str = "graph") -> ValidationReport:
    """Run pyshacl over `data` with the project's shapes; every result becomes a Problem."""
    from pyshacl import validate as shacl

    shapes = shapes_graph()
    _, results, _ = shacl(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    problems = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        node = results.value(r, SH.focusNode)
        source = results.value(r, SH.sourceShape)
        # A message on the shape itself reads better than pyshacl's generic one.
        message = shapes.value(source, SH.message) or results.value(r, SH.resultMessage) or "does not conform"
        severity = results.value(r, SH.resultSeverity)
        problems.append(Problem(
            node=_short(node) or "?",
            shape=_short(source) or "(anonymous shape)",
            message=str(message),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            path=_short(results.value(r, SH.resultPath)),
            value=_short(results.value(r, SH.value)),
            node_types=tuple(sorted(_short(t) or "" for t in data.objects(node, RDF.type))),
        ))
    problems.sort(key=lambda p: (p.severity != "Violation", p.node, p.shape, p.value or ""))
    return ValidationReport(tuple(problems), len(data), scope)


def find_document(store: Store, document: str) -> str:
    """A document's IRI from its IRI, source path or file name."""
    hits = [d.iri for d in store.documents()
            if document in (d.iri, *d.sources) or any(Path(s).name == document for s in d.sources)]
    if not hits:
        raise KgError(f"no document '{document}' in the store", hint="see `kg query documents`")
    return hits[0]


# A progress callback: (step, done, total or None); kg.terminal.Steps draws it.
Progress = Callable[[str, int, int | None], None]


def data_graph(store: Store, document: str | None = None, *,
               progress: Progress | None = None) -> tuple[Graph, str]:
    """The graph to validate, and its scope: the store's data graphs, or one document's with its context."""
    skip = {str(iris.graph(n)) for n in _NOT_DATA}
    if document is None:
        names, scope = [g for g in store.named_graphs() if g not in skip], "store"
    else:
        scope = find_document(store, document)
        names = [scope, *(str(iris.graph(n)) for n in _CONTEXT)]
    g = Graph()
    for i, name in enumerate(names):
        if progress:
            progress("reading the graphs", i, len(names))
        # a document's graph with the shared triples it asserts (kg.layout), so its context is whole
        g += store.document_graph(name) if layout.is_document(name) else store.graph(name)
    if progress:
        progress("reading the graphs", len(names), len(names))
    return g, scope


def validate(store: Store, document: str | None = None, *,
             progress: Progress | None = None) -> ValidationReport:
    """Validate the store (or one document's graph, given by IRI, source path or file name)."""
    g, scope = data_graph(store, document, progress=progress)
    if progress:  # one pass of pyshacl: no count to show, only the time it has taken
        progress(f"checking {len(g):,} triples against the shapes", 0, None)
    return validate_graph(g, scope)


def check(store: Store, document: str | None = None, *,
          on_problem: Callable[[Problem], None] | None = None,
          progress: Progress | None = None) -> ValidationReport:
    """Validate, hand each problem to `on_problem`, and raise ValidationFailed if any is a violation."""
    report = validate(store, document, progress=progress)
    for p in report.problems:
        if on_problem:
            on_problem(p)
    if not report.conforms:
        n, w = len(report.violations), len(report.problems) - len(report.violations)
        raise ValidationFailed(
            f"{n} violation{'s' if n != 1 else ''}"
            + (f" and {w} warning{'s' if w != 1 else ''}" if w else "")
            + f": the {'store' if report.scope == 'store' else 'document'} does not conform to the shapes",
            hint="see the lines above; each names the node, the shape and the problem")
    return report

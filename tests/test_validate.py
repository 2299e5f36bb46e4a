"""kg/validate.py and `kg validate`: the seeds' graph conforms to ontology/shapes.ttl, and a planted violation
is reported naming the node, the shape and the problem, through the library and through the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError, ValidationFailed
from kg.indicators import concepts
from kg.ingest import ensure_reference
from kg.namespaces import CKG, OA, PROV, QB, RDF, SCHEMA
from kg.rdf import reference_graph, scheme_graph
from kg.store import LocalStore
from kg.validate import check, validate, validate_graph

SAMPLE = Path(__file__).resolve().parent / "data" / "rdf" / "sample.ttl"
ID = "https://w3id.org/council-kg/id/"
# A plain IRI, not rdflib's XSD namespace object, which pytest's collection pokes at and warns about.
NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
runner = CliRunner()


def sample() -> Graph:
    """A valid document graph (kg/rdf.py's output for tests/test_rdf.py's sample extraction)."""
    return Graph().parse(SAMPLE, format="turtle")


def with_context(g: Graph) -> Graph:
    return g + scheme_graph(concepts()) + reference_graph()


def one(g: Graph, cls: URIRef) -> URIRef:
    nodes = list(g.subjects(RDF.type, cls))
    assert len(nodes) == 1
    return nodes[0]  # type: ignore[return-value]


# ---- the seeds and the sample conform


def test_seeds_store_conforms(seeds_store: LocalStore) -> None:
    report = validate(seeds_store)
    assert report.conforms, "\n".join(p.line() for p in report.violations)
    assert report.scope == "store" and report.triples > 500


def test_each_seed_document_conforms_on_its_own(seeds_store: LocalStore) -> None:
    docs = seeds_store.documents()
    assert len(docs) == 5
    for d in docs:
        report = validate(seeds_store, Path(d.sources[0]).name)
        assert report.scope == d.iri
        assert report.conforms, "\n".join(p.line() for p in report.violations)


def test_sample_graph_conforms() -> None:
    report = validate_graph(with_context(sample()))
    assert report.conforms, "\n".join(p.line() for p in report.violations)


def test_unknown_document_is_one_kg_error(seeds_store: LocalStore) -> None:
    with pytest.raises(KgError, match="no document 'nope.txt'"):
        validate(seeds_store, "nope.txt")


# ---- planted violations, each named by node, shape and problem


def _no_indicator(g: Graph) -> str:
    obs = one(g, QB.Observation)
    g.remove((obs, CKG.indicator, None))
    return str(obs)


def _bad_due_kind(g: Graph) -> str:
    c = one(g, CKG.Commitment)
    g.set((c, CKG.dueKind, Literal("soon")))
    return str(c)


def _due_date_missing(g: Graph) -> str:
    c = one(g, CKG.Commitment)
    g.set((c, CKG.dueKind, Literal("date")))
    return str(c)


def _bad_measure(g: Graph) -> str:
    obs = one(g, QB.Observation)
    g.set((obs, CKG.measure, URIRef(str(CKG) + "median")))
    return str(obs)


def _question_of_wrong_kind(g: Graph) -> str:
    q = one(g, SCHEMA.Question)
    g.set((q, CKG.kind, Literal("comment")))
    return str(q)


def _span_backwards(g: Graph) -> str:
    sel = next(s for s in g.subjects(RDF.type, OA.TextPositionSelector) if str(s).endswith("/85-140/pos"))
    g.set((sel, OA.start, Literal(200, datatype=NON_NEGATIVE)))
    return str(sel)


def _fact_without_evidence(g: Graph) -> str:
    r = one(g, CKG.Resolution)
    g.remove((r, PROV.wasDerivedFrom, None))
    return str(r)


def _assessment_undated(g: Graph) -> str:
    c = one(g, CKG.Commitment)
    a = URIRef(f"{c}/assessment/1")
    g.add((c, CKG.assessment, a))
    g.add((a, RDF.type, CKG.StatusAssessment))
    g.add((a, CKG.status, Literal("open")))
    return str(a)


PLANTED: dict[str, tuple[Callable[[Graph], str], str, str]] = {
    "observation without an indicator": (_no_indicator, "ckgsh:Observation-indicator",
                                         "exactly one indicator"),
    "commitment with an invalid dueKind": (_bad_due_kind, "ckgsh:Commitment-dueKind", "next_meeting"),
    "dueKind date without a date": (_due_date_missing, "ckgsh:CommitmentDated", "must give the date"),
    "measure outside the value set": (_bad_measure, "ckgsh:Observation-measure", "ckg:actual, ckg:target"),
    "schema:Question of kind comment": (_question_of_wrong_kind, "ckgsh:Question-kind", "kind question"),
    "span whose start is after its end": (_span_backwards, "ckgsh:TextPositionSelector-start",
                                          "before its end"),
    "resolution without evidence": (_fact_without_evidence, "ckgsh:derivedFromOneSpan", "evidence span"),
    "assessment without a time": (_assessment_undated, "ckgsh:StatusAssessment-at", "never overwritten"),
}


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_planted_violation_names_node_shape_and_problem(case: str) -> None:
    plant, shape, words = PLANTED[case]
    g = sample()
    node = plant(g)
    report = validate_graph(with_context(g))
    assert not report.conforms
    hits = [p for p in report.violations if p.shape == shape]
    assert hits, f"{shape} not reported; got {[p.shape for p in report.violations]}"
    p = hits[0]
    assert p.node == "id:" + node.removeprefix(ID)
    assert words in p.message
    line = p.line()
    assert p.node in line and shape in line and p.message in line


def test_bad_due_kind_reports_the_value_and_nothing_else() -> None:
    g = sample()
    _bad_due_kind(g)
    report = validate_graph(with_context(g))
    assert [(p.shape, p.value) for p in report.violations] == [("ckgsh:Commitment-dueKind", "'soon'")]
    assert "ckg:Commitment" in report.violations[0].node_types


# ---- through a store: the library's check() and the CLI


@pytest.fixture
def planted_store(store: LocalStore) -> LocalStore:
    ensure_reference(store)
    g = sample()
    _no_indicator(g)
    _bad_due_kind(g)
    store.replace_graphs((), {f"{ID}document/41a83407f1142137": g})
    return store


def test_check_raises_validation_failed_and_hands_over_each_problem(planted_store: LocalStore) -> None:
    seen = []
    with pytest.raises(ValidationFailed, match="2 violations") as info:
        check(planted_store, on_problem=seen.append)
    assert info.value.exit_code == 7
    assert {p.shape for p in seen} == {"ckgsh:Observation-indicator", "ckgsh:Commitment-dueKind"}


def test_cli_validate_reports_planted_violations(planted_store: LocalStore) -> None:
    location = planted_store.location
    planted_store.close()
    for args in ([], ["--document", "sample.txt"]):
        res = runner.invoke(app, ["validate", "--store", location, *args], catch_exceptions=False)
        assert res.exit_code == 7, res.output
        lines = res.stdout.strip().splitlines()
        assert len(lines) == 2
        assert any("id:observation/41a83407f1142137/197-202-o1" in line
                   and "ckgsh:Observation-indicator" in line
                   and "must be a figure for exactly one indicator" in line for line in lines)
        assert any("id:commitment/41a83407f1142137/219-281" in line and "ckgsh:Commitment-dueKind" in line
                   and "value 'soon'" in line for line in lines)
        err = res.stderr.strip().splitlines()
        assert len(err) == 1 and "2 violations" in err[0] and "Traceback" not in res.stderr


def test_cli_validate_passes_on_the_seeds(seeds_store_path: Path) -> None:
    res = runner.invoke(app, ["validate", "--store", str(seeds_store_path)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "conform to the shapes" in res.stderr
    assert not [line for line in res.stdout.splitlines() if line.startswith("violation")]


def test_a_warning_is_reported_but_the_graph_still_conforms() -> None:
    g = sample()
    person = URIRef(ID + "person/durham-county-council/councillor-smith")
    g.add((person, RDF.type, CKG.Officer))  # two documents disagreeing on the role
    report = validate_graph(with_context(g))
    assert report.conforms
    (warning,) = report.problems
    assert (warning.severity, warning.shape) == ("Warning", "ckgsh:PersonOneRole")
    assert warning.line().startswith("warning: id:person/durham-county-council/councillor-smith")

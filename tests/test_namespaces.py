"""The vocabulary: ontology/council-kg.ttl and kg/namespaces.py define the same ckg: terms, every ckg: term
the code or the queries use is defined, and the ontology and shapes parse and are documented."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from rdflib import BNode, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg import model
from kg.namespaces import CKG, ONTOLOGY_IRI
from kg.ontology import ontology_dir, ontology_graph, shapes_graph

ROOT = Path(__file__).resolve().parent.parent
NS = str(CKG._NS)


def ttl_terms() -> set[str]:
    """Every ckg: IRI the ontology declares (as a subject with a type)."""
    g = ontology_graph()
    return {str(s)[len(NS):] for s in g.subjects(RDF.type) if isinstance(s, URIRef) and str(s).startswith(NS)}


def py_terms() -> set[str]:
    return {name for name in CKG.__annotations__ if not name.startswith("_")}


def test_ontology_and_shapes_parse() -> None:
    onto, shapes = ontology_graph(), shapes_graph()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert len(onto) > 300 and len(shapes) > 300
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_ttl_and_namespaces_define_the_same_terms() -> None:
    ttl, py = ttl_terms(), py_terms()
    assert ttl - py == set(), "in the .ttl but not in kg/namespaces.py CKG"
    assert py - ttl == set(), "in kg/namespaces.py CKG but not defined in the .ttl"


def test_every_term_has_a_label_and_a_comment() -> None:
    g = ontology_graph()
    for term in sorted(ttl_terms()):
        iri = CKG[term]
        assert g.value(iri, RDFS.label), f"ckg:{term} has no rdfs:label"
        assert g.value(iri, RDFS.comment), f"ckg:{term} has no rdfs:comment"


def _used_in_python() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        names = re.findall(r"\bCKG\.([A-Za-z_]\w*)", text)
        names += re.findall(r"\bCKG\[\s*[\"'](\w+)[\"']\s*\]", text)
        for name in names:
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)))
        for name in re.findall(r"council-kg/def#(\w+)", text):
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return used


def _used_in_queries() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in sorted((ROOT / "kg" / "queries").glob("*.rq")):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = "\n".join(line for line in lines if not line.startswith("#"))
        for name in re.findall(r"\bckg:(\w+)", body):
            used.setdefault(name, set()).add(path.name)
    return used


def test_every_ckg_term_used_in_code_and_queries_is_defined() -> None:
    defined = ttl_terms()
    used = {**_used_in_python()}
    for name, where in _used_in_queries().items():
        used.setdefault(name, set()).update(where)
    # kg/rdf.py writes CKG[measure] for each measure kind the model allows.
    for measure in typing.get_args(model.Measure):
        used.setdefault(measure, set()).add("kg/model.py Measure")
    missing = {name: sorted(where) for name, where in used.items() if name not in defined and name != "_NS"}
    assert not missing, f"ckg: terms used but not defined in the ontology: {missing}"
    assert len(used) > 40  # the scan found the code's terms, not nothing


def test_scan_would_catch_an_undefined_term() -> None:
    # The check above is only as good as its scan: an invented term must be seen as undefined.
    assert "notARealTerm" not in ttl_terms()
    assert re.findall(r"\bCKG\.([A-Za-z_]\w*)", "x = CKG.notARealTerm") == ["notARealTerm"]
    with pytest.raises(AttributeError):
        _ = CKG.notARealTerm  # DefinedNamespace with _fail=True refuses unknown terms


def test_reused_vocabularies_as_the_issue_asks() -> None:
    g = ontology_graph()
    sub = {(s, o) for s, o in g.subject_objects(RDFS.subClassOf) if isinstance(o, URIRef)}
    org, schema, foaf = "http://www.w3.org/ns/org#", "https://schema.org/", "http://xmlns.com/foaf/0.1/"
    expected = {
        (CKG.Council, URIRef(org + "FormalOrganization")),
        (CKG.Committee, URIRef(org + "OrganizationalUnit")),
        (CKG.Meeting, URIRef(schema + "Event")), (CKG.AgendaItem, URIRef(schema + "Event")),
        (CKG.Document, URIRef(foaf + "Document")), (CKG.Councillor, URIRef(foaf + "Person")),
        (CKG.Officer, URIRef(foaf + "Person")), (CKG.Commitment, URIRef(schema + "Action")),
        (CKG.Indicator, URIRef("http://www.w3.org/2004/02/skos/core#Concept")),
        (CKG.ExtractionRun, URIRef("http://www.w3.org/ns/prov#Activity")),
        (CKG.EvidenceSpan, URIRef("http://www.w3.org/ns/oa#SpecificResource")),
        (CKG.ComparatorGroup, CKG.Area),
    }
    assert expected <= sub
    gss = "http://statistics.data.gov.uk/id/statistical-geography/"
    examples = {str(o) for o in g.objects(CKG.Area, URIRef("http://www.w3.org/2004/02/skos/core#example"))}
    assert {gss + c for c in ("E06000047", "E06000005", "E92000001", "E12000001")} <= examples


def test_no_reification_and_no_rdf_star() -> None:
    for g in (ontology_graph(), shapes_graph()):
        assert not set(g.triples((None, RDF.type, RDF.Statement)))
        assert not set(g.triples((None, RDF.subject, None)))
    for name in ("council-kg.ttl", "shapes.ttl"):
        assert "<<" not in (ontology_dir() / name).read_text(encoding="utf-8")
    assert "RDF.Statement" not in (ROOT / "kg" / "rdf.py").read_text(encoding="utf-8")


def test_every_shape_and_property_shape_has_an_iri_and_a_message() -> None:
    g = shapes_graph()
    targeted = set(g.subjects(SH.targetClass))
    props = set(g.objects(None, SH.property))
    plumbing = {RDF.type, SH.targetClass, SH.property, SH.severity, SH.message}
    for shape in targeted | props:
        assert not isinstance(shape, BNode), "shapes are named so a report can name them"
        # A node shape that only gathers property shapes reports through their messages.
        constrains = shape in props or set(g.predicates(shape)) - plumbing
        assert not constrains or g.value(shape, SH.message), f"{shape} has no sh:message"
    assert len(props) > 100


def test_a_shape_for_every_class_the_project_writes() -> None:
    targets = set(shapes_graph().objects(None, SH.targetClass))
    for term in ("Document", "Council", "Committee", "Meeting", "AgendaItem", "Councillor", "Officer",
                 "OtherPerson", "Contribution", "Resolution", "Indicator", "Commitment", "StatusAssessment",
                 "EvidenceSpan", "ExtractionRun", "ProgressStatement", "SpeakerGroup", "Area",
                 "ComparatorGroup", "Period"):
        assert CKG[term] in targets, f"no shape targets ckg:{term}"
    for iri in ("http://xmlns.com/foaf/0.1/Person", "http://www.w3.org/ns/org#Post",
                "http://www.w3.org/ns/org#Membership", "http://purl.org/linked-data/cube#Observation",
                "http://www.w3.org/2004/02/skos/core#Concept", "http://www.w3.org/ns/oa#TextPositionSelector",
                "http://www.w3.org/ns/oa#TextQuoteSelector"):
        assert URIRef(iri) in targets, f"no shape targets <{iri}>"


def test_every_class_in_the_seeds_graph_has_a_shape(seeds_store) -> None:  # noqa: ANN001
    """Whatever the extractors write, a shape checks it: a class is targeted, or it is a superclass of a
    targeted class in the ontology (foaf:Document of ckg:Document)."""
    from kg.validate import data_graph

    data, _ = data_graph(seeds_store)
    onto = ontology_graph()
    targets = set(shapes_graph().objects(None, SH.targetClass))
    supers = {o for t in targets for o in onto.transitive_objects(t, RDFS.subClassOf)}
    types = set(data.objects(None, RDF.type))
    assert CKG.Document in types and CKG.Meeting in types
    assert types - targets - supers == set()

"""kg/docs.py: the ontology's reference page is generated from the .ttl, and docs/ontology.md is current."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from kg.docs import curie, main, render, write
from kg.namespaces import CKG
from kg.ontology import ontology_dir, ontology_graph, shapes_graph

ROOT = Path(__file__).resolve().parent.parent


def test_committed_page_is_current() -> None:
    committed = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    fresh = render(ontology_graph(), shapes_graph())
    assert committed == fresh, "run `make docs` and commit docs/ontology.md"


def test_page_documents_every_term_with_its_label_domain_and_range() -> None:
    page = render(ontology_graph(), shapes_graph())
    for term in CKG.__annotations__:
        assert f"ckg:{term}" in page, f"ckg:{term} missing from the reference page"
    assert "| `ckg:heldPost` | held post | `org:Membership` | `org:Post` |" in page
    # An owl:unionOf range reads as alternatives.
    assert "`foaf:Person` or `org:Post` or `ckg:SpeakerGroup`" in page
    assert "| `org:Membership` | A person holding a post as of a meeting" in page
    assert "### ckg:Observation" not in page and "### qb:Observation" in page  # constraints, by class
    assert "one of `next_meeting`, `next_update`, `future_meeting`, `date`, `none`" in page


def test_page_follows_the_ttl_it_is_given(tmp_path: Path) -> None:
    ttl = tmp_path / "onto" / "council-kg.ttl"
    ttl.parent.mkdir()
    extra = ('\n<https://w3id.org/council-kg/def#Hearing> a <http://www.w3.org/2002/07/owl#Class> ;\n'
             '    <http://www.w3.org/2000/01/rdf-schema#label> "Hearing" ;\n'
             '    <http://www.w3.org/2000/01/rdf-schema#comment> "A planted class." .\n')
    ttl.write_text((ontology_dir() / "council-kg.ttl").read_text(encoding="utf-8") + extra, encoding="utf-8")
    out = tmp_path / "docs" / "ontology.md"
    assert main([str(ttl), str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "### ckg:Hearing" in text and "**Hearing.** A planted class." in text
    assert "## Constraints" not in text  # no shapes.ttl beside this copy
    assert write(ttl, out) == text
    assert main([]) == 2


def test_curie() -> None:
    g = Graph()
    assert curie(CKG.Council, g) == "ckg:Council"
    assert curie(URIRef("https://w3id.org/council-kg/nowhere#x")) == "<https://w3id.org/council-kg/nowhere#x>"

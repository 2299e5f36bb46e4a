"""kg/store.py: the embedded store's in-place graph rewrite does what the generic read-and-write-back does."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.store import LocalStore, Store

EX = "https://x.example/"
G = EX + "ledger"


def _ledger() -> Graph:
    g = Graph()
    for c in ("c1", "c2"):
        for n in (1, 2):
            a = URIRef(f"{EX}{c}/a/{n}")
            g.add((URIRef(EX + c), URIRef(EX + "assessment"), a))
            g.add((a, URIRef(EX + "status"), Literal(f"{c}-{n}")))
    g.add((URIRef(EX + "committee"), URIRef(EX + "sha256"), Literal("old")))
    return g


def test_rewrite_in_place_equals_reading_and_writing_the_graph_back(tmp_path: Path) -> None:
    """Dropping a commitment, its assessments (followed by predicate) and a digest, then adding new triples,
    leaves the same graph whether done by one SPARQL update or by the generic whole-graph rewrite."""
    new = Graph()
    new.add((URIRef(EX + "c1"), URIRef(EX + "assessment"), URIRef(EX + "c1/a/9")))
    new.add((URIRef(EX + "committee"), URIRef(EX + "sha256"), Literal("new")))
    graphs = []
    for name, rewrite in (("local", LocalStore.rewrite), ("generic", Store.rewrite)):
        with LocalStore(tmp_path / name) as st:
            st.replace_graphs((), {G: _ledger()})
            rewrite(st, G, [EX + "c1", EX + "committee"], EX + "assessment", new)
            graphs.append(st.graph(G))
    local, generic = graphs
    assert set(local) == set(generic)
    assert (URIRef(EX + "c1/a/1"), URIRef(EX + "status"), Literal("c1-1")) not in local  # followed, dropped
    assert (URIRef(EX + "c2/a/1"), URIRef(EX + "status"), Literal("c2-1")) in local  # another commitment kept
    assert set(local.objects(URIRef(EX + "committee"), URIRef(EX + "sha256"))) == {Literal("new")}

"""Network analytics: the graph loaded from the store, and the rankings computed over it."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from vizstores import ledger_store

from kg.analytics import (
    components,
    contribution_network,
    counts_by_type,
    indicators_discussed,
    load_graph,
    most_active,
    stats,
)
from kg.errors import QueryError
from kg.namespaces import CKG
from kg.query import run
from kg.store import LocalStore


def test_load_graph_has_the_seeds_bodies_with_human_labels(seeds_store: LocalStore) -> None:
    g = load_graph(seeds_store)
    kinds = nx.get_node_attributes(g, "kind")
    councils = {g.nodes[n]["label"] for n, k in kinds.items() if k == "council"}
    assert {"Durham County Council", "Darlington Borough Council"} <= councils
    summary = run(seeds_store, "summary").rows[0]
    assert sum(1 for k in kinds.values() if k == "meeting") == int(summary["meetings"])
    assert sum(1 for k in kinds.values() if k == "committee") == int(summary["committees"])
    # Labels are names and titles, never IRIs.
    assert not [n for n, d in g.nodes(data=True) if d["label"].startswith("http")]


def test_council_part_keeps_one_council(seeds_store: LocalStore) -> None:
    whole = load_graph(seeds_store)
    durham = load_graph(seeds_store, council="durham county council")
    labels = {d["label"] for _, d in durham.nodes(data=True) if d["kind"] in ("council", "committee")}
    assert "Durham County Council" in labels
    assert "Darlington Borough Council" not in labels
    assert "Children and Young People Scrutiny Committee" not in labels  # Darlington's committee
    assert 0 < durham.number_of_nodes() < whole.number_of_nodes()


def test_unknown_council_is_a_clear_error(seeds_store: LocalStore) -> None:
    with pytest.raises(QueryError, match="no single council matches 'Atlantis'"):
        load_graph(seeds_store, council="Atlantis")


def _minuted(g: nx.MultiDiGraph, key: str, speaker: str, responds_to: str | None = None) -> None:
    g.add_node(key, kind="contribution", label=key, evidence=[("q", "urn:d", "doc")])
    g.add_edge(key, speaker, key=str(CKG.speaker))
    if responds_to:
        g.add_edge(key, responds_to, key=str(CKG.respondsTo))


def _exchange_graph() -> nx.MultiDiGraph:
    """A asks B twice; C asks B once; B and D are posts; D answers C once."""
    g = nx.MultiDiGraph()
    kinds = (("A", "councillor"), ("C", "councillor"), ("B", "post"), ("D", "post"), ("I", "indicator"))
    for n, kind in kinds:
        g.add_node(n, kind=kind, label=f"Speaker {n}", evidence=[])
    _minuted(g, "q1", "A")
    _minuted(g, "r1", "B", "q1")
    _minuted(g, "q2", "A")
    _minuted(g, "r2", "B", "q2")
    _minuted(g, "q3", "C")
    _minuted(g, "r3", "B", "q3")
    _minuted(g, "r4", "D", "q3")
    g.add_edge("q1", "I", key=str(CKG.topic))
    g.add_edge("q3", "I", key=str(CKG.topic))
    return g


def test_contribution_network_counts_exchanges() -> None:
    net = contribution_network(_exchange_graph())
    assert net["A"]["B"]["weight"] == 2
    assert net.nodes["B"]["contributions"] == 3
    assert set(net.neighbors("C")) == {"B", "D"}


def test_most_active_ranks_by_contributions_then_centrality() -> None:
    g = _exchange_graph()
    ranked = most_active(g, top=10)
    assert [r["label"] for r in ranked][:1] == ["Speaker B"]
    by = {r["label"]: r for r in ranked}
    # C sits between B's side and D: the only councillor with betweenness.
    assert by["Speaker C"]["betweenness"] > 0 == by["Speaker A"]["betweenness"]
    assert by["Speaker B"]["degree"] == 2
    assert [r["label"] for r in most_active(g, kinds=("councillor",))] == ["Speaker A", "Speaker C"]
    assert [r["label"] for r in most_active(g, kinds=("post",))] == ["Speaker B", "Speaker D"]


def test_indicators_discussed_counts_contributions_and_documents() -> None:
    rows = indicators_discussed(_exchange_graph())
    assert rows == [{"node": "I", "label": "Speaker I", "contributions": 2, "figures": 0, "commitments": 0,
                     "documents": 1, "total": 2}]


def test_components_and_counts() -> None:
    g = _exchange_graph()
    g.add_node("lonely", kind="meeting", label="A meeting nobody spoke at", evidence=[])
    comps = components(g)
    assert [c["size"] for c in comps] == [g.number_of_nodes() - 1, 1]
    assert comps[1]["example"] == "A meeting nobody spoke at"
    assert counts_by_type(g)["Contribution"] == 7


def test_stats_is_plain_data(seeds_store: LocalStore) -> None:
    s = stats(seeds_store, council="Durham", top=3)
    assert json.loads(json.dumps(s)) == s
    assert s["counts"]["Council"] == 1
    assert len(s["councillors"]) <= 3 and all(r["kind"] == "councillor" for r in s["councillors"])
    assert s["components"]["count"] >= 1


def test_commitments_reach_the_graph(tmp_path) -> None:  # noqa: ANN001
    with LocalStore(ledger_store(tmp_path / "store"), read_only=True) as st:
        g = load_graph(st)
    commitments = [d for _, d in g.nodes(data=True) if d["kind"] == "commitment"]
    assert len(commitments) == 3
    assert all(d["evidence"][0][2] == "January minutes" for d in commitments)

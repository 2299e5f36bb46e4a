"""Graph views: what each view holds, the node budget, escaping, and the `kg viz` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner
from vizstores import EVIL, ex, ledger_store

from kg.cli import app
from kg.errors import QueryError
from kg.store import LocalStore
from kg.viz import (
    _lanes,
    apply_budget,
    build,
    focus,
    followups,
    overview,
    query_view,
    render,
    synthetic_view,
    tooltip,
    write_view,
)


def page_nodes(html: str) -> list[dict]:
    """The node list a page hands to vis.js."""
    m = re.search(r"var nodes = new vis\.DataSet\((.*?)\);\n", html, re.S)
    assert m, "no vis.js node list in the page"
    return json.loads(m.group(1))


@pytest.fixture
def ledger(tmp_path: Path) -> LocalStore:
    st = LocalStore(ledger_store(tmp_path / "store"), read_only=True)
    yield st
    st.close()


def test_overview_of_a_council(seeds_store: LocalStore) -> None:
    view = overview(seeds_store, "Durham")
    kinds = {d["kind"] for _, d in view.nodes(data=True)}
    assert {"council", "committee", "meeting"} <= kinds
    assert not kinds & {"contribution", "figure", "document"}  # folded into "spoke at" / "discussed at"
    labels = {d["label"] for _, d in view.nodes(data=True)}
    assert "Durham County Council" in labels and "Darlington Borough Council" not in labels
    assert nx.number_weakly_connected_components(view) == 1  # everything hangs off the council


def test_overview_of_every_council_when_none_is_named(seeds_store: LocalStore) -> None:
    view = overview(seeds_store)
    councils = {d["label"] for _, d in view.nodes(data=True) if d["kind"] == "council"}
    assert {"Durham County Council", "Darlington Borough Council"} <= councils


def test_meetings_are_laid_out_in_date_order() -> None:
    view = nx.MultiDiGraph()
    view.add_node("k", kind="committee", label="Panel")
    for m, date in (("m3", "2024-03-01"), ("m1", "2024-01-01"), ("m2", "2024-02-01")):
        view.add_node(m, kind="meeting", label=date, date=date)
        view.add_edge(m, "k", key="https://schema.org/organizer")
    pos = _lanes(view)
    assert sorted(("m1", "m2", "m3"), key=lambda m: pos[m][0]) == ["m1", "m2", "m3"]


def test_page_is_self_contained_with_legend_and_labels(seeds_store: LocalStore) -> None:
    html, meta = build(seeds_store, council="Durham")
    assert "vis.Network" in html and "vis-network" in html  # vis.js inlined
    assert not re.search(r"""(src|href)=["']?https?:""", html)  # nothing fetched from a CDN
    nodes = page_nodes(html)
    assert len(nodes) == meta["nodes"] > 0
    council = next(n for n in nodes if n["kind"] == "council")
    assert council["label"] == "Durham County Council" and council["shape"] == "star"
    assert 'id="legend"' in html and "Committee (" in html
    assert all(not n["label"].startswith("http") for n in nodes)
    assert all(n["title"].split(":", 1)[0] for n in nodes)  # every tooltip starts with the type


def test_tooltip_shows_type_label_quote_and_document() -> None:
    text = tooltip({"kind": "councillor", "label": "Councillor Smith", "facts": [],
                    "evidence": [("Councillor Smith asked about attendance.", "urn:d", "Minutes, May")]})
    assert text.splitlines() == ["Councillor: Councillor Smith", "“Councillor Smith asked about attendance.”",
                                 "    from Minutes, May"]


def test_focus_grows_with_depth(seeds_store: LocalStore) -> None:
    one = focus(seeds_store, "Corporate Parenting Panel", 1)
    two = focus(seeds_store, "Corporate Parenting Panel", 2)
    centre = one.graph["centre"]
    assert one.nodes[centre]["kind"] == "committee"
    assert set(one) < set(two)
    assert all(nx.has_path(one.to_undirected(), centre, n) for n in one)


def test_focus_refuses_unknown_and_ambiguous_names(seeds_store: LocalStore) -> None:
    with pytest.raises(QueryError, match="nothing in the graph is called"):
        focus(seeds_store, "Nobody Atall")
    with pytest.raises(QueryError, match="matches .* nodes"):
        focus(seeds_store, "Council")
    with pytest.raises(QueryError, match="depth"):
        focus(seeds_store, "Corporate Parenting Panel", 0)


def test_followups_chain_and_status_colours(ledger: LocalStore) -> None:
    view = followups(ledger)
    c1, c2 = str(ex("commitment/c1")), str(ex("commitment/c2"))
    assert view.nodes[c1]["status"] == "fulfilled" and view.nodes[c2]["status"] == "overdue"
    made = {(s, o) for s, o, k in view.edges(keys=True) if k == "made"}
    assert (str(ex("meeting/1")), c1) in made
    due = [o for _, o, k in view.out_edges(c2, keys=True) if k == "due"]
    assert [view.nodes[d]["label"] for d in due] == ["due 2024-02-01"]
    fulfilled = [o for s, o, k in view.edges(keys=True) if k == "fulfilled by"]
    assert [view.nodes[f]["label"] for f in fulfilled] == ["March minutes"]
    html, _ = build(ledger, show_followups=True)
    colours = {n["id"]: n["color"] for n in page_nodes(html)}
    assert colours[c1] != colours[c2]
    assert "Commitment: overdue (1)" in html


def test_query_view_of_a_select_and_a_construct(seeds_store: LocalStore) -> None:
    view = query_view(seeds_store, "documents")
    docs = [d for _, d in view.nodes(data=True) if d["kind"] == "document"]
    assert len(docs) == 5
    assert "Durham County Council" in {d["label"] for _, d in view.nodes(data=True)}
    construct = ("PREFIX org: <http://www.w3.org/ns/org#> "
                 "CONSTRUCT { ?k org:unitOf ?c } WHERE { ?k org:unitOf ?c }")
    g = query_view(seeds_store, construct)
    assert g.number_of_edges() >= 3
    assert {d["label"] for _, _, d in g.edges(data=True)} == {"unit of"}
    with pytest.raises(QueryError, match="ASK"):
        query_view(seeds_store, "ASK { ?s ?p ?o }")


def test_budget_groups_and_says_so() -> None:
    view = synthetic_view(3000)
    shown, grouped, notice = apply_budget(view, 600)
    assert shown.number_of_nodes() <= 600
    assert grouped == 3000 - sum(1 for _, d in shown.nodes(data=True) if d["kind"] != "grouped")
    assert sum(d.get("members", 0) for _, d in shown.nodes(data=True)) == grouped
    assert "more than the budget of 600" in notice
    # The structure survives: every council, committee and meeting is still drawn.
    assert sum(1 for _, d in shown.nodes(data=True) if d["kind"] == "meeting") == 360
    html, meta = render(view, budget=600)
    assert meta["grouped"] == grouped and meta["physics"] is False
    assert 'id="notice"' in html and "grey group nodes" in html
    untouched, none, quiet = apply_budget(view, 5000)
    assert untouched is view and none == 0 and quiet == ""


def test_everything_from_a_document_is_escaped() -> None:
    view = nx.MultiDiGraph(title=f"Title {EVIL}")
    view.add_node("n", kind="councillor", label=f"Cllr {EVIL}", facts=[f"note </script>{EVIL}"],
                  evidence=[(f"quote {EVIL}", "urn:d", f"Doc {EVIL}")])
    html, _ = render(view, subtitle=f"sub {EVIL}")
    assert "<script>window.pwned" not in html
    assert "</script>window" not in html and "</script><script>window" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html  # the title and subtitle, as text
    node = page_nodes(html)[0]
    assert EVIL in node["label"] and EVIL in node["title"]  # the data, intact for vis.js to show as text


def test_write_view_and_the_cli(ledger: LocalStore, tmp_path: Path) -> None:
    page = write_view(ledger, tmp_path / "out/", show_followups=True)
    assert page.path == tmp_path / "out" / "followups-graph.html" and page.path.stat().st_size == page.bytes
    runner = CliRunner()
    target = tmp_path / "o.html"
    res = runner.invoke(app, ["viz", "--store", ledger.location, "--output", str(target)])
    assert res.exit_code == 0, res.output
    assert str(target) in res.stdout and target.exists()
    res = runner.invoke(app, ["viz", "--store", ledger.location, "--followups", "--focus", "x"])
    assert res.exit_code == 6 and "choose one view" in res.output
    res = runner.invoke(app, ["stats", "--store", ledger.location, "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["counts"]["Commitment"] == 3


def test_find_node_prefers_exact_names_and_things_over_facts() -> None:
    from kg.viz import find_node

    g = nx.MultiDiGraph()
    g.add_node("i", kind="indicator", label="Attainment 8 score")
    g.add_node("f", kind="figure", label="figure on Attainment 8 score")
    g.add_node("a", kind="councillor", label="Councillor Ann Smith")
    g.add_node("b", kind="councillor", label="Councillor Bob Smith")
    assert find_node(g, "Attainment 8") == "i"
    assert find_node(g, "figure on attainment 8 score") == "f"
    assert find_node(g, "<a>") == "a"  # an IRI, as written in SPARQL
    with pytest.raises(QueryError, match="matches 2 nodes"):
        find_node(g, "Smith")

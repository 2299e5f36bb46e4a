"""Graph views: what each view holds, how it folds to the budget, labels with councils, links, escaping,
and the `kg viz` command (the pages in a browser: tests/test_browser.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pytest
from typer.testing import CliRunner
from vizstores import EVIL, ex, ledger_store

from kg.cli import app
from kg.errors import QueryError
from kg.store import LocalStore
from kg.views import tree
from kg.viz import (
    build,
    find_node,
    focus,
    followups,
    overview,
    page_html,
    payload,
    query_view,
    render,
    synthetic_view,
    write_view,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def page_data(html: str) -> dict:
    """The data a page carries for its script."""
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block in the page"
    return json.loads(m.group(1))


def ancestors(data: dict, node_id: str) -> list[str]:
    by_id = {n["id"]: n for n in data["nodes"]}
    out, p = [], by_id[node_id]["p"]
    while p:
        out.append(p)
        p = by_id[p]["p"]
    return out


@pytest.fixture
def ledger(tmp_path: Path) -> LocalStore:
    st = LocalStore(ledger_store(tmp_path / "store"), read_only=True)
    yield st
    st.close()


def test_overview_of_a_council(seeds_store: LocalStore) -> None:
    """One council's overview holds its committees, meetings, people and commitments, all under it."""
    view = overview(seeds_store, "Durham")
    kinds = {d["kind"] for _, d in view.nodes(data=True)}
    assert {"council", "committee", "meeting", "councillor", "post", "commitment"} <= kinds
    assert not kinds & {"contribution", "figure", "document"}  # counted on meetings, not drawn
    labels = {d["label"] for _, d in view.nodes(data=True)}
    assert "Durham County Council" in labels and "Darlington Borough Council" not in labels
    roots = [n for n, d in view.nodes(data=True) if d["parent"] is None]
    assert [view.nodes[r]["label"] for r in roots] == ["Durham County Council"]
    meeting = next(d for _, d in view.nodes(data=True) if d["kind"] == "meeting")
    assert view.nodes[meeting["parent"]]["kind"] == "committee"
    assert any(f.startswith("Document: ") for f in meeting["facts"])


def test_overview_of_every_council_and_a_short_name(seeds_store: LocalStore) -> None:
    """With no council named every council with documents is a root; 'Darlington' alone names one."""
    view = overview(seeds_store)
    roots = {d["label"] for _, d in view.nodes(data=True) if d["parent"] is None}
    assert roots == {"Durham County Council", "Darlington Borough Council"}
    assert overview(seeds_store, "darlington").graph["title"] == "Darlington Borough Council: overview"
    with pytest.raises(QueryError, match="no single council matches 'Nowhere'"):
        overview(seeds_store, "Nowhere")


def test_children_are_in_date_order() -> None:
    """A committee's meetings are read left to right by date, whatever order they came in."""
    view = nx.MultiDiGraph()
    view.add_node("k", kind="committee", label="Panel", parent=None)
    for m, date in (("m3", "2024-03-01"), ("m1", "2024-01-01"), ("m2", "2024-02-01")):
        view.add_node(m, kind="meeting", label=date, date=date, parent="k")
    assert tree.children(view)["k"] == ["m1", "m2", "m3"]


def test_folding_keeps_families_small_and_the_first_drawing_within_budget() -> None:
    """20,000 nodes fold into groups of at most FANOUT; what starts open stays within the budget."""
    view = synthetic_view(20_000)
    data = payload(view, budget=150)
    assert len(data["nodes"]) >= 20_000
    kids: dict[str | None, int] = {}
    for n in data["nodes"]:
        kids[n["p"]] = kids.get(n["p"], 0) + 1
    assert max(c for p, c in kids.items() if p) <= tree.FANOUT
    assert kids[None] <= tree.ROOTS
    assert 10 < data["visible"] <= 150
    group = next(n for n in data["nodes"] if n["k"] == "grouped")
    assert re.search(r"\d", group["t"].splitlines()[-1])  # a group says what it holds, in numbers


def test_labels_name_the_council_where_they_could_repeat(seeds_store: LocalStore) -> None:
    """Posts, people and committees read 'X (Durham)'; a council's own label stays as it is."""
    data = page_data(build(seeds_store)[0])
    posts = [n for n in data["nodes"] if n["k"] == "post"]
    assert posts and all(n["l"].endswith(("(Durham)", "(Darlington)")) for n in posts)
    scoped = [n for n in data["nodes"] if n["k"] in ("post", "meeting", "committee", "councillor")]
    assert all(n["c"] in n["t"] for n in scoped)  # drawn, never cut off with the end of a long name
    councils = {n["l"] for n in data["nodes"] if n["k"] == "council"}
    assert councils == {"Durham County Council", "Darlington Borough Council"}


def test_page_is_self_contained_with_search_legend_and_inspector(seeds_store: LocalStore) -> None:
    """vis-network and the page's script are inlined; nothing is fetched; the tools are in the page."""
    html, meta = build(seeds_store, council="Durham")
    assert "vis.Network" in html and "kgReveal" in html
    assert not re.search(r"""(src|href)=["']?https?:""", html)
    data = page_data(html)
    assert meta["source_nodes"] == len(data["nodes"]) and meta["nodes"] == data["visible"]
    assert 'id="search"' in html and 'id="inspector"' in html
    assert re.search(r'<button type="button" data-key="committee"[^>]*>.*Committee \(\d+\)', html)


def test_focus_grows_with_depth(seeds_store: LocalStore) -> None:
    """Depth 2 holds depth 1 and more; every node folds under the node that reached it."""
    one = focus(seeds_store, "Corporate Parenting Panel", 1)
    two = focus(seeds_store, "Corporate Parenting Panel", 2)
    centre = one.graph["centre"]
    assert one.nodes[centre]["kind"] == "committee" and one.nodes[centre]["parent"] is None
    assert set(one) < set(two)
    assert all(two.nodes[n]["parent"] in two for n in two if n != centre)


def test_find_node_names_councils_and_honours_council() -> None:
    """Two posts of one name in two councils: the error names both councils; --council picks one."""
    g = nx.MultiDiGraph()
    for key, name in (("a", "Durham County Council"), ("b", "Darlington Borough Council")):
        g.add_node(key, kind="council", label=name)
        g.add_node(f"p{key}", kind="post", label="Virtual School Head")
        g.add_edge(f"p{key}", key, key="http://www.w3.org/ns/org#postIn")
    with pytest.raises(QueryError) as err:
        find_node(g, "Virtual School Head")
    assert "(Post, Durham)" in err.value.line() and "(Post, Darlington)" in err.value.line()
    assert "--council" in err.value.line()
    assert find_node(g, "Virtual School Head", council="Darlington") == "pb"


def test_find_node_prefers_exact_names_and_things_over_facts() -> None:
    """An exact name, then a unique thing among facts, then an IRI in angle brackets."""
    g = nx.MultiDiGraph()
    g.add_node("i", kind="indicator", label="Attainment 8 score")
    g.add_node("f", kind="figure", label="figure on Attainment 8 score")
    g.add_node("a", kind="councillor", label="Councillor Ann Smith")
    g.add_node("b", kind="councillor", label="Councillor Bob Smith")
    assert find_node(g, "Attainment 8") == "i"
    assert find_node(g, "figure on attainment 8 score") == "f"
    assert find_node(g, "<a>") == "a"
    with pytest.raises(QueryError, match="matches 2 nodes"):
        find_node(g, "Smith")


def test_focus_refuses_unknown_names_and_bad_depth(seeds_store: LocalStore) -> None:
    """An unknown name and a depth under 1 are one clear error each."""
    with pytest.raises(QueryError, match="nothing in the graph is called"):
        focus(seeds_store, "Nobody Atall")
    with pytest.raises(QueryError, match="depth"):
        focus(seeds_store, "Corporate Parenting Panel", 0)


def test_followups_fold_under_committee_and_meeting(ledger: LocalStore) -> None:
    """Commitments hang under the meeting they were made at, with their due date and what kept them."""
    view = followups(ledger)
    c1, c2 = str(ex("commitment/c1")), str(ex("commitment/c2"))
    assert view.nodes[c1]["status"] == "fulfilled" and view.nodes[c2]["status"] == "overdue"
    assert view.nodes[c1]["parent"] == str(ex("meeting/1"))
    assert view.nodes[str(ex("meeting/1"))]["parent"] == str(ex("committee"))
    due = [o for _, o, k in view.out_edges(c2, keys=True) if k == "due"]
    assert [view.nodes[d]["label"] for d in due] == ["due 2024-02-01"]
    kept = [o for s, o, k in view.edges(keys=True) if k == "fulfilled by"]
    assert [view.nodes[f]["label"] for f in kept] == ["March minutes"]
    data = page_data(build(ledger, show_followups=True)[0])
    colours = {n["id"]: n["b"] for n in data["nodes"]}
    assert colours[c1] != colours[c2]
    keys = {x["key"] for x in data["legend"]}
    assert {"commitment:overdue", "commitment:fulfilled", "commitment:open"} <= keys


def test_followups_of_one_council(seeds_store: LocalStore) -> None:
    """--council keeps that council's commitments only."""
    every = followups(seeds_store)
    durham = followups(seeds_store, "Durham")
    darlington = followups(seeds_store, "Darlington")
    mine = {n for n, d in durham.nodes(data=True) if d["kind"] == "commitment"}
    assert mine == {n for n, d in every.nodes(data=True)
                    if d["kind"] == "commitment" and d["council"] == "Durham"}
    assert mine and not {n for n, d in darlington.nodes(data=True) if d["kind"] == "commitment"}


def test_query_view_folds_rows_under_councils(seeds_store: LocalStore) -> None:
    """The documents query: each document under its council, not a scatter of unconnected dots."""
    view = query_view(seeds_store, "documents")
    docs = [n for n, d in view.nodes(data=True) if d["kind"] == "document"]
    assert len(docs) == 5
    assert {view.nodes[view.nodes[d]["parent"]]["kind"] for d in docs} == {"council"}
    construct = ("PREFIX org: <http://www.w3.org/ns/org#> "
                 "CONSTRUCT { ?k org:unitOf ?c } WHERE { ?k org:unitOf ?c }")
    g = query_view(seeds_store, construct)
    assert g.number_of_edges() >= 3 and {d["label"] for _, _, d in g.edges(data=True)} == {"unit of"}
    with pytest.raises(QueryError, match="ASK"):
        query_view(seeds_store, "ASK { ?s ?p ?o }")


def test_evidence_links_to_the_file_or_the_resource_page(seeds_store: LocalStore) -> None:
    """As a file the page links a quote to its source file; served, to /resource?iri=..."""
    as_file = page_data(build(seeds_store, sources=SEEDS)[0])
    hrefs = [d[2] for d in as_file["docs"]]
    assert hrefs and all(h.startswith("file://") and Path(h.removeprefix("file://")).exists() for h in hrefs)
    served = page_data(page_html(seeds_store, "overview"))
    for iri, _, href in served["docs"]:
        assert href.startswith("/resource?iri=https%3A%2F%2F") and unquote(href.split("=", 1)[1]) == iri
    council = next(n for n in served["nodes"] if n["k"] == "council")
    assert council["r"].startswith("/resource?iri=https%3A%2F%2F")
    with pytest.raises(QueryError, match="no view"):
        page_html(seeds_store, "nothing")


def test_everything_from_a_document_is_escaped() -> None:
    """Markup in titles, labels, facts and quotes stays text in the page."""
    view = nx.MultiDiGraph(title=f"Title {EVIL}")
    view.add_node("n", kind="councillor", label=f"Cllr {EVIL}", facts=[f"note </script>{EVIL}"], parent=None,
                  evidence=[(f"quote {EVIL}", "urn:d", f"Doc {EVIL}")])
    html, _ = render(view, subtitle=f"sub {EVIL}")
    assert "<script>window.pwned" not in html
    assert "</script>window" not in html and "</script><script>window" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html  # the title and subtitle, as text
    node = page_data(html)["nodes"][0]
    assert EVIL in node["l"] and EVIL in node["f"][0] and EVIL in node["e"][0][0]


def test_write_view_and_the_cli(ledger: LocalStore, tmp_path: Path) -> None:
    """`kg viz` writes the page and says how much it drew; two views at once is one error line."""
    page = write_view(ledger, tmp_path / "out/", show_followups=True)
    assert page.path == tmp_path / "out" / "followups-graph.html" and page.path.stat().st_size == page.bytes
    runner = CliRunner()
    target = tmp_path / "o.html"
    res = runner.invoke(app, ["viz", "--store", ledger.location, "--output", str(target)])
    assert res.exit_code == 0, res.output
    assert str(target) in res.stdout and target.exists() and "nodes drawn" in res.stderr
    res = runner.invoke(app, ["viz", "--store", ledger.location, "--followups", "--focus", "x"])
    assert res.exit_code == 6 and "choose one view" in res.output
    res = runner.invoke(app, ["viz", "--store", ledger.location, "--sources", str(tmp_path / "none")])
    assert res.exit_code != 0 and "not a folder" in res.output

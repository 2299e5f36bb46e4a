"""The pages in a real browser: Debian's Chromium driven by Playwright (no `playwright install`).

Each view is opened, its vis.js network checked for the expected nodes, a screenshot taken; the query
page runs a named query; a 20,000-node graph loads and reports its grouping; markup from a document stays
text. Screenshots go to the test's tmp folder (look at them when a test fails).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from vizstores import EVIL, ex, ledger_store

from kg.serve import Settings, running
from kg.store import LocalStore
from kg.views.style import council_short
from kg.viz import render, synthetic_view, write_view

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/system-deps.sh (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Iterator:  # noqa: ANN001
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def open_view(page, path: Path, shot: Path, timeout: float = 60_000) -> dict:  # noqa: ANN001
    """Open a page file, wait until vis.js has drawn it, screenshot it; the page's own facts."""
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-drawn='1']", timeout=timeout)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert page.errors == []
    return page.evaluate("window.kgView")


def node_ids(page) -> set[str]:  # noqa: ANN001
    return set(page.evaluate("nodes.getIds()"))


def hover(page, node_id: str) -> str:  # noqa: ANN001
    """Move the mouse onto a node and return the tooltip's text."""
    page.evaluate("id => network.focus(id, {scale: 1.5})", node_id)
    box = page.locator("#mynetwork").bounding_box()
    xy = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node_id)
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    return page.inner_text("div.vis-tooltip")


def first_px(page) -> float:  # noqa: ANN001
    """The drawn size of a node label at the first fit: vis-network's zoom times the label's font size."""
    return page.evaluate("network.getScale() * nodes.get()[0].font.size")


def click_node(page, node_id: str) -> None:  # noqa: ANN001
    """Click a drawn node where it is on the screen (brought into view first)."""
    page.evaluate("id => network.focus(id, {scale: Math.max(network.getScale(), 0.9), animation: false})",
                  node_id)
    box = page.locator("#mynetwork").bounding_box()
    xy = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node_id)
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def inspector(page) -> str:  # noqa: ANN001
    """The inspector's text, one line per line shown (blank lines dropped)."""
    page.wait_for_selector("#inspector:not([hidden])", timeout=10_000)
    return "\n".join(line for line in page.inner_text("#inspector").splitlines() if line.strip())


def test_overview_in_chromium(page, seeds_store: LocalStore, tmp_path: Path) -> None:  # noqa: ANN001
    """The seeds' overview: every node drawn, labels legible, the legend hides a kind, a click inspects."""
    out = write_view(seeds_store, tmp_path / "overview.html", council="Durham County Council")
    meta = open_view(page, out.path, tmp_path / "overview.png")
    assert page.evaluate("network instanceof vis.Network")
    assert page.evaluate("nodes.length") == meta["nodes"] <= out.nodes  # the page folds what does not fit
    assert first_px(page) >= 11
    labels = page.evaluate("nodes.get().map(n => n.label.split('\\n')[0])")
    assert "Durham County Council" in labels
    posts = page.evaluate("nodes.get({filter: n => n.kind === 'post'}).length")
    page.click("#legend button[data-key='post']")
    assert page.evaluate("nodes.get({filter: n => n.kind === 'post' && n.hidden}).length") == posts > 0
    council = page.evaluate("nodes.get({filter: n => n.kind === 'council'})[0].id")
    click_node(page, council)
    assert inspector(page).startswith("×\nDurham County Council\nCouncil")


def test_focus_in_chromium(page, seeds_store: LocalStore, tmp_path: Path) -> None:  # noqa: ANN001
    """A focus view draws its centre with a heavy border, legibly."""
    out = write_view(seeds_store, tmp_path / "focus.html", focus_node="Corporate Parenting Panel", depth=2)
    open_view(page, out.path, tmp_path / "focus.png")
    centre = page.evaluate("nodes.get({filter: n => n.borderWidth === 4})")
    assert len(centre) == 1
    assert centre[0]["label"].replace("\n", " ").startswith("Corporate Parenting Panel (")
    assert out.nodes >= page.evaluate("nodes.length") > 5
    assert first_px(page) >= 11


def test_followups_in_chromium(page, tmp_path: Path) -> None:  # noqa: ANN001
    """The ledger: commitments coloured by status; a click shows status, quote and the document."""
    with LocalStore(ledger_store(tmp_path / "store"), read_only=True) as st:
        out = write_view(st, tmp_path / "followups.html", show_followups=True)
    open_view(page, out.path, tmp_path / "followups.png")
    ids = node_ids(page)
    assert {str(ex(f"commitment/c{i}")) for i in (1, 2, 3)} <= ids
    colours = page.evaluate("nodes.get({filter: n => n.kind === 'commitment'}).map(n => n.color.background)")
    assert len(set(colours)) == 3  # fulfilled, overdue, open
    click_node(page, str(ex("commitment/c2")))
    text = inspector(page)
    assert "Status: overdue" in text and "The Director agreed to report back" in text
    assert "January minutes" in text


def test_twenty_thousand_nodes_fold_and_open_on_click(page, tmp_path: Path) -> None:  # noqa: ANN001
    """A 20,000-node graph draws at most the budget, says so, and a folded node opens on click."""
    html, meta = render(synthetic_view(20_000))
    path = tmp_path / "big.html"
    path.write_text(html, encoding="utf-8")
    got = open_view(page, path, tmp_path / "big.png", timeout=120_000)
    assert got["source_nodes"] >= 20_000 and got["grouped"] > 19_000
    assert page.evaluate("nodes.length") == got["nodes"] <= meta["nodes"] <= 150
    assert "nodes drawn" in page.inner_text("#notice")
    assert first_px(page) >= 11
    closed = page.evaluate("nodes.get({filter: n => n.borderWidth === 2})[0].id")
    before = page.evaluate("nodes.length")
    click_node(page, closed)
    page.wait_for_function(f"nodes.length > {before}")
    assert page.evaluate(f"nodes.get({{filter: n => n.id !== {closed!r}}}).length") > before - 1
    assert first_px(page) >= 11  # opening zooms to the opened node, legibly


def test_markup_from_a_document_stays_text(page, tmp_path: Path) -> None:  # noqa: ANN001
    """Markup in a label, fact or quote is shown as text in the title, tooltip and inspector."""
    import networkx as nx

    view = nx.MultiDiGraph(title=f"Report {EVIL}")
    view.add_node("evil", kind="councillor", label=f"Cllr {EVIL}", facts=[f"Note {EVIL}"], parent=None,
                  evidence=[(f"He said {EVIL}<img src=x onerror=window.pwned=2>", "urn:d",
                             f"Minutes {EVIL}")])
    view.add_node("other", kind="post", label="Clerk", evidence=[], parent=None)
    view.add_edge("evil", "other", key="k", label="spoke to")
    html, _ = render(view)
    path = tmp_path / "evil.html"
    path.write_text(html, encoding="utf-8")
    open_view(page, path, tmp_path / "evil.png")
    assert EVIL in page.inner_text("#title")
    text = hover(page, "evil")
    assert EVIL in text
    click_node(page, "evil")
    text = inspector(page)
    page.screenshot(path=str(tmp_path / "evil-inspector.png"))
    assert EVIL in text and "onerror=window.pwned=2" in text and f"Minutes {EVIL}" in text
    page.fill("#search", "cllr")
    assert EVIL in page.inner_text("#results")
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned === undefined")
    injected = ("document.querySelectorAll('#inspector img, #inspector script, #results img, "
                "div.vis-tooltip img')")
    assert page.evaluate(injected + ".length") == 0


# ---- at size: the benchmarks' 1,000-document store


@pytest.fixture(scope="module")
def big(store_1000_path: Path) -> Iterator[LocalStore]:
    st = LocalStore(store_1000_path, read_only=True)
    yield st
    st.close()


def _a_councillor(store: LocalStore) -> tuple[str, str, str]:
    """A councillor of the big store, as the page names them ('Councillor X (Place)'), their council
    and surname: one whose name no other councillor of that council shares."""
    from collections import Counter

    from kg.analytics import load_graph
    from kg.views.graphs import councils_of

    g = load_graph(store, evidence=False)
    cof = councils_of(g)
    people = [(d["label"], g.nodes[cof[n]]["label"]) for n, d in g.nodes(data=True)
              if d["kind"] == "councillor" and n in cof]
    seen = Counter(people)
    label, council = sorted(p for p in people if seen[p] == 1 and p[0].startswith("Councillor "))[0]
    return label, council, label.split()[-1]


@pytest.mark.slow
@pytest.mark.timeout(1800)  # the session's 1,000-document store may be built in this test's setup
def test_views_of_1000_documents_are_legible_at_first_fit(page, big: LocalStore, tmp_path: Path) -> None:  # noqa: ANN001
    """Overview, a focus view (a councillor, in their council), follow-ups and a query view: labels are
    drawn at 11 px or more at the first fit, within the budget, and a query is not a scatter of dots."""
    label, council, _ = _a_councillor(big)
    views = {"overview": {}, "focus": {"focus_node": label, "council": council}, "followups":
             {"show_followups": True}, "query": {"query": "open-commitments"}}
    for name, options in views.items():
        out = write_view(big, tmp_path / f"{name}.html", **options)
        got = open_view(page, out.path, tmp_path / f"{name}.png")
        px = first_px(page)
        assert px >= 11, (name, px)
        assert 0 < got["nodes"] <= 150, name
        assert got["onScreen"] >= min(got["nodes"], 30), name  # the first screen is not empty
        loose = page.evaluate("""() => {
            const linked = new Set(edges.get().flatMap(e => [e.from, e.to]));
            return nodes.get().filter(n => !linked.has(n.id)).length; }""")
        if name == "query":
            assert loose <= got["nodes"] // 4, loose  # grouped under councils and regions, not dots
        if name == "overview":  # a folded node opens on click, from the data in the page
            closed = page.evaluate("nodes.get({filter: n => n.borderWidth === 2})[0].id")
            click_node(page, closed)
            page.wait_for_function(f"nodes.length > {got['nodes']}")
            assert first_px(page) >= 11


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_search_finds_a_councillor_and_the_evidence_link_opens(page, big: LocalStore, store_1000_path: Path,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    """In the 1,000-document overview (as a file): search a councillor's surname, pick them from the
    results, see them drawn and inspected with a quote, and the quote's link opens the source file."""
    label, council, surname = _a_councillor(big)
    out = write_view(big, tmp_path / "overview.html", sources=store_1000_path.parent / "docs")
    open_view(page, out.path, tmp_path / "overview.png")
    page.fill("#search", f"{surname.lower()} {council_short(council)}")  # words in any order, any case
    named = f"{label} ({council_short(council)})"
    option = page.locator("#results button", has_text=named).first
    assert "Councillor" in option.inner_text()
    option.click()
    picked = page.evaluate("network.getSelectedNodes()")
    assert len(picked) == 1 and picked[0] in node_ids(page)
    text = inspector(page)
    page.screenshot(path=str(tmp_path / "search.png"))
    assert text.splitlines()[1] == named and "Councillor" in text
    quote = page.inner_text("#inspector blockquote").strip("“”")
    link = page.locator("#inspector p.from a").first
    href = link.get_attribute("href")
    assert href.startswith("file://") and Path(href.removeprefix("file://")).is_file()
    with page.context.expect_page() as opened:
        link.click()
    doc = opened.value
    doc.wait_for_load_state()
    body = " ".join(doc.inner_text("body").split())
    assert " ".join(quote.split())[:60] in body
    assert first_px(page) >= 11


def test_query_page_runs_a_named_query(page, seeds_store_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    with running(Settings(str(seeds_store_path), port=0)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        page.goto(url + "/yasgui")  # the SPARQL editor (the query page itself is served from /query)
        page.wait_for_function("window.yasgui !== undefined", timeout=30_000)
        page.get_by_role("button", name="documents", exact=True).click()
        page.wait_for_selector(".yasr table.dataTable tbody tr td", timeout=30_000)
        page.wait_for_function(
            "window.yasgui.getTab().getYasr().results && "
            "window.yasgui.getTab().getYasr().results.getBindings().length > 0", timeout=30_000)
        rows = page.evaluate("window.yasgui.getTab().getYasr().results.getBindings()"
                             ".map(b => b.file ? b.file.value : null)")
        page.screenshot(path=str(tmp_path / "query.png"))
        page.goto(url + "/viz/overview?council=Durham")
        page.wait_for_selector("body[data-drawn='1']", timeout=60_000)
        assert "Durham County Council" in page.evaluate("nodes.get().map(n => n.label.split('\\n')[0])")
    assert sorted(rows) == sorted(p.name for p in (Path(__file__).parent.parent / "seeds").glob("*.txt"))
    assert all(r.startswith(url) for r in requests), "the page fetched something from elsewhere"
    assert page.errors == []
    assert console == [], console  # no resource missing, nothing blocked by the page's security policy


def test_a_hostile_document_through_the_server(page, tmp_path: Path) -> None:  # noqa: ANN001
    from vizstores import evil_folder

    from kg.ingest import ingest

    store = tmp_path / "store"
    with LocalStore(store) as st:
        assert ingest([evil_folder(tmp_path / "docs")], st).ok
    with running(Settings(str(store), port=0)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        page.goto(url + "/viz/query?name=documents")
        page.wait_for_selector("body[data-drawn='1']", timeout=60_000)
        doc = page.evaluate("nodes.get({filter: n => n.kind === 'document'})[0]")
        assert doc["label"].startswith(EVIL[:20])
        click_node(page, doc["id"])
        text = inspector(page)
        page.screenshot(path=str(tmp_path / "evil-doc.png"))
        assert EVIL in text and "<i>report</i>" in text
        for where in ("/viz/query?name=documents", "/", "/query", "/followups", "/viz/overview"):
            if where != "/viz/query?name=documents":
                page.goto(url + where)
                page.wait_for_load_state("load")
            assert page.evaluate("window.pwned === undefined"), where
    assert page.errors == []


# ---- the linked-data site (issue 17): the query page's forms, Share links, resource pages


def _site(page, url: str, path: str) -> None:  # noqa: ANN001
    page.goto(url + path)
    page.wait_for_load_state("load")


def _table(page, selector: str = "#result-table") -> list[list[str]]:  # noqa: ANN001
    return page.evaluate(f"""[...document.querySelectorAll('{selector} tbody tr')]
                             .map(r => [...r.cells].map(c => c.innerText))""")


def test_a_parameterised_query_form_and_share_in_chromium(browser, page, seeds_store_path: Path,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    """The person query's form takes its parameter and runs; the result shows labels, not IRIs; its
    Share link, opened in a fresh browser context, shows the same rows."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    with running(Settings(str(seeds_store_path), port=0)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        _site(page, url, "/query")
        form = page.locator('form[data-query="person"]')
        form.locator('input[name="person"]').fill("Patterson")
        form.get_by_role("button").click()
        page.wait_for_selector("#result-table tbody tr")
        rows = _table(page)
        page.screenshot(path=str(tmp_path / "person.png"), full_page=True)
        assert rows and all("Patterson" in r[2] for r in rows)  # node_label: the person asked for
        assert not any(c.startswith("https://") for r in rows for c in r)  # labels and short IRIs only
        assert page.input_value('input[name="person"]') == "Patterson"
        share = page.get_attribute("#share", "href")
        other = browser.new_context().new_page()
        other.goto(url + share)
        assert _table(other) == rows
        other.context.close()
    assert all(r.startswith(url) for r in requests), "the page fetched something from elsewhere"
    assert page.errors == []


def test_a_resource_page_in_chromium(page, seeds_store_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """From a query's result to a commitment's page (its quote marked, its document linked), then on to
    the document's page by that link."""
    with running(Settings(str(seeds_store_path), port=0)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        _site(page, url, "/query?name=commitments")
        link = page.locator("#result-table tbody tr").first.locator("a[href^='/resource']").first
        link.click()
        page.wait_for_selector("#evidence mark")
        page.screenshot(path=str(tmp_path / "resource.png"), full_page=True)
        quote = page.inner_text("#evidence mark")
        assert len(quote) > 20 and page.inner_text("h1")
        assert page.locator("#facts-out tbody tr").count() >= 3
        page.locator("#evidence a[href^='/resource']").first.click()
        page.wait_for_selector("#facts-out")
        assert "ckg:Document" in page.inner_text("#types")
        assert page.locator("#facts-in tbody tr").count() >= 1  # its facts point back at it
    assert page.errors == []


def test_share_reproduces_a_paged_query_at_1000_documents(browser, page, store_1000_path: Path,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    """At 1,000 documents: a query typed on the page, run, paged forward; its Share link in a fresh
    context shows the same page of rows."""
    query = ("PREFIX ckg: <https://w3id.org/council-kg/def#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
             "SELECT ?d ?title WHERE { ?d a ckg:Document ; dcterms:title ?title } ORDER BY ?d")
    with running(Settings(str(store_1000_path), port=0, timeout=60)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        _site(page, url, "/query")
        page.fill("#sparql textarea", query)
        page.select_option("#sparql select[name=size]", "25")
        page.click("#run")
        page.wait_for_selector("#result-table tbody tr")
        assert "Page 1 of 40" in page.inner_text("#results")
        first = _table(page)
        page.locator("a[rel=next]").first.click()
        page.wait_for_selector("text=Page 2 of 40")
        second = _table(page)
        page.screenshot(path=str(tmp_path / "paged.png"))
        assert len(first) == len(second) == 25 and first != second
        share = page.get_attribute("#share", "href")
        other = browser.new_context().new_page()
        other.goto(url + share)
        assert _table(other) == second and "Page 2 of 40" in other.inner_text("#results")
        other.context.close()
    assert page.errors == []


def test_the_sparql_editors_share_link_reproduces_its_query(browser, page, seeds_store_path: Path) -> None:  # noqa: ANN001
    """YASGUI's own Share link (the query in the address) opens the editor on that query, not the default."""
    query = "SELECT ?x WHERE { BIND(42 AS ?x) }"
    with running(Settings(str(seeds_store_path), port=0)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        _site(page, url, "/yasgui")
        page.wait_for_function("window.yasgui !== undefined", timeout=30_000)
        page.evaluate("q => window.yasgui.getTab().setQuery(q)", query)
        link = page.evaluate("window.yasgui.getTab().getShareableLink()")
        assert link.startswith(url + "/yasgui#query=")
        other = browser.new_context().new_page()
        other.goto(link)
        other.wait_for_function("window.yasgui !== undefined", timeout=30_000)
        assert other.evaluate("window.yasgui.getTab().getQuery()") == query
        other.context.close()
    assert page.errors == []


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_query_form_and_resource_page_served_at_1000_documents(page, big: LocalStore,  # noqa: ANN001
                                                               store_1000_path: Path, tmp_path: Path) -> None:
    """At 1,000 documents, served: the below-target query's form, given one council, shows only that
    council's rows (labels, not IRIs); a commitment's resource page shows its quote and links on to its
    document's page."""
    from kg.query import run

    council = str(run(big, "below-target").rows[0]["council"])
    with running(Settings(str(store_1000_path), port=0)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        _site(page, url, "/query")
        form = page.locator('form[data-query="below-target"]')
        form.locator('input[name="council"]').fill(council)
        form.get_by_role("button").click()
        page.wait_for_selector("#result-table tbody tr", timeout=120_000)
        rows = _table(page)
        assert rows and not any(c.startswith("https://") for r in rows for c in r)
        assert len({r[0] for r in rows}) == 1  # one council's rows
        _site(page, url, "/query?name=commitments")
        page.locator("#result-table tbody tr").first.locator("a[href^='/resource']").first.click()
        page.wait_for_selector("#evidence mark", timeout=120_000)
        page.screenshot(path=str(tmp_path / "resource-1000.png"), full_page=True)
        assert len(page.inner_text("#evidence mark")) > 20
        page.locator("#evidence a[href^='/resource']").first.click()
        page.wait_for_selector("#facts-out")
        assert "ckg:Document" in page.inner_text("#types")
    assert page.errors == []

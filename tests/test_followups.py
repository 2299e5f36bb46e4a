"""The ledger as rows and as a page a councillor can read; the `kg followups` command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.followups import Followup, followups, page, parse_statuses, rows
from kg.ingest import ingest
from kg.store import LocalStore

SERIES = Path(__file__).parent / "data" / "followups"


@pytest.fixture
def ledger_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with LocalStore(path) as st:
        assert ingest([SERIES], st, today=dt.date(2024, 10, 1)).ok
    return path


def test_rows_overdue_first_then_open_unknown_fulfilled(ledger_store: Path) -> None:
    with LocalStore(ledger_store, read_only=True) as st:
        items = rows(st)
    statuses = [f.status for f in items]
    assert statuses == sorted(statuses, key=["overdue", "open", "unknown", "fulfilled"].index)
    assert statuses.count("overdue") == 2 and statuses.count("fulfilled") == 4
    fees = next(f for f in items if "foster carer fees" in f.text)
    assert fees.made_at == "2024-01-15" and fees.committee == "Corporate Parenting Panel"
    assert fees.due == "the next meeting" and "no evidence" in fees.reason
    kept = next(f for f in items if "breakdown of agency" in f.text)
    assert kept.fulfilled_file.endswith("2-2024-03-11-minutes.txt") and "had been circulated" in kept.evidence
    assert kept.actor == "Head of Children's Social Care"


def test_filters(ledger_store: Path) -> None:
    with LocalStore(ledger_store, read_only=True) as st:
        assert {f.status for f in rows(st, statuses=("overdue", "open"))} == {"overdue", "open"}
        assert len(rows(st, statuses=("overdue", "open"))) == 3
        assert len(rows(st, committee="parenting")) == 10
        assert rows(st, committee="Planning Committee") == []


def test_parse_statuses() -> None:
    assert parse_statuses(["overdue,open", "open"]) == ("overdue", "open")
    with pytest.raises(QueryError, match="unknown status 'late'"):
        parse_statuses(["late"])


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))
        self.scripts += tag == "script"


def test_page_links_every_row_to_its_quotes(ledger_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.html"
    with LocalStore(ledger_store, read_only=True) as st:
        report = followups(st, html_path=out)
    text = out.read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(text)
    n = len(report.rows)
    assert {f"r{i}" for i in range(1, n + 1)} <= parser.ids and {
        f"q{i}" for i in range(1, n + 1)
    } <= parser.ids
    assert all(h.lstrip("#") in parser.ids for h in parser.hrefs if h.startswith("#"))
    assert sum(h.startswith("#e") for h in parser.hrefs) == 4  # one evidence link per fulfilled row
    assert "A breakdown of agency social worker costs by team had been circulated" in text
    assert "Children&#x27;s Social Care" in text  # escaped


def test_page_escapes_everything() -> None:
    evil = "<script>alert('x')</script> & \"quotes\""
    f = Followup(*(["x"] * len(dataclasses.fields(Followup))))
    f = dataclasses.replace(
        f,
        text=evil,
        quote=evil,
        actor=evil,
        committee=evil,
        evidence=evil,
        reason=evil,
        fulfilled_title=evil,
        status="fulfilled",
    )
    text = page([f])
    parser = _Links()
    parser.feed(text)
    # only the page's own (sort, filter, search) script; the document's markup is shown as text
    assert parser.scripts == 1 and "<script>alert" not in text and "&lt;script&gt;" in text


def test_cli_followups_table_html_and_bad_status(ledger_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "page.html"
    res = runner.invoke(
        app, ["followups", "--store", str(ledger_store), "--status", "overdue", "--html", str(out)],
    )
    assert res.exit_code == 0, res.output
    assert "2 commitment(s)" in res.output and "fulfilled" not in res.output
    assert out.exists() and len(re.findall(r'<tr id="r\d+"', out.read_text(encoding="utf-8"))) == 2
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--status", "late"])
    assert res.exit_code == 6 and "Traceback" not in res.output
    res = runner.invoke(app, ["followups", "--store", str(tmp_path / "nowhere")])
    assert res.exit_code != 0 and "Traceback" not in res.output
    res = runner.invoke(
        app, ["followups", "--store", str(ledger_store), "--html", str(tmp_path / "no" / "dir.html")]
    )
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_csv_and_json_name_the_council_committee_made_and_due(ledger_store: Path) -> None:
    """`--format csv|json` export every row with its council, committee, date made and due time; the
    filters narrow them."""
    import csv
    import io
    import json

    runner = CliRunner()
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--format", "csv"])
    assert res.exit_code == 0, res.output
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(table) == 10 and {r["council"] for r in table} == {"Gateshead Council"}
    hubs = next(r for r in table if "family hubs" in r["text"])
    assert (hubs["committee"], hubs["made_at"], hubs["due_date"]) == (
        "Corporate Parenting Panel", "2024-01-15", "2024-03-31")  # a month named: its last day
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--format", "json", "--status",
                              "fulfilled", "--made-since", "2024-03-01", "--council", "gateshead"])
    items = json.loads(res.stdout)
    assert items and {i["status"] for i in items} == {"fulfilled"}
    assert all(i["made_at"] >= "2024-03-01" for i in items)
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--format", "json", "--actor",
                              "Head of Children"])
    assert {i["actor"] for i in json.loads(res.stdout)} == {"Head of Children's Social Care"}
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--as-of", "2024-02-01",
                              "--format", "json"])
    early = json.loads(res.stdout)
    assert early and {i["made_at"] for i in early} == {"2024-01-15"}
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--as-of", "someday"])
    assert res.exit_code != 0 and "YYYY-MM-DD" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["followups", "--store", str(ledger_store), "--format", "xml"])
    assert res.exit_code != 0 and "Traceback" not in res.output


def test_confirm_and_reject_from_the_command_line(ledger_store: Path) -> None:
    """`kg followups reject ID` drops the evidence; an unknown ID is one error line."""
    runner = CliRunner()
    with LocalStore(ledger_store, read_only=True) as st:
        kept = next(f for f in rows(st) if "breakdown of agency" in f.text)
    res = runner.invoke(app, ["followups", "reject", kept.id, "--by", "Scrutiny Officer", "--store",
                              str(ledger_store)])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith(f"{kept.id}: unknown")
    res = runner.invoke(app, ["followups", "confirm", "nosuch-1", "--store", str(ledger_store)])
    assert res.exit_code != 0 and "no commitment 'nosuch-1'" in res.output and "Traceback" not in res.output


@pytest.mark.browser
def test_page_in_chromium_filters_sorts_searches_and_links(ledger_store: Path, tmp_path: Path) -> None:
    """The page, opened from disk in Chromium (offline), says its as-of date and filters, filters by status,
    sorts by a column, searches, and links each commitment to its source and its quote in context."""
    import os

    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
    out = tmp_path / "ledger.html"
    with LocalStore(ledger_store, read_only=True) as st:
        report = followups(st, html_path=out, as_of="2024-10-01", council="Gateshead")
    n = len(report.rows)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context(offline=True)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.resolve().as_uri())
        said = page.inner_text("#asof")
        assert "2024-10-01" in said and "council contains 'Gateshead'" in said
        visible = "#ledger tbody tr:not([hidden])"
        assert page.locator(visible).count() == n
        page.select_option("#f-status", "overdue")
        assert page.locator(visible).count() == sum(f.status == "overdue" for f in report.rows) > 0
        assert {page.locator(visible).nth(i).get_attribute("data-status")
                for i in range(page.locator(visible).count())} == {"overdue"}
        page.select_option("#f-status", "")
        page.fill("#f-search", "foster carer fees")
        assert page.locator(visible).count() == 1
        page.fill("#f-search", "")
        page.click("#ledger th[data-key='made']")
        made = [page.locator("#ledger tbody tr").nth(i).get_attribute("data-made") for i in range(n)]
        assert made == sorted(made)
        page.click("#ledger th[data-key='made']")
        made = [page.locator("#ledger tbody tr").nth(i).get_attribute("data-made") for i in range(n)]
        assert made == sorted(made, reverse=True)
        row = page.locator("#ledger tbody tr", has_text="breakdown of agency")
        assert row.locator("a[href^='https://democracy.example.org/']").count() >= 1  # its source document
        row.locator("a.ctxlink").click()
        target = page.evaluate("location.hash")
        assert target.startswith("#q") and "circulate a breakdown of agency" in page.inner_text(target)
        page.goto(out.resolve().as_uri())
        page.locator("#ledger tbody tr", has_text="breakdown of agency").locator("a.evlink").click()
        assert "had been circulated" in page.inner_text(page.evaluate("location.hash"))
        assert errors == []
        browser.close()


@pytest.mark.server
def test_served_page_reads_the_ledger_as_of_a_date(ledger_store: Path) -> None:
    """`kg serve`'s /followups takes the same date and filters as `kg followups`."""
    import urllib.request

    from kg.serve import Settings, running

    with running(Settings(str(ledger_store), port=0, timeout=5)) as (server, _):
        base = f"http://127.0.0.1:{server.server_address[1]}/followups"
        with urllib.request.urlopen(base + "?as_of=2024-02-01&council=Gateshead") as r:
            text = r.read().decode()
        assert "2024-02-01" in text and "council contains &#x27;Gateshead&#x27;" in text
        assert len(re.findall(r'<tr id="r\d+"', text)) == 5  # only what was promised by then
        with pytest.raises(urllib.error.HTTPError) as bad:
            urllib.request.urlopen(base + "?as_of=soon")
        assert bad.value.code == 400

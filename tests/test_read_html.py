"""The ModernGov HTML reader: content without chrome, the meeting header as metadata, agenda items as
sections, tables as cells with headers, exact offsets, and one clear line for a broken page."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.model import SourceDoc
from kg.read import pin, read_document
from kg.read.html import read

READERS = Path(__file__).resolve().parent / "data" / "readers"


def assert_offsets(doc: SourceDoc) -> None:
    """Every section and cell indexes into the pinned text, and every cell's quote is the text there."""
    text = doc.text
    assert pin(text) == text
    for s in doc.sections:
        assert 0 <= s.start < s.end <= len(text), s
        assert text[s.start : s.end] == text[s.start : s.end].strip("\n "), s  # no separators at the edges
    for c in doc.cells:
        assert 0 <= c.span.start < c.span.end <= len(text), c
        assert text[c.span.start : c.span.end] == c.span.quote, c


def items(doc: SourceDoc) -> dict[str, str]:
    return {s.label: doc.text[s.start : s.end] for s in doc.sections if s.kind == "item"}


def test_meeting_page_with_two_agenda_items() -> None:
    doc = read_document(READERS / "ieListDocuments_two_items.html")
    assert_offsets(doc)
    found = items(doc)
    assert list(found) == ["10", "11"]
    assert found["10"].startswith("10. Minutes of the meeting held on 11 May 2022\n\nMinutes:\n\n")
    assert found["10"].endswith("signed by the Chair.")
    assert found["11"].startswith(
        "11. Performance Report - Report of the Corporate Equality and Strategy Manager\n"
    )
    assert "Councillor Patterson asked" in found["11"] and "Councillor Patterson" not in found["10"]
    assert found["11"].endswith("ii) That a report on health assessments be brought to the next meeting.")


def test_agenda_page_items_and_header() -> None:
    doc = read_document(READERS / "ieListDocuments_agenda.html")
    assert_offsets(doc)
    found = items(doc)
    assert list(found) == ["1", "2", "3a"]
    assert found["1"] == "1. Apologies for Absence"
    assert found["3a"] == (
        "3a. Children's Services Performance Q1 2023/24\n\n"
        "Report of the Director of Children's Services.\n\nKey decision: No"
    )
    assert doc.meta.doc_type == "agenda" and doc.meta.committee == "Cabinet"
    assert doc.meta.meeting_date == dt.date(2023, 10, 2) and doc.meta.item is None
    assert "Jobs" not in doc.text and "Calendar" not in doc.text and "Scorecard PDF" not in doc.text


def test_meeting_header_becomes_metadata() -> None:
    meta = read_document(READERS / "ieListDocuments_two_items.html").meta
    assert meta.committee == "Corporate Parenting Panel"
    assert meta.meeting_date == dt.date(2022, 7, 13)
    assert meta.title == "Corporate Parenting Panel - Wednesday, 13th July, 2022 9.30 am"
    assert meta.doc_type == "minutes"
    assert meta.source_url == "https://democracy.durham.gov.uk/ieListDocuments.aspx?CId=1016&MId=13597&Ver=4"
    assert meta.origin("committee") == "header"


def test_navigation_and_chrome_are_dropped() -> None:
    text = read_document(READERS / "ieListDocuments_two_items.html").text
    for chrome in (
        "Skip to main content",
        "We use cookies",
        "Bins and recycling",
        "Search",
        "Meetings >",
        "Printed minutes",
        "Attendance",
        "View the background",
        "Supporting documents",
        "Appendix 2 - Scorecard",
        "PDF 512 KB",
        "PDF 1 MB",
        "No.\tItem",
        "dataLayer",
        "trackPage",
        "Privacy",
        "© Durham",
    ):
        assert chrome not in text, chrome


def test_blocks_lines_and_lists_are_laid_out_as_text() -> None:
    text = read_document(READERS / "ieListDocuments_two_items.html").text
    # paragraphs are blank-line separated; a <br> is one newline; Word's "&nbsp; " keeps its two spaces
    assert "\n\nThe minutes of the meeting held on 11 May 2022 were agreed" in text
    assert "2022/23.  The number of care leavers" in text
    assert "asked about the timeliness of health assessments.\nThe Strategy Team Leader responded" in text
    assert "\n\n\n" not in text  # the empty <p>&nbsp;</p> leaves no extra gap
    assert "Resolved:\n\ni) That the report be noted.\nii) That a report on health" in text
    assert "Indicator\tQ1 2022/23\tTarget\nCare leavers in suitable accommodation\t91%\t90%\n" in text


def test_table_cells_carry_row_and_column_headers() -> None:
    doc = read_document(READERS / "ieListDocuments_two_items.html")
    cells = {(c.row_header, c.column_header): c for c in doc.cells}
    cell = cells[("Initial health assessments within 20 days", "Q1 2022/23")]
    assert cell.span.quote == "34%" and (cell.row, cell.column) == (2, 1)
    assert cells[("Care leavers in suitable accommodation", "Target")].span.quote == "90%"
    assert not any(
        c.span.quote in ("Indicator", "Target", "Q1 2022/23") for c in doc.cells
    )  # headers are not data
    tables = [s for s in doc.sections if s.kind == "table"]
    assert len(tables) == 1 and doc.text[tables[0].start : tables[0].end].count("\n") == 2


def test_agenda_item_page_is_one_item_with_its_meeting_header() -> None:
    doc = read_document(READERS / "mgAi_item.html")
    assert_offsets(doc)
    assert doc.meta.committee == "Children and Young People's Overview and Scrutiny Committee"
    assert doc.meta.meeting_date == dt.date(2023, 9, 18)
    assert doc.meta.item == "7"
    assert doc.meta.title == "Quarter One 2023/24 Performance Management Report"
    assert doc.text.startswith("Agenda item\n\nQuarter One 2023/24 Performance Management Report\n\n")
    item = [s for s in doc.sections if s.kind == "item"]
    assert [(s.label, s.start, s.end) for s in item] == [("7", 0, len(doc.text))]
    assert "Hidden print-only" not in doc.text and "Issue history" not in doc.text and "Home" not in doc.text
    assert doc.text.endswith("Resolved:\nThat the report be noted.")


def test_decision_page_reads_labels_and_declared_charset() -> None:
    doc = read_document(READERS / "ieDecisionDetails.html")
    assert_offsets(doc)
    assert doc.encoding == "windows-1252" and not doc.warnings
    assert "the Assistant Director Children’s Services report back" in doc.text
    assert "RESOLVED – That" in doc.text
    assert doc.meta.doc_type == "decision"
    assert doc.meta.committee == "Children and Young People Scrutiny Committee"
    assert doc.meta.meeting_date == dt.date(2017, 11, 13)
    assert doc.meta.title == "Performance Indicators Q2 2017/18"
    assert "Issue history" not in doc.text


def test_issue_page_has_an_item_per_meeting() -> None:
    doc = read_document(READERS / "ieIssueDetails.html")
    assert_offsets(doc)
    found = items(doc)
    assert list(found) == ["6", "11"]
    assert found["6"].startswith("Meeting: 11/05/2022 - Corporate Parenting Panel (Item 6)")
    assert "placement stability had improved" in found["6"] and "34%" not in found["6"]
    assert found["11"].endswith("had reduced to 34%.")
    assert doc.meta.title == "Looked after children performance"
    assert doc.meta.committee == "Corporate Parenting Panel"


@pytest.mark.parametrize("name", ["truncated.html", "truncated_tail.html"])
def test_truncated_html_is_one_clear_line(name: str) -> None:
    with pytest.raises(InputError) as err:
        read_document(READERS / name)
    line = str(err.value)
    assert "\n" not in line and name in line and "truncated" in line and "download" in line


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file named as HTML"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Word or zip"),
        (bytes(range(256)) * 8, "binary content"),
        (
            b"<html><head><title>Loading</title><script>load()</script></head>"
            b"<body><div id=app></div></body></html>",
            "no readable content",
        ),
        (b"", "no readable content"),
    ],
)
def test_malformed_html_is_one_clear_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read(path)
    assert problem in str(err.value) and str(path) in str(err.value) and "\n" not in str(err.value)


def test_unclosed_tags_inside_a_complete_page_are_read_as_a_browser_would(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.html"
    path.write_text(
        "<html><body><div id=modgov><p>First <b>bold<p>Second<table><tr><td>A<td>1<tr><td>B<td>2"
        "</div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.text == "First bold\n\nSecond\n\nA\t1\nB\t2"
    assert_offsets(doc)


@pytest.mark.parametrize("nest", ["<div>", "<ul><li>x", "<table><tr><td>", "<span>"])
def test_absurdly_deep_nesting_is_read_without_a_traceback(tmp_path: Path, nest: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body>{nest * 4000}deep text</body></html>", encoding="utf-8")
    doc = read_document(path)
    assert "deep text" in doc.text
    assert_offsets(doc)


def test_preformatted_text_keeps_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "pre.html"
    path.write_text("<html><body><p>Figures:</p><pre>Re-referrals   23.1%\nNEET    29.2%</pre></body></html>")
    assert read_document(path).text == "Figures:\n\nRe-referrals 23.1%\nNEET 29.2%"


def test_invalid_utf8_falls_back_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes("<html><body><p>Children’s Services: 91%</p></body></html>".encode("cp1252"))
    doc = read_document(path)
    assert "Children’s Services" in doc.text and doc.encoding == "cp1252" and doc.warnings


def test_spans_and_rowspans_keep_cells_under_their_headers(tmp_path: Path) -> None:
    path = tmp_path / "scorecard.html"
    path.write_text(
        """<html><body><table>
      <thead><tr><th rowspan="2">Indicator</th><th colspan="2">Q1 2023/24</th></tr>
             <tr><th>Actual</th><th>Target</th></tr></thead>
      <tbody><tr><th scope="row">Care leavers in EET</th><td>52%</td><td>55%</td></tr></tbody>
    </table></body></html>""",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert_offsets(doc)
    assert [(c.span.quote, c.row_header, c.column_header) for c in doc.cells] == [
        ("52%", "Care leavers in EET", "Q1 2023/24 Actual"),
        ("55%", "Care leavers in EET", "Q1 2023/24 Target"),
    ]


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraphs=st.lists(_TEXT, max_size=5),
    cells=st.lists(st.lists(_TEXT, min_size=1, max_size=4), max_size=4),
    bullets=st.lists(_TEXT, max_size=3),
    raw=_TEXT,
)
def test_any_text_gives_exact_offsets_or_one_clear_error(
    tmp_path: Path, paragraphs: list[str], cells: list[list[str]], bullets: list[str], raw: str
) -> None:
    esc = html.escape
    page = (
        "<html><body><div id='modgov'><h2 class='mgSectionTitle'>Meeting: 01/02/2023 - Cabinet (Item 3)</h2>"
        + "".join(f"<p>{esc(p)}<br>{esc(p[::-1])}</p>" for p in paragraphs)
        + "<table>"
        + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in cells)
        + "</table><ol type='a'>"
        + "".join(f"<li>{esc(b)}</li>" for b in bullets)
        + "</ol>"
        + raw
        + "</div></body></html>"
    )
    path = tmp_path / "prop.html"
    path.write_text(page, encoding="utf-8", errors="surrogatepass")
    try:
        doc = read_document(path)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert_offsets(doc)
    assert doc.text.startswith("Meeting: 01/02/2023 - Cabinet (Item 3)")


@pytest.mark.parametrize(("title", "council"), [
    ("Agenda for Cabinet on Monday, 2nd October, 2023, 10.00 am - Isle of Anglesey County Council",
     "Isle of Anglesey County Council"),  # a known council, its name as the reference list spells it
    ("Browse meetings - Wibble Borough Council", "Wibble Borough Council"),  # unknown, its kind said
    ("Agenda item - Corporate Performance Report - Quarter 2", None),  # the item's own dashes
    ("Minutes - Youth Council", None),  # another body's name
])
def test_a_page_title_ending_with_a_council_names_the_site_s_council(tmp_path: Path, title: str,
                                                                    council: str | None) -> None:
    """ModernGov ends a page's <title> with the council that publishes it: that is the document's council."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>{title}</title></head><body><h1>Item</h1><p>Text.</p></body></html>",
                    encoding="utf-8")
    assert read_document(page).meta.council == council


def test_labelled_field_records_written_as_paragraphs_are_a_table(tmp_path: Path) -> None:
    """"Indicator: X", "Target: A maximum of 15 weeks.", "Year-end result: 13.2 weeks." one paragraph each: a
    table of the records (layout "fields"), as in a text rendition, so no prose reads "A maximum" as a
    measure."""
    page = tmp_path / "fields.html"
    page.write_text(
        "<html><body><h1>Statutory indicators</h1>"
        "<p>Indicator: Average time to decide local applications</p><p>Target: A maximum of 15 weeks.</p>"
        "<p>Year-end result: 13.2 weeks.</p><p>Indicator: Enforcement cases concluded within 39 weeks</p>"
        "<p>Target: A minimum of 70%.</p><p>Year-end result: 81.0%.</p></body></html>", encoding="utf-8")
    doc = read_document(page, root=tmp_path)
    assert [t.layout for t in doc.tables] == ["fields"]
    assert {(c.row_header, c.column_header, c.span.quote) for c in doc.cells} == {
        ("Average time to decide local applications", "Target", "15 weeks"),
        ("Average time to decide local applications", "Year-end result", "13.2 weeks"),
        ("Enforcement cases concluded within 39 weeks", "Target", "70%"),
        ("Enforcement cases concluded within 39 weeks", "Year-end result", "81.0%")}


def test_items_set_out_in_a_plain_table_are_items_not_a_data_table(tmp_path: Path) -> None:
    """A minutes page that lays its items out as a table (number cell, then a cell with the item's heading
    and paragraphs) but without ModernGov's class: each row is an agenda item whose paragraphs stay prose."""
    page = tmp_path / "minutes.html"
    page.write_text(
        "<html><body><h1>Minutes</h1><p>Education Committee - Tuesday, 3rd June, 2025 10.00 am</p>"
        "<table><tr><th>No.</th><th>Item</th></tr>"
        "<tr><td>ED/31</td><td><h4>Declarations of Interest</h4><p>Minutes:</p>"
        "<p>There were no declarations of interest.</p></td></tr>"
        "<tr><td>ED/32</td><td><h4>School Estate Update</h4><p>Minutes:</p>"
        "<p>Councillor Imrie asked when the condition survey would be complete. The Head of Education "
        "said it would be finished by the end of August.</p>"
        "<p>Decision: The Committee noted the update.</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert_offsets(doc)
    assert doc.tables == () and doc.cells == ()
    found = items(doc)
    assert list(found) == ["ED/31", "ED/32"]
    assert found["ED/32"].startswith("ED/32 School Estate Update\n\nMinutes:\n\nCouncillor Imrie asked when")
    assert "\n\nDecision: The Committee noted the update." in found["ED/32"]

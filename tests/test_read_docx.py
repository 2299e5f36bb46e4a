"""The Word reader: paragraphs and lists in order, headings as sections, tables as cells with headers,
tracked deletions left out, and one clear line for a file that is not a .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.model import SourceDoc
from kg.read import pin, read_document

READERS = Path(__file__).resolve().parent / "data" / "readers"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def assert_offsets(doc: SourceDoc) -> None:
    """Every section and cell indexes into the pinned text, and every cell's quote is the text there."""
    assert pin(doc.text) == doc.text
    for s in doc.sections:
        assert 0 <= s.start < s.end <= len(doc.text), s
    for c in doc.cells:
        assert (
            0 <= c.span.start < c.span.end <= len(doc.text)
            and doc.text[c.span.start : c.span.end] == c.span.quote
        )


def test_paragraphs_lists_and_tables_in_document_order() -> None:
    doc = read_document(READERS / "report_with_table.docx")
    assert_offsets(doc)
    assert doc.format == "docx"
    assert doc.text.startswith(
        "Performance Indicators Q2 2017/18\n\nPurpose of the Report\n\nTo provide Members"
    )
    assert "Suzanne Joyner\nDirector of Children and Adult Services" in doc.text  # a manual line break
    assert (
        "Where are we performing well?\n\n- Contacts completed within 1 working day were 98%, above the "
        "target of 95%.\n- Assessments completed"
    ) in doc.text
    assert (
        "Recommendation\n\n1. That performance information provided in this report is reviewed and noted.\n"
        "2. That relevant queries"
    ) in doc.text
    assert (
        "\n\nIndicator\tQ1 2022/23\tTarget\tEngland\nCare leavers in suitable accommodation\t91%\t90%\t88%\n"
        in doc.text
    )
    assert doc.text.endswith("\n\nA performance scorecard is attached at Appendix 1.")
    headings = [s.label for s in doc.sections if s.kind == "heading"]
    assert headings == [
        "Performance Indicators Q2 2017/18",
        "Purpose of the Report",
        "Where are we performing well?",
        "Recommendation",
    ]
    assert doc.meta.title == "Performance Indicators Q2 2017/18"


def test_table_cells_carry_row_and_column_headers() -> None:
    doc = read_document(READERS / "report_with_table.docx")
    cells = {(c.row_header, c.column_header): c.span.quote for c in doc.cells}
    assert cells[("Care leavers in suitable accommodation", "Q1 2022/23")] == "91%"
    assert cells[("Children with 3 or more placement moves", "Target")] == "10%"
    assert not any(c.span.quote == "England" for c in doc.cells)
    assert [s.kind for s in doc.sections].count("table") == 1


def test_merged_cells_and_tracked_changes(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("The figure was ")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>87%</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="a"><w:r><w:t>89%</w:t></w:r></w:ins>'))
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Cover page inside a content control</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Q2 2017/18"
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "Re-referrals", "23.1%", "20%"
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 2).text = "Placement moves", "12%", "10%"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    doc = read_document(path)
    assert_offsets(doc)
    assert doc.text.startswith("Cover page inside a content control\n\nThe figure was 89%\n\n")
    assert "87%" not in doc.text
    cells = {(c.row_header, c.column_header, c.span.quote) for c in doc.cells if c.column}
    assert ("Re-referrals", "Q2 2017/18", "23.1%") in cells and ("Re-referrals", "Q2 2017/18", "20%") in cells


@pytest.mark.parametrize(
    "content",
    [
        b"Minutes of the meeting, saved as text",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old .doc",
        b"PK\x03\x04 truncated zip",
    ],
)
def test_not_a_docx_is_one_clear_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_document(path)
    line = str(err.value)
    assert "not a readable Word .docx file" in line and str(path) in line and "\n" not in line


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraphs=st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30), max_size=4),
    cells=st.lists(
        st.lists(
            st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12), min_size=2, max_size=2
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_any_text_gives_exact_offsets(tmp_path: Path, paragraphs: list[str], cells: list[list[str]]) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(cells), cols=2)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("End.")
    path = tmp_path / "gen.docx"
    document.save(str(path))
    doc = read_document(path)
    assert_offsets(doc)
    assert doc.text.endswith("End.")


def test_labelled_field_records_written_as_paragraphs_are_a_table(tmp_path: Path) -> None:
    """Word paragraphs "Indicator: X" / "Target: ..." / "Result: ..." repeated per indicator are a table of
    the records (layout "fields"), read beside the document's own tables."""
    d = docx.Document()
    for name, target, result in (("Average days to relet a home", "At most 30 days.", "27.5 days"),
                                 ("Rent collected", "At least 98%.", "98.4%")):
        d.add_paragraph(f"Indicator: {name}")
        d.add_paragraph(f"Target: {target}")
        d.add_paragraph(f"Result: {result}")
    path = tmp_path / "fields.docx"
    d.save(str(path))
    doc = read_document(path, root=tmp_path)
    assert [t.layout for t in doc.tables] == ["fields"]
    assert {(c.row_header, c.column_header, c.span.quote) for c in doc.cells} == {
        ("Average days to relet a home", "Target", "30 days"),
        ("Average days to relet a home", "Result", "27.5 days"),
        ("Rent collected", "Target", "98%"), ("Rent collected", "Result", "98.4%")}


def test_scorecard_rows_pasted_into_a_paragraph_are_a_table(tmp_path: Path) -> None:
    """A scorecard pasted from a PDF into Word, its rows kept by line breaks in one paragraph, is read as
    the flattened table it is (cells under their headers), as in a text file."""
    from kg.read import read_document

    document = docx.Document()
    document.add_paragraph("Appendix A - Scorecard Quarter 2 2024/25")
    paragraph = document.add_paragraph()
    rows = ["Ref Indicator Q2 Target Q1 RAG",
            "AS1 People supported to live at home (number) 2,446 2,400 2,418 Green",
            "AS2 Average delay in discharge (days) 8.3 8.0 9.4 Amber",
            "AS3 Reviews completed on time (%) 61.0 70.0 58.2 Red"]
    for k, row in enumerate(rows):
        if k:
            paragraph.add_run().add_break()
        paragraph.add_run(row)
    document.save(str(tmp_path / "s.docx"))
    doc = read_document(tmp_path / "s.docx")
    got = {(c.row_header, c.column_header): c.span.quote for c in doc.cells}
    assert got[("AS2 Average delay in discharge (days)", "Target")] == "8.0"
    assert got[("AS3 Reviews completed on time (%)", "RAG")] == "Red"


def test_rows_set_out_with_tab_stops_are_a_table(tmp_path: Path) -> None:
    """A table typed as paragraphs with tab stops (one paragraph a row, tabs between the columns, several
    tabs to reach a far stop) is read as the tab-separated table it is: its rows are consecutive lines."""
    document = docx.Document()
    document.add_paragraph("Table 1: Housing performance")
    for row in (("Measure", "Q2", "Target", "Q1"),
                ("Rent collected (%)", "97.8", "98.0", "97.1"),
                ("Average days to relet", "31", "28", "35")):
        p = document.add_paragraph()
        for k, cell in enumerate(row):
            if k:
                p.add_run().add_tab()
                if k == 1:
                    p.add_run().add_tab()  # a second tab to reach the first figure's stop
            p.add_run(cell)
    document.add_paragraph("Rent collection remains just below target.")
    document.save(str(tmp_path / "t.docx"))
    doc = read_document(tmp_path / "t.docx")
    assert_offsets(doc)
    got = {(c.row_header, c.column_header): c.span.quote for c in doc.cells}
    assert got[("Average days to relet", "Target")] == "28"
    assert got[("Rent collected (%)", "Q1")] == "97.1"


def test_columns_lined_up_with_spaces_in_a_pasted_paragraph_are_a_table(tmp_path: Path) -> None:
    """Rows pasted into one paragraph with their columns lined up by runs of spaces keep those spaces, so
    the space-aligned table is read (an empty cell too); a paragraph of prose still has its spaces
    collapsed."""
    document = docx.Document()
    document.add_paragraph("Annual indicators 2023/24")
    paragraph = document.add_paragraph()
    rows = ["Indicator                          2022/23   2023/24   Scotland",
            "Pupils attending school (%)          92.1      91.4      90.3",
            "Exclusions per 1,000 pupils          15.2                16.6",
            "Leavers in a positive destination    94.8      95.1      95.7"]
    for k, row in enumerate(rows):
        if k:
            paragraph.add_run().add_break()
        paragraph.add_run(row)
    document.add_paragraph("Attendance  fell slightly in the year.")
    document.save(str(tmp_path / "a.docx"))
    doc = read_document(tmp_path / "a.docx")
    assert_offsets(doc)
    got = {(c.row_header, c.column_header): c.span.quote for c in doc.cells}
    # a cell left empty is read by its column's position, not by counting figures along the row
    assert got[("Exclusions per 1,000 pupils", "Scotland")] == "16.6"
    assert ("Exclusions per 1,000 pupils", "2023/24") not in got
    assert "Attendance fell slightly" in doc.text


def test_minutes_laid_out_in_a_grid_are_paragraphs_and_a_log_stays_a_table(tmp_path: Path) -> None:
    """Minutes set in a borderless grid (a minute's number, its heading, its text) read as paragraphs, so
    the extractors see their sentences; an action log's grid (more columns) and a scorecard (figures) stay
    tables."""
    document = docx.Document()
    minutes = document.add_table(rows=3, cols=2)
    for r, (number, text) in enumerate([
        ("21.", "HOUSING REPAIRS PERFORMANCE"),
        ("", "The Head of Property Services said that the backlog of non-urgent repairs had fallen."),
        ("", "Councillor Ruddock asked how many damp cases were open. The Head of Property Services "
             "undertook to circulate the figures by ward before the next meeting."),
    ]):
        minutes.cell(r, 0).text, minutes.cell(r, 1).text = number, text
    log = document.add_table(rows=2, cols=4)
    for c, text in enumerate(["Action", "Owner", "Due", "Update"]):
        log.cell(0, c).text = text
    for c, text in enumerate(["Circulate damp and mould cases by ward to all Members of the Panel",
                              "Head of Property Services", "30 June 2025", "Not yet due"]):
        log.cell(1, c).text = text
    card = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Measure", "Q1", "Target"), ("Repairs completed within the target time for "
                                                             "their priority (%)", "91.2", "95.0"),
                             ("Empty homes relet within the standard time of four weeks", "47", "60")]):
        for c, text in enumerate(row):
            card.cell(r, c).text = text
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    doc = read_document(path)
    assert_offsets(doc)
    assert "21. HOUSING REPAIRS PERFORMANCE\n\nThe Head of Property Services said" in doc.text
    assert [t.n_columns for t in doc.tables] == [4, 3]
    assert any(doc.text[c.span.start:c.span.end] == "91.2" for c in doc.cells)

"""The PDF reader: paragraphs rejoined, pages kept as sections for provenance, page furniture dropped, a
scorecard table read as cells with headers, and one clear line for an encrypted, broken or scanned PDF.
Fixtures come from tests/data/readers/make_fixtures.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import ingest
from kg.model import SourceDoc
from kg.read import pin, read_document
from kg.store import LocalStore

READERS = Path(__file__).resolve().parent / "data" / "readers"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return read_document(READERS / "scorecard_report.pdf")


def pages(doc) -> dict[str, str]:  # noqa: ANN001
    return {s.label: doc.text[s.start : s.end] for s in doc.sections if s.kind == "page"}


def test_pages_are_sections_labelled_with_their_numbers(report) -> None:  # noqa: ANN001
    assert_offsets(report)
    found = pages(report)
    assert list(found) == ["1", "2", "3"]
    assert found["1"].startswith(
        "Performance update\n\nReport of the Corporate Equality and Strategy Manager"
    )
    assert found["3"].startswith("Appendix 2: Q1 Performance Scorecard")
    assert "Indicator\tQ1 2022/23\tTarget\tEngland" in found["3"]
    spans = [(s.start, s.end) for s in report.sections if s.kind == "page"]
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))  # in order, not overlapping


def test_lines_are_rejoined_into_paragraphs_and_across_the_page_break(report) -> None:  # noqa: ANN001
    text = report.text
    assert (
        "The purpose of this report is to provide the Corporate Parenting Panel with an overview of "
        "performance in relation to looked after children"
    ) in text
    assert "\n\nExecutive summary\n\nThe number of care leavers" in text
    # the long paragraph runs from page 1 onto page 2 mid-sentence: one paragraph, split between two pages
    found = pages(report)
    cut = found["1"].rsplit(" ", 1)[-1] + " " + found["2"].split(" ", 1)[0]
    assert cut in text and "\n" not in text[text.index(found["1"][-40:]) : text.index(found["2"][:40])]
    assert found["2"][0].islower()


def test_headings_are_sections(report) -> None:  # noqa: ANN001
    headings = [s.label for s in report.sections if s.kind == "heading"]
    assert headings == [
        "Performance update",
        "Report of the Corporate Equality and Strategy Manager",
        "Purpose of the Report",
        "Executive summary",
        "Appendix 2: Q1 Performance Scorecard",
    ]


def test_page_furniture_is_dropped(report) -> None:  # noqa: ANN001
    assert "Page 1" not in report.text and "Page 3" not in report.text
    assert "Corporate Parenting Panel - 13 July 2022" not in report.text  # the running header


def test_scorecard_cells_have_row_and_column_headers(report) -> None:  # noqa: ANN001
    cells = {(c.row_header, c.column_header): c.span.quote for c in report.cells}
    assert cells[("Care leavers in suitable accommodation", "Q1 2022/23")] == "91%"
    assert cells[("Initial health assessments within 20 days", "Target")] == "80%"
    assert cells[("Children with 3 or more placement moves", "England")] == "10%"
    assert len([c for c in report.cells if c.column > 0]) == 9
    table = next(s for s in report.sections if s.kind == "table")
    page3 = next(s for s in report.sections if s.kind == "page" and s.label == "3")
    assert page3.start < table.start < table.end <= page3.end


def test_document_title_comes_from_the_pdf_info(report) -> None:  # noqa: ANN001
    assert report.meta.title == "Performance update"
    assert report.format == "pdf"


@pytest.mark.parametrize(
    ("name", "problem", "hint"),
    [
        ("encrypted.pdf", "PDF is encrypted", "qpdf --decrypt"),
        ("image_only.pdf", "no text layer", "ocrmypdf"),
        ("malformed.pdf", "not a readable PDF", "get it again"),
    ],
)
def test_unreadable_pdfs_are_one_clear_line(name: str, problem: str, hint: str) -> None:
    with pytest.raises(InputError) as err:
        read_document(READERS / name)
    line = str(err.value)
    assert problem in line and hint in line and name in line and "\n" not in line


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_text("Minutes of the meeting", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable PDF"):
        read_document(path)


def test_bad_pdfs_fail_the_run_and_the_rest_is_ingested(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("encrypted.pdf", "image_only.pdf", "malformed.pdf"):
        (docs / name).write_bytes((READERS / name).read_bytes())
    seed = sorted(SEEDS.glob("*.txt"))[1]
    (docs / seed.name).write_bytes(seed.read_bytes())
    with LocalStore(tmp_path / "store") as store:
        report = ingest([docs], store)
    assert not report.ok
    assert {o.source for o in report.failed} == {"encrypted.pdf", "image_only.pdf", "malformed.pdf"}
    assert all("\n" not in o.message and o.source in o.message for o in report.failed)
    assert [o.status for o in report.outcomes if o.source == seed.name] == ["added"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(
        st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=12),
        min_size=1,
        max_size=60,
    ),
    rows=st.lists(
        st.lists(st.sampled_from(["12%", "Care leavers", "n/a", "2023/24", "", "7"]), min_size=3, max_size=3),
        min_size=2,
        max_size=4,
    ),
)
def test_generated_pdfs_give_exact_offsets(tmp_path: Path, words: list[str], rows: list[list[str]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    path = tmp_path / "gen.pdf"
    style = getSampleStyleSheet()["BodyText"]
    doc = SimpleDocTemplate(str(path), invariant=1)
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 1, "black")])
    doc.build(
        [
            Paragraph(escape(" ".join(words)), style),
            Table(rows, style=grid),
            Paragraph("End of report.", style),
        ]
    )
    result = read_document(path)
    assert_offsets(result)
    assert result.text.endswith("End of report.")
    assert [s.label for s in result.sections if s.kind == "page"] == ["1"]


# ---- tables without rules ---------------------------------------------------------------------------------


def _unruled_pdf(path: Path, rows: list[list[str]] | None) -> None:
    """A short report: a paragraph, a scorecard in columns without ruling lines, a closing paragraph."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(str(path), invariant=1)
    story = [
        Paragraph("Housing Services Performance, Quarter 2 2024/25", styles["Heading2"]),
        Paragraph(
            "The Committee is asked to note that 412 households were helped in the quarter, and that 61% of "
            "them were prevented from becoming homeless, against a target of 65%.",
            styles["BodyText"],
        ),
        Spacer(1, 12),
    ]
    if rows:
        story.append(Table(rows, style=TableStyle([("ALIGN", (1, 0), (-1, -1), "RIGHT")])))
    story.append(Paragraph("Contact: Housing Performance Officer, 01632 960123.", styles["BodyText"]))
    doc.build(story)


def test_unruled_pdf_table_is_read_from_word_positions(tmp_path: Path) -> None:
    path = tmp_path / "unruled.pdf"
    _unruled_pdf(
        path,
        [
            ["Measure", "Q1 2024/25", "Q2 2024/25", "Target", "RAG"],
            ["Homelessness prevented (%)", "58.2", "61.0", "65.0", "Amber"],
            ["Average days to re-let a home", "41", "38", "35", "Red"],
            ["Rent collected (%)", "97.1", "n/a", "98.0", "Green"],
        ],
    )
    doc = read_document(path)
    assert_offsets(doc)
    (table,) = doc.tables
    assert table.layout == "pdf-text" and table.n_columns == 5
    assert [s.quote for s in table.header_rows[0]] == ["Measure", "Q1 2024/25", "Q2 2024/25", "Target", "RAG"]
    cells = {(c.row_header, c.column_header): c.span.quote for c in doc.cells if c.column}
    assert cells[("Homelessness prevented (%)", "Q2 2024/25")] == "61.0"
    assert cells[("Average days to re-let a home", "RAG")] == "Red"
    assert cells[("Rent collected (%)", "Q2 2024/25")] == "n/a"
    assert any(s.kind == "table" and (s.start, s.end) == (table.start, table.end) for s in doc.sections)
    # the paragraphs around it stay prose
    assert "61% of them were prevented from becoming homeless" in doc.text[: table.start]
    assert doc.text.endswith("Contact: Housing Performance Officer, 01632 960123.")


def test_pdf_prose_is_not_an_unruled_table(tmp_path: Path) -> None:
    path = tmp_path / "prose.pdf"
    _unruled_pdf(path, None)
    doc = read_document(path)
    assert doc.tables == () and doc.cells == ()


def _wrapped_label_pdf(path: Path) -> None:
    """A scorecard without rules whose measure names wrap inside their cells, the first line of some ending
    with a colon, and group labels ("Housing", "Corporate") on rows of their own."""
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    rows = [
        ["Measure", "2023/24", "2024/25", "2024/25", "Scottish", "RAG"],
        ["", "Actual", "Target", "Actual", "average", ""],
        ["Housing", "", "", "", "", ""],
        ["HS1 Homeless assessments:\naverage days to decision", "31.5", "28", "26.9", "33.2", "Green"],
        ["HS2 Emergency repairs completed\nwithin target hours (%)", "94.1", "95", "93.8", "95.6", "Amber"],
        ["Corporate", "", "", "", "", ""],
        ["CS1 Information requests:\nshare answered on time (%)", "88.0", "90", "91.4", "n/a", "Green"],
    ]
    style = TableStyle([("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    SimpleDocTemplate(str(path), invariant=1).build([Table(rows, style=style)])


def test_a_measure_name_wrapped_in_its_cell_stays_the_row_label(tmp_path: Path) -> None:
    """A cell's second line sits under its row at the cell's line spacing: it is the rest of the label,
    even when the first line ends with a colon, and a group label above a row is not taken for one."""
    path = tmp_path / "wrapped.pdf"
    _wrapped_label_pdf(path)
    doc = read_document(path)
    assert_offsets(doc)
    labels = {c.row_header for c in doc.cells if c.column}
    assert "HS1 Homeless assessments: average days to decision" in labels
    assert "HS2 Emergency repairs completed within target hours (%)" in labels
    assert "CS1 Information requests: share answered on time (%)" in labels
    assert not any(label.endswith(("Corporate", "Housing")) for label in labels)


def test_a_running_footer_with_the_page_number_is_dropped(tmp_path: Path) -> None:
    """A footer that repeats on every page with only its page number changing is page furniture."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.drawString(72, 30, f"Audit Committee | 4 March 2025 | Agenda item 7 Page {doc.page} of 3")

    style = getSampleStyleSheet()["BodyText"]
    story = [
        Paragraph("Annual governance statement: progress on the action plan.", style),
        PageBreak(),
        Paragraph("Three of the five actions are complete.", style),
        PageBreak(),
        Paragraph("The remaining actions are due by the end of June.", style),
    ]
    path = tmp_path / "footer.pdf"
    SimpleDocTemplate(str(path), invariant=1).build(story, onFirstPage=footer, onLaterPages=footer)
    doc = read_document(path)
    assert "Agenda item 7" not in doc.text and "Page 2" not in doc.text
    assert "Three of the five actions are complete." in doc.text


def test_ragged_right_prose_under_a_wide_line_is_rejoined(tmp_path: Path) -> None:
    """Prose broken at a fixed width, ragged on the right, under one line set wider (a long subject line):
    its lines are one paragraph, not each a line cut short on purpose."""
    from reportlab.pdfgen.canvas import Canvas

    lines = [
        "Subject: Revenue Budget Monitoring Report, Period 6 (to 30 September) - Communities Directorate",
        "",
        "The directorate is forecasting an overspend at the year end, mainly in temporary",
        "accommodation, where the number of households placed in bed and breakfast has risen",
        "since the spring. Officers expect the new leasing scheme to ease the pressure from",
        "January, and a recovery plan will be reported to the next meeting of the Cabinet.",
    ]
    path = tmp_path / "ragged.pdf"
    canvas = Canvas(str(path), invariant=1)
    for i, line in enumerate(lines):
        canvas.setFont("Helvetica", 11 if i == 0 else 10)  # the subject line a little larger, so wider
        canvas.drawString(50, 780 - 13 * i, line)
    canvas.save()
    text = read_document(path).text
    assert "from January, and a recovery plan" in text
    assert "placed in bed and breakfast has risen since" in text


def test_a_pdf_library_s_placeholder_title_is_no_title(tmp_path: Path) -> None:
    """A PDF made without a title carries its library's placeholder ("(anonymous)"): that names nothing."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    path = tmp_path / "untitled.pdf"
    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path)).build([Paragraph("Licensing fees review: consultation responses.", style)])
    assert read_document(path).meta.title is None

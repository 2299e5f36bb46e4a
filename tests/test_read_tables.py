"""Tables in plain text read into the same `Table` and `TableCell`s as HTML, Word and ruled PDF tables:
pipe (Markdown and ASCII), tab-separated, space-aligned and PDF-flattened layouts, with their traps; and
what must never be read as a table. Inputs are in tests/data/readers/tables/."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import SourceDoc, TableCell
from kg.read import read_document
from kg.read.tables import find, is_value

TABLES = Path(__file__).resolve().parent / "data" / "readers" / "tables"
XREAL = Path(__file__).resolve().parent / "data" / "xreal"
DEV = Path(__file__).parents[1] / ".." / "shared" / "eval" / "dev" / "docs"


def read(name: str) -> SourceDoc:
    doc = read_document(TABLES / name)
    assert_consistent(doc)
    return doc


def assert_consistent(doc: SourceDoc) -> None:
    """Every quote is the text at its offsets; every table has its section; cells point at their table."""
    for c in doc.cells:
        assert doc.text[c.span.start : c.span.end] == c.span.quote, c
        assert c.span.quote == c.span.quote.strip() and c.span.quote
        assert c.column_header == " ".join(c.column_headers)
        assert 0 <= c.table < len(doc.tables) and c.row // 10_000 == c.table
        table = doc.tables[c.table]
        assert table.start <= c.span.start < c.span.end <= table.end
        if c.row_span is not None:
            assert doc.text[c.row_span.start : c.row_span.end] == c.row_span.quote
    for t in doc.tables:
        assert any(s.kind == "table" and (s.start, s.end) == (t.start, t.end) for s in doc.sections)
        for row in t.header_rows:
            for s in row:
                assert doc.text[s.start : s.end] == s.quote
    assert [t.index for t in doc.tables] == list(range(len(doc.tables)))


def grid(doc: SourceDoc, table: int = 0) -> dict[tuple[str, str], str]:
    """(row label, column header) -> cell text, for one table."""
    out: dict[tuple[str, str], str] = {}
    for c in doc.cells:
        if c.table == table:
            assert (c.row_header, c.column_header) not in out, c
            out[(c.row_header, c.column_header)] = c.span.quote
    return out


def cell(doc: SourceDoc, row: str, column: str) -> TableCell:
    return next(c for c in doc.cells if c.row_header == row and c.column_header == column)


def headers(doc: SourceDoc, table: int = 0) -> list[list[str]]:
    return [[s.quote for s in row] for row in doc.tables[table].header_rows]


# ---- pipe tables ----------------------------------------------------------------------------------------


def test_markdown_pipe_table_with_rule_row_blank_and_missing_cells() -> None:
    doc = read("pipe_housing_wales.md")
    (t,) = doc.tables
    assert (t.layout, t.n_rows, t.n_columns) == ("pipe", 4, 7)
    assert t.label == "Table 2: Housing measures, Quarter 2 2024/25"
    assert headers(doc) == [["Measure", "Q2 2023/24", "Q2 2024/25", "Target", "Wales", "RAG", "Trend"]]
    g = grid(doc)
    homeless = "Households prevented from becoming homeless (%)"
    assert g[(homeless, "Q2 2024/25")] == "64.9"
    assert g[(homeless, "RAG")] == "Amber"
    assert g[(homeless, "Trend")] == "↑"
    dfg = "Average days to complete a Disabled Facilities Grant"
    assert (g[(dfg, "Wales")], g[(dfg, "Trend")]) == ("n/a", "Better")
    lets = "Council homes let within 28 days (%)"
    assert g[(lets, "Q2 2023/24")] == "-" and g[(lets, "Wales")] == "–"
    assert (lets, "Target") not in g  # an empty cell gives no TableCell
    c = cell(doc, homeless, "Q2 2024/25")
    assert c.row_span is not None and c.row_span.quote == homeless
    assert doc.text[t.start : t.end].startswith("| Measure |") and doc.text[t.end - 1] == "|"
    assert not any("Source" in c.span.quote for c in doc.cells)


def test_ascii_grid_table_with_currency_and_bracketed_negatives() -> None:
    doc = read("ascii_finance_ni.txt")
    (t,) = doc.tables
    assert t.layout == "pipe" and headers(doc) == [["Service", "Budget", "Forecast", "Variance"]]
    g = grid(doc)
    assert g[("Leisure services", "Variance")] == "(£58k)"
    assert g[("Waste collection", "Forecast")] == "£4,388k"
    assert len(g) == 9
    assert "£100k" not in g.values()  # the paragraph under the table stays prose


def test_pipe_rows_without_rule_or_outer_pipes_and_a_footnote_star() -> None:
    doc = read("pipe_plain_waste.txt")
    (t,) = doc.tables
    assert t.layout == "pipe" and t.label == "Waste and recycling performance, Quarter 3 2024/25"
    assert grid(doc)[("Fly-tipping incidents cleared in 2 working days (%)", "Q3 2024/25")] == "96.2*"
    assert grid(doc)[("Missed collections per 100,000", "Status")] == "Green"
    assert doc.text[t.end - 5 : t.end] == "Green"  # the footnote line is not part of the table


# ---- tab-separated ----------------------------------------------------------------------------------------


def test_tab_table_with_two_header_rows_and_a_form_above_it() -> None:
    doc = read("tab_hr_sickness.txt")
    (t,) = doc.tables  # "Report to:<tab>..." lines are a form, not a table
    assert t.layout == "tab" and t.label == "Table 3 - Sickness absence"
    assert headers(doc) == [["Directorate", "2023/24", "2024/25", "2024/25", "Target"], ["Q3", "Q2", "Q3"]]
    c = cell(doc, "Adults and Health", "2024/25 Q2")
    assert (c.span.quote, c.column_headers, c.column) == ("2.95", ("2024/25", "Q2"), 2)
    assert grid(doc)[("Children's Services", "2024/25 Q2")] == "n/a"
    assert ("Place", "2023/24 Q3") not in grid(doc)  # blank
    assert grid(doc)[("Place", "Target")] == "2.80"
    assert not any(c.span.quote.startswith("01632") for c in doc.cells)


def test_tab_action_tracker_rows_are_body_rows_not_more_header_lines(tmp_path: Path) -> None:
    """A tab-separated action tracker whose rows hold no figures keeps one header line: rows opening with a
    minute number or holding a sentence are body rows, so each action is a cell under "Action"."""
    f = tmp_path / "tracker.txt"
    f.write_text("Outstanding actions\n\nNo\tRaised\tAction\tOfficer\tBy\tUpdate\n"
                 "41\t03/02/2025\tSend members the grants paid to village halls last year\tGrants Officer\t"
                 "March 2025\tDone - emailed 20/02/2025\n"
                 "44\t03/02/2025\tBring the parking review back\tHead of Parking\t-\tOn agenda\n",
                 encoding="utf-8")
    doc = read_document(f)
    assert headers(doc) == [["No", "Raised", "Action", "Officer", "By", "Update"]]
    assert [c.span.quote for c in doc.cells if c.column_header == "Action"] == [
        "Send members the grants paid to village halls last year", "Bring the parking review back"]


def test_minutes_indented_with_tabs_are_prose_not_a_table(tmp_path: Path) -> None:
    """Minutes saved from Word with a tab after each minute number, label and sub-paragraph letter are
    paragraphs: most rows hold one piece of text, so no table hides their sentences from the extractors."""
    f = tmp_path / "word-minutes.txt"
    f.write_text("Attendance:\tCouncillor H Pryce (in the Chair)\n"
                 "\tCouncillors G Alder, F Brook and W Carrow\n"
                 "Officers:\tB Hollis, Director of Housing\n"
                 "41.\tHOUSING REPAIRS PERFORMANCE\n"
                 "\tThe Director of Housing introduced the quarterly report on responsive repairs.\n"
                 "\tCouncillor Brook asked why void turnaround had lengthened over the winter months.\n"
                 "\tResolved - that:\n"
                 "\t(i)\tthe repairs performance report be received; and\n"
                 "\t(ii)\ta further report on void turnaround come to the March meeting.\n"
                 "42.\tFORWARD PLAN\n"
                 "\tThe Board agreed its forward plan for the rest of the year.\n", encoding="utf-8")
    doc = read_document(f)
    assert doc.tables == () and doc.cells == ()


# ---- space-aligned --------------------------------------------------------------------------------------


def test_aligned_columns_with_two_header_lines_groups_wrapped_label_and_page_footer() -> None:
    doc = read("aligned_planning.txt")
    t = doc.tables[0]
    assert t.layout == "aligned" and t.label == "Appendix B - Development management performance"
    assert headers(doc) == [["Indicator", "2023/24", "2024/25", "Target", "RAG"], ["Q3", "Q3"]]
    g = grid(doc)
    assert g[("Major applications in 13 weeks (%)", "2024/25 Q3")] == "71.4"
    assert g[("Minor applications in 8 weeks (%)", "2024/25 Q3")] == "90.1p"  # provisional
    wrapped = "Percentage of householder applications decided within 8 weeks or agreed extension"
    assert g[(wrapped, "2024/25 Q3")] == "94.6*"
    assert cell(doc, wrapped, "RAG").row_span.quote == (
        "Percentage of householder applications decided\n  within 8 weeks or agreed extension"
    )
    # the rows after the running footer belong to the same table; the footer is no cell
    assert g[("Enforcement notices served (number)", "2024/25 Q3")] == "9"
    assert g[("Appeals allowed (%)", "RAG")] == "n/a"
    assert ("Appeals allowed (%)", "2024/25 Q3") not in g
    assert not any("13" == c.span.quote or "Page" in c.span.quote for c in doc.cells)
    assert not any(c.row_header in ("Speed of decisions", "Appeals") for c in doc.cells)  # group headings
    assert doc.text[t.start : t.end].endswith("-")  # the footnote below is not in the table
    assert not any("provisional" in c.span.quote for c in doc.cells)
    assert len(doc.tables) == 2 and doc.tables[1].start > t.end


# ---- flattened by PDF-to-text ----------------------------------------------------------------------------


def test_flattened_scorecard_matched_from_the_right_with_completing_header_line() -> None:
    doc = read("flattened_asc.txt")
    (t,) = doc.tables
    assert t.layout == "flattened" and t.label == "Appendix 1 Scorecard"
    assert headers(doc) == [["Indicator", "Q3", "Q2", "Target", "RAG", "DoT"], ["24/25", "24/25"]]
    reablement = "Reablement: % at home 91 days after discharge"  # the 91 stays in the label
    c = cell(doc, reablement, "Q3 24/25")
    assert (c.span.quote, c.column_headers) == ("82.4", ("Q3", "24/25"))
    assert c.row_span.quote == reablement
    g = grid(doc)
    assert g[(reablement, "Target")] == "85" and g[(reablement, "DoT")] == "↑"
    assert g[("Admissions to care homes aged 65+ per 100,000", "Q2 24/25")] == "548.0"
    # rows after the page number and the repeated running title are the same table
    assert g[("Carers assessed in 28 days (%)", "Q2 24/25")] == "n/a"
    assert g[("Adults with learning disabilities in paid employment (%)", "RAG")] == "Amber"
    assert not any(c.span.quote == "7" for c in doc.cells)
    waiting = "People waiting for an assessment at day 28"  # a label ending in a number keeps it
    assert (g[(waiting, "Q3 24/25")], g[(waiting, "Target")]) == ("35", "30")
    # fewer values than columns: the rating and direction words are placed, the figures only when they
    # are as many as the figure columns left
    assert g[("Direct payments (%)", "RAG")] == "Amber" and g[("Direct payments (%)", "DoT")] == "↑"
    assert not any(c.row_header == "Direct payments (%)" and c.span.quote[0].isdigit() for c in doc.cells)
    assert g[("Safeguarding enquiries concluded (%)", "Target")] == "90"
    assert ("Safeguarding enquiries concluded (%)", "RAG") not in g
    assert g[("Reviews completed (%)", "RAG")] == "Red"
    assert not any(c.row_header == "Reviews completed (%)" and c.span.quote == "70" for c in doc.cells)
    assert not any("Northmoor" in c.row_header for c in doc.cells)
    assert "82.4%" in doc.text[: t.start]  # the prose before the table is not read as a row


def test_flattened_scorecard_with_arrow_and_word_cells_and_a_quarter_target_column() -> None:
    doc = read("flattened_scotland.txt")
    assert headers(doc) == [["Measure", "Q1 2024/25", "Q1 Target", "Scotland", "Trend"]]
    g = grid(doc)
    assert g[("Primary attendance (%)", "Trend")] == "↑ Improving"
    assert g[("Exclusions per 1,000 pupils", "Q1 Target")] == "20.0"
    assert g[("Exclusions per 1,000 pupils", "Scotland")] == "18.9"


def _flat(tmp_path: Path, text: str) -> SourceDoc:
    path = tmp_path / "scorecard.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert_consistent(doc)
    return doc


def test_flattened_header_whose_second_line_completes_heads_with_words(tmp_path: Path) -> None:
    """A split header whose second line ends a head with a word ("Wales / average", "Family / group") still
    makes the table, each word joining the head above it."""
    doc = _flat(tmp_path, (
        "Appendix B: Corporate scorecard\n"
        "Code Measure Q4 Q4 Target Wales Family RAG\n"
        "2023/24 2024/25 2024/25 average group\n"
        "CS01 Calls answered first time (%) 71.5 74.0 75.0 72.2 70.9 Amber\n"
        "CS02 Complaints closed in time (%) 80.1 85.6 85.0 83.0 n/a Green\n"
        "HR04 Staff turnover rate (%) 11.2 12.9 10.0 - 11.8 Red\n"
        "\n"
        "The scorecard is reported quarterly.\n"
    ))
    g = grid(doc)
    assert g[("CS01 Calls answered first time (%)", "Wales average")] == "72.2"
    assert g[("CS02 Complaints closed in time (%)", "Q4 2024/25")] == "85.6"
    assert g[("HR04 Staff turnover rate (%)", "Family group")] == "11.8"


def test_flattened_rag_initials_and_a_bracketed_label_tail_across_a_page_footer(tmp_path: Path) -> None:
    """Under a RAG head a capital R, A or G among the values is the rating cell, and a short bracket on the
    line under a row ("(days)") ends that row's label, also after a page footer inside the table."""
    doc = _flat(tmp_path, (
        "Measure Q3 Q4 Target Region RAG Trend\n"
        "Benefit claims processed on time 88.2 90.4 92 89.0 A Improving\n"
        "(% of new claims)\n"
        "Average time to relet council homes 41 38 30 35 R Improving\n"
        "(days)\n"
        "Bro Dyfnant County Borough Council - Cabinet Page 4 of 9\n"
        "Household waste reused or recycled (%) 63.0 64.1 64 62.7 G Stable\n"
        "Streets graded clean (%) 91 92 95 93 A Improving\n"
        "\n"
        "2. Commentary\n"
    ))
    g = grid(doc)
    assert g[("Average time to relet council homes (days)", "Q4")] == "38"
    assert g[("Benefit claims processed on time (% of new claims)", "RAG")] == "A"
    assert g[("Household waste reused or recycled (%)", "Region")] == "62.7"
    assert g[("Streets graded clean (%)", "Trend")] == "Improving"


def test_flattened_table_going_on_after_a_page_break_under_its_caption_and_header(tmp_path: Path) -> None:
    """A flattened table broken by a page keeps its rows when the new page prints the caption marked
    "(continued)" and the header lines again before the rest of the rows."""
    doc = _flat(tmp_path, (
        "Table 3: Housing indicators\n"
        "Measure 2023/24 2024/25 Target Status\n"
        "Homes let within 28 days (%) 61.0 64.5 70.0 Amber\n"
        "Rent arrears as % of rent due 3.4 3.1 3.0 Amber\n"
        "Glanrhyd Borough Council 14 Page 5 of 8\n"
        "Table 3 (cont'd)\n"
        "Measure 2023/24 2024/25 Target Status\n"
        "Disabled adaptations completed (days) 212 188 180 Amber\n"
        "Tenants satisfied with repairs (%) 82 84 85 Green\n"
    ))
    assert len(doc.tables) == 1
    g = grid(doc)
    assert g[("Disabled adaptations completed (days)", "2024/25")] == "188"
    assert g[("Homes let within 28 days (%)", "Target")] == "70.0"


def test_flattened_header_split_by_a_page_break_and_a_wrapped_name_after_one(tmp_path: Path) -> None:
    """A page break may fall between a two-line header's lines, and a row's name may wrap over the first
    lines of a new page: the table keeps its header and its rows on both pages."""
    doc = _flat(tmp_path, (
        "Annex 2 Key performance indicators\n"
        "Code Measure Year Year Target Scotland RAG\n"
        "Page 6\n"
        "\f\n"
        "Tayforth Council - Education and Children Committee\n"
        "2023/24 2024/25 2024/25 average\n"
        "ED1 School leavers in a positive destination (%) 93.1 94.0 95.0 95.7 Amber\n"
        "ED2 Pupils attending school (%) 90.4 90.9 92.0 90.2 Amber\n"
        "Page 7\n"
        "\f\n"
        "Tayforth Council - Education and Children Committee\n"
        "ED3 Looked after children with three or more placements\n"
        "in the year (%) 5.8 5.1 5.0 5.7 Amber\n"
        "ED4 Exclusions per 1,000 pupils 15.2 13.9 14.0 16.6 Green\n"
        "\n"
        "3. Commentary\n"
    ))
    assert len(doc.tables) == 1
    g = grid(doc)
    assert g[("ED1 School leavers in a positive destination (%)", "Scotland average")] == "95.7"
    assert g[("ED2 Pupils attending school (%)", "Year 2023/24")] == "90.4"
    ed3 = "ED3 Looked after children with three or more placements in the year (%)"
    assert g[(ed3, "Year 2024/25")] == "5.1"
    assert g[("ED4 Exclusions per 1,000 pupils", "Target 2024/25")] == "14.0"


def test_aligned_label_wrapped_onto_a_line_opening_with_a_bracket(tmp_path: Path) -> None:
    """A space-aligned row label wrapped so that its second line opens with a bracket ("(within 12 weeks)
    %") goes on the row's label, as a lower-case second line does, rather than reading as a group heading."""
    doc = _flat(tmp_path, (
        "Measure                          2023/24   2024/25   Target\n"
        "Adult social care reviews done   71.0      74.2      80.0\n"
        "(within 12 weeks) %\n"
        "Delayed transfers per 100,000    9.1       8.4       8.0\n"
        "adults\n"
        "Carers assessed in the year      1,204     1,377     1,300\n"
    ))
    g = grid(doc)
    assert g[("Adult social care reviews done (within 12 weeks) %", "2024/25")] == "74.2"
    assert g[("Delayed transfers per 100,000 adults", "Target")] == "8.0"


def test_aligned_last_row_label_ending_in_a_bracket_on_its_own_line_keeps_it(tmp_path: Path) -> None:
    """The last row of a space-aligned table wrapped onto a line of its unit alone ("(%)") keeps that line as
    the end of its label, as the rows above do, while a note in brackets under the table stays out."""
    for note in ("\n(Source: housing management system)\n", "(Source: annual tenant survey)\n", ""):
        doc = _flat(tmp_path, (
            "Indicator                     Q3 2023/24   Q3 2024/25   Target\n"
            "Council homes let on time     81.2         84.0         85.0\n"
            "(%)\n"
            "Tenants satisfied with        87.0         88.5         90.0\n"
            "repairs (%)\n"
            "Rent collected as a share     97.9         98.3         98.0\n"
            "(%)\n" + note
        ))
        g = grid(doc)
        assert g[("Council homes let on time (%)", "Q3 2024/25")] == "84.0"
        assert g[("Rent collected as a share (%)", "Target")] == "98.0"
        assert "Source" not in doc.text[doc.tables[0].start : doc.tables[0].end]


def test_aligned_labels_wrapped_onto_capitalised_lines_that_end_or_open_a_bracket(tmp_path: Path) -> None:
    """A row label wrapped onto a line in capitals is the label's end when that line closes a bracket
    ("Gallery (month)") or opens one ("Scheme (under 16s") closed below, in the table and at its end,
    while a heading line without brackets between rows stays a group heading."""
    doc = _flat(tmp_path, (
        "Measure                          Oct 2024    Nov 2024    Target\n"
        "Visits to the Harbourside Art    4,210       3,980       4,000\n"
        "Gallery (month)\n"
        "Sport and leisure\n"
        "Swimming lessons booked           1,144       1,206       1,150\n"
        "Members of the Junior Gym         318         342         300\n"
        "Scheme (under 16s, at month\n"
        "end)\n"
        "\n"
        "Page 7\n"
    ))
    g = grid(doc)
    assert g[("Visits to the Harbourside Art Gallery (month)", "Nov 2024")] == "3,980"
    assert g[("Swimming lessons booked", "Target")] == "1,150"
    assert g[("Members of the Junior Gym Scheme (under 16s, at month end)", "Nov 2024")] == "342"


# ---- not tables -----------------------------------------------------------------------------------------


def test_prose_minutes_attendance_agenda_forms_and_signatures_are_not_tables() -> None:
    doc = read("not_tables.txt")
    assert doc.tables == () and doc.cells == ()
    assert not any(s.kind == "table" for s in doc.sections)


@pytest.mark.parametrize(
    "text",
    [
        "The Committee noted that 312 applications were received.  Of these 94 were granted.  A further\n"
        "6 were refused.  The remaining 12 await a decision.  The target of 90 was met.\n",
        "23. Declarations of Interest\n24. Minutes\n25. Performance Report 2024/25 Q1\n",
        "Agenda                                      Pages\n"
        "5.   Performance Report ....................  11 - 24\n"
        "6.   Budget Monitoring .....................  25 - 30\n",
        "Present:  Councillors A Jones, B Smith and C Patel\nApologies:  Councillor D Evans\n",
        "Tel: 01632 960433    Email: a@b.gov.uk\nTel: 01632 960434    Email: c@d.gov.uk\n",
        "Wards:        12\nPopulation:   45,000\nArea:         312\n",
        "Signed  .........................   Date  ..........\nChair\n",
        "Budget | Forecast\n",
        # minutes set out with tab stops: a number and a heading, paragraphs indented by a tab, lettered
        # sub-paragraphs, an attendance list
        "ATTENDING:\tCouncillor M Orme (Chair)\n"
        "\tCouncillors F Dale, H Ince and W Yeo\n"
        "OFFICERS:\tK Lund, Director of Place\n"
        "\tS Amis, Democratic Services Officer\n"
        "41.\tAPOLOGIES\n"
        "\tApologies were received from Councillor Tarr.\n"
        "42.\tMATTERS ARISING\n"
        "\t(i)\tLibrary hours: the Director said the consultation would close in May.\n"
        "\t(ii)\tBus shelters: a list of sites had been sent to members.\n",
    ],
)
def test_constructions_that_are_not_tables(text: str) -> None:
    assert find(text) == []


def test_value_cells() -> None:
    values = ("94.6p", "12.1*", "1,146", "£8,412", "n/a", "-", "–", "Amber", "↑", "Better", "(3.2)", "82%")
    for token in values:
        assert is_value(token), token
    for token in ("01632", "2024/25", "Q1", "Indicator", "11 - 24", "5."):
        assert not is_value(token), token


def test_text_outside_a_readers_own_tables_is_searched(tmp_path: Path) -> None:
    """An HTML table is the HTML reader's; text tables are searched only in the text around it."""
    from kg.read.tables import with_tables
    from kg.read.text import read as read_text

    path = tmp_path / "two.txt"
    rows = "Measure | Q1 | Target\nA rate (%) | 4.1 | 5.0\nB rate (%) | 3.9 | 5.0\n"
    path.write_text(rows, encoding="utf-8")
    first = read_text(path)
    again = with_tables(first)  # already covered: nothing is added twice
    assert again.tables == first.tables and again.cells == first.cells


# ---- the development corpus -------------------------------------------------------------------------------


def dev(prefix: str) -> SourceDoc:
    if not DEV.is_dir():
        pytest.skip("the development corpus (../shared/eval/dev/docs) is not here")
    (path,) = DEV.glob(f"{prefix}_*.txt")
    doc = read_document(path)
    assert_consistent(doc)
    return doc


def test_dev_files_without_tables_give_none() -> None:
    for prefix in "201 203 205 206 208 209 210 212 213 220 222 225 226 228 229 232 233".split():
        doc = dev(prefix)
        assert doc.tables == () and doc.cells == (), prefix


def test_dev_aligned_scorecard_with_group_rows_and_markers() -> None:
    doc = dev("200")
    t = doc.tables[0]
    assert t.layout == "aligned"
    assert headers(doc)[0][:4] == ["Indicator", "2022/23", "2023/24", "Target"]
    g = grid(doc)
    assert g[("Leavers in a positive initial destination (%)", "2023/24")] == "94.6p"
    assert g[("Leavers in a positive initial destination (%)", "Scotland")] == "95.9*"
    assert g[("Care experienced leavers: positive destination (%)", "2023/24")] == "-"
    assert g[("Cost per secondary pupil (£)", "2022/23")] == "8,102"
    assert g[("Attendance – primary (%)", "Trend")] == "Declining"
    assert not any(c.row_header in ("Attainment", "Cost") for c in doc.cells)
    (appendix,) = doc.tables[1:]
    assert appendix.layout == "aligned" and grid(doc, 1)[("Strathmuir High School", "")] == "57"
    assert not any("01632" in c.span.quote for c in doc.cells)


def test_dev_pipe_tables() -> None:
    doc = dev("204")
    assert [t.layout for t in doc.tables] == ["pipe"]
    g = grid(doc)
    assert g[("Carers who find it easy to find information (%)", "Yorkshire and the Humber 2023/24")] == "-"
    assert g[("Carer-reported quality of life (score out of 12)", "England 2023/24")] == "7.3"
    doc = dev("223")
    g = grid(doc)
    waste = "PAM/030 Municipal waste reused, recycled or composted (%)"
    assert g[(waste, "Target 2024/25")] == "70.0" and g[(waste, "Trend")] == "↑ Improving"
    assert g[("CHE/L02 Empty private sector homes brought back into use (number)", "Q1 2023/24")] == "-"
    for prefix, n in (("202", 1), ("224", 2)):  # action logs and a work programme are tables of text
        doc = dev(prefix)
        assert [t.layout for t in doc.tables] == ["pipe"] * n
        assert all(t.header_rows for t in doc.tables)


def test_dev_tab_tables() -> None:
    doc = dev("207")
    assert [t.layout for t in doc.tables] == ["tab", "tab"]  # the "Report to:" form above is no table
    assert grid(doc, 0)[("Thornley Community Hospital", "Average delay, Q1 (days)")] == "5.9"
    g = grid(doc, 1)
    reablement = "ASC03 Older people at home 91 days after discharge into reablement (%)"
    assert g[(reablement, "Q1 2024/25")] == "81.4"
    assert g[(reablement, "CIPFA NN")] == "82.9"
    assert g[(reablement, "Direction")] == "↑ Improving"
    doc = dev("221")
    assert grid(doc)[("All areas", "Average days to re-let Q1 2024/25")] == "52.6"
    doc = dev("230")
    assert [t.layout for t in doc.tables] == ["tab"]  # the agenda with page numbers above is no table
    assert not any(c.span.quote in ("3 - 10", "11 - 12") for c in doc.cells)


def test_dev_flattened_scorecards_across_a_page_footer() -> None:
    doc = dev("211")
    (t,) = doc.tables
    assert t.layout == "flattened"
    g = grid(doc)
    assert g[("ASC04 Permanent admissions to care homes, aged 65+, per 100,000", "Q2 24/25")] == "623.9"
    assert g[("ASC04 Permanent admissions to care homes, aged 65+, per 100,000", "CIPFA NN")] == "588.7"
    assert g[("ASC06 Carers assessments completed (number)", "Q1 24/25")] == "286"  # after the footer
    assert g[("ASC08 Adult social care complaints received (number)", "RAG")] == "n/a"
    assert not any("Page" in c.span.quote or "Harrowfield" in c.row_header for c in doc.cells)
    doc = dev("227")
    (t,) = doc.tables
    assert t.layout == "flattened"
    g = grid(doc)
    assert g[("PL2 Minor planning applications determined within 8 weeks (%)", "Q3 Target")] == "85.0"
    assert g[("WS1 Missed bin collections per 100,000 collections", "Q3 2024/25")] == "39"
    assert g[("HS1 Affordable homes delivered (annual)", "Status")] == "n/a"


def test_dev_aligned_scorecard_with_reference_column() -> None:
    doc = dev("231")
    (t,) = doc.tables
    assert t.layout == "aligned" and headers(doc)[0][:2] == ["Ref", "Indicator"]
    g = grid(doc)
    assert g[("HR1 Sickness absence days per FTE (cumulative)", "Q2 Target")] == "4.50"
    assert g[("LC1 Leisure centre visits (number)", "Q2 2024/25")] == "118,960"
    assert g[("PL1 Major planning applications determined within 13 weeks (%)", "Trend*")] == "↓"


def test_a_numbered_heading_over_an_aligned_table_is_its_label_not_a_header_row() -> None:
    doc = read("aligned_planning.txt")
    t = doc.tables[1]
    assert (t.layout, t.label) == ("aligned", "4.0 WASTE SERVICES")
    assert headers(doc, 1) == [["Measure", "Q3 2024/25", "Target"]]
    assert grid(doc, 1)[("Garden waste subscriptions", "Q3 2024/25")] == "14,212"
    assert doc.text[t.start : t.start + 7] == "Measure"


# ---- the structured readers fill the same structure ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("scorecard_report.pdf", "pdf-ruled"),
        ("report_with_table.docx", "docx"),
        ("ieListDocuments_two_items.html", "html"),
    ],
)
def test_html_word_and_ruled_pdf_tables_are_the_same_structure(name: str, layout: str) -> None:
    doc = read_document(TABLES.parent / name)
    assert_consistent(doc)
    (t,) = doc.tables
    assert t.layout == layout and t.index == 0
    assert [s.quote for s in t.header_rows[0]][:3] == ["Indicator", "Q1 2022/23", "Target"]
    c = cell(doc, "Care leavers in suitable accommodation", "Q1 2022/23")
    assert (c.span.quote, c.column, c.table, c.column_headers) == ("91%", 1, 0, ("Q1 2022/23",))
    assert c.row_span is not None and c.row_span.quote == "Care leavers in suitable accommodation"
    assert all(c.column >= 1 and c.row_header for c in doc.cells)  # the label column is no cell


@pytest.mark.parametrize(
    "text",
    [
        "Contents                                   Page\n"
        "Introduction                                  3\n"
        "Performance                                   7\n",
        "1. Introduction ........................    3\n"
        "2. Background ..........................    5\n"
        "3. Performance .........................   11\n",
        "Item\tTitle\tPages\n4\tMinutes\t3\n5\tPerformance Report\t11\n",
    ],
)
def test_contents_and_agenda_page_columns_are_not_tables(text: str) -> None:
    assert find(text) == []


# ---- one cell a line (copied from a web page or a PDF) -------------------------------------------------


def test_cells_a_line_with_a_period_group_notes_and_lost_status_icons() -> None:
    """A district scorecard copied one cell a line: a period heads the figure columns under it, a bracketed
    note is not part of the label, short rows fill the figure columns and leave the lost icons empty, a row
    with too few figures keeps no cells, and the legend below is not part of the table."""
    doc = read("cells_district_scorecard.txt")
    (t,) = doc.tables
    assert (t.layout, t.label) == ("cells", "Revenues and Benefits")
    assert headers(doc) == [
        ["Key Performance Indicator", "Quarter 3 2023/24", "Short Term Trend", "Long Term Trend"],
        ["Actual", "Target", "Status"],
    ]
    g = grid(doc)
    claims = "Average days to process new Housing Benefit claims"
    q3 = "Quarter 3 2023/24"
    assert (g[(claims, f"{q3} Actual")], g[(claims, f"{q3} Target")]) == ("17.4", "20")
    assert cell(doc, claims, "Quarter 3 2023/24 Actual").row_span.quote == claims  # the note is left out
    tax = "Percentage of Council Tax collected"  # no blank lines between its cells
    assert g[(tax, "Quarter 3 2023/24 Actual")] == "81.9%" and g[(tax, "Quarter 3 2023/24 Status")] == "Amber"
    assert (tax, "Short Term Trend") not in g and (tax, "Long Term Trend") not in g
    assert g[("Number of customer complaints received", "Quarter 3 2023/24 Target")] == "N/A"
    arrears = "Value of business rates arrears written off"
    assert g[(arrears, "Quarter 3 2023/24 Actual")] == "£2.3m" and g[(arrears, "Long Term Trend")] == "↓"
    assert not any(c.row_header.startswith("Stage 2") for c in doc.cells)  # one figure for two columns
    assert doc.text[t.start : t.end].endswith("93%")
    assert c_quotes(doc).isdisjoint({"Target met", "Data only"})
    assert len(g) == 12


def c_quotes(doc: SourceDoc) -> set[str]:
    return {c.span.quote for c in doc.cells}


def test_cells_a_line_with_a_reference_column_and_a_wales_average() -> None:
    """A Welsh PAM table: the reference line before each label joins it, "-" is a cell, a row one figure
    short keeps no cells, and the prose after the table is not a row."""
    doc = read("cells_pam_wales.txt")
    (t,) = doc.tables
    assert headers(doc) == [["Ref", "Indicator", "Actual", "Target", "Wales average"]]
    g = grid(doc)
    dfg = "PAM/837 Average number of calendar days taken to deliver a Disabled Facilities Grant"
    assert (g[(dfg, "Actual")], g[(dfg, "Target")], g[(dfg, "Wales average")]) == ("226", "210", "198")
    assert cell(doc, dfg, "Actual").column == 2  # two label columns: the reference and the indicator
    assert g[("PAM/844 Kilograms of residual waste generated per person", "Target")] == "-"
    assert not any(c.row_header.startswith("PAM/851") for c in doc.cells)
    assert "14" not in c_quotes(doc) and "Members asked" not in doc.text[t.start : t.end]


def test_cells_a_line_benchmarking_table_with_year_columns_and_a_rank() -> None:
    """A Scottish benchmarking table: year columns, Scotland and family group comparators and a rank; a row
    with one value missing cannot say which, so it keeps no cells; a label with numbers stays a label."""
    doc = read("cells_lgbf_scotland.txt")
    assert headers(doc) == [["Measure", "2021/22", "2022/23", "Scotland", "Family Group", "Rank"]]
    g = grid(doc)
    cost = "Cost per early learning and childcare place (£)"
    assert (g[(cost, "2022/23")], g[(cost, "Family Group")], g[(cost, "Rank")]) == ("£6,480", "£6,893", "9")
    assert g[("School attendance rate (%)", "Scotland")] == "90.3"
    assert g[("Percentage of pupils achieving 5 or more awards at level 6", "2021/22")] == "37"
    assert not any(c.row_header.startswith("Percentage of adults") for c in doc.cells)


def test_cells_a_line_statutory_indicators_with_a_standard_and_status_words() -> None:
    """A Northern Ireland statutory indicators table: the standard is a column, "Not achieved" a status
    cell, a short row fills the figure columns, a row two figures short keeps no cells."""
    doc = read("cells_ni_statutory.txt")
    assert headers(doc) == [["Statutory Indicator", "Standard", "2022/23", "2023/24", "NI average", "Status"]]
    g = grid(doc)
    major = "Major planning applications: average processing time (weeks)"
    assert (g[(major, "Standard")], g[(major, "2023/24")]) == ("30", "53.6")
    assert g[(major, "Status")] == "Not achieved"
    enforcement = "Enforcement cases concluded within 39 weeks (%)"
    assert g[(enforcement, "NI average")] == "69.4%" and (enforcement, "Status") not in g
    assert not any(c.row_header.startswith("Jobs promoted") for c in doc.cells)


def test_cells_a_line_dashboard_with_ratings_arrows_and_a_provisional_note() -> None:
    """A social care dashboard: full rows give every cell; a figure with words ("92 (provisional)") or a
    row one figure short gives none; a row without its rating and arrow fills the figure columns."""
    doc = read("cells_asc_dashboard.txt")
    assert headers(doc) == [["Performance measure", "Latest", "Previous", "Target", "England", "RAG", "DoT"]]
    g = grid(doc)
    admissions = "Permanent admissions to residential and nursing care, aged 65+, per 100,000 population"
    assert (g[(admissions, "Latest")], g[(admissions, "RAG")]) == ("498.3", "Green")
    assert g[(admissions, "DoT")] == "↓"
    employed = "Adults with a learning disability in paid employment (%)"
    assert g[(employed, "England")] == "4.8%" and (employed, "RAG") not in g
    assert not any(c.row_header.startswith(("Carers", "Safeguarding")) for c in doc.cells)
    assert len(g) == 16


def test_cells_a_line_lists_legends_summary_grids_and_forms_are_not_tables() -> None:
    """Attendance, numbered minutes, an agenda with pages, a ratings key, a grid of counts by rating and a
    form of "Indicator:" lines, one a line, are not tables."""
    doc = read("cells_not_tables.txt")
    assert doc.tables == () and doc.cells == ()


@pytest.mark.parametrize(
    "text",
    [
        "Indicator\n\nTarget\n\nThe target was agreed by the committee in March.\n",
        "Performance indicators\nNumber\nPercentage\nGreen\n12\n60%\nAmber\n5\n25%\nRed\n3\n15%\n",
        "Measures\nRAG\nStatus\nGreen\n4\nRed\n2\n",
        "Indicator\nActual\nTarget\nRecycling rate (%)\n44.1\n",  # one row is no table
        "Indicator\nActual\nTarget\nRecycling rate (%)\n44.1\nAmber\nMissed collections\nGreen\n",
        "Indicator\nActual\nTarget\nMembers noted that 12 were on track.\n14\n15\n"
        "It was agreed to review 3.\n4\n",
    ],
)
def test_cells_a_line_constructions_that_are_not_tables(text: str) -> None:
    """A header without rows, a summary grid whose rows are ratings, a header of status columns only, a
    single row, rows without figures, and sentences of minutes after a header are not tables."""
    assert find(text) == []


def test_cells_a_line_page_number_and_repeated_label_do_not_break_the_table() -> None:
    """A "Page 2" line between rows is skipped; the same label in the prose before is still a row."""
    text = (
        "Missed bins per 100,000 collections were discussed.\n\nMissed bins per 100,000 collections\n\n"
        "Measure\nQ2 2024/25\nTarget\n\nMissed bins per 100,000 collections\n41\n50\nPage 2\n"
        "Garden waste subscriptions\n9,120\n8,500\n"
    )
    (f,) = find(text)
    assert f.layout == "cells" and len(f.rows) == 2
    assert [text[a:b] for _, a, b in f.rows[1].cells] == ["9,120", "8,500"]


def test_cells_a_line_key_below_the_table_gives_the_last_row_no_direction() -> None:
    """A key of arrows below the table is not rows, and its first arrow is not the last row's direction."""
    text = (
        "Indicator\nActual\nTarget\nDoT\nMissed bins per 100,000\n41\n50\n↑\nBulky waste jobs\n312\n300\n\n"
        "↑\nPerformance has improved\n↓\nPerformance has declined\n"
    )
    (f,) = find(text)
    assert [r.label_text for r in f.rows] == ["Missed bins per 100,000", "Bulky waste jobs"]
    assert [text[a:b] for _, a, b in f.rows[0].cells] == ["41", "50", "↑"]
    assert [text[a:b] for _, a, b in f.rows[1].cells] == ["312", "300"]
    assert text[: f.end].endswith("300")


def test_cells_a_line_group_heading_and_a_note_that_is_not_bracketed() -> None:
    """A short heading over a longer label is a group heading; a label followed by an unbracketed note
    cannot say which line is the label, so that row keeps no cells."""
    text = (
        "Measure\nQ2 2024/25\nTarget\n\nHousing\nHouseholds in temporary accommodation\n212\n180\n"
        "Homeless applications decided within 33 working days\nAverage over the quarter\n71%\n80%\n"
        "Empty homes brought back into use\n14\n20\n"
    )
    (f,) = find(text)
    cells = {r.label_text: [text[a:b] for _, a, b in r.cells] for r in f.rows}
    assert cells["Households in temporary accommodation"] == ["212", "180"]
    assert cells["Average over the quarter"] == [] and "Housing" not in cells
    assert cells["Empty homes brought back into use"] == ["14", "20"]


# ---- records of labelled fields ------------------------------------------------------------------------


def _text_doc(text: str, tmp_path: Path) -> SourceDoc:
    path = tmp_path / "fields.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, root=tmp_path)
    assert_consistent(doc)
    return doc


def test_labelled_field_records_are_a_table_with_bounds_and_pipes_left_out(tmp_path: Path) -> None:
    """"Indicator: X" opening each record, then "Target:", "Result:" fields (the value on the field's line or
    the next one): a table of rows X under columns named by the fields; a target's bound ("A maximum of"), a
    trailing full stop or pipe and a bracketed note under a field are no part of any cell."""
    doc = _text_doc(
        "Indicator: Average time to decide local applications\n"
        "Target: A maximum of 15 weeks. |\n"
        "Result: 12.1 weeks. |\n"
        "Status: Achieved. |\n"
        "Indicator: Number of business starts supported\n"
        "Target:\n\nAt least 120 starts.\n\n"
        "Result:\n\n131 starts\n\n"
        "(90 through one scheme and 41 through another).\n"
        "Status:\n\nAchieved.\n", tmp_path)
    (t,) = doc.tables
    assert t.layout == "fields"
    assert grid(doc) == {
        ("Average time to decide local applications", "Target"): "15 weeks",
        ("Average time to decide local applications", "Result"): "12.1 weeks",
        ("Average time to decide local applications", "Status"): "Achieved",
        ("Number of business starts supported", "Target"): "120 starts",
        ("Number of business starts supported", "Result"): "131 starts",
        ("Number of business starts supported", "Status"): "Achieved",
    }


def test_field_records_go_on_over_a_wrapped_indicator_and_a_page_break(tmp_path: Path) -> None:
    """As a PDF converter gives them: an indicator's name wrapped onto a second line is one row label, and
    a page break inside a record (a page number, then a running head printed once) does not end the table;
    a field's name repeated in every record is never taken for page furniture."""
    doc = _text_doc(
        "Indicator: The percentage of household waste collected by the council that is prepared for\n"
        "reuse or recycling\n"
        "Target: A minimum of 55%.\n"
        "Result: 57.2%\n"
        "Indicator: The average number of days taken to process new housing benefit claims received\n"
        "in the year\n"
        "Page 3 of 8\n\n"
        "Annual Performance Report\n"
        "Target: A maximum of 20 days.\n"
        "Result: 18.4 days\n", tmp_path)
    (t,) = doc.tables
    assert grid(doc) == {
        ("The percentage of household waste collected by the council that is prepared for reuse or recycling",
         "Target"): "55%",
        ("The percentage of household waste collected by the council that is prepared for reuse or recycling",
         "Result"): "57.2%",
        ("The average number of days taken to process new housing benefit claims received in the year",
         "Target"): "20 days",
        ("The average number of days taken to process new housing benefit claims received in the year",
         "Result"): "18.4 days",
    }


def test_a_key_value_form_is_not_a_field_table(tmp_path: Path) -> None:
    """One "Indicator:" record, or records whose fields hold no figure, are a form, not a table."""
    one = _text_doc("Indicator: Rent collected\nTarget: 98%\nResult: 97.5%\n", tmp_path)
    assert one.tables == ()
    words_only = _text_doc("Measure: Customer care\nOwner: Head of Service\nMeasure: Complaints\n"
                           "Owner: Customer Services Manager\n", tmp_path)
    assert words_only.tables == ()


@pytest.mark.parametrize("mark", ["?", "\uf0e9", "●"])
def test_a_direction_or_rating_glyph_lost_in_conversion_still_ends_a_flattened_row(tmp_path: Path,
                                                                                  mark: str) -> None:
    """A Wingdings arrow (a Private Use Area character), a "?" where a converter could not map one, or a dot
    whose colour was the rating, in a row's last cell: the row is still read, and the mark is no figure."""
    src = (TABLES / "flattened_asc.txt").read_text(encoding="utf-8")
    for arrow in ("↑", "↓", "→"):
        src = src.replace(f" {arrow}\n", f" {mark}\n")
    (tmp_path / "marks.txt").write_text(src, encoding="utf-8")
    doc = read_document(tmp_path / "marks.txt")
    assert_consistent(doc)
    g = grid(doc)
    reablement = "Reablement: % at home 91 days after discharge"
    got = (g[(reablement, "Q3 24/25")], g[(reablement, "Target")], g[(reablement, "DoT")])
    assert got == ("82.4", "85", mark)
    assert g[("Admissions to care homes aged 65+ per 100,000", "Q2 24/25")] == "548.0"


def test_a_flattened_scorecard_with_a_comments_column_keeps_its_rows(tmp_path: Path) -> None:
    """A PDF-flattened scorecard whose last head is "Comments": each row's words after its figures and rating
    are its comment, so the rows are read (values matched from the right as before) and the comment is in no
    cell; a row without a comment is read the same."""
    doc = _text_doc(
        "Measure Q1 Q2 Target Status Comments\n"
        "Working days lost to sickness per FTE 2.4 2.1 2.0 Amber Long term absence fell in the quarter\n"
        "Invoices paid within 30 days (%) 96.2 97.1 95.0 Green\n"
        "Missed bins per 100,000 collections 52 38 40 Green Crews back to full strength\n", tmp_path)
    (t,) = doc.tables
    assert t.layout == "flattened"
    g = grid(doc)
    assert g[("Working days lost to sickness per FTE", "Q2")] == "2.1"
    assert g[("Working days lost to sickness per FTE", "Status")] == "Amber"
    assert g[("Missed bins per 100,000 collections", "Target")] == "40"
    assert not any("Crews" in v or "absence" in v for v in g.values())


_ALIGNED_PAGES = """Table 1: Corporate KPIs

Ref  Indicator                               Q1 2024/25   Q2 2024/25   Target
CT1  Council tax collected (cumulative %)          29.4         57.2     57.5

Page 2
Fenland District Council - Cabinet

BR1  Business rates collected (cumulative %)       31.7         59.8     58.5
PL1  Major planning applications in time (%)       88.9         71.4     80.0
"""

_FLAT_PAGES = """Table 1 Corporate KPIs
Ref Indicator Q2 2024/25 Q3 2024/25 Q3 Target Status
CT1 Council tax collected (cumulative %) 57.2 84.6 85.0 Amber
BR1 Business rates collected (cumulative %) 59.8 85.9 84.5 Green

Page 2
Committee Papers - December 2024

IG1 FOI requests answered in time (%) 86.5 93.8 90.0 Green
WS1 Missed bin collections per 100,000 collections 58 39 50 Green
"""


@pytest.mark.parametrize(("body", "row", "column", "value"), [
    (_ALIGNED_PAGES, "PL1 Major planning applications in time (%)", "Q2 2024/25", "71.4"),
    (_FLAT_PAGES, "WS1 Missed bin collections per 100,000 collections", "Q3 2024/25", "39"),
])
def test_a_table_goes_on_after_a_page_number_and_a_running_head_printed_once(
        tmp_path: Path, body: str, row: str, column: str, value: str) -> None:
    """A two-page paper prints its running head once, under the page number and over a blank line: the rows
    after it are the same table, under the same headers (not a headless table of their own)."""
    (tmp_path / "t.txt").write_text(body, encoding="utf-8")
    doc = read_document(tmp_path / "t.txt")
    assert_consistent(doc)
    assert len(doc.tables) == 1
    assert grid(doc)[(row, column)] == value


def test_a_tab_table_whose_heading_row_is_narrower_than_its_rows_is_read_by_its_words(tmp_path: Path) -> None:
    """Two heads in one cell ("Scotland Family Grp" over two columns, a merged Word cell): the tabs cannot say
    which head stands over which figure, so the rows are read as a flattened scorecard, whose header is split
    to fit the figures from the right."""
    (tmp_path / "t.txt").write_text(
        "Indicator\t2022/23\t2023/24\tTarget\tScotland Family Grp\tTrend\n"
        "Positive destinations (%)\t93.8\t94.6\t95.0\t95.9\t95.3\tImproving\n"
        "Attendance (%)\t93.1\t92.6\t94.0\t93.5\t93.2\tDeclining\n", encoding="utf-8")
    doc = read_document(tmp_path / "t.txt")
    assert_consistent(doc)
    g = grid(doc)
    row = "Positive destinations (%)"
    assert (g[(row, "Scotland")], g[(row, "Family Grp")], g[(row, "Trend")]) == ("95.9", "95.3", "Improving")
    assert g[("Attendance (%)", "Target")] == "94.0"


def test_a_flattened_row_s_figure_with_its_unit_is_one_cell_and_a_label_s_own_duration_stays_label(
    tmp_path: Path,
) -> None:
    """Wandsworth's waste measures (tests/data/xreal): "n/a  2 days" ends a row as two cells rather than
    ending the table, while "answered within 20 working days 85% 90%" keeps its duration in the label."""
    doc = read_document(XREAL / "wandsworth_waste.txt")
    assert_consistent(doc)
    assert doc.tables[0].n_rows == 9
    cells = {(c.row_header, c.column_header): c.span.quote for c in doc.cells}
    assert cells[("Average time taken to clear a reported fly-tip (Minimise)", "2018/19 target")] == "2 days"
    assert cells[("% of public streets cleansed to an acceptable standard", "2017/18 value")] == "96.9%"
    own = _text_doc("Measure 2023/24 actual 2024/25 target\n"
                    "Complaints answered within 20 working days 85% 90%\n"
                    "Average time to clear a fly-tip 3 days 2 days\n"
                    "Missed bins per 100,000 41 50\n", tmp_path)
    assert own.tables[0].layout == "flattened"
    got = {(c.row_header, c.column_header): c.span.quote for c in own.cells}
    assert got[("Complaints answered within 20 working days", "2023/24 actual")] == "85%"
    assert got[("Average time to clear a fly-tip", "2023/24 actual")] == "3 days"


def test_a_flattened_header_whose_second_line_holds_a_note_and_a_word_going_on(tmp_path: Path) -> None:
    """A PDF scorecard's header over two lines, the second holding the years, a note in brackets under a
    benchmark ("(PAM 2022/23)") and the end of a two-line head ("Direction of" / "travel"): the years go to
    the quarters and the target, the note and the word are no column of their own, and the rows are read."""
    doc = _text_doc(
        "Appendix 1 - Housing scorecard\n\n"
        "Measure Q3 Q4 Target Wales RAG Direction of\n"
        "23/24 23/24 23/24 (PAM 2022/23) travel\n"
        "Average days to let an empty council home 41 38 35 44 Amber Improving\n"
        "Rent arrears as a share of the rent due (%) 3.4 3.1 3.0 - Amber Improving\n"
        "Homes meeting the quality standard (%) 96.2 97.0 100 n/a Red Worsening\n", tmp_path)
    got = grid(doc)
    assert got[("Average days to let an empty council home", "Target 23/24")] == "35"
    assert got[("Average days to let an empty council home", "Wales")] == "44"
    assert got[("Homes meeting the quality standard (%)", "Q4 23/24")] == "97.0"


def test_a_flattened_scorecard_with_quartile_words_a_third_header_line_and_a_dashed_footer(tmp_path: Path
                                                                                          ) -> None:
    """A Welsh-style PDF scorecard: a third header line of a year alone (passed over), quartiles in words
    under "Quartile" ("Upper middle": one cell, no figure), a footer "Council - Committee - date Page 9"
    between its pages, and a name wrapped before a bracketed line ("(cumulative) 19 27 ...")."""
    doc = _text_doc(
        "Performance summary\n"
        "Ref Measure Q3 Q3 Target Wales Quartile RAG\n"
        "22/23 23/24 23/24 median 22/23\n"
        "22/23\n"
        "PAM/020 % of A roads in poor condition 3.9 3.6 4.0 3.8 Upper middle Green\n"
        "PAM/021 % of B roads in poor condition 4.4 4.9 4.5 4.2 Lower Red\n"
        "\n"
        "Kellside County Borough Council - Place Scrutiny Committee - 9 May 2024 Page 9\n"
        "\n"
        "PAM/043 Kilograms of residual waste per person 182 176 180 n/a n/a Green\n"
        "KCB/04 Number of empty homes brought back into use\n"
        "(cumulative) 12 17 20 - - Amber\n", tmp_path)
    got = grid(doc)
    assert got[("PAM/020 % of A roads in poor condition", "Quartile 22/23")] == "Upper middle"
    assert got[("PAM/021 % of B roads in poor condition", "Target 23/24")] == "4.5"
    assert got[("PAM/043 Kilograms of residual waste per person", "Q3 23/24")] == "176"
    assert got[("KCB/04 Number of empty homes brought back into use (cumulative)", "Q3 23/24")] == "17"


def test_real_web_table_with_two_header_rows_one_cell_a_line() -> None:
    """Fife's performance page (tests/data/xreal): a web table copied one cell a line whose header is two rows
    flattened (the years, then "Value" or "Target" under each): every figure sits under its own year's head,
    and the row whose last cells are words ("Due Mar 2018") is left without cells."""
    doc = read_document(XREAL / "fife_perform.txt")
    assert_consistent(doc)
    g = grid(doc)
    row = "Percentage of Contact Centre Customer Satisfaction *"
    assert g[(row, "2013/14 Value")] == "90.6%" and g[(row, "2016/17 Target")] == "90%"
    assert g[(row, "2016/17 Value")] == "-"
    assert not any(r.startswith("Percentage of Solace") for r, _ in g)


def test_periods_with_a_value_head_each_stay_columns_when_more_heads_follow() -> None:
    """Two periods then three figure heads ("2023/24", "2024/25", "Value", "Target", "Value") are not two
    header rows; two periods then two heads are."""
    from kg.read import tables_cells

    texts = ["2023/24", "2024/25", "Value", "Target", "Value"]
    assert tables_cells._stacked(texts, 0) == 0
    assert tables_cells._stacked(["2023/24", "2024/25", "Value", "Target"], 0) == 2


def test_a_flattened_scorecard_with_a_status_in_words(tmp_path: Path) -> None:
    """Under a "Status" head a row's status in words ("Achieved", "Not achieved", "On track") is one cell with
    no figure, so the row is read."""
    doc = _text_doc(
        "Housing indicators\n"
        "Measure 2023/24 2024/25 Target Status\n"
        "Homes let within 4 weeks (%) 61.0 66.5 70 Not achieved\n"
        "Repairs done right first time (%) 88.2 90.1 90 Achieved\n"
        "Tenancies sustained (number) 412 430 n/a On track\n", tmp_path)
    got = grid(doc)
    assert got[("Homes let within 4 weeks (%)", "2024/25")] == "66.5"
    assert got[("Repairs done right first time (%)", "Target")] == "90"
    assert got[("Tenancies sustained (number)", "2023/24")] == "412"


def test_an_aligned_table_whose_labels_wrap_below_their_figures(tmp_path: Path) -> None:
    """A PDF converter's space-aligned table puts the figures on a label's first line and wraps the rest of
    the label below: a line going on with a number ("10,000 ...", "12 months (%)") or in lower case is the
    row's, the last row's too; a note under the table is not."""
    doc = _text_doc(
        "Scorecard\n\n"
        "Measure                     Q1      Q2      Target\n"
        "Adults in residential care  512     498     480\n"
        "per 100,000 adults\n"
        "Reviews completed within    71.0    74.5    80.0\n"
        "12 months (%)\n"
        "Carers assessed within      55.2    58.0    60.0\n"
        "28 days, excluding\n"
        "declined offers (%)\n"
        "Source: social care system\n", tmp_path)
    got = grid(doc)
    assert got[("Adults in residential care per 100,000 adults", "Q2")] == "498"
    assert got[("Reviews completed within 12 months (%)", "Target")] == "80.0"
    assert got[("Carers assessed within 28 days, excluding declined offers (%)", "Q1")] == "55.2"


def test_a_flattened_scorecard_with_hyphenated_quartiles_and_a_comparator_completed_beside_a_quartile(
        tmp_path: Path) -> None:
    """Quartiles written "Mid-upper" / "Mid-lower" are one word cell each, so the rows still end in values,
    and "average" on the second header line completes the "Wales" head, not the "Quartile" head to its
    right."""
    doc = _text_doc(
        "Appendix B: national measures\n"
        "Code Indicator 2022/23 2023/24 Goal Wales Quartile DoT\n"
        "Outturn Outturn 2023/24 average\n"
        "PAM/015 Days taken to fit a home adaptation grant 201 188 190 197 Mid-upper Better\n"
        "PAM/012 Households kept from homelessness (%) 61.0 58.2 65.0 63.4 Mid-lower Worse\n"
        "PAM/013 Empty private homes returned to use (%) 3.1 2.7 3.0 5.8 Lower Worse\n", tmp_path)
    got = grid(doc)
    assert got[("PAM/015 Days taken to fit a home adaptation grant", "Wales average")] == "197"
    assert got[("PAM/012 Households kept from homelessness (%)", "Quartile")] == "Mid-lower"
    assert got[("PAM/013 Empty private homes returned to use (%)", "2023/24 Outturn")] == "2.7"


def test_a_flattened_row_ending_in_words_for_no_figure_is_still_a_row(tmp_path: Path) -> None:
    """A last cell written as words meaning "no figure" ("New indicator", "Not available") is one cell, so the
    row still ends in values and its figures are read under their heads."""
    doc = _text_doc(
        "Code Measure 2022/23 2023/24 Target Trend\n"
        "HS/01 Homes let within 28 days (%) 71.0 74.5 75.0 Better\n"
        "HS/02 Tenancies sustained for a year (%) 90.2 89.1 92.0 Worse\n"
        "HS/09 Homes with a valid gas safety record (%) n/a 99.6 - New indicator\n", tmp_path)
    got = grid(doc)
    assert got[("HS/09 Homes with a valid gas safety record (%)", "2023/24")] == "99.6"
    assert got[("HS/01 Homes let within 28 days (%)", "Target")] == "75.0"


def test_aligned_header_whose_lone_second_line_word_completes_a_comparator_head(tmp_path: Path) -> None:
    """A comparator head broken over two lines with nothing else on the second ("Peer" over "median") keeps
    both words, so its column is the comparator's and not a bare "Peer"."""
    doc = _flat(tmp_path, (
        "Table 2\n"
        "                              2022/23   2023/24   Target    Peer\n"
        "                                                            median\n"
        "Planning appeals dismissed    68.0%     71.5%     70.0%     66.4%\n"
        "Householder decisions in      88.1%     90.3%     85.0%     87.7%\n"
        "eight weeks\n"
        "Major decisions in time       74.0%     79.2%     75.0%     80.1%\n"
    ))
    g = grid(doc)
    assert g[("Planning appeals dismissed", "Peer median")] == "66.4%"
    assert g[("Householder decisions in eight weeks", "Peer median")] == "87.7%"
    assert g[("Major decisions in time", "2023/24")] == "79.2%"


def test_flattened_table_going_on_after_a_footer_whose_only_change_is_its_page_number(tmp_path: Path) -> None:
    """A running footer with no dashes, printed on each page with its own page number, is page furniture:
    the rows after it, blank lines round it, are still the table's."""
    doc = _flat(tmp_path, (
        "Table 4: Estates indicators\n"
        "Measure Q3 Q4 Target Peer RAG\n"
        "Communal repairs done on time 84% 86% 90% 88% Amber\n"
        "Estate inspections completed 92% 97% 95% n/a Green\n"
        "\n"
        "Brackenmoor Borough Council Tenants Forum 12 March 2025 Page 6\n"
        "\n"
        "Garages let at end of quarter 70% 73% 80% - Red\n"
        "Fire risk actions overdue 12 9 0 - Red\n"
        "\n"
        "2. Commentary\n"
        "2.1 Garage lettings remain low.\n"
        "\n"
        "Brackenmoor Borough Council Tenants Forum 12 March 2025 Page 7\n"
    ))
    assert len(doc.tables) == 1
    g = grid(doc)
    assert g[("Garages let at end of quarter", "Q4")] == "73%"
    assert g[("Fire risk actions overdue", "Target")] == "0"
    assert not any("Page" in c.span.quote for c in doc.cells)


def test_aligned_header_finished_by_a_capitalised_word_under_its_column(tmp_path: Path) -> None:
    """"Virtual" over "Comparator", "Peer" over "Median": a capitalised word alone on the line under a header,
    standing under one of its value columns, finishes that column's head (not a group heading of the rows)."""
    path = tmp_path / "attainment.txt"
    path.write_text(
        "Measure                          2022/23   2023/24   Virtual     Trend\n"
        "                                                     Comparator\n"
        "Leavers with 3+ Highers (%)         41.2      43.0      44.5      Improving\n"
        "Leavers with 1+ Advanced Higher     18.4      17.9      19.2      Declining\n",
        encoding="utf-8")
    doc = read_document(path)
    g = grid(doc)
    assert g[("Leavers with 3+ Highers (%)", "Virtual Comparator")] == "44.5"
    assert g[("Leavers with 1+ Advanced Higher", "2023/24")] == "17.9"


def test_aligned_rows_of_one_family_wrap_alike_and_their_repeated_tails_stay_labels(tmp_path: Path) -> None:
    """Two rows whose labels wrap over the same indented lower-case words print those lines twice; they
    end each row's label and are not taken for a running head repeated on every page."""
    doc = _flat(tmp_path, (
        "Measure                              2023/24   2024/25   Target    Wales\n"
        "Principal roads in need of            11.2      10.8      11.0      12.9\n"
        "  structural repair (%)\n"
        "Non-principal roads in need of        15.6      16.1      15.0      14.4\n"
        "  structural repair (%)\n"
        "Streets graded clean (%)              93.0      94.5      95.0      95.8\n"
    ))
    g = grid(doc)
    assert g[("Principal roads in need of structural repair (%)", "2024/25")] == "10.8"
    assert g[("Non-principal roads in need of structural repair (%)", "Wales")] == "14.4"
    assert g[("Streets graded clean (%)", "Target")] == "95.0"


def test_flattened_status_with_a_degree_word_after_a_footer_printed_once(tmp_path: Path) -> None:
    """A status cell opening with a word of degree ("Just below target") is one cell, not the label's last
    word, and a running footer printed once over a bare page number does not end the table."""
    doc = _flat(tmp_path, (
        "Measure Q3 Q4 Target Status Trend\n"
        "Library visits per 1,000 population 410 425 450 Off target Improving\n"
        "Leisure centre attendances (number) 61,200 64,800 65,000 Just below target Improving\n"
        "Invoices paid within 30 days (%) 93.1 94.0 95.0 Marginally off target Improving\n"
        "Glasmoor Borough Council - Resources Scrutiny Panel - 9 March 2025\n"
        "Page 5\n"
        "Council tax collected in year (%) 96.2 96.8 97.0 On target Improving\n"
        "Staff appraisals completed (%) 71 78 90 Off target Improving\n"
    ))
    assert len(doc.tables) == 1
    g = grid(doc)
    assert g[("Leisure centre attendances (number)", "Q4")] == "64,800"
    assert g[("Invoices paid within 30 days (%)", "Target")] == "95.0"
    assert g[("Council tax collected in year (%)", "Q4")] == "96.8"
    assert g[("Staff appraisals completed (%)", "Q3")] == "71"
    assert not any("Glasmoor" in c.span.quote or "Page" in c.span.quote for c in doc.cells)


def test_flattened_one_word_comment_reading_as_a_trend_is_not_a_figure_column(tmp_path: Path) -> None:
    """Under a "Comment" head a one-word comment that reads as a value ("Lower") is the comment, so a row
    whose label wrapped keeps its figures in their own columns."""
    doc = _flat(tmp_path, (
        "Indicator 2022/23 2023/24 Unitary average Comment\n"
        "Usable reserves as % of net spend 22.5 19.8 24.1 Adequate but falling\n"
        "Debt as a multiple of income 2.1 2.4 2.0 Above the average\n"
        "Weeks of spend covered by (cash 9 7 - Lower\n"
        "and investments)\n"
        "\n"
        "4. Conclusion\n"
    ))
    g = grid(doc)
    weeks = "Weeks of spend covered by (cash and investments)"
    assert (g[(weeks, "2022/23")], g[(weeks, "2023/24")]) == ("9", "7")
    assert (weeks, "Comment") not in g
    assert g[("Debt as a multiple of income", "2023/24")] == "2.4"


def test_flattened_status_cell_wrapped_with_the_label_unit_onto_the_next_line(tmp_path: Path) -> None:
    """A PDF converter wraps two cells of a row at once ("... 88 Above" over "(%) target"): the bracket
    ends the label and the words make the status cell, so the row and the rows under it are read."""
    doc = _flat(tmp_path, (
        "Measure Q1 Q2 Target Wales Status\n"
        "Food hygiene inspections completed (%) 81.0 84.2 85 n/a Below target\n"
        "Noise complaints responded to within 3 working days of report 86 91 88 - Above\n"
        "(%) target\n"
        "Licensing applications determined 212 230 - - -\n"
    ))
    g = grid(doc)
    noise = "Noise complaints responded to within 3 working days of report (%)"
    assert (g[(noise, "Q1")], g[(noise, "Q2")], g[(noise, "Target")]) == ("86", "91", "88")
    assert g[("Licensing applications determined", "Q2")] == "230"

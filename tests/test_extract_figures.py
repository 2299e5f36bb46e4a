"""Figures: every form a report states them in (%, per cent, rates, counts, ratios, money under a budget),
targets, benchmarks (one value shared by several comparators too), previous values with their periods,
figure-less direction statements, scorecard cells, RAG; and the numbers that are not figures."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import figures
from kg.model import DocMeta, Extraction, ObservationFact, Section, SourceDoc, Span, TableCell
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).resolve().parent / "data" / "reports"

Row = tuple[str, Decimal | None, str, str, str, str | None]


def extract(path: Path) -> Extraction:
    return figures.extract(Extraction(doc=read_document(path, root=path.parent)))


def seed(prefix: str) -> Extraction:
    return extract(next((ROOT / "seeds").glob(f"{prefix}_*.txt")))


def report(name: str) -> Extraction:
    return extract(REPORTS / name)


def rows(x: Extraction) -> set[Row]:
    """(indicator, value, unit, measure, area, period) of the valued observations."""
    return {
        (o.indicator, o.value, o.unit, o.measure, o.area, o.period)
        for o in x.observations
        if o.value is not None
    }


def values(x: Extraction) -> set[Decimal]:
    return {o.value for o in x.observations if o.value is not None}


def directions(x: Extraction) -> dict[str, str | None]:
    return {o.indicator: o.direction for o in x.observations if o.value is None}


def one(x: Extraction, indicator: str, measure: str = "actual") -> ObservationFact:
    found = [
        o for o in x.observations if o.indicator == indicator and o.measure == measure and o.value is not None
    ]
    assert len(found) == 1, found
    return found[0]


D = Decimal


# ---- the seeds -----------------------------------------------------------------------------------------


def test_darlington_report_every_figure_target_benchmark_and_previous_value() -> None:
    x = seed("003")
    assert rows(x) == {
        ("contacts-within-1-day", D(98), "percent", "actual", "council", None),
        ("contacts-within-1-day", D(95), "percent", "target", "council", None),
        ("contacts-over-3-days", D(1), "percent", "actual", "council", None),
        ("contacts-over-3-days", D(5), "percent", "target", "council", None),
        ("assessments-within-45-days", D(94), "percent", "actual", "council", None),
        ("assessments-within-45-days", D(90), "percent", "target", "council", None),
        ("assessments-within-45-days", D(89), "percent", "benchmark", "statistical-neighbours", None),
        ("assessments-within-45-days", D(83), "percent", "benchmark", "england", None),
        ("child-protection-reviews-in-timescale", D(100), "percent", "actual", "council", None),
        (
            "child-protection-reviews-in-timescale",
            D(97),
            "percent",
            "benchmark",
            "statistical-neighbours",
            None,
        ),
        ("child-protection-reviews-in-timescale", D(94), "percent", "benchmark", "england", None),
        ("statutory-visits-in-timescale", D(94), "percent", "actual", "council", None),
        ("statutory-visits-in-timescale", D(90), "percent", "target", "council", None),
        ("statutory-visits-in-timescale", D(87), "percent", "previous", "council", "2016/17"),
        ("care-leavers-neet", D("29.2"), "percent", "actual", "council", None),
        ("care-leavers-neet", D(30), "percent", "target", "council", None),
        ("re-referrals", D(133), "count", "actual", "council", None),
        ("re-referrals", D("23.1"), "percent", "actual", "council", None),
        ("re-referrals", D(20), "percent", "target", "council", None),
        ("re-referrals", D(22), "percent", "benchmark", "england", None),
        ("re-referrals", D(21), "percent", "benchmark", "region", None),
        ("re-referrals", D(20), "percent", "benchmark", "statistical-neighbours", None),
        ("re-referrals", D("15.6"), "percent", "actual", "council", None),  # September's monthly rate
        ("placement-moves-3-plus", D(12), "percent", "actual", "council", None),
        ("placement-moves-3-plus", D(8), "percent", "benchmark", "statistical-neighbours", None),
        ("placement-moves-3-plus", D(9), "percent", "benchmark", "north-east", None),
        ("placement-moves-3-plus", D(10), "percent", "benchmark", "england", None),
        ("placement-moves-3-plus", D("15.8"), "percent", "previous", "council", "2017/18 Q1"),
        ("health-checks", D(42), "percent", "actual", "council", None),
        ("health-checks", D(37), "percent", "previous", "council", "2016/17 Q2"),
        ("dental-checks", D(34), "percent", "actual", "council", None),
        ("dental-checks", D(16), "percent", "previous", "council", "2016/17 Q2"),
    }


def test_darlington_change_subset_and_non_figures_are_left_out() -> None:
    x = seed("003")
    # a change, a part of a population, a date, a plan, an extension, numbers inside indicator names
    for v in ("8.3", "71", "2017", "2021", "6091", "45", "3", "2", "6", "14", "15"):
        assert D(v) not in values(x), v
    assert any("change left out" in n and "8.3%" in n for n in x.notes)
    assert any("part of a population" in n and "71%" in n for n in x.notes)


def test_darlington_monthly_figure_is_less_certain_and_rag_is_derived_with_polarity() -> None:
    x = seed("003")
    monthly = next(o for o in x.observations if o.value == D("15.6"))
    assert monthly.confidence < 1
    assert one(x, "contacts-within-1-day").rag == "green"  # 98 >= 95, higher is better
    assert one(x, "contacts-over-3-days").rag == "green"  # 1 <= 5, lower is better
    quarterly = next(o for o in x.observations if o.value == D("23.1"))
    assert quarterly.rag == "red"  # 23.1 > 20, lower is better
    assert one(x, "placement-moves-3-plus").direction == "improved"  # 12 down from 15.8, lower is better
    assert one(x, "health-checks").direction == "improved"


def test_darlington_quotes_are_the_sentences() -> None:
    x = seed("003")
    o = next(o for o in x.observations if o.value == D(89))
    assert (
        o.span.quote
        == "Our performance is higher than our statistical neighbour (89%) and England average (83%)."
    )
    assert x.doc.text[o.span.start : o.span.end] == o.span.quote


def test_durham_minutes_give_direction_statements_without_figures() -> None:
    x = seed("000")
    assert directions(x) == {
        "attainment-8": "in line",
        "under-18-conceptions": "reduced",
        "ehcp-within-20-weeks": "improved",
        "social-worker-caseloads": "improved",
        "casefile-audits-good": "deteriorated",
        "children-in-care": "plateaued",
        "breastfeeding": "improved",
        "smoking-at-delivery": "increased",
        "care-leavers-eet": "not higher",
    }
    assert values(x) == {D(2)}  # "a very small percentage of 2%" of the not knowns
    assert not {D(46), D(18), D(8)} & values(x)  # page 46, under 18, attainment 8


def test_durham_panel_minutes_numbers_in_names_are_not_figures() -> None:
    x = seed("001")
    assert values(x) == set()  # under 1, 10-15 year olds, fewer than 25 cases, three or more placement moves
    d = directions(x)
    assert d["placement-moves-3-plus"] == "reduced"
    assert d["care-leavers-eet"] == "in line"
    assert d["missing-episodes"] == "increased" and d["return-interviews"] == "improved"
    assert d["social-workers-under-25-cases"] == "increased"
    assert d["placement-stability-long-term"] == "below benchmark"


def test_cover_report_and_meeting_minutes_without_figures() -> None:
    assert seed("002").observations == ()  # phone 03000 268029, March 2020, Appendix 2
    x = seed("004")
    assert values(x) == set()  # Council Plan 2023-27, January 2024
    # "successes in reducing the number of mothers smoking" is an aim, not a report; the question is
    assert directions(x) == {"smoking-at-delivery": "increased"}


# ---- other councils' styles ----------------------------------------------------------------------------


def test_per_cent_rates_ratios_shared_benchmarks_and_money() -> None:
    x = report("leeds_per_cent.txt")
    assert rows(x) == {
        ("children-in-care", D("81.5"), "rate", "actual", "council", None),
        ("children-in-care", D(70), "rate", "benchmark", "england", None),
        ("re-referrals", D("16.4"), "percent", "actual", "council", None),
        ("re-referrals", D(18), "percent", "target", "council", None),
        ("assessments-within-45-days", D(2320), "count", "actual", "council", None),
        ("assessments-within-45-days", D(77), "percent", "actual", "council", None),
        ("care-leavers-eet", D(58), "percent", "actual", "council", None),
        ("care-leavers-eet", D(55), "percent", "previous", "council", "2022/23 Q1"),
        ("care-leavers-accommodation", D(88), "percent", "benchmark", "england", None),
        ("care-leavers-accommodation", D(88), "percent", "benchmark", "region", None),
        ("care-leavers-accommodation", D(88), "percent", "benchmark", "statistical-neighbours", None),
        ("care-leavers-accommodation", D(91), "percent", "actual", "council", None),
        ("child-protection-plans", D(412), "count", "actual", "council", None),
        ("social-workers-under-25-cases", D(31), "count", "actual", "council", None),
        ("childrens-services-budget", D(1200000), "currency", "actual", "council", None),
    }
    ratio = next(o for o in x.observations if o.value == D(2320))
    assert ratio.denominator == D(3007)
    # page 12, Council Plan 2023-27, paragraph numbers, per 10,000, ages, a phone number, an extension, money
    # outside a budget indicator
    for v in (
        "12",
        "2023",
        "27",
        "1.3",
        "1.4",
        "10000",
        "25",
        "1",
        "10",
        "15",
        "350000",
        "4567",
        "5521",
        "3007",
    ):
        assert D(v) not in values(x), v
    assert one(x, "re-referrals").rag == "green"  # 16.4 below the 18 target, lower is better
    assert any("£350,000" in n for n in x.notes)


def test_bullet_scorecard_stated_rag_bracketed_previous_and_unit_inherited_by_benchmarks() -> None:
    x = report("northumberland_bullets.txt")
    assert rows(x) == {
        ("contacts-within-1-day", D(91), "percent", "actual", "council", None),
        ("contacts-within-1-day", D(95), "percent", "target", "council", None),
        ("re-referrals", D("19.8"), "percent", "actual", "council", None),
        ("re-referrals", D("21.3"), "percent", "previous", "council", "2022/23 Q2"),
        ("re-referrals", D("21.5"), "percent", "benchmark", "england", None),
        ("icpc-within-15-days", D("86.0"), "percent", "actual", "council", None),
        ("children-in-care", D("92.1"), "rate", "actual", "council", None),
        ("children-in-care", D(110), "rate", "benchmark", "north-east", None),
        ("children-in-care", D(70), "rate", "benchmark", "england", None),
        ("ehcp-within-20-weeks", D(48), "percent", "actual", "council", None),
        ("ehcp-within-20-weeks", D(50), "percent", "benchmark", "england", None),
        ("persistent-absence", D("12.1"), "percent", "previous", "council", None),
        ("persistent-absence", D("13.5"), "percent", "actual", "council", None),
    }
    assert one(x, "contacts-within-1-day").rag == "amber"  # stated, although 91 < 95 would derive red
    assert one(x, "re-referrals").direction == "improved"  # 19.8 down from 21.3
    assert one(x, "persistent-absence").direction == "deteriorated"  # 13.5 up from 12.1, lower is better
    for v in ("4", "15", "20", "3", "4.2", "2022", "10000"):  # percentage points, names, appendix, paragraph
        assert D(v) not in values(x), v


def test_minutes_unknown_indicator_blocked_directions_and_subsets() -> None:
    x = report("sunderland_minutes.txt")
    new = [o for o in x.observations if o.indicator.startswith("new:")]
    assert [(o.indicator, o.indicator_label, o.value) for o in new] == [
        ("new:children-with-a-personal-education-plan", "Children with a personal education plan", D(91))
    ]
    assert new[0].confidence < 1
    assert directions(x) == {"assessments-within-45-days": "deteriorated", "missing-episodes": "reduced"}
    assert one(x, "care-leavers-eet").value == D(64)
    # "would improve", "action ... to reduce", "aimed to improve", "had not increased": not reports
    assert not {"re-referrals", "breastfeeding", "under-18-conceptions"} & {
        o.indicator for o in x.observations
    }
    for v in ("40", "7", "23", "2022", "2026", "2024", "12", "19", "21"):
        assert D(v) not in values(x), v


# ---- scorecard cells -----------------------------------------------------------------------------------


def _scorecard(period: str | None = "2023/24 Q1") -> SourceDoc:
    header = ["Indicator", "Q1 2023/24", "Q4 2022/23", "Target", "England", "Stat neighbours", "RAG", "DoT"]
    table = [
        ["% of contacts completed within 1 working day", "91%", "93%", "95%", "n/a", "-", "Amber", "↓"],
        ["Re-referrals within 12 months (%)", "17.2", "19.0", "20", "21.5", "20.1", "Green", "↑"],
        ["Number of widgets inspected", "12", "", "", "", "", "", ""],
        ["Forecast overspend", "£1,200,000", "", "", "", "", "", ""],
    ]
    lines = ["Performance scorecard", "", "\t".join(header)]
    text = "\n".join(lines) + "\n"
    cells: list[TableCell] = []
    for r, row in enumerate(table, start=1):
        start = len(text)
        offset = start
        for c, value in enumerate(row):
            if c > 0 and value:
                cells.append(TableCell(Span(offset, offset + len(value), value), row[0], header[c], r, c))
            offset += len(value) + 1
        text += "\t".join(row) + "\n"
    text += "\nThe Committee noted that assessments completed within 45 working days were 88%.\n"
    table_end = text.index("\nThe Committee")
    return SourceDoc(
        path=Path("scorecard.html"),
        name="scorecard.html",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="html",
        meta=DocMeta(council="Leeds City Council", period=period),
        sections=(Section("table", len(lines[0]) + 2, table_end),),
        cells=tuple(cells),
    )


def test_scorecard_cells_become_observations_by_row_and_column_headers() -> None:
    x = figures.extract(Extraction(doc=_scorecard()))
    cell_rows = {r for r in rows(x)}
    assert cell_rows >= {
        ("contacts-within-1-day", D(91), "percent", "actual", "council", None),
        ("contacts-within-1-day", D(93), "percent", "previous", "council", "2022/23 Q4"),
        ("contacts-within-1-day", D(95), "percent", "target", "council", None),
        ("re-referrals", D("17.2"), "percent", "actual", "council", None),
        ("re-referrals", D("19.0"), "percent", "previous", "council", "2022/23 Q4"),
        ("re-referrals", D(20), "percent", "target", "council", None),
        ("re-referrals", D("21.5"), "percent", "benchmark", "england", None),
        ("re-referrals", D("20.1"), "percent", "benchmark", "statistical-neighbours", None),
    }
    contacts = next(o for o in x.observations if o.indicator == "contacts-within-1-day" and o.value == D(91))
    # the quote is the table row as the rendition has it: the indicator with its value, target, RAG
    assert contacts.span.quote.startswith("% of contacts completed within 1 working day\t91%\t93%\t95%")
    assert x.doc.text[contacts.span.start : contacts.span.end] == contacts.span.quote
    assert (contacts.rag, contacts.direction) == ("amber", "reduced")  # stated in the RAG and DoT columns
    unknown = [o for o in x.observations if o.indicator.startswith("new:")]
    assert [(o.indicator, o.value, o.unit) for o in unknown] == [("new:widgets-inspected", D(12), "count")]
    money = [(o.indicator, o.value) for o in x.observations if o.unit == "currency"]
    assert money == [("budget-variance", D(1200000))]  # money in a budget row is a figure (any service)
    # the sentence after the table is still read from the text
    assert ("assessments-within-45-days", D(88), "percent", "actual", "council", None) in cell_rows


def test_scorecard_cells_are_not_read_twice_as_text() -> None:
    x = figures.extract(Extraction(doc=_scorecard()))
    rows_read = [(o.indicator, o.measure, o.area, o.period) for o in x.observations if "\t" in o.span.quote]
    assert len(rows_read) == len(set(rows_read)) == 10  # one observation per figure cell, none from the text


# ---- small pieces --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Re-referrals were 21% against an internal target of 18 per cent.",
            {("re-referrals", D(21), "actual", "council"), ("re-referrals", D(18), "target", "council")},
        ),
        (
            "Re-referrals were 21%, compared with 23% nationally and 22% regionally.",
            {
                ("re-referrals", D(21), "actual", "council"),
                ("re-referrals", D(23), "benchmark", "england"),
                ("re-referrals", D(22), "benchmark", "region"),
            },
        ),
        (
            "Re-referrals were 21%, as were national, regional and statistical neighbour rates (all 20%).",
            {
                ("re-referrals", D(21), "actual", "council"),
                ("re-referrals", D(20), "benchmark", "england"),
                ("re-referrals", D(20), "benchmark", "region"),
                ("re-referrals", D(20), "benchmark", "statistical-neighbours"),
            },
        ),
        (
            "Re-referrals increased from 18% to 21%.",
            {("re-referrals", D(18), "previous", "council"), ("re-referrals", D(21), "actual", "council")},
        ),
        ("Re-referrals fell by 3% to 21%.", {("re-referrals", D(21), "actual", "council")}),
        ("Re-referrals were 21%, up 2 percentage points.", {("re-referrals", D(21), "actual", "council")}),
        ("The 45 working days measure and the under 18 figures are on page 4.", set()),
        ("Call 0191 383 3000 about the 2023-27 plan or see Appendix 3.", set()),
    ],
)
def test_sentence_forms(sentence: str, expected: set) -> None:
    text = f"Performance report\n\n{sentence}\n"
    doc = SourceDoc(
        Path("t.txt"),
        "t.txt",
        text,
        hashlib.sha256(text.encode()).hexdigest(),
        "txt",
        DocMeta(council="Leeds City Council", period="2023/24 Q2"),
    )
    x = figures.extract(Extraction(doc=doc))
    assert {
        (o.indicator, o.value, o.measure, o.area) for o in x.observations if o.value is not None
    } == expected


def test_extract_keeps_other_facts_and_adds_keys() -> None:
    x = seed("003")
    keys = [o.key for o in x.observations]
    assert len(keys) == len(set(keys))
    again = figures.extract(Extraction(doc=x.doc))
    assert [o.value for o in again.observations] == [o.value for o in x.observations]  # deterministic


def _doc(sentence: str, period: str = "2023/24 Q2") -> Extraction:
    text = f"Performance report\n\n{sentence}\n"
    doc = SourceDoc(
        Path("t.txt"),
        "t.txt",
        text,
        hashlib.sha256(text.encode()).hexdigest(),
        "txt",
        DocMeta(council="Leeds City Council", period=period),
    )
    return figures.extract(Extraction(doc=doc))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Councillor Bartch wished to know whether placement moves had reduced.", {}),
        ("Members asked if re-referrals had increased.", {}),
        ("The service hopes to reduce re-referrals and would improve breastfeeding rates.", {}),
        ("Breastfeeding prevalence had not improved.", {}),
        (
            "Missing episodes continued to fall, but casefile quality had deteriorated.",
            {"missing-episodes": "reduced", "casefile-audits-good": "deteriorated"},
        ),
        (
            "There was an increase in the number of social workers with fewer than 25 cases.",
            {"social-workers-under-25-cases": "increased"},
        ),
        ("Re-referrals remained stable.", {"re-referrals": "plateaued"}),
    ],
)
def test_direction_statements(sentence: str, expected: dict[str, str]) -> None:
    x = _doc(sentence)
    assert {o.indicator: o.direction for o in x.observations if o.value is None} == expected
    assert all(o.value is None and o.unit == "other" and o.confidence < 1 for o in x.observations)


def test_a_narrowed_population_is_a_new_indicator_not_the_population() -> None:
    x = _doc("The number of care leavers in higher education was 14 at the end of March.")
    assert [(o.indicator, o.indicator_label, o.value) for o in x.observations] == [
        ("new:care-leavers-in-higher-education", "Care leavers in higher education", D(14))
    ]
    x = _doc("The number of children in care was 412 at the end of March, a small increase on quarter 3.")
    assert [(o.indicator, o.value, o.unit) for o in x.observations] == [("children-in-care", D(412), "count")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Re-referrals were 21% (last year 23%).",
            {("re-referrals", D(21), "actual", None), ("re-referrals", D(23), "previous", "2022/23")},
        ),
        (
            "Re-referrals reduced to 18% from 21% in Qtr 1.",
            {("re-referrals", D(18), "actual", None), ("re-referrals", D(21), "previous", "2023/24 Q1")},
        ),
        (
            "Re-referrals were 21%; the aim is to reach 18%.",
            {("re-referrals", D(21), "actual", None), ("re-referrals", D(18), "target", None)},
        ),
        ("Re-referrals were 21%, a 3% reduction on last year.", {("re-referrals", D(21), "actual", None)}),
        (
            "The average caseload was 18 per social worker.",
            {("social-worker-caseloads", D(18), "actual", None)},
        ),
        ("The Council's budget for 2023/24 is £45.2m and 95% of respondents felt safe.", set()),
        ("There were 3 new foster carers and 25% fewer exclusions.", set()),
        (
            "Contacts completed within 1 working day: 2320 of 3007 (77%).",
            {
                ("contacts-within-1-day", D(2320), "actual", None),
                ("contacts-within-1-day", D(77), "actual", None),
            },
        ),
        (
            "Initial health assessments within 20 working days: 45%.",
            {("initial-health-assessments", D(45), "actual", None)},
        ),
    ],
)
def test_more_sentence_forms(sentence: str, expected: set) -> None:
    x = _doc(sentence)
    assert {
        (o.indicator, o.value, o.measure, o.period) for o in x.observations if o.value is not None
    } == expected


def test_html_scorecard_through_the_reader() -> None:
    x = report("kent_scorecard.html")
    assert len(x.doc.cells) == 28  # read as cells by the HTML reader, not as sentences
    assert rows(x) == {
        (
            "new:case-holding-posts-filled-by-permanent-qualified-social-work",
            D("82.1"),
            "percent",
            "actual",
            "council",
            None,
        ),
        (
            "new:case-holding-posts-filled-by-permanent-qualified-social-work",
            D("80.5"),
            "percent",
            "previous",
            "council",
            "2023/24 Q1",
        ),
        (
            "new:case-holding-posts-filled-by-permanent-qualified-social-work",
            D(85),
            "percent",
            "target",
            "council",
            None,
        ),
        ("re-referrals", D("21.4"), "percent", "actual", "council", None),
        ("re-referrals", D("22.0"), "percent", "previous", "council", "2023/24 Q1"),
        ("re-referrals", D(22), "percent", "target", "council", None),
        ("re-referrals", D("21.5"), "percent", "benchmark", "england", None),
        ("care-leavers-eet", D("61.0"), "percent", "actual", "council", None),
        ("care-leavers-eet", D("63.2"), "percent", "previous", "council", "2023/24 Q1"),
        ("care-leavers-eet", D(65), "percent", "target", "council", None),
        ("care-leavers-eet", D(55), "percent", "benchmark", "england", None),
        ("adoption-timeliness", D(412), "other", "actual", "council", None),  # days, not a count
        ("adoption-timeliness", D(398), "other", "previous", "council", "2023/24 Q1"),
        ("adoption-timeliness", D(367), "other", "target", "council", None),
        ("adoption-timeliness", D(367), "other", "benchmark", "england", None),
    }
    new = one(x, "new:case-holding-posts-filled-by-permanent-qualified-social-work")
    assert new.indicator_label == "Case holding posts filled by permanent qualified social workers"
    assert (new.rag, new.direction) == ("amber", "increased")  # the RAG and DoT columns
    assert (one(x, "re-referrals").rag, one(x, "re-referrals").direction) == ("green", "reduced")
    # the sentence under the table names no indicator the scheme knows: nothing is guessed from it
    assert not any("improved to" in o.span.quote for o in x.observations)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a count, then a change against last year: the change is not a level
        (
            "There were 3,456 contacts received in the quarter, up 12% on the same quarter last year.",
            {("contacts", D(3456), "count", "actual", "council", None)},
        ),
        (
            "Re-referrals were 18%, 2% on last year.",
            {("re-referrals", D(18), "percent", "actual", "council", None)},
        ),
        # a benchmark named after its figure with a preposition
        (
            "Re-referrals were 18%, compared to 21.5% for England.",
            {
                ("re-referrals", D(18), "percent", "actual", "council", None),
                ("re-referrals", D("21.5"), "percent", "benchmark", "england", None),
            },
        ),
        # a figure for a period named next to it: an earlier period is a previous value
        (
            "In 2022/23, 87% of care leavers were in suitable accommodation.",
            {("care-leavers-accommodation", D(87), "percent", "previous", "council", "2022/23")},
        ),
        (
            "Re-referrals were 18% in Q4.",
            {("re-referrals", D(18), "percent", "previous", "council", "2022/23 Q4")},
        ),
        ("Re-referrals were 18% in Q1.", {("re-referrals", D(18), "percent", "actual", "council", None)}),
        # a count rising to a level, with the previous count and its quarter
        (
            "The number of children subject to child protection plans has increased to 512 (from 480 at "
            "the end of Q4).",
            {
                ("child-protection-plans", D(512), "count", "actual", "council", None),
                ("child-protection-plans", D(480), "count", "previous", "council", "2022/23 Q4"),
            },
        ),
        (
            "Children in care: 850 (rate 72 per 10,000).",
            {
                ("children-in-care", D(850), "count", "actual", "council", None),
                ("children-in-care", D(72), "rate", "actual", "council", None),
            },
        ),
        (
            "The percentage of single assessments completed within 45 working days was 87.3% (2,145/2,457).",
            {("assessments-within-45-days", D("87.3"), "percent", "actual", "council", None)},
        ),
        (
            "Sickness absence in Children's Services was 12.3 days per FTE and 95% of children were seen.",
            set(),
        ),
    ],
)
def test_changes_prepositions_and_named_periods(sentence: str, expected: set) -> None:
    x = _doc(sentence, period="2023/24 Q1")
    assert rows(x) == expected


def test_tab_separated_table_in_a_text_rendition() -> None:
    x = report("hartlepool_tabbed.txt")
    assert x.doc.cells == ()  # the text reader gives no cells: the extractor reads the tabbed block itself
    assert rows(x) == {
        ("re-referrals", D("17.2"), "percent", "actual", "council", None),
        ("re-referrals", D("19.0"), "percent", "previous", "council", "2022/23 Q4"),
        ("re-referrals", D(20), "percent", "target", "council", None),
        ("re-referrals", D("21.5"), "percent", "benchmark", "england", None),
        ("contacts-within-1-day", D(91), "percent", "actual", "council", None),
        ("contacts-within-1-day", D(93), "percent", "previous", "council", "2022/23 Q4"),
        ("contacts-within-1-day", D(95), "percent", "target", "council", None),
        ("children-in-care", D(212), "count", "actual", "council", None),
        ("children-in-care", D(205), "count", "previous", "council", "2022/23 Q4"),
        ("dental-checks", D(88), "percent", "actual", "council", None),
    }
    rr = one(x, "re-referrals")
    assert (rr.rag, rr.direction) == ("green", "improved")  # stated in the RAG and DoT columns
    assert one(x, "contacts-within-1-day").direction == "reduced"  # the arrow
    assert D(1429) not in values(x) and D(523) not in values(x)  # the contact officer's line is no table


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Attainment 8 average score was 44.6 against 46.3 nationally.",  # a score is not a count
            {
                ("attainment-8", D("44.6"), "other", "actual", "council", None),
                ("attainment-8", D("46.3"), "other", "benchmark", "england", None),
            },
        ),
        (
            "Social worker vacancy rate is 12% (36 FTE) and agency staff make up 15% of the workforce.",
            {
                ("social-worker-vacancies", D(12), "percent", "actual", "council", None),
                ("agency-social-workers", D(15), "percent", "actual", "council", None),
            },
        ),
        (
            "Initial child protection conferences within 15 working days: 89% (Q4: 85%).",
            {
                ("icpc-within-15-days", D(89), "percent", "actual", "council", None),
                ("icpc-within-15-days", D(85), "percent", "previous", "council", "2022/23 Q4"),
            },
        ),
        (
            "92% of children subject to a child protection plan were seen within 10 working days.",
            {
                (
                    "new:children-subject-to-a-child-protection-plan-seen-within-10-working-days",
                    D(92),
                    "percent",
                    "actual",
                    "council",
                    None,
                )
            },
        ),
        (
            "The under-18 conception rate fell to 16.2 per 1,000 in 2021 from 18.3 per 1,000 in 2020.",
            {
                ("under-18-conceptions", D("16.2"), "rate", "previous", "council", None),
                ("under-18-conceptions", D("18.3"), "rate", "previous", "council", None),
            },
        ),
    ],
)
def test_scores_subsets_of_populations_and_calendar_years(sentence: str, expected: set) -> None:
    assert rows(_doc(sentence, period="2023/24 Q1")) == expected

"""Figures: value frames in prose and table cells, found before their indicator is known."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.figures.numbers import not_a_figure, numbers
from kg.model import Extraction
from kg.read import read_document
from kg.text import build

DATA = Path(__file__).parent / "data" / "figures"


def _x(name: str) -> Extraction:
    return extract(read_document(DATA / name, root=DATA))


def _rows(x: Extraction) -> set[tuple]:
    return {(o.value, o.unit, o.measure, o.area) for o in x.observations if o.value is not None}


def _label(x: Extraction, value: str) -> str:
    return next(o.surface for o in x.observations if o.value == D(value))


def _one(text: str) -> Extraction:
    """Figures of one paragraph, read through the whole pipeline from a text file."""
    tv = build(text)
    from kg.extract.figures import extract as figures_extract
    from kg.model import DocMeta, SourceDoc

    doc = SourceDoc(path=Path("t.txt"), name="t.txt", text=text, sha256=str(hash(text)), format="txt",
                    meta=DocMeta())
    return figures_extract(Extraction(doc=doc, period="2023/24 Q2"), tv)


def test_english_district_report_frames_and_traps() -> None:
    """Levels, an earlier quarter, a target, a district benchmark, a days-per-FTE unit and a rate are read;
    a change, a penalty, a grant, a phone extension and an agenda item number are not."""
    x = _x("district_waste_report.txt")
    assert _rows(x) == {
        (D("48.7"), "percent", "actual", "council"),
        (D("46.2"), "percent", "previous", "council"),
        (D(50), "percent", "target", "council"),
        (D("45.1"), "percent", "benchmark", "district"),
        (D("2.1"), "other", "actual", "council"),
        (D("2.0"), "other", "target", "council"),
        (D("93.8"), "percent", "actual", "council"),
        (D(38), "rate", "actual", "council"),
        (D(52), "rate", "previous", "council"),
    }
    assert "recycling rate" in _label(x, "48.7").lower() and "recycling rate" in _label(x, "45.1").lower()
    assert "fly-tipping incidents" in _label(x, "93.8").lower()


def test_every_figure_quotes_its_sentence_exactly() -> None:
    """Each figure's evidence is the exact text at its offsets."""
    x = _x("district_waste_report.txt")
    for o in x.observations:
        assert x.doc.text[o.span.start : o.span.end] == o.span.quote
    assert x.observations[0].span.quote.startswith("The household waste recycling")


def test_welsh_minutes_ratio_pointing_back_and_wales_average() -> None:
    """"x of y NP (z%)" names its NP; "This compares with" is an earlier value of the same indicator; the
    Wales average is a benchmark; an officer's answer to a question carries its own figure and target."""
    x = _x("welsh_housing_minutes.txt")
    assert _rows(x) == {
        (D("41.2"), "other", "actual", "council"),
        (D("44.0"), "other", "benchmark", "wales"),
        (D("62.4"), "percent", "actual", "council"),
        (D("58.1"), "percent", "previous", "council"),
        (D(213), "other", "actual", "council"),
        (D(180), "other", "target", "council"),
    }
    assert "households threatened with homelessness" in _label(x, "62.4")
    assert _label(x, "58.1") == _label(x, "62.4")
    assert next(o for o in x.observations if o.value == D("62.4")).denominator == D(340)


def test_scottish_national_and_family_group_comparators() -> None:
    """"a national figure of" is the national benchmark (the council's own nation) and "family group" its
    LGBF comparator; a figure named for an earlier year keeps that year."""
    x = _x("scottish_education.txt")
    assert (D("95.7"), "percent", "benchmark", "national") in _rows(x)
    assert (D("95.4"), "percent", "benchmark", "family-group") in _rows(x)
    actual = next(o for o in x.observations if o.value == D("95.1"))
    assert actual.period == "2022/23" and "positive initial destination" in actual.surface


def test_northern_ireland_average_and_a_standard_inside_the_name() -> None:
    """The Northern Ireland average is a benchmark; "the 15 week statutory target" names the measure and
    is no figure."""
    x = _x("ni_planning.txt")
    assert (D("58.2"), "percent", "benchmark", "northern-ireland") in _rows(x)
    assert D(15) not in {o.value for o in x.observations}
    assert "planning applications within the 15 week" in _label(x, "71.3")


def test_scorecard_cells_read_by_their_column_headers() -> None:
    """A pipe scorecard: the previous quarter's column is previous, the current quarter's actual, Target a
    target, England a benchmark; "n/a" and "-" give nothing; the code is kept apart from the label."""
    x = _x("scorecard_pipe.md")
    rows = {(o.surface, o.value, o.measure, o.area, o.unit) for o in x.observations}
    assert ("Working days lost to sickness per FTE", D("2.4"), "previous", "council", "other") in rows
    assert ("Working days lost to sickness per FTE", D("2.1"), "actual", "council", "other") in rows
    assert ("Working days lost to sickness per FTE", D("2.6"), "benchmark", "england", "other") in rows
    assert ("FOI requests answered within 20 working days", D("88.5"), "actual", "council", "percent") in rows
    assert ("Council tax collected", D("57.0"), "target", "council", "percent") in rows
    assert len(x.observations) == 10
    sickness = next(o for o in x.observations if o.value == D("2.1"))
    assert sickness.rag == "amber" and sickness.direction == "improved"


def test_a_breakdown_table_gives_each_area_its_figure() -> None:
    """A table whose label column is headed "Area" breaks one measure down: each row's figure is for that
    area, the "All areas" row for the council, the measure named by the column header with its period."""
    x = _x("breakdown_tab.txt")
    rows = {(o.surface, o.value, o.measure, o.area, o.period) for o in x.observations}
    assert ("Average days to re-let", D("37.5"), "actual", "Northfield", None) in rows
    assert ("Average days to re-let", D("48.3"), "previous", "Riverside", "2022/23 Q2") in rows
    assert ("Average days to re-let", D("42.8"), "actual", "council", None) in rows


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Re-let times averaged 38 days against a target of 30 days, Wales 41 days.",
         {(D(38), "actual"), (D(30), "target"), (D(41), "benchmark")}),
        ("Complaints rose to 44, from 37 in Quarter 1.", {(D(44), "actual"), (D(37), "previous")}),
        # a target set against alongside a comparator ("over both the N day target and ..."): still a target
        ("Re-let times fell to 31 days, still over both the 28 day target and the family group median of "
         "29 days.",
         {(D(31), "actual"), (D(28), "target"), (D(29), "benchmark")}),
        # whose comparators, the council written with a capital: a benchmark, not the council's own figure
        ("Re-let times averaged 31 days, against 35 days for the Borough's nearest neighbours.",
         {(D(31), "actual"), (D(35), "benchmark")}),
        ("The recycling rate rose from 58.0% to 67.4% over the trial.",
         {(D("58.0"), "previous"), (D("67.4"), "actual")}),
        ("Missed collections fell by 14% on last year.", set()),
        ("The Council's capital programme includes £185,000 for new vehicles.", set()),
        ("Of the 1,229 incidents reported, 1,043 (84.9%) were cleared within 5 working days.",
         {(D("84.9"), "actual")}),
        ("Cost per secondary pupil was £8,412, above the Scottish average of £8,206.",
         {(D(8412), "actual"), (D(8206), "benchmark")}),
        ("The meeting on 19 November 2024 at 6.30 pm considered items 3 to 7 on pages 11-24.", set()),
        ("Admissions of people aged 65 and over rose to 598.3 per 100,000.", {(D("598.3"), "actual")}),
        ("Re-referrals were 21% (20% statistical neighbours, 22% England).",
         {(D(21), "actual"), (D(20), "benchmark"), (D(22), "benchmark")}),
        ("The trial covered 2 of the borough's 34 wards.", set()),
        ("Members were told that 80.2% of older people were still at home 91 days after discharge.",
         {(D("80.2"), "actual")}),
    ],
)
def test_sentence_frames(sentence: str, expected: set) -> None:
    """Each frame gives exactly these figures and roles, and nothing for the numbers that are not figures."""
    x = _one(sentence)
    assert {(o.value, o.measure) for o in x.observations if o.value is not None} == expected


def test_comparators_keep_their_areas() -> None:
    """A comparator written right after its number names its area, even after another comparator."""
    x = _one("Re-referrals were 21% (20% statistical neighbours, 22% England).")
    assert {(o.value, o.area) for o in x.observations} == {
        (D(21), "council"), (D(20), "statistical-neighbours"), (D(22), "england")}


def test_a_comparison_without_a_unit_takes_its_figure_s_unit() -> None:
    """"598.3 per 100,000, from 571.6 in 2022/23": the earlier value is a rate too, for its named year."""
    x = _one("Admissions rose to 598.3 per 100,000 population, from 571.6 in 2022/23.")
    previous = next(o for o in x.observations if o.value == D("571.6"))
    assert (previous.unit, previous.measure, previous.period) == ("rate", "previous", "2022/23")


@pytest.mark.parametrize(
    "text",
    ["Tel 01632 478213", "ext. 4418", "on 31/07/2024", "in 2023/24", "PAM/030", "CAB/2024/041",
     "aged 65+", "within 20 working days", "page 13", "section 42", "34 wards", "at 10.00 am",
     "Minutes of the last meeting    3 - 10"],
)
def test_numbers_that_are_never_figures(text: str) -> None:
    """Phones, extensions, dates, years, references, ages, thresholds, pages, sections and ward counts."""
    found = [n for n in numbers(text, 0, len(text)) if not not_a_figure(text, n, 0, len(text))]
    assert found == []


def test_a_run_in_paragraph_heading_names_its_figures() -> None:
    """"3.5 Safeguarding. 143 of 173 enquiries (82.7%) ..." - the paragraph's title joins the label."""
    x = _one("3.5 Safeguarding. 143 of 173 enquiries (82.7%) were concluded within timescale.")
    label = next(o.surface for o in x.observations if o.value == D("82.7"))
    assert label.startswith("Safeguarding") and "enquiries" in label


def test_statements_without_figures_read_known_indicators_only() -> None:
    """"continued to reduce" beside an indicator of the scheme is a value-less observation with a
    direction; the same words beside a phrase the scheme does not know give nothing."""
    x = _one("Under 18 conceptions continued to reduce. The new café continued to improve.")
    statements = [(o.value, o.direction) for o in x.observations]
    assert statements == [(None, "reduced")]


def test_scorecard_figures_in_the_graph_keep_wording_code_and_a_derived_rag(tmp_path: Path) -> None:
    """Through ingest and the observations query: a row's wording is the figure's label, its code a
    notation, and an actual against the same document's target gets a derived RAG beside the stated one."""
    import shutil

    from kg import ingest, open_store
    from kg.namespaces import CKG, SKOS
    from kg.query import run

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DATA / "scorecard_pipe.md", docs)
    with open_store(tmp_path / "store") as store:
        ingest([docs], store)
        rows = run(store, "observations").rows
        label = {str(r["indicator_label"]) for r in rows if str(r["value"]) == "88.5"}
        assert label == {"FOI requests answered within 20 working days"}
        g = store.graph(str(next(iter(rows))["document"]))
    assert (None, SKOS.notation, None) in g
    derived = [str(o) for o in g.objects(None, CKG.derivedRag)]
    # sickness 2.1 over 2.0 (lower is better), FOI 88.5 under 90, council tax 56.3 under 57: each misses
    assert derived == ["red", "red", "red"]


def _named(text: str) -> set[tuple]:
    return {(o.value, o.measure, o.indicator) for o in _one(text).observations if o.value is not None}


def test_a_period_between_subject_and_verb_is_not_a_boundary() -> None:
    """"Library loans in the quarter were 48,000" names library loans, not the period or nothing; an
    earlier year's level between subject and verb is that indicator's previous figure."""
    x = _one("Library loans in the quarter were 48,000, against a target of 50,000.")
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D(48000), "actual", "Library loans"), (D(50000), "target", "Library loans")}
    x = _one("Library loans in 2021-22 were 161,000.")
    got = {(o.value, o.measure, o.surface) for o in x.observations}
    assert got == {(D(161000), "previous", "Library loans")}


def test_an_answer_s_figure_takes_the_indicator_the_question_named() -> None:
    """A question naming one known indicator hands it to the answer's "the latest figure was N"; the unit
    picks the measure the name stands for in that unit (days per FTE, not the percentage of time lost)."""
    got = _named("Councillor Okafor asked whether staff sickness absence was falling. The Chief Executive "
                 "said "
                 "that the latest figure was 8.7 days per FTE, against a target of 8.0 days.")
    assert got == {(D("8.7"), "actual", "sickness-days-per-fte"),
                   (D("8.0"), "target", "sickness-days-per-fte")}


@pytest.mark.parametrize("text", [
    # two topics asked about: the answer's figure could be either
    "Councillor Reid asked about fly-tipping and the recycling rate. The officer said the figure was 61%.",
    # a count-only measure asked about cannot own a percentage
    "Councillor Reid asked about fly-tipping. The officer said the figure was 61%.",
    # a mention that is not a question (a cause) does not become the topic of the next figure
    "Sickness absence among crews had affected rounds. The figure was 61%.",
])
def test_an_answer_s_figure_is_left_unnamed_where_the_question_is_unclear(text: str) -> None:
    """Where the question names two indicators, one in another unit, or there is no question, a figure that
    only points back gets no indicator rather than a wrong one."""
    assert not [o for o in _one(text).observations if o.value is not None]


def test_a_bare_verb_of_speech_is_not_part_of_the_indicator() -> None:
    """"The Head of Waste said recycling was 58%" names recycling, not the speaker."""
    x = _one("The Head of Waste said recycling was 58% in the quarter.")
    assert [o.surface for o in x.observations] == ["recycling"]


def test_a_share_of_a_group_is_named_by_the_group_and_what_it_did() -> None:
    """"In the X pilot, 30 of 40 pupils (75%) had shown improved scores": the place is left out, the group and
    its predicate name the measure, and "attendance had risen from A to B" keeps both levels on attendance."""
    x = _one("In the Northgate nurture pilot, 30 of 40 pupils (75%) had shown improved wellbeing scores, "
             "and their attendance had risen from 84.0% to 91.5%.")
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D(75), "actual", "pupils shown improved wellbeing scores"),
        (D("84.0"), "previous", "attendance"), (D("91.5"), "actual", "attendance")}


def test_a_from_to_pair_takes_the_subject_before_it() -> None:
    """"The recycling rate rose from 58.0% to 67.4% over the trial": both levels are the recycling rate."""
    x = _one("The recycling rate rose from 58.0% to 67.4% over the trial.")
    assert {o.surface for o in x.observations} == {"recycling rate"}


@pytest.mark.parametrize("text", [
    "Absence between 1st April 2023 and 31st March 2024 was 8.1 days.",  # the dates are no measure's name
    "Attendance at the two hubs was 71% and 64% in July and August respectively.",
    "Missed collections fell to 0.4 per full time crew, reaching a plateau of 0.3 in the last two months.",
])
def test_a_figure_whose_words_are_only_time_place_or_unit_is_left_out(text: str) -> None:
    """Words that are only dates, open with a preposition, unit or linking verb, hold another figure or say
    "respectively" never become an indicator's name."""
    x = _one(text)
    names = {o.surface for o in x.observations}
    assert not any(n.startswith(("in ", "per ", "reaching", "between")) or "respectively" in n for n in names)
    assert not any(n.replace("st", "").replace("nd", "").strip()[:1].isdigit() for n in names)


def test_a_date_range_after_the_measure_is_its_period_not_its_name() -> None:
    """"Average days lost per FTE over the year from 1 April 2023 to 31 March 2024 was 8.1 days": the measure
    is named, the range is left out."""
    x = _one("Average days lost per FTE over the year from 1 April 2023 to 31 March 2024 was 8.1 days.")
    assert [o.surface for o in x.observations] == ["Average days lost per FTE"]


@pytest.mark.parametrize(("text", "expected"), [
    # numbers inside a web address are page ids, never figures
    ("See https://democracy.example.gov.uk/mgAi.aspx?ID=4412&Opt=3 for the report.", set()),
    # a threshold passed is not a level
    ("Absence in two depots exceeded 11 days per FTE.", set()),
    # a target moved from one value to another states no level
    ("Members approved the change to the target for HR4 from 4.5 days to 5.0 days per year.", set()),
    # a target stated as an aim is a target, named by what it is for
    ("The Council is required by law to achieve a 64% recycling rate.",
     {(D(64), "target", "recycling rate")}),
    ("The aim is to cut sickness absence to 7 days per FTE.", {(D(7), "target", "sickness absence")}),
    # the thing counted follows a subject and a verb of work done
    ("The Planning Service had received 612 planning applications.",
     {(D(612), "actual", "planning applications")}),
    # a change noun before the measure: the measure is after "in"
    ("Members welcomed the fall in missed collections to 41 per 100,000.",
     {(D(41), "actual", "missed collections")}),
    # a speaker and a view run into the phrase: the noun phrase it ends with names the target
    ("Councillor Ahmed asked what would happen if the Council missed the statutory composting target of 58%.",
     {(D(58), "target", "statutory composting")}),
])
def test_frames_that_real_minutes_use(text: str, expected: set) -> None:
    """Constructions of published minutes: addresses, thresholds, moved targets, aims, done verbs, change
    nouns and run-on speech give exactly these figures and names."""
    x = _one(text)
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == expected


def test_an_item_title_names_the_figures_that_name_nothing_else() -> None:
    """Under an agenda item titled by one known indicator, "the overall figure for the year was 9.8 days"
    is that indicator's figure; under a title naming nothing, it is left out."""
    titled = ("7. Staff Sickness Absence Update\n\nThe Head of People noted the overall outturn figure for "
              "the "
              "Council of 9.8 days per FTE.\n")
    got = extract(read_document_text(titled))
    assert [(o.value, o.indicator) for o in got.observations] == [(D("9.8"), "sickness-days-per-fte")]
    untitled = titled.replace("Staff Sickness Absence Update", "Workforce Update")
    assert not extract(read_document_text(untitled)).observations


def test_a_figure_for_a_named_part_of_the_area_keeps_the_place() -> None:
    """"the recycling rate in Northvale rose from 51.0% to 60.2%": both figures are Northvale's."""
    x = _one("Over the six months of the pilot the recycling rate in Northvale rose from 51.0% to 60.2%.")
    assert {(o.value, o.measure, o.area, o.surface) for o in x.observations} == {
        (D("51.0"), "previous", "Northvale", "recycling rate"),
        (D("60.2"), "actual", "Northvale", "recycling rate")}


def read_document_text(text: str):  # noqa: ANN201 - a SourceDoc
    """A text document read through the reader, as `kg ingest` reads a .txt file."""
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "minutes.txt").write_text(text, encoding="utf-8")
    return read_document(folder / "minutes.txt", root=folder)


@pytest.mark.parametrize("text", [
    "The Chair asked whether, based on the 96% assumed, a surplus was likely.",
    "He noted that 1 upheld complaint out of a total of 1 would show as 100% upheld.",
    "Performance was measured where performance had hit 77% in the spring.",
])
def test_a_phrase_cut_mid_clause_names_nothing(text: str) -> None:
    """A phrase that ends on a verb or function word, or opens with "where" or "out of", was cut mid-clause:
    its figure is left out rather than named by it."""
    assert not [o for o in _one(text).observations if o.value is not None]


def test_money_that_is_no_measure_owns_no_comparison() -> None:
    """"...; this was above the Welsh average of 96.1% (an extra £400K in cash)": the average is the
    rate's, not the money's."""
    x = _one("The council recorded an in-year collection rate of 97.0%; this was above the Welsh average of "
             "96.1% (an extra £400K in cash).")
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D("97.0"), "actual", "in-year collection rate"), (D("96.1"), "benchmark", "in-year collection rate")}


def _lead_texts() -> list[str]:
    """Every text under tests/data and the seeds, and strings made to meet each shape's edge."""
    root = Path(__file__).resolve().parent
    files = sorted(root.glob("data/**/*.txt")) + sorted((root.parent / "seeds").glob("*.txt"))
    edges = ["xMarch 2025", "JANUARY 3", "Sept. 12, 2024", "key stage 2", "KS2", "Q 3", "qtr4", "PAM/030",
             "CAB/2024/041a", "ASC01", "DL1 5QT", "01632 478213", "6.30 pm", "5pm", "18:30", "2023/24",
             "24/25", "18-64", "3 - 10", "5 to 15 years", "period 11", "ſ4", "K12",
             "In Q2, up from 30%, which compared (well) against the same period; but since last year"]
    return [p.read_text(encoding="utf-8") for p in files] + edges


@pytest.mark.parametrize(("module", "lead", "alternatives", "compiled"), [
    ("numbers", "SHAPES_LEAD", "SHAPE_ALTERNATIVES", "_SHAPES"),
    ("phrases", "BOUNDARY_LEAD", "BOUNDARY_ALTERNATIVES", "_BOUNDARY"),
])
def test_a_lead_test_before_an_alternation_changes_no_match(module: str, lead: str, alternatives: str,
                                                              compiled: str) -> None:
    """The shapes and phrase-boundary patterns, searched behind their lead test (for speed), find exactly
    what their alternatives alone find, in every test document, seed and edge case."""
    import importlib

    mod = importlib.import_module(f"kg.extract.figures.{module}")
    fast = getattr(mod, compiled)
    assert fast.pattern.startswith(getattr(mod, lead))
    plain = re.compile(getattr(mod, alternatives), re.I)
    for text in _lead_texts():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_address_holds_what_shapes_tests_for_first() -> None:
    """`shapes` skips its address scan where a text holds no "@", "://" or "www." (any case): every address
    match, in every test document, seed and odd spelling, holds one, and shapes finds the same spans."""
    from kg.extract.figures.numbers import _ADDRESS, shapes

    odd = ["see WWW.Example.gov.uk/p?id=12", "HTTPS://x.example/2", "mail a.b+c@x-y.example.org", "ſ@x.y",
           "wwW.x.org 12", "http://", "no address 12 here"]
    found = 0
    for text in _lead_texts() + odd:
        for m in _ADDRESS.finditer(text):
            found += 1
            hint = m.group()
            assert "@" in hint or "://" in hint or "www." in hint.lower(), hint
        spans = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
        assert set(spans) <= set(shapes(text, 0, len(text)))
    assert found >= 4


TABLES = Path(__file__).parent / "data" / "readers" / "tables"


def _table_rows(name: str) -> set[tuple]:
    x = extract(read_document(TABLES / name))
    return {(o.surface, o.value, o.unit, o.measure, o.area) for o in x.observations if o.value is not None}


def test_a_table_copied_one_cell_a_line_gives_each_row_its_figures() -> None:
    """A scorecard copied one cell a line: each row's actual and target under the period over them, with
    the unit from the label and the cell; a row whose figures cannot be placed gives none."""
    rows = _table_rows("cells_district_scorecard.txt")
    claims = "Average days to process new Housing Benefit claims"
    assert (claims, D("17.4"), "other", "actual", "council") in rows
    assert (claims, D(20), "other", "target", "council") in rows
    assert ("Percentage of Council Tax collected", D("83.5"), "percent", "target", "council") in rows
    arrears = "Value of business rates arrears written off"
    assert (arrears, D(2300000), "currency", "actual", "council") in rows
    assert ("Number of customer complaints received", D(64), "count", "actual", "council") in rows
    assert not any(r[1] == D(93) or r[0].startswith(("Stage 2", "Key")) for r in rows)
    assert len(rows) == 7


def test_a_welsh_table_one_cell_a_line_keeps_its_codes_and_the_wales_average() -> None:
    """The reference line is the indicator's code, the Wales average column a benchmark for Wales."""
    x = extract(read_document(TABLES / "cells_pam_wales.txt"))
    dfg = next(o for o in x.observations if o.value == D(226))
    assert (dfg.notation, dfg.measure, dfg.unit) == ("PAM/837", "actual", "other")
    assert dfg.surface.startswith("Average number of calendar days")
    assert (dfg.surface, D(198), "other", "benchmark", "wales") in {
        (o.surface, o.value, o.unit, o.measure, o.area) for o in x.observations
    }
    assert not any(o.surface.startswith("Percentage of highways") for o in x.observations)


def test_a_dashboard_one_cell_a_line_gives_latest_previous_target_and_england() -> None:
    """Latest is the actual, Previous previous, England a benchmark; a provisional figure with words and a
    row one figure short give nothing."""
    rows = _table_rows("cells_asc_dashboard.txt")
    employed = "Adults with a learning disability in paid employment"
    assert {(employed, D("5.9"), "percent", "actual", "council"), (employed, D("5.2"), "percent", "previous",
            "council"), (employed, D("4.8"), "percent", "benchmark", "england")} <= rows
    assert not any(r[0].startswith(("Carers", "Safeguarding")) for r in rows)
    assert len(rows) == 12


@pytest.mark.parametrize(
    "text",
    [
        "Quarter 2 2023/24 performance summary\n\n"
        "| RAG Rating | Number of KPIs | % of KPIs |\n|---|---|---|\n"
        "| Green | 12 | 60% |\n| Amber | 5 | 25% |\n| Red | 3 | 15% |\n| Total | 20 | 100% |\n",
        "Quarter 2 2023/24 performance summary\n\nRAG Rating        Number of KPIs\nGreen             12\n"
        "Amber             5\nRed               3\nTotal             20\n",
        "Quarter 2 2023/24 performance summary\n\nRAG Rating\n\nGreen\n\nAmber\n\nRed\n\nTotal\n\n"
        "KPIs\n\n12\n\n5\n\n3\n\n20\n",
    ],
)
def test_a_summary_grid_of_counts_by_rating_names_no_indicator(tmp_path: Path, text: str) -> None:
    """Counts of indicators by rating, in a pipe, an aligned or a one-cell-a-line grid, are not figures of
    an indicator named "Green" or "Total"."""
    path = tmp_path / "summary.txt"
    path.write_text(text, encoding="utf-8")
    x = extract(read_document(path))
    named = {o.surface.lower() for o in x.observations}
    assert named.isdisjoint({"green", "amber", "red", "total", "rag rating"})


def test_a_column_naming_its_period_and_the_figure_gives_that_period_s_actuals(tmp_path: Path) -> None:
    """A table column headed "Q3 2023/24" over "Actual" holds that quarter's actuals, and the target under it
    that quarter's target, even where the document's period was taken from an earlier quarter named first."""
    text = (
        "Housing Committee\n\n"
        "Compared to the last quarter (Q2 2023/24), three of the five measures improved.\n\n"
        "Measure\n\nQ3 2023/24\n\nActual\n\nTarget\n\nStatus\n\n"
        "Households in bed and breakfast accommodation\n\n14\n\n10\n\n"
        "Homeless applications decided within 33 working days (%)\n\n88.2%\n\n90%\n"
    )
    path = tmp_path / "housing.txt"
    path.write_text(text, encoding="utf-8")
    x = extract(read_document(path))
    rows = {(o.value, o.measure, o.period) for o in x.observations}
    q3 = "2023/24 Q3"
    assert {(D(14), "actual", q3), (D(10), "target", q3)} <= rows
    assert {(D("88.2"), "actual", q3), (D(90), "target", q3)} <= rows


def test_a_relative_clause_s_figure_belongs_to_its_antecedent() -> None:
    """"the report now includes the number of adopters approved, which was 31 at the end of March": the
    number of adopters approved."""
    x = _one("The report now includes the number of adopters approved, which was 31 at the end of March.")
    assert [(o.value, o.surface) for o in x.observations] == [(D(31), "number of adopters approved")]


def _found(x: Extraction) -> set[tuple]:
    return {(o.value, o.measure, o.area, o.surface) for o in x.observations}


@pytest.mark.parametrize("text", [
    "Of the 30 measures in the plan, 21 (70%) met their target and 4 (13%) were amber.",
    "Out of the 52 key performance indicators 40 (77%) improved on last year.",
    "Some 64% of indicators were green at the end of the year.",
    "Amber indicators went from 5 to 9 over the quarter.",
])
def test_a_sentence_counting_a_scorecard_s_items_gives_no_figure(text: str) -> None:
    """A count of the scorecard's own indicators, targets or measures (by status or colour) is no measure."""
    assert _one(text).observations == ()


def test_a_scorecard_count_leaves_the_next_sentence_s_figure_alone() -> None:
    """Only the sentence that counts the scorecard's items is left out."""
    x = _one("Of the 30 measures, 21 met their target. Sickness absence was 9.2 days.")
    assert {(o.value, o.surface) for o in x.observations} == {(D("9.2"), "Sickness absence")}


def test_down_or_up_a_percentage_is_a_change_not_a_level() -> None:
    """"was down 7%", "were up 4%": a change, never emitted as a level."""
    assert _one("Housing advice cases were down 7%, while preventions were up 4%.").observations == ()


def test_a_stated_target_is_a_target_named_by_what_it_is_for() -> None:
    """"The statutory target is that X within an average of N days": N is the target for X, not a level."""
    x = _one("The statutory target is that homeless applications are decided within an average of 33 days.")
    assert [(o.value, o.measure) for o in x.observations] == [(D(33), "target")]
    assert "homeless applications" in x.observations[0].surface
    y = _one("The service has two targets which include answering 85% of calls and a reply within 12 days.")
    assert (D(85), "target") in {(o.value, o.measure) for o in y.observations}
    assert all(o.measure != "actual" for o in y.observations)


@pytest.mark.parametrize("text", [
    "The recycling rate was 54.0% compared with 51.2% in NI.",
    "The recycling rate was 54.0%; the rate across NI was 51.2%.",
])
def test_ni_as_a_place_is_the_northern_ireland_benchmark(text: str) -> None:
    """"in NI", "across NI" after or before a figure make it Northern Ireland's benchmark."""
    assert (D("51.2"), "benchmark", "northern-ireland") in {(o.value, o.measure, o.area)
                                                           for o in _one(text).observations}


def test_a_duration_in_two_units_is_one_figure_in_the_larger() -> None:
    """"3 minutes and 15 seconds" is one figure, 3.25 minutes, not 3 and 15; its target keeps its minutes."""
    x = _one("The average wait for an answer was 3 minutes and 15 seconds against a target of 4 minutes.")
    assert _found(x) == {(D("3.25"), "actual", "council", "average wait for an answer"),
                         (D(4), "target", "council", "average wait for an answer")}


def test_a_noun_after_the_average_opens_a_new_name_rather_than_pointing_back() -> None:
    """"The average X ..." names X: its figure does not borrow the sentence before's indicator."""
    x = _one("Web chat replies took 40 seconds on average. The average callback time had fallen "
             "sharply and was now 6 hours.")
    labels = {o.value: o.surface for o in x.observations}
    assert labels.get(D(6)) == "average callback time"


def test_a_comparison_beside_a_nameless_level_does_not_borrow_the_sentence_before_s_name() -> None:
    """"..., currently standing at 98.1% against a target of 98.5%" after another measure's sentence: the
    target is not that other measure's."""
    x = _one("Sickness absence was 9.2 days. Rent collection continued to improve, currently standing at "
             "98.1% against a target of 98.5%.")
    assert {o.value for o in x.observations if o.surface == "Sickness absence"} == {D("9.2")}
    assert all(o.surface.lower() != "currently" for o in x.observations)


XREAL = Path(__file__).parent / "data" / "xreal"


def test_real_councils_prose_summaries_targets_and_ni_benchmarks() -> None:
    """Published minutes and reports of councils outside the development corpus (tests/data/xreal): scorecard
    summaries give nothing, stated targets are targets, "in NI" is Northern Ireland's, a time in minutes and
    seconds is one figure, and no figure is named "currently" or "Out"."""
    bolsover = extract(read_document(XREAL / "bolsover_ambitions.txt", root=XREAL))
    assert bolsover.observations == ()
    derry = extract(read_document(XREAL / "derry_planning.txt", root=XREAL))
    rows = {(o.value, o.measure, o.area) for o in derry.observations}
    assert {(D(15), "target", "council"), (D(30), "target", "council"), (D(70), "target", "council"),
            (D("93.2"), "benchmark", "northern-ireland"), (D("97.6"), "actual", "council")} <= rows
    bucks = extract(read_document(XREAL / "buckinghamshire_q3.txt", root=XREAL))
    assert (D("2.7"), "actual") in {(o.value, o.measure) for o in bucks.observations}
    assert not {D(2), D(42), D(18), D(22)} & {o.value for o in bucks.observations}
    assert not {"currently", "out"} & {o.surface.lower() for o in bucks.observations + bolsover.observations}
    belfast = extract(read_document(XREAL / "belfast_planning.txt", root=XREAL))
    assert (D(30), "target") in {(o.value, o.measure) for o in belfast.observations}
    assert D(12) not in {o.value for o in belfast.observations}


def test_a_period_opening_the_sentence_without_a_comma_is_not_part_of_the_name() -> None:
    """"During 2021-22 the average time to X was N days": the name is the average time to X."""
    x = _one("During 2021-22 the average time to complete a repair was 18 days.")
    assert [o.surface for o in x.observations] == ["average time to complete a repair"]


def test_a_benchmark_after_a_year_opener_keeps_its_own_name() -> None:
    """"For 2021/22 the average number of days to X across Wales stood at 180": a Wales benchmark for X, the
    year no figure that would leave it nameless."""
    x = _one("For 2021/22 the average number of days to complete an adaptation across Wales stood at 180.")
    assert _found(x) == {(D(180), "benchmark", "wales", "average number of days to complete an adaptation")}


def test_compared_to_a_number_in_a_named_place_is_that_place_s_level() -> None:
    """"This compared to 150 in Northvale" after a benchmark: Northvale's level of the same measure, in the
    measure's unit, not an earlier value named "Northvale"."""
    x = _one("The average time to complete an adaptation across Wales was 180 days. "
             "This compared to 150 in Northvale.")
    assert (D(150), "actual", "Northvale", "average time to complete an adaptation") in _found(x)
    assert {o.unit for o in x.observations} == {"other"}


def test_the_target_level_for_a_named_measure_is_a_target_for_it() -> None:
    """"The target level for indicator HS12 of 400 days": a target named by what it is for."""
    x = _one("The target level for indicator HS12 of 400 days was thought too generous by Members.")
    assert _found(x) == {(D(400), "target", "council", "indicator HS12")}


def test_real_welsh_report_a_year_opener_a_wales_benchmark_and_the_council_by_name() -> None:
    """Vale of Glamorgan's grants report (tests/data/xreal): the delivery time under a year opener keeps its
    name, Wales's average is a benchmark, the figure "in the Vale of Glamorgan" is the council's level of
    the same measure, a target level is a target, and changes and a scorecard count give nothing."""
    x = extract(read_document(XREAL / "vale_dfg.txt", root=XREAL))
    rows = {(o.value, o.measure, o.area) for o in x.observations}
    assert rows == {(D(284), "previous", "council"), (D(231), "benchmark", "wales"),
                    (D(199), "actual", "Vale of Glamorgan"), (D(510), "target", "council")}
    assert {o.surface for o in x.observations if o.value in (D(231), D(199))} == {
        "average number of days taken to deliver DFG's"}


def test_a_benchmark_stated_first_keeps_its_name_when_the_later_figure_is_another_measure() -> None:
    """"X across NI in this year is 40.1 weeks and the council issued 9 Y": NI's benchmark is of X (a time),
    not of the count Y that follows; "this year" between the comparator and its number does not stop it."""
    x = _one("The average time to decide major applications across NI in this year is 40.1 weeks and the "
             "council issued 9 major decisions.")
    expected = (D("40.1"), "benchmark", "northern-ireland", "average time to decide major applications")
    assert expected in _found(x)


def test_maintained_at_is_a_level_and_not_part_of_the_name() -> None:
    """"Customer satisfaction was maintained at 80%": a level of customer satisfaction."""
    assert _found(_one("Tenant satisfaction was maintained at 81%.")) == {
        (D(81), "actual", "council", "Tenant satisfaction")}


def test_real_scorecard_shares_are_not_measures_but_an_excepted_measure_is() -> None:
    """Anglesey's and Cherwell's minutes (tests/data/xreal): "the majority (70%) of the ... indicators" and
    "achieved 86% of its August 2023 key performance indicators" sum up a scorecard; the measure excepted
    after the count ("apart from indicator 04b in connection with the percentage of X which at 58% is below
    the 80% target") keeps its figures and its own name."""
    anglesey = extract(read_document(XREAL / "anglesey_scorecard.html", root=XREAL))
    assert {(o.value, o.measure) for o in anglesey.observations} == {(D(58), "actual"), (D(80), "target")}
    assert {o.surface for o in anglesey.observations} == {
        "percentage of written responses within 15 days to complaints within Social Services"}
    cherwell = extract(read_document(XREAL / "cherwell_kpi.html", root=XREAL))
    assert cherwell.observations == ()


def test_a_scorecard_count_without_an_exception_still_gives_nothing() -> None:
    """"9 of the 14 measures were on track and sickness was 9.5 days": without "apart from" the sentence sums
    up the scorecard, as before."""
    assert _one("9 of the 14 measures were on track and sickness was 9.5 days.").observations == ()


def test_a_clause_opening_on_an_area_states_that_area_s_level() -> None:
    """"Nationally at the end of Quarter 2, X stood at 9 days" and "Across Wales, X was 180 days" are
    benchmarks; "National Non-Domestic Rates collected was 98%" names a measure, not an area."""
    x = _one("Nationally at the end of Quarter 1, turnaround time stood at 9 days.")
    assert {(o.value, o.measure, o.area) for o in x.observations} == {(D(9), "benchmark", "national")}
    x = _one("Across Wales, the average time to deliver an adaptation was 180 days.")
    assert {(o.value, o.measure, o.area) for o in x.observations} == {(D(180), "benchmark", "wales")}
    x = _one("National Non-Domestic Rates collected was 98%.")
    assert {(o.value, o.measure, o.area) for o in x.observations} == {(D(98), "actual", "council")}


def test_real_minutes_national_levels_and_the_council_s_own_possessive() -> None:
    """Gravesham's minutes (tests/data/xreal): the clause opening "Nationally" is a national benchmark, "the
    latest available figure nationally" is the benchmark of the measure named before it, and
    "Gravesham's processing time" is named without the council's possessive."""
    x = extract(read_document(XREAL / "gravesham_benefits.html", root=XREAL))
    rows = {(o.value, o.measure, o.area, o.surface) for o in x.observations}
    assert (D(9), "benchmark", "national", "processing time") in rows
    assert (D(20), "benchmark", "national", "average processing time for new housing Benefit Claims") in rows
    assert (D("3.5"), "actual", "council", "processing time") in rows
    assert not any("Gravesham" in o.surface for o in x.observations)


def test_a_number_straight_after_a_verb_of_movement_is_a_change() -> None:
    """Neath Port Talbot's minutes (tests/data/xreal): "had increased 14 days", like "increased by 10 days",
    is how much a measure moved, not its level; "increased to 14 days" is still a level."""
    x = extract(read_document(XREAL / "neathpt_q4.txt", root=XREAL))
    assert x.observations == ()
    x = _one("The average number of days to deliver a grant increased to 214 days.")
    assert {o.value for o in x.observations} == {D(214)}


def test_an_ongoing_movement_and_currently_are_no_part_of_the_name() -> None:
    """"The investment portfolio continued to increase, currently being at 74% against a target of 64%": the
    measure is the investment portfolio."""
    x = _one("The investment portfolio continued to increase, currently being at 74% against a target of "
             "64%.")
    assert _found(x) == {(D(74), "actual", "council", "investment portfolio"),
                         (D(64), "target", "council", "investment portfolio")}


def test_real_minutes_a_measure_named_in_brackets_and_its_level_against_target() -> None:
    """Anglesey's Executive minutes (tests/data/xreal): "Indicator 09 (the percentage of FOI requests
    responded to within timescale) where the performance against target is 84%" is that measure's level,
    not a target; the scorecard's "89% of the performance indicators" and a moved target give nothing."""
    x = extract(read_document(XREAL / "anglesey_executive.html", root=XREAL))
    assert _found(x) == {(D(84), "actual", "council",
                          "percentage of FOI requests responded to within timescale")}


def test_real_welsh_scorecard_bullets_against_the_wales_average_give_nothing() -> None:
    """Newport's minutes (tests/data/xreal): "40% of our performance indicators have performed better than
    Wales' average" counts indicators; it is no Wales benchmark."""
    assert extract(read_document(XREAL / "newport_pams.html", root=XREAL)).observations == ()


def test_real_scottish_table_figures_in_a_row_s_commentary_cell() -> None:
    """South Lanarkshire's performance spotlights (tests/data/xreal): the figures in a row's "Explanations/
    narrative" cell are read as prose, those naming no measure being the row's; "in 2019 the result was"
    is an earlier level, "a higher positive destination rate" is the rate, and "compared to 74 out of 80"
    counts people, not a level."""
    x = extract(read_document(XREAL / "southlanarkshire_spotlights.html", root=XREAL))
    level5 = "School leavers achieving 1 or more awards at level 5"
    assert _found(x) == {
        (D(90), "actual", "council", level5), (D("86.53"), "previous", "council", level5),
        (D("68.9"), "actual", "council", "School leavers achieving 1 or more awards at Level 6"),
        (D("66.48"), "previous", "council", "School leavers achieving 1 or more awards at Level 6"),
        (D("92.9"), "actual", "council", "positive destination rate"),
        (D("92.5"), "previous", "council", "positive destination rate")}
    assert all(x.doc.text[o.span.start:o.span.end] == o.span.quote for o in x.observations)


def test_a_target_set_as_a_bound_is_the_target() -> None:
    """Hertsmere's minutes (tests/data/xreal): "the short term sickness absence target of no more than 3.5
    days per employee" is a target of 3.5 days, named without the speaker's "was pleased to report"; a level
    "more than 3.5 days" is still a threshold, not a figure."""
    x = extract(read_document(XREAL / "hertsmere_absence.txt", root=XREAL))
    assert _found(x) == {(D("3.5"), "target", "council", "short term sickness absence")}
    assert _one("Absence was more than 3.5 days per employee.").observations == ()


def test_a_target_named_only_by_progress_towards_it_names_nothing() -> None:
    """Leicestershire's decision (tests/data/xreal): "the progress being made to achieve the corporate target
    of 7.5 days per FTE" does not name the measure "progress being made to achieve the corporate"."""
    x = extract(read_document(XREAL / "leicestershire_absence.html", root=XREAL))
    assert not any("progress" in o.surface for o in x.observations)


@pytest.mark.parametrize(("text", "expected"), [
    ("The average call waiting time was two minutes and 42 seconds against a target of three minutes.",
     {(D("2.7"), "actual"), (D(3), "target")}),
    ("The average time to process a change was twelve days.", {(D(12), "actual")}),
    ("The contact centre is open seven days a week.", set()),
    ("New tenancies were sustained at twelve months in 89.6% of cases.", {(D("89.6"), "actual")}),
    ("Two indicators were red and three were amber.", set()),
])
def test_spelled_out_durations_stated_as_levels_or_targets(text: str, expected: set) -> None:
    """A number written in words is a figure only as a duration or share stated by a verb of level or a
    target's cue ("target of three minutes", "was twelve days"); "seven days a week" and a time point
    ("sustained at twelve months") are not."""
    assert {(o.value, o.measure) for o in _one(text).observations} == expected


def test_a_measure_named_progress_keeps_its_figures() -> None:
    """"Progress 8 score stood at 47% against a target of 89%": only progress towards a target ("the progress
    being made to achieve the corporate target") opens no name; a measure called Progress keeps its own."""
    x = _one("Progress 8 score stood at 47% against a target of 89% and a national average of 76%.")
    assert {(D(47), "actual"), (D(89), "target"), (D(76), "benchmark")} <= {
        (o.value, o.measure) for o in x.observations}


def test_real_welsh_shares_of_activities_and_risks_sum_up_a_plan() -> None:
    """Flintshire's Cabinet minutes (tests/data/xreal): "the majority of activities were assessed as making
    good progress (98%)" and "Risks ... with the majority being assessed as moderate (70%)" are shares of a
    plan's items, not measures."""
    assert extract(read_document(XREAL / "flintshire_cabinet.txt", root=XREAL)).observations == ()


def test_a_year_only_makes_an_earlier_level_when_it_opens_the_subject() -> None:
    """"In 2019 the result was 86%" in a 2023/24 document is an earlier level; "since the strategy was
    adopted in 2019, the rate has risen to 50%" states this period's level."""
    assert {o.measure for o in _one("In 2019 the result for school leavers was 86%.").observations} == {
        "previous"}
    x = _one("Since the strategy was adopted in 2019, the recycling rate has risen to 50%.")
    assert {(o.value, o.measure) for o in x.observations} == {(D(50), "actual")}


@pytest.mark.parametrize("text", [
    "In Wales, Anglesey achieved 95% of household waste recycled in the year.",
    "In Wales, the Council recycled 65% of household waste in the year.",
])
def test_a_clause_opening_on_an_area_but_naming_whose_figure_it_is_is_not_the_area_s(text: str) -> None:
    """"In Wales, <a council> achieved N": the subject after the area says whose level it is, so the opening
    area does not make it that area's benchmark."""
    assert {(o.measure, o.area) for o in _one(text).observations} == {("actual", "council")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Sickness absence increased 2.1 days per FTE to 11.3 days per FTE.",
     {(D("11.3"), "actual", "council", "Sickness absence")}),
    ("Average re-let time improved 6 days to 31 days against a target of 30.",
     {(D(31), "actual", "council", "Average re-let time"),
      (D(30), "target", "council", "Average re-let time")}),
    ("Rent arrears fell 3% to £1.2m at the end of the quarter.",
     {(D(1200000), "actual", "council", "Rent arrears")}),
])
def test_a_change_without_by_before_the_level_is_no_figure_and_no_part_of_its_name(text: str,
                                                                                   expected: set) -> None:
    """"X increased 2.1 days to 11.3 days": the amount of change is no level, and the verb and amount are no
    part of the measure's name."""
    assert _found(_one(text)) == expected


def test_an_area_s_lead_word_alone_is_no_name() -> None:
    """"Across Scotland the average was 8.9 days": no figure named "Across"."""
    found = _one("Across Scotland the average was 8.9 days.").observations
    assert not any(o.surface.lower() == "across" for o in found)


@pytest.mark.parametrize(("text", "period"), [
    ("The recycling rate was 56.2% against a target of 55% by 2025.", "2025/26"),
    ("Recycling stood at 51% against a target of 60% by March 2026.", "2025/26"),
    ("Recycling stood at 51% against a target of 60% by the end of 2024/25.", "2024/25"),
    ("Household recycling was 56.2% (target 55%).", "2023/24 Q2"),  # no horizon: the report's period
])
def test_a_target_set_for_a_later_horizon_is_for_then(text: str, period: str) -> None:
    """"A target of 55% by 2025" in a 2023/24 Q2 report is a target for then (the financial year its date
    falls in), so it is never compared with this quarter's level as if it were this quarter's target."""
    [target] = [o for o in _one(text).observations if o.measure == "target"]
    assert target.period == period


def test_agreed_as_an_adjective_may_be_part_of_a_measure_s_name() -> None:
    """"85% of recommendations had been implemented within agreed timescales": "agreed" qualifies a noun, so
    the words name the measure; a body that agreed ("the Panel agreed ...") still names none."""
    x = _one("85% of recommendations had been implemented within agreed timescales, against a target of 90%.")
    assert {(o.value, o.measure) for o in x.observations} == {(D(85), "actual"), (D(90), "target")}
    assert all("agreed timescales" in o.surface for o in x.observations)
    from kg.extract.figures.phrases import is_name

    assert not is_name("the Panel agreed the recycling rate")


@pytest.mark.parametrize("text", [
    "The service expects delivery times to fall to 250 days by the end of the year.",
    "Delivery times are expected to fall to 250 days by the end of the year.",
    "Officers predicted that the backlog would be 40 cases.",
])
def test_an_expectation_is_no_level(text: str) -> None:
    """"expects X to fall to 250 days": what is expected is no figure of the period."""
    assert _one(text).observations == ()


@pytest.mark.parametrize(("text", "name"), [
    ("The percentage of pupils reaching the expected standard was 58%.",
     "percentage of pupils reaching the expected standard"),
    ("The figure for pupils achieving expected levels in literacy was 53%.",
     "figure for pupils achieving expected levels in literacy"),
])
def test_expected_as_an_adjective_is_part_of_a_measure_s_name(text: str, name: str) -> None:
    """"the expected standard", "achieving expected levels": "expected" qualifying a noun stays in a name;
    only an expectation ("expected to", "expects") ends one."""
    assert {o.surface for o in _one(text).observations} == {name}


def test_a_gap_to_the_same_point_last_year_is_no_level() -> None:
    """"84.3% ..., 0.2% below the same point last year": the 0.2% is a gap to an earlier level."""
    x = _one("Council tax collection stood at 84.3% at the end of December, 0.2% below the same point "
             "last year.")
    assert {(o.value, o.measure) for o in x.observations} == {(D("84.3"), "actual")}


def test_a_period_labelling_the_next_number_is_not_the_one_before_s() -> None:
    """"(target 95%, last year 89%)": "last year" labels 89%, so the target stays the report's period's."""
    x = _one("The percentage of invoices paid within 30 days was 91% (target 95%, last year 89%).")
    [target] = [o for o in x.observations if o.measure == "target"]
    assert target.value == D(95) and target.period == "2023/24 Q2"


def test_a_period_labelling_the_next_number_makes_it_an_earlier_value() -> None:
    """"(target 95%, last year 89%)": 89% is last year's level, not a school "year 89" reference."""
    x = _one("The percentage of invoices paid within 30 days was 91% (target 95%, last year 89%).")
    assert (D(89), "previous", "council") in {(o.value, o.measure, o.area) for o in x.observations}


@pytest.mark.parametrize(("text", "value", "name"), [
    ("Footfall increased by 4% to 1.3 million visitors.", D(1300000), "Footfall"),
    ("Visitor numbers were up 6% to around 77,000 pedestrians per week.", D(77000), "Visitor numbers"),
    ("Footfall increased by 4% (to 1.3 million visitors).", D(1300000), "Footfall"),
    ("Visits were 4% higher at 1.3 million.", D(1300000), "Visits"),
    ("Complaints fell by 12 to 148.", D(148), "Complaints"),
])
def test_a_change_then_to_and_a_count_states_the_level_reached(text: str, value: D, name: str) -> None:
    """"X increased by 4% to 1.3 million", "X were up 6% to around 77,000": the count after "to" is X's level
    (a written-out million multiplies it); the change gives nothing."""
    assert _found(_one(text)) == {(value, "actual", "council", name)}


@pytest.mark.parametrize("text", [
    "Evening footfall was up 55% against the same period last year.",
    "Footfall in the precinct had been up 4.2% against the previous year.",
    "City centre footfall was 13% below that of 2005, compared to 15% nationally.",
])
def test_up_down_or_below_an_earlier_level_is_a_change(text: str) -> None:
    """"up 55% against the same period last year", "13% below that of 2005, compared to 15% nationally":
    changes and gaps (and the comparator's own change), never levels."""
    assert _one(text).observations == ()


def test_compared_with_a_figure_here_is_the_council_s_own_level() -> None:
    """"X across Wales was 92%, compared with 88% here": 88% is the council's level of X, not an earlier one;
    "88% here last year" stays an earlier one."""
    x = _one("The collection rate across Wales was 92%, compared with 88% here.")
    assert _found(x) == {(D(92), "benchmark", "wales", "collection rate"),
                         (D(88), "actual", "council", "collection rate")}
    x = _one("Satisfaction was 78%, compared with 88% here last year.")
    assert (D(88), "previous") in {(o.value, o.measure) for o in x.observations}


@pytest.mark.parametrize(("text", "area", "name"), [
    ("The Scottish average for satisfaction with libraries was 72%.", "scotland",
     "satisfaction with libraries"),
    ("The Wales average for the percentage of waste recycled was 65.2%.", "wales",
     "percentage of waste recycled"),
    ("The national average for sickness absence was 10.1 days.", "national", "sickness absence"),
])
def test_an_area_s_average_for_a_measure_is_that_area_s_benchmark(text: str, area: str, name: str) -> None:
    """"The Scottish average for X was 72%": Scotland's benchmark of X, not the council's level of a measure
    named "Scottish average for X"."""
    assert {(o.measure, o.area, o.surface) for o in _one(text).observations} == {("benchmark", area, name)}


def test_an_area_lead_before_a_ratio_is_no_part_of_its_name() -> None:
    """"Across Wales 78% of adults were satisfied": Wales's benchmark, its name without "Across"."""
    x = _one("Across Wales 78% of adults were satisfied with the service.")
    assert {(o.measure, o.area, o.surface) for o in x.observations} == {
        ("benchmark", "wales", "adults were satisfied with the service")}


@pytest.mark.parametrize(("text", "name"), [
    ("Major applications were processed in an average of 45.2 weeks.", "Major applications processed"),
    ("Complaints were answered within an average of 8 days.", "Complaints answered"),
])
def test_a_passive_in_an_average_of_names_what_was_done(text: str, name: str) -> None:
    """"X were processed in an average of 45.2 weeks": the name is what was processed, without the frame's
    "were ... in an average"."""
    assert {o.surface for o in _one(text).observations} == {name}


def test_real_footfall_reports_give_levels_not_changes() -> None:
    """Coventry's scrutiny minutes and Wrexham's news release (tests/data/xreal): "footfall up 55% against the
    same period last year", "13% below that of 2005, compared to 15% nationally" are changes; "visitor numbers
    were up 6% to around 77,000 pedestrians per week" gives the level 77,000."""
    coventry = extract(read_document(XREAL / "coventry_footfall.txt", root=XREAL))
    assert not [o for o in coventry.observations if o.unit == "percent"]
    wrexham = extract(read_document(XREAL / "wrexham_footfall.txt", root=XREAL))
    assert _found(wrexham) == {(D(77000), "actual", "council", "visitor numbers")}
    assert {o.direction for o in wrexham.observations} == {"increased"}  # "were up"


@pytest.mark.parametrize("name", ["midantrim_statutory.txt", "midantrim_blocks.txt"])
def test_real_ni_statutory_indicators_as_labelled_records(name: str) -> None:
    """Mid and East Antrim's statutory indicators (tests/data/xreal), as "Indicator: / Target: A maximum of 30
    weeks. / Year-end result: 67.4 weeks." records, on one line each or with the values on lines of their
    own: each target and year-end result is the indicator's, in its unit; a bound is never a measure named
    "maximum", and a count's breakdown in brackets gives nothing."""
    x = extract(read_document(XREAL / name, root=XREAL))
    rows = {(o.value, o.unit, o.measure, o.surface) for o in x.observations}
    major = "The average processing time of major planning applications"
    jobs = "The number of jobs promoted through business start interventions"
    assert {(D(30), "other", "target", major), (D("67.4"), "other", "actual", major),
            (D(85), "count", "target", jobs), (D(103), "count", "actual", jobs)} <= rows
    assert not {D(66), D(37)} & {o.value for o in x.observations}
    assert not {"maximum", "minimum"} & {o.surface.lower() for o in x.observations}
    assert len(rows) == (12 if name == "midantrim_statutory.txt" else 8)


def test_a_number_joined_to_a_word_is_part_of_a_name() -> None:
    """"10-day payment performance increased from 84% to 91%": "10-day" is in the name, no figure, and does
    not leave the pair nameless."""
    x = _one("10-day payment performance increased from 84% in October to 91% in November.")
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D(84), "previous", "10-day payment performance"), (D(91), "actual", "10-day payment performance")}


def test_with_a_measure_moving_names_that_measure() -> None:
    """"The team has seen an impact with X increasing from 84% to 91%": X is the name, not the clause before
    "with" nor the verb."""
    x = _one("The team has seen a positive impact with payment performance increasing from 84% to 91%.")
    assert {o.surface for o in x.observations} == {"payment performance"}


@pytest.mark.parametrize("text", [
    "The Scrutiny Board (3) considered a briefing note.",
    "There has been an improvement in the figures, having exceeded the 85% target in November.",
])
def test_a_body_s_number_and_a_target_met_in_passing_give_nothing(text: str) -> None:
    """"Scrutiny Board (3)" numbers a body; "there has been ..., having exceeded the 85% target" names no
    measure the target is for."""
    assert _one(text).observations == ()


def test_a_time_limit_stated_as_a_target_after_a_participle_is_part_of_the_name() -> None:
    """"applications decided in target of 8 weeks (or agreed extension of time) ... was 75.6%": the 8 weeks
    names the measure, it is no target; "The former national target was 65%" is a target for that measure,
    not for one named "former"."""
    x = extract(read_document(XREAL / "winchester_planning.txt", root=XREAL))
    name = "number of applications decided in target of 8 weeks (or agreed extension of time)"
    assert {(o.value, o.measure, o.period, o.surface) for o in x.observations} == {
        (D("75.60"), "actual", "2016/17", name), (D("83.84"), "previous", "2015/16", name),
        (D(65), "target", "2016/17", name)}


def test_real_minutes_payment_performance_pair_and_no_junk_target() -> None:
    """City of London's minutes (tests/data/xreal): the "increasing from 84% in October to 91% in November"
    pair is 10-day payment performance's; the target exceeded in passing after a paragraph break names no
    measure and gives nothing."""
    x = extract(read_document(XREAL / "cityoflondon_payments.txt", root=XREAL))
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D(84), "previous", "10-day payment performance"), (D(91), "actual", "10-day payment performance")}


@pytest.mark.parametrize("text", [
    "Performance was rated as moderate with 11 indicators being green (58%) which indicated good "
    "performance.",
    "There were 5 indicators which were classified as data only, which meant that they were monitored "
    "without requiring a target, and 1 in which the data was currently unavailable.",
    "There was a slight reduction from 85% reported in the previous quarter.",
])
def test_scorecard_counts_and_an_existential_change_give_nothing(text: str) -> None:
    """"11 indicators being green (58%)", "There were 5 indicators ..." count a scorecard's items (and "a
    target, and 1" is no target); "There was a slight reduction from 85%" names no measure."""
    assert _one(text).observations == ()


def test_a_verb_of_movement_is_a_change_only_right_before_its_number() -> None:
    """"had improved, at a rate of 98%" states the level; "had increased 14 days" is a change."""
    x = _one("Council Tax collection had improved, at a rate of 98%.")
    assert _found(x) == {(D(98), "actual", "council", "Council Tax collection")}
    assert _one("Sickness had increased 14 days.").observations == ()


def test_real_minutes_that_sum_up_a_scorecard_give_no_measure() -> None:
    """South Holland's, West Lindsey's and West Oxfordshire's minutes (tests/data/xreal): counts of green,
    amber and red indicators, "83% of all measures ... a slight reduction from 85%" and "the 1.64 %, short of
    the target" give nothing."""
    for name in ("southholland_performance.txt", "westlindsey_performance.txt", "westoxon_performance.txt"):
        assert extract(read_document(XREAL / name, root=XREAL)).observations == (), name


def test_figures_side_by_side_are_a_row_s_cells_not_a_sentence_s() -> None:
    """"All the rest 56 days 67 days" (a planning table's row, its header lost): which is the target and which
    the average cannot be told, so neither is read as the level."""
    assert _one("All the rest 56 days 67 days").observations == ()
    x = extract(read_document(XREAL / "tonbridge_planning.txt", root=XREAL))
    assert x.observations == ()


def test_a_table_with_bare_number_row_codes_gives_no_wrong_figure() -> None:
    """Oxfordshire's indicator annex (tests/data/xreal), one cell a line with bare row numbers ("1", "1a",
    "156") and no label head: not read as a table (the codes could be any row's values), and no cell is
    read as prose."""
    x = extract(read_document(XREAL / "oxfordshire_bvpi.txt", root=XREAL))
    assert x.observations == ()


def test_the_months_ending_a_date_are_a_period_not_a_figure() -> None:
    """"the Specified Performance Indicators for the 12 months ending 31st March 2011": no figure of 12."""
    x = _one("The Council publishes its indicators for the 12 months ending 31st March 2011.")
    assert x.observations == ()


def test_a_change_in_a_measure_between_two_periods_gives_each_period_s_level() -> None:
    """West Lothian's specified performance indicators (tests/data/xreal): "an increase of 0.5 days in the
    number of days lost ... from 2008/09 (6.4 days lost per employee) to 2009/10 (6.9 days lost per
    employee)": each bracketed figure is the measure's level in the period before it, the change gives
    nothing, and no name is cut out of the brackets."""
    x = extract(read_document(XREAL / "westlothian_spi.txt", root=XREAL))
    name = "number of days lost to sickness absence for teaching staff"
    assert {(o.value, o.measure, o.period, o.surface) for o in x.observations} == {
        (D("6.4"), "previous", "2008/09", name), (D("6.9"), "previous", "2009/10", name)}


def test_a_hyphened_duration_target_is_a_target_unless_it_limits_the_measure() -> None:
    """"was 14.4 weeks, under the 15-week target": a target of 15 weeks; "decided within the 8-week target was
    81%": the limit is part of the name and 81% is the level, not a target."""
    x = _one("The average time for residential applications was 14.4 weeks, under the 15-week target.")
    assert {(o.value, o.unit, o.measure) for o in x.observations} == {
        (D("14.4"), "other", "actual"), (D(15), "other", "target")}
    x = _one("The percentage of applications decided within the 8-week target was 81%.")
    assert {(o.value, o.measure) for o in x.observations} == {(D(81), "actual")}


def test_someone_moving_a_measure_from_a_to_b_names_the_measure() -> None:
    """"Despite COVID-19, the Council has reduced X by over 20% from 1,062 to 839 in the last year": X went
    from 1,062 to 839; "in the last year" is the span up to now, not last year's level."""
    x = _one("Despite the lag effects of the COVID-19 pandemic, the Council has reduced the number of live "
             "applications in the system by over 20% from 1,062 to 839 in the last year.")
    name = "number of live applications in the system"
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D(1062), "previous", name), (D(839), "actual", name)}


def test_whose_measure_was_moved_is_no_part_of_its_name() -> None:
    """"The Council has increased its recycling rate from 41% to 45%": the recycling rate's levels."""
    x = _one("The Council has increased its recycling rate from 41% to 45%.")
    assert {o.surface for o in x.observations} == {"recycling rate"}


def test_an_aside_in_brackets_is_no_part_of_a_name() -> None:
    """"X (which represent the majority of applications received) was 14.4 weeks": the name is X."""
    x = _one("The average processing time for residential applications (which represent the majority of "
             "applications received) was 14.4 weeks.")
    assert {o.surface for o in x.observations} == {"average processing time for residential applications"}


def test_real_ni_planning_news_levels_targets_and_the_regional_average() -> None:
    """Mid Ulster's planning performance release (tests/data/xreal): every level, "15-week target", the
    regional average and the live applications' fall from 1,062 to 839 are read; the changes ("3.7 weeks
    less", "5.1 weeks less", "by over 20%") and the share of NI's applications give nothing."""
    x = extract(read_document(XREAL / "midulster_planning.txt", root=XREAL))
    local = "average processing time for local planning applications"
    residential = "average processing time for residential applications"
    live = "number of live applications in the system"
    assert {(o.value, o.measure, o.area, o.surface) for o in x.observations} == {
        (D(1062), "previous", "council", live), (D(839), "actual", "council", live),
        (D(25), "actual", "council", "major applications were processed within 30 weeks"),
        (D(575), "actual", "council", "local planning applications were decided"),
        (D("16.7"), "actual", "council", local), (D(15), "target", "council", local),
        (D("19.2"), "benchmark", "region", local),
        (D("14.4"), "actual", "council", residential), (D(15), "target", "council", residential)}


@pytest.mark.parametrize(("text", "name"), [
    ("Northvale had an average approval rate of 97.6%.", "average approval rate"),
    ("Major applications took an average of 39.4 weeks to process.", "Major applications"),
    ("The indicator on the percentage of webpages available in Welsh was showing 100%.",
     "indicator on the percentage of webpages available in Welsh"),
])
def test_whose_figure_and_frames_of_having_or_taking_leave_the_name(text: str, name: str) -> None:
    """"<place> had an average approval rate of N", "X took an average of N weeks", "X was showing N%": the
    name is the measure, without who had it or the frame's verb; "in Welsh" is a language, not a place."""
    assert {(o.surface, o.area) for o in _one(text).observations} == {(name, "council")}


def test_a_share_of_people_who_had_something_keeps_who_had_it() -> None:
    """"42% of looked after children had an up to date health check": the name keeps the children."""
    x = _one("42% of looked after children had an up to date health check.")
    assert {o.surface for o in x.observations} == {"looked after children had an up to date health check"}


@pytest.mark.parametrize("text", [
    "Performance on 60 key measures was reported this quarter - 40 (67%) were on track (rated green), and "
    "20 (33%) were off target (rated red).",
    "It was noted that 5 of these 20 were behind target but improving.",
])
def test_scorecard_counts_by_status_and_a_count_of_them_give_nothing(text: str) -> None:
    """"N key measures ... - N (x%) were on track (rated green)" sums up a scorecard; "5 of these 20 were
    behind target" counts its items (20 is no target named "were behind")."""
    assert _one(text).observations == ()


def test_real_cabinet_minutes_summing_up_measures_of_success_give_nothing() -> None:
    """Medway's Cabinet minutes (tests/data/xreal): shares of measures on track, amber and red, and "7 of
    these 17 were behind target", give no figure."""
    assert extract(read_document(XREAL / "medway_performance.txt", root=XREAL)).observations == ()


def test_a_flattened_row_with_its_contact_and_comments_after_the_figures_gives_no_wrong_figure() -> None:
    """Isle of Wight's indicator report (tests/data/xreal): rows of label, code, figures, then the contact's
    name and a comment, under a header no reader can line up: the figures side by side are no sentence's,
    and none comes back under another row's words or the contact's name (25 did before)."""
    x = extract(read_document(XREAL / "isleofwight_pis.txt", root=XREAL))
    assert x.observations == ()


@pytest.mark.parametrize("text", [
    "Indicator: The average processing time of local applications\nTarget: A maximum of 15 weeks.\n"
    "Year-end result: 13.2 weeks.",
    "A maximum of 30 weeks.",
])
def test_a_lone_record_s_bound_is_never_a_measure_named_maximum(text: str) -> None:
    """One "Indicator: / Target: A maximum of 15 weeks." record (no table of records) or a bound on its own:
    no level of a measure named "maximum" or "Target: A maximum"."""
    assert not [o for o in _one(text).observations if o.measure == "actual"]


def test_a_target_of_a_maximum_is_the_target() -> None:
    """"against a target of a maximum of 15 weeks": the target is 15 weeks."""
    x = _one("The average time to decide applications was 13.2 weeks against a target of a maximum of "
             "15 weeks.")
    assert {(o.value, o.measure) for o in x.observations} == {(D("13.2"), "actual"), (D(15), "target")}


def test_this_or_it_in_a_later_clause_points_back_to_the_first_clause_s_subject() -> None:
    """"X had risen sharply in the spring, but it has since fallen to 3.1%": 3.1% is X's level, not one of a
    measure named "it has since"."""
    x = _one("Rent arrears had risen sharply in the spring, but it has since fallen to 3.1%.")
    assert _found(x) == {(D("3.1"), "actual", "council", "Rent arrears")}


def test_real_cabinet_minutes_a_rate_that_had_declined_and_now_improved() -> None:
    """Cotswold's Cabinet minutes (tests/data/xreal): "Council Tax Collection rates had previously declined
    ..., but this had now improved, at a rate of 98%" is the collection rate's level; the gym membership's
    "increase ... by 20%" and "in 10 days' time" give nothing."""
    x = extract(read_document(XREAL / "cotswold_cabinet.txt", root=XREAL))
    assert _found(x) == {(D(98), "actual", "council", "Council Tax Collection rates")}


def test_a_count_named_as_a_number_of_days_is_in_days() -> None:
    """"the number of working days per full time equivalent lost ... was 11.79": days (unit other), not a
    count of things."""
    x = _one("The number of working days per full time equivalent lost due to sickness absence was 11.79.")
    assert {(o.value, o.unit, o.unit_words) for o in x.observations} == {(D("11.79"), "other", "days")}


def test_real_welsh_minutes_commitments_delivered_are_a_scorecard_s_count() -> None:
    """Bridgend's minutes (tests/data/xreal): "on track to deliver 38 (93%) of its commitments", "Of the 40
    commitments, 35 (88%) were completed", "reaching 88% of the Council's commitments" and the indicators on
    and off target sum up the plan; the referrals completed and the days lost per FTE (a member's question)
    are figures; "over 96%", "just under 73%" are thresholds and "21/22" a rank."""
    x = extract(read_document(XREAL / "bridgend_performance.txt", root=XREAL))
    assert {(o.value, o.unit, o.measure) for o in x.observations} == {
        (D(2792), "count", "actual"), (D("11.79"), "other", "actual")}


def test_a_period_word_labelling_a_bare_number_makes_it_an_earlier_value() -> None:
    """"(target 8.5, last quarter 10.2)": 10.2 is last quarter's level, in the measure's unit, not a "quarter
    10" reference."""
    x = _one("Absence averaged 9.8 days per FTE (target 8.5, last quarter 10.2).")
    assert {(o.value, o.unit, o.measure, o.period) for o in x.observations} == {
        (D("9.8"), "other", "actual", None), (D("8.5"), "other", "target", "2023/24 Q2"),
        (D("10.2"), "other", "previous", "2023/24 Q1")}


def test_locally_names_no_measure() -> None:
    """"The Welsh average was 62%, while locally it was 66%": nothing names the measure, so neither figure
    comes back under "locally it"."""
    assert _one("The Welsh average was 62%, while locally it was 66%.").observations == ()


@pytest.mark.parametrize(("text", "name"), [
    ("The council ranked 9th of 32 councils for the percentage of adults satisfied with libraries at 74%.",
     "percentage of adults satisfied with libraries"),
    ("Northvale was placed 6th in Wales for visits to sports facilities at 8,120 per 1,000 population.",
     "visits to sports facilities"),
])
def test_a_ranking_before_a_measure_is_no_part_of_its_name(text: str, name: str) -> None:
    """"ranked 9th of 32 councils for X at 74%", "placed 6th in Wales for X at N": the name is X."""
    assert {o.surface for o in _one(text).observations} == {name}


@pytest.mark.parametrize("text", [
    "An analysis of the results shows that 85 to 100% of respondents agreed with our proposed objectives.",
    "Objective 1 - We will reduce the days lost to sickness absence per employee - 88% agreed we should do "
    "this.",
])
def test_a_range_and_a_share_of_those_consulted_give_nothing(text: str) -> None:
    """"85 to 100% of respondents": a range, neither end a level; "X - 88% agreed we should do this": a share
    of those consulted, not a level of X."""
    assert _one(text).observations == ()


def test_from_a_to_b_is_still_an_earlier_and_a_later_level() -> None:
    """"rose from 84% to 91%" is no range: the earlier and the current level."""
    x = _one("Collection rose from 84% to 91%.")
    assert {(o.value, o.measure) for o in x.observations} == {(D(84), "previous"), (D(91), "actual")}


def test_real_ni_consultation_results_give_no_figure() -> None:
    """Armagh City, Banbridge and Craigavon's consultation feedback (tests/data/xreal): the range of
    respondents agreeing and the share agreeing with an objective give no figure (two did before)."""
    assert extract(read_document(XREAL / "abc_consultation.txt", root=XREAL)).observations == ()


@pytest.mark.parametrize("name", ["allerdale_q3.txt", "maidstone_q2.txt", "wirral_payments.txt",
                                  "hounslow_q4.txt", "bracknell_summary.txt"])
def test_real_reports_that_count_indicators_and_actions_give_no_figure(name: str) -> None:
    """Allerdale's, Maidstone's, Wirral's, Hounslow's and Bracknell Forest's papers (tests/data/xreal): counts
    of KPIs, projects, actions and milestones by status, a grant's cost and a target with no measure named
    give no figure."""
    assert extract(read_document(XREAL / name, root=XREAL)).observations == ()


def test_real_scottish_revenues_release_names_and_a_composition_share() -> None:
    """Highland Council's revenues releases (tests/data/xreal): "Despite ... this year, 53.2% of the total
    council tax that is due ... had been collected by the end of September, ... (54.4%)" is named by what
    follows the share, without the opener or "by the end of September"; "X saw a significant improvement and
    is now reporting 8.3 days" names X; "Council Tax makes up around 21% of the revenue budget" is a
    composition, no level; rank changes and "0.3% above the national average" give nothing."""
    x = extract(read_document(XREAL / "highland_revenues.txt", root=XREAL))
    collected = "council tax that is due for this financial year had been collected"
    speed = "speed of processing for new claims to Council Tax Reduction and Housing Benefit"
    rows = {(o.value, o.measure, o.surface) for o in x.observations}
    assert {(D("53.2"), "actual", collected), (D("54.4"), "previous", collected), (D("8.3"), "actual", speed),
            (D("95.1"), "actual", "in-year rate of collection")} <= rows
    assert not {D(21), D("0.3"), D(10), D(25), D(13)} & {o.value for o in x.observations}


def test_this_represents_is_a_level_frame_not_part_of_the_name() -> None:
    """"This represents 95% of all applications decided in time": the share is named by what it is of, not
    "This represents"."""
    x = _one("This represents 95% of all applications decided in time.")
    assert {o.surface for o in x.observations} == {"all applications decided in time"}


def test_real_caseload_breakdown_after_of_those_is_no_level() -> None:
    """Northumberland's safeguarding report (tests/data/xreal): "there were 3,907 cases open ... overall, and
    of those, 83% (3,224) were ..., 9% (355) were ..." gives the open cases; the shares and counts after
    "of those" are parts of that population (two came back as levels of the open cases before)."""
    x = extract(read_document(XREAL / "northumberland_safeguarding.txt", root=XREAL))
    assert _found(x) == {(D(3907), "actual", "council", "cases open to Children's Services overall")}


def test_a_count_of_people_who_had_something_is_a_level() -> None:
    """Lancashire's needs assessment (tests/data/xreal): "At the end of March 2013, 878 children in
    Lancashire-12 had a child protection plan": how many children had one, a count level."""
    x = extract(read_document(XREAL / "lancashire_jsna.txt", root=XREAL))
    assert (D(878), "count", "actual") in {(o.value, o.unit, o.measure) for o in x.observations}
    assert _found(_one("At the end of June, 412 pupils had a support plan.")) == {
        (D(412), "actual", "council", "pupils had a support plan")}


@pytest.mark.parametrize(("text", "name"), [
    ("31 apprenticeships were created compared to a target of 15.", "apprenticeships were created"),
    ("215 households were prevented from becoming homeless.",
     "households were prevented from becoming homeless"),
])
def test_counts_of_apprenticeships_and_households_done_are_levels(text: str, name: str) -> None:
    """"31 apprenticeships were created (against a target of 15)", "215 households were prevented from ...":
    counts of things a council does, levels (the target too)."""
    assert (D(text.split()[0]), "actual", "council", name) in _found(_one(text))


@pytest.mark.parametrize(("text", "target"), [
    ("Local applications were processed in an average of 14.8 weeks against the 15 week target.", D(15)),
    ("Enforcement cases concluded within 39 weeks: 82.1% (standard 70%).", D(70)),
])
def test_a_standard_or_a_week_target_set_against_a_level_is_a_target(text: str, target: D) -> None:
    """"against the 15 week target" is a target of 15 weeks (only "inside the 26 week statutory standard"
    names a measure); "(standard 70%)" is a target, never a measure named "standard"."""
    x = _one(text)
    assert {(o.value, o.measure) for o in x.observations if o.measure == "target"} == {(target, "target")}
    assert "standard" not in {o.surface for o in x.observations}


def test_the_council_s_own_possessive_is_no_part_of_a_name() -> None:
    """"The council's recycling rate was 49.6%": the recycling rate, whose it is left out."""
    x = _one("The council's recycling rate was 49.6%.")
    assert {o.surface for o in x.observations} == {"recycling rate"}


def test_several_figures_under_no_column_header_are_not_guessed(tmp_path: Path) -> None:
    """A tab table whose heading row was lost (rows alone, as a Word export may leave them): of several
    figures in a row, which is the period's, the target or a comparator cannot be known, so none is read;
    a row holding one figure under no header is still that row's figure."""
    from kg.extract import extract
    from kg.read import read_document

    (tmp_path / "t.txt").write_text(
        "Quarter 2 2024/25 performance\n\n"
        "Council tax collected (%)\t57.2\t57.5\t56.9\n"
        "Business rates collected (%)\t59.8\t58.5\t57.1\n"
        "Missed bins per 100,000\t58\t50\t61\n\n"
        "Leisure centre visits\t118,960\n"
        "Library visits\t41,200\n", encoding="utf-8")
    x = extract(read_document(tmp_path / "t.txt", root=tmp_path))
    values = {float(o.value) for o in x.observations}
    assert not values & {57.2, 57.5, 56.9, 59.8, 58.5, 57.1, 58, 50, 61}
    assert {118960, 41200} <= values


def test_a_table_s_newest_period_column_is_its_actual_when_no_document_period(tmp_path: Path) -> None:
    """A report whose own period is not known (no sidecar, none in its title): a table's newest period column
    holds its latest actuals, dated, and an older one the previous figures; a comparator stays one."""
    from kg.extract import extract
    from kg.read import read_document

    (tmp_path / "t.txt").write_text(
        "Carers Strategy\n\n4.2 The survey results are set out below.\n\n"
        "| Measure | 2021/22 | 2023/24 | England 2023/24 |\n|---|---|---|---|\n"
        "| Carers extremely or very satisfied with support (%) | 34.5 | 36.2 | 36.7 |\n"
        "| Carer-reported quality of life (score out of 12) | 7.1 | 7.3 | 7.3 |\n", encoding="utf-8")
    x = extract(read_document(tmp_path / "t.txt", root=tmp_path))
    assert x.period is None
    got = {(float(o.value), o.measure, o.period) for o in x.observations if "satisfied" in o.indicator_label}
    assert got == {(36.2, "actual", "2023/24"), (34.5, "previous", "2021/22"), (36.7, "benchmark", "2023/24")}


def test_a_countdown_is_no_level() -> None:
    """"there were 31 working days until the deadline" (a member's question in Gloucestershire's minutes,
    tests/data/xreal): a countdown, no figure of a measure named by what follows."""
    x = _one("He stated that there were 31 working days until the country was due to leave.")
    assert x.observations == ()
    x = extract(read_document(XREAL / "gloucestershire_questions.txt", root=XREAL))
    assert D(31) not in {o.value for o in x.observations}


def test_a_figure_sentence_cut_by_a_page_break_is_read_whole(tmp_path: Path) -> None:
    """A PDF's page break inside the sentence ("... The Performance and Insight / Page 1 of 2 / <running
    head> / Lead said that the year-end figure was 9.4 days ..., against a target of 9.0 days"): the figure,
    its target and its earlier level are read, the page furniture is no part of them."""
    from kg.extract import extract
    from kg.read import read_document

    filler = "The Committee considered the annual report on the council's performance and finance outturn.\n"
    (tmp_path / "m.txt").write_text(
        "Committee Papers - Public Document Pack\nMinutes of the Scrutiny Committee held on 16 July 2024\n\n"
        + filler * 3 +
        "Councillor Dawson asked whether sickness absence had improved. The Performance and Insight\n"
        "Page 1 of 2\n\nCommittee Papers - Public Document Pack\n"
        "Lead said that the year-end figure was 9.4 days per full-time equivalent (FTE) employee,\n"
        "compared with 10.1 days in 2022/23, against a target of 9.0 days.\n", encoding="utf-8")
    x = extract(read_document(tmp_path / "m.txt", root=tmp_path))
    got = {(float(o.value), o.measure) for o in x.observations}
    assert {(9.4, "actual"), (10.1, "previous"), (9.0, "target")} <= got
    assert not any(float(o.value) in (1.0, 2.0) for o in x.observations)  # "Page 1 of 2"


def test_real_waste_measures_polarity_notes_are_no_part_of_a_name_and_day_targets_are_read() -> None:
    """Wandsworth's waste measures (tests/data/xreal): a row's "(Minimise)" is dropped from the indicator's
    name, and a target cell "2 days" beside "n/a" is a target of 2 days."""
    x = extract(read_document(XREAL / "wandsworth_waste.txt", root=XREAL))
    assert not any("minimise" in o.surface.lower() for o in x.observations)
    found = {(o.surface, o.value, o.measure) for o in x.observations}
    assert ("Average time taken to clear a reported fly-tip", D(2), "target") in found
    assert ("% of public streets cleansed to an acceptable standard", D("96.9"), "actual") in found
    assert len(x.observations) == 14


def test_real_minutes_a_count_of_what_a_scorecard_holds_is_no_figure() -> None:
    """Wokingham's scrutiny minutes (tests/data/xreal): "progress against 48 performance indicators and 19
    key projects" says what the scorecard holds, no measure's earlier value; the homelessness levels stay."""
    x = extract(read_document(XREAL / "wokingham_q2.txt", root=XREAL))
    values = {o.value for o in x.observations}
    assert not {D(48), D(19)} & values
    assert {D(78), D(95)} <= values


def test_real_minutes_things_meeting_a_standard_are_the_measure_s_name() -> None:
    """Wokingham's scrutiny minutes (tests/data/xreal): "the percentage of homes meeting the standard stood at
    99.6%" names the percentage of homes meeting the standard, not "standard"."""
    x = extract(read_document(XREAL / "wokingham_q4.txt", root=XREAL))
    named = {(o.surface, o.value) for o in x.observations}
    assert ("percentage of homes meeting the standard", D("99.6")) in named
    recycling = _found(_one("Recycling was 61%, meeting the target."))
    assert recycling == {(D(61), "actual", "council", "Recycling")}


def test_a_level_required_by_law_for_something_is_a_target_for_it() -> None:
    """Wokingham's minutes (tests/data/xreal): "the statutory minimum requirement for visits was 42 days" is a
    target for visits set by law, not the council's level of a measure named after the requirement."""
    x = extract(read_document(XREAL / "wokingham_q2.txt", root=XREAL))
    assert ("visits", D(42), "target") in {(o.surface, o.value, o.measure) for o in x.observations}
    assert _found(_one("The statutory timescale for responses is 20 working days.")) == {
        (D(20), "target", "council", "responses")}


def test_this_indicator_is_the_indicator_named_just_before() -> None:
    """Wokingham's minutes (tests/data/xreal): "with the indicator - X. Performance against this indicator had
    improved from 78% ... to 95%": both figures are X's; "this indicator" is no indicator's name."""
    x = extract(read_document(XREAL / "wokingham_q2.txt", root=XREAL))
    named = {(o.surface, o.value) for o in x.observations}
    name = "Formal Homelessness decisions made within 45 working days"
    assert {(name, D(78)), (name, D(95))} <= named
    assert not any(o.surface.lower() == "this indicator" for o in x.observations)


def test_a_verdict_on_a_figure_is_no_name_for_it() -> None:
    """Wokingham's minutes (tests/data/xreal): "The local target of 10 days was very challenging" gives no
    target named "very challenging"."""
    x = extract(read_document(XREAL / "wokingham_q2.txt", root=XREAL))
    assert not any("challenging" in o.surface.lower() for o in x.observations)
    assert not _one("The new target of 95% was extremely ambitious.").observations


@pytest.mark.parametrize(("text", "name"), [
    ("Collection rates remained strong (97.1%).", "Collection rates"),
    ("Attendance was good (94%).", "Attendance"),
    ("Visits completed within 15 days remained high at 94.4%.", "Visits completed within 15 days"),
])
def test_a_verdict_on_a_level_is_no_part_of_its_name(text: str, name: str) -> None:
    """"X remained strong (97.1%)", "X was good (94%)": how the level is judged ends the words before the
    figure (as in Wokingham's minutes, tests/data/xreal), but the measure is X."""
    assert {o.surface for o in _one(text).observations} == {name}


def test_an_outside_body_s_finding_gives_no_figure_of_the_council() -> None:
    """Barnsley's minutes (tests/data/xreal): "An ONS report in 2022 found the days lost ... in the private
    sector was 5.0 days, versus 7.1 days in local government" are national figures for other populations; the
    council's own outturn and target stay."""
    x = extract(read_document(XREAL / "barnsley_absence.txt", root=XREAL))
    assert {(o.value, o.measure) for o in x.observations} == {(D("11.09"), "actual"), (D("7.5"), "target")}
    assert not _one("A national LGA survey showed satisfaction was 61%.").observations
    own = _one("The Council report showed sickness was 8.2 days.")
    assert {o.value for o in own.observations} == {D("8.2")}


def test_a_level_excluding_part_of_what_it_counts_is_no_second_level() -> None:
    """Blaenau Gwent's minutes (tests/data/xreal): "13.91 days per FTE - the figure would reduce to 13.48 days
    excluding Covid 19 sickness": one year-end level (13.91), the variant left out, besides target and last
    year's outturn."""
    x = extract(read_document(XREAL / "blaenaugwent_absence.txt", root=XREAL))
    got = {(o.value, o.measure) for o in x.observations}
    assert got == {(D("13.91"), "actual"), (D("12.66"), "previous"), (D(11), "target")}


def test_a_sentence_adverb_without_its_comma_is_no_part_of_the_name() -> None:
    """Wokingham's minutes (tests/data/xreal): "In fact visits completed within 15 days remained high (94.4%)"
    is the level of visits completed within 15 days; "In fact" had left the figure with no name."""
    x = extract(read_document(XREAL / "wokingham_q2.txt", root=XREAL))
    assert ("visits completed within 15 days", D("94.4")) in {(o.surface, o.value) for o in x.observations}
    assert {o.surface for o in _one("Notably the recycling rate was 61%.").observations} == {"recycling rate"}


def test_a_capitalised_quarter_between_subject_and_verb_is_the_figure_s_period() -> None:
    """"Sickness absence for Quarter 1 was 2.49 days" (Blaenau Gwent's minutes write "Quarter 1",
    tests/data/xreal): the capitalised quarter is the figure's period, as "quarter 1" was, not a boundary
    that leaves the figure without a name."""
    x = _one("Sickness absence for Quarter 1 was 2.49 days per employee.")
    got = {(o.surface, o.value, o.period) for o in x.observations}
    assert got == {("Sickness absence", D("2.49"), "2023/24 Q1")}


def test_an_indicator_named_in_one_paragraph_is_not_carried_into_the_next_without_a_blank_line() -> None:
    """Word's text export puts each paragraph on one line with no blank line between: the indicator a long
    paragraph named ("the indicator - X ... had improved from 61% to 68%") is not the one a later paragraph's
    bare target speaks of ("The local target of 10 days was very challenging")."""
    para = ("The report also highlighted one service area where performance had improved over the year, with "
            "an explanation of the steps taken. The service area highlighted was Housing with the indicator "
            "- Homeless households prevented from becoming homeless within 56 days. Performance against this "
            "indicator had improved from 61% in 2022/23 to 68% in the second quarter.")
    text = (f"{para}\nIn the discussion that followed these points were made:\n"
            "\u2022 On the repairs indicator, it was confirmed that the local target of 10 days was very "
            "challenging.\n")
    x = _one(text)
    assert {o.value for o in x.observations} >= {D(61), D(68)}
    assert not [o for o in x.observations if o.value == D(10) and "Homeless" in o.indicator_label]


def test_a_weight_in_tonnes_is_a_quantity_in_its_own_unit_not_a_count(tmp_path: Path) -> None:
    """Tonnes are a weight, like kilograms: a figure "in tonnes", in prose or under a "(tonnes)" row label,
    has unit other (with its unit words), never count."""
    x = _one("Residual waste sent for incineration rose to 14,380 tonnes in the quarter.\n")
    assert [(o.value, o.unit) for o in x.observations if o.value is not None] == [(D(14380), "other")]
    path = tmp_path / "waste.txt"
    path.write_text("| Measure | 2022/23 | 2023/24 |\n|---|---|---|\n"
                    "| Garden waste composted (tonnes) | 6,105 | "
                    "6,480 |\n| Commercial waste recycled (tonnes) | 2,230 | 2,415 |\n", encoding="utf-8")
    x = extract(read_document(path))
    assert {(o.value, o.unit) for o in x.observations if o.value is not None} >= {(D(6480), "other"),
                                                                                 (D(2415), "other")}


def test_a_duration_a_table_label_counts_within_is_its_standard_not_its_unit(tmp_path: Path) -> None:
    """A row label holding a standard ("for more than 8 weeks", "within 5 working days") is not in weeks or
    days: with nothing else to say, its figures are counts, while "Average wait (weeks)" stays in weeks."""
    path = tmp_path / "housing.txt"
    path.write_text("| Measure | 2023/24 | 2024/25 |\n|---|---|---|\n"
                    "| Households in hostels for more than 8 weeks | 31 | 24 |\n"
                    "| Graffiti removed within 5 working days (%) | 77.0 | 81.5 |\n"
                    "| Average wait for an adaptation (weeks) | 19.0 | 17.5 |\n", encoding="utf-8")
    x = extract(read_document(path))
    units = {(o.value, o.unit) for o in x.observations if o.value is not None}
    assert {(D(24), "count"), (D("81.5"), "percent"), (D("17.5"), "other")} <= units


def test_a_column_headed_by_a_preposition_narrows_the_measure_of_the_column_before_it(tmp_path: Path) -> None:
    """In a table by area, a column headed "Within 15 days" counts the previous column's measure within that
    time: its figures are "Assessments completed within 15 days" for each area, counted, not in days."""
    path = tmp_path / "areas.txt"
    path.write_text("| Area | Assessments completed | Within 15 days |\n|---|---|---|\n"
                    "| East | 58 | 40 |\n| West | 63 | 52 |\n", encoding="utf-8")
    x = extract(read_document(path))
    rows = {(o.surface, o.value, o.unit, o.area) for o in x.observations if o.value is not None}
    assert ("Assessments completed within 15 days", D(52), "count", "West") in {
        (s, v, u, (a or "").title()) for s, v, u, a in rows}
    assert not any(s.lower().startswith("within") for s, _, _, _ in rows)


def test_a_table_by_band_whose_column_head_lost_its_subject_to_the_title(tmp_path: Path) -> None:
    """A table broken down by band is a breakdown (a band is a part, not a place), and a column head opening
    with the title's verb ("Paid on time (%)" under "Invoices paid ... by band") takes the title's subject."""
    path = tmp_path / "bands.txt"
    path.write_text("Table 4: Business rates paid in the half year, by band\n\n"
                    "| Band | Accounts | Paid on time (%) |\n|---|---|---|\n"
                    "| Small | 3,120 | 71.4% |\n| Large | 610 | 88.0% |\n", encoding="utf-8")
    x = extract(read_document(path))
    rows = {(o.surface, o.value, o.unit) for o in x.observations if o.value is not None}
    assert ("Business rates paid on time - Large", D("88.0"), "percent") in rows
    assert ("Accounts - Small", D(3120), "count") in rows


def test_a_perfect_tense_average_a_hedging_adverb_and_a_reply_are_no_part_of_the_name() -> None:
    """"X had taken an average of N weeks" names X; "was provisionally N" is a level; "The officer
    replied/responded that X was N" is reported speech: none of the verbs goes into the indicator's name."""
    x = _one("Members heard that householder applications had taken an average of 9.8 weeks to decide.\n\n"
             "The Head of Housing responded that rent collection was provisionally 96.2%.\n")
    names = {o.value: o.surface for o in x.observations if o.value is not None}
    assert names == {D("9.8"): "householder applications", D("96.2"): "rent collection"}


def test_a_one_letter_code_opens_a_row_only_under_a_code_head(tmp_path: Path) -> None:
    """Under a label column headed "Ref Measure" a row's "W1 ..." is its code (linked by the code), while
    in a table without a code head "A9 road ..." keeps its road number in the name."""
    path = tmp_path / "coded.txt"
    path.write_text("| Ref Measure | 2023/24 | 2024/25 |\n|---|---|---|\n"
                    "| W1 Household waste sent for recycling (%) | 51.0 | 52.2 |\n\n\n"
                    "| Measure | 2023/24 | 2024/25 |\n|---|---|---|\n"
                    "| A9 road condition index (%) | 31.0 | 29.5 |\n", encoding="utf-8")
    x = extract(read_document(path))
    names = {o.value: (o.surface, o.notation) for o in x.observations if o.value is not None}
    assert names[D("52.2")] == ("Household waste sent for recycling", "W1")
    assert names[D("29.5")][0].startswith("A9 road condition")


def test_a_one_letter_code_in_its_own_ref_column_is_the_row_s_code(tmp_path: Path) -> None:
    """A tab table whose first column is headed "Ref" gives each row its code ("H2"), not a name
    starting with it."""
    path = tmp_path / "tabbed.txt"
    path.write_text("Ref\tMeasure\t2023/24\t2024/25\tTarget\n"
                    "H2\tHomes made safe after a hazard report (%)\t81.0\t84.5\t85.0\n"
                    "H3\tEmpty homes brought back into use\t22\t31\t30\n", encoding="utf-8")
    x = extract(read_document(path))
    names = {o.value: (o.surface, o.notation) for o in x.observations if o.value is not None}
    assert names[D("84.5")] == ("Homes made safe after a hazard report", "H2")


def test_an_earlier_figure_with_its_unit_and_a_verb_of_recording_before_its_period() -> None:
    """"the 14.2 days recorded in Quarter 2 of 2022/23" is that quarter's level: its unit and "recorded"
    between the number and the period do not lose the period, so the figure is previous, not actual."""
    x = _one("Void relets took an average of 12.9 days, down from the 14.2 days recorded in Quarter 2 of "
             "2022/23.\n")
    rows = {(o.value, o.measure, o.period) for o in x.observations if o.value is not None}
    assert (D("14.2"), "previous", "2022/23 Q2") in rows and (D("12.9"), "actual", None) in rows


def test_an_answer_s_rate_at_a_date_a_profile_and_a_forecast() -> None:
    """After a question naming the measure, "the cumulative rate at 30 June was N" is that measure's level
    (a date names nothing), "the M% profile" is its target, and "was forecasting F" is no level at all."""
    x = _one("Councillor Iqbal asked if the council tax collection target was still within reach. "
             "The Revenues "
             "Manager said the cumulative rate at 30 June was 28.7%, just behind the 29.2% profile, and the "
             "team was forecasting 96.1% for the year.\n")
    rows = {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None}
    assert rows == {(D("28.7"), "actual", "council tax collection"),
                    (D("29.2"), "target", "council tax collection")}


def test_a_clause_naming_its_measure_only_by_pointing_back() -> None:
    """"Three old cases had dragged the figure back to N" is the level of the measure the question named;
    "N households were in that position" names no measure of its own, so with none asked it gives no figure
    rather than one named "households were in that position"."""
    x = _one("Councillor Shah asked about planning enforcement cases concluded within target. The officer "
             "explained that closing three old cases had dragged the figure back to 61.0%.\n\n"
             "Cllr Adebayo asked why households were still in hostels. "
             "The Assistant Director replied that 37 "
             "households were in that position by 30 June, down from 44 last quarter.\n")
    rows = {(o.value, o.surface) for o in x.observations if o.value is not None}
    assert rows == {(D("61.0"), "planning enforcement cases concluded within target")}


def test_a_relative_clause_with_should_be_defines_the_measure() -> None:
    """"The share of bridges that should be strengthened rose to N" names bridges that should be
    strengthened: a modal after "that" and before "be" defines what is counted; "she felt it should" is
    still nobody's measure."""
    x = _one("Structures. The share of bridges that should be strengthened rose to 12.4%.\n")
    assert [o.surface for o in x.observations if o.value is not None] == \
        ["share of bridges that should be strengthened"]
    from kg.extract.figures.phrases import is_name
    assert not is_name("she felt it should be higher")


def test_a_code_then_the_wrapped_rest_of_a_name_column(tmp_path: Path) -> None:
    """In a space-aligned table with a code column (one row's code a "-") and a name column, the name wrapped
    onto the next line under the name column goes on the name, and the code stays the row's code."""
    path = tmp_path / "lgbf.txt"
    path.write_text(
        "Ref     Measure                                     2021/22   2022/23   Target\n"
        "HSN1b   Gross rent arrears of current tenants as      6.1       6.6       6.0\n"
        "        a % of rent due\n"
        "SW1     Home care costs per hour for people aged      27.4      28.9      28.0\n"
        "        65 or over (£)\n"
        "C&L1    Cost per attendance at sports facilities      3.12      3.40      3.20\n"
        "-       Library visits per 1,000 population           4,410     4,655     4,500\n", encoding="utf-8")
    x = extract(read_document(path))
    names = {o.value: (o.surface, o.notation) for o in x.observations if o.value is not None}
    assert names[D("6.6")] == ("Gross rent arrears of current tenants as a % of rent due", "HSN1b")


def test_audit_actions_implemented_and_counts_an_exercise_produced() -> None:
    """"9 of the 11 agreed recommendations had been implemented (81.8%)" is a measure (audit actions put in
    place), not a scorecard's tally; "the exercise identified 212 data matches" is a count of what was
    found; "5 of the 8 actions were on track" still sums up a scorecard."""
    x = _one("The auditor said that 9 of the 11 agreed actions had been implemented (81.8%).\n\n"
             "The matching exercise identified 212 data matches.\n\n"
             "Overall 5 of the 8 actions were on track (62.5%).\n")
    rows = {(o.value, o.surface) for o in x.observations if o.value is not None}
    assert rows == {(D("81.8"), "agreed actions had been implemented"), (D(212), "data matches")}


def test_x_of_y_with_a_year_inside_and_an_opener_pointing_to_a_date() -> None:
    """"9 of the 12 reviews in the 2023/24 programme had been finished (75.0%)" keeps its share although a
    year sits between the counts and the bracket, and "By then" opening the sentence is no part of the
    name."""
    x = _one("9 of the 12 reviews in the 2023/24 programme had been finished (75.0%).\n\n"
             "By then 30 of the 40 inspections were done (75.0%).\n")
    names = sorted(o.surface for o in x.observations if o.value is not None)
    assert names == ["inspections were done", "reviews in the programme had been finished"]


def test_a_comparator_after_one_figure_is_not_the_cue_of_the_next() -> None:
    """"70.2% nationally and 66.4% among the council's statistical neighbours" and "51.0% in Wales and 50.4%
    in England": each comparator belongs to the figure it follows, so the second figure keeps its own."""
    x = _one("Only 61.0% of annual reviews were completed on time, compared with 70.2% nationally and 66.4% "
             "among the council's statistical neighbours.\n\n"
             "Composting was 22.1% against 21.0% in Wales and 20.4% in England.\n")
    areas = {o.value: o.area for o in x.observations if o.value is not None and o.measure == "benchmark"}
    assert areas == {D("70.2"): "national", D("66.4"): "statistical-neighbours", D("21.0"): "wales",
                     D("20.4"): "england"}


def test_an_earlier_year_opening_a_clause_that_points_back() -> None:
    """"In 2022/23 the rate had been 44.0%" after a sentence naming the rate is that measure's level for
    2022/23, also in a paper whose own period is unknown."""
    from kg.extract.figures import extract as figures_extract
    from kg.model import DocMeta, SourceDoc

    text = "The street cleanliness rate for 2023/24 had reached 46.5%. In 2022/23 the rate had been 44.0%.\n"
    doc = SourceDoc(path=Path("t.txt"), name="t.txt", text=text, sha256="t", format="txt", meta=DocMeta())
    x = figures_extract(Extraction(doc=doc, period=None), build(text))
    rows = {(o.value, o.period, o.surface) for o in x.observations if o.value is not None}
    assert (D("44.0"), "2022/23", "street cleanliness rate") in rows


def test_the_length_of_something_decided_is_no_figure() -> None:
    """"The cleaning contract be extended for 9 months" and "renewed for a further 5 years" state how long a
    decision runs, not a level of any measure."""
    x = _one("It was agreed that the cleaning contract be extended for 9 months.\n\n"
             "The lease was renewed for a further 5 years.\n")
    assert [o.value for o in x.observations if o.value is not None] == []


def test_a_level_inside_or_outside_a_duration_target() -> None:
    """"decided in an average of 6.1 weeks, inside the 8 week target": the 8 weeks is the target the level
    is set against, as after "against" or "under"."""
    x = _one("Householder applications were decided in an average of 6.1 weeks, inside the 8 week target.\n")
    assert {(o.value, o.measure) for o in x.observations if o.value is not None} == \
        {(D("6.1"), "actual"), (D(8), "target")}


def test_a_share_after_with_is_of_the_sentence_s_subject() -> None:
    """"Faulty street lights missed the target again, with 81.0% repaired within 5 days": the share is of the
    subject, which the participle after it describes; the name is not the participle alone."""
    x = _one("Street lights. Faulty street lights missed the target again, with 81.0% repaired within "
             "5 days.\n")
    assert [o.surface for o in x.observations if o.value is not None] == \
        ["Faulty street lights repaired within 5 days"]


def test_the_number_ranked_after_an_ordinal_is_no_figure() -> None:
    """"The authority sits 5th of 9 in its family group": 9 is how many councils were ranked, never a family
    group benchmark, although a comparator follows it."""
    x = _one("Absence fell to 10.2 days per employee. The authority sits 5th of 9 in its family group for "
             "absence.\n")
    assert [o.value for o in x.observations if o.value is not None] == [D("10.2")]


def test_a_trend_s_length_is_no_period_and_the_subject_names_the_level() -> None:
    """"Missed bins have fallen for the second quarter running, to 3.1%" is this period's level of missed
    bins: "the second quarter running" says how long the fall has lasted, and the subject names the
    measure. "The regulator has set an aspiration of 12 weeks" names who set it, no measure."""
    x = _one("Missed bins have fallen for the second quarter running, to 3.1%.\n\n"
             "3.2 Children in need climbed to 67 per 10,000.\n"
             "3.3 Dental checks. The regulator has set an aspiration of 12 weeks.\n")
    rows = {(o.value, o.measure, o.period, o.surface) for o in x.observations if o.value is not None}
    assert rows == {(D("3.1"), "actual", None, "Missed bins"), (D(67), "actual", None, "Children in need")}


def test_a_figure_after_a_page_break_keeps_the_cue_before_it() -> None:
    """"had risen from" / page furniture / "6.2 weeks to 7.1 weeks": the furniture blanked in the
    flat text is no distance, so the first figure keeps its cue ("from": the earlier level) and the second
    is the level now; without the cue both were read as levels now."""
    head = "Kellside District Council - Licensing Committee - Agenda Item 7 - Public Document Pack"
    text = (f"{head}\n\nThe Licensing Manager reported that the average time to process a premises licence "
            "application had risen from\nPage 2 of 4\n\f\n"
            f"{head}\n6.2 weeks to 7.1 weeks in the quarter.\n\n{head}\n")
    x = _one(text)
    got = {(o.value, o.measure) for o in x.observations}
    assert (D("6.2"), "previous") in got and (D("7.1"), "actual") in got
    assert (D("6.2"), "actual") not in got


def test_a_table_cells_border_is_never_part_of_a_name() -> None:
    """Field lines left with a converter's cell borders ("Target: A maximum of 900 tonnes. |") outside any
    table name no indicator: "tonnes. | Result" is no measure, so those figures are left unnamed."""
    x = _one("Landfill\n\nTarget: A maximum of 900 tonnes. |\nResult: 874 tonnes |\nStatus: Met\n")
    assert not [o for o in x.observations if "|" in o.indicator_label]


def test_a_bracketed_paragraph_number_before_the_level_is_no_figure() -> None:
    """"Rent arrears (4.1), which stood at 2.3%": the bracket numbers a paragraph; the level after it is the
    figure, named without the bracket."""
    x = _one("Rent arrears (4.1), which stood at 2.3%, were lower than expected.")
    assert _found(x) == {(D("2.3"), "actual", "council", "Rent arrears")}


def test_a_peak_is_an_earlier_level_and_is_currently_states_the_level() -> None:
    """"X peaked at 30 in the spring and is currently 12": 30 is a level passed, 12 the level now."""
    x = _one("The number of households in bed and breakfast peaked at 30 in the spring and is currently 12.")
    assert {(o.value, o.measure) for o in x.observations} == {(D(30), "previous"), (D(12), "actual")}


def test_real_english_minutes_a_section_number_and_a_peak() -> None:
    """Cheltenham's HR minutes (tests/data/xreal): the report's section number in brackets is no figure, the
    days lost are sickness absence's, and a count that had peaked and was currently lower gives the peak as
    an earlier level and the current one as the level."""
    x = extract(read_document(XREAL / "cheltenham_hr.txt", root=XREAL))
    rows = {(o.value, o.measure, o.surface) for o in x.observations}
    assert (D("2.48"), "actual", "Sickness absence") in rows
    assert D("3.2") not in {o.value for o in x.observations}
    assert {(o.value, o.measure) for o in x.observations if o.value in (D(11), D(4))} == {
        (D(11), "previous"), (D(4), "actual")}


def test_a_level_on_or_below_target_at_a_number_is_the_level() -> None:
    """"X is on target at 21 days", "Y is below target at 91%": where the level stands against its target,
    then the level itself (not a target)."""
    x = _one("The average time to relet a home is on target at 21 days. "
             "Rent collection is below target at 91%.")
    assert _found(x) == {(D(21), "actual", "council", "average time to relet a home"),
                         (D(91), "actual", "council", "Rent collection")}


def test_a_sentence_opening_on_a_count_and_its_share_measures_nothing() -> None:
    """"9 (30%) were red at the year end": how many of the items named before, no measure's level."""
    assert _one("9 (30%) were red at the year end.").observations == ()


def test_real_performance_summary_and_benefits_page() -> None:
    """Crawley's quarterly summary and Central Bedfordshire's benefits page (tests/data/xreal): a count of
    indicators and its share opening a sentence is no figure; the processing time against its target and
    last year's average are the actual, the target and the previous value of one measure."""
    crawley = extract(read_document(XREAL / "crawley_q4.txt", root=XREAL))
    assert crawley.observations == ()
    beds = extract(read_document(XREAL / "centralbeds_benefits.txt", root=XREAL))
    assert {(o.value, o.measure) for o in beds.observations} == {
        (D("18.4"), "actual"), (D(15), "target"), (D("21.4"), "previous")}


def test_a_target_after_an_unread_count_is_not_the_sentence_before_s() -> None:
    """"Rent arrears were 2.1%. 40 bus shelters were renewed, against a target of 50.": the count is no level
    read, and its target is not given to rent arrears from the sentence before."""
    x = _one("Rent arrears were 2.1%. 40 bus shelters were renewed this year, against a target of 50.")
    assert _found(x) == {(D("2.1"), "actual", "council", "Rent arrears")}


def test_real_english_performance_narratives_a_target_stays_with_its_own_count() -> None:
    """Kingston's performance narratives (tests/data/xreal): the charging points' target is not given to the
    volunteering hours of the item before."""
    x = extract(read_document(XREAL / "kingston_q1.txt", root=XREAL))
    assert D(156) not in {o.value for o in x.observations}
    assert (D("48.6"), "actual") in {(o.value, o.measure) for o in x.observations}


def test_rows_under_a_target_column_header_are_targets() -> None:
    """A block headed "Ref  Measure  Good is  Target 2024/25" whose rows end in one figure: each is the
    measure's target, and the "High"/"Low" of the which-way-is-better column is no part of the name."""
    x = _one("Ref Measure Good is Target 2024/25\nHS1 Homes relet within 28 days High 90%\n"
             "HS2 Average days to relet a home Low 21 days\n")
    assert {(o.value, o.measure, o.surface.split(" ", 1)[1]) for o in x.observations} == {
        (D(90), "target", "Homes relet within 28 days"), (D(21), "target", "Average days to relet a home")}


def test_real_english_council_plan_targets_table() -> None:
    """Rotherham's council plan measures (tests/data/xreal): under "... Good is Target 2022/23" every figure
    is a target, never an actual."""
    x = extract(read_document(XREAL / "rotherham_plan.txt", root=XREAL))
    assert x.observations and {o.measure for o in x.observations} == {"target"}
    assert not any(o.surface.endswith((" High", " Low")) for o in x.observations)


def test_a_list_item_headed_by_a_rated_indicator_title() -> None:
    """"- % of rent collected (Amber)" over its commentary: the commentary's first level is that indicator's,
    as a percentage, rated amber; the title line itself gives no figure."""
    x = _one("- % of rent collected (Amber)\n96.1% of the rent due was collected this quarter.\n")
    assert [(o.value, o.measure, o.surface, o.rag) for o in x.observations] == [
        (D("96.1"), "actual", "Percentage of rent collected", "amber")]


def test_real_english_performance_narratives_rated_titles() -> None:
    """Kingston's performance narratives (tests/data/xreal): each rated title names its item's level and
    gives its RAG."""
    x = extract(read_document(XREAL / "kingston_q1.txt", root=XREAL))
    rows = {(o.value, o.rag) for o in x.observations if o.surface.startswith("Percentage of")}
    assert rows == {(D("48.6"), "green"), (D(100), "green")}


def test_longer_than_a_duration_stays_in_the_name() -> None:
    """"17 households had been in hostels for longer than eight weeks": "longer than eight weeks" is part of
    what is counted, not a comparison that ends the name."""
    x = _one("17 households had been in hostels for longer than eight weeks at the end of March.\n")
    assert [o.surface for o in x.observations if o.value is not None] == \
        ["households had been in hostels for longer than eight weeks"]


def test_a_comparator_of_a_level_stated_for_an_earlier_year() -> None:
    """"X was 12.7% for the 2021/22 school year, the most recent data, compared with 14.5% in England":
    England's figure is X's benchmark for the same year, although the level is an earlier year's."""
    x = _one("Persistent absence among primary pupils was 12.7% for the 2021/22 school year, the most "
             "recent data, compared with 14.5% in England.\n")
    rows = {(o.value, o.measure, o.area, o.period) for o in x.observations if o.value is not None}
    assert (D("14.5"), "benchmark", "england", "2021/22") in rows


def test_a_wait_named_before_its_figure_and_what_for_after_it() -> None:
    """"an average wait of 16.2 weeks for occupational therapy and equipment meant ..." is the average wait
    for occupational therapy and equipment: what the wait is for follows the figure."""
    x = _one("Councillor Ross asked whether an average wait of 16.2 weeks for occupational therapy and "
             "equipment meant that some people waited longer.\n")
    assert [o.surface for o in x.observations if o.value is not None] == \
        ["average wait for occupational therapy and equipment"]


def test_the_whole_s_level_beside_a_part_s_names_no_measure() -> None:
    """"Band C arrears stood at 7.9%, against 5.2% for the district as a whole": 5.2% is not Band C's,
    and the clause names the measure only for its part, so it gives no figure rather than a wrong one."""
    x = _one("The officer noted that Band C arrears stood at 7.9%, against 5.2% for the district as a "
             "whole.\n")
    assert [(o.value, o.surface) for o in x.observations if o.value is not None] == \
        [(D("7.9"), "Band C arrears")]


def test_a_percent_column_after_a_count_in_a_breakdown_is_that_count_as_a_share() -> None:
    """A breakdown by ward whose last column is headed "%" alone (the share the count before it is of the
    row's total): each share is that measure's, as a percentage, for the ward, not a figure left unnamed."""
    x = _x("breakdown_share_tab.txt")
    shares = {(o.value, o.area) for o in x.observations
              if o.unit == "percent" and o.surface.startswith("Homelessness prevented")}
    assert shares == {(D("70.0"), "Abbeyfield"), (D("60.0"), "Northgate")}


def test_a_share_an_amount_is_based_on_is_no_level() -> None:
    """"the allowance, which is still based on 85% of the 2016 rent levels" says how an amount is worked out,
    not a level of any measure; "rent collection was 97.2%" still is one."""
    x = _one("Members asked about the hostel allowance, which is still based on 85% of the 2016 rent levels. "
             "Rent collection was 97.2%.\n")
    assert [o.value for o in x.observations if o.value is not None] == [D("97.2")]


def test_real_minutes_figures_for_quarters_of_short_years_and_quoted_names() -> None:
    """Reading's minutes (tests/data/xreal): "Q4 of 24/25 - 80%" and "Q1 of 25/26 - 87%" are those quarters'
    figures, and a figure inside a quotation ('stating that "the on-time responses to FOI requests, which
    stood at 90.3%') is named by the quoted words, not by the words reporting them."""
    x = extract(read_document(XREAL / "reading_foi.txt", root=XREAL))
    periods = {o.value: o.period for o in x.observations}
    assert periods[D(80)] == "2024/25 Q4" and periods[D(87)] == "2025/26 Q1"
    assert _label(x, "90.3").lower().startswith("on-time responses to foi")


def test_a_figure_labelled_by_a_bare_month_is_no_quarter_s_figure() -> None:
    """"monthly data: April - 82%; May - 91%" gives each month's figure with no year named: none is read as
    the document's quarter; "In Quarter 2, 71%" still is a figure."""
    x = _one("The on-time rate for FOI requests was 71% in Quarter 2, with monthly data: April - 82%; "
             "May - 91%.\n")
    assert [o.value for o in x.observations if o.value is not None] == [D(71)]


def test_real_minutes_measures_counted_as_a_sentence_subject_are_no_figure() -> None:
    """Rhondda Cynon Taf's minutes (tests/data/xreal): "16 national measures do not form part of the
    Council's Corporate Plan" and "12 Corporate Plan performance measures were 'Not on target'" count the
    scorecard's items; neither is a figure (nor a national benchmark)."""
    for name in ("rct_q2.txt", "rct_q3.txt"):
        assert extract(read_document(XREAL / name, root=XREAL)).observations == ()


def test_a_measure_s_figure_beside_a_count_of_measures_is_still_a_figure() -> None:
    """"Rent collection was 97.2%. 14 performance measures were on target.": the count of measures is no
    figure; the rent collection rate still is one."""
    x = _one("Rent collection was 97.2%. 14 performance measures were on target.\n")
    assert [o.value for o in x.observations if o.value is not None] == [D("97.2")]


def test_a_unit_abbreviated_in_a_row_label_is_the_figures_unit(tmp_path: Path) -> None:
    """"Average time to relet (wks)", "Response to alarms (hrs)": the figures are in weeks and hours, not
    counts."""
    path = tmp_path / "voids.txt"
    path.write_text("| Measure | 2023/24 | 2024/25 |\n|---|---|---|\n"
                    "| Average time to relet a council home (wks) | 6.1 | 5.4 |\n"
                    "| Response to lift alarms (hrs) | 3.2 | 2.8 |\n", encoding="utf-8")
    x = extract(read_document(path))
    units = {(o.value, o.unit) for o in x.observations if o.value is not None}
    assert {(D("5.4"), "other"), (D("2.8"), "other")} <= units


def test_a_house_number_before_its_street_is_no_figure() -> None:
    """"Change of use at 14 Mill Lane, Ashby" names an address; a figure in a sentence about the road
    stays."""
    x = _one("The application for a change of use at 14 Mill Lane, Ashby was refused. Potholes "
             "repaired within 24 "
             "hours on the road network stood at 87% against a target of 90%.\n")
    assert {o.value for o in x.observations if o.value is not None} == {D(87), D(90)}


def test_a_bracket_labelled_with_an_earlier_period_after_a_target_is_that_period_s_level() -> None:
    """"98.1% against a 97% target (Q3 2022/23: 96.4%)": the bracket names the period of its own figure, so
    96.4% is the earlier quarter's level, not a second target reached across the bracket."""
    x = _one("- Rent collected as a share of the debit: 98.1% against a 97% target (Q3 2022/23: 96.4%).\n")
    rows = {(o.value, o.measure) for o in x.observations if o.value is not None}
    assert rows == {(D("98.1"), "actual"), (D(97), "target"), (D("96.4"), "previous")}


def test_a_move_whose_earlier_level_names_its_time_before_to() -> None:
    """"dropped from 38 at the end of March to 21 at the end of September", "rose from 61% in 2022/23 to
    64%": the later figure is the level the move reached (a count too), and the earlier one's period stays
    the earlier one's, not the later's."""
    x = _one("Households placed in nightly-paid rooms had dropped from 38 at the end of March to 21 at "
             "the "
             "end of September.\n")
    rows = {(o.value, o.measure) for o in x.observations if o.value is not None}
    assert rows == {(D(38), "previous"), (D(21), "actual")}
    x = _one("Take-up of the healthy start scheme rose from 61% in 2022/23 to 64%.\n")
    rows = {(o.value, o.measure, o.period) for o in x.observations if o.value is not None}
    assert rows == {(D(61), "previous", "2022/23"), (D(64), "actual", None)}


def test_a_count_in_a_state_opening_a_coordinated_clause_names_what_it_counts() -> None:
    """"... was short of assessors and 86 annual reviews of direct payment packages were outstanding at the
    end of May": the count is a level (a state, "outstanding", after a long noun phrase), named by its own
    words, not by the clause before "and"."""
    x = _one("The Service Manager explained that the team had been short of assessors and 86 annual reviews "
             "of direct payment packages were outstanding at the end of May.\n")
    assert [(o.value, o.measure, o.surface) for o in x.observations if o.value is not None] == \
        [(D(86), "actual", "annual reviews of direct payment packages were outstanding")]


def test_a_figure_reported_straight_after_said_is_named_by_its_own_words() -> None:
    """"The Revenues Manager said 93% of new claims were decided in time": "said" with no "that" ends the
    speech, so the name is what follows the figure, not the speaker."""
    x = _one("The Revenues Manager said 93% of new claims were decided in time.\n")
    assert [(o.value, o.surface) for o in x.observations if o.value is not None] == \
        [(D(93), "new claims were decided in time")]


def test_a_count_after_an_opening_clause_and_a_share_of_them_in_the_next_clause() -> None:
    """"Since the scheme opened, 54 supported lodgings placements had been made and 81.5% of them had lasted
    over a year": the count is named by its own words (not "the scheme opened"), its name stops before the
    next figure, and "of them" in the share points back at the placements."""
    x = _one("Since the scheme opened, 54 supported lodgings placements had been made and 81.5% of them had "
             "lasted for more than a year.\n")
    assert [(o.value, o.surface) for o in x.observations if o.value is not None] == [
        (D(54), "supported lodgings placements had been made"),
        (D("81.5"), "supported lodgings placements had lasted for more than a year")]


def test_a_level_aimed_for_is_a_target_for_the_measure_named_before() -> None:
    """"... rose to 31% this year, and the plan aimed for 40% by 2028": "aimed for" sets a target (for its
    horizon), of the measure the sentence named, not a level of "the plan"."""
    x = _one("Take-up of free school meals among eligible pupils rose to 31% this year, and the plan aimed "
             "for "
             "40% by 2028.\n")
    rows = {(o.value, o.measure) for o in x.observations if o.value is not None}
    assert rows == {(D(31), "actual"), (D(40), "target")}
    assert {o.surface for o in x.observations} == {"Take-up of free school meals among eligible pupils"}


def test_a_count_with_its_own_verb_after_a_run_in_heading_is_named_by_its_own_words() -> None:
    """"Private sector housing: 37 empty homes have been brought back into use to the end of September
    against a target of 45": the run-in heading is the paragraph's topic; the count's own words (its time
    left out) name it, for the level and for its target."""
    x = _one("Private sector housing: 37 empty homes have been brought back into use to the end of September "
             "against a target of 45.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D(37), "actual", "empty homes have been brought back into use"),
        (D(45), "target", "empty homes have been brought back into use")}


def test_a_level_against_a_profile_of_n_is_set_against_a_phased_target() -> None:
    """"Business rates collection was 71.9% at the end of November, against a profile of 72.5%, compared with
    70.8% a year earlier": the profile is the target phased to that point, and both figures after it belong
    to the measure named at the start, not to "profile"."""
    x = _one("Business rates collection was 71.9% at the end of November, against a profile of 72.5%, "
             "compared with 70.8% a year earlier.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D("71.9"), "actual", "Business rates collection"),
        (D("72.5"), "target", "Business rates collection"),
        (D("70.8"), "previous", "Business rates collection")}


def test_a_budget_set_for_the_year_is_no_figure_but_its_overspend_is() -> None:
    """"The general fund net budget set for this year was £211.6m; the forecast overspend is £3.4m": the
    budget is an amount approved, not a result of any measure; the overspend against it is one."""
    x = _one("The general fund net budget set for this year was £211.6m. Services now project an overspend "
             "of £3.4m.\n")
    assert [o.value for o in x.observations if o.value is not None] == [D(3400000)]


def test_a_speaker_referring_to_a_measure_which_had_moved_names_it_by_the_object() -> None:
    """"Councillor Hale referred to void turnaround, which had risen to 41 days against a target of 28 days":
    the measure is what the councillor referred to, not the councillor."""
    x = _one("Councillor Hale referred to void turnaround, which had risen to 41 days against a target of 28 "
             "days, and asked why.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D(41), "actual", "void turnaround"), (D(28), "target", "void turnaround")}


def test_a_share_after_a_clause_naming_its_topic_and_a_colon_keeps_the_topic() -> None:
    """"Bus shelter repairs are the weak spot: 71.0% of reports were dealt with on time": a share after a
    colon is not a count opening its own clause, so the clause before the colon stays in its name."""
    x = _one("Bus shelter repairs are the weak spot: 71.0% of reports were dealt with on time.\n")
    assert all("Bus shelter" in o.surface for o in x.observations)


def test_figures_for_named_parts_of_the_area_and_the_whole_area_s_rate() -> None:
    """"Take-up on the Eastfield round was 62% and on the Marsh Lane round 49%, compared with a district-wide
    rate of 57%": each round's level is take-up for that round (the second naming only its round), and the
    district-wide rate is the council's own take-up, not a measure named "district-wide rate"."""
    x = _one("Take-up on the Eastfield round was 62% and on the Marsh Lane round 49%, compared with a "
             "district-wide rate of 57%.\n")
    assert {(o.value, o.measure, o.area, o.surface) for o in x.observations if o.value is not None} == {
        (D(62), "actual", "Eastfield", "Take-up"), (D(49), "actual", "Marsh Lane", "Take-up"),
        (D(57), "actual", "council", "Take-up")}


def test_an_earlier_level_of_a_named_part_is_that_part_s() -> None:
    """"Take-up on the Marsh Lane round had risen to 55% from 49%": both levels are the round's."""
    x = _one("Take-up on the Marsh Lane round had risen to 55% from 49%.\n")
    assert {(o.value, o.measure, o.area) for o in x.observations if o.value is not None} == {
        (D(55), "actual", "Marsh Lane"), (D(49), "previous", "Marsh Lane")}


def test_a_range_across_named_areas_gives_each_end_its_own_area() -> None:
    """"... 6.1 days overall, ranging from 3.9 days in the Coastal area to 8.4 days in the Upland area": the
    overall level is the council's, each end of the range is its own area's (8.4 is the Upland area's, never
    the Coastal area's), all of the measure the sentence names."""
    x = _one("Average repair times were 6.1 days overall, ranging from 3.9 days in the Coastal area to "
             "8.4 days "
             "in the Upland area.\n")
    assert {(o.value, o.area, o.surface) for o in x.observations if o.value is not None} == {
        (D("6.1"), "council", "Average repair times"), (D("3.9"), "Coastal", "Average repair times"),
        (D("8.4"), "Upland", "Average repair times")}


def test_an_earlier_level_after_a_possessive_period() -> None:
    """"down from last year's 2.6 days", "up from last quarter's 58%": the possessive period stands between
    the cue and its figure, and its "s" makes no "S 2"-style reference of the number."""
    x = _one("Absence fell to 2.1 days per FTE, down from last year's 2.6 days.\n")
    assert {(o.value, o.measure) for o in x.observations if o.value is not None} == {
        (D("2.1"), "actual"), (D("2.6"), "previous")}
    x = _one("Rent collection reached 61% in the quarter, up from last quarter's 58%.\n")
    assert {(o.value, o.measure) for o in x.observations if o.value is not None} == {
        (D(61), "actual"), (D(58), "previous")}


def test_a_count_a_service_supported_between_two_months_against_a_target() -> None:
    """"the scheme had supported 41 new businesses between May and October, against a half-year target of 50":
    a count of what a service did for firms or people is a level, named without the months it covers."""
    x = _one("The Enterprise Officer reported that the grant scheme had supported 41 new businesses "
             "between May "
             "and October, against a half-year target of 50.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D(41), "actual", "new businesses"), (D(50), "target", "new businesses")}


def test_a_summary_line_opening_on_a_count_and_its_participle() -> None:
    """"- 2,317 defects repaired in the quarter, up from 1,958 in Q4" (a bullet in a Q1 report): the count of
    things done is a level though no "were" is written, and the quarter before is last year's Q4."""
    tv_text = "- 2,317 defects repaired in the quarter, up from 1,958 in Q4.\n"
    tv = build(tv_text)
    from kg.extract.figures import extract as figures_extract
    from kg.model import DocMeta, SourceDoc

    doc = SourceDoc(path=Path("t.txt"), name="t.txt", text=tv_text, sha256="x", format="txt", meta=DocMeta())
    x = figures_extract(Extraction(doc=doc, period="2024/25 Q1"), tv)
    assert {(o.value, o.measure, o.period, o.surface) for o in x.observations if o.value is not None} == {
        (D(2317), "actual", None, "defects repaired"),
        (D(1958), "previous", "2023/24 Q4", "defects repaired")}


def test_how_a_level_stands_against_a_statutory_target_names_no_measure() -> None:
    """"... but stays short of the statutory 55% target": neither "stays short of" nor "statutory" is a
    measure's name; the target is the named subject's where the sentence has one, else no figure."""
    x = _one("The year-end figure of 52.1% is above the England average of 50.3% but stays short of the "
             "statutory 55% target.\n")
    assert not [o for o in x.observations if o.value is not None]
    x = _one("Composting was 52.1% but stays short of the statutory 55% target.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D("52.1"), "actual", "Composting"), (D(55), "target", "Composting")}


def test_a_share_with_after_a_subject_s_performance_is_of_the_subject_s_things() -> None:
    """"Licensing performance has held up, with 97% of applications processed in time": the share's
    applications are the subject's (licensing applications), "performance" being how the subject did."""
    x = _one("Licensing performance has held up, with 97% of applications processed in time.\n")
    assert [(o.value, o.surface) for o in x.observations if o.value is not None] == \
        [(D(97), "Licensing applications processed in time")]


def test_the_subject_of_a_share_with_after_it_names_no_other_nameless_figure() -> None:
    """A nameless level elsewhere in the document ("It fell again, to 61%, while ...") stays nameless: the
    subject found for "Licensing performance has held up, with 97% of ..." is that share's alone."""
    x = _one("It fell again, to 61%, while the old platform was replaced. Licensing performance has held up, "
             "with 97% of applications processed in time.\n")
    assert [(o.value, o.surface) for o in x.observations if o.value is not None] == \
        [(D(97), "Licensing applications processed in time")]


def test_a_measure_highest_for_one_part_and_lowest_for_another() -> None:
    """"The refusal rate was highest for householder applications, at 12.4%, and lowest for major
    applications, at 3.1%": each level is the refusal rate for its part; the second clause names only the
    part and borrows the measure from the first."""
    x = _one("The refusal rate was highest for householder applications, at 12.4%, and lowest for major "
             "applications, at 3.1%.\n")
    assert [(o.value, o.surface) for o in x.observations if o.value is not None] == [
        (D("12.4"), "refusal rate for householder applications"),
        (D("3.1"), "refusal rate for major applications")]


def test_a_report_showing_a_measure_for_each_area_names_the_figures_that_follow() -> None:
    """"Appendix B sets out the time taken to clear fly-tipping for each of the four areas. The mean over the
    district was 3.2 days, ranging from 2.1 days in the Eastern area to 4.6 days in the Western area": the
    measure set out names the next sentence's nameless figures, the whole district's and each area's."""
    x = _one("Appendix B sets out the time taken to clear fly-tipping for each of the four areas. The "
             "average across the district was 3.2 days, ranging from 2.1 days in the Eastern area to "
             "4.6 days in the Western area.\n")
    assert {(o.value, o.area, o.surface) for o in x.observations if o.value is not None} == {
        (D("3.2"), "council", "time taken to clear fly-tipping"),
        (D("2.1"), "Eastern", "time taken to clear fly-tipping"),
        (D("4.6"), "Western", "time taken to clear fly-tipping")}


def test_a_count_with_a_past_verb_after_a_run_in_heading_is_named_by_its_own_words() -> None:
    """"Libraries: 8,310 visitors came to the two branches in the quarter, ahead of the target of 8,000": the
    count's own words (its verb in the past, not only "were") name it, not the heading."""
    x = _one("Libraries: 8,310 visitors came to the two branches in the quarter, ahead of the target of "
             "8,000.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D(8310), "actual", "visitors came to the two branches"),
        (D(8000), "target", "visitors came to the two branches")}


def test_a_standard_the_council_sets_itself_is_its_target() -> None:
    """"Our standard is 40 new allotment plots a year": a standard a council holds itself to is a target (not
    a level), of what it counts, its frequency ("a year") left out of the name."""
    x = _one("Allotments are a growing priority, and our standard is 40 new allotment plots a year.\n")
    assert [(o.value, o.measure, o.surface) for o in x.observations if o.value is not None] == \
        [(D(40), "target", "new allotment plots")]


def test_a_housing_benchmarking_club_column_is_a_benchmark(tmp_path: Path) -> None:
    """A landlord scorecard's column headed by the housing benchmarking club ("HouseMark median") holds
    benchmarks, not the council's own figures."""
    path = tmp_path / "landlord.md"
    path.write_text(
        "| Measure | Q3 2023/24 | Q4 2023/24 | Target | HouseMark median |\n"
        "|---|---|---|---|---|\n"
        "| Tenants satisfied with their home (%) | 71% | 74% | 75% | 72% |\n"
        "| Average days to complete a non-urgent repair | 19 | 17 | 15 | 14 |\n",
        encoding="utf-8")
    x = extract(read_document(path, root=tmp_path))
    rows = {(o.value, o.measure, o.area) for o in x.observations}
    assert {(D(72), "benchmark", "housemark"), (D(14), "benchmark", "housemark")} <= rows
    assert not any(o.measure == "actual" and o.value in (D(72), D(14)) for o in x.observations)


@pytest.mark.parametrize("text", [
    "Business rates collected to the end of June were 28.1%, just behind the 28.6% collected by the same "
    "point "
    "in 2022/23.",
    "Business rates collected to the end of June were 28.1%, ahead of the 27.9% achieved at the same point "
    "last year.",
])
def test_a_level_reached_by_the_same_point_of_an_earlier_year_is_a_previous_value(text: str) -> None:
    """"the N% collected by (or achieved at) the same point" is an earlier year's level, not this one's."""
    rows = {(o.value, o.measure) for o in _one(text).observations}
    assert (D("28.1"), "actual") in rows
    earlier = next(v for v, m in rows if v != D("28.1"))
    assert (earlier, "previous") in rows and (earlier, "actual") not in rows


@pytest.mark.parametrize("text", [
    "Cabinet is asked to approve an uplift of 4% to garden waste permit fees from April.",
    "Officers proposed a flat uplift of 3.5% across all allotment rents.",
])
def test_an_uplift_is_a_change_not_a_level(text: str) -> None:
    """"an uplift of N%" to fees or rents is a rise proposed, like "an increase of N%": no figure."""
    assert not any(o.measure == "actual" for o in _one(text).observations)


def test_a_share_below_a_standard_or_grade_keeps_what_the_standard_is_for() -> None:
    """"N% of streets inspected fell below the standard for graffiti": "below the standard / grade B" is part
    of the measure's name, not a comparison, so the name keeps what was graded (graffiti)."""
    x = _one("Members heard that 4.2% of streets inspected fell below the standard for graffiti, an "
             "improvement "
             "on 5.0% last quarter.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations if o.value is not None} == {
        (D("4.2"), "actual", "streets inspected fell below the standard for graffiti"),
        (D("5.0"), "previous", "streets inspected fell below the standard for graffiti")}
    x = _one("The officer said that 3.1% of land had fallen below grade B for fly-posting against a "
             "target of 4%.\n")
    assert {o.surface for o in x.observations} == {"land had fallen below grade B for fly-posting"}


@pytest.mark.parametrize("text, area", [
    ("The recycling rate was 44.2%, better than the London figure of 36.3%.", "london"),
    ("The recycling rate of 44.2% is above the outer London average of 30.1%.", "outer-london"),
    ("The recycling rate of 44.2% is well above the inner London average of 27.5%.", "inner-london"),
])
def test_london_inner_and_outer_london_are_three_comparators(text: str, area: str) -> None:
    """"the London figure of N" is a benchmark for London; inner and outer London averages keep their own
    areas rather than all being London's."""
    x = _one(text)
    assert {(o.value, o.measure, o.area) for o in x.observations if o.measure != "actual"} == {
        (D(text.split()[-1].rstrip("%.")), "benchmark", area)}


def test_a_where_clause_s_average_is_of_what_the_clause_before_named() -> None:
    """"... drew attention to adaptation grants, where the average of 190 days compared with 175 days across
    Wales": the level, the Wales benchmark and the earlier level are all adaptation grants'; "where the
    figure" after a place is not enough to name a measure."""
    x = _one("The officer drew attention to adaptation grants, where the average of 190 days "
             "compared with 175 "
             "days across Wales, although it had improved from 210 days the year before.\n")
    assert {(o.value, o.measure, o.surface) for o in x.observations} == {
        (D(190), "actual", "adaptation grants"), (D(175), "benchmark", "adaptation grants"),
        (D(210), "previous", "adaptation grants")}
    assert not _one("He referred to the depot, where the figure was 12.\n").observations


def test_a_part_after_including_is_no_level_of_its_own() -> None:
    """"900 inspection visits, including 30 days of reserve time": the part named after "including" is a
    piece of the figure before, not a level of a measure called "including ..."."""
    x = _one("The programme provided for 900 inspection visits, including 30 days of reserve time.\n")
    assert not [o for o in x.observations if o.value == D(30)]


def test_a_table_of_partner_councils_gives_each_council_its_figures() -> None:
    """Two space-aligned tables of one layout, rows headed "Council", one measure each in the title line
    above: each row is a council's figures (this year's actual, last year's, the target), and the second
    table, its header the same as the first's, is read under its own title."""
    x = _x("breakdown_partners.txt")
    rows = {(o.surface, o.value, o.unit, o.measure, o.area) for o in x.observations}
    tax, claims = "Council tax collected in year", "Average days to process new benefit claims"
    assert {(tax, D("96.1"), "percent", "actual", "Kelsburn"), (tax, D("94.9"), "percent", "previous",
            "Ardlow"), (tax, D("96.5"), "percent", "target", "Ardlow")} <= rows
    assert {(claims, D("18.4"), "other", "actual", "Kelsburn"), (claims, D("20.0"), "other", "target",
            "Kelsburn"), (claims, D("24.5"), "other", "previous", "Ardlow")} <= rows
    assert not any(r[0].startswith(("Kelsburn", "Ardlow", "Shared", "Target")) for r in rows)
    assert len(rows) == 18


def test_a_flattened_scorecard_headed_by_school_terms_reads_each_term_s_figures() -> None:
    """A flattened table whose heads are "Term 2" over the session on a second line: the earlier session's
    term is the previous figure, this session's the actual; a row counting pupils "(number)" is a count,
    though its name holds a percentage."""
    rows = _rows(_x("term_scorecard.txt"))
    assert {(D("89.6"), "percent", "previous", "council"), (D("90.4"), "percent", "actual", "council"),
            (D("89.9"), "percent", "benchmark", "scotland"), (D("91.0"), "percent", "target", "council"),
            (D("11.0"), "rate", "actual", "council"), (D(842), "count", "previous", "council"),
            (D(790), "count", "actual", "council")} <= rows
    assert not any(r[1] == "percent" and r[0] in (D(842), D(790)) for r in rows)


@pytest.mark.parametrize(("text", "value"), [
    ("Staff turnover over the rolling 12 months to June was 11.2%.", "11.2"),
    ("Days lost to sickness per employee over a rolling 12 month period were 10.4 days.", "10.4"),
])
def test_the_window_of_a_rolling_measure_is_part_of_its_name(text: str, value: str) -> None:
    """"A rolling 12 months" says what the measure is taken over: the 12 is no figure, and the window stays in
    the name of the figure the sentence gives."""
    x = _one(text)
    assert {o.value for o in x.observations} == {D(value)}
    assert "rolling 12" in _label(x, value)


def test_a_column_opening_with_a_participle_takes_its_subject_from_the_column_before() -> None:
    """"Complaints received | Resolved within 10 working days (%)": the second column's share is of complaints
    resolved, named so for each team and for the total row."""
    x = _x("breakdown_participle_tab.txt")
    named = {(o.surface, o.value) for o in x.observations}
    assert ("Complaints resolved within 10 working days - Planning", D("72.7")) in named
    assert ("Complaints resolved within 10 working days", D("82.9")) in named
    assert not any(s.startswith("Resolved") for s, _ in named)


def test_a_scorecard_row_without_a_unit_takes_the_one_its_commentary_states() -> None:
    """A row whose label and cells give no unit is in the unit the commentary gives its figure ("fell to
    27.3 days"), this year's, last year's and the target alike; a row the commentary does not name stays a
    count."""
    x = _x("scorecard_unit_in_commentary.md")
    rows = {(o.surface, o.value, o.unit, o.measure) for o in x.observations}
    assert {("Void re-let time", D("31.5"), "other", "previous"), ("Void re-let time", D("27.3"), "other",
            "actual"), ("Void re-let time", D(28), "other", "target")} <= rows
    assert ("Gas safety checks completed", D(1188), "count", "actual") in rows


def test_a_measure_broken_down_in_a_sentence_gives_each_listed_part_its_figure() -> None:
    """"X by service area: Housing 88%, ... and Council Tax 93%" gives X for each part (not figures of
    indicators named "Housing"), and "The overall figure" after the list is X's whole."""
    x = _one("At Members' request, the report showed complaints answered on time by service area: "
             "Housing 88%, Waste and Recycling 79% and Council Tax 93%. The overall figure was 86%.")
    named = {(o.surface, o.value, o.unit, o.area) for o in x.observations}
    assert named == {("complaints answered on time - Housing", D(88), "percent", "council"),
                     ("complaints answered on time - Waste and Recycling", D(79), "percent", "council"),
                     ("complaints answered on time - Council Tax", D(93), "percent", "council"),
                     ("complaints answered on time", D(86), "percent", "council")}


def test_a_measure_broken_down_by_place_in_a_sentence_gives_each_place_its_figure() -> None:
    """A list by ward is of places: each figure is the ward's, in the unit stated after the last one."""
    x = _one("Missed collections have been broken down by ward: Abbey 41, Castle Hill 38 and Riverside 52 "
             "per 100,000 collections.")
    assert {(o.surface, o.value, o.unit, o.area) for o in x.observations} == {
        ("Missed collections", D(41), "rate", "Abbey"), ("Missed collections", D(38), "rate", "Castle Hill"),
        ("Missed collections", D(52), "rate", "Riverside")}


def test_a_scottish_school_virtual_comparator_is_a_benchmark() -> None:
    """The virtual comparator (pupils like the council's own, from across Scotland) is a benchmark group."""
    x = _one("Leavers with 3 or more Highers reached 43.0%, just below the virtual comparator figure of "
             "44.5%.")
    assert _rows(x) == {(D("43.0"), "percent", "actual", "council"),
                        (D("44.5"), "percent", "benchmark", "virtual-comparator")}


def test_a_virtual_comparator_in_the_graph_is_the_council_s_own_group(tmp_path: Path) -> None:
    """Through ingest and the observations query, the virtual comparator's figure is for that council's own
    comparator group, labelled so, as its statistical neighbours are."""
    from kg import ingest, open_store
    from kg.query import run

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leavers.txt").write_text(
        "Strathbrae Council\nEducation Committee\n\nLeavers with 3 or more Highers reached 43.0%, just below "
        "the virtual comparator figure of 44.5%.\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        ingest([docs], store)
        rows = run(store, "observations").rows
    areas = {str(r["value"]): str(r["area"]) for r in rows}
    assert areas["44.5"].startswith("virtual comparator of ")


def test_a_weight_in_kg_is_a_figure_in_its_unit() -> None:
    """"512 kg" per household, as waste reports write it, is a figure in kilograms: this year's, last year's
    and the target."""
    x = _one("Residual waste collected per household fell to 512 kg in 2023/24, down from 530 kg in 2022/23, "
             "against a target of 500 kg.")
    assert {(r[0], r[1], r[2]) for r in _rows(x)} == {
        (D(512), "other", "actual"), (D(530), "other", "previous"), (D(500), "other", "target")}
    assert {o.unit_words for o in x.observations} == {"kg"}


def test_a_partnership_average_is_a_benchmark_for_the_partnership() -> None:
    """A joint service's "partnership-wide average" is a benchmark for the partnership's councils together."""
    x = _one("Fly-tipping cleared within 2 days was 91%, against a partnership-wide average of 88%.")
    assert _rows(x) == {(D(91), "percent", "actual", "council"),
                        (D(88), "percent", "benchmark", "partnership")}


def test_a_share_of_a_group_counted_in_words_is_named_by_the_group() -> None:
    """"Seven of the twelve new starters were still employed after a year (58%)": counts in words frame the
    share as digits do, so the group and what it did name it, not the verb alone."""
    x = _one("Seven of the twelve new starters were still employed after a year (58%).")
    assert {(o.value, o.surface) for o in x.observations} == {
        (D(58), "new starters were still employed after a year")}
    assert next(iter(x.observations)).denominator == D(12)


def test_a_comparator_s_figure_under_a_subject_of_its_own_is_not_the_paragraph_before_s() -> None:
    """"Void loss has crept up again, and is now above the Wales figure of 2.1%" after a paragraph on rent
    collection: the Wales figure is void loss's, never a benchmark for rent collection."""
    x = _one("4.1 Rent collection reached 97.2% against a target of 98%.\n"
             "4.2 Void loss has crept up again, and is now above the Wales figure of 2.1%.")
    assert not any(o.value == D("2.1") and o.surface == "Rent collection" for o in x.observations)
    assert {(o.value, o.measure) for o in x.observations if o.surface == "Rent collection"} == {
        (D("97.2"), "actual"), (D(98), "target")}


def test_a_column_headed_nn_is_the_nearest_neighbours_benchmark(tmp_path: Path) -> None:
    """A scorecard column headed "NN" alone (the CIPFA nearest neighbours' average) is a benchmark for that
    comparator group, as one headed "CIPFA NN" is."""
    path = tmp_path / "asc_scorecard.txt"
    path.write_text(
        "Adult social care scorecard, Quarter 3 2024/25\n\n"
        "| Measure | Q2 | Q3 | Target | England | NN | RAG |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Adults with learning disabilities in paid work (%) | 5.1 | 5.4 | 6.0 | 4.8 | 5.9 | Amber |\n"
        "| Service users who feel safe (%) | 68.2 | 69.0 | 70.0 | 71.1 | 70.3 | Amber |\n",
        encoding="utf-8",
    )
    x = extract(read_document(path))
    areas = {o.value: o.area for o in x.observations if o.measure == "benchmark"}
    assert areas == {D("5.9"): "cipfa-nearest-neighbours", D("70.3"): "cipfa-nearest-neighbours",
                     D("4.8"): "england", D("71.1"): "england"}


def test_a_second_share_after_comma_and_keeps_its_own_measure() -> None:
    """"X improved to 88.0% against the 90% target, and 64.5% of new claims were decided in time, against
    61.2% in the previous quarter": the second share and its earlier level belong to the claims, not to X."""
    x = _one("Tenant satisfaction improved to 88.0% against the 90% target, and 64.5% of new claims were "
             "decided within 20 days, against 61.2% in the previous quarter.\n")
    claims = {(o.value, o.measure) for o in x.observations if "claims" in o.surface}
    assert claims == {(D("64.5"), "actual"), (D("61.2"), "previous")}
    assert {(o.value, o.measure) for o in x.observations if "satisfaction" in o.surface.lower()} == {
        (D("88.0"), "actual"), (D("90"), "target")}


def test_a_count_target_keeps_its_unit_when_a_later_level_in_the_sentence_is_a_share() -> None:
    """"Homes built rose to 212 against a target of 250, and the void rate fell to 3.2%": the target is a
    count like the level it is set against, not a share like the sentence's last level."""
    x = _one("Affordable homes completed rose to 212 in the year against a target of 250, and the void rate "
             "had fallen to 3.2%.\n")
    homes = {(o.value, o.unit, o.measure) for o in x.observations if "homes" in o.surface.lower()}
    assert homes == {(D("212"), "count", "actual"), (D("250"), "count", "target")}


def test_an_improvement_on_an_earlier_level_is_that_previous_level() -> None:
    """"stood at 7.9%, an improvement on 8.6% a year ago" and "rose to 1,420, an increase on 1,310 at the
    end of June": the figure after "an improvement on" / "an increase on" is the earlier level."""
    x = _one("The rate of empty shop units stood at 7.9%, an improvement on 8.6% at the end of March, "
             "and was below the Wales average of 9.4%.\n\n"
             "Households on the housing register rose to 1,420, an increase on 1,310 at the end of June.\n")
    got = {(o.value, o.measure) for o in x.observations if o.value is not None}
    assert {(D("8.6"), "previous"), (D("1310"), "previous"), (D("7.9"), "actual"), (D("1420"), "actual"),
            (D("9.4"), "benchmark")} <= got
    assert (D("8.6"), "actual") not in got and (D("1310"), "actual") not in got


def test_a_share_after_spelled_out_x_of_y_is_named_by_the_counted_things() -> None:
    """"Seven of the twelve audits completed had been finalised on time (58.3%)": with the counts spelled
    out, as with digits, the share is of the audits, not of "had been finalised on time"."""
    x = _one("Seven of the twelve audits completed in the quarter had been finalised on time (58.3%), "
             "short of the target of 75%.\n")
    share = next(o for o in x.observations if o.value == D("58.3"))
    assert share.surface.startswith("audits completed") and share.denominator == D("12")


def test_a_target_score_and_an_average_score_are_read_past_the_word_score() -> None:
    """"remained at 16 against a target risk score of 9" and "against the Wales average score of 46.1":
    "score" between the cue and its number, as risk registers and attainment reports write it."""
    x = _one("The residual risk score for workforce capacity (CR4) remained at 16 against a target risk "
             "score of 9.\n\nCapped points were 47.2 against the Wales average score of 46.1.\n")
    got = {(o.value, o.measure, o.area) for o in x.observations if o.value is not None}
    assert {(D("9"), "target", "council"), (D("46.1"), "benchmark", "wales")} <= got


def test_up_from_after_a_target_is_the_level_before_not_a_target_moved() -> None:
    """"... just under the 95% target and up from 91.3% a year earlier": the figure after "and up from" is
    the measure's earlier level; "the target was changed from 9 days to 8.5" stays a target moved."""
    x = _one("Invoices paid on time reached 94.2%, just under the 95% target and up from 91.3% a year "
             "earlier.\n\nThe target for sickness absence was changed from 9 days to 8.5 days.\n")
    got = {(o.value, o.measure) for o in x.observations if o.value is not None}
    assert got == {(D("94.2"), "actual"), (D("95"), "target"), (D("91.3"), "previous")}


def test_a_recorded_vote_s_tally_is_no_figure() -> None:
    """"For the motion: 6; Against the motion: 5" and "5 votes for the amendment" count a vote, not a measure
    of the council's performance: the minute's own figures are read, the tallies are not."""
    x = _one("Planning Committee\n\nMinutes of the meeting held on 4 March 2025\n\n"
             "The Head of Planning reported that 82% of major applications were decided within 13 weeks.\n\n"
             "A recorded vote was taken: For the motion: 6; Against the motion: 5; Abstained: 2.\n\n"
             "The amendment was lost, with 5 votes for the amendment and 7 votes against.\n")
    assert {o.value for o in x.observations} == {D("82")}

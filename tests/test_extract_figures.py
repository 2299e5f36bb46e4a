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

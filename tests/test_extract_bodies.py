"""Council, committee, meeting date, item title: metadata first, else inferred from the text with evidence."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kg.extract import bodies
from kg.model import Extraction
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent
MINUTES = Path(__file__).resolve().parent / "data" / "minutes"


def extract(path: Path) -> Extraction:
    return bodies.extract(Extraction(doc=read_document(path, root=path.parent)))


def bare_copy(tmp_path: Path, prefix: str) -> Path:
    """A seed without its sidecar, so everything must come from the text."""
    src = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    return Path(shutil.copy2(src, tmp_path / src.name))


def test_sidecar_wins_over_text() -> None:
    x = extract(next((ROOT / "seeds").glob("003_*.txt")))
    assert x.council and x.council.name == "Darlington Borough Council" and x.council.origin == "sidecar"
    assert x.council.span is None
    assert x.item_title == "Performance Indicators Q2 2017/18"


def test_slogan_names_the_council(tmp_path: Path) -> None:
    x = extract(bare_copy(tmp_path, "003"))
    assert x.council and x.council.name == "Darlington Borough Council" and x.council.origin == "inferred"
    assert x.council.span and x.council.span.quote == "One Darlington: Perfectly Placed"
    assert x.doc.text[x.council.span.start : x.council.span.end] == x.council.span.quote
    assert x.committee is None  # "scrutiny committee distribution" names no committee
    assert any("inferred" in n for n in x.notes)


def test_members_of_names_the_committee(tmp_path: Path) -> None:
    x = extract(bare_copy(tmp_path, "002"))
    assert x.council and x.council.name == "Durham County Council"
    assert x.committee and x.committee.origin == "inferred"
    assert x.committee.name == "Corporate Parenting Panel"
    assert x.item_title == "Performance update"


def test_minutes_naming_only_the_place_infer_the_council_with_evidence(tmp_path: Path) -> None:
    x = extract(bare_copy(tmp_path, "000"))
    # "Councillor Durham" is a surname; "Durham would not be complacent" is the council speaking of itself.
    assert (
        x.council is not None and x.council.name == "Durham County Council" and x.council.origin == "inferred"
    )
    assert x.council.span is not None and x.council.span.quote == "Durham"
    assert not x.doc.text[x.council.span.start - 11 : x.council.span.start].endswith("Councillor ")
    assert x.item_title == "Quarter 2: 2017/18 Performance Management Report"


def test_title_page_styles() -> None:
    s = extract(MINUTES / "sunderland_scrutiny.txt")
    assert (s.council.name, s.committee.name) == (
        "Sunderland City Council",
        "Children, Education and Skills Scrutiny Committee",
    )
    assert s.doc.meta.meeting_date == dt.date(2023, 3, 9) and s.doc.meta.origin("meeting_date") == "inferred"
    assert s.item_title == "Performance Report Quarter 3 2022/23"
    n = extract(MINUTES / "northumberland_minutes.txt")
    assert n.council.name == "Northumberland County Council"
    assert n.committee.name == "Family and Children's Services Overview and Scrutiny Committee"
    assert n.committee.span.quote == "FAMILY AND CHILDREN'S SERVICES OVERVIEW AND SCRUTINY COMMITTEE"
    assert n.doc.meta.meeting_date == dt.date(2023, 9, 14)
    g = extract(MINUTES / "gateshead_report.txt")
    assert g.council.name == "Gateshead Council"
    assert g.committee.name == "Corporate Parenting Partnership Board"
    d = extract(MINUTES / "darlington_minutes.txt")
    assert d.committee.name == "Children and Young People Scrutiny Committee"
    assert d.item_title == "PERFORMANCE INDICATORS Q2 2017/18"


def test_two_councils_named_equally_is_no_guess(tmp_path: Path) -> None:
    f = tmp_path / "joint.txt"
    f.write_text(
        "Joint report of Gateshead Council and Sunderland City Council on school transport.\n",
        encoding="utf-8",
    )
    assert extract(f).council is None


def test_unknown_council_named_as_written(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(
        "Report to Cabinet\n\nWigston Borough Council\n\nThe Council will review the plan.\n",
        encoding="utf-8",
    )
    x = extract(f)
    assert x.council and x.council.name == "Wigston Borough Council" and x.council.origin == "inferred"
    assert x.committee and x.committee.name == "Cabinet"


def test_cabinet_committee_with_comma_in_name() -> None:
    k = extract(MINUTES / "kent_cabinet_committee.txt")
    assert k.council.name == "Kent County Council"
    assert k.committee.name == "Children's, Young People and Education Cabinet Committee"
    assert k.doc.meta.meeting_date == dt.date(2023, 11, 14)
    assert k.item_title == "Performance Monitoring"


def test_board_with_remit_in_brackets() -> None:
    x = extract(MINUTES / "leeds_scrutiny_board.txt")
    assert x.council.name == "Leeds City Council"
    assert x.committee.name == "Scrutiny Board (Children and Families)"
    assert x.doc.meta.meeting_date == dt.date(2023, 12, 6)
    assert x.item_title == "Performance Report"


# ---- the weakest evidence: a known council's place name on its own


@pytest.mark.parametrize(
    ("text", "council"),
    [
        (
            "The Panel noted that Durham was in line with regional and statistical neighbours.",
            "Durham County Council",
        ),
        ("The pilot ran in one area in Darlington and would be rolled out.", "Darlington Borough Council"),
        ("Councillor Durham asked about caseloads. Durham would not be complacent.", "Durham County Council"),
    ],
)
def test_a_lone_place_name_names_the_council(text: str, council: str) -> None:
    from kg.extract.bodies import infer_council

    found = infer_council(text)
    assert found is not None and found.name == council and found.origin == "inferred"
    assert found.span is not None and text[found.span.start : found.span.end] == found.span.quote


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Durham asked about caseloads.",  # a surname
        "Cllr. Darlington thanked officers.",
        "Durham Constabulary and Darlington Memorial Hospital attended.",  # other bodies' names
        "Durham was in line with Darlington.",  # two councils' places: do not guess
        "DurhamWorks supports young people.",  # a programme
    ],
)
def test_place_names_that_do_not_name_the_council(text: str) -> None:
    from kg.extract.bodies import infer_council

    assert infer_council(text) is None

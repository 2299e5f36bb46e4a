"""Resolutions: every cue form, each numbered item separately; recommendations are not resolutions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import resolutions
from kg.model import Extraction
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent
MINUTES = Path(__file__).resolve().parent / "data" / "minutes"


def extract(path: Path) -> Extraction:
    return resolutions.extract(Extraction(doc=read_document(path, root=path.parent)))


def seed(prefix: str) -> Extraction:
    return extract(next((ROOT / "seeds").glob(f"{prefix}_*.txt")))


def texts(x: Extraction) -> list[tuple[str, str]]:
    return [(r.number, r.text) for r in x.resolutions]


def test_bare_that_line_in_minutes() -> None:
    assert texts(seed("000")) == [("", "That the report be noted.")]


def test_resolved_heading_then_paragraph() -> None:
    x = seed("001")
    assert texts(x) == [("", "That the report and presentation be noted.")]
    r = x.resolutions[0]
    assert x.doc.text[r.span.start:r.span.end] == r.span.quote == r.text


def test_numbered_items_are_separate() -> None:
    got = texts(seed("004"))
    assert [n for n, _ in got] == ["(i)", "(ii)"]
    assert "strong position" in got[0][1] and got[0][1].endswith("be noted.")
    assert "new format" in got[1][1]


def test_recommendations_are_not_resolutions() -> None:
    assert seed("002").resolutions == ()
    assert seed("003").resolutions == ()
    assert extract(MINUTES / "gateshead_report.txt").resolutions == ()


def test_resolved_dash_roman_items_without_trailing_and() -> None:
    assert texts(extract(MINUTES / "sunderland_scrutiny.txt")) == [
        ("(i)", "that the report be received"),
        ("(ii)", "that a further report on foster carer recruitment be brought to the June meeting.")]


def test_agreed_each_separately() -> None:
    assert texts(extract(MINUTES / "northumberland_minutes.txt")) == [
        ("", "that the information be noted."),
        ("", "that a report on school transport be considered at the next meeting.")]
    assert texts(extract(MINUTES / "darlington_minutes.txt")) == [("", "That the report be noted.")]


@pytest.mark.parametrize("body, expected", [
    ("Minutes\n\nRecommendation\n\nThat the report be noted.\n", []),
    ("Minutes\n\nRESOLVED:\n\n(a) That the report be approved.\n\n"
     "(b) That the Chair write to the Minister.\n",
     [("(a)", "That the report be approved."), ("(b)", "That the Chair write to the Minister.")]),
    ("Minutes\n\nResolved that the minutes of the meeting held on 3 May be confirmed.\n",
     [("", "that the minutes of the meeting held on 3 May be confirmed.")]),
    ("Minutes\n\nMembers resolved to keep the matter under review.\n", []),
    ("Minutes\n\nThat is why the Panel asked for more data.\n", []),
])
def test_forms(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    f = tmp_path / "m.txt"
    f.write_text(body, encoding="utf-8")
    assert texts(extract(f)) == expected


def test_capitalised_cue_mid_line_and_next_item_heading_left_out() -> None:
    assert texts(extract(MINUTES / "kent_cabinet_committee.txt")) == [
        ("", "that the performance report be noted.")]


def test_resolved_dash_that() -> None:
    assert texts(extract(MINUTES / "leeds_scrutiny_board.txt")) == [
        ("", "That the work schedule be approved, subject to the addition of an item on school exclusions.")]

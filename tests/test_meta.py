"""Document metadata: sidecar beats ModernGov header beats nothing; broken sidecars are clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import MetadataError
from kg.read import read_document

HEADER = (
    "Meeting: 13/07/2022 - Corporate Parenting Panel (Item 11)\n\nMinutes:\n\nThe Panel noted the report.\n"
)


def doc_with(tmp_path: Path, text: str, sidecar: str | None = None, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / f"{name}.meta.yaml").write_text(sidecar, encoding="utf-8")
    return path


def test_moderngov_header_gives_committee_date_and_item(tmp_path: Path) -> None:
    meta = read_document(doc_with(tmp_path, HEADER)).meta
    assert meta.committee == "Corporate Parenting Panel"
    assert meta.meeting_date == dt.date(2022, 7, 13)
    assert meta.item == "11"
    assert meta.origin("committee") == "header"


def test_sidecar_wins_over_header_field_by_field(tmp_path: Path) -> None:
    sidecar = (
        "council: Durham County Council\ncommittee: Children and Young People's OSC\n"
        "period: Quarter 1 2022/23\n"
    )
    meta = read_document(doc_with(tmp_path, HEADER, sidecar)).meta
    assert meta.committee == "Children and Young People's OSC" and meta.origin("committee") == "sidecar"
    assert meta.council == "Durham County Council"
    assert meta.meeting_date == dt.date(2022, 7, 13) and meta.origin("meeting_date") == "header"
    assert meta.period == "2022/23 Q1"


def test_no_sidecar_no_header_leaves_fields_for_extraction(tmp_path: Path) -> None:
    meta = read_document(doc_with(tmp_path, "Agenda item\n\nThe Committee noted the report.\n")).meta
    assert (
        meta.council is None and meta.committee is None and meta.meeting_date is None and meta.origins == ()
    )


@pytest.mark.parametrize(
    ("sidecar", "words"),
    [
        ("council: [unclosed\n", "not valid YAML"),
        ("counsil: Durham\n", "unknown sidecar key(s): counsil"),
        ("meeting_date: 31/02/2022\n", "is not a date"),
        ("meeting_date: 2022-02-31\n", "is not a date"),
        ("doc_type: memo\n", "doc_type 'memo'"),
        ("period: sometime\n", "not a financial year or quarter"),
        ("- a\n- b\n", "must be a mapping"),
        ("original: ../../etc/passwd\n", "outside the ingested folder"),
    ],
)
def test_broken_sidecar_is_one_clear_line(tmp_path: Path, sidecar: str, words: str) -> None:
    with pytest.raises(MetadataError) as info:
        read_document(doc_with(tmp_path, "Some minutes.\n", sidecar), root=tmp_path)
    line = str(info.value)
    assert "doc.txt.meta.yaml" in line and words in line and "\n" not in line


def test_sidecar_original_inside_the_folder_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "orig.pdf").write_bytes(b"%PDF-1.4")
    meta = read_document(
        doc_with(tmp_path, "Some minutes.\n", "original: orig.pdf\ncouncil: Darlington Borough Council\n"),
        root=tmp_path,
    ).meta
    assert meta.council == "Darlington Borough Council"


@pytest.mark.parametrize(
    ("text", "committee", "date", "doc_type"),
    [
        # a ModernGov meeting page's title
        ("Overview and Scrutiny Management Committee - Friday, 28th April, 2023 6.00 pm\n\nVenue: Hall\n",
         "Overview and Scrutiny Management Committee", dt.date(2023, 4, 28), None),
        ("Licensing Sub-Committee - 3 June 2024\n\nAgenda Item 4\n", "Licensing Sub-Committee",
         dt.date(2024, 6, 3), None),
        # a report's running title in an agenda pack: the council, the committee and the date
        ("KELLSIDE DISTRICT COUNCIL - LICENSING COMMITTEE - 3 JUNE 2024\n\nAgenda Item 4\n",
         "LICENSING COMMITTEE", dt.date(2024, 6, 3), None),
        # ... and the council apart from it by a PDF's column gap
        ("Kellside District Council        Licensing Committee - 3 June 2024\n\nMinutes\n",
         "Licensing Committee", dt.date(2024, 6, 3), None),
        # a meeting page's title after the kind of page it is
        ("Minutes: Planning Applications Committee - Wednesday, 9th July, 2025 7.00 pm\n\nVenue: Hall\n",
         "Planning Applications Committee", dt.date(2025, 7, 9), None),
        ("Agenda and draft minutes: Harbour Board - Monday, 2nd June, 2025 2.00 pm\n\nVenue: Hall\n",
         "Harbour Board", dt.date(2025, 6, 2), None),
        # a decision notice saved as text
        ("Decision Maker: Cabinet Member for Highways\nDate of decision: 2 October 2024\n",
         "Cabinet Member for Highways", dt.date(2024, 10, 2), "decision"),
    ],
)
def test_moderngov_headers_in_their_other_forms(tmp_path: Path, text: str, committee: str, date: dt.date,
                                               doc_type: str | None) -> None:
    meta = read_document(doc_with(tmp_path, text)).meta
    assert (meta.committee, meta.meeting_date, meta.doc_type) == (committee, date, doc_type)
    assert meta.origin("committee") == "header"


def test_a_title_line_that_is_no_committee_is_no_header(tmp_path: Path) -> None:
    meta = read_document(doc_with(tmp_path, "ROLLING ACTIONS LOG - 4 MARCH 2025\n")).meta
    assert meta.committee is None and meta.meeting_date is None


def test_sidecar_with_a_key_twice_is_one_clear_line(tmp_path: Path) -> None:
    path = doc_with(tmp_path, "Text.\n", "council: Bury Council\ncouncil: Bolton Council\n")
    with pytest.raises(MetadataError, match="duplicate key 'council'") as err:
        read_document(path)
    assert "\n" not in str(err.value)

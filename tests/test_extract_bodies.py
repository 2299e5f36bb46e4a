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


def test_a_place_name_alone_names_the_council_as_the_weakest_evidence(tmp_path: Path) -> None:
    """A report whose heading names no council is filed under the one council whose place it names."""
    x = extract(bare_copy(tmp_path, "003"))
    assert x.council and x.council.name == "Darlington Borough Council" and x.council.origin == "inferred"
    assert x.council.span and x.council.span.quote == "Darlington"
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


# ---- whose document it is: headings in every style (fixtures in tests/data/headings/)

HEADINGS = Path(__file__).resolve().parent / "data" / "headings"


@pytest.mark.parametrize(
    ("name", "council", "committee", "date", "doc_type"),
    [
        # English district: capitals title block, "Minutes of a meeting of the X held ... on <date>", "&"
        ("district_minutes.txt", "Tandridge District Council", "Strategy & Resources Committee",
         dt.date(2024, 7, 9), "minutes"),
        # London borough: "London Borough of X", a summons "A meeting of the X will be held ... on ..."
        ("london_agenda.txt", "London Borough of Sutton", "Housing, Economy and Business Committee",
         dt.date(2024, 3, 7), "agenda"),
        # Scottish: "MINUTE of MEETING of the X held ...", an Executive
        ("scottish_minute.txt", "Falkirk Council", "Education, Children and Young People Executive",
         dt.date(2024, 3, 5), "minutes"),
        # Welsh bilingual, Welsh first: the council is known by its Welsh name too; a decision notice
        ("welsh_decision.txt", "Caerphilly County Borough Council", "Cabinet", dt.date(2024, 6, 12),
         "decision"),
        # Northern Irish report front sheet: "Meeting: X", "Date of Meeting: ..."
        ("ni_report.txt", "Mid Ulster District Council", "Environment Committee", dt.date(2024, 11, 14),
         "report"),
        # a report whose front sheet names the meeting: "Report to: X", "Date of meeting: ..."
        ("front_sheet_report.txt", "Leicester City Council", "Scrutiny Commission", dt.date(2025, 1, 22),
         "report"),
        # Welsh bilingual minutes: each half of a "Welsh / English" line is a heading; the date line under the
        # committee's name, not "the minutes of the meeting held on ..." (an earlier meeting); a work
        # programme listed as an item does not make minutes an "other" document
        ("welsh_bilingual_minutes.txt", "Ceredigion County Council",
         "Healthier Communities Overview and Scrutiny Committee",
         dt.date(2024, 3, 14), "minutes"),
        # a council in no list, found by construction and named as written
        ("invented_council_minutes.txt", "Borthwick Vale Borough Council", "Licensing Committee",
         dt.date(2024, 6, 3), "minutes"),
    ],
)
def test_headings_give_council_committee_date_and_type(name: str, council: str, committee: str, date: dt.date,
                                                       doc_type: str) -> None:
    x = extract(HEADINGS / name)
    assert x.council and (x.council.name, x.council.origin) == (council, "inferred")
    assert x.council.span and x.doc.text[x.council.span.start:x.council.span.end] == x.council.span.quote
    assert x.committee and x.committee.name == committee
    assert x.doc.meta.meeting_date == date
    assert x.doc.meta.doc_type == doc_type and x.doc.meta.origin("doc_type") in ("header", "inferred")
    assert x.doc.warnings == ()


def test_heading_beats_a_council_mentioned_in_the_body() -> None:
    x = extract(HEADINGS / "district_minutes.txt")  # the body cites Surrey County Council's figures
    assert x.council and x.council.name == "Tandridge District Council"
    assert x.council.span and x.council.span.quote == "TANDRIDGE DISTRICT COUNCIL"


def test_neighbouring_council_named_first_is_not_the_document_s() -> None:
    x = extract(HEADINGS / "neighbour_trap.txt")
    assert x.council and x.council.name == "Rother District Council"
    assert x.committee and x.committee.name == "Planning Policy Committee"


def test_committee_heading_without_a_date_warns_once_naming_the_sidecar() -> None:
    x = extract(HEADINGS / "committee_no_date.txt")
    assert x.council and x.council.name == "Cheshire East Council"
    assert x.committee and x.committee.name == "Audit and Governance Committee"
    assert x.doc.meta.meeting_date is None
    assert x.doc.warnings == (
        "meeting date not found; add a sidecar committee_no_date.txt.meta.yaml"
        " with meeting_date: YYYY-MM-DD",)


def test_a_readme_is_no_council_s_document() -> None:
    # it names three councils in its prose and a sidecar example, none in a heading: no guess, one warning
    x = extract(HEADINGS / "README.md")
    assert x.council is None and x.committee is None
    assert len(x.doc.warnings) == 1
    assert x.doc.warnings[0].startswith("council, committee and meeting date not found")
    assert "README.md.meta.yaml" in x.doc.warnings[0] and "council: <name>" in x.doc.warnings[0]


def test_the_project_readme_is_not_a_durham_document() -> None:
    x = extract(ROOT / "README.md")
    assert x.council is None


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("HARTLEPOOL BOROUGH COUNCIL\n\nCabinet\n", "Hartlepool Borough Council"),
        ("ROYAL BOROUGH OF KINGSTON UPON THAMES\n", "Royal Borough of Kingston upon Thames"),
        ("Harlow Council\n\nCabinet\n", "Harlow District Council"),  # another kind, one council
        ("Cyngor Sir Powys / Powys County Council\n", "Powys County Council"),
        ("Comhairle nan Eilean Siar\n\nPolicy and Resources Committee\n", "Comhairle nan Eilean Siar"),
        ("Report of Jo Bloggs, Head of Finance, Wyre Forest District Council\n",
         "Wyre Forest District Council"),
        ("Armagh City, Banbridge and Craigavon Borough Council\n",
         "Armagh City, Banbridge and Craigavon Borough Council"),
        ("Kettleby Moor Town Council\n\nFull Council\n", "Kettleby Moor Town Council"),
    ],
)
def test_council_named_in_the_title_block(text: str, council: str) -> None:
    from kg.extract.bodies import infer_council

    found = infer_council(text)
    assert found is not None and found.name == council
    assert found.span is not None and text[found.span.start:found.span.end] == found.span.quote


@pytest.mark.parametrize(
    "text",
    [
        "Full Council\n\nThe Council will meet.\n",  # no place: no council
        "Report to the County Council\n",
        "Joint report of Gateshead Council and Sunderland City Council\n",  # two in one heading: no guess
    ],
)
def test_no_council_from_headings_that_name_none_or_two(text: str) -> None:
    from kg.extract.bodies import infer_council

    assert infer_council(text) is None


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        ("Agenda item\n\nPerformance report\n\nMinutes:\n\nThe Committee considered", "minutes"),
        ("Agenda Item 6\n\nReport of the Director\n", "report"),  # ModernGov's label is not an agenda
        ("ACTION LOG\n\nAction | Owner\n", "other"),
        ("Forward Work Programme 2024/25\n", "other"),
        ("Notice of meeting\n\nA meeting of the Cabinet will be held on 4 May 2024.\n\nAGENDA\n"
         "1. Minutes of the last meeting\n", "agenda"),
        ("Some notes\n", None),
        # minutes that never say "minutes": an opening sentence or an attendance list
        ("LISBURN COUNCIL\n\nA meeting of the Planning Committee was held in the Chamber on Monday 4 "
         "November 2024.\n", "minutes"),
        ("At a meeting of the Licensing Committee held at County Hall on 3 May 2024.\n", "minutes"),
        ("Planning Committee\n\nPRESENT: Councillor A Brown (Chair)\n", "minutes"),
        ("Corporate Performance\n\n1. Purpose of Report\n1.1 This report sets out\n", "report"),
        # a report's title heads the minutes of its item as well as the report: no guess
        ("Agenda Item No.\n\nGrants Performance Report\n\nCabinet was informed of the position.\n", None),
    ],
)
def test_doc_type_from_headings(text: str, doc_type: str | None) -> None:
    assert bodies.infer_doc_type(text) == doc_type


@pytest.mark.parametrize(
    ("text", "committee", "date"),
    [
        # a front sheet in capitals
        ("WIGAN COUNCIL\n\nREPORT TO:       Health and Social Care Scrutiny Committee\n"
         "DATE:            4 June 2024\nREPORT OF:       Director of Public Health\n",
         "Health and Social Care Scrutiny Committee",
         dt.date(2024, 6, 4)),
        # one report to two meetings: the first listed is the one the document is for
        ("Bury Council\n\nReport to:   Overview and Scrutiny Committee - 9 October 2024\n"
         "             Cabinet - 23 October 2024\nReport of:   Director of Finance\n",
         "Overview and Scrutiny Committee", dt.date(2024, 10, 9)),
        # council, committee and date on one title line
        ("Stockport Council Children and Families Scrutiny Committee 12 March 2025\nAgenda Item 5\n",
         "Children and Families Scrutiny Committee", dt.date(2025, 3, 12)),
        # the meeting's own date, not the earlier meeting whose minutes it confirms
        ("Minutes of the Cabinet held at the Guildhall on Tuesday 8 October 2024\n\n"
         "1. The minutes of the meeting held on 10 September 2024 were approved.\n", "Cabinet",
         dt.date(2024, 10, 8)),
        # minutes in capitals, the meeting's place and date on a line of their own
        ("CITY COUNCIL\n\nMINUTES OF THE SCRUTINY PROGRAMME COMMITTEE\n\nHELD AT THE GUILDHALL ON TUESDAY, "
         "12 NOVEMBER 2024 AT 4.00 PM\n", "Scrutiny Programme Committee", dt.date(2024, 11, 12)),
        # the minutes' title and date on one line, a comma between
        ("Minutes of the Overview and Scrutiny Committee, 7 November 2024\n\nPRESENT: Cllr A Brown\n",
         "Overview and Scrutiny Committee", dt.date(2024, 11, 7)),
        # a PDF front sheet's columns: labels without colons, two pairs on one line
        ("Report to      Cabinet                        Date     14 January 2025\nReport of      Director\n",
         "Cabinet", dt.date(2025, 1, 14)),
        # a committee's name ending in its number, after "REPORT TO" without a colon
        ("BRIDGEND COUNTY BOROUGH COUNCIL\n\nREPORT TO SUBJECT OVERVIEW AND SCRUTINY COMMITTEE 2\n\n"
         "14 NOVEMBER 2024\n", "Subject Overview and Scrutiny Committee 2", dt.date(2024, 11, 14)),
        # a combined label
        ("Council/Committee: Corporate Services Committee\nDate of Meeting: 12 November 2024\n"
         "Date of Report: 24 October 2024\n", "Corporate Services Committee", dt.date(2024, 11, 12)),
        # minutes that open with the meeting, the committee in capitals
        ("Committee - 24/09/2012\n\nAt a MEETING of the POLICY AND RESOURCES COMMITTEE held at the City "
         "Chambers on 24th September, 2012.\n", "Policy and Resources Committee", dt.date(2012, 9, 24)),
        ("A meeting of the Environmental Services Committee was held in the Council Chamber on Thursday 7 "
         "November 2024 at 6.00 pm.\n", "Environmental Services Committee", dt.date(2024, 11, 7)),
        # a front sheet's date written in figures, day first
        ("Committee: Overview and Scrutiny Committee\nDate of Meeting: 04.12.2024\nSubject: Performance\n",
         "Overview and Scrutiny Committee", dt.date(2024, 12, 4)),
        # a running head "<council> - <committee>", the paper's title and date below it
        ("Wexcombe MBC - Licensing Committee\nAction Minutes - Monday 7 July 2025, 6.00 pm, Committee Room 1,"
         " "
         "Wexcombe Town Hall\n\nPresent: Cllr P Dunn\n", "Licensing Committee", dt.date(2025, 7, 7)),
        # a bilingual heading written English first
        ("BRYNCOED COUNTY BOROUGH COUNCIL\nCOMMUNITIES SCRUTINY COMMITTEE / PWYLLGOR CRAFFU CYMUNEDAU\n\n"
         "MINUTES of the meeting held in the Council Chamber on 14 October 2025\n",
         "Communities Scrutiny Committee", dt.date(2025, 10, 14)),
        # the minutes' heading on a line of its own, in capitals, the day and place on the lines below
        ("PENHALLOW COUNCIL\n\nMINUTES OF THE MEETING OF THE COMMUNITIES SCRUTINY PANEL\n\n"
         "Tuesday, 3 June 2025 "
         "at 2.00 pm\nCouncil Chamber, County Hall\n", "Communities Scrutiny Panel", dt.date(2025, 6, 3)),
        # a bilingual block's English half keeps its "Minutes of the" label: the committee is without it
        ("Cofnodion y Pwyllgor Craffu / Minutes of the Healthier Communities Scrutiny Committee\n\n"
         "Dydd Llun, 2 Rhagfyr 2024 / Monday, 2 December 2024\n", "Healthier Communities Scrutiny Committee",
         dt.date(2024, 12, 2)),
        # a Scottish minute's singular heading alone on its line, the date and place on the line below
        ("Aberdeenshire Council\nMinute of the Infrastructure Services Committee\nThursday 12 June 2025, "
         "10.00 am, Woodhill House, Aberdeen\nPresent: Councillors A Reid (Chair) and B Fraser.\n",
         "Infrastructure Services Committee", dt.date(2025, 6, 12)),
        # a decision notice's meeting line without the article
        ("Rushmoor Borough Council\n\nRECORD OF DECISION\n\nMeeting of Executive held on 9 December 2024\n",
         "Executive", dt.date(2024, 12, 9)),
        # a long title line: the committee, the date, then the paper's kind after a dash
        ("Mid Suffolk District Council\nLicensing and Regulatory Committee, 4 March 2025 - Information item "
         "(circulated to members for information only)\n\nThe table below shows the figures.\n",
         "Licensing and Regulatory Committee", dt.date(2025, 3, 4)),
    ],
)
def test_committee_and_date_from_front_sheets_and_title_lines(text: str, committee: str,
                                                              date: dt.date) -> None:
    name, _, when, span = bodies.heading_meeting(text)
    assert (name, when) == (committee, date)
    assert span is not None and text[span.start:span.end] == span.quote


@pytest.mark.parametrize("line", ["Minutes \u2013 Wednesday, 9 April 2025, 6.30 pm, the Assembly Room, "
                                  "Tanhill Civic Offices, Market Street", "AGENDA: 9 April 2025",
                                  "Draft Action Minutes - 9 April 2025, 10.00 am"])
def test_a_paper_s_title_then_its_date_gives_the_meeting_date(line: str) -> None:
    """The paper's own title, then the meeting's day (and time and room, however long the line) in the title
    block."""
    text = (f"Tanhill Borough Council\n\nLicensing and Regulatory Committee\n\n{line}\n\n"
            "Present: Cllr D Rowe\n")
    found = bodies.infer_meeting_date(text)
    assert found is not None and found[0] == dt.date(2025, 4, 9) and found[1].quote == "9 April 2025"


def test_a_workshop_held_on_a_date_in_a_report_s_prose_is_not_the_meeting() -> None:
    text = ("Scrutiny Commission\n\n1.1 The findings were discussed at a workshop held with providers and "
            "partners on 3 May 2024, and this report sets out the recommendations that followed.\n")
    assert bodies.heading_meeting(text)[2] is None


def test_a_numeric_date_outside_a_date_label_is_not_the_meeting() -> None:
    """Figures like a date in a report's prose ("published 04.12.2024") are not the meeting's date."""
    text = "Scrutiny Committee\n\nThe guidance (published 04.12.2024) was considered.\n"
    assert bodies.heading_meeting(text)[2] is None


def test_an_annual_report_s_title_gives_its_year_as_the_period(tmp_path: Path) -> None:
    """A title-block line with a bare financial year and an annual cue is the document's period; a bare year
    in the prose below is not."""
    doc = tmp_path / "annual.txt"
    doc.write_text("Fenland District Council\n\nANNUAL PERFORMANCE REPORT 2023/24\n\nThe budget for "
                   "2024/25 was set in February, and the report looks back over the year as a whole.\n")
    assert extract(doc).period == "2023/24"
    doc.write_text("Fenland District Council\n\nPERFORMANCE REPORT\n\nThe budget for 2024/25 was set in "
                   "February, and the report looks back over the year as a whole.\n")
    assert extract(doc).period is None


def test_a_first_town_alone_names_a_council_named_after_two_places() -> None:
    """"Civic Offices, Basingstoke" names Basingstoke and Deane (weakest evidence) if nothing else does."""
    from kg.extract.bodies import infer_council

    found = infer_council("Minutes of the Cabinet\nCouncil Chamber, Civic Offices, Basingstoke\n")
    assert found is not None and found.name == "Basingstoke and Deane Borough Council"


def test_a_committee_line_with_the_paper_s_title_after_a_dash_names_the_committee() -> None:
    """"LICENSING COMMITTEE - MINUTES" on a title-block line is the committee's name and the paper's title."""
    text = ("TARNSIDE BOROUGH COUNCIL\nLICENSING COMMITTEE - MINUTES\n"
            "Meeting held on Monday 2 June 2025, Room 4\n\nPresent: Councillors Ash, Bede and Cole.\n")
    found = bodies.infer_committee(text)
    assert found is not None and found.name == "Licensing Committee"


def test_front_sheet_fields_run_into_one_line_name_the_committee() -> None:
    """A PDF's table of front-sheet fields extracted one row a line, single spaces between ("Report to: X
    Committee Date: <date> Agenda Item: 9"): the committee's name ends where the next field's label begins."""
    text = ("ARDNAVEN BOROUGH COUNCIL\n\nReport to: Environment and Regeneration Committee Date: 3 February "
            "2026 Agenda Item: 9\n\nSubject: Street Cleansing Standards\n")
    committee, _, _, _ = bodies.heading_meeting(text)
    assert committee == "Environment and Regeneration Committee"


def test_a_committee_line_titled_as_its_action_log_names_the_committee() -> None:
    """A title-block line naming a committee and then its running record ("- Rolling Action List (as at
    <date>)", "– Action Tracker") names the committee, as "- Minutes" after it does."""
    text = ("FALKMOOR COUNCIL\nEducation, Children and Families Committee - Rolling Action List (as at 3 "
            "March 2025)\n\nNo.\tDate\tAction\tOwner\tDue\n1\t14/01/2025\tReport on school estate\tExecutive "
            "Director\t31/03/2025\n")
    found = bodies.infer_committee(text)
    assert found is not None and found.name == "Education, Children and Families Committee"
    tracker = "Dunmore District Council\nPlanning Sub-Committee – Action Tracker\n\nRef\tAction\tStatus\n"
    found = bodies.infer_committee(tracker)
    assert found is not None and found.name == "Planning Sub-Committee"


def test_the_committee_alone_on_a_line_is_no_committee_s_name() -> None:
    """Minutes that break "The Committee / RESOLVED" over lines name no committee by it."""
    text = ("Agenda item\n\nPerformance Report\n\nMinutes:\n\nThe report was seconded.\n\nThe Committee\n\n"
            "RESOLVED\n")
    assert bodies.infer_committee(text) is None


def test_the_title_block_s_committee_outweighs_a_body_named_once_in_the_minutes() -> None:
    """A committee named alone on a title-block line is the paper's, not a board the minutes mention once
    ("submitted to the ... Board"); a body the text names again and again still wins over no heading."""
    text = ("Wexcombe District Council\nCommunities and Leisure Panel\n"
            "Minutes of the meeting held on 2 June 2025\n\n4. Leisure Centre Plans\n"
            "The Head of Leisure said the business case had been submitted to the Health "
            "and Wellbeing Board for its support in the autumn and that a decision was expected soon.\n")
    found = bodies.infer_committee(text)
    assert found is not None and found.name == "Communities and Leisure Panel"
    repeated = ("Minutes\n\n1. The report had been submitted to the Licensing Committee in May.\n"
                "2. Members of the Licensing Committee asked for an update.\n")
    found = bodies.infer_committee(repeated)
    assert found is not None and found.name == "Licensing Committee"


def test_a_label_without_a_colon_needs_a_committee_s_name() -> None:
    """"Report to the Director" in a title block is no committee: a label without its colon or a column gap
    counts only before a name ending like a committee's."""
    assert bodies.heading_meeting("Housing Update\n\nReport to the Director of Housing\n")[0] is None


def test_a_minutes_heading_wrapped_over_lines_gives_its_date(tmp_path: Path) -> None:
    """"... held in the Council\nChambers, ..., on Tuesday 12 November 2024" (a PDF's wrap): the meeting's
    date is read across the break, and its evidence quotes the text as written."""
    doc = tmp_path / "m.txt"
    doc.write_text("FENLAND DISTRICT COUNCIL\n\nMinutes of a meeting of the Overview and Scrutiny Committee "
                   "held in the Council\nChambers, Fenland Hall, March, on Tuesday 12 November 2024 at "
                   "10.00am.\n\n"
                   "Present: Councillor A Brown (Chair), Councillors C Green and D White, who had all given\n"
                   "notice of their wish to speak on the items that followed in the order of the agenda.\n")
    x = extract(doc)
    assert x.committee is not None and x.committee.name == "Overview and Scrutiny Committee"
    assert x.doc.meta.meeting_date == dt.date(2024, 11, 12)


@pytest.mark.parametrize("name", ["southwark_minutes.txt", "surreyheath_council.txt"])
def test_the_date_of_minutes_being_approved_is_not_the_meeting_s(name: str) -> None:
    """Southwark's and Surrey Heath's minute items (tests/data/xreal): "To approve as a correct record the
    Minutes of the meeting held on 4 May 2011" and "... held on 25 February 2015 be approved" date an earlier
    meeting, so no meeting date is inferred from them."""
    assert bodies.infer_meeting_date((Path(__file__).parent / "data" / "xreal" / name).read_text()) is None


def test_a_held_on_date_in_a_line_of_its_own_meeting_is_still_read() -> None:
    """"A meeting held on 3 March 2024" with no word of an earlier meeting in its line still dates it."""
    found = bodies.infer_meeting_date("Notes\n\nOf the Panel meeting held on 3 March 2024 at the Hall.\n")
    assert found is not None and found[0] == dt.date(2024, 3, 3)


def test_a_scottish_minute_of_meeting_under_the_committee_heading_names_it(tmp_path: Path) -> None:
    """"Minute of Meeting held on ..." under the council's and the committee's own headings: the committee is
    the heading's, not "Meeting"; the date is the meeting's."""
    p = tmp_path / "minute.txt"
    p.write_text("Kellside Council\nPolicy and Resources Committee\nMinute of Meeting held on Thursday "
                 "6 March 2025 at 2.00 pm in the Council Chambers\n"
                 "Present: Councillors A Reid (Convener) and B Law\n", encoding="utf-8")
    x = extract(p)
    assert x.committee and x.committee.name == "Policy and Resources Committee"
    assert x.doc.meta.meeting_date == dt.date(2025, 3, 6)


def test_a_report_front_page_names_committee_and_date_not_its_author(tmp_path: Path) -> None:
    """"EDUCATION COMMITTEE: 12 MARCH 2025" under the council's name gives the committee and the meeting's
    date; "Report by the Executive Director" under the title is the author, not a committee named
    "Executive", and an earlier meeting the report mentions is not its date."""
    p = tmp_path / "report.txt"
    p.write_text("Agenda Item 6\n\nKELLSIDE COUNCIL\nEDUCATION COMMITTEE: 12 MARCH 2025\n"
                 "ATTAINMENT REPORT 2023/24\nReport by the Executive Director\n\n1. Purpose\n"
                 "1.1 As agreed at the meeting on 14 January 2025, this report sets out attainment by "
                 "school.\n", encoding="utf-8")
    x = extract(p)
    assert x.committee and x.committee.name == "Education Committee"
    assert x.doc.meta.meeting_date == dt.date(2025, 3, 12)


def test_a_running_head_that_opens_with_a_label_word_does_not_hide_the_front_sheet(tmp_path: Path) -> None:
    """A PDF's running head "Committee Papers - Public Document Pack" reads like a "Committee" label with
    nothing a committee is named by; the front sheet's "Report to:" under it still names the committee."""
    p = tmp_path / "report.txt"
    p.write_text("Committee Papers - Public Document Pack\nKELLSIDE DISTRICT COUNCIL\n"
                 "Report to:\tLeisure and Community Services Committee\nDate of meeting:\t4 June 2025\n"
                 "Subject:\tLeisure centre usage 2024/25\n", encoding="utf-8")
    x = extract(p)
    assert x.committee and x.committee.name == "Leisure and Community Services Committee"


def test_a_record_of_decision_names_its_decision_maker_and_is_a_decision(tmp_path: Path) -> None:
    """"RECORD OF DECISION" with "Decision made by: Executive": a decision record of that body, so its
    numbered decisions are read as resolutions."""
    p = tmp_path / "decision.txt"
    p.write_text("KELLSIDE BOROUGH COUNCIL\n\nRECORD OF DECISION\n\nDecision made by: Executive\n"
                 "Date of meeting: 3 February 2026\nSubject: Car park charges\n\nDECISION\n\n"
                 "(1) That the revised tariff be approved.\n", encoding="utf-8")
    x = extract(p)
    assert x.committee and x.committee.name == "Executive"
    assert x.doc.meta.doc_type == "decision"


@pytest.mark.parametrize(("text", "council"), [
    ("Wexcombe MBC - Licensing Committee\n", "Wexcombe Metropolitan Borough Council"),
    ("NORTH ASHDALE DC\nPLANNING COMMITTEE\n", "North Ashdale District Council"),
    ("Minutes: Tarnside CBC | Cabinet\n", "Tarnside County Borough Council"),
])
def test_a_council_s_kind_shortened_after_its_place_names_the_council(text: str, council: str) -> None:
    """A running head's "<Place> MBC" (DC, BC, CBC) is the council of that place, its kind written out."""
    assert [name for _, _, name in bodies.council_names(text)] == [council]


@pytest.mark.parametrize("text", ["Councillor Brook DC - retired\n", "Mr Ashdale said the DC had agreed\n",
                                  "The Pellbury BC Smith report\n"])
def test_two_capitals_after_a_name_are_no_council(text: str) -> None:
    """After a person's title, or with words going on after them, the capitals are no council's kind."""
    assert bodies.council_names(text) == []


def test_the_date_of_minutes_to_be_confirmed_is_not_the_meeting_s() -> None:
    """East Lindsey's agenda and minutes (tests/data/xreal): "To confirm the Minutes of the Meeting held on 7
    March 2023" dates an earlier meeting: no meeting date is inferred from it."""
    assert bodies.infer_meeting_date((Path(__file__).parent / "data" / "xreal" / "elindsey_overview.txt")
                                     .read_text()) is None


def test_a_date_line_that_goes_on_to_the_time_and_place_is_the_meeting_s_not_a_later_one_in_prose() -> None:
    """"Wednesday 4 June 2025, 6.30 pm, Room 3, Civic Centre" under the minutes' heading is the meeting's
    date, not "the panel meeting on 2 September 2025" a promise in the minutes names later."""
    text = ("Borough of Testford\n\nMinutes of the Housing Scrutiny Panel\n"
            "Wednesday 4 June 2025, 6.30 pm, Room 3, Civic Centre\n\nPresent: Councillors A Bell "
            "and C Dunn\n\n"
            "1 Minutes\nThe minutes were agreed. Officers would bring the plan to the panel meeting on "
            "2 September 2025.\n")
    found = bodies.infer_meeting_date(text)
    assert found is not None and found[0] == dt.date(2025, 6, 4) and found[1].quote == "4 June 2025"


@pytest.mark.parametrize("text", [
    # an agenda item's heading on a line of its own names no committee
    "Falkirk Council\n\nMinutes of the Last Meeting\n\nThe minutes were approved.\n",
    # a wrapped title's second line starts mid-sentence: its committee is the referrer, not the paper's
    "Horsham District Council\n\nDECISION NOTICE\n\nItem: Car Parking Charges - review asked for by the "
    "Housing\nand Regeneration Panel (referral 12)\n",
])
def test_lines_that_name_no_committee_of_the_paper(text: str) -> None:
    assert bodies.heading_meeting(text)[0] is None
    assert bodies.infer_committee(text) is None

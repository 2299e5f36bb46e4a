"""Commitments: what is promised, by whom, when due; and what is not a promise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.commitments import find_due
from kg.model import CommitmentFact, Extraction
from kg.read import read_document

DATA = Path(__file__).parent / "data"


def _extract(folder: Path, name: str) -> Extraction:
    return extract(read_document(folder / name, root=folder))


def _find(x: Extraction, words: str) -> CommitmentFact:
    hits = [c for c in x.commitments if words.lower() in f"{c.text} {c.span.quote}".lower()]
    assert len(hits) == 1, (words, [c.text for c in x.commitments])
    return hits[0]


def _absent(x: Extraction, words: str) -> None:
    assert not [c for c in x.commitments if words.lower() in f"{c.text} {c.span.quote}".lower()], words


def _actor(x: Extraction, key: str | None) -> str | None:
    if key is None:
        return None
    for p in (*x.posts, *x.people):
        if p.key == key:
            return getattr(p, "title", None) or p.name  # type: ignore[union-attr]
    return key


# ---- the seeds


def test_seed_001_friends_and_family_data_promised_for_next_update(seeds_dir: Path) -> None:
    x = _extract(seeds_dir, "001_d89f0ea69e52ccb1.txt")
    c = _find(x, "friends and family")
    assert _actor(x, c.actor) == "Strategy Team Leader"
    assert c.due_kind == "next_update" and c.due_text == "next performance update"
    # the request plus its acceptance is one commitment whose text says what the data is
    assert (
        c.text == "include data on the number of children placed with friends and family"
        " in the next performance update"
    )
    assert c.span.quote.startswith("In response to a request from the Panel")


def test_seed_001_missing_incidents_for_a_future_meeting_has_no_owner(seeds_dir: Path) -> None:
    x = _extract(seeds_dir, "001_d89f0ea69e52ccb1.txt")
    c = _find(x, "missing incidents")
    assert c.actor is None
    assert c.due_kind == "future_meeting" and c.due_date is None
    assert c.text == "bring more detailed information on missing incidents to a future Panel meeting"


def test_seed_001_has_nothing_else(seeds_dir: Path) -> None:
    x = _extract(seeds_dir, "001_d89f0ea69e52ccb1.txt")
    assert len(x.commitments) == 2
    _absent(x, "being reviewed")  # work in progress, not a promise
    _absent(x, "ongoing")  # business as usual


def test_seed_004_session_in_january_2024_by_the_head_of_education(seeds_dir: Path) -> None:
    x = _extract(seeds_dir, "004_c09156de69ac898d.txt")
    assert len(x.commitments) == 1
    c = x.commitments[0]
    assert _actor(x, c.actor) == "Head of Education and Skills"
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 1, 31) and c.due_text == "in January 2024"
    _absent(x, "region wide")  # "looking to roll out": a hope
    _absent(x, "Adults, Wellbeing and Health")  # where reporting will go is not a promise to this committee


@pytest.mark.parametrize(
    "name", ["000_c54206f06d683a2c.txt", "002_b026277b1e2d3df6.txt", "003_05486bbbf8471d79.txt"]
)
def test_seeds_without_commitments(seeds_dir: Path, name: str) -> None:
    """'will present an overview at the meeting', 'will continue to be monitored', 'will be in attendance',
    'The purpose of the report is to provide': none is a follow-up."""
    assert _extract(seeds_dir, name).commitments == ()


# ---- other councils' styles


def test_moderngov_narrative_style() -> None:
    x = _extract(DATA / "commitments", "moderngov-narrative.txt")
    c = _find(x, "undertook to circulate")
    assert _actor(x, c.actor) == "Head of SEND" and c.due_kind == "none" and c.confidence >= 0.85
    c = _find(x, "residential children's homes")  # the Chair asked X to ...: the owner is X
    assert _actor(x, c.actor) == "Head of Commissioning" and c.due_kind == "next_meeting"
    c = _find(x, "home to school transport")  # passive, no owner named
    assert c.actor is None and c.due_kind == "date" and c.due_date == dt.date(2024, 4, 30)
    c = _find(x, "young carers")  # request, accepted in the next sentence
    assert _actor(x, c.actor) == "Head of Early Help" and c.due_kind == "next_update"
    assert c.span.quote.endswith("agreed to do so.")
    assert len(x.commitments) == 4
    _absent(x, "by Easter")  # a question
    _absent(x, "schools with vacancies")  # a declined request
    _absent(x, "monitored")  # business as usual
    _absent(x, "Ofsted letter")  # already done
    _absent(x, "respite")  # a hope
    assert any("declined" in n for n in x.notes)


def test_numbered_minutes_with_action_markers() -> None:
    x = _extract(DATA / "commitments", "numbered-actions.txt")
    c = _find(x, "reoffending")  # "(Action: Youth Justice Service Manager)"
    assert _actor(x, c.actor) == "Youth Justice Service Manager"
    c = _find(x, "youth panel training")  # "ACTION - Mr Green to ..."
    assert c.text == "send Members the dates of the youth panel training sessions"
    assert c.actor is not None and "Green" in c.actor
    assert not c.span.quote.startswith("\n")
    c = _find(x, "visit to the Youth Justice Service")  # "ACTION: Democratic Services to ... by early 2024"
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 1, 31)
    c = _find(x, "slides")  # passive "would be circulated": no owner
    assert c.actor is None and c.due_kind == "none"
    assert len(x.commitments) == 4
    _absent(x, "published online")  # a question, answered as already done
    _absent(x, "16 January 2024")  # the date of the next meeting is not a promise
    _absent(x, "school place planning")  # matters arising: done
    assert any(p.kind == "done" and "school place planning" in p.text for p in x.progress)


def test_resolved_list_and_action_by_line() -> None:
    x = _extract(DATA / "commitments", "resolved-list.txt")
    c = _find(x, "costed plan")  # request made an action by "Action by: POST (NAME)"
    assert _actor(x, c.actor) == "Head of Commissioning"
    # "the October meeting" after June 2024
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 10, 31)
    assert c.confidence >= 0.85
    c = _find(x, "foster carer recruitment")  # "That X be asked to ...": owner X
    assert _actor(x, c.actor) == "Assistant Director for Children's Social Care"
    c = _find(x, "agency placement costs")
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 12, 31)
    assert len(x.commitments) == 3
    _absent(x, "be noted")
    _absent(x, "thanks")
    _absent(x, "Members discussed")  # an "Action by" line after a sentence naming no deliverable


def test_decision_list_style() -> None:
    x = _extract(DATA / "commitments", "decision-list.txt")
    c = _find(x, "capital programme")  # "to request that X provide ...": owner X
    assert _actor(x, c.actor) == "Executive Director of Finance" and c.due_kind == "next_meeting"
    c = _find(x, "disposal programme")  # "to instruct X to report back in six months' time"
    assert _actor(x, c.actor) == "Head of Property"
    assert c.due_kind == "date" and c.due_date == dt.date(2025, 3, 31)
    c = _find(x, "community asset transfer")  # "Councillor Shaw said she would send ...": she is Shaw
    assert c.actor == "councillor:Shaw"
    assert len(x.commitments) == 3
    _absent(x, "asset disposal schedule")  # an old promise reported back, not a new one
    _absent(x, "comment on the proposals")  # the meeting is asked to consider: nobody owns an action
    assert any(p.kind == "reference" and "asset disposal schedule" in p.text for p in x.progress)


def test_unanswered_request_is_kept_with_lower_confidence(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text(
        "Members requested that a breakdown of agency costs be circulated.\n\n"
        "The Panel then discussed the budget.\n",
        encoding="utf-8",
    )
    (tmp_path / "m.txt.meta.yaml").write_text(
        "council: Gateshead Council\ncommittee: Audit Committee\nmeeting_date: 2024-05-01\n", encoding="utf-8"
    )
    x = _extract(tmp_path, "m.txt")
    assert len(x.commitments) == 1
    c = x.commitments[0]
    assert c.text == "circulate a breakdown of agency costs" and c.confidence < 0.7


def _write(folder: Path, text: str, doc_type: str) -> Extraction:
    (folder / "d.txt").write_text(text, encoding="utf-8")
    (folder / "d.txt.meta.yaml").write_text(
        f"council: Gateshead Council\ncommittee: Audit Committee\nmeeting_date: 2024-05-13\n"
        f"doc_type: {doc_type}\n",
        encoding="utf-8",
    )
    return _extract(folder, "d.txt")


PLANS = (
    "The team will provide additional support to the twelve schools.\n\n"
    "The Director would circulate the figures to Members.\n\n"
    "The service would investigate the complaint.\n\n"
    "The report will be considered by Cabinet on 12 March 2024.\n\n"
    "The Chair asked Members to consider the proposals before the budget meeting.\n"
)


def test_plans_in_a_report_are_not_promises(tmp_path: Path) -> None:
    x = _write(tmp_path, PLANS, "report")
    assert [c.text for c in x.commitments] == ["circulate the figures to Members"]


def test_doubtful_futures_in_minutes_are_kept_with_low_confidence(tmp_path: Path) -> None:
    x = _write(tmp_path, PLANS, "minutes")
    confidence = {c.text: c.confidence for c in x.commitments}
    assert confidence["circulate the figures to Members"] >= 0.8
    assert confidence["provide additional support to the twelve schools"] <= 0.5
    assert confidence["investigate the complaint"] <= 0.5
    _absent(x, "Cabinet")  # another body's business
    _absent(x, "consider the proposals")  # the meeting is asked to act: nobody owns anything


# ---- due conditions


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("include the data in the next performance update", "next_update", None),
        ("be included in future reports", "next_update", None),
        ("report back to the next meeting of the Panel", "next_meeting", None),
        ("bring it to the next Panel meeting", "next_meeting", None),
        ("be brought to a future Panel meeting", "future_meeting", None),
        ("would be held in January 2025", "date", dt.date(2025, 1, 31)),
        ("to the October meeting", "date", dt.date(2024, 10, 31)),
        ("at the March meeting", "date", dt.date(2025, 3, 31)),
        ("to bring back a report to the June Staff Governance Committee", "date", dt.date(2025, 6, 30)),
        ("by early 2025", "date", dt.date(2025, 1, 31)),
        ("On 3 September 2023 the Panel noted that a report would follow", "none", None),  # said, not due
        ("by the end of 2024", "date", dt.date(2024, 12, 31)),
        ("by 31 March 2025", "date", dt.date(2025, 3, 31)),
        ("in the autumn", "date", dt.date(2024, 10, 31)),
        ("circulate the slides to Members", "none", None),
        ("Members may wish to note this", "none", None),  # the modal 'may' is not the month May
        ("provide a written update to all Members within four weeks", "date", dt.date(2024, 7, 1)),
        ("respond in 14 days", "date", dt.date(2024, 6, 17)),
        ("reply within 10 working days", "date", dt.date(2024, 6, 17)),  # two weeks of five days
        ("circulate a breakdown of plans completed within 20 weeks", "none", None),  # what is measured
        ("share the share of claims paid in 14 days", "none", None),
        ("the note would be published by Friday", "date", dt.date(2024, 6, 7)),  # the meeting is a Monday
        ("send it by Monday", "date", dt.date(2024, 6, 10)),  # the same weekday as the meeting: a week on
        ("circulate the slides by the end of the week", "date", dt.date(2024, 6, 7)),
        ("circulate the slides by the end of next week", "date", dt.date(2024, 6, 14)),
        ("reply no later than next Wednesday", "date", dt.date(2024, 6, 5)),
        ("circulate the results by the end of the month", "date", dt.date(2024, 6, 30)),
        ("circulate the results by the end of next month", "date", dt.date(2024, 7, 31)),
        ("the Panel had met on Friday", "none", None),  # 'on' a weekday: when something happened
        ("to the next meeting on 20 June", "date", dt.date(2024, 6, 20)),  # later in the meeting's month
        ("would be considered in the New Year", "date", dt.date(2025, 1, 31)),
        ("his name to be included in the minutes of the meeting held on 23 July", "none", None),  # happened
        ("a workshop would be held on 12 July", "date", dt.date(2024, 7, 12)),  # the promise's own verb
        ("the backlog would be cleared within four weeks", "date", dt.date(2024, 7, 1)),  # "be": the deed
        # a meeting of the coming civic year, no date
        ("a review would come back to the Board early in the next council year", "future_meeting", None),
        ("to report in the next civic year", "future_meeting", None),
        ("to the first meeting of the Board in the 2025/26 civic year", "future_meeting", None),
        # a season opening a name
        ("bring plans for the Summer Reading Challenge to a future meeting", "future_meeting", None),
        # the body named between "first meeting" and the year: a later meeting, no date
        ("bring the draft policy to the first meeting of the Forum in 2025/26", "future_meeting", None),
        ("report to the first meeting of the Committee in the new municipal year", "future_meeting", None),
        # the months a report covers are not when it is due; the meeting named after them is
        ("share call waiting times for July and August with the next meeting", "next_meeting", None),
        ("send the returns for September to November before the next meeting", "next_meeting", None),
        # a meeting after a break in the calendar: a later meeting, no date
        ("bring the findings to a meeting of the Board after the summer recess", "future_meeting", None),
        # the next report on one subject, with its frequency
        ("set out ward figures in the next quarterly sickness report", "next_update", None),
        # the next meeting with the month it falls in: that meeting, not the month's end
        ("circulate the audit findings before our next meeting of the Forum in October", "next_meeting",
         None),
        ("present the annual accounts to its next meeting in July 2024", "next_meeting", None),
    ],
)
def test_find_due(text: str, kind: str, date: dt.date | None) -> None:
    due = find_due(text, dt.date(2024, 6, 3))
    assert (due.kind, due.date) == (kind, date)


def test_a_weekday_without_a_meeting_date_is_kept_as_written_but_not_dated() -> None:
    due = find_due("would be circulated by Friday", None)
    assert (due.kind, due.date, due.text) == ("none", None, "by Friday")


def test_a_month_without_a_year_or_meeting_date_is_kept_as_written_but_not_dated() -> None:
    due = find_due("would be held in March", None)
    assert (due.kind, due.date, due.text) == ("none", None, "in March")
    assert find_due("at the next meeting in March", None).kind == "next_meeting"


VARIANTS = (
    "The Head of Commissioning said a revised strategy would be circulated to Members.\n"
    "(Action: Head of Commissioning)\n\n"
    "The Corporate Director of Resources confirmed that the figures would be included in the next report.\n\n"
    "The Chair thanked officers for the report, which would be shared with the Health and Wellbeing "
    "Board.\n\n"
    "The Head of Housing said that she would be happy to arrange a briefing for all Members.\n\n"
    "The Panel was informed that a new dashboard will be launched in April.\n\n"
    "Members noted that the Strategy would be refreshed in the autumn.\n"
)


def test_reported_speech_variants(tmp_path: Path) -> None:
    x = _write(tmp_path, VARIANTS, "minutes")
    c = _find(x, "revised strategy")  # no "that" after the reporting verb; marker on its own line
    assert c.text == "circulate a revised strategy to Members"
    assert _actor(x, c.actor) == "Head of Commissioning"
    assert c.span.quote.endswith("(Action: Head of Commissioning)")
    c = _find(x, "next report")
    assert _actor(x, c.actor) == "Corporate Director of Resources" and c.due_kind == "next_update"
    assert _find(x, "Health and Wellbeing Board").text == "share it with the Health and Wellbeing Board"
    assert _actor(x, _find(x, "briefing for all Members").actor) == "Head of Housing"  # "she" is the Head
    _absent(x, "dashboard")  # launching is not something a later meeting is handed
    _absent(x, "refreshed")
    assert len(x.commitments) == 4


def test_inline_resolved_list_pronouns_and_who_said_it() -> None:
    x = _extract(DATA / "commitments", "committee-report-inline-resolved.txt")
    c = _find(x, "breakdown by band")  # "He would provide ...": he is the officer who explained, before
    assert _actor(x, c.actor) == "Assistant Director of Finance"
    c = _find(x, "deep dive")  # "The Head of HR said that a deep dive would come to the next meeting"
    assert _actor(x, c.actor) == "Head of HR" and c.due_kind == "next_meeting"
    assert c.text.startswith("a deep dive into sickness absence to come to")
    c = _find(x, "(ii) the Head of HR submit")  # one decision of several in one RESOLVED sentence
    assert _actor(x, c.actor) == "Head of HR" and c.due_kind == "next_meeting"
    assert c.text == "submit a report on sickness absence to the next meeting"
    c = _find(x, "collection figures by band to all Members")
    assert _actor(x, c.actor) == "Assistant Director of Finance"
    c = _find(x, "Local Plan")
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 3, 31)
    c = _find(x, "comparison with the previous year")
    assert c.due_kind == "next_update"
    assert len(x.commitments) == 6
    _absent(x, "allocations policy")  # Cabinet's business
    _absent(x, "referred to Cabinet")  # a motion not seconded
    _absent(x, "be noted")
    _absent(x, "risk register")  # done


# ---- conditions, alternatives, action notes and later meetings (Welsh and English minute styles)


def test_welsh_minutes_conditional_promise_keeps_its_condition() -> None:
    """'Should the grant be awarded, he would bring options ...' is a commitment of the officer who spoke
    before ('he'), with the condition recorded, not left out as a question."""
    x = _extract(DATA / "commitments", "welsh-scrutiny-conditional.txt")
    c = _find(x, "second round of the scheme")
    assert _actor(x, c.actor) == "Head of Regeneration and Planning"
    assert c.condition == "Should the grant be awarded" and c.due_kind == "future_meeting"


def test_welsh_minutes_alternative_offered_after_a_refusal_is_kept() -> None:
    """'... would not be possible with current staffing; however, he would provide a progress note ... in
    time for the Committee's February meeting': the refusal is not the promise; the alternative is."""
    x = _extract(DATA / "commitments", "welsh-scrutiny-conditional.txt")
    c = _find(x, "active travel network")
    assert _actor(x, c.actor) == "Head of Regeneration and Planning"
    assert c.due_kind == "date" and c.due_date == dt.date(2025, 2, 28)
    assert "quarterly" not in c.text


def test_welsh_minutes_coordinated_predicate_never_takes_an_earlier_speaker() -> None:
    """'The Service Manager, Highways and Transport had no breakdown with him and agreed to ...':
    the actor is that sentence's own subject (the post, now that a comma title is read as one), never the
    councillor who asked in the sentence before."""
    x = _extract(DATA / "commitments", "welsh-scrutiny-conditional.txt")
    c = _find(x, "potholes")
    assert _actor(x, c.actor) == "Service Manager, Highways and Transport"
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 10, 31)


def test_welsh_minutes_response_to_members_and_later_meeting_resolution() -> None:
    """'would get a response to Members' is a promise; 'That the Committee receive a further update ... at
    its meeting in March 2025' is a later meeting's business, due at the end of March."""
    x = _extract(DATA / "commitments", "welsh-scrutiny-conditional.txt")
    c = _find(x, "get a response")
    assert _actor(x, c.actor) == "Head of Regeneration and Planning" and c.due_kind == "next_meeting"
    c = _find(x, "regeneration programme")
    assert c.due_kind == "date" and c.due_date == dt.date(2025, 3, 31)


def test_welsh_minutes_false_forms_are_not_commitments() -> None:
    """A declined request, minutes confirmed as a correct record, a report's description and something
    presented at the meeting itself are never commitments."""
    x = _extract(DATA / "commitments", "welsh-scrutiny-conditional.txt")
    _absent(x, "parking complaints")  # declined: "this would not be possible"
    _absent(x, "correct record")
    _absent(x, "The report covered")
    _absent(x, "winter maintenance plan")  # at the meeting itself
    assert len(x.commitments) == 6


def test_english_action_lines_anywhere_in_a_line_and_officers_to() -> None:
    """'ACTION: Head of Finance to circulate ...' after a sentence on the same line, on its own line, and
    'Officers to provide ...' are commitments; the next meeting's date is not."""
    x = _extract(DATA / "commitments", "english-action-lines.txt")
    c = _find(x, "sundry debts")
    assert _actor(x, c.actor) == "Head of Finance"
    assert c.due_date == dt.date(2024, 9, 30) and c.text.startswith("circulate the list")
    c = _find(x, "waiting list review")
    assert c.due_date == dt.date(2024, 11, 15)
    c = _find(x, "enforcement notices")
    assert c.actor is None and c.due_kind == "next_meeting"
    c = _find(x, "treasury management outturn")
    assert c.due_kind == "next_meeting"
    _absent(x, "19 November 2024")
    _absent(x, "outturn report be noted")
    assert len(x.commitments) == 4


# ---- action logs


def test_scottish_rolling_actions_log_read_as_field_blocks() -> None:
    """A rolling actions log flattened to labelled blocks: each block is a commitment (actor from 'Action
    owner', due from 'Expected completion date', a condition kept) and its completion is evidence."""
    x = _extract(DATA / "commitments", "scottish-rolling-actions-log.txt")
    assert len(x.commitments) == 3
    first, second, third = x.commitments
    assert first.text.startswith("provide a breakdown of temporary accommodation")
    assert _actor(x, first.actor) == "Service Director, Housing" and first.due_date == dt.date(2025, 3, 31)
    assert _actor(x, second.actor) == "Head of Housing Strategy" and second.due_kind == "next_meeting"
    assert second.condition.startswith("If the affordable housing grant")
    assert third.due_date == dt.date(2025, 9, 30)  # "September 2025": the month's last day
    kinds = {p.text.split(":")[0]: p.kind for p in x.progress if p.kind != "agenda"}
    assert kinds[first.text] == "done"  # an actual completion date
    assert kinds[second.text] == "pending"  # "Report on this agenda": not yet delivered
    assert kinds[third.text] == "pending"  # "Not yet due"


def test_ni_action_tracker_table_rows_are_commitments_with_status_evidence() -> None:
    """An HTML tracker (Minute Ref | Action | Responsible Officer | Target date | Progress): each row with a
    deliverable is a commitment, its Progress cell evidence; a forward work programme and a 'Noted' row
    are not commitments."""
    x = _extract(DATA / "commitments", "ni-action-tracker.html")
    assert len(x.commitments) == 3
    c = _find(x, "rates relief")
    assert _actor(x, c.actor) == "Director of Finance" and c.due_date == dt.date(2025, 1, 31)
    assert c.span.quote.startswith("CPR 24/112")  # the minute reference is kept in the evidence
    c = _find(x, "leisure estate")
    assert c.due_date == dt.date(2025, 3, 31)
    c = _find(x, "community wealth fund")
    assert c.due_kind == "future_meeting" and c.condition.startswith("Subject to a successful bid")
    _absent(x, "Annual Governance Statement")
    done = [p for p in x.progress if p.kind == "done"]
    assert [p.text.split(":")[0] for p in done] == [
        "circulate a note on rates relief uptake by business sector to all Members"
    ]
    assert any(p.kind == "pending" and "On hold" in p.text for p in x.progress)
    assert not any(p.kind == "reference" for p in x.progress)  # a log row's status decides what it says


def test_action_log_rows_from_cells_built_directly() -> None:
    """A log whose cells a reader gave (here built by hand, as a plain-text table reader would): the owner
    is read inside its cell, a bare 'Next meeting' cell is the next meeting, a 'Status' of 'Complete' is
    done, a minute reference before the action stays in the quote only; the header row is no commitment."""
    from kg.model import DocMeta, Section, SourceDoc, Span, TableCell

    rows = [
        ["Ref", "Action", "Owner", "Due", "Status"],
        ["A1", "Circulate the sickness absence figures by service", "Head of HR", "Next meeting", "Complete"],
        ["A2", "Minute 7 (14/01/25): Provide a note on the capital programme slippage", "Head of Finance",
         "28/02/2025", "In progress"],
    ]
    text, cells, pos = "Action log\n\n", [], 0
    start = len(text)
    for r, row in enumerate(rows):
        for col, value in enumerate(row):
            pos = len(text)
            text += value + (" | " if col < len(row) - 1 else "\n")
            if r:
                cells.append(TableCell(Span.of(text, pos, pos + len(value)), row[0], rows[0][col], r, col))
    doc = SourceDoc(
        path=Path("log.txt"), name="log.txt", text=text, sha256="x" * 64, format="txt",
        meta=DocMeta(council="Gateshead Council", committee="Audit Committee",
                     meeting_date=dt.date(2025, 1, 14), doc_type="other"),
        sections=(Section("table", start, len(text)),), cells=tuple(cells),
    )
    x = extract(doc)
    assert [c.text for c in x.commitments] == [
        "circulate the sickness absence figures by service",
        "provide a note on the capital programme slippage",
    ]
    first, second = x.commitments
    assert _actor(x, first.actor) == "Head of HR" and first.due_kind == "next_meeting"
    assert second.due_date == dt.date(2025, 2, 28) and "Minute 7 (14/01/25)" in second.span.quote
    assert [p.kind for p in x.progress if p.kind != "agenda"] == ["done", "pending"]


def test_ni_minutes_procedure_titles_and_the_meeting_itself_are_not_commitments() -> None:
    """Northern Ireland minutes: an agenda title ('REPORT TO BE BROUGHT BACK'), a standing rule, a report's
    description and a presentation at this meeting are not commitments; 'It was agreed that officers would
    bring back ...', an '(Action: ...)' marker mid-line and 'agreed to bring a report back' are."""
    x = _extract(DATA / "commitments", "ni-council-minutes.txt")
    _absent(x, "five clear days")
    _absent(x, "The report set out")
    _absent(x, "tourism action plan")
    _absent(x, "approve the draft Leisure Strategy")
    c = _find(x, "leisure strategy consultation")
    assert c.due_kind == "date" and c.due_date == dt.date(2024, 11, 30)
    c = _find(x, "town hall works")
    assert c.text == "provide the revised timetable for the town hall works"
    assert _actor(x, c.actor) == "Head of Estates"
    c = _find(x, "footfall survey")
    assert _actor(x, c.actor) == "Director of Economic Development" and c.due_kind == "next_meeting"
    assert len(x.commitments) == 3


@pytest.mark.parametrize(
    ("status", "done_date", "state"),
    [
        ("Complete", "", "done"),
        ("Closed - note emailed to Members 3/2/2025", "", "done"),
        ("Blue: complete. Picked up at Minute 41; to be removed from the log", "", "done"),
        ("14/02/2025", "", "done"),  # the row's own completion date
        ("Sent to Members", "", "done"),
        ("Presented to the Panel on 9 June", "", "done"),
        ("Not presented yet", "", "pending"),
        ("", "7 May 2025", "done"),  # an actual completion date field closes the row
        ("Report listed on this agenda (item 9)", "7 May 2025", "done"),
        ("Part complete: ward figures sent, costings still with Finance", "", "partial"),
        ("Amber - partially actioned; remainder now expected in July", "", "partial"),
        ("Figures for the north area circulated 2 June. South area figures are being checked; revised "
         "date 31 July.", "", "partial"),
        ("3 of 5 service plans circulated", "", "partial"),
        ("Outstanding - chased by email 2 May", "", "pending"),
        ("On hold until the funding bid is decided", "", "pending"),
        ("Not yet due", "", "pending"),
        ("Ongoing", "", "pending"),
        ("In progress - draft with the Head of Service", "", "pending"),
        ("Green - on the agenda for this evening's meeting (Item 6)", "", "pending"),
        ("For the next agenda", "", "pending"),
        ("Open", "", "pending"),
        ("Board approved the bid 4/03/2025; works under way", "", "pending"),  # a date in passing is no close
        ("Survey closes in the autumn", "", "pending"),  # nothing read as done is not done
        ("", "", ""),
        # a RAG column by letter beside the update column: the update says what
        ("G; Closed - report taken at the June meeting", "", "done"),
        ("A; Draft shared 3/4/2025; final version still awaited", "", "partial"),
        ("R; Not started", "", "pending"),
    ],
)
def test_a_log_rows_status_decides_what_it_says(status: str, done_date: str, state: str) -> None:
    """A status cell's first clause (a RAG word aside) says done, partly done or not done; a done clause
    followed by one saying the rest is awaited is partly done; a completion date closes the row; a status
    that records no delivery is not read as one."""
    from kg.extract.commitments.action_logs import status_state

    assert status_state(status, done_date) == state


def test_an_officer_giving_the_thing_is_a_progress_statement(tmp_path: Path) -> None:
    """'The Head of Service gave an update on ...' (active voice) records the thing given, like the passive
    'had been circulated'; a sentence that gives nothing is no progress statement."""
    x = _write(
        tmp_path,
        "Minutes of the Communities Scrutiny Panel held on 2 June 2025.\n\n"
        "4. LIBRARY SERVICE\n\n"
        "The Head of Libraries gave a short update on the mobile library timetable asked for in March.\n\n"
        "Members discussed the opening hours of branch libraries.\n",
        "minutes",
    )
    done = [p for p in x.progress if p.kind == "done"]
    assert [p.text for p in done] == [
        "The Head of Libraries gave a short update on the mobile library timetable asked for in March"
    ]


def test_a_tracker_whose_reference_and_action_head_each_row_is_read() -> None:
    """'Minute | Action | Responsible Officer | Target date | Progress': the reader gives the reference and
    the action together as the row's label; each keeps its own column's role, so the action is the
    commitment (the reference stays in the quote) and Progress decides the row's kind."""
    x = _extract(DATA / "ledger-logs", "2-2025-04-15-action-tracker.txt")
    assert [c.text for c in x.commitments] == [
        "circulate the litter fine figures by district electoral area to Members",
        "provide a breakdown of the allotment waiting list by site",
        "bring a report on the play park refurbishment programme",
    ]
    assert all(c.span.quote.startswith("EP/25/04") for c in x.commitments)
    assert [p.kind for p in x.progress if p.kind != "agenda"] == ["pending", "done", "pending"]


def test_tracker_rows_owned_and_due_whatever_their_noun_past_dues_keyed_acronym(tmp_path: Path) -> None:
    """A tracker read at a later meeting: a row naming its owner and due is an action even without a
    deliverable word ("Schedule of ...", "Proposals for ..."); "By 31/01/2024" and "End of February 2024"
    are dates though before the meeting; an owner written as an acronym the key below the table expands
    ("HoP - Head of Parks") is that post."""
    text = ("Action tracker\n\n"
            "| Ref | Action | Lead | Due | Update |\n|---|---|---|---|---|\n"
            "| 3/23 | Schedule of bowling green opening hours for each park | HoP | By 31/01/2024 "
            "| Complete |\n"
            "| 5/23 | Proposals for a tree planting scheme on verges | Head of Highways Services | "
            "End of February 2024 | On hold |\n\n"
            "Key: HoP - Head of Parks\n")
    x = _write(tmp_path, text, "other")
    c = _find(x, "bowling green")
    assert _actor(x, c.actor) == "Head of Parks" and c.due_date == dt.date(2024, 1, 31)
    c = _find(x, "tree planting")
    assert _actor(x, c.actor) == "Head of Highways Services" and c.due_date == dt.date(2024, 2, 29)


# ---- offers and decisions about a deliverable (real councils' wording, tests/data/xreal)


def test_an_offer_to_circulate_in_reported_speech_is_a_commitment_of_its_speaker(tmp_path: Path) -> None:
    """"... did not have the figures with her, but she could send the breakdown to Members": an offer, owned
    by the officer the pronoun stands for."""
    text = ("The Head of Revenues said that she did not have the figures with her, but she could "
            "send the breakdown by ward to Members after the meeting.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "breakdown by ward")
    assert c.text.startswith("send the breakdown by ward") and _actor(x, c.actor) == "Head of Revenues"


@pytest.mark.parametrize("text", [
    "Members asked whether the officer could send the breakdown to Members.\n",
    "The service could send reminder letters to tenants earlier in the year.\n",
])
def test_could_without_an_offer_to_the_meeting_is_no_commitment(tmp_path: Path, text: str) -> None:
    """A question about what could be sent, or a possibility with nothing handed to the meeting, is no
    commitment."""
    assert _write(tmp_path, text, "minutes").commitments == ()


def test_a_decision_that_a_later_report_should_include_something_is_a_commitment(tmp_path: Path) -> None:
    """"agreed that the next report to the Committee in May should also include X": a decided deliverable
    with its due month."""
    text = ("Decision\n\nThe Committee noted the report and agreed that the next report to the "
            "Committee in May 2025 should also include the number of appeals by month.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "appeals by month")
    assert "include the number of appeals by month" in c.text and c.due_kind == "date"


def test_real_minutes_offer_and_decided_report_content() -> None:
    """Arun's officer offering to circulate a breakdown and Argyll and Bute's decision that the next report
    include a breakdown are both commitments (tests/data/xreal)."""
    folder = DATA / "xreal"
    arun = _extract(folder, "arun_q3.txt")
    assert _find(arun, "circulate this information").actor is not None
    argyll = _extract(folder, "argyll_attendance.txt")
    assert _find(argyll, "area by area").due_kind == "date"


def test_what_cannot_be_reported_is_no_offer(tmp_path: Path) -> None:
    """"this was not something the service could report on as the figures were held elsewhere": nothing is
    offered."""
    text = ("The Area Manager explained that this was not something the service could report on as the "
            "figures were held by the health board.\n")
    assert _write(tmp_path, text, "minutes").commitments == ()


def test_business_as_usual_in_another_clause_does_not_hide_a_promise(tmp_path: Path) -> None:
    """"Thought could be given to X and he would look into this for a future report": the possibility in the
    first clause does not make the second clause's promise business as usual."""
    text = ("Thought could be given to reporting the causes of delays and he would look into this for a "
            "future report.\n")
    assert _find(_write(tmp_path, text, "minutes"), "future report").text.startswith("look into this")


def test_real_scottish_minutes_a_refusal_is_not_an_offer_and_a_later_promise_is_kept() -> None:
    """Argyll and Bute's scrutiny minutes (tests/data/xreal): what the police could not report on is no
    commitment; "he would look into this for a future report" is one."""
    x = _extract(DATA / "xreal", "argyll_prs.txt")
    assert [c.text for c in x.commitments] == ["look into this for a future report"]


def test_a_promise_s_text_stops_where_another_statement_starts(tmp_path: Path) -> None:
    """"she would send the list to Members, however she could say that demand had risen": the promise is
    sending the list; what follows ", however" is another statement."""
    text = ("The Housing Manager said that she would send the list of void properties to Members, however "
            "she could say that demand had risen.\n")
    c = _find(_write(tmp_path, text, "minutes"), "void properties")
    assert c.text == "send the list of void properties to Members"


def test_real_welsh_minutes_responses_sought_and_circulated_and_an_officer_s_undertakings() -> None:
    """Neath Port Talbot's minutes (tests/data/xreal): "responses would be sought from officers and
    circulated to Members" promises the circulation; "they would get a response from the relevant officers
    to provide to Members" is an officer's promise, not an action note owned by the whole sentence; and
    "committed to obtaining details ... to provide to Members" is an undertaking."""
    folder = DATA / "xreal"
    q4 = _extract(folder, "neathpt_q4.txt")
    assert [c.text for c in q4.commitments] == ["circulate responses to Members"]
    q2 = _extract(folder, "neathpt_q2.txt")
    assert _find(q2, "relevant officers to provide").text.startswith("get a response from")
    assert _find(q2, "committed to obtaining").text.startswith("obtain details")


def test_a_decision_that_nothing_be_submitted_is_no_promise() -> None:
    """Cherwell's minutes (tests/data/xreal): "performance be noted and no recommendations be submitted" is a
    decision to send nothing."""
    assert _extract(DATA / "xreal", "cherwell_kpi.html").commitments == ()


def test_a_stance_with_a_gerund_is_no_promise(tmp_path: Path) -> None:
    """"The Council is committed to providing good services to residents" is a stance; "committed to
    obtaining the figures for Members" after a report verb is an undertaking."""
    x = _write(tmp_path, "The Council is committed to providing good services to residents.\n\n"
               "The Head of Finance committed to obtaining the figures for Members.\n", "minutes")
    assert [c.text for c in x.commitments] == ["obtain the figures for Members"]


def test_a_passive_after_a_relative_pronoun_is_about_the_noun_before_it() -> None:
    """Dundee's minutes (tests/data/xreal): "... done through the Annual Performance Report which would be
    published on the internet" promises to publish the report, not the words before it."""
    x = _extract(DATA / "xreal", "dundee_performance.txt")
    assert [c.text for c in x.commitments] == ["publish the Annual Performance Report on the internet"]


def test_real_moderngov_decision_and_minutes_give_one_promise() -> None:
    """Aberdeen's issue page (tests/data/xreal): the instruction to bring back a report, worded in both the
    "Decision:" and the "Minutes:" block, is one promise; a request to officers recorded in a decision is a
    promise too."""
    x = _extract(DATA / "xreal", "aberdeen_netzero.html")
    assert len(x.commitments) == 1 and x.commitments[0].text.startswith("bring back a report")
    y = _extract(DATA / "xreal", "aberdeen_absence.txt")
    assert [c.text.split()[0] for c in y.commitments] == ["investigate"]


def test_two_short_promises_with_the_same_words_are_both_kept() -> None:
    """Neath Port Talbot's minutes (tests/data/xreal): two officers' answers worded alike, about different
    questions, are two promises."""
    x = _extract(DATA / "xreal", "neathpt_q2.txt")
    assert len([c for c in x.commitments if c.text.startswith("get a response")]) == 2


def test_two_statements_in_one_sentence_and_an_inclusion_inside_the_subject() -> None:
    """Slough's minutes (tests/data/xreal): "future reports would include X and it was agreed that a summary
    of Y, including Z, would be circulated to the Committee" gives two promises, the second about the
    summary."""
    x = _extract(DATA / "xreal", "slough_performance.html")
    assert [c.text.split(",")[0] for c in x.commitments] == [
        "future reports to include a RAG rating for Gold Projects", "circulate a summary of Gold Projects"]


def test_a_date_after_after_is_no_due() -> None:
    """Cheshire East's minutes (tests/data/xreal): data "produced after 31 March" is not due by 31 March."""
    x = _extract(DATA / "xreal", "cheshireeast_scrutiny.txt")
    assert [c.due_kind for c in x.commitments] == ["none"]


@pytest.mark.parametrize("sentence", [
    "The Leader hoped that the funding would be confirmed soon.",
    "It was hoped that the new system would be in place shortly.",
])
def test_a_hope_that_something_will_happen_is_no_promise(tmp_path: Path, sentence: str) -> None:
    """"hoped that X would be done": a hope, not a commitment (as "hoped to" already was)."""
    x = _write(tmp_path, f"Minutes\n\n12. Budget\n\n{sentence}\n", "minutes")
    assert x.commitments == ()


def test_real_resolution_in_the_present_asks_an_officer_to_report_back() -> None:
    """Sheffield's minutes (tests/data/xreal): "That the Committee:- (b) requests the Policy and Improvement
    Officer to investigate ... and report back ... to the next meeting" is that officer's commitment."""
    x = _extract(DATA / "xreal", "sheffield_scrutiny.txt")
    c = _find(x, "report back on possible outcomes")
    assert _actor(x, c.actor) == "Policy and Improvement Officer" and c.due_kind == "next_meeting"
    assert len(x.commitments) == 1


def test_real_passive_promise_standing_alone_carries_on_the_speaker_before() -> None:
    """City of London's actions (tests/data/xreal): "The City Surveyor noted that ... . The report would be
    submitted to the February 2019 meeting." is the City Surveyor's promise; the Town Clerk's notes of things
    done are none."""
    x = _extract(DATA / "xreal", "cityoflondon_actions.txt")
    c = _find(x, "February 2019 meeting")
    assert _actor(x, c.actor) == "City Surveyor" and c.due_date == dt.date(2019, 2, 28)
    assert len(x.commitments) == 1


def test_real_second_of_two_coordinated_clauses_is_the_promise_of_their_reporter() -> None:
    """City of London's matters arising (tests/data/xreal): "the City Surveyor advised that work would be
    conducted during the recess and a further report would be submitted ... in September 2015": the report is
    submitted (not the work), by the City Surveyor, in September 2015."""
    x = _extract(DATA / "xreal", "cityoflondon_recess.txt")
    c = _find(x, "further report")
    assert c.text.startswith("submit a further report to the Projects Sub")
    assert _actor(x, c.actor) == "City Surveyor" and c.due_date == dt.date(2015, 9, 30)


def test_real_coordinated_predicate_without_a_subject_is_no_part_of_the_promise() -> None:
    """Somerset's minutes (tests/data/xreal): "The Chair advised that the response had only just been received
    and would forward on to the Committee Members": forwarding is promised; the clause before is not its
    subject, and the Chair (a role, no post) is no actor."""
    x = _extract(DATA / "xreal", "somerset_council.txt")
    c = _find(x, "forward on")
    assert c.text == "forward on to the Committee Members" and c.actor is None


def test_a_pronoun_after_a_named_speaker_never_reaches_back_to_an_earlier_one(tmp_path: Path) -> None:
    """"The Chair advised that ... and she would forward it": "she" is the Chair, not the officer who spoke in
    the sentence before."""
    text = ("The Head of Waste said that the letter had been sent.\n"
            "The Chair advised that the reply had arrived and she would forward it to Members.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "forward it")
    assert c.actor is None and c.text == "forward it to Members"


def test_a_passive_promise_takes_no_speaker_from_a_question_or_another_paragraph(tmp_path: Path) -> None:
    """Only the reported speech of the sentence before, in the same paragraph, carries on: not a question,
    not a paragraph before."""
    text = ("Councillor Lee asked whether the audit had been finished. The audit report would be "
            "circulated to Members.\n\nThe Head of Finance advised that the audit had started.\n\n"
            "The audit plan would be presented to the next meeting.\n")
    x = _write(tmp_path, text, "minutes")
    assert [(c.actor, c.text[:10]) for c in x.commitments] == [(None, "circulate "), (None, "present th")]



def test_real_subjunctive_subject_holds_no_be_of_its_own() -> None:
    """City of London's minutes (tests/data/xreal): "requested that charges be negotiated, and it was
    suggested that a summary of the completed survey be circulated" asks for the summary (an unanswered
    request, kept with a low confidence), never "circulate charges be negotiated ..."; the officers'
    statements are none."""
    x = _extract(DATA / "xreal", "cityoflondon_repairs.txt")
    assert [c.text for c in x.commitments] == ["circulate a summary of the completed survey to the committee"]
    assert x.commitments[0].confidence <= 0.6


ASSURANCES = (
    "The Head of Housing gave an assurance that the backlog would be cleared by March 2025.\n\n"
    "The Head of Finance assured Members that she would clear the arrears by Friday.\n\n"
    "The Head of Finance gave assurances that the figures would be circulated by the end of the week.\n\n"
    "The Head of Housing assured Members that the service would continue.\n\n"
    "The Head of Housing assured Members that the repairs would be completed.\n\n"
    "The Head of Housing had assured Members that the roof would be repaired by June 2024.\n\n"
    "The Head of Housing gave an assurance that no tenant would be evicted by the end of the year.\n\n"
    "The Head of Housing gave an assurance that the estate would not be sold by March 2025.\n"
)


def test_an_assurance_with_a_due_time_is_its_givers_promise_whatever_the_verb(tmp_path: Path) -> None:
    """"gave an assurance that the backlog would be cleared by March" binds the giver; an assurance with no
    due time, an earlier one ("had assured"), or one that nothing or not something be done binds nobody."""
    x = _write(tmp_path, ASSURANCES, "minutes")
    got = [(c.text, _actor(x, c.actor), c.due_date) for c in x.commitments]
    assert got == [
        ("the backlog to be cleared by March 2025", "Head of Housing", dt.date(2025, 3, 31)),
        ("clear the arrears by Friday", "Head of Finance", dt.date(2024, 5, 17)),  # the meeting is a Monday
        ("circulate the figures by the end of the week", "Head of Finance", dt.date(2024, 5, 17)),
    ]


def test_real_decision_in_its_own_words_a_report_should_come_forward() -> None:
    """Aberdeenshire's area committee (tests/data/xreal): inside "(b) Instructed the ... Officer to write to
    the Director ...", "A report should come forward to the next meeting on 26 September, even if its an
    interim report ..." is a second commitment, due that day (the meeting's own month), its "even if" clause a
    condition cut out of the text."""
    x = _extract(DATA / "xreal", "aberdeenshire_formartine.txt")
    c = _find(x, "come forward")
    assert c.text == "a report to come forward to the next meeting on 26 September"
    assert c.due_date == dt.date(2023, 9, 26) and c.condition.startswith("even if")
    assert _actor(x, _find(x, "write to the Director").actor) == "Area Committee Officer"
    assert len(x.commitments) == 2



def test_real_ni_it_was_agreed_at_a_councillors_request_is_owned_by_no_one() -> None:
    """Newry and Mourne's minutes (tests/data/xreal): "At the request of Councillor Feely it was agreed to
    send a letter of sympathy ..." is the council's action, not the requesting councillor's; "said he would
    appeal to all groups" is no deliverable."""
    x = _extract(DATA / "xreal", "newrymourne_council.txt")
    c = _find(x, "letter of sympathy")
    assert c.actor is None and c.text.startswith("send a letter of sympathy")
    assert len(x.commitments) == 1


def test_real_undertaking_binds_whatever_the_verb_when_it_has_a_due_time(tmp_path: Path) -> None:
    """City of London's outstanding actions (tests/data/xreal): "The Town Clerk undertook to make these
    changes for future reports" is the Town Clerk's commitment, due with the next update; an undertaking of
    no deed ("to be at ...") or with no due time, or an earlier one ("had undertaken"), is none."""
    x = _extract(DATA / "xreal", "cityoflondon_streamline.txt")
    c = _find(x, "make these changes")
    assert _actor(x, c.actor) == "Town Clerk" and c.due_kind == "next_update"
    text = ("The Head of Waste undertook to fix the bins by March 2025.\n\n"
            "The Head of Waste had undertaken to clean the depot by March 2025.\n\n"
            "The Head of Waste promised to be at the next meeting.\n\n"
            "The Head of Waste undertook to tidy the depot.\n")
    y = _write(tmp_path, text, "minutes")
    got = [(c.text, _actor(y, c.actor)) for c in y.commitments]
    assert got == [("fix the bins by March 2025", "Head of Waste")]


def test_a_short_title_reporting_a_passive_promise_is_the_post_named_in_full_before(tmp_path: Path) -> None:
    """"The Director confirmed that the report would be published by Friday": the Director is the Director
    of Housing named in the attendance, as a speaker is; with no such post named before, there is no actor."""
    text = ("Officers present: Jo Bell (Director of Housing), Sam Lee (Head of Finance).\n\n"
            "1. Rents\n\nThe Director confirmed that the report would be published by Friday.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "publish the report")
    assert _actor(x, c.actor) == "Director of Housing" and c.due_date == dt.date(2024, 5, 17)
    y = _write(tmp_path, "1. Rents\n\nThe Director confirmed that the report would be published.\n",
               "minutes")
    assert _find(y, "publish the report").actor is None


def test_real_welsh_relative_clause_with_its_reporter_and_a_decision_in_the_present() -> None:
    """Cardiff's minutes (tests/data/xreal): "issues which the Chairman agreed would be included in the
    letters" includes the issues (not "the Chairman agreed"); "AGREED – That the Chairperson writes to the
    Cabinet Member ..." is a commitment to write (the Chair is a role, no actor)."""
    x = _extract(DATA / "xreal", "cardiff_wayforward.txt")
    assert _find(x, "in the letters").text.startswith("include a number of issues in the letters")
    c = _find(x, "Cabinet Member on behalf")
    assert c.text.startswith("write to the Cabinet Member") and c.actor is None
    assert len(x.commitments) == 2


def test_real_welsh_work_programme_item_due_in_a_season() -> None:
    """Denbighshire's minutes (tests/data/xreal): the follow-up report "would be included on the Committee's
    forward work programme for the spring of 2023" is due then; a group's plan to consider requests after the
    elections is kept only as a doubtful one; what was rescheduled or already circulated is none."""
    x = _extract(DATA / "xreal", "denbighshire_programme.txt")
    c = _find(x, "follow-up report")
    assert c.due_date == dt.date(2023, 4, 30)
    assert _find(x, "consider the requests").confidence <= 0.5
    assert len(x.commitments) == 2


def test_real_views_and_nothing_handed_over_are_no_promises(tmp_path: Path) -> None:
    """North West Leicestershire's minutes (tests/data/xreal): "other Members suggested that this would give
    no indication ..." hands nothing over; "so all comments ... would be considered" is kept only as a
    doubtful plan, its subject after "so". A future in someone's view ("Members felt that the new report would
    be circulated too late") is no promise either."""
    x = _extract(DATA / "xreal", "nwleics_scrutiny.txt")
    _absent(x, "no indication")
    c = _find(x, "all comments")
    assert c.text.startswith("consider all comments made by Committee") and c.confidence <= 0.5
    y = _write(tmp_path, "Members felt that the new report would be circulated too late.\n", "minutes")
    assert y.commitments == ()


def test_real_reporter_in_the_passive_across_a_relative_clause_and_an_aside() -> None:
    """South Kesteven's and City of London's minutes (tests/data/xreal): "It was reported by the Cabinet
    Member for Finance and Resources that this suggestion would be reflected within the report ..., which
    would be presented ... in August" is that Cabinet Member's; "The Town Clerk advised that, in future, the
    ... report would include target dates" is the Town Clerk's."""
    x = _extract(DATA / "xreal", "southkesteven_actions.txt")
    c = _find(x, "in August")
    assert _actor(x, c.actor) == "Cabinet Member for Finance and Resources"
    assert c.due_date == dt.date(2020, 8, 31)
    _absent(x, "good time")  # an assurance someone had been given, with no due time
    y = _extract(DATA / "xreal", "cityoflondon_targets.txt")
    assert _actor(y, _find(y, "target dates").actor) == "Town Clerk"


def test_real_a_body_named_in_full_as_the_agent_is_another_bodys_business() -> None:
    """City of London's minutes (tests/data/xreal): "this would be considered by the Resource Allocation Sub
    (Policy and Resources) Committee in the New Year" is that body's business, not this committee's."""
    x = _extract(DATA / "xreal", "cityoflondon_register.txt")
    _absent(x, "Resource Allocation")
    assert _find(x, "all future meetings").due_kind == "future_meeting"


def test_a_councillors_comment_hands_no_actor_to_the_passive_after_it(tmp_path: Path) -> None:
    """"Councillor Lee said that residents were upset. A letter would be sent to residents.": who will send
    it is open; an officer's report carries on ("The Head of Finance noted that ... . The report would
    be ...")."""
    text = ("Councillor Lee said that residents were upset. A letter would be sent to residents.\n\n"
            "The Head of Finance noted that the audit had started. The audit report would be circulated to "
            "Members.\n")
    x = _write(tmp_path, text, "minutes")
    assert _find(x, "letter").actor is None
    assert _actor(x, _find(x, "audit report").actor) == "Head of Finance"


def test_real_separable_phrasal_verb_and_a_correction_to_the_attendance() -> None:
    """Kent's minutes (tests/data/xreal): "Mr Sass undertook to follow these two issues up and inform Members
    accordingly" is his (a vague promise, kept with a lower confidence); a name to be added to the list of
    Members present is corrected at the meeting, and "the meeting held on 23 July" is no due date."""
    x = _extract(DATA / "xreal", "kent_minutes.txt")
    c = _find(x, "follow these two issues up")
    assert _actor(x, c.actor) == "Mr Sass" and c.confidence <= 0.7
    _absent(x, "list of Members present")
    assert all(c.due_date is None for c in x.commitments)


def test_a_later_part_of_a_resolved_list_without_its_own_that_is_a_decision(tmp_path: Path) -> None:
    """"RESOLVED that (a) the report be noted; and (b) a further report be submitted to the next meeting": the
    second part, with no "that" of its own, is a commitment due at the next meeting; noting is none."""
    text = "RESOLVED that (a) the report be noted; and (b) a further report be submitted to the next meeting."
    x = _write(tmp_path, text, "minutes")
    assert [(c.text, c.due_kind) for c in x.commitments] == [
        ("submit a further report to the next meeting", "next_meeting")]



NI_AND_GAPPED = (
    "Present: Jo Bell (Director of Environment), Sam Reid (Head of Leisure).\n\n"
    "5. Leisure Centres\n\n"
    "AGREED: that officers bring a report on opening hours to the October meeting of the Committee.\n\n"
    "Agreed: The Head of Leisure to write to the Department regarding the pitch funding.\n\n"
    "6. Parks\n\n"
    "The Director of Environment advised that the play park survey would be completed by the end of "
    "September and the results shared with Members.\n"
)


def test_owner_words_decision_labels_and_a_gapped_second_passive(tmp_path: Path) -> None:
    """"AGREED: that officers bring a report ..." (an owner word, not a name), "Agreed: The Head of Leisure to
    write to ..." (a label before the action note) and "the survey would be completed by September and the
    results shared with Members" (the second passive's "would be" left out) are each a commitment."""
    x = _write(tmp_path, NI_AND_GAPPED, "minutes")
    assert _find(x, "opening hours").due_date == dt.date(2024, 10, 31)
    assert _actor(x, _find(x, "pitch funding").actor) == "Head of Leisure"
    c = _find(x, "results")
    assert c.text == "share the results with Members" and _actor(x, c.actor) == "Director of Environment"
    assert c.due_date == dt.date(2024, 9, 30)


def test_a_deed_an_assurance_promised_is_recorded_done_when_minuted_done(tmp_path: Path) -> None:
    """"the bulky waste backlog had been cleared" records done the deed of an assurance ("would be cleared by
    June"), as "had been circulated" records a deliverable; "had not been cleared" records nothing."""
    text = ("The Head of Waste reported that the bulky waste backlog had been cleared.\n\n"
            "The Head of Waste reported that the garden waste backlog had not been cleared.\n")
    x = _write(tmp_path, text, "minutes")
    assert [(p.kind, p.text[-30:]) for p in x.progress if p.kind == "done"] == [
        ("done", "bulky waste backlog had been cleared"[-30:])]


def test_real_an_offer_in_the_passive_is_kept_with_its_reporter(tmp_path: Path) -> None:
    """City of London's minutes (tests/data/xreal): "... and a specific breakdown could be provided to RCC
    members detailing ..." offers the breakdown (its own "could be" is no hedge); "the figures could be
    circulated to Members after the meeting" is the Head of Finance's offer; "could not be provided" and "no
    breakdown could be provided" offer nothing."""
    x = _extract(DATA / "xreal", "cityoflondon_assets.txt")
    assert _find(x, "specific breakdown").text.startswith("provide a specific breakdown to RCC members")
    text = ("The Head of Finance said that the figures could be circulated to Members after the meeting.\n\n"
            "The Head of Finance said that the data could not be provided to Members.\n\n"
            "The Head of Finance said that no breakdown could be provided to Members.\n")
    y = _write(tmp_path, text, "minutes")
    got = [(c.text, _actor(y, c.actor), c.confidence) for c in y.commitments]
    assert got == [("circulate the figures to Members after the meeting", "Head of Finance", 0.7)]


def test_a_marker_after_the_full_stop_leaves_no_bracket_in_the_promise(tmp_path: Path) -> None:
    """"... before the budget meeting. (Action: Head of Finance)": the promise's words end at "meeting"."""
    text = ("The Head of Finance stated that she would be happy to provide a written briefing for Members "
            "before the budget meeting. (Action: Head of Finance)\n")
    x = _write(tmp_path, text, "minutes")
    want = "provide a written briefing for Members before the budget meeting"
    assert [c.text for c in x.commitments] == [want]


def test_a_decision_to_request_a_report_is_a_later_meetings_business(tmp_path: Path) -> None:
    """Scottish style: "The Committee agreed to note the update and to request a report on teacher numbers to
    its next meeting" asks for a report due at the next meeting; noting the update is none."""
    text = ("Decision\n\nThe Committee agreed to note the update and to request a report on teacher numbers "
            "to its next meeting.\n")
    x = _write(tmp_path, text, "minutes")
    assert [(c.text, c.due_kind) for c in x.commitments] == [
        ("provide a report on teacher numbers to its next meeting", "next_meeting")]


def test_a_promise_wrapped_over_lines_as_pdfs_give_it_is_found_with_its_actor(tmp_path: Path) -> None:
    """A PDF's hard-wrapped minute (every line filled to one width): the promise, its actor's title and its
    due time cross line breaks; the commitment is found whole and its quote is the text as written."""
    import textwrap

    para = ("Councillor Gow asked why registrations had risen. The Chief Social Work Officer responded that "
            "the increase reflected a small number of sibling groups. He agreed to bring a report on the "
            "placement plan to a future meeting of the Committee after the summer recess.")
    lines = textwrap.wrap(para, 72)
    assert any(line.endswith("Social Work") for line in lines)  # the title is split by the wrap
    head = "Minutes of the Education Committee held on 3 September 2024\n\n4. Looked after children\n\n"
    (tmp_path / "m.txt").write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    x = _extract(tmp_path, "m.txt")
    c = _find(x, "placement plan")
    assert c.actor == "post:Chief Social Work Officer" and c.due_kind == "future_meeting"
    assert c.span.quote == x.doc.text[c.span.start:c.span.end] and "\n" in c.span.quote


def test_a_request_accepted_in_its_own_sentence_is_owned_by_who_accepted(tmp_path: Path) -> None:
    """"Members requested that the void figures be circulated, which the Head of Housing agreed to do": one
    commitment, the Head of Housing's, its words the request's."""
    text = ("Present: Ann Cole (Head of Housing).\n\n"
            "Members requested that the void figures be circulated, which the Head of Housing agreed to do.")
    x = _write(tmp_path, text, "minutes")
    got = [(c.text, _actor(x, c.actor), c.confidence) for c in x.commitments]
    assert got == [("circulate the void figures", "Head of Housing", 0.85)]


def test_a_condition_with_no_comma_ends_where_the_promise_begins(tmp_path: Path) -> None:
    """"The Head of Housing advised that if funding was secured a further report would be brought to the
    Committee": a conditional promise, its condition "if funding was secured", its words the report's."""
    text = ("Present: Ann Cole (Head of Housing).\n\nThe Head of Housing advised that if funding was "
            "secured a further report would be brought to the Committee.\n")
    x = _write(tmp_path, text, "minutes")
    got = [(c.text, c.condition, _actor(x, c.actor)) for c in x.commitments]
    assert got == [("bring a further report to the Committee", "if funding was secured", "Head of Housing")]


def test_a_deliverable_joined_to_the_first_verb_and_a_hedge_inside_whether(tmp_path: Path) -> None:
    """"she would look at whether the figures could be broken down by parish and report back to Members":
    reporting back is promised (joined to the first verb); the "could be" inside "whether ..." hedges what is
    looked at, not the promise."""
    text = ("Present: Ann Cole (Head of Planning).\n\nThe Head of Planning confirmed that she would look at "
            "whether the figures could be broken down by parish and report back to Members.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "report back to Members")
    assert c.text.startswith("look at whether the figures") and _actor(x, c.actor) == "Head of Planning"


def test_a_completion_counted_as_a_share_is_a_figure_not_a_deed_done(tmp_path: Path) -> None:
    """"98% of contacts were completed within one working day" reports performance; "the backlog had been
    cleared" records the deed (evidence the ledger may match against an assurance)."""
    (tmp_path / "m.txt").write_text(
        "Minutes of the Cabinet held on 4 March 2025\n\n5. Performance\n\n"
        "The Director reported that 98% of contacts were completed within one working day. "
        "She added that the planning backlog had been cleared in February.\n", encoding="utf-8")
    x = _extract(tmp_path, "m.txt")
    done = [p.text for p in x.progress if p.kind == "done"]
    assert any("backlog" in t for t in done) and not any("98%" in t for t in done)


def test_real_promise_in_the_answer_after_a_question_in_one_sentence() -> None:
    """Huntingdonshire's minutes (tests/data/xreal): "X enquired what ..., following which the Panel were
    informed that a detailed answer would be sought and reported back" promises the answer (to the Panel, by
    an unnamed officer); "targets would be applied if deemed appropriate" is no promise."""
    x = _extract(DATA / "xreal", "huntingdonshire_targets.txt")
    assert _find(x, "detailed answer").actor is None
    _absent(x, "more ambitious targets")


def test_a_question_without_an_answer_after_it_is_still_no_promise(tmp_path: Path) -> None:
    """"Councillor A asked whether a report would be brought back" asks a question; it promises nothing."""
    x = _write(tmp_path, "5. Budget\n\nCouncillor Avery asked whether a report would be brought back to the "
               "Committee in March.\n", "minutes")
    assert x.commitments == ()



def test_real_undertaking_to_find_out_what_could_be_done() -> None:
    """Carmarthenshire's minutes (tests/data/xreal): "The Policy and Partnership Officer agreed to ascertain
    what could be done to ensure ..." is a (vague) promise of that officer: the "could be" belongs to what is
    to be found out, not to the promise."""
    x = _extract(DATA / "xreal", "carmarthenshire_strategy.txt")
    c = _find(x, "ascertain what could be done")
    assert _actor(x, c.actor) == "Policy and Partnership Officer" and c.confidence < 0.9
    assert _actor(x, _find(x, "provide details of the areas").actor) == "Policy and Partnership Officer"



def test_a_hedge_outside_a_what_clause_still_hedges(tmp_path: Path) -> None:
    """"would look into the signs where appropriate" stays business as usual; "would look into what could be
    done about the signs" is a promise (its "could be" is inside what is to be looked into)."""
    x = _write(tmp_path, "5. Budget\n\nThe Head of Finance would look into the signs where appropriate.\n\n"
               "The Head of Finance would look into what could be done about the signs.\n", "minutes")
    assert [c.text for c in x.commitments] == ["look into what could be done about the signs"]


def test_a_proposal_carried_that_names_its_owner_is_a_promise(tmp_path: Path) -> None:
    """"It was proposed by X, seconded by Y and agreed that the Head of Parks write to the residents" is the
    Head of Parks' promise; "agreed that officers bring back a report to the next meeting" is one with no
    named owner; "agreed that the figures provide a useful picture" promises nothing."""
    text = ("6. Parks\n\nIt was proposed by Councillor Boyd, seconded by Councillor Quinn and agreed that "
            "the Head of Parks write to the residents.\n\n7. Play\n\nIt was agreed that officers bring back "
            "a report on play parks to the next meeting.\n\n8. Other\n\nThe Committee agreed that the "
            "figures provide a useful picture.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "write to the residents").actor) == "Head of Parks"
    assert _find(x, "report on play parks").due_kind == "next_meeting"
    _absent(x, "useful picture")


def test_real_promise_over_a_list_ends_without_its_colon() -> None:
    """Mid Devon's minutes (tests/data/xreal): "... stated she would provide a written response:" over the
    questions listed is the Director's promise to "provide a written response" (no colon left over)."""
    x = _extract(DATA / "xreal", "middevon_performance.txt")
    c = _find(x, "written response")
    assert c.text == "provide a written response"
    assert _actor(x, c.actor) == "Director of Business Improvement and Operations"


def test_a_deliverable_sent_in_the_perfect_is_recorded_done(tmp_path: Path) -> None:
    """"The Head of Parks had circulated figures on vandalism repairs to Members" records a delivery (evidence
    for the ledger); "had not circulated" and "had considered the report" record none."""
    text = ("2. Matters arising\n\nThe Head of Parks had circulated figures on vandalism repairs.\n\n"
            "The Head of Parks had not circulated the inspection figures.\n\n"
            "Members had considered the report on play areas.\n")
    x = _write(tmp_path, text, "minutes")
    done = [p.text for p in x.progress if p.kind == "done"]
    assert done == ["The Head of Parks had circulated figures on vandalism repairs"]


# ---- held-out constructions (session 10): who promised, what "this" is, answers that accept or not


def test_actor_past_a_relative_clause_and_reported_speech_after_a_semicolon(tmp_path: Path) -> None:
    """"the Head of Leisure, who had sent her apologies, would provide ..." is the Head's promise; "X said
    the figures came from the NHS; if it agreed, they would be included in the next report" is X's."""
    text = ("Minutes\n\n4. Leisure\n\nCouncillor Reid asked about pool closures. The Director of "
            "Communities said that the Head of Leisure, who had sent her apologies, would provide a list "
            "of closures to the next meeting.\n\n5. Health\n\nCouncillor Reid asked about GP waits. The "
            "Head of Public Health said the figures came from the NHS; if the Trust agreed, GP waiting "
            "times would be included in the next quarterly report.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "list of closures").actor) == "Head of Leisure"
    c = _find(x, "GP waiting times")
    assert _actor(x, c.actor) == "Head of Public Health" and c.due_kind == "next_update"


def test_this_is_what_was_asked_and_the_cabinet_member_is_the_post_named_before(tmp_path: Path) -> None:
    """"He would look into this" after "asked whether X" looks into whether X; "the Cabinet Member ... she
    would write to the Minister" is the Cabinet Member named in the attendance; "undertook to bring" is
    no gerund."""
    text = ("Minutes\n\nPresent: Councillor Ames (Cabinet Member for Transport)\n\n4. Buses\n\n"
            "Councillor Reid asked whether bus shelters could carry live timetables. The Head of "
            "Transport said he would look into this with the operators.\n\nThe Cabinet Member said that "
            "she would write to the Minister about rural bus funding.\n\nThe Head of Transport undertook "
            "to bring the shelter audit to the first meeting of the new municipal year.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "live timetables")
    assert c.text == "look into whether bus shelters could carry live timetables with the operators"
    assert _actor(x, c.actor) == "Head of Transport"
    assert _actor(x, _find(x, "Minister").actor) == "Cabinet Member for Transport"
    c = _find(x, "shelter audit")
    assert _actor(x, c.actor) == "Head of Transport" and c.due_kind == "future_meeting"


def test_a_thing_named_again_by_its_noun_is_the_one_named_in_full_before(tmp_path: Path) -> None:
    """"Councillor X asked when the revised Local Flood Risk Strategy would be published. The Flood Risk
    Manager said she would bring the revised strategy ...": the promise names which strategy; "the next
    meeting" is never widened, nor a noun named in another paragraph."""
    text = ("Minutes\n\n5. Flooding\n\nCouncillor Hale asked when the revised Local Flood Risk Strategy "
            "would be published. The Flood Risk Manager said that she would bring the revised strategy to "
            "the next meeting.\n\nCouncillor Orme asked about the residents' parking permit scheme in "
            "Eastgate. "
            "The Head of Highways explained that a consultation had closed. He undertook to circulate an "
            "evaluation of the scheme by 30 June 2024.\n\nThe Head of Highways noted the gully cleansing "
            "programme.\n\nHe would bring a review of the programme to a future meeting.\n")
    x = _write(tmp_path, text, "minutes")
    assert _find(x, "strategy").text == "bring the revised Local Flood Risk Strategy to the next meeting"
    assert _find(x, "scheme").text == \
        "circulate an evaluation of the residents' parking permit scheme by 30 June 2024"
    assert _find(x, "programme").text == "bring a review of the programme to a future meeting"


def test_a_named_subject_with_a_verb_of_its_own_before_and_undertook_is_the_actor(tmp_path: Path) -> None:
    """"The Head of Parks acknowledged the backlog and undertook to circulate ...": the opening subject
    promised, past its own verb and object."""
    text = ("Minutes\n\n4. Parks\n\nCouncillor Ames asked how many tree works had been delayed. The Head of "
            "Parks acknowledged the backlog and undertook to circulate a list of delayed tree works by ward "
            "before the next meeting.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "delayed tree works").actor) == "Head of Parks"


def test_a_titled_report_noted_is_no_owner_reporting(tmp_path: Path) -> None:
    """"RESOLVED that the Treasury Management Mid-Year Report for 2024/25 be noted": "Report" is the title's
    noun, not a decision that someone report; "that the Head of Finance report back ..." still is one."""
    text = ("Minutes\n\n6. Treasury\n\nRESOLVED that the Treasury Management Mid-Year Report for 2024/25 be "
            "noted.\n\n7. Risk\n\nIt was moved by Councillor Reid, seconded by Councillor Ames and agreed "
            "that "
            "the Corporate Risk Report be noted.\n\n8. Reserves\n\nRESOLVED that the Head of Finance report "
            "back on the use of reserves to the next meeting.\n")
    x = _write(tmp_path, text, "minutes")
    _absent(x, "be noted")
    assert _find(x, "reserves").due_kind == "next_meeting"


def test_as_promised_points_back_to_an_earlier_promise(tmp_path: Path) -> None:
    """"The Head of Libraries introduced the opening hours review, as promised to the Panel in June": the
    clause points back to a promise kept at this meeting; it is no new one (nor is "as undertaken")."""
    text = ("Minutes\n\n7. Libraries\n\nThe Head of Libraries introduced the opening hours review, as "
            "promised to the Panel in June. The review set out three options.\n\nThe Head of Libraries "
            "presented the stock report, as undertaken at the last meeting.\n\nThe Head of Libraries "
            "undertook to circulate the visitor survey by 30 June 2024.\n")
    x = _write(tmp_path, text, "minutes")
    assert [c.text for c in x.commitments] == ["circulate the visitor survey by 30 June 2024"]


def test_requests_answered_without_acceptance_and_predictions_are_no_promises(tmp_path: Path) -> None:
    """A request answered by a named officer who does not accept it is none, one answered "The X agreed."
    is the X's; what a contract will do, minutes "confirmed and signed", and a verb with nothing named to
    deliver ("which the Trust has agreed to share") are no commitments."""
    text = ("Minutes\n\n3. Minutes\n\nProposed by Councillor Reid, seconded by Councillor Ames and agreed "
            "that the minutes of the last meeting be confirmed and signed.\n\n4. Parks\n\n"
            "Councillor Reid asked that the parks report be brought to every meeting. The Head of Parks "
            "said that quarterly reporting was enough.\n\n"
            "Councillor Ames asked that a note on tree felling be circulated to Members. The Head of Parks "
            "agreed.\n\n"
            "The Head of Parks said that the new grounds contract, which starts on 1 June 2024, would "
            "bring grass cutting back in-house.\n\n"
            "The Head of Parks noted the bowls data, which the Trust has agreed to share.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "tree felling").actor) == "Head of Parks"
    for words in ("confirmed and signed", "every meeting", "in-house", "agreed to share"):
        _absent(x, words)


def test_looking_at_whether_a_thing_joined_by_and_could_be_done_is_a_weak_promise(tmp_path: Path) -> None:
    """"would look at whether a review of rents and service charges could be included in a future plan": a
    promise (kept with lower confidence), not hedged by the "could be" inside what is looked at."""
    text = ("Minutes\n\n4. Housing\n\nThe Head of Housing said he would look at whether a review of rents "
            "and service charges could be included in a future audit plan.\n")
    c = _find(_write(tmp_path, text, "minutes"), "rents and service charges")
    assert c.text.startswith("look at whether a review") and c.confidence < 0.9


def test_minute_items_are_evidence_of_what_came_and_a_tracker_status_update_column_is_read(
        tmp_path: Path) -> None:
    """A minute's item heading ("5. Play Area Strategy - Options Appraisal") is a progress statement of what
    came to the meeting (an agenda's items are not: they are still to come); a tracker's "Status /
    update" column is its status, and "letter sent; reply awaited" records the letter done."""
    minutes = ("Minutes\n\n5. Play Area Strategy - Options Appraisal\n\n"
               "The Head of Parks presented the options.\n")
    x = _write(tmp_path, minutes, "minutes")
    assert [p.text for p in x.progress if p.kind == "agenda"] == ["Play Area Strategy - Options Appraisal"]
    agenda = ("Agenda\n\n4. Apologies\n\n5. Play Area Strategy - Options Appraisal\n\n"
              "6. Cemetery Fees Review\n")
    x = _write(tmp_path, agenda, "agenda")
    assert not [p for p in x.progress if p.text == "Cemetery Fees Review"]
    tracker = ("Action tracker\n\n| Ref | Action | Owner | Due | Status / update |\n|---|---|---|---|---|\n"
               "| 7/24 | Write to the water company about flooding at Mill Lane | Leader of the Council | - "
               "| Complete - letter sent 02/02/2024; reply awaited |\n")
    x = _write(tmp_path, tracker, "other")
    assert [p.kind for p in x.progress if "flooding" in p.text] == ["done"]


def test_at_the_panels_request_refers_back(tmp_path: Path) -> None:
    """"A table of burial fees, added at the Panel's request in May, ..." points back to the request."""
    text = ("Performance report\n\n1. Summary\n\nA table of burial fees by cemetery, added at the Panel's "
            "request in May, appears in Appendix B.\n")
    x = _write(tmp_path, text, "report")
    assert [p.kind for p in x.progress if "burial fees" in p.text] == ["reference"]


def test_members_asked_to_act_after_a_connective_is_no_promise(tmp_path: Path) -> None:
    """"In addition, Members were asked to consider ...": the meeting is addressed, a connective before it
    changes nothing; nobody promised anything."""
    text = "In addition, Members were asked to consider topics for the next round of reviews.\n"
    assert _write(tmp_path, text, "minutes").commitments == ()


def test_real_english_minutes_members_asked_to_suggest_topics_is_no_promise() -> None:
    """Ryedale's minutes (tests/data/xreal): Members asked to consider topics is no commitment; the resolution
    that scoping reports come to a future meeting is one."""
    x = _extract(DATA / "xreal", "ryedale_reviews.txt")
    _absent(x, "consider topics")
    assert _find(x, "scoping reports").due_kind == "future_meeting"


def test_a_promise_s_text_stops_at_a_joined_clause_with_its_own_subject(tmp_path: Path) -> None:
    """"a report would be brought to the next meeting, and Members were told that ...": the promise ends at
    the comma; a joined "and how it was compiled" stays part of what is promised."""
    text = ("Minutes\n\nA further report would be brought to the next meeting, and Members were told that "
            "the survey had closed.\n\nThe Director agreed to circulate the figures for each ward, and how "
            "they were compiled.\n")
    x = _write(tmp_path, text, "minutes")
    assert _find(x, "further report").text == "bring a further report to the next meeting"
    assert _find(x, "each ward").text.endswith("and how they were compiled")


def test_an_opener_without_its_comma_is_no_part_of_a_passive_promise(tmp_path: Path) -> None:
    """"As part of this process the targets will be reviewed": what is promised is reviewing the targets."""
    text = "Minutes\n\nAs part of this process the planning targets will be reviewed by the service.\n"
    assert _find(_write(tmp_path, text, "minutes"), "planning targets").text.startswith(
        "review the planning targets")


def test_real_english_minutes_targets_reviewed_in_a_service_review() -> None:
    """West Lancashire's minutes (tests/data/xreal): the promise to review the indicator targets starts at
    its subject, not at "As part of this process"."""
    x = _extract(DATA / "xreal", "westlancs_q1.txt")
    found = _find(x, "Performance Indicator targets")
    assert found.text.startswith("review the Performance Indicator targets")


def test_a_request_the_officer_agreed_that_could_be_met_is_owned_by_the_officer(tmp_path: Path) -> None:
    """"asked that fly-tipping figures be broken down by ward. The Head of Waste agreed that this could be
    done from the next quarter." accepts the request; "... agreed that this could not be done" does not."""
    text = ("Minutes\n\n4. Waste\n\nCouncillor Reid asked that fly-tipping figures be broken down by ward. "
            "The Head of Waste agreed that this could be done from the next quarter.\n\n5. Parks\n\n"
            "Councillor Ames asked that park toilets be listed in the report. The Head of Parks agreed that "
            "this could not be done.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "by ward").actor) == "Head of Waste"
    _absent(x, "park toilets")


def test_a_request_answered_with_a_promise_is_owned_by_who_answered(tmp_path: Path) -> None:
    """"asked that the grit bin list be circulated. The Head of Highways said that this would be done by
    Friday.": one commitment, the request's words, owned by the Head, due that Friday."""
    text = ("Minutes\n\n4. Highways\n\nCouncillor Reid asked that the grit bin list be circulated to "
            "Members. The Head of Highways said that this would be done by Friday.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "grit bin")
    assert c.text == "circulate the grit bin list to Members" and _actor(x, c.actor) == "Head of Highways"
    assert c.due_date == dt.date(2024, 5, 17) and len(x.commitments) == 1


def test_a_request_answered_by_a_promise_in_its_own_words_is_that_promise(tmp_path: Path) -> None:
    """"asked for the figures to be broken down by ward. The Head of Waste undertook to provide a breakdown of
    fly-tipping by ward to the next meeting.": one commitment, the answer's; "said she would circulate
    them" carries the request's words instead."""
    text = ("Minutes\n\n4. Waste\n\nCouncillor Reid asked for the figures to be broken down by ward. "
            "The Head of Waste undertook to provide a breakdown of fly-tipping by ward to the next "
            "meeting.\n\n"
            "5. Parks\n\nCouncillor Ames asked that the bowls survey be circulated to Members. The Head of "
            "Parks said she would circulate them.\n")
    x = _write(tmp_path, text, "minutes")
    assert sorted(c.text for c in x.commitments) == [
        "circulate the bowls survey to Members",
        "provide a breakdown of fly-tipping by ward to the next meeting"]
    assert _actor(x, _find(x, "bowls survey").actor) == "Head of Parks"


def test_real_minutes_a_noting_decision_before_an_action_line_is_no_action() -> None:
    """Clackmannanshire's minute (tests/data/xreal): "The Committee agreed to note the actions contained in
    the action plan." then "Action: <name>, Director of ..." names who keeps the plan: no action."""
    assert _extract(DATA / "xreal", "clackmannanshire_pfa.txt").commitments == ()


def test_a_noting_decision_with_a_request_in_it_still_takes_the_action_line(tmp_path: Path) -> None:
    """"The Committee noted the report and asked for a breakdown by ward." then "Action: Head of Waste": the
    request is an action, owned by the Head; "agreed to note" alone, with its own action line, is none."""
    text = ("Minutes\n\n4. Waste\n\nThe Committee noted the report and asked for a breakdown by ward.\n\n"
            "Action: Head of Waste\n\n5. Parks\n\nThe Committee agreed to note the parks action plan.\n\n"
            "Action: Head of Parks\n")
    x = _write(tmp_path, text, "minutes")
    assert len(x.commitments) == 1 and _actor(x, _find(x, "by ward").actor) == "Head of Waste"


def test_real_minutes_a_decision_to_consider_the_report_is_the_meetings_own_act() -> None:
    """Shropshire's Cabinet (tests/data/xreal): "That the key ... issues in the report ... be considered" is
    Cabinet's own act at the meeting; "That the performance portal be reviewed" and the Chief Executive's
    written response are still commitments."""
    x = _extract(DATA / "xreal", "shropshire_q1.txt")
    _absent(x, "key underlying")
    _find(x, "performance portal")
    assert _actor(x, _find(x, "written response").actor) == "Chief Executive"


def test_a_decision_to_consider_something_later_or_elsewhere_is_still_a_commitment(tmp_path: Path) -> None:
    """"That the revised plan be considered at the next meeting" is owed to a later meeting: a commitment."""
    text = "Minutes\n\n4. Plans\n\nRESOLVED that the revised plan be considered at the next meeting.\n"
    x = _write(tmp_path, text, "minutes")
    assert [c.text for c in x.commitments] == ["consider the revised plan at the next meeting"]


def test_real_minutes_a_recurring_schedule_is_business_as_usual() -> None:
    """Lincoln's housing minutes (tests/data/xreal): "benchmarking comparisons would be provided annually at
    each fourth quarter" says how reporting runs, not a promise made at the meeting."""
    _absent(_extract(DATA / "xreal", "lincoln_housing.txt"), "benchmarking")


def test_real_minutes_a_promise_after_a_closed_bracket_has_its_own_subject() -> None:
    """Reading's minutes (tests/data/xreal): "... was given at the meeting (Q4 ... ; June - 90%) and a full
    report would be given at the next meeting": the promise is the full report's, due at the next meeting."""
    x = _extract(DATA / "xreal", "reading_foi.txt")
    assert [(c.text, c.due_kind) for c in x.commitments] == [
        ("give a full report at the next meeting", "next_meeting")]


def test_real_decision_an_owner_with_a_bracketed_area_takes_the_action() -> None:
    """Tendring's decision record (tests/data/xreal): "(b) That the Corporate Director (Corporate Services)
    provide the Members ... with a copy of the most current report": the post, area and all, owns it."""
    x = _extract(DATA / "xreal", "tendring_2013.txt")
    c = _find(x, "most current report")
    assert _actor(x, c.actor) == "Corporate Director (Corporate Services)"


def test_an_action_line_restating_the_promise_before_it_is_one_commitment(tmp_path: Path) -> None:
    """"GD agreed to hold a workshop." then "Action: GD to hold a Members' workshop on ... by 30 May": the
    action line restates the promise with its due date, so it is one commitment; a different action is not."""
    x = _write(tmp_path, (
        "Officers: Head of Planning - Gary Dunmore (GD)\n\n"
        "4  Local Plan review\nCllr Patel asked when the revised housing sites would be published. "
        "GD agreed to hold a workshop.\nAction: GD to hold a Members' workshop on the housing sites by "
        "30 May 2024.\nGD undertook to check the flood data.\nAction: GD to publish the consultation "
        "timetable.\n"), "minutes")
    c = _find(x, "workshop")
    assert c.due_date == dt.date(2024, 5, 30) and c.actor == "officer:Gary Dunmore"
    assert _find(x, "flood data").actor == "officer:Gary Dunmore"
    assert len(x.commitments) == 3


def test_a_status_and_progress_column_says_whether_each_row_was_done(tmp_path: Path) -> None:
    """A pipe-table log headed "Status / progress": "Complete - ..." rows are recorded done and "Under way"
    rows pending, as under a plain "Status" head."""
    x = _write(tmp_path, (
        "Action log\n\n| No | Action | Officer | Due | Status / progress |\n|---|---|---|---|---|\n"
        "| 1 | Send Members the list of closed public toilets | Head of Facilities | June 2025 | "
        "Complete - emailed 3 June |\n"
        "| 2 | Report on the market hall lease | Estates Manager | September "
        "2025 | Under way, report drafted |\n"),
        "other")
    assert len(x.commitments) == 2
    done = [p for p in x.progress if p.kind == "done"]
    assert len(done) == 1 and "public toilets" in done[0].span.quote
    assert any(p.kind == "pending" and "market hall" in p.span.quote for p in x.progress)


def test_a_request_met_in_line_with_the_committee_s_request_points_back(tmp_path: Path) -> None:
    """"In line with the Panel's request, the update gave ..." points back to an earlier request:
    a reference the follow-up ledger can match to the promise."""
    x = _write(tmp_path, (
        "7  Quarter 1 performance\nIn line with the Panel's request, the update gave bus "
        "punctuality for each of the four corridors.\n"), "minutes")
    assert any(p.kind == "reference" and "four corridors" in p.text for p in x.progress)


def test_a_passive_promise_after_a_condition_carries_the_speaker_before_it(tmp_path: Path) -> None:
    """"The Head of Leisure explained that ... . If the lottery bid succeeded, a report on ... would be
    brought to the Panel's June meeting.": the condition opening the sentence does not stop the passive
    promise from carrying on the reported speech of the sentence before."""
    x = _write(tmp_path, (
        "5  Swimming pools\nCouncillor Ash asked about the learner pool. The Head of Leisure explained that "
        "the repairs depended on outside money. If the lottery bid succeeded, a report on reopening the "
        "learner pool would be brought to the Panel's June 2024 meeting.\n"), "minutes")
    c = _find(x, "learner pool")
    assert _actor(x, c.actor) == "Head of Leisure" and c.condition.startswith("If the lottery bid")


def test_a_log_s_due_cell_naming_a_past_month_s_meeting_is_its_due_date() -> None:
    """A log read after its actions fell due: a Due cell "October 2025 meeting" (no article) is that month's
    end, as "Before 10/11/2025" is its date, though the log's own meeting comes later."""
    from kg.extract.commitments.due import due_of_cell

    due = due_of_cell("October 2025 meeting", dt.date(2026, 2, 2))
    assert due.kind == "date" and due.date == dt.date(2025, 10, 31)
    assert due_of_cell("Spring", dt.date(2026, 2, 2)).kind == "none"


def test_a_labelled_block_whose_action_wraps_before_a_capital_is_read_whole(tmp_path: Path) -> None:
    """A tracker flattened to labelled blocks whose Action line wraps before a capitalised word ("... of the
    Local / Plan") goes on over the wrap; a short line that is no field still ends the block."""
    x = _write(tmp_path, (
        "OUTSTANDING ACTIONS\n\n"
        "Ref: PL/25/03\n"
        "Action: Bring the revised housing trajectory to the Committee, subject to adoption of the Local\n"
        "Plan Review\nOwner: Head of Planning Policy\nDue: 14 May 2025\nStatus: Not yet due\n\n"
        "Ref: PL/25/04\nAction: Circulate the five-year land supply "
        "statement\nOwner: Head of Planning Policy\n"
        "Due: Next meeting\nStatus: Complete\nSigned off\n"), "other")
    assert len(x.commitments) == 2
    c = _find(x, "housing trajectory")
    assert c.due_date == dt.date(2025, 5, 14) and " ".join(c.condition.split()).endswith("Local Plan Review")
    assert "Signed off" not in _find(x, "land supply").span.quote


def test_a_pronoun_carries_the_speaker_past_a_sentence_naming_nobody(tmp_path: Path) -> None:
    """"The Head of Culture said funding had been applied for. The outcome was due in May. If the money
    came, she would bring ...": the sentence between names nobody, so "she" is still the speaker."""
    x = _write(tmp_path, (
        "9  Museum\nThe Head of Culture said funding had been applied for from "
        "the heritage fund. The outcome "
        "was due in May. If the money came, she would bring costed plans for "
        "the gallery to a future meeting.\n"),
        "minutes")
    assert _actor(x, _find(x, "costed plans").actor) == "Head of Culture"


def test_an_officer_agreeing_that_a_thing_would_be_done_promises_it(tmp_path: Path) -> None:
    """"The Head of Parks agreed that the survey would ask about ..." is that officer's promise, where
    "The Director said that the new depot would bring savings" forecasts what a thing will do."""
    x = _write(tmp_path, (
        "4  Parks survey\nCouncillor Hale asked about dog fouling. The Director of Place agreed that the "
        "residents' survey would include a question on dog fouling.\n\n5  Depot\nThe Director of Place said "
        "that the new depot would bring savings.\n"), "minutes")
    c = _find(x, "dog fouling")
    assert _actor(x, c.actor) == "Director of Place" and "include a question" in c.text
    _absent(x, "savings")


def test_the_review_promised_is_the_one_named_in_the_sentence_before(tmp_path: Path) -> None:
    """"An audit of agency spending had begun. He would bring the findings of the audit to ...": "the audit"
    is the one the sentence before names, so the promise says which; a review named in full stays as it is."""
    x = _write(tmp_path, (
        "6  Workforce\nThe Head of HR said that an audit of agency spending had "
        "begun in May. He would bring the "
        "findings of the audit to the next meeting.\n\n7  Leisure\nThe Head of "
        "Leisure said a consultation on "
        "pool hours was open. She would circulate the results of the review of pool charges to Members.\n"),
        "minutes")
    findings = "bring the findings of the audit of agency spending to the next meeting"
    assert _find(x, "findings").text == findings
    assert _find(x, "pool charges").text == "circulate the results of the review of pool charges to Members"


def test_a_pronoun_reaches_over_a_sentence_that_names_nobody_to_the_speaker(tmp_path: Path) -> None:
    """"The Head of Libraries reported that ... . The delay was due to ... . She agreed to ...": the sentence
    between names nobody, so "she" is still the Head of Libraries; a sentence naming someone else stops it."""
    text = ("The Head of Libraries reported that two branches had closed early in the summer. The "
            "cause was a "
            "shortage of relief staff. She agreed to bring a staffing plan to the next meeting.\n\n"
            "The Head of Parks reported that the lake had been cleaned. Councillor Amis thanked the "
            "volunteers. "
            "He agreed to send a letter of thanks.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "staffing plan").actor) == "Head of Libraries"
    assert _find(x, "letter of thanks").actor is None


def test_owners_by_initials_are_the_people_or_posts_the_initials_stand_for(tmp_path: Path) -> None:
    """Action minutes name owners by initials: defined in the attendance ("KB (Head of Housing)"), or the
    initials of an officer named in full ("Rhona Tait"); "Action: KB to ..." is that post's, "Action: RT
    to ..." that officer's, and initials that stand for nobody name no owner."""
    text = ("Officers: KB (Head of Housing), Rhona Tait (Senior Finance Officer)\n\n"
            "1. Empty homes\n1.1 KB presented the update.\n"
            "1.2 Action: KB to circulate the empty homes list by 30 June 2024.\n"
            "1.3 Action: RT to check the grant claim before the next meeting.\n"
            "\n2. Lettings\n2.1 Action: ZQ to send the landlords a reminder by 31 July 2024.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "empty homes list").actor) == "Head of Housing"
    assert _actor(x, _find(x, "grant claim").actor) == "Rhona Tait"
    assert _find(x, "landlords a reminder").actor is None


def test_a_condition_before_an_action_lines_owner_is_its_condition(tmp_path: Path) -> None:
    """"Action: if the grant is confirmed, the Clerk to arrange ..." is the Clerk's action under that
    condition, never an action of "if"."""
    text = ("Minutes\n\n3. Play areas\n3.1 Action: if the grant is confirmed, the Clerk to arrange "
            "a site meeting "
            "with the contractor before the next meeting.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "site meeting")
    assert (c.text, c.condition, c.due_kind) == ("arrange a site meeting with the contractor before the next "
                                                  "meeting", "if the grant is confirmed", "next_meeting")


def test_a_request_an_officer_did_not_support_is_no_commitment(tmp_path: Path) -> None:
    """"Councillor X asked that ... be published. The Head of Y did not support this": declined."""
    text = ("Councillor Orme asked that the names of the contractors be published in future "
            "reports. The Head "
            "of Procurement did not support this, as the contracts were still being let.\n")
    x = _write(tmp_path, text, "minutes")
    _absent(x, "contractors")


def test_a_promise_of_the_thing_requested_before_keeps_the_request_as_evidence(tmp_path: Path) -> None:
    """"Councillor X requested a breakdown by ward. The Head of Y said the Analyst would circulate the
    breakdown ...": the evidence starts at the request, so it shows which breakdown; a promise of something
    else keeps its own sentence."""
    text = ("Councillor Lyle requested a breakdown of the missed collections by ward. The Head of Waste said "
            "the Waste Analyst would circulate the breakdown to Members by the end of May.\n\n"
            "Councillor Lyle requested a breakdown of fly-tipping by street. The Head of Waste said "
            "the Waste Analyst would circulate the leaflet to Members by the end of June.\n")
    x = _write(tmp_path, text, "minutes")
    c = _find(x, "circulate the breakdown")
    assert c.span.quote.startswith("Councillor Lyle requested a breakdown of the missed collections by ward.")
    assert _actor(x, c.actor) == "Waste Analyst" and c.due_kind == "date"
    assert _find(x, "circulate the leaflet").span.quote.startswith("The Head of Waste")


def test_a_log_tables_cells_wrapped_over_lines_go_on_with_their_row(tmp_path: Path) -> None:
    """A pipe table whose action, due and update cells wrap onto the next line (no reference, no owner
    there) is one action a row: its words, due and status are whole ("Next / meeting" is the next meeting,
    "Draft sent. Final / version still awaited" is partly done); a "G" RAG column says nothing of it."""
    tracker = ("Action tracker\n\n"
               "| Ref    | Action                               | Owner | Due     | RAG | Update    "
               "                 |\n"
               "|--------|--------------------------------------|-------|---------|-----|----------------------------|\n"
               "| 12/24  | Circulate the revised tenancy policy | HoH   | Next    | G   | Draft "
               "sent 2/5/2024. Final |\n"
               "|        | to all Members of the Panel          |       | meeting |     | version "
               "still awaited      |\n"
               "| 13/24  | Report the void repair times to the  | HoH   | July    | G   | Complete "
               "- reported to the |\n"
               "|        | Panel                                |       |         |     | May "
               "meeting                |\n")
    x = _write(tmp_path, tracker, "other")
    policy, voids = _find(x, "tenancy policy"), _find(x, "void repair")
    assert policy.text == "circulate the revised tenancy policy to all Members of the Panel"
    assert policy.due_kind == "next_meeting"
    assert voids.text == "report the void repair times to the Panel"
    assert [p.kind for p in x.progress if "tenancy" in p.text or "void" in p.text] == ["partial", "done"]


def test_an_officer_reporting_results_or_presenting_proposals_records_them_done(tmp_path: Path) -> None:
    """"The Head of Leisure reported the results of the survey", "presented proposals for the new scheme":
    each is a progress statement of a thing brought to the meeting (evidence for an earlier promise);
    "reported that the pool had closed" brings nothing."""
    text = ("Minutes\n\n4. Leisure\n\nThe Head of Leisure reported the results of the residents' survey. The "
            "Sport Development Manager presented proposals for a new junior swimming scheme. The Head of "
            "Leisure reported that the pool had closed for a week.\n")
    x = _write(tmp_path, text, "minutes")
    done = [p.text for p in x.progress if p.kind == "done"]
    assert done == ["The Head of Leisure reported the results of the residents' survey",
                    "The Sport Development Manager presented proposals for a new junior swimming scheme"]


def test_a_second_reported_future_after_and_that_is_a_promise_of_its_own(tmp_path: Path) -> None:
    """"It was noted that the inspection would be arranged by the Licensing Team and that the licence would be
    brought back to the next meeting": two promises, each with its own due; "and that it would include ..."
    is no promise of its own."""
    text = ("Minutes\n\n6. Licence review\n\nIt was noted that the inspection would be arranged by "
            "the Licensing "
            "Team and that the licence would be brought back to the next meeting after the inspection.\n\n"
            "7. Fees\n\nThe Licensing Manager said that a fees report would be circulated to "
            "Members by 30 June "
            "2024 and that it would include the charges of neighbouring councils.\n")
    x = _write(tmp_path, text, "minutes")
    back = _find(x, "bring back the licence")
    assert back.due_kind == "next_meeting" and "inspection would be arranged" not in back.span.quote
    _absent(x, "include the charges")


def test_a_statement_as_undertaken_at_an_earlier_meeting_refers_back(tmp_path: Path) -> None:
    """"The Director presented the revised timetable, as undertaken at the June meeting": a reference back to
    the promise (evidence of it kept)."""
    text = ("Minutes\n\n5. Local plan\n\nThe Director presented the revised timetable, as "
            "undertaken at the June "
            "meeting.\n")
    x = _write(tmp_path, text, "minutes")
    assert [p.kind for p in x.progress if "revised timetable" in p.text] == ["reference"]


def test_an_officers_initials_name_an_owner_only_after_an_action_marker(tmp_path: Path) -> None:
    """"Action: IT to ..." is Ian Turner's (his initials, after the marker); a line "IT to send ..." without
    the marker names a team, never him."""
    text = ("Officers: Ian Turner (Head of Customer Services)\n\n2. Digital\n"
            "2.1 Action: IT to send the call figures to Members by 30 June 2024.\n\n3. Laptops\n"
            "IT to send the laptop survey results to Members by 31 July 2024.\n")
    x = _write(tmp_path, text, "minutes")
    assert _actor(x, _find(x, "call figures").actor) == "Ian Turner"
    from kg.extract import people

    owned = [m for m in people.of(x).mentions if x.doc.text[m.start:m.end] == "IT"]
    assert [x.doc.text[m.start - 8:m.start] for m in owned] == ["Action: "]


def test_adding_to_a_load_is_a_forecast_but_adding_to_an_agenda_a_promise(tmp_path: Path) -> None:
    """"would add to staff workload" says a load would grow, nothing is handed over; "would add it to the work
    programme" is still a promise."""
    x = _write(tmp_path, (
        "Councillor Price asked for weekly updates. The Head of Parking replied that weekly returns varied a "
        "great deal and would add to staff workload.\n\n"
        "The Clerk said that she would add the item to the work programme for the next meeting.\n"
    ), "minutes")
    _absent(x, "workload")
    _find(x, "work programme")


def test_a_promise_to_the_body_whose_record_it_is_is_not_another_body_s_business(tmp_path: Path) -> None:
    """"to Cabinet" in Cabinet's own minutes is a promise the ledger follows; in a committee's minutes it is
    another body's business."""
    text = ("The Director of Place said that she would bring the parking review to Cabinet in "
            "September 2024.\n")
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    (tmp_path / "d.txt.meta.yaml").write_text(
        "council: Gateshead Council\ncommittee: Cabinet\nmeeting_date: 2024-05-13\ndoc_type: minutes\n",
        encoding="utf-8")
    _find(_extract(tmp_path, "d.txt"), "parking review")
    _absent(_write(tmp_path, text, "minutes"), "parking review")


def test_a_government_s_undertaking_reported_to_the_meeting_is_not_the_council_s(tmp_path: Path) -> None:
    """"reported that the Welsh Government had confirmed that a grant would be provided" is the government's
    word, passed on; an officer's own promise after it in the same item is kept."""
    x = _write(tmp_path, (
        "The Head of Finance reported that the Welsh Government had confirmed on 2 May that transitional "
        "grant for the coming year would be provided.\n\n"
        "She would circulate the grant letter to Members before the next meeting.\n"
    ), "minutes")
    _absent(x, "transitional grant")
    _find(x, "grant letter")


def test_a_reporter_with_a_verb_of_its_own_before_and_said_is_still_the_actor(tmp_path: Path) -> None:
    """"The Head of Legal apologised and said that the note would be sent": the Head of Legal said it, so the
    passive promise is that post's."""
    x = _write(tmp_path, (
        "In attendance: P Gill (Head of Legal Services)\n\n"
        "Councillor Amos asked where the advice note was. The Head of Legal Services apologised and said "
        "that "
        "the advice note would be sent to Members by 30 June 2024.\n"
    ), "minutes")
    assert "Head of Legal Services" in (_find(x, "advice note").actor or "")


def test_a_pronoun_after_a_semicolon_is_its_own_sentence_s_subject(tmp_path: Path) -> None:
    """"The Data Protection Officer did not have the figures with him; he would send ...": "he" is the
    officer the sentence opened on, not the councillor who asked in the sentence before."""
    x = _write(tmp_path, (
        "PRESENT: Councillors A Lowe (Chair) and B Marsh.\n"
        "Officers: Tom Reed (Data Protection Officer)\n\n"
        "Councillor Marsh asked how many appeals had succeeded. The Data Protection Officer did not have the "
        "figures with him; he would send Members a summary of appeal outcomes by 15 June 2024.\n"), "minutes")
    c = _find(x, "summary of appeal outcomes")
    assert _actor(x, c.actor) == "Data Protection Officer"


def test_a_body_named_in_a_when_clause_after_the_recipient_is_not_where_the_promise_goes(
        tmp_path: Path) -> None:
    """"... would be brought to the Panel's October meeting before it went to the Executive": the Executive
    says when, the Panel is handed the strategy; "considered by the Executive before it came back" is still
    the Executive's business."""
    x = _write(tmp_path, (
        "PRESENT: Councillors A Lowe (Chair) and B Marsh.\nOfficers: Priya Shah (Director of Housing)\n\n"
        "Councillor Marsh asked about the strategy. The Director said the draft Homelessness "
        "Strategy would be "
        "brought to the Panel's October meeting before it went to the Executive.\n\n"
        "The Director said the allocations scheme would be considered by the Executive before it "
        "came back to "
        "the Panel.\n"), "minutes")
    assert _actor(x, _find(x, "Homelessness Strategy").actor) == "Director of Housing"
    _absent(x, "allocations scheme")


def test_an_action_line_with_owner_dash_and_a_passive_is_the_owner_s_action(tmp_path: Path) -> None:
    """"Action: Head of Revenues - a review of the debt policy to be brought to the first meeting of the
    next municipal year": the owner, a dash, then what is to be done in the passive; a passive that delivers
    nothing ("to be noted") is none."""
    x = _write(tmp_path, (
        "PRESENT: Councillors A Lowe (Chair) and B Marsh.\nOfficers: Tom Reed (Head of Revenues)\n\n"
        "6. Debt\n\nAction: Head of Revenues - a review of the debt policy to be brought to the "
        "first meeting of "
        "the next municipal year.\nAction: Head of Revenues - the minutes to be noted.\n"), "minutes")
    c = _find(x, "review of the debt policy")
    assert _actor(x, c.actor) == "Head of Revenues" and c.text.startswith("a review of the debt policy")
    assert len(x.commitments) == 1


def test_an_outcome_verb_is_a_promise_only_of_a_thing_handed_over(tmp_path: Path) -> None:
    """"agreed to deliver a workshop to the Panel" is a promise; "will deliver savings" says what a scheme
    achieves and is none."""
    x = _write(tmp_path, "Minutes\n\n7. Safeguarding\n\nCouncillor Hale asked about training. The Head of "
               "Learning agreed to deliver a safeguarding workshop to the Panel by 31 July 2024.\n\n"
               "The new leisure contract will deliver savings of £150,000 a year.\n", "minutes")
    c = _find(x, "safeguarding workshop")
    assert c.text.startswith("deliver a safeguarding workshop") and c.due_kind == "date"
    _absent(x, "savings")


@pytest.mark.parametrize("sentence", [
    "RESOLVED that the Treasury Management Annual Report be noted.",
    "It was proposed by Councillor Ames, seconded by Councillor Bell and agreed that the Statement of "
    "Accounts Review be noted.",
])
def test_a_decision_on_a_paper_whose_title_ends_in_a_verb_is_no_promise(tmp_path: Path,
                                                                        sentence: str) -> None:
    """"that the Annual Report 2023/24 be received": the title's last word ("Report", "Review") is no
    owner's verb."""
    x = _write(tmp_path, f"Minutes\n\n5. Treasury Management\n\n{sentence}\n", "minutes")
    assert x.commitments == ()


def test_an_alternative_offered_with_an_adverb_before_to_is_a_promise(tmp_path: Path) -> None:
    """"offered instead to send a summary" (an alternative after a refusal) is a promise of its speaker."""
    x = _write(tmp_path, "Minutes\n\n6. Planning Appeals\n\nCouncillor Vance asked for appeal figures for "
               "each ward. The Head of Planning said that these could not be given, but offered instead to "
               "send a district summary to Members.\n", "minutes")
    c = _find(x, "district summary")
    assert c.text.startswith("send a district summary") and _actor(x, c.actor) == "Head of Planning"


def test_a_condition_between_said_that_and_a_passive_promise_keeps_the_speaker(tmp_path: Path) -> None:
    """"X said that, if the bid succeeded in the spring, a report would be brought": X is the actor."""
    x = _write(tmp_path, "Minutes\n\n8. Leisure\n\nThe Head of Leisure said that, if the lottery bid "
               "succeeded in the spring, a report on the new pool would be presented to the Panel in July "
               "2024.\n", "minutes")
    c = _find(x, "new pool")
    assert c.condition and _actor(x, c.actor) == "Head of Leisure"


def test_a_decision_asking_an_officer_to_report_to_the_body_s_own_next_meeting_is_its_commitment(
        tmp_path: Path) -> None:
    """In a Cabinet decision notice with no sidecar, "Asked the Head of Assets to track demand over the
    summer and to present the results to Cabinet" is a promise of the Head of Assets: "to Cabinet" is the
    record's own body (its heading names it), and the deliverable joined to a first verb of another kind
    keeps the officer as owner."""
    notice = ("Tendring District Council\n\nRECORD OF DECISION - CABINET\n\nMeeting of Cabinet held on 9 "
              "April 2025\n\nDecision\n\nCabinet, having considered the report of the Head of Assets:\n\n"
              "1. Agreed that the pier kiosk lease be renewed.\n"
              "2. Asked the Head of Assets to track demand over the summer and to present the results to "
              "Cabinet in October.\n")
    (tmp_path / "notice.txt").write_text(notice, encoding="utf-8")
    x = _extract(tmp_path, "notice.txt")
    c = _find(x, "track demand")
    assert c.text.startswith("track demand over the summer and to present the results to Cabinet")
    assert _actor(x, c.actor) == "Head of Assets"


def test_a_front_sheet_s_subject_line_is_what_the_paper_brings(tmp_path: Path) -> None:
    """"Subject: Review of Allotment Rents and Waiting Lists by Site" on a report's front sheet is an agenda
    candidate for the ledger, whole, even where the paper's title is given shorter elsewhere."""
    (tmp_path / "d.txt").write_text("Report to: Audit Committee\nDate: 13 May 2024\nSubject: Review of "
                                    "Allotment Rents - Waiting Lists by Site and Rent Levels\nReporting "
                                    "officer: Parks Manager\n\n1. Purpose\n\n1.1 To set out the review.\n",
                                    encoding="utf-8")
    (tmp_path / "d.txt.meta.yaml").write_text("council: Gateshead Council\ncommittee: Audit Committee\n"
                                              "meeting_date: 2024-05-13\ndoc_type: report\n"
                                              "title: Review of Allotment Rents\n", encoding="utf-8")
    x = _extract(tmp_path, "d.txt")
    subjects = [p.text for p in x.progress if p.kind == "agenda"]
    assert "Review of Allotment Rents - Waiting Lists by Site and Rent Levels" in subjects


def test_a_member_asking_what_is_being_done_to_deliver_something_asks_nobody_to_do_it(tmp_path: Path) -> None:
    """"asked what was being done to reduce X" and "asked how officers intended to bring X down" are
    questions: the words after "asked" are no one asked to act, so neither is a promise; "asked the Head of
    Service to circulate X" still is."""
    x = _write(tmp_path, (
        "Councillor Ferris asked what was being done to reduce the number of empty council homes in the "
        "town centre.\n\n"
        "Councillor Oduya asked how officers intended to bring the planning enforcement backlog down before "
        "the summer.\n\n"
        "Councillor Ferris asked the Head of Housing to circulate the list of empty homes by ward.\n"
    ), "minutes")
    assert [c.text for c in x.commitments] == ["circulate the list of empty homes by ward"]

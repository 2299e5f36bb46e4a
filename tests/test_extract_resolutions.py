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
    """A bare "That the report be noted." paragraph in minutes is a decision."""
    assert texts(seed("000")) == [("", "That the report be noted.")]


def test_resolved_heading_then_paragraph() -> None:
    """A "Resolved" line over its paragraph gives one decision whose quote is exact source text."""
    x = seed("001")
    assert texts(x) == [("", "That the report and presentation be noted.")]
    r = x.resolutions[0]
    assert x.doc.text[r.span.start:r.span.end] == r.span.quote == r.text


def test_numbered_items_are_separate() -> None:
    """Numbered parts of one resolution are separate resolutions."""
    got = texts(seed("004"))
    assert [n for n, _ in got] == ["(i)", "(ii)"]
    assert "strong position" in got[0][1] and got[0][1].endswith("be noted.")
    assert "new format" in got[1][1]


def test_recommendations_are_not_resolutions() -> None:
    """Reports' recommendations are never resolutions."""
    assert seed("002").resolutions == ()
    assert seed("003").resolutions == ()
    assert extract(MINUTES / "gateshead_report.txt").resolutions == ()


def test_resolved_dash_roman_items_without_trailing_and() -> None:
    """"RESOLVED – (i) ...; and" then "(ii) ..." gives two parts without the trailing "and"."""
    assert texts(extract(MINUTES / "sunderland_scrutiny.txt")) == [
        ("(i)", "that the report be received"),
        ("(ii)", "that a further report on foster carer recruitment be brought to the June meeting.")]


def test_agreed_each_separately() -> None:
    """Each "AGREED that" is its own decision, and the discussion between them is not."""
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
    ("Minutes\n\nMembers resolved to keep the matter under review.\n",
     [("", "Members resolved to keep the matter under review.")]),
    ("Minutes\n\nThe complaint was resolved to the satisfaction of the resident.\n", []),
    ("Minutes\n\nThat is why the Panel asked for more data.\n", []),
    ("Minutes\n\nThat would be welcomed by residents.\n", []),
    ("Minutes\n\nRESOLVED that the report be noted.\n\nThat was the last item of business.\n",
     [("", "that the report be noted.")]),
    ("Minutes\n\nThe Committee noted the increase in complaints about missed collections.\n", []),
    ("Minutes\n\nThe Committee received the report of the Director which set out performance.\n", []),
    ("Minutes\n\nThe Panel noted the report of the Head of Finance, which set out the budget.\n", []),
    ("Minutes\n\nThe minutes of the Cabinet were approved by Council on 3 May.\n", []),
    ("Minutes\n\nThe Sub-Committee agreed the revised terms of reference.\n",
     [("", "The Sub-Committee agreed the revised terms of reference.")]),
    ("Minutes\n\nThe Panel agreed that the figures were encouraging.\n", []),
    ("Minutes\n\nThe Director agreed to circulate the figures to Members.\n", []),
    ("Minutes\n\nResolution:\n\nThat the Panel's findings be submitted to Cabinet.\n",
     [("", "That the Panel's findings be submitted to Cabinet.")]),
    ("Minutes\n\n4. Budget Monitoring\n\nRESOLVED:\n\n(a) That the position be noted.\n\n"
     "5. Fees and Charges\n\n(a) Car parking charges were discussed at length.\n",
     [("(a)", "That the position be noted.")]),
    ("Minutes\n\nRESOLVED that the update be noted.\n\n- Members raised the cost of agency staff.\n",
     [("", "that the update be noted.")]),
    # the minutes "received and approved" (or "received and agreed") as a correct record: their confirmation
    ("Minutes\n\nThe minutes of the meeting held on 9 May were received and agreed as a true record.\n",
     [("", "The minutes of the meeting held on 9 May were received and agreed as a true record.")]),
])
def test_forms(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    """Short minutes: each decision form is found and each look-alike is not."""
    f = tmp_path / "m.txt"
    f.write_text(body, encoding="utf-8")
    assert texts(extract(f)) == expected


def test_capitalised_cue_mid_line_and_next_item_heading_left_out() -> None:
    """"it was RESOLVED that" mid-sentence is a decision; the next item's "noted that" narrative is not."""
    assert texts(extract(MINUTES / "kent_cabinet_committee.txt")) == [
        ("", "that the performance report be noted.")]


def test_resolved_dash_that() -> None:
    """"RESOLVED – That ..." keeps its "subject to" condition."""
    assert texts(extract(MINUTES / "leeds_scrutiny_board.txt")) == [
        ("", "That the work schedule be approved, subject to the addition of an item on school exclusions.")]


DATA = Path(__file__).resolve().parent / "data" / "resolutions"


def fixture(name: str) -> list[tuple[str, str]]:
    return texts(extract(DATA / name))


def test_english_moderngov_forms_and_narrative_traps() -> None:
    """By assent, "RESOLVED – (1) (2)", a condition before "that", a lead-in over a nested list, "AGREED
    that" and an item-closing "noted the report" are decisions; narrative noting, concern, acceptance and
    an officer's promise are not, and no decision runs into the next item; the bare "noted the report" is read
    with its item's title."""
    assert fixture("english_moderngov_minutes.txt") == [
        ("", "that the minutes of the meeting held on 4 December 2024 be signed by the Chair as a "
             "correct record."),
        ("(1)", "That the report be noted."),
        ("(2)", "That the Panel's concern at the delay in completing education, health and care plans "
                "be reported to the Cabinet Member for Children and Families."),
        ("", "subject to the correction of the figure in paragraph 3.4, that the Corporate Parenting "
             "Annual Report 2023/24 be endorsed and referred to Cabinet."),
        ("(a)", "That the Panel recommends to Cabinet that the Youth Justice Plan 2025/26 be approved"),
        ("(b)", "That the Panel recommends to Cabinet that a progress report be submitted to the Panel "
                "in six months' time."),
        ("", "that an item on school place planning be added to the work programme for April."),
        ("", "The Panel noted the report (Work Programme)"),
    ]


def test_welsh_bilingual_spaced_unanimous_and_inline_parts() -> None:
    """Welsh minutes: "RESOLVED - T H A T", the bilingual "PENDERFYNWYD / RESOLVED:" label over numbered
    parts, "UNANIMOUSLY RESOLVED that", "The Committee AGREED that" and "(i) ...; and (ii) ..." in a line."""
    assert fixture("welsh_scrutiny_minutes.txt") == [
        ("", "T H A T the minutes of the meeting held on 26 November 2024 be approved as a correct "
             "record."),
        ("(1)", "That the report be noted."),
        ("(2)", "That the Cabinet Member for Social Care be asked to attend the next meeting to discuss "
                "occupational therapy waiting times."),
        ("", "that the revised Direct Payments Policy be supported and referred to Cabinet for approval."),
        ("", "that the action sheet be accepted and the information therein be noted."),
        ("(i)", "that the forward work programme be approved"),
        ("(ii)", "that a report on respite care be scheduled for March 2025."),
    ]


def test_scottish_decision_paragraphs() -> None:
    """Scottish minute: "Decision" over "To approve the minute", "The Committee agreed:-" over (i)-(iii),
    "The Committee agreed to ...", "The Committee resolved:-" over a lower-case paragraph and "Noted the
    update."; the minute "submitted for approval" and "The Committee considered a report" are not."""
    assert fixture("scottish_committee_minute.txt") == [
        ("", "To approve the minute as a correct record."),
        ("(i)", "The Committee agreed to note the performance of the housing service"),
        ("(ii)", "The Committee agreed to request a report on rent arrears to the next meeting"),
        ("(iii)", "The Committee agreed to thank staff for their work during the storms in October."),
        ("", "The Committee agreed to approve the Local Housing Strategy 2025-2030 for consultation."),
        ("", "to award a grant of £2,000 to the Strathaven Gala Committee."),
        ("", "Noted the update."),
    ]


def test_northern_irish_proposed_seconded_and_resolved_to() -> None:
    """Northern Irish minutes without a sidecar: "proposed ..., seconded ... and RESOLVED: that", "Agreed:
    that", "It was agreed that ... be" and "the Committee resolved to" mid-sentence are decisions; "It was
    agreed that ... had been" and a problem "resolved to the satisfaction of" residents are not."""
    assert fixture("ni_district_council_minutes.txt") == [
        ("", "that the Minutes of the meeting held on 11 February 2025 be taken as read and signed as "
             "correct."),
        ("", "that officers write to the Department about funding for the kerbside glass collection."),
        ("", "that a workshop on the waste strategy be arranged for Members."),
        ("", "After discussion, the Committee resolved to defer consideration of the street cleansing "
             "review to the April meeting."),
    ]


def test_decision_notice_numbered_and_nested_decisions() -> None:
    """A decision notice without a sidecar: each numbered decision under "Decision:" is a resolution, a
    nested list one per part read with its lead-in; "Decision Maker:", "Key decision:", reasons are not."""
    lead = "To approve the following discretionary reductions for 2025/26: "
    assert fixture("decision_notice.txt") == [
        ("(1)", "To approve the Council Tax Reduction Scheme for 2025/26 as set out in Appendix A."),
        ("(2)", "To delegate authority to the Director of Resources to make minor amendments to the "
                "scheme."),
        ("(3)(a)", lead + "a reduction of up to 100% for care leavers aged under 25"),
        ("(3)(b)", lead + "a reduction of up to 50% for households affected by flooding."),
    ]


def test_report_without_sidecar_has_no_resolutions() -> None:
    """A report judged from its text has none, even where it recalls an earlier resolution or words a
    recommendation "That the Committee notes ..."."""
    assert fixture("report_recommendations.txt") == []


def test_minutes_quoting_a_report_recommendation() -> None:
    """In minutes, a recommendation quoted from the report (after "recommendation:" or under a heading)
    is not a decision, nor is another meeting's approval; RESOLVED and "was approved as presented" are."""
    assert fixture("minutes_quoting_recommendations.txt") == [
        ("", "That the Internal Audit Progress Report be noted."),
        ("", "The draft Annual Governance Statement was approved as presented."),
    ]


def test_english_county_select_committee_lead_ins() -> None:
    """County minutes without a sidecar: minutes "agreed as a correct record" without an article, "RESOLVED:"
    over "That the Select Committee:" over roman parts, "NOTED the report", "The Cabinet RESOLVED to:" over
    lettered parts and "noted and agreed"; "Members noted the concerns", the numbered discussion points and
    the bullets after a closed "RESOLVED that" are not decisions."""
    assert fixture("english_county_select_committee.txt") == [
        ("", "Minutes of the last meeting were agreed as a correct record."),
        ("i.", "That the Select Committee: Notes the Director of Public Health's annual report"),
        ("ii.", "That the Select Committee: Recommends that the Cabinet Member for Health reports back on "
                "the smoking cessation contract by March 2025."),
        ("", "The Committee NOTED the report and the progress made since April."),
        ("(a)", "The Cabinet RESOLVED to approve the revised debt recovery policy"),
        ("(b)", "The Cabinet RESOLVED to review the policy in twelve months."),
        ("", "The Committee noted and agreed the forward work programme and the recommendations tracker."),
        ("", "that the tracker be noted."),
    ]


def test_district_planning_qualifiers_and_as_follows() -> None:
    """"RESOLVED (unanimously) that", "RESOLVED (a) that ...; and (b) that ..." (the bracket is a part, not a
    qualifier), "The Committee AGREED as follows:-" and "RESOLVED as follows:" over numbered parts; a lost
    motion "moved that no action be taken" is not a decision."""
    assert fixture("district_planning_minutes.txt") == [
        ("", "that the order be confirmed without modification."),
        ("(a)", "that enforcement action be authorised"),
        ("(b)", "that the owner be notified of the decision."),
        ("(i)", "The Committee AGREED to note the report"),
        ("(ii)", "The Committee AGREED to ask the Planning Manager to report on appeal costs in June."),
        ("1.", "That the revised fees be approved from 1 April 2025."),
        ("2.", "That the fees be reviewed annually."),
    ]


def test_agenda_pack_with_draft_minutes_has_no_resolutions(tmp_path: Path) -> None:
    """An agenda (doc_type agenda) records no decisions of its own, even with last meeting's draft minutes."""
    f = tmp_path / "agenda.txt"
    f.write_text("Agenda\n\n3. Minutes of the previous meeting\n\nRESOLVED – That the report be noted.\n\n"
                 "The Committee noted the work programme.\n", encoding="utf-8")
    (tmp_path / "agenda.txt.meta.yaml").write_text("doc_type: agenda\n", encoding="utf-8")
    assert texts(extract(f)) == []


def test_summons_without_sidecar_has_no_resolutions(tmp_path: Path) -> None:
    """A summons judged from its text is an agenda even when it lists last meeting's minutes first."""
    f = tmp_path / "summons.txt"
    f.write_text("You are summoned to attend a meeting of the Licensing Committee on 4 June.\n\n"
                 "Minutes of the meeting held on 7 May (attached)\n\n"
                 "RESOLVED – That the report be noted.\n", encoding="utf-8")
    assert texts(extract(f)) == []


def test_a_minute_item_saved_on_its_own_is_read_as_minutes() -> None:
    """No sidecar and no "Minutes of" title, but proceedings in the past tense and a "Resolved:" label: a
    single minute item page records decisions, each part its own."""
    found = fixture("item_page_no_title.txt")
    assert len(found) == 2 and "annual report be received" in found[0][1]


@pytest.mark.parametrize(("body", "decided"), [
    ("It was agreed that since the contractor had been delayed the works should be reported to the next "
     "meeting.", True),
    ("It was agreed that as the figures were provisional no further action was needed.", False),
])
def test_a_reason_before_the_decision_does_not_make_it_narrative(tmp_path: Path, body: str,
                                                                 decided: bool) -> None:
    """"agreed that since X had ... Y should be ...": the reason's past tense is not the decision's; a reason
    with no decision modal after it stays narrative."""
    path = tmp_path / "m.txt"
    path.write_text(f"Minutes of the meeting\n\n{body}\n", encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    assert bool(extract(path).resolutions) is decided


def test_real_ni_minutes_an_agreed_invitation_after_a_reason() -> None:
    """Magherafelt's minutes (tests/data/xreal): the proposal carried and the agreed invitation are both
    decisions."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "magherafelt_council.txt")
    assert len(x.resolutions) == 2 and "invited" in x.resolutions[1].text


XREAL = Path(__file__).resolve().parent / "data" / "xreal"


def test_real_minutes_the_meeting_named_alone_over_numbered_decisions() -> None:
    """Dundee's and Epsom and Ewell's minutes (tests/data/xreal): "The Committee:-" / "The Committee:" over a
    numbered list gives each part as a decision, and a Scottish "held as read" minute is confirmed."""
    dundee = extract(XREAL / "dundee_performance.txt")
    assert [r.number for r in dundee.resolutions] == ["", "(i)", "(ii)"]
    assert dundee.resolutions[0].text.endswith("was held as read.")
    assert dundee.resolutions[1].text.startswith("noted the Council's performance")
    epsom = extract(XREAL / "epsom_targets.txt")
    assert [r.number for r in epsom.resolutions] == ["(1)", "(2)", "(3)"]


def test_a_decision_label_over_the_committee_named_alone_over_numbered_parts() -> None:
    """An Argyll-style "Decision" line, then "The Committee -" on a line of its own (a heading to the text
    layer), then "1. noted ...; and 2. agreed that ...": both parts are decisions."""
    x = extract(MINUTES / "decision_label_then_committee_dash.txt")
    found = texts(x)
    assert ("1.", "noted the Roads Asset Management Plan 2024-2027") in found
    assert any(t.startswith("that the plan be published") for _n, t in found)


def test_real_numbered_paragraph_resolved_over_a_lettered_list() -> None:
    """Sheffield's minutes (tests/data/xreal): "8.4 RESOLVED: That the Committee:-" over (a) and (b) gives
    both parts as decisions."""
    x = extract(XREAL / "sheffield_scrutiny.txt")
    assert [r.number for r in x.resolutions] == ["(a)", "(b)"]
    assert "notes the information now reported" in x.resolutions[0].text


def test_a_minute_submitted_and_approved_is_confirmed() -> None:
    """Moray's minutes (tests/data/xreal): "The Minute of the meeting ... was submitted and approved" is the
    confirmation of the minutes; written questions noted as none are not a decision."""
    x = extract(XREAL / "moray_audit.txt")
    assert [r.text for r in x.resolutions] == [
        "The Minute of the meeting of the Audit and Scrutiny Committee dated 24 April 2019 was submitted and "
        "approved."]


def test_the_meeting_named_alone_needs_a_numbered_list_after_it(tmp_path: Path) -> None:
    """"The Committee:" followed by a plain paragraph is no lead-in to decisions."""
    path = tmp_path / "m.txt"
    path.write_text("The Committee:\n\nheard from the Head of Finance about the budget.\n", encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    assert extract(path).resolutions == ()


def test_real_moderngov_decision_and_minutes_give_each_decision_once() -> None:
    """Aberdeen's issue page (tests/data/xreal): the "Decision:" block and the "The Committee resolved:-"
    block of its "Minutes:" word the same two decisions (in two tenses): two decisions, not four; the
    report's recommendation is none."""
    x = extract(XREAL / "aberdeen_netzero.html")
    assert [r.number for r in x.resolutions] == ["(i)", "(ii)"]


def test_short_decisions_closing_one_item_twice_are_both_kept(tmp_path: Path) -> None:
    """Two "That the report be noted." decisions are never taken for one repeated wording."""
    path = tmp_path / "m.txt"
    path.write_text("RESOLVED:\n\n(a) That the report be noted.\n\n(b) That the report be noted.\n",
                    encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    assert [r.number for r in extract(path).resolutions] == ["(a)", "(b)"]


def test_a_capitalised_cue_straight_before_its_subject() -> None:
    """Hertsmere's minutes (tests/data/xreal): "RESOLVED the analysis ... be noted." has neither "that" nor a
    colon, and is a decision."""
    x = extract(XREAL / "hertsmere_absence.txt")
    assert [r.text for r in x.resolutions] == [
        "the analysis of sickness absence levels and the absence management actions taken, be noted."]


def test_real_decision_block_naming_the_meeting_over_bullets() -> None:
    """Havering's Cabinet page (tests/data/xreal): "Decision:" then "Cabinet:" over bullets gives each bullet
    as a decision, once, though the Minutes block repeats them."""
    x = extract(XREAL / "havering_cabinet.html")
    assert [r.text[:12] for r in x.resolutions] == ["Reviewed the", "Noted the co"]


@pytest.mark.parametrize("cue", ["RESOLVED – That", "RESOLVED: That", "Resolved - that"])
def test_a_cue_ending_in_that_over_numbered_parts_gives_each_part(tmp_path: Path, cue: str) -> None:
    """"RESOLVED – That" alone on its line, then "(1) ...;" and "(2) ...": each part is a decision read with
    its "That", whichever separator the clerk used."""
    f = tmp_path / "m.txt"
    f.write_text(f"Minutes\n\n45/23 Housing Repairs\n\n{cue}\n(1) the report be noted;\n"
                 "(2) the Manager be requested to report back in March.\n", encoding="utf-8")
    that = cue.split()[-1]  # as the clerk wrote it
    assert [t for _, t in texts(extract(f))] == [
        f"{that} the report be noted", f"{that} the Manager be requested to report back in March."]


@pytest.mark.parametrize(("body", "decided"), [
    ("On the proposal of Alderman Smith, seconded by Councillor Jones, it was agreed that the Council write "
     "to the Department about the road.", True),
    ("Proposed by Councillor Kerr, seconded by Councillor Lyons, and agreed that the report be noted.", True),
    ("Councillor Jones, who had seconded the motion last year, said it was agreed policy.", False),
])
def test_a_proposal_and_seconder_before_it_was_agreed(tmp_path: Path, body: str, decided: bool) -> None:
    """Northern Irish style: "On the proposal of X, seconded by Y, it was agreed that ..." decides, as
    "..., seconded by Y and agreed that ..." does; a seconder mentioned in passing does not."""
    path = tmp_path / "m.txt"
    path.write_text(f"Minutes of the meeting\n\n{body}\n", encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    assert bool(extract(path).resolutions) is decided


def test_real_resolved_that_over_a_paragraph_without_that() -> None:
    """Oadby and Wigston's minutes (tests/data/xreal): "UNANIMOUSLY RESOLVED THAT:" over "The performance ...
    be noted." gives that paragraph as the decision."""
    assert texts(extract(XREAL / "oadbywigston_performance.txt")) == [
        ("", "The performance of the Council against its Corporate Objectives be noted.")]


def test_real_proposed_seconded_and_the_meeting_agreed() -> None:
    """Thanet's Cabinet minutes (tests/data/xreal): "X proposed, Y seconded and Members agreed to note the
    report." is a decision."""
    assert texts(extract(XREAL / "thanet_cabinet.txt")) == [("", "to note the report.")]


def test_a_narrative_paragraph_after_resolved_that_is_not_taken(tmp_path: Path) -> None:
    """After "RESOLVED THAT:" only a paragraph worded as a decision ("... be noted") is the decision; a
    narrative one ("The report was welcomed.") is not."""
    doc = tmp_path / "m.txt"
    doc.write_text("Minutes of the Cabinet\n\n5. Budget\n\nRESOLVED THAT:\n\nThe report was welcomed.\n")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n")
    assert texts(extract(doc)) == []


def test_real_minutes_agreed_subject_to_amendments_listed_below() -> None:
    """South Cambridgeshire's minutes (tests/data/xreal): "The minutes of ... 24 May 2012 were agreed as a
    correct record, subject to the following amendments:" is a decision, and so is the one for 28 June worded
    alike (different dates make two decisions, not a repeat)."""
    found = texts(extract(XREAL / "southcambs_council.txt"))
    assert len(found) == 2 and "24 May 2012" in found[0][1] and "28 June 2012" in found[1][1]


def test_real_noted_label_in_capitals() -> None:
    """Fermanagh and Omagh's minutes (tests/data/xreal): "NOTED: that Paper A had been issued with the
    agenda." records the committee noting a paper, kept whole with its label."""
    assert texts(extract(XREAL / "fermanagh_policy.txt")) == [
        ("", "NOTED: that Paper A had been issued with the agenda.")]


def test_noted_in_lower_case_or_without_a_colon_is_no_label(tmp_path: Path) -> None:
    """"Noted that the figures had improved." and "NOTED the rise in demand" are narrative, not a label."""
    doc = tmp_path / "m.txt"
    doc.write_text("Minutes of the Panel\n\n5. Budget\n\nNoted that the figures had improved.\n\n"
                   "NOTED the rise in demand over the winter.\n")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n")
    assert texts(extract(doc)) == []


def test_agreed_to_over_a_lettered_list_noted_correspondence_and_a_bare_report_named_by_its_item(
        tmp_path: Path) -> None:
    """"The Panel agreed to:" over "(a) note ...; (b) ask ..." gives two decisions read with the lead-in;
    "Members noted correspondence from ..." and "noted the matters arising" close items; a bare "The Panel
    noted the report." takes its item's title, so the decision says which report."""
    doc = tmp_path / "m.txt"
    doc.write_text(
        "Minutes of the Panel\n\n4. Library Opening Hours Review\n\n"
        "The Head of Libraries presented the review.\n\n"
        "The Panel agreed to:\n(a) note the review; and\n(b) ask officers to consult library users.\n\n"
        "5. Matters Arising\n\nMembers noted the matters arising.\n\n"
        "6. Correspondence\n\nMembers noted correspondence from the Arts Council about grant rules.\n\n"
        "7. Internal Audit Annual Opinion 2024/25\n\nThe Panel noted the report.\n")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n")
    assert texts(extract(doc)) == [
        ("(a)", "The Panel agreed to note the review"),
        ("(b)", "The Panel agreed to ask officers to consult library users."),
        ("", "Members noted the matters arising."),
        ("", "Members noted correspondence from the Arts Council about grant rules."),
        ("", "The Panel noted the report (Internal Audit Annual Opinion 2024/25)"),
    ]


def test_real_welsh_and_english_minutes_numbered_items_and_a_decision_in_the_present() -> None:
    """Swansea's and Manchester's minutes (tests/data/xreal): "RESOLVED that:" over "1) ...; and" and "2) ..."
    gives both parts (the first, ending "; and", is no heading), and under "Decision" the present "The
    Committee notes the report and agrees ..." is a decision."""
    swansea = extract(XREAL / "swansea_letters.txt")
    assert len(swansea.resolutions) == 2
    assert swansea.resolutions[0].text.rstrip().endswith("be NOTED")
    manchester = extract(XREAL / "manchester_rgsc.txt")
    assert any(r.text.startswith("The Committee notes the report") for r in manchester.resolutions)


def test_a_decision_in_the_present_tense_is_a_decision(tmp_path: Path) -> None:
    """"The Panel notes the update." under a Decision label is a decision, like "noted"; "notes that ..." is
    still no decision."""
    (tmp_path / "m.txt").write_text("Minutes\n\nBudget update\n\nThe Panel considered the update.\n\n"
                                    "Decision\n\nThe Panel notes the update.\n\n"
                                    "The Panel notes that costs have risen.\n")
    assert [r.text for r in extract(tmp_path / "m.txt").resolutions] == ["The Panel notes the update."]


def test_real_english_decision_record_markers_on_lines_of_their_own() -> None:
    """Cornwall's decision record (tests/data/xreal): "RESOLVED:" over "1." / "2." / "3." each alone on its
    line, the text wrapped below, gives three decisions, the last ending at its own full stop."""
    x = extract(XREAL / "cornwall_q4.txt")
    assert len(x.resolutions) == 3
    assert x.resolutions[2].text.endswith("performance issues.")


def test_a_moderngov_item_page_of_a_log_keeps_the_meetings_decision_only(tmp_path: Path) -> None:
    """An item page ("Meeting: dd/mm/yyyy - Committee (Item n)") of an action log or report records no
    decisions of its own, but its "Decision:" block is the meeting's; the paper's recommendations are not."""
    f = tmp_path / "page.txt"
    f.write_text("Meeting: 04/06/2025 - Health Scrutiny Panel (Item 7)\n\n7 Outstanding actions\n\n"
                 "Recommendation: That the Panel receives the list.\n\n"
                 "Decision:\n\nThe Panel noted the outstanding actions list.\n\n"
                 "OUTSTANDING ACTIONS\n\nNo | Action | Officer | Due\n1 | Circulate the GP access survey | "
                 "Public Health Lead | July 2025\n", encoding="utf-8")
    (tmp_path / "page.txt.meta.yaml").write_text("doc_type: other\n", encoding="utf-8")
    assert texts(extract(f)) == [("", "The Panel noted the outstanding actions list.")]


def test_a_point_that_is_a_bare_decision_in_action_minutes(tmp_path: Path) -> None:
    """Terse action minutes close a point with "Noted." or "Approved as a true record.": each is a decision,
    read with its item's title; "Noted." inside a sentence's line, after other words, is not one."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes of the Working Group\n\n1. Notes of the last meeting\n1.1 Approved as a "
                 "true record.\n\n"
                 "2. Road safety scheme\n2.1 The engineer set out the options. Noted.\n2.2 Noted.\n",
                 encoding="utf-8")
    assert texts(extract(f)) == [("", "Approved as a true record (Notes of the last meeting)"),
                                 ("", "Noted (Road safety scheme)")]



DECISION_NOTICE = (
    "Rother District Council\n\nDECISION NOTICE - CABINET\n\nMeeting of Cabinet held on 3 March 2025\n\n"
    "Item: Beach Hut Fees\n\nDecision\n\nCabinet, having considered the report of the Head of Assets:\n\n"
    "1. Confirmed the beach hut fee of 400 pounds for 2025/26.\n"
    "2. Agreed that a discount of 10 percent be offered to residents.\n"
    "3. Asked the Head of Assets to track demand over the summer and to present the results in October.\n\n"
    "Reasons\n\nThe service must recover its costs.\n"
)


def test_a_decision_notice_s_body_having_considered_a_paper_then_its_past_tense_decisions(
        tmp_path: Path) -> None:
    """"Cabinet, having considered the report ...:" over "1. Confirmed ...", "3. Asked ...": each a
    decision."""
    f = tmp_path / "notice.txt"
    f.write_text(DECISION_NOTICE, encoding="utf-8")
    found = [t for _, t in texts(extract(f))]
    assert any(t.startswith("Confirmed the beach hut fee") for t in found)
    assert any(t.startswith("Asked the Head of Assets to track demand") for t in found)
    assert not any("recover its costs" in t for t in found)

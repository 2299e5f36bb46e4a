"""The text layer: one view of a document's lines, headings, items, lists, sentences and clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Section
from kg.read import read_document
from kg.text import build, view

DATA = Path(__file__).parent / "data" / "text"


def _view(name: str):
    doc = read_document(DATA / name, root=DATA)
    return doc.text, view(doc)


def _sentences(text: str, tv) -> list[str]:
    return [text[s.start : s.end] for s in tv.sentences]


def test_item_numbers_in_every_common_form_open_items() -> None:
    """"41.", "42" without a stop, "Minute No. 43" and "Item 44" all open agenda items with their numbers."""
    text, tv = _view("english_minutes.txt")
    assert [(i.number, i.title) for i in tv.items] == [
        ("41", "Declarations of Interest"),
        ("42", "Minutes"),
        ("43", "Housing Performance Quarter 4"),
        ("44", "Work Programme"),
    ]
    last = tv.items[-1]
    assert text[last.start : last.end].rstrip().endswith("The Panel noted the work programme.")


def test_a_minute_number_with_its_year_opens_an_item() -> None:
    """"E005/24", "CAB 45/23", "45/23": a minute's number and its year, with a committee's letters or not,
    open items; a date at a line's start ("12/03/2024 ...") opens none."""
    text = ("Minutes\n\nE005/24 Recycling Performance Report\nThe report was noted.\n\n"
            "CAB 45/23 Dog Control\nNoted.\n\n46/23 Work Programme\nAgreed.\n\n"
            "12/03/2024 Site Visit Notes\nNone.\n")
    assert [(i.number, i.title) for i in build(text).items] == [
        ("E005/24", "Recycling Performance Report"), ("CAB 45/23", "Dog Control"),
        ("46/23", "Work Programme")]


def test_a_bracketed_number_after_a_line_without_a_stop_is_a_list_item() -> None:
    """"RESOLVED – That" then "(1) ..." : a bracketed number opens a list item even when the line before has
    no colon; a plain number wrapping a sentence ("to\n8.3 days") still does not."""
    tv = build("Minutes\n\nRESOLVED – That\n(1) the report be noted;\n(2) the plan be approved.\n")
    assert [li.marker for li in tv.list_items] == ["(1)", "(2)"]
    assert not build("Report\n\nThe delay fell again, to\n8.3 days in the quarter.\n").list_items


def test_an_item_ends_where_the_next_begins() -> None:
    """No item runs into the next: the RESOLVED list of item 43 stays inside item 43."""
    text, tv = _view("english_minutes.txt")
    item = next(i for i in tv.items if i.number == "43")
    body = text[item.start : item.end]
    assert "(ii) the number of households" in body and "Work Programme" not in body


def test_scottish_item_numbers_and_decision_lists() -> None:
    """"2(a) ATTAINMENT REPORT" is an item of its own, and a Decision's (i)/(ii) are roman list items."""
    text, tv = _view("scottish_minute.txt")
    assert [i.number for i in tv.items] == ["1", "2(a)", "3"]
    assert [(li.marker, li.kind) for li in tv.list_items] == [("(i)", "roman"), ("(ii)", "roman")]
    assert text[tv.list_items[1].body_start : tv.list_items[1].end].startswith("that a report on attainment")


def test_welsh_bilingual_headings_are_items() -> None:
    """"5. COFNODION / MINUTES" is item 5, and a Welsh sentence and its English one are two sentences."""
    text, tv = _view("welsh_minutes.txt")
    assert [(i.number, i.title) for i in tv.items] == [
        ("5", "COFNODION / MINUTES"),
        ("6", "PERFFORMIAD / PERFORMANCE"),
    ]
    assert "Cadarnhawyd cofnodion y cyfarfod." in _sentences(text, tv)


def test_nested_lists_keep_their_depth() -> None:
    """(a)/(b) lettered resolutions hold (i)/(ii) sub-items one level deeper; bullets are their own list."""
    text, tv = _view("english_minutes.txt")
    kinds = [(li.marker, li.kind, li.depth) for li in tv.list_items]
    assert kinds == [
        ("•", "bullet", 0), ("•", "bullet", 0), ("•", "bullet", 0),
        ("(a)", "letter", 0), ("(b)", "letter", 0), ("(i)", "roman", 1), ("(ii)", "roman", 1),
    ]


def test_list_markers_are_not_part_of_the_sentence() -> None:
    """A list item's sentence starts after its marker, and knows which list item it belongs to."""
    text, tv = _view("english_minutes.txt")
    s = next(s for s in tv.sentences if text[s.start : s.end] == "That the report be noted.")
    assert s.list_item is not None and tv.list_items[s.list_item].marker == "(a)"


def test_wrapped_prose_is_one_sentence_and_a_field_line_is_its_own() -> None:
    """Lines wrapped at a width join into sentences; short field lines ("Wards: All") stand alone."""
    text, tv = _view("wrapped_report.txt")
    sents = _sentences(text, tv)
    assert "Wards: All" in sents and "Author: Priya Shah, Performance Officer" in sents
    assert ("Missed collections fell to 41 per 100,000, down\nfrom 58 in the previous quarter.") in sents


def test_abbreviations_do_not_end_sentences() -> None:
    """"Cllr. Brown asked why" stays in one sentence with what follows the abbreviation."""
    text, tv = _view("english_minutes.txt")
    opening = "Cllr. Brown asked why; the Head of Housing Options said"
    assert any(s.startswith(opening) for s in _sentences(text, tv))


def test_an_alderman_s_and_a_minister_s_abbreviated_titles_do_not_end_sentences() -> None:
    """"Seconded by Ald. Byrne and agreed that ..." is one sentence, as is "Rev. Hughes gave the blessing"."""
    tv = build("Proposed by Cllr Moore, Seconded by Ald. Byrne and agreed that the plan be approved.\n\n"
               "The Rev. Hughes opened the meeting with a prayer. Apologies were received.")
    sents = [tv.text[s.start : s.end] for s in tv.sentences]
    assert sents[0].endswith("agreed that the plan be approved.")
    assert "The Rev. Hughes opened the meeting with a prayer." in sents


def test_running_footers_are_furniture_and_never_in_a_sentence() -> None:
    """A running footer with a page number is furniture; no sentence quotes it."""
    text, tv = _view("wrapped_report.txt")
    furniture = [text[ln.start : ln.end] for ln in tv.lines if ln.furniture]
    assert len(furniture) == 2 and all("Page" in f for f in furniture)
    assert not any("Page 4" in s for s in _sentences(text, tv))
    paragraph = next(li for li in tv.list_items if li.marker == "3.2")
    assert text[paragraph.body_start :].startswith("Garden waste subscriptions")


def test_a_paragraph_broken_by_a_page_goes_on() -> None:
    """A sentence cut by a blank line and continuing in lower case is one sentence."""
    tv = build("The rate was 23.1% when compared\n\nwith the previous quarter. Next sentence.")
    assert tv.text[tv.sentences[0].start : tv.sentences[0].end].endswith("with the previous quarter.")


def test_clauses_split_at_semicolons_and_contrast_words() -> None:
    """"...; however ..." gives three clauses, the break word opening the last."""
    text, tv = _view("english_minutes.txt")
    i = next(i for i, s in enumerate(tv.sentences) if text[s.start : s.end].startswith("Cllr. Brown"))
    clauses = [text[c.start : c.end] for c in tv.clauses_of(i)]
    assert clauses == [
        "Cllr. Brown asked why",
        "the Head of Housing Options said that\ncontractor capacity was the main cause",
        "however this was improving.",
    ]


def test_quoted_speech_but_not_apostrophes() -> None:
    """'the trend is improving' is a quotation; the apostrophe of "Members’" is not a closing mark."""
    text, tv = _view("welsh_minutes.txt")
    assert [text[a:b] for a, b in tv.quotes] == ["the trend is improving"]


def test_dates_and_wrapped_numbers_are_not_headings_or_markers() -> None:
    """"16 January 2025" is not item 16, and a figure wrapped to the start of a line is not a list marker."""
    tv = build("Report\n16 January 2025\n\n3.2 The delay fell again, to\n8.3 days in the quarter.\n")
    assert not tv.items
    assert [li.marker for li in tv.list_items] == ["3.2"]


def test_a_numbered_paragraph_leading_into_a_list_is_not_a_heading() -> None:
    """"8.4 RESOLVED: That the Panel:-" opens the decision list below it; it is no item heading."""
    tv = build("8.4 RESOLVED: That the Panel:-\n\n(a) notes the report; and\n\n(b) asks the Clerk to write.")
    assert not tv.headings and not tv.items
    assert tv.sentences[0].kind != "heading"


def test_tables_are_left_out_of_the_prose() -> None:
    """Lines inside a reader's table section belong to no sentence."""
    text = "Intro sentence.\n\nIndicator\tQ1\tTarget\nRecycling rate\t52.4\t55\n\nAfter the table.\n"
    start = text.index("Indicator")
    end = text.index("\n\nAfter")
    tv = build(text, (Section("table", start, end),))
    assert [text[s.start : s.end] for s in tv.sentences] == ["Intro sentence.", "After the table."]
    assert tv.in_table(start + 3, start + 5)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_every_sentence_quote_is_exact_and_inside_the_text(name: str) -> None:
    """Offsets are into the pinned rendition: each unit's text is a stripped slice of it."""
    text, tv = _view(name)
    for s in tv.sentences:
        piece = text[s.start : s.end]
        assert piece and piece == piece.strip()
    assert all(tv.sentences[i].end <= tv.sentences[i + 1].start for i in range(len(tv.sentences) - 1))


def test_a_list_item_repeated_in_a_page_is_not_running_furniture() -> None:
    """A ModernGov page repeats its decisions ("- Noted the content of ... Appendix 2") in its Decision and
    Minutes blocks: a repeated line opening as a list item is text, not a running header."""
    line = "- Noted the content of the Demand Pressures Dashboard attached as Appendix 2"
    tv = build(f"Decision:\n\n{line}\n\nMinutes:\n\nSome words.\n\n{line}\n")
    assert not any(ln.furniture for ln in tv.lines)


def test_and_it_was_agreed_opens_a_clause_of_its_own() -> None:
    """"X would include Y and it was agreed that Z would be circulated" is two statements."""
    text = "Future reports would include a rating and it was agreed that a summary would be circulated."
    tv = build(text)
    assert [text[c.start:c.end] for c in tv.clauses][1].startswith("and it was agreed")


def test_a_line_ending_in_two_figures_is_a_row_of_its_own() -> None:
    """"All the rest 56 days 67 days" over "Pre-application enquiries N/A 88 days": each line is a table's
    row, not one wrapped sentence, even where the next line's first word would have fitted."""
    text = ("The timings below are the most recent averages we are required to submit to central "
            "government.\n\nAll the rest 56 days 67 days\nPre-application enquiries N/A 88 days\n")
    tv = build(text)
    assert _sentences(text, tv)[-2:] == ["All the rest 56 days 67 days",
                                         "Pre-application enquiries N/A 88 days"]


def test_the_flat_text_joins_wrapped_lines_inside_sentences_only() -> None:
    """`flat` is the text with each line break inside a sentence a space (same length); a blank line, a
    heading and a list item still break it."""
    text = ("4. Housing\n\nThe Head of Housing and Public\nProtection agreed to circulate the\n"
            "figures before the next meeting.\n\n(a) That the report be noted.\n")
    tv = build(text)
    assert len(tv.flat) == len(text)
    assert "Head of Housing and Public Protection agreed to circulate the figures" in tv.flat
    assert tv.flat.startswith("4. Housing\n\n") and "meeting.\n\n(a) That" in tv.flat


def test_a_running_head_at_each_page_break_is_furniture_and_a_sentence_goes_on_over_it() -> None:
    """A line printed at every page break (next to "Page 2 of 3" or a form feed) is furniture whatever it
    says; a sentence cut by the page, its first part filling the line, goes on after it even when the next
    part starts with a capital ("The Head of / Commissioning agreed")."""
    line = "Councillor Pryce asked whether breaks could be offered at weekends or in evenings. The Head of"
    para = "earlier text that fills a line of this paper from one margin right over to the other margin\n" * 3
    text = (f"Scrutiny Papers - Public Pack\n{para}{line}\nPage 2 of 3\n\f\nScrutiny Papers - Public Pack\n"
            "Commissioning agreed to explore weekend breaks with the carers' centre and other providers.\n")
    tv = build(text)
    heads = [ln for ln in tv.lines if text[ln.start:ln.end] == "Scrutiny Papers - Public Pack"]
    assert len(heads) == 2 and all(ln.furniture for ln in heads)
    s = next(s for s in tv.sentences if text[s.start:s.end].startswith("The Head of"))
    assert text[s.start:s.end].endswith("other providers.")
    assert "The Head of" in tv.flat and "Public Pack" not in tv.flat[s.start:s.end]


def test_a_running_head_printed_once_inside_a_sentence_at_a_page_break_is_furniture() -> None:
    """The next page's head printed only once ("Licensing Panel - 4 May 2025" under "Page 1") that a sentence
    runs over (cut mid-sentence before the break, going on in lower case after it) is furniture, so its date
    is no part of the sentence; a heading after a finished sentence is kept."""
    para = "earlier text that fills a line of this paper from one margin right over to the other margin\n" * 3
    text = (f"{para}The Licensing Manager said that she would ask the taxi trade whether the rank "
            "could be\n\n"
            "Page 1\nLicensing Panel - 4 May 2025\n\nmoved before the summer. The Panel noted this.\n\n"
            "Page 2\nSTREET TRADING CONSENTS\n\nThe Panel considered two applications.\n")
    tv = build(text)
    head = next(ln for ln in tv.lines if text[ln.start:ln.end].startswith("Licensing Panel - 4 May"))
    assert head.furniture
    s = next(s for s in tv.sentences if "The Licensing Manager" in text[s.start:s.end])
    assert "4 May" not in tv.flat[s.start:s.end] and tv.flat[s.start:s.end].endswith("before the summer.")
    kept = next(ln for ln in tv.lines if text[ln.start:ln.end] == "STREET TRADING CONSENTS")
    assert not kept.furniture


def test_a_number_opening_a_line_of_wrapped_prose_is_no_heading() -> None:
    """A line that opens with a figure because the line before was filled and stopped mid-sentence ("... the
    collection rate was\\n96.4%, and ...") is prose, and so is a numbered point filled to the width whose
    sentence runs on in lower case ("3. Agreed that ... in Annex\\n2 was ..."); a numbered title stays one."""
    prose = ("Members were told that the number of applications received in the year to March was lower\n"
             "than in any year since 2015/16, and that the council tax collection rate for the year was\n"
             "96.4%, and the business rates collection rate had also improved to 98.1% from 97.5% the\n"
             "previous year.\n")
    tv = build("Committee minutes\n\n" + prose)
    assert not tv.headings
    point = ("Decision\n\n2. Agreed the revised protocol for the handling of complaints from members of the\n"
             "public,\n\n3. Noted that the action plan set out by the Chief Internal Auditor in Annex\n"
             "2 was a summary of the actions agreed with each service and would be kept under review,\n\n"
             "4. Annual Governance Statement\n\nThe Committee considered the draft statement.\n")
    tv = build(point)
    assert [h.text for h in tv.headings if h.number] == ["4. Annual Governance Statement"]
    assert [li.marker for li in tv.list_items] == ["2.", "3."]


def test_the_next_number_after_a_comma_still_opens_a_list_item() -> None:
    """"1. Noted the report,\\n2. Agreed ...": Word's text export drops the blank lines, and the number that
    follows the open item's opens the next item though the line before ends in a comma; another number
    there ("to\\n8 weeks") does not."""
    tv = build("Decision\n\n1. Noted the contents of the report,\n2. Agreed that a workshop be held for all "
               "members,\n3. Requested a further update in six months.\n")
    assert [li.marker for li in tv.list_items] == ["1.", "2.", "3."]
    later = build("Decision\n\n1. Noted that waiting times had risen,\n8. weeks later ...\n")
    assert not later.list_items[1:]


def test_a_paragraph_typed_without_a_blank_line_ends_a_list_item() -> None:
    """A bullet point, then a paragraph on the next line with no blank line between (as Word's text export
    gives them): the paragraph's sentences belong to no list item and start a paragraph of their own."""
    text = ("The measures rated Red were:\n\u2022 Rent collected as a percentage of rent due.\n"
            "\u2022 Average days to re-let an empty home.\n"
            "The report also set out where performance had improved over the year, with the time taken to "
            "process new benefit claims falling to 18 days.\n")
    tv = build(text)
    assert [text[li.start:li.end].rstrip(".") for li in tv.list_items] == [
        "\u2022 Rent collected as a percentage of rent due", "\u2022 Average days to re-let an empty home"]
    last = tv.sentences[-1]
    assert text[last.start:last.end].startswith("The report also") and last.list_item is None
    assert last.paragraph != tv.sentences[-2].paragraph


def test_a_line_too_long_to_be_wrapped_ends_its_paragraph() -> None:
    """A line of 200 characters or more is a paragraph typed as one line: a sentence after it on the next
    line starts a new paragraph; lines wrapped to a page's width stay one paragraph."""
    long = ("The Head of Finance reported that the forecast outturn for the year was an overspend of £1.2m, "
            "mainly in children's placements and home to school transport, and that recovery plans were "
            "being prepared.")
    tv = build(f"Minutes\n\n{long}\nMembers asked about the transport contract.\n")
    assert tv.sentences[-1].paragraph != tv.sentences[-2].paragraph
    wrapped = ("The Head of Finance reported that the forecast outturn for the year was an overspend of\n"
               "£1.2m, mainly in placements. Recovery plans were being prepared for each service and\n"
               "would be reported to the Committee in the new year.\n")
    tv = build(f"Minutes\n\n{wrapped}")
    assert len({s.paragraph for s in tv.sentences[1:]}) == 1


def test_a_sentence_goes_on_over_a_page_break_after_a_word_that_cannot_end_it() -> None:
    """"... the average wait had fallen to / Page 2 of 4 / (form feed) / running head / 6.2 weeks." is one
    sentence: a line ending in "to", "from" or "of" does not end a sentence, a form feed alone on a line
    is page furniture, and "6.2 weeks" after the page break opens no list item."""
    head = "Kellside District Council - Licensing Committee"
    text = (f"{head}\n\nMinutes\n\nThe Licensing Manager reported that the number of applications had risen "
            "again and the average wait had fallen to\nPage 2 of 4\n\f\n"
            f"{head}\n6.2 weeks. Members welcomed the improvement.\n\n{head}\n")
    tv = build(text)
    assert not tv.list_items
    feed = next(ln for ln in tv.lines if text[ln.start:ln.end] == "\f")
    assert feed.furniture and not feed.blank
    s = tv.sentences[tv.sentence_at(text.index("6.2 weeks"))]
    assert text[s.start:s.end].startswith("The Licensing Manager reported")
    assert "fallen to" in tv.flat[s.start:s.end] and "Page 2" not in tv.flat[s.start:s.end]


def test_a_numbered_paragraph_wrapped_at_the_width_goes_on_to_its_next_line() -> None:
    """"3.1 The share ... was 61.24% in Quarter" over "3, down from ...", wrapped at 90 columns: the first
    line is measured with its number, as printed, so the next word would not have fitted and the sentence
    goes on (measured without "3.1 " it looked short enough to end a paragraph)."""
    text = ("Report\n\n"
            "3.1 The share of all waste sent for reuse, recycling or composting was 61.24% in Quarter\n"
            "3, down from 64.0% in Quarter 2 and below the council's own target of 65% for the year as\n"
            "a whole, which the service still expects to meet by the end of March.\n")
    tv = build(text)
    s = tv.sentences[tv.sentence_at(text.index("61.24%"))]
    assert text[s.start:s.end].rstrip().endswith("by the end of March.")


def test_a_numbered_line_ending_in_a_semicolon_and_a_conjunction_is_no_heading() -> None:
    """"1) the log be noted; and" between blank lines is a list item running on to the next, not a title."""
    text = "RESOLVED that:\n\n1) the log be noted; and\n\n2) a letter be sent.\n"
    tv = build(text)
    assert tv.headings == ()
    assert [i.marker for i in tv.list_items] == ["1)", "2)"]


def test_a_subordinate_clause_right_after_that_is_part_of_what_was_said() -> None:
    """"X commented that whilst A, B": "whilst" after "that" opens part of the reported statement, not a new
    one, so the clause runs on; "A, whilst B" still cuts."""
    text = ("The Leader commented that whilst costs were high, demand had fallen. "
            "Costs rose, whilst demand fell.\n")
    tv = build(text)
    first = [text[c.start : c.end] for c in tv.clauses_of(0)]
    assert first == ["The Leader commented that whilst costs were high, demand had fallen."]
    assert len(tv.clauses_of(1)) == 2


def test_a_marker_alone_on_its_line_opens_an_item_whose_text_follows() -> None:
    """"1." alone on a line, then the item's text (as PDF converters give lists): one item per marker, its
    body the lines after it; a short title after an item's last sentence ends the item."""
    text = ("RESOLVED:\n1.\nThat the report be noted.\n2.\nThat a letter be sent\nto the Minister.\n"
            "Next Steps\n")
    tv = build(text)
    assert [(i.marker, text[i.body_start : i.end]) for i in tv.list_items] == [
        ("1.", "That the report be noted."), ("2.", "That a letter be sent\nto the Minister.")]


def test_a_field_line_repeated_in_record_after_record_is_no_running_head() -> None:
    """"Due date: 11 February 2025" in two actions of a log is each action's field, not page furniture (a
    repeated line with digits is otherwise taken for a running head); a page's running head still is."""
    block = ("Action: Provide figures on empty homes by reason\nLead officer: Housing Services Manager\n"
             "Due date: 11 February 2025\nUpdate: Not yet due.\n")
    text = f"Rolling actions log\n\n{block}\n{block.replace('empty homes', 'lettings')}"
    tv = build(text)
    due = [ln for ln in tv.lines if text[ln.start:ln.end].startswith("Due date")]
    assert len(due) == 2 and not any(ln.furniture for ln in due)
    paged = ("Kellside Council Housing Committee 11 February 2025\nFirst page text.\nPage 1 of 2\n\f\n"
             "Kellside Council Housing Committee 11 February 2025\nSecond page text.\nPage 2 of 2\n")
    heads = [ln for ln in build(paged).lines if paged[ln.start:ln.end].startswith("Kellside")]
    assert all(ln.furniture for ln in heads)


def _double_wrapped() -> str:
    """A minute wrapped at about 96 characters, then again at 86: each long line leaves a word or two behind,
    some of them before a capitalised word of the same sentence."""
    lines = [
        "The Head of Regulatory Services reported that food hygiene inspections were behind the",
        "programme",
        "because two Environmental Health Officer posts had been vacant since the spring and the",
        "agency",
        "market could not supply qualified staff. Councillor Ashdown asked when the backlog would be",
        "cleared.",
        "The Head of Regulatory Services said that the programme would recover by the end of the",
        "financial",
        "year and undertook to write to the Chief Executive of the Food Standards Agency and its",
        "Regional",
        "Director for the North about the shortage of qualified officers across the whole of the",
        "region.",
        "Members noted that the Service Manager for Licensing and Enforcement would present the",
        "revised",
        "inspection plan at the next meeting, together with the cost of agency staff so far this",
        "year.",
    ]
    return "Regulatory Committee\n\nMinutes\n\n" + "\n".join(lines) + "\n"


def test_text_wrapped_twice_keeps_each_sentence_whole_over_its_leftover_lines() -> None:
    """Lines wrapped at one width and again at a narrower one leave a word or two alone on a line after
    each full line ("... and its" / "Regional" / "Director for ..."): they go on their sentence."""
    text = _double_wrapped()
    tv = build(text)
    assert any(ln.orphan for ln in tv.lines)
    s = tv.sentences[tv.sentence_at(text.index("undertook"))]
    assert " ".join(text[s.start:s.end].split()).startswith("The Head of Regulatory Services said")
    flat = " ".join(tv.flat[s.start:s.end].split())
    assert flat.endswith("qualified officers across the whole of the region.")


def test_a_short_line_after_a_full_one_once_in_a_document_is_no_leftover_of_a_second_wrap() -> None:
    """One short line after a full line (a name closing a list, a paragraph's last words) is what wrapping
    once gives too: only a document where it recurs line after line is read as wrapped twice."""
    text = ("Licensing Sub-Committee\n\nMinutes\n\n"
            "Present: Councillors Ashdown (Chair), Brierley, Calloway, Dunmore, Ellwood, Fairbairn and\n"
            "Greenhalgh\n"
            "The Licensing Officer introduced the report on the application for a premises licence for\n"
            "the former bank building on the High Street, which had drawn eleven representations.\n"
            "The applicant's agent addressed the Sub-Committee and answered questions from members about\n"
            "the proposed hours, the dispersal policy and the management of the outside seating area.\n"
            "Members retired to consider the application with the legal adviser and the clerk, and on their\n"
            "return the Chair announced the decision of the Sub-Committee and the reasons for it.\n"
            "RESOLVED that the licence be granted subject to the conditions agreed at the hearing.\n")
    tv = build(text)
    assert not any(ln.orphan for ln in tv.lines)


def test_a_bracketed_figure_opening_a_line_goes_on_from_the_words_before_it() -> None:
    """"... the average time to re-let an empty home" over "(41 days) was ...", the bracket short enough to
    have fitted on the line above: the figure is the words' own, the sentence goes on (a bracketed list
    marker, "(2) ...", still opens a line of its own)."""
    text = ("Minutes\n\n"
            "Members noted the report of the housing service for the third quarter of the year and thanked\n"
            "officers. They were concerned that the average time taken to re-let an empty council home\n"
            "(41 days) was the longest for five years, and they asked that an action plan should come to\n"
            "the Panel in the spring, with the views of the tenants' forum on what had gone wrong lately.\n")
    tv = build(text)
    s = tv.sentences[tv.sentence_at(text.index("41 days"))]
    assert text[s.start:s.end].startswith("They were concerned")
    assert [li.marker for li in build("Minutes\n\nRESOLVED – That\n(1) the report be noted;\n(2) the plan be "
                                      "approved.\n").list_items] == ["(1)", "(2)"]


def test_a_share_of_something_after_comma_and_opens_a_clause_of_its_own() -> None:
    """", and 91% of complaints were answered ..." after one measure's levels is a second statement with its
    own subject; "and" before a figure that is not a share of something does not cut."""
    text = ("Rent collection rose to 98.9%, above the 98% target, and 91% of complaints were answered in "
            "time. Arrears fell to 2.1%, and 1.9% the year before.")
    tv = build(text)
    clauses = [text[c.start : c.end] for c in tv.clauses]
    assert clauses[1] == "and 91% of complaints were answered in time."
    assert clauses[2] == "Arrears fell to 2.1%, and 1.9% the year before."


def test_a_rule_of_dashes_drawn_at_a_page_break_is_furniture_and_opens_no_sentence() -> None:
    """A text dump marks a page break with a line of dashes alone: it is furniture like the running head after
    it, so the first sentence of the new page starts at its own first word, not at the rule."""
    para = "earlier text that fills a line of this paper from one margin right over to the far margin.\n" * 3
    text = (f"Corporate Parenting Board\n{para}                          3\n" + "-" * 70 + "\n"
            "Corporate Parenting Board\nCouncillor Hewitt asked how many care leavers were in work.\n"
            "The Virtual School Head said that the figure was rising.\n")
    tv = build(text)
    rule = next(ln for ln in tv.lines if text[ln.start:ln.end].startswith("-----"))
    assert rule.furniture
    s = next(s for s in tv.sentences if "Hewitt asked" in text[s.start:s.end])
    assert text[s.start:s.end].startswith("Councillor Hewitt asked")


def test_a_valediction_ends_its_line_without_a_blank_line() -> None:
    """A summons saved as Word text (no blank lines): "Yours sincerely," does not run into the name below."""
    text = ("Notice is hereby given that a meeting of the Licensing Sub-Committee will be held in the\n"
            "Guildhall on Monday 2 March 2026 at 2.00 pm to transact the business set out below.\n"
            "Yours sincerely,\nMorag Ferguson\nHead of Legal and Democratic Services\n"
            "Membership: Councillors Dunlop (Convener), Baird and McAllister.\n")
    sents = _sentences(text, build(text))
    assert "Yours sincerely," in sents and "Morag Ferguson" in sents


def test_a_line_wrapped_inside_brackets_goes_on_to_the_closing_bracket() -> None:
    """A post in brackets re-wrapped so that its first word stands alone ("(Committee" / "Clerk).") stays in
    the sentence of the name before it."""
    text = ("Officers present: Siobhan Quinn (Director of Environment), Declan Hughes (Head of Estates),\n"
            "Rhys Owen (Committee\nClerk).\n\nApologies were received from Alderman Boyd.\n")
    sents = _sentences(text, build(text))
    assert any(s.startswith("Officers present:") and s.endswith("(Committee\nClerk).") for s in sents)


def test_a_numbered_item_after_a_field_line_wider_than_the_page_is_a_heading() -> None:
    """In wrapped minutes, a tab-set attendance line far wider than the page's measure was never wrapped: the
    numbered line under it opens the next item rather than going on its list."""
    prose = ("The Chair welcomed everyone to the meeting and reminded those present that the meeting was\n"
             "being broadcast live and that the recording would be available on the council's website\n"
             "for a period of six months after the meeting, in line with the council's retention policy.\n")
    text = ("Planning Committee\n\n" + prose * 3 + "\nIn attendance:\tHead of Development Management - Gareth"
            " Price; Principal Planning Officer - Nia Jenkins; Solicitor - Aled Thomas; Committee Clerk -"
            " Ffion Davies\n45/26\tApologies for Absence\nThere were none.\n")
    tv = build(text)
    assert any(h.number == "45/26" for h in tv.headings)

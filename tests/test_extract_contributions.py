"""Contributions: who asked, who commented, who answered which question; groups; passive answers; traps."""

from __future__ import annotations

from pathlib import Path

from kg.extract import bodies, contributions, people
from kg.model import ContributionFact, Extraction
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent
MINUTES = Path(__file__).resolve().parent / "data" / "minutes"


def extract(path: Path) -> Extraction:
    x = Extraction(doc=read_document(path, root=path.parent))
    return contributions.extract(people.extract(bodies.extract(x)))


def seed(prefix: str) -> Extraction:
    return extract(next((ROOT / "seeds").glob(f"{prefix}_*.txt")))


def by_key(x: Extraction) -> dict[str, ContributionFact]:
    return {c.key: c for c in x.contributions}


def answered(x: Extraction, speaker: str) -> list[tuple[str | None, str]]:
    """(responder, kind of what was answered) for every answer to `speaker`'s contributions."""
    own = {c.key: c.kind for c in x.contributions if c.speaker == speaker}
    return [(c.speaker, own[c.responds_to]) for c in x.contributions
            if c.kind == "response" and c.responds_to in own]


def test_councillor_questions_answered_by_the_post() -> None:
    x = seed("004")
    qs = [c for c in x.contributions if c.kind == "question"]
    assert [c.speaker for c in qs] == ["councillor:Crute", "councillor:Mulholland", "councillor:Scurfield"]
    for q in qs:
        answers = [c for c in x.contributions if c.responds_to == q.key]
        assert answers and answers[0].speaker == "post:Corporate Equalities and Strategy Manager"
    assert [c.speaker for c in x.contributions if c.kind == "comment"] == []


def test_pronouns_carry_the_speaker_and_the_council_name_is_no_speaker() -> None:
    x = seed("000")
    head = "post:Head of Early Help, Assessment & Safeguarding"
    assert ("question" in {k for _, k in answered(x, "councillor:Patterson")})
    assert all(r == head for r, _ in answered(x, "councillor:Durham"))
    durham_q = [c for c in x.contributions if c.speaker == "councillor:Durham"]
    assert [c.kind for c in durham_q] == ["question"]  # "was interested to understand"
    assert not any("would not be complacent" in c.span.quote and c.kind != "response"
                   for c in x.contributions)


def test_was_advised_that_is_a_response_with_lower_confidence() -> None:
    x = seed("000")
    passive = [c for c in x.contributions if c.span.quote.startswith("was advised that")]
    assert len(passive) == 1
    p = passive[0]
    assert p.kind == "response" and p.confidence < 1
    assert by_key(x)[p.responds_to].speaker == "councillor:Patterson"
    member_part = by_key(x)[p.responds_to]
    assert "was advised" not in member_part.span.quote


def test_panel_and_officers_as_groups() -> None:
    x = seed("001")
    kinds = [(c.kind, c.speaker) for c in x.contributions]
    assert ("question", "group:panel") in kinds and ("comment", "group:panel") in kinds
    officers = next(c for c in x.contributions if c.speaker == "group:officers")
    assert officers.kind == "response" and by_key(x)[officers.responds_to].kind == "comment"
    dcd = next(c for c in x.contributions
               if c.speaker and c.speaker.startswith("post:Deputy Corporate Director"))
    assert by_key(x)[dcd.responds_to].kind == "question"
    assert not any(c.span.quote.startswith("The Panel noted") for c in x.contributions)


def test_reports_hold_no_contributions() -> None:
    assert seed("002").contributions == ()
    assert extract(MINUTES / "gateshead_report.txt").contributions == ()


def test_acronym_speaker_co_opted_member_and_passive_members() -> None:
    x = extract(MINUTES / "sunderland_scrutiny.txt")
    assert answered(x, "councillor:A Halden")[0] == ("post:Director of Children's Services", "question")
    hale = next(c for c in x.contributions if c.speaker == "other:Hale")
    assert hale.kind == "question"
    assert answered(x, "other:Hale") == [("post:Head of Early Help, Assessment & Safeguarding", "question")]
    members = next(c for c in x.contributions if c.span.quote.startswith("were advised that"))
    assert members.kind == "response" and by_key(x)[members.responds_to].speaker == "councillor:A Kolker"


def test_in_response_opener_and_mid_sentence_members() -> None:
    x = extract(MINUTES / "northumberland_minutes.txt")
    assert answered(x, "councillor:D Ferguson") == [("post:Head of Education & Skills", "question")]
    assert [k for _, k in answered(x, "councillor:A Dale")] == ["question"]
    d = extract(MINUTES / "darlington_minutes.txt")
    members = next(c for c in d.contributions if c.speaker == "group:members")
    assert members.kind == "question" and members.span.quote.startswith("Members sought clarification")
    assert answered(d, "group:members") == [("post:Assistant Director, Children's Services", "question")]


def test_short_post_reference_is_the_post_named_before() -> None:
    """"The Director replied" answers as the Director post named in full earlier in the item, and a passive
    answer after it is taken (with lower confidence) to come from that post."""
    x = extract(MINUTES / "durham_coreference.txt")
    dcyps = "post:Director of Children and Young People's Services"
    director = next(c for c in x.contributions if c.span.quote.startswith("The Director replied"))
    assert director.kind == "response" and director.speaker == dcyps
    passive = next(c for c in x.contributions if c.span.quote.startswith("was advised"))
    assert passive.speaker == dcyps and passive.confidence == 0.6


def test_topic_names_the_subject() -> None:
    x = seed("004")
    crute = next(c for c in x.contributions if c.speaker == "councillor:Crute")
    assert crute.topic
    response = next(c for c in x.contributions if c.responds_to == crute.key)
    assert response.topic == crute.topic


def test_chair_member_impersonal_and_implied_question() -> None:
    x = extract(MINUTES / "kent_cabinet_committee.txt")
    director = "post:Corporate Director of Children, Young People and Education"
    assert answered(x, "councillor:L Game") == [(director, "question")]  # "The Chair, Councillor Game, asked"
    member = next(c for c in x.contributions if c.speaker == "group:members")
    assert member.kind == "question" and member.span.quote.startswith("A Member asked")
    explained = next(c for c in x.contributions if c.span.quote.startswith("It was explained"))
    assert explained.kind == "response" and explained.responds_to == member.key and explained.confidence < 1
    implied = next(c for c in x.contributions if c.speaker == "councillor:de Souza")
    assert implied.kind == "question"
    assert implied.span.quote == "In response to a question from Councillor de Souza"
    assert answered(x, "councillor:de Souza") == [("post:Head of Fostering", "question")]
    assert [c.kind for c in x.contributions if c.speaker == "councillor:O’Brien"] == ["comment"]
    assert not any("next meeting would be held" in c.span.quote for c in x.contributions)


def test_answers_do_not_reach_into_an_earlier_item() -> None:
    x = extract(MINUTES / "leeds_scrutiny_board.txt")
    informed = next(c for c in x.contributions if c.span.quote.startswith("was informed"))
    assert informed.speaker is None and by_key(x)[informed.responds_to].speaker == "councillor:J Gibson"
    assert [c.kind for c in x.contributions if c.speaker == "councillor:S Lay"] == ["question"]
    adviser = next(c for c in x.contributions if c.speaker == "post:Principal Scrutiny Adviser")
    assert adviser.kind == "comment" and adviser.responds_to is None  # item 42, after Lay's item-41 question


def test_in_answer_to_a_councillors_question_and_made_the_point() -> None:
    x = extract(MINUTES / "statutory_officers.txt")
    assert answered(x, "councillor:Brown") == [("post:Director of Finance", "question")]
    assert answered(x, "councillor:Green") == [("post:Monitoring Officer", "comment")]


def test_no_break_spaces_are_spaces(tmp_path: Path) -> None:
    f = tmp_path / "nb.txt"
    body = "Minutes\n\nCouncillor\u00a0Smith asked about parks.\u00a0The Head\u00a0of Finance replied.\n"
    f.write_text(body, encoding="utf-8")
    x = extract(f)
    assert [p.key for p in x.people] == ["councillor:Smith"]
    assert [p.key for p in x.posts] == ["post:Head of Finance"]
    assert answered(x, "councillor:Smith") == [("post:Head of Finance", "question")]


SPEAKERS = Path(__file__).resolve().parent / "data" / "speakers"


def test_speakers_after_openers_and_councillor_answers() -> None:
    """Welsh county borough minutes: the speaker after "In response to the question from", "Following a
    question from"; an answer goes to the question it names, not the latest; a Cabinet Member (as a post
    or as the councillor holding it) answers; "Following the presentation" is no answer opener."""
    x = extract(SPEAKERS / "welsh_cbc.txt")
    hoasc = "post:Head of Adult Services and Commissioning"
    assert (hoasc, "question") in answered(x, "councillor:R Price")
    # the HoASC answered R Price's question, not the later one; the bullet "in response to questions from
    # Councillor Lloyd-Evans the Committee Officer explained" answers the carers' review question
    evans = {c.key: c for c in x.contributions if c.speaker == "councillor:N Lloyd-Evans"}
    answers = [c for c in x.contributions if c.kind == "response" and c.responds_to in evans]
    assert [(a.speaker, evans[a.responds_to].span.quote[:60]) for a in answers] == [
        ("post:Committee Officer", "County Borough Councillor Lloyd-Evans asked whether the care")]
    ops = "post:Operations Manager (Performance, Governance and Waste)"
    assert answered(x, "councillor:T Price") == [(ops, "question")]
    assert answered(x, "group:members") == [("post:Cabinet Member for Social Services", "question")]
    assert answered(x, "councillor:W Morgan") == [("councillor:S Rees", "question")]
    pronoun = next(c for c in x.contributions if c.span.quote.startswith("She undertook"))
    assert pronoun.speaker == hoasc
    presentation = next(c for c in x.contributions if c.span.quote.startswith("Following the presentation"))
    assert presentation.kind == "question" and presentation.speaker == "group:members"
    assert not any(c.kind == "response" and c.responds_to == presentation.key for c in x.contributions)


def test_leading_phrases_impersonal_lists_and_q_a() -> None:
    """Scottish minutes: "85.1 In respect of question 2, Councillor X asked", "At the invitation of the
    Convener, Councillor X wanted to understand", "A question was asked about", points under "Members
    raised the following points:", a Q./A. layout, a short post reference and a co-optee asking."""
    x = extract(SPEAKERS / "scottish.txt")
    manager = "post:Service Manager, Roads and Transportation"
    head = "post:Head of Communities"
    assert answered(x, "councillor:A Munro") == [(manager, "question")]
    assert answered(x, "councillor:F Munro") == [(head, "question")]
    asked = [c for c in x.contributions if c.speaker == "group:members"]
    assert [c.kind for c in asked] == ["question", "question", "comment"]
    assert asked[1].span.quote.startswith("whether signage") and asked[2].span.quote.startswith("the cost")
    assert not any(c.span.quote.startswith("Members raised") for c in x.contributions)
    assert answered(x, "councillor:M Baxter") == [(head, "question")]
    assert answered(x, "other:Haldane") == [(head, "question")]


def test_q_and_a_lines_pair_up_beside_prose(tmp_path: Path) -> None:
    """A "Q." line asks (its councillor named inside) and the "A." line after it answers, beside prose
    questions and answers of the same item; no answer is left without its speaker."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nCouncillor Ross asked about libraries. "
                 "The Head of Culture said hours would rise.\n\n"
                 "Q. Councillor Ross: when will the review end?\nA. The Head of Culture said in May.\n",
                 encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:Ross") == [("post:Head of Culture", "question")] * 2
    assert not any(c.kind == "response" and c.speaker is None for c in x.contributions)


def test_challenged_queried_keen_to_know_and_a_portfolio_holder_answers() -> None:
    """English district minutes: "challenged", "queried" and "was keen to know" ask; a short reference to
    a title with a bracketed qualifier is that post; a pronoun carries it; the Portfolio Holder (a
    councillor) answers; a co-opted parent governor asks as "other"."""
    x = extract(SPEAKERS / "english_district.txt")
    repairs = "post:Repairs Manager (Planned and Responsive Works)"
    kinds = {c.speaker: c.kind for c in x.contributions if c.kind != "response"}
    assert kinds == {"councillor:J Hughes": "question", "councillor:P Hughes": "question",
                     "councillor:L Wade": "question", "other:Singh": "question"}
    assert answered(x, "councillor:P Hughes") == [(repairs, "question")] * 2  # "He added" carries the post
    assert answered(x, "councillor:L Wade") == [("councillor:K Adams", "question")]
    assert answered(x, "other:Singh") == [("post:Head of Tenancy Services", "question")]


def test_a_verb_of_speech_in_the_passive_is_not_said_by_its_subject(tmp_path: Path) -> None:
    """"Officers were asked to set up separate targets": nobody named spoke; the officers were asked."""
    path = tmp_path / "m.txt"
    path.write_text("Minutes of the meeting\n\nOfficers were asked to review the targets for the depot.\n",
                    encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    assert extract(path).contributions == ()


def test_real_member_question_time_councillors_reply_to_numbered_questions() -> None:
    """Gloucestershire's member questions (tests/data/xreal): "Question 1 – Cllr A stated ... . He asked ..."
    are Cllr A's questions (not the members'); "Cllr B replied that ..." answers them, whatever post Cllr B
    holds; a councillor who only "stated" his view remarks."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "gloucestershire_questions.txt")
    qs = [c for c in x.contributions if c.kind == "question"]
    assert [c.speaker for c in qs] == ["councillor:P Hodgkinson", "councillor:P Hodgkinson",
                                       "councillor:C Hay", "councillor:I Dobie"]
    replies = [(c.speaker, by_key(x)[c.responds_to].speaker) for c in x.contributions if c.kind == "response"]
    assert replies == [("councillor:M Hawthorne", "councillor:P Hodgkinson"),
                       ("councillor:D Norman", "councillor:I Dobie")]


def test_real_q_and_a_lines_take_the_quoted_question_and_answer_after_them() -> None:
    """Doncaster's member questions (tests/data/xreal): "Q. Councillor A asked the following question:-" and
    "A. The Mayor ... gave the following response:-" take the quotation after each as their words."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "doncaster_questions.txt")
    q, a = x.contributions[0], x.contributions[1]
    assert q.kind == "question" and q.speaker == "councillor:R Jones"
    assert q.span.quote.endswith("in the region?\"")
    assert a.kind == "response" and a.responds_to == q.key
    assert a.span.quote.endswith("at the first opportunity.\"")


def test_real_points_listed_under_a_passive_lead_in_are_the_members_questions() -> None:
    """Merthyr Tydfil's minutes (tests/data/xreal): "The following questions/matters were raised by Committee
    and answered in detail by the Officers:-" makes each point listed below a question of the members."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "merthyr_highways.txt")
    qs = [c for c in x.contributions if c.kind == "question"]
    assert qs and all(c.speaker == "group:members" for c in qs)
    assert any("when do you start filling grit boxes" in c.span.quote for c in qs)


def test_real_verb_in_a_relative_clause_about_a_report_is_no_question() -> None:
    """Oadby and Wigston's minutes (tests/data/xreal): "The Committee received the report ... which asked it
    to note ..." is the report asking, not the members: no question, and no answer to one."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "oadbywigston_performance.txt")
    assert x.contributions == ()


def test_real_officer_with_a_lower_case_post_between_commas_answers() -> None:
    """Southwark's minutes (tests/data/xreal): "Shelly Burke, head of scrutiny, responded that ..." answers
    the councillor's question, given by the named officer who holds the post of Head of Scrutiny."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "southwark_minutes.txt")
    q, a = x.contributions
    assert q.kind == "question" and a.kind == "response" and a.responds_to == q.key
    assert (a.speaker, "post:Head of Scrutiny") in {(h.person, h.post) for h in x.holdings}


def test_an_answer_opener_wrapped_over_a_line_break_still_names_the_asker(tmp_path: Path) -> None:
    """"In response to a query from Councillor X about Y,\\nthe Head of Z explained ...", as a PDF's text
    wraps it: the councillor's implied question and the post's answer are read as on one line, and the
    quotes are the rendition's own text, line break and all."""
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Minutes of the Resources Scrutiny Panel held on 4 March 2025\n\n"
        "Present: Councillor R Osei (Chair), Councillors M Byrne and T Holloway\n\n"
        "Officers: Amira Stead, Head of Revenues and Benefits\n\n"
        "7. Council Tax Collection\n\n"
        "The Head of Revenues and Benefits presented the report on collection in the third quarter.\n"
        "In response to a query from Councillor M Byrne regarding the recovery of older arrears,\n"
        "the Head of Revenues and Benefits explained that a second reminder had been introduced.\n",
        encoding="utf-8")
    x = extract(path)
    asked = next(c for c in x.contributions if c.speaker == "councillor:M Byrne")
    assert asked.kind == "question"
    assert answered(x, "councillor:M Byrne") == [("post:Head of Revenues and Benefits", "question")]
    answer = next(c for c in x.contributions if c.responds_to == asked.key)
    assert answer.span.quote.startswith("the Head of Revenues and Benefits explained")
    assert "\n" in x.doc.text[asked.span.start:answer.span.end]


def _minutes(tmp_path: Path, body: str) -> Extraction:
    f = tmp_path / "m.txt"
    f.write_text(body, encoding="utf-8")
    return extract(f)


def test_the_cabinet_member_answers_as_the_post_and_the_councillor_holding_it_answers(tmp_path: Path) -> None:
    """"The Cabinet Member said" after "Councillor Rowe (Cabinet Member for Leisure)" is that post answering,
    not the Cabinet as a body; "Also attending: Councillor Obi, Portfolio Holder for Waste." makes Councillor
    Obi an answering councillor."""
    x = _minutes(tmp_path, (
        "Minutes\n\nAlso attending: Councillor Rowe (Cabinet Member for Leisure); Councillor Obi, Portfolio "
        "Holder for Waste.\n\n"
        "Councillor Lane asked how many pools would close. The Cabinet Member said that none would close.\n\n"
        "Councillor Hart asked whether bin collections would change. Councillor Obi said that they would "
        "not.\n"))
    assert answered(x, "councillor:Lane") == [("post:Cabinet Member for Leisure", "question")]
    assert answered(x, "councillor:Hart") == [("councillor:Obi", "question")]
    assert not [c for c in x.contributions if (c.speaker or "").startswith("group:")]


def test_an_officer_named_over_an_indented_wrap_and_one_who_accepts_a_point_answer(tmp_path: Path) -> None:
    """"The\\n      Head of Finance said" (an indented minute wrapped after "The") and "The Head of Parks
    accepted that ..." answer the question just asked."""
    x = _minutes(tmp_path, (
        "Minutes\n\n      Councillor Lane asked about reserves. The\n      Head of Finance said that they "
        "were adequate.\n\nCouncillor Hart questioned whether play areas were inspected often enough. The "
        "Head of Parks accepted that some had been missed.\n"))
    assert answered(x, "councillor:Lane") == [("post:Head of Finance", "question")]
    assert answered(x, "councillor:Hart") == [("post:Head of Parks", "question")]


def test_the_chair_answers_a_members_request_of_the_committee(tmp_path: Path) -> None:
    """"Councillor Lane asked that a review of litter fines be added to the work programme. The Chair said
    that ..." is the Chair's answer; the Chair speaking after an answer already given answers nothing."""
    x = _minutes(tmp_path, (
        "Minutes\n\nCouncillor Lane asked that a review of litter fines be added to the work programme. The "
        "Chair said that it would be considered at the planning session.\n\n"
        "Councillor Hart asked about park toilets. The Head of Parks replied that two would reopen. The "
        "Chair said that she welcomed this.\n"))
    assert answered(x, "councillor:Lane") == [("group:chair", "question")]
    assert answered(x, "councillor:Hart") == [("post:Head of Parks", "question")]


def test_an_answer_cue_cut_by_a_wrapped_line_is_still_an_answer(tmp_path: Path) -> None:
    """"The Head of X agreed\\nto provide ..." as a PDF wraps it: the cue phrase split over the line break is
    read, and the post answers the councillor's question before it."""
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Minutes of the Resources Scrutiny Panel held on 4 March 2025\n\n"
        "Present: Councillor R Osei (Chair), Councillors M Byrne and T Holloway\n\n"
        "Officers: Amira Stead, Head of Revenues and Benefits\n\n"
        "7. Council Tax Collection\n\n"
        "Councillor T Holloway asked how many households were paying by direct debit. The Head of Revenues\n"
        "and Benefits agreed\nto provide the figures for each ward before the next meeting of the Panel.\n",
        encoding="utf-8")
    x = extract(path)
    assert answered(x, "councillor:T Holloway") == [("post:Head of Revenues and Benefits", "question")]


def test_a_second_speaker_joined_by_and_without_a_comma(tmp_path: Path) -> None:
    """"The Chair introduced the report on arrears and Councillor Bell asked ...": Councillor Bell asks, not
    the Chair; "Councillor Ward and Councillor Dunn asked ..." stays one clause with its first speaker."""
    (tmp_path / "m.txt").write_text(
        "Minutes\n\nThe Chair introduced the report on rent arrears and Councillor Bell asked why arrears "
        "had risen.\n\nCouncillor Ward and Councillor Dunn asked whether more staff were needed.\n")
    x = extract(tmp_path / "m.txt")
    questions = [(c.speaker, c.span.quote[:20]) for c in x.contributions if c.kind == "question"]
    assert questions == [("councillor:Bell", "Councillor Bell aske"),
                         ("councillor:Ward", "Councillor Ward and ")]


def test_real_english_minutes_the_asker_after_the_chair_s_introduction() -> None:
    """Ipswich's minutes (tests/data/xreal): Councillor Pope, not the Chair who presented the report, asked
    about the indicator."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "ipswich_perf.txt")
    askers = {c.speaker for c in x.contributions if c.kind == "question"}
    assert "councillor:Pope" in askers and not any(s and "chair" in s for s in askers)


def test_bulleted_questions_under_members_questions_answered_in_turn(tmp_path: Path) -> None:
    """"The Head of Finance answered the members' questions:" over bullets, each answered in the paragraph
    after it: every bullet is the members' question and each answer responds to the bullet before it."""
    (tmp_path / "m.txt").write_text(
        "Minutes\n\nBudget\n\nThe Head of Finance introduced the report and answered the members' "
        "questions:\n\n  • Will the overspend be recovered by March?\n\nOfficers responded that a plan was "
        "in place.\n\n  • Are agency costs rising?\n\nOfficers explained that they had fallen since June.\n",
        encoding="utf-8")
    x = extract(tmp_path / "m.txt")
    rows = [(c.kind, c.speaker, by_key(x)[c.responds_to].span.quote[:8] if c.responds_to else None)
            for c in x.contributions]
    assert rows == [("question", "group:members", None), ("response", "group:officers", "Will the"),
                    ("question", "group:members", None), ("response", "group:officers", "Are agen")]


def test_real_welsh_minutes_key_points_made_by_members() -> None:
    """Monmouthshire's minutes (tests/data/xreal): under "Key points made by members:" each bullet is the
    members'; one that asks in a participle ("Asking if ...", "Regarding X, asking whether ...") is a
    question; a "but ..." clause is the rest of its point, not another."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "monmouthshire_protection.txt")
    kinds = {c.span.quote.split()[0]: c.kind for c in x.contributions}
    assert kinds["Regarding"] == "question" and kinds["Noting"] == "comment"
    assert not any(c.span.quote.startswith("but") for c in x.contributions)
    assert {c.speaker for c in x.contributions} == {"group:members"}


def test_and_before_a_group_named_without_a_verb_of_its_own_joins_no_clause(tmp_path: Path) -> None:
    """"The Chair reported the log and referred to letters between Scrutiny and Cabinet Members.": "Cabinet
    Members" after "and" has no verb of speech, so the Chair's comment keeps its whole sentence."""
    (tmp_path / "m.txt").write_text("Minutes\n\nThe Chair reported the log and referred to recent letters "
                                    "between Scrutiny and Cabinet Members.\n")
    x = extract(tmp_path / "m.txt")
    assert [c.span.quote for c in x.contributions] == [
        "The Chair reported the log and referred to recent letters between Scrutiny and Cabinet Members."]


def test_real_minutes_asking_that_it_be_noted_is_a_comment() -> None:
    """East Lindsey's minutes (tests/data/xreal): "Councillor X asked it be noted that she was a Member of
    the ... Board" puts a statement on the record: a comment, not a question."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "elindsey_overview.txt")
    assert [c.kind for c in x.contributions] == ["comment"]


def test_asking_whether_something_would_be_noted_is_still_a_question(tmp_path: Path) -> None:
    """"asked whether it would be noted in the plan" still asks: only "asked (that) it be noted/recorded"
    is a statement for the record."""
    x = _minutes(tmp_path, "Minutes\n\n4. Plan\n\nCouncillor Lane asked whether the change would be noted in "
                           "the plan.\n\nCouncillor Hart asked that it be recorded that she had left.\n")
    assert [c.kind for c in x.contributions] == ["question", "comment"]


def test_an_officer_named_by_initials_answers(tmp_path: Path) -> None:
    """Action-style minutes list officers as "Post - Name (XY)" and then write "XY said": the initials are
    that officer answering the member's question."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nOfficers:\nHead of Libraries - Carys Bevan (CB)\n\n"
                 "7  Library opening hours\nCllr Rowntree asked whether Sunday opening could be trialled. "
                 "CB said a trial at two branches was being costed.\n", encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:Rowntree") == [("officer:Carys Bevan", "question")]


def test_the_cabinet_member_listed_by_label_answers_also_named_in_welsh_first(tmp_path: Path) -> None:
    """A councillor listed as "Executive Member: Cllr X" answers as "the Executive Member", also where the
    subject is written in Welsh and then English ("Yr Aelod Gweithredol / The Executive Member")."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nPresent: Cllr D Hughes (Chair), Cllr S Parry, Cllr W Rhys\n"
                 "Executive Member: Cllr O Price (Tai / Housing)\n\n"
                 "6  Housing repairs\nCouncillor Parry asked when the damp survey would finish. "
                 "Yr Aelod Gweithredol / The Executive Member said it would finish in June.\n"
                 "Councillor Rhys asked about voids. The Executive Member responded "
                 "that numbers were falling.\n",
                 encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:S Parry") == [("councillor:O Price", "question")]
    assert answered(x, "councillor:W Rhys") == [("councillor:O Price", "question")]


def test_an_officer_apologising_answers_and_an_executive_member_in_attendance_answers(tmp_path: Path) -> None:
    """"The Director apologised that the list was late" answers the member's question; a councillor listed as
    "Executive Member present: Cllr X (...)" answers as "The Executive Member"."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nMembers present: Councillors A Lowe, B Marsh\n"
                 "Executive Member present: Cllr C Nayar (Highways)\n"
                 "Officers in attendance:\nDirector of Highways - Pat Oduya\n\n"
                 "4  Potholes\nCouncillor Lowe asked when the resurfacing list would "
                 "be published. The Director of "
                 "Highways apologised that the contractor had been late with it.\n"
                 "Councillor Marsh asked whether gully cleaning could be doubled. "
                 "The Executive Member replied "
                 "that gully cleaning could not be doubled this year.\n", encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:A Lowe") == [("post:Director of Highways", "question")]
    assert answered(x, "councillor:B Marsh") == [("councillor:C Nayar", "question")]


def test_a_fire_service_commander_answers_by_rank(tmp_path: Path) -> None:
    """"Station Commander Rhona Keir (Fire and Rescue Service)" in attendance, then "Station Commander Keir
    replied": the rank is the post that answers the member's question."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nPresent: Councillors Boyd (Convener), Laing and Muir\n"
                 "In attendance: Station Commander Rhona Keir (Fire and Rescue Service)\n\n"
                 "5  Fire safety\nCouncillor Laing asked how many smoke alarms had "
                 "been fitted. Station Commander "
                 "Keir replied that crews had fitted over four hundred.\n", encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:Laing") == [("post:Station Commander", "question")]


def test_an_answer_after_the_answerers_initials_and_a_colon(tmp_path: Path) -> None:
    """Terse action minutes write an answer as "KB: ..." after the question, KB defined in the attendance
    ("KB (Head of Housing)"): the Head of Housing answers; "KB: ..." with no question before answers
    nothing."""
    (tmp_path / "m.txt").write_text(
        "Officers: KB (Head of Housing)\n\n1. Empty homes\n1.1 KB: the register was up to date.\n"
        "1.2 Cllr Dunn asked how many homes had been empty for two years. KB: 212 at the end of May.\n",
        encoding="utf-8")
    x = extract(tmp_path / "m.txt")
    assert answered(x, "councillor:Dunn") == [("post:Head of Housing", "question")]
    assert [c.kind for c in x.contributions] == ["question", "response"]


def test_a_request_for_information_an_officer_answers_is_a_question(tmp_path: Path) -> None:
    """"Councillor X requested a breakdown of ... by ward. The Head of Y said ...": a request for information,
    answered by the officer, is a question."""
    (tmp_path / "m.txt").write_text(
        "Minutes\n\n4. Waste performance\n\nCouncillor Ivey requested a breakdown of missed bins by "
        "ward. The "
        "Head of Waste said the figures would be circulated after the meeting.\n", encoding="utf-8")
    x = extract(tmp_path / "m.txt")
    assert answered(x, "councillor:Ivey") == [("post:Head of Waste", "question")]


def test_an_officer_who_agreed_that_something_would_be_done_answers_the_request(tmp_path: Path) -> None:
    """"Councillor X asked for ... . The Head of Revenues agreed that ward figures would be added": the
    officer's agreement answers the request; a councillor or Members agreeing that is no answer."""
    path = tmp_path / "m.txt"
    path.write_text(
        "Minutes of the meeting\n\nPresent: Councillors A Lowe (Chair) and C Ennis\n\n"
        "Officers: Priya Shah (Head of Revenues)\n\n"
        "Councillor Ennis asked for arrears to be shown by ward in every report. The Head of Revenues agreed "
        "that ward figures would be added to the next quarterly report.\n\n"
        "Members agreed that the report be noted.\n", encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    x = extract(path)
    assert answered(x, "councillor:C Ennis") == [("post:Head of Revenues", "question")]
    assert len(x.contributions) == 2


def test_an_officer_who_declined_a_request_answers_it(tmp_path: Path) -> None:
    """"The Head of Revenues declined: the data was personal ...": declining answers the request (a
    councillor declining to comment answers nobody)."""
    path = tmp_path / "m.txt"
    path.write_text(
        "Minutes of the meeting\n\nPresent: Councillors A Lowe (Chair), C Ennis and D Frost\n\n"
        "Officers: Priya Shah (Head of Revenues)\n\n"
        "Councillor Ennis asked for a list of every debtor by name. The Head of Revenues declined: "
        "the data was "
        "personal and would not be published.\n\nCouncillor Frost declined to comment on the matter.\n",
        encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    x = extract(path)
    assert answered(x, "councillor:C Ennis") == [("post:Head of Revenues", "question")]
    assert len(x.contributions) == 2


def test_the_head_alone_is_the_head_of_service_named_before(tmp_path: Path) -> None:
    """"The Head explained that ...", after "The Head of Parks and Open Spaces presented the report": the
    short reference answers as that post."""
    path = tmp_path / "m.txt"
    path.write_text(
        "Minutes of the meeting\n\nPresent: Councillors A Lowe (Chair), C Ennis and D Frost\n\n"
        "Officers: Director of Housing; Head of Parks and Open Spaces\n\n"
        "The Head of Parks and Open Spaces presented the report.\nCouncillor Ennis asked why litter "
        "bins were "
        "overflowing. The Head explained that two crews had been off sick.\n", encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("doc_type: minutes\n", encoding="utf-8")
    got = answered(extract(path), "councillor:C Ennis")
    assert got == [("post:Head of Parks and Open Spaces", "question")]


def test_a_bare_director_is_the_director_named_with_a_level_word(tmp_path: Path) -> None:
    """"The Director replied" after "Sam Ito, Corporate Director of Place" in the attendance (no title opens
    with "Director"): the Corporate Director of Place answers, the level word dropped."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nOfficers: Sam Ito, Corporate Director of Place; Ann Lee, Scrutiny Officer\n\n"
                 "5. Parks\n\nCouncillor Grant asked when the pavilion would reopen. The Director replied "
                 "that it would reopen in spring.\n", encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:Grant") == [("post:Corporate Director of Place", "question")]


def test_an_offer_made_to_a_member_s_request_answers_it(tmp_path: Path) -> None:
    """"The Cabinet Member for Leisure offered to arrange a tour" after a member's question answers it, as an
    undertaking would."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nIn attendance: Councillor Dunn, Cabinet Member for Leisure\n\n6. Pools\n\n"
                 "Councillor Price asked whether members could see the new pool. The Cabinet Member for "
                 "Leisure offered to arrange a tour for the committee.\n", encoding="utf-8")
    x = extract(f)
    assert [r for r, _ in answered(x, "councillor:Price")] in (["post:Cabinet Member for Leisure"],
                                                               ["councillor:Dunn"])


def test_a_lower_case_pronoun_after_an_answer_opener_is_the_last_speaker(tmp_path: Path) -> None:
    """"In response to Councillor Amos, she explained ...": after the opener the pronoun is in lower case and
    still names the speaker before (the Head of Libraries), who answers Councillor Amos's implied question."""
    f = tmp_path / "m.txt"
    f.write_text("Minutes\n\nOfficers: Ruth Kane, Head of Libraries\n\n4. Libraries\n\n"
                 "Councillor Lamb asked about opening hours. The Head of Libraries replied that hours "
                 "would rise. In response to Councillor Amos, she explained that the mobile library would "
                 "return.\n",
                 encoding="utf-8")
    x = extract(f)
    assert answered(x, "councillor:Amos") == [("post:Head of Libraries", "question")]


def test_the_convener_asks_as_the_member_the_roll_names_convener(tmp_path: Path) -> None:
    """"The Convener asked ..." is the councillor the roll lists as Convener (one only), answered by the post;
    "Mr Aird asked" is the member of that honorific, not the officer of the same surname."""
    x = _minutes(tmp_path, (
        "MINUTE of MEETING of the HOUSING COMMITTEE\n\n"
        "Present: Mr K Rattray (Convener), Mrs D Fyfe, Mr B Aird\n\n"
        "Attending: Ms E Aird, Head of Housing Services\n\n"
        "3. RENT ARREARS\n\n"
        "The Convener asked how many tenants were in arrears. The Head of Housing Services replied that the "
        "number had fallen.\n\n"
        "Mr Aird asked whether evictions had risen. Ms Aird explained that they had not.\n"))
    assert answered(x, "councillor:K Rattray") == [("post:Head of Housing Services", "question")]
    assert answered(x, "councillor:B Aird") == [("officer:E Aird", "question")]


def test_a_co_opted_member_named_in_full_asks(tmp_path: Path) -> None:
    """A co-opted member listed by full name and body ("(co-opted member)") asks a question the officer
    answers."""
    x = _minutes(tmp_path, (
        "Minutes\n\nPresent: Councillor A Lowe (Chair), Councillor B Hart\n"
        "Also present: Ruth Alden, Carers Forum (co-opted member)\n"
        "Officers: Sam Cole, Director of Adult Services\n\n"
        "4. Carers Strategy\n\n"
        "Ruth Alden asked whether respite places had increased. The Director of Adult Services said that "
        "they had.\n"))
    assert answered(x, "other:Alden") == [("post:Director of Adult Services", "question")]


def test_an_officer_who_does_not_agree_to_a_members_request_answers_it(tmp_path: Path) -> None:
    """"The Head of Finance did not agree to this, as ..." refuses a member's request: an answer to it."""
    x = _minutes(tmp_path, (
        "Minutes\n\nPresent: Councillor A Lowe (Chair), Councillor B Hart\n\n"
        "5. Budget Monitoring\n\n"
        "Councillor Hart asked for weekly spending figures to be e-mailed to Members. The Head of Finance "
        "did not agree to this, as the monthly report was enough.\n"))
    assert answered(x, "councillor:B Hart") == [("post:Head of Finance", "question")]

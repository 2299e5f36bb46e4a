"""People and posts: councillors in every form, officers with their posts, posts alone, and the traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import bodies, people
from kg.extract.names import read_name
from kg.model import Extraction
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent
MINUTES = Path(__file__).resolve().parent / "data" / "minutes"


def extract(path: Path) -> Extraction:
    return people.extract(bodies.extract(Extraction(doc=read_document(path, root=path.parent))))


def seed(prefix: str) -> Extraction:
    return extract(next((ROOT / "seeds").glob(f"{prefix}_*.txt")))


def councillors(x: Extraction) -> dict[str, str]:
    return {p.key: p.name for p in x.people if p.role == "councillor"}


def titles(x: Extraction) -> set[str]:
    return {p.title for p in x.posts}


def holdings(x: Extraction) -> set[tuple[str, str]]:
    return {(h.person, h.post) for h in x.holdings}


def test_council_name_and_programme_are_not_councillors() -> None:
    x = seed("000")
    assert set(councillors(x)) == {"councillor:Patterson", "councillor:Durham"}
    assert all("DurhamWorks" not in p.name for p in x.people)
    assert len(x.people) == 2


def test_seed_posts_without_bare_generic_titles() -> None:
    assert titles(seed("000")) == {"Director of Transformation and Partnerships",
                                   "Corporate Scrutiny and Performance Manager",
                                   "Head of Early Help, Assessment & Safeguarding"}
    assert titles(seed("003")) == {"Director of Children and Adult Services",
                                   "Head of Performance and Transformation"}
    assert titles(seed("004")) == {"Chief Executive", "Corporate Equalities and Strategy Manager",
                                   "Head of Education and Skills"}


def test_post_comma_name_and_report_of_name_comma_post() -> None:
    x1, x2 = seed("001"), seed("002")
    assert holdings(x1) == {("officer:Helen McAloon", "post:Strategy Team Leader")}
    deputy = "post:Deputy Corporate Director of Children and Young People's Services"
    assert deputy in {p.key for p in x1.posts}
    assert holdings(x2) == {("officer:Stephen Tracey", "post:Corporate Equality and Strategy Manager")}
    assert not councillors(x1) and not councillors(x2)
    assert {p.role for p in x2.people} == {"officer"}


def test_signature_block_and_name_post_on_one_line() -> None:
    x = seed("003")
    assert holdings(x) == {("officer:Suzanne Joyner", "post:Director of Children and Adult Services"),
                           ("officer:Sharon Raine", "post:Head of Performance and Transformation")}
    assert not councillors(x)
    assert not any(t in titles(x) for t in ("Director", "Head of Service", "Assistant Director"))


def test_councillor_forms_lists_offices_and_honorifics() -> None:
    x = extract(MINUTES / "sunderland_scrutiny.txt")
    c = {p.key: p for p in x.people if p.role == "councillor"}
    assert set(c) == {"councillor:J Patterson", "councillor:A Halden", "councillor:L Bell",
                      "councillor:M Grant",
                      "councillor:P Smith", "councillor:D Smith", "councillor:A Kolker"}
    assert c["councillor:J Patterson"].office == "Chair"
    assert c["councillor:A Halden"].office == "Vice-Chair"
    # "Councillor A Halden", "Cllr Halden" and "Councillor Ann Halden" are one person
    assert c["councillor:A Halden"].name == "Councillor Ann Halden"
    assert c["councillor:A Kolker"].honorific == "Mrs"
    assert "Sunderland" not in {p.surname for p in x.people}


def test_co_opted_member_is_other_and_named_once() -> None:
    x = extract(MINUTES / "sunderland_scrutiny.txt")
    others = [p for p in x.people if p.role == "other"]
    assert [(p.key, p.office, p.honorific) for p in others] == [
        ("other:Hale", "Parent Governor Representative", "Mr")]


def test_officer_forms_and_acronym() -> None:
    x = extract(MINUTES / "sunderland_scrutiny.txt")
    assert holdings(x) == {("officer:Jill Colbert", "post:Director of Children's Services"),
                           ("officer:Sarah Reed", "post:Head of Early Help, Assessment & Safeguarding"),
                           ("officer:Paul Wood", "post:Head of Finance")}
    dcs = [p for p in x.posts if p.surface == "DCS"]
    assert dcs and dcs[0].key == "post:Director of Children's Services" and dcs[0].method == "acronym"
    assert "post:Executive Director of People Services" in {p.key for p in x.posts}


def test_department_titles_dash_form_and_dr() -> None:
    x = extract(MINUTES / "northumberland_minutes.txt")
    assert holdings(x) == {
        ("officer:Audrey Kingham", "post:Executive Director for Children, Young People and Education"),
        ("officer:Sheila McGregor", "post:Head of Education & Skills")}
    dale = next(p for p in x.people if p.key == "councillor:A Dale")
    assert dale.honorific == "Dr"
    cole = next(p for p in x.people if p.surname == "Cole")
    assert cole.role == "other" and cole.office == "Church of England Diocese Representative"
    short = next(p for p in x.posts if p.surface == "Executive Director")
    assert short.method == "coreference" and short.title.startswith("Executive Director for Children")
    assert "Northumberland" not in {p.surname for p in x.people}


def test_name_bracket_post_with_department_and_honorific_councillor_in_list() -> None:
    x = extract(MINUTES / "darlington_minutes.txt")
    assert ("officer:Chris Bell", "post:Assistant Director, Children's Services") in holdings(x)
    assert ("officer:Allison Hill", "post:Democratic Officer") in holdings(x)
    layton = next(p for p in x.people if p.surname == "Layton")
    assert layton.role == "councillor" and layton.honorific == "Mrs"
    assert set(councillors(x)) == {"councillor:Heslop", "councillor:Bartch", "councillor:Crudass",
                                   "councillor:Layton"}


def test_report_signature_with_comma_title_and_no_generic_posts() -> None:
    x = extract(MINUTES / "gateshead_report.txt")
    assert holdings(x) == {
        ("officer:Caroline O'Neill", "post:Strategic Director, Children, Adults and Families")}
    assert "Service Director, Children's Social Care" in titles(x)
    assert not titles(x) & {"Director", "Head of Service", "Assistant Director",
                            "Head of Service, Assistant Director and Director"}
    # "Contact: Debbie Scott" attaches no post to the name: not asserted as a person
    assert not any(p.surname in ("Scott", "Gateshead") for p in x.people)


def test_shortened_title_and_acronym_take_the_full_title() -> None:
    x = extract(MINUTES / "durham_coreference.txt")
    by_surface = {p.surface: p for p in x.posts}
    assert by_surface["Equality and Strategy Manager"].key == "post:Corporate Equality and Strategy Manager"
    assert by_surface["Equality and Strategy Manager"].method == "coreference"
    assert by_surface["Strategy Manager"].key == "post:Corporate Equality and Strategy Manager"
    assert by_surface["DCYPS"].key == "post:Director of Children and Young People's Services"
    assert "Director" not in titles(x)
    assert set(councillors(x)) == {"councillor:J Patterson", "councillor:Durham"}


def test_actor_at_names_the_subject() -> None:
    x = seed("001")
    text = x.doc.text
    start = text.index("The Strategy Team Leader, Helen McAloon")
    assert people.actor_at(x, start, start + 80) == "post:Strategy Team Leader"
    start = text.index("The Panel noted")
    assert people.actor_at(x, start, start + 60) is None
    x4 = seed("004")
    start = x4.doc.text.index("The Head of Education and Skills advised")
    assert people.actor_at(x4, start, start + 100) == "post:Head of Education and Skills"


@pytest.mark.parametrize("line, expected", [
    ("Present: Cllr J. Smith and Councillor Jones.", {"councillor:J Smith", "councillor:Jones"}),
    ("Councillors Ahmed, O'Brien-Ward and McDonald asked about the budget.",
     {"councillor:Ahmed", "councillor:O'Brien-Ward", "councillor:McDonald"}),
    ("Councillor Patterson The Chair thanked officers.", {"councillor:Patterson"}),
])
def test_councillor_lines(tmp_path: Path, line: str, expected: set[str]) -> None:
    f = tmp_path / "m.txt"
    f.write_text(line + "\n", encoding="utf-8")
    assert set(councillors(extract(f))) == expected


def test_colon_list_titles_particles_and_dash_form() -> None:
    x = extract(MINUTES / "kent_cabinet_committee.txt")
    c = {p.key: p for p in x.people if p.role == "councillor"}
    assert set(c) == {"councillor:L Game", "councillor:Q Roper", "councillor:de Souza", "councillor:O’Brien"}
    assert (c["councillor:L Game"].honorific, c["councillor:L Game"].office) == ("Mrs", "Chair")
    assert (c["councillor:Q Roper"].honorific, c["councillor:Q Roper"].office) == ("Mr", "Vice-Chairman")
    assert not [p for p in x.people if p.role == "other"]  # "Mr Q Roper" is listed under "Councillors:"
    assert holdings(x) == {
        ("officer:Sarah Hammond", "post:Corporate Director of Children, Young People and Education"),
        ("officer:David Adams", "post:Head of Fostering")}


@pytest.mark.parametrize("line, expected", [
    ("The Councillor Call for Action was discussed. Councillor Smith's question was answered.",
     {"councillor:Smith"}),
    ("Councillor Development Programme: Councillor Ahmed attended.", {"councillor:Ahmed"}),
])
def test_procedures_and_possessives_are_not_names(tmp_path: Path, line: str, expected: set[str]) -> None:
    f = tmp_path / "m.txt"
    f.write_text(line + "\n", encoding="utf-8")
    assert set(councillors(extract(f))) == expected


@pytest.mark.parametrize("body", [
    "Councillor", "Councillors , and", "Cllr.", "(DCS) the DCS", "Head of", "Resolved:",
    "Councillor Smith (Chair", "\ufeffCouncillor\u200b Smith", "Report of , Manager,",
    "The Head of Alpha, " + ", ".join(["Beta Gamma"] * 300) + " explained",
    " ".join(["Alpha"] * 3000) + " Manager", "Councillors " + ", ".join(["A B C"] * 500),
])
def test_odd_text_gives_facts_or_nothing_never_an_error(tmp_path: Path, body: str) -> None:
    from kg.extract import contributions, resolutions

    f = tmp_path / "odd.txt"
    f.write_text(body, encoding="utf-8")
    x = resolutions.extract(contributions.extract(extract(f)))
    for fact in (*x.people, *x.posts, *x.contributions, *x.resolutions):
        assert x.doc.text[fact.span.start:fact.span.end] == fact.span.quote
    assert all(len(p.title) < 300 for p in x.posts)


def test_in_the_chair_and_nested_bracket_role() -> None:
    x = extract(MINUTES / "leeds_scrutiny_board.txt")
    smart = next(p for p in x.people if p.key == "councillor:A Smart")
    assert smart.office == "Chair"
    britten = next(p for p in x.people if p.surname == "Britten")
    assert (britten.role, britten.office) == ("other", "Church Representative (Catholic)")
    assert britten.forename == ""  # initials are not a forename
    assert len([p for p in x.people if p.role == "councillor"]) == 5


def test_statutory_titles_and_initialled_officer() -> None:
    x = extract(MINUTES / "statutory_officers.txt")
    assert {"Section 151 Officer", "Monitoring Officer", "Director of Finance", "Head of Legal"} <= titles(x)
    assert holdings(x) == {("officer:J Smith", "post:Director of Finance")}
    assert not any("Member" in p.name for p in x.people)  # "A Member, Head of Legal" names nobody


def test_ranked_titles_are_different_posts(tmp_path: Path) -> None:
    f = tmp_path / "m.txt"
    f.write_text("The Deputy Head of Finance and the Head of Finance attended. The Deputy Chief Executive "
                 "and the Chief Executive spoke. The Corporate Equality and Strategy Manager, then the "
                 "Strategy Manager.\n", encoding="utf-8")
    got = {p.surface: (p.key, p.method) for p in extract(f).posts}
    assert got["Head of Finance"] == ("post:Head of Finance", "exact")
    assert got["Chief Executive"] == ("post:Chief Executive", "exact")
    assert got["Strategy Manager"] == ("post:Corporate Equality and Strategy Manager", "coreference")


SPEAKERS = Path(__file__).resolve().parent / "data" / "speakers"


def test_welsh_prefixes_comma_bracket_and_acronym_posts_and_cabinet_holder() -> None:
    """"County Borough Councillor(s)" name councillors; comma, bracketed and lower-case-acronym posts keep
    their whole title; a Cabinet Member gets the councillor as holder; "Committee Officer" is a post; a
    councillor who asks after "Following a question from" holds no post."""
    x = extract(SPEAKERS / "welsh_cbc.txt")
    assert set(councillors(x)) == {"councillor:H Bowen", "councillor:R Price", "councillor:T Price",
                                   "councillor:N Lloyd-Evans", "councillor:W Morgan", "councillor:S Rees"}
    assert titles(x) == {"Cabinet Member for Social Services", "Head of Adult Services and Commissioning",
                         "Operations Manager (Performance, Governance and Waste)",
                         "Team Manager, Fostering and Adoption", "Committee Officer"}
    assert {p.surface: p.key for p in x.posts}["HoASC"] == "post:Head of Adult Services and Commissioning"
    assert holdings(x) == {("councillor:S Rees", "post:Cabinet Member for Social Services")}


def test_scottish_offices_representatives_and_officers() -> None:
    """Convener, Vice Convener, Provost and Bailie are councillors; church and parent representatives are
    not; "Name, Service Manager, Roads and Transportation;" and "Name, Committee Officer" name officers."""
    x = extract(SPEAKERS / "scottish.txt")
    c = {p.key: p for p in x.people if p.role == "councillor"}
    assert set(c) == {"councillor:E Dalgleish", "councillor:M Baxter", "councillor:I Sinclair",
                      "councillor:S Kerr", "councillor:A Munro", "councillor:F Munro"}
    assert [c[k].office for k in ("councillor:E Dalgleish", "councillor:M Baxter", "councillor:I Sinclair",
                                  "councillor:S Kerr")] == ["Convener", "Vice Convener", "Provost", "Bailie"]
    others = {p.key for p in x.people if p.role == "other"}
    assert others == {"other:Innes", "other:Boyle", "other:Haldane"}
    assert holdings(x) == {("officer:Ruaridh Gillies", "post:Service Manager, Roads and Transportation"),
                           ("officer:Kirsty Paton", "post:Committee Officer")}


@pytest.mark.parametrize("line, expected", [
    ("Councillors A Khan, B Lee (substitute for Councillor C Ward), D Roy and E Fox attended.",
     {"councillor:A Khan", "councillor:B Lee", "councillor:C Ward", "councillor:D Roy", "councillor:E Fox"}),
    ("Present: Councillor P Evans and Councillor R Evans. Councillor Evans asked about parks.",
     {"councillor:P Evans", "councillor:R Evans"}),
])
def test_asides_in_lists_and_two_with_one_surname(tmp_path: Path, line: str, expected: set[str]) -> None:
    """An aside in brackets does not end a list of councillors; two with one surname stay two."""
    f = tmp_path / "m.txt"
    f.write_text(f"Minutes\n\n{line}\n", encoding="utf-8")
    assert set(councillors(extract(f))) == expected


@pytest.mark.parametrize("line, title", [
    ("Lead Officer for the Committee: Jo Bell.", None),  # a body, not a field of work
    ("Scrutiny Committee Officer Jo Bell took notes.", "Committee Officer"),
    ("Instructed the Area Committee Officer to write.", "Area Committee Officer"),  # a modifier before
    ("Tel\tHead of Roads\tBefore next meeting", "Head of Roads"),  # a tab ends a title
    ("The Director of Finance (Section 151 Officer) said.", "Director of Finance"),
    ("In respect of item 5, the City Surveyor advised.", "City Surveyor"),  # a place word after "the"
    ("The County Solicitor said that the lease was signed.", "County Solicitor"),
    ("Durham County Council Head of Finance said.", "Head of Finance"),  # a council's name is no title
])
def test_title_edges(tmp_path: Path, line: str, title: str | None) -> None:
    """Where a post title stops: a body after "for", a tab, a bracketed other post."""
    f = tmp_path / "m.txt"
    f.write_text(f"Minutes\n\n{line}\n", encoding="utf-8")
    found = titles(extract(f))
    assert (title in found) if title else not any(t.startswith("Lead Officer for") for t in found)


def test_joint_titles_glued_names_capital_signatures_and_lower_case_mentions() -> None:
    """A joint title is two posts, both held; a name glued before a title (named again, or on a contact
    line) is the holder, not part of the title; a signature block in capitals names holder and post; a
    title made of service words keeps them ("Housing Options Team Manager"); a lower-case later mention
    refers to the post named in full."""
    x = extract(SPEAKERS / "signatures.txt")
    assert titles(x) == {"Director of Finance", "Section 151 Officer", "Head of Legal Services",
                         "Monitoring Officer", "Scrutiny Adviser", "Housing Options Team Manager",
                         "Democratic Services Officer"}
    assert holdings(x) == {("officer:Priya Natarajan", "post:Director of Finance"),
                           ("officer:Priya Natarajan", "post:Section 151 Officer"),
                           ("officer:Samantha Okonjo", "post:Scrutiny Adviser"),
                           ("officer:Tom Reilly", "post:Democratic Services Officer")}
    caps = {x.doc.text[m.start:m.end]: m.key for m in people.mentions(x.doc.text)
            if x.doc.text[m.start:m.end].isupper()}
    assert caps == {"SAMANTHA OKONJO": "officer:Samantha Okonjo", "SCRUTINY ADVISER": "post:Scrutiny Adviser"}
    lower = [m for m in people.mentions(x.doc.text) if x.doc.text[m.start:m.end] == "head of legal services"]
    assert [m.key for m in lower] == ["post:Head of Legal Services"]


@pytest.mark.parametrize("line", [
    "4. HOUSING OFFICER RECRUITMENT AND RETENTION",  # a heading in capitals, not a signature
    "Housing Options Team Manager",  # service words, no name
    "Northgate Depot Manager; later the Northgate Depot Manager said so.",  # a place repeated, not a name
])
def test_capitals_and_service_words_name_nobody(tmp_path: Path, line: str) -> None:
    """A capitals heading that is more than a title, or a title of service words, names no officer."""
    f = tmp_path / "m.txt"
    f.write_text(f"Minutes\n\n{line}\n", encoding="utf-8")
    x = extract(f)
    assert [p for p in x.people if p.role == "officer"] == []
    assert "Housing Officer" not in titles(x)


def test_two_councillors_one_surname_portfolio_holder_and_co_optees() -> None:
    """Councillors J and P Hughes stay two; "the Portfolio Holder for X, Councillor Y" holds the post;
    parent governor and youth representatives are not councillors; a short "the Repairs Manager" is the
    title with its bracketed qualifier."""
    x = extract(SPEAKERS / "english_district.txt")
    assert set(councillors(x)) == {"councillor:Okafor", "councillor:J Hughes", "councillor:P Hughes",
                                   "councillor:L Wade", "councillor:K Adams"}
    assert {(p.key, p.office) for p in x.people if p.role == "other"} == {
        ("other:Singh", "Parent Governor Representative"), ("other:Cole", "Youth Representative")}
    assert ("councillor:K Adams", "post:Portfolio Holder for Housing and Health") in holdings(x)
    short = next(p for p in x.posts if p.surface == "Repairs Manager")
    assert (short.key, short.method) == ("post:Repairs Manager (Planned and Responsive Works)", "coreference")


@pytest.mark.parametrize("line, title, holder", [
    ("The Officer in Charge, Elm House, said beds were full.", "Officer in Charge", None),
    ("Jane Hall, Officer in Charge, attended.", "Officer in Charge", "officer:Jane Hall"),
    ("The Democratic Services Officer in the Chamber read the notice.", "Democratic Services Officer", None),
])
def test_titles_with_in(tmp_path: Path, line: str, title: str, holder: str | None) -> None:
    """"Officer in Charge" is a title, "in the Chamber" is not part of one, and a building is no holder."""
    f = tmp_path / "m.txt"
    f.write_text(f"Minutes\n\n{line}\n", encoding="utf-8")
    x = extract(f)
    assert title in titles(x)
    assert {h.person for h in x.holdings} == ({holder} if holder else set())


@pytest.mark.parametrize(("line", "expected"), [
    ("The Service Manager (Revenues) presented the report.", {"Service Manager (Revenues)"}),
    ("The Strategic Director (Finance) explained the variance.", {"Strategic Director (Finance)"}),
    ("The Service Manager (Chair) presented the report.", set()),  # an office in brackets: no field
    ("The Team Leader (Cabinet) presented the report.", set()),  # a body in brackets
])
def test_a_one_word_field_of_work_in_brackets_completes_a_title(tmp_path: Path, line: str,
                                                                 expected: set[str]) -> None:
    """"Service Manager (Revenues)": a generic title with its field of work in brackets is a post of its
    own; an office or a body in brackets is not part of the title (and the generic title alone no post)."""
    f = tmp_path / "m.txt"
    f.write_text(f"Minutes\n\n{line}\n", encoding="utf-8")
    assert titles(extract(f)) == expected


def _people_of(tmp_path: Path, text: str) -> Extraction:
    f = tmp_path / "m.txt"
    f.write_text(text, encoding="utf-8")
    return extract(f)


def test_attendance_lists_as_councils_write_them(tmp_path: Path) -> None:
    """Northern Irish Aldermen are councillors; "Post (Name)" and "M Walker, Post" (an initial and a surname)
    name the holder; a department after a dash completes a generic title."""
    x = _people_of(tmp_path, (
        "Minutes\n\nMembers Present: Alderman P Quinn (Chair), Councillor R Irvine\n\n"
        "Officers: Monitoring Officer (E Grey); M Walker, Service Manager (Homelessness); "
        "Strategic Director – Communities (F Silver)\n"))
    assert set(councillors(x)) == {"councillor:P Quinn", "councillor:R Irvine"}
    assert {("officer:E Grey", "post:Monitoring Officer"),
            ("officer:M Walker", "post:Service Manager (Homelessness)"),
            ("officer:F Silver", "post:Strategic Director – Communities")} <= holdings(x)


@pytest.mark.parametrize(("line", "title"), [
    ("Assistant Director, Housing, Jo Bell, said the list was long.", "Assistant Director, Housing"),
    ("Head of Service – Adult Social Care, Jo Bell, said so.", "Head of Service – Adult Social Care"),
    # "Post - Name" attendance: the department's "and" goes on up to the dash before the holder
    ("Service Director, Housing and Communities - Jo Bell", "Service Director, Housing and Communities"),
    ("Corporate Manager, Finance and Assets - Jo Bell", "Corporate Manager, Finance and Assets"),
])
def test_a_department_stops_before_the_holder_s_name(tmp_path: Path, line: str, title: str) -> None:
    """The name after a generic title's department is its holder, not more of the department."""
    x = _people_of(tmp_path, f"Minutes\n\n{line}\n")
    assert titles(x) == {title}
    assert ("officer:Jo Bell", f"post:{title}") in holdings(x)


@pytest.mark.parametrize(("line", "title"), [
    ("Jo Bell, Service Director, Parks and Leisure, and Sam Reed, Head of Finance, attended.",
     "Service Director, Parks and Leisure"),
    ("The report was presented by Jo Bell, Service Director, Parks and Leisure.",
     "Service Director, Parks and Leisure"),
])
def test_a_department_ends_at_the_next_person_of_a_list_and_at_a_full_stop(
        tmp_path: Path, line: str, title: str) -> None:
    """A generic title's department after a comma ends at ", and" opening the next person of a list, and at
    the sentence's full stop, so the whole department is kept and its holder named."""
    x = _people_of(tmp_path, f"Minutes\n\n{line}\n")
    assert title in titles(x)
    assert ("officer:Jo Bell", f"post:{title}") in holdings(x)


def test_an_honorific_and_surname_is_the_officer_named_earlier(tmp_path: Path) -> None:
    """"Mr Hale explained" after "Peter Hale (Head of Housing)" is the officer again; "Mr T Hale" is not."""
    x = _people_of(tmp_path, "Minutes\n\nOfficers: Peter Hale (Head of Housing Services)\n\n"
                             "Mr Hale explained the delay. Mr T Hale, a resident, spoke.\n")
    assert {p.key for p in x.people if p.role == "other"} == {"other:Hale"}
    found = people.analyse(x.doc.text)
    assert any(x.doc.text[m.start:m.end] == "Mr Hale" and m.key == "officer:Peter Hale"
               for m in found.mentions)


def test_a_councillor_in_brackets_after_a_post_holds_it(tmp_path: Path) -> None:
    """"The Cabinet Member for Finance (Councillor O'Neill)": the bracket names the holder, not more title."""
    x = _people_of(tmp_path, "Minutes\n\nThe Cabinet Member for Finance (Councillor O'Neill) responded.\n")
    assert titles(x) == {"Cabinet Member for Finance"}
    assert ("councillor:O'Neill", "post:Cabinet Member for Finance") in holdings(x)


def test_a_title_wrapped_over_two_lines_is_one_post(tmp_path: Path) -> None:
    """A PDF's wrap inside a title ("Head of Service for Mental Health and Learning\nDisabilities") leaves
    one post, the whole title, its surface quoting the text as written."""
    import textwrap

    para = ("The Committee received a presentation from Amy Stone, Head of Service for Mental Health and "
            "Learning Disabilities, on the new supported living framework and its first six months.")
    lines = textwrap.wrap(para, 100)
    assert lines[0].endswith("Learning")
    x = _people_of(tmp_path, "Minutes\n\n" + "\n".join(lines) + "\n")
    assert titles(x) == {"Head of Service for Mental Health and Learning Disabilities"}
    post = "post:Head of Service for Mental Health and Learning Disabilities"
    assert ("officer:Amy Stone", post) in holdings(x)


def test_a_councillors_prefix_ending_a_wrapped_line_names_the_list_on_the_next(tmp_path: Path) -> None:
    """"Present: ... Councillors\nBeecroft, Ellis and Sowerby": the list under the prefix goes on after the
    line break."""
    x = _people_of(tmp_path, "Minutes\n\nPresent: Councillor Okafor (Chair); Councillor Dransfield; "
                             "Councillors\nBeecroft, Ellis and Sowerby\n")
    assert {"councillor:Beecroft", "councillor:Ellis", "councillor:Sowerby"} <= set(councillors(x))


def test_a_letter_s_salutation_names_no_councillor(tmp_path: Path) -> None:
    """"Dear Councillor\nYou are summoned ..." (a summons without blank lines, as Word exports it): no
    councillor "You"."""
    x = _people_of(tmp_path, "Dear Councillor\nYou are summoned to attend a meeting of the Cabinet.\n")
    assert councillors(x) == {}
    # an initial "I" is still an initial
    x = _people_of(tmp_path, "Present: Councillors T Beecroft, I Hussain and G Pryce\n")
    assert set(councillors(x)) == {"councillor:T Beecroft", "councillor:I Hussain", "councillor:G Pryce"}


def test_welsh_cyngor_sir_is_a_council_s_name_not_a_knight(tmp_path: Path) -> None:
    """"Cyngor Sir Penfro" is Welsh for a county council ("sir" = county): no person "Penfro"; "Sir John
    Smith" still is one."""
    x = _people_of(tmp_path, "Cyngor Sir Penfro Isaf / Lower Penfro County Council\n\n"
                             "Sir John Smith attended.\n")
    assert {p.key for p in x.people} == {"other:Smith"}


def test_a_signature_written_as_two_word_paragraphs_names_the_holder(tmp_path: Path) -> None:
    """A Word signature block gives the name and the post as two paragraphs (a blank line between in the
    text): the name holds the post when the post stands alone on its line."""
    x = _people_of(tmp_path, "Report\n\nThe Committee is asked to note the report.\n\nShona Imrie\n\n"
                             "Executive Director of Education\n")
    assert ("officer:Shona Imrie", "post:Executive Director of Education") in holdings(x)


def test_real_councillors_with_initials_run_together() -> None:
    """Carmarthenshire's minutes (tests/data/xreal): "Councillors S.M. Allen, K. Madge and J. Prosser" are
    three councillors, keyed by first initial and surname like any other."""
    x = extract(Path(__file__).parent / "data" / "xreal" / "carmarthenshire_strategy.txt")
    keys = sorted(p.key for p in x.people)
    assert keys == ["councillor:J Prosser", "councillor:K Madge", "councillor:S Allen"]


def test_run_together_initials_without_a_title_are_no_person() -> None:
    """"U.K. Government" or "N.H.S. England" with no title before it is no person's name."""
    assert read_name("the U.K. Government said", 4, prefixed=False) is None
    assert read_name("Mr S.M. Allen said", 0, prefixed=False) is not None


def test_real_councillors_listed_with_semicolons() -> None:
    """Fermanagh and Omagh's minutes (tests/data/xreal): "Present: Councillors: A; B; C" and "Apologies:
    Councillors: D; E" list every councillor, not only the first."""
    x = extract(Path(__file__).parent / "data" / "xreal" / "fermanagh_policy.txt")
    keys = {p.key for p in x.people}
    assert {"councillor:P Blake", "councillor:S Clarke", "councillor:A Fitzgerald"} <= keys


def test_a_semicolon_ends_a_list_unless_the_next_name_ends_at_one_too(tmp_path: Path) -> None:
    """"Councillors Brown; Officers attended." lists one councillor; "Councillor Smith; Mr Jones said ..."
    does not make Mr Jones a councillor."""
    doc = tmp_path / "m.txt"
    doc.write_text("1. Apologies\n\nApologies from Councillor Smith; Mr Jones said the report was late.\n\n"
                   "Councillors Brown; Officers attended.\n")
    (tmp_path / "m.txt.meta.yaml").write_text("council: Test District Council\ndoc_type: minutes\n")
    x = extract(doc)
    assert sorted(p.key for p in x.people if p.key.startswith("councillor:")) == [
        "councillor:Brown", "councillor:Smith"]


@pytest.mark.parametrize("text", ["Jo Bell, head of scrutiny, said so.", "Jo Bell, a keen walker, said so.",
                                  "Jo Bell, director of a charity, said so."])
def test_a_lower_case_post_after_a_name_only_when_it_is_wholly_a_post(text: str) -> None:
    """"Jo Bell, head of scrutiny," names the Head of Scrutiny; "a keen walker" or "director of a charity"
    between commas names no post."""
    titles = [p.title for p in people.analyse(text).posts]
    assert titles == (["Head of Scrutiny"] if "head of scrutiny" in text else [])


def test_real_scottish_members_with_surnames_in_capitals() -> None:
    """Stirling's minutes (tests/data/xreal): "Councillor Neil BENNY", "Councillor Alasdair MacPHERSON" are
    councillors Benny and MacPherson (initial and surname), not "Councillor Neil" or "Councillor ... Mac"."""
    x = extract(Path(__file__).parent / "data" / "xreal" / "stirling_council.txt")
    keys = {p.key for p in x.people}
    assert {"councillor:N Benny", "councillor:A MacPherson", "councillor:J McDonald"} <= keys
    assert not [k for k in keys if k in ("councillor:Neil", "councillor:A Mac")]


@pytest.mark.parametrize("text", ["Councillor Jane Smith MBE asked", "Councillor Jones NOTED the report",
                                  "Councillor Amy NHS"])
def test_capitals_after_a_name_that_are_no_surname(text: str) -> None:
    """Post-nominals, decision words and organisations in capitals never become a surname."""
    name = read_name(text, len("Councillor "), prefixed=True)
    assert name is None or name.surname not in ("Mbe", "Noted", "Nhs")


def test_scottish_depute_and_member_services_titles_are_whole(tmp_path: Path) -> None:
    """"Depute Director of Finance" and "Democratic and Member Services Officer" are whole titles, never cut
    to "Director of Finance" or "Services Officer"; a "Principal Clinical Psychologist" is a post."""
    x = _people_of(tmp_path, (
        "Minutes\n\nAlso present: Fiona Baird, Depute Director of Finance; Tom Reid, Democratic and Member "
        "Services Officer; Dr Ann Kerr (Principal Clinical Psychologist)\n"))
    assert titles(x) == {"Depute Director of Finance", "Democratic and Member Services Officer",
                         "Principal Clinical Psychologist"}
    assert holdings(x) == {("officer:Fiona Baird", "post:Depute Director of Finance"),
                           ("officer:Tom Reid", "post:Democratic and Member Services Officer"),
                           ("officer:Ann Kerr", "post:Principal Clinical Psychologist")}


def test_a_member_before_a_bare_head_is_still_no_title(tmp_path: Path) -> None:
    """"Member" opens a title only before a field of work ("Member Services"): "Member Officer" is none."""
    x = _people_of(tmp_path, "Minutes\n\nThe Member Officer Protocol was noted.\n")
    assert "Member Officer" not in titles(x)


def test_holders_named_in_field_lines_after_sentences_and_acronyms(tmp_path: Path) -> None:
    """Officers are named where councils put them: "Post: Name" field lines, "Name, Post" opening a sentence
    or after "contact"/"Author", and "Post (ACR) - Name" with the acronym between; "Dr Bain" after
    "Dr P Bain (Post)" is the same officer."""
    x = _people_of(tmp_path, (
        "Minutes\n\nOfficers: Head of Customer Services (HCS) - Ruth Okafor; "
        "Director of Finance (DoF) (P Marsh); Dr P Bain (Senior Public Health Analyst)\n\n"
        "The figures were discussed at length. Owen Price, Housing Strategy Manager, said lets had risen.\n\n"
        "Dr Bain, Senior Public Health Analyst, agreed.\n\n"
        "Report Author Kate Lund, Policy Officer\n\n"
        "For details please contact Sam Ng, Climate Change Officer, on 01000 000000.\n\n"
        "Democratic Services Officer: Ellen Shaw, 01000 000001\n"))
    assert holdings(x) == {("officer:Ruth Okafor", "post:Head of Customer Services"),
                           ("officer:P Marsh", "post:Director of Finance"),
                           ("officer:P Bain", "post:Senior Public Health Analyst"),
                           ("officer:Owen Price", "post:Housing Strategy Manager"),
                           ("officer:Kate Lund", "post:Policy Officer"),
                           ("officer:Sam Ng", "post:Climate Change Officer"),
                           ("officer:Ellen Shaw", "post:Democratic Services Officer")}
    assert not [p for p in x.people if p.name in ("Bain", "Dr Bain")]


def test_an_acronym_a_key_line_expands_is_the_post() -> None:
    """"Key: HoP - Head of Parks" defines HoP as in "Head of Parks (HoP)"; letters that are not the title's
    initials ("PX - Head of Parks") define nothing."""
    a = people.analyse("Glossary: HoP - Head of Parks; PX - Head of Leisure\n\nThe HoP and the PX agreed.\n")
    assert {(p.surface, p.title) for p in a.posts if p.method == "acronym"} == {("HoP", "Head of Parks")}


def test_the_cabinet_member_alone_is_a_mention_of_the_one_named_in_full() -> None:
    """"the Cabinet Member" after "Cabinet Member for Parks" mentions that post; with none named before, it
    mentions nothing (a bare "Cabinet Member" is no post of its own)."""
    text = "Present: Councillor Kaur (Cabinet Member for Parks)\n\nThe Cabinet Member said so.\n"
    at = text.index("The Cabinet Member") + 4
    found = [m.key for m in people.analyse(text).mentions if m.start == at]
    assert found == ["post:Cabinet Member for Parks"]
    assert not [m for m in people.analyse("The Cabinet Member said so.\n").mentions if m.kind == "post"]


def test_two_titled_names_on_one_line_are_two_people(tmp_path: Path) -> None:
    """"Mr A Haley Mr D Jones" (an attendance line run together): an honorific that is never a surname opens
    the next name; "Councillor John Lord" keeps its surname."""
    (tmp_path / "m.txt").write_text("Minutes\n\nIn attendance:\n\nMr Tom Haley Mr Dan Jones\n\n"
                                    "Councillor John Lord asked a question.\n")
    names = {p.name for p in extract(tmp_path / "m.txt").people}
    assert {"Mr Tom Haley", "Mr Dan Jones", "Councillor John Lord"} <= names
    assert not any("Mr Dan" in n and "Haley" in n for n in names)


def test_an_aldermen_list_and_an_honour_inside_a_councillors_list(tmp_path: Path) -> None:
    """"Aldermen A Bell OBE, C Dunn and E F Grey": a plural prefix ending in -men lists names, and an honour
    after a name does not end the list."""
    (tmp_path / "m.txt").write_text("Minutes\n\nPRESENT:\n\nAldermen A Bell OBE, C Dunn and E F Grey\n\n"
                                    "Councillors H Irwin, J Kerr MBE and L Moore\n")
    assert set(councillors(extract(tmp_path / "m.txt"))) == {
        "councillor:A Bell", "councillor:C Dunn", "councillor:E Grey", "councillor:H Irwin",
        "councillor:J Kerr", "councillor:L Moore"}


def test_real_northern_irish_minutes_attendance() -> None:
    """Lisburn and Castlereagh's minutes (tests/data/xreal): every alderman and councillor of the attendance
    lists is read (an MBE inside a list included), and two visitors named on one line are two people."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "lisburn_development.txt")
    keys = set(councillors(x))
    assert {"councillor:D Drysdale", "councillor:A Ewart", "councillor:W Dillon",
            "councillor:S Skillen"} <= keys
    names = {p.name for p in x.people}
    assert {"Mr Andrew Haley", "Mr Darren McKinstry"} <= names


def test_a_member_post_with_its_portfolio_in_brackets(tmp_path: Path) -> None:
    """"The Executive Member (Housing), Councillor A Bell, said ...": a portfolio in brackets completes a
    Cabinet or Executive Member's title as "for Housing" would; "The Cabinet Member (Councillor Jones)" is no
    title."""
    (tmp_path / "m.txt").write_text("Minutes\n\nThe Executive Member (Housing), Councillor Ann Bell, said "
                                    "so.\n\nThe Cabinet Member (Councillor Jones) agreed.\n")
    x = extract(tmp_path / "m.txt")
    assert titles(x) == {"Executive Member (Housing)"}
    assert holdings(x) == {("councillor:A Bell", "post:Executive Member (Housing)")}


def test_real_english_council_minutes_an_executive_member_answers() -> None:
    """Chorley's council minutes (tests/data/xreal): the Executive Member (Resources) is a post its named
    councillor holds."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "chorley_council.txt")
    assert ("councillor:P Wilson", "post:Executive Member (Resources)") in holdings(x)


def test_a_business_partner_is_a_post(tmp_path: Path) -> None:
    """"The HR Business Partner, Jane Smith, advised ...": "Business Partner" heads a post title; "our
    business partners" in lower case is none."""
    (tmp_path / "m.txt").write_text("Minutes\n\nThe HR Business Partner, Jane Smith, advised that absence "
                                    "had fallen. Our business partners were consulted.\n")
    x = extract(tmp_path / "m.txt")
    assert titles(x) == {"HR Business Partner"}
    assert holdings(x) == {("officer:Jane Smith", "post:HR Business Partner")}


def test_real_scottish_attendance_list_grouped_by_service() -> None:
    """Renfrewshire's minute (tests/data/xreal): "Initial Surname, Post" pairs separated by semicolons and
    grouped "(all Finance & Resources)" give every officer their post, a business partner included."""
    x = extract(Path(__file__).resolve().parent / "data" / "xreal" / "renfrewshire_frcs.txt")
    held = holdings(x)
    assert {("officer:D Farrell", "post:Finance & Business Partner"),
            ("officer:K Carr", "post:Senior Facilities Manager (Soft Services)"),
            ("officer:S Fanning", "post:Principal HR and OD Adviser")} <= held
    assert len({p for p, _ in held}) == 16


def test_a_director_followed_by_a_field_without_of(tmp_path: Path) -> None:
    """"The Interim Corporate Director Education, Ann Bell, ...": a field of work right after "Director"
    (service words only) belongs to the title; "the Director Jane Smith" takes no name into it."""
    (tmp_path / "m.txt").write_text("Minutes\n\nThe Interim Corporate Director Education, Ann Bell, "
                                    "presented the report.\n\nThe Corporate Director Adults and Health "
                                    "advised the Panel.\n\nThe Director Jane Smith spoke.\n")
    x = extract(tmp_path / "m.txt")
    assert titles(x) == {"Interim Corporate Director Education", "Corporate Director Adults and Health"}
    assert ("officer:Ann Bell", "post:Interim Corporate Director Education") in holdings(x)


def test_real_minutes_directors_with_their_fields_after_them() -> None:
    """Barnsley's and Darlington's minutes (tests/data/xreal): "Service Director Business Intelligence, HR and
    Communications" and "Assistant Director Highways and Capital Projects" are whole titles."""
    xreal = Path(__file__).resolve().parent / "data" / "xreal"
    assert "Service Director Business Intelligence, HR and Communications" in titles(
        extract(xreal / "barnsley_absence.txt"))
    assert "Assistant Director Highways and Capital Projects" in titles(extract(xreal / "darlington_q2.txt"))


def test_member_services_titles_keep_whom_the_service_serves(tmp_path: Path) -> None:
    """"the Member Services Officer", "the Democratic and Member Services Manager": "Member" before a service
    word belongs to the title; "The Member asked the Officer" makes no title of "Member"."""
    (tmp_path / "m.txt").write_text("Minutes\n\nPlease notify the Member Services Officer. The Democratic "
                                    "and Member Services Manager said so. The Member asked the Officer.\n")
    assert titles(extract(tmp_path / "m.txt")) == {"Member Services Officer",
                                                   "Democratic and Member Services Manager"}


def test_councillors_present_listed_one_a_line(tmp_path: Path) -> None:
    """"Councillors present:" over one name a line, offices in brackets: each is a councillor; the list ends
    at the blank line, and a line holding more than a name is no part of it."""
    x = _people_of(tmp_path, (
        "Kellside District Council\nLicensing Committee\n\nMINUTES\n\n"
        "Councillors present:\nMary Okafor (Chair)\nTom Fenwick\nPriya Lal\n\n"
        "Officers in attendance:\nHead of Housing - Sam Reed\n"))
    found = {p.surname: p for p in x.people if p.role == "councillor"}
    assert set(found) == {"Okafor", "Fenwick", "Lal"}
    assert found["Okafor"].office == "Chair"


def test_a_field_label_before_a_name_and_its_own_post_is_the_part_played(tmp_path: Path) -> None:
    """"Monitoring Officer: Jo Bell, Head of Legal Services": the name's own post follows it, so Jo Bell holds
    that post (the field's label is the part played here, as "Proper Officer" on a decision notice)."""
    x = _people_of(tmp_path, (
        "Kellside District Council\nRecord of Decision\n\nDecision taken by: Cabinet\n\n"
        "Monitoring Officer: Jo Bell, Head of Legal Services\n"))
    assert ("officer:Jo Bell", "post:Head of Legal Services") in holdings(x)


def test_officers_listed_with_their_initials_are_named_by_them_later(tmp_path: Path) -> None:
    """"Post - Name (XY)" and "Name (XY), Post" hold the post; the initials alone later mean that officer, but
    letters that are not the name's initials ("(HR)") and a surname shared with a councillor stay apart."""
    x = _people_of(tmp_path, (
        "Wyndle Borough Council\nPlaces Panel\n\nPresent: Cllr R Kemble (Chair), Cllr S Mottram\n\n"
        "In attendance:\nDirector of Environment - Gwen Mottram (GM)\n"
        "Tariq Hussain (TH), Parks Manager\nPeople Services Lead - Nia Rowe (HR)\n\n"
        "5  Parks\nTH outlined the play area programme. Cllr Mottram asked about vandalism; GM replied.\n"
        "Action: TH to share the repair schedule. HR would follow up.\n"))
    assert {("officer:Gwen Mottram", "post:Director of Environment"),
            ("officer:Tariq Hussain", "post:Parks Manager")} <= holdings(x)
    a = people.of(x)
    said = {x.doc.text[m.start:m.end]: m.key for m in a.mentions if m.kind == "officer"}
    assert said["TH"] == "officer:Tariq Hussain" and said["GM"] == "officer:Gwen Mottram"
    assert "HR" not in said
    assert [p.role for p in x.people if p.surname == "Mottram"] == ["councillor", "officer"]


def test_the_first_officer_on_the_label_line_and_a_labelled_cabinet_member(tmp_path: Path) -> None:
    """"Officers: Head of Parks: J Dunn" holds the post like the lines under it; "Cabinet Member: Cllr P Rees
    (...)" makes that councillor's office Cabinet Member, and "the Cabinet Member" later is that
    councillor."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent: Cllr A Moss (Chair), Cllr B Lloyd\n"
        "Cabinet Member: Cllr P Rees (Parks and Open Spaces)\n"
        "Officers: Head of Parks: J Dunn\n          Democratic Services Officer: K Vaughan\n\n"
        "3  Allotments\nCllr Lloyd asked about waiting lists. The Cabinet "
        "Member said a new site would open.\n"))
    assert {("officer:J Dunn", "post:Head of Parks"),
            ("officer:K Vaughan", "post:Democratic Services Officer")} <= holdings(x)
    rees = next(p for p in x.people if p.surname == "Rees")
    assert rees.office == "Cabinet Member"
    said = [m.key for m in people.of(x).mentions if x.doc.text[m.start:m.end] == "Cabinet Member"]
    assert said == [rees.key]


def test_co_opted_members_listed_by_name_alone_are_others(tmp_path: Path) -> None:
    """"Co-opted Member:" over "Ann Lyle (Parents' Forum)", or on its own line with the name beside it: a
    person of role other, with the body as office, and her full name later is her; "Sam Okoro, Youth
    Council" after a comma keeps the body out of the names."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent: Councillors R Dean and P Gill\n\nCo-opted Member:\nAnn Lyle (Parents' Forum)\n\n"
        "Co-opted member (non-voting): Sam Okoro, Youth Council\n\n"
        "4  School meals\nAnn Lyle asked how many pupils took free meals.\n"))
    others = {p.key: (p.name, p.office) for p in x.people if p.role == "other"}
    assert others == {"other:Lyle": ("Ann Lyle", "Parents' Forum"), "other:Okoro": ("Sam Okoro", "")}
    said = [m.key for m in people.of(x).mentions if x.doc.text[m.start:m.end] == "Ann Lyle"]
    assert said == ["other:Lyle", "other:Lyle"]


def test_letters_used_before_an_officer_s_initials_are_defined_mean_something_else(tmp_path: Path) -> None:
    """"IT" used in the text before "Ian Tate (IT)" names the officer is the service, so "IT" is never read as
    the officer; a time "10 AM" is never Alan Moss's initials."""
    x = _people_of(tmp_path, (
        "Minutes\n\nThe IT upgrade was discussed first.\n\nOfficers:\nHead of Digital - Ian Tate (IT)\n"
        "Head of Estates - Alan Moss (AM)\n\nIT said the servers had been "
        "moved. The meeting began at 10 AM.\n"))
    officers = {x.doc.text[m.start:m.end] for m in people.of(x).mentions if m.kind == "officer"}
    assert officers == {"Ian Tate", "Alan Moss"}


def test_a_title_never_grows_across_a_column_gap(tmp_path: Path) -> None:
    """In a table set out with spaces, a title's words stand one or two spaces apart and a wider gap is the
    next column's edge: "Head of Parks and Open Spaces     June 2025" is the Head of Parks and Open Spaces."""
    x = _people_of(tmp_path, (
        "Minutes\n\nRef    Task                          Owner                           Due\n"
        "P/12   Replant the avenue trees      Head of Parks and Open Spaces   June 2025\n"
        "P/13   Resurface the car park        Estates Manager                 May 2025\n"))
    assert {"Head of Parks and Open Spaces", "Estates Manager"} <= titles(x)
    assert not any("June" in t or "Resurface" in t or "Replant" in t for t in titles(x))


def test_a_tracker_s_responsible_officer_head_is_no_post(tmp_path: Path) -> None:
    """"Responsible Officer" heading a tracker's owner column names a part played, not a post."""
    x = _people_of(tmp_path, (
        "Minutes\n\nRef    Task                          Responsible Officer             Due\n"
        "P/12   Replant the avenue trees      Head of Parks and Open Spaces   June 2025\n"))
    assert titles(x) == {"Head of Parks and Open Spaces"}


def test_a_field_of_work_with_in_and_a_headteacher_are_whole_titles(tmp_path: Path) -> None:
    """"Head of Service for Young People in Care" keeps "in Care" (a field of work after "in"), a "Hospital
    School Headteacher" is a post, and "in" before a meeting's body ends the title."""
    x = _people_of(tmp_path, (
        "Minutes\n\nOfficers: Kamal Hussain (Head of Service for Young People in Care and Leaving Care), "
        "Brenda Moss (Hospital School Headteacher)\n\nThe Director of Finance in Committee said so.\n"))
    assert titles(x) == {"Head of Service for Young People in Care and Leaving Care",
                         "Hospital School Headteacher", "Director of Finance"}
    assert holdings(x) == {("officer:Kamal Hussain", "post:Head of Service for Young People in Care "
                                                     "and Leaving Care"),
                           ("officer:Brenda Moss", "post:Hospital School Headteacher")}


def test_a_list_of_councillors_ends_before_a_hyphenated_field_label_on_the_next_line(tmp_path: Path) -> None:
    """"Cllrs A Bell, T Noor" then "Co-optees: ..." on the next line: the last councillor is T Noor, never
    "T Noor Co"."""
    x = _people_of(tmp_path, "Minutes\n\nPresent: Cllrs A Bell, T Noor\nCo-optees: R Dale\n\nCllr "
                             "Noor asked.\n")
    assert set(councillors(x)) == {"councillor:A Bell", "councillor:T Noor"}


def test_letters_before_a_post_that_opens_a_sentence_are_no_initials(tmp_path: Path) -> None:
    """"AOB: Head of Finance reported ..." is an agenda label before a sentence, so a later "AOB" is no
    mention of the Head of Finance; "KB - Head of Housing;" in a key of owners is one."""
    from kg.extract import people as people_module

    text = ("Minutes\n\nOwners: KB - Head of Housing; AF - Head of Finance\n\n"
            "AOB: Head of Finance reported the audit dates.\n\nAOB items were taken last. KB to reply.\n")
    (tmp_path / "m.txt").write_text(text, encoding="utf-8")
    x = extract(tmp_path / "m.txt")
    a = people_module.of(x)
    said = {text[m.start:m.end]: m.key for m in a.mentions if text[m.start:m.end] in ("AOB", "KB")}
    assert said == {"KB": "post:Head of Housing"}


def test_an_undefined_acronym_spelling_one_listed_post_is_that_post(tmp_path: Path) -> None:
    """"The SHM agreed ...", never defined, spells the capitals of the one listed Strategic Housing Manager:
    a mention of that post; capitals that fit no listed post, or "the CCTV", stay nothing."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent: Councillor A Lowe (Chair)\n\n"
        "Officers: Kim Ode (Strategic Housing Manager), Tom Reed (Head of Revenues)\n\n"
        "The SHM agreed that estate figures would be added. The CCTV upgrade and the DPO were discussed.\n"))
    found = people.mentions(x.doc.text)
    keys = [m.key for m in found if x.doc.text[m.start : m.end] == "SHM"]
    assert keys == ["post:Strategic Housing Manager"]
    assert not [m for m in found if x.doc.text[m.start : m.end] in ("CCTV", "DPO")]


def test_a_title_of_level_words_names_its_service_after_a_comma(tmp_path: Path) -> None:
    """"Operational Manager, Housing Strategy" and "Service Lead, Planning Policy" are titles of level words
    and a head, so the service after the comma completes them: two Operational Managers stay two posts, and
    "the Service Lead" alone later is the one named in full."""
    x = _people_of(tmp_path, (
        "Minutes\n\nOfficers present: Gwen Morgan - Operational Manager, Housing Strategy; Dylan Rees - "
        "Operational Manager, Parks and Bereavement Services; Rhian Jenkins - Service Lead, Planning "
        "Policy\n\nThe Service Lead said the plan was on track.\n"))
    assert titles(x) == {"Operational Manager, Housing Strategy",
                         "Operational Manager, Parks and Bereavement Services",
                         "Service Lead, Planning Policy"}
    assert ("officer:Rhian Jenkins", "post:Service Lead, Planning Policy") in holdings(x)
    said = [m.key for m in people.mentions(x.doc.text) if x.doc.text[m.start:m.end] == "Service Lead"]
    assert said == ["post:Service Lead, Planning Policy"]


def test_a_top_tier_generic_title_with_one_named_holder_is_a_post(tmp_path: Path) -> None:
    """"Amir Shah (Corporate Director)" names the one holder of a top-tier title with no fuller form in the
    minutes, so "Corporate Director" is a post there; where two people are named as Corporate Director, or
    nobody is, it stays too vague to assert."""
    one = _people_of(tmp_path, (
        "Minutes\n\nIn attendance: Amir Shah (Corporate Director), Lucy Ford (Head of Leisure)\n\n"
        "The Corporate Director presented the report.\n"))
    assert titles(one) == {"Corporate Director", "Head of Leisure"}
    assert ("officer:Amir Shah", "post:Corporate Director") in holdings(one)
    two = _people_of(tmp_path, (
        "Minutes\n\nIn attendance: Amir Shah (Corporate Director), Jill Kaur (Corporate Director)\n\n"
        "The Corporate Director presented the report.\n"))
    assert titles(two) == set()
    none = _people_of(tmp_path, "Report of the Corporate Director\n\nThe Corporate Director recommends it.\n")
    assert titles(none) == set()


def test_a_report_header_in_capitals_names_its_author_s_post(tmp_path: Path) -> None:
    """"REPORT BY THE HEAD OF ROADS AND INFRASTRUCTURE", a report's header set in capitals, names the post
    after its lead words as a title-case header would; a capitals line that is no report header names none."""
    x = _people_of(tmp_path, (
        "ROADS COMMITTEE\n\nREPORT BY THE HEAD OF ROADS AND INFRASTRUCTURE\n\nWINTER SERVICE PLAN\n\n"
        "1. Purpose\n\nThe plan sets out gritting routes.\n"))
    assert titles(x) == {"Head of Roads and Infrastructure"}


def test_a_statutory_role_in_brackets_inside_the_post_s_bracket(tmp_path: Path) -> None:
    """"Ruth Onu (Head of Legal Services (Monitoring Officer))": the post in brackets after the name carries a
    statutory role in brackets of its own, and the name still holds the post."""
    x = _people_of(tmp_path, "Minutes\n\nOfficers: Ruth Onu (Head of Legal Services (Monitoring Officer)), "
                             "Ian Todd (Scrutiny Officer)\n")
    assert ("officer:Ruth Onu", "post:Head of Legal Services") in holdings(x)
    assert ("officer:Ian Todd", "post:Scrutiny Officer") in holdings(x)


def test_a_list_of_councillors_closes_at_its_and(tmp_path: Path) -> None:
    """"Councillors Bell, Kaur and Lowe," then "Mrs T Hale (Parent Governor)" on the next line: the name after
    "and" closes the list, so the co-opted member is no councillor; "Ald. R Moore" is an Alderman."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent: Ald. R Moore (Chair), Councillors Bell, Kaur and Lowe,\n"
        "Mrs T Hale (Parent Governor)\n\nAld. Moore welcomed members.\n"))
    assert set(councillors(x)) == {"councillor:R Moore", "councillor:Bell", "councillor:Kaur",
                                   "councillor:Lowe"}
    assert {p.key: p.role for p in x.people}["other:Hale"] == "other"


def test_a_title_wrapped_inside_a_table_cell_is_read_whole(tmp_path: Path) -> None:
    """In an action log set out with spaces, "Assistant Director of" in a row and "Highways" under it on the
    continuation line (same column, first column blank) are one title; so are "Head of Parks" and "and Open
    Spaces"; a new row under a title is no part of it."""
    x = _people_of(tmp_path, (
        "Action log\n\n"
        "Ref  Action                       Owner                    Due\n"
        "12   Survey the footway defects   Assistant Director of    March 2026\n"
        "     on the ring road             Highways\n"
        "13   Replant the avenue           Head of Parks            April 2026\n"
        "     after the storm              and Open Spaces\n"
        "14   Report the grant outcome     Head of Finance          May 2026\n"
        "15   Reopen the library           Head of Culture          June 2026\n"))
    assert titles(x) == {"Assistant Director of Highways", "Head of Parks and Open Spaces", "Head of Finance",
                         "Head of Culture"}


def test_a_report_s_reporting_officer_label_is_no_post(tmp_path: Path) -> None:
    """"Reporting Officer: Head of Legal Services" in a report's header labels the part the Head of Legal
    Services plays; "Reporting Officer" is no post of its own."""
    x = _people_of(tmp_path, "Report\n\nReporting Officer: Head of Legal Services\n\nContact Officer: "
                             "Mo Reid, Governance Officer\n")
    assert titles(x) == {"Head of Legal Services", "Governance Officer"}


def test_a_label_then_a_tab_then_a_name_and_post(tmp_path: Path) -> None:
    """"OFFICERS IN ATTENDANCE<tab>Leah Quinn, Estates Manager": the name after the label's tab opens its
    clause and holds the post."""
    x = _people_of(tmp_path, "Minutes\n\nOFFICERS IN ATTENDANCE\tLeah Quinn, Estates Manager\n")
    assert holdings(x) == {("officer:Leah Quinn", "post:Estates Manager")}


def test_councillors_present_on_the_label_s_own_line(tmp_path: Path) -> None:
    """"Councillors present: Ahmed (Chair), Brook and Cole" lists its names on the label's line."""
    x = _people_of(tmp_path, "Minutes\n\nCouncillors present: Ahmed (Chair), Brook and Cole\n")
    assert set(councillors(x)) == {"councillor:Ahmed", "councillor:Brook", "councillor:Cole"}


def test_a_joint_title_with_a_department_in_the_bracket_after_a_name(tmp_path: Path) -> None:
    """"Ewan Doyle (Chief Officer, Governance and Monitoring Officer)": the department ends before the second
    post, and the name holds both."""
    x = _people_of(tmp_path, "Minutes\n\nOfficers: Ewan Doyle (Chief Officer, Governance and Monitoring "
                             "Officer), Zoe Lamb (Clerk)\n")
    assert {("officer:Ewan Doyle", "post:Chief Officer, Governance"),
            ("officer:Ewan Doyle", "post:Monitoring Officer")} <= holdings(x)


def test_an_external_auditor_s_body_after_the_comma_is_no_officer(tmp_path: Path) -> None:
    """"Ms Ann Reid (Senior Audit Manager, Audit Scotland)": after a name's bracket, the body after the comma
    is no holder of the post; no officer is named "Audit Scotland"."""
    x = _people_of(tmp_path, "Minutes\n\nAlso present: Ms Ann Reid (Senior Audit Manager, Audit Scotland)\n")
    assert not [p for p in x.people if p.role == "officer"]
    assert not holdings(x)


def test_a_name_sharing_a_word_with_a_council_s_place_is_still_a_name(tmp_path: Path) -> None:
    """"Dean Marsh (Head of Parks)" and "Sarah King, Head of Legal" are people although "Dean" and "King"
    are words of councils' names (Forest of Dean, King's Lynn); a pair of place words ("Tunbridge Wells") is
    still no name."""
    x = _people_of(tmp_path, "Minutes\n\nOfficers: Dean Marsh (Head of Parks), Sarah King, Head of Legal\n\n"
                             "Report: Tunbridge Wells (Head of Planning) comments were noted.\n")
    assert holdings(x) == {("officer:Dean Marsh", "post:Head of Parks"),
                           ("officer:Sarah King", "post:Head of Legal")}


def test_a_roll_of_honorific_names_under_present_is_the_members(tmp_path: Path) -> None:
    """A Scottish roll without "Councillor" ("Present: Mr A Brown (Convener), Mrs C Dodd ...", or names run on
    over two columns) lists councillors; a member whose bracket names a body, the officers listed under "In
    attendance:", and honorific names beside a "Councillor" or fewer than three are not councillors."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent:\nMr K Rattray (Convener), Mrs D Fyfe (Vice Convener), Dr H Cowie (via VC),\n"
        "Mrs J Laird (Religious Representative) and Miss P Orr\n\n"
        "In attendance:\nMr S Baird, Mrs T Gunn, Ms F Leckie\n\nMrs Fyfe asked about the timetable.\n"))
    c = {p.key: p for p in x.people if p.role == "councillor"}
    assert set(c) == {"councillor:K Rattray", "councillor:D Fyfe", "councillor:H Cowie", "councillor:P Orr"}
    assert c["councillor:K Rattray"].office == "Convener"
    y = _people_of(tmp_path, "Minutes\n\nPresent: Mr G Sim Mrs R Bain Ms A Keir\n\nApologies: none\n")
    assert set(councillors(y)) == {"councillor:G Sim", "councillor:R Bain", "councillor:A Keir"}
    # beside a "Councillor" (co-optees of an English committee), or fewer than three: no roll of members
    z = _people_of(tmp_path, "Minutes\n\nPresent: Mr J Lowry, Mrs E Pike, Councillor A Dent and Mr R Hay\n")
    assert set(councillors(z)) == {"councillor:A Dent"}
    assert not councillors(_people_of(tmp_path, "Minutes\n\nPresent: Mr J Lowry and Mrs E Pike\n"))


def test_mr_and_ms_of_one_surname_are_the_councillor_and_the_officer(tmp_path: Path) -> None:
    """With Mr D Voss a member and Ms P Voss an officer, "Mr Voss" later is the councillor and "Ms Voss" the
    officer (honorifics that give a different sex name different people)."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent: Mr D Voss, Mrs L Kerr, Mr B Aird\n\n"
        "Attending: Ms P Voss, Housing Manager\n\nMr Voss asked about voids. Ms Voss replied.\n"))
    text = x.doc.text
    said = {text[m.start:m.end]: m.key for m in people.mentions(text)
            if text[m.start:m.end] in ("Mr Voss", "Ms Voss")}
    assert said == {"Mr Voss": "councillor:D Voss", "Ms Voss": "officer:P Voss"}


def test_a_contact_row_of_name_and_post_cells_holds_the_post(tmp_path: Path) -> None:
    """A contact row under a table ("Ian Moss<TAB>Committee Officer<TAB>phone"), the name alone in its first
    cell, gives Ian Moss the post."""
    x = _people_of(tmp_path, (
        "Action log\n\nRef\tAction\tOwner\tDue\n"
        "PK/3\tReport on play area repairs\tParks Manager\t01/04/2026\n\n"
        "Ian Moss\tCommittee Officer\t01234 567890\n"))
    assert ("officer:Ian Moss", "post:Committee Officer") in holdings(x)


def test_a_co_opted_member_by_full_name_and_body_is_another_person(tmp_path: Path) -> None:
    """"Ruth Alden, Carers Forum (co-opted member)" in an attendance list is a person who is no councillor,
    and "Ruth Alden" later is her."""
    x = _people_of(tmp_path, (
        "Minutes\n\nPresent: Councillor A Lowe (Chair), Councillor B Hart\n"
        "Also in attendance:\tRuth Alden, Carers Forum (co-opted member)\n\n"
        "Ruth Alden asked about respite.\n"))
    other = [p for p in x.people if p.role == "other"]
    assert [p.name for p in other] == ["Ruth Alden"]
    text = x.doc.text
    found = [m.key for m in people.mentions(text) if text[m.start:m.end] == "Ruth Alden"]
    assert found == ["other:Alden"] * 2


def test_column_heads_after_councillor_in_a_declarations_table_are_no_name(tmp_path: Path) -> None:
    """A declarations table headed "Councillor<TAB>Agenda Item<TAB>Nature of Interest" names no councillor;
    the row under it does."""
    x = _people_of(tmp_path, (
        "Minutes\n\nDeclarations of Interest\n\nCouncillor\tAgenda Item\tNature of Interest\n"
        "Councillor P Wyn\t7 - Leisure Review\tMember of the trust board\n"))
    assert set(councillors(x)) == {"councillor:P Wyn"}


def test_the_senior_information_risk_owner_is_a_post_and_its_acronym_names_it(tmp_path: Path) -> None:
    """"Senior Information Risk Owner (SIRO)" is a post, and "The SIRO" later is it."""
    x = _people_of(tmp_path, (
        "Minutes\n\nThe Director of Corporate Services, who is the Council's Senior Information "
        "Risk Owner (SIRO), introduced the report. The SIRO said that two breaches had been reported.\n"))
    assert "Senior Information Risk Owner" in titles(x)
    text = x.doc.text
    assert [m.key for m in people.mentions(text) if text[m.start:m.end] == "SIRO"] \
        == ["post:Senior Information Risk Owner"]

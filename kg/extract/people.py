"""Extract people and posts: councillors in every written form, officers with their posts, posts alone.

Posts are found by their head word (kg/extract/patterns/posts.yaml) and grown outwards over the title's
words; a shortened later mention ("the Libraries and Heritage Manager") or an acronym defined once
("Director of Children's Services (DCS)" ... "the DCS") takes the full title's key. Councillors key on
surname (plus an initial only when two share one in a document), so one councillor is one IRI across
meetings. Officers are named only where a post is attached to the name (`Name, Post`, `Post, Name`,
`Name (Post)`, a signature block); a bare capitalised pair is never taken for a person.

`mentions(text)` keeps every mention with its offsets, so other extractors can name actors
(`actor_at`) and speakers without parsing names again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.names import (
    BRACKET,
    NAME_END,
    Name,
    councillor_keys,
    councillors_in,
    honorific_re,
    honorific_roll_in,
    name_ending_at,
    people_vocab,
    read_name,
)
from kg.extract.posts import (
    acronyms,
    canonical_title,
    find_titles,
    generic,
    post_canon,
    posts_vocab,
    service_words,
)
from kg.extract.regex import whole_words
from kg.model import Extraction, HoldingFact, PersonFact, PostFact, Role, Span
from kg.text import TextView, view


@dataclass(frozen=True)
class Mention:
    """One mention of a person or post in the text; `key` is the fact key it refers to."""

    start: int
    end: int
    key: str
    kind: str  # councillor | officer | other | post


_TITLE_PUNCT = re.compile(r"[,()]")


def title_words(title: str) -> list[str]:
    """A title's words, commas and brackets dropped: what a short reference is compared by."""
    return _TITLE_PUNCT.sub(" ", title).split()


def post_named_before(mentions: list[Mention], starts: list[int], words: list[str], at: int) -> str | None:
    """A short reference ("the Director", "the Service Manager") is the post most recently named in full
    before `at` whose title opens with the same words. `starts` are the mentions' starts, in order."""
    before = [m for m in reversed(mentions[:bisect_left(starts, at)]) if m.kind == "post"]
    for m in before:
        title = title_words(m.key.removeprefix("post:"))
        if title[:len(words)] == words and len(title) > len(words):
            return m.key
    # none: "the Director" after "Corporate Director of Place", the title's level words dropped
    levels = set(posts_vocab().get("level_modifiers", ()))
    if not words or words[0] in levels:
        return None
    for m in before:
        title = title_words(m.key.removeprefix("post:"))
        while title and title[0] in levels:
            title = title[1:]
        if title[:len(words)] == words and len(title) > len(words):
            return m.key
    return None


@dataclass(frozen=True)
class Analysis:
    people: tuple[PersonFact, ...]
    posts: tuple[PostFact, ...]
    holdings: tuple[HoldingFact, ...]
    mentions: tuple[Mention, ...]
    titles: tuple[tuple[int, int], ...] = ()  # every post title found, generic ones included



# ---- the analysis ------------------------------------------------------------------------------

_CAPS_LINE = re.compile(r"(?m)^[ \t\xa0]*([A-Z][A-Z'’\-]*(?:[ \xa0,&]+[A-Z][A-Z'’\-]*){0,11})[ \t\xa0]*$")


def _title_case(line: str) -> str:
    minor = {"of", "for", "and", "the", "in", "to"}
    words = re.split(r"(\W+)", line)
    return "".join(w.lower() if w.lower() in minor and i else w.capitalize() for i, w in enumerate(words))


def _signature_case(text: str) -> str:
    """A signature block set in capitals ("JO BELL" over "SCRUTINY ADVISER") read as written in title case:
    a capitals line that is wholly one post title, and a two- or three-word capitals line just above it.
    The text keeps its length, so every offset still points into the original."""
    out = text
    for m in _CAPS_LINE.finditer(text):
        line = m.group(1)
        cased = _title_case(line)
        spans = find_titles(cased)
        # a report's header in capitals, "REPORT OF THE HEAD OF FINANCE": the title after the lead alone
        lead = _report_lead_re().match(cased)
        if lead and spans and spans[-1] == (lead.end(), len(cased)):
            out = out[:m.start(1)] + cased + out[m.end(1):]
            continue
        if not (spans and spans[0] == (0, len(cased))):
            continue
        out = out[:m.start(1)] + cased + out[m.end(1):]
        prev_end = text.rfind("\n", 0, m.start())
        prev = _CAPS_LINE.match(text, text.rfind("\n", 0, prev_end) + 1) if prev_end > 0 else None
        if prev and prev.end() == prev_end and 2 <= len(prev.group(1).split()) <= 3:
            out = out[:prev.start(1)] + _title_case(prev.group(1)) + out[prev.end(1):]
    return out


@lru_cache(maxsize=1)
def _report_lead_re() -> re.Pattern[str]:
    """The words before the author's post in a report's header (people.yaml `report_leads`), title-cased."""
    leads = sorted(people_vocab().get("report_leads", ()), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(_title_case(x)) for x in leads) + r")(?: the)?[ \xa0]+")


# "Shelly Burke, head of scrutiny, responded": a post in lower case set off by commas after a name
_APPOSITIVE = re.compile(r"(?<![\w.])[A-Z][a-z'’-]+(?:[ \xa0][A-Z][a-z'’-]+){1,2},[ \xa0]+"
                         r"([a-z][a-z'’-]*(?:[ \xa0](?:[a-z][a-z'’-]*|&))*),")


def _appositive_case(text: str) -> str:
    """A post written in lower case between commas straight after a two- or three-word name ("Shelly Burke,
    head of scrutiny, said") read in title case, when the whole of it is one post title. Keeps the length."""
    out = text
    for m in _APPOSITIVE.finditer(text):
        if {"a", "an"} & set(m.group(1).split()):  # "director of a charity": a description, not a post
            continue
        cased = _title_case(m.group(1))
        if find_titles(cased) == [(0, len(cased))]:
            out = out[:m.start(1)] + cased + out[m.end(1):]
    return out


def of(x: Extraction) -> Analysis:
    """The analysis of a document's text, read with its wrapped lines joined (the text view's `flat`)."""
    return analyse(x.doc.text, view(x.doc).flat)


@lru_cache(maxsize=16)
def analyse(text: str, flat: str | None = None) -> Analysis:
    """Every person, post and holding in `text`, with all their mentions; the evidence quotes the text as
    written (a signature block in capitals is read in title case; `flat`, the same text with its wrapped
    lines joined, is read in its place so a name or title wrapped over two lines is whole)."""
    read = _appositive_case(_signature_case(flat or text))
    a = _analyse(read, _column_gaps(text, read), _wrapped_cells(text))
    if read == text:
        return a

    def fix(span: Span) -> Span:
        return Span.of(text, span.start, span.end)

    def surface(p: PostFact) -> str:  # a title read down a table's cell keeps its words joined
        return text[p.span.start:p.span.end] if p.surface == read[p.span.start:p.span.end] else p.surface

    return replace(a, people=tuple(replace(p, span=fix(p.span)) for p in a.people),
                   posts=tuple(replace(p, span=fix(p.span), surface=surface(p)) for p in a.posts),
                   holdings=tuple(replace(h, span=fix(h.span)) for h in a.holdings))


_WIDE_GAP = re.compile(r"(?<=\S)[ \xa0]{3,}(?=\S)")


def _column_gaps(text: str, read: str) -> str | None:
    """`read` with each gap of three or more spaces inside one line of `text` made tabs (offsets kept): a
    column's edge in a table set out with spaces, which no post title grows across ("Head of Parks     June
    2025"); a title wrapped over a page break, its furniture blanked in `read`, still reads whole."""
    gaps = [m.span() for m in _WIDE_GAP.finditer(text)]
    if not gaps:
        return None
    chars = list(read)
    for a, b in gaps:
        chars[a:b] = "\t" * (b - a)
    return "".join(chars)


# `_analyse`'s patterns, compiled once (each was looked up in re's cache for every name and post)
_INITIALS = re.compile(r"[A-Z]\.?(?: [A-Z]\.?)*")
_JOINT = re.compile(r"[ \xa0]+(?:and|&)[ \xa0]+")
_OWN_POST = re.compile(r",[ \t\xa0]*(?:the[ \t\xa0]+)?")
_LEAD = re.compile(r"(,|\(|[-–]|[ \t\xa0]|\n)[ \t\xa0]*(?:the[ \t\xa0]+)?$")
_LEAD_MARK = re.compile(r"(?:,|\(|[-–])[ \t\xa0]*(?:the)?$")
_GAP = re.compile(r"[ \xa0]+$")
_CELL_GAP = re.compile(r"\t$")  # "Jo Bell<TAB>Scrutiny Officer<TAB>01234 ...": a contact row's cells
_POST_COMMA = re.compile(r"(?:,|[ \t\xa0]+[-–])[ \t\xa0]+")
_CLOSED = re.compile(r"[ \t\xa0]*(?:[,;)\n]|\.(?:\s|$)|$)")  # "..., Cabinet Member for Y." ends a list too
_OPENS = re.compile(r"[ \t\xa0]*[,(][ \t\xa0]*(?:the[ \t\xa0]+)?")
_ACRONYM_AFTER = re.compile(r"[ \xa0]*\(([A-Z][A-Za-z]{1,7})\)")
_FIELD = re.compile(r"[ \t\xa0]*:[ \t\xa0]+")
_OPENED = re.compile(r"[ \t\xa0]*[,(][ \t\xa0]*$")  # "the Cabinet Member for X, Councillor Y", " (Cllr Y)"
# a named officer's initials in brackets after the name, then used alone: "Jo Bell (JB)" ... "JB reported"
_THE_ACRONYM = re.compile(r"\b[Tt]he[ \t\xa0]+([A-Z]{3,6})\b(?![\w\-])")
_INITIALS_AFTER = re.compile(r"[ \t\xa0]*\(([A-Z]{2,4})\)")
_INNER_CLOSED = re.compile(r"[ \t\xa0]*\([^()\n]{1,60}\)\)")
_INITIALS_BEFORE = re.compile(r"[ \t\xa0]*\(([A-Z]{2,4})\)$")


def _own_initials(name: Name, letters: str) -> bool:
    """`letters` are the initials of `name`: its first given letter first and its surname's among the rest
    ("JB" and "JRB" for Jo R Bell), so a post acronym in brackets ("(HCS)") is not taken for them."""
    given = name.given.replace(".", " ").split()
    return bool(given) and letters[0] == given[0][0].upper() and len(letters) <= len(given) + 2 \
        and name.surname[:1].upper() in letters[1:]


_CELL = re.compile(r"[^ \t\xa0\n]+(?:[ \xa0][^ \t\xa0\n]+)*")
_CELL_EDGE = re.compile(r"(?:[ \t\xa0]{2,}|\t)")


def _wrapped_cells(text: str) -> tuple[tuple[int, int, int, str], ...]:
    """Post titles wrapped inside one cell of a table set out with spaces: "Head of Parks" in a row and
    "and Open Spaces" under it, at the same column on the next line, a continuation line whose first column is
    blank. (start, end of the first line's part, end of the continuation, the joined title)."""
    out: list[tuple[int, int, int, str]] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.group() or m.start() == 0]
    starts = {st: i for i, (st, _) in enumerate(lines)}
    for st, line in lines:
        nxt_start = st + len(line) + 1
        i = starts.get(nxt_start)
        if i is None or not line.strip():
            continue
        nxt = lines[i][1]
        if not nxt[:1].isspace() or not nxt.strip() or not _CELL_EDGE.search(line):
            continue
        for cell in _CELL.finditer(line):
            col = cell.start()
            if col < 2 or line[col - 2:col].strip() or not _edge(line, cell.end()):
                continue
            below = _CELL.match(nxt, col)
            if not below or nxt[col - 2:col].strip() or not _edge(nxt, below.end()):
                continue
            joined = f"{cell.group()} {below.group()}"
            if find_titles(joined) == [(0, len(joined))]:
                out.append((st + col, st + cell.end(), nxt_start + below.end(), canonical_title(joined)))
    return tuple(out)


def _edge(line: str, at: int) -> bool:
    """A cell ends at `at`: the line's end, a tab or two spaces."""
    return at == len(line) or line[at] == "\t" or line[at:at + 2] in ("  ", " \xa0", "\xa0 ", "\xa0\xa0")


@lru_cache(maxsize=16)
def _analyse(text: str, gapped: str | None = None,
             cells: tuple[tuple[int, int, int, str], ...] = ()) -> Analysis:
    mentions: list[Mention] = []
    people: dict[str, PersonFact] = {}
    taken = _Taken(len(text))

    # councillors
    cllrs = councillors_in(text)
    # a roll of honorific names ("Present: Mr A Brown (Convener), Mrs C Dodd, ...") names the members too
    cllrs = sorted(cllrs + [c for c in honorific_roll_in(text)
                            if not any(o[0].start < c[2] and c[0].start < o[2] for o in cllrs)],
                   key=lambda c: c[0].start)
    for (name, office, end), key in zip(cllrs, councillor_keys(cllrs), strict=True):
        label = " ".join(p for p in ("Councillor", name.honorific, name.full) if p)
        forename = "" if _INITIALS.fullmatch(name.given) else name.given
        old = people.get(key)
        if old is None:
            people[key] = PersonFact(key, label, "councillor", Span.of(text, name.start, end), name.surname,
                                     forename, name.honorific, office)
        else:  # the fullest form names the person; the first mention stays the evidence
            people[key] = replace(old, name=label if len(label) > len(old.name) else old.name,
                                  forename=old.forename or forename,
                                  honorific=old.honorific or name.honorific,
                                  office=old.office or office)
        mentions.append(Mention(name.start, end, key, "councillor"))
        taken.append((name.start, end))

    # posts, with their canonical titles
    spans = [s for s in find_titles(gapped or text) if not _inside(s, taken)]
    # a title wrapped inside a table's cell: its first line's part stands for the joined title
    wrapped = {(a, b): (c, title) for a, b, c, title in cells if not _inside((a, b), taken)}
    spans = sorted([sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b in wrapped)]
                   + list(wrapped))
    acr = acronyms(text, spans)
    surfaces = [wrapped[sp][1] if sp in wrapped else canonical_title(text[sp[0]:sp[1]]) for sp in spans]
    canon = post_canon(surfaces + [t for t, _, _ in acr.values()])
    held = _held_generic(text, spans, surfaces, canon)
    canon.update({t: (t, "exact") for t in held})
    posts: list[PostFact] = []
    post_at: dict[tuple[int, int], str] = {}
    seen_surface: set[tuple[str, str]] = set()
    for (s, e), surface in zip(spans, surfaces, strict=True):
        if surface not in canon:
            continue
        title, method = canon[surface]
        key = f"post:{title}"
        post_at[(s, e)] = key
        mentions.append(Mention(s, e, key, "post"))
        if (key, surface) not in seen_surface:
            seen_surface.add((key, surface))
            if (s, e) in wrapped:  # the evidence is the cell's whole stretch, over both lines
                posts.append(PostFact(key, title, surface, Span.of(text, s, wrapped[(s, e)][0]), method))
            else:
                posts.append(PostFact(key, title, text[s:e], Span.of(text, s, e), method))
    # a title written once in capitals and again in lower case ("the head of legal services said"): the
    # lower-case form is a mention of the same post (a lower-case title never found alone asserts nothing)
    for title, (canonical, _) in canon.items():
        if title.lower() in generic() or len(title.split()) < 2:
            continue
        pattern = re.compile(r"\b" + re.escape(title).replace(r"\ ", r"\s+") + r"\b", re.I)
        for m in pattern.finditer(text):
            if m.group(0) != m.group(0).lower() or _inside(m.span(), taken) \
                    or any(a < m.end() and m.start() < b for a, b in spans):
                continue
            mentions.append(Mention(m.start(), m.end(), f"post:{canonical}", "post"))
    for short, (title, _, _) in acr.items():
        if title not in canon:  # an acronym for a generic title ("Assistant Director (AD)") asserts nothing
            continue
        key = f"post:{canon[title][0]}"
        for a, b in whole_words(text, short):  # `short` is letters only (posts._ACRONYM): \bshort\b
            if any(s <= a < e for s, e in spans) or text[a - 1:a] == "(":
                continue
            mentions.append(Mention(a, b, key, "post"))
            if (key, short) not in seen_surface:
                seen_surface.add((key, short))
                span = Span.of(text, a, b)
                posts.append(PostFact(key, key.removeprefix("post:"), short, span, "acronym"))

    # an acronym not defined here that spells the capitals of exactly one post the text names ("the DCS" in
    # minutes that list the Director of Children's Services): that post, as a defined acronym would be
    spelled: dict[str, set[str]] = {}
    for canonical, _ in canon.values():
        caps = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\-]*", canonical) if w[0].isupper())
        if len(caps) >= 3:
            spelled.setdefault(caps, set()).add(canonical)
    for m in _THE_ACRONYM.finditer(text):
        short, (a, b) = m.group(1), m.span(1)
        if short in acr or len(spelled.get(short, ())) != 1 or _inside((a, b), taken):
            continue
        key = f"post:{next(iter(spelled[short]))}"
        mentions.append(Mention(a, b, key, "post"))
        if (key, short) not in seen_surface:
            seen_surface.add((key, short))
            posts.append(PostFact(key, key.removeprefix("post:"), short, Span.of(text, a, b), "acronym"))

    # "the Cabinet Member", "the Portfolio Holder": a councillor's title without its complement is the one
    # named in full before it (a bare "Cabinet Member" is no post of its own)
    named = sorted((m for m in mentions if m.kind == "post"), key=lambda mm: mm.start)
    for m in _bare_head_re().finditer(text):
        if _inside(m.span(1), taken) or any(a <= m.start(1) < b for a, b in spans):
            continue
        key = post_named_before(named, [mm.start for mm in named], m.group(1).split(), m.start(1))
        if key:
            mentions.append(Mention(m.start(1), m.end(1), key, "post"))

    # "Cabinet Member: Cllr E Jones", a councillor listed under a label that is a councillor's title without
    # its portfolio: that is the councillor's office, and "the Cabinet Member" alone later is that councillor
    # when no such post is named in full before it and no other councillor is so listed
    labelled: dict[str, str] = {}
    for m in [mm for mm in mentions if mm.kind == "councillor"]:
        label = _ROLE_LABEL.fullmatch(text, text.rfind("\n", 0, m.start) + 1, m.start)
        if label and label.group(1).lower() in _bare_heads():
            labelled[m.key] = _bare_heads()[label.group(1).lower()]
            if not people[m.key].office:
                people[m.key] = replace(people[m.key], office=labelled[m.key])
    holder = next(iter(labelled)) if len(labelled) == 1 else None
    for m in _bare_head_re().finditer(text):
        if holder is None or _inside(m.span(1), taken) or any(a <= m.start(1) < b for a, b in spans) \
                or any(mm.start == m.start(1) for mm in mentions):
            continue
        mentions.append(Mention(m.start(1), m.end(1), holder, "councillor"))

    # named officers and others: a name attached to a post
    holdings: list[HoldingFact] = []

    councillor_of = {p.surname: k for k, p in people.items() if p.role == "councillor"}

    def add_person(name: Name, role: Role, office: str = "") -> str:
        if role == "other" and name.surname in councillor_of:  # "Mrs Begum", listed under "Councillors"
            key = councillor_of[name.surname]
            mentions.append(Mention(name.start, name.end, key, "councillor"))
            taken.append((name.start, name.end))
            return key
        if role == "officer" and name.honorific and not name.given:
            same = _same_officer(name, people)  # "Dr Kettle, Principal X" after "Dr S Kettle (Principal X)"
            if same:
                mentions.append(Mention(name.start, name.end, same, role))
                taken.append((name.start, name.end))
                return same
        # co-opted members recur across meetings as "Mr T Hale" and "Mr Hale": key them on the surname
        key = f"officer:{name.full.replace('.', '')}" if role == "officer" else f"other:{name.surname}"
        if key in people and role == "other" and office and not people[key].office:
            people[key] = replace(people[key], office=office)
        if key not in people:
            label = " ".join(p for p in (name.honorific if role == "other" else "", name.full) if p)
            forename = "" if _INITIALS.fullmatch(name.given) else name.given
            people[key] = PersonFact(key, label, role, Span.of(text, name.start, name.end), name.surname,
                                     forename, name.honorific, office)
        mentions.append(Mention(name.start, name.end, key, role))
        taken.append((name.start, name.end))
        return key

    post_from = {s: (e, key) for (s, e), key in post_at.items()}

    def hold(name: Name, post_key: str, s: int, e: int) -> None:
        person = add_person(name, "officer")
        if not any(h.person == person and h.post == post_key for h in holdings):
            span = Span.of(text, min(s, name.start), max(e, name.end))
            holdings.append(HoldingFact(person, post_key, span))
        joint = _JOINT.match(text[e:e + 8])
        if joint and e + joint.end() in post_from:  # a joint title: the holder holds both posts
            e2, key2 = post_from[e + joint.end()]
            if not any(h.person == person and h.post == key2 for h in holdings):
                holdings.append(HoldingFact(person, key2, Span.of(text, min(s, name.start), e2)))

    post_starts = {s for s, _ in post_at}
    for (s, e), key in post_at.items():
        if key.removeprefix("post:").lower() in generic() and key.removeprefix("post:") not in held:
            continue
        lead = _LEAD.search(text[max(0, s - 6):s])
        tail = text[e:e + 200]
        # Name, Post / Name (Post) / Name Post (signature line)
        if lead and lead.group(1) in (",", "(", "-", "–"):
            window = max(0, s - 120)
            before = _LEAD_MARK.sub("", text[window:s].rstrip()).rstrip()
            own = _INITIALS_BEFORE.search(before)  # "Jo Bell (JB), Head of Parks"
            name = name_ending_at(text, window + len(before) - (len(own.group()) if own else 0))
            if name and own and not _own_initials(name, own.group(1)):
                name = None
            # "Jo Bell (Director of Finance (Section 151 Officer))": a role in brackets inside the bracket;
            # "Jo Bell (Head of Law and Monitoring Officer)": a joint title closes the bracket
            joint = _JOINT.match(tail)
            second = post_from.get(e + joint.end()) if joint else None
            attached = lead.group(1) != "(" or tail.startswith(")") or bool(_INNER_CLOSED.match(tail)) \
                or (second is not None and text[second[0]:second[0] + 1] == ")")
            if name and attached and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        line_start = text.rfind("\n", 0, s) + 1
        # an acronym defined right after the title stands between it and its holder:
        # "Director of Finance (DoF) (P Marsh)", "Head of Customer Services (HCS) - Ruth Okafor"
        short = _ACRONYM_AFTER.match(text, e)
        if short and short.group(1) in acr:
            e = short.end()
            tail = text[e:e + 200]
        # Post: Name, a field line opening with the title ("Scrutiny Officer: Jo Bell, 01234 567890")
        # (after a list's label on the same line: "Officers: Head of Parks: Jo Bell")
        opens = not text[line_start:s].strip() or _LIST_LABEL.fullmatch(text, line_start, s)
        field = _FIELD.match(tail) if opens else None
        if field:
            name = read_name(text, e + field.end(), prefixed=False)
            ends = name and NAME_END.match(text[name.end:name.end + 3] or "\n")
            # "Proper Officer: Jo Bell, Chief Executive": the name's own post follows it; the label is the
            # part they play here
            own = name and (gap := _OWN_POST.match(text, name.end)) and gap.end() in post_starts
            if name and ends and not own and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        # Name Post, with only a space between (a signature or contact line: "Jo Bell Head of Parks")
        gap = _GAP.search(text[line_start:s])
        if gap and text[line_start:s].strip():
            name = name_ending_at(text, s - len(gap.group()))
            if name and not name.honorific and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        # a row whose first cell holds a name alone and the next the post (a contact row under a Word table)
        cell = _CELL_GAP.search(text[line_start:s])
        if cell and text[line_start:s].strip() and "\t" not in text[line_start:s - 1]:
            name = name_ending_at(text, s - 1)
            if name and name.start == line_start and not name.honorific \
                    and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        # Post, Name (and "Post - Name (JB)", initials the minutes then use alone)
        m = _POST_COMMA.match(tail)
        # "Ms Jo Bell (Senior Auditor, Audit Scotland)": in the bracket after a name, what follows the comma
        # is the post's body or service, never its holder (nor is a body a name when a field of work opens it)
        paren = max(0, s - 6) + lead.start(1) if lead and lead.group(1) == "(" else None
        in_bracket = paren is not None and bool(name_ending_at(text, len(text[:paren].rstrip())))
        if m and not in_bracket:
            name = read_name(text, e + m.end(), prefixed=False)
            ends = name and NAME_END.match(text[name.end:name.end + 3] or "\n")
            if name and not ends and (own := _INITIALS_AFTER.match(text, name.end)):
                ends = _own_initials(name, own.group(1))  # the bracket closes the name whatever follows
            if name and service_words() & set(f"{name.given} {name.surname}".split()):
                name = None
            if name and ends and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        # Post (Name), as officers are listed in attendance: "Monitoring Officer (E Grey)"
        if tail[:1] == "(" or tail[:2] == " (":
            at = e + tail.index("(") + 1
            name = read_name(text, at, prefixed=False)
            # a field of work in brackets reads like a name ("(Development Management)"): not a holder
            if name and text[name.end:name.end + 1] == ")" and not _inside((name.start, name.end), taken) \
                    and not service_words() & set(f"{name.given} {name.surname}".split()):
                hold(name, key, s, e)
                continue
        # signature block: a line holding only a name, then the post opening the next line (a Word document
        # writes each as a paragraph: a blank line between, when the post's line holds the title alone)
        if not text[line_start:s].strip() and line_start >= 2:
            prev_end = line_start - 1
            prev_start = text.rfind("\n", 0, prev_end) + 1
            line_end = text.find("\n", e)
            alone = not text[e:len(text) if line_end == -1 else line_end].strip()
            if alone and not text[prev_start:prev_end].strip() and prev_start >= 2:
                prev_end = prev_start - 1
                prev_start = text.rfind("\n", 0, prev_end) + 1
            line = text[prev_start:prev_end]
            name = read_name(text, prev_start + len(line) - len(line.lstrip()), prefixed=False)
            if name and not text[name.end:prev_end].strip() and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)

    # councillor-held posts: "Councillor X, Cabinet Member for Y", "Councillor X (Portfolio Holder for Y)",
    # "the Cabinet Member for Y, Councillor X"
    # an apposition closes where the post does: "Councillor X, the Head of Y said" names no holder
    closed = _CLOSED
    cabinet_from = {s: key for (s, e), key in post_at.items() if closed.match(text[e:e + 4])}
    post_to = {e: key for (_, e), key in post_at.items()}
    for m in [mm for mm in mentions if mm.kind == "councillor"]:
        after = _OPENS.match(text[m.end:m.end + 12])
        before = _OPENED.search(text[max(0, m.start - 4):m.start])
        key = cabinet_from.get(m.end + after.end()) if after else None
        if key is None and before:
            key = post_to.get(m.start - len(before.group(0)))
        if key and not any(h.person == m.key and h.post == key for h in holdings):
            holdings.append(HoldingFact(m.key, key, Span.of(text, m.start, m.end)))

    # honorific names that are not councillors: co-opted members and others ("Mr T Hale (... Representative)")
    not_after = _honorific_not_after()
    for m in re.finditer(rf"\b{honorific_re()}[ \t\xa0]+", text):
        if _inside((m.start(), m.end()), taken):
            continue
        if not_after and not_after.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Cyngor Sir Penfro": Welsh "sir" (county) in a council's name, no knight
        name = read_name(text, m.start(), prefixed=True)
        if not name or not name.honorific:
            continue
        office = ""
        br = BRACKET.match(text, name.end)
        if br:
            office = br.group(1).strip()
        officer = None if office else _same_officer(name, people)
        if officer:  # "Mr Hale explained" after "Peter Hale (Head of Housing)": the officer again
            mentions.append(Mention(name.start, name.end, officer, "officer"))
            taken.append((name.start, name.end))
            continue
        add_person(name, "other", office)

    # co-opted members listed by name alone under their label ("Co-opted Member: Ann Lyle (Parents' Forum)",
    # the names on the lines below a label line that has none): others, and their full name later is them
    for m in _CO_OPTED.finditer(text):
        at, entries = m.end(), 0
        while at < len(text) and entries < 6:
            at += len(text[at:]) - len(text[at:].lstrip(" \t\xa0"))
            name = read_name(text, at, prefixed=False)
            if not name or _inside((name.start, name.end), taken) or name.surname in councillor_of:
                break
            br = BRACKET.match(text, name.end)
            end = br.end() if br else name.end
            if not (br or NAME_END.match(text[end:end + 3] or "\n")) or not name.given:
                break
            key = add_person(name, "other", br.group(1).strip() if br else "")
            for a, b in whole_words(text, name.full):
                if not _inside((a, b), taken):
                    mentions.append(Mention(a, b, key, "other"))
                    taken.append((a, b))
            entries += 1
            sep = re.match(r"[ \t\xa0]*(?:[,;]|\n(?![ \t\xa0]*\n))[ \t\xa0]*", text[end:end + 4])
            if not sep or not br:  # "Ann Lyle, Parents' Forum": after a comma, the body, not another name
                break
            at = end + sep.end()

    # a co-opted member in an attendance list by full name, the body they come from and the role in brackets
    # ("Jo Bell, Parents' Forum (co-opted member)"): another person, and the full name later is them
    for m in _CO_OPTED_AFTER.finditer(text):
        at = m.start(1)
        name = read_name(text, at, prefixed=False)
        if not name or name.honorific or not name.given or _inside((name.start, name.end), taken) \
                or name.surname in councillor_of or not _CO_OPTED_TAIL.match(text, name.end):
            continue
        key = add_person(name, "other", "co-opted member")
        for a, b in whole_words(text, name.full):
            if not _inside((a, b), taken):
                mentions.append(Mention(a, b, key, "other"))
                taken.append((a, b))

    # later mentions of a named officer by full name (others are keyed on a bare surname: too loose to search)
    for key, p in list(people.items()):
        if p.role != "officer":
            continue
        full = people[key].name
        for a, b in whole_words(text, full):
            if not _inside((a, b), taken):
                mentions.append(Mention(a, b, key, p.role))

    mentions.extend(_bracketed_initials(text, mentions, people, acr, taken))
    mentions.extend(_initials_mentions(text, mentions, post_at, taken))
    mentions.sort(key=lambda mm: (mm.start, -mm.end))
    return Analysis(tuple(people.values()), tuple(posts), tuple(holdings), tuple(mentions), tuple(spans))



def _held_generic(text: str, spans: list[tuple[int, int]], surfaces: list[str],
                  canon: dict[str, tuple[str, str]]) -> set[str]:
    """Top-tier generic titles (posts.yaml `held_generic`) that are a post here: the text names exactly one
    holder ("Jo Bell (Strategic Director)", "Strategic Director - Jo Bell") and no fuller title opens with it
    (then "the Strategic Director" is that fuller post, a short reference)."""
    wanted = {t.lower(): t for t in posts_vocab().get("held_generic", ())}
    full = [c for c, _ in canon.values()]
    holders: dict[str, set[str]] = {}
    for (s, e), surface in zip(spans, surfaces, strict=True):
        if surface.lower() not in wanted or surface in canon:
            continue
        names = holders.setdefault(surface, set())
        # Name (Title) / Name, Title / Name - Title, the title closed right after
        lead = _LEAD_MARK.search(text[max(0, s - 6):s])
        if lead and _CLOSED.match(text[e:e + 4]) and (lead.group(0)[0] != "(" or text[e:e + 1] == ")"):
            before = _LEAD_MARK.sub("", text[max(0, s - 120):s].rstrip()).rstrip()
            name = name_ending_at(text, max(0, s - 120) + len(before))
            if name:
                names.add(name.full)
        # Title (Name) / Title - Name / Title: Name, the name closed right after
        after = _HOLDER_AFTER.match(text, e)
        if after:
            name = read_name(text, after.end(), prefixed=False)
            if name and NAME_END.match(text[name.end:name.end + 3] or "\n") \
                    and (after.group(0).strip() != "(" or text[name.end:name.end + 1] == ")"):
                names.add(name.full)
    return {t for t, names in holders.items()
            if len(names) == 1 and not any(f != t and (f.startswith(t + " ") or f.startswith(t + ","))
                                           for f in full)}


_HOLDER_AFTER = re.compile(r"[ \t\xa0]*(?:\(|[-–:])[ \t\xa0]*")


def _bracketed_initials(text: str, mentions: list[Mention], people: dict[str, PersonFact],
                        acr: dict[str, tuple[str, int, int]], taken: _Taken) -> list[Mention]:
    """An officer's initials defined in brackets after the name ("Jo Bell (JB)") stand for the officer: "JB
    reported", "Action: JB to circulate"; not where two officers or a post's acronym share the letters."""
    defined: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for mm in [m for m in mentions if m.kind == "officer"]:
        own = _INITIALS_AFTER.match(text, mm.end)
        p = people[mm.key]
        named = Name(0, 0, "", p.forename or p.name.rsplit(" ", 1)[0], p.surname)
        if own and _own_initials(named, own.group(1)):
            defined.setdefault(own.group(1), set()).add(mm.key)
            first[own.group(1)] = min(first.get(own.group(1), own.start(1)), own.start(1))
    out: list[Mention] = []
    for letters, keys in defined.items():
        # letters used before they are defined ("HR", "IT") or a time of day mean something else
        used_before = any(b <= first[letters] - 1 for _, b in whole_words(text, letters))
        if len(keys) != 1 or letters in acr or letters in ("AM", "PM") or used_before:
            continue
        (key,) = keys
        for a, b in whole_words(text, letters):
            if text[a - 1:a] != "(" and not _inside((a, b), taken):
                out.append(Mention(a, b, key, "officer"))
                taken.append((a, b))
    return out


def _name_words(text: str, m: Mention) -> list[str]:
    """The capitalised words of a person's mention, without a title ("Cllr Ian Sale" -> Ian, Sale)."""
    return re.findall(r"[A-Z][\w'’\-]*", _NAME_PREFIX.sub("", text[m.start:m.end]))


# Owners by initials, as action minutes and trackers write them: defined once in a list or key, as "JE
# (Director of Children's Services)" or "JE - Jo Eade, Director of ..." / "IS = Councillor Ian Sale", and
# written alone after ("Action: JE to circulate ...", "MC: not before the summer").
_KEY_INITIALS = re.compile(r"(?:^|(?<=[\n:;,]))[ \t\xa0]*([A-Z]{2,3})"
                           r"(?:[ \t\xa0]*(\()|[ \t\xa0]*[-–=:][ \t\xa0]+)")
# (only after an action marker: "IT to upgrade the laptops" alone is a team, whoever's initials they are)
_OWNER_INITIALS = re.compile(r"\bActions?(?:[ \t\xa0]+by)?[ \t\xa0]*[:\-–][ \t\xa0]*([A-Z]{2,3})\b"
                             r"(?=[ \t\xa0]+to[ \t\xa0]+[a-z]|[ \t\xa0]*[)\].;\n]|$)")
_KEY_ENDS = re.compile(r"[ \t\xa0]*(?:[,;)\n]|$)")
_NAME_PREFIX = re.compile(r"(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)[ \t\xa0]+")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")


def _initials_mentions(text: str, mentions: list[Mention], post_at: dict[tuple[int, int], str],
                       taken: _Taken) -> list[Mention]:
    """Later mentions of the person or post a set of initials was defined for (see _KEY_INITIALS): a person
    only when the letters are their name's initials; letters defined for two things stand for neither."""
    posts = {s: (e, key) for (s, e), key in post_at.items()
             if key.removeprefix("post:").lower() not in generic()}
    people_at = {m.start: m for m in mentions if m.kind in ("councillor", "officer")}
    meant: dict[str, tuple[str, str] | None] = {}
    defined: set[int] = set()
    out_owner: list[Mention] = []
    for m in _KEY_INITIALS.finditer(text):
        letters, at = m.group(1), m.end()
        found: tuple[str, str] | None = None
        if m.group(2):  # "JE (Director of ...)": the post in brackets, closed right after it
            post = posts.get(at)
            if post and text[post[0]:post[0] + 1] == ")":
                found = (post[1], "post")
        elif (who := people_at.get(at)) is not None:
            words = _name_words(text, who)
            if "".join(w[0] for w in words) == letters:
                found = (who.key, who.kind)
        elif (post := posts.get(at)) is not None and _KEY_ENDS.match(text, post[0]):
            found = (post[1], "post")  # "DCS - Director of ...;" a key's entry, not "AOB: Head of X reported"
        if found is None:
            continue
        defined.add(m.start(1))
        meant[letters] = found if meant.get(letters, found) == found else None
    # an owner written by initials never defined: the one named person whose initials they are, where an
    # action marker names its owner ("Action: JE to circulate ...", "(Action: JE)")
    owners: dict[str, list[tuple[str, str]]] = {}
    for m in mentions:
        if m.kind in ("councillor", "officer"):
            words = _name_words(text, m)
            if len(words) >= 2 and not any(len(w) == 1 for w in words) \
                    and (m.key, m.kind) not in owners.setdefault("".join(w[0] for w in words), []):
                owners["".join(w[0] for w in words)].append((m.key, m.kind))
    for m in _OWNER_INITIALS.finditer(text):
        letters = m.group(1)
        if letters not in meant and len(owners.get(letters, ())) == 1:
            meant[letters] = None  # (resolved below, at owner positions only)
            found = owners[letters][0]
            for o in _OWNER_INITIALS.finditer(text):
                if o.group(1) == letters:
                    a = o.start(1)
                    if not _inside((a, a + len(letters)), taken):
                        out_owner.append(Mention(a, a + len(letters), found[0], found[1]))
    out: list[Mention] = list(out_owner)
    for letters, found in meant.items():
        if found is None:
            continue
        for a, b in whole_words(text, letters):
            # the key itself, a word inside a title or name, or a line in capitals ("WHAT IS DONE") is none
            if a in defined or _inside((a, b), taken) or any(s <= a < e for s, e in post_at) \
                    or _CAPS_WORD.fullmatch((text[max(0, a - 12):a].split() or [""])[-1]) \
                    or _CAPS_WORD.match(text[b:b + 12].strip()):
                continue
            out.append(Mention(a, b, found[0], found[1]))
    return out


@lru_cache(maxsize=1)
def _bare_head_re() -> re.Pattern[str]:
    heads = [h for h in posts_vocab()["needs_complement"] if " " in h]
    alts = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(rf"\b[Tt]he\s+({alts})\b(?!\s+for\b)")


_CO_OPTED = re.compile(r"(?im)^[ \t\xa0]*co-?opted(?:[ \t\xa0]+members?)?(?:[ \t\xa0]*\([^)\n]{1,30}\))?"
                       r"(?:[ \t\xa0]+present)?[ \t\xa0]*:[ \t\xa0]*\n?")
# a line (or a list label's entry) opening with a name, then an optional ", body" and "(co-opted member)"
_CO_OPTED_AFTER = re.compile(r"(?m)^(?:[^\n:]{0,40}:)?[ \t\xa0]*([A-Z])"
                             r"(?=[^\n]{0,120}?\((?i:co-?opted|co-?optee)[^)\n]*\))")
_CO_OPTED_TAIL = re.compile(r"(?:,[^\n(),;]{2,80})?[ \t\xa0]*\((?i:co-?opted|co-?optee)[^)\n]*\)")
_LIST_LABEL = re.compile(r"[ \t\xa0]*[A-Z][a-z]+(?: [a-z]+){0,3}:[ \t\xa0]*")  # "Officers:", "Also present:"
_ROLE_LABEL = re.compile(r"[ \t\xa0]*([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)"
                         r"(?: (?:in attendance|present|attending))?"
                         r"[ \t\xa0]*[:\-–][ \t\xa0]*")  # "Cabinet Member: ", "Portfolio Holder present: "


@lru_cache(maxsize=1)
def _bare_heads() -> dict[str, str]:
    """The councillors' titles that need their portfolio ("Cabinet Member"), lower case -> as written."""
    return {h.lower(): h for h in posts_vocab()["needs_complement"] if " " in h}


@lru_cache(maxsize=1)
def _honorific_not_after() -> re.Pattern[str] | None:
    words = people_vocab().get("honorific_not_after", [])
    return re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, words))})[ \t\xa0]+$") if words else None


def _same_officer(name: Name, people: dict[str, PersonFact]) -> str | None:
    """The one named officer of the document an honorific and surname refer to ("Mr Hale" for Peter Hale);
    None where two officers share the surname or the initials disagree ("Mr T Hale" is not Peter Hale)."""
    found = [k for k, p in people.items() if p.role == "officer" and p.surname == name.surname
             and (not name.given or (p.forename or p.name)[:1] == name.given[:1])
             and not _honorifics_differ(name.honorific, p.honorific)]
    return found[0] if len(found) == 1 else None


_MALE, _FEMALE = frozenset({"Mr"}), frozenset({"Mrs", "Ms", "Miss"})


def _honorifics_differ(a: str, b: str) -> bool:
    """"Mr Rennie" is not "Ms S Rennie": honorifics that give a different sex name different people (a
    councillor and an officer of one surname); a neutral or missing one ("Dr", "Cllr") tells nothing."""
    a, b = a.rstrip("."), b.rstrip(".")
    return (a in _MALE and b in _FEMALE) or (a in _FEMALE and b in _MALE)


class _Taken:
    """Character ranges already claimed by a mention; a mask keeps the overlap test cheap on long texts."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)

    def append(self, span: tuple[int, int]) -> None:
        self.mask[span[0]:span[1]] = b"\x01" * (span[1] - span[0])

    def overlaps(self, span: tuple[int, int]) -> bool:
        return 1 in self.mask[span[0]:span[1]]


def _inside(span: tuple[int, int], taken: _Taken) -> bool:
    return taken.overlaps(span)


def mentions(text: str) -> tuple[Mention, ...]:
    return analyse(text).mentions


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    a = of(x)
    notes = tuple(f"councillor surname shared: {k}" for k, n in Counter(
        p.surname for p in a.people if p.role == "councillor").items() if n > 1)
    return replace(x, people=a.people, posts=a.posts, holdings=a.holdings, notes=x.notes + notes)


def actor_at(x: Extraction, start: int, end: int) -> str | None:
    """The key of the first person or post mentioned in [start, end) that `x` holds as a fact, else None."""
    keys = {p.key for p in x.people} | {p.key for p in x.posts}
    for m in of(x).mentions:
        if m.start >= end:
            break
        if m.start >= start and m.key in keys:
            return m.key
    return None

"""Extract the council, committee, meeting date, doc_type, period and agenda item title of a document.

Metadata (sidecar, ModernGov header) wins; otherwise the text is read for them and the evidence kept.
The council: the one whose name heads the document (its title block, found by construction, "<Place>
[kind] Council", "London Borough of <Place>", so councils in no list are found too), else the only council
its body names (one named after "neighbouring" is another's), else (weakest) the only known council whose
place name it uses ("Durham would not be complacent"); a document naming several councils is no one's.
The committee and date: the headings of minutes, notices and front sheets ("Minutes of a meeting of the X
held ... on ...", "A meeting of the X will be held ...", "Report to: X"), else the committee a cue
introduces ("Members of the Licensing Sub-Committee"). Whatever is still missing is one warning line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from spacy.matcher import PhraseMatcher

from kg.extract.nlp import nlp, parse, vocabulary
from kg.model import BodyFact, Extraction, Span
from kg.periods import MONTH_NAMES, NUMERIC_DATE, find_period, find_year, month_number, parse_date
from kg.read.meta import SIDECAR_SUFFIX
from kg.reference import council_info, councils
from kg.text import TextView, view

HEAD = 4000  # characters read for a title page's facts; council cues are counted over the whole text
_FIRST = r"(?:[A-Z][\w'’\-]*,?[ \t\xa0]+)"  # a committee name's first word
_REMIT = r"(?:[ \t\xa0]*\([A-Z][^()\n]{2,60}\))?"  # "Scrutiny Board (Children and Families)"
_NAME_WORD = r"(?:[A-Z][\w'’\-]*,?|and|&|of|for|the|on)"


@cache
def _vocab() -> dict:
    return vocabulary("bodies")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _council_matcher() -> PhraseMatcher:
    """Council names and cues, ignoring case (title pages are often in capitals)."""
    m = PhraseMatcher(nlp().vocab, attr="LOWER")
    for c in councils():
        # short aliases (DCC) name several councils: only full names and cues count as evidence
        phrases = [c.name, *c.cues, *(a for a in c.aliases if len(a) > 5)]
        m.add(c.name, [nlp().make_doc(p) for p in phrases])
    return m


_SIDECAR_KEYS = {"council": "council: <name>", "committee": "committee: <name>",
                 "meeting date": "meeting_date: YYYY-MM-DD"}
_SPACE = r"[ \t\xa0]+"
_MONTH_RE = MONTH_NAMES
# "Tuesday, 9th July 2024", "TUESDAY 25 FEBRUARY 2025", "28th April, 2023"
_DATE = (rf"(?:(?i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)(?i:day),?{_SPACE})?"
         rf"(\d{{1,2}})(?:st|nd|rd|th)?{_SPACE}"
         rf"((?i:{_MONTH_RE})),?{_SPACE}(\d{{4}})")
_SMALL = frozenset({"and", "of", "upon", "on", "with", "under", "the", "for", "in", "at", "to",
                    "y", "a", "ar", "nan"})


def _date(m: re.Match[str], first: int = 1) -> dt.date | None:
    try:
        return dt.date(int(m.group(first + 2)), month_number(m.group(first + 1)) or 0, int(m.group(first)))
    except ValueError:
        return None


def smart_case(text: str) -> str:
    """Words in capitals as a title block writes them ("HARTLEPOOL BOROUGH COUNCIL") in title case, same
    length, so one pattern reads both and offsets still point into the text."""
    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if not (w.isupper() and len(w) > 1):
            return w
        low = w.lower()
        return low if low in _SMALL and m.start() > 0 else w[0] + low[1:]
    return re.sub(r"[^\W\d_][\w'’]*", word, text)


@cache
def _council_pattern() -> re.Pattern[str]:
    """A council's own name by construction: "<Place> [kind] Council", "London Borough of <Place>"."""
    v = _vocab()
    place_word = r"[A-Z][\w'’\-]*"
    joint = r"(?:,?[ \t\xa0]+(?:and|&|of|upon|on|with|under|the)[ \t\xa0]+|,[ \t\xa0]+|[ \t\xa0]+)"
    place = rf"{place_word}(?:{joint}{place_word}){{0,6}}"
    kinds = _alt(v["council_kind_words"])
    prefixes = _alt(v["council_prefixes"])
    return re.compile(rf"\b(?:(?:{prefixes}){_SPACE}{place}"
                      rf"|{place}(?:{_SPACE}(?:{kinds}))?{_SPACE}Council)\b")


@cache
def _known_names_pattern() -> re.Pattern[str]:
    """Known councils' names and aliases that need no "Council" ("Comhairle nan Eilean Siar", Welsh names)."""
    names = {n for c in councils() for n in (c.name, *c.aliases) if len(n) > 5 and " " in n}
    return re.compile(rf"(?i)(?<![\w-])(?:{_alt(sorted(names))})(?![\w-])")


def _trim_place(name: str) -> str:
    """Drop a title block's words before the place ("Minutes of Harlow District Council" -> "Harlow ...")."""
    words = name.split(" ")
    kinds = {"County", "City", "Borough", "District", "Town", "Council", "Metropolitan"}
    stop = (set(_vocab()["not_place_words"]) | set(_vocab()["committee_heads"])) - kinds
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.strip(",") in stop:
            cut = i + 1
    while cut < len(words) - 1 and words[cut].lower() in _SMALL:
        cut += 1
    return " ".join(words[cut:])


def council_names(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Councils named in text[start:end] by construction or as known: (start, end, canonical name)."""
    end = len(text) if end is None else end
    cased = smart_case(text[start:end])
    found: list[tuple[int, int, str]] = []
    for m in _known_names_pattern().finditer(cased):
        info = council_info(m.group(0))
        if info:
            found.append((start + m.start(), start + m.end(), info.name))
    for m in _council_pattern().finditer(cased):
        raw = re.sub(r"\s+", " ", m.group(0))
        name = _trim_place(raw)
        if "," in name and not council_info(name):  # "J Smith, Head of Finance, X Council": the last part
            name = name.rsplit(", ", 1)[-1]
        words = [w for w in name.split(" ") if w.lower() not in _SMALL]
        if len(words) < 2 or words[0] in _vocab()["not_place_words"] and not re.match(
                rf"(?:{_alt(_vocab()['council_prefixes'])})\b", name):
            continue
        s = start + m.start() + len(raw) - len(name) if raw.endswith(name) else start + m.start()
        if any(a < start + m.end() and s < b for a, b, _ in found):
            continue  # overlaps a known name already found
        info = council_info(name)
        found.append((s, start + m.end(), info.name if info else name))
    expand = _vocab()["council_abbreviations"]  # "Wexcombe MBC - Cabinet": a running head's short kind
    for m in _abbreviated_pattern().finditer(text, start, end):
        place = cased[m.start(1) - start:m.end(1) - start]
        if place.split(" ")[0] in {*_vocab()["not_place_words"], *_vocab()["person_titles"]} or any(
                a < m.end() and m.start() < b for a, b, _ in found):
            continue
        name = f"{place} {expand[m.group(2)]}"
        info = council_info(name)
        found.append((m.start(), m.end(), info.name if info else name))
    return sorted(found)


@cache
def _abbreviated_pattern() -> re.Pattern[str]:
    """ "<Place> MBC": a council's kind in capitals after its place (case kept: "Dc" or "mbc" is no kind)."""
    place = r"[A-Z][\w'’\-]*(?:[ \t\xa0]+(?:and|upon|on|under|[A-Z][\w'’\-]*)){0,3}"
    # a heading's end or its separator after it, not a word going on ("... DC Smith said")
    return re.compile(rf"(?m)\b({place})[ \t\xa0]+({_alt(_vocab()['council_abbreviations'])})\b"
                      rf"(?=[ \t\xa0]*(?:$|[-–:,|/(]))")


def _head_lines(text: str) -> list[tuple[int, int]]:
    """The title block: the first lines up to the first paragraph of prose (a minutes line always counts)."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text[:HEAD]):
        line = m.group(0).strip()
        if not line:
            continue
        minutes = re.match(r"(?i)minutes?\s+of\b|(?:[a-z]+[ \t]+){0,2}minutes?[ \t]*[-–:]", line)
        # a bilingual heading ("Cofnodion / Minutes") is two short headings, not a paragraph
        words = max(len(half.split()) for half in line.split(" / "))
        prose = words > 12 or re.search(r"[a-z]\.\s+[A-Z]", line)
        if prose and not minutes and not _heading_res().title_line.match(line):  # a long dated title line
            break  # a paragraph: the title block has ended (a README's first sentence heads nothing)
        out.append((m.start(), m.end()))
        if len(out) >= _vocab()["heading_lines"]:
            break
    return out


def heading_council(text: str) -> BodyFact | None:
    """The council whose name heads the document: the first title-block line naming exactly one council."""
    for s, e in _head_lines(text):
        names = council_names(text, s, e)
        if len({n for *_, n in names}) == 1:
            a, b, name = names[0]
            return BodyFact("council", name, "inferred", Span.of(text, a, b))
    return None


def _body_council(text: str) -> BodyFact | bool:
    """A council named in the body, when it is the only one named there (not after "neighbouring")."""
    doc = parse(text)
    found = [(doc[s:e].start_char, doc[s:e].end_char, nlp().vocab.strings[i])
             for i, s, e in _council_matcher()(doc)]
    # in the body a council in no list must say its kind ("X District Council"): a bare "X Council" there is
    # as likely some other body's name
    found += [f for f in council_names(text) if council_info(f[2]) or re.search(
        rf"\b(?:{_alt(_vocab()['council_kind_words'])})\s+Council$", f[2])]
    cue = re.compile(rf"(?i)\b(?:{_alt(_vocab()['neighbour_cues'])})(?:{_SPACE}the)?{_SPACE}$")
    own = sorted({(s, e, n) for s, e, n in found if not cue.search(text[max(0, s - 40):s])},
                 key=lambda f: (f[0], -f[1]))  # the longest phrase at the first place
    if len({n for *_, n in own}) != 1:
        return bool(own)  # several: a document naming many councils in its body is no one council's
    s, e, name = own[0]
    return BodyFact("council", name, "inferred", Span.of(text, s, e))


def infer_council(text: str) -> BodyFact | None:
    """The document's council: the one its title block names, else the one council its body names, else
    (weakest) the one known council whose place name it uses ("Durham would not be complacent")."""
    found = heading_council(text) or _body_council(text)
    if found is True:
        return None  # several councils named in full: a place name cannot settle it
    if found:
        return found
    hits, first = _place_hits(text)
    if len(hits) != 1:
        return None
    name = next(iter(hits))
    return BodyFact("council", name, "inferred", Span.of(text, *first[name]))


@cache
def _places() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every known council's place names, and place -> councils."""
    by_place: dict[str, list[str]] = {}
    for c in councils():
        for place in c.places:
            by_place.setdefault(place, []).append(c.name)
    return (re.compile(rf"(?<![\w-])(?:{_alt(list(by_place))})(?![\w-])(?![ \t\xa0]+[A-Z])"),
            {k: tuple(dict.fromkeys(v)) for k, v in by_place.items()})


def _place_hits(text: str) -> tuple[Counter[str], dict[str, tuple[int, int]]]:
    """The weakest evidence: a known council's place name on its own ("Durham would not be complacent").

    Not after a person's title ("Councillor Durham") and not as the first word of another body's name
    ("Durham Constabulary"); only when the text names exactly one known council's places."""
    titles = re.compile(rf"\b(?:{_alt(_vocab()['person_titles'])})\.?[ \t\xa0]+$")
    pattern, by_place = _places()
    hits: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for m in pattern.finditer(text):
        if titles.search(text[max(0, m.start() - 20):m.start()]):
            continue
        for name in by_place.get(m.group(0), ()):
            hits[name] += 1
            first.setdefault(name, (m.start(), m.end()))
    if len(hits) != 1:
        return Counter(), {}
    return hits, first


def infer_committee(text: str) -> BodyFact | None:
    """The committee a cue introduces most often ("Members of the Licensing Sub-Committee")."""
    heads = _alt(_vocab()["committee_heads"])
    single = _alt(_vocab()["single_word_committees"])
    pattern = re.compile(rf"(?:{_alt(_vocab()['committee_cues'])})[ \t\xa0]+"
                         rf"({_FIRST}(?:{_NAME_WORD}[ \t\xa0]+){{0,10}}(?:{heads})\b{_REMIT}|(?:{single})\b)")
    hits: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for m in pattern.finditer(text):
        name = re.sub(r"\s+", " ", m.group(1))
        if name.split()[0] in ("The", "This", "Council"):
            continue
        hits[name] += 1
        first.setdefault(name, (m.start(1), m.end(1)))
    heading = _committee_heading(text)
    if not hits:
        return heading
    ranked = hits.most_common(2)
    # a title block's line naming the committee outweighs one passing "submitted to the X Board" below it
    if heading and ranked[0][1] == 1 and any(a <= heading.span.start < b for a, b in _head_lines(text)):
        return heading
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    name = ranked[0][0]
    return BodyFact("committee", name, "inferred", Span.of(text, *first[name]))


def _committee_heading(text: str) -> BodyFact | None:
    """A title-page line holding only a committee's name, in any case ("FAMILY ... SCRUTINY COMMITTEE")."""
    heads = _alt(_vocab()["committee_heads"])
    name = rf"{_FIRST}(?:{_NAME_WORD}[ \t\xa0]+){{0,10}}(?:{heads})\b{_REMIT}"
    # the name alone, or with the paper's own title after a dash ("PLANNING COMMITTEE - MINUTES")
    titles = _alt(_vocab()["dated_titles"])
    # or its running record's title, with the date it was brought up to ("- Action Log (updated 6 May 2025)")
    records = _alt(_vocab()["record_titles"])
    note = r"(?:[ \t\xa0]*\((?i:updated|as[ \t\xa0]+(?:at|of))\b[^()\n]{1,40}\))?"
    m = re.search(rf"(?im)^[ \t\xa0]*({name})(?:[ \t\xa0]+[-–][ \t\xa0]+(?:{titles}|(?:{records}){note}))?"
                  r"[ \t\xa0]*$", text[:1500])
    if not m or re.match(rf"(?i)(?:{_alt(_vocab()['committee_cues'])})\b", m.group(1)):
        return None
    if m.group(1)[0].islower():
        return None  # "and Regeneration Panel (referral ...)": a wrapped title's second line, not a name
    if re.fullmatch(rf"(?i)(?:the|this|our)\s+(?:{heads})", m.group(1).strip()):
        return None  # "The Committee" alone on a line before "RESOLVED": this meeting, not a name
    if re.match(rf"(?i)(?:{_alt(_vocab()['author_lines'])})\b", m.group(1)):
        return None  # "Report by the Depute Chief Executive": the paper's author, not its committee
    raw = re.sub(r"\s+", " ", m.group(1))
    small = ("and", "of", "for", "the", "on")
    name = raw if not raw.isupper() else " ".join(
        w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(raw.split()))
    return BodyFact("committee", name, "inferred", Span.of(text, m.start(1), m.end(1)))


def _committee_name(raw: str) -> str | None:
    """A committee's name as a heading writes it, cleaned: one line, title case, no council after it."""
    name = re.sub(r"\s+", " ", smart_case(raw)).strip(" ,.;:-–")
    council = r"(?=[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+Council\b)"  # "... Committee of X Council"
    name = re.split(rf"(?i),?\s+(?:of|for)\s+(?:the\s+)?{council}", name)[0]
    name = re.sub(r"^(?:the|The)\s+", "", name)
    # a bilingual block's English half keeps its label: "Minutes of the X Committee" is the X Committee
    name = re.sub(r"^(?:Minutes?|Record)\s+of\s+(?:(?:the|a|an)\s+)?(?:(?:[A-Za-z]+\s+)?Meeting\s+of\s+)?"
                  r"(?:the\s+)?", "", name)
    if not name or not name[0].isupper() or len(name.split()) > 14 or _ONLY_MEETING.fullmatch(name):
        return None  # "Minute of Meeting held on ...": the meeting, named under the committee's own heading
    return name


_ONLY_MEETING = re.compile(r"(?i)(?:(?:special|extraordinary|ordinary|annual|general|reconvened)\s+)?meeting")


@dataclass(frozen=True)
class _HeadingRes:
    forms: tuple[re.Pattern[str], ...]
    name_head: re.Pattern[str]
    labelled: re.Pattern[str]
    title_line: re.Pattern[str]
    english_half: re.Pattern[str]
    held: re.Pattern[str]
    earlier: re.Pattern[str]
    date_label: re.Pattern[str]
    numeric_label: re.Pattern[str]
    date_line: re.Pattern[str]
    dated_title: re.Pattern[str]
    after_council: re.Pattern[str]
    date: re.Pattern[str]


@cache
def _heading_res() -> _HeadingRes:
    """`heading_meeting`'s patterns, built from the vocabulary once (they were joined, hashed and looked up in
    re's cache on every call)."""
    v = _vocab()
    ends = _alt(v["meeting_name_ends"])
    name_re = r"([A-Z][^\n]{2,160}?)"
    forms = (
        rf"(?i:minutes?\s+of)\s+(?:(?i:the|a|an)\s+)?(?:[A-Za-z]+\s+)?(?i:meeting\s+of)\s+(?:(?i:the)\s+)?{name_re}"
        rf"(?:,)?\s+(?i:{ends})\b",
        rf"^[ \t]*(?i:minutes?\s+of)\s+(?:(?i:the)\s+)?{name_re}\s+(?i:held)\b",
        rf"(?i:a\s+meeting\s+of)\s+(?:(?i:the)\s+)?{name_re}\s+(?i:will\s+be\s+held|to\s+be\s+held)\b",
        # minutes opening with the meeting: "At a MEETING of the X held at ...", "A meeting of the X was held"
        # (a decision notice's "Meeting of Executive held on ..." without the article)
        rf"^[ \t]*(?i:(?:at\s+)?(?:a\s+)?meeting\s+of)\s+(?:(?i:the)\s+)?{name_re},?\s+"
        rf"(?i:was\s+held|held)\b",
        # the minutes' heading a line of its own, where and when on the lines below it
        rf"^[ \t]*(?i:minutes?\s+of)\s+(?:(?i:the|a|an)\s+)?(?:[A-Za-z]+\s+)?(?i:meeting\s+of)\s+"
        rf"(?:(?i:the)\s+)?{name_re}[ \t]*$",
        # "Minute of the X Committee" a line of its own (Scottish minutes' singular), the date on the line
        # below: only a name ending in a committee's head ("Minutes of the Last Meeting" is an item)
        rf"^[ \t]*(?i:minutes?\s+of)\s+(?:(?i:the)\s+)?([A-Z][^\n]{{2,160}}?\b"
        rf"(?i:{_alt(v['committee_heads'])}){_REMIT})[ \t]*$",
    )
    labels = _alt([*v["committee_labels"], *(w.upper() for w in v["committee_labels"])])  # as written
    heads = _alt(v["committee_heads"])
    date_labels = _alt([*v["date_labels"], *(w.upper() for w in v["date_labels"])])
    time = r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}(?:[.:]\d{2})?[ \t]*(?:am|pm))?"
    return _HeadingRes(
        forms=tuple(re.compile(f, re.M) for f in forms),
        name_head=re.compile(rf"(?i)\b(?:{_alt(v['committee_name_heads'])})\b"),
        # the label's colon, or a PDF's column gap ("Report to      Cabinet      Date  14 January 2025"),
        # or one space before a committee's name ("REPORT TO SUBJECT OVERVIEW AND SCRUTINY COMMITTEE 2")
        # (or the next field after one space, a PDF's table of fields run into one line: "Report to: X
        # Committee Date: 10 June 2025 Agenda Item: 6")
        labelled=re.compile(rf"(?m)^[ \t]*(?:{labels})(?P<sep>[ \t]*:|[ \t]{{2,}}|[ \t])[ \t]*"
                            rf"([A-Z][^\n]{{2,120}}?)(?:[ \t]+[-–][ \t]+{_DATE})?"
                            rf"(?:[ \t]{{2,}}[^\n]*|[ \t]+(?:{date_labels})[ \t]*:[^\n]*)?[ \t]*$"),
        # (the paper's kind may follow the date: "Cabinet, 4 March 2025 - Information item")
        title_line=re.compile(rf"[ \t]*([A-Z][\w'’,\- ]{{2,120}}?\b(?i:{heads}))[,:]?{_SPACE}[-–]?"
                              rf"[ \t]*{_DATE}(?:[ \t]+[-–|][ \t]+[A-Z][^\n]*)?[ \t]*$"),
        after_council=re.compile(rf"[ \t]*[-–:|][ \t]*([A-Z][\w'’,\- ]{{2,120}}?\b(?i:{heads}))[ \t]*$"),
        english_half=re.compile(rf"[A-Z][\w'’,\- ]{{2,120}}\b(?:{heads})"),
        held=re.compile(rf"(?i:held|to be held|will be held)\b[^\n]{{0,200}}?\b(?i:on)\s+{_DATE}"),
        earlier=re.compile(rf"(?i)^[ \t]*(?:the\b|\d)|{_alt(v['earlier_meeting_cues'])}"),
        date_label=re.compile(rf"(?m)(?:^|[ \t]{{2}})[ \t]*(?:{date_labels})"
                              rf"(?:[ \t]*:|[ \t]{{2,}}|[ \t]+(?=\d))[ \t]*{_DATE}"),
        # a front sheet's "Date of Meeting: 04.12.2024" (day first, as in the UK): only after a date label
        numeric_label=re.compile(rf"(?m)^[ \t]*(?:{date_labels})[ \t]*:[ \t]*({NUMERIC_DATE})[ \t]*$"),
        # "Wednesday 4 June 2025, 6.30 pm, Room 3, Civic Centre": the date line may go on to the place
        date_line=re.compile(rf"[ \t]*{_DATE}{time}(?:[ \t]*,[^\n]*)?[ \t]*"),
        # "Minutes - Tuesday, 4 March 2025, 6.30 pm, Council Chamber": the paper's own title, then its date
        dated_title=re.compile(rf"[ \t]*(?:[A-Z][a-z]+[ \t]+){{0,2}}(?i:{_alt(v['dated_titles'])})[ \t]*[-–:]"
                               rf"[ \t]*{_DATE}{time}"
                               rf"(?:[ \t]*,[^\n]*)?[ \t]*"),
        date=re.compile(_DATE),
    )


_LINE = re.compile(r"[^\n]+")
# a line about the meeting itself names it, or starts with "held" under the minutes' heading
_MEETING_WORD = re.compile(r"(?i)\b(?:meeting|minutes?)\b|^[ \t]*held\b")


@lru_cache(maxsize=8)  # asked for the committee and again for the date, of the text and of its joined form
def heading_meeting(text: str) -> tuple[str | None, Span | None, dt.date | None, Span | None]:
    """Committee and date from the headings of minutes, notices and front sheets:
    "Minutes of a meeting of the X held at ... on Tuesday 9 July 2024", "MINUTE of MEETING of the X held ...",
    "A meeting of the X will be held ... on ...", "Report to: X", "Date of meeting: ...", a date line under
    the committee's name. Returns (committee, its span, date, its span), any of them None."""
    v, r = _vocab(), _heading_res()
    head = text[:HEAD]
    committee = c_span = None
    for form in r.forms:
        for m in form.finditer(head):
            name = _committee_name(m.group(1))
            if name and r.name_head.search(name) or (
                    name and name in v["single_word_committees"]):
                committee, c_span = name, Span.of(text, m.start(1), m.end(1))
                break
        if committee:
            break
    labelled_date: re.Match[str] | None = None
    # a front sheet: "REPORT TO:  X Committee", "Report to: X Committee - 19 November 2024" (the first line
    # that reads so: a running head "Committee Papers - ..." above it is none)
    for m in r.labelled.finditer(head) if not committee else ():
        value = m.group(2)
        bare = ":" not in m.group("sep") and len(m.group("sep")) < 2
        # a number only as the last word of the name ("Scrutiny Committee 2"), not a date or a time
        if not re.search(r"\d", re.sub(r"\s\d{1,2}$", "", value)) and (name := _committee_name(value)) \
                and not (bare and not r.name_head.search(name)):
            committee, c_span = name, Span.of(text, m.start(2), m.end(2))
            labelled_date = m if m.group(3) else None
            break
    if not committee:  # one title line: "<X Council> <Y Committee> 25 February 2025"
        for s, e in _head_lines(text):
            named = council_names(text, s, e)
            a = named[0][1] if named and named[0][0] - s < 3 else s
            m = r.title_line.match(text, a, e)
            if m and (name := _committee_name(m.group(1))):
                committee, c_span, labelled_date = name, Span.of(text, m.start(1), m.end(1)), m
                break
            # "<X Council> - <Y Committee>" and nothing more: a running head or a title line without its date
            m = r.after_council.match(text, a, e) if named and named[0][0] - s < 3 else None
            if m and (name := _committee_name(m.group(1))):
                committee, c_span = name, Span.of(text, m.start(1), m.end(1))
                break
    if not committee:  # a bilingual title block: "Pwyllgor ... / X Scrutiny Committee" (the English half,
        # whichever side of the stroke it is written)
        for s, e in _head_lines(text):
            line = text[s:e]
            if " / " not in line:
                continue
            halves = line.split(" / ")
            for k in (len(halves) - 1, 0):
                half = halves[k].strip()
                if r.english_half.fullmatch(smart_case(half)) and (name := _committee_name(half)):
                    a = s + (line.rindex(half) if k else line.index(half))
                    committee, c_span = name, Span.of(text, a, a + len(half))
                    break
            if committee:
                break
    when = w_span = None
    held, earlier = r.held, r.earlier
    # only in a line about the meeting itself: not "the workshop held on 3 May" in a report's prose, nor
    # "The minutes of the meeting held on ... were confirmed" (an earlier meeting), nor an agenda's item line
    m = next((found for line in _LINE.finditer(head[:2500])
              if _MEETING_WORD.search(line.group(0))
              and not earlier.search(line.group(0))
              and (found := held.search(head, line.start(), line.end()))), None)
    if m is None:
        m = labelled_date
    if m is None:
        m = r.date_label.search(head)
    if m is None:  # a title block line that is only a date (or the paper's title and its date)
        for s, e in _head_lines(text):
            halves = text[s:e].split(" / ")  # "Dydd Iau, 14 Mawrth 2024 / Thursday, 14 March 2024"
            if any(r.date_line.fullmatch(half) or r.dated_title.fullmatch(half) for half in halves):
                m = r.date.search(text, s + len(" / ".join(halves[:-1])), e)
                break
    if m is not None and (found := _date(m, m.lastindex - 2 if m.lastindex else 1)):
        when, w_span = found, Span.of(text, m.start(m.lastindex - 2), m.end(m.lastindex))
    elif m is None and (n := r.numeric_label.search(head)) and (found := parse_date(n.group(1))):
        when, w_span = found, Span.of(text, n.start(1), n.end(1))
    return committee, c_span, when, w_span


def infer_meeting_date(text: str, flat: str | None = None) -> tuple[dt.date, Span] | None:
    """"held on Monday 13 July 2022", "Date: 13 July 2022": the date of the meeting, from the first page.
    `flat`: the text with its wrapped lines joined, read first ("to be held in the\nChamber ... on 25
    February"); the span quotes `text`."""
    for read in (flat, text) if flat and flat != text else (text,):
        _, _, when, span = heading_meeting(read)
        if when and span:
            return when, Span.of(text, span.start, span.end)
    cue = _alt(_vocab()["meeting_cues"])
    said = re.compile(rf"(?:{cue})[ \t\xa0]+(?:[A-Z][a-z]+day,?[ \t\xa0]+)?(\d{{1,2}})(?:st|nd|rd|th)?"
                      r"[ \t\xa0]+([A-Z][a-z]+),?[ \t\xa0]+(\d{4})")
    # not in a line about an earlier meeting ("... the meeting held on 4 May be approved as a correct record")
    earlier = re.compile(rf"(?i){_alt(_vocab()['earlier_meeting_cues'])}")
    m = next((found for line in _LINE.finditer(text[:HEAD]) if not earlier.search(line.group(0))
              and (found := said.search(text, line.start(), line.end()))), None)
    if not m or not month_number(m.group(2)):
        return None
    try:
        date = dt.date(int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1)))
    except ValueError:
        return None
    return date, Span.of(text, m.start(1), m.end(3))


def infer_doc_type(text: str) -> str | None:
    """What kind of document the title block says it is (minutes, report, agenda, decision, other).

    A cue in capitals or one word ("AGENDA", "Minutes") must stand alone on its line, as a heading does (not
    ModernGov's "Agenda item" label); a cue in lower case ("will be held") may stand anywhere in a line;
    any other starts a line, after a paragraph number. Each half of a bilingual line ("Cofnodion / Minutes")
    counts as a line. An action log or work programme ("other") must be named in the title block itself:
    minutes often list one as an item."""
    def halves(lines: list[str]) -> list[str]:
        return [half for line in lines for half in line.split(" / ")]

    first = halves([text[m.start():m.end()][:200] for m in re.finditer(r"[^\n]*\S[^\n]*", text[:HEAD])][:25])
    title = halves([text[s:e] for s, e in _head_lines(text)])
    for kind, cues in _vocab()["doc_type_cues"].items():
        lines = title if kind == "other" else first
        for cue in cues:
            if cue.isupper() or " " not in cue.strip(":"):
                pattern = rf"(?i)^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?{re.escape(cue)}[ \t]*(?::|$|[ \t]{{2,}})"
            elif cue[0].islower():
                pattern = rf"(?i)\b{re.escape(cue)}\b"
            else:
                pattern = rf"(?i)^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?{re.escape(cue)}"
            if any(re.search(pattern, line) for line in lines):
                return kind
        patterns = _vocab().get("doc_type_patterns", {}).get(kind, ())
        if any(re.search(p, line) for p in patterns for line in lines):
            return kind
    return None


def _anchor(text: str, span: Span | None) -> Span | None:
    """A span found in the view's joined text, quoting the text as written (same offsets)."""
    return Span.of(text, span.start, span.end) if span else None


def _annual_period(text: str) -> tuple[str, int, int] | None:
    """A year's report names no quarter: "Annual Performance Report 2023/24", "Outturn 2023-24" in the title
    block is the document's period (a bare year in prose is a plan's or a budget's, not the report's)."""
    cue = re.compile(rf"(?i)\b(?:{_alt(_vocab()['annual_cues'])})\b")
    for s, e in _head_lines(text):
        line = text[s:e]
        if cue.search(line) and (found := find_year(line)):
            return found[0], s + found[1], s + found[2]
    return None


def infer_item_title(text: str, skip: tuple[str, ...] = ()) -> str | None:
    """The agenda item's title: a numbered item heading, the line after "Agenda item", else the first
    line that is not the council's or committee's name or a minutes label ("Present", "Minutes")."""
    head = text[:HEAD]
    m = re.search(r"(?im)^[ \t\xa0]*Agenda item[^\n]*\n\s*([^\n]{3,160})$", head) \
        or re.search(r"(?m)^[ \t\xa0]*\d{1,3}\.?[ \t\xa0]+([A-Z][^\n]{3,120}?)[ \t\xa0]*$", head)
    if m and not m.group(1).rstrip().endswith((".", ":")):
        return m.group(1).strip()
    names = {s.lower() for s in skip}
    for line in head.splitlines()[:40]:
        line = line.strip()
        label = re.match(r"(?i)(?:minutes|present|apologies|also|officers|report to|to:|date|agenda"
                         r"|\d{1,2}\s+\w+\s+\d{4})", line)
        if not line or line.lower() in names or len(line) > 120 or line.endswith((".", ",", ":")) or label:
            continue
        return line
    return None


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    doc = x.doc
    meta, text = doc.meta, doc.text
    council = (BodyFact("council", meta.council, meta.origin("council") or "sidecar") if meta.council
               else infer_council(text))
    committee = (BodyFact("committee", meta.committee, meta.origin("committee") or "sidecar")
                 if meta.committee else None)
    # a title block wrapped over lines ("... held in the Council\nChambers, ..., on Tuesday 12 November") is
    # read with its wrapped lines joined; the evidence quotes the text as written
    read = (tv or view(doc)).flat
    if committee is None:
        # the title block as written first (a bilingual block's lines are no wrapped prose), then joined
        name, span, _, _ = heading_meeting(text)
        if not name and read != text:
            name, span, _, _ = heading_meeting(read)
        committee = (BodyFact("committee", name, "inferred", _anchor(text, span)) if name
                     else infer_committee(text[:HEAD * 2]))
    period, period_span = meta.period, None
    if not period and (found := find_period(text[:3000]) or _annual_period(text)):
        period, period_span = found[0], Span.of(text, found[1], found[2])
    notes: list[str] = []
    if not meta.meeting_date and (when := infer_meeting_date(text, read)):
        # the meeting's identity needs its date: record it in the metadata, marked as inferred
        meta = replace(meta, meeting_date=when[0], origins=meta.origins + (("meeting_date", "inferred"),))
        doc = replace(doc, meta=meta)
        notes.append(f"meeting date {when[0].isoformat()} inferred from '{when[1].quote}' at {when[1].start}")
    if not meta.doc_type and (kind := infer_doc_type(text)):
        meta = replace(meta, doc_type=kind, origins=meta.origins + (("doc_type", "inferred"),))
        doc = replace(doc, meta=meta)
    missing = [f for f, v in (("council", council), ("committee", committee),
                              ("meeting date", meta.meeting_date)) if not v]
    if missing:
        # one line per document: what is missing and how to say it (a README is no council's document)
        doc = replace(doc, warnings=doc.warnings + (
            f"{' and '.join(missing) if len(missing) < 3 else 'council, committee and meeting date'}"
            f" not found; add a sidecar {doc.name}{SIDECAR_SUFFIX}"
            f" with {', '.join(_SIDECAR_KEYS[f] for f in missing)}",))
    names = tuple(b.name for b in (council, committee) if b)
    for body in (council, committee):
        if body and body.origin == "inferred" and body.span:
            notes.append(f"{body.kind} '{body.name}' inferred from '{body.span.quote}' at {body.span.start}")
    return replace(x, doc=doc, council=council, committee=committee, period=period, period_span=period_span,
                   item_title=meta.title or infer_item_title(text, names),
                   notes=x.notes + tuple(notes))

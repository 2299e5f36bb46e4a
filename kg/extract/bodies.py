"""Extract the council, committee, meeting date, period and agenda item title of a document.

Metadata (sidecar, ModernGov header) wins; otherwise the text is read for them and the evidence kept:
council cues from kg/data/councils.yaml ("One Darlington: Perfectly Placed" is Darlington Borough
Council), else a council's own name as written ("Sunderland City Council"); the committee a cue
introduces ("Members of the Corporate Parenting Panel"); the date a meeting was held on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.matcher import PhraseMatcher

from kg.extract.nlp import nlp, parse, vocabulary
from kg.model import BodyFact, Extraction, Span
from kg.periods import find_period
from kg.reference import councils
from kg.text import TextView

HEAD = 4000  # characters read for a title page's facts; council cues are counted over the whole text
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"), 1)}
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


def infer_council(text: str) -> BodyFact | None:
    """The council the text names most (known cues first, else a council's own name), with evidence."""
    doc = parse(text)
    hits: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for match_id, s, e in _council_matcher()(doc):
        name = nlp().vocab.strings[match_id]
        hits[name] += 1
        span = doc[s:e]
        if name not in first or (span.start_char, -span.end_char) < (first[name][0], -first[name][1]):
            first[name] = (span.start_char, span.end_char)
    if not hits:
        pattern = re.compile(rf"\b((?:[A-Z][a-z]+[ \t\xa0]+){{1,3}}?(?:{_alt(_vocab()['council_kinds'])}))\b")
        for m in pattern.finditer(text):
            name = re.sub(r"\s+", " ", m.group(1))
            if name.split()[0] in ("The", "This", "A", "Our", "Each", "Every", "Local", "County", "City") \
                    or len(name.split()) < 2 or name.split()[-2:] == ["Council"]:
                continue
            hits[name] += 1
            first.setdefault(name, (m.start(1), m.end(1)))
    if not hits:
        hits, first = _place_hits(text)
    if not hits:
        return None
    ranked = hits.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # two councils named as often: do not guess
    name = ranked[0][0]
    s, e = first[name]
    return BodyFact("council", name, "inferred", Span.of(text, s, e))


def _place_hits(text: str) -> tuple[Counter[str], dict[str, tuple[int, int]]]:
    """The weakest evidence: a known council's place name on its own ("Durham would not be complacent").

    Not after a person's title ("Councillor Durham") and not as the first word of another body's name
    ("Durham Constabulary"); only when the text names exactly one known council's places."""
    from kg.reference import councils

    titles = _alt(_vocab()["person_titles"])
    hits: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for c in councils():
        for place in c.places:
            pattern = re.compile(rf"(?<![\w-]){re.escape(place)}(?![\w-])(?![ \t\xa0]+[A-Z])")
            for m in pattern.finditer(text):
                if re.search(rf"\b(?:{titles})\.?[ \t\xa0]+$", text[max(0, m.start() - 20):m.start()]):
                    continue
                hits[c.name] += 1
                if c.name not in first or m.start() < first[c.name][0]:
                    first[c.name] = (m.start(), m.end())
    if len(hits) != 1:
        return Counter(), {}
    return hits, first


def infer_committee(text: str) -> BodyFact | None:
    """The committee a cue introduces most often ("Members of the Corporate Parenting Panel")."""
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
    if not hits:
        return _committee_heading(text)
    ranked = hits.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    name = ranked[0][0]
    return BodyFact("committee", name, "inferred", Span.of(text, *first[name]))


def _committee_heading(text: str) -> BodyFact | None:
    """A title-page line holding only a committee's name, in any case ("FAMILY ... SCRUTINY COMMITTEE")."""
    heads = _alt(_vocab()["committee_heads"])
    name = rf"{_FIRST}(?:{_NAME_WORD}[ \t\xa0]+){{0,10}}(?:{heads})\b{_REMIT}"
    m = re.search(rf"(?im)^[ \t\xa0]*({name})[ \t\xa0]*$", text[:1500])
    if not m or re.match(rf"(?i)(?:{_alt(_vocab()['committee_cues'])})\b", m.group(1)):
        return None
    raw = re.sub(r"\s+", " ", m.group(1))
    small = ("and", "of", "for", "the", "on")
    name = raw if not raw.isupper() else " ".join(
        w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(raw.split()))
    return BodyFact("committee", name, "inferred", Span.of(text, m.start(1), m.end(1)))


def infer_meeting_date(text: str) -> tuple[dt.date, Span] | None:
    """"held on Monday 13 July 2022", "Date: 13 July 2022": the date of the meeting, from the first page."""
    cue = _alt(_vocab()["meeting_cues"])
    m = re.search(rf"(?:{cue})[ \t\xa0]+(?:[A-Z][a-z]+day,?[ \t\xa0]+)?(\d{{1,2}})(?:st|nd|rd|th)?"
                  r"[ \t\xa0]+([A-Z][a-z]+),?[ \t\xa0]+(\d{4})", text[:HEAD])
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    try:
        date = dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None
    return date, Span.of(text, m.start(1), m.end(3))


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
                 if meta.committee else infer_committee(text[:HEAD * 2]))
    period, period_span = meta.period, None
    if not period and (found := find_period(text[:3000])):
        period, period_span = found[0], Span.of(text, found[1], found[2])
    notes: list[str] = []
    if not meta.meeting_date and (when := infer_meeting_date(text)):
        # the meeting's identity needs its date: record it in the metadata, marked as inferred
        meta = replace(meta, meeting_date=when[0], origins=meta.origins + (("meeting_date", "inferred"),))
        doc = replace(doc, meta=meta)
        notes.append(f"meeting date {when[0].isoformat()} inferred from '{when[1].quote}' at {when[1].start}")
    names = tuple(b.name for b in (council, committee) if b)
    for body in (council, committee):
        if body and body.origin == "inferred" and body.span:
            notes.append(f"{body.kind} '{body.name}' inferred from '{body.span.quote}' at {body.span.start}")
    return replace(x, doc=doc, council=council, committee=committee, period=period, period_span=period_span,
                   item_title=meta.title or infer_item_title(text, names),
                   notes=x.notes + tuple(notes))

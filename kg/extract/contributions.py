"""Extract contributions: who asked, who commented, who answered, and which question each answer answers.

A clerk's minutes put the speaker first and a speech verb after it ("Councillor Crute referred to ...
and asked if ..."; "The Head of Early Help, Assessment & Safeguarding explained that ..."). Each sentence
is read for its subject (a councillor, a post, a named officer, a collective such as "The Panel" or
"Officers", or a pronoun carrying the previous subject) and for cue phrases from
kg/extract/patterns/speech.yaml. Members ask and comment; officers answer the latest member contribution
of the same agenda item (the reader's item sections, else numbered item headings). "... and was advised
that ..." splits a sentence into the member's part and an answer from an unnamed officer (taken, with
lower confidence, to be the last officer who answered; unknown when that officer was not named either);
"It was explained that ..." answers the same way. "The Chair, Councillor X, asked" gives the councillor;
"In response to a question from Councillor X, the Head of ... said" gives both the implied question and
its answer. Reports (doc_type other than minutes or decision) record no meeting and give none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from spacy.matcher import PhraseMatcher

from kg.extract import people
from kg.extract.nlp import nlp, parse, vocabulary
from kg.indicators import mentions as indicator_mentions
from kg.model import ContributionFact, Extraction, Span
from kg.text import TextView

_ITEM_HEADING = re.compile(r"(?m)^[ \t\xa0]*\d{1,3}\.?[ \t\xa0]+[A-Z][^\n.:;]{2,100}$")
KINDS = ("question", "comment", "response", "passive_response")


@cache
def _vocab() -> dict:
    return vocabulary("speech")


@cache
def _cue_matcher() -> PhraseMatcher:
    m = PhraseMatcher(nlp().vocab, attr="LOWER")
    for kind in KINDS:
        m.add(kind, [nlp().make_doc(p) for p in _vocab()[kind]])
    return m


@cache
def _group_re() -> re.Pattern[str]:
    words = [w for side in _vocab()["groups"].values() for w in side]
    return re.compile(r"^\s*(?:(?:[Tt]he|[Aa]ll|[Ss]everal|[Ss]ome|[Mm]any|[Aa]n?|[Oo]ne)\s+)?("
                      + _alt(words) + r")\b")


def _group(word: str) -> tuple[str, str]:
    """A group word -> (speaker key, side)."""
    for side, words in _vocab()["groups"].items():
        if word in words:
            return f"group:{words[word]}", "member" if side == "members" else "officer"
    raise KeyError(word)


def _side(key: str) -> str:
    return "officer" if key.startswith(("post:", "officer:")) else "member"


def _cues(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) character offsets of every cue phrase, longest first where they overlap."""
    doc = parse(text)
    found = []
    for match_id, s, e in _cue_matcher()(doc):
        found.append((nlp().vocab.strings[match_id], doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
    return found


def _topic(clause: str) -> str | None:
    """What the member spoke about: the first indicator named, else the object of "referred to"."""
    hits = indicator_mentions(clause)
    if hits:
        return hits[0][0]
    m = re.search(r"\breferred to\s+(?:the\s+)?(.+?)"
                  r"(?:\s+and\s+(?:asked|stated|queried|commented|was)\b|[.;]|$)", clause)
    if m:
        words = m.group(1).split()
        return " ".join(words[:12]) if words else None
    return None


def _alt(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@cache
def _opener_re() -> re.Pattern[str]:
    """"In response," / "In response to a question from Councillor X," before the answerer."""
    who = r"(?:\s+(?:from|by|raised\s+by|of|to)\s+(?P<who>[^,;]{1,80})(?=,))?"
    alt = _alt(_vocab()["response_openers"])
    return re.compile(r"(?:" + alt + r")\b" + who + r"[ \t\xa0]*,?[ \t\xa0]*", re.I)


@cache
def _chair_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["chair_openers"]) + r")\b(?P<sep>[ \t\xa0]*[,(][ \t\xa0]*)?")


@cache
def _impersonal_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["impersonal_response"]) + r")\b", re.I)


@dataclass(frozen=True)
class _Subject:
    key: str | None
    side: str  # member | officer
    at: int = -1  # where the subject starts (after any opener)
    asker: str | None = None  # "In response to a question from Councillor X": who asked
    asked: tuple[int, int] | None = None  # the opener's span, evidence of that question


class _Reader:
    """Reads one document's sentences in order, keeping who spoke last and what awaits an answer."""

    def __init__(self, x: Extraction) -> None:
        self.text = text = x.doc.text
        a = people.analyse(text)
        keys = {p.key for p in x.people} | {p.key for p in x.posts}
        self.mentions = [m for m in a.mentions if m.key in keys]
        self.mention_starts = [m.start for m in self.mentions]
        self.titles = sorted(a.titles)
        self.title_starts = [t[0] for t in self.titles]
        self.cues = sorted(_cues(text), key=lambda c: c[1])
        self.cue_starts = [c[1] for c in self.cues]
        # agenda items: the reader's sections, else numbered heading lines ("41 Performance Report"); an
        # answer never reaches back into an earlier item
        headings = (m.start() for m in _ITEM_HEADING.finditer(text))
        self.item_starts = sorted({s.start for s in x.doc.sections if s.kind == "item"} | set(headings))
        self.out: list[ContributionFact] = []
        self.last_subject: _Subject | None = None
        self.pending: ContributionFact | None = None  # the latest member question or comment
        self.last_officer: str | None = None
        self.item = -1

    # ---- who speaks

    def mention_at(self, at: int) -> str | None:
        """The person or post mentioned at `at` (after an optional "the")."""
        text = self.text
        for i in range(bisect_left(self.mention_starts, at), len(self.mentions)):
            m = self.mentions[i]
            if m.start > at + 4:
                break
            if re.fullmatch(r"\s*(?:the\s+)?", text[at:m.start], re.I):
                return m.key
        return None

    def subject_at(self, s: int, e: int) -> _Subject | None:
        text = self.text
        at = s + len(text[s:e]) - len(text[s:e].lstrip())
        asker, asked = None, None
        opener = _opener_re().match(text, at, e)
        if opener:  # "In response [to a question from Councillor X], the Head of ... stated"
            if opener.group("who"):
                w0, w1 = opener.span("who")
                asker = next((m.key for m in self.mentions
                              if w0 <= m.start < w1 and _side(m.key) == "member"), None)
                asked = (at, w1) if asker else None
            at = opener.end()
        chair = _chair_re().match(text, at, e)
        if chair:  # "The Chair, Councillor Game, asked": the councillor speaks; "The Chair" alone is a member
            key = self.mention_at(chair.end()) if chair.group("sep") else None
            return _Subject(key or "group:chair", "member", chair.end() if key else at)
        if key := self.mention_at(at):
            return _Subject(key, _side(key), at, asker, asked)
        for i in range(bisect_left(self.title_starts, at), len(self.titles)):
            ts = self.titles[i][0]  # a post too vague to assert ("The Director explained") still answers
            if ts > at + 4:
                break
            if re.fullmatch(r"\s*(?:the\s+)?", text[at:ts], re.I):
                return _Subject(None, "officer", at, asker, asked)
        if g := _group_re().match(text[at:e]):
            key, side = _group(re.sub(r"\s+", " ", g.group(1)))
            return _Subject(key, side, at, asker, asked)
        if re.match(r"(?:He|She|They)\b", text[at:e]) and self.last_subject:
            return replace(self.last_subject, at=at, asker=None, asked=None)
        return None

    def clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        """A sentence, split where a new speaker opens a clause ("..., and Members sought clarification")."""
        out: list[tuple[int, int]] = []
        pos = s
        for m in re.finditer(r"[,;]\s+and\s+", self.text[s:e]):
            cut = s + m.end()
            pronoun = re.match(r"(?:He|She|They)\b", self.text[cut:e])
            if not pronoun and self.subject_at(cut, e) is not None:
                out.append((pos, s + m.start()))
                pos = cut
        out.append((pos, e))
        return out

    def cues_in(self, s: int, e: int) -> list[tuple[str, int, int]]:
        here = []
        for i in range(bisect_left(self.cue_starts, s), len(self.cues)):
            if self.cues[i][1] >= e:
                break
            if self.cues[i][2] <= e:
                here.append(self.cues[i])
        return here

    # ---- what they say

    def answer(self, key: str, speaker: str | None, span: Span, confidence: float = 1.0) -> None:
        if self.pending is None:
            return
        self.out.append(ContributionFact(key, "response", speaker, span, responds_to=self.pending.key,
                                         topic=self.pending.topic, confidence=confidence))

    def unnamed_answer(self, start: int, end: int) -> None:
        """An answer whose giver is not named: taken to be the last officer who answered in this item."""
        if self.pending is None:
            return
        officer = self.last_officer
        self.answer(f"contribution:{start}", officer, Span.of(self.text, start, end), 0.6 if officer else 0.5)

    def sentence(self, s: int, e: int) -> None:
        text = self.text
        while self.item + 1 < len(self.item_starts) and self.item_starts[self.item + 1] <= s:
            self.item += 1
            self.pending, self.last_officer, self.last_subject = None, None, None
        lead = s + len(text[s:e]) - len(text[s:e].lstrip())
        end = s + len(text[s:e].rstrip())
        subj = self.subject_at(s, e)
        if subj is None:
            if _impersonal_re().match(text, lead, e):  # "It was explained that ..."
                self.unnamed_answer(lead, end)
            return
        if subj.asker and subj.asked:  # the question is implied by the answer's opener
            q = ContributionFact(f"contribution:{subj.asked[0]}", "question", subj.asker,
                                 Span.of(text, *subj.asked), topic=_topic(text[subj.asked[0]:subj.asked[1]]))
            self.out.append(q)
            self.pending = q
        here = self.cues_in(s, e)
        if not here:
            self.last_subject = subj
            return
        passive = min((c for c in here if c[0] == "passive_response"), key=lambda c: c[1], default=None)
        active = {k for k, _, ce in here if k != "passive_response" and (passive is None or ce <= passive[1])}
        cut = passive[1] if passive else e
        if passive and re.search(r"\band\s*$", text[s:cut]):
            cut = s + len(text[s:cut].rstrip()) - 3
        start = subj.at if subj.asked else lead
        clause_end = s + len(text[s:cut].rstrip(" ,;"))
        span = Span.of(text, start, clause_end)
        # "noted that" or "advised" from members reports the meeting, not a remark: only their own cues count
        if subj.side == "member" and active & {"question", "comment"} and clause_end > start:
            kind = "question" if "question" in active else "comment"
            c = ContributionFact(f"contribution:{start}", kind, subj.key, span, topic=_topic(span.quote))
            self.out.append(c)
            self.pending = c
        elif subj.side == "officer" and active:
            if self.pending is not None:
                self.answer(f"contribution:{start}", subj.key, span)
            else:
                self.out.append(ContributionFact(f"contribution:{start}", "comment", subj.key, span))
            self.last_officer = subj.key  # None when the answerer was not named ("The Director replied")
        if passive:
            self.unnamed_answer(passive[1], end)
        self.last_subject = subj


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    if x.doc.meta.doc_type and x.doc.meta.doc_type not in _vocab()["record_types"]:
        return x  # a report's prose ("The Director has asked ...") records no meeting
    r = _Reader(x)
    for s, e in _sentences(x.doc.text):
        for cs, ce in r.clauses(s, e):
            r.sentence(cs, ce)
    return replace(x, contributions=x.contributions + tuple(r.out))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences, also split at blank lines (minutes put each contribution in its own paragraph)."""
    out: list[tuple[int, int]] = []
    for s, e in _sentence_spans(text):
        pos = s
        for m in re.finditer(r"\n\s*\n", text[s:e]):
            if text[pos:s + m.start()].strip():
                out.append((pos, s + m.start()))
            pos = s + m.end()
        if text[pos:e].strip():
            out.append((pos, e))
    return out


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    from kg.extract.nlp import sentences

    return sentences(text)

"""Extract contributions: who asked, who commented, who answered, and which question each answer answers.

A clerk's minutes name the speaker and a speech verb ("Councillor Okafor referred to ... and asked if ...";
"The Head of Libraries, Archives & Heritage explained that ..."). Each clause of the text layer
(`tv.clauses`, inside `tv.sentences`, per agenda item `tv.items`) is read for its speaker - a councillor, a
post (a short reference such as "the Director" is the post named in full before it), a named officer, a
group ("Members", "The Panel", "Officers") or a pronoun carrying the previous speaker - at its start, after
an answer opener ("In response to the question from Councillor X, ...", "Following a question from Cllr X,
...") or after a leading phrase ("At the invitation of the Chair, Councillor X asked"); and for cue phrases
from kg/extract/patterns/speech.yaml. Members ask and comment; officers, and councillors holding a cabinet
post, answer: the question of the member an opener names, else the latest member contribution of the same
item. "... and was advised that ..." and "It was explained that ..." are answers from an unnamed officer
(taken, with lower confidence, to be the last officer who answered). "A question was asked about ..." is
the members' question; points listed under "Members raised the following:" are the lead-in speaker's; a
Q./A. layout pairs its lines. Reports (doc_type other than minutes or decision) record no meeting.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from spacy.matcher import PhraseMatcher

from kg.extract import people
from kg.extract.nlp import nlp, vocabulary
from kg.indicators import mentions as indicator_mentions
from kg.model import ContributionFact, Extraction, Span
from kg.text import Sentence, TextView, view

KINDS = ("question", "comment", "response", "passive_response")


@cache
def _vocab() -> dict:
    return vocabulary("speech")


@cache
def _cue_matcher() -> PhraseMatcher:
    m = PhraseMatcher(nlp().vocab, attr="LOWER")
    for kind in KINDS:
        m.add(kind, [nlp().make_doc(p) for phrase in _vocab()[kind] for p in _expand(phrase)])
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


def _cues(tv: TextView) -> list[tuple[str, int, int]]:
    """(kind, start, end) character offsets of every cue phrase, longest first where they overlap. The
    view's one spaCy analysis finds them on the lines as written; a phrase a wrapped line cuts ("agreed\n
    to provide") is found in the flat text, around each line break made a space there."""
    doc = tv.doc
    found = []
    for match_id, s, e in _cue_matcher()(doc):
        found.append((nlp().vocab.strings[match_id], doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
    text, flat = tv.text, tv.flat
    at = text.find("\n")
    while at != -1:
        if flat[at] == " ":  # a wrapped line's break inside a sentence
            for m in _cue_phrases_re().finditer(flat, max(0, at - _LONGEST_CUE), at + _LONGEST_CUE):
                if m.start() < at < m.end():
                    found.append((m.lastgroup or "", m.start(), m.end()))
        at = text.find("\n", at + 1)
    return found


_LONGEST_CUE = 60  # characters: no cue phrase is longer


@cache
def _cue_phrases_re() -> re.Pattern[str]:
    """The cue phrases as one pattern, one named group a kind, words apart by any space (a line break)."""
    groups = []
    for kind in KINDS:
        phrases = sorted({p for phrase in _vocab()[kind] for p in _expand(phrase)}, key=len, reverse=True)
        spelled = (r"\s+".join(map(re.escape, p.split())) for p in phrases)
        groups.append(f"(?P<{kind}>" + "|".join(spelled) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.I)


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
def _chair_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["chair_openers"]) + r")\b(?P<sep>[ \t\xa0]*[,(][ \t\xa0]*)?")


# a subject given in Welsh and then in English, a slash between: "Yr Arweinydd / The Leader"
_BILINGUAL_SUBJECT = re.compile(r"[A-Z][^\n/.,;:]{1,40}?[ \t\xa0]+/[ \t\xa0]+(?=[A-Z])")


@cache
def _impersonal_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["impersonal_response"]) + r")\b", re.I)


def _expand(phrase: str) -> list[str]:
    """"was|were keen to know" -> every phrase its alternatives spell."""
    out = [""]
    for word in phrase.split():
        out = [f"{o} {w}".strip() for o in out for w in word.split("|")]
    return out


@cache
def _question_opener_re() -> re.Pattern[str]:
    """"Following a question from Councillor X," / "After queries by Members,": the question answered."""
    v = _vocab()
    return re.compile(r"(?:" + _alt(v["question_openers"]) + r")\s+(?:(?:a|an|the|further|supplementary|"
                      r"specific|separate|this|that|these)\s+)*(?:" + _alt(v["question_nouns"]) + r")\b"
                      r"[^,;.]{0,120},[ \t\xa0]*", re.I)


@cache
def _bare_opener_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["response_openers"]) + r")\b", re.I)


@cache
def _impersonal_question_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["impersonal_question"]) + r")\b", re.I)


@cache
def _qa_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    qa = _vocab()["qa_markers"]
    return (re.compile(r"(?:" + "|".join(qa["question"]) + r")[ \t\xa0]*"),
            re.compile(r"(?:" + "|".join(qa["answer"]) + r")[ \t\xa0]*"))


@cache
def _record_request_re() -> re.Pattern[str]:
    """A question cue asking only that something go on the record ("asked it be noted that ...")."""
    return re.compile(r"\b(?:asked|requested)\s+(?:" + _alt(_vocab()["record_requests"]) + r")\b", re.I)


@cache
def _list_lead_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alt(_vocab()["list_leads"]) + r")\b[^:]*:[-–—]?\s*$", re.I)


# "The following questions were raised by Committee and answered by the Officers:-": the members ask the
# points listed below, with nobody named
# ("Key points made by members:" without the verb too)
_PASSIVE_LEAD = re.compile(r"\b(?:(?:was|were)\s+)?(?:raised|asked|made|put)\s+by\s+(?:the\s+)?"
                           r"(?:committee|members|panel|board|councillors|scrutiny|sub-committee)\b", re.I)


# a lead-in naming the members' questions, ending in a colon: "... answered the members' questions with X:"
_MEMBERS_QUESTIONS_LEAD = re.compile(r"\b(?:members[’']?|councillors[’']?|the\s+committee[’']s)\s+questions\b"
                                     r"[^:]*:[-–—]?\s*$|\bquestions\s+(?:from|of)\s+(?:the\s+)?"
                                     r"(?:members|councillors|committee)\b[^:]*:[-–—]?\s*$", re.I)


# a listed point that asks in a participle ("Asking whether ...", "Regarding X, asking how ...")
_ASKING = re.compile(r"(?:[^,.;]{0,60},\s*)?(?:asking|querying|questioning|enquiring|inquiring|wondering|"
                     r"clarifying|seeking\s+(?:clarification|reassurance|assurance|confirmation))\b", re.I)
# a clause that carries on the one before it ("but ...", "however ...")
_CONTINUES = re.compile(r"(?:but|however|whilst|while|although|though|whereas)\b", re.I)


# compiled once: the reader asks these of every clause (re's cache lookup on each call cost more)
_THE_GAP = re.compile(r"\s*(?:the\s+)?", re.I)
# "The Head explained ...": "Head" alone, short for the "Head of ..." the minutes named before
_BARE_HEAD = re.compile(r"[Tt]he[ \t\xa0]+(Head)\b(?![\w\-])(?![ \t\xa0]+(?:of|for|teacher)\b)"
                        r"(?=[ \t\xa0]+[a-z])")
_SPACES = re.compile(r"\s+")
_PRONOUN = re.compile(r"(?:He|She|They)\b")
_LOWER_PRONOUN = re.compile(r"(?:he|she|they)\b")
_COMMA_GAP = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*")
_TO_COMMA = re.compile(r"[^,;.]{0,120},[ \t\xa0]*")
_ANY = re.compile(r".*", re.S)
_THE_OR_SPACE_END = re.compile(r"\bthe\s*$|\s$", re.I)
_THE_END = re.compile(r"(?:\bthe\s*)?$", re.I)
_LEAD_PHRASE = re.compile(r"[^,;.]{3,100},[ \t\xa0]*")
# ("The Chair presented the report and Councillor X asked ...": without a comma too, unless the part before
# ends in a person, a subject shared with the one after)
_AND_NEW_CLAUSE = re.compile(r"([,;])?\s+and\s+")


@dataclass(frozen=True)
class _Subject:
    key: str | None
    side: str  # member | officer
    at: int = -1  # where the subject starts (after any opener)
    asker: str | None = None  # "In response to a question from Councillor X": who asked
    asked: tuple[int, int] | None = None  # the opener's span, evidence of that question
    answering: bool = False  # an answer opener came first ("In response, ...")


class _Reader:
    """Reads one document's clauses in order, keeping who spoke last and which questions await answers."""

    def __init__(self, x: Extraction, tv: TextView) -> None:
        # patterns read the flat text (a wrapped line's break is a space there: "the trends,\nthe Head of
        # ... said"); spans and quotes are cut from the rendition itself, at the same offsets
        self.text = tv.flat
        self.raw = x.doc.text
        self.tv = tv
        a = people.of(x)
        keys = {p.key for p in x.people} | {p.key for p in x.posts}
        self.mentions = [m for m in a.mentions if m.key in keys]
        self.mention_starts = [m.start for m in self.mentions]
        self.titles = sorted(a.titles)
        self.title_starts = [t[0] for t in self.titles]
        self.cues = sorted(_cues(tv), key=lambda c: c[1])
        self.cue_starts = [c[1] for c in self.cues]
        # councillors who hold a cabinet post answer questions ("Councillor X, Cabinet Member for Y")
        answering = tuple(_vocab()["answering_councillor_posts"])
        posts = {p.key: p.title for p in x.posts}
        self.answerers = {h.person for h in x.holdings if posts.get(h.post, "").startswith(answering)}
        self.answerers |= {p.key for p in x.people
                           if p.role == "councillor" and p.office.startswith(answering)}
        self.answer_cues = set(_vocab()["councillor_answer_cues"])
        offices = {o.lower() for o in _vocab()["chair_offices"]}
        self.chairs = {p.key for p in x.people if p.role == "councillor" and p.office.lower() in offices}
        # "The Convener asked": the one councillor the attendance lists with that office
        self.office_holders: dict[str, list[str]] = {}
        for p in x.people:
            if p.role == "councillor" and p.office:
                self.office_holders.setdefault(p.office.lower(), []).append(p.key)
        self.reply_cues = set(_vocab()["councillor_reply_cues"])
        self.out: list[ContributionFact] = []
        self.last_subject: _Subject | None = None
        self.pending: ContributionFact | None = None  # the latest member question or comment
        self.open: list[ContributionFact] = []  # this item's member contributions, latest last
        self.last_officer: str | None = None
        self.lead: _Subject | None = None  # the speaker of a list's lead-in ("Members raised the following:")
        self.lead_kind = "comment"
        self.lead_through = False  # the lead-in's list runs on past the answers between its points
        self.item: int | None = -1
        self.qa_question: ContributionFact | None = None  # the latest "Q." question

    def is_chair(self, key: str | None) -> bool:
        """The Chair (or Convener) by office: "The Chair", or the councillor the attendance names as it."""
        return key == "group:chair" or key in self.chairs

    # ---- who speaks

    def mention_at(self, at: int) -> str | None:
        """The person or post mentioned at `at` (after an optional "the")."""
        text = self.text
        at_most = at + _THE_GAP.match(text, at).end() - at  # "The\n    Head of X": an indented wrap
        for i in range(bisect_left(self.mention_starts, at), len(self.mentions)):
            m = self.mentions[i]
            if m.start > max(at + 4, at_most):
                break
            if _THE_GAP.fullmatch(text[at:m.start]):
                return m.key
        return None

    def mentions_in(self, start: int, end: int) -> list:
        """The mentions that start in [start, end)."""
        return self.mentions[bisect_left(self.mention_starts, start):bisect_left(self.mention_starts, end)]

    def post_before(self, words: list[str], at: int) -> str | None:
        """A short reference ("the Director"): the post last named in full with the same opening words."""
        return people.post_named_before(self.mentions, self.mention_starts, words, at)

    def office_holder(self, opener: str) -> str | None:
        """The councillor listed with the office an opener names ("The Convener" -> "Mr A Brown (Convener)"),
        when exactly one is."""
        office = re.sub(r"(?i)^the\s+", "", opener.strip(" \t\xa0,(")).lower()
        holders = self.office_holders.get(office, [])
        return holders[0] if len(holders) == 1 else None

    def speaker_at(self, at: int, e: int) -> _Subject | None:
        """Who opens the text at `at`: a mention, a post by a short reference, a group or a pronoun."""
        text = self.text
        chair = _chair_re().match(text, at, e)
        if chair:  # "The Chair, Councillor Game, asked": the councillor speaks; "The Chair" alone is a member
            key = self.mention_at(chair.end()) if chair.group("sep") else None
            if key is None:
                return _Subject(self.office_holder(chair.group(0)) or "group:chair", "member", at)
            return _Subject(key, "member", chair.end())
        if key := self.mention_at(at):
            return _Subject(key, _side(key), at)
        if (pair := _BILINGUAL_SUBJECT.match(text, at, e)) and (subj := self.speaker_at(pair.end(), e)):
            return replace(subj, at=at)  # "Y Cadeirydd / The Chair said": the subject in Welsh, then English
        at_most = _THE_GAP.match(text, at).end()
        for i in range(bisect_left(self.title_starts, at), len(self.titles)):
            ts, te = self.titles[i]
            if ts > max(at + 4, at_most):
                break
            if _THE_GAP.fullmatch(text[at:ts]):
                return _Subject(self.post_before(people.title_words(text[ts:te]), ts), "officer", at)
        if (head := _BARE_HEAD.match(text, at, e)) and (key := self.post_before(["Head"], head.start(1))):
            return _Subject(key, "officer", at)  # "The Head explained": the Head of ... named in full before
        if g := _group_re().match(text[at:e]):
            key, side = _group(_SPACES.sub(" ", g.group(1)))
            return _Subject(key, side, at)
        if _PRONOUN.match(text[at:e]) and self.last_subject:
            return replace(self.last_subject, at=at, asker=None, asked=None, answering=False)
        return None

    def subject_at(self, s: int, e: int) -> _Subject | None:
        """The clause's speaker: at its start, after an answer opener ("In response to a question from
        Councillor X, the Head of ... said"), or after a leading phrase ("At the invitation of the Chair,
        Councillor X asked")."""
        text = self.text
        at = s + len(text[s:e]) - len(text[s:e].lstrip())
        opener = _question_opener_re().match(text, at, e)
        bare = None if opener else _bare_opener_re().match(text, at, e)
        if bare:
            after = _COMMA_GAP.match(text[bare.end():e])
            subj = self.speaker_at(bare.end() + after.end(), e)
            if subj is not None and subj.key is not None or subj is not None and subj.side == "officer":
                return replace(subj, answering=True)
            opener = _TO_COMMA.match(text, bare.end(), e)
            if opener:
                opener = _ANY.match(text, at, opener.end())
            else:  # no comma: "in response to questions from Members the Scrutiny Officer explained"
                for m in self.mentions[bisect_left(self.mention_starts, bare.end()):]:
                    if m.start >= min(e, bare.end() + 140):
                        break
                    if m.start >= bare.end() and _side(m.key) == "officer" \
                            and _THE_OR_SPACE_END.search(text[bare.end():m.start]):
                        opener = _ANY.match(text, at, m.start - len(
                            _THE_END.search(text[bare.end():m.start]).group()))
                        break
        if opener:
            members = [m.key for m in self.mentions_in(at, opener.end()) if _side(m.key) == "member"]
            asker = members[0] if members else None
            subj = self.speaker_at(opener.end(), e)
            if subj is None and self.last_subject and _LOWER_PRONOUN.match(text, opener.end(), e):
                # "In response to Councillor X, she explained": the pronoun after the opener, in lower case
                subj = replace(self.last_subject, at=opener.end(), asker=None, asked=None, answering=False)
            if subj is None:
                return None
            asked = (at, len(text[:opener.end()].rstrip(" ,\t\xa0"))) if asker else None
            return replace(subj, asker=asker, asked=asked, answering=True)
        if subj := self.speaker_at(at, e):
            return subj
        # a leading phrase before the speaker: "At the invitation of the Chair, Councillor X asked"
        lead = _LEAD_PHRASE.match(text, at, e)
        if lead and not self.cues_in(at, lead.end()):
            subj = self.speaker_at(lead.end(), e)
            if subj is not None and subj.key and not subj.key.startswith("group:chair"):
                return subj
        return None

    def clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        """A clause, split where a new speaker opens after ", and" ("..., and Members sought advice")."""
        out: list[tuple[int, int]] = []
        pos = s
        for m in _AND_NEW_CLAUSE.finditer(self.text[s:e]):
            cut = s + m.end()
            pronoun = _PRONOUN.match(self.text[cut:e])
            if not m.group(1) and (len(self.text[pos : s + m.start()].split()) < 4 or any(
                    x.end == s + m.start() for x in self.mentions_in(pos, s + m.start()))
                    or not self.cues_in(cut, e)):
                # "Councillor A and Councillor B asked": one subject, not two clauses; "correspondence between
                # Scrutiny and Cabinet Members": no verb of speech after it, no clause of its own
                continue
            if not pronoun and self.speaker_at(cut, e) is not None:
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

    def answer(self, key: str, speaker: str | None, span: Span, confidence: float = 1.0,
               to: ContributionFact | None = None) -> None:
        to = to or self.pending
        if to is None:
            return
        self.out.append(ContributionFact(key, "response", speaker, span, responds_to=to.key,
                                         topic=to.topic, confidence=confidence))

    def unnamed_answer(self, start: int, end: int) -> None:
        """An answer whose giver is not named: taken to be the last officer who answered in this item."""
        if self.pending is None:
            return
        officer = self.last_officer
        self.answer(f"contribution:{start}", officer, Span.of(self.raw, start, end), 0.6 if officer else 0.5)

    def ask(self, kind: str, speaker: str | None, start: int, end: int) -> ContributionFact:
        span = Span.of(self.raw, start, end)
        c = ContributionFact(f"contribution:{start}", kind, speaker, span, topic=_topic(span.quote))
        self.out.append(c)
        self.pending = c
        self.open.append(c)
        return c

    def question_of(self, asker: str) -> ContributionFact | None:
        """The latest question (else comment) of `asker` in this item: what an answer naming them answers."""
        own = [c for c in self.open if c.speaker == asker]
        return next((c for c in reversed(own) if c.kind == "question"), own[-1] if own else None)

    def enter(self, sentence: Sentence) -> None:
        """A new agenda item starts afresh: an answer never reaches back into an earlier item."""
        if sentence.item != self.item:
            self.item = sentence.item
            self.pending, self.last_officer, self.last_subject, self.lead = None, None, None, None
            self.lead_through = False
            self.open = []

    def quoted_after(self, s: int, e: int) -> int:
        """The end of the words a lead-in introduces ("asked the following question:-" and the question in
        quotation marks after it): the closing quotation mark's, else `e`. Read in the rendition: the
        quotation closes at a line's end."""
        text = self.raw
        if not _LEAD_IN_END.search(text, s, e):
            return e
        opening = _OPENING_QUOTE.match(text, e)
        if opening is None:
            return e
        closing = _CLOSING_QUOTE.search(text, opening.end(), min(len(text), opening.end() + 3000))
        return closing.end() if closing else e

    def qa(self, s: int, e: int) -> bool:
        """A Q./A. layout: "Q. ..." asks (its speaker named in it, else the members), "A. ..." answers; a
        line that leads into a quotation ("asked the following question:-") takes the quotation with it."""
        text = self.text
        q_re, a_re = _qa_re()
        if m := q_re.match(text, s, e):
            e = self.quoted_after(s, e)
            key = next((mm.key for mm in self.mentions_in(m.end(), e) if _side(mm.key) == "member"),
                       "group:members")
            self.qa_question = self.ask("question", key, s, e)
            # "Question 1 – Cllr A stated ... . He asked ...": "he" is the councillor the line named
            self.last_subject = _Subject(key, "member", m.end())
            return True
        # "A." answers only in a Q./A. layout (elsewhere it may open a name: "A. Patel asked")
        if (m := a_re.match(text, s, e)) and self.pending is not None and self.pending is self.qa_question:
            e = self.quoted_after(s, e)
            subj = self.speaker_at(m.end(), e)
            speaker = subj.key if subj else next((mm.key for mm in self.mentions_in(m.end(), e)
                                                  if _side(mm.key) == "officer"), None)
            self.answer(f"contribution:{s}", speaker, Span.of(self.raw, s, e), 1.0 if speaker else 0.5)
            if speaker:
                self.last_officer = speaker
            return True
        return False

    def clause(self, s: int, e: int, in_list: bool) -> None:
        text = self.text
        lead = s + len(text[s:e]) - len(text[s:e].lstrip())
        end = s + len(text[s:e].rstrip())
        if lead >= end or self.qa(lead, end):
            return
        subj = self.subject_at(s, e)
        if _MEMBERS_QUESTIONS_LEAD.search(text, lead, end):
            # "X introduced the report and answered the members' questions:": the points listed below are the
            # members' questions (the answers follow each)
            self.lead, self.lead_kind = _Subject("group:members", "member", lead), "question"
            self.lead_through = True  # the answers between the listed questions do not end the list
            if subj is None:
                return
        if subj is None and _PASSIVE_LEAD.search(text, lead, end) and _list_lead_re().search(text, lead, end):
            kind = "question" if re.search(r"\bquestions?\b", text[lead:end], re.I) else "comment"
            self.lead, self.lead_kind = _Subject("group:members", "member", lead), kind
            return
        if subj is None:
            if in_list and self.lead is not None:  # a point under "Members raised the following:"
                if _CONTINUES.match(text, lead, end):
                    return  # "..., but signs were not yet up": the rest of the point before, not a new one
                asking = text[lead:end].rstrip().endswith("?") or \
                    _ASKING.match(text, lead, min(end, lead + 80))
                kind = "question" if asking else self.lead_kind
                self.ask(kind, self.lead.key, lead, end)
            elif _impersonal_question_re().match(text, lead, e):  # "A question was asked about ..."
                self.ask("question", "group:members", lead, end)
            elif _impersonal_re().match(text, lead, e):  # "It was explained that ..."
                self.unnamed_answer(lead, end)
            return
        # "Officers were asked to set up ...": a passive verb of speech is said to the subject, not by it
        # "received the report, which asked it to note ...": a relative clause's verb is the report's, not
        # the subject's speech
        here = [c for c in self.cues_in(s, e)
                if c[0] == "passive_response" or not (_PASSIVE_CUE.search(text, max(s, c[1] - 14), c[1])
                                                      or _RELATIVE_CUE.search(text, max(s, c[1] - 24), c[1]))]
        if subj.asker and subj.asked:  # the question is implied by the answer's opener, unless already asked
            earlier = self.question_of(subj.asker)
            if earlier is not None:
                self.pending = earlier
            else:
                self.ask("question", subj.asker, *subj.asked)
        if not here and subj.side == "officer" and subj.at == lead and self.pending is not None \
                and self.pending.kind == "question" and _BY_INITIALS.match(text, lead, end):
            # terse minutes: "MC: not before the summer", the answer after the answerer's initials
            self.answer(f"contribution:{lead}", subj.key, Span.of(self.raw, lead, end))
            self.last_officer, self.last_subject = subj.key, subj
            return
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
        words = {text[cs:ce].lower() for _, cs, ce in here}
        to_other = self.pending is not None and self.pending.speaker != subj.key and "question" not in active
        councillor_answers = subj.side == "member" and to_other and (
            (subj.key in self.answerers and bool(words & self.answer_cues))
            # any councillor replying in so many words to another's question
            or (self.pending is not None and self.pending.kind == "question"
                and bool(words & self.reply_cues))
            # the Chair answering a member's request of the committee ("asked that a review be added to the
            # programme. The Chair replied that there was no room for it this year")
            or (self.pending is not None and self.pending.kind == "question" and self.is_chair(subj.key)
                and self.out[-1] is self.pending and bool(words & self.answer_cues)))
        if subj.side == "member" and active & {"question", "comment"} and clause_end > start \
                and not councillor_answers:
            kind = "question" if "question" in active else "comment"
            if kind == "question" and _record_request_re().search(text, start, clause_end):
                kind = "comment"  # "asked that it be noted that ...": a statement for the record
            if _list_lead_re().search(text, start, end):  # the points listed below are this speaker's
                self.lead, self.lead_kind = subj, kind
            else:
                self.ask(kind, subj.key, start, clause_end)
        elif (subj.side == "officer" and active) or councillor_answers:
            span = Span.of(self.raw, start, clause_end)
            to = self.question_of(subj.asker) if subj.asker else None
            if self.pending is not None:
                self.answer(f"contribution:{start}", subj.key, span, to=to)
            else:
                self.out.append(ContributionFact(f"contribution:{start}", "comment", subj.key, span))
            self.last_officer = subj.key  # None when the answerer was not named ("The Director replied")
        if passive:
            self.unnamed_answer(passive[1], end)
        self.last_subject = subj


_BY_INITIALS = re.compile(r"[A-Z]{2,4}[ \t\xa0]*:[ \t\xa0]*[\w\"“‘']")
_PASSIVE_CUE = re.compile(r"\b(?:was|were|been|being|be)\s+$", re.I)
_RELATIVE_CUE = re.compile(r"\b(?:which|that)\s+(?:also\s+|further\s+)?$", re.I)
# a line that leads into what follows ("... asked the following question:-"), then a quotation after it
_LEAD_IN_END = re.compile(r"[:][-–—]?\s*$")
_OPENING_QUOTE = re.compile(r"\s*[\"“‘']")
_CLOSING_QUOTE = re.compile(r"[\"”’'](?=\s*(?:\n|$))")


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    if x.doc.meta.doc_type and x.doc.meta.doc_type not in _vocab()["record_types"]:
        return x  # a report's prose ("The Director has asked ...") records no meeting
    tv = tv or view(x.doc)
    r = _Reader(x, tv)
    for i, s in enumerate(tv.sentences):
        if s.kind == "heading" or tv.in_table(s.start, s.end):
            continue
        r.enter(s)
        if s.list_item is None and r.lead is not None and not r.lead_through \
                and not _list_lead_re().search(x.doc.text, s.start, s.end):
            r.lead = None  # the list under a lead-in ends with the first sentence outside it
        for c in tv.clauses_of(i):
            for cs, ce in r.clauses(c.start, c.end):
                r.clause(cs, ce, s.list_item is not None)
    return replace(x, contributions=x.contributions + tuple(r.out))

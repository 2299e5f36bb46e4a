"""The forms a promise takes inside one sentence or clause, and the reasons a found form is no promise.

A promise is a form (an undertaking "agreed to", a future "will/would (be)", a request given to an owner
"asked X to", an action note "Officers to provide", a subjunctive decision "that a report be brought",
a decision naming its owner "(ii) the Head of HR submit ...", or a later meeting's business "that the
Committee receive a further update at its March meeting") whose verb is a deliverable (circulate,
provide, bring back, report, ...). Conditions ("if Cabinet approves ...", "subject to funding ...") are
cut out before the forms are looked for, so a verb inside a condition never reads as the promise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.commitments.actors import subject_start
from kg.extract.commitments.due import Due
from kg.extract.commitments.vocabulary import alt, base_verb, cues, phrase_hit, rx
from kg.extract.commitments.wording import lower_first


@dataclass(frozen=True)
class Found:
    start: int  # span of the evidence
    end: int
    cue: int  # where the promise form begins (for the actor's clause)
    text: str
    actor_region: tuple[int, int] | None
    confidence: float
    form: str
    request: bool = False  # a request with no acceptance yet
    condition: str = ""


# compiled once (from the vocabulary) rather than rebuilt on every call
@cache
def _asked_before() -> re.Pattern[str]:
    return re.compile(rf"\b{alt(cues()['asking'])}\s+(?:[\w'’]+\s+){{0,3}}$", re.I)


@cache
def _modal_end() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(cues()['modals'])}|to|not|could|may|might|can)$", re.I)


@cache
def _communicating() -> re.Pattern[str]:
    return re.compile(alt(cues()["communicating"]) + r"\b", re.I)


def conditions(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Condition clauses in text[s:e]: from a lead ("if", "subject to", "provided that") to the next comma
    or semicolon. "asked if ..." is a question, not a condition."""
    out = []
    r = rx()
    for m in r.condition.finditer(text, s, e):
        before = text[max(s, m.start() - 60) : m.start()]
        if _asked_before().search(before):
            continue
        # with no comma after it, the condition ends where the promise's own clause begins: "if funding was
        # secured a further report would be brought to the Committee"
        own = _CLAUSE_AFTER_CONDITION.search(text, m.start("body") + 1, m.end())
        out.append((m.start(), own.start() if own else m.end()))
    return out


# a subject and a modal opening the main clause after a condition with no comma
_CLAUSE_AFTER_CONDITION = re.compile(
    r"\s(?=(?:(?:a|an|the|this|these|any|further|more)\s+(?:[\w'’-]+\s+){0,4}?|(?:he|she|they|officers|it)\s+)"
    r"(?:would|will|could|should|shall)\b)", re.I)


def masked(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> str:
    """text[s:e] with the given spans blanked out, offsets kept."""
    if not spans:
        return text[s:e]  # nothing to blank (most units have no condition)
    chars = list(text[s:e])
    for a, b in spans:
        for i in range(max(a, s) - s, min(b, e) - s):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# "this was not something the service could report on": what cannot be done is offered to nobody
_NEGATED = re.compile(r"\b(?:not|no|never|unable|cannot|can't|couldn't|nothing)\b", re.I)
# "... be noted and no recommendations be submitted": the subject right before the verb is nothing at all
_NOTHING = re.compile(r"(?:^|\band\b|\bbut\b|[,;])\s*(?:no|none\s+of\s+the|neither)(?:\s+[\w'’-]+){1,4}$",
                      re.I)


# "it was agreed to ...": the meeting agreed; nobody named nearby (a requester, a speaker) owns the promise
_IMPERSONAL = re.compile(
    r"\b(?:it|this)\s+(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+|further\s+|then\s+)?$", re.I)


def _nothing(subject: str) -> bool:
    """Does the subject of a passive or subjunctive ("no recommendations", "none of the reports") promise
    that nothing be done?"""
    return bool(_NOTHING.search(subject.rstrip()))


_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed)\s+(?:\w+ly\s+)?$", re.I)


def _gerund_promise(before: str, what: str) -> bool:
    """"committed to obtaining details to provide to Members" promises something handed to the meeting;
    "is committed to providing good services" (a stance after "is") does not."""
    if _BE_BEFORE.search(before):
        return False
    return bool(re.search(cues()["recipients"], what, re.I) or rx().deliverable_noun.search(what))


# A noun phrase and the relative pronoun after it, ending a passive's subject: "... the Annual Report which"
# a prepositional opener without its comma before a passive's subject ("As part of the review the targets
# would be ...", "Following the audit all policies would be ..."): no part of what is promised
_OPENER_BEFORE_SUBJECT = re.compile(r"(?:as\s+part\s+of|as\s+a\s+result\s+of|following|in\s+line\s+with|"
                                    r"through|during|after|before|in\s+addition\s+to)\b[^,]{1,80}?\s+"
                                    r"(?=(?:the|all|any|these|those|a|an|its|their)\s)", re.I)
_RELATIVE_TAIL = re.compile(r"\b((?:the|a|an|its|their|this)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+),?\s+(\w+)$",
                            re.I)


@cache
def _reported_relative() -> re.Pattern[str]:
    """A noun phrase, a relative pronoun and a reporter's words ending right before a passive: "a number of
    issues which the Chairman agreed [would be included ...]"."""
    return re.compile(
        r"(?P<np>\b(?:the|a|an|its|their|this|these|those)\s+(?:(?!(?:the|a|an)\b)[\w'’-]+\s+){0,5}?[\w'’-]+),?\s+"
        r"(?:which|that)\s+"
        rf"(?:[\w'’-]+\s+){{0,6}}?{alt(cues()['reporting'])}\s+(?:that\s+)?$", re.I)


# A coordinated clause with its own subject: "... could be given to X and he would ...".
_JOINED = re.compile(r"\b(?:and|but)\b", re.I)
# The start of the clause a form is in: "she did not have it to hand, but she could send it" offers.
_OWN_CLAUSE = re.compile(r"\bbut\b|\bhowever\b|[,;]", re.I)
_SPEECH = re.compile(r"^\s*[\w-]+(?:\s+(?:back|up|on|out))?\s+that\b", re.I)


def find(text: str, s: int, e: int, sent: str, decided: bool) -> Found | None:
    """The strongest promise form in the unit, unless its verb reports speech ("went on to report that
    ...", "to add that ..."): a statement, not a deliverable."""
    f = _find(text, s, e, sent, decided)
    return None if f is not None and _SPEECH.match(f.text) else f


class _Searches:
    """The promise forms' searches of one unit's words, each run when first asked and kept: the patterns are
    long alternations, and minutes repeat their sentences (about half of `_find`'s calls in the benchmark
    corpus see words seen before). A match's offsets are into the words, as `_find` reads them."""

    __slots__ = ("_sent", "_done")

    def __init__(self, sent: str) -> None:
        self._sent = sent
        self._done: dict[tuple[str, bool], re.Match[str] | None] = {}

    def search(self, name: str) -> re.Match[str] | None:
        return self._run(name, False)

    def match(self, name: str) -> re.Match[str] | None:
        return self._run(name, True)

    def _run(self, name: str, anchored: bool) -> re.Match[str] | None:
        key = (name, anchored)
        if key not in self._done:
            pattern = getattr(rx(), name)
            self._done[key] = pattern.match(self._sent) if anchored else pattern.search(self._sent)
        return self._done[key]


@lru_cache(maxsize=1024)  # pure on the words; small, as phrases._left_words'
def _searches(sent: str) -> _Searches:
    return _Searches(sent)


def _find(text: str, s: int, e: int, sent: str, decided: bool) -> Found | None:
    """The strongest promise form in the unit text[s:e] (`sent` is that text with conditions blanked), or
    None. `decided`: the unit is part of a decision (a RESOLVED or "The Committee agreed:" list)."""
    r, h = rx(), _searches(sent)
    if not decided and not h.search("any_deliverable"):
        # each form below needs a deliverable verb (only a decision's later meeting and an assurance do not)
        return _assurance(text, s, e, sent)

    def at(m: re.Match[str], group: str = "cue") -> int:
        return s + m.start(group)

    m = h.search("undertake")
    if m and h.search("earlier") and m.group("cue").lower().startswith(("undertook", "agreed")):
        return None  # "At the last meeting X undertook to ...": a reference back, not a new promise
    if m and not re.search(r"\b(?:had|previously)\s+$", sent[: m.start()], re.I):
        cue = at(m)
        verb = m.group("verb")
        what = base_verb(verb) + m.group("what")[len(verb):]  # "committed to obtaining X": obtain X
        first = verb.lower().split()[0]
        gerund = first.endswith("ing") and base_verb(first) != first  # "providing", not "bring"
        if gerund and not _gerund_promise(sent[: m.start()], what):
            return None  # "the Council is committed to providing good services": a stance
        region: tuple[int, int] | None = (subject_start(text, s, cue), cue)
        if _IMPERSONAL.search(text, s, cue):
            region = None  # "At the request of Councillor X it was agreed to send ...": agreed by the meeting
        return Found(s, e, cue, what, region, 0.9, "undertaking")
    m, joined = h.search("request_owner"), h.search("request_owner_joined")
    if joined and (m is None or joined.end("owner") < m.end("owner")):
        m = joined  # "requested X to track Y and then present ...": X, not "X to track Y and", is the owner
    if m and not re.search(r"\bhad\s+$", sent[: m.start()], re.I) and not r.addressee.match(m.group("owner")):
        owner = (s + m.start("owner"), s + m.end("owner"))
        return Found(s, e, at(m), m.group("what"), owner, 0.85, "request-owner")
    m = h.search("request_passive")
    if m:
        cue = at(m)
        subject = (subject_start(text, s, cue), cue)
        # "Members are asked to consider the report": the meeting is addressed; nobody owns anything
        if not r.addressee.match(text[subject[0] : subject[1]]):
            return Found(s, e, cue, m.group("what"), subject, 0.85, "request-owner")
    m = h.search("request_that")
    if m and not r.addressee.match(m.group("owner")):
        owner = (s + m.start("owner"), s + m.end("owner"))
        said = decided or re.search(r"\b(?:agreed|resolved|decided)\b", sent[: m.start()], re.I)
        return Found(
            s, e, at(m), m.group("what"), owner, 0.85 if said else 0.7, "request-owner", request=not said
        )
    m = h.search("request_for")
    if m:
        what = f"{base_verb(m.group('verb'))} {m.group('obj').strip()}{m.group('rest')}"
        return Found(s, e, at(m), what, None, 0.6, "request", request=True)
    m = h.match("owner_to")
    if m and not r.addressee.match(m.group("owner")) and not re.search(
        # "Officers confirmed that they would get a response from X to provide ...": a sentence, not an owner
        r"\b(?:is|are|was|were|be|been|has|have|had|asked|agreed|wished|need|needs|needed|want|wanted|that|"
        r"would|will|could|should|can)\b",
        m.group("owner"),
        re.I,
    ):
        owner = (s + m.start("owner"), s + m.end("owner"))
        return Found(s, e, s + m.start("owner"), m.group("what"), owner, 0.85, "note")
    m = h.search("active")
    if m:
        cue = at(m)
        return Found(s, e, cue, m.group("what"), (subject_start(text, s, cue), cue), 0.8, "future")
    m = h.search("active_joined")
    if m and not re.match(r"be\b|been\b", m.group("what")):
        # "she would look at whether ... and report back to Members": the deliverable joined to it promises
        cue = at(m)
        return Found(s, e, cue, m.group("what"), (subject_start(text, s, cue), cue), 0.8, "future")
    m = h.search("passive")
    if m and not _nothing(sent[: m.start()]):
        cue = at(m)
        subj_start = subject_start(text, s, cue)
        # the words with conditions blanked: "if funding was secured a further report would be ..."
        subject = re.sub(r"\s+", " ", sent[subj_start - s : cue - s]).strip(" ,")
        if subject.lower() in cues()["relative_pronouns"]:
            subject = "it"  # "the report, which would be shared with ...": the clause's own subject is 'it'
        elif (rel := _RELATIVE_TAIL.search(subject)) and rel.group(2).lower() in cues()["relative_pronouns"]:
            # "... done through the Annual Report which would be published": the report is published
            subject = rel.group(1)
        elif reported := _reported_relative().search(text, s, cue):
            # "issues which the Chairman agreed would be included in the letters": the issues are included,
            # and the Chairman, whose verb stands right before the passive, reported it
            subject, subj_start = reported.group("np"), reported.end()
        if (lead := _OPENER_BEFORE_SUBJECT.match(subject)) and lead.end() < len(subject):
            subject = subject[lead.end():]  # "As part of this the targets would be reviewed": the targets
        verb = base_verb(m.group("verb"))
        what = f"{verb} {lower_first(subject)}{m.group('rest')}" if subject else f"{verb}{m.group('rest')}"
        return Found(s, e, cue, what, (subj_start, cue), 0.8, "passive")
    m = h.search("gapped")
    if m and not _nothing(sent[: m.start()]):
        # "the survey would be completed by September and the results shared with Members"
        cue = at(m)
        subj_start = subject_start(text, s, cue)
        what = f"{base_verb(m.group('verb'))} {m.group('subj').strip()}{m.group('rest')}"
        return Found(s, e, cue, what, (subj_start, cue), 0.8, "passive")
    m = h.search("offer")
    if m and r.offer_object.search(m.group("what")) and not _NEGATED.search(
            _OWN_CLAUSE.split(sent[: m.start()])[-1]):
        # "... but she could circulate this information after the meeting": an offer to the meeting
        cue = at(m)
        return Found(s, e, cue, m.group("what"), (subject_start(text, s, cue), cue), 0.7, "offer")
    m = h.search("offer_passive")
    if m and r.offer_object.search(f"{m.group('np')} {m.group('rest')}") and not _NEGATED.search(
            _OWN_CLAUSE.split(sent[: m.start("cue")])[-1]) and not _nothing(m.group("np")):
        # "... and a specific breakdown could be provided to members detailing ...": offered to the meeting
        cue = at(m)
        what = f"{base_verb(m.group('verb'))} {lower_first(m.group('np'))}{m.group('rest')}"
        np_at = s + m.start("np")
        return Found(s, e, cue, what, (np_at, cue), 0.7, "offer-passive")
    m = h.search("should")
    if m and (decided or m.group("cue").lower() in ("agreed", "resolved", "decided")):
        # "agreed that the next report should also include a breakdown": a decision about a deliverable
        what = f"{lower_first(m.group('subj').strip())} to {base_verb(m.group('verb'))}{m.group('rest')}"
        return Found(s, e, at(m, "verb"), what, None, 0.8, "resolution")
    if decided and (m := h.match("should_bare")) and not _nothing(m.group("subj")):
        # "(b) Instructed ... . A report should come forward to the next meeting": the decision's own words
        subj = lower_first(m.group("subj").strip())
        if m.group("part"):
            what = f"{base_verb(m.group('part'))} {subj}{m.group('rest')}"
        else:
            what = f"{subj} to {base_verb(m.group('verb'))}{m.group('rest')}"
        return Found(s, e, s + m.start("subj"), what, None, 0.8, "resolution")
    if decided:
        m = h.search("resolution_active")
        # a named owner ("the Head of HR") or an owner word ("officers")
        named = m and (m.group("owner").strip().lower() in {w.lower() for w in cues()["action_owners"]}
                       or re.search(r"(?-i:[A-Z])\w", re.sub(r"^the\b\s*", "", m.group("owner"), flags=re.I)))
        if m and named and not _title_noun(m, sent):
            # "RESOLVED - (ii) the Head of HR submit a report ...": a decision naming its owner
            if not r.addressee.match(m.group("owner")):
                owner = (s + m.start("owner"), s + m.end("owner"))
                verb = m.group("verb")
                what = base_verb(verb) + m.group("what")[len(verb):]  # "writes to" -> "write to"
                return Found(s, e, s + m.start("owner"), what, owner, 0.85, "resolution")
        m = h.search("decision_request")
        if m and not r.request_owner.search(sent):
            # "The Committee agreed ... to request a report on teacher numbers to its next meeting"
            return Found(s, e, at(m), f"provide {m.group('what')}", None, 0.8, "later-meeting")
        m = h.search("meeting_receives")
        what = m.group("what") if m else ""
        if m and (r.deliverable_noun.search(what) or re.search(r"\bmeeting\b", what, re.I)):
            return Found(s, e, at(m), f"{m.group('verb')} {m.group('what')}", None, 0.8, "later-meeting")
    m = h.search("agreed_active")
    if m and not r.addressee.match(m.group("owner")) and not _title_noun(m, sent):
        # "It was proposed by X, seconded by Y and agreed that officers bring back a report ...": the
        # decision names its owner
        return Found(s, e, s + m.start("owner"), m.group("what"), (s + m.start("owner"), s + m.end("owner")),
                     0.85, "resolution")
    m = h.search("subjunctive") or (h.match("subjunctive_listed") if decided else None)
    if m and not _modal_end().search(m.group("subj").strip()) and not _nothing(m.group("subj")):
        cue = at(m, "verb")
        what = f"{base_verb(m.group('verb'))} {lower_first(m.group('subj').strip())}{m.group('rest')}"
        asked = r.request_noun.search(sent[: m.start()])
        if decided and not asked:
            return Found(s, e, cue, what, None, 0.85, "resolution")
        if asked:
            return Found(s, e, cue, what, None, 0.6, "request", request=True)
        # "It was agreed that a report be brought": an agreed subjunctive is a decision.
        if re.search(r"\b(?:agreed|resolved|decided)\b", sent[: m.start()], re.I):
            return Found(s, e, cue, what, None, 0.8, "resolution")
    return _assurance(text, s, e, sent)


def _title_noun(m: re.Match[str], sent: str) -> bool:
    """"RESOLVED that the Annual Report 2023/24 be received": a capitalised "verb" after a capitalised owner
    is the last word of a paper's title, not what a person is to do (unless the whole decision is in
    capitals)."""
    return m.group("verb")[:1].isupper() and not sent.isupper()


def _binding(text: str, s: int, e: int, sent: str) -> Found | None:
    """"The Town Clerk undertook to make these changes for future reports": an undertaking whatever its verb
    (kept by prose.py only with a due time, as an assurance is)."""
    m = _searches(sent).search("binding")
    if m is None or re.search(r"\b(?:had|previously)\s+$", sent[: m.start()], re.I):
        return None
    if m.group("verb").lower() in cues()["binding_not_deeds"]:
        return None
    if _AS_PROMISED.search(sent[: m.start("cue")]):
        return None  # "..., as promised to the Panel in June": the earlier promise pointed back to
    cue = s + m.start("cue")
    what = f"{m.group('verb')}{m.group('rest')}".rstrip(" .")
    return Found(s, e, cue, what, (subject_start(text, s, cue), cue), 0.8, "assurance")


def _assurance(text: str, s: int, e: int, sent: str) -> Found | None:
    """"The Director gave an assurance that the backlog would be cleared by March": the giver's promise of
    the deed, whatever its verb (prose.py keeps it only with a due time). "had assured" is an earlier one."""
    m = _searches(sent).search("assurance")
    if m is None:
        return _binding(text, s, e, sent)
    if re.search(r"\b(?:had|previously)\s+$", sent[: m.start()], re.I):
        return None
    if _AS_PROMISED.search(sent[: m.start("cue")]):
        return None  # "..., as promised to the Panel in June": the earlier promise pointed back to, kept here
    verb = m.group("verb")
    if verb.lower() in cues()["assurance_not_deeds"] or _nothing(m.group("subj")):
        return None
    subject = re.sub(r"\s+", " ", m.group("subj")).strip(" ,")
    if m.group("be"):
        what = f"{lower_first(subject)} to be {verb}{m.group('rest')}"
    elif rx().pronoun.match(subject):
        what = f"{verb}{m.group('rest')}"
    else:
        what = f"{lower_first(subject)} to {verb}{m.group('rest')}"
    cue = s + m.start("cue")
    return Found(s, e, cue, what.rstrip(" ."), (subject_start(text, s, cue), cue), 0.8, "assurance")


# "as promised", "as had been promised", "as previously undertaken": a clause pointing back to a promise
_AS_PROMISED = re.compile(r"(?:^|[\s,(;])as\s+(?:(?:had\s+been|has\s+been|was|were|previously|already)\s+)?$",
                          re.I)


@cache
def _opinion_before() -> re.Pattern[str]:
    """An opinion verb governing the clause of a future: "Members suggested that this would ...": its
    "that" and the clause's subject (a few words) between them."""
    return re.compile(rf"\b{alt(cues()['opinions'])}\s+(?:that\s+)?(?:[\w'’-]+\s+){{0,8}}$", re.I)


# "would be considered by the Resource Allocation Sub (Policy and Resources) Committee": a body named in full
# as the agent is another one ("by this Sub Committee", "by the Committee" are the meeting's own)
_BY_NAMED_BODY = re.compile(
    r"\bby\s+the\s+(?-i:[A-Z])[\w&'’-]*(?:\s+(?:and|of|&|(?-i:[A-Z])[\w&'’-]*|\((?-i:[A-Z])[^)]{0,60}\)))*?\s+"
    r"(?-i:Committee|Sub-Committee|Sub Committee|Board|Panel|Forum)\b")


# "look at whether the figures could be broken down", "ascertain what could be done": a question inside what
# is to be looked at, whose hedge is not the promise's own
# the "and" that ends it opens a predicate of its own ("... could be done and would report back"), not a
# noun joined to another ("whether a review of rents and service charges could be added")
_WHETHER_CLAUSE = re.compile(r"\b(?:whether|what|how)\b.*?(?=\band\s+(?:(?:he|she|they|it|then)\s+)?"
                             r"(?:would|will|to|then)\b|[,;]|$)", re.I | re.S)


# "this would give no indication ...": what is handed over is nothing
_NOTHING_HANDED = re.compile(r"^[\w-]+(?:\s+(?:back|up|on|out|forward))?\s+(?:no|nothing|none)\b", re.I)


_WHEN_CLAUSE = re.compile(r"\s(?:before|after|once|ahead\s+of|prior\s+to)\s+(?:it|they|this|these|that)\b",
                          re.I)


# "would add to staff workload", "would add to the pressures on the service": "add to" a load is to increase
# it, a forecast; "add to the agenda" or "to the work programme" hands something over and stays a promise
_ADDS_TO_A_LOAD = re.compile(r"^add\s+to\s+(?:[\w'-]+\s+){0,2}(?:workloads?|pressures?|costs?|burdens?|"
                             r"demands?|"
                             r"delays?|backlogs?|confusion|risks?|strain)\b", re.I)


# "the Welsh Government had confirmed that funding would be provided": a government's or a department's own
# undertaking, reported to the meeting; the council promises nothing
_GOVERNMENT_SAYS = re.compile(
    r"\b(?:the\s+)?(?:(?:Scottish|Welsh|UK|Northern\s+Ireland)\s+(?:Government|Executive)|Government|"
    r"Department\s+(?:for|of)\s+[\w\s,&]{3,60}?|Treasury|Minister|ministers)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:confirmed|announced|indicated|stated|said|advised|agreed)\s+(?:on\s+[\w\s]{3,25}?\s+)?that\s+"
    r"(?:(?!\b(?:he|she|they|we|officers)\b)[^.;])*$", re.I)


def _names_own_body(hit: str, own_body: str | None) -> bool:
    """"to Cabinet" in Cabinet's own record: the body the ledger follows, not another one."""
    if not own_body:
        return False
    body = re.sub(r"(?i)^(?:by|to)\s+(?:the\s+)?(?:full\s+)?", "", hit).strip().lower()
    return bool(body) and body == own_body.strip().lower().removeprefix("the ")


def excluded(text: str, sent: str, f: Found, due: Due, clause: tuple[int, int],
             own_body: str | None = None) -> str | None:
    """Why a found promise is not a commitment, or None. `clause` is the promise's own clause; `own_body`
    the committee whose record it is (a promise to it is no other body's business)."""
    if sent.rstrip().endswith("?"):
        return "question"
    if _NOTHING_HANDED.match(f.text):
        return "nothing handed over"
    if _ADDS_TO_A_LOAD.match(f.text):
        return "a load increased, nothing handed over"
    head = text[f.start : f.cue]
    if f.form in ("future", "passive") and _opinion_before().search(text, max(clause[0], f.start), f.cue):
        return "an opinion, not a promise"
    asked = list(rx().question.finditer(head))
    if asked and not rx().answered.search(head, asked[-1].end()):
        return "question"
    if re.search(r"\bwhether\b", head, re.I) and f.form in ("passive", "future"):
        return "question"
    if hit := phrase_hit("not_commitments", sent):
        return f"not a promise ({hit.group(0)})"
    if f.form in ("future", "passive") and _GOVERNMENT_SAYS.search(text, max(clause[0], f.start - 300),
                                                                    f.cue):
        return "a government's undertaking, reported"
    own = re.sub(r"(?i)\bcabinet\s+member", "portfolio holder", f.text.split(",")[0])  # a person, not Cabinet
    # "bring the plan to the Panel's June meeting before it went to the Executive": when, not to whom
    own = _WHEN_CLAUSE.split(own, maxsplit=1)[0]
    if (hit := phrase_hit("other_bodies", own)) and not _names_own_body(hit.group(0), own_body):
        return f"another body's business ({hit.group(0)})"
    if hit := _BY_NAMED_BODY.search(own):
        return f"another body's business ({hit.group(0)})"
    if hit := phrase_hit("declined_requests", sent):
        # "... would not be possible; however, she would send a summary": the alternative offered is kept
        kept = ("undertaking", "future", "passive", "offer", "offer-passive")
        if not (f.start + hit.end() <= clause[0] and f.form in kept):
            return f"declined ({hit.group(0)})"
    if due.kind == "none":
        # "... could be given to X, and he would look into this for a future report": only the promise's own
        # clause says whether it is business as usual
        lead = clause[0]
        joins = list(_JOINED.finditer(text, clause[0], f.cue)) if f.cue > clause[0] else []
        if joins and len(text[joins[-1].end() : f.cue].split()) <= 6:
            lead = joins[-1].end()  # "..., and he would look into this": the promise's own predicate
        own_clause = text[lead : clause[1]] if clause[1] > lead else sent
        # a hedge inside what is to be looked at ("look at whether the figures could be broken down", "find
        # out what could be done") is not the promise's own
        hit = phrase_hit("business_as_usual", _WHETHER_CLAUSE.sub(" ", own_clause))
        own_modal = hit and text[f.cue : f.cue + len(hit.group(0))].lower() == hit.group(0).lower()
        if hit and not (f.form == "offer-passive" and own_modal):
            # (an offer in the passive, "could be provided to members", is not hedged by its own "could be")
            return f"business as usual ({hit.group(0)})"
        if hit := phrase_hit("current_meeting", text[f.cue : f.end]):
            return f"for the meeting itself ({hit.group(0)})"
        if f.form == "resolution" and _own_act().match(f.text) and not re.search(
                rf"\b(?:by|at)\s|{cues()['recipients']}", f.text[f.text.find(" "):], re.I):
            return "the meeting's own act"
    return None


@cache
def _own_act() -> re.Pattern[str]:
    """A decision's verb that is the meeting's own act ("consider the key issues in the report")."""
    return re.compile(rf"{alt(cues()['own_acts'])}\b", re.I)


def plan_not_promise(f: Found, due: Due) -> bool:
    """A future that hands nothing to the meeting: no communicating verb, deliverable, recipient or due."""
    if due.kind != "none" or f.form not in ("future", "passive"):
        return False
    c, what = cues(), f.text.strip()
    if _communicating().match(what):
        return False
    return not (rx().deliverable_noun.search(what) or re.search(c["recipients"], what, re.I))


def names_deliverable(sentence: str) -> bool:
    """Does the sentence name a deliverable verb or noun (so an action marker can make it an action)?"""
    return bool(rx().deliverable_verb.search(sentence) or rx().deliverable_noun.search(sentence))

"""Commitments minuted in prose: one promise form per sentence, or per clause of a decision.

The units are the text layer's sentences; a sentence that is part of a decision (a RESOLVED list, "The
Committee agreed: (i) ...; (ii) ...") is read clause by clause, because one decision sentence often holds
several. Action markers attach an owner to the sentence they follow: "(Action: Clerk)", "ACTION: KS",
"Action by: Head of Finance (J Smith)" on a line of its own; "ACTION: Clerk to send the slides ..."
is an action wherever it stands in a line. A request followed by its acceptance ("The Head of Early Help
agreed to do so") is one commitment owned by whoever accepted; a request followed by a refusal is none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache

from kg.extract.commitments import actors, forms
from kg.extract.commitments.due import Due, find_due
from kg.extract.commitments.forms import Found
from kg.extract.commitments.vocabulary import alt, cues, phrase_hit, rx
from kg.extract.commitments.wording import clean, lower_first, normalise, request_object
from kg.model import Extraction
from kg.text import TextView, worded_again

# ", which the Head of Housing agreed to do", "and the Director agreed to do so": a request accepted in its
# own sentence by the one named
_OWN_ACCEPTANCE = re.compile(
    r"(?:,\s*which|\band)\s+(?P<who>(?:the\s+)?(?-i:[A-Z])[^,;.]{1,80}?)\s+(?:agreed|undertook|offered)\s+"
    r"to\s+do(?:\s+so)?\b", re.I)


# "The Head of Parks agreed." after a request: accepted, in so many words
_BARE_AGREED = re.compile(r"^\s*(?:the\s+)?(?-i:[A-Z])[^,;.]{1,80}?\s+(?P<verb>agreed|concurred)\s*\.?\s*$",
                          re.I)
# "The Director agreed that the figures could be added": accepted, with what was asked for
_AGREED_THAT = re.compile(r"^\s*(?:the\s+)?(?-i:[A-Z])[^,;.]{1,80}?\s+(?P<verb>agreed|undertook)\s+that\b"
                          r"(?![^.;]*\bnot\b)", re.I)
# "circulate them", "circulate they after the meeting" (a passive's pronoun subject): what is promised is
# named only by the request before it
_PRONOUN_OBJECT = re.compile(r"^[a-z]+(?:\s+(?:back|out|round|on))?\s+(?:them|they|it|these|those)\b", re.I)


@cache
def _noting() -> re.Pattern[str]:
    """A sentence opening with a decision to note, receive or endorse something."""
    c = cues()
    return re.compile(rf"^[^.;]*?\b(?:(?:agreed|resolved|decided)\s+to\s+{alt(c['noting_verbs'])}|"
                      rf"{alt(c['noted_verbs'])})\s+(?:the|this|these|its)\b", re.I)


def _only_notes(sentence: str) -> bool:
    """Is the sentence a decision that only notes, receives or endorses a paper ("Members agreed to note the
    updated risk register"), with no request or further decision in it?"""
    m = _noting().match(sentence)
    return bool(m) and not re.search(r"\b(?:asked|requested|undertook|agreed|that|would|will|to\s+be)\b",
                                     sentence[m.end():], re.I)


# "circulate the breakdown": a thing named again by its noun (_Reader.requested_before)
_DEFINITE_OBJECT = re.compile(r"^[a-z]+(?:\s+(?:back|out|round|on))?\s+the\s+([a-z]{3,})\b", re.I)
_DONE_LATER = re.compile(r"\b(?:would|will)\s+(?:be\s+done|do\s+(?:so|this|that)|be\s+arranged)\b", re.I)
_CHAIR = re.compile(r"\s*the\s+(?:chair|chairman|chairperson|chairwoman|convener|convenor)\b", re.I)


# "Councillor X asked whether bus shelters could carry ... . The Head of Transport said he would look into
# this": what "this" stands for is what was asked in the sentence before
_ASKED = re.compile(r"\b(?:asked|queried|questioned|enquired|wondered)\s+(?:\w+\s+){0,4}?"
                    r"(?P<what>(?:whether|if)\s+[^.;?]+)", re.I)
_THIS = re.compile(r"^(?P<verb>[a-z]+(?:\s+(?:into|at))?)\s+(?:this|that|it|this\s+issue|this\s+matter|"
                   r"the\s+matter|the\s+suggestion|the\s+idea|the\s+point)\b", re.I)


def _answered(what: str, asked: str) -> str:
    """"explore this with partners" after "asked whether X": "explore whether X with partners"."""
    m = _THIS.match(what)
    return f"{m.group('verb')} {asked}{what[m.end():]}" if m else what


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    sentence: int
    decided: bool


@dataclass(frozen=True)
class Promise:
    """A commitment found in prose, before it becomes a CommitmentFact."""

    start: int
    end: int
    text: str
    actor: str | None
    due: Due
    confidence: float
    condition: str = ""


def _decided(x: Extraction, tv: TextView, i: int) -> bool:
    """Is sentence i part of a decision: inside a resolution the resolutions extractor found, opened by
    RESOLVED/AGREED/Decision, or a list item under such a lead-in ("The Committee agreed:")?"""
    s = tv.sentences[i]
    if any(r.span.start < s.end and s.start < r.span.end for r in x.resolutions):
        return True
    text = tv.flat
    if rx().decision.match(text[s.start : s.end]):
        return True
    if s.list_item is not None:
        for j in range(i - 1, max(-1, i - 12), -1):
            prev = tv.sentences[j]
            if prev.list_item is None:
                body = text[prev.start : prev.end]
                return body.rstrip().endswith((":", "-", "–", ":-")) and bool(rx().decision.match(body))
    return False


@cache
def _own_statement() -> re.Pattern[str]:
    """A clause that is a statement of its own, with its own impersonal subject ("and it was agreed that
    ..."): the clause breaks of kg/data/text.yaml that open so."""
    from kg.text.rules import rules

    opens = [w for w in rules()["clause_breaks"] if str(w).lower().startswith("and it was ")]
    return re.compile(r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in opens) + r")\b", re.I)


# "It was noted that the visit would be arranged by X and that the item would come back to the next meeting":
# a second reported statement with a subject and a future of its own (not "and that it would include ...")
_AND_THAT = re.compile(r"and\s+that\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){1,4}?(?:would|will)\s+"
                       r"(?:be\s+|now\s+)?\w+", re.I)


def units(x: Extraction, tv: TextView, skip: list[tuple[int, int]]) -> list[Unit]:
    out: list[Unit] = []
    for i, s in enumerate(tv.sentences):
        if s.kind == "heading" or any(a <= s.start < b for a, b in skip):
            continue
        if _decided(x, tv, i):
            out.extend(Unit(c.start, c.end, i, True) for c in tv.clauses_of(i))
        elif any(_own_statement().match(tv.flat, c.start, c.end) or _AND_THAT.match(tv.flat, c.start, c.end)
                 for c in tv.clauses_of(i)[1:]):
            # "... would include X and it was agreed that Y would be circulated": two statements, each read
            out.extend(Unit(c.start, c.end, i, False) for c in tv.clauses_of(i))
        else:
            out.append(Unit(s.start, s.end, i, False))
    return out


def _clause_of(tv: TextView, sentence: int, pos: int) -> tuple[int, int]:
    for c in tv.clauses_of(sentence):
        if c.start <= pos < c.end:
            return (c.start, c.end)
    s = tv.sentences[sentence]
    return (s.start, s.end)


def _actor(x: Extraction, tv: TextView, u: Unit, f: Found, text: str) -> tuple[str | None, Found]:
    """The actor of a found promise, and the promise (its text completed where the actor was the reporter
    of a future: "The Head of HR said that a deep dive would come to the next meeting"). `text` has the
    unit's conditions blanked, so a verb inside a condition never names the speaker."""
    region = f.actor_region
    start = tv.sentences[u.sentence].start
    if f.form in ("passive", "offer-passive") and region is not None:
        region = actors.reporter(text, start, region[0])
    actor = actors.resolve(x, text, tv, u.sentence, region)
    # (a condition opening the sentence is blanked in `text`: "If the grant came, a report would be ...")
    opens = f.actor_region is not None and not text[start : f.actor_region[0]].strip(" \t\n\xa0,;")
    if actor is None and f.form in ("passive", "offer-passive") and opens:
        # "The City Surveyor noted that the report was late. The report would be submitted in May.": a passive
        # future standing alone carries on the reported speech of the sentence before it
        actor = actors.previous_speaker(x, text, tv, u.sentence)
    if actor is None and f.form == "future" and f.actor_region:
        rep = actors.reporter(text, start, f.actor_region[0])
        subject = re.sub(r"\s+", " ", text[f.actor_region[0] : f.actor_region[1]]).strip(" ,")
        if rep:
            own = not (actors.is_pronoun(text, f.actor_region) or actors.coordinated(text, f.actor_region))
            # "The Head of Parks agreed that the survey would ask about ...": agreeing to a thing being
            # done is the agreer's promise, not a forecast
            agreed = bool(_BINDING_THAT.match(text, rep[1])) and bool(rx().deliverable_verb.match(f.text))
            if own and not actors.actor_in(x, *f.actor_region) and not _hands_over(subject, f.text) \
                    and not agreed:
                # "X said the new contract would bring grass cutting in-house": what a thing will do
                return None, replace(f, form="prediction")
            if 0 < len(subject) <= 80 and own:
                f = replace(f, text=f"{lower_first(subject)} to {f.text}")  # what comes, not just "come to"
            actor = actors.resolve(x, text, tv, u.sentence, rep)
    return actor, f


# "the review", "the audit": a piece of work named by its noun alone, not said of what
# "the strategy", "the refreshed strategy", "the pilot": a thing named by its noun, perhaps with one word
# before it (kg.extract.commitments.prose._Reader.named_fully_before); "the ... of the network" too
_SHORT_NAME = re.compile(r"\bthe\s+(?P<words>(?:[a-z][a-z-]+\s+)?[a-z][a-z-]{2,})\b"
                         r"(?!\s+(?:of|on|into|about)\b)"
                         r"(?=\s+(?:to|at|in|by|before|for|with|when|once|as)\b|\s*[,.;]|\s*$)")
_NOT_MODIFIERS = frozenset("""a an the of and or to in on at by for with from that which who this these
    those is are was were be been being has have had will would could should may might can its their his
    her our your it not no what when whether how why if as than then so such any all some each more most
    further""".split())
# nouns of time and procedure: "the next meeting" is no thing promised
_NOT_THINGS = frozenset("""meeting meetings committee time year month week quarter date end moment matter
    issue point position question request""".split())

_BARE_WORK = re.compile(r"\bthe\s+(review|audit|study|survey|consultation|evaluation|investigation|inquiry|"
                        r"exercise|pilot|analysis|assessment)\b(?!\s+(?:of|into|on|for|in)\b)", re.I)
_OWNER_DASH = re.compile(r"[ \t]+[-–][ \t]+")
_BINDING_THAT = re.compile(r"(?:agreed|undertook|promised)\s+that\b", re.I)


def _outcome(what: str) -> bool:
    """"deliver savings of £2m": an outcome verb (commitment_cues.yaml: outcome_verbs) without one of the
    things it hands over as its object."""
    first, _, rest = what.strip().partition(" ")
    things = cues()["outcome_verbs"].get(first.lower())
    return things is not None and not re.search(rf"\b(?:{alt(things)})\b", rest, re.I)


def _hands_over(subject: str, what: str) -> bool:
    """Does a future hand something to the meeting: a deliverable as its subject or its object, a recipient
    ("... to Members") or a meeting it comes to ("a deep dive would come to the next meeting")?"""
    return bool(rx().deliverable_noun.search(subject) or rx().deliverable_noun.search(what)
                or re.search(cues()["recipients"], what, re.I) or find_due(what, None).kind != "none")


def _named_owner(x: Extraction, text: str, region: tuple[int, int] | None) -> bool:
    """An action note's owner ("Officers", "The Head of Finance") is a post, a person or a known owner word,
    and nothing more: "Councillor Lee went on to ..." is narrative, not a note."""
    if region is None:
        return False
    words = re.sub(r"\s+", " ", text[region[0] : region[1]]).strip(" ,").lower()
    if words in {w.lower() for w in cues()["action_owners"]}:
        return True
    from kg.extract import people

    keys = {p.key for p in x.people} | {p.key for p in x.posts}
    for m in people.of(x).mentions:
        if m.key in keys and m.start <= region[0] + 4 and m.end >= region[1] - 1:
            return True
    return False


def _condition(text: str, spans: list[tuple[int, int]]) -> str:
    return clean(text[spans[0][0] : spans[0][1]]) if spans else ""


@dataclass
class _Reader:
    """One pass over a document's units, collecting promises and notes on what was left out and why."""

    x: Extraction
    tv: TextView
    ref: dt.date | None
    units: list[Unit]
    found: list[Promise] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def add(self, p: Promise) -> None:
        if any(q.start < p.end and p.start < q.end for q in self.found):
            return
        if any(self._repeats(p, q) for q in self.found):
            return  # a ModernGov page's "Minutes" repeating its "Decision": one promise
        self.found.append(p)

    def _repeats(self, p: Promise, q: Promise) -> bool:
        """The same long promise worded again in the same agenda item."""
        text = self.tv.flat
        a, b = text[p.start : p.end], text[q.start : q.end]
        return self.tv.item_at(p.start) == self.tv.item_at(q.start) and worded_again(a, b)

    def line_action(self, u: Unit) -> bool:
        """'ACTION: Clerk to send the slides to Members by 30 June', wherever it stands in the line."""
        text = self.tv.flat
        line = rx().line_action.search(text, u.start, u.end)
        if not line:
            return False
        owner, what_at, verb = line.span("owner"), line.start("what"), line.group("what").strip()
        if verb.lower().startswith("be ") and (dash := _OWNER_DASH.search(text, *owner)):
            # "Action: Head of Revenues - a review of the policy to be brought to ...": the owner, a dash,
            # then what is to be done, in the passive
            owner, what_at, verb = (owner[0], dash.start()), dash.end(), verb[3:].lstrip()
        if not rx().deliverable_verb.match(verb):
            return False
        spans = forms.conditions(text, what_at, u.end)
        what = forms.masked(text, what_at, u.end, spans)
        actor = actors.actor_in(self.x, *owner)
        due = find_due(what, self.ref)
        if line.group("cond"):  # "Action: subject to X, Clerk to ...": the condition before the owner
            spans = [line.span("cond"), *spans]
        p = Promise(u.start, u.end, clean(what), actor, due, 0.9, _condition(text, spans))
        if self.found and self._restated(self.found[-1], p):
            self.found.pop()  # "X agreed to hold a workshop. Action: X to hold a workshop on Y by ...": one
        self.add(p)
        return True

    def _restated(self, q: Promise, p: Promise) -> bool:
        """An action line straight after the sentence promising it, by the same owner with the same verb,
        restates that promise in the form the minutes track (its owner, what and when)."""
        text = self.tv.flat
        return (not text[q.end : p.start].strip() and self.tv.item_at(q.start) == self.tv.item_at(p.start)
                and q.actor == p.actor and q.actor is not None and q.due.kind == "none"
                and q.text.split()[:1] == p.text.split()[:1])

    def marker(self, u: Unit, m: re.Match[str], prev: Unit) -> None:
        """A marker standing alone ('(Action: Clerk)', 'Action by: Head of Finance (J Smith)', 'ACTION: KS')
        names the owner of the sentence before it, or makes that sentence an action."""
        text = self.tv.flat
        owner = actors.actor_in(self.x, u.start + m.start("owner"), u.start + m.end("owner"))
        if self.found and self.found[-1].end == prev.end:
            last = self.found[-1]
            confidence = max(last.confidence, 0.85)
            self.found[-1] = replace(last, end=u.end, actor=last.actor or owner, confidence=confidence)
        elif forms.names_deliverable(body := text[prev.start : prev.end]) and not _only_notes(body):
            f = forms.find(text, prev.start, prev.end, body, prev.decided)
            due = find_due(body, self.ref)
            self.add(Promise(prev.start, u.end, clean(f.text if f else body), owner, due, 0.85))
        else:
            self.notes.append(f"action marker at {u.start} follows no deliverable")

    def accepted(self, k: int, u: Unit, f: Found) -> tuple[Unit, Found] | None:
        """A request and the sentence after it: declined (None), accepted (one commitment owned by whoever
        accepted), or neither (the request as it was). An acceptance may close the request's own sentence:
        "Members requested that the figures be circulated, which the Head of Housing agreed to do"."""
        if not f.request:
            return u, f
        text = self.tv.flat
        if own := _OWN_ACCEPTANCE.search(text, f.cue, u.end):
            region = (own.start("who"), own.end("who"))
            in_text = _OWN_ACCEPTANCE.search(f.text)
            what = f.text[: in_text.start()].rstrip(" ,;") if in_text else f.text
            return u, replace(f, text=what or f.text, actor_region=region, request=False, form="undertaking",
                              confidence=0.85)
        if k + 1 >= len(self.units):
            return u, f
        nxt = self.units[k + 1]
        nxt_text = text[nxt.start : nxt.end]
        if phrase_hit("declined_requests", nxt_text):
            self.notes.append(f"request at {u.start} declined in the next sentence")
            self.used.add(k + 1)
            return None
        same_item = self.tv.item_at(nxt.start) == self.tv.item_at(u.start)
        bare = (_BARE_AGREED.match(nxt_text) or _AGREED_THAT.match(nxt_text)) if same_item else None
        if (m := rx().acceptance.search(nxt_text)) or bare:
            at = nxt.start + (m.start() if m else bare.start("verb"))
            region = (actors.subject_start(text, nxt.start, at), at)
            f = replace(f, end=nxt.end, actor_region=region, request=False, form="undertaking")
            f = replace(f, confidence=0.85)
            self.used.add(k + 1)
            u = replace(u, sentence=self.tv.sentence_at(nxt.start) or u.sentence)
        elif same_item and (said := self.answered_otherwise(nxt)) is not None:
            own = self.promise_in(nxt)
            if own is None and not _DONE_LATER.search(nxt_text):
                # "Councillor X asked that ... . The Director said monthly reporting would divert analysts":
                # answered, not accepted
                self.notes.append(f"request at {u.start} answered in the next sentence without acceptance")
                return None
            if own is not None and not _THIS.match(own.text) and not _PRONOUN_OBJECT.match(own.text):
                # "... . Mr X undertook to provide a breakdown of ... by estate": the answer's own promise,
                # in its own words, is the commitment
                self.notes.append(f"request at {u.start} answered by a promise of its own")
                return None
            # "... . The Director said that they would be circulated after the meeting" / "that this would be
            # done by Friday": accepted by the one who answered; the request says what
            f = replace(f, end=nxt.end, actor_region=said, request=False, form="undertaking", confidence=0.85)
            self.used.add(k + 1)
            u = replace(u, sentence=self.tv.sentence_at(nxt.start) or u.sentence)
        return u, f

    def promise_in(self, nxt: Unit) -> Found | None:
        """The promise form the answer holds itself, if any."""
        text = self.tv.flat
        return forms.find(text, nxt.start, nxt.end, text[nxt.start:nxt.end], False)

    def answered_otherwise(self, nxt: Unit) -> tuple[int, int] | None:
        """The subject of the unit when it opens with a named person or post (or the Chair) reporting
        something, an answer; else None."""
        text = self.tv.flat
        m = rx().reporting.search(text, nxt.start, nxt.end)
        if m is None or text[nxt.start:m.start()].rstrip().endswith(("that", ",")):
            return None
        subject = (nxt.start, m.start())
        if not text[subject[0]:subject[1]].strip() or len(text[subject[0]:subject[1]]) > 90:
            return None
        from kg.extract.posts import find_titles

        named = _CHAIR.match(text, nxt.start) or actors.actor_in(self.x, *subject, strict=True) \
            or find_titles(text[subject[0]:subject[1]])  # "The Director", a post whether named in full or not
        return subject if named else None

    def named_before(self, u: Unit, what: str) -> str:
        """"An audit of X had begun. He would bring its findings ... of the audit ...": "the audit" is the one
        the sentence before names, so the promise says which ("... of the audit of X ...")."""
        m = _BARE_WORK.search(what)
        here = self.tv.sentences[u.sentence]
        if m is None or u.sentence == 0 or self.tv.sentences[u.sentence - 1].paragraph != here.paragraph:
            return what
        prev = self.tv.sentences[u.sentence - 1]
        named = re.search(rf"\b(?:a|an|the)\s+(?:[\w-]+\s+)?{m.group(1)}\s+"
                          r"(?P<of>(?:of|into|on)\s+[^,.;:()]{3,80}?)"
                          r"(?=\s+(?:was|were|is|are|had|has|have|would|will|being|been)\b|[,.;]|$)",
                          self.tv.flat[prev.start : prev.end], re.I)
        if named is None:
            return what
        return f"{what[: m.end()]} {' '.join(named.group('of').split())}{what[m.end():]}"

    def named_fully_before(self, u: Unit, what: str) -> str:
        """"A member asked whether the draft Play Area Strategy was ready. The Parks Manager said he would
        bring the draft strategy ...": a thing named again by its noun alone ("the strategy", "the draft
        strategy") is the one a sentence before in the same paragraph named in full, so the promise says which
        ("the draft Play Area Strategy"). Only a fuller name holding the short one's words in order and one to
        three more words (no function words) counts, and only when those sentences name one such thing: two
        ("the contractor's report ... the Gateway report") leave the promise as it is."""
        here = self.tv.sentences[u.sentence]
        before = [self.tv.sentences[i] for i in range(max(0, u.sentence - 2), u.sentence)
                  if self.tv.sentences[i].paragraph == here.paragraph]
        if not before:
            return what
        for m in _SHORT_NAME.finditer(what):
            words = m.group("words").split()
            if words[-1].lower() in _NOT_THINGS:
                continue
            full_rx = re.compile(rf"(?=\b(?:the|a|an|its|their)\s+(?P<name>(?:[A-Za-z0-9][\w'’-]*\s+){{1,4}}?"
                                 rf"{re.escape(words[-1])})\b)", re.I)
            names: dict[str, str] = {}
            for prev in before:
                for full in full_rx.finditer(self.tv.flat[prev.start : prev.end]):
                    name = full.group("name").split()
                    if not 1 <= len(name) - len(words) <= 3 or \
                            any(w.lower() in _NOT_MODIFIERS for w in name[:-1]):
                        continue
                    low = [w.lower() for w in name]
                    at = 0
                    for w in words[:-1]:  # the short name's modifiers, in order, among the full name's
                        at = low.index(w.lower(), at) + 1 if w.lower() in low[at:] else -1
                        if at < 0:
                            break
                    if at >= 0:
                        names.setdefault(" ".join(low), " ".join(name))
            if len(names) == 1:
                found = next(iter(names.values()))
                return f"{what[: m.start('words')]}{found}{what[m.end('words'):]}"
        return what

    def asked_before(self, u: Unit) -> str | None:
        """What the sentence before `u`, in the same agenda item, asked ("asked whether X" -> "whether X")."""
        s = u.sentence
        if s < 1 or self.tv.item_at(self.tv.sentences[s - 1].start) != self.tv.item_at(u.start):
            return None
        prev = self.tv.sentences[s - 1]
        m = _ASKED.search(self.tv.flat, prev.start, prev.end)
        if not m:
            return None
        asked = re.sub(r"\s+", " ", m.group("what")).strip(" .?")
        return re.sub(r"^if\b", "whether", asked) if 3 <= len(asked.split()) <= 30 else None

    def promise(self, k: int, u: Unit, inline: re.Match[str] | None) -> None:
        """The promise form of one unit, checked against every reason it may be no promise."""
        text, x = self.tv.flat, self.x
        sent = text[u.start : u.end]
        is_report = (x.doc.meta.doc_type or "") == "report"
        spans = forms.conditions(text, u.start, u.end)
        sent_masked = forms.masked(text, u.start, u.end, spans)
        f = forms.find(text, u.start, u.end, sent_masked, u.decided)
        if f is None and inline:
            # "Members asked for the slides (Action: Clerk)" inside one sentence: the marker makes an action
            body = sent[: inline.start()].strip()
            # an action on a request: to provide what was asked for
            if asked := re.search(r"\b(?:asked|requested)\s+(?:for\s+)?(?P<obj>\S.*)$", body, re.I):
                body = f"provide {asked.group('obj')}"
            if body:
                f = Found(u.start, u.end, u.start, body, None, 0.85, "action")
        if f is None or (f.form == "note" and not _named_owner(x, text, f.actor_region)):
            return
        if _outcome(f.text):
            self.notes.append(f"commitment skipped at {u.start}: what a scheme achieves, nothing delivered")
            return
        due = find_due(forms.masked(text, f.cue, f.end, spans), self.ref)
        if due.kind == "none":
            due = find_due(sent_masked, self.ref)
        if f.form == "assurance" and (due.kind == "none" or (due.kind == "date" and due.date is None)):
            self.notes.append(f"commitment skipped at {u.start}: an assurance with no due time")
            return
        clause = _clause_of(self.tv, u.sentence, f.cue)
        # (the committee whose record it is: the sidecar's, else the one its heading names)
        own_body = x.doc.meta.committee or (x.committee.name if x.committee else None)
        why = forms.excluded(text, sent, f, due, clause, own_body)
        if why and f.form != "action" and not inline:
            self.notes.append(f"commitment skipped at {u.start}: {why}")
            return
        if forms.plan_not_promise(f, due) and not inline:
            if is_report:
                self.notes.append(f"commitment skipped at {u.start}: a plan in a report, not a promise")
                return
            f = replace(f, confidence=min(f.confidence, 0.5))  # doubtful: kept, flagged by its confidence
        obj = request_object(sent)
        if (step := self.accepted(k, u, f)) is None:
            return
        u, f = step
        if due.kind == "none" and f.end > u.end:  # accepted in the next sentence: "... by Friday"
            due = find_due(forms.masked(text, u.end, f.end, []), self.ref)
        blanked = text if not spans else text[: u.start] + sent_masked + text[u.end :]
        actor, f = _actor(x, self.tv, u, f, blanked)
        if f.form == "prediction":
            self.notes.append(f"commitment skipped at {u.start}: what a thing will do, handed to no one")
            return
        if inline:
            marked = actors.actor_in(x, u.start + inline.start("owner"), u.start + inline.end("owner"))
            actor, f = marked or actor, replace(f, confidence=max(f.confidence, 0.85))
        if is_report and actor is None and f.form in ("future", "passive", "offer-passive") and not re.search(
            cues()["recipients"], f.text, re.I
        ):
            self.notes.append(f"commitment skipped at {u.start}: a plan in a report, handed to no one")
            return
        what = normalise(f.text, obj)
        if obj is None and (asked := self.asked_before(u)):
            what = _answered(what, asked)
        what = self.named_before(u, what)
        what = self.named_fully_before(u, what)
        if len(what.split()) < 2:  # "..., which the Board has agreed to share": the verb alone, its object
            self.notes.append(f"commitment skipped at {u.start}: nothing named to deliver")  # before it
            return
        start = self.requested_before(u, f) if obj is None else None
        self.add(Promise(start if start is not None else f.start, f.end, what, actor, due, f.confidence,
                         _condition(text, spans)))

    def requested_before(self, u: Unit, f: Found) -> int | None:
        """Where the request starts that the promise's "the N" answers, the sentence before in the same item
        asking for "a N" ("Councillor X requested a breakdown by ward. The Director would circulate the
        breakdown ..."): the evidence then shows what was asked for. None when there is none, or it is a
        promise of its own."""
        s = u.sentence
        m = _DEFINITE_OBJECT.match(f.text)
        if m is None or s < 1 or f.start != u.start:
            return None
        prev = self.tv.sentences[s - 1]
        if self.tv.item_at(prev.start) != self.tv.item_at(u.start) or prev.kind == "heading" \
                or any(q.start < u.start and prev.start < q.end for q in self.found):
            return None
        noun = re.escape(m.group(1))
        asked = re.search(rf"\b(?:requested|asked\s+for|sought|called\s+for)\s+(?:a|an)\s+"
                          rf"(?:[\w-]+\s+)?{noun}\b", self.tv.flat[prev.start:prev.end], re.I)
        return prev.start if asked else None


def promises(
    x: Extraction, tv: TextView, ref: dt.date | None, skip: list[tuple[int, int]]
) -> tuple[list[Promise], list[str]]:
    """Every promise in the prose of the document, and notes on what was left out and why."""
    text, r = tv.flat, rx()
    reader = _Reader(x, tv, ref, units(x, tv, skip))
    for k, u in enumerate(reader.units):
        if k in reader.used or reader.line_action(u):
            continue
        sent = text[u.start : u.end]
        by = r.by_action.search(sent)
        inline = r.inline_action.search(sent) or (by if by and sent[: by.start()].strip() else None)
        alone = by if by and not sent[: by.start()].strip() else None
        if alone is None and inline is not None and not sent[: inline.start()].strip():
            alone = inline
        if alone is not None and k > 0:
            reader.marker(u, alone, reader.units[k - 1])
            continue
        reader.promise(k, u, inline)
    return sorted(reader.found, key=lambda p: p.start), reader.notes

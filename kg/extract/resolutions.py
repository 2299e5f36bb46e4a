"""Extract resolutions: what the meeting decided, each numbered or lettered part separately.

Read from the text layer's units (`tv.sentences`, `tv.list_items`, `tv.clauses`, `tv.items`); the cue
phrases live in kg/extract/patterns/resolutions.yaml. The forms:

- a cue opening a sentence: "RESOLVED – That ...", "Resolved: that ...", "AGREED that ...", "RESOLVED by
  assent that ...", "RESOLVED, subject to ..., that ...", bilingual "PENDERFYNWYD / RESOLVED: ...";
- a cue on a line of its own ("RESOLVED:", a Scottish "Decision", a decision notice's "Decision:") or a
  lead-in ("The Committee agreed:-") followed by "That ..."/"To ..." paragraphs or a (nested) list;
- a capitalised cue inside a sentence ("Following discussion it was RESOLVED that ...");
- the meeting deciding in prose: "The Committee resolved to ...", "The Panel agreed the work programme";
- an item-closing "The Committee noted the <paper>"; minutes "confirmed as a correct record"; a passive
  "The report was noted";
- in minutes, a bare "That the report be noted." paragraph (some clerks drop the cue).

Every numbered or lettered part is its own resolution, and none runs past its agenda item. Only minutes and
decision notices record decisions: a report's or an agenda's recommendations are proposals.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cache

from kg.extract.nlp import vocabulary
from kg.model import Extraction, ResolutionFact, Span
from kg.text import Sentence, TextView, view, worded_again
from kg.text.rules import list_marker_res

_RECORD_TYPES = ("minutes", "decision")


@cache
def _vocab() -> dict:
    return vocabulary("resolutions")


def _alt(words: list[str]) -> str:
    """A regex alternation of phrases, longest first; a space matches any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_THAT = r"(?:that|t\s?h\s?a\s?t)\b"
# "That is why ...", "That was ...": a demonstrative, not a decision's "That"
_DEMONSTRATIVE = re.compile(r"that\s+(?:is|was|were|would|had|has|being|said|meant|means)\b", re.I)
_SEP = r"[ \t\xa0]*[:\-–—]+[ \t\xa0]*"
# A capitalised cue straight before the decision's subject: "RESOLVED the analysis ... be noted."
# A noting labelled in capitals at the start of a line, as Northern Irish minutes record one beside "AGREED:"
_NOTED_LABEL = re.compile(r"NOTED[ \t\xa0]*[:\-–—]+[ \t\xa0]*(\S.*)", re.S)
_CAPITAL_CUE = re.compile(r"(?:RESOLVED|AGREED|DECIDED)\s+(?=(?:the|a|an|this|these|its|all)\s)")


@cache
def _lead_re() -> re.Pattern[str]:
    """A cue opening the sentence: `label` when it stands alone, else `body` after a separator, or
    `vbody` after a verb cue that takes "that"/"to"/a condition straight after it ("Resolved that ...",
    "RESOLVED, subject to ..., that ...")."""
    v = _vocab()
    cue = f"(?:{_alt(v['verb_cues'])}|{_alt(v['noun_cues'])})"
    before = f"(?:(?:{_alt(v['cue_qualifiers_before'])})\\s+)?"
    after = _after()
    condition = r"\s*,\s*(?=subject\b|having\b|following\b|in\s+accordance\b|after\b)"
    return re.compile(
        rf"^{before}(?P<cue>{cue})(?:\s*/\s*{cue})*{after}"
        rf"(?:(?P<label>[ \t\xa0]*[:\-–—.]*[ \t\xa0]*$)"
        rf"|{_SEP}(?P<body>\S.*)"
        rf"|(?P<vbody>(?:{condition}|\s+(?={_THAT}|to\b|\()).*))$",
        re.I | re.S,
    )


def _after() -> str:
    """Qualifiers after a cue: "RESOLVED by assent", "Resolved (unanimously)", "RESOLVED (by 7 votes to 2)";
    a bracket holding a list marker ("Resolved (a) that ...") is the first part, not a qualifier."""
    words = _alt(_vocab()["cue_qualifiers_after"])
    return rf"(?:\s+(?:{words})|\s*\((?![ivx]{{1,5}}\)|[a-z]\)|\d{{1,2}}\))[^()\n]{{1,60}}\))*"


@cache
def _verb_cue_re() -> re.Pattern[str]:
    v = _vocab()
    before = f"(?:(?:{_alt(v['cue_qualifiers_before'])})\\s+)?"
    after = _after()
    cue = f"(?:{_alt(v['verb_cues'])}|{_alt(v['noun_cues'])})"
    return re.compile(rf"^{before}(?:{cue}\s*/\s*)*(?:{_alt(v['verb_cues'])}){after}", re.I)


@cache
def _inline_re() -> re.Pattern[str]:
    """A capitalised cue inside a sentence, or "..., seconded by ... and Resolved: that ..." (NI: "On the
    proposal of X, seconded by Y, it was agreed that ..."; "X proposed, Y seconded and Members agreed to
    ...")."""
    v = _vocab()
    after = f"(?:\\s+(?i:{_alt(v['cue_qualifiers_after'])}))?"
    return re.compile(
        rf"(?:\b(?:{'|'.join(v['inline_cues'])})\b|(?i:\bseconded\b.*?(?:\band|,)\s+"
        rf"(?:it\s+was\s+|(?:the\s+)?(?:{_alt(v['bodies'])})\s+)?(?:resolved|agreed)\b)){after}"
        rf"(?:{_SEP}|\s+(?=(?i:{_THAT}|to\b)|\())"
    )


@cache
def _subject_re() -> re.Pattern[str]:
    """The meeting deciding: "[Following discussion,] the Committee [then] agreed|resolved|approved ..."."""
    v = _vocab()
    verbs = _alt(sorted(set(v["body_verbs"]) | set(v["object_verbs"])))
    return re.compile(
        rf"^(?:(?:{_alt(v['lead_ins'])}),?\s+)?(?:(?:the|this)\s+)?(?:{_alt(v['bodies'])})\s+"
        rf"(?:(?:then|therefore|also|further|thereafter|unanimously|accordingly|formally)\s+)*"
        rf"(?P<verb>{verbs})\b(?P<rest>.*)$",
        re.I | re.S,
    )


@cache
def _body_label_re() -> re.Pattern[str]:
    """The meeting named alone over its decisions: "The Committee:-", "The Audit and Scrutiny Committee:"
    (a Scottish or English clerk's lead-in to a numbered list of "Noted ..."/"Agreed ..." parts); "That the
    Select Committee:" is a decision's own lead-in, read with its parts. A decision notice's body may say
    what it had before it first: "Cabinet, having considered the Director's report:"."""
    return re.compile(
        rf"^(?:the\s+)?(?:(?-i:[A-Z])[\w&,'’-]*\s+(?:(?:and|of|&)\s+)?){{0,5}}(?:{_alt(_vocab()['bodies'])})"
        rf"(?:,[ \t\xa0]+having[ \t\xa0]+[^:;\n]{{1,200}}?)?[ \t\xa0]*[:\-–—]+[ \t\xa0]*$",
        re.I,
    )


@cache
def _noted_re() -> re.Pattern[str]:
    v = _vocab()
    return re.compile(
        rf"^(?:(?:{_alt(v['lead_ins'])}),?\s+)?(?:(?:the|this)\s+)?(?:{_alt(v['bodies'])})\s+(?:also\s+)?"
        rf"(?:{_alt(v['noted_verbs'])})\s+(?P<obj>.*)$",
        re.I | re.S,
    )


@cache
def _passive_re() -> re.Pattern[str]:
    v = _vocab()
    return re.compile(
        rf"^(?P<subj>(?:the|this|these|its)\s+.{{1,200}}?)\s+(?:was|were)\s+"
        rf"(?:(?:duly|formally|unanimously|then)\s+)?(?:{_alt(v['passive_verbs'])})\b(?P<rest>.*)$",
        re.I | re.S,
    )


@cache
def _passive_minutes_re() -> re.Pattern[str]:
    """"Minutes of the last meeting were agreed as a correct record": minutes need no article."""
    return re.compile(
        rf"^(?P<subj>minutes?\b.{{0,200}}?)\s+(?:was|were)\s+(?:(?:duly|formally|unanimously|then)\s+)?"
        rf"(?:{_alt(_vocab()['passive_verbs'])})\b(?P<rest>.*)$",
        re.I | re.S,
    )


@cache
def _bare_re() -> re.Pattern[str]:
    return re.compile(rf"^{_THAT}.*?\bbe\s+(?:\w+\s+)?(?:{_alt(_vocab()['decision_verbs'])})\b", re.I | re.S)


@cache
def _opening_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alt(_vocab()['body_openings'])})\b", re.I)


@cache
def _not_heading_re() -> re.Pattern[str]:
    return re.compile(rf"^[\s\d.()a-z]{{0,6}}(?:{_alt(_vocab()['not_resolution_headings'])})\b", re.I)


@cache
def _recommend_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(_vocab()['recommendation_lead_ins'])})\b", re.I)


@cache
def _record_title_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"^[ \t\xa0]*(?:" + p + ")", re.I) for p in _vocab()["record_titles"])


@cache
def _agenda_title_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"^[ \t\xa0]*(?:" + p + ")", re.I) for p in _vocab()["agenda_titles"])


@cache
@cache
def _bare_decision_re() -> re.Pattern[str]:
    words = sorted(_vocab()["bare_decisions"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s*\.?\s*$")


def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _vocab()[key])


_WORD = re.compile(r"[\w'’-]+")

def _head_has_paper(phrase: str) -> bool:
    """Does the noun phrase, up to its first preposition or clause word, name a paper ("the Quarter 2
    performance summary", "the Cabinet decision of ...", "the minutes of the meeting held on ...")?"""
    words = []
    for w in _WORD.findall(phrase.split(",")[0].split("(")[0]):
        if w.lower() in _words("head_stops"):
            break
        words.append(w.lower())
    papers = _words("noted_objects")
    return any(w in papers for w in words) or any(
        f"{a} {b}" in papers for a, b in zip(words, words[1:], strict=False))


def _introduces(phrase: str) -> bool:
    """"noted the report of the Director, which set out ...": an item's opening account of a paper."""
    return bool(re.search(rf"\b(?:{_alt(_vocab()['introducing'])})\b", phrase, re.I))


def _is_subjunctive(clause: str) -> bool:
    """A "that"-clause of a decision ("that the report be noted"), not of narrative ("that it was good")."""
    words = [w.lower() for w in _WORD.findall(clause)]
    if words and words[0] in _words("subordinators"):
        # "that since X had planned to attend in December, Y should be invited": the reason given first is
        # narrative; the decision is the modal after it
        return any(w in _words("decision_modals") for w in words)
    for w in words:
        if w in _words("decision_modals"):
            return True
        if w in _words("narrative_verbs"):
            return False
    return True


def _records_decisions(x: Extraction, tv: TextView) -> bool:
    """Minutes and decision notices record decisions; reports, agendas and logs do not. A document without a
    doc_type is judged by a record title ("Minutes of the meeting ...", "Record of Decision") near its top."""
    kind = x.doc.meta.doc_type
    if kind:
        return kind in _RECORD_TYPES
    seen = 0
    for line in tv.lines:
        if line.blank or line.furniture:
            continue
        seen += 1
        if seen > 40:
            break
        body = tv.text[line.start:line.end]
        if any(p.match(body) for p in _agenda_title_res()):
            return False  # a summons or agenda, whose pack may carry last meeting's minutes
        if any(p.match(body) for p in _record_title_res()):
            return True
    text = tv.text
    narrative = any(re.search(p, text, re.I) for p in _vocab()["minute_narrative"])
    labelled = any(re.match(r"[ \t\xa0]*(?:" + p + ")", text[ln.start:ln.end], re.I)
                   for ln in tv.lines if not ln.blank for p in _vocab()["decision_labels"])
    return narrative and labelled


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n\xa0:–—-;,":
        s += 1
    while True:
        while e > s and text[e - 1] in " \t\n\xa0;,":
            e -= 1
        tail = text[max(s, e - 4):e]
        if tail.lower() in (" and", "and") and e - s > 4:
            e -= 3
        elif tail.lower().endswith(" or") and e - s > 3:
            e -= 2
        else:
            return s, e


def _marker_at(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """A list marker ("(a)", "(ii)", "2)", "1.") opening text[pos:end], with the body's start."""
    for kind, pattern in list_marker_res():
        if kind == "bullet":
            continue
        if (m := pattern.match(text, pos, end)) and m.end() < end:
            return text[pos:m.end()].strip(), m.end()
    return None


class _Collector:
    def __init__(self, tv: TextView) -> None:
        self.tv = tv
        self.text = tv.text
        self.found: list[ResolutionFact] = []
        self.taken: set[int] = set()  # start offsets already given to a resolution
        self.clause_starts = [c.start for c in tv.clauses]
        self.bodies: list[tuple[str, object, str]] = []  # (number, agenda item, words) of each decision

    def add(self, s: int, e: int, number: str = "", lead: str = "", whole: bool = False) -> None:
        """One resolution over [s, e), split into its parts where clauses open with their own marker
        ("(i) that the report be received; and (ii) that ..."). `whole`: a sentence that is a decision in
        itself, kept even when it ends in a colon over the conditions it lists ("The minutes were approved,
        with these changes:"); a lead-in ending in a colon is not one."""
        s, e = _trim(self.text, s, e)
        if e <= s:
            return
        parts: list[tuple[str, int, int]] = []
        that = re.match(r"that\s+", self.text[s:e], re.I)
        if that and not number and _marker_at(self.text, s + that.end(), e):
            # "That (i) the report be noted; (ii) ...": each part reads "That ..."
            lead, s = _join(lead, self.text[s:s + 4]), s + that.end()
        if (m := _marker_at(self.text, s, e)) and not number:
            number, s = m[0], m[1]
        starts: list[tuple[int, str, int]] = []
        for k in range(bisect_right(self.clause_starts, s), bisect_left(self.clause_starts, e)):
            c = self.tv.clauses[k]
            if s < c.start < e:
                pos = c.start
                if (conj := re.match(r"(?:and|or)\s+", self.text[pos:e])):
                    pos += conj.end()
                if (m := _marker_at(self.text, pos, e)):
                    starts.append((c.start, m[0], m[1]))
        if starts:
            parts.append((number, s, starts[0][0]))
            for (_cut, mark, body), nxt in zip(starts, [*starts[1:], None], strict=True):
                parts.append((mark, body, nxt[0] if nxt else e))
        else:
            parts.append((number, s, e))
        for num, a, b in parts:
            a, b = _trim(self.text, a, b)
            body = re.sub(r"\s+", " ", self.text[a:b]).strip()
            listed = body.endswith(":") and not (whole and _SUBJECT_TO.search(body))
            short = len(body) < 8 and not (whole and _bare_decision_re().match(body))  # ("Noted." is one)
            if short or a in self.taken or listed:
                continue
            self.taken.add(a)
            item = self.tv.item_at(a)
            # (two decisions about different dates or numbers are two: the minutes of 24 May and of 28 June)
            if any(n == num and it == item and worded_again(body, b)
                   and _DIGITS.findall(body) == _DIGITS.findall(b) for n, it, b in self.bodies):
                continue  # a ModernGov page's "Minutes" repeating its "Decision" (or the reverse)
            self.bodies.append((num, item, body))
            full = _join(lead, body)
            self.found.append(ResolutionFact(f"resolution:{a}", full, Span.of(self.text, a, b), num))


_DIGITS = re.compile(r"\d+")
# nothing but a point's number before a sentence on its line: "2.4 ", "(b) ", "3. "
_POINT_NUMBER = re.compile(r"[ \t\xa0]*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]?[ \t\xa0]+)?")
_SUBJECT_TO = re.compile(r",\s*subject\s+to\s+(?:the\s+)?following\b[^:]*:$", re.I)


def _join(lead: str, body: str) -> str:
    """A nested part read with its lead-in: "That the Panel recommends to Cabinet that" + "the plan be
    approved"; a lead-in naming a list keeps its colon ("To approve the following reductions: ...")."""
    if not lead:
        return body
    last = lead.split()[-1].lower()
    verbs = _words("body_verbs") | _words("verb_cues") | {"that", "to"}
    return f"{lead} {body}" if last in verbs else f"{lead}: {body}"


def _opens_block(body: str) -> bool:
    """A cue whose decisions follow it: nothing after the cue, a lead-in ending in a colon, or "that" alone
    ("RESOLVED – That" over its numbered parts)."""
    bare = body.strip(" \t\n:–—-")
    return not bare or bool(re.fullmatch(_THAT, bare, re.I)) or body.rstrip().endswith((":", ":-", ":–"))


def _cue(tv: TextView, s: Sentence) -> tuple[str, int] | None:
    """How sentence `s` states a decision: ("label", start) for a cue standing alone or a lead-in,
    ("lead", body start) for a cue then its decision, ("whole", start) for a sentence that is one."""
    text = tv.text
    sent = text[s.start:s.end]
    if s.kind != "heading" and _bare_decision_re().match(sent) \
            and _POINT_NUMBER.fullmatch(text, text.rfind("\n", 0, s.start) + 1, s.start):
        return "whole", s.start  # "2.4 Noted.": the point is the decision
    if (m := _NOTED_LABEL.match(sent)) and len(m.group(1).split()) >= 3:
        return "whole", s.start  # Northern Irish "NOTED: that Paper A had been issued ...", label and all
    if (m := _CAPITAL_CUE.match(sent)) and _bare_re().match("that " + sent[m.end():]):
        return "lead", s.start + m.end()  # "RESOLVED the analysis ... be noted.": no "that", no colon
    if (m := _lead_re().match(sent)):
        if m.group("label") is not None:
            return "label", s.end
        body = m.start("body") if m.group("body") is not None else m.start("vbody")
        if m.group("body") is None and not _verb_cue_re().match(sent):
            return None
        rest = sent[body:]
        if _opens_block(rest):
            return "label", s.start + body
        that = re.match(rf"\s*,?\s*{_THAT}", rest, re.I)
        if that and not m.group("cue").isupper() and not _is_subjunctive(rest[that.end():]):
            return None  # "It was agreed that the service had improved": narrative
        return "lead", s.start + body
    if s.kind == "heading":
        return None
    if (m := _inline_re().search(sent)):
        rest = sent[m.end():]
        if _opens_block(rest):
            # "The Cabinet RESOLVED to:" reads into its parts whole; a long preamble does not
            subject = len(sent[:m.start()].split()) <= 4
            return "label", s.start if subject else s.start + m.end()
        return "lead", s.start + m.end()
    if _body_label_re().match(sent) and _list_follows(tv, s):
        return "label", s.end
    if (m := _subject_re().match(sent)):
        verb, rest = m.group("verb").lower(), m.group("rest")
        if re.match(r"\s*(?:as\s+follows|the\s+following)?\s*[:\-–—]+\s*$", rest, re.I):
            return "label", s.start
        if verb in _words("body_verbs") and re.match(r"\s*to\s*[:\-–—]+\s*$", rest, re.I):
            return "label", s.start  # "The Committee agreed to:" over "(a) note ...; (b) ask ..."
        if re.match(r"\s*[:\-–—]+\s*\S", rest):
            return "lead", s.start + m.start("rest")
        if verb in _words("body_verbs") and (t := re.match(rf"\s*{_THAT}", rest, re.I)):
            return ("whole", s.start) if _is_subjunctive(rest[t.end():]) else None
        if verb in _words("body_verbs") and re.match(r"\s*to\s+\w", rest, re.I):
            return "whole", s.start
        if verb in _words("object_verbs") and re.match(r"\s*(?:the|its|this|these|a|an)\s", rest, re.I):
            return "whole", s.start
        return None
    if (m := _noted_re().match(sent)):
        obj = m.group("obj")
        first = (_WORD.findall(obj) or [""])[0].lower()
        if first not in _words("not_noted") and _head_has_paper(obj) and not _introduces(obj):
            return "whole", s.start
        return None
    if (m := _passive_re().match(sent)) or (m := _passive_minutes_re().match(sent)):
        rest = m.group("rest").strip(" .;")
        nxt = (_WORD.findall(rest) or [""])[0].lower()
        if _head_has_paper(m.group("subj")) and nxt not in _words("passive_not_after"):
            return "whole", s.start
    return None


def _list_follows(tv: TextView, s: Sentence) -> bool:
    """Does a numbered or lettered list open straight after sentence s (in the same agenda item)?"""
    k = bisect_left([t.start for t in tv.sentences], s.end)
    if k >= len(tv.sentences):
        return False
    t = tv.sentences[k]
    return (t.item == s.item and t.list_item is not None
            and tv.list_items[t.list_item].kind != "bullet")


def _under_recommendation(tv: TextView, i: int) -> bool:
    """Is sentence i a proposal: under a "Recommendation(s)" heading, or after "... is recommended to:"?"""
    s = tv.sentences[i]
    for j in range(i - 1, max(-1, i - 7), -1):
        t = tv.sentences[j]
        if t.item != s.item:
            return False
        body = tv.text[t.start:t.end]
        if t.kind in ("heading", "label") and _not_heading_re().match(body):
            return True
        if _recommend_re().search(body):
            return True
        if t.kind == "heading":
            return False
    return False


def _block(tv: TextView, c: _Collector, i: int, open_: bool, lead: str = "") -> int:
    """Collect the decisions that follow the cue in sentence i: "That ..."/"To ..." paragraphs and list
    items (nested ones under a lead-in ending in a colon) within its agenda item. Returns the next index."""
    sents, text = tv.sentences, tv.text
    item = sents[i].item
    first = True
    j = i + 1
    while j < len(sents):
        t = sents[j]
        body = text[t.start:t.end]
        # "Decision" over "The Committee -" on a line of its own (read as a heading) over the numbered parts
        named_body = first and open_ and t.kind == "heading" and bool(_body_label_re().match(body.strip()))
        if t.item != item or (t.kind == "heading" and not named_body) or _cue(tv, t) is not None:
            break
        if t.list_item is not None:
            li = tv.list_items[t.list_item]
            if not (open_ or _opening_re().match(body)) or li.kind == "bullet" and not open_:
                break
            j = _list_run(tv, c, j, lead)
            first = False
            continue
        lower_after_lead_in = first and open_ and body[:1].islower()
        # "RESOLVED THAT:" over "The performance ... be noted.": the decision's "that" is on the cue's line
        bare_after_cue = first and open_ and bool(_bare_re().match("that " + body))
        if first and open_ and _body_label_re().match(body):
            j += 1  # "Decision:" then "Cabinet:" over the list: the meeting named, its decisions below
            continue
        if not (_opening_re().match(body) or lower_after_lead_in or bare_after_cue) \
                or _DEMONSTRATIVE.match(body):
            break
        if body.rstrip().endswith((":", ":-", ":–")):
            # "RESOLVED:" / "That the Select Committee:" / "(i) notes ...": the lead-in reads into each part
            lead, open_ = _join(lead, re.sub(r"\s+", " ", body).strip().rstrip(":-– ")), True
            j += 1
            continue
        c.add(t.start, t.end)
        first = False
        j += 1
    return j


def _list_run(tv: TextView, c: _Collector, j: int, outer: str = "") -> int:
    """The list item holding sentence j as one resolution; a lead-in item ending in a colon gives its nested
    items instead, each prefixed by the lead-in. Returns the index of the first sentence after it."""
    sents, text = tv.sentences, tv.text
    li_index = sents[j].list_item
    assert li_index is not None
    li = tv.list_items[li_index]
    end = _after_item(tv, j, li_index)
    lead = re.sub(r"\s+", " ", text[li.body_start:li.end]).strip()
    children = []
    k, stop = li_index + 1, _item_end(tv, j)
    while k < len(tv.list_items) and tv.list_items[k].depth > li.depth and tv.list_items[k].start < stop:
        children.append(k)
        k += 1
    if lead.endswith((":", ":-")) and children:
        lead = _join(outer, lead.rstrip(":-– "))
        for k in children:
            child = tv.list_items[k]
            c.add(child.body_start, child.end, li.marker + child.marker, lead)
        last = tv.list_items[children[-1]]
        while end < len(sents) and sents[end].start < last.end:
            end += 1
        return end
    c.add(li.body_start, li.end, li.marker, outer)
    return end


def _after_item(tv: TextView, j: int, li_index: int) -> int:
    while j < len(tv.sentences) and tv.sentences[j].list_item == li_index:
        j += 1
    return j


def _item_end(tv: TextView, j: int) -> int:
    item = tv.sentences[j].item
    return tv.items[item].end if item is not None else len(tv.text)


# A ModernGov item page ("Meeting: 04/06/2025 - Panel (Item 7)") of a paper that records no decisions
# itself (a log, a report) still carries the meeting's decision on the item, under a "Decision:" line
_ITEM_PAGE = re.compile(r"^[ \t\xa0]*Meeting:[ \t\xa0]*\d{1,2}/\d{1,2}/\d{4}[ \t\xa0]*[-–].*"
                        r"\((?:Item|Agenda item)[ \t\xa0]*[\w.]+\)[ \t\xa0]*$", re.M | re.I)
_DECISION_LINE = re.compile(r"^[ \t\xa0]*Decisions?[ \t\xa0]*:[ \t\xa0]*$", re.M | re.I)


def _decision_block(tv: TextView) -> tuple[int, int] | None:
    """On an item page, the stretch under its "Decision:" line, up to the next heading or table."""
    head = _ITEM_PAGE.search(tv.text, 0, 2000)
    line = _DECISION_LINE.search(tv.text, head.end()) if head else None
    if line is None:
        return None
    end = min([h.start for h in tv.headings if h.start > line.end()]
              + [s.start for s in tv.sentences if s.start > line.end() and tv.in_table(s.start, s.end)]
              + [len(tv.text)])
    return line.end(), end


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    tv = tv if tv is not None else view(x.doc)
    block = None
    if not _records_decisions(x, tv):
        if x.doc.meta.doc_type in _RECORD_TYPES or (block := _decision_block(tv)) is None:
            return x
    c = _Collector(tv)
    sents = tv.sentences
    i = 0
    while i < len(sents):
        s = sents[i]
        if s.start in c.taken:
            i += 1
            continue
        cue = _cue(tv, s)
        if cue is None:
            body = tv.text[s.start:s.end]
            if (s.kind != "heading" and _bare_re().match(body) and not _DEMONSTRATIVE.match(body)
                    and not _under_recommendation(tv, i)):
                c.add(s.start, s.end)
            i += 1
            continue
        kind, start = cue
        if kind == "whole":
            c.add(s.start, s.end, whole=True)
            i += 1
            continue
        if kind == "lead":
            c.add(start, s.end)
            body = tv.text[start:s.end].lstrip(" \t:–—-")
            open_ = _marker_at(tv.text, start + len(tv.text[start:s.end]) - len(body), s.end) is not None
            i = _block(tv, c, i, open_)
            continue
        lead = re.sub(r"\s+", " ", tv.text[start:s.end]).strip().rstrip(":-–— ")
        lead = re.sub(r"\s+(?:as\s+follows|the\s+following)$", "", lead, flags=re.I)
        i = _block(tv, c, i, True, lead)
    found = [_about(tv, r) for r in sorted(c.found, key=lambda r: r.span.start)
             if block is None or block[0] <= r.span.start < block[1]]
    return replace(x, resolutions=x.resolutions + tuple(found))


@cache
def _bare_paper_re() -> re.Pattern[str]:
    """"The Committee noted the report.": a paper named by its noun alone, whose item's title says which."""
    v = _vocab()
    return re.compile(rf"^(?:(?:the|this)\s+)?(?:{_alt(v['bodies'])})\s+(?:{_alt(v['noted_verbs'])})\s+"
                      rf"(?:the|this)\s+(?:{_alt(v['generic_papers'])})[.\s]*$", re.I)


def _about(tv: TextView, r: ResolutionFact) -> ResolutionFact:
    """A bare "noted the report" decision (or a bare "Noted.") read with its agenda item's title: what it
    noted."""
    if not _bare_paper_re().match(r.text) and not _bare_decision_re().match(r.text):
        return r
    item = tv.item_at(r.span.start)
    title = re.sub(r"\s+", " ", item.title).strip(" .:") if item is not None else ""
    if not title or r.span.start < item.heading_end - 1:
        return r
    return replace(r, text=f"{r.text.rstrip(' .')} ({title})")

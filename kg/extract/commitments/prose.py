"""Commitments minuted in prose: one promise form per sentence, or per clause of a decision.

The units are the text layer's sentences; a sentence that is part of a decision (a RESOLVED list, "The
Committee agreed: (i) ...; (ii) ...") is read clause by clause, because one decision sentence often holds
several. Action markers attach an owner to the sentence they follow: "(Action: Clerk)", "ACTION: KS",
"Action by: Head of Finance (J Smith)" on a line of its own; "ACTION: Head of Finance to circulate ..."
is an action wherever it stands in a line. A request followed by its acceptance ("The Head of Early Help
agreed to do so") is one commitment owned by whoever accepted; a request followed by a refusal is none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kg.extract.commitments import actors, forms
from kg.extract.commitments.due import Due, find_due
from kg.extract.commitments.forms import Found
from kg.extract.commitments.vocabulary import cues, phrase_hit, rx
from kg.extract.commitments.wording import clean, lower_first, normalise, request_object
from kg.model import Extraction
from kg.text import TextView


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
    text = tv.text
    if rx().decision.match(text[s.start : s.end]):
        return True
    if s.list_item is not None:
        for j in range(i - 1, max(-1, i - 12), -1):
            prev = tv.sentences[j]
            if prev.list_item is None:
                body = text[prev.start : prev.end]
                return body.rstrip().endswith((":", "-", "–", ":-")) and bool(rx().decision.match(body))
    return False


def units(x: Extraction, tv: TextView, skip: list[tuple[int, int]]) -> list[Unit]:
    out: list[Unit] = []
    for i, s in enumerate(tv.sentences):
        if s.kind == "heading" or any(a <= s.start < b for a, b in skip):
            continue
        if _decided(x, tv, i):
            out.extend(Unit(c.start, c.end, i, True) for c in tv.clauses_of(i))
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
    if f.form == "passive" and region is not None:
        region = actors.reporter(text, start, region[0])
    actor = actors.resolve(x, text, tv, u.sentence, region)
    if actor is None and f.form == "future" and f.actor_region:
        rep = actors.reporter(text, start, f.actor_region[0])
        subject = re.sub(r"\s+", " ", text[f.actor_region[0] : f.actor_region[1]]).strip(" ,")
        if rep:
            if 0 < len(subject) <= 80 and not actors.is_pronoun(text, f.actor_region):
                f = replace(f, text=f"{lower_first(subject)} to {f.text}")  # what comes, not just "come to"
            actor = actors.resolve(x, text, tv, u.sentence, rep)
    return actor, f


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
    for m in people.analyse(x.doc.text).mentions:
        if m.key in keys and m.start <= region[0] + 4 and m.end >= region[1] - 1:
            return True
    return False


def _condition(text: str, spans: list[tuple[int, int]]) -> str:
    return clean(text[spans[0][0] : spans[0][1]]) if spans else ""


def promises(x: Extraction, tv: TextView, ref: dt.date | None, skip: list[tuple[int, int]]) -> tuple[
    list[Promise], list[str]
]:
    """Every promise in the prose of the document, and notes on what was left out and why."""
    text, r = tv.text, rx()
    us = units(x, tv, skip)
    found: list[Promise] = []
    notes: list[str] = []
    used: set[int] = set()
    is_report = (x.doc.meta.doc_type or "") == "report"

    def add(p: Promise) -> None:
        if not any(q.start < p.end and p.start < q.end for q in found):
            found.append(p)

    for k, u in enumerate(us):
        if k in used:
            continue
        sent = text[u.start : u.end]
        prev = us[k - 1] if k > 0 else None
        line = r.line_action.search(sent)
        if line and r.deliverable_verb.match(line.group("what").strip()):
            # "ACTION: Head of Finance to circulate ... by 31 August 2024"
            owner = (u.start + line.start("owner"), u.start + line.end("owner"))
            spans = forms.conditions(text, u.start + line.start("what"), u.end)
            what = forms.masked(text, u.start + line.start("what"), u.end, spans)
            add(Promise(u.start, u.end, clean(what), actors.actor_in(x, *owner), find_due(what, ref), 0.9,
                        _condition(text, spans)))
            continue
        by = r.by_action.search(sent)
        inline = r.inline_action.search(sent) or (by if by and sent[: by.start()].strip() else None)
        by = by if by and not sent[: by.start()].strip() else None
        alone = inline is not None and not sent[: inline.start()].strip()
        if (by or alone) and prev is not None:
            # a marker standing alone names the owner of the sentence before it
            m = by or inline
            assert m is not None
            owner = actors.actor_in(x, u.start + m.start("owner"), u.start + m.end("owner"))
            if found and found[-1].end == prev.end:
                last = found[-1]
                confidence = max(last.confidence, 0.85)
                found[-1] = replace(last, end=u.end, actor=last.actor or owner, confidence=confidence)
            elif forms.names_deliverable(text[prev.start : prev.end]):
                body = text[prev.start : prev.end]
                f = forms.find(text, prev.start, prev.end, body, prev.decided)
                what = f.text if f else body
                due = find_due(body, ref)
                add(Promise(prev.start, u.end, clean(what), owner, due, 0.85))
            else:
                notes.append(f"action marker at {u.start} follows no deliverable")
            continue
        spans = forms.conditions(text, u.start, u.end)
        sent_masked = forms.masked(text, u.start, u.end, spans)
        f = forms.find(text, u.start, u.end, sent_masked, u.decided)
        if f is None and inline:
            # "Members asked for the slides. (Action: Clerk)" inside one sentence: the marker makes an action
            body = sent[: inline.start()].strip()
            if body and forms.names_deliverable(body):
                f = Found(u.start, u.end, u.start, body, None, 0.85, "action")
        if f is None:
            continue
        if f.form == "note" and not _named_owner(x, text, f.actor_region):
            continue
        due = find_due(forms.masked(text, f.cue, f.end, spans), ref)
        if due.kind == "none":
            due = find_due(sent_masked, ref)
        clause = _clause_of(tv, u.sentence, f.cue)
        if (why := forms.excluded(text, sent, f, due, clause)) and f.form != "action" and not inline:
            notes.append(f"commitment skipped at {u.start}: {why}")
            continue
        confidence = f.confidence
        if forms.plan_not_promise(f, due) and not inline:
            if is_report:
                notes.append(f"commitment skipped at {u.start}: a plan in a report, not a promise")
                continue
            confidence = min(confidence, 0.5)  # doubtful: kept, flagged by its confidence
        obj = request_object(sent)
        if f.request and k + 1 < len(us):
            nxt = us[k + 1]
            nxt_text = text[nxt.start : nxt.end]
            if phrase_hit("declined_requests", nxt_text):
                notes.append(f"request at {u.start} declined in the next sentence")
                used.add(k + 1)
                continue
            if m := r.acceptance.search(nxt_text):
                # the request plus its acceptance: one commitment, owned by whoever accepted
                at = nxt.start + m.start()
                f = replace(f, end=nxt.end, actor_region=(actors.subject_start(text, nxt.start, at), at),
                            request=False, form="undertaking")
                confidence = 0.85
                used.add(k + 1)
                u = replace(u, sentence=tv.sentence_at(nxt.start) or u.sentence)
        blanked = text if not spans else text[: u.start] + sent_masked + text[u.end :]
        actor, f = _actor(x, tv, u, f, blanked)
        if inline:
            marked = actors.actor_in(x, u.start + inline.start("owner"), u.start + inline.end("owner"))
            actor = marked or actor
            confidence = max(confidence, 0.85)
        if is_report and actor is None and f.form in ("future", "passive") and not re.search(
            cues()["recipients"], f.text, re.I
        ):
            notes.append(f"commitment skipped at {u.start}: a plan in a report with no one to hand it to")
            continue
        add(Promise(f.start, f.end, normalise(f.text, obj), actor, due, confidence, _condition(text, spans)))
    return sorted(found, key=lambda p: p.start), notes

"""A commitment's status as of a date, and its timeline: the status from each date on.

Statuses:
- fulfilled: a later document of the committee shows the promised thing (kg.ledger.match), dated by it.
- overdue: the due time has passed, the store holds a meeting of the committee after it, and that meeting and
  everything since are silent (or show only part delivered: kept as such in the reason). next_meeting: the
  first later meeting; next_update: the first later performance report; future_meeting: the
  `future_meeting_horizon`-th later meeting (there is no date to go by); date: the first meeting after the
  date.
  A month named is due on its last day.
- open: not yet due; or due, with no later meeting in the store to show it ("due date passed; no later
  meeting in the store"); or waiting on a condition that no later paper shows met.
- unknown: no due time was given and there is no evidence.

As of a date, only documents dated on or before it count (an undated document by the end of its period), so a
status is never frozen at the last ingest: the ledger stores each commitment's steps, and every reader
(queries, `kg followups --as-of`, pages) picks the step in force on its date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from kg.ledger.match import (
    Candidate,
    Commitment,
    Match,
    Pool,
    core_of,
    deliverables,
    is_conditional,
    key_words,
    partly,
    refers_back,
    rules,
    score,
)
from kg.periods import period_end, quarter_of, sort_key

STATUSES = ("open", "fulfilled", "overdue", "unknown")
EARLIEST = dt.date(1, 1, 1)  # a step in force whatever the date (its document's date is not known)


@dataclass(frozen=True)
class Doc:
    iri: str
    committee: str | None
    meeting: str | None
    date: dt.date | None
    period: str | None
    doc_type: str | None
    title: str

    @property
    def order_period(self) -> str | None:
        return self.period or (quarter_of(self.date) if self.date else None)

    @cached_property  # read for every day of every timeline of the committee
    def known_from(self) -> dt.date | None:
        """From when the document counts: its meeting date, or the end of its period; None if neither."""
        return self.date or period_end(self.period)

    def after(self, other: Doc) -> bool:
        """Is this document from a later meeting than `other`?"""
        if self.date and other.date:
            return self.date > other.date
        mine, theirs = sort_key(self.order_period), sort_key(other.order_period)
        return mine != (0, 0) and theirs != (0, 0) and mine > theirs

    def sort(self) -> tuple:
        return (self.date or dt.date.min, sort_key(self.order_period), self.iri)

    def is_update(self) -> bool:
        r = rules()
        words = set(re.findall(r"[a-z]+", self.title.lower()))
        return (self.doc_type or "") in r["update_doc_types"] or bool(words & set(r["update_title_words"]))

    def is_meeting(self) -> bool:
        return bool(self.meeting or self.date)


@dataclass(frozen=True)
class Assessment:
    status: str
    as_of_document: str
    reason: str
    match: Match | None = None
    since: dt.date = EARLIEST  # the date of the meeting or evidence that made it so

    @property
    def evidence(self) -> str | None:
        return (self.match.candidate.span or self.match.candidate.document) if self.match else None

    def same(self, other: Assessment) -> bool:
        return (self.status, self.evidence, self.reason) == (other.status, other.evidence, other.reason)


def due_end(c: Commitment) -> dt.date | None:
    """The last day a date-due promise can be kept: a month named ("in January 2024", stored as its first
    day) is due on its last day; a day named is due that day."""
    day = c.due_date if isinstance(c.due_date, dt.date) else None
    if day is None:
        return None
    if day.day == 1 and not re.search(r"\b0?1(?:st)?\b|\b0?1[/.-]", c.due_text):
        nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return day


def _label(d: Doc) -> str:
    return d.date.isoformat() if d.date else (d.period or d.iri.rsplit("/", 1)[-1])


def _counts(d: Doc, as_of: dt.date | None) -> bool:
    return as_of is None or (d.known_from is not None and d.known_from <= as_of)


def _due_doc(c: Commitment, later: list[Doc]) -> tuple[Doc | None, str]:
    """The later document at which the promise fell due, if the store holds it, and how the due reads."""
    meetings: list[Doc] = []
    held: set[str] = set()
    for d in later:
        if d.is_meeting() and (d.meeting or d.iri) not in held:
            held.add(d.meeting or d.iri)
            meetings.append(d)
    if c.due_kind == "next_meeting":
        return (meetings[0] if meetings else None), "due at the next meeting"
    if c.due_kind == "next_update":
        return next((d for d in later if d.is_update()), None), "due in the next performance update"
    if c.due_kind == "future_meeting":
        horizon = int(rules()["future_meeting_horizon"])
        return (meetings[horizon - 1] if len(meetings) >= horizon else None), (
            f"promised for a future meeting (horizon {horizon} meetings)"
        )
    if c.due_kind == "date" and (end := due_end(c)):
        return next((d for d in meetings if d.date and d.date > end), None), f"due by {end.isoformat()}"
    return None, ""


def assess(
    c: Commitment,
    docs: dict[str, Doc],
    cands: Iterable[Candidate],
    as_of: dt.date | None = None,
    *,
    matches: list[Match] | None = None,
) -> Assessment:
    """The status of one commitment as of a date (None: everything in the store), given the store's documents
    and its committee's evidence candidates (or their `matches`, scored once)."""
    made = docs.get(c.document)
    later = sorted(
        (
            d
            for d in docs.values()
            if made and d.committee == c.committee and d.committee and d.after(made) and _counts(d, as_of)
        ),
        key=Doc.sort,
    )
    if matches is None:
        counted = {d.iri for d in later}
        named = _meeting_names(made)
        matches = [_dated(c, score(c, x), named) for x in cands if x.document in counted]
    return _assess(c, docs, made, later, strong(matches), as_of)


def _paper_rank(d: Doc, says: bool) -> int:
    """Which paper of a meeting shows a thing kept first: a report that says so (0), the minutes or a report
    whose figures only match the data asked for (1: the stronger match decides), others (2: action logs and
    agendas restate it). `says`: the paper has a match that is no figure."""
    if d.doc_type == "report":
        return 0 if says else 1
    return 1 if d.doc_type in ("minutes", "decision") else 2


def strong(matches: list[Match]) -> list[Match]:
    """The matches at the threshold, each part delivered if its whole statement says so: all assess uses
    (the same whatever the date, so a timeline works it out once)."""
    threshold = rules()["threshold"]
    return [m for m in part_of_partial(matches, threshold) if m.score >= threshold]


def _assess(c: Commitment, docs: dict[str, Doc], made: Doc | None, later: list[Doc], matches: list[Match],
            as_of: dt.date | None) -> Assessment:
    """assess, given the committee's later documents counted as of the date (in Doc.sort order) and the
    strong matches."""
    as_of_doc = later[-1] if later else made
    as_of_iri = as_of_doc.iri if as_of_doc else c.document
    start = (made.known_from if made else None) or EARLIEST
    since_last = (as_of_doc.known_from if as_of_doc else None) or start
    order = {d.iri: i for i, d in enumerate(later)}
    # the papers of one meeting (one date) show a thing at once: among them, the report laid before the
    # meeting, then its minutes, then a log or other paper restating it
    first_of_day: dict[dt.date, int] = {}
    for i, d in enumerate(later):
        if d.date:
            first_of_day.setdefault(d.date, i)
    meeting = {d.iri: first_of_day.get(d.date, i) if d.date else i for i, d in enumerate(later)}
    says = {m.candidate.document for m in matches if m.candidate.kind != "observation"}
    best: Match | None = None
    best_key: tuple = ()
    for m in matches:
        if m.candidate.document not in order:
            continue
        # Full delivery beats part; then the earlier meeting (a thing is delivered once, when it first shows:
        # a later paper saying it was done looks back to it), the paper that delivers it, the stronger match,
        # the earlier place.
        doc = m.candidate.document
        key = (not m.partial, -meeting[doc], -_paper_rank(docs[doc], doc in says), m.score, -order[doc],
               -m.candidate.start)
        if best is None or key > best_key:
            best, best_key = m, key
    due, due_words = _due_doc(c, later)
    if best and not best.partial:
        kept = docs[best.candidate.document]
        late = f"; kept late ({due_words}: {_label(due)})" if due and kept.after(due) else ""
        return Assessment(
            "fulfilled",
            as_of_iri,
            f"{best.reason} (score {best.score:.2f}){late}",
            best,
            kept.known_from or since_last,
        )
    part = f"; partly delivered ({best.reason})" if best else ""
    if is_conditional(c) and c.due_kind != "none":
        return Assessment(
            "open", as_of_iri, f"conditional: not due until its condition is met{part}", best, since_last
        )
    if due is not None:
        return Assessment(
            "overdue",
            as_of_iri,
            f"{due_words} ({_label(due)}); " + (part[2:] if best else "no evidence there or since"),
            best,
            due.known_from or since_last,
        )
    if c.due_kind == "date" and (end := due_end(c)):
        day = as_of or dt.date.today()
        if end < day:
            return Assessment(
                "open",
                as_of_iri,
                f"due date passed ({end.isoformat()}); no later meeting in the store{part}",
                best,
                max(end + dt.timedelta(days=1), since_last),
            )
        return Assessment("open", as_of_iri, f"due by {end.isoformat()}{part}", best, since_last)
    if c.due_kind == "date":
        why = f"due '{c.due_text}', a date the ledger could not resolve"
        return Assessment("unknown", as_of_iri, why, best, since_last)
    if c.due_kind in ("next_meeting", "next_update", "future_meeting"):
        return Assessment("open", as_of_iri, f"{due_words}, not in the store yet{part}", best, since_last)
    if best:
        return Assessment("unknown", as_of_iri, f"no due time given{part}", best, since_last)
    return Assessment("unknown", as_of_iri, "no due time given and no evidence yet", None, start)


def part_of_partial(matches: list[Match], threshold: float) -> list[Match]:
    """A full match inside a statement that, read whole, says only part was delivered ("X had been circulated,
    but Y was still awaited", where an answer or clause gives the first half alone) is only part delivered."""
    parts = [m.candidate for m in matches if m.partial and m.score >= threshold]
    if not parts:
        return matches
    out = []
    for m in matches:
        x = m.candidate
        if not m.partial and any(p.document == x.document and p.start <= x.start and x.end <= p.end
                                 and x.exact != p.exact and x.exact in p.exact for p in parts):
            m = replace(m, partial=True, reason=f"{m.reason}; the whole statement says only part delivered")
        out.append(m)
    return out


def _meeting_names(made: Doc | None) -> set[str]:
    """How a later paper names the date of the meeting a promise was made at ("3 June 2024", "03/06/2024")."""
    if made is None or not made.date:
        return set()
    return {f"{made.date.day} {made.date:%B %Y}", made.date.strftime("%d/%m/%Y")}


def _dated(c: Commitment, m: Match, named: set[str]) -> Match:
    """Evidence with a cue that names the meeting the promise was made at ("Further to the Panel's request
    of 3 June 2024, Appendix C gives ...") and two of its key words points at that promise: it counts for
    more."""
    if not named or not any(n in " ".join(m.candidate.exact.split()) for n in named):
        return m
    if len(key_words(m.candidate.exact) & key_words(f"{c.text} {c.topic_words}")) < 2:
        return m
    if not any(cue in m.reason for cue in ("refers back", "recorded as done", "on a later agenda")):
        return m
    total = round(min(m.score + rules()["weights"]["meeting_named"], 1.0), 2)
    return replace(m, score=total, reason=f"{m.reason}; names the meeting it was made at")


def back_references(
    c: Commitment, docs: dict[str, Doc], cands: Iterable[Candidate], siblings: Iterable[Commitment] = ()
) -> list[Match]:
    """References back with no topic of their own ("the figures Members asked for last time were
    circulated"), matched to `c` when they point at the meeting it was made at (the committee's meeting just
    before theirs, or its date named) and `c` is that meeting's only promise of that kind of thing."""
    made = docs.get(c.document)
    cands = list(cands)
    if made is None or not made.date or not c.committee or not cands:
        return []
    meetings = sorted({(d.date, d.meeting or d.iri) for d in docs.values()
                       if d.committee == c.committee and d.date})
    named = _meeting_names(made)
    out = []
    for cand in cands:
        d = docs.get(cand.document)
        kind = refers_back(c, cand)
        if d is None or not d.date or kind is None or not d.after(made):
            continue
        before = [m for m in meetings if m[0] < d.date]
        last = bool(before) and before[-1][1] == (made.meeting or made.iri)
        if not (last or any(n in cand.exact for n in named)):
            continue
        rivals = [s for s in siblings if s.iri != c.iri and s.document == c.document
                  and kind in deliverables(core_of(s.text))]
        if rivals:
            continue  # the meeting promised more than one such thing: which one is meant cannot be told
        w = rules()["weights"]
        total = round(rules()["threshold"] + w["verb"], 2)
        out.append(Match(cand, total, f"refers back to the meeting it was made at; same deliverable ({kind})",
                         partly(cand.exact)))
    return out


def timeline(
    c: Commitment, docs: dict[str, Doc], cands: Iterable[Candidate], siblings: Iterable[Commitment] = (),
    same_meeting: bool = False,
) -> list[Assessment]:
    """The commitment's status from each date on: one step per change, the first from the day it was made.
    Every date a document of the committee counts from, and the day after a due date, may change it.
    `siblings`: the other commitments of the store (to tell which one a bare reference back means).
    `same_meeting`: the other papers of the meeting it was made at count too (an action-log row whose status
    puts the thing on that meeting's agenda)."""
    made = docs.get(c.document)
    start = (made.known_from if made else None) or EARLIEST
    later = sorted((d for d in docs.values()
                    if made and d.committee == c.committee and d.committee and (d.after(made) or (
                        same_meeting and d.iri != made.iri and d.date is not None and d.date == made.date))),
                   key=Doc.sort)
    iris = {d.iri for d in later}
    pool = cands if isinstance(cands, Pool) else Pool(cands)
    mine = [x for x in pool.scorable(c) if x.document in iris]  # the others score below the threshold
    back = [x for x in pool.back() if x.document in iris]
    named = _meeting_names(made)
    matches = strong([_dated(c, score(c, x), named) for x in mine] + back_references(c, docs, back, siblings))
    days = {start, *(d.known_from for d in later if d.known_from and d.known_from > start)}
    if (end := due_end(c)) and end >= start:
        days.add(end + dt.timedelta(days=1))
    steps: list[Assessment] = []
    for day in sorted(days):
        a = _assess(c, docs, made, [d for d in later if _counts(d, day)], matches, day)
        a = Assessment(a.status, a.as_of_document, a.reason, a.match, day)
        if not steps or not steps[-1].same(a):
            steps.append(a)
    return steps


def status_on(steps: list[Assessment], day: dt.date) -> Assessment | None:
    """The step in force on `day` (None: the commitment was not yet made)."""
    now = [s for s in steps if s.since <= day]
    return now[-1] if now else None

"""Extract commitments (promises minuted at a meeting) and progress statements (evidence for the ledger).

    prose.py        promises in sentences: undertakings, futures, requests accepted, action notes and
                    markers, decisions that ask for something at a later meeting (forms.py has the forms
                    and the reasons a form is no promise; actors.py who promised; wording.py the text)
    action_logs.py  action logs and trackers: each row (table cells, or labelled blocks) a commitment
    due.py          when each is due (dates parsed by kg/periods.py; a month means its last day)
    progress.py     statements that something was done, and each log row's status
    vocabulary.py   the pattern files under kg/extract/patterns/ compiled once

Never a commitment: agenda titles, report descriptions, standing procedure, things done at the meeting
itself, questions, hedges, business as usual and declined requests. A conditional promise is one, with
its condition recorded.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.commitments import action_logs, prose
from kg.extract.commitments.due import Due, find_due, reference_date
from kg.extract.commitments.progress import statements
from kg.extract.commitments.vocabulary import base_of, rx
from kg.extract.commitments.wording import topic_of
from kg.model import CommitmentFact, Extraction, Span
from kg.text import TextView, view

__all__ = ["Due", "base_of", "extract", "find_due"]


def _fact(text: str, start: int, end: int, what: str, actor: str | None, due: Due, confidence: float,
          condition: str) -> CommitmentFact:
    r = rx()
    verb_first = what.split(" to ", 1)[-1] if " to " in what[:90] else what
    weak = bool(r.weak.match(what) or r.weak.match(verb_first)) and due.kind == "none"
    return CommitmentFact(
        key=f"commitment:{start}-{end}",
        text=what,
        span=Span.of(text, start, end),
        actor=actor,
        topic=topic_of(what) or topic_of(text[start:end]),
        due_text=due.text,
        due_kind=due.kind,  # type: ignore[arg-type]
        due_date=due.date if due.kind == "date" else None,
        confidence=round(confidence - (0.2 if weak else 0), 2),
        condition=condition,
    )


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    tv = tv or view(x.doc)
    text = x.doc.text
    ref = reference_date(x.doc.meta.meeting_date, x.period or x.doc.meta.period)
    logged = action_logs.read(x, tv, ref)
    found = [_fact(text, a.start, a.end, a.text, a.actor, a.due, 0.9, a.condition) for a in logged]
    promises, notes = prose.promises(x, tv, ref, [(a.start, a.end) for a in logged])
    for p in promises:
        if not any(c.span.start < p.end and p.start < c.span.end for c in found):
            found.append(_fact(text, p.start, p.end, p.text, p.actor, p.due, p.confidence, p.condition))
    found.sort(key=lambda c: c.span.start)
    progress = statements(x, tv, found, logged)
    return replace(x, commitments=tuple(found), progress=tuple(progress), notes=(*x.notes, *notes))

"""Progress statements: candidate evidence the ledger matches against earlier commitments.

A sentence recording a deliverable as done ("the briefing note had been circulated"), a sentence pointing
back to an earlier request ("Further to the request made in June, ..."), the item's title (a later agenda
naming the promised report), and each action log row as its status cell reads it: done ("Complete", a
completion date), partial ("Part complete") or pending ("On hold", "Not yet due", "On the agenda").
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.commitments import actors
from kg.extract.commitments.action_logs import LoggedAction
from kg.extract.commitments.vocabulary import progress_cues, rx
from kg.extract.commitments.wording import clean
from kg.model import CommitmentFact, Extraction, ProgressFact, Span
from kg.text import TextView


# pure on the sentence's words; minutes repeat their sentences (about half are repeats in the benchmark
# corpus). Small, as figures.phrases._left_words'.
@lru_cache(maxsize=1024)
def _kind(sent: str) -> tuple[str | None, int | None]:
    """(what the sentence records: "done", "reference" or None; where a done verb's match starts, whose
    words before it name the actor)."""
    r = rx()
    kind = None
    m = r.done.search(sent)
    if m and not re.search(r"\b(?:not|never|yet)\s*$", sent[: m.start("verb")], re.I) and not re.search(
        r"\bnot\b", m.group(0), re.I
    ) and not _measured(sent, m.group("verb")):
        kind = "done"
    if kind is None and (m := r.done_active.search(sent)):
        kind = "done"  # "the Director gave the update on ..."
    if kind is None and (m := r.done_perfect.search(sent)) and not re.search(
            r"\b(?:not|never)\s*$", sent[: m.start("verb")], re.I):
        kind = "done"  # "the Head of Parks had circulated figures on ..."
    if kind is None and r.reference.search(sent):
        kind = "reference"
    return kind, (m.start() if kind == "done" and m else None)


_SHARE = re.compile(r"\d\s*%|\bper\s*cent\b|\b\d[\d,]*\s+(?:of|out\s+of)\s+(?:the\s+)?\d", re.I)


def _measured(sent: str, verb: str) -> bool:
    """A completion counted as a share ("98% of contacts were completed within a day", "45 of 50 reviews were
    completed"): a performance figure, not the deed done."""
    return verb.lower() in _completions() and bool(_SHARE.search(sent))


@lru_cache(maxsize=1)
def _completions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in progress_cues()["completions"])


_ITEMISED = ("minutes",)  # an agenda lists what is to come, not what came
_FRONT = 3000  # a front sheet's labels stand in the paper's first lines


@lru_cache(maxsize=1)
def _subject_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in progress_cues()["subject_labels"])
    return re.compile(rf"(?im)^[ \t]*(?:{labels})[ \t]*:[ \t]*(?P<subject>\S[^\n]{{3,200}}?)[ \t]*$")


def statements(
    x: Extraction, tv: TextView, commitments: list[CommitmentFact], logged: list[LoggedAction]
) -> list[ProgressFact]:
    text = tv.text
    out: list[ProgressFact] = []
    promised = [(c.span.start, c.span.end) for c in commitments]
    title = x.item_title or x.doc.meta.title
    if title and (pos := text.find(title)) >= 0:
        span = Span.of(text, pos, pos + len(title))
        out.append(ProgressFact(f"progress:{pos}", clean(title), span, "agenda"))
    if x.doc.meta.doc_type == "report":
        # a report's front sheet "Subject: ..." line: what the paper is about, however its sidecar titles it
        # (only a report's: an action log's "Report title:" field names the paper an action arose from)
        if m := _subject_re().search(text, 0, min(len(text), _FRONT)):
            pos, end = m.start("subject"), m.end("subject")
            if not any(p.span.start == pos and p.span.end >= end for p in out):
                out = [p for p in out if p.span.start != pos]  # the title inferred from it, cut short
                out.append(ProgressFact(f"progress:{pos}", clean(m.group("subject")), Span.of(text, pos, end),
                                        "agenda"))
    if x.doc.meta.doc_type in _ITEMISED:
        # each agenda item of a later meeting shows what came to the committee ("7. Play Area Strategy -
        # Options Appraisal", the item under which the promised report was presented)
        for item in tv.items:
            head = text[item.start:item.heading_end]
            pos = item.start + len(head) - len(head.lstrip())
            end = item.start + len(head.rstrip())
            if item.title and len(item.title.split()) >= 2 and end > pos and \
                    not any(p.span.start == pos or p.text == clean(item.title) for p in out):
                span = Span.of(text, pos, end)
                out.append(ProgressFact(f"progress:{pos}", clean(item.title), span, "agenda"))
    for a in logged:
        if a.status_span is None:
            continue
        s, e = a.status_span
        kind = a.state or "pending"  # the status cell decides: a restated action is not its delivery
        row = Span.of(text, a.start, a.end)
        out.append(ProgressFact(f"progress:{s}", clean(f"{a.text}: {a.status}"), row, kind, a.actor))
    for sentence in tv.sentences:
        s, e = sentence.start, sentence.end
        if sentence.kind == "heading" or any(a <= s < b for a, b in promised):
            continue
        sent = tv.flat[s:e]  # wrapped lines joined: the done verb's phrase may cross a wrap
        kind, done_at = _kind(sent)
        if kind is None or any(p.span.start == s for p in out):
            continue
        actor = actors.actor_in(x, s, s + done_at) if done_at is not None else None
        out.append(ProgressFact(f"progress:{s}", clean(sent), Span.of(text, s, e), kind, actor))  # type: ignore[arg-type]
    return out

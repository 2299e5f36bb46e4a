"""The follow-up ledger: after each ingest, work out every commitment's status timeline from its committee's
later papers (kg.ledger.status: the rules; kg.ledger.match: the evidence; kg.ledger.review: people's
decisions).

The ledger graph (iris.graph("ledger")) holds, for each commitment, one ckg:StatusAssessment per change of
status, each in force from its ckg:asOf date (the date of the meeting or evidence that made it so). It is a
function of the store's documents and the reviews graph only, never of the day it was computed: every reader
(the named queries, `kg followups --as-of`, pages) picks the step in force on its own date, so a status is
never frozen at the last ingest.

A committee is matched through its identity: one committee of a council whose documents did not name the
council ("Unknown council") is the committee of the same name of the one council in the store that has it.

An ingest re-assesses only the committees whose documents changed since the ledger last ran (the ledger
records a digest of each committee's documents); `update_ledger(..., full=True)` re-assesses all, with the
same result. A commitment's steps are rewritten only when they change, a committee at a time in one
transaction with its digest (never the whole graph at once), so a killed run is caught up by the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TypeVar

from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.ledger.match import (
    Candidate,
    Commitment,
    Match,
    Pool,
    cue_in,
    is_conditional,
    key_words,
    rules,
    score,
)
from kg.ledger.review import Decision, decisions
from kg.ledger.status import EARLIEST, STATUSES, Assessment, Doc, assess, due_end, status_on, timeline
from kg.namespaces import CKG, PROV, RDF, XSD
from kg.query import internal_texts
from kg.reference import data_text
from kg.store import LocalStore, Store

_T = TypeVar("_T")

__all__ = [
    "STATUSES", "Assessment", "Candidate", "Commitment", "Doc", "Match", "assess", "candidates",
    "commitments", "documents", "due_end", "forget", "key_words", "rules", "score", "status_on", "steps_of",
    "timeline", "update_ledger",
]


def _rows(store: Store, name: str, params: dict | None = None) -> list[dict[str, str]]:
    """Rows of the internal query kg/queries/_NAME.rq, parameters bound, each cell as text (an IRI, a
    literal's lexical form): the ledger reads only strings, and rdflib terms of every row cost most of its
    time."""
    return list(internal_texts(store, name, params))


def _s(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None else str(v)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# ---- documents, committees, commitments, evidence


def _committee_identity(rows: Iterable[dict]) -> dict[str, str]:
    """Committee IRI -> the committee it is: a committee minted under the unknown council is the same-named
    committee of the one known council that has one (the name compared as IRIs are minted, iris.slug)."""
    from kg.link import UNKNOWN_COUNCIL

    unknown = str(iris.council(UNKNOWN_COUNCIL))
    by_name: dict[str, set[str]] = {}
    orphans: dict[str, str] = {}
    for r in rows:
        k, label = _s(r, "committee"), _s(r, "committee_label")
        if not k or not label:
            continue
        if _s(r, "council") == unknown:
            orphans[k] = iris.slug(label)
        else:
            by_name.setdefault(iris.slug(label), set()).add(k)
    out = {}
    for k, name in orphans.items():
        known = by_name.get(name, set())
        if len(known) == 1:
            out[k] = next(iter(known))
    return out


def documents(store: Store, rows: list[dict] | None = None, same: dict[str, str] | None = None,
              ) -> dict[str, Doc]:
    """Documents by IRI, each with its committee's identity (`same`: worked out from `rows` by default)."""
    rows = rows if rows is not None else _rows(store, "ledger-documents")
    same = same if same is not None else _committee_identity(rows)
    out: dict[str, Doc] = {}
    for row in rows:
        iri = str(row["document"])
        if iri in out:
            continue
        committee = _s(row, "committee")
        out[iri] = Doc(
            iri,
            same.get(committee, committee) if committee else None,
            _s(row, "meeting"),
            _date(_s(row, "meeting_date")),
            _s(row, "period"),
            _s(row, "doc_type"),
            _s(row, "title") or "",
        )
    return out


def _committee_rows(store: Store) -> list[dict[str, str]]:
    """Every document's committee and council with the committee's label (a row for each label, as a join
    gives them): what the committees' digests and identities are worked out from."""
    labels: dict[str, list[str]] = {}
    for r in _rows(store, "ledger-committees"):
        labels.setdefault(r["committee"], []).append(r["committee_label"])
    return [{**r, "committee_label": label} if label else r
            for r in _rows(store, "ledger-document-committees")
            for label in labels.get(r.get("committee", ""), ()) or (None,)]


MOST = 0.25  # re-assessing this share of the committees or more, every document's fields are read at once


def _document_rows(store: Store, needed: set[str], light: list[dict], same: dict[str, str], committees: int,
                   loose_rows: list[dict]) -> list[dict[str, str]]:
    """The _ledger-documents rows of the documents of the committees `needed` (by identity: each committee
    IRI the documents name that is one of them), and `loose_rows`; of every document when most are needed
    (one query is then cheaper than one a committee)."""
    if len(needed) >= MOST * committees:
        return _rows(store, "ledger-documents")
    named = sorted({r["committee"] for r in light if r.get("committee") and
                    same.get(r["committee"], r["committee"]) in needed})
    return [*loose_rows, *(r for k in named
                           for r in _rows(store, "ledger-committee-documents", {"committee": URIRef(k)}))]


_YEAR = re.compile(r"[0-9]{4}")


def later_meetings(rows: Iterable[dict]) -> dict[str, int]:
    """Document IRI -> how many later meetings of its committee the store has (the age open-commitments
    gives its commitments): other meetings with a later date, or, where either has no date, a later period
    label of a known year (any of the meeting's labels). As the store says it: the committee a document names
    (not its identity), a meeting's date, the period labels of the documents minuting it. `rows`: the
    _ledger-documents query's."""
    meetings: dict[str, dict[str, tuple[set, set]]] = {}  # committee -> meeting -> (dates, period labels)
    of: dict[str, tuple[str, str, dt.date | None, str | None]] = {}
    for r in rows:
        k, m = _s(r, "committee"), _s(r, "meeting")
        if not (k and m):
            continue
        day, period = _date(_s(r, "meeting_date")), _s(r, "period")
        dates, periods = meetings.setdefault(k, {}).setdefault(m, (set(), set()))
        dates.update((day,) if day else ())
        periods.update((period,) if period else ())
        of[str(r["document"])] = (k, m, day, period)

    def later(day: dt.date | None, period: str | None, d: dt.date | None, p: str | None) -> bool:
        if day and d:
            return d > day
        return bool(period and p and _YEAR.match(period) and _YEAR.match(p) and p > period)

    return {doc: sum(1 for other, (ds, ps) in meetings[k].items() if other != m and any(
                         later(day, period, d, p) for d in (ds or {None}) for p in (ps or {None})))
            for doc, (k, m, day, period) in of.items()}


def commitments(store: Store, docs: dict[str, Doc] | None = None,
                of: Iterable[str] | None = None) -> list[Commitment]:
    """The commitments of the documents `of` (default: every document that has any), each one's committee the
    one its document belongs to (by identity, kg.ledger docstring). Read a document at a time."""
    docs = docs if docs is not None else documents(store)
    of = of if of is not None else sorted(r["document"] for r in _rows(store, "ledger-committed"))
    seen: dict[str, Commitment] = {}
    for iri in of:
        for row in _rows(store, "ledger-commitments", {"document": URIRef(iri)}):
            c = _commitment(row, docs)
            if c.iri not in seen:
                seen[c.iri] = c
    return list(seen.values())


def _commitment(row: dict, docs: dict[str, Doc]) -> Commitment:
    document = row["document"]
    committee = docs[document].committee if document in docs else _s(row, "committee")
    return Commitment(
        row["commitment"],
        row["text"],
        document,
        committee or _s(row, "committee"),
        _s(row, "actor"),
        _s(row, "topic"),
        " ".join(filter(None, (_s(row, "topic_label"), _s(row, "topic_text")))),
        _s(row, "due_kind") or "none",
        _s(row, "due_text") or "",
        _date(_s(row, "due_date")),
        _s(row, "quote") or "",
        _s(row, "span") or "",
    )


def candidates(store: Store, document: str) -> list[Candidate]:
    """The evidence candidates of one document (matched inside its own graph, so cheap at any store size)."""
    return [
        Candidate(row["document"], row["kind"], row["span"], int(row["start"]), int(row["end"]),
                  # words as the rules read them: a quote wrapped over lines (a PDF's) is one line of words
                  " ".join(row["exact"].split()),
                  row.get("actor"), row.get("indicator"), row.get("indicator_label") or "")
        # as text straight from the store (a later paper is read once per run for each committee it belongs
        # to: at 10,000 documents, most of the ledger's CPU was making rdflib terms of these rows)
        for row in _rows(store, "ledger-evidence", {"document": URIRef(document)})
    ]


def _title(d: Doc) -> tuple[Candidate, ...]:
    """A later paper's own title ("Review of Respite Provision") shows the thing came to the committee.
    It has no span in the text, so it is evidence by its document only."""
    return (Candidate(d.iri, "agenda", "", 0, 0, d.title),) if d.title else ()


# ---- one commitment's steps, people's decisions applied


def is_row(c: Commitment) -> bool:
    """Is the commitment an action-log row (its quote runs across cells or labelled lines)?"""
    return bool(c.span) and any(sep in c.quote for sep in ("\n", "|", "\t"))


def _on_its_agenda(c: Commitment, own: Iterable[Candidate]) -> bool:
    """Does an action-log row's own status put the thing on the agenda of the log's meeting ("Report on
    tonight's agenda")? Then that meeting's report or minutes are read as its evidence too (`_own_row` keeps
    it by the row itself only when none of them shows it)."""
    return any(x.span == c.span and x.kind == "pending" and cue_in("this_meeting", x.exact) for x in own)


def _own_row(c: Commitment, docs: dict[str, Doc], own: Iterable[Candidate],
             later: list[Assessment]) -> list[Assessment]:
    """An action-log row's own status, read in its own paper (the row's progress statement, same span): done
    (a status saying so, or a completion date) is fulfilled from that paper's date; part done or not done when
    its due time had already passed by that paper's meeting, or with its date moved on, is overdue from then,
    until a later paper shows it kept. A conditional row not yet done waits on its condition as usual."""
    row = next((x for x in own if x.span == c.span and x.kind in ("done", "partial", "pending")), None)
    made = docs.get(c.document)
    if row is None or made is None:
        return later
    day = made.known_from or EARLIEST
    if row.kind == "done":
        return [Assessment("fulfilled", c.document, "the action log records it done",
                           Match(row, 1.0, "the action log records it done"), day)]
    if row.kind == "pending" and cue_in("this_meeting", row.exact.rsplit(": ", 1)[-1]):
        # "On this agenda (item 6)": the promised thing comes to the meeting the log is for, so it is kept
        # there (a condition it waited on, met): by that meeting's paper that shows it, else by the row
        if any(s.status == "fulfilled" for s in later):
            return later
        return [Assessment("fulfilled", c.document, "the action log puts it on this meeting's agenda",
                           Match(row, 1.0, "the action log puts it on this meeting's agenda"), day)]
    if row.kind == "pending" and is_conditional(c):
        return later
    end = due_end(c)
    slipped = bool(cue_in("slipped", row.exact))
    # part done at the very meeting it was due for ("Partly complete", due that day) is late as well
    missed = end and made.date and (end < made.date or (row.kind == "partial" and end == made.date))
    if not (missed or slipped):
        return later
    said = "part delivered" if row.kind == "partial" else "not delivered"
    why = f"the action log records it {said} " + (
        "with its date moved on" if slipped and not missed
        else f"after its due date ({end.isoformat() if end else c.due_text})")
    own_step = Assessment("overdue", c.document, why,
                          Match(row, 1.0, why, row.kind == "partial") if row.kind == "partial" else None, day)
    out: list[Assessment] = []
    for s in later:  # a later paper that shows it kept (or overdue in its own right) still counts
        step = s if s.status in ("fulfilled", "overdue") else replace(own_step, since=s.since)
        if not out or not out[-1].same(step):
            out.append(step)
    return out


def steps_of(c: Commitment, docs: dict[str, Doc], cands: Iterable[Candidate],
             reviews: list[Decision] | None = None, siblings: Iterable[Commitment] = (),
             own: Iterable[Candidate] = ()) -> list[Assessment]:
    """The commitment's status timeline, with the people's decisions on it applied (kg.ledger.review).
    `own`: the evidence candidates of the commitment's own paper (an action-log row's status is there)."""
    reviews = reviews or []
    rejected = {d.evidence for d in reviews if d.decision == "reject" and d.evidence}
    if rejected:
        cands = [x for x in cands if x.span not in rejected]
    steps = timeline(c, docs, cands, siblings, same_meeting=is_row(c) and _on_its_agenda(c, own))
    if is_row(c):
        steps = _own_row(c, docs, own, steps)
    if not reviews:
        return steps
    last = reviews[-1]
    who = f" ({last.reviewer})" if last.reviewer else ""
    note = f": {last.note}" if last.note else ""
    out: list[Assessment] = []
    for s in steps:
        in_force = s.since <= last.day
        nxt = steps.index(s) + 1 < len(steps) and steps[steps.index(s) + 1].since <= last.day
        held_at_decision = in_force and not nxt
        if last.decision == "confirm" and held_at_decision and s.status == last.status and (
            s.evidence == last.evidence or last.evidence is None
        ):
            out.append(replace(s, reason=f"confirmed by a reviewer{who}{note}; {s.reason}"))
        elif last.decision == "confirm" and held_at_decision:
            out.append(_overruled(s, last, cands, f"confirmed by a reviewer{who}{note}"))
        elif last.decision == "reject" and held_at_decision and not last.evidence and s.status == last.status:
            out.append(Assessment("unknown", s.as_of_document,
                                  f"a reviewer{who} rejected '{s.status}'{note}; automatic: {s.reason}", None,
                                  s.since))
        else:
            out.append(s)
    return out


def _overruled(s: Assessment, last: Decision, cands: Iterable[Candidate], said: str) -> Assessment:
    """The status a person confirmed, where the automatic one has since moved (papers re-read or replaced):
    theirs stands; a fulfilment only while the evidence they confirmed is still in the store."""
    why = f"{said}; the automatic assessment now says {s.status}: {s.reason}"
    if last.status != "fulfilled":
        return Assessment(last.status, s.as_of_document, why, None, s.since)
    kept = next((x for x in cands if x.span and x.span == last.evidence), None)
    if kept is None:
        return replace(s, reason=f"{s.reason}; the evidence a reviewer confirmed is no longer in the store")
    return Assessment("fulfilled", s.as_of_document, why, Match(kept, 1.0, said), s.since)


# ---- writing


def _until(steps: list[tuple[str, str]]) -> dict[str, str]:
    """(since, assessment IRI) of one commitment's steps -> each step's ckg:until: the date the next step
    takes over (readers order steps by date, then IRI, as they were all written at once). A step whose
    successor starts the same day is never in force: since == until. The last step has none."""
    order = sorted(steps)
    return {node: nxt[0] for (_, node), nxt in zip(order, order[1:], strict=False)}


def _write(g: Graph, c: Commitment, steps: list[Assessment], when: dt.datetime, later: int = 0) -> None:
    # The status in force on a day is then one lookup per commitment (asOf <= day < until), not a search of
    # its later steps (the named queries spent most of their time in that at a million triples).
    until = _until([(a.since.isoformat(), str(iris.assessment(c.iri, n))) for n, a in enumerate(steps, 1)])
    if steps:  # open-commitments' age, one lookup (it counted the committee's meetings row by row)
        g.add((URIRef(c.iri), CKG.laterMeetings, Literal(later)))
    for n, a in enumerate(steps, 1):
        node = iris.assessment(c.iri, n)
        if str(node) in until:
            g.add((node, CKG.until, Literal(until[str(node)], datatype=XSD.date)))
        g.add((URIRef(c.iri), CKG.assessment, node))
        g.add((node, RDF.type, CKG.StatusAssessment))
        g.add((node, CKG.status, Literal(a.status)))
        g.add((node, PROV.generatedAtTime,
               Literal(when.isoformat(timespec="microseconds"), datatype=XSD.dateTime)))
        g.add((node, CKG.asOf, Literal(a.since.isoformat(), datatype=XSD.date)))
        g.add((node, CKG.asOfDocument, URIRef(a.as_of_document)))
        g.add((node, CKG.matchReason, Literal(a.reason)))
        if a.match is None:
            continue
        cand = a.match.candidate
        if a.status == "fulfilled":
            g.add((node, CKG.fulfilledBy, URIRef(cand.document)))
        if cand.span:  # described in the later document's own graph
            g.add((node, CKG.evidence, URIRef(cand.span)))
        g.add((node, CKG.matchScore, Literal(f"{a.match.score:.2f}", datatype=XSD.decimal)))


def _signature(steps: Iterable[Assessment], later: int) -> tuple:
    """What is compared with the stored timeline (`_stored`): each step, then the later meetings' count."""
    return (*((a.since.isoformat(), a.status, a.evidence or "", a.reason, a.as_of_document) for a in steps),
            _age(str(later)))


def _age(later: str) -> tuple:
    """The later meetings' count as a signature's last item (shaped like a step's)."""
    return ("later", later, "", "", "")


def _stored(rows: Iterable[dict]) -> dict[str, tuple]:
    out: dict[str, list] = {}
    ends: dict[str, dict[str, str]] = {}
    later: dict[str, str] = {}
    for r in rows:
        later[str(r["commitment"])] = _s(r, "later") or ""
        out.setdefault(str(r["commitment"]), []).append(
            ((_s(r, "since") or EARLIEST.isoformat())[:10], str(r["status"]), _s(r, "evidence") or "",
             _s(r, "reason") or "", _s(r, "as_of_document") or "", _number(str(r["assessment"]))))
        if _s(r, "until"):
            ends.setdefault(str(r["commitment"]), {})[str(r["assessment"])] = str(r["until"])[:10]
    sigs = {k: (*(x[:5] for x in sorted(v, key=lambda x: x[5])), _age(later[k])) for k, v in out.items()}
    # A timeline written without (or with wrong) ckg:until dates is not what _write writes now: rewrite it.
    for k, v in out.items():
        if ends.get(k, {}) != _until([(x[0], str(iris.assessment(k, x[5]))) for x in v]):
            sigs[k] += (("until", "", "", "", ""),)
    return sigs


def _number(assessment: str) -> int:
    tail = assessment.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


# ---- what the ledger has seen
#
# The ledger graph records, as ckg:sha256, a digest of each committee's documents as last assessed, and on the
# ledger graph's own IRI a digest of the rules, the indicator scheme and the reviews used. A commitment's
# steps depend only on its committee's documents and those; so an ingest re-assesses only the committees whose
# digest moved (documents added, replaced or removed, by this run or by a run killed before its ledger).


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()


def _basis(store: Store) -> str:
    from kg.ledger.review import digest_parts

    scheme = store.graph(str(iris.graph("meta"))).value(iris.graph("indicators"), CKG.sha256)
    return _digest((data_text("ledger.yaml"), str(scheme or ""), "v4-later", *digest_parts(store)))


def seen(store: Store) -> dict[str, str]:
    """The digests the ledger last recorded, by committee IRI (and the ledger graph's IRI for the basis)."""
    rows = _rows(store, "ledger-seen", {"ledger": iris.graph("ledger")})
    return {str(r["node"]): str(r["digest"]) for r in rows}


AHEAD = 2  # committees read ahead, in threads, while one is worked out (kg.ledger.update_ledger)
FLUSH_TRIPLES = 50_000  # the ledger flushes the embedded store after writing this many (as kg.batch does)


@dataclass(frozen=True)
class _Read:
    """What the ledger read of one committee (update_ledger's `read`)."""

    group: list[Commitment]  # the commitments to work out, in their documents' order
    made_with: dict[str, list[Commitment]]  # each of their documents' commitments
    stored: dict[str, tuple]  # their stored timelines' signatures
    evidence: Pool  # the committee's later papers' candidates
    own: dict[str, list[Candidate]]  # action logs' own rows, by document


def _ahead(fn: Callable[[str], _T], items: Iterable[str], n: int) -> Iterator[tuple[str, _T]]:
    """(item, fn(item)) in order, with up to `n` items worked out ahead in threads (none: in this thread)."""
    if n <= 0:
        yield from ((item, fn(item)) for item in items)
        return
    with ThreadPoolExecutor(n) as pool:
        queue: deque[tuple[str, Future[_T]]] = deque()
        for item in items:
            queue.append((item, pool.submit(fn, item)))
            if len(queue) > n:
                first, future = queue.popleft()
                yield first, future.result()
        while queue:
            first, future = queue.popleft()
            yield first, future.result()


def update_ledger(store: Store, *, today: dt.date | None = None, full: bool = False) -> tuple[str, ...]:
    """Work out again the timelines of the commitments whose committee's documents changed since the ledger
    last ran (all of them with `full`); rewrite those whose steps changed, a committee at a time (one
    transaction each, with its digest). One line per commitment whose status as of `today` (default: today)
    changed, in the order of their documents.

    Streamed a committee at a time: only the documents (a few fields each) are read for the whole store; a
    committee's commitments, their stored steps and its later papers' evidence are read when it is worked out
    and let go after (memory grows with the biggest committee, not with the store)."""
    today = today or dt.date.today()
    ledger = str(iris.graph("ledger"))
    # Never assessed, or assessed against a document gone from the store: re-worked wherever they are.
    redo_rows = _rows(store, "ledger-redo", {"ledger": URIRef(ledger)})
    orphans = {r["commitment"] for r in _rows(store, "ledger-orphans", {"ledger": URIRef(ledger)})}
    # The whole store's digest (every document's IRI, which is its text's digest, and the ledger's basis),
    # recorded last by a run that got to the end: when it holds and no commitment lacks its steps, nothing
    # is to be worked out again, and the documents' fields (seconds at 10,000 documents) are not read. A run
    # killed before its end never recorded it.
    whole_node = str(iris.ledger_whole())
    basis = _basis(store)
    whole = _digest((f"basis {basis}", *(r["document"] for r in _rows(store, "ledger-document-iris"))))
    was = seen(store)
    if not full and was.get(whole_node) == whole and not redo_rows and not orphans:
        return ()
    # Which committees changed, from every document's committee alone (and its identity); the documents'
    # other fields are read for the committees worked out again only (a small run into a big store).
    light = _committee_rows(store)
    same = _committee_identity(light)
    ident = {r["document"]: same.get(r["committee"], r["committee"]) if r.get("committee") else None
             for r in light}
    members: dict[str, set[str]] = {}
    for d, k in ident.items():
        if k:
            members.setdefault(k, set()).add(d)
    state = {k: _digest(ds) for k, ds in members.items()}
    state[ledger] = basis
    if full or was.get(ledger) != state[ledger]:
        touched = set(members)
    else:
        touched = {k for k in members if was.get(k) != state[k]}
        touched |= {k for k in was if k not in (ledger, whole_node) and k not in state}  # papers all went
    committed = {r["document"] for r in _rows(store, "ledger-committed")}
    redo = {r["commitment"]: r["document"] for r in redo_rows}
    new_ones = {r["commitment"] for r in redo_rows if r["why"] == "new"}  # no stored steps to read
    del redo_rows

    # A document that names no committee goes by its commitments' own committee, so those are read first
    # (few: a committee is nearly always found).
    loose_docs = sorted(x for x in committed if not ident.get(x))
    loose_rows = [r for d in loose_docs for r in _rows(store, "ledger-documents", {"document": URIRef(d)})]
    loose: dict[str, list[Commitment]] = {}
    loose_known = documents(store, loose_rows, same)
    for d in loose_docs:
        for c in commitments(store, loose_known, [d]):
            if full or (c.committee or "") in touched or c.iri in redo:
                loose.setdefault(c.committee or "", []).append(c)
    needed = touched | {ident[d] for d in redo.values() if ident.get(d)} | (set(loose) & set(members))
    doc_rows = _document_rows(store, needed, light, same, len(members), loose_rows)
    docs = documents(store, doc_rows, same)
    ages = later_meetings(doc_rows)
    del doc_rows, light
    by_committee: dict[str, dict[str, Doc]] = {}
    for doc in docs.values():
        if doc.committee:
            by_committee.setdefault(doc.committee, {})[doc.iri] = doc

    # What to read, by committee: its documents with commitments (all of them to re-work if it is touched,
    # else only the ones in `redo`).
    reads: dict[str, set[str]] = {}
    only: dict[str, set[str]] = {}
    for key in touched:
        reads.setdefault(key, set()).update(d for d in by_committee.get(key, {}) if d in committed)
    for c_iri, d in redo.items():
        key = docs[d].committee if d in docs else None
        if key:
            reads.setdefault(key, set()).add(d)
            only.setdefault(key, set()).add(c_iri)
    reviews = decisions(store)
    lines: list[tuple[tuple, str]] = []
    when = dt.datetime.now(dt.UTC)

    def order(c: Commitment) -> tuple:
        return (docs[c.document].sort() if c.document in docs else (), c.iri)

    # Written a committee at a time, each in one transaction with its digest: the ledger graph is never held
    # whole (it grows with the corpus), and a committee's evidence is only held while it is assessed. A run
    # killed half way leaves the committees not yet written with their old digests: the next run does them.
    # The ledger's own digest (rules, scheme, reviews) goes last, so a change of basis is caught up too.
    follow = str(CKG.assessment)
    done: set[str] = set()

    def read(key: str) -> _Read | None:
        """What the ledger reads of one committee: the commitments to work out, with their documents' others,
        their stored steps, the evidence of the committee's later papers, action logs' own rows."""
        found = commitments(store, docs, sorted(reads.get(key, ()))) + loose.get(key, [])
        made_with: dict[str, list[Commitment]] = {}  # a document's commitments, to tell a bare reference back
        for c in found:
            made_with.setdefault(c.document, []).append(c)
        whole = full or key in touched
        group = sorted((c for c in found if whole or c.iri in only.get(key, ()) or c.iri in redo), key=order)
        if not group:
            return None
        stored = _stored(r for d in sorted({c.document for c in group if c.iri not in new_ones})
                         for r in _rows(store, "ledger-assessments", {"document": URIRef(d)}))
        made = [docs[c.document] for c in group if c.document in docs]
        # (and an action log's own meeting: a row "on this agenda" may be shown kept by that meeting's papers)
        logs = [docs[c.document] for c in group if is_row(c) and c.document in docs]
        later = later_than_any(by_committee.get(key, {}).values(), made, logs) if key else []
        evidence = Pool(x for d in sorted(later, key=lambda d: d.iri)
                        for x in (*_title(d), *candidates(store, d.iri)))
        own = {d: candidates(store, d) for d in sorted({c.document for c in group if is_row(c)})}
        return _Read(group, made_with, stored, evidence, own)

    # The next committees are read in threads while one is worked out and written (Oxigraph lets go of
    # Python's lock while it reads): a few ahead only, so memory stays that of a few committees. Their
    # reads and this committee's write touch different commitments' steps.
    ahead = AHEAD if isinstance(store, LocalStore) else 0
    unflushed = 0  # triples written since the last flush
    for key, got in _ahead(read, sorted(set(reads) | set(loose)), ahead):
        if got is None:
            continue
        done.add(key)
        scope = by_committee.get(key, {})
        new = Graph()
        rewrite: set[str] = set()
        for c in got.group:
            here = scope
            if c.document in docs and c.document not in scope:
                here = {**scope, c.document: docs[c.document]}
            steps = steps_of(c, here, got.evidence, reviews.get(c.iri), got.made_with.get(c.document, ()),
                             got.own.get(c.document, ()))
            age = ages.get(c.document, 0)
            stored = got.stored.get(c.iri)
            if _signature(steps, age) == stored:
                continue
            rewrite.add(c.iri)
            _write(new, c, steps, when, age)
            before = _status_today(stored, today)
            now = status_on(steps, today)
            if now is not None and before != now.status:
                lines.append((order(c), f"{before + ' -> ' if before else ''}{now.status}: {_short(c.text)} "
                                        f"({now.reason})"))
        digest = key in state and was.get(key) != state[key]
        if digest:
            new.add((URIRef(key), CKG.sha256, Literal(state[key])))
        if rewrite or digest:
            store.rewrite(ledger, sorted(rewrite | ({key} if digest else set())), follow, new)
            unflushed += len(new)
            if unflushed >= FLUSH_TRIPLES and isinstance(store, LocalStore):
                # RocksDB keeps what transactions wrote in memory until flushed: a first assessment of
                # 100,000 documents' commitments grew the process by hundreds of MB (as kg.batch found)
                store.flush()
                unflushed = 0
    state[whole_node] = whole  # last: only a run that got here may say that nothing is left to do
    last = Graph()
    stale = {k for k in was if k not in state}
    stale |= {k for k in state if k not in done and was.get(k) != state[k]}
    for k in sorted(stale):
        if k in state:
            last.add((URIRef(k), CKG.sha256, Literal(state[k])))
    if orphans or stale:
        store.rewrite(ledger, sorted(orphans | stale), follow, last)
    return tuple(line for _, line in sorted(lines, key=lambda kv: kv[0]))


def _status_today(sig: tuple | None, today: dt.date) -> str | None:
    now = [s for s in sig or () if s[0] <= today.isoformat()]
    return now[-1][1] if now else None


def later_than_any(docs: Iterable[Doc], made: Iterable[Doc], logs: Iterable[Doc] = ()) -> list[Doc]:
    """The documents later (Doc.after) than at least one of `made`, or of the meeting of one of `logs` (action
    logs, whose rows may be kept by their own meeting's papers): the only ones whose evidence can count."""
    made, days = list(made), {m.date for m in logs if m.date}
    return [d for d in docs if any(d.after(m) for m in made) or d.date in days]


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def forget(store: Store, documents: list[str]) -> None:
    """After documents are removed: drop what the ledger derived from them and re-assess the rest (evidence
    they gave is gone, so timelines that relied on it change). The reviews graph is left as it is."""
    del documents  # the ledger works from what is left in the store
    update_ledger(store)

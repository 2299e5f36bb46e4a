"""The follow-up ledger: after each ingest, re-assess commitments against their committee's later papers.

Statuses (kg/data/ledger.yaml holds the weights and words):
- fulfilled: a later document of the same committee shows the promised thing: a progress statement (something
  recorded as done, a reference back to the request, the item's title on a later agenda) or, for a request for
  data, a figure about it. The match is a sum of explainable parts (key words, indicator, cue, verb, actor)
  and its score and reason stay in the graph. Words in common are never enough alone: the evidence must also
  carry a cue (done, reference, agenda, or the data asked for). Evidence after the due time says "kept late".
- overdue: the due time has passed with no such evidence. next_meeting: a later meeting of the committee is in
  the store; next_update: a later performance report is; future_meeting: `future_meeting_horizon` later
  meetings are (there is no date to go by, so the horizon is counted in meetings the store knows, never in
  wall-clock time); date: the end of the month named is before `today`.
- open: not yet due. unknown: no due time was given and there is no evidence.

Later means a later meeting date; where either document has no date, a later reporting period
(kg.periods.sort_key); documents of unknown year are never "later". A commitment whose document names no
committee has no later papers, so it stays open or unknown (a date still goes overdue).

Assessments live in the named graph iris.graph("ledger"): ckg:StatusAssessment nodes, added and never
overwritten. A new one is added only when a commitment's status or evidence changes, so re-running the ledger
over unchanged documents adds nothing. An ingest re-assesses only the committees whose documents changed since
the ledger last ran (see "what the ledger has seen" below); `update_ledger(..., full=True)` re-assesses all,
with the same result.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.namespaces import CKG, PROV, RDF, XSD
from kg.periods import quarter_of, sort_key
from kg.query import run
from kg.reference import data_text
from kg.store import Store
from kg.yamlfile import loads

STATUSES = ("open", "fulfilled", "overdue", "unknown")


@cache
def rules() -> dict:
    return loads(data_text("ledger.yaml"), "kg/data/ledger.yaml")


def _rows(store: Store, name: str, params: dict | None = None) -> tuple[dict, ...]:
    """Rows of the internal query kg/queries/_NAME.rq, parameters bound."""
    return run(store, f"_{name}", params).rows


def _s(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None else str(v)


# ---- documents and their order


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


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def documents(store: Store) -> dict[str, Doc]:
    out: dict[str, Doc] = {}
    for row in _rows(store, "ledger-documents"):
        iri = str(row["document"])
        out[iri] = Doc(
            iri,
            _s(row, "committee"),
            _s(row, "meeting"),
            _date(_s(row, "meeting_date")),
            _s(row, "period"),
            _s(row, "doc_type"),
            _s(row, "title") or "",
        )
    return out


# ---- commitments and evidence


@dataclass(frozen=True)
class Commitment:
    iri: str
    text: str
    document: str
    committee: str | None
    actor: str | None
    topic: str | None
    topic_words: str
    due_kind: str
    due_text: str
    due_date: dt.date | None


@dataclass(frozen=True)
class Candidate:
    """A stretch of a later document that might show a commitment kept."""

    document: str
    kind: str  # done | reference | agenda | observation
    span: str
    pos: str
    quote_selector: str
    start: int
    end: int
    exact: str
    actor: str | None = None
    indicator: str | None = None
    indicator_label: str = ""


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    reason: str


@dataclass(frozen=True)
class Assessment:
    status: str
    as_of_document: str
    reason: str
    match: Match | None = None

    @property
    def evidence(self) -> str | None:
        return self.match.candidate.span if self.match else None


def commitments(store: Store) -> list[Commitment]:
    seen: dict[str, Commitment] = {}
    for row in _rows(store, "ledger-commitments"):
        iri = str(row["commitment"])
        if iri in seen:
            continue
        seen[iri] = Commitment(
            iri,
            str(row["text"]),
            str(row["document"]),
            _s(row, "committee"),
            _s(row, "actor"),
            _s(row, "topic"),
            " ".join(filter(None, (_s(row, "topic_label"), _s(row, "topic_text")))),
            _s(row, "due_kind") or "none",
            _s(row, "due_text") or "",
            _date(_s(row, "due_date")),
        )
    return list(seen.values())


def candidates(store: Store, document: str) -> list[Candidate]:
    """The evidence candidates of one document (matched inside its own graph, so cheap at any store size)."""
    out = []
    for row in _rows(store, "ledger-evidence", {"document": URIRef(document)}):
        out.append(
            Candidate(
                str(row["document"]),
                str(row["kind"]),
                str(row["span"]),
                str(row["pos"]),
                str(row["q"]),
                int(row["start"]),
                int(row["end"]),
                str(row["exact"]),
                _s(row, "actor"),
                _s(row, "indicator"),
                _s(row, "indicator_label") or "",
            )
        )
    return out


def later_than_any(docs: Iterable[Doc], made: Iterable[Doc]) -> list[Doc]:
    """The documents later (Doc.after) than at least one of `made`: the only ones whose evidence can count.
    Exact, in one pass: compared with the earliest date and the earliest known periods."""
    made = list(made)
    first_date = min((m.date for m in made if m.date), default=None)
    known = [(m.date is None, sort_key(m.order_period)) for m in made]
    first_undated = min((k for undated, k in known if undated and k != (0, 0)), default=None)
    first_any = min((k for _, k in known if k != (0, 0)), default=None)
    out = []
    for d in docs:
        key = sort_key(d.order_period)
        # Periods decide only where either side is undated: a dated document against undated commitments.
        first_key = first_any if d.date is None else first_undated
        if (d.date and first_date and d.date > first_date) or (
            key != (0, 0) and first_key is not None and key > first_key
        ):
            out.append(d)
    return out


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)  # each candidate is scored against many commitments
def key_words(text: str) -> frozenset[str]:
    """Words that say what a text is about: not generic, not verbs of delivery, stemmed."""
    generic = _generic()
    words = (_stem(t) for t in re.findall(r"[A-Za-z][A-Za-z'’-]+|\d{2,}", text))
    return frozenset(w for w in words if w not in generic and len(w) > 2)


@cache
def _generic() -> frozenset[str]:
    return frozenset(_stem(str(w)) for w in rules()["generic"])


def is_data_request(c: Commitment) -> bool:
    words = set(re.findall(r"[a-z]+", c.text.lower()))
    return c.due_kind == "next_update" or bool(words & set(rules()["data_nouns"]))


CUES = {
    "done": "recorded as done",
    "reference": "refers back to the request",
    "agenda": "on a later agenda",
    "observation": "the data asked for appears",
}


@lru_cache(maxsize=65536)
def deliverable_verbs(text: str) -> frozenset[str]:
    """The deliverable verbs (base forms) a text uses: 'had been circulated' -> {'circulate'}."""
    from kg.extract.commitments import base_of

    forms = base_of()
    words = re.findall(r"[a-z]+(?:[ -][a-z]+)?", text.lower())
    singles = re.findall(r"[a-z-]+", text.lower())
    return frozenset(forms[w] for w in (*words, *singles) if w in forms)


def score(c: Commitment, cand: Candidate) -> Match:
    """How strongly `cand` shows `c` kept, and why."""
    w = rules()["weights"]
    wanted = key_words(f"{c.text} {c.topic_words}")
    found = key_words(f"{cand.exact} {cand.indicator_label}")
    shared = sorted(wanted & found)
    share = len(shared) / len(wanted) if wanted else 0.0
    parts: list[str] = []
    total = w["key_words"] * share
    if shared:
        parts.append(f"key words {', '.join(shared)} ({len(shared)}/{len(wanted)})")
    same_indicator = bool(c.topic and cand.indicator and c.topic == cand.indicator)
    if same_indicator:
        total += w["indicator"]
        parts.append(f"indicator {cand.indicator_label or str(cand.indicator).rsplit('/', 1)[-1]}")
    cue = cand.kind in ("done", "reference", "agenda") or (cand.kind == "observation" and is_data_request(c))
    if cue:
        total += w["cue"]
        parts.append(CUES[cand.kind])
    verbs = sorted(deliverable_verbs(" ".join(c.text.split()[:2])) & deliverable_verbs(cand.exact))
    if cue and verbs:
        total += w["verb"]
        parts.append(f"same deliverable ({verbs[0]})")
    if c.actor and cand.actor and c.actor == cand.actor:
        total += w["actor"]
        parts.append("same actor")
    if not cue or not (shared or same_indicator):
        total = min(total, rules()["threshold"] - 0.01)  # nothing but words in common is not evidence
    return Match(cand, round(min(total, 1.0), 2), "; ".join(parts) or "nothing in common")


def _month_end(day: dt.date) -> dt.date:
    nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _label(d: Doc) -> str:
    return d.date.isoformat() if d.date else (d.period or d.iri.rsplit("/", 1)[-1])


def _late(c: Commitment, later: list[Doc], kept: Doc) -> str:
    """'; kept late (due ...)' when the evidence comes after the due meeting, update or month."""
    due: Doc | None = None
    if c.due_kind == "next_meeting" and later:
        due = later[0]
    elif c.due_kind == "next_update":
        due = next((d for d in later if d.is_update()), None)
    if due is not None and kept.after(due):
        return f"; kept late (due {_label(due)})"
    if c.due_kind == "date" and c.due_date and kept.date and kept.date > _month_end(c.due_date):
        return f"; kept late (due by {_month_end(c.due_date).isoformat()})"
    return ""


def assess(c: Commitment, docs: dict[str, Doc], cands: Iterable[Candidate], today: dt.date) -> Assessment:
    """The status of one commitment, given the store's documents and its committee's evidence candidates."""
    made = docs.get(c.document)
    later = sorted(
        (d for d in docs.values() if made and d.committee == c.committee and d.committee and d.after(made)),
        key=Doc.sort,
    )
    as_of = later[-1].iri if later else c.document
    later_iris = {d.iri for d in later}
    best: Match | None = None
    for cand in cands:
        if cand.document in later_iris:
            m = score(c, cand)
            order = (m.score, -later.index(docs[cand.document]), -cand.start)
            if best is None or order > (
                best.score,
                -later.index(docs[best.candidate.document]),
                -best.candidate.start,
            ):
                best = m
    if best and best.score >= rules()["threshold"]:
        late = _late(c, later, docs[best.candidate.document])
        return Assessment("fulfilled", as_of, f"{best.reason} (score {best.score:.2f}){late}", best)
    meetings: list[str] = []
    for d in later:
        if (d.meeting or d.iri) not in meetings:
            meetings.append(d.meeting or d.iri)
    if c.due_kind == "next_meeting":
        if meetings:
            first = next(d for d in later if (d.meeting or d.iri) == meetings[0])
            return Assessment(
                "overdue", as_of, f"due at the next meeting ({_label(first)}); no evidence there or since"
            )
        return Assessment("open", as_of, "due at the next meeting, which is not in the store yet")
    if c.due_kind == "next_update":
        updates = [d for d in later if d.is_update()]
        if updates:
            return Assessment(
                "overdue",
                as_of,
                f"due in the next performance update ({_label(updates[0])}); no evidence there or since",
            )
        return Assessment("open", as_of, "due in the next performance update, which is not in the store yet")
    if c.due_kind == "future_meeting":
        horizon = int(rules()["future_meeting_horizon"])
        if len(meetings) >= horizon:
            return Assessment(
                "overdue",
                as_of,
                f"promised for a future meeting; {len(meetings)} later meetings "
                f"(horizon {horizon}) show no evidence",
            )
        return Assessment(
            "open",
            as_of,
            f"promised for a future meeting; {len(meetings)} of {horizon} later meetings so far",
        )
    if c.due_kind == "date":
        if c.due_date is None:
            return Assessment("unknown", as_of, f"due '{c.due_text}', a date the ledger could not resolve")
        end = _month_end(c.due_date)
        if end < today:
            return Assessment(
                "overdue", as_of, f"due by {end.isoformat()}; no evidence by {today.isoformat()}"
            )
        return Assessment("open", as_of, f"due by {end.isoformat()}, after {today.isoformat()}")
    return Assessment("unknown", as_of, "no due time given and no evidence yet")


# ---- writing


@dataclass(frozen=True)
class Previous:
    count: int
    status: str | None
    evidence: str | None
    at: str | None
    last: int = 0  # highest assessment number so far, so a new one never reuses an IRI


def _number(assessment: str) -> int:
    tail = assessment.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def previous(rows: Iterable[dict], dropped: Iterable[str] = ()) -> dict[str, Previous]:
    """Each commitment's latest assessment, from the ledger-assessments rows, leaving out `dropped` ones."""
    gone = set(dropped)
    out: dict[str, Previous] = {}
    for row in rows:  # ordered by time: the last one wins
        if str(row["assessment"]) in gone:
            continue
        iri = str(row["commitment"])
        before = out.get(iri)
        last = max(before.last if before else 0, _number(str(row["assessment"])))
        n = before.count if before else 0
        out[iri] = Previous(n + 1, str(row["status"]), _s(row, "evidence"), _s(row, "at"), last)
    return out


def _now(after: str | None) -> dt.datetime:
    """Now (UTC, microseconds), strictly after the previous assessment so 'latest' is never a tie."""
    now = dt.datetime.now(dt.UTC)
    if after:
        try:
            prev = dt.datetime.fromisoformat(after.replace("Z", "+00:00"))
            if prev.tzinfo is None:
                prev = prev.replace(tzinfo=dt.UTC)
            if now <= prev:
                now = prev + dt.timedelta(microseconds=1)
        except ValueError:
            pass
    return now


def _write(g: Graph, c: Commitment, a: Assessment, n: int, when: dt.datetime, today: dt.date) -> None:
    node = iris.assessment(c.iri, n)
    lit = Literal
    g.add((URIRef(c.iri), CKG.assessment, node))
    g.add((node, RDF.type, CKG.StatusAssessment))
    g.add((node, CKG.status, lit(a.status)))
    g.add((node, PROV.generatedAtTime, lit(when.isoformat(timespec="microseconds"), datatype=XSD.dateTime)))
    g.add((node, CKG.asOf, lit(today.isoformat(), datatype=XSD.date)))
    g.add((node, CKG.asOfDocument, URIRef(a.as_of_document)))
    g.add((node, CKG.matchReason, lit(a.reason)))
    if a.match is None:
        return
    cand = a.match.candidate
    span = URIRef(cand.span)  # described (selectors, quote) in the later document's own graph
    g.add((node, CKG.fulfilledBy, URIRef(cand.document)))
    g.add((node, CKG.evidence, span))
    g.add((node, CKG.matchScore, lit(f"{a.match.score:.2f}", datatype=XSD.decimal)))


@dataclass(frozen=True)
class Stale:
    """What the ledger holds about documents no longer in the store (removed or replaced)."""

    orphans: frozenset[str] = frozenset()  # commitments gone with their document: all their assessments go
    assessments: frozenset[str] = frozenset()  # whose evidence is gone: dropped, the commitment re-assessed
    as_of: frozenset[str] = frozenset()  # whose 'as of' document is gone: that one triple is dropped

    def __bool__(self) -> bool:
        return bool(self.orphans or self.assessments or self.as_of)


def stale(rows: Iterable[dict], live_commitments: set[str], live_documents: set[str]) -> Stale:
    """What to drop so the ledger speaks only of what is in the store, from the ledger-assessments rows."""
    orphans: set[str] = set()
    gone: set[str] = set()
    as_of: set[str] = set()
    for row in rows:
        c, a = str(row["commitment"]), str(row["assessment"])
        if c not in live_commitments:
            orphans.add(c)
        elif _s(row, "fulfilled_by") and str(row["fulfilled_by"]) not in live_documents:
            gone.add(a)
        elif _s(row, "as_of_document") and str(row["as_of_document"]) not in live_documents:
            as_of.add(a)
    return Stale(frozenset(orphans), frozenset(gone), frozenset(as_of))


def _drop(g: Graph, old: Stale) -> None:
    gone = set(old.assessments)
    for c in map(URIRef, old.orphans):
        gone.update(str(a) for a in g.objects(c, CKG.assessment))
        g.remove((c, None, None))
    for a in map(URIRef, gone):
        g.remove((a, None, None))
        g.remove((None, CKG.assessment, a))
    for a in map(URIRef, old.as_of - gone):
        g.remove((a, CKG.asOfDocument, None))


# ---- what the ledger has seen
#
# The ledger graph records, as ckg:sha256, a digest of each committee's documents as last assessed, and on
# the ledger graph's own IRI a digest of the rules and indicator scheme used. A commitment's status depends
# only on its committee's documents, those rules and labels, and `today`; so an ingest re-assesses against
# evidence only the committees whose digest moved (documents added, replaced or removed, by this run or by a
# run killed before its ledger), and elsewhere only what `today` alone can change: a date passing.


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()


def _basis(store: Store) -> str:
    scheme = store.graph(str(iris.graph("meta"))).value(iris.graph("indicators"), CKG.sha256)
    return _digest((data_text("ledger.yaml"), str(scheme or "")))


def seen(store: Store) -> dict[str, str]:
    """The digests the ledger last recorded, by committee IRI (and the ledger graph's IRI for the basis)."""
    rows = _rows(store, "ledger-seen", {"ledger": iris.graph("ledger")})
    return {str(r["node"]): str(r["digest"]) for r in rows}


def _date_may_pass(c: Commitment, prev: Previous) -> bool:
    """Can `today` alone change this status? Only a due date passing (or, with an earlier today, not yet)."""
    return c.due_kind == "date" and c.due_date is not None and prev.status != "fulfilled"


def update_ledger(store: Store, *, today: dt.date | None = None, full: bool = False) -> tuple[str, ...]:
    """Re-assess the commitments whose committee's documents changed since the ledger last ran (all of
    them with `full`), and elsewhere those a passing date can make overdue; add an assessment where a status
    or its evidence changed. The ledger graph is written once, in one transaction. One line per change."""
    today = today or dt.date.today()
    docs = documents(store)
    items = commitments(store)
    rows = _rows(store, "ledger-assessments")
    old = stale(rows, {c.iri for c in items}, set(docs))
    known = previous(rows, old.assessments)
    by_committee: dict[str, dict[str, Doc]] = {}
    for d in docs.values():
        if d.committee:
            by_committee.setdefault(d.committee, {})[d.iri] = d
    ledger = str(iris.graph("ledger"))
    state = {k: _digest(ds) for k, ds in by_committee.items()}
    state[ledger] = _basis(store)
    was = seen(store)
    if full or was.get(ledger) != state[ledger]:
        touched = set(by_committee)
    else:
        touched = {k for k in by_committee if was.get(k) != state[k]}
    touched |= {c.committee for c in items if c.committee and c.iri not in known}
    todo = [
        c
        for c in items
        if full or c.committee in touched or c.iri not in known or _date_may_pass(c, known[c.iri])
    ]
    made: dict[str, list[Doc]] = {}
    for c in todo:
        if c.committee in touched and c.document in docs:
            made.setdefault(c.committee, []).append(docs[c.document])
    evidence: dict[str, list[Candidate]] = {}
    # A committee's evidence is dropped after its last commitment: kept for the whole run it held every
    # later document's candidates at once (about 400 MB at 10,000 documents).
    remaining = Counter(c.committee for c in todo)
    g = Graph()
    lines: list[str] = []
    for c in sorted(todo, key=lambda c: (docs[c.document].sort() if c.document in docs else (), c.iri)):
        # Only the committee's own documents can be later for it (Doc.after and assess compare committees).
        scope = by_committee.get(c.committee or "", {})
        if c.document in docs and c.document not in scope:
            scope = {**scope, c.document: docs[c.document]}
        cands: list[Candidate] = []
        if c.committee in touched:
            if c.committee not in evidence:
                later = later_than_any(scope.values(), made.get(c.committee, []))
                evidence[c.committee] = [x for d in sorted(later, key=lambda d: d.iri)
                                         for x in candidates(store, d.iri)]
            cands = evidence[c.committee]
        a = assess(c, scope, cands, today)
        remaining[c.committee] -= 1
        if not remaining[c.committee]:
            evidence.pop(c.committee, None)
        prev = known.get(c.iri)
        if prev and prev.status == a.status and prev.evidence == a.evidence:
            continue
        n = (prev.last if prev else 0) + 1
        _write(g, c, a, n, _now(prev.at if prev else None), today)
        was_status = f"{prev.status} -> " if prev else ""
        lines.append(f"{was_status}{a.status}: {_short(c.text)} ({a.reason})")
    if len(g) or old or was != state:
        whole = store.graph(ledger)
        _drop(whole, old)
        whole += g
        whole.remove((None, CKG.sha256, None))
        for node, digest in state.items():
            whole.add((URIRef(node), CKG.sha256, Literal(digest)))
        store.replace_graphs((), {ledger: whole})
    return tuple(lines)


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def forget(store: Store, documents: list[str]) -> None:
    """After documents are removed: drop what the ledger derived from them and re-assess the rest
    (evidence they gave is gone, so statuses that relied on it change, as new assessments)."""
    del documents  # the ledger works from what is left in the store
    update_ledger(store)

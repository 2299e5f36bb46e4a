"""The follow-up ledger over a four-meeting series of one committee (tests/data/followups/), ingested one
meeting at a time: every status arises for its reason, with its evidence; assessments never overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg import iris
from kg.ingest import ingest, remove
from kg.ledger import Candidate, Commitment, Doc, assess, score
from kg.namespaces import CKG
from kg.query import run
from kg.store import LocalStore

SERIES = Path(__file__).parent / "data" / "followups"
DATA = Path(__file__).parent / "data"
M1, M2, M3, M4 = (
    "1-2024-01-15-minutes.txt",
    "2-2024-03-11-minutes.txt",
    "3-2024-06-10-performance-report.txt",
    "4-2024-09-09-minutes.txt",
)
TODAY = {
    M1: dt.date(2024, 2, 1),
    M2: dt.date(2024, 3, 20),
    M3: dt.date(2024, 6, 20),
    M4: dt.date(2024, 10, 1),
}


def _rows(store: LocalStore) -> dict[str, dict]:
    """The contract query's rows, by commitment text."""
    out: dict[str, dict] = {}
    for r in run(store, "commitments").rows:
        assert str(r["text"]) not in out, "one row per commitment"
        out[str(r["text"])] = {k: str(v) for k, v in r.items()}
    return out


def _one(rows: dict[str, dict], words: str) -> dict:
    hits = [r for t, r in rows.items() if words in t]
    assert len(hits) == 1, (words, list(rows))
    return hits[0]


def _file(store: LocalStore, doc_iri: str) -> str:
    return next(Path(d.sources[0]).name for d in store.documents() if d.iri == doc_iri)


def _step(store: LocalStore, name: str) -> tuple[str, ...]:
    report = ingest([SERIES / name], store, today=TODAY[name])
    assert report.ok, report.failed
    return report.ledger


@pytest.fixture
def series(store: LocalStore) -> LocalStore:
    for name in (M1, M2, M3, M4):
        _step(store, name)
    return store


def test_first_meeting_alone_nothing_is_due_yet(store: LocalStore) -> None:
    lines = _step(store, M1)
    rows = _rows(store)
    assert _one(rows, "breakdown of agency")["status"] == "unknown"  # no due time, no evidence
    assert _one(rows, "care leavers")["status"] == "open"  # next update not yet held
    assert _one(rows, "foster carer fees")["status"] == "open"  # next meeting not yet held
    assert _one(rows, "family hubs")["status"] == "open"  # March 2024 is after 1 February 2024
    assert _one(rows, "Department for Education")["status"] == "unknown"
    assert len(lines) == 5 and all(": " in line for line in lines)


def test_later_meeting_changes_earlier_status_without_reingesting_it(store: LocalStore) -> None:
    _step(store, M1)
    lines = _step(store, M2)  # only the second meeting is ingested here
    rows = _rows(store)
    kept = _one(rows, "breakdown of agency")
    assert kept["status"] == "fulfilled"
    assert _file(store, kept["fulfilled_by"]) == M2
    assert kept["fulfilment_quote"].startswith(
        "Minute 6 - A breakdown of agency social worker costs by team had been circulated"
    )
    late = _one(rows, "foster carer fees")
    assert late["status"] == "overdue" and "fulfilled_by" not in late
    assert any(line.startswith("unknown -> fulfilled: circulate a breakdown") for line in lines)
    assert any(
        line.startswith("open -> overdue: bring a report on the review of foster carer fees")
        for line in lines
    )


def test_every_status_for_its_reason(series: LocalStore) -> None:
    rows = _rows(series)
    # fulfilled: a matters-arising line, the requested data in the next scorecard, a report on a later agenda
    r = _one(rows, "care leavers")
    assert r["status"] == "fulfilled" and _file(series, r["fulfilled_by"]) == M3
    assert "care leavers in higher education, which was 14" in r["fulfilment_quote"]
    r = _one(rows, "exclusions of children in care at a future meeting")
    assert r["status"] == "fulfilled" and _file(series, r["fulfilled_by"]) == M4
    r = _one(rows, "revised placement sufficiency strategy")  # ACTION - Mr Patel to send ...
    assert r["status"] == "fulfilled" and "was sent to all Members in April" in r["fulfilment_quote"]
    # overdue: the next meeting passed without it; its month passed without it
    assert _one(rows, "foster carer fees")["status"] == "overdue"
    assert _one(rows, "family hubs")["status"] == "overdue"
    # open: due at the January 2025 meeting (a month means its last day), after 1 October 2024
    r = _one(rows, "further update on exclusions")
    assert r["status"] == "open" and r["due_kind"] == "date" and r["due_date"] == "2025-01-31"
    # unknown: no due time, and nothing later shows it
    assert _one(rows, "Department for Education")["status"] == "unknown"
    assert _one(rows, "slides from the presentation")["status"] == "unknown"


def test_match_is_explained_in_the_graph(series: LocalStore) -> None:
    res = series.query(
        "PREFIX ckg: <https://w3id.org/council-kg/def#> "
        "SELECT ?text ?score ?reason ?asof WHERE { ?c ckg:text ?text ; ckg:assessment ?a . "
        "?a ckg:status 'fulfilled' ; ckg:matchScore ?score ; ckg:matchReason ?reason ; "
        "ckg:asOfDocument ?asof }"
    )
    found = {str(r["text"]): (float(r["score"]), str(r["reason"])) for r in res.rows}
    score_, reason = next(v for k, v in found.items() if "care leavers" in k)
    assert (
        score_ >= 0.55 and "key words" in reason and "higher" in reason and "data asked for appears" in reason
    )
    score_, reason = next(v for k, v in found.items() if "breakdown of agency" in k)
    assert "recorded as done" in reason


def test_assessments_are_dated_and_never_overwritten(series: LocalStore) -> None:
    ledger = series.graph(str(iris.graph("ledger")))
    fees = next(c for c in run(series, "commitments").rows if "foster carer fees" in str(c["text"]))
    history = sorted(ledger.objects(URIRef(str(fees["commitment"])), CKG.assessment))
    statuses = sorted((str(ledger.value(a, CKG.asOf)), str(ledger.value(a, CKG.status))) for a in history)
    # a timeline: open from the meeting it was made at, overdue from the next meeting, which was silent
    assert statuses == [("2024-01-15", "open"), ("2024-03-11", "overdue")]


def test_second_ingest_of_unchanged_documents_adds_no_triples(series: LocalStore) -> None:
    before = series.count()
    report = ingest([SERIES], series, today=TODAY[M4])
    assert report.counts() == {"unchanged": 4} and report.ledger == ()
    assert series.count() == before
    from kg.ledger import update_ledger

    assert update_ledger(series, today=TODAY[M4]) == ()  # re-assessing unchanged documents changes nothing
    assert series.count() == before


def test_removing_the_evidence_reassesses_and_drops_orphans(series: LocalStore) -> None:
    remove(series, M2)
    rows = _rows(series)
    assert _one(rows, "breakdown of agency")["status"] == "unknown"  # its evidence went with meeting 2
    assert not [t for t in rows if "revised placement sufficiency" in t]  # made at meeting 2
    ledger = series.graph(str(iris.graph("ledger")))
    made_at_m2 = [s for s in ledger.subjects(CKG.assessment) if "placement sufficiency" in str(s)]
    assert not made_at_m2
    live = {str(r["commitment"]) for r in run(series, "commitments").rows}
    assert {str(s) for s in ledger.subjects(CKG.assessment)} <= live
    from kg.validate import validate

    report = validate(series)
    assert report.conforms, [p for p in report.violations][:3]  # nothing points at the removed document


def test_a_changed_document_replaces_its_commitments_in_the_ledger(store: LocalStore, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in (M1, M2):
        for suffix in ("", ".meta.yaml"):
            (folder / f"{name}{suffix}").write_bytes((SERIES / f"{name}{suffix}").read_bytes())
    assert ingest([folder], store, today=TODAY[M2]).ok
    # the matters-arising line is edited away: the earlier promise loses its evidence
    m2 = folder / M2
    m2.write_text(
        m2.read_text(encoding="utf-8").replace(
            "had been circulated to Members on 2 February", "was still awaited"
        ),
        encoding="utf-8",
    )
    report = ingest([folder], store, today=TODAY[M2])
    assert report.counts() == {"unchanged": 1, "replaced": 1}
    assert _one(_rows(store), "breakdown of agency")["status"] == "unknown"
    ledger = store.graph(str(iris.graph("ledger")))
    breakdown = next(
        str(r["commitment"]) for r in run(store, "commitments").rows if "breakdown" in str(r["text"])
    )
    history = [str(ledger.value(a, CKG.status)) for a in ledger.objects(URIRef(breakdown), CKG.assessment)]
    assert history == ["unknown"]  # the fulfilment whose evidence was edited away went with it
    from kg.validate import validate

    assert validate(store).conforms


def test_open_commitments_query_overdue_first_with_age(series: LocalStore) -> None:
    rows = run(series, "open-commitments").rows
    assert [str(r["status"]) for r in rows] == ["overdue", "overdue", "open"]
    ages = {str(r["text"])[:25]: int(r["age_meetings"]) for r in rows}
    assert ages["bring a report on the rev"] == 3  # made at meeting 1; meetings 2, 3 and 4 since
    assert ages["provide a further update "] == 0


# ---- incremental: only what a run changed is re-assessed, with the result a full re-assessment gives


LATEST = """
PREFIX ckg: <https://w3id.org/council-kg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?c ?status ?evidence WHERE {
  ?c ckg:assessment ?a . ?a ckg:status ?status ; prov:generatedAtTime ?t .
  OPTIONAL { ?a ckg:evidence ?evidence }
  FILTER NOT EXISTS { ?c ckg:assessment ?b . ?b prov:generatedAtTime ?t2 FILTER(?t2 > ?t) }
}"""


def _latest(store: LocalStore) -> set[tuple[str, str, str]]:
    """Each commitment's latest status and evidence."""
    return {(str(r["c"]), str(r["status"]), str(r.get("evidence", ""))) for r in store.query(LATEST).rows}


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose evidence the ledger asks the store for, from now on."""
    import kg.ledger

    asked: list[str] = []
    real = kg.ledger.candidates

    def spy(store: LocalStore, document: str) -> list[Candidate]:
        asked.append(document)
        return real(store, document)

    monkeypatch.setattr(kg.ledger, "candidates", spy)
    return asked


def _read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose commitments or stored steps the ledger reads from the store, from now on."""
    import kg.ledger

    read: list[str] = []
    real = kg.ledger._rows

    def spy(store: LocalStore, name: str, params: dict | None = None) -> list[dict[str, str]]:
        if name in ("ledger-commitments", "ledger-assessments"):
            read.append(str(params["document"]))
        return real(store, name, params)

    monkeypatch.setattr(kg.ledger, "_rows", spy)
    return read


def _committee_of(store: LocalStore) -> dict[str, str]:
    return {str(r["document"]): str(r.get("committee", "")) for r in run(store, "documents").rows}


def test_incremental_ledger_equals_a_full_one(store: LocalStore, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.corpus import generate
    from kg.ledger import update_ledger

    synthetic = tmp_path / "synthetic"
    generate(synthetic, 16)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
    for path in sorted(synthetic.rglob("doc*.txt*")):
        n = int(path.name[3:9])
        (first if n < 10 else second).joinpath(path.name).write_bytes(path.read_bytes())
    for name in (M1, M2, M3, M4):
        for suffix in ("", ".meta.yaml"):
            target = first if name in (M1, M2) else second
            (target / f"{name}{suffix}").write_bytes((SERIES / f"{name}{suffix}").read_bytes())

    assert ingest([first], store, today=TODAY[M2]).ok
    asked, read = _asked(monkeypatch), _read(monkeypatch)
    report = ingest([first, second], store, today=TODAY[M4])  # meetings 3 and 4 keep earlier promises
    assert report.ok and report.counts() == {"unchanged": 12, "added": 8}
    assert any(line.startswith("open -> fulfilled: ") for line in report.ledger)
    # Evidence was asked only of the committees the run touched, never of an unchanged committee's papers.
    committee = _committee_of(store)
    added = {o.document for o in report.outcomes if o.status == "added"}
    touched = {committee[d] for d in added}
    assert asked and {committee[d] for d in asked} <= touched
    untouched = {d for d, k in committee.items() if k not in touched}
    assert untouched and not untouched & set(asked)
    # ... nor were an unchanged committee's commitments or steps read: the ledger goes a committee at a time
    assert read and {committee[d] for d in read} <= touched
    # Nothing a full re-assessment would change
    incremental = _latest(store)
    assert update_ledger(store, today=TODAY[M4], full=True) == ()
    assert _latest(store) == incremental

    # A removed meeting takes its evidence with it; the committee is re-assessed, the result again full
    remove(store, M2)
    removed = _latest(store)
    assert removed != incremental
    assert update_ledger(store, today=dt.date.today(), full=True) == ()

    # ... and equal to a clean ingest of what is left, assessed once
    (first / M2).unlink()
    (first / f"{M2}.meta.yaml").unlink()
    with LocalStore(tmp_path / "clean") as clean:
        assert ingest([first, second], clean, today=dt.date.today()).ok
        assert {(s, e) for _, s, e in _latest(clean)} and _latest(clean) == removed


def test_a_date_passing_needs_no_new_assessment_and_overdue_needs_a_later_meeting(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status is read for a date from the stored timeline: a due date passing changes what the ledger
    says without any re-assessment, and overdue waits for a later meeting that is silent."""
    from kg.followups import rows

    _step(store, M1)

    def hubs(day: dt.date) -> object:
        return next(f for f in rows(store, as_of=day) if "family hubs" in f.text)

    assert hubs(dt.date(2024, 3, 31)).status == "open"  # due March 2024: by its last day
    passed = hubs(dt.date(2024, 4, 2))
    assert passed.status == "open" and "no later meeting in the store" in passed.reason
    assert passed.since == "2024-04-01"
    asked = _asked(monkeypatch)
    report = ingest([SERIES / M1], store, today=dt.date(2024, 4, 2))
    assert report.counts() == {"unchanged": 1} and report.ledger == () and asked == []
    _step(store, M2)  # 11 March: before the due date, so not the meeting it was due by
    assert hubs(dt.date(2024, 4, 2)).status == "open"
    _step(store, M3)  # 10 June: the first meeting after the due date, silent
    assert hubs(dt.date(2024, 6, 9)).status == "open"
    late = hubs(dt.date(2024, 6, 10))
    assert late.status == "overdue" and late.since == "2024-06-10" and "no evidence" in late.reason
    assert _one(_rows(store), "family hubs")["status"] == "overdue"  # the query, as of today, agrees


def test_as_of_a_date_before_a_commitment_was_made_it_is_not_listed(series: LocalStore) -> None:
    """As of a date, only commitments made by then are listed, each with the status it had then."""
    from kg.followups import rows

    early = rows(series, as_of=dt.date(2024, 2, 1))
    assert {f.made_at for f in early} == {"2024-01-15"}
    kept = next(f for f in early if "breakdown of agency" in f.text)
    assert kept.status == "unknown" and not kept.evidence
    later = next(f for f in rows(series, as_of=dt.date(2024, 3, 11)) if "breakdown of agency" in f.text)
    assert later.status == "fulfilled" and later.since == "2024-03-11"  # the date of the evidence


def test_reviews_outrank_the_ledger_and_survive_reingest_and_removal(series: LocalStore) -> None:
    """confirm keeps a status; reject drops the evidence (the ledger looks again) and both survive re-ingest
    and the removal of an unrelated document, stored in their own graph."""
    from kg.followups import review, rows

    kept = next(f for f in rows(series) if "breakdown of agency" in f.text)
    after = review(series, kept.id, "reject", reviewer="Scrutiny Officer", note="not this paper")
    assert after.status == "unknown" and "had been circulated" not in after.evidence
    fees = next(f for f in rows(series) if "foster carer fees" in f.text)
    confirmed = review(series, fees.id, "confirm", reviewer="Scrutiny Officer")
    assert confirmed.status == "overdue" and confirmed.reason.startswith("confirmed by a reviewer")
    assert ingest([SERIES], series, today=TODAY[M4]).counts() == {"unchanged": 4}
    remove(series, M3)  # unrelated to either decision
    now = {f.id: f for f in rows(series)}
    assert now[kept.id].status == "unknown" and now[fees.id].reason.startswith("confirmed by a reviewer")
    reviews = series.graph(str(iris.graph("reviews")))
    assert len(set(reviews.subjects(CKG.reviewOf, None))) == 2
    from kg.validate import validate

    assert validate(series).conforms


def test_a_ledger_left_behind_is_caught_up_by_the_next_run(store: LocalStore) -> None:
    from kg.ledger import update_ledger

    with pytest.MonkeyPatch.context() as mp:  # a run killed after its documents, before the ledger
        mp.setattr("kg.ledger.update_ledger", lambda *a, **k: ())
        assert ingest([SERIES / M1, SERIES / M2], store, today=TODAY[M2]).ok
    assert _latest(store) == set()
    report = ingest([SERIES / M1, SERIES / M2], store, today=TODAY[M2])
    assert report.counts() == {"unchanged": 2} and report.ledger
    assert _one(_rows(store), "breakdown of agency")["status"] == "fulfilled"
    assert update_ledger(store, today=TODAY[M2], full=True) == ()


def test_a_run_that_changes_no_document_reads_no_documents_fields(series: LocalStore,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The ledger's digest of the whole store holds after a run that got to its end: an unchanged re-run
    does not read the documents' committees; once the digest is gone (a run killed before its end), it does,
    and finds no committee to work out again."""
    import kg.ledger
    from kg.ledger import update_ledger

    names: list[str] = []
    real = kg.ledger._rows

    def spy(store: LocalStore, name: str, params: dict | None = None) -> list[dict[str, str]]:
        names.append(name)
        return real(store, name, params)

    monkeypatch.setattr(kg.ledger, "_rows", spy)
    before = _latest(series)
    report = ingest([SERIES / M1, SERIES / M4], series, today=TODAY[M4])
    assert report.counts() == {"unchanged": 2} and report.ledger == ()
    assert "ledger-document-iris" in names and "ledger-document-committees" not in names
    series.rewrite(str(iris.graph("ledger")), [str(iris.ledger_whole())], str(CKG.assessment), Graph())
    names.clear()
    assert update_ledger(series, today=TODAY[M4]) == ()
    # the committees' digests are checked; no committee changed, so no document's other fields are read
    assert "ledger-document-committees" in names and "ledger-documents" not in names
    assert _latest(series) == before
    names.clear()
    update_ledger(series, today=TODAY[M4])  # the digest is back
    assert "ledger-document-committees" not in names


def test_steps_lost_from_an_unchanged_committee_are_worked_out_again(series: LocalStore) -> None:
    """A commitment with no steps in the ledger (a ledger edited or damaged by hand) gets them back on the
    next run, though its committee's documents did not change."""
    from kg.ledger import update_ledger

    before = _latest(series)
    victim = sorted({c for c, _, _ in before})[0]
    series.rewrite(str(iris.graph("ledger")), [victim], str(CKG.assessment), Graph())
    assert victim not in {c for c, _, _ in _latest(series)}
    update_ledger(series, today=TODAY[M4])
    assert _latest(series) == before


# ---- rules, on their own


def _doc(
    iri: str,
    date: dt.date | None = None,
    period: str | None = None,
    title: str = "Minutes",
    doc_type: str = "minutes",
) -> Doc:
    return Doc(iri, "k", f"m-{date or period}", date, period, doc_type, title)


def _commitment(
    due_kind: str, text: str = "circulate the recruitment plan", due_date: dt.date | None = None
) -> Commitment:
    return Commitment("c", text, "d0", "k", None, None, "", due_kind, "", due_date)


def test_future_meeting_goes_overdue_after_the_horizon() -> None:
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1))}
    c = _commitment("future_meeting")
    for i, status in enumerate(["open", "open", "overdue"], start=1):
        docs[f"d{i}"] = _doc(f"d{i}", dt.date(2024, 1 + 2 * i, 1))
        if i < 3:
            assert assess(c, docs, [], dt.date(2030, 1, 1)).status == status
    assert assess(c, docs, [], dt.date(2030, 1, 1)).status == "overdue"


def test_undated_documents_are_ordered_by_period_and_unknown_years_never_count() -> None:
    c = _commitment("next_meeting")
    docs = {"d0": _doc("d0", period="2023/24 Q1"), "d1": _doc("d1", period="Q2")}
    assert assess(c, docs, [], dt.date(2030, 1, 1)).status == "open"  # "Q2" of an unknown year is not later
    docs["d2"] = _doc("d2", period="2023/24 Q2")
    assert assess(c, docs, [], dt.date(2030, 1, 1)).status == "overdue"


def test_next_update_waits_for_a_performance_report() -> None:
    c = _commitment("next_update")
    docs = {
        "d0": _doc("d0", dt.date(2024, 1, 1)),
        "d1": _doc("d1", dt.date(2024, 2, 1), title="Fostering Annual Report", doc_type="minutes"),
    }
    assert assess(c, docs, [], dt.date(2030, 1, 1)).status == "open"
    docs["d2"] = _doc("d2", dt.date(2024, 4, 1), title="Performance Scorecard Q4", doc_type="report")
    assert assess(c, docs, [], dt.date(2030, 1, 1)).status == "overdue"


def test_date_due_at_the_end_of_its_month() -> None:
    """A month named is due on its last day; past it, open until a later meeting is silent."""
    c = _commitment("date", due_date=dt.date(2024, 3, 1))
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1))}
    assert assess(c, docs, [], dt.date(2024, 3, 31)).status == "open"
    passed = assess(c, docs, [], dt.date(2024, 4, 1))  # past due, but no later meeting in the store
    assert passed.status == "open" and "no later meeting in the store" in passed.reason
    docs["d1"] = _doc("d1", dt.date(2024, 4, 15))
    assert assess(c, docs, [], dt.date(2024, 4, 14)).status == "open"  # that meeting not yet held
    assert assess(c, docs, [], dt.date(2024, 4, 15)).status == "overdue"


def _cand(exact: str, kind: str, doc: str = "d1") -> Candidate:
    return Candidate(doc, kind, f"s-{kind}", 0, len(exact), exact)


def test_shared_words_without_a_cue_are_not_evidence() -> None:
    c = _commitment(
        "none", text="bring more detailed information on missing incidents to a future Panel meeting"
    )
    figure = score(c, _cand("The number of missing incidents had increased.", "observation"))
    assert figure.score < 0.55  # a figure about the topic is not the promised report
    done = score(c, _cand("A report on missing incidents was presented to the Panel.", "done"))
    assert done.score >= 0.55 and "missing" in done.reason and "recorded as done" in done.reason
    other = score(c, _cand("The budget report was presented.", "done"))
    assert other.score < 0.55


def test_the_promised_verb_done_tips_a_short_promise() -> None:
    c = _commitment("none", text="circulate the slides from the presentation")
    m = score(c, _cand("The slides had been circulated to Members.", "done"))
    assert m.score >= 0.55 and "same deliverable (circulate)" in m.reason
    m = score(c, _cand("The slides were discussed.", "reference"))
    assert m.score < 0.55


def test_a_reference_back_saying_the_thing_is_still_not_done_is_no_evidence() -> None:
    """"Matters arising: ... the Ombudsman's findings had still not been received" points back to the promise
    but records nothing kept; the same reference recording the note circulated is evidence."""
    c = _commitment("next_meeting", text="report the outcome of the Ombudsman complaint to the next meeting")
    waiting = score(c, _cand("Matters arising (minute 14): the Monitoring Officer said that the Ombudsman's "
                             "findings on the complaint had still not been received.", "reference"))
    assert waiting.score < 0.55 and "refers back" not in waiting.reason
    kept = score(c, _cand("Matters arising (minute 14): the outcome of the Ombudsman complaint had been "
                          "circulated to Members.", "reference"))
    assert kept.score >= 0.55


def test_the_promisers_post_title_is_not_what_was_promised() -> None:
    """"The Principal Licensing Officer said a new inspector had been appointed" shares "licensing" with a
    promised list of licensing reviews only through the officer's title: who spoke, already counted as the
    actor."""
    c = Commitment("c", "circulate a list of licensing reviews outstanding for more than six months", "d0",
                   "k", "post-plo", None, "", "date", "", dt.date(2024, 8, 31))
    said = Candidate("d1", "done", "s-done", 0, 10, "The Principal Licensing Officer said a new inspector "
                     "had been appointed in May, so the backlog of reviews would shrink.", actor="post-plo")
    assert score(c, said).score < 0.55
    sent = Candidate("d1", "done", "s-done", 0, 10, "The Principal Licensing Officer reported that the list "
                     "of licensing reviews had been circulated.", actor="post-plo")
    assert score(c, sent).score >= 0.55


def test_kept_late_is_said_so() -> None:
    c = _commitment("next_meeting", text="circulate the recruitment plan for foster carers")
    docs = {f"d{i}": _doc(f"d{i}", dt.date(2024, 1 + 2 * i, 1)) for i in range(3)}
    kept = _cand("The recruitment plan for foster carers had been circulated.", "done", "d2")
    a = assess(c, docs, [kept], dt.date(2030, 1, 1))
    assert a.status == "fulfilled" and a.reason.endswith("kept late (due at the next meeting: 2024-03-01)")
    on_time = assess(c, docs, [_cand(kept.exact, "done", "d1")], dt.date(2030, 1, 1))
    assert on_time.status == "fulfilled" and "kept late" not in on_time.reason


def test_evidence_from_the_same_or_an_earlier_meeting_does_not_count() -> None:
    c = _commitment("none", text="circulate the recruitment plan for foster carers")
    docs = {"d0": _doc("d0", dt.date(2024, 3, 1)), "dx": _doc("dx", dt.date(2024, 1, 1))}
    cands = [
        _cand("The recruitment plan for foster carers had been circulated.", "done", "dx"),
        _cand("The recruitment plan for foster carers had been circulated.", "done", "d0"),
    ]
    assert assess(c, docs, cands, dt.date(2030, 1, 1)).status == "unknown"
    docs["d1"] = _doc("d1", dt.date(2024, 5, 1))
    a = assess(
        c,
        docs,
        [*cands, _cand("The recruitment plan for foster carers had been circulated.", "done")],
        dt.date(2030, 1, 1),
    )
    assert a.status == "fulfilled" and a.match is not None and a.match.candidate.document == "d1"


def test_partial_delivery_is_kept_as_such() -> None:
    """Evidence that part was delivered and part is awaited is not fulfilment: past the due meeting it is
    overdue, saying what was delivered."""
    c = _commitment(
        "next_meeting", text="circulate the number of households in temporary accommodation and the cost"
    )
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1))}
    part = _cand("The number of households in temporary accommodation had been circulated to Members, "
                 "but the cost was still awaited.", "done")
    a = assess(c, docs, [part], dt.date(2030, 1, 1))
    assert a.status == "overdue" and "partly delivered" in a.reason and a.match is not None
    whole = _cand(
        "The number of households in temporary accommodation and the cost had been circulated.", "done"
    )
    assert assess(c, docs, [part, whole], dt.date(2030, 1, 1)).status == "fulfilled"


def test_paraphrased_evidence_and_references_back_match() -> None:
    """A later paper that words the thing differently, refers back to the request or records a decision on
    the report still shows the promise kept; words in common with no cue do not."""
    c = _commitment(
        "next_meeting", text="bring a report on the review of respite provision for carers to the Committee"
    )
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1))}
    for words, kind in (
        ("The Committee considered the findings of the respite provision review, which Members had "
         "requested at the last meeting.", "answer"),
        ("That the findings of the respite provision review be noted.", "decision"),
        ("Review of Respite Provision for Carers", "agenda"),
    ):
        a = assess(c, docs, [_cand(words, kind)], dt.date(2030, 1, 1))
        assert a.status == "fulfilled", (words, a.reason)
    chat = _cand("Members discussed respite provision and its review.", "answer")
    assert assess(c, docs, [chat], dt.date(2030, 1, 1)).status == "overdue"
    home = _commitment("date", text="circulate a written briefing on the domiciliary care workforce, "
                       "including vacancy rates and agency spend", due_date=dt.date(2024, 2, 1))
    said = _cand("The Director confirmed that the briefing on the domiciliary care workforce had been "
                 "circulated.", "done")
    assert score(home, said).score >= 0.55  # the thing named, not every part it was to include


def test_a_promise_s_purpose_is_no_part_of_what_is_promised() -> None:
    """"bring the draft cycle network plan to the June meeting so that Members could comment on each route":
    a later agenda item naming the plan keeps it, the purpose's words left out of what must be shown."""
    c = _commitment("date", text="bring the draft cycle network plan to the June meeting so that Members "
                    "could comment on each route", due_date=dt.date(2024, 6, 30))
    assert score(c, _cand("DRAFT CYCLE NETWORK PLAN", "agenda")).score >= 0.55


def test_an_action_log_row_is_kept_by_a_later_log() -> None:
    """A row restated in a later action log is evidence only as its status cell reads it (the extractor's
    progress kind): done keeps the promise, part done leaves it overdue saying so, and a row still open
    restates the promise, which is not its delivery, however many words it shares."""
    c = _commitment("next_meeting", text="circulate the street lighting repair times by ward")
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1), doc_type="other")}
    row = "Circulate the street lighting repair times by ward | Head of Environment | 31/01/2024 | "
    done = _cand(row + "Complete - circulated 20/01/2024", "done")
    assert assess(c, docs, [done], dt.date(2030, 1, 1)).status == "fulfilled"
    for status in ("Outstanding", "On hold pending the new contract", "Not yet due", "On the agenda for this "
                   "meeting", "Complete the survey first"):
        waiting = _cand(row + status, "pending")
        a = assess(c, docs, [waiting], dt.date(2030, 1, 1))
        assert a.status == "overdue" and a.match is None, status
        assert assess(c, docs, [_cand(row + status, "log")], dt.date(2030, 1, 1)).status == "overdue"
    part = _cand(row + "Two of the three wards sent", "partial")
    a = assess(c, docs, [part], dt.date(2030, 1, 1))
    assert a.status == "overdue" and "partly delivered" in a.reason


def _row(due_kind: str, due_date: dt.date | None = None, text: str = "send the allotment waiting list by "
         "site to Members") -> Commitment:
    quote = "Minute 12: Send the allotment waiting list by site to Members | Parks Manager | due | status"
    return Commitment("r", text, "log", "k", None, None, "", due_kind, "", due_date, quote, "span-r")


def _own(kind: str, status: str) -> Candidate:
    exact = "Minute 12: Send the allotment waiting list by site to Members | Parks Manager | due | " + status
    return Candidate("log", kind, "span-r", 0, len(exact), exact)


def test_an_action_log_row_is_judged_by_its_own_status() -> None:
    """A log row (a commitment of the log) read in its own paper: done closes it from the log's date; part
    done or not done past its due date, or with its date moved on, is overdue from then, until a later paper
    shows it kept; not done and not yet due stays open; a row waiting on a condition waits."""
    from kg.ledger import steps_of

    docs = {"log": _doc("log", dt.date(2025, 5, 6), doc_type="other")}
    late = _row("date", dt.date(2025, 3, 31))
    steps = steps_of(late, docs, [], own=[_own("done", "Closed - list emailed 28/03/2025")])
    assert [(s.status, s.since) for s in steps] == [("fulfilled", dt.date(2025, 5, 6))]
    steps = steps_of(late, docs, [], own=[_own("partial", "Part complete - two of five sites sent")])
    assert steps[0].status == "overdue" and "part delivered" in steps[0].reason
    steps = steps_of(late, docs, [], own=[_own("pending", "Outstanding")])
    assert steps[0].status == "overdue" and "not delivered" in steps[0].reason
    nxt = _row("next_meeting")
    steps = steps_of(nxt, docs, [], own=[_own("pending", "Not yet due")])
    assert [s.status for s in steps] == ["open"]
    steps = steps_of(nxt, docs, [], own=[_own("pending", "Delayed by staff absence; revised date July")])
    assert [s.status for s in steps] == ["overdue"] and "moved on" in steps[0].reason
    waits = _row("date", dt.date(2025, 3, 31), text="if the lease is agreed, send the allotment waiting list")
    steps = steps_of(waits, docs, [], own=[_own("pending", "On hold")])
    assert [s.status for s in steps] == ["open"] and steps[0].reason.startswith("conditional")
    docs["later"] = _doc("later", dt.date(2025, 7, 8))
    kept = _cand("The allotment waiting list by site had been sent to Members on 1 June.", "done", "later")
    steps = steps_of(late, docs, [kept], own=[_own("pending", "Outstanding")])
    assert [(s.status, s.since) for s in steps] == [
        ("overdue", dt.date(2025, 5, 6)), ("fulfilled", dt.date(2025, 7, 8))
    ]


def test_a_log_row_on_its_own_meeting_s_agenda_is_kept_by_that_meeting_s_papers() -> None:
    """A row whose status puts the thing on the log's own meeting's agenda ("On this agenda (Item 9)") is
    kept by the report laid before that meeting; a row merely outstanding is not judged by that report."""
    from kg.ledger import steps_of

    docs = {"log": _doc("log", dt.date(2025, 5, 6), doc_type="other"),
            "rep": _doc("rep", dt.date(2025, 5, 6), doc_type="report", title="Allotments")}
    row = _row("date", dt.date(2025, 5, 6))
    report = _cand("The allotment waiting list by site is set out in Appendix A, as had been agreed.", "done",
                   "rep")
    steps = steps_of(row, docs, [report], own=[_own("pending", "On this agenda (Item 9)")])
    assert [s.status for s in steps] == ["fulfilled"] and steps[0].match is not None
    assert steps[0].match.candidate.document == "rep"
    steps = steps_of(row, docs, [report], own=[_own("pending", "Outstanding")])
    assert {s.status for s in steps} == {"open"} and all(s.match is None for s in steps)


def test_an_action_log_s_own_meeting_s_papers_are_read_for_its_rows() -> None:
    """The evidence read for a committee takes in the other papers of an action log's own meeting (its rows
    may be kept there), where a promise made at that meeting reads only later ones."""
    from kg.ledger import later_than_any

    log = _doc("log", dt.date(2025, 5, 6), doc_type="other")
    rep = _doc("rep", dt.date(2025, 5, 6), doc_type="report")
    assert later_than_any([rep], [log], [log]) == [rep]
    assert later_than_any([rep], [log]) == []


@pytest.mark.parametrize("status, slipped", [
    ("Interim note sent in May; final list delayed.", True),
    ("Deferred - officer vacancy", True),
    ("Postponed owing to the election period", True),
    ("Delayed discharge figures awaited from the NHS", False),
])
def test_a_log_row_s_status_saying_delayed_moves_its_date_on(status: str, slipped: bool) -> None:
    """"Full report delayed." or "Deferred - ..." in a row's status says its due time was missed (overdue from
    the log's date) even with no new date given; "delayed" before a noun (a measure's name) says nothing."""
    from kg.ledger import steps_of

    docs = {"log": _doc("log", dt.date(2025, 5, 6), doc_type="other")}
    steps = steps_of(_row("next_meeting"), docs, [], own=[_own("pending", status)])
    assert [s.status for s in steps] == (["overdue"] if slipped else ["open"])


def test_a_log_row_due_at_its_own_meeting_part_done_is_late_and_on_its_agenda_is_kept() -> None:
    """A row due on the very day of the meeting its log is for: "Partly complete" there is the due time come
    and only part delivered (overdue), "Not yet due" stays open; "On this agenda (item 7)" brings the thing
    to that meeting (fulfilled), "Deferred - not on this agenda" does not (its date moved on: overdue)."""
    from kg.ledger import steps_of

    docs = {"log": _doc("log", dt.date(2025, 5, 6), doc_type="other")}
    today = _row("date", dt.date(2025, 5, 6))
    steps = steps_of(today, docs, [], own=[_own("partial", "Partly complete - two sites awaited")])
    assert [s.status for s in steps] == ["overdue"] and "part delivered" in steps[0].reason
    assert {s.status for s in steps_of(today, docs, [], own=[_own("pending", "Not yet due")])} == {"open"}
    steps = steps_of(today, docs, [], own=[_own("pending", "On this agenda (item 7)")])
    assert [(s.status, s.since) for s in steps] == [("fulfilled", dt.date(2025, 5, 6))]
    steps = steps_of(_row("next_meeting"), docs, [], own=[_own("pending", "Deferred - not on this agenda")])
    assert {s.status for s in steps} == {"overdue"}  # not brought to the meeting: its date moved on


def test_a_log_of_the_same_meeting_is_no_later_evidence() -> None:
    """A log tabled at the meeting that made the promise records the promise, not its keeping: a row there
    saying complete does not fulfil the minutes' promise."""
    c = _commitment("next_meeting", text="circulate the street lighting repair times by ward")
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 1, 1), doc_type="other")}
    done = _cand("Circulate the street lighting repair times by ward | Complete", "done")
    assert assess(c, docs, [done], dt.date(2030, 1, 1)).status == "open"


def test_a_fragment_of_a_part_delivery_is_no_full_delivery() -> None:
    """An answer that quotes only the first half of "X had been sent, but Y was still awaited" is read with
    the whole statement: part delivered, so overdue past the due meeting."""
    c = _commitment("next_meeting",
                    text="circulate the bus shelter repair times and the repair costs by ward")
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1))}
    whole = ("The Highways Manager said that the bus shelter repair times by ward had been circulated, but "
             "the repair costs were still awaited.")
    half = whole.split(", but")[0]
    cands = [Candidate("d1", "answer", "s-a", 0, len(half), half),
             Candidate("d1", "done", "s-d", 0, len(whole), whole)]
    a = assess(c, docs, cands, dt.date(2030, 1, 1))
    assert a.status == "overdue" and "partly delivered" in a.reason


def test_the_first_paper_to_show_delivery_is_the_evidence() -> None:
    """A thing is delivered once: the first later paper that shows it is the evidence, not a stronger later
    line looking back at it."""
    c = _commitment("date", text="bring the review of library opening hours to the Committee",
                    due_date=dt.date(2024, 4, 30))
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 4, 2)),
            "d2": _doc("d2", dt.date(2024, 6, 4), doc_type="other")}
    first = _cand("That the review of library opening hours be noted.", "decision", "d1")
    looking_back = _cand("Bring the review of library opening hours to the Committee | Head of Libraries | "
                         "30/04/2024 | Complete - considered 2 April", "done", "d2")
    a = assess(c, docs, [first, looking_back], dt.date(2030, 1, 1))
    assert a.status == "fulfilled" and a.match is not None and a.match.candidate.document == "d1"


def test_a_condition_naming_a_body_by_name_and_acronym_is_a_condition() -> None:
    """'if the Police and Crime Commissioner (PCC) agreed to fund it' waits on its condition."""
    from kg.ledger.match import is_conditional

    c = _commitment("next_meeting", text="extend the night bus pilot, if the Police and Crime Commissioner "
                    "(PCC) agreed to fund it")
    assert is_conditional(c)
    assert not is_conditional(_commitment("next_meeting", text="extend the night bus pilot to two routes"))


def test_a_conditional_promise_waits_for_its_condition() -> None:
    """A promise made subject to a condition is not overdue while no later paper shows it kept."""
    c = _commitment(
        "next_meeting", text="bring a report on the service model if the grant allocation is confirmed"
    )
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1))}
    a = assess(c, docs, [], dt.date(2030, 1, 1))
    assert a.status == "open" and a.reason.startswith("conditional")


def test_a_committee_is_matched_by_its_identity_not_its_council_spelling() -> None:
    """Papers that did not name their council are the same committee as the one known council's committee of
    that name; with two councils having one, they stay apart."""
    from kg.ledger import _committee_identity

    unknown = str(iris.council("Unknown council"))
    known = str(iris.committee("Gateshead Council", "Corporate Parenting Panel"))
    orphan = str(iris.committee("Unknown council", "Corporate Parenting Panel"))
    rows = [
        {"committee": known, "committee_label": "Corporate Parenting Panel",
         "council": iris.council("Gateshead Council")},
        {"committee": orphan, "committee_label": "Corporate Parenting Panel", "council": unknown},
    ]
    assert _committee_identity(rows) == {orphan: known}
    other = str(iris.committee("Durham County Council", "Corporate Parenting Panel"))
    rows.append({"committee": other, "committee_label": "Corporate Parenting Panel",
                 "council": iris.council("Durham County Council")})
    assert _committee_identity(rows) == {}


def test_a_bare_reference_back_matches_the_one_promise_of_that_meeting() -> None:
    """"The figures requested at the last meeting had been circulated" names no topic: it keeps the one
    promise of figures made at the meeting before; with two such promises it keeps neither."""
    from kg.ledger import steps_of

    docs = {"d0": _doc("d0", dt.date(2024, 1, 10)), "d1": _doc("d1", dt.date(2024, 3, 6))}
    figures = Commitment("c1", "circulate the figures on delayed transfers of care", "d0", "k", None, None,
                         "", "next_meeting", "", None)
    visit = Commitment("c2", "arrange a visit to the new extra care scheme", "d0", "k", None, None, "",
                       "next_meeting", "", None)
    said = _cand("The Democratic Services Officer confirmed that the figures requested at the last meeting "
                 "had been circulated to Members.", "done")
    assert steps_of(figures, docs, [said], siblings=[figures, visit])[-1].status == "fulfilled"
    assert steps_of(visit, docs, [said], siblings=[figures, visit])[-1].status == "overdue"
    other = Commitment("c3", "provide the figures on carers' assessments", "d0", "k", None, None, "",
                       "next_meeting", "", None)
    assert steps_of(figures, docs, [said], siblings=[figures, visit, other])[-1].status == "overdue"
    docs["dx"] = _doc("dx", dt.date(2024, 2, 7))  # another meeting came between: not "the last meeting"
    assert steps_of(figures, docs, [said], siblings=[figures, visit])[-1].status == "overdue"


def test_a_later_papers_title_keeps_a_promise_only_on_more_than_one_word() -> None:
    """A later report titled with the thing promised shows it came to the committee; one word in common with
    a title is chance."""
    review = _doc("d1", dt.date(2024, 3, 1), title="Review of Respite Provision", doc_type="report")
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": review}
    c = _commitment("next_meeting", text="bring the review of respite provision to the next meeting")
    title = Candidate("d1", "agenda", "", 0, 0, docs["d1"].title)
    a = assess(c, docs, [title], dt.date(2030, 1, 1))
    assert a.status == "fulfilled" and a.evidence == "d1"
    loose = _commitment("next_meeting", text="report the findings of the review to the next meeting")
    assert assess(loose, docs, [title], dt.date(2030, 1, 1)).status == "overdue"


WELSH = Path(__file__).parent / "data" / "ledger"


def test_partial_and_paraphrased_delivery_through_the_pipeline(store: LocalStore) -> None:
    """Two meetings of a Welsh county council's committee, ingested one at a time: matters arising that give
    the numbers but not the cost keep the promise overdue as part delivered; a report minuted in other words
    ("the findings of the day services review") keeps the promise of "a report on the review of day services"
    on the date of that meeting."""
    from kg.followups import rows

    assert ingest([WELSH / "1-2024-03-05-minutes.txt"], store).ok
    first = {f.text[:25]: f for f in rows(store)}
    assert first["circulate the number of h"].status == "open"
    day = first["bring a report on the rev"]
    assert (day.status, day.due_date) == ("open", "2024-06-30")
    assert "no later meeting in the store" in day.reason  # past due, but no later meeting: not overdue
    assert ingest([WELSH], store).ok
    now = {f.text[:25]: f for f in rows(store)}
    numbers = now["circulate the number of h"]
    assert numbers.status == "overdue" and numbers.partial and numbers.since == "2024-06-18"
    assert "still awaited" in numbers.evidence
    kept = now["bring a report on the rev"]
    assert kept.status == "fulfilled" and kept.since == "2024-06-18"
    assert "day services review" in kept.evidence
    before = {f.text[:25]: f.status for f in rows(store, as_of=dt.date(2024, 6, 17))}
    assert before == {"circulate the number of h": "open", "bring a report on the rev": "open"}
    assert _one(_rows(store), "day services")["status"] == "fulfilled"  # the query agrees, as of today


def test_a_confirmed_status_outranks_a_changed_automatic_one() -> None:
    """When later reading changes the automatic status, a person's confirmation still stands (a fulfilment
    only while its evidence is in the store)."""
    from kg.ledger import steps_of
    from kg.ledger.review import Decision

    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1))}
    c = _commitment("next_meeting", text="circulate the recruitment plan for foster carers")
    kept = _cand("The recruitment plan for foster carers had been circulated.", "done")
    when = dt.datetime(2024, 4, 1, tzinfo=dt.UTC)
    yes = Decision("c", "confirm", "fulfilled", kept.span, when, "Scrutiny Officer")
    said = steps_of(c, docs, [kept], [yes])[-1].reason
    assert said.startswith("confirmed by a reviewer (Scrutiny Officer)")
    # the same evidence, now read as something else (a cue lost): the confirmation stands
    reread = Candidate("d1", "answer", kept.span, 0, 10, "The recruitment plan for foster carers.")
    step = steps_of(c, docs, [reread], [yes])[-1]
    assert step.status == "fulfilled" and "now says overdue" in step.reason
    assert steps_of(c, docs, [], [yes])[-1].status == "overdue"  # its evidence is gone with its paper
    late = Decision("c", "confirm", "overdue", None, when)
    assert steps_of(c, docs, [kept], [late])[-1].status == "overdue"


def test_a_later_action_tracker_is_read_row_by_row_end_to_end(store: LocalStore) -> None:
    """Minutes with three promises, then the next meeting's tracker (Minute | Action | ... | Progress, the
    reference and the action both before the first cell the reader gives): the row saying complete keeps its
    promise; the outstanding row past its date is no delivery (overdue); the not-yet-due row leaves the
    future-meeting promise open. Each tracker row is also judged by its own status."""
    report = ingest([DATA / "ledger-logs"], store, today=dt.date(2025, 5, 1))
    assert report.ok, report.failed
    rows = run(store, "commitments").rows
    got = {(_file(store, str(r["document"]))[:1], str(r["text"])[:24], str(r["status"])) for r in rows}
    assert got == {
        ("1", "circulate the litter fin", "overdue"),
        ("1", "provide a breakdown of t", "fulfilled"),
        ("1", "bring a report on the pl", "open"),
        ("2", "circulate the litter fin", "overdue"),
        ("2", "provide a breakdown of t", "fulfilled"),
        ("2", "bring a report on the pl", "open"),
    }
    kept = next(r for r in rows if str(r["text"]).startswith("provide")
                and _file(store, str(r["document"])).startswith("1"))
    assert _file(store, str(kept["fulfilled_by"])).startswith("2")


def test_a_promise_told_again_is_not_its_delivery() -> None:
    """'At the last meeting the officer undertook to ...' or 'as agreed, the figures would be sent' refers
    back to the promise but records nothing done: no evidence. The same reference that records it done
    ('she had sent ...', 'had been circulated') is."""
    c = _commitment("next_meeting", text="circulate the grass cutting complaints by ward")
    told = [
        "At the last meeting the Grounds Manager undertook to circulate the grass cutting complaints by "
        "ward.",
        "As agreed at the last meeting, the grass cutting complaints by ward would be circulated shortly.",
    ]
    for words in told:
        for kind in ("reference", "answer"):
            assert score(c, _cand(words, kind)).score < 0.55, (words, kind)
    kept = [
        "As agreed at the last meeting, the Grounds Manager had sent the grass cutting complaints by ward "
        "to Members, and would update them in the spring.",
        "Further to the request, the grass cutting complaints by ward had been circulated.",
    ]
    for words in kept:
        assert score(c, _cand(words, "answer")).score >= 0.55, words


def test_each_step_ends_where_the_next_takes_over(series: LocalStore) -> None:
    """Every step's ckg:until is the next step's ckg:asOf, so "asOf <= day < until" picks the step in force on
    any day, as a search of the later steps would (the named queries read the status so)."""
    ledger = series.graph(str(iris.graph("ledger")))
    checked = 0
    for c in set(ledger.subjects(CKG.assessment)):
        steps = sorted((str(ledger.value(a, CKG.asOf)), str(a)) for a in ledger.objects(c, CKG.assessment))
        days = sorted({d for d, _ in steps} | {"0001-01-01", "9999-12-31"})
        for day in days:
            latest = [a for d, a in steps if d <= day][-1:]
            by_until = [a for d, a in steps if d <= day and not (
                (u := ledger.value(URIRef(a), CKG.until)) is not None and str(u) <= day)]
            assert by_until == latest, (c, day)
            checked += len(steps) > 1
    assert checked, "no commitment with a timeline of more than one step: the test would prove nothing"


def test_the_candidate_index_keeps_every_candidate_that_can_count() -> None:
    """kg.ledger.match.Pool scores a commitment against only the candidates sharing a key word or its
    indicator, and the possible references back: every pair score() puts at the threshold, and every
    reference back, is among them, and a timeline reads the same through the index as through a list."""
    from kg.ledger import steps_of
    from kg.ledger.match import Pool, refers_back, rules

    texts = [
        ("A report on missing incidents was presented to the Panel.", "done"),
        ("The number of missing incidents had increased.", "observation"),
        ("That the findings of the respite provision review be noted.", "decision"),
        ("The Committee considered the findings of the respite provision review, which Members had "
         "requested at the last meeting.", "answer"),
        ("Review of Respite Provision for Carers", "agenda"),
        ("The Democratic Services Officer confirmed that the figures requested at the last meeting "
         "had been circulated to Members.", "done"),
        ("The briefing on the domiciliary care workforce had been circulated.", "done"),
        ("The budget report was presented.", "done"),
    ]
    cands = [Candidate("d1", kind, f"s{n}", n, n + len(t), t, indicator="ind:x" if n == 1 else None)
             for n, (t, kind) in enumerate(texts)]
    pool = Pool(cands)
    promises = [
        _commitment("next_meeting", text="bring more detailed information on missing incidents to the Panel"),
        _commitment("next_meeting", text="bring a report on the review of respite provision for carers"),
        _commitment("next_meeting", text="circulate the figures on delayed transfers of care"),
        _commitment("date", text="circulate a written briefing on the domiciliary care workforce, including "
                    "vacancy rates", due_date=dt.date(2024, 2, 1)),
        Commitment("c", "provide the figures", "d0", "k", None, "ind:x", "", "next_update", "", None),
    ]
    docs = {"d0": _doc("d0", dt.date(2024, 1, 10)), "d1": _doc("d1", dt.date(2024, 3, 6))}
    counted = 0
    for c in promises:
        kept = set(pool.scorable(c))
        for x in cands:
            if score(c, x).score >= rules()["threshold"]:
                counted += 1
                assert x in kept, (c.text, x.exact)
            if refers_back(c, x):
                assert x in pool.back(), (c.text, x.exact)
        assert steps_of(c, docs, pool, siblings=promises) == steps_of(c, docs, cands, siblings=promises)
    assert counted >= 4 and len(pool.scorable(promises[2])) < len(cands)


def test_committees_read_ahead_in_threads_give_the_serial_result(store: LocalStore, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A ledger worked out with no committee read ahead is exactly the one worked out with reads ahead in
    threads: a full re-run in the other mode changes nothing."""
    import kg.ledger
    from benchmarks.corpus import generate

    generate(tmp_path / "synthetic", 24)
    monkeypatch.setattr(kg.ledger, "AHEAD", 0)
    assert ingest([tmp_path / "synthetic", SERIES], store, today=TODAY[M4]).ok
    serial = _latest(store)
    assert serial
    monkeypatch.setattr(kg.ledger, "AHEAD", 3)
    assert kg.ledger.update_ledger(store, today=TODAY[M4], full=True) == ()
    assert _latest(store) == serial


def test_reading_ahead_keeps_the_order_and_only_a_few_in_hand() -> None:
    """`_ahead` yields every item's result in the items' order, with never more than n + 1 worked out and
    not yet taken (memory stays that of a few committees)."""
    import threading

    from kg.ledger import _ahead

    lock, started, taken = threading.Lock(), [], []

    def work(item: str) -> str:
        with lock:
            started.append(item)
            assert len(started) - len(taken) <= 3
        return item.upper()

    for item, result in _ahead(work, [f"k{n}" for n in range(20)], 2):
        assert result == item.upper()
        taken.append(item)
    assert taken == [f"k{n}" for n in range(20)]
    assert list(_ahead(work, ["a", "b"], 0)) == [("a", "A"), ("b", "B")]


def _without(src: Path, folder: Path, *fields: str) -> None:
    """A copy of a series paper whose sidecar does not say these fields, and names its committee one that no
    other council in the benchmarks' corpus has (so that a paper naming no council is that committee's)."""
    folder.joinpath(src.name).write_bytes(src.read_bytes())
    meta = [line.replace("Corporate Parenting Panel", "Corporate Parenting Board")
            for line in Path(f"{src}.meta.yaml").read_text().splitlines()
            if not line.startswith(tuple(f"{f}:" for f in fields))]
    folder.joinpath(f"{src.name}.meta.yaml").write_text("\n".join(meta) + "\n")


def test_a_small_run_reads_only_its_committees_documents_and_gives_the_full_ledger(
        store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Into a store of many committees, a run of a few papers reads the fields of its committees' documents
    only (one query a committee), and the ledger is the one a full re-assessment and a clean ingest give:
    with a paper that names no council (placed by linking in the known council that has its committee) and
    one that names no committee (its commitments go by their own)."""
    import kg.ledger
    from benchmarks.corpus import generate

    generate(tmp_path / "synthetic", 24)
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for name in (M1, M2):
        _without(SERIES / name, first)
    _without(SERIES / M3, later, "council")
    _without(SERIES / M4, later, "council", "committee")
    assert ingest([tmp_path / "synthetic", first], store, today=TODAY[M2]).ok
    names: list[str] = []
    real = kg.ledger._rows
    monkeypatch.setattr(kg.ledger, "_rows", lambda s, n, p=None: names.append(n) or real(s, n, p))
    monkeypatch.setattr(kg.ledger, "MOST", 10)  # never every document's fields at once
    report = ingest([later], store, today=TODAY[M4])
    assert report.ok and report.ledger
    committees = set(_committee_of(store).values())
    assert 0 < names.count("ledger-committee-documents") < len(committees) / 2
    assert not any("unknown" in k.lower() for k in committees), "the paper without a council is placed"
    assert "" in committees, "no paper without a committee: proves less"
    small = _latest(store)
    monkeypatch.setattr(kg.ledger, "MOST", 0.25)
    assert kg.ledger.update_ledger(store, today=TODAY[M4], full=True) == ()
    assert _latest(store) == small
    with LocalStore(tmp_path / "clean") as clean:
        assert ingest([tmp_path / "synthetic", first, later], clean, today=TODAY[M4]).ok
        assert _latest(clean) == small


def test_a_letter_written_is_delivered_though_its_reply_is_awaited() -> None:
    """"she had written to the Secretary of State and a reply was still awaited": the promise was to write, so
    it is kept; what the other party has yet to answer is no part of it."""
    c = _commitment("none", text="write to the Secretary of State about the rural transport grant")
    docs = {"d0": _doc("d0", dt.date(2024, 1, 1)), "d1": _doc("d1", dt.date(2024, 3, 1))}
    sent = _cand("The Cabinet Member had written to the Secretary of State about the rural transport grant "
                 "and a reply was still awaited.", "done")
    a = assess(c, docs, [sent], dt.date(2030, 1, 1))
    assert a.status == "fulfilled" and a.match is not None and not a.match.partial



def test_evidence_naming_the_meeting_the_promise_was_made_at_counts_for_more() -> None:
    """"As requested by the Panel on 3 June 2024, Table 4 sets out arrears by ward" keeps "include arrears
    rates by ward in the next report" made on 3 June; the same words naming another date, or naming the date
    with one key word in common ("the Sub-Committee"), do not."""
    c = _commitment("next_update", text="include arrears rates by ward in the next report")
    docs = {"d0": _doc("d0", dt.date(2024, 6, 3)),
            "d1": _doc("d1", dt.date(2024, 9, 2), title="Performance report", doc_type="report")}
    named = _cand("As requested by the Panel on 3 June 2024, Table 4 sets out arrears by ward.", "reference")
    assert assess(c, docs, [named], dt.date(2030, 1, 1)).status == "fulfilled"
    other = _cand("As requested by the Panel on 4 March 2024, Table 4 sets out arrears by ward.", "reference")
    assert assess(c, docs, [other], dt.date(2030, 1, 1)).status != "fulfilled"
    c = _commitment("future_meeting", text="bring a report on the first lettings to a future meeting of the "
                    "Sub-Committee")
    by_name = _cand("As requested by the Sub-Committee on 3 June 2024, Table 2 sets out rents.", "reference")
    assert assess(c, docs, [by_name], dt.date(2030, 1, 1)).status != "fulfilled"


def test_of_one_meetings_papers_the_report_that_delivers_is_the_evidence() -> None:
    """At one meeting the report laid before it that says the thing is there is the evidence, before the
    minutes recording it and a log restating it, whatever order their names sort in."""
    c = _commitment("next_update", text="include the tree survey results by park in the next report")
    day = dt.date(2024, 6, 3)
    docs = {"d0": _doc("d0", dt.date(2024, 3, 4)),
            "a2": _doc("a2", day, title="Minutes", doc_type="minutes"),
            "a3": _doc("a3", day, title="Action log", doc_type="other"),
            "z1": _doc("z1", day, title="Performance report", doc_type="report")}
    cands = [_cand("The tree survey results by park had been presented to the Panel.", "done", "a2"),
             _cand("Include the tree survey results by park | Head of Parks | Complete", "done", "a3"),
             _cand("As requested, the tree survey results by park are set out below.", "reference", "z1")]
    a = assess(c, docs, cands, dt.date(2030, 1, 1))
    assert a.status == "fulfilled" and a.match is not None and a.match.candidate.document == "z1"


def test_a_decision_that_only_schedules_the_promised_report_is_not_its_delivery() -> None:
    """"that the forward plan be approved, noting that the report on X will come in June" decides on the plan;
    "that the report on X be noted" decides on the report delivered."""
    c = _commitment("future_meeting", text="bring a report on the tree planting strategy to a future meeting")
    scheduled = score(c, _cand("That the forward plan be approved, noting that the report on the tree "
                               "planting "
                               "strategy will come to the June meeting.", "decision"))
    assert scheduled.score < 0.55
    noted = score(c, _cand("That the report on the tree planting strategy be noted.", "decision"))
    assert noted.score >= 0.55


def test_a_promised_event_is_not_kept_by_a_paper_on_its_topic() -> None:
    """"arrange a workshop for Members on the flood-defence scheme": "The flood-defence scheme was completed"
    names no event and keeps nothing; "The workshop on the flood-defence scheme was held" does."""
    c = _commitment("none", text="arrange a workshop for Members on the flood-defence scheme")
    assert score(c, _cand("The flood-defence scheme was completed within budget.", "done")).score < 0.55
    held = _cand("The workshop on the flood-defence scheme was held on 3 May.", "done")
    assert score(c, held).score >= 0.55

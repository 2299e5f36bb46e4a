"""The named queries (kg/queries/*.rq) on the seeds' graph: every one runs, the contract ones return exactly
the columns of ../shared/eval/README.md, and each returns the rows the seeds really hold."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from typer.testing import CliRunner

from kg import iris
from kg.cli import app
from kg.errors import QueryError
from kg.query import internal, named_queries, required, resolve, run
from kg.store import LocalStore

ID = "https://w3id.org/council-kg/id/"
DURHAM, DARLINGTON = "Durham County Council", "Darlington Borough Council"
CYP_OSC = "Children and Young People's Overview and Scrutiny Committee"
CPP = "Corporate Parenting Panel"
COUNCILLORS = {"Patterson", "Durham", "Crute", "Mulholland", "Scurfield"}  # as the seeds' minutes name them

CONTRACT = {
    "documents": "document file title doc_type council council_label committee committee_label meeting "
                 "meeting_date period",
    "people": "person name role council document",
    "posts": "post label council holder document",
    "observations": "observation indicator indicator_label value unit measure area period direction document "
                    "quote",
    "contributions": "contribution kind speaker speaker_label responds_to topic document quote",
    "commitments": "commitment text actor actor_label meeting committee due_text due_kind due_date status "
                   "fulfilled_by fulfilment_quote document quote",
    "resolutions": "resolution text meeting document quote",
}

# The scrutiny officer's queries this module pins too (the figures' and commitments' queries have their own
# tests).
OWN = {
    "meetings": "meeting label council council_label committee committee_label date period documents "
                "contributions resolutions commitments",
    "councillor-activity": "councillor name council committee committee_label meetings questions comments "
                           "responses",
    "who-answered": "post post_label responder responder_label response question questioner questioner_label "
                    "topic meeting committee_label document quote question_quote",
    "person": "person node node_label kind relation item detail meeting document quote",
}


def sample_params(store: LocalStore) -> dict[str, object]:
    """A real value for every parameter a shipped query declares."""
    committee = run(store, "meetings").rows[0]["committee"]
    return {"person": "Patterson", "indicator": "placement-moves-3-plus", "committee": committee,
            "fact": run(store, "resolutions").rows[0]["resolution"],
            "document": run(store, "documents").rows[0]["document"], "ledger": iris.graph("ledger"),
            "scheme": iris.found_indicator_scheme(),
            "thing": run(store, "resolutions").rows[0]["resolution"], "name": "Patterson",
            "contains": Literal(True), "aggregates": iris.graph("aggregates"),
            "latest": iris.graph("latest-figures"),
            "council": run(store, "below-target").rows[0]["council"],
            "key": Literal(store.documents()[0].sources[0])}


def rows(store: LocalStore, name: str, **params: object) -> list[dict[str, str]]:
    """Rows as plain strings (IRIs and literals alike), unbound columns left out."""
    return [{k: str(v) for k, v in r.items()} for r in run(store, name, params).rows]  # type: ignore[arg-type]


def all_query_names() -> list[str]:
    return sorted(e.name[:-3] for e in resources.files("kg.queries").iterdir() if e.name.endswith(".rq"))


# ---- every query runs; the listing; the contract columns


@pytest.mark.parametrize("name", all_query_names())
def test_every_query_runs_on_the_seeds(seeds_store: LocalStore, name: str) -> None:
    q = resolve(name)
    assert q.text.lstrip().startswith("#"), "each query starts with a header comment saying what it answers"
    params = sample_params(seeds_store)
    missing = [p for p, _ in q.params if p not in params]
    assert not missing, f"give test_queries.sample_params a value for {missing}"
    res = run(seeds_store, q, {p: params[p] for p, _ in q.params})  # type: ignore[misc]
    assert res.kind == "select"
    assert res.variables and len(set(res.variables)) == len(res.variables)
    if not name.startswith("_"):  # a triple stored in two graphs must not come back as two rows
        assert len({tuple(sorted(r.items())) for r in res.rows}) == len(res.rows)
    if name in OWN:
        assert list(res.variables) == OWN[name].split()


def test_kg_queries_lists_named_queries_but_not_internal_ones() -> None:
    names = set(named_queries())
    assert {"meetings", "councillor-activity", "who-answered", "person", *CONTRACT} <= names
    assert not {n for n in names if n.startswith("_")}
    assert internal("documents-stored") == internal("_documents-stored")
    assert "SELECT ?doc ?sha ?file" in internal("documents-stored")
    res = CliRunner().invoke(app, ["queries"], catch_exceptions=False)
    assert res.exit_code == 0
    assert "who-answered" in res.stdout
    assert "_known-posts" not in res.stdout and "_documents" not in res.stdout


def test_internal_queries_are_runnable_by_their_underscore_name(seeds_store: LocalStore) -> None:
    docs = run(seeds_store, "_documents-stored")
    assert len({str(r["doc"]) for r in docs.rows}) == 5
    posts = run(seeds_store, "_known-posts")
    known = {(str(r["council"]), str(r["label"])) for r in posts.rows}
    assert (DURHAM, "Chief Executive") in known
    with pytest.raises(QueryError, match="unknown query"):
        resolve("_no-such-query")


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_return_exactly_their_columns(seeds_store: LocalStore, name: str) -> None:
    res = run(seeds_store, name)
    assert list(res.variables) == CONTRACT[name].split()
    assert res.rows, f"{name} returns no rows on the seeds"


# ---- the contract queries' rows


def test_documents_rows(seeds_store: LocalStore) -> None:
    got = {r["file"]: r for r in rows(seeds_store, "documents")}
    assert sorted(got) == [f"{n:03d}_{h}.txt" for n, h in enumerate(
        ["c54206f06d683a2c", "d89f0ea69e52ccb1", "b026277b1e2d3df6", "05486bbbf8471d79", "c09156de69ac898d"])]
    assert got["003_05486bbbf8471d79.txt"]["council_label"] == DARLINGTON
    assert got["000_c54206f06d683a2c.txt"]["committee_label"] == CYP_OSC
    assert got["002_b026277b1e2d3df6.txt"]["period"] == "Q1"
    assert {r["doc_type"] for r in got.values()} == {"minutes", "report"}


def test_people_rows(seeds_store: LocalStore) -> None:
    people = rows(seeds_store, "people")
    councillors = {r["name"] for r in people if r.get("role") == "councillor"}
    assert councillors == {f"Councillor {s}" for s in COUNCILLORS}
    officers = {r["name"] for r in people if r.get("role") == "officer"}
    assert officers == {"Helen McAloon", "Stephen Tracey", "Suzanne Joyner", "Sharon Raine"}
    assert all(r["council"].startswith(ID + "council/") for r in people)


def test_posts_rows(seeds_store: LocalStore) -> None:
    posts = rows(seeds_store, "posts")
    holders = {(r["label"], r["holder"]) for r in posts if "holder" in r}
    assert {("Strategy Team Leader", "Helen McAloon"),
            ("Director of Children and Adult Services", "Suzanne Joyner"),
            ("Head of Performance and Transformation", "Sharon Raine")} <= holders
    labels = {r["label"] for r in posts}
    assert {"Chief Executive", "Head of Early Help, Assessment & Safeguarding",
            "Corporate Scrutiny and Performance Manager"} <= labels


def test_observations_rows(seeds_store: LocalStore) -> None:
    obs = rows(seeds_store, "observations")
    assert {r["measure"] for r in obs} <= {"actual", "target", "benchmark", "previous"}
    assert {r["unit"] for r in obs if "unit" in r} <= {"percent", "count", "rate", "currency", "other"}
    assert all("quote" in r and "indicator_label" in r for r in obs)
    # Darlington's scorecard: contacts completed within 1 working day, 98% against a 95% target.
    contacts = {(r["measure"], Decimal(r["value"])) for r in obs
                if "within 1 working day" in r["indicator_label"] and "value" in r}
    assert {("actual", Decimal(98)), ("target", Decimal(95))} <= contacts
    # A figure-less statement keeps its direction and has no value.
    assert any("value" not in r and r.get("direction") for r in obs)


def test_contributions_rows(seeds_store: LocalStore) -> None:
    contribs = rows(seeds_store, "contributions")
    assert {r["kind"] for r in contribs} == {"question", "comment", "response"}
    by_iri = {r["contribution"]: r for r in contribs}
    answered = {(by_iri[r["responds_to"]].get("speaker_label"), r.get("speaker_label"))
                for r in contribs if r["kind"] == "response" and r.get("responds_to") in by_iri}
    assert ("Councillor Patterson", "Head of Early Help, Assessment & Safeguarding") in answered
    assert ("Councillor Crute", "Corporate Equality and Strategy Manager") in answered


def test_commitments_rows(seeds_store: LocalStore) -> None:
    commitments = rows(seeds_store, "commitments")
    assert all(r["quote"] and r["text"] and r["meeting"].startswith(ID + "meeting/") for r in commitments)
    # The Corporate Parenting Panel's two requests and the Committee's January session.
    assert sorted(r["due_kind"] for r in commitments) == ["date", "future_meeting", "next_update"]
    (dated,) = [r for r in commitments if r["due_kind"] == "date"]
    assert "January 2024" in dated["text"] and dated["due_date"].startswith("2024-01")
    # past due, but no later meeting of that committee is in the seeds: open, not overdue (issue 16)
    assert dated["status"] == "open"
    assert {r["status"] for r in commitments if r["due_kind"] != "date"} == {"open"}


def test_resolutions_rows(seeds_store: LocalStore) -> None:
    resolutions = rows(seeds_store, "resolutions")
    assert len(resolutions) == 4
    assert sum("be noted" in r["text"] for r in resolutions) == 4
    assert all(r["meeting"].startswith(ID + "meeting/") and r["quote"] for r in resolutions)
    assert len({r["resolution"] for r in resolutions}) == len(resolutions)


def test_summary_counts(seeds_store: LocalStore) -> None:
    (row,) = run(seeds_store, "summary").rows
    assert int(row["documents"]) == 5 and int(row["councils"]) == 2 and int(row["meetings"]) == 5
    assert int(row["committees"]) == 3


# ---- the scrutiny officer's queries


def test_meetings_are_the_five_seed_meetings_in_time_order(seeds_store: LocalStore) -> None:
    meetings = rows(seeds_store, "meetings")
    assert [(r["council_label"], r["committee_label"], r["period"]) for r in meetings] == [
        (DARLINGTON, "Children and Young People Scrutiny Committee", "2017/18 Q2"),
        (DURHAM, CYP_OSC, "2017/18 Q2"),
        (DURHAM, CYP_OSC, "2023/24 Q1"),
        (DURHAM, CPP, "2023/24 Q1"),
        (DURHAM, CPP, "Q1"),  # a quarter whose year is unknown sorts last
    ]
    assert all(r["documents"] == "1" for r in meetings)
    # The minutes with questions have contributions; the Darlington scorecard has none.
    counts = {(r["committee_label"], r["period"]): int(r["contributions"]) for r in meetings}
    assert counts[(CYP_OSC, "2017/18 Q2")] > 0 and counts[(CYP_OSC, "2023/24 Q1")] > 0
    assert counts[("Children and Young People Scrutiny Committee", "2017/18 Q2")] == 0


def test_meetings_date_sorts_within_its_quarter(store: LocalStore) -> None:
    """A dated meeting in November 2017 (2017/18 Q3) sorts after a 2017/18 Q2 meeting known only by period."""
    from rdflib import Graph

    from kg.namespaces import CKG, RDF, RDFS, SCHEMA, XSD

    g = Graph()
    for slug, label, when in (("a", "Alpha", Literal("2017/18 Q2")), ("b", "Beta", None),
                              ("c", "Gamma", None)):
        m, k = URIRef(f"{ID}meeting/{slug}"), URIRef(f"{ID}committee/{slug}")
        g += [(m, RDF.type, CKG.Meeting), (m, SCHEMA.organizer, k), (k, RDFS.label, Literal(label))]
        if when is not None:
            g.add((m, CKG.periodLabel, when))
    g.add((URIRef(f"{ID}meeting/b"), SCHEMA.startDate, Literal("2017-11-06", datatype=XSD.date)))
    g.add((URIRef(f"{ID}meeting/c"), SCHEMA.startDate, Literal("2017-05-02", datatype=XSD.date)))
    store.replace_graphs((), {f"{ID}graph/test": g})
    assert [r["committee_label"] for r in rows(store, "meetings")] == ["Gamma", "Alpha", "Beta"]


def test_councillor_activity_counts_questions_per_councillor_and_committee(seeds_store: LocalStore) -> None:
    activity = rows(seeds_store, "councillor-activity")
    by_name = {r["name"].removeprefix("Councillor "): r for r in activity}
    assert set(by_name) == COUNCILLORS
    assert len(activity) == len(COUNCILLORS)  # one committee each in the seeds, one row each
    assert all(r["committee_label"] == CYP_OSC for r in activity)
    assert all(int(r["questions"]) >= 1 and r["meetings"] == "1" for r in activity)
    assert int(by_name["Patterson"]["comments"]) >= 1
    questions = [int(r["questions"]) for r in activity]
    assert questions == sorted(questions, reverse=True)
    # The counts agree with the contributions query.
    contribs = rows(seeds_store, "contributions")
    asked = Counter(r["speaker_label"] for r in contribs if r["kind"] == "question")
    for r in activity:
        assert int(r["questions"]) == asked[r["name"]]


def test_who_answered_names_the_posts_that_answered(seeds_store: LocalStore) -> None:
    answered = rows(seeds_store, "who-answered")
    pairs = {(r["post_label"], r.get("questioner_label")) for r in answered}
    assert {("Head of Early Help, Assessment & Safeguarding", "Councillor Patterson"),
            ("Head of Early Help, Assessment & Safeguarding", "Councillor Durham"),
            ("Corporate Equality and Strategy Manager", "Councillor Crute"),
            ("Corporate Equality and Strategy Manager", "Councillor Mulholland"),
            ("Corporate Equality and Strategy Manager", "Councillor Scurfield")} <= pairs
    assert all(r["post"].startswith(ID + "post/") and r["quote"] for r in answered)
    responses = {r["contribution"] for r in rows(seeds_store, "contributions") if r["kind"] == "response"}
    assert {r["response"] for r in answered} <= responses


def test_person_by_name_case_insensitive(seeds_store: LocalStore) -> None:
    found = rows(seeds_store, "person", person="patterson")
    assert {r["node"] for r in found} == {ID + "person/durham-county-council/councillor-patterson"}
    assert {r["person"] for r in found} == {"patterson"}  # the bound parameter is projected
    assert {r["kind"] for r in found} == {"councillor"}
    relations = Counter(r["relation"] for r in found)
    assert relations["named"] >= 1 and relations["question"] >= 1
    assert all(r["document"].startswith(ID + "document/") for r in found)


def test_person_by_post_title_and_by_iri(seeds_store: LocalStore) -> None:
    post = rows(seeds_store, "person", person="CORPORATE EQUALITY AND STRATEGY")
    assert {r["node_label"] for r in post} == {"Corporate Equality and Strategy Manager"}
    assert {r["kind"] for r in post} == {"post"}
    assert ("held by", ID + "person/durham-county-council/officer-stephen-tracey") in {
        (r["relation"], r.get("item")) for r in post}
    assert any(r["relation"] == "response" for r in post)
    iri = ID + "person/durham-county-council/officer-helen-mcaloon"
    by_iri = rows(seeds_store, "person", person=URIRef(iri))
    assert {r["node"] for r in by_iri} == {iri}
    assert ("holds post", "Strategy Team Leader") in {(r["relation"], r.get("detail")) for r in by_iri}


def test_person_that_matches_nobody_returns_no_rows(seeds_store: LocalStore) -> None:
    assert rows(seeds_store, "person", person="Nobody Atall") == []


def test_person_through_the_cli(seeds_store_path: Path) -> None:
    res = CliRunner().invoke(app, ["query", "person", "--param", "person=McAloon", "--store",
                                   str(seeds_store_path), "--format", "csv"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert lines[0].startswith("person,node,node_label,kind,relation")
    assert len(lines) > 1 and all("Helen McAloon" in line for line in lines[1:])
    missing = CliRunner().invoke(app, ["query", "person", "--store", str(seeds_store_path)])
    assert missing.exit_code == 6 and "needs --param person" in missing.stderr


@pytest.mark.parametrize(("name", "extra"),
                         [("below-target", {}), ("indicator-series", {"indicator": "re-referrals"})])
def test_an_optional_council_scopes_the_rows_and_can_be_left_out(seeds_store: LocalStore, name: str,
                                                                 extra: dict[str, str]) -> None:
    """Given a council, a query returns exactly its rows of the whole answer; left out, the whole answer."""
    assert "council" not in required(named_queries()[name])
    everything = run(seeds_store, name, extra).rows
    councils = {r["council"] for r in everything if "council" in r}
    assert councils, f"{name} has no council's rows on the seeds: the check would prove nothing"
    for council in councils:
        scoped = run(seeds_store, name, {**extra, "council": council}).rows
        want = Counter(repr(r) for r in everything if r.get("council") == council)
        assert Counter(map(repr, scoped)) == want

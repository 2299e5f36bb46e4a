"""Identity: aliases, fuzzy matching with a measured threshold, scoping by council, and one IRI per thing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kg import iris
from kg import link as link_mod
from kg.errors import InputError
from kg.ingest import ingest
from kg.link import Known, post_identity, same_post_score
from kg.namespaces import CKG
from kg.store import LocalStore

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
DURHAM = "Durham County Council"


def pairs(kind: str) -> list[tuple[str, str]]:
    raw = yaml.safe_load((DATA / "post_pairs.yaml").read_text(encoding="utf-8"))[kind]
    return [tuple(p.strip() for p in pair.split("|")) for pair in raw]  # type: ignore[misc]


@pytest.mark.parametrize("a, b", pairs("same"))
def test_spellings_of_one_post_match(a: str, b: str) -> None:
    score = same_post_score(a, b)
    assert score is not None and score >= link_mod.FUZZY_THRESHOLD


@pytest.mark.parametrize("a, b", pairs("different"))
def test_different_posts_stay_apart(a: str, b: str) -> None:
    assert same_post_score(a, b) is None


def test_alias_table_decides_first() -> None:
    """The shipped table holds only generic variants ("Chief Executive Officer" is the Chief Executive)."""
    known = Known({DURHAM: ("Chief Executive Officer",)})
    ident = post_identity("Chief Executive Officer", DURHAM, known)
    assert (ident.key, ident.method) == ("Chief Executive", "alias")


def test_fuzzy_match_only_at_the_same_council() -> None:
    known = Known({DURHAM: ("Director of Adult Services",)})
    ident = post_identity("Director of Adults Services", DURHAM, known)
    assert (ident.key, ident.method) == ("Director of Adult Services", "fuzzy")
    assert ident.score and ident.score > 90
    other = post_identity("Director of Adults Services", "Gateshead Council", known)
    assert (other.key, other.method, other.score) == ("Director of Adults Services", "exact", None)
    assert post_identity("director of adult  services", DURHAM, known).method == "exact"


def test_user_alias_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "aliases.yaml"
    f.write_text("by_council:\n  Durham County Council:\n"
                 "    Head of Early Help: Head of Early Help, Assessment & Safeguarding\n",
                 encoding="utf-8")
    monkeypatch.setenv("KG_ALIASES", str(f))
    link_mod.aliases.cache_clear()
    try:
        full = "Head of Early Help, Assessment & Safeguarding"
        assert post_identity("Head of Early Help", DURHAM, Known()).key == full
        assert post_identity("Head of Early Help", "Gateshead Council", Known()).key == "Head of Early Help"
        f.write_text("posts: [not, a, mapping]\n", encoding="utf-8")
        link_mod.aliases.cache_clear()
        with pytest.raises(InputError, match="alias file"):
            link_mod.aliases()
    finally:
        monkeypatch.delenv("KG_ALIASES")
        link_mod.aliases.cache_clear()


def test_canonical_council_and_committee() -> None:
    assert link_mod.canonical_council("Darlington Council") == "Darlington Borough Council"
    assert link_mod.canonical_council(None) == link_mod.UNKNOWN_COUNCIL
    cyp = "Children and Young People's Overview and Scrutiny Committee"
    assert link_mod.canonical_committee("CYP OSC") == cyp
    assert link_mod.canonical_committee("  Corporate   Parenting Panel ") == "Corporate Parenting Panel"


@pytest.mark.parametrize("variant", [
    "Overview and Scrutiny Committee", "OVERVIEW AND SCRUTINY COMMITTEE", "Overview & Scrutiny Committee",
    "OVERVIEW AND SCRUTINY", "the Overview and Scrutiny Committee",
    "Overview and Scrutiny Committee / Pwyllgor Trosolwg a Chraffu",
    "Pwyllgor Trosolwg a Chraffu / Overview and Scrutiny Committee",
])
def test_one_committee_identity_across_spellings(variant: str) -> None:
    assert link_mod.canonical_committee(variant) == "Overview and Scrutiny Committee"


def test_committees_with_their_own_heads_keep_them() -> None:
    assert link_mod.canonical_committee("Cabinet") == "Cabinet"
    board = "Scrutiny Board (Children and Families)"
    assert link_mod.canonical_committee(board.upper()) == board


def test_council_known_under_another_kind_is_one_council() -> None:
    assert link_mod.canonical_council("Harlow Council") == "Harlow District Council"
    assert link_mod.canonical_council("Borthwick Vale Borough Council") == "Borthwick Vale Borough Council"


def _rows(store: LocalStore, sparql: str) -> list[dict]:
    return [{k: str(v) for k, v in r.items()} for r in store.query(sparql).rows]


def test_seeds_one_post_iri_across_spellings_with_method(seeds_store: LocalStore) -> None:
    rows = _rows(seeds_store, """
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX ckg: <https://w3id.org/council-kg/def#>
        SELECT DISTINCT ?post ?method ?surface WHERE { GRAPH ?g {
          ?post a org:Post ; ckg:identityMethod ?method ;
          ckg:surfaceForm ?surface } FILTER(CONTAINS(?surface, "Strategy Manager")) }""")
    assert {r["post"] for r in rows} == {str(iris.post(DURHAM, "Corporate Equality and Strategy Manager"))}
    found = {(r["method"], r["surface"]) for r in rows}
    # no alias copied from the seed: the variant meets its post by the fuzzy rule (inflection only)
    assert ("fuzzy", "Corporate Equalities and Strategy Manager") in found


def test_one_councillor_across_meetings_two_surnames_stay_two(store: LocalStore, tmp_path: Path) -> None:
    """A councillor is council + surname + initial: "Cllr J Okoye" and "Councillor Janet Okoye" at one council
    are one person across meetings, while Councillors R Price and T Price of the same council stay two."""
    docs = tmp_path / "docs"
    docs.mkdir()
    meta = "council: Wrexford County Borough Council\ncommittee: Scrutiny Committee\ndoc_type: minutes\n"
    bodies = {
        "a.txt": "Present: Cllr J Okoye (Chair), Cllr R Price\n\nCouncillor Price asked about parks.\n",
        "b.txt": "Present: Councillor Janet Okoye (Chair) and Councillor T Price\n\n"
                 "Councillor Price asked about roads.\n",
    }
    for name, body in bodies.items():
        (docs / name).write_text(body, encoding="utf-8")
        (docs / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")
    assert ingest([docs], store).ok
    by_surname: dict[str, dict[str, set[str]]] = {}
    for surname in ("Okoye", "Price"):
        # a person is described once (the shared graph); each document naming them links them to its run
        rows = _rows(store, f"""PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            SELECT DISTINCT ?p ?g WHERE {{ ?p a foaf:Person ; foaf:familyName "{surname}" .
                GRAPH ?g {{ ?p <http://www.w3.org/ns/prov#wasGeneratedBy> ?run }} }}""")
        for r in rows:
            by_surname.setdefault(surname, {}).setdefault(r["p"], set()).add(r["g"])
    assert [len(g) for g in by_surname["Okoye"].values()] == [2]
    assert sorted(len(g) for g in by_surname["Price"].values()) == [1, 1]


def test_posts_scoped_by_council(store: LocalStore, tmp_path: Path) -> None:
    """One post title at two councils is two posts."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for src in [DATA / "minutes" / "durham_coreference.txt", DATA / "minutes" / "sunderland_scrutiny.txt",
                next((ROOT / "seeds").glob("000_*.txt"))]:
        shutil.copy2(src, docs / src.name)
        side = src.with_name(src.name + ".meta.yaml")
        if side.exists():
            shutil.copy2(side, docs / side.name)
    assert ingest([docs], store).ok
    posts = _rows(store, """PREFIX org: <http://www.w3.org/ns/org#>
        SELECT DISTINCT ?post WHERE { GRAPH ?g { ?post a org:Post } }""")
    heads = [r["post"] for r in posts if "head-of-early-help" in r["post"]]
    assert len(heads) == 2
    assert {h.split("/")[-2] for h in heads} == {"durham-county-council", "sunderland-city-council"}


def test_without_a_council_people_and_posts_stay_in_their_document(store: LocalStore, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, topic in (("a.txt", "budgets"), ("b.txt", "parks")):
        body = f"Minutes\n\nCouncillor Smith asked about {topic}. The Head of Finance replied.\n"
        (docs / name).write_text(body, encoding="utf-8")
    assert ingest([docs], store).ok
    rows = _rows(store, """PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#>
        SELECT DISTINCT ?x WHERE { GRAPH ?g { { ?x a foaf:Person } UNION { ?x a org:Post } } }""")
    assert len(rows) == 4  # two Smiths and two Heads of Finance: nothing says they are the same


def test_identities_query_lists_merges_for_review(seeds_store: LocalStore) -> None:
    from kg.query import run

    rows = run(seeds_store, "identities").rows
    got = {(str(r["surface"]), str(r["method"]), str(r["label"])) for r in rows}
    assert got == {("Corporate Equalities and Strategy Manager", "fuzzy",
                    "Corporate Equality and Strategy Manager")}


FOUND = DATA / "found-indicators"
NORTHVALE = "Northvale District Council"


def _found_by_doc(store: LocalStore) -> dict[str, dict[str, set[str]]]:
    """surface phrase word -> {document graph -> found indicator IRIs} for the fixture's three measures."""
    rows = _rows(store, """PREFIX ckg: <https://w3id.org/council-kg/def#>
        PREFIX qb: <http://purl.org/linked-data/cube#>
        SELECT ?g ?i ?s WHERE { GRAPH ?g { ?o a qb:Observation ; ckg:indicator ?i ; ckg:surfaceForm ?s } }""")
    out: dict[str, dict[str, set[str]]] = {}
    for r in rows:
        for word in ("tenancies", "garden", "primary", "secondary"):
            if word in r["s"].lower():
                out.setdefault(word, {}).setdefault(r["g"], set()).add(r["i"])
    return out


def test_one_found_indicator_across_a_councils_minutes(store: LocalStore) -> None:
    """A measure the scheme lacks, worded one way in September's minutes and another in December's ("had
    been ... for twelve months" / "were sustained at twelve months in ...% of cases", a trend verb after it),
    is one indicator of the council; primary and secondary pupils' figures stay two indicators."""
    assert ingest([FOUND], store).ok
    found = _found_by_doc(store)
    for measure in ("tenancies", "garden", "secondary"):
        per_doc = found[measure]
        assert len(per_doc) == 2, measure  # both meetings report it
        assert len(set.union(*per_doc.values())) == 1, measure  # under one IRI
    primary = set.union(*found["primary"].values())
    assert primary.isdisjoint(set.union(*found["secondary"].values()))
    iri = next(iter(set.union(*found["tenancies"].values())))
    assert iri == str(iris.found_indicator(NORTHVALE, "new tenancies sustained for twelve months"))
    rows = _rows(store, f"""PREFIX ckg: <https://w3id.org/council-kg/def#>
        SELECT ?m ?s ?u WHERE {{ ?o ckg:indicator <{iri}> ; ckg:identityMethod ?m ; ckg:identityScore ?s .
            <{iri}> ckg:usualUnit ?u }}""")
    assert {r["m"] for r in rows} == {"known"} and rows  # December's wording met September's, recorded
    assert {r["u"] for r in rows} == {str(CKG.percent)}


def test_known_indicators_come_from_the_store_and_jobs_change_nothing(store: LocalStore,
                                                                      tmp_path: Path) -> None:
    """After the first meeting is stored, the next run knows its found indicators with their units; a run
    with worker processes links the second meeting as a serial run does."""
    from kg.prepare import known_from_store

    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(FOUND / "2024-09-12-minutes.txt", first)
    assert ingest([first], store).ok
    known = known_from_store(store).indicators[NORTHVALE]
    tenancies = next(k for k in known if "tenancies" in k.key)
    assert (tenancies.key, tenancies.unit) == ("new-tenancies-sustained-for-twelve-months", "percent")
    assert ingest([FOUND], store).ok
    serial = _found_by_doc(store)
    with LocalStore(tmp_path / "parallel") as par:
        assert ingest([FOUND], par, jobs=2).ok
        assert _found_by_doc(par) == serial


def test_one_found_indicator_across_a_scottish_councils_reports(store: LocalStore) -> None:
    """In a Scottish council's numbered reports, "Topic: measure" headed rows, a trend verb and "in ...% of
    cases" still give one indicator per measure across two reports, while "Care experienced pupils:" keeps its
    qualifier and never joins attendance of all pupils."""
    assert ingest([DATA / "found-indicators-scotland"], store).ok
    rows = _rows(store, """PREFIX ckg: <https://w3id.org/council-kg/def#>
        PREFIX qb: <http://purl.org/linked-data/cube#>
        SELECT ?g ?i ?s WHERE { GRAPH ?g { ?o a qb:Observation ; ckg:indicator ?i ; ckg:surfaceForm ?s } }""")
    by: dict[str, dict[str, set[str]]] = {}
    for r in rows:
        words = ("sport", "bookings", "care experienced", "attendance")
        word = next(w for w in words if w in r["s"].lower())
        by.setdefault(word, {}).setdefault(r["g"], set()).add(r["i"])
    for measure in ("sport", "bookings"):
        assert len(by[measure]) == 2 and len(set.union(*by[measure].values())) == 1, measure
    assert set.union(*by["care experienced"].values()).isdisjoint(set.union(*by["attendance"].values()))


def test_a_paper_naming_only_its_committee_joins_the_one_council_with_that_committee(tmp_path: Path) -> None:
    """An action log that names its committee but no council ("Meeting: ... - Licensing Committee (Item 4)")
    is placed in the council whose minutes name that committee, even when it comes first in the run; where
    two councils have a committee of that name, it stays unplaced."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_log.txt").write_text(
        "Meeting: 04/03/2025 - Licensing Committee (Item 4)\n\nAction Log\n\n"
        "The Committee is asked to note the progress made on the actions below.\n", encoding="utf-8")
    (docs / "b_minutes.txt").write_text(
        "BORTHWICK VALE BOROUGH COUNCIL\n\nMINUTES of the meeting of the LICENSING COMMITTEE held on "
        "Tuesday 3 December 2024\n\nPresent: Councillor J Ferris (Chair)\n\n1. Apologies\n\nNone.\n",
        encoding="utf-8")
    store = LocalStore(tmp_path / "store")
    ingest([docs], store)
    councils = {r["file"]: r["council"] for r in _rows(store, """
        PREFIX ckg: <https://w3id.org/council-kg/def#>
        SELECT ?file ?council WHERE { GRAPH ?g { ?d ckg:sourceFile ?file ; ckg:council ?council } }""")}
    borthwick = str(iris.council("Borthwick Vale Borough Council"))
    assert councils["a_log.txt"] == councils["b_minutes.txt"] == borthwick
    # a second council's Licensing Committee: a new log of that name says nothing of which council it is
    (docs / "c_minutes.txt").write_text(
        "KELLSIDE DISTRICT COUNCIL\n\nMINUTES of the meeting of the LICENSING COMMITTEE held on "
        "Monday 9 December 2024\n\nPresent: Councillor P Amis (Chair)\n\n1. Apologies\n\nNone.\n",
        encoding="utf-8")
    (docs / "d_log.txt").write_text(
        "Meeting: 10/03/2025 - Licensing Committee (Item 5)\n\nAction Log\n\nNo actions are outstanding.\n",
        encoding="utf-8")
    ingest([docs], store)
    councils = {r["file"]: r["council"] for r in _rows(store, """
        PREFIX ckg: <https://w3id.org/council-kg/def#>
        SELECT ?file ?council WHERE { GRAPH ?g { ?d ckg:sourceFile ?file ; ckg:council ?council } }""")}
    assert councils["d_log.txt"] == str(iris.council(link_mod.UNKNOWN_COUNCIL))


def test_council_of_committee_needs_one_council() -> None:
    """The lookup itself: one council with the committee places the paper; none or two do not."""
    known = Known(committees={"Audit Committee": ("A Council",), "Cabinet": ("A Council", "B Council")})
    assert link_mod.council_of_committee("Audit Committee", known) == "A Council"
    assert link_mod.council_of_committee("Cabinet", known) is None
    assert link_mod.council_of_committee("Planning Committee", known) is None


def test_a_council_s_short_name_is_the_council_known_by_its_full_name() -> None:
    """"X Council" (a running head's short form) is the one known council of that place, whichever name came
    first; a town council of the place, or a place two known councils share, stays apart."""
    long_known = Known(posts={"Royal Borough of Pellingham": ("Chief Executive",)})
    assert link_mod.known_council("Pellingham Council", long_known) == "Royal Borough of Pellingham"
    short_known = Known(committees={"Cabinet": ("Pellingham Council",)})
    assert link_mod.known_council("Royal Borough of Pellingham", short_known) == "Pellingham Council"
    assert link_mod.known_council("Pellingham Town Council", long_known) == "Pellingham Town Council"
    two = Known(posts={"Ashmoor County Council": (), "Ashmoor City Council": ()})
    assert link_mod.known_council("Ashmoor Council", two) == "Ashmoor Council"
    assert link_mod.known_council("Ashmoor District Council", long_known) == "Ashmoor District Council"


def test_papers_naming_their_council_two_ways_are_one_council(tmp_path: Path) -> None:
    """Minutes headed with the full name and a report whose running head shortens it are one council, and an
    action log naming only their committee is then placed in it (two names had made the committee look
    like two councils')."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_minutes.txt").write_text(
        "ROYAL BOROUGH OF PELLINGHAM\n\nMINUTES of the meeting of the HOUSING SCRUTINY PANEL held on "
        "Tuesday 4 February 2025\n\nPresent: Councillor T Oduya (Chair)\n\n1. Apologies\n\nNone.\n",
        encoding="utf-8")
    (docs / "b_report.txt").write_text(
        "Pellingham Council                         Housing Scrutiny Panel 4 February 2025\n\n"
        "Repairs Performance Report\n\nReport of the Director of Housing\n\n1. Summary\n\n"
        "1.1 This report sets out repairs performance for the third quarter.\n", encoding="utf-8")
    (docs / "c_log.txt").write_text(
        "Meeting: 01/04/2025 - Housing Scrutiny Panel (Item 6)\n\nAction Log\n\n"
        "The Panel is asked to note the progress made on the actions below.\n", encoding="utf-8")
    store = LocalStore(tmp_path / "store")
    ingest([docs], store)
    councils = {r["file"]: r["council"] for r in _rows(store, """
        PREFIX ckg: <https://w3id.org/council-kg/def#>
        SELECT ?file ?council WHERE { GRAPH ?g { ?d ckg:sourceFile ?file ; ckg:council ?council } }""")}
    assert set(councils.values()) == {str(iris.council("Royal Borough of Pellingham"))}, councils
    assert len(councils) == 3

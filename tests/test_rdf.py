"""kg/rdf.py: a hand-built extraction, linked and mapped to RDF, is exactly the graph written by hand in
tests/data/rdf/sample.ttl (compared with rdflib.compare.isomorphic)."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.link import link
from kg.model import (
    BodyFact,
    CommitmentFact,
    ContributionFact,
    DocMeta,
    Extraction,
    HoldingFact,
    ObservationFact,
    PersonFact,
    PostFact,
    ResolutionFact,
    SourceDoc,
    Span,
)
from kg.namespaces import CKG, RDF
from kg.rdf import to_graph

DATA = Path(__file__).resolve().parent / "data" / "rdf"
WHEN = dt.datetime(2024, 1, 15, 9, 30, tzinfo=dt.UTC)

TEXT = (
    "Corporate Parenting Panel\n"
    "Helen McAloon, Strategy Team Leader, presented the report.\n"
    "Councillor Jane Smith asked why re-referrals had risen.\n"
    "The Strategy Team Leader replied that re-referrals were 21.5% in the quarter.\n"
    "The Strategy Team Leader will report back to the next meeting.\n"
    "Resolved: (i) that the report be noted.\n"
)


def span_of(needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span.of(TEXT, start, start + len(needle))


def sample_extraction() -> Extraction:
    """One minutes document with one of each kind of fact."""
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    meta = DocMeta(council="Durham County Council", committee="Corporate Parenting Panel",
                   meeting_date=dt.date(2023, 9, 11), title="Performance update", doc_type="minutes",
                   period="2023/24 Q2", origins=(("council", "sidecar"), ("committee", "sidecar")))
    doc = SourceDoc(path=Path("sample.txt"), name="sample.txt", text=TEXT, sha256=sha, format="txt",
                    meta=meta)
    question = span_of("Councillor Jane Smith asked why re-referrals had risen.")
    answer = span_of("The Strategy Team Leader replied that re-referrals were 21.5% in the quarter.")
    promise = span_of("The Strategy Team Leader will report back to the next meeting.")
    return Extraction(
        doc=doc,
        council=BodyFact("council", "Durham County Council", "sidecar"),
        committee=BodyFact("committee", "Corporate Parenting Panel", "sidecar",
                           span_of("Corporate Parenting Panel")),
        period="2023/24 Q2",
        people=(
            PersonFact("officer-helen-mcaloon", "Helen McAloon", "officer", span_of("Helen McAloon"),
                       surname="McAloon", forename="Helen"),
            PersonFact("councillor-smith", "Councillor Jane Smith", "councillor",
                       span_of("Councillor Jane Smith"), surname="Smith", forename="Jane"),
        ),
        posts=(PostFact("stl", "Strategy Team Leader", "Strategy Team Leader",
                        span_of("Strategy Team Leader")),),
        holdings=(HoldingFact("officer-helen-mcaloon", "stl",
                              span_of("Helen McAloon, Strategy Team Leader")),),
        contributions=(
            ContributionFact("q1", "question", "councillor-smith", question,
                             topic="the rise in re-referrals"),
            ContributionFact("r1", "response", "stl", answer, responds_to="q1", confidence=0.8),
        ),
        resolutions=(ResolutionFact("res1", "the report be noted", span_of("that the report be noted"),
                                    "(i)"),),
        observations=(
            ObservationFact("o1", "new:re-referral-rate", "re-referral rate", span_of("21.5%"),
                            value=Decimal("21.5"), unit="percent", measure="actual", direction="increased"),
        ),
        commitments=(
            CommitmentFact("c1", "report back on re-referrals", promise, actor="stl",
                           due_text="to the next meeting", due_kind="next_meeting", confidence=0.9),
        ),
    )


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Graph:
    monkeypatch.delenv("KG_BASE", raising=False)
    return to_graph(link(sample_extraction()), when=WHEN)


def expected() -> Graph:
    return Graph().parse(DATA / "sample.ttl", format="turtle")


def test_sample_extraction_maps_to_the_expected_graph(built: Graph) -> None:
    want = expected()
    if not isomorphic(built, want):
        _, only_built, only_expected = graph_diff(to_isomorphic(built), to_isomorphic(want))
        pytest.fail("graphs differ\nonly built:\n" + "\n".join(sorted(f"  {t}" for t in only_built))
                    + "\nonly expected:\n" + "\n".join(sorted(f"  {t}" for t in only_expected)))


def test_comparison_would_notice_a_changed_triple(built: Graph) -> None:
    # isomorphic() must not be vacuous: one changed value makes the graphs differ.
    obs = next(built.subjects(RDF.type, URIRef("http://purl.org/linked-data/cube#Observation")))
    built.set((obs, CKG.value, Literal(Decimal("22.5"))))
    assert not isomorphic(built, expected())


def test_base_iri_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_BASE", "https://example.org/kg/")
    g = to_graph(link(sample_extraction()), when=WHEN)
    subjects = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    assert any(s.startswith("https://example.org/kg/document/") for s in subjects)
    assert not any(s.startswith("https://w3id.org/council-kg/id/") for s in subjects)


def test_the_base_is_read_once_for_a_document_and_again_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside `iris.held_base` (what `emit` mints a document under) the base read on entry holds; once the
    block ends a changed KG_BASE is read again, so the next document follows it."""
    from kg import iris

    monkeypatch.setenv("KG_BASE", "https://one.example/kg")
    with iris.held_base():
        monkeypatch.setenv("KG_BASE", "https://two.example/kg/")
        assert str(iris.council("Exampleshire")).startswith("https://one.example/kg/council/")
    assert str(iris.council("Exampleshire")).startswith("https://two.example/kg/council/")
    g = to_graph(link(sample_extraction()), when=WHEN)
    assert all(not str(s).startswith("https://one.example/") for s in g.subjects())


@pytest.mark.parametrize(("council", "area", "own"), [
    ("Durham County Council", "Durham", True), ("Durham County Council", "County Durham", True),
    ("City of York Council", "City of York", True), ("City of York Council", "York", True),
    ("Vale of Glamorgan Council", "the Vale of Glamorgan", True),
    ("Vale of Glamorgan Council", "Vale of Glamorgan", True), ("Durham County Council", "Darlington", False),
    ("City of York Council", "North Yorkshire", False)])
def test_a_figure_for_the_council_s_own_area_by_name_is_the_council_s_area(
        council: str, area: str, own: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """An observation whose area names the council's own place, however its kind is worded ("199 in Durham",
    "in the City of York" in York's paper), has the council's area, the same node as the council's own
    figures, not a new place; another place keeps its own."""
    from dataclasses import replace

    from kg.namespaces import SDMX_DIM

    monkeypatch.delenv("KG_BASE", raising=False)
    x = sample_extraction()
    x = replace(x, council=replace(x.council, name=council),
                doc=replace(x.doc, meta=replace(x.doc.meta, council=council)))
    own_figure = x.observations[0]
    named = replace(own_figure, key="o2", area=area, value=Decimal("20.1"))
    g = to_graph(link(replace(x, observations=(own_figure, named))), when=WHEN)
    areas = {o for s, o in g.subject_objects(SDMX_DIM.refArea)}
    assert (len(areas) == 1) is own


# ---- the ingest's emitter, against the N-Quads the rdflib path wrote before it was replaced (issue 18)


def _document_quads(store_path: Path) -> set[bytes]:
    """Every document graph's quads as N-Quads lines, the run's start time left out (it is the day's)."""
    import pyoxigraph as ox

    from kg.store import LocalStore

    with LocalStore(store_path, read_only=True) as st:
        data = st._s.dump(format=ox.RdfFormat.N_QUADS)  # noqa: SLF001 - the store's own bytes, unconverted
    return {line for line in data.splitlines()
            if b"/id/document/" in line.rsplit(b" ", 2)[-2] and b"startedAtTime" not in line}


def _expected(name: str) -> set[bytes]:
    import gzip

    return set(gzip.decompress((DATA / f"expected-{name}.nq.gz").read_bytes()).splitlines())


@pytest.mark.parametrize(("name", "jobs"), [("seeds", 1), ("seeds", 2), ("bench", 1),
                                            pytest.param("bench", 2, marks=pytest.mark.slow)])
def test_ingest_writes_the_quads_the_rdflib_path_wrote(name: str, jobs: int, seeds_dir: Path,
                                                       tmp_path: Path) -> None:
    """Ingesting the seeds, or 100 benchmark documents (linked across documents as a run goes), serially
    or with workers, stores exactly the pinned quads (tests/data/rdf/expected-*: first the rdflib Graph
    path's, since regenerated with `python tests/test_rdf.py --update` where a change meant to alter them)."""
    from kg.ingest import ingest
    from kg.store import LocalStore

    if name == "seeds":
        source = seeds_dir
    else:
        from benchmarks.corpus import generate

        source = tmp_path / "bench"
        generate(source, 100)
    with LocalStore(tmp_path / "store") as st:
        assert ingest([source], st, jobs=jobs).ok
    got, want = _document_quads(tmp_path / "store"), _expected(name)
    assert not sorted(got - want)[:5] and not sorted(want - got)[:5]
    assert got == want


if __name__ == "__main__":  # python tests/test_rdf.py --update: pin the quads the current code writes
    import gzip
    import sys
    import tempfile

    from benchmarks.corpus import generate
    from kg.ingest import ingest
    from kg.store import LocalStore

    assert sys.argv[1:] == ["--update"], "usage: python tests/test_rdf.py --update"
    work = Path(tempfile.mkdtemp())
    generate(work / "bench", 100)
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for name, source in (("seeds", seeds), ("bench", work / "bench")):
        with LocalStore(work / f"store-{name}") as st:
            assert ingest([source], st).ok
        lines = sorted(_document_quads(work / f"store-{name}"))
        (DATA / f"expected-{name}.nq.gz").write_bytes(gzip.compress(b"\n".join(lines) + b"\n", mtime=0))
        print(f"wrote {DATA / f'expected-{name}.nq.gz'}: {len(lines)} quads")

"""The listing queries (kg/queries, issue 18): rewritten for speed against the shared graph, each returns the
same rows as its text before, reads in index order and pages into its whole answer.

tests/data/listings-before holds the listings as they were on main (8287d5c) before the rewrite: correct but
slow at scale (ORDER BY over every row, labels read with DISTINCT over the whole store, lookups evaluated
over every graph). No README there: tests/test_extract.py reads every .md under tests/data as a document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from querytexts import same_as_before

from kg.query import named_queries, run
from kg.store import LocalStore

BEFORE = Path(__file__).parent / "data" / "listings-before"
NAMES = sorted(p.stem for p in BEFORE.glob("*.rq"))
LISTINGS = (*NAMES, "resolutions")  # the paged listings (summary is one row)


def same_rows(store: LocalStore, name: str) -> int:
    """The rewritten query's rows against the text before it on one store; returns how many there are."""
    return len(same_as_before(store, name, BEFORE)[1].rows)


@pytest.mark.parametrize("name", NAMES)
def test_listing_returns_the_rows_it_returned_before(seeds_store: LocalStore, name: str) -> None:
    """On the seeds, each rewritten listing gives exactly the rows its earlier text gave, and some rows."""
    assert same_rows(seeds_store, name) > 0, f"{name} has no rows on the seeds: the comparison proves nothing"


@pytest.mark.slow
def test_listings_return_the_rows_they_returned_before_at_1000_documents(store_1000_path: Path) -> None:
    """On the benchmarks' 1,000 documents, where shared things are named by many documents, the same."""
    with LocalStore(store_1000_path, read_only=True) as st:
        counts = {name: same_rows(st, name) for name in NAMES}
    assert counts["observations"] > 1000 and counts["people"] > 100, counts


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_reads_in_index_order_and_says_so(name: str) -> None:
    """A listing sorts nothing (a first page is read without the rest) and its header says what order rows
    come in."""
    q = named_queries()[name]
    body = "\n".join(ln for ln in q.text.splitlines() if not ln.lstrip().startswith("#"))
    assert not re.search(r"\bORDER\s+BY\b", body, re.I)
    assert "Order:" in q.about


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_pages_make_up_its_whole_answer(seeds_store: LocalStore, name: str) -> None:
    """Pages of a listing read one after another are its whole answer, in the same order as unpaged."""
    everything = list(run(seeds_store, name).rows)
    assert everything
    pages = [run(seeds_store, name, limit=5, offset=k).rows for k in range(0, len(everything), 5)]
    assert [r for page in pages for r in page] == everything

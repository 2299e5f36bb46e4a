"""A rewritten named query against its text before the rewrite (kept under tests/data/*-before/): the same
variables and the same rows, each as often."""

from __future__ import annotations

from pathlib import Path

from kg.query import _parse, run
from kg.store import LocalStore, Result


def row_set(result: Result) -> set[tuple[tuple[str, str], ...]]:
    return {tuple(sorted((k, v.n3()) for k, v in r.items())) for r in result.rows}


def same_as_before(store: LocalStore, name: str, before: Path) -> tuple[Result, Result]:
    """(rows of the text before, rows now) of query `name` on `store`, asserted the same rows."""
    old = _parse(name, (before / f"{name}.rq").read_text(encoding="utf-8"))
    want, got = run(store, old), run(store, name)
    assert got.variables == want.variables, name
    assert row_set(got) == row_set(want), name
    assert len(got.rows) == len(want.rows), f"{name}: a row repeated or lost its repeat"
    return want, got

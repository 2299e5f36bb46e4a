"""Every named query on the three stores: Oxigraph on disk, the Oxigraph server and Virtuoso, on the same
synthetic corpus and with the parameters the benchmark chooses (benchmarks.run.query_params). The seeds
are too few and too plain for some shapes (an indicator named by its label, a council scope), which the
benchmark's data has; a small corpus from benchmarks/corpus.py has them too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import test_remote
from test_remote import _rows, canon

from benchmarks.corpus import generate
from benchmarks.run import query_params
from kg.ingest import ingest
from kg.query import NamedQuery, named_queries, required, run
from kg.remote import RemoteStore
from kg.store import LocalStore, Result

# test_remote's server fixtures (module-scoped: this module starts its own two servers)
oxigraph_url = test_remote.oxigraph_url
virtuoso_url = test_remote.virtuoso_url

DOCS = 60  # enough for every parameterised query to find rows; the servers' load stays a few seconds


_ORDER = re.compile(r"\bORDER\s+BY\b(?P<keys>[^{}]*)$", re.I)
_KEY = re.compile(r"^(?:(?:ASC|DESC)\s*\(\s*)?(?:STR\s*\(\s*)?\?(\w+)\s*\)?\s*\)?$", re.I)


def order_keys(q: NamedQuery) -> list[str]:
    """The projected variables the query's own ORDER BY sorts on as bare keys (`?x`, `DESC(?x)`, `STR(?x)`):
    rows that tie on the whole sort key agree on these, so their sequence is the same on every store that
    sorts right. Keys inside another expression are left out (tied rows may differ there)."""
    body = "\n".join(ln.split("#", 1)[0] for ln in q.text.splitlines())
    m = _ORDER.search(body.rstrip())
    if not m:
        return []
    keys = re.findall(r"(?:ASC|DESC|STR)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)|\?\w+", m.group("keys"), re.I)
    return [k.group(1) for key in keys if (k := _KEY.match(key))]


def keyed(result: Result, keys: list[str]) -> list[tuple]:
    return [tuple(canon(row.get(k)) for k in keys if k in result.variables) for row in result.rows]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of DOCS synthetic documents (the benchmark's generator, seed 0: the same every run)."""
    root = tmp_path_factory.mktemp("remote-queries")
    generate(root / "corpus", DOCS)
    with LocalStore(root / "store") as st:
        report = ingest([root / "corpus"], st)
        assert report.ok, report.failed
    return root / "store"


def _load(url: str, graphs: dict) -> RemoteStore:
    """The disk store's graphs as they are stored (document, shared and kept graphs), one request each."""
    st = RemoteStore(url)
    st.replace_graphs(st.named_graphs(), {})
    for name, graph in graphs.items():
        st.add(name, graph)
    return st


def compare(name: str, here: Result, label: str, there: Result, keys: list[str]) -> str | None:
    """What is wrong with a server's answer; None: the same rows, in the same order where the query orders."""
    if there.variables != here.variables or _rows(there) != _rows(here):
        lost = sum((_rows(here) - _rows(there)).values())
        extra = sum((_rows(there) - _rows(here)).values())
        return (f"{name} on {label}: {len(there.rows)} rows, {len(here.rows)} on disk "
                f"({lost} missing, {extra} extra)")
    if (theirs := keyed(there, keys)) != (ours := keyed(here, keys)):
        at = next(i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if a != b)
        return (f"{name} on {label}: the rows come in another order ({', '.join(keys)}); "
                f"row {at}: {theirs[at]} where disk has {ours[at]}")
    return None


@pytest.mark.server
def test_every_named_query_gives_the_same_rows_on_disk_and_on_both_servers(
        corpus_store: Path, oxigraph_url: str, virtuoso_url: str) -> None:
    """Each named query with the benchmark's parameters (and again without its optional scopes) returns the
    same rows on the Oxigraph server and on Virtuoso as on disk, in the same order where the query orders;
    on disk a scoped query's rows are among the unscoped ones."""
    with LocalStore(corpus_store, read_only=True) as here:
        params = query_params(here)
        graphs = {name: here.graph(name) for name in here.named_graphs()}
        servers = {"oxigraph server": _load(oxigraph_url, graphs), "virtuoso": _load(virtuoso_url, graphs)}
        wrong: list[str] = []
        for q in named_queries().values():
            if q.params and q.name not in params:
                wrong.append(f"{q.name}: the corpus gives no value for its parameters")
                continue
            given = params.get(q.name) or {}
            broad = {p: v for p, v in given.items() if p in required(q)}
            answers = {}
            for scope in ([given, broad] if broad != given else [given]):
                expect = answers[len(scope)] = run(here, q, scope or None)
                for label, st in servers.items():
                    there = run(st, q, scope or None)
                    wrong.append(compare(q.name, expect, label, there, order_keys(q)) or "")
            if q.params and not answers[len(broad)].rows:
                wrong.append(f"{q.name}: {broad} finds nothing on disk (the corpus lacks the shape)")
            if broad != given and _rows(answers[len(given)]) - _rows(answers[len(broad)]):
                wrong.append(f"{q.name}: rows scoped by {set(given) - set(broad)} not in the whole answer")
        for st in servers.values():
            st.close()
    assert not [w for w in wrong if w], "\n".join(w for w in wrong if w)

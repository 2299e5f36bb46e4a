"""benchmarks/run.py: rdflib is timed on the quads the timed Oxigraph store holds (a dump of it), which, once
the store's aggregates are worked out after its load, are more than the file it was loaded from."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from benchmarks.run import aggregates_run, build_nquads, ox_load, store_nquads
from kg.query import named_queries, run
from kg.store import LocalStore


def test_rdflib_answers_below_target_from_the_dump_with_oxigraph_s_rows(seeds_store_path: Path,
                                                                        tmp_path: Path) -> None:
    """Built as the benchmark builds its stores (the seeds' documents copied, loaded, then the aggregates),
    the dump gives rdflib Oxigraph's below-target rows in Oxigraph's order; the loaded file gives fewer."""
    with LocalStore(seeds_store_path, read_only=True) as st:
        quads = st.count()
    loaded = tmp_path / "data.nq"
    build_nquads(seeds_store_path, 2 * quads, loaded)  # the seeds' documents twice over
    store = tmp_path / "query"
    ox_load(loaded, store)
    aggregates_run(store)  # the copies' latest figures, kept in the store only
    dump = store_nquads(store, tmp_path / "dump.nq")
    q = named_queries()["below-target"]
    with LocalStore(store, read_only=True) as st:
        res = run(st, q)
    names = res.variables
    want = [tuple(r[n].n3() if n in r else "" for n in names) for r in res.rows]

    def rdflib_rows(nq: Path) -> list[tuple[str, ...]]:
        ds = Dataset(default_union=True)
        ds.parse(str(nq), format="nquads")
        return [tuple(r[n].n3() if r[n] is not None else "" for n in names) for r in ds.query(q.text)]

    assert len(want) >= 2, "fewer than a row per copy: the comparison proves little"
    assert rdflib_rows(dump) == want
    assert len(rdflib_rows(loaded)) < len(want)

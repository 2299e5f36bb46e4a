"""benchmarks/store_floor.py: the store floor replays an ingested store's quads into an empty one, a batch of
documents at a time, and turns the CPU that cost into the ceiling on documents a second."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from benchmarks.store_floor import load_child, report, store_floor
from kg.store import LocalStore


def test_the_replay_holds_every_quad_of_the_store_loaded_a_few_documents_at_a_time(seeds_store_path: Path,
                                                                                   tmp_path: Path) -> None:
    """The seeds' five documents in batches of two are three bulk loads, and the replayed store has the same
    quads as the original (blank nodes, which a load names afresh, counted)."""
    nq = tmp_path / "seeds.nq"
    ox.Store.read_only(str(seeds_store_path)).dump(str(nq), format=ox.RdfFormat.N_QUADS)
    done = load_child(str(nq), str(tmp_path / "replay"), 2)
    assert (done["graphs"], done["loads"]) == (5, 3)
    original, replay = ox.Store.read_only(str(seeds_store_path)), ox.Store.read_only(str(tmp_path / "replay"))

    def named(store: ox.Store) -> set[ox.Quad]:
        return {q for q in store if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}

    assert len(replay) == len(original) and named(replay) == named(original)


def test_the_ceiling_is_the_cores_over_the_cpu_a_document(seeds_store_path: Path, tmp_path: Path) -> None:
    """The floor's CPU comes from the loading child's own accounting, and its ceiling is cores * 1000 / ms."""
    with LocalStore(seeds_store_path, read_only=True) as st:
        quads = st.count()
    r = store_floor(seeds_store_path, 5, tmp_path, batch_docs=2, cores=2)
    assert r["quads"] == quads and r["graphs"] == 5 and r["cpu_s"] > 0
    assert abs(r["ceiling_docs_per_s"] - 2 * 1000 / r["cpu_ms_per_doc"]) < 0.2
    assert "documents/s on 2 cores" in report(r)

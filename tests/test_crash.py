"""Crash safety: `kg ingest` killed at any point leaves a store that opens, holds only whole documents,
and a re-run finishes the rest. Ctrl-C stops cleanly after the current document.

Real processes and real stores on disk throughout. The kill loop's random seed is printed on failure;
set KG_CRASH_SEED to replay one.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import LocalStore

KG = str(Path(sys.executable).with_name("kg"))


def doc_counts(store: Path) -> dict[str, int]:
    """Triples in each document's graph, by document IRI. Opening read-write proves a writer can go on."""
    with LocalStore(store) as st:
        return {d.iri: len(st.graph(d.iri)) for d in st.documents()}


def ingest_cmd(corpus: Path, store: Path, *extra: str) -> list[str]:
    return [KG, "ingest", str(corpus), "--store", str(store), *extra]


def shared_is_exact(store: Path) -> bool:
    """The shared graph holds exactly the shared triples the stored documents record asserting (kg.layout):
    a document's shared triples went in with its graph, in one transaction."""
    import pyoxigraph as ox

    from kg import layout

    with LocalStore(store) as st:
        name = ox.NamedNode(str(layout.shared_graph()))
        shared = {(q.subject, q.predicate, q.object) for q in st._s.quads_for_pattern(None, None, None, name)}
        canonical = ox.Store()  # numbers written as the store writes them ("95.0" as "95")
        canonical.extend(ox.Quad(t.subject, t.predicate, t.object)
                         for t in (layout.triple(q.object.value)
                                   for q in st._s.quads_for_pattern(None, layout.ASSERTS, None, None)))
        return shared == {(q.subject, q.predicate, q.object) for q in canonical}


def assert_only_whole_documents(store: Path, reference: dict[str, int], context: str) -> int:
    """The store opens, every document in it is exactly as a clean ingest wrote it, and the shared graph is
    exactly what those documents assert."""
    if not store.exists():
        return 0
    counts = doc_counts(store)
    for iri, n in counts.items():
        assert iri in reference, f"{context}: unknown document {iri}"
        assert n == reference[iri], f"{context}: {iri} has {n} triples, a clean ingest {reference[iri]}"
    assert shared_is_exact(store), f"{context}: the shared graph differs from what the documents assert"
    return len(counts)


LATEST_STATUS = """
PREFIX ckg: <https://w3id.org/council-kg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?c ?status WHERE {
  ?c ckg:assessment ?a . ?a ckg:status ?status ; prov:generatedAtTime ?t .
  FILTER NOT EXISTS { ?c ckg:assessment ?b . ?b prov:generatedAtTime ?t2 FILTER(?t2 > ?t) }
}"""


def ledger_statuses(store: Path) -> set[tuple[str, str]]:
    """Each commitment's latest status in the follow-up ledger."""
    with LocalStore(store, read_only=True) as st:
        return {(str(r["c"]), str(r["status"])) for r in st.query(LATEST_STATUS).rows}


def finish(corpus: Path, store: Path, reference: dict[str, int], clean_store: Path, context: str) -> None:
    """A re-run completes the ingest, and the result equals a clean one, follow-up ledger included."""
    done = subprocess.run(ingest_cmd(corpus, store, "-q"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{context}: re-run failed: {done.stderr}"
    assert "Traceback" not in done.stderr
    assert doc_counts(store) == reference, f"{context}: re-run did not finish the ingest"
    assert ledger_statuses(store) == ledger_statuses(clean_store), f"{context}: the ledger was left behind"


@pytest.mark.slow
def test_sigkill_at_random_points_never_leaves_half_a_document(
        corpus: Path, corpus_clean: tuple[dict[str, int], float, Path], tmp_path: Path) -> None:
    reference, took, clean_store = corpus_clean
    seed = int(os.environ.get("KG_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    store = tmp_path / "store"
    per_doc = took / len(reference)
    # Bounded: at least `minimum` kills, more while the budget allows. Progress accumulates in one store
    # (each run writes a few more documents before it dies), so most kills land in the write phase.
    budget = time.monotonic() + 15
    kills, minimum, partial = 0, 6, 0
    while kills < minimum or (time.monotonic() < budget and kills < 40):
        context = f"KG_CRASH_SEED={seed}, kill {kills + 1}"
        proc = subprocess.Popen(ingest_cmd(corpus, store), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        assert proc.stderr is not None
        if rng.random() < 0.3:
            # Early: startup, store creation, reference graphs, the first documents.
            time.sleep(rng.uniform(0, min(took, 3.0)))
        else:
            # In the write phase: after 0-3 more documents are written, at a random moment in the next.
            wanted = rng.randrange(4)
            while wanted and (line := proc.stderr.readline()):
                wanted -= line.lstrip().startswith(("added", "replaced"))
            time.sleep(rng.uniform(0, per_doc))
        proc.kill()
        proc.wait()
        proc.stderr.close()
        kills += 1
        written = assert_only_whole_documents(store, reference, context)
        partial += 0 < written < len(reference)
        if written == len(reference):
            # Killed after the last document (perhaps before the ledger): the re-run must catch up.
            finish(corpus, store, reference, clean_store, context)
            shutil.rmtree(store)
    finish(corpus, store, reference, clean_store, f"KG_CRASH_SEED={seed}, last")
    # The loop must have hit the middle of a run, or it proved nothing.
    assert partial >= 2, f"KG_CRASH_SEED={seed}: only {partial} of {kills} kills landed mid-ingest"


def _wait_for_added(proc: subprocess.Popen[str]) -> list[str]:
    """Stderr lines up to and including the first document written."""
    assert proc.stderr is not None
    seen = []
    while line := proc.stderr.readline():
        seen.append(line)
        if line.lstrip().startswith("added"):
            return seen
    raise AssertionError("ingest ended before writing a document: " + "".join(seen))


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_after_the_current_document(
        jobs: int, corpus: Path, corpus_clean: tuple[dict[str, int], float, Path], tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it (worker processes included)."""
    reference, _, clean_store = corpus_clean
    for attempt in range(3):
        store = tmp_path / f"store-{attempt}"
        proc = subprocess.Popen(ingest_cmd(corpus, store, "--jobs", str(jobs)), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            before = _wait_for_added(proc)
            os.killpg(proc.pid, signal.SIGINT)
            # Read on through the same buffered file: communicate() would skip what readline() buffered.
            assert proc.stderr is not None
            rest = proc.stderr.read()
            proc.wait(timeout=120)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        stderr = "".join(before) + rest
        # A run that wrote its last document before the signal reached it has nothing to stop (it ends as a
        # whole run, 0): it proves nothing either way, so the corpus is ingested again, up to three times.
        if not (proc.returncode == 0 and "interrupted" not in stderr
                and assert_only_whole_documents(store, reference, f"jobs={jobs}") == len(reference)):
            break
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert "interrupted after the current document" in stderr, stderr
    added = [line for line in stderr.splitlines() if line.lstrip().startswith("added")]
    written = assert_only_whole_documents(store, reference, f"jobs={jobs}")
    # Every document reported as added is in the store whole, and the run stopped early.
    assert written == len(added), stderr
    assert written < len(reference), "the run finished before Ctrl-C reached it; the test proved nothing"
    finish(corpus, store, reference, clean_store, f"after Ctrl-C, jobs={jobs}")


# ---- no leftovers (issue 19)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_ingest_is_killed(sig: int, corpus: Path, tmp_path: Path) -> None:
    proc = subprocess.Popen(ingest_cmd(corpus, tmp_path / "store", "--jobs", "2"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers did not start"
        proc.send_signal(sig)
        proc.wait(30)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
        assert not left, f"workers {left} outlived kg ingest"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for w in workers:  # only if the test failed: ours, by pid
            if _alive(w):
                os.kill(w, signal.SIGKILL)


LEDGER_CITES = """PREFIX ckg: <https://w3id.org/council-kg/def#>
SELECT DISTINCT ?ledger ?d WHERE { GRAPH ?ledger { ?a ckg:asOfDocument|ckg:fulfilledBy ?d } }"""


def _state(store: Path) -> tuple[set[str], set[str], dict[str, tuple[str, ...]]]:
    """(documents stored, documents the ledger cites that are not stored, the removal journal). Opened
    read-write: the store must open for a writer after any kill."""
    from kg import iris
    from kg.ingest import pending_removals

    with LocalStore(store) as st:
        docs = {d.iri for d in st.documents()}
        cited = {str(r["d"]) for r in st.query(LEDGER_CITES, {"ledger": iris.graph("ledger")}).rows}
        return docs, cited - docs, pending_removals(st)


def _cited_document(store: Path) -> tuple[str, str]:
    """(IRI, file name) of a document the ledger cites: removing it must change the ledger."""
    with LocalStore(store, read_only=True) as st:
        from kg import iris

        cited = {str(r["d"]) for r in st.query(LEDGER_CITES, {"ledger": iris.graph("ledger")}).rows}
        doc = next(d for d in st.documents() if d.iri in cited)
        return doc.iri, Path(doc.sources[0]).name


def _remove(store: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KG, "remove", name, "--store", str(store)], capture_output=True, text=True,
                          timeout=300)


def test_remove_cut_short_is_finished_by_running_it_again(seeds_store_path: Path, tmp_path: Path) -> None:
    """The state a SIGKILL between dropping the graph and updating the ledger leaves (the graph gone with
    its journal entry, the ledger not yet told): `kg remove` again finishes the job."""
    from kg import iris
    from kg.ingest import REMOVING, _journal

    store = tmp_path / "store"
    shutil.copytree(seeds_store_path, store)
    iri, name = _cited_document(store)
    with LocalStore(store) as st:
        (doc,) = [d for d in st.documents() if d.iri == iri]
        st.replace_graphs([iri], {str(iris.graph(REMOVING)): _journal({iri: doc.sources})})
    docs, missing, pending = _state(store)
    assert iri not in docs and iri in missing and iri in pending  # what the kill leaves
    again = _remove(store, name)
    assert again.returncode == 0 and f"removed {iri}" in again.stdout, again.stderr
    assert _state(store)[1:] == (set(), {})


def test_remove_cut_short_by_an_older_version_is_repaired(seeds_store_path: Path, tmp_path: Path) -> None:
    """Versions without the journal left the graph gone and the ledger citing it; `kg remove` could not
    be run again ("no document"). Now it repairs the ledger and says so."""
    store = tmp_path / "store"
    shutil.copytree(seeds_store_path, store)
    iri, name = _cited_document(store)
    with LocalStore(store) as st:
        st.replace_graphs([iri], {})
    assert iri in _state(store)[1]
    again = _remove(store, name)
    assert again.returncode == 0 and "removed already; the ledger is repaired" in again.stderr, again.stderr
    assert _state(store)[1:] == (set(), {})
    assert _remove(store, name).returncode != 0  # and then there is nothing left to do


@pytest.mark.slow
def test_sigkill_inside_remove_never_leaves_the_ledger_citing_a_gone_document(seeds_store_path: Path,
                                                                               tmp_path: Path) -> None:
    iri, name = _cited_document(seeds_store_path)
    clean = tmp_path / "clean"
    shutil.copytree(seeds_store_path, clean)
    started = time.monotonic()
    assert _remove(clean, name).returncode == 0
    took = time.monotonic() - started
    seed = int(os.environ.get("KG_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    for attempt in range(3):
        store = tmp_path / f"store{attempt}"
        shutil.copytree(seeds_store_path, store)
        proc = subprocess.Popen([KG, "remove", name, "--store", str(store)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(took * (0.3 + 0.7 * rng.random()))
        proc.kill()
        proc.wait()
        docs, missing, pending = _state(store)
        context = f"seed {seed}, attempt {attempt}"
        assert missing <= set(pending), context  # a gone document the ledger cites is in the journal
        again = _remove(store, name)
        if iri in docs or pending:
            assert again.returncode == 0 and f"removed {iri}" in again.stdout, (context, again.stderr)
        else:
            assert "no document" in again.stderr, (context, again.stderr)  # it had finished
        docs, missing, pending = _state(store)
        assert iri not in docs and missing == set() and pending == {}, context

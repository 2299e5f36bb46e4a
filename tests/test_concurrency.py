"""Concurrency: queries keep answering while an ingest runs, and a second writer is refused, not interleaved.

Real `kg` processes on one on-disk store. Readers open the store read-only beside the writer; every
document they see must be whole (its triple count equals a clean ingest's), because each document is
written in one transaction.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store import LocalStore

KG = str(Path(sys.executable).with_name("kg"))

# Triples in each document graph (a graph holding a document's ckg:sha256), as the CLI reports them.
PER_DOCUMENT = ("PREFIX ckg: <https://w3id.org/council-kg/def#> SELECT ?g (COUNT(*) AS ?n) WHERE { "
                "GRAPH ?g { ?s ?p ?o } FILTER EXISTS { GRAPH ?g { ?g ckg:sha256 ?sha } } } GROUP BY ?g")


# The real ingest, paced by the test: after each document is written (and committed) the writer reports
# it and waits for a line on stdin. The store stays held mid-ingest for as long as the test needs, so the
# overlap with readers and with a second writer is certain on any machine, however loaded.
PACED_WRITER = """
import sys
from kg.ingest import ingest
from kg.store import LocalStore

def step(outcome):
    print(outcome.status, outcome.document, flush=True)
    sys.stdin.readline()

with LocalStore(sys.argv[2]) as st:
    report = ingest([sys.argv[1]], st, on_document=step)
print("done", report.ok, flush=True)
"""


class Paced:
    def __init__(self, corpus: Path, store: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", PACED_WRITER, str(corpus), str(store)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def written(self) -> tuple[str, str]:
        """Wait for the next document to be written: its status and IRI."""
        assert self.proc.stdout is not None
        status, iri = self.proc.stdout.readline().split()
        return status, iri

    def go_on(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def finish(self, remaining: int) -> None:
        for _ in range(remaining):
            self.go_on()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        out = self.proc.stdout.read()  # the same buffered file readline() used: nothing skipped
        self.proc.wait(timeout=600)
        assert self.proc.returncode == 0 and out.strip().endswith("done True"), out

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def cli_counts(store: Path) -> dict[str, int]:
    done = subprocess.run([KG, "query", PER_DOCUMENT, "-f", "json", "--store", str(store)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def doc_counts(store: Path) -> dict[str, int]:
    # One counting query, not a graph copied out per document (that took seconds a check at 155 documents).
    with LocalStore(store, read_only=True) as st:
        docs = {d.iri for d in st.documents()}
        return {str(r["g"]): int(r["n"]) for r in st.query(PER_DOCUMENT).rows if str(r["g"]) in docs}


def test_queries_answer_while_an_ingest_runs(corpus: Path, corpus_clean: tuple[dict[str, int], float, Path],
                                             tmp_path: Path) -> None:
    """Mid-ingest, a reader sees every document reported as written (ingest may write several in one
    transaction before reporting them), and each document it sees is whole."""
    reference = corpus_clean[0]
    store = tmp_path / "store"
    writer = Paced(corpus, store)
    try:
        reported: set[str] = set()
        for i in range(len(reference)):
            status, iri = writer.written()
            assert status == "added", status
            reported.add(iri)
            checks = [doc_counts]  # in-process, read-only, beside the writer
            if i in (0, len(reference) // 2):
                checks.append(cli_counts)  # the real CLI in its own process (slow to start: twice only)
            for check in checks if i % 4 == 0 or len(checks) > 1 else ():
                seen = check(store)
                where = f"{check.__name__} after {i + 1} documents"
                assert reported <= set(seen), f"{where}: a document reported as written is missing"
                assert all(reference.get(d) == n for d, n in seen.items()), f"{where}: half a document"
            writer.go_on()
        writer.finish(0)
    finally:
        writer.kill()
    assert doc_counts(store) == reference


def test_second_writer_is_refused_with_one_line(tmp_path: Path, seeds_dir: Path) -> None:
    """Deterministic: this process holds the store for writing; `kg ingest` and `kg remove` are refused."""
    store = tmp_path / "store"
    done = subprocess.run([KG, "ingest", str(seeds_dir), "--store", str(store), "-q"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    before = doc_counts(store)
    victim = sorted(seeds_dir.glob("*.txt"))[0].name
    extra = tmp_path / "extra.txt"
    extra.write_text("Minutes. Councillor Smith asked about re-referrals.\n", encoding="utf-8")
    with LocalStore(store):
        for args in (["ingest", str(extra)], ["remove", victim]):
            done = subprocess.run([KG, *args, "--store", str(store)], capture_output=True, text=True,
                                  timeout=120)
            assert done.returncode == 5, (args, done.stderr)
            line = done.stderr
            assert line.count("\n") == 1 and "store is busy" in line and "retry" in line, (args, line)
    assert doc_counts(store) == before


def test_two_ingests_at_once_one_is_refused(corpus: Path, corpus_clean: tuple[dict[str, int], float, Path],
                                            tmp_path: Path) -> None:
    """Two ingests into one store: the second is refused while the first runs; the first completes."""
    reference = corpus_clean[0]
    store = tmp_path / "store"
    first = Paced(corpus, store)
    try:
        first.written()
        second = subprocess.run([KG, "ingest", str(corpus), "--store", str(store), "-q"], capture_output=True,
                                text=True, timeout=300)
        assert second.returncode == 5, second.stderr
        assert second.stderr.count("\n") == 1 and "store is busy" in second.stderr, second.stderr
        first.finish(len(reference))
    finally:
        first.kill()
    assert doc_counts(store) == reference


# Rewrites big graphs as fast as it can, each in one transaction, so RocksDB flushes and compacts under
# the readers' feet (files they opened vanish): the hardest case for a read-only view.
CHURNING_WRITER = """
import sys, time
from rdflib import Graph, Literal, URIRef
from kg.store import LocalStore

with LocalStore(sys.argv[1]) as st:
    end, i = time.monotonic() + float(sys.argv[2]), 0
    print("writing", flush=True)
    while time.monotonic() < end:
        g = Graph()
        for j in range(3000):
            g.add((URIRef(f"urn:s{j}"), URIRef("urn:p"), Literal(f"value {i} {j} " + "x" * 50)))
        st.replace_graphs([], {f"urn:g{i % 40}": g})
        i += 1
"""
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.mark.slow
def test_reads_survive_a_writer_rewriting_files(tmp_path: Path) -> None:
    store = tmp_path / "store"
    LocalStore(store).close()
    writer = subprocess.Popen([sys.executable, "-c", CHURNING_WRITER, str(store), "15"],
                              stdout=subprocess.PIPE, text=True)
    reads = 0
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        while writer.poll() is None:
            with LocalStore(store, read_only=True) as st:  # a StoreBusy or QueryError here fails the test
                for _ in range(3):
                    sizes = {str(r["g"]): int(r["n"]) for r in st.query(GRAPH_SIZES).rows}
                    assert set(sizes.values()) <= {3000}, f"a reader saw half a transaction: {sizes}"
                    reads += 1
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait()
    assert reads >= 5

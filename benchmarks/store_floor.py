"""The store's own floor under ingest (issue 18): the CPU that writing a corpus's quads costs Oxigraph alone.

`kg ingest` hands each batch of new documents to Oxigraph's bulk loader, and RocksDB then compacts the
tables the loads left in background threads of the same process. No extraction, linking or ledger can make
a run cheaper than that, so this is the ceiling on documents a second that any change to the Python side can
reach: `cores * 1000 / cpu_ms_per_doc`.

Measured by replaying an ingested store: its quads dumped as N-Quads (documents' graphs come out one after
the other), bulk-loaded into an empty store in a child process a batch of `batch_docs` documents at a time
(what `kg ingest --jobs 2` batches hold, kg.batch), then left until RocksDB's background work stops. The CPU
is the child's, from the kernel's accounting (every thread: the loader's and the compactions').

    .venv/bin/python -m benchmarks.store_floor STORE --docs N [--batch-docs 150]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BATCH_DOCS = 150  # documents a batch of `kg ingest --jobs 2` holds at ~70 a second and its 2 s clock
SETTLE_S = 2.0  # RocksDB is taken to be done when a spell this long costs under SETTLE_CPU_S
SETTLE_CPU_S = 0.05


def _graph(line: bytes) -> bytes:
    return line.rsplit(b" ", 2)[-2]


def load_child(nq: str, store: str, batch_docs: int) -> dict[str, Any]:
    """In the child: bulk-load `nq` into a new store at `store`, a batch of documents' graphs at a time, then
    wait for the background compactions to stop. Returns what it did (loads, seconds)."""
    import pyoxigraph as ox

    s = ox.Store(store)
    start = time.perf_counter()
    loads, graphs, last, buf = 0, 0, b"", []

    def load() -> None:
        nonlocal loads, buf
        s.bulk_load(b"".join(buf), format=ox.RdfFormat.N_QUADS, lenient=True)
        loads, buf = loads + 1, []

    with open(nq, "rb") as f:
        for line in f:
            g = _graph(line)
            if g != last:
                last = g
                graphs += b"/id/document/" in g
                if graphs % batch_docs == 0 and buf and b"/id/document/" in g:
                    load()
            buf.append(line)
    if buf:
        load()
    loaded = time.perf_counter() - start
    while True:  # the compactions the loads started run on in RocksDB's threads: wait them out
        before = sum(os.times()[:2])
        time.sleep(SETTLE_S)
        if sum(os.times()[:2]) - before < SETTLE_CPU_S:
            break
    return {"loads": loads, "graphs": graphs, "load_s": round(loaded, 2),
            "settled_s": round(time.perf_counter() - start - SETTLE_S, 2)}


def store_floor(store: Path, docs: int, work: Path, batch_docs: int = BATCH_DOCS,
                cores: int | None = None) -> dict[str, Any]:
    """The CPU Oxigraph spends writing `store`'s quads (a store of `docs` ingested documents) in batches, and
    the documents a second that leaves on `cores` cores (default: this machine's)."""
    import pyoxigraph as ox

    cores = cores or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        nq = Path(tmp) / "store.nq"
        ox.Store.read_only(str(store)).dump(str(nq), format=ox.RdfFormat.N_QUADS)
        quads = sum(1 for _ in nq.open("rb"))
        target = Path(tmp) / "replay"
        child = [sys.executable, "-m", "benchmarks.store_floor", "--child", str(nq), str(target),
                 "--batch-docs", str(batch_docs)]
        proc = subprocess.Popen(child, stdout=subprocess.PIPE)
        out = proc.stdout.read() if proc.stdout else b""  # type: ignore[union-attr]
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"store floor: the loading child failed ({status})")
        shutil.rmtree(target, ignore_errors=True)
    cpu = usage.ru_utime + usage.ru_stime
    per = 1000 * cpu / docs
    return {"documents": docs, "quads": quads, "batch_docs": batch_docs, **json.loads(out),
            "cpu_s": round(cpu, 2), "cpu_ms_per_doc": round(per, 2), "quads_per_doc": round(quads / docs),
            "cores": cores, "ceiling_docs_per_s": round(cores * 1000 / per, 1)}


def report(r: dict[str, Any]) -> str:
    return (f"store floor at {r['documents']} documents ({r['quads_per_doc']} quads each, batches of "
            f"{r['batch_docs']}): Oxigraph's bulk loads and compactions alone take {r['cpu_ms_per_doc']} ms "
            f"of CPU a document, so no ingest can pass {r['ceiling_docs_per_s']} documents/s on {r['cores']} "
            "cores")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path, nargs="?", help="an ingested store (read only)")
    ap.add_argument("--docs", type=int, help="how many documents it holds")
    ap.add_argument("--batch-docs", type=int, default=BATCH_DOCS)
    ap.add_argument("--child", nargs=2, metavar=("NQ", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(load_child(*args.child, args.batch_docs)))
        return
    if not args.store or not args.docs:
        ap.error("give an ingested store and --docs")
    r = store_floor(args.store, args.docs, args.store.parent, args.batch_docs)
    print(report(r))
    print(json.dumps(r))


if __name__ == "__main__":
    main()

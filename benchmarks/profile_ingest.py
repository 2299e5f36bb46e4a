"""Where a document's CPU goes in a serial ingest: `time.process_time` around each stage, in one process.

    .venv/bin/python -m benchmarks.profile_ingest /work/bench/corpus-300 [--store DIR]

The stages are those `kg ingest` runs (kg.prepare, kg.batch, kg.ingest), called one by one so that each can
be timed: read, text view, extractors, link, RDF (N-Triples terms), layout placement (own and shared
quads, as N-Quads bytes), store write (one transaction a batch), RocksDB flush, aggregates, ledger. Prints
ms of CPU a document for each (CPU, not wall time: the machine is shared). Garbage is collected as
`kg ingest` collects it (kg.prepare.ingest_gc).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--store", help="store folder (default: a fresh temporary one)")
    ap.add_argument("--batch-docs", type=int, default=160)
    args = ap.parse_args()

    from kg import iris
    from kg.aggregates import update as update_aggregates
    from kg.extract import bodies, commitments, contributions, figures, people, resolutions
    from kg.ingest import ensure_reference
    from kg.layout import place_nquads
    from kg.ledger import update_ledger
    from kg.link import link
    from kg.model import Extraction
    from kg.prepare import _remember, _with_name, discover, ingest_gc, known_from_store
    from kg.rdf import emit
    from kg.read import read_document
    from kg.store import LocalStore
    from kg.text import view

    tmp = None
    location = args.store
    if location is None:
        tmp = tempfile.mkdtemp(prefix="kg-profile-")
        location = str(Path(tmp) / "store")
    cpu: dict[str, float] = defaultdict(float)

    def timed(stage: str, fn, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202 - a stopwatch round a call
        t = time.process_time()
        out = fn(*a, **kw)
        cpu[stage] += time.process_time() - t
        return out

    sources, _ = discover([args.corpus])
    store = LocalStore(location)
    gc = ingest_gc()  # as `kg ingest` collects garbage
    gc.__enter__()
    try:
        ensure_reference(store)
        known = known_from_store(store)
        when = dt.datetime.now(dt.UTC).replace(microsecond=0)
        batch: list[tuple[bytes, bytes]] = []
        unflushed = 0
        n = 0
        for src in sources:
            doc = timed("read (file, sidecar)", read_document, src.path, root=src.root)
            doc = _with_name(doc, src)
            tv = timed("text view", view, doc)
            x = Extraction(doc=doc)
            for stage in (bodies, people, contributions, resolutions, figures, commitments):
                x = timed(f"extract: {stage.__name__.rsplit('.', 1)[-1]}", stage.extract, x, tv)
            linked = timed("link", link, x, known)
            out = timed("RDF (N-Triples terms)", emit, linked, when=when)
            name = str(iris.document(doc.sha256))
            body, marker, _ = timed("layout placement (N-Quads out)", place_nquads, name, out.triples)
            known = timed("Known updated", _remember, known, out.posts, out.indicators)
            batch.append((body, marker))
            unflushed += len(out)
            n += 1
            if len(batch) >= args.batch_docs:
                bulk = timed("store write (journal, bulk load, markers)", store.load_new, batch)
                batch = []
                if not bulk and unflushed >= 50_000:  # as kg.batch: a bulk-loaded batch needs no flush
                    timed("RocksDB flush", store.flush)
                    unflushed = 0
        if batch:
            timed("store write (journal, bulk load, markers)", store.load_new, batch)
        timed("RocksDB flush", store.flush)
        timed("aggregates update", update_aggregates, store)
        timed("ledger (first ingest)", update_ledger, store)
    finally:
        gc.__exit__(None, None, None)
        store.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    total = sum(cpu.values())
    print(f"{n} documents, CPU ms a document (time.process_time, serial, one process)")
    print("| stage | ms |\n|---|---|")
    for stage, s in cpu.items():
        print(f"| {stage} | {s * 1000 / n:.2f} |")
    print(f"| **total** | **{total * 1000 / n:.2f}** |")


if __name__ == "__main__":
    main()

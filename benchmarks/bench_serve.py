"""Benchmark: `kg serve`'s pages at 1,000 documents, the first request and the ones after it.

    .venv/bin/python -m benchmarks.bench_serve [--docs 1000] [--runs 5] [--store DIR] [--quick]

Builds a store of the benchmarks' synthetic documents (benchmarks/corpus.py, `kg ingest --jobs 2`; or reuses
`--store`), starts the real `kg serve` on it (`--no-warm`, so the first request of each page is measured
cold), and times every page kind: home, the query page, a named query's result (HTML page and JSON), a
second page of it, resource pages (a document, a council: the node most facts point at), each view, the
statistics and the follow-up page. For each: the first request, then the median and worst of `--runs`
more (target: < 500 ms after the first; pages are kept per store version). Wall time is taken by the
client; the server's CPU time (its process and query workers, from psutil) is recorded beside it, being
less noisy on a shared machine. Results go to benchmarks/results/serve-<UTC>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

from benchmarks.corpus import generate

KG = str(Path(sys.executable).with_name("kg"))
TARGET_S = 0.5


def build_store(root: Path, docs: int) -> Path:
    generate(root / "docs", docs)
    store = root / "store"
    started = time.monotonic()
    subprocess.run([KG, "ingest", str(root / "docs"), "--store", str(store), "-q", "--jobs", "2"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{'store':28s} {docs} documents ingested in {time.monotonic() - started:.1f} s")
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=600) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def cpu(proc: psutil.Process) -> float:
    """CPU seconds of the server and its query workers (live ones; a worker replaced loses its share)."""
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def pages(url: str) -> dict[str, str]:
    """Every page kind, with real IRIs and names from the store."""
    # Found through the endpoint, which keeps nothing: every page's first request below is its first.
    ask = ("SELECT ?doc ?council ?committee WHERE { ?doc a <https://w3id.org/council-kg/def#Document> ; "
           "<https://w3id.org/council-kg/def#council> ?council ; <https://w3id.org/council-kg/def#committee> "
           "?committee } LIMIT 1")
    _, body = get(url + "/sparql?" + urllib.parse.urlencode({"query": ask}))
    row = json.loads(body)["results"]["bindings"][0]
    q = urllib.parse.quote
    doc, council, committee = (row[k]["value"] for k in ("doc", "council", "committee"))
    return {"home": "/", "query page": "/query", "named query (page)": "/query?name=documents",
            "named query, page 3": "/query?name=documents&page=3", "named query (JSON)": "/queries/documents",
            "resource: document": "/resource?iri=" + q(doc, safe=""),
            "resource: council": "/resource?iri=" + q(council, safe=""),
            "view: overview": "/viz/overview", "view: follow-ups": "/viz/followups",
            "view: focus": "/viz/focus?node=" + q(committee, safe=""),
            "view: query": "/viz/query?name=documents",
            "statistics": "/stats.json", "follow-up page": "/followups"}


def main() -> dict:
    ap = argparse.ArgumentParser(description="kg serve page times")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--store", help="an existing store (skip building one)")
    ap.add_argument("--quick", action="store_true", help="3 runs after the first")
    args = ap.parse_args()
    runs = 3 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        store = Path(args.store) if args.store else build_store(Path(tmp), args.docs)
        port = free_port()
        server = subprocess.Popen([KG, "serve", "--store", str(store), "--port", str(port), "--no-warm",
                                   "--timeout", "300"], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    if get(url + "/sparql?query=ASK%7B%7D")[0] == 200:
                        break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.1)
            proc = psutil.Process(server.pid)
            results = {}
            for name, path in pages(url).items():
                c0, t0 = cpu(proc), time.perf_counter()
                status, body = get(url + path)
                first, first_cpu = time.perf_counter() - t0, cpu(proc) - c0
                times, cpus = [], []
                for _ in range(runs):
                    c0, t0 = cpu(proc), time.perf_counter()
                    get(url + path)
                    times.append(time.perf_counter() - t0)
                    cpus.append(cpu(proc) - c0)
                after = statistics.median(times)
                results[name] = {"path": path, "status": status, "bytes": len(body),
                                 "first_s": round(first, 3),
                                 "first_cpu_s": round(first_cpu, 3), "after_median_s": round(after, 4),
                                 "after_max_s": round(max(times), 4),
                                 "after_cpu_median_s": round(statistics.median(cpus), 4),
                                 "meets_target": status == 200 and max(times) < TARGET_S}
                r = results[name]
                print(f"{name:28s} {status} first {r['first_s']:7.3f} s (cpu {r['first_cpu_s']:6.3f})  "
                      "after: "
                      f"median {r['after_median_s']:.4f} s, worst {r['after_max_s']:.4f} s  "
                      f"{'ok' if r['meets_target'] else 'MISSED'}", flush=True)
        finally:
            server.terminate()
            server.wait(30)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    record = out / f"serve-{stamp}.json"
    record.write_text(json.dumps({"benchmark": "serve", "when": stamp, "machine": platform.platform(),
                                  "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                                  "documents": args.docs if not args.store else None,
                                  "runs_after_first": runs,
                                  "target_s": TARGET_S, "pages": results}, indent=2), encoding="utf-8")
    print(f"{'recorded':28s} {record}")
    return results


if __name__ == "__main__":
    main()

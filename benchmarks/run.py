"""The benchmark harness (`make bench`, `make bench-quick`): ingest speed and memory, store size, load speed
and named-query latency at 1M and 10M triples, each beside rdflib's in-memory store where that is feasible.

What it does, in one run:
1. Generates a synthetic corpus (benchmarks/corpus.py) and ingests it with `kg ingest` in a real process,
   serially and with `--jobs 2`, at two sizes (1,000 and 10,000 documents; `--quick`: 100 and 300):
   documents/s, MB/s of text, peak memory (resident set of the process and its workers, summed, sampled
   every 0.1 s), store size on disk.
2. Builds query stores of 1M and 10M triples (`--quick`: 100k) by replicating the ingested store's document
   graphs (each copy gets its own document and fact IRIs and blank nodes; councils, people and posts stay
   shared, as in a real corpus where the same people appear in many meetings) and bulk-loading the N-Quads.
   This is generated RDF, not ingested documents: ingesting 20,000 documents would take hours here.
   After the ingest runs, the store floor (benchmarks/store_floor.py): the CPU Oxigraph alone spends writing
   the biggest run's quads, bulk loads and RocksDB's compactions, and the documents a second that leaves.
3. Loads the 1M-triple file with `kg load` (Oxigraph on disk) and, in a child process, into rdflib's
   in-memory Dataset, alternately, three times each: the load ratio is the median of the three rounds'
   ratios of wall times (the machine is shared; a busy spell slows both sides of a round). It then times
   every named query (median of 5 runs after a warm-up in Oxigraph; median of 3 in rdflib, with a time
   limit). rdflib queries a dump of the timed store, not the file it was loaded from: the aggregates kept
   at ingest (kg/aggregates.py) are worked out after the load, so only the dump holds them all (on the
   file, rdflib's `below-target` had fewer rows than Oxigraph's, or none: 26 ms for no row, beside
   Oxigraph's 6 ms for 28). At 10M triples only Oxigraph is measured: rdflib needed 9 GB and almost 4
   minutes to load 5M triples on this machine (shared/MEASURED.md), so 10M would not fit beside the other
   work; the 10M ratio is not measured.

Results go to benchmarks/results/<UTC timestamp>.json with a description of the machine.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil
from rdflib import URIRef

from benchmarks.corpus import generate
from benchmarks.store_floor import report as report_floor
from benchmarks.store_floor import store_floor

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KG = str(Path(sys.executable).with_name("kg"))
BASELINES = HERE / "baselines.json"  # per-query CPU ms by store size: the plan guard (issue 18)
REGRESSION = 2.0  # a named query this many times slower than its baseline fails the run
PAGE = 100  # listings are timed on their first page: every row of a million-triple store is not interactive
# Listing queries (one row per fact, in index order): timed on their first page of PAGE rows.
LISTINGS = ("commitments", "contributions", "documents", "identities", "observations", "people", "posts",
            "resolutions", "who-answered")
RDFLIB_QUERY_LIMIT = 30.0  # seconds for one rdflib query run before it is recorded as timed out
OX_QUERY_LIMIT = 5.0  # seconds per Oxigraph query run: 25 times the 200 ms target


# ---- machine


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                    if ln.startswith("model name")), "")
    except OSError:
        pass
    versions = {}
    for pkg in ("pyoxigraph", "rdflib", "oxrdflib", "spacy", "requests"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    memory = round(psutil.virtual_memory().total / 2**30, 1)
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "memory_gb": memory,
            "python": platform.python_version(), "platform": platform.platform(), "versions": versions,
            "git_commit": commit, "load_average_at_start": os.getloadavg()}


# ---- ingest


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def ingest_run(corpus: Path, store: Path, jobs: int, docs: int, text_bytes: int,
               env: dict[str, str] | None = None) -> dict[str, Any]:
    """`kg ingest` in a real process: wall time, CPU time (user + system of the process and its workers,
    from the kernel's accounting: steadier than wall time on a shared machine), peak memory of the process
    tree, store size."""
    shutil.rmtree(store, ignore_errors=True)
    log = store.with_suffix(".log")
    start = time.perf_counter()
    with log.open("wb") as err:
        proc = subprocess.Popen([KG, "ingest", str(corpus), "--store", str(store), "--jobs", str(jobs), "-q"],
                                stdout=subprocess.DEVNULL, stderr=err, env=env)
        ps = psutil.Process(proc.pid)
        peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)  # the rusage includes the reaped workers
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                break
            peak = max(peak, _tree_rss(ps))
            time.sleep(0.1)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-1500:]
        raise SystemExit(f"kg ingest failed ({proc.returncode}): {tail}")
    # counted after the clock stops (the summary line gives documents: a triple count is a scan of the store)
    import pyoxigraph as ox

    triples = len(ox.Store.read_only(str(store)))
    return {"documents": docs, "jobs": jobs, "seconds": round(wall, 2), "docs_per_s": round(docs / wall, 1),
            "cpu_s": round(cpu, 2), "cpu_ms_per_doc": round(1000 * cpu / docs, 2),
            "mb_per_s": round(text_bytes / 1e6 / wall, 3), "peak_rss_mb": round(peak / 2**20),
            "store_mb": round(du(store) / 2**20, 1), "triples": triples}


# ---- query stores


def document_quads(store: Path) -> tuple[bytes, bytes]:
    """The store's N-Quads split into document graphs (to replicate) and the rest (ontology, reference...)."""
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    data = s.dump(format=ox.RdfFormat.N_QUADS)
    docs, rest = [], []
    for line in data.splitlines(keepends=True):
        (docs if b"/id/document/" in line.rsplit(b" ", 2)[-2] else rest).append(line)
    return b"".join(docs), b"".join(rest)


_DOC_ID = re.compile(rb"(?<![0-9a-f])([0-9a-f]{16})(?![0-9a-f])")
_BNODE = re.compile(rb"_:([A-Za-z0-9]+)")


def replica(docs: bytes, n: int) -> bytes:
    """Copy n of the document graphs: new document/fact IRIs (the 16-hex document id) and blank nodes."""
    if n == 0:
        return docs
    tag = b"r%d" % n
    return _BNODE.sub(rb"_:\1" + tag, _DOC_ID.sub(rb"\1" + tag, docs))


def build_nquads(source: Path, target: int, out: Path) -> int:
    """Write at least `target` quads to `out` by replicating `source`'s document graphs; returns the count."""
    docs, rest = document_quads(source)
    per = docs.count(b"\n")
    copies = max(1, -(-(target - rest.count(b"\n")) // per))
    with out.open("wb") as f:
        f.write(rest)
        for n in range(copies):
            f.write(replica(docs, n))
    return rest.count(b"\n") + per * copies


def ox_load(nq: Path, store: Path) -> float:
    """Seconds for `kg load` (kg.load: Oxigraph's bulk loader into a new folder, renamed when whole)."""
    from kg.load import load

    shutil.rmtree(store, ignore_errors=True)
    start = time.perf_counter()
    load(nq, store, "nquads")
    return time.perf_counter() - start


def _rdflib_parse(nq: str, conn: Any) -> None:
    from rdflib import Dataset

    cpu, start = time.process_time(), time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    conn.send((time.perf_counter() - start, time.process_time() - cpu, len(ds)))


def rdflib_load(nq: Path) -> tuple[float, float]:
    """rdflib's `Dataset.parse` of the file, as `rdflib_run` loads it, in a child process that ends with it
    (its memory goes back): wall and CPU seconds."""
    parent, child = mp.Pipe()
    proc = mp.get_context("fork").Process(target=_rdflib_parse, args=(str(nq), child))
    proc.start()
    try:
        wall, cpu, _ = parent.recv()
    finally:
        proc.kill()
        proc.join()
    return wall, cpu


def load_ratio(nq: Path, scratch: Path, rounds: int = 3) -> dict[str, Any]:
    """`kg load` and rdflib's parse of the same file, one after the other, `rounds` times: the ratio of wall
    times is the median of the rounds' ratios, since each round's two runs see about the same machine.
    CPU seconds beside them (kg load uses every core: its CPU time is above its wall time)."""
    from kg.load import default_workers

    ox_s, ox_cpu, rd_s, rd_cpu = [], [], [], []
    for _ in range(rounds):
        cpu = time.process_time()
        ox_s.append(round(ox_load(nq, scratch), 2))
        ox_cpu.append(round(time.process_time() - cpu, 2))
        wall, cpu = rdflib_load(nq)
        rd_s.append(round(wall, 2))
        rd_cpu.append(round(cpu, 2))
    shutil.rmtree(scratch, ignore_errors=True)
    ratios = [round(r / o, 2) for r, o in zip(rd_s, ox_s, strict=True)]
    return {"rounds": rounds, "workers": default_workers(), "kg_load_s": ox_s, "kg_load_cpu_s": ox_cpu,
            "rdflib_parse_s": rd_s, "rdflib_parse_cpu_s": rd_cpu, "ratios": ratios,
            "ratio_median": statistics.median(ratios), "kg_load_median_s": statistics.median(ox_s),
            "rdflib_parse_median_s": statistics.median(rd_s)}


def store_nquads(store: Path, out: Path) -> Path:
    """The store's quads as N-Quads (what rdflib queries): the loaded file plus what ingest's aggregates
    added to the store after the load."""
    import pyoxigraph as ox

    ox.Store.read_only(str(store)).dump(str(out), format=ox.RdfFormat.N_QUADS)
    return out


def aggregates_run(store: Path) -> float:
    """The replicated documents' tallies (kg/aggregates.py), as ingest keeps them: seconds taken."""
    from kg.aggregates import update
    from kg.store import LocalStore

    start = time.perf_counter()
    with LocalStore(store) as st:
        update(st)
    return round(time.perf_counter() - start, 2)


# ---- queries


def query_params(store: Any) -> dict[str, dict[str, str]]:
    """Values for the parameterised named queries, taken from the data."""
    def first(sparql: str, **bound: str | None) -> str | None:
        rows = store.query(sparql, {k: URIRef(v) for k, v in bound.items() if v}).rows
        return str(rows[0]["v"]) if rows else None

    ckg = "PREFIX ckg: <https://w3id.org/council-kg/def#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> " \
          "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    name = first(ckg + "SELECT ?v WHERE { GRAPH ?d { ?p a foaf:Person ; foaf:name ?v } } ORDER BY ?v LIMIT 1")
    committee = first(ckg + "SELECT ?v WHERE { GRAPH ?d { ?d ckg:committee ?v } } ORDER BY ?v LIMIT 1")
    fact = first(ckg + "SELECT ?v WHERE { GRAPH ?d { ?v a ckg:Commitment } } ORDER BY ?v LIMIT 1")
    # The council with the most documents: a listing scoped to one council is timed on a busy one.
    council = first(ckg + "SELECT ?v WHERE { GRAPH ?d { ?d ckg:council ?v } } GROUP BY ?v "
                          "ORDER BY DESC(COUNT(?d)) ?v LIMIT 1")
    # an indicator that council has figures for, so the scoped indicator-series has rows to find
    label = first(ckg + "SELECT ?v ?c WHERE { GRAPH ?d { ?o ckg:indicator ?i ; ckg:council ?c } "
                        "?i skos:prefLabel ?v } ORDER BY ?v LIMIT 1", c=council)
    values = {"person": name.split()[-1] if name else None, "indicator": label, "committee": committee,
              "fact": fact, "council": council}
    out: dict[str, dict[str, str]] = {}
    from kg.query import named_queries, required

    for q in named_queries().values():
        # optional parameters (scopes) are given where the data has a value: the timed form of the query
        wanted = {p: values.get(p) for p, _ in q.params if p in required(q) or values.get(p)}
        if all(wanted.values()):
            out[q.name] = {k: v for k, v in wanted.items() if v}
    return out


def page_of(name: str) -> int | None:
    return PAGE if name in LISTINGS else None


def _ox_child(store_path: str, queries: list[tuple[str, dict[str, str]]], repeats: int, conn: Any) -> None:
    from kg.query import named_queries, run
    from kg.store import LocalStore

    named = named_queries()
    with LocalStore(store_path, read_only=True) as st:
        for name, params in queries:
            times, cpu, rows = [], [], 0
            for i in range(repeats + 1):
                start, start_cpu = time.perf_counter(), time.process_time()
                # every row read, as a caller would (rows are converted to rdflib terms when read)
                rows = sum(1 for _ in run(st, named[name], params or None, limit=page_of(name)).rows)
                if i:  # the first run warms the caches
                    times.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - start_cpu)
            conn.send(("query", name, statistics.median(times), rows, statistics.median(cpu)))
    conn.send(("done",))


def ox_latencies(store_path: Path, repeats: int = 5, limit: float = OX_QUERY_LIMIT,
                 only: set[str] | None = None) -> dict[str, Any]:
    """Median latency of every named query (or those in `only`), each in a child process that is killed
    past the time limit (an Oxigraph query cannot be interrupted from Python)."""
    from kg.query import named_queries
    from kg.store import LocalStore

    with LocalStore(store_path, read_only=True) as st:
        params = query_params(st)
    out: dict[str, Any] = {"_params": params}
    todo = []
    for q in named_queries().values():
        if only is not None and q.name not in only:
            continue
        if q.params and q.name not in params:
            out[q.name] = {"skipped": "no parameter value found in the data"}
        else:
            todo.append((q.name, params.get(q.name, {})))
    while todo:
        parent, child = mp.Pipe()
        proc = mp.get_context("fork").Process(target=_ox_child, args=(str(store_path), todo, repeats, child))
        proc.start()
        try:
            while todo:
                if not parent.poll(limit * (repeats + 1)):
                    out[todo[0][0]] = {"timed_out_after_s": limit}
                    todo = todo[1:]
                    break
                msg = parent.recv()
                if msg[0] == "done":
                    todo = []
                    break
                out[msg[1]] = {"median_ms": round(msg[2] * 1000, 1), "rows": msg[3],
                               "cpu_ms": round(msg[4] * 1000, 1), "page": page_of(msg[1])}
                todo = [t for t in todo if t[0] != msg[1]]
        finally:
            proc.kill()
            proc.join()
    return out


def _rdflib_child(nq: str, queries: list[tuple[str, str, dict[str, str]]], repeats: int, limit: float,
                  conn: Any) -> None:
    from rdflib import Dataset

    from kg.query import to_term

    start = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    conn.send(("load", time.perf_counter() - start, len(ds), psutil.Process().memory_info().rss))
    def too_long(*_: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, too_long)  # rdflib's engine is Python: an alarm can stop a query
    for name, text, params in queries:
        bindings = {k: to_term(v) for k, v in params.items()}
        times, rows = [], 0
        try:
            for _ in range(repeats):
                signal.setitimer(signal.ITIMER_REAL, limit)
                t = time.perf_counter()
                rows = len(list(ds.query(text, initBindings=bindings)))
                times.append(time.perf_counter() - t)
                signal.setitimer(signal.ITIMER_REAL, 0)
            conn.send(("query", name, statistics.median(times), rows))
        except TimeoutError:
            conn.send(("timeout", name, limit))
    conn.send(("done",))


def rdflib_run(nq: Path, params: dict[str, dict[str, str]], repeats: int = 3,
               limit: float = RDFLIB_QUERY_LIMIT, only: set[str] | None = None) -> dict[str, Any]:
    """rdflib in a child process (its memory is returned when it ends; a runaway query can be stopped), on
    `nq`: a dump of the store Oxigraph was timed on (`store_nquads`), so both answer from the same quads."""
    from kg.query import named_queries, paged

    queries = [(q.name, paged(q.text, page_of(q.name)), params.get(q.name, {}))
               for q in named_queries().values()
               if (not q.params or q.name in params) and (only is None or q.name in only)]
    parent, child = mp.Pipe()
    proc = mp.get_context("fork").Process(target=_rdflib_child,
                                          args=(str(nq), queries, repeats, limit, child))
    proc.start()
    out: dict[str, Any] = {"queries": {}}
    deadline = time.monotonic() + 3600  # the load
    try:
        while True:
            if not parent.poll(max(0.0, deadline - time.monotonic())):
                pending = [n for n, _, _ in queries if n not in out["queries"]]
                out["gave_up"] = f"{pending[0] if pending else 'load'} ran past {limit:g} s; not measured: " \
                                 + ", ".join(pending)
                break
            msg = parent.recv()
            if msg[0] == "load":
                out.update(load_s=round(msg[1], 2), triples=msg[2], rss_mb=round(msg[3] / 2**20))
            elif msg[0] == "query":
                out["queries"][msg[1]] = {"median_ms": round(msg[2] * 1000, 1), "rows": msg[3]}
            elif msg[0] == "timeout":
                out["queries"][msg[1]] = {"timed_out_after_s": msg[2]}
            else:
                break
            deadline = time.monotonic() + limit * repeats + 60
    finally:
        proc.kill()
        proc.join()
    return out


# ---- the plan guard


def guard(label: str, latencies: dict[str, Any], baselines: dict[str, dict[str, float]]) -> list[str]:
    """Named queries slower than REGRESSION times their baseline CPU time (a plan gone wrong shows as a
    multiple, not a few per cent; CPU time, because wall time on this shared machine swings 2-3x)."""
    bad = []
    for name, base in sorted(baselines.get(label, {}).items()):
        q = latencies.get(name)
        if not isinstance(q, dict) or "skipped" in q:
            continue
        if "cpu_ms" not in q:
            if REGRESSION * base >= OX_QUERY_LIMIT * 1000:
                continue  # stopped, but within 2x of a baseline past the stop: not a verdict either way
            bad.append(f"{label} {name}: stopped past {q.get('timed_out_after_s')} s (baseline {base} ms)")
        elif q["cpu_ms"] > REGRESSION * max(base, 10.0):  # under 10 ms, noise is the larger part
            bad.append(f"{label} {name}: {q['cpu_ms']} ms CPU, {q['cpu_ms'] / base:.1f}x its baseline "
                       f"{base} ms")
    return bad


def load_baselines() -> dict[str, dict[str, float]]:
    return json.loads(BASELINES.read_text()) if BASELINES.exists() else {}


def save_baselines(label: str, latencies: dict[str, Any]) -> None:
    data = load_baselines()
    # a query stopped at the time limit keeps its old baseline
    now = {n: q["cpu_ms"] for n, q in sorted(latencies.items())
           if not n.startswith("_") and isinstance(q, dict) and "cpu_ms" in q}
    data[label] = {**data.get(label, {}), **now}
    BASELINES.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


def fail_on(regressions: list[str]) -> None:
    if regressions:
        print(f"\nPLAN GUARD: named queries slower than {REGRESSION:g}x their baseline ({BASELINES.name}):",
              *regressions, sep="\n  ", file=sys.stderr)
        raise SystemExit(1)


def time_store(store: Path, label: str, update: bool, nq: Path | None, only: set[str] | None = None) -> None:
    """Only the query part, on a store already built (`--time-store`): latencies, then the guard; with
    `--nquads` (the file the store was loaded from) the load ratio on that file and rdflib's queries on a
    dump of the store, as in the full run. `only`: these named queries, and no load ratio."""
    entry: dict[str, Any] = {"quads": "?", "oxigraph_load_s": "-", "store_mb": round(du(store) / 2**20, 1),
                             "oxigraph": ox_latencies(store, only=only)}
    if nq:
        entry["quads"] = sum(1 for _ in nq.open("rb"))
        with tempfile.TemporaryDirectory(dir=store.parent) as scratch:  # the same disk as the store
            if only is None:
                entry["load"] = load_ratio(nq, Path(scratch) / "load")
                entry["oxigraph_load_s"] = entry["load"]["kg_load_median_s"]
            dump = store_nquads(store, Path(scratch) / "store.nq")
            entry["rdflib_quads"] = sum(1 for _ in dump.open("rb"))
            entry["rdflib"] = rdflib_run(dump, entry["oxigraph"]["_params"], only=only)
        compare_rdflib(entry)
    report_store(label, entry)
    results = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(),
               "time_store": str(store), "stores": {label: entry}, "load_average_now": os.getloadavg()}
    if update:
        save_baselines(label, entry["oxigraph"])
    results["plan_guard"] = guard(label, entry["oxigraph"], load_baselines())
    out = HERE / "results" / (dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + f"-queries-{label}.json")
    out.write_text(json.dumps(results, indent=1))
    print(f"results: {out.relative_to(ROOT)}")
    fail_on(results["plan_guard"])


def only_load_ratio(nq: Path) -> None:
    """`--load-ratio`: the interleaved load comparison alone, saved and printed."""
    with tempfile.TemporaryDirectory(dir=nq.parent) as scratch:
        entry = load_ratio(nq, Path(scratch) / "load")
    results = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(),
               "nquads": str(nq), "load": entry, "load_average_now": os.getloadavg()}
    out = HERE / "results" / (dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + "-load.json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    print(load_line(entry))
    print(f"results: {out.relative_to(ROOT)}")


def load_line(ld: dict[str, Any]) -> str:
    return (f"kg load {ld['kg_load_median_s']} s (rounds {ld['kg_load_s']}, CPU {ld['kg_load_cpu_s']}, "
            f"{ld['workers']} workers) vs rdflib parse {ld['rdflib_parse_median_s']} s (rounds "
            f"{ld['rdflib_parse_s']}, CPU {ld['rdflib_parse_cpu_s']}): ratio {ld['ratio_median']}x, "
            f"the median of {ld['ratios']} (wall time, interleaved)")


def compare_rdflib(entry: dict[str, Any]) -> None:
    """rdflib's times beside Oxigraph's, as ratios, with a check that both return as many rows."""
    rd = entry["rdflib"]
    if "load" in entry:  # the median of interleaved rounds, not the query child's single load
        entry["load_ratio_rdflib_over_oxigraph"] = entry["load"]["ratio_median"]
    for name, ox_q in entry["oxigraph"].items():
        r_q = rd["queries"].get(name)
        if r_q and "timed_out_after_s" in r_q and isinstance(ox_q, dict):
            ox_q["rdflib_timed_out_after_s"] = r_q["timed_out_after_s"]
            if "median_ms" in ox_q:  # rdflib took longer than its limit: the ratio is at least this
                ox_q["speedup_vs_rdflib_at_least"] = round(1000 * r_q["timed_out_after_s"]
                                                           / max(ox_q["median_ms"], 0.01), 1)
        elif isinstance(ox_q, dict) and "median_ms" in ox_q and r_q:
            ox_q["rdflib_median_ms"] = r_q["median_ms"]
            ox_q["speedup_vs_rdflib"] = round(r_q["median_ms"] / max(ox_q["median_ms"], 0.01), 1)
            ox_q["same_rows_as_rdflib"] = r_q["rows"] == ox_q["rows"]


# ---- the run


def main() -> None:
    ap = argparse.ArgumentParser(description="council-kg benchmarks")
    ap.add_argument("--quick", action="store_true", help="small sizes, minutes not an hour")
    ap.add_argument("--work", type=Path, default=HERE / ".work", help="scratch folder (corpora, stores)")
    ap.add_argument("--skip-10m", action="store_true", help="leave out the 10M-triple store")
    ap.add_argument("--docs", default=None, help="the two corpus sizes, e.g. 1000,10000 (the default)")
    ap.add_argument("--ingest-only", action="store_true", help="only the ingest runs (no query stores)")
    ap.add_argument("--jobs", type=int, default=None,
                    help="with --ingest-only: only the runs with this many workers (2 for 100,000 documents)")
    ap.add_argument("--time-store", type=Path, help="only time the named queries here, and guard them")
    ap.add_argument("--keep-nquads", action="store_true",
                    help="keep data-1M.nq / data-10M.nq in --work (for benchmarks/bench_servers.py)")
    ap.add_argument("--nquads", type=Path, help="with --time-store: the store's N-Quads, to time rdflib too")
    ap.add_argument("--load-ratio", type=Path, metavar="NQ",
                    help="only the load ratio: kg load and rdflib's parse of this N-Quads file, 3 rounds")
    ap.add_argument("--only", metavar="NAME[,NAME]",
                    help="with --time-store: time only these named queries (rdflib too), no load ratio")
    ap.add_argument("--label", default="1M", help="the baseline to compare --time-store with (1M, 10M, 100k)")
    ap.add_argument("--update-baselines", action="store_true",
                    help=f"write this run's query CPU times to {BASELINES.name} (after a deliberate change)")
    args = ap.parse_args()
    # kg's own modules compiled once, so that each timed `kg` process does not compile them again (an editable
    # install is not compiled, and PYTHONDONTWRITEBYTECODE stops Python keeping what it compiles)
    compileall.compile_dir(str(ROOT / "kg"), quiet=1)
    if args.time_store:
        only = None
        if args.only:
            from kg.query import named_queries

            only = {n.strip() for n in args.only.split(",") if n.strip()}
            if unknown := sorted(only - set(named_queries())):
                raise SystemExit(f"--only: no named query {', '.join(unknown)} (see `kg queries`)")
        time_store(args.time_store, args.label, args.update_baselines, args.nquads, only)
        return
    if args.load_ratio:
        only_load_ratio(args.load_ratio)
        return
    quick = args.quick
    regressions: list[str] = []
    sizes = (100, 300) if quick else (1000, 10000)
    if args.docs:
        sizes = tuple(int(x) for x in args.docs.split(","))[:2]  # type: ignore[assignment]
    triples: tuple[int, ...] = (100_000,) if quick else (1_000_000, 10_000_000)
    if args.skip_10m:
        triples = triples[:1]
    if args.ingest_only:
        triples = ()
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "quick": quick,
                               "machine": machine(), "ingest": [], "stores": {}}
    out = HERE / "results" / (dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + (
        "-quick" if quick else "") + ".json")
    out.parent.mkdir(exist_ok=True)

    def save() -> None:  # after every step, so a long run that is stopped still leaves its figures
        results["load_average_now"] = os.getloadavg()
        out.write_text(json.dumps(results, indent=1))

    def ingest(docs: int, jobs: int) -> None:
        sub = work / f"corpus-{docs}"
        n, size = generate(sub, docs)  # deterministic: a second run rewrites nothing
        print(f"ingest {docs} documents, --jobs {jobs} ...", flush=True)
        r = ingest_run(sub, work / f"store-{docs}-j{jobs}", jobs, n, size)
        results["ingest"].append(r)
        save()
        print(f"  {r}", flush=True)

    # The serial run first: its store is the source of the query stores. The longest run goes last.
    if args.jobs is None or args.jobs == 1 or not args.ingest_only:
        ingest(sizes[0], 1)
    source = work / f"store-{sizes[0]}-j1"
    for target in triples:
        label = f"{target // 1_000_000}M" if target >= 1_000_000 else f"{target // 1000}k"
        nq = work / f"data-{label}.nq"
        print(f"build {label} triples by replicating {source.name} ...", flush=True)
        count = build_nquads(source, target, nq)
        store = work / f"query-{label}"
        load = ox_load(nq, store)
        tallies = aggregates_run(store)
        entry: dict[str, Any] = {"quads": count, "oxigraph_load_s": round(load, 2),
                                 "store_mb": round(du(store) / 2**20, 1),
                                 "nquads_mb": round(nq.stat().st_size / 2**20), "aggregates_s": tallies}
        print(f"  loaded {count} quads in {load:.1f} s; timing queries ...", flush=True)
        entry["oxigraph"] = ox_latencies(store)
        if args.update_baselines:
            save_baselines(label, entry["oxigraph"])
        regressions += guard(label, entry["oxigraph"], load_baselines())
        if target == triples[0]:
            print("  kg load and rdflib's parse, alternately, 3 times ...", flush=True)
            entry["load"] = load_ratio(nq, work / f"load-{label}")
            print("  rdflib in memory ...", flush=True)
            dump = store_nquads(store, work / f"store-{label}.nq")  # the aggregates too
            rd = rdflib_run(dump, entry["oxigraph"]["_params"], repeats=3 if quick else 1)
            dump.unlink()
            entry["rdflib"] = rd
            compare_rdflib(entry)
        else:
            entry["rdflib"] = {"skipped": "rdflib needs ~9 GB and ~4 min for 5M triples here (MEASURED.md); "
                                          "10M is beyond what this shared machine can hold"}
        results["stores"][label] = entry
        save()
        if not args.keep_nquads:
            nq.unlink()
        report_store(label, entry)

    if args.jobs is None or args.jobs == 2 or not args.ingest_only:
        ingest(sizes[0], 2)
        if len(sizes) > 1:  # --docs N gives one size
            ingest(sizes[1], 2)
    # What Oxigraph alone costs to write the biggest run's quads: the ceiling no Python change can pass
    biggest = max(results["ingest"], key=lambda r: r["documents"], default=None)
    if biggest is not None and biggest["documents"] <= 10_000:  # at 100,000 the replay alone is an hour
        print(f"store floor: replaying the {biggest['documents']}-document store's quads ...", flush=True)
        results["store_floor"] = store_floor(work / f"store-{biggest['documents']}-j{biggest['jobs']}",
                                             biggest["documents"], work)
        save()
    save()
    report_ingest(results["ingest"])
    if "store_floor" in results:
        print(report_floor(results["store_floor"]))
    print(f"results: {out.relative_to(ROOT)}")
    results["plan_guard"] = regressions
    save()
    fail_on(regressions)


def report_ingest(rows: list[dict[str, Any]]) -> None:
    print("\ningest (kg ingest, end to end)")
    print(f"{'docs':>7} {'jobs':>4} {'seconds':>8} {'docs/s':>7} {'CPU s':>7} {'CPU ms/doc':>10} {'MB/s':>6} "
          f"{'peak MB':>8} {'store MB':>9}")
    for r in rows:
        cpu, per = r.get("cpu_s", "-"), r.get("cpu_ms_per_doc", "-")
        print(f"{r['documents']:>7} {r['jobs']:>4} {r['seconds']:>8} {r['docs_per_s']:>7} {cpu:>7} {per:>10} "
              f"{r['mb_per_s']:>6} {r['peak_rss_mb']:>8} {r['store_mb']:>9}")


def report_store(label: str, entry: dict[str, Any]) -> None:
    rd = entry.get("rdflib", {})
    ratio = entry.get("load_ratio_rdflib_over_oxigraph")  # none when --only left the load ratio out
    print(f"\n{label} triples ({entry['quads']} quads): Oxigraph bulk load {entry['oxigraph_load_s']} s, "
          f"store {entry['store_mb']} MB" + (f"; rdflib parse {rd['load_s']} s ({rd.get('rss_mb')} MB)"
                                            + (f", ratio {ratio}x" if ratio else "")
                                            if rd.get("load_s") else ""))
    print(f"{'query':<22} {'rows':>7} {'oxigraph ms':>12} {'cpu ms':>8} {'rdflib ms':>10} {'ratio':>7}")
    for name, q in entry["oxigraph"].items():
        if name.startswith("_"):
            continue
        if "median_ms" not in q:
            why = q.get("skipped") or f"more than {q.get('timed_out_after_s')} s"
            print(f"{name:<22} {why}")
            continue
        rdf = q.get("rdflib_median_ms") or (f">{q['rdflib_timed_out_after_s']:g}s"
                                             if "rdflib_timed_out_after_s" in q else "-")
        ratio = q.get("speedup_vs_rdflib") or (f">{q['speedup_vs_rdflib_at_least']:g}"
                                                 if "speedup_vs_rdflib_at_least" in q else "-")
        rows = f"{q['rows']}" + ("p" if q.get("page") else "")  # p: the first page of a listing
        print(f"{name:<22} {rows:>7} {q['median_ms']:>12} {q.get('cpu_ms', '-'):>8} {rdf:>10} {ratio:>7}")
    if rd.get("gave_up"):
        print(f"rdflib: {rd['gave_up']}")
    if "load" in entry:
        print(load_line(entry["load"]))


if __name__ == "__main__":
    main()

"""The query benchmark against SPARQL servers (issue 18): the same N-Quads loaded into the Oxigraph server and
into Virtuoso, then every named query timed through kg.remote, as benchmarks/run.py times Oxigraph on disk.

    .venv/bin/python -m benchmarks.bench_servers --nquads FILE.nq [--servers oxigraph,virtuoso]

The N-Quads come from benchmarks/run.py (`build_nquads`: the 1,000-document store's document graphs
replicated to 1M or 10M triples; `make bench` keeps them with `--keep-nquads`). Each server gets the file
with its own bulk loader (`oxigraph load`; Virtuoso's `ld_dir` + `rdf_loader_run` through isql), in a
scratch folder, on loopback; the load time includes the server's checkpoint. Listings are timed on their
first page of 100 rows, as in run.py. The aggregates graph (kg/aggregates.py) is built with the same hook
ingest calls, through the server.
Results: benchmarks/results/servers-<UTC time>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.run import HERE, machine, page_of, query_params

LIMIT = 5.0  # seconds for one query run, as for Oxigraph on disk
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 8
DirsAllowed = ., {data}
CheckpointInterval = 60
CaseMode = 2
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
MaxClientConnections = 4
ServerThreads = 4
EnabledDavVSP = 0
Charset = UTF-8

[SPARQL]
; the default (10,000) silently truncates results: keep every row
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def virtuoso_ini(db: Path, sql_port: int, http_port: int, *, data: Path | None = None,
                 big: bool = False) -> str:
    """Virtuoso's configuration on loopback ports (tests/test_remote.py starts it too). `data`: a folder the
    bulk loader may read; `big`: about 2 GB of buffers, the documented setting for a machine with 8 GB or
    more free (the benchmark's 10M triples), else ~80 MB (the tests)."""
    buffers, dirty = (170000, 130000) if big else (10000, 6000)
    return VIRTUOSO_INI.format(db=db, data=data or db, sql_port=sql_port, http_port=http_port,
                               buffers=buffers, dirty=dirty)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, seconds: float = 180) -> None:
    from kg.errors import StoreError
    from kg.remote import RemoteStore

    deadline = time.monotonic() + seconds
    with RemoteStore(url, timeout=5) as st:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"server exited with {proc.returncode}")
            try:
                st.query("ASK { ?s ?p ?o }")
                return
            except StoreError:
                time.sleep(0.5)
    raise SystemExit(f"server at {url} did not answer within {seconds:g} s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def start_oxigraph(nq: Path, root: Path, load: float | None = None) -> tuple[str, subprocess.Popen, float]:
    """Load `nq` (unless `load` says it was loaded before: its seconds) and serve it."""
    binary = str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        binary = shutil.which("oxigraph") or binary
    if load is None:
        start = time.perf_counter()
        subprocess.run([binary, "load", "--location", str(root / "data"), "--file", str(nq)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        load = time.perf_counter() - start
    port = _free_port()
    log = (root / "server.log").open("wb")
    proc = subprocess.Popen([binary, "serve", "--location", str(root / "data"), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait(url, proc)
    return url, proc, load


def start_virtuoso(nq: Path, root: Path, load: float | None = None) -> tuple[str, subprocess.Popen, float]:
    """Start Virtuoso, then load `nq` (unless `load` says it was loaded before: its seconds)."""
    db = root / "db"
    db.mkdir(parents=True, exist_ok=True)
    data = root / "load"
    data.mkdir(exist_ok=True)
    if not (data / nq.name).exists():
        (data / nq.name).symlink_to(nq.resolve())
    sql, http = _free_port(), _free_port()
    ini = root / "virtuoso.ini"
    ini.write_text(virtuoso_ini(db, sql, http, data=data, big=True))
    log = (root / "server.log").open("wb")
    proc = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=root, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http}/sparql"
    _wait(url, proc)
    if load is not None:
        return url, proc, load
    start = time.perf_counter()
    # N-Quads name their graphs; the loader's graph argument is only for triples without one.
    sql_text = (f"ld_dir('{data}', '*.nq', 'urn:kg:bench:unused'); rdf_loader_run(); checkpoint;")
    subprocess.run(["isql-vt", str(sql), "dba", "dba", f"exec={sql_text}"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return url, proc, time.perf_counter() - start


def time_queries(url: str, repeats: int = 3) -> dict[str, Any]:
    """Median wall time of every named query through kg.remote (the server's CPU is not ours to read)."""
    from kg.errors import KgError
    from kg.query import named_queries, run
    from kg.remote import RemoteStore

    out: dict[str, Any] = {}
    with RemoteStore(url, timeout=120) as st:
        start = time.perf_counter()
        from kg.aggregates import update

        update(st)
        out["_aggregates_s"] = round(time.perf_counter() - start, 2)
        params = query_params(st)
        out["_params"] = params
        for q in named_queries().values():
            if q.params and q.name not in params:
                out[q.name] = {"skipped": "no parameter value found in the data"}
                continue
            times, rows = [], 0
            try:
                for i in range(repeats + 1):
                    t = time.perf_counter()
                    rows = sum(1 for _ in run(st, q, params.get(q.name) or None, limit=page_of(q.name),
                                              timeout=LIMIT).rows)
                    if i:
                        times.append(time.perf_counter() - t)
            except KgError as err:
                out[q.name] = {"failed": str(err)[:200]}
                continue
            out[q.name] = {"median_ms": round(statistics.median(times) * 1000, 1), "rows": rows,
                           "page": page_of(q.name)}
            print(f"  {q.name:<22} {rows:>7} {out[q.name]['median_ms']:>10} ms", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="named queries on the Oxigraph server and Virtuoso")
    ap.add_argument("--nquads", type=Path, required=True, help="the N-Quads to load (from benchmarks/run.py)")
    ap.add_argument("--servers", default="oxigraph,virtuoso")
    ap.add_argument("--work", type=Path, default=HERE / ".work" / "servers")
    ap.add_argument("--keep", action="store_true",
                    help="keep each server's data; a later run with --keep times the queries on it again "
                         "without loading (after a change to the queries)")
    args = ap.parse_args()
    quads = sum(1 for _ in args.nquads.open("rb"))
    results: dict[str, Any] = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                               "machine": machine(), "nquads": str(args.nquads), "quads": quads,
                               "servers": {}}
    out = HERE / "results" / ("servers-" + dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + ".json")
    for server in args.servers.split(","):
        root = args.work / server
        marker = root / "loaded.json"  # written once a kept load is whole: which file, how long it took
        before = json.loads(marker.read_text()) if args.keep and marker.exists() else {}
        if before.get("nquads") != str(args.nquads.resolve()):
            before = {}
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
            print(f"{server}: loading {quads} quads ...", flush=True)
        else:
            print(f"{server}: {quads} quads loaded by an earlier run ({before['load_s']} s)", flush=True)
        url, proc, load = (start_oxigraph if server == "oxigraph" else start_virtuoso)(
            args.nquads, root, before.get("load_s"))
        if args.keep:
            marker.write_text(json.dumps({"nquads": str(args.nquads.resolve()), "load_s": round(load, 2)}))
        try:
            print(f"  loaded in {load:.1f} s; timing queries ...", flush=True)
            entry = {"load_s": round(load, 2)}
            entry.update(time_queries(url))
            results["servers"][server] = entry
            out.write_text(json.dumps(results, indent=1))
        finally:
            _stop(proc)
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
    print(f"results: {out}")


if __name__ == "__main__":
    main()

"""Benchmark: how long `kg --help` takes to start, in a real process (target: under 0.3 s).

    .venv/bin/python -m benchmarks.bench_cli [RUNS]

Each run starts the installed `kg` script afresh (interpreter start-up, imports, typer's help) and is timed
twice: wall time, and CPU time of the child (user + system, from os.wait4), which the other engineers'
work on this 2-core machine disturbs less. Medians of RUNS runs after one warm-up (the first run pays for
the file cache). Also times `python -c pass`, the floor no command can go under, and reports which heavy
libraries `kg --help` imported (there should be none). Results go to benchmarks/results/cli-<UTC>.json.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 0.3
HEAVY = ("rdflib", "pyoxigraph", "spacy", "pandas", "networkx", "pyshacl")


def _timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of argv (output discarded)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def _medians(argv: list[str], runs: int) -> dict[str, float]:
    _timed(argv)  # warm-up
    walls, cpus = zip(*(_timed(argv) for _ in range(runs)), strict=True)
    return {"wall_s": round(statistics.median(walls), 3), "cpu_s": round(statistics.median(cpus), 3),
            "wall_min_s": round(min(walls), 3), "wall_max_s": round(max(walls), 3)}


def heavy_imports(kg: str) -> list[str]:
    """The heavy libraries `kg --help` imports (python -X importtime lists every module)."""
    done = subprocess.run([sys.executable, "-X", "importtime", kg, "--help"], capture_output=True, text=True,
                          check=True)
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("import time:")]
    top = {ln.split("|")[-1].strip().split(".")[0] for ln in lines}
    return sorted(top & set(HEAVY))


def main(runs: int = 15) -> dict:
    kg = str(Path(sys.executable).with_name("kg"))
    result = {"runs": runs, "target_s": TARGET_S,
              "kg_help": _medians([kg, "--help"], runs),
              "python_pass": _medians([sys.executable, "-c", "pass"], runs),
              "heavy_imports": heavy_imports(kg)}
    if hasattr(os, "getloadavg"):
        result["load_average"] = round(os.getloadavg()[0], 2)
    h = result["kg_help"]
    verdict = "met" if h["wall_s"] < TARGET_S else "MISSED"
    # Wall time waits for a core: on a busy machine it says more about the load than about kg.
    load = f", load average {result['load_average']}" if "load_average" in result else ""
    print(f"kg --help     median {h['wall_s']:.3f} s wall, {h['cpu_s']:.3f} s CPU over {runs} runs "
          f"(min {h['wall_min_s']:.3f}, max {h['wall_max_s']:.3f}{load}); target < {TARGET_S} s: {verdict}")
    p = result["python_pass"]
    print(f"python -c pass median {p['wall_s']:.3f} s wall, {p['cpu_s']:.3f} s CPU (the floor)")
    print(f"heavy imports {', '.join(result['heavy_imports']) or 'none'}")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    record = results / f"cli-{stamp}.json"
    record.write_text(json.dumps({"benchmark": "cli", "when": stamp, "machine": platform.platform(),
                                  "cpus": os.cpu_count(), "python": platform.python_version(), **result},
                                 indent=2), encoding="utf-8")
    print(f"recorded      {record}")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)

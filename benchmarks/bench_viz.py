"""Benchmark: build the page for a 20,000-node synthetic graph; print build time and page size.

    .venv/bin/python -m benchmarks.bench_viz [NODES]

Not a test (timings belong here, not in unit tests); the figures go to benchmarks/results/viz-<UTC>.json.
tests/test_browser.py checks that such a page loads in Chromium and reports its grouping.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import DEFAULT_BUDGET, render, synthetic_view


def main(n: int = 20_000) -> dict:
    t0 = time.perf_counter()
    view = synthetic_view(n)
    t1 = time.perf_counter()
    html, meta = render(view, budget=DEFAULT_BUDGET)
    t2 = time.perf_counter()
    out = Path(tempfile.gettempdir()) / f"kg-bench-viz-{n}.html"
    out.write_text(html, encoding="utf-8")
    result = {"nodes_in": view.number_of_nodes(), "nodes_drawn": meta["nodes"], "edges_drawn": meta["edges"],
              "grouped": meta["grouped"], "graph_s": round(t1 - t0, 2), "page_build_s": round(t2 - t1, 2),
              "page_bytes": len(html.encode("utf-8")), "page": str(out)}
    for k, v in result.items():
        print(f"{k:12s} {v}")
    # Recorded beside the other benchmarks' results (benchmarks/results/, as benchmarks/run.py does).
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    record = results / f"viz-{stamp}.json"
    record.write_text(json.dumps({"benchmark": "viz", "when": stamp, "machine": platform.platform(),
                                  "cpus": os.cpu_count(), **result}, indent=2), encoding="utf-8")
    print(f"{'recorded':12s} {record}")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)

"""Benchmark: build the graph pages; print build time (CPU), page size, nodes drawn, and, with
--browser, what Chromium draws at the first fit (label size in px, nodes wholly on screen, time to draw).

    .venv/bin/python -m benchmarks.bench_viz [--nodes 20000] [--store DIR] [--browser]

Without --store only the synthetic graph of NODES nodes is drawn; with it (e.g. the 1,000-document store
`benchmarks.run` builds) every view kind: overview, follow-ups, a focus view and a query view. Not a test
(timings belong here, not in unit tests); the figures go to benchmarks/results/viz-<UTC>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from kg.views import DEFAULT_BUDGET, build, render, synthetic_view

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")


def _measure(html: str, build_s: float, meta: dict, name: str, out: Path) -> dict:
    path = out / f"kg-bench-viz-{name}.html"
    path.write_text(html, encoding="utf-8")
    return {"view": name, "nodes_in": meta["source_nodes"], "nodes_open_in_budget": meta["nodes"],
            "links": meta["edges"], "build_cpu_s": round(build_s, 2), "page_bytes": len(html.encode("utf-8")),
            "page": str(path)}


def _a_post(store) -> tuple[str, str]:  # noqa: ANN001
    """A post and its council (a focus view a user would ask for: one post, in one council)."""
    from kg.analytics import load_graph
    from kg.views.graphs import councils_of

    g = load_graph(store, evidence=False)
    cof = councils_of(g)
    post = sorted((d["label"], n) for n, d in g.nodes(data=True) if d["kind"] == "post" and n in cof)[0]
    return post[0], g.nodes[cof[post[1]]]["label"]


def views(store_dir: Path | None, nodes: int, out: Path) -> list[dict]:
    rows = []
    t = time.process_time()
    view = synthetic_view(nodes)
    html, meta = render(view, budget=DEFAULT_BUDGET)
    rows.append(_measure(html, time.process_time() - t, meta, f"synthetic-{nodes}", out))
    if store_dir is None:
        return rows
    from kg.store import LocalStore

    with LocalStore(store_dir, read_only=True) as st:
        post, council = _a_post(st)
        for name, options in (("overview", {}), ("followups", {"show_followups": True}),
                              ("focus", {"focus_node": post, "council": council}),
                              ("query-open-commitments", {"query": "open-commitments"})):
            t = time.process_time()
            html, meta = build(st, **options)
            rows.append(_measure(html, time.process_time() - t, meta, name, out))
    return rows


def in_browser(rows: list[dict]) -> None:
    """Open each page in Chromium (1400 x 900) and record what the first fit shows."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for r in rows:
            page = b.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(Path(r["page"]).as_uri())
            page.wait_for_selector("body[data-drawn='1']", timeout=120_000)
            r["draw_wall_s"] = round(time.perf_counter() - t, 2)
            got = page.evaluate("[network.getScale() * nodes.get()[0].font.size, nodes.length, "
                                "window.kgView.onScreen]")
            r["first_fit_label_px"], r["page_drew"], r["nodes_on_screen"] = round(got[0], 1), got[1], got[2]
            page.close()
        b.close()


def main() -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=20_000)
    ap.add_argument("--store", type=Path, default=None, help="a store to draw every view kind of")
    ap.add_argument("--browser", action="store_true", help="also measure the first fit in Chromium")
    args = ap.parse_args()
    rows = views(args.store, args.nodes, Path(tempfile.gettempdir()))
    if args.browser:
        in_browser(rows)
    for r in rows:
        print("  ".join(f"{k}={v}" for k, v in r.items() if k != "page"))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    record = results / f"viz-{stamp}.json"
    record.write_text(json.dumps({"benchmark": "viz", "when": stamp, "machine": platform.platform(),
                                  "cpus": os.cpu_count(), "load": os.getloadavg(), "store": str(args.store),
                                  "views": rows}, indent=2), encoding="utf-8")
    print(f"recorded {record}")
    return rows


if __name__ == "__main__":
    main()

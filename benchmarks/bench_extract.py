"""Time to extract a seed-sized document after warm-up (target: well under 50 ms). Prints; not a test.

    .venv/bin/python benchmarks/bench_extract.py [FILE ...]

Each document's text is varied per run (a counter appended) so the per-text caches (spaCy parse, the
people analysis) do not hide the real cost. Reports the median and the worst of the timed runs, for the
issue-4 stages (bodies, people, contributions, resolutions) and for the whole extraction.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from kg.extract import bodies, contributions, extract, people, resolutions
from kg.model import Extraction
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent
RUNS = 30


def mine(doc) -> Extraction:  # noqa: ANN001
    return resolutions.extract(contributions.extract(people.extract(bodies.extract(Extraction(doc=doc)))))


def timed(fn, doc) -> list[float]:  # noqa: ANN001
    out = []
    for i in range(RUNS + 3):
        d = replace(doc, text=doc.text + f"\n{i}\n")
        t = time.perf_counter()
        fn(d)
        if i >= 3:  # the first runs load pattern files and build matchers
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "seeds").glob("*.txt"))
    print(f"{'document':32} {'chars':>6}  {'issue-4 median/max ms':>22}  {'all stages median/max ms':>25}")
    for f in files:
        doc = read_document(f, root=f.parent)
        a, b = timed(mine, doc), timed(extract, doc)
        print(f"{f.name[:32]:32} {len(doc.text):6}  {statistics.median(a):10.1f} / {max(a):8.1f}  "
              f"{statistics.median(b):12.1f} / {max(b):8.1f}")


if __name__ == "__main__":
    main()

"""Time to extract a seed-sized document after warm-up (target, issue 13: under 15 ms). Prints; not a test.

    .venv/bin/python benchmarks/bench_extract.py [FILE ...]
    .venv/bin/python benchmarks/bench_extract.py --corpus DIR [--docs N]   # e.g. benchmarks.corpus output

Each document's text is varied per run (a counter appended) so the per-text caches (spaCy parse, the
people analysis) do not hide the real cost. Reports the median and the worst of the timed runs, for the
issue-4 stages (bodies, people, contributions, resolutions) and for the whole extraction, in wall time and
in CPU time (time.process_time: on a shared machine the CPU time is the steadier of the two).
With --corpus, N documents of a generated corpus are each extracted RUNS times and summarised (median
and 90th percentile of the per-document medians, and the mean).
"""

from __future__ import annotations

import argparse
import statistics
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


def timed(fn, doc, runs: int = RUNS) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """(wall ms, CPU ms) of each timed run."""
    wall, cpu = [], []
    for i in range(runs + 3):
        d = replace(doc, text=doc.text + f"\n{i}\n")
        t, c = time.perf_counter(), time.process_time()
        fn(d)
        if i >= 3:  # the first runs load pattern files and build matchers
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def files_main(files: list[Path]) -> None:
    print(f"{'document':32} {'chars':>6}  {'issue-4 median/max ms':>22}  {'all stages median/max ms':>25}"
          f"  {'all stages CPU median ms':>24}")
    for f in files:
        doc = read_document(f, root=f.parent)
        (a, _), (b, b_cpu) = timed(mine, doc), timed(extract, doc)
        print(f"{f.name[:32]:32} {len(doc.text):6}  {statistics.median(a):10.1f} / {max(a):8.1f}  "
              f"{statistics.median(b):12.1f} / {max(b):8.1f}  {statistics.median(b_cpu):24.2f}")


def corpus_main(folder: Path, docs: int, runs: int) -> None:
    files = sorted(folder.rglob("*.txt"))[:docs]
    wall, cpu, chars = [], [], []
    for f in files:
        doc = read_document(f, root=f.parent)
        w, c = timed(extract, doc, runs)
        wall.append(statistics.median(w))
        cpu.append(statistics.median(c))
        chars.append(len(doc.text))

    def summary(ms: list[float]) -> str:
        p90 = statistics.quantiles(ms, n=10)[-1] if len(ms) > 1 else ms[0]
        mid, mean = statistics.median(ms), statistics.mean(ms)
        return f"median {mid:.2f}, p90 {p90:.2f}, mean {mean:.2f}, max {max(ms):.2f}"

    print(f"{len(files)} documents of {folder} ({min(chars)}-{max(chars)} chars), median of {runs} runs each")
    print(f"  all stages, wall ms: {summary(wall)}")
    print(f"  all stages, CPU ms:  {summary(cpu)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, help="a folder of documents (benchmarks.corpus output)")
    ap.add_argument("--docs", type=int, default=100, help="with --corpus: how many documents")
    ap.add_argument("--runs", type=int, default=RUNS, help="with --corpus: timed runs per document")
    args = ap.parse_args()
    if args.corpus:
        corpus_main(args.corpus, args.docs, args.runs)
    else:
        files_main(args.files or sorted((ROOT / "seeds").glob("*.txt")))


if __name__ == "__main__":
    main()

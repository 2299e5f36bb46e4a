"""`make eval`: score the seeds, the development corpus and the project's own held-out corpora (eval/) with
../shared/eval/score.py and print the summaries side by side (categories, links, follow-ups, macro F1). A
measurement, not a test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "seeds": (EVAL / "seeds.gold.json", ROOT / "seeds"),
    "dev": (EVAL / "dev" / "dev.gold.json", EVAL / "dev" / "docs"),
    # written blind (by authors who had not seen the extraction code) as a measure of what carries over to
    # documents nobody here has seen; see eval/README.md
    **{f"hold-{k}": (ROOT / "eval" / f"holdout-{k}" / "gold.json", ROOT / "eval" / f"holdout-{k}" / "docs")
       for k in sorted(p.name[-1] for p in (ROOT / "eval").glob("holdout-?"))},
}
CATEGORIES = ("councillors", "posts", "officers", "observations", "questions", "commitments", "resolutions")


def score(name: str, gold: Path, docs: Path, kg: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, str(EVAL / "score.py"), str(gold), str(docs), "--kg", kg,
               "--json", str(out), "--quiet"]
        run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if not out.exists():
            sys.exit(f"eval: scoring {name} failed: {run.stderr.strip()[-400:] or run.stdout.strip()[-400:]}")
        return json.loads(out.read_text())


def _cell(c: dict | None) -> str:
    if not c:
        return "-"
    return f"P={c['precision']:.2f} R={c['recall']:.2f} F1={c['f1']:.2f}"


def _ratio(rows: list) -> str:
    return f"{sum(1 for r in rows if r[1])}/{len(rows)}" if rows else "-"


def macro(report: dict) -> float:
    f1s = [report["categories"][c]["f1"] for c in CATEGORIES if c in report["categories"]]
    return sum(f1s) / len(f1s) if f1s else 0.0


def main() -> None:
    if not EVAL.exists():
        sys.exit(f"eval: {EVAL} not found (the shared evaluation folder sits beside the checkout)")
    kg = os.environ.get("KG") or str(ROOT / ".venv" / "bin" / "kg")  # KG: another checkout's command
    only = sys.argv[1:]  # `scripts/eval.py dev hold-a`: some sets only
    print_table({name: score(name, gold, docs, kg) for name, (gold, docs) in SETS.items()
                 if not only or name in only}, width=12 if not only or len(only) > 2 else 32,
                f1_only=not only or len(only) > 2)


def print_table(reports: dict[str, dict], width: int = 32, f1_only: bool = False) -> None:
    """Reports side by side: each category's P/R/F1 (or F1 alone), links, follow-ups, macro F1."""
    names = list(reports)
    print(f"{'':14}" + "".join(f"{n:<{width}}" for n in names))
    for c in CATEGORIES:
        cells = (_cell(reports[n]["categories"].get(c)) for n in names)
        print(f"{c:14}" + "".join(f"{cell.split()[-1] if f1_only else cell:<{width}}" for cell in cells))
    print(f"{'links':14}" + "".join(f"{_ratio(reports[n]['links']):<{width}}" for n in names))
    print(f"{'followups':14}" + "".join(f"{_ratio(reports[n]['followups']):<{width}}" for n in names))
    print(f"{'macro F1':14}" + "".join(f"{macro(reports[n]):<{width}.2f}" for n in names))


if __name__ == "__main__":
    main()

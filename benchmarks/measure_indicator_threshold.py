"""How the fuzzy threshold of the indicator linker (kg/indicator_link.py) was chosen. Prints; not a test.

    .venv/bin/python benchmarks/measure_indicator_threshold.py

For each threshold from 70 to 100 it links every labelled phrase in tests/data/indicator_pairs.yaml and
prints precision (links to the right concept / links made) and recall (links to the right concept /
phrases that have a concept). The threshold kept is the one with the best F1 among those whose precision is
at least 0.95 (ties: the higher threshold); the wrong links and misses at the threshold in use are listed, so
a reader can see what the rules let through and what they refuse.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kg.indicator_link import FUZZY_THRESHOLD, link_indicator

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "indicator_pairs.yaml"


def pairs() -> list[dict]:
    return yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]


def evaluate(threshold: float) -> tuple[float, float, list[tuple[str, str | None, str | None, str]]]:
    """(precision, recall, [(phrase, expected, got, method)] for every pair)."""
    rows = []
    for p in pairs():
        m = link_indicator(p["phrase"], code=p.get("code"), threshold=threshold)
        rows.append((p["phrase"], p["expected"], m.concept, m.method))
    made = [r for r in rows if r[2] is not None]
    right = [r for r in made if r[2] == r[1]]
    wanted = [r for r in rows if r[1] is not None]
    return (len(right) / len(made) if made else 1.0), (len(right) / len(wanted) if wanted else 1.0), rows


def main() -> None:
    best: tuple[float, int] | None = None
    for t in range(50, 101):
        precision, recall, _ = evaluate(float(t))
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"threshold {t:3}  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
        if precision >= 0.95 and (best is None or f1 >= best[0]):
            best = (f1, t)
    precision, recall, rows = evaluate(FUZZY_THRESHOLD)
    print(
        f"\nbest F1 with precision >= 0.95 at threshold {best[1] if best else None}; "
        f"in use: {FUZZY_THRESHOLD} "
        f"(precision {precision:.3f}, recall {recall:.3f}, {len(rows)} pairs)"
    )
    for phrase, expected, got, method in rows:
        if got is not None and got != expected:
            print(f"  WRONG {method:8} {phrase!r}: {got} (expected {expected})")
    for phrase, expected, got, _method in rows:
        if got is None and expected is not None:
            print(f"  missed          {phrase!r} (expected {expected})")


if __name__ == "__main__":
    main()

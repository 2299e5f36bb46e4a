"""How the fuzzy post-matching threshold in kg/link.py was chosen. Prints; not a test.

    .venv/bin/python benchmarks/measure_post_threshold.py

For each labelled pair in tests/data/post_pairs.yaml (spellings of one post, or two different posts at one
council) it prints rapidfuzz's ratio on normalised titles, whether the word rule holds, and the decision.
The gap to look at: the lowest "same" ratio against the highest "different" ratio, with and without the
word rule.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from rapidfuzz import fuzz

from kg.link import FUZZY_THRESHOLD, _words_agree, norm, same_post_score

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "post_pairs.yaml"


def main() -> None:
    data = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    low_same, high_diff, high_diff_words = 101.0, 0.0, 0.0
    for kind in ("same", "different"):
        for pair in data[kind]:
            a, b = (p.strip() for p in pair.split("|"))
            ratio, words = fuzz.ratio(norm(a), norm(b)), _words_agree(a, b)
            merged = same_post_score(a, b) is not None
            if kind == "same":
                low_same = min(low_same, ratio)
            else:
                high_diff = max(high_diff, ratio)
                high_diff_words = max(high_diff_words, ratio if words else 0.0)
            flag = "ok " if merged == (kind == "same") else "BAD"
            print(f"{flag} {kind:9} ratio {ratio:5.1f} words {'yes' if words else 'no ':3}  {a} | {b}")
    print(f"\nlowest 'same' ratio {low_same:.1f}; highest 'different' ratio {high_diff:.1f} "
          f"({high_diff_words:.1f} where the word rule also holds); threshold {FUZZY_THRESHOLD}")


if __name__ == "__main__":
    main()

"""Rules, word lists and comments are written for constructions, never copied from the scored documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORED = [ROOT / "seeds", ROOT.parent / "shared" / "eval" / "dev" / "docs", ROOT.parent / "shared" / "seeds",
          *sorted((ROOT / "eval").glob("holdout-*/docs"))]
RULES = ("*.py", "*.yaml", "*.txt", "*.jsonl")
# The indicator scheme holds the published names of national measures (ASCOF, PAM, LGBF, DfE), which reports
# quote word for word; its alternative labels are checked by hand instead (CHANGELOG, issue 13).
PUBLISHED = ROOT / "kg" / "data" / "indicators"
# Seven words in a row: long enough that two independent writers rarely produce it, short enough to catch a
# copied sentence, a copied table row or a copied comment example.
N = 7
# Runs every council writes, which a rule may name as its construction.
COMMON = {"the minutes of the meeting held on"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _grams(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def test_no_rule_or_comment_repeats_a_scored_document() -> None:
    """No seven-word run of a seed, development or held-out document appears in kg/ (code, patterns, data)."""
    scored: dict[str, str] = {}
    folders = [d for d in SCORED if d.is_dir()]
    if not folders:
        pytest.skip("no scored documents beside the checkout")
    for folder in folders:
        for f in sorted(p for suffix in ("*.txt", "*.md", "*.html") for p in folder.glob(suffix)):
            text = f.read_text(encoding="utf-8", errors="replace")
            if f.suffix == ".html":
                text = re.sub(r"<[^>]*>", " ", text)  # the page's words, not its markup
            for g in _grams(_words(text)):
                scored.setdefault(g, f.name)
    copied = []
    for pattern in RULES:
        for f in sorted(p for p in (ROOT / "kg").rglob(pattern) if PUBLISHED not in p.parents):
            for g in sorted((_grams(_words(f.read_text(encoding="utf-8"))) & scored.keys()) - COMMON):
                copied.append(f"{f.relative_to(ROOT)}: '{g}' (from {scored[g]})")
    assert not copied, "\n".join(copied)

"""Grouped alternations: the same matches as the plain alternation of the same branches."""

from __future__ import annotations

import random
import re
from pathlib import Path

from kg.extract.figures.vocab import words
from kg.extract.regex import grouped

DATA = Path(__file__).resolve().parent / "data"
# characters that IGNORECASE folds onto ASCII letters ("ſ" is s, the Kelvin sign is k), and others
ODD = "ſKİıß’–é"


def _plain(branches: list[str]) -> str:
    return "(?:" + "|".join(branches) + ")"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "figures").glob("*.txt"))]
    rng = random.Random(13)
    alphabet = "abcdefghilmnoprstuvwy ,.-" + ODD
    texts += ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(20)]
    return texts


def _branches(phrases: list[str], boundary: bool) -> list[str]:
    items = sorted(set(phrases), key=len, reverse=True)
    return [(r"\b" if boundary else "") + r"\s+".join(map(re.escape, p.split())) for p in items]


def test_grouped_alternations_find_what_the_plain_ones_find() -> None:
    """Over the figure vocabularies, with and without word boundaries and IGNORECASE, finditer and sub
    give the same spans in reports and in random text with case-folding characters."""
    lists = [v for v in words().values() if isinstance(v, list) and all(isinstance(p, str) for p in v)]
    assert lists
    texts = _texts()
    for phrases in lists:
        for boundary in (True, False):
            branches = _branches(phrases, boundary)
            for flags, tail in ((re.I, ""), (0, ""), (re.I, r"\s*$")):
                a = re.compile(_plain(branches) + tail, flags)
                b = re.compile(grouped(branches) + tail, flags)
                for text in texts:
                    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
                    assert a.sub("#", text[-80:]) == b.sub("#", text[-80:])


def test_the_figure_vocabularys_alternations_match_as_plain_ones() -> None:
    """`alternation` (boundaries where a phrase starts or ends with a letter) over every figure word list,
    including those opening with punctuation (":", "%", "'s"), finds what the plain alternation finds."""
    from kg.extract.figures.vocab import alternation

    texts = _texts()
    for phrases in (v for v in words().values() if isinstance(v, list)):
        items = sorted({str(p) for p in phrases}, key=len, reverse=True)
        parts = [(r"\b" if p[:1].isalnum() else "") + r"\s+".join(map(re.escape, p.split()))
                 + (r"\b" if p[-1:].isalnum() else "") for p in items]
        a, b = re.compile(_plain(parts), re.I), re.compile(alternation(phrases), re.I)
        for text in texts:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_branch_order_decides_as_before_within_a_letter() -> None:
    """Longest first stays longest first: "average for" wins over "average" under one letter."""
    pattern = re.compile(grouped([r"\baverage\s+for", r"\bbelow", r"\baverage"]), re.I)
    assert pattern.match("Average for Wales").group() == "Average for"
    assert pattern.match("average of").group() == "average"


def test_alternations_it_cannot_group_safely_are_left_plain() -> None:
    """Mixed case under one letter, a non-ASCII first letter, or one letter with and without a word
    boundary: the plain alternation comes back unchanged."""
    for branches in (["Agreed", "agreed"], ["ſome", "some"], [r"\bsome", "so"], [r"\s+i", "i"],
                     [r"\-x", "-y"], ["éa", "ea"], ["a*", "ab"]):
        assert grouped(branches) == _plain(branches)
    assert grouped(["some", "soon", "other"]) == "(?:s(?:ome|oon)|o(?:ther))"
    assert grouped([r"\+x", ":", r"\bwas"]) == r"(?:\+(?:x)|:(?:)|\bw(?:as))"


def test_whole_words_finds_what_the_bounded_pattern_finds() -> None:
    """`whole_words` gives the spans of finditer(\\b + escaped needle + \\b) over reports and random text
    with punctuation, digits, underscores, non-ASCII letters and needles that open or close with a mark."""
    from kg.extract.regex import whole_words

    rng = random.Random(7)
    alphabet = "ab _.-'1’é(\n"
    texts = _texts()[:5]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    needles = ["", "a", "ab", "b a", ".", "a.", "'a", "_", "é", "1", "Head of Service", "Mr. Smith"]
    needles += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(300)]
    for i, text in enumerate(texts):
        for needle in needles[i % 7 :: 7]:
            expected = [m.span() for m in re.finditer(r"\b" + re.escape(needle) + r"\b", text)]
            assert whole_words(text, needle) == expected, (text, needle)
    assert whole_words("Jo Bell and Jo Bellamy, Jo Bell.", "Jo Bell") == [(0, 7), (24, 31)]

"""The figure extractor's word lists (kg/extract/patterns/figures.yaml), compiled once into patterns."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.nlp import vocabulary
from kg.extract.regex import grouped


@cache
def words() -> dict:
    return vocabulary("figures")


def alternation(phrases: object) -> str:
    """A regex alternation of phrases, longest first, each on word boundaries and with flexible spaces."""
    items = sorted({str(p) for p in phrases}, key=len, reverse=True)  # type: ignore[attr-defined]
    parts = []
    for p in items:
        body = r"\s+".join(re.escape(w) for w in p.split())
        left = r"\b" if p[:1].isalnum() else ""
        right = r"\b" if p[-1:].isalnum() else ""
        parts.append(left + body + right)
    return grouped(parts)  # the same matches as "|".join(parts), found faster


@cache
def ending(name: str) -> re.Pattern[str]:
    """One of the phrases of list `name` at the END of a string (the words right before a number)."""
    return re.compile(alternation(words()[name]) + r"[\s(:]*$", re.I)


@cache
def starting(name: str) -> re.Pattern[str]:
    """One of the phrases of list `name` at the START of a string (the words right after a number)."""
    return re.compile(r"[\s)]*" + alternation(words()[name]), re.I)


@cache
def anywhere(name: str) -> re.Pattern[str]:
    return re.compile(alternation(words()[name]), re.I)


@cache
def comparators() -> list[tuple[str, re.Pattern[str]]]:
    """(area code, phrase pattern), longest phrases first across all areas."""
    pairs = [(code, p) for code, phrases in words()["comparators"].items() for p in phrases]
    pairs.sort(key=lambda cp: len(cp[1]), reverse=True)
    return [(code, re.compile(alternation([p]), re.I)) for code, p in pairs]


@cache
def comparator_re() -> re.Pattern[str]:
    """Every comparator phrase in one pattern (longest first); `comparator_code` names a match's area."""
    return re.compile(alternation(p for ps in words()["comparators"].values() for p in ps), re.I)


@cache
def _codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, phrases in words()["comparators"].items():
        for p in phrases:
            out.setdefault(" ".join(p.lower().split()), code)
    return out


def comparator_code(matched: str) -> str:
    return _codes()[" ".join(matched.lower().split())]


@cache
def fillers_re() -> re.Pattern[str]:
    """Only filler words (and spaces, brackets, punctuation) between a cue and its number."""
    return re.compile(r"^(?:\s|[(),:=\-–]|" + alternation(words()["fillers"]) + r")*$", re.I)

"""The text layer's rules, loaded once from kg/data/text.yaml (rules are data)."""

from __future__ import annotations

import re
from functools import cache

from kg.reference import data_text
from kg.yamlfile import loads


@cache
def rules() -> dict:
    return loads(data_text("text.yaml"), "kg/data/text.yaml")


@cache
def item_number_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"[ \t\xa0]*" + p, re.I) for p in rules()["item_numbers"])


@cache
def list_marker_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) in the order they are tried: roman before letter, so "(i)" is roman."""
    markers = rules()["list_markers"]
    order = ("bullet", "roman", "letter", "number")
    return tuple((k, re.compile(r"[ \t\xa0]*(?:" + markers[k] + r")[ \t\xa0]*")) for k in order)


@cache
def furniture_res() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in rules()["furniture"])


@cache
def minor_words() -> frozenset[str]:
    return frozenset(w.lower() for w in rules()["title_minor_words"])


@cache
def clause_break_re() -> re.Pattern[str]:
    words = sorted(rules()["clause_breaks"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    # a break word starts a clause only after a comma, semicolon or at a word boundary mid-sentence
    openers = "".join(f"|{p}" for p in rules().get("clause_break_patterns", ()))
    return re.compile(rf";|(?<=[,\s])(?:{alt})\b{openers}", re.I)


@cache
def valediction_re() -> re.Pattern[str]:
    """A whole line that closes a letter ("Yours faithfully,"), its comma or not."""
    alt = "|".join(rules()["valedictions"])
    return re.compile(rf"\s*(?:{alt})\s*,?\s*", re.I)


@cache
def quote_pairs() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in rules()["quotes"])

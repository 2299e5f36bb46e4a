"""The indicator a figure's phrase names: a concept of the scheme where one matches exactly (label,
alternative label or notation), else a new indicator with the phrase as its label, flagged for review."""

from __future__ import annotations

import re

from kg import indicators

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(phrase: str) -> str:
    return _NOT_SLUG.sub("-", phrase.lower()).strip("-")[:80].strip("-")


def link(phrase: str, notation: str = "", unit: str | None = None) -> tuple[str, str, float]:
    """(concept id or "new:<slug>", label, confidence). A name the scheme gives to a measure in another unit
    goes to the concept it names in the figure's `unit` (`by_unit`): "sickness absence" in days."""
    cid, label, confidence = _link(phrase, notation)
    if other := indicators.in_unit(cid, unit):
        return other, indicators.label(other) or phrase, confidence
    return cid, label, confidence


def _link(phrase: str, notation: str = "") -> tuple[str, str, float]:
    if notation.startswith("concept:"):  # a statement read from the scheme's own mention of the concept
        cid = notation.removeprefix("concept:")
        return cid, indicators.label(cid) or phrase, 0.8
    key = " ".join(phrase.split()).lower()
    exact = indicators._exact()  # noqa: SLF001 - the scheme's own lookup
    for candidate in (notation.lower(), key):
        if candidate and candidate in exact:
            cid = exact[candidate]
            return cid, indicators.label(cid) or phrase, 1.0
    label = phrase[:1].upper() + phrase[1:]
    return f"new:{_slug(phrase)}", label, 0.8

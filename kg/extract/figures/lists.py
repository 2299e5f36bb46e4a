"""A measure broken down in a sentence, its parts listed after a colon: "fly-tipping incidents were analysed
by ward: Abbey 41, Castle Hill 38 and Riverside 52 per 10,000 homes", "the report gave stage 2 complaints
answered on time by service: Housing 71%, Highways 64% and Parking 80%". Each part's figure is the measure's
for that part (a place's figure is that area's); the parts' names are no indicators of their own."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from kg.extract.figures import clauses
from kg.extract.figures.prose import Found
from kg.extract.figures.vocab import alternation, words
from kg.text import TextView


@cache
def _by_re() -> re.Pattern[str]:
    return re.compile(r"\bby\s+(?P<dim>" + alternation(words()["columns"]["dimension"]) + r")\s*:\s+", re.I)


@cache
def _place_re() -> re.Pattern[str]:
    return re.compile(r"^" + alternation(words()["place_dimensions"]) + r"$", re.I)


# One part: its name (capitalised words, "and", "of", "&" between them), then its figure.
_PART = re.compile(r"(?P<name>[A-Z][\w'’\-]*(?:\s+(?:(?:and|of|the|&)\s+)*[A-Z][\w'’\-]*){0,5})\s+"
                   r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>\s?%)?")
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)")
_RATE = re.compile(r"\s*per\s+(100,000|10,000|1,000)\b", re.I)
_DURATION = re.compile(r"\s*(days|weeks|hours|minutes|months)\b", re.I)
# The measure before "by": what a verb of showing puts forward ("officers set out X by ..."), or the subject
# of a passive breakdown ("X were split by ...").
_SHOWN = re.compile(r"^.*?\b(?:set|sets)\s+out\s+|^.*?\b(?:showed|shows|gave|gives|reported|reports|"
                    r"presented|presents|provided|provides|included|includes|listed|lists)\s+", re.I)
_BROKEN = re.compile(r"\s+(?:(?:has|have|had)\s+been|was|were|is|are)\s+"
                     r"(?:broken\s+down|split|analysed|analyzed)\s*$", re.I)
# A sentence after the list that gives the whole: "The overall figure across the council stood at 72%."
_OVERALL = re.compile(r"\s*(?:the|an?)\s+overall\s+(?:rate|figure|level|result|total|average|position)\b",
                      re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|our)\s+", re.I)
# A measure named only by a word that points back: the paragraph's heading says which it is.
_POINTING = {"rate", "figure", "figures", "it", "this", "performance", "result", "results", "data", "measure",
             "indicator", "level", "number", "total"}


def _measure(before: str, topic: str) -> str:
    part = before.rsplit(",", 1)[-1].strip()
    if m := _BROKEN.search(part):
        part = part[: m.start()]
    elif m := _SHOWN.match(part):
        part = part[m.end() :]
    part = _DETERMINER.sub("", part.strip())
    if part.lower() in _POINTING or not part:
        return topic
    if len(part.split()) > 12 or not re.search(r"[A-Za-z]{3}", part) or re.search(r"\b(?:is|are|was|were|has|"
                                                                                     r"have|had)\b", part):
        return ""
    return part


def _parts(text: str, at: int, end: int) -> tuple[list[tuple[str, int, int, Decimal, bool]], int]:
    """The listed parts from `at`: (name, start, end, value, with %), and where the list ends."""
    out: list[tuple[str, int, int, Decimal, bool]] = []
    pos = at
    while pos < end:
        m = _PART.match(text, pos, end)
        if not m:
            break
        value = Decimal(m.group("num").replace(",", ""))
        out.append((m.group("name"), m.start(), m.end(), value, bool(m.group("pct"))))
        pos = m.end()
        sep = _SEPARATOR.match(text, pos, end)
        if not sep:
            break
        pos = sep.end()
    return out, out[-1][2] if out else at


def read_lists(tv: TextView, found: list[Found]) -> tuple[list[Found], list[Found]]:
    """(figures of the parts listed, prose figures they replace: the same values read from the same sentence
    as figures of their own)."""
    text = tv.flat
    out: list[Found] = []
    replaced: list[Found] = []
    topic_item, topic = None, ""
    whole: tuple[str, int] | None = None  # the measure a list broke down, and its sentence's paragraph
    for s in tv.sentences:
        if whole and s.paragraph == whole[1] and _OVERALL.match(text, s.start, s.end):
            for f in found:
                if s.start <= f.start and f.end <= s.end and f.measure == "actual" and f.area == "council":
                    f.phrase = whole[0]  # the whole of what the list broke down
        whole = None
        if s.kind == "heading" or tv.in_table(s.start, s.end):
            continue
        if s.list_item is not None and s.list_item != topic_item:
            topic_item, topic = s.list_item, clauses.run_in_topic(text, s)
        m = _by_re().search(text, s.start, s.end)
        if not m:
            continue
        parts, last = _parts(text, m.end(), s.end)
        named = _measure(text[s.start : m.start()], topic if s.list_item == topic_item else "")
        if len(parts) < 2 or not named:
            continue
        with_pct = [p[4] for p in parts]
        if any(with_pct) and not all(with_pct):
            continue  # some parts in per cent, some not: which figure is in which unit cannot be told
        unit, unit_words, base = "count", "", None
        if all(with_pct):
            unit = "percent"
        elif rate := _RATE.match(text, last, s.end):
            unit, unit_words, base = "rate", rate.group(0).strip(), int(rate.group(1).replace(",", ""))
        elif duration := _DURATION.match(text, last, s.end):
            unit, unit_words = "other", duration.group(1).lower()
        place = bool(_place_re().match(m.group("dim")))
        whole = (named, s.paragraph)
        values = {p[3] for p in parts}
        replaced += [f for f in found if s.start <= f.start and f.end <= s.end and f.value in values]
        for name, _, _, value, _ in parts:
            out.append(Found(phrase=named if place else f"{named} - {name}", start=s.start, end=s.end,
                             value=value, unit=unit, measure="actual", area=name if place else "council",
                             unit_words=unit_words, rate_base=base))
    return out, replaced

"""The area a figure in a sentence is for: an opening "In Wales, ...", "in <Place>" after the figure,
"here" or "locally" for the council's own."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.figures.vocab import alternation, words


@cache
def _opening_area_re() -> re.Pattern[str]:
    """A clause opening on where its figures are for: "Nationally, ...", "Across Wales ...", "In Scotland,
    ..."; a bare comparator must be an adverb or take a comma ("National Non-Domestic Rates" is a name)."""
    from kg.extract.figures.vocab import comparator_re

    comp = comparator_re().pattern
    lead = r"\W*(?:(?:however|but|and|while|whilst|whereas|also)\s*,?\s+)?"
    return re.compile(
        lead + r"(?:(?:" + alternation(words()["area_prepositions"]) + r")\s+(?:the\s+)?(?P<a>" + comp + r")"
        r"|(?P<b>" + comp + r")\s*,|(?P<c>" + alternation(words()["area_adverbs"]) + r"))", re.I)


def opening_area(text: str, lo: int, hi: int) -> str | None:
    """The area code of a clause that opens on its area and speaks of no figure of the council's own."""
    from kg.extract.figures.vocab import comparator_code

    m = _opening_area_re().match(text, lo, hi)
    if not m or _OWN.search(text, lo, hi) or _NAMED_SUBJECT.match(text, m.end(), hi):
        return None
    return comparator_code(m.group("a") or m.group("b") or m.group("c"))


# "our", "we", "the Council": a clause about the council's own figure, whatever area it opens on
_OWN = re.compile(r"\b(?:our|we|(?:the|this)\s+(?:council|authority))\b", re.I)
# "In Wales, Anglesey achieved 95%": a subject named by a proper noun after the area is whose the figure is
_NAMED_SUBJECT = re.compile(r"\W*(?!(?:The|This|These|That|Those|Its|It|There|A|An|At|By|In|On|Of|For|Over|"
                            r"During|Overall|Average|Performance)\b)[A-Z][a-z]")


@cache
def area_lead_re() -> re.Pattern[str]:
    """What opens a clause on its area (figures.yaml: area_prepositions, area_adverbs), left out of the name
    of that area's figure."""
    leads = alternation([*words()["area_prepositions"], *words()["area_adverbs"]])
    return re.compile(r"^(?:" + leads + r")\b[\s,]*", re.I)


# "... in the Vale of Hollin", right after a number: the place the figure is for.
PLACE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?((?-i:[A-Z])[a-z'\-]+"
                          r"(?:\s+(?:of\s+|and\s+|upon\s+)?(?-i:[A-Z])[a-z'\-]+){0,3})")
# "compared with 88% here": this council's level (unless an earlier one: "88% here last year")
HERE_AFTER = re.compile(r"\s+(?:here|locally|(?:in|for|across)\s+(?:the|this)\s+"
                         r"(?:borough|district|county|city|council\s+area|authority\s+area|authority|council))\b"
                         r"(?![^.;,]{0,25}\b(?:last|previous|prior|earlier|ago|before)\b)", re.I)
# "from 3 days in the Northvale area to": the range's earlier end for a place, then its later end
FROM_PLACE_TO = re.compile(r"\bfrom\s+[£]?\d[\d,.]*\s*%?(?:\s+[a-z]+){0,2}\s+in\s+(?:the\s+)?"
                            r"(?-i:[A-Z])[^\d;]{0,40}?"
                            r"\s+to\s+$")
PLACE_TAIL = re.compile(r"\s+in\s+((?:[A-Z][a-z'\-]+)(?:\s+[A-Z][a-z'\-]+){0,2})$"
                         # "take-up on the Eastfield round", "(on the) Westgate round": a part of the area
                         # named with the kind of part it is
                         r"|(?:^|\s+(?:in|on|for|across|within)\s+)(?:the\s+)?((?:[A-Z][a-z'\-]+)(?:\s+[A-Z][a-z'\-]+)"
                         r"{0,2})\s+(?:" + alternation(words()["part_kinds"]) + r")$")


def is_place(name: str) -> bool:
    """A capitalised name after "in" that is not a month, a period or a comparator the frames read."""
    from kg.periods import MONTH_NAMES

    if re.fullmatch(MONTH_NAMES + r"(?:\s+\w+)*", name) or re.match(r"(?:Q|Quarter|Qtr)\b", name):
        return False
    low = name.lower()
    if low in {w.lower() for w in words()["languages"]}:
        return False  # "forms available in Welsh": a language, not a place
    return not any(low == p.lower() or low.startswith(p.lower() + " ")
                   for ps in words()["comparators"].values() for p in ps)

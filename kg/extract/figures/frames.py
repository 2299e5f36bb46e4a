"""What a number is, from the words around it in its clause: a target, a benchmark for an area, an
earlier value, a change (never a level), or the actual value; and the period it is for.

The nearest cue wins, and a cue only reaches its number across filler words ("against a target of 90%",
"the Wales average of 61.2%", "England average (76%)", "down from 33.5 days last quarter"). A comparator
may also follow the number ("82% statistical neighbours", "79% for statistical neighbours").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import periods
from kg.extract.figures.numbers import Number
from kg.extract.figures.vocab import alternation, comparator_code, comparator_re, fillers_re, starting, words
from kg.text import back

# "the 64% statutory composting target": words naming the target between the number and "target"
_NAMED_TARGET = re.compile(
    r"\s+((?:(?!(?:the|a|an|which|that|than|of|and|or|to|is|was|its|our|their|exceeds|exceeded|meeting|met|"
    r"above|below|against|missed|were|are|be|been|being|behind|ahead|on|off|under|over|within|towards|"
    r"reached|achieved|hit|beat)\b)[a-z][\w\-]*\s+){1,3})targets?\b",
    re.I,
)


@dataclass(frozen=True)
class Role:
    measure: str  # actual | target | benchmark | previous | change | forecast
    area: str = "council"
    cue_start: int | None = None  # where the cue that decided it begins (the indicator phrase stops there)
    named: str = ""  # the indicator as the frame itself names it ("the 64% statutory composting target")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _cue_kinds() -> dict[str, tuple[str, str]]:
    """Every cue phrase -> (measure, area): change, forecast, target, previous, or a benchmark."""
    out: dict[str, tuple[str, str]] = {}
    for kind in ("change", "forecast", "target", "previous"):
        for p in words()[kind]:
            out.setdefault(_key(p), (kind, "council"))
    for p in words()["change_straight"]:
        out.setdefault(_key(p), ("change", "council"))
    for code, phrases in words()["comparators"].items():
        for p in phrases:
            out.setdefault(_key(p), ("benchmark", code))
    return out


@cache
def _straight() -> frozenset[str]:
    """Cues that reach only a number right after them (figures.yaml: change_straight)."""
    return frozenset(_key(p) for p in words()["change_straight"]) - {_key(p) for p in words()["change"]}


@cache
def _all_cues_re() -> re.Pattern[str]:
    """All cues in one pattern, longest first: one scan before each number finds the nearest of any kind."""
    return re.compile(alternation(_cue_kinds()), re.I)


# compiled once: these run for every number of a document
_PERIODS_NAMED = re.compile(r"\b(?:q|qtr|quarter)\s*[1-4]\b|\b(?:19|20)\d\d\s*[/\-–]\s*\d{2,4}\b", re.I)
# "38% among the borough's nearest neighbours", "61% for its CIPFA group": whose comparators
# "82% for the Council's statistical neighbours": whose comparators, written with a capital or not
_AFTER_NUMBER = re.compile(r"[\s)]*(?:for|in|across|among|amongst)?\s*(?:the\s+)?"
                           r"(?:(?:council|county|borough|district|city|authority)['’]s\s+|(?:its|our|their)\s+)?",
                           re.I)
_FIGURE_BEFORE = re.compile(r"\d(?:\s*%|\s*per\s+cent)?\s*"
                            r"(?:(?:in|for|across|among|amongst)\s+(?:the\s+)?)?$",
                            re.I)
_COUNCIL = re.compile(r"\s*(?:council|county|borough|authority)")
_COMPARED = re.compile(r"\b(?:compared|compares|against)\b", re.I)
# a period labelling the number after it ("(Q2: 21.3%)", "(target 95%, last year 89%)"): not the one before's
_LABELS = re.compile(r"\s*[:=\-–]?\s*[£\d]")
_DIGIT = re.compile(r"\d")
# a bracket opening on a period that labels the number closing it: "(Q2 2021/22: 73.5%)", "(2020/21 - 44)"
_PERIOD_LABEL = re.compile(r"\(\s*(?:(?:q|qtr|quarter)\s*[1-4](?:\s+(?:19|20)\d\d\s*[/\-–]\s*\d{2,4})?"
                           r"|(?:19|20)\d\d\s*[/\-–]\s*\d{2,4})\s*[:=\-–]\s*$", re.I)
_SPACES = re.compile(r"\s+")


def _reaches(text: str, cue_end: int, number_start: int) -> bool:
    """Only fillers, brackets and periods' names lie between a cue and the number."""
    between = text[cue_end:number_start]
    if len(between) > 60 and len(_SPACES.sub(" ", between)) > 60:  # blanked page furniture is no distance
        return False
    if _PERIOD_LABEL.search(between):
        return False  # "98% target (Q3 2021/22: 96.1%)": the bracket's period labels the number, no cue
    between = _PERIODS_NAMED.sub(" ", between)
    return bool(fillers_re().match(between))


def _last_cue(text: str, lo: int, n: Number) -> tuple[int, int, str] | None:
    """The last cue in the 80 characters before the number that reaches it: (start, end, words)."""
    a = max(lo, back(text, n.start, 80))
    found = _last_cue_in(text[a - 1 : a] if a > 0 else "", text[a : n.start])
    return None if found is None else (a + found[0], a + found[1], found[2])


# pure on the words before the number (and the character before them, which `\b` at their start reads):
# a report's figures follow the same words document after document. Small, as phrases._left_words'.
@lru_cache(maxsize=1024)
def _last_cue_in(before: str, words_: str) -> tuple[int, int, str] | None:
    """`_last_cue` on `words_` (offsets into it), `before` the character preceding them ("" at the text's
    start): searched as in the text, from `len(before)` to the end."""
    s, skip = before + words_, len(before)
    found = None
    for m in _all_cues_re().finditer(s, skip, len(s)):
        if _key(m.group()) in _straight() and s[m.end() :].strip():
            continue  # "had improved, at a rate of 96%": such a verb reaches only the number right after it
        if _TIME_LIMIT.search(s, 0, m.start()):
            continue  # "decided within the 8-week target was 79%": a limit naming the measure, no target
        if _reaches(s, m.end(), len(s)):
            found = m
    return None if found is None else (found.start() - skip, found.end() - skip, found.group())


def role(text: str, n: Number, lo: int, hi: int) -> Role:
    """The role of number `n` in the clause text[lo:hi]."""
    right = text[n.end : min(hi, n.end + 60)]
    cues: list[tuple[int, Role]] = []  # (cue end, role): the cue ending nearest the number wins
    if cue := _last_cue(text, lo, n):
        kind, code = _cue_kinds()[_key(cue[2])]
        # "71% nationally, with 64% for similar councils": a comparator right after another figure is
        # that figure's, not a cue for the next
        trailing = kind == "benchmark" and _FIGURE_BEFORE.search(text, max(lo, cue[0] - 12), cue[0])
        if not trailing:
            cues.append((cue[1], Role(kind, code, cue[0])))
    decided, area, previous = _after(right)
    if decided is not None:
        return decided
    if area is not None:
        # "82% statistical neighbour, 80% England": a comparator right after the number is its own,
        # unless a cue right before it reaches it without a comma
        best = max(cues, key=lambda c: c[0]) if cues else None
        weak = best is not None and best[1].measure == "previous" and _COMPARED.search(
            text[best[1].cue_start or 0 : best[0]])
        if weak:
            return Role("benchmark", area, None)  # "48% compared to 50% national": the area decides
        if best is None or "," in text[best[0] : n.start] or best[1].measure != "benchmark":
            if best is None or best[0] < n.start - 3 or "," in text[best[0] : n.start]:
                return Role("benchmark", area, None)
    if cues:
        return max(cues, key=lambda c: c[0])[1]
    if previous:
        return Role("previous")
    return Role("actual")


# pure on the words after the number: a report's figures are followed by the same words document after
# document. Small, as phrases._left_words'.
@lru_cache(maxsize=1024)
def _after(right: str) -> tuple[Role | None, str | None, bool]:
    """What the words right after a number say of it: a role they decide alone ("... change", "... target",
    "the 64% statutory composting target"), else the area code of a comparator right after it that is not
    the council's own ("... council"), and whether they call it an earlier value."""
    if starting("change_after").match(right):
        return Role("change"), None, False
    if starting("target_after").match(right):
        return Role("target"), None, False
    if m := _NAMED_TARGET.match(right):
        return Role("target", named=m.group(1).strip()), None, False
    after = _AFTER_NUMBER.match(right)
    rest = right[after.end() if after else 0 :]
    code = None
    own = right[len(right) - len(right.lstrip(" )")) :]  # a comparator that holds its own "in" ("in NI")
    if (m := comparator_re().match(own)) is not None or (m := comparator_re().match(rest)) is not None:
        if not _COUNCIL.match(m.string[m.end() :]):
            code = comparator_code(m.group())
    return None, code, starting("previous_after").match(right) is not None


_TIME_LIMIT = re.compile(r"\b(?:within|inside|in)\s+(?:the\s+|a\s+)?\d{1,3}[-\s](?:working[-\s])?"
                         r"(?:day|week|month|hour|minute)s?\s+$", re.I)
_SPAN_UP_TO_NOW = re.compile(r"\b(?:in|over|during|across|throughout)\s+the\s+(?:last|past)\s+"
                             r"(?:twelve\s+months|12\s+months|year)$", re.I)
_RUNNING = re.compile(r"\s+(?:running|in\s+a\s+row|in\s+succession)\b", re.I)
_IN = re.compile(
    # "the 19 days logged last spring", "61 weeks reported in Q3": the unit and a verb of recording between
    r"(?:\s*(?:working\s+days|days?|weeks?|months?|hours?|tonnes))?"
    r"(?:\s+(?:recorded|reported|achieved|seen|posted|delivered))?"
    r"[\s,(]*(?:in|for|at|during|as\s+at|at\s+the\s+end\s+of|by\s+the\s+end\s+of|of|over)?"
    r"\s*(?:the\s+)?$",
    re.I,
)

_FIGURE_THEN = re.compile(r"\d\s*(?:%|per\s+cent)?"
                          r"(?:\s*(?:working\s+days|days?|weeks?|months?|hours?|tonnes))?"
                          r"\s+(?:in|for|at|during|as\s+at|at\s+the\s+end\s+of|by\s+the\s+end\s+of|over)"
                          r"\s+(?:the\s+)?$", re.I)


def period_of(text: str, n: Number, lo: int, hi: int, ref: str | None,
              named: list[tuple[str | None, int, int]] | None = None) -> tuple[str | None, bool]:
    """The period a number is for: the period named right after it ("52.4% in Quarter 2", "19 in Quarter
    4", "33.5 days last quarter"), else right before it ("In Quarter 3, 71.0%", "for 2022/23 was 48.5%"),
    else the reference. Returns (label, named)."""
    # `named`: the periods of a larger stretch, found once by the caller
    if named is not None:
        found = [p for p in named if p[1] >= lo and p[2] <= hi]
    else:
        found = periods.mentions(text, lo, hi, ref)
    # "from 900 to 765 in the last year": the twelve months up to now, not the year before
    found = [p for p in found if not _SPAN_UP_TO_NOW.search(text, max(0, p[1] - 12), p[2])]
    # "for a fourth month in a row", "(second quarter running)": how long a trend lasted, not the period
    found = [p for p in found if not _RUNNING.match(text, p[2])]
    after = [p for p in found if p[1] >= n.end and _IN.match(text[n.end : p[1]]) is not None
             and len(text[n.end : p[1]]) <= 25
             and not _LABELS.match(text[p[2] : p[2] + 12])]  # "(Q2: 21.3%)" labels 21.3
    if after:
        return after[0][0], True
    # "from 61% in Quarter 1 to 64%": a period right after another figure is that figure's
    before = [p for p in found if p[2] <= n.start and len(text[p[2] : n.start]) <= 45
              and not _DIGIT.search(text[p[2] : n.start])
              and not _FIGURE_THEN.search(text, max(lo, p[1] - 40), p[1])]
    if before:
        return before[-1][0], True
    return ref, False

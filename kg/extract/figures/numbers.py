"""Numbers as written, with their unit, and the numbers that are never figures.

A number is found with what is written around it: "£7,250", "88.1%", "17 per 100,000", "196 days",
"91.3p" (provisional), "15.8*" (footnoted). Numbers inside a date, a time, a financial year, a reference
("KPI/017", "EXE/2023/112"), a phone number or a postcode, and numbers that a word before or after makes an
age, a threshold, a page or an item ("aged 75+", "within 10 working days", "page 8", "section 17", "19
wards") are not figures at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from kg.extract.figures.vocab import ending, starting, words
from kg.periods import MONTH_NAMES

Unit = str  # percent | count | rate | currency | other


@dataclass(frozen=True)
class Number:
    start: int  # the number and its unit as written
    end: int
    value: Decimal
    unit: Unit
    unit_words: str = ""  # "days", "days per FTE", "per 1,000 households"
    rate_base: int | None = None
    provisional: bool = False

    @property
    def num_end(self) -> int:
        return self.start + len(str(self.value))


_NUM = re.compile(
    r"(?<![\w/.£$€\-–])(?P<neg>[-−])?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    # "5-day response rate", "24-hour": a number joined to a word by a hyphen is part of a name
    r"(?P<suffix>p\b|\*+)?(?![\d/]|\.\d|,\d{3}|[A-Za-z]|-[A-Za-z])"
)
_MONEY = re.compile(
    r"£\s?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?:\s*(?P<mult>m\b|k\b|bn\b|million|billion|thousand))?",
    re.I,
)
_MULT = {"m": 10**6, "million": 10**6, "k": 10**3, "thousand": 10**3, "bn": 10**9, "billion": 10**9}

# A duration hyphened to its unit before a target's word: "the 12-week target", "a 28-day standard".
_HYPHENED_TARGET = re.compile(r"(?<![\w/.£\-])(?P<n>\d{1,3})-(?P<unit>week|day|month|hour|minute)"
                              r"(?=\s+(?:[a-z\-]+\s+){0,2}?(?:target|standard|timescale|deadline)s?\b)", re.I)
_LIMIT_LEAD = re.compile(r"\b(?:within|inside|in)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# a count's multiplier written out ("1.3 million visitors"); "m" and "k" stay money's ("£1.2m")
_COUNT_MULT = re.compile(r"\s+(million|billion|thousand)\b", re.I)

_MONTH = MONTH_NAMES  # dates are read in kg.periods; here only recognised, to be left out
# Shapes that hold digits but are not quantities: dates, times, years and year ranges, references, phones.
SHAPE_ALTERNATIVES = "|".join(
    [
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"\b(?:,?\s+(?:19|20)\d\d)?",  # 3 December 2024
        _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b,?(?:\s+(?:19|20)\d\d)?",  # December 3, 2024
        _MONTH + r"\s+(?:19|20)\d\d\b",  # March 2025
        r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d\d\b",  # 31/07/2024
        r"\b(?:19|20)\d\d\s*[/\-–]\s*(?:19|20)?\d\d\b",  # 2023/24, 2024-2028
        r"\b\d{2}/\d{2}\b",  # 24/25
        r"\b\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)",  # 6.30 pm
        r"\b\d{1,2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))\b",  # 5 pm
        r"\b\d{1,2}:\d{2}\b",  # 18:30
        r"\b(?:19|20)\d\d\b",  # a year
        r"\b[A-Z]{1,6}(?:/[A-Z0-9]{1,6})*/\d{1,5}[A-Za-z]?\b(?:/\d{1,5})*",  # PAM/030, CAB/2024/041
        r"\b[A-Z]{1,5}\d{1,4}[A-Z]?\b",  # ASC01, S4, NI 117 stays as code+number below
        r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b",  # 01632 478213
        r"\b0\d{9,10}\b",
        r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b",  # postcode
        # a house number before its street, the street's name capitalised: "14 Mill Lane", "3a Hope Street"
        r"(?-i:\b\d{1,4}[a-z]?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:Street|Road|Lane|Avenue|Drive|Close|Crescent|"
        r"Terrace|Gardens|Square|Place|Grove|Walk|Row|Way)\b)",
        r"\b(?:19|20)?\d\d[-–]\d\d\b",  # 18-64, 2024-25 (an age band or a year range)
        r"\b\d+\s*[-–]\s*\d+\s*(?:years|yrs)\b",
        r"(?<![\d.,])\d{1,4}\s*[-–]\s*\d{1,4}(?![\d.,%])",  # a range: pages 3 - 10, ages 5-15
        # "Year 9", "Quarter 2", "Level 5" name a year group, a quarter, a level; "last year 89%" labels the
        # number after it with the period before it, which is an earlier value (frames.py: previous)
        # ("last quarter's 69%": a possessive's "s" is no S-number)
        r"(?<!last\s)(?<!prior\s)(?<!previous\s)(?<!['’])"
        r"\b(?:q|qtr|quarter|p|period|month|week|year|years|level|stage|key stage|ks|s|nvq|scqf)"
        r"\s*\d{1,2}\b",
    ]
)
# What every shape above starts with: a digit, a word whose letters run into a digit or a slash ("ASC01",
# "PAM/030", "Q2", "March 2025"), a capitalised month name (no word boundary needed) or "key stage".
# Searched first at each position, it lets the engine skip the other positions without trying every shape
# (4x faster; the same matches, since no shape can start where it fails: tests/test_extract_figures.py).
SHAPES_LEAD = r"(?=\d|\b[A-Z]+\.?\s*[\d/]|(?-i:[JFMASOND])[a-z]+\.?\s+\d|key )"
_SHAPES = re.compile(SHAPES_LEAD + "(?:" + SHAPE_ALTERNATIVES + ")", re.I)


def _decimal(whole: str, frac: str | None) -> Decimal | None:
    try:
        return Decimal(whole.replace(",", "") + (frac or ""))
    except InvalidOperation:
        return None


@cache
def _rate_re() -> re.Pattern[str]:
    bases = sorted(words()["rate_bases"], key=len, reverse=True)
    alt = "|".join(re.escape(b) for b in bases)
    # the base's noun ("per 1,000 pupils aged 5-16"), not the words after it ("... against a target")
    noun = (r"(?:\s+(?!(?:against|compared|and|but|in|for|the|a|an|at|of|to|with|from|which|while|whilst|"
            r"above|below|than|is|was|were|are|up|down|on|by|as|nationally|national|regionally|regional|"
            r"england|wales|scotland|average)\b)[a-z][\w\-]*)")
    return re.compile(r"\s*per\s+(" + alt + r")\b(" + noun + r"{0,3})?", re.I)


@cache
def _percent_re() -> re.Pattern[str]:
    return re.compile(r"\s*(?:%|per\s?cent\b|pc\b)", re.I)


@cache
def _other_unit_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(u) for u in sorted(words()["other_units"], key=len, reverse=True))
    return re.compile(r"\s*(" + alt + r")\b", re.I)


_DIGITS = re.compile(r"\d+")
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.I)


def shapes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where dates, times, years, references, phone numbers and postcodes lie in text[start:end]. Every such
    shape holds a digit within a few words, so only the stretches around digits are searched."""
    windows: list[list[int]] = []
    for m in _DIGITS.finditer(text, start, end):
        # the longest shapes reach about twenty characters from their digits ("September 2025", "key stage 2")
        a, b = max(start, m.start() - 24), min(end, m.end() + 24)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    found: list[tuple[int, int]] = []
    for a, b in windows:
        found.extend((m.start(), m.end()) for m in _SHAPES.finditer(text, a, b))
    # a web or mail address holds page ids and query values, never a figure. Each holds "://", "www." (in
    # any case: no other character folds onto "w") or "@": without one the scan, which retries every word
    # at each of its boundaries, is skipped
    seg = text[start:end]
    if "@" in seg or "://" in seg or "www." in seg.lower():
        found.extend((m.start(), m.end()) for m in _ADDRESS.finditer(text, start, end))
    return found


def numbers(text: str, start: int, end: int, blocked: list[tuple[int, int]] | None = None) -> list[Number]:
    """Every quantity in text[start:end] with its unit; shapes that are not quantities (found here, or
    given in `blocked` when the caller found them for a larger stretch) are skipped."""
    if blocked is None:
        blocked = shapes(text, start, end)
    out: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(text, start, end):
        value = _decimal(m.group("whole"), m.group("frac"))
        if value is None:
            continue
        if m.group("mult"):
            value = (value * _MULT[m.group("mult").lower()]).normalize()
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
        out.append(Number(m.start(), m.end(), value, "currency"))
        taken.append((m.start(), m.end()))
    for m in spelled_re().finditer(text, start, end):
        # "against a target of three minutes", "stood at twelve days": a spelled-out duration or share, read
        # only where a verb of level or a target's cue states it
        if any(a < m.end() and m.start() < b for a, b in taken + blocked):
            continue
        if not _STATED_BEFORE.search(text[max(start, m.start() - 30) : m.start()]):
            continue
        value = Decimal(words()["number_words"][m.group("word").lower()])
        if u := _percent_re().match(text, m.end(), end):
            out.append(Number(m.start(), u.end(), value, "percent"))
        elif (o := _other_unit_re().match(text, m.end(), end)) and o.group(1).lower() in _DURATIONS \
                and not _PER_PERIOD.match(text, o.end(), end):
            unit_words, stop = o.group(1).lower(), o.end()
            if (big := _BIGGER_UNIT.get(unit_words)) and (rest := _SMALLER_PART.match(text, stop, end)) \
                    and rest.group(2).lower() == big[0]:
                # "two minutes and 42 seconds": one duration, as for digits
                value = (value + (Decimal(rest.group(1)) / big[1]).quantize(Decimal("0.01"))).normalize()
                stop = rest.end()
            out.append(Number(m.start(), stop, value, "other", unit_words))
        else:
            continue
        taken.append((out[-1].start, out[-1].end))
    for m in _HYPHENED_TARGET.finditer(text, start, end):
        # "under the 12-week target", "the 30-day standard": the target's own figure, in its unit
        if any(a <= m.start() < b for a, b in blocked) or _LIMIT_LEAD.search(text, max(start, m.start() - 12),
                                                                               m.start()):
            continue  # "decided within the 8-week target": the time limit names the measure
        value = _decimal(m.group("n"), None)
        if value is not None:
            out.append(Number(m.start(), m.end(), value, "other", m.group("unit").lower() + "s"))
            taken.append((m.start(), m.end()))
    for m in _NUM.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken) or any(a <= m.start() < b for a, b in blocked):
            continue
        if _PER_BEFORE.search(text[max(start, m.start() - 5) : m.start()]):
            continue  # "per 10,000" names a rate's base
        value = _decimal(m.group("whole"), m.group("frac"))
        if value is None:
            continue
        if m.group("neg"):
            value = -value
        provisional = (m.group("suffix") or "").lower() == "p"
        after_at = m.end()
        if u := _percent_re().match(text, after_at, end):
            out.append(Number(m.start(), u.end(), value, "percent", provisional=provisional))
        elif r := _rate_re().match(text, after_at, end):
            base = int(words()["rate_bases"][r.group(1).lower()])
            out.append(Number(m.start(), r.end(), value, "rate", r.group(0).strip(), base, provisional))
        elif o := _other_unit_re().match(text, after_at, end):
            words_ = o.group(1).lower()
            if (big := _BIGGER_UNIT.get(words_)) and (rest := _SMALLER_PART.match(text, o.end(), end)) \
                    and rest.group(2).lower() == big[0]:
                # "2 minutes and 42 seconds" is one duration, 2.7 minutes (to 0.01), not two figures: in the
                # larger unit, as a target for it is usually written ("against a target of 3 minutes")
                part = (Decimal(rest.group(1)) / big[1]).quantize(Decimal("0.01"))
                value = (value + part).normalize()
                out.append(Number(m.start(), rest.end(), value, "other", words_, provisional=provisional))
            else:
                out.append(Number(m.start(), o.end(), value, "other", words_, provisional=provisional))
        elif big := _COUNT_MULT.match(text, after_at, end):
            # "1.3 million visitors": one count, in units
            value = (value * _MULT[big.group(1).lower()]).normalize()
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            out.append(Number(m.start(), big.end(), value, "count", provisional=provisional))
        else:
            out.append(Number(m.start(), m.end(), value, "count", provisional=provisional))
        taken.append((out[-1].start, out[-1].end))
    return sorted(out, key=lambda n: n.start)


@cache
def spelled_re() -> re.Pattern[str]:
    """A number written in words ("twelve"), as the figures' vocabulary lists them."""
    spelled = "|".join(sorted(words()["number_words"], key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?P<word>" + spelled + r")(?![\w-])", re.I)


# Before a spelled-out number: what states it as a level or a target ("was", "stood at", "target of").
# ("sustained at twelve months" names a time point, not a level: "at" only after a verb of being)
_STATED_BEFORE = re.compile(r"\b(?:(?:was|were|is|are|now)(?:\s+now)?(?:\s+at)?|stood\s+at|stands\s+at|"
                            r"averaged|averaging|took|takes|"
                            r"reduced\s+to|increased\s+to|fell\s+to|rose\s+to|target\s+of|target\s+is|"
                            r"target\s+was|standard\s+of)\s*$", re.I)
_DURATIONS = {"days", "day", "working days", "working day", "calendar days", "weeks", "week", "months",
              "month", "hours", "hour", "minutes", "seconds"}
# "seven days a week", "two hours per day": how often, not how long
_PER_PERIOD = re.compile(r"\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)


# A duration written in two units: the larger unit -> (the smaller, how many of it make one larger).
_BIGGER_UNIT = {"minutes": ("seconds", 60), "minute": ("seconds", 60), "hours": ("minutes", 60),
                "hour": ("minutes", 60)}
_SMALLER_PART = re.compile(r",?\s*(?:and\s+)?(\d{1,2})\s+(seconds|minutes)\b", re.I)

# compiled once: not_a_figure runs for every number of a document
_PER_BEFORE = re.compile(r"\bper\s*$", re.I)
_STANDARD = re.compile(r"\s*(?:[a-z]+\s+)?(?:target|standard|timescale|time\s+limit|limit|deadline)\b", re.I)
_THRESHOLD = re.compile(r"\b(?:within|in|over|under|after|than|least)(?:\s+the)?\s*$", re.I)
# ("31 working days until the deadline", "10 days left": a countdown, no level either)
_DEFINITION = re.compile(r"\s*(?:after|later|afterwards|before|from|since|following|until|till|to\s+go|left|"
                         r"of\s+(?:a|the|being|their))\b", re.I)
_AND_OVER = re.compile(r"\s*(?:and|or|to|-|–)\s*(?:over|above|under|older|younger)\b", re.I)
# "against the 15 week target", "short of the 30 day standard": the target's figure, no standard's name
# ("inside/outside the 15 week target": a level in weeks set against a target in weeks; "within the 26 week
# standard" still names what is counted)
_SET_AGAINST = re.compile(r"\b(?:against|below|above|under|over|inside|outside|short\s+of|than|meet|"
                          r"meeting|met|"
                          r"missed|missing|exceeded|exceeding|beat|beating)\s+"
                          # "over both the 28 day target and the family group median": set against two at once
                          r"(?:(?:both|either)\s+)?(?:the\s+|a\s+|an\s+|its\s+|our\s+)?$",
                          re.I)
_PERIOD_LABEL = re.compile(r"\b(?:last|previous|prior|the\s+same)\s+(?:quarter|year|month|week|period)"
                           r"\s*:?\s*$", re.I)
_TIMED_IN_TARGET = re.compile(r"\b[a-z]+(?:ed|en)\s+(?:with)?in\s+(?:the\s+)?target(?:\s+time)?\s+of\s*$",
                              re.I)
_WITHIN = re.compile(r"\b(?:within|top|bottom|tolerance of)\s*$", re.I)


_POSSESSIVE = re.compile(r"\w['’]s\s*$")


def not_a_figure(text: str, n: Number, lo: int, hi: int) -> bool:
    """A number that a word before or after makes a reference, an age, a threshold or a thing counted that
    is not a measure ("page 8", "aged 75", "within 10 working days", "19 wards", "£75 fine")."""
    hyphened = "-" in text[n.start : n.end]  # "the 12-week target": the target's figure, no standard's name
    return _not_a_figure(text[max(lo, n.start - 40) : n.start], text[n.end : min(hi, n.end + 40)], n.unit,
                         hyphened)


# pure on the words around the number and its unit: the same words surround a report's figures document
# after document. Small, as phrases._left_words'.
@lru_cache(maxsize=1024)
def _not_a_figure(before: str, after: str, unit: str, hyphened: bool = False) -> bool:
    if (unit in ("count", "other", "currency") and ending("not_figure_before").search(before.rstrip(" .:"))
            and not before.rstrip().endswith("(")
            and not _POSSESSIVE.search(before)  # "last year's 2.6 days": whose figure, no "S 2" reference
            # "(target 8.5, last quarter 10.2)": the period labels an earlier value, it is no "quarter 10"
            and not _PERIOD_LABEL.search(before)
            # "a target of no more than 3.5 days": the bound a target sets is the target
            and not (ending("threshold_before").search(before.rstrip()) and _TARGET_CUE.search(before))):
        return True
    if unit in ("count", "currency", "other") and starting("not_figure_after").match(after):
        return True
    if unit == "other" and _STANDARD.match(after) and not hyphened and not _SET_AGAINST.search(before):
        return True  # "inside the 26 week statutory standard": the standard's name
    if unit == "other" and not hyphened and (m := _THRESHOLD.search(before)) and not (
            m.group().lower().startswith(("than", "least")) and _TARGET_CUE.search(before)):
        return True  # "within 10 working days": part of the indicator's name
    if unit == "other" and _TIMED_IN_TARGET.search(before):
        return True  # "claims decided in target of 10 days": the time limit names the measure
    if unit == "other" and _DEFINITION.match(after):
        return True  # "returned 28 days after leaving hospital": a definition, not a level
    if _AND_OVER.match(after):
        return True  # "65 and over"
    if _RANK_OF.search(before):
        return True  # "ranks 7th of 8": how many were ranked, no level
    if ending("threshold_before").search(before.rstrip()) and not _TARGET_CUE.search(before):
        return True  # "absence exceeded 11 days", "more than 5%": a threshold passed, not a level stated
    return bool(unit == "percent" and _WITHIN.search(before))


_RANK_OF = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:out\s+)?of\s*(?:the\s+)?$", re.I)
_TARGET_CUE = re.compile(r"\btargets?\b[^.;]{0,25}$", re.I)

"""Reporting periods: UK local-government financial years (April to March) and their quarters.

Labels are normalised to "2017/18 Q2", "2017/18" (a year) or "Q1" (a quarter whose year is unknown).
`period_iri` maps a label to the reference.data.gov.uk interval IRI where one applies.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
          "1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_Q = r"(?:q|qtr\.?|quarter)\s*(?P<q>[1-4]|one|two|three|four)\b"
_QWORD = r"(?P<qw>first|second|third|fourth)\s+quarter"
_FY = r"(?P<y1>(?:19|20)\d\d)\s*[/\-–]\s*(?P<y2>(?:19|20)?\d\d)"
_MONTH = (r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

_PATTERNS = [
    # "Q2 2017/18", "Quarter 2: 2017/18", "Quarter One 2023/24", "quarter 3 (October – December) 2019/20"
    re.compile(_Q + r"\s*(?:\([^)]{0,40}\)\s*)?[:,]?\s*(?:and\s+(?:the\s+)?year[\s-]end\s+)?"
               r"(?:of\s+)?(?:the\s+)?" + _FY, re.I),
    # "2017/18 Q2", "2017/18 Quarter 2"
    re.compile(_FY + r"\s*[:,]?\s*" + _Q, re.I),
    # "first quarter of 2023-24", "third quarter of the 2021/22 financial year"
    re.compile(_QWORD + r"\s+(?:of\s+)?(?:the\s+)?" + _FY, re.I),
]
_MONTH_RANGE = re.compile(_MONTH + r"\s*(?:to|-|–)\s*(?P<m2>[a-z]+)\s+(?P<y>(?:19|20)\d\d)", re.I)
_AS_AT = re.compile(r"\bas\s+at\s+(?:the\s+end\s+of\s+)?" + _MONTH + r"\s+(?P<y>(?:19|20)\d\d)", re.I)
# a document's title only: "Quarter 2 Performance Report 2024/25" (a few capitalised title words between),
# "Half Year Performance 2024/25" (the half year ends with Q2), "quarter ending 30 September 2024"
_TITLE_Q = re.compile(r"(?i:" + _Q + r")(?:[ \t]+[A-Z][A-Za-z]+){1,4}[ \t]+" + _FY)
_HALF_YEAR = re.compile(r"(?i:\b(?:half|mid)[\s-]+year\b)(?:[ \t]+[A-Za-z]+){0,4}?[ \t]+(?:of[ \t]+)?" + _FY)
_QUARTER_ENDING = re.compile(r"(?i:\b(?:quarter|period|half[\s-]+year)\s+end(?:ing|ed)\s+)(?P<d>\d{1,2})"
                             r"(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)", re.I)
_ROLLING = re.compile(r"(?i)(?:\b(?:12|twelve)[\s-]+months?|\brolling|\byear)[\s-]*$")
_BARE_FY = re.compile(r"\b" + _FY + r"\b")
_BARE_Q = re.compile(r"^\s*" + _Q + r"\s*$", re.I)
_QUARTER_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.I)  # "Q4 of 24/25": the quarter's year after it


def fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def _fy_start(y1: str, y2: str) -> int | None:
    start = int(y1)
    end = int(y2) if len(y2) == 4 else (start // 100) * 100 + int(y2)
    return start if end == start + 1 else None


def quarter_of(date: dt.date) -> str:
    """The financial-year quarter containing `date` (April-June is Q1)."""
    start = date.year if date.month >= 4 else date.year - 1
    q = (date.month - 4) % 12 // 3 + 1
    return f"{fy_label(start)} Q{q}"


def normalise_period(text: str) -> str | None:
    """Normalise a period as written ("Quarter One 2023/24", "2017/18 Q2", "Q1") to a label, or None."""
    span = find_period(text)
    if span:
        return span[0]
    if m := _BARE_Q.match(text):
        return f"Q{_WORDS[m.group('q').lower()]}"
    if m := _BARE_FY.search(text):
        start = _fy_start(m.group("y1"), m.group("y2"))
        return fy_label(start) if start else None
    return None


def find_period(text: str) -> tuple[str, int, int] | None:
    """The first reporting period named in `text`: (label, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start = _fy_start(m.group("y1"), m.group("y2"))
            if start is None:
                continue
            q = m.groupdict().get("q") or m.groupdict().get("qw")
            label = f"{fy_label(start)} Q{_WORDS[q.lower()]}"
            if best is None or m.start() < best[1]:
                best = (label, m.start(), m.end())
            break
    for pattern in (_TITLE_Q, _HALF_YEAR):
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1]) and (start := _fy_start(m.group("y1"), m.group("y2"))):
            q = _WORDS[m.group("q").lower()] if pattern is _TITLE_Q else 2
            best = (f"{fy_label(start)} Q{q}", m.start(), m.end())
    for pattern in (_MONTH_RANGE, _AS_AT, _QUARTER_ENDING):
        m = pattern.search(text)
        if m and pattern is _QUARTER_ENDING and _ROLLING.search(text, max(0, m.start() - 20), m.start()):
            m = None  # "the 12-month period ending 31 May": a rolling year, no quarter
        if m and (best is None or m.start() < best[1]):
            # a range is labelled by the quarter it reaches: "April to December" is the year to Q3
            month = month_number(m.groupdict().get("m2") or "") or month_number(m.group("m"))
            if month:
                best = (quarter_of(dt.date(int(m.group("y")), month, 1)), m.start(), m.end())
    return best


def find_year(text: str) -> tuple[str, int, int] | None:
    """The first financial year written in `text` ("2023/24", "2023-2024"): (label, start, end), or None."""
    for m in _BARE_FY.finditer(text):
        if (start := _fy_start(m.group("y1"), m.group("y2"))) is not None:
            return fy_label(start), m.start(), m.end()
    return None


@lru_cache(maxsize=1024)  # pure; a few hundred labels, asked for every figure and fact
def period_iri(label: str | None) -> str | None:
    """reference.data.gov.uk interval IRI for a normalised label; None where the year is unknown."""
    if not label:
        return None
    if m := re.fullmatch(r"(\d{4})/(\d\d) Q([1-4])", label):
        start = int(m.group(1))
        return f"http://reference.data.gov.uk/id/government-quarter/{start}-{start + 1}/Q{m.group(3)}"
    if m := re.fullmatch(r"(\d{4})/(\d\d)", label):
        start = int(m.group(1))
        return f"http://reference.data.gov.uk/id/government-year/{start}-{start + 1}"
    return None


def sort_key(label: str | None) -> tuple[int, int]:
    """Order periods: (start year, quarter); a year sorts after its quarters; unknown years sort first."""
    if not label:
        return (0, 0)
    if m := re.fullmatch(r"(\d{4})/\d\d(?: Q([1-4]))?", label):
        return (int(m.group(1)), int(m.group(2) or 5))
    return (0, 0)


def period_end(label: str | None) -> dt.date | None:
    """Last day of a period, for comparing with due dates."""
    if not label or not (m := re.fullmatch(r"(\d{4})/\d\d(?: Q([1-4]))?", label)):
        return None
    start, q = int(m.group(1)), int(m.group(2) or 4)
    month = 3 + 3 * q  # Q1 ends June
    year = start + (month > 12)
    month = (month - 1) % 12 + 1
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


@lru_cache(maxsize=1024)  # pure, as period_iri
def parts(label: str | None) -> tuple[int | None, int | None]:
    """(financial-year start, quarter) of a label; either may be None ("Q1", "2017/18")."""
    if not label:
        return None, None
    if m := re.fullmatch(r"(\d{4})/\d\d(?: Q([1-4]))?", label):
        return int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if m := re.fullmatch(r"Q([1-4])", label):
        return None, int(m.group(1))
    return None, None


def make_label(start_year: int | None, quarter: int | None) -> str | None:
    """The label for a financial year and quarter, either of which may be unknown."""
    if start_year is None:
        return f"Q{quarter}" if quarter else None
    return f"{fy_label(start_year)} Q{quarter}" if quarter else fy_label(start_year)


def shift(label: str | None, *, quarters: int = 0, years: int = 0) -> str | None:
    """`label` moved by whole quarters or years ("2017/18 Q1" less a quarter is "2016/17 Q4"), or None."""
    year, q = parts(label)
    if quarters:
        if q is None or year is None:
            return None
        index = year * 4 + (q - 1) + quarters
        year, q = index // 4, index % 4 + 1
    if years:
        if year is None:
            return None
        year += years
    return make_label(year, q)


# Periods named relative to the one being reported: "last quarter", "the same quarter last year".
_RELATIVE = [
    (re.compile(r"\b(?:last|the\s+previous|previous|the\s+prior|prior|the\s+preceding)\s+quarter\b", re.I),
     {"quarters": -1}),
    (re.compile(r"\b(?:the\s+)?same\s+(?:quarter|point|time|period)\s+(?:last|the\s+previous|a)\s+year\b",
                re.I), {"years": -1}),
    (re.compile(r"\b(?:last|the\s+previous|previous|the\s+prior|prior)\s+(?:financial\s+)?year\b|"
                r"\ba\s+year\s+(?:earlier|ago|before)\b", re.I), {"years": -1}),
]
_ANY_Q = re.compile(r"\b" + _Q + r"|\b" + _QWORD, re.I)
_ANY_FY = re.compile(r"(?<![\d/])" + _FY + r"(?![\d/])")
# "24/25" for 2024/25 where the second year follows the first (scorecard headers): "Q2 24/25".
_SHORT_FY = re.compile(r"(?<![\d/])(?P<a>\d\d)\s*/\s*(?P<b>\d\d)(?![\d/])")


def mentions(text: str, start: int, end: int, ref: str | None) -> list[tuple[str | None, int, int]]:
    """Every period named in text[start:end]: (label, start, end), read against the reference period `ref`
    (the document's): "Quarter 1" takes the reference's year, "last quarter" is one quarter before it, a
    financial year keeps its quarter only where one is written with it. Label None where it is unknown."""
    out: list[tuple[str | None, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(label: str | None, a: int, b: int) -> None:
        if not any(x < b and a < y for x, y in taken):
            out.append((label, a, b))
            taken.append((a, b))

    # Each pattern is tried only where the words hold what every match of it must: a year of a financial
    # year ("19"/"20": _PATTERNS, _ANY_FY), "quarter" or "year" (each of _RELATIVE), a "q" (_ANY_Q), a "/"
    # (_SHORT_FY). Under IGNORECASE these letters match only themselves in either case, so the lower-cased
    # words hold them wherever a pattern matches; a pattern skipped would have found nothing.
    seg = text[start:end]
    low = seg.lower()
    years = "19" in seg or "20" in seg
    for pattern in _PATTERNS if years else ():
        for m in pattern.finditer(text, start, end):
            y = _fy_start(m.group("y1"), m.group("y2"))
            q = m.groupdict().get("q") or m.groupdict().get("qw")
            add(make_label(y, _WORDS[q.lower()]) if y else None, m.start(), m.end())
    for pattern, move in _RELATIVE if "quarter" in low or "year" in low else ():
        for m in pattern.finditer(text, start, end):
            add(shift(ref, **move) if ref else None, m.start(), m.end())
    ref_year, _ = parts(ref)
    for m in _ANY_Q.finditer(text, start, end) if "q" in low else ():
        q = m.group("q") or m.group("qw")
        add(make_label(ref_year, _WORDS[q.lower()]), m.start(), m.end())
    for m in _ANY_FY.finditer(text, start, end) if years else ():
        y = _fy_start(m.group("y1"), m.group("y2"))
        add(fy_label(y) if y else None, m.start(), m.end())
    for m in _SHORT_FY.finditer(text, start, end) if "/" in seg else ():
        a, b = int(m.group("a")), int(m.group("b"))
        if b == (a + 1) % 100:
            add(fy_label(2000 + a), m.start(), m.end())
    # a quarter and a year written apart ("Q2 24/25", "Quarter 1 (2024/25)", "Q4 of 24/25") make one period
    merged: list[tuple[str | None, int, int]] = []
    for p in sorted(out, key=lambda p: p[1]):
        if merged and merged[-1][0] and p[0] and (p[1] - merged[-1][2] <= 3
                                                  or _QUARTER_OF.fullmatch(text, merged[-1][2], p[1])):
            (_, lq), (py, pq) = parts(merged[-1][0]), parts(p[0])
            if lq and not pq and py is not None:
                merged[-1] = (make_label(py, lq), merged[-1][1], p[2])
                continue
        merged.append(p)
    return merged


def earlier(label: str | None, ref: str | None) -> bool:
    """Is period `label` before the reference period? A year is before a quarter of a later year only."""
    if not label or not ref:
        return False
    (ly, lq), (ry, rq) = parts(label), parts(ref)
    if ly is None or ry is None:
        return bool(lq and rq and ly is None and lq < rq)
    if ly != ry:
        return ly < ry
    return bool(lq and rq and lq < rq)


# ---- calendar dates as minutes and action logs write them ("31 July 2024", "31/07/2024", "March 2025")

# Month names, capitalised as written in English prose: a lower-case "may" or "march" is a verb, not a month.
MONTH_NAMES = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|"
    r"SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?"
)
YEAR = r"(?:19|20)\d\d"
# "31 July 2024", "31st of July, 2024", "July 31, 2024" is rare in UK minutes and left out.
DAY_MONTH = (
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_NAMES})(?:\s*,?\s*(?P<year>{YEAR}))?"
)
# "31/07/2024", "31.07.24", "31-07-2024" (day first, as in the UK)
NUMERIC_DATE = r"(?P<nday>\d{1,2})[/.\-](?P<nmonth>\d{1,2})[/.\-](?P<nyear>(?:19|20)?\d\d)(?![\d/])"
_ISO_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)")
_MONTH_YEAR = re.compile(rf"(?P<month>{MONTH_NAMES})\s*,?\s*(?P<year>{YEAR})?", re.I)
_DAY_MONTH = re.compile(DAY_MONTH, re.I)
_NUMERIC = re.compile(NUMERIC_DATE)


def month_number(name: str) -> int | None:
    """1-12 for a month name or its short form ("Sept", "Dec."), else None."""
    key = name.strip().rstrip(".").lower()
    return _MONTHS.get(key) or _MONTHS.get(key[:3])


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month: a promise due "in January 2024" is due by 2024-01-31."""
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def year_for(month: int, ref: dt.date | None) -> int | None:
    """The year of a month written without one: the next such month after `ref` (a meeting in June 2024
    promising something "for the October meeting" means October 2024; "in March" means March 2025)."""
    if ref is None:
        return None
    return ref.year if month > ref.month else ref.year + 1


def day_or_month_end(year: int | None, month: int | None, day: int | None = None) -> dt.date | None:
    """The date a written due time stands for: the day when a day is given, else the month's last day."""
    if year is None or month is None or not 1 <= month <= 12:
        return None
    if day is None:
        return month_end(year, month)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, ref: dt.date | None = None) -> dt.date | None:
    """A calendar date written on its own, as in an action log's Due cell: "16/01/2025", "16/01/25",
    "12 November 2024", "2025-03-20", "March 2025" (its last day), "March" (after `ref`). Else None."""
    s = text.strip().strip(".,;:()")
    if m := _ISO_DATE.fullmatch(s):
        return day_or_month_end(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _NUMERIC.fullmatch(s):
        year = int(m["nyear"]) if len(m["nyear"]) == 4 else 2000 + int(m["nyear"])
        return day_or_month_end(year, int(m["nmonth"]), int(m["nday"]))
    if m := _DAY_MONTH.fullmatch(s):
        month = month_number(m["month"])
        year = int(m["year"]) if m["year"] else (year_for(month, ref) if month else None)
        return day_or_month_end(year, month, int(m["day"]))
    if m := _MONTH_YEAR.fullmatch(s):
        month = month_number(m["month"])
        year = int(m["year"]) if m["year"] else (year_for(month, ref) if month else None)
        return day_or_month_end(year, month)
    return None

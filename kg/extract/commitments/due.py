"""When a commitment is due: a date, the next meeting, the next update, a future meeting, or none.

One due time per commitment. A month means its last day ("in January 2024" is due by 2024-01-31); a day
means that day. Month names and calendar dates are parsed by kg/periods.py; the phrases that make them a
due time ("by", "in", "at the October meeting") are data in patterns/due_conditions.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kg import periods
from kg.extract import nlp
from kg.extract.commitments.vocabulary import alt


@dataclass(frozen=True)
class Due:
    kind: str = "none"
    text: str = ""
    date: dt.date | None = None


@cache
def vocabulary() -> dict:
    return nlp.vocabulary("due_conditions")


@cache
def _patterns() -> tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]]]:
    v = vocabulary()
    kinds = [
        (k, re.compile(p, re.I)) for k in ("next_update", "next_meeting", "future_meeting") for p in v[k]
    ]
    month = periods.MONTH_NAMES
    year = periods.YEAR
    part = alt(v["parts_of_year"])
    lead = v["date_lead"]
    dates = [
        re.compile(rf"\b(?:{lead}\s+)?(?:the\s+)?{periods.DAY_MONTH}\b", re.I),
        re.compile(rf"\b(?:{lead}\s+)?{periods.NUMERIC_DATE}", re.I),
        re.compile(
            # "the June meeting", "the Committee's March sitting", "the June Staff Governance Committee"
            rf"\bthe\s+(?:[\w-]+['’]s\s+)?(?P<month>{month})(?:\s+(?P<year>{year}))?\s+(?:[A-Za-z-]+\s+){{0,3}}?"
            rf"(?:{alt(v['meeting_nouns'])})\b",
            re.I,
        ),
        re.compile(
            rf"\b{lead}\s+(?:the\s+)?(?:(?P<part>{part})\s+(?:of\s+)?)?(?P<month>{month})(?:\s+(?P<year>{year}))?\b",
            re.I,
        ),
        re.compile(rf"\b{lead}\s+(?:the\s+)?(?P<part>{part})\s+(?:of\s+)?(?P<year>{year})\b", re.I),
        # (not a season opening a name: "the Spring Clean Week", "the Summer Reading Challenge")
        re.compile(rf"\b{lead}\s+(?:the\s+)?(?P<part>{alt(v['seasons'])})\b(?![ \t\xa0]+(?-i:[A-Z]))", re.I),
    ]
    return kinds, dates


@cache
def _next_meeting_in_month() -> re.Pattern[str]:
    return re.compile(vocabulary()["next_meeting_in_month"].replace("{month}", periods.MONTH_NAMES), re.I)


def _resolve(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    g = m.groupdict()
    if g.get("nday"):
        year = int(g["nyear"]) if len(g["nyear"]) == 4 else 2000 + int(g["nyear"])
        return periods.day_or_month_end(year, int(g["nmonth"]), int(g["nday"]))
    month = periods.month_number(g["month"]) if g.get("month") else None
    if month is None and g.get("part"):
        month = vocabulary()["parts_of_year"].get(re.sub(r"\s+", " ", g["part"].lower()))
    if month is None:
        return None
    year = int(g["year"]) if g.get("year") else periods.year_for(month, ref)
    later_this_month = ref is not None and month == ref.month and g.get("day") and int(g["day"]) >= ref.day
    if not g.get("year") and later_this_month:
        year = ref.year  # "on 26 September" at a meeting on 5 September: this month, not next year's
    return periods.day_or_month_end(year, month, int(g["day"]) if g.get("day") else None)


# "produced after 31 March": the earliest it can come; "the meeting held on 23 July", "the letter dated
# 3 May": when something happened
# ("a workshop would be held on 12 March" is due then: "held" after an auxiliary is the promise's own verb)
_NOT_BEFORE = re.compile(
    r"(?:\b(?:after|since|following|not\s+before)\s+(?:the\s+)?"
    r"|\b(?!(?:be|been|being|is|are|was|were)\b)[\w'’]+\s+held\s+(?:on\s+)?|\bdated\s+(?:on\s+)?)$", re.I)


@cache
def _measured_re() -> re.Pattern[str]:
    """"plans completed within 20 weeks", "claims paid in 28 days": weeks or days after a participle are part
    of what is measured or promised, not when it is due (due_conditions.yaml: irregular_participles)."""
    irregular = alt(vocabulary()["irregular_participles"])
    return re.compile(r"\b(?:[a-z]+(?:ed|en)|" + irregular + r")\s+$", re.I)


@cache
def _weekday_re() -> re.Pattern[str]:
    v = vocabulary()
    days = alt(v["weekdays"])
    return re.compile(rf"\b(?:{v['weekday_lead']}\s+(?:(?:next|this)\s+)?|next\s+)(?P<day>{days})\b", re.I)


def _weekday_due(text: str, ref: dt.date | None) -> Due | None:
    """"by Friday", "by the end of next week", "by the end of the month": the first such weekday after the
    meeting (a week's end is its Friday, a month's its last day). Without a meeting date the day is kept as
    written, undated."""
    v = vocabulary()
    if m := _weekday_re().search(text):
        if ref is None:
            return Due("none", m.group(0).strip())
        ahead = (v["weekdays"][m.group("day").lower()] - ref.weekday() - 1) % 7 + 1  # 1..7 days on
        return Due("date", m.group(0).strip(), ref + dt.timedelta(days=ahead))
    if m := re.search(v["month_end"], text, re.I):
        if ref is None:
            return Due("none", m.group(0).strip())
        ahead = 1 if m.group("which").lower() == "next" else 0
        total = ref.year * 12 + ref.month - 1 + ahead
        return Due("date", m.group(0).strip(), periods.month_end(total // 12, total % 12 + 1))
    if m := re.search(v["week_end"], text, re.I):
        if ref is None:
            return Due("none", m.group(0).strip())
        friday = ref + dt.timedelta(days=(v["weekdays"]["friday"] - ref.weekday()) % 7)
        if m.group("which").lower() == "next":
            friday += dt.timedelta(days=7)
        return Due("date", m.group(0).strip(), friday)
    return None


# "the figures for April and May", "returns for June to August": months a report covers, a span after "for"
_MONTHS_COVERED = re.compile(r"(?i)for\s")
_MONTHS_COVERED_TAIL = re.compile(rf"(?i)\s*(?:,|and|to|-|–)\s*(?:{periods.MONTH_NAMES})\b")

# "would be cleared within four weeks": a participle after "be" is the promise's own verb, not a measure
_AUXILIARY = re.compile(r"\b(?:be|been|being)\s+(?:\w+ly\s+)?[\w-]+\s+$", re.I)


def find_due(text: str, ref: dt.date | None) -> Due:
    """The due condition written in `text`: an explicit date beats a meeting, which beats a future one.
    A date before the meeting is when something was said or done ("On 3 September the Committee noted
    that ..."), not when it is due."""
    kinds, dates = _patterns()
    if m := _next_meeting_in_month().search(text):
        return Due("next_meeting", m.group(0).strip())
    unresolved = ""
    for pattern in dates:
        for m in pattern.finditer(text):
            if _NOT_BEFORE.search(text, 0, m.start()):
                continue  # "produced after 31 March": the earliest it can come, not when it is due
            if _MONTHS_COVERED.match(m.group(0)) and _MONTHS_COVERED_TAIL.match(text, m.end()):
                continue  # "figures for April and May": the months the figures cover, not when they are due
            when = _resolve(m, ref)
            if when is not None and (ref is None or when >= ref):
                return Due("date", m.group(0).strip(), when)
            if when is None:
                unresolved = unresolved or m.group(0).strip()  # "in March", year unknown: kept as written
    v = vocabulary()
    if weekday := _weekday_due(text, ref):
        return weekday
    if m := re.search(v["relative_months"], text, re.I):
        n = m.group("n").lower()
        months = int(n) if n.isdigit() else v["numbers"][n]
        when = None
        if ref is not None:
            total = ref.year * 12 + ref.month - 1 + months
            when = periods.month_end(total // 12, total % 12 + 1)
        return Due("date", m.group(0).strip(), when)
    m = next((m for m in re.finditer(v["relative_days"], text, re.I)
              if not _measured_re().search(text, 0, m.start()) or _AUXILIARY.search(text, 0, m.start())),
             None)
    if m:
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else v["numbers"][n]
        unit = m.group("unit").lower()
        # working days: five to a week, so the calendar days are at least 7/5 as many (weekends); no holidays
        days = count * 7 if unit.startswith("week") else (-(-count * 7 // 5) if "working" in unit else count)
        return Due("date", m.group(0).strip(), ref + dt.timedelta(days=days) if ref is not None else None)
    for kind, pattern in kinds:
        if m := pattern.search(text):
            return Due(kind, m.group(0).strip())
    return Due("none", unresolved)


# "By 30/06/2025", "End of March 2025", "w/c 3 March": a Due cell's lead before the date it gives
_CELL_LEAD = re.compile(r"(?i)^(?:(?:by|before|no\s+later\s+than|on\s+or\s+before)\s+)?(?:the\s+)?"
                        r"(?:(?:end|close)\s+of\s+|w/?c\s+|week\s+commencing\s+)?")


def due_of_cell(text: str, ref: dt.date | None) -> Due:
    """The due time an action log's Due cell gives: a date standing alone ("16/01/2025", "March 2025"),
    else a due phrase ("Next meeting", "Future meeting", "Q2 monitoring report"), else none."""
    cell = re.sub(r"\s+", " ", text).strip()
    if when := periods.parse_date(_CELL_LEAD.sub("", cell), ref):
        return Due("date", cell, when)
    # a bare "Next meeting" / "Future meeting" cell, without the article the prose patterns expect
    for article in ("", "the ", "a "):
        due = find_due(f"{article}{cell}", ref)
        if due.kind != "none":
            return Due(due.kind, cell, due.date)
    # "Before 10/11/2025", "By end of March": a log is read after its actions fell due, so a date before the
    # log's meeting is still the due date (in prose it would be when something was said or done)
    # ("January 2026 meeting" is read as "the January 2026 meeting")
    for article in ("", "the "):
        due = find_due(f"{article}{cell}", None)
        if due.kind == "date" and due.date is not None:
            return Due("date", cell, due.date)
    return Due()


def reference_date(meeting_date: dt.date | None, period: str | None) -> dt.date | None:
    """The date a due time is read against: the meeting, else the start of the last month of the period."""
    if meeting_date:
        return meeting_date
    end = periods.period_end(period)
    return end.replace(day=1) if end else None

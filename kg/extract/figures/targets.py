"""Targets in sentences: a figure read as the target, its horizon ("by March 2026"), a year earlier than the
document's period, a table row's column under its header, verdict words ("met", "missed")."""

from __future__ import annotations

import re
from functools import cache

from kg import indicators, periods
from kg.extract.figures.vocab import alternation, words
from kg.text import TextView

# A block's header line naming its one value column a target ("Ref  Measure  Good is  Target 2024/25"), with
# no figure of its own: the figure ending each row under it is the measure's target, not a level reached.
_TARGET_COLUMN = re.compile(r"\btargets?\b", re.I)
_LEVEL_COLUMN = re.compile(r"\b(?:actual|outturn|result|value|current|latest|q[1-4]|quarter)\b|%|"
                           r"\d[\d,]*\.\d", re.I)
# ... and a column saying which way is better, whose word ends each row's name ("... timescales High 85%")
_POLARITY_COLUMN = re.compile(r"\bgood\s+is\b|\bpolarity\b|\bbetter\s+is\b|\bhigher\s+or\s+lower\b", re.I)
POLARITY_WORD = re.compile(r"\s+(?:high|low|higher|lower)$", re.I)


def row_under_header(tv: TextView, pos: int) -> tuple[bool, bool]:
    """(the header of the block of short lines holding `pos` names a target column and no level column,
    it names a column of which way is better)."""
    text = tv.text
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if line_end == -1:
        line_end = len(text)
    if text[line_start:line_end].rstrip().endswith((".", "?", "!")):
        return False, False  # a sentence, not a row
    header = None
    a = line_start
    for _ in range(40):  # up through the block's rows to its first line
        if a == 0:
            header = text[0 : text.find("\n")] if "\n" in text else text
            break
        b = a - 1
        prev_start = text.rfind("\n", 0, b) + 1
        if not text[prev_start:b].strip():
            header = text[a : text.find("\n", a)]
            break
        a = prev_start
    if header is None or a == line_start:
        return False, False
    target = bool(_TARGET_COLUMN.search(header)) and not _LEVEL_COLUMN.search(header) \
        and not header.rstrip().endswith((".", ":"))
    return target, target and bool(_POLARITY_COLUMN.search(header))


def item_start(tv: TextView, pos: int) -> int:
    item = tv.item_at(pos)
    return item.start if item else -1


TARGET_AIM = re.compile(r"\b(?:targets?|required|requirement|aims?|ambition|goal)\b"
                         r"(?:(?!\b(?:against|of|had|have|has)\b|[.;]).){0,60}?"
                         r"\bto\s+(?:[a-z\-]+\s+){1,4}?(?:to\s+|by\s+|below\s+|under\s+)?"
                         r"(?:a\s+|an\s+|at\s+least\s+)?$", re.I)
# A clause that says what a target is: every figure after it in the clause is the target's, not a level
# reached ("the target was that ...", "targets which include ...", "the target for ... is").
TARGET_STATED = re.compile(r"\btargets?\s+(?:(?:was|is|were|are)\s+that|(?:that|which)\s+"
                            r"(?:include|includes|are|were)|include|includes|including|"
                            r"(?:of|for)\s+[a-z]+ing\s+(?:is|was|are|were))\b"
                            r"(?:(?!\b(?:against|compared|actual|achieved|outturn|performance\s+was)\b|[.;]).)*$",
                            re.I)


@cache
def verdicts() -> frozenset[str]:
    return frozenset(w.lower() for w in words()["verdict_words"])


@cache
def verdict_tail_re() -> re.Pattern[str]:
    degree = r"(?:(?:" + alternation(words()["verdict_words"]) + r"|still|relatively)\s+)*"
    return re.compile(r"\s+" + alternation(words()["verdict_verbs"]) + r"\s+" + degree
                      + alternation(words()["verdict_tails"]) + r"(?:\s+at)?\s*$", re.I)


@cache
def pointer_re() -> re.Pattern[str]:
    """A name that only points back at an indicator: "this indicator", "the measure"."""
    return re.compile(r"(?:performance\s+(?:against|on)\s+)?(?:this|that|the|same)\s+(?:"
                      + alternation(words()["notation_words"]) + r")", re.I)


@cache
def target_for_re() -> re.Pattern[str]:
    """"the target for X was", "the statutory minimum requirement for X was": a target for X follows."""
    return re.compile(r"\b" + alternation(words()["target_for_heads"])
                      + r"\s+for\s+(?P<name>[^.;,]{2,80}?)\s+"
                      r"(?:of|was|is|at|stood\s+at|set\s+at|has\s+been\s+set\s+at)\s*$", re.I)


TARGET_LEAD = re.compile(r"^.*\btargets?\s+(?:(?:was|is|were|are)\s+that|"
                          r"(?:that|which)\s+(?:include|includes)|include|includes|including)\s+|"
                          r"\s+targets?(?:\s+of\s+[a-z]+ing)?$|"
                          r"\s+within(?:\s+an?)?(?:\s+average)?$", re.I)
NUMBER_NEXT = re.compile(r"\s+\d")  # right after a number read with its "out of"
# A target's horizon right after it: "by 2025", "by March 2026", "by the end of 2030", "by 2025/26"
_BY = re.compile(r"[^\d.;]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:(?P<m>[A-Za-z]+)\s+)?"
                 r"(?P<y>(?:19|20)\d\d)(?:\s*[/\-–]\s*(?P<y2>\d\d))?\b")


def horizon(text: str, lo: int, hi: int, doc_period: str | None) -> str | None:
    """The financial year a target is set for when a later horizon follows it ("by March 2026": 2025/26; a
    calendar year, "by 2025", is the financial year its December falls in: 2025/26), else None."""
    m = _BY.match(text, lo, hi)
    if not m:
        return None
    year = int(m.group("y"))
    if m.group("y2"):
        start = year
    elif m.group("m"):
        month = periods.month_number(m.group("m"))
        if month is None:
            return None
        start = year if month >= 4 else year - 1
    else:
        start = year
    label = periods.fy_label(start)
    return label if periods.sort_key(label) > periods.sort_key(doc_period) else None
# "in 2019 the result was": a calendar year opening the figure's own subject, right before it
_IN_YEAR = re.compile(r"\b(?:in|for|during)\s+((?:19|20)\d\d)(?!\s*[/\-–]\s*\d),?\s+(?:the|our|its)\s+"
                      r"[^,;:.\d]{0,50}$", re.I)
_START_YEAR = re.compile(r"(?:19|20)\d\d")


def earlier_year(text: str, lo: int, hi: int, doc_period: str | None) -> bool:
    """Does a calendar year before the document's period open the figure's clause ("in 2019 the result
    was ...")?"""
    start = _START_YEAR.search(doc_period or "")
    m = _IN_YEAR.search(text, lo, hi)
    if not (start and m and int(m.group(1)) < int(start.group())):
        return False
    # "since ... in 2019, the rate has risen to 50%": a change up to now, whose level is this period's
    phrase_start = max([lo] + [i + 1 for i in range(lo, m.start()) if text[i] in ":;,"])
    return not (_SINCE.search(text, phrase_start, m.start()) or _PERFECT.search(text, m.end(1), hi))


_SINCE = re.compile(r"\bsince\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have)\b", re.I)


# "performance against (the) target is N": the level measured against the target, not the target
LEVEL_AGAINST_TARGET = re.compile(r"\bperformance\s+against\s+(?:the\s+|its\s+)?target\s+"
                                   r"(?:is|was|were|are|stood\s+at|stands\s+at)\s*$"
                                   # "is on target at 16.6 days", "remains below target at 91%": where the
                                   # level stands against its target, the level itself
                                   r"|\b(?:on|above|below|ahead\s+of|behind|off|under|over|within)\s+"
                                   r"(?:the\s+|its\s+)?target\s*,?\s*at\s*$", re.I)
TARGET_MOVED = re.compile(r"\btargets?\b(?:(?!\bagainst\b|[.;]).){0,80}?\bfrom\s*$", re.I)
# "... close to the 90% target and up from 86%": after the target, "and"/"," and "up/down from" open the
# level's own earlier value, not a target moved
LEVEL_UP_FROM = re.compile(r"\btargets?\b[^.;]{0,40}?(?:,|\band\b)\s*(?:(?:was|is|were|are)\s+)?"
                           r"(?:up|down)\s+from\s*$", re.I)
# "from 58% to", "from 2015/16 (7.1 days lost per head) to 2016/17 (": the pair's second figure follows
# ("from 9 in Quarter 1 to 14", "from 61% in 2022/23 to 64%": the earlier level's period between)
PAIR_TO = re.compile(r"\s*(?:%|per\s+cent)?"
                      r"(?:\s+(?:[^\d\s,;]+|(?:quarter|qtr|q)\s*[1-4]|(?:19|20)\d\d(?:/\d{2})?)"
                      r"){0,12}?\s*\bto"
                      r"(?:\s+(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?\s*\()?\s*$", re.I)


def fits(concept: str | None, unit: str) -> bool:
    """Can a figure in `unit` be of the scheme `concept` (None: a phrase, not a concept, always can)? A count
    is not a percentage of something named in the question before it."""
    return concept is None or indicators.same_unit(unit, indicators.unit(concept)) or \
        indicators.in_unit(concept, unit) is not None

"""Extract figures: every value a report states about an indicator, with its measure, area and period.

Sentences are read clause by clause. A number becomes a figure only when it has a unit (98%, 29.2 per cent,
45.3 per 10,000, £1.2m under a budget indicator) or is a count tied to an indicator ("133 re-referrals",
"the number of looked after children was 850", "2320 of 3007"); numbers inside an indicator's name
("within 45 working days"), periods, dates, ages, thresholds, page numbers and phone numbers never are.
What a figure measures comes from the words around it (cue phrases in patterns/figures.yaml): a target
("exceeds the target of 95%"), a benchmark ("England average (83%)", "97% statistical neighbour"), a previous
value ("a reduction from 15.8% in Qtr 1", "the 2016/17 year end (87%)"), or else the actual value. A change
("a reduction of 8.3%") is not a level and is left out. Statements without a figure ("under 18 conceptions
continued to reduce") become value-less observations with a direction (patterns/directions.yaml).
Scorecard table cells (`SourceDoc.cells`, or tab-separated blocks of a text rendition) are read by their row
header (indicator) and column header (measure, period, area). RAG is derived from value against target with
the indicator's polarity, unless the document states it. An indicator the scheme does not know ("the
percentage of children with a personal education plan was 91%", a population narrowed by what follows it)
becomes "new:<slug>" with lower confidence, flagged for review in the graph. What is left out on purpose is
recorded in `Extraction.notes`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache

from kg import indicators, periods
from kg.extract.nlp import parse, vocabulary
from kg.model import Extraction, ObservationFact, SourceDoc, Span, TableCell

# ---- vocabularies, compiled once ---------------------------------------------------------------------


@cache
def _cues() -> dict:
    return vocabulary("figures")


@cache
def _dirs() -> dict:
    return vocabulary("directions")


def _alt(phrases: object) -> str:
    """A regex alternation of phrases (longest first, flexible whitespace, case-insensitive by the caller)."""
    words = sorted({str(p).lower() for p in phrases}, key=len, reverse=True)  # type: ignore[union-attr]
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in words)


def _phrase_re(phrases: object) -> str:
    """Phrases as whole words: no letter or digit may touch an end that is a letter or digit."""
    words = sorted({str(p).lower() for p in phrases}, key=len, reverse=True)  # type: ignore[union-attr]
    alts = []
    for p in words:
        body = r"\s+".join(re.escape(w) for w in p.split())
        before, after = (r"(?<![\w])" if p[0].isalnum() else ""), (r"(?![\w])" if p[-1].isalnum() else "")
        alts.append(before + body + after)
    return f"(?:{'|'.join(alts)})"


_HEDGE = r"(?:around|about|approximately|almost|nearly|over|just)"


@cache
def _re(name: str) -> re.Pattern[str]:
    """Compiled patterns built from the cue files, by name."""
    c = _cues()
    comparators = [p for ps in c["comparators"].values() for p in ps]
    words = [f for f in c["comparator_fillers"] if re.search(r"\w", str(f))]
    marks = [re.escape(str(f)) for f in c["comparator_fillers"] if not re.search(r"\w", str(f))] + [r"\)"]
    filler = rf"(?<![\w])(?:{_alt(words)})(?![\w])|" + "|".join(marks)
    src = {
        "target_before": rf"{_phrase_re(c['target'])}\s*(?:(?:of|is|was|set\s+at|at|around|least|to|reach|"
        rf"achieve|be|for|=|:|-|\(|–)\s*)*$",
        "target_after": r"^\s*\)?\s*(?:" + _phrase_re(c["target"]) + r")(?!\s+of)",
        "comparator": _phrase_re(comparators),
        "comparator_after": r"^\s*\)?\s*(?:(?:for|in|across)\s+(?:the\s+)?)?(?:"
        + _phrase_re(comparators)
        + ")",
        "filler": filler,
        "previous": _phrase_re(c["previous"]),
        "change_before": rf"{_phrase_re(c['change'])}\s*{_HEDGE}?\s*$",
        "change_after": r"^\s*(?:" + _phrase_re(c["change_after"]) + ")",
        "subset": r"^\W*(?:" + _phrase_re(c["subset_openers"]) + ")",
        "threshold_before": rf"{_phrase_re(c['threshold_before'])}\s*$",
        "threshold_after": r"^\s*(?:" + _phrase_re(c["threshold_after"]) + ")",
        "copula_before": rf"{_phrase_re(c['copulas'])}\s*{_HEDGE}?\s*$",
        "percent_after": r"^\s*(?:%|" + _phrase_re([p for p in c["percent_after"] if p != "%"]) + ")",
        "rate_after": r"^\s*(?:" + _phrase_re(c["rate_after"]) + ")",
        "rag_before": rf"{_phrase_re(c['rag']['before'])}\s*[:\-–(]?\s*$",
        "rag_colour": r"^\s*(?P<c>" + _phrase_re(c["rag"]["colours"]) + ")",
        "carry": r"^\W*(?:" + _phrase_re(c.get("carry_openers", ["this", "it", "that", "which"])) + ")",
        "reference": rf"{_phrase_re(c.get('reference_before', ['as with', 'like', 'as for']))}\s*$",
        "comparator_subject": rf"(?P<list>{_phrase_re(comparators)}(?:\s*(?:,|and|or)\s*(?:the\s+)?"
        rf"{_phrase_re(comparators)})*)\s+(?:average|averages|benchmark|benchmarks|figure|figures|rates?)\b"
        r"[^0-9;%]{0,80}?(?:was|were|is|are|stood\s+at)\s*(?:all|both)?\s*[(:]?\s*$",
        "clause_opener": rf"^\W*(?:{_alt(_clause_words())})?\W*",
    }[name]
    return re.compile(src, re.I)


# A number as written: 98, 29.2, 3,007. Not part of a word, a date (12/06/2017), a year range (2016/17),
# a range (10-15), a code (S17) or a decimal's tail.
_NUMBER = re.compile(
    r"(?<![\w/.,£$\-–])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d/]|\.\d|,\d{3}|[A-Za-z]|[\-–]\d)"
)
_CURRENCY = re.compile(
    r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(m|k|bn|million|billion|thousand)?(?![\w])", re.I
)
_MULTIPLIER = {"m": 10**6, "million": 10**6, "k": 10**3, "thousand": 10**3, "bn": 10**9, "billion": 10**9}
_YEARLIKE = re.compile(r"^(?:19|20)\d\d$")
_PERIOD_WORD = re.compile(
    r"(?:(?:19|20)\d\d\s*[/\-–]\s*\d\d(?:\d\d)?|\bq(?:tr|uarter)?\.?\s*(?:[1-4]|one|two|three|four)\b|"
    r"\b(?:first|second|third|fourth)\s+quarter\b|\byear[\s-]end\b|\b(?:19|20)\d\d\b)",
    re.I,
)


@dataclass(frozen=True)
class _Figure:
    start: int  # absolute offsets of the number and its unit
    end: int
    value: Decimal
    unit: str
    denominator: Decimal | None = None  # "2320 of 3007"
    end_of_ratio: int = 0  # where "of 3007" ends


@dataclass
class _Found:
    indicator: str
    label: str
    start: int
    end: int  # the quote: the sentence
    value: Decimal | None
    unit: str
    measure: str
    area: str = "council"
    period: str | None = None
    direction: str | None = None
    rag: str | None = None
    denominator: Decimal | None = None
    confidence: float = 1.0


# ---- numbers -------------------------------------------------------------------------------------------


def _decimal(whole: str, frac: str | None) -> Decimal | None:
    try:
        return Decimal(whole.replace(",", "") + (frac or ""))
    except InvalidOperation:
        return None


def _numbers(text: str, start: int, end: int) -> list[_Figure]:
    """Numbers in text[start:end] with the unit written after (or £ before) them."""
    out: list[_Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _CURRENCY.finditer(text, start, end):
        value = _decimal(m.group(1), m.group(2))
        if value is None:
            continue
        if m.group(3):
            value *= _MULTIPLIER[m.group(3).lower()]
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
        out.append(_Figure(m.start(), m.end(), value, "currency"))
        taken.append((m.start(), m.end()))
    for m in _NUMBER.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = _decimal(m.group(1), m.group(2))
        if value is None:
            continue
        after = text[m.end() : min(end, m.end() + 30)]
        if u := _re("percent_after").match(after):
            out.append(_Figure(m.start(), m.end() + u.end(), value, "percent"))
        elif u := _re("rate_after").match(after):
            out.append(_Figure(m.start(), m.end() + u.end(), value, "rate"))
        else:
            out.append(_Figure(m.start(), m.end(), value, "count"))
        taken.append((out[-1].start, out[-1].end))  # "per 10,000" is part of this figure, not another
    return sorted(out, key=lambda f: f.start)


# ---- clauses and mentions ------------------------------------------------------------------------------


@cache
def _clause_break_re() -> re.Pattern[str]:
    return re.compile(r"[;]|" + _phrase_re(_clause_words()), re.I)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at clause-break words ("however", "whilst", "but") and semicolons."""
    cuts = [start] + [m.start() for m in _clause_break_re().finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


@cache
def _clause_words() -> tuple[str, ...]:
    from kg.extract.nlp import phrases

    return phrases("clause_breaks")


@dataclass(frozen=True)
class _Mention:
    concept: str
    start: int
    end: int

    @property
    def generic(self) -> bool:
        return indicators.is_generic(self.concept)


def _mentions(text: str) -> list[_Mention]:
    return [_Mention(c, s, e) for c, s, e in indicators.mentions(text)]


def _label(concept_id: str, fallback: str) -> str:
    return indicators.label(concept_id) or fallback


# ---- the figure's indicator ----------------------------------------------------------------------------


def _is_reference(text: str, clause_start: int, m: _Mention) -> bool:
    """ "as with health checks": a mention named for comparison does not own the figures near it."""
    return bool(_re("reference").search(text[max(clause_start, m.start - 20) : m.start]))


def _owner(
    text: str, fig: _Figure, clause: tuple[int, int], mentions: list[_Mention], next_figure_start: int
) -> _Mention | None:
    """The mention a figure is about: "N% of <mention>", or the nearest before it in the clause."""
    inside = [m for m in mentions if clause[0] <= m.start < clause[1]]
    fig_end = fig.end_of_ratio or fig.end  # "2320 of 3007 assessments": the indicator follows the ratio
    adjacent = next(
        (
            m
            for m in inside
            if m.start >= fig_end
            and re.fullmatch(r"\s*(?:of\s+)?(?:(?:the|our|all|these|those)\s+)?", text[fig_end : m.start])
        ),
        None,
    )
    later_specific = None
    if adjacent is not None and adjacent.generic:
        later_specific = next(
            (
                m
                for m in inside
                if m.start > adjacent.start
                and not m.generic
                and m.start < next_figure_start
                and m.start - adjacent.end < 80
            ),
            None,
        )
    before = [m for m in inside if m.end <= fig.start and not _is_reference(text, clause[0], m)]
    before_specific = next((m for m in reversed(before) if not m.generic), None)
    for choice in (
        adjacent if adjacent and not adjacent.generic else None,
        later_specific,
        before_specific,
        adjacent,
        before[-1] if before else None,
    ):
        if choice is not None:
            return choice
    return None


# Words after a population ("care leavers") that narrow it to another indicator ("... in higher education");
# not a time ("in the quarter") or a place ("in Leeds").
_QUALIFIED = re.compile(
    r"\s+(?:who\b|aged\b|with\b|placed\b|living\b|receiving\b|accessing\b|subject\s+to\b|"
    r"in\s+(?!the\s+(?:quarter|year|month|period)\b|this\b|that\b|our\b|[A-Z])[a-z])[^,;:()\n]{0,60}?"
    r"(?=\s*(?:,|\bwhich\b|\bwas\b|\bwere\b|\bis\b|\bare\b|\bstood\b|\(|:|$))"
)

# What a population did: "... were seen within 10 working days", "... had a review in time".
_PREDICATE = re.compile(
    r"\s+(?:were|was|had|have|are|is)\s+(?P<what>(?!not\b)[a-z][^,;:.()\n]{2,60}?)(?=\s*(?:[,;:.()]|$))"
)

_MEASURE_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:average\s+)?number|percentage|proportion|rate|%)\s+of\s+", re.I
)

_NEW = re.compile(
    r"(?:^|\b)(?:the\s+)?(?:percentage|proportion|number|rate)\s+of\s+(?P<np>[A-Za-z][A-Za-z' -]{3,80}?)"
    r"\s+(?:was|were|is|are|stood\s+at|remained\s+at|reached|rose\s+to|fell\s+to|increased\s+to|"
    r"reduced\s+to|decreased\s+to)\s*$",
    re.I,
)


def _new_indicator(text: str, clause_start: int, fig: _Figure) -> tuple[str, str] | None:
    """An indicator the scheme does not know, named plainly: "the percentage of X was N%"."""
    m = _NEW.search(text[clause_start : fig.start])
    if not m:
        return None
    phrase = " ".join(m.group("np").split())
    if _NUMBER.search(phrase) or len(phrase.split()) > 10:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")
    return f"new:{slug}", phrase[0].upper() + phrase[1:]


# ---- what a figure measures ----------------------------------------------------------------------------


def _comparators_before(left: str) -> list[str]:
    """Area codes of comparators ending `left`, walking back over fillers ("national, regional and
    statistical neighbour averages (")."""
    areas: list[str] = []
    rest = left.rstrip()
    comparator = _re("comparator")
    filler = _re("filler")
    while rest:
        tail = None
        for pattern, kind in ((comparator, "c"), (filler, "f")):
            best = None
            for m in pattern.finditer(rest):
                if m.end() == len(rest) and (best is None or m.start() < best.start()):
                    best = m
            if best:
                tail = (best, kind)
                break
        if tail is None:
            break
        m, kind = tail
        if kind == "c":
            areas.append(_area(m.group(0)))
        rest = rest[: m.start()].rstrip()
    return list(dict.fromkeys(reversed(areas)))


@cache
def _area_of() -> dict[str, str]:
    return {" ".join(p.lower().split()): code for code, ps in _cues()["comparators"].items() for p in ps}


def _area(phrase: str) -> str:
    return _area_of().get(" ".join(phrase.lower().split()), "england")


def _classify(text: str, fig: _Figure, left_start: int, clause_end: int) -> tuple[str, list[str]] | None:
    """(measure, areas) for a figure from the words around it; None for a change ("a reduction of 8.3%")."""
    left = text[left_start : fig.start]
    right = text[fig.end : clause_end]
    if _re("change_before").search(left) or _re("change_after").match(right):
        return None
    if _re("target_before").search(left) or _re("target_after").match(right):
        return "target", ["council"]
    if areas := _comparators_before(left):
        return "benchmark", areas
    if areas := _comparator_subject(left):
        return "benchmark", areas
    if m := _re("comparator_after").match(right):
        return "benchmark", [_area(_re("comparator").search(m.group(0)).group(0))]  # type: ignore[union-attr]
    if _previous_cue(left) or _PERIOD_BRACKET.search(left):
        return "previous", ["council"]
    return "actual", ["council"]


def _consumed(text: str, fig: _Figure, clause_end: int) -> int:
    """Where the words that belong to a figure end: "23% nationally", "95% target"."""
    right = text[fig.end : clause_end]
    m = _re("comparator_after").match(right) or _re("target_after").match(right)
    return fig.end + m.end() if m else fig.end


# "(Q2: 21.3%)", "(2022/23 - 18%)": a figure in brackets after a period's name.
_PERIOD_BRACKET = re.compile(
    r"\(\s*(?:q[1-4]|qtr\.?\s*[1-4]|quarter\s+(?:[1-4]|one|two|three|four)|(?:19|20)\d\d\s*[/\-–]\s*\d\d)"
    r"(?:\s+(?:19|20)\d\d\s*[/\-–]\s*\d\d)?\s*[:=\-–]?\s*$",
    re.I,
)


def _comparator_subject(left: str) -> list[str]:
    """ "The national, regional and statistical neighbour averages for <indicator> were all 88%": the
    comparators are the subject of the clause the figure ends."""
    m = _re("comparator_subject").search(left[-200:])
    if not m:
        return []
    return list(dict.fromkeys(_area(c.group(0)) for c in _re("comparator").finditer(m.group("list"))))


def _previous_cue(left: str) -> bool:
    """A previous-value cue, followed only by period words and brackets, ends `left`."""
    matches = list(_re("previous").finditer(left))
    if not matches:
        return False
    tail = left[matches[-1].end() :]
    tail = _PERIOD_WORD.sub(" ", tail)
    return bool(re.fullmatch(r"[\s(:,]*(?:(?:in|at|of|for|the|end|during|as)\s*[\s(:,]*)*", tail, re.I))


def _previous_period(
    text: str, fig: _Figure, left_start: int, clause_end: int, doc_period: str | None
) -> str | None:
    """The period a previous value belongs to: named near it, or relative to the document's period."""
    left = text[max(left_start, fig.start - 60) : fig.start]
    right = text[fig.end : min(clause_end, fig.end + 40)]
    year, quarter = periods.parts(doc_period)
    rel = _cues().get("relative_periods", {})
    for phrase, kind in sorted(rel.items(), key=lambda kv: -len(kv[0])):
        if re.search(_phrase_re([phrase]), left + " " + right, re.I):
            if kind == "previous-quarter":
                return periods.shift(doc_period, quarters=-1)
            if kind == "same-quarter-last-year":
                return periods.shift(doc_period, years=-1)
            if kind == "previous-year":
                return periods.make_label(year - 1, None) if year else None
    near = _NEAR_PERIOD.match(right)
    for chunk in ([near.group("p")] if near else []) + [left]:
        if label := _period_in(chunk, doc_period):
            return label
    return None


_NEAR_PERIOD = re.compile(
    r"^\s*\)?\s*(?:in|at|for|during|as\s+at)\s+(?:the\s+)?(?:end\s+of\s+)?(?P<p>[^,.;()]{1,30})", re.I
)
_FY_RE = re.compile(r"\b((?:19|20)\d\d)\s*[/\-–]\s*(\d\d)\b")
_Q_RE = re.compile(r"\b(?:q|qtr|quarter)\.?\s*([1-4]|one|two|three|four)\b", re.I)


def _period_in(chunk: str, doc_period: str | None) -> str | None:
    """A period named in `chunk` ("Qtr 1", "2016/17", "Q4 2022/23", "the same point in 2016/17"), with a bare
    quarter placed in the document's year, or the year before when it is later than the document's quarter."""
    year, quarter = periods.parts(doc_period)
    if found := periods.find_period(chunk):
        return found[0]
    fy, q = _FY_RE.search(chunk), _Q_RE.search(chunk)
    if fy:
        start = int(fy.group(1))
        if int(fy.group(2)) != (start + 1) % 100:
            return None  # a plan's years, "2017/21"
        same_point = re.search(r"same\s+(?:point|time|period|quarter)", chunk, re.I)
        return periods.make_label(start, quarter if same_point else None)
    if q:
        number = {"one": 1, "two": 2, "three": 3, "four": 4}.get(q.group(1).lower()) or int(q.group(1))
        if year is not None and quarter is not None and number > quarter:
            year -= 1  # "Q4" in a Q1 report is last year's
        return periods.make_label(year, number)
    return None


def _calendar_year(text: str, fig: _Figure, left_start: int, clause_end: int) -> int | None:
    """A calendar year named right after a figure ("in 2021") or opening its clause ("In 2021, ...")."""
    year = r"((?:19|20)\d\d)(?![\d/\-–])"
    after = re.match(rf"^\s*(?:in|during|for)\s+{year}", text[fig.end : min(clause_end, fig.end + 20)], re.I)
    before = re.search(rf"(?:^|\b)(?:in|during)\s+{year}[\s,]*$", text[left_start : fig.start], re.I)
    found = after or before
    return int(found.group(1)) if found else None


def _explicit_period(
    text: str, fig: _Figure, left_start: int, clause_end: int, doc_period: str | None
) -> str | None:
    """A period named right before a level ("In 2022/23, 87% ...") or right after it ("18% in Q4")."""
    near = _NEAR_PERIOD.match(text[fig.end : min(clause_end, fig.end + 40)])
    for chunk in ([near.group("p")] if near else []) + [text[max(left_start, fig.start - 60) : fig.start]]:
        if label := _period_in(chunk, doc_period):
            return label
    return None


# What may follow a count read after "<indicator> was": the end of the statement or a comparison.
_COUNT_END = re.compile(
    r"^\s*(?:[.,;)(]|$|\s+(?:and|which|in|at|for|this|per|against|compared|versus|vs|with|above|below|than|"
    r"from|to|up|down)\b)"
)


# ---- counts: only when tied to an indicator ------------------------------------------------------------


def _count_ok(text: str, fig: _Figure, clause_start: int, mentions: list[_Mention]) -> bool:
    """A bare number is a count only right before its indicator ("133 re-referrals") or right after
    "<indicator> was" ("the number of looked after children was 850")."""
    after = fig.end_of_ratio or fig.end
    right = text[after : after + 30]
    if any(
        m.start >= after and re.fullmatch(r"\s*(?:new\s+|additional\s+)?", text[after : m.start])
        for m in mentions
    ):
        return True
    return any(
        m.end <= fig.start
        and _re("copula_before").search(text[m.end : fig.start])
        and re.fullmatch(r"[\w\s,'():=-]{0,40}", text[m.end : fig.start])
        for m in mentions
        if m.end > clause_start
    ) and bool(_COUNT_END.match(right))


# ---- directions for figure-less statements -------------------------------------------------------------


@cache
def _direction_res() -> tuple[
    list[tuple[re.Pattern[str], str]],
    list[tuple[re.Pattern[str], str]],
    list[tuple[re.Pattern[str], str]],
    re.Pattern[str],
]:
    d = _dirs()

    def compile_map(section: str) -> list[tuple[re.Pattern[str], str]]:
        return [(re.compile(_phrase_re(ps), re.I), name) for name, ps in d.get(section, {}).items()]

    blocked = re.compile(rf"{_phrase_re(d.get('blocked_before', []))}\s*$", re.I)
    return compile_map("after"), compile_map("before"), compile_map("standing"), blocked


def _direction_after(segment: str) -> tuple[str, int] | None:
    after, _, standing, blocked = _direction_res()
    best: tuple[int, int, str] | None = None  # (start, -length, name)
    for pattern, name in after:
        for m in pattern.finditer(segment):
            if blocked.search(segment[: m.start()]):
                continue
            cand = (m.start(), -(m.end() - m.start()), name)
            best = cand if best is None or cand < best else best
    for pattern, name in standing:
        for m in pattern.finditer(segment):
            cand = (m.start(), -(m.end() - m.start()), name)
            best = cand if best is None or cand < best else best
    return (best[2], best[0]) if best else None


def _direction_before(segment: str) -> str | None:
    """ "an increase in the number of ...", "an improvement had been seen in ...": a noun, "in", near."""
    _, before, _, _ = _direction_res()
    for pattern, name in before:
        for m in pattern.finditer(segment):
            between = segment[m.end() :]
            if (
                len(between.split()) <= 8
                and re.search(r"(?<![\w])in(?![\w])", between)
                and "," not in between
            ):
                return name
    return None


# ---- the sentence reader -------------------------------------------------------------------------------


def _excluded(doc_cells: tuple[TableCell, ...], sections: tuple, start: int, end: int) -> bool:
    """Text inside a table is read from its cells, not as sentences."""
    if any(c.span.start < end and start < c.span.end for c in doc_cells):
        return True
    return any(s.kind == "table" and s.start < end and start < s.end for s in sections)


_LIST_MARKER = re.compile(
    r"[ \t]*(?:[•·▪◦*\-–]\s|\(?\d{1,2}(?:\.\d{1,2})?[.)]\s|\(?[a-z][.)]\s|\(?[ivx]{1,4}\)\s|"
    r"\d{1,2}\.\d{1,2}\s+(?=[A-Z]))"
)


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentences, also split where a new line starts a list item, after a blank line, or at a tabbed line:
    bullet lists and scorecards often have no full stops."""
    out: list[tuple[int, int]] = []
    for s in parse(text).sents:
        a, b = s.start_char, s.end_char
        cuts = [a]
        for m in re.finditer(r"\n", text[a:b]):
            pos = a + m.start()
            nl = text.find("\n", pos + 1, b)
            line_after = text[pos + 1 : nl if nl != -1 else b]
            line_before = text[text.rfind("\n", a, pos) + 1 : pos]
            if (
                _LIST_MARKER.match(line_after)
                or not line_after.strip()
                or not line_before.strip()
                or "\t" in line_after
                or "\t" in line_before
            ):
                cuts.append(pos)
        cuts.append(b)
        for c1, c2 in zip(cuts, cuts[1:], strict=False):
            while c1 < c2 and text[c1].isspace():
                c1 += 1
            if (marker := _LIST_MARKER.match(text, c1, c2)) and marker.end() < c2:
                c1 = marker.end()  # the quote is the statement, not its bullet or paragraph number
            while c2 > c1 and text[c2 - 1].isspace():
                c2 -= 1
            if c2 > c1:
                out.append((c1, c2))
    return out


@cache
def _rag_re() -> re.Pattern[str]:
    lead = _phrase_re(_cues()["rag"]["before"])
    colour = r"(red|amber|green)"
    return re.compile(rf"(?:{lead})\s*[:\-–]?\s*{colour}\b|[(\[]\s*{colour}\s*[)\]]", re.I)


def _stated_rag(text: str, start: int, end: int) -> str | None:
    """A RAG status written after a figure: "RAG: Amber", "rated red", "(Green)"."""
    m = _rag_re().search(text, start, end)
    if not m:
        return None
    return _cues()["rag"]["colours"][(m.group(1) or m.group(2)).lower()]


def _rate_context(text: str, fig: _Figure, clause_start: int, mentions: list[_Mention]) -> bool:
    """ "Children looked after per 10,000: 92.1": the rate is named between the indicator and the number."""
    before = [m for m in mentions if clause_start <= m.start and m.end <= fig.start]
    if not before:
        return False
    between = text[before[-1].end : fig.start]
    rate = _alt(_cues()["rate_after"])
    return bool(
        re.fullmatch(
            rf"\s*(?:rate\s+)?(?:{rate})(?:\s+(?:children|population|pupils|young\s+people))?"
            rf"(?:\s+aged\s+under\s+18)?\s*(?:[:=]|was|is|were|of|at|stood\s+at)?\s*",
            between,
            re.I,
        )
    )


def _bare_blocked(text: str, fig: _Figure, clause_start: int) -> bool:
    """A bare number that is a year, an age, a threshold, a page, a phone number or a list number."""
    raw = text[fig.start : fig.end]
    if _YEARLIKE.match(raw) or raw.startswith("0"):
        return True
    left = text[max(clause_start, fig.start - 40) : fig.start]
    right = text[fig.end : fig.end + 30]
    if not text[clause_start : fig.start].strip() and (re.match(r"^[.)]\s", right) or "." in raw):
        return True  # a paragraph number: "7. The Qtr 2 figure ...", "1.3 Re-referrals ..."
    return bool(_re("threshold_before").search(left) or _re("threshold_after").match(right))


def _pair_denominators(text: str, figures: list[_Figure]) -> list[_Figure]:
    """ "2320 of 3007": the first is a count out of the second, which is not a figure of its own."""
    out: list[_Figure] = []
    skip: set[int] = set()
    for i, f in enumerate(figures):
        if i in skip:
            continue
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if (
            f.unit == "count"
            and nxt is not None
            and nxt.unit == "count"
            and re.fullmatch(r"\s*(?:out\s+)?of\s+(?:a\s+total\s+of\s+)?", text[f.end : nxt.start])
        ):
            out.append(replace(f, denominator=nxt.value, end_of_ratio=nxt.end))
            skip.add(i + 1)
        else:
            out.append(f)
    return out


def _clause_carries(text: str, clause: tuple[int, int]) -> bool:
    """A clause that goes on about the indicator before it: "This is ...", "while our performance was ..."."""
    body = _re("clause_opener").sub("", text[clause[0] : clause[1]], count=1)
    return bool(_re("carry").match(body))


def _read_text(x: Extraction, doc_period: str | None, notes: list[str]) -> list[_Found]:
    text = x.doc.text
    all_mentions = _mentions(text)
    starts = [m.start for m in all_mentions]  # sorted: mentions come in text order
    found: list[_Found] = []
    topic: str | None = None
    for s_start, s_end in _segments(text):
        sentence = text[s_start:s_end]
        if "\n\n" in text[max(0, s_start - 4) : s_start] or not re.search(r"[a-z]{3}", sentence):
            topic = None  # a blank line, a heading or a paragraph number starts a new subject
        if _excluded(x.doc.cells, x.doc.sections, s_start, s_end):
            continue
        mentions = all_mentions[bisect_left(starts, s_start) : bisect_left(starts, s_end)]
        numbers = _numbers(text, s_start, s_end)
        figures = _pair_denominators(
            text, [f for f in numbers if not any(m.start <= f.start < m.end for m in mentions)]
        )
        if sentence.count("\t") >= 2 and len(figures) >= 2:
            notes.append(f"figures: a table row in the text is left to the table reader: {sentence[:60]!r}")
            continue
        subset = bool(_re("subset").match(sentence))
        clauses = _clauses(text, s_start, s_end)
        in_sentence: set[str] = set()
        last: tuple[str, str] | None = None  # (concept, unit) of the last figure read in this sentence
        prev_end = s_start
        for i, fig in enumerate(figures):
            clause = next(((a, b) for a, b in clauses if a <= fig.start < b), (s_start, s_end))
            left_start = max(clause[0], prev_end)
            next_start = figures[i + 1].start if i + 1 < len(figures) else s_end
            kind = _classify(text, fig, left_start, min(clause[1], next_start))
            prev_end = max(fig.end_of_ratio or fig.end, _consumed(text, fig, min(clause[1], next_start)))
            unit = fig.unit
            if unit == "count":
                if _bare_blocked(text, fig, clause[0]):
                    continue
                if _rate_context(text, fig, clause[0], mentions):
                    unit = "rate"
                elif kind and kind[0] != "actual" and last and last[1] in ("count", "rate", "other"):
                    unit = last[1]  # "92.1 (North East average 110, England 70)"
                elif not _count_ok(text, fig, clause[0], mentions):
                    continue
            if kind is None:
                notes.append(f"figures: change left out: {text[fig.start : fig.end]!r} in {sentence[:80]!r}")
                continue
            if subset:
                notes.append(f"figures: part of a population left out: {text[fig.start : fig.end]!r}")
                continue
            measure, areas = kind
            owner = _owner(text, fig, clause, mentions, next_start)
            concept, label, confidence = None, "", 1.0
            carries = _clause_carries(text, clause)
            predicate = _PREDICATE.match(text, owner.end) if owner is not None and owner.generic else None
            if owner is not None and predicate and fig.unit == "percent" and owner.start >= fig.end:
                # "92% of children subject to a plan were seen within 10 working days": the indicator is what
                # the population did, which the scheme does not know
                phrase = f"{text[owner.start : owner.end]} {predicate.group('what')}"
                phrase = _MEASURE_WORDS.sub("", " ".join(phrase.split()))
                concept = "new:" + re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")[:80].strip("-")
                label, confidence = phrase[0].upper() + phrase[1:], 0.6
            elif owner is not None and owner.generic and (q := _QUALIFIED.match(text, owner.end)):
                # "care leavers in higher education, which was 14": not all care leavers - a narrower
                # indicator the scheme does not know
                phrase = " ".join(text[owner.start : q.end()].split())
                phrase = _MEASURE_WORDS.sub("", phrase)
                concept = "new:" + re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")
                label, confidence = phrase[0].upper() + phrase[1:], 0.6
            elif owner is not None:
                concept, label = owner.concept, _label(owner.concept, text[owner.start : owner.end])
            elif last and (measure != "actual" or carries):
                concept, label = last[0], _label(last[0], last[0])
            elif topic and (measure != "actual" or carries):
                concept, label = topic, _label(topic, topic)
                confidence = 0.9
            elif new := _new_indicator(text, clause[0], fig):
                concept, label = new
                confidence = 0.6
            if concept is None:
                notes.append(f"figures: no indicator for {text[fig.start : fig.end]!r} in {sentence[:80]!r}")
                continue
            if unit == "count" and indicators.unit(concept) == "other":
                unit = "other"  # a bare number for a score or a number of days
            if unit == "currency" and not (indicators.concept(concept) or {}).get("budget"):
                notes.append(
                    f"figures: money outside a budget indicator left out: {text[fig.start : fig.end]!r}"
                )
                continue
            period = None
            if measure == "previous":
                period = _previous_period(text, fig, left_start, clause[1], doc_period)
                if period is not None and period == doc_period:
                    measure, period = "actual", None  # "(Q2: 21.3%)" in a Q2 report is this period's value
            elif (
                named := _explicit_period(text, fig, left_start, clause[1], doc_period)
            ) and named != doc_period:
                period = named  # "In 2022/23, 87% ..." in a 2023/24 report: that year's figure
                if (
                    measure == "actual"
                    and doc_period
                    and periods.sort_key(named) < periods.sort_key(doc_period)
                ):
                    measure = "previous"
            elif measure == "actual" and (year := _calendar_year(text, fig, left_start, clause[1])):
                doc_year = periods.parts(doc_period)[0]
                if doc_year is not None and year < doc_year:
                    # "16.2 per 1,000 in 2021" in a 2023/24 report: an earlier calendar year's figure
                    measure, confidence = "previous", min(confidence, 0.7)
            if measure == "actual" and re.search(
                r"\bmonthly\b|\bfor\s+(?:january|february|march|april|may|june|"
                r"july|august|september|october|november|december)\b",
                text[clause[0] : fig.start],
                re.I,
            ):
                confidence = min(confidence, 0.6)  # a month's figure inside a quarter's report
            # a stated RAG may follow the target ("91% (target 95%) - RAG: Amber"), not another indicator
            rag_end = min([m.start for m in mentions if m.start >= fig.end] + [clause[1]])
            rag = _stated_rag(text, fig.end, rag_end) if measure == "actual" else None
            for area in areas:
                found.append(
                    _Found(
                        concept,
                        label,
                        s_start,
                        s_end,
                        fig.value,
                        unit,
                        measure,
                        area,
                        period,
                        rag=rag,
                        denominator=fig.denominator,
                        confidence=confidence,
                    )
                )
            in_sentence.add(concept)
            last = (concept, unit)
            if measure == "actual":
                topic = concept
        found += _directions(text, s_start, s_end, mentions, in_sentence)
        if not in_sentence:
            specific = [m for m in mentions if not m.generic]
            if specific:
                topic = specific[-1].concept
    return found


@cache
def _asked_re() -> re.Pattern[str]:
    question = _phrase_re(_dirs().get("question_before", []))
    return re.compile(rf"{question}\s*(?:the\s+)?(?:number\s+of\s+)?$", re.I)


def _directions(
    text: str, s_start: int, s_end: int, mentions: list[_Mention], with_figures: set[str]
) -> list[_Found]:
    """Value-less observations: an indicator with a direction or standing word and no figure here."""
    out: list[_Found] = []
    seen: set[str] = set()
    clauses = _clauses(text, s_start, s_end)
    for clause_start, clause_end in clauses:
        inside = [m for m in mentions if clause_start <= m.start < clause_end]
        used_until = clause_start
        asked = _asked_re()
        for i, m in enumerate(inside):
            if m.concept in with_figures or m.concept in seen:
                continue
            if asked.search(text[max(clause_start, m.start - 30) : m.start]):
                continue  # "whether placement moves had reduced" is a question
            seg_end = inside[i + 1].start if i + 1 < len(inside) else clause_end
            direction = None
            if hit := _direction_after(text[m.end : seg_end]):
                direction = hit[0]
                used_until = m.end + hit[1] + 1
            elif used_until <= m.start and (
                name := _direction_before(text[max(used_until, clause_start) : m.start])
            ):
                direction = name
            if direction:
                seen.add(m.concept)
                out.append(
                    _Found(
                        m.concept,
                        _label(m.concept, text[m.start : m.end]),
                        s_start,
                        s_end,
                        None,
                        "other",
                        "actual",
                        direction=direction,
                        confidence=0.8,
                    )
                )
    return out


# ---- table cells ---------------------------------------------------------------------------------------

_HEADER_ACTUAL = re.compile(
    r"\b(?:actual|current|value|performance|outturn|latest|this\s+quarter|result|ytd|"
    r"year\s+to\s+date|figure)\b",
    re.I,
)
_HEADER_PREVIOUS = re.compile(r"\b(?:previous|last\s+(?:quarter|year|period)|prior|baseline)\b", re.I)
_HEADER_RAG = re.compile(r"\b(?:rag|status|rating)\b", re.I)
_HEADER_DIRECTION = re.compile(r"\b(?:dot|direction(?:\s+of\s+travel)?|trend|travel)\b", re.I)
_CELL_NUMBER = re.compile(
    r"^\s*(?P<cur>£)?\s*(?P<n>-?\d{1,3}(?:,\d{3})+|-?\d+)(?P<f>\.\d+)?\s*(?P<u>%|per\s*cent)?\s*$", re.I
)
_ARROWS = {
    "↑": "increased",
    "⬆": "increased",
    "▲": "increased",
    "↓": "reduced",
    "⬇": "reduced",
    "▼": "reduced",
    "→": "plateaued",
    "↔": "plateaued",
    "⬌": "plateaued",
    "=": "plateaued",
}


def _cell_direction(cell_text: str) -> str | None:
    t = cell_text.strip()
    if t in _ARROWS:
        return _ARROWS[t]
    hit = _direction_after(t)
    if hit:
        return hit[0]
    return {
        "better": "improved",
        "worse": "deteriorated",
        "same": "plateaued",
        "up": "increased",
        "down": "reduced",
    }.get(t.lower())


def _column(header: str, doc_period: str | None) -> tuple[str, str, str | None] | None:
    """(measure, area, period) a column header stands for; None when it is not a figure column."""
    if _HEADER_RAG.search(header) or _HEADER_DIRECTION.search(header):
        return None
    if re.search(_phrase_re(_cues()["target"]), header, re.I):
        return "target", "council", None
    if m := _re("comparator").search(header):
        return "benchmark", _area(m.group(0)), None
    label = periods.normalise_period(header) if re.search(r"\d|q(?:tr|uarter)", header, re.I) else None
    if _HEADER_PREVIOUS.search(header):
        return "previous", "council", label
    if label:
        if doc_period and label != doc_period and periods.sort_key(label) < periods.sort_key(doc_period):
            return "previous", "council", label
        return "actual", "council", None if label == doc_period else label
    if _HEADER_ACTUAL.search(header):
        return "actual", "council", None
    return None


def _row_extent(text: str, row: list[TableCell], cell: TableCell) -> tuple[int, int]:
    """The quote for a cell's figure: its table row as the rendition has it (header, value, target ...),
    or the cell alone where the row is not one stretch of text."""
    first, last = min(c.span.start for c in row), max(c.span.end for c in row)
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", last)
    end = len(text) if end == -1 else end
    if end - start > 600 or "\n\n" in text[start:end]:
        return cell.span.start, cell.span.end
    return start, end


def _text_cells(doc: SourceDoc) -> tuple[TableCell, ...]:
    """Tab-separated tables in a text rendition that no reader turned into cells: a block of two or more
    lines with two or more tabs each; the first line is the header row, a row's first field its header."""
    text = doc.text
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    blocks: list[list[tuple[int, str]]] = []
    for start, line in lines:
        if line.count("\t") >= 2:
            if blocks and blocks[-1][-1][0] + len(blocks[-1][-1][1]) + 1 == start:
                blocks[-1].append((start, line))
            else:
                blocks.append([(start, line)])
    out: list[TableCell] = []
    for b, block in enumerate(blocks):
        first, last = block[0][0], block[-1][0] + len(block[-1][1])
        if len(block) < 2 or _excluded(doc.cells, doc.sections, first, last):
            continue
        header = block[0][1].split("\t")
        if any(_CELL_NUMBER.match(h) for h in header[1:]):
            continue  # no header row: columns cannot be read
        for r, (start, line) in enumerate(block[1:], start=1):
            offset = start
            fields = line.split("\t")
            for j, value in enumerate(fields):
                if j and j < len(header) and value.strip():
                    lead = len(value) - len(value.lstrip())
                    span = Span.of(text, offset + lead, offset + len(value.rstrip()))
                    out.append(TableCell(span, fields[0].strip(), header[j].strip(), 10_000 * (b + 1) + r, j))
                offset += len(value) + 1
    return tuple(out)


def _read_cells(x: Extraction, doc_period: str | None, notes: list[str]) -> list[_Found]:
    out: list[_Found] = []
    rows: dict[tuple[int, str], list[TableCell]] = {}
    for cell in x.doc.cells + _text_cells(x.doc):
        rows.setdefault((cell.row, cell.row_header), []).append(cell)
    for (_, row_header), cells in rows.items():
        if not row_header.strip():
            continue
        concept = indicators.match(row_header)
        label = _label(concept, row_header) if concept else row_header.strip()
        numeric = [c for c in cells if _CELL_NUMBER.match(c.span.quote)]
        if not numeric:
            continue
        if concept is None:
            # "Percentage of X (%)" names X; the measure words and the unit stay out of the label
            label = _MEASURE_WORDS.sub("", " ".join(row_header.split()))
            label = re.sub(r"\s*\((?:%|no\.?|number|rate)\)\s*$", "", label, flags=re.I)
            slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60].strip("-")
            if not re.search(r"[a-z]{3}", slug):
                continue
            concept, label = f"new:{slug}", label[0].upper() + label[1:]
            notes.append(f"figures: indicator not in the scheme, flagged for review: {label!r}")
        percent_row = bool(re.search(r"%|percent|percentage|proportion", row_header, re.I))
        rate_row = bool(re.search(r"per\s+10,?000|per\s+1,?000|per\s+100,?000|\brate\b", row_header, re.I))
        rag = next(
            (
                m.group(0).lower()
                for c in cells
                if _HEADER_RAG.search(c.column_header)
                and (m := re.fullmatch(r"\s*(red|amber|green)\s*", c.span.quote, re.I))
            ),
            None,
        )
        rag = rag.strip() if rag else None
        direction = next(
            (
                d
                for c in cells
                if _HEADER_DIRECTION.search(c.column_header) and (d := _cell_direction(c.span.quote))
            ),
            None,
        )
        columns = [(c, col) for c in numeric if (col := _column(c.column_header, doc_period)) is not None]
        actual_periods = {col[2] for _, col in columns if col[0] == "actual"}
        # targets and benchmarks in a row are for the period of the row's one actual column
        row_period = actual_periods.pop() if len(actual_periods) == 1 else None
        for c, (measure, area, period) in columns:
            if measure in ("target", "benchmark") and period is None:
                period = row_period
            m = _CELL_NUMBER.match(c.span.quote)
            assert m is not None
            value = _decimal(m.group("n"), m.group("f"))
            if value is None:
                continue
            if m.group("cur"):
                if not (indicators.concept(concept) or {}).get("budget"):
                    continue
                unit = "currency"
            elif m.group("u") or percent_row:
                unit = "percent"
            elif rate_row:
                unit = "rate"
            elif re.search(r"\b(?:days|weeks|months)\b", row_header, re.I):
                unit = "other"  # a duration: "average number of days between ..."
            else:
                unit = "count" if re.search(r"\bnumber\b|\bno\.", row_header, re.I) else "other"
            is_actual = measure == "actual" and period == row_period
            out.append(
                _Found(
                    concept,
                    label,
                    *_row_extent(x.doc.text, cells, c),
                    value,
                    unit,
                    measure,
                    area,
                    period,
                    direction=direction if is_actual else None,
                    rag=rag if is_actual else None,
                )
            )
    return out


# ---- after reading: RAG, direction, duplicates ---------------------------------------------------------


def _derive(found: list[_Found]) -> None:
    """RAG from value against target (with polarity) and direction from the previous value, in place."""
    for f in found:
        if f.measure != "actual" or f.value is None:
            continue
        pol = indicators.polarity(f.indicator)
        target = next(
            (
                t
                for t in found
                if t.indicator == f.indicator
                and t.measure == "target"
                and t.value is not None
                and t.unit == f.unit
                and t.period == f.period
            ),
            None,
        )
        if f.rag is None and target is not None and pol in ("higher", "lower"):
            assert target.value is not None
            good = f.value >= target.value if pol == "higher" else f.value <= target.value
            f.rag = "green" if good else "red"
        prev = next(
            (
                p
                for p in found
                if p.indicator == f.indicator
                and p.measure == "previous"
                and p.value is not None
                and p.unit == f.unit
                and (p.period is None or p.period != f.period)
            ),
            None,
        )
        if f.direction is None and prev is not None:
            assert prev.value is not None
            if f.value == prev.value:
                f.direction = "plateaued"
            elif pol in ("higher", "lower"):
                f.direction = "improved" if (f.value > prev.value) == (pol == "higher") else "deteriorated"
            else:
                f.direction = "increased" if f.value > prev.value else "reduced"


def _facts(text: str, found: list[_Found]) -> tuple[ObservationFact, ...]:
    out: list[ObservationFact] = []
    seen: set[tuple] = set()
    for f in found:
        key = (
            f.indicator,
            f.measure,
            f.area,
            f.value,
            f.unit,
            f.period,
            f.start if f.value is None else None,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(
            ObservationFact(
                key=f"obs{len(out) + 1}",
                indicator=f.indicator,
                indicator_label=f.label,
                span=Span.of(text, f.start, f.end),
                value=f.value,
                unit=f.unit,
                measure=f.measure,
                area=f.area,
                period=f.period,  # type: ignore[arg-type]
                direction=f.direction,
                rag=f.rag,
                denominator=f.denominator,
                confidence=f.confidence,
            )
        )
    return tuple(out)


def extract(x: Extraction) -> Extraction:
    doc_period = x.period or x.doc.meta.period
    notes: list[str] = []
    found = _read_cells(x, doc_period, notes) + _read_text(x, doc_period, notes)
    _derive(found)
    return replace(x, observations=x.observations + _facts(x.doc.text, found), notes=x.notes + tuple(notes))

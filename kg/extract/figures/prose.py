"""Figures stated in sentences: every number with a unit or a level frame, its role, period, and the
indicator phrase its clause names (or the one the sentence before named, for "This compares with ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from kg import periods
from kg.extract.figures import frames, phrases
from kg.extract.figures.numbers import Number, not_a_figure, numbers, shapes
from kg.extract.figures.vocab import alternation, anywhere, ending, words
from kg.extract.regex import grouped
from kg.text import TextView


@dataclass
class Found:
    """A figure before linking: value, what it is, and the words that name its indicator."""

    phrase: str
    start: int  # the quote: its sentence (or table row)
    end: int
    value: Decimal | None
    unit: str
    measure: str
    area: str = "council"
    period: str | None = None
    unit_words: str = ""
    rate_base: int | None = None
    direction: str | None = None
    rag: str | None = None
    denominator: Decimal | None = None
    notation: str = ""
    confidence: float = 1.0
    soft: bool = False  # a count inside "x of y" or a population: kept out unless asked for
    topic: str = ""  # the run-in heading of the paragraph ("4.2 Rent arrears. 310 of 4,120 tenants ...")


# "Of the tenants who are in arrears, 64% are ...": the figures after it describe a part of a population.
_SUBSET = re.compile(r"\s*of\s+(?:the|those|these)\s+[^,\d]{0,80}?\b(?:who|that|which|whom)\b[^,\d]*,", re.I)

_RATE_IN_NAME = re.compile(r"\bper\s+(1,000|10,000|100,000|1000|10000|100000)\b(?:\s+[a-z]+)?", re.I)

# A figure for one month ("the monthly rate for September", "in November alone") is less certain as the
# period's own value: it is kept, with lower confidence, so the period's figure wins where both are stated.
_MONTHLY = re.compile(r"\bmonthly\b|\b(?:for|in|during)\s+(?:the\s+month\s+of\s+)?(?:january|february|march|"
                      r"april|may|june|july|august|september|october|november|december)\b"
                      r"(?!\s+(?:19|20)\d\d\s*[-–/])", re.I)

_DIGIT = re.compile(r"\d")

# A RAG key names its colours each followed by a dash, colon or equals sign and what the colour means.
_RAG_KEY = re.compile(r"\b(?:red|amber|green)\s*[-–:=]", re.I)

# A lower-case word right after a number that is not a preposition makes it part of a phrase ("at 3 sites").
_NOT_A_LINK = (r"\s+(?!(?:in|for|at|during|by|over|and|compared|against|from|this|last|the|a|an|which|as|"
               r"since|up|down|per|on)\b)[a-z]")


def _count_is_level(text: str, n: Number, lo: int, hi: int) -> bool:
    """A bare number is a level only in a level frame: after a linking verb ("rose to 17", "was 208",
    "stood at 2,446"), in brackets after its noun phrase ("Carers assessments (312)"), or before a noun
    that names what a service counts ("415 noise complaints", "23 appeals")."""
    r = _level_res()
    before = text[max(lo, n.start - 40) : n.start]
    after = text[n.end : min(hi, n.end + 40)]
    if r.open_bracket.search(before) and r.close_bracket.match(after) and r.named_bracket.search(before):
        return True
    if ending("copulas").search(before) and not r.of_number.match(after):
        return not r.not_a_link.match(after) or bool(r.count_noun.match(after))
    if r.passive.match(after):
        return True  # "215 tenants were rehoused", "74 families were in ..."
    if r.noun_after.match(after) and (
        r.there_were.search(before)
        or ending("done_verbs").search(before)
        or r.were_done.match(after)
    ):
        return True
    return ending("done_verbs").search(before) is not None and not r.word_after.match(after)


@dataclass(frozen=True)
class _LevelRes:
    open_bracket: re.Pattern[str]
    close_bracket: re.Pattern[str]
    named_bracket: re.Pattern[str]
    of_number: re.Pattern[str]
    not_a_link: re.Pattern[str]
    count_noun: re.Pattern[str]
    passive: re.Pattern[str]
    noun_after: re.Pattern[str]
    there_were: re.Pattern[str]
    were_done: re.Pattern[str]
    word_after: re.Pattern[str]


@cache
def _level_res() -> _LevelRes:
    """`_count_is_level`'s patterns, compiled once (the noun and verb lists make them long)."""
    nouns = _count_noun_re()
    return _LevelRes(
        open_bracket=re.compile(r"\(\s*$"),
        close_bracket=re.compile(r"\s*\)"),
        named_bracket=re.compile(r"[A-Za-z]\s*\(\s*$"),
        of_number=re.compile(r"\s*(?:of|out of)\s+\d"),
        not_a_link=re.compile(_NOT_A_LINK),
        count_noun=re.compile(r"\s+" + nouns, re.I),
        passive=re.compile(r"\s+(?:[a-z\-]+\s+){0,2}" + nouns + r"(?:\s+[a-z\-]+){0,3}\s+"
                           r"(?:were|was|had|have\s+been|had\s+been)\s+(?:\w+ed\b|in\b|on\b|living\b|waiting\b|"
                           r"receiving\b)", re.I),
        noun_after=re.compile(r"\s+(?:[a-z\-]+\s+){0,2}" + nouns + r"\b", re.I),
        there_were=re.compile(r"\b(?:there\s+(?:were|had\s+been|have\s+been)|a\s+total\s+of)\s*$", re.I),
        were_done=re.compile(r"\s+(?:[a-z\-]+\s+){0,3}(?:were|was|had\s+been|have\s+been)\s+"
                             + alternation(words()["done_verbs"]), re.I),
        word_after=re.compile(r"\s+[a-z]"),
    )


_NOUNS: list[str] = []


def _count_noun_re() -> str:
    if not _NOUNS:
        nouns = sorted(words()["count_nouns"], key=len, reverse=True)
        _NOUNS.append(grouped([re.escape(w) for w in nouns]))  # the plain alternation's matches, faster
    return _NOUNS[0]


_RAG_STATED = re.compile(r"\b(?:rated|rag(?:\s+rated|\s+status)?|status)\s*(?:as\s+|is\s+|was\s+|:)?\s*"
                         r"(red|amber|green)\b", re.I)
_OF_NUMBER = re.compile(r"\s+of\s+\d")


def _rag(text: str, lo: int, hi: int) -> str | None:
    colours = words()["rag"]["colours"]
    m = _RAG_STATED.search(text[lo:hi])
    return colours.get(m.group(1).lower()) if m else None


@cache
def _direction_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from kg.extract.nlp import vocabulary

    return tuple((direction, re.compile(r"\b" + grouped([re.escape(v) for v in verbs]) + r"\b"))
                 for direction, verbs in vocabulary("directions")["after"].items())


def _direction(text: str, lo: int, hi: int) -> str | None:
    clause = text[lo:hi].lower()
    for direction, pattern in _direction_res():
        if pattern.search(clause):
            return direction
    return None


def read_prose(tv: TextView, doc_period: str | None) -> tuple[list[Found], list[str]]:
    """Figures in the document's sentences (tables are the cells' job), with what was left out and why."""
    text = tv.text
    out: list[Found] = []
    notes: list[str] = []
    carry: tuple[str, int] | None = None  # (phrase, end of its sentence): "This compares with ..." reads it
    topic_item, topic = None, ""  # a paragraph's run-in heading and its list item
    all_shapes = shapes(text, 0, len(text))  # dates, years, references: found once for the document
    for i, s in enumerate(tv.sentences):
        if s.kind == "heading" or tv.in_table(s.start, s.end):
            continue
        if carry and (carry[1] < s.start and "\n\n" in text[carry[1] : s.start] and s.list_item is None):
            carry = None
        sentence_actual: str | None = None
        actual_unit: tuple | None = None
        if s.list_item is not None and s.list_item != topic_item:
            topic_item, topic = s.list_item, _run_in_topic(text, s)
            if topic:
                continue  # "4.2 Rent arrears." names what the paragraph's figures are about
        pending: list[tuple[Found, str | None]] = []  # comparisons, with the clause's figure before them
        if not _DIGIT.search(text, s.start, s.end):
            if carry:
                carry = (carry[0], s.end)  # a sentence without a number passes the paragraph's indicator on
            continue
        if len(_RAG_KEY.findall(text, s.start, s.end)) >= 2:
            continue  # "Green = at or above target, Amber = up to 3% below, Red = over 3% below": a key
        subset = _SUBSET.match(text, s.start, s.end)
        blocked = [b for b in all_shapes if b[0] < s.end and s.start < b[1]]
        for c in tv.clauses_of(i):
            clause_actual: str | None = None
            previous_end = c.start  # a figure's phrase never reaches back across another figure
            previous_phrase = ""
            clause_periods = None  # the clause's periods, read when its first figure needs them
            for n in numbers(text, c.start, c.end, blocked):
                if not_a_figure(text, n, s.start, s.end):
                    continue
                if subset and n.start >= subset.end():
                    notes.append(f"figure {n.value} at {n.start}: part of a population, not the indicator")
                    continue
                role = frames.role(text, n, c.start, c.end)
                if role.measure in ("change", "forecast"):
                    continue
                level = n.unit != "count" or _count_is_level(text, n, c.start, c.end)
                if not level and role.measure == "actual":
                    continue
                if not level:
                    # "against a target of 250" is a level; "3 of 12" is not
                    if _OF_NUMBER.match(text[n.end : c.end]):
                        continue
                # a target's or benchmark's own period lies between its cue and it ("the Wales average for
                # 2022/23 was 48.5%"), never before the cue, where the actual's period is named
                own_cue = role.cue_start is not None and role.measure != "previous"
                period_lo = role.cue_start if own_cue else c.start
                if clause_periods is None:
                    clause_periods = periods.mentions(text, c.start, c.end, doc_period)
                period, named = frames.period_of(text, n, period_lo, c.end, doc_period, clause_periods)
                measure = role.measure
                if measure == "actual" and named and periods.earlier(period, doc_period):
                    measure = "previous"
                if measure == "previous" and not named:
                    period = None  # "up from 12%": the period before, which only the context knows
                region = phrases.ratio(text, n.start, n.end, c.start, c.end) if n.unit == "percent" else (
                    n.start, n.end, None, None)
                lo = previous_end if previous_end <= region[0] else c.start
                hi = role.cue_start or c.end
                if measure == "actual":
                    own = phrases.phrase(text, region[0], region[1], lo, hi, region[3])
                elif role.cue_start is not None and role.cue_start < n.start:
                    if _DIGIT.search(text[min(lo, role.cue_start) : role.cue_start]):
                        own = ""  # "6.2 days ..., compared with 7.0": the comparison has no name of its own
                    else:
                        own = phrases.phrase(text, role.cue_start, n.end, min(lo, role.cue_start), c.end)
                else:
                    own = phrases.phrase(text, n.start, n.end, lo, hi)
                if measure == "actual" and not phrases.names_something(own) and previous_phrase:
                    own = previous_phrase  # "went from 31.0% to 35.5%": the pair shares its subject
                previous_end = max(previous_end, region[1])
                if role.named and phrases.names_something(role.named):
                    own = role.named
                if n.unit == "count" and (base := _RATE_IN_NAME.search(own)):
                    # "Children looked after per 10,000: 92.1": the name says the number is a rate
                    per = int(base.group(1).replace(",", ""))
                    n = replace(n, unit="rate", unit_words=base.group(0), rate_base=per)
                shared = _comparators_subject(own) if measure == "actual" else None
                if shared:
                    # "the national, regional and statistical neighbour averages for X were all 88%": one
                    # benchmark per comparator, all for X
                    codes, own = shared
                    for code in codes[1:]:
                        out.append(Found(phrase=own, start=s.start, end=s.end, value=n.value, unit=n.unit,
                                         measure="benchmark", area=code, period=period,
                                         unit_words=n.unit_words, rate_base=n.rate_base))
                    measure, role = "benchmark", frames.Role("benchmark", codes[0])
                monthly = bool(_MONTHLY.search(text, c.start, c.end))
                f = Found(
                    confidence=0.6 if monthly else 1.0,  # a month's figure is not the period's own
                    topic=topic if s.list_item is not None and s.list_item == topic_item else "",
                    phrase=own if phrases.names_something(own) else "",
                    start=s.start, end=s.end, value=n.value, unit=n.unit, measure=measure, area=role.area,
                    period=period if measure != "actual" or named else None,
                    unit_words=n.unit_words, rate_base=n.rate_base,
                    denominator=Decimal(region[2].replace(",", "")) if region[2] else None,
                )
                if shared and f.phrase:
                    sentence_actual = sentence_actual or f.phrase
                if measure == "actual":
                    # a level with no name of its own reads the one before only where the clause points back
                    # to it ("This compares with ...", "It rose to ..."); elsewhere it has no indicator
                    if not f.phrase and _points_back(text, c.start):
                        if sentence_actual:
                            f.phrase = sentence_actual  # "..., while our performance was 91%"
                        elif carry and s.start - carry[1] < 400:
                            f.phrase = carry[0]
                    if f.phrase and not (sentence_actual and anywhere("variant_openers").match(f.phrase)):
                        sentence_actual = f.phrase
                        actual_unit = (n.unit, n.unit_words, n.rate_base)
                        f.direction = _direction(text, c.start, c.end)
                        f.rag = _rag(text, s.start, s.end)
                out.append(f)
                previous_phrase = f.phrase or previous_phrase
                if measure != "actual":
                    pending.append((f, clause_actual))
                elif f.phrase:
                    clause_actual = f.phrase
            # a comparison belongs to its clause's figure, else to the sentence's figure so far
            for f, preceding in pending:
                if f.unit == "count" and actual_unit and actual_unit[0] != "count":
                    f.unit, f.unit_words, f.rate_base = actual_unit  # "from 45.2 in 2021/22" is a rate too
                owner = preceding or clause_actual or sentence_actual
                if owner and (not f.phrase or f.area != "council" or f.measure in ("target", "previous")):
                    f.phrase = owner  # "... against a target of 90%": the clause's indicator
                elif carry and (not f.phrase or len(f.phrase.split()) > 10):
                    # "... which brought about a fall from 9.2%": a long clause is no name; the paragraph's
                    # indicator is the one compared
                    f.phrase = carry[0]
            pending = []
        if sentence_actual and not anywhere("variant_openers").match(sentence_actual):
            carry = (sentence_actual, s.end)
        elif carry:
            carry = (carry[0], s.end)
    kept = []
    for f in out:
        if f.topic and f.phrase and not _shares_words(f.topic, f.phrase):
            f.phrase = f"{f.topic}: {f.phrase}"
        elif f.topic and not f.phrase:
            f.phrase = f.topic
        if not f.phrase:
            notes.append(f"figure {f.value} at {f.start}: no indicator named")
            continue
        if f.unit == "currency" and not anywhere("money_measures").search(f.phrase):
            notes.append(f"money {f.value} at {f.start}: not a measure ({f.phrase})")
            continue
        kept.append(f)
    return kept, notes


@cache
def _points_back_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    comparators = "|".join(re.escape(p) for ps in words()["comparators"].values() for p in ps)
    return (re.compile(alternation(words()["carry_openers"]), re.I),
            re.compile(r"(?:the\s+)?(?:latest\s+)?(?:" + comparators + r")\b", re.I))


_CONJUNCTION = re.compile(r"^(?:while|whilst|and|but|whereas|although)\s+", re.I)


def _points_back(text: str, start: int) -> bool:
    """Does the clause open by pointing back to what was said before ("This compares with", "It was")?"""
    head = text[start : start + 50].lstrip(" ,;")
    head = _CONJUNCTION.sub("", head)
    openers, comparators = _points_back_res()
    return bool(openers.match(head)) or bool(comparators.match(head))


def _run_in_topic(text: str, s) -> str:  # noqa: ANN001 - a kg.text Sentence
    """A paragraph that opens with a short title sentence ("Safeguarding.", "Direct payments:") names its
    topic: a few capitalised words without a verb or a figure."""
    body = text[s.start : s.end].strip()
    if not body.endswith((".", ":")) or re.search(r"\d", body):
        return ""
    words_ = body[:-1].split()
    if not 1 <= len(words_) <= 5 or not words_[0][:1].isupper():
        return ""
    verbs = r"\b(?:is|are|was|were|has|have|had|will|would|should|can|could|be|been|noted|agreed)\b"
    if re.search(verbs, body, re.I) or any(re.search(r"(?:ed|ing|ues|ains|oves)$", w) for w in words_[1:]):
        return ""  # "Void performance continues to improve." is a statement, not a title
    return body[:-1].strip()


def _shares_words(topic: str, phrase: str) -> bool:
    low = phrase.lower()
    return all(w.lower() in low for w in re.findall(r"[A-Za-z][a-z\-]{3,}", topic))


def _comparators_subject(phrase: str) -> tuple[list[str], str] | None:
    """Comparators as the subject of a level: "National, regional and statistical neighbour averages for care
    leavers in suitable accommodation were all" -> (their area codes, "care leavers in suitable
    accommodation")."""
    from kg.extract.figures.vocab import comparator_code, comparator_re

    codes: list[str] = []
    pos = 0
    while m := comparator_re().match(phrase, pos):
        codes.append(comparator_code(m.group()))
        sep = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", phrase[m.end() :])
        pos = m.end() + (sep.end() if sep else 0)
        if not sep:
            break
    if not codes:
        return None
    lead = r"\s*(?:averages?|figures?|rates?|benchmarks?|medians?|performance)\s+(?:for|of|on)\s+(.+)$"
    rest = re.match(lead, phrase[pos:] if pos < len(phrase) else "", re.I)
    if not rest:
        return None
    tail = r"\s+(?:were|was|are|is|stood at|all|both|each)(?:\s+(?:all|both|each))*\s*$"
    name = re.sub(tail, "", rest.group(1))
    return list(dict.fromkeys(codes)), name.strip()

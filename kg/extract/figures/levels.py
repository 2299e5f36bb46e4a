"""Whether a count in a sentence is a level ("12 complaints were received") or a part of a name, and the RAG
rating and direction of travel a sentence gives a figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.figures.numbers import Number
from kg.extract.figures.vocab import alternation, ending, words
from kg.extract.regex import grouped

# A lower-case word right after a number that is not a preposition makes it part of a phrase ("at 3 sites").
_NOT_A_LINK = (r"\s+(?!(?:in|for|at|during|by|over|and|compared|against|from|this|last|the|a|an|which|as|"
               r"since|up|down|per|on)\b)[a-z]")


def count_is_level(text: str, n: Number, lo: int, hi: int) -> bool:
    """A bare number is a level only in a level frame: after a linking verb ("rose to 17", "was 208",
    "stood at 2,446"), in brackets after its noun phrase ("Carers assessments (312)"), or before a noun
    that names what a service counts ("415 noise complaints", "23 appeals")."""
    r = _level_res()
    before = text[max(lo, n.start - 40) : n.start]
    # (long enough for "63 annual reviews of direct payment packages were late")
    after = text[n.end : min(hi, n.end + 80)]
    if r.open_bracket.search(before) and r.close_bracket.match(after) and r.named_bracket.search(before):
        if r.level_follows.match(text, n.end, hi):
            return False  # "Rent arrears (4.1), which stood at 2.3%": the bracket refers to a paragraph
        return not r.body_bracket.search(before)  # "Scrutiny Panel (2)" numbers a body, counts nothing
    if ending("copulas").search(before) and not r.of_number.match(after):
        # ("Lettings: 37 new tenancies were signed": what is counted may have a word or two before it)
        return not r.not_a_link.match(after) or bool(r.noun_after.match(after))
    if r.passive.match(after):
        return True  # "215 tenants were rehoused", "74 families were in ..."
    if r.headline.match(after) and not text[lo : n.start].strip(" -–•*·\t("):
        return True  # "- 1,204 faults repaired in the quarter": a summary line opening on a count
    if r.changed_to.search(before):
        return True  # "visits were up 3% to around 41,000": the level the change reached
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
    headline: re.Pattern[str]
    there_were: re.Pattern[str]
    were_done: re.Pattern[str]
    word_after: re.Pattern[str]
    changed_to: re.Pattern[str]
    body_bracket: re.Pattern[str]
    level_follows: re.Pattern[str]


# the time an earlier level was at, between it and "to": "at the end of June", "in Quarter 1", "in 2023/24"
_WHEN_BETWEEN = (r"(?:\s+(?:at\s+the\s+end\s+of|by\s+the\s+end\s+of|as\s+at|at|in|on|during)\s+(?:the\s+)?"
                 r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?:\s+(?:19|20)\d\d)?"
                 r"|(?:quarter|qtr|q)\s*[1-4](?:\s+(?:19|20)\d\d(?:/\d{2})?)?|(?:19|20)\d\d(?:/\d{2})?"
                 r"|(?:first|second|third|fourth|previous|last)\s+(?:quarter|year|month)),?)?")


@cache
def _level_res() -> _LevelRes:
    """`count_is_level`'s patterns, compiled once (the noun and verb lists make them long)."""
    from kg.extract.nlp import vocabulary

    nouns = _count_noun_re()
    return _LevelRes(
        open_bracket=re.compile(r"\(\s*$"),
        close_bracket=re.compile(r"\s*\)"),
        named_bracket=re.compile(r"[A-Za-z]\s*\(\s*$"),
        of_number=re.compile(r"\s*(?:of|out of)\s+\d"),
        not_a_link=re.compile(_NOT_A_LINK),
        count_noun=re.compile(r"\s+" + nouns, re.I),
        passive=re.compile(r"\s+(?:[a-z\-]+\s+){0,2}" + nouns + r"(?:\s+[a-z\-]+){0,5}\s+"
                           r"(?:were|was|had|have\s+been|had\s+been)\s+(?:\w+ed\b|in\b|on\b|living\b|waiting\b|"
                           # a state a number of cases was in: "41 claims were outstanding at the month end"
                           r"receiving\b|overdue\b|outstanding\b|pending\b|awaiting\b|unresolved\b|open\b)"
                           # "512 pupils in the county had a support plan": how many had one
                           r"|\s+(?:[a-z\-]+\s+){0,2}" + nouns
                           + r"(?:\s+in\s+[\w\-]+){0,1}\s+had\s+an?\s+[a-z]", re.I),
        noun_after=re.compile(r"\s+(?:[a-z\-]+\s+){0,2}" + nouns + r"\b", re.I),
        headline=re.compile(r"\s+(?:[a-z\-]+\s+){0,2}" + nouns + r"\s+(?:[a-z]+ed|"
                            + alternation(words()["done_verbs"]) + r")\b", re.I),
        there_were=re.compile(r"\b(?:there\s+(?:were|had\s+been|have\s+been)|a\s+total\s+of)\s*$", re.I),
        were_done=re.compile(r"\s+(?:[a-z\-]+\s+){0,3}(?:were|was|had\s+been|have\s+been)\s+"
                             + alternation(words()["done_verbs"]), re.I),
        word_after=re.compile(r"\s+[a-z]"),
        # a change or an earlier level, then "to" and the level it reached ("increased by 4% to 1.3 million",
        # "up 3% to around 41,000", "from 412 to 390")
        # ("4% higher at 1.3 million", "by 4% (to 1.3 million")
        changed_to=re.compile(r"(?:(?:"
                              + alternation([*words()["change"], *words()["change_straight"], "from"])
                              + r")\s+\d[\d,.]*\s*(?:%|per\s?cent\b|percentage\s+points?\b|points?\b)?"
                              # "from 58 at the end of March to 33": the earlier level's time between
                              + _WHEN_BETWEEN +
                              r"\s*\(?\s*to|\d[\d,.]*\s*(?:%|per\s?cent\b)\s+(?:higher|lower|up|down)\s+at)\s+"
                              r"(?:(?:around|about|approximately|roughly|nearly|almost|some|an\s+estimated)\s+)?$",
                              re.I),
        body_bracket=re.compile(r"\b" + alternation(vocabulary("bodies")["committee_heads"]) + r"\s*\(\s*$",
                                re.I),
        # the bracket is followed by what the named thing's level is ("X (3.2) which was 2.5 days", "X (4),
        # at 61%"): the number in it labels the name (a paragraph, a code), the level comes after
        level_follows=re.compile(r"\s*\)\s*,?\s*(?:(?:which|that)\s+)?(?:" + alternation(words()["copulas"])
                                 + r")\s+(?:[a-z]+\s+){0,2}?[£$]?\d", re.I),
    )


_NOUNS: list[str] = []


def _count_noun_re() -> str:
    if not _NOUNS:
        nouns = sorted(words()["count_nouns"], key=len, reverse=True)
        _NOUNS.append(grouped([re.escape(w) for w in nouns]))  # the plain alternation's matches, faster
    return _NOUNS[0]


_RAG_STATED = re.compile(r"\b(?:rated|rag(?:\s+rated|\s+status)?|status)\s*(?:as\s+|is\s+|was\s+|:)?\s*"
                         r"(red|amber|green)\b", re.I)


def rag(text: str, lo: int, hi: int) -> str | None:
    colours = words()["rag"]["colours"]
    m = _RAG_STATED.search(text[lo:hi])
    return colours.get(m.group(1).lower()) if m else None


@cache
def _direction_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from kg.extract.nlp import vocabulary

    return tuple((direction, re.compile(r"\b" + grouped([re.escape(v) for v in verbs]) + r"\b"))
                 for direction, verbs in vocabulary("directions")["after"].items())


def direction(text: str, lo: int, hi: int) -> str | None:
    return _direction_of(text[lo:hi].lower())


@lru_cache(maxsize=1024)  # pure on the clause; small, as phrases._left_words'
def _direction_of(clause: str) -> str | None:
    for direction, pattern in _direction_res():
        if pattern.search(clause):
            return direction
    return None

"""The indicator phrase a figure is about, as the sentence words it.

A level is stated in a few shapes: "NP was / stood at / fell to N", "N% of NP", "NP: N", "NP (N)",
"x of y NP (z%)", "Of the N NP, x (z%) were ...". The phrase is what the clause says around the figure,
less reported speech ("She highlighted that"), time openers ("By the end of the year,"), the linking verb,
the periods and what follows a comparison cue ("against a target of ...", "compared with ...").
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.figures.vocab import alternation, words

_NUMBER = r"\d[\d,]*(?:\.\d+)?"


@cache
def _report_re() -> re.Pattern[str]:
    lead = r"(?:\s+(?:members|the\s+\w+))?\s+(?:that|why|whether|how|if|about|what)\s*(?:,[^,]{0,50},)?\s*"
    return re.compile(r"\b" + alternation(words()["report_verbs"]) + lead, re.I | re.S)


@cache
def _opener_re() -> re.Pattern[str]:
    period = (r"(?:the\s+)?(?:(?:q|qtr|quarter)\.?\s*[1-4]|(?:first|second|third|fourth)\s+quarter|"
              r"year|month|(?:19|20)\d\d\s*[/\-–]\s*\d{2,4}|[a-z]+\s+(?:19|20)\d\d)"
              r"(?:\s+(?:of\s+)?(?:19|20)\d\d\s*[/\-–]\s*\d{2,4})?")
    return re.compile(
        r"^\s*(?:(?:" + alternation(words()["openers"]) + r")(?:\s+(?:of\s+)?(?:the\s+)?"
        r"(?:q|qtr|quarter|year|month|period)?\s*[\w/]{0,9})?\s*,\s*"
        r"|(?:at|by)\s+the\s+end\s+of\s+" + period + r"\s*,?\s*"
        r"|(?:in|during|for)\s+" + period + r"\s*,\s*"
        r"|(?:at|as\s+at|on|by)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+(?:19|20)\d\d\s*,\s*"
        r"|(?:in|during|for|over)\s+the\s+[^,]{1,40}?\s+(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?\s*,\s*"
        r"|there\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s*$)",
        re.I,
    )


@cache
def _copula_tail_re() -> re.Pattern[str]:
    verbs = alternation(words()["copulas"])
    return re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|been|being|having|then|further|again|now|still|"
                      r"slightly|significantly|also))*(?:\s+" + verbs + r"|\s*[:=\-–])?"
                      r"(?:\s+(?:to|at|of|by))?\s*$", re.I)


BOUNDARY_ALTERNATIVES = (
    r"(?<!\d),|,(?!\d{3})|;|\(|\)|\bagainst\b|\bcompared\b|\bcompares\b|\babove\b|\bbelow\b|\bthan\b(?!\s+\d)|\bwhich\b|\bwho\b|"
    r"\b(?:down\s+|up\s+)?from\s+(?=[£\d])|\bmeeting\b|\bwhile\b|\bwhilst\b|\bbut\b|\band\s+(?:is|was|the|a)\b|"
    r"\bthe\s+(?:highest|lowest|best|worst)\b|\bfor\s+the\s+first\s+time\b|\bsince\b|"
    r"\b(?:in|for|during|at\s+the\s+end\s+of)\s+(?:the\s+)?(?:q|qtr|quarter|first|second|third|fourth|year|month)\b|"
    r"\b(?:in|for)\s+(?:19|20)\d\d|\blast\s+(?:quarter|year)\b|\bprevious\b|\bsame\s+(?:quarter|period|time)\b"
)
# Each boundary opens with a comma, semicolon or bracket, or a word starting with one of these letters:
# tested first, it spares the engine trying every alternative at every other position (the same matches:
# tests/test_extract_figures.py).
BOUNDARY_LEAD = r"(?=[,;()]|\b[abcdfilmpstuw])"
_BOUNDARY = re.compile(BOUNDARY_LEAD + "(?:" + BOUNDARY_ALTERNATIVES + ")", re.I)
_POPULATION = re.compile(r"^of\s+(?:the|these|those)?\s*" + _NUMBER + r"\s+([^,]{3,120}?)\s*,\s*", re.I)
_X_OF_Y_BEFORE = re.compile(r"(" + _NUMBER + r")\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?(" + _NUMBER
                            + r")\s*((?:[^()\d]|\d+\s+(?:working\s+)?(?:days?|weeks?|months?|hours?))"
                            r"{0,100}?)\s*\(\s*$", re.I)
_X_BEFORE = re.compile(r"(" + _NUMBER + r")\s*\(\s*$")
_X_OF_Y_AFTER = re.compile(
    r"^\s*\(\s*(" + _NUMBER + r")\s+(?:out\s+)?of\s+(?:the\s+)?(" + _NUMBER + r")\s*\)"
)
_ARTICLE = re.compile(r"^(?:the|a|an|our|its|their|overall|total)\s+", re.I)
_PERIODS = re.compile(
    r"\b(?:in|for|during)?\s*(?:the\s+)?(?:q|qtr|quarter)\s*[1-4]\b|\b(?:19|20)\d\d\s*[/\-–]\s*\d{2,4}\b",
    re.I,
)


def ratio(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int, str | None, str | None]:
    """The extent of an "x of y NP (z%)", "x (z%)" or "z% (x of y)" construction around the percentage at
    [start, end): (region start, region end, denominator, the NP of "x of y NP")."""
    left = text[max(lo, start - 160) : start]
    if m := _X_OF_Y_BEFORE.search(left):
        return start - (len(left) - m.start()), _close(text, end, hi), m.group(2), m.group(3).strip() or None
    if m := _X_BEFORE.search(left):
        return start - (len(left) - m.start()), _close(text, end, hi), None, None
    if m := _X_OF_Y_AFTER.match(text, end, hi):
        return start, m.end(), m.group(2), None
    return start, end, None, None


def _close(text: str, end: int, hi: int) -> int:
    m = _CLOSING.match(text[end:hi])
    return end + m.end() if m else end


_DATED = re.compile(r"\b(?:on|at|as\s+at|by)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+(?:19|20)\d\d\b", re.I)


# the patterns below are compiled once (re's own cache costs a lookup on each of thousands of calls)
_CLOSING = re.compile(r"\s*\)")
_SPACES = re.compile(r"\s+")
_OF = re.compile(r"^of\s+", re.I)
_TRAILING_COMMA = re.compile(r",\s*$")
_CONJUNCTION = re.compile(r"^\s*(?:and|but|or|while|whilst)?\s*(?:that\s+)?", re.I)
# "had eased to": any verb of movement before the new level
_MOVED = re.compile(r"(?:\s+(?:had|has|have))?\s+\w+ed\s+(?:up\s+|down\s+|back\s+|slightly\s+)?to\s*$")
_LEADING_COPULA = re.compile(r"^\s*(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+", re.I)
_OF_AFTER = re.compile(r"\s*of\s", re.I)
_GOVERNS = re.compile(r"ed$|^(?:for|to|in|at|by|with|on)$", re.I)
_WORD = re.compile(r"[a-z][a-z\-']+")


def _tail_sub(pattern: re.Pattern[str], text: str, width: int = 80) -> str:
    """`pattern` (anchored at the end) removed from `text`, searched in its last `width` characters only:
    a linking verb or a verb of change is a few words long, and scanning the whole left context from every
    position is what made this the dearest step."""
    head, tail = text[:-width], text[-width:]
    return head + pattern.sub("", tail) if len(text) > width else pattern.sub("", text)


def _tidy(phrase: str) -> str:
    phrase = _DATED.sub(" ", _PERIODS.sub(" ", phrase))
    phrase = _SPACES.sub(" ", phrase).strip(" ,;:-–(.")
    while phrase.endswith(")") and phrase.count(")") > phrase.count("("):
        phrase = phrase[:-1].rstrip()
    if phrase.count("(") > phrase.count(")"):
        phrase += ")"  # "Grant (DFG" cut at its bracket
    while (m := _ARTICLE.match(phrase)) is not None or (m := _OF.match(phrase)) is not None:
        phrase = phrase[m.end() :]
    return phrase


def _left(text: str, lo: int, start: int) -> tuple[str, str | None]:
    """The words before a figure, less speech, openers and the linking verb; and a population ("Of the 1,229
    incidents reported, ...") that the phrase is about."""
    left = text[lo:start]
    # the last report verb ends the speech: "asked about arrears and was told that ..."
    last = None
    for m in _report_re().finditer(left, 0, min(len(left), 260)):
        if m.start() <= 200:
            last = m
    if last is not None:
        left = left[last.end() :]
    population = None
    for _ in range(3):
        changed = False
        if m := _opener_re().match(left):
            left, changed = left[m.end() :], True
        if m := _POPULATION.match(left):
            population, left, changed = _tidy(m.group(1)), left[m.end() :], True
        if not changed:
            break
    if m := _change_from_re().search(left):
        left = left[: m.start()]  # "the collection rate went from 94.1% to": the rate is the subject
    left = _tail_sub(_copula_tail_re(), left)
    left = _TRAILING_COMMA.sub("", left)  # "rent collection, at 96.2%,": a parenthetical level
    cuts = [m for m in _BOUNDARY.finditer(left) if m.group() not in "()" and left[m.end() :].strip()
            and not (m.group() == "," and _LIST_COMMA.match(left, m.start()))]
    if cuts:
        last = cuts[-1]
        # cut after the last comma or comparison; "and the average delay" keeps "the average delay"
        left = left[last.start() + 3 :] if last.group().lower().startswith("and") else left[last.end() :]
    left = _CONJUNCTION.sub("", left)
    left = _tail_sub(_change_tail_re(), left)
    left = _tail_sub(_MOVED, left)
    return _tidy(left), population


@cache
def _change_from_re() -> re.Pattern[str]:
    return re.compile(r"\s+" + alternation(words()["change_verbs"]) + r"\s+(?:\w+\s+)?from\s+[£\d][^\s]*"
                      r"(?:\s+\w+)?\s+to\s*$", re.I)


@cache
def _change_tail_re() -> re.Pattern[str]:
    return re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|been|further|again|now|still))*\s+"
                      + alternation(words()["change_verbs"]) + r"\s*$", re.I)


_LIST_COMMA = re.compile(r",\s*[\w\-]+(?:\s+[\w\-]+)?,?\s+(?:or|and)\s+\w", re.I)


def _right(text: str, end: int, hi: int) -> str:
    right = text[end:hi]
    right = _LEADING_COPULA.sub(" ", right)
    for m in _BOUNDARY.finditer(right):
        if m.group() == "," and _LIST_COMMA.match(right, m.start()):
            continue  # "reused, recycled or composted": a list's comma
        right = right[: m.start()]
        break
    return _tidy(right)


def phrase(text: str, start: int, end: int, lo: int, hi: int, noun: str | None = None) -> str:
    """The indicator phrase of the figure at [start, end) in the clause text[lo:hi] ("" when the clause
    names nothing: the figure then belongs to the indicator of the figure before it). `noun` is the y of
    "x of y NOUN (z%)", which the phrase is about."""
    left, population = _left(text, lo, start)
    if not names_something(left):
        left = ""  # "of whom 12% lived out of county": the words after name it
    if noun:
        population = " ".join(p for p in (left, _tidy(noun)) if p)
        left = ""
    right = _right(text, end, hi)
    of_phrase = bool(_OF_AFTER.match(text[end:hi]))  # "N% of NP": the NP names the measure
    keep_right = of_phrase or not left or bool(population)
    if of_phrase and left and not _GOVERNS.search(left.split()[-1]):
        right = "of " + right  # "rate 23% of ..." keeps its "of"; "processed 81.5% of ..." governs it
    parts = [p for p in (population, left, right if keep_right else "") if p]
    if noun and population:
        parts = [population]
    out = _tidy(" ".join(parts))
    words_ = out.split()
    return " ".join(words_[:16])


@cache
def _empty() -> frozenset[str]:
    return frozenset(w.lower() for w in words()["empty_words"])


def names_something(phrase_text: str) -> bool:
    """Does the phrase name a measure, rather than only point back ("This compares with", "The Wales
    average for")?"""
    tokens = _WORD.findall(phrase_text.lower())
    return any(t not in _empty() and len(t) > 2 for t in tokens)

"""The indicator phrase a figure is about, as the sentence words it.

A level is stated in a few shapes: "NP was / stood at / fell to N", "N% of NP", "NP: N", "NP (N)",
"x of y NP (z%)", "Of the N NP, x (z%) were ...". The phrase is what the clause says around the figure,
less reported speech ("She highlighted that"), time openers ("By the end of the year,"), the linking verb,
the periods and what follows a comparison cue ("against a target of ...", "compared with ...").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.extract.figures.vocab import alternation, words

_NUMBER = r"\d[\d,]*(?:\.\d+)?"


@cache
def _report_re() -> re.Pattern[str]:
    lead = r"(?:\s+(?:members|the\s+\w+))?\s+(?:that|why|whether|how|if|about|what)\s*(?:,[^,]{0,50},)?\s*"
    # "said the figure was ...": a verb of speech whose clause follows without "that"
    # "welcomed the fall in ...", "noted the year-end figure of ...": what is reported is the verb's object
    # ... and "the Council recorded an in-year rate of": the object of a verb of work done
    reported = alternation(words()["speech_verbs"] + words()["report_verbs"] + words()["question_verbs"]
                           + words()["done_verbs"])
    bare = (r"|\b" + reported + r"\s+(?=(?:the|this|it|there|these|those|our|its|their|a|an|"
            r"performance)\s)|\b" + alternation(words()["clause_verbs"]) + r"\s+(?=[a-z]|[£\d]|$)"
            r"|\b" + alternation(words()["topic_verbs"]) + r"\s+(?=[a-z])")
    return re.compile(r"\b" + alternation(words()["report_verbs"]) + lead + bare, re.I | re.S)


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
        # "During 2013-14 the average time ...": a period without its comma, before the subject's article
        r"|(?:in|during|for|over)\s+" + period + r"\s+(?=(?:the|our|its|this)\s)"
        r"|(?:at|as\s+at|on|by)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+(?:19|20)\d\d\s*,\s*"
        r"|(?:in|during|for|over)\s+the\s+[^,]{1,40}?\s+(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?\s*,\s*"
        r"|there\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s*$"
        r"|(?:" + alternation(words()["discourse_openers"]) + r")\s*,?\s+"
        # "In the Northgate pilot, 30 of 40 pupils ...", "Across the county, ...": where, not what is measured
        # ("Among looked after children, ..." names a population, and stays)
        r"|(?:in|across|within|throughout)\s+(?:the\s+|our\s+|its\s+|each\s+|all\s+)?[A-Za-z][^,\d]{0,50}?,\s*)",
        re.I,
    )


@cache
def _copula_tail_re() -> re.Pattern[str]:
    verbs = alternation(words()["copulas"])
    return re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|been|being|having|then|further|again|now|still|"
                      r"slightly|significantly|also|currently|presently|provisionally|approximately|roughly))*"
                      r"(?:\s+" + verbs + r"|\s*[:=\-–])?"
                      r"(?:\s+(?:to|at|of|by))?\s*$", re.I)


# "meeting" ends a name ("..., meeting the target", "at the meeting") except where it says which of the
# things counted are meant ("the percentage of homes meeting the Decent Homes Standard")
BOUNDARY_ALTERNATIVES = (
    r"(?<!\d),|,(?!\d{3})|;|\(|\)|\bagainst\b|\bcompared\b|\bcompares\b|\babove\b|\bbelow\b(?!\s+(?:the\s+|an?\s+)?(?:[\w\-]+\s+){0,2}?(?:standard|grade)s?\b)|(?<!longer\s)(?<!more\s)\bthan\b(?!\s+\d)(?!\s+(?:the\s+)?[a-z]+[\s\-](?:day|week|month|hour)s?\b)|\bwhich\b|\bwho\b|"
    r"\b(?:down\s+|up\s+)?from\s+(?=[£\d])|\bmeeting\b(?!\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?standards?\b)|\bwhile\b|\bwhilst\b|\bbut\b|\band\s+(?:is|was|the|a)\b|"
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
                            + r")\s*((?:[^()\d]|\d+\s+(?:working\s+)?(?:days?|weeks?|months?|hours?)"
                            r"|(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?)"
                            r"{0,100}?)\s*\(\s*$", re.I)
# A measure of time or cost named before its figure, and what it is of named after: "an average wait of 18
# weeks for a hip operation", "the average cost of £212 per placement for respite care".
_WAIT_HEAD = re.compile(r"\b(?:wait|waits|waiting\s+time|waiting\s+times|delay|delays|length\s+of\s+stay|"
                        r"time\s+taken|turnaround)\s*$", re.I)
_FOR_WHAT = re.compile(r"for\s+(?:an?\s+|the\s+)?(?:[a-z][\w\-']*\s+){0,6}?[a-z][\w\-']*"
                       r"(?=\s+(?:meant|means|was|were|is|are|had|has|have|would|could|should|will|but|which|"
                       r"that)\b|\s*$)", re.I)
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
    if m := _spelled_x_of_y().search(left):
        denominator = str(words()["number_words"][m.group(2).lower()])
        return start - (len(left) - m.start()), _close(text, end, hi), denominator, m.group(3).strip() or None
    if m := _X_BEFORE.search(left):
        return start - (len(left) - m.start()), _close(text, end, hi), None, None
    if m := _X_OF_Y_AFTER.match(text, end, hi):
        return start, m.end(), m.group(2), None
    return start, end, None, None


@cache
def _spelled_x_of_y() -> re.Pattern[str]:
    """"Nine of the eleven NP (81.8%)": the same construction as `_X_OF_Y_BEFORE` with both counts spelled
    out, as minutes write small numbers."""
    spelled = "|".join(sorted((str(w) for w in words()["number_words"]), key=len, reverse=True))
    return re.compile(r"\b(" + spelled + r")\s+(?:out\s+)?of\s+(?:the\s+)?(" + spelled + r")\s+"
                      r"((?:[^()\d]|\d+\s+(?:working\s+)?(?:days?|weeks?|months?|hours?)){0,100}?)\s*\(\s*$",
                      re.I)


def _close(text: str, end: int, hi: int) -> int:
    m = _CLOSING.match(text[end:hi])
    return end + m.end() if m else end


# "Quarter 1" as written in minutes as well as "quarter 1": the words match in any case, a month's name only
# capitalised
_PERIOD_WORDS = (r"(?:(?i:(?:the\s+)?(?:(?:financial|calendar|last|previous|current|same)\s+)?"
                 r"(?:year|quarter|month|period|(?:first|second|third|fourth)\s+quarter))"
                 r"|(?i:(?:the\s+)?(?:q|qtr|quarter)\s*[1-4])|(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?"
                 r"|[A-Z][a-z]+\s+(?:19|20)\d\d)"
                 r"(?:\s+(?:of\s+)?(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?)?")
_TRAILING_PERIOD = re.compile(r"\s+(?:(?:in|for|during|over|across|(?:at|by)\s+the\s+end\s+of)\s+"
                              + _PERIOD_WORDS
                              + r"|(?:this|last)\s+(?:year|quarter|month))\s*$")
_DATE_SPAN = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?[A-Z][a-z]+(?:\s+(?:19|20)\d\d)?"
              r"|(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_DATE_RANGE_TAIL = re.compile(rf"\s+(?:from|between)\s+(?:{_DATE_SPAN})\s+(?:to|and|until|-|–)\s+"
                              rf"(?:{_DATE_SPAN})\s*$")
_DATED = re.compile(r"\b(?:on|at|as\s+at|by)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+(?:19|20)\d\d\b", re.I)


# the patterns below are compiled once (re's own cache costs a lookup on each of thousands of calls)
_CLOSING = re.compile(r"\s*\)")
_SPACES = re.compile(r"\s+")
_OF = re.compile(r"^of\s+", re.I)
_TRAILING_COMMA = re.compile(r",\s*$")
_ASIDE = re.compile(r"\s*\((?:which|who|that|whose|where)\b[^()]*\)", re.I)
_WHICH_TAIL = re.compile(r",?\s+(?:which|that)\s*$", re.I)
_CONJUNCTION = re.compile(r"^\s*(?:and|but|or|while|whilst)?\s*(?:that\s+)?", re.I)
# "had eased to": any verb of movement before the new level
_MOVED = re.compile(r"(?:\s+(?:had|has|have))?\s+\w+ed\s+(?:up\s+|down\s+|back\s+|slightly\s+)?to\s*$")
_LEADING_COPULA = re.compile(r"^\s*(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+", re.I)
_OF_AFTER = re.compile(r"\s*of\s", re.I)
_OPENER_COMMA = re.compile(r",\s*$")
_SAW_AND = re.compile(r"\s+(?:saw|sees|has\s+seen|had\s+seen|showed|has\s+shown)\s+(?:an?\s+)?(?:[a-z]+\s+)?"
                      r"(?:improvement|increase|reduction|fall|rise|decrease|deterioration|decline)\s+and\s*$",
                      re.I)
_TIME_TAIL = re.compile(r"\s+(?:by|at|as\s+at|to|up\s+to)\s+the\s+end\s+of\b.*$", re.I)
_GOVERNS = re.compile(r"ed$|^(?:for|to|in|at|by|with|on)$", re.I)
_WORD = re.compile(r"[a-z][a-z\-']+")


def _tail_sub(pattern: re.Pattern[str], text: str, width: int = 80) -> str:
    """`pattern` (anchored at the end) removed from `text`, searched in its last `width` characters only:
    a linking verb or a verb of change is a few words long, and scanning the whole left context from every
    position is what made this the dearest step."""
    head, tail = text[:-width], text[-width:]
    return head + pattern.sub("", tail) if len(text) > width else pattern.sub("", text)


# pure; the same phrases recur (a council's reports, a document's rows). Kept small: each worker process
# has its own, and the peak memory of an ingest at 10,000 documents is near its 1 GB target.
@lru_cache(maxsize=4096)
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


def speech_lead(text: str) -> int | None:
    """Where the reported words begin when `text` opens with a speaker and a report verb ("The Head of HR
    said that ..."), a short way in; None otherwise."""
    m = _report_re().search(text, 0, 120)
    return m.end() if m and len(text[: m.start()].split()) <= 8 else None


def _left(text: str, lo: int, start: int) -> tuple[str, str | None]:
    """The words before a figure, less speech, openers and the linking verb; and a population ("Of the 1,229
    incidents reported, ...") that the phrase is about."""
    return _left_words(text[lo:start])


# pure: what it reads is the words alone; a report's clauses lead up to their figures in the same words,
# quarter after quarter (nine in ten calls in the benchmark corpus are repeats). Small: with 4,096 entries
# each, a serial ingest peaked ~50 MB higher (RSS; long-lived entries among each document's objects).
@lru_cache(maxsize=1024)
def _left_words(left: str) -> tuple[str, str | None]:
    # the last report verb ends the speech: "asked about arrears and was told that ..."
    last = None
    for m in _report_re().finditer(left, 0, min(len(left), 260)):
        if m.start() <= 200:
            last = m
    if last is not None:
        left = left[last.end() :]
    # "X (which are most of the cases) was": an aside on X, no part of its name
    left = _ASIDE.sub("", left)
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
    left = _SAW_AND.sub("", left)  # "X saw a marked improvement and (is now reporting 6.1 days)": X
    # "the number of care leavers in higher education, which was 14": the relative clause's antecedent
    left = _WHICH_TAIL.sub("", left)
    left = _TRAILING_COMMA.sub("", left)  # "rent collection, at 96.2%,": a parenthetical level
    # "Library loans in 2022-23 were ...": a period between the subject and its verb is the
    # figure's period, not a boundary that would cut the subject off
    for _ in range(3):  # "... days lost over the year from 1 April 2023 to 31 March 2024"
        before = left
        left = _DATE_RANGE_TAIL.sub("", _tail_sub(_TRAILING_PERIOD, left))
        if left == before:
            break
    cuts = [m for m in _BOUNDARY.finditer(left) if m.group() not in "()" and left[m.end() :].strip()
            and not (m.group() == "," and _LIST_COMMA.match(left, m.start()))]
    if cuts:
        last = cuts[-1]
        # cut after the last comma or comparison; "and the average delay" keeps "the average delay"
        left = left[last.start() + 3 :] if last.group().lower().startswith("and") else left[last.end() :]
    left = _CONJUNCTION.sub("", left)
    left = _topic_lead_re().sub("", left)  # "in connection with the percentage of ...": the percentage
    left = _comparative_re().sub("", left)  # "achieved a higher positive destination rate": the rate
    left = _progress_re().sub("", left)  # "the progress being made to achieve the corporate": a target's
    left = _change_lead_re().sub("", left)  # "the fall in missed collections to 39": the collections
    left = _tail_sub(_change_tail_re(), left)
    left = _tail_sub(_MOVED, left)
    return _tidy(left), population


@cache
def _progress_re() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:the\s+)?" + alternation(words()["progress_leads"]) + r"\s*", re.I)


@cache
def _comparative_re() -> re.Pattern[str]:
    comparatives = alternation(words()["comparative_openers"])
    return re.compile(r"^\s*(?:(?:a|an|the)\s+)?" + comparatives + r"\s+(?=\S)", re.I)


@cache
def _topic_lead_re() -> re.Pattern[str]:
    """A preposition of topic opening the words before a figure, perhaps after the measure's code ("indicator
    04b in connection with the percentage of ..."); "complaints relating to waste" keeps its head."""
    code = r"(?:" + alternation(words()["notation_words"]) + r")\s+[\w./-]*\d[\w./-]*\s+"
    return re.compile(r"^\s*(?:" + code + r")?" + alternation(words()["topic_leads"]) + r"\s+(?=\S)", re.I)


@cache
def _change_lead_re() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:\w+\s+)?" + alternation(words()["change_nouns"])
                      + r"\s+in\s+(?:the\s+)?", re.I)


@cache
def _change_from_re() -> re.Pattern[str]:
    # "rose from 84.0% in the term before joining to 91.5%": the earlier level's period may sit between
    return re.compile(r"\s+" + alternation(words()["change_verbs"]) + r"\s+(?:\w+\s+)?from\s+[£\d][^\s]*"
                      r"(?:\s+[^\d\s]+){0,12}?\s+to\s*$", re.I)


@cache
def _change_tail_re() -> re.Pattern[str]:
    # "the investment portfolio continued to increase, currently being at 74%": the portfolio
    ongoing = alternation(words()["ongoing_verbs"]) + r"\s+" + alternation(words()["change_verbs_base"])
    return re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|been|further|again|now|still))*\s+(?:"
                      + alternation(words()["change_verbs"]) + "|" + ongoing + r")\s*$", re.I)


# a figure opening a coordinated clause, or the main clause after an opening clause that ends on its verb
# ("Since the pilot opened, 41 ..."; "Once the council launched its lettings policy, 530 bids ..." keeps its
# topic) or after a run-in heading ("Planning: 57 appeals were lodged"), whose own words, with a verb of
# their own, name what it counts
_NEW_SUBJECT = re.compile(r"(?:\b(?:and|but|while|whilst|whereas)|\b(?:[a-z]+ed|began|begun|came|went|"
                          r"grew|rose|fell|took)\s*,|:)\s+$", re.I)
_OWN_VERB = re.compile(r"\s*(?:%|per\s+cent)?\s+(?:of\s+)?(?:[\w\-']+\s+){1,8}?(?:were|was|are|is|had|"
                       r"have|has)\s+[a-z]", re.I)
# ("for more than a year", "within a month": a duration, which stays)
_RATE_OF_TIME = re.compile(r"(?<!\bthan)(?<!\bover)(?<!\bunder)(?<!\bfor)(?<!\bwithin)(?<!\bin)"
                           r"\s+(?:a|per|each|every)\s+(?:year|quarter|month|week)$", re.I)
_NEXT_FIGURE = re.compile(r"\s+(?:and|but|while|whilst|whereas)\s+[£$€]?\d"
                          r"(?![\d,.]*(?:st|nd|rd|th)\b)(?![\d,.]*\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
                          re.I)
_PAST_VERB = re.compile(r"\s+(?:[\w\-']+\s+){1,4}?(?:came|went|took\s+part|joined|visited|attended|used|"
                        r"[a-z]{3,}ed)\s+[a-z]", re.I)
_COUNTED_NOUN = re.compile(r"\s+(?!of\b|per\s+cent\b)[a-z]")
_THEM = re.compile(r"(?:them|these|those)\b\s*", re.I)
# a count and what it counts, then its verb, before the figure whose "of them" points back at it
_COUNTED_BEFORE = re.compile(r"\b\d[\d,]*\s+((?:[A-Za-z][\w\-]*\s+){0,4}?[a-z][\w\-]*s)\s+"
                             r"(?:had|have|has|were|"
                             r"was|are|is)\b[^\d]*$")
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")
_HAD_DONE = re.compile(r"^\s*(?:had|has|have)\s+(?=\w+(?:ed|en|wn)\b)", re.I)
_PREPOSITION = re.compile(r"(?:of|in|for|at|and|or|to)\b", re.I)
_HANGING = re.compile(r"(?:\s+(?:in|of|for|at|on|by|to|from|across|within|a|an|the))+$", re.I)
_LIST_COMMA = re.compile(r",\s*[\w\-]+(?:\s+[\w\-]+)?,?\s+(?:or|and)\s+\w", re.I)


def _right(text: str, end: int, hi: int) -> str:
    return _right_words(text[end:hi])


@lru_cache(maxsize=1024)  # pure, as `_left_words`
def _right_words(right: str) -> str:
    right = _LEADING_COPULA.sub(" ", right)
    right = _HAD_DONE.sub(" ", right)  # "had shown"
    for m in _BOUNDARY.finditer(right):
        if m.group() == "," and _LIST_COMMA.match(right, m.start()):
            continue  # "reused, recycled or composted": a list's comma
        right = right[: m.start()]
        break
    if m := _NEXT_FIGURE.search(right):
        right = right[: m.start()]  # "41 loans were made and 93% of them ...": the next clause's
    if m := _TIME_TAIL.search(right):
        right = right[: m.start()]  # "... had been paid by the end of June": when, not what
    right = _DATE_RANGE_TAIL.sub("", right.rstrip(" .;"))  # "41 loans made between May and July": when
    right = _RATE_OF_TIME.sub("", right)  # "120 homes a year": how often, not what
    return _tidy(_TRAILING_PERIOD.sub("", right.rstrip(" .;")))


def phrase(text: str, start: int, end: int, lo: int, hi: int, noun: str | None = None) -> str:
    """The indicator phrase of the figure at [start, end) in the clause text[lo:hi] ("" when the clause
    names nothing: the figure then belongs to the indicator of the figure before it). `noun` is the y of
    "x of y NOUN (z%)", which the phrase is about."""
    left, population = _left(text, lo, start)
    new = _NEW_SUBJECT.search(text, max(lo, start - 24), start)
    colon = new is not None and new.group().strip() == ":"
    counted = colon and "%" not in text[start:end] and _COUNTED_NOUN.match(text, end, hi)
    # ("Libraries: 8,310 visitors came to the two branches": a count's own verb may be any in the past)
    if new and (_OWN_VERB.match(text, end, hi) or (counted and _PAST_VERB.match(text, end, hi))) and (
            not colon or counted):
        # "the team was short-staffed and 63 visits were overdue": the figure opens its clause; after a run-in
        # heading only a count with its noun does ("Lighting is the concern: 81% of faults were ..." keeps it)
        left = ""
    of_phrase = bool(_OF_AFTER.match(text[end:hi]))  # "N% of NP": the NP names the measure
    if of_phrase and _OPENER_COMMA.search(text, lo, start):
        left = ""  # "Despite the pressures, 61% of X had been paid": the opener clause is no name
    done = _done_re().search(text, max(lo, start - 80), start)  # the verb right before the number
    if not names_something(left) or (done and not of_phrase):
        # "of whom 12% lived out of county", "the Council received 640 requests": the words after name it
        left = ""
    if noun:
        population = " ".join(p for p in (left, _tidy(noun)) if p)
        left = ""
    right = _right(text, end, hi)
    if of_phrase and (them := _THEM.match(right)):
        # "41 loans were made and 93% of them were repaid": "them" are the loans
        counted = _COUNTED_BEFORE.search(text, max(0, start - 160), start)  # in the clause before
        if counted is not None and not _SENTENCE_END.search(counted.group()):
            right = f"{_tidy(counted.group(1))} {right[them.end():]}"
    keep_right = of_phrase or not left or bool(population)
    if left and not keep_right and _WAIT_HEAD.search(left) and (whom := _FOR_WHAT.match(right)):
        # "an average wait of 18 weeks for a hip operation": what the wait is for comes after the figure
        right, keep_right = whom.group(0).strip(), True
    if of_phrase and left and not _GOVERNS.search(left.split()[-1]):
        right = "of " + right  # "rate 23% of ..." keeps its "of"; "processed 81.5% of ..." governs it
    parts = [p for p in (population, left, right if keep_right else "") if p]
    if noun and population:
        # "30 of 40 pupils (75%) showed improved scores": the population and what the share of it did
        verb = right and not _PREPOSITION.match(right)
        parts = [population, right] if verb else [population]
    out = _tidy(" ".join(parts))
    # "Recycling in" (Wales cut off as the comparator): a preposition left hanging at the end
    out = _HANGING.sub("", out)
    words_ = out.split()
    return " ".join(words_[:16])


@cache
def _empty() -> frozenset[str]:
    return frozenset(w.lower() for w in words()["empty_words"])


@cache
def _done_re() -> re.Pattern[str]:
    """A subject and the verb of a count done ("the service had received"): the thing counted follows."""
    return re.compile(r"(?:^|\s)(?:(?:also|had|has|have)\s+){0,2}" + alternation(words()["done_verbs"])
                      + r"\s*$", re.I)


@lru_cache(maxsize=4096)  # as _tidy
def names_something(phrase_text: str) -> bool:
    """Does the phrase name a measure, rather than only point back ("This compares with", "The Wales
    average for", "the previous year's outturn")?"""
    dates = _not_name_re()[0]  # "the rate at 31 December": a date names no measure
    tokens = re.findall(r"[a-z][a-z\-]+", re.sub(r"['’]s\b", "", dates.sub(" ", phrase_text).lower()))
    return any(t not in _empty() and len(t) > 2 for t in tokens)


@cache
def _not_name_re() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from kg.periods import DAY_MONTH, MONTH_NAMES

    dates = re.compile(rf"{DAY_MONTH}|{MONTH_NAMES}|\b(?:19|20)\d\d(?:\s*[/\-–]\s*\d{{2,4}})?\b"
                       r"|\b\d+(?:st|nd|rd|th)\b")
    # a name may open on a number joined to its word ("5-day response rate"), never on another figure
    start = re.compile(r"^(?:(?!\d+-[A-Za-z])[^A-Za-z]|(?:" + alternation(words()["not_name_starts"])
                       + r")(?![\w\-]))", re.I)
    inside = re.compile(r"(?<![\w\-])(?:" + alternation(words()["not_in_name"]) + r")(?![\w\-])"
                        r"|(?<![\w\-])(?:" + alternation(words()["not_name_ends"]) + r")\s*$", re.I)
    return dates, start, inside


@lru_cache(maxsize=4096)  # as _tidy
def is_name(phrase_text: str) -> bool:
    """Can these words be a measure's name? Not a span of dates ("1st April to 30th June 2024"), not a phrase
    that opens with a preposition or a unit ("in May and June", "per full-time employee"), not one holding
    another figure ("... to 0% in ...") or a "respectively" that pairs figures with things named elsewhere."""
    dates, start, inside = _not_name_re()
    if "%" in phrase_text or re.search(r"\brespectively\b", phrase_text, re.I) or start.match(phrase_text):
        return False
    if "|" in phrase_text:
        return False  # a table cell's border: cells read as a sentence ("... 16,387 tonnes. | Result: ...")
    if any(not _adjectival(phrase_text, m) for m in inside.finditer(phrase_text)):
        return False  # a speaker, a view or a hope: the clause was cut in the wrong place
    if re.fullmatch(r"\s*[A-Za-z]+ed\s*", phrase_text):
        return False  # "based (on the 96% assumed)": a participle alone names nothing
    if phrase_text.count("(") != phrase_text.count(")"):
        return False  # "lost per head)": words cut out of a bracket, a piece of a clause
    return names_something(dates.sub(" ", phrase_text))


_QUALIFIES = re.compile(r"(?:\b(?:within|the|an?|its|their|our|against|to|by|of|for|on)|\(or)\s+$", re.I)


_DONE_IN = re.compile(r"\b[a-z]+(?:ed|en)\s+(?:with)?in\s+(?:the\s+)?$", re.I)


def _adjectival(phrase_text: str, hit: re.Match[str]) -> bool:
    """Is a word that never belongs in a name used as an adjective here ("within agreed timescales"), or a
    target's words naming the time limit of what is done ("claims decided in target of 10 days")?"""
    word = hit.group().lower()
    if word in {"should", "would", "could", "will", "may", "might"}:
        # "bridges which should be strengthened": a relative clause defining what is counted, not
        # someone's view ("he felt it should")
        return bool(re.search(r"\b(?:that|which|where)\s+$", phrase_text[: hit.start()], re.I)) and \
            bool(re.match(r"\s+(?:be|have\s+been)\b", phrase_text[hit.end() :], re.I))
    if word in {w.lower() for w in words()["time_limit_in_name"]}:
        return bool(_DONE_IN.search(phrase_text, 0, hit.start()))
    if word not in {w.lower() for w in words()["adjectival_in_name"]}:
        return False
    # "the agreed actions", or opening the name before its noun ("agreed actions implemented"), never before
    # "to"/"that" ("agreed to extend", "agreed that")
    opening = not phrase_text[: hit.start()].strip() and \
        bool(re.match(r"\s+(?!to\b|that\b|with\b)[a-z]+s\b", phrase_text[hit.end() :], re.I))
    return opening or bool(_QUALIFIES.search(phrase_text, 0, hit.start()))


def named_tail(phrase_text: str) -> str:
    """Where a phrase runs on from a speaker or a view ("Councillor X asked what would happen if the Council
    missed the statutory recycling") or opens with a time or place phrase, the noun phrase it ends with, after
    the last such word and the last determiner; "" when that is no name either."""
    _, start, inside = _not_name_re()
    hits = list(inside.finditer(phrase_text))
    if hits:
        tail = phrase_text[hits[-1].end() :]
    elif re.match(r"[A-Za-z]", phrase_text) and start.match(phrase_text):
        tail = phrase_text  # "Over the six months of the pilot the recycling rate": a time phrase before it
    else:
        return ""
    dets = list(re.finditer(r"\b(?:the|a|an|its|their|our)\s+", tail, re.I))
    if not dets:
        return ""
    tail = _tidy(tail[dets[-1].end() :])
    return tail if len(tail.split()) >= 1 and is_name(tail) else ""


_AIM_VERB = re.compile(r"\bto\s+([a-z\-]+)((?:\s+[a-z\-]+){0,3}?)\s+(?:to\s+|by\s+|below\s+|under\s+)?"
                       r"(?:a\s+|an\s+|at\s+least\s+)?$", re.I)
_REACH = {"achieve", "reach", "meet", "deliver", "hit", "exceed", "be", "attain", "maintain", "keep"}


def aim_phrase(text: str, start: int, end: int, hi: int) -> str:
    """The measure of a target stated as an aim: "required to achieve a 70% recycling rate" -> "recycling
    rate"; "a target to recycle 60% of municipal waste" -> "recycle municipal waste"."""
    m = _AIM_VERB.search(text, max(0, start - 60), start)
    right = re.sub(r"^of\s+", "", _right(text, end, hi), flags=re.I)
    right = re.sub(r"\s+by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?$", "", right)
    verb = m.group(1).lower() if m else ""
    thing = _tidy(m.group(2)) if m else ""
    if thing and names_something(thing):
        return thing  # "to reduce sickness to 8 days": sickness is what the target is for
    if not names_something(right):
        return ""
    return right if not verb or verb in _REACH else f"{verb} {right}"


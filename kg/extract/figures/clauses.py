"""The clause around a figure in a sentence: its subject when the words before the figure do not name it
plainly, the change it reports ("an increase of 0.4 days in X"), ranges and figures side by side,
what a sentence points back to ("this figure"), a run-in topic or rated title, a list of comparators."""

from __future__ import annotations

import re
from functools import cache

from kg import periods
from kg.extract.figures import phrases
from kg.extract.figures.numbers import Number
from kg.extract.figures.vocab import alternation, words
from kg.text import back

# "..., where the average of 190 days ...": a clause opening on "where" (its figure's measure named before it)
WHERE_LEAD = re.compile(r",\s*(?:where|in\s+which|for\s+which)\s+(?:the\s+)?(?:average|rate|"
                         r"performance|time\s+taken)\b", re.I)
# what that is: the noun phrase after a preposition that closes the clause before ("drew attention to X,
# where")
WHERE_HEAD = re.compile(r"\b(?:to|on|about|for|at|with)\s+(?P<x>(?:[\w\-'’]+\s+){0,5}?[\w\-'’]+)\s*$", re.I)


# A sentence saying a paper shows a measure for each part ("Appendix B sets out the time taken to clear X for
# each of the four areas"): the figures after it that name nothing are that measure's
SHOWN = re.compile(r"\b(?:showed|shows|set\s+out|sets\s+out|gave|gives|broke\s+down|breaks\s+down|presented|"
                    r"presents)\s+(?:the\s+)?(?P<x>(?:average\s+)?(?:time\s+taken|number|percentage|proportion|"
                    r"rate|average|time|level)\b[^.;:\d]{3,80}?)\s+(?:for\s+each\b|by\s+(?:area|ward|district|"
                    r"locality|team|site)s?\b|broken\s+down\b)", re.I)


def shown_name(m: re.Match[str]) -> str:
    return " ".join(m.group("x").split())


def clause_subject(text: str, start: int, end: int) -> str:
    """The subject of the sentence's first clause, before its verb, when it names a measure ("Rent collection
    rates had declined ..." -> "Rent collection rates"); "" otherwise."""
    m = _SUBJECT.match(text, start, end)
    if not m:
        return ""
    subject = re.sub(r"^the\s+", "", m.group("s").strip(), flags=re.I)
    return subject if phrases.is_name(subject) and phrases.names_something(subject) else ""


@cache
def changed_to_re() -> re.Pattern[str]:
    """A subject, a perfect verb of change and, after a comma, "to" the level: "Re-referrals have fallen for
    a second year, to ..."."""
    return re.compile(r"\s*(?P<s>(?:[\w\-'’]+\s+){1,6}?)(?:has|have|had)\s+(?:"
                      + alternation(words()["change_verbs"])
                      + r")\b[^.;,]{0,60},\s*(?:up\s+|down\s+)?to\s*$", re.I)


OPEN_QUOTE = re.compile(r'["“](?=[^"”]*$)')  # a quotation opened and not closed
DETERMINER = re.compile(r"^(?:the|our|its|their)\s+", re.I)
BASED_ON = re.compile(r"\b(?:based\s+on|calculated\s+(?:as|on)|capped\s+at|pegged\s+(?:at|to)|set\s+at)\s*$",
                       re.I)
AS_A_WHOLE = re.compile(r"\s+as\s+a\s+whole\b", re.I)
PARTICIPLE_LED = re.compile(r"^[a-z]+(?:ed|en)\b(?!\s+(?:by|to)\b)", re.I)
# "the wait was longest for A", "(and) lowest for B": which part the level is for, and of what
SUPERLATIVE = re.compile(r"^(?:(?P<x>.+?)\s+(?:was|were|is|are|remained|remains)\s+)?(?:the\s+)?"
                          r"(?:highest|lowest|best|worst|greatest|longest|shortest|largest|smallest)\s+"
                          r"(?P<part>(?:for|in|among|amongst|at)\s+.+)$", re.I)
WITH_SHARE = re.compile(r",?\s+with\s+$", re.I)
OF_AFTER_SHARE = re.compile(r"\s*(?:%|per\s*cent)?\s+of\s", re.I)
# words closing a subject that say how it did, not what it is of ("FOI performance", "collection rates")
SUBJECT_TAIL = re.compile(r"(?:\s+(?:performance|rates?|results?|figures?|levels?|position))+$", re.I)
# the subject of a sentence whose verb sets it against a target or reports what was done
SUBJECT_VERB = re.compile(r"\s*(?P<s>(?:[\w\-'’]+\s+){1,6}?)(?:met|missed|exceeded|beat|achieved|reached|"
                           r"had|has|have|was|were|is|are)\b", re.I)
# a subject of up to eight words and the auxiliary or verb of being after it
_SUBJECT = re.compile(r"\s*(?P<s>(?:[\w\-'’]+\s+){1,8}?)(?:had|has|have|was|were|is|are)\b", re.I)


# ("this represents 95% of ..." may point back to a measure's level: not among them)
MAKES_UP = re.compile(r"\b(?:makes?\s+up|made\s+up|accounts?\s+for|accounted\s+for|comprises?)\s+"
                       r"(?:(?:around|about|approximately|roughly|nearly|almost|just\s+over|just\s+under|some)\s+)?$",
                       re.I)
_RANGE_TO = re.compile(r"\s*(?:%|per\s?cent)?\s*(?:to|-|–)\s*$", re.I)


@cache
def _range_from_re() -> re.Pattern[str]:
    """What makes "A to B" a move and not a range: "from A to B", "increased 2.1 days to 11.3", "by 4% to"."""
    cues = alternation([*words()["change"], *words()["change_straight"], "from", "between"])
    return re.compile(r"\b(?:" + cues + r")\s+(?:(?:over|around|about|nearly|almost)\s+)?$", re.I)
# a share followed by how those asked answered: "88% agreed", "60% felt that"
OPINION_AFTER = re.compile(r"\s+(?:agreed|disagreed|supported|opposed|felt|thought|believed|voted|said|"
                            r"strongly\s+agreed|were\s+in\s+favour)\b", re.I)


def in_range(text: str, n: Number, found: list[Number], k: int) -> bool:
    """One end of a range ("85 to 100%", "between 20 and 30 days" aside): two figures joined by "to" or a dash
    with no "from" before the first, which would make them an earlier and a later level."""
    for a, b in ((found[k - 1] if k else None, n), (n, found[k + 1] if k + 1 < len(found) else None)):
        if a is None or b is None or not _RANGE_TO.fullmatch(text, a.end, b.start):
            continue
        if not _range_from_re().search(text, back(text, a.start, 30), a.start):
            return True
    return False


def side_by_side(text: str, a: Number | None, b: Number | None) -> bool:
    """Two figures with only spaces between them ("56 days 61 days"): cells of a row, not a sentence's."""
    return a is not None and b is not None and not text[a.end : b.start].strip()


def figure_digit(text: str, a: int, b: int, blocked: list[tuple[int, int]]) -> bool:
    """A digit in text[a:b] outside a date, year or reference ("For 2014/15 the ... across Wales stood at
    231": the year is no figure before the benchmark's)."""
    return any(not any(x <= m.start() < y for x, y in blocked) and not _COMPOUND.match(text, m.end())
               and not _IN_WORD.search(text, max(0, m.start() - 2), m.start())
               for m in _DIGITS.finditer(text, a, b))


_DIGITS = re.compile(r"\d+")
DENOMINATOR = re.compile(r"\d[\d,]*\s+(?:out\s+)?of\s+(?:these|those|the|them|which)?\s*$", re.I)
_COMPOUND = re.compile(r"-[A-Za-z]")  # "5-day response rate": a number inside a name, no figure
_IN_WORD = re.compile(r"[A-Za-z]-?$")  # "COVID-19", "S4": a name's digits


@cache
def external_source_re() -> re.Pattern[str]:
    """"An ONS report in 2022 found ...", "A national LGA survey showed ...": an outside body's finding."""
    own = r"(?!(?:" + "|".join(re.escape(w) for w in words()["own_sources"]) + r")\b)"
    name = r"(?:[A-Z]{2,}|[A-Z][a-z]+)"
    return re.compile(
        r"\b(?i:an?|the)\s+(?:(?i:national|recent|latest|new)\s+)?" + own.replace("(?!(?:", "(?!(?i:")
        + name + r"(?:\s+" + own.replace("(?!(?:", "(?!(?i:") + name + r"){0,3}\s+(?:\d{4}\s+)?(?i:"
        + alternation(words()["external_source_nouns"]) + r")(?:\s+(?i:in|for|of|from)\s+\d{4})?\s+(?i:"
        + alternation(words()["external_source_verbs"]) + r")\b")


@cache
def scorecard_re() -> re.Pattern[str]:
    """A count of a scorecard's own items: "N of (the) [N] <items>", "out of (the) N <items>",
    "N% of <items>", "<colour> <items>"."""
    items = alternation(words()["scorecard_items"])
    det = r"(?:the|our|all|its|these|those)\s+"
    # "(70%) of the ... indicators", "86% of its August 2023 key performance indicators": the share may sit
    # in brackets, and the items may be qualified by a period or a scorecard's name
    counted = (r"(?:\d[\d,.]*\s*%?\s*\)?\s*(?:\(\s*\d[\d.]*\s*%\s*\)\s*)?(?:out\s+)?of\s+(?:" + det + r")?"
               r"(?:\d[\d,]*\s+)?|\b(?:out\s+)?of\s+(?:" + det + r")?\d[\d,]*\s+)")
    sorted_ = alternation(words()["scorecard_sorts"]) + r"\s+"
    # "the majority of activities were ... (98%)", "Risks were ... managed with the majority being ... (70%)"
    majority = (r"|\bmajority\s+of\s+(?:the\s+|its\s+|our\s+)?(?:[\w\-]+\s+){0,2}?" + items +
                r"|" + items + r"\b[^.;%]{0,80}\bthe\s+majority\b")
    # "9 indicators being green (60%)", "There were 4 indicators which were classed as data only": the
    # items counted, then their rating or what they were
    rated = (r"|\b\d[\d,]*\s+" + items + r"\s+(?:being|were|are|was|is|rated|classed|classified)\s+(?:as\s+)?"
             + alternation(words()["scorecard_sorts"]) + r"\b"
             r"|\bthere\s+(?:were|are|was|is)\s+\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?" + items + r"\b"
             # "Performance on 60 key measures ... - 40 (67%) were on track (rated green)": items counted,
             # then how many are on track or of each colour
             r"|\b\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?" + items + r"\b[^.;]{0,120}?\b(?:on\s+track|off\s+track|"
             r"on\s+target|off\s+target|rated\s+(?:green|amber|red))\b"
             # "progress against 48 performance indicators and 19 key projects": what the scorecard holds
             r"|\b" + alternation(words()["scorecard_count_leads"])
             + r"\s+(?:the\s+|its\s+|our\s+)?\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?" + items + r"\b")
    # "16 national measures do not form part of the plan", "12 performance measures were not on target":
    # indicators or measures counted as the subject of a verb are the scorecard's items, not a figure
    core = alternation([w for w in words()["scorecard_items"]
                        if re.search(r"indicator|measure|kpi|\bpis\b|target", w)])
    subject = (r"|\b\d[\d,]*\s+(?:[\w\-]+\s+){0,3}?" + core
               + r"\s+(?:were|are|was|is|had|have|do|did|does|remain|remained|showed|show|met|missed)\b")
    return re.compile(r"(?:" + counted + r"(?:[\w\-'’]+\s+){0,3}?|" + sorted_ + r")" + items + majority
                      + rated + subject, re.I)


@cache
def change_tail_re() -> re.Pattern[str]:
    """A verb of change and its amount ending a figure's name: "Sickness absence increased 2.1 days per FTE"
    (before "to 11.3 days") names sickness absence."""
    verbs = alternation(words()["change_verbs"])
    # "visits were up 3%" (before "to around 41,000") names visits
    up = r"(?:(?:was|were|is|are|been)\s+)?(?:up|down)"
    # ... and "visits were 4% higher" (before "at 1.3 million")
    higher = (r"\s+(?:(?:was|were|is|are|been)\s+)?[£$€]?\d[\d,.]*\s*(?:%|per\s?cent)?\s+"
              r"(?:higher|lower|up|down)$")
    return re.compile(r"\s+(?:(?:had|has|have)\s+)?(?:" + verbs + "|" + up + r")\s+(?:by\s+)?[£$€]?\d.*$|"
                      + higher, re.I)


@cache
def had_a_re() -> re.Pattern[str]:
    """Whose figure it is and a verb of having before the measure: "Northvale had an average approval rate"
    (of 95%), "the service achieved a collection rate" (of 97%): the measure after the article."""
    verbs = r"(?:had|has|have|achieved|recorded|reported|returned)"
    return re.compile(r"^\S.*?\s" + verbs + r"\s+(?:an?)\s+(?P<y>\S.*)$", re.I)


# "9 of 11 agreed audit actions are now implemented": audit actions implemented, a measure of its own, not a
# count of a scorecard's actions on track
IMPLEMENTED = re.compile(r"\s+(?:had\s+been|have\s+been|has\s+been|were|was|are|is|now)\s+(?:fully\s+)?"
                          r"implemented\b", re.I)


@cache
def pointing_clause_re() -> re.Pattern[str]:
    """A clause that names its measure only by pointing back: "X were in that position" (the group just
    asked about), "Y dragged this figure back" (the figure just discussed)."""
    return re.compile(r"\b(?:were|was|are|is)\s+in\s+(?:that|this|the\s+same|a\s+similar)\s+"
                      r"(?:position|situation|category|group)\b"
                      r"|\b(?:" + alternation(words()["figure_movers"]) + r")\s+(?:the|this|that|our)\s+"
                      r"(?:figure|rate|result|performance|percentage|level|position)"
                      r"(?:\s+(?:down|up|back|lower|higher))?$", re.I)


# "The regulator had set an ambition of six days": who set it, never what it is for (which the paragraph's
# indicator need not be: an outside body's aim is no target of the council's)
SETTER = re.compile(r"^(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+(?:has|have|had)\s+"
                     r"(?:set|agreed|adopted|introduced)$", re.I)


@cache
def agent_moved_re() -> re.Pattern[str]:
    """Someone moving a measure, and by how much, before its levels: "Council has reduced the number of open
    cases by 15%" (from 900 to 765) names the number of open cases."""
    verbs = alternation(words()["moved_by"])
    return re.compile(r"^\S.*?\s(?:has|have|had)\s+(?:" + verbs + r")\s+(?P<x>(?![a-z]+ly\b)\S.*?)"
                      r"(?:\s+by\s+(?:(?:over|around|about|nearly|almost|some|more\s+than)\s+)?[£]?\d[\d,.]*\s*"
                      r"(?:%|per\s?cent|[a-z]+)?)?$", re.I)


@cache
def change_lead_re() -> re.Pattern[str]:
    """A change and its amount opening a name: "an increase of 0.4 days in the number of days lost" names the
    number of days lost."""
    nouns = alternation(words()["change_nouns"])
    return re.compile(r"^(?:(?:an?|the)\s+)?(?:[a-z]+\s+)?" + nouns
                      + r"\s+(?:of\s+[£]?\d[\d,.]*\s*(?:%|[a-z]+)?\s+)?in\s+(?:the\s+)?(?=\S)", re.I)


@cache
def moving_tail_re() -> re.Pattern[str]:
    """A name ending in a verb of change in -ing, maybe after "with" ("... has seen a good impact with
    the response rate increasing"): the name is the noun phrase before the verb, after the "with"."""
    verbs = alternation(words()["change_verbs_ing"])
    return re.compile(r"^(?:.*\bwith\s+)?(?P<name>\S.*?)\s+(?:" + verbs + r")$", re.I)


@cache
def average_tail_re() -> re.Pattern[str]:
    """A passive verb and "in an average (of)" ending a figure's name: "Major applications were processed in
    an average" names the major applications processed, the average being the figure's frame."""
    from kg.extract.nlp import vocabulary

    irregular = alternation(vocabulary("due_conditions")["irregular_participles"])
    return re.compile(r"\s+(?:(?:was|were|is|are|have\s+been|has\s+been|had\s+been)\s+)"
                      r"(?P<done>[a-z]+(?:ed|en)|" + irregular + r")"
                      r"\s+(?:with)?in\s+an?\s+average(?:\s+of)?$", re.I)


@cache
def bracket_name_re() -> re.Pattern[str]:
    """A measure named in brackets, then a clause pointing back to it up to the number: "(the percentage of X)
    where the performance against target is", "(the number of Y), which stood at"."""
    heads = alternation(words()["measure_heads"])
    return re.compile(r"\(\s*(?P<name>(?:the\s+)?" + heads + r"[^()]{3,150}?)\s*\)\s*,?\s*"
                      r"(?:where|with|which|at)\b[^()\d.;]{0,60}$", re.I)


@cache
def asked_re() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(words()["question_verbs"]) + r"\b", re.I)


@cache
def _introduced_re() -> re.Pattern[str]:
    """An indicator introduced by name after a dash or colon: "with the indicator - X.", "measure: X."."""
    return re.compile(r"\b(?:" + alternation(words()["notation_words"])
                      + r")\s*[:\-–—]\s*(?P<name>[^.;:\n]{3,120})", re.I)


def named_before(text: str, at: int, paragraph: int) -> str:
    """The last indicator introduced by name in the 400 characters before `at`, within its paragraph (which
    starts at `paragraph`)."""
    lo = max(paragraph, at - 400)
    found = list(_introduced_re().finditer(text, lo, at))
    return " ".join(found[-1].group("name").split()) if found else ""
COORDINATED = re.compile(r"(?:\band|\bor|,|&)\s*$", re.I)
COORDINATED_AFTER = re.compile(r"\s*(?:,|\band\b|\bor\b|&|\bas\s+well\s+as\b)", re.I)


_THE_FIGURE = re.compile(r"(?:the|this|that|its|our)\s+((?:[\w\-]+\s+){0,5}?)"
                         r"(?:figure|rate|result|level|outturn|position|percentage|proportion|total)"
                         r"(?:\s+for\s+the\s+(?:council|authority|year|quarter|period))?"
                         # "the rate at 31 December was": the date it was taken at, no name
                         r"(?:\s+(?:at|to|as\s+at)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?"
                         + periods.MONTH_NAMES
                         + r"(?:\s+(?:19|20)\d\d)?)?"
                         r"\s+(?:was|is|were|are|had|has|stood|stands|remained|remains|came|reached|of)\b",
                         re.I)


@cache  # built from the word lists once (a call compiled both again: re's own cache is too small for them)
def _points_back_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    comparators = "|".join(re.escape(p) for ps in words()["comparators"].values() for p in ps)
    return (re.compile(alternation(words()["carry_openers"]), re.I),
            re.compile(r"(?:the\s+)?(?:latest\s+)?(?:" + comparators + r")\b", re.I))


# A first predicate before "and" whose subject the figure's predicate shares ("had improved and was now at").
SHARED_SUBJECT = re.compile(r"\s+(?:(?:had|has|have)\s+(?:been\s+)?|(?:was|were|is|are)\s+)?[a-z]+(?:ed|en)"
                             r"(?:\s+[a-z]+ly)?\s+and$", re.I)
# An opener ending in a noun ("the average", "the rate") followed by more nouns begins a name of its own.
_NOUN_OPENER = re.compile(r"\b(?:average|rate|percentage|proportion|result|benchmark|target)$", re.I)
_NAMES_NEXT = re.compile(r"\s+(?!(?:was|is|were|are|had|has|have|for|of|in|at|on|across|against|this|that|"
                         r"compares|compared|stood|stands|remained|remains|rose|fell|increased|decreased|"
                         r"improved|reduced|dropped|declined|reached|now|then|also|still|again|over|during|"
                         r"which|to|and|or|but|as|by|from|with|there|here|figure|level)\b)[a-z][\w\-]*\s+"
                         r"[a-z]", re.I)
_PERIOD_OPENER = re.compile(r"^(?:in|during|for|by|over)\s+(?:the\s+)?"
                            r"(?:(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?|"
                            r"(?:first|second|third|fourth)\s+quarter|q[1-4]|quarter\s+[1-4]|previous\s+year|"
                            r"last\s+year|year\s+before)\s*,?\s+", re.I)
_CONJUNCTION = re.compile(r"^(?:while|whilst|and|but|whereas|although)\s+", re.I)


def points_back(text: str, start: int) -> bool:
    """Does the clause open by pointing back to what was said before ("This compares with", "It was")?"""
    head = text[start : start + 50].lstrip(" ,;")
    if m := phrases.speech_lead(text[start : start + 160]):
        head = text[start + m : start + m + 90]  # "The officer said that the figure was": what is said
    head = _CONJUNCTION.sub("", head)
    head = _PERIOD_OPENER.sub("", head)  # "During 2021/22 this rate stood at ...": when, then it points
    if (m := _THE_FIGURE.match(head)) and not phrases.names_something(m.group(1)):
        return True  # "the latest rate is ...": a figure with no name of its own
    openers, comparators = _points_back_res()
    if (m := openers.match(head)) and _NOUN_OPENER.search(m.group()) and _NAMES_NEXT.match(head, m.end()):
        return False  # "The average phone wait was ...": the opener's noun is modified, a name of its own
    return bool(m) or bool(comparators.match(head))


def run_in_topic(text: str, s) -> str:  # noqa: ANN001 - a kg.text Sentence
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


_RATED_TITLE = re.compile(r"(?P<name>[^.;:!?\d]{6,160}?)\s*\((?P<rag>red|amber|green)\)\s*$", re.I)


def rated_title(text: str, s) -> tuple[str, str] | None:  # noqa: ANN001 - a kg.text Sentence
    """A list item opening with an indicator's name and its RAG colour in brackets, no figure, no verb
    ("- % of household waste recycled (Green)"): (the name, the colour)."""
    line_end = text.find("\n", s.start)
    body = text[s.start : line_end if 0 <= line_end < s.end else s.end].strip()
    m = _RATED_TITLE.fullmatch(body)
    if not m or re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", m.group("name"), re.I):
        return None
    name = re.sub(r"^%\s*", "Percentage ", m.group("name").strip())  # "% of X": the percentage of X
    return name, words()["rag"]["colours"][m.group("rag").lower()]


def shares_words(topic: str, phrase: str) -> bool:
    low = phrase.lower()
    return all(w.lower() in low for w in re.findall(r"[A-Za-z][a-z\-]{3,}", topic))


def comparators_subject(phrase: str) -> tuple[list[str], str] | None:
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
    if re.search(r"\b(?:average|median|benchmark|figure|rate)\s*$", phrase[:pos], re.I):
        # "The Scottish average for X was": the comparator's own phrase holds the noun
        lead = r"\s*(?:for|of|on)\s+(.+)$"
    rest = re.match(lead, phrase[pos:] if pos < len(phrase) else "", re.I)
    if not rest:
        return None
    tail = r"\s+(?:were|was|are|is|stood at|all|both|each)(?:\s+(?:all|both|each))*\s*$"
    name = re.sub(tail, "", rest.group(1))
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return list(dict.fromkeys(codes)), name.strip()

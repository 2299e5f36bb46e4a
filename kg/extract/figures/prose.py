"""Figures stated in sentences: every number with a unit or a level frame, its role, period, and the
indicator phrase its clause names (or the one the sentence before named, for "This compares with ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache

from kg import indicators, periods
from kg.extract.figures import frames, phrases
from kg.extract.figures.numbers import Number, not_a_figure, numbers, shapes, spelled_re
from kg.extract.figures.vocab import alternation, anywhere, ending, words
from kg.extract.regex import grouped
from kg.text import TextView, back


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

# a ranking before the measure it is for: "ranked 9th of 32 councils for", "was placed 4th in Wales on"
_RANKED_FOR = re.compile(r"^.*?\b(?:ranked|ranks|ranking|placed|positioned)\s+(?:\w+\s+)?\d+(?:st|nd|rd|th)?"
                         r"(?:\s+(?:of|out\s+of)\s+\d+(?:\s+[a-z]+)?)?(?:\s+in\s+[A-Z]\w+)?\s+(?:for|on|in)\s+"
                         r"(?:the\s+)?(?=\S)", re.I)
_DAYS_IN_NAME = re.compile(r"\b(?:number\s+of|average(?:\s+number\s+of)?)\s+(?:working\s+|calendar\s+)?"
                           r"(days|weeks|hours)\b", re.I)
_OF_THOSE = re.compile(r"(?:,|\band)\s+of\s+(?:those|these|them|which|whom)\s*,", re.I)
_RATE_IN_NAME = re.compile(r"\bper\s+(1,000|10,000|100,000|1000|10000|100000)\b(?:\s+[a-z]+)?", re.I)

# A figure for one month ("the monthly rate for September", "in November alone") is less certain as the
# period's own value: it is kept, with lower confidence, so the period's figure wins where both are stated.
_MONTHLY = re.compile(r"\bmonthly\b|\b(?:for|in|during)\s+(?:the\s+month\s+of\s+)?(?:january|february|march|"
                      r"april|may|june|july|august|september|october|november|december)\b"
                      r"(?!\s+(?:19|20)\d\d\s*[-–/])", re.I)

# a bare month labelling the figure after it ("April - 82%", "May: 91%")
_MONTH_LABEL = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\s*[-–:]\s*$")
_DIGIT = re.compile(r"\d")
# a sentence opening on a count and its share, then the verb: "30 (45%) were green", "9 (30%) have slipped"
_UNNAMED_SHARE = re.compile(r"\W*\d[\d,]*\s*\(\s*\d[\d.]*\s*%\s*\)\s+(?:have|has|had|were|are|was|is)\b",
                            re.I)
# a paragraph's or a code's number in brackets closing a name ("Rent arrears (4.1)"): no part of the name
_BRACKET_REF_TAIL = re.compile(r"\s*\(\s*\d+(?:\.\d+)*\s*\)$")

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
    """`_count_is_level`'s patterns, compiled once (the noun and verb lists make them long)."""
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
    return _direction_of(text[lo:hi].lower())


@lru_cache(maxsize=1024)  # pure on the clause; small, as phrases._left_words'
def _direction_of(clause: str) -> str | None:
    for direction, pattern in _direction_res():
        if pattern.search(clause):
            return direction
    return None


def read_prose(tv: TextView, doc_period: str | None, subject: str = "") -> tuple[list[Found], list[str]]:
    """Figures in the document's sentences (tables are the cells' job), with what was left out and why;
    `subject` names the measure of a figure that names none (a table row's commentary cell).
    A question without a figure that names one of the scheme's indicators ("Councillor X asked whether
    sickness absence had improved.") hands it to a figure in the next sentences that only points back
    ("... said that the latest figure was 8.7")."""
    text = tv.flat  # wrapped lines joined, page furniture blanked (same offsets)
    out: list[Found] = []
    notes: list[str] = []
    # (phrase, end of its sentence, the scheme concept when a figure-less sentence named it): "This compares
    # with ..." reads it
    carry: tuple[str, int, str | None] | None = None
    # the one known indicator a heading names, and where its agenda item starts (-1: outside any item)
    title: tuple[str, int, str | None] | None = None
    topic_item, topic = None, ""  # a paragraph's run-in heading and its list item
    titled: tuple[int, str, str] | None = None  # a list item's rated indicator title: (item, name, RAG)
    units_of: dict[str, tuple] = {}  # each named measure's unit as first stated, for a bare number after it
    all_shapes = shapes(text, 0, len(text))  # dates, years, references: found once for the document
    for i, s in enumerate(tv.sentences):
        if s.kind == "heading" and not tv.in_table(s.start, s.end):
            # an item's title that names one known indicator ("Sickness Absence Performance") is what its
            # figures are about until a figure names another
            mentions = indicators.named_spans(tv.doc, s.start, s.end)
            if len({cid for cid, _, _ in mentions}) == 1:
                cid, a, b = mentions[0]
                title = (text[a:b], _item_start(tv, s.start), cid)
            elif mentions:
                title = None  # a title naming two indicators says nothing about one figure
            continue
        if s.kind == "heading" or tv.in_table(s.start, s.end):
            continue
        if carry and carry[1] < s.start and s.list_item is None \
                and tv.paragraph_start(carry[1] - 1) != tv.paragraph_start(s.start):
            carry = None
        sentence_actual: str | None = None
        parts: dict[str, str] = {}  # a level's name -> the part of the area it is for ("on the X round")
        superlative_of = ""  # "X was highest for A ...": X, for "... and lowest for B"
        sentence_named: str | None = None  # a benchmark's own name, when the sentence states no level
        actual_unit: tuple | None = None
        if s.list_item is not None and s.list_item != topic_item:
            topic_item, topic = s.list_item, _run_in_topic(text, s)
            if topic:
                continue  # "4.2 Rent arrears." names what the paragraph's figures are about
            if rated := _rated_title(text, s):
                titled = (s.list_item, *rated)  # "- % of X (Green)" over its commentary: X's level and RAG
                continue
        pending: list[tuple[Found, str | None]] = []  # comparisons, with the clause's figure before them
        unread = False  # the sentence states a count read as no level: its comparisons may be that count's
        pair_end: int | None = None  # the end of a comparison's number: "from 58% to 67%" pairs it
        moved_end: int | None = None  # the end of a moved target's old value
        if not _DIGIT.search(text, s.start, s.end) and not spelled_re().search(text, s.start, s.end):
            question = _asked_re().search(text, s.start, s.end)
            # the scheme's names, looked for only in a question (the parse is the text layer's own)
            mentions = indicators.named_spans(tv.doc, question.end(), s.end) if question else []
            named = {(cid, text[a:b]) for cid, a, b in mentions}
            coordinated = any(_COORDINATED.search(text, max(s.start, a - 8), a)
                              or _COORDINATED_AFTER.match(text, b, s.end) for _, a, b in mentions)
            asked = bool(named)
            if asked and len({cid for cid, _ in named}) == 1 and not coordinated:
                cid, words_ = min(named)
                carry = (words_, s.end, cid)  # the question names what the answer's figure is about
            elif asked:
                carry = None  # "asked about recycling and fly-tipping": an answer's figure could be either
            elif shown := _SHOWN.search(text, s.start, s.end):
                carry = (_shown_name(shown), s.end, None)  # "the table gives X for each area": X follows
            elif carry:
                carry = (carry[0], s.end, carry[2])  # a sentence without a number passes the indicator on
            continue
        if len(_RAG_KEY.findall(text, s.start, s.end)) >= 2:
            continue  # "Green = at or above target, Amber = up to 3% below, Red = over 3% below": a key
        read_from = s.start  # where the sentence's own measures may start
        if _external_source_re().search(text, s.start, s.end):
            notes.append(f"sentence at {s.start}: an outside body's finding, not the council's figures")
            continue
        if _UNNAMED_SHARE.match(text, s.start, s.end):
            # "30 (45%) were green at the year end": how many of the items named before (a scorecard's), no
            # measure of its own
            notes.append(f"sentence at {s.start}: counts items it does not name, not a measure")
            continue
        if (card := _scorecard_re().search(text, s.start, s.end)) and \
                not _IMPLEMENTED.match(text, card.end(), s.end):
            # "... 70% of indicators are on target apart from X, which at 58% is below its target": only
            # the excepted measure after the count is one measure's
            but = anywhere("scorecard_exceptions").search(text, card.end(), s.end)
            if not but:
                notes.append(f"sentence at {s.start}: counts a scorecard's items, not a measure")
                continue
            read_from = but.end()
        # "Of the tenants who are in arrears, ..." opening the sentence; "there were 3,900 cases, and of
        # those, 80% (3,120) were ..." within it: the figures after it are parts of that population
        subset = _SUBSET.match(text, s.start, s.end) or _OF_THOSE.search(text, s.start, s.end)
        blocked = [b for b in all_shapes if b[0] < s.end and s.start < b[1]]
        moves: list[tuple[int, int]] = []  # the sentence's changes: no figure a name must stop at
        for c in tv.clauses_of(i):
            clause_actual: str | None = None
            nameless = False  # the clause's level named nothing: its comparisons are of an unknown measure
            # a figure's phrase never reaches back across another figure (or a scorecard's count)
            previous_end = max(c.start, read_from)
            previous_phrase = ""
            clause_periods = None  # the clause's periods, read when its first figure needs them
            # "Nationally at the end of Quarter 2, turnaround time stood at 9 days": the clause is the area's
            opener_area = _opening_area(text, max(c.start, read_from), c.end)
            monthly: bool | None = None  # whether the clause names a month, read as clause_periods
            found_here = []
            for n in numbers(text, max(c.start, read_from), c.end, blocked):
                if not_a_figure(text, n, s.start, s.end):
                    moves.append((n.start, n.end))  # "by over 15%", "within 20 days": no figure either
                else:
                    found_here.append(n)
            for k, n in enumerate(found_here):
                before_n = found_here[k - 1] if k else None
                after_n = found_here[k + 1] if k + 1 < len(found_here) else None
                if _side_by_side(text, before_n, n) or _side_by_side(text, n, after_n):
                    # "Other cases 56 days 61 days": a table's row, its columns unknown
                    notes.append(f"figure {n.value} at {n.start}: one of a row's figures, its column unknown")
                    continue
                if subset and n.start >= subset.end():
                    notes.append(f"figure {n.value} at {n.start}: part of a population, not the indicator")
                    continue
                if n.unit == "count" and _DENOMINATOR.search(text, max(c.start, n.start - 30), n.start):
                    continue  # "7 of these 17 were behind target": how many there were, no measure's level
                if _in_range(text, n, found_here, k):
                    notes.append(f"figure {n.value} at {n.start}: one end of a range, not a level")
                    continue  # "85 to 100% of respondents agreed"
                if _MAKES_UP.search(text, max(c.start, n.start - 40), n.start):
                    continue  # "fees make up about 15% of the service's income": a composition, no level
                if n.unit == "percent" and _BASED_ON.search(text, max(c.start, n.start - 30), n.start):
                    continue  # "a grant based on 85% of the 2019 rate": how an amount is worked out, no level
                if n.unit == "percent" and _OPINION_AFTER.match(text, n.end, c.end):
                    continue  # "- 88% agreed we should do this": a share of those consulted, of no measure
                role = frames.role(text, n, c.start, c.end)
                if role.measure in ("change", "forecast"):
                    moves.append((n.start, n.end))  # "an increase of 0.4 days in X from ...": no level
                    continue
                if role.measure == "previous" and n.unit_words == "out of" and \
                        _NUMBER_NEXT.match(text, n.end):
                    continue  # "compared to 74 out of 80": the earlier counts of a population, not a level
                if role.measure == "target" and \
                        _LEVEL_AGAINST_TARGET.search(text, max(c.start, n.start - 60), n.start):
                    role = frames.Role("actual")  # "the performance against target is 84%": the level
                if _TARGET_MOVED.search(text, max(c.start, n.start - 120), n.start) or (
                        moved_end is not None and _PAIR_TO.match(text, moved_end, n.start)):
                    # "the target change for HR2 from 5.5 days to 6.5 days": a target moved, no level stated
                    moved_end = n.end
                    continue
                level = n.unit != "count" or _count_is_level(text, n, c.start, c.end)
                if not level and role.measure == "actual":
                    unread = True
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
                # "ranging from 4 days in Northvale to 9 days in Southvale": the later end's place is its own
                ranged = _FROM_PLACE_TO.search(text, max(c.start, n.start - 90), n.start) is not None
                elsewhere = (role.measure == "previous" or ranged) and _PLACE_AFTER.match(text, n.end, c.end)
                if elsewhere and _is_place(elsewhere.group(1)):
                    # "This compared to 199 in Northvale": Northvale's level, not an earlier one
                    role = frames.Role("actual", elsewhere.group(1), role.cue_start)
                else:
                    elsewhere = None
                here = role.measure == "previous" and _HERE_AFTER.match(text, n.end, c.end)
                if here and _AS_A_WHOLE.match(text, here.end(), c.end):
                    # "Ward 3's rate was 12%, set against 9% across the city as a whole": the whole's level
                    # of a measure the clause names only for its part; no name fits it
                    continue
                if here:
                    # "Across Wales 78% were satisfied, compared with 88% here": the council's own level set
                    # against another area's, not an earlier one
                    role = frames.Role("actual", "council", role.cue_start)
                measure = role.measure
                aim = measure == "actual" and _TARGET_AIM.search(text, max(c.start, n.start - 100), n.start)
                if aim:
                    measure = "target"  # "the Council is required to achieve 70%", "a target to recycle 60%"
                elif measure == "actual" and _TARGET_STATED.search(text, c.start, n.start):
                    measure = "target"  # "the statutory target is that claims are decided within 20 days"
                elif measure == "actual" and (aimed := _target_for_re().search(text, c.start, n.start)):
                    measure = "target"  # "the target level for PI 12 of 510 days": a target, for PI 12
                    role = frames.Role("target", role.area, role.cue_start, aimed.group("name"))
                under_target = (False, False)
                if measure == "actual" and role.cue_start is None:
                    under_target = _row_under_header(tv, s.start)
                    if under_target[0]:
                        measure = "target"  # a row under "... Target 2024/25": the measure's target
                if measure == "actual" and named and periods.earlier(period, doc_period):
                    measure = "previous"
                elif measure == "actual" and not named and _earlier_year(text, c.start, n.start, doc_period):
                    measure = "previous"  # "in 2019 the result was 86.53%" in a 2022/23 document
                if measure == "target" and (by := _horizon(text, n.end, c.end, doc_period)):
                    period = by  # "a target of 55% by 2025": a target for then, not for this report's period
                areas_own = False  # the figure is the clause-opening area's level ("Across Wales, ...")
                if opener_area and measure in ("actual", "previous") and role.cue_start is None and \
                        role.area == "council":
                    measure, role = "benchmark", frames.Role("benchmark", opener_area, None)
                    areas_own = True
                if measure == "previous" and not named:
                    period = None  # "up from 12%": the period before, which only the context knows
                elif measure == "previous" and periods.earlier(doc_period, period) and \
                        periods.parts(period)[0] == periods.parts(doc_period)[0]:
                    # "up from 9,100 in Q4" in a Q1 report: last year's Q4
                    period = periods.shift(period, years=-1)
                region = phrases.ratio(text, n.start, n.end, c.start, c.end) if n.unit == "percent" else (
                    n.start, n.end, None, None)
                lo = previous_end if previous_end <= region[0] else c.start
                # (a pair's second may be an earlier period's level: "from 2015/16 (A) to 2016/17 (B)")
                paired = (measure == "actual" or (measure == "previous" and role.cue_start is None)) and \
                    pair_end is not None and _PAIR_TO.match(text, pair_end, n.start)
                if paired:
                    lo = c.start  # "X rose from 58% to 67%": the subject is before the pair, not between
                hi = role.cue_start or c.end
                if measure == "actual":
                    own = phrases.phrase(text, region[0], region[1], lo, hi, region[3])
                elif role.cue_start is not None and role.cue_start < n.start:
                    if _figure_digit(text, min(lo, role.cue_start), role.cue_start, blocked + moves):
                        own = ""  # "6.2 days ..., compared with 7.0": the comparison has no name of its own
                    else:
                        own = phrases.phrase(text, role.cue_start, n.end, min(lo, role.cue_start), c.end)
                else:
                    own = phrases.phrase(text, n.start, n.end, lo, hi)
                if aim:
                    own = phrases.aim_phrase(text, n.start, n.end, c.end)
                elif measure == "target" and role.cue_start is None:
                    own = _TARGET_LEAD.sub("", own)  # "targets that include X target" names X
                if own:
                    own = _SHARED_SUBJECT.sub("", own)  # "X had improved and was now at N": X is the name
                    own = _BRACKET_REF_TAIL.sub("", own)  # "Rent arrears (4.1)" (which was ...): the name
                    # "X increased 2.1 days per FTE to 11.3": the change before the level is no part of X
                    own = _change_tail_re().sub("", own)
                    # "Householder plans were decided in an average of 6.2 weeks": what was decided
                    own = _average_tail_re().sub(r" \g<done>", own)
                    own = _change_lead_re().sub("", own)  # "an increase of 0.4 days in X" (from A to B): X
                    own = _RANKED_FOR.sub("", own)  # "ranked 9th of 32 councils for X" (at 74%): X
                    if (moved := _agent_moved_re().match(own)) and phrases.names_something(moved.group("x")):
                        # "has reduced X by 20%": X
                        own = re.sub(r"^(?:the|its|their|our)\s+", "", moved.group("x"), flags=re.I)
                    # (not "42% of children had a health check", where who had it is the measure's)
                    if (had := _had_a_re().match(own)) and phrases.names_something(had.group("y")) and \
                            own in text[c.start : n.start]:
                        own = had.group("y")  # "Northvale had an average approval rate" (of 95%)
                    if m := _moving_tail_re().match(own):
                        own = m.group("name")  # "has seen an impact with X increasing" (from 80% to 88%): X
                if own and (areas_own or (measure == "benchmark" and _area_lead_re().fullmatch(own))):
                    own = _area_lead_re().sub("", own)  # "Across Scotland the average was": where, not what
                elif own and measure == "benchmark" and role.cue_start is not None and \
                        _area_lead_re().fullmatch(text[c.start : role.cue_start].lstrip()):
                    # "Across Wales, 78% of adults were satisfied": the lead is the area's, the ratio the name
                    own = _area_lead_re().sub("", own)
                    own = re.sub(r"^of\s+", "", own) if phrases.names_something(own[3:]) else own
                if not phrases.names_something(own) and measure == "actual" and \
                        (moved_subject := _changed_to_re().match(text, s.start, n.start)) and \
                        phrases.names_something(moved_subject.group("s")):
                    # "Arrears have fallen over two years in a row, to 3.1%": arrears, the words between being
                    # when and how long
                    own = _DETERMINER.sub("", moved_subject.group("s").strip())
                if not (own and phrases.is_name(own)) and measure == "actual" and \
                        (where := _WHERE_LEAD.search(text, c.start, n.start)) and \
                        not _DIGIT.search(text, where.end(), n.start) and \
                        (whose := _WHERE_HEAD.search(text, c.start, where.start())) and \
                        phrases.names_something(whose.group("x")):
                    # "... pointed to adaptation grants, where the average was 190 days": what the "where"
                    # clause's figure is of is named right before it
                    own = _DETERMINER.sub("", whose.group("x").strip())
                if own and _PARTICIPLE_LED.match(own) and \
                        _WITH_SHARE.search(text, max(c.start, n.start - 12), n.start):
                    # "Street lights missed the target, with 81% mended in 5 days": the share is of
                    # the sentence's subject, which the participle after it describes
                    if lead := _SUBJECT_VERB.match(text, s.start, n.start):
                        own = _DETERMINER.sub("", lead.group("s").strip()) + " " + own
                elif own and n.unit == "percent" and _OF_AFTER_SHARE.match(text, n.end, c.end) and \
                        _WITH_SHARE.search(text, max(c.start, n.start - 12), n.start) and \
                        (lead := _SUBJECT_VERB.match(text, s.start, n.start)):
                    # "Planning performance improved, with 88% of applications decided in time": the share's
                    # things are the subject's ("planning applications"), its "performance" aside
                    whose = _SUBJECT_TAIL.sub("", _DETERMINER.sub("", lead.group("s").strip()))
                    if whose and not set(whose.lower().split()) & set(own.lower().split()):
                        own = f"{whose} {own}"
                if own and (sup := _SUPERLATIVE.match(own)):
                    # "X was highest for A, at N, and lowest for B, at M": X for A, then X for B
                    if sup.group("x") and phrases.names_something(sup.group("x")):
                        superlative_of = _DETERMINER.sub("", sup.group("x").strip())
                    if superlative_of:
                        own = f"{superlative_of} {sup.group('part')}"
                if own and not phrases.is_name(own):
                    own = phrases.named_tail(own)  # "employee - the figure would reduce to": no name here
                if paired and previous_phrase and not (own and phrases.is_name(own)):
                    own = previous_phrase  # "X from 2015/16 (7.1 days ...) to 2016/17 (7.4 days ...)": X
                if measure == "actual" and not phrases.names_something(own) and \
                        (bracket := _bracket_name_re().search(text, lo, n.start)):
                    # "Indicator 09 (the percentage of FOI requests answered in time) where the performance
                    # is 84%": the measure is named in the brackets before
                    own = re.sub(r"^the\s+", "", " ".join(bracket.group("name").split()), flags=re.I)
                if measure == "actual" and not phrases.names_something(own) and previous_phrase:
                    own = previous_phrase  # "went from 31.0% to 35.5%": the pair shares its subject
                previous_end = max(previous_end, region[1])
                if role.named and phrases.names_something(role.named):
                    own = role.named
                quoted = _OPEN_QUOTE.search(own) if own else None
                if quoted and phrases.names_something(own[quoted.end():]):
                    # 'which had stated that "the on-time responses to FOI requests, which stood at 90%': the
                    # quotation opened before the figure names it; the words before it report who said so
                    own = _DETERMINER.sub("", own[quoted.end():].strip())
                tail = _verdict_tail_re().search(own) if own else None
                if tail and phrases.names_something(own[: tail.start()]):
                    own = own[: tail.start()]  # "Collection rates remained strong (97.1%)": collection rates
                if own and under_target[1]:
                    own = _POLARITY_WORD.sub("", own)  # "... timescales High" (85%): which way is better
                if own and set(own.lower().split()) <= _verdicts():
                    own = ""  # "The local target of 10 days was very challenging": a verdict, not a name
                if own and _pointer_re().fullmatch(own.strip()):
                    # "Performance against this indicator had improved from 78% to 95%": the indicator the
                    # text named just before ("the indicator - X"), else no name of its own
                    own = _named_before(text, s.start, tv.paragraph_start(s.start))
                if own and _SETTER.match(own.strip()):
                    continue
                if _MONTH_LABEL.search(text, max(c.start, n.start - 16), n.start):
                    continue  # "monthly data: April - 82%; May - 91%": a month's figure, its year unnamed
                pointed = bool(own) and bool(_pointing_clause_re().search(own))
                if pointed:
                    # "12 tenants were in that situation", "late claims dragged this figure back":
                    # the clause points back to the measure named before; its own words name none
                    own = ""
                if elsewhere:
                    own = ""  # the place after the number is where, not what: the clause points back
                elif here:
                    own = previous_phrase or sentence_named or ""  # what the other area's figure measured
                if n.unit == "count" and (base := _RATE_IN_NAME.search(own)):
                    # "Children looked after per 10,000: 92.1": the name says the number is a rate
                    per = int(base.group(1).replace(",", ""))
                    n = replace(n, unit="rate", unit_words=base.group(0), rate_base=per)
                elif n.unit == "count" and (days := _DAYS_IN_NAME.search(own)):
                    # "the number of working days per FTE lost ... was 11.2": days, not a count of things
                    n = replace(n, unit="other", unit_words=days.group(1).lower())
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
                own_area = measure in ("actual", "previous") and role.area == "council"
                place = _PLACE_TAIL.search(own) if own_area else None
                part_only = False  # the clause names only the part ("and on the Westgate round 58%")
                if place and _is_place(name := place.group(1) or place.group(2)):
                    # "the recycling rate in Northvale rose to 60.2%": a figure for a part of the area
                    own = own[: place.start()]
                    role = frames.Role(role.measure, name, role.cue_start, role.named)
                    part_only = not phrases.names_something(own)
                if monthly is None:
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
                if measure == "actual" and titled and titled[0] == s.list_item:
                    # the first level under "- % of X (Green)" is X's, rated so; later ones keep their own
                    f.phrase, f.rag, titled = titled[1], titled[2], None
                if measure == "actual":
                    # a level with no name of its own reads the one before only where the clause points back
                    # to it ("This compares with ...", "It rose to ..."); elsewhere it has no indicator
                    if not f.phrase and (part_only or elsewhere) and sentence_actual:
                        f.phrase = sentence_actual  # "X on the A round was 71% and on the B round 58%": X
                    elif not f.phrase and (pointed or _points_back(text, c.start)):
                        if sentence_actual:
                            f.phrase = sentence_actual  # "..., while our performance was 91%"
                        elif c.start > s.start and (subject := _clause_subject(text, s.start, c.start)):
                            # "X had declined last year, but this had now improved, at a rate of 96%": X
                            f.phrase = subject
                        elif carry and s.start - carry[1] < 400 and _fits(carry[2], n.unit):
                            f.phrase = carry[0]
                            if n.unit == "count" and (unit := units_of.get(f.phrase)) and unit[0] != "count":
                                f.unit, f.unit_words, f.rate_base = unit  # "This compared to 199": days too
                        elif not carry and title and title[1] == _item_start(tv, s.start) and \
                                _fits(title[2], n.unit):
                            f.phrase = title[0]  # "the overall figure was 13.9 days" under its item's title
                    # money that is no measure ("an additional £700K in cashflow terms") owns no comparison
                    spent = n.unit == "currency" and not anywhere("money_measures").search(f.phrase)
                    if spent:
                        f.phrase = ""
                    if f.phrase and f.area != "council":
                        parts.setdefault(f.phrase, f.area)
                    if f.phrase and not (sentence_actual and anywhere("variant_openers").match(f.phrase)):
                        sentence_actual = f.phrase
                        actual_unit = (n.unit, n.unit_words, n.rate_base)
                        f.direction = _direction(text, c.start, c.end)
                        f.rag = _rag(text, s.start, s.end) or f.rag
                out.append(f)
                if f.phrase and not f.phrase.startswith(f"{f.topic}: "):
                    units_of.setdefault(f.phrase, (f.unit, f.unit_words, f.rate_base))
                if f.phrase and measure == "benchmark" and own:
                    sentence_named = sentence_named or f.phrase
                nameless = nameless or (measure == "actual" and not f.phrase)
                previous_phrase = f.phrase or previous_phrase
                if measure != "actual":
                    pending.append((f, clause_actual))
                    pair_end = n.end
                elif f.phrase:
                    clause_actual = f.phrase
                    if pending and pending[-1][0].measure == "previous" and pair_end is not None and \
                            _PAIR_TO.match(text, pair_end, n.start):
                        # "visits had fallen from 412 to 390": the earlier level is the later one's
                        pending[-1] = (pending[-1][0], f.phrase)
                if measure == "actual":
                    pair_end = None
            # a comparison belongs to its clause's figure, else to the sentence's figure so far
            dated_level = None  # "X was 12.7% for 2022/23, the latest published, compared with 14.5% in Y"
            for f, preceding in pending:
                if f.unit == "count" and actual_unit and actual_unit[0] != "count":
                    f.unit, f.unit_words, f.rate_base = actual_unit  # "from 45.2 in 2021/22" is a rate too
                owner = preceding or clause_actual or sentence_actual
                if f.measure == "previous" and f.period and f.phrase and not preceding:
                    dated_level = f  # the sentence's level is an earlier year's, named with its year
                elif not owner and dated_level is not None and f.measure == "benchmark" and not f.phrase:
                    # the comparator's figure is for the same year as the level it is compared with
                    owner, f.period = dated_level.phrase, dated_level.period
                if f.measure == "benchmark" and not preceding and phrases.names_something(f.phrase) and \
                        actual_unit and actual_unit[0] != f.unit:
                    # "X across NI is 52.8 weeks and the council issued 11 Y": X, not the later count Y
                    owner = None
                if owner and (not f.phrase or f.area != "council" or f.measure in ("target", "previous")):
                    f.phrase = owner  # "... against a target of 90%": the clause's indicator
                    if f.measure == "previous" and f.area == "council" and owner in parts:
                        f.area = parts[owner]  # "X on the A round had risen to 64% from 58%": A's, before
                elif carry and (not f.phrase or len(f.phrase.split()) > 10 or _points_back(text, c.start)) \
                        and _fits(carry[2], f.unit) and not (nameless and not _points_back(text, c.start)) \
                        and not (unread and not _points_back(text, c.start)):
                    # ("40 shelters were renewed, against a target of 50": the target is the unread count's,
                    # not the paragraph's indicator)
                    # "... which brought about a fall from 9.2%": a long clause is no name; the paragraph's
                    # indicator is the one compared
                    f.phrase = carry[0]
            pending = []
        if sentence_actual and not anywhere("variant_openers").match(sentence_actual):
            carry = (sentence_actual, s.end, None)
        elif sentence_named:
            carry = (sentence_named, s.end, None)  # "X across Wales stood at 231. This compared to ..."
        elif not _gave_figure(out, s.start) and (shown := _SHOWN.search(text, s.start, s.end)):
            carry = (_shown_name(shown), s.end, None)  # "... X for each of the three areas": no figure of X
        elif carry:
            carry = (carry[0], s.end, carry[2])
    kept = []
    for f in out:
        if subject and not f.phrase:
            f.phrase = subject  # a table row's commentary: a figure naming nothing is the row's measure's
        if f.topic and f.phrase and not _shares_words(f.topic, f.phrase):
            f.phrase = f"{f.topic}: {f.phrase}"
        elif f.topic and not f.phrase:
            f.phrase = f.topic
        if not f.phrase:
            notes.append(f"figure {f.value} at {f.start}: no indicator named")
            continue
        if not phrases.is_name(f.phrase):
            tail = phrases.named_tail(f.phrase)
            if not tail:
                notes.append(f"figure {f.value} at {f.start}: '{f.phrase}' is not a measure's name")
                continue
            f.phrase = tail  # "... asked what would happen if the Council missed the statutory recycling"
        if f.unit == "currency" and not anywhere("money_measures").search(f.phrase):
            notes.append(f"money {f.value} at {f.start}: not a measure ({f.phrase})")
            continue
        kept.append(f)
    return kept, notes


# "..., where the average of 190 days ...": a clause opening on "where" (its figure's measure named before it)
_WHERE_LEAD = re.compile(r",\s*(?:where|in\s+which|for\s+which)\s+(?:the\s+)?(?:average|rate|"
                         r"performance|time\s+taken)\b", re.I)
# what that is: the noun phrase after a preposition that closes the clause before ("drew attention to X,
# where")
_WHERE_HEAD = re.compile(r"\b(?:to|on|about|for|at|with)\s+(?P<x>(?:[\w\-'’]+\s+){0,5}?[\w\-'’]+)\s*$", re.I)


# A sentence saying a paper shows a measure for each part ("Appendix B sets out the time taken to clear X for
# each of the four areas"): the figures after it that name nothing are that measure's
_SHOWN = re.compile(r"\b(?:showed|shows|set\s+out|sets\s+out|gave|gives|broke\s+down|breaks\s+down|presented|"
                    r"presents)\s+(?:the\s+)?(?P<x>(?:average\s+)?(?:time\s+taken|number|percentage|proportion|"
                    r"rate|average|time|level)\b[^.;:\d]{3,80}?)\s+(?:for\s+each\b|by\s+(?:area|ward|district|"
                    r"locality|team|site)s?\b|broken\s+down\b)", re.I)


def _shown_name(m: re.Match[str]) -> str:
    return " ".join(m.group("x").split())


def _gave_figure(out: list[Found], start: int) -> bool:
    """Did the sentence starting at `start` give a figure?"""
    return bool(out) and out[-1].start >= start


def _clause_subject(text: str, start: int, end: int) -> str:
    """The subject of the sentence's first clause, before its verb, when it names a measure ("Rent collection
    rates had declined ..." -> "Rent collection rates"); "" otherwise."""
    m = _SUBJECT.match(text, start, end)
    if not m:
        return ""
    subject = re.sub(r"^the\s+", "", m.group("s").strip(), flags=re.I)
    return subject if phrases.is_name(subject) and phrases.names_something(subject) else ""


@cache
def _changed_to_re() -> re.Pattern[str]:
    """A subject, a perfect verb of change and, after a comma, "to" the level: "Re-referrals have fallen for
    a second year, to ..."."""
    return re.compile(r"\s*(?P<s>(?:[\w\-'’]+\s+){1,6}?)(?:has|have|had)\s+(?:"
                      + alternation(words()["change_verbs"])
                      + r")\b[^.;,]{0,60},\s*(?:up\s+|down\s+)?to\s*$", re.I)


_OPEN_QUOTE = re.compile(r'["“](?=[^"”]*$)')  # a quotation opened and not closed
_DETERMINER = re.compile(r"^(?:the|our|its|their)\s+", re.I)
_BASED_ON = re.compile(r"\b(?:based\s+on|calculated\s+(?:as|on)|capped\s+at|pegged\s+(?:at|to)|set\s+at)\s*$",
                       re.I)
_AS_A_WHOLE = re.compile(r"\s+as\s+a\s+whole\b", re.I)
_PARTICIPLE_LED = re.compile(r"^[a-z]+(?:ed|en)\b(?!\s+(?:by|to)\b)", re.I)
# "the wait was longest for A", "(and) lowest for B": which part the level is for, and of what
_SUPERLATIVE = re.compile(r"^(?:(?P<x>.+?)\s+(?:was|were|is|are|remained|remains)\s+)?(?:the\s+)?"
                          r"(?:highest|lowest|best|worst|greatest|longest|shortest|largest|smallest)\s+"
                          r"(?P<part>(?:for|in|among|amongst|at)\s+.+)$", re.I)
_WITH_SHARE = re.compile(r",?\s+with\s+$", re.I)
_OF_AFTER_SHARE = re.compile(r"\s*(?:%|per\s*cent)?\s+of\s", re.I)
# words closing a subject that say how it did, not what it is of ("FOI performance", "collection rates")
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:performance|rates?|results?|figures?|levels?|position))+$", re.I)
# the subject of a sentence whose verb sets it against a target or reports what was done
_SUBJECT_VERB = re.compile(r"\s*(?P<s>(?:[\w\-'’]+\s+){1,6}?)(?:met|missed|exceeded|beat|achieved|reached|"
                           r"had|has|have|was|were|is|are)\b", re.I)
# a subject of up to eight words and the auxiliary or verb of being after it
_SUBJECT = re.compile(r"\s*(?P<s>(?:[\w\-'’]+\s+){1,8}?)(?:had|has|have|was|were|is|are)\b", re.I)


# ("this represents 95% of ..." may point back to a measure's level: not among them)
_MAKES_UP = re.compile(r"\b(?:makes?\s+up|made\s+up|accounts?\s+for|accounted\s+for|comprises?)\s+"
                       r"(?:(?:around|about|approximately|roughly|nearly|almost|just\s+over|just\s+under|some)\s+)?$",
                       re.I)
_RANGE_TO = re.compile(r"\s*(?:%|per\s?cent)?\s*(?:to|-|–)\s*$", re.I)


@cache
def _range_from_re() -> re.Pattern[str]:
    """What makes "A to B" a move and not a range: "from A to B", "increased 2.1 days to 11.3", "by 4% to"."""
    cues = alternation([*words()["change"], *words()["change_straight"], "from", "between"])
    return re.compile(r"\b(?:" + cues + r")\s+(?:(?:over|around|about|nearly|almost)\s+)?$", re.I)
# a share followed by how those asked answered: "88% agreed", "60% felt that"
_OPINION_AFTER = re.compile(r"\s+(?:agreed|disagreed|supported|opposed|felt|thought|believed|voted|said|"
                            r"strongly\s+agreed|were\s+in\s+favour)\b", re.I)


def _in_range(text: str, n: Number, found: list[Number], k: int) -> bool:
    """One end of a range ("85 to 100%", "between 20 and 30 days" aside): two figures joined by "to" or a dash
    with no "from" before the first, which would make them an earlier and a later level."""
    for a, b in ((found[k - 1] if k else None, n), (n, found[k + 1] if k + 1 < len(found) else None)):
        if a is None or b is None or not _RANGE_TO.fullmatch(text, a.end, b.start):
            continue
        if not _range_from_re().search(text, back(text, a.start, 30), a.start):
            return True
    return False


def _side_by_side(text: str, a: Number | None, b: Number | None) -> bool:
    """Two figures with only spaces between them ("56 days 61 days"): cells of a row, not a sentence's."""
    return a is not None and b is not None and not text[a.end : b.start].strip()


def _figure_digit(text: str, a: int, b: int, blocked: list[tuple[int, int]]) -> bool:
    """A digit in text[a:b] outside a date, year or reference ("For 2014/15 the ... across Wales stood at
    231": the year is no figure before the benchmark's)."""
    return any(not any(x <= m.start() < y for x, y in blocked) and not _COMPOUND.match(text, m.end())
               and not _IN_WORD.search(text, max(0, m.start() - 2), m.start())
               for m in _DIGITS.finditer(text, a, b))


_DIGITS = re.compile(r"\d+")
_DENOMINATOR = re.compile(r"\d[\d,]*\s+(?:out\s+)?of\s+(?:these|those|the|them|which)?\s*$", re.I)
_COMPOUND = re.compile(r"-[A-Za-z]")  # "5-day response rate": a number inside a name, no figure
_IN_WORD = re.compile(r"[A-Za-z]-?$")  # "COVID-19", "S4": a name's digits


@cache
def _external_source_re() -> re.Pattern[str]:
    """"An ONS report in 2022 found ...", "A national LGA survey showed ...": an outside body's finding."""
    own = r"(?!(?:" + "|".join(re.escape(w) for w in words()["own_sources"]) + r")\b)"
    name = r"(?:[A-Z]{2,}|[A-Z][a-z]+)"
    return re.compile(
        r"\b(?i:an?|the)\s+(?:(?i:national|recent|latest|new)\s+)?" + own.replace("(?!(?:", "(?!(?i:")
        + name + r"(?:\s+" + own.replace("(?!(?:", "(?!(?i:") + name + r"){0,3}\s+(?:\d{4}\s+)?(?i:"
        + alternation(words()["external_source_nouns"]) + r")(?:\s+(?i:in|for|of|from)\s+\d{4})?\s+(?i:"
        + alternation(words()["external_source_verbs"]) + r")\b")


@cache
def _scorecard_re() -> re.Pattern[str]:
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
def _opening_area_re() -> re.Pattern[str]:
    """A clause opening on where its figures are for: "Nationally, ...", "Across Wales ...", "In Scotland,
    ..."; a bare comparator must be an adverb or take a comma ("National Non-Domestic Rates" is a name)."""
    from kg.extract.figures.vocab import comparator_re

    comp = comparator_re().pattern
    lead = r"\W*(?:(?:however|but|and|while|whilst|whereas|also)\s*,?\s+)?"
    return re.compile(
        lead + r"(?:(?:" + alternation(words()["area_prepositions"]) + r")\s+(?:the\s+)?(?P<a>" + comp + r")"
        r"|(?P<b>" + comp + r")\s*,|(?P<c>" + alternation(words()["area_adverbs"]) + r"))", re.I)


def _opening_area(text: str, lo: int, hi: int) -> str | None:
    """The area code of a clause that opens on its area and speaks of no figure of the council's own."""
    from kg.extract.figures.vocab import comparator_code

    m = _opening_area_re().match(text, lo, hi)
    if not m or _OWN.search(text, lo, hi) or _NAMED_SUBJECT.match(text, m.end(), hi):
        return None
    return comparator_code(m.group("a") or m.group("b") or m.group("c"))


# "our", "we", "the Council": a clause about the council's own figure, whatever area it opens on
_OWN = re.compile(r"\b(?:our|we|(?:the|this)\s+(?:council|authority))\b", re.I)
# "In Wales, Anglesey achieved 95%": a subject named by a proper noun after the area is whose the figure is
_NAMED_SUBJECT = re.compile(r"\W*(?!(?:The|This|These|That|Those|Its|It|There|A|An|At|By|In|On|Of|For|Over|"
                            r"During|Overall|Average|Performance)\b)[A-Z][a-z]")


@cache
def _area_lead_re() -> re.Pattern[str]:
    """What opens a clause on its area (figures.yaml: area_prepositions, area_adverbs), left out of the name
    of that area's figure."""
    leads = alternation([*words()["area_prepositions"], *words()["area_adverbs"]])
    return re.compile(r"^(?:" + leads + r")\b[\s,]*", re.I)


@cache
def _change_tail_re() -> re.Pattern[str]:
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
def _had_a_re() -> re.Pattern[str]:
    """Whose figure it is and a verb of having before the measure: "Northvale had an average approval rate"
    (of 95%), "the service achieved a collection rate" (of 97%): the measure after the article."""
    verbs = r"(?:had|has|have|achieved|recorded|reported|returned)"
    return re.compile(r"^\S.*?\s" + verbs + r"\s+(?:an?)\s+(?P<y>\S.*)$", re.I)


# "9 of 11 agreed audit actions are now implemented": audit actions implemented, a measure of its own, not a
# count of a scorecard's actions on track
_IMPLEMENTED = re.compile(r"\s+(?:had\s+been|have\s+been|has\s+been|were|was|are|is|now)\s+(?:fully\s+)?"
                          r"implemented\b", re.I)


@cache
def _pointing_clause_re() -> re.Pattern[str]:
    """A clause that names its measure only by pointing back: "X were in that position" (the group just
    asked about), "Y dragged this figure back" (the figure just discussed)."""
    return re.compile(r"\b(?:were|was|are|is)\s+in\s+(?:that|this|the\s+same|a\s+similar)\s+"
                      r"(?:position|situation|category|group)\b"
                      r"|\b(?:" + alternation(words()["figure_movers"]) + r")\s+(?:the|this|that|our)\s+"
                      r"(?:figure|rate|result|performance|percentage|level|position)"
                      r"(?:\s+(?:down|up|back|lower|higher))?$", re.I)


# "The regulator had set an ambition of six days": who set it, never what it is for (which the paragraph's
# indicator need not be: an outside body's aim is no target of the council's)
_SETTER = re.compile(r"^(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+(?:has|have|had)\s+"
                     r"(?:set|agreed|adopted|introduced)$", re.I)


@cache
def _agent_moved_re() -> re.Pattern[str]:
    """Someone moving a measure, and by how much, before its levels: "Council has reduced the number of open
    cases by 15%" (from 900 to 765) names the number of open cases."""
    verbs = alternation(words()["moved_by"])
    return re.compile(r"^\S.*?\s(?:has|have|had)\s+(?:" + verbs + r")\s+(?P<x>(?![a-z]+ly\b)\S.*?)"
                      r"(?:\s+by\s+(?:(?:over|around|about|nearly|almost|some|more\s+than)\s+)?[£]?\d[\d,.]*\s*"
                      r"(?:%|per\s?cent|[a-z]+)?)?$", re.I)


@cache
def _change_lead_re() -> re.Pattern[str]:
    """A change and its amount opening a name: "an increase of 0.4 days in the number of days lost" names the
    number of days lost."""
    nouns = alternation(words()["change_nouns"])
    return re.compile(r"^(?:(?:an?|the)\s+)?(?:[a-z]+\s+)?" + nouns
                      + r"\s+(?:of\s+[£]?\d[\d,.]*\s*(?:%|[a-z]+)?\s+)?in\s+(?:the\s+)?(?=\S)", re.I)


@cache
def _moving_tail_re() -> re.Pattern[str]:
    """A name ending in a verb of change in -ing, maybe after "with" ("... has seen a good impact with
    the response rate increasing"): the name is the noun phrase before the verb, after the "with"."""
    verbs = alternation(words()["change_verbs_ing"])
    return re.compile(r"^(?:.*\bwith\s+)?(?P<name>\S.*?)\s+(?:" + verbs + r")$", re.I)


@cache
def _average_tail_re() -> re.Pattern[str]:
    """A passive verb and "in an average (of)" ending a figure's name: "Major applications were processed in
    an average" names the major applications processed, the average being the figure's frame."""
    from kg.extract.nlp import vocabulary

    irregular = alternation(vocabulary("due_conditions")["irregular_participles"])
    return re.compile(r"\s+(?:(?:was|were|is|are|have\s+been|has\s+been|had\s+been)\s+)"
                      r"(?P<done>[a-z]+(?:ed|en)|" + irregular + r")"
                      r"\s+(?:with)?in\s+an?\s+average(?:\s+of)?$", re.I)


@cache
def _bracket_name_re() -> re.Pattern[str]:
    """A measure named in brackets, then a clause pointing back to it up to the number: "(the percentage of X)
    where the performance against target is", "(the number of Y), which stood at"."""
    heads = alternation(words()["measure_heads"])
    return re.compile(r"\(\s*(?P<name>(?:the\s+)?" + heads + r"[^()]{3,150}?)\s*\)\s*,?\s*"
                      r"(?:where|with|which|at)\b[^()\d.;]{0,60}$", re.I)


@cache
def _asked_re() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(words()["question_verbs"]) + r"\b", re.I)


# "... in the Vale of Hollin", right after a number: the place the figure is for.
_PLACE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?((?-i:[A-Z])[a-z'\-]+"
                          r"(?:\s+(?:of\s+|and\s+|upon\s+)?(?-i:[A-Z])[a-z'\-]+){0,3})")
# "compared with 88% here": this council's level (unless an earlier one: "88% here last year")
_HERE_AFTER = re.compile(r"\s+(?:here|locally|(?:in|for|across)\s+(?:the|this)\s+"
                         r"(?:borough|district|county|city|council\s+area|authority\s+area|authority|council))\b"
                         r"(?![^.;,]{0,25}\b(?:last|previous|prior|earlier|ago|before)\b)", re.I)
# "from 3 days in the Northvale area to": the range's earlier end for a place, then its later end
_FROM_PLACE_TO = re.compile(r"\bfrom\s+[£]?\d[\d,.]*\s*%?(?:\s+[a-z]+){0,2}\s+in\s+(?:the\s+)?"
                            r"(?-i:[A-Z])[^\d;]{0,40}?"
                            r"\s+to\s+$")
_PLACE_TAIL = re.compile(r"\s+in\s+((?:[A-Z][a-z'\-]+)(?:\s+[A-Z][a-z'\-]+){0,2})$"
                         # "take-up on the Eastfield round", "(on the) Westgate round": a part of the area
                         # named with the kind of part it is
                         r"|(?:^|\s+(?:in|on|for|across|within)\s+)(?:the\s+)?((?:[A-Z][a-z'\-]+)(?:\s+[A-Z][a-z'\-]+)"
                         r"{0,2})\s+(?:" + alternation(words()["part_kinds"]) + r")$")


def _is_place(name: str) -> bool:
    """A capitalised name after "in" that is not a month, a period or a comparator the frames read."""
    from kg.periods import MONTH_NAMES

    if re.fullmatch(MONTH_NAMES + r"(?:\s+\w+)*", name) or re.match(r"(?:Q|Quarter|Qtr)\b", name):
        return False
    low = name.lower()
    if low in {w.lower() for w in words()["languages"]}:
        return False  # "forms available in Welsh": a language, not a place
    return not any(low == p.lower() or low.startswith(p.lower() + " ")
                   for ps in words()["comparators"].values() for p in ps)


# A block's header line naming its one value column a target ("Ref  Measure  Good is  Target 2024/25"), with
# no figure of its own: the figure ending each row under it is the measure's target, not a level reached.
_TARGET_COLUMN = re.compile(r"\btargets?\b", re.I)
_LEVEL_COLUMN = re.compile(r"\b(?:actual|outturn|result|value|current|latest|q[1-4]|quarter)\b|%|"
                           r"\d[\d,]*\.\d", re.I)
# ... and a column saying which way is better, whose word ends each row's name ("... timescales High 85%")
_POLARITY_COLUMN = re.compile(r"\bgood\s+is\b|\bpolarity\b|\bbetter\s+is\b|\bhigher\s+or\s+lower\b", re.I)
_POLARITY_WORD = re.compile(r"\s+(?:high|low|higher|lower)$", re.I)


def _row_under_header(tv: TextView, pos: int) -> tuple[bool, bool]:
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


def _item_start(tv: TextView, pos: int) -> int:
    item = tv.item_at(pos)
    return item.start if item else -1


_TARGET_AIM = re.compile(r"\b(?:targets?|required|requirement|aims?|ambition|goal)\b"
                         r"(?:(?!\b(?:against|of|had|have|has)\b|[.;]).){0,60}?"
                         r"\bto\s+(?:[a-z\-]+\s+){1,4}?(?:to\s+|by\s+|below\s+|under\s+)?"
                         r"(?:a\s+|an\s+|at\s+least\s+)?$", re.I)
# A clause that says what a target is: every figure after it in the clause is the target's, not a level
# reached ("the target was that ...", "targets which include ...", "the target for ... is").
_TARGET_STATED = re.compile(r"\btargets?\s+(?:(?:was|is|were|are)\s+that|(?:that|which)\s+"
                            r"(?:include|includes|are|were)|include|includes|including|"
                            r"(?:of|for)\s+[a-z]+ing\s+(?:is|was|are|were))\b"
                            r"(?:(?!\b(?:against|compared|actual|achieved|outturn|performance\s+was)\b|[.;]).)*$",
                            re.I)


@cache
def _verdicts() -> frozenset[str]:
    return frozenset(w.lower() for w in words()["verdict_words"])


@cache
def _verdict_tail_re() -> re.Pattern[str]:
    degree = r"(?:(?:" + alternation(words()["verdict_words"]) + r"|still|relatively)\s+)*"
    return re.compile(r"\s+" + alternation(words()["verdict_verbs"]) + r"\s+" + degree
                      + alternation(words()["verdict_tails"]) + r"(?:\s+at)?\s*$", re.I)


@cache
def _pointer_re() -> re.Pattern[str]:
    """A name that only points back at an indicator: "this indicator", "the measure"."""
    return re.compile(r"(?:performance\s+(?:against|on)\s+)?(?:this|that|the|same)\s+(?:"
                      + alternation(words()["notation_words"]) + r")", re.I)


@cache
def _introduced_re() -> re.Pattern[str]:
    """An indicator introduced by name after a dash or colon: "with the indicator - X.", "measure: X."."""
    return re.compile(r"\b(?:" + alternation(words()["notation_words"])
                      + r")\s*[:\-–—]\s*(?P<name>[^.;:\n]{3,120})", re.I)


def _named_before(text: str, at: int, paragraph: int) -> str:
    """The last indicator introduced by name in the 400 characters before `at`, within its paragraph (which
    starts at `paragraph`)."""
    lo = max(paragraph, at - 400)
    found = list(_introduced_re().finditer(text, lo, at))
    return " ".join(found[-1].group("name").split()) if found else ""


@cache
def _target_for_re() -> re.Pattern[str]:
    """"the target for X was", "the statutory minimum requirement for X was": a target for X follows."""
    return re.compile(r"\b" + alternation(words()["target_for_heads"])
                      + r"\s+for\s+(?P<name>[^.;,]{2,80}?)\s+"
                      r"(?:of|was|is|at|stood\s+at|set\s+at|has\s+been\s+set\s+at)\s*$", re.I)


_TARGET_LEAD = re.compile(r"^.*\btargets?\s+(?:(?:was|is|were|are)\s+that|"
                          r"(?:that|which)\s+(?:include|includes)|include|includes|including)\s+|"
                          r"\s+targets?(?:\s+of\s+[a-z]+ing)?$|"
                          r"\s+within(?:\s+an?)?(?:\s+average)?$", re.I)
_NUMBER_NEXT = re.compile(r"\s+\d")  # right after a number read with its "out of"
# A target's horizon right after it: "by 2025", "by March 2026", "by the end of 2030", "by 2025/26"
_BY = re.compile(r"[^\d.;]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:(?P<m>[A-Za-z]+)\s+)?"
                 r"(?P<y>(?:19|20)\d\d)(?:\s*[/\-–]\s*(?P<y2>\d\d))?\b")


def _horizon(text: str, lo: int, hi: int, doc_period: str | None) -> str | None:
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


def _earlier_year(text: str, lo: int, hi: int, doc_period: str | None) -> bool:
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
_LEVEL_AGAINST_TARGET = re.compile(r"\bperformance\s+against\s+(?:the\s+|its\s+)?target\s+"
                                   r"(?:is|was|were|are|stood\s+at|stands\s+at)\s*$"
                                   # "is on target at 16.6 days", "remains below target at 91%": where the
                                   # level stands against its target, the level itself
                                   r"|\b(?:on|above|below|ahead\s+of|behind|off|under|over|within)\s+"
                                   r"(?:the\s+|its\s+)?target\s*,?\s*at\s*$", re.I)
_TARGET_MOVED = re.compile(r"\btargets?\b(?:(?!\bagainst\b|[.;]).){0,80}?\bfrom\s*$", re.I)
# "from 58% to", "from 2015/16 (7.1 days lost per head) to 2016/17 (": the pair's second figure follows
# ("from 9 in Quarter 1 to 14", "from 61% in 2022/23 to 64%": the earlier level's period between)
_PAIR_TO = re.compile(r"\s*(?:%|per\s+cent)?"
                      r"(?:\s+(?:[^\d\s,;]+|(?:quarter|qtr|q)\s*[1-4]|(?:19|20)\d\d(?:/\d{2})?)"
                      r"){0,12}?\s*\bto"
                      r"(?:\s+(?:19|20)\d\d(?:\s*[/\-–]\s*\d{2,4})?\s*\()?\s*$", re.I)
_COORDINATED = re.compile(r"(?:\band|\bor|,|&)\s*$", re.I)
_COORDINATED_AFTER = re.compile(r"\s*(?:,|\band\b|\bor\b|&|\bas\s+well\s+as\b)", re.I)


def _fits(concept: str | None, unit: str) -> bool:
    """Can a figure in `unit` be of the scheme `concept` (None: a phrase, not a concept, always can)? A count
    is not a percentage of something named in the question before it."""
    return concept is None or indicators.same_unit(unit, indicators.unit(concept)) or \
        indicators.in_unit(concept, unit) is not None


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
_SHARED_SUBJECT = re.compile(r"\s+(?:(?:had|has|have)\s+(?:been\s+)?|(?:was|were|is|are)\s+)?[a-z]+(?:ed|en)"
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


def _points_back(text: str, start: int) -> bool:
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


_RATED_TITLE = re.compile(r"(?P<name>[^.;:!?\d]{6,160}?)\s*\((?P<rag>red|amber|green)\)\s*$", re.I)


def _rated_title(text: str, s) -> tuple[str, str] | None:  # noqa: ANN001 - a kg.text Sentence
    """A list item opening with an indicator's name and its RAG colour in brackets, no figure, no verb
    ("- % of household waste recycled (Green)"): (the name, the colour)."""
    line_end = text.find("\n", s.start)
    body = text[s.start : line_end if 0 <= line_end < s.end else s.end].strip()
    m = _RATED_TITLE.fullmatch(body)
    if not m or re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", m.group("name"), re.I):
        return None
    name = re.sub(r"^%\s*", "Percentage ", m.group("name").strip())  # "% of X": the percentage of X
    return name, words()["rag"]["colours"][m.group("rag").lower()]


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

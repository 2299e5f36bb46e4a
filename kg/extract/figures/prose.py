"""Figures stated in sentences: every number with a unit or a level frame, its role, period, and the
indicator phrase its clause names (or the one the sentence before named, for "This compares with ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from kg import indicators, periods
from kg.extract.figures import clauses, frames, levels, phrases, places, targets
from kg.extract.figures.numbers import not_a_figure, numbers, shapes, spelled_re
from kg.extract.figures.vocab import anywhere
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
    unit_guessed: bool = False  # a table row's figure, no unit in its label or cell: a count by default


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
_OF_NUMBER = re.compile(r"\s+of\s+\d")


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
                title = (text[a:b], targets.item_start(tv, s.start), cid)
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
            topic_item, topic = s.list_item, clauses.run_in_topic(text, s)
            if topic:
                continue  # "4.2 Rent arrears." names what the paragraph's figures are about
            if rated := clauses.rated_title(text, s):
                titled = (s.list_item, *rated)  # "- % of X (Green)" over its commentary: X's level and RAG
                continue
        pending: list[tuple[Found, str | None]] = []  # comparisons, with the clause's figure before them
        unread = False  # the sentence states a count read as no level: its comparisons may be that count's
        pair_end: int | None = None  # the end of a comparison's number: "from 58% to 67%" pairs it
        moved_end: int | None = None  # the end of a moved target's old value
        if not _DIGIT.search(text, s.start, s.end) and not spelled_re().search(text, s.start, s.end):
            question = clauses.asked_re().search(text, s.start, s.end)
            # the scheme's names, looked for only in a question (the parse is the text layer's own)
            mentions = indicators.named_spans(tv.doc, question.end(), s.end) if question else []
            named = {(cid, text[a:b]) for cid, a, b in mentions}
            coordinated = any(clauses.COORDINATED.search(text, max(s.start, a - 8), a)
                              or clauses.COORDINATED_AFTER.match(text, b, s.end) for _, a, b in mentions)
            asked = bool(named)
            if asked and len({cid for cid, _ in named}) == 1 and not coordinated:
                cid, words_ = min(named)
                carry = (words_, s.end, cid)  # the question names what the answer's figure is about
            elif asked:
                carry = None  # "asked about recycling and fly-tipping": an answer's figure could be either
            elif shown := clauses.SHOWN.search(text, s.start, s.end):
                # "the table gives X for each area": X follows
                carry = (clauses.shown_name(shown), s.end, None)
            elif carry:
                carry = (carry[0], s.end, carry[2])  # a sentence without a number passes the indicator on
            continue
        if len(_RAG_KEY.findall(text, s.start, s.end)) >= 2:
            continue  # "Green = at or above target, Amber = up to 3% below, Red = over 3% below": a key
        read_from = s.start  # where the sentence's own measures may start
        if clauses.external_source_re().search(text, s.start, s.end):
            notes.append(f"sentence at {s.start}: an outside body's finding, not the council's figures")
            continue
        if _UNNAMED_SHARE.match(text, s.start, s.end):
            # "30 (45%) were green at the year end": how many of the items named before (a scorecard's), no
            # measure of its own
            notes.append(f"sentence at {s.start}: counts items it does not name, not a measure")
            continue
        if (card := clauses.scorecard_re().search(text, s.start, s.end)) and \
                not clauses.IMPLEMENTED.match(text, card.end(), s.end):
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
            opener_area = places.opening_area(text, max(c.start, read_from), c.end)
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
                if clauses.side_by_side(text, before_n, n) or clauses.side_by_side(text, n, after_n):
                    # "Other cases 56 days 61 days": a table's row, its columns unknown
                    notes.append(f"figure {n.value} at {n.start}: one of a row's figures, its column unknown")
                    continue
                if subset and n.start >= subset.end():
                    notes.append(f"figure {n.value} at {n.start}: part of a population, not the indicator")
                    continue
                if n.unit == "count" and clauses.DENOMINATOR.search(text, max(c.start, n.start - 30),
                                                                      n.start):
                    continue  # "7 of these 17 were behind target": how many there were, no measure's level
                if clauses.in_range(text, n, found_here, k):
                    notes.append(f"figure {n.value} at {n.start}: one end of a range, not a level")
                    continue  # "85 to 100% of respondents agreed"
                if clauses.MAKES_UP.search(text, max(c.start, n.start - 40), n.start):
                    continue  # "fees make up about 15% of the service's income": a composition, no level
                if n.unit == "percent" and clauses.BASED_ON.search(text, max(c.start, n.start - 30),
                                                                     n.start):
                    continue  # "a grant based on 85% of the 2019 rate": how an amount is worked out, no level
                if n.unit == "percent" and clauses.OPINION_AFTER.match(text, n.end, c.end):
                    continue  # "- 88% agreed we should do this": a share of those consulted, of no measure
                role = frames.role(text, n, c.start, c.end)
                if role.measure in ("change", "forecast"):
                    moves.append((n.start, n.end))  # "an increase of 0.4 days in X from ...": no level
                    continue
                if role.measure == "previous" and n.unit_words == "out of" and \
                        targets.NUMBER_NEXT.match(text, n.end):
                    continue  # "compared to 74 out of 80": the earlier counts of a population, not a level
                if role.measure == "target" and \
                        targets.LEVEL_AGAINST_TARGET.search(text, max(c.start, n.start - 60), n.start):
                    role = frames.Role("actual")  # "the performance against target is 84%": the level
                if (targets.TARGET_MOVED.search(text, max(c.start, n.start - 120), n.start)
                        and not targets.LEVEL_UP_FROM.search(text, max(c.start, n.start - 120), n.start)) or (
                        moved_end is not None and targets.PAIR_TO.match(text, moved_end, n.start)):
                    # "the target change for HR2 from 5.5 days to 6.5 days": a target moved, no level stated
                    moved_end = n.end
                    continue
                level = n.unit != "count" or levels.count_is_level(text, n, c.start, c.end)
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
                ranged = places.FROM_PLACE_TO.search(text, max(c.start, n.start - 90), n.start) is not None
                elsewhere = ((role.measure == "previous" or ranged)
                             and places.PLACE_AFTER.match(text, n.end, c.end))
                if elsewhere and places.is_place(elsewhere.group(1)):
                    # "This compared to 199 in Northvale": Northvale's level, not an earlier one
                    role = frames.Role("actual", elsewhere.group(1), role.cue_start)
                else:
                    elsewhere = None
                here = role.measure == "previous" and places.HERE_AFTER.match(text, n.end, c.end)
                if here and clauses.AS_A_WHOLE.match(text, here.end(), c.end):
                    # "Ward 3's rate was 12%, set against 9% across the city as a whole": the whole's level
                    # of a measure the clause names only for its part; no name fits it
                    continue
                if here:
                    # "Across Wales 78% were satisfied, compared with 88% here": the council's own level set
                    # against another area's, not an earlier one
                    role = frames.Role("actual", "council", role.cue_start)
                measure = role.measure
                aim = measure == "actual" and targets.TARGET_AIM.search(text, max(c.start, n.start - 100),
                                                                        n.start)
                if aim:
                    measure = "target"  # "the Council is required to achieve 70%", "a target to recycle 60%"
                elif measure == "actual" and targets.TARGET_STATED.search(text, c.start, n.start):
                    measure = "target"  # "the statutory target is that claims are decided within 20 days"
                elif measure == "actual" and (
                        aimed := targets.target_for_re().search(text, c.start, n.start)):
                    measure = "target"  # "the target level for PI 12 of 510 days": a target, for PI 12
                    role = frames.Role("target", role.area, role.cue_start, aimed.group("name"))
                under_target = (False, False)
                if measure == "actual" and role.cue_start is None:
                    under_target = targets.row_under_header(tv, s.start)
                    if under_target[0]:
                        measure = "target"  # a row under "... Target 2024/25": the measure's target
                if measure == "actual" and named and periods.earlier(period, doc_period):
                    measure = "previous"
                elif (measure == "actual" and not named
                      and targets.earlier_year(text, c.start, n.start, doc_period)):
                    measure = "previous"  # "in 2019 the result was 86.53%" in a 2022/23 document
                if measure == "target" and (by := targets.horizon(text, n.end, c.end, doc_period)):
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
                    pair_end is not None and targets.PAIR_TO.match(text, pair_end, n.start)
                if paired:
                    lo = c.start  # "X rose from 58% to 67%": the subject is before the pair, not between
                hi = role.cue_start or c.end
                if measure == "actual":
                    own = phrases.phrase(text, region[0], region[1], lo, hi, region[3])
                elif role.cue_start is not None and role.cue_start < n.start:
                    if clauses.figure_digit(text, min(lo, role.cue_start), role.cue_start, blocked + moves):
                        own = ""  # "6.2 days ..., compared with 7.0": the comparison has no name of its own
                    else:
                        own = phrases.phrase(text, role.cue_start, n.end, min(lo, role.cue_start), c.end)
                else:
                    own = phrases.phrase(text, n.start, n.end, lo, hi)
                if aim:
                    own = phrases.aim_phrase(text, n.start, n.end, c.end)
                elif measure == "target" and role.cue_start is None:
                    own = targets.TARGET_LEAD.sub("", own)  # "targets that include X target" names X
                if own:
                    # "X had improved and was now at N": X is the name
                    own = clauses.SHARED_SUBJECT.sub("", own)
                    own = _BRACKET_REF_TAIL.sub("", own)  # "Rent arrears (4.1)" (which was ...): the name
                    # "X increased 2.1 days per FTE to 11.3": the change before the level is no part of X
                    own = clauses.change_tail_re().sub("", own)
                    # "Householder plans were decided in an average of 6.2 weeks": what was decided
                    own = clauses.average_tail_re().sub(r" \g<done>", own)
                    # "an increase of 0.4 days in X" (from A to B): X
                    own = clauses.change_lead_re().sub("", own)
                    own = _RANKED_FOR.sub("", own)  # "ranked 9th of 32 councils for X" (at 74%): X
                    moved = clauses.agent_moved_re().match(own)
                    if moved and phrases.names_something(moved.group("x")):
                        # "has reduced X by 20%": X
                        own = re.sub(r"^(?:the|its|their|our)\s+", "", moved.group("x"), flags=re.I)
                    # (not "42% of children had a health check", where who had it is the measure's)
                    had = clauses.had_a_re().match(own)
                    if had and phrases.names_something(had.group("y")) and \
                            own in text[c.start : n.start]:
                        own = had.group("y")  # "Northvale had an average approval rate" (of 95%)
                    if m := clauses.moving_tail_re().match(own):
                        own = m.group("name")  # "has seen an impact with X increasing" (from 80% to 88%): X
                if own and (areas_own or (measure == "benchmark" and places.area_lead_re().fullmatch(own))):
                    # "Across Scotland the average was": where, not what
                    own = places.area_lead_re().sub("", own)
                elif own and measure == "benchmark" and role.cue_start is not None and \
                        places.area_lead_re().fullmatch(text[c.start : role.cue_start].lstrip()):
                    # "Across Wales, 78% of adults were satisfied": the lead is the area's, the ratio the name
                    own = places.area_lead_re().sub("", own)
                    own = re.sub(r"^of\s+", "", own) if phrases.names_something(own[3:]) else own
                if not phrases.names_something(own) and measure == "actual" and \
                        (moved_subject := clauses.changed_to_re().match(text, s.start, n.start)) and \
                        phrases.names_something(moved_subject.group("s")):
                    # "Arrears have fallen over two years in a row, to 3.1%": arrears, the words between being
                    # when and how long
                    own = clauses.DETERMINER.sub("", moved_subject.group("s").strip())
                if not (own and phrases.is_name(own)) and measure == "actual" and \
                        (where := clauses.WHERE_LEAD.search(text, c.start, n.start)) and \
                        not _DIGIT.search(text, where.end(), n.start) and \
                        (whose := clauses.WHERE_HEAD.search(text, c.start, where.start())) and \
                        phrases.names_something(whose.group("x")):
                    # "... pointed to adaptation grants, where the average was 190 days": what the "where"
                    # clause's figure is of is named right before it
                    own = clauses.DETERMINER.sub("", whose.group("x").strip())
                if own and clauses.PARTICIPLE_LED.match(own) and \
                        clauses.WITH_SHARE.search(text, max(c.start, n.start - 12), n.start):
                    # "Street lights missed the target, with 81% mended in 5 days": the share is of
                    # the sentence's subject, which the participle after it describes
                    if lead := clauses.SUBJECT_VERB.match(text, s.start, n.start):
                        own = clauses.DETERMINER.sub("", lead.group("s").strip()) + " " + own
                elif own and n.unit == "percent" and clauses.OF_AFTER_SHARE.match(text, n.end, c.end) and \
                        clauses.WITH_SHARE.search(text, max(c.start, n.start - 12), n.start) and \
                        (lead := clauses.SUBJECT_VERB.match(text, s.start, n.start)):
                    # "Planning performance improved, with 88% of applications decided in time": the share's
                    # things are the subject's ("planning applications"), its "performance" aside
                    whose = lead.group("s").strip()
                    whose = clauses.SUBJECT_TAIL.sub("", clauses.DETERMINER.sub("", whose))
                    if whose and not set(whose.lower().split()) & set(own.lower().split()):
                        own = f"{whose} {own}"
                if own and (sup := clauses.SUPERLATIVE.match(own)):
                    # "X was highest for A, at N, and lowest for B, at M": X for A, then X for B
                    if sup.group("x") and phrases.names_something(sup.group("x")):
                        superlative_of = clauses.DETERMINER.sub("", sup.group("x").strip())
                    if superlative_of:
                        own = f"{superlative_of} {sup.group('part')}"
                if own and not phrases.is_name(own):
                    own = phrases.named_tail(own)  # "employee - the figure would reduce to": no name here
                if paired and previous_phrase and not (own and phrases.is_name(own)):
                    own = previous_phrase  # "X from 2015/16 (7.1 days ...) to 2016/17 (7.4 days ...)": X
                if measure == "actual" and not phrases.names_something(own) and \
                        (bracket := clauses.bracket_name_re().search(text, lo, n.start)):
                    # "Indicator 09 (the percentage of FOI requests answered in time) where the performance
                    # is 84%": the measure is named in the brackets before
                    own = re.sub(r"^the\s+", "", " ".join(bracket.group("name").split()), flags=re.I)
                if measure == "actual" and not phrases.names_something(own) and previous_phrase:
                    own = previous_phrase  # "went from 31.0% to 35.5%": the pair shares its subject
                previous_end = max(previous_end, region[1])
                if role.named and phrases.names_something(role.named):
                    own = role.named
                quoted = clauses.OPEN_QUOTE.search(own) if own else None
                if quoted and phrases.names_something(own[quoted.end():]):
                    # 'which had stated that "the on-time responses to FOI requests, which stood at 90%': the
                    # quotation opened before the figure names it; the words before it report who said so
                    own = clauses.DETERMINER.sub("", own[quoted.end():].strip())
                tail = targets.verdict_tail_re().search(own) if own else None
                if tail and phrases.names_something(own[: tail.start()]):
                    own = own[: tail.start()]  # "Collection rates remained strong (97.1%)": collection rates
                if own and under_target[1]:
                    # "... timescales High" (85%): which way is better
                    own = targets.POLARITY_WORD.sub("", own)
                if own and set(own.lower().split()) <= targets.verdicts():
                    own = ""  # "The local target of 10 days was very challenging": a verdict, not a name
                if own and targets.pointer_re().fullmatch(own.strip()):
                    # "Performance against this indicator had improved from 78% to 95%": the indicator the
                    # text named just before ("the indicator - X"), else no name of its own
                    own = clauses.named_before(text, s.start, tv.paragraph_start(s.start))
                if own and clauses.SETTER.match(own.strip()):
                    continue
                if _MONTH_LABEL.search(text, max(c.start, n.start - 16), n.start):
                    continue  # "monthly data: April - 82%; May - 91%": a month's figure, its year unnamed
                pointed = bool(own) and bool(clauses.pointing_clause_re().search(own))
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
                shared = clauses.comparators_subject(own) if measure == "actual" else None
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
                place = places.PLACE_TAIL.search(own) if own_area else None
                part_only = False  # the clause names only the part ("and on the Westgate round 58%")
                if place and places.is_place(name := place.group(1) or place.group(2)):
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
                    elif not f.phrase and (pointed or clauses.points_back(text, c.start)):
                        if sentence_actual:
                            f.phrase = sentence_actual  # "..., while our performance was 91%"
                        elif c.start > s.start and (
                                subject := clauses.clause_subject(text, s.start, c.start)):
                            # "X had declined last year, but this had now improved, at a rate of 96%": X
                            f.phrase = subject
                        elif carry and s.start - carry[1] < 400 and targets.fits(carry[2], n.unit):
                            f.phrase = carry[0]
                            if n.unit == "count" and (unit := units_of.get(f.phrase)) and unit[0] != "count":
                                f.unit, f.unit_words, f.rate_base = unit  # "This compared to 199": days too
                        elif not carry and title and title[1] == targets.item_start(tv, s.start) and \
                                targets.fits(title[2], n.unit):
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
                        f.direction = levels.direction(text, c.start, c.end)
                        f.rag = levels.rag(text, s.start, s.end) or f.rag
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
                            targets.PAIR_TO.match(text, pair_end, n.start):
                        # "visits had fallen from 412 to 390": the earlier level is the later one's
                        pending[-1] = (pending[-1][0], f.phrase)
                if measure == "actual":
                    pair_end = None
            # a comparison belongs to its clause's figure, else to the sentence's figure so far
            dated_level = None  # "X was 12.7% for 2022/23, the latest published, compared with 14.5% in Y"
            for f, preceding in pending:
                if f.unit == "count" and actual_unit and actual_unit[0] != "count" and not (
                        preceding and units_of.get(preceding, actual_unit)[0] == "count"):
                    # (not where its own clause's level is a count: "212 homes, short of the 250 target,
                    # and voids fell to 3.2%" keeps 250 a count)
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
                elif carry and (not f.phrase or len(f.phrase.split()) > 10
                               or clauses.points_back(text, c.start)) \
                        and targets.fits(carry[2], f.unit) \
                        and not (nameless and not clauses.points_back(text, c.start)) \
                        and not (unread and not clauses.points_back(text, c.start)) \
                        and not (f.measure == "benchmark" and not clauses.points_back(text, c.start)
                                 and clauses.clause_subject(text, s.start, s.end)):
                    # ("Void loss has crept up again, above the Wales figure of 2.1%": a comparator's figure
                    # in a sentence with a subject of its own is no comparison for the paragraph before)
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
        elif not _gave_figure(out, s.start) and (shown := clauses.SHOWN.search(text, s.start, s.end)):
            # "... X for each of the three areas": no figure of X
            carry = (clauses.shown_name(shown), s.end, None)
        elif carry:
            carry = (carry[0], s.end, carry[2])
    kept = []
    for f in out:
        if subject and not f.phrase:
            f.phrase = subject  # a table row's commentary: a figure naming nothing is the row's measure's
        if f.topic and f.phrase and not clauses.shares_words(f.topic, f.phrase):
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


def _gave_figure(out: list[Found], start: int) -> bool:
    """Did the sentence starting at `start` give a figure?"""
    return bool(out) and out[-1].start >= start

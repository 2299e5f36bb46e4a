"""Link an indicator phrase (a noun phrase a figure names, or a table row label) to the indicator scheme.

Order: a national code (`code`, or one written in the phrase: "PAM/012", "NI 192", "ASCOF 2A(1)", "HSN2"),
then the phrase equal to a concept's label, then to an alternative label, both after normalisation (case,
plural/singular, hyphens, "%"/"percentage of"/"proportion of"/"number of"/"no. of", number words, "65+"/"65
and over"), then fuzzy matching. Where nothing matches, the phrase becomes a NEW indicator of that council
(kg.iris.found_indicator): one per council and normalised phrase, so one council's "Average re-let days" is
one indicator across its documents but never merged with another council's.

The fuzzy rule was measured on labelled pairs (tests/data/indicator_pairs.yaml; rerun
benchmarks/measure_indicator_threshold.py). A fuzzy candidate must (1) score at least FUZZY_THRESHOLD, (2) use
no number the concept's names do not use ("18-64" is not "65+", "13 weeks" is not "8 weeks"), (3) use no
word that names another concept but none of this one's ("minor" against a "major applications" concept,
"business rates" against "council tax"), and (4) beat the best other concept by FUZZY_MARGIN, so a phrase
between "referrals" and "re-referrals" stays unlinked.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from kg.errors import InputError
from kg.indicators import code_systems, concepts, in_unit, same_unit
from kg.iris import slug as _slug_text
from kg.periods import MONTH_NAMES
from kg.reference import data_text
from kg.yamlfile import loads

Method = Literal["exact", "alt", "notation", "fuzzy", "known", "new"]

FUZZY_THRESHOLD = 81.0  # measured: best F1 with precision >= 0.95 on tests/data/indicator_pairs.yaml
FUZZY_MARGIN = 4.0  # points the best concept must lead the next by
DISTINCTIVE_IN = 2  # a word in the names of at most this many concepts is distinctive

# Words that say how a measure is expressed, not what it measures: dropped before comparing.
_MEASURE_WORDS = frozenset(
    {"percentage", "percent", "proportion", "share", "number", "no", "total", "the", "a", "an", "of"}
)
# Words a row label adds to say its unit or aggregate ("rate", "average days", "(number)"): no qualifier.
_UNIT_WORDS = frozenset({"rate", "average", "mean", "median", "count", "days", "day", "weeks", "week",
                         "percent", "cumulative", "ytd", "year", "quarter", "quarterly", "annual", "actual",
                         "performance", "figure", "figures", "level", "levels", "value", "result"})
# Function words: never evidence for or against a concept.
_FUNCTION_WORDS = _MEASURE_WORDS | frozenset(
    {
        "and",
        "or",
        "in",
        "to",
        "for",
        "with",
        "within",
        "by",
        "on",
        "at",
        "per",
        "as",
        "from",
        "who",
        "that",
        "which",
        "are",
        "is",
        "was",
        "were",
        "be",
        "been",
        "had",
        "has",
        "have",
        "being",
        "successfully",
        "their",
        "its",
        "all",
        "average",
        "rate",
        "than",
        "more",
        "less",
        "year",
        "month",
        "quarter",
        "cumulative",
        "ytd",
        "rolling",
        "annual",
        "monthly",
        "quarterly",
        "council",
        "our",
    }
)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "ninety": "90",
}
_MONEY_WORDS = frozenset(
    {"spend", "cost", "income", "expenditure", "budget", "written", "saving", "fee", "charge"}
)
_IRREGULAR = {"children": "child", "people": "person", "women": "woman", "men": "man"}
_NO_STRIP = ("ss", "us", "is", "ous", "ics")


@dataclass(frozen=True)
class IndicatorMatch:
    """How one indicator phrase was linked.

    concept: the scheme concept id, or None for a new indicator; method: exact | alt | notation | fuzzy | new;
    score: 0-100 (100 for exact, alt and notation; the fuzzy score; for a new indicator the best score of
    any concept, or None); label: the concept's label, or the tidied phrase of a new indicator; key: the
    concept id, or for a new indicator its identity within the council (what kg.iris.found_indicator
    mints from: the tidied phrase in lower case); nearest: the best-scoring concept a new indicator was not
    linked to, for a reviewer."""

    concept: str | None
    method: Method
    score: float | None
    label: str
    key: str = ""
    council: str | None = None
    nearest: str | None = None
    unit: str | None = None  # a new or known indicator's unit (ckg:usualUnit), where its figures say one


@dataclass(frozen=True)
class KnownIndicator:
    """An indicator already found at a council (in the store, or earlier in the run or the document):
    its key (what kg.iris.found_indicator mints from; from the store, its IRI's last segment, which mints
    the same IRI), its label and the unit its figures are in."""

    key: str
    label: str
    unit: str | None = None


# ---- normalisation -----------------------------------------------------------------------------------------


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_NO_STRIP):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)  # a council's reports repeat their row labels; small, as figures.phrases' caches
def normalise(phrase: str) -> str:
    """A phrase for comparison: lower case ASCII, "&" = and, no apostrophes, hyphens or punctuation, number
    words as digits, "65+"/"65 and over" as "65plus", each word singular, measure words ("percentage of",
    "no. of", "%") dropped."""
    t = unicodedata.normalize("NFKD", phrase).encode("ascii", "ignore").decode().lower()
    t = t.replace("&", " and ").replace("'", "").replace("\u2019", "")
    t = re.sub(r"\bper\s*cent\b|%", " percent ", t)
    t = re.sub(r"\bno\.\s*(?=of\b)", "number ", t)
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)  # 100,000
    t = re.sub(
        r"(\d+)\s*(?:\+|plus\b|and over\b|or over\b|and above\b|and older\b|or older\b)", r" \1plus ", t
    )
    t = re.sub(r"\bover\s+(\d+)s\b", r" \1plus ", t)
    t = re.sub(r"(\d+)\s*(?:-|to|–)\s*(\d+)", r" \1 \2 ", t)  # 18-64, 18 to 64
    t = re.sub(r"[^a-z0-9]+", " ", t)
    words = [_NUMBER_WORDS.get(w, w) for w in t.split()]
    return " ".join(_singular(w) for w in words if w not in _MEASURE_WORDS)


_MEASURE_LEAD = re.compile(
    r"^(?:the\s+)?(?:%|(?:total\s+|average\s+)?(?:number|no\.?|percentage|proportion|share|per\s*cent)\s+of)\s+",
    re.I,
)
_UNIT_MARK = re.compile(r"\s*\((?:%|no\.?|number|rate|percent|percentage)\)\s*$", re.I)


def tidy(phrase: str) -> str:
    """The label of a new indicator: the phrase with its measure words and unit markers dropped
    ("Percentage of X (%)" -> "X"), single spaces, lower case but for acronyms, a capital first letter."""
    t = " ".join(phrase.split()).strip(" .:;,-")
    t = _MEASURE_LEAD.sub("", t)
    t = _UNIT_MARK.sub("", t)
    # one spelling per phrase whatever its capitals ("Average Re-let Days"), acronyms kept (DFG, FTE)
    t = " ".join(w if sum(ch.isupper() for ch in w) > 1 else w.lower() for w in t.split())
    return t[:1].upper() + t[1:] if t else t


def _content(key: str) -> set[str]:
    return {w for w in key.split() if w not in _FUNCTION_WORDS}


def _numbers(key: str) -> set[str]:
    return {w for w in key.split() if re.fullmatch(r"\d+(?:plus)?", w)}


@cache
def _by_id() -> dict[str, dict]:
    return {c["id"]: c for c in concepts()}


def _concept(concept_id: str) -> dict:
    return _by_id()[concept_id]


# ---- codes -------------------------------------------------------------------------------------------------

_CODE_IN_PHRASE = re.compile(
    r"\b(?:PAM|NI)\s*[/\-]?\s*[0-9]+[a-z]?\b|\b(?:ASCOF|NISPI)\s*[/\-]?\s*[0-9A-Z][0-9A-Za-z()]*"
    r"|^\s*(?:CHN|SW|HSN|ENV|CORP|ECON|C&L)\s?\d+[a-z]?\b"
)


def _code_key(system: str, code: str) -> str:
    """One spelling per code: upper case, no separators or brackets, no leading zeros, system prefix off
    ("PAM/012" -> "12" in pam, "NI 192" -> "192" in ni, "2A(1)" -> "2A1" in ascof)."""
    c = re.sub(r"[^0-9A-Za-z&]+", "", code).upper()
    prefix = (code_systems().get(system) or {}).get("prefix", "").upper()
    if prefix and c.startswith(prefix) and system in ("pam", "ni", "ascof", "nispi") and len(c) > len(prefix):
        c = c[len(prefix) :]
    return re.sub(r"(?<!\d)0+(?=\d)", "", c)


@cache
def _codes() -> dict[tuple[str, str], str]:
    """(system, code key) -> concept id; a code given to two concepts stops the load."""
    out: dict[tuple[str, str], str] = {}
    for c in concepts():
        for system, code in (c.get("codes") or {}).items():
            k = (system, _code_key(system, str(code)))
            if out.setdefault(k, c["id"]) != c["id"]:
                raise InputError(
                    f"code {system} {code} is given to {out[k]} and {c['id']}",
                    path="kg/data/indicators",
                    hint="a national code names one concept",
                )
    return out


def notation_concept(code: str) -> str | None:
    """The concept a national code names, or None. A code with its system's prefix ("PAM/012", "NI 192",
    "ASCOF 2A(1)") is looked up in that system only; a bare code ("HSN2", "2A(1)") in every system, and only
    when exactly one concept has it; bare digits ("192") are never enough."""
    raw = code.strip()
    squashed = re.sub(r"[^0-9A-Za-z&]+", "", raw).upper()
    if not squashed or squashed.isdigit():
        return None
    # longest prefix first: NISPI is not NI
    for system, info in sorted(code_systems().items(), key=lambda kv: -len(str(kv[1].get("prefix", "")))):
        prefix = str(info.get("prefix", "")).upper()
        if prefix and squashed.startswith(prefix) and len(squashed) > len(prefix):
            return _codes().get((system, _code_key(system, squashed[len(prefix) :])))
    hits = {cid for (system, k), cid in _codes().items() if k == _code_key(system, raw)}
    return hits.pop() if len(hits) == 1 else None


# ---- labels ----------------------------------------------------------------------------------------------


@cache
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised label -> concept id, normalised alt label -> concept id). One normalised name given to two
    concepts stops the load: the scheme must say which concept a phrase means."""
    exact: dict[str, str] = {}
    alt: dict[str, str] = {}
    owner: dict[str, str] = {}
    for c in concepts():
        for name, table in [(c["label"], exact), (c["id"].replace("-", " "), exact)] + [
            (a, alt) for a in c.get("alt", ())
        ]:
            key = normalise(name)
            if not key:
                continue
            if owner.setdefault(key, c["id"]) != c["id"]:
                raise InputError(
                    f"'{name}' reads the same as a name of {owner[key]} (both '{key}'), but is given to "
                    f"{c['id']}",
                    path="kg/data/indicators",
                    hint="give the name to one concept only",
                )
            table.setdefault(key, c["id"])
    return exact, {k: v for k, v in alt.items() if k not in exact}


@cache
def _vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]], list[tuple[str, str]]]:
    """(concept -> content words, concept -> numbers, [(normalised name, concept)]) over every name."""
    words: dict[str, set[str]] = {}
    numbers: dict[str, set[str]] = {}
    names: list[tuple[str, str]] = []
    for c in concepts():
        for name in [c["label"], *c.get("alt", ())]:
            key = normalise(name)
            names.append((key, c["id"]))
            words.setdefault(c["id"], set()).update(_content(key))
            numbers.setdefault(c["id"], set()).update(_numbers(key))
    return words, numbers, names


@cache
def _distinctive_words() -> frozenset[str]:
    """Words that name at most DISTINCTIVE_IN concepts ("minor", "nndr", "re" of re-referral): evidence for
    those concepts and against every other. Words most concepts share ("day", "completed") are neither."""
    counts = Counter(w for ws in _vocabulary()[0].values() for w in ws)
    return frozenset(w for w, n in counts.items() if n <= DISTINCTIVE_IN)


def _acceptable(key: str, concept_id: str) -> bool:
    """Rules (2) and (3) of the module docstring, and two about the concept: a generic one (a population or
    volume, "looked after children") is never reached by similarity, since a longer phrase about it is a
    narrower measure ("attendance of looked after children"); money words need a money concept."""
    words, numbers, _ = _vocabulary()
    c = _concept(concept_id)
    if c.get("generic") or (_content(key) & _MONEY_WORDS and c.get("unit") != "currency"):
        return False
    if not _numbers(key) <= numbers[concept_id]:
        return False
    # Similarity may reorder, inflect or drop a word the concept has, never add one it lacks: a phrase with a
    # qualifier the concept's names do not carry ("primary", "care experienced", "for tenants") is a narrower
    # measure, and linking it would merge two indicators. Such a phrase stays a new indicator, its nearest
    # concept recorded for a reviewer.
    return not _content(key) - words[concept_id] - _numbers(key) - _UNIT_WORDS


def fuzzy_scores(key: str) -> list[tuple[float, str]]:
    """(best score, concept) for every concept, best first. A score is the mean of rapidfuzz's
    token_sort_ratio (word order aside, how alike are they) and token_set_ratio (is one inside the other, so a
    long row label with a qualifier still meets a short name) of the normalised phrase and one of the
    concept's normalised names; the concept's score is its best name's."""
    return list(_fuzzy_scores(key))


@lru_cache(maxsize=8192)
def _fuzzy_scores(key: str) -> tuple[tuple[float, str], ...]:
    # Remembered: a council's reports repeat their row labels, and scoring one against every name of the
    # scheme was most of an ingest's linking (85 distinct phrases in 627 calls over 300 benchmark documents).
    # Both scorers over every name in one call each (rapidfuzz's cdist, the same scores as a call a name,
    # in doubles), each concept's best by numpy: 2.7 -> 1.5 ms a phrase.
    names, cids, where = _fuzzy_names()
    sort = process.cdist([key], names, scorer=fuzz.token_sort_ratio, dtype=np.float64)[0]
    inside = process.cdist([key], names, scorer=fuzz.token_set_ratio, dtype=np.float64)[0]
    best = np.full(len(cids), -np.inf)
    np.maximum.at(best, where, (sort + inside) / 2)
    return tuple(sorted(zip(best.tolist(), cids, strict=True), reverse=True))


@cache
def _fuzzy_names() -> tuple[list[str], list[str], np.ndarray]:
    """The scheme's normalised names, its concepts, and which concept each name is of (an index)."""
    pairs = _vocabulary()[2]
    cids = sorted({c for _, c in pairs})
    index = {c: i for i, c in enumerate(cids)}
    return [n for n, _ in pairs], cids, np.array([index[c] for _, c in pairs], dtype=np.intp)


@lru_cache(maxsize=8192)  # as _fuzzy_scores: filtering every concept by unit cost more than the scores
def fuzzy_concept(
    key: str, threshold: float = FUZZY_THRESHOLD, margin: float = FUZZY_MARGIN, unit: str | None = None
) -> tuple[str | None, float | None, str | None]:
    """(concept or None, best score, best concept) under the fuzzy rules. With the `unit` the figures are in,
    a concept in another unit is no candidate, and so no rival either: "council tax due" as a percentage is
    not held back by the cost of collecting council tax."""
    ranked = fuzzy_scores(key)
    if unit:
        ranked = [(s, c) for s, c in ranked if same_unit(unit, _concept(c).get("unit"))]
    if not ranked:
        return None, None, None
    score, cid = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if score >= threshold and score - runner_up >= margin and _acceptable(key, cid):
        return cid, score, cid
    return None, score, cid


# ---- phrases as documents leave them ----------------------------------------------------------------------


@cache
def _phrase_rules() -> dict[str, frozenset[str] | re.Pattern[str]]:
    """kg/data/indicator_phrases.yaml, compiled once."""
    where = "kg/data/indicator_phrases.yaml"
    raw = loads(data_text("indicator_phrases.yaml"), where)

    def words(name: str) -> list[str]:
        value = raw.get(name) if isinstance(raw, dict) else None
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise InputError(f"'{name}' must be a list of words", path=where, hint="see the file's comments")
        return sorted((w.strip().lower() for w in value), key=len, reverse=True)

    def alt(name: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words(name))

    aux = alt("auxiliaries")
    return {
        # "X had been closed": an auxiliary before a participle (-ed, -en, or an irregular one in -t/-n)
        "aux": re.compile(rf"(?i)\b(?:{aux})\s+(?=(?:\w+ly\s+)?\w+(?:ed|en|wn|lt|pt|ne|de|id|ld|ght|ung)\b)"),
        "trend": re.compile(
            rf"(?i)\s+(?:(?:{aux})\s+)*(?:(?:{alt('report_verbs')})\b.*"
            rf"|(?:{alt('trend_verbs')})(?:\s+(?:{alt('trend_tail')})\b.*)?)$"),
        "period": re.compile(
            rf"(?i)\s*\b(?:(?:{alt('period_verbs')})\s+)?(?:in|during|for|over)\s+(?:the|this|that)\s+"
            rf"(?:{alt('period_nouns')})\b(?=\s+\w+(?:ed|en)\b|\s*$)"),
        "base": re.compile(rf"(?i)\s+in\s+(?:all\s+)?(?:{alt('percent_bases')})$"),
        "population": re.compile(
            rf"(?i)^(.{{3,80}}?)\s+(?:{alt('population_prepositions')})\s+(.{{3,120}})$"),
        "population_words": frozenset(words("population_words")),
        "aggregate": frozenset(words("aggregate_words")),
        "stop": frozenset(words("stop_words")),
        # "for July to September", "to 31 December 2024", "as at 30 June": the dates a figure covers
        "dates": re.compile(
            rf"(?i)\s+(?:(?:{alt('date_prepositions')})\s+)(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
            rf"{MONTH_NAMES}(?:\s+(?:19|20)\d\d)?(?:\s*(?:to|-|–|and)\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
            rf"{MONTH_NAMES})?(?:\s+(?:19|20)\d\d)?(?=\s*$|\s*[,;(])"),
        # "households were living in temporary accommodation" counts households in it
        "state": re.compile(rf"(?i)\s+(?:{aux})\s+(?:{alt('state_verbs')})\s+(?=(?:in|at)\b)"),
        "rolling": re.compile(rf"(?i)\s*,?\s*\(?(?:{alt('rolling_notes')})(?:\s+basis)?\)?\s*$"),
        "status": re.compile(rf"(?i)^(?:{alt('status_words')})\s+(?=\w)"),
        "note": re.compile(rf"(?i)\s*\(\s*(?:{alt('note_brackets')})(?:\s[^()]*)?\)"),
    }


@lru_cache(maxsize=65536)
def slug(key: str) -> str:
    """kg.iris.slug, remembered: a key is compared with every known indicator of its council."""
    return _slug_text(key)


_RELATIVE = re.compile(r"(?i)\b(?:who|whose|which|that|where)\b")
_RUN_IN = re.compile(r"^\s*([^:;]{2,80}?)\s*:\s+(\S.*)$")


@lru_cache(maxsize=4096)  # as normalise
def clean(phrase: str) -> str:
    """The indicator phrase a figure's sentence or row leaves, without what is not the measure's name:
    a bracketed note ("(excluding X)", "(new)"), the dates it covers ("for July to September", "to 31
    December 2024"), a status word before it ("provisional X"), a rolling window, a verb of staying ("X were
    living in Y" -> "X in Y"), the report around it ("X had eased", "X continued to rise" -> "X"), an
    auxiliary of the clause it was cut from ("enquiries had been closed" -> "enquiries closed"), the period
    it covers ("reported in the quarter"), what its percentage is of ("in ... cases"), and a run-in topic
    heading ("Topic: phrase") where the phrase repeats it."""
    rules = _phrase_rules()
    t = rules["note"].sub("", " ".join(phrase.split()))  # type: ignore[union-attr]
    t = rules["dates"].sub("", t)  # type: ignore[union-attr]
    t = rules["status"].sub("", t)  # type: ignore[union-attr]
    t = rules["rolling"].sub("", t)  # type: ignore[union-attr]
    t = rules["state"].sub(" ", t)  # type: ignore[union-attr]
    report = rules["trend"].search(t)  # type: ignore[union-attr]
    if report and not _RELATIVE.search(t[:report.start()]):
        t = t[:report.start()]
    t = rules["period"].sub("", t)  # type: ignore[union-attr]
    t = rules["base"].sub("", t)  # type: ignore[union-attr]
    # an auxiliary in a relative clause is its grammar ("households whose homelessness was prevented")
    relative = _RELATIVE.search(t)
    cut = relative.start() if relative else len(t)
    t = rules["aux"].sub("", t[:cut]) + t[cut:]  # type: ignore[union-attr]
    t = _run_in(t)
    return " ".join(t.split()).strip(" .:;,-") or " ".join(phrase.split())


def _run_in(t: str) -> str:
    """"Topic: phrase". The rest is the measure and the topic a heading over it where the rest repeats every
    word of the topic ("Admissions: admissions of adults") or of one of its coordinated parts ("Attendance and
    exclusions: exclusion rate"); where the rest says only how the figure is given ("Missed bins: the rate"),
    the topic is the measure; otherwise the topic qualifies the rest ("Care leavers: positive destination")
    and both stay."""
    m = _RUN_IN.match(t)
    if not m:
        return t
    topic, rest = m.group(1), m.group(2)
    rest_words = _identity_words(rest)
    if not rest_words:
        return topic
    parts = [p for p in re.split(r"(?i)\s*(?:,|\band\b|&)\s*", topic) if _identity_words(p)]
    heads = [topic, *(parts if len(parts) > 1 else [])]
    if any(_words_within(_identity_words(p), rest_words) for p in heads):
        return rest
    return f"{topic} {rest}"


def _identity_words(phrase: str) -> frozenset[str]:
    """The words that say what a phrase measures: normalised (singular, number words as digits, "65+" as one
    word), without stop words and without the words that only say how it is expressed."""
    rules = _phrase_rules()
    stop, aggregate = rules["stop"], rules["aggregate"]
    return frozenset(w for w in normalise(phrase).split() if w not in stop and w not in aggregate)  # type: ignore[operator]


_SUFFIXES = ("", "e", "s", "es", "ed", "d", "ing", "ion", "ions", "ment", "ments", "er", "ers", "al")


_VERB_ENDINGS = frozenset({"", "ed", "n", "en", "ing"})


def _inflected(a: str, b: str) -> bool:
    """One word inflected or derived two ways ("prevented"/"prevention", "assessed"/"assessment"): a shared
    stem of five letters or more and only an ending left on each; never two words ("permanent"/"permit")."""
    if a == b:
        return True
    if a.isdigit() or b.isdigit() or "plus" in a or "plus" in b:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n == 4 and {a[n:], b[n:]} <= _VERB_ENDINGS:
        return True  # "showed"/"shown", "grown"/"growing": a short verb's past forms
    short, long_ = sorted((a, b), key=len)
    ending = long_[len(short) + 1 :]
    if len(short) >= 3 and long_.startswith(short + short[-1]) and ending in ("ed", "ing", "er"):
        return True  # "plan"/"planned", "admit"/"admitted": the consonant doubled before the ending
    return n >= 5 and a[n:] in _SUFFIXES and b[n:] in _SUFFIXES


def _words_within(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(any(_inflected(x, y) for y in b) for x in a)


_RATE_BASE = re.compile(r"(?i)\bper\s+(\d[\d,]*)\s+(\w+)")


def same_indicator_score(a: str, b: str) -> float | None:
    """A score (0-100) if `a` and `b` are one indicator worded two ways, else None. Their measure words must
    agree up to inflection, word order and the words that say only how a figure is expressed ("rate",
    "total", "cumulative"); a rate base ("per 1,000 pupils") may be left out by one but never differ. So a
    qualifier one has and the other lacks ("primary", "aged 65+", "major", "for tenants") keeps them apart."""
    (ba, wa), (bb, wb) = _measure(a), _measure(b)
    if ba and bb and ba != bb:
        return None
    if not wa or not wb or not (_words_within(wa, wb) and _words_within(wb, wa)):
        return None
    return float(fuzz.token_sort_ratio(" ".join(sorted(wa)), " ".join(sorted(wb))))


@lru_cache(maxsize=65536)
def _measure(phrase: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """(rate bases, measure words) of a phrase, once each: a council's known indicators meet every phrase."""
    c = clean(phrase)
    bases = frozenset((n.replace(",", ""), _singular(w.lower())) for n, w in _RATE_BASE.findall(c))
    return bases, _identity_words(_RATE_BASE.sub(" ", c))


def _known_match(phrase: str, unit: str | None, council: str | None,
                 known: Sequence[KnownIndicator]) -> IndicatorMatch | None:
    """The council's indicator already known under this phrase's key, else the best one the phrase words
    another way (in a unit that agrees), with its score."""
    key = slug((tidy(clean(phrase)) or phrase.strip()).lower())
    agree = [k for k in known if unit is None or k.unit is None or k.unit == unit]
    same = next((k for k in agree if slug(k.key) == key), None)
    if same:
        return IndicatorMatch(None, "new", None, same.label, same.key, council, unit=same.unit or unit)
    best: tuple[float, KnownIndicator] | None = None
    for k in agree:
        s = same_indicator_score(phrase, k.label)
        if s is not None and (best is None or s > best[0] or (s == best[0] and k.key < best[1].key)):
            best = (s, k)
    if best is None:
        return None
    score, k = best
    return IndicatorMatch(None, "known", score, k.label, k.key, council, unit=k.unit or unit)


# ---- the linker ------------------------------------------------------------------------------------------


def _label(concept_id: str) -> str:
    return _concept(concept_id)["label"]


def _code_in(phrase: str) -> str | None:
    m = _CODE_IN_PHRASE.search(phrase)
    return m.group(0).strip() if m else None


def link_indicator(
    phrase: str, *, code: str | None = None, council: str | None = None, threshold: float = FUZZY_THRESHOLD,
    unit: str | None = None, known: Sequence[KnownIndicator] = (),
) -> IndicatorMatch:
    """The indicator `phrase` names (with its national `code` where the document gives one): a scheme concept,
    or an indicator of `council` (see the module docstring for the order and rules). With the `unit` its
    figures are in, a concept measured in another unit is refused: "carers' assessments (number)" is not a
    percentage of carers assessed, whatever the words share. A phrase the scheme does not have is matched
    against the council's `known` indicators (`same_indicator_score`, units agreeing) before it is new."""
    cleaned = clean(phrase)
    found = _link(cleaned, code=code, council=council, threshold=threshold, unit=unit)
    if not found.concept and cleaned != " ".join(phrase.split()):
        first = _link(phrase, code=code, council=council, threshold=threshold, unit=unit)
        found = first if first.concept else found
    c = _concept(found.concept) if found.concept else {}
    usual = c.get("unit")
    if c.get("generic") and {unit, usual} <= {"count", "rate"}:
        usual = unit  # a population is counted or given per 1,000: both are that population
    if found.concept and unit and not same_unit(unit, usual):
        if other := in_unit(found.concept, unit):
            return replace(found, concept=other, method="unit", label=_label(other), key=other)
        found = replace(found, concept=None, method="new", nearest=found.concept,
                        label=tidy(cleaned) or cleaned)
    if not found.concept and (head := _measure_over_population(cleaned)):
        usual = _concept(head).get("unit")
        if not unit or same_unit(unit, usual):
            return IndicatorMatch(head, "head", 100.0, _label(head), head, council)
    if found.concept:
        return found
    if council and (k := _known_match(cleaned, unit, council, known)):
        return k
    label = found.label
    key = label.lower()
    mine = slug(key)
    if any(slug(k.key) == mine for k in known):  # the same words in another unit: another indicator
        key = f"{key} ({unit})"
    return IndicatorMatch(None, "new", found.score, label, key, council, found.nearest, unit)


def _measure_over_population(phrase: str) -> str | None:
    """The concept the words before "for"/"among" name exactly (adverbs aside), where the words after are
    only the population it is counted over (see population_words in kg/data/indicator_phrases.yaml)."""
    rules = _phrase_rules()
    m = rules["population"].match(phrase)  # type: ignore[union-attr]
    if not m:
        return None
    head = re.sub(r"(?i)\b\w+ly\b", " ", m.group(1))
    exact, alt = _names()
    cid = exact.get(normalise(head)) or alt.get(normalise(head))
    if not cid:
        return None
    allowed = {w for w in rules["population_words"]}  # type: ignore[union-attr]
    tail = re.sub(r"(?i)\b(?:" + "|".join(re.escape(w) for w in sorted(allowed, key=len, reverse=True)
                                           if " " in w) + r")\b", " ", m.group(2))
    rest = _identity_words(tail) - _vocabulary()[0][cid] - {normalise(w) for w in allowed}
    return cid if not rest else None


def _link(phrase: str, *, code: str | None, council: str | None, threshold: float,
          unit: str | None = None) -> IndicatorMatch:
    key = normalise(phrase)
    exact, alt = _names()
    by_label = exact.get(key) or alt.get(key)
    given = code or _code_in(phrase)
    if given and (cid := notation_concept(given)):
        # a council's own code can look like a national one ("SW1"): the words win where they name another
        # concept, and a phrase sharing no word with the concept is not trusted to it
        words = _vocabulary()[0][cid]
        rest = normalise(_CODE_IN_PHRASE.sub(" ", phrase))
        if (by_label in (None, cid)) and (not _content(rest) or _content(rest) & words):
            return IndicatorMatch(cid, "notation", 100.0, _label(cid), cid, council)
    if key in exact:
        return IndicatorMatch(exact[key], "exact", 100.0, _label(exact[key]), exact[key], council)
    if key in alt:
        return IndicatorMatch(alt[key], "alt", 100.0, _label(alt[key]), alt[key], council)
    if given:
        key = normalise(_CODE_IN_PHRASE.sub(" ", phrase)) if code is None else key
        exact_or_alt = exact.get(key) or alt.get(key)
        if exact_or_alt:
            return IndicatorMatch(
                exact_or_alt,
                "exact" if key in exact else "alt",
                100.0,
                _label(exact_or_alt),
                exact_or_alt,
                council,
            )
    cid, score, nearest = fuzzy_concept(key, threshold, unit=unit) if key else (None, None, None)
    if cid:
        return IndicatorMatch(cid, "fuzzy", score, _label(cid), cid, council)
    label = tidy(_CODE_IN_PHRASE.sub(" ", phrase) if code is None and given else phrase) or phrase.strip()
    return IndicatorMatch(None, "new", score, label, label.lower(), council, nearest)

"""Evidence matching: how strongly a stretch of a later document shows a commitment kept, and why.

A match is a sum of explainable parts (key words, indicator, cue, verb, actor; weights in kg/data/ledger.yaml)
kept in the graph with its reason. Words in common are never enough alone: the evidence must carry a cue,
either from the extractor (a progress statement: done, reference, agenda) or read here in any later statement
(a decision noting the thing, an answer saying it was circulated, "as requested at the last meeting"), or be
the data asked for. Paraphrase survives because words are compared stemmed and without the generic ones, and a
reference back ("the figures Members asked for last time were sent out") is a cue of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.reference import data_text
from kg.yamlfile import loads


@cache
def rules() -> dict:
    return loads(data_text("ledger.yaml"), "kg/data/ledger.yaml")


@cache
def _cue_rx(name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in rules()["cues"][name]), re.I)


def cue_in(name: str, text: str) -> re.Match[str] | None:
    """Where `text` says what the cue `name` (done, reference, decision, partial, condition) says."""
    return _cue_rx(name).search(" ".join(text.split()))


def partly(text: str) -> bool:
    """Does `text` say only part was delivered? Another party's reply still awaited is no part of it."""
    return bool(cue_in("partial", _cue_rx("reply_awaited").sub(" ", " ".join(text.split()))))


@dataclass(frozen=True)
class Commitment:
    iri: str
    text: str
    document: str
    committee: str | None
    actor: str | None
    topic: str | None
    topic_words: str
    due_kind: str
    due_text: str
    due_date: object  # dt.date | None
    quote: str = ""
    span: str = ""  # its own evidence span


@dataclass(frozen=True)
class Candidate:
    """A stretch of a later document that might show a commitment kept."""

    document: str
    kind: str  # done | reference | agenda | partial | pending | observation | decision | answer | log
    span: str
    start: int
    end: int
    exact: str
    actor: str | None = None
    indicator: str | None = None
    indicator_label: str = ""


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    reason: str
    partial: bool = False


@lru_cache(maxsize=65536)  # the same words recur in every paper
def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)  # each candidate is scored against many commitments
def key_words(text: str) -> frozenset[str]:
    """Words that say what a text is about: not generic, not verbs of delivery, stemmed; a hyphenated word
    also counts as its parts ("well-being" matches "well being")."""
    generic = _generic()
    out: set[str] = set()
    for t in re.findall(r"[A-Za-z][A-Za-z'’-]+|\d{2,}", text):
        for w in {t, *t.split("-")} if "-" in t else {t}:
            s = _stem(w.strip("-'’"))
            if s not in generic and len(s) > 2:
                out.add(s)
    return frozenset(out)


@cache
def _generic() -> frozenset[str]:
    return frozenset(_stem(str(w)) for w in rules()["generic"])


def core_of(text: str) -> str:
    """The promise up to where it lists its deliverable's contents ("a briefing on X, including ...")."""
    return _contents_rx().split(text, maxsplit=1)[0]


@cache
def _contents_rx() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in rules()["contents"])
    return re.compile(rf",?\s+\b(?:{words})\b", re.I)


def is_data_request(c: Commitment) -> bool:
    words = set(re.findall(r"[a-z]+", c.text.lower()))
    return c.due_kind == "next_update" or bool(words & set(rules()["data_nouns"]))


def is_conditional(c: Commitment) -> bool:
    """Does the promise wait on a condition ("subject to funding", "if the ICB shares the data")?"""
    return bool(cue_in("condition", f"{c.text} {c.quote}"))


CUES = {
    "done": "recorded as done",
    "reference": "refers back to the request",
    "agenda": "on a later agenda",
    "observation": "the data asked for appears",
    "decision": "the committee decided on it",
    "log": "an action log records it done",
}


# An action-log row as its status cell reads (kg.extract.commitments.action_logs.status_state): done or part
# done is evidence; "pending" (outstanding, on hold, not yet due, on an agenda) restates the promise and is
# never its delivery, whatever words it shares with it.
LOG_ROW = {"done": "done", "partial": "done", "pending": None}


def cue_of(c: Commitment, cand: Candidate) -> str | None:
    """Which cue, if any, makes `cand` evidence rather than mere words in common."""
    if cand.kind in ("partial", "pending"):
        return LOG_ROW[cand.kind]
    if cand.kind == "reference" and restated(cand):
        return None
    if cand.kind == "reference" and not_done(cand.exact):
        return None
    if cand.kind in ("done", "reference", "agenda"):
        return cand.kind
    if cand.kind == "observation":
        return "observation" if is_data_request(c) else None
    if cand.kind == "log":
        return None  # a later log's restated action: its status speaks through the row's progress statement
    for cue in ("done", "reference") + (("decision",) if cand.kind == "decision" else ()):
        if cue_in(cue, cand.exact):
            # "that the work programme be agreed, noting that the report will be taken in June": a decision
            # that tells the promise again, in the future, decides on something else
            if cue == "reference" and not_done(cand.exact):
                return None
            return cue if cue == "done" or not restated(cand) else None
    return None


def not_done(text: str) -> bool:
    """Does the statement record the thing as not done yet ("Matters arising: the decision had still not been
    issued") and nothing as done? Pointing back to a request is then no evidence it was kept."""
    return bool(cue_in("not_done", text)) and not cue_in("done", text)


def restated(cand: Candidate) -> bool:
    """Does the statement tell a promise again ("at the last meeting she undertook to ...", "as agreed, the
    figures would be sent") rather than record it kept? A reference back is then no evidence of delivery."""
    return bool(cue_in("restated", cand.exact)) and not cue_in("done", cand.exact)


@lru_cache(maxsize=65536)
def deliverables(text: str) -> frozenset[str]:
    """The kinds of thing a text says are delivered: 'the figures requested' -> {'figure'}."""
    wanted = {_stem(str(w)) for w in rules()["deliverables"]}
    return frozenset(w for w in (_stem(t) for t in re.findall(r"[A-Za-z]+", text)) if w in wanted)


@lru_cache(maxsize=65536)
def _events(text: str) -> frozenset[str]:
    """The events a text names ('a briefing session' -> {'briefing', 'session'}): deliverables no paper
    keeps."""
    wanted = {_stem(str(w)) for w in rules().get("events", ())}
    return frozenset(w for w in (_stem(t) for t in re.findall(r"[A-Za-z]+", text)) if w in wanted)


def may_refer_back(cand: Candidate) -> bool:
    """The tests of refers_back that need no commitment: a reference back that records a thing done."""
    if cand.kind in ("pending", "log"):
        return False  # a restated action is no reference back to its delivery
    return bool(cue_in("reference", cand.exact)) and (cand.kind == "done" or bool(cue_in("done", cand.exact)))


def refers_back(c: Commitment, cand: Candidate) -> str | None:
    """A reference back with no topic of its own ("the figures Members asked for last time were
    circulated"): the kind of thing it and the promise deliver, if the same; None otherwise."""
    if key_words(cand.exact) & key_words(f"{c.text} {c.topic_words}"):
        return None  # it names a topic: scored as usual
    if not may_refer_back(cand):
        return None
    same = sorted(deliverables(cand.exact) & deliverables(core_of(c.text)))
    return same[0] if same else None


@lru_cache(maxsize=65536)
def deliverable_verbs(text: str) -> frozenset[str]:
    """The deliverable verbs (base forms) a text uses: 'had been circulated' -> {'circulate'}."""
    from kg.extract.commitments import base_of

    forms = base_of()
    words = re.findall(r"[a-z]+(?:[ -][a-z]+)?", text.lower())
    singles = re.findall(r"[a-z-]+", text.lower())
    return frozenset(forms[w] for w in (*words, *singles) if w in forms)


def score(c: Commitment, cand: Candidate) -> Match:
    """How strongly `cand` shows `c` kept, and why."""
    w = rules()["weights"]
    found = key_words(f"{cand.exact} {cand.indicator_label}")
    if c.actor and cand.actor == c.actor:
        # the promiser's post named in the evidence says who, counted as the same actor below: its title's
        # words ("the Head of Waste Services replied that ...") say nothing of what was delivered
        found = key_words(f"{untitled(cand.exact)} {cand.indicator_label}")
    wanted = key_words(f"{c.text} {c.topic_words}")
    core = key_words(core_of(c.text))
    if core and len(core & found) / len(core) > len(wanted & found) / max(len(wanted), 1):
        wanted = core  # the evidence names the thing promised, not every part of it listed
    shared = sorted(wanted & found)
    share = len(shared) / len(wanted) if wanted else 0.0
    parts: list[str] = []
    total = w["key_words"] * share
    if shared:
        parts.append(f"key words {', '.join(shared)} ({len(shared)}/{len(wanted)})")
    same_indicator = bool(c.topic and cand.indicator and c.topic == cand.indicator)
    if same_indicator:
        total += w["indicator"]
        parts.append(f"indicator {cand.indicator_label or str(cand.indicator).rsplit('/', 1)[-1]}")
    cue = cue_of(c, cand)
    if cue:
        total += w["cue"]
        parts.append(CUES[cue])
    verbs = sorted(deliverable_verbs(" ".join(c.text.split()[:2])) & deliverable_verbs(cand.exact))
    if cue and verbs:
        total += w["verb"]
        parts.append(f"same deliverable ({verbs[0]})")
    if c.actor and cand.actor and c.actor == cand.actor:
        total += w["actor"]
        parts.append("same actor")
    if not cue or not (shared or same_indicator):
        total = min(total, rules()["threshold"] - 0.01)  # nothing but words in common is not evidence
    if cue and cand.kind not in ("partial", "pending", "log") and _events(core_of(c.text)) and \
            not _events(cand.exact):
        # "arrange a briefing on the self-assessment": the self-assessment being produced is not the briefing
        total = min(total, rules()["threshold"] - 0.01)
        parts.append("names no event like the one promised")
    if cand.kind == "agenda" and not cand.span and len(shared) < 2 and not same_indicator:
        total = min(total, rules()["threshold"] - 0.01)  # a title is a few words: one in common is chance
    partial = bool(cue and cand.kind != "observation" and (
        cand.kind == "partial" or partly(cand.exact)
        or (cue_in("interim", cand.exact) and not cue_in("final", cand.exact))))
    if partial:
        parts.append("only part delivered")
    return Match(cand, round(min(total, 1.0), 2), "; ".join(parts) or "nothing in common", partial)


@lru_cache(maxsize=65536)
def untitled(text: str) -> str:
    """`text` with the post titles it names blanked."""
    from kg.extract.posts import find_titles

    for start, end in sorted(find_titles(text), reverse=True):
        text = f"{text[:start]} {text[end:]}"
    return text


class Pool:
    """A committee's evidence candidates, indexed once for all its commitments (each was scored against every
    candidate: quadratic in the committee's papers). score() keeps a candidate that shares no key word with a
    commitment (its text and topic) and has not its indicator below the threshold, so only those sharing one
    are scored; references back (which share none) are the candidates may_refer_back keeps. Candidates come
    back in their given order: of equal matches the first wins."""

    def __init__(self, cands: Iterable[Candidate]) -> None:
        self.items = tuple(cands)
        self.by_word: dict[str, list[int]] = {}
        self.by_indicator: dict[str, list[int]] = {}
        for n, x in enumerate(self.items):
            for w in key_words(f"{x.exact} {x.indicator_label}"):
                self.by_word.setdefault(w, []).append(n)
            if x.indicator:
                self.by_indicator.setdefault(x.indicator, []).append(n)
        self._back: tuple[Candidate, ...] | None = None

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.items)

    def scorable(self, c: Commitment) -> list[Candidate]:
        """The candidates that can score at the threshold for `c` (a superset: score() decides)."""
        found: set[int] = set()
        for w in key_words(f"{c.text} {c.topic_words}"):
            found.update(self.by_word.get(w, ()))
        if c.topic:
            found.update(self.by_indicator.get(c.topic, ()))
        return [self.items[n] for n in sorted(found)]

    def back(self) -> tuple[Candidate, ...]:
        """The candidates that may be a reference back to some commitment (kg.ledger.match.refers_back)."""
        if self._back is None:
            self._back = tuple(x for x in self.items if may_refer_back(x))
        return self._back

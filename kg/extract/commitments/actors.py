"""Who promised: the person or post named as the promise's own subject or owner, pronouns resolved.

The actor is looked for only in the promise's own clause: its subject ("The Head of HR agreed to ..."),
the owner after "asked" ("asked the Director to ..."), or the subject of the reporting verb that governs
a passive or a coordinated predicate ("X explained that ... and agreed to ...", "X advised that a report
would be brought ..."). A pronoun ("she would provide ...") stands for the speaker of its sentence, or of
the sentence before. Anyone else named nearby is not the actor; nobody found means no actor.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kg.extract.commitments.vocabulary import alt, cues, rx
from kg.model import Extraction
from kg.text import TextView

if TYPE_CHECKING:
    from kg.extract.people import Analysis


def _name_only(segment: str) -> bool:
    """An appositive such as ', Helen McAloon,' or '(Head of Service)' between an actor and its verb."""
    words = re.findall(r"[\w'’.-]+", segment)
    return all(w[0].isupper() or w in ("of", "and", "for", "the", "&") for w in words)


@cache
def _breaks() -> re.Pattern[str]:
    """Clause breaks before a subject; reporting verbs too ("said a report would be ...")."""
    return re.compile(rf"[,;:(]|\b(?:that|so|whilst|while|which|who|{alt(cues()['reporting'])})\b", re.I)


def subject_start(text: str, lo: int, cue: int) -> int:
    """Start of the subject governing the verb at `cue`: back to the last clause break, through appositives
    enclosed in commas (', Helen McAloon,') and past a relative clause between them ("the Head of Leisure,
    who was absent for the item, would send ...", "the new contract, which starts in May, would ...")."""
    if aside := _RELATIVE_ASIDE.search(text, lo, cue):
        cue = aside.start()
    breaks = [lo] + [lo + m.end() for m in _breaks().finditer(text[lo:cue])]
    start = cue
    for b in reversed(breaks):
        seg = text[b:start]
        enclosed = text[start:cue].lstrip().startswith((",", ")")) or not text[start:cue].strip()
        start = b
        appositive = _name_only(seg) and enclosed and text[start:cue].rstrip().endswith(",")
        # "a summary of X, including Y and Z, would be circulated": the inclusion is part of the subject
        included = bool(_INCLUDING.match(seg)) and text[start:cue].rstrip().endswith(",")
        if seg.strip(" ,()") and not appositive and not included:
            break
    return _after_clause(text, start, cue)


_RELATIVE_ASIDE = re.compile(r",\s*(?:who|whose|which)\b[^,;:()]{1,120},\s*$", re.I)


# "... the work would be done in the summer and a further report would be submitted": a clause with its own
# finite verb, then "and"/"but" and a subject of the clause's own
_CONJUNCTION = re.compile(r"(?:,\s*|\s)(?:and|but)\s+", re.I)
_FINITE = re.compile(r"\b(?:had|has|have|was|were|is|are|would|will|could|should|did)\b", re.I)


def _after_clause(text: str, start: int, cue: int) -> int:
    """The subject's start moved past a coordinated clause that has its own finite verb; a subject joined to
    another ("the figures and the report would be ...") or a predicate with none ("... and would send")
    stays as it is. A bracket closed inside the subject but opened before it ("... (Q4 - 80%; June - 90%)
    and a full report would be given") ends a clause: the subject starts after it."""
    depth, cut = 0, None
    for i in range(start, cue):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth, cut = (depth - 1, cut) if depth else (0, i + 1)
    if cut is not None and (lead := _LEAD_JOIN.match(text, cut, cue)) and text[lead.end() : cue].strip():
        start = lead.end()
    joins = [m for m in _CONJUNCTION.finditer(text, start, cue) if text[m.end() : cue].strip()]
    for m in reversed(joins):
        if _FINITE.search(text, start, m.start()):
            return m.end()
    return start


_LEAD_JOIN = re.compile(r"[\s,]*(?:(?:and|but)\s+)?", re.I)
_INCLUDING = re.compile(r"\s*(?:including|such\s+as|in\s+particular|together\s+with|especially)\b", re.I)


# a predicate of the reporter's before "and" and the reporting verb: "apologised and", "nodded and"
_OWN_PREDICATE = re.compile(r"\s+(?-i:[a-z]+)(?:ed|ght)\s+and\s+$")


def _speaker_region(text: str, s: int, verb_at: int) -> tuple[int, int]:
    """The subject of the reporting verb at `verb_at`, without a verb of its own before "and" ("The Director
    apologised and said that ...": the Director)."""
    start = subject_start(text, s, verb_at)
    if (pred := _OWN_PREDICATE.search(text, start, verb_at)) and text[start : pred.start()].strip():
        verb_at = pred.start()
    return (start, verb_at)


def reporter(text: str, s: int, clause_start: int) -> tuple[int, int] | None:
    """For a passive promise: the subject of the reporting verb right before it ('X advised that ...')."""
    head = text[s:clause_start]
    if rel := re.match(r"\s*(?:which|who)\b", text[clause_start : clause_start + 8], re.I):
        head = text[s : clause_start + rel.end()]  # the passive's subject is a relative pronoun: keep it
    last = None
    for m in rx().reporting.finditer(head):
        last = m
    if last is None:
        return None
    if by := _REPORTED_BY.match(head, last.start()):
        # "It was reported by the Cabinet Member for Finance that ...": the agent after "by" reported it
        if _reports_on(head[by.end() :].strip()):
            return (s + by.start("who"), s + by.end("who"))
        return None
    if not _reports_on(head[last.end() :].strip()):
        return None
    verb_at = s + last.start()
    return _speaker_region(text, s, verb_at)


# a reporting verb in the passive with its agent: "reported by the Cabinet Member for Finance that"
_REPORTED_BY = re.compile(r"[\w-]+\s+by\s+(?P<who>(?:the\s+)?(?-i:[A-Z])[^,;:.]{1,90}?)\s+that\b", re.I)
# what may stand between a reporting verb and the passive it governs: a relative clause's pronoun ("that
# the suggestion would be reflected in the report, which would be presented ..."), an aside in commas
# ("advised that, in future, the report would ...")
_RELATIVE_END = re.compile(r"[,\s](?:which|that)$", re.I)
_ASIDE = re.compile(r"^,[^,;:]{1,40},$")


def _reports_on(rest: str) -> bool:
    """Does the reporting verb still govern the passive after `rest` (the words between them)?"""
    # (a condition blanked out leaves an aside of spaces: "said that, [if Cabinet agreed], a plan would ...")
    rest = " ".join(rest.split())
    if not rest or _ASIDE.match(rest):
        return True
    # "X said the figures came from the Trust; if it agreed, they would be added ...": reported speech goes on
    # after a semicolon
    if ";" in rest and not rest.rsplit(";", 1)[1].strip(" ,") and not rx().reporting.search(rest):
        return True
    # "X advised that the work would be done and a report would be submitted": X reports both clauses
    if rx().coordination.search(" " + rest) and _FINITE.search(rest):
        return True
    return bool(_RELATIVE_END.search(rest)) and not rx().reporting.search(rest)


def last_speaker(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The subject of the last reporting verb in text[s:e] ('..., the Director explained that ...')."""
    last = None
    for m in rx().reporting.finditer(text[s:e]):
        last = m
    if last is None:
        return None
    verb_at = s + last.start()
    return _speaker_region(text, s, verb_at)


def previous_speaker(x: Extraction, text: str, tv: TextView, sentence: int) -> str | None:
    """The named speaker whose reported speech the sentence carries on: the subject that opens the sentence
    before, in the same paragraph, with a reporting verb ("The Head of HR advised that ..."). A question,
    or a sentence that opens otherwise, hands nothing on."""
    if sentence == 0:
        return None
    prev, here = tv.sentences[sentence - 1], tv.sentences[sentence]
    if prev.kind == "heading" or prev.paragraph != here.paragraph:
        return None
    if text[prev.start : prev.end].rstrip().endswith("?"):
        return None
    m = rx().reporting.search(text, prev.start, prev.end)
    if m is None:
        return None
    region = (subject_start(text, prev.start, m.start()), m.start())
    if region[0] != prev.start or is_pronoun(text, region):
        return None
    key = actor_in(x, *region)
    # an officer or a post carries on; a councillor's comment ("Councillor X said residents were upset. A
    # letter would be sent.") leaves open who will act
    return key if key and key.startswith(("post:", "officer:")) else None


def is_pronoun(text: str, region: tuple[int, int] | None) -> bool:
    return region is not None and bool(rx().pronoun.match(text[region[0] : region[1]]))


def coordinated(text: str, region: tuple[int, int]) -> bool:
    """Is the region the tail of a coordinated predicate ("... was under way and") rather than a subject?"""
    words = text[region[0] : region[1]].strip(" ,")
    return not words or bool(rx().coordination.search(" " + words))


def speakers(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Subject regions of the reporting verbs in text[s:e], last first."""
    out = []
    for m in rx().reporting.finditer(text, s, e):
        out.append((subject_start(text, s, m.start()), m.start()))
    return out[::-1]


def resolve(
    x: Extraction, text: str, tv: TextView, sentence: int, region: tuple[int, int] | None
) -> str | None:
    """The actor a subject region names, with pronouns and coordinated predicates followed back to a named
    speaker: in the sentence itself, else in the sentence before ("X explained ... . He would provide ...").
    A speaker is the subject of a reporting verb that names a person or post ("X said that the Health
    Board had accepted ...": X, not the Health Board)."""
    s = tv.sentences[sentence].start
    if region is None:
        return None
    if not (coordinated(text, region) or is_pronoun(text, region)):
        return actor_in(x, *region)
    named = [c for c in speakers(text, s, region[0])
             if text[c[0] : c[1]].strip(" ,") and not is_pronoun(text, c)]
    for candidate in named:
        if key := actor_in(x, *candidate):
            return key
    if named and is_pronoun(text, region):
        return None  # "The Chair advised that ... and she would ...": the sentence's own speaker, no person
    if coordinated(text, region):
        first = _first_subject(text, s, region[1])
        if first is None and (lead := _OPENING_SUBJECT.match(text, s, region[1])) and \
                (key := actor_in(x, s, lead.end("who"))):
            return key  # "The Head of Parks acknowledged the backlog and undertook to ...": the opener
        if first is None or not is_pronoun(text, first):
            # the sentence's own subject, named or not: never someone from an earlier sentence
            return actor_in(x, *first) if first else None
    if is_pronoun(text, region) and (first := _first_subject(text, s, region[0])) and \
            not is_pronoun(text, first) and (key := actor_in(x, *first)):
        # "The Head of Legal lacked the numbers at the meeting; she would ...": the pronoun is the subject its
        # own sentence opened on, not the questioner of the sentence before
        return key
    for back in range(sentence - 1, max(-1, sentence - 3), -1):
        prev = tv.sentences[back]
        for candidate in speakers(text, prev.start, prev.end):
            if not is_pronoun(text, candidate) and (key := actor_in(x, *candidate)):
                return key
        first = _first_subject(text, prev.start, prev.end)
        if first and not is_pronoun(text, first) and (key := actor_in(x, *first)):
            return key
        said = speakers(text, prev.start, prev.end)
        if not said and prev.paragraph == tv.sentences[sentence].paragraph \
                and actor_in(x, prev.start, prev.end) is None:
            continue  # "X reported that ... . The main cause was ... . She agreed to ...": the speech runs on
        if not any(is_pronoun(text, c) for c in said):
            break  # the sentence before names nobody who speaks on: stop here
    return None


# a sentence opening on a named subject and a verb of its own in the past before "and ... undertook":
# "The Head of Parks acknowledged the backlog and", "Ms Grant noted the concern and"
_OPENING_SUBJECT = re.compile(r"\s*(?P<who>(?-i:[A-Z])[^,;:()]{1,80}?)\s+(?-i:[a-z]+ed)\b[^,;:()]{0,60}?"
                              r"\s+and\s*$")


def _first_subject(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The words a sentence opens with, up to its first verb-like break: a fallback subject region."""
    m = _first_verb().search(text, s, e)
    return (s, m.start()) if m and m.start() > s else None


@cache
def _first_verb() -> re.Pattern[str]:
    finite = ["was", "were", "had", "has", "did", "is", "are", "would", "will", "asked"]
    verbs = alt([*cues()["reporting"], *cues()["undertakings"], *finite])
    return re.compile(rf"[;:]|\b{verbs}\b", re.I)


def _facts_in(x: Extraction, start: int, end: int) -> str | None:
    """Fallback without the people extractor's mentions: a post, else a person, whose span lies inside."""
    posts = [p for p in x.posts if start <= p.span.start and p.span.end <= end]
    people = [p for p in x.people if start <= p.span.start and p.span.end <= end]
    found = sorted(posts, key=lambda p: p.span.start) or sorted(people, key=lambda p: p.span.start)
    return found[0].key if found else None


def actor_in(x: Extraction, start: int, end: int, *, strict: bool = False) -> str | None:
    """The person or post named in [start, end), else None. A mention that begins just before the region
    and runs into it counts: "The Head of Service, Libraries and Archives agreed" puts the subject's
    start after the comma, inside the post's own title. `strict` (a table cell): the mention lies inside."""
    if end <= start:
        return None
    from kg.extract import people

    keys = {p.key for p in x.people} | {p.key for p in x.posts}
    analysis = people.of(x)
    for m in analysis.mentions:
        if m.start >= end:
            break
        inside = m.start >= start and (m.end <= end or not strict)
        if m.key in keys and (inside or (m.end > start and not strict)):
            return m.key
    return _facts_in(x, start, end) or _written_post(x, start, end, strict) or _short_reference(
        x, analysis, start, end)


def _short_reference(x: Extraction, analysis: Analysis, start: int, end: int) -> str | None:
    """"The Director confirmed that ...": a title too short to be a post of its own is the post named in
    full before it with the same opening words (as a speaker is, kg/extract/contributions.py)."""
    from kg.extract import people

    titles = [t for t in analysis.titles if start <= t[0] < end]
    if not titles:
        return None
    keys = {p.key for p in x.posts}
    mentions = [m for m in analysis.mentions if m.key in keys]
    ts, te = titles[0]
    words = people.title_words(x.doc.text[ts:te])
    return people.post_named_before(mentions, [m.start for m in mentions], words, ts)


@lru_cache(maxsize=16)
def _surfaces(text: str, posts: tuple[tuple[str, str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each post's title, surface and acronym ("Head of Legal and Democratic Services (HoLDS)") as written."""
    out: dict[str, str] = {}
    for key, title, surface in posts:
        for form in (title, surface):
            if len(form) > 3:
                out.setdefault(form, key)
                if m := re.search(re.escape(form) + r"\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)", text):
                    out.setdefault(m.group("acr"), key)
    return tuple(
        (re.compile(r"(?<![\w-])" + re.escape(f).replace(r"\ ", r"\s+") + r"(?![\w-])"), k)
        for f, k in sorted(out.items(), key=lambda kv: -len(kv[0]))
    )


def _written_post(x: Extraction, start: int, end: int, strict: bool = False) -> str | None:
    """A post the document names, written out where the region is (the people extractor may not record
    every mention): the longest whose words overlap the region (lie inside it, when `strict`)."""
    text = x.doc.text
    posts = tuple((p.key, p.title, p.surface) for p in x.posts)
    best: tuple[int, str] | None = None
    lo = max(0, start - 120)
    for pattern, key in _surfaces(text, posts):
        for m in pattern.finditer(text, lo, end):
            fits = start <= m.start() and m.end() <= end if strict else m.start() < end and m.end() > start
            if fits and (best is None or m.end() - m.start() > best[0]):
                best = (m.end() - m.start(), key)
    return best[1] if best else None

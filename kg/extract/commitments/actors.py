"""Who promised: the person or post named as the promise's own subject or owner, pronouns resolved.

The actor is looked for only in the promise's own clause: its subject ("The Head of HR agreed to ..."),
the owner after "asked" ("asked the Director to ..."), or the subject of the reporting verb that governs
a passive or a coordinated predicate ("X explained that ... and agreed to ...", "X advised that a report
would be brought ..."). A pronoun ("she would provide ...") stands for the speaker of its sentence, or of
the sentence before. Anyone else named nearby is not the actor; nobody found means no actor.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.commitments.vocabulary import alt, cues, rx
from kg.model import Extraction
from kg.text import TextView


def _name_only(segment: str) -> bool:
    """An appositive such as ', Helen McAloon,' or '(Head of Service)' between an actor and its verb."""
    words = re.findall(r"[\w'’.-]+", segment)
    return all(w[0].isupper() or w in ("of", "and", "for", "the", "&") for w in words)


@cache
def _breaks() -> re.Pattern[str]:
    """Clause breaks before a subject; reporting verbs too ("said a report would be ...")."""
    return re.compile(rf"[,;:(]|\b(?:that|whilst|while|which|who|{alt(cues()['reporting'])})\b", re.I)


def subject_start(text: str, lo: int, cue: int) -> int:
    """Start of the subject governing the verb at `cue`: back to the last clause break, through appositives
    enclosed in commas (', Helen McAloon,')."""
    breaks = [lo] + [lo + m.end() for m in _breaks().finditer(text[lo:cue])]
    start = cue
    for b in reversed(breaks):
        seg = text[b:start]
        enclosed = text[start:cue].lstrip().startswith((",", ")")) or not text[start:cue].strip()
        start = b
        if seg.strip(" ,()") and not (_name_only(seg) and enclosed and text[start:cue].rstrip().endswith(",")):
            break
    return start


def reporter(text: str, s: int, clause_start: int) -> tuple[int, int] | None:
    """For a passive promise: the subject of the reporting verb right before it ('X advised that ...')."""
    head = text[s:clause_start]
    last = None
    for m in rx().reporting.finditer(head):
        last = m
    if last is None or head[last.end() :].strip():
        return None
    verb_at = s + last.start()
    return (subject_start(text, s, verb_at), verb_at)


def last_speaker(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The subject of the last reporting verb in text[s:e] ('..., the Director explained that ...')."""
    last = None
    for m in rx().reporting.finditer(text[s:e]):
        last = m
    if last is None:
        return None
    verb_at = s + last.start()
    return (subject_start(text, s, verb_at), verb_at)


def is_pronoun(text: str, region: tuple[int, int] | None) -> bool:
    return region is not None and bool(rx().pronoun.match(text[region[0] : region[1]]))


def coordinated(text: str, region: tuple[int, int]) -> bool:
    """Is the region the tail of a coordinated predicate ("... had begun and") rather than a subject?"""
    words = text[region[0] : region[1]].strip(" ,")
    return not words or bool(rx().coordination.search(" " + words))


def resolve(
    text: str, tv: TextView, sentence: int, region: tuple[int, int] | None
) -> tuple[int, int] | None:
    """A subject region with pronouns and coordinated predicates followed back to a named speaker: in the
    sentence itself, else in the sentence before ("X explained ... . He would provide ...")."""
    s = tv.sentences[sentence].start
    for _ in range(3):  # "He added that ... he would": a pronoun may point at a pronoun
        if region is None:
            return None
        if coordinated(text, region):
            region = last_speaker(text, s, region[0]) or _first_subject(text, s, region[0])
            continue
        if not is_pronoun(text, region):
            return region
        earlier = reporter(text, s, region[0]) or last_speaker(text, s, region[0])
        if earlier is not None and earlier[0] < region[0]:
            region = earlier
        elif sentence > 0:
            sentence -= 1
            prev = tv.sentences[sentence]
            s = prev.start
            region = last_speaker(text, prev.start, prev.end) or _first_subject(text, prev.start, prev.end)
        else:
            return None
    return None if region is None or is_pronoun(text, region) else region


def _first_subject(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The words a sentence opens with, up to its first verb-like break: a fallback subject region."""
    m = re.search(r"[,;:]|\b(?:said|was|were|had|has|is|are|would|will|agreed|undertook)\b", text[s:e])
    return (s, s + m.start()) if m and m.start() > 0 else None


def _facts_in(x: Extraction, start: int, end: int) -> str | None:
    """Fallback without the people extractor's mentions: a post, else a person, whose span lies inside."""
    posts = [p for p in x.posts if start <= p.span.start and p.span.end <= end]
    people = [p for p in x.people if start <= p.span.start and p.span.end <= end]
    found = sorted(posts, key=lambda p: p.span.start) or sorted(people, key=lambda p: p.span.start)
    return found[0].key if found else None


def actor_in(x: Extraction, start: int, end: int) -> str | None:
    """The person or post named in [start, end), else None. A mention that begins just before the region
    and runs into it counts: "The Assistant Director, Safeguarding and Quality agreed" puts the subject's
    start after the comma, inside the post's own title."""
    if end <= start:
        return None
    from kg.extract import people

    keys = {p.key for p in x.people} | {p.key for p in x.posts}
    analysis = people.analyse(x.doc.text)
    for m in analysis.mentions:
        if m.start >= end:
            break
        if m.key in keys and (m.start >= start or m.end > start):
            return m.key
    return _facts_in(x, start, end)

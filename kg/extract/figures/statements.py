"""Statements about an indicator without a figure: "repeat homelessness continued to fall", "rent
collection had worsened", "a rise in the number of households in bed and breakfast", "in line with the
Welsh average". Only indicators the scheme knows are read this way: a direction word
beside an unknown phrase says too little to be kept."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kg import indicators
from kg.extract.figures.prose import Found
from kg.extract.figures.vocab import alternation
from kg.extract.nlp import vocabulary
from kg.text import TextView


@cache
def _compiled() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]],
                         list[tuple[re.Pattern[str], str]], re.Pattern[str], re.Pattern[str]]:
    d = vocabulary("directions")

    def compile_map(section: str) -> list[tuple[re.Pattern[str], str]]:
        return [(re.compile(alternation(ps), re.I), name) for name, ps in d.get(section, {}).items()]

    blocked = re.compile(alternation(d.get("blocked_before", [])) + r"\s*$", re.I)
    question = alternation(d.get("question_before", []))
    asked = re.compile(question + r"\s*(?:the\s+)?(?:number\s+of\s+)?$", re.I)
    return compile_map("after"), compile_map("before"), compile_map("standing"), blocked, asked


def _after(segment: str) -> tuple[str, int] | None:
    """The first direction or standing word in `segment` that is reported, not hoped for ("would improve")."""
    after, _, standing, blocked, _ = _compiled()
    best: tuple[int, int, str] | None = None
    for pattern, name in after:
        for m in pattern.finditer(segment):
            if not blocked.search(segment[: m.start()]):
                cand = (m.start(), -(m.end() - m.start()), name)
                best = cand if best is None or cand < best else best
    for pattern, name in standing:
        for m in pattern.finditer(segment):
            cand = (m.start(), -(m.end() - m.start()), name)
            best = cand if best is None or cand < best else best
    return (best[2], best[0]) if best else None


def _before(segment: str) -> str | None:
    """"a rise in the number of ...": a change noun shortly before the indicator, with "in" between."""
    before = _compiled()[1]
    for pattern, name in before:
        for m in pattern.finditer(segment):
            between = segment[m.end() :]
            near = len(between.split()) <= 8 and "," not in between
            if near and re.search(r"(?<![\w])in(?![\w])", between):
                return name
    return None


def read_statements(tv: TextView, figures: list[Found]) -> list[Found]:
    """Figure-less observations, one per known indicator and sentence, where no figure of it is stated."""
    text = tv.flat  # wrapped lines joined, page furniture blanked (same offsets)
    with_figures = {(f.start, f.phrase.lower()) for f in figures}
    covered = {f.start for f in figures}
    asked = _compiled()[4]
    out: list[Found] = []
    # once per document, on the text layer's own parse
    spans = sorted(((sp.label_, sp.start_char, sp.end_char) for sp in indicators.mention_spans(tv.doc)),
                   key=lambda m: m[1])
    starts = [a for _, a, _ in spans]  # a clause's mentions by bisection: a long paper has thousands
    for i, s in enumerate(tv.sentences):
        if s.kind == "heading" or tv.in_table(s.start, s.end) or s.start in covered:
            continue
        for c in tv.clauses_of(i):
            # the document's mentions, found once, in clause-relative offsets
            found = []
            for cid, a, b in spans[bisect_left(starts, c.start):bisect_left(starts, c.end)]:
                if b <= c.end:
                    found.append((cid, a - c.start, b - c.start))
            used_until = 0
            seen: set[str] = set()
            for j, (concept, a, b) in enumerate(found):
                if concept in seen or (s.start, concept) in with_figures:
                    continue
                clause = text[c.start : c.end]
                if asked.search(clause[max(0, a - 30) : a]):
                    continue  # "whether placement moves had reduced" is a question
                seg_end = found[j + 1][1] if j + 1 < len(found) else len(clause)
                direction = None
                if hit := _after(clause[b:seg_end]):
                    direction, used_until = hit[0], b + hit[1] + 1
                elif used_until <= a and (name := _before(clause[used_until:a])):
                    direction = name
                if direction:
                    seen.add(concept)
                    label = indicators.label(concept) or clause[a:b]
                    out.append(Found(phrase=label, start=s.start, end=s.end, value=None, unit="other",
                                     measure="actual", direction=direction, confidence=0.8,
                                     notation=f"concept:{concept}"))
    return out

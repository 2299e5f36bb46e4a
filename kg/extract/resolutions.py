"""Extract resolutions: what the meeting decided, each numbered item separately.

A decision opens with a cue at the start of a line ("Resolved: That ...", "RESOLVED – (i) ... (ii) ...",
"AGREED that ...", cues in kg/extract/patterns/resolutions.yaml) and runs over the paragraphs that belong
to it. In minutes a bare "That the report be noted." paragraph is a decision too (some clerks drop the
cue). A report's "Recommendation" is a proposal, not a decision: never read as one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from kg.extract.nlp import vocabulary
from kg.model import Extraction, ResolutionFact, Span
from kg.text import TextView

_ITEM = re.compile(r"(?:(?<=\s)|^)(\((?:[ivx]{1,5}|[a-h]|\d{1,2})\)|(?:[ivx]{1,5}|[a-h]|\d{1,2})\))(?=\s)")
_PARA = re.compile(r"\n[ \t\xa0]*\n\s*")


@cache
def _vocab() -> dict:
    return vocabulary("resolutions")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(r"(?im)^[ \t\xa0]*(?:\d{1,3}[.)]?[ \t\xa0]+)?(" + _alt(_vocab()["cues"])
                      + r")\b[ \t\xa0]*(?:[:\-–—.]+[ \t\xa0]*|(?=\s*(?:that\b|\()))")


@cache
def _inline_re() -> re.Pattern[str]:
    """"... it was RESOLVED that ...": a cue in capitals is a decision wherever the line puts it."""
    return re.compile(r"\b(" + _alt(_vocab()["inline_cues"])
                      + r")\b[ \t\xa0]*(?:[:\-–—]+[ \t\xa0]*|(?=\s*(?:that\b|\()))")


def _cue_matches(text: str) -> list[re.Match[str]]:
    """Line-opening cues, then capitalised ones mid-line that no line-opening cue already took."""
    found = list(_cue_re().finditer(text))
    starts = {m.end() for m in found}
    found += [m for m in _inline_re().finditer(text) if m.end() not in starts]
    return sorted(found, key=lambda m: m.start())


@cache
def _bare_re() -> re.Pattern[str]:
    return re.compile(r"That\b[^\n]*?\bbe\s+(?:\w+\s+)?(?:" + _alt(_vocab()["decision_verbs"]) + r")\b")


@cache
def _not_heading_re() -> re.Pattern[str]:
    headings = _alt(_vocab()["not_resolution_headings"])
    return re.compile(r"(?im)^[ \t\xa0]*(?:[-•\d.()a-z]{0,4}[ \t\xa0]*)?(?:" + headings + r")\b")


@cache
def _stop_re() -> re.Pattern[str]:
    return re.compile(r"(?im)^[ \t\xa0]*(?:" + _alt(_vocab()["stop_lines"]) + r")[ \t:]*$")


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraphs of [start, end), lazily: a resolution block reads only as far as it runs."""
    pos = start
    for m in _PARA.finditer(text, start, end):
        if text[pos:m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:end].strip():
        yield pos, end


def _belongs(para: str) -> bool:
    """A paragraph continuing a resolution: another "That ..." clause, or a numbered item that reads as one
    (a sentence, not the next agenda item's heading such as "8. Date of next meeting")."""
    if re.match(r"\s*[Tt]hat\b", para):
        return True
    marker = re.match(r"\s*(?:\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})\)|\d{1,2}\.|[-•])\s*", para)
    rest = para[marker.end():] if marker else ""
    return bool(marker) and (bool(re.match(r"[Tt]hat\b", rest)) or para.rstrip().endswith((".", ";")))


def _items(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(number, start, end) of each item in [start, end): by item markers, else by "That" paragraphs."""
    marks = [m for m in _ITEM.finditer(text, start, end)
             if re.match(r"\s*[Tt]hat\b|\s*[A-Z]", text[m.end():m.end() + 12])]
    if marks:
        out = []
        if text[start:marks[0].start()].strip(" \t\n:–-"):
            out.append(("", start, marks[0].start()))
        for i, m in enumerate(marks):
            stop = marks[i + 1].start() if i + 1 < len(marks) else end
            out.append((m.group(1), m.end(), stop))
        return out
    return [("", s, e) for s, e in _paragraphs(text, start, end)]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n:–—-;":
        s += 1
    while True:
        while e > s and text[e - 1] in " \t\n;,":
            e -= 1
        if not text[s:e].endswith(" and"):
            return s, e
        e -= 4


def _is_minutes(x: Extraction) -> bool:
    kind = x.doc.meta.doc_type
    if kind:
        return kind in ("minutes", "decision")
    return bool(re.search(r"\bminutes\b", x.doc.text[:2000], re.I))


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    text = x.doc.text
    found: list[ResolutionFact] = []
    covered: list[tuple[int, int]] = []
    stops = [m.start() for m in _stop_re().finditer(text)]
    for cue in _cue_matches(text):
        start = cue.end()
        if covered and start < covered[-1][1]:
            continue
        nxt = bisect_right(stops, start)
        limit = stops[nxt] if nxt < len(stops) else len(text)
        paras = _paragraphs(text, start, limit)
        block_end = start
        for i, (ps, pe) in enumerate(paras):
            if i and not _belongs(text[ps:pe]):
                break
            if _cue_re().match(text, ps) and i:
                break
            block_end = pe
        if block_end <= start:
            continue
        covered.append((cue.start(), block_end))
        for number, s, e in _items(text, start, block_end):
            s, e = _trim(text, s, e)
            body = re.sub(r"\s+", " ", text[s:e]).strip()
            if len(body) < 8:
                continue
            found.append(ResolutionFact(f"resolution:{s}", body, Span.of(text, s, e), number))
    if _is_minutes(x):
        proposals = [m.start() for m in _not_heading_re().finditer(text)]
        for ps, pe in _paragraphs(text, 0, len(text)):
            ps, pe = _trim(text, ps, pe)
            k = bisect_right(covered, (ps, len(text) + 1)) - 1
            if (k >= 0 and covered[k][0] <= ps < covered[k][1]) or not _bare_re().match(text, ps):
                continue
            # under a "Recommendation" heading within the last few paragraphs, a "That" line is a proposal
            j = bisect_right(proposals, ps) - 1
            if j >= 0 and ps - proposals[j] < 600:
                continue
            body = re.sub(r"\s+", " ", text[ps:pe])
            found.append(ResolutionFact(f"resolution:{ps}", body, Span.of(text, ps, pe)))
    found.sort(key=lambda r: r.span.start)
    return replace(x, resolutions=x.resolutions + tuple(found))

"""Sentences, clauses and quoted speech.

A sentence never crosses a blank line, a heading, the start of a list item, a table or page furniture,
and a short line that stands alone ("Report of the Director of Housing", "Author: ...") is a unit of its
own; inside those bounds spaCy's sentencizer finds the full stops (wrapped lines of prose stay one
sentence). List markers and paragraph numbers are left out of the sentence they open.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from kg.text import lines as _lines
from kg.text.rules import clause_break_re, quote_pairs
from kg.text.units import Clause, Heading, Line, ListItem, Sentence

# An abbreviation's full stop does not end a sentence ("Cllr. Jones", "para. 3.2", "No. 12", an alderman's
# "Ald. Byrne" in Northern Ireland and the City, a minister's "Rev. Hughes").
_ABBREVIATION = re.compile(
    r"(?:\b(?:cllr|cllrs|councillor|ald|alds|rev|revd|mr|mrs|ms|dr|prof|st|no|nos|para|paras|approx|ref|incl|e\.g|"
    r"i\.e|etc|vs|cf|fig|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[A-Z]))\.$",
    re.I,
)
# The pattern ends at the piece's end, and its longest match ("councillor.") is 11 characters: searching the
# piece's last 16 finds the same match (and sees the character before it) without scanning the sentence.
_TAIL = 16


def _line_width(text: str, block: list[Line]) -> int:
    return max((ln.end - ln.start for ln in block), default=0)


def _blocks(
    text: str, lines: tuple[Line, ...], heads: tuple[Heading, ...], items: tuple[ListItem, ...],
    page_width: int,
) -> list[tuple[int, int, str, int | None]]:
    """Stretches of text that a sentence may not cross: (start, end, kind, list item index)."""
    heading_at = {h.start: h for h in heads}
    list_at = {li.start: i for i, li in enumerate(items)}
    out: list[tuple[int, int, str, int | None]] = []
    block: list[Line] = []
    current_list: int | None = None
    pending_break = False  # a blank line, a table or page furniture came since the last line
    paged = False  # page furniture among them: a page break, not a paragraph's end


    def flush() -> None:
        nonlocal block
        if not block:
            return
        width = max(_line_width(text, block), page_width)
        start = block[0].start
        for ln, nxt in zip(block, [*block[1:], None], strict=True):
            if nxt is None or _lines.breaks_after(text, ln, nxt, width):
                out.append((start, ln.end, "prose", current_list))
                if nxt is not None:
                    start = nxt.start
        block = []

    for line in lines:
        body = text[line.start : line.end]
        lead = line.start + len(body) - len(body.lstrip())
        if line.blank or line.in_table or line.furniture:
            pending_break = True
            paged = paged or line.furniture
            continue
        went_on = False  # the sentence before goes on over a blank line or a page break
        if pending_break:
            pending_break = False
            # a paragraph broken by a page (no full stop, the next part starts in lower case) goes on
            last = text[block[-1].start : block[-1].end].rstrip()[-1:] if block else "."
            # or the part before the page ends on a line filled to the width, mid-sentence ("The Head of /
            # Page 2 / Commissioning agreed ...")
            full = paged and bool(block) and block[-1].end - block[-1].start >= 0.8 * page_width > 0
            # or it ends on a word that cannot end a sentence ("... had fallen from / Page 2 / 284 to 271")
            hanging = paged and bool(block) and (
                text[block[-1].start : block[-1].end].split() or [""])[-1].lower() in _lines.CONTINUES
            paged = False
            went_on = (body.lstrip()[:1].islower() or full or hanging) and last not in ".:;?!"
            if not went_on:
                flush()
                current_list = None
        if lead in heading_at or line.start in heading_at:
            flush()
            h = heading_at.get(lead) or heading_at[line.start]
            out.append((h.start, h.end, "heading", None))
            current_list = None
            continue
        if lead in list_at:
            flush()
            current_list = list_at[lead]
            li = items[current_list]
            block = [Line(li.body_start, line.end)]
            continue
        if current_list is not None and line.start >= items[current_list].end and not went_on:
            flush()  # the list item has ended (a paragraph after it without a blank line)
            current_list = None
        block.append(line)
    flush()
    return out


def sentences(
    text: str,
    doc: Doc,
    lines: tuple[Line, ...],
    heads: tuple[Heading, ...],
    list_items: tuple[ListItem, ...],
    width: int,
) -> tuple[Sentence, ...]:
    """The sentences of the text in order, with the spaCy sentencizer's boundaries inside each block;
    `width`: what the prose is wrapped to (kg.text.lines.page_width)."""
    bounds = sorted({s.start_char for s in doc.sents} | {len(text)})
    out: list[Sentence] = []
    for paragraph, (start, end, kind, list_item) in enumerate(_blocks(text, lines, heads, list_items, width)):
        if kind == "heading":
            out.append(Sentence(start, end, "heading", paragraph=paragraph))
            continue
        cuts = [start, *bounds[bisect_right(bounds, start) : bisect_left(bounds, end)], end]  # sorted: inside
        pieces: list[tuple[int, int]] = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            a, b = _trim(text, a, b)
            if b <= a:
                continue
            last_a, last_b = pieces[-1] if pieces else (0, 0)
            if pieces and (_ABBREVIATION.search(text[max(last_a, last_b - _TAIL) : last_b])
                           or not (text[a].isupper() or text[a] in "\"“‘'(" or text[a].isdigit())):
                pieces[-1] = (pieces[-1][0], b)  # an abbreviation's stop, or a cut before a lower-case word
            else:
                pieces.append((a, b))
        lone = len(pieces) == 1 and not text[pieces[0][0] : pieces[0][1]].rstrip().endswith((".", "?", "!"))
        for a, b in pieces:
            label = lone and "\n" not in text[a:b] and len(text[a:b]) <= 90
            out.append(Sentence(a, b, "label" if label else "prose", None, list_item, paragraph))
    return tuple(out)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_AFTER_THAT = re.compile(r"\bthat,?\s+$", re.I)


def clauses(text: str, sents: tuple[Sentence, ...]) -> tuple[Clause, ...]:
    """Each sentence cut at semicolons and at words that open a new statement."""
    out: list[Clause] = []
    pattern = clause_break_re()
    for i, s in enumerate(sents):
        cuts = [s.start]
        for m in pattern.finditer(text, s.start, s.end):
            if m.group() != ";" and _AFTER_THAT.search(text, max(s.start, m.start() - 8), m.start()):
                continue  # "commented that whilst X, Y": the subordinate clause is part of what was said
            cut = m.end() if m.group() == ";" else m.start()
            if s.start < cut < s.end:
                cuts.append(cut)
        cuts.append(s.end)
        for a, b in zip(cuts, cuts[1:], strict=False):
            a, b = _trim(text, a, b)
            while b > a and text[b - 1] in ",;":
                b -= 1
            if b > a:
                out.append(Clause(a, b, i))
    return tuple(out)


def quotes(text: str, sents: tuple[Sentence, ...]) -> tuple[tuple[int, int], ...]:
    """Quoted speech inside sentences: the text between a pair of quotation marks (marks excluded).
    A closing single quote that is an apostrophe ("Members’ views") does not close a quotation."""
    out: list[tuple[int, int]] = []
    for s in sents:
        for open_mark, close_mark in quote_pairs():
            pos = s.start
            while (a := text.find(open_mark, pos, s.end)) != -1:
                if open_mark in "‘'" and (text[a - 1 : a].isalnum() or not text[a + 1 : a + 2].isalnum()):
                    pos = a + 1
                    continue
                b = a + 1
                while (b := text.find(close_mark, b, s.end)) != -1 and text[b + 1 : b + 2].isalnum():
                    b += 1
                if b == -1:
                    break
                if b - a > 2:
                    out.append((a + 1, b))
                pos = b + 1
    return tuple(sorted(set(out)))

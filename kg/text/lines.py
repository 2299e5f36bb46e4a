"""Lines of the rendition, with running page furniture and table lines marked."""

from __future__ import annotations

import re
from collections import Counter

from kg.text.rules import furniture_res, valediction_re
from kg.text.units import Line

_DIGITS = re.compile(r"\d+")


def _overlaps(start: int, end: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(a < end and start < b for a, b in ranges) if end > start else any(
        a <= start < b for a, b in ranges
    )


def page_width(text: str, lines: tuple[Line, ...]) -> int:
    """The width the text is wrapped to: the 90th percentile of its line lengths (tables aside)."""
    lengths = sorted(ln.end - ln.start for ln in lines if not (ln.blank or ln.in_table or ln.furniture))
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


# The widest line a converter wraps prose to: a landscape page at a small font. A longer line is a paragraph
# typed as one line, never a wrapped one.
LONGEST_WRAPPED = 200


def breaks_after(text: str, line: Line, nxt: Line, width: int) -> bool:
    """Does a unit end at the end of `line` although no blank line follows? Text wrapped to a width puts
    a word on the line whenever it fits, so when the next line's first word would have fitted here the
    break was made on purpose (a field line, a title, a new paragraph) - unless the line ends mid-phrase."""
    body = text[line.start : line.end].rstrip()
    after = text[nxt.start : nxt.end].lstrip()
    if not body or not after:
        return True
    if nxt.orphan or (line.orphan and body[-1] not in _ENDS):
        return False  # a second wrap's leftover words go on the sentence they were cut from
    if valediction_re().fullmatch(body):
        return True  # "Yours faithfully," over the signer's name: its comma ends the letter, not a phrase
    if _open_bracket(body) and _closes_bracket(after):
        return False  # "Jo Bell (Democratic" over "Services Officer)": a wrap inside the brackets
    if body[-1] in ",;(-–&/" or body.split()[-1].lower() in CONTINUES:
        return False
    if not (after[0].isupper() or after[0].isdigit() or after[0] in "\"“‘'(£"):
        return False
    if _BRACKETED_FIGURE.match(after) and body[-1] not in ".!?:":
        return False  # "... to re-let a home" over "(41 days) was ...": the figure of the words before it
    if _FIELD.match(after):
        return True  # "Wards: All" under "Author: ...": one field a line
    if _ROW_END.search(body):
        return True  # "Other cases 56 days 61 days" over "Appeals N/A 90 days": a table's rows
    if len(body.strip()) > LONGEST_WRAPPED:
        return True  # no page is that wide: a paragraph typed as one line (Word's text export)
    first_word = after.split()[0]
    # the whole printed line, its paragraph number too ("2.4 Void loss stood at 3.1% of rent in Quarter" over
    # "2, above ...": measured without "2.4 " it looked short enough to end a paragraph)
    printed = len(text[text.rfind("\n", 0, line.start) + 1 : line.end].rstrip())
    return printed + 1 + len(first_word) <= width


def _open_bracket(body: str) -> bool:
    """The line ends inside brackets it opened ("... Priya Natt (Head of")."""
    return body.rfind("(") > body.rfind(")")


def _closes_bracket(after: str) -> bool:
    """The next line closes a bracket before it opens one ("Services Officer), ...")."""
    close = after.find(")")
    return close != -1 and "(" not in after[:close]


# A figure in brackets with its unit ("(41 days)", "(61.4%)", "(£1.2m)"), never a list marker ("(1)", "(iv)").
_BRACKETED_FIGURE = re.compile(r"\(\s*£?\d[\d,]*(?:\.\d+)?(?:\s*%|\s*per\s*cent|(?:m|k|bn)\b|\s+[a-z]{2,})"
                               r"[^()]{0,30}\)", re.I)

# A field line of a front sheet or signature block: one to four capitalised words and a colon.
_FIELD = re.compile(r"[A-Z][\w'’]*(?:[ \t][\w'’()&/]+){0,3}:[ \t]")


# A line ending in two figures (a unit word or % after each), no full stop: a table's row, not wrapped prose.
_ROW_END = re.compile(r"(?<![\w.,/])\d[\d,.]*\s*(?:%|(?!(?:and|or|to|of)\b)[A-Za-z]+)?\s+(?:[\d,.]+|n/a|-)"
                      r"\s*(?:%|[A-Za-z]+)?$", re.I)


CONTINUES = frozenset(
    {"and", "or", "of", "the", "to", "a", "an", "for", "in", "on", "by", "with", "from", "at"}
)


def lines(text: str, tables: tuple[tuple[int, int], ...] = ()) -> tuple[Line, ...]:
    """Every line with its offsets. A line is furniture when it is a page number or a running header or
    footer: it matches a furniture pattern, or the same line (digits aside) recurs on several pages."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        raw.append((pos, pos + len(part)))
        pos += len(part) + 1
    shapes = Counter(
        _DIGITS.sub("#", text[s:e].strip()) for s, e in raw if len(text[s:e].strip()) >= 25
    )
    out: list[Line] = []
    for s, e in raw:
        body = text[s:e]
        stripped = body.strip()
        feed = "\f" in body and not stripped  # a page break a converter left on a line of its own
        blank = not stripped and not feed
        furniture = feed or not blank and (
            any(p.match(body) for p in furniture_res())
            or (
                len(stripped) >= 25
                and shapes[_DIGITS.sub("#", stripped)] >= 2
                and not stripped.endswith((".", ":", ";", ","))
                and not _LIST_OPENING.match(stripped)
                # a record's field ("Due date: 11 February 2025" in one action after another) recurs
                # without being a running head; one at a page break still is (_page_heads)
                and not _FIELD.match(stripped)
                and _running(body)
            )
        )
        out.append(Line(s, e, blank, furniture, _overlaps(s, e, tables)))
    return _page_heads(text, out, shapes)


def _page_heads(text: str, out: list[Line], shapes: Counter[str]) -> tuple[Line, ...]:
    """A repeated line that stands at a page break (next to a page number or a form feed, blank lines
    aside) is a running head or foot, whatever it says ("Overview and Scrutiny - Public Document Pack")."""
    def page_break(i: int) -> bool:
        ln = out[i]
        return ln.furniture or "\f" in text[ln.start:ln.end]

    heads: set[str] = set()
    for i, ln in enumerate(out):
        stripped = text[ln.start:ln.end].strip()
        repeated = shapes[_DIGITS.sub("#", stripped)] >= 2
        if ln.blank or ln.furniture or not repeated or stripped.endswith((".", ";")):
            continue
        near = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(out) and out[j].blank and "\f" not in text[out[j].start:out[j].end]:
                j += step
            near.append(0 <= j < len(out) and page_break(j))
        if any(near) or "\f" in text[ln.start:ln.end]:
            heads.add(_DIGITS.sub("#", stripped))
    # every copy of such a line is the running head, the first page's (no break above it) too
    out = [Line(ln.start, ln.end, False, True, ln.in_table)
           if not ln.blank and _DIGITS.sub("#", text[ln.start:ln.end].strip()) in heads else ln
           for ln in out]
    return tuple(_orphans(text, _heads_inside_a_sentence(text, out)))


# A line that ends a sentence or a field: what a second wrap leaves behind never does.
_ENDS = ".:;?!"


def _orphans(text: str, out: list[Line]) -> list[Line]:
    """Text wrapped twice (a converter's lines wrapped again, narrower, by a mail client or a second
    converter) leaves a few words on a line of their own after every full line: "... asked the Head of" /
    "Waste" / "Services whether ...". Such a line is marked `orphan` - it goes on
    the line before it - only when the document shows the pattern again and again: one short line after a
    full one is as often a field, a name in a list or a paragraph's end."""
    prose = [ln for ln in out if not (ln.blank or ln.furniture or ln.in_table)]
    lengths = sorted(len(text[ln.start:ln.end].rstrip()) for ln in prose)
    if len(lengths) < 8:
        return out
    full = 0.8 * lengths[int(0.9 * (len(lengths) - 1))]
    found: list[int] = []
    for i in range(1, len(out) - 1):
        before, ln, after = out[i - 1], out[i], out[i + 1]
        if any(x.blank or x.furniture or x.in_table for x in (before, ln, after)):
            continue
        above = text[before.start:before.end].rstrip()
        body = text[ln.start:ln.end].strip()
        below = text[after.start:after.end].strip()
        if len(above) >= full and above[-1] not in _ENDS and 0 < len(body) <= 0.35 * full \
                and len(body.split()) <= 3 and len(below) >= 0.5 * full:
            found.append(i)
    # the pattern, not a coincidence: several such lines, and a fair share of the full lines followed by one
    long_lines = sum(1 for n in lengths if n >= full)
    if len(found) < 3 or len(found) < 0.2 * long_lines:
        return out
    for i in found:
        ln = out[i]
        out[i] = Line(ln.start, ln.end, ln.blank, ln.furniture, ln.in_table, orphan=True)
    return out


def _heads_inside_a_sentence(text: str, out: list[Line]) -> list[Line]:
    """A line printed once at a page break ("Page 1", then "Licensing Panel - 4 May 2025") that a sentence
    runs over - the text before the break ends mid-sentence and the text after goes on in lower case - is
    the next page's running head, not part of the sentence."""
    def content(j: int, step: int) -> int:
        while 0 <= j < len(out) and (out[j].blank or out[j].furniture):
            j += step
        return j

    for i, ln in enumerate(out):
        if ln.blank or ln.furniture or ln.in_table:
            continue
        near = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(out) and out[j].blank:
                j += step
            near.append(0 <= j < len(out) and out[j].furniture)
        if not any(near):
            continue
        before, after = content(i - 1, -1), content(i + 1, 1)
        if before < 0 or after >= len(out) or before == i or after == i:
            continue
        last = text[out[before].start:out[before].end].rstrip()
        nxt = text[out[after].start:out[after].end].lstrip()
        # (prose on both sides: a table copied one cell a line has short cells and bare numbers)
        if len(last.split()) >= 6 and last[-1].isalpha() and nxt[:1].islower() and len(nxt.split()) >= 3 \
                and len(text[ln.start:ln.end].split()) <= 12:
            out[i] = Line(ln.start, ln.end, False, True, ln.in_table)
    return out


# A line opening as a list item ("- Noted the content of ... Appendix 2", "(ii) to note ..."): a decision a
# ModernGov page repeats in its Decision and Minutes blocks, not a running header
_LIST_OPENING = re.compile(r"(?:[-•·*–]\s+|\(?(?:[ivx]{1,4}|[a-z]|\d{1,2})\)\s+)\S", re.I)


def _running(line: str) -> bool:
    """A repeated line is running furniture when it carries a page number or date-like run of digits
    or it is set apart by wide spacing (a header laid out in columns)."""
    return bool(re.search(r"\s{3,}\S|\bpage\b|\d", line, re.I))

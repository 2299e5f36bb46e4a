"""Headings, agenda items and list items, found from the shape of each line."""

from __future__ import annotations

import re

from kg.model import Section
from kg.periods import MONTH_NAMES, YEAR
from kg.text.lines import breaks_after
from kg.text.rules import item_number_res, list_marker_res, minor_words
from kg.text.units import Heading, Item, Line, ListItem

_WORD = re.compile(r"[A-Za-z][\w'’&/\-]*")
_ROMAN_FIRST = re.compile(r"\(?i[.)]")
# a line ending in a semicolon or a comma and a conjunction continues in the next line
_RUNS_ON = re.compile(r"[;,]\s*(?:and|or|but|and/or)?$", re.I)


def _title_like(title: str) -> bool:
    """A title: short, no sentence punctuation at its end, and its words capitalised (Title Case or
    UPPER CASE) apart from minor words - the way minutes and reports set their item headings."""
    title = title.strip()
    if not title or len(title) > 140 or title[-1] in ".,;" or title.count(",") > 2:
        return False
    if _RUNS_ON.search(title):
        return False  # "1) the log be noted; and": an item of a list that runs on to the next, not a title
    words = _WORD.findall(title)
    if not words:
        return False
    minor = minor_words()
    content = [w for w in words if w.lower() not in minor]
    if not content:
        return False
    capped = sum(w[0].isupper() or w.isupper() for w in content)
    return capped / len(content) >= 0.75 and title[0].isupper() or title[0].isdigit()


# a date line ("16 January 2025") after its day number: not an item titled "January 2025"
_MONTH = re.compile(MONTH_NAMES + r"\s+" + YEAR + r"\b|(?:st|nd|rd|th)\b", re.I)


def _short_heading(title: str) -> bool:
    """A numbered heading in sentence case ("4. Background papers"): short, capitalised, and not a
    sentence or a lead-in to a list."""
    return (
        title[0].isupper()
        and len(title.split()) <= 8
        and title[-1] not in ".,;:"
        and title.split()[-1].lower() not in {"to", "and", "or", "of", "the", "a", "for", "in", "with"}
        and not re.search(r"\d[\d,.]*\s*%|\bwas\b|\bwere\b|\bis\b|\bare\b", title)
    )


def heading_of(text: str, line: Line) -> Heading | None:
    body = text[line.start : line.end]
    if line.blank or line.furniture or line.in_table or len(body.strip()) > 160:
        return None
    for pattern in item_number_res():
        if (m := pattern.match(body)) and m.end() < len(body.rstrip()):
            title_start = m.end() + len(body[m.end() :]) - len(body[m.end() :].lstrip())
            title = body[title_start:].strip()
            if _MONTH.match(title):
                return None  # a date line, "16 January 2025"
            if "." in m.group("n").strip(".") and re.search(r":\s*[-–]?$", title):
                return None  # "8.4 RESOLVED: That the Committee:-": a numbered paragraph leading into a list
            short = "." not in m.group("n") and _short_heading(title)  # "3.2 ..." is a paragraph
            if _title_like(title.split(" - ")[0]) or title.isupper() or short:
                return Heading(line.start, line.start + len(body.rstrip()), body.strip(),
                               m.group("n"), line.start + title_start)
            return None
    stripped = body.strip()
    if stripped.startswith("#"):  # Markdown
        start = line.start + body.index("#")
        title = stripped.lstrip("#").strip()
        return Heading(start, line.start + len(body.rstrip()), title, "", line.end - len(body.lstrip("# ")))
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and not stripped.endswith((".", ",")):
        start = line.start + len(body) - len(body.lstrip())
        return Heading(start, line.start + len(body.rstrip()), stripped, "", start)
    return None


def _prose_line(text: str, line: Line) -> str:
    return "" if line.blank or line.furniture or line.in_table else text[line.start : line.end].strip()


def _wrapped_prose(text: str, lines: tuple[Line, ...], i: int, full: float) -> bool:
    """A line that opens with a number inside wrapped prose is no numbered heading: either the line before
    it was filled to the width and stops mid-sentence ("... the approval rate was\\n93.2%, and ..."), or
    it is itself filled and its sentence runs on in lower case on the next line ("4. Noted that ... in
    Appendix\\n1 was a schedule of ...")."""
    if full <= 0:
        return False
    before = _prose_line(text, lines[i - 1]) if i else ""
    # (a line far wider than the measure was never wrapped to it: a field line set out with a tab, or a
    # paragraph typed as one line, ends where its writer ended it)
    if full <= len(before) <= 2 * full and before[-1] not in ".:;!?" and not before.isupper():
        return True
    here = _prose_line(text, lines[i])
    after = _prose_line(text, lines[i + 1]) if i + 1 < len(lines) else ""
    first = after.split()[:2]
    runs_on = bool(first) and (first[0][0].islower() or (
        first[0][0].isdigit() and len(first) > 1 and first[1][0].islower()))
    return len(here) >= full and here[-1] not in ".:;!?" and runs_on and not here.isupper()


def headings(text: str, lines: tuple[Line, ...], wrap_width: int) -> tuple[Heading, ...]:
    """Heading lines. An unnumbered Title Case line is a heading only when a blank line or the document's
    edge is on both sides of it (otherwise it is a line of wrapped prose or a name in a list)."""
    out: list[Heading] = []
    full = 0.8 * wrap_width
    for i, line in enumerate(lines):
        h = heading_of(text, line)
        if h is not None and h.number and _wrapped_prose(text, lines, i, full):
            h = None
        if h is None and not (line.blank or line.furniture or line.in_table):
            before = i == 0 or lines[i - 1].blank
            after = i + 1 == len(lines) or lines[i + 1].blank
            body = text[line.start : line.end].strip()
            if before and after and len(body) <= 80 and ":" not in body and _title_like(body):
                raw = text[line.start : line.end]
                start = line.start + len(raw) - len(raw.lstrip())
                h = Heading(start, start + len(body), body, "", start)
        if h is not None:
            out.append(h)
    return tuple(out)


def _level(number: str) -> int:
    """"85" is an item, "85.1" a paragraph in it; "2(a)" is an item of its own, as Scottish minutes number."""
    return number.count(".")


def items(text: str, heads: tuple[Heading, ...], sections: tuple[Section, ...] = ()) -> tuple[Item, ...]:
    """Agenda items: the reader's item sections where it found them (a ModernGov page), else the numbered
    headings of the shallowest numbering level, each running to the next such heading."""
    found = [s for s in sections if s.kind == "item"]
    if found:
        return tuple(Item(s.start, s.end, "", s.label, s.start) for s in sorted(found, key=lambda s: s.start))
    numbered = [h for h in heads if h.number]
    if not numbered:
        return ()
    top = min(_level(h.number) for h in numbered)
    starts = [h for h in numbered if _level(h.number) == top]
    out = []
    for h, nxt in zip(starts, [*starts[1:], None], strict=True):
        end = nxt.start if nxt else len(text)
        out.append(Item(h.start, end, h.number, text[h.title_start : h.end].strip(), h.end))
    return tuple(out)


def _marker(body: str) -> tuple[str, str, int] | None:
    for kind, pattern in list_marker_res():
        if (m := pattern.match(body)) and m.end() < len(body) and body[m.end() :].strip():
            return kind, body[: m.end()].strip(), m.end()
    return None


def _next_number(last: str, marker: str) -> bool:
    """Is `marker` the number after `last` in the same form ("2." after "1.", "4)" after "3)")?"""
    a, b = re.fullmatch(r"(\D*)(\d+)(\D*)", last), re.fullmatch(r"(\D*)(\d+)(\D*)", marker.strip())
    return bool(a and b) and (a[1], a[3]) == (b[1], b[3]) and int(b[2]) == int(a[2]) + 1


def _lone_marker(body: str) -> tuple[str, str, int] | None:
    """A list marker standing alone on its line ("1.", "(b)"), its item's text on the lines after it."""
    body = body.rstrip()
    for kind, pattern in list_marker_res():
        # (a space after it, as the markers that end in a dot are matched before one)
        if kind != "bullet" and (m := pattern.match(body + " ")) and not body[m.end() :].strip():
            return kind, body.strip(), len(body)
    return None


def list_items(text: str, lines: tuple[Line, ...], heads: tuple[Heading, ...],
               wrap_width: int) -> tuple[ListItem, ...]:
    """List items: a line opening with a bullet, "(a)", "(ii)", "3)" or "2.1". An item runs over the
    lines that continue it, up to the next marker, a blank line or a heading. Depth follows the order
    in which marker kinds first appear in a block (the outer list's kind comes first)."""
    heading_lines = {h.start for h in heads}
    out: list[ListItem] = []
    open_item: list | None = None
    kinds: list[str] = []  # marker kinds in order of first appearance in the current block
    previous_kind: str | None = None

    def close(end: int) -> None:
        nonlocal open_item
        if open_item is not None:
            start, body_start, marker, kind, depth = open_item
            if body_start is not None:  # (a marker alone with no line after it marks nothing)
                out.append(ListItem(start, body_start, end, marker, kind, depth))  # type: ignore[arg-type]
            open_item = None

    last_end = 0
    prev_body = ""
    last_number = ""  # the last number marker opened
    prev_line: Line | None = None
    item_indent = item_width = 0  # the open item's indent, its longest line
    for line in lines:
        body = text[line.start : line.end]
        indent = len(body) - len(body.lstrip())
        is_heading = any(line.start <= h < line.end + 1 for h in heading_lines)
        if line.blank or line.in_table or is_heading:
            close(last_end)
            if line.blank or is_heading:
                kinds, previous_kind = [], None
            prev_body, prev_line = "", None
            continue
        if line.furniture:
            continue
        if open_item is not None and open_item[1] is None:
            open_item[1] = line.start + indent  # the body of a marker standing alone on the line before
        found = _marker(body) or _lone_marker(body)
        if not found and open_item is not None and prev_body[-1:] in (".", "!", "?") and \
                len(body.strip()) <= 60 and _title_like(body):
            close(last_end)  # "... be noted.\nNext Steps": a title after the item's last sentence ends it
            kinds, previous_kind = [], None
        if found and found[0] == "number" and prev_body and prev_body[-1] not in ".:;!?" \
                and not found[1].lstrip().startswith("(") and not _next_number(last_number, found[1]):
            # "... fell again, to\n8.3 days": a number that wraps to a new line is no marker; "(1)" in
            # brackets is one, after a lead-in without a colon too ("RESOLVED – That\n(1) ..."), and so is
            # the number after the open item's ("1. Noted the report,\n2. Agreed ...")
            found = None
        if not found and open_item is not None and prev_line is not None and indent <= item_indent \
                and open_item[1] < line.start and prev_body[-1:] in (".", "!", "?") \
                and breaks_after(text, prev_line, line, max(wrap_width, item_width)):
            # a paragraph after the item, typed without a blank line (Word's text export): the item's last
            # line ends a sentence, the next line's first word would have fitted on it, and it is not
            # indented under the item
            close(last_end)
            kinds, previous_kind = [], None
        if found:
            kind, marker, width = found
            # "(v)" or "x." is a letter unless the list it continues is roman; "(i)" starts a roman list
            if kind == "roman" and previous_kind != "roman" and not _ROMAN_FIRST.match(marker):
                kind = "letter"
            close(last_end)
            if kind not in kinds:
                kinds.append(kind)
            depth = kinds.index(kind)
            # "1." alone on its line (as PDF converters give a list): the item's body is the next line
            body_start = None if width >= len(body.rstrip()) else line.start + width
            open_item = [line.start + indent, body_start, marker, kind, depth]
            item_indent, item_width = indent, 0
            previous_kind = kind
            last_number = marker if kind == "number" else last_number
        last_end = line.start + len(body.rstrip())
        prev_body = body.rstrip()
        prev_line, item_width = line, max(item_width, len(prev_body))
    close(last_end)
    return tuple(out)

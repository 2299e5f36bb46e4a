"""Plain-text tables with visible columns: pipe tables, tab-separated rows, and space-aligned columns.

Each detector looks at the line where a table may start and returns the `Found` table and the index of
the first line after it, or None. See `kg.read.tables` for what counts as a table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kg.read.table_parts import (
    Found,
    Line,
    Row,
    caption,
    is_furniture,
    is_label_tail,
    is_period,
    is_value,
    trim,
    words,
)

Hit = tuple[Found, int] | None
Cell = tuple[int, int]  # (start, end) in the text, trimmed; start == end for an empty cell

_PIPE_RULE = re.compile(r"^\s*[|+]?\s*:?[-=]{2,}:?\s*(?:[|+]\s*:?[-=]{2,}:?\s*)*[|+]?\s*$")
_CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9/().\-]{0,14}$")  # a reference: "PAM/030", "CT1", "7a"
# a paragraph's number or letter standing in a cell of its own: "15.", "4.2", "(a)", "b)", "(iv)"
_MARKER = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]{1,4}\)|[a-z]\.)$", re.I)
_FIELD = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces; two spaces or more end a field


def _next_content(lines: Sequence[Line], j: int, repeated: frozenset[str]) -> int:
    """The first line from `j` that is neither blank nor page furniture."""
    while j < len(lines) and (lines[j].blank or is_furniture(lines[j].text, repeated)):
        j += 1
    return j


def _is_form(text: str, rows: Sequence[Sequence[Cell]]) -> bool:
    """ "Report to: Committee" lines: a label ending in a colon, then its value. A form, not a table."""
    firsts = [text[c[0] : c[1]] for row in rows for c in row[:1] if c[1] > c[0]]
    colons = sum(f.endswith(":") for f in firsts)
    return bool(firsts) and colons * 2 >= len(firsts)


def _n_label(text: str, body: Sequence[Sequence[Cell]]) -> int:
    """Label columns: the first, plus a second when the first holds references ("PAM/030") and the second
    the indicator's name."""
    firsts = [text[r[0][0] : r[0][1]] for r in body if r and r[0][1] > r[0][0]]
    seconds = [text[r[1][0] : r[1][1]] for r in body if len(r) > 1 and r[1][1] > r[1][0]]
    if firsts and seconds and all(_CODE.match(f) for f in firsts):
        wordy = [s for s in seconds if sum(ch.isalpha() for ch in s) > len(s) / 2 and " " in s]
        if len(wordy) * 2 > len(seconds) and not any(is_value(s) for s in seconds):
            return 2
    return 1


def _indented_prose(text: str, grid: Sequence[Sequence[Cell]]) -> bool:
    """Minutes laid out with tabs (a Word document saved as text): item numbers, "PRESENT:" and "(a)" in
    front, each paragraph a cell of its own. Most rows hold one piece of text besides such markers, or
    fewer than three cells ("15.<tab>APOLOGIES", "<tab>(a)<tab>Matters arising: ..."); a table of words
    holds two or more pieces of text and fills three cells a row."""
    single = 0
    for row in grid:
        words = [text[a:b] for a, b in row if b > a and not _MARKER.match(text[a:b])]
        single += len(words) <= 1
    return single * 2 > len(grid) or 2 * sum(sum(c[1] > c[0] for c in row) >= 3 for row in grid) < len(grid)


def _body_like(text: str, row: Sequence[Cell]) -> bool:
    """A row under the first that reads as a body row, not a second header line: it opens with a reference
    or number ("12", "CAB/24/07") or holds a sentence (an action log's rows have no figures to stop at)."""
    cells = [text[a:b] for a, b in row if b > a]
    return bool(cells) and (bool(row[0][1] > row[0][0] and _CODE.match(cells[0]))
                            or any(len(c.split()) >= 8 for c in cells))


def _delimited(
    text: str, layout: str, grid: list[list[Cell]], n_head: int | None, label: str, start: int, end: int
) -> Found | None:
    """A table from rows of cells split at explicit delimiters (pipes or tabs)."""
    if all(row and row[0][0] == row[0][1] for row in grid):
        grid = [row[1:] for row in grid]  # a common empty first column (rows indented by a tab)
    filled = [row for row in grid if sum(c[1] > c[0] for c in row) >= 2]
    if len(filled) < 2 or _is_form(text, grid):
        return None
    width = max(len(row) for row in grid)

    def has_value(row: Sequence[Cell]) -> bool:
        return any(is_value(text[c[0] : c[1]]) and not is_period(text[c[0] : c[1]]) for c in row[1:])

    valued = any(has_value(row) for row in grid)
    if n_head is None:
        n_head = 0
        if valued:
            while (
                n_head < min(3, len(grid) - 1)
                and not has_value(grid[n_head])
                and (sum(c[1] > c[0] for c in grid[n_head][1:]) >= 1)
                and not (n_head and _body_like(text, grid[n_head]))
            ):
                n_head += 1
        elif width >= 3:
            n_head = 1
    if not valued and (width < 3 or n_head == 0 or _indented_prose(text, grid)):
        return None  # two columns of words, or indented paragraphs: a list or a form, not a table
    body = grid[n_head:]
    if not body:
        return None
    if n_head and len(body) >= 2:
        # a header row with fewer cells than the rows under it (a merged heading cell in Word, two heads
        # in one cell): which head stands over which figure cannot be known, so none is read as headed
        widths = Counter(len(row) for row in body if sum(c[1] > c[0] for c in row) >= 2)
        usual = widths.most_common(1)[0][0] if widths else 0
        if max(len(r) for r in grid[:n_head]) < usual:
            return None
    n_label = _n_label(text, body)
    heads = tuple(
        (r, j, j, c[0], c[1]) for r, row in enumerate(grid[:n_head]) for j, c in enumerate(row) if c[1] > c[0]
    )
    rows = []
    for row in body:
        labels = [c for c in row[:n_label] if c[1] > c[0]]
        span = (labels[0][0], labels[-1][1]) if labels else None
        label_text = " ".join(" ".join(text[a:b].split()) for a, b in labels)
        rows.append(Row(span, label_text, tuple((j, a, b) for j, (a, b) in enumerate(row) if b > a)))
    return Found(layout, start, end, heads, tuple(rows), width, n_label, label)


def _split(text: str, line: Line, sep: str) -> list[Cell]:
    cells: list[Cell] = []
    pos = line.start
    for part in line.text.split(sep):
        cells.append(trim(text, pos, pos + len(part)))
        pos += len(part) + len(sep)
    return cells


def _is_pipe_row(line: Line) -> bool:
    s = line.text.strip()
    return s.count("|") >= 2 or (s.startswith("|") and s.endswith("|") and len(s) > 1)


def pipe(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> Hit:
    """Markdown and ASCII pipe tables; a rule line (`|---|---|`, `+----+`) under the first rows ends the
    header. Without one, leading rows with no figures are the header."""
    if not (_is_pipe_row(lines[i]) or _PIPE_RULE.match(lines[i].text) and "-" in lines[i].text):
        return None
    grid: list[list[Cell]] = []
    n_head: int | None = None
    j, last = i, i
    while j < len(lines):
        line = lines[j]
        if _PIPE_RULE.match(line.text) and line.text.strip():
            if grid and n_head is None:
                n_head = len(grid)
        elif _is_pipe_row(line):
            cells = _split(text, line, "|")
            s = line.text.strip()
            if s.startswith("|"):
                cells = cells[1:]
            if s.endswith("|"):
                cells = cells[:-1]
            grid.append(cells)
        elif (
            is_furniture(line.text, repeated)
            and (k := _next_content(lines, j, repeated)) < len(lines)
            and (_is_pipe_row(lines[k]))
        ):
            j = k
            continue
        else:
            break
        last = j
        j += 1
    if len(grid) < 2:
        return None
    if n_head is not None and n_head >= len(grid):
        n_head = None
    start = trim(text, lines[i].start, lines[i].end)[0]
    found = _delimited(text, "pipe", grid, n_head, caption(lines, i), start, lines[last].end)
    return (found, last + 1) if found else None


def tab(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> Hit:
    """Rows whose cells are separated by tabs (a table pasted from Word or a spreadsheet)."""
    if "\t" not in lines[i].text.strip(" "):
        return None
    grid: list[list[Cell]] = []
    j, last = i, i
    while j < len(lines):
        line = lines[j]
        if "\t" in line.text:
            grid.append(_split(text, line, "\t"))
        elif (
            is_furniture(line.text, repeated)
            and (k := _next_content(lines, j, repeated)) < len(lines)
            and ("\t" in lines[k].text)
        ):
            j = k
            continue
        else:
            break
        last = j
        j += 1
    start = trim(text, lines[i].start, lines[i].end)[0]
    found = _delimited(
        text, "tab", grid, None, caption(lines, i), start, trim(text, lines[last].start, lines[last].end)[1]
    )
    return (found, last + 1) if found else None


# ---- space-aligned columns ----------------------------------------------------------------------------


def _fields(text: str, line: Line) -> list[Cell]:
    return [(line.start + m.start(), line.start + m.end()) for m in _FIELD.finditer(line.text)]


def _kind(text: str, line: Line, repeated: frozenset[str]) -> str:
    """blank, furniture, body (a label, then figures), head (two fields or more, no figures), single."""
    if line.blank:
        return "blank"
    if "\t" in line.text or "|" in line.text:
        return "other"
    if is_furniture(line.text, repeated) and not _label_tail_line(line.text):
        return "furniture"
    fields = _fields(text, line)
    if len(fields) == 1:
        return "single"
    if any(is_value(text[a:b]) for a, b in fields[1:]):
        return "body"
    if all(b - a <= 60 for a, b in fields) and not text[fields[0][0] : fields[0][1]].endswith(":"):
        return "head"
    return "other"


def _label_tail_line(line: str) -> bool:
    """An indented line of words in lower case ("  considered for repair (%)"): the wrapped end of a row's
    label. Two rows of one family wrap alike, so it may be printed twice, yet it is no running head (those
    open in capitals or carry a page number)."""
    s = line.strip()
    return line[:1].isspace() and s[:1].islower() and not any(c.isdigit() or c in "./:@" for c in s)


def _columns(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge field extents (positions within their line) that overlap into column extents."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _over(columns: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < hi and lo < b for lo, hi in columns)


def _place(columns: Sequence[tuple[int, int]], a: int, b: int) -> tuple[int, int]:
    """The first and last column a header field at line positions [a, b) stands over (the nearest if none)."""
    over = [k for k, (lo, hi) in enumerate(columns) if a < hi and lo < b]
    if over:
        return over[0], over[-1]
    centre = (a + b) / 2
    k = min(range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - centre))
    return k, k


def _split_head(
    text: str, columns: Sequence[tuple[int, int]], line: Line, a: int, b: int
) -> list[tuple[int, int, int, int]]:
    """A header field over several columns is split where its words sit over different columns
    ("Scotland Family Grp" over two columns with one space between); one word over two columns heads both."""
    lo, hi = _place(columns, a - line.start, b - line.start)
    words = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
    if lo == hi or len(words) < 2:
        return [(lo, hi, a, b)]
    groups: list[list[int]] = []  # [column, start, end]
    for x, y in words:
        k = _place(columns, x - line.start, y - line.start)
        if k[0] != k[1]:
            return [(lo, hi, a, b)]
        if groups and groups[-1][0] == k[0]:
            groups[-1][2] = y
        elif groups and groups[-1][0] > k[0]:
            return [(lo, hi, a, b)]
        else:
            groups.append([k[0], x, y])
    return [(k, k, x, y) for k, x, y in groups]


def _bracket_tail(line: str) -> bool:
    """A line that ends a bracket ("Gallery (month)") or opens one it leaves open ("Gym Scheme (under 16s,
    at"): the end of a row's wrapped label, which a group heading is not."""
    if line.startswith("("):
        return False  # a bracket alone is a unit ("(%)", `is_label_tail`) or a note under the table
    return line.count("(") > line.count(")") or (line.endswith(")") and "(" in line)


def _completes_head(text: str, line: Line, repeated: frozenset[str], head: Line | None = None) -> bool:
    """A lone word under a header line that finishes one comparator's head ("Family" over "group", "Peer"
    over "median"): indented under its column, never a label, so the header goes on through it. Capitalised
    ("Virtual" over "Comparator"), it must stand under one of the header's value columns, past the label's."""
    if _kind(text, line, repeated) != "single":
        return False
    word = line.text.strip()
    if not line.text[:1].isspace() or word.lower().strip(".") not in words()["completing"]:
        return False
    if word.islower():
        return True
    fields = _fields(text, head) if head is not None else []
    indent = len(line.text) - len(line.text.lstrip())
    return len(fields) >= 2 and indent >= fields[1][0] - head.start  # type: ignore[union-attr]


def _repeated_head(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> bool:
    """A header line taken for a running head only because the document prints it more than once: tables of
    one layout, one per measure ("Area  2023/24  2024/25  Target" over each), repeat their header. It heads
    rows when a row of figures comes right under it; a running head or footer has none there."""
    return (
        _kind(text, lines[i], frozenset()) == "head"
        and len(_fields(text, lines[i])) >= 3
        and i + 1 < len(lines)
        and _kind(text, lines[i + 1], repeated) == "body"
    )


def aligned(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> Hit:
    """Columns aligned with runs of two or more spaces: header lines, then rows of a label and figures
    whose positions line up. A label alone on a line is a group heading, or the first part of the next
    row's label when that goes on in lower case or indented."""
    kinds = [_kind(text, lines[i], repeated)]
    if kinds[0] == "furniture" and _repeated_head(text, lines, i, repeated):
        kinds = ["head"]
    if kinds[0] not in ("head", "body"):
        return None
    heads: list[int] = []
    j = i
    while j < len(lines) and len(heads) < 3 and (
        (j == i and kinds[0] == "head") or _kind(text, lines[j], repeated) == "head"
        or (heads and _completes_head(text, lines[j], repeated, lines[heads[-1]]))
    ):
        heads.append(j)
        j += 1
    members: list[tuple[int, str]] = []  # (line index, kind) of body, single and furniture lines
    while j < len(lines):
        kind = _kind(text, lines[j], repeated)
        if kind in ("body", "single"):
            members.append((j, kind))
            j += 1
        elif kind in ("blank", "furniture"):
            k = _next_content(lines, j, repeated)
            # the page break's furniture comes before any line of words: a title line after the rows and a
            # blank, then the same header, is the next table's caption (tables of one layout, one a measure)
            broken = kind == "furniture" or any(is_furniture(lines[x].text, repeated) for x in range(j, k))
            if k + 1 < len(lines) and _kind(text, lines[k], repeated) == "single":
                # a group heading may open the part after the page break, or a running head printed once
                # (a two-page paper) stand over it, a blank line below
                k = _next_content(lines, k + 1, repeated) if lines[k + 1].blank else k + 1
            if (
                k < len(lines)
                and _kind(text, lines[k], repeated) == "body"
                and any(m[1] == "body" for m in members)
                and broken
            ):
                j = k  # a page break inside the table: the rows go on after the footer
                continue
            break
        else:
            break
    # lines right under the last row that end its wrapped label: in lower case, a number or a bracket
    # ("exceptions (%)", "12 months (%)"), or words closing or opening one ("Gallery (month)", "Gym Scheme
    # (under 16s, at" / "month end)"); other lines after it (a note, a heading) are not the table's
    keep = len(members)
    while keep and members[keep - 1][1] == "single":
        keep -= 1
    if keep and members[keep - 1][1] == "body":
        depth = 0
        for x in range(keep, len(members)):
            m = members[x][0]
            line = lines[m].text.strip()
            opens = line[:1].islower() or line[:1].isdigit() or is_label_tail(line)  # not "(Source: ...)"
            if m != members[x - 1][0] + 1 or not (opens or _bracket_tail(line) or depth > 0):
                break
            depth += line.count("(") - line.count(")")
            keep = x + 1
        if depth > 0:  # a bracket left open: not the label's end after all
            while keep and members[keep - 1][1] == "single":
                keep -= 1
    del members[keep:]
    bodies = [m for m, kind in members if kind == "body"]
    if len(bodies) < 2:
        return None
    # a row's first field is its label unless it is itself a figure (a row whose label is on the line above)
    row_fields = {m: _fields(text, lines[m]) for m in bodies}
    spans: list[tuple[int, int]] = []
    for m, fields in row_fields.items():
        for n, (a, b) in enumerate(fields):
            if n or is_value(text[a:b]):
                # one character of slack each side: a PDF-to-text line may be shifted by one position
                spans.append((a - lines[m].start - 1, b - lines[m].start + 1))
    columns = _columns(spans)
    if not columns or _is_form(text, [f[:1] for f in row_fields.values()]):
        return None
    placed: dict[int, list[tuple[int, int, int]]] = {}
    clashes = 0
    for m, fields in row_fields.items():
        cells: list[tuple[int, int, int]] = []
        for n, (a, b) in enumerate(fields):
            if n == 0 and not is_value(text[a:b]):
                cells.append((0, a, b))
                continue
            k = _place(columns, a - lines[m].start, b - lines[m].start)[0] + 1
            if cells and cells[-1][0] >= k:
                clashes += 1
            cells.append((k, a, b))
        placed[m] = cells
    # the columns must hold figures in two rows at least, and rows must not fall into one another's columns
    shared = [
        k
        for k in range(1, len(columns) + 1)
        if sum(any(c[0] == k for c in cs) for cs in placed.values()) >= 2
    ]
    if not shared or clashes * 5 > len(bodies):
        return None
    n_label = 1
    while n_label <= len(columns) and all(
        not is_value(text[a:b]) for cs in placed.values() for k, a, b in cs if k == n_label
    ):
        n_label += 1
    if n_label > len(columns):
        return None
    label_lo = min((a - lines[m].start for m, cs in placed.items() for k, a, _ in cs if k == 0), default=0)
    rows: list[Row] = []
    pending: tuple[int, int] | None = None  # a label line waiting for its row
    for m, kind in members:
        line = lines[m]
        if kind == "single":
            a, b = trim(text, line.start, line.end)
            nxt = placed.get(m + 1)
            indented = a - line.start > label_lo
            if nxt is not None and (
                not nxt
                or nxt[0][0] != 0
                or text[nxt[0][1]].islower()
                or nxt[0][1] - lines[m + 1].start > label_lo
            ):
                pending = (a, b)  # the next row's label starts here
            # the rest of the row's label: lower case, indented, a bracket ("(excluding X) %", "(days)"),
            # a number ("Children in care per" over "10,000 children", "Moves in" over "12 months (%)"), or
            # words ending in a bracket or opening one ("Gallery (month)", "Gym Scheme (under 16s, at") under
            # a label not yet closed by its own bracket
            elif rows and rows[-1].label and (text[a].islower() or text[a] == "(" or indented
                                              or text[a].isdigit() or (
                    _bracket_tail(text[a:b]) and not rows[-1].label_text.endswith(")"))):
                prev = rows[-1]
                lab = (prev.label[0], b) if prev.label else (a, b)
                rows[-1] = Row(lab, f"{prev.label_text} {' '.join(text[a:b].split())}", prev.cells)
            else:
                pending = None  # a group heading ("Attainment"): no row of its own
            continue
        cells = placed[m]
        labels = [c for c in cells if c[0] < n_label]
        if pending is not None:
            first = pending
            last = labels[-1][1:] if labels else pending
            span: tuple[int, int] | None = (first[0], last[1])
            parts = [text[first[0] : first[1]]] + [text[a:b] for _, a, b in labels]
        else:
            span = (labels[0][1], labels[-1][2]) if labels else None
            parts = [text[a:b] for _, a, b in labels]
        pending = None
        label_text = " ".join(" ".join(p.split()) for p in parts)
        rows.append(Row(span, label_text, tuple(c for c in cells if c[0] >= n_label)))
    # a heading line above the table ("2.0  SCORECARD") is not a header row: none of its fields stands
    # over a column of figures
    while heads and not any(
        _over(columns, a - lines[heads[0]].start, b - lines[heads[0]].start)
        for a, b in _fields(text, lines[heads[0]])[1:]
    ):
        heads = heads[1:]
    first = heads[0] if heads else members[0][0]
    found_heads: list[tuple[int, int, int, int, int]] = []
    for r, h in enumerate(heads):
        for a, b in _fields(text, lines[h]):
            pa, pb = a - lines[h].start, b - lines[h].start
            if pb <= columns[0][0] and pa <= label_lo + 1:
                found_heads.append((r, 0, 0, a, b))
                continue
            found_heads.extend(
                (r, lo + 1, hi + 1, x, y) for lo, hi, x, y in _split_head(text, columns, lines[h], a, b)
            )
    start = trim(text, lines[first].start, lines[first].end)[0]
    end = lines[members[-1][0]].end
    found = Found(
        "aligned",
        start,
        end,
        tuple(found_heads),
        tuple(rows),
        len(columns) + 1,
        n_label,
        caption(lines, first),
    )
    return found, members[-1][0] + 1

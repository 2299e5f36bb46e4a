"""Tables copied from a web page or a PDF one cell a line: a header block of short lines naming the columns,
then for each row its label line (a reference line before it, a note in brackets or a wrapped part after
it), then its values, one a line. Blank lines may or may not separate the cells.

The header must open with a label head ("Indicator", "Performance measure"; a "Ref" line may come first)
and go on with column heads made of scorecard words and periods; a period over "Value"/"Actual" heads is a
group over them ("Q2 2024/25" / "Value" / "Target" / "Status"), not a column of its own. Status and trend
icons are often lost in the copy, so a row may have fewer values than the header has columns: its figures
go to the figure columns left to right only when they are exactly as many, and its rating and direction
words to the status columns only where that is unambiguous. A row that cannot be matched stays in the table
without cells: a wrong cell is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.read.table_parts import (
    Found,
    Line,
    Row,
    caption,
    is_furniture,
    is_number,
    is_period,
    is_status_head,
    is_word_value,
    trim,
    words,
)
from kg.reference import data_text
from kg.yamlfile import loads

Span = tuple[int, int]
_CODE = re.compile(r"^(?=.*\d)[A-Z][A-Za-z0-9/().\-]{1,14}$")  # a reference: "PAM/012", "KPI 7" is not one
_MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", re.I)
_MAX_COLUMNS = 12
_MAX_LABEL_WORDS = 40  # a longer line is prose, not a row's label


@cache
def _words() -> dict[str, frozenset[str]]:
    raw = loads(data_text("tables.yaml"), "kg/data/tables.yaml")["cells"]
    return {key: frozenset(str(w).lower() for w in values) for key, values in raw.items()}


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


def _is_code_head(s: str) -> bool:
    return _norm(s) in _words()["code_heads"]


def _is_label_head(s: str) -> bool:
    n = _norm(s)
    if n in _words()["label_heads"]:
        return True
    parts = n.split()
    return 2 <= len(parts) <= 4 and parts[-1] in _words()["label_last"] and not any(c.isdigit() for c in n)


def _cell_kind(s: str) -> str | None:
    """figure, missing, word (a rating or direction), odd (starts as a figure but says more), or None: a
    line of words, so a label, a note or a heading."""
    n = _norm(s)
    if not n:
        return None
    if n in words()["missing"] or n in _words()["missing"]:
        return "missing"
    if is_number(n):
        return "figure"
    if is_word_value(n) or n in _words()["status"]:
        return "word"
    first = n.split()[0]
    if (is_number(first) or is_number(first.rstrip(",;"))) and len(n.split()) <= 6:
        return "odd"  # "1,234 (provisional)", "12 (2023: 10)": a figure cell with words, not a label
    return None


def _is_period_line(s: str) -> bool:
    parts = s.split()
    return (
        bool(parts)
        and any(is_period(p) for p in parts)
        and all(
            is_period(p)
            or p.lower() in ("quarter", "qtr", "year", "to", "end", "ytd", "-", "–")
            or p.isdigit()
            and len(p) <= 2
            or _MONTH.fullmatch(p)
            for p in parts
        )
    )


def _is_column_head(s: str) -> bool:
    """A short line of scorecard head words and periods: "Q1 2024/25", "Target", "Wales average", "RAG"."""
    n = " ".join(s.split())
    if not n or len(n) > 40 or _cell_kind(n) is not None or n.endswith((":", ".", ",", ";")):
        return False
    if _is_period_line(n):
        return True
    parts = [p.strip("()*:").lower() for p in n.split()]
    if len(parts) > 5:
        return False
    heads, joins, extra = words()["heads"], words()["joins"], _words()["head_words"]
    known = [p in heads or p in extra or is_period(p) or bool(_MONTH.fullmatch(p)) for p in parts]
    return any(known) and all(
        k or p in joins or (p.isdigit() and len(p) <= 2) for k, p in zip(known, parts, strict=True)
    )


def _next(lines: Sequence[Line], j: int) -> int:
    """The next line from `j` that is not blank and not a page number line ("Page 4", "- 4 -")."""
    while j < len(lines) and (
        lines[j].blank
        or (
            is_furniture(lines[j].text, frozenset())
            and _cell_kind(lines[j].text) is None
            and not _is_period_line(lines[j].text.strip())  # "2023/24" reads as "page 2023 of 24"
        )
    ):
        j += 1
    return j


def _groups(texts: Sequence[str]) -> tuple[list[int], list[tuple[int, int, int]]]:
    """The value columns among the header lines after the label head, and the period groups over them
    (header line, first column, last column)."""
    columns: list[int] = []
    groups: list[tuple[int, int, int]] = []
    k = 0
    while k < len(texts):
        if stacked := _stacked(texts, k):
            # two header rows copied one cell a line: N periods, then the N heads under them ("2015/16",
            # "2016/17", "2016/17", then "Value", "Value", "Target"): each head is its own period's
            for c in range(stacked):
                groups.append((k + c, len(columns), len(columns)))
                columns.append(k + stacked + c)
            k += 2 * stacked
            continue
        if _is_period_line(texts[k]) and k + 1 < len(texts):
            run = []
            x = k + 1
            while x < len(texts) and not _is_period_line(texts[x]) and not _is_direction(texts[x]):
                run.append(x)
                x += 1
            if (
                run
                and any(_norm(texts[r]) in _words()["figure_heads"] for r in run)
                and (_norm(texts[k + 1]) in _words()["figure_heads"] or "target" in _norm(texts[k + 1]))
            ):
                groups.append((k, len(columns), len(columns) + len(run) - 1))
                columns.extend(run)
                k = x
                continue
        columns.append(k)
        k += 1
    return columns, groups


def _stacked(texts: Sequence[str], k: int) -> int:
    """How many period lines from `k` are followed by exactly as many figure or target heads, one each (two
    header rows flattened); 0 when they are not."""
    n = 0
    while k + n < len(texts) and _is_period_line(texts[k + n]):
        n += 1
    if n < 2 or k + 2 * n > len(texts):
        return 0
    under = [_norm(t) for t in texts[k + n : k + 2 * n]]
    if not all(u in _words()["figure_heads"] or u == "target" for u in under) or "target" in under[:1]:
        return 0
    return n if k + 2 * n == len(texts) or not _is_head_under(texts[k + 2 * n]) else 0


def _is_head_under(s: str) -> bool:
    """A further figure or target head after the pairs: the periods are not one row over them."""
    n = _norm(s)
    return n in _words()["figure_heads"] or n == "target"


def _is_direction(s: str) -> bool:
    return any(w in _words()["direction_heads"] for w in re.findall(r"[a-z]+", s.lower()))


def cells(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> tuple[Found, int] | None:
    del repeated  # a repeated line here may be a label in two tables: only page numbers are skipped
    first = lines[i].text
    heads: list[tuple[int, int, int, int, int]] = []
    j = i
    n_label = 1
    if _is_code_head(first):
        heads.append((0, 0, 0, *trim(text, lines[j].start, lines[j].end)))
        j = _next(lines, j + 1)
        n_label = 2
        if j >= len(lines):
            return None
    if not _is_label_head(lines[j].text):
        return None
    heads.append((0, n_label - 1, n_label - 1, *trim(text, lines[j].start, lines[j].end)))
    # column heads
    head_lines: list[int] = []
    j = _next(lines, j + 1)
    while j < len(lines) and len(head_lines) < _MAX_COLUMNS and _is_column_head(lines[j].text):
        head_lines.append(j)
        j = _next(lines, j + 1)
    texts = [" ".join(lines[h].text.split()) for h in head_lines]
    columns, groups = _groups(texts)
    if len(columns) < 2 or all(is_status_head(texts[c]) for c in columns):
        return None
    grouped = {c for _, lo, hi in groups for c in range(lo, hi + 1)}
    col_heads: list[str] = [texts[c] for c in columns]
    for g, lo, hi in groups:
        heads.append(
            (0, n_label + lo, n_label + hi, *trim(text, lines[head_lines[g]].start, lines[head_lines[g]].end))
        )
        for c in range(lo, hi + 1):
            col_heads[c] = f"{texts[g]} {col_heads[c]}"
    for c, h in enumerate(columns):
        span = trim(text, lines[head_lines[h]].start, lines[head_lines[h]].end)
        heads.append((1 if c in grouped else 0, n_label + c, n_label + c, *span))
    rows, last = _rows(text, lines, j, col_heads, n_label)
    if sum(1 for r in rows if r[1]) < 2:
        return None
    found_rows = tuple(r[0] for r in rows)
    start = trim(text, lines[i].start, lines[i].end)[0]
    return (
        Found(
            "cells",
            start,
            lines[last].end,
            tuple(heads),
            found_rows,
            n_label + len(columns),
            n_label,
            caption(lines, i),
        ),
        last + 1,
    )


def _rows(
    text: str, lines: Sequence[Line], j: int, col_heads: Sequence[str], n_label: int
) -> tuple[list[tuple[Row, bool]], int]:
    """The body rows from line `j`: (row, whether it had a figure) and the index of the table's last line."""
    rows: list[tuple[Row, bool]] = []
    ends: list[int] = []
    last = j - 1
    direction = [_is_direction(h) for h in col_heads]
    while True:
        run: list[int] = []  # lines of words: headings, a reference, the label, notes
        k = _next(lines, j)
        while k < len(lines) and _cell_kind(lines[k].text) is None:
            run.append(k)
            k = _next(lines, k + 1)
        values: list[int] = []
        while k < len(lines) and _cell_kind(lines[k].text) is not None:
            values.append(k)
            k = _next(lines, k + 1)
        if not run or not values or len(run) > 6:
            break
        parsed = _label(text, lines, run)
        if parsed is None:
            break
        label, label_text, clean = parsed
        cells_in: list[tuple[str, int, int, bool]] = []
        for v in values:
            a, b = trim(text, lines[v].start, lines[v].end)
            kind = _cell_kind(text[a:b]) or "odd"
            cells_in.append((kind, a, b, _is_direction(text[a:b]) or _arrowish(text[a:b])))
        matched = _match_row(cells_in, col_heads, direction) if clean else []
        cells = tuple((n_label + c, a, b) for c, a, b in matched)
        rows.append((Row(label, label_text, cells), any(c[0] == "figure" for c in cells_in)))
        ends.append(values[-1])
        j = values[-1] + 1
    # rows at the end with no figure at all are a key or a summary below the table ("Target met"); the
    # key's first symbol would have run on into the last row, so that row keeps no rating or direction
    keyed = False
    while rows and not rows[-1][1]:
        rows.pop()
        ends.pop()
        keyed = True
    if keyed and rows:
        row = rows[-1][0]
        kept = tuple(c for c in row.cells if _cell_kind(text[c[1] : c[2]]) != "word")
        rows[-1] = (Row(row.label, row.label_text, kept), True)
        while _cell_kind(lines[ends[-1]].text) == "word":
            ends[-1] = _previous(lines, ends[-1])
    return rows, ends[-1] if ends else last


def _previous(lines: Sequence[Line], j: int) -> int:
    j -= 1
    while j > 0 and lines[j].blank:
        j -= 1
    return j


def _arrowish(s: str) -> bool:
    n = _norm(s)
    first = n.split()[0] if n else ""
    return first in words()["arrows"] or n in words()["trend"]


def _match_row(
    values: Sequence[tuple[str, int, int, bool]], heads: Sequence[str], direction: Sequence[bool]
) -> list[tuple[int, int, int]]:
    """`_match`, with a lone rating or direction word in a short row placed in the one column of its kind."""
    kinds = [v[0] for v in values]
    status = [is_status_head(h) for h in heads]
    if "odd" in kinds or len(values) > len(heads) or not values:
        return []
    fits = all((k == "word") == s or k == "missing" for k, s in zip(kinds, status, strict=False))
    if len(values) == len(heads):
        return [(c, v[1], v[2]) for c, v in enumerate(values)] if fits else []
    n_fig = status.index(True) if True in status else len(status)
    if any(not s for s in status[n_fig:]):
        return []
    lead = 0
    while lead < len(kinds) and kinds[lead] != "word":
        lead += 1
    if lead != n_fig or any(k != "word" for k in kinds[lead:]):
        return []
    out = [(c, v[1], v[2]) for c, v in enumerate(values[:lead])]
    rest, tail = values[lead:], list(range(n_fig, len(heads)))
    if len(rest) == len(tail):
        return out + [(c, v[1], v[2]) for c, v in zip(tail, rest, strict=True)]
    taken: set[int] = set()
    for _, a, b, is_dir in rest:
        want = [c for c in tail if direction[c] == is_dir and c not in taken]
        if len(want) == 1 and sum(1 for r in rest if r[3] == is_dir) == 1:
            out.append((want[0], a, b))
            taken.add(want[0])
    return sorted(out)


def _prose(s: str) -> bool:
    """A sentence of minutes, not a row's label: it ends in a full stop and says what was done or is so."""
    return s.endswith(".") and any(w in _words()["prose"] for w in re.findall(r"[a-z]+", s.lower()))


def _label(text: str, lines: Sequence[Line], run: Sequence[int]) -> tuple[Span, str, bool] | None:
    """The row's label from the lines of words before its values: (span, text, clean). Earlier lines are
    group headings; a bracketed line is a note; a line in lower case goes on from the one before; a
    reference line just before the label is its code. None when the lines are not a row's (prose, a
    repeated header); not clean when a line before the label is too long for a heading, so the values may
    not be this label's."""
    parts: list[list[Span]] = []
    for k in run:
        a, b = trim(text, lines[k].start, lines[k].end)
        s = text[a:b]
        n = len(s.split())
        if n > _MAX_LABEL_WORDS or s.endswith(":") or _is_label_head(s) or _is_code_head(s) or _prose(s):
            return None
        if _is_column_head(s) and len(run) == 1 and not parts:
            return None  # a header line repeated after a page break
        if s[:1] in "([*†‡":
            continue  # a note: "(average of the quarter)", "[1] provisional"
        if s[:1].islower() and parts:
            parts[-1].append((a, b))
        else:
            parts.append([(a, b)])
    if not parts:
        return None
    label = parts[-1]
    before = parts[:-1]
    code = None
    if before and len(before[-1]) == 1 and _CODE.match(text[before[-1][0][0] : before[-1][0][1]]):
        code = before.pop()[0]
    # a heading is short and shorter than the label under it; a longer line before the label is a row of
    # its own or this row's label with an unbracketed note as the last line: which, cannot be known
    n_label = len(text[label[0][0] : label[-1][1]].split())
    clean = all(len(text[p[0][0] : p[-1][1]].split()) <= min(6, n_label) for p in before)
    spans = ([code] if code else []) + label
    label_text = " ".join(" ".join(text[a:b].split()) for a, b in spans)
    return (spans[0][0], spans[-1][1]), label_text, clean

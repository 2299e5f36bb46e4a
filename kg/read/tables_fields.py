"""Indicator records written as labelled fields, one record after another: a table turned on its side, as
statutory indicator summaries, dashboards and Word tables often arrive after conversion to text.

    Indicator: The average processing time of major planning applications
    Target: A maximum of 30 weeks.
    Year-end result: 67.4 weeks.
    Status: Not achieved.
    Indicator: ...

A record opens on a field whose name is a label head ("Indicator", "Measure", "KPI"; kg/data/tables.yaml:
cells.label_heads) with the indicator on the same line; the fields after it ("Name: value", or "Name:" with
the value on the next line) are its columns, named by their field names. A note in brackets under a field
belongs to no column. Two records with a field holding a figure make a table; a "Key: value" form (one
record, or none with a figure) is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.read.table_parts import Found, Line, Row, caption, is_furniture, is_number, trim
from kg.reference import data_text
from kg.yamlfile import loads

# "Name: value" with a short name (a field), the value maybe empty (on the next line)
_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z0-9 ()/'&\-]{0,40}?)\s*:\s*(?P<value>.*?)\s*$")
_MAX_KEY_WORDS = 4
# what ends a value cell and is no part of it: a full stop, a cell's pipe left by the conversion
_TAIL = re.compile(r"[\s.;|]+$")


@cache
def _words() -> dict[str, frozenset[str]]:
    raw = loads(data_text("tables.yaml"), "kg/data/tables.yaml")
    return {"label_heads": frozenset(str(w).lower() for w in raw["cells"]["label_heads"]),
            "bounds": frozenset(str(w).lower() for w in raw["fields"]["bounds"])}


@cache
def _bound_re() -> re.Pattern[str]:
    bounds = sorted(_words()["bounds"], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, b.split())) for b in bounds)
    return re.compile(r"(?:" + alternatives + r")\s+(?=[£\d])", re.I)


def _key(s: str) -> str:
    return " ".join(s.split()).lower()


def _opens_record(m: re.Match[str] | None) -> bool:
    return bool(m) and _key(m.group("key")) in _words()["label_heads"] and bool(m.group("value"))


def _value(text: str, start: int, end: int) -> tuple[int, int]:
    """A field's value without its trailing full stop or pipe, and without the bound a target is stated as
    ("A maximum of 20 weeks": the cell is "20 weeks", the target's figure)."""
    start, end = trim(text, start, end)
    if m := _TAIL.search(text, start, end):
        end = m.start()
    if m := _bound_re().match(text, start, end):
        start = m.end()
    return start, end


def _next_text(lines: Sequence[Line], j: int) -> str:
    while j < len(lines) and lines[j].blank:
        j += 1
    return lines[j].text if j < len(lines) else ""


def fields(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> tuple[Found, int] | None:
    if not _opens_record(_FIELD.match(lines[i].text)):
        return None
    columns: dict[str, tuple[int, int, int]] = {}  # field name -> (column, head start, head end)
    rows: list[tuple[tuple[int, int], str, list[tuple[int, int, int]]]] = []
    j, last = i, i
    paged = False  # a page number came: a running head printed once may stand before the next field
    while j < len(lines):
        line = lines[j]
        if line.blank:
            j += 1
            continue
        if not _FIELD.match(line.text) and is_furniture(line.text, repeated):  # a page break in the records
            paged, j = True, j + 1
            continue
        if paged and not _FIELD.match(line.text) and _FIELD.match(_next_text(lines, j + 1)):
            paged, j = False, j + 1
            continue
        paged = False
        m = _FIELD.match(line.text)
        if _opens_record(m):
            assert m is not None
            label = trim(text, line.start + m.start("value"), line.start + m.end("value"))
            j += 1
            # a long indicator wrapped by the conversion: its words go on over lines that are no field
            while j < len(lines) and j - last < 4 and not lines[j].blank and not _FIELD.match(lines[j].text) \
                    and not lines[j].text.strip().startswith("(") and text[label[1] - 1] not in ".|" \
                    and not is_furniture(lines[j].text, repeated):
                label = (label[0], trim(text, lines[j].start, lines[j].end)[1])
                j += 1
            rows.append((label, " ".join(text[label[0] : label[1]].split()), []))
            last = j
            continue
        if m and len(m.group("key").split()) <= _MAX_KEY_WORDS:
            key = _key(m.group("key"))
            head = trim(text, line.start + m.start("key"), line.start + m.end("key"))
            column = columns.setdefault(key, (len(columns) + 1, *head))[0]
            a, b = line.start + m.start("value"), line.start + m.end("value")
            j += 1
            if a == b:  # "Target:" and the value on the next line
                k = j
                while k < len(lines) and lines[k].blank:
                    k += 1
                if k < len(lines) and not _FIELD.match(lines[k].text):
                    a, b = lines[k].start, lines[k].end
                    j = k + 1
            a, b = _value(text, a, b)
            if a < b:
                rows[-1][2].append((column, a, b))
            last = j - 1
            continue
        if line.text.strip().startswith("("):
            last = j = j + 1  # "(40 through ...)": a note on the field before, no column's
            continue
        break
    with_figures = [r for r in rows if any(is_number(text[a:b].split()[0]) for _, a, b in r[2])]
    if len(rows) < 2 or len(with_figures) < 2:
        return None
    first = lines[i]
    heads = [(0, 0, 0, *trim(text, first.start, first.start + first.text.index(":")))]
    heads += [(0, c, c, s, e) for c, s, e in columns.values()]
    found_rows = tuple(Row(label, label_text, tuple(cells)) for label, label_text, cells in rows)
    end = trim(text, lines[last].start, lines[last].end)[1]
    found = Found("fields", trim(text, first.start, first.end)[0], end, tuple(heads), found_rows,
                  len(columns) + 1, 1, caption(lines, i))
    return found, last + 1

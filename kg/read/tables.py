"""Tables written as plain text, read into the same `Table` and `TableCell`s a structured reader makes.

A text rendition (a .txt or .md file, or the flowing text of a PDF outside its ruled tables) writes
tables in a handful of ways: pipe tables (Markdown or ASCII), tab-separated rows, columns aligned with
runs of spaces, scorecards flattened by PDF-to-text, one row a line as label words then figures, and
tables copied from a web page one cell a line, and records of labelled fields ("Indicator: X", "Target: Y").
`with_tables` finds them (`kg.read.tables_text` for the delimited and aligned forms, `kg.read.tables_flat`
for the flattened one, `kg.read.tables_cells` for one cell a line, `kg.read.tables_fields` for the records)
and records each as a `Table`, a `Section(kind="table")`
and a `TableCell` per non-empty value cell, so extractors read figures with their headers and the text
layer leaves the table out of sentences.

A block is a table only when its rows line up into columns that hold figures (or, with explicit
delimiters, three or more columns under a header): prose, numbered minutes, attendance lists, "Key: value"
forms, agenda lists whose only numbers are page ranges, signature blocks and contact lines are not.
Page numbers and running titles inside a table are skipped without ending it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kg.read import tables_cells, tables_fields, tables_flat, tables_text
from kg.read.base import Rendition
from kg.read.table_parts import (  # noqa: F401 - the parts callers use, re-exported
    Found,
    build,
    is_contents,
    is_value,
    repeated_lines,
    split_lines,
)

# Every layout a text rendition writes tables in, tried in this order at each line.
ALL = (tables_text.pipe, tables_text.tab, tables_text.aligned, tables_flat.flattened, tables_cells.cells,
       tables_fields.fields)
# A structured page or document (HTML, Word) has its tables as tables; records of labelled fields are
# paragraphs there too ("Indicator: X" / "Target: Y" one paragraph each).
FIELDS = (tables_fields.fields,)
# A Word paragraph may hold text pasted from a PDF, its lines kept by line breaks: flattened scorecard rows
# and space-aligned columns are read there too, and rows set out with tab stops (a Word table is a table
# already).
WORD = (tables_text.tab, tables_text.aligned, tables_flat.flattened, tables_fields.fields)


def find(text: str, covered: Sequence[tuple[int, int]] = (), detectors: Sequence = ALL) -> list[Found]:
    """Every plain-text table in `text`, outside the `covered` ranges (tables a reader already has)."""
    for a, b in covered:  # blanked, offsets kept: a table found here can neither start nor run into them
        text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    lines = split_lines(text)
    repeated = repeated_lines(text)
    found: list[Found] = []
    i = 0
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        hit = None
        for detect in detectors:
            hit = detect(text, lines, i, repeated)
            if hit is not None:
                break
        if hit is None:
            i += 1
            continue
        table, after = hit
        if not _contents(text, table):
            found.append(table)
        i = max(after, i + 1)
    return found


def _contents(text: str, found: Found) -> bool:
    """A found table with a single value column that holds page numbers (see `is_contents`)."""
    columns = {
        c[0] for row in found.rows for c in row.cells if c[0] >= found.n_label and is_value(text[c[1] : c[2]])
    }
    if len(columns) != 1:
        return False
    (column,) = columns
    header = " ".join(text[h[3] : h[4]] for h in found.heads if h[1] <= column <= h[2])
    values = [text[a:b] for row in found.rows for k, a, b in row.cells if k == column]
    return is_contents([row.label_text for row in found.rows], values, header)


def with_tables(rendition: Rendition, detectors: Sequence = ALL) -> Rendition:
    """The rendition with the plain-text tables in its text added to its tables, cells and sections."""
    text = rendition.text
    covered = [(s.start, s.end) for s in rendition.sections if s.kind == "table"]
    found = find(text, covered, detectors)
    if not found:
        return rendition
    tables, cells, sections = build(text, found, len(rendition.tables))
    return dataclasses.replace(
        rendition,
        tables=rendition.tables + tuple(tables),
        cells=rendition.cells + tuple(cells),
        sections=tuple(sorted(rendition.sections + tuple(sections), key=lambda s: (s.start, -s.end))),
    )

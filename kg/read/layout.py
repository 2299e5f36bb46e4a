"""Lay out what a structured reader (HTML, PDF, Word) found as one readable, pinned text with exact offsets.

Readers hand over blocks in reading order; `Layout` writes them so that paragraphs are separated by a
blank line, lines inside a block (a `<br>`, a list) by one newline, and a table is one line per row with
cells separated by a tab, the same as tables pasted into the seeds' text. Every fragment is pinned as it
is written, so the offsets recorded for sections and table cells already index into `pin(text)`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.model import Section, Span, Table, TableCell
from kg.read.base import pin

CELL_SEP = "\t"
PARA_SEP = "\n\n"
LINE_SEP = "\n"

_WS = re.compile(r"[ \t\n\r\f\v]+")
# A cell that is a bare number (a figure, not a label such as "2023/24" or "Q1").
_NUMERIC = re.compile(r"^[£$€]?\s*[-+−]?\d[\d,]*(?:\.\d+)?\s*(?:%|k|m|bn)?$", re.I)


def inline(text: str) -> str:
    """Text on one line: runs of whitespace become one space, no-break spaces become spaces (after the
    collapse, so a Word-style `&nbsp; ` keeps its two spaces), and the ends are trimmed."""
    text = _WS.sub(" ", text).replace("\xa0", " ").replace("\u202f", " ")
    return pin(text).replace("\n", " ").strip()


def is_numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text.strip()))


def guess_header_row(rows: Sequence[Sequence[str]]) -> bool:
    """Without markup, the first row is a header when it holds no bare numbers and a later row does:
    a scorecard's "Indicator | Q1 | Target" over figures. A two-column list of labels has no header."""
    if len(rows) < 2 or not any(c.strip() for c in rows[0]):
        return False
    if any(is_numeric(c) for c in rows[0]):
        return False
    if any(is_numeric(c) for row in rows[1:] for c in row):
        return True
    # an action log or a register in words ("Action | Owner | Due date | Status" over sentences): a first row
    # of short labels, every cell filled and without figures, over rows whose cells run much longer
    first = [c.strip() for c in rows[0]]
    labels = all(first) and not any(len(c.split()) > 4 or any(ch.isdigit() for ch in c) for c in first)
    if len(first) < 2 or not labels:
        return False
    later = [len(c.strip()) for row in rows[1:] for c in row if c.strip()]
    return bool(later) and sum(later) / len(later) >= 2 * sum(map(len, first)) / len(first)


@dataclass(frozen=True)
class GridCell:
    """One cell placed in a table's grid (after col/row spans), with its text already on one line."""

    text: str
    row: int
    column: int
    header: bool = False  # a `<th>` or a cell in a header row/column
    span: int = 1  # columns covered: a header over two columns heads both


class Layout:
    """Accumulates the rendition. `paragraph` and `line` write text; `open`/`close` bracket sections."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._open: list[list] = []  # [kind, label, start] of sections not closed yet
        self.sections: list[Section] = []
        self.cells: list[TableCell] = []
        self.tables: list[Table] = []

    @property
    def length(self) -> int:
        return self._len

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._len += len(text)

    def _sep(self, sep: str) -> None:
        """Write a separator; a section opened just before it begins after it."""
        before = self._len
        self._write(sep)
        for entry in self._open:
            if entry[2] == before:
                entry[2] = self._len

    def _block(self, text: str, sep: str) -> tuple[int, int] | None:
        """Write one block after `sep` (dropped at the very start); returns its span or None if empty."""
        text = pin(text).strip("\n ")
        if not text:
            return None
        if self._len:
            self._sep(sep)
        start = self._len
        self._write(text)
        return start, self._len

    def paragraph(self, text: str, *, heading: bool = False, label: str = "") -> tuple[int, int] | None:
        """A block of text; its internal newlines (from `<br>`) are kept."""
        span = self._block(text, PARA_SEP)
        if span and heading:
            self.sections.append(Section("heading", span[0], span[1], label or self._parts[-1]))
        return span

    def append(self, joiner: str, text: str) -> tuple[int, int] | None:
        """Continue the last block after `joiner` (a space, or nothing): a paragraph cut by a page break."""
        text = pin(text).strip("\n ")
        if not text:
            return None
        if not self._len:
            return self._block(text, PARA_SEP)
        self._sep(joiner)
        start = self._len
        self._write(text)
        return start, self._len

    def line(self, text: str, *, first: bool) -> tuple[int, int] | None:
        """One line of a group (a list): the first is a new block, the rest follow on the next line."""
        return self._block(text, PARA_SEP if first else LINE_SEP)

    def open(self, kind: str, label: str) -> None:
        self._open.append([kind, label, self._len])

    def close(self) -> None:
        """Close the innermost open section; an empty one leaves no trace."""
        kind, label, start = self._open.pop()
        if start < self._len:
            self.sections.append(Section(kind, start, self._len, label))  # type: ignore[arg-type]

    def table(self, grid: Sequence[Sequence[GridCell]], label: str = "", layout: str = "html") -> None:
        """Write a table, one row a line; record it as a `Table` and each non-header cell with its headers.

        A cell's column header joins the header rows' texts above it ("Q1 2023/24 Actual"); its row header
        is the text of the row's header cells to its left, else of its first column."""
        rows = [[c for c in row] for row in grid if any(c.text for c in row)]
        if not rows:
            return
        index = len(self.tables)
        header_rows = {
            r
            for r, row in enumerate(rows)
            if row and all(c.header or not c.text for c in row) and any(c.header for c in row)
        }
        col_heads: dict[int, list[str]] = {}
        for r in sorted(header_rows):
            for c in rows[r]:
                for column in range(c.column, c.column + c.span):
                    if c.text and c.text not in col_heads.setdefault(column, []):
                        col_heads[column].append(c.text)
        start_table: int | None = None
        head_spans: list[tuple[Span, ...]] = []
        for r, row in enumerate(rows):
            # cells are already one-line and trimmed, so the row is written exactly as joined here
            span = self._block(
                CELL_SEP.join(c.text for c in row), PARA_SEP if start_table is None else LINE_SEP
            )
            if span is None:
                continue
            if start_table is None:
                start_table = span[0]
            heads = [c.text for c in row if c.header and c.text]
            offset = span[0]
            placed: list[tuple[GridCell, Span]] = []
            for i, c in enumerate(row):
                if i:
                    offset += len(CELL_SEP)
                placed.append((c, Span(offset, offset + len(c.text), c.text)))
                offset += len(c.text)
            if r in header_rows:
                head_spans.append(tuple(sp for c, sp in placed if c.text))
                continue
            label_cell = next((sp for c, sp in placed if c.header and c.text), None)
            if label_cell is None and row[0].text and row[0].column == 0:
                label_cell = placed[0][1]
            for c, sp in placed:
                if not c.text or c.header or sp is label_cell:
                    continue  # the row's label is its cells' row_header and row_span, not a cell
                row_header = " ".join(h for h in heads if h != c.text) if heads else ""
                if not row_header and c.column > 0 and row[0].text and row[0] is not c:
                    row_header = row[0].text
                own = tuple(col_heads.get(c.column, ()))
                self.cells.append(
                    TableCell(
                        sp,
                        row_header,
                        " ".join(own),
                        index * 10_000 + r,
                        c.column,
                        table=index,
                        column_headers=own,
                        row_span=label_cell if row_header and label_cell is not sp else None,
                    )
                )
        if start_table is not None:
            self.sections.append(Section("table", start_table, self._len, label))
            self.tables.append(
                Table(
                    index,
                    start_table,
                    self._len,
                    layout,
                    tuple(head_spans),
                    len(rows),
                    max((c.column + c.span for row in rows for c in row), default=0),
                    label,
                )
            )

    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""


def place(rows: Sequence[Sequence[tuple[str, int, int, bool]]]) -> list[list[GridCell]]:
    """Place cells given as (text, colspan, rowspan, header) into grid columns, honouring spans, so a
    cell's column number lines up with the header above it. A spanned slot is not repeated."""
    taken: dict[tuple[int, int], bool] = {}
    out: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        col = 0
        placed: list[GridCell] = []
        for text, colspan, rowspan, header in row:
            while taken.get((r, col)):
                col += 1
            placed.append(GridCell(text, r, col, header, max(1, colspan)))
            for dr in range(max(1, rowspan)):
                for dc in range(max(1, colspan)):
                    taken[(r + dr, col + dc)] = True
            col += max(1, colspan)
        out.append(placed)
    return out


def mark_header_row(grid: list[list[GridCell]]) -> list[list[GridCell]]:
    """Mark the first row as a header row (for formats without `<th>`)."""
    return [
        [GridCell(c.text, c.row, c.column, c.header or r == 0, c.span) for c in row]
        for r, row in enumerate(grid)
    ]


def roman(n: int) -> str:
    """An ordinal in Roman numerals (list markers "i)", "IV)" in Word and HTML lists)."""
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out

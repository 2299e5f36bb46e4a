"""The parts every plain-text table reader shares: cell values, page furniture, rows, lines and how a found
table becomes a `Table` with its `TableCell`s (`build`). The readers are kg.read.tables_text (pipe, tab,
aligned), kg.read.tables_flat (flattened scorecards) and kg.read.tables_cells (one cell a line);
kg.read.tables runs them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.model import Section, Span, Table, TableCell
from kg.reference import data_text
from kg.yamlfile import loads


@cache
def words() -> dict[str, frozenset[str]]:
    raw = loads(data_text("tables.yaml"), "kg/data/tables.yaml")
    return {key: frozenset(str(w).lower() for w in values) for key, values in raw.items()}


# A figure as a cell: "1,146", "94.6p" (provisional), "12.1*" (footnote), "£8,412", "(3.2)", "<5", "82%".
# A leading zero followed by more digits is a phone or reference number, never a figure.
_NUMBER = re.compile(
    r"[<>≤≥~]?\(?[£$€]?[-+−–]?(?!0\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?"
    r"(?:%|k|m|bn)?(?:p|r|e|\*+|†|‡|\(p\)|\(r\))?",
    re.I,
)
# Periods used as column heads: "2024/25", "2024-25", "24/25", "Q1", "Qtr 2", "Mar-25", "2024"; a school
# session's "Term 1", a half year's "H1" / "Half 2".
_PERIOD = re.compile(
    r"(?:19|20)\d{2}(?:[/-]\d{2}(?:\d{2})?)?|\d{2}/\d{2}|q(?:tr)?\s?[1-4]|(?:quarter|term|half)\s[1-4]|h[12]|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[-\s']?\d{2}(?:\d{2})?",
    re.I,
)
# A page reference in an agenda ("11 - 24", "pp. 3-10"): a range of pages, not a figure.
PAGE_RANGE = re.compile(r"(?:pp?\.?\s*)?\d{1,4}\s*[-–]\s*\d{1,4}", re.I)
# Running page furniture: "Page 13", "13", "- 13 -", "Page 3 of 20", and a line ending in "Page 13".
_PAGE = re.compile(r"^\s*(?:(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-)\s*$", re.I)
# a running footer ending in its page number: set apart by two spaces, or by one where it says "of" the
# pages in all ("... Borough Council Page 4 of 9"), which no sentence ends with
_PAGE_TAIL = re.compile(r"\S(?:\s{2,}(?i:page)\s+\d{1,4}(?:\s*of\s*\d{1,4})?"
                        r"|\s[Pp]age\s\d{1,4}\sof\s\d{1,4})\s*$"
                        # "X Council - Y Committee - 9 May 2025 Page 14": a footer, parts set apart by dashes
                        r"|^(?=[^\n]*\s[-–]\s)[^\n]*\S\sPage\s\d{1,4}\s*$")


@lru_cache(maxsize=8192)
def is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))


@lru_cache(maxsize=8192)
def is_period(token: str) -> bool:
    return bool(_PERIOD.fullmatch(token.strip()))


@lru_cache(maxsize=8192)
def is_word_value(token: str) -> bool:
    """A cell that is a rating, a direction or a "no figure" mark, or an arrow with a direction word."""
    t = token.strip().lower()
    w = words()
    if t in w["missing"] or t in w["rag"] or t in w["trend"] or t in w["arrows"] or t in w["marks"]:
        return True
    if len(t) == 1 and "\ue000" <= t <= "\uf8ff":  # a symbol font's glyph (Wingdings arrows in PDFs)
        return True
    first, _, rest = t.partition(" ")
    return first in w["arrows"] and rest in w["trend"]


@lru_cache(maxsize=8192)
def is_value(token: str) -> bool:
    """A cell's whole text is a figure or a value word (not a label, not a heading)."""
    t = token.strip()
    return bool(t) and (is_number(t) or is_word_value(t))


def is_status_head(header: str) -> bool:
    """A column headed RAG, Status, Trend, DoT...: its cells are words, not figures."""
    lowered = header.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words()["status_heads"] - {"performance"})


def is_label_tail(line: str) -> bool:
    """A short bracket alone on the line below a row: the end of its wrapped label ("(days)", "(%)", "(number
    at year end)"), not a note under the table ("(Source: ...)", "(Note ...)")."""
    parts = line.split()
    return (
        0 < len(parts) <= 6
        and parts[0].startswith("(")
        and parts[-1].endswith(")")
        and parts[0].lstrip("(").rstrip(":").lower() not in {"source", "sources", "note", "notes", "see"}
    )


@lru_cache(maxsize=8192)  # asked of the same lines again by each table reader and each candidate table
def is_furniture(line: str, repeated: frozenset[str]) -> bool:
    """A page number, "Page 13", a running footer ending in a page number, or a title line the document
    repeats (a running head): printed on every page, so it can sit inside a table without ending it."""
    s = line.strip()
    return bool(s) and (bool(_PAGE.match(s)) or bool(_PAGE_TAIL.search(s)) or " ".join(s.split()) in repeated)


# a running footer's page number at its end: "... Committee 3 March 2025 Page 7"
_FOOTER_PAGE = re.compile(r"^(?P<stem>.{12,}?)\s+[Pp]age\s+\d{1,4}(?:\s*of\s*\d{1,4})?$")


def repeated_lines(text: str) -> frozenset[str]:
    """Lines of some length that occur more than once: running heads and footers of a flattened PDF. A
    footer differs on each page only by its page number, so lines the same up to "Page N" count too."""
    counts = Counter(" ".join(line.split()) for line in text.split("\n"))
    out = {line for line, n in counts.items() if n > 1 and len(line) >= 12 and not is_value(line)}
    stems = Counter(m.group("stem") for line in counts if (m := _FOOTER_PAGE.match(line)))
    out |= {line for line in counts if (m := _FOOTER_PAGE.match(line)) and stems[m.group("stem")] > 1}
    return frozenset(out)


_SECTION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?(?:\s|$)")


def is_contents(labels: Sequence[str], values: Sequence[str], header: str) -> bool:
    """A list of agenda items or a table of contents: one column of page numbers, headed "Page(s)", or
    rising whole numbers against numbered or dot-led items. Its numbers are pages, not figures."""
    if re.fullmatch(r"pages?(?:\s+no\.?)?", header.strip(), re.I):
        return True
    if len(values) < 2 or not all(v.isdigit() for v in values):
        return False
    rising = all(int(a) < int(b) for a, b in zip(values, values[1:], strict=False))
    listed = all(_SECTION_NUMBER.match(x) or x.rstrip().endswith("..") for x in labels)
    return rising and listed


# ---- what a detector hands over ------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A body row: its label (span in the text, maybe over two lines) and its cells (column, start, end)."""

    label: tuple[int, int] | None
    label_text: str
    cells: tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class Found:
    """A table a detector found, in text offsets; `heads` are header cells (row, first col, last col, start,
    end). Columns below `n_label` are label columns."""

    layout: str
    start: int
    end: int
    heads: tuple[tuple[int, int, int, int, int], ...]
    rows: tuple[Row, ...]
    n_columns: int
    n_label: int = 1
    label: str = ""


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without surrounding spaces and tabs."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def caption(lines: Sequence[Line], first: int) -> str:
    """A short title line just above a table (one blank line between is allowed): its label."""
    i = first - 1
    if i >= 0 and lines[i].blank:
        i -= 1
    if i < 0 or lines[i].blank:
        return ""
    s = " ".join(lines[i].text.split())
    if len(s) > 150 or s.endswith((".", ":", ";", ",")) or "\t" in lines[i].text or "|" in s:
        return ""
    return s


# ---- turning what was found into the model --------------------------------------------------------------


def build(
    text: str, found: Sequence[Found], first_index: int
) -> tuple[list[Table], list[TableCell], list[Section]]:
    tables: list[Table] = []
    cells: list[TableCell] = []
    sections: list[Section] = []
    for k, f in enumerate(found):
        index = first_index + k
        n_head_rows = max((h[0] for h in f.heads), default=-1) + 1
        column_heads: dict[int, list[str]] = {}
        header_rows: list[tuple[Span, ...]] = []
        for r in range(n_head_rows):
            row = sorted((h for h in f.heads if h[0] == r), key=lambda h: h[3])
            header_rows.append(tuple(Span.of(text, h[3], h[4]) for h in row))
            for _, lo, hi, start, end in row:
                head = " ".join(text[start:end].split())
                for column in range(lo, hi + 1):
                    column_heads.setdefault(column, []).append(head)
        for r, row in enumerate(f.rows):
            row_span = Span.of(text, *row.label) if row.label else None
            for column, start, end in row.cells:
                if column < f.n_label or start >= end:
                    continue
                heads = tuple(column_heads.get(column, ()))
                cells.append(
                    TableCell(
                        Span.of(text, start, end),
                        row.label_text,
                        " ".join(heads),
                        index * 10_000 + n_head_rows + r,
                        column,
                        table=index,
                        column_headers=heads,
                        row_span=row_span,
                    )
                )
        header_spans = tuple(header_rows)
        tables.append(
            Table(
                index, f.start, f.end, f.layout, header_spans, n_head_rows + len(f.rows), f.n_columns, f.label
            )
        )
        sections.append(Section("table", f.start, f.end, f.label))
    return tables, cells, sections

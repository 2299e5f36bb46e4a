"""PDF reports (pdfplumber): flowing text as paragraphs, each page a `Section(kind="page", label="<n>")` so
provenance can name the page, and ruled tables (a scorecard) as rows of `TableCell`s with their headers.

Lines are rejoined into paragraphs (a PDF breaks lines where the page ran out, not where the sentence
did); a paragraph cut by a page break is rejoined across it. Page numbers and running headers or footers
repeated in the page margins are dropped: they are furniture, and their numbers are not figures.
An encrypted PDF, a malformed one, or one with no text layer is refused with one line saying what to do.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from kg.errors import InputError
from kg.model import DocMeta, Section
from kg.read.base import Rendition
from kg.read.layout import GridCell, Layout, guess_header_row, inline, mark_header_row, place
from kg.read.table_parts import Row
from kg.read.tables import Found, find, with_tables

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # pdfminer warns loudly about harmless quirks

_MARGIN = 0.08  # top and bottom share of a page where running headers, footers and page numbers live
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
_LIST_START = re.compile(r"^(?:[•●▪‣◦·\-–*]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|\(?[ivx]{1,4}[.)]\s)", re.I)
_DIGITS = re.compile(r"\d+")
# a title no one wrote: a word processor's, a file name, or a PDF library's placeholder ("(anonymous)")
_JUNK_TITLE = re.compile(
    r"^(?:microsoft\s+\w+\s*-|untitled)|\.(?:docx?|pdf|rtf|odt)$|^\(?(?:anonymous|unspecified)\)?$", re.I
)


@dataclass(frozen=True)
class _Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool = False
    chars: tuple = ()  # pdfplumber's characters, to see where the line's columns are


def read(path: Path) -> Rendition:
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as err:
        raise _refusal(err, path) from err
    except Exception as err:  # noqa: BLE001 - pdfminer raises many types on a broken file; all mean "unreadable"
        raise InputError(
            f"not a readable PDF ({type(err).__name__})",
            path=str(path),
            hint="the file may be damaged or only partly downloaded; get it again",
        ) from err
    with pdf:
        try:
            return _read(pdf, path)
        except InputError:
            raise
        except Exception as err:  # noqa: BLE001 - as above, while reading the pages
            raise _refusal(err, path) from err


def _refusal(err: Exception, path: Path) -> InputError:
    cause = err.args[0] if isinstance(err, PdfminerException) and err.args else err
    name = type(cause).__name__
    if "Password" in name or "Encryption" in name:
        return InputError(
            "PDF is encrypted (password-protected)",
            path=str(path),
            hint="ask for an unprotected copy, or remove the password, e.g. `qpdf --decrypt`",
        )
    return InputError(
        f"not a readable PDF ({name})",
        path=str(path),
        hint="the file may be damaged or only partly downloaded; get it again",
    )


def _read(pdf: pdfplumber.PDF, path: Path) -> Rendition:
    pages = pdf.pages
    found: list[tuple[list[_Line], list]] = []
    warnings: list[str] = []
    for page in pages:
        tables = [t for t in page.find_tables() if len(t.rows) >= 2 and t.extract()]
        lines = [_line(raw) for raw in page.extract_text_lines(strip=True, return_chars=True)]
        lines = [ln for ln in lines if ln.text and not any(_inside(ln, t.bbox) for t in tables)]
        found.append((lines, tables))
        if not page.chars:
            warnings.append(
                f"page {page.page_number} has no text layer (a scanned image?); its content is missing"
            )
    if not any(lines or tables for lines, tables in found):
        raise InputError(
            "PDF has no text layer (scanned images only)",
            path=str(path),
            hint="run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, and ingest the result",
        )
    furniture = _furniture(pages, [lines for lines, _ in found])
    sizes: Counter[float] = Counter()
    for lines, _ in found:
        for ln in lines:
            sizes[round(ln.size)] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0

    layout = Layout()
    last_line: str | None = None  # the last line of the last block, when that block was a paragraph
    for page, (lines, tables) in zip(pages, found, strict=True):
        body = [ln for ln in lines if not _is_furniture(ln, float(page.height), furniture)]
        body, unruled = _unruled(page, body)
        before = layout.length
        for i, (kind, content) in enumerate(_blocks(body, tables + unruled, body_size)):
            if kind == "table" and isinstance(content, _TextTable):
                layout.table(
                    content.grid, label=content.label or f"page {page.page_number}", layout="pdf-text"
                )
                last_line = None
                continue
            if kind == "table":
                layout.table(_grid(page, content), label=f"page {page.page_number}", layout="pdf-ruled")
                last_line = None
                continue
            paragraph: list[str] = content  # type: ignore[assignment]
            if i == 0 and last_line is not None and _continues(last_line, paragraph[0]):
                # a sentence cut by the page break goes on where it stopped
                joiner = "" if last_line.endswith("-") else " "
                layout.append(joiner, "\n".join(paragraph))
            else:
                layout.paragraph("\n".join(paragraph), heading=kind == "heading")
            last_line = paragraph[-1] if kind == "paragraph" else None
        text = layout.text()
        start = before
        while start < layout.length and text[start] in "\n ":
            start += 1
        if start < layout.length:
            layout.sections.append(Section("page", start, layout.length, str(page.page_number)))
    meta = DocMeta()
    title = inline(str((pdf.metadata or {}).get("Title") or ""))
    if title and not _JUNK_TITLE.search(title):
        meta = DocMeta(title=title)
    return with_tables(
        Rendition(  # text tables the page layout did not show (a flattened scorecard)
            text=layout.text(),
            format="pdf",
            meta=meta,
            warnings=tuple(warnings),
            sections=tuple(sorted(layout.sections, key=lambda s: (s.start, -s.end))),
            cells=tuple(layout.cells),
            tables=tuple(layout.tables),
        )
    )


def _line(raw: dict) -> _Line:
    chars = raw.get("chars") or []
    size = max((float(c.get("size", 0)) for c in chars), default=float(raw["bottom"]) - float(raw["top"]))
    visible = [c for c in chars if str(c.get("text", "")).strip()]
    bold = bool(visible) and all("bold" in str(c.get("fontname", "")).lower() for c in visible)
    top, bottom, x0, x1 = float(raw["top"]), float(raw["bottom"]), float(raw["x0"]), float(raw["x1"])
    return _Line(inline(raw["text"]), top, bottom, x0, x1, size, bold, tuple(chars))


def _inside(line: _Line, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    middle = (line.top + line.bottom) / 2
    return top - 1 <= middle <= bottom + 1 and line.x1 > x0 and line.x0 < x1


def _in_margin(line: _Line, height: float) -> bool:
    return line.bottom < height * _MARGIN or line.top > height * (1 - _MARGIN)


def _shape(text: str) -> str:
    """A margin line with its numbers blanked: a running footer that carries the page number ("... Page 2
    of 9") is the same line on every page."""
    return _DIGITS.sub("#", text)


def _furniture(pages: list, lines_by_page: list[list[_Line]]) -> set[str]:
    """Texts in the page margins that repeat on at least half the pages (two at least), numbers aside:
    running heads and footers."""
    counts: Counter[str] = Counter()
    for page, lines in zip(pages, lines_by_page, strict=True):
        counts.update({_shape(ln.text) for ln in lines if _in_margin(ln, float(page.height))})
    need = max(2, (len(pages) + 1) // 2)
    return {text for text, n in counts.items() if n >= need}


def _is_furniture(line: _Line, height: float, furniture: set[str]) -> bool:
    return _in_margin(line, height) and (
        _shape(line.text) in furniture or bool(_PAGE_NUMBER.match(line.text))
    )


def _blocks(lines: list[_Line], tables: list, body_size: float) -> list[tuple[str, object]]:
    """Paragraphs and headings (lists of output lines) and tables, in reading order (top to bottom).
    A heading is one short line set larger than the body text, or all in bold."""
    items: list[tuple[float, str, object]] = [(float(t.bbox[1]), "table", t) for t in tables]
    right = _right_edge(lines)
    paragraph: list[str] = []
    members: list[_Line] = []
    start = 0.0
    previous: _Line | None = None

    def finish() -> None:
        heading = (
            len(paragraph) == 1
            and len(paragraph[0]) <= 120
            and all(m.size >= body_size + 1.5 or m.bold for m in members)
        )
        items.append((start, "heading" if heading else "paragraph", paragraph))

    for ln in lines:
        if (
            previous is not None
            and not _same_paragraph(previous, ln)
            or any(previous is not None and previous.top < t.bbox[1] <= ln.top for t in tables)
        ):
            finish()
            paragraph, members = [], []
        members.append(ln)
        if not paragraph:
            paragraph, start = [ln.text], ln.top
        elif (
            _LIST_START.match(ln.text) or previous is not None and previous.x1 < right - 0.2 * (right - ln.x0)
        ):
            paragraph.append(ln.text)  # a list item, or the previous line stopped short on purpose
        else:
            paragraph[-1] = _join(paragraph[-1], ln.text)
        previous = ln
    if paragraph:
        finish()
    items.sort(key=lambda item: item[0])
    return [(kind, content) for _, kind, content in items]


def _right_edge(lines: list[_Line]) -> float:
    """Where the page's full lines of prose end: the upper quartile of the long lines' right ends, not the
    widest line (a heading, a footer or a wide table row would make every ragged-right prose line look
    cut short on purpose)."""
    ends = sorted(ln.x1 for ln in lines if len(ln.text) >= 40)
    if len(ends) < 4:
        return max((ln.x1 for ln in lines), default=0.0)
    return ends[(3 * len(ends)) // 4]


def _same_paragraph(a: _Line, b: _Line) -> bool:
    gap = b.top - a.bottom
    return gap <= 0.6 * min(a.size, b.size) and abs(a.size - b.size) <= 1.5


def _join(left: str, right: str) -> str:
    """Rejoin a broken line: "well-" + "being" keeps the hyphen without a space."""
    if left.endswith("-") and right[:1].islower():
        return left + right
    return f"{left} {right}"


def _continues(left: str, right: str) -> bool:
    return not left.rstrip().endswith((".", ":", ";", "!", "?")) and right[:1].islower()


def _grid(page: object, table: object) -> list:
    rows = table.extract()  # type: ignore[attr-defined]
    cells = [[(inline(c or ""), 1, 1, False) for c in row] for row in rows]
    grid = place(cells)
    texts = [[c.text for c in row] for row in grid]
    if len(grid) > 1 and (_bold_row(page, table) or guess_header_row(texts)):
        grid = mark_header_row(grid)
    return grid


def _bold_row(page: object, table: object) -> bool:
    """The first row is a header when all its text is set in a bold face."""
    first = table.rows[0]  # type: ignore[attr-defined]
    x0, top, x1, bottom = first.bbox
    chars = [
        c
        for c in page.chars
        if x0 <= c["x0"] <= x1
        and top <= c["top"] <= bottom  # type: ignore[attr-defined]
        and c["text"].strip()
    ]
    return bool(chars) and all("bold" in str(c.get("fontname", "")).lower() for c in chars)


# ---- tables without rules ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TextTable:
    """A table found from where the words sit (no ruling lines), as a grid ready for `Layout.table`."""

    bbox: tuple[float, float, float, float]
    grid: list
    label: str


def _spaced(line: _Line, unit: float) -> str:
    """The line as monospaced text: words keep one space between them, and a gap wider than a column
    gutter becomes spaces up to the next word's position, so columns line up as in a text file."""
    out = ""
    right: float | None = None
    for c in line.chars:
        ch = str(c.get("text", ""))
        if not ch.strip():
            continue
        x0 = float(c["x0"])
        if right is not None and x0 - right > 1.5 * unit:
            out += " " * max(2, round(x0 / unit) - len(out))
        elif right is not None and x0 - right > 0.15 * unit:
            out += " "
        elif right is None:
            out += " " * round(x0 / unit)
        out += ch
        right = float(c["x1"])
    return out


def _unruled(page: object, lines: list[_Line]) -> tuple[list[_Line], list[_TextTable]]:
    """Tables set out in columns without rules, found as text tables are (`kg.read.tables`) in the page's
    lines written monospaced; their lines leave the flow of paragraphs."""
    widths = sorted(
        float(c["x1"]) - float(c["x0"]) for ln in lines for c in ln.chars if str(c.get("text", "")).strip()
    )
    if len(lines) < 3 or not widths:
        return lines, []
    unit = max(widths[len(widths) // 2], 1.0)
    rows = [_spaced(ln, unit) for ln in lines]
    text = "\n".join(rows)
    starts = []
    pos = 0
    for row in rows:
        starts.append(pos)
        pos += len(row) + 1
    out: list[_TextTable] = []
    taken: set[int] = set()
    for found in find(text):
        first = max(i for i, s in enumerate(starts) if s <= found.start)
        last = max(i for i, s in enumerate(starts) if s < found.end)
        found, last = _wrapped_labels(found, lines, starts, last, unit)
        members = lines[first : last + 1]
        bbox = (min(m.x0 for m in members), members[0].top, max(m.x1 for m in members), members[-1].bottom)
        out.append(_TextTable(bbox, _found_grid(text, found), found.label))
        taken.update(range(first, last + 1))
    return [ln for i, ln in enumerate(lines) if i not in taken], out


def _gutter(line: _Line, unit: float) -> float | None:
    """Where the line's second column starts (the first gap wider than a column gutter), or None."""
    right: float | None = None
    for c in line.chars:
        if not str(c.get("text", "")).strip():
            continue
        if right is not None and float(c["x0"]) - right > 1.5 * unit:
            return float(c["x0"])
        right = float(c["x1"])
    return None


def _wrapped_labels(
    found: Found, lines: list[_Line], starts: list[int], last: int, unit: float
) -> tuple[Found, int]:
    """A row label the table cell wrapped: its further lines sit under the label alone, at the cell's line
    spacing, closer to the row above than the next row sits. They belong to the row's label, as a clean
    conversion gives the cell, whether or not the text table finder took them (it reads words, not where
    they sit); the table's last line moves down when the last row's label wrapped."""
    def line_of(row: Row) -> int:
        return max(j for j, s in enumerate(starts) if s <= row.cells[0][1])

    in_rows = {line_of(row) for row in found.rows if row.cells}
    rows = list(found.rows)
    for k, row in enumerate(rows):
        if not row.cells:
            continue
        i = line_of(row)
        gutter = _gutter(lines[i], unit)
        if gutter is None or i + 1 >= len(lines):
            continue
        pitch = lines[i + 1].top - lines[i].top
        block: list[int] = []
        j = i + 1
        while (
            j < len(lines)
            and j not in in_rows
            and abs(lines[j].top - lines[j - 1].top - pitch) <= 1.0
            and lines[j].x0 >= lines[i].x0 - unit
            and lines[j].x1 < gutter - unit
            and _gutter(lines[j], unit) is None
        ):
            block.append(j)
            j += 1
        # the next line must stand further off (a new row or the end), else these lines are evenly spaced
        # text of their own (a section label above a row, a note under the table)
        if not block or j < len(lines) and lines[j].top - lines[j - 1].top <= pitch + 2.0:
            continue
        more = " ".join(lines[b].text for b in block)
        if more not in row.label_text:
            rows[k] = Row(row.label, f"{row.label_text} {more}", row.cells)
        last = max(last, block[-1])
    return replace(found, rows=tuple(rows)), last


def _found_grid(text: str, found: Found) -> list[list[GridCell]]:
    """A found table as grid rows: the label columns as one first column, header rows marked as headers."""
    n = found.n_columns - found.n_label + 1
    grid: list[list[GridCell]] = []
    n_head = max((h[0] for h in found.heads), default=-1) + 1
    for r in range(n_head):
        by_column: dict[int, GridCell] = {}
        for _, lo, hi, a, b in (h for h in found.heads if h[0] == r):
            column = 0 if lo < found.n_label else lo - found.n_label + 1
            span = 1 if lo < found.n_label else hi - lo + 1
            by_column[column] = GridCell(inline(text[a:b]), r, column, True, span)
        row: list[GridCell] = []
        column = 0
        while column < n:
            cell = by_column.get(column, GridCell("", r, column, True))
            row.append(cell)
            column += cell.span
        grid.append(row)
    for k, found_row in enumerate(found.rows, start=n_head):
        values = {
            col - found.n_label + 1: inline(text[a:b])
            for col, a, b in found_row.cells
            if col >= found.n_label
        }
        grid.append(
            [GridCell(found_row.label_text, k, 0)] + [GridCell(values.get(j, ""), k, j) for j in range(1, n)]
        )
    return grid

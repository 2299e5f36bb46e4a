"""Word documents (python-docx): paragraphs and tables in document order.

Headings become `Section(kind="heading")`; list paragraphs get their marker ("- ", "1.", "a)") from the
numbering definitions, as a reader sees it; tables become one line per row with `TableCell`s. Deleted
text of tracked changes and the fallback copies of text boxes are left out; inserted text is kept.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from kg.errors import InputError
from kg.model import DocMeta
from kg.read.base import Rendition, pin
from kg.read.layout import Layout, guess_header_row, inline, mark_header_row, place, roman
from kg.read.table_parts import is_value
from kg.read.tables import WORD, with_tables

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_NS = {"w": W}


def _x(element: etree._Element, expr: str) -> object:
    """XPath with the w: prefix bound (python-docx binds it only for its own element classes)."""
    return etree._Element.xpath(element, expr, namespaces=_NS)


def read(path: Path) -> Rendition:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as err:
        raise InputError(
            f"not a readable Word .docx file ({type(err).__name__})",
            path=str(path),
            hint="an old .doc, a password-protected or a damaged file: save it again as .docx from Word",
        ) from err
    numbering = _Numbering(document)
    layout = Layout()
    in_list = in_rows = False
    for child in _body_blocks(document.element.body):
        if child.tag == f"{_W}p":
            text = _paragraph_text(child)
            style = _style_name(document, child)
            marker = numbering.marker(child, style)
            if marker is not None and inline(text):
                layout.line(marker + _clean(text), first=not in_list)
                in_list, in_rows = True, False
                continue
            in_list = False
            clean = _clean(text)
            if "\t" in clean and "\n" not in clean:
                # a row typed with tab stops (a table set out in paragraphs): the rows of one such run are
                # consecutive lines, as a tab-separated table is in text
                layout.line(clean, first=not in_rows)
                in_rows = True
                continue
            in_rows = False
            heading = style.lower().startswith(("heading", "title"))
            layout.paragraph(clean, heading=heading)
        elif child.tag == f"{_W}tbl":
            in_list = in_rows = False
            grid = _grid(child)
            if _lays_out_prose(grid):  # minutes set in a grid: a minute's number, its heading and its text
                for row in grid:
                    if texts := [c.text for c in row if c.text]:
                        layout.paragraph(" ".join(texts))
                continue
            layout.table(grid, layout="docx")
    meta = DocMeta()
    title = inline(document.core_properties.title or "")
    if title:
        meta = DocMeta(title=title)
    rendition = Rendition(
        text=layout.text(),
        format="docx",
        meta=meta,
        sections=tuple(sorted(layout.sections, key=lambda s: (s.start, -s.end))),
        cells=tuple(layout.cells),
        tables=tuple(layout.tables),
    )
    # "Indicator: X" / "Target: Y" records written as paragraphs, and rows pasted from a PDF
    return with_tables(rendition, WORD)


def _body_blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables in order, including those wrapped in content controls (cover pages use them)."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _body_blocks(child)


def _clean(text: str) -> str:
    """Each line of a paragraph on its own (a manual line break stays a line break); a tab between words
    stays a tab (one, however many were typed to reach the stop), the columns of a row set out with tab
    stops."""
    lines = text.split("\n")
    # rows pasted from a PDF or a text file, their columns lined up with spaces (two lines or more): the
    # spaces are the columns, kept as typed
    aligned = sum(bool(_COLUMN_GAP.search(line.strip())) for line in lines) >= 2
    return "\n".join(_spaced(line) if aligned else _tabbed(line) for line in lines).strip("\n")


_COLUMN_GAP = re.compile(r"\S {2,}\S")


def _spaced(line: str) -> str:
    return pin(line.replace("\t", "    ")).rstrip().replace("\xa0", " ")


def _tabbed(line: str) -> str:
    cells = [inline(c) for c in re.split(r"\t+", line.strip(" \t"))]
    return "\t".join(c for c in cells if c) if len(cells) > 1 else inline(line)


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if any(a.tag == f"{{{MC}}}Fallback" for a in node.iterancestors()):
            continue  # the same text box's text is also in mc:Choice
        tag = etree.QName(node).localname
        if tag == "t":
            parts.append(node.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append(" " if node.get(f"{_W}type") == "page" else "\n")
        else:
            parts.append("-")
    return "".join(parts)


def _style_name(document: docx.document.Document, p: etree._Element) -> str:
    style_id = _x(p, "string(./w:pPr/w:pStyle/@w:val)")
    if not style_id:
        return ""
    try:
        style = document.styles.get_by_id(style_id, 1)  # 1 = paragraph style
    except (KeyError, ValueError):
        return str(style_id)
    return (style.name if style is not None else "") or str(style_id)


@dataclass
class _Numbering:
    """List markers: numFmt per (numId, level) from numbering.xml, and running counters."""

    document: docx.document.Document
    formats: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            root = self.document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for a in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.iterchildren(f"{_W}lvl"):
                fmt = _x(lvl, "string(./w:numFmt/@w:val)") or "decimal"
                start = _x(lvl, "string(./w:start/@w:val)") or "1"
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (fmt, int(start) if start.isdigit() else 1)
            abstract[a.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{_W}num"):
            ref = _x(num, "string(./w:abstractNumId/@w:val)")
            for level, value in abstract.get(ref, {}).items():
                self.formats[(num.get(f"{_W}numId", ""), level)] = value

    def marker(self, p: etree._Element, style: str) -> str | None:
        num_id = _x(p, "string(./w:pPr/w:numPr/w:numId/@w:val)")
        level_text = _x(p, "string(./w:pPr/w:numPr/w:ilvl/@w:val)")
        if not num_id:
            num_id = self._style_numbering(style)
        if not num_id or num_id == "0":
            return None
        level = int(level_text) if level_text.isdigit() else 0
        fmt, start = self.formats.get((num_id, level), ("bullet", 1))
        if fmt in ("bullet", "none"):
            return "- "
        n = self.counters.get((num_id, level), start - 1) + 1
        self.counters[(num_id, level)] = n
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[deeper]
        if fmt == "lowerLetter":
            return f"{chr(ord('a') + (n - 1) % 26)}) "
        if fmt == "upperLetter":
            return f"{chr(ord('A') + (n - 1) % 26)}) "
        if fmt in ("lowerRoman", "upperRoman"):
            numeral = roman(n)
            return f"{numeral.lower() if fmt == 'lowerRoman' else numeral}) "
        return f"{n}. "

    def _style_numbering(self, style: str) -> str:
        """List styles ("List Bullet", "List Number") carry their numbering in the style definition."""
        if not style:
            return ""
        try:
            element = self.document.styles[style].element
        except KeyError:
            return ""
        return str(_x(element, "string(./w:pPr/w:numPr/w:numId/@w:val)"))


def _lays_out_prose(grid: list) -> bool:
    """A table that only lays out paragraphs: rows of one to three cells (a number, a heading, a paragraph),
    at least half of them holding a sentence's worth of words, and no figure in any cell after the first. A
    table of data (figures) or a log (four or more columns) is left a table."""
    rows = [[c.text for c in row if c.text] for row in grid]
    rows = [r for r in rows if r]
    if len(rows) < 2 or any(len(r) > 3 for r in rows):
        return False
    prose = sum(any(len(t.split()) >= 8 for t in r) for r in rows)
    return 2 * prose >= len(rows) and not any(is_value(t) for r in rows for t in r[1:])


def _grid(tbl: etree._Element) -> list:
    """Rows of (text, colspan, rowspan, header); a vertically merged continuation is left empty."""
    rows: list[list[tuple[str, int, int, bool]]] = []
    bold_first = True
    for r, tr in enumerate(tbl.iterchildren(f"{_W}tr")):
        header = _x(tr, "boolean(./w:trPr/w:tblHeader[not(@w:val) or @w:val='1' or @w:val='true'])")
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            span = _x(tc, "string(./w:tcPr/w:gridSpan/@w:val)")
            merged = _x(tc, "./w:tcPr/w:vMerge[not(@w:val) or @w:val='continue']")
            text = "" if merged else inline(" ".join(_paragraph_text(p) for p in tc.iter(f"{_W}p")))
            cells.append((text, int(span) if span.isdigit() else 1, 1, bool(header)))
            if r == 0 and text:
                runs = [
                    run
                    for run in tc.iter(f"{_W}r")
                    if "".join(t.text or "" for t in run.iter(f"{_W}t")).strip()
                ]
                bold_first = (
                    bold_first
                    and bool(runs)
                    and all(
                        _x(run, "boolean(./w:rPr/w:b[not(@w:val) or @w:val='1' or @w:val='true'])")
                        for run in runs
                    )
                )
        rows.append(cells)
    grid = place(rows)
    if (
        len(grid) > 1
        and not any(c.header for c in grid[0])
        and (bold_first or guess_header_row([[c.text for c in row] for row in grid]))
    ):
        grid = mark_header_row(grid)
    return grid

"""ModernGov HTML pages (mgAi.aspx, ieListDocuments.aspx, ieIssueDetails.aspx, decision pages) and
other council web pages: the content as readable text, without navigation or site chrome.

The content root is ModernGov's `#modgov` block (the council's site template around it is chrome), else
`<main>`/`<article>`/`#content`, else the body. Inside it, navigation, forms, scripts, hidden elements,
ModernGov's action links and link-only lists (supporting documents) are dropped. The meeting header
("Meeting: 13/07/2022 - Corporate Parenting Panel (Item 11)", a meeting page's "Committee - Wednesday,
13th July, 2022 9.30 am", a decision's "Decision Maker"/"Date of decision") becomes metadata; each agenda
item's boundaries become a `Section(kind="item")`; data tables become rows of `TableCell`s.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from kg.errors import InputError
from kg.model import DocMeta
from kg.periods import month_number
from kg.read.base import Rendition
from kg.read.layout import GridCell, Layout, guess_header_row, inline, mark_header_row, place, roman
from kg.read.tables import FIELDS, with_tables
from kg.read.text import looks_binary
from kg.reference import council_info

# Elements whose content is never document text.
_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "iframe",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "object",
    "embed",
    "canvas",
    "map",
    "head",
    "title",
    "link",
    "meta",
    "base",
    "audio",
    "video",
    "picture",
    "img",
    "dialog",
    "-comment",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "pre",
    "address",
    "center",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
    "html",
    "header",
    "footer",
    "hgroup",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ROLES_DROPPED = {
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "menu",
    "menubar",
    "dialog",
}
# ModernGov's own chrome: action links, breadcrumbs, the hidden "No./Item" table head, RSS and help.
_MG_CHROME = {
    "mglinks",
    "mgactionlist",
    "mgbreadcrumbs",
    "mgfooter",
    "mghiddenfield",
    "mghelpline",
    "mgrsslink",
    "mgprintlink",
    "mgmenu",
    "mgsearch",
}
_CHROME_TOKEN = re.compile(
    r"^(?:breadcrumbs?|nav|navbar|navigation|.*-nav|nav-.*|menu|.*-menu|skip.*|cookie.*|site-?header|"
    r"site-?footer|page-?footer|footer|sidebar|share.*|social.*|search.*|masthead|banner|sr-only|"
    r"visually-?hidden|hidden|print-only)$",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FILE_SIZE = re.compile(
    r"\s*\b(?:PDF|DOC|DOCX|Word|XLSX?|Excel|HTML?|PPTX?)\s+\d+(?:\.\d+)?\s*(?:KB|MB|GB)\b\s*$", re.I
)
_DOC_LIST_HEADING = re.compile(r"^(?:supporting|additional) documents?\s*:?$|^attachments\s*:?$", re.I)

# "Meeting: 13/07/2022 - Corporate Parenting Panel (Item 11)"
_MEETING = re.compile(
    r"^\s*Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(?P<committee>.+?)"
    r"(?:\s*\((?:Item|Agenda item)\s*(?P<item>[\w.]+?)\.?\))?\s*$",
    re.I,
)
# "Corporate Parenting Panel - Wednesday, 13th July, 2022 9.30 am"
_MEETING_TITLE = re.compile(
    r"^(?P<committee>.+?)\s+[-–]\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})\b",
    re.I,
)
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+),?\s+(\d{4})")
_ITEM_NUMBER = re.compile(r"^\(?(\d{1,3}[a-z]?(?:\.\d{1,2})?|[ivx]{1,5}|[a-z])\)?\.?$", re.I)
# a minute number with its year or committee code: "12/25", "PL/29", "ARAC 08/25", "C.104"
_MINUTE_NUMBER = re.compile(r"^(?:[A-Z]{1,6}[\s./]?)?\d{1,3}[a-z]?(?:/\d{2,4})?$")
_OPEN_TAG_AT_END = re.compile(rb"<[A-Za-z/!][^<>]*$")  # "...<td class=" with no closing ">"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Deeper than any real page (Word's HTML nests some 30 levels); below it a subtree is read as plain text,
# which keeps Python's recursion bounded on a hostile or broken page.
_MAX_DEPTH = 120
_MAX_FLAT_DEPTH = 60


def read(path: Path) -> Rendition:
    data = path.read_bytes()
    text, encoding, warnings = _decode(data, path)
    _check_whole(data, path)
    tree = LexborHTMLParser(text)
    root = _content_root(tree)
    if root is None:
        raise InputError("HTML page has no body", path=str(path), hint="is it a complete web page?")
    meta, plan = _header(tree, root)
    layout = Layout()
    walker = _Walker(layout, plan)
    if plan.whole_item is not None:
        layout.open("item", plan.whole_item)
    walker.walk(root)
    walker.flush()
    walker.close_items()
    if plan.whole_item is not None:
        layout.close()
    body = layout.text()
    if not body.strip():
        raise InputError(
            "HTML page has no readable content",
            path=str(path),
            hint="save the page's full HTML, not a script-built shell or an empty page",
        )
    sections = tuple(sorted(layout.sections, key=lambda s: (s.start, -s.end)))
    rendition = Rendition(
        text=body,
        format="html",
        encoding=encoding,
        meta=meta,
        warnings=warnings,
        sections=sections,
        cells=tuple(layout.cells),
        tables=tuple(layout.tables),
    )
    return with_tables(rendition, FIELDS)  # "Indicator: X" / "Target: Y" records written as paragraphs


# ---- bytes -> text ---------------------------------------------------------------------------------


def _decode(data: bytes, path: Path) -> tuple[str, str, tuple[str, ...]]:
    head = data[:8].lstrip()
    if head.startswith(b"%PDF"):
        raise InputError("a PDF file named as HTML", path=str(path), hint="rename it to .pdf")
    if head.startswith(b"PK\x03\x04"):
        raise InputError(
            "a Word or zip file named as HTML", path=str(path), hint="rename it to .docx if it is Word"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace"), "utf-16", ()
    if looks_binary(data):
        raise InputError("binary content, not HTML", path=str(path), hint="give the page's HTML source")
    declared = _CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii", "replace").lower() if declared else "utf-8"
    if charset in ("utf-8", "utf8"):
        try:
            return data.decode("utf-8"), "utf-8", ()
        except UnicodeDecodeError as err:
            return (
                data.decode("cp1252", errors="replace"),
                "cp1252",
                (f"declared or assumed UTF-8 but bad byte at offset {err.start}; read as cp1252",),
            )
    try:
        # ISO-8859-1 pages are cp1252 in practice (browsers treat them so): curly quotes live in 0x80-0x9f
        codec = "cp1252" if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else charset
        return data.decode(codec), codec, ()
    except (LookupError, UnicodeDecodeError):
        try:
            return (
                data.decode("utf-8"),
                "utf-8",
                (f"declared charset '{charset}' did not fit; read as UTF-8",),
            )
        except UnicodeDecodeError:
            return (
                data.decode("cp1252", errors="replace"),
                "cp1252",
                (f"declared charset '{charset}' did not fit; read as cp1252",),
            )


def _check_whole(data: bytes, path: Path) -> None:
    """A page cut short (an interrupted download) would silently lose its end, often the resolutions."""
    lower_head = data[:4096].lower()
    if _OPEN_TAG_AT_END.search(data[-4096:]):
        raise InputError(
            "HTML is truncated: it ends inside a tag",
            path=str(path),
            hint="the download was cut short; download the page again",
        )
    if b"<html" in lower_head and b"</html" not in data[-65536:].lower():
        raise InputError(
            "HTML is truncated: <html> is never closed",
            path=str(path),
            hint="the download was probably cut short; download the page again",
        )


# ---- page header -> metadata -----------------------------------------------------------------------


@dataclass
class _Plan:
    """What the page's structure says about its agenda items."""

    whole_item: str | None = None  # an mgAi page: the whole content is one item
    per_meeting: bool = False  # an issue page: each "Meeting:" heading starts an item
    skip: set[int] = field(default_factory=set)  # mem_ids of chrome found by the header scan


def _text(node: LexborNode | None) -> str:
    """A node's text on one line: block boundaries and <br> become spaces, inline tags join directly."""
    if node is None:
        return ""
    parts: list[str] = []
    _flat(node, parts, 0)
    return inline("".join(parts))


def _flat(node: LexborNode, parts: list[str], depth: int) -> None:
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text(deep=False) or "")
        elif child.tag in _DROP:
            continue
        elif depth > _MAX_FLAT_DEPTH:
            parts.append(" " + (child.text(deep=True, separator=" ") or "") + " ")
        elif child.tag == "br" or child.tag in _BLOCK or child.tag in _HEADINGS or child.tag == "li":
            parts.append(" ")
            _flat(child, parts, depth + 1)
            parts.append(" ")
        else:
            _flat(child, parts, depth + 1)


def _date(text: str) -> dt.date | None:
    try:
        if m := _DMY.search(text):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if (m := _DAY_MONTH_YEAR.search(text)) and (month := month_number(m.group(2))):
            return dt.date(int(m.group(3)), month, int(m.group(1)))
    except ValueError:
        return None
    return None


def _labels(tree: LexborHTMLParser) -> dict[str, str]:
    """ModernGov's "<span class="mgLabel">Decision Maker: </span>Cabinet" pairs."""
    out: dict[str, str] = {}
    for label in tree.css(".mgLabel"):
        key = _text(label).rstrip(":").strip().lower()
        parent = label.parent
        if not key or parent is None:
            continue
        whole = _text(parent)
        value = whole[len(_text(label)) :].strip() if whole.startswith(_text(label)) else ""
        out.setdefault(key, value)
    return out


# a council's own name by construction: "Isle of Anglesey County Council", "London Borough of Havering"
# (one not in the reference list must say its kind: "Youth Council" or "Town Council" alone is no council)
_COUNCIL_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|upon|on|the)){0,5}\s+(?:County\s+Borough|Metropolitan\s+Borough"
    r"|County|Borough|City|District)\s+Council|(?:London|Royal)\s+Borough\s+of(?:\s+(?:[A-Z][\w'’.-]*|and|upon)){1,4}")


def _site_council(title: str) -> str | None:
    """The council a page's <title> names after its last dash, as ModernGov sites end every title ("Agenda for
    Cabinet on ... - Isle of Anglesey County Council"): the council that published the page."""
    m = re.search(r"\s[-–|]\s+([^-–|]+?)\s*$", title)
    if not m:
        return None
    name = re.sub(r"\s+", " ", m.group(1))
    if info := council_info(name):
        return info.name
    bare_kind = name.startswith(("Town ", "City ", "County "))
    return name if _COUNCIL_NAME.fullmatch(name) and not bare_kind else None


def _header(tree: LexborHTMLParser, root: LexborNode) -> tuple[DocMeta, _Plan]:
    values: dict[str, object] = {}
    plan = _Plan()
    main_title = _text(tree.css_first(".mgMainTitleTxt") or tree.css_first("h1"))
    sub_title = _FILE_SIZE.sub("", _text(tree.css_first(".mgSubTitleTxt")))
    meetings = [
        m
        for node in root.css("h1, h2, h3, h4, h5, h6, .mgSectionTitle, .mgSubTitleTxt, p")
        if (m := _MEETING.match(_text(node)))
    ]
    # one heading may be found twice (an h2 with class mgSectionTitle): count distinct lines
    distinct = list(dict.fromkeys((m.group("date"), m.group("committee"), m.group("item")) for m in meetings))
    has_item_table = root.css_first("table.mgItemTable, #mgItemTable") is not None
    labels = _labels(tree)
    lower_main = main_title.lower()

    if len(distinct) == 1:
        date, committee, item = distinct[0]
        values.update(meeting_date=_date(date), committee=committee.strip(), item=item)
        if not has_item_table:
            plan.whole_item = item or sub_title or main_title or "item"
    elif len(distinct) > 1:
        plan.per_meeting = True
        committees = {c.strip() for _, c, _ in distinct}
        if len(committees) == 1:  # an issue heard by one committee at several meetings
            values["committee"] = committees.pop()
    if has_item_table and (m := _MEETING_TITLE.match(sub_title)):
        values.update(committee=m.group("committee").strip(), meeting_date=_date(m.group("date")))
    if "date of decision" in labels or "decision maker" in labels:
        values["doc_type"] = "decision"
        values.setdefault("meeting_date", _date(labels.get("date of decision", "")))
        decided = labels.get("decided at meeting", "")
        if m := re.match(r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*[-–]\s*(.+)$", decided):
            values.setdefault("committee", m.group(1).strip())
            values["meeting_date"] = values.get("meeting_date") or _date(decided)
        elif labels.get("decision maker"):
            values.setdefault("committee", labels["decision maker"])

    if lower_main.startswith("issue"):
        values["title"] = re.sub(r"^issue\s*-\s*(?:items at meetings\s*-\s*)?", "", main_title, flags=re.I)
    elif sub_title:
        values["title"] = sub_title
    elif main_title:
        values["title"] = main_title
    else:
        values["title"] = _text(tree.css_first("title")) or None
    if "doc_type" not in values:
        if (
            "minutes" in lower_main
            or root.css_first(".mgSubItemTitleTxt") is not None
            and any(_text(n).lower().startswith("minutes") for n in root.css(".mgSubItemTitleTxt, h3, h4"))
        ):
            values["doc_type"] = "minutes"
        elif "decision" in lower_main:
            values["doc_type"] = "decision"
        elif "agenda" in lower_main and not plan.per_meeting:
            values["doc_type"] = "agenda"
    if council := _site_council(_text(tree.css_first("title"))):
        values["council"] = council
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None and (href := canonical.attributes.get("href")):
        values["source_url"] = href.strip()
    fields = {k: v for k, v in values.items() if v not in (None, "")}
    return DocMeta(**fields), plan  # type: ignore[arg-type]


# ---- the walk ----------------------------------------------------------------------------------------


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in ("#modgov", "main", '[role="main"]', "article", "#content", "#main-content", "#main"):
        node = tree.css_first(selector)
        if node is not None and _text(node):
            return node
    return tree.body or tree.root


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def _is_chrome(node: LexborNode) -> bool:
    tag = node.tag
    if tag in _DROP:
        return True
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if (attrs.get("role") or "").lower() in _ROLES_DROPPED:
        return True
    if (style := attrs.get("style")) and _HIDDEN_STYLE.search(style):
        return True
    tokens = [*_classes(node), *(attrs.get("id") or "").split()]
    if any(t.lower() in _MG_CHROME for t in tokens):
        return True
    if tag in ("header", "footer"):
        return True  # inside the content root these are page furniture too (print headers, "back to top")
    return any(_CHROME_TOKEN.match(t) for t in tokens if not t.lower().startswith("mg"))


def _link_only_list(node: LexborNode) -> bool:
    """A list whose every item is just a link (plus a file size) is navigation or a document list."""
    items = [c for c in node.iter() if c.tag == "li"]
    if not items:
        return False
    for li in items:
        whole = _FILE_SIZE.sub("", _text(li))
        linked = " ".join(_text(a) for a in li.css("a"))
        if not whole or not linked or len(_FILE_SIZE.sub("", linked)) < len(whole) * 0.8:
            return False
    return True


def _marker(kind: str, n: int) -> str:
    if kind == "ul":
        return "- "
    if kind == "a":
        return f"{chr(ord('a') + (n - 1) % 26)}) "
    if kind == "A":
        return f"{chr(ord('A') + (n - 1) % 26)}) "
    if kind in ("i", "I"):
        numeral = roman(n)
        return f"{numeral if kind == 'I' else numeral.lower()}) "
    return f"{n}. "


@dataclass
class _List:
    kind: str
    counter: int
    written: bool = False
    marker: str = ""  # the marker waiting for the next line written inside the current <li>


_BR = object()


class _Walker:
    def __init__(self, layout: Layout, plan: _Plan) -> None:
        self.layout = layout
        self.plan = plan
        self.buf: list[object] = []
        self.lists: list[_List] = []
        self.meeting_open = False

    # text accumulation

    def flush(self, *, heading: bool = False) -> None:
        if not self.buf:
            return
        lines: list[str] = [""]
        for piece in self.buf:
            if piece is _BR:
                lines.append("")
            else:
                lines[-1] += piece  # type: ignore[operator]
        self.buf = []
        cleaned: list[str] = []
        for raw in lines:
            line = inline(raw)
            if line or (cleaned and cleaned[-1]):  # keep one blank line for <br><br>, never more
                cleaned.append(line)
        while cleaned and not cleaned[-1]:
            cleaned.pop()
        if not cleaned:
            return
        text = "\n".join(cleaned)
        if self.lists:
            current = self.lists[-1]
            text, current.marker = current.marker + text, ""
            self.layout.line(text, first=not current.written)
            current.written = True
        else:
            self.layout.paragraph(text, heading=heading, label=text if heading else "")

    # the tree

    def walk(self, node: LexborNode, depth: int = 0) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.buf.append(child.text(deep=False) or "")
                continue
            if child.mem_id in self.plan.skip or _is_chrome(child):
                continue
            if depth > _MAX_DEPTH:
                self.buf.append(" " + (child.text(deep=True, separator=" ") or "") + " ")
                continue
            if tag == "br":
                self.buf.append(_BR)
            elif tag == "hr":
                self.flush()
            elif tag == "pre":  # preformatted text keeps its line breaks
                self.flush()
                for i, line in enumerate((child.text(deep=True) or "").split("\n")):
                    self.buf.extend((_BR, line) if i else (line,))
                self.flush()
            elif (
                tag in _HEADINGS
                or "mgAiTitleTxt" in _classes(child)
                or "mgSubItemTitleTxt" in _classes(child)
                or (self.plan.per_meeting and tag == "p" and _MEETING.match(_text(child)))
            ):
                self.heading(child, depth)
            elif tag in ("ul", "ol"):
                self.list(child, depth)
            elif tag == "li":
                self.item(child, depth)
            elif tag == "table":
                self.table(child, depth)
            elif tag in _BLOCK:
                self.flush()
                self.walk(child, depth + 1)
                self.flush()
            else:
                self.walk(child, depth + 1)  # inline: a, span, b, em, font, ...

    def heading(self, node: LexborNode, depth: int) -> None:
        self.flush()
        text = _FILE_SIZE.sub("", _text(node))
        if not text or _DOC_LIST_HEADING.match(text):
            return
        if self.plan.per_meeting and (m := _MEETING.match(text)):
            self.close_items()
            self.layout.open("item", m.group("item") or text)
            self.meeting_open = True
        self.buf.append(text)
        self.flush(heading=True)

    def close_items(self) -> None:
        if self.meeting_open:
            self.layout.close()
            self.meeting_open = False

    def list(self, node: LexborNode, depth: int) -> None:
        if _link_only_list(node):
            return
        self.flush()
        kind = node.tag if node.tag == "ul" else (node.attributes.get("type") or "1")
        try:
            start = int(node.attributes.get("start") or 1)
        except ValueError:
            start = 1
        outer = self.lists[-1] if self.lists else None
        state = _List(kind, start - 1, written=bool(outer and outer.written))
        self.lists.append(state)
        self.walk(node, depth + 1)
        self.flush()
        self.lists.pop()
        if outer is not None:
            outer.written = outer.written or state.written

    def item(self, node: LexborNode, depth: int) -> None:
        self.flush()
        if not self.lists:  # a stray <li> outside a list
            self.lists.append(_List("ul", 0))
            self.item(node, depth)
            self.flush()
            self.lists.pop()
            return
        state = self.lists[-1]
        state.counter += 1
        state.marker = _marker(state.kind, state.counter)
        self.walk(node, depth + 1)
        self.flush()
        state.marker = ""

    def table(self, node: LexborNode, depth: int) -> None:
        self.flush()
        classes = {c.lower() for c in _classes(node)}
        if "mgitemtable" in classes or node.attributes.get("id") == "mgItemTable" or _is_item_table(node):
            self.agenda(node, depth)
        elif (node.attributes.get("role") or "").lower() == "presentation" or _is_layout(node):
            self.walk(node, depth + 1)
            self.flush()
        else:
            self.layout.table(_grid(node), label=_text(node.css_first("caption")) or "")

    def agenda(self, node: LexborNode, depth: int) -> None:
        """ModernGov's item table: a number cell and a content cell per agenda item."""
        for row in _rows(node):
            cells = [c for c in row.iter() if c.tag in ("td", "th")]
            if not cells or all(c.tag == "th" for c in cells):
                continue
            if len(cells) == 1:
                self.walk(cells[0], depth + 1)
                self.flush()
                continue
            number = _text(cells[0]).rstrip(".")
            body = cells[1]
            title_node = body.css_first(".mgAiTitleTxt") or body.css_first("h1, h2, h3, h4, h5, h6")
            title = _FILE_SIZE.sub("", _text(title_node))
            numbered = bool(_ITEM_NUMBER.match(number) or _MINUTE_NUMBER.match(number))
            label = number if numbered else (title or number)
            self.layout.open("item", label)
            if number and title and _ITEM_NUMBER.match(number):
                heading = f"{number}. {title}"
            elif number and title and _MINUTE_NUMBER.match(number):
                heading = f"{number} {title}"  # "12/25 Title", as minutes number their items
            else:
                heading = title or number
            if heading:
                self.buf.append(heading)
                self.flush(heading=True)
            if title_node is not None:
                self.plan.skip.add(title_node.mem_id)
            self.walk(body, depth + 1)
            self.flush()
            for extra in cells[2:]:
                self.walk(extra, depth + 1)
                self.flush()
            self.layout.close()


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows, not those of tables nested in its cells."""
    rows: list[LexborNode] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.iter() if c.tag == "tr")
    return rows


def _is_item_table(table: LexborNode) -> bool:
    """An agenda or minutes page that sets its items out as a table without ModernGov's class: every body
    row is an item or minute number and a cell whose content opens with the item's heading."""
    items = 0
    for row in _rows(table):
        cells = [c for c in row.iter() if c.tag in ("td", "th")]
        if not cells or all(c.tag == "th" for c in cells):
            continue
        number = _text(cells[0]).rstrip(".")
        if len(cells) < 2 or not (_ITEM_NUMBER.match(number) or _MINUTE_NUMBER.match(number)):
            return False
        if cells[1].css_first("h1, h2, h3, h4, h5, h6, .mgAiTitleTxt") is None:
            return False
        items += 1
    return items > 0


def _is_layout(table: LexborNode) -> bool:
    """A table used to lay out a page: some cell holds a heading, a list or a nested table."""
    for row in _rows(table):
        for cell in row.iter():
            if cell.tag in ("td", "th") and cell.css_first("table, h1, h2, h3, ul, ol") is not None:
                return True
    return False


def _bold(cell: LexborNode) -> bool:
    text = _text(cell)
    bold = " ".join(_text(b) for b in cell.css("b, strong"))
    return bool(text) and len(bold) >= len(text) * 0.9


def _grid(table: LexborNode) -> list[list[GridCell]]:
    rows: list[list[tuple[str, int, int, bool]]] = []
    for row in _rows(table):
        in_head = row.parent is not None and row.parent.tag == "thead"
        cells = []
        for cell in row.iter():
            if cell.tag not in ("td", "th") or _is_chrome(cell):
                continue
            cells.append(
                (
                    _FILE_SIZE.sub("", _text(cell)),
                    _span(cell, "colspan"),
                    _span(cell, "rowspan"),
                    cell.tag == "th" or in_head,
                )
            )
        if cells:
            rows.append(cells)
    grid = place(rows)
    if grid and not any(c.header for row in grid for c in row):
        first = [c for c in _rows(table)[0].iter() if c.tag in ("td", "th")] if _rows(table) else []
        marked = bool(first) and all(_bold(c) for c in first if _text(c)) and len(grid) > 1
        if marked or guess_header_row([[c.text for c in row] for row in grid]):
            grid = mark_header_row(grid)
    return grid


def _span(cell: LexborNode, name: str) -> int:
    try:
        return max(1, min(int(cell.attributes.get(name) or 1), 50))
    except ValueError:
        return 1

"""Action logs and trackers: each row is a commitment of the log, and its Status is evidence.

A log is read from the reader's table cells (`SourceDoc.cells`): each column's role (action, owner, due,
status, reference) comes from its header words (patterns/action_logs.yaml). A Scottish-style rolling
actions log flattened to labelled blocks ("Action: ...", "Action owner: ...", "Expected completion date:
...") is read from the text layer's lines as field blocks with the same roles. Each row or block gives
one commitment (actor from the owner, due from the due time, the minute reference kept in its quote) and,
when it has a status, one progress statement for the ledger ("Complete", "Circulated 19/12/2024", "On hold").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from kg import periods
from kg.extract import nlp
from kg.extract.commitments import actors, forms
from kg.extract.commitments.due import Due, due_of_cell, find_due
from kg.extract.commitments.vocabulary import alt, rx
from kg.extract.commitments.wording import clean
from kg.model import Extraction, Span
from kg.text import TextView

_EMPTY = {"", "-", "–", "—", "n/a", "na", "tbc", "none"}


@cache
def vocabulary() -> dict:
    return nlp.vocabulary("action_logs")


_NOT_KEY = re.compile(r"[^\w/ ]")
_SPACES = re.compile(r"\s+")


def _key(header: str) -> str:
    return _SPACES.sub(" ", _NOT_KEY.sub(" ", header.lower())).strip()


@cache
def _roles() -> dict[str, str]:
    out: dict[str, str] = {}
    for role, headers in vocabulary()["roles"].items():
        for h in headers:
            out.setdefault(_key(str(h)), role)
    return out


def role_of(header: str) -> str | None:
    """The role of a column or field named `header`: action, owner, due, status, ref, or None."""
    return _roles().get(_key(header))


@dataclass
class Row:
    """One action of a log: the spans of its fields by role (the first of each role)."""

    start: int
    end: int
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)
    statuses: list[tuple[int, int]] = field(default_factory=list)
    # a cell's words wrapped onto the table's next line(s): the cell's span -> the spans that go on with it
    wraps: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, role: str | None, start: int, end: int) -> None:
        self.start, self.end = min(self.start, start), max(self.end, end)
        if role in ("status", "done_date"):
            self.statuses.append((start, end))
        if role and role != "status" and role not in self.fields:
            self.fields[role] = (start, end)

    def is_action(self) -> bool:
        return "action" in self.fields and ("owner" in self.fields or "due" in self.fields)

    def value(self, text: str, span: tuple[int, int] | None) -> str:
        """A cell's words, with those wrapped onto the lines below it."""
        return " ".join(v for v in (_value(text, s) for s in (span, *self.wraps.get(span, ()))) if v) \
            if span else ""


@dataclass(frozen=True)
class LoggedAction:
    start: int
    end: int
    text: str
    actor: str | None
    due: Due
    condition: str
    status: str  # the status cells joined, "" when none
    status_span: tuple[int, int] | None
    state: str  # what the status says of the action: done, partial or pending ("" when there is no status)

    @property
    def done(self) -> bool:
        return self.state == "done"


def _label_headers(x: Extraction) -> dict[int, tuple[str, ...]]:
    """The headers over each table's label columns: readers give a row's first cell (or first cells, a
    reference and the action after it) as its `row_header` and `row_span`, not as cells, so an action
    written there is found through these headers."""
    out = {}
    for t in getattr(x.doc, "tables", ()):
        rows = getattr(t, "header_rows", ())
        if rows and rows[-1]:
            out[t.index] = tuple(h.quote for h in rows[-1])
    return out


_CELL_BREAK = re.compile(r"[ \t]*(?:\||\t)[ \t]*")


def _add_label(row: Row, label: Span, headers: tuple[str, ...], text: str) -> dict[int, tuple[int, int]]:
    """The label's cells, each under its header: one cell, or several joined by the table's separator, after
    the empty cells before it on its line ("|     | to all Members" goes on under the second header); returns
    their spans by column."""
    pos = 0
    prefix = text[text.rfind("\n", 0, label.start) + 1 : label.start]
    skipped = max(0, prefix.count("|") - (1 if prefix.lstrip().startswith("|") else 0)) + prefix.count("\t")
    parts = _CELL_BREAK.split(label.quote)
    if len(parts) > len(headers) - skipped:
        parts, skipped = [label.quote], 0
    spans = {}
    for column, (header, part) in enumerate(zip(headers[skipped:], parts, strict=False), start=skipped):
        at = label.quote.find(part, pos)
        if part.strip() and at >= 0:
            row.add(role_of(header), label.start + at, label.start + at + len(part))
            spans[column] = (label.start + at, label.start + at + len(part))
            pos = at + len(part)
    return spans


def table_rows(x: Extraction) -> list[Row]:
    """Rows of the reader's tables that are actions of a log (a header row and empty rows left out)."""
    cells = sorted(x.doc.cells, key=lambda c: c.span.start)
    labels = _label_headers(x)
    with_first_column = {getattr(c, "table", 0) for c in cells if c.column == 0}
    tables: dict[tuple[int, int], Row] = {}
    columns: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}  # each row's cell span by column
    table, last_row = 0, -1
    for c in cells:
        index = getattr(c, "table", None)
        if index is None:  # readers without table indices: a row number going back starts a new table
            if c.row < last_row:
                table += 1
            index = table
        last_row = c.row
        text = c.span.quote.strip()
        role = role_of(c.column_header)
        if role is None or _key(text) == _key(c.column_header):
            continue
        row = tables.setdefault((index, c.row), Row(c.span.start, c.span.end))
        label = getattr(c, "row_span", None)
        if label is not None and index in labels and index not in with_first_column \
                and (index, c.row) not in columns:
            columns[(index, c.row)] = {-1 - k: v for k, v in _add_label(row, label, labels[index],
                                                                        x.doc.text).items()}
        row.add(role, c.span.start, c.span.end)
        columns.setdefault((index, c.row), {})[c.column] = (c.span.start, c.span.end)
    _join_wrapped(tables, columns)
    return [r for r in tables.values() if r.is_action()]


def _join_wrapped(tables: dict[tuple[int, int], Row],
                  columns: dict[tuple[int, int], dict[int, tuple[int, int]]]) -> None:
    """A text table's cells wrapped over lines (a box or pipe table, a PDF's grid): a line holding no
    reference, owner or due cell, only words under columns the row above filled, goes on with that row."""
    home: dict[tuple[int, int], tuple[int, int]] = {}  # a wrapped line's row -> the row it goes on with
    keys = sorted(tables)
    for prev, key in zip(keys, keys[1:], strict=False):
        row, cells = tables[key], columns.get(key, {})
        if key[0] != prev[0] or key[1] != prev[1] + 1 or {"ref", "owner"} & set(row.fields):
            continue
        origin = home.get(prev, prev)
        first, first_cells = tables[origin], columns.get(origin, {})
        # (a due cell alone may wrap too, "Future / meeting", where the rows above are numbered and this is
        # not)
        if not cells or not set(cells) <= set(first_cells) \
                or "due" in row.fields and "ref" not in first.fields:
            continue
        for column, span in cells.items():
            first.wraps.setdefault(first_cells[column], []).append(span)
        first.end = max(first.end, row.end)
        row.fields.clear()  # no action of its own
        home[key] = origin


_FIELD = re.compile(r"^[ \t]*(?P<label>[A-Z][\w '’/()&-]{0,40}?)[ \t]*:[ \t]*(?P<value>\S.*)?$")


_WRAP_WIDTH = 60  # characters: a field line this long may have been wrapped by the page


def field_blocks(tv: TextView) -> list[Row]:
    """Actions of a log flattened to labelled lines, one block per action: a block ends at a blank line,
    at a line that is no field and does not continue one, or where a role comes round again."""
    text = tv.text
    out: list[Row] = []
    block: Row | None = None
    seen: set[str] = set()
    last: tuple[str, int] | None = None  # the open field's role and index, for wrapped values

    def flush() -> None:
        nonlocal block, last
        if block is not None and block.is_action():
            out.append(block)
        block, last = None, None
        seen.clear()

    last_len = 0  # the length of the last line read into the block
    for line in tv.lines:
        if line.blank or line.furniture or line.in_table:
            if line.blank:
                flush()
            continue
        body = text[line.start : line.end]
        prev_len, last_len = last_len, len(body.rstrip())
        m = _FIELD.match(body)
        role = role_of(m.group("label")) if m else None
        if m and role and m.group("value"):
            if role in seen and role in ("action", "owner", "due"):
                flush()
            start = line.start + m.start("value")
            end = line.start + len(body.rstrip())
            if block is None:
                block = Row(line.start, end)
            block.add(role, start, end)
            block.start = min(block.start, line.start)
            seen.add(role)
            last = (role, end)
        elif block is not None and last is not None and (
                body.strip()[:1].islower()
                # a long line wrapped before a capitalised word ("... adoption of the Local / Plan Review")
                or (prev_len >= _WRAP_WIDTH and not m and text[last[1] - 1 : last[1]] not in ".!?:;"
                    and not body.strip().isupper())):
            # a wrapped value: the field runs on
            end = line.start + len(body.rstrip())
            role_open = last[0]
            if role_open in block.fields and block.fields[role_open][1] == last[1]:
                block.fields[role_open] = (block.fields[role_open][0], end)
            block.end = max(block.end, end)
            last = (role_open, end)
        else:
            flush()
    flush()
    return out


@cache
def _status_rx() -> dict[str, re.Pattern[str]]:
    v = vocabulary()
    return {
        "done": re.compile(rf"\b{alt(v['done_statuses'])}\b", re.I),
        "not_done": re.compile(rf"\b{alt(v['not_done'])}\b", re.I),
        "partial": re.compile("|".join(f"(?:{p})" for p in v["partial_statuses"]), re.I),
        "pending": re.compile("|".join(f"(?:{p})" for p in v["pending_statuses"]), re.I),
        "rag": re.compile(rf"^\s*{alt(v['rag_words'])}\b\s*[-–—:/,]?\s*", re.I),
        "reply": re.compile(v["reply_awaited"], re.I),
    }


@cache
def _reference_prefix() -> re.Pattern[str]:
    return re.compile(vocabulary()["reference_prefix"], re.I)


# a RAG rating by its letter alone ("G", "A/G") in a status column of its own: how, not what
_RAG_LETTER = re.compile(r"[RAGB](?:/[RAGB])?")


def _clauses(status: str) -> list[str]:
    """A status's clauses, a heading RAG word left aside: "Amber - part done; rest awaited" -> two."""
    rag = _status_rx()["rag"]
    out = []
    for part in re.split(r"[.;]\s+|\s+[-–—]\s+|\n", status):
        part = part.strip(" .;,")
        if not out:
            part = rag.sub("", part, count=1) if rag.match(part) and rag.sub("", part, count=1) else part
        if part and not rag.fullmatch(part + " ") and not _RAG_LETTER.fullmatch(part):
            out.append(part)
    return out


def status_state(status: str, done_date: str = "") -> str:
    """What a row's status says of its action: "done", "partial" or "pending" ("" when there is none).
    A completion date filled in closes the row; otherwise the status's first clause decides, a later clause
    saying something is still awaited making a done row only partly done; a status that records neither
    is not read as done."""
    if done_date and periods.parse_date(done_date):
        return "done"
    rx_ = _status_rx()
    clauses = _clauses(status)
    if not clauses:
        return ""
    clauses = [clauses[0], *(c for c in clauses[1:] if not rx_["reply"].search(c))]
    if any(rx_["partial"].search(c) for c in clauses):
        return "partial"
    head, rest = clauses[0], clauses[1:]
    if rx_["pending"].search(head):
        return "pending"
    if periods.parse_date(head) or (rx_["done"].search(head) and not rx_["not_done"].search(head)):
        return "partial" if any(rx_["pending"].search(c) for c in rest) else "done"
    return "pending"


def _value(text: str, span: tuple[int, int] | None) -> str:
    return re.sub(r"\s+", " ", text[span[0] : span[1]]).strip() if span else ""


def imperative(what: str) -> str:
    """"Provide a breakdown ..." -> "provide a breakdown ...": log actions open with a capitalised verb."""
    m = rx().deliverable_verb.match(what)
    return what[0].lower() + what[1:] if m and what[:1].isupper() and what[1:2].islower() else what


def read(x: Extraction, tv: TextView, ref: dt.date | None) -> list[LoggedAction]:
    """Every action of the document's logs, from its tables and from labelled blocks."""
    text = tv.text
    out: list[LoggedAction] = []
    for row in [*table_rows(x), *field_blocks(tv)]:
        a_start, a_end = row.fields["action"]
        action = row.value(text, (a_start, a_end))
        if action.lower() in _EMPTY:
            continue
        spans = forms.conditions(text, a_start, a_end)
        # (with the action's words wrapped onto the lines below)
        wrapped = " ".join(_value(text, w) for w in row.wraps.get((a_start, a_end), ()))
        what = clean(f"{forms.masked(text, a_start, a_end, spans)} {wrapped}".strip())
        what = imperative(_reference_prefix().sub("", what, count=1))  # the reference stays in the quote
        # a row that asks nothing deliverable ("Noted", a heading row) is no action; a row naming its owner
        # and its due time is one whatever its noun ("List of grants by ward", "Proposals for a pilot")
        owned = all(_value(text, row.fields.get(r)).lower() not in _EMPTY for r in ("owner", "due"))
        if not rx().deliverable_verb.search(what) and not rx().deliverable_noun.search(what) \
                and not (owned and len(what.split()) >= 3):
            continue
        due_cell = row.value(text, row.fields.get("due"))
        due = due_of_cell(due_cell, ref) if due_cell.lower() not in _EMPTY else Due()
        if due.kind == "none":
            due = find_due(what, ref)
        owner = row.fields.get("owner")
        actor = actors.actor_in(x, *owner, strict=True) if owner else None
        statuses = [s for s in row.statuses if _value(text, s).lower() not in _EMPTY]
        done_date = row.fields.get("done_date")
        comments = [s for s in statuses if s != done_date]
        status = "; ".join(row.value(text, s) for s in statuses)
        status_span = (statuses[0][0], max(e for st in statuses for _, e in (st, *row.wraps.get(st, ())))) \
            if statuses else None
        condition = clean(text[spans[0][0] : spans[0][1]]) if spans else ""
        state = status_state("; ".join(row.value(text, s) for s in comments),
                             _value(text, done_date) if done_date in statuses else "")
        out.append(LoggedAction(row.start, row.end, what, actor, due, condition, status, status_span, state))
    return sorted(out, key=lambda a: a.start)

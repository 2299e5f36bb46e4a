"""Figures in tables, read from the readers' cells: the indicator from the row's label (its code kept as a
notation), the measure, area and period from the column's headers, RAG and direction from their columns."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import cache

from kg import periods
from kg.extract.figures.prose import Found
from kg.extract.figures.vocab import alternation, comparators, words
from kg.model import SourceDoc, TableCell
from kg.text import TextView

_CELL_NUMBER = re.compile(
    r"^\s*(?P<pound>£)?\s*(?P<neg>[-−])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<mult>k|m|bn)?"
    r"\s*(?P<pct>%)?\s*(?P<flag>p|\*+|r|e)?\s*(?P<words>[a-z ]{0,20})?$",
    re.I,
)
# A row's code: two or more capitals and a number ("HSG07", "NI 192", "ENV6"), or a reference with a slash
# ("KPI/14"). One capital and a digit ("S5", "P7", "Y6") is a school year, part of the label.
_CODE = re.compile(r"^\s*((?:[A-Z]{2,6}[ \-]?\d{1,4}[a-z]?|[A-Z]{1,6}/\d{1,4}[a-z]?)(?:[/.\-]\d{1,3}[a-z]?)?)"
                   r"\s*[:\-–]?\s+(?=\S)")
# "P1", "W2": a one-letter code, read as the row's code only where the label column is headed as holding
# codes ("Ref Indicator", "Code Measure"); elsewhere "A1 road condition" keeps its road.
_SHORT_CODE = re.compile(r"^\s*([A-Z]\d{1,2}[a-z]?)\s+(?=[A-Z])")
_CAPTION = re.compile(r"^\s*(?:appendix|annex|table|figure|chart)\s*[\w.]{0,4}\s*[:\-–.]?\s*", re.I)
_HINT = re.compile(r"\s*\((?:%|£|number|no\.?|days?|weeks?|rate|per\s+[\d,]+[^)]*|score[^)]*)\)\s*$", re.I)


@cache
def _column_res() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(r"^\s*" + alternation(phrases) + r"\s*$", re.I)
            for kind, phrases in words()["columns"].items()}


@cache
def _contains_res() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(alternation(phrases), re.I) for kind, phrases in words()["columns"].items()}


def _kind(header: str) -> str | None:
    """What a column holds, from its header: exact matches first, then a header containing the word."""
    h = " ".join(header.split())
    if not h:
        return None
    for kind, pattern in _column_res().items():
        if pattern.match(h):
            return kind
    for kind in ("annual_target", "forecast", "target", "previous", "rag", "direction", "skip"):
        if _contains_res()[kind].search(h):
            return kind
    return None


# Abbreviations scorecard headers use for comparators ("Fam Grp", "Nat Avg", "Stat N'bours").
_ABBREVIATIONS = [(r"\bgrp\b", "group"), (r"\bfam\b", "family"), (r"\bavg\b|\bave\b", "average"),
                  (r"\bnat\b", "national"), (r"\beng\b", "england"), (r"\breg\b", "regional"),
                  (r"\bstat\b", "statistical"), (r"\bn'?bours?\b|\bnbrs?\b", "neighbours"),
                  # "NN": nearest neighbours (the CIPFA group), as adult social care scorecards head it
                  (r"\bnn\b", "nearest neighbours")]


def _comparator(header: str) -> str | None:
    for pattern_text, full in _ABBREVIATIONS:
        header = re.sub(pattern_text, full, header, flags=re.I)
    for code, pattern in comparators():
        if pattern.search(header):
            return code
    return None


@cache
def _label_unit_res() -> dict[str, re.Pattern[str]]:
    return {u: re.compile(alternation(p), re.I) for u, p in words()["label_units"].items()}


@cache
def _cell_words() -> dict[str, frozenset[str]]:
    """Words a figure cell may end with: its unit ("41.5 weeks") or what it counts ("120 starts")."""
    return {"other": frozenset(w.lower() for w in words()["other_units"]),
            "count": frozenset(w.lower() for w in words()["count_nouns"])}


def _cell_unit(cell: str) -> str:
    """The unit or the counted noun a figure cell ends with, "" when none."""
    m = _CELL_NUMBER.match(cell)
    return " ".join((m.group("words") or "").split()).lower() if m else ""


@cache
def _threshold_re() -> re.Pattern[str]:
    """A duration a label counts within ("issued within 20 weeks", "for more than 6 weeks"): the measure's
    standard, part of its name, never the unit its figures are in."""
    spelled = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|"
               r"ninety)")
    number = r"(?:\d[\d,]*|" + spelled + r"(?:-[a-z]+)?)"
    return re.compile(r"\b" + alternation(words()["duration_leads"]) + r"\s+" + number + r"\s+"
                      + alternation(words()["duration_units"]) + r"\b", re.I)


def _unit(label: str, cell: str) -> tuple[str, str, int | None]:
    """(unit, unit words, rate base) from the row label's hints and the cell's own marks."""
    label = _threshold_re().sub(" ", label)
    if (own := _cell_unit(cell)) and own in _cell_words()["other"]:
        return "other", own, None  # "41.5 weeks"
    if own and own in _cell_words()["count"] and "%" not in cell and "£" not in cell:
        return "count", "", None  # "120 starts"
    if m := re.search(r"per\s+(100,000|10,000|1,000|100000|10000|1000)\b[^)]*", label, re.I):
        return "rate", m.group(0).strip(), int(m.group(1).replace(",", ""))
    if re.search(r"\((?:number|no\.?|count)\)\s*$", label, re.I) and "%" not in cell and "£" not in cell:
        return "count", "", None  # "Tenants owing over 5% of rent (number)": the bracket says what they are
    if "%" in cell or _label_unit_res()["percent"].search(label):
        return "percent", "", None
    if "£" in cell or re.search(r"£|\bcost\b|\bspend\b", label, re.I):
        return "currency", "", None
    if m := _label_unit_res()["other"].search(label):
        return "other", m.group(0).lower(), None
    return "count", "", None


def _value(cell: str) -> tuple[Decimal, bool] | None:
    m = _CELL_NUMBER.match(cell)
    if not m:
        return None
    if (own := " ".join((m.group("words") or "").split()).lower()) and \
            own not in _cell_words()["other"] and own not in _cell_words()["count"]:
        return None  # "12 (provisional)", "3 sites": words that say more than a unit
    try:
        value = Decimal(m.group("num").replace(",", "") + (m.group("frac") or ""))
    except InvalidOperation:
        return None
    if m.group("mult"):
        value *= {"k": 10**3, "m": 10**6, "bn": 10**9}[m.group("mult").lower()]
    if m.group("neg"):
        value = -value
    return value, (m.group("flag") or "").lower() == "p"


def _cell_direction(cell: str) -> str | None:
    low = cell.strip().lower()
    for direction, marks in words()["cell_directions"].items():
        if any(m == low or (len(m) > 1 and re.search(r"\b" + re.escape(m) + r"\b", low))
               or (len(m) == 1 and m in low) for m in marks):
            return direction
    return None


def _rag(cell: str) -> str | None:
    return words()["rag"]["colours"].get(cell.strip().lower())


def _headers(cell: TableCell) -> str:
    parts = getattr(cell, "column_headers", ()) or (cell.column_header,)
    return " ".join(p for p in parts if p)


def _row_quote(text: str, row: list[TableCell]) -> tuple[int, int]:
    """The quote for a cell's figure: its table row as the rendition has it (label, values, target ...)."""
    spans = [c.span for c in row] + [s for c in row if (s := getattr(c, "row_span", None))]
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", last)
    end = len(text) if end == -1 else end
    if end - start > 600 or "\n\n" in text[start:end]:
        return first, last
    return start, end


def _period_role(header: str, doc_period: str | None) -> tuple[str, str | None] | None:
    """A header naming a period: the document's own period is the actual, an earlier one is previous."""
    found = periods.mentions(header, 0, len(header), doc_period)
    if not found or found[0][0] is None:
        return None
    label = found[-1][0]
    if doc_period and label == doc_period:
        return "actual", label
    if periods.earlier(label, doc_period):
        return "previous", label
    if doc_period and not periods.earlier(doc_period, label):
        # "2024/25" over a document of 2024/25 Q2: the year to date is the document's figure
        return "actual", doc_period
    return None


def _target_period(header: str, doc_period: str | None) -> str | None:
    """A target column's period: the quarter its header names ("Q1 2024/25 Target") when that is not the
    document's; the document's own where the header names none or the year the document's quarter is in."""
    stated = periods.mentions(header, 0, len(header), doc_period)
    label = stated[-1][0] if stated and stated[-1][0] else None
    if label is None or doc_period is None:
        return label or doc_period
    year, quarter = periods.parts(label)
    if quarter is None and year == periods.parts(doc_period)[0]:
        return doc_period
    return label


def _stated_actual(header: str) -> str | None:
    """The period of a column headed by a period and a word for the figure itself ("Q1 2024/25 Value",
    "2023/24 Actual"): its figures are that period's actuals, whatever period the document was taken to be."""
    found = periods.mentions(header, 0, len(header), None)
    if not found or found[0][0] is None:
        return None
    rest = header
    for _, a, b in sorted(found, key=lambda m: -m[1]):
        rest = rest[:a] + " " + rest[b:]
    return found[-1][0] if _column_res()["actual"].match(rest) and rest.strip() else None


@cache
@cache
def _polarity_re() -> re.Pattern[str]:
    return re.compile(r"\s*\(\s*" + alternation(words()["polarity_marks"]) + r"\s*\)\s*$", re.I)


def _list_re(name: str) -> re.Pattern[str]:
    phrases = words()["columns"][name] if name in words()["columns"] else words()[name]
    return re.compile(r"^\s*" + alternation(phrases) + r"\s*$", re.I)


def _caption_measure(caption: str) -> tuple[str, str | None]:
    """The measure a table's title names, and the dimension it is broken down by: "Table 3 - Households
    in temporary accommodation, by ward, 2022/23 (number)" -> ("Households in temporary accommodation",
    "ward")."""
    text = _CAPTION.sub("", caption)
    dimension = None
    by = r",?\s+by\s+([a-z][a-z ]{1,30}?)(?=,|\s*\(|\s+(?:19|20)\d\d|\s+(?:in|for)\b|$)"
    if m := re.search(by, text, re.I):
        dimension = m.group(1).strip().lower()
        text = text[: m.start()] + text[m.end() :]
    text = re.sub(r",?\s*(?:19|20)\d\d\s*[/\-–]\s*\d{2,4}|\s*\((?:%|£|number|no\.?)\)", "", text, flags=re.I)
    text = re.sub(r"\s+", " ", text).strip(" ,:-–")
    if text.isupper():
        text = text[:1] + text[1:].lower()
    return text, dimension


def _breakdown(doc: SourceDoc, table_index: int) -> tuple[str, str, str] | None:
    """(dimension, measure from the title, title) when a table breaks one measure down by a dimension: its
    label column is headed "Area", "Hospital site", "School" ..., or it has no header and its title says
    "by ..."."""
    table = next((t for t in getattr(doc, "tables", ()) if t.index == table_index), None)
    if table is None:
        return None
    caption, by = _caption_measure(table.label) if table.label else ("", None)
    if table.header_rows and table.header_rows[0]:
        first = table.header_rows[0][0].quote.strip()
        if _list_re("dimension").match(first):
            return first.lower(), caption, table.label
        return None
    if by and caption:
        return by, caption, table.label
    return None


def _coded(doc: SourceDoc, table_index: int) -> bool:
    """The table's first column is headed as holding codes ("Ref", "Ref Indicator", "Code Measure"): its
    rows open with their codes."""
    table = next((t for t in getattr(doc, "tables", ()) if t.index == table_index), None)
    if table is None or not table.header_rows or not table.header_rows[0]:
        return False
    words_ = table.header_rows[0][0].quote.lower().split()
    return bool(words_) and words_[0].strip(".:") in _code_heads()


@cache
def _code_heads() -> frozenset[str]:
    from kg.read.tables_cells import _words as cell_words

    return frozenset(w.strip(".") for w in cell_words()["code_heads"])


def _newest_periods(cells: Iterable[TableCell]) -> dict[int, str]:
    """Table -> the newest period (with its year) heading one of its figure columns, targets and comparators
    aside ("2020/21 | 2022/23 | Wales 2022/23": 2022/23)."""
    found: dict[int, set[str]] = defaultdict(set)
    for c in cells:
        header = _headers(c)
        if _kind(header) not in (None, "actual") or _comparator(header):
            continue
        for label, _, _ in periods.mentions(header, 0, len(header), None):
            if label and re.match(r"\d{4}", label):
                found[getattr(c, "table", 0)].add(label)
    return {t: max(labels, key=periods.sort_key) for t, labels in found.items()}


def read_cells(doc: SourceDoc, tv: TextView, doc_period: str | None) -> tuple[list[Found], list[str]]:
    """Figures from every table of the document, one per value cell."""
    rows: dict[int, list[TableCell]] = defaultdict(list)
    for cell in doc.cells:
        rows[cell.row].append(cell)
    out: list[Found] = []
    notes: list[str] = []
    newest = {} if doc_period else _newest_periods(doc.cells)
    for row in rows.values():
        row.sort(key=lambda c: c.column)
        label = row[0].row_header.strip()
        # a document whose own period is unknown: each table's newest period column is its latest actual
        row_period = doc_period or newest.get(getattr(row[0], "table", 0))
        breakdown = _breakdown(doc, getattr(row[0], "table", 0))
        if breakdown:
            out.extend(_breakdown_row(doc, row, label, breakdown, row_period))
            continue
        notation = ""
        extra = [c for c in row if _kind(_headers(c)) == "label"]
        codes = [c for c in row if _kind(_headers(c)) == "notation"]
        if extra:
            name = extra[0].span.quote.strip()
            code = None if codes else (_CODE.match(label) or _SHORT_CODE.match(label))
            if code and label[code.end() :].strip():
                # "ENV4b maintenance treatment": the code, then the rest of the name column's words wrapped
                # onto the next line (read into the row's label by a space-aligned table's reader)
                notation, label = code.group(1), f"{name} {label[code.end() :].strip()}"
            else:
                notation = label if not codes else codes[0].span.quote.strip()
                label = name
        elif codes:
            notation = codes[0].span.quote.strip()
        if m := _CODE.match(label) or (_coded(doc, getattr(row[0], "table", 0)) and _SHORT_CODE.match(label)):
            notation, label = m.group(1), label[m.end() :]
        label = _polarity_re().sub("", label).rstrip(" :")  # "H4 Void re-let time:" then its figures
        if not label or not re.search(r"[A-Za-z]{3}", label):
            continue
        rag = direction = None
        for c in row:
            kind = _kind(_headers(c))
            if kind == "rag":
                rag = _rag(c.span.quote) or rag
            elif kind == "direction":
                direction = _cell_direction(c.span.quote) or direction
        start, end = _row_quote(doc.text, row)
        hint_free = _HINT.sub("", label).strip()
        # figures under no header at all (a table whose heading row was lost or merged): one is the row's
        # figure; of several, which is this period's, a target or a comparator cannot be known
        headless = [c for c in row if not _headers(c).strip() and _value(c.span.quote) is not None]
        for c in row:
            header = _headers(c)
            if len(headless) > 1 and c in headless:
                notes.append(f"table cell {c.span.quote!r} at {c.span.start}: no column header")
                continue
            kind = _kind(header)
            if kind == "skip" and _narrative_re().search(header) and re.search(r"\d", c.span.quote):
                out.extend(_narrative(c, hint_free, row_period))
                continue
            if kind in ("label", "notation", "rag", "direction", "skip", "forecast", "annual_target"):
                continue
            parsed = _value(c.span.quote)
            if parsed is None:
                continue
            value, _provisional = parsed
            unit, unit_words, base = _unit(label, c.span.quote)
            guessed = unit == "count" and not _cell_unit(c.span.quote) and \
                not _label_unit_res()["count"].search(label)
            measure, area, period = "actual", "council", row_period
            if code := _comparator(header):
                measure, area = "benchmark", code
                named = _period_role(header, row_period)
                period = named[1] if named else row_period
            elif kind == "target":
                measure = "target"
                period = _target_period(header, row_period)
            elif kind == "previous":
                measure = "previous"
                named = _period_role(header, row_period)
                period = named[1] if named else None
            elif (named := _period_role(header, row_period)) is not None:
                measure, period = named
            elif own := _stated_actual(header):
                measure, period = "actual", own  # "Q1 2024/25 Value": the column says whose figure it is
            elif kind != "actual" and header.strip():
                notes.append(f"table cell {c.span.quote!r} at {c.span.start}: column '{header}' unread")
                continue
            out.append(Found(
                phrase=hint_free, start=start, end=end, value=value, unit=unit, measure=measure, area=area,
                period=period if measure != "actual" or period != doc_period else None, unit_words=unit_words,
                rate_base=base, direction=direction if measure == "actual" else None,
                rag=rag if measure == "actual" else None,
                notation=notation, unit_guessed=guessed,
            ))
    return out, notes


@cache
def _narrative_re() -> re.Pattern[str]:
    return re.compile(alternation(words()["narrative_columns"]), re.I)


def _narrative(cell: TableCell, label: str, doc_period: str | None) -> list[Found]:
    """Figures in a row's commentary cell ("Although the 2023 result of 90% is ..."), read as prose: a figure
    that names no measure of its own is the row's."""
    from kg.extract.figures.prose import read_prose
    from kg.text import build

    found, _notes = read_prose(build(cell.span.quote), doc_period, subject=label)
    for f in found:
        f.start, f.end = cell.span.start + f.start, cell.span.start + f.end
    return found


def _subject_from_caption(head: str, caption: str) -> str:
    """A column head that opens with the verb of the table's title has lost its subject to the title:
    "Collected to date (%)" under "Rent collected in the year, by tenure" is rent collected to date."""
    first = head.split()[0].lower() if head.split() else ""
    participle = _participle(first)
    m = re.search(r"\b" + re.escape(first) + r"\b", caption, re.I) if participle else None
    if not m or m.start() == 0:
        return head
    return f"{caption[: m.start()].strip()} {head[:1].lower()}{head[1:]}"


def _participle(word: str) -> bool:
    word = word.lower()
    return word.endswith(("ed", "en")) or word in words()["irregular_participles"]


def _subject_from_column(head: str, before: str) -> str:
    """A column head that opens with a participle has lost its subject to the column before it, whose head
    names it with another participle: "Calls received | Answered within 60 seconds (%)" is calls answered
    within 60 seconds."""
    parts, earlier = head.split(), before.split()
    if not parts or not _participle(parts[0]):
        return head
    cut = next((k for k, w in enumerate(earlier) if k and _participle(w)), None)
    if cut is None:
        return head
    return f"{' '.join(earlier[:cut])} {head[:1].lower()}{head[1:]}"


@cache
def _narrowing_re() -> re.Pattern[str]:
    """A column head that opens with a preposition narrows the measure of the column before it: "Plans
    issued | Within 20 weeks", "Referrals | Of which repeat"."""
    return re.compile(r"^(?:" + alternation(words()["narrowing_heads"]) + r")\b", re.I)


def _breakdown_row(doc: SourceDoc, row: list[TableCell], part: str, breakdown: tuple[str, str, str],
                   doc_period: str | None) -> list[Found]:
    """One row of a breakdown: each value column's header (or else the table's title) names the measure;
    the row is the part (a place becomes the figure's area; another part qualifies the measure)."""
    dimension, caption, title = breakdown
    place = bool(_list_re("place_dimensions").match(dimension))
    total = bool(_list_re("total_rows").match(part))
    start, end = _row_quote(doc.text, row)
    out = []
    # the last value column's measure: a column headed "Within 20 weeks" or "Of which" narrows it, and a "%"
    # column after it is that count as a share
    before = ""
    for c in row:
        header = _headers(c)
        parsed = _value(c.span.quote)
        if parsed is None or _kind(header) in ("notation", "rag", "direction", "skip", "forecast", "label"):
            continue
        kind = _kind(header)
        if kind in ("target", "previous") or _comparator(header):
            # a target, an earlier period's or a comparator's column beside the parts: the title's measure
            # with that column's role ("Authority | 2023/24 | 2024/25 | Target")
            if caption:
                out.append(_breakdown_role(c, header, kind, caption, title, part, place, total, doc_period,
                                           (start, end)))
            continue
        named = _period_role(header, doc_period)
        measure_name = re.sub(r"\s*\b(?:q[1-4]|quarter\s*[1-4])\b|\s*(?:19|20)?\d\d\s*/\s*\d\d\b", "", header,
                              flags=re.I).strip(" ,:-–")
        if _narrowing_re().match(measure_name):
            if not before:
                continue  # "Within 20 weeks" of nothing named: the measure it narrows is unknown
            measure_name = f"{before} {measure_name[:1].lower()}{measure_name[1:]}"
        worded = re.search(r"[a-z]{3}", measure_name, re.I) and _kind(measure_name) is None
        share = not worded and measure_name.strip("() ") == "%" and before
        phrase = measure_name if worded else f"{before} (%)" if share else caption
        earlier, before = before, measure_name if worded else before
        if worded and caption:
            phrase = _subject_from_caption(phrase, caption)
        if worded and earlier and phrase == measure_name:
            phrase = _subject_from_column(phrase, earlier)
        if not phrase:
            continue
        unit, unit_words, base = _unit(f"{phrase} {header} {title}", c.span.quote)
        measure, period = ("actual", None) if named is None else (named[0], named[1])
        if not place and not total:
            phrase = f"{_HINT.sub('', phrase).strip()} - {part}"
        out.append(Found(
            phrase=_HINT.sub("", phrase).strip(), start=start, end=end, value=parsed[0], unit=unit,
            measure=measure, area=part if place and not total else "council",
            period=period if measure != "actual" else None, unit_words=unit_words, rate_base=base,
        ))
    return out


def _breakdown_role(cell: TableCell, header: str, kind: str | None, caption: str, title: str, part: str,
                    place: bool, total: bool, doc_period: str | None, quote: tuple[int, int]) -> Found:
    """A breakdown row's figure under a target, previous-period or comparator column: named by the table's
    title, its measure and period from the column; a comparator's figure is for the comparator's area."""
    value = _value(cell.span.quote)
    assert value is not None
    unit, unit_words, base = _unit(f"{caption} {header} {title}", cell.span.quote)
    phrase = _HINT.sub("", caption).strip()
    area = part if place and not total else "council"
    if not place and not total:
        phrase = f"{phrase} - {part}"
    if code := _comparator(header):
        measure, area = "benchmark", code
        named = _period_role(header, doc_period)
        period = named[1] if named else doc_period
    elif kind == "target":
        measure, period = "target", _target_period(header, doc_period)
    else:
        named = _period_role(header, doc_period)
        measure, period = "previous", named[1] if named else None
    return Found(phrase=phrase, start=quote[0], end=quote[1], value=value[0], unit=unit, measure=measure,
                 area=area, period=period, unit_words=unit_words, rate_base=base)

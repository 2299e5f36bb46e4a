"""Scorecards flattened by PDF-to-text: each row one line of label words then its figures, single spaces.

The header line names the columns ("Code Measure Q3 Target Q2 Wales Status DoT"); a second header
line may complete some of them ("24/25 24/25 NN"). A row's values are matched from the RIGHT against the
header's value columns, so a label that itself holds numbers ("answered within 20 working days") keeps
them. A row with fewer values than columns cannot say which is blank: it stays in the table, without cells.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from kg.read.table_parts import (
    PAGE_RANGE,
    Found,
    Line,
    Row,
    caption,
    is_furniture,
    is_label_tail,
    is_number,
    is_period,
    is_status_head,
    is_value,
    is_word_value,
    words,
)

Token = tuple[int, int, str]  # start, end, text
_YEARISH = re.compile(r"(?:19|20)\d{2}(?:[/-]\d{2,4})?|\d{2}/\d{2}")
_QUARTER = re.compile(r"q(?:tr)?\s?[1-4]|(?:quarter|term|half)\s[1-4]|h[12]|"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*", re.I)
_MEASURES = {"target", "actual", "forecast", "budget", "outturn", "profile", "plan"}
_CONNECTOR = {"of", "in", "and", "to", "the", "with", "for", "per", "at", "by", "from", "on", "or", "a", "an"}


_WORD = re.compile(r"\S+")
# "Table 2 (continued)", "Appendix A (cont'd)": a caption printed again over the rest of a table on a new page
_CONTINUED = re.compile(r"^(?:table|appendix|annex|figure|scorecard)\b.{0,40}"
                        r"\((?:continued|cont'?d\.?|cont\.)\)$", re.I)


@cache
def _arrow_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(a) for a in sorted(words()["arrows"], key=len, reverse=True)))


@cache
def _unit_re() -> re.Pattern[str]:
    units = sorted(words()["cell_units"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units) + r")\b", re.I)


def _with_units(text: str, raw: list[Token]) -> list[Token]:
    """A figure followed by its unit ("2 days", "10.9 weeks") is one cell, unless a preposition or another
    label word comes before the number ("answered within 20 working days": the label's own words)."""
    out: list[Token] = []
    k = 0
    while k < len(raw):
        tok = raw[k]
        m = None
        if is_number(tok[2]) and k + 1 < len(raw) and raw[k + 1][2][:1].isalpha():
            before = raw[k - 1][2].lower().strip("(),:;") if k else ""
            if before not in words()["label_before_number"]:
                m = _unit_re().match(text, tok[1])
        if m:
            end = m.end()
            while k + 1 < len(raw) and raw[k + 1][1] <= end:
                k += 1
            out.append((tok[0], end, text[tok[0] : end]))
        else:
            out.append(tok)
        k += 1
    return out


_PERIOD_WORDS = frozenset({"quarter", "qtr", "term", "half"})


def _with_periods(text: str, raw: list[Token]) -> list[Token]:
    """A period word and its number one space apart ("Term 1", "Quarter 2", "Half 1") are one head, not a
    word and a figure: a school session's terms head columns as quarters do."""
    out: list[Token] = []
    for tok in raw:
        if (out and out[-1][2].lower() in _PERIOD_WORDS and re.fullmatch(r"[1-4]", tok[2])
                and tok[0] == out[-1][1] + 1):
            out[-1] = (out[-1][0], tok[1], text[out[-1][0] : tok[1]])
        else:
            out.append(tok)
    return out


def _is_cell(token: str) -> bool:
    """A value, or a figure with its unit joined by `_with_units`."""
    if is_value(token):
        return True
    number, _, unit = token.partition(" ")
    return bool(unit) and is_number(number) and " ".join(unit.split()).lower() in words()["cell_units"]


def _tokens(text: str, line: Line) -> list[Token]:
    """Words of a line; an arrow followed by a direction word ("↑ Improving") is one value, and so is a
    figure followed by its unit ("2 days")."""
    at = line.start  # every line of every document is tokenised here (is it a table's header?)
    raw = [(at + m.start(), at + m.end(), m.group()) for m in _WORD.finditer(line.text)]
    if any(c.isdigit() for c in line.text):
        raw = _with_periods(text, _with_units(text, raw))
    if not _arrow_re().search(line.text):
        return raw  # no word can be an arrow: nothing to join (nearly every line)
    arrows, trend = words()["arrows"], words()["trend"]
    out: list[Token] = []
    for tok in raw:
        if out and out[-1][2] in arrows and tok[2].lower() in trend:
            out[-1] = (out[-1][0], tok[1], text[out[-1][0] : tok[1]])
        else:
            out.append(tok)
    return out


def _trailing(tokens: Sequence[Token]) -> int:
    """How many values end the line; 0 for an agenda line ending in a page range or dot leaders."""
    if not tokens:
        return 0
    if (
        PAGE_RANGE.fullmatch(" ".join(t[2] for t in tokens[-3:]))
        or PAGE_RANGE.fullmatch(tokens[-1][2])
        or any("...." in t[2] for t in tokens)
    ):
        return 0
    n = 0
    for tok in reversed(tokens):
        if not _is_cell(tok[2]):
            break
        n += 1
    if n == len(tokens):
        return 0  # no label: a line of numbers is not a row
    return n


@lru_cache(maxsize=8192)  # pure: a word of a line; asked of every word of every line
def _is_head_word(token: str) -> bool:
    t = token.lower().strip("()*:")
    return t in words()["heads"] or is_period(token)


def _units(tokens: Sequence[Token], measures: bool) -> list[list[Token]]:
    """The header's column heads: a head word or a period starts one; a year completes a head that has
    none ("Target 2024/25", "Q1 2024/25"); words that continue a head ("average", "NN") join it. With
    `measures`, a measure word completes a bare quarter ("Q3 Target")."""
    units: list[list[Token]] = []
    for tok in tokens:
        t = tok[2]
        low = t.lower()
        if units:
            unit = units[-1]
            has_year = any(_YEARISH.fullmatch(u[2]) for u in unit)
            head = unit[0][2]
            if low in words()["joins"] or (t[:1].islower() and not is_period(t)):
                unit.append(tok)
                continue
            if measures and len(unit) == 1 and _QUARTER.fullmatch(head) and low in _MEASURES:
                unit.append(tok)
                continue
            if (
                _YEARISH.fullmatch(t)
                and not has_year
                and (_QUARTER.fullmatch(head) or _is_head_word(head))
                and (not _YEARISH.fullmatch(head))
            ):
                unit.append(tok)
                continue
        units.append([tok])
    return units


def _segment(tokens: Sequence[Token], n_value: int) -> list[list[Token]] | None:
    """The reading of the header with `n_value` value columns whose label part holds no period and whose
    value columns are best made of head words: "Q2 Target Q1" is three columns where rows have that many
    values after the label, "Q3 Target" one column where they have one fewer."""
    options = []
    for measures in (False, True):
        units = _units(tokens, measures)
        if len(units) < n_value:
            continue
        label, values = units[: len(units) - n_value], units[len(units) - n_value :]
        dated = any(is_period(t[2]) for u in label for t in u)
        lacking = sum(not any(_is_head_word(t[2]) for t in u) for u in values)
        options.append((dated, lacking, measures, units))
    if not options:
        return None
    return min(options, key=lambda o: o[:3])[3]


def _is_header(tokens: Sequence[Token]) -> bool:
    if not 3 <= len(tokens) <= 30 or sum(_is_head_word(t[2]) for t in tokens) < 2:
        return False
    return not any(is_value(t[2]) and not is_period(t[2]) for t in tokens)


def _assignable(tokens: Sequence[Token]) -> list[Token]:
    """A second header line's tokens that complete a column head: a note in brackets ("(ASCOF 22/23)") and
    words going on in lower case from the line above ("Direction of" / "travel") are left as written."""
    out: list[Token] = []
    depth = 0
    for tok in tokens:
        word = tok[2]
        if depth or word.startswith("("):
            depth = max(0, depth + word.count("(") - word.count(")"))
            continue
        if word[:1].islower() and word.lower().strip(".") not in words()["completing"]:
            continue  # ("average", "neighbours" complete a comparator's head: "Wales / average")
        out.append(tok)
    return out


def _continuation(tokens: Sequence[Token], n_value: int) -> bool:
    """A second header line: a few periods, short abbreviations and the words that complete a head printed
    over two lines ("NI / Average", "Stat. / neighbours", "London / avg"), no label words."""
    return 0 < len(tokens) <= n_value and all(
        is_period(t[2])
        or (len(t[2]) <= 5 and t[2][:1].isupper() and not is_value(t[2]))
        or (t[2].lower().strip(".()") in words()["joins"] or _is_head_word(t[2].strip(".")))
        for t in tokens
    )


def _assign(tokens: Sequence[Token], units: Sequence[list[Token]]) -> list[int] | None:
    """Which value column each continuation token completes, left to right, one token a column at most:
    a year goes to a quarter or a measure without one; an abbreviation to an acronym head ("CIPFA NN")."""

    def score(tok: Token, unit: list[Token]) -> float:
        head = " ".join(u[2] for u in unit)
        if is_status_head(head):
            return -1.0
        if _YEARISH.fullmatch(tok[2]):
            if any(_YEARISH.fullmatch(u[2]) for u in unit):
                return -1.0
            # a quarter takes its year first, then a measure ("Target 24/25"), then any other head
            return 3.0 if _QUARTER.fullmatch(unit[0][2]) else 2.0 if unit[0][2].lower() in _MEASURES else 1.0
        word = tok[2].lower().strip(".")
        if word in words()["completing"]:
            # "median" under "Wales", not under the "Quartile" or "Target" beside it
            named = any(u[2].lower().strip("():*") in words()["comparators"] for u in unit)
            done = any(u[2].lower().strip(".") in words()["completing"] for u in unit)
            return 3.0 if named and not done else 0.5
        if re.fullmatch(r"[A-Z]{2,}", unit[-1][2]) and not any(_YEARISH.fullmatch(u[2]) for u in unit):
            return 3.0
        return 1.0

    n, m = len(tokens), len(units)
    best: dict[tuple[int, int], tuple[float, list[int]] | None] = {}

    def solve(t: int, u: int) -> tuple[float, list[int]] | None:
        if t == n:
            return 0.0, []
        if m - u < n - t:
            return None
        if (t, u) in best:
            return best[(t, u)]
        options = []
        skip = solve(t, u + 1)
        if skip is not None:
            options.append(skip)
        s = score(tokens[t], units[u])
        rest = solve(t + 1, u + 1)
        if s >= 0 and rest is not None:
            options.append((s + rest[0], [u, *rest[1]]))
        # ties go to the column further right: a head printed on one line sits on the first line
        result = max(options, key=lambda o: (o[0], o[1])) if options else None
        best[(t, u)] = result
        return result

    found = solve(0, 0)
    return found[1] if found else None


def _short_row(
    values: Sequence[Token], units: Sequence[list[Token]], n_label: int
) -> tuple[tuple[int, int, int], ...]:
    """A row with fewer values than columns: rating and direction words go to the rating and direction
    columns from the right (a column of those left blank is skipped); the figures left are placed only when
    they are exactly as many as the figure columns left, else which one is blank cannot be known."""
    heads = [" ".join(t[2] for t in unit) for unit in units]
    out: list[tuple[int, int, int]] = []
    v, c = len(values) - 1, len(units) - 1
    while v >= 0 and c >= 0 and is_status_head(heads[c]):
        word = is_word_value(values[v][2]) and values[v][2].lower() not in words()["missing"]
        if word:
            out.append((n_label + c, values[v][0], values[v][1]))
            v -= 1
        c -= 1
    if v + 1 == c + 1 and not any(is_status_head(h) for h in heads[: c + 1]):
        out.extend((n_label + k, values[k][0], values[k][1]) for k in range(v + 1))
    return tuple(sorted(out))


def _tail_heads(tokens: Sequence[Token]) -> int:
    """How many words end the header naming free-text columns ("Comments", "Lead officer Commentary")."""
    n = 0
    for tok in reversed(tokens):
        if tok[2].lower().strip("():*") not in words()["tail_heads"]:
            break
        n += 1
    return n if n < len(tokens) else 0


def _without_comment(tokens: Sequence[Token]) -> list[Token]:
    """A row up to the end of its last run of two or more values: under a "Comments" head the words after
    them are the row's comment ("... 2.1 2.0 Amber Long term absence fell"), not its label or values."""
    end, run = None, 0
    for k, tok in enumerate(tokens):
        run = run + 1 if _is_cell(tok[2]) else 0
        if run >= 2:
            end = k
    return list(tokens if end is None else tokens[: end + 1])


def _rag_letters(tokens: list[Token]) -> list[Token]:
    """Under a RAG or status head a rating may be its initial ("... 40 36.9 A Better"): a capital R, A or
    G between the row's figures and its last values is that column's cell (read as a rating word, the
    cell keeping its own text), never a word of the label."""
    out = list(tokens)
    for k in range(1, len(out)):
        t = out[k][2]
        if (
            t.isupper()
            and t.lower() in words()["rag_letters"]
            and _is_cell(out[k - 1][2])
            and all(_is_cell(x[2]) for x in out[k + 1 :])
        ):
            rating = next(w for w in sorted(words()["rag"]) if w[:1] == t.lower())
            out[k] = (out[k][0], out[k][1], rating)
    return out


def _quartile_words(tokens: list[Token], kind: str = "quartile_cells") -> list[Token]:
    """Under a "Quartile" head a row's quartile is written in words ("... 56.8 Upper middle Green"): the
    words, one or two, are one cell with no figure (its text kept by its offsets), never the label's. Under
    a status head, so is a status in words ("... 15 18.9 Not met"; `kind` "status_cells")."""
    cells = {str(w).lower() for w in words()[kind]}
    out = list(tokens)
    k = len(out) - 1
    while k >= 1:
        pair = f"{out[k - 1][2]} {out[k][2]}".lower()
        if pair in cells and _is_cell(out[k - 2][2] if k >= 2 else ""):
            out[k - 1 : k + 1] = [(out[k - 1][0], out[k][1], "-")]
        elif out[k][2].lower() in cells and _is_cell(out[k - 1][2]):
            out[k] = (out[k][0], out[k][1], "-")
        k -= 1
    return out


def _status_degree(tokens: list[Token]) -> list[Token]:
    """Under a status head a status may open with a word of degree ("... 70.0 Just below target
    Stable"): the degree word joins the status word after it (that word's text kept), so the status is
    read as one cell by `_quartile_words`, never as the last word of the label."""
    cells = {str(w).lower() for w in words()["status_cells"]}
    out = list(tokens)
    for k in range(len(out) - 2, 0, -1):
        if out[k][2].lower() not in words()["status_degrees"] or not _is_cell(out[k - 1][2]):
            continue
        rest = [t[2].lower() for t in out[k + 1 : k + 3]]
        if rest[:1] and (rest[0] in cells or " ".join(rest) in cells):
            out[k : k + 2] = [(out[k][0], out[k + 1][1], out[k + 1][2])]
    return out


def _comment_words(tokens: Sequence[Token], extra: int) -> list[Token]:
    """Under a "Comment" head a comment of one word that reads as a value ("... 12 9 - Lower") leaves a
    row with more values than the table has value columns: up to `extra` words (never figures) ending the
    row are that comment, so the figures keep their own columns."""
    out = list(tokens)
    while extra and out and not is_number(out[-1][2]) and is_word_value(out[-1][2]):
        out.pop()
        extra -= 1
    return out


def _split_status(tokens: Sequence[Token], below: Sequence[Token]) -> list[Token] | None:
    """A row whose last cell wrapped with its label's unit, as a PDF converter gives two wrapped cells ("...
    88 - Above" over "(%) target"): the unit ends the label and the status's words make one cell."""
    if len(below) < 2 or len(tokens) < 3 or not is_label_tail(below[0][2]) or _is_cell(tokens[-1][2]):
        return None
    status = " ".join(t[2] for t in [tokens[-1], *below[1:]]).lower()
    if status not in {str(w).lower() for w in words()["status_cells"]}:
        return None
    row = [*tokens[:-1], (tokens[-1][0], below[-1][1], "-")]
    n = _trailing(row)
    if n < 2:
        return None
    return [*row[: len(row) - n], below[0], *row[len(row) - n :]]


def _footer_once(text: str, lines: Sequence[Line], j: int) -> bool:
    """A running footer printed once, on the line over a bare page number ("Council - Committee - 4 May
    2025" / "Page 3"): page furniture inside the table, not a row nor a label."""
    return (
        j + 1 < len(lines)
        and not lines[j + 1].blank
        and is_furniture(lines[j + 1].text, frozenset())
        and " - " in lines[j].text
        and _trailing(_tokens(text, lines[j])) < 2
    )


@cache
def _missing_phrases() -> frozenset[tuple[str, ...]]:
    """Words a scorecard writes in a cell for "no figure here" ("New measure", "Not available", "No target"),
    as word tuples (kg/data/tables.yaml: cells.missing)."""
    from kg.read.tables_cells import _words as cell_words

    return frozenset(tuple(p.split()) for p in cell_words()["missing"] if " " in p)


def _missing_words(tokens: list[Token]) -> list[Token]:
    """A row ending in a phrase that stands for no figure ("... n/a 6.5 - - New measure"): the phrase is one
    cell ("-"), its text kept by its offsets, so the row still ends in values."""
    for size in (3, 2):
        if len(tokens) > size and tuple(t[2].lower() for t in tokens[-size:]) in _missing_phrases() \
                and _is_cell(tokens[-size - 1][2]):
            return [*tokens[:-size], (tokens[-size][0], tokens[-1][1], "-")]
    return tokens


def _unit_tail(tokens: Sequence[Token]) -> bool:
    """A short bracket alone on the line below a row: the end of its wrapped label (`is_label_tail`)."""
    return is_label_tail(" ".join(t[2] for t in tokens))


def flattened(text: str, lines: Sequence[Line], i: int, repeated: frozenset[str]) -> tuple[Found, int] | None:
    if len(lines[i].text.split()) < 3:
        return None  # a header has 3 tokens or more, and a line has no more tokens than words (str.split
        # and `\S+` split at the same characters; joining an arrow to its word only lowers the count)
    head_tokens = _tokens(text, lines[i])
    # a last column of free text ("Comments"): its words end each row after the figures
    commented = _tail_heads(head_tokens)
    if commented:
        head_tokens = head_tokens[: len(head_tokens) - commented]
    if not _is_header(head_tokens):
        return None

    rated = any(is_status_head(t[2]) for t in head_tokens)
    ranked = any(t[2].lower().strip("():") == "quartile" for t in head_tokens)

    def row_tokens(line: Line) -> list[Token]:
        tokens = _missing_words(_tokens(text, line))
        if rated:
            tokens = _quartile_words(_rag_letters(_status_degree(tokens)), "status_cells")
        if ranked:
            tokens = _quartile_words(tokens)
        return _without_comment(tokens) if commented else tokens

    def opens_rows(k: int) -> bool:
        """A row, or a label line whose row follows (an indicator's name wrapped over two lines)."""
        if k >= len(lines) or lines[k].blank:
            return False
        n = _trailing(tokens := row_tokens(lines[k]))
        return n >= 2 or (n == 0 and len(tokens) <= 14 and k + 1 < len(lines) and not lines[k + 1].blank
                          and _trailing(row_tokens(lines[k + 1])) >= 2)

    def heads_rows(k: int) -> bool:
        """A line of no figures with a row under it."""
        return (not lines[k].blank and k + 1 < len(lines) and _trailing(row_tokens(lines[k])) == 0
                and _trailing(row_tokens(lines[k + 1])) >= 2)

    j = i + 1
    # a page break between a two-line header's lines: its second line heads the next page, rows below it (a
    # header printed again on later pages is "repeated", so furniture-like: it stops the skip all the same)
    k = j
    while k < len(lines) and (lines[k].blank or is_furniture(lines[k].text, repeated)) and not heads_rows(k):
        k += 1
    if (k > j and any(is_furniture(lines[x].text, repeated) for x in range(j, k)) and k + 1 < len(lines)
            and heads_rows(k)):
        j = k
    second: list[Token] = []
    if j < len(lines) and not lines[j].blank and _trailing(row_tokens(lines[j])) == 0:
        second = _tokens(text, lines[j])
        j += 1
        # a third header line of periods alone ("23/24" under a two-line "Wales / average"): which head each
        # completes cannot be told once the columns are flattened, so it is passed over
        while j < len(lines) and j - i <= 3 and not lines[j].blank and (more := _tokens(text, lines[j])) \
                and all(is_period(t[2]) for t in more):
            j += 1
    header_lines = {" ".join(lines[x].text.split()) for x in range(i, j)}

    def again(line: str) -> bool:
        """After a page break: the table's caption marked as continued, or its header printed again."""
        flat = " ".join(line.split())
        return flat in header_lines or bool(_CONTINUED.search(flat))

    # rows: lines ending in values, with page furniture, label lines and group headings among them
    members: list[tuple[int, str, list[Token]]] = []
    while j < len(lines):
        line = lines[j]
        if line.blank or is_furniture(line.text, repeated):
            k = j
            while k < len(lines) and (
                lines[k].blank or is_furniture(lines[k].text, repeated) or again(lines[k].text)
            ):
                k += 1
            # a running head printed once (a two-page paper) under the page number, a blank line below it
            if (k + 1 < len(lines) and lines[k + 1].blank and _trailing(_tokens(text, lines[k])) < 2
                    and any(is_furniture(lines[x].text, repeated) for x in range(j, k))):
                k += 1
                while k < len(lines) and (lines[k].blank or is_furniture(lines[k].text, repeated)):
                    k += 1
            if (
                k < len(lines)
                and members
                and opens_rows(k)  # a row, or a wrapped name's first line, heads the next page
                and any(is_furniture(lines[x].text, repeated) for x in range(j, k))
            ):
                j = k
                continue
            break
        if members and _footer_once(text, lines, j):
            k = j + 2
            while k < len(lines) and (lines[k].blank or is_furniture(lines[k].text, repeated)):
                k += 1
            if k < len(lines) and opens_rows(k):
                j = k  # the rows go on after the page break
                continue
        tokens = row_tokens(line)
        n = _trailing(tokens)
        if n < 2 and rated and j + 1 < len(lines) and (
            split := _split_status(tokens, _tokens(text, lines[j + 1]))
        ):
            members.append((j, "row", split))
            j += 2
            continue
        if n >= 2:
            members.append((j, "row", tokens))
        elif n == 0 and members and members[-1][1] == "row" and _unit_tail(tokens):
            members.append((j, "tail", tokens))  # "(days)" under its row: the end of the row's label
        elif (
            len(tokens) <= 14
            and j + 1 < len(lines)
            and _trailing(nxt := row_tokens(lines[j + 1])) >= 2
            and (n == 0 or nxt[0][2][:1].islower())
        ):
            members.append((j, "label", tokens))  # a group heading or the first line of a wrapped label
        elif n == 0 and members and members[-1][1] == "row" and tokens[0][2][:1].islower():
            members.append((j, "tail", tokens))  # a wrapped label going on below its row
        else:
            break
        j += 1
    rows_only = [m for m in members if m[1] == "row"]
    if len(rows_only) < 2:
        return None
    n_value = Counter(min(_trailing(t), 40) for _, _, t in rows_only).most_common(1)[0][0]
    second = _assignable(second)
    if second and not _continuation(second, n_value):
        return None  # the line under the header is text, not a header: not a scorecard
    units = _segment(head_tokens, n_value)
    if units is None:
        return None
    value_units = units[len(units) - n_value :]
    n_label = max(1, len(units) - n_value)
    heads: list[tuple[int, int, int, int, int]] = []
    if len(units) > n_value:
        label_units = units[: len(units) - n_value]
        heads.append((0, 0, 0, label_units[0][0][0], label_units[-1][-1][1]))
    for k, unit in enumerate(value_units):
        heads.append((0, n_label + k, n_label + k, unit[0][0], unit[-1][1]))
    if second:
        assigned = _assign(second, value_units)
        if assigned is None:
            return None
        for tok, k in zip(second, assigned, strict=True):
            heads.append((1, n_label + k, n_label + k, tok[0], tok[1]))
    rows: list[Row] = []
    pending: list[Token] = []
    for idx, (_, kind, tokens) in enumerate(members):
        if kind == "label":
            nxt = members[idx + 1][2] if idx + 1 < len(members) else []
            # the next row's label goes on in lower case, after a joining word, or in brackets
            # ("(cumulative)": a bracket opens no indicator's name)
            wraps = bool(nxt) and (nxt[0][2][:1].islower() or tokens[-1][2].lower() in _CONNECTOR
                                   or nxt[0][2][:1] == "(")
            pending = list(tokens) if wraps else []
            continue
        if kind == "tail":
            prev = rows[-1]
            span = (prev.label[0] if prev.label else tokens[0][0], tokens[-1][1])
            rows[-1] = Row(span, f"{prev.label_text} {' '.join(t[2] for t in tokens)}", prev.cells)
            continue
        n = _trailing(tokens)
        if commented and n > n_value:
            tokens = _comment_words(tokens, n - n_value)
            n = _trailing(tokens)
        label = pending + list(tokens[: len(tokens) - min(n, n_value)])
        pending = []
        span = (label[0][0], label[-1][1]) if label else None
        label_text = " ".join(t[2] for t in label)
        if n >= n_value:
            values = tokens[len(tokens) - n_value :]
            cells = tuple((n_label + k, t[0], t[1]) for k, t in enumerate(values))
        else:
            cells = _short_row(tokens[len(tokens) - n :], value_units, n_label)
        rows.append(Row(span, label_text, cells))
    last = members[-1][0]
    start = head_tokens[0][0]
    return (
        Found(
            "flattened",
            start,
            lines[last].end,
            tuple(heads),
            tuple(rows),
            n_label + n_value,
            n_label,
            caption(lines, i),
        ),
        last + 1,
    )

"""Lines of the rendition, with running page furniture and table lines marked."""

from __future__ import annotations

import re
from collections import Counter

from kg.text.rules import furniture_res
from kg.text.units import Line

_DIGITS = re.compile(r"\d+")


def _overlaps(start: int, end: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(a < end and start < b for a, b in ranges) if end > start else any(
        a <= start < b for a, b in ranges
    )


def lines(text: str, tables: tuple[tuple[int, int], ...] = ()) -> tuple[Line, ...]:
    """Every line with its offsets. A line is furniture when it is a page number or a running header or
    footer: it matches a furniture pattern, or the same line (digits aside) recurs on several pages."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        raw.append((pos, pos + len(part)))
        pos += len(part) + 1
    shapes = Counter(
        _DIGITS.sub("#", text[s:e].strip()) for s, e in raw if len(text[s:e].strip()) >= 25
    )
    out: list[Line] = []
    for s, e in raw:
        body = text[s:e]
        stripped = body.strip()
        blank = not stripped
        furniture = not blank and (
            any(p.match(body) for p in furniture_res())
            or (
                len(stripped) >= 25
                and shapes[_DIGITS.sub("#", stripped)] >= 2
                and not stripped.endswith((".", ":", ";", ","))
                and not _LIST_OPENING.match(stripped)
                and _running(body)
            )
        )
        out.append(Line(s, e, blank, furniture, _overlaps(s, e, tables)))
    return tuple(out)


# A line opening as a list item ("- Noted the content of ... Appendix 2", "(ii) to note ..."): a decision a
# ModernGov page repeats in its Decision and Minutes blocks, not a running header
_LIST_OPENING = re.compile(r"(?:[-•·*–]\s+|\(?(?:[ivx]{1,4}|[a-z]|\d{1,2})\)\s+)\S", re.I)


def _running(line: str) -> bool:
    """A repeated line is running furniture when it carries a page number or date-like run of digits
    or it is set apart by wide spacing (a header laid out in columns)."""
    return bool(re.search(r"\s{3,}\S|\bpage\b|\d", line, re.I))

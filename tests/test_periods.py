"""Reporting periods normalised to financial-year quarters and years."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.periods import find_period, find_year, normalise_period, period_end, period_iri, quarter_of, sort_key


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Quarter 2: 2017/18 Performance Management Report", "2017/18 Q2"),
        ("Quarter One 2023/24 Performance Management Report", "2023/24 Q1"),
        ("for the first quarter of 2023-24 (for copy of report", "2023/24 Q1"),
        ("This report provides quarter 2 (July – September) 2017/18 performance", "2017/18 Q2"),
        ("PERFORMANCE INDICATORS Q2 2017/18", "2017/18 Q2"),
        ("the second quarter of the 2017/18 financial year", "2017/18 Q2"),
        ("Qtr 3 2019/20", "2019/20 Q3"),
        ("performance as at December 2020", "2020/21 Q3"),
        ("The report covered April to June 2023.", "2023/24 Q1"),
        # a year-to-date range is labelled by the quarter it reaches
        ("cumulative performance April to December 2024", "2024/25 Q3"),
        ("QUARTER 2 PERFORMANCE REPORT 2024/25", "2024/25 Q2"),
        ("Half Year Performance Report 2024-25", "2024/25 Q2"),
        ("Mid-year review of 2023/24", "2023/24 Q2"),
        ("for the quarter ending 31 December 2024", "2024/25 Q3"),
        ("2016/17", "2016/17"),
        ("Q1", "Q1"),
    ],
)
def test_normalise(text: str, label: str) -> None:
    assert normalise_period(text) == label


def test_no_period_in_plan_names_or_bad_years() -> None:
    assert find_period("the Council Plan 2023-27 sets priorities") is None
    # prose between a quarter and a year is no title: the year may be another one's
    assert find_period("in quarter 2 and compared with 2023/24") is None
    assert find_period("absence for the 12-month period ending 31 May 2018") is None  # a rolling year
    assert normalise_period("nothing here") is None
    assert normalise_period("2017/19") is None


def test_iris_and_ordering() -> None:
    assert period_iri("2017/18 Q2") == "http://reference.data.gov.uk/id/government-quarter/2017-2018/Q2"
    assert period_iri("2016/17") == "http://reference.data.gov.uk/id/government-year/2016-2017"
    assert period_iri("Q1") is None
    assert sorted(["2023/24 Q1", "2017/18 Q2", "2017/18", "2017/18 Q4"], key=sort_key) == [
        "2017/18 Q2", "2017/18 Q4", "2017/18", "2023/24 Q1"]
    assert quarter_of(dt.date(2024, 1, 15)) == "2023/24 Q4"
    assert period_end("2023/24 Q1") == dt.date(2023, 6, 30)
    assert period_end("2023/24") == dt.date(2024, 3, 31)


def test_parts_shift_and_make_label() -> None:
    from kg.periods import make_label, parts, shift

    assert parts("2017/18 Q2") == (2017, 2) and parts("2016/17") == (2016, None) and parts("Q1") == (None, 1)
    assert parts(None) == (None, None) and parts("someday") == (None, None)
    assert make_label(2017, 1) == "2017/18 Q1" and make_label(None, 3) == "Q3"
    assert make_label(None, None) is None
    assert shift("2017/18 Q1", quarters=-1) == "2016/17 Q4"
    assert shift("2017/18 Q2", years=-1) == "2016/17 Q2" and shift("2017/18", years=-1) == "2016/17"
    assert shift("Q1", quarters=-1) is None  # no year to step back into


def test_parse_date_reads_a_due_cell_and_a_month_means_its_last_day() -> None:
    """Dates as action logs write them: day first, two- or four-digit years, ISO, a month alone (its last
    day, after the reference date when the year is missing); anything else is no date."""
    import datetime as dt

    from kg.periods import month_end, parse_date

    ref = dt.date(2024, 6, 3)
    assert parse_date("16/01/2025") == dt.date(2025, 1, 16)
    assert parse_date("16/01/25") == dt.date(2025, 1, 16)
    assert parse_date("12 November 2024") == dt.date(2024, 11, 12)
    assert parse_date("2025-03-20") == dt.date(2025, 3, 20)
    assert parse_date("March 2025") == dt.date(2025, 3, 31)
    assert parse_date("February", ref) == dt.date(2025, 2, 28)
    assert parse_date("Sept 2024") == dt.date(2024, 9, 30)
    assert parse_date("Q2 monitoring report") is None and parse_date("may") is None
    assert month_end(2024, 2) == dt.date(2024, 2, 29)


def test_every_period_match_holds_what_mentions_tests_for_first() -> None:
    """`mentions` skips a pattern where the words lack what each of its matches holds ("19"/"20", "quarter"
    or "year", "q", "/"): over reports, minutes and odd-cased text, every match holds it, and the periods
    found are those the patterns find with nothing skipped."""
    import random
    from pathlib import Path

    from kg import periods

    data = Path(__file__).resolve().parent / "data"
    texts = [p.read_text(encoding="utf-8") for d in ("figures", "minutes", "reports") if (data / d).is_dir()
             for p in sorted((data / d).glob("*.txt"))]
    rng = random.Random(5)
    pieces = ["Q2", "qtr 3", "QUARTER ONE", "2023/24", "2019-20", "24/25", "last Quarter", "the same period",
              "LAST YEAR", "a year ago", "first quarter of 2021/22", "Year", "ſ", "K", " ", ", ", "(", "20"]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(300)]
    assert len(texts) > 300
    needs = [(p, lambda s: "19" in s or "20" in s) for p in (*periods._PATTERNS, periods._ANY_FY)]
    needs += [(p, lambda s: "quarter" in s.lower() or "year" in s.lower()) for p, _ in periods._RELATIVE]
    needs += [(periods._ANY_Q, lambda s: "q" in s.lower()), (periods._SHORT_FY, lambda s: "/" in s)]
    found = 0
    for text in texts:
        for pattern, holds in needs:
            for m in pattern.finditer(text):
                found += 1
                assert holds(m.group(0)), (pattern.pattern[:40], m.group(0))
        for ref in (None, "2023/24 Q2"):
            a = rng.randrange(len(text) + 1)
            for lo, hi in ((0, len(text)), (a, min(len(text), a + rng.randrange(200)))):
                assert periods.mentions(text, lo, hi, ref) == _mentions_unfiltered(text, lo, hi, ref)
    assert found > 100


def _mentions_unfiltered(text: str, start: int, end: int, ref: str | None) -> list:
    """`periods.mentions` with every pattern tried (its first half, as written before the tests it skips)."""
    from kg import periods as p

    out: list = []
    taken: list[tuple[int, int]] = []

    def add(label: str | None, a: int, b: int) -> None:
        if not any(x < b and a < y for x, y in taken):
            out.append((label, a, b))
            taken.append((a, b))

    for pattern in p._PATTERNS:
        for m in pattern.finditer(text, start, end):
            y = p._fy_start(m.group("y1"), m.group("y2"))
            q = m.groupdict().get("q") or m.groupdict().get("qw")
            add(p.make_label(y, p._WORDS[q.lower()]) if y else None, m.start(), m.end())
    for pattern, move in p._RELATIVE:
        for m in pattern.finditer(text, start, end):
            add(p.shift(ref, **move) if ref else None, m.start(), m.end())
    ref_year, _ = p.parts(ref)
    for m in p._ANY_Q.finditer(text, start, end):
        add(p.make_label(ref_year, p._WORDS[(m.group("q") or m.group("qw")).lower()]), m.start(), m.end())
    for m in p._ANY_FY.finditer(text, start, end):
        y = p._fy_start(m.group("y1"), m.group("y2"))
        add(p.fy_label(y) if y else None, m.start(), m.end())
    for m in p._SHORT_FY.finditer(text, start, end):
        a, b = int(m.group("a")), int(m.group("b"))
        if b == (a + 1) % 100:
            add(p.fy_label(2000 + a), m.start(), m.end())
    merged: list = []
    for q in sorted(out, key=lambda q: q[1]):
        if merged and merged[-1][0] and q[0] and q[1] - merged[-1][2] <= 3:
            (_, lq), (py, pq) = p.parts(merged[-1][0]), p.parts(q[0])
            if lq and not pq and py is not None:
                merged[-1] = (p.make_label(py, lq), merged[-1][1], q[2])
                continue
        merged.append(q)
    return merged


def test_find_year_reads_the_first_financial_year_and_skips_plan_ranges() -> None:
    """A bare financial year is found with its offsets; a plan's span of years ("2023-27") is none."""
    assert find_year("Council Plan 2023-27 and Outturn 2023/24") == ("2023/24", 33, 40)
    assert find_year("nothing") is None


def test_a_quarter_of_a_short_financial_year_is_one_period() -> None:
    """"Q4 of 24/25" and "Q1 of the 25/26 year" name a quarter of that year, as "Q4 24/25" does; a bare
    "Q3" still takes the reference's year."""
    from kg import periods

    text = "Q4 of 24/25 - 80%; Q1 of the 25/26 year - 87%; Q3 - 69%"
    assert [p[0] for p in periods.mentions(text, 0, len(text), "2024/25 Q2")] == [
        "2024/25 Q4", "2025/26 Q1", "2024/25 Q3"]

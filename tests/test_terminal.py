"""Tables fitted to a terminal's width, cells wrapped and elided, and the progress renderer."""

from __future__ import annotations

import io

from rich.console import Console

from kg.terminal import MIN_WIDTH, Steps, fit_columns, fitted_table, table_width, wrap_cell

HEADERS = ["observation", "indicator", "indicator_label", "value", "unit", "measure", "area", "period",
           "direction", "document", "quote"]


def _rows(n: int = 6) -> list[list[str]]:
    words = "the proportion of children looked after with three or more placements in the year"
    return [[f"https://w3id.org/council-kg/id/observation/{i:04d}", f"indicator-{i}", words, f"{i}.5", "%",
             "actual", "England", "2017/18 Q2", "improved", f"doc-{i}", (words + " ") * 4] for i in range(n)]


def test_every_shown_column_is_readable_at_80_characters() -> None:
    """Eleven columns at 80 characters: the table fits, no shown column is under MIN_WIDTH unless its
    whole content is shorter, and some columns are left out rather than squeezed."""
    rows = _rows()
    fit = fit_columns(HEADERS, rows, 80)
    assert table_width(fit.widths) <= 80
    assert fit.hidden and len(fit.columns) + len(fit.hidden) == len(HEADERS)
    for i, w in zip(fit.columns, fit.widths, strict=True):
        longest = max(len(HEADERS[i]), *(len(r[i]) for r in rows))
        assert w >= min(MIN_WIDTH, longest), (HEADERS[i], w)


def test_an_iri_column_beside_its_label_twin_goes_first() -> None:
    """`indicator` is dropped before anything else because `indicator_label` says the same to a reader."""
    fit = fit_columns(HEADERS, _rows(), 80)
    assert HEADERS.index("indicator") in fit.hidden
    assert HEADERS.index("indicator_label") in fit.columns


def test_kept_columns_stay_and_short_columns_get_their_content() -> None:
    """Columns in `keep` are never dropped; a short column (unit) is as wide as its content."""
    fit = fit_columns(HEADERS, _rows(), 80, keep=["quote", "observation"])
    shown = [HEADERS[i] for i in fit.columns]
    assert "quote" in shown and "observation" in shown
    if "unit" in shown:
        assert fit.widths[shown.index("unit")] == len("unit")


def test_a_wide_terminal_shows_everything_whole() -> None:
    """With room for every value, nothing is hidden and every column is as wide as its widest value."""
    rows = [["a", "bb"], ["ccc", "d"]]
    fit = fit_columns(["x", "y"], rows, 200)
    assert fit.hidden == () and fit.widths == (3, 2)


def test_long_values_are_wrapped_then_elided() -> None:
    """A long value wraps to at most three lines of the column's width, the last ending in an ellipsis;
    a short one is left as it is."""
    text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    cell = wrap_cell(text, 12)
    lines = cell.splitlines()
    assert len(lines) == 3 and all(len(ln) <= 12 for ln in lines) and lines[-1].endswith("…")
    assert wrap_cell("short", 12) == "short"
    long_word = wrap_cell("x" * 50, 10)
    assert all(len(ln) <= 10 for ln in long_word.splitlines())


def test_fitted_table_renders_within_the_width() -> None:
    """The rich table drawn from a fit is no wider than the terminal, and says which columns it left out."""
    table, hidden = fitted_table(HEADERS, _rows(), 80)
    console = Console(file=io.StringIO(), width=80, force_terminal=False)
    console.print(table)
    drawn = console.file.getvalue().splitlines()
    assert drawn and max(len(ln) for ln in drawn) <= 80
    assert hidden and "indicator" in hidden


def test_steps_draw_counts_for_each_step() -> None:
    """The progress renderer shows the step's name and done/total; a new step completes the one before."""
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=120)
    with Steps(console, transient=False) as steps:
        steps("reading the graphs", 3, 10)
        steps.progress.refresh()
        steps("checking against the shapes")
        steps.progress.refresh()
        first = steps.progress.tasks[0]
        assert first.completed == first.total == 10
    text = buf.getvalue()
    assert "reading the graphs" in text and "3/10" in text and "10/10" in text
    assert "checking against the shapes" in text and "elapsed" in text


def test_disabled_steps_draw_nothing() -> None:
    """Where stderr is not a terminal the callback still works and nothing is written."""
    buf = io.StringIO()
    with Steps(Console(file=buf, force_terminal=False), enabled=False) as steps:
        steps("reading", 1, 2)
    assert buf.getvalue() == ""

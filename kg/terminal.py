"""Output for a terminal: tables that fit its width, and progress bars for long steps.

Only rich is imported here (not rdflib or the pipeline), so `kg --help` stays quick. A table chooses its
columns (an IRI column beside its `_label` twin goes first, then the rightmost), gives each shown column at
least MIN_WIDTH characters (or its whole content, if shorter), wraps long values and elides them after a few
lines. csv and json output never pass through here: they keep every value whole.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.progress import TaskID

MIN_WIDTH = 8  # narrower than this, a column of words reads as a column of letters
MAX_LINES = 3  # a cell wraps to this many lines, then is elided
HEADER_MIN = 16  # a long header may wrap rather than widen its column past this
WORD_MIN = 12  # a column is widened to its longest word up to this, so words are not split


@dataclass(frozen=True)
class Fitted:
    """The columns a table shows at a width (in order, with their widths) and those it leaves out."""

    columns: tuple[int, ...]  # indexes into the headers
    widths: tuple[int, ...]
    hidden: tuple[int, ...]


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def table_width(widths: Sequence[int]) -> int:
    """Characters a rich table with a box, edges and one space of padding takes for these column widths."""
    return sum(widths) + 3 * len(widths) + 1


def fit_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, *,
                keep: Sequence[str] = (), drop: Sequence[str] = (), min_width: int = MIN_WIDTH) -> Fitted:
    """Choose and size columns so that the table fits in `width` characters.

    Each column is as wide as its content if there is room; otherwise at least `min_width` (or its content,
    if shorter). Columns are left out, one at a time, until the minimums fit: first an IRI column whose
    `NAME_label` twin is shown, then the rightmost; `keep` names columns never left out (unless nothing
    else is left). Spare room goes to the columns that want more, in proportion to what they lack.
    """
    n = len(headers)

    def _longest_word(i: int) -> int:
        return max((len(w) for r in rows for w in r[i].split()), default=0)

    natural = [max([_longest_line(headers[i]), 1] + [_longest_line(r[i]) for r in rows]) for i in range(n)]
    floor = [min(natural[i], max(min_width, min(len(headers[i]), HEADER_MIN),
                                 min(_longest_word(i), WORD_MIN))) for i in range(n)]
    shown = list(range(n))
    names = list(headers)

    def droppable() -> int | None:
        twins = [i for i in shown if f"{names[i]}_label" in [names[j] for j in shown]
                 and names[i] not in keep]
        if twins:
            return twins[-1]
        for name in drop:
            if name in names and (i := names.index(name)) in shown and name not in keep:
                return i
        others = [i for i in shown if names[i] not in keep]
        return others[-1] if others else (shown[-1] if len(shown) > 1 else None)

    while table_width([floor[i] for i in shown]) > width:
        gone = droppable()
        if gone is None:
            break
        shown.remove(gone)
    widths = {i: floor[i] for i in shown}
    # Spare room: columns that want little are given all they want first, the rest is shared evenly among
    # the columns still wanting (a short column is never squeezed so that a long one gains a character).
    spare = width - table_width(list(widths.values()))
    wanting = sorted((i for i in shown if natural[i] > widths[i]), key=lambda i: natural[i] - widths[i])
    while spare > 0 and wanting:
        share = max(1, spare // len(wanting))
        i = wanting.pop(0)
        given = min(natural[i] - widths[i], share, spare)
        widths[i] += given
        spare -= given
    return Fitted(tuple(shown), tuple(widths[i] for i in shown), tuple(i for i in range(n) if i not in shown))


def wrap_cell(value: str, width: int, max_lines: int = MAX_LINES) -> str:
    """`value` wrapped to `width`, at most `max_lines` lines, the last ending in an ellipsis if cut."""
    lines: list[str] = []
    for para in value.splitlines() or [""]:
        lines.extend(textwrap.wrap(para, width, break_long_words=True, break_on_hyphens=False) or [""])
    if len(lines) <= max_lines:
        return "\n".join(lines)
    kept = lines[:max_lines]
    last = kept[-1]
    kept[-1] = (last[: width - 1] if len(last) >= width else last) + "…"
    return "\n".join(kept)


def fitted_table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, *,
                 title: str | None = None, keep: Sequence[str] = (), drop: Sequence[str] = (),
                 right: Sequence[str] = (), max_lines: int = MAX_LINES) -> tuple[Table, tuple[str, ...]]:
    """A rich Table of plain-text cells (never markup) that fits `width`, and the headers left out."""
    fit = fit_columns(headers, rows, width, keep=keep, drop=drop)
    table = Table(title=title, header_style="bold", show_lines=False)
    for i, w in zip(fit.columns, fit.widths, strict=True):
        table.add_column(headers[i], width=w, overflow="fold",
                         justify="right" if headers[i] in right else "left")
    for row in rows:
        table.add_row(*(Text(wrap_cell(row[i], w, max_lines)) for i, w in zip(fit.columns, fit.widths,
                                                                              strict=True)))
    return table, tuple(headers[i] for i in fit.hidden)


class Steps:
    """A progress callback, `steps(step, done, total)`, drawn as rich progress bars on a console: one bar per
    step with its count, elapsed time and time left (a spinner where the total is not known). Disabled, it
    costs a function call. Use it as a context manager around the work."""

    def __init__(self, console: Console, *, enabled: bool = True, transient: bool = True) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=console,
            disable=not enabled,
            transient=transient,
        )
        self.tasks: dict[str, TaskID] = {}
        self.current: str | None = None

    def __enter__(self) -> Steps:
        self.progress.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.progress.__exit__(kind, exc, tb)

    def stop(self) -> None:
        """Take the bars off the screen before a summary is printed under them."""
        self.progress.stop()

    def __call__(self, step: str, done: int = 0, total: int | None = None) -> None:
        if step != self.current and self.current in self.tasks:  # the step before is over
            prev = self.tasks[self.current]
            t = self.progress.tasks[prev].total
            self.progress.update(prev, completed=t if t is not None else 1, total=t if t is not None else 1)
        self.current = step
        if step not in self.tasks:
            self.tasks[step] = self.progress.add_task(step, total=total)
        self.progress.update(self.tasks[step], completed=done, total=total)

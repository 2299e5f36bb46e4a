"""Indicators at a glance: the latest figure per indicator per council, with target, RAG and direction,
and a chart of one indicator's series (matplotlib, PNG).

RAG is the document's own where it states one, else derived from value against target with the indicator's
polarity (green: meets or beats the target; red: misses it). Direction is the document's own (or the
extractor's, from a previous value in the same document), else derived from the council's figure for the
period before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg import indicators, iris, periods
from kg.errors import InputError, QueryError
from kg.indicator_link import link_indicator
from kg.query import internal
from kg.store import Store


@dataclass(frozen=True)
class Figure:
    """One observation as the store holds it."""

    indicator: str  # IRI
    indicator_label: str
    polarity: str | None
    council: str  # IRI, "" when not known
    council_label: str
    period: str
    measure: str
    area: str
    value: Decimal | None
    unit: str
    rag: str | None
    direction: str | None
    confidence: float
    document: str
    meeting_date: str

    @property
    def concept(self) -> str:
        """The concept id (the IRI's last part)."""
        return self.indicator.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class LatestRow:
    """The latest figure of one indicator for one council."""

    indicator: str  # concept id
    indicator_label: str
    council: str  # label
    period: str
    value: Decimal | None
    unit: str
    target: Decimal | None
    rag: str | None
    direction: str | None
    document: str


@dataclass(frozen=True)
class IndicatorsReport:
    rows: tuple[LatestRow, ...]
    plot: Path | None = None


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def figures(store: Store) -> list[Figure]:
    """Every observation in the store."""
    out = []
    for r in store.query(internal("indicator-figures")).rows:

        def s(name: str, row: dict = r) -> str:
            return str(row[name]) if row.get(name) is not None else ""

        out.append(
            Figure(
                indicator=s("indicator"),
                indicator_label=s("indicator_label") or s("indicator").rsplit("/", 1)[-1],
                polarity=s("polarity") or None,
                council=s("council"),
                council_label=s("council_label") or s("council"),
                period=s("period"),
                measure=s("measure"),
                area=s("area"),
                value=_decimal(r.get("value")),
                unit=s("unit"),
                rag=s("rag") or None,
                direction=s("direction") or None,
                confidence=float(s("confidence") or 1.0),
                document=s("document"),
                meeting_date=s("meeting_date"),
            )
        )
    return out


def _for_council(figs: list[Figure], council: str | None) -> list[Figure]:
    if not council:
        return figs
    key = council.strip().lower()
    chosen = [f for f in figs if key in f.council_label.lower() or f.council == council.strip()]
    if not chosen:
        known = sorted({f.council_label for f in figs if f.council_label})
        raise QueryError(
            f"no figures for council '{council}'",
            hint=f"councils with figures: {', '.join(known)}" if known else "ingest some reports first",
        )
    return chosen


def _usual_unit(indicator_iri: str) -> str | None:
    from kg.indicators import concept

    c = concept(str(indicator_iri).rsplit("/", 1)[-1])
    return c.get("unit") if c else None


def _rank(f: Figure) -> tuple:
    return (periods.sort_key(f.period or None), f.meeting_date, f.confidence)


def rag_of(value: Decimal | None, target: Decimal | None, polarity: str | None) -> str | None:
    """green when the value meets or beats the target (with polarity), red when it misses; None if unknown."""
    if value is None or target is None or polarity not in ("higher", "lower"):
        return None
    return "green" if (value >= target if polarity == "higher" else value <= target) else "red"


def _trend(now: Decimal, before: Decimal, polarity: str | None) -> str:
    if now == before:
        return "plateaued"
    if polarity in ("higher", "lower"):
        return "improved" if (now > before) == (polarity == "higher") else "deteriorated"
    return "increased" if now > before else "reduced"


def latest(figs: list[Figure]) -> list[LatestRow]:
    """The latest actual figure (or, if an indicator has none, the latest figure-less statement) per
    indicator per council, with target, RAG and direction."""
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figs:
        groups[(f.council, f.indicator)].append(f)
    rows = []
    for group in groups.values():
        actual = [f for f in group if f.measure == "actual" and f.area.lower() not in ("england",)]
        valued = [f for f in actual if f.value is not None]
        pool = valued or actual
        if not pool:
            continue
        usual = _usual_unit(pool[0].indicator)
        # the figure in the indicator's own unit speaks for it ("23.1%" for a rate of re-referrals, not the
        # 133 re-referrals behind it); then the latest, the most certain
        best = max(pool, key=lambda f: (_rank(f)[:2], f.unit == usual, _rank(f)[2:]))
        same_period = [f for f in group if f.period == best.period and f.unit == best.unit]
        targets = sorted(
            (f for f in same_period if f.measure == "target" and f.value is not None),
            key=lambda f: (f.document != best.document, -f.confidence),
        )
        target = targets[0].value if targets else None
        rag = best.rag or rag_of(best.value, target, best.polarity)
        direction = best.direction
        if direction is None and best.value is not None:
            earlier = [
                f
                for f in group
                if f.value is not None
                and f.unit == best.unit
                and f.area == best.area
                and f.measure in ("actual", "previous")
                and periods.sort_key(f.period or None) < periods.sort_key(best.period or None)
            ]
            if earlier:
                direction = _trend(best.value, max(earlier, key=_rank).value or Decimal(0), best.polarity)
        rows.append(
            LatestRow(
                best.concept,
                best.indicator_label,
                best.council_label,
                best.period,
                best.value,
                best.unit,
                target,
                rag,
                direction,
                best.document,
            )
        )
    return sorted(rows, key=lambda r: (r.council, r.indicator_label))


def _concept_iris(figs: list[Figure], indicator: str) -> set[str]:
    """Indicator IRIs that `indicator` names: a concept id, label, alternative label or national code, an
    indicator found in documents (by its label, or "new:<slug>"), or an IRI."""
    key = indicator.strip()
    if key.startswith(("http://", "https://")):
        return {key}
    found: set[str] = set()
    if cid := indicators.match(key) or link_indicator(key, code=key).concept:
        found.add(str(iris.indicator(cid)))
    found |= {
        f.indicator
        for f in figs
        if f.indicator.rsplit("/", 1)[-1] == iris.slug(key.removeprefix("new:"))
        or f.indicator_label.lower() == key.lower()
    }
    return found


def series(figs: list[Figure], indicator: str) -> list[Figure]:
    """All figures of one indicator, oldest period first."""
    wanted = _concept_iris(figs, indicator)
    chosen = [f for f in figs if f.indicator in wanted]
    if not chosen:
        raise QueryError(
            f"no figures for indicator '{indicator}'",
            hint="give a concept id, label or code from kg/data/indicators/; `kg indicators` lists them",
        )
    return sorted(chosen, key=_rank)


def plot_points(figs: list[Figure], indicator: str) -> list[Figure]:
    """The valued figures of one indicator in one unit (a count and a percentage do not share an axis): the
    unit most figures use, percent first on a tie."""
    points = [f for f in series(figs, indicator) if f.value is not None]
    if not points:
        return []
    order = ("percent", "rate", "count", "currency", "other")
    counts = {u: sum(f.unit == u for f in points) for u in {f.unit for f in points}}
    unit = max(counts, key=lambda u: (counts[u], -order.index(u) if u in order else -len(order)))
    return [f for f in points if f.unit == unit]


def plot(figs: list[Figure], indicator: str, path: Path) -> Path:
    """Draw one indicator's series per council (actual line, target dashes, benchmarks as markers) to PNG."""
    # A bare Figure draws without pyplot or a backend switch: no display needed, and a notebook's
    # inline charts are left alone.
    from matplotlib.figure import Figure as MplFigure

    points = plot_points(figs, indicator)
    if not points:
        raise QueryError(f"indicator '{indicator}' has only figure-less statements", hint="nothing to plot")
    if path.suffix.lower() != ".png":
        raise InputError(f"{path}: the plot is written as PNG", hint="give a file name ending in .png")
    if not path.parent.exists():
        raise InputError(f"{path.parent}: no such folder", hint="create it or choose another path")
    labels = sorted({f.period for f in points}, key=lambda p: periods.sort_key(p or None))
    x = {p: i for i, p in enumerate(labels)}
    fig = MplFigure(figsize=(10, 4.5), dpi=100)
    ax = fig.subplots()
    markers = iter("s^Dvp*hXP<>")
    councils = sorted({f.council_label for f in points})
    for council in councils:
        mine = [f for f in points if f.council_label == council]
        line = {f.period: f.value for f in sorted(mine, key=_rank) if f.measure == "previous"}
        line.update({f.period: f.value for f in sorted(mine, key=_rank) if f.measure == "actual"})
        target = {f.period: f.value for f in mine if f.measure == "target"}
        colour: dict = {}
        for values, style, name in ((line, "-o", council), (target, "--_", f"{council} target")):
            pts = sorted(values.items(), key=lambda kv: x[kv[0]])
            if pts:
                drawn = ax.plot([x[p] for p, _ in pts], [float(v) for _, v in pts if v is not None], style,
                                label=name, markersize=14 if style == "--_" else 6, **colour)
                colour = colour or {"color": drawn[0].get_color()}  # a council's target in its colour
        for area in sorted({f.area for f in mine if f.measure == "benchmark"}):
            pts = [(x[f.period], float(f.value)) for f in mine
                   if f.measure == "benchmark" and f.area == area and f.value is not None]
            name = f"{area} (benchmark)" if len(councils) == 1 or area.endswith(council) \
                else f"{area} (benchmark, {council})"
            ax.plot([p for p, _ in pts], [v for _, v in pts], next(markers, "o"), linestyle="none",
                    label=name)
    ax.set_xticks(range(len(labels)), [p or "(document period)" for p in labels], rotation=30, ha="right")
    units = {f.unit for f in points}
    ax.set_ylabel(
        {"percent": "%", "count": "number", "rate": "rate", "currency": "£"}.get(units.pop(), "")
        if len(units) == 1
        else "value"
    )
    ax.set_title(points[0].indicator_label, fontsize=11)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))  # beside the chart, not over it
    fig.tight_layout()
    try:
        fig.savefig(path, format="png")
    except OSError as err:
        raise InputError(
            f"{path}: cannot write the plot: {err.strerror or err}", hint="check the path"
        ) from err
    return path


def report(
    store: Store, *, council: str | None = None, plot_to: Path | None = None, indicator: str | None = None
) -> IndicatorsReport:
    """What `kg indicators` shows: the latest-figure table, and a plot when asked for one."""
    if plot_to is not None and not indicator:
        raise QueryError(
            "--plot needs --indicator", hint="e.g. --indicator re-referrals (ids: kg/data/indicators/)"
        )
    figs = _for_council(figures(store), council)
    drawn = plot(figs, indicator, plot_to) if plot_to is not None and indicator else None
    return IndicatorsReport(tuple(latest(figs)), drawn)


def show_value(value: Decimal | None, unit: str) -> str:
    """98%, 133, £1,200,000, 45.3 (rate); blank for a figure-less statement."""
    if value is None:
        return ""
    text = f"{value.normalize():f}" if value == value.to_integral() else str(value)
    if unit == "percent":
        return f"{text}%"
    if unit == "currency":
        return f"£{value:,.0f}"
    if unit == "rate":
        return f"{text} (rate)"
    return text

"""Write the notebooks from their cell sources (kept here so they stay reviewable as Python), without outputs.

    .venv/bin/python scripts/notebooks.py     # rewrites notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent.parent / "notebooks"

SETUP = '''import atexit
import shutil
import tempfile
from pathlib import Path

import kg

# The notebooks live in notebooks/; the seeds are beside them in the checkout.
ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
SEEDS = ROOT / "seeds"
WORK = Path(tempfile.mkdtemp(prefix="kg-nb-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)  # the stores go when the kernel stops
store = kg.open_store(WORK / "store")
report = kg.ingest([SEEDS], store)
assert report.ok, report.failed
report.counts()'''


class Md(str):
    """A markdown cell that does not start with a heading (those starting "## " are markdown already)."""


def notebook(title: str, intro: str, cells: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{intro}")]
    for src in cells:
        if isinstance(src, Md) or src.startswith("## ") or src.startswith("> "):
            nb.cells.append(nbformat.v4.new_markdown_cell(src))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(src))
    for i, cell in enumerate(nb.cells):  # fixed ids, so rewriting an unchanged notebook changes nothing
        cell.id = f"cell-{i:02d}"
    return nb


NOTEBOOKS: dict[str, tuple[str, str, list[str]]] = {}

NOTEBOOKS["01_tour"] = (
    "A tour of council-kg",
    "Build the graph from the seeds with the library API, count what is in it, run named queries into "
    "pandas DataFrames, and open one fact's evidence in its document.",
    [
        "## Build the graph\n\nA fresh store in a temporary folder, so the notebook never touches your own.",
        SETUP,
        "## What is in it",
        "summary = kg.summary(store)\nsummary.counts",
        "## Named queries into DataFrames\n\nEvery named query is a `.rq` file shipped with the package.",
        "{name: q.description for name, q in kg.named_queries().items()}",
        "documents = kg.query_frame(store, \"documents\")\n"
        "documents[[\"file\", \"council_label\", \"committee_label\", \"period\"]]",
        "people = kg.query_frame(store, \"people\")\npeople[[\"name\", \"role\", \"document\"]]",
        "posts = kg.query_frame(store, \"posts\")\nposts[[\"label\", \"holder\"]].drop_duplicates()",
        "## Check a fact against its document\n\nEvery fact records where it came from: the document, "
        "character offsets into the pinned text rendition (whose sha256 is recorded) and the exact quote. "
        "`kg.evidence` re-reads the source, checks the hash and shows the quote in context.",
        "observations = kg.query_frame(store, \"observations\")\n"
        "fact = observations.dropna(subset=[\"value\"]).iloc[0] if observations[\"value\"].notna().any() "
        "else observations.iloc[0]\n"
        "found = kg.evidence(store, fact[\"observation\"], search=[SEEDS])\n"
        "print(found[0].show())",
        "## Checks\n\nThese fail if the pipeline is broken, so the notebook cannot pass silently.",
        "assert summary.counts[\"documents\"] == 5\n"
        "assert set(documents[\"council_label\"]) == {\"Durham County Council\",\n"
        "                                          \"Darlington Borough Council\"}\n"
        "assert (people[\"role\"] == \"councillor\").any()\n"
        "assert found and all(e.verified for e in found)\n"
        "assert found[0].quote in (SEEDS / Path(found[0].file).name).read_text(encoding=\"utf-8\")",
    ],
)


# A view page is a whole HTML document with its own scripts: shown in an iframe (srcdoc), it keeps its
# styles and vis-network to itself and needs no file on disk.
SHOW = '''import html

from IPython.display import HTML


def show(page: str, height: int = 560) -> HTML:
    """A self-contained view page (as kg.viz.build returns it), drawn inline in a frame."""
    return HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'style="width: 100%; height: {height}px; border: 1px solid #ccc"></iframe></div>')'''

NOTEBOOKS["02_indicators"] = (
    "Indicators: series, targets, benchmarks and RAG",
    "Performance indicators across periods and councils, with their targets and benchmarks; charts of the "
    "series; the RAG table (the latest figure per indicator per council, with RAG status and direction); and "
    "the indicators the papers discuss without giving a figure.",
    [
        "## Build the graph\n\nA fresh store in a temporary folder, so the notebook never touches your own.",
        SETUP,
        "## Every figure, as the store holds it\n\n"
        "`kg.indicators_report.figures` returns one `Figure` per observation: the indicator, the council, "
        "the reporting period, the measure (`actual`, `target`, `benchmark`, or `previous`: an earlier "
        "period's figure the document quotes), the area a benchmark is for, the value and unit, and the RAG "
        "status and direction where the document states them. A statement with a direction but no number "
        "(\"had reduced\") is an observation too, with no value.",
        '''import dataclasses

import matplotlib.pyplot as plt
import pandas as pd

from kg import indicators_report


def table(items: list) -> pd.DataFrame:
    """Dataclass rows as a DataFrame, decimals as floats (NaN where a statement gives no figure)."""
    df = pd.DataFrame([dataclasses.asdict(x) for x in items])
    for col in ("value", "target"):
        if col in df:
            df[col] = df[col].map(lambda v: None if v is None else float(v)).astype(float)
    return df


# figures() can return an observation more than once (its council's label is stated in several graphs):
# keep one of each.
figs = list(dict.fromkeys(indicators_report.figures(store)))
figures = table(figs)
figures["indicator"] = figures["indicator"].str.rsplit("/", n=1).str[-1]
figures[["indicator", "council_label", "period", "measure", "area", "value", "unit", "rag", "direction"]]''',
        "## One indicator across periods and councils\n\n"
        "The named query `indicator-series` takes an indicator's concept id, its label or an alternative "
        "label (as in `kg/data/indicators/`) and returns every figure about it, with the quote it came "
        "from. Both councils report placement moves: Darlington with figures (this quarter, the quarter "
        "before, three benchmarks), Durham with a direction only.",
        '''series = kg.query_frame(store, "indicator-series", {"indicator": "3 or more placement moves"})
series[["council_label", "period", "measure", "area", "value", "unit", "direction", "quote"]]''',
        "## Charts\n\n"
        "Every indicator for which a council gives figures for two or more periods: its figures over time "
        "(the earlier ones quoted in a later report included), the target as a bar, benchmarks as hollow "
        "markers. Periods are ordered as `indicators_report.series` orders them (a year end after that "
        "year's quarters).",
        '''def periods_of(indicator: str) -> list[str]:
    return list(dict.fromkeys(f.period for f in indicators_report.series(figs, indicator)))


def draw(ax: plt.Axes, indicator: str) -> None:
    """One indicator's percentage figures: per council a line over periods, target and benchmarks."""
    s = kg.query_frame(store, "indicator-series", {"indicator": indicator})
    s = s[s["value"].notna() & (s["unit"] == "percent")].assign(value=lambda d: d["value"].astype(float))
    x = {p: i for i, p in enumerate(p for p in periods_of(indicator) if p in set(s["period"]))}
    s = s.assign(x=s["period"].map(x)).sort_values("x")
    for council, mine in s.groupby("council_label"):
        line = mine[mine["measure"].isin(["previous", "actual"])]
        ax.plot(line["x"], line["value"], "-o", label=council)
        target = mine[mine["measure"] == "target"]
        if not target.empty:
            ax.plot(target["x"], target["value"], "_", markersize=24, markeredgewidth=2, color="black",
                    label="target")
        for area, bench in mine[mine["measure"] == "benchmark"].groupby("area"):
            ax.plot(bench["x"], bench["value"], "o", fillstyle="none", markersize=8, label=area)
    ax.set_xticks(list(x.values()), list(x), rotation=20)
    ax.set_ylabel("%")
    ax.set_title(s["indicator_label"].iloc[0], fontsize=10)
    ax.margins(x=0.15)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)


valued = figures[figures["value"].notna() & figures["measure"].isin(["actual", "previous"])]
periods_per = valued.groupby(["indicator", "council_label"])["period"].nunique()
charted = sorted(set(periods_per[periods_per >= 2].index.get_level_values("indicator")))
rows = (len(charted) + 1) // 2
series_fig, axes = plt.subplots(rows, 2, figsize=(12, 4 * rows), squeeze=False)
for ax, indicator in zip(axes.flat, charted, strict=False):
    draw(ax, indicator)
for ax in list(axes.flat)[len(charted):]:
    ax.set_visible(False)
series_fig.tight_layout()
plt.show()''',
        "## Against target and benchmarks\n\n"
        "One council, one period: each indicator's latest figure (as the RAG table below chooses it), its "
        "target and the benchmarks the report compares it with.",
        '''latest = table(indicators_report.latest(figs))
RAG_MARKERS = {"red": "#de2d26", "amber": "#fe9929", "green": "#31a354"}
council, period = "Darlington Borough Council", "2017/18 Q2"
here = figures[(figures["council_label"] == council) & (figures["period"] == period)
               & (figures["unit"] == "percent") & figures["value"].notna()]
compared = sorted(set(here.loc[here["measure"] == "benchmark", "indicator"]))
areas = sorted(set(here.loc[here["measure"] == "benchmark", "area"]))
bench_fig, axes = plt.subplots(len(compared), 1, figsize=(10, 0.9 + 1.1 * len(compared)), squeeze=False)
for ax, indicator in zip(axes[:, 0], compared, strict=True):
    mine = here[here["indicator"] == indicator]
    now = latest[(latest["indicator"] == indicator) & (latest["council"] == council)].iloc[0]
    ax.plot([now["value"]], [0], "o", markersize=12, color=RAG_MARKERS.get(now["rag"], "#3182bd"),
            label="latest figure (colour: RAG)")
    target = mine.loc[mine["measure"] == "target", "value"]
    if not target.empty:
        ax.plot(target, [0] * len(target), "|", markersize=24, markeredgewidth=2.5, color="black",
                label="target")
    for i, area in enumerate(areas):
        b = mine.loc[(mine["measure"] == "benchmark") & (mine["area"] == area), "value"]
        ax.plot(b, [0] * len(b), "os^D"[i % 4], fillstyle="none", markersize=9, markeredgewidth=1.5,
                color=f"C{i + 1}", label=area)
    ax.set_yticks([])
    ax.set_title(now["indicator_label"], fontsize=9, loc="left")
    ax.xaxis.set_major_formatter("{x:g}%")
    ax.margins(x=0.3)
    ax.grid(axis="x", alpha=0.3)
legend = {label: h for ax in axes[:, 0] for h, label in zip(*ax.get_legend_handles_labels(), strict=True)}
bench_fig.legend(legend.values(), legend.keys(), loc="lower center", ncol=3, fontsize=8,
                 markerscale=0.6)
bench_fig.suptitle(f"{council}, {period}: latest figure against target and benchmarks", fontsize=10)
bench_fig.tight_layout(rect=(0, 0.12, 1, 1))
plt.show()''',
        "## The RAG table\n\n"
        "`indicators_report.latest`: the latest figure per indicator per council, with its target, RAG "
        "status and direction. RAG is the document's own where it states one, else derived from value "
        "against target with the indicator's polarity; direction is the document's own, else derived from "
        "the council's figure for the period before. Durham's reports state directions without figures, so "
        "its rows have a direction and no value.",
        '''RAG_COLOURS = {"red": "#f4b6b6", "amber": "#fde3a7", "green": "#b9e4c0"}
rag_table = latest[["council", "indicator", "indicator_label", "period", "value", "unit", "target", "rag",
                    "direction"]]
rag_table.style.hide(axis="index").format({"value": "{:g}", "target": "{:g}"}, na_rep="").map(
    lambda v: f"background-color: {RAG_COLOURS[v]}" if v in RAG_COLOURS else "", subset=["rag"])''',
        '''pd.crosstab(rag_table["council"], rag_table["rag"].fillna("no RAG"), margins=True)''',
        "## Discussed without figures\n\n"
        "Observations with no value: the papers say an indicator improved, fell or is below its benchmark, "
        "but give no number. The named query `observations` has the quote; `documents` says which council "
        "each document is from.",
        '''observations = kg.query_frame(store, "observations")
documents = kg.query_frame(store, "documents")
without_figures = observations[observations["value"].isna()].merge(
    documents[["document", "council_label"]], on="document")
without_figures[["council_label", "indicator_label", "period", "direction", "quote"]].sort_values(
    ["council_label", "indicator_label"])''',
        '''without_figures.groupby("council_label")["indicator"].nunique().rename("without figures")''',
        "## Checks\n\nThese fail if the pipeline is broken, so the notebook cannot pass silently.",
        '''# the RAG table: re-referrals at Darlington, 23.1% against a target of 20%, red
assert {"council", "indicator", "period", "value", "target", "rag", "direction"} <= set(rag_table.columns)
assert set(rag_table["council"]) == {"Darlington Borough Council", "Durham County Council"}
rr = rag_table[(rag_table["indicator"] == "re-referrals")
               & (rag_table["council"] == "Darlington Borough Council")]
assert len(rr) == 1 and (rr.iloc[0]["value"], rr.iloc[0]["target"], rr.iloc[0]["rag"]) == (23.1, 20.0, "red")
assert rr.iloc[0]["period"] == "2017/18 Q2"
# a series across councils and periods, with its benchmarks
assert {"council_label", "period", "measure", "area", "value", "quote"} <= set(series.columns)
assert set(series["council_label"]) == {"Darlington Borough Council", "Durham County Council"}
assert {"England", "North East"} <= set(series.loc[series["measure"] == "benchmark", "area"])
assert {"2017/18 Q1", "2017/18 Q2"} <= set(series.loc[series["council_label"] == "Darlington Borough Council",
                                                     "period"])
# charts were drawn: one axis per charted indicator, each with lines
assert "placement-moves-3-plus" in charted
assert all(ax.lines for ax in series_fig.axes[:len(charted)])
assert "re-referrals" in compared and all(len(ax.lines) >= 2 for ax in bench_fig.axes[:len(compared)])
# indicators discussed without figures, with what the papers said about them
smoking = without_figures[without_figures["indicator_label"] == "Smoking at time of delivery"]
assert not smoking.empty and "increased" in set(smoking["direction"])
assert set(without_figures["council_label"]) >= {"Durham County Council"}''',
    ],
)

NOTEBOOKS["03_followups"] = (
    "Follow-ups: what was promised, and was it kept",
    "The commitment ledger; one commitment's path through the meetings (made, due, assessed, kept) with the "
    "words minuted at each end; overdue promises by committee; and the follow-up graph view.",
    [
        "## Build the graph\n\nA fresh store in a temporary folder, so the notebook never touches your own.",
        SETUP,
        "## The ledger\n\n"
        "Every commitment the papers record: who promised what, at which meeting, when it is due, and how it "
        "stands. After each ingest the ledger re-assesses every commitment against its committee's later "
        "papers; `kg.followups.rows` lists it overdue first, then open, unknown and fulfilled, as of a date "
        "(default today: the ledger keeps each commitment's status timeline, so any date can be asked).",
        '''import dataclasses
import datetime as dt

import pandas as pd

from kg import followups, viz

COLUMNS = ["made_at", "committee", "actor", "text", "due", "status", "reason"]
ledger = pd.DataFrame([dataclasses.asdict(f) for f in followups.rows(store)])
ledger[COLUMNS]''',
        Md("The same through the named queries: `commitments` (every commitment, its latest status and the "
           "evidence it was kept) and `open-commitments` (those not yet kept, overdue first, with their age "
           "in later meetings of the committee)."),
        '''commitments = kg.query_frame(store, "commitments")
commitments[["actor_label", "text", "due_text", "due_kind", "due_date", "status", "fulfilment_quote"]]''',
        '''open_commitments = kg.query_frame(store, "open-commitments")
open_commitments[["committee_label", "period", "text", "actor_label", "due_text", "status",
                  "age_meetings"]]''',
        "## A series of meetings\n\n"
        "The seeds hold one meeting per committee, so nothing in them can have been kept yet. "
        "`tests/data/followups/` holds four meetings of one panel (a made-up Gateshead series written for "
        "the ledger's tests, in the style of real minutes): promises made, kept, missed, and some with no "
        "due time. Ingest them into a second store one meeting at a time, as the papers would arrive, print "
        "what the ledger changed after each, and read the ledger as of the meeting's date.",
        '''SERIES = ROOT / "tests" / "data" / "followups"
series_store = kg.open_store(WORK / "series")
snapshots = []
for paper in sorted(SERIES.glob("*.txt")):
    held = dt.date.fromisoformat(paper.name[2:12])  # the fixture files are named N-YYYY-MM-DD-...
    done = kg.ingest([paper], series_store, today=held)
    assert done.ok, done.failed
    print(f"{held}  {paper.name}")
    for line in done.ledger:
        print(f"    {line}")
    snapshots += [{"commitment": f.text, "after": held.isoformat(), "status": f.status}
                  for f in followups.rows(series_store, as_of=held)]''',
        Md("Each promise's status after each meeting (blank: not made yet):"),
        '''path = pd.DataFrame(snapshots).pivot(index="commitment", columns="after", values="status")
path = path.fillna("")
path''',
        Md("As of 1 October 2024 (nothing is re-assessed: the status in force on that date is read from "
           "each commitment's timeline), the series shows every status:"),
        '''series_ledger = pd.DataFrame([dataclasses.asdict(f) for f in followups.rows(series_store,
                                                                       as_of=dt.date(2024, 10, 1))])
series_ledger[COLUMNS]''',
        "## One commitment's path\n\n"
        "Made at a meeting, due (or not), assessed after each later meeting, kept: with the words minuted at "
        "each end. `kg.evidence` re-reads the source file and checks its hash before showing the quote in "
        "context (the quote is in `[[...]]`).",
        '''def path_of(words: str) -> followups.Followup:
    """Print one commitment's path through the meetings and return its ledger row."""
    f = next(f for f in followups.rows(series_store) if words in f.text)
    print(f"PROMISE    {f.text}")
    print(f"made at    {f.made_at}, {f.committee}; by {f.actor or '(no one named)'}")
    for e in kg.evidence(series_store, f.commitment, search=[SERIES]):
        print(f"minuted    {e.show()}")
    print(f"due        {f.due if f.due_kind != 'none' else 'no due time given'}"
          + (f" ({f.due_date})" if f.due_date else ""))
    for after, status in path.loc[f.text].items():
        if status:
            print(f"after the meeting of {after}: {status}")
    print(f"now        {f.status}: {f.reason}")
    if f.evidence:
        print(f"kept in    {f.fulfilled_title or f.fulfilled_file} ({f.fulfilled_date}, {f.fulfilled_file})")
        print(f"evidence   ...{f.evidence_prefix}[[{f.evidence}]]{f.evidence_suffix}...")
    return f


kept = path_of("breakdown of agency social worker costs")''',
        '''missed = path_of("foster carer fees")''',
        "## Overdue, by committee\n\n"
        "Both ledgers together: how many promises each committee holds in each state (the council comes from "
        "the `documents` query, since two councils have a Corporate Parenting Panel), then the overdue ones "
        "with how many later meetings of the committee have passed since (`open-commitments`' "
        "`age_meetings`).",
        '''STATUSES = ["overdue", "open", "unknown", "fulfilled"]
parts, late = [], []
for s in (store, series_store):
    council_of = kg.query_frame(s, "documents").set_index("document")["council_label"]
    rows = pd.DataFrame([dataclasses.asdict(f) for f in followups.rows(s)])
    parts.append(rows.assign(council=rows["document"].map(council_of)))
    waiting = kg.query_frame(s, "open-commitments")
    late.append(waiting.assign(council=waiting["document"].map(council_of)))
both = pd.concat(parts, ignore_index=True)
by_committee = pd.crosstab([both["council"], both["committee"]], both["status"]).reindex(
    columns=STATUSES, fill_value=0)
by_committee''',
        '''overdue = pd.concat(late, ignore_index=True)
overdue = overdue[overdue["status"] == "overdue"]
overdue[["council", "committee_label", "meeting_date", "period", "text", "actor_label", "due_text",
         "age_meetings"]]''',
        "## The follow-up view\n\n"
        "`kg.viz.build(store, show_followups=True)` (what `kg viz --followups` writes) draws the ledger: who "
        "promised, at which meeting, what, when due, and the document that shows it kept, each commitment "
        "coloured by its status. The page is self-contained (vis-network inlined); hover a node for its "
        "evidence, drag to move, scroll to zoom.",
        SHOW,
        '''page, facts = viz.build(series_store, show_followups=True)
print(facts["title"], "-", facts["nodes"], "nodes,", facts["edges"], "links")
show(page)''',
        "## Checks\n\nThese fail if the pipeline is broken, so the notebook cannot pass silently.",
        '''# the seeds' ledger: the friends-and-family commitment, by the Strategy Team Leader, open until the
# next performance update is in the store
assert set(COLUMNS) <= set(ledger.columns) and len(ledger) >= 3
ff = ledger[ledger["text"].str.contains("children placed with friends and family")]
assert len(ff) == 1 and ff.iloc[0]["actor"] == "Strategy Team Leader"
assert (ff.iloc[0]["committee"], ff.iloc[0]["status"]) == ("Corporate Parenting Panel", "open")
assert {"commitment", "actor_label", "due_kind", "status"} <= set(commitments.columns)
assert len(commitments) == len(ledger)
assert set(open_commitments["status"]) <= {"open", "overdue"}
assert ff.iloc[0]["commitment"] in set(open_commitments["commitment"])
# the series: every status appears, and paths move the way the papers say
assert set(series_ledger["status"]) == set(STATUSES)
assert (path.loc[kept.text, "2024-01-15"], path.loc[kept.text, "2024-03-11"]) == ("unknown", "fulfilled")
assert kept.status == "fulfilled" and kept.fulfilled_date == "2024-03-11"
assert "had been circulated" in kept.evidence
assert kept.actor == "Head of Children's Social Care"
assert (path.loc[missed.text, "2024-01-15"], path.loc[missed.text, "2024-03-11"]) == ("open", "overdue")
assert missed.status == "overdue" and missed.due == "the next meeting"
# overdue by committee
assert by_committee.loc[("Gateshead Council", "Corporate Parenting Panel"), "overdue"] == 2
assert by_committee.loc[("Gateshead Council", "Corporate Parenting Panel"), "fulfilled"] == 4
assert len(overdue[overdue["council"] == "Gateshead Council"]) == 2 and (overdue["age_meetings"] >= 0).all()
# the view: a vis network holding the commitments
assert "new vis.Network(" in page and kept.text in page and facts["nodes"] >= len(series_ledger)''',
    ],
)

NOTEBOOKS["04_people"] = (
    "People: who asks and who answers",
    "Councillors' questions and comments, the posts that answer them, the exchanges as a network with "
    "networkx measures, and a focus view of one post.",
    [
        "## Build the graph\n\nA fresh store in a temporary folder, so the notebook never touches your own.",
        SETUP,
        "## Who asks\n\n"
        "`councillor-activity`: for each councillor and committee, the meetings whose papers name them and "
        "how often they asked, commented and answered there.",
        '''import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from kg import analytics, viz

activity = kg.query_frame(store, "councillor-activity")
activity[["name", "committee_label", "meetings", "questions", "comments", "responses"]]''',
        "## Who answers\n\n"
        "`who-answered`: every response given by a post (or by a named officer holding one), with the "
        "question it answers and who asked it. A response can run over several minuted sentences, so one "
        "question may have several rows.",
        '''answered = kg.query_frame(store, "who-answered")
answered[["post_label", "questioner_label", "question_quote", "quote"]]''',
        Md("Per post: how many answers, to how many questions or comments, and from whom."),
        '''per_post = answered.groupby("post_label").agg(
    answers=("response", "nunique"),
    questions=("question", "nunique"),
    asked_by=("questioner_label", lambda s: ", ".join(sorted(set(s.dropna())))),
).sort_values(["answers", "questions"], ascending=False)
per_post''',
        Md("Every contribution minuted (`contributions`), by speaker and kind:"),
        '''contributions = kg.query_frame(store, "contributions")
by_speaker = pd.crosstab(contributions["speaker_label"], contributions["kind"])
by_speaker.loc[by_speaker.sum(axis=1).sort_values(ascending=False).index]''',
        Md("One exchange read back from the graph: a question, and the responses that answer it "
           "(`responds_to`)."),
        '''asked = contributions[(contributions["kind"] == "question")
                     & (contributions["speaker_label"] == "Councillor Crute")].iloc[0]
replies = contributions[contributions["responds_to"] == asked["contribution"]]
print(f"{asked['speaker_label']} asked:\\n    {asked['quote']}\\n")
for reply in replies.itertuples():
    print(f"{reply.speaker_label} answered:\\n    {reply.quote}\\n")''',
        "## Network measures\n\n"
        "`kg.analytics.load_graph` turns the store into a networkx graph of things (councils, committees, "
        "meetings, people, posts, facts); `contribution_network` keeps the speakers, linked when one answers "
        "or follows up another (edge `weight`: how many exchanges). `stats` is what `kg stats` prints.",
        '''summary = analytics.stats(store)
print(summary["nodes"], "nodes,", summary["links"], "links,", summary["components"]["count"], "components")
pd.Series(summary["counts"], name="nodes")''',
        '''g = analytics.load_graph(store)
net = analytics.contribution_network(g)
active = pd.DataFrame(analytics.most_active(g, top=20))
active[["label", "kind", "contributions", "degree", "betweenness"]]''',
        Md("More measures on the contribution network: weighted degree (exchanges), degree centrality, and "
           "which connected group of speakers each belongs to."),
        '''parts = sorted(nx.connected_components(net), key=len, reverse=True)
group_of = {n: i for i, part in enumerate(parts) for n in part}
measures = pd.DataFrame({
    "label": nx.get_node_attributes(net, "label"),
    "kind": nx.get_node_attributes(net, "kind"),
    "contributions": nx.get_node_attributes(net, "contributions"),
    "exchanges": dict(net.degree(weight="weight")),
    "degree_centrality": nx.degree_centrality(net),
    "group": group_of,
}).sort_values(["exchanges", "contributions"], ascending=False).reset_index(drop=True)
measures''',
        '''net_fig, ax = plt.subplots(figsize=(11, 7))
pos = nx.spring_layout(net, seed=7, k=1.2)
nx.draw_networkx_edges(net, pos, ax=ax, width=[1 + net.edges[e]["weight"] for e in net.edges], alpha=0.5)
nodes = list(net.nodes(data=True))
nx.draw_networkx_nodes(net, pos, ax=ax, node_size=[250 + 150 * d["contributions"] for _, d in nodes],
                       node_color=[viz.STYLE[d["kind"]][0] for _, d in nodes])
names = {n: textwrap.fill(d["label"], 24) for n, d in net.nodes(data=True)}
nx.draw_networkx_labels(net, pos, ax=ax, labels=names, font_size=8)
for kind in sorted({d["kind"] for _, d in net.nodes(data=True)}):
    ax.scatter([], [], color=viz.STYLE[kind][0], label=viz.kind_name(kind))
ax.legend(fontsize=8, loc="lower left")
ax.set_title("Who answers whom (node size: contributions; line width: exchanges)", fontsize=10)
ax.margins(0.12)
ax.axis("off")
plt.show()''',
        "## One post in focus\n\n"
        "`kg.viz.build(store, focus_node=...)` (what `kg viz --focus` writes): a post and everything one "
        "link away: who held it, what was said in it, its council. The page is self-contained (vis-network "
        "inlined); hover a node for its evidence.",
        SHOW,
        '''POST = "Corporate Equality and Strategy Manager"
page, facts = viz.build(store, focus_node=POST, depth=1)
print(facts["title"], "-", facts["nodes"], "nodes,", facts["edges"], "links")
show(page)''',
        "## Checks\n\nThese fail if the pipeline is broken, so the notebook cannot pass silently.",
        '''# who asks, who answers: Councillor Crute's question, answered by the Corporate Equality and
# Strategy Manager
assert {"name", "committee_label", "meetings", "questions", "comments", "responses"} <= set(activity.columns)
assert activity.set_index("name").loc["Councillor Crute", "questions"] >= 1
crute = answered[answered["questioner_label"] == "Councillor Crute"]
assert not crute.empty and set(crute["post_label"]) == {POST}
assert "smoking at the time of delivery" in crute.iloc[0]["question_quote"]
assert not replies.empty and set(replies["speaker_label"]) == {POST}
assert {"contribution", "kind", "speaker_label", "responds_to", "quote"} <= set(contributions.columns)
# network measures: the exchange is an edge, the post among the most active speakers
crute_node = next(n for n, d in net.nodes(data=True) if d["label"] == "Councillor Crute")
post_node = next(n for n, d in net.nodes(data=True) if d["label"] == POST)
assert net.has_edge(crute_node, post_node) and net.edges[crute_node, post_node]["weight"] >= 1
assert {"label", "kind", "contributions", "degree", "betweenness"} <= set(active.columns)
assert active.set_index("label").loc[POST, "contributions"] >= 3
assert summary["counts"]["Councillor"] >= 5 and summary["nodes"] > 0
# charts and views were drawn
assert net_fig.axes and net_fig.axes[0].collections
assert "new vis.Network(" in page and POST in page and facts["nodes"] > 1''',
    ],
)

# Opens the user's own store (KG_STORE, or a path written in), or builds the seeds when there is none.
OWN_STORE = """import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

import kg

# Your own store: start Jupyter with KG_STORE set (a folder `kg ingest` made, or a SPARQL server's URL), or
# write its path here. With neither, the seeds are ingested into a temporary store.
STORE = os.environ.get("KG_STORE", "")
ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
if STORE:
    store = kg.open_store(STORE, read_only=True, create=False)
    print(f"your store: {STORE}")
else:
    WORK = Path(tempfile.mkdtemp(prefix="kg-nb-"))
    atexit.register(shutil.rmtree, WORK, ignore_errors=True)  # the store goes when the kernel stops
    store = kg.open_store(WORK / "store")
    assert kg.ingest([ROOT / "seeds"], store).ok
    print("the seeds, in a temporary store (set KG_STORE to open your own)")
documents = kg.query_frame(store, "documents")
print(f"{len(documents)} documents")"""

NOTEBOOKS["05_graph"] = (
    "The graph itself: RDF and SPARQL",
    "What the store holds as RDF: its named graphs, the classes of things in them, one fact with its "
    "evidence as triples; the named queries; and SPARQL of your own over the graph's layout, with the "
    "numbers handed to pandas as floats. It opens your own store if you give it one.",
    [
        "## Open a store\n\n"
        "`kg.open_store` takes a folder made by `kg ingest` (an Oxigraph store on disk) or the URL of a "
        "SPARQL server. Read-only here: a notebook looking at a store never changes it.",
        OWN_STORE,
        "## The layout: named graphs\n\n"
        "Every document's facts go into a named graph of its own (the graph's IRI is the document's IRI), "
        "so a document can be replaced or removed as a whole; the indicator scheme, reference data, the "
        "follow-up ledger and the ontology have graphs of their own. Queries run with the **union** of the "
        "named graphs as the default graph: a pattern outside `GRAPH` sees every graph at once, a pattern "
        "inside `GRAPH ?g { ... }` one graph at a time. The store lists its graphs itself, so this table is "
        "right for whatever store you opened.",
        """graphs = kg.query_frame(store, \"\"\"
SELECT ?graph (COUNT(*) AS ?triples)
WHERE { GRAPH ?graph { ?s ?p ?o } }
GROUP BY ?graph
ORDER BY DESC(?triples)\"\"\")
graphs["kind"] = graphs["graph"].map(lambda g: "document" if "/document/" in g else g.rsplit("/", 1)[-1])
by_kind = graphs.groupby("kind")["triples"].agg(graphs="count", triples="sum")
by_kind.sort_values("triples", ascending=False)""",
        "## What is in it: classes\n\n"
        "Each thing has one or more `rdf:type`s. `COUNT(DISTINCT ...)` matters over the union: a thing "
        "typed in several graphs (a council named by every document of it) would otherwise count once per "
        "graph.",
        """from kg.describe import curie

classes = kg.query_frame(store, \"\"\"
SELECT ?class (COUNT(DISTINCT ?thing) AS ?things)
WHERE { ?thing a ?class }
GROUP BY ?class
ORDER BY DESC(?things)\"\"\")
classes["class"] = classes["class"].map(curie)
classes.head(20)""",
        "## One fact as RDF\n\n"
        "A figure is a `qb:Observation` in its document's graph: indicator, value, unit, period, and "
        "`prov:wasDerivedFrom` a span of the document's text (offsets and the exact quote, as Web "
        "Annotation selectors). `kg.describe` (what `kg show` prints) gathers its statements and evidence; "
        "the document's graph gives the triples themselves.",
        """from rdflib import Graph, URIRef

from kg.namespaces import OA, PREFIXES, PROV

figures = kg.query_frame(store, "observations")
valued = figures.dropna(subset=["value"])
fig = (valued if len(valued) else figures).iloc[0]  # a figure with a number, if the store has one
fact = kg.describe(store, fig["observation"])
print(fact.label, "-", ", ".join(fact.types))
pd.DataFrame([(s.predicate_name, s.label) for s in fact.facts], columns=["property", "value"])""",
        """triples = Graph()
for prefix, ns in PREFIXES.items():
    triples.bind(prefix, ns)
document_graph = store.graph(fig["document"])
subjects = [URIRef(fig["observation"])]
subjects += list(document_graph.objects(subjects[0], PROV.wasDerivedFrom))  # its spans
subjects += [o for s in subjects[1:] for o in document_graph.objects(s, OA.hasSelector)]  # their selectors
for s in subjects:
    for t in document_graph.triples((s, None, None)):
        triples.add(t)
print(triples.serialize(format="turtle"))""",
        "## Named queries\n\n"
        "The package ships its queries as `.rq` files (`kg queries` lists them; `kg query NAME` runs one). "
        "Each starts with a comment saying what it answers; parameters are bound, never pasted into the "
        "text.",
        """pd.DataFrame([(q.name, q.description, ", ".join(p for p, _ in q.params))
              for q in kg.named_queries().values()], columns=["name", "answers", "parameters"])""",
        """print(kg.named_queries()["documents"].text)""",
        Md("Numbers arrive as floats (an `xsd:decimal` would otherwise be a Python `Decimal` in an object "
           "column that pandas cannot average or plot):"),
        """print(figures["value"].dtype)
figures.dropna(subset=["value"]).groupby("unit")["value"].describe()""",
        "## SPARQL of your own, over the layout\n\n"
        "Figures per document with their council: the document and its figures are matched inside the "
        "document's own graph (`GRAPH ?document`), so each figure is counted with the document that "
        "states it. The council's label is a shared description that can be stated in several graphs, and "
        "the union default graph repeats a triple once per graph holding it: the labels are taken "
        "DISTINCT in a subquery before the join, or every figure would be counted once per copy.",
        """per_document = kg.query_frame(store, \"\"\"
PREFIX ckg: <https://w3id.org/council-kg/def#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?document ?title ?council_label (COUNT(?obs) AS ?figures) (AVG(?value) AS ?mean_value)
       (MAX(?value) AS ?max_value)
WHERE {
  GRAPH ?document {
    ?document a ckg:Document ; ckg:council ?council .
    OPTIONAL { ?document dcterms:title ?title }
    ?obs a qb:Observation ; ckg:value ?value .
  }
  { SELECT ?council (MIN(?label) AS ?council_label) WHERE { ?council rdfs:label ?label } GROUP BY ?council }
}
GROUP BY ?document ?title ?council_label
ORDER BY DESC(?figures)\"\"\")
per_document.dtypes.to_frame("dtype").T""",
        """per_document""",
        "## Checks\n\nThese fail if the graph or the library is broken, so the notebook cannot pass "
        "silently (they hold for any store).",
        """# every document is a named graph of its own
assert set(documents["document"]) <= set(graphs.loc[graphs["kind"] == "document", "graph"])
assert graphs["triples"].gt(0).all()
# the fact described is the one asked for, with its quote as evidence
assert fact.iri == fig["observation"] and fact.types
assert any(e.quote == fig["quote"] for e in fact.evidence)
assert URIRef(fig["observation"]) in set(triples.subjects())
# numbers are floats, and the hand-written count agrees with the named query's figures
assert figures["value"].dtype == float and per_document["mean_value"].dtype == float
with_value = figures.dropna(subset=["value"])["observation"].nunique()
assert per_document["figures"].sum() == with_value
assert (per_document["max_value"] >= per_document["mean_value"] - 1e-9).all()
assert "documents" in kg.named_queries() and "ckg:Document" in set(classes["class"])
if not STORE:  # the seeds
    assert len(documents) == 5""",
    ],
)


def main() -> int:
    names = sys.argv[1:] or list(NOTEBOOKS)
    for name in names:
        title, intro, cells = NOTEBOOKS[name]
        nbformat.write(notebook(title, intro, cells), HERE / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb")
    return 0


if __name__ == "__main__":
    sys.exit(main())

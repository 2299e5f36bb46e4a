"""The `kg` command: each command parses its options and calls one library function.

A KgError becomes one line on stderr and its exit code; nothing prints a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.errors import KgError, QueryError, printable

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="council-kg: what councils were told, by whom, the figures, and what was promised.",
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store", "-s", help="store directory or SPARQL server URL (default: $KG_STORE or .kg/store)"
    ),
]


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a KgError into one line and its exit code; anything else into one line and exit 70."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as e:
            err.print(f"kg: {e.line()}", markup=False, highlight=False)
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            err.print("kg: interrupted", markup=False)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort, click.exceptions.ClickException):
            raise  # typer's own control flow and usage errors
        except Exception as e:  # noqa: BLE001 - never a traceback for a user
            err.print(
                f"kg: internal error: {type(e).__name__}: {printable(str(e))} (please report it)",
                markup=False,
                highlight=False,
            )
            raise typer.Exit(70) from None

    return wrapper


def _open(store: str | None, *, read_only: bool = False, create: bool = True):  # noqa: ANN202
    from kg.stores import open_store

    return open_store(store, read_only=read_only, create=create)


LEDGER_LINES = 20  # ledger status changes printed after an ingest; the rest are counted


@app.command()
@guarded
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (folders recursively)")],
    store: StoreOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="extract in N worker processes")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="only the summary and problems")] = False,
) -> None:
    """Build the graph from documents: read, extract, link, write one named graph per document."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.ingest import Outcome
    from kg.ingest import ingest as run_ingest

    with (
        _open(store) as st,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("ingesting", total=None)

        def on_start(n: int) -> None:
            bar.update(task, total=n)

        def on_document(o: Outcome) -> None:
            for w in o.warnings:
                line = f"kg: {printable(o.source)}: warning: {printable(w)}"
                err.print(line, markup=False, highlight=False)
            if o.status == "failed":
                err.print(f"kg: {printable(o.message)}", markup=False, highlight=False)
            else:
                bar.advance(task)
                if not quiet:
                    extra = (
                        f" ({o.message})" if o.message else (f", {o.triples} triples" if o.triples else "")
                    )
                    err.print(f"  {o.status:9s} {printable(o.source + extra)}", markup=False, highlight=False)

        report = run_ingest(paths, st, jobs=jobs, on_document=on_document, on_start=on_start)
        counts = report.counts()
        parts = ", ".join(
            f"{counts[k]} {k}"
            for k in ("added", "replaced", "duplicate", "unchanged", "failed")
            if k in counts
        )
        err.print(
            f"kg: {parts or 'nothing to ingest'}; store {st.location}: {st.count()} triples", markup=False
        )
        # The ledger's status changes: a few lines read well, a thousand bury the summary.
        shown = 0 if quiet else LEDGER_LINES
        for line in report.ledger[:shown]:
            err.print(f"  ledger: {printable(line)}", markup=False, highlight=False)
        if len(report.ledger) > shown:
            more = len(report.ledger) - shown
            changes = f"status change{'s' * (more != 1)}"
            what = f"{more} {changes}" if quiet else f"and {more} more {changes}"
            err.print(f"  ledger: {what} (`kg followups` lists every commitment)", markup=False)
    if report.interrupted:
        err.print("kg: interrupted after the current document; run again to finish", markup=False)
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(2)


@app.command()
@guarded
def remove(
    document: Annotated[str, typer.Argument(help="document IRI, source path or file name")],
    store: StoreOpt = None,
) -> None:
    """Drop one document's graph from the store."""
    from kg.ingest import remove as run_remove

    with _open(store, create=False) as st:  # removing from a store that is not there must not create one
        removed = run_remove(st, document)
        for iri in removed:
            out.print(f"removed {printable(iri)}", markup=False, highlight=False)
    if not removed:
        err.print(f"kg: '{printable(document)}' was removed already; the ledger is repaired", markup=False,
                  highlight=False)


def cell(value: object) -> Text:
    """A table cell from data: plain text (no Rich markup such as `[link=...]`), controls escaped."""
    return Text(printable(str(value)))


def print_table(result: Any, title: str | None = None) -> None:
    from kg.query import short

    if result.kind != "select":
        from kg.query import format_result

        out.print(format_result(result, "json"), markup=False)
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for v in result.variables:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*(cell(short(row.get(v))) for v in result.variables))
    out.print(table, highlight=False)
    err.print(f"{len(result.rows)} row(s)", markup=False)


@app.command()
@guarded
def query(
    spec: Annotated[str, typer.Argument(help="a named query, a .rq file, or SPARQL text")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value (repeatable)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json")] = "table",
    limit: Annotated[int | None, typer.Option("--limit", help="at most this many rows")] = None,
    offset: Annotated[int, typer.Option("--offset", help="skip this many rows first (paging)")] = 0,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query over the store."""
    from kg.query import format_result, parse_params, run

    with _open(store, read_only=True) as st:
        result = run(st, spec, parse_params(param or []), limit=limit, offset=offset)
    if fmt == "table" and result.kind == "select":
        print_table(result)
    else:
        sys.stdout.write(
            format_result(result, fmt if result.kind == "select" or fmt != "table" else "turtle")
        )
        sys.stdout.write("\n")


@app.command()
@guarded
def queries() -> None:
    """List the named queries, one line each."""
    from kg.query import named_queries

    table = Table(show_header=True, header_style="bold")
    table.add_column("name")
    table.add_column("answers")
    table.add_column("parameters")
    for q in named_queries().values():
        table.add_row(q.name, q.description, ", ".join(p for p, _ in q.params))
    out.print(table)


@app.command()
@guarded
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig, nquads, turtle or jsonld")] = "trig",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file (default: stdout)")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the whole store."""
    from kg.export import export as run_export

    with _open(store, read_only=True) as st:
        data = run_export(st, fmt)
    if output:
        output.write_bytes(data)
        err.print(f"wrote {output} ({len(data)} bytes)", markup=False)
    else:
        sys.stdout.buffer.write(data)


@app.command()
@guarded
def report(store: StoreOpt = None) -> None:
    """A short report of what the store holds."""
    from kg.report import summary

    with _open(store, read_only=True) as st:
        s = summary(st)
    table = Table(title=f"council-kg store: {s.triples} triples", header_style="bold")
    table.add_column("what")
    table.add_column("how many", justify="right")
    for k, v in s.counts.items():
        table.add_row(cell(k), str(v))
    for k, v in s.commitments.items():
        table.add_row(f"  commitments {k}", str(v))
    out.print(table)


@app.command()
@guarded
def validate(
    document: Annotated[
        str | None,
        typer.Option("--document", "-d", help="only this document (IRI, source path or file name)"),
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Check the graph against the SHACL shapes; exit non-zero on any violation."""
    from kg.validate import check

    with _open(store, read_only=True) as st:
        report = check(st, document,
                       on_problem=lambda p: out.print(printable(p.line()), markup=False, highlight=False))
    warnings = len(report.problems)
    err.print(
        f"kg: {report.triples} triples conform to the shapes"
        + (f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""),
        markup=False,
    )


@app.command()
@guarded
def viz(
    council: Annotated[
        str | None,
        typer.Option("--council", "-c", help="only this council (overview, --followups; --focus in it)"),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus",
            help="a person, post, committee, indicator or commitment (name or IRI): its neighbourhood",
        ),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", help="links around --focus")] = 1,
    followups: Annotated[bool, typer.Option("--followups", help="the commitment ledger as a graph")] = False,
    query: Annotated[
        str | None, typer.Option("--query", help="a named query or .rq file: its result")
    ] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value for --query")] = None,
    budget: Annotated[
        int, typer.Option("--budget", help="labelled nodes drawn at first; the rest fold into groups")
    ] = 150,
    sources: Annotated[
        Path | None, typer.Option("--sources", help="the folder ingested: evidence links open its files")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="HTML file or folder (default out/VIEW.html)")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Write a self-contained HTML graph view (works offline): overview, --focus, --followups or --query."""
    from kg.query import parse_params
    from kg.viz import write_view

    with _open(store, read_only=True) as st:
        page = write_view(
            st,
            output,
            council=council,
            focus_node=focus,
            depth=depth,
            show_followups=followups,
            query=query,
            params=parse_params(param or []),
            budget=budget,
            sources=sources,
        )
    if page.notice:
        err.print(f"kg: {page.notice}", markup=False, highlight=False)
    drawn = f"{page.nodes} of {page.source_nodes} nodes drawn"
    err.print(f"kg: {drawn}, {page.edges} links, {page.bytes:,} bytes", markup=False)
    out.print(str(page.path), markup=False, highlight=False)


@app.command()
@guarded
def stats(
    council: Annotated[str | None, typer.Option("--council", "-c", help="only this council")] = None,
    top: Annotated[int, typer.Option("--top", help="rows per ranking")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    store: StoreOpt = None,
) -> None:
    """Network statistics: counts by type, most active councillors and posts, indicators, components."""
    from kg.analytics import stats as run_stats

    with _open(store, read_only=True) as st:
        s = run_stats(st, council=council, top=top)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table(
        title=f"{s['nodes']} nodes, {s['links']} links, {s['components']['count']} components",
        header_style="bold",
    )
    table.add_column("what")
    table.add_column("how many", justify="right")
    for k, v in s["counts"].items():
        table.add_row(k, str(v))
    out.print(table)
    for key, title in (("councillors", "Most active councillors"), ("posts", "Most active posts")):
        t = Table(title=title, header_style="bold")
        for col in ("label", "contributions", "degree", "betweenness"):
            t.add_column(col, justify="left" if col == "label" else "right")
        for r in s[key]:
            t.add_row(cell(r["label"]), str(r["contributions"]), str(r["degree"]), f"{r['betweenness']:.3f}")
        out.print(t)
    t = Table(title="Indicators discussed most", header_style="bold")
    for col in ("label", "contributions", "figures", "commitments", "documents"):
        t.add_column(col, justify="left" if col == "label" else "right")
    for r in s["indicators"]:
        counts = (str(r[c]) for c in ("contributions", "figures", "commitments", "documents"))
        t.add_row(cell(r["label"]), *counts)
    out.print(t)


@app.command()
@guarded
def serve(
    port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
    host: Annotated[
        str, typer.Option("--host", help="address to bind (default: loopback only)")
    ] = "127.0.0.1",
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="accept updates (needs --token)")
    ] = False,
    token: Annotated[
        str | None, typer.Option("--token", envvar="KG_SERVE_TOKEN", help="bearer token updates must carry")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="seconds before a query is cancelled")] = 15.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="most rows (or triples) in one result")
    ] = 100_000,
    max_mb: Annotated[float, typer.Option("--max-mb", help="most megabytes in one result")] = 50.0,
    max_memory: Annotated[
        int, typer.Option("--max-memory", help="megabytes of memory one query may use (0: no limit)")
    ] = 1024,
    allow_service: Annotated[
        list[str] | None,
        typer.Option("--allow-service", help="a SPARQL endpoint queries may call with SERVICE (repeatable)"),
    ] = None,
    store: StoreOpt = None,
) -> None:
    """A SPARQL endpoint (read-only by default), a query page and the graph views, over HTTP."""
    from kg.serve import Settings
    from kg.serve import serve as run_serve
    from kg.store import default_location

    settings = Settings(
        location=store or default_location(),
        host=host,
        port=port,
        allow_update=allow_update,
        token=token,
        timeout=timeout,
        max_rows=max_rows,
        max_bytes=int(max_mb * 1_000_000),
        max_memory=max_memory,
        allow_service=tuple(allow_service or ()),
    )
    run_serve(settings, say=lambda line: err.print(line, markup=False, highlight=False))


@app.command()
@guarded
def indicators(
    council: Annotated[
        str | None, typer.Option("--council", "-c", help="only this council (part of name)")
    ] = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="draw one indicator's series to FILE.png")
    ] = None,
    indicator: Annotated[
        str | None, typer.Option("--indicator", "-i", help="concept id or label (--plot)")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """The latest figure per indicator per council, with target, RAG and direction; --plot draws a series."""
    from kg.indicators_report import report as run_report
    from kg.indicators_report import show_value

    with _open(store, read_only=True) as st:
        rep = run_report(st, council=council, plot_to=plot, indicator=indicator)
    table = Table(title="latest figures", header_style="bold")
    for name in ("indicator", "council", "period", "value", "target", "RAG", "direction"):
        table.add_column(name, overflow="fold")
    for r in rep.rows:
        cells = (
            f"{r.indicator_label} [{r.indicator}]",
            r.council,
            r.period,
            show_value(r.value, r.unit),
            show_value(r.target, r.unit),
            r.rag or "",
            r.direction or "",
        )
        table.add_row(*(cell(c) for c in cells))  # labels are not markup
    out.print(table, highlight=False)
    err.print(f"{len(rep.rows)} row(s)", markup=False)
    if rep.plot:
        err.print(f"wrote {rep.plot}", markup=False)


followups_app = typer.Typer(help="The follow-up ledger: list it, or record a person's decision on a status.")
app.add_typer(followups_app, name="followups")


@followups_app.callback(invoke_without_command=True)
@guarded
def followups(
    ctx: typer.Context,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help="open, overdue, fulfilled, unknown (repeatable, or comma-separated)"),
    ] = None,
    council: Annotated[
        str | None, typer.Option("--council", help="only councils whose name contains this")
    ] = None,
    committee: Annotated[
        str | None, typer.Option("--committee", help="only committees whose name contains this")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="only actors whose name contains this")] = None,
    made_since: Annotated[
        str | None, typer.Option("--made-since", help="made on or after YYYY-MM-DD")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="made on or before YYYY-MM-DD")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="status as of YYYY-MM-DD (default today)")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
    html: Annotated[Path | None, typer.Option("--html", help="also write the ledger as an HTML page")] = None,
    store: StoreOpt = None,
) -> None:
    """The follow-up ledger: every commitment, who made it, when due, and whether kept (overdue first)."""
    if ctx.invoked_subcommand:
        return
    from kg.followups import followups as run_followups
    from kg.followups import render

    if fmt not in ("table", "csv", "json"):
        raise QueryError(f"unknown format '{fmt}'", hint="table, csv or json")
    with _open(store, read_only=True) as st:
        report = run_followups(st, statuses=status, council=council, committee=committee, actor=actor,
                               made_since=made_since, made_until=until, as_of=as_of, html_path=html)
    if fmt != "table":
        sys.stdout.write(render(report.rows, fmt))
    else:
        table = Table(header_style="bold", show_lines=False, title=f"as of {report.as_of}")
        for name in ("id", "council", "committee", "made at", "actor", "what", "due", "status", "evidence"):
            table.add_column(name, overflow="fold")
        for f in report.rows:
            evidence = f"{f.fulfilled_file}: {f.evidence}" if f.evidence else f.reason
            table.add_row(*(cell(c) for c in (f.id, f.council, f.committee, f.made_at, f.actor, f.text,
                                               f.due + (f" ({f.due_date})" if f.due_date else ""),
                                               f.status or "-", evidence)))
        out.print(table, highlight=False)
    err.print(f"{len(report.rows)} commitment(s) as of {report.as_of}" + (f"; wrote {html}" if html else ""),
              markup=False)


def _review(ident: str, decision: str, reviewer: str, note: str, store: str | None) -> None:
    from kg.followups import review

    with _open(store, create=False) as st:
        f = review(st, ident, decision, reviewer=reviewer, note=note)
    out.print(f"{f.id}: {f.status} ({f.reason})", markup=False, highlight=False)


@followups_app.command()
@guarded
def confirm(
    ident: Annotated[str, typer.Argument(help="the commitment's id (the id column) or IRI")],
    by: Annotated[str, typer.Option("--by", help="who decides")] = "",
    note: Annotated[str, typer.Option("--note", help="why")] = "",
    store: StoreOpt = None,
) -> None:
    """Confirm a commitment's status and evidence as they stand today: it outranks the automatic one."""
    _review(ident, "confirm", by, note, store)


@followups_app.command()
@guarded
def reject(
    ident: Annotated[str, typer.Argument(help="the commitment's id (the id column) or IRI")],
    by: Annotated[str, typer.Option("--by", help="who decides")] = "",
    note: Annotated[str, typer.Option("--note", help="why")] = "",
    store: StoreOpt = None,
) -> None:
    """Reject a commitment's status as it stands today: its evidence is never matched to it again (or, with
    no evidence, the status reads unknown)."""
    _review(ident, "reject", by, note, store)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

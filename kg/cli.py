"""The `kg` command: each command parses its options and calls one library function.

A KgError becomes one line on stderr and its exit code; nothing prints a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.errors import KgError, QueryError, printable

# Each command's short_help fits an 80-column `kg --help` whole (click cuts a longer first line with "...").
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="council-kg: what councils were told, by whom, the figures, and what was promised.",
)


class _LazyConsole:
    """A rich Console made on first use: importing rich costs `kg --help` a tenth of its time budget."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Any = None

    def get(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, soft_wrap=True)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


out: Any = _LazyConsole(stderr=False)
err: Any = _LazyConsole(stderr=True)

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store", "-s", help="store directory or SPARQL server URL (default: $KG_STORE or .kg/store)"
    ),
]


# typer vendors click: its usage errors derive from its own ClickException, not the click package's.
_ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


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
        except (typer.Exit, typer.Abort, _ClickException):
            raise  # typer's own control flow and usage errors
        except Exception as e:  # noqa: BLE001 - never a traceback for a user
            err.print(
                f"kg: internal error: {type(e).__name__}: {printable(str(e))} (please report it)",
                markup=False,
                highlight=False,
            )
            raise typer.Exit(70) from None

    return wrapper


def steps() -> Any:
    """Progress bars on stderr (counts, elapsed, time left) when it is a terminal; nothing otherwise."""
    from kg.terminal import Steps

    return Steps(err.get(), enabled=err.is_terminal)


def _open(store: str | None, *, read_only: bool = False, create: bool = True):  # noqa: ANN202
    from kg.stores import open_store

    return open_store(store, read_only=read_only, create=create)


LEDGER_LINES = 20  # ledger status changes printed after an ingest; the rest are counted


@app.command(short_help="Build the graph from documents (files and folders).")
@guarded
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (folders recursively)")],
    store: StoreOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="extract in N worker processes")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="only the summary and problems")] = False,
) -> None:
    """Build the graph from documents: read, extract, link, write one named graph per document."""
    from kg.ingest import Outcome
    from kg.ingest import ingest as run_ingest

    with _open(store) as st, steps() as progress:
        count = {"done": 0, "total": -1}  # total -1: documents found before the run starts are not counted

        def on_start(n: int) -> None:
            count["total"] = n
            progress("ingesting", 0, n)

        def on_document(o: Outcome) -> None:
            for w in o.warnings:
                line = f"kg: {printable(o.source)}: warning: {printable(w)}"
                err.print(line, markup=False, highlight=False)
            if o.status == "failed":
                err.print(f"kg: {printable(o.message)}", markup=False, highlight=False)
            elif not quiet:
                extra = f" ({o.message})" if o.message else (f", {o.triples} triples" if o.triples else "")
                err.print(f"  {o.status:9s} {printable(o.source + extra)}", markup=False, highlight=False)
            if count["total"] >= 0:
                count["done"] += 1
                progress("ingesting", count["done"], count["total"])
                if count["done"] == count["total"]:  # what is left is the ledger: no count, only time
                    progress("updating the follow-up ledger", 0, None)

        report = run_ingest(paths, st, jobs=jobs, on_document=on_document, on_start=on_start)
        progress.stop()
        counts = report.counts()
        parts = ", ".join(
            f"{counts[k]} {k}"
            for k in ("added", "replaced", "duplicate", "unchanged", "failed")
            if k in counts
        )
        # Documents, not triples: counting every triple reads the whole store (3.5 s at ten million), on
        # every run, however few documents it added.
        held = st.document_count()
        held_docs = f"{held} document{'s' * (held != 1)}"
        err.print(f"kg: {parts or 'nothing to ingest'}; store {st.location}: {held_docs}", markup=False)
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


def cell(value: object) -> Any:
    """A table cell from data: plain text (no Rich markup such as `[link=...]`), controls escaped."""
    from rich.text import Text

    return Text(printable(str(value)))


def show_table(headers: list[str], rows: list[list[str]], *, title: str | None = None,
               keep: tuple[str, ...] = (), drop: tuple[str, ...] = (), right: tuple[str, ...] = (),
               columns: list[str] | None = None, whole: str = "--format csv or json") -> None:
    """Print rows as a table that fits the terminal (see kg.terminal); say which columns were left out.
    `columns` picks and orders the columns; `whole` says how to get every column with values whole."""
    from kg.terminal import fitted_table

    if columns:
        unknown = [c for c in columns if c not in headers]
        if unknown:
            raise QueryError(f"no column {', '.join(unknown)}", hint=f"the columns: {', '.join(headers)}")
        pick = [headers.index(c) for c in columns]
        headers, rows = [headers[i] for i in pick], [[r[i] for i in pick] for r in rows]
    rows = [[printable(v) for v in r] for r in rows]
    table, hidden = fitted_table(headers, rows, out.width, title=title, keep=keep, drop=drop, right=right)
    out.print(table, highlight=False)
    if hidden:
        how = f"--columns to choose; {whole} for every column, values whole" if whole else "a wider terminal"
        err.print(f"kg: {len(hidden)} column{'s' * (len(hidden) != 1)} left out to fit {out.width} "
                  f"characters: {', '.join(hidden)} ({how})", markup=False, highlight=False)


def print_table(result: Any, title: str | None = None, columns: list[str] | None = None) -> None:
    from kg.query import short

    if result.kind != "select":
        from kg.query import format_result

        out.print(format_result(result, "json"), markup=False)
        return
    names = list(result.variables)
    rows = [[short(row.get(v)) for v in names] for row in result.rows]
    show_table(names, rows, title=title, columns=columns)
    err.print(f"{len(result.rows)} row(s)", markup=False)


def _columns(value: str | None) -> list[str] | None:
    return [c.strip() for c in value.split(",") if c.strip()] if value else None


ColumnsOpt = Annotated[
    str | None, typer.Option("--columns", help="table columns to show, comma-separated (default: what fits)")
]


@app.command(short_help="Run a named query, a .rq file or SPARQL text.")
@guarded
def query(
    spec: Annotated[str, typer.Argument(help="a named query, a .rq file, or SPARQL text")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value (repeatable)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json")] = "table",
    limit: Annotated[int | None, typer.Option("--limit", help="at most this many rows")] = None,
    offset: Annotated[int, typer.Option("--offset", help="skip this many rows first (paging)")] = 0,
    columns: ColumnsOpt = None,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query over the store (a table fitted to the terminal; csv, tsv and json hold every
    column with IRIs whole)."""
    from kg.query import format_result, parse_params, run

    with _open(store, read_only=True) as st, steps() as progress:
        progress("running the query")
        result = run(st, spec, parse_params(param or []), limit=limit, offset=offset)
    if fmt == "table" and result.kind == "select":
        print_table(result, columns=_columns(columns))
    else:
        sys.stdout.write(
            format_result(result, fmt if result.kind == "select" or fmt != "table" else "turtle")
        )
        sys.stdout.write("\n")


@app.command(short_help="List the named queries and what each answers.")
@guarded
def queries() -> None:
    """List the named queries: each with its parameters and its whole description."""
    import textwrap

    from rich.text import Text

    from kg.query import named_queries

    width = max(40, min(out.width, 100))

    def para(text: str, first: str, rest: str) -> None:
        filled = textwrap.fill(printable(text), width, initial_indent=first, subsequent_indent=rest,
                               break_long_words=False, break_on_hyphens=False)
        out.print(filled, markup=False, highlight=False)

    for q in named_queries().values():
        out.print(Text(q.name, style="bold"), highlight=False)
        for p, about in q.params:
            para(f"--param {p}=...: {about}", "  ", "      ")
        para(q.about or q.description, "  ", "  ")
        out.print()
    err.print("kg query NAME [--param name=value] runs one; kg query FILE.rq or SPARQL text runs your own",
              markup=False, highlight=False)


@app.command(short_help="One thing: its statements, links and evidence.")
@guarded
def show(
    thing: Annotated[str, typer.Argument(help="a name, label or title (any case), an IRI, or a prefixed name "
                                               "such as id:council/...")],
    links: Annotated[int, typer.Option("--links", help="most statements pointing at it to list")] = 50,
    source: Annotated[list[Path] | None, typer.Option(
        "--source", help="folder holding the source documents: quotes checked and shown in context "
                         "(default: the current folder, where the recorded paths point)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    store: StoreOpt = None,
) -> None:
    """One thing and its evidence: label, types, statements, what points at it, and the quotes it was read
    from."""
    from kg.describe import describe

    if fmt not in ("text", "json"):
        raise QueryError(f"unknown format '{fmt}'", hint="text or json")
    with _open(store, read_only=True) as st, steps() as progress:
        progress("looking it up")
        d = describe(st, thing, links=links, search=source or [Path.cwd()])
    if fmt == "json":
        import dataclasses
        import json

        sys.stdout.write(json.dumps(dataclasses.asdict(d), indent=2, ensure_ascii=False) + "\n")
        return
    print_description(d)


def print_description(d: Any) -> None:
    """A Description (kg.describe) as text: a heading, the statements, the links in, the evidence."""
    import textwrap

    from rich.text import Text

    say = functools.partial(out.print, markup=False, highlight=False)
    out.print(Text(printable(d.label), style="bold"), highlight=False)
    say(f"  {printable(d.iri)}")
    if d.types:
        say(f"  a {', '.join(d.types)}")
    if d.graphs:
        names = ", ".join(printable(g.rsplit("/", 1)[-1]) for g in d.graphs[:6])
        say(f"  stated in {len(d.graphs)} graph{'s' * (len(d.graphs) != 1)}: {names}"
            + (", ..." if len(d.graphs) > 6 else ""))
    say()
    if d.facts:
        show_table(["property", "value"], [[f.predicate_name, f.label] for f in d.facts], title="Statements",
                   keep=("property", "value"), whole="--format json")
    if d.links:
        more = d.links_total > len(d.links)
        shown = f" ({len(d.links)} of {d.links_total}; --links N for more)" if more else ""
        show_table(["property", "from"], [[ln.predicate_name, ln.subject_label] for ln in d.links],
                   title=f"Pointing here{shown}", keep=("property", "from"), whole="--format json")
    elif d.links_total:
        say(f"{d.links_total} statements point here (--links N lists them)")
    say()
    if not d.evidence:
        say("No evidence of its own: it is reference data, or named only in a document's metadata.")
        return
    out.print(Text(f"Evidence ({len(d.evidence)})", style="bold"), highlight=False)
    width = max(40, min(out.width, 100))
    mark = {True: "verified against the source", False: "DOES NOT MATCH the source",
            None: "source not found: --source FOLDER checks it and shows its context"}
    for e in d.evidence:
        where = f"{e.file} [{e.start}:{e.end}]" + (f" page {e.page}" if e.page else "")
        say(f"  {printable(where)} ({mark[e.verified]})")
        quote = f"...{e.before}[[{e.quote}]]{e.after}..." if e.before or e.after else f"\"{e.quote}\""
        say(textwrap.fill(printable(" ".join(quote.split())), width, initial_indent="    ",
                          subsequent_indent="    "))


@app.command()
@guarded
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig, nquads, turtle or jsonld")] = "trig",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file (default: stdout)")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the whole store."""
    from kg.export import export as run_export

    with _open(store, read_only=True) as st, steps() as progress:
        progress(f"exporting as {fmt}")
        data = run_export(st, fmt)
    if output:
        output.write_bytes(data)
        err.print(f"wrote {output} ({len(data)} bytes)", markup=False)
    else:
        sys.stdout.buffer.write(data)


@app.command(name="load", short_help="Restore a store from a dump (kg export), with the bulk loader.")
@guarded
def load_dump(
    source: Annotated[Path, typer.Argument(help="an N-Quads or TriG file written by `kg export`")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="nquads or trig (default: from the name)")]
    = None,
    store: StoreOpt = None,
) -> None:
    """Write a dump into a new store: all or nothing (a stopped load leaves no store), several times faster
    than ingesting again. The target must be a new or empty folder."""
    from kg.errors import StoreError
    from kg.load import load as run_load
    from kg.store import default_location

    location = store or default_location()
    if location.startswith(("http://", "https://")):
        raise StoreError("kg load writes a store on disk", path=location,
                         hint="load a server with its own bulk loader (oxigraph load; Virtuoso's ld_dir)")
    with steps() as progress:
        progress(f"loading {source}")
        done = run_load(source, Path(location), fmt)
    out.print(f"loaded {done.quads} quads ({done.documents} documents) into {printable(done.location)} "
              f"in {done.seconds:.1f} s", markup=False, highlight=False)


@app.command()
@guarded
def report(store: StoreOpt = None) -> None:
    """A short report of what the store holds."""
    from rich.table import Table

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


@app.command(short_help="Check the graph against the SHACL shapes.")
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

    with _open(store, read_only=True) as st, steps() as progress:
        report = check(st, document, progress=progress,
                       on_problem=lambda p: out.print(printable(p.line()), markup=False, highlight=False))
    warnings = len(report.problems)
    err.print(
        f"kg: {report.triples} triples conform to the shapes"
        + (f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""),
        markup=False,
    )


@app.command(short_help="Write an HTML graph view that works offline.")
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

    with _open(store, read_only=True) as st, steps() as progress:
        progress("drawing the view")
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


@app.command(short_help="Network statistics: counts, most active, components.")
@guarded
def stats(
    council: Annotated[str | None, typer.Option("--council", "-c", help="only this council")] = None,
    top: Annotated[int, typer.Option("--top", help="rows per ranking")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    store: StoreOpt = None,
) -> None:
    """Network statistics: counts by type, most active councillors and posts, indicators, components."""
    from kg.analytics import stats as run_stats

    with _open(store, read_only=True) as st, steps() as progress:
        s = run_stats(st, council=council, top=top, progress=progress)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(s, indent=2, ensure_ascii=False) + "\n")
        return
    show_table(["what", "how many"], [[k, str(v)] for k, v in s["counts"].items()], right=("how many",),
               title=f"{s['nodes']} nodes, {s['links']} links, {s['components']['count']} components",
               whole="--format json")
    numbers = ("contributions", "degree", "betweenness", "figures", "commitments", "documents")
    for key, title in (("councillors", "Most active councillors"), ("posts", "Most active posts")):
        show_table(["label", "contributions", "degree", "betweenness"],
                   [[r["label"], str(r["contributions"]), str(r["degree"]), f"{r['betweenness']:.3f}"]
                    for r in s[key]], title=title, keep=("label",), right=numbers, whole="--format json")
    cols = ["label", "contributions", "figures", "commitments", "documents"]
    show_table(cols, [[r["label"], *(str(r[c]) for c in cols[1:])] for r in s["indicators"]],
               title="Indicators discussed most", keep=("label",), right=numbers, whole="--format json")


@app.command(short_help="A SPARQL endpoint, query page and views over HTTP.")
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
    sources: Annotated[
        list[Path] | None,
        typer.Option("--sources", help="folder of the ingested documents: evidence shown in its context"),
    ] = None,
    warm: Annotated[
        bool, typer.Option("--warm/--no-warm", help="compute views and statistics ahead, per store version")
    ] = True,
    store: StoreOpt = None,
) -> None:
    """A linked-data site: SPARQL endpoint (read-only by default), query page, a page per IRI, views."""
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
        sources=tuple(str(p) for p in sources or ()),
        warm=warm,
    )
    run_serve(settings, say=lambda line: err.print(line, markup=False, highlight=False))


@app.command(short_help="The latest figure per indicator and council, with RAG.")
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
    columns: ColumnsOpt = None,
    store: StoreOpt = None,
) -> None:
    """The latest figure per indicator per council, with target, RAG and direction; --plot draws a series."""
    from kg.indicators_report import report as run_report
    from kg.indicators_report import show_value

    with _open(store, read_only=True) as st:
        rep = run_report(st, council=council, plot_to=plot, indicator=indicator)
    rows = [[f"{r.indicator_label} [{r.indicator}]", r.council, r.period, show_value(r.value, r.unit),
             show_value(r.target, r.unit), r.rag or "", r.direction or ""] for r in rep.rows]
    show_table(["indicator", "council", "period", "value", "target", "RAG", "direction"], rows,
               title="latest figures", keep=("indicator", "value"), drop=("direction", "council"),
               right=("value", "target"), columns=_columns(columns), whole="")
    err.print(f"{len(rep.rows)} row(s)", markup=False)
    if rep.plot:
        err.print(f"wrote {rep.plot}", markup=False)


followups_app = typer.Typer(help="The follow-up ledger: list it, or record a person's decision on a status.")
app.add_typer(followups_app, name="followups",
              short_help="The follow-up ledger: commitments and their status.")


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
    columns: ColumnsOpt = None,
    store: StoreOpt = None,
) -> None:
    """The follow-up ledger: every commitment, who made it, when due, and whether kept (overdue first)."""
    if ctx.invoked_subcommand:
        return
    from kg.followups import followups as run_followups
    from kg.followups import render

    if fmt not in ("table", "csv", "json"):
        raise QueryError(f"unknown format '{fmt}'", hint="table, csv or json")
    with _open(store, read_only=True) as st, steps() as progress:
        progress("reading the ledger")
        report = run_followups(st, statuses=status, council=council, committee=committee, actor=actor,
                               made_since=made_since, made_until=until, as_of=as_of, html_path=html)
    if fmt != "table":
        sys.stdout.write(render(report.rows, fmt))
    else:
        rows = [[f.id, f.council, f.committee, f.made_at, f.actor, f.text,
                 f.due + (f" ({f.due_date})" if f.due_date else ""), f.status or "-",
                 f"{f.fulfilled_file}: {f.evidence}" if f.evidence else f.reason] for f in report.rows]
        names = ["id", "council", "committee", "made at", "actor", "what", "due", "status", "evidence"]
        show_table(names, rows, title=f"as of {report.as_of}", keep=("id", "what", "status"),
                   drop=("council", "made at", "committee", "due", "actor"), columns=_columns(columns))
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

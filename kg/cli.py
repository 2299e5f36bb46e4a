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

from kg.errors import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="council-kg: what councils were told, by whom, the figures, and what was promised.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOpt = Annotated[str | None, typer.Option("--store", "-s", help="store directory or SPARQL server URL "
                                                "(default: $KG_STORE or .kg/store)")]


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
            err.print(f"kg: internal error: {type(e).__name__}: {e} (please report it)", markup=False, highlight=False)
            raise typer.Exit(70) from None

    return wrapper


def _open(store: str | None, *, read_only: bool = False):  # noqa: ANN202
    from kg.store import open_store

    return open_store(store, read_only=read_only)


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

    from kg.ingest import Outcome, ingest as run_ingest

    with _open(store) as st, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal,
                                      transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def on_start(n: int) -> None:
            bar.update(task, total=n)

        def on_document(o: Outcome) -> None:
            if o.status == "failed":
                err.print(f"kg: {o.message}", markup=False, highlight=False)
            else:
                bar.advance(task)
                if not quiet:
                    extra = f" ({o.message})" if o.message else (f", {o.triples} triples" if o.triples else "")
                    err.print(f"  {o.status:9s} {o.source}{extra}", markup=False, highlight=False)

        report = run_ingest(paths, st, jobs=jobs, on_document=on_document, on_start=on_start)
        counts = report.counts()
        parts = ", ".join(f"{counts[k]} {k}" for k in ("added", "replaced", "duplicate", "unchanged", "failed") if k in counts)
        err.print(f"kg: {parts or 'nothing to ingest'}; store {st.location}: {st.count()} triples", markup=False)
        for line in report.ledger:
            err.print(f"  ledger: {line}", markup=False, highlight=False)
    if report.interrupted:
        err.print("kg: interrupted after the current document; run again to finish", markup=False)
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(2)


@app.command()
@guarded
def remove(document: Annotated[str, typer.Argument(help="document IRI, source path or file name")],
           store: StoreOpt = None) -> None:
    """Drop one document's graph from the store."""
    from kg.ingest import remove as run_remove

    with _open(store) as st:
        for iri in run_remove(st, document):
            out.print(f"removed {iri}", markup=False)


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
        table.add_row(*(short(row.get(v)) for v in result.variables))
    out.print(table)
    err.print(f"{len(result.rows)} row(s)", markup=False)


@app.command()
@guarded
def query(
    spec: Annotated[str, typer.Argument(help="a named query, a .rq file, or SPARQL text")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value (repeatable)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json")] = "table",
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query over the store."""
    from kg.query import format_result, parse_params, run

    with _open(store, read_only=True) as st:
        result = run(st, spec, parse_params(param or []))
    if fmt == "table" and result.kind == "select":
        print_table(result)
    else:
        sys.stdout.write(format_result(result, fmt if result.kind == "select" or fmt != "table" else "turtle"))
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
        table.add_row(k, str(v))
    for k, v in s.commitments.items():
        table.add_row(f"  commitments {k}", str(v))
    out.print(table)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

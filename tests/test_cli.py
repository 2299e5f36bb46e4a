"""The `kg` command through typer's CliRunner: the scorer's contract and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def kg(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_then_query_documents_json(tmp_path: Path, seeds_dir: Path) -> None:
    store = str(tmp_path / "st")
    first = kg("ingest", str(seeds_dir), "--store", store)
    assert first.exit_code == 0, first.stderr
    assert "5 added" in first.stderr
    assert f"store {store}: 5 documents" in first.stderr  # what the store holds, without counting its triples
    again = kg("ingest", str(seeds_dir), "--store", store)
    assert again.exit_code == 0 and "5 unchanged" in again.stderr

    res = kg("query", "documents", "--store", store, "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["head"]["vars"][:3] == ["document", "file", "title"]
    rows = {b["file"]["value"]: b for b in data["results"]["bindings"]}
    assert sorted(rows) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert rows["003_05486bbbf8471d79.txt"]["council_label"]["value"] == "Darlington Borough Council"
    assert rows["003_05486bbbf8471d79.txt"]["period"]["value"] == "2017/18 Q2"
    assert rows["004_c09156de69ac898d.txt"]["council"]["type"] == "uri"

    csv_out = kg("query", "documents", "--store", store, "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("document,file,title")
    assert len(csv_out.strip().splitlines()) == 6


def test_missing_path_is_one_line_and_nonzero_but_others_ingest(tmp_path: Path, seeds_dir: Path) -> None:
    store = str(tmp_path / "st")
    res = kg(
        "ingest", str(tmp_path / "nope.txt"), str(seeds_dir / "000_c54206f06d683a2c.txt"), "--store", store
    )
    assert res.exit_code == 2
    problems = [line for line in res.stderr.splitlines() if "nope.txt" in line]
    assert len(problems) == 1 and "no such file or folder" in problems[0]
    assert "Traceback" not in res.stderr
    assert "1 added" in res.stderr


def test_query_errors_are_one_line(tmp_path: Path, seeds_dir: Path) -> None:
    store = str(tmp_path / "st")
    kg("ingest", str(seeds_dir), "--store", store, "--quiet")
    for args, words in [
        (("query", "no-such-query"), "unknown query"),
        (("query", "SELECT ?x WHERE { ?x"), "SPARQL syntax error"),
        (("query", "documents", "--format", "xml"), "unknown format"),
        (("query", "documents", "--param", "x"), "bad --param"),
    ]:
        res = kg(*args, "--store", store)
        assert res.exit_code != 0 and words in res.stderr and "Traceback" not in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1


def test_query_on_a_missing_store_does_not_create_it(tmp_path: Path) -> None:
    res = kg("query", "documents", "--store", str(tmp_path / "none"))
    assert res.exit_code != 0 and "no store here yet" in res.stderr
    assert not (tmp_path / "none").exists()


def test_queries_lists_the_contract_queries() -> None:
    res = kg("queries")
    assert res.exit_code == 0
    for name in (
        "documents",
        "people",
        "posts",
        "observations",
        "contributions",
        "commitments",
        "resolutions",
    ):
        assert name in res.stdout


def test_export_round_trips(tmp_path: Path, seeds_dir: Path) -> None:
    store = str(tmp_path / "st")
    kg("ingest", str(seeds_dir), "--store", store, "--quiet")
    out = tmp_path / "all.nq"
    assert kg("export", "--format", "nquads", "--output", str(out), "--store", store).exit_code == 0
    ds = Dataset()
    ds.parse(out, format="nquads")
    assert len(ds) > 100
    trig = kg("export", "--format", "trig", "--store", store)
    assert trig.exit_code == 0 and "GRAPH" in trig.stdout or "{" in trig.stdout


def test_ledger_lines_are_capped_and_counted_when_quiet(tmp_path: Path, seeds_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import cli as kg_cli

    quiet = kg("ingest", str(seeds_dir), "--store", str(tmp_path / "a"), "--quiet")
    assert quiet.exit_code == 0
    assert "ledger: 3 status changes (`kg followups` lists every commitment)" in quiet.stderr
    assert "ledger: open:" not in quiet.stderr and "added" not in quiet.stderr.replace("5 added", "")

    monkeypatch.setattr(kg_cli, "LEDGER_LINES", 1)
    capped = kg("ingest", str(seeds_dir), "--store", str(tmp_path / "b"))
    ledger = [line for line in capped.stderr.splitlines() if "ledger:" in line]
    assert len(ledger) == 2 and ledger[1].strip() == (
        "ledger: and 2 more status changes (`kg followups` lists every commitment)")


# ---- data is text on the terminal (issue 19)

MARKUP = "[/draft] [link=https://evil.example/]challenging[/link] [bold red]"


def _hostile_docs(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seeds, with Rich markup and an escape sequence in a commitment's words and a sidecar title, a
    file whose name carries an escape sequence, and an empty one whose name has a newline."""
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(seeds_dir, docs)
    seed = docs / "004_c09156de69ac898d.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace(
        "some of the challenging issues", f"some of the {MARKUP} \x1b[2J issues"), encoding="utf-8")
    side = docs / "003_05486bbbf8471d79.txt.meta.yaml"
    side.write_text(side.read_text(encoding="utf-8").replace(
        "title: Performance Indicators Q2 2017/18", 'title: "[/draft] \\e]8;;http://evil.example/\\a Q2"'),
        encoding="utf-8")
    (docs / "004_c09156de69ac898d.txt").rename(docs / "ok\x1b[31m.txt")
    (docs / "004_c09156de69ac898d.txt.meta.yaml").rename(docs / "ok\x1b[31m.txt.meta.yaml")
    (docs / "bad\nname.txt").write_bytes(b"")
    return docs


def test_document_text_and_file_names_are_text_not_markup_or_escapes(tmp_path: Path, seeds_dir: Path) -> None:
    import os
    import subprocess
    import sys

    docs = _hostile_docs(tmp_path, seeds_dir)
    exe = str(Path(sys.executable).with_name("kg"))
    env = {**os.environ, "COLUMNS": "2000"}
    store = str(tmp_path / "st")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([exe, *args, "--store", store], capture_output=True, text=True, env=env,
                              timeout=300)

    done = run("ingest", str(docs))
    assert done.returncode == 2, done.stderr
    assert "\x1b" not in done.stderr
    bad = [ln for ln in done.stderr.splitlines() if "name.txt" in ln]
    assert len(bad) == 1 and "bad\\nname.txt" in bad[0] and "no text" in bad[0], done.stderr
    assert "ok\\x1b[31m.txt" in done.stderr
    for cmd in (("query", "documents"), ("followups",)):
        shown = run(*cmd)
        assert shown.returncode == 0, (cmd, shown.stderr)
        assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
        assert "ok\\x1b[31m.txt" in shown.stdout or cmd == ("followups",)
    assert "[/draft] \\x1b]8;;http://evil.example/\\x07 Q2" in run("query", "documents").stdout
    assert MARKUP in run("followups").stdout


# ---- reading well on a terminal (issue 17)

def _kg_process(*args: str, columns: int = 80, cwd: Path | None = None):  # noqa: ANN202
    """`kg` in a real process with a terminal `columns` wide (rich reads COLUMNS)."""
    import os
    import subprocess
    import sys

    exe = str(Path(sys.executable).with_name("kg"))
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=300, cwd=cwd)


def _table_columns(stdout: str) -> list[int]:
    """The widths of a rich table's columns, read off its header rule."""
    top = next(line for line in stdout.splitlines() if line.startswith("┏"))
    return [len(part) - 2 for part in top.strip("┏┓").split("┳")]


def test_query_table_at_80_columns_keeps_every_shown_column_readable(seeds_store_path: Path) -> None:
    """`kg query observations` at 80 columns: no line is wider, no column narrower than 8 characters (or
    than its widest value, if that is less), long quotes are elided, and the columns left out are named."""
    import csv
    import io

    store = str(seeds_store_path)
    table = _kg_process("query", "observations", "--store", store)
    assert table.returncode == 0, table.stderr
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    full = list(csv.reader(io.StringIO(_kg_process("query", "observations", "--store", store,
                                                   "--format", "csv").stdout)))
    header, rows = full[0], [r for r in full[1:] if r]
    shown = next(line for line in table.stdout.splitlines() if line.startswith("┃"))
    names = [c.strip() for c in shown.strip("┃").split("┃")]
    for name, width in zip(names, _table_columns(table.stdout), strict=True):
        longest = max(len(name), *(len(r[header.index(name)].rsplit("/", 1)[-1]) for r in rows))
        assert width >= min(8, longest), (name, width)
    assert "…" in table.stdout  # the quotes are longer than three lines of their column
    left_out = [h for h in header if h not in names]
    assert left_out and f"left out to fit 80 characters: {', '.join(left_out)}" in table.stderr


def test_csv_and_json_keep_whole_iris_and_values(seeds_store_path: Path) -> None:
    """csv and json never pass through the table: IRIs and quotes come out whole."""
    store = str(seeds_store_path)
    data = json.loads(_kg_process("query", "observations", "--store", store, "--format", "json").stdout)
    rows = data["results"]["bindings"]
    assert rows and all(r["observation"]["value"].startswith("https://w3id.org/council-kg/id/") for r in rows)
    longest = max(len(r["quote"]["value"]) for r in rows if "quote" in r)
    assert longest > 3 * 80  # longer than any table cell could show
    csv_out = _kg_process("query", "observations", "--store", store, "--format", "csv").stdout
    assert csv_out.count("https://w3id.org/council-kg/id/observation/") == len(rows)


def test_columns_option_picks_the_table_columns(seeds_store_path: Path) -> None:
    """--columns shows exactly the columns asked for, in that order; an unknown one is one line."""
    res = kg("query", "documents", "--store", str(seeds_store_path), "--columns", "period,file")
    assert res.exit_code == 0
    header = next(line for line in res.stdout.splitlines() if line.startswith("┃"))
    assert [c.strip() for c in header.strip("┃").split("┃")] == ["period", "file"]
    bad = kg("query", "documents", "--store", str(seeds_store_path), "--columns", "nope")
    assert bad.exit_code != 0 and "no column nope" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_queries_prints_whole_descriptions_and_parameters() -> None:
    """Every named query's whole header (all its lines, not the first) and each parameter's whole
    description (continuation lines included) are printed."""
    from kg.query import named_queries

    res = kg("queries")
    assert res.exit_code == 0
    printed = " ".join(res.stdout.split())
    for q in named_queries().values():
        assert f"{q.name} " in printed
        assert " ".join(q.about.split()) in printed, q.name
        header = [ln.lstrip("#").strip() for ln in q.text.splitlines() if ln.startswith("#")]
        assert all(h in printed for h in header if h and not h.startswith("param ")), q.name
        for p, about in q.params:
            assert f"--param {p}=...: {' '.join(about.split())}" in printed


def test_a_description_is_the_whole_first_sentence() -> None:
    """A first sentence wrapped over two header lines is one description, not its first line."""
    from kg.queries import _parse

    q = _parse("x", "# Which posts answered what: every response given by a post,\n# with who asked it.\n"
                    "# Columns: a, b.\n# param p: a thing,\n#   and more about it\nSELECT ?p WHERE {}\n")
    assert q.description == "Which posts answered what: every response given by a post, with who asked it."
    assert q.params == (("p", "a thing, and more about it"),)
    assert q.about.endswith("Columns: a, b.")


def _first(store: Path, query: str) -> dict:
    from kg.query import run
    from kg.store import LocalStore

    with LocalStore(store, read_only=True) as st:
        rows = run(st, query).rows
    return {k: str(v) for k, v in rows[0].items()}


def test_show_by_name_gives_facts_and_evidence_checked_in_the_source(seeds_store_path: Path,
                                                                     seeds_dir: Path) -> None:
    """`kg show NAME` on a person named in the seeds: their IRI, name, council and the quote they were read
    from, verified against the seed file."""
    person = _first(seeds_store_path, "people")
    res = kg("show", person["name"], "--store", str(seeds_store_path), "--source", str(seeds_dir))
    assert res.exit_code == 0, res.stderr
    assert person["person"] in res.stdout and "foaf:name" in res.stdout and "ckg:council" in res.stdout
    assert "Evidence" in res.stdout and "verified against the source" in res.stdout
    assert f"[[{person['name']}" in " ".join(res.stdout.split()) or person["name"] in res.stdout


def test_show_by_iri_gives_the_fact_its_links_and_its_quote(seeds_store_path: Path) -> None:
    """`kg show IRI` on a contribution: its speaker (by label), kind, and its exact quote as evidence; the
    JSON form holds whole IRIs."""
    c = _first(seeds_store_path, "contributions")
    res = kg("show", c["contribution"], "--store", str(seeds_store_path))
    assert res.exit_code == 0, res.stderr
    flat = " ".join(res.stdout.split())
    assert "ckg:speaker" in flat and c["speaker_label"] in flat and "ckg:kind" in flat
    assert c["quote"][:40] in flat
    data = json.loads(kg("show", f"<{c['contribution']}>", "--store", str(seeds_store_path),
                         "--format", "json").stdout)
    assert data["iri"] == c["contribution"]
    assert any(f["predicate"].endswith("#speaker") and f["value"] == c["speaker"] for f in data["facts"])
    assert [e["quote"] for e in data["evidence"]] == [c["quote"]]


def test_show_a_council_lists_what_points_at_it(seeds_store_path: Path) -> None:
    """A council has no quote of its own: the documents pointing at it are listed, up to --links."""
    doc = _first(seeds_store_path, "documents")
    res = kg("show", doc["council_label"], "--store", str(seeds_store_path), "--links", "2",
             "--format", "json")
    data = json.loads(res.stdout)
    assert data["iri"] == doc["council"] and len(data["links"]) == 2 and data["links_total"] > 2
    assert data["evidence"] == []


def test_show_unknown_or_ambiguous_is_one_line_and_nonzero(seeds_store_path: Path) -> None:
    """A name nothing has, an IRI nothing mentions, and a word in many names each give one line, exit != 0."""
    for thing, words in [("Nobody Of That Name Anywhere", "nothing in the store is named"),
                         ("https://w3id.org/council-kg/id/nothing/here", "nothing in the store is about"),
                         ("Council", "things")]:
        res = kg("show", thing, "--store", str(seeds_store_path))
        assert res.exit_code != 0 and words in res.stderr, (thing, res.stderr)
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_long_steps_report_progress(seeds_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg validate` and `kg stats` hand their steps to the progress bars: graphs read out of all, the
    shapes check, the network measures (the renderer drawn on a terminal of its own)."""
    import io

    from rich.console import Console

    from kg import cli as kg_cli
    from kg.terminal import Steps

    buf = io.StringIO()
    monkeypatch.setattr(kg_cli, "steps", lambda: Steps(Console(file=buf, force_terminal=True, width=120),
                                                       transient=False))
    kg("validate", "--store", str(seeds_store_path))
    kg("stats", "--store", str(seeds_store_path))
    text = buf.getvalue()
    from kg.store import LocalStore

    with LocalStore(seeds_store_path, read_only=True) as st:
        graphs = len([g for g in st.named_graphs() if not g.endswith(("/ontology", "/meta"))])
    assert "reading the graphs" in text and f"{graphs}/{graphs}" in text
    assert "against the shapes" in text
    assert "measuring the network" in text and "6/6" in text and "reading the store" in text


def test_help_imports_neither_rdflib_nor_oxigraph_nor_spacy() -> None:
    """`kg --help` in a fresh process (python -X importtime) loads none of the heavy libraries."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", "--help"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "Usage" in done.stdout
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()
              if line.startswith("import time:")}
    assert "typer" in loaded  # the list is real
    assert not loaded & {"rdflib", "pyoxigraph", "spacy", "pandas", "networkx"}, loaded


def test_help_lists_every_command_whole_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg --help` at 80 columns: each command's line fits and none is cut off with '...'."""
    monkeypatch.setenv("COLUMNS", "80")
    res = kg("--help")
    assert res.exit_code == 0
    commands = res.stdout.split("Commands:")[1].strip().splitlines()
    assert len(commands) >= 13 and any(line.split()[0] == "show" for line in commands)
    assert all(len(line) <= 80 and not line.rstrip().endswith("...") for line in commands), commands


def test_ingest_shows_progress_even_when_quiet(tmp_path: Path, seeds_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg ingest -q` counts documents on its bar up to all of them, then shows the ledger step."""
    import io

    from rich.console import Console

    from kg import cli as kg_cli
    from kg.terminal import Steps

    buf = io.StringIO()
    monkeypatch.setattr(kg_cli, "steps", lambda: Steps(Console(file=buf, force_terminal=True, width=120),
                                                       transient=False))
    res = kg("ingest", str(seeds_dir), "--store", str(tmp_path / "st"), "-q")
    assert res.exit_code == 0
    n = len(list(seeds_dir.glob("*.txt")))
    text = buf.getvalue()
    assert "ingesting" in text and f"{n}/{n}" in text and "updating the follow-up ledger" in text

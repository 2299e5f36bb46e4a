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

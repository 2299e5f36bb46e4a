"""Trust: bad input and misuse, each through the real CLI.

Every bad document gives exactly one clear line naming the file, the run exits non-zero, every other
document is still ingested whole, and the store stays intact. Misused stores and query parameters give
one line and never create, overwrite or run anything.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.model import Extraction
from kg.store import LocalStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KG = Path(sys.executable).with_name("kg")
runner = CliRunner()


# ---- helpers


def kg(*args: str | Path) -> tuple[int, str, str]:
    """Run the CLI in-process; returns exit code, stdout, stderr."""
    res = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def seed_texts() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def docs_folder(tmp_path: Path) -> Path:
    """The five seeds (with their sidecars) in a folder of their own."""
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    return docs


def variant(text: str, n: int) -> str:
    """A seed's text made distinct (its own sha256) without changing what it says."""
    return text + f"\n\nReference: variant {n}.\n"


def doc_counts(store_path: Path) -> dict[str, int]:
    """Triples in each document's graph, by document IRI."""
    with LocalStore(store_path, read_only=True) as st:
        return {d.iri: len(st.graph(d.iri)) for d in st.documents()}


@pytest.fixture(scope="module")
def clean_counts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """A clean ingest of the seeds: what each document's graph must hold after any bad run."""
    base = tmp_path_factory.mktemp("clean")
    code, _, stderr = kg("ingest", docs_folder(base), "--store", base / "store", "-q")
    assert code == 0, stderr
    counts = doc_counts(base / "store")
    assert len(counts) == len(seed_texts())
    return counts


def lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


def assert_one_clear_failure(code: int, stderr: str, name: str, *words: str) -> None:
    """Exactly one line names the file, it comes from kg and says what is wrong; the run failed."""
    assert code == 2, stderr
    assert "Traceback" not in stderr
    named = lines_naming(stderr, name)
    assert len(named) == 1, stderr
    line = named[0]
    assert line.startswith("kg: "), line
    assert "internal error" not in line and "unexpected" not in line, line
    for w in words:
        assert w in line, line
    assert "1 failed" in stderr, stderr


def assert_seeds_intact(store_path: Path, clean: dict[str, int]) -> None:
    """Every seed is in the store, each graph exactly as a clean ingest writes it."""
    assert doc_counts(store_path) == clean


# ---- bad documents


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)


def _undecodable(path: Path) -> None:
    # Invalid UTF-8, and 0x81/0x8d are undefined in cp1252: no reading of these bytes is right.
    path.write_bytes(b"Minutes of the meeting\n\x81\x8d\x90 Councillor \xff\xfe Smith asked a question.\n")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _blank(path: Path) -> None:
    path.write_bytes(b"  \n\r\n\t \n")


BAD_DOCUMENTS = {
    "empty": (_empty, ("no text",)),
    "blank": (_blank, ("no text",)),
    "binary": (_binary, ("binary",)),
    "undecodable": (_undecodable, ("not UTF-8",)),
}


@pytest.mark.parametrize("kind", sorted(BAD_DOCUMENTS))
def test_bad_document_is_one_line_and_the_rest_go_in(kind: str, tmp_path: Path,
                                                     clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    make, words = BAD_DOCUMENTS[kind]
    make(docs / f"zz-{kind}.txt")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, f"zz-{kind}.txt", *words)
    assert_seeds_intact(tmp_path / "store", clean_counts)


READER_FIXTURES = Path(__file__).resolve().parent / "data" / "readers"
BAD_FILES = {  # the readers' own fixtures (tests/data/readers/make_fixtures.py) and what the line must say
    "encrypted.pdf": ("encrypted",),
    "image_only.pdf": ("no text layer",),
    "malformed.pdf": ("not a readable PDF",),
    "truncated.html": ("truncated",),
    "truncated_tail.html": ("truncated",),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_pdf_or_html_is_one_line_and_the_rest_go_in(name: str, tmp_path: Path,
                                                        clean_counts: dict[str, int]) -> None:
    if not (READER_FIXTURES / name).exists():
        pytest.skip(f"reader fixture {name} not built")
    docs = docs_folder(tmp_path)
    shutil.copy(READER_FIXTURES / name, docs / f"zz-{name}")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, f"zz-{name}", *BAD_FILES[name])
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_damaged_docx_is_one_line(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    (docs / "zz-cut.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64)  # a zip cut short
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, "zz-cut.docx")
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_cp1252_is_read_with_a_warning(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    """Windows-1252 text (common in council files) is ingested, and the user is told how it was read."""
    docs = docs_folder(tmp_path)
    text = ("Minutes \u2013 the Committee noted the \u00a3120,000 overspend.\n"
            "Councillor Jones asked a question.\n")
    (docs / "windows.txt").write_bytes(text.encode("cp1252"))
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert code == 0, stderr
    named = [line for line in lines_naming(stderr, "windows.txt") if "cp1252" in line]
    assert len(named) == 1 and "warning" in named[0], stderr
    # the only other line: the text names no council, committee or date (one line, naming the sidecar to add)
    others = [line for line in lines_naming(stderr, "windows.txt") if "cp1252" not in line]
    assert len(others) == 1 and "windows.txt.meta.yaml" in others[0], stderr
    counts = doc_counts(tmp_path / "store")
    assert len(counts) == len(clean_counts) + 1
    with LocalStore(tmp_path / "store", read_only=True) as st:
        hits = st.query('SELECT ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "\u00a3120,000")) }')
    assert hits.rows, "the cp1252 text was not decoded to the right characters"


def test_duplicate_text_is_one_document_with_two_sources(tmp_path: Path,
                                                         clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    first = seed_texts()[0]
    shutil.copy(first, docs / "copy-of-first.txt")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store")
    assert code == 0, stderr
    assert "duplicate" in "".join(lines_naming(stderr, "copy-of-first.txt"))
    with LocalStore(tmp_path / "store", read_only=True) as st:
        docs_in = st.documents()
        assert len(docs_in) == len(clean_counts)
        (dup,) = [d for d in docs_in if "copy-of-first.txt" in d.sources]
        assert set(dup.sources) == {first.name, "copy-of-first.txt"}
        # The second source adds exactly one triple (its ckg:sourceFile) and nothing else.
        assert len(st.graph(dup.iri)) == clean_counts[dup.iri] + 1


def test_fifty_megabytes_of_text_is_refused_before_it_is_read(tmp_path: Path,
                                                              clean_counts: dict[str, int]) -> None:
    """A real process: the refusal costs no memory for the file (peak RSS stays near a normal run's)."""
    docs = docs_folder(tmp_path)
    block = (seed_texts()[0].read_text(encoding="utf-8") + "\n").encode()
    big = docs / "huge.txt"
    with big.open("wb") as f:
        while f.tell() < 50_000_000:
            f.write(block * 64)

    def run(folder: Path, store: Path) -> tuple[int, str, int]:
        """Exit code, stderr and peak RSS in kB of one `kg ingest` process."""
        env = {k: v for k, v in os.environ.items() if k != "KG_MAX_TEXT_MB"}
        with (tmp_path / "err").open("w+") as err:
            proc = subprocess.Popen([KG, "ingest", folder, "--store", store, "-q"], stdout=subprocess.DEVNULL,
                                    stderr=err, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            return proc.returncode, err.read(), usage.ru_maxrss

    small = tmp_path / "small"
    small.mkdir()
    shutil.copy(seed_texts()[0], small)
    _, _, baseline = run(small, tmp_path / "small-store")
    code, stderr, peak = run(docs, tmp_path / "store")
    assert_one_clear_failure(code, stderr, "huge.txt", "too large", "KG_MAX_TEXT_MB")
    assert peak - baseline < 30_000, f"peak {peak} kB against {baseline} kB for a small run"
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    monkeypatch.setenv("KG_MAX_TEXT_MB", "0.002")  # 2 kB: the two longest seeds are over it
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert code == 2
    too_big = {p.name for p in seed_texts() if p.stat().st_size > 2000}
    assert {n for n in too_big if any("too large" in line for line in lines_naming(stderr, n))} == too_big
    assert len(doc_counts(tmp_path / "store")) == len(seed_texts()) - len(too_big)
    monkeypatch.setenv("KG_MAX_TEXT_MB", "lots")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store2", "-q")
    assert code == 2 and "KG_MAX_TEXT_MB='lots'" in stderr and "Traceback" not in stderr


# ---- sidecars


COUNCIL = "council: Durham County Council\n"
SIDECARS = {
    "unknown-key": (COUNCIL + "chairman: Cllr X\n", ("unknown sidecar key", "chairman")),
    "bad-date": (COUNCIL + "meeting_date: 2023-02-30\n", ("meeting_date", "not a date")),
    "escape": (COUNCIL + "original: ../../../etc/passwd\n", ("outside the ingested folder",)),
    "not-yaml": ("council: [unclosed\n", ("not valid YAML",)),
    "list": ("- a\n- b\n", ("mapping",)),
}


@pytest.mark.parametrize("kind", sorted(SIDECARS))
def test_bad_sidecar_is_one_line_and_the_rest_go_in(kind: str, tmp_path: Path,
                                                    clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    content, words = SIDECARS[kind]
    doc = docs / f"zz-{kind}.txt"
    doc.write_text(variant(seed_texts()[0].read_text(encoding="utf-8"), 1), encoding="utf-8")
    Path(f"{doc}.meta.yaml").write_text(content, encoding="utf-8")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, f"zz-{kind}.txt", *words)
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_sidecar_that_is_a_folder_is_one_line(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    (docs / "odd.txt").write_text(variant(seed_texts()[1].read_text(encoding="utf-8"), 2), encoding="utf-8")
    (docs / "odd.txt.meta.yaml").mkdir()
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, "odd.txt", "cannot read sidecar")
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_sidecar_original_inside_the_folder_is_accepted(tmp_path: Path) -> None:
    """The escape check refuses only escapes: a file beside the document is fine (the test can fail)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = seed_texts()[0]
    shutil.copy(seed, docs)
    (docs / "original.pdf").write_bytes(b"%PDF-1.4 stand-in")
    Path(f"{docs / seed.name}.meta.yaml").write_text("original: original.pdf\n", encoding="utf-8")
    code, _, stderr = kg("ingest", docs / seed.name, "--store", tmp_path / "store", "-q")
    assert code == 0, stderr


# ---- faults during the run


def test_file_vanishing_after_discovery_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    gone = docs / "gone.txt"
    gone.write_text(variant(seed_texts()[2].read_text(encoding="utf-8"), 3), encoding="utf-8")
    ingest_module = importlib.import_module("kg.ingest")  # `kg.ingest` is also a function
    real = ingest_module.discover

    def discover_then_delete(paths):  # noqa: ANN001, ANN202 - same signature as the real one
        found = real(paths)
        assert any(s.path == gone for s in found[0]), "the file must be discovered first"
        gone.unlink()
        return found

    monkeypatch.setattr(ingest_module, "discover", discover_then_delete)
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, "gone.txt", "not found")
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_missing_path_argument_is_one_line(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    code, _, stderr = kg("ingest", docs, tmp_path / "nowhere.txt", "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, "nowhere.txt", "no such file")
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_extractor_raising_is_reported_with_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     clean_counts: dict[str, int]) -> None:
    import kg.extract.figures as figures

    docs = docs_folder(tmp_path)
    planted = docs / "planted.txt"
    planted.write_text(variant(seed_texts()[3].read_text(encoding="utf-8"), 4), encoding="utf-8")
    real = figures.extract

    def raise_for_one(x: Extraction, tv: object = None) -> Extraction:
        if x.doc.path.name == "planted.txt":
            raise RuntimeError("planted fault")
        return real(x, tv)

    monkeypatch.setattr(figures, "extract", raise_for_one)
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, "planted.txt", "extraction failed", "planted fault")
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_failed_replacement_keeps_the_previous_version(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    """A document that was fine and is now broken is reported, and its last good graph stays."""
    docs = docs_folder(tmp_path)
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert code == 0, stderr
    victim = seed_texts()[0].name
    _binary(docs / victim)
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, victim, "binary")
    assert_seeds_intact(tmp_path / "store", clean_counts)


# ---- misused stores


def test_query_on_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    where = tmp_path / "no-store"
    for args in (("query", "documents"), ("export",), ("report",), ("remove", "x.txt")):
        code, _, stderr = kg(*args, "--store", where)
        assert code == 4, (args, stderr)
        assert stderr.count("\n") == 1 and "no store here yet" in stderr, (args, stderr)
        assert not where.exists(), f"`kg {args[0]}` created a store as a side effect"


def test_folder_that_is_not_a_store_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "my-documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    for args in (("ingest", SEEDS), ("query", "documents"), ("remove", "x.txt")):
        code, _, stderr = kg(*args, "--store", folder)
        assert code == 4, (args, stderr)
        assert "not an Oxigraph store" in stderr and stderr.count("\n") == 1, stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"], "kg wrote into a folder not its store"


def test_store_path_that_is_a_file_is_left_alone(tmp_path: Path) -> None:
    file = tmp_path / "store"
    file.write_text("precious", encoding="utf-8")
    code, _, stderr = kg("ingest", SEEDS, "--store", file)
    assert code == 4 and "not a store folder" in stderr and "Traceback" not in stderr
    assert file.read_text(encoding="utf-8") == "precious"


def test_damaged_store_is_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, _, stderr = kg("ingest", SEEDS, "--store", store, "-q")
    assert code == 0, stderr
    (store / "CURRENT").write_text("garbage\n", encoding="utf-8")
    for args in (("ingest", SEEDS), ("query", "documents")):
        code, _, stderr = kg(*args, "--store", store)
        assert code == 4, (args, stderr)
        assert "cannot open store" in stderr and stderr.count("\n") == 1, stderr


def test_unwritable_store_location_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, _, stderr = kg("ingest", SEEDS, "--store", blocker / "store")
    assert code == 4 and stderr.count("\n") == 1 and "cannot open store" in stderr, stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_store_folder_is_one_line(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        code, _, stderr = kg("ingest", SEEDS, "--store", ro / "store")
        assert code == 4 and stderr.count("\n") == 1 and "cannot open store" in stderr, stderr
    finally:
        ro.chmod(0o700)


# ---- query parameters are bound, never spliced


@pytest.fixture
def small_store(tmp_path: Path) -> Iterator[Path]:
    store = tmp_path / "store"
    code, _, stderr = kg("ingest", SEEDS, "--store", store, "-q")
    assert code == 0, stderr
    yield store


INJECTIONS = ['"} ; DROP ALL #', "'} ; DROP ALL #", '" . } } DROP ALL { {',
              'x" ) } INSERT DATA { <a:b> <a:b> <a:b> } #']


@pytest.mark.parametrize("evil", INJECTIONS)
def test_param_injection_is_bound_as_a_literal(evil: str, small_store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "by-file.rq"
    rq.write_text("# Documents read from the named source file.\n# param file: the source file name\n"
                  "PREFIX ckg: <https://w3id.org/council-kg/def#>\n"
                  "SELECT ?doc ?file WHERE { GRAPH ?doc { ?doc ckg:sourceFile ?file } }\n", encoding="utf-8")
    with LocalStore(small_store, read_only=True) as st:
        before = st.count()
    # The binding works: a real file name finds its document (so the empty answer below means something).
    code, out, stderr = kg("query", rq, "--param", f"file={seed_texts()[0].name}", "-f", "json",
                           "--store", small_store)
    assert code == 0, stderr
    assert len(json.loads(out)["results"]["bindings"]) == 1
    code, out, stderr = kg("query", rq, "--param", f"file={evil}", "-f", "json", "--store", small_store)
    assert code == 0, stderr
    assert json.loads(out)["results"]["bindings"] == []
    # Echoed back, the value is exactly the string given: a literal, never SPARQL.
    code, out, stderr = kg("query", "SELECT ?x WHERE { }", "--param", f"x={evil}", "-f", "json",
                           "--store", small_store)
    assert code == 0, stderr
    (row,) = json.loads(out)["results"]["bindings"]
    assert row["x"] == {"type": "literal", "value": evil}
    with LocalStore(small_store, read_only=True) as st:
        assert st.count() == before


def test_malformed_iri_param_is_one_line(small_store: Path) -> None:
    code, _, stderr = kg("query", "SELECT ?x WHERE { }", "--param", "x=<http://a> . } DROP ALL { <b:c>",
                         "--store", small_store)
    assert code == 6, stderr
    assert stderr.count("\n") == 1 and "bad parameter value" in stderr and "internal error" not in stderr
    with LocalStore(small_store, read_only=True) as st:
        assert st.documents()


# ---- round two (issue 19): no input exhausts the machine, one bad file never stops a run


def kg_process(*args: str | Path, timeout: float = 300) -> tuple[int, str, str]:
    """The CLI in a process of its own, so a hang or a runaway allocation cannot take the tests with it."""
    env = {k: v for k, v in os.environ.items() if k != "KG_MAX_TEXT_MB"}
    done = subprocess.run([str(KG), *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env=env)
    return done.returncode, done.stdout, done.stderr


ALIAS_BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
) + "title: *i\n"


def test_yaml_alias_bomb_is_one_line_and_costs_nothing(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    assert len(ALIAS_BOMB) < 400  # 9**9 items when expanded
    docs = docs_folder(tmp_path)
    doc = docs / "zz-bomb.txt"
    doc.write_text(variant(seed_texts()[0].read_text(encoding="utf-8"), 1), encoding="utf-8")
    Path(f"{doc}.meta.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    started = time.monotonic()
    code, _, stderr = kg_process("ingest", docs, "--store", tmp_path / "store", "-q", timeout=120)
    assert time.monotonic() - started < 60
    assert_one_clear_failure(code, stderr, "zz-bomb.txt", "aliases")
    assert_seeds_intact(tmp_path / "store", clean_counts)


SPECIAL_SIDECARS = {
    "dev-zero": lambda p: p.symlink_to("/dev/zero"),
    "fifo": lambda p: os.mkfifo(p),
    "huge": lambda p: p.write_text("title: " + "x" * 200_000 + "\n"),
    "dangling": lambda p: p.symlink_to(p.parent / "nowhere.yaml"),
}


@pytest.mark.parametrize("kind", sorted(SPECIAL_SIDECARS))
def test_sidecar_that_is_not_a_small_file_is_one_line(kind: str, tmp_path: Path,
                                                      clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    doc = docs / f"zz-{kind}.txt"
    doc.write_text(variant(seed_texts()[0].read_text(encoding="utf-8"), 2), encoding="utf-8")
    SPECIAL_SIDECARS[kind](Path(f"{doc}.meta.yaml"))
    code, _, stderr = kg_process("ingest", docs, "--store", tmp_path / "store", "-q", timeout=120)
    assert_one_clear_failure(code, stderr, f"zz-{kind}.txt", "sidecar")
    assert_seeds_intact(tmp_path / "store", clean_counts)


TYPED_SIDECARS = {
    "list": ("title: [a, b]\n", "'title' must be text, not a list"),
    "map": ("committee: {name: x}\n", "'committee' must be text, not a mapping"),
    "bool": ("council: yes\n", "'council' must be text, not true/false"),
    "deep": ("title: " + "[" * 30_000 + "]" * 30_000 + "\n", "nested over 20 deep"),
    "url": ("source_url: not a url/page.html\n", "source_url"),
    "relative-url": ("source_url: /mgAi.aspx?ID=1\n", "not an absolute URL"),
    "bad-escape-url": ("source_url: https://example.org/%zz\n", "not an absolute URL"),
}


@pytest.mark.parametrize("kind", sorted(TYPED_SIDECARS))
def test_sidecar_values_of_the_wrong_kind_are_one_line(kind: str, tmp_path: Path,
                                                       clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    content, words = TYPED_SIDECARS[kind]
    doc = docs / f"zz-{kind}.txt"
    doc.write_text(variant(seed_texts()[0].read_text(encoding="utf-8"), 3), encoding="utf-8")
    Path(f"{doc}.meta.yaml").write_text(COUNCIL.replace("council", "doc_type: minutes\n#") + content,
                                        encoding="utf-8")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, f"zz-{kind}.txt", words)
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_file_name_that_is_not_utf8_is_one_line(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    name = os.path.join(os.fsencode(docs), b"zz-caf\xe9.txt")
    with open(name, "wb") as f:
        f.write(variant(seed_texts()[0].read_text(encoding="utf-8"), 4).encode())
    code, _, stderr = kg_process("ingest", docs, "--store", tmp_path / "store", "-q")
    assert_one_clear_failure(code, stderr, "zz-caf\\xe9.txt", "not UTF-8")
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_broken_and_looping_links_are_one_line_each(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    docs = docs_folder(tmp_path)
    (docs / "zz-dangling.txt").symlink_to(docs / "not-there.txt")
    (docs / "zz-loop.txt").symlink_to(docs / "zz-loop.txt")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store", "-q")
    assert code == 2 and "2 failed" in stderr, stderr
    for name in ("zz-dangling.txt", "zz-loop.txt"):
        (line,) = lines_naming(stderr, name)
        assert line.startswith("kg: ") and "symbolic link" in line
    assert_seeds_intact(tmp_path / "store", clean_counts)


def test_text_over_a_million_characters_is_read(tmp_path: Path) -> None:
    """spaCy's own limit (1,000,000 characters, E088) is raised to the documented one."""
    docs = tmp_path / "docs"
    docs.mkdir()
    text = seed_texts()[0].read_text(encoding="utf-8")
    (docs / "long.txt").write_text(text * (1_100_000 // len(text) + 1), encoding="utf-8")
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store")
    assert code == 0 and "1 added" in stderr, stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_text(encoding: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = seed_texts()[0]
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
           "utf-32-be": b"\x00\x00\xfe\xff"}[encoding]
    (docs / seed.name).write_bytes(bom + seed.read_text(encoding="utf-8").encode(encoding))
    shutil.copy(f"{seed}.meta.yaml", docs)
    code, _, stderr = kg("ingest", docs, "--store", tmp_path / "store")
    assert code == 0 and "1 added" in stderr, stderr
    with LocalStore(tmp_path / "store", read_only=True) as st:  # the same text as the UTF-8 original
        import hashlib

        from kg.read.base import pin

        (doc,) = st.documents()
        assert doc.sha256 == hashlib.sha256(pin(seed.read_text(encoding="utf-8")).encode()).hexdigest()


def test_pdf_and_docx_bombs_are_one_line_each_and_cost_no_memory(tmp_path: Path,
                                                                 clean_counts: dict[str, int]) -> None:
    """Under a megabyte each, 400 MB unpacked: refused before any reader inflates them."""
    from test_read_limits import make_docx, make_pdf

    docs = docs_folder(tmp_path)
    make_pdf(docs / "zz-bomb.pdf", padding_mb=400)
    make_docx(docs / "zz-bomb.docx", padding_mb=400)

    def run(folder: Path, store: Path) -> tuple[int, str, int]:
        env = {k: v for k, v in os.environ.items() if k != "KG_MAX_TEXT_MB"}
        with (tmp_path / "err").open("w+") as err:
            proc = subprocess.Popen([KG, "ingest", folder, "--store", store, "-q"], stdout=subprocess.DEVNULL,
                                    stderr=err, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            err.seek(0)
            return os.waitstatus_to_exitcode(status), err.read(), usage.ru_maxrss

    small = tmp_path / "small"
    small.mkdir()
    shutil.copy(seed_texts()[0], small)
    _, _, baseline = run(small, tmp_path / "small-store")
    code, stderr, peak = run(docs, tmp_path / "store")
    assert code == 2 and "2 failed" in stderr, stderr
    for name in ("zz-bomb.pdf", "zz-bomb.docx"):
        (line,) = lines_naming(stderr, name)
        assert line.startswith("kg: ") and "unpack" in line, line
    assert peak - baseline < 60_000, f"peak {peak} kB against {baseline} kB for a small run"
    assert_seeds_intact(tmp_path / "store", clean_counts)

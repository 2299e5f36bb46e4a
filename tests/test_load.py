"""kg load: a dump written by `kg export` restored into a new store with the bulk loader, all or nothing."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.load
from kg.errors import InputError, StoreError
from kg.ingest import ingest
from kg.load import load, nquads_parts, partial_of
from kg.query import named_queries, run
from kg.store import LocalStore

KG = str(Path(sys.executable).with_name("kg"))


def quads_of(path: Path) -> set[str]:
    """Every quad of a store as an N-Quads line (blank node labels differ between loads: they are dropped)."""
    s = ox.Store.read_only(str(path))
    return {line for line in s.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines() if "_:" not in line}


@pytest.fixture(scope="module")
def dump(seeds_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dump") / "seeds.nq"
    with LocalStore(seeds_store_path, read_only=True) as st:
        out.write_bytes(st.export("nquads"))
    return out


def test_round_trip_gives_the_same_store(dump: Path, seeds_store_path: Path, tmp_path: Path) -> None:
    """Exported then loaded, the store holds the same quads and answers every named query alike."""
    done = load(dump, tmp_path / "restored")
    assert done.documents == 5 and done.quads == len(ox.Store.read_only(str(seeds_store_path)))
    assert quads_of(tmp_path / "restored") == quads_of(seeds_store_path)
    with LocalStore(seeds_store_path, read_only=True) as a, LocalStore(tmp_path / "restored") as b:
        for q in named_queries().values():
            if not q.params:
                assert len(run(a, q).rows) == len(run(b, q).rows), q.name


def test_trig_dump_loads_too(seeds_store_path: Path, tmp_path: Path) -> None:
    """A TriG export (the default of kg export) restores the same documents."""
    trig = tmp_path / "seeds.trig"
    with LocalStore(seeds_store_path, read_only=True) as st:
        trig.write_bytes(st.export("trig"))
    assert load(trig, tmp_path / "restored").documents == 5


def test_loaded_store_takes_new_documents(dump: Path, tmp_path: Path, seeds_dir: Path) -> None:
    """A restored store is a whole store: ingesting the same seeds again finds nothing new to write."""
    load(dump, tmp_path / "restored")
    with LocalStore(tmp_path / "restored") as st:
        report = ingest([seeds_dir], st)
    assert report.ok and set(report.counts()) == {"unchanged"}


def test_refuses_a_store_that_holds_something(dump: Path, tmp_path: Path) -> None:
    """A dump is never mixed into an existing store, and the store is left as it was."""
    target = tmp_path / "full"
    target.mkdir()
    (target / "keep.txt").write_text("x")
    with pytest.raises(StoreError, match="not an empty folder"):
        load(dump, target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_bad_dump_leaves_nothing(tmp_path: Path) -> None:
    """A syntax error half way through gives one line naming the file and leaves neither store nor scraps."""
    bad = tmp_path / "bad.nq"
    bad.write_text("<http://a.example/s> <http://a.example/p> <http://a.example/o> <http://a.example/g> .\n"
                   "<http://a.example/s> <http://a.example/p> \"unclosed .\n")
    result = subprocess.run([KG, "load", str(bad), "--store", str(tmp_path / "t")], capture_output=True,
                            text=True)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "bad.nq" in result.stderr and "line 2" in result.stderr
    assert not (tmp_path / "t").exists() and not partial_of(tmp_path / "t").exists()


def test_format_must_be_known(tmp_path: Path) -> None:
    """A file whose name does not say its format is refused with the option to give it."""
    with pytest.raises(InputError, match="--format"):
        load(tmp_path / "dump.txt", tmp_path / "t")


def test_server_target_is_refused(dump: Path) -> None:
    """kg load writes stores on disk; a server URL gets one line pointing at the server's own loader."""
    result = subprocess.run([KG, "load", str(dump), "--store", "http://127.0.0.1:9/sparql"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "bulk loader" in result.stderr and "Traceback" not in result.stderr


def blank_nodes(path: Path) -> int:
    """How many distinct blank nodes a store holds."""
    s = ox.Store.read_only(str(path))
    return len({t.value for q in s for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)})


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split even a small dump into parts of a few kilobytes, as a large one is split."""
    monkeypatch.setattr(kg.load, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(kg.load, "PART_BYTES", 16 * 1024)


def test_parts_loaded_side_by_side_give_the_same_store(dump: Path, tmp_path: Path, small_parts: None) -> None:
    """Cut into many parts loaded by two threads, the dump gives the quads and blank nodes of one call."""
    assert len(nquads_parts(dump, 2)) > 4
    one, parts = load(dump, tmp_path / "one", workers=1), load(dump, tmp_path / "parts", workers=2)
    assert (parts.quads, parts.documents) == (one.quads, one.documents)
    assert quads_of(tmp_path / "parts") == quads_of(tmp_path / "one")
    assert blank_nodes(tmp_path / "parts") == blank_nodes(tmp_path / "one") > 0


def test_large_dump_is_one_part(dump: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the split limit a dump is loaded in one call, whose own batch threads keep the cores busy."""
    monkeypatch.setattr(kg.load, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(kg.load, "PART_BYTES", 16 * 1024)
    assert len(nquads_parts(dump, 2)) > 1
    monkeypatch.setattr(kg.load, "MAX_SPLIT_BYTES", dump.stat().st_size - 1)
    assert nquads_parts(dump, 2) == [(0, dump.stat().st_size)]


def test_no_cut_between_uses_of_a_blank_node(tmp_path: Path, small_parts: None) -> None:
    """A blank node used far apart in the file stays one node: no cut falls between its first and last use."""
    line = "<http://a.example/s{}> <http://a.example/p> \"{}\" <http://a.example/g> .\n"
    body = [line.format(n, "x" * 200) for n in range(600)]
    body[100] = "_:b <http://a.example/p> \"first\" <http://a.example/g> .\n"
    body[400] = "_:b <http://a.example/p> \"last\" <http://a.example/g> .\n"
    nq = tmp_path / "b.nq"
    nq.write_text("".join(body))
    text = nq.read_bytes()
    first, last = text.index(b"_:b"), text.rindex(b"_:b")
    cuts = [start for start, _ in nquads_parts(nq, 2)][1:]
    assert len(cuts) > 2 and all(c <= first or c > last for c in cuts)
    assert all(text[c - 1:c] == b"\n" for c in cuts)
    load(nq, tmp_path / "t", workers=2)
    assert blank_nodes(tmp_path / "t") == 1


def test_bad_line_in_a_later_part_is_named_by_its_line_in_the_file(tmp_path: Path, small_parts: None) -> None:
    """A syntax error in a later part names its line in the whole file, and nothing is left behind."""
    line = "<http://a.example/s{}> <http://a.example/p> \"{}\" <http://a.example/g> .\n"
    body = [line.format(n, "x" * 200) for n in range(600)]
    body[520] = "<http://a.example/s> <http://a.example/p> \"unclosed .\n"
    nq = tmp_path / "bad.nq"
    nq.write_text("".join(body))
    assert len(nquads_parts(nq, 2)) > 2
    with pytest.raises(InputError, match="line 521") as err:
        load(nq, tmp_path / "t", workers=2)
    assert "line 1 " not in str(err.value)
    assert not (tmp_path / "t").exists() and not partial_of(tmp_path / "t").exists()


@pytest.mark.slow
def test_killed_load_leaves_no_store(seeds_store_path: Path, tmp_path: Path) -> None:
    """Killed at random moments, a load leaves no store or the whole one; a re-run then loads it all."""
    from benchmarks.run import document_quads, replica

    docs, rest = document_quads(seeds_store_path)
    big = tmp_path / "big.nq"
    with big.open("wb") as f:
        f.write(rest)
        for n in range(40):  # ~350,000 quads: a load that takes a second or more
            f.write(replica(docs, n))
    whole = load(big, tmp_path / "clean").quads
    rng = random.Random()
    target = tmp_path / "t"
    for _ in range(4):
        proc = subprocess.Popen([KG, "load", str(big), "--store", str(target)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.5))
        proc.kill()
        proc.wait()
        if target.exists():  # it finished before the kill: whole
            assert len(ox.Store.read_only(str(target))) == whole
            break
    assert not target.exists() or len(ox.Store.read_only(str(target))) == whole
    if not target.exists():
        assert load(big, target).quads == whole and not partial_of(target).exists()

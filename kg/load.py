"""Restore a store from a dump (`kg export --format nquads` or `trig`) with Oxigraph's bulk loader.

The bulk loader is several times faster than a transactional write but not atomic, so it writes into a new
folder beside the target (`<target>.loading`), which is renamed into place only once the load has finished
and been flushed: a kill, a full disk or a syntax error half way leaves no target at all, never half a store.
A leftover `.loading` folder is a load that was stopped; the next load starts it again from nothing.

Where the time goes (1.3M quads): one `bulk_load` call parses in the calling thread (~15% of the CPU) and
hands each batch of a million quads to one thread that encodes, sorts and writes the indexes (~80%); a
1.3M-quad file is one big batch then a small one, so a single call keeps one core busy most of the time.
An N-Quads dump of up to MAX_SPLIT_BYTES is therefore cut at line ends into parts loaded side by side, one
call per core (`nquads_parts`). A larger dump is one call: with many batches, the parse thread and two batch
threads already keep two cores busy, and parts cost more (10.6M quads: 124 s CPU and 2.6 GB peak in 22
parts against 113 s and 1.9 GB in one call).
"""

from __future__ import annotations

import gc
import mmap
import os
import re
import shutil
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, StoreError

FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
_SUFFIXES = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig"}
_COUNT_DOCUMENTS = """SELECT (COUNT(?d) AS ?n) WHERE {
  GRAPH ?d { ?d a <https://w3id.org/council-kg/def#Document> } }"""
# A part stays under one batch of the bulk loader (a million quads, ~250 MB of our N-Quads): each call then
# holds one batch in memory at most, and the parts' count is a multiple of the workers so none waits alone.
PART_BYTES = 128 * 2**20
MIN_SPLIT_BYTES = 16 * 2**20  # below this, one call: the threads would cost more than they save
_STOPPED = "stopped: another part of the dump failed"
MAX_SPLIT_BYTES = 2**30  # above this (~4M quads), one call keeps the cores busy by itself (see above)


@dataclass(frozen=True)
class Loaded:
    location: str
    quads: int
    documents: int
    seconds: float


def dump_format(source: Path, fmt: str | None = None) -> str:
    """The dump's format: as given, else from the file name (.nq, .nquads, .trig)."""
    if fmt is None:
        fmt = _SUFFIXES.get(source.suffix.lower())
        if fmt is None:
            raise InputError("cannot tell the format from the file name", path=str(source),
                             hint="pass --format nquads or --format trig")
    if fmt not in FORMATS:
        raise InputError(f"cannot load format '{fmt}'", path=str(source),
                         hint=f"use one of {', '.join(FORMATS)} (what `kg export` writes with named graphs)")
    return fmt


def _check_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StoreError("already exists and is not an empty folder", path=str(target),
                         hint="load into a new folder: a dump replaces a whole store, it is not added to one")


def partial_of(target: Path) -> Path:
    """Where a load is written before it is whole."""
    return target.with_name(target.name + ".loading")


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))  # each worker may hold a batch (~1 GB at a million quads)


def nquads_parts(source: Path, workers: int, part_bytes: int | None = None) -> list[tuple[int, int]]:
    """Byte ranges of an N-Quads file, cut at line ends, to load side by side. Each `bulk_load` call gives
    blank nodes new ids, so a label used on both sides of a cut would become two nodes: no cut falls inside
    the lines from the first `_:` to the last (in our dumps, the ontology graph's few lines)."""
    size = source.stat().st_size
    if workers < 2 or not MIN_SPLIT_BYTES <= size <= MAX_SPLIT_BYTES:
        return [(0, size)]
    count = workers * -(-size // (workers * (part_bytes or PART_BYTES)))
    with source.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        first = m.find(b"_:")
        if first == -1:
            span = (size, size)
        else:
            last_end = m.find(b"\n", m.rfind(b"_:"))
            span = (m.rfind(b"\n", 0, first) + 1, size if last_end == -1 else last_end + 1)
        cuts = [0]
        for i in range(1, count):
            newline = m.find(b"\n", size * i // count - 1)
            cut = size if newline == -1 else newline + 1
            if span[0] < cut < span[1]:
                cut = span[1]
            if cuts[-1] < cut < size:
                cuts.append(cut)
    cuts.append(size)
    return list(zip(cuts, cuts[1:], strict=False))


class _Part:
    """One byte range of the dump as the file object `bulk_load` reads; stops when another part failed."""

    def __init__(self, path: Path, start: int, end: int, stop: threading.Event) -> None:
        self.file = path.open("rb", buffering=0)
        self.file.seek(start)
        self.start, self.left, self.stop = start, end - start, stop

    def read(self, n: int = -1) -> bytes:
        if self.stop.is_set():
            raise OSError(_STOPPED)
        data = self.file.read(self.left if n < 0 else min(n, self.left))
        self.left -= len(data)
        return data


def _lines_before(path: Path, offset: int) -> int:
    with path.open("rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(min(2**20, offset - f.tell())), b""))


def _shifted(err: SyntaxError, path: Path, start: int) -> SyntaxError:
    """A part's syntax error with the line numbers of the whole file (the parser counts from the part)."""
    lines = _lines_before(path, start)
    text = re.sub(r"\bline (\d+)", lambda m: f"line {int(m.group(1)) + lines}", err.msg or str(err))
    out = SyntaxError(text)
    out.filename, out.lineno = str(path), (err.lineno or 0) + lines
    return out


def _bulk_load(store: ox.Store, source: Path, fmt: str, workers: int) -> None:
    parts = nquads_parts(source, workers) if fmt == "nquads" else [(0, source.stat().st_size)]
    if len(parts) == 1:
        store.bulk_load(path=str(source), format=FORMATS[fmt])
        return
    stop = threading.Event()

    def one(part: tuple[int, int]) -> None:
        reader = _Part(source, *part, stop)
        try:
            store.bulk_load(reader, format=FORMATS[fmt])
        except BaseException:
            stop.set()
            raise
        finally:
            reader.file.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:  # pyoxigraph lets go of the GIL while it loads
        try:
            futures = [pool.submit(one, part) for part in parts]
            for future in futures:
                future.exception()  # wait here, where Ctrl-C lands, rather than in the pool's shutdown
        except BaseException:
            stop.set()  # the parts' next reads fail: the loads end in a moment instead of running on
            raise
    errors = [(f.exception(), part) for f, part in zip(futures, parts, strict=True)
              if f.exception() is not None]
    syntax = [(e, part) for e, part in errors if isinstance(e, SyntaxError)]
    if syntax:  # the first bad line; the other parts' errors only say they were stopped
        raise _shifted(syntax[0][0], source, syntax[0][1][0])  # type: ignore[arg-type]
    if errors:  # the cause rather than the parts it stopped
        raise next((e for e, _ in errors if _STOPPED not in str(e)), errors[0][0])  # type: ignore[misc]


def _discard(partial: Path, err: BaseException) -> None:
    """Remove a failed load's folder once its store is closed: the error's frames hold the store open, and
    RocksDB's threads could still write files into the folder being removed."""
    traceback.clear_frames(err.__traceback__)
    gc.collect()
    shutil.rmtree(partial, ignore_errors=True)


def load(source: Path, target: Path, fmt: str | None = None, workers: int | None = None) -> Loaded:
    """Write the dump `source` into a new store at `target`; all or nothing."""
    fmt = dump_format(source, fmt)
    if not source.is_file():
        raise InputError("no such file", path=str(source), hint="pass a file written by `kg export`")
    _check_target(target)
    partial = partial_of(target)
    shutil.rmtree(partial, ignore_errors=True)  # a load that was stopped: start again
    start = time.perf_counter()
    store = None
    try:
        store = ox.Store(str(partial))
        _bulk_load(store, source, fmt, default_workers() if workers is None else workers)
        store.flush()
        quads = len(store)
        row = next(iter(store.query(_COUNT_DOCUMENTS, use_default_graph_as_union=True)))
        documents = int(row["n"].value)
        store = None  # closed: the folder is whole on disk before it is renamed
    except SyntaxError as err:
        store = None
        _discard(partial, err)
        raise InputError(f"not valid {fmt}: {err}", path=str(source),
                         hint="load what `kg export --format nquads` or `--format trig` wrote") from err
    except (OSError, RuntimeError, ValueError) as err:
        store = None
        _discard(partial, err)
        raise StoreError(f"cannot load: {err}", path=str(target),
                         hint="check the disk space and the path") from err
    if target.exists():
        target.rmdir()  # an empty folder, checked above
    os.replace(partial, target)
    return Loaded(str(target), quads, documents, round(time.perf_counter() - start, 3))

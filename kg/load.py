"""Restore a store from a dump (`kg export --format nquads` or `trig`) with Oxigraph's bulk loader.

The bulk loader is several times faster than a transactional write but not atomic, so it writes into a new
folder beside the target (`<target>.loading`), which is renamed into place only once the load has finished
and been flushed: a kill, a full disk or a syntax error half way leaves no target at all, never half a store.
A leftover `.loading` folder is a load that was stopped; the next load starts it again from nothing.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, StoreError

FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
_SUFFIXES = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig"}
_COUNT_DOCUMENTS = """SELECT (COUNT(?d) AS ?n) WHERE {
  GRAPH ?d { ?d a <https://w3id.org/council-kg/def#Document> } }"""


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


def load(source: Path, target: Path, fmt: str | None = None) -> Loaded:
    """Write the dump `source` into a new store at `target`; all or nothing."""
    fmt = dump_format(source, fmt)
    if not source.is_file():
        raise InputError("no such file", path=str(source), hint="pass a file written by `kg export`")
    _check_target(target)
    partial = partial_of(target)
    shutil.rmtree(partial, ignore_errors=True)  # a load that was stopped: start again
    start = time.perf_counter()
    try:
        store = ox.Store(str(partial))
        store.bulk_load(path=str(source), format=FORMATS[fmt])
        store.flush()
        quads = len(store)
        row = next(iter(store.query(_COUNT_DOCUMENTS, use_default_graph_as_union=True)))
        documents = int(row["n"].value)
        del store
    except SyntaxError as err:
        shutil.rmtree(partial, ignore_errors=True)
        raise InputError(f"not valid {fmt}: {err}", path=str(source),
                         hint="load what `kg export --format nquads` or `--format trig` wrote") from err
    except (OSError, RuntimeError, ValueError) as err:
        shutil.rmtree(partial, ignore_errors=True)
        raise StoreError(f"cannot load: {err}", path=str(target),
                         hint="check the disk space and the path") from err
    if target.exists():
        target.rmdir()  # an empty folder, checked above
    os.replace(partial, target)
    return Loaded(str(target), quads, documents, round(time.perf_counter() - start, 3))

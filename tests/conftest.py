"""Shared fixtures. Inputs live in tests/data/; the seeds are the project's own seeds/ folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.ingest import ingest
from kg.store import LocalStore

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    """An empty on-disk Oxigraph store."""
    st = LocalStore(tmp_path / "store")
    yield st
    st.close()


@pytest.fixture(scope="session")
def seeds_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from seeds/ (read it with `seeds_store`; do not write to it)."""
    path = tmp_path_factory.mktemp("seeds") / "store"
    with LocalStore(path) as st:
        report = ingest([SEEDS], st)
        assert report.ok, report.failed
    return path


@pytest.fixture(scope="session")
def store_1000_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the benchmarks' 1,000 synthetic documents (views and serve at size), built once per
    session with two workers; read it with `LocalStore(path, read_only=True)`, do not write to it."""
    from benchmarks.corpus import generate

    base = tmp_path_factory.mktemp("store1000")
    generate(base / "docs", 1000)
    path = base / "store"
    with LocalStore(path) as st:
        report = ingest([base / "docs"], st, jobs=2)
        assert report.ok, report.failed
    return path


@pytest.fixture
def seeds_store(seeds_store_path: Path) -> Iterator[LocalStore]:
    st = LocalStore(seeds_store_path, read_only=True)
    yield st
    st.close()


@pytest.fixture
def copy_of(tmp_path: Path):  # noqa: ANN201
    """Copy files or folders into a fresh folder under tmp_path and return it."""

    def _copy(*paths: Path, name: str = "docs") -> Path:
        target = tmp_path / name
        target.mkdir(exist_ok=True)
        for p in paths:
            if p.is_dir():
                shutil.copytree(p, target / p.name, dirs_exist_ok=True)
            else:
                shutil.copy2(p, target / p.name)
        return target

    return _copy


def make_corpus(root: Path, per_seed: int = 30) -> Path:
    """The seeds with their sidecars plus `per_seed` variants of each (same metadata, own text and sha256):
    155 documents by default, for the crash and concurrency tests: enough that an ingest spans many
    quarter-second batches even on a fast machine, so a kill or a Ctrl-C can land mid-run."""
    docs = root / "corpus"
    shutil.copytree(SEEDS, docs)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        sidecar = Path(f"{seed}.meta.yaml")
        for n in range(per_seed):
            target = docs / f"v{n}_{seed.name}"
            # Wording a reader would not notice, so each variant is a document of its own.
            changed = text.replace("the ", "the  ", n + 1) + f"\nReference: copy {n}.\n"
            target.write_text(changed, encoding="utf-8")
            if sidecar.exists():
                shutil.copy(sidecar, f"{target}.meta.yaml")
    return docs


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """155 documents (seeds and variants) in a folder; read it, do not change it."""
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def corpus_clean(corpus: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], float, Path]:
    """A clean `kg ingest` of `corpus` in a real process: triples per document graph, seconds taken, and
    the store (read it, do not write to it)."""
    import subprocess
    import sys
    import time

    store = tmp_path_factory.mktemp("corpus-clean") / "store"
    start = time.monotonic()
    kg = str(Path(sys.executable).with_name("kg"))
    done = subprocess.run([kg, "ingest", str(corpus), "--store", str(store), "-q"], capture_output=True,
                          text=True, timeout=600)
    took = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    with LocalStore(store, read_only=True) as st:
        counts = {d.iri: len(st.graph(d.iri)) for d in st.documents()}
    assert len(counts) == len(list(corpus.glob("*.txt")))
    return counts, took, store


class Listener:
    """A TCP listener on loopback that records every connection made to it (and answers nothing useful):
    proof that a request did, or did not, go out."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.hits: list[bytes] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    data = conn.recv(65536)
                except OSError:
                    data = b""
                self.hits.append(data)  # before answering: the caller may look as soon as it has the answer
                try:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                 b"Content-Length: 46\r\nConnection: close\r\n\r\n"
                                 b'{"head":{"vars":[]},"results":{"bindings":[]}}')
                except OSError:
                    pass

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A loopback listener that records connections (SSRF and injection tests)."""
    lst = Listener()
    yield lst
    lst.close()

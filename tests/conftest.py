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

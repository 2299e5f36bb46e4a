"""Every notebook runs top to bottom in a fresh kernel, and is committed without outputs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_five_notebooks() -> None:
    """The notebooks shipped, in reading order (a missing or stray one shows here)."""
    want = ["01_tour", "02_indicators", "03_followups", "04_people", "05_graph"]
    assert [p.stem for p in NOTEBOOKS] == want


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_written_from_the_script(path: Path) -> None:
    """The cells are kept in scripts/notebooks.py: a notebook edited in Jupyter, or a script edited without
    rewriting the notebooks, shows here."""
    spec = importlib.util.spec_from_file_location("notebook_sources", ROOT / "scripts" / "notebooks.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    title, intro, cells = script.NOTEBOOKS[path.stem]
    want = [(c.cell_type, c.source) for c in script.notebook(title, intro, cells).cells]
    have = [(c.cell_type, c.source) for c in nbformat.read(path, as_version=4).cells]
    assert have == want, f"{path.name}: run `.venv/bin/python scripts/notebooks.py`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, tmp_path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    # the last code cell holds the notebook's own assertions: it must have run
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert "assert" in last.source and last.execution_count is not None


def test_graph_notebook_opens_the_store_kg_store_names(tmp_path: Path, seeds_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """05_graph with KG_STORE set to a store of the last two seeds (built here) reads that store, not all
    the seeds: it says so, counts its two documents, and its checks pass on it."""
    import shutil

    from kg.ingest import ingest
    from kg.store import LocalStore

    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt"))[-2:]:
        for f in (seed, Path(f"{seed}.meta.yaml")):
            if f.exists():
                shutil.copy(f, docs / f.name)
    location = tmp_path / "store"
    with LocalStore(location) as st:
        assert ingest([docs], st).ok
    monkeypatch.setenv("KG_STORE", str(location))
    path = ROOT / "notebooks" / "05_graph.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert f"your store: {location}" in printed and "2 documents" in printed

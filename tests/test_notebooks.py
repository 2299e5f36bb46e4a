"""Every notebook runs top to bottom in a fresh kernel, and is committed without outputs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_four_notebooks() -> None:
    assert [p.stem for p in NOTEBOOKS] == ["01_tour", "02_indicators", "03_followups", "04_people"]


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

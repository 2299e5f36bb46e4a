"""Write the notebooks from their cell sources (kept here so they stay reviewable as Python), without outputs.

    .venv/bin/python scripts/notebooks.py     # rewrites notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent.parent / "notebooks"

SETUP = '''import tempfile
from pathlib import Path

import kg

# The notebooks live in notebooks/; the seeds are beside them in the checkout.
ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
SEEDS = ROOT / "seeds"
store = kg.open_store(Path(tempfile.mkdtemp(prefix="kg-nb-")) / "store")
report = kg.ingest([SEEDS], store)
assert report.ok, report.failed
report.counts()'''


def notebook(title: str, intro: str, cells: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{intro}")]
    for src in cells:
        if src.startswith("## ") or src.startswith("> "):
            nb.cells.append(nbformat.v4.new_markdown_cell(src))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(src))
    return nb


NOTEBOOKS: dict[str, tuple[str, str, list[str]]] = {}

NOTEBOOKS["01_tour"] = (
    "A tour of council-kg",
    "Build the graph from the seeds with the library API, count what is in it, run named queries into "
    "pandas DataFrames, and open one fact's evidence in its document.",
    [
        "## Build the graph\n\nA fresh store in a temporary folder, so the notebook never touches your own.",
        SETUP,
        "## What is in it",
        "summary = kg.summary(store)\nsummary.counts",
        "## Named queries into DataFrames\n\nEvery named query is a `.rq` file shipped with the package.",
        "{name: q.description for name, q in kg.named_queries().items()}",
        "documents = kg.query_frame(store, \"documents\")\n"
        "documents[[\"file\", \"council_label\", \"committee_label\", \"period\"]]",
        "people = kg.query_frame(store, \"people\")\npeople[[\"name\", \"role\", \"document\"]]",
        "posts = kg.query_frame(store, \"posts\")\nposts[[\"label\", \"holder\"]].drop_duplicates()",
        "## Check a fact against its document\n\nEvery fact records where it came from: the document, character "
        "offsets into the pinned text rendition (whose sha256 is recorded) and the exact quote. `kg.evidence` "
        "re-reads the source, checks the hash and shows the quote in context.",
        "observations = kg.query_frame(store, \"observations\")\n"
        "fact = observations.dropna(subset=[\"value\"]).iloc[0] if observations[\"value\"].notna().any() "
        "else observations.iloc[0]\n"
        "found = kg.evidence(store, fact[\"observation\"], search=[SEEDS])\n"
        "print(found[0].show())",
        "## Checks\n\nThese fail if the pipeline is broken, so the notebook cannot pass silently.",
        "assert summary.counts[\"documents\"] == 5\n"
        "assert set(documents[\"council_label\"]) == {\"Durham County Council\", \"Darlington Borough Council\"}\n"
        "assert (people[\"role\"] == \"councillor\").any()\n"
        "assert found and all(e.verified for e in found)\n"
        "assert found[0].quote in (SEEDS / Path(found[0].file).name).read_text(encoding=\"utf-8\")",
    ],
)


def main() -> int:
    names = sys.argv[1:] or list(NOTEBOOKS)
    for name in names:
        title, intro, cells = NOTEBOOKS[name]
        nbformat.write(notebook(title, intro, cells), HERE / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb")
    return 0


if __name__ == "__main__":
    sys.exit(main())

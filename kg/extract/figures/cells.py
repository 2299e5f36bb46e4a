"""Figures in tables: read from the readers' cells, never from the text around them."""

from __future__ import annotations

from kg.extract.figures.prose import Found
from kg.model import SourceDoc
from kg.text import TextView


def read_cells(doc: SourceDoc, tv: TextView, doc_period: str | None) -> tuple[list[Found], list[str]]:
    return [], []

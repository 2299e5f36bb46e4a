"""council-kg: a knowledge graph of UK council minutes and performance reports.

The pipeline: read documents -> extract facts -> link across documents -> RDF -> store -> query / visualise.
The public API is re-exported here for notebooks and scripts.
"""

from __future__ import annotations

__version__ = "0.1.0"

from kg.errors import KgError
from kg.evidence import Evidence, evidence
from kg.frames import frame, query_frame
from kg.ingest import IngestReport, ingest, remove
from kg.query import named_queries
from kg.query import run as query
from kg.read import read_document
from kg.report import Summary, summary
from kg.store import LocalStore, Store
from kg.stores import open_store

__all__ = [
    "Evidence",
    "IngestReport",
    "KgError",
    "LocalStore",
    "Store",
    "Summary",
    "__version__",
    "evidence",
    "frame",
    "ingest",
    "named_queries",
    "open_store",
    "query",
    "query_frame",
    "read_document",
    "remove",
    "summary",
]

"""council-kg: a knowledge graph of UK council minutes and performance reports.

The pipeline: read documents -> extract facts -> link across documents -> RDF -> store -> query / visualise.
The public API is re-exported here for notebooks and scripts, imported on first use: `kg --help` must not
pay for rdflib, pyoxigraph and spaCy (about a second) just because `kg.cli` lives in this package.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> (module, attribute)
_EXPORTS = {
    "Evidence": ("kg.evidence", "Evidence"),
    "evidence": ("kg.evidence", "evidence"),
    "frame": ("kg.frames", "frame"),
    "query_frame": ("kg.frames", "query_frame"),
    "IngestReport": ("kg.ingest", "IngestReport"),
    "ingest": ("kg.ingest", "ingest"),
    "remove": ("kg.ingest", "remove"),
    "KgError": ("kg.errors", "KgError"),
    "named_queries": ("kg.query", "named_queries"),
    "query": ("kg.query", "run"),
    "read_document": ("kg.read", "read_document"),
    "Summary": ("kg.report", "Summary"),
    "summary": ("kg.report", "summary"),
    "LocalStore": ("kg.store", "LocalStore"),
    "Store": ("kg.store", "Store"),
    "open_store": ("kg.stores", "open_store"),
    "Description": ("kg.describe", "Description"),
    "describe": ("kg.describe", "describe"),
}

__all__ = [
    "Description",
    "Evidence",
    "IngestReport",
    "KgError",
    "LocalStore",
    "Store",
    "Summary",
    "__version__",
    "describe",
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


def __getattr__(name: str) -> Any:
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'kg' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(types.ModuleType):
    """`kg.ingest`, `kg.evidence`, `kg.describe` and `kg.query` are functions that share a name with their
    submodule. Importing a submodule sets it as the package's attribute; here that attribute stays the
    function, as it was when this file imported them all eagerly (the submodule is in sys.modules)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from kg.describe import Description, describe
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

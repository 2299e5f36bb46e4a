"""The named queries shipped with the package: every kg/queries/*.rq, read and parsed once.

A `.rq` file starts with `#` comment lines: the first says what the query answers; lines of the form
`# param NAME: description` declare parameters. Files whose name starts with `_` are the library's own.
This sits below kg.store and kg.query so that both can read the packaged queries without importing each
other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    description: str
    params: tuple[tuple[str, str], ...] = ()  # (name, description)


def _parse(name: str, text: str) -> NamedQuery:
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("#").strip())
    params = tuple(
        (m.group(1), m.group(2).strip()) for h in header if (m := re.match(r"param\s+([\w-]+):\s*(.*)", h))
    )
    desc = next((h for h in header if h and not h.startswith("param ")), "")
    return NamedQuery(name, text, desc, params)


@cache
def _package() -> dict[str, NamedQuery]:
    """Every kg/queries/*.rq by name (internal ones with their `_`), read and parsed once: the ledger runs
    one internal query per document, and package data does not change while the process runs."""
    folder = resources.files("kg.queries")
    return {e.name[:-3]: _parse(e.name[:-3], e.read_text(encoding="utf-8"))
            for e in sorted(folder.iterdir(), key=lambda e: e.name) if e.name.endswith(".rq")}


def named_queries() -> dict[str, NamedQuery]:
    """The queries users run by name; `_`-prefixed files are the library's own (see `internal`)."""
    return {name: q for name, q in _package().items() if not name.startswith("_")}


def internal(name: str) -> str:
    """The SPARQL text of an internal query, kg/queries/_NAME.rq ("NAME" or "_NAME"), for library code."""
    return _package()[f"_{name.removeprefix('_')}"].text

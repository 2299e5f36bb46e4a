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
    description: str  # the header's first sentence, whole even where it runs over several lines
    params: tuple[tuple[str, str], ...] = ()  # (name, description)
    about: str = ""  # the whole header but the parameters: columns, order, caveats


def _parse(name: str, text: str) -> NamedQuery:
    prose: list[str] = []
    params: list[list[str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:]
        if m := re.match(r"\s*param\s+([\w-]+):\s*(.*)", body):
            params.append([m.group(1), m.group(2).strip()])
        elif params and re.match(r"\s{2,}\S", body):  # an indented line goes on with the parameter above
            params[-1][1] = f"{params[-1][1]} {body.strip()}".strip()
        elif body.strip():
            prose.append(body.strip())
    # The first sentence: lines up to the first that ends one (a header line is wrapped, not a sentence).
    first = next((i for i, ln in enumerate(prose) if ln.endswith((".", "?"))), len(prose) - 1)
    desc = " ".join(prose[: first + 1])
    return NamedQuery(name, text, desc, tuple((p, d) for p, d in params), " ".join(prose))


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

"""Named queries (kg/queries/*.rq), run with bound parameters, and their results as table/csv/tsv/json.

A `.rq` file starts with `#` comment lines: the first says what the query answers; lines of the form
`# param NAME: description` declare parameters. Parameters are bound (Oxigraph substitutions, rdflib
initBindings), never spliced into the text; a bound variable must appear in the SELECT clause.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import QueryError
from kg.queries import NamedQuery, _package, _parse, internal, named_queries  # noqa: F401 - re-exported
from kg.store import Result, Store, row_texts

FORMATS = ("table", "csv", "tsv", "json")


def resolve(spec: str) -> NamedQuery:
    """A named query, a path to a .rq file, or SPARQL text."""
    queries = named_queries()
    if spec in queries:
        return queries[spec]
    # Internal queries run by their `_` name (library code), though `kg queries` does not list them.
    if re.fullmatch(r"_[\w-]+", spec) and spec in _package():
        return _package()[spec]
    if spec.endswith(".rq") or (len(spec) < 300 and "\n" not in spec and Path(spec).suffix == ".rq"):
        path = Path(spec)
        if not path.exists():
            raise QueryError(f"query file not found: {spec}", hint="check the path")
        return _parse(path.stem, path.read_text(encoding="utf-8"))
    if re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", spec, re.I):
        return _parse("(text)", spec)
    raise QueryError(
        f"unknown query '{spec}'",
        hint="see `kg queries` for the named ones, or pass a .rq file or SPARQL text",
    )


def to_term(value: str) -> Identifier:
    """A parameter given on the command line: <iri> or http(s)://... is an IRI, anything else a string."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return URIRef(v[1:-1])
    if re.match(r"^(https?|urn):", v):
        return URIRef(v)
    return Literal(v)


def parse_params(pairs: list[str]) -> dict[str, Identifier]:
    out: dict[str, Identifier] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
            raise QueryError(f"bad --param '{pair}'", hint="write it as name=value")
        out[key] = to_term(value)
    return out


def paged(text: str, limit: int | None, offset: int = 0) -> str:
    """A SELECT with LIMIT/OFFSET appended: whole numbers, checked here; the query must not have its own."""
    if limit is None and not offset:
        return text
    if isinstance(limit, bool) or (limit is not None and (not isinstance(limit, int) or limit < 0)) \
            or isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise QueryError("--limit and --offset take whole numbers of rows, 0 or more")
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    own = r"\b(LIMIT|OFFSET)\s+\d+\s*$|\}\s*VALUES\b[^}]*\}\s*$"
    if re.search(own, body, re.I):
        raise QueryError("the query ends with its own LIMIT, OFFSET or VALUES",
                         hint="leave out --limit/--offset")
    if not re.search(r"\bSELECT\b", body, re.I):
        raise QueryError("--limit and --offset apply to SELECT queries only")
    tail = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
    return f"{text.rstrip()}\n{tail.strip()}\n"


OPTIONAL_PARAM = "(optional)"  # a parameter whose description starts so scopes the query; left out, all rows


def required(q: NamedQuery) -> set[str]:
    """The parameters a query cannot run without (the others narrow it: one council, one committee...)."""
    return {p for p, desc in q.params if not desc.startswith(OPTIONAL_PARAM)}


def run(
    store: Store,
    spec: str | NamedQuery,
    params: Mapping[str, Identifier | str] | None = None,
    *,
    timeout: float | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Result:
    """Run a query with bound parameters. `limit`/`offset` page a SELECT's rows in the query's own order: the
    listing queries hold every fact in the store, and turning rows into terms costs time of its own."""
    q = spec if isinstance(spec, NamedQuery) else resolve(spec)
    bindings = {k: (v if isinstance(v, Identifier) else to_term(str(v))) for k, v in (params or {}).items()}
    if q.params:
        declared = {p for p, _ in q.params}
        unknown = sorted(set(bindings) - declared)
        if unknown:
            raise QueryError(
                f"query '{q.name}' has no parameter {', '.join(unknown)}",
                hint=f"it takes: {', '.join(sorted(declared))}",
            )
        missing = sorted(required(q) - set(bindings))
        if missing:
            raise QueryError(
                f"query '{q.name}' needs --param {missing[0]}=...", hint=dict(q.params)[missing[0]]
            )
    elif bindings and q.name != "(text)" and q.name in named_queries():
        raise QueryError(f"query '{q.name}' takes no parameters")
    for name in bindings:
        if not re.search(r"SELECT[^{]*\?" + re.escape(name) + r"\b", q.text, re.I | re.S):
            raise QueryError(f"parameter '{name}' is not a variable the query selects")
    return store.query(paged(q.text, limit, offset), bindings, timeout=timeout)


def internal_texts(store: Store, name: str, params: Mapping[str, Identifier] | None = None,
                   ) -> Iterator[dict[str, str]]:
    """The rows of internal query kg/queries/_NAME.rq with `params` bound, each cell as text (an IRI, a
    literal's lexical form), no rdflib term made: for library code that compares strings (the ledger, the
    latest figures). Not checked as `run` checks a user's parameters: these are the package's own queries,
    asked thousands of times in a run."""
    return row_texts(store.query(internal(name), params).rows)


# ---- output


def term_json(term: Identifier) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out: dict = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
    return out


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    if result.kind == "graph":
        raise QueryError(
            "a CONSTRUCT/DESCRIBE result has no JSON rows", hint="use --format turtle or `kg export`"
        )
    rows = [{k: term_json(v) for k, v in row.items()} for row in result.rows]
    return json.dumps(
        {"head": {"vars": list(result.variables)}, "results": {"bindings": rows}}, ensure_ascii=False
    )


def plain(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def to_delimited(result: Result, delimiter: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow([plain(row.get(v)) for v in result.variables])
    return buf.getvalue()


def short(term: Identifier | None) -> str:
    """An IRI shortened for a table: the last path segment."""
    if isinstance(term, URIRef):
        return str(term).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return plain(term)


def format_result(result: Result, fmt: str) -> str:
    if fmt not in (*FORMATS, "turtle"):
        raise QueryError(f"unknown format '{fmt}'", hint=f"use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        return result.graph.serialize(format="turtle") if result.graph is not None else ""
    if result.kind == "ask":
        return to_json(result) if fmt == "json" else ("yes" if result.boolean else "no")
    if fmt == "json":
        return to_json(result)
    if fmt == "csv":
        return to_delimited(result, ",")
    if fmt == "tsv":
        return to_delimited(result, "\t")
    raise QueryError("table output is drawn by the CLI")

"""The site's pages: home, the query page (named queries with a form for their parameters, or SPARQL
text; results with labels, linked IRIs and pages), a page for every IRI, the views and statistics. Each
takes the server (`app`: settings, store, cache, templates) and the request; whatever a page reads from
the store is computed once per store version (kg/web/cache.py)."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from rdflib import URIRef
from rdflib.term import Identifier
from starlette.requests import Request
from starlette.responses import Response

from kg.errors import KgError, QueryError, printable
from kg.iris import base
from kg.namespaces import DCTERMS, RDF
from kg.store import Result
from kg.web.layout import layout_html
from kg.web.pool import HttpError, status_of
from kg.web.protocol import check_service
from kg.web.terms import LABELS, cell, iris_in, prefix_block, prefixes, short, with_prefixes

HTML = "text/html; charset=utf-8"
SIZES = (25, 50, 100, 250, 500)
RESERVED = {"name", "query", "page", "size", "format"}  # query-page fields, never parameters
IN_PAGE = 100  # links into a resource, a page
STATIC = Path(__file__).resolve().parent.parent / "static"


def _params(request: Request) -> dict[str, list[str]]:
    return parse_qs(request.url.query, keep_blank_values=True)


def _one(params: Mapping[str, list[str]], key: str) -> str | None:
    v = params.get(key)
    return v[-1] if v else None


def _int(params: Mapping[str, list[str]], key: str, default: int) -> int:
    raw = _one(params, key)
    try:
        return int(raw) if raw else default
    except ValueError:
        raise HttpError(400, f"{key} must be a whole number, not '{printable(raw or '')[:50]}'") from None


def html(body: bytes, status: int = 200) -> Response:
    return Response(body, status, media_type=HTML)


def cross_site(request: Request) -> bool:
    return (request.headers.get("sec-fetch-site") or "").strip().lower() in ("cross-site", "same-site")


def pager(request: Request, total: int, page: int, size: int, key: str = "page") -> dict:
    """Which rows a page shows and links to its neighbours (this request's parameters, `key` changed)."""
    pages = max(1, math.ceil(total / size))
    if page < 1 or page > pages:
        raise HttpError(404, f"no page {page}: there {'is' if pages == 1 else 'are'} {pages}")
    params = [(k, v) for k, vs in _params(request).items() for v in vs]

    def link(n: int) -> str:
        kept = [(k, v) for k, v in params if k != key] + ([(key, str(n))] if n > 1 else [])
        return f"{request.url.path}?{urlencode(kept)}" if kept else request.url.path

    return {"page": page, "pages": pages, "total": total, "start": (page - 1) * size,
            "prev": link(page - 1) if page > 1 else "", "next": link(page + 1) if page < pages else ""}


def is_iri(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+", value, re.I))


def labels_for(app: Any, iris: list[str]) -> dict[str, dict]:
    """Labels and types of the IRIs a page shows (index lookups in a worker; kept per store version)."""
    if not iris:
        return {}
    return app.cache.get(("labels", tuple(iris)), lambda: app.store.labels(iris, LABELS))


# ---- home


def index(app: Any, request: Request) -> Response:
    from kg.query import named_queries, run

    s = app.settings

    def summary() -> list[tuple[str, str]]:
        res = run(app.store, "summary")
        row = res.rows[0] if res.rows else {}
        return [(k.replace("_", " "), str(v)) for k, v in row.items()]

    try:
        counts = app.cache.get(("summary",), summary)
    except QueryError:
        counts = []  # an empty or busy store still has a home page
    body = app.render("index.html.j2", title="council-kg", summary=counts,
                      queries=list(named_queries().values()),
                      mode="updates allowed with the token" if s.allow_update else "read-only",
                      timeout=f"{s.timeout:g}", max_rows=f"{s.max_rows:,}")
    return html(body)


# ---- the query page


def query(app: Any, request: Request) -> Response:
    """The page is kept whole per store version and address (its Share link is that address)."""
    key = ("query-page", request.url.query, cross_site(request))
    status, body = app.cache.get(key, lambda: query_page(app, request))
    if status >= 500:  # stopped for time or memory, or the store was busy: the next visit tries again
        app.cache.forget(key)
    return html(body, status)


def query_page(app: Any, request: Request) -> tuple[int, bytes]:
    from kg.query import named_queries, run, to_term

    params = _params(request)
    queries = named_queries()
    name, text = _one(params, "name"), _one(params, "query")
    size = _int(params, "size", 50)
    if size not in SIZES:
        raise HttpError(400, f"size must be one of {', '.join(map(str, SIZES))}")
    page = _int(params, "page", 1)
    values: dict[str, Any] = {"title": "Query", "queries": list(queries.values()), "sizes": SIZES,
                              "size": size, "prefixes": list(prefixes()), "layout": layout_html(),
                              "graphs": graphs(app)}
    status = 200
    named = None
    run_it: Any = None
    if name is not None:
        if name not in queries:
            raise HttpError(404, f"no named query '{printable(name)[:100]}'")
        named = queries[name]
        given = {p: (_one(params, p) or "").strip() for p, _ in named.params}
        values.update(named=named, text=named.text,
                      params=[{"name": p, "description": d, "value": given[p]} for p, d in named.params])
        unknown = sorted(set(params) - RESERVED - set(given))
        if unknown:
            raise HttpError(400, f"query '{name}' has no parameter {', '.join(unknown)}")
        missing = [p for p, v in given.items() if not v]
        if missing and len(missing) < len(given):
            values["error"] = f"fill in {', '.join(missing)} to run {name}"
            status = 400
        elif not missing:
            bindings = {p: to_term(v) for p, v in given.items()}
            key = ("named", name, tuple(sorted((k, repr(v)) for k, v in bindings.items())))
            run_it = key, lambda: run(app.store, named, bindings)
    elif text is not None and text.strip():
        values["text"] = text
        full = with_prefixes(text)
        check_service(full, app.settings.allow_service)
        run_it = ("text", full), lambda: app.store.query(full)
    else:
        values["text"] = prefix_block() + "\nSELECT ?s ?p ?o\nWHERE { ?s ?p ?o }\nLIMIT 10\n"
    if run_it and cross_site(request):
        values["notice"] = "This query was opened from another site: read it, then press Run to run it."
        run_it = None
    if run_it:
        key, fn = run_it
        try:
            result, seconds, kept = app.run_cached(key, fn)
        except KgError as e:
            status, values["error"] = status_of(e)
        else:
            values.update(results_view(app, request, result, page, size, seconds, kept))
            values["share"] = str(request.url.path) + "?" + request.url.query
            if named and result.kind == "select":
                values["csv"] = f"/queries/{quote(named.name)}?" + urlencode(
                    [("format", "csv"), *[(p["name"], p["value"]) for p in values["params"]]])
    return status, app.render("query.html.j2", **values)


def results_view(app: Any, request: Request, result: Result, page: int, size: int, seconds: float,
                 kept: bool) -> dict:
    """A page of a result as cells (labels, short IRIs, plain values) and the pager."""
    if result.kind == "ask":
        return {"result": {"kind": "ask", "boolean": result.boolean, "seconds": seconds, "cached": kept},
                "pager": None}
    if result.kind == "graph":
        triples = sorted(result.graph or (), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
        variables = ("subject", "predicate", "object")
        rows: list[dict[str, Identifier]] = [dict(zip(variables, t, strict=True)) for t in triples]
    else:
        variables, rows = result.variables, list(result.rows)
    p = pager(request, len(rows), page, size)
    shown = rows[p["start"]:p["start"] + size]
    labels = labels_for(app, iris_in(t for r in shown for t in r.values()))
    cells = [[cell(r.get(v), labels) for v in variables] for r in shown]
    return {"result": {"kind": "select", "variables": variables, "rows": cells, "seconds": seconds,
                       "cached": kept}, "pager": p}


def graphs(app: Any) -> dict | None:
    """How many document graphs the store holds, and its other graphs by name (kept per version)."""
    def compute() -> dict:
        res = app.store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        names = sorted(str(r["g"]) for r in res.rows if "g" in r)
        docs = [g for g in names if g.startswith(base() + "document/")]
        return {"documents": len(docs), "others": [g for g in names if g not in docs]}

    try:
        return app.cache.get(("graphs",), compute)
    except QueryError:
        return None


def yasgui(app: Any) -> Response:
    """The SPARQL editor (YASGUI), with the named queries as examples."""
    from kg.query import named_queries

    examples = [{"name": q.name, "description": q.description, "query": q.text,
                 "params": [p for p, _ in q.params]} for q in named_queries().values()]
    items = "".join(
        f'<li><button type="button" data-example="{i}" title="{_e(q["description"])}">'
        f'{_e(q["name"])}</button>'
        + (f' <small>(binds {_e(", ".join(q["params"]))}: edit the query)</small>' if q["params"] else "")
        + "</li>" for i, q in enumerate(examples))
    body = (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>council-kg: SPARQL editor</title>"
        '<link rel="stylesheet" href="/static/yasgui/yasgui.min.css">'
        "<style>body{font-family:system-ui,sans-serif;margin:0}"
        "header{padding:.5em 1em;border-bottom:1px solid #ddd}"
        "#examples{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:.4em}"
        "nav a{margin-right:1em}.yasgui .autocompleteWrapper{display:none !important}</style></head><body>"
        '<header><nav><a href="/">Home</a><a href="/query">Query page</a><a href="/viz/overview">Overview</a>'
        '<a href="/viz/followups">Follow-ups</a></nav><strong>Named queries</strong> (click to load and run):'
        f'<ul id="examples">{items}</ul></header><div id="yasgui"></div>'
        f'<script id="kg-examples" type="application/json">{script_json(examples)}</script>'
        '<script src="/static/yasgui/yasgui.min.js"></script><script src="/static/query.js"></script>'
        "</body></html>")
    return html(body.encode())


def _e(text: str) -> str:
    import html as h

    return h.escape(text)


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' can close it or open a comment."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ---- named query results as data (JSON, CSV, TSV)


def named_result(app: Any, request: Request) -> Response:
    from kg.query import format_result, named_queries, run, to_term
    from kg.sparql_worker import GRAPH_TYPES, RESULT_TYPES

    name = request.path_params["name"]
    queries = named_queries()
    if name not in queries:
        raise HttpError(404, f"no named query '{printable(name)[:100]}'")
    params = _params(request)
    fmt = _one(params, "format") or "json"
    if fmt not in ("json", "csv", "tsv"):
        raise HttpError(400, "format must be json, csv or tsv")
    bindings = {k: to_term(v[-1]) for k, v in params.items() if k != "format"}
    key = ("named", name, tuple(sorted((k, repr(v)) for k, v in bindings.items())))
    result, _, _ = app.run_cached(key, lambda: run(app.store, queries[name], bindings))
    if result.kind == "graph":
        return Response(format_result(result, "turtle").encode(), media_type=GRAPH_TYPES["turtle"][0])
    body = app.cache.get(("named-body", key, fmt), lambda: format_result(result, fmt).encode())
    return Response(body, media_type=RESULT_TYPES[fmt])


# ---- a page for every IRI


def data_iri(request: Request) -> str:
    return base() + request.path_params["rest"]


def resource(app: Any, request: Request, iri: str) -> Response:
    if not iri:
        raise HttpError(400, "give the IRI: /resource?iri=...")
    if not is_iri(iri):
        raise HttpError(400, f"not an IRI: '{printable(iri)[:200]}'")
    page = _int(_params(request), "page", 1)
    return html(app.cache.get(("resource-page", iri, page), lambda: resource_page(app, request, iri, page)))


def resource_page(app: Any, request: Request, iri: str, page: int) -> bytes:
    about = app.cache.get(("resource", iri), lambda: describe(app, iri))
    if about is None:
        raise HttpError(404, f"nothing in the store is about {iri}")
    p = pager(request, len(about["in"]), page, IN_PAGE)
    incoming = about["in"][p["start"]:p["start"] + IN_PAGE]
    shown = [URIRef(s) for s, _, _ in incoming] + [URIRef(p) for _, p, _ in incoming]
    labels = labels_for(app, iris_in(shown))
    labels = {**labels, **about["labels"]}
    ev = [{**e, "document": cell(URIRef(e["document"]), labels)} for e in about["evidence"]]
    describe_query = (prefix_block() + f"\nSELECT ?property ?value ?graph\nWHERE {{ GRAPH ?graph {{ <{iri}> "
                      "?property ?value } }\nORDER BY ?property ?value\n")
    values = {
        "title": about["label"] or short(iri), "iri": iri, "short": short(iri),
        "types": [cell(URIRef(t), labels) for t in about["types"]],
        "out": [{"p": cell(URIRef(pr), labels), "o": cell(o, labels), "where": where(g, labels)}
                for pr, o, g in about["out"]],
        "incoming": [{"s": cell(URIRef(s), labels), "p": cell(URIRef(pr), labels), "where": where(g, labels)}
                     for s, pr, g in incoming],
        "pager": p, "more_in": about["more_in"], "scan": about["scan"], "evidence": ev,
        "sources": bool(app.settings.sources), "describe": "/query?" + urlencode({"query": describe_query}),
    }
    return app.render("resource.html.j2", **values)


def where(graphs: list[str], labels: Mapping[str, dict]) -> str:
    """The graphs a triple is stated in: a few by name (linked), many by number."""
    from markupsafe import escape

    named = [g for g in graphs if g]
    if not named:
        return "default graph"
    if len(graphs) > 3:
        return f"{len(graphs):,} graphs"
    parts = []
    for g in named:
        c = cell(URIRef(g), labels)
        parts.append(f'<a href="{escape(c.href)}" title="{escape(g)}">{escape(c.text)}</a>')
    return ", ".join(parts)


def describe(app: Any, iri: str, scan: int = 200_000) -> dict | None:
    """What the store says about one IRI: label, types, facts both ways (with their graphs), evidence."""
    from kg.query import run

    got = app.store.describe(iri, scan)
    if not got["out"] and not got["in"]:
        return None
    from kg.web.pool import _term  # the worker's term tuples

    out = sorted(((p[1], _term(o), g) for p, o, g in got["out"]),
                 key=lambda t: (t[0] != str(RDF.type), short(t[0]), str(t[1])))
    incoming = sorted(((s[1], p[1], g) for p, s, g in got["in"] if s[0] == "u"),
                      key=lambda t: (short(t[1]), t[0]))
    types = [str(o) for p, o, _ in out if p == str(RDF.type) and isinstance(o, URIRef)]
    wanted = iris_in([URIRef(p) for p, _, _ in out] + [o for _, o, _ in out]
                     + [URIRef(g) for *_, gs in out for g in gs[:3] if g] + [URIRef(t) for t in types]
                     + [URIRef(iri)])
    labels = app.store.labels(wanted, LABELS)
    evidence = []
    try:
        rows = run(app.store, "_resource-evidence", {"fact": URIRef(iri)}).rows
    except QueryError:
        rows = ()
    if rows:
        sources = app.store.labels(sorted({str(r["document"]) for r in rows}), [str(DCTERMS.source)])
        around = context(app, iri) if app.settings.sources else {}
        for r in rows:
            start, end = int(r["start"]), int(r["end"])
            before, after, verified = around.get((str(r["document"]), start, end), ("", "", None))
            evidence.append({"document": str(r["document"]), "file": str(r["file"]), "start": start,
                             "end": end, "quote": str(r["exact"]),
                             "page": int(r["page"]) if "page" in r else None,
                             "source": safe_link((sources.get(str(r["document"])) or {}).get("label")),
                             "before": before, "after": after, "verified": verified})
    return {"label": (labels.get(iri) or {}).get("label"), "types": types, "out": out, "in": incoming,
            "labels": labels, "evidence": evidence, "more_in": got["more"]["in"], "scan": scan}


def safe_link(url: str | None) -> str:
    """A document's source URL, only if it is http(s) (never javascript: or data:)."""
    return url if url and re.match(r"https?://", url, re.I) else ""


def context(app: Any, iri: str) -> dict[tuple[str, int, int], tuple[str, str, bool | None]]:
    """The text around each quote, read from the source files under `--sources` (sha256 checked)."""
    from kg.evidence import evidence

    try:
        found = evidence(app.store, iri, search=[Path(s) for s in app.settings.sources], context=200)
    except KgError:
        return {}
    return {(e.document, e.start, e.end): (e.before, e.after, e.verified) for e in found}


# ---- views and statistics, once per store version


def view(app: Any, request: Request) -> Response:
    from kg.query import named_queries, to_term
    from kg.viz import build

    which = request.path_params["which"]
    params = _params(request)
    budget = _int(params, "budget", app.settings.budget)
    if not 10 <= budget <= 5000:  # more would make a page a browser struggles with
        raise HttpError(400, "budget must be between 10 and 5000")
    opts: dict[str, Any] = {"budget": budget}
    if which == "overview":
        opts["council"] = _one(params, "council") or None
    elif which == "followups":
        opts["show_followups"] = True
    elif which == "focus":
        opts["focus_node"] = _one(params, "node") or ""
        opts["depth"] = _int(params, "depth", 1)
        if not opts["focus_node"]:
            raise HttpError(400, "focus needs ?node=NAME or IRI")
    elif which == "query":
        name = _one(params, "name") or ""
        if name not in named_queries():  # only named queries: no file paths from the web
            raise HttpError(404, f"no named query '{printable(name)[:100]}'")
        opts["query"] = name
        opts["params"] = {k: to_term(v[-1]) for k, v in params.items() if k not in ("name", "budget")}
    else:
        raise HttpError(404, f"no view '{printable(which)[:100]}': overview, followups, focus or query")
    key = ("view", which, tuple(sorted((k, repr(v)) for k, v in opts.items())))
    try:
        page, _ = app.cache.get(key, lambda: build(app.store, served=True, **opts))  # links to /resource
    except QueryError as e:
        if getattr(e, "status", None):
            raise
        # a name that matches nothing is a page that is not there; an ambiguous one, a bad request
        raise HttpError(404 if "nothing in the graph" in e.message else 400, e.line()) from None
    return html(page.encode())


def stats(app: Any, request: Request) -> Response:
    from kg.analytics import stats as network_stats

    council = _one(_params(request), "council") or None
    body = app.cache.get(("stats", council),
                         lambda: json.dumps(network_stats(app.store, council=council)).encode())
    return Response(body, media_type="application/json")


def followups(app: Any, request: Request) -> Response:
    import kg.followups as f  # the ledger's own page (kg/followups.py), served as it is

    if not (callable(getattr(f, "rows", None)) and callable(getattr(f, "page", None))):
        raise HttpError(404, "the follow-up page is not available in this version")
    params = _params(request)
    key = ("followups", dt.date.today().isoformat(), tuple(sorted((k, tuple(v)) for k, v in params.items())))

    def build() -> bytes:
        statuses = f.parse_statuses(params.get("status")) if hasattr(f, "parse_statuses") else ()
        if hasattr(f, "Filters"):  # ?as_of=YYYY-MM-DD and the CLI's filters, as `kg followups` reads them
            day = f.parse_date(_one(params, "as_of"), "as_of date")
            filters = f.Filters(statuses, _one(params, "council"), _one(params, "committee"),
                                _one(params, "actor"))
            return f.page(f.rows(app.store, as_of=day, filters=filters), as_of=day, filters=filters).encode()
        return f.page(f.rows(app.store, statuses=statuses, committee=_one(params, "committee"))).encode()

    return html(app.cache.get(key, build))


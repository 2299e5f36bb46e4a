"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the store, a query page, the graph views.

Safe by default: binds to loopback, refuses updates (unless started with `allow_update` and a token,
sent as `Authorization: Bearer TOKEN`), answers only requests addressed to a local host name when on
loopback (no DNS rebinding), sends no CORS headers (other web sites cannot read the store through a
user's browser), refuses cross-site requests to its query routes (Origin and Sec-Fetch-Site: a page on
another site cannot make a visitor's browser run queries here), makes no outbound requests (SPARQL
`SERVICE` is refused unless the person who starts it names the endpoints allowed), limits request
size, query time, query memory and result size. Queries run in worker processes
(kg/sparql_worker.py) so that a runaway one can be cancelled by killing its worker.
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import json
import queue
import re
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import KgError, QueryError, StoreError, printable
from kg.remote import SPARQL_TOKENS
from kg.sparql_worker import GRAPH_TYPES, MEMORY_MESSAGE, RESULT_TYPES, read_frame, write_frame
from kg.store import Result, Store

STATIC = Path(__file__).parent / "static"
WORKER = Path(__file__).parent / "sparql_worker.py"
STATIC_FILES = {"yasgui/yasgui.min.js": "text/javascript; charset=utf-8",
                "yasgui/yasgui.min.css": "text/css; charset=utf-8",
                "yasgui/LICENSE.txt": "text/plain; charset=utf-8",
                "yasgui/yasgui.min.js.LICENSE.txt": "text/plain; charset=utf-8",
                "query.js": "text/javascript; charset=utf-8"}
MAX_BODY = 1_000_000  # bytes of a POSTed query or update
FORMAT_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
                  "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
                  "rdfxml": "rdfxml", "jsonld": "jsonld"}
MIME_FORMATS = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv", "text/turtle": "turtle",
                "application/x-turtle": "turtle", "application/n-triples": "ntriples",
                "text/plain": "ntriples",
                "application/rdf+xml": "rdfxml", "application/ld+json": "jsonld"}
# Pages run inline scripts (the inlined vis.js, the query page) but may load or send nothing elsewhere.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class Settings:
    location: str
    host: str = "127.0.0.1"
    port: int = 8000
    allow_update: bool = False
    token: str | None = None
    timeout: float = 15.0
    max_rows: int = 100_000
    workers: int = 2
    budget: int = 1500
    max_bytes: int = 50_000_000  # bytes of one result
    max_memory: int = 1024  # MB of memory one query may use beyond its worker's open store (0: no limit)
    allow_service: tuple[str, ...] = ()  # SERVICE endpoints queries may call; none by default


# ---- workers


@dataclass(frozen=True)
class Limits:
    max_rows: int = 100_000
    max_bytes: int = 50_000_000
    max_memory: int = 1024
    network: bool = False


class _Proc:
    def __init__(self, location: str, mode: str, limits: Limits) -> None:
        args = [str(limits.max_rows), str(limits.max_bytes), str(limits.max_memory),
                "1" if limits.network else "0"]
        self.p = subprocess.Popen([sys.executable, "-P", str(WORKER), location, mode, *args],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def kill(self) -> None:
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        for s in (self.p.stdin, self.p.stdout):
            if s is not None:
                s.close()


class WorkerPool:
    """Worker processes, each with the store open; a query past the time limit kills its worker.

    `size` workers wait for queries; when all are busy (runaway queries among them) up to `extra` more
    are started for the moment, so a short query is answered while long ones run out their time."""

    def __init__(self, location: str, *, size: int = 2, timeout: float = 15.0, max_rows: int = 100_000,
                 writable: bool = False, limits: Limits | None = None, extra: int = 2) -> None:
        self.location, self.timeout = location, timeout
        self.limits = limits or Limits(max_rows=max_rows)
        self.max_rows = self.limits.max_rows
        self.mode = "write" if writable else "read"
        size = 1 if writable else max(1, size)  # one writer: Oxigraph allows one read-write process
        self.size, self.most = size, size if writable else size + max(0, extra)
        self.idle: queue.Queue[_Proc] = queue.Queue()
        self.all: list[_Proc] = []
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self._spawn()

    def _spawn(self) -> None:
        proc = _Proc(self.location, self.mode, self.limits)
        with self.lock:
            self.all.append(proc)
        self.idle.put(proc)

    def _take(self, limit: float) -> _Proc:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if not self.closed and len(self.all) < self.most:
                proc = _Proc(self.location, self.mode, self.limits)
                self.all.append(proc)
                return proc
        try:
            return self.idle.get(timeout=limit)
        except queue.Empty:
            raise HttpError(503, "the server is busy with other queries; retry in a moment") from None

    def _release(self, proc: _Proc) -> None:
        with self.lock:
            retire = len(self.all) > self.size and proc in self.all
            if retire:
                self.all.remove(proc)
        if retire:  # a worker started for a busy moment goes once the moment has passed
            proc.kill()
        else:
            self.idle.put(proc)

    def call(self, request: dict, timeout: float | None = None) -> dict:
        limit = self.timeout if timeout is None else timeout
        proc = self._take(limit)
        started = time.monotonic()
        try:
            assert proc.p.stdin is not None and proc.p.stdout is not None
            write_frame(proc.p.stdin, request)
            ready, _, _ = select.select([proc.p.stdout], [], [], limit)
            if not ready:
                raise TimeoutError
            resp = read_frame(proc.p.stdout)
        except TimeoutError:
            self._replace(proc)
            raise HttpError(503, f"query cancelled: it ran longer than {limit:g} s, this server's time limit "
                                 "(narrow the query or add LIMIT)") from None
        except (EOFError, OSError, BrokenPipeError):
            try:
                code = proc.p.wait(2)
            except subprocess.TimeoutExpired:
                code = None
            self._replace(proc)
            if code == -signal.SIGABRT:  # an allocation over the worker's memory limit aborts it
                raise HttpError(503, MEMORY_MESSAGE) from None
            raise HttpError(500, "the query worker stopped unexpectedly; the query was not answered") \
                from None
        self._release(proc)
        resp["seconds"] = round(time.monotonic() - started, 3)
        return resp

    def _replace(self, proc: _Proc) -> None:
        proc.kill()
        with self.lock:
            if proc in self.all:
                self.all.remove(proc)
            if self.closed or len(self.all) >= self.size:
                return
        self._spawn()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            procs = list(self.all)
            self.all.clear()
        for proc in procs:
            proc.kill()


def _term(t: tuple | None) -> Identifier | None:
    if t is None:
        return None
    if t[0] == "u":
        return URIRef(t[1])
    if t[0] == "b":
        return BNode(t[1])
    if t[3]:
        return Literal(t[1], lang=t[3])
    if t[2] == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(t[1])
    return Literal(t[1], datatype=URIRef(t[2]))


def _tuple(t: Identifier) -> tuple:
    if isinstance(t, URIRef):
        return ("u", str(t))
    if isinstance(t, BNode):
        return ("b", str(t))
    if isinstance(t, Literal):
        return ("l", str(t), str(t.datatype or "http://www.w3.org/2001/XMLSchema#string"), t.language)
    raise TypeError(f"cannot bind {t!r}")


class WorkerStore(Store):
    """The `Store` interface over the worker pool, so views and named queries share its limits."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool, self.location = pool, pool.location

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None, *,
              timeout: float | None = None) -> Result:
        req = {"op": "rows", "query": sparql, "bindings": {k: _tuple(v) for k, v in (bindings or {}).items()}}
        try:
            resp = self.pool.call(req, timeout)
        except HttpError as e:
            raise QueryError(e.message) from None
        if not resp["ok"]:
            raise QueryError(resp["message"])
        if resp["kind"] == "ask":
            return Result("ask", boolean=resp["boolean"])
        if resp["kind"] == "select":
            names = tuple(resp["vars"])
            rows = tuple({n: _term(t) for n, t in zip(names, row, strict=True) if t is not None}
                         for row in resp["rows"])
            return Result("select", names, rows)  # type: ignore[arg-type]
        g = Graph()
        for s, p, o in resp["triples"]:
            g.add((_term(s), _term(p), _term(o)))
        return Result("graph", graph=g)


# ---- content negotiation


def formats_for(accept: str | None, fmt: str | None) -> list[str]:
    """Preferred result formats, best first: the `format` parameter, then the Accept header by q."""
    if fmt:
        f = FORMAT_ALIASES.get(fmt.lower()) or MIME_FORMATS.get(fmt.lower().split(";")[0].strip())
        if not f:
            raise HttpError(400, f"unknown format '{fmt}': use json, xml, csv, tsv, turtle, ntriples, rdfxml "
                                 "or jsonld")
        return [f]
    prefs = []
    for i, part in enumerate((accept or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if bits[0] in MIME_FORMATS and q > 0:
            prefs.append((-q, i, MIME_FORMATS[bits[0]]))
    return [f for _, _, f in sorted(prefs)] or ["json", "turtle"]


# ---- pages


def _page(title: str, body: str, *, nav: bool = True) -> bytes:
    links = ('<nav><a href="/">Home</a> <a href="/query">Query</a> <a href="/viz/overview">Overview</a> '
             '<a href="/viz/followups">Follow-ups</a></nav>') if nav else ""
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:1em 2em;max-width:60em;color:#1a1a1a}"
            "nav a{margin-right:1em}code{background:#f3f3f3;padding:0 .2em}li{margin:.3em 0}</style></head>"
            f"<body>{links}<h1>{html.escape(title)}</h1>{body}</body></html>").encode()


def _has_followups_page() -> bool:
    import importlib.util

    return importlib.util.find_spec("kg.followups") is not None


def index_page(settings: Settings) -> bytes:
    from kg.query import named_queries

    qs = "".join(f'<li><a href="/queries/{html.escape(q.name)}?format=csv">{html.escape(q.name)}</a>: '
                 f"{html.escape(q.description)}</li>" for q in named_queries().values() if not q.params)
    mode = ("updates allowed with the token" if settings.allow_update else "read-only")
    extra = '<li><a href="/followups">The follow-up page</a></li>' if _has_followups_page() else ""
    body = (f"<p>SPARQL endpoint: <code>/sparql</code> ({html.escape(mode)}; queries stop after "
            f"{settings.timeout:g} s and {settings.max_rows:,} rows).</p>"
            "<ul><li><a href=\"/query\">Query page</a> (YASGUI, with the named queries as examples)</li>"
            "<li><a href=\"/viz/overview\">Council overview</a> (add <code>?council=NAME</code>)</li>"
            "<li><a href=\"/viz/followups\">Follow-ups as a graph</a></li>"
            "<li>Focus: <code>/viz/focus?node=NAME&amp;depth=2</code>; a query as a graph: "
            "<code>/viz/query?name=NAME</code></li>"
            f"<li><a href=\"/stats.json\">Network statistics</a></li>{extra}</ul>"
            f"<h2>Named queries</h2><ul>{qs}</ul>")
    return _page("council-kg", body)


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' can close it or open a comment."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def query_page() -> bytes:
    from kg.query import named_queries

    examples = [{"name": q.name, "description": q.description, "query": q.text,
                 "params": [p for p, _ in q.params]} for q in named_queries().values()]
    items = "".join(
        f'<li><button type="button" data-example="{i}" title="{html.escape(q["description"])}">'
        f'{html.escape(q["name"])}</button>'
        + (f' <small>(binds {html.escape(", ".join(q["params"]))}: edit the query)</small>'
           if q["params"] else "")
        + "</li>" for i, q in enumerate(examples))
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>council-kg: query</title>"
        '<link rel="stylesheet" href="/static/yasgui/yasgui.min.css">'
        "<style>body{font-family:system-ui,sans-serif;margin:0}"
        "header{padding:.5em 1em;border-bottom:1px solid #ddd}"
        "#examples{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:.4em}"
        "nav a{margin-right:1em}.yasgui .autocompleteWrapper{display:none !important}</style></head><body>"
        '<header><nav><a href="/">Home</a><a href="/viz/overview">Overview</a><a href="/viz/followups">'
        "Follow-ups</a></nav><strong>Named queries</strong> (click to load and run):"
        f'<ul id="examples">{items}</ul></header><div id="yasgui"></div>'
        f'<script id="kg-examples" type="application/json">{_script_json(examples)}</script>'
        '<script src="/static/yasgui/yasgui.min.js"></script><script src="/static/query.js"></script>'
        "</body></html>").encode()


# ---- the server


class Handler(BaseHTTPRequestHandler):
    server_version = "council-kg"
    protocol_version = "HTTP/1.1"

    @property
    def app(self) -> App:
        return self.server.app  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.app.log:
            try:
                sys.stderr.write("kg serve: " + printable(format % args) + "\n")
                sys.stderr.flush()
            except (OSError, ValueError):  # stderr closed or gone: a log line never costs an answer
                pass

    # one entry point for both methods
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("GET", head=True)

    def _handle(self, method: str, head: bool = False) -> None:
        try:
            self._check_host()
            self._check_site(method)
            status, ctype, body, extra = self.app.route(self, method)
        except HttpError as e:
            status, ctype, body, extra = e.status, "text/plain; charset=utf-8", f"{e.message}\n".encode(), {}
        except KgError as e:
            status, ctype, body, extra = 400, "text/plain; charset=utf-8", (e.line() + "\n").encode(), {}
        except Exception as e:  # noqa: BLE001 - a server answers, it does not die
            status, ctype = 500, "text/plain; charset=utf-8"
            body, extra = f"internal error: {type(e).__name__}: {e}\n".encode(), {}
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", CSP)
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _check_host(self) -> None:
        if not self.app.loopback:
            return
        host = (self.headers.get("Host") or "").strip()
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if name.lower() not in ("localhost", "127.0.0.1", "[::1]", self.app.settings.host):
            raise HttpError(403, f"this server answers only to localhost, not to '{host}'")

    def _check_site(self, method: str) -> None:
        """Pages may be opened from anywhere; what runs queries answers only this server's own pages and
        clients that are not browsers. A browser says where a request comes from (Sec-Fetch-Site, and
        Origin on POSTs and scripts' requests); an <img>, a form or a no-cors fetch from another site (or
        another port of this machine) would otherwise run queries with the visitor's access."""
        path = urlsplit(self.path).path.rstrip("/") or "/"
        if method == "GET" and (path in ("/", "/query", "/favicon.ico") or path.startswith("/static/")):
            return
        site = (self.headers.get("Sec-Fetch-Site") or "").strip().lower()
        if site in ("cross-site", "same-site"):
            raise HttpError(403, "refused: a request from another site (open this server's own pages, or "
                                 "query it from a program)")
        origin = self.headers.get("Origin")
        if origin is not None and origin.strip().lower() != f"http://{self.headers.get('Host', '')}".lower():
            raise HttpError(403, f"refused: a request from another origin ({printable(origin[:100])})")

    def body(self) -> bytes:
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise HttpError(400, "bad Content-Length") from None
        if n > MAX_BODY:
            raise HttpError(413, f"request body over {MAX_BODY:,} bytes")
        return self.rfile.read(n) if n > 0 else b""


class App:
    def __init__(self, settings: Settings, *, log: bool = True) -> None:
        self.settings, self.log = settings, log
        self.loopback = _is_loopback(settings.host)
        limits = Limits(settings.max_rows, settings.max_bytes, settings.max_memory,
                        network=bool(settings.allow_service))
        self.pool = WorkerPool(settings.location, size=settings.workers, timeout=settings.timeout,
                               writable=settings.allow_update, limits=limits)
        self.store = WorkerStore(self.pool)

    def route(self, req: Handler, method: str) -> tuple[int, str, bytes, dict[str, str]]:
        url = urlsplit(req.path)
        params = {k: v for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        path = url.path.rstrip("/") or "/"
        html_type = "text/html; charset=utf-8"
        if path == "/sparql":
            return self.sparql(req, method, params)
        if method != "GET":
            raise HttpError(405, f"{method} is not allowed on {path}")
        if path == "/":
            return 200, html_type, index_page(self.settings), {}
        if path == "/favicon.ico":  # browsers ask; answering keeps their consoles clean
            return 204, "image/x-icon", b"", {}
        if path == "/query":
            return 200, html_type, query_page(), {}
        if path.startswith("/static/"):
            name = path.removeprefix("/static/")
            if name not in STATIC_FILES:  # a fixed list: no path can reach outside kg/static
                raise HttpError(404, "no such file")
            return 200, STATIC_FILES[name], (STATIC / name).read_bytes(), {"Cache-Control": "max-age=3600"}
        if path.startswith("/queries/"):
            return self.named(path.removeprefix("/queries/"), params)
        if path.startswith("/viz/"):
            return 200, html_type, self.view(path.removeprefix("/viz/"), params), {}
        if path == "/stats.json":
            from kg.analytics import stats

            council = _one(params, "council")
            data = stats(self.store, council=council or None)
            return 200, "application/json", json.dumps(data).encode(), {}
        if path == "/followups" and _has_followups_page():
            return 200, html_type, self.followups_page(params), {}
        raise HttpError(404, f"nothing at {path}; see / for what this server offers")

    # -- SPARQL protocol

    def sparql(self, req: Handler, method: str, params: dict[str, list[str]]) -> tuple[int, str, bytes, dict]:
        query = update = None
        if method == "POST":
            ctype = (req.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            raw = req.body()
            try:
                text = raw.decode("utf-8", errors="strict") if raw else ""
            except UnicodeDecodeError as e:
                raise HttpError(400, f"the request body is not UTF-8 (bad byte at {e.start})") from None
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(text, keep_blank_values=True)
                params = {**params, **form}
                query, update = _one(form, "query"), _one(form, "update")
            elif ctype == "application/sparql-query":
                query = text
            elif ctype == "application/sparql-update":
                update = text
            else:
                raise HttpError(415, "POST a query as application/sparql-query, application/sparql-update "
                                     "or a form (application/x-www-form-urlencoded)")
        else:
            query, update = _one(params, "query"), _one(params, "update")
            if update is not None:
                raise HttpError(405, "updates must be POSTed")
        if update is not None:
            check_service(update, self.settings.allow_service)
            return self.do_update(req, update)
        if not query:
            if method == "GET":
                return 303, "text/plain", b"see /query\n", {"Location": "/query"}
            raise HttpError(400, "no query: send query=... (or update=...)")
        check_service(query, self.settings.allow_service)
        request = {"op": "protocol", "query": query, "formats": formats_for(req.headers.get("Accept"),
                                                                            _one(params, "format")),
                   "default_graphs": params.get("default-graph-uri", []),
                   "named_graphs": params.get("named-graph-uri", [])}
        resp = self.pool.call(request)
        if not resp["ok"]:
            raise HttpError(resp["status"], resp["message"])
        return 200, resp["content_type"], resp["body"], {"X-Query-Seconds": str(resp["seconds"])}

    def do_update(self, req: Handler, update: str) -> tuple[int, str, bytes, dict]:
        s = self.settings
        if not s.allow_update:
            raise HttpError(403, "updates are refused: this server is read-only (start it with "
                                 "--allow-update and --token to accept them)")
        auth = req.headers.get("Authorization") or ""
        given = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
        if not (s.token and given and hmac.compare_digest(given.encode(), s.token.encode())):
            raise HttpError(401, "updates need the server's token: send 'Authorization: Bearer TOKEN'")
        resp = self.pool.call({"op": "update", "update": update})
        if not resp["ok"]:
            raise HttpError(resp["status"], resp["message"])
        return 204, "text/plain", b"", {}

    # -- named queries with bound parameters

    def named(self, name: str, params: dict[str, list[str]]) -> tuple[int, str, bytes, dict]:
        from kg.query import format_result, named_queries, run, to_term

        queries = named_queries()
        if name not in queries:
            raise HttpError(404, f"no named query '{name}'")
        fmt = _one(params, "format") or "json"
        if fmt not in ("json", "csv", "tsv"):
            raise HttpError(400, "format must be json, csv or tsv")
        bindings = {k: to_term(v[-1]) for k, v in params.items() if k != "format"}
        result = run(self.store, queries[name], bindings)
        ctype = {"json": RESULT_TYPES["json"], "csv": RESULT_TYPES["csv"], "tsv": RESULT_TYPES["tsv"]}[fmt]
        if result.kind == "graph":
            return 200, GRAPH_TYPES["turtle"][0], format_result(result, "turtle").encode(), {}
        return 200, ctype, format_result(result, fmt).encode(), {}

    # -- views

    def view(self, which: str, params: dict[str, list[str]]) -> bytes:
        from kg.query import to_term
        from kg.viz import build

        budget = _int(params, "budget", self.settings.budget)
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
            from kg.query import named_queries

            name = _one(params, "name") or ""
            if name not in named_queries():  # only named queries: no file paths from the web
                raise HttpError(404, f"no named query '{name}'")
            opts["query"] = name
            opts["params"] = {k: to_term(v[-1]) for k, v in params.items() if k not in ("name", "budget")}
        else:
            raise HttpError(404, f"no view '{which}': overview, followups, focus or query")
        try:
            page, _ = build(self.store, **opts)
        except QueryError as e:
            return _page("Cannot draw this view", f"<p>{html.escape(e.line())}</p>")
        return page.encode()

    def followups_page(self, params: dict[str, list[str]]) -> bytes:
        import kg.followups as f  # the ledger's own page (kg/followups.py), served as it is

        if not (callable(getattr(f, "rows", None)) and callable(getattr(f, "page", None))):
            raise HttpError(404, "the follow-up page is not available in this version")
        statuses = f.parse_statuses(params.get("status")) if hasattr(f, "parse_statuses") else ()
        if hasattr(f, "Filters"):  # ?as_of=YYYY-MM-DD and the CLI's filters, as `kg followups` reads them
            day = f.parse_date(_one(params, "as_of"), "as_of date")
            filters = f.Filters(statuses, _one(params, "council"), _one(params, "committee"),
                                _one(params, "actor"))
            return f.page(f.rows(self.store, as_of=day, filters=filters), as_of=day, filters=filters).encode()
        return f.page(f.rows(self.store, statuses=statuses, committee=_one(params, "committee"))).encode()

    def close(self) -> None:
        self.pool.close()


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"SERVICE(?![\w:])", re.I)


def check_service(sparql: str, allowed: tuple[str, ...] = ()) -> None:
    """Refuse SERVICE (the query would make this server send a request to any address and answer with
    what comes back) unless it names, by a full IRI, an endpoint the person who started the server
    allowed. Comments and strings do not count; `\\u` escapes are read as SPARQL reads them."""

    def char(m: re.Match[str]) -> str:
        n = int(m.group(1) or m.group(2), 16)
        return chr(n) if n <= 0x10FFFF else "\ufffd"

    # Read both with and without `\\u` escapes expanded: SPARQL expands them before parsing, some parsers
    # only inside strings, and either reading could hide a SERVICE from the other.
    for text in {sparql, _CODEPOINT.sub(char, sparql)}:
        _check_tokens(text, allowed)


def _check_tokens(sparql: str, allowed: tuple[str, ...]) -> None:
    toks = [(m.lastgroup, m.group()) for m in SPARQL_TOKENS.finditer(sparql)
            if m.lastgroup != "comment" and not m.group().isspace()]
    for i, (kind, text) in enumerate(toks):
        if kind != "word" or not _SERVICE.match(text):
            continue
        j = i + 1 + (i + 1 < len(toks) and toks[i + 1][1].upper() == "SILENT")
        target = toks[j] if j < len(toks) and len(text) == 7 else None
        if target and target[0] == "iri" and target[1][1:-1] in allowed:
            continue
        if allowed:
            raise HttpError(400, "SERVICE is refused except to the endpoints this server allows, named by "
                                 f"their full IRI: {', '.join(allowed)}")
        raise HttpError(400, "SERVICE is refused: this server sends no requests to other servers (start "
                             "kg serve with --allow-service URL to allow an endpoint)")


def _one(params: Mapping[str, list[str]], key: str) -> str | None:
    v = params.get(key)
    return v[-1] if v else None


def _int(params: Mapping[str, list[str]], key: str, default: int) -> int:
    raw = _one(params, key)
    try:
        return int(raw) if raw else default
    except ValueError:
        raise HttpError(400, f"{key} must be a whole number, not '{raw}'") from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextmanager
def running(settings: Settings, *, log: bool = False) -> Iterator[tuple[ThreadingHTTPServer, App]]:
    """A server running in a background thread (tests, notebooks); stopped on leaving the block."""
    server, app = make_server(settings, log=log)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield server, app
    finally:
        server.shutdown()
        server.server_close()
        app.close()
        t.join(5)


def make_server(settings: Settings, *, log: bool = True) -> tuple[ThreadingHTTPServer, App]:
    _check(settings)
    app = App(settings, log=log)
    try:
        server = ThreadingHTTPServer((settings.host, settings.port), Handler)
    except OSError as e:
        app.close()
        raise StoreError(f"cannot listen on {settings.host}:{settings.port}: {e.strerror or e}",
                         hint="pick another --port, or stop what is using it") from None
    server.daemon_threads = True
    server.handle_error = _quiet  # type: ignore[method-assign]  # a dropped client is no news
    server.app = app  # type: ignore[attr-defined]
    return server, app


def _quiet(request: object, client_address: object) -> None:
    del request, client_address


def _check(s: Settings) -> None:
    path = Path(s.location)
    if s.location.startswith(("http://", "https://")):
        raise StoreError("kg serve serves a local store", path=s.location,
                         hint="a remote store already has its own SPARQL endpoint")
    if not (path / "CURRENT").exists():
        raise StoreError("no store here yet", path=s.location, hint="run `kg ingest` first, or pass --store")
    if s.allow_update and not s.token:
        raise QueryError("--allow-update needs --token (or $KG_SERVE_TOKEN)",
                         hint="updates are accepted only with 'Authorization: Bearer TOKEN'")
    if s.token and not s.allow_update:
        raise QueryError("--token is only for --allow-update")
    if s.timeout <= 0 or s.max_rows <= 0 or s.max_bytes <= 0 or s.max_memory < 0:
        raise QueryError("--timeout, --max-rows and --max-mb must be positive, --max-memory 0 or more")
    for url in s.allow_service:
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
            raise QueryError(f"--allow-service '{url}' is not an http(s) URL",
                             hint="name each SERVICE endpoint allowed by its full URL")


def serve(settings: Settings, *, say: Any = print) -> None:
    """Run until interrupted (the `kg serve` command)."""
    server, app = make_server(settings)
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    say(f"kg serve: http://{shown}:{port}/ (query page /query, SPARQL endpoint /sparql) over "
        f"{settings.location}; {'updates with the token' if settings.allow_update else 'read-only'}; "
        "Ctrl-C stops")
    if not app.loopback:
        say("kg serve: warning: listening beyond this machine; anyone who can reach it can read the store")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.close()

"""The site's routes on Starlette, and the guards every request passes (kg/serve.py documents them).

Pages run in Starlette's thread pool (queries block on a worker's pipe); the SPARQL endpoint reads its
body asynchronously so that a size limit can stop it early. Errors answer with their own status: HTML
pages for the routes a person opens, one text line for the protocol and data routes.
"""

from __future__ import annotations

import functools
import hmac
import ipaddress
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kg.errors import printable
from kg.store import Result, store_version
from kg.web import pages
from kg.web.cache import VersionCache
from kg.web.pool import HttpError, Limits, WorkerPool, WorkerStore, status_of
from kg.web.protocol import check_service, formats_for

STATIC = Path(__file__).resolve().parent.parent / "static"
STATIC_FILES = {"yasgui/yasgui.min.js": "text/javascript; charset=utf-8",
                "yasgui/yasgui.min.css": "text/css; charset=utf-8",
                "yasgui/LICENSE.txt": "text/plain; charset=utf-8",
                "yasgui/yasgui.min.js.LICENSE.txt": "text/plain; charset=utf-8",
                "query.js": "text/javascript; charset=utf-8",
                "site.css": "text/css; charset=utf-8"}
MAX_BODY = 1_000_000  # bytes of a POSTed query or update
TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"
# Pages run inline scripts (the inlined vis.js, the query page) but may load or send nothing elsewhere.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Pages anyone may link to (no query runs, or only the bounded ones of a resource page for a navigation).
OPEN_PAGES = ("/", "/query", "/yasgui", "/favicon.ico")


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
    sources: tuple[str, ...] = ()  # folders holding the ingested documents (evidence shown in context)
    warm: bool = False  # compute the slow pages (views, statistics) in the background when the store changes


def _one(params: Mapping[str, list[str]], key: str) -> str | None:
    v = params.get(key)
    return v[-1] if v else None


def _params(request: Request) -> dict[str, list[str]]:
    return parse_qs(request.url.query, keep_blank_values=True)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _has_followups_page() -> bool:
    import importlib.util

    return importlib.util.find_spec("kg.followups") is not None


class App:
    """The server's state (settings, worker pool, cache) and its routes."""

    def __init__(self, settings: Settings, *, log: bool = True) -> None:
        self.settings, self.log = settings, log
        self.loopback = is_loopback(settings.host)
        limits = Limits(settings.max_rows, settings.max_bytes, settings.max_memory,
                        network=bool(settings.allow_service))
        self.pool = WorkerPool(settings.location, size=settings.workers, timeout=settings.timeout,
                               writable=settings.allow_update, limits=limits)
        self.store = WorkerStore(self.pool)
        self.cache = VersionCache(lambda: store_version(settings.location))
        self.followups = _has_followups_page()
        self.env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(followups=self.followups)
        self.asgi = Guard(Starlette(routes=self.routes()), self)

    def render(self, template: str, **values: Any) -> bytes:
        return self.env.get_template(template).render(**values).encode()

    def routes(self) -> list[Route]:
        page, data = self._page, self._data
        return [
            Route("/sparql", self.sparql, methods=["GET", "POST"]),
            Route("/", page(lambda r: pages.index(self, r))),
            Route("/favicon.ico", lambda r: Response(b"", 204, media_type="image/x-icon")),
            Route("/query", page(lambda r: pages.query(self, r))),
            Route("/yasgui", page(lambda r: pages.yasgui(self))),
            Route("/resource", page(lambda r: pages.resource(self, r, _one(_params(r), "iri") or ""))),
            Route("/id/{rest:path}", page(lambda r: pages.resource(self, r, pages.data_iri(r)))),
            Route("/static/{name:path}", data(self.static)),
            Route("/queries/{name}", data(lambda r: pages.named_result(self, r))),
            Route("/viz/{which}", page(lambda r: pages.view(self, r))),
            Route("/stats.json", data(lambda r: pages.stats(self, r))),
            Route("/followups", page(lambda r: pages.followups(self, r))),
            Route("/{rest:path}", page(self.nowhere), methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        ]

    # -- error handling: every route answers with the status its error deserves

    def _page(self, fn: Callable[[Request], Response]) -> Callable[[Request], Response]:
        return self._wrap(fn, html=True)

    def _data(self, fn: Callable[[Request], Response]) -> Callable[[Request], Response]:
        return self._wrap(fn, html=False)

    def _wrap(self, fn: Callable[[Request], Response], *, html: bool) -> Callable[[Request], Response]:
        @functools.wraps(fn)
        def handler(request: Request) -> Response:
            if request.method not in ("GET", "HEAD"):
                return self.error(405, f"{request.method} is not allowed on {request.url.path}", html)
            try:
                return fn(request)
            except Exception as e:  # noqa: BLE001 - a server answers, it does not die
                return self.error(*status_of(e), html)

        return handler

    def error(self, status: int, message: str, html: bool) -> Response:
        if not html:
            return Response(f"{message}\n".encode(), status, media_type=TEXT)
        body = self.render("error.html.j2", title=_REASONS.get(status, "Error"), status=status,
                           message=message)
        return Response(body, status, media_type=HTML)

    def nowhere(self, request: Request) -> Response:
        raise HttpError(404, f"nothing at {request.url.path}; see / for what this server offers")

    def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_FILES:  # a fixed list: no path can reach outside kg/static
            raise HttpError(404, "no such file")
        return Response((STATIC / name).read_bytes(), media_type=STATIC_FILES[name],
                        headers={"Cache-Control": "max-age=3600"})

    # -- SPARQL protocol

    async def sparql(self, request: Request) -> Response:
        try:
            return await self._sparql(request)
        except Exception as e:  # noqa: BLE001
            return self.error(*status_of(e), False)

    async def _sparql(self, request: Request) -> Response:
        params = _params(request)
        query = update = None
        if request.method == "POST":
            ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            raw = await _body(request)
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
            return await run_in_threadpool(self.do_update, request, update)
        if not query:
            if request.method == "GET":
                return Response(b"see /query\n", 303, media_type="text/plain", headers={"Location": "/query"})
            raise HttpError(400, "no query: send query=... (or update=...)")
        check_service(query, self.settings.allow_service)
        call = {"op": "protocol", "query": query,
                "formats": formats_for(request.headers.get("accept"), _one(params, "format")),
                "default_graphs": params.get("default-graph-uri", []),
                "named_graphs": params.get("named-graph-uri", [])}
        resp = await run_in_threadpool(self.pool.call, call)
        if not resp["ok"]:
            raise HttpError(resp["status"], resp["message"])
        return Response(resp["body"], 200, headers={"Content-Type": resp["content_type"],
                                                    "X-Query-Seconds": str(resp["seconds"])})

    def do_update(self, request: Request, update: str) -> Response:
        s = self.settings
        if not s.allow_update:
            raise HttpError(403, "updates are refused: this server is read-only (start it with "
                                 "--allow-update and --token to accept them)")
        auth = request.headers.get("authorization") or ""
        given = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
        if not (s.token and given and hmac.compare_digest(given.encode(), s.token.encode())):
            raise HttpError(401, "updates need the server's token: send 'Authorization: Bearer TOKEN'")
        resp = self.pool.call({"op": "update", "update": update})
        if not resp["ok"]:
            raise HttpError(resp["status"], resp["message"])
        return Response(b"", 204, media_type="text/plain")

    # -- shared by pages

    def run_cached(self, key: tuple, run: Callable[[], Result]) -> tuple[Result, float, bool]:
        """A query's whole result, once per store version: (result, seconds it took, kept from before)."""
        fresh: list[bool] = []

        def compute() -> tuple[Result, float]:
            started = time.monotonic()
            result = run()
            fresh.append(True)
            return result, round(time.monotonic() - started, 3)

        result, took = self.cache.get(key, compute)
        return result, took, not fresh

    def close(self) -> None:
        self.pool.close()


async def _body(request: Request) -> bytes:
    try:
        n = int(request.headers.get("content-length") or 0)
    except ValueError:
        raise HttpError(400, "bad Content-Length") from None
    if n > MAX_BODY:
        raise HttpError(413, f"request body over {MAX_BODY:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:  # a chunked body has no Content-Length to refuse it by
            raise HttpError(413, f"request body over {MAX_BODY:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


_REASONS = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
            405: "Method not allowed", 413: "Too large", 415: "Unsupported media type",
            500: "Internal error", 503: "Unavailable"}


# ---- the guards every request passes


class Guard:
    """ASGI middleware: answers only to a local Host name on loopback (no DNS rebinding), refuses
    cross-site requests to routes that run queries, adds the security headers, logs each request."""

    def __init__(self, app: Starlette, kg: App) -> None:
        self.app, self.kg = app, kg

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] != "/" and scope["path"].endswith("/"):  # /query/ is /query, as it always was
            scope = {**scope, "path": scope["path"].rstrip("/") or "/"}
        request = Request(scope)
        status = [0]

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                if headers.get("content-type", "").startswith("text/html"):
                    headers["Content-Security-Policy"] = CSP
            await send(message)

        try:
            self.check_host(request)
            self.check_site(request)
        except HttpError as e:
            refused = Response(f"{e.message}\n".encode(), e.status, media_type=TEXT)
            await refused(scope, receive, send_with_headers)
        else:
            await self.app(scope, receive, send_with_headers)
        if self.kg.log:
            self.log(request, status[0])

    def log(self, request: Request, status: int) -> None:
        try:
            client = request.client.host if request.client else "-"
            line = f'{client} "{request.method} {request.url.path}" {status}'
            sys.stderr.write("kg serve: " + printable(line) + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # stderr closed or gone: a log line never costs an answer
            pass

    def check_host(self, request: Request) -> None:
        if not self.kg.loopback:
            return
        host = (request.headers.get("host") or "").strip()
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if name.lower() not in ("localhost", "127.0.0.1", "[::1]", self.kg.settings.host):
            raise HttpError(403, f"this server answers only to localhost, not to '{host}'")

    def check_site(self, request: Request) -> None:
        """Pages may be opened from anywhere; what runs queries answers only this server's own pages and
        clients that are not browsers. A browser says where a request comes from (Sec-Fetch-Site, and
        Origin on POSTs and scripts' requests); an <img>, a form or a no-cors fetch from another site (or
        another port of this machine) would otherwise run queries with the visitor's access. Two pages
        take a navigation from another site: /query (it shows the query but runs it only when the visitor
        presses Run) and a resource page (its lookups are bounded: a link to a thing is what linked data
        is for)."""
        path = request.url.path.rstrip("/") or "/"
        method = request.method
        if method in ("GET", "HEAD") and (path in OPEN_PAGES or path.startswith("/static/")):
            return
        site = (request.headers.get("sec-fetch-site") or "").strip().lower()
        navigation = (request.headers.get("sec-fetch-mode") == "navigate"
                      and request.headers.get("sec-fetch-dest") == "document")
        resource = path == "/resource" or path.startswith("/id/")
        if site in ("cross-site", "same-site") and not (resource and navigation and method == "GET"):
            raise HttpError(403, "refused: a request from another site (open this server's own pages, or "
                                 "query it from a program)")
        origin = request.headers.get("origin")
        own = f"http://{request.headers.get('host', '')}".lower()
        if origin is not None and origin.strip().lower() != own:
            raise HttpError(403, f"refused: a request from another origin ({printable(origin[:100])})")

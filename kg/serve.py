"""`kg serve`: a small linked-data site over the store, on Starlette and uvicorn (kg/web/): a SPARQL 1.1
Protocol endpoint, a query page (named queries with a form for their parameters, shareable links, results
with labels and pages), a page for every IRI, the graph views and network statistics.

Safe by default: binds to loopback, refuses updates (unless started with `allow_update` and a token,
sent as `Authorization: Bearer TOKEN`), answers only requests addressed to a local host name when on
loopback (no DNS rebinding), sends no CORS headers (other web sites cannot read the store through a
user's browser), refuses cross-site requests to its query routes (Origin and Sec-Fetch-Site: a page on
another site cannot make a visitor's browser run queries here), makes no outbound requests (SPARQL
`SERVICE` is refused unless the person who starts it names the endpoints allowed), limits request
size, query time, query memory and result size. Queries run in worker processes
(kg/sparql_worker.py) so that a runaway one can be cancelled by killing its worker. What pages compute
is kept until the store changes (kg/web/cache.py, keyed by `kg.store.store_version`).
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.errors import QueryError, StoreError
from kg.web.app import App, Settings
from kg.web.pool import HttpError, Limits, WorkerPool, WorkerStore
from kg.web.protocol import check_service, formats_for

__all__ = ["App", "HttpError", "Limits", "Server", "Settings", "WorkerPool", "WorkerStore", "check_service",
           "formats_for", "make_server", "running", "serve"]


class Server:
    """uvicorn serving the app on a socket bound here (so port 0 works and a busy port is one line)."""

    def __init__(self, app: App, sock: socket.socket) -> None:
        import uvicorn

        self.app, self.sock = app, sock
        self.server_address = sock.getsockname()[:2]
        config = uvicorn.Config(app.asgi, log_config=None, access_log=False, log_level="critical",
                                lifespan="off", timeout_graceful_shutdown=2, server_header=False,
                                headers=[("server", "council-kg")])
        self.uvicorn = uvicorn.Server(config)

    def serve_forever(self) -> None:
        self.uvicorn.run(sockets=[self.sock])

    def shutdown(self) -> None:
        self.uvicorn.should_exit = True

    def server_close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


def make_server(settings: Settings, *, log: bool = True) -> tuple[Server, App]:
    _check(settings)
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((settings.host, settings.port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise StoreError(f"cannot listen on {settings.host}:{settings.port}: {e.strerror or e}",
                         hint="pick another --port, or stop what is using it") from None
    sock.set_inheritable(False)
    try:
        app = App(settings, log=log)
    except BaseException:
        sock.close()
        raise
    return Server(app, sock), app


@contextmanager
def running(settings: Settings, *, log: bool = False) -> Iterator[tuple[Server, App]]:
    """A server running in a background thread (tests, notebooks); stopped on leaving the block."""
    server, app = make_server(settings, log=log)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    for _ in range(500):  # answering once uvicorn has started on the socket
        if server.uvicorn.started or not t.is_alive():
            break
        threading.Event().wait(0.01)
    try:
        yield server, app
    finally:
        server.shutdown()
        t.join(10)
        server.server_close()
        app.close()


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
    for folder in s.sources:
        if not Path(folder).is_dir():
            raise QueryError(f"--sources '{folder}' is not a folder",
                             hint="name the folder the documents were ingested from")


WARM = ("/", "/query", "/stats.json", "/viz/overview", "/viz/followups")  # the slow pages, computed ahead


def warm(server: Server, stop: threading.Event, every: float = 5.0) -> None:
    """Fetch the slow pages once per store version, so that no visitor waits for their first computation
    (a page under way when a visitor asks is waited for, not computed twice: kg/web/cache.py)."""
    import urllib.request

    from kg.store import store_version

    host, port = server.server_address[:2]
    base_url = f"http://{'[' + host + ']' if ':' in str(host) else host}:{port}"
    done = ""
    while not stop.wait(0.2 if not done else every):
        if not server.uvicorn.started:
            continue
        now = store_version(server.app.settings.location)
        if now == done:
            continue
        for path in WARM:
            if stop.is_set():
                return
            try:
                with urllib.request.urlopen(base_url + path, timeout=600) as r:
                    r.read()
            except OSError:
                pass  # an error page is computed again when asked for; nothing to keep
        done = now


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
    stop = threading.Event()
    if settings.warm:
        threading.Thread(target=warm, args=(server, stop), daemon=True).start()
    try:
        server.serve_forever()  # uvicorn stops on SIGINT/SIGTERM, then raises the signal again
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        app.close()

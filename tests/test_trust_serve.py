"""Trust, over HTTP: a real `kg serve` process, with its defaults, binds to loopback only, refuses every
kind of update, and shows a hostile document's markup as text on every page it links to.

kg serve's own tests (tests/test_serve.py) cover its limits and guards one by one; these check the
promises end to end, the way a user starts it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import LocalStore

pytestmark = pytest.mark.server
KG = str(Path(sys.executable).with_name("kg"))
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MARK = "KGHOSTILE"
SCRIPT = f"<script>alert('{MARK}')</script>"
IMG = f"<img src=x onerror=alert('{MARK}')>"
RAW = ("<script>alert(", "<img src=x onerror")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(status, content type, body) of one request, errors included."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", errors="replace")


def hostile_store(root: Path) -> Path:
    """The seeds, plus one document whose text and metadata carry markup."""
    docs = root / "docs"
    shutil.copytree(SEEDS, docs)
    seed = sorted(SEEDS.glob("*.txt"))[3]
    text = seed.read_text(encoding="utf-8")
    (docs / "hostile.txt").write_text(f"{SCRIPT}\n{text}\nCouncillor Smith asked about {IMG} and {SCRIPT}.\n",
                                      encoding="utf-8")
    (docs / "hostile.txt.meta.yaml").write_text(
        "council: Durham County Council\n"
        f'committee: "{IMG} Scrutiny Panel"\n'
        f'title: "{SCRIPT} {MARK} report"\n'
        "doc_type: minutes\nmeeting_date: 2024-02-01\n", encoding="utf-8")
    store = root / "store"
    done = subprocess.run([KG, "ingest", str(docs), "--store", str(store), "-q"], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return store


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`kg serve` as a user starts it (no --host, no --allow-update) over the hostile store."""
    store = hostile_store(tmp_path_factory.mktemp("serve"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"}
    proc = subprocess.Popen([KG, "serve", "--store", str(store), "--port", str(port)], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if get(url + "/sparql?query=ASK%7B%7D")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if proc.poll() is not None:
                pytest.fail(f"kg serve exited: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
        else:
            pytest.fail("kg serve did not answer")
        yield url, store
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from the kernel's own tables."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not os.path.exists(table):
            continue
        with open(table, encoding="ascii") as f:
            for line in list(f)[1:]:
                local, state = line.split()[1], line.split()[3]
                addr, hexport = local.split(":")
                if int(hexport, 16) == port and state == "0A" and len(addr) == width:  # 0A: LISTEN
                    found.add(addr)
    return found


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="needs Linux's /proc/net/tcp")
def test_binds_to_loopback_only_by_default(served: tuple[str, Path]) -> None:
    url, _ = served
    port = urllib.parse.urlsplit(url).port
    assert port
    # 127.0.0.1 as the kernel writes it (little-endian hex); never 0.0.0.0 or an outside address.
    assert listening_addresses(port) == {"0100007F"}


def test_every_kind_of_update_is_refused(served: tuple[str, Path]) -> None:
    url, store = served
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

    def triples() -> str:
        code, _, body = get(url + "/sparql?query=" + urllib.parse.quote(count),
                            headers={"Accept": "text/csv"})
        assert code == 200, body
        return body

    before = triples()
    attempts = [
        (url + "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"}),
        (url + "/sparql", b"update=" + urllib.parse.quote_plus("CLEAR ALL").encode(),
         {"Content-Type": "application/x-www-form-urlencoded"}),
        (url + "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update",
                                        "Authorization": "Bearer guessed-token"}),
        (url + "/sparql?update=" + urllib.parse.quote("DROP ALL"), None, {}),
        (url + "/sparql", b"DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-query"}),
    ]
    for target, data, headers in attempts:
        code, _, body = get(target, data, headers)
        assert code in (400, 403, 405), (target, data, code, body)
    assert triples() == before
    # The store on disk agrees.
    with LocalStore(store, read_only=True) as st:
        assert len(st.documents()) == len(list(SEEDS.glob("*.txt"))) + 1


def crawl(url: str, starts: list[str], limit: int = 40) -> dict[str, str]:
    """HTML pages reachable from `starts` by same-server links (static files aside), by path."""
    pages: dict[str, str] = {}
    todo = list(starts)
    while todo and len(pages) < limit:
        path = todo.pop(0)
        if path in pages:
            continue
        code, ctype, body = get(url + path)
        assert code in (200, 400, 404), (path, code)
        if "html" not in ctype:
            continue
        pages[path] = body
        for href in re.findall(r'href="(/[^"#]*)"', body):
            href = html.unescape(href)
            if not href.startswith("/static/") and href not in pages:
                todo.append(href)
    return pages


def test_hostile_markup_is_text_on_every_page(served: tuple[str, Path]) -> None:
    url, _ = served
    committee = urllib.parse.quote(f"{IMG} Scrutiny Panel")
    starts = ["/", "/query", "/viz/overview", "/viz/followups", "/viz/query?name=documents",
              f"/viz/focus?node={committee}", "/viz/focus?node=" + urllib.parse.quote(SCRIPT), "/followups"]
    pages = crawl(url, starts)
    assert len(pages) >= 4, sorted(pages)
    for path, body in pages.items():
        for raw in RAW:
            assert raw not in body, f"{path} renders hostile markup as markup: {raw}"
    # The hostile text is really on the pages (as text), so the checks above could fail.
    assert any(MARK in body for body in pages.values()), "no page shows the hostile document at all"


# ---- round two (issue 19): no request reaches out, no input exhausts the server


def _q(url: str, query: str, **headers: str) -> tuple[int, str, str]:
    return get(url + "/sparql?" + urllib.parse.urlencode({"query": query}), headers=headers)


def _service(target: str) -> str:
    return f"SELECT * WHERE {{ SERVICE {target} {{ ?a ?b ?c }} }}"


def test_service_is_refused_and_nothing_goes_out(served: tuple[str, Path], listener) -> None:  # noqa: ANN001
    url, _ = served
    tries = [_service(f"<{listener.url}>"), _service(f"SILENT <{listener.url}>").lower(),
             "SELECT * WHERE { \\u0053ERVICE <" + listener.url + "> { ?a ?b ?c } }",
             "SELECT * WHERE { BIND(<" + listener.url + "> AS ?e) SERVICE ?e { ?a ?b ?c } }",
             f"PREFIX e: <{listener.url[:-6]}> SELECT * WHERE {{ SERVICE e:sparql {{ ?a ?b ?c }} }}",
             f"ASK {{ #\n SERVICE <{listener.url}> {{ }} }}",
             # an escaped quote that ends a string only if \u is expanded first, or only if it is not
             'SELECT * WHERE { BIND("a\\u0022" AS ?x) SERVICE <' + listener.url + '> { } BIND("b" AS ?y) }']
    for query in tries:
        code, _, body = _q(url, query)
        assert code == 400 and "SERVICE is refused" in body, (query, code, body)
        code, _, body = get(url + "/sparql", data=query.encode(),
                            headers={"Content-Type": "application/sparql-query"})
        assert code == 400, (query, code, body)
    code, _, body = get(url + "/sparql", data=urllib.parse.urlencode(
        {"update": f"INSERT {{ ?a ?b ?c }} WHERE {{ SERVICE <{listener.url}> {{ ?a ?b ?c }} }}"}).encode())
    assert code in (400, 403), body
    # The word in a string or a comment is not a call.
    code, _, body = _q(url, 'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:1/>" AS ?x) } # SERVICE')
    assert code == 200, body
    time.sleep(0.5)
    assert listener.hits == []


def test_a_worker_cannot_open_an_internet_socket(listener) -> None:  # noqa: ANN001
    """Below the SERVICE check: a query worker's seccomp filter refuses internet sockets outright."""
    code = ("import socket, sys; sys.path.insert(0, sys.argv[1]); import sparql_worker as w\n"
            "assert w.no_network()\n"
            "try:\n    socket.create_connection(('127.0.0.1', int(sys.argv[2])), timeout=2)\n"
            "except OSError as e:\n    print('refused', e.errno)\n")
    worker_dir = Path(__file__).resolve().parent.parent / "kg"
    done = subprocess.run([sys.executable, "-c", code, str(worker_dir), str(listener.port)],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("refused"), done.stderr
    assert listener.hits == []


def test_allowed_service_endpoints_only(seeds_store_path: Path, listener) -> None:  # noqa: ANN001
    from kg.serve import Settings, running

    with running(Settings(str(seeds_store_path), port=0, allow_service=(listener.url,))) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        code, _, body = _q(url, _service(f"<{listener.url}>"))
        assert code == 200, body
        assert len(listener.hits) == 1 and listener.hits[0].startswith(b"POST /sparql")  # it does go out
        code, _, body = _q(url, _service(f"<http://127.0.0.1:{listener.port}/other>"))
        assert code == 400 and listener.url in body
    assert len(listener.hits) == 1


def test_cross_site_requests_are_refused(served: tuple[str, Path]) -> None:
    url, _ = served
    ask = "ASK { ?s ?p ?o }"
    assert _q(url, ask)[0] == 200  # curl, scripts: no browser headers
    assert _q(url, ask, **{"Sec-Fetch-Site": "same-origin", "Origin": url})[0] == 200  # the query page
    assert _q(url, ask, **{"Sec-Fetch-Site": "none"})[0] == 200  # typed into the address bar
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                    {"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": url.replace("127.0.0.1", "localhost")}):
        code, _, body = _q(url, ask, **headers)
        assert code == 403 and "refused" in body, headers
        form = urllib.parse.urlencode({"query": ask}).encode()
        assert get(url + "/sparql", data=form, headers=headers)[0] == 403, headers
        for path in ("/queries/documents", "/viz/overview", "/stats.json"):
            assert get(url + path, headers=headers)[0] == 403, (path, headers)
    # Pages themselves may be linked to from anywhere.
    assert get(url + "/", headers={"Sec-Fetch-Site": "cross-site"})[0] == 200
    assert get(url + "/query", headers={"Sec-Fetch-Site": "cross-site"})[0] == 200


def test_a_body_that_is_not_utf8_is_400(served: tuple[str, Path]) -> None:
    url, _ = served
    for ctype, body in (("application/sparql-query", b"ASK { \xff\xfe }"),
                        ("application/x-www-form-urlencoded", b"query=ASK%20%7B%7D\xc3")):
        code, _, text = get(url + "/sparql", data=body, headers={"Content-Type": ctype})
        assert code == 400 and "not UTF-8" in text, text


def test_serve_answers_with_its_stderr_closed(seeds_store_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--store", str(seeds_store_path), "--port", str(port)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        assert proc.stderr is not None
        assert b"kg serve: http://" in proc.stderr.readline()
        proc.stderr.close()  # whoever read its log went away
        for _ in range(5):
            code, _, body = _q(url, "ASK { ?s ?p ?o }")
            assert code == 200 and '"boolean": true' in body.replace('"boolean":true', '"boolean": true')
        assert proc.poll() is None
    finally:
        proc.kill()
        proc.wait()


def _memory_bomb() -> str:
    """Under 900 characters; each BIND repeats the last string 8 times: 64 bytes become 8 GB."""
    q = 'SELECT (STRLEN(?j) AS ?n) WHERE { BIND("' + "0123456789abcdef" * 4 + '" AS ?a) '
    names = "abcdefghij"
    for i in range(1, 10):
        q += f"BIND(CONCAT({','.join(['?' + names[i - 1]] * 8)}) AS ?{names[i]}) "
    return q + "}"


def test_a_query_that_exhausts_memory_gets_503_and_others_are_answered(seeds_store_path: Path) -> None:
    import threading

    from kg.serve import Settings, running

    bomb = _memory_bomb()
    assert len(bomb) < 900
    settings = Settings(str(seeds_store_path), port=0, timeout=30, max_memory=300)
    with running(settings) as (server, app):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        answers: dict[str, tuple[int, str, str]] = {}

        def ask(name: str, query: str) -> None:
            answers[name] = _q(url, query)

        bombs = [threading.Thread(target=ask, args=(f"bomb{i}", bomb)) for i in range(2)]
        for t in bombs:
            t.start()
        time.sleep(0.3)  # both bombs are running
        started = time.monotonic()
        ask("short", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert answers["short"][0] == 200 and time.monotonic() - started < 10
        for t in bombs:
            t.join(60)
        for i in range(2):
            code, _, body = answers[f"bomb{i}"]
            assert code == 503 and "memory" in body, body
        assert _q(url, "ASK { ?s ?p ?o }")[0] == 200  # and it goes on
        assert len(app.pool.all) <= app.pool.size  # the workers started for the moment are gone


def test_a_short_query_is_answered_while_two_runaways_run_out_their_time(seeds_store_path: Path) -> None:
    import threading

    from kg.serve import Settings, running

    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with running(Settings(str(seeds_store_path), port=0, timeout=8)) as (server, app):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        answers: dict[str, tuple[int, str, str]] = {}
        threads = [threading.Thread(target=lambda i=i: answers.__setitem__(i, _q(url, runaway)))
                   for i in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.5)
        started = time.monotonic()
        code, _, body = _q(url, "ASK { ?s ?p ?o }")
        assert code == 200 and time.monotonic() - started < 6, body  # not after the runaways' 8 s
        for t in threads:
            t.join(30)
        assert [answers[i][0] for i in range(2)] == [503, 503]
        assert all("time limit" in answers[i][2] for i in range(2))


def test_results_are_capped_in_bytes(seeds_store_path: Path) -> None:
    from kg.serve import Settings, running

    huge = 'SELECT ?x WHERE { VALUES ?i { 1 2 3 } BIND(CONCAT(' + ",".join(['"' + "x" * 1000 + '"'] * 200) \
        + ") AS ?x) }"  # three rows of 200 kB: few rows, many bytes
    with running(Settings(str(seeds_store_path), port=0, max_bytes=500_000)) as (server, _):
        url = f"http://127.0.0.1:{server.server_address[1]}"
        sparql = {"Content-Type": "application/sparql-query"}
        code, _, body = get(url + "/sparql", data=huge.encode(), headers=sparql)
        assert code == 413 and "0.5 MB" in body, body
        code, _, body = get(url + "/sparql", data=huge.replace("1 2 3", "1").encode(), headers=sparql)
        assert code == 200, body


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_query_workers_exit_when_serve_is_killed_mid_query(seeds_store_path: Path) -> None:
    """A worker busy with a runaway query is not waiting on its pipe: it watches its parent instead."""
    import threading

    from test_crash import _alive, _children

    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--store", str(seeds_store_path), "--port", str(port),
                             "--timeout", "120"], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    workers: set[int] = set()
    try:
        for _ in range(300):
            try:
                if _q(url, "ASK {}")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        threading.Thread(target=lambda: _swallow(url, runaway), daemon=True).start()
        time.sleep(1.0)
        workers = _children(proc.pid)
        assert workers
        proc.kill()
        proc.wait(30)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "query workers outlived kg serve"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)


def _swallow(url: str, query: str) -> None:
    try:
        _q(url, query)
    except (urllib.error.URLError, ConnectionError, OSError):
        pass  # the server is killed under it

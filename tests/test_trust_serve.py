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

"""`kg serve`: the SPARQL 1.1 Protocol endpoint, its limits and guards, and the pages it serves.

Real servers on free loopback ports, real worker processes, real clients (curl, rdflib's SPARQLStore).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from vizstores import EVIL, evil_folder

from kg.errors import QueryError, StoreError
from kg.ingest import ingest
from kg.serve import Settings, formats_for, running
from kg.store import LocalStore

pytestmark = pytest.mark.server
COUNT_TYPES = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/council-kg/def#Document> }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def base(server) -> str:  # noqa: ANN001
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def curl(*args: str) -> tuple[int, str, str]:
    """(status, body, headers) from the real curl."""
    with tempfile.TemporaryDirectory() as tmp:
        head, body = Path(tmp) / "head", Path(tmp) / "body"
        code = subprocess.run(["curl", "-sS", "-D", str(head), "-o", str(body), "-w", "%{http_code}", *args],
                              capture_output=True, text=True, timeout=60, check=True).stdout
        return int(code), body.read_text(encoding="utf-8"), head.read_text(encoding="latin-1").lower()


@pytest.fixture(scope="module")
def seeds_server(seeds_store_path: Path):  # noqa: ANN201
    with running(Settings(str(seeds_store_path), port=0, timeout=5)) as (server, _):
        yield server


def test_curl_get_and_post_in_every_results_format(seeds_server) -> None:  # noqa: ANN001
    url = base(seeds_server) + "/sparql"
    code, body, head = curl("-G", url, "--data-urlencode", f"query={COUNT_TYPES}", "-H", "Accept: text/csv")
    assert code == 200 and "text/csv" in head
    assert list(csv.reader(io.StringIO(body))) == [["n"], ["5"]]
    code, body, _ = curl(url, "--data-urlencode", f"query={COUNT_TYPES}")  # a form POST, JSON by default
    assert code == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "5"
    code, body, head = curl(url, "-H", "Content-Type: application/sparql-query",
                            "-H", "Accept: application/sparql-results+xml", "--data-binary", COUNT_TYPES)
    assert code == 200 and "sparql-results+xml" in head
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert ElementTree.fromstring(body).find(f".//{ns}literal").text == "5"
    code, body, _ = curl("-G", url, "--data-urlencode", f"query={COUNT_TYPES}",
                         "--data-urlencode", "format=tsv")
    assert body.splitlines() == ["?n", '"5"^^<http://www.w3.org/2001/XMLSchema#integer>']
    construct = "query=CONSTRUCT { ?c a ?t } WHERE { ?c a ?t } LIMIT 3"
    code, body, head = curl("-G", url, "--data-urlencode", construct, "-H", "Accept: text/turtle")
    assert code == 200 and "text/turtle" in head and body.count(" a ") + body.count("rdf:type") >= 1
    code, body, _ = curl("-G", url, "--data-urlencode", "query=ASK { ?s ?p ?o }")
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_rdflib_sparqlstore_reads_it(seeds_server) -> None:  # noqa: ANN001
    st = SPARQLStore(base(seeds_server) + "/sparql")
    rows = list(st.query("PREFIX ckg: <https://w3id.org/council-kg/def#> "
                         "PREFIX dcterms: <http://purl.org/dc/terms/> "
                         "SELECT ?title WHERE { ?d a ckg:Document ; dcterms:title ?title }"))
    assert len(rows) == 5
    assert "Quarter 2: 2017/18 Performance Management Report" in {str(r[0]) for r in rows}


def test_updates_are_refused_by_default(seeds_server) -> None:  # noqa: ANN001
    url = base(seeds_server) + "/sparql"
    code, body, _ = curl(url, "--data-urlencode", "update=INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert code == 403 and "read-only" in body
    code, _, _ = curl("-G", url, "--data-urlencode", "update=DROP ALL")
    assert code == 405
    st = SPARQLUpdateStore(base(seeds_server) + "/sparql", base(seeds_server) + "/sparql")
    with pytest.raises(urllib.error.HTTPError) as e:
        st.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert e.value.code == 403
    code, body, _ = curl("-G", url, "--data-urlencode", "query=ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


def test_updates_with_allow_update_need_the_token(tmp_path: Path) -> None:
    LocalStore(tmp_path / "store").close()
    with pytest.raises(QueryError, match="needs --token"):
        running(Settings(str(tmp_path / "store"), port=0, allow_update=True)).__enter__()
    with running(Settings(str(tmp_path / "store"), port=0, allow_update=True, token="s3cret")) as (server, _):
        url = base(server) + "/sparql"
        insert = "update=INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
        assert curl(url, "--data-urlencode", insert)[0] == 401
        assert curl(url, "-H", "Authorization: Bearer wrong", "--data-urlencode", insert)[0] == 401
        assert curl(url, "-H", "Authorization: Bearer s3cret", "--data-urlencode", insert)[0] == 204
        _, body, _ = curl("-G", url, "--data-urlencode", "query=ASK { <urn:a> <urn:b> <urn:c> }")
        assert json.loads(body)["boolean"] is True


def test_a_runaway_query_is_cancelled_and_the_server_goes_on(seeds_store_path: Path) -> None:
    with running(Settings(str(seeds_store_path), port=0, timeout=1.0, workers=1)) as (server, _):
        url = base(server) + "/sparql"
        started = time.monotonic()
        code, body, _ = curl("-G", url, "--data-urlencode", f"query={RUNAWAY}")
        assert code == 503 and "query cancelled" in body and "time limit" in body
        assert time.monotonic() - started < 10
        code, body, _ = curl("-G", url, "--data-urlencode", f"query={COUNT_TYPES}")  # a fresh worker answers
        assert code == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "5"


def test_result_size_is_limited(seeds_store_path: Path) -> None:
    with running(Settings(str(seeds_store_path), port=0, max_rows=10, workers=1)) as (server, _):
        url = base(server) + "/sparql"
        code, body, _ = curl("-G", url, "--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o }")
        assert code == 413 and "more than 10 rows" in body
        code, body, _ = curl("-G", url, "--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o } LIMIT 10")
        assert code == 200 and len(json.loads(body)["results"]["bindings"]) == 10


def test_guards(seeds_server, tmp_path: Path) -> None:  # noqa: ANN001
    url = base(seeds_server)
    assert seeds_server.server_address[0] == "127.0.0.1"
    code, body, _ = curl(url + "/", "-H", "Host: attacker.example")  # DNS rebinding
    assert code == 403 and "only to localhost" in body
    code, _, head = curl(url + "/sparql?query=ASK%7B%7D", "-H", "Origin: https://attacker.example")
    assert code == 403 and "access-control-allow-origin" not in head  # another origin: refused (issue 19)
    assert curl(url + "/static/../serve.py")[0] == 404
    assert curl(url + "/static/yasgui/../../serve.py", "--path-as-is")[0] == 404
    code, _, head = curl(url + "/static/yasgui/yasgui.min.js")
    assert code == 200 and "javascript" in head
    code, body, _ = curl("-G", url + "/sparql", "--data-urlencode", "query=SELEKT nonsense")
    assert code == 400 and "syntax" in body.lower()
    big = tmp_path / "big.txt"
    big.write_text("query=" + "#" * 1_100_000)
    assert curl(url + "/sparql", "--data-binary", f"@{big}")[0] == 413
    code, body, _ = curl(url + "/sparql", "-H", "Content-Type: text/plain", "--data-binary", "x")
    assert code == 415


def test_pages_and_named_queries(seeds_server) -> None:  # noqa: ANN001
    url = base(seeds_server)
    code, body, head = curl(url + "/")
    assert code == 200 and "content-security-policy" in head and "/query" in body
    code, body, _ = curl(url + "/query")
    assert code == 200 and not re.search(r"""(src|href)=["']?(https?:)?//""", body)  # no CDN
    assert 'data-query="person"' in body and '<input name="person"' in body  # a form for its parameter
    code, body, _ = curl(url + "/yasgui")  # the SPARQL editor, the named queries as its examples
    assert code == 200 and "/static/yasgui/yasgui.min.js" in body
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", body)  # no CDN: everything from this server
    assert '"name": "commitments"' in body
    code, body, _ = curl(url + "/queries/documents?format=csv")
    assert code == 200 and len(list(csv.DictReader(io.StringIO(body)))) == 5
    code, body, _ = curl(url + "/queries/nope")
    assert code == 404
    code, body, _ = curl(url + "/viz/overview?council=Durham")
    assert code == 200 and "vis.Network" in body and "Durham County Council" in body
    code, body, _ = curl(url + "/viz/focus?node=Corporate%20Parenting%20Panel&depth=2")
    assert code == 200 and "vis.Network" in body
    code, body, _ = curl(url + "/viz/focus?node=Corporate%20Parenting%20Panel&depth=two")
    assert code == 400 and "depth must be a whole number" in body
    assert curl(url + "/viz/overview?budget=999999")[0] == 400
    code, body, _ = curl(url + "/stats.json")
    assert code == 200 and json.loads(body)["counts"]["Committee"] >= 3


def test_a_hostile_document_is_text_in_every_page(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with LocalStore(store) as st:
        assert ingest([evil_folder(tmp_path / "docs")], st).ok
    with running(Settings(str(store), port=0)) as (server, _):
        url = base(server)
        _, docs, _ = curl(url + "/queries/documents")
        doc = json.loads(docs)["results"]["bindings"][0]["document"]["value"]
        pages = [url + "/", url + "/query", url + "/viz/overview", url + "/viz/query?name=documents",
                 url + "/viz/focus?node=Budget", url + "/viz/focus?node=%3Cscript%3Ealert(1)%3C/script%3E",
                 url + "/viz/followups", url + "/followups", url + "/query?name=documents",
                 url + "/resource?iri=" + urllib.parse.quote(doc, safe=""),
                 url + "/query?name=person&person=%3Cscript%3Ealert(1)%3C/script%3E%20Smith"]
        for page in pages:
            code, body, head = curl(page)
            assert code == (404 if "alert" in page and "focus" in page else 200), page  # no such node: 404
            assert "<script>window.pwned" not in body and "<script>alert" not in body, page
            assert "<i>report" not in body, page
        _, body, _ = curl(url + "/viz/focus?node=Budget")
        assert "\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e" in body  # the title, as data
        _, body, _ = curl(url + "/viz/focus?node=%3Cscript%3Ealert(1)%3C/script%3E")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # the error page, escaped
        code, body, head = curl(url + "/queries/documents")
        assert "application/sparql-results+json" in head and "nosniff" in head and EVIL in body


def test_content_negotiation() -> None:
    assert formats_for("text/csv;q=0.5, application/sparql-results+xml", None) == ["xml", "csv"]
    assert formats_for(None, "ttl") == ["turtle"]
    assert formats_for("*/*", None) == ["json", "turtle"]


def test_bad_settings_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        running(Settings(str(tmp_path / "none"), port=0)).__enter__()
    LocalStore(tmp_path / "store").close()
    for bad in ({"allow_service": ("ftp://x/",)}, {"allow_service": ("http://a b/",)}, {"max_bytes": 0},
                {"max_memory": -1}):
        with pytest.raises(QueryError) as info:
            running(Settings(str(tmp_path / "store"), port=0, **bad)).__enter__()  # type: ignore[arg-type]
        assert "\n" not in str(info.value)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kg_serve_command(seeds_store_path: Path, tmp_path: Path) -> None:
    port = _free_port()
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    proc = subprocess.Popen([kg, "serve", "--store", str(seeds_store_path), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "KG_SERVE_TOKEN": ""})
    try:
        for _ in range(100):
            try:
                ask = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D"
                with urllib.request.urlopen(ask, timeout=2) as r:
                    assert json.loads(r.read())["boolean"] is True
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail("kg serve did not answer")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in err and "read-only" in err


def test_queries_keep_answering_while_an_ingest_runs(tmp_path: Path, seeds_dir: Path) -> None:
    import threading

    store = tmp_path / "store"
    docs = sorted(seeds_dir.glob("*.txt"))
    with LocalStore(store) as st:
        assert ingest([docs[0]], st).ok
    with running(Settings(str(store), port=0, workers=1)) as (server, _):
        url = base(server) + "/sparql"
        done = threading.Event()
        seen: list[tuple[int, str]] = []
        written: list[object] = []

        def writer() -> None:
            try:  # set `done` whatever happens, or the reader loop below would never end
                with LocalStore(store) as st:
                    written.append(ingest(docs[1:], st))
            except Exception as err:  # noqa: BLE001 - reported by the assertion below
                written.append(err)
            finally:
                done.set()

        t = threading.Thread(target=writer)
        t.start()
        count = ("-G", url, "--data-urlencode", f"query={COUNT_TYPES}", "-H", "Accept: text/csv")
        while not done.is_set():
            code, body, _ = curl(*count)
            seen.append((code, body.split()[-1] if code == 200 else body))
        t.join()
        _, body, _ = curl(*count)
    assert written and getattr(written[0], "ok", False), written
    # Every answer is a result, or (at worst) the clear busy message that asks for a retry.
    assert seen and all(code == 200 or (code == 503 and "store is busy" in text) for code, text in seen), seen
    assert body.split()[-1] == "5"  # the finished ingest is visible without a restart


def test_the_follow_up_page_is_served(tmp_path: Path) -> None:
    from vizstores import ledger_store

    with running(Settings(str(ledger_store(tmp_path / "store")), port=0)) as (server, _):
        code, body, _ = curl(base(server) + "/")
        assert 'href="/followups"' in body
        code, body, head = curl(base(server) + "/followups")
        assert code == 200 and "text/html" in head
        assert "report back on placement stability" in body
        code, body, _ = curl(base(server) + "/viz/followups")
        assert code == 200 and "Commitment: overdue (1)" in body

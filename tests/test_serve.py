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
        page = base(server) + "/query?" + urllib.parse.urlencode({"query": RUNAWAY})
        for _ in range(2):  # the query page says so too, and does not keep the failure as the answer
            code, body, head = curl(page)
            assert code == 503 and "text/html" in head and "time limit" in body


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
    assert "/resource?iri=https%3A%2F%2F" in body  # served views link their evidence to resource pages
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


# ---- the linked-data site (issue 17): pages, statuses, the per-version cache


def test_errors_answer_with_their_status(seeds_server) -> None:  # noqa: ANN001
    """Bad input is 400, what is not there 404, a method a route lacks 405; pages say so in HTML."""
    url = base(seeds_server)
    cases = [("/query?name=documents&size=7", 400), ("/query?query=SELEKT%20nonsense", 400),
             ("/query?name=person&nope=1", 400), ("/resource?iri=not%20an%20iri", 400),
             ("/viz/focus?node=Corporate&depth=x", 400), ("/resource", 400),
             ("/resource?iri=urn%3Anothing%3Ahere", 404), ("/no/such/page", 404), ("/query?name=nope", 404),
             ("/viz/nope", 404), ("/viz/focus?node=Nobody%20Called%20This", 404),
             ("/query?name=documents&page=99", 404), ("/id/council/no-such-council", 404)]
    for path, status in cases:
        code, body, head = curl(url + path)
        assert code == status, (path, code, body[:300])
        assert "text/html" in head and 'id="error"' in body, path  # a page a person can read
    code, body, head = curl(url + "/queries/documents?format=xml")
    assert code == 400 and "text/plain" in head  # data routes answer with one line
    code, body, head = curl(url + "/queries/nope")
    assert code == 404 and "text/plain" in head and body == "no named query 'nope'\n"
    assert curl(url + "/query", "-X", "POST", "-d", "x=1")[0] == 405
    assert curl(url + "/query/")[0] == 200  # a trailing slash changes nothing


def test_a_worker_that_dies_is_a_500_and_the_next_query_is_answered(seeds_store_path: Path) -> None:
    """A query worker killed under the server: that request gets 500, the pool starts a new worker."""
    with running(Settings(str(seeds_store_path), port=0, workers=1)) as (server, app):
        url = base(server) + "/sparql"
        app.pool.all[0].p.kill()
        app.pool.all[0].p.wait()
        code, body, _ = curl("-G", url, "--data-urlencode", f"query={COUNT_TYPES}")
        assert code == 500 and "worker stopped" in body
        code, body, _ = curl("-G", url, "--data-urlencode", f"query={COUNT_TYPES}")
        assert code == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "5"


def test_a_resource_page_shows_facts_both_ways_and_the_evidence(seeds_server) -> None:  # noqa: ANN001
    """A commitment's page: its label as title, type, facts linked to their own pages, the quote and its
    document; the committee's page lists what points at it; a data IRI's /id/ path is the same page."""
    url = base(seeds_server)
    _, body, _ = curl("-G", url + "/sparql", "--data-urlencode",
                      "query=SELECT ?c ?t WHERE { ?c a <https://w3id.org/council-kg/def#Commitment> ; "
                      "<https://w3id.org/council-kg/def#text> ?t } ORDER BY ?c LIMIT 1")
    row = json.loads(body)["results"]["bindings"][0]
    iri, text = row["c"]["value"], row["t"]["value"]
    code, page, head = curl(url + "/resource?iri=" + urllib.parse.quote(iri, safe=""))
    assert code == 200 and "text/html" in head
    assert f"<h1>{html_text(text)}</h1>" in page
    assert 'href="/resource?iri=https%3A%2F%2Fw3id.org%2Fcouncil-kg%2Fdef%23Commitment"' in page  # its type
    evidence = page.split('id="evidence"')[1].split("</ul>")[0]
    assert "<mark>" in evidence
    assert "/resource?iri=https%3A%2F%2Fw3id.org%2Fcouncil-kg%2Fid%2Fdocument" in evidence  # its document
    code, same, _ = curl(url + "/id/" + iri.removeprefix("https://w3id.org/council-kg/id/"))
    assert code == 200 and f"<h1>{html_text(text)}</h1>" in same
    committee = "https://w3id.org/council-kg/id/committee/durham-county-council/corporate-parenting-panel"
    code, page, _ = curl(url + "/resource?iri=" + urllib.parse.quote(committee, safe=""))
    assert code == 200 and "<h1>Corporate Parenting Panel</h1>" in page
    assert 'id="facts-in"' in page and "id:document/" in page.split('id="facts-in"')[1]


def html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def test_the_query_page_runs_named_queries_with_labels_and_pages(seeds_server) -> None:  # noqa: ANN001
    """A named query's parameter comes from its form; IRIs show as labels linked to their pages, typed
    literals as their values; rows come a page at a time with links to the next and back."""
    url = base(seeds_server)
    code, body, _ = curl(url + "/query?name=person&person=Patterson")
    assert code == 200 and 'id="result-table"' in body
    assert 'value="Patterson"' in body  # the form keeps what was asked
    code, body, _ = curl(url + "/query?name=documents&size=25")
    table = body.split('id="result-table"')[1]
    assert ">Durham County Council</a>" in table and "id:council/durham-county-council" in table
    assert "^^" not in table and "XMLSchema" not in table.split("title=")[0]
    code, body, _ = curl(url + "/query?" + urllib.parse.urlencode(
        {"query": "SELECT ?n WHERE { VALUES ?n { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 "
                  "24 25 26 27 28 29 30 } } ORDER BY ?n", "size": "25"}))
    assert code == 200 and "Page 1 of 2" in body and 'rel="next"' in body
    nxt = html_unescape(re.search(r'rel="next" href="([^"]+)"', body).group(1))
    code, body, _ = curl(url + nxt)
    cells = re.findall(r"<td><span title=\"xsd:integer\">(\d+)</span></td>", body)
    assert code == 200 and cells == [str(n) for n in range(26, 31)] and 'rel="prev"' in body


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_a_query_opened_from_another_site_is_shown_not_run(seeds_server) -> None:  # noqa: ANN001
    """A Share link followed from another site shows the query; it runs only when the visitor says so."""
    url = base(seeds_server)
    code, body, _ = curl(url + "/query?name=documents", "-H", "Sec-Fetch-Site: cross-site",
                         "-H", "Sec-Fetch-Mode: navigate", "-H", "Sec-Fetch-Dest: document")
    assert code == 200 and 'id="notice"' in body and 'id="result-table"' not in body
    iri = urllib.parse.quote("https://w3id.org/council-kg/id/council/durham-county-council", safe="")
    navigate = ("-H", "Sec-Fetch-Site: cross-site", "-H", "Sec-Fetch-Mode: navigate",
                "-H", "Sec-Fetch-Dest: document")
    assert curl(url + "/resource?iri=" + iri, *navigate)[0] == 200  # a link to a thing: linked data
    assert curl(url + "/resource?iri=" + iri, "-H", "Sec-Fetch-Site: cross-site",
                "-H", "Sec-Fetch-Dest: image")[0] == 403  # an <img> from elsewhere: refused


def test_views_and_statistics_are_computed_once_per_store_version(tmp_path: Path, seeds_dir: Path) -> None:
    """A second request for a view or the statistics is read from the cache; an ingest (a new store
    version) makes the next request compute again, and it shows the new document."""
    from kg.store import store_version

    store = tmp_path / "store"
    docs = sorted(seeds_dir.glob("*.txt"))
    with LocalStore(store) as st:
        assert ingest([docs[0]], st).ok
    version = store_version(store)
    with LocalStore(store, read_only=True) as st:
        st.query("ASK { ?s ?p ?o }")
    assert store_version(store) == version  # reading changes nothing
    with running(Settings(str(store), port=0, workers=1)) as (server, app):
        url = base(server)
        for path in ("/stats.json", "/viz/overview", "/query?name=documents"):
            assert curl(url + path)[0] == 200
        misses = app.cache.misses
        _, first, _ = curl(url + "/stats.json")
        for path in ("/viz/overview", "/query?name=documents"):
            assert curl(url + path)[0] == 200
        assert app.cache.misses == misses  # all three from the cache
        with LocalStore(store) as st:
            assert ingest([docs[1]], st).ok
        assert store_version(store) != version
        _, second, _ = curl(url + "/stats.json")
        assert app.cache.misses > misses
        assert json.loads(second)["counts"]["Document"] == json.loads(first)["counts"]["Document"] + 1


def test_resource_evidence_gives_the_rows_of_the_evidence_query(seeds_store: LocalStore) -> None:
    """The resource pages' faster evidence query answers as `_evidence` does, for every node with evidence."""
    from kg.query import run

    derived = "SELECT DISTINCT ?n WHERE { ?n <http://www.w3.org/ns/prov#wasDerivedFrom> ?s }"
    nodes = seeds_store.query(derived).rows
    assert len(nodes) > 20
    for row in nodes:
        fast = run(seeds_store, "_resource-evidence", {"fact": row["n"]}).rows
        slow = run(seeds_store, "_evidence", {"fact": row["n"]}).rows
        assert fast and sorted(map(sorted, (r.items() for r in fast))) == \
            sorted(map(sorted, (r.items() for r in slow))), row["n"]


def test_evidence_in_its_context_with_sources(seeds_store_path: Path, seeds_dir: Path,
                                              tmp_path: Path) -> None:
    """With --sources the quote is shown inside the text around it, checked against the source file;
    a --sources that is not a folder is one error line."""
    with pytest.raises(QueryError, match="not a folder"):
        running(Settings(str(seeds_store_path), port=0, sources=(str(tmp_path / "none"),))).__enter__()
    with running(Settings(str(seeds_store_path), port=0, sources=(str(seeds_dir),))) as (server, _):
        url = base(server)
        _, body, _ = curl("-G", url + "/sparql", "--data-urlencode",
                          "query=SELECT ?c WHERE { ?c a <https://w3id.org/council-kg/def#Commitment> } "
                          "LIMIT 1")
        iri = json.loads(body)["results"]["bindings"][0]["c"]["value"]
        code, page, _ = curl(url + "/resource?iri=" + urllib.parse.quote(iri, safe=""))
        evidence = page.split('id="evidence"')[1].split("</ul>")[0]
        assert code == 200 and "checked against the source file" in evidence
        before = re.search(r'<span class="context">&hellip;(.*?)</span><mark>', evidence, re.S)
        assert before and len(html_unescape(before.group(1))) == 200  # the text before the quote


def test_the_query_page_declares_the_usual_prefixes(seeds_server) -> None:  # noqa: ANN001
    """A query typed on the page may use ckg:, dcterms: and the rest without PREFIX lines; its own
    declaration of a prefix wins."""
    url = base(seeds_server)
    typed = "SELECT ?d ?t WHERE { ?d a ckg:Document ; dcterms:title ?t }"
    code, body, _ = curl(url + "/query?" + urllib.parse.urlencode({"query": typed}))
    assert code == 200 and "5 rows" in body
    own = "PREFIX ckg: <urn:other#> " + typed
    code, body, _ = curl(url + "/query?" + urllib.parse.urlencode({"query": own}))
    assert code == 200 and "0 rows" in body

"""A remote SPARQL 1.1 server as the store: Graph Store Protocol writes, SPARQL Protocol JSON queries.

`--store URL` picks the server and its dialect from the URL's path:

- `http://HOST:7878` or `http://HOST:7878/query`: Oxigraph server (`oxigraph serve`). Queries go to
  `/query` with `union-default-graph` set, graphs to `/store`, updates to `/update`.
- `http://HOST:8890/sparql`: Virtuoso. Queries go to `/sparql` (its default graph is the union of all
  graphs when a query names none), graphs to `/sparql-graph-crud-auth` with HTTP digest auth.
- anything else: a generic SPARQL 1.1 server; set `KG_REMOTE_GSP` (and `KG_REMOTE_UPDATE`) to its
  Graph Store and update endpoints; the query endpoint must treat the default graph as the union.

Credentials come from `KG_REMOTE_USER` / `KG_REMOTE_PASSWORD` (or `http://USER:PASSWORD@HOST/...`;
the password never appears in `location`); `KG_REMOTE_AUTH=basic` switches from digest to basic auth.
`KG_REMOTE_TIMEOUT` (seconds, default 60) bounds every request.

Each document's named graph is replaced whole with one `PUT`, which both servers apply atomically.
`replace_graphs` writes the new graphs first and deletes the old ones after, so a reader or a crash in
between sees the old and the new version side by side (the next ingest drops the stale one), never a
half-written graph.

Parameterised queries: the remote equivalent of Oxigraph's substitutions is a `VALUES` block whose
terms are written by `sparql_term` (every character SPARQL requires escaped; IRIs checked), placed
at the start of every `WHERE {` of the query and its subqueries, so the binding reaches FILTERs and
subqueries as a substitution would.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg import iris, layout
from kg.errors import QueryError, StoreError, StoreUnreachable
from kg.namespaces import CKG
from kg.store import Result, Store, from_ox, to_ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
JSON_RESULTS = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
DEFAULT_TIMEOUT = 60.0

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_PROLOGUE = re.compile(r"(#[^\n]*|\s+|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I)


@dataclass(frozen=True)
class Endpoints:
    """Where a server takes queries, Graph Store requests and updates, and how it authenticates."""

    dialect: str  # oxigraph | virtuoso | generic
    query: str
    gsp: str
    update: str | None
    query_params: tuple[tuple[str, str], ...] = ()


def endpoints(url: str) -> Endpoints:
    """The endpoints of the server at `url` (credentials already stripped); env vars override."""
    parts = urlsplit(url)
    root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    path = parts.path.rstrip("/")
    if path in ("", "/query", "/store", "/update"):
        ep = Endpoints("oxigraph", root + "/query", root + "/store", root + "/update",
                       (("union-default-graph", ""),))
    elif path.endswith("/sparql") or path.endswith("/sparql-auth"):
        base = root + path.rsplit("/", 1)[0]
        ep = Endpoints("virtuoso", base + "/sparql", base + "/sparql-graph-crud-auth", base + "/sparql-auth")
    else:
        ep = Endpoints("generic", root + path, os.environ.get("KG_REMOTE_GSP", ""), None)
    gsp = os.environ.get("KG_REMOTE_GSP") or ep.gsp
    update = os.environ.get("KG_REMOTE_UPDATE") or ep.update
    if not gsp:
        raise StoreError("no Graph Store endpoint for this server", path=url,
                         hint="set KG_REMOTE_GSP to its Graph Store Protocol URL")
    return Endpoints(ep.dialect, ep.query, gsp, update, ep.query_params)


def query_form(sparql: str) -> str:
    """select | ask | construct | describe: the first keyword after the prologue and comments."""
    pos = 0
    while m := _PROLOGUE.match(sparql, pos):
        if m.end() == pos:
            break
        pos = m.end()
    m = _FORM.search(sparql, pos)
    return m.group(1).lower() if m else "select"


# In a "..." literal SPARQL forbids a raw quote, backslash, LF and CR (STRING_LITERAL2); the other
# controls are escaped too. Backslashes are always written in pairs, so even a server that expands
# `\uXXXX` before parsing (SPARQL 19.2) leaves any quote it makes escaped: it cannot end the string.
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _iri(value: str) -> str:
    if not value or _IRI_BAD.search(value) or not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise QueryError(f"bad parameter value: '{value[:80]}' is not an absolute IRI",
                         hint="an IRI must be a single valid IRI")
    return f"<{value}>"


def _string(value: str) -> str:
    out = []
    for c in value:
        if c in _ECHAR:
            out.append(_ECHAR[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        elif 0xD800 <= ord(c) <= 0xDFFF:
            raise QueryError("bad parameter value: a lone surrogate is not text")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def sparql_term(term: Identifier) -> str:
    """An IRI or literal as SPARQL text that parses back to exactly this term on any server: the string
    in one `"..."` with every character SPARQL requires escaped, IRIs and language tags checked."""
    if isinstance(term, URIRef):
        return _iri(str(term))
    if not isinstance(term, Literal):
        raise QueryError(f"cannot bind {type(term).__name__}: an IRI or a literal only")
    text = _string(str(term))
    if term.language:
        if not _LANG.fullmatch(term.language):
            raise QueryError(f"bad parameter value: language tag '{term.language[:20]}'")
        return f"{text}@{term.language}"
    if term.datatype is not None and str(term.datatype) != XSD_STRING:
        return f"{text}^^{_iri(str(term.datatype))}"
    return text


def with_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with a VALUES clause binding each variable; terms written by `sparql_term`."""
    if not bindings:
        return sparql
    names = list(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad parameter name '{name}'")
    terms = []
    for name in names:
        term = bindings[name]
        if not isinstance(term, URIRef | Literal):
            raise QueryError(f"parameter '{name}' must be an IRI or a literal")
        terms.append(sparql_term(term))
    values = f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}\n"
    # Oxigraph's substitutions bind the variable everywhere, inside subqueries and before FILTERs; a
    # trailing VALUES is joined only at the end, after the WHERE clause's filters have run without it. So
    # the block opens every `WHERE {` (the query's and each subquery's): the same rows as substituting.
    out: list[str] = []
    where = False  # the last token (comments and white space aside) was the keyword WHERE
    placed = 0
    for m in SPARQL_TOKENS.finditer(sparql):
        kind, text = m.lastgroup, m.group()
        out.append(text)
        if kind == "word":
            where = text.upper() == "WHERE"
        elif kind == "open" and where:
            out.append(values)
            placed += 1
            where = False
        elif kind != "comment" and not text.isspace():
            where = False
    if placed:
        return "".join(out)
    # No WHERE keyword (`SELECT ?x { ... }`): trailing, after a newline as the query may end in a comment.
    return f"{sparql}{values}"


SPARQL_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}
      |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<graph>\bGRAPH\s+[?$](?P<var>\w+)\s*\{)
  | (?P<optional>\bOPTIONAL\s*\{)
  | (?P<open>\{) | (?P<close>\})
  | (?P<filter>\bFILTER\b)
  | (?P<word>[A-Za-z_][\w:.-]*|[?$]\w+)
  | (?P<other>.)
""", re.X | re.I | re.S)


def scope_optionals(sparql: str) -> str:
    """Virtuoso evaluates an OPTIONAL inside `GRAPH ?g { }` against every graph (the graph variable does
    not reach it), so nested OPTIONALs return extra rows. Repeating `GRAPH ?g` inside each such OPTIONAL
    is the same query by the SPARQL semantics, and Virtuoso answers it correctly. OPTIONALs with a FILTER
    of their own are left alone: wrapping would hide the outer variables from it."""
    toks = [(m.lastgroup or "", m.group(), m.group("var")) for m in SPARQL_TOKENS.finditer(sparql)]
    match: dict[int, int] = {}
    filtered: set[int] = set()
    stack: list[int] = []
    for i, (kind, _, _) in enumerate(toks):
        if kind in ("graph", "optional", "open"):
            stack.append(i)
        elif kind == "close" and stack:
            match[stack.pop()] = i
        elif kind == "filter" and stack:
            filtered.add(stack[-1])
    out: list[str] = []
    graphs: list[tuple[int, str]] = []  # (closing token, variable) of each enclosing GRAPH ?var block
    closers: dict[int, str] = {}
    for i, (kind, text, var) in enumerate(toks):
        while graphs and graphs[-1][0] < i:
            graphs.pop()
        if kind == "graph" and i in match:
            graphs.append((match[i], var))
        if kind == "optional" and graphs and i in match and i not in filtered:
            out.append(f"{text} GRAPH ?{graphs[-1][1]} {{")
            closers[match[i]] = "} }"
            continue
        out.append(closers.pop(i, text))
    return "".join(out)


def from_json(cell: Mapping[str, str]) -> Identifier:
    """One SPARQL JSON results term as an rdflib term (Virtuoso's `typed-literal` included)."""
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value.removeprefix("nodeID://"))
    if "xml:lang" in cell:
        return Literal(value, lang=cell["xml:lang"])
    dt = cell.get("datatype")
    if dt and dt != XSD_STRING:
        return Literal(value, datatype=URIRef(dt))
    return Literal(value)


def ntriples(graph: Graph) -> bytes:
    """N-Triples via pyoxigraph's writer (several times faster than rdflib's)."""
    triples = (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)  # type: ignore[arg-type]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


PENDING = str(iris.graph("pending-prune"))


def _pending_graph(statements: Iterable[str]) -> Graph:
    g = Graph()
    for text in statements:
        g.add((URIRef(PENDING), CKG.pruneCandidate, Literal(text)))
    return g


def _triple(t: ox.Triple | ox.Quad) -> tuple[Identifier, Identifier, Identifier]:
    return (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))  # type: ignore[return-value]


def _graph(quads: Iterable[ox.Quad]) -> Graph:
    g = Graph()
    for q in quads:
        g.add(_triple(q))
    return g


def parse_graph(data: bytes, content_type: str) -> Graph:
    fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in content_type or "text/plain" in content_type \
        else ox.RdfFormat.TURTLE
    g = Graph()
    try:
        for t in ox.parse(data, format=fmt):
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
    except SyntaxError as err:
        raise StoreError(f"the server sent a graph that does not parse: {err}") from err
    return g


class RemoteStore(Store):
    """A SPARQL 1.1 server (Oxigraph server, Virtuoso, or any with the Graph Store Protocol)."""

    def __init__(self, location: str, *, timeout: float | None = None) -> None:
        parts = urlsplit(location)
        user = os.environ.get("KG_REMOTE_USER") or parts.username
        password = os.environ.get("KG_REMOTE_PASSWORD") or parts.password
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        self.location = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        self.ep = endpoints(self.location)
        self.timeout = timeout or float(os.environ.get("KG_REMOTE_TIMEOUT", DEFAULT_TIMEOUT))
        self._http = requests.Session()
        if user:
            scheme = os.environ.get("KG_REMOTE_AUTH", "digest").lower()
            self._http.auth = (requests.auth.HTTPBasicAuth(user, password or "") if scheme == "basic"
                               else requests.auth.HTTPDigestAuth(user, password or ""))
        elif self.ep.dialect == "virtuoso":
            # Virtuoso's writable endpoint always wants digest auth; dba/dba is its out-of-the-box login.
            self._http.auth = requests.auth.HTTPDigestAuth("dba", "dba")

    # ---- HTTP

    def _send(self, method: str, url: str, *, what: str, timeout: float | None = None,
              ok404: bool = False, **kwargs: object) -> requests.Response:
        wait = timeout or self.timeout
        try:
            resp = self._http.request(method, url, timeout=(min(wait, 10.0), wait), **kwargs)  # type: ignore[arg-type]
        except requests.Timeout as err:
            raise StoreError(f"{what}: no answer from {self.location} within {wait:g} s",
                             hint="raise KG_REMOTE_TIMEOUT or check the server's load") from err
        except requests.ConnectionError as err:
            raise StoreUnreachable(f"{what}: cannot reach {self.location}",
                             hint="is the SPARQL server running at that address?") from err
        except requests.RequestException as err:
            raise StoreError(f"{what}: {type(err).__name__}: {err}") from err
        if resp.status_code == 404 and ok404:
            return resp
        if resp.status_code >= 400:
            body = " ".join(resp.text.split())[:200]
            line = f"{what}: HTTP {resp.status_code} {resp.reason} from {url}" + (f": {body}" if body else "")
            if resp.status_code in (401, 403):
                raise StoreError(line, hint="set KG_REMOTE_USER and KG_REMOTE_PASSWORD to a writer account")
            if resp.status_code == 400 and what == "query":
                raise QueryError(line, hint="check the query text")
            raise StoreError(line)
        return resp

    # ---- Store

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None, *,
              timeout: float | None = None) -> Result:
        form = query_form(sparql)
        text = with_values(sparql, bindings or {})
        if self.ep.dialect == "virtuoso":
            text = scope_optionals(text)
        accept = JSON_RESULTS if form in ("select", "ask") else f"{NTRIPLES}, text/turtle;q=0.9"
        resp = self._send("POST", self.ep.query, what="query", timeout=timeout,
                          params=dict(self.ep.query_params), data={"query": text},
                          headers={"Accept": accept})
        if form not in ("select", "ask"):
            return Result("graph", graph=parse_graph(resp.content, resp.headers.get("Content-Type", "")))
        try:
            doc = json.loads(resp.content)
        except ValueError as err:
            kind = resp.headers.get("Content-Type", "?")
            raise StoreError(f"query: the server answered {kind}, not SPARQL JSON results",
                             hint="is this URL a SPARQL query endpoint?") from err
        if "boolean" in doc:
            return Result("ask", boolean=bool(doc["boolean"]))
        names = tuple(doc.get("head", {}).get("vars", ()))
        bindings_ = doc.get("results", {}).get("bindings", ())
        rows = tuple({k: from_json(v) for k, v in b.items()} for b in bindings_)
        return Result("select", names, rows)

    def _put(self, name: str, graph: Graph) -> None:
        self._send("PUT", self.ep.gsp, what=f"write graph {name}", params={"graph": name},
                   data=ntriples(graph), headers={"Content-Type": NTRIPLES})

    def _delete(self, name: str) -> None:
        self._send("DELETE", self.ep.gsp, what=f"drop graph {name}", params={"graph": name}, ok404=True)

    def replace_graphs(self, drop: Iterable[str], graphs: Mapping[str, Graph]) -> None:
        """Each graph is PUT whole (atomic per graph); then the dropped ones are deleted.

        New graphs go before rewritten ones and deletions come last, so an interruption leaves a stale
        extra graph (which the next ingest removes), never a document missing or half written. A document's
        graph is split as in the embedded store (kg.layout): its shared triples are added to the shared graph
        first, and the shared triples that only dropped or replaced versions asserted are removed last.
        """
        drop = [d for d in drop if d not in graphs]
        touched = [n for n in (*drop, *graphs) if layout.is_document(n)]
        # The shared statements this write may orphan, recorded before anything changes (with any a write
        # interrupted earlier recorded), deleted once trimmed: a kill in between is finished next time.
        candidates = self._asserted(touched) | self._pending()
        if candidates:
            self._put(PENDING, _pending_graph(candidates))
        said: set[str] = set()
        shared = Graph()
        physical: dict[str, Graph] = {}
        for name, graph in graphs.items():
            if not layout.is_document(name):
                physical[name] = graph
                continue
            own, common, stated = layout.place(name, ((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph))
            said |= stated
            physical[name] = _graph(own)
            for q in common:
                shared.add(_triple(q))
        if len(shared):
            self.add(str(layout.shared_graph()), shared)
        order = sorted(physical, key=lambda n: n in self._existing(physical))
        for name in order:
            if len(physical[name]):
                self._put(name, physical[name])
            else:
                self._delete(name)
        for name in drop:
            self._delete(name)
        if candidates:
            self._prune(candidates - said)
            self._delete(PENDING)

    def _pending(self) -> set[str]:
        """Shared statements a write that was interrupted may have left orphaned."""
        return {str(o) for o in self.graph(PENDING).objects(None, CKG.pruneCandidate)}

    def _asserted(self, names: Iterable[str]) -> set[str]:
        """The shared statements the given document graphs record (kg.layout)."""
        out: set[str] = set()
        for name in names:
            res = self.query("SELECT ?said WHERE { GRAPH ?g { ?run ?asserts ?said } }",
                             {"g": URIRef(name), "asserts": URIRef(layout.ASSERTS.value)})
            out |= {str(r["said"]) for r in res.rows}
        return out

    def _prune(self, candidates: set[str]) -> None:
        """Remove from the shared graph the candidates no stored document asserts any more: the shared graph
        is read, trimmed and PUT back whole (atomic; only the Graph Store endpoint is needed)."""
        if not candidates:
            return
        held: set[str] = set()
        ordered = sorted(candidates)
        for i in range(0, len(ordered), 200):
            chunk = ordered[i:i + 200]
            res = self.query("SELECT DISTINCT ?said WHERE { GRAPH ?g { ?run "
                             + sparql_term(URIRef(layout.ASSERTS.value)) + " ?said } VALUES ?said { "
                             + " ".join(sparql_term(Literal(c)) for c in chunk) + " } }")
            held |= {str(r["said"]) for r in res.rows}
        gone = candidates - held
        if not gone:
            return
        name = str(layout.shared_graph())
        g = self.graph(name)
        for text in gone:
            g.remove(_triple(layout.triple(text)))
        if len(g):
            self._put(name, g)
        else:
            self._delete(name)

    def _existing(self, names: Iterable[str]) -> set[str]:
        names = list(names)
        if len(names) < 2:
            return set()
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }\n"
                         "VALUES ?g { " + " ".join(sparql_term(URIRef(n)) for n in names) + " }")
        return {str(r["g"]) for r in res.rows}

    def add(self, name: str, graph: Graph) -> None:
        if len(graph):
            self._send("POST", self.ep.gsp, what=f"add to graph {name}", params={"graph": name},
                       data=ntriples(graph), headers={"Content-Type": NTRIPLES})

    def graph(self, name: str) -> Graph:
        resp = self._send("GET", self.ep.gsp, what=f"read graph {name}", params={"graph": name}, ok404=True,
                          headers={"Accept": f"{NTRIPLES}, text/turtle;q=0.9"})
        if resp.status_code == 404:
            return Graph()
        return parse_graph(resp.content, resp.headers.get("Content-Type", ""))

    def named_graphs(self) -> list[str]:
        """The graphs under this project's IRI base: the server may hold other data and system graphs."""
        res = self.query("SELECT DISTINCT ?g WHERE { " + self._ours() + " }")
        return sorted(str(r["g"]) for r in res.rows)

    @staticmethod
    def _ours() -> str:
        """Quads in this project's graphs; the base is written by `sparql_term`, inside the pattern so
        that aggregates see it."""
        return (f"VALUES ?base {{ {sparql_term(Literal(iris.base()))} }} GRAPH ?g {{ ?s ?p ?o }} "
                "FILTER(STRSTARTS(STR(?g), ?base))")

    def count(self) -> int:
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { " + self._ours() + " }")
        return int(res.rows[0]["n"]) if res.rows else 0

    def export(self, fmt: str) -> bytes:
        if fmt not in ("trig", "nquads", "turtle", "ntriples"):
            raise QueryError(f"unknown export format '{fmt}'",
                             hint="use one of trig, nquads, turtle, ntriples, jsonld")
        ds = Dataset()
        union = Graph()
        for name in self.named_graphs():
            g = self.graph(name)
            if fmt in ("turtle", "ntriples"):
                union += g
            else:
                target = ds.graph(URIRef(name))
                for t in g:
                    target.add(t)
        if fmt in ("turtle", "ntriples"):
            return union.serialize(format="turtle" if fmt == "turtle" else "nt").encode()
        return ds.serialize(format=fmt).encode()

    def close(self) -> None:
        self._http.close()

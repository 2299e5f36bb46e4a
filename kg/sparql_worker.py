"""A query worker for `kg serve`: one process holding the Oxigraph store, answering over stdin/stdout.

Run as a script (`python kg/sparql_worker.py STORE read|write MAX_ROWS MAX_BYTES MAX_MB NETWORK`), so it
imports only pyoxigraph and starts in milliseconds. `kg serve` kills a worker whose query runs past the
time limit and starts a new one: killing a process is the only way to stop an Oxigraph query mid-flight.
Frames are 8-byte length + pickle, between two processes of ours.

Each worker also bounds itself: its address space (a query that builds huge strings or sorts a huge
join fails an allocation, and the process aborts; `kg serve` answers 503 and starts another), the bytes
of a result, and, unless the server allows SERVICE endpoints, the network (a seccomp filter refuses
internet sockets, so no query can make this process send a request anywhere). It dies with its parent.
"""

from __future__ import annotations

import ctypes
import json
import os
import pickle
import platform
import resource
import struct
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
GRAPH_TYPES = {"turtle": ("text/turtle; charset=utf-8", ox.RdfFormat.TURTLE),
               "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
               "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
               "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD)}


MEMORY_MESSAGE = ("query stopped: it needed more memory than this server allows a query; the server goes "
                  "on (narrow the query, or start kg serve with a higher --max-memory)")


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def read_frame(stream: BinaryIO) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    (n,) = struct.unpack(">Q", head)
    return pickle.loads(stream.read(n))


def write_frame(stream: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


# ---- terms


def term_tuple(t: Any) -> tuple | None:
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return ("u", t.value)
    if isinstance(t, ox.BlankNode):
        return ("b", t.value)
    if isinstance(t, ox.Literal):
        return ("l", t.value, t.datatype.value, t.language)
    return ("l", str(t), XSD_STRING, None)  # RDF-star triples: shown as text


def from_tuple(t: tuple) -> Any:
    if t[0] == "u":
        return ox.NamedNode(t[1])
    if t[0] == "b":
        return ox.BlankNode(t[1])
    if t[3]:
        return ox.Literal(t[1], language=t[3])
    return ox.Literal(t[1], datatype=ox.NamedNode(t[2]))


def json_term(t: Any) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "literal", "value": str(t)}


def xml_term(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def csv_cell(t: Any) -> str:
    if t is None:
        return ""
    v = f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value if hasattr(t, "value") else str(t)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def tsv_cell(t: Any) -> str:
    return "" if t is None else str(t).replace("\t", "\\t").replace("\n", "\\n")


def serialize_rows(variables: list[str], rows: list[list[Any]], fmt: str) -> bytes:
    if fmt == "json":
        bindings = [{v: json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
                    for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{xml_term(t)}</binding>"
                    for v, t in zip(variables, row, strict=True) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>")
        return "\n".join(out).encode()
    if fmt == "csv":
        lines = [",".join(variables)] + [",".join(csv_cell(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    lines = ["\t".join("?" + v for v in variables)] + ["\t".join(tsv_cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def serialize_boolean(value: bool, fmt: str) -> tuple[str, bytes]:
    if fmt == "xml":
        return RESULT_TYPES["xml"], (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                                     f"<head/><boolean>{str(value).lower()}</boolean></sparql>").encode()
    if fmt in ("csv", "tsv"):
        return RESULT_TYPES[fmt], f"{'true' if value else 'false'}\n".encode()
    return RESULT_TYPES["json"], json.dumps({"head": {}, "boolean": value}).encode()


# ---- the store


def fingerprint(path: Path) -> tuple:
    """Changes whenever Oxigraph writes (new or grown files): time to reopen the read-only view."""
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(path)))
    except OSError:
        return ()


class Worker:
    def __init__(self, location: str, mode: str, max_rows: int, max_bytes: int = 50_000_000) -> None:
        self.path, self.writable, self.max_rows = Path(location), mode == "write", max_rows
        self.max_bytes = max_bytes
        self.store: ox.Store | None = None
        self.seen: tuple = ()

    def open(self) -> ox.Store:
        if self.writable:
            if self.store is None:
                self.store = ox.Store(str(self.path))
            return self.store
        now = fingerprint(self.path)
        if self.store is None or now != self.seen:
            self.store = None
            self.store = ox.Store.read_only(str(self.path))
            self.seen = now
        return self.store

    def execute(self, req: dict) -> Any:
        """Run one request. A read-only view can trip over files a writer is replacing (manifest rolled,
        table compacted away): reopen and retry briefly, then say the store is busy."""
        for attempt in range(5):
            try:
                return self._execute(req)
            except (OSError, RuntimeError) as e:
                if self.writable or not _transient(e):
                    raise
                self.store, self.seen = None, ()
                time.sleep(0.05 * (attempt + 1))
        raise Refused(503, "store is busy: another kg process is writing to it; retry in a moment")

    def _execute(self, req: dict) -> Any:
        store = self.open()
        if req["op"] == "describe":
            return describe(store, req)
        if req["op"] == "labels":
            return labels(store, req)
        if req["op"] == "update":
            if not self.writable:
                raise Refused(403, "this server is read-only")
            store.update(req["update"])
            return {"ok": True}
        kw: dict[str, Any] = {}
        if req.get("default_graphs"):
            kw["default_graph"] = [ox.NamedNode(g) for g in req["default_graphs"]]
        else:
            kw["use_default_graph_as_union"] = True
        if req.get("named_graphs"):
            kw["named_graphs"] = [ox.NamedNode(g) for g in req["named_graphs"]]
        subs = {ox.Variable(k): from_tuple(v) for k, v in (req.get("bindings") or {}).items()}
        res = store.query(req["query"], substitutions=subs or None, **kw)
        limit = self.max_rows
        if isinstance(res, ox.QueryBoolean):
            value = bool(res)
            if req["op"] == "rows":
                return {"ok": True, "kind": "ask", "boolean": value}
            ctype, body = serialize_boolean(value, req["formats"][0])
            return {"ok": True, "content_type": ctype, "body": body}
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = []
            size = 0
            for sol in res:
                if len(rows) >= limit:
                    raise Refused(413, f"the result has more than {limit:,} rows, this server's limit "
                                       "(add LIMIT, or narrow the query)")
                row = [sol[v] for v in variables]
                size += sum(_size(t) for t in row)
                self._check_bytes(size)
                rows.append(row)
            if req["op"] == "rows":
                return {"ok": True, "kind": "select", "vars": variables,
                        "rows": [[term_tuple(t) for t in row] for row in rows]}
            fmt = next((f for f in req["formats"] if f in RESULT_TYPES), "json")
            body = serialize_rows(variables, rows, fmt)
            self._check_bytes(len(body))
            return {"ok": True, "content_type": RESULT_TYPES[fmt], "body": body}
        triples = []
        size = 0
        for t in res:
            if len(triples) >= limit:
                raise Refused(413, f"the result has more than {limit:,} triples, this server's limit "
                                   "(add LIMIT, or narrow the query)")
            size += _size(t.subject) + _size(t.predicate) + _size(t.object)
            self._check_bytes(size)
            triples.append(t)
        if req["op"] == "rows":
            return {"ok": True, "kind": "graph",
                    "triples": [(term_tuple(t.subject), term_tuple(t.predicate), term_tuple(t.object))
                                for t in triples]}
        fmt = next((f for f in req["formats"] if f in GRAPH_TYPES), "turtle")
        ctype, rdf_format = GRAPH_TYPES[fmt]
        body = ox.serialize(triples, format=rdf_format) or b""
        self._check_bytes(len(body))
        return {"ok": True, "content_type": ctype, "body": body}

    def _check_bytes(self, size: int) -> None:
        """Rows are capped in number and in bytes: a few rows of huge literals are as heavy as many."""
        if size > self.max_bytes:
            raise Refused(413, f"the result is over {self.max_bytes / 1e6:g} MB, this server's limit "
                               "(add LIMIT, select fewer or shorter values)")


# ---- resource pages: index lookups by subject or object (no SPARQL text; the IRI is a term, not text)


def describe(store: ox.Store, req: dict) -> dict:
    """The triples about one IRI (out: it is the subject; in: the object), each with the graphs that state
    it. A triple stated in many graphs (a council named in every document) counts once; at most `scan`
    quads are read each way, so a node every fact points at costs a bounded time."""
    node, scan = ox.NamedNode(req["iri"]), req.get("scan", 200_000)
    out: dict[tuple, list[str]] = {}
    incoming: dict[tuple, list[str]] = {}
    more = {"out": False, "in": False}
    ways = (("out", out, (node, None, None, None)), ("in", incoming, (None, None, node, None)))
    for key, found, pattern in ways:
        for n, q in enumerate(store.quads_for_pattern(*pattern)):
            if n >= scan:
                more[key] = True
                break
            triple = (term_tuple(q.predicate), term_tuple(q.object if key == "out" else q.subject))
            graphs = found.setdefault(triple, [])
            if len(graphs) < 20:  # a few graphs name where a triple is stated; the count says the rest
                graphs.append(q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "")
            else:
                graphs.append("")
    return {"ok": True, "out": [(p, o, g) for (p, o), g in out.items()],
            "in": [(p, s, g) for (p, s), g in incoming.items()], "more": more}


def labels(store: ox.Store, req: dict) -> dict:
    """For each IRI, the values of the label predicates (first found, in the order given) and its types."""
    preds = [ox.NamedNode(p) for p in req["predicates"]]
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    found: dict[str, dict] = {}
    for iri in req["iris"][:5000]:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            continue
        label = None
        for p in preds:
            for q in store.quads_for_pattern(node, p, None, None):
                label = q.object.value
                break
            if label is not None:
                break
        types = sorted({q.object.value for q in store.quads_for_pattern(node, rdf_type, None, None)
                        if isinstance(q.object, ox.NamedNode)})
        if label is not None or types:
            found[iri] = {"label": label, "types": types}
    return {"ok": True, "labels": found}


def _size(t: Any) -> int:
    return len(getattr(t, "value", "") or "") + 16  # 16: a term's share of the syntax around it


# ---- self-limits


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_memory(max_mb: int) -> None:
    """Room for `max_mb` more megabytes of address space than the process holds now (store open): an
    allocation beyond it fails, and Oxigraph aborts the process rather than grow it."""
    now = _vm_bytes()
    if max_mb > 0 and now:  # without /proc the baseline is unknown: no limit rather than a wrong one
        try:
            resource.setrlimit(resource.RLIMIT_AS, (now + max_mb * 2**20, resource.RLIM_INFINITY))
        except (ValueError, OSError):
            pass


# struct sock_filter instructions: refuse socket(AF_INET|AF_INET6) with EACCES, allow every other call.
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # AUDIT_ARCH, __NR_socket


def no_network() -> bool:
    """Install a seccomp filter so this process cannot open an internet socket (Linux x86-64 and arm64;
    elsewhere False, and the server's own SERVICE check is the only guard)."""
    arch = _ARCH.get(platform.machine())
    if arch is None or not sys.platform.startswith("linux"):
        return False

    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte),
                    ("k", ctypes.c_uint)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Filter))]

    ld, jeq, ret = 0x20, 0x15, 0x06
    code = [(ld, 0, 0, 4), (jeq, 0, 5, arch[0]), (ld, 0, 0, 0), (jeq, 0, 3, arch[1]), (ld, 0, 0, 16),
            (jeq, 2, 0, 2), (jeq, 1, 0, 10), (ret, 0, 0, 0x7FFF0000), (ret, 0, 0, 0x00050000 | 13)]
    filters = (Filter * len(code))(*[Filter(*c) for c in code])
    prog = Program(len(code), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS, required to install a filter unprivileged
        return False
    return libc.prctl(22, 2, ctypes.byref(prog), 0, 0) == 0  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER


def die_with_parent(parent: int | None = None, *, pdeathsig: bool = False) -> None:
    """Exit when the parent dies, however it dies (a query may be running: stdin closing is not enough).
    A thread watches the parent's pid; `pdeathsig` also asks Linux to kill us at once (PR_SET_PDEATHSIG),
    which fires when the *thread* that started us ends: only for children of a long-lived thread (not
    `kg serve`'s, whose request threads start workers)."""
    parent = parent or os.getppid()
    if pdeathsig and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG, SIGKILL
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    if os.getppid() != parent:  # it died before we were set to follow it
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _transient(e: BaseException) -> bool:
    text = str(e).lower()
    return any(w in text for w in ("no such file", "corruption", "io error", "manifest"))


def main(argv: list[str]) -> int:
    location, mode, max_rows = argv[1], argv[2], int(argv[3])
    max_bytes, max_mb, network = (int(argv[4]), int(argv[5]), argv[6] == "1") if len(argv) > 6 \
        else (50_000_000, 0, False)
    die_with_parent()
    if not network:
        no_network()
    worker = Worker(location, mode, max_rows, max_bytes)
    try:
        worker.open()  # the store's own memory counts as the baseline, not against the query's share
    except (OSError, RuntimeError):
        pass  # reported with the first query
    limit_memory(max_mb)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames on the pipe
    while True:
        try:
            req = read_frame(stdin)
        except EOFError:
            return 0
        try:
            resp = worker.execute(req)
        except Refused as e:
            resp = {"ok": False, "status": e.status, "message": str(e)}
        except SyntaxError as e:
            resp = {"ok": False, "status": 400, "message": f"SPARQL syntax error: {e}"}
        except MemoryError:
            resp = {"ok": False, "status": 503, "message": MEMORY_MESSAGE}
        except (OSError, RuntimeError, ValueError, TypeError) as e:
            if "lock" in str(e).lower():
                resp = {"ok": False, "status": 503,
                        "message": "store is busy: another kg process is writing to it; retry in a moment"}
            else:
                resp = {"ok": False, "status": 400 if isinstance(e, ValueError | TypeError) else 500,
                        "message": f"query failed: {e}"}
        write_frame(stdout, resp)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Graph views in the browser: self-contained pyvis (vis-network) HTML pages a person can read.

Views: a council overview, one node's neighbourhood (`focus`), the follow-up ledger (`followups`) and
the result of a SPARQL query (`query_view`). Every view is a networkx graph (nodes carry kind, label,
evidence) turned into a page by `render`: vis.js is inlined (pyvis' bundled copy, `in_line` mode) so
pages work offline; positions are computed here and physics is off (or bounded, for small graphs), so a
big page never hangs the browser; above the node budget nodes are grouped and the page says so.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.analytics import KIND_NAMES, KIND_RANK, find_council, load_graph, predicate_name, short
from kg.errors import QueryError
from kg.namespaces import CKG, DCTERMS, FOAF, ORG, RDF, RDFS, SCHEMA, SKOS
from kg.store import Store

DEFAULT_BUDGET = 1500
PHYSICS_MAX = 300  # below this many nodes a bounded vis.js stabilisation tidies the layout; above, none
STATIC = Path(__file__).parent / "static"

# kind -> (colour, vis shape, legend symbol)
STYLE: dict[str, tuple[str, str, str]] = {
    "council": ("#1b3a6b", "star", "★"),
    "committee": ("#2b7bb9", "hexagon", "⬢"),
    "meeting": ("#6baed6", "box", "▭"),
    "document": ("#9e9e9e", "box", "▭"),
    "councillor": ("#e6550d", "dot", "●"),
    "officer": ("#fd8d3c", "dot", "●"),
    "person": ("#fdd0a2", "dot", "●"),
    "post": ("#31a354", "diamond", "◆"),
    "group": ("#a1d99b", "dot", "●"),
    "contribution": ("#bdbdbd", "dot", "•"),
    "resolution": ("#636363", "square", "■"),
    "figure": ("#bcbddc", "triangleDown", "▼"),
    "indicator": ("#756bb1", "triangle", "▲"),
    "commitment": ("#e7298a", "square", "■"),
    "due": ("#fec44f", "ellipse", "●"),
    "resource": ("#8fa8c8", "dot", "●"),
    "grouped": ("#d9d9d9", "database", "⛁"),
}
STATUS_COLOUR = {"open": "#3182bd", "fulfilled": "#31a354", "overdue": "#de2d26", "unknown": "#969696"}
EXTRA_NAMES = {"due": "Due", "resource": "Other", "grouped": "Grouped nodes"}
OVERVIEW_KINDS = ("council", "committee", "meeting", "councillor", "officer", "person", "post", "group",
                  "indicator", "commitment")
# Links an overview leaves out: every fact points at its council, which would tie everything in one knot.
OVERVIEW_SKIP = {str(CKG.council), str(CKG.committee), str(ORG.postIn)}
LABEL_PREDICATES = {str(p) for p in (RDFS.label, SKOS.prefLabel, FOAF.name, DCTERMS.title, SCHEMA.name,
                                     CKG.text)}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind) or EXTRA_NAMES.get(kind, kind.capitalize())


@dataclass(frozen=True)
class Page:
    """What `write_view` wrote: where, how big, and what the page says about grouping."""

    path: Path
    title: str
    nodes: int  # nodes drawn (groups included)
    edges: int
    source_nodes: int  # nodes in the view before the budget applied
    grouped: int  # source nodes folded into groups
    notice: str
    bytes: int


# ---- views: each returns a networkx graph whose nodes have kind, label, evidence (+ status, facts)


def _add(view: nx.MultiDiGraph, g: nx.MultiDiGraph, n: str) -> None:
    if n not in view:
        view.add_node(n, **g.nodes[n])


def overview(store: Store, council: str | None = None) -> nx.MultiDiGraph:
    """Committees, meetings in date order, people, posts, indicators and commitments of one council."""
    from kg.analytics import council_part

    g = load_graph(store)
    councils = sorted(n for n, d in g.nodes(data=True) if d["kind"] == "council")
    if council is None and not councils:
        raise QueryError("the store holds no council yet", hint="run `kg ingest` first")
    if council is None and len(councils) > 1:  # every council, side by side
        part = g
        view = nx.MultiDiGraph(title=f"{len(councils)} councils: overview")
    else:
        start = find_council(g, council or councils[0])
        part = council_part(g, start)
        view = nx.MultiDiGraph(title=f"{g.nodes[start]['label']}: overview")
    for n, d in part.nodes(data=True):
        if d["kind"] in OVERVIEW_KINDS:
            view.add_node(n, **d)
    for s, o, key, d in part.edges(keys=True, data=True):
        if s in view and o in view and key not in OVERVIEW_SKIP:
            view.add_edge(s, o, key=key, **d)
    # Contributions and figures are too many to draw: they become "spoke at" / "discussed at" links.
    derived: Counter[tuple[str, str, str]] = Counter()
    doc_meeting = {s: o for s, o, k in part.edges(keys=True) if k == str(CKG.meeting)
                   and part.nodes[s]["kind"] == "document"}
    for n, d in part.nodes(data=True):
        outs = {k: o for _, o, k in part.out_edges(n, keys=True)}
        if d["kind"] == "contribution":
            meeting = outs.get(str(CKG.meeting))
            if meeting in view and outs.get(str(CKG.speaker)) in view:
                derived[(outs[str(CKG.speaker)], meeting, "spoke at")] += 1
            if meeting in view and outs.get(str(CKG.topic)) in view:
                derived[(outs[str(CKG.topic)], meeting, "discussed at")] += 1
        elif d["kind"] == "figure":
            ind = outs.get(str(CKG.indicator))
            meetings = {doc_meeting.get(e[1]) for e in d["evidence"]}
            for meeting in meetings:
                if ind in view and meeting in view:
                    derived[(ind, meeting, "reported at")] += 1
    for (s, o, label), n in derived.items():
        view.add_edge(s, o, key=label, label=label, count=n)
    for n, d in list(view.nodes(data=True)):  # keep every node attached to its council
        if view.degree(n) == 0 and d["kind"] not in ("indicator", "council"):
            owner = next((o for o in part.successors(n) if part.nodes[o]["kind"] == "council"), None)
            if owner in view:
                view.add_edge(n, owner, key="of", label="of")
    view.remove_nodes_from([n for n, d in list(view.nodes(data=True)) if d["kind"] == "indicator"
                            and view.degree(n) == 0])
    _chain_meetings(view)
    for n, d in view.nodes(data=True):  # in a committee's lane a meeting is named by its date
        if d["kind"] == "meeting" and ", " in d["label"]:
            view.nodes[n]["facts"] = [f"Meeting of {d['label'].rsplit(', ', 1)[0]}"]
            view.nodes[n]["label"] = d["label"].rsplit(", ", 1)[1]
    return view


def _meeting_key(d: Mapping) -> tuple[str, str, str]:
    return (d.get("date") or "", d.get("period") or "", d.get("label") or "")


def _chain_meetings(view: nx.MultiDiGraph) -> None:
    """Meetings of a committee, linked 'then' in date order, so the order shows in the drawing."""
    for committee in [n for n, d in view.nodes(data=True) if d["kind"] == "committee"]:
        for a, b in zip(*(lambda ms: (ms, ms[1:]))(_meetings_of(view, committee)), strict=False):
            view.add_edge(a, b, key="then", label="then", dashes=True)


def _meetings_of(view: nx.MultiDiGraph, committee: str) -> list[str]:
    ms = [s for s, _, k in view.in_edges(committee, keys=True) if view.nodes[s]["kind"] == "meeting"
          and k == str(SCHEMA.organizer)]
    return sorted(ms, key=lambda m: _meeting_key(view.nodes[m]))


def find_node(g: nx.MultiDiGraph, wanted: str) -> str:
    """A node by IRI, or by label (exact, then a unique part of it)."""
    w = wanted.strip().strip("<>")
    if w in g:
        return w
    low = w.lower()
    facts = ("contribution", "figure", "resolution", "document")
    tiers = (lambda label: label == low, lambda label: label.startswith(low), lambda label: low in label)
    part: list[str] = []
    for match in tiers:  # exact, then the start of a name, then any part; things before facts about them
        part = [n for n, d in g.nodes(data=True) if match(d["label"].lower())]
        things = [n for n in part if g.nodes[n]["kind"] not in facts]
        if len(part) == 1 or len(things) == 1:
            return part[0] if len(part) == 1 else things[0]
        if part:
            break
    if not part:
        raise QueryError(f"nothing in the graph is called '{wanted}'",
                         hint="give a name, title or IRI as `kg query people` or `kg query posts` shows it")
    ranked = sorted(part, key=lambda n: (KIND_RANK.index(g.nodes[n]["kind"]), g.nodes[n]["label"]))
    some = "; ".join(f"{g.nodes[n]['label']} ({kind_name(g.nodes[n]['kind'])})" for n in ranked[:5])
    raise QueryError(f"'{wanted}' matches {len(part)} nodes", hint=f"be more precise or give an IRI: {some}")


def focus(store: Store, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """One person, post, committee, indicator or commitment and its neighbourhood to `depth` links."""
    if depth < 1:
        raise QueryError(f"--depth must be 1 or more, not {depth}")
    g = load_graph(store)
    centre = find_node(g, node)
    near = nx.ego_graph(g.to_undirected(as_view=True), centre, radius=depth)
    view = nx.MultiDiGraph(g.subgraph(near.nodes).copy(),
                           title=f"{g.nodes[centre]['label']}: {depth} link{'s' if depth > 1 else ''} around")
    view.graph["centre"] = centre
    return view


def followups(store: Store) -> nx.MultiDiGraph:
    """The commitment ledger: meeting -made-> commitment -due-> when, -fulfilled by-> document."""
    from kg.query import run

    g = load_graph(store, evidence=False)
    view = nx.MultiDiGraph(title="Follow-ups: commitments made, when due, and how they stand")
    rows = run(store, "commitments").rows
    seen: set[str] = set()
    for r in rows:
        c = str(r["commitment"])
        if c in seen:
            continue
        seen.add(c)
        status = str(r.get("status") or "unknown")
        doc = str(r.get("document") or "")
        quote = str(r.get("quote") or r.get("text") or "")
        title = g.nodes[doc]["label"] if doc in g else short(doc)
        facts = [f"Status: {status}"]
        if r.get("due_text") or r.get("due_date"):
            facts.append(f"Due: {r.get('due_text') or ''} {r.get('due_date') or ''}".strip())
        if r.get("fulfilment_quote"):
            facts.append(f"Fulfilled: “{r['fulfilment_quote']}”")
        view.add_node(c, kind="commitment", label=str(r.get("text") or short(c)), status=status, facts=facts,
                      evidence=[(quote, doc, title)], column=1)
        for key, col, label in (("meeting", 0, "made"), ("actor", -1, "promised")):
            if r.get(key):
                n = str(r[key])
                d = g.nodes[n] if n in g else {"kind": "resource", "evidence": [],
                                               "label": str(r.get("actor_label") or short(n))}
                view.add_node(n, **{**d, "column": col})
                if label == "made":
                    view.add_edge(n, c, key=label, label=label)
                else:
                    view.add_edge(n, c, key=label, label=label)
        due = _due_label(r)
        if due:
            dn = f"due:{due}"
            view.add_node(dn, kind="due", label=due, evidence=[], column=2, date=str(r.get("due_date") or ""))
            view.add_edge(c, dn, key="due", label="due")
        if r.get("fulfilled_by"):
            f = str(r["fulfilled_by"])
            d = g.nodes[f] if f in g else {"kind": "document", "label": short(f), "evidence": []}
            view.add_node(f, **{**d, "column": 3})
            view.add_edge(dn if due else c, f, key="fulfilled by", label="fulfilled by")
    return view


def _due_label(r: Mapping[str, Identifier]) -> str:
    if r.get("due_date"):
        return f"due {r['due_date']}"
    if r.get("due_text"):
        return str(r["due_text"])
    kind = str(r.get("due_kind") or "")
    return kind.replace("_", " ") if kind and kind != "none" else ""


def query_view(store: Store, spec: str,
               params: Mapping[str, Identifier | str] | None = None) -> nx.MultiDiGraph:
    """A CONSTRUCT result (or a SELECT of ?s ?p ?o) as triples; any other SELECT as one star per row:
    the row's first IRI linked to its other IRIs; `X_label` names X; `quote` and `document` are evidence."""
    from kg.query import resolve, run

    q = resolve(spec)
    res = run(store, q, params)
    known = load_graph(store, evidence=False)
    view = nx.MultiDiGraph(title=f"Query: {q.name}" + (f" ({q.description})" if q.description else ""))

    def node(term: Identifier) -> str:
        n = str(term)
        if n not in view:
            d = known.nodes[n] if n in known else {"kind": "resource", "label": short(n) or n, "evidence": []}
            view.add_node(n, **{**d, "evidence": list(d.get("evidence", [])), "facts": []})
        return n

    if res.kind == "ask":
        raise QueryError("an ASK query answers yes or no: there is no graph to draw", hint="use `kg query`")
    triples = []
    if res.kind == "graph" and res.graph is not None:
        triples = list(res.graph)
    elif {"s", "p", "o"} <= set(res.variables):
        triples = [(r["s"], r["p"], r["o"]) for r in res.rows if {"s", "p", "o"} <= set(r)]
    if triples or res.kind == "graph":
        for s, p, o in triples:
            sn = node(s)
            if isinstance(o, URIRef | BNode):
                if p == RDF.type:
                    if view.nodes[sn]["kind"] == "resource":
                        view.nodes[sn]["facts"].append(f"Type: {short(str(o))}")
                    continue
                view.add_edge(sn, node(o), key=str(p), label=predicate_name(str(p)))
            elif str(p) in LABEL_PREDICATES and view.nodes[sn]["label"] == short(sn):
                view.nodes[sn]["label"] = str(o)
            elif len(view.nodes[sn]["facts"]) < 8:
                view.nodes[sn]["facts"].append(f"{predicate_name(str(p))}: {o}")
        return view
    evidence_cols = "quote" in res.variables  # then `document` is where the quote is from, not a node
    for r in res.rows:
        iris = [v for v in res.variables if isinstance(r.get(v), URIRef | BNode)
                and not (evidence_cols and v == "document")]
        if not iris:
            continue
        main = node(r[iris[0]])
        for v in iris[1:]:
            other = node(r[v])
            if other != main:
                view.add_edge(main, other, key=v, label=v.replace("_", " "))
        for v in res.variables:
            val = r.get(v)
            if not isinstance(val, Literal):
                continue
            base = v.removesuffix("_label")
            if v.endswith("_label") and isinstance(r.get(base), URIRef):
                view.nodes[str(r[base])]["label"] = str(val)
            elif v == "quote" and r.get("document"):
                doc = str(r["document"])
                title = known.nodes[doc]["label"] if doc in known else short(doc)
                ev = (str(val), doc, title)
                if ev not in view.nodes[main]["evidence"]:
                    view.nodes[main]["evidence"].append(ev)
            elif len(view.nodes[main]["facts"]) < 8 and v != "quote":
                fact = f"{v.replace('_', ' ')}: {val}"
                if fact not in view.nodes[main]["facts"]:
                    view.nodes[main]["facts"].append(fact)
    return view


# ---- the node budget


def apply_budget(view: nx.MultiDiGraph, budget: int = DEFAULT_BUDGET) -> tuple[nx.MultiDiGraph, int, str]:
    """Keep the best-connected `budget` nodes; fold the rest into grey group nodes, one per kind and shown
    neighbour (or per kind, if that is still too many). Returns the graph, how many were folded, a notice."""
    n = view.number_of_nodes()
    if n <= budget:
        return view, 0, ""
    reserve = max(1, min(200, budget // 10))
    degree = dict(view.degree())
    centre = view.graph.get("centre")
    order = sorted(view.nodes, key=lambda x: (x != centre, _kind_rank(view.nodes[x]["kind"]), -degree[x], x))
    keep = set(order[: budget - reserve])
    rest = [x for x in view.nodes if x not in keep]
    undirected = view.to_undirected(as_view=True)

    def anchor(x: str) -> str | None:
        kept = [m for m in undirected.neighbors(x) if m in keep]
        return max(kept, key=lambda m: (degree[m], m)) if kept else None

    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for x in rest:
        groups[(view.nodes[x]["kind"], anchor(x))].append(x)
    if len(groups) > reserve:  # the biggest groups stay; the small ones merge into one group per kind
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0], kv[0][1] or ""))
        kinds = {k for (k, _), _ in ranked}
        groups = defaultdict(list, dict(ranked[: max(0, reserve - len(kinds))]))
        for (kind, _), members in ranked[max(0, reserve - len(kinds)):]:
            groups[(kind, None)].extend(members)
    out = nx.MultiDiGraph(view.subgraph(keep).copy())
    for i, ((kind, at), members) in enumerate(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0]))):
        gid = f"group:{i}"
        names = sorted(view.nodes[m]["label"] for m in members)
        where = f" near {view.nodes[at]['label']}" if at else ""
        out.add_node(gid, kind="grouped", label=f"{len(members)} × {kind_name(kind)}",
                     facts=[f"{len(members)} {kind_name(kind).lower()} nodes grouped{where}",
                            "Among them: " + "; ".join(names[:8]) + (" …" if len(names) > 8 else "")],
                     evidence=[], size=min(60, 12 + 3 * math.sqrt(len(members))), members=len(members))
        if at:
            out.add_edge(gid, at, key="grouped", label="")
    notice = (f"This view has {n:,} nodes, more than the budget of {budget:,}: the {len(keep):,} "
              f"best-connected are drawn and the other {len(rest):,} are folded into {len(groups):,} "
              "grey group nodes "
              f"(by type{' and nearest drawn node' if any(at for _, at in groups) else ''}). "
              "Use --focus, --council or a narrower --query to see them, or raise --budget.")
    return out, len(rest), notice


# Which kinds a crowded view keeps first: the structure and the actors, then the facts.
PRIORITY = ("council", "committee", "meeting", "post", "councillor", "officer", "person", "group",
            "indicator", "commitment", "due", "resolution", "document", "contribution", "figure",
            "resource", "grouped")


def _kind_rank(kind: str) -> int:
    return PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY)


# ---- layout: positions computed here, so the browser never runs an unbounded simulation


def layout(view: nx.MultiDiGraph,
           fixed: Mapping[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Fixed positions kept; a core of hubs laid out with a spring model; every other node placed on a
    small circle round the neighbour that reached it first (linear in size, deterministic)."""
    und = nx.Graph(view.to_undirected(as_view=True))
    pos: dict[str, tuple[float, float]] = dict(fixed or {})
    if not pos and len(und):
        core_n = min(len(und), 120)
        centre = view.graph.get("centre")
        core = sorted(und.nodes, key=lambda x: (x != centre, _kind_rank(view.nodes[x]["kind"]),
                                                -und.degree(x), x))[:core_n]
        sub = und.subgraph(core)
        scale = 140 * math.sqrt(len(core))
        if len(core) == 1:
            pos[core[0]] = (0.0, 0.0)
        else:
            pos.update({k: (float(v[0]), float(v[1])) for k, v in
                        nx.spring_layout(sub, seed=7, scale=scale, iterations=60).items()})
    frontier = list(pos)
    placed = set(pos)
    while frontier:
        nxt = []
        for p in frontier:
            kids = sorted((m for m in und.neighbors(p) if m not in placed),
                          key=lambda m: (view.nodes[m]["kind"], m))
            if not kids:
                continue
            r = 110 + 28 * math.sqrt(len(kids))
            px, py = pos[p]
            for i, m in enumerate(kids):
                a = 2 * math.pi * i / len(kids) + 0.3
                ring = r * (1 + 0.35 * (i % 3))
                pos[m] = (px + ring * math.cos(a), py + ring * math.sin(a))
                placed.add(m)
                nxt.append(m)
        frontier = nxt
    # Whatever is not connected to the core goes in a grid below it.
    rest = [x for x in und.nodes if x not in placed]
    if rest:
        bottom = max((y for _, y in pos.values()), default=0) + 200
        width = max(1, int(math.sqrt(len(rest))))
        for i, x in enumerate(rest):
            pos[x] = (120.0 * (i % width), bottom + 120.0 * (i // width))
    return pos


def _lanes(view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Overview: the council on the left, one lane per committee, its meetings left to right by date."""
    fixed: dict[str, tuple[float, float]] = {}
    committees = sorted((n for n, d in view.nodes(data=True) if d["kind"] == "committee"),
                        key=lambda n: view.nodes[n]["label"])
    councils = [n for n, d in view.nodes(data=True) if d["kind"] == "council"]
    lane = 600.0
    for i, k in enumerate(committees):
        y = i * lane
        fixed[k] = (0.0, y)
        for j, m in enumerate(_meetings_of(view, k)):
            fixed[m] = (480.0 * (j + 1), y)
    for i, c in enumerate(sorted(councils)):
        mine = [k for k in committees if c in {o for _, o in view.out_edges(k)}]
        ys = [fixed[k][1] for k in mine] or [i * lane]
        fixed[c] = (-420.0, sum(ys) / len(ys))
    return fixed


def _columns(view: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Follow-ups: actors, meetings, commitments, due, fulfilled-by documents in columns."""
    cols: dict[int, list[str]] = defaultdict(list)
    for n, d in view.nodes(data=True):
        cols[d.get("column", 1)].append(n)
    fixed = {}
    for col, members in cols.items():
        members.sort(key=lambda n: (_meeting_key(view.nodes[n]), n))
        step = 90.0 if col == 1 else max(90.0, 90.0 * len(cols.get(1, [])) / max(1, len(members)))
        for i, n in enumerate(members):
            fixed[n] = (col * 420.0, i * step)
    return fixed


# ---- rendering


def tooltip(d: Mapping) -> str:
    """Plain text (vis.js shows a string title as text, never HTML): type, label, facts, evidence."""
    lines = [f"{kind_name(d['kind'])}: {d['label']}"]
    lines += list(d.get("facts", []))
    if d.get("date") and d["kind"] in ("meeting", "due"):
        lines.append(f"Date: {d['date']}")
    elif d.get("period") and d["kind"] == "meeting":
        lines.append(f"Period: {d['period']}")
    for quote, doc, title in list(d.get("evidence", []))[:2]:
        q = quote if len(quote) <= 400 else quote[:400] + "…"
        lines.append(f"“{q}”")
        lines.append(f"    from {title or short(doc)}")
    return "\n".join(lines)


def _label(text: str, limit: int = 42) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def vis_data(view: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]], *, fixed: set[str],
             by_status: bool) -> tuple[list[dict], list[dict]]:
    """The vis.js node and edge lists, built directly (pyvis' add_edge scans lists: quadratic)."""
    nodes = []
    centre = view.graph.get("centre")
    for n, d in view.nodes(data=True):
        colour, shape, _ = STYLE.get(d["kind"], STYLE["resource"])
        if by_status and d["kind"] == "commitment":
            colour = STATUS_COLOUR.get(d.get("status", "unknown"), STATUS_COLOUR["unknown"])
        x, y = pos.get(n, (0.0, 0.0))
        item = {"id": n, "label": _label(d["label"]), "title": tooltip(d), "color": colour, "shape": shape,
                "kind": d["kind"], "x": round(x, 1), "y": round(y, 1)}
        if shape in ("box", "ellipse", "database"):
            item["font"] = {"color": "#ffffff" if d["kind"] in ("council", "committee") else "#111111"}
        if d.get("size"):
            item["size"] = d["size"]
        if n == centre:
            item.update(size=34, borderWidth=4, font={"size": 20, "bold": True})
        if n in fixed:
            item["fixed"] = True
        nodes.append(item)
    edges = []
    for s, o, d in view.edges(data=True):
        e = {"from": s, "to": o, "label": d.get("label", ""), "arrows": "to"}
        if d.get("count", 1) > 1:
            e["value"] = d["count"]
            e["title"] = f"{d.get('label', '')}: {d['count']} times"
        if d.get("dashes"):
            e["dashes"] = True
        edges.append(e)
    return nodes, edges


def _environment() -> Environment:
    import pyvis

    # Our template, with pyvis' bundled vis-network (the files its own in_line mode inlines).
    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    loader = ChoiceLoader([FileSystemLoader(str(STATIC)), FileSystemLoader(str(pyvis_templates))])
    return Environment(loader=loader,
                       autoescape=select_autoescape(default=True, default_for_string=True))


def render(view: nx.MultiDiGraph, *, budget: int = DEFAULT_BUDGET, subtitle: str = "",
           fixed: Mapping[str, tuple[float, float]] | None = None, by_status: bool = False,
           links: list[tuple[str, str]] | None = None) -> tuple[str, dict]:
    """One self-contained HTML page for a view, and facts about it (counts, grouping notice)."""
    from pyvis.network import Network

    source_nodes = view.number_of_nodes()
    shown, grouped, notice = apply_budget(view, budget)
    fixed = {k: v for k, v in (fixed or {}).items() if k in shown}
    pos = layout(shown, fixed)
    nodes, edges = vis_data(shown, pos, fixed=set(fixed), by_status=by_status)
    big = len(nodes) > PHYSICS_MAX
    net = Network(cdn_resources="in_line", directed=True, height="100%", width="100%")
    net.nodes, net.edges = nodes, edges  # filled directly: Network.add_edge is quadratic
    net.options = {
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 150,
                                         "avoidOverlap": 0.6},
                    "stabilization": {"enabled": not big, "iterations": 150, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        "edges": {"smooth": False if big else {"type": "continuous"}, "font": {"size": 10, "align": "middle"},
                  "color": {"color": "#9aa5b1", "highlight": "#333333"},
                  "scaling": {"min": 1, "max": 6, "label": {"enabled": False}}},
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "size": 16, "borderWidth": 1},
        "layout": {"improvedLayout": False},
    }
    kinds = Counter(d["kind"] for _, d in shown.nodes(data=True))
    legend = [{"label": kind_name(k), "color": STYLE.get(k, STYLE["resource"])[0],
               "symbol": STYLE.get(k, STYLE["resource"])[2], "count": kinds[k]}
              for k in sorted(kinds, key=lambda k: (_kind_rank(k), k))
              if not (by_status and k == "commitment")]
    if by_status:
        statuses = Counter(d.get("status", "unknown") for _, d in shown.nodes(data=True)
                           if d["kind"] == "commitment")
        legend += [{"label": f"Commitment: {s}", "color": STATUS_COLOUR.get(s, STATUS_COLOUR["unknown"]),
                    "symbol": "■", "count": statuses[s]} for s in STATUS_COLOUR if statuses[s]]
    title = view.graph.get("title", "council-kg")
    meta = {"title": title, "nodes": len(nodes), "edges": len(edges), "source_nodes": source_nodes,
            "grouped": grouped, "budget": budget, "notice": notice, "physics": not big}
    html = _environment().get_template("viz.html.j2").render(
        title=title, subtitle=subtitle, notice=notice, legend=legend, nodes=net.nodes, edges=net.edges,
        options=net.options, physics=not big, meta=meta, links=links or [],
        empty=not nodes, generated=dt.datetime.now().strftime("%-d %B %Y %H:%M"))
    return html, meta


def build(store: Store, *, council: str | None = None, focus_node: str | None = None, depth: int = 1,
          show_followups: bool = False, query: str | None = None,
          params: Mapping[str, Identifier | str] | None = None,
          budget: int = DEFAULT_BUDGET) -> tuple[str, dict]:
    """Pick the view the options ask for and render it: (html, facts)."""
    chosen = [x for x in (focus_node, query) if x] + (["followups"] if show_followups else [])
    if len(chosen) > 1:
        raise QueryError("choose one view: --focus, --followups or --query",
                         hint="run `kg viz` once per view")
    if budget < 10:
        raise QueryError(f"--budget must be at least 10, not {budget}")
    if focus_node:
        view = focus(store, focus_node, depth)
        return render(view, budget=budget,
                      subtitle="The centre is drawn large; hover a node for its evidence.")
    if show_followups:
        view = followups(store)
        sub = (f"{sum(1 for _, d in view.nodes(data=True) if d['kind'] == 'commitment')} commitments, "
               "coloured by their latest status.")
        return render(view, budget=budget, subtitle=sub, fixed=_columns(view), by_status=True)
    if query:
        view = query_view(store, query, params)
        return render(view, budget=budget,
                      subtitle=f"{view.number_of_nodes()} nodes from the query's result.")
    view = overview(store, council)
    sub = "Committees in lanes, their meetings left to right in date order; hover a node for its evidence."
    return render(view, budget=budget, subtitle=sub, fixed=_lanes(view))


def write_view(store: Store, output: Path | None = None, **options: object) -> Page:
    """Build the view the options ask for (see `build`) and write it to `output`: an .html file, or a
    folder to write VIEW.html into."""
    html, meta = build(store, **options)  # type: ignore[arg-type]
    name = ("followups-graph" if options.get("show_followups") else "focus" if options.get("focus_node")
            else "query" if options.get("query") else "overview")
    path = Path(output) if output else Path("out") / f"{name}.html"
    if path.is_dir() or path.suffix.lower() not in (".html", ".htm"):  # a folder
        path = path / f"{name}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = html.encode("utf-8")
    path.write_bytes(data)
    return Page(path, meta["title"], meta["nodes"], meta["edges"], meta["source_nodes"], meta["grouped"],
                meta["notice"], len(data))


def meta_json(meta: Mapping) -> str:
    return json.dumps(meta, ensure_ascii=False)


def synthetic_view(n: int = 20_000, seed: int = 7) -> nx.MultiDiGraph:
    """A council-shaped graph of about `n` nodes (the benchmark and the big-page browser test draw it):
    councils > committees > meetings, people and posts speaking at them, figures on indicators."""
    import random

    rnd = random.Random(seed)
    view = nx.MultiDiGraph(title=f"Synthetic graph of {n:,} nodes")

    def add(node: str, kind: str, label: str) -> str:
        view.add_node(node, kind=kind, label=label, facts=[],
                      evidence=[(f"{label} was minuted here (synthetic quote {len(view)}).", "urn:doc:0",
                                 "Synthetic minutes")])
        return node

    indicators = [add(f"urn:i:{i}", "indicator", f"Indicator {i}") for i in range(60)]
    councils = [add(f"urn:c:{i}", "council", f"Council {i}") for i in range(5)]
    meetings, speakers = [], []
    for c in councils:
        for k in range(6):
            com = add(f"{c}:k{k}", "committee", f"Committee {k} of {view.nodes[c]['label']}")
            view.add_edge(com, c, key="unitOf", label="unit of")
            for m in range(12):
                mt = add(f"{com}:m{m}", "meeting", f"Meeting {m + 1}")
                view.add_edge(mt, com, key="organizer", label="organizer")
                meetings.append(mt)
        for p in range(120):
            sp = add(f"{c}:p{p}", rnd.choice(("councillor", "officer", "post")), f"Speaker {p} ({c[-1]})")
            view.add_edge(sp, c, key="council", label="council")
            speakers.append(sp)
    i = 0
    while view.number_of_nodes() < n:
        mt = rnd.choice(meetings)
        kind = "contribution" if i % 3 else "figure"
        node = add(f"urn:f:{i}", kind, f"{kind} {i}")
        view.add_edge(node, mt, key="meeting", label="meeting")
        if kind == "contribution":
            view.add_edge(node, rnd.choice(speakers), key="speaker", label="speaker")
        view.add_edge(node, rnd.choice(indicators), key="topic", label="topic")
        i += 1
    return view

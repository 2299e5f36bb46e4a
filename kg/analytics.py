"""Network analytics over the graph with networkx: library functions returning plain data (dicts, lists).

`load_graph` turns the store into one networkx graph of the things a person cares about (councils,
committees, meetings, documents, people, posts, contributions, figures, indicators, commitments), with
each node's kind, label, date and evidence as attributes. `kg viz` draws the same graph; `kg stats` and
the notebooks summarise it. Only links between resources are loaded, never literals (smaller, faster).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import networkx as nx
from rdflib import URIRef
from rdflib.term import Identifier

from kg.errors import QueryError
from kg.namespaces import CKG, DCTERMS, FOAF, ORG, QB, RDFS, SCHEMA, SKOS
from kg.query import internal
from kg.store import Store

# Most specific type first: a node typed foaf:Person and ckg:Councillor is a councillor.
KIND_OF_TYPE: dict[str, str] = {
    str(CKG.Councillor): "councillor", str(CKG.Officer): "officer", str(CKG.OtherPerson): "person",
    str(FOAF.Person): "person", str(CKG.Council): "council", str(CKG.Committee): "committee",
    str(CKG.Meeting): "meeting", str(CKG.Document): "document", str(ORG.Post): "post",
    str(CKG.SpeakerGroup): "group", str(CKG.Contribution): "contribution", str(CKG.Resolution): "resolution",
    str(QB.Observation): "figure", str(CKG.Indicator): "indicator", str(CKG.Commitment): "commitment",
}
KIND_RANK = list(dict.fromkeys(KIND_OF_TYPE.values()))
KIND_NAMES: dict[str, str] = {
    "council": "Council", "committee": "Committee", "meeting": "Meeting", "document": "Document",
    "councillor": "Councillor", "officer": "Officer", "person": "Person", "post": "Post",
    "group": "Speaker group", "contribution": "Contribution", "resolution": "Resolution", "figure": "Figure",
    "indicator": "Indicator", "commitment": "Commitment",
}
SPEAKER_KINDS = ("councillor", "officer", "person", "post", "group")
# A node's label: its name, else its preferred label, title, text; a document's file name last.
LABEL_ORDER = tuple(str(p) for p in (FOAF.name, SKOS.prefLabel, RDFS.label, DCTERMS.title, SCHEMA.name,
                                     CKG.text, CKG.sourceFile))
# Shared hubs: an overview of one council reaches its indicators but does not walk through them.
SHARED_KINDS = ("indicator", "council")


def short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def predicate_name(iri: str) -> str:
    """ckg:heldPost -> 'held post': edge labels a person can read."""
    name = short(iri)
    out = "".join(" " + c.lower() if c.isupper() else c for c in name).strip()
    return out.replace("_", " ")


@dataclass
class Evidence:
    quote: str
    document: str
    title: str = ""


@dataclass
class NodeInfo:
    kind: str
    label: str
    date: str = ""
    period: str = ""
    evidence: list[Evidence] = field(default_factory=list)


def _s(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def load_graph(store: Store, *, council: str | None = None, evidence: bool = True,
               progress: Callable[[str, int, int | None], None] | None = None) -> nx.MultiDiGraph:
    """The store as a MultiDiGraph: node = IRI with attributes kind, label, date, period, evidence;
    edge key = predicate IRI with attribute `label`. `council` (IRI or name) keeps that council's part.
    `progress(step, done, total)` hears of each of the four queries."""
    def step(done: int) -> None:
        if progress:
            progress("reading the store", done, 4)

    info: dict[str, NodeInfo] = {}
    step(0)
    for row in store.query(internal("viz-nodes")).rows:
        node, kind = _s(row.get("node")), KIND_OF_TYPE.get(_s(row.get("type")), "")
        if not node or not kind:
            continue
        cur = info.get(node)
        if cur is None:
            info[node] = NodeInfo(kind, "")
        elif KIND_RANK.index(kind) < KIND_RANK.index(cur.kind):
            cur.kind = kind
    labels: dict[str, dict[str, str]] = {}
    step(1)
    for row in store.query(internal("viz-labels")).rows:
        node = _s(row.get("node"))
        if node in info:
            labels.setdefault(node, {}).setdefault(_s(row.get("p")), _s(row.get("value")))
    for node, props in labels.items():
        n = info[node]
        n.label = next((props[p] for p in LABEL_ORDER if props.get(p)), "")
        n.date, n.period = props.get(str(SCHEMA.startDate), ""), props.get(str(CKG.periodLabel), "")
        if n.kind == "contribution" and not n.label:
            n.label = props.get(str(CKG.kind), "")
    step(2)
    if evidence:
        for row in store.query(internal("viz-evidence")).rows:
            node, doc = info.get(_s(row.get("node"))), _s(row.get("document"))
            if node is not None and len(node.evidence) < 3:
                title = info[doc].label if doc in info else ""
                node.evidence.append(Evidence(_s(row.get("quote")), doc, title))
    g = nx.MultiDiGraph()
    for iri, n in info.items():
        g.add_node(iri, kind=n.kind, label=n.label or short(iri), date=n.date, period=n.period,
                   evidence=[(e.quote, e.document, e.title) for e in n.evidence])
    step(3)
    for row in store.query(internal("viz-links")).rows:
        s, p, o = _s(row.get("s")), _s(row.get("p")), _s(row.get("o"))
        if s in info and o in info and s != o:
            g.add_edge(s, o, key=p, label=predicate_name(p))
    # Facts have no names of their own: "question by Councillor Smith", "figure on Attainment 8".
    for n, d in g.nodes(data=True):
        if d["kind"] == "contribution" and (sp := _first(g, n, CKG.speaker)):
            d["label"] = f"{d['label'] or 'contribution'} by {g.nodes[sp]['label']}"
        elif d["kind"] == "figure" and (ind := _first(g, n, CKG.indicator)):
            d["label"] = f"figure on {g.nodes[ind]['label']}"
    # Scheme indicators and reference councils no document mentions are not part of the story.
    g.remove_nodes_from([n for n, d in g.nodes(data=True) if d["kind"] in SHARED_KINDS and g.degree(n) == 0])
    step(4)
    if council:
        g = council_part(g, council)
    return g


def find_council(g: nx.MultiDiGraph, council: str) -> str:
    wanted = council.strip().lower()
    councils = {n: d["label"] for n, d in g.nodes(data=True) if d["kind"] == "council"}
    for n, label in councils.items():
        if wanted in (n.lower(), label.lower()):
            return n
    hits = [n for n, label in councils.items() if wanted in label.lower()]
    if len(hits) == 1:
        return hits[0]
    known = ", ".join(sorted(councils.values())) or "none yet"
    raise QueryError(f"no single council matches '{council}'", hint=f"councils in the store: {known}")


def council_part(g: nx.MultiDiGraph, council: str) -> nx.MultiDiGraph:
    """The nodes reachable from one council without walking through shared hubs (indicators, councils)."""
    start = find_council(g, council)
    undirected = g.to_undirected(as_view=True)
    seen, todo = {start}, [start]
    while todo:
        n = todo.pop()
        for m in undirected.neighbors(n):
            if m in seen:
                continue
            seen.add(m)
            if g.nodes[m]["kind"] not in SHARED_KINDS:
                todo.append(m)
    return g.subgraph(seen).copy()


# ---- derived networks


def _first(g: nx.MultiDiGraph, node: str, predicate: URIRef,
           kinds: Iterable[str] | None = None) -> str | None:
    for _, o, key in g.out_edges(node, keys=True):
        if key == str(predicate) and (kinds is None or g.nodes[o]["kind"] in kinds):
            return o
    return None


def contribution_network(g: nx.MultiDiGraph) -> nx.Graph:
    """Speakers (people, posts, groups) linked when one answers or follows up the other; node attribute
    `contributions` counts what each said, edge `weight` counts exchanges."""
    net = nx.Graph()
    speaker_of: dict[str, str] = {}
    for n, d in g.nodes(data=True):
        if d["kind"] != "contribution":
            continue
        sp = _first(g, n, CKG.speaker, SPEAKER_KINDS)
        if sp:
            speaker_of[n] = sp
            if sp not in net:
                net.add_node(sp, kind=g.nodes[sp]["kind"], label=g.nodes[sp]["label"], contributions=0)
            net.nodes[sp]["contributions"] += 1
    for c, sp in speaker_of.items():
        target = _first(g, c, CKG.respondsTo)
        other = speaker_of.get(target or "")
        if other and other != sp:
            w = net.get_edge_data(sp, other, {}).get("weight", 0)
            net.add_edge(sp, other, weight=w + 1)
    return net


def counts_by_type(g: nx.MultiDiGraph) -> dict[str, int]:
    c = Counter(KIND_NAMES[d["kind"]] for _, d in g.nodes(data=True))
    return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def most_active(g: nx.MultiDiGraph, top: int = 10, kinds: Iterable[str] = SPEAKER_KINDS) -> list[dict]:
    """Speakers ranked by how much they said, then by degree and betweenness on the contribution network."""
    net = contribution_network(g)
    kinds = tuple(kinds)
    if net.number_of_nodes() == 0:
        return []
    # Exact betweenness is slow past a few thousand nodes; a fixed-seed sample keeps it bounded.
    k = None if net.number_of_nodes() <= 2000 else 500
    between = nx.betweenness_centrality(net, k=k, seed=7, normalized=True)
    rows = [{"node": n, "label": d["label"], "kind": d["kind"], "contributions": d["contributions"],
             "degree": net.degree(n), "betweenness": round(between.get(n, 0.0), 4)}
            for n, d in net.nodes(data=True) if d["kind"] in kinds]
    rows.sort(key=lambda r: (-r["contributions"], -r["degree"], -r["betweenness"], r["label"]))
    return rows[:top]


def indicators_discussed(g: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Indicators by how often they come up: contributions about them, figures reported, commitments."""
    rows = []
    for n, d in g.nodes(data=True):
        if d["kind"] != "indicator":
            continue
        by = Counter(g.nodes[s]["kind"] for s, _ in g.in_edges(n))
        docs = {e[1] for s, _ in g.in_edges(n) for e in g.nodes[s]["evidence"]}
        total = by["contribution"] + by["figure"] + by["commitment"]
        if total:
            rows.append({"node": n, "label": d["label"], "contributions": by["contribution"],
                         "figures": by["figure"], "commitments": by["commitment"], "documents": len(docs),
                         "total": total})
    rows.sort(key=lambda r: (-r["total"], -r["documents"], r["label"]))
    return rows[:top]


def components(g: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Connected pieces of the graph (ignoring direction), largest first, each with its kinds and a name."""
    out = []
    for comp in sorted(nx.weakly_connected_components(g), key=len, reverse=True)[:top]:
        kinds = Counter(KIND_NAMES[g.nodes[n]["kind"]] for n in comp)
        head = min(comp, key=lambda n: (KIND_RANK.index(g.nodes[n]["kind"]), g.nodes[n]["label"]))
        out.append({"size": len(comp), "example": g.nodes[head]["label"], "kinds": dict(kinds.most_common())})
    return out


def stats(store: Store, *, council: str | None = None, top: int = 10,
          progress: Callable[[str, int, int | None], None] | None = None) -> dict:
    """Everything `kg stats` prints, as plain data. `progress(step, done, total)` hears of each step."""
    g = load_graph(store, council=council, evidence=True, progress=progress)
    measures: list[tuple[str, Callable[[], object]]] = [
        ("counts", lambda: counts_by_type(g)),
        ("speakers", lambda: most_active(g, top)),
        ("councillors", lambda: most_active(g, top, kinds=("councillor",))),
        ("posts", lambda: most_active(g, top, kinds=("post",))),
        ("indicators", lambda: indicators_discussed(g, top)),
        ("components", lambda: {"count": nx.number_weakly_connected_components(g) if len(g) else 0,
                                "largest": components(g, 5)}),
    ]
    out: dict = {"nodes": g.number_of_nodes(), "links": g.number_of_edges()}
    for i, (key, measure) in enumerate(measures):
        if progress:
            progress("measuring the network", i, len(measures))
        out[key] = measure()
    if progress:
        progress("measuring the network", len(measures), len(measures))
    return out

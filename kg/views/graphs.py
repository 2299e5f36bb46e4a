"""The views' graphs: each answers one question and returns a networkx graph whose nodes carry kind,
label, council (short name), facts, evidence and `parent`, the node it folds into (kg/views/tree.py
nests and counts; kg/views/page.py draws). Edges are the links drawn between whatever is visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.analytics import KIND_RANK, find_council, load_graph, predicate_name, short
from kg.errors import QueryError
from kg.namespaces import CKG, DCTERMS, FOAF, ORG, RDF, RDFS, SCHEMA, SKOS
from kg.store import Store
from kg.views.style import council_short, kind_name

PEOPLE = ("councillor", "officer", "person", "post", "group")
# Links that say whose a thing is: a node takes the council of what they point at.
BELONGS = {str(p) for p in (CKG.council, ORG.postIn, ORG.unitOf, SCHEMA.organizer, CKG.committee,
                            CKG.meeting, CKG.heldPost)}
LABEL_PREDICATES = {str(p) for p in (RDFS.label, SKOS.prefLabel, FOAF.name, DCTERMS.title, SCHEMA.name,
                                     CKG.text)}


def councils_of(g: nx.MultiDiGraph) -> dict[str, str]:
    """node -> the IRI of its council, through the links that say whose a thing is."""
    out = {n: n for n, d in g.nodes(data=True) if d["kind"] == "council"}
    links = [(s, o) for s, o, k in g.edges(keys=True) if k in BELONGS]
    for _ in range(4):  # committee -> council, meeting -> committee, document -> meeting, person -> post
        grew = False
        for s, o in links:
            if s not in out and o in out:
                out[s] = out[o]
                grew = True
        if not grew:
            break
    return out


def pick_council(g: nx.MultiDiGraph, name: str) -> str:
    """A council by IRI, name or short name ('Durham'); several matches are named in the error."""
    wanted = name.strip().lower()
    councils = {n: d["label"] for n, d in g.nodes(data=True) if d["kind"] == "council"}
    exact = [n for n, label in councils.items()
             if wanted in (n.lower(), label.lower(), council_short(label).lower())]
    if len(exact) == 1:
        return exact[0]
    hits = sorted(label for label in councils.values() if wanted in label.lower())
    if len(hits) == 1:
        return find_council(g, hits[0])
    some = "; ".join(hits[:8]) + (" …" if len(hits) > 8 else "")
    raise QueryError(f"no single council matches '{name}'",
                     hint=f"it matches {some}" if hits else "`kg query documents` lists the councils stored")


def by_region(view: nx.MultiDiGraph, most: int = 40) -> None:
    """More than `most` councils at the top: each goes under its region (or nation), a group node."""
    from kg.reference import council_info, regions

    councils = [n for n, d in view.nodes(data=True) if d["kind"] == "council" and d.get("parent") is None]
    if len(councils) <= most:
        return
    names = regions()
    for c in councils:
        info = council_info(view.nodes[c]["label"])
        code = info.region if info and info.region else ""
        gid = f"region:{code or 'other'}"
        if gid not in view:
            view.add_node(gid, kind="grouped", label=names.get(code, "Other councils"), parent=None, facts=[],
                          evidence=[], iri="", council="", of="council")
        view.nodes[c]["parent"] = gid


def _copy(g: nx.MultiDiGraph, n: str, cof: Mapping[str, str], **extra: object) -> dict:
    d = dict(g.nodes[n])
    council = cof.get(n)
    d["council"] = council_short(g.nodes[council]["label"]) if council and d["kind"] != "council" else ""
    d.setdefault("facts", [])
    d["facts"] = list(d["facts"])
    d["evidence"] = list(d.get("evidence", []))
    d["iri"] = n
    d.update(extra)
    return d


def _meeting_key(d: Mapping) -> tuple[str, str, str]:
    return (d.get("date") or "", d.get("period") or "", d.get("label") or "")


def overview(store: Store, council: str | None = None) -> nx.MultiDiGraph:
    """Which councils, committees and meetings the store holds, who speaks there and what was promised:
    council > committee > meeting > commitment, each person under the committee they speak at most."""
    g = load_graph(store)
    cof = councils_of(g)
    # The councils whose documents are stored (others are only mentioned, as comparators or neighbours).
    holders = {cof[n] for n, d in g.nodes(data=True) if d["kind"] == "document" and n in cof}
    chosen = {pick_council(g, council)} if council is not None else holders
    if not chosen:
        raise QueryError("the store holds no council yet", hint="run `kg ingest` first")
    names = sorted(g.nodes[c]["label"] for c in chosen)
    title = f"{names[0]}: overview" if len(names) == 1 else f"{len(names)} councils: overview"
    view = nx.MultiDiGraph(title=title)
    for c in chosen:
        view.add_node(c, **_copy(g, c, cof, parent=None))
    mine = [n for n, d in g.nodes(data=True) if cof.get(n) in chosen and n not in chosen]
    for n in mine:
        if g.nodes[n]["kind"] == "committee":
            view.add_node(n, **_copy(g, n, cof, parent=cof[n]))
    meeting_docs: dict[str, list[str]] = {}
    for n in mine:
        d = g.nodes[n]
        if d["kind"] == "document":
            for _, m, k in g.out_edges(n, keys=True):
                if k == str(CKG.meeting):
                    meeting_docs.setdefault(m, []).append(n)
    for n in mine:
        d = g.nodes[n]
        if d["kind"] != "meeting":
            continue
        committee = next((o for _, o, k in g.out_edges(n, keys=True) if k == str(SCHEMA.organizer)
                          and o in view), cof[n])
        docs = meeting_docs.get(n, [])
        facts = [f"Meeting of {g.nodes[committee]['label']}"]
        if d.get("date"):
            facts.append(f"Date: {d['date']}")
        elif d.get("period"):
            facts.append(f"Period: {d['period']}")
        facts += [f"Document: {g.nodes[x]['label']}" for x in docs]
        when = d.get("date") or d.get("period")
        label = f"{when} · {g.nodes[committee]['label']}" if when else d["label"]
        view.add_node(n, **_copy(g, n, cof, parent=committee, facts=facts, docs=docs, label=label))
        view.add_edge(n, committee, key="of", label="")
    for n in view:
        if view.nodes[n]["kind"] == "committee":
            view.add_edge(n, cof[n], key="of", label="")
    # What was said and reported at each meeting becomes counts on the meeting and "spoke at" links.
    spoke: Counter[tuple[str, str]] = Counter()
    said: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    for n in mine:
        kind = g.nodes[n]["kind"]
        if kind not in ("contribution", "figure"):
            continue
        outs = {k: o for _, o, k in g.out_edges(n, keys=True)}
        meeting = outs.get(str(CKG.meeting))
        if kind == "figure":
            docs = {e[1] for e in g.nodes[n]["evidence"]}
            for m, ds in meeting_docs.items():
                if docs & set(ds):
                    reported[m] += 1
            continue
        if meeting in view:
            said[meeting] += 1
            if (sp := outs.get(str(CKG.speaker))) in g:
                spoke[(sp, meeting)] += 1
    for m in view:
        if view.nodes[m]["kind"] == "meeting":
            view.nodes[m]["facts"] += [f"Contributions minuted: {said[m]}",
                                       f"Figures reported: {reported[m]}"]
    # People: under the committee where they speak most, else under the council.
    home: dict[str, Counter[str]] = {}
    for (sp, m), count in spoke.items():
        home.setdefault(sp, Counter())[view.nodes[m]["parent"]] += count
    for n in mine:
        d = g.nodes[n]
        if d["kind"] in PEOPLE:
            parent = home[n].most_common(1)[0][0] if n in home else cof[n]
            view.add_node(n, **_copy(g, n, cof, parent=parent))
    for (sp, m), count in spoke.items():
        if sp in view:
            view.add_edge(sp, m, key="spoke at", label="spoke at", count=count)
    for s, o, k in g.edges(keys=True):
        if k == str(CKG.heldPost) and s in view and o in view:
            view.add_edge(s, o, key=k, label="held post")
    for n in mine:
        d = g.nodes[n]
        if d["kind"] != "commitment":
            continue
        outs = {k: o for _, o, k in g.out_edges(n, keys=True)}
        at = (outs.get(str(CKG.meeting)), outs.get(str(CKG.committee)))
        parent = next((x for x in at if x in view), cof[n])
        view.add_node(n, **_copy(g, n, cof, parent=parent))
        if (actor := outs.get(str(CKG.actor))) in view:
            view.add_edge(actor, n, key="promised", label="promised")
    by_region(view)
    return view


def find_node(g: nx.MultiDiGraph, wanted: str, council: str | None = None,
              cof: Mapping[str, str] | None = None) -> str:
    """A node by IRI, or by label (exact, then the start of it, then any part); with `council`, only
    that council's nodes. Several matches name their councils, so the user can tell them apart."""
    w = wanted.strip().strip("<>")
    if w in g:
        return w
    cof = cof if cof is not None else councils_of(g)
    within = None
    if council:
        c = pick_council(g, council)
        within = {n for n, x in cof.items() if x == c}
    low = w.lower()
    facts = ("contribution", "figure", "resolution", "document")
    tiers = (lambda label: label == low, lambda label: label.startswith(low), lambda label: low in label)
    part: list[str] = []
    for match in tiers:  # exact, then the start of a name, then any part; things before facts about them
        part = [n for n, d in g.nodes(data=True)
                if match(d["label"].lower()) and (within is None or n in within)]
        things = [n for n in part if g.nodes[n]["kind"] not in facts]
        if len(part) == 1 or len(things) == 1:
            return part[0] if len(part) == 1 else things[0]
        if part:
            break
    if not part:
        where = f" in {council}" if council else ""
        raise QueryError(f"nothing in the graph is called '{wanted}'{where}",
                         hint="give a name, title or IRI as `kg query people` or `kg query posts` shows it")

    def named(n: str) -> str:
        c = cof.get(n)
        at = f", {council_short(g.nodes[c]['label'])}" if c and c != n else ""
        return f"{g.nodes[n]['label']} ({kind_name(g.nodes[n]['kind'])}{at})"

    ranked = sorted(part, key=lambda n: (KIND_RANK.index(g.nodes[n]["kind"]), g.nodes[n]["label"], named(n)))
    some = "; ".join(named(n) for n in ranked[:5])
    hint = "add --council NAME, " if not council and len({cof.get(n) for n in part}) > 1 else ""
    raise QueryError(f"'{wanted}' matches {len(part)} nodes",
                     hint=f"{hint}be more precise or give an IRI: {some}")


def focus(store: Store, node: str, depth: int = 1, council: str | None = None) -> nx.MultiDiGraph:
    """One person, post, committee, indicator or commitment and its neighbourhood to `depth` links, each
    node folded under the one that reached it first (so the centre's neighbours nest by kind)."""
    if depth < 1:
        raise QueryError(f"--depth must be 1 or more, not {depth}")
    g = load_graph(store)
    cof = councils_of(g)
    centre = find_node(g, node, council, cof)
    und = g.to_undirected(as_view=True)
    parent: dict[str, str | None] = {centre: None}
    layer = [centre]
    for _ in range(depth):
        nxt = []
        for p in layer:
            near = sorted((m for m in und.neighbors(p) if m not in parent),
                          key=lambda m: (KIND_RANK.index(g.nodes[m]["kind"]), g.nodes[m]["label"], m))
            for m in near:
                parent[m] = p
                nxt.append(m)
        layer = nxt
    d = g.nodes[centre]
    where = f" ({council_short(g.nodes[cof[centre]]['label'])})" if cof.get(centre, centre) != centre else ""
    view = nx.MultiDiGraph(title=f"{d['label']}{where}: {depth} link{'s' if depth > 1 else ''} around",
                           centre=centre)
    for n, p in parent.items():
        view.add_node(n, **_copy(g, n, cof, parent=p))
    for s, o, k, e in g.subgraph(parent).edges(keys=True, data=True):
        view.add_edge(s, o, key=k, **e)
    return view


def _due_label(r: Mapping[str, Identifier]) -> str:
    if r.get("due_date"):
        return f"due {r['due_date']}"
    if r.get("due_text"):
        return str(r["due_text"])
    kind = str(r.get("due_kind") or "")
    return kind.replace("_", " ") if kind and kind != "none" else ""


def followups(store: Store, council: str | None = None) -> nx.MultiDiGraph:
    """How promises stand: council > committee > meeting > commitment (coloured by status), each with
    when it is due and the document that shows it kept; who promised it, linked."""
    from kg.query import run

    g = load_graph(store, evidence=False)
    cof = councils_of(g)
    within = pick_council(g, council) if council else None
    title = "Follow-ups: commitments made, when due, and how they stand"
    if within:
        title = f"{g.nodes[within]['label']}: follow-ups"
    view = nx.MultiDiGraph(title=title)

    def place(n: str, parent: str | None, **extra: object) -> None:
        if n in view:
            return
        base = _copy(g, n, cof, parent=parent) if n in g else {
            "kind": "resource", "label": short(n), "evidence": [], "facts": [], "iri": n, "council": "",
            "parent": parent}
        view.add_node(n, **{**base, **extra})

    for r in run(store, "commitments").rows:
        c = str(r["commitment"])
        if c in view or (within and cof.get(c) != within):
            continue
        owner = cof.get(c)
        meeting = str(r.get("meeting") or "")
        committee = str(r.get("committee") or "")
        if owner:
            place(owner, None)
        if committee in g:
            place(committee, owner)
        if meeting in g:
            place(meeting, committee if committee in view else owner)
        status = str(r.get("status") or "unknown")
        doc = str(r.get("document") or "")
        quote = str(r.get("quote") or r.get("text") or "")
        facts = [f"Status: {status}"]
        if r.get("due_text") or r.get("due_date"):
            facts.append(f"Due: {r.get('due_text') or ''} {r.get('due_date') or ''}".strip())
        if r.get("fulfilment_quote"):
            facts.append(f"Fulfilled: “{r['fulfilment_quote']}”")
        title_ = g.nodes[doc]["label"] if doc in g else short(doc)
        parent = meeting if meeting in view else committee if committee in view else owner
        place(c, parent, status=status, facts=facts, evidence=[(quote, doc, title_)],
              label=str(r.get("text") or short(c)))
        if meeting in view:
            view.add_edge(meeting, c, key="made", label="made")
        if r.get("actor"):
            a = str(r["actor"])
            place(a, committee if committee in view else owner)
            if view.nodes[a]["kind"] == "resource":
                view.nodes[a]["label"] = str(r.get("actor_label") or short(a))
            view.add_edge(a, c, key="promised", label="promised")
        due = _due_label(r)
        if due:
            dn = f"due:{c}"
            view.add_node(dn, kind="due", label=due, evidence=[], facts=[], iri="", parent=c,
                          council=view.nodes[c]["council"], date=str(r.get("due_date") or ""))
            view.add_edge(c, dn, key="due", label="due")
        if r.get("fulfilled_by"):
            f = str(r["fulfilled_by"])
            fid = f"kept:{c}:{f}"  # one per commitment, so the tree stays a tree
            d = g.nodes[f] if f in g else {"kind": "document", "label": short(f)}
            view.add_node(fid, kind="document", label=d["label"], evidence=[], facts=["Shows it kept"],
                          iri=f, parent=c, council=view.nodes[c]["council"], docs=[f])
            view.add_edge(c, fid, key="fulfilled by", label="fulfilled by")
    by_region(view)
    return view


def query_view(store: Store, spec: str,
               params: Mapping[str, Identifier | str] | None = None) -> nx.MultiDiGraph:
    """A CONSTRUCT result (or a SELECT of ?s ?p ?o) as triples; any other SELECT as one star per row:
    the row's first IRI linked to its other IRIs; `X_label` names X; `quote` and `document` are evidence.
    Things the graph knows fold under their council, so a long result reads as councils with counts."""
    from kg.query import resolve, run

    q = resolve(spec)
    res = run(store, q, params)
    known = load_graph(store, evidence=False)
    cof = councils_of(known)
    view = nx.MultiDiGraph(title=f"Query: {q.name}" + (f" ({q.description})" if q.description else ""))

    def node(term: Identifier) -> str:
        n = str(term)
        if n not in view:
            if n in known:
                view.add_node(n, **_copy(known, n, cof, parent=None))
            else:
                view.add_node(n, kind="resource", label=short(n) or n, evidence=[], facts=[], iri=n,
                              council="", parent=None)
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
    else:
        _rows_as_stars(view, res, node, known)
    _fold_under_councils(view, known, cof)
    by_region(view)
    return view


def _rows_as_stars(view: nx.MultiDiGraph, res: object, node: object, known: nx.MultiDiGraph) -> None:
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


def _fold_under_councils(view: nx.MultiDiGraph, known: nx.MultiDiGraph, cof: Mapping[str, str]) -> None:
    """Every node the graph knows goes under its council (added if the result lacks it); the rest under
    the node most of the result links to, when there is one."""
    owners = {cof[n] for n in view if n in cof and cof[n] != n}
    if len(owners) > 1 or (owners and len(view) > 40):
        for c in owners:
            if c not in view:
                view.add_node(c, **_copy(known, c, cof, parent=None))
        for n in list(view):
            c = cof.get(n)
            if c and c != n:
                view.nodes[n]["parent"] = c
    degree = dict(view.to_undirected(as_view=True).degree())
    for n in view:
        if view.nodes[n]["parent"] is None and view.nodes[n]["kind"] != "council":
            hubs = [m for m in view.to_undirected(as_view=True).neighbors(n) if degree[m] > 1 and m != n
                    and view.nodes[m]["parent"] is None and degree[m] > degree[n]]
            if hubs:
                view.nodes[n]["parent"] = max(hubs, key=lambda m: (degree[m], m))

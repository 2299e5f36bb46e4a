"""Folding a view so a person can read it: every node hangs under a `parent`; no node has more than
FANOUT children (bigger families are split by kind, then into runs in order, as group nodes); a node
with children shows what it holds as counts, and starts open only while the drawn nodes stay within the
budget. The page opens the rest on click, from the data it carries.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import networkx as nx

from kg.views.style import PLURALS, council_short, plural

FANOUT = 24  # children drawn under one node at most
ROOTS = 64  # top-level nodes at most (a page is wider than a node's block)
ORDER = ("council", "committee", "meeting", "post", "councillor", "officer", "person", "group", "indicator",
         "commitment", "due", "resolution", "document", "contribution", "figure", "resource", "grouped")


def kind_rank(kind: str) -> int:
    return ORDER.index(kind) if kind in ORDER else len(ORDER)


def sort_key(view: nx.MultiDiGraph, n: str) -> tuple:
    d = view.nodes[n]
    return (kind_rank(d["kind"]), d.get("date") or "", d.get("period") or "", d["label"].lower(), n)


def children(view: nx.MultiDiGraph) -> dict[str | None, list[str]]:
    """parent -> its children in reading order (kind, then date, then name); roots under None."""
    kids: dict[str | None, list[str]] = defaultdict(list)
    for n, d in view.nodes(data=True):
        p = d.get("parent")
        kids[p if p in view and p != n else None].append(n)
    for p in kids:
        kids[p].sort(key=lambda n: sort_key(view, n))
    return kids


def nest(view: nx.MultiDiGraph) -> None:
    """Split every family bigger than FANOUT (ROOTS at the top) into group nodes, in place."""
    for parent, kids in list(children(view).items()):
        _split(view, parent, kids, ROOTS if parent is None else FANOUT)


def _group(view: nx.MultiDiGraph, gid: str, parent: str | None, members: list[str], label: str,
           of: str) -> None:
    view.add_node(gid, kind="grouped", label=label, parent=parent, facts=[], evidence=[], iri="",
                  council=view.nodes[parent]["council"] if parent else "", of=of)
    for m in members:
        view.nodes[m]["parent"] = gid


def _split(view: nx.MultiDiGraph, parent: str | None, kids: list[str], limit: int) -> None:
    if len(kids) <= limit:
        return
    by_kind: dict[str, list[str]] = defaultdict(list)
    for k in kids:
        by_kind[view.nodes[k]["kind"]].append(k)
    if len(by_kind) > 1:
        for kind, members in sorted(by_kind.items(), key=lambda kv: kind_rank(kv[0])):
            if len(members) > 1:
                gid = f"group:{parent or ''}:{kind}"
                name = PLURALS.get(kind, kind + "s")
                _group(view, gid, parent, members, name[:1].upper() + name[1:], kind)
                _split(view, gid, members, FANOUT)
        left = [k for k in kids if view.nodes[k]["parent"] == parent]
        _split(view, parent, left, limit)  # still too many (singletons of many kinds): runs
        return
    # One kind: runs of at most FANOUT in reading order, named by their first and last members.
    runs = math.ceil(len(kids) / FANOUT)
    size = math.ceil(len(kids) / runs)
    kind = view.nodes[kids[0]]["kind"]
    made = []
    for i in range(0, len(kids), size):
        part = kids[i : i + size]
        first, last = (_short(view.nodes[part[0]]), _short(view.nodes[part[-1]]))
        gid = f"run:{parent or ''}:{kind}:{i}"
        span = first if first == last else f"{first} – {last}"
        _group(view, gid, parent, part, span, view.nodes[part[0]].get("of", kind))
        made.append(gid)
    _split(view, parent, made, limit)


def _short(d: dict) -> str:
    text = d.get("date") or d.get("period") or d["label"]
    if d["kind"] == "council":
        text = council_short(text)
    return text if len(text) <= 24 else text[:23] + "…"


def counts(view: nx.MultiDiGraph) -> dict[str, Counter]:
    """node -> how many of each kind it holds (all the way down; group nodes not counted)."""
    kids = children(view)
    out: dict[str, Counter] = {}

    def walk(n: str) -> Counter:
        c: Counter = Counter()
        for k in kids.get(n, []):
            if view.nodes[k]["kind"] != "grouped":
                c[view.nodes[k]["kind"]] += 1
            if view.nodes[k].get("status"):
                c["status:" + view.nodes[k]["status"]] += 1
            c.update(walk(k))
        out[n] = c
        return c

    for root in kids.get(None, []):
        walk(root)
    return out


# What a group's count line names first: the structure, then what was promised, then who.
SUMMARY = ("council", "committee", "meeting", "commitment", "person", "post", "indicator", "document",
           "resolution", "contribution", "figure", "resource")


def summary(c: Counter, most: int = 3) -> str:
    """'8 committees · 21 meetings · 35 people'; commitments say how many are overdue (due dates and the
    documents that show a promise kept are details of a commitment, not counted)."""
    c = Counter(c)
    c["person"] = sum(c.pop(k, 0) for k in ("councillor", "officer", "person", "group"))
    parts = [k for k in SUMMARY if c[k]][:most]
    out = []
    for k in parts:
        text = plural(k, c[k])
        if k == "commitment" and c["status:overdue"]:
            text += f" ({c['status:overdue']:,} overdue)"
        out.append(text)
    return " · ".join(out)


def initially_open(view: nx.MultiDiGraph, budget: int, always: set[str] | None = None) -> set[str]:
    """Open the tree level by level, a whole kind at a time (cheapest first), while the drawn nodes stay
    within `budget`: every council is drawn the same way, never half of them opened."""
    kids = children(view)
    opened: set[str] = set()
    drawn = len(kids.get(None, []))
    level = list(kids.get(None, []))
    if len(level) == 1 and kids.get(level[0]):  # one thing at the top: show what it holds
        always = {*(always or set()), level[0]}
    for n in always or ():
        if n in view and kids.get(n) and n not in opened:
            opened.add(n)
            drawn += len(kids[n])
    while level:
        nxt: list[str] = []
        by_kind: dict[str, list[str]] = defaultdict(list)
        for n in level:
            if kids.get(n):
                by_kind[view.nodes[n]["kind"]].append(n)
        for _, members in sorted(by_kind.items(), key=lambda kv: sum(len(kids[n]) for n in kv[1])):
            todo = [n for n in members if n not in opened]
            cost = sum(len(kids[n]) for n in todo)
            if drawn + cost <= budget:
                opened.update(todo)
                drawn += cost
            nxt += [k for n in members if n in opened for k in kids[n]]
        level = nxt
    return opened

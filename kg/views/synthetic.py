"""A council-shaped graph of any size, for the benchmark and the big-page browser test."""

from __future__ import annotations

import random

import networkx as nx


def synthetic_view(n: int = 20_000, seed: int = 7) -> nx.MultiDiGraph:
    """About `n` nodes: councils > committees > meetings, people and posts speaking at them, figures on
    indicators; each node folded under the one it belongs to, as the real views fold theirs."""
    rnd = random.Random(seed)
    view = nx.MultiDiGraph(title=f"Synthetic graph of {n:,} nodes")

    def add(node: str, kind: str, label: str, parent: str | None, council: str = "") -> str:
        view.add_node(node, kind=kind, label=label, facts=[], parent=parent, council=council, iri=node,
                      evidence=[(f"{label} was minuted here (synthetic quote {len(view)}).", "urn:doc:0",
                                 "Synthetic minutes")])
        return node

    indicators = [add(f"urn:i:{i}", "indicator", f"Indicator {i}", None) for i in range(60)]
    councils = [add(f"urn:c:{i}", "council", f"Council {i}", None) for i in range(5)]
    meetings, speakers = [], []
    for c in councils:
        name = view.nodes[c]["label"]
        for k in range(6):
            com = add(f"{c}:k{k}", "committee", f"Committee {k}", c, name)
            view.add_edge(com, c, key="unitOf", label="unit of")
            for m in range(12):
                mt = add(f"{com}:m{m}", "meeting", f"Meeting {m + 1} of Committee {k}", com, name)
                view.add_edge(mt, com, key="organizer", label="organizer")
                meetings.append(mt)
        for p in range(120):
            sp = add(f"{c}:p{p}", rnd.choice(("councillor", "officer", "post")), f"Speaker {p}", c, name)
            view.add_edge(sp, c, key="council", label="council")
            speakers.append(sp)
    i = 0
    while view.number_of_nodes() < n:
        mt = rnd.choice(meetings)
        kind = "contribution" if i % 3 else "figure"
        node = add(f"urn:f:{i}", kind, f"{kind} {i}", mt, view.nodes[mt]["council"])
        view.add_edge(node, mt, key="meeting", label="meeting")
        if kind == "contribution":
            view.add_edge(node, rnd.choice(speakers), key="speaker", label="speaker")
        view.add_edge(node, rnd.choice(indicators), key="topic", label="topic")
        i += 1
    return view

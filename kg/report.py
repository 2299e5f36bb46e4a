"""The short report `make demo` prints: what the store holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.query import run
from kg.store import Store


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]
    commitments: dict[str, int]  # status -> number
    triples: int


def summary(store: Store) -> Summary:
    row = run(store, "summary").rows[0]
    counts = {k: int(row[k]) if k in row else 0 for k in
              ("documents", "councils", "committees", "meetings", "people", "posts", "indicators", "figures",
               "contributions", "resolutions", "commitments")}
    statuses = Counter(str(r.get("status", "unassessed")) for r in run(store, "commitments").rows)
    return Summary(counts, dict(sorted(statuses.items())), store.count())

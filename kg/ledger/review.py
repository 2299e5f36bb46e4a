"""People's decisions on the ledger: `kg followups confirm ID` / `reject ID`.

A decision is kept in its own named graph (iris.graph("reviews")), which no ingest, re-ingest or `kg remove`
touches, so it survives them; it is keyed by the commitment's IRI, which re-ingesting the same text mints
again.
It outranks the automatic assessment:
- confirm: the status (and evidence) the person saw holds from that step on, until a document dated after the
  decision changes the automatic status;
- reject: with evidence, that evidence is never matched to the commitment again (the ledger looks for other
  evidence); without, the status the person rejected reads "unknown" (reason: rejected by a reviewer) until a
  document dated after the decision changes the automatic status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.errors import QueryError
from kg.namespaces import CKG, PROV, RDF, RDFS, XSD
from kg.store import Store

DECISIONS = ("confirm", "reject")


@dataclass(frozen=True)
class Decision:
    commitment: str
    decision: str  # confirm | reject
    status: str  # the automatic status reviewed
    evidence: str | None
    at: dt.datetime
    reviewer: str = ""
    note: str = ""

    @property
    def day(self) -> dt.date:
        return self.at.date()


def graph_iri() -> str:
    return str(iris.graph("reviews"))


def decisions(store: Store) -> dict[str, list[Decision]]:
    """Every commitment's decisions, oldest first (the last one is in force)."""
    g = store.graph(graph_iri())
    out: dict[str, list[Decision]] = {}
    for node in sorted(g.subjects(RDF.type, CKG.ReviewDecision), key=str):
        c, d = g.value(node, CKG.reviewOf), g.value(node, CKG.decision)
        at = g.value(node, PROV.generatedAtTime)
        if c is None or d is None or at is None:
            continue
        when = dt.datetime.fromisoformat(str(at).replace("Z", "+00:00"))
        ev = g.value(node, CKG.reviewedEvidence)
        out.setdefault(str(c), []).append(
            Decision(str(c), str(d), str(g.value(node, CKG.reviewedStatus) or ""), str(ev) if ev else None,
                     when, str(g.value(node, CKG.reviewer) or ""), str(g.value(node, RDFS.comment) or "")))
    for hist in out.values():
        hist.sort(key=lambda d: d.at)
    return out


def digest_parts(store: Store) -> list[str]:
    """What the ledger must re-assess after: every decision, as a line."""
    return sorted(f"{d.commitment} {d.decision} {d.status} {d.evidence} {d.at.isoformat()}"
                  for hist in decisions(store).values() for d in hist)


def record(store: Store, commitment: str, decision: str, status: str, evidence: str | None, *,
           reviewer: str = "", note: str = "") -> Decision:
    """Add a decision to the reviews graph, in one transaction."""
    if decision not in DECISIONS:
        raise QueryError(f"unknown decision '{decision}'", hint="confirm or reject")
    g = store.graph(graph_iri())
    n = 1 + sum(1 for _ in g.subjects(CKG.reviewOf, URIRef(commitment)))
    node = iris.review(commitment, n)
    while (node, None, None) in g:
        n += 1
        node = iris.review(commitment, n)
    at = dt.datetime.now(dt.UTC)
    add = Graph()
    add.add((node, RDF.type, CKG.ReviewDecision))
    add.add((node, CKG.reviewOf, URIRef(commitment)))
    add.add((node, CKG.decision, Literal(decision)))
    add.add((node, CKG.reviewedStatus, Literal(status)))
    stamp = Literal(at.isoformat(timespec="microseconds"), datatype=XSD.dateTime)
    add.add((node, PROV.generatedAtTime, stamp))
    if evidence:
        add.add((node, CKG.reviewedEvidence, URIRef(evidence)))
    if reviewer:
        add.add((node, CKG.reviewer, Literal(reviewer)))
    if note:
        add.add((node, RDFS.comment, Literal(note)))
    g += add
    store.replace_graphs((), {graph_iri(): g})
    return Decision(commitment, decision, status, evidence, at, reviewer, note)

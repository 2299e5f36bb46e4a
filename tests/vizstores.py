"""Small stores for the view, analytics and server tests: a follow-up ledger, and a hostile document."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.namespaces import CKG, OA, ORG, SCHEMA
from kg.store import LocalStore

EX = "https://example.org/kg-test/"
EVIL = "<script>window.pwned=1</script>"


def ex(name: str) -> URIRef:
    return URIRef(EX + name)


def ledger_store(path: Path) -> Path:
    """Two meetings of one committee; three commitments made at the first: one fulfilled (by the second
    meeting's document), one overdue, one open; their actors; the ledger's assessments."""
    council, committee = ex("council"), ex("committee")
    m1, m2, d1, d2 = ex("meeting/1"), ex("meeting/2"), ex("doc/1"), ex("doc/2")
    g1, g2, ledger = Graph(), Graph(), Graph()
    for g, d, m, date, title in ((g1, d1, m1, "2024-01-10", "January minutes"),
                                 (g2, d2, m2, "2024-03-10", "March minutes")):
        g.add((d, RDF.type, CKG.Document))
        g.add((d, DCTERMS.title, Literal(title)))
        g.add((d, CKG.sourceFile, Literal(f"{title.split()[0].lower()}.txt")))
        g.add((d, CKG.meeting, m))
        g.add((council, RDF.type, CKG.Council))
        g.add((council, RDFS.label, Literal("Testshire Council")))
        g.add((committee, RDF.type, CKG.Committee))
        g.add((committee, RDFS.label, Literal("Scrutiny Panel")))
        g.add((committee, ORG.unitOf, council))
        g.add((m, RDF.type, CKG.Meeting))
        g.add((m, RDFS.label, Literal(f"Scrutiny Panel, {date}")))
        g.add((m, SCHEMA.organizer, committee))
        g.add((m, SCHEMA.startDate, Literal(date, datatype=XSD.date)))
    actor = ex("post/director")
    g1.add((actor, RDF.type, ORG.Post))
    g1.add((actor, RDFS.label, Literal("Director of Children's Services")))
    g1.add((actor, ORG.postIn, council))
    promises = [("c1", "circulate the attendance figures to members", "fulfilled", "next_meeting"),
                ("c2", "report back on placement stability", "overdue", "date"),
                ("c3", "bring the SEND review to a future meeting", "open", "future_meeting")]
    for i, (key, text, status, due_kind) in enumerate(promises):
        c, span, sel = ex(f"commitment/{key}"), ex(f"span/{key}"), ex(f"sel/{key}")
        g1.add((c, RDF.type, CKG.Commitment))
        g1.add((c, CKG.text, Literal(text)))
        g1.add((c, CKG.actor, actor))
        g1.add((c, CKG.meeting, m1))
        g1.add((c, CKG.committee, committee))
        g1.add((c, CKG.council, council))
        g1.add((c, CKG.dueKind, Literal(due_kind)))
        if due_kind == "date":
            g1.add((c, CKG.dueDate, Literal("2024-02-01", datatype=XSD.date)))
        g1.add((c, PROV.wasDerivedFrom, span))
        g1.add((span, RDF.type, CKG.EvidenceSpan))
        g1.add((span, OA.hasSource, d1))
        g1.add((span, OA.hasSelector, sel))
        g1.add((sel, OA.exact, Literal(f"The Director agreed to {text}.")))
        a = ex(f"assessment/{key}")
        ledger.add((c, CKG.assessment, a))
        ledger.add((a, RDF.type, CKG.StatusAssessment))
        ledger.add((a, CKG.status, Literal(status)))
        ledger.add((a, PROV.generatedAtTime, Literal(f"2024-03-1{i}T00:00:00", datatype=XSD.dateTime)))
        if status == "fulfilled":
            ledger.add((a, CKG.fulfilledBy, d2))
    with LocalStore(path) as st:
        st.replace_graphs([], {str(d1): g1, str(d2): g2, EX + "ledger": ledger})
    return path


def evil_folder(folder: Path) -> Path:
    """A minutes document whose title and text carry markup and script."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.txt").write_text(
        f"Minutes of the Scrutiny Panel\n\nCouncillor Smith asked whether {EVIL} <b>bold</b> was safe.\n"
        "The Head of Education and Skills explained that it was.\n", encoding="utf-8")
    (folder / "evil.txt.meta.yaml").write_text(
        "council: Durham County Council\ncommittee: Corporate Parenting Panel\n"
        f"title: '{EVIL} Budget & <i>report</i>'\ndoc_type: minutes\nperiod: 2023/24 Q2\n", encoding="utf-8")
    return folder

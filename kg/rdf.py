"""RDF: turn one linked extraction into the triples of that document's named graph.

Every fact node gets `prov:wasDerivedFrom` an evidence span (Web Annotation selectors into the pinned
rendition) and `prov:wasGeneratedBy` the extraction run. No RDF-star, no reification.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import iris
from kg.indicator_link import link_indicator
from kg.indicators import concept, polarity, scheme_label
from kg.link import UNKNOWN_COUNCIL, Linked
from kg.model import ObservationFact, SourceDoc, Span
from kg.namespaces import (
    CKG,
    DCTERMS,
    FOAF,
    GSS,
    OA,
    ORG,
    PREFIXES,
    PROV,
    QB,
    RDF,
    RDFS,
    SCHEMA,
    SDMX_ATTR,
    SDMX_DIM,
    SKOS,
    XSD,
)
from kg.periods import period_iri
from kg.reference import council_info, england, regions

VERSION = "0.1.0"
FOUND_SCHEME_LABEL = "Indicators found in documents (not in the council-kg scheme), to review"
CONTEXT = 32  # characters of prefix/suffix kept in a TextQuoteSelector
PERSON_CLASS = {"councillor": CKG.Councillor, "officer": CKG.Officer, "other": CKG.OtherPerson}
KIND_CLASS = {"question": SCHEMA.Question, "response": SCHEMA.Answer, "comment": SCHEMA.Comment}
UNIT = {
    "percent": CKG.percent,
    "count": CKG.count,
    "rate": CKG.rate,
    "currency": CKG.currency,
    "other": CKG.otherUnit,
}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("id", iris.base())
    return g


def _nation_of(info) -> str | None:  # noqa: ANN001 - a CouncilInfo or None
    """The nation a council is in, from the GSS code of its area (E, W, S, N)."""
    area = (getattr(info, "area", None) or "")[:1]
    return {"E": "england", "W": "wales", "S": "scotland", "N": "northern-ireland"}.get(area)


class _Writer:
    """Accumulates one document's triples; small helpers keep the mapping readable."""

    def __init__(self, linked: Linked, when: dt.datetime | None) -> None:
        self.linked, self.x, self.doc = linked, linked.extraction, linked.extraction.doc
        self.g = new_graph()
        self.doc_iri = iris.document(self.doc.sha256)
        self.run = iris.run(self.doc.sha256)
        self.when = when
        self.council = linked.council
        self.council_iri = iris.council(self.council)
        self.committee_iri = iris.committee(self.council, linked.committee) if linked.committee else None
        self.meeting_iri = (
            iris.meeting(self.council, linked.committee, linked.meeting_when)
            if linked.committee and linked.meeting_when
            else None
        )

    def add(self, s: Node, p: Node, o: Node | str | int | float | bool | dt.date | None) -> None:
        if o is None or o == "":
            return
        self.g.add((s, p, o if isinstance(o, Node) else Literal(o)))

    def evidence(self, node: URIRef, span: Span | None) -> None:
        """`node` was derived from `span` of this document, by this run."""
        self.add(node, PROV.wasGeneratedBy, self.run)
        if span is None:
            return
        sha, text = self.doc.sha256, self.doc.text
        s = iris.span(sha, span.start, span.end)
        pos, quote = (
            iris.selector(sha, span.start, span.end, "pos"),
            iris.selector(sha, span.start, span.end, "quote"),
        )
        self.add(node, PROV.wasDerivedFrom, s)
        if (s, RDF.type, CKG.EvidenceSpan) in self.g:
            return
        self.add(s, RDF.type, CKG.EvidenceSpan)
        self.add(s, OA.hasSource, self.doc_iri)
        self.add(s, OA.hasSelector, pos)
        self.add(s, OA.hasSelector, quote)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(pos, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, span.quote)
        self.g.add((quote, OA.prefix, Literal(text[max(0, span.start - CONTEXT) : span.start])))
        self.g.add((quote, OA.suffix, Literal(text[span.end : span.end + CONTEXT])))
        if page := _page(self.doc, span.start):
            self.add(s, CKG.page, Literal(page, datatype=XSD.integer))

    # ---- the parts of the graph

    def document(self) -> None:
        d, meta, doc = self.doc_iri, self.doc.meta, self.doc
        self.add(d, RDF.type, CKG.Document)
        self.add(d, RDF.type, FOAF.Document)
        self.add(d, DCTERMS.title, meta.title or self.x.item_title or doc.name)
        self.add(d, CKG.docType, meta.doc_type)
        self.add(d, CKG.sourceFile, doc.name)
        self.add(d, CKG.sha256, doc.sha256)
        self.add(d, CKG.format, doc.format)
        self.add(d, CKG.textLength, Literal(len(doc.text), datatype=XSD.integer))
        self.add(d, DCTERMS.source, URIRef(meta.source_url) if meta.source_url else None)
        self.add(d, CKG.council, self.council_iri)
        self.add(d, CKG.committee, self.committee_iri)
        self.add(d, CKG.meeting, self.meeting_iri)
        self.period(d, self.linked.period)
        self.add(self.run, RDF.type, CKG.ExtractionRun)
        self.add(self.run, RDF.type, PROV.Activity)
        self.add(self.run, PROV.used, d)
        self.add(self.run, CKG.extractorVersion, VERSION)
        if self.when:
            self.add(
                self.run,
                PROV.startedAtTime,
                Literal(self.when.isoformat(timespec="seconds"), datatype=XSD.dateTime),
            )
        for name, origin in meta.origins:
            if name in ("council", "committee", "period"):
                self.add(d, CKG.origin, f"{name}:{origin}")

    def period(self, node: URIRef, label: str | None) -> None:
        if not label:
            return
        self.add(node, CKG.periodLabel, label)
        if p := period_iri(label):
            self.add(node, CKG.period, URIRef(p))
            self.add(URIRef(p), RDF.type, CKG.Period)
            self.add(URIRef(p), RDFS.label, label)

    def bodies(self) -> None:
        c = self.council_iri
        self.add(c, RDF.type, CKG.Council)
        self.add(c, RDF.type, ORG.FormalOrganization)
        self.add(c, RDFS.label, self.council)
        self.add(c, SKOS.prefLabel, self.council)
        info = council_info(self.council)
        if info and info.area:
            self.add(c, SCHEMA.areaServed, GSS[info.area])
        if info and info.region:
            self.add(c, CKG.region, GSS[info.region])
        if self.x.council and self.x.council.span:
            self.evidence(c, self.x.council.span)
        if self.committee_iri:
            k = self.committee_iri
            self.add(k, RDF.type, CKG.Committee)
            self.add(k, RDF.type, ORG.OrganizationalUnit)
            self.add(k, RDFS.label, self.linked.committee)
            self.add(k, ORG.unitOf, c)
            if self.x.committee and self.x.committee.span:
                self.evidence(k, self.x.committee.span)
        if self.meeting_iri:
            m, meta = self.meeting_iri, self.doc.meta
            self.add(m, RDF.type, CKG.Meeting)
            self.add(m, RDF.type, SCHEMA.Event)
            self.add(m, SCHEMA.organizer, self.committee_iri)
            when = meta.meeting_date.strftime("%-d %B %Y") if meta.meeting_date else self.linked.period
            self.add(m, RDFS.label, f"{self.linked.committee}, {when}")
            if meta.meeting_date:
                self.add(m, SCHEMA.startDate, Literal(meta.meeting_date.isoformat(), datatype=XSD.date))
            self.period(m, self.linked.period)
            item = iris.agenda_item(self.doc.sha256)
            title = self.x.item_title or meta.title
            self.add(item, RDF.type, CKG.AgendaItem)
            self.add(item, RDF.type, SCHEMA.Event)
            self.add(item, SCHEMA.superEvent, m)
            self.add(item, SCHEMA.name, title or self.doc.name)
            self.add(self.doc_iri, CKG.agendaItem, item)

    def people_and_posts(self) -> None:
        for p in self.x.people:
            ident = self.linked.people[p.key]
            node = iris.person(self.council, ident.key)
            self.add(node, RDF.type, FOAF.Person)
            self.add(node, RDF.type, PERSON_CLASS[p.role])
            self.add(node, FOAF.name, ident.label)
            self.add(node, FOAF.familyName, p.surname)
            self.add(node, FOAF.givenName, p.forename)
            self.add(node, FOAF.title, p.honorific)
            self.add(node, CKG.office, p.office)
            self.add(node, CKG.council, self.council_iri)
            self.add(node, CKG.surfaceForm, p.span.quote)
            self.add(node, CKG.identityMethod, ident.method)
            self.evidence(node, p.span)
        for p in self.x.posts:
            ident = self.linked.posts[p.key]
            node = iris.post(self.council, ident.key)
            self.add(node, RDF.type, ORG.Post)
            self.add(node, RDFS.label, ident.label)
            self.add(node, ORG.postIn, self.council_iri)
            self.add(node, CKG.surfaceForm, p.surface)
            self.add(node, CKG.identityMethod, ident.method)
            if p.method in ("acronym", "coreference"):  # how this surface form joined the post, for review
                self.add(node, CKG.identityMethod, p.method)
            if ident.score is not None:
                self.add(node, CKG.identityScore, Literal(round(ident.score, 1), datatype=XSD.decimal))
            self.evidence(node, p.span)
        when = self.doc.meta.meeting_date
        for h in self.x.holdings:
            person, post = self.linked.people[h.person], self.linked.posts[h.post]
            m = iris.membership(
                self.council, person.key, post.key, when.isoformat() if when else self.linked.period or ""
            )
            self.add(m, RDF.type, ORG.Membership)
            self.add(m, ORG.member, iris.person(self.council, person.key))
            self.add(m, ORG.organization, self.council_iri)
            self.add(m, CKG.heldPost, iris.post(self.council, post.key))
            if when:
                self.add(m, CKG.asOf, Literal(when.isoformat(), datatype=XSD.date))
            self.add(m, CKG.periodLabel, self.linked.period)
            self.evidence(m, h.span)

    def speaker(self, key: str | None) -> URIRef | None:
        """A person, post or group key -> IRI (groups are typed here)."""
        if not key:
            return None
        if key in self.linked.people:
            return iris.person(self.council, self.linked.people[key].key)
        if key in self.linked.posts:
            return iris.post(self.council, self.linked.posts[key].key)
        if key.startswith("group:"):
            name = key.removeprefix("group:")
            node = iris.group(self.council, self.linked.committee or "council", name)
            self.add(node, RDF.type, CKG.SpeakerGroup)
            self.add(node, RDFS.label, name.replace("-", " ").capitalize())
            return node
        return None

    def topic(self, node: URIRef, topic: str | None) -> None:
        if not topic:
            return
        if topic.startswith("new:") or concept(topic):
            self.add(node, CKG.topic, self.indicator(topic, topic.removeprefix("new:").replace("-", " ")))
        else:
            self.add(node, CKG.topicText, topic)

    def indicator(self, concept_id: str, label: str, fact: URIRef | None = None) -> URIRef:
        """Scheme concepts live in the indicators graph. A phrase the extractors did not find in the scheme
        was linked (kg.link): to a concept, the decision recorded on `fact`; or to an indicator found in this
        council's documents, declared here in the found-indicators scheme and flagged for review."""
        if concept(concept_id) and concept_id not in self.linked.indicators:
            return self.found(iris.indicator(concept_id))
        m = self.linked.indicators.get(concept_id) or link_indicator(label, council=self.council)
        if m.concept:
            if fact is not None:
                self.identity(fact, m.method, m.score if m.method == "fuzzy" else None)
            return self.found(iris.indicator(m.concept))
        if m.method == "known" and fact is not None:  # another wording of an indicator the council has
            self.identity(fact, m.method, m.score)
        node = iris.found_indicator(m.council or self.council, m.key)
        scheme = iris.found_indicator_scheme()
        self.add(node, RDF.type, CKG.Indicator)
        self.add(node, RDF.type, SKOS.Concept)
        self.add(node, SKOS.prefLabel, m.label)
        self.add(node, SKOS.inScheme, scheme)
        self.add(node, CKG.council, self.council_iri)
        self.add(node, CKG.surfaceForm, label)
        self.add(node, CKG.needsReview, True)
        if m.unit in UNIT:  # what its figures are in, so a later wording in another unit stays apart
            self.add(node, CKG.usualUnit, UNIT[m.unit])
        # every document declaring it says "new"; how this document's wording met it is on the figure
        self.identity(node, "new", m.score if m.method == "new" else None)
        if m.nearest and concept(m.nearest):
            nearest = concept(m.nearest)["label"]  # type: ignore[index]
            self.add(node, RDFS.comment, f"nearest scheme indicator: {nearest} ({m.nearest})")
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.add(scheme, SKOS.prefLabel, FOUND_SCHEME_LABEL)
        return node

    def found(self, concept_iri: URIRef) -> URIRef:
        """A scheme concept a document names is an indicator found in data (the scheme types it only
        skos:Concept, so a concept no document names is never counted as found)."""
        self.add(concept_iri, RDF.type, CKG.Indicator)
        return concept_iri

    def identity(self, node: URIRef, method: str, score: float | None) -> None:
        self.add(node, CKG.identityMethod, method)
        if score is not None:
            self.add(node, CKG.identityScore, Literal(round(score, 1), datatype=XSD.decimal))

    def contributions(self) -> None:
        sha = self.doc.sha256
        keys = {
            c.key: iris.fact("contribution", sha, c.span.start, c.span.end, c.kind)
            for c in self.x.contributions
        }
        for c in self.x.contributions:
            node = keys[c.key]
            self.add(node, RDF.type, CKG.Contribution)
            self.add(node, RDF.type, KIND_CLASS[c.kind])
            self.add(node, CKG.kind, c.kind)
            self.add(node, CKG.speaker, self.speaker(c.speaker))
            self.add(node, CKG.respondsTo, keys.get(c.responds_to or ""))
            self.add(node, CKG.meeting, self.meeting_iri)
            if c.confidence < 1:
                self.add(node, CKG.confidence, Literal(round(c.confidence, 2), datatype=XSD.decimal))
            self.topic(node, c.topic)
            self.evidence(node, c.span)

    def resolutions(self) -> None:
        for r in self.x.resolutions:
            node = iris.fact("resolution", self.doc.sha256, r.span.start, r.span.end)
            self.add(node, RDF.type, CKG.Resolution)
            self.add(node, CKG.text, r.text)
            self.add(node, CKG.number, r.number)
            self.add(node, CKG.meeting, self.meeting_iri)
            self.evidence(node, r.span)

    def area(self, code: str) -> URIRef:
        info = council_info(self.council)
        code = code.lower()
        if code == "council":
            if info and info.area:
                node = GSS[info.area]
                self.add(node, RDFS.label, info.area_name or self.council)
                self.add(node, RDF.type, CKG.Area)
                return node
            return self.council_iri
        nation = _nation_of(info)
        if code == "national" and nation:
            code = nation  # "the national average" is the council's own nation's
        if code == "england":
            node = GSS[england()]
            self.add(node, RDFS.label, "England")
        elif code == "national":
            node = iris.area(f"{self.council} national")
            self.add(node, RDFS.label, "national")
        elif code in ("region", "regional") and info and info.region:
            node = GSS[info.region]
            self.add(node, RDFS.label, regions()[info.region])
        elif code == "statistical-neighbours":
            node = iris.area(f"{self.council} statistical neighbours")
            self.add(node, RDF.type, CKG.ComparatorGroup)
            self.add(node, RDFS.label, f"statistical neighbours of {self.council}")
            self.add(node, CKG.comparatorOf, self.council_iri)
        else:
            named = {v.lower(): k for k, v in regions().items()}
            node = GSS[named[code.replace("-", " ")]] if code.replace("-", " ") in named else iris.area(code)
            self.add(node, RDFS.label, regions().get(str(node).rsplit("/", 1)[-1], code.replace("-", " ")))
        self.add(node, RDF.type, CKG.Area)
        return node

    def observations(self) -> None:
        for o in self.x.observations:
            node = iris.fact("observation", self.doc.sha256, o.span.start, o.span.end, f"{o.key}")
            self.add(node, RDF.type, QB.Observation)
            self.add(node, QB.dataSet, CKG.figures)
            self.add(node, CKG.indicator, self.indicator(o.indicator, o.indicator_label, node))
            self.add(node, CKG.council, self.council_iri)
            self.add(node, SDMX_DIM.refArea, self.area(o.area))
            label = o.period or self.linked.period
            self.add(node, CKG.periodLabel, label)
            if p := period_iri(label):
                self.add(node, SDMX_DIM.refPeriod, URIRef(p))
            self.add(node, CKG.measure, CKG[o.measure])
            if o.value is not None:
                self.add(node, CKG.value, Literal(o.value, datatype=XSD.decimal))
            self.add(node, SDMX_ATTR.unitMeasure, UNIT[o.unit])
            self.add(node, CKG.direction, o.direction)
            self.add(node, CKG.rag, o.rag)
            if o.denominator is not None:
                self.add(node, CKG.denominator, Literal(o.denominator, datatype=XSD.decimal))
            if o.confidence < 1:
                self.add(node, CKG.confidence, Literal(round(o.confidence, 2), datatype=XSD.decimal))
            self.add(node, CKG.surfaceForm, o.surface or None)
            self.add(node, SKOS.notation, o.notation or None)
            self.add(node, CKG.unitText, o.unit_words or None)
            if o.rate_base:
                self.add(node, CKG.rateBase, Literal(o.rate_base, datatype=XSD.integer))
            self.add(node, CKG.derivedRag, self.derived_rag(o))
            self.evidence(node, o.span)

    def derived_rag(self, o: ObservationFact) -> str | None:
        """Green or red for an actual value against the target the same document gives the same indicator, in
        the same unit and period, where the indicator's polarity says which way is better."""
        if o.measure != "actual" or o.value is None:
            return None
        period = o.period or self.linked.period  # no period is the document's own
        target = next((t for t in self.x.observations if t.measure == "target" and t.indicator == o.indicator
                       and t.unit == o.unit and (t.period or self.linked.period) == period
                       and t.value is not None), None)
        if target is None or target.value is None:
            return None
        m = self.linked.indicators.get(o.indicator)
        cid = m.concept if m else o.indicator
        pol = polarity(cid) if cid and concept(cid) else None
        if pol not in ("higher", "lower"):
            return None
        good = o.value >= target.value if pol == "higher" else o.value <= target.value
        return "green" if good else "red"

    def commitments(self) -> None:
        for c in self.x.commitments:
            node = iris.fact("commitment", self.doc.sha256, c.span.start, c.span.end)
            self.add(node, RDF.type, CKG.Commitment)
            self.add(node, RDF.type, SCHEMA.Action)
            self.add(node, CKG.text, c.text)
            self.add(node, CKG.actor, self.speaker(c.actor))
            self.add(node, CKG.meeting, self.meeting_iri)
            self.add(node, CKG.committee, self.committee_iri)
            self.add(node, CKG.council, self.council_iri)
            self.add(node, CKG.dueKind, c.due_kind)
            self.add(node, CKG.dueText, c.due_text)
            if c.due_date:
                self.add(node, CKG.dueDate, Literal(c.due_date.isoformat(), datatype=XSD.date))
            if c.condition:
                self.add(node, CKG.condition, c.condition)
            self.add(node, CKG.confidence, Literal(round(c.confidence, 2), datatype=XSD.decimal))
            self.topic(node, c.topic)
            self.evidence(node, c.span)

    def progress(self) -> None:
        """Statements the ledger may quote as evidence that an earlier commitment was kept."""
        for p in self.x.progress:
            node = iris.fact("progress", self.doc.sha256, p.span.start, p.span.end)
            self.add(node, RDF.type, CKG.ProgressStatement)
            self.add(node, CKG.text, p.text)
            self.add(node, CKG.progressKind, p.kind)
            self.add(node, CKG.actor, self.speaker(p.actor))
            self.add(node, CKG.meeting, self.meeting_iri)
            self.add(node, CKG.committee, self.committee_iri)
            self.evidence(node, p.span)


def _page(doc: SourceDoc, offset: int) -> int | None:
    for s in doc.sections:
        if s.kind == "page" and s.start <= offset < s.end:
            return int(s.label) if s.label.isdigit() else None
    return None


def to_graph(linked: Linked, *, when: dt.datetime | None = None) -> Graph:
    """The triples of one document's named graph."""
    w = _Writer(linked, when)
    w.document()
    w.bodies()
    w.people_and_posts()
    w.contributions()
    w.resolutions()
    w.observations()
    w.commitments()
    w.progress()
    if linked.council == UNKNOWN_COUNCIL:
        w.add(w.doc_iri, RDFS.comment, "council not known: add a sidecar naming it")
    return w.g


def scheme_graph(concepts: Iterable[dict]) -> Graph:
    """The indicator scheme as SKOS (the indicators named graph)."""
    g = new_graph()
    scheme = iris.indicator_scheme()
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal(scheme_label())))
    g.add((scheme, RDFS.label, Literal(scheme_label())))
    for c in concepts:
        node = iris.indicator(c["id"])
        g.add((node, RDF.type, SKOS.Concept))  # ckg:Indicator only once a document names it (kg.layout)
        g.add((node, SKOS.inScheme, scheme))
        g.add((node, SKOS.prefLabel, Literal(c["label"], lang=None)))
        for alt in c.get("alt", ()):
            g.add((node, SKOS.altLabel, Literal(alt)))
        if c.get("polarity"):
            g.add((node, CKG.polarity, Literal(c["polarity"])))
        g.add((node, CKG.service, Literal(c["service"])))
        g.add((node, CKG.usualUnit, UNIT[c["unit"]]))
        if c.get("per"):
            g.add((node, CKG.rateBase, Literal(int(c["per"]), datatype=XSD.integer)))
        if c.get("unit_words"):
            g.add((node, CKG.unitText, Literal(c["unit_words"])))
        for system, code in (c.get("codes") or {}).items():
            # a typed notation per code system, as SKOS recommends, so "2A(1)" is read as an ASCOF code
            g.add((node, SKOS.notation, Literal(str(code), datatype=CKG[f"{system}Code"])))
        if c.get("definition"):
            g.add((node, SKOS.definition, Literal(c["definition"])))
        for m in c.get("close_match", ()):
            g.add((node, SKOS.closeMatch, URIRef(m)))
        if c.get("complement"):
            g.add((node, CKG.complementOf, iris.indicator(c["complement"])))
        if c.get("broader"):
            g.add((node, SKOS.broader, iris.indicator(c["broader"])))
    return g


def reference_graph() -> Graph:
    """Councils, their areas and regions, England, as the reference list gives them. In terms of its own
    (ckg:ListedCouncil, ckg:listedName, ...): what documents say of a council or an area is in the shared
    graph, and a council no document names must not count as a ckg:Council found (kg.layout)."""
    from kg.reference import councils

    g = new_graph()
    eng = GSS[england()]
    g.add((eng, RDF.type, CKG.ListedArea))
    g.add((eng, CKG.listedName, Literal("England")))
    for code, name in regions().items():
        g.add((GSS[code], RDF.type, CKG.ListedArea))
        g.add((GSS[code], CKG.listedName, Literal(name)))
    for c in councils():
        node = iris.council(c.name)
        g.add((node, RDF.type, CKG.ListedCouncil))
        g.add((node, CKG.listedName, Literal(c.name)))
        for a in c.aliases:
            g.add((node, CKG.listedAlias, Literal(a)))
        if c.area:
            g.add((node, CKG.listedArea, GSS[c.area]))
            g.add((GSS[c.area], RDF.type, CKG.ListedArea))
            g.add((GSS[c.area], CKG.listedName, Literal(c.area_name or c.name)))
        if c.region:
            g.add((node, CKG.listedRegion, GSS[c.region]))
    return g


_ = BNode  # blank nodes are never written: every node has a minted IRI

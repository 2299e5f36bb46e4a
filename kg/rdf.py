"""RDF: turn one linked extraction into the triples of that document's named graph.

Every fact node gets `prov:wasDerivedFrom` an evidence span (Web Annotation selectors into the pinned
rendition) and `prov:wasGeneratedBy` the extraction run. No RDF-star, no reification.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from rdflib import BNode, Graph, Literal, URIRef

from kg import iris
from kg.indicator_link import KnownIndicator, link_indicator
from kg.indicators import concept, polarity, scheme_label
from kg.link import UNKNOWN_COUNCIL, Linked
from kg.model import ObservationFact, Span
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
from kg.reference import core, council_info, england, regions
from kg.terms import Term, Vocab, nquads, plain, typed
from kg.terms import iri as _iri
from kg.terms import term as _object

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

# The emitter's vocabulary, as N-Triples terms (kg.terms); the rdflib namespaces above build the reference
# graphs and users' graphs.
_CKG, _DCTERMS, _FOAF, _GSS, _OA, _ORG, _PROV, _QB = (Vocab(n) for n in (CKG, DCTERMS, FOAF, GSS, OA, ORG,
                                                                        PROV, QB))
_RDF, _RDFS, _SCHEMA, _SDMX_ATTR, _SDMX_DIM, _SKOS, _XSD = (Vocab(n) for n in (RDF, RDFS, SCHEMA, SDMX_ATTR,
                                                                              SDMX_DIM, SKOS, XSD))
_UNIT = Vocab(UNIT)
_PERSON_CLASS, _KIND_CLASS = Vocab(PERSON_CLASS), Vocab(KIND_CLASS)
Ref = URIRef | Term  # a node: an IRI minted by kg.iris, or a vocabulary term
_typed = typed
# a person tally's count of each kind of contribution (`person_tallies`; kg.ingest.upgrade_tallies too)
TALLY_COUNTS = {"question": CKG.questionCount, "comment": CKG.commentCount, "response": CKG.responseCount}
_TALLY_TERMS = tuple((kind, _iri(str(prop))) for kind, prop in TALLY_COUNTS.items())


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
        self.t: dict[tuple[str, str, str], None] = {}  # N-Triples terms, in order, each triple once
        self.refs: dict[URIRef | str, Term] = {}  # `ref`
        self.spans: dict[tuple[int, int], URIRef] = {}  # `evidence`: a span is named by several facts
        self.pages = [s for s in linked.extraction.doc.sections if s.kind == "page"]  # `_page`, in order
        self.posts: set[tuple[str, str]] = set()  # (council, post label): what this document adds to Known
        self.found: dict[str, KnownIndicator] = {}  # found-indicator IRI -> (key, label, unit), the same
        self.figures: dict[str, tuple[set[str], ...]] = {}  # `figure_rows`: a figure's terms, as in the graph
        self.doc_iri = iris.document(self.doc.sha256)
        self.run = iris.run(self.doc.sha256)
        self.when = when
        self.council = linked.council
        self.council_iri = iris.council(self.council)
        self.info = council_info(self.council)  # read by `bodies` and every figure's `area`
        self.committee_iri = iris.committee(self.council, linked.committee) if linked.committee else None
        self.meeting_iri = (
            iris.meeting(self.council, linked.committee, linked.meeting_when)
            if linked.committee and linked.meeting_when
            else None
        )

    def add(self, s: Ref, p: Term, o: Ref | Literal | str | int | float | bool | dt.date | None) -> None:
        kind = type(o)
        if kind is URIRef:
            o = self.refs.get(o) or self.ref(o)  # type: ignore[arg-type,call-overload]
        elif kind is not Term:
            if o is None or o == "":
                return
            o = _object(o)
        if type(s) is not Term:
            s = self.refs.get(s) or self.ref(s)  # type: ignore[arg-type,call-overload]
        self.t[(s, p, o)] = None  # type: ignore[index]

    def ref(self, node: URIRef | str) -> Term:
        """A node's N-Triples term, made once a document: a fact, span or run is named in many triples, and
        kg.terms keeps only the IRIs met in document after document."""
        term = self.refs.get(node)
        if term is None:
            term = self.refs[node] = _iri(node)
        return term

    def evidence(self, node: URIRef, span: Span | None) -> None:
        """`node` was derived from `span` of this document, by this run."""
        self.add(node, _PROV.wasGeneratedBy, self.run)
        if span is None:
            return
        sha, text = self.doc.sha256, self.doc.text
        s = self.spans.get((span.start, span.end))
        if s is None:
            s = self.spans[(span.start, span.end)] = iris.span(sha, span.start, span.end)
        self.add(node, _PROV.wasDerivedFrom, s)
        if (self.ref(s), _RDF.type, _CKG.EvidenceSpan) in self.t:
            return  # a span named before (~3 in 10): its selectors are written already
        pos, quote = (
            iris.selector(sha, span.start, span.end, "pos"),
            iris.selector(sha, span.start, span.end, "quote"),
        )
        self.add(s, _RDF.type, _CKG.EvidenceSpan)
        self.add(s, _OA.hasSource, self.doc_iri)
        self.add(s, _OA.hasSelector, pos)
        self.add(s, _OA.hasSelector, quote)
        self.add(pos, _RDF.type, _OA.TextPositionSelector)
        self.add(pos, _OA.start, _typed(span.start, _XSD.nonNegativeInteger))
        self.add(pos, _OA.end, _typed(span.end, _XSD.nonNegativeInteger))
        self.add(quote, _RDF.type, _OA.TextQuoteSelector)
        self.add(quote, _OA.exact, span.quote)
        q = self.ref(quote)  # prefix and suffix are written even when empty (the quote starts or ends it)
        self.t[(q, _OA.prefix, plain(text[max(0, span.start - CONTEXT) : span.start]))] = None
        self.t[(q, _OA.suffix, plain(text[span.end : span.end + CONTEXT]))] = None
        if page := _page(self.pages, span.start):
            self.add(s, _CKG.page, _typed(page, _XSD.integer))

    # ---- the parts of the graph

    def document(self) -> None:
        d, meta, doc = self.doc_iri, self.doc.meta, self.doc
        self.add(d, _RDF.type, _CKG.Document)
        self.add(d, _RDF.type, _FOAF.Document)
        self.add(d, _DCTERMS.title, meta.title or self.x.item_title or doc.name)
        self.add(d, _CKG.docType, meta.doc_type)
        self.add(d, _CKG.sourceFile, doc.name)
        self.add(d, _CKG.sha256, doc.sha256)
        self.add(d, _CKG.format, doc.format)
        self.add(d, _CKG.textLength, _typed(len(doc.text), _XSD.integer))
        self.add(d, _DCTERMS.source, _iri(meta.source_url) if meta.source_url else None)
        self.add(d, _CKG.council, self.council_iri)
        self.add(d, _CKG.committee, self.committee_iri)
        self.add(d, _CKG.meeting, self.meeting_iri)
        self.period(d, self.linked.period)
        self.add(self.run, _RDF.type, _CKG.ExtractionRun)
        self.add(self.run, _RDF.type, _PROV.Activity)
        self.add(self.run, _PROV.used, d)
        self.add(self.run, _CKG.extractorVersion, VERSION)
        if self.when:
            self.add(
                self.run,
                _PROV.startedAtTime,
                _typed(self.when.isoformat(timespec="seconds"), _XSD.dateTime),
            )
        for name, origin in meta.origins:
            if name in ("council", "committee", "period"):
                self.add(d, _CKG.origin, f"{name}:{origin}")

    def period(self, node: URIRef, label: str | None) -> None:
        if not label:
            return
        self.add(node, _CKG.periodLabel, label)
        if p := period_iri(label):
            self.add(node, _CKG.period, _iri(p))
            self.add(_iri(p), _RDF.type, _CKG.Period)
            self.add(_iri(p), _RDFS.label, label)

    def bodies(self) -> None:
        c = self.council_iri
        self.add(c, _RDF.type, _CKG.Council)
        self.add(c, _RDF.type, _ORG.FormalOrganization)
        self.add(c, _RDFS.label, self.council)
        self.add(c, _SKOS.prefLabel, self.council)
        info = self.info
        if info and info.area:
            self.add(c, _SCHEMA.areaServed, _GSS[info.area])
        if info and info.region:
            self.add(c, _CKG.region, _GSS[info.region])
        if self.x.council and self.x.council.span:
            self.evidence(c, self.x.council.span)
        if self.committee_iri:
            k = self.committee_iri
            self.add(k, _RDF.type, _CKG.Committee)
            self.add(k, _RDF.type, _ORG.OrganizationalUnit)
            self.add(k, _RDFS.label, self.linked.committee)
            self.add(k, _ORG.unitOf, c)
            if self.x.committee and self.x.committee.span:
                self.evidence(k, self.x.committee.span)
        if self.meeting_iri:
            m, meta = self.meeting_iri, self.doc.meta
            self.add(m, _RDF.type, _CKG.Meeting)
            self.add(m, _RDF.type, _SCHEMA.Event)
            self.add(m, _SCHEMA.organizer, self.committee_iri)
            when = meta.meeting_date.strftime("%-d %B %Y") if meta.meeting_date else self.linked.period
            self.add(m, _RDFS.label, f"{self.linked.committee}, {when}")
            if meta.meeting_date:
                self.add(m, _SCHEMA.startDate, _typed(meta.meeting_date.isoformat(), _XSD.date))
            self.period(m, self.linked.period)
            item = iris.agenda_item(self.doc.sha256)
            title = self.x.item_title or meta.title
            self.add(item, _RDF.type, _CKG.AgendaItem)
            self.add(item, _RDF.type, _SCHEMA.Event)
            self.add(item, _SCHEMA.superEvent, m)
            self.add(item, _SCHEMA.name, title or self.doc.name)
            self.add(self.doc_iri, _CKG.agendaItem, item)

    def people_and_posts(self) -> None:
        for p in self.x.people:
            ident = self.linked.people[p.key]
            node = iris.person(self.council, ident.key)
            self.add(node, _RDF.type, _FOAF.Person)
            self.add(node, _RDF.type, _PERSON_CLASS[p.role])
            self.add(node, _FOAF.name, ident.label)
            self.add(node, _FOAF.familyName, p.surname)
            self.add(node, _FOAF.givenName, p.forename)
            self.add(node, _FOAF.title, p.honorific)
            self.add(node, _CKG.office, p.office)
            self.add(node, _CKG.council, self.council_iri)
            self.add(node, _CKG.surfaceForm, p.span.quote)
            self.add(node, _CKG.identityMethod, ident.method)
            self.evidence(node, p.span)
        for p in self.x.posts:
            ident = self.linked.posts[p.key]
            node = iris.post(self.council, ident.key)
            self.add(node, _RDF.type, _ORG.Post)
            self.add(node, _RDFS.label, ident.label)
            self.add(node, _ORG.postIn, self.council_iri)
            self.posts.add((self.council, ident.label))
            self.add(node, _CKG.surfaceForm, p.surface)
            self.add(node, _CKG.identityMethod, ident.method)
            if p.method in ("acronym", "coreference"):  # how this surface form joined the post, for review
                self.add(node, _CKG.identityMethod, p.method)
            if ident.score is not None:
                self.add(node, _CKG.identityScore, _typed(round(ident.score, 1), _XSD.decimal))
            self.evidence(node, p.span)
        when = self.doc.meta.meeting_date
        for h in self.x.holdings:
            person, post = self.linked.people[h.person], self.linked.posts[h.post]
            m = iris.membership(
                self.council, person.key, post.key, when.isoformat() if when else self.linked.period or ""
            )
            self.add(m, _RDF.type, _ORG.Membership)
            self.add(m, _ORG.member, iris.person(self.council, person.key))
            self.add(m, _ORG.organization, self.council_iri)
            self.add(m, _CKG.heldPost, iris.post(self.council, post.key))
            if when:
                self.add(m, _CKG.asOf, _typed(when.isoformat(), _XSD.date))
            self.add(m, _CKG.periodLabel, self.linked.period)
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
            self.add(node, _RDF.type, _CKG.SpeakerGroup)
            self.add(node, _RDFS.label, name.replace("-", " ").capitalize())
            return node
        return None

    def topic(self, node: URIRef, topic: str | None) -> None:
        if not topic:
            return
        if topic.startswith("new:") or concept(topic):
            self.add(node, _CKG.topic, self.indicator(topic, topic.removeprefix("new:").replace("-", " ")))
        else:
            self.add(node, _CKG.topicText, topic)

    def indicator(self, concept_id: str, label: str, fact: URIRef | None = None) -> URIRef:
        """Scheme concepts live in the indicators graph. A phrase the extractors did not find in the scheme
        was linked (kg.link): to a concept, the decision recorded on `fact`; or to an indicator found in this
        council's documents, declared here in the found-indicators scheme and flagged for review."""
        if concept(concept_id) and concept_id not in self.linked.indicators:
            return self.in_data(iris.indicator(concept_id))
        m = self.linked.indicators.get(concept_id) or link_indicator(label, council=self.council)
        if m.concept:
            if fact is not None:
                self.identity(fact, m.method, m.score if m.method == "fuzzy" else None)
            return self.in_data(iris.indicator(m.concept))
        if m.method == "known" and fact is not None:  # another wording of an indicator the council has
            self.identity(fact, m.method, m.score)
        node = iris.found_indicator(m.council or self.council, m.key)
        scheme = iris.found_indicator_scheme()
        self.add(node, _RDF.type, _CKG.Indicator)
        self.add(node, _RDF.type, _SKOS.Concept)
        self.add(node, _SKOS.prefLabel, m.label)
        self.add(node, _SKOS.inScheme, scheme)
        self.add(node, _CKG.council, self.council_iri)
        self.add(node, _CKG.surfaceForm, label)
        self.add(node, _CKG.needsReview, True)
        # later documents of the council link their wordings to it (kg.link's Known); the IRI's last part
        # is the key, as a store query reads it back (kg.prepare.known_from_store)
        self.found.setdefault(node, KnownIndicator(node.rsplit("/", 1)[-1], m.label,
                                                   m.unit if m.unit in UNIT else None))
        if m.unit in UNIT:  # what its figures are in, so a later wording in another unit stays apart
            self.add(node, _CKG.usualUnit, _UNIT[m.unit])
        # every document declaring it says "new"; how this document's wording met it is on the figure
        self.identity(node, "new", m.score if m.method == "new" else None)
        if m.nearest and concept(m.nearest):
            nearest = concept(m.nearest)["label"]  # type: ignore[index]
            self.add(node, _RDFS.comment, f"nearest scheme indicator: {nearest} ({m.nearest})")
        self.add(scheme, _RDF.type, _SKOS.ConceptScheme)
        self.add(scheme, _SKOS.prefLabel, FOUND_SCHEME_LABEL)
        return node

    def in_data(self, concept_iri: URIRef) -> URIRef:
        """A scheme concept a document names is an indicator found in data (the scheme types it only
        skos:Concept, so a concept no document names is never counted as found)."""
        self.add(concept_iri, _RDF.type, _CKG.Indicator)
        return concept_iri

    def identity(self, node: URIRef, method: str, score: float | None) -> None:
        self.add(node, _CKG.identityMethod, method)
        if score is not None:
            self.add(node, _CKG.identityScore, _typed(round(score, 1), _XSD.decimal))

    def contributions(self) -> None:
        sha = self.doc.sha256
        keys = {
            c.key: iris.fact("contribution", sha, c.span.start, c.span.end, c.kind)
            for c in self.x.contributions
        }
        for c in self.x.contributions:
            node = keys[c.key]
            self.add(node, _RDF.type, _CKG.Contribution)
            self.add(node, _RDF.type, _KIND_CLASS[c.kind])
            self.add(node, _CKG.kind, c.kind)
            self.add(node, _CKG.speaker, self.speaker(c.speaker))
            self.add(node, _CKG.respondsTo, keys.get(c.responds_to or ""))
            self.add(node, _CKG.meeting, self.meeting_iri)
            if c.confidence < 1:
                self.add(node, _CKG.confidence, _typed(round(c.confidence, 2), _XSD.decimal))
            self.topic(node, c.topic)
            self.evidence(node, c.span)

    def resolutions(self) -> None:
        for r in self.x.resolutions:
            node = iris.fact("resolution", self.doc.sha256, r.span.start, r.span.end)
            self.add(node, _RDF.type, _CKG.Resolution)
            self.add(node, _CKG.text, r.text)
            self.add(node, _CKG.number, r.number)
            self.add(node, _CKG.meeting, self.meeting_iri)
            self.evidence(node, r.span)

    @cached_property
    def _own_names(self) -> set[str]:
        """The council's own area as a text may name it, as council names are compared (kg.reference.core: the
        place words, "City of York Council" and "York" both "york"): its name and its area's. Once a
        document, not a figure."""
        names = {core(self.council)}
        if self.info and self.info.area_name:
            names.add(core(self.info.area_name))
        return {n for n in names if n}

    def area(self, code: str) -> URIRef:
        info = self.info
        code = code.lower()
        if code != "council" and core(code.removeprefix("the ")) in self._own_names:
            code = "council"  # "199 in the Vale of Glamorgan" in that council's own paper: the council's area
        if code == "council":
            if info and info.area:
                node = _GSS[info.area]
                self.add(node, _RDFS.label, info.area_name or self.council)
                self.add(node, _RDF.type, _CKG.Area)
                return node
            return self.council_iri
        nation = _nation_of(info)
        if code == "national" and nation:
            code = nation  # "the national average" is the council's own nation's
        if code == "england":
            node = _GSS[england()]
            self.add(node, _RDFS.label, "England")
        elif code == "national":
            node = iris.area(f"{self.council} national")
            self.add(node, _RDFS.label, "national")
        elif code in ("region", "regional") and info and info.region:
            node = _GSS[info.region]
            self.add(node, _RDFS.label, regions()[info.region])
        elif code in ("statistical-neighbours", "virtual-comparator"):
            # each council's own group: its statistical neighbours, its pupils' virtual comparator
            words_ = code.replace("-", " ")
            node = iris.area(f"{self.council} {words_}")
            self.add(node, _RDF.type, _CKG.ComparatorGroup)
            self.add(node, _RDFS.label, f"{words_} of {self.council}")
            self.add(node, _CKG.comparatorOf, self.council_iri)
        else:
            region = {v.lower(): k for k, v in regions().items()}.get(code.replace("-", " "))
            node = _GSS[region] if region else iris.area(code)
            self.add(node, _RDFS.label, regions()[region] if region else code.replace("-", " "))
        self.add(node, _RDF.type, _CKG.Area)
        return node

    def observations(self) -> None:
        for o in self.x.observations:
            node = iris.fact("observation", self.doc.sha256, o.span.start, o.span.end, f"{o.key}")
            self.add(node, _RDF.type, _QB.Observation)
            self.add(node, _QB.dataSet, _CKG.figures)
            indicator = self.indicator(o.indicator, o.indicator_label, node)
            self.add(node, _CKG.indicator, indicator)
            self.add(node, _CKG.council, self.council_iri)
            self.add(node, _SDMX_DIM.refArea, self.area(o.area))
            label = o.period or self.linked.period
            self.add(node, _CKG.periodLabel, label)
            if p := period_iri(label):
                self.add(node, _SDMX_DIM.refPeriod, _iri(p))
            self.add(node, _CKG.measure, _CKG[o.measure])
            if o.value is not None:
                self.add(node, _CKG.value, _typed(o.value, _XSD.decimal))
            self.add(node, _SDMX_ATTR.unitMeasure, _UNIT[o.unit])
            self.figure(node, o, indicator, label)
            self.add(node, _CKG.direction, o.direction)
            self.add(node, _CKG.rag, o.rag)
            if o.denominator is not None:
                self.add(node, _CKG.denominator, _typed(o.denominator, _XSD.decimal))
            if o.confidence < 1:
                self.add(node, _CKG.confidence, _typed(round(o.confidence, 2), _XSD.decimal))
            self.add(node, _CKG.surfaceForm, o.surface or None)
            self.add(node, _SKOS.notation, o.notation or None)
            self.add(node, _CKG.unitText, o.unit_words or None)
            if o.rate_base:
                self.add(node, _CKG.rateBase, _typed(o.rate_base, _XSD.integer))
            self.add(node, _CKG.derivedRag, self.derived_rag(o))
            self.evidence(node, o.span)

    def figure(self, node: URIRef, o: ObservationFact, indicator_iri: URIRef, period: str | None) -> None:
        """What the graph says of a figure that the latest figures read (kg.aggregates): sets, as the graph
        holds them, should two facts ever name the same figure."""
        council, measure, indicator, value, p, unit = self.figures.setdefault(
            str(node), (set(), set(), set(), set(), set(), set()))
        council.add(str(self.council_iri))
        measure.add(str(CKG[o.measure]))
        indicator.add(str(indicator_iri))
        if o.value is not None:
            value.add("")
        if period:
            p.add(period)
        unit.add(str(UNIT[o.unit]))

    def figure_rows(self) -> tuple[tuple[str, str, str, str, str, str | None], ...]:
        """(council, figure, measure, indicator, period, unit) of each actual and target figure with a value
        and a period: the rows kg/queries/_latest-council.rq reads back from this document's graph."""
        wanted = {str(CKG.actual), str(CKG.target)}
        return tuple((c, obs, m, i, p, u)
                     for obs, (cs, ms, inds, value, ps, us) in self.figures.items() if value
                     for c in sorted(cs) for m in sorted(ms & wanted) for i in sorted(inds)
                     for p in sorted(ps) for u in (sorted(us) or [None]))

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
            self.add(node, _RDF.type, _CKG.Commitment)
            self.add(node, _RDF.type, _SCHEMA.Action)
            self.add(node, _CKG.text, c.text)
            self.add(node, _CKG.actor, self.speaker(c.actor))
            self.add(node, _CKG.meeting, self.meeting_iri)
            self.add(node, _CKG.committee, self.committee_iri)
            self.add(node, _CKG.council, self.council_iri)
            self.add(node, _CKG.dueKind, c.due_kind)
            self.add(node, _CKG.dueText, c.due_text)
            if c.due_date:
                self.add(node, _CKG.dueDate, _typed(c.due_date.isoformat(), _XSD.date))
            if c.condition:
                self.add(node, _CKG.condition, c.condition)
            self.add(node, _CKG.confidence, _typed(round(c.confidence, 2), _XSD.decimal))
            self.topic(node, c.topic)
            self.evidence(node, c.span)

    def tallies(self) -> None:
        """How many contributions, resolutions and commitments the document minutes at its meeting, on the
        document: `meetings` then sums three numbers a document instead of counting every fact in the store,
        and removing or replacing the document takes them with it."""
        if not self.meeting_iri:
            return
        kinds = [o for (_, p, o) in self.t if p == _RDF.type]
        for cls, prop in ((_CKG.Contribution, _CKG.contributionCount),
                          (_CKG.Resolution, _CKG.resolutionCount), (_CKG.Commitment, _CKG.commitmentCount)):
            self.add(self.doc_iri, prop, _typed(kinds.count(cls), _XSD.integer))
        self.person_tallies()

    def person_tallies(self) -> None:
        """Each councillor the document names, with how many questions, comments and responses they made at
        its meeting: councillor-activity sums these a document at a time instead of counting every
        contribution in the store. (A person's key, so their IRI, carries their role: one typed a councillor
        anywhere is one in every document that names them.)"""
        if not self.committee_iri:
            return
        said: dict[str, set[tuple[str, str]]] = {
            self.linked.people[p.key].key: set() for p in self.x.people if p.role == "councillor"}
        sha = self.doc.sha256
        for c in self.x.contributions if self.meeting_iri else ():  # counted at a meeting only, as queries do
            if c.speaker in self.linked.people and self.linked.people[c.speaker].key in said:
                node = iris.fact("contribution", sha, c.span.start, c.span.end, c.kind)  # each one once
                said[self.linked.people[c.speaker].key].add((c.kind, node))
        for key, made in said.items():
            node = iris.person_tally(sha, key)
            self.add(node, _RDF.type, _CKG.PersonTally)
            self.add(node, _CKG.tallyOf, iris.person(self.council, key))
            for kind, prop in _TALLY_TERMS:
                if n := sum(1 for k, _ in made if k == kind):  # none: no triple (most people say nothing)
                    self.add(node, prop, _typed(n, _XSD.integer))

    def progress(self) -> None:
        """Statements the ledger may quote as evidence that an earlier commitment was kept."""
        for p in self.x.progress:
            node = iris.fact("progress", self.doc.sha256, p.span.start, p.span.end)
            self.add(node, _RDF.type, _CKG.ProgressStatement)
            self.add(node, _CKG.text, p.text)
            self.add(node, _CKG.progressKind, p.kind)
            self.add(node, _CKG.actor, self.speaker(p.actor))
            self.add(node, _CKG.meeting, self.meeting_iri)
            self.add(node, _CKG.committee, self.committee_iri)
            self.evidence(node, p.span)


def _page(pages: list, offset: int) -> int | None:
    """The number of the first of the document's page sections holding `offset`."""
    for s in pages:
        if s.start <= offset < s.end:
            return int(s.label) if s.label.isdigit() else None
    return None


@dataclass(frozen=True)
class Emitted:
    """One document's triples as N-Triples terms (kg.terms), and what it adds to what later documents are
    linked against (kg.link.Known): its posts and the indicators found in it, by council."""

    doc: str  # the document's IRI, also its graph's name
    triples: tuple[tuple[str, str, str], ...]
    posts: tuple[tuple[str, str], ...] = ()  # (council, post label)
    indicators: tuple[tuple[str, KnownIndicator], ...] = ()  # (council, found indicator)
    figures: tuple[tuple[str, str, str, str, str, str | None], ...] = ()  # `_Writer.figure_rows`

    def __len__(self) -> int:
        return len(self.triples)

    def nquads(self) -> bytes:
        """The document's named graph as N-Quads."""
        return nquads(self.triples, self.doc)

    def graph(self) -> Graph:
        """The same triples in an rdflib Graph (for export, validation and users' code)."""
        g = new_graph()
        g.parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in self.triples), format="nt")
        return g


def emit(linked: Linked, *, when: dt.datetime | None = None) -> Emitted:
    """The triples of one document's named graph, straight as N-Triples terms."""
    with iris.held_base():
        return _emit(linked, when)


def _emit(linked: Linked, when: dt.datetime | None) -> Emitted:
    w = _Writer(linked, when)
    w.document()
    w.bodies()
    w.people_and_posts()
    w.contributions()
    w.resolutions()
    w.observations()
    w.commitments()
    w.progress()
    w.tallies()
    if linked.council == UNKNOWN_COUNCIL:
        w.add(w.doc_iri, _RDFS.comment, "council not known: add a sidecar naming it")
    council = w.council
    return Emitted(str(w.doc_iri), tuple(w.t), tuple(sorted(w.posts)),
                   tuple(sorted(((council, k) for k in w.found.values()),
                                key=lambda ck: (ck[1].key, ck[1].label, ck[1].unit or ""))),
                   w.figure_rows())


def to_graph(linked: Linked, *, when: dt.datetime | None = None) -> Graph:
    """The triples of one document's named graph, in rdflib (`emit` is the ingest's fast path)."""
    return emit(linked, when=when).graph()


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

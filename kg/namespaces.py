"""The project's vocabulary, mirroring `ontology/council-kg.ttl` (tests/test_namespaces.py keeps them in
step), and the standard vocabularies it reuses."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, XSD, DefinedNamespace


class CKG(DefinedNamespace):
    """council-kg terms: https://w3id.org/council-kg/def#"""

    _fail = True
    _NS = Namespace("https://w3id.org/council-kg/def#")

    AgendaItem: URIRef
    Area: URIRef
    Commitment: URIRef
    Committee: URIRef
    ComparatorGroup: URIRef
    Contribution: URIRef
    Council: URIRef
    Councillor: URIRef
    Document: URIRef
    EvidenceSpan: URIRef
    ExtractionRun: URIRef
    Indicator: URIRef
    ListedArea: URIRef
    ListedCouncil: URIRef
    MeasureKind: URIRef
    Meeting: URIRef
    Officer: URIRef
    OtherPerson: URIRef
    Period: URIRef
    ProgressStatement: URIRef
    Resolution: URIRef
    ReviewDecision: URIRef
    SpeakerGroup: URIRef
    StatusAssessment: URIRef
    Unit: URIRef
    actor: URIRef
    actual: URIRef
    agendaItem: URIRef
    ascofCode: URIRef
    asOf: URIRef
    asOfDocument: URIRef
    assessment: URIRef
    asserts: URIRef
    benchmark: URIRef
    committee: URIRef
    comparatorOf: URIRef
    complementOf: URIRef
    condition: URIRef
    confidence: URIRef
    council: URIRef
    count: URIRef
    currency: URIRef
    decision: URIRef
    denominator: URIRef
    direction: URIRef
    docType: URIRef
    dueDate: URIRef
    dueKind: URIRef
    dueText: URIRef
    evidence: URIRef
    extractorVersion: URIRef
    figures: URIRef
    figuresStructure: URIRef
    format: URIRef
    fulfilledBy: URIRef
    heldPost: URIRef
    identityMethod: URIRef
    identityScore: URIRef
    indicator: URIRef
    kind: URIRef
    lgbfCode: URIRef
    listedAlias: URIRef
    listedArea: URIRef
    listedName: URIRef
    listedRegion: URIRef
    matchReason: URIRef
    matchScore: URIRef
    measure: URIRef
    meeting: URIRef
    needsReview: URIRef
    niCode: URIRef
    nispiCode: URIRef
    number: URIRef
    office: URIRef
    origin: URIRef
    otherUnit: URIRef
    page: URIRef
    pamCode: URIRef
    percent: URIRef
    period: URIRef
    periodLabel: URIRef
    polarity: URIRef
    previous: URIRef
    progressKind: URIRef
    pruneCandidate: URIRef
    rag: URIRef
    derivedRag: URIRef
    rate: URIRef
    rateBase: URIRef
    region: URIRef
    respondsTo: URIRef
    service: URIRef
    reviewedEvidence: URIRef
    reviewedStatus: URIRef
    reviewer: URIRef
    reviewOf: URIRef
    sha256: URIRef
    sourceFile: URIRef
    speaker: URIRef
    status: URIRef
    surfaceForm: URIRef
    target: URIRef
    text: URIRef
    textLength: URIRef
    topic: URIRef
    topicText: URIRef
    unitText: URIRef
    until: URIRef
    usualUnit: URIRef
    value: URIRef
    # aggregates (kg/aggregates.py)
    contributionCount: URIRef
    resolutionCount: URIRef
    commitmentCount: URIRef
    latestActual: URIRef
    statedTarget: URIRef
    PersonTally: URIRef
    laterMeetings: URIRef
    tallyOf: URIRef
    questionCount: URIRef
    commentCount: URIRef
    responseCount: URIRef


SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_ATTR = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
GSS = Namespace("http://statistics.data.gov.uk/id/statistical-geography/")
ONTOLOGY_IRI = URIRef("https://w3id.org/council-kg/def")

PREFIXES: dict[str, Namespace] = {
    "ckg": Namespace(str(CKG._NS)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "dcterms": Namespace(str(DCTERMS)),
    "foaf": Namespace(str(FOAF)),
    "org": Namespace(str(ORG)),
    "schema": SCHEMA,
    "skos": Namespace(str(SKOS)),
    "qb": Namespace(str(QB)),
    "prov": Namespace(str(PROV)),
    "oa": OA,
    "sdmx-dimension": SDMX_DIM,
    "sdmx-attribute": SDMX_ATTR,
}

__all__ = [
    "CKG",
    "DCTERMS",
    "FOAF",
    "GSS",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "QB",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SDMX_ATTR",
    "SDMX_DIM",
    "SKOS",
    "XSD",
    "ONTOLOGY_IRI",
    "PREFIXES",
]

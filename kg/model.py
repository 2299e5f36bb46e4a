"""Frozen dataclasses that travel between the pipeline's stages.

read -> `SourceDoc` -> extract -> `Extraction` (facts with local keys and spans)
-> link (keys resolved to identities) -> rdf -> store.

Facts refer to each other by *local keys* (plain strings, unique within one document's
extraction), never by IRI: minting IRIs is the rdf stage's job (`kg.iris`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

DocType = Literal["minutes", "report", "agenda", "decision", "other"]
Role = Literal["councillor", "officer", "other"]
ContributionKind = Literal["question", "comment", "response"]
Unit = Literal["percent", "count", "rate", "currency", "other"]
Measure = Literal["actual", "target", "benchmark", "previous"]
DueKind = Literal["next_meeting", "next_update", "future_meeting", "date", "none"]
Status = Literal["open", "fulfilled", "overdue", "unknown"]
Origin = Literal["sidecar", "header", "inferred", "default"]


@dataclass(frozen=True)
class Span:
    """Evidence: [start, end) character offsets into the pinned rendition, and the exact text there."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class DocMeta:
    """What is known about a document before extraction; `origins` says where each field came from."""

    council: str | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    title: str | None = None
    doc_type: str | None = None
    period: str | None = None  # normalised label, "2017/18 Q2", "2023/24", or "Q1" when the year is unknown
    source_url: str | None = None
    item: str | None = None  # agenda item number or title from a ModernGov header
    origins: tuple[tuple[str, Origin], ...] = ()

    def origin(self, name: str) -> Origin | None:
        return dict(self.origins).get(name)


@dataclass(frozen=True)
class Section:
    """A part of the rendition with its own boundaries: an agenda item, a PDF page, a table."""

    kind: Literal["item", "page", "table", "heading"]
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class TableCell:
    """A table cell read as data: its text span plus its row and column headers.

    `row` is unique within the document (table index * 10_000 + row index), so cells of one row group
    together; `column_header` joins the header rows above the cell ("2024/25 Q1"), `column_headers` keeps
    them apart, top first. Label columns (the row's first cell or cells) give `row_header`, not cells."""

    span: Span
    row_header: str
    column_header: str
    row: int
    column: int
    table: int = 0  # index into SourceDoc.tables
    column_headers: tuple[str, ...] = ()
    row_span: Span | None = None  # the row label as written (a wrapped label spans its lines)


TableLayout = Literal["html", "docx", "pdf-ruled", "pdf-text", "pipe", "tab", "aligned", "flattened"]


@dataclass(frozen=True)
class Table:
    """One table as the reader found it, whatever its layout; its cells are the `TableCell`s whose
    `table` is `index`."""

    index: int
    start: int
    end: int
    layout: str  # one of TableLayout
    header_rows: tuple[tuple[Span, ...], ...]  # each header row's cells, top first
    n_rows: int  # rows written, header rows included
    n_columns: int
    label: str = ""  # caption or title line above the table, where there is one


@dataclass(frozen=True)
class SourceDoc:
    """One document read into its pinned text rendition (NFC, `\\n` newlines); sha256 is of that text."""

    path: Path
    name: str  # file name as ingested, without folders
    text: str
    sha256: str
    format: str  # txt, md, html, pdf, docx
    meta: DocMeta
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    cells: tuple[TableCell, ...] = ()
    tables: tuple[Table, ...] = ()


# ---- facts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BodyFact:
    """The council or committee a document belongs to, with how it was decided."""

    kind: Literal["council", "committee"]
    name: str
    origin: Origin
    span: Span | None = None


@dataclass(frozen=True)
class PersonFact:
    """A person mentioned in the text. `key` is local; councillors key on council + surname."""

    key: str
    name: str  # as a reader would print it: "Councillor Jane Patterson", "Helen McAloon"
    role: Role
    span: Span
    surname: str = ""
    forename: str = ""
    honorific: str = ""  # Mrs, Dr, Mr
    office: str = ""  # Chair, Vice-Chair, or a co-opted role such as "Parent Governor Representative"


@dataclass(frozen=True)
class PostFact:
    """A post (office) mentioned in the text. `title` is canonical; `surface` is as written."""

    key: str
    title: str
    surface: str
    span: Span
    method: str = "exact"  # exact | alias | acronym | coreference | fuzzy:<score>


@dataclass(frozen=True)
class HoldingFact:
    """Evidence that a named person held a post (dated by the document's meeting)."""

    person: str  # PersonFact.key
    post: str  # PostFact.key
    span: Span


@dataclass(frozen=True)
class ContributionFact:
    """A question, comment or response. `speaker` is a person or post key, or a group ("group:panel")."""

    key: str
    kind: Literal["question", "comment", "response"]
    speaker: str | None
    span: Span
    responds_to: str | None = None  # key of the ContributionFact answered
    topic: str | None = None  # indicator id where one is named, else a short subject
    confidence: float = 1.0


@dataclass(frozen=True)
class ResolutionFact:
    key: str
    text: str
    span: Span
    number: str = ""  # "(i)", "1", "a"


@dataclass(frozen=True)
class ObservationFact:
    """A figure (or a figure-less direction statement) about one indicator."""

    key: str
    indicator: str  # concept id in the indicator scheme (kg/data/indicators/) or "new:<slug>" (see kg.link)
    indicator_label: str
    span: Span
    value: Decimal | None = None
    unit: Unit = "other"
    measure: Measure = "actual"
    area: str = "council"  # council | england | region | statistical-neighbours | <other code>
    period: str | None = None  # normalised label; None means the document's period
    direction: str | None = None  # improved, deteriorated, increased, reduced, plateaued, ...
    rag: str | None = None  # red, amber, green as the document states it (a derived RAG is kg.rdf's)
    denominator: Decimal | None = None  # "2320 of 3007"
    confidence: float = 1.0
    surface: str = ""  # the indicator as this document words it (a table row's label, a frame's phrase)
    notation: str = ""  # a code the document gives the indicator ("HSG07", "PAM/012")
    unit_words: str = ""  # what an `other` unit counts ("days", "days per FTE", "score")
    rate_base: int | None = None  # a rate's base: 1000 for "per 1,000"


@dataclass(frozen=True)
class CommitmentFact:
    key: str
    text: str  # short normalised statement of what is promised
    span: Span
    actor: str | None = None  # person or post key
    topic: str | None = None  # indicator id or subject
    due_text: str = ""
    due_kind: Literal["next_meeting", "next_update", "future_meeting", "date", "none"] = "none"
    due_date: dt.date | None = None  # due_kind "date": the day named, else the last day of the month named
    confidence: float = 1.0
    condition: str = ""  # a conditional promise's condition as written ("if Cabinet approves the bid")


@dataclass(frozen=True)
class ProgressFact:
    """A statement that something was done, circulated or reported, or an item's title: candidate evidence
    the ledger matches against earlier commitments of the same committee."""

    key: str
    text: str
    span: Span
    kind: Literal["done", "reference", "agenda", "partial", "pending"] = "done"  # the last two: log rows
    actor: str | None = None  # person or post key


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    doc: SourceDoc
    council: BodyFact | None = None
    committee: BodyFact | None = None
    period: str | None = None  # the document's period, normalised
    period_span: Span | None = None
    item_title: str | None = None
    people: tuple[PersonFact, ...] = ()
    posts: tuple[PostFact, ...] = ()
    holdings: tuple[HoldingFact, ...] = ()
    contributions: tuple[ContributionFact, ...] = ()
    resolutions: tuple[ResolutionFact, ...] = ()
    observations: tuple[ObservationFact, ...] = ()
    commitments: tuple[CommitmentFact, ...] = ()
    progress: tuple[ProgressFact, ...] = ()  # evidence candidates for the follow-up ledger
    notes: tuple[str, ...] = field(default=())  # what the extractor doubted, for review

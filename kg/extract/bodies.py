"""Extract the council, committee, period and agenda item title of a document.

Metadata (sidecar, ModernGov header) wins; otherwise the text is read for them and the evidence kept.
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import BodyFact, Extraction, Span
from kg.periods import find_period


def extract(x: Extraction) -> Extraction:
    meta, text = x.doc.meta, x.doc.text
    council = BodyFact("council", meta.council, meta.origin("council") or "sidecar") if meta.council else None
    committee = BodyFact("committee", meta.committee, meta.origin("committee") or "sidecar") if meta.committee else None
    period, period_span = meta.period, None
    if not period and (found := find_period(text[:3000])):
        period, period_span = found[0], Span.of(text, found[1], found[2])
    return replace(x, council=council, committee=committee, period=period, period_span=period_span,
                   item_title=meta.title)

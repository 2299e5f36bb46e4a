"""The text layer: one view of a document's text that every extractor shares.

`view(doc)` finds, once per document, its lines, running page furniture, headings, agenda items and
their numbers, list items, sentences, clauses and quoted speech, and keeps the readers' tables out of
the prose. Extractors take a `TextView` and never split the text themselves (spaCy's `Doc` is the model:
one analysis, many consumers).
"""

from __future__ import annotations

from kg.text.view import (
    Clause,
    Heading,
    Item,
    Line,
    ListItem,
    Sentence,
    TextView,
    back,
    build,
    view,
    worded_again,
)

__all__ = ["Clause", "Heading", "Item", "Line", "ListItem", "Sentence", "TextView", "back", "build", "view",
           "worded_again"]

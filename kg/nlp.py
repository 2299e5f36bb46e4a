"""The one spaCy pipeline: blank English with a sentencizer (tokens and sentences, no model download).

It sits below the text layer, the extractors and the indicator scheme so that one parse of a document
serves them all, and matchers built by any of them share its vocabulary."""

from __future__ import annotations

from functools import cache, lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# spaCy refuses texts over its max_length; the readers already bound a document's size
# (kg.read.max_text_bytes, 20 MB by default), so the pipeline takes whatever they let through.
MAX_CHARS = 100_000_000


@cache
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.max_length = MAX_CHARS
    return pipeline


@lru_cache(maxsize=8)
def parse(text: str) -> Doc:
    """The Doc for `text`, shared by everything that reads one document."""
    return nlp()(text)

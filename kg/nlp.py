"""The one spaCy pipeline: blank English with a sentencizer (tokens and sentences, no model download).

It sits below the text layer, the extractors and the indicator scheme so that one parse of a document
serves them all, and matchers built by any of them share its vocabulary."""

from __future__ import annotations

from functools import cache, lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@cache
def nlp() -> Language:
    from kg.read import max_text_bytes

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    # spaCy refuses texts over 1,000,000 characters (E088, a guard for its parsers' memory); the blank
    # pipeline needs little, and the documented limit is the readers' (KG_MAX_TEXT_MB, in bytes >= chars).
    pipeline.max_length = max(pipeline.max_length, max_text_bytes() + 1)
    return pipeline


@lru_cache(maxsize=8)
def parse(text: str) -> Doc:
    """The Doc for `text`, shared by everything that reads one document."""
    return nlp()(text)

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


# Chunks (whitespace-separated words) already shown to the tokenizer on their own.
_warmed: set[str] = set()


def _warm(text: str) -> None:
    """Have the tokenizer cache every word of `text` before the text is tokenized.

    spaCy's tokenizer caches a word's tokens, but stops caching for the rest of a text once it meets a
    special case (a single newline is one), so the words after a document's first wrapped line were split
    by the affix rules on every parse (2-4 ms of a 5 KB report). A word tokenized on its own is cached
    unless it holds a special case itself; the cached tokens are the ones the rules give, so the Doc is the
    same. Stops when the tokenizer's cache is full (it saves nothing more then)."""
    tokenizer = nlp().tokenizer
    if len(_warmed) >= tokenizer.max_cache_size:
        return
    new = [w for w in dict.fromkeys(text.split()) if w not in _warmed]
    for word in new:
        tokenizer(word)
    _warmed.update(new)


@lru_cache(maxsize=8)
def parse(text: str) -> Doc:
    """The Doc for `text`, shared by everything that reads one document."""
    _warm(text)
    return nlp()(text)

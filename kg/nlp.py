"""The one spaCy pipeline: blank English with a sentencizer (tokens and sentences, no model download).

It sits below the text layer, the extractors and the indicator scheme so that one parse of a document
serves them all, and matchers built by any of them share its vocabulary."""

from __future__ import annotations

from functools import cache, lru_cache

import numpy
import spacy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
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
    room = tokenizer.max_cache_size - len(_warmed)
    if room <= 0:
        return
    new = sorted(set(text.split()) - _warmed)[:room]  # no more than the cache can keep (a huge text)
    for word in new:
        tokenizer(word)
    _warmed.update(new)


@cache
def _sentence_enders() -> numpy.ndarray:
    """The ORTH ids of the sentencizer's sentence-final characters."""
    strings, enders = nlp().vocab.strings, nlp().get_pipe("sentencizer").punct_chars
    return numpy.array(sorted(strings[c] for c in enders), dtype=numpy.uint64)


def _sentencize(doc: Doc) -> Doc:
    """The pipeline's sentencizer, in array operations (its loop builds a Python Token for every word).

    Its rule: a sentence starts at the first token, and at every token that is neither punctuation nor a
    sentence-final character ("." "?" "!" ...) when the last such token before it was one of those
    characters, punctuation in between skipped ("... done.) The next")."""
    if not len(doc):
        return doc
    attrs = doc.to_array([ORTH, IS_PUNCT])
    enders = _sentence_enders()  # sorted: a binary search is quicker than numpy.isin here
    ender = enders[numpy.minimum(numpy.searchsorted(enders, attrs[:, 0]), len(enders) - 1)] == attrs[:, 0]
    word = (attrs[:, 1] == 0) & ~ender
    counted = numpy.flatnonzero(ender | word)  # what the rule looks at: enders and words
    after_ender = numpy.concatenate(([False], ender[counted[:-1]]))
    starts = numpy.zeros(len(doc), dtype=bool)
    starts[counted[after_ender & word[counted]]] = True
    starts[0] = True
    # SENT_START: 1 opens a sentence, -1 (as unsigned) does not
    doc.from_array([SENT_START], numpy.where(starts, 1, -1).astype(numpy.int64).astype(numpy.uint64))
    return doc


@lru_cache(maxsize=8)
def parse(text: str) -> Doc:
    """The Doc for `text`, shared by everything that reads one document: the pipeline's tokens and
    sentences (the same as `nlp()(text)`, tests/test_nlp.py), found faster."""
    _warm(text)
    return _sentencize(nlp().make_doc(text))

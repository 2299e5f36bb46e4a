"""The shared spaCy parse: the same tokens and sentences as the plain pipeline, found faster."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.nlp import parse

DATA = Path(__file__).resolve().parent / "data"
EDGES = ["", " ", "\n\n", "Hello.", "...", "a. b", "Done.) The next", "x!? y", "e.g. this. That one",
         "“Quoted.” Next one.", "end。 start", "Mr. Smith won't go.\nHe said: 'No!' (Really?) Yes",
         "Q2 2017/18 (July – September)\nwrapped line\n\nNew paragraph."]


@pytest.fixture(scope="module")
def plain() -> spacy.language.Language:
    """A pipeline built the documented way, with a tokenizer cache of its own."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def _texts() -> list[str]:
    files = sorted(p for p in DATA.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    return [p.read_text(encoding="utf-8") for p in files] + EDGES


def _shape(doc: spacy.tokens.Doc) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.is_sent_start, t.norm_) for t in doc]


def test_parse_gives_the_plain_pipelines_tokens_and_sentences(plain: spacy.language.Language) -> None:
    """Every text document under tests/data, and edge cases, parse to the same tokens and sentence starts
    as spacy.blank("en") with its sentencizer (so the warmed tokenizer cache and the array sentence rule
    change nothing)."""
    for text in _texts():
        assert _shape(parse(text)) == _shape(plain(text)), text[:80]


def test_a_second_parse_after_the_cache_is_warm_is_the_same(plain: spacy.language.Language) -> None:
    """A text parsed again, now that its words are cached, still gives the plain pipeline's tokens."""
    text = "The report was noted.\nOfficers will circulate it (by 31 March).\n\nMembers asked: why?"
    first = _shape(parse(text))
    parse.cache_clear()
    assert _shape(parse(text)) == first == _shape(plain(text))

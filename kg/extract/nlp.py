"""One blank English spaCy pipeline for every extractor, and loaders for the pattern files (rules are data).

Pattern files live in kg/extract/patterns/: `NAME.txt` (one phrase per line, `#` comments) for a
PhraseMatcher, `NAME.jsonl` (one {"label": ..., "pattern": [...]} per line) for a Matcher or SpanRuler,
`NAME.yaml` for structured vocabularies.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc


@cache
def nlp() -> Language:
    """spacy.blank("en") with a sentencizer: tokenisation and sentences, no model download."""
    from kg.read import max_text_bytes

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    # spaCy refuses texts over 1,000,000 characters (E088, a guard for its parsers' memory); the blank
    # pipeline needs little, and the documented limit is the readers' (KG_MAX_TEXT_MB, in bytes >= chars).
    pipeline.max_length = max(pipeline.max_length, max_text_bytes() + 1)
    return pipeline


@lru_cache(maxsize=8)
def parse(text: str) -> Doc:
    """The Doc for `text`, shared by the extractors of one document."""
    return nlp()(text)


def sentences(text: str) -> list[tuple[int, int]]:
    """Character offsets of the sentences of `text`."""
    return [(s.start_char, s.end_char) for s in parse(text).sents]


def pattern_text(name: str) -> str:
    return resources.files("kg.extract.patterns").joinpath(name).read_text(encoding="utf-8")


@cache
def phrases(name: str) -> tuple[str, ...]:
    """Lines of NAME.txt, without comments and blanks."""
    lines = (line.split("#", 1)[0].strip() for line in pattern_text(f"{name}.txt").splitlines())
    return tuple(line for line in lines if line)


@cache
def vocabulary(name: str) -> dict:
    return yaml.safe_load(pattern_text(f"{name}.yaml"))


@cache
def token_patterns(name: str) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in pattern_text(f"{name}.jsonl").splitlines()
                 if line.strip() and not line.lstrip().startswith("//"))


@cache
def phrase_matcher(name: str, attr: str = "LOWER") -> PhraseMatcher:
    """A PhraseMatcher over NAME.txt, matching on `attr` (LOWER: case-insensitive)."""
    m = PhraseMatcher(nlp().vocab, attr=attr)
    m.add(name, [nlp().make_doc(p) for p in phrases(name)])
    return m


@cache
def matcher(name: str) -> Matcher:
    """A Matcher over NAME.jsonl; each line's label becomes the match id."""
    m = Matcher(nlp().vocab)
    for entry in token_patterns(name):
        m.add(entry["label"], [entry["pattern"]])
    return m

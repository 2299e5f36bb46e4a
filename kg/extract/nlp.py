"""One blank English spaCy pipeline for every extractor, and loaders for the pattern files (rules are data).

Pattern files live in kg/extract/patterns/: `NAME.txt` (one phrase per line, `#` comments) for a
PhraseMatcher, `NAME.jsonl` (one {"label": ..., "pattern": [...]} per line) for a Matcher or SpanRuler,
`NAME.yaml` for structured vocabularies.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.matcher import Matcher, PhraseMatcher

# the one pipeline and its parse live in kg.nlp, below the text layer and the indicator scheme
from kg.nlp import nlp, parse  # noqa: E402,F401 - re-exported for the extractors
from kg.yamlfile import loads


def pattern_text(name: str) -> str:
    return resources.files("kg.extract.patterns").joinpath(name).read_text(encoding="utf-8")


@cache
def phrases(name: str) -> tuple[str, ...]:
    """Lines of NAME.txt, without comments and blanks."""
    lines = (line.split("#", 1)[0].strip() for line in pattern_text(f"{name}.txt").splitlines())
    return tuple(line for line in lines if line)


@cache
def vocabulary(name: str) -> dict:
    return loads(pattern_text(f"{name}.yaml"), f"kg/extract/patterns/{name}.yaml")


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

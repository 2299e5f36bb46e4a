"""Extraction as a whole: every document under tests/data gives the facts recorded for it.

The record (tests/data/extract_facts.json) holds, per document and per field of its Extraction, a digest of
the field's repr; it was written by the code before the speed work of issue 13 (tokenizer cache, sentence
rule in arrays, grouped alternations, prefilters), which must not change a single fact. A change that is
meant to alter what is extracted rewrites it:

    .venv/bin/python tests/test_extract.py --update
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
RECORD = DATA / "extract_facts.json"
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


def _documents() -> list[Path]:
    return sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def _facts(path: Path) -> dict[str, str]:
    """Field -> digest of its repr (the document itself left out), or the error a document cannot be read
    with."""
    from kg.errors import KgError
    from kg.extract import extract
    from kg.read import read_document

    try:
        x = extract(read_document(path, root=path.parent))
    except KgError as err:
        return {"error": type(err).__name__}
    return {f.name: hashlib.sha256(repr(getattr(x, f.name)).encode()).hexdigest()[:16]
            for f in dataclasses.fields(x) if f.name != "doc"}


def _record() -> dict[str, dict[str, str]]:
    return {p.relative_to(DATA).as_posix(): _facts(p) for p in _documents()}


@pytest.fixture(scope="module")
def recorded() -> dict[str, dict[str, str]]:
    return json.loads(RECORD.read_text(encoding="utf-8"))


def test_every_test_document_gives_the_recorded_facts(recorded: dict[str, dict[str, str]]) -> None:
    """Each document's facts (people, posts, figures, commitments, notes, ...) are those on record."""
    now = _record()
    assert sorted(now) == sorted(recorded), "documents added or removed: rewrite the record (see above)"
    changed = {(doc, field) for doc, fields in now.items() for field, digest in fields.items()
               if recorded[doc].get(field) != digest}
    assert not changed, sorted(changed)


if __name__ == "__main__" and "--update" in sys.argv:
    RECORD.write_text(json.dumps(_record(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {RECORD}")

"""Properties (hypothesis) over the readers and the extractors: any text in, no exception out, every
offset inside the text, every quote equal to the text at its offsets.

The text mixes council-minutes phrasing (so the extractors' rules fire) with arbitrary unicode:
combining marks that NFC composes, CR/LF mixes, NUL, BOM, right-to-left and astral characters.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.extract import extract
from kg.model import SourceDoc, Span
from kg.read import pin, read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
SEED_LINES = sorted({line.strip() for t in SEED_TEXTS for line in t.splitlines() if line.strip()})

PHRASES = [
    "Meeting: 13/07/2022 - Corporate Parenting Panel (Item 11)", "Minutes:", "Present:",
    "Apologies for absence", "Councillor Jane Patterson (Chair)", "Cllr Halden asked",
    "Mrs Kolker asked about", "Councillor Smith asked", "Councillor O'Neill-Brown queried",
    "The Strategy Team Leader responded that", "Helen McAloon, Strategy Team Leader",
    "The Head of Early Help, Assessment & Safeguarding explained", "Members were informed that",
    "RESOLVED:", "RESOLVED that the report be noted.", "(i) that the report be noted;",
    "(ii) that a report be", "brought to the next meeting", "will report back to a future meeting",
    "an update in January 2024", "The Corporate Director agreed to circulate", "91% of care leavers",
    "21.5%", "2320 of 3007", "£1.2m", "£120,000", "re-referrals to children's social care",
    "against a target of 90%", "England average 83%", "statistical neighbours", "Quarter 2 2017/18",
    "Q1 2023/24", "2023/24", "improved from 79% to 85%", "has deteriorated", "Red", "Amber", "Green", "RAG",
    "Agenda item 5", "Performance Management Report", "Durham County Council",
    "Children and Young People's Overview and Scrutiny Committee", "\t", "|", "•", "–",
]
ODD = ["\r\n", "\r", "\n\n", "\x00", "\ufeff", "e\u0301", "A\u030a", "\u202e", "\U0001f600", "\u00a0",
       "\u2028", "ﬁ", "Ω", "ß", "İ", "\u0000\u0000", "\x0c", "\x1b", "…", "‘quoted’", "“quoted”"]

WORDS = st.sampled_from(PHRASES + ODD) | st.sampled_from(SEED_LINES)
NOISE = st.text(min_size=1, max_size=12)  # any unicode (surrogates excluded: not encodable text)
SEPARATORS = st.sampled_from([" ", "\n", ". ", ", ", "\r\n", "\n\n", ": ", ""])


@st.composite
def council_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(WORDS | NOISE, SEPARATORS), min_size=1, max_size=40))
    return "".join(a + b for a, b in parts)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """A whole seed with a few cuts and insertions: real structure, disturbed."""
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 40))
        text = text[:at] + draw(WORDS | NOISE | SEPARATORS) + text[at + cut:]
    return text


TEXTS = council_text() | mutated_seed()


def spans(value: object) -> Iterator[Span]:
    """Every Span anywhere inside a fact, a tuple of facts or an Extraction."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, SourceDoc):
        return  # the document itself: its cells are checked on their own
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from spans(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for v in value:
            yield from spans(v)


def assert_spans_exact(text: str, found: Iterator[Span], where: str) -> None:
    for s in found:
        assert 0 <= s.start <= s.end <= len(text), f"{where}: {s} outside the text ({len(text)} chars)"
        assert text[s.start:s.end] == s.quote, f"{where}: {s} quotes {text[s.start:s.end]!r}"


def assert_document_sound(doc: SourceDoc) -> None:
    text = doc.text
    assert text == pin(text), "the rendition is not pinned"
    assert doc.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for sec in doc.sections:
        assert 0 <= sec.start <= sec.end <= len(text), f"section {sec} outside the text"
    assert_spans_exact(text, (c.span for c in doc.cells), "reader cell")


def read_or_refuse(folder: Path, name: str, data: bytes) -> SourceDoc | None:
    """Read a generated file: a SourceDoc, or a KgError (one clear line); nothing else may come out."""
    path = folder / name
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except KgError as err:
        assert err.line() and "\n" not in err.line()
        return None
    assert_document_sound(doc)
    return doc


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=TEXTS, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       suffix=st.sampled_from([".txt", ".md"]))
def test_text_readers_pin_or_refuse(text: str, encoding: str, suffix: str) -> None:
    data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as tmp:
        doc = read_or_refuse(Path(tmp), f"gen{suffix}", data)
    if doc is not None and encoding in ("utf-8", "utf-8-sig"):
        assert doc.text == pin(text), "UTF-8 text must read back as itself, pinned"


@SETTINGS
@given(text=TEXTS, wrap=st.booleans())
def test_html_reader_pins_or_refuses(text: str, wrap: bool) -> None:
    # Raw, unescaped text as HTML: truncated tags, stray '<', entities, anything.
    page = f"<html><body><div id='modgov'><p>{text}</p></div></body></html>" if wrap else text
    with tempfile.TemporaryDirectory() as tmp:
        read_or_refuse(Path(tmp), "gen.html", page.encode("utf-8", errors="replace"))


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_bytes_read_or_refuse(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        read_or_refuse(Path(tmp), "gen.txt", data)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_extractors_never_raise_and_quote_exactly(text: str) -> None:
    """Read a generated document, extract every kind of fact: no exception, and every span exact."""
    with tempfile.TemporaryDirectory() as tmp:
        doc = read_or_refuse(Path(tmp), "gen.txt", text.encode("utf-8"))
    if doc is None:
        return
    x = extract(doc)  # an ExtractionError here is a failure too: any text in, no exception out
    assert x.doc.text == doc.text and x.doc.sha256 == doc.sha256  # metadata may be inferred; text pinned
    assert_spans_exact(doc.text, spans(x), "extracted fact")
    if x.period_span is not None:
        assert_spans_exact(doc.text, iter([x.period_span]), "period")

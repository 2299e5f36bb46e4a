"""`TextView`: the text layer's one analysis of a document, built once and shared by every extractor."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc

from kg.model import Section, SourceDoc
from kg.text import lines as _lines
from kg.text import sentences as _sentences
from kg.text import structure
from kg.text.units import Clause, Heading, Item, Line, ListItem, Sentence


def back(text: str, at: int, chars: int) -> int:
    """Where the `chars` characters before `at` begin in `text`, a run of spaces counted as one: the page
    furniture a sentence runs over is blanked in the view's flat text ("had fallen to / Page 2 of 3 / 8.3
    days"), and is no distance for a window read before a figure or a name."""
    i = at
    while i > 0 and chars > 0:
        i -= 1
        if not (text[i].isspace() and i and text[i - 1].isspace()):
            chars -= 1
    return i


def worded_again(a: str, b: str) -> bool:
    """Two long stretches worded as one ("indicates"/"indicated" aside): a ModernGov page's "Minutes" block
    repeating its "Decision" block. Short ones ("That the report be noted.") close many items and never
    count as a repeat."""
    if min(len(a), len(b)) < 60:
        return False
    return SequenceMatcher(None, a.lower(), b.lower(), autojunk=False).ratio() >= 0.85


@dataclass(frozen=True)
class TextView:
    """Lines, headings, agenda items, list items, sentences, clauses and quoted speech of one text.
    Tables (the readers' table sections) are left out of the prose: their lines are `in_table`."""

    text: str
    lines: tuple[Line, ...]
    headings: tuple[Heading, ...]
    items: tuple[Item, ...]
    list_items: tuple[ListItem, ...]
    sentences: tuple[Sentence, ...]
    clauses: tuple[Clause, ...]
    quotes: tuple[tuple[int, int], ...]
    tables: tuple[tuple[int, int], ...]
    doc: Doc = field(compare=False, repr=False)
    # the text with each line break inside a sentence (prose wrapped to a width, as PDFs give it) made a
    # space and the page furniture a sentence runs over blanked: the same length, so a pattern that reads a
    # name, a title or a figure across the wrap finds offsets that still point into `text` (quote from
    # `text`, never from here)
    flat: str = field(compare=False, repr=False)
    _sentence_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    _clauses_by_sentence: tuple[tuple[Clause, ...], ...] = field(default=(), compare=False, repr=False)

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, pos: int) -> int | None:
        """Index of the sentence holding offset `pos`."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return None

    def sentences_in(self, start: int, end: int) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.start < end and start < s.end]

    def clauses_of(self, sentence: int) -> tuple[Clause, ...]:
        """The clauses of one sentence, indexed once when the view is built (extractors ask for every one)."""
        return self._clauses_by_sentence[sentence] if sentence < len(self._clauses_by_sentence) else ()

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding offset `pos` starts (its first sentence's start; 0 outside any)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 0:
            return 0
        k = i
        while k > 0 and self.sentences[k - 1].paragraph == self.sentences[i].paragraph:
            k -= 1
        return self.sentences[k].start

    def item_at(self, pos: int) -> Item | None:
        for item in self.items:
            if item.start <= pos < item.end:
                return item
        return None

    def in_table(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.tables)

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)


def _table_ranges(sections: tuple[Section, ...], tables: tuple = ()) -> tuple[tuple[int, int], ...]:
    ranges = {(s.start, s.end) for s in sections if s.kind == "table"}
    ranges |= {(t.start, t.end) for t in tables}
    return tuple(sorted(ranges))


def build(text: str, sections: tuple[Section, ...] = (), tables: tuple = ()) -> TextView:
    """The view of `text`; `sections` and `tables` are what the reader found (items, tables)."""
    from kg.nlp import parse  # the one spaCy pipeline

    table_ranges = _table_ranges(sections, tables)
    lines = _lines.lines(text, table_ranges)
    width = _lines.page_width(text, lines)  # what the prose is wrapped to: one measure for every step
    heads = structure.headings(text, lines, width)
    items = structure.items(text, heads, sections)
    list_items = structure.list_items(text, lines, heads, width)
    doc = parse(text)
    sents = _sentences.sentences(text, doc, lines, heads, list_items, width)
    sents = tuple(_place(s, items) for s in sents)
    clauses = _sentences.clauses(text, sents)
    by_sentence: list[list[Clause]] = [[] for _ in sents]
    for c in clauses:
        by_sentence[c.sentence].append(c)
    return TextView(
        text=text,
        lines=lines,
        headings=heads,
        items=items,
        list_items=list_items,
        sentences=sents,
        clauses=clauses,
        quotes=_sentences.quotes(text, sents),
        tables=table_ranges,
        doc=doc,
        flat=unwrapped(text, sents, lines),
        _sentence_starts=tuple(s.start for s in sents),
        _clauses_by_sentence=tuple(map(tuple, by_sentence)),
    )


def unwrapped(text: str, sents: tuple[Sentence, ...], lines: tuple[Line, ...] = ()) -> str:
    """`text` with the line breaks inside its prose sentences made spaces (a sentence never crosses a blank
    line, a heading, a list item or a table, so a break inside one is where a line was wrapped), and the
    page furniture a sentence runs over ("he would bring a / Page 2 of 3 / report on ...") blanked."""
    if "\n" not in text:
        return text
    chars = list(text)
    starts = [ln.start for ln in lines]
    for s in sents:
        if s.kind != "heading":
            at = text.find("\n", s.start, s.end)
            while at != -1:
                chars[at] = " "
                at = text.find("\n", at + 1, s.end)
            for ln in lines[bisect_right(starts, s.start):bisect_right(starts, s.end)]:
                if ln.furniture or ln.blank:
                    chars[ln.start:ln.end] = " " * (ln.end - ln.start)
    return "".join(chars)


def _place(s: Sentence, items: tuple[Item, ...]) -> Sentence:
    for i, item in enumerate(items):
        if item.start <= s.start < item.end:
            return replace(s, item=i)
    return s


@lru_cache(maxsize=4)
def _cached(sha256: str, text: str, sections: tuple[Section, ...], tables: tuple) -> TextView:
    return build(text, sections, tables)


def view(doc: SourceDoc) -> TextView:
    """The view of a read document, built once however many extractors ask for it."""
    return _cached(doc.sha256, doc.text, doc.sections, getattr(doc, "tables", ()))

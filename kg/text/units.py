"""The units of the text layer. Offsets are [start, end) into the pinned rendition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ListKind = Literal["bullet", "letter", "roman", "number"]
SentenceKind = Literal["prose", "heading", "label"]


@dataclass(frozen=True)
class Line:
    """One line of the rendition, without its newline. `furniture` marks running page headers/footers;
    `orphan` the few words a second, narrower wrap pushed onto a line of their own (kg.text.lines)."""

    start: int
    end: int
    blank: bool = False
    furniture: bool = False
    in_table: bool = False
    orphan: bool = False


@dataclass(frozen=True)
class Heading:
    """A heading line: "23. Declarations of Interest", "APPENDIX A", "Minutes". `number` is the item
    number it opens with ("23", "OS/24/15", "7"), empty for an unnumbered heading."""

    start: int
    end: int
    text: str
    number: str = ""
    title_start: int = 0  # where the title begins after the number


@dataclass(frozen=True)
class Item:
    """An agenda item or minute: from its heading (or a reader's item section) to the next item's."""

    start: int
    end: int
    number: str
    title: str
    heading_end: int


@dataclass(frozen=True)
class ListItem:
    """A list item: its marker ("(a)", "•", "2.1", "(ii)") and body, up to the next item or blank line.
    `depth` is 0 for the outermost kind of marker in its block, 1 for a kind nested under it, ..."""

    start: int  # the marker's start
    body_start: int
    end: int
    marker: str
    kind: ListKind
    depth: int = 0


@dataclass(frozen=True)
class Sentence:
    """A unit of prose. `kind` is heading for a heading line and label for a short "Field: value" or
    title line standing alone; `item` and `list_item` index into the view's items and list items.
    `paragraph` counts the stretches of text a sentence may not cross: a blank line, a heading, a list item
    or a table ends one, and so does a line break where the next word would have fitted on the line (a
    paragraph typed without a blank line after it, as Word's text export gives them)."""

    start: int
    end: int
    kind: SentenceKind = "prose"
    item: int | None = None
    list_item: int | None = None
    paragraph: int = 0


@dataclass(frozen=True)
class Clause:
    """A part of a sentence that states one thing: split at semicolons and at words that start a new
    statement ("however", "whilst", "but")."""

    start: int
    end: int
    sentence: int

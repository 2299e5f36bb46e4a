"""What every reader returns, and the one place the text rendition is pinned."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from kg.model import DocMeta, Section, Table, TableCell


@dataclass(frozen=True)
class Rendition:
    """A reader's output. Offsets in `sections`, `cells` and `tables` must already point into `pin(text)`:
    readers call `pin` on their text before computing offsets (pinning is idempotent)."""

    text: str
    format: str
    encoding: str = "utf-8"
    meta: DocMeta = field(default_factory=DocMeta)
    warnings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    cells: tuple[TableCell, ...] = ()
    tables: tuple[Table, ...] = ()


def pin(text: str) -> str:
    """The pinned rendition: NFC, `\\n` newlines, no NUL. Idempotent, so readers may call it early."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)

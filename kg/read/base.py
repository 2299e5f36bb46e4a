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
    # a no-break, thin or figure space (Word and PDFs put them between a number and its unit, "£\xa04.2m")
    # is a space: one character for one, so the readers' offsets still hold
    return unicodedata.normalize("NFC", text).translate(_SPACES)


_SPACES = {c: " " for c in (0xA0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
                            0x2009, 0x200A, 0x202F, 0x205F, 0x3000)}

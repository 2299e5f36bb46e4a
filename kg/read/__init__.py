"""Read documents into one pinned text rendition. Each format is one module with a `read(path) -> Rendition`.

`read_document(path)` picks the reader by suffix, pins the text (NFC, `\\n` newlines), hashes it and
attaches metadata (sidecar first, then a ModernGov header in the text, then whatever the reader found).
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from kg.errors import InputError, UnsupportedFormat
from kg.model import SourceDoc
from kg.read.base import Rendition, pin
from kg.read.meta import merge_meta, read_sidecar, sidecar_path

# suffix -> module under kg.read; a new format is one module and one line here.
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".aspx": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_rendition(path: Path) -> Rendition:
    """The reader's output for `path`, before metadata and pinning."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"unknown format '{suffix or '(none)'}'", path=str(path), hint=f"use one of {known}")
    if not path.exists():
        raise InputError("file not found", path=str(path), hint="check the path")
    module = importlib.import_module(f"kg.read.{READERS[suffix]}")
    try:
        return module.read(path)
    except (InputError, MemoryError):
        raise
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", path=str(path),
                         hint="check it exists and is readable") from err


def read_document(path: Path, *, root: Path | None = None) -> SourceDoc:
    """Read one document into a `SourceDoc`. `root` bounds where a sidecar may point."""
    path = Path(path)
    rendition = read_rendition(path)
    text = pin(rendition.text)
    if not text.strip():
        raise InputError("no text in document", path=str(path), hint="is it empty, or a scanned PDF without a text layer?")
    sidecar = read_sidecar(sidecar_path(path), root=root or path.parent)
    meta = merge_meta(sidecar, text, rendition.meta)
    return SourceDoc(
        path=path,
        name=path.name,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        format=rendition.format,
        meta=meta,
        encoding=rendition.encoding,
        warnings=rendition.warnings,
        sections=rendition.sections,
        cells=rendition.cells,
    )


__all__ = ["READERS", "Rendition", "read_document", "read_rendition", "supported", "pin"]

"""Read documents into one pinned text rendition. Each format is one module with a `read(path) -> Rendition`.

`read_document(path)` picks the reader by suffix, pins the text (NFC, `\\n` newlines), hashes it and
attaches metadata (sidecar first, then a ModernGov header in the text, then whatever the reader found).
"""

from __future__ import annotations

import hashlib
import importlib
import os
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


# Text formats are read whole into memory, so a size limit keeps memory bounded; a bigger document is
# refused with one line before it is read. 20 MB is far above any real set of minutes or report.
MAX_MB_ENV = "KG_MAX_TEXT_MB"
DEFAULT_MAX_MB = 20.0
_READ_WHOLE = ("text", "html")


def max_text_bytes() -> int:
    raw = os.environ.get(MAX_MB_ENV, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = -1.0
    if mb <= 0:
        raise InputError(
            f"{MAX_MB_ENV}={raw!r} is not a positive number of megabytes", hint="unset it or fix it"
        )
    return int(mb * 1_000_000)


def _too_large(path: Path, size: int, limit: int) -> InputError:
    return InputError(
        f"too large: {size / 1e6:.1f} MB of text (limit {limit / 1e6:g} MB)",
        path=str(path),
        hint=f"split it, or raise the limit with {MAX_MB_ENV}=<megabytes>",
    )


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_rendition(path: Path) -> Rendition:
    """The reader's output for `path`, before metadata and pinning."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(
            f"unknown format '{suffix or '(none)'}'", path=str(path), hint=f"use one of {known}"
        )
    if not path.exists():
        raise InputError("file not found", path=str(path), hint="check the path")
    module = importlib.import_module(f"kg.read.{READERS[suffix]}")
    try:
        limit = max_text_bytes()
        if READERS[suffix] in _READ_WHOLE and (size := path.stat().st_size) > limit:
            raise _too_large(path, size, limit)
        if READERS[suffix] in ("pdf", "docx"):  # compressed: bound what they unpack to before reading
            from kg.read.limits import check

            check(path, READERS[suffix], limit)
        return module.read(path)
    except (InputError, MemoryError):
        raise
    except OSError as err:
        raise InputError(
            f"cannot read file: {err.strerror or err}", path=str(path), hint="check it exists and is readable"
        ) from err


def read_document(path: Path, *, root: Path | None = None) -> SourceDoc:
    """Read one document into a `SourceDoc`. `root` bounds where a sidecar may point."""
    path = Path(path)
    rendition = read_rendition(path)
    text = pin(rendition.text)
    if len(text) > (limit := max_text_bytes()):  # a PDF or DOCX whose text alone is over the limit
        raise _too_large(path, len(text.encode("utf-8")), limit)
    if not text.strip():
        raise InputError(
            "no text in document", path=str(path), hint="is it empty, or a scanned PDF without a text layer?"
        )
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
        tables=rendition.tables,
    )


__all__ = ["READERS", "Rendition", "read_document", "read_rendition", "supported", "pin"]

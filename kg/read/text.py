"""Plain text and Markdown: UTF-8, falling back to cp1252 with a warning."""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import InputError
from kg.read.base import Rendition, pin
from kg.read.tables import with_tables

# Control bytes that never occur in a real text document; a file with many is binary.
_BINARY = set(range(0, 9)) | {11, 12} | set(range(14, 32)) - {27}
_BINARY_BYTES = bytes(sorted(_BINARY))


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    # counted in C (what deleting them takes away): a byte at a time in Python was 0.2 ms a document
    binary = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return bool(sample) and binary / len(sample) > 0.05


# Byte order marks of the wide encodings, longest first (UTF-32-LE's starts with UTF-16-LE's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def decode(data: bytes, path: Path) -> tuple[str, str, tuple[str, ...]]:
    for bom, encoding in _BOMS:  # their NUL bytes would otherwise read as binary
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ()
            except UnicodeDecodeError as err:
                raise InputError(f"starts as {encoding.upper()} but is not (bad bytes at {err.start})",
                                 path=str(path), hint="re-save it as UTF-8") from err
    if looks_binary(data):
        raise InputError(
            "binary content, not text", path=str(path), hint="give the original PDF/DOCX, or a text file"
        )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                f"not UTF-8 (bad byte at {err.start}) and not cp1252",
                path=str(path),
                hint="re-save it as UTF-8",
            ) from err
        return text, "cp1252", (f"not UTF-8 (bad byte at offset {err.start}); read as cp1252",)


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ATX = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+")


def plain_markdown(text: str) -> str:
    """A Markdown document's text as it reads: strong emphasis and heading marks dropped ("**RESOLVED** -
    That", "## 5. Housing"), the words kept; tables stay pipe tables (read as such)."""
    return _ATX.sub("", _EMPHASIS.sub(r"\2", text))


def read(path: Path) -> Rendition:
    data = path.read_bytes()
    text, encoding, warnings = decode(data, path)
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    if fmt == "md":
        text = plain_markdown(text)
    return with_tables(Rendition(text=pin(text), format=fmt, encoding=encoding, warnings=warnings))

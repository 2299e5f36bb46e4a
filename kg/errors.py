"""One error family. The CLI turns a KgError into one line and an exit code; nothing else does."""

from __future__ import annotations

import re

MAX_MESSAGE = 240
# C0 and C1 controls (escape sequences, bell, newlines), DEL, bidi overrides and lone surrogates (a file
# name that is not UTF-8): shown escaped, so data can neither drive the terminal nor split a line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`, `\\n`, `\\xff` for a byte
    of a file name that is not UTF-8): safe to print on one line of a terminal."""
    return _UNSAFE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if "\udc80" <= c <= "\udcff":  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{ord(c) - 0xDC00:02x}"
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
        f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


class KgError(Exception):
    """Base of every error a user can cause or fix. `str()` is the one line shown to them."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        self.message, self.path, self.hint = message, path, hint
        super().__init__(self.line())

    def line(self) -> str:
        """Always one line: library messages (parser errors) can span many; the user needs the gist."""
        message = printable(" ".join(self.message.split()))
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 3] + "..."
        where = f"{printable(self.path)}: " if self.path else ""
        what = f" ({printable(self.hint)})" if self.hint else ""
        return f"{where}{message}{what}"


class InputError(KgError):
    """A document or sidecar cannot be read as given."""

    exit_code = 2


class UnsupportedFormat(InputError):
    """No reader knows this kind of file."""


class MetadataError(InputError):
    """A sidecar `.meta.yaml` is broken: bad YAML, unknown key, bad date, path escape."""


class ExtractionError(KgError):
    """An extractor raised on a document; the rest of the run goes on."""

    exit_code = 3


class StoreError(KgError):
    """The store cannot be opened, read or written."""

    exit_code = 4


class StoreUnreachable(StoreError):
    """A SPARQL server stopped answering: nothing more can be written, so the run stops."""


class StoreBusy(StoreError):
    """Another process holds the store for writing."""

    exit_code = 5


class QueryError(KgError):
    """A query is unknown, malformed, has bad parameters, or was cancelled."""

    exit_code = 6


class ValidationFailed(KgError):
    """The graph does not conform to the shapes."""

    exit_code = 7

"""One error family. The CLI turns a KgError into one line and an exit code; nothing else does."""

from __future__ import annotations

MAX_MESSAGE = 240


class KgError(Exception):
    """Base of every error a user can cause or fix. `str()` is the one line shown to them."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        self.message, self.path, self.hint = message, path, hint
        super().__init__(self.line())

    def line(self) -> str:
        """Always one line: library messages (parser errors) can span many; the user needs the gist."""
        message = " ".join(self.message.split())
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 3] + "..."
        where = f"{self.path}: " if self.path else ""
        what = f" ({self.hint})" if self.hint else ""
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


class StoreBusy(StoreError):
    """Another process holds the store for writing."""

    exit_code = 5


class QueryError(KgError):
    """A query is unknown, malformed, has bad parameters, or was cancelled."""

    exit_code = 6


class ValidationFailed(KgError):
    """The graph does not conform to the shapes."""

    exit_code = 7

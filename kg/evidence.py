"""Check a fact against its document: re-read the source, verify the pinned rendition's sha256, and
show the quoted span in its context. This is how a user checks any fact in the graph."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.errors import KgError
from kg.query import run
from kg.read import read_document
from kg.store import Store


@dataclass(frozen=True)
class Evidence:
    fact: str
    document: str
    file: str  # source key as ingested
    start: int
    end: int
    quote: str  # as stored in the graph
    page: int | None = None
    verified: bool | None = None  # None: the source file was not found under the folders given
    before: str = ""
    after: str = ""

    def show(self) -> str:
        mark = {
            True: "verified against the source",
            False: "DOES NOT MATCH the source",
            None: "source not checked",
        }
        return (
            f"{self.file} [{self.start}:{self.end}]"
            + (f" page {self.page}" if self.page else "")
            + f" ({mark[self.verified]})\n...{self.before}[[{self.quote}]]{self.after}..."
        )


def evidence(
    store: Store, fact: str, *, search: list[Path] | None = None, context: int = 80
) -> list[Evidence]:
    """The spans a fact was derived from; with `search` folders, each is checked against its source file."""
    rows = run(store, "_evidence", {"fact": URIRef(fact)}).rows
    if not rows:
        raise KgError(f"no evidence recorded for {fact}", hint="is it a fact IRI from this store?")
    out = []
    for r in rows:
        start, end, quote, key = int(r["start"]), int(r["end"]), str(r["exact"]), str(r["file"])
        ev = Evidence(
            fact, str(r["document"]), key, start, end, quote, int(r["page"]) if "page" in r else None
        )
        source = _find(key, search or [])
        if source is not None:
            doc = read_document(source)
            ok = doc.sha256 == str(r["sha"]) and doc.text[start:end] == quote
            ev = Evidence(
                ev.fact,
                ev.document,
                key,
                start,
                end,
                quote,
                ev.page,
                ok,
                doc.text[max(0, start - context) : start],
                doc.text[end : end + context],
            )
        out.append(ev)
    return out


def _find(key: str, folders: list[Path]) -> Path | None:
    for folder in folders:
        for candidate in (folder / key, folder / Path(key).name):
            if candidate.is_file():
                return candidate
    return None

"""The SPARQL 1.1 Protocol side of `kg serve`: result formats by content negotiation, and the SERVICE
guard (no query makes this server send a request anywhere it was not told it may)."""

from __future__ import annotations

import re

from kg.remote import SPARQL_TOKENS
from kg.web.pool import HttpError

FORMAT_ALIASES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
                  "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
                  "rdfxml": "rdfxml", "jsonld": "jsonld"}
MIME_FORMATS = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv", "text/turtle": "turtle",
                "application/x-turtle": "turtle", "application/n-triples": "ntriples",
                "text/plain": "ntriples",
                "application/rdf+xml": "rdfxml", "application/ld+json": "jsonld"}

def formats_for(accept: str | None, fmt: str | None) -> list[str]:
    """Preferred result formats, best first: the `format` parameter, then the Accept header by q."""
    if fmt:
        f = FORMAT_ALIASES.get(fmt.lower()) or MIME_FORMATS.get(fmt.lower().split(";")[0].strip())
        if not f:
            raise HttpError(400, f"unknown format '{fmt}': use json, xml, csv, tsv, turtle, ntriples, rdfxml "
                                 "or jsonld")
        return [f]
    prefs = []
    for i, part in enumerate((accept or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if bits[0] in MIME_FORMATS and q > 0:
            prefs.append((-q, i, MIME_FORMATS[bits[0]]))
    return [f for _, _, f in sorted(prefs)] or ["json", "turtle"]


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"SERVICE(?![\w:])", re.I)


def check_service(sparql: str, allowed: tuple[str, ...] = ()) -> None:
    """Refuse SERVICE (the query would make this server send a request to any address and answer with
    what comes back) unless it names, by a full IRI, an endpoint the person who started the server
    allowed. Comments and strings do not count; `\\u` escapes are read as SPARQL reads them."""

    def char(m: re.Match[str]) -> str:
        n = int(m.group(1) or m.group(2), 16)
        return chr(n) if n <= 0x10FFFF else "\ufffd"

    # Read both with and without `\\u` escapes expanded: SPARQL expands them before parsing, some parsers
    # only inside strings, and either reading could hide a SERVICE from the other.
    for text in {sparql, _CODEPOINT.sub(char, sparql)}:
        _check_tokens(text, allowed)


def _check_tokens(sparql: str, allowed: tuple[str, ...]) -> None:
    toks = [(m.lastgroup, m.group()) for m in SPARQL_TOKENS.finditer(sparql)
            if m.lastgroup != "comment" and not m.group().isspace()]
    for i, (kind, text) in enumerate(toks):
        if kind != "word" or not _SERVICE.match(text):
            continue
        j = i + 1 + (i + 1 < len(toks) and toks[i + 1][1].upper() == "SILENT")
        target = toks[j] if j < len(toks) and len(text) == 7 else None
        if target and target[0] == "iri" and target[1][1:-1] in allowed:
            continue
        if allowed:
            raise HttpError(400, "SERVICE is refused except to the endpoints this server allows, named by "
                                 f"their full IRI: {', '.join(allowed)}")
        raise HttpError(400, "SERVICE is refused: this server sends no requests to other servers (start "
                             "kg serve with --allow-service URL to allow an endpoint)")

"""Open a store by location: a folder is an embedded Oxigraph store (kg.store), an http(s) URL a SPARQL server
(kg.remote). It sits above both so that neither imports the other."""

from __future__ import annotations

from pathlib import Path

from kg.remote import RemoteStore
from kg.store import LocalStore, Store, default_location


def open_store(location: str | Path | None = None, *, read_only: bool = False, create: bool = True) -> Store:
    """Open the store at `location` (a directory, or an http(s) URL of a SPARQL server).
    `create=False` refuses a missing local store instead of creating an empty one."""
    location = str(location or default_location())
    if location.startswith(("http://", "https://")):
        return RemoteStore(location)
    return LocalStore(location, read_only=read_only, create=create)

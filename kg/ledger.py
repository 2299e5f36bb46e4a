"""The follow-up ledger: placeholder in the spine; Extraction III fills it in."""

from __future__ import annotations

import datetime as dt

from kg.store import Store


def update_ledger(store: Store, *, today: dt.date | None = None) -> tuple[str, ...]:
    return ()


def forget(store: Store, documents: list[str]) -> None:
    return None

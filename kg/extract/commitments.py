"""Extract commitments: placeholder in the spine; its extraction issue fills it in."""

from __future__ import annotations

from kg.model import Extraction


def extract(x: Extraction) -> Extraction:
    return x

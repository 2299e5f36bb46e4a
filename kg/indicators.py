"""The indicator scheme: a curated SKOS concept scheme shipped as data (kg/data/indicators.yaml)."""

from __future__ import annotations

from functools import cache

import yaml

from kg.reference import data_text


@cache
def _scheme() -> dict:
    return yaml.safe_load(data_text("indicators.yaml"))


def scheme_label() -> str:
    return _scheme().get("label", "council-kg indicators")


@cache
def concepts() -> tuple[dict, ...]:
    """Each concept: id, label, alt (labels), polarity (higher|lower), close_match, complement, broader."""
    return tuple(_scheme()["concepts"])


@cache
def _by_id() -> dict[str, dict]:
    return {c["id"]: c for c in concepts()}


def concept(concept_id: str) -> dict | None:
    return _by_id().get(concept_id)


def polarity(concept_id: str) -> str | None:
    c = concept(concept_id)
    return c.get("polarity") if c else None

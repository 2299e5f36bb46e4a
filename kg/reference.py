"""Reference data shipped with the package (councils and their areas), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class CouncilInfo:
    name: str
    aliases: tuple[str, ...]
    area: str | None  # GSS code
    area_name: str | None
    region: str | None  # GSS code
    cues: tuple[str, ...]
    places: tuple[str, ...] = ()  # the place names alone ("Durham"): the weakest evidence of the council


_KIND = re.compile(r"\s+(?:Metropolitan\s+)?(?:County|Borough|City|District)?\s*Council$")


def _places(c: dict) -> tuple[str, ...]:
    """Explicit `places`, else the name less its kind ("Durham County Council" -> "Durham"), and the area."""
    if "places" in c:
        return tuple(c["places"])
    found = [_KIND.sub("", c["name"]), c.get("area_name") or ""]
    return tuple(dict.fromkeys(p for p in found if p and p != c["name"]))


def data_text(name: str) -> str:
    return resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")


@cache
def _raw() -> dict:
    return yaml.safe_load(data_text("councils.yaml"))


@cache
def councils() -> tuple[CouncilInfo, ...]:
    return tuple(
        CouncilInfo(
            c["name"],
            tuple(c.get("aliases", ())),
            c.get("area"),
            c.get("area_name"),
            c.get("region"),
            tuple(c.get("cues", ())),
            _places(c),
        )
        for c in _raw()["councils"]
    )


def regions() -> dict[str, str]:
    return dict(_raw()["regions"])


def england() -> str:
    return _raw()["england"]


def council_info(name: str | None) -> CouncilInfo | None:
    """The known council with this name or alias (case-insensitive), else None."""
    if not name:
        return None
    low = name.strip().lower()
    for c in councils():
        if low == c.name.lower() or low in (a.lower() for a in c.aliases):
            return c
    return None

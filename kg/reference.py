"""Reference data shipped with the package (every UK principal council, its area and region), loaded once.

A council is known by its name, its aliases, and its name's core: the place words less the kind of council
("Harlow District Council" and "Harlow Council" are one council), so a document that spells the kind
differently from the list still meets the listed council.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.errors import InputError
from kg.yamlfile import duplicates, loads

KINDS = ("county", "unitary", "metropolitan", "london", "district", "scottish", "welsh", "ni")
_WHERE = "kg/data/councils.yaml"


@dataclass(frozen=True)
class CouncilInfo:
    name: str
    aliases: tuple[str, ...]
    area: str | None  # GSS code
    area_name: str | None
    region: str | None  # GSS code: an English region, else the nation
    cues: tuple[str, ...]
    places: tuple[str, ...] = ()  # the place names alone ("Durham"): the weakest evidence of the council
    kind: str | None = None  # one of KINDS
    nation: str | None = None  # GSS code of the nation


# the words at the end of a council's name that say what kind of council it is ("County Borough Council")
_KIND = re.compile(r"\s+(?:(?:Metropolitan|County)\s+|City\s+and\s+)?(?:County|Borough|City|District)?"
                   r"\s*Council$", re.I)
# the words that say what kind of council a name is, not where: dropped to compare two spellings of one
# council
_KIND_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:london|royal)\s+borough\s+of|borough\s+council\s+of|council\s+of\s+the|city\s+and\s+county\s+of"
    r"|city\s+of)\s+|\s+(?:city\s+and\s+district|london\s+borough|metropolitan\s+district|metropolitan\s+borough|county\s+borough"
    r"|county|borough|district|city|town)?\s*(?:council|corporation)$")


def without_kind(name: str) -> str:
    """A council's name less the words at its end that say what kind of council it is, as a text names its
    place: "Durham County Council" -> "Durham", "Bridgend County Borough Council" -> "Bridgend", "City of York
    Council" -> "City of York" (`core` also drops such words before the place: "york")."""
    return _KIND.sub("", name.strip())


def _places(c: dict) -> tuple[str, ...]:
    """Explicit `places`, else the name less its kind ("Durham County Council" -> "Durham"), and the area."""
    if "places" in c:
        return tuple(c["places"])
    found = [without_kind(c["name"]), c.get("area_name") or ""]
    # a council named after two places is known by its first town alone ("Civic Offices, Basingstoke" for
    # Basingstoke and Deane); not a compass word ("Mid and East Antrim"); a first town two councils share
    # names neither (the weakest evidence needs exactly one council)
    firsts = [first for p in found if " and " in p and "," not in p
              for first in [p.split(" and ", 1)[0]]
              if len(first) >= 4 and first.split()[0] not in _COMPASS and len(first.split()) <= 2]
    found += firsts
    return tuple(dict.fromkeys(p for p in found if p and p != c["name"] and "," not in p
                               and not (p in firsts and _in_other_name(p, c["name"]))))


def _in_other_name(place: str, own: str) -> bool:
    """A first town that is a word of another council's name ("Antrim" in "Mid and East Antrim") names
    neither for sure."""
    word = re.compile(rf"(?<![\w-]){re.escape(place)}(?![\w-])")
    return any(word.search(o["name"]) for o in _raw()["councils"] if o["name"] != own)


_COMPASS = frozenset({"North", "South", "East", "West", "Mid", "Central", "Greater", "Upper", "Lower", "City",
                      "Royal", "County"})


def core(name: str) -> str:
    """A council name's place words, to compare: "London Borough of Camden", "Camden Council" -> "camden"."""
    low = re.sub(r"\s+", " ", name.lower().replace("&", " and ").replace("’", "'")).strip()
    for _ in range(2):  # "City of Wakefield Metropolitan District Council": a prefix and a suffix
        low = _KIND_WORDS.sub("", low).strip()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9' ]+", " ", low.replace("st. ", "st "))).strip()


def data_text(name: str) -> str:
    return resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")


@cache
def _raw() -> dict:
    raw = loads(data_text("councils.yaml"), _WHERE)
    _check(raw)
    return raw


def _check(raw: dict) -> None:
    """A council, alias or area listed twice would give one name two councils: refuse the file."""
    entries = raw["councils"]
    names = [c["name"] for c in entries]
    aliases = [a for c in entries for a in c.get("aliases", ())]
    for what, values in (("council name", names), ("alias or name", names + aliases),
                         ("area code", [c["area"] for c in entries if c.get("area")])):
        if twice := duplicates(values):
            raise InputError(f"{what} listed twice: {', '.join(twice[:5])}", path=_WHERE,
                             hint="keep one entry per council")
    for c in entries:
        if c.get("kind") and c["kind"] not in KINDS:
            raise InputError(f"{c['name']}: kind '{c['kind']}' is not one of {', '.join(KINDS)}", path=_WHERE)
        for key in ("region", "nation"):
            if c.get(key) and c[key] not in {**raw["regions"], **raw.get("nations", {})}:
                raise InputError(f"{c['name']}: {key} '{c[key]}' is not listed", path=_WHERE)


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
            c.get("kind"),
            c.get("nation"),
        )
        for c in _raw()["councils"]
    )


def regions() -> dict[str, str]:
    """English regions and, for the other nations, the nation (a Scottish council's region is Scotland)."""
    return dict(_raw()["regions"])


def nations() -> dict[str, str]:
    return dict(_raw().get("nations", {}))


def england() -> str:
    return _raw()["england"]


@cache
def _index() -> tuple[dict[str, CouncilInfo], dict[str, CouncilInfo]]:
    """Names and aliases (lower case) -> council; name cores -> council, where one council alone has it."""
    exact: dict[str, CouncilInfo] = {}
    cores: dict[str, CouncilInfo | None] = {}
    for c in councils():
        for n in (c.name, *c.aliases):
            exact[n.lower()] = c
            k = core(n)
            if k and cores.get(k, c) is not c:
                cores[k] = None  # two councils share it: a core alone decides nothing
            elif k:
                cores[k] = c
    return exact, {k: v for k, v in cores.items() if v is not None}


_SPACES = re.compile(r"\s+")
_COUNCIL_WORD = re.compile(r"(?i)\b(?:council|corporation|borough\s+of|comhairle|cyngor)\b")


def council_info(name: str | None) -> CouncilInfo | None:
    """The known council with this name or alias (case-insensitive), or with the same place words under
    another kind ("Harlow Council" for Harlow District Council), else None."""
    if not name or not name.strip():
        return None
    exact, cores = _index()
    low = _SPACES.sub(" ", name.strip().lower())
    if low in exact:
        return exact[low]
    if not _COUNCIL_WORD.search(name):
        return None  # a bare place name is not a council's name
    return cores.get(core(name))

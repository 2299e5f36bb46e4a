"""Reference data: every UK principal council as of 2024/25, with GSS codes, regions and nations."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kg.reference import council_info, councils, nations, regions

PREFIX = {"county": "E10", "unitary": "E06", "metropolitan": "E08", "london": "E09", "district": "E07",
          "scottish": "S12", "welsh": "W06", "ni": "N09"}


def test_every_principal_council_of_each_kind() -> None:
    # 2024/25: 21 county councils, 62 unitaries and the Isles of Scilly, 36 metropolitan boroughs, 32 London
    # boroughs and the City, 164 districts; Scotland's 32, Wales's 22, Northern Ireland's 11
    assert Counter(c.kind for c in councils()) == {
        "county": 21, "unitary": 63, "metropolitan": 36, "london": 33, "district": 164, "scottish": 32,
        "welsh": 22, "ni": 11}


def test_codes_match_kind_region_and_nation() -> None:
    for c in councils():
        if c.area:
            assert re.fullmatch(rf"{PREFIX[c.kind]}\d{{6}}", c.area), c
        assert c.region in regions(), c
        assert c.nation in nations(), c
        if c.nation == "E92000001":
            assert c.region.startswith("E12"), c
        else:
            assert c.region == c.nation, c  # outside England the region is the nation
    assert len({c.area for c in councils()}) == len(councils())


@pytest.mark.parametrize(("name", "canonical"), [
    ("Durham County Council", "Durham County Council"),
    ("DCC", "Durham County Council"),  # an alias
    ("HARLOW DISTRICT COUNCIL", "Harlow District Council"),
    ("Harlow Council", "Harlow District Council"),  # the same place under another kind
    ("Camden London Borough Council", "London Borough of Camden"),
    ("City of Wakefield Metropolitan District Council", "Wakefield Council"),
    ("Cyngor Bwrdeistref Sirol Conwy", "Conwy County Borough Council"),  # Welsh name
    ("Comhairle nan Eilean Siar", "Comhairle nan Eilean Siar"),
    ("St. Helens Council", "St Helens Borough Council"),
])
def test_council_known_by_name_alias_or_place(name: str, canonical: str) -> None:
    info = council_info(name)
    assert info is not None and info.name == canonical


@pytest.mark.parametrize("name", ["Durham", "Wigston Borough Council", "Kettleby Moor Council", "", None])
def test_not_a_known_council(name: str | None) -> None:
    assert council_info(name) is None  # a bare place is no council's name; a council in no list is unknown


def test_an_alias_beats_a_shared_place_word() -> None:
    # "Newcastle" alone is Newcastle upon Tyne's short name; Newcastle-under-Lyme is "Newcastle Borough"
    assert council_info("Newcastle Borough Council").name == "Newcastle-under-Lyme Borough Council"
    assert council_info("Newcastle Council").name == "Newcastle City Council"


def test_a_few_codes_checked_against_the_ons_list() -> None:
    expected = {
        "Cumberland Council": ("E06000063", "E12000002"),
        "North Yorkshire Council": ("E06000065", "E12000003"),
        "Somerset Council": ("E06000066", "E12000009"),
        "Fife Council": ("S12000047", "S92000003"),
        "Glasgow City Council": ("S12000049", "S92000003"),
        "Cardiff Council": ("W06000015", "W92000004"),
        "Belfast City Council": ("N09000003", "N92000002"),
        "East Suffolk Council": ("E07000244", "E12000006"),
        "London Borough of Sutton": ("E09000029", "E12000007"),
        "Kent County Council": ("E10000016", "E12000008"),
    }
    for name, (area, region) in expected.items():
        info = council_info(name)
        assert info is not None and (info.area, info.region) == (area, region), name


@pytest.mark.parametrize(("name", "place"), [
    ("Durham County Council", "Durham"), ("Bridgend County Borough Council", "Bridgend"),
    ("City of York Council", "City of York"), ("Barnsley Metropolitan Borough Council", "Barnsley"),
    ("City of Bradford Metropolitan District Council", "City of Bradford"), ("Gravesham Borough Council",
                                                                              "Gravesham"),
    ("Vale of Glamorgan Council", "Vale of Glamorgan"), ("Council", "Council"),
    ("St Albans City and District Council", "St Albans")])
def test_a_council_s_name_less_its_kind_is_its_place(name: str, place: str) -> None:
    """The words at the end of a council's name that say what kind of council it is go, whatever their
    combination ("County Borough", "Metropolitan District"); a name that is only a kind stays."""
    from kg.reference import without_kind

    assert without_kind(name) == place


def test_a_county_borough_s_place_is_its_place_name() -> None:
    """A Welsh county borough's place is the place alone, not "Bridgend County"."""
    assert council_info("Bridgend County Borough Council").places == ("Bridgend",)


def test_a_council_named_after_two_places_is_known_by_its_first_town() -> None:
    """"Basingstoke" alone names Basingstoke and Deane; a compass word ("Mid") or a town that is a word of
    another council's name ("Antrim") names no council on its own."""
    assert "Basingstoke" in council_info("Basingstoke and Deane Borough Council").places
    assert council_info("Mid and East Antrim Borough Council").places == ("Mid and East Antrim",)
    assert "Antrim" not in council_info("Antrim and Newtownabbey Borough Council").places
    assert council_info("Armagh City, Banbridge and Craigavon Borough Council").places == ()

"""The indicator scheme (kg/data/indicators/, one file per service, loaded as one) and mention matching."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from rdflib import URIRef
from rdflib.namespace import SKOS

from kg import indicators, iris
from kg.errors import InputError
from kg.indicators import (
    UNITS,
    code_systems,
    concept,
    concepts,
    load_scheme,
    match,
    mentions,
    polarity,
    variants,
)
from kg.namespaces import CKG
from kg.rdf import scheme_graph


def test_every_concept_is_well_formed() -> None:
    ids = [c["id"] for c in concepts()]
    assert len(ids) == len(set(ids)) >= 200
    for c in concepts():
        assert c["unit"] in UNITS and c["service"], c["id"]
        assert c["unit"] == "rate" or "per" not in c, c["id"]  # a rate base only on a rate
        assert c["unit"] != "rate" or isinstance(c.get("per"), int), c["id"]
        assert set(c.get("codes") or {}) <= set(code_systems()), c["id"]
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", c["id"]), c["id"]
        assert c["label"] and isinstance(c.get("alt", []), list)
        assert all(isinstance(a, str) and a.strip() == a and a for a in c.get("alt", [])), c["id"]
        assert c.get("polarity") in (None, "higher", "lower"), c["id"]
        for m in c.get("close_match", []):
            assert m.startswith("http://id.esd.org.uk/metricType/"), m
        if c.get("complement"):
            assert concept(c["complement"])["complement"] == c["id"]  # linked both ways, not merged


def test_no_alt_label_names_two_concepts() -> None:
    seen: dict[str, str] = {}
    for c in concepts():
        for name in [c["label"], *c.get("alt", [])]:
            key = name.lower()
            assert seen.setdefault(key, c["id"]) == c["id"], (name, seen[key], c["id"])


@pytest.mark.parametrize(
    "label",
    [
        "Contacts completed within 1 working day",
        "Contacts taking over 3 working days to complete",
        "Assessments completed within 45 working days",
        "Child protection reviews completed in timescale",
        "Statutory visits to looked after children completed in timescale",
        "Care leavers not in education, employment or training (NEET)",
        "Re-referrals to children's social care within 12 months",
        "Looked after children with 3 or more placement moves",
        "Looked after children with an up to date health check",
        "Looked after children with an up to date dental check",
        "Smoking at time of delivery",
        "Care leavers in education, employment or training (EET)",
    ],
)
def test_pref_labels_a_reader_expects(label: str) -> None:
    assert label in {c["label"] for c in concepts()}


def test_polarity() -> None:
    assert polarity("care-leavers-eet") == "higher"
    assert polarity("care-leavers-neet") == "lower"
    assert polarity("contacts") is None  # a volume: neither direction is better
    assert polarity("no-such-thing") is None


def test_scheme_graph_links_complements_and_close_matches() -> None:
    g = scheme_graph(concepts())
    eet, neet = iris.indicator("care-leavers-eet"), iris.indicator("care-leavers-neet")
    assert (eet, CKG.complementOf, neet) in g and (neet, CKG.complementOf, eet) in g
    assert eet != neet
    cla = iris.indicator("children-in-care")
    assert (cla, SKOS.closeMatch, URIRef("http://id.esd.org.uk/metricType/891")) in g


def ids(text: str) -> list[str]:
    return [c for c, _, _ in mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("children undergoing three or more placement moves in any one year", ["placement-moves-3-plus"]),
        ("performance for 3 or more placement moves was 12%", ["placement-moves-3-plus"]),
        (
            "longer term placement stability was slightly below the benchmark",
            ["placement-stability-long-term"],
        ),
        ("the number of looked-after children with up-to-date health checks", ["health-checks"]),
        (
            "29.2% of Care Leavers were not in employment, education or training (NEET).",
            ["care-leavers-neet"],
        ),
        ("the number of care leavers in education, employment and training", ["care-leavers-eet"]),
        ("NEET care leavers rose", ["care-leavers-neet"]),
        ("64% of care leavers aged 19 to 21 were in education, employment or training", ["care-leavers-eet"]),
        ("mothers smoking at the time of delivery", ["smoking-at-delivery"]),
        ("Smoking at time of delivery", ["smoking-at-delivery"]),
        ("133 re-referrals within 12 months of a previous referral", ["re-referrals"]),
        ("Every case highlighted as a re-referral", ["re-referrals"]),
        ("the completion rate for return to home interviews had improved", ["return-interviews"]),
        ("an improvement had been seen in completed EHCPs", ["ehcp-within-20-weeks"]),
        ("CLA numbers rose", ["children-in-care"]),
        ("the cla of a crab", []),  # acronyms match only as written
        (
            "a positive picture on suitable accommodation and whilst the number of care leavers rose",
            ["care-leavers-accommodation", "care-leavers"],
        ),  # a cue does not reach across "whilst"
        ("", []),
    ],
)
def test_mentions(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_mention_offsets_are_the_text() -> None:
    text = "At the end of Qtr 2, 42% of Looked After Children had an up to date health check."
    found = mentions(text)
    assert [(c, text[s:e]) for c, s, e in found] == [
        ("children-in-care", "Looked After Children"),
        ("health-checks", "up to date health check"),
    ]


def test_variants_cover_plural_hyphen_and_number_words() -> None:
    v = variants("3 or more placement moves")
    assert {"three or more placement moves", "3 or more placement move"} <= v
    assert "re-referral" in variants("re-referrals") and "re referrals" in variants("re-referrals")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("placement-moves-3-plus", "placement-moves-3-plus"),
        ("Smoking at time of delivery", "smoking-at-delivery"),
        ("three or more placement moves", "placement-moves-3-plus"),
        ("% of re-referrals within 12 months", "re-referrals"),
        ("Percentage of looked after children with an up to date dental check", "dental-checks"),
        ("Number of widgets inspected", None),
    ],
)
def test_match_a_label_to_a_concept(label: str, expected: str | None) -> None:
    assert match(label) == expected


def test_generic_concepts_give_way_to_specific_ones() -> None:
    assert indicators.is_generic("children-in-care") and not indicators.is_generic("health-checks")
    assert match("Looked after children: up to date health check") == "health-checks"


def test_the_scheme_covers_every_service() -> None:
    services = {c["service"] for c in concepts()}
    assert {"children's social care", "adult social care", "housing", "waste and street scene",
            "planning and regulation", "revenues and benefits", "workforce", "customer and corporate",
            "public health", "leisure and culture", "education", "finance"} <= services
    for s in services:
        assert sum(c["service"] == s for c in concepts()) >= 5, s


def _scheme_files(*concept_lists: list[dict]) -> list[tuple[str, str]]:
    systems = {"pam": {"label": "PAM", "prefix": "PAM"}}
    head = ("_scheme.yaml", yaml.safe_dump({"label": "t", "code_systems": systems}))
    return [head] + [(f"s{i}.yaml", yaml.safe_dump({"service": f"s{i}", "concepts": cs}))
                     for i, cs in enumerate(concept_lists)]


def test_a_duplicate_id_across_files_stops_the_load() -> None:
    one = [{"id": "voids", "label": "Void days", "unit": "other"}]
    two = [{"id": "voids", "label": "Empty homes", "unit": "count"}]
    with pytest.raises(InputError, match="defined twice"):
        load_scheme(_scheme_files(one, two))


def test_a_name_shared_by_two_concepts_stops_the_load() -> None:
    one = [{"id": "a", "label": "Void days", "alt": ["re-let time"], "unit": "other"}]
    two = [{"id": "b", "label": "Re-let time", "unit": "other"}]
    with pytest.raises(InputError, match="names two indicators"):
        load_scheme(_scheme_files(one, two))


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "a", "label": "A", "unit": "days"},
        {"id": "a", "label": "A"},
        {"id": "a", "label": "A", "unit": "count", "codes": {"xyz": "1"}},
    ],
)
def test_a_bad_unit_or_code_system_stops_the_load(bad: dict) -> None:
    with pytest.raises(InputError):
        load_scheme(_scheme_files([bad]))


def test_each_concept_carries_its_files_service() -> None:
    loaded = load_scheme(_scheme_files([{"id": "a", "label": "A", "unit": "count"}]))
    assert loaded["concepts"] == [{"id": "a", "label": "A", "unit": "count", "service": "s0"}]
    assert indicators.service("void-relet-days") == "housing" and indicators.unit("missed-bins") == "rate"


def test_the_scheme_does_not_reach_into_the_extractors() -> None:
    # kg/__init__ imports every stage, so look at what kg/indicators.py itself imports
    tree = ast.parse(Path(indicators.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m.startswith("kg.extract")}

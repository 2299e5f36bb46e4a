"""kg/indicator_link.py: an indicator phrase (and its national code) -> a scheme concept, or a new indicator
of one council; and the RDF of such a new indicator."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from kg import indicator_link, iris
from kg.errors import InputError
from kg.indicator_link import (
    FUZZY_THRESHOLD,
    IndicatorMatch,
    link_indicator,
    normalise,
    notation_concept,
    tidy,
)
from kg.indicators import concepts
from kg.link import Known, link
from kg.model import BodyFact, DocMeta, Extraction, ObservationFact, SourceDoc, Span
from kg.namespaces import CKG
from kg.rdf import to_graph

NORTHVALE = "Northvale District Council"
PAIRS = Path(__file__).resolve().parent / "data" / "indicator_pairs.yaml"


def concept_of(phrase: str, code: str | None = None) -> str | None:
    return link_indicator(phrase, code=code).concept


@pytest.mark.parametrize(
    ("phrase", "expected", "method"),
    [
        # children's social care (England)
        ("Re-referrals to children's social care within 12 months", "re-referrals", "exact"),
        ("% of re-referrals within 12 months", "re-referrals", "alt"),
        # adult social care
        ("Permanent admissions to care homes aged 65 and over", "care-home-admissions-65-plus", "alt"),
        ("Permanent admissions to care homes aged 18 to 64", "care-home-admissions-18-64", "alt"),
        ("Percentage of service users receiving direct payments", "direct-payments", "alt"),
        ("Section 42 safeguarding enquiries", "safeguarding-enquiries", "alt"),
        # housing, waste, planning, revenues, HR, customer (Wales, Scotland, Northern Ireland wordings too)
        ("Average re-let days", "void-relet-days", "alt"),
        ("Percentage of households successfully prevented from becoming homeless", "homelessness-prevented",
         "alt"),
        ("Percentage of rent due in the year that was lost due to voids", "rent-lost-voids", "alt"),
        ("Kilograms of residual waste per household", "residual-waste-per-household", "alt"),
        ("Missed bins per 100,000 collections", "missed-bins", "alt"),
        ("Average processing time of major planning applications", "major-applications-average-weeks", "alt"),
        ("Business rates collection rate", "business-rates-collection", "alt"),
        ("No. of working days lost to sickness absence per FTE", "sickness-days-per-fte", "alt"),
        ("FOI requests answered within 20 working days", "foi-in-time", "alt"),
        ("Major applications within 13 weeks or agreed time", "major-applications-in-time", "fuzzy"),
    ],
)
def test_phrases_from_several_services_and_nations(phrase: str, expected: str, method: str) -> None:
    m = link_indicator(phrase, council="Anytown Council")
    assert (m.concept, m.method) == (expected, method)
    assert m.score == pytest.approx(100.0) if method != "fuzzy" else FUZZY_THRESHOLD <= m.score < 100


@pytest.mark.parametrize(
    ("phrase", "not_this"),
    [
        ("Referrals to children's social care in 12 months", "re-referrals"),
        ("Re-referrals", "referrals"),
        ("Permanent admissions to residential care aged 18-64", "care-home-admissions-65-plus"),
        ("Permanent admissions to residential care (65+)", "care-home-admissions-18-64"),
        ("Minor applications determined within 13 weeks", "major-applications-in-time"),
        ("Major applications determined within 8 weeks", "minor-applications-in-time"),
        ("Percentage of business rates collected in year", "council-tax-collection"),
        ("Percentage of council tax collected in year", "business-rates-collection"),
        ("Contacts completed within 3 working days", "contacts-within-1-day"),
        ("Temporary accommodation spend", "temporary-accommodation"),
        ("Attendance of looked after children", "children-in-care"),
    ],
)
def test_near_misses_are_refused(phrase: str, not_this: str) -> None:
    assert concept_of(phrase) != not_this


def test_the_right_one_of_a_near_pair_is_found() -> None:
    assert concept_of("Percentage of business rates collected in year") in (None, "business-rates-collection")
    assert concept_of("Minor applications determined within 8 weeks") == "minor-applications-in-time"
    assert concept_of("Major applications determined within 13 weeks") == "major-applications-in-time"


def test_every_national_code_resolves_to_its_concept() -> None:
    prefixes = {"pam": "", "ni": "NI ", "ascof": "ASCOF ", "lgbf": "", "nispi": "NISPI "}
    seen = 0
    for c in concepts():
        for system, code in (c.get("codes") or {}).items():
            assert notation_concept(f"{prefixes[system]}{code}") == c["id"], (system, code)
            seen += 1
    assert seen >= 60


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PAM/012", "homelessness-prevented"),
        ("PAM 12", "homelessness-prevented"),
        ("pam/015", "dfg-days"),
        ("NI192", "household-waste-recycled"),
        ("ASCOF 2A(1)", "care-home-admissions-18-64"),
        ("2A(2)", "care-home-admissions-65-plus"),
        ("HSN1b", "rent-arrears"),
        ("NISPI W1", "household-waste-recycled"),
        ("192", None),  # bare digits name nothing
        ("ASC01", None),  # a council's own code
        ("", None),
    ],
)
def test_notations(code: str, expected: str | None) -> None:
    assert notation_concept(code) == expected


def test_a_code_links_a_phrase_the_words_alone_would_not() -> None:
    assert concept_of("Positive outcomes for households at risk") is None
    m = link_indicator("Positive outcomes for households at risk", code="PAM/012")
    assert (m.concept, m.method) == ("homelessness-prevented", "notation")
    # a code written in the row label itself
    assert concept_of("PAM/015 Average days to deliver adaptations grants") == "dfg-days"


def test_a_council_code_that_looks_national_does_not_beat_the_words() -> None:
    # "SW1" is an LGBF code (home care costs), and also some council's own code for something else
    assert concept_of("Children's centre registrations", code="SW1") is None
    assert concept_of("Average re-let days", code="SW1") == "void-relet-days"


def test_normalisation() -> None:
    assert normalise("% of Re-referrals") == normalise("percentage of re referral") == "re referral"
    assert normalise("No. of contacts") == normalise("number of contacts") == "contact"
    assert normalise("aged 65+") == normalise("aged 65 and over") == "aged 65plus"
    assert normalise("18-64") == normalise("eighteen to sixty four") or "18 64" in normalise("18 to 64")
    assert normalise("per 100,000") == "per 100000"
    assert tidy("Percentage of Looked After Children with a PEP (%)") == "Looked after children with a PEP"


def test_measured_precision_on_the_labelled_pairs() -> None:
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]
    assert len(pairs) >= 200
    rows = [(p["expected"], link_indicator(p["phrase"], code=p.get("code")).concept) for p in pairs]
    made = [(e, g) for e, g in rows if g is not None]
    right = [(e, g) for e, g in made if e == g]
    precision = len(right) / len(made)
    recall = len(right) / sum(1 for e, _ in rows if e is not None)
    print(f"\nindicator linker at threshold {FUZZY_THRESHOLD}: precision {precision:.3f}, "
          f"recall {recall:.3f}, {len(pairs)} labelled pairs")
    assert precision >= 0.95
    assert recall >= 0.75  # a guard against a rule change that refuses everything


def test_a_new_indicator_is_one_per_council_and_phrase() -> None:
    a = link_indicator("Average Days To Clear Abandoned Vehicles", council="Anytown Council")
    b = link_indicator("average days to clear abandoned vehicles (%)", council="Anytown Council")
    c = link_indicator("Average days to clear abandoned vehicles", council="Otherby Council")
    assert a.concept is None and a.method == "new" and a.label == "Average days to clear abandoned vehicles"
    assert iris.found_indicator(a.council, a.key) == iris.found_indicator(b.council, b.key)
    assert iris.found_indicator(a.council, a.key) != iris.found_indicator(c.council, c.key)
    assert iris.found_indicator(a.council, a.key) != iris.indicator(a.key)  # never a scheme concept's IRI


def test_a_name_given_to_two_concepts_stops_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    clash = (
        {"id": "one", "label": "Widgets mended", "alt": ["widget repairs"], "unit": "count"},
        {"id": "two", "label": "Widget repair", "unit": "count"},
    )
    monkeypatch.setattr(indicator_link, "concepts", lambda: clash)
    indicator_link._names.cache_clear()
    try:
        with pytest.raises(InputError, match="reads the same"):
            indicator_link._names()
    finally:
        indicator_link._names.cache_clear()


TEXT = "Average days to clear abandoned vehicles: 4.5\nRe-referral rate: 21%\n"


def _extraction(council: str, text: str = TEXT) -> Extraction:
    sha = hashlib.sha256((council + text).encode()).hexdigest()
    meta = DocMeta(council=council, committee="Scrutiny Committee", meeting_date=dt.date(2024, 3, 1),
                   title="Performance", doc_type="report", period="2023/24 Q3")
    doc = SourceDoc(path=Path("p.txt"), name="p.txt", text=text, sha256=sha, format="txt", meta=meta)
    first, second = text.index("4.5"), text.index("21%")
    return Extraction(
        doc=doc,
        council=BodyFact("council", council, "sidecar"),
        committee=BodyFact("committee", "Scrutiny Committee", "sidecar"),
        period="2023/24 Q3",
        observations=(
            ObservationFact("o1", "new:average-days-to-clear-abandoned-vehicles",
                            "Average days to clear abandoned vehicles", Span.of(text, first, first + 3),
                            value=Decimal("4.5"), unit="other"),
            ObservationFact("o2", "new:re-referral-rate", "Re-referral rate",
                            Span.of(text, second, second + 3), value=Decimal("21"), unit="percent"),
        ),
    )


def test_rdf_of_a_new_indicator_carries_its_scheme_and_identity_method() -> None:
    g = to_graph(link(_extraction("Anytown Council")))
    node = iris.found_indicator("Anytown Council", "average days to clear abandoned vehicles")
    scheme = iris.found_indicator_scheme()
    assert (node, SKOS.inScheme, scheme) in g and (scheme, RDF.type, SKOS.ConceptScheme) in g
    assert (node, RDF.type, CKG.Indicator) in g and (node, CKG.needsReview, Literal(True)) in g
    assert (node, CKG.identityMethod, Literal("new")) in g
    assert (node, CKG.council, iris.council("Anytown Council")) in g
    assert (node, SKOS.prefLabel, Literal("Average days to clear abandoned vehicles")) in g
    assert (None, SKOS.inScheme, iris.indicator_scheme()) not in g  # the curated scheme is not touched


def test_rdf_of_a_phrase_linked_to_the_scheme_records_how_on_the_observation() -> None:
    g = to_graph(link(_extraction("Anytown Council")))
    obs = next(s for s, o in g.subject_objects(CKG.indicator) if o == iris.indicator("re-referrals"))
    assert (obs, CKG.identityMethod, Literal("alt")) in g
    assert (iris.indicator("new-re-referral-rate"), None, None) not in g


def test_one_iri_per_council_across_documents() -> None:
    here = to_graph(link(_extraction("Anytown Council")))
    again = to_graph(link(_extraction("Anytown Council", TEXT + "Later text.\n")))
    there = to_graph(link(_extraction("Otherby Council")))

    def found(g):  # noqa: ANN001, ANN202
        return {s for s in g.subjects(SKOS.inScheme, iris.found_indicator_scheme())}

    assert found(here) == found(again) and len(found(here)) == 1
    assert found(here).isdisjoint(found(there))


def test_the_scheme_graph_types_each_code_by_its_system() -> None:
    from kg.rdf import scheme_graph

    g = scheme_graph(concepts())
    node = iris.indicator("care-home-admissions-65-plus")
    assert (node, SKOS.notation, Literal("2A(2)", datatype=CKG.ascofCode)) in g
    assert (node, CKG.usualUnit, CKG.rate) in g
    base = g.value(node, CKG.rateBase)
    assert base.toPython() == 100000 and str(base.datatype).endswith("#integer")
    assert (node, CKG.service, Literal("adult social care")) in g


def test_match_result_is_frozen() -> None:
    m = IndicatorMatch("re-referrals", "exact", 100.0, "Re-referrals")
    with pytest.raises(AttributeError):
        m.concept = "x"  # type: ignore[misc]


def test_a_concept_in_another_unit_is_refused() -> None:
    """A phrase whose figures are counts is not linked to a percentage concept, whatever the words share;
    the concept it nearly was is kept for a reviewer."""
    assert link_indicator("Household waste recycled", unit="percent").concept == "household-waste-recycled"
    counted = link_indicator("Household waste recycled", unit="count")
    assert counted.concept is None and counted.method == "new"
    assert counted.nearest == "household-waste-recycled"


# ---- one council's indicator under several wordings -------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # reported speech left around the measure (English district and Scottish council minutes)
        ("Households placed in bed and breakfast had fallen further",
         "Households placed in bed and breakfast"),
        ("Delayed transfers of care continued to rise", "Delayed transfers of care"),
        ("Library loans remained above target", "Library loans"),
        ("complaints had been answered within ten working days",
         "complaints answered within ten working days"),
        ("Pupils were being offered free school meals", "Pupils offered free school meals"),
        # the period a figure covers, and what its percentage is of
        ("noise complaints received in the quarter resolved within 28 days",
         "noise complaints resolved within 28 days"),
        ("food premises inspected on time in cases", "food premises inspected on time"),
        # a run-in topic: a heading over the measure, the measure itself, or a qualifier of it
        ("Roads and footways: footway defects repaired", "footway defects repaired"),
        ("Repairs: emergency repairs completed in time", "emergency repairs completed in time"),
        ("Rent arrears: the cumulative figure", "Rent arrears"),
        ("Young carers: assessments offered", "Young carers assessments offered"),
        # a verb that names the measure stays ("improved" before a noun is no report)
        ("Tenants reporting improved wellbeing", "Tenants reporting improved wellbeing"),
        ("Service users whose quality of life improved", "Service users whose quality of life improved"),
        ("Older people admitted after a fall", "Older people admitted after a fall"),
        ("Tenants whose rent was paid by direct debit", "Tenants whose rent was paid by direct debit"),
    ],
)
def test_clean_drops_what_is_not_the_measure(phrase: str, expected: str) -> None:
    """What a sentence or row leaves around an indicator's name (a trend verb, an auxiliary, the period, a
    run-in heading) is dropped; a heading that qualifies the measure and a participle that names it stay."""
    assert indicator_link.clean(phrase) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Emergency repairs completed in time", "emergency repairs were completed in time"),
        ("Number of empty homes brought back into use", "Empty homes brought back into use (total)"),
        ("Footway defects repaired within 28 days", "footway defect repairs within 28 days"),
        ("Garden waste subscriptions rate", "garden waste subscriptions"),
        ("Exclusions per 1,000 pupils: special schools", "special school exclusions"),
        ("Licences: licence applications determined", "licence applications determined"),
    ],
)
def test_two_wordings_of_one_indicator_agree(a: str, b: str) -> None:
    """Wordings that differ by inflection, order, an auxiliary, a rate base or a word saying only how the
    figure is given are one indicator."""
    assert indicator_link.same_indicator_score(a, b) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("primary pupils offered a breakfast club place", "secondary pupils offered a breakfast club place"),
        ("Delayed discharges of people aged 65+", "Delayed discharges of people aged 18-64"),
        ("Major applications determined within 13 weeks", "Minor applications determined within 13 weeks"),
        ("Tenancies sustained for 12 months", "Tenancies sustained for 12 years"),
        ("Exclusions per 1,000 pupils", "Exclusions per 1,000 population"),
        ("Emergency repairs completed in time", "Urgent repairs completed in time"),
        ("Repairs completed in time", "Repairs completed in time for tenants over 75"),
        ("Waiting more than 4 weeks", "Waiting less than 4 weeks"),
        ("Average wait for an assessment", "Median wait for an assessment"),
    ],
)
def test_a_qualifier_keeps_two_indicators_apart(a: str, b: str) -> None:
    """A qualifier one wording has and the other lacks or words otherwise (phase of school, age band, size of
    application, period, rate base, a statistic) makes two indicators, never one."""
    assert indicator_link.same_indicator_score(a, b) is None


def test_a_known_indicator_is_met_in_an_agreeing_unit_only() -> None:
    """A phrase the scheme lacks meets a council's known indicator worded another way (recorded as `known`,
    with its score and the known unit); in another unit the same words make another indicator."""
    known = (indicator_link.KnownIndicator("pest control visits made within three days", "Pest control "
                                           "visits made within three days", "percent"),)
    met = link_indicator("pest control visits were made in three days", council=NORTHVALE,
                         unit="percent", known=known)
    assert (met.method, met.key, met.label, met.unit) == ("known", known[0].key, known[0].label, "percent")
    assert met.score is not None and met.score > 90
    same_key = link_indicator("Pest control visits made within three days", council=NORTHVALE,
                              unit="percent", known=known)
    assert (same_key.method, same_key.key) == ("new", known[0].key)
    counted = link_indicator("Pest control visits made within three days", council=NORTHVALE,
                             unit="count", known=known)
    assert counted.method == "new" and counted.unit == "count"
    assert iris.found_indicator(counted.council, counted.key) != iris.found_indicator(met.council, met.key)
    other = link_indicator("pest control visits made within five days", council=NORTHVALE,
                           unit="percent", known=known)
    assert other.method == "new" and other.key != known[0].key


def test_a_unit_rules_out_rivals_in_another_unit() -> None:
    """With the unit known, a concept in another unit is neither candidate nor rival."""
    ranked = indicator_link.fuzzy_scores(indicator_link.normalise("business rates"))
    assert any(indicator_link._concept(c).get("unit") != "percent" for _, c in ranked[:3])
    assert link_indicator("business rates", unit="percent").concept == "business-rates-collection"
    assert link_indicator("business rates", unit="currency").concept != "business-rates-collection"


def test_the_rdf_of_a_found_indicator_records_its_unit_and_a_known_match_on_the_figure() -> None:
    """A found indicator carries ckg:usualUnit; a figure whose wording met a known indicator records `known`
    and its score, and the indicator's own identity stays `new`."""
    text = TEXT + "Pest control visits were made in three days: 93.1%\n"
    start = text.index("93.1")
    x = replace(_extraction("Northvale District Council", text), observations=(ObservationFact(
        "o1", "new:pest-control-visits-were-made-in-three-days",
        "pest control visits were made in three days",
        Span.of(text, start, start + 4), value=Decimal("93.1"), unit="percent"),))
    known = Known(indicators={"Northvale District Council": (indicator_link.KnownIndicator(
        "pest-control-visits-made-within-three-days", "Pest control visits made within three days",
        "percent"),)})
    g = to_graph(link(x, known))
    node = iris.found_indicator("Northvale District Council", "pest control visits made within three days")
    assert (node, CKG.usualUnit, CKG.percent) in g
    assert set(g.objects(node, CKG.identityMethod)) == {Literal("new")}
    obs = next(g.subjects(CKG.indicator, node))
    assert (obs, CKG.identityMethod, Literal("known")) in g
    assert g.value(obs, CKG.identityScore) is not None


def test_a_name_stated_in_another_unit_goes_to_that_unit_s_concept() -> None:
    """"Sickness absence" in days per FTE is the days-lost measure; as a percentage it is the rate."""
    assert link_indicator("staff sickness absence", unit="other").concept == "sickness-days-per-fte"
    assert link_indicator("staff sickness absence", unit="percent").concept == "sickness-absence-rate"
    assert link_indicator("carers assessed or reviewed", unit="count").concept == "carers-assessments"


def test_a_measure_named_before_its_population_links_by_its_own_name() -> None:
    """"X prevented for households threatened with homelessness": the measure before "for" links exactly
    when the rest is only its population; a narrower population stays a new indicator."""
    got = link_indicator("Homelessness successfully prevented for eligible households threatened with "
                         "homelessness",
                         unit="percent")
    assert (got.concept, got.method) == ("homelessness-prevented", "head")
    narrower = link_indicator("Homelessness prevented for young people leaving care", unit="percent")
    assert narrower.concept is None


@pytest.mark.parametrize("phrase", ["rent arrears", "percentage of household waste sent for reuse recycling",
                                    "days lost to sickness per fte", "", "zzz"])
def test_fuzzy_scores_are_each_concepts_best_name_scored_one_at_a_time(phrase: str) -> None:
    """The scores rapidfuzz gives in one call over every name (cdist) are those a call a name gives: each
    concept's best mean of token_sort_ratio and token_set_ratio, best first."""
    from rapidfuzz import fuzz

    key = indicator_link.normalise(phrase)
    best: dict[str, float] = {}
    for name, cid in indicator_link._vocabulary()[2]:
        s = (fuzz.token_sort_ratio(key, name) + fuzz.token_set_ratio(key, name)) / 2
        best[cid] = max(s, best.get(cid, -1.0))
    assert indicator_link.fuzzy_scores(key) == sorted(((s, c) for c, s in best.items()), reverse=True)


def test_a_bracketed_counting_note_or_new_flag_is_not_part_of_the_measure() -> None:
    """A row label's bracketed note on how the figure is counted or that the row is new ("(excluding
    transfers in)", "(new)") is dropped before linking; a bracketed age band or phase stays."""
    clean, link_indicator = indicator_link.clean, indicator_link.link_indicator
    assert clean("Annual reviews of EHCPs completed on time (excluding transfers in)") == \
        "Annual reviews of EHCPs completed on time"
    assert clean("Households prevented from homelessness % (new)") == \
        "Households prevented from homelessness %"
    assert clean("Pupils persistently absent (secondary)") == "Pupils persistently absent (secondary)"
    plain = link_indicator("EHC plans issued within 20 weeks", unit="percent").concept
    assert plain and link_indicator("EHC plans issued within 20 weeks (excl. those with exceptions)",
                                    unit="percent").concept == plain


def test_the_dates_a_figure_covers_and_a_provisional_flag_are_not_the_measure() -> None:
    """"Recycling rate for April to June", "provisional recycling rate for January to March 2026" and
    "council tax collection to 30 September 2024" name the measure before the dates; the dates and the word
    "provisional" are dropped before linking, so the phrases link as the bare measure does."""
    clean, link_indicator = indicator_link.clean, indicator_link.link_indicator
    assert clean("recycling rate for April to June") == "recycling rate"
    assert clean("provisional recycling rate for January to March 2026") == "recycling rate"
    assert clean("council tax collection to 30 September 2024") == "council tax collection"
    bare = link_indicator("recycling rate", unit="percent").concept
    assert bare and link_indicator("provisional recycling rate for January to March 2026",
                                   unit="percent").concept == bare


def test_a_northern_irish_waste_code_in_tonnes_is_its_own_measure() -> None:
    """NI statutory indicator W2 (biodegradable waste landfilled) is counted in tonnes: its code, or the
    name stated in tonnes, links to the tonnage measure, not to the percentage landfilled."""
    link_indicator = indicator_link.link_indicator
    by_code = link_indicator("Biodegradable waste landfilled", code="W2", unit="other").concept
    assert by_code == "biodegradable-waste-landfilled-tonnes"
    assert link_indicator("biodegradable municipal waste landfilled", unit="other").concept == by_code
    assert link_indicator("biodegradable municipal waste landfilled", unit="percent").concept != by_code


def test_a_count_at_a_date_and_a_verb_of_staying_are_not_the_measure() -> None:
    """"Rough sleepers (number at month end)" and "people were sleeping rough at" aside, the bracketed
    snapshot note and "were living in" go before linking: "families were living in hostels" is the same
    measure as "families in hostels"."""
    clean = indicator_link.clean
    assert clean("Families in hostels (number at month end)") == "Families in hostels"
    assert clean("families were living in hostels") == "families in hostels"
    assert clean("children waiting for adoption") == "children waiting for adoption"


def test_share_of_is_a_measure_lead_and_a_scottish_road_code_links() -> None:
    """"Share of X" is a percentage of X, as "percentage of X" is; LGBF ENV4b links to the A roads
    condition measure by its code."""
    link_indicator = indicator_link.link_indicator
    assert indicator_link.normalise("share of households recycling") == \
        indicator_link.normalise("percentage of households recycling")
    assert link_indicator("Road condition", code="ENV4b", unit="percent").concept == "roads-poor-condition-a"


def test_a_rolling_window_and_a_doubled_consonant_keep_one_indicator() -> None:
    """"Days lost per teacher, rolling twelve months" is the teachers' sickness measure over its window;
    "reviews in the plan completed" and "planned reviews completed" are one council indicator worded two ways
    ("plan"/"planned"); non-teaching staff's sickness absence is the days lost per FTE measure."""
    link_indicator = indicator_link.link_indicator
    assert indicator_link.clean("Days lost per teacher, rolling twelve months") == \
        "Days lost per teacher"
    assert indicator_link.same_indicator_score("reviews in the plan completed", "planned reviews completed")
    assert link_indicator("non-teaching sickness absence", unit="other").concept == "sickness-days-per-fte"


def test_families_in_bed_and_breakfast_beyond_the_legal_limit() -> None:
    """The English measure of families with children kept in B&B beyond six weeks is its own concept, apart
    from all B&B placements; "had been in" is "in"."""
    link_indicator = indicator_link.link_indicator
    assert link_indicator("families with children in B&B beyond 6 weeks",
                          unit="count").concept == "families-in-bed-and-breakfast-over-six-weeks"
    assert link_indicator("households in bed and breakfast accommodation",
                          unit="count").concept == "bed-and-breakfast"
    assert indicator_link.clean("households had been in hostels") == "households in hostels"

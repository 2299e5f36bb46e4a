"""Extract figures: every value a document states about an indicator, with its measure, area and period.

Figures are found before their indicator is known: value frames over the sentences (kg/extract/figures/
prose.py: "NP was N", "N% of NP", "x of y NP (z%)", "against a target of T", "the Wales average of B",
"down from P last quarter") and every table cell under a value column (cells.py). The indicator is the
phrase the frame names, or the table row's label with its code kept as a notation; linking that phrase to
the indicator scheme is a separate step (linking.py). Numbers that are not figures (dates, years, item and
paragraph numbers, phone numbers, references, ages and thresholds, numbers inside an indicator's name, money
that is not a measure) never come back (numbers.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.figures import cells, linking, lists, phrases, prose, statements
from kg.extract.figures.prose import Found
from kg.model import Extraction, ObservationFact, Span
from kg.reference import without_kind
from kg.text import TextView, view


def _dedupe(found: list[Found]) -> list[Found]:
    """One figure per (indicator phrase, value, measure, area, period): prose often repeats a table."""
    seen: set[tuple] = set()
    out = []
    for f in found:
        key = (f.phrase.lower(), f.value, f.measure, f.area, f.period, f.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _names_alike(label: str, phrase: str) -> bool:
    """A table row's label and a sentence's phrase name the same measure: the words of one are all words of
    the other, two at least ("Void re-let time" and "Average void re-let time")."""
    label = re.sub(r"^[A-Z]{1,4}\d{1,3}[a-z]?\s+", "", label)  # a row's code ("H4", "CS12") names nothing
    a, b = set(re.findall(r"[a-z]+", label.lower())), set(re.findall(r"[a-z]+", phrase.lower()))
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 2 and shorter <= longer


def _units_from_prose(table_found: list[Found], found: list[Found]) -> None:
    """A scorecard row whose label and cells give no unit takes the unit the commentary states for one of its
    figures ("Void re-let time | 31.5 | 27.3 | 28" and "... fell to 27.3 days"): every figure of
    the row is in it. Counted by default otherwise."""
    rows: dict[tuple[int, int, str], list[Found]] = {}
    for t in table_found:
        if t.unit_guessed:
            rows.setdefault((t.start, t.end, t.phrase), []).append(t)
    for (_, _, label), figures in rows.items():
        stated = {(t.value, t.measure) for t in figures if t.measure in ("actual", "target")}
        said = [f for f in found if (f.value, f.measure) in stated
                and f.unit in ("other", "percent", "currency") and _names_alike(label, f.phrase)]
        if len({f.unit for f in said}) == 1:
            # "27.3 days ... the 28 day target": the unit's words as the row's actual gives them
            said.sort(key=lambda f: f.measure != "actual")
            for t in figures:
                t.unit, t.unit_words = said[0].unit, said[0].unit_words


def _owner_re(x: Extraction) -> re.Pattern[str]:
    """The council's own name, or "the Council", as a possessive opening an indicator's name ("Gravesham's
    processing time", "the Council's collection rate"): whose the figure is, not what it measures."""
    names = [r"(?:the\s+)?(?:council|authority)"]
    if x.council and (own := without_kind(x.council.name)) and own.lower() != x.council.name.strip().lower():
        names.append(r"\s+".join(re.escape(w) for w in own.split()))
    return re.compile(r"^(?:" + "|".join(names) + r")['’]s\s+(?=\S)", re.I)


def _unowned(phrase: str, owner: re.Pattern[str]) -> str:
    rest = owner.sub("", phrase)
    return rest if rest != phrase and phrases.names_something(rest) else phrase


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    tv = tv or view(x.doc)
    period = x.period
    # the scheme's indicators named in the text, found once on the text layer's parse
    found, notes = prose.read_prose(tv, period)
    table_found, table_notes = cells.read_cells(x.doc, tv, period)
    listed, replaced = lists.read_lists(tv, found)
    found = [f for f in found if not any(f is r for r in replaced)] + listed
    found += statements.read_statements(tv, found)
    _units_from_prose(table_found, found)
    owner = _owner_re(x)
    for f in found:
        f.phrase = _unowned(f.phrase, owner)
    facts = []
    for i, f in enumerate(_dedupe(table_found + found)):
        concept, label, confidence = linking.link(f.phrase, f.notation, f.unit)
        notation = "" if f.notation.startswith("concept:") else f.notation
        facts.append(
            ObservationFact(
                key=f"obs{i}",
                indicator=concept,
                indicator_label=label,
                span=Span.of(x.doc.text, f.start, f.end),
                value=f.value,
                unit=f.unit,  # type: ignore[arg-type]
                measure=f.measure,  # type: ignore[arg-type]
                area=f.area,
                period=f.period,
                direction=f.direction,
                rag=f.rag,
                denominator=f.denominator,
                confidence=min(confidence, f.confidence),
                surface=f.phrase,
                notation=notation,
                unit_words=f.unit_words,
                rate_base=f.rate_base,
            )
        )
    return replace(x, observations=tuple(facts), notes=x.notes + tuple(notes + table_notes))


__all__ = ["extract"]

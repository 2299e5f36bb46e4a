"""The indicator scheme: a curated SKOS concept scheme shipped as data (kg/data/indicators.yaml).

`mentions(text)` finds every indicator named in a text: a PhraseMatcher over each concept's labels
(with generated plural, hyphen and number-word variants), plus "cues" (word groups that together name a
concept when they occur close together in one sentence), longest match first.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.reference import data_text
from kg.yamlfile import loads

# A cue's groups must all occur within this many tokens (first start to last end), in one sentence.
CUE_WINDOW = 14

_NUMBER_WORDS = {
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "10": "ten",
    "12": "twelve",
    "20": "twenty",
}
_NUMBER_WORDS.update({v: k for k, v in list(_NUMBER_WORDS.items())})


@cache
def _scheme() -> dict:
    return loads(data_text("indicators.yaml"), "kg/data/indicators.yaml")


def scheme_label() -> str:
    return _scheme().get("label", "council-kg indicators")


@cache
def concepts() -> tuple[dict, ...]:
    """Each concept: id, label, alt (labels), polarity (higher|lower), close_match, complement, broader,
    cues, generic, budget."""
    return tuple(_scheme()["concepts"])


@cache
def _by_id() -> dict[str, dict]:
    return {c["id"]: c for c in concepts()}


def concept(concept_id: str) -> dict | None:
    return _by_id().get(concept_id)


def polarity(concept_id: str) -> str | None:
    c = concept(concept_id)
    return c.get("polarity") if c else None


def label(concept_id: str) -> str | None:
    c = concept(concept_id)
    return c["label"] if c else None


def is_generic(concept_id: str) -> bool:
    c = concept(concept_id)
    return bool(c and c.get("generic"))


def _is_acronym(phrase: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]{1,5}s?", phrase))


def variants(phrase: str) -> set[str]:
    """Spellings a report may use for one label: plural/singular last word, hyphen or space, 3 or three."""
    out = {phrase.lower()}
    for p in list(out):
        if "-" in p:
            out.add(p.replace("-", " "))
    for p in list(out):
        words = p.split(" ")
        swapped = [_NUMBER_WORDS.get(w, w) for w in words]
        if swapped != words:
            out.add(" ".join(swapped))
    for p in list(out):
        head, _, last = p.rpartition(" ")
        if len(last) > 3 and last.replace("-", "").isalpha():
            other = last[:-1] if last.endswith("s") and not last.endswith("ss") else last + "s"
            out.add(f"{head} {other}".strip())
    return out


@cache
def _nlp():  # noqa: ANN202 - the shared blank English pipeline
    from kg.extract.nlp import nlp

    return nlp()


@cache
def _phrase_matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """(case-insensitive matcher over labels, case-sensitive matcher over acronyms such as CLA, NEET)."""
    nlp = _nlp()
    lower, orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for c in concepts():
        names = [c["label"], *c.get("alt", ())]
        acronyms = [n for n in names if _is_acronym(n)]
        phrases = sorted({v for n in names if not _is_acronym(n) for v in variants(n)})
        if phrases:
            lower.add(c["id"], [nlp.make_doc(p) for p in phrases])
        if acronyms:
            orth.add(c["id"], [nlp.make_doc(a) for a in acronyms])
    return lower, orth


@cache
def _cue_matcher() -> tuple[PhraseMatcher, dict[str, tuple[str, list[str]]]]:
    """One PhraseMatcher key per (concept, cue, group); the map says which concept and cue it belongs to."""
    nlp = _nlp()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[str, tuple[str, list[str]]] = {}
    for c in concepts():
        for i, cue in enumerate(c.get("cues", ())):
            group_keys = []
            for j, group in enumerate(cue):
                key = f"{c['id']}#cue{i}#g{j}"
                alts = {v for a in group.split("|") for v in variants(a.strip())}
                m.add(key, [nlp.make_doc(a) for a in sorted(alts)])
                group_keys.append(key)
            for key in group_keys:
                keys[key] = (f"{c['id']}#cue{i}", group_keys)
    return m, keys


def phrases(name: str) -> tuple[str, ...]:
    from kg.extract.nlp import phrases as load

    return load(name)


def _doc(text: str) -> Doc:
    from kg.extract.nlp import parse

    return parse(text)


def _cue_spans(doc: Doc) -> list[Span]:
    m, keys = _cue_matcher()
    found: dict[str, list[tuple[int, int]]] = {}
    for match_id, start, end in m(doc):
        found.setdefault(doc.vocab.strings[match_id], []).append((start, end))
    negations = {w.lower() for w in phrases("negations")}
    for key, occurrences in found.items():
        # Drop an occurrence negated by the word(s) before it, unless the cue itself is the negative one.
        found[key] = [
            (s, e)
            for s, e in occurrences
            if doc[s].lower_ == "not"
            or not any(doc[max(0, s - len(n.split())) : s].text.lower() == n for n in negations)
        ]
    found = {k: v for k, v in found.items() if v}
    spans: list[Span] = []
    done: set[str] = set()
    for cue, group_keys in keys.values():
        if cue in done or not all(k in found for k in group_keys):
            continue
        done.add(cue)
        concept_id = cue.split("#", 1)[0]
        # Anchor on each occurrence of the first group; take the nearest occurrence of every other group.
        for a_start, a_end in found[group_keys[0]]:
            lo, hi, ok = a_start, a_end, True
            for k in group_keys[1:]:
                best = min(found[k], key=lambda s, a=a_start: abs(s[0] - a))
                lo, hi = min(lo, best[0]), max(hi, best[1])
                if hi - lo > CUE_WINDOW:
                    ok = False
                    break
            if ok and doc[lo].sent == doc[hi - 1].sent and not _crosses_clause(doc[lo:hi]):
                spans.append(Span(doc, lo, hi, label=concept_id))
    return spans


def _crosses_clause(span: Span) -> bool:
    # "care leavers ...; NEET young people ...", "accommodation and whilst ... care leavers": two statements.
    breaks = {w.lower() for w in phrases("clause_breaks")}
    return any(t.text in {";", ":"} or t.lower_ in breaks for t in span)


def mention_spans(doc: Doc) -> list[Span]:
    """Indicator mentions in a parsed Doc as spaCy Spans labelled with the concept id, longest first wins."""
    lower, orth = _phrase_matchers()
    spans = [Span(doc, s, e, label=mid) for matcher in (lower, orth) for mid, s, e in matcher(doc)]
    spans += _cue_spans(doc)
    return sorted(filter_spans(spans), key=lambda s: s.start)


def mentions(text: str) -> list[tuple[str, int, int]]:
    """(concept id, start, end) character offsets of every indicator mention in `text`, longest match."""
    if not text.strip():
        return []
    return [(s.label_, s.start_char, s.end_char) for s in mention_spans(_doc(text))]


@cache
def _exact() -> dict[str, str]:
    """Every id, label and alternative label (with their variants), lower-cased, to its concept id."""
    out: dict[str, str] = {}
    for c in concepts():
        out.setdefault(c["id"], c["id"])
        for name in [c["label"], *c.get("alt", ())]:
            for v in variants(name):
                out.setdefault(v, c["id"])
    return out


def match(label_text: str) -> str | None:
    """The concept a label (as a user or a table row would write it) names: exact id, label or alt label
    first, then the single longest specific mention inside it; None when nothing matches."""
    key = " ".join(label_text.split()).lower()
    if key in _exact():
        return _exact()[key]
    found = mentions(label_text)
    if not found:
        return None
    specific = [f for f in found if not is_generic(f[0])] or found
    return max(specific, key=lambda f: f[2] - f[1])[0]

"""The indicator scheme: a curated SKOS concept scheme shipped as data, one file per service under
kg/data/indicators/ (`_scheme.yaml` holds the scheme's name, code systems and mention rules), loaded as one.

`mentions(text)` finds every indicator named in a text: a PhraseMatcher over each concept's labels
(with generated plural, hyphen and number-word variants), plus "cues" (word groups that together name a
concept when they occur close together in one sentence), longest match first. Turning a phrase a document
uses for an indicator into a concept (or a new, council-scoped indicator) is `kg.indicator_link`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import InputError
from kg.nlp import nlp, parse
from kg.yamlfile import loads

# A cue's groups must all occur within this many tokens (first start to last end), in one sentence.
CUE_WINDOW = 14
UNITS = ("percent", "count", "rate", "currency", "other")
SCHEME_DIR = "indicators"  # under kg/data
_SCHEME_FILE = "_scheme.yaml"

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


def _files() -> list[tuple[str, str]]:
    """(file name, text) of the scheme's files, `_scheme.yaml` first, then the services in name order."""
    folder = resources.files("kg.data").joinpath(SCHEME_DIR)
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".yaml"))
    names.sort(key=lambda n: n != _SCHEME_FILE)
    return [(n, folder.joinpath(n).read_text(encoding="utf-8")) for n in names]


def load_scheme(files: list[tuple[str, str]]) -> dict:
    """The scheme from its files: {label, code_systems, mention_rules, concepts}; each concept carries its
    file's `service`. Stops with an InputError on a duplicate id or a name given to two concepts (a silent
    first-wins would link a phrase to whichever file sorts first), a unit outside UNITS, or an unknown code
    system."""
    head: dict = {}
    out: list[dict] = []
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for name, text in files:
        where = f"kg/data/{SCHEME_DIR}/{name}"
        data = loads(text, where) or {}
        if name == _SCHEME_FILE:
            head = data
            continue
        service = data.get("service")
        if not service:
            raise InputError("an indicator file must name its service", path=where,
                             hint="add `service: NAME`")
        systems = (head.get("code_systems") or {}).keys()
        for c in data.get("concepts") or ():
            cid = c.get("id")
            if not cid or not c.get("label"):
                raise InputError(f"an indicator needs an id and a label: {c!r}", path=where)
            if cid in ids:
                raise InputError(f"indicator id '{cid}' is defined twice ({ids[cid]} and {name})", path=where,
                                 hint="ids are IRI tails: each must be unique across the scheme")
            ids[cid] = name
            if c.get("unit") not in UNITS:
                raise InputError(f"indicator '{cid}' has unit {c.get('unit')!r}", path=where,
                                 hint=f"unit must be one of {', '.join(UNITS)}")
            for system in c.get("codes") or {}:
                if system not in systems:
                    raise InputError(f"indicator '{cid}' uses unknown code system '{system}'", path=where,
                                     hint="code systems are listed in _scheme.yaml")
            for n in [c["label"], *c.get("alt", ())]:
                key = " ".join(str(n).split()).lower()
                if names.setdefault(key, cid) != cid:
                    raise InputError(f"'{n}' names two indicators: {names[key]} and {cid}", path=where,
                                     hint="give the name to one concept only")
            out.append({**c, "service": service})
    return {**head, "concepts": out}


@cache
def _scheme() -> dict:
    return load_scheme(_files())


def scheme_label() -> str:
    return _scheme().get("label", "council-kg indicators")


def code_systems() -> dict[str, dict]:
    """Code system key -> {label, prefix}."""
    return dict(_scheme().get("code_systems") or {})


def _rules(name: str) -> tuple[str, ...]:
    return tuple((_scheme().get("mention_rules") or {}).get(name, ()))


@cache
def concepts() -> tuple[dict, ...]:
    """Each concept: id, label, alt (labels), unit, per, unit_words, polarity (higher|lower), service, codes,
    close_match, complement, broader, cues, generic, budget."""
    return tuple(_scheme()["concepts"])


def services() -> tuple[str, ...]:
    return tuple(dict.fromkeys(c["service"] for c in concepts()))


@cache
def _by_id() -> dict[str, dict]:
    return {c["id"]: c for c in concepts()}


def concept(concept_id: str) -> dict | None:
    return _by_id().get(concept_id)


def same_unit(unit: str, usual: str | None) -> bool:
    """Can a figure in `unit` be of a measure usually given in `usual`? A count and a number in other units
    (days, a score) are both bare numbers: unit detection may not tell them apart."""
    return usual is None or unit == usual or {unit, usual} <= {"count", "other"}


def in_unit(concept_id: str, unit: str | None) -> str | None:
    """The concept a name of `concept_id` stands for when its figure is in `unit` (the scheme's `by_unit`:
    "sickness absence" in days is days lost per FTE), if the scheme gives one."""
    other = ((concept(concept_id) or {}).get("by_unit") or {}).get(unit) if unit else None
    return other if other and concept(other) else None


def unit(concept_id: str) -> str | None:
    c = concept(concept_id)
    return c.get("unit") if c else None


def service(concept_id: str) -> str | None:
    c = concept(concept_id)
    return c.get("service") if c else None


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


def _nlp() -> Language:
    """The shared pipeline (kg.nlp), below the scheme and the extractors alike: matchers built here run on
    the Doc the text layer parsed, so a document is tokenised once."""
    return nlp()


def _mentionable() -> tuple[dict, ...]:
    """The concepts `mentions` looks for in running text (mention_rules.services in _scheme.yaml; all when
    the file names none)."""
    wanted = set(_rules("services"))
    return tuple(c for c in concepts() if not wanted or c["service"] in wanted)


@cache
def _phrase_matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """(case-insensitive matcher over labels, case-sensitive matcher over acronyms such as CLA, NEET)."""
    nlp = _nlp()
    lower, orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for c in _mentionable():
        names = [c["label"], *c.get("alt", ())]
        acronyms = [n for n in names if _is_acronym(n)]
        phrases = sorted({v for n in names if not _is_acronym(n) for v in variants(n)})
        if phrases:
            lower.add(c["id"], [nlp.make_doc(p) for p in phrases])
        if acronyms:
            orth.add(c["id"], [nlp.make_doc(a) for a in acronyms])
    return lower, orth


@cache
def _name_matcher() -> PhraseMatcher:
    """Every concept's label and alternative labels, in every service (any case; no cues, no acronyms)."""
    nlp = _nlp()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for c in concepts():
        names = [n for n in [c["label"], *c.get("alt", ())] if not _is_acronym(n)]
        if names:
            m.add(c["id"], [nlp.make_doc(v) for v in sorted({v for n in names for v in variants(n)})])
    return m


def named_spans(doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(concept id, start, end) of every scheme indicator named by its label or an alternative label, in any
    service, in doc.text[start:end], longest first wins. Only the name: which number it owns is the figure
    reader's call."""
    part = doc.char_span(start, len(doc.text) if end is None else end, alignment_mode="expand")
    if part is None:
        return []
    spans = [Span(doc, s, e, label=mid) for mid, s, e in _name_matcher()(part)]  # offsets in the doc
    return [(sp.label_, sp.start_char, sp.end_char) for sp in filter_spans(spans)]


@cache
def _cue_matcher() -> tuple[PhraseMatcher, dict[str, tuple[str, list[str]]]]:
    """One PhraseMatcher key per (concept, cue, group); the map says which concept and cue it belongs to."""
    nlp = _nlp()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[str, tuple[str, list[str]]] = {}
    for c in _mentionable():
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


def _doc(text: str) -> Doc:
    return parse(text)


def _cue_spans(doc: Doc) -> list[Span]:
    m, keys = _cue_matcher()
    found: dict[str, list[tuple[int, int]]] = {}
    for match_id, start, end in m(doc):
        found.setdefault(doc.vocab.strings[match_id], []).append((start, end))
    negations = {w.lower() for w in _rules("negations")}
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
    breaks = {w.lower() for w in _rules("clause_breaks")}
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
    return list(_mentions(text))


# pure on the text (a parse and the scheme's matchers): the same clauses ask it document after document
# (three calls in four repeat one in the benchmark corpus). Small, as figures.phrases._left_words'.
@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((s.label_, s.start_char, s.end_char) for s in mention_spans(_doc(text)))


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

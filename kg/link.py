"""Link: give every mention in one document's extraction the identity it has across documents.

Councils and committees by canonical name (alias table); posts by canonical title within a council:
the alias table (kg/data/aliases.yaml, plus a user's file named by KG_ALIASES), then an exact or fuzzy
match against posts already known at that council; councillors by council + surname. Each decision
records its method (exact, alias, acronym, coreference, fuzzy) and score, so a user can review merges.

The fuzzy threshold was chosen on labelled pairs (tests/data/post_pairs.yaml; rerun
benchmarks/measure_post_threshold.py): with rapidfuzz's ratio alone, spellings of one post scored 93.5
and up but two different posts scored as high as 93.2 ("Head of Performance and Transformation" /
"... and Information"), too close to trust. So a match also needs every content word to agree up to
inflection (Equality/Equalities, Service/Services): no labelled pair of different posts passes that rule,
and the ratio floor of 90 sits below the lowest spelling pair (93.5) as a second guard.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from kg.errors import InputError
from kg.indicator_link import IndicatorMatch, KnownIndicator, link_indicator
from kg.indicators import concept
from kg.iris import slug
from kg.model import Extraction
from kg.reference import council_info, data_text
from kg.yamlfile import loads

UNKNOWN_COUNCIL = "Unknown council"
FUZZY_THRESHOLD = 90.0
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "to", "in"})


@dataclass(frozen=True)
class Identity:
    """A mention's identity: `key` goes to `kg.iris`, `label` is what a person reads."""

    key: str
    label: str
    method: str = "exact"
    score: float | None = None


@dataclass(frozen=True)
class Known:
    """What the store already knows, for matching new mentions: council -> post titles, council -> the
    indicators found in its documents (those the scheme does not have), and committee -> the councils
    that have a committee of that name (for a paper that names its committee only)."""

    posts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    indicators: dict[str, tuple[KnownIndicator, ...]] = field(default_factory=dict)
    committees: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def councils(self) -> frozenset[str]:
        """Every council named here (read once per Known: linking asks it of each document)."""
        return frozenset(self.posts) | frozenset(self.indicators) | frozenset(
            c for cs in self.committees.values() for c in cs)


@dataclass(frozen=True)
class Linked:
    extraction: Extraction
    council: str
    committee: str | None
    period: str | None
    meeting_when: str | None  # ISO date, or period label, or None when neither is known
    posts: dict[str, Identity]  # local post key -> identity (key = canonical title)
    people: dict[str, Identity]  # local person key -> identity
    # an indicator the extractors did not find in the scheme ("new:<slug>") -> how its phrase was linked
    indicators: dict[str, IndicatorMatch] = field(default_factory=dict)


_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # pure; the same post titles are compared in document after document
def norm(title: str) -> str:
    """A title for comparison: lower case, & = and, no apostrophes or hyphens, single spaces."""
    t = title.lower().replace("&", " and ").replace("’", "").replace("'", "").replace("-", "")
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", t)).strip()


@dataclass(frozen=True)
class Aliases:
    posts: dict[str, str]
    by_council: dict[str, dict[str, str]]
    committees: dict[str, str]


def _load_aliases(raw: dict | None, where: str) -> Aliases:
    if raw is None:
        return Aliases({}, {}, {})
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k, {}) or {}, dict)
                                            for k in ("posts", "by_council", "committees")):
        raise InputError("alias file must map posts/by_council/committees to 'variant: canonical' entries",
                         path=where, hint="see kg/data/aliases.yaml for the layout")

    def table(d: dict | None) -> dict[str, str]:
        return {norm(str(k)): str(v) for k, v in (d or {}).items()}

    by_council = {str(c).lower(): table(v) for c, v in (raw.get("by_council") or {}).items()}
    return Aliases(table(raw.get("posts")), by_council, table(raw.get("committees")))


@cache
def aliases() -> Aliases:
    """The shipped alias table, overlaid with the user's file named by KG_ALIASES (if set)."""
    base = _load_aliases(loads(data_text("aliases.yaml"), "kg/data/aliases.yaml"), "kg/data/aliases.yaml")
    extra_path = os.environ.get("KG_ALIASES")
    if not extra_path:
        return base
    path = Path(extra_path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read alias file: {err.strerror}", path=str(path),
                         hint="fix KG_ALIASES") from err
    try:
        raw = loads(text, str(path))
    except InputError as err:
        raise InputError(f"alias file is {err.message}", path=str(path),
                         hint="fix or unset KG_ALIASES") from err
    extra = _load_aliases(raw, str(path))
    councils = {**base.by_council}
    for c, t in extra.by_council.items():
        councils[c] = {**councils.get(c, {}), **t}
    return Aliases({**base.posts, **extra.posts}, councils, {**base.committees, **extra.committees})


def canonical_council(name: str | None) -> str:
    info = council_info(name)
    if info:
        return info.name
    return re.sub(r"\s+", " ", name).strip() if name and name.strip() else UNKNOWN_COUNCIL


_SMALL_WORDS = frozenset({"and", "of", "for", "the", "on", "in", "to", "with"})
_HEADS = re.compile(r"(?i)\b(?:Committee|Sub-?Committee|Panel|Board|Cabinet|Forum|Commission|Partnership"
                    r"|Executive"
                    r"|Group|Council|Assembly|Conference|Meeting|Body|Authority)\b")


def canonical_committee(name: str | None) -> str | None:
    """One name per committee: the alias table's, else as written in title case where a heading shouts it,
    "&" as "and", and "Committee" added where the name has no head ("OVERVIEW AND SCRUTINY")."""
    if not name or not name.strip():
        return None
    clean = re.sub(r"\s+", " ", name).strip()
    halves = re.split(r"\s+/\s+", clean)  # a bilingual heading: the half named with an English head
    clean = next((h for h in halves if _HEADS.search(h)), halves[0])
    table = aliases().committees
    if norm(clean) in table:
        return table[norm(clean)]
    if all(len(w) <= 4 for w in clean.split()) and clean.isupper():
        return clean  # an acronym ("CYP OSC") the alias table does not know: leave it as written
    if clean.isupper():
        clean = re.sub(r"[^\W\d_][\w'’]*", lambda m: m.group(0).lower() if m.group(0).lower() in _SMALL_WORDS
                       and m.start() else m.group(0)[0] + m.group(0)[1:].lower(), clean)
    clean = re.sub(r"\s*&\s*", " and ", clean)
    clean = re.sub(r"^(?i:the)\s+", "", clean)
    if not _HEADS.search(clean):
        clean += " Committee"
    return table.get(norm(clean), clean)


def _words_agree(a: str, b: str) -> bool:
    """Same content words up to inflection: Equality/Equalities, Service/Services; not Finance/Fire."""
    wa = [w for w in norm(a).split() if w not in _FUNCTION_WORDS]
    wb = [w for w in norm(b).split() if w not in _FUNCTION_WORDS]
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        stem = min(len(x), len(y), 5)
        if len(x) < 4 or len(y) < 4 or x[:stem - 1] != y[:stem - 1] or fuzz.ratio(x, y) < 70:
            return False
    return True


def same_post_score(a: str, b: str) -> float | None:
    """The fuzzy score if `a` and `b` read as one post, else None."""
    score = fuzz.ratio(norm(a), norm(b))
    return score if score >= FUZZY_THRESHOLD and _words_agree(a, b) else None


def post_identity(title: str, council: str, known: Known, method: str = "exact") -> Identity:
    """The identity of a post title at `council`: alias, then known exact, then fuzzy, else itself."""
    table = aliases()
    n = norm(title)
    alias = table.by_council.get(council.lower(), {}).get(n) or table.posts.get(n)
    if alias and norm(alias) != n:
        return Identity(alias, alias, "alias")
    at_council = known.posts.get(council, ())
    for k in at_council:
        if norm(k) == n:
            return Identity(k, k, method)
    best: tuple[float, str] | None = None
    for k in at_council:
        s = same_post_score(title, k)
        if s is not None and (best is None or s > best[0]):
            best = (s, k)
    if best:
        return Identity(best[1], best[1], "fuzzy", best[0])
    return Identity(title, title, method)


# A council's name around its place: "London Borough of X", "City of X Council", "X County Borough Council".
_COUNCIL_BEFORE = re.compile(r"(?i)^(?:the\s+)?(?:(?:london|royal)\s+borough\s+of|city\s+and\s+county\s+of|"
                             r"city\s+of|county\s+of|borough\s+of)\s+")
_COUNCIL_AFTER = re.compile(r"(?i)(?:\s+(?:metropolitan|county|city|district|borough))*\s+council$")
# A town, parish or community council is another tier of government from the district of the same place.
_LOCAL_TIER = re.compile(r"(?i)\b(?:town|parish|community|city\s+region)\s+council$")


@lru_cache(maxsize=4096)  # asked of every known council for each document linked (`same_place` in `basis`)
def _place(council: str) -> str:
    return _COUNCIL_AFTER.sub("", _COUNCIL_BEFORE.sub("", council)).strip().lower()


def _short_form(council: str) -> bool:
    """ "X Council": a name with no kind of council in it, as running heads and letterheads shorten one."""
    short = re.fullmatch(r"(?i)(\S.*?)\s+council", council)
    return bool(short) and _place(council) == short.group(1).strip().lower()


def same_place(council: str, known: Known) -> tuple[str, ...]:
    """The other councils known by the same place's name, where one of the two names is the short "X Council"
    (the London Borough of X calls itself X Council in its running heads): one council named two ways."""
    if council == UNKNOWN_COUNCIL or _LOCAL_TIER.search(council) or council_info(council):
        return ()
    place = _place(council)
    return tuple(sorted(k for k in known.councils if k != council and _place(k) == place
                        and (_short_form(k) or _short_form(council)) and not _LOCAL_TIER.search(k)))


def known_council(council: str, known: Known) -> str:
    """The council as the store already names it, where it names it another way (`same_place`): the first
    name a store met stays, so its documents keep one council whatever order they come in."""
    if council in known.councils:
        return council
    other = same_place(council, known)
    return other[0] if len(other) == 1 else council


def basis(council: str, known: Known, committee: str | None = None) -> tuple[object, ...]:
    """All that linking a document of `council` (as `link` settles it) reads of `known`: a document linked
    earlier (in a worker, with what was known then) links the same now when this has not changed, and need
    not be linked again. `committee`: the committee a paper named without its council was placed by."""
    found = () if council == UNKNOWN_COUNCIL else known.indicators.get(council, ())
    return (known.posts.get(council, ()), found, known.committees.get(committee, ()) if committee else (),
            same_place(council, known))


def council_of_committee(committee: str | None, known: Known) -> str | None:
    """The council of a paper that names its committee but not its council (an action log or a ModernGov
    item page: "Meeting: 04/03/2025 - Audit Committee (Item 3)"): the one council known to have a committee
    of that name, else none (two councils' "Cabinet" say nothing)."""
    councils = known.committees.get(committee, ()) if committee else ()
    return councils[0] if len(councils) == 1 else None


def placed_by_committee(extraction: Extraction) -> str | None:
    """The committee linking reads Known for, when the document names no council of its own."""
    if extraction.council is not None or extraction.committee is None:
        return None
    return canonical_committee(extraction.committee.name)


def link(extraction: Extraction, known: Known | None = None) -> Linked:
    known = known or Known()
    council = canonical_council(extraction.council.name if extraction.council else None)
    committee = canonical_committee(extraction.committee.name if extraction.committee else None)
    if council == UNKNOWN_COUNCIL:
        council = council_of_committee(committee, known) or council
    else:
        council = known_council(council, known)
    meta = extraction.doc.meta
    period = extraction.period or meta.period
    when = meta.meeting_date.isoformat() if meta.meeting_date else period
    # with no council known, nothing says two documents speak of the same people: scope them to the document
    scope = f" @{extraction.doc.sha256[:12]}" if council == UNKNOWN_COUNCIL else ""
    posts: dict[str, Identity] = {}
    for p in extraction.posts:
        if p.key in posts:
            continue
        # spellings met earlier in this document count as known, so one document's variants meet too
        here = known.posts.get(council, ()) + tuple(i.label for i in posts.values())
        seen = Known({**known.posts, council: here})
        method = p.method if p.method in ("acronym", "coreference") else "exact"
        ident = post_identity(p.title, council, seen, method)
        posts[p.key] = replace(ident, key=ident.key + scope) if scope else ident
    people = {p.key: Identity(p.key + scope, p.name, "surname" if p.role == "councillor" else "exact")
              for p in extraction.people}
    found = () if scope else known.indicators.get(council, ())
    indicators = link_indicators(extraction, council + scope, found)
    return Linked(extraction, council, committee, period, when if committee else None, posts, people,
                  indicators)


def link_indicators(extraction: Extraction, council: str,
                    known: tuple[KnownIndicator, ...] = ()) -> dict[str, IndicatorMatch]:
    """Every indicator phrase the scheme did not give an id ("new:<slug>" on an observation, contribution or
    commitment), linked by kg.indicator_link: to a concept under another name, to an indicator already
    `known` at `council` (or met earlier in this document) worded another way, or a new indicator of
    `council` (scoped to the document where the council is unknown)."""
    phrases: dict[str, tuple[str, str | None, str | None]] = {}  # key -> (phrase, code, unit)
    units: dict[str, set[str]] = {}
    for o in extraction.observations:
        if not concept(o.indicator):
            phrases.setdefault(o.indicator, (o.surface or o.indicator_label, o.notation or None, None))
            if o.value is not None:
                units.setdefault(o.indicator, set()).add(o.unit)
    for key, found in units.items():
        # the unit the indicator is measured in: a bare count beside a percentage ("133 re-referrals, a rate
        # of 23.1%") is the volume behind the rate, and the rate says what the indicator is
        measured = sorted(found - {"count"}) or ["count"]
        phrase, code, _ = phrases[key]
        phrases[key] = (phrase, code, measured[0] if len(measured) == 1 else None)
    for f in (*extraction.contributions, *extraction.commitments):
        if f.topic and f.topic.startswith("new:"):  # any other topic is a subject in words, not an indicator
            phrases.setdefault(f.topic, ("", None, None))
    out: dict[str, IndicatorMatch] = {}
    seen = list(known)
    # phrases with figures first: a unit is known before a figure-less mention (a question's topic) meets it
    for k, (label, code, unit) in sorted(phrases.items(), key=lambda kv: (kv[1][2] is None, kv[0])):
        m = link_indicator(label or k.removeprefix("new:").replace("-", " "), code=code, council=council,
                           unit=unit, known=tuple(seen))
        out[k] = m
        if m.concept is None:
            here = [i for i, s in enumerate(seen) if slug(s.key) == slug(m.key)]
            if not here:
                seen.append(KnownIndicator(m.key, m.label, m.unit))
            elif seen[here[0]].unit is None and m.unit:  # a figure now says the unit a mention did not
                seen[here[0]] = KnownIndicator(m.key, seen[here[0]].label, m.unit)
    return out

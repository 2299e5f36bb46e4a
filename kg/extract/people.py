"""Extract people and posts: councillors in every written form, officers with their posts, posts alone.

Posts are found by their head word (kg/extract/patterns/posts.yaml) and grown outwards over the title's
words; a shortened later mention ("the Equality and Strategy Manager") or an acronym defined once
("Director of Children's Services (DCS)" ... "the DCS") takes the full title's key. Councillors key on
surname (plus an initial only when two share one in a document), so one councillor is one IRI across
meetings. Officers are named only where a post is attached to the name (`Name, Post`, `Post, Name`,
`Name (Post)`, a signature block); a bare capitalised pair is never taken for a person.

`mentions(text)` keeps every mention with its offsets, so other extractors can name actors
(`actor_at`) and speakers without parsing names again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kg.extract.nlp import vocabulary
from kg.model import Extraction, HoldingFact, PersonFact, PostFact, Role, Span
from kg.reference import councils
from kg.text import TextView

# One capitalised word of a name: McAloon, O'Neill, Smith-Jones, Zoë.
WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?"
INITIAL = r"[A-Z]\.?"
SPACE = r"[ \t\xa0]+"


@dataclass(frozen=True)
class Mention:
    """One mention of a person or post in the text; `key` is the fact key it refers to."""

    start: int
    end: int
    key: str
    kind: str  # councillor | officer | other | post


@dataclass(frozen=True)
class Analysis:
    people: tuple[PersonFact, ...]
    posts: tuple[PostFact, ...]
    holdings: tuple[HoldingFact, ...]
    mentions: tuple[Mention, ...]
    titles: tuple[tuple[int, int], ...] = ()  # every post title found, generic ones included


# ---- vocabularies ------------------------------------------------------------------------------


@cache
def _posts_vocab() -> dict:
    return vocabulary("posts")


@cache
def _people_vocab() -> dict:
    return vocabulary("people")


@cache
def _council_words() -> frozenset[str]:
    """Words of known council names and cues: "Durham" next to a post is the council, not a surname."""
    words: set[str] = set()
    for c in councils():
        for phrase in (c.name, *c.aliases, *c.cues, c.area_name or ""):
            words.update(re.findall(r"[A-Za-z]+", phrase))
    return frozenset(words)


@cache
def _not_names() -> frozenset[str]:
    vocab = _people_vocab()
    return frozenset(vocab["not_names"]) | _council_words() | frozenset(vocab["honorifics"])


@cache
def _not_surnames() -> frozenset[str]:
    return frozenset(_people_vocab().get("not_surnames", ()))


@cache
def _honorific_re() -> str:
    honorifics = sorted(map(re.escape, _people_vocab()["honorifics"]), key=len, reverse=True)
    return "(?:" + "|".join(honorifics) + r")\.?"


@cache
def _head_re() -> re.Pattern[str]:
    heads = sorted(_posts_vocab()["heads"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", SPACE) for h in heads) + r")\b")


@cache
def _generic() -> frozenset[str]:
    return frozenset(g.lower() for g in _posts_vocab()["generic"])


@cache
def _is_head_word() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(re.escape(h.split()[-1]) for h in _posts_vocab()["heads"]) + r")$")


# ---- posts -------------------------------------------------------------------------------------

_LEFT_WORD = re.compile(r"(?:(?<=[\s(])|^)([A-Z][\w'’\-]*|and|&)[ \t\xa0]+$")
_CAP = r"[A-Z][\w'’\-]*"
_RIGHT_WORD = re.compile(r"([A-Z][\w'’\-]*|and|&|of|for)(?=[\s,;:.)(]|$)")
_BLANK = re.compile(r"[ \t\xa0]+")
_COMMA_TAIL = re.compile(rf",{SPACE}((?:{_CAP}{SPACE})*?{_CAP}(?:,{SPACE}{_CAP}(?:{SPACE}{_CAP})*)*"
                         rf"{SPACE}(?:and|&){SPACE}{_CAP}(?:{SPACE}{_CAP})*)")


def canonical_title(surface: str) -> str:
    """Whitespace collapsed, typographic apostrophes straightened: the title as a key."""
    return re.sub(r"\s+", " ", surface.replace("’", "'")).strip(" ,")


def _grow_left(text: str, start: int, head: str) -> int:
    """Take capitalised modifiers (and "and"/"&" between them) on the same line, left of the head."""
    vocab = _posts_vocab()
    restricted = head in vocab["restricted_heads"]
    modifiers, stops = set(vocab["modifiers"]), set(vocab["stop_words"])
    # titles are short: look back a bounded stretch of the line (keeps long lines linear)
    line_start = max(text.rfind("\n", 0, start) + 1, start - 160)
    pos, best = start, start
    while True:
        m = _LEFT_WORD.search(text, line_start, pos)
        if not m:
            break
        word = m.group(1)
        if word in ("and", "&"):
            if restricted:
                break
            pos = m.start(1)
            continue
        # "Executive Director", "Chief Executive": a head word may modify another head
        if word in stops or (restricted and word not in modifiers) \
                or (_is_head_word().match(word) and word not in modifiers):
            break
        pos = best = m.start(1)
    return best


def _grow_right(text: str, end: int, head: str) -> int:
    """Take the complement ("of Early Help, Assessment & Safeguarding") on the same line."""
    allowed = _posts_vocab()["complement_heads"].get(head, [])
    if not allowed:
        return end
    complement = SPACE + "(" + "|".join(allowed) + ")" + SPACE + f"(?:the{SPACE})?(?=[A-Z])"
    m = re.compile(complement).match(text, end)
    if not m:
        return end
    pos, best = m.end(), end
    while True:
        w = _RIGHT_WORD.match(text, pos)
        if not w:
            break
        word = w.group(1)
        if pos - m.end() > 200:  # no title runs on this long
            break
        if word[0].isupper() and (_is_head_word().match(word) or word in ("Councillor", "Cllr")):
            break
        if word[0].isupper():
            best = w.end()
        nxt = _BLANK.match(text, w.end())
        if not nxt:
            # a comma list inside a title ("Early Help, Assessment & Safeguarding") only when it closes with
            # and/& and holds no other post's head ("Head of Service, Assistant Director and Director").
            tail = _COMMA_TAIL.match(text, w.end(), w.end() + 200)
            if tail and not any(_is_head_word().match(t) for t in re.findall(r"[\w'’\-]+", tail.group(1))):
                best = tail.end()
            break
        pos = nxt.end()
    return best


_DEPT = re.compile(rf",[ \t\xa0]+({_CAP}(?:(?:,?[ \t\xa0]+(?:and|&|of|for)?[ \t\xa0]*){_CAP}){{0,6}})"
                   r"(?=[ \t\xa0]*(?:[,)\n]|$))")


def _department(text: str, start: int, end: int) -> int:
    """Where a generic title's department ends ("Assistant Director, Children's Services,")."""
    if canonical_title(text[start:end]).lower() not in _generic():
        return end
    m = _DEPT.match(text, end)
    if not m or any(_is_head_word().match(w) for w in re.findall(r"[\w'’\-]+", m.group(1))):
        return end
    name = _read_name(text, m.start(1), prefixed=False)
    if name and name.end == m.end(1):  # "Assistant Director, Chris Bell," names the holder, not a department
        return end
    return m.end(1)


@cache
def _fixed_re() -> re.Pattern[str]:
    titles = sorted(_posts_vocab().get("fixed_titles", ()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t).replace(r"\ ", SPACE) for t in titles) + r")\b")


def _find_titles(text: str) -> list[tuple[int, int]]:
    """Spans of post titles, longest first, without overlaps."""
    found: list[tuple[int, int]] = [m.span() for m in _fixed_re().finditer(text)]
    for m in _head_re().finditer(text):
        head = re.sub(r"\s+", " ", m.group(0))
        start, end = _grow_left(text, m.start(), head), _grow_right(text, m.end(), head)
        if head in _posts_vocab()["needs_complement"] and end == m.end():
            continue
        found.append((start, _department(text, start, end)))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out


def _acronyms(text: str, titles: list[tuple[int, int]]) -> dict[str, tuple[str, int, int]]:
    """Acronyms defined right after a title: "Director of Children's Services (DCS)" -> DCS."""
    out: dict[str, tuple[str, int, int]] = {}
    for s, e in titles:
        m = _ACRONYM.match(text, e)
        if not m:
            continue
        title = canonical_title(text[s:e])
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'\-]*", title))
        if _subsequence(m.group(1), initials):
            out[m.group(1)] = (title, m.start(1), m.end(1))
    return out


_ACRONYM = re.compile(r"[ \t\xa0]*\(([A-Z]{2,6})\)")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return short[0] == long[:1] and all(ch in it for ch in short)


def _post_canon(titles: list[str]) -> dict[str, tuple[str, str]]:
    """Title -> (canonical title, method): a shortened mention takes the unique full title it ends."""
    full = {t for t in titles if t.lower() not in _generic()}
    ranks = set(_posts_vocab().get("rank_modifiers", ()))
    out: dict[str, tuple[str, str]] = {}

    def maximal(found: set[str]) -> set[str]:
        return {f for f in found if not any(g != f and g.endswith(" " + f) for g in found)}

    def shortens(f: str, words: list[str]) -> bool:
        """`words` end title `f`, and what they drop is no rank ("Deputy Head of Finance" stays apart)."""
        fw = f.split()
        return len(fw) > len(words) and fw[-len(words):] == words and not ranks & set(fw[:-len(words)])

    for t in set(titles):
        words = t.split()
        n = len(words)
        # "the Equality and Strategy Manager" ends one full title; "the Executive Director" opens one
        longer = maximal({f for f in full if f != t and shortens(f, words)})
        if n >= 2 and not longer and t.lower() in _generic():
            longer = {f for f in full if f.split()[:n] == words and len(f.split()) > n}
        if n >= 2 and len(longer) == 1:
            out[t] = (longer.pop(), "coreference")
        elif t in full:
            out[t] = (t, "exact")
    return out


# ---- people ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    honorific: str
    given: str  # forenames or initials as written
    surname: str

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.given, self.surname) if p)


_NAME_TOKEN = re.compile(rf"{WORD}|{INITIAL}(?=[ \t\xa0])")


@cache
def _particle_re() -> re.Pattern[str]:
    """"de Souza", "van der Berg": lower-case particles that open a surname."""
    particles = sorted(_people_vocab().get("surname_particles", ()), key=len, reverse=True)
    alt = "|".join(map(re.escape, particles))
    return re.compile(rf"(?:(?:{alt})[ \t\xa0]+)+{WORD}") if alt else re.compile(r"(?!)")


def _read_name(text: str, pos: int, *, prefixed: bool, limit: int = 4) -> _Name | None:
    """A personal name starting at `pos` ("Mrs A Kolker", "Jane Patterson", "J. Patterson"), on one line."""
    hon = ""
    m = re.compile(_honorific_re() + SPACE).match(text, pos)
    start = pos
    if m:
        hon = m.group(0).strip().rstrip(".")
        pos = m.end()
    tokens: list[tuple[int, int, str]] = []
    while len(tokens) < limit:
        t = _particle_re().match(text, pos) or _NAME_TOKEN.match(text, pos)
        if not t:
            break
        word = t.group(0)
        if word.endswith(("'s", "’s")) and len(word) > 3:  # "Councillor Smith's question": the name is Smith
            tokens.append((t.start(), t.end() - 2, word[:-2]))
            break
        tokens.append((t.start(), t.end(), word))
        sp = _BLANK.match(text, t.end())
        more = sp and (_NAME_TOKEN.match(text, sp.end()) or _particle_re().match(text, sp.end()))
        if not more or " " in t.group(0):  # a particle-led surname ends the name
            break
        pos = sp.end()
    stops = _not_surnames() if prefixed else _not_names()
    # trim words that cannot be names ("Councillor Smith Chair"), and trailing initials
    while tokens and (tokens[-1][2] in stops or re.fullmatch(INITIAL, tokens[-1][2])):
        tokens.pop()
    if not tokens or any(t[2] in stops for t in tokens):
        return None
    # unprefixed: two or three words ("Jane Smith", "J. A. Smith"); initials only before the surname
    initials = [bool(re.fullmatch(INITIAL, t[2])) for t in tokens]
    if not prefixed and not hon and (len(tokens) < 2 or len(tokens) > 3 or initials[-1]
                                     or (any(initials) and not all(initials[:-1]))):
        return None
    given = " ".join(t[2] for t in tokens[:-1])
    return _Name(start, tokens[-1][1], hon, given, tokens[-1][2])


@cache
def _prefix_re() -> re.Pattern[str]:
    prefixes = sorted(_people_vocab()["councillor_prefixes"], key=len, reverse=True)
    alt = "|".join(re.escape(p).replace(r"\ ", SPACE) for p in prefixes)
    return re.compile(r"\b(" + alt + r"):?" + SPACE)


@cache
def _office_re() -> re.Pattern[str]:
    offices = sorted(_people_vocab()["offices"], key=len, reverse=True)
    return re.compile(r"[ \t\xa0]*\((" + "|".join(map(re.escape, offices)) + r")\)", re.I)


def _councillors(text: str) -> list[tuple[_Name, str, int]]:
    """(name, office, end of mention) for every councillor, lists under one plural prefix included."""
    out: list[tuple[_Name, str, int]] = []
    for m in _prefix_re().finditer(text):
        plural = m.group(1).rstrip(".:").endswith("s")
        pos, first = m.end(), True
        while True:
            name = _read_name(text, pos, prefixed=True)
            if not name:
                break
            office_m = _office_re().match(text, name.end) or _IN_THE_CHAIR.match(text, name.end)
            office = _office_name(office_m.group(1)) if office_m else ""
            end = office_m.end() if office_m else name.end
            # the first name's mention includes its prefix; later names in a list start at the name
            out.append((replace(name, start=m.start()) if first else name, office, end))
            first = False
            sep = _LIST_SEP.match(text, end) if plural else None
            if not sep or _prefix_re().match(text, sep.end()):
                break
            pos = sep.end()
    return out


_IN_THE_CHAIR = re.compile(rf"{SPACE}in{SPACE}the{SPACE}(Chair)\b")  # "Councillor A Smart in the Chair"
_LIST_SEP = re.compile(r"(?:,[ \t\xa0]*(?:and[ \t\xa0]+)?|[ \t\xa0]+and[ \t\xa0]+)")


def _office_name(raw: str) -> str:
    low = raw.lower()
    return next((o for o in _people_vocab()["offices"] if o.lower() == low), raw)


def _councillor_keys(names: list[tuple[_Name, str, int]]) -> list[str]:
    """`councillor:<surname>`, or `councillor:<initial> <surname>` when two in one document share it."""
    initials: dict[str, set[str]] = {}
    for n, _, _ in names:
        if n.given:
            initials.setdefault(n.surname, set()).add(n.given[0])
    keys: list[str] = []
    last: dict[str, str] = {}
    for n, _, _ in names:
        if len(initials.get(n.surname, ())) > 1:
            # a bare "Councillor Smith" among two Smiths is taken as the one last named
            key = (f"councillor:{n.given[0]} {n.surname}" if n.given
                   else last.get(n.surname, f"councillor:{n.surname}"))
        else:
            key = f"councillor:{n.surname}"
        last[n.surname] = key
        keys.append(key)
    return keys


# ---- the analysis ------------------------------------------------------------------------------

def _name_ending_at(text: str, end: int) -> _Name | None:
    """A name of 2-3 words (or honorific + surname) ending at `end`, starting the line or after a boundary."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 120)
    seg = text[line_start:end]
    for n_words in (3, 2, 1):
        words = rf"(?:(?:{WORD}|{INITIAL})[ \t\xa0]+){{{n_words - 1}}}{WORD}"
        m = re.search(rf"(?:^|(?<=[\s(]))((?:{_honorific_re()}[ \t\xa0]+)?{words})$", seg)
        if not m:
            continue
        before = seg[:m.start(1)]
        # the name must open its clause: line start, "of/by/from", bracket, dash, list marker or a comma
        if before.strip() and not re.search(r"(?:\b(?:of|by|from|with|and|to)|[(,:;\-–•]|\d\.?)\s*$",
                                             before):
            continue
        name = _read_name(text, line_start + m.start(1), prefixed=False)
        if name and name.end == end:
            return name
    return None


@lru_cache(maxsize=16)
def analyse(text: str) -> Analysis:
    """Every person, post and holding in `text`, with all their mentions."""
    mentions: list[Mention] = []
    people: dict[str, PersonFact] = {}
    taken = _Taken(len(text))

    # councillors
    cllrs = _councillors(text)
    for (name, office, end), key in zip(cllrs, _councillor_keys(cllrs), strict=True):
        label = " ".join(p for p in ("Councillor", name.honorific, name.full) if p)
        forename = "" if re.fullmatch(r"[A-Z]\.?(?: [A-Z]\.?)*", name.given) else name.given
        old = people.get(key)
        if old is None:
            people[key] = PersonFact(key, label, "councillor", Span.of(text, name.start, end), name.surname,
                                     forename, name.honorific, office)
        else:  # the fullest form names the person; the first mention stays the evidence
            people[key] = replace(old, name=label if len(label) > len(old.name) else old.name,
                                  forename=old.forename or forename,
                                  honorific=old.honorific or name.honorific,
                                  office=old.office or office)
        mentions.append(Mention(name.start, end, key, "councillor"))
        taken.append((name.start, end))

    # posts, with their canonical titles
    spans = [s for s in _find_titles(text) if not _inside(s, taken)]
    acr = _acronyms(text, spans)
    surfaces = [canonical_title(text[s:e]) for s, e in spans]
    canon = _post_canon(surfaces + [t for t, _, _ in acr.values()])
    posts: list[PostFact] = []
    post_at: dict[tuple[int, int], str] = {}
    seen_surface: set[tuple[str, str]] = set()
    for (s, e), surface in zip(spans, surfaces, strict=True):
        if surface not in canon:
            continue
        title, method = canon[surface]
        key = f"post:{title}"
        post_at[(s, e)] = key
        mentions.append(Mention(s, e, key, "post"))
        if (key, surface) not in seen_surface:
            seen_surface.add((key, surface))
            posts.append(PostFact(key, title, text[s:e], Span.of(text, s, e), method))
    for short, (title, _, _) in acr.items():
        if title not in canon:  # an acronym for a generic title ("Assistant Director (AD)") asserts nothing
            continue
        key = f"post:{canon[title][0]}"
        for m in re.finditer(rf"\b{short}\b", text):
            if any(s <= m.start() < e for s, e in spans) or text[m.start() - 1:m.start()] == "(":
                continue
            mentions.append(Mention(m.start(), m.end(), key, "post"))
            if (key, short) not in seen_surface:
                seen_surface.add((key, short))
                span = Span.of(text, m.start(), m.end())
                posts.append(PostFact(key, key.removeprefix("post:"), short, span, "acronym"))

    # named officers and others: a name attached to a post
    holdings: list[HoldingFact] = []

    councillor_of = {p.surname: k for k, p in people.items() if p.role == "councillor"}

    def add_person(name: _Name, role: Role, office: str = "") -> str:
        if role == "other" and name.surname in councillor_of:  # "Mrs Layton", listed under "Councillors"
            key = councillor_of[name.surname]
            mentions.append(Mention(name.start, name.end, key, "councillor"))
            taken.append((name.start, name.end))
            return key
        # co-opted members recur across meetings as "Mr T Hale" and "Mr Hale": key them on the surname
        key = f"officer:{name.full.replace('.', '')}" if role == "officer" else f"other:{name.surname}"
        if key in people and role == "other" and office and not people[key].office:
            people[key] = replace(people[key], office=office)
        if key not in people:
            label = " ".join(p for p in (name.honorific if role == "other" else "", name.full) if p)
            forename = "" if re.fullmatch(r"[A-Z]\.?(?: [A-Z]\.?)*", name.given) else name.given
            people[key] = PersonFact(key, label, role, Span.of(text, name.start, name.end), name.surname,
                                     forename, name.honorific, office)
        mentions.append(Mention(name.start, name.end, key, role))
        taken.append((name.start, name.end))
        return key

    def hold(name: _Name, post_key: str, s: int, e: int) -> None:
        person = add_person(name, "officer")
        if not any(h.person == person and h.post == post_key for h in holdings):
            span = Span.of(text, min(s, name.start), max(e, name.end))
            holdings.append(HoldingFact(person, post_key, span))

    for (s, e), key in post_at.items():
        if key.removeprefix("post:").lower() in _generic():
            continue
        lead = re.search(r"(,|\(|[-–]|[ \t\xa0]|\n)[ \t\xa0]*(?:the[ \t\xa0]+)?$", text[max(0, s - 6):s])
        tail = text[e:e + 200]
        # Name, Post / Name (Post) / Name Post (signature line)
        if lead and lead.group(1) in (",", "(", "-", "–"):
            window = max(0, s - 120)
            before = re.sub(r"(?:,|\(|[-–])[ \t\xa0]*(?:the)?$", "", text[window:s].rstrip()).rstrip()
            name = _name_ending_at(text, window + len(before))
            attached = lead.group(1) != "(" or tail.startswith(")")
            if name and attached and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        line_start = text.rfind("\n", 0, s) + 1
        if text[line_start:s].strip():
            name = _read_name(text, line_start, prefixed=False)
            if name and not name.honorific and re.fullmatch(r"[ \t\xa0]+", text[name.end:s] or "x") \
                    and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        # Post, Name
        m = re.match(r"(?:,|[ \t\xa0]+[-–])[ \t\xa0]+", tail)
        if m:
            name = _read_name(text, e + m.end(), prefixed=False)
            ends = name and _NAME_END.match(text[name.end:name.end + 3] or "\n")
            if name and ends and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)
                continue
        # signature block: a line holding only a name, then the post opening the next line
        if not text[line_start:s].strip() and line_start >= 2:
            prev_end = line_start - 1
            prev_start = text.rfind("\n", 0, prev_end) + 1
            line = text[prev_start:prev_end]
            name = _read_name(text, prev_start + len(line) - len(line.lstrip()), prefixed=False)
            if name and not text[name.end:prev_end].strip() and not _inside((name.start, name.end), taken):
                hold(name, key, s, e)

    # honorific names that are not councillors: co-opted members and others ("Mr T Hale (... Representative)")
    for m in re.finditer(rf"\b{_honorific_re()}[ \t\xa0]+", text):
        if _inside((m.start(), m.end()), taken):
            continue
        name = _read_name(text, m.start(), prefixed=True)
        if not name or not name.honorific:
            continue
        office = ""
        br = _BRACKET.match(text, name.end)
        if br:
            office = br.group(1).strip()
        add_person(name, "other", office)

    # later mentions of a named officer by full name (others are keyed on a bare surname: too loose to search)
    for key, p in list(people.items()):
        if p.role != "officer":
            continue
        full = people[key].name
        for m in re.finditer(rf"\b{re.escape(full)}\b", text):
            if not _inside((m.start(), m.end()), taken):
                mentions.append(Mention(m.start(), m.end(), key, p.role))

    mentions.sort(key=lambda mm: (mm.start, -mm.end))
    return Analysis(tuple(people.values()), tuple(posts), tuple(holdings), tuple(mentions), tuple(spans))


# a name ends before punctuation, the line's end or a lower-case verb ("Helen McAloon, delivered")
_NAME_END = re.compile(r"[ \t\xa0]*(?:[,.;:)]|$|\n|[ \t\xa0]+[a-z])")
# a bracketed role, one nested level allowed: "(Church Representative (Catholic))"
_BRACKET = re.compile(r"[ \t\xa0]*\(((?:[^()\n]|\([^()\n]*\)){3,80})\)")


class _Taken:
    """Character ranges already claimed by a mention; a mask keeps the overlap test cheap on long texts."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)

    def append(self, span: tuple[int, int]) -> None:
        self.mask[span[0]:span[1]] = b"\x01" * (span[1] - span[0])

    def overlaps(self, span: tuple[int, int]) -> bool:
        return 1 in self.mask[span[0]:span[1]]


def _inside(span: tuple[int, int], taken: _Taken) -> bool:
    return taken.overlaps(span)


def mentions(text: str) -> tuple[Mention, ...]:
    return analyse(text).mentions


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    a = analyse(x.doc.text)
    notes = tuple(f"councillor surname shared: {k}" for k, n in Counter(
        p.surname for p in a.people if p.role == "councillor").items() if n > 1)
    return replace(x, people=a.people, posts=a.posts, holdings=a.holdings, notes=x.notes + notes)


def actor_at(x: Extraction, start: int, end: int) -> str | None:
    """The key of the first person or post mentioned in [start, end) that `x` holds as a fact, else None."""
    keys = {p.key for p in x.people} | {p.key for p in x.posts}
    for m in analyse(x.doc.text).mentions:
        if m.start >= end:
            break
        if m.start >= start and m.key in keys:
            return m.key
    return None

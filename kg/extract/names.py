"""Personal names as minutes write them: councillors under a prefix ("Councillor", "Cllr", "County Borough
Councillor", "Provost", lists under a plural prefix), names with honorifics and initials, names attached to a
post. Vocabulary in kg/extract/patterns/people.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg.extract.nlp import vocabulary
from kg.reference import councils

# One capitalised word of a name: McAllister, O'Neill, Smith-Jones, Zoë (never the head of a hyphenated word
# in lower case: "Co-optees:" on the line after a list of names is no surname "Co").
WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?(?!-[a-zß-ÿ])"
INITIAL = r"[A-Z]\.?"
# Initials run together with their stops, as Welsh and many English minutes write them: "S.M. Allen".
DOTTED = r"(?:[A-Z]\.){2,4}"
SPACE = r"[ \t\xa0]+"
_BLANK = re.compile(SPACE)


@cache
def people_vocab() -> dict:
    return vocabulary("people")


@cache
def _council_words() -> frozenset[str]:
    """Words of known council names and cues: "Wrexford" next to a post is the council, not a surname."""
    words: set[str] = set()
    for c in councils():
        for phrase in (c.name, *c.aliases, *c.cues, c.area_name or ""):
            # a letter alone (from "Newry, M & D", "Rhondda Cynon Taf ... G") is an initial, not the council
            words.update(w for w in re.findall(r"[A-Za-z]+", phrase) if len(w) > 1)
    return frozenset(words)


@cache
def not_names() -> frozenset[str]:
    vocab = people_vocab()
    return frozenset(vocab["not_names"]) | _council_words() | frozenset(vocab["honorifics"])


@cache
def _not_names_but_places() -> frozenset[str]:
    """not_names less the words of councils' names, which may be a person's forename or surname."""
    vocab = people_vocab()
    return frozenset(vocab["not_names"]) | frozenset(vocab["honorifics"])


@cache
def _not_surnames() -> frozenset[str]:
    return frozenset(people_vocab().get("not_surnames", ()))


@cache
def honorific_re() -> str:
    honorifics = sorted(map(re.escape, people_vocab()["honorifics"]), key=len, reverse=True)
    return "(?:" + "|".join(honorifics) + r")\.?"




@dataclass(frozen=True)
class Name:
    start: int
    end: int
    honorific: str
    given: str  # forenames or initials as written
    surname: str

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.given, self.surname) if p)


# A surname set in capitals after a forename, as Scottish minutes list members: "Councillor Neil BENNY",
# "Councillor Alasdair MacPHERSON", "Councillor Colin O'BRIEN".
_CAPS_SURNAME = re.compile(r"(Mc|Mac|O['’])?([A-Z]{2,}(?:-[A-Z]{2,})?)(?![\w'’])")
_NAME_TOKEN = re.compile(rf"{WORD}|(?:{DOTTED}|{INITIAL})(?=[ \t\xa0])")


@cache
def _particle_re() -> re.Pattern[str]:
    """"de Souza", "van der Berg": lower-case particles that open a surname."""
    particles = sorted(people_vocab().get("surname_particles", ()), key=len, reverse=True)
    alt = "|".join(map(re.escape, particles))
    return re.compile(rf"(?:(?:{alt})[ \t\xa0]+)+{WORD}") if alt else re.compile(r"(?!)")


_INITIAL = re.compile(rf"{DOTTED}|{INITIAL}")
_DOTTED = re.compile(DOTTED)


@cache  # asked for each name read: built and looked up in re's cache on every call before
def _honorific_lead() -> re.Pattern[str]:
    return re.compile(honorific_re() + SPACE)


def _caps_surname(text: str, pos: int) -> tuple[int, int, str] | None:
    """A surname in capitals at `pos` after a forename, in its usual case ("MacPHERSON" -> "MacPherson");
    never a post-nominal or an organisation's letters ("MBE", "NHS")."""
    m = _CAPS_SURNAME.match(text, pos)
    if not m or m.group(2) in people_vocab().get("not_caps_surnames", ()):
        return None
    return m.start(), m.end(), (m.group(1) or "") + m.group(2).title()


_NEXT_WORD = re.compile(r"\.?[ \t\xa0]+[A-Z]")


@cache
def _name_openers() -> frozenset[str]:
    return frozenset(people_vocab().get("name_openers", ()))


def read_name(text: str, pos: int, *, prefixed: bool, limit: int = 4) -> Name | None:
    """A personal name starting at `pos` ("Mrs A Begum", "Jane Okafor", "J. Okafor"), on one line."""
    hon = ""
    m = _honorific_lead().match(text, pos)
    start = pos
    if m:
        hon = m.group(0).strip().rstrip(".")
        pos = m.end()
    tokens: list[tuple[int, int, str]] = []
    caps_ok = bool(prefixed or hon)
    while len(tokens) < limit:
        if caps_ok and len(tokens) == 1 and (caps := _caps_surname(text, pos)):
            tokens.append(caps)  # "Councillor Neil BENNY": a surname in capitals ends the name
            break
        t = _particle_re().match(text, pos) or _NAME_TOKEN.match(text, pos)
        if not t:
            break
        word = t.group(0)
        if tokens and word.rstrip(".") in _name_openers() and _NEXT_WORD.match(text, t.end()):
            break  # "Mr A Haley Mr D Jones": an honorific that is never a surname opens the next name
        if word.endswith(("'s", "’s")) and len(word) > 3:  # "Councillor Smith's question": the name is Smith
            tokens.append((t.start(), t.end() - 2, word[:-2]))
            break
        tokens.append((t.start(), t.end(), word))
        sp = _BLANK.match(text, t.end())
        more = sp and (_NAME_TOKEN.match(text, sp.end()) or _particle_re().match(text, sp.end())
                       or caps_ok and len(tokens) == 1 and _caps_surname(text, sp.end()))
        if not more or " " in t.group(0):  # a particle-led surname ends the name
            break
        pos = sp.end()
    stops = _not_surnames() if prefixed else _not_names_but_places()
    # trim words that cannot be names ("Councillor Smith Chair"), and trailing initials
    while tokens and (tokens[-1][2] in stops or _INITIAL.fullmatch(tokens[-1][2])):
        tokens.pop()
    if not tokens or any(t[2] in stops for t in tokens):
        return None
    # a place in a council's name is a name's word only beside one that is none ("Dean Marsh", "Sarah
    # King"); words all of places ("Milton Keynes", "Mr Wrexford") are the place
    if not prefixed and all(t[2] in _council_words() or _INITIAL.fullmatch(t[2]) for t in tokens):
        return None
    # unprefixed: two or three words ("Jane Smith", "J. A. Smith"); initials only before the surname
    initials = [bool(_INITIAL.fullmatch(t[2])) for t in tokens]
    if not prefixed and not hon and any(_DOTTED.fullmatch(t[2]) for t in tokens):
        return None  # "U.K. Government", "N.H.S. England": run-together initials need a title before them
    if not prefixed and not hon and (len(tokens) < 2 or len(tokens) > 3 or initials[-1]
                                     or (any(initials) and not all(initials[:-1]))):
        return None
    given = " ".join(t[2] for t in tokens[:-1])
    return Name(start, tokens[-1][1], hon, given, tokens[-1][2])


def councillor_at(text: str, pos: int) -> bool:
    """Whether a councillor's prefix ("Councillor", "Cllr", "Provost") starts at `pos`."""
    return _prefix_re().match(text, pos) is not None


@cache
def _prefix_re() -> re.Pattern[str]:
    prefixes = sorted(people_vocab()["councillor_prefixes"], key=len, reverse=True)
    alt = "|".join(re.escape(p).replace(r"\ ", SPACE) for p in prefixes)
    # a prefix at the end of a wrapped line names the person opening the next ("Councillors\nBeecroft, Ellis")
    return re.compile(r"\b(" + alt + r"):?(?:" + SPACE + r"|[ \t\xa0]*\n[ \t\xa0]*(?=[A-Z]))")


@cache
def _office_re() -> re.Pattern[str]:
    offices = sorted(people_vocab()["offices"], key=len, reverse=True)
    return re.compile(r"[ \t\xa0]*\((" + "|".join(map(re.escape, offices)) + r")\)", re.I)


_SPACES = re.compile(r"\s+")
_COUNCILLOR_WORD = re.compile(r"(?i)c(?:ounci)?ll(?:o)?rs?$")


def councillors_in(text: str) -> list[tuple[Name, str, int]]:
    """(name, office, end of mention) for every councillor, lists under one plural prefix included."""
    out: list[tuple[Name, str, int]] = []
    for m in _prefix_re().finditer(text):
        prefix = _SPACES.sub(" ", m.group(1).rstrip(".:"))
        prefix = people_vocab().get("prefix_short_forms", {}).get(prefix, prefix)
        plural = prefix.endswith("s") or prefix.lower().endswith("men")  # "Councillors", "Aldermen"
        # "Provost Jane Smith", "Bailie John Brown": a Scottish civic office stands in for "Councillor"
        civic = "" if _COUNCILLOR_WORD.search(prefix) else _office_name(prefix.rstrip("s"))
        pos, first, semi, closing = m.end(), True, False, False
        # "Councillors present:" over one name a line ("Anne Whitcombe (Chair)" / "Raj Bhandari" / ...)
        listed = _PRESENT.match(text, pos) if plural else None
        if listed:
            pos = listed.end()
        elif plural and (inline := _PRESENT_INLINE.match(text, pos)):
            pos = inline.end()  # "Councillors present: Bell (Chair), Kaur": the list runs on along the line
        while True:
            name = read_name(text, pos, prefixed=True)
            if not name or semi and (name.honorific or not _SEMI_END.match(text, name.end)):
                break
            if listed and not _LINE_END.match(text, name.end) and not _office_re().match(text, name.end):
                break  # one name a line: a line holding more is no part of the list
            office_m = _office_re().match(text, name.end) or _IN_THE_CHAIR.match(text, name.end)
            office = _office_name(office_m.group(1)) if office_m else civic
            end = office_m.end() if office_m else name.end
            # the first name's mention includes its prefix; later names in a list start at the name
            out.append((replace(name, start=m.start()) if first else name, office, end))
            first = False
            # "A Khan (substitute for Councillor B Lee), C Ward": an aside does not end the list
            aside = BRACKET.match(text, end) if plural and not office_m else None
            # "W J Dillon MBE, D Drysdale": an honour after a name does not end the list
            after = aside.end() if aside else end
            if plural and (honour := _post_nominal_re().match(text, after)):
                after = honour.end()
            # "Councillors Bell, Kaur and Lowe, Mrs T Hale (co-opted)": the name after "and" closes the list
            sep = _LIST_SEP.match(text, after) if plural and not closing else None
            if listed and not sep and _LINE_END.match(text, after):
                sep = _NEXT_LINE.match(text, after)
            closing = bool(sep) and "and" in sep.group(0).split()
            # "Councillors: A Brown; C Dodd; E Ford": a name after a semicolon must end at one (or the line)
            if plural and not sep and (semi_m := _SEMI_SEP.match(text, end)) and _SEMI_END.match(text, end):
                sep, semi = semi_m, True
            if not sep or _prefix_re().match(text, sep.end()):
                break
            pos = sep.end()
    return out


@cache
def _post_nominal_re() -> re.Pattern[str]:
    honours = sorted(map(re.escape, people_vocab().get("post_nominals", ())), key=len, reverse=True)
    alt = "|".join(honours) or r"(?!)"
    return re.compile(r"(?:,?[ \t\xa0]*(?:" + alt + r")\b)+")


_PRESENT_INLINE = re.compile(r"(?i:present|in\s+attendance|attending)[ \t\xa0]*:[ \t\xa0]*(?=[A-Z])")
_PRESENT = re.compile(r"(?i:present|in\s+attendance|attending)[ \t\xa0]*:[ \t\xa0]*\n[ \t\xa0]*(?=[A-Z])")
_LINE_END = re.compile(r"[ \t\xa0]*(?:\n|$)")
_NEXT_LINE = re.compile(r"[ \t\xa0]*\n[ \t\xa0]*(?=[A-Z])")
_IN_THE_CHAIR = re.compile(rf"{SPACE}in{SPACE}the{SPACE}(Chair)\b")  # "Councillor A Smart in the Chair"
# a list of names may wrap onto the next line after a comma or "and"
_SEMI_SEP = re.compile(r";[ \t\xa0]*(?:and[ \t\xa0]+)?")
_SEMI_END = re.compile(r"[ \t\xa0]*(?:;|\.?[ \t\xa0]*$)", re.M)
_LIST_SEP = re.compile(r"(?:,[ \t\xa0]*\n?[ \t\xa0]*(?:and[ \t\xa0\n]+)?"
                       r"|[ \t\xa0]+and[ \t\xa0]*\n?[ \t\xa0]*)")


def _office_name(raw: str) -> str:
    low = raw.lower()
    return next((o for o in people_vocab()["offices"] if o.lower() == low), raw)


def councillor_keys(names: list[tuple[Name, str, int]]) -> list[str]:
    """`councillor:<initial> <surname>` where an initial or forename is known (two Councillor Hugheses of one
    council stay two people), else `councillor:<surname>`. A bare "Councillor Smith" is the one Smith named
    with an initial in the document, or among several the one last named."""
    initials: dict[str, list[str]] = {}
    for n, _, _ in names:
        if n.given and n.given[0] not in initials.setdefault(n.surname, []):
            initials[n.surname].append(n.given[0])
    keys: list[str] = []
    last: dict[str, str] = {}
    for n, _, _ in names:
        known = initials.get(n.surname, [])
        if n.given:
            key = f"councillor:{n.given[0]} {n.surname}"
        elif len(known) == 1:
            key = f"councillor:{known[0]} {n.surname}"
        else:
            first = f"councillor:{known[0]} {n.surname}" if known else f"councillor:{n.surname}"
            key = last.get(n.surname, first)
        last[n.surname] = key
        keys.append(key)
    return keys



@cache  # three patterns, built once instead of on every call
def _name_at_end(n_words: int) -> re.Pattern[str]:
    words = rf"(?:(?:{WORD}|{DOTTED}|{INITIAL})[ \t\xa0]+){{{n_words - 1}}}{WORD}"
    return re.compile(rf"(?:^|(?<=[\s(]))((?:{honorific_re()}[ \t\xa0]+)?{words})$")


_CLAUSE_OPENS = re.compile(r"(?:\b(?:of|by|from|with|and|to|[Cc]ontact|Author)|[(,:;\-–•]|\d\.?)\s*$")
# a sentence's end opens a clause too ("... the national figure. Jo Bell, Head of X, said"), but not an
# honorific's or an initial's full stop ("Dr. Jo Bell", "J. Bell")
_LABEL_OPENS = re.compile(r"(?:^|\n)[ \xa0]*[A-Za-z][A-Za-z ]{0,30}?(?:\t|[ \xa0]{3})[ \t\xa0]*")
_SENTENCE_END = re.compile(r"\b([A-Za-z]+)[.!?][\"”’]?[ \t\xa0]+$")


def _opens_clause(before: str) -> bool:
    # a line's label, then a tab or a wide gap, then the name ("IN ATTENDANCE<tab>Jo Bell, Head of Law")
    if not before.strip() or _CLAUSE_OPENS.search(before) or _LABEL_OPENS.fullmatch(before):
        return True
    end = _SENTENCE_END.search(before)
    return bool(end and len(end.group(1)) > 1 and not re.fullmatch(honorific_re(), end.group(1)))


def name_ending_at(text: str, end: int) -> Name | None:
    """A name of 2-3 words (or honorific + surname) ending at `end`, starting the line or after a boundary."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 120)
    seg = text[line_start:end]
    for n_words in (3, 2, 1):
        m = _name_at_end(n_words).search(seg)
        if not m:
            continue
        before = seg[:m.start(1)]
        # the name must open its clause: line start, "of/by/from", bracket, dash, list marker or a comma
        if not _opens_clause(before):
            continue
        name = read_name(text, line_start + m.start(1), prefixed=False, limit=n_words)
        if name and name.end == end:
            return name
    return None



# a name ends before punctuation, the line's end or a lower-case verb ("Ruth Adeyemi, delivered")
NAME_END = re.compile(r"[ \t\xa0]*(?:[,.;:)]|$|\n|[ \t\xa0]+[a-z])")
# a bracketed role, one nested level allowed: "(Church Representative (Catholic))"
BRACKET = re.compile(r"[ \t\xa0]*\(((?:[^()\n]|\([^()\n]*\)){3,80})\)")



# Scottish councils (Highland and others) call the roll without "Councillor": "Present: Mr A Brown
# (Convener), Mrs C Dodd, Ms E Ford and Dr G Hay", or name after name over two columns ("Mr A Brown Mrs
# C Dodd").
# Only a line-opening "Present:" (never "Also present", "In attendance", "Officers") over names that all carry
# an honorific and initials, at least three of them and no "Councillor" among them, reads as the members; a
# bracketed role with a co-opted cue ("(Religious Representative)") marks a member who is no councillor.
_ROLL_LABEL = re.compile(r"(?im)^[ \t\xa0]*(?:members[ \t\xa0]+)?present[ \t\xa0]*:-?[ \t\xa0]*"
                         r"(?:\n[ \t\xa0]*)?(?=[A-Z])")
_ROLL_SEP = re.compile(r"[ \t\xa0]*(?:[,;][ \t\xa0]*)?(?:\n[ \t\xa0]*)?(?:and[ \t\xa0]+)?")
_ATTENDS = re.compile(r"(?i)\b(?:via|v/c|vc|remote(?:ly)?|online|teams|zoom|substitut\w*|part)\b")
_ROLL_INITIALS = re.compile(rf"(?:(?:{DOTTED}|{INITIAL})[ \t\xa0]*)+")


@cache
def _co_opted_cue_re() -> re.Pattern[str]:
    cues = sorted(map(re.escape, people_vocab().get("co_opted_cues", ())), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + ("|".join(cues) or r"(?!)") + r")")


def honorific_roll_in(text: str) -> list[tuple[Name, str, int]]:
    """(name, office, end of mention) for each member a "Present:" roll lists by honorific and initials."""
    out: list[tuple[Name, str, int]] = []
    for m in _ROLL_LABEL.finditer(text):
        pos, found = m.end(), list[tuple[Name, str, int, bool]]()
        while True:
            name = read_name(text, pos, prefixed=False)
            if not name or not name.honorific or not name.given \
                    or not _ROLL_INITIALS.fullmatch(name.given + " "):
                break
            office_m = _office_re().match(text, name.end) or _IN_THE_CHAIR.match(text, name.end)
            aside = BRACKET.match(text, name.end) if not office_m else None
            end = (office_m or aside).end() if (office_m or aside) else name.end
            # an aside other than how the member attends ("(via VC)") may name a body: no councillor then
            co_opted = bool(aside and (_co_opted_cue_re().search(aside.group(1))
                                       or not _ATTENDS.search(aside.group(1))))
            found.append((name, _office_name(office_m.group(1)) if office_m else "", end, co_opted))
            sep = _ROLL_SEP.match(text, end)
            if not sep or sep.end() == end or not _honorific_lead().match(text, sep.end()):
                break
            pos = sep.end()
        if len(found) >= 3 and _prefix_re().search(text, m.start(), found[-1][2]) is None:
            out.extend((n, office, end) for n, office, end, co_opted in found if not co_opted)
    return out

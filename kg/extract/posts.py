"""Post titles as written: found by their head word (kg/extract/patterns/posts.yaml) and grown outwards
over the title's words, a department after a comma, acronyms defined once, and shortened later mentions
("the Equality Manager") resolved to the one full title they end."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.names import councillor_at, not_names, read_name
from kg.extract.nlp import vocabulary


@cache
def posts_vocab() -> dict:
    return vocabulary("posts")



@cache
def _head_re() -> re.Pattern[str]:
    heads = sorted(posts_vocab()["heads"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", SPACE) for h in heads) + r")\b")


@cache
def generic() -> frozenset[str]:
    return frozenset(g.lower() for g in posts_vocab()["generic"])


@cache
def _is_head_word() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(re.escape(h.split()[-1]) for h in posts_vocab()["heads"]) + r")$")


# ---- posts -------------------------------------------------------------------------------------

# A title's words are separated by spaces; a tab separates the cells of a table or the fields of a line.
SPACE = r"[ \xa0]+"

_LEFT_WORD = re.compile(r"(?:(?<=[\s(])|^)([A-Z][\w'’\-]*|and|&)[ \xa0]+$")
_CAP = r"[A-Z][\w'’\-]*"
_RIGHT_WORD = re.compile(r"([A-Z][\w'’\-]*|and|&|of|for)(?=[\s,;:.)(]|$)")
_BLANK = re.compile(r"[ \xa0]+")
_COMMA_TAIL = re.compile(rf",{SPACE}((?:{_CAP}{SPACE})*?{_CAP}(?:,{SPACE}{_CAP}(?:{SPACE}{_CAP})*)*"
                         rf"{SPACE}(?:and|&){SPACE}{_CAP}(?:{SPACE}{_CAP})*)")


_SPACES = re.compile(r"\s+")


def canonical_title(surface: str) -> str:
    """Whitespace collapsed, typographic apostrophes straightened: the title as a key."""
    return _SPACES.sub(" ", surface.replace("’", "'")).strip(" ,")


_SERVED = frozenset({"Member", "Members"})


def _grow_left(text: str, start: int, head: str) -> int:
    """Take capitalised modifiers (and "and"/"&" between them) on the same line, left of the head."""
    vocab = posts_vocab()
    restricted = head in vocab["restricted_heads"]
    modifiers, stops = set(vocab["modifiers"]), set(vocab["stop_words"])
    terminal = set(vocab.get("terminal_modifiers", ()))
    places = set(vocab.get("place_modifiers", ()))
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
        if word in places and pos == start and _ARTICLE_BEFORE.search(text, line_start, m.start(1)):
            best = m.start(1)  # "the City Surveyor", "The County Solicitor": a place word right after "the"
            break
        if word in terminal:  # "Committee Officer", but not "Scrutiny Committee Officer"
            best = m.start(1) if not restricted else best
            # a rank or area modifier may still open it: "Area Committee Officer", "Principal Committee ..."
            rank = None if restricted else _LEFT_WORD.search(text, line_start, best)
            if rank and rank.group(1) in modifiers:
                best = rank.start(1)
            break
        # "Member Services Officer": a stop word that names whom a service serves, right before the service
        served = word in _SERVED and pos < start and text[pos:start].split()[0] in service_words()
        # "Executive Director", "Chief Executive": a head word may modify another head
        if not served and (word in stops or (restricted and word not in modifiers)
                           or (_is_head_word().match(word) and word not in modifiers)):
            break
        pos = best = m.start(1)
    # growing left into another title's complement ("Head of Legal Services and Monitoring Officer") or its
    # department after a comma ("Chief Officer, Legal Services and Monitoring Officer"): the joint title's
    # second post starts after the last "and"
    before = text[line_start:best]
    comma = re.search(r"([\w'’\-]+),[ \xa0]+$", before)
    if best < start and (re.search(r"\b(?:of|for)[ \xa0]+$", before)
                         or (comma and _is_head_word().match(comma.group(1)))):
        joins = list(re.finditer(r"(?:^|[ \xa0])(?:and|&)[ \xa0]+", text[best:start]))
        if joins:
            best += joins[-1].end()
    return best


_ARTICLE_BEFORE = re.compile(r"(?:^|\b[Tt]he[ \xa0]+)$")
_CAPS_1_3 = re.compile(rf"(?:{_CAP}{SPACE}){{1,3}}")
_TITLE_END = re.compile(r"[ \xa0]*(?:[,.;:)\n]|$|[ \xa0][a-z])")


def _title_at(text: str, pos: int) -> bool:
    """Does another post title start at `pos` (after spaces): a fixed title, or up to three capitalised
    words and a head word ending a phrase ("Monitoring Officer", "Section 151 Officer")?"""
    pos = pos + len(text[pos:pos + 5]) - len(text[pos:pos + 5].lstrip(" \xa0"))
    if _fixed_re().match(text, pos):
        return True
    m = _CAPS_1_3.match(text, pos)
    h = _head_re().match(text, m.end()) if m else None
    return bool(h and _TITLE_END.match(text[h.end():h.end() + 3]))


@cache  # a pattern per head word, built once (it was built and looked up in re's cache per title)
def _complement_re(head: str) -> re.Pattern[str] | None:
    allowed = posts_vocab()["complement_heads"].get(head, [])
    if not allowed:
        return None
    # "Director of the Environment", but "Officer in Charge" never takes an article ("in the Chamber")
    bare = set(posts_vocab().get("complement_without_article", ()))
    with_the = [a for a in allowed if a not in bare]
    alts = [f"(?:{'|'.join(with_the)}){SPACE}(?:the{SPACE})?"] if with_the else []
    alts += [f"(?:{'|'.join(a for a in allowed if a in bare)}){SPACE}"] if bare & set(allowed) else []
    return re.compile(SPACE + "(?:" + "|".join(alts) + ")(?=[A-Z])")


def _grow_right(text: str, end: int, head: str) -> int:
    """Take the complement ("of Libraries, Archives & Heritage") on the same line."""
    complement = _complement_re(head)
    if complement is None:
        return end
    m = complement.match(text, end)
    if not m:
        return _direct_field(text, end, head)
    pos, best = m.end(), end
    first = _RIGHT_WORD.match(text, pos)
    if first and first.group(1) in posts_vocab().get("complement_stops", ()):
        return end  # "the Lead Officer for the Committee": a body, not a field of work
    while True:
        w = _RIGHT_WORD.match(text, pos)
        if not w and best > end and (inside := _IN_FIELD.match(text, pos)) \
                and inside.group(1) in service_words() - frozenset(posts_vocab().get("not_fields", ())):
            pos = inside.start(1)  # "Manager for Young People in Care": "in" before a field of work
            continue
        if not w:
            break
        word = w.group(1)
        if pos - m.end() > 200:  # no title runs on this long
            break
        if word[0].isupper() and (_is_head_word().match(word) or word in ("Councillor", "Cllr")):
            break
        if word in ("and", "&") and _title_at(text, w.end()):
            break  # a joint title: "Director of Finance and Section 151 Officer" is two posts
        if word[0].isupper():
            best = w.end()
        nxt = _BLANK.match(text, w.end())
        if not nxt:
            # a comma list inside a title ("Libraries, Archives & Heritage") only when it closes with
            # and/& and holds no other post's head ("Team Manager, Service Manager and Director").
            tail = _COMMA_TAIL.match(text, w.end(), w.end() + 200)
            if tail and not any(_is_head_word().match(t) for t in re.findall(r"[\w'’\-]+", tail.group(1))):
                best = tail.end()
            break
        pos = nxt.end()
    return best


_IN_FIELD = re.compile(rf"in{SPACE}([A-Z][\w'’\-]*)")


def _direct_field(text: str, end: int, head: str) -> int:
    """A field of work right after the head, without "of" ("Corporate Director Education", "Strategic
    Director Adults and Health"): only service words, joined by "and" or "&", on the same line."""
    if head not in posts_vocab().get("direct_field_heads", ()):
        return end
    fields, pos, best = service_words(), end, end
    joined = False  # after "and": capitalised words up to a service word ("Parks and Open Spaces")
    while (gap := _BLANK.match(text, pos)) and (w := _RIGHT_WORD.match(text, gap.end())):
        word = w.group(1)
        if word in ("and", "&") and best > end:
            pos, joined = w.end(), True
            continue
        if word in fields:
            best = pos = w.end()
            joined = False
        elif joined and word[0].isupper() and word not in ("and", "&", "of", "for") \
                and not _is_head_word().match(word) and word not in ("Councillor", "Cllr"):
            pos = w.end()
        else:
            break
    tail = _COMMA_TAIL.match(text, best, best + 200) if best > end else None
    if tail and all(t in fields or t in ("and", "&") or t.isupper()
                    for t in re.findall(r"[\w'’\-]+", tail.group(1))):
        best = tail.end()  # "Director Housing, Planning and Regeneration": a comma list of fields
    return best


# ", Children's Services" or a dash as councils' staff lists write it ("Strategic Director – Communities"), up
# to a comma, a bracket, the line's end, a lower-case word or a dash before the holder ("..., Place and
# Communities - Jo Bell"); the sentence's full stop ends it too, and ", and" starts the next person of a list
# ("Jo Bell, Service Director, Parks and Leisure, and Sam Reed, ...")
_DEPT = re.compile(rf"(?:,|[ \xa0]+[-–])[ \xa0]+"
                   rf"({_CAP}(?:(?:,[ \xa0]+|[ \xa0]+(?:(?:and|&|of|for)[ \xa0]+)?){_CAP}){{0,6}})"
                   r"(?=[ \xa0]*(?:[,;:)(|\t\n]|$|\.(?:\s|$))|[ \xa0]+[a-z]|[ \xa0]+[-–][ \xa0])")


def _department(text: str, start: int, end: int) -> int:
    """Where a generic title's department ends ("Assistant Director, Children's Services,"), or that of a
    title made only of level words and its head ("Operational Manager, Parks,")."""
    title = canonical_title(text[start:end])
    if title.lower() not in generic() and not _level_only(title):
        return end
    m = _DEPT.match(text, end)
    if not m:
        return end
    stops = set(posts_vocab()["stop_words"])
    dept_end = m.end(1)
    # a joint title: "Chief Officer, Legal Services and Monitoring Officer" - the department ends before the
    # second post
    for join in reversed(list(re.finditer(r"[ \xa0]+(?:and|&)[ \xa0]+", text[m.start(1):dept_end]))):
        if _title_at(text, m.start(1) + join.end()):
            dept_end = m.start(1) + join.start()
            break
    words = re.findall(r"[\w'’\-]+", text[m.start(1):dept_end])
    if any(_is_head_word().match(w) or w in stops for w in words):
        return end
    name = read_name(text, m.start(1), prefixed=False)
    if name and name.end == dept_end:  # "Assistant Director, Chris Bell," names the holder, not a department
        return end
    for comma in re.finditer(r",[ \xa0]+", text[m.start(1):dept_end]):  # "..., Housing, Jo Bell": the holder
        name = read_name(text, m.start(1) + comma.end(), prefixed=False)
        if name and name.end == dept_end:
            return m.start(1) + comma.start()
    return dept_end


def _level_only(title: str) -> bool:
    """"Operational Manager", "Service Lead": level words before one head word, no field of work."""
    words = title.split()
    levels = set(posts_vocab().get("level_modifiers", ()))
    return len(words) >= 2 and all(w in levels for w in words[:-1]) and bool(_is_head_word().match(words[-1]))


# A bracketed field of work after a title, one nested level allowed:
# "Operations Manager (Performance, Governance and Waste)", "Team Leader (Early Help (North))".
_QUALIFIER = re.compile(rf"[ \xa0]*\(((?:{_CAP}|and|&|of|for|the|,|[ \xa0]|\n(?!\s*\n)|"
                        rf"\({_CAP}(?:[ \xa0]+{_CAP})*\)){{1,40}})\)")


def _qualifier(text: str, end: int) -> int:
    """Where a title ends that carries a bracketed qualifier of two or more words; an acronym, a name, an
    office ("(Chair)") or another post ("(Section 151 Officer)") in brackets is not part of the title."""
    m = _QUALIFIER.match(text, end)
    if not m:
        return end
    words = re.findall(r"[A-Z][\w'’\-]*", m.group(1))
    if councillor_at(text, m.start(1)):  # "Cabinet Member for Finance (Councillor O'Neill)": the holder
        return end
    name = read_name(text, m.start(1), prefixed=False)
    # one word is a field of work only when it is one ("Service Manager (Revenues)"); else an acronym, a
    # name or an office ("(Chair)")
    one_field = len(words) == 1 and m.group(1).strip() == words[0] and words[0] in _fields()
    if (len(words) < 2 and not one_field) or any(_is_head_word().match(w) for w in words) \
            or (name and name.end == m.end(1)):
        return end
    return m.end()


@cache
def _fields() -> frozenset[str]:
    """Words naming a field of work alone (posts.yaml: service_words and modifiers, less those that name a
    body or a rank: "(Cabinet)", "(Lead)")."""
    v = posts_vocab()
    return (service_words() | frozenset(v["modifiers"])) - frozenset(v.get("not_fields", ()))


@cache
def service_words() -> frozenset[str]:
    """Fields of work that open many titles (posts.yaml `service_words`): never a personal name."""
    return frozenset(posts_vocab().get("service_words", ()))


@cache
def _fixed_re() -> re.Pattern[str]:
    titles = sorted(posts_vocab().get("fixed_titles", ()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t).replace(r"\ ", SPACE) for t in titles) + r")\b")


@cache
def _title_words() -> frozenset[str]:
    """Words that belong to titles and services, never to a personal name glued before a title."""
    v = posts_vocab()
    heads = {w for h in v["heads"] for w in h.split()}
    return (frozenset(v["modifiers"]) | frozenset(v["rank_modifiers"]) | frozenset(v["stop_words"])
            | frozenset(v.get("service_words", ())) | frozenset(heads) | not_names())


_CONTACT = re.compile(r"(?i)\b(?:tel|telephone|phone|ext|extension|e-?mail|mobile)\b|@|\d{4,}")
_FIELD_LEAD = re.compile(r"[ \t\xa0]*(?:[A-Z][\w'’]*(?:[ \xa0][\w'’]+){0,2}:)?[ \t\xa0]*$")


def _unglue(text: str, start: int, head: int) -> int:
    """Where a title starts when a personal name is glued before it ("Samantha Okonjo Scrutiny Adviser" in a
    signature or contact line): two capitalised words that are no title or service words, with at least
    one title word after them, and the name either named again in the text or on a line of its own or of
    contact details. Otherwise the title keeps its words ("Housing Options Team Manager")."""
    words = list(re.finditer(r"[^\s]+", text[start:head]))
    if len(words) < 3:
        return start
    first, second = words[0].group(), words[1].group()
    vocab = _title_words()
    name_like = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?")
    if not (name_like.fullmatch(first) and name_like.fullmatch(second)) or {first, second} & vocab:
        return start
    pair_end = start + words[1].end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", head)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    # named again elsewhere, not as the opening of the same title ("Northgate Depot Manager" twice is no name)
    rest = re.escape(text[pair_end:head].strip().split()[0]) if text[pair_end:head].strip() else r"\S"
    again = any(not re.match(rf"[ \xa0]+{rest}", text[m.end():m.end() + 60])
                for m in re.finditer(rf"\b{re.escape(first)}[ \xa0\n]+{re.escape(second)}\b", text))
    alone = bool(_FIELD_LEAD.fullmatch(text[line_start:start]))
    if again or (alone and (_CONTACT.search(line) or not text[head:line_end].split(None, 1)[1:])):
        return pair_end + len(text[pair_end:head]) - len(text[pair_end:head].lstrip())
    return start


def find_titles(text: str) -> list[tuple[int, int]]:
    """Spans of post titles, longest first, without overlaps."""
    found: list[tuple[int, int]] = [m.span() for m in _fixed_re().finditer(text)]
    for m in _head_re().finditer(text):
        head = _SPACES.sub(" ", m.group(0))
        start, end = _grow_left(text, m.start(), head), _grow_right(text, m.end(), head)
        start = _unglue(text, start, m.start())
        if head in posts_vocab()["needs_complement"] and end == m.end():
            # "Cabinet Member (Resources)": a bracketed field of work is the complement, else no title
            if (bracketed := _qualifier(text, end)) == end:
                continue
            found.append((start, bracketed))
            continue
        found.append((start, _qualifier(text, _department(text, start, end))))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out


def acronyms(text: str, titles: list[tuple[int, int]]) -> dict[str, tuple[str, int, int]]:
    """Acronyms defined right after a title: "Director of Children's Services (DCS)" -> DCS."""
    out: dict[str, tuple[str, int, int]] = {}
    for s, e in titles:
        m = _ACRONYM.match(text, e)
        if not m:  # a key or glossary line: "DCS - Director of Children's Services", "HoP: Head of Parks"
            m = _KEYED.search(text, max(0, s - 14), s)
        if not m:
            continue
        title = canonical_title(text[s:e])
        # minor words count in lower case: "Head of Legal and Democratic Services (HoLDS)"
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\-]*", title))
        short = m.group(1)
        if sum(c.isupper() for c in short) >= 2 and _subsequence(short, initials):
            out[m.group(1)] = (title, m.start(1), m.end(1))
    return out


_ACRONYM = re.compile(r"[ \xa0]*\(([A-Z][A-Za-z]{1,7})\)")
_KEYED = re.compile(r"(?:^|(?<=[\s;,(]))([A-Z][A-Za-z]{1,7})[ \xa0]*(?:[-–=:]|means)[ \xa0]*$")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return short[0] == long[:1] and all(ch in it for ch in short)


def post_canon(titles: list[str]) -> dict[str, tuple[str, str]]:
    """Title -> (canonical title, method): a shortened mention takes the unique full title it ends."""
    full = {t for t in titles if t.lower() not in generic()}
    ranks = set(posts_vocab().get("rank_modifiers", ()))
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
        # "the Libraries and Heritage Manager" ends one full title; "the Executive Director" opens one
        longer = maximal({f for f in full if f != t and shortens(f, words)})
        # "the Repairs Manager" after "Repairs Manager (Planned Works)" or "Repairs Manager, Planned Works"
        longer |= {f for f in full if f != t and re.split(r"\s*[(,]", f)[0] == t}
        if n >= 2 and not longer and t.lower() in generic():
            longer = {f for f in full if f.split()[:n] == words and len(f.split()) > n}
        if n >= 2 and len(longer) == 1:
            out[t] = (longer.pop(), "coreference")
        elif t in full:
            out[t] = (t, "exact")
    return out


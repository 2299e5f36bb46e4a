"""Extract commitments (promises minuted at a meeting) and progress statements (evidence for the ledger).

A commitment is a sentence with a promise form (an undertaking "agreed to", a future "will/would (be)", a
request given to an owner "asked X to", a subjunctive resolution "that a report be brought", or an action
marker "(Action: Clerk)") whose verb is a deliverable (circulate, provide, include, bring, hold, ...).
Business as usual, hedges, things promised for the meeting being minuted, questions and declined requests
are left out; vague verbs and unanswered requests are kept with a lower confidence.

Other forms: "(ii) the Head of HR submit a report" inside a RESOLVED list (split at its items), "ACTION - X to
...", "Action by: POST (NAME)" under the sentence it owns. The actor is found only in the promise's own
clause (its subject, the owner after "asked", the subject of "X advised that ..."; a pronoun is the speaker).

Every cue, verb and due phrase lives in kg/extract/patterns/ (commitment_cues.yaml, due_conditions.yaml,
business_as_usual.txt, current_meeting.txt, declined_requests.txt, not_commitments.txt, progress_cues.yaml);
the code turns those vocabularies into regular expressions (character offsets, multi-word verbs and
case-sensitive month names are simpler that way than as token patterns).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kg.extract import nlp
from kg.model import CommitmentFact, Extraction, ProgressFact, Span
from kg.text import TextView

MAX_TEXT = 220  # characters of normalised text kept


# ---- vocabularies -> regular expressions (the words are data; only the shapes live here)


def _alt(words: object, *, flags: str = "") -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[union-attr]
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@cache
def cues() -> dict:
    return nlp.vocabulary("commitment_cues")


@cache
def due_vocabulary() -> dict:
    return nlp.vocabulary("due_conditions")


@dataclass(frozen=True)
class _Rx:
    undertake: re.Pattern[str]
    request_owner: re.Pattern[str]
    request_passive: re.Pattern[str]
    request_for: re.Pattern[str]
    request_that: re.Pattern[str]
    resolution_active: re.Pattern[str]
    addressee: re.Pattern[str]
    pronoun: re.Pattern[str]
    active: re.Pattern[str]
    passive: re.Pattern[str]
    subjunctive: re.Pattern[str]
    reporting: re.Pattern[str]
    request_noun: re.Pattern[str]
    acceptance: re.Pattern[str]
    anaphora: re.Pattern[str]
    weak: re.Pattern[str]
    inline_action: re.Pattern[str]
    line_action: re.Pattern[str]
    by_action: re.Pattern[str]
    done: re.Pattern[str]
    reference: re.Pattern[str]
    earlier: re.Pattern[str]
    deliverable_noun: re.Pattern[str]


@cache
def rx() -> _Rx:
    c = cues()
    base = _alt(c["deliverables"])
    part = _alt(c["deliverables"].values())
    modal = _alt(c["modals"])
    adv = r"(?:(?:also|now|then|personally|shortly|duly|kindly|further|separately|be\s+able\s+to)\s+)?"
    flags = re.I
    progress = nlp.vocabulary("progress_cues")
    return _Rx(
        undertake=re.compile(
            rf"\b(?P<cue>{_alt(c['undertakings'])})\s+to\s+{adv}(?P<what>(?P<verb>{base})\b.*)", flags
        ),
        request_owner=re.compile(
            rf"\b(?P<cue>{_alt(c['requests'])})\s+(?P<owner>(?!that\b|for\b|if\b|whether\b|to\b)[^.;:\n]{{2,90}}?)"
            rf"\s+to\s+{adv}(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        request_passive=re.compile(
            rf"\b(?P<cue>(?:be|is|are|was|were)\s+{_alt(c['requests'])})\s+to\s+{adv}"
            rf"(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        request_that=re.compile(
            rf"\b(?P<cue>{_alt(c['requests'])})\s+that\s+(?P<owner>[^.;:\n]{{2,90}}?)\s+(?:should\s+)?"
            rf"(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        resolution_active=re.compile(
            r"^\W*(?:resolved\W+)?(?:that\s+)?(?:\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*)?(?:and\s+)?(?:that\s+)?"
            rf"(?P<owner>(?:the\s+)?(?-i:[A-Z])[\w'’&-]*(?:\s+(?:of|for|and|&|(?-i:[A-Z])[\w'’&-]*)){{0,8}})\s+"
            rf"(?P<what>(?P<verb>{base})\b.*)",
            re.I,
        ),
        addressee=re.compile(rf"^\s*(?:the\s+)?(?:members\s+of\s+the\s+)?{_alt(c['addressees'])}\b", flags),
        pronoun=re.compile(rf"^\s*{_alt(c['pronouns'])}\s*$", flags),
        request_for=re.compile(
            rf"\b(?P<cue>{_alt(c['requests'])})\s+for\s+(?P<obj>[^.;:\n]{{3,150}}?)\s+to\s+be\s+{adv}"
            rf"(?P<verb>{part})\b(?P<rest>.*)",
            flags,
        ),
        active=re.compile(rf"\b(?P<cue>{modal})\s+{adv}(?P<what>(?P<verb>{base})\b.*)", flags),
        passive=re.compile(rf"\b(?P<cue>{modal})\s+{adv}be\s+{adv}(?P<verb>{part})\b(?P<rest>.*)", flags),
        subjunctive=re.compile(
            rf"\bthat\s+(?P<subj>[^;:\n]{{3,220}}?)\s+(?:should\s+)?be\s+{adv}(?P<verb>{part})\b(?P<rest>.*)",
            flags,
        ),
        reporting=re.compile(
            rf"\b(?P<verb>{_alt(c['reporting'])})(?:\s+(?:[\w'’]+\s+){{0,3}}?that)?\b", flags
        ),
        request_noun=re.compile(rf"\b{_alt(c['request_nouns'])}\b", flags),
        acceptance=re.compile(rf"\b{_alt(c['acceptance'])}\b", flags),
        anaphora=re.compile(rf"^(?P<verb>{base})\s+(?P<ana>{_alt(c['anaphora'])})\b", flags),
        weak=re.compile(rf"^{_alt(c['weak'])}\b", flags),
        inline_action=re.compile(c["action_markers"]["inline"], flags),
        line_action=re.compile(c["action_markers"]["line"], re.M),
        by_action=re.compile(c["action_markers"]["by"], re.M),
        done=re.compile(
            rf"\b(?P<aux>{_alt(progress['done_aux'])})\s+(?:(?!being\b|not\b)\w+\s+)?(?P<verb>{part})\b"
            r"(?!\s+that\b)",
            flags,
        ),
        reference=re.compile(rf"\b{_alt(progress['reference'])}\b", flags),
        earlier=re.compile(rf"\b{_alt(progress['earlier_meeting'])}\b", flags),
        deliverable_noun=re.compile(rf"\b{_alt(c['deliverable_nouns'])}s?\b", flags),
    )


@cache
def base_of() -> dict[str, str]:
    """Participle or base (lower case) -> base verb, for normalising passives and for the ledger."""
    out: dict[str, str] = {}
    for b, p in cues()["deliverables"].items():
        out[str(p).lower()] = str(b)
        out[str(b).lower()] = str(b)
    return out


@cache
def _phrase_rx(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + _alt(nlp.phrases(name)) + r"(?!\w)", re.I)


def _phrase_hit(name: str, text: str) -> str | None:
    """A phrase of pattern file NAME.txt found in `text` as whole words (case-insensitive), or None."""
    m = _phrase_rx(name).search(text)
    return m.group(0) if m else None


# ---- due conditions


@dataclass(frozen=True)
class Due:
    kind: str = "none"
    text: str = ""
    date: dt.date | None = None


@cache
def _due_rx() -> tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]]]:
    v = due_vocabulary()
    kinds = [
        (k, re.compile(p, re.I)) for k in ("next_update", "next_meeting", "future_meeting") for p in v[k]
    ]
    month = _alt([m.capitalize() for m in v["months"]], flags="-i") + r"\.?"
    part = _alt(v["parts_of_year"])
    lead = v["date_lead"]
    year = r"(?:19|20)\d\d"
    dates = [
        re.compile(
            rf"\b(?:{lead}\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\s*,?\s*(?P<year>{year})?\b",
            re.I,
        ),
        re.compile(
            rf"\bthe\s+(?P<month>{month})(?:\s+(?P<year>{year}))?\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:meeting|sitting)\b",
            re.I,
        ),
        re.compile(
            rf"\b{lead}\s+(?:the\s+)?(?:(?P<part>{part})\s+(?:of\s+)?)?(?P<month>{month})(?:\s+(?P<year>{year}))?\b",
            re.I,
        ),
        re.compile(rf"\b{lead}\s+(?:the\s+)?(?P<part>{part})\s+(?:of\s+)?(?P<year>{year})\b", re.I),
        re.compile(rf"\b{lead}\s+(?:the\s+)?(?P<part>{_alt(v['seasons'])})\b", re.I),
    ]
    return kinds, dates


def _resolve_date(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    v = due_vocabulary()
    g = m.groupdict()
    month = v["months"].get((g.get("month") or "").lower().rstrip(".")) if g.get("month") else None
    if month is None and g.get("part"):
        month = v["parts_of_year"].get(re.sub(r"\s+", " ", g["part"].lower()))
    if month is None:
        return None
    day = int(g["day"]) if g.get("day") else 1
    if g.get("year"):
        year = int(g["year"])
    elif ref is not None:
        # A month without a year is the next such month after the meeting ("the October meeting").
        year = ref.year if month > ref.month else ref.year + 1
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_due(text: str, ref: dt.date | None) -> Due:
    """The due condition written in `text`: an explicit date beats a meeting, which beats a future one."""
    kinds, dates = _due_rx()
    unresolved = ""
    for pattern in dates:
        if m := pattern.search(text):
            when = _resolve_date(m, ref)
            if when is not None:
                return Due("date", m.group(0).strip(), when)
            unresolved = unresolved or m.group(0).strip()  # "in March", year unknown: kept as written
    v = due_vocabulary()
    if m := re.search(v["relative_months"], text, re.I):
        n = m.group("n").lower()
        months = int(n) if n.isdigit() else v["numbers"][n]
        when = None
        if ref is not None:
            total = ref.year * 12 + ref.month - 1 + months
            when = dt.date(total // 12, total % 12 + 1, 1)
        return Due("date", m.group(0).strip(), when)
    for kind, pattern in kinds:
        if m := pattern.search(text):
            return Due(kind, m.group(0).strip())
    return Due("none", unresolved)


# ---- actors


def _name_only(segment: str) -> bool:
    """An appositive such as ', Helen McAloon,' or '(Head of Service)' between an actor and its verb."""
    words = re.findall(r"[\w'’.-]+", segment)
    return all(w[0].isupper() or w in ("of", "and", "for", "the", "&") for w in words)


@cache
def _breaks() -> re.Pattern[str]:
    """Clause breaks before a subject; reporting verbs too ("said a report would be ...")."""
    return re.compile(rf"[,;:(]|\b(?:that|whilst|while|which|who|{_alt(cues()['reporting'])})\b", re.I)


def _subject_start(text: str, lo: int, cue: int) -> int:
    """Start of the subject governing the verb at `cue`: back to the last clause break, through appositives
    enclosed in commas (', Helen McAloon,')."""
    breaks = [lo] + [lo + m.end() for m in _breaks().finditer(text[lo:cue])]
    start = cue
    for b in reversed(breaks):
        seg = text[b:start]
        enclosed = text[start:cue].lstrip().startswith((",", ")")) or not text[start:cue].strip()
        start = b
        if seg.strip(" ,()") and not (
            _name_only(seg) and enclosed and text[start:cue].rstrip().endswith(",")
        ):
            break
    return start


def _facts_in(x: Extraction, start: int, end: int) -> str | None:
    """Fallback without the people extractor's `actor_at`: a post, else a person, whose span lies inside."""
    posts = [p for p in x.posts if start <= p.span.start and p.span.end <= end]
    people = [p for p in x.people if start <= p.span.start and p.span.end <= end]
    found = sorted(posts, key=lambda p: p.span.start) or sorted(people, key=lambda p: p.span.start)
    return found[0].key if found else None


def actor_in(x: Extraction, start: int, end: int) -> str | None:
    """The person or post named in [start, end) (the commitment's own subject or owner), else None."""
    if end <= start:
        return None
    try:
        from kg.extract import people
    except ImportError:  # pragma: no cover - the people extractor is part of the package
        people = None  # type: ignore[assignment]
    finder = getattr(people, "actor_at", None)
    key = finder(x, start, end) if finder else None
    return key or _facts_in(x, start, end)


# ---- topics


_SUBJECT_AFTER = re.compile(
    r"\b(?:on|about|regarding|concerning|relating\s+to|in\s+relation\s+to|in\s+respect\s+of)\s+"
    r"(?P<topic>(?:the\s+)?[\w'’/&-]+(?:\s+(?!be\b|will\b|would\b|to\b|at\b|in\b|by\b|for\b|with\b)[\w'’/&-]+){0,7})",
    re.I,
)
_PRONOUNS = {"this", "that", "it", "these", "those", "them", "the", "this issue", "this matter", "the matter"}


def topic_of(text: str) -> str | None:
    """An indicator concept id named in `text`, else the subject after 'on/about/regarding', else None."""
    try:
        from kg.indicators import is_generic, mentions
    except ImportError:  # pragma: no cover
        mentions = None  # type: ignore[assignment]
    if mentions is not None:
        found = [m for m in mentions(text) if not is_generic(m[0])]
        if found:
            return max(found, key=lambda m: m[2] - m[1])[0]
    if m := _SUBJECT_AFTER.search(text):
        topic = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", m.group("topic")).strip(" ,."), flags=re.I)
        if topic.lower() not in _PRONOUNS and len(topic) > 3:
            return topic
    return None


# ---- sentences


@lru_cache(maxsize=4)
def _units(text: str) -> tuple[tuple[int, int], ...]:
    """Sentences, cut again at line breaks (minutes put items, actions and headings on their own lines);
    an inline action marker the sentencizer split ('... presentation. (' + 'Action: Clerk)') is one unit."""
    units = _split(text)
    markers = [(m.start(), m.end()) for m in rx().inline_action.finditer(text)]
    out: list[tuple[int, int]] = []
    for s, e in units:
        if (
            out
            and any(a < out[-1][1] <= b or a <= s < b for a, b in markers if a < e and out[-1][0] < b)
            and "\n" not in text[out[-1][1] : s]
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


def _split(text: str) -> list[tuple[int, int]]:
    out = []
    for s, e in nlp.sentences(text):
        pos = s
        for piece in re.split(r"(\n)", text[s:e]):
            if piece != "\n":
                a = pos + len(piece) - len(piece.lstrip())
                b = pos + len(piece.rstrip())
                if b > a:
                    out.append((a, b))
            pos += len(piece)
    return out


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" .;,")
    text = rx().inline_action.sub("", text).strip(" .;,")
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


@dataclass
class _Found:
    start: int  # span of the evidence
    end: int
    cue: int  # where the promise form begins (for the actor's clause)
    text: str
    actor_region: tuple[int, int] | None
    confidence: float
    form: str
    request: bool = False  # a request with no acceptance yet


def _match(text: str, s: int, e: int, in_resolved: bool) -> _Found | None:
    """The strongest promise form in the sentence text[s:e], or None."""
    r, sent = rx(), text[s:e]

    def at(m: re.Match[str], group: str = "cue") -> int:
        return s + m.start(group)

    m = r.undertake.search(sent)
    if m and r.earlier.search(sent) and m.group("cue").lower().startswith(("undertook", "agreed")):
        return None  # "At the last meeting X undertook to ...": a reference back, not a new promise
    if m and not re.search(r"\b(?:had|previously)\s+$", sent[: m.start()], re.I):
        cue = at(m)
        return _Found(s, e, cue, m.group("what"), (_subject_start(text, s, cue), cue), 0.9, "undertaking")
    m = r.request_owner.search(sent)
    if m and not re.search(r"\bhad\s+$", sent[: m.start()], re.I) and not r.addressee.match(m.group("owner")):
        owner = (s + m.start("owner"), s + m.end("owner"))
        return _Found(s, e, at(m), m.group("what"), owner, 0.85, "request-owner")
    m = r.request_passive.search(sent)
    if m:
        cue = at(m)
        subject = (_subject_start(text, s, cue), cue)
        # "Members are asked to consider the report": the meeting is addressed; nobody owns anything
        if not r.addressee.match(text[subject[0] : subject[1]]):
            return _Found(s, e, cue, m.group("what"), subject, 0.85, "request-owner")
    m = r.request_that.search(sent)
    if m and not r.addressee.match(m.group("owner")):
        owner = (s + m.start("owner"), s + m.end("owner"))
        decided = in_resolved or re.search(r"\b(?:agreed|resolved|decided)\b", sent[: m.start()], re.I)
        return _Found(
            s,
            e,
            at(m),
            m.group("what"),
            owner,
            0.85 if decided else 0.7,
            "request-owner",
            request=not decided,
        )
    m = r.request_for.search(sent)
    if m:
        verb = base_of().get(re.sub(r"\s+", " ", m.group("verb").lower()), m.group("verb"))
        what = f"{verb} {m.group('obj').strip()}{m.group('rest')}"
        return _Found(s, e, at(m), what, None, 0.6, "request", request=True)
    m = r.active.search(sent)
    if m:
        cue = at(m)
        return _Found(s, e, cue, m.group("what"), (_subject_start(text, s, cue), cue), 0.8, "future")
    m = r.passive.search(sent)
    if m:
        cue = at(m)
        subj_start = _subject_start(text, s, cue)
        subject = text[subj_start:cue].strip(" ,")
        if subject.lower() in cues()["relative_pronouns"]:
            subject = "it"  # "the report, which would be shared with ...": the clause's own subject is 'it'
        verb = base_of().get(re.sub(r"\s+", " ", m.group("verb").lower()), m.group("verb"))
        what = f"{verb} {_lower_first(subject)}{m.group('rest')}" if subject else f"{verb}{m.group('rest')}"
        region = _reporter(text, s, subj_start)
        return _Found(s, e, cue, what, region, 0.8, "passive")
    m = r.resolution_active.search(sent) if in_resolved else None
    if m and m.group("owner")[:1].isupper() or (m and m.group("owner").lower().startswith("the ")):
        # "RESOLVED - (ii) the Head of HR submit a report ...": a decision naming its owner
        owner = (s + m.start("owner"), s + m.end("owner"))
        if not r.addressee.match(m.group("owner")):
            return _Found(s, e, s + m.start("owner"), m.group("what"), owner, 0.85, "resolution")
    m = r.subjunctive.search(sent)
    if m and not re.search(
        rf"\b(?:{_alt(cues()['modals'])}|to|not|could|may|might|can)$", m.group("subj").strip(), re.I
    ):
        cue = at(m, "verb")
        verb = base_of().get(re.sub(r"\s+", " ", m.group("verb").lower()), m.group("verb"))
        what = f"{verb} {_lower_first(m.group('subj').strip())}{m.group('rest')}"
        asked = r.request_noun.search(sent[: m.start()])
        if in_resolved and not asked:
            return _Found(s, e, cue, what, None, 0.85, "resolution")
        if asked:
            return _Found(s, e, cue, what, None, 0.6, "request", request=True)
        # "It was agreed that a report be brought": an agreed subjunctive is a decision.
        if re.search(r"\b(?:agreed|resolved|decided)\b", sent[: m.start()], re.I):
            return _Found(s, e, cue, what, None, 0.8, "resolution")
    return None


_LOWER_FIRST = {
    "a",
    "an",
    "the",
    "more",
    "further",
    "detailed",
    "any",
    "some",
    "all",
    "this",
    "that",
    "these",
    "details",
    "information",
    "data",
    "figures",
    "additional",
    "full",
    "updated",
    "regular",
}


def _lower_first(text: str) -> str:
    """'More detailed information' -> 'more detailed information'; acronyms and names keep their case."""
    first = text.split()[0] if text.split() else ""
    if first.lower() in _LOWER_FIRST and first[:1].isupper() and (first[1:].islower() or len(first) == 1):
        return text[0].lower() + text[1:]
    return text


def _reporter(text: str, s: int, clause_start: int) -> tuple[int, int] | None:
    """For a passive promise: the subject of the reporting verb governing it ('X advised that ...')."""
    head = text[s:clause_start]
    last = None
    for m in rx().reporting.finditer(head):
        last = m
    if last is None or head[last.end() :].strip():
        return None
    verb_at = s + last.start()
    return (_subject_start(text, s, verb_at), verb_at)


def _last_speaker(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The subject of the last reporting verb in text[s:e] ('..., the Director explained that ...')."""
    last = None
    for m in rx().reporting.finditer(text[s:e]):
        last = m
    if last is None:
        return None
    verb_at = s + last.start()
    return (_subject_start(text, s, verb_at), verb_at)


def _resolved_ranges(text: str) -> list[tuple[int, int]]:
    """Stretches that are a RESOLVED list (up to a blank-line-separated heading or the end)."""
    out = []
    for m in re.finditer(
        r"(?im)^\s*(?:it\s+was\s+)?(?:resolved|agreed|recommended|decision)s?\b\s*[:\-–]?", text
    ):
        end = len(text)
        if nxt := re.search(
            r"\n\s*\n\s*(?:[A-Z][A-Za-z ]{2,60}\n|\d+\.?\s+[A-Z][A-Z ]{3,})", text[m.end() :]
        ):
            end = m.end() + nxt.start()
        out.append((m.start(), end))
    return out


def _names_deliverable(sentence: str) -> bool:
    """Does the sentence name a deliverable verb or noun (so an action marker can make it an action)?"""
    verbs = rf"\b{_alt(cues()['deliverables'])}\b|\b{_alt(cues()['deliverables'].values())}\b"
    return bool(re.search(verbs, sentence, re.I) or rx().deliverable_noun.search(sentence))


def _items(
    text: str, units: tuple[tuple[int, int], ...], resolved: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """In a RESOLVED list one sentence often holds several decisions: '(i) ...; (ii) ...; and (iii) ...'."""
    out: list[tuple[int, int]] = []
    for s, e in units:
        if not _inside(s, resolved):
            out.append((s, e))
            continue
        pos = s
        for m in re.finditer(r";\s*(?:and\s+)?|\s(?=\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s)", text[s:e]):
            if s + m.start() > pos:
                out.append((pos, s + m.start()))
            pos = s + m.end()
        if e > pos:
            out.append((pos, e))
    return out


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _excluded(sent: str, f: _Found, due: Due, text: str) -> str | None:
    """Why a found promise is not a commitment, or None."""
    if sent.rstrip().endswith("?"):
        return "question"
    clause = text[f.cue : f.end]
    head = text[f.start : f.cue]
    if re.search(
        r"\b(?:asked|queried|wondered|enquired|questioned)\s+(?:[\w'’]+\s+){0,4}?(?:if|whether|how|why)\b",
        head,
        re.I,
    ):
        return "question"
    if re.search(r"\b(?:if|whether)\b", head, re.I) and f.form in ("passive", "future"):
        return "conditional or question"
    if hit := _phrase_hit("not_commitments", sent):
        return f"not a promise ({hit})"
    if hit := _phrase_hit("declined_requests", sent):
        return f"declined ({hit})"
    if due.kind == "none":
        if hit := _phrase_hit("business_as_usual", sent):
            return f"business as usual ({hit})"
        if hit := _phrase_hit("current_meeting", clause):
            return f"for the meeting itself ({hit})"
    return None


def _plan_not_promise(f: _Found, due: Due) -> bool:
    """A future that hands nothing to the meeting: no communicating verb, deliverable, recipient or due."""
    if due.kind != "none" or f.form not in ("future", "passive"):
        return False
    c, what = cues(), f.text.strip()
    if re.match(_alt(c["communicating"]) + r"\b", what, re.I):
        return False
    return not (rx().deliverable_noun.search(what) or re.search(c["recipients"], what, re.I))


def _normalise(f: _Found, text: str, request_object: str | None) -> str:
    what = f.text.split(";")[0]  # what follows a semicolon is another statement
    if request_object and (m := rx().anaphora.match(what.strip())):
        verb = m.group("verb")
        rest = what.strip()[m.end() :]
        what = (
            f"{verb} {request_object}{rest}"
            if m.group("ana").lower() != "do so"
            else f"{request_object}{rest}"
        )
    return _clean(what)


def _request_object(sent: str) -> str | None:
    """What a request in `sent` asked for: 'requested that X be included' -> X."""
    m = rx().subjunctive.search(sent)
    if m and rx().request_noun.search(sent[: m.start()]):
        return re.sub(r"\s+", " ", m.group("subj")).strip()
    m = re.search(r"\b(?:asked|request(?:ed)?)\s+for\s+(?P<obj>[^.;,\n]{3,150}?)\s+to\s+be\b", sent, re.I)
    return re.sub(r"\s+", " ", m.group("obj")).strip() if m else None


def _reference_date(x: Extraction) -> dt.date | None:
    meta = x.doc.meta
    if meta.meeting_date:
        return meta.meeting_date
    from kg.periods import period_end

    end = period_end(x.period or meta.period)
    return end.replace(day=1) if end else None


def _commitments(x: Extraction) -> tuple[list[CommitmentFact], list[str]]:
    text = x.doc.text
    resolved = _resolved_ranges(text)
    units = _items(text, _units(text), resolved)
    ref = _reference_date(x)
    found: list[CommitmentFact] = []
    notes: list[str] = []
    used: set[int] = set()
    r = rx()

    def add(f: _Found, actor: str | None, text_norm: str, due: Due, confidence: float) -> None:
        if any(c.span.start < f.end and f.start < c.span.end for c in found):
            return
        verb_first = text_norm.split(" to ", 1)[-1] if " to " in text_norm[:90] else text_norm
        weak = bool(r.weak.match(text_norm) or r.weak.match(verb_first)) and due.kind == "none"
        found.append(
            CommitmentFact(
                key=f"commitment:{f.start}-{f.end}",
                text=text_norm,
                span=Span.of(text, f.start, f.end),
                actor=actor,
                topic=topic_of(text_norm) or topic_of(text[f.start : f.end]),
                due_text=due.text,
                due_kind=due.kind,  # type: ignore[arg-type]
                due_date=due.date if due.kind == "date" else None,
                confidence=round(confidence - (0.2 if weak else 0), 2),
            )
        )

    # Line action markers first: "ACTION - Mr Jones to circulate the slides".
    for m in r.line_action.finditer(text):
        owner = (m.start("owner"), m.end("owner"))
        what = m.group("what")
        if not re.match(_alt(cues()["deliverables"]), what.strip(), re.I) and not r.deliverable_noun.search(
            what
        ):
            continue
        due = find_due(what, ref)
        f = _Found(m.start(), m.end(), m.start(), what, owner, 0.9, "action")
        add(f, actor_in(x, *owner), _clean(what), due, 0.9)

    for i, (s, e) in enumerate(units):
        if i in used:
            continue
        sent = text[s:e]
        # "Action by: POST (NAME)" on its own line: the action is the sentence before it.
        if (m := r.by_action.match(sent)) and i > 0 and not r.line_action.match(sent):
            ps, pe = units[i - 1]
            owner = (s + m.start("owner"), s + m.end("owner"))
            f = _match(text, ps, pe, _inside(ps, resolved))
            if f is None and not _names_deliverable(text[ps:pe]):
                notes.append(f"action line at {s} follows no deliverable")
                continue
            f = f or _Found(ps, pe, ps, text[ps:pe], None, 0.8, "action")
            due = find_due(text[ps:pe], ref)
            if not _excluded(text[ps:pe], f, due, text) or f.form == "action":
                found[:] = [c for c in found if not (c.span.start == ps and c.span.end == pe)]
                add(replace(f, end=e), actor_in(x, *owner), _clean(f.text), due, max(f.confidence, 0.85))
            continue
        inline = r.inline_action.search(sent)
        if (
            inline
            and not sent[: inline.start()].strip()
            and found
            and i > 0
            and found[-1].span.end == units[i - 1][1]
        ):
            # A marker on its own line after a sentence already read as a promise: it names the owner.
            prev = found[-1]
            owner = actor_in(x, s + inline.start("owner"), s + inline.end("owner"))
            found[-1] = replace(
                prev,
                span=Span.of(text, prev.span.start, e),
                actor=prev.actor or owner,
                confidence=max(prev.confidence, 0.85),
            )
            continue
        f = _match(text, s, e, _inside(s, resolved))
        if f is None and inline:
            # "Members asked for the slides. (Action: Clerk)": the marker makes the sentence before an action.
            body = sent[: inline.start()].strip() or (
                text[units[i - 1][0] : units[i - 1][1]] if i > 0 else ""
            )
            if not body:
                continue
            f = _Found(s, e, s, body, None, 0.85, "action")
            if not sent[: inline.start()].strip() and i > 0:
                f = replace(f, start=units[i - 1][0])
        if f is None:
            continue
        due = find_due(text[f.cue : f.end], ref)
        if due.kind == "none":
            due = find_due(sent, ref)
        if why := _excluded(sent, f, due, text):
            if f.form != "action" and not inline:
                notes.append(f"commitment skipped at {s}: {why}")
                continue
        confidence = f.confidence
        if _plan_not_promise(f, due) and not inline:
            if (x.doc.meta.doc_type or "") == "report":
                notes.append(f"commitment skipped at {s}: a plan in a report, not a promise to the meeting")
                continue
            confidence = min(confidence, 0.5)  # doubtful: kept, flagged by its confidence
        request_object = _request_object(sent)
        if f.request and i + 1 < len(units):
            nxt = text[units[i + 1][0] : units[i + 1][1]]
            if _phrase_hit("declined_requests", nxt):
                notes.append(f"request at {s} declined in the next sentence")
                used.add(i + 1)
                continue
            if m := r.acceptance.search(nxt):
                # The request plus its acceptance: one commitment, owned by whoever accepted.
                ns = units[i + 1][0]
                f = replace(
                    f,
                    end=units[i + 1][1],
                    actor_region=(_subject_start(text, ns, ns + m.start()), ns + m.start()),
                    request=False,
                )
                confidence = 0.85
                used.add(i + 1)
        if f.actor_region and r.pronoun.match(text[f.actor_region[0] : f.actor_region[1]]):
            # "Councillor Shaw said she would send ...": the pronoun stands for the reporting verb's subject,
            # in this sentence or, failing that, the one before ("X explained ... . He would provide ...")
            region = _reporter(text, s, f.actor_region[0])
            if region is None and i > 0 and f.actor_region[0] - s < 3:
                region = _last_speaker(text, *units[i - 1])
            f = replace(f, actor_region=region)
        elif f.form == "future" and f.actor_region and not actor_in(x, *f.actor_region):
            # "The Head of HR said that a deep dive would come to the next meeting": who said it owns it
            reporter = _reporter(text, s, f.actor_region[0])
            subject = re.sub(r"\s+", " ", text[f.actor_region[0] : f.actor_region[1]]).strip(" ,")
            if reporter and 0 < len(subject) <= 80:
                f = replace(f, text=f"{_lower_first(subject)} to {f.text}")  # what comes, not just "come to"
            f = replace(f, actor_region=reporter or f.actor_region)
        actor = None
        if inline:
            actor = actor_in(x, s + inline.start("owner"), s + inline.end("owner"))
            confidence = max(confidence, 0.85)
        if actor is None and f.actor_region:
            actor = actor_in(x, *f.actor_region)
        add(f, actor, _normalise(f, text, request_object), due, confidence)
    return sorted(found, key=lambda c: c.span.start), notes


def _progress(x: Extraction, commitments: list[CommitmentFact]) -> list[ProgressFact]:
    """Sentences recording something as done or pointing back to an earlier request, and the item title."""
    text, r = x.doc.text, rx()
    out: list[ProgressFact] = []
    promised = [(c.span.start, c.span.end) for c in commitments]
    title = x.item_title or x.doc.meta.title
    if title and (pos := text.find(title)) >= 0:
        out.append(
            ProgressFact(f"progress:{pos}", _clean(title), Span.of(text, pos, pos + len(title)), "agenda")
        )
    for s, e in _units(text):
        if any(a <= s < b for a, b in promised):
            continue
        sent = text[s:e]
        kind = None
        if m := r.done.search(sent):
            if not re.search(r"\b(?:not|never|yet)\s*$", sent[: m.start("verb")], re.I) and not re.search(
                r"\bnot\b", m.group(0), re.I
            ):
                kind = "done"
        if kind is None and r.reference.search(sent):
            kind = "reference"
        if kind is None or any(p.span.start == s for p in out):
            continue
        out.append(
            ProgressFact(
                f"progress:{s}",
                _clean(sent),
                Span.of(text, s, e),
                kind,  # type: ignore[arg-type]
                actor_in(x, s, s + m.start()) if kind == "done" and m else None,
            )
        )
    return out


def extract(x: Extraction, tv: TextView | None = None) -> Extraction:
    commitments, notes = _commitments(x)
    progress = _progress(x, commitments)
    return replace(x, commitments=tuple(commitments), progress=tuple(progress), notes=(*x.notes, *notes))

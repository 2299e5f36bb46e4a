"""The short statement of what is promised, and its topic.

"The Head of SEND undertook to circulate a breakdown ..." -> "circulate a breakdown ..."; a passive
"the slides would be circulated" -> "circulate the slides"; a request accepted with "agreed to do so"
takes the request's object.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.commitments.vocabulary import rx

MAX_TEXT = 220  # characters of normalised text kept

# Words that open a noun phrase in sentence case only because they opened the sentence.
_LOWER_FIRST = frozenset(
    "a an the more further detailed any some all this that these details information data figures "
    "additional full updated regular".split()
)


_SPACES = re.compile(r"\s+")
# ", and" or ", but" then a subject of up to four words and its own finite verb: another statement
_JOINED_STATEMENT = re.compile(
    r",\s*(?:and|but)\s+(?!(?:how|what|why|whether|which|where|when|who|whom|if|that|to)\b)"
    r"(?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?\s+"
    r"(?:was|were|is|are|had|has|have|would|will|did)\s", re.I)


# what a condition cut out of the middle leaves behind: ", , and" at the end, ", ," inside
_LEFT_OVER_END = re.compile(r"(?:[\s,;]+(?:and|or|but))+\s*$", re.I)
_LEFT_OVER_COMMAS = re.compile(r"\s*,(?:\s*,)+")
_LEAD_IN_COLON = re.compile(r"\s*:[-–—]?\s*$")
_OPEN_BRACKET_END = re.compile(r"[\s.;,]*[(\[]\s*$")


def clean(text: str) -> str:
    text = _SPACES.sub(" ", text).strip(" .;,")
    text = _LEFT_OVER_COMMAS.sub(",", _LEFT_OVER_END.sub("", text)).strip(" .;,")
    text = _OPEN_BRACKET_END.sub("", text)  # "... meeting. (" before a marker read apart
    text = rx().inline_action.sub("", text).strip(" .;,")
    text = _LEAD_IN_COLON.sub("", text)  # "would provide a written response:" over the points listed
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def lower_first(text: str) -> str:
    """'More detailed information' -> 'more detailed information'; acronyms and names keep their case."""
    first = text.split()[0] if text.split() else ""
    if first.lower() in _LOWER_FIRST and first[:1].isupper() and (first[1:].islower() or len(first) == 1):
        return text[0].lower() + text[1:]
    return text


@cache
def _new_statement() -> re.Pattern[str]:
    """A comma then a word that starts another statement ("..., however she could confirm ...")."""
    from kg.text.rules import rules

    words = sorted(rules()["clause_breaks"], key=len, reverse=True)
    return re.compile(r",\s*(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def normalise(what: str, request_object: str | None) -> str:
    what = what.split(";")[0]  # what follows a semicolon is another statement
    what = _new_statement().split(what)[0]  # and so does what follows ", however" or ", whilst"
    what = _JOINED_STATEMENT.split(what)[0]  # ", and Members were asked ...": a clause with its own subject
    if request_object and (m := rx().anaphora.match(what.strip())):
        verb = m.group("verb")
        rest = what.strip()[m.end() :]
        done = m.group("ana").lower() == "do so"  # "agreed to do so": the request's own verb and object
        what = f"{request_object}{rest}" if done else f"{verb} {request_object}{rest}"
    return clean(what)


def request_object(sent: str) -> str | None:
    """What a request in `sent` asked for: 'requested that X be included' -> X."""
    m = rx().subjunctive.search(sent)
    if m and rx().request_noun.search(sent[: m.start()]):
        return re.sub(r"\s+", " ", m.group("subj")).strip()
    m = re.search(r"\b(?:asked|request(?:ed)?)\s+for\s+(?P<obj>[^.;,\n]{3,150}?)\s+to\s+be\b", sent, re.I)
    return re.sub(r"\s+", " ", m.group("obj")).strip() if m else None


_SUBJECT_AFTER = re.compile(
    r"\b(?:on|about|regarding|concerning|relating\s+to|in\s+relation\s+to|in\s+respect\s+of)\s+"
    r"(?P<topic>(?:the\s+)?[\w'’/&-]+(?:\s+(?!be\b|will\b|would\b|to\b|at\b|in\b|by\b|for\b|with\b)[\w'’/&-]+){0,7})",
    re.I,
)
_PRONOUNS = {"this", "that", "it", "these", "those", "them", "the", "this issue", "this matter", "the matter"}


def topic_of(text: str) -> str | None:
    """An indicator concept id named in `text`, else the subject after 'on/about/regarding', else None."""
    from kg.indicators import is_generic, mentions

    found = [m for m in mentions(text) if not is_generic(m[0])]
    if found:
        return max(found, key=lambda m: m[2] - m[1])[0]
    if m := _SUBJECT_AFTER.search(text):
        topic = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", m.group("topic")).strip(" ,."), flags=re.I)
        if topic.lower() not in _PRONOUNS and len(topic) > 3:
            return topic
    return None

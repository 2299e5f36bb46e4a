"""Alternations of many phrases that Python's regex engine can search quickly, with the same matches.

`re` tries the branches of `a|b|c` one by one at every position, so a pattern of 200 cue phrases costs
200 attempts per character. Branches that open with the same letter are gathered under it, in their
order (`\\b(?:a(?:bc|b)|x(?:yz))` for `\\babc|\\bab|\\bxyz`): a position fails after one test per letter,
and where it does not, the branches that can match are tried in the order they were given. Two branches
under different letters can never match at the same place (under IGNORECASE too: their letters differ in
lower case, and only ASCII letters, digits and uncased punctuation are gathered), so the first branch
that matches, and every backtracking choice, are the same as in the plain alternation.
"""

from __future__ import annotations

import re

# A branch's first character, after an optional word boundary, not under a quantifier: an ASCII letter or
# digit, an escaped ASCII punctuation mark ("\\+"), or one that needs no escape (":", "%", "'", dashes,
# curly quotes, pound and euro signs). Case folding never maps one of these onto another.
_LEAD = re.compile(r"(\\b)?([A-Za-z0-9]|\\[!-/:-@\[-`{-~]|[!\"#%&',\-/:;<=>@_`~–—‘’“”£€])(?![*+?{])")


def grouped(branches: list[str]) -> str:
    """`(?:b1|b2|...)`, with the branches gathered under their first character (see the module's
    docstring). Branches are escaped phrases (`re.escape`, spaces widened to `\\s+`), optionally after `\\b`;
    if one opens otherwise (a non-ASCII character, a class), or one character opens branches in different
    cases, escaped and not, or with and without a boundary, the plain alternation is returned."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for b in branches:
        m = _LEAD.match(b)
        if m is None:
            return "(?:" + "|".join(branches) + ")"
        head = m.group(0)
        key = m.group(2)[-1].lower()  # the character itself: a letter in either case, a mark escaped or not
        if key in groups and groups[key][0] != head:
            return "(?:" + "|".join(branches) + ")"
        groups.setdefault(key, (head, []))[1].append(b[m.end():])
    return "(?:" + "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.values()) + ")"


def _word(ch: str) -> bool:
    """A character `\\b` counts as part of a word (re's Unicode rule: alphanumeric or underscore)."""
    return ch.isalnum() or ch == "_"


def whole_words(text: str, needle: str) -> list[tuple[int, int]]:
    """The spans `re.finditer(r"\\b" + re.escape(needle) + r"\\b", text)` yields (case-sensitive), found with
    str.find: a pattern per name would be compiled once a document and push the extractors' own patterns
    out of re's cache (512 entries), which then compiles them again. `\\b` holds at i where exactly one of
    text[i-1], text[i] is a word character (outside the text counts as not one); matches do not overlap."""
    if not needle:
        return [m.span() for m in re.finditer(r"\b\b", text)]
    n, size = len(needle), len(text)
    lead, last = _word(needle[0]), _word(needle[-1])
    out: list[tuple[int, int]] = []
    i = text.find(needle)
    while i != -1:
        j = i + n
        if (i > 0 and _word(text[i - 1])) != lead and (j < size and _word(text[j])) != last:
            out.append((i, j))
            i = text.find(needle, j)
        else:
            i = text.find(needle, i + 1)
    return out

"""Alternations of many phrases that Python's regex engine can search quickly, with the same matches.

`re` tries the branches of `a|b|c` one by one at every position, so a pattern of 200 cue phrases costs
200 attempts per character. Branches that open with the same letter are gathered under it, in their
order (`\\b(?:a(?:bc|b)|x(?:yz))` for `\\babc|\\bab|\\bxyz`): a position fails after one test per letter,
and where it does not, the branches that can match are tried in the order they were given. Two branches
under different letters can never match at the same place (under IGNORECASE too: their letters differ in
lower case, and only ASCII letters and digits are gathered), so the first branch that matches, and every
backtracking choice, are the same as in the plain alternation.
"""

from __future__ import annotations

import re

# a branch that opens with an optional word boundary and an ASCII letter or digit not under a quantifier
_LEAD = re.compile(r"(\\b)?([A-Za-z0-9])(?![*+?{])")


def grouped(branches: list[str]) -> str:
    """`(?:b1|b2|...)`, with the branches gathered under their first letter (see the module's docstring).
    Branches must be escaped phrases (`re.escape`, spaces widened to `\\s+`), optionally after `\\b`; if any
    opens otherwise, or one letter opens branches in different cases or with and without a boundary, the
    plain alternation is returned."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for b in branches:
        m = _LEAD.match(b)
        if m is None:
            return "(?:" + "|".join(branches) + ")"
        head = m.group(0)
        key = m.group(2).lower()
        if key in groups and groups[key][0] != head:
            return "(?:" + "|".join(branches) + ")"
        groups.setdefault(key, (head, []))[1].append(b[m.end():])
    return "(?:" + "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.values()) + ")"

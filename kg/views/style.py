"""How a view looks: colours and shapes by kind, node labels a person can read, councils' short names."""

from __future__ import annotations

import re
import textwrap

from kg.analytics import KIND_NAMES

FONT = 14  # node label size in canvas units; the page keeps FONT * zoom >= MIN_PX at the first fit
MIN_PX = 11
WRAP = 24  # characters a label line holds before it wraps
MAX_LINES = 3

# kind -> (colour, vis shape, legend symbol); every node is a box with its label inside, so labels never
# overlap (the page packs boxes) and the colour says the kind.
STYLE: dict[str, tuple[str, str, str]] = {
    "council": ("#1b3a6b", "box", "★"),
    "committee": ("#2b7bb9", "box", "⬢"),
    "meeting": ("#9ecae1", "box", "▭"),
    "document": ("#d9d9d9", "box", "▭"),
    "councillor": ("#fdae6b", "box", "●"),
    "officer": ("#fdd0a2", "box", "●"),
    "person": ("#feedde", "box", "●"),
    "post": ("#a1d99b", "box", "◆"),
    "group": ("#c7e9c0", "box", "●"),
    "contribution": ("#eeeeee", "box", "•"),
    "resolution": ("#bdbdbd", "box", "■"),
    "figure": ("#dadaeb", "box", "▼"),
    "indicator": ("#bcbddc", "box", "▲"),
    "commitment": ("#fbb4c4", "box", "■"),
    "due": ("#fee391", "box", "●"),
    "resource": ("#c6dbef", "box", "●"),
    "grouped": ("#f0f0f0", "box", "⛁"),
}
DARK = {"council", "committee"}  # white text on these
STATUS_COLOUR = {"open": "#9ecae1", "fulfilled": "#a1d99b", "overdue": "#fc9272", "unknown": "#d9d9d9"}
EXTRA_NAMES = {"due": "Due", "resource": "Other", "grouped": "Group"}
PLURALS = {"person": "people", "committee": "committees", "meeting": "meetings", "councillor": "councillors",
           "officer": "officers", "post": "posts", "commitment": "commitments", "document": "documents",
           "council": "councils", "indicator": "indicators", "figure": "figures",
           "contribution": "contributions",
           "resolution": "resolutions", "group": "speaker groups", "due": "due dates", "resource": "others"}
# Kinds whose label can repeat from council to council: their labels carry the council's short name.
COUNCIL_SCOPED = {"committee", "meeting", "councillor", "officer", "person", "post", "group", "commitment",
                  "document", "resolution", "contribution", "figure", "due"}
_SUFFIX = re.compile(r"\s+(?:(?:Metropolitan|Royal|County|City|District|London)\s+)?"
                     r"(?:Borough|County|City|District|Metropolitan District)?\s*Council$", re.I)


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind) or EXTRA_NAMES.get(kind, kind.capitalize())


def plural(kind: str, n: int) -> str:
    return f"{n:,} {kind_name(kind).lower() if n == 1 else PLURALS.get(kind, kind + 's')}"


def council_short(name: str) -> str:
    """'Durham County Council' -> 'Durham': enough to tell councils apart in a label."""
    out = _SUFFIX.sub("", name.strip())
    out = re.sub(r"^(?:The\s+)?(?:Royal\s+Borough|London\s+Borough|City|County|Council)\s+of\s+(?:the\s+)?",
                 "", out, flags=re.I)
    return out or name


def wrap(text: str, width: int = WRAP, lines: int = MAX_LINES) -> list[str]:
    """A label as at most `lines` lines of about `width` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    out = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def box_size(lines: list[str], font: int = FONT) -> tuple[int, int]:
    """The box a label needs in canvas units (vis draws the label inside with a 5-unit margin); an
    estimate for packing, a little generous so neighbours never touch."""
    width = max((len(s) for s in lines), default=1)
    return int(width * font * 0.62 + 18), int(len(lines) * font * 1.25 + 12)

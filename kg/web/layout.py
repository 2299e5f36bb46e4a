"""The graph layout's explanation (kg/web/graph-layout.md, its one place) as HTML for the query page."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

LAYOUT = Path(__file__).with_name("graph-layout.md")


def _inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)


@cache
def layout_html() -> str:
    """Paragraphs and a list (the little Markdown the file uses); its title is the page's heading."""
    blocks, items, para = [], [], []
    for line in [*LAYOUT.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# "):
            continue
        if line.startswith("- "):
            if para:
                blocks.append("<p>" + _inline(" ".join(para)) + "</p>")
                para = []
            items.append(line[2:].strip())
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
        elif line.strip():
            para.append(line.strip())
        else:
            if para:
                blocks.append("<p>" + _inline(" ".join(para)) + "</p>")
                para = []
            if items:
                blocks.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
                items = []
    return "\n".join(blocks)

"""The seeds as ModernGov pages: the HTML reader must give the extractors the same text, so the contract
queries (what the scorer reads) return the same rows whether a seed comes as `.txt` or as `.html`."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from kg.ingest import ingest
from kg.query import run
from kg.read import read_document
from kg.store import LocalStore

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUERIES = ("documents", "people", "posts", "observations", "contributions", "commitments", "resolutions")

CHROME_TOP = """<a class="skip-link" href="#modgov">Skip to main content</a>
<header class="site-header" role="banner"><a href="/"><img src="/logo.png" alt="Council logo"></a>
<form class="search" action="/search"><input name="q"><button>Search 2024</button></form></header>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/council">Council and democracy</a></li>
<li><a href="/performance">Performance 2023/24: 87%</a></li></ul></nav>
<div class="mgBreadCrumbs"><a href="ieDocHome.aspx">Meetings</a> &gt; Agenda item</div>"""
CHROME_BOTTOM = """<footer class="site-footer" role="contentinfo">
<p>Tel: 03000 260000. &copy; 2024 the Council</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/cookies">Cookies</a></li></ul></footer>
<script>window.dataLayer = [{"page": "mgAi", "score": 42}];</script>"""


def _inline(text: str) -> str:
    """Escape, and write a run of spaces as Word and ModernGov do: no-break spaces then a space."""
    text = html.escape(text.strip(), quote=False)
    return re.sub(r" {2,}", lambda m: "&nbsp;" * (len(m.group()) - 1) + " ", text)


def paragraphs(text: str) -> list[list[str]]:
    """A text's paragraphs (blank-line separated) as lists of lines, whitespace collapsed."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.append(lines)
    return out


def seed_page(text: str) -> str:
    """A ModernGov agenda-item page (site chrome, `#modgov`, `.mgWordPara`) holding the seed's text."""
    blocks = [[line for line in b.split("\n") if line.strip()] for b in re.split(r"\n\s*\n", text)]
    blocks = [b for b in blocks if b]
    head: list[str] = []
    if blocks and blocks[0] == ["Agenda item"] and len(blocks) > 1 and len(blocks[1]) == 1:
        head = [
            f'<div class="mgHeader"><h1 class="mgMainTitleTxt">{_inline(blocks[0][0])}</h1></div>',
            f'<div class="mgSubTitle"><h2 class="mgSubTitleTxt">{_inline(blocks[1][0])}</h2></div>',
            '<div class="mgLinks"><ul class="mgActionList"><li><a href="mgIssueHistoryHome.aspx?IId=1">'
            "Issue history</a></li></ul></div>",
        ]
        blocks = blocks[2:]
    if blocks and blocks[-1] == ["Supporting documents:"]:
        blocks = blocks[:-1]  # ModernGov's heading of the document links, written below with its list
    body: list[str] = []
    for lines in blocks:
        if all("\t" in line for line in lines):
            rows = "".join(
                "<tr>" + "".join(f"<td><p>{_inline(c)}</p></td>" for c in line.split("\t")) + "</tr>"
                for line in lines
            )
            body.append(f'<table class="MsoTableGrid" border="1">{rows}</table>')
        elif all(line.startswith("- ") for line in lines):
            body.append("<ul>" + "".join(f"<li>{_inline(line[2:])}</li>" for line in lines) + "</ul>")
        elif len(lines) == 1 and len(lines[0]) < 80 and not lines[0].rstrip().endswith((".", ",", ";")):
            body.append(f'<h3 class="mgSubItemTitleTxt">{_inline(lines[0])}</h3>')
        else:
            body.append('<p class="MsoNormal">' + "<br>\n".join(_inline(line) for line in lines) + "</p>")
        body.append('<p class="MsoNormal">&nbsp;</p>')  # Word's empty spacer paragraphs
    supporting = (
        '<h2 class="mgSectionTitle">Supporting documents:</h2><ul class="mgBulletList"><li>'
        '<a href="documents/s1/report.pdf">Report, item 5 PDF 512 KB</a></li></ul>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Agenda item</title></head><body>'
        + CHROME_TOP
        + '<div id="modgov">'
        + "".join(head)
        + '<div class="mgContent"><div class="mgWordPara">'
        + "\n".join(body)
        + "</div>"
        + supporting
        + "</div></div>"
        + CHROME_BOTTOM
        + "</body></html>\n"
    )


@pytest.fixture(scope="module")
def html_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html-seeds")
    for seed in sorted(SEEDS.glob("*.txt")):
        target = folder / (seed.stem + ".html")
        target.write_text(seed_page(seed.read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copy2(f"{seed}.meta.yaml", f"{target}.meta.yaml")
    return folder


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_html_rendition_keeps_the_seeds_paragraphs(seed: Path, html_seeds: Path) -> None:
    text_doc = read_document(seed)
    html_doc = read_document(html_seeds / (seed.stem + ".html"))
    # the seeds keep the "Supporting documents:" heading of a list of links; the reader drops both
    expected = [p for p in paragraphs(text_doc.text) if p != ["Supporting documents:"]]
    assert paragraphs(html_doc.text) == expected
    assert html_doc.meta == text_doc.meta  # the sidecar wins over the page header in both
    for chrome in (
        "Skip to main content",
        "Council and democracy",
        "Privacy",
        "dataLayer",
        "Supporting documents",
        "Issue history",
        "PDF 512 KB",
        "03000 260000",
    ):
        assert chrome not in html_doc.text


def _rows(store: LocalStore) -> dict[str, list[tuple]]:
    """Each contract query's rows with document-specific identities replaced by the file's stem and each
    fact's IRI by its file and quote, so the two ingests compare though their texts' hashes differ."""
    results = {name: run(store, name).rows for name in QUERIES}
    stem = {str(r["document"]): Path(str(r["file"])).stem for r in results["documents"]}
    hashes = {iri.rstrip("/").rsplit("/", 1)[-1]: s for iri, s in stem.items()}
    facts: dict[str, str] = {}
    for name in QUERIES[1:]:
        for row in results[name]:
            first = row.get(name[:-1]) if name != "people" else row.get("person")
            if first is not None and row.get("quote") is not None:
                facts[str(first)] = (
                    f"{stem.get(str(row.get('document')))}:{' '.join(str(row['quote']).split())}"
                )

    def norm(value: object) -> str:
        text = "" if value is None else str(value)
        if text in stem:
            return stem[text]
        if text in facts:
            return facts[text]
        for h, s in hashes.items():
            text = text.replace(h, s)
        return " ".join(text.split())

    out = {}
    for name, rows in results.items():
        out[name] = sorted(tuple(sorted((k, norm(v)) for k, v in row.items() if k != "file")) for row in rows)
    return out


def test_contract_queries_agree_for_txt_and_html(html_seeds: Path, tmp_path: Path) -> None:
    with LocalStore(tmp_path / "txt") as txt_store, LocalStore(tmp_path / "html") as html_store:
        assert ingest([SEEDS], txt_store).ok
        report = ingest([html_seeds], html_store)
        assert report.ok, report.failed
        from_txt, from_html = _rows(txt_store), _rows(html_store)
    assert len(from_html["documents"]) == 5
    for name in QUERIES:
        assert from_html[name] == from_txt[name], name

"""`make eval-variants`: score the development corpus again as conversions hand documents over, to see
whether extraction holds when only the layout changes (never the wording). A measurement, not a test.

Each variant rewrites every text of ../shared/eval/dev/docs the way a converter would and keeps the gold:

    wrapped     prose hard-wrapped at 90 columns, as PDF-to-text gives it (table rows left whole)
    pdf         wrapped, a running head and "Page N of M" on every page of 38 lines, no-break spaces
                before units (days, weeks, per, %)
    nbsp        no-break spaces between numbers and units and after "£", as Word puts them
    word        one line a paragraph with no blank lines between, as Word's "save as text" gives it
    glyphs      direction arrows lost in conversion ("?"), as a cp1252 export or a symbol font leaves them
    no-sidecar  every .meta.yaml removed: council, committee, date and period from the text alone
    markdown    as .md files from a converter: item headings as "## ", "**RESOLVED**" in strong emphasis
    docx        as Word documents: pipe and tab tables as Word tables (no bold, no header flag), every other
                run of lines one paragraph with line breaks

A variant far below the clean corpus points at a reader or text-layer gap, not at a rule to add.
`scripts/eval_variants.py --set hold-c [variant ...]` does the same for another set of scripts/eval.py.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval import ROOT, SETS, print_table, score  # noqa: E402

_NUMBERS = re.compile(r"(?<!\S)(?:[\d.,%£-]+|n/a)(?!\S)")


def _wrap(text: str, width: int = 90) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        # a table row stays whole (columns, or figures and no full stop); prose wraps, figures or not
        sentence = ". " in line or line.rstrip().endswith(".")
        tableish = "\t" in line or "|" in line or "  " in line.strip() or (
            len(_NUMBERS.findall(line)) >= 4 and not sentence)
        if len(line) > width and not tableish:
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False,
                                     subsequent_indent=indent))
        else:
            out.append(line)
    return "\n".join(out)


def _nbsp(text: str) -> str:
    return re.sub(r"(?<=\d) (?=[a-z%])|(?<=£) |(?<=[a-z]) (?=\d)", "\u00a0", text)


def _pdf(text: str) -> str:
    lines = _wrap(text).split("\n")
    pages = [lines[i : i + 38] for i in range(0, len(lines), 38)]
    out: list[str] = []
    for k, page in enumerate(pages, 1):
        out += ["Committee Papers - Public Document Pack", *page, f"Page {k} of {len(pages)}", "\f"]
    return re.sub(r"(?<=\d) (?=(?:days|weeks|per|%))", "\u00a0", "\n".join(out))


def _word(text: str) -> str:
    return re.sub(r"\n[ \t]*\n+", "\n", text)


def _glyphs(text: str) -> str:
    return re.sub("[↑↓→←↗↘↔]", "?", text)


def _markdown(text: str) -> str:
    text = re.sub(r"(?m)^(\d{1,3}\.?[ \t]+[A-Z][^\n]{3,80})$", r"## \1", text)
    return re.sub(r"\b(RESOLVED|AGREED|DECIDED)\b", r"**\1**", text)


VARIANTS: dict[str, Callable[[str], str] | None] = {
    "wrapped": _wrap, "pdf": _pdf, "nbsp": _nbsp, "word": _word, "glyphs": _glyphs, "no-sidecar": None,
    "markdown": _markdown, "docx": str,  # docx: written by _write_docx, not as text
}
# variants whose files change their suffix (the gold is renamed to match)
RENAMED = {"markdown": ".md", "docx": ".docx"}


def build(name: str, source: Path, target: Path) -> None:
    """The corpus as the variant hands it over (texts rewritten; sidecars kept unless it drops them)."""
    fn = VARIANTS[name]
    suffix = RENAMED.get(name, ".txt")
    target.mkdir(parents=True)
    for path in sorted(source.iterdir()):
        if path.name.endswith(".meta.yaml"):
            if fn is not None:
                shutil.copy(path, target / path.name.replace(".txt.", f"{suffix}."))
        elif path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            if suffix == ".docx":
                _write_docx(text, target / path.with_suffix(suffix).name)
            else:
                out = fn(text) if fn else text
                (target / path.with_suffix(suffix).name).write_text(out, encoding="utf-8")
        else:  # an HTML page or a Word file of a held-out set: its layout is its own, passed on as it is
            shutil.copy(path, target / path.name)


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.strip().startswith("|") or line.count(" | ") >= 2:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def _write_docx(text: str, target: Path) -> None:
    import docx  # python-docx: the reader's own dependency

    document = docx.Document()
    # a form feed or other control character has no place in Word's XML (a page break is a Word feature)
    text = re.sub(r"[\x00-\x08\x0b-\x1f]", "", text)
    lines, i = text.split("\n"), 0
    while i < len(lines):
        block: list[list[str]] = []
        # a Markdown rule under a pipe table's header ("---|---", "|:--|") is no row of the Word table
        while i < len(lines) and ((rule := "|" in lines[i] and re.fullmatch(r"[-:| ]+", lines[i].strip()))
                                  or (row := _cells(lines[i])) and len(row) >= 2):
            if not rule:
                block.append(row)
            i += 1
        if len(block) >= 2:
            table = document.add_table(rows=len(block), cols=max(map(len, block)))
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        run: list[str] = ["    ".join(row) for row in block]
        while i < len(lines) and lines[i].strip() and not _cells(lines[i]):
            run.append(lines[i])
            i += 1
        if run:
            paragraph = document.add_paragraph()
            for k, line in enumerate(run):
                if k:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
        elif i < len(lines) and not lines[i].strip():
            i += 1
    document.save(str(target))


def renamed_gold(gold: Path, suffix: str, target: Path) -> Path:
    """The gold with every document's file name given the variant's suffix."""
    text = re.sub(r"(\d{3}_[0-9a-f]{16})\.txt\b", rf"\1{suffix}", gold.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8")
    return target


def main() -> None:
    args = sys.argv[1:]
    corpus = "dev"  # `--set hold-c wrapped pdf`: another of scripts/eval.py's sets, some variants only
    if args[:1] == ["--set"] and len(args) > 1:
        corpus, args = args[1], args[2:]
    if corpus not in SETS:
        sys.exit(f"eval-variants: unknown set {corpus!r}; one of: {', '.join(SETS)}")
    gold, docs = SETS[corpus]
    if not docs.exists():
        sys.exit(f"eval-variants: {docs} not found (the shared evaluation folder sits beside the checkout)")
    kg = os.environ.get("KG") or str(ROOT / ".venv" / "bin" / "kg")  # KG: another checkout's command
    names = ["clean", *(args or VARIANTS)]
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if name == "clean":
                reports[name] = score(name, gold, docs, kg)
                continue
            if name not in VARIANTS:
                sys.exit(f"eval-variants: unknown variant {name!r}; one of: {', '.join(VARIANTS)}")
            build(name, docs, Path(tmp) / name)
            named = renamed_gold(gold, RENAMED[name], Path(tmp) / f"{name}.json") if name in RENAMED else gold
            reports[name] = score(name, named, Path(tmp) / name, kg)
    print_table(reports, width=13, f1_only=True)

if __name__ == "__main__":
    main()

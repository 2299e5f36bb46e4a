"""A view as one self-contained page: vis-network and the page's own script inlined (works as a file,
offline), the whole folded view embedded as data, so opening a group, searching and the inspector need
no server. `page_html(store, kind, **options)` is what a server calls; `write_view` what `kg viz` calls.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlparse

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from kg.errors import QueryError
from kg.store import Store
from kg.views import tree
from kg.views.style import (
    COUNCIL_SCOPED,
    DARK,
    FONT,
    MIN_PX,
    STATUS_COLOUR,
    STYLE,
    WRAP,
    box_size,
    kind_name,
    wrap,
)

DEFAULT_BUDGET = 150  # labelled nodes drawn at first; the rest folded into groups that open on click
STATIC = Path(__file__).resolve().parent.parent / "static"
QUOTES = 3  # quotes per node in the inspector
QUOTE_CHARS = 600
KINDS = ("overview", "focus", "followups", "query")


@dataclass(frozen=True)
class Page:
    """What `write_view` wrote: where, how big, and what the page says about folding."""

    path: Path
    title: str
    nodes: int  # nodes drawn at first (groups included)
    edges: int  # links carried by the page
    source_nodes: int  # nodes in the view
    grouped: int  # nodes not drawn at first (inside closed groups)
    notice: str
    bytes: int


def _display(d: Mapping, held: Counter | None) -> tuple[str, list[str]]:
    """The searchable name (with its council where the name could repeat) and the lines drawn."""
    name = d["label"]
    council = d.get("council") or ""
    lines = wrap(name, lines=2 if held else 3)
    if council and d["kind"] in COUNCIL_SCOPED and council.lower() not in name.lower():
        name = f"{name} ({council})"
        # The council is never cut off with the end of a long name: it goes on the last line or its own.
        if len(lines[-1]) + len(council) + 3 <= WRAP + 4:
            lines[-1] += f" ({council})"
        else:
            lines.append(f"({council})")
    if held:
        lines += _counts_lines(tree.summary(held) or "what it holds")
    return name, lines


def _counts_lines(text: str, width: int = 30) -> list[str]:
    """A count line broken between its parts, so it never makes a box wider than its name needs."""
    lines: list[str] = []
    for part in text.split(" · "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines[:2]


def _doc_links(documents: Mapping[str, tuple[str, str, str]], served: bool,
               sources: Path | None) -> dict[str, str]:
    """document IRI -> where its link goes: the resource page when served; else the source file under
    `sources` (the file name is recorded relative to the folder ingested); else its web address."""
    files: dict[str, Path] = {}
    if sources is not None and not served:
        for p in Path(sources).rglob("*"):
            files.setdefault(p.relative_to(sources).as_posix(), p)
            files.setdefault(p.name, p)
    out = {}
    for doc, (name, url, _) in documents.items():
        if served:
            out[doc] = resource_href(doc)
        elif name in files or Path(name).name in files:
            out[doc] = files.get(name, files.get(Path(name).name)).resolve().as_uri()
        elif url and urlparse(url).scheme in ("http", "https"):
            out[doc] = url
    return out


def resource_href(iri: str) -> str:
    return f"/resource?iri={quote(iri, safe='')}"


def payload(view: nx.MultiDiGraph, *, budget: int, by_status: bool = False, served: bool = False,
            documents: Mapping[str, tuple[str, str, str]] | None = None, sources: Path | None = None) -> dict:
    """Everything the page needs: nodes (with parent, box size, facts, evidence), links, which nodes start
    open, the documents' titles and links, the legend."""
    tree.nest(view)
    held = tree.counts(view)
    kids = tree.children(view)
    centre = view.graph.get("centre")
    opened = tree.initially_open(view, budget, {centre} if centre else None)
    hrefs = _doc_links(documents or {}, served, sources)
    doc_index: dict[str, int] = {}
    docs: list[list[str]] = []

    def doc_ref(doc: str, title: str) -> int:
        if doc not in doc_index:
            doc_index[doc] = len(docs)
            known = (documents or {}).get(doc, ("", "", ""))
            name = known[2] or title or Path(known[0]).name or doc.rsplit("/", 1)[-1]
            docs.append([doc, name, hrefs.get(doc, "")])
        return doc_index[doc]

    nodes, legend = [], Counter()
    order = [n for root in kids.get(None, []) for n in _walk(kids, root)]
    for n in order:
        d = view.nodes[n]
        kind = d["kind"]
        has = held.get(n) if kids.get(n) else None
        name, lines = _display(d, has)
        colour = STYLE.get(kind, STYLE["resource"])[0]
        key = kind
        if by_status and kind == "commitment":
            status = d.get("status", "unknown")
            colour = STATUS_COLOUR.get(status, STATUS_COLOUR["unknown"])
            key = f"commitment:{status}"
        if kind == "grouped":
            key = "grouped"
        legend[key] += 1
        w, h = box_size(lines)
        item = {"id": n, "l": name, "t": "\n".join(lines), "k": kind, "g": key, "c": d.get("council") or "",
                "p": d.get("parent") if d.get("parent") in view else None, "w": w, "h": h, "b": colour,
                "i": d.get("iri", ""), "f": list(d.get("facts", []))}
        if kind in DARK:
            item["fc"] = "#ffffff"
        if n in opened:
            item["o"] = 1
        if n == centre:
            item["centre"] = 1
        ev = [[q if len(q) <= QUOTE_CHARS else q[:QUOTE_CHARS] + "…", doc_ref(doc, title)]
              for q, doc, title in list(d.get("evidence", []))[:QUOTES]]
        ev += [["", doc_ref(doc, view.nodes[doc]["label"] if doc in view else "")]
               for doc in d.get("docs", []) if doc not in {docs[i][0] for _, i in ev}]
        if ev:
            item["e"] = ev
        if served and item["i"]:
            item["r"] = resource_href(item["i"])
        nodes.append(item)
    links: Counter[tuple[str, str, str]] = Counter()
    for s, o, d in view.edges(data=True):
        links[(s, o, d.get("label") or "")] += d.get("count", 1)
    edges = [[s, o, label, c] for (s, o, label), c in links.items()]
    visible = sum(1 for _ in _walk_open(kids, opened))
    return {"nodes": nodes, "edges": edges, "docs": docs, "legend": _legend(legend),
            "kinds": {k: kind_name(k) for k in STYLE}, "font": FONT, "min_px": MIN_PX, "visible": visible,
            "served": served}


def _walk(kids: Mapping[str | None, list[str]], n: str):  # noqa: ANN202
    yield n
    for k in kids.get(n, []):
        yield from _walk(kids, k)


def _walk_open(kids: Mapping[str | None, list[str]], opened: set[str], n: str | None = None):  # noqa: ANN202
    for k in kids.get(n, []):
        yield k
        if k in opened:
            yield from _walk_open(kids, opened, k)


def _legend(counts: Counter) -> list[dict]:
    out = []
    for key, n in sorted(counts.items(), key=lambda kv: (tree.kind_rank(kv[0].split(":")[0]), kv[0])):
        kind, _, status = key.partition(":")
        colour = STATUS_COLOUR.get(status, STATUS_COLOUR["unknown"]) if status else STYLE.get(
            kind, STYLE["resource"])[0]
        label = f"Commitment: {status}" if status else ("Group (click to open)" if kind == "grouped"
                                                         else kind_name(kind))
        out.append({"key": key, "label": label, "color": colour, "count": n})
    return out


def _environment() -> Environment:
    import pyvis

    # Our template and script, with pyvis' bundled vis-network (the files its in_line mode inlines).
    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    loader = ChoiceLoader([FileSystemLoader(str(STATIC)), FileSystemLoader(str(pyvis_templates))])
    return Environment(loader=loader, autoescape=select_autoescape(default=True, default_for_string=True))


def render(view: nx.MultiDiGraph, *, budget: int = DEFAULT_BUDGET, subtitle: str = "",
           by_status: bool = False, links: list[tuple[str, str]] | None = None, served: bool = False,
           documents: Mapping[str, tuple[str, str, str]] | None = None,
           sources: Path | None = None) -> tuple[str, dict]:
    """One self-contained HTML page for a view, and facts about it (counts, folding notice)."""
    data = payload(view, budget=budget, by_status=by_status, served=served, documents=documents,
                   sources=sources)
    total = len(data["nodes"])
    shown = data["visible"]
    notice = ""
    if shown < total:
        notice = (f"{shown:,} of {total:,} nodes drawn: the rest are inside the nodes with dashed borders. "
                  "Click one to open it, or search by name.")
    title = view.graph.get("title", "council-kg")
    meta = {"title": title, "nodes": shown, "edges": len(data["edges"]), "source_nodes": total,
            "grouped": total - shown, "budget": budget, "notice": notice, "font": FONT, "min_px": MIN_PX}
    html = _environment().get_template("viz.html.j2").render(
        title=title, subtitle=subtitle, notice=notice, legend=data["legend"], data=data, meta=meta,
        links=links or [], empty=not data["nodes"], generated=dt.datetime.now().strftime("%-d %B %Y %H:%M"))
    return html, meta


def _documents(store: Store) -> dict[str, tuple[str, str, str]]:
    """document IRI -> (source file, web address, title)."""
    from kg.queries import internal

    return {str(r["document"]): (str(r.get("file") or ""), str(r.get("url") or ""), str(r.get("title") or ""))
            for r in store.query(internal("viz-documents")).rows}


def build(store: Store, *, council: str | None = None, focus_node: str | None = None, depth: int = 1,
          show_followups: bool = False, query: str | None = None, params: Mapping | None = None,
          budget: int = DEFAULT_BUDGET, served: bool = False, sources: Path | None = None,
          links: list[tuple[str, str]] | None = None) -> tuple[str, dict]:
    """Pick the view the options ask for and render it: (html, facts)."""
    from kg.views import graphs

    chosen = [x for x in (focus_node, query) if x] + (["followups"] if show_followups else [])
    if len(chosen) > 1:
        raise QueryError("choose one view: --focus, --followups or --query",
                         hint="run `kg viz` once per view")
    if budget < 10:
        raise QueryError(f"--budget must be at least 10, not {budget}")
    if sources is not None and not Path(sources).is_dir():
        raise QueryError(f"--sources {sources} is not a folder", hint="give the folder you ingested")
    common = {"budget": budget, "served": served, "documents": _documents(store), "sources": sources,
              "links": links}
    how = "Click a node to see its facts and evidence; a dashed node opens to show what it holds."
    if focus_node:
        view = graphs.focus(store, focus_node, depth, council)
        return render(view, subtitle=f"The centre is at the top left. {how}", **common)
    if show_followups:
        view = graphs.followups(store, council)
        n = sum(1 for _, d in view.nodes(data=True) if d["kind"] == "commitment")
        return render(view, subtitle=f"{n:,} commitments, coloured by their latest status. {how}",
                      by_status=True, **common)
    if query:
        view = graphs.query_view(store, query, params)
        sub = f"{view.number_of_nodes():,} nodes from the query's result. {how}"
        return render(view, subtitle=sub, **common)
    view = graphs.overview(store, council)
    return render(view, subtitle=f"Councils, their committees and meetings in date order. {how}", **common)


def page_html(store: Store, kind: str, *, served: bool = True, **options: object) -> str:
    """The page of one view for a server: `kind` is overview, focus, followups or query; options as
    `build` takes them (council, focus_node, depth, query, params, budget); links go to /resource."""
    if kind not in KINDS:
        raise QueryError(f"no view '{kind}'", hint="overview, focus, followups or query")
    if kind == "followups":
        options["show_followups"] = True
    html, _ = build(store, served=served, **options)  # type: ignore[arg-type]
    return html


def write_view(store: Store, output: Path | None = None, **options: object) -> Page:
    """Build the view the options ask for (see `build`) and write it to `output`: an .html file, or a
    folder to write VIEW.html into."""
    html, meta = build(store, **options)  # type: ignore[arg-type]
    name = ("followups-graph" if options.get("show_followups") else "focus" if options.get("focus_node")
            else "query" if options.get("query") else "overview")
    path = Path(output) if output else Path("out") / f"{name}.html"
    if path.is_dir() or path.suffix.lower() not in (".html", ".htm"):  # a folder
        path = path / f"{name}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = html.encode("utf-8")
    path.write_bytes(data)
    return Page(path, meta["title"], meta["nodes"], meta["edges"], meta["source_nodes"], meta["grouped"],
                meta["notice"], len(data))

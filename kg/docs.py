"""The ontology's reference page: Markdown generated from ontology/council-kg.ttl (and the constraints from
ontology/shapes.ttl beside it). `make docs` writes docs/ontology.md; tests/test_docs.py keeps it current.

    python -m kg.docs ontology/council-kg.ttl docs/ontology.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.namespaces import CKG, ONTOLOGY_IRI, PREFIXES

NS = str(CKG._NS)
VANN = "http://purl.org/vocab/vann/"
_PREFIXES = {**{p: str(ns) for p, ns in PREFIXES.items()}, "sh": str(SH), "vann": VANN,
             "gss": "http://statistics.data.gov.uk/id/statistical-geography/"}


def curie(term: Node, g: Graph | None = None) -> str:
    """A term as a reader writes it: ckg:Council, xsd:date, 'A or B' for an owl:unionOf."""
    if isinstance(term, BNode) and g is not None:
        members = g.value(term, OWL.unionOf)
        if members is not None:
            return " or ".join(curie(m, g) for m in Collection(g, members))
        return "(anonymous)"
    text = str(term)
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


def _code(term: Node, g: Graph) -> str:
    return " or ".join(f"`{c}`" for c in curie(term, g).split(" or "))


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _own(g: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef) and str(s).startswith(NS))


_NODE_CONSTRAINTS = {SH["or"], SH.xone, SH["not"], SH.pattern, SH.nodeKind, SH["and"]}


def _shapes_section(shapes: Graph, onto: Graph) -> list[str]:
    out = ["## Constraints", "",
           "What `kg validate` checks (ontology/shapes.ttl), by class. `min..max` is how many values a node",
           "may have (`*`: any number); a message is what a report says when the constraint fails.", ""]
    targets: dict[Node, list[Node]] = {}
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        for cls in shapes.objects(shape, SH.targetClass):
            targets.setdefault(cls, []).append(shape)
    for cls in sorted(targets, key=lambda c: curie(c)):
        out += [f"### {curie(cls)}", "", "| property | count | values | if not |", "|---|---|---|---|"]
        rows: list[tuple[str, str, str, str]] = []
        for shape in targets[cls]:
            for ps in shapes.objects(shape, SH.property):
                path = shapes.value(ps, SH.path)
                inverse = shapes.value(path, SH.inversePath) if isinstance(path, BNode) else None
                name = (f"^{curie(inverse)}" if inverse is not None
                        else curie(path) if path is not None else "?")
                lo, hi = shapes.value(ps, SH.minCount), shapes.value(ps, SH.maxCount)
                count = f"{lo or 0}..{hi or '*'}" if lo is not None or hi is not None else ""
                values = []
                for p, label in ((SH.datatype, ""), (SH["class"], "a "), (SH.hasValue, "= "),
                                 (SH.nodeKind, "")):
                    values += [f"{label}`{curie(v)}`" for v in shapes.objects(ps, p)]
                for listed in shapes.objects(ps, SH["in"]):
                    values.append("one of " + ", ".join(f"`{curie(v) if isinstance(v, URIRef) else v}`"
                                                        for v in Collection(shapes, listed)))
                if shapes.value(ps, SH["or"]) is not None:
                    values.append("see message")
                rows.append((f"`{name}`", count, "; ".join(values), str(shapes.value(ps, SH.message) or "")))
            # Constraints on the node itself (a pattern, a choice of types) report through its message.
            own = set(shapes.predicates(shape)) & _NODE_CONSTRAINTS
            if own and shapes.value(shape, SH.message) is not None:
                rows.append(("(node)", "", "", str(shapes.value(shape, SH.message))))
        for row in sorted(set(rows)):
            out.append("| " + " | ".join(_cell(c) for c in row) + " |")
        out.append("")
    return out


def render(onto: Graph, shapes: Graph | None = None) -> str:
    """The reference page for the ontology graph `onto` (and its shapes, if given)."""
    label = onto.value(ONTOLOGY_IRI, RDFS.label) or "council-kg ontology"
    out = [f"# {label}", "",
           "<!-- Generated from ontology/council-kg.ttl by `make docs` (python -m kg.docs); "
           "do not edit. -->", "",
           str(onto.value(ONTOLOGY_IRI, RDFS.comment) or ""), "",
           f"- Ontology IRI: `{ONTOLOGY_IRI}`",
           f"- Namespace: `{NS}` (prefix `ckg:`)",
           "- Data IRIs: under `https://w3id.org/council-kg/id/` by default (set `KG_BASE` to change it)",
           f"- Version: {onto.value(ONTOLOGY_IRI, OWL.versionInfo) or ''}",
           f"- Licence: {onto.value(ONTOLOGY_IRI, URIRef('http://purl.org/dc/terms/license')) or ''}", ""]

    used = {str(t) for triple in onto for t in triple if isinstance(t, URIRef)}
    out += ["## Prefixes", "", "| prefix | namespace |", "|---|---|"]
    for prefix, ns in sorted(_PREFIXES.items()):
        if any(u.startswith(ns) for u in used):
            out.append(f"| `{prefix}:` | <{ns}> |")
    out.append("")

    out += ["## Classes", ""]
    for cls in _own(onto, OWL.Class):
        out += [f"### ckg:{cls[len(NS):]}", "",
                f"**{onto.value(cls, RDFS.label)}.** {onto.value(cls, RDFS.comment)}", ""]
        supers = sorted(curie(o, onto) for o in onto.objects(cls, RDFS.subClassOf))
        if supers:
            out += ["Subclass of " + ", ".join(f"`{s}`" for s in supers) + ".", ""]
        examples = sorted(curie(o) for o in onto.objects(cls, SKOS.example))
        if examples:
            out += ["Examples: " + ", ".join(f"`{e}`" for e in examples) + ".", ""]
        members = sorted(s for s in onto.subjects(RDF.type, cls) if isinstance(s, URIRef))
        if members:
            values = ", ".join(f"`{curie(m)}` ({onto.value(m, RDFS.label)})" for m in members)
            out += [f"Values: {values}.", ""]
        props = sorted(p for p, d in onto.subject_objects(RDFS.domain)
                       if d == cls or (isinstance(d, BNode) and cls in _union(onto, d)))
        if props:
            out += ["Properties: " + ", ".join(f"`{curie(p)}`" for p in props) + ".", ""]

    for title, kind in (("Object properties", OWL.ObjectProperty),
                        ("Datatype properties", OWL.DatatypeProperty)):
        out += [f"## {title}", "", "| property | label | domain | range | comment |", "|---|---|---|---|---|"]
        for p in _own(onto, kind):
            dom, rng = onto.value(p, RDFS.domain), onto.value(p, RDFS.range)
            extra = [f"sub-property of `{curie(s)}`" for s in onto.objects(p, RDFS.subPropertyOf)]
            extra += [f"also `{curie(t)}`" for t in onto.objects(p, RDF.type)
                      if t not in (OWL.ObjectProperty, OWL.DatatypeProperty)]
            comment = str(onto.value(p, RDFS.comment)) + (f" ({'; '.join(sorted(extra))})" if extra else "")
            domain = _code(dom, onto) if dom is not None else ""
            range_ = _code(rng, onto) if rng is not None else ""
            out.append(f"| `{curie(p)}` | {_cell(onto.value(p, RDFS.label))} | {domain} | {range_} | "
                       f"{_cell(comment)} |")
        out.append("")

    classes_and_props = set(_own(onto, OWL.Class)) | set(_own(onto, OWL.ObjectProperty)) \
        | set(_own(onto, OWL.DatatypeProperty))
    others = [s for s in sorted({s for s in onto.subjects(RDF.type) if isinstance(s, URIRef)
                                 and str(s).startswith(NS)}) if s not in classes_and_props]
    out += ["## Individuals and data sets", "", "| term | type | label | comment |", "|---|---|---|---|"]
    for s in others:
        types = ", ".join(sorted(f"`{curie(t)}`" for t in onto.objects(s, RDF.type)))
        out.append(f"| `{curie(s)}` | {types} | {_cell(onto.value(s, RDFS.label))} | "
                   f"{_cell(onto.value(s, RDFS.comment))} |")
    out.append("")

    out += ["## Reused vocabulary terms", "",
            "Terms of other vocabularies the graph uses, and what council-kg means by each (skos:scopeNote",
            "in the ontology; they add no axioms to those vocabularies).", "",
            "| term | how council-kg uses it |", "|---|---|"]
    for term, note in sorted(onto.subject_objects(SKOS.scopeNote), key=lambda so: curie(so[0])):
        if not str(term).startswith(NS):
            out.append(f"| `{curie(term)}` | {_cell(note)} |")
    out.append("")
    if shapes is not None:
        out += _shapes_section(shapes, onto)
    return "\n".join(out).rstrip() + "\n"


def _union(g: Graph, node: BNode) -> list[Node]:
    members = g.value(node, OWL.unionOf)
    return list(Collection(g, members)) if members is not None else []


def write(ttl: Path, target: Path) -> str:
    """Render the page for `ttl` (with shapes.ttl beside it, if there) and write it to `target`."""
    onto = Graph().parse(ttl, format="turtle")
    shapes_file = ttl.parent / "shapes.ttl"
    shapes = Graph().parse(shapes_file, format="turtle") if shapes_file.exists() else None
    text = render(onto, shapes)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m kg.docs ONTOLOGY.ttl OUTPUT.md", file=sys.stderr)
        return 2
    write(Path(argv[0]), Path(argv[1]))
    print(f"wrote {argv[1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

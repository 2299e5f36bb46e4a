"""The package has no import cycles: each stage imports only the stages below it."""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"


def _modules() -> dict[str, set[str]]:
    mods: dict[str, set[tuple[str, str | None]]] = {}
    for f in KG.rglob("*.py"):
        name = ".".join(f.relative_to(KG.parent).with_suffix("").parts).removesuffix(".__init__")
        deps: set[tuple[str, str | None]] = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
                deps |= {(node.module, a.name) for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {(a.name, None) for a in node.names if a.name.startswith("kg")}
        mods[name] = deps
    names = set(mods)

    def target(dep: tuple[str, str | None]) -> str:
        module, attr = dep
        return f"{module}.{attr}" if attr and f"{module}.{attr}" in names else module

    # a package's __init__ importing its own submodules is its structure, not a cycle
    return {m: {t for d in deps if (t := target(d)) in names and t != m and not t.startswith(m + ".")}
            for m, deps in mods.items()}


def test_no_module_imports_one_that_imports_it_back() -> None:
    """Depth-first search over module imports (deferred imports included) finds no cycle."""
    graph = _modules()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(path[path.index(d):] + [d])
            elif d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, cycles


def test_the_indicator_scheme_does_not_reach_into_the_extractors() -> None:
    """kg.indicators and kg.indicator_link sit below kg.extract."""
    graph = _modules()
    for m in ("kg.indicators", "kg.indicator_link", "kg.text", "kg.nlp"):
        assert not {d for d in graph[m] if d.startswith("kg.extract")}, m

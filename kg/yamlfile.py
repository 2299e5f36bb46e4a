"""The one YAML loader for data files, alias files and sidecars: safe, and strict about duplicate keys.

PyYAML keeps the last of two equal keys in a mapping without a word, so a council or cue listed twice
would silently lose one of its entries; here a repeated key is an error naming the file and the line.
"""

from __future__ import annotations

from typing import Any

import yaml

from kg.errors import InputError


class _Strict(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping, aliases (a few hundred bytes of nested
    aliases expand to gigabytes: a "billion laughs") and nesting deeper than any of our files needs."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        self.depth += 1
        try:
            if self.depth > 20:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(None, None, "nested over 20 deep", mark)
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


class _StrictNoDates(_Strict):
    """As _Strict, but dates stay strings, so a caller can give its own message for a bad one."""


def _mapping(loader: _Strict, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.setdefault(key, key_node.start_mark.line + 1)
        except TypeError:  # an unhashable key: let PyYAML raise its own error
            continue
        if first != key_node.start_mark.line + 1:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first on line {first})", key_node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_StrictNoDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in _Strict.yaml_implicit_resolvers.items()
}


def loads(text: str, where: str, *, dates: bool = True) -> Any:
    """YAML text as Python data. Raises InputError naming `where` on bad YAML or a repeated key."""
    try:
        return yaml.load(text, Loader=_Strict if dates else _StrictNoDates)  # noqa: S506 - SafeLoader
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        detail = " ".join(str(err).split())
        raise InputError(f"not valid YAML: {detail or first}", path=where,
                         hint="fix the file (each key once per mapping)") from err


def duplicates(values: list[str]) -> list[str]:
    """Values that occur more than once, ignoring case, in first-seen order."""
    seen: set[str] = set()
    twice: list[str] = []
    for v in values:
        low = v.lower()
        if low in seen and v not in twice:
            twice.append(v)
        seen.add(low)
    return twice

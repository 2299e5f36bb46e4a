"""The one YAML loader for data files, alias files and sidecars: safe, and strict about duplicate keys.

PyYAML keeps the last of two equal keys in a mapping without a word, so a council or cue listed twice
would silently lose one of its entries; here a repeated key is an error naming the file and the line.
"""

from __future__ import annotations

import re
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


# libyaml's parser (8x the pure-Python one: a sidecar per document, the data files in every process) with
# _Strict's constructors. It composes in C, so `_fast` checks the tree _Strict checks as it goes.
_CLoader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader  # (libyaml is in PyYAML's wheels)


class _Fast(_CLoader):  # type: ignore[misc, valid-type]
    pass


class _FastNoDates(_Fast):
    pass


_Fast.yaml_constructors = dict(_Strict.yaml_constructors)
_FastNoDates.yaml_constructors = dict(_Strict.yaml_constructors)
_FastNoDates.yaml_implicit_resolvers = _StrictNoDates.yaml_implicit_resolvers
_FLOW = re.compile(r"[\[{]")
_DEEP_LINE = re.compile(r"^[ \t?-]{48}", re.M)  # a line whose indentation or "- - -" nests that deep


def _fast(text: str, dates: bool) -> tuple[bool, Any]:
    """(True, data) where libyaml reads `text` into what _Strict would; (False, None) where it may not:
    an alias (a node met twice), nesting over _Strict's limit, any error (_Strict words it). Text that could
    nest deep enough to strain C's stack (libyaml composes recursively) is not given to it."""
    if _CLoader is yaml.SafeLoader or len(_FLOW.findall(text)) > 1000 or _DEEP_LINE.search(text):
        return False, None
    loader = (_Fast if dates else _FastNoDates)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return True, None
        todo, seen = [(node, 1)], set()
        while todo:
            n, depth = todo.pop()
            if depth > 20 or id(n) in seen:
                return False, None
            seen.add(id(n))
            if isinstance(n, yaml.SequenceNode):
                todo += [(c, depth + 1) for c in n.value]
            elif isinstance(n, yaml.MappingNode):
                todo += [(c, depth + 1) for pair in n.value for c in pair]
        return True, loader.construct_document(node)
    except yaml.YAMLError:
        return False, None
    finally:
        loader.dispose()


def loads(text: str, where: str, *, dates: bool = True) -> Any:
    """YAML text as Python data. Raises InputError naming `where` on bad YAML or a repeated key."""
    done, data = _fast(text, dates)
    if done:
        return data
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

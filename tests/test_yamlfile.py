"""The one YAML loader: safe, strict about a key written twice, and used by every shipped data file."""

from __future__ import annotations

from importlib import resources

import pytest

from kg.errors import InputError
from kg.yamlfile import duplicates, loads


def test_a_key_written_twice_fails_naming_the_file_and_line() -> None:
    text = "councils:\n  - name: A\n    area: E1\n    area: E2\n"
    with pytest.raises(InputError, match=r"duplicate key 'area' \(first on line 3\)") as err:
        loads(text, "kg/data/x.yaml")
    assert err.value.path == "kg/data/x.yaml"


def test_the_same_key_in_two_mappings_is_fine() -> None:
    assert loads("a: {k: 1}\nb: {k: 2}\n", "x") == {"a": {"k": 1}, "b": {"k": 2}}


def test_dates_can_stay_strings() -> None:
    assert loads("d: 2024-07-09\n", "x", dates=False) == {"d": "2024-07-09"}
    assert str(loads("d: 2024-07-09\n", "x")["d"]) == "2024-07-09"


def test_duplicates_ignore_case() -> None:
    assert duplicates(["Harlow Council", "harlow council", "Bury Council"]) == ["harlow council"]


@pytest.mark.parametrize(("package", "name"), [
    *(("kg.data", p.name) for p in resources.files("kg.data").iterdir() if p.name.endswith(".yaml")),
    *(("kg.extract.patterns", p.name) for p in resources.files("kg.extract.patterns").iterdir()
      if p.name.endswith(".yaml")),
])
def test_every_shipped_yaml_file_loads_strictly(package: str, name: str) -> None:
    loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"), name)


def test_libyaml_and_the_python_loader_agree_on_every_shipped_file_and_the_corpus_style() -> None:
    """The fast path (libyaml) gives the same data as the pure-Python strict loader, dates or not."""
    from kg import yamlfile

    texts = [p.read_text(encoding="utf-8") for package in ("kg.data", "kg.extract.patterns")
             for p in resources.files(package).iterdir() if p.name.endswith(".yaml")]
    texts.append("council: Some Council\ntitle: 'Q3: figures'\nperiod: 2018/19 Q3\ndate: 2024-07-09\n")
    for text in texts:
        for dates in (True, False):
            done, data = yamlfile._fast(text, dates)
            strict = yamlfile._Strict if dates else yamlfile._StrictNoDates
            assert done
            assert data == yamlfile.yaml.load(text, Loader=strict)  # noqa: S506 - SafeLoader


@pytest.mark.parametrize(("text", "message"), [
    ("a: &x [1, 2]\nb: *x\n", "aliases"),  # an alias: refused, not expanded
    ("".join(f"{'  ' * i}k{i}:\n" for i in range(22)) + "  " * 22 + "v\n", "nested over 20 deep"),
    ("[" * 5000 + "]" * 5000, "nested over 20 deep"),  # never handed to libyaml's recursive composer
    ("- " * 30 + "x\n", "nested over 20 deep"),
    ("a: 1\na: 2\n", "duplicate key 'a'"),
    ("a: [1, 2\n", "not valid YAML"),
])
def test_what_the_strict_loader_refuses_the_fast_path_refuses_the_same_way(text: str, message: str) -> None:
    """Aliases, deep nesting, a repeated key and bad YAML fail with the strict loader's own error."""
    with pytest.raises(InputError, match=message):
        loads(text, "x.yaml")

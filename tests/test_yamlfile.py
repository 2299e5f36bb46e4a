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

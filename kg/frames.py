"""Query results as pandas DataFrames, for notebooks."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from rdflib import Literal
from rdflib.term import Identifier

from kg.query import run
from kg.store import Result, Store


def _value(term: Identifier | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython()
    return str(term)


def frame(result: Result) -> pd.DataFrame:
    """A SELECT result as a DataFrame: literals as Python values, IRIs as strings, unbound as None."""
    return pd.DataFrame(
        [{v: _value(row.get(v)) for v in result.variables} for row in result.rows],
        columns=list(result.variables),
    )


def query_frame(
    store: Store, spec: str, params: Mapping[str, Identifier | str] | None = None
) -> pd.DataFrame:
    return frame(run(store, spec, params))

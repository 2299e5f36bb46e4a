"""Query results as pandas DataFrames, for notebooks."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pandas as pd
from rdflib import Literal
from rdflib.term import Identifier

from kg.query import run
from kg.store import Result, Store


def _value(term: Identifier | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        # xsd:decimal arrives as Decimal, which pandas keeps as objects: no mean, no plot. A float column
        # is what a notebook wants (the store keeps the exact decimal).
        return float(value) if isinstance(value, Decimal) else value
    return str(term)


def frame(result: Result) -> pd.DataFrame:
    """A SELECT result as a DataFrame: literals as Python values (decimals as floats, so numeric columns
    are float64), IRIs as strings, unbound as None."""
    return pd.DataFrame(
        [{v: _value(row.get(v)) for v in result.variables} for row in result.rows],
        columns=list(result.variables),
    )


def query_frame(
    store: Store, spec: str, params: Mapping[str, Identifier | str] | None = None
) -> pd.DataFrame:
    return frame(run(store, spec, params))

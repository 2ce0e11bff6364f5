"""Text columns of the count table and the results kept as Python strings.

pandas 3 stores text as Arrow strings when pyarrow is installed, and every
``to_numpy()`` or ``tolist()`` of such a column converts it back to Python objects.
The engine and the writers read the unit columns (codes, names) that way many
times: on the national file 24 such reads cost 34 ms, and making the frames 17 ms
more. The codes and names are Python strings in numpy object arrays from the moment
they are read, so the frames keep them as they are (dtype object).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd


def _as_column(values: object) -> object:
    if isinstance(values, np.ndarray) and values.dtype.kind in "OU":  # objects, str
        return pd.Series(values, dtype=object)
    return values


def frame_of(columns: Mapping[str, object]) -> pd.DataFrame:
    """A DataFrame of equal-length columns in which text stays Python strings."""
    return pd.DataFrame({key: _as_column(values) for key, values in columns.items()})


def text_column(column: pd.Series) -> pd.Series:
    """``column`` as Python strings, "" where it is missing (what ``fillna("")`` then
    ``astype(str)`` gave, without Arrow strings)."""
    values = column.to_numpy(dtype=object, na_value="")
    if pd.api.types.infer_dtype(values, skipna=False) != "string":
        values = np.array([str(v) for v in values], dtype=object)
    return pd.Series(values, index=column.index, dtype=object)

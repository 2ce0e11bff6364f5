"""The count table: what every input kind produces and the engine judges.

One row per commune (per year): the unit columns in a small DataFrame, and each
count or yes/no column as whole numbers with a mask of the cells that are
missing (blank, invalid, or made unknown by a validation error). Spreadsheets
of commune counts produce it (``validation.table``), and so do person rows once
counted. A stage never edits a table it was handed: ``blanked`` returns a new
one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

    from pcgd_cli.findings import Finding

UNIT_KEYS = ("year", "province_code", "province", "district_code", "district",
             "commune_code", "commune", "commune_type")


class Location(NamedTuple):
    """Where a cell of the input is, for a finding: file, sheet, A1 cell, 1-based row."""

    file: str = ""
    sheet: str = ""
    cell: str = ""
    row: int | None = None


class Locator(Protocol):
    def locate(self, i: int, key: str) -> Location:
        """The input cell holding column ``key`` of the table's row ``i``."""


@dataclass
class InputSummary:
    """What one input file held, for the report's provenance and row accounting."""

    path: Path
    sha256: str = ""
    rows_read: int = 0
    rows_used: int = 0
    rows_total: int = 0
    rows_blank: int = 0
    rows_rejected: int = 0
    sheets_used: list[str] = field(default_factory=list)
    # person rows only: persons left out of every count as moved out, deceased or not
    # resident (read = used + total + blank + rejected + left out)
    rows_left_out: int = 0


@dataclass(frozen=True)
class CountTable:
    """Communes (per year) and their counts, typed.

    ``units``: year (float, NaN for a file without years), province_code, province,
    district_code, district, commune_code, commune, commune_type (str, "" when not
    given), disadvantaged (1.0 ĐBKK, 0.0 not, NaN unknown).
    ``values``/``missing``: int64 counts and their missing mask, per column key the
    inputs had. ``present``: every column key the inputs had (unit columns included).
    ``invalid``: (row, key) cells an error made missing.
    """

    units: pd.DataFrame
    values: Mapping[str, np.ndarray]
    missing: Mapping[str, np.ndarray]
    present: frozenset[str]
    has_districts: bool
    invalid: frozenset[tuple[int, str]] = frozenset()
    locator: Locator | None = None

    def __len__(self) -> int:
        return len(self.units)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, present: Iterable[str], has_districts: bool,
                   invalid: Iterable[tuple[int, str]] = (),
                   locator: Locator | None = None) -> CountTable:
        """From a frame with the unit columns and count columns as floats (NaN missing)."""
        from pcgd_cli.text_columns import text_column

        unit_cols = [*UNIT_KEYS, "disadvantaged"]
        values: dict[str, np.ndarray] = {}
        missing: dict[str, np.ndarray] = {}
        for key in frame.columns:
            if key in unit_cols or key.startswith("_"):
                continue
            raw = frame[key].to_numpy(dtype=float, na_value=np.nan)
            missing[key] = np.isnan(raw)
            values[key] = np.where(missing[key], 0, raw).astype(np.int64)
        units = frame.reindex(columns=unit_cols).reset_index(drop=True)
        units["commune_type"] = text_column(units["commune_type"])
        return cls(units, values, missing, frozenset(present), has_districts,
                   frozenset(invalid), locator)

    @property
    def codes(self) -> np.ndarray:
        return self.units["commune_code"].to_numpy()

    @property
    def disadvantaged(self) -> np.ndarray:
        """1.0 ĐBKK, 0.0 not, NaN unknown (an invalid or conflicting cell)."""
        return self.units["disadvantaged"].to_numpy(dtype=float)

    def column(self, key: str, absent_is_zero: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(int64 values, missing mask). A column the inputs lack is all missing, or
        all zero with ``absent_is_zero`` (an absent "excluded" column: nobody excluded)."""
        if key in self.values:
            return self.values[key], self.missing[key]
        n = len(self)
        return np.zeros(n, dtype=np.int64), np.full(n, not absent_is_zero)

    def as_float(self, key: str) -> np.ndarray:
        """The column as floats with NaN where missing (for checks across columns)."""
        values, missing = self.column(key)
        return np.where(missing, np.nan, values.astype(float))

    def locate(self, i: int, key: str) -> Location:
        return self.locator.locate(i, key) if self.locator is not None else Location()

    def blanked(self, cells: Mapping[str, Iterable[int]]) -> CountTable:
        """A new table where these rows of these columns are missing (found wrong): as a
        blank cell, the value is 0 and the mask says missing."""
        values = dict(self.values)
        missing = dict(self.missing)
        invalid = set(self.invalid)
        for key, rows in cells.items():
            rows = np.asarray(sorted(set(int(r) for r in rows)), dtype=np.int64)
            if key not in missing or not len(rows):
                continue
            mask, numbers = missing[key].copy(), values[key].copy()
            mask[rows] = True
            numbers[rows] = 0
            missing[key], values[key] = mask, numbers
            invalid.update((int(r), key) for r in rows)
        return replace(self, values=values, missing=missing, invalid=frozenset(invalid))


# a commune's row accounting, in the order reports show it: read = counted + moved out +
# deceased + not resident + rejected; "excluded" are the counted people its cohorts leave
# out of the population to cover (disabled, unable to learn)
PERSON_FATES = ("persons_read", "counted", "moved_out", "deceased", "not_resident",
                "rejected", "excluded")


@dataclass
class PersonSource:
    """Where counts made from person rows came from, so every output can trace a count
    back to its rows: how many persons in how many files, under which counting rules
    and options, and each commune's row accounting (``accounting``: commune_code, year,
    then PERSON_FATES)."""

    persons: int
    files: int
    rules_id: str
    rules_version: str
    options: dict[str, str]
    accounting: pd.DataFrame

    def totals(self) -> dict[str, int]:
        return {k: int(self.accounting[k].sum()) for k in PERSON_FATES}

    @cached_property
    def by_commune(self) -> dict[tuple[str, float], dict[str, int]]:
        """(commune code, year) → that commune's row accounting."""
        rows = self.accounting.to_dict("records")
        return {(str(r["commune_code"]), float(r["year"])): {k: int(r[k]) for k in PERSON_FATES}
                for r in rows}

    def of(self, code: str, year: object) -> dict[str, int] | None:
        """A commune's row accounting; None for one no person row names."""
        try:
            return self.by_commune.get((str(code), float(year)))
        except (TypeError, ValueError):
            return None


@dataclass
class Reading:
    """What a reading stage hands on: the count table, the findings made while
    reading it, what each input file held, and, when the counts were made from
    person rows, where they came from."""

    table: CountTable
    findings: list[Finding]
    inputs: list[InputSummary]
    persons: PersonSource | None = None

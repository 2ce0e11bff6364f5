"""``--output x.parquet``: one row per unit and standard, for analysts and warehouses.

Read from the result columns (result_columns.py) array by array: every tier's
arrays are concatenated, never walked unit by unit. Columns: the unit (unit_type,
code, name, parent_code, year, disadvantaged, communes, provisional), the standard
and its rule set, status, level, level_at_least, ``level_<k>_status`` for each
level, next_level (the lowest level not met), and for each indicator of any
standard ``<indicator>_numerator``, ``_denominator``, ``_excluded`` (null where the
data is missing or the standard has no such indicator) and ``_shortfall`` (people
short at the next level, null where it does not fail there). A parent unit's
``units_short``: its units still needed at its next level. Names, labels and
thresholds are not repeated: they are the rules' (``pcgd rules show``, JSON "rules").

Written by duckdb from a pandas DataFrame of numpy-backed (nullable) columns. pyarrow
wrote it faster (0.25 s against 0.5 s nationally), but pandas imports pyarrow whenever
it is installed, which cost every pcgd command 70 ms and 62 MB (benchmarks/README.md);
duckdb is imported only here.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from pcgd_cli.engine.results import STATUS_NAMES, Check, Status
from pcgd_cli.report.result_columns import StandardColumns, TierColumns, result_columns
from pcgd_cli.report_model import Report

_STATUSES = [STATUS_NAMES[Status(s)] for s in range(len(Status))]


def _statuses(codes: np.ndarray, missing: np.ndarray | None = None) -> pd.Categorical:
    """Status names as a categorical column (four words over many rows; null where
    ``missing``)."""
    codes = codes.astype(np.int8)
    if missing is not None:
        codes = np.where(missing, -1, codes).astype(np.int8)
    return pd.Categorical.from_codes(codes, categories=_STATUSES)


class _Columns:
    """Columns grown block by block (one block per tier and standard), with nulls for
    the rows of a block that has no such column."""

    def __init__(self) -> None:
        self.rows = 0
        self.blocks: dict[str, list[tuple[int, np.ndarray, np.ndarray | None]]] = {}
        self.kinds: dict[str, str] = {}

    def add(self, name: str, values: np.ndarray, valid: np.ndarray | None = None,
            kind: str = "int64") -> None:
        self.blocks.setdefault(name, []).append((self.rows, values, valid))
        self.kinds.setdefault(name, kind)

    def close_block(self, n: int) -> None:
        self.rows += n

    def array(self, name: str):
        """The column over every row: a nullable pandas array (or categorical statuses)."""
        kind = self.kinds[name]
        dtype = {"int64": np.int64, "int32": np.int32, "bool": bool, "status": np.int8}[kind]
        values = np.zeros(self.rows, dtype=dtype)
        mask = np.ones(self.rows, dtype=bool)  # True: null
        for start, block, valid in self.blocks[name]:
            end = start + len(block)
            values[start:end] = block
            mask[start:end] = False if valid is None else ~valid
        if kind == "status":
            return _statuses(values, mask)
        if kind == "bool":
            return pd.arrays.BooleanArray(values, mask)
        return pd.arrays.IntegerArray(values, mask)


def _standard_block(cols: _Columns, std: StandardColumns, tier: TierColumns,
                    max_levels: int) -> None:
    n = len(tier)
    if std.evaluated:
        cols.add("level", std.level, std.level >= 0)
        cols.add("level_at_least", std.level_at_least)
        nxt = std.next_level
        has_next = nxt >= 0
        numbers = np.array([lv.spec.level for lv in std.levels] or [0], dtype=np.int64)
        cols.add("next_level", numbers[np.where(has_next, nxt, 0)], has_next)
    for k, level in enumerate(std.levels[:max_levels]):
        cols.add(f"level_{k + 1}_status", level.status.astype(np.int8), kind="status")
    for fig in std.figures:
        if not fig.checked:
            continue
        cols.add(f"{fig.key}_numerator", fig.numerator, fig.known)
        cols.add(f"{fig.key}_denominator", fig.denominator, fig.known)
        cols.add(f"{fig.key}_excluded", fig.excluded, fig.known)
    if tier.tier == "commune" and std.evaluated:
        # people short at the unit's next level, per failing test
        short: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for k, level in enumerate(std.levels):
            here = std.next_level == k
            for test in level.tests:
                if test.result.spec.kind == "yesno":
                    continue
                failing = here & (test.result.check == Check.FAIL)
                values, valid = short.setdefault(test.figure, (np.zeros(n, np.int64),
                                                               np.zeros(n, bool)))
                values[failing] = test.result.shortfall[failing]
                valid |= failing
        for f, (values, valid) in short.items():
            cols.add(f"{std.figures[f].key}_shortfall", values, valid)
    elif std.evaluated:
        units_short = np.zeros(n, dtype=np.int64)
        valid = np.zeros(n, dtype=bool)
        for k, level in enumerate(std.levels):
            if level.share is None or level.share.required is None:
                continue
            here = std.next_level == k
            units_short[here] = level.share.shortfall[here]
            valid |= here
        cols.add("units_short", units_short, valid)


def result_frame(tiers: list[TierColumns]) -> pd.DataFrame:
    """One row per unit and standard of every tier, as a DataFrame."""
    max_levels = max((len(std.levels) for tier in tiers for std in tier.standards.values()),
                     default=0)
    cols = _Columns()
    strings: dict[str, list] = {k: [] for k in ("unit_type", "code", "name", "parent_code",
                                                "standard", "rule_set")}
    disadvantaged: list = []
    status_parts: list[np.ndarray] = []
    for tier in tiers:
        n = len(tier)
        units = tier.units
        years = np.array([-1 if y is None else y for y in units.year], dtype=np.int32)
        for sid, std in tier.standards.items():
            strings["unit_type"] += [tier.tier] * n
            strings["code"] += units.code
            strings["name"] += units.name
            strings["parent_code"] += units.parent_code
            strings["standard"] += [sid] * n
            strings["rule_set"] += [std.rules.id] * n
            disadvantaged += units.disadvantaged if tier.tier == "commune" else [None] * n
            cols.add("year", years, years >= 0, kind="int32")
            cols.add("communes", np.array(units.communes, dtype=np.int64))
            cols.add("provisional", np.full(n, tier.provisional or std.provisional),
                     kind="bool")
            status_parts.append(std.status.astype(np.int8))
            _standard_block(cols, std, tier, max_levels)
            cols.close_block(n)
    status = np.concatenate(status_parts) if status_parts else np.zeros(0, np.int8)
    known = np.array([d is not None for d in disadvantaged], dtype=bool)
    flags = np.array([bool(d) for d in disadvantaged], dtype=bool)
    data = {
        "unit_type": pd.Categorical(strings["unit_type"]),
        "code": strings["code"],
        "name": strings["name"],
        "parent_code": strings["parent_code"],
        "year": cols.array("year"),
        "disadvantaged": pd.arrays.BooleanArray(flags, ~known),
        "communes": cols.array("communes"),
        "provisional": cols.array("provisional"),
        "standard": pd.Categorical(strings["standard"]),
        "rule_set": pd.Categorical(strings["rule_set"]),
        "status": _statuses(status),
    }
    for name in _ordered(cols.kinds, max_levels):
        data.setdefault(name, cols.array(name))
    return pd.DataFrame(data)


_FIGURE_PARTS = ("numerator", "denominator", "excluded", "shortfall")


def _ordered(names: dict[str, str], max_levels: int) -> list[str]:
    """The verdict columns, each level's status, then each indicator's four columns
    together, in the order the standards name them."""
    head = ["level", "level_at_least", "next_level",
            *(f"level_{k}_status" for k in range(1, max_levels + 1)), "units_short"]
    figures = list(dict.fromkeys(name.rsplit("_", 1)[0] for name in names
                                 if name not in head and name.rsplit("_", 1)[-1]
                                 in _FIGURE_PARTS))
    ordered = [*head, *(f"{key}_{part}" for key in figures for part in _FIGURE_PARTS)]
    rest = [name for name in names if name not in ordered]
    return [name for name in [*ordered, *rest] if name in names]


def write_parquet(report: Report, stream: IO[bytes],
                  tiers: list[TierColumns] | None = None) -> None:
    """The result table as Parquet (zstd), to an open binary file. duckdb writes to a
    path: a file in a temporary folder, copied into ``stream`` (1.6 MB nationally)."""
    import duckdb

    tiers = result_columns(report.evaluation) if tiers is None else tiers
    frame = result_frame(tiers)
    with tempfile.TemporaryDirectory(prefix="pcgd-parquet-") as folder:
        path = Path(folder) / "result.parquet"
        # one thread and row groups of 32,768 rows: the national table's peak memory
        # 416 MB -> 332 MB (the whole process), for 0.1 MB more file
        with duckdb.connect(config={"threads": 1}) as con:
            con.register("result", frame)
            target = str(path).replace("'", "''")
            con.execute(f"COPY result TO '{target}' "
                        "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 32768)")
        with path.open("rb") as fh:
            shutil.copyfileobj(fh, stream)

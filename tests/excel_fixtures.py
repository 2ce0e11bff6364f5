"""Small inputs for the workbook, template and batch tests, built from the rule files.

Every commune gets plausible counts that pass every test: totals of 100,
nobody excluded, 95 people counted for each rate (and the 5 remaining
11-year-olds still in primary), yes for every condition.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from pcgd_cli.pipeline import column_catalog, load_rule_sets

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"
UNITS_CSV = ROOT / "sample_data" / "lai_chau_units.csv"
REGISTER_CSV = ROOT / "sample_data" / "lai_chau_register.csv"
HYPERLINK = '=HYPERLINK("http://x","y")'


def catalog():
    return column_catalog(load_rule_sets([]))


def plausible(key: str, kind: str) -> object:
    """A value for column ``key`` that passes every test of the rules."""
    if kind == "count":
        if key.endswith("_total"):
            return 100
        if key.endswith("_excluded"):
            return 0
        return 5 if key == "age11_in_primary" else 95
    if kind == "yesno":
        return "có"
    if kind == "flag":
        return "không"
    return None


def count_keys() -> list[tuple[str, str]]:
    cat = catalog()
    return [(k, spec.kind) for k, spec in cat.columns.items() if spec.kind in ("count", "yesno")]


def write_communes_csv(path: Path, communes: list[tuple[str, str, str, str]],
                       year: int | None = None) -> Path:
    """communes: (district code, district name, commune code, commune name)."""
    keys = count_keys()
    years = ["year"] if year else []
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*years, "province_code", "province", "district_code", "district",
                         "commune_code", "commune", "disadvantaged", *(k for k, _ in keys)])
        for district_code, district, code, name in communes:
            writer.writerow([*([year] if year else []), "12", "Tỉnh Thử", district_code,
                             district, code, name, "0",
                             *(plausible(k, kind) for k, kind in keys)])
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cell_values(ws) -> list[object]:
    return [c.value for row in ws.iter_rows() for c in row if c.value is not None]


def find_row(ws, value: object, max_row: int = 12) -> int:
    """The row (1-based) whose cells hold ``value`` among the first rows."""
    for row in ws.iter_rows(min_row=1, max_row=max_row):
        if any(c.value == value for c in row):
            return row[0].row
    raise AssertionError(f"{value!r} not in the first {max_row} rows of {ws.title}")

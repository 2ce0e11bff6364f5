"""--output x.parquet: one row per unit and standard, the same figures as JSON v2."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from targets_support import PRIMARY_LEVEL2, commune, run, write_rows

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"
STANDARDS = ["preschool5", "primary", "lower_secondary", "literacy"]


def _both(path: Path, tmp_path: Path) -> tuple[list[dict], dict]:
    out = tmp_path / "ket_qua.parquet"
    code, stdout, stderr = run("check", str(path), "--output", str(out), "--format", "json")
    assert code in (0, 1), stderr
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
    table = duckdb.sql(f"SELECT * FROM read_parquet('{out}')")
    rows = [dict(zip(table.columns, values, strict=True)) for values in table.fetchall()]
    return rows, json.loads(stdout)


def test_one_row_per_unit_and_standard_with_the_figures_as_columns(tmp_path: Path) -> None:
    rows, report = _both(SAMPLE, tmp_path)
    units = report["results"]
    assert len(rows) == len(units) * len(STANDARDS)
    columns = list(rows[0])
    assert columns[:11] == ["unit_type", "code", "name", "parent_code", "year", "disadvantaged",
                            "communes", "provisional", "standard", "rule_set", "status"]
    for name in ("level", "level_at_least", "next_level", "level_1_status", "level_3_status",
                 "grade1_numerator", "grade1_denominator", "grade1_excluded",
                 "grade1_shortfall", "literate_l2_numerator", "units_short"):
        assert name in columns, name
    assert "conditions_numerator" not in columns  # not checked: no input has the columns
    # the same facts as the JSON report, row for row
    for row in rows:
        unit = next(u for u in units if (u["unit_type"], u["code"], u["year"])
                    == (row["unit_type"], row["code"], row["year"]))
        std = unit["standards"][row["standard"]]
        assert (row["status"], row["level"]) == (std["status"], std["level"])
        for key, figure in std.get("indicators", {}).items():
            assert [row[f"{key}_{p}"] for p in ("numerator", "denominator", "excluded")] \
                == (figure or [None, None, None])
        for k, level in std.get("levels", {}).items():
            assert row[f"level_{k}_status"] == level["status"]
        gap = std.get("gap")
        assert row["next_level"] == (gap["level"] if gap else None)


def test_shortfall_at_the_next_level_and_unknown_figures_are_null(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.csv", [commune("00001", **PRIMARY_LEVEL2),
                                           commune("00002", age11_total="")])
    rows, _ = _both(path, tmp_path)
    primary = {r["code"]: r for r in rows if r["standard"] == "primary"
               and r["unit_type"] == "commune"}
    assert (primary["00001"]["next_level"], primary["00001"]["grade1_shortfall"]) == (3, 1)
    assert primary["00001"]["completed_11_shortfall"] is None  # passes there
    assert primary["00002"]["completed_11_numerator"] is None
    assert primary["00002"]["grade1_numerator"] == 100
    district = next(r for r in rows if r["unit_type"] == "district"
                    and r["standard"] == "primary")
    assert district["communes"] == 2 and district["disadvantaged"] is None

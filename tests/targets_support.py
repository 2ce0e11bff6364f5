"""Small commune tables written as CSV files, for the plan-target, rule-set and year tests.

Every commune starts with 100 people in each single-age cohort (400 aged
11-14, 200 aged 15-35, 400 aged 15-60) and everybody counted in
every numerator (all standards at their top level); a test changes only the
counts it is about.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from pcgd_cli.cli import app

PERFECT = {
    "age5_total": 100, "age5_attending": 100,
    "age6_total": 100, "age6_grade1": 100, "age6_preschool_completed": 100,
    "age11_total": 100, "age11_completed": 100, "age11_in_primary": 0,
    # the pooled 11-14 cohort of "đến 14 tuổi" (2025 form TH-M1)
    "age11_14_total": 400, "age11_14_completed": 400,
    "age15_18_total": 100, "age15_18_graduated": 100, "age15_18_studying": 100,
    # nested age bands: 15-25 within 15-35 within 15-60 (the reader checks this)
    "age15_25_total": 100, "age15_25_literate_l1": 100,
    "age15_35_total": 200, "age15_35_literate_l1": 200, "age15_35_literate_l2": 200,
    "age15_60_total": 400, "age15_60_literate_l2": 400,
    "age3_5_total": 100, "age3_5_attending": 100,
    "lower_sec_graduates": 100, "lower_sec_graduates_vocational": 50,
}  # fmt: skip

# Counts that put a commune one level lower than its best (still above level 1).
PRIMARY_LEVEL2 = {"age6_grade1": 97}  # 97% < 98%: primary level 2, not 3
SECONDARY_LEVEL2 = {"age15_18_studying": 79}  # 79% < 80%: lower_secondary level 2, not 3
SECONDARY_LEVEL1 = {"age15_18_graduated": 85}  # 85% < 90%: level 1, not 2
LITERACY_LEVEL1 = {"age15_60_literate_l2": 359}  # 89.75% < 90%: literacy level 1, not 2
PRIMARY_NONE = {"age6_grade1": 85}  # below level 1


def commune(code: str, district: str | None = "001", province: str = "12",
            year: int | None = None, **counts: object) -> dict[str, object]:
    row: dict[str, object] = {"province_code": province, "province": f"Tỉnh {province}"}
    if year is not None:
        row["year"] = year
    if district is not None:
        row["district_code"] = district
        row["district"] = f"Huyện {district}"
    row.update({"commune_code": code, "commune": f"Xã {code}", "disadvantaged": 0})
    row.update(PERFECT)
    row.update(counts)
    return row


def write_rows(path: Path, rows: list[dict[str, object]]) -> Path:
    header: list[str] = []
    for row in rows:
        header += [k for k in row if k not in header]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> tuple[int, dict]:
    code, out, err = run("check", *args, "--format", "json")
    assert out, err
    return code, json.loads(out)


def targets_by_id(report: dict) -> dict[str, dict]:
    return {t["id"]: t for t in report["targets"]}


def unit(report: dict, unit_type: str, code: str = "", year: int | None = None) -> dict:
    return next(u for u in report["results"] if u["unit_type"] == unit_type
                and (not code or u["code"] == code) and (year is None or u["year"] == year))

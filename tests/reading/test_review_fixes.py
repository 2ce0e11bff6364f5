"""Validation defects found by the domain review, each pinned by a case that failed
before its fix: unknown ĐBKK flags, duplicated communes, plan-target columns never
cross-checked, blank district codes and years, huge counts, "95%" as a count, and
blank count cells that said nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from messy_helpers import accounting_adds_up

from pcgd_cli.count_table import InputSummary
from pcgd_cli.pipeline import load_rule_book, tabulate_sheets
from pcgd_cli.reading import read_file
from targets_support import commune, run_json, targets_by_id, unit, write_rows


def errors(report: dict) -> list[tuple[str, str, str]]:
    return [(f["code"], f["cell"], f["column"]) for f in report["findings"]
            if f["severity"] == "error"]


def coded(report: dict, code: str) -> list[dict]:
    return [f for f in report["findings"] if f["code"] == code]


def communes(report: dict) -> dict[str, dict]:
    return {u["code"]: u for u in report["results"] if u["unit_type"] == "commune"}


def table_of(*paths: Path):
    sheets = [s for p in paths for s in read_file(p)]
    return tabulate_sheets(sheets, load_rule_book(), {p: InputSummary(p) for p in paths})


def flags(reading) -> dict[str, float]:
    units = reading.table.units
    return dict(zip(units["commune_code"], units["disadvantaged"], strict=True))


# 1. an invalid or conflicting ĐBKK flag is unknown, never "not ĐBKK" ------------------------

def test_invalid_flag_is_unknown_not_no(tmp_path):
    rows = [commune("00001", disadvantaged="maybe"), commune("00002", disadvantaged=""),
            commune("00003", disadvantaged="x"), commune("00004", disadvantaged="0")]
    table = table_of(write_rows(tmp_path / "d.csv", rows))
    assert table.table.units["disadvantaged"].dtype == np.float64
    got = flags(table)
    assert np.isnan(got["00001"])
    assert (got["00002"], got["00003"], got["00004"]) == (0.0, 1.0, 0.0)
    assert [f.code for f in table.findings if f.severity == "error"] == ["bad_flag"]


def test_conflicting_flag_is_unknown_and_absent_column_is_no(tmp_path):
    a = write_rows(tmp_path / "a.csv", [commune("00001", disadvantaged="x"),
                                        commune("00002", disadvantaged="x")])
    b = write_rows(tmp_path / "b.csv", [commune("00001", disadvantaged="0"),
                                        commune("00002", disadvantaged="x")])
    got = flags(table_of(a, b))
    assert np.isnan(got["00001"]) and got["00002"] == 1.0
    # a file without the column at all: nobody is ĐBKK
    rows = [{k: v for k, v in commune("00003").items() if k != "disadvantaged"}]
    assert flags(table_of(write_rows(tmp_path / "c.csv", rows))) == {"00003": 0.0}


# 2. a commune repeated in a sheet: differing figures become missing ------------------------

def test_duplicate_rows_that_differ_lose_the_differing_values(tmp_path):
    rows = [commune("00001"), commune("00002"), commune("00001", age6_grade1=90)]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert code == 2
    assert errors(report) == [("duplicate_commune", "E4", "commune_code")]
    got = communes(report)
    # which of 100 and 90 is right is unknown: primary cannot be judged
    assert got["00001"]["standards"]["primary"]["status"] == "insufficient_data"
    assert got["00001"]["standards"]["preschool5"]["status"] == "met"  # same in both rows
    assert got["00002"]["standards"]["primary"]["status"] == "met"
    (summary,) = report["inputs"]
    assert (summary["rows_used"], summary["rows_rejected"]) == (2, 1)
    assert accounting_adds_up(report)


def test_identical_duplicate_rows_lose_nothing(tmp_path):
    rows = [commune("00001"), commune("00001")]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert [c for c, _, _ in errors(report)] == ["duplicate_commune"]
    assert all(s["status"] == "met" for s in communes(report)["00001"]["standards"].values())


# 3. plan-target columns are cross-checked like the rule file's -----------------------------

def test_target_numerator_above_its_cohort_is_an_error(tmp_path):
    rows = [commune("00001", age3_5_total=100, age3_5_attending=150)]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    assert code == 2
    found = coded(report, "numerator_above_denominator")
    assert [(f["column"], f["value"], f["cell"]) for f in found] == [
        ("age3_5_attending", "150", "AC2")]
    target = targets_by_id(report)["age3_5_in_kindergarten"]
    assert target["status"] == "insufficient_data" and target["met"] is None


def test_target_cohort_excluded_above_total_is_an_error(tmp_path):
    rows = [commune("00001", age3_5_total=100, age3_5_excluded=101, age3_5_attending=0)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    assert [f["column"] for f in coded(report, "excluded_above_total")] == ["age3_5_excluded"]
    assert targets_by_id(report)["age3_5_in_kindergarten"]["status"] == "insufficient_data"


def test_blank_target_excluded_means_nobody_excluded(tmp_path):
    rows = [commune("00001", age3_5_excluded="")]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    assert targets_by_id(report)["age3_5_in_kindergarten"]["met"] is True
    assert not coded(report, "missing_value") and code == 0


# 4. a commune row without its district ------------------------------------------------------

def test_blank_district_code_rejects_the_row(tmp_path):
    rows = [commune("00001"), commune("00002"), commune("00003")]
    rows[1]["district_code"] = rows[1]["district"] = ""
    rows[2]["district_code"] = ""  # the name alone does not do when codes are a column
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert code == 2
    assert errors(report) == [("missing_district_code", "C3", "district_code"),
                              ("missing_district_code", "C4", "district_code")]
    assert set(communes(report)) == {"00001"}
    assert [u["code"] for u in report["results"] if u["unit_type"] == "district"] == ["001"]
    assert report["inputs"][0]["rows_rejected"] == 2 and accounting_adds_up(report)


def test_district_names_without_a_code_column_still_name_the_district(tmp_path):
    rows = [{k: v for k, v in commune(c).items() if k != "district_code"}
            for c in ("00001", "00002")]
    rows[1]["district"] = ""
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert errors(report) == [("missing_district_code", "C3", "district")]
    assert unit(report, "district")["code"] == "Huyện 001"


# 5. a row whose year is blank or not a year, in a sheet with years --------------------------

def test_blank_or_invalid_year_rejects_the_row(tmp_path):
    rows = [commune("00001", year=2024), commune("00002", year=2024),
            commune("00003", year=2024)]
    rows[1]["year"] = ""
    rows[2]["year"] = "abc"
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert code == 2
    assert sorted(errors(report)) == [("bad_year", "C4", "year"), ("missing_year", "C3", "year")]
    assert set(communes(report)) == {"00001"}
    assert report["inputs"][0]["rows_rejected"] == 2 and accounting_adds_up(report)


def test_a_year_column_left_blank_throughout_is_one_period(tmp_path):
    # the template offers "Năm" and says: leave it blank when there is one year
    rows = [commune("00001", year=2024), commune("00002", year=2024)]
    for row in rows:
        row["year"] = ""
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert code == 0 and errors(report) == []
    assert set(communes(report)) == {"00001", "00002"}


# 6, 7. counts too large, and percentages typed in a count column ---------------------------

@pytest.mark.parametrize(("cell", "finding"), [
    (10**9 + 1, "count_too_large"),
    ("99999999999999999999", "count_too_large"),  # would overflow int64
    ("95%", "percent_in_count"),
    ("95 %", "percent_in_count"),
    ("12,5%", "percent_in_count"),
])
def test_count_cell_errors(tmp_path, cell, finding):
    rows = [commune("00001", age6_grade1=cell)]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert code == 2
    assert errors(report) == [(finding, "K2", "age6_grade1")]
    assert communes(report)["00001"]["standards"]["primary"]["status"] == "insufficient_data"


def test_a_billion_is_still_a_count(tmp_path):
    rows = [commune("00001", age6_total=10**9, age6_grade1=10**9)]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert errors(report) == []


# 8. a blank count cell is said, naming its cell and column ---------------------------------

def test_blank_count_cells_are_warnings(tmp_path):
    rows = [commune("00001", age6_grade1="", age6_excluded="", disadvantaged=""),
            commune("00002", age5_total="")]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows))
    found = [(f["severity"], f["cell"], f["column"], f["unit"])
             for f in coded(report, "missing_value")]
    # not the excluded column (blank = nobody) nor the ĐBKK flag (blank = no)
    assert sorted(found) == [("warning", "H3", "age5_total", "00002"),
                             ("warning", "K2", "age6_grade1", "00001")]
    assert code == 0  # warnings only: the run is valid, the communes insufficient data
    assert communes(report)["00001"]["standards"]["primary"]["status"] == "insufficient_data"

"""A commune only in a sheet without district columns, while other sheets have them, is
rejected with an error at its row instead of landing under a district with no code."""

from __future__ import annotations

import csv
from pathlib import Path

from messy_helpers import accounting_adds_up, run_check


def _write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _placed(tmp_path: Path) -> Path:
    return _write(tmp_path / "xa_huyen.csv",
                  ["district_code", "district", "commune_code", "commune", "age6_total",
                   "age6_grade1"],
                  [["101", "Huyện Một", "00001", "Xã A", 100, 100],
                   ["102", "Huyện Hai", "00002", "Xã B", 100, 99]])


def _unplaced(tmp_path: Path, codes: list[str]) -> Path:
    return _write(tmp_path / "xa_5_tuoi.csv", ["commune_code", "age5_total", "age5_attending"],
                  [[code, 50, 50] for code in codes])


def test_a_commune_without_a_district_is_an_error_at_its_row(tmp_path: Path) -> None:
    other = _unplaced(tmp_path, ["00001", "00002", "00003"])
    code, report, _, _ = run_check(_placed(tmp_path), other, "--lang", "en")
    assert code == 2
    [error] = [f for f in report["findings"] if f["severity"] == "error"]
    assert (error["code"], error["file"], error["cell"], error["row"], error["unit"]) == \
        ("commune_without_district", str(other), "A4", 4, "00003")
    assert "00003" in error["message"] and "district" in error["suggestion"]
    units = [(u["unit_type"], u["code"]) for u in report["results"]]
    assert ("commune", "00003") not in units
    assert [c for t, c in units if t == "district"] == ["101", "102"]  # no empty district
    summary = {i["path"]: i for i in report["inputs"]}[str(other)]
    assert (summary["rows_used"], summary["rows_rejected"]) == (2, 1)
    assert accounting_adds_up(report)


def test_communes_found_in_the_sheet_with_districts_are_placed(tmp_path: Path) -> None:
    code, report, _, _ = run_check(_placed(tmp_path), _unplaced(tmp_path, ["00002", "00001"]))
    assert code == 0
    assert not [f for f in report["findings"] if f["code"] == "commune_without_district"]
    commune = next(u for u in report["results"] if u["code"] == "00002")
    assert commune["parent_code"] == "102"
    assert commune["standards"]["preschool5"]["indicators"]["attending"] == [50, 50, 0]


def test_no_district_columns_anywhere_is_two_tier_not_an_error(tmp_path: Path) -> None:
    code, report, _, _ = run_check(_unplaced(tmp_path, ["00001", "00002"]))
    assert code == 0
    assert [u["unit_type"] for u in report["results"]] == ["commune", "commune", "province"]

"""Small cases: number typing, codes, total-row labels, header matching, formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from messy_helpers import run_check
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.reading.workbook import read_file
from pcgd_cli.validation.headers import is_numbering_row
from pcgd_cli.validation.totals import CLOSING, DISTRICT, GRAND, OPENING, plain, total_kind
from pcgd_cli.validation.values import parse_code, parse_counts, parse_number_text


@pytest.mark.parametrize("text, number", [
    ("1.234", 1234), ("1 234", 1234), ("1\u00a0234", 1234), ("1,234", 1234),
    ("95,5", 95.5), ("95,5%", 95.5), ("12.0", 12), ("12", 12), (" 7 ", 7),
    ("1.234.567", 1234567), ("abc", None), ("", None), ("1e400", None),
])
def test_vietnamese_number_typing(text, number):
    assert parse_number_text(text) == number


def test_counts_fractions_and_negatives_are_errors_not_rounded():
    values, problems = parse_counts([12.0, "12", 12.5, -1.0, "x", "", 3])
    assert values[:2].tolist() == [12, 12] and values[6] == 3
    assert all(math.isnan(v) for v in values[2:6])
    assert [(p[0], p[1]) for p in problems] == [
        (2, "fractional_count"), (3, "negative_count"), (4, "not_a_number")]


@pytest.mark.parametrize("cell", [3394, 3394.0, "3394", "03394", " 03394 ", "3394.0"])
def test_commune_codes_with_or_without_leading_zeros(cell):
    assert parse_code(cell, 5) == "03394"


@pytest.mark.parametrize("cell, code", [
    ("123456", "123456"), ("00001", "00001"), ("٣٣٩٤", "0٣٣٩٤"), ("²", "0000²"),
    ("03 394", "03394"), ("3394.5", "3394.5"), ("12a", "12a"), ("", "")])
def test_codes_only_plain_ascii_digits_skip_the_cleaning(cell, code):
    # other digits (Arabic-Indic, superscript) take the cleaning path, padded as before
    assert parse_code(cell, 5) == code


@pytest.mark.parametrize("label, kind", [
    ("Cộng", CLOSING), ("Cộng:", CLOSING), ("Tổng cộng", GRAND), ("TOÀN HUYỆN", GRAND),
    ("Toàn tỉnh", GRAND), ("Huyện Tam Đường", DISTRICT), ("Cộng huyện Tam Đường", DISTRICT),
    ("Huyện Phong Thổ", OPENING), ("Xã Cống Lầu", None), ("Xã Thèn Sin", None),
])
def test_total_row_labels(label, kind):
    assert total_kind(plain(label), {"tamduong"}) == kind


@pytest.mark.parametrize("row, numbering", [
    ([1, 2, 3, 4], True), (["(1)", "(2)", "(3)"], True), (["1", "", "2", "3"], True),
    ([1, 2, 4], False), ([2024, 40, 39], False), (["A", "B", "C"], False),
])
def test_numbering_row(row, numbering):
    assert is_numbering_row(row) is numbering


def test_placeholder_zero_of_a_non_calculating_writer_is_not_a_value(tmp_path):
    """xlsxwriter stores 0 as a formula's value and asks Excel to recalculate on
    opening: that 0 was never calculated."""
    import xlsxwriter

    path = tmp_path / "xw.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Xa")
    ws.write_row(0, 0, ["Mã xã", "Trẻ 5 tuổi - Tổng số"])
    ws.write(1, 0, "03394")
    ws.write_formula(1, 1, "=20+20")  # cached 0
    ws.write(2, 0, "03395")
    ws.write_formula(2, 1, "=20+20", None, 40)  # cached 40
    book.close()
    (sheet,) = read_file(path)
    assert sheet.uncached_formulas == [(1, 1)]
    assert sheet.rows[1][1] == "" and sheet.rows[2][1] == 40


def test_findings_grouped_with_and_more_past_the_limit(tmp_path):
    path = tmp_path / "many.csv"
    lines = ["Mã xã,Trẻ 5 tuổi - Tổng số"] + [f"0339{i},-{i + 1}" for i in range(8)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "160"})
    assert result.exit_code == 2
    assert "negative_count (8)" in result.stdout
    assert "và 3 mục khác" in result.stdout
    code, report, _, _ = run_check(path)
    assert sum(f["code"] == "negative_count" for f in report["findings"]) == 8  # JSON: all


def test_required_column_missing_names_the_labels_looked_for(tmp_path):
    path = tmp_path / "partial.csv"
    path.write_text("Mã xã,Trẻ 5 tuổi - Tổng số,Trẻ 5 tuổi - Ra lớp\n03394,40,39\n",
                    encoding="utf-8")
    code, report, _, _ = run_check(path)
    # partly absent columns make the communes "insufficient data" (contract); the
    # run itself is valid, so it is a warning and the exit code stays 0
    assert code == 0
    # neither completion column is there: the current (2025) reading stands and names
    # the columns it needs, the 6-year-olds who completed preschool over the age-6 cohort
    missing = [f for f in report["findings"] if f["code"] == "column_missing"]
    assert [f["column"] for f in missing] == ["age6_preschool_completed", "age6_total"]
    assert missing[0]["severity"] == "warning"
    commune = next(r for r in report["results"] if r["unit_type"] == "commune")
    assert commune["standards"]["preschool5"]["status"] == "insufficient_data"
    assert "Trẻ 6 tuổi - Đã hoàn thành chương trình GDMN" in missing[0]["message"]


def test_no_header_says_which_labels_were_looked_for(tmp_path):
    path = tmp_path / "no_header.csv"
    path.write_text("Ma so,Tong\n1,2\n", encoding="utf-8")
    other = tmp_path / "ok.csv"
    other.write_text("Mã xã,Trẻ 5 tuổi - Tổng số\n03394,40\n", encoding="utf-8")
    _, report, _, _ = run_check(path, other)
    (finding,) = [f for f in report["findings"] if f["code"] == "no_header"]
    assert "'Mã xã'" in finding["message"] and "'Mã đơn vị'" in finding["message"]


@pytest.mark.parametrize("cells", [
    [12.0, 0.0, 1e9, 3.0],                                # floats only: one numpy call
    [12.0, "", 5.0],                                      # an empty cell
    [1.0, 12.5, -1.0, 1e10, float("inf"), float("nan")],  # every problem of a float
    [True, 2.0],                                          # a yes/no where a count goes
    ["1.234", "95%", " 7 ", "x", 3.0],                    # typed text
    [],
])
def test_a_workbook_column_as_an_array_reads_as_the_list_does(cells) -> None:
    # the reader hands a workbook's count columns over as numpy object arrays
    from_list = parse_counts(list(cells))
    from_array = parse_counts(np.array(cells, dtype=object))
    np.testing.assert_array_equal(from_array[0], from_list[0])
    assert from_array[1] == from_list[1]

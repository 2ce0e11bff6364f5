"""Every layout of tests/fixtures/make_messy.py, read through ``pcgd check``: the
values used, the findings raised (code and cell), and rows that add up."""

from __future__ import annotations

import pytest
from messy_helpers import accounting_adds_up, findings, make_messy, run_check


def _preschool_inputs(report: dict) -> dict[str, tuple]:
    """commune code -> (attending, denominator) of preschool5 level 1."""
    out = {}
    for unit in report["results"]:
        if unit["unit_type"] != "commune":
            continue
        std = unit["standards"]["preschool5"]
        # [numerator, denominator, excluded], null where the data is missing
        attending = (std.get("indicators") or {}).get("attending") or [None, None]
        out[unit["code"]] = (std["status"], attending[0], attending[1])
    return out


@pytest.mark.parametrize("name", ["form_xlsx", "form_xls", "form_ods"])
def test_form_with_titles_merged_header_numbering_and_total_rows(messy, name):
    if name not in messy:
        pytest.skip(f"no writer installed for {name}")
    code, report, _, _ = run_check(messy[name])
    assert code == 0  # a total-row mismatch is a warning only
    values = _preschool_inputs(report)
    # "1.234" → 1234, "1 200" → 1200, 12.0 → 12, codes 3394 / "03395" / "3396" → 5 digits
    assert values == {"03394": ("met", 39, 39), "03395": ("met", 1200, 1234),
                      "03396": ("met", 12, 12)}
    # the "Cộng" row says 1250 children attend; the communes add up to 1251
    mismatch = [f for f in report["findings"] if f["code"] == "total_row_mismatch"]
    assert [(f["severity"], f["cell"], f["column"], f["value"]) for f in mismatch] == [
        ("warning", "F11", "age5_attending", "1250")]
    assert "1251" in mismatch[0]["message"]
    (summary,) = report["inputs"]
    # heading row + 3 communes + "Cộng" + empty row + signature line
    assert (summary["rows_read"], summary["rows_used"], summary["rows_total"],
            summary["rows_blank"], summary["rows_rejected"]) == (7, 3, 2, 2, 0)


def test_hidden_rows_are_read_and_noted_hidden_sheets_ignored(messy):
    _, report, _, _ = run_check(messy["form_xlsx"])
    notes = {f["code"]: f for f in report["findings"] if f["severity"] == "info"}
    assert notes["hidden_rows"]["value"] == "10"  # row 10 holds commune 03396, still used
    assert notes["hidden_sheet"]["sheet"] == "Nháp"
    assert "09999" not in _preschool_inputs(report)


def test_a_hidden_sheet_is_read_when_named(messy):
    _, report, _, _ = run_check(messy["form_xlsx"], "--sheet", "Nháp")
    assert set(_preschool_inputs(report)) == {"09999"}


def test_an_unknown_sheet_name_is_a_one_line_error(messy):
    code, _, stderr, _ = run_check(messy["form_xlsx"], "--sheet", "Không có")
    assert code == 2
    assert "Không có" in stderr and "Xa" in stderr and len(stderr.strip().splitlines()) == 1


def test_formula_with_cached_value_is_used_and_without_is_an_error(messy):
    # the "Cộng" row's G cell is =SUM(...) with 1198 cached: no mismatch reported for it
    _, report, _, _ = run_check(messy["form_xlsx"])
    assert not [f for f in report["findings"] if f["cell"] == "G11"]
    code, report, _, _ = run_check(messy["uncached"])
    assert code == 2
    assert ("formula_not_calculated", "C3") in findings(report, "error")
    values = _preschool_inputs(report)
    assert values["03395"][0] == "insufficient_data"  # never read as 0
    assert values["03394"] == ("met", 39, 40)


@pytest.mark.parametrize("name", ["utf8", "utf8_bom", "utf16", "cp1258", "nfd_headers"])
def test_csv_encodings_and_messy_headers(messy, name):
    code, report, _, _ = run_check(messy[name])
    assert code == 0, report["findings"]
    assert _preschool_inputs(report) == {"03394": ("met", 39, 39),
                                         "03395": ("met", 1200, 1234)}
    assert not findings(report, "error", "warning")
    names = {u["code"]: u["name"] for u in report["results"] if u["unit_type"] == "commune"}
    assert names["03395"] == "Xã Sơn Bình"  # NFC, whatever the encoding wrote


def test_every_bad_value_is_named_with_its_cell(messy):
    code, report, _, _ = run_check(messy["bad_values"])
    assert code == 2
    expected = [want for _, want in make_messy.BAD_ROWS if want]
    assert findings(report, "error") == expected
    values = _preschool_inputs(report)
    for commune in ("03394", "03395", "03396", "03397", "03398", "03399"):
        assert values[commune][0] == "insufficient_data", commune
    assert values["03400"] == ("met", 1234, 1234)
    (summary,) = report["inputs"]
    assert (summary["rows_read"], summary["rows_used"], summary["rows_rejected"]) == (9, 7, 2)


def test_cross_column_checks_from_the_rule_file_and_bad_year(messy):
    code, report, _, _ = run_check(messy["literacy"])
    assert code == 2
    assert findings(report, "error") == [("bad_year", "G3"), ("literacy_l2_above_l1", "D2")]
    literacy = {u["code"]: u["standards"]["literacy"] for u in report["results"]
                if u["unit_type"] == "commune"}
    # both 15-35 counts are in doubt: level 1 (15-35 literate) cannot be judged; level 2
    # (15-60) is judged on other columns, and literacy levels are independent
    assert literacy["03394"]["levels"]["1"]["status"] == "insufficient_data"
    # a row whose year is not a year is not judged as a period without one: rejected
    assert "03395" not in literacy
    assert report["inputs"][0]["rows_rejected"] == 1


def test_commune_under_two_districts_across_files(messy):
    code, report, _, _ = run_check(messy["district_a"], messy["district_b"])
    assert code == 2
    assert [f["code"] for f in report["findings"] if f["severity"] == "error"][:1] == [
        "commune_two_parents"]


def test_english_messages(messy):
    result = run_check(messy["bad_values"], "--lang", "en")[1]
    messages = {f["code"]: f["message"] for f in result["findings"]}
    # the column is named by its English label from the rule file, not by its key
    assert messages["negative_count"] == ("'5-year-olds - attending class': a count of people "
                                          "cannot be negative, found -3")


def test_rows_add_up_on_every_readable_fixture(messy):
    for name in ("form_xlsx", "form_xls", "form_ods", "uncached", "utf8", "utf16", "cp1258",
                 "nfd_headers", "bad_values", "literacy", "district_a"):
        if name not in messy:
            continue
        _, report, _, _ = run_check(messy[name])
        assert accounting_adds_up(report), name

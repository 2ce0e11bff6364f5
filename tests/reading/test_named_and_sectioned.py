"""Summary tables as offices keep them: communes by name, districts as section rows,
checked against the register of units (``--units``). Through ``pcgd check`` on real
files; the register is the sample's (real Lai Châu units, synthetic ĐBKK flags:
Bản Giang 03418 is ĐBKK, Tả Lèng 03400 and the townships are not)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from messy_helpers import accounting_adds_up, run_check

ROOT = Path(__file__).resolve().parents[2]
REGISTER = ROOT / "sample_data" / "lai_chau_register.csv"
HEAD = ["STT", "Tên đơn vị", "Trẻ 5 tuổi - Tổng số", "Trẻ 5 tuổi - Ra lớp",
        "Trẻ 5 tuổi - Hoàn thành chương trình GDMN"]
OK = [100, 98, 95]  # passes preschool5 everywhere
DBKK_ONLY = [100, 92, 95]  # 92 % attending: passes the ĐBKK threshold (90), not 95


def write(path: Path, rows: list[list[object]], head: list[str] = HEAD) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(head)
        writer.writerows(rows)
    return path


def units(report: dict, tier: str = "commune") -> dict[str, dict]:
    return {u["code"]: u for u in report["results"] if u["unit_type"] == tier}


def found(report: dict, code: str) -> list[dict]:
    return [f for f in report["findings"] if f["code"] == code]


def preschool(unit: dict) -> str:
    return unit["standards"]["preschool5"]["status"]


def total_of(*rows: list[object]) -> list[int]:
    return [sum(r[k] for r in rows) for k in range(3)]


def test_names_in_each_form_under_numbered_sections_with_subtotals(tmp_path):
    tam_duong = [OK, OK, OK, OK, DBKK_ONLY, DBKK_ONLY]
    muong_te = [OK, OK, OK]
    wrong = total_of(*muong_te)
    wrong[1] -= 1  # the subtotal says one child fewer than its communes add up to
    path = write(tmp_path / "tong_hop.csv", [
        ["I.", "Huyện Tam Đường"],
        [1, "Xã Thèn Sin", *tam_duong[0]],
        [2, "Giang Ma", *tam_duong[1]],  # the type dropped
        [3, "HỒ THẦU", *tam_duong[2]],  # upper case
        [4, unicodedata.normalize("NFD", " xã  tả   lèng "), *tam_duong[3]],  # NFD, spaces
        [5, "Bản Giang", *tam_duong[4]],  # ĐBKK in the register: 92 % is enough
        [6, "TT. Tam Đường", *tam_duong[5]],  # a township: 92 % is not
        ["", "Cộng", *total_of(*tam_duong)],
        ["II -", "Huyện Mường Tè"],
        [1, "Thị trấn Mường Tè", *muong_te[0]],
        [2, "Xã Mường Tè", *muong_te[1]],  # the type tells it from the township
        [3, "Thu Lũm", *muong_te[2]],
        ["", "Cộng huyện Mường Tè", *wrong],
        ["", "Tổng cộng", *total_of(*tam_duong, *muong_te)],
    ])
    code, report, stderr, _ = run_check(path, "--units", REGISTER)
    assert code == 0, stderr
    communes = units(report)
    assert set(communes) == {"03394", "03405", "03406", "03400", "03418", "03390",
                             "03433", "03445", "03436"}
    assert communes["03400"]["name"] == "Xã Tả Lèng"  # as the register writes it
    assert communes["03418"]["disadvantaged"] is True
    assert preschool(communes["03418"]) == "met"
    assert preschool(communes["03390"]) == "not_met"
    assert {c["parent_code"] for k, c in communes.items() if k.startswith("034")} >= {"106"}
    assert communes["03445"]["parent_code"] == "107"
    districts = units(report, "district")
    assert {k: d["name"] for k, d in districts.items()} == {
        "106": "Huyện Tam Đường", "107": "Huyện Mường Tè"}
    assert units(report, "province")["12"]["name"] == "Tỉnh Lai Châu"
    assert report["run"]["provisional"] is False  # three tiers, not a two-tier province
    (mismatch,) = found(report, "total_row_mismatch")
    assert (mismatch["cell"], mismatch["value"]) == ("D14", str(wrong[1]))
    assert str(wrong[1] + 1) in mismatch["message"]
    assert [f for f in report["findings"] if f["severity"] != "info"] == [mismatch]
    (summary,) = report["inputs"]
    # 9 communes; 2 section rows, 2 subtotals and the grand total are total rows
    assert (summary["rows_read"], summary["rows_used"], summary["rows_total"],
            summary["rows_blank"], summary["rows_rejected"]) == (14, 9, 5, 0, 0)
    assert accounting_adds_up(report)


def test_an_ambiguous_and_an_unknown_name_are_errors_naming_their_cells(tmp_path):
    path = write(tmp_path / "tong_hop.csv", [
        ["II", "Huyện Mường Tè"],
        [1, "Mường Tè", *OK],  # the township or the commune?
        [2, "Xa Thu Lum", *OK],  # no accents: not a match, but the suggestion
        [3, "Ka Lăng", *OK],
        ["", "Cộng", *total_of(OK, OK, OK)],
        [],
        ["", "Người lập biểu"],  # a signature, not a commune
    ])
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 2
    (ambiguous,) = found(report, "commune_name_ambiguous")
    assert (ambiguous["severity"], ambiguous["cell"], ambiguous["value"]) == (
        "error", "B3", "Mường Tè")
    assert "Thị trấn Mường Tè (03433)" in ambiguous["message"]
    assert "Xã Mường Tè (03445)" in ambiguous["message"]
    (unknown,) = found(report, "commune_name_unknown")
    assert (unknown["severity"], unknown["cell"], unknown["value"]) == (
        "error", "B4", "Xa Thu Lum")
    assert "Xã Thu Lũm" in unknown["suggestion"]
    assert set(units(report)) == {"03439"}  # Ka Lăng is still judged
    # "Cộng" is right; the rows it adds up were rejected, and say so themselves
    assert not found(report, "total_row_mismatch")
    assert preschool(units(report)["03439"]) == "met"
    summary = report["inputs"][0]
    assert (summary["rows_used"], summary["rows_rejected"], summary["rows_blank"]) == (1, 2, 2)
    assert accounting_adds_up(report)
    en = run_check(path, "--units", REGISTER, "--lang", "en")[1]
    assert "names several units of the register" in found(en, "commune_name_ambiguous")[0][
        "message"]


def test_a_name_is_looked_up_in_its_section_s_district(tmp_path):
    path = write(tmp_path / "tong_hop.csv", [
        ["I", "Huyện Mường Tè"],
        [1, "Bản Giang", *OK],  # Bản Giang is in Tam Đường
        [2, "Ka Lăng", *OK],
    ])
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 2
    (unknown,) = found(report, "commune_name_unknown")
    assert "Xã Bản Giang (Huyện Tam Đường)" in unknown["suggestion"]


@pytest.mark.parametrize("numbering", ["1.", "I.", "II -", "", "1)"])
def test_sections_without_a_register_are_districts_named_by_their_rows(tmp_path, numbering):
    head = ["STT", "Mã xã", "Tên xã", *HEAD[2:]]
    one, two = [OK, DBKK_ONLY], [OK]
    wrong = total_of(*one)
    wrong[0] += 5
    path = write(tmp_path / "tong_hop.csv", [
        [numbering, "", "Huyện Một"],
        [1, "00001", "Xã A", *one[0]],
        [2, "00002", "Xã B", *one[1]],
        ["", "", "Cộng", *wrong],
        [numbering, "", "Thị xã Hai", *total_of(*two)],  # figures on the heading row
        [1, "00003", "Xã C", *two[0]],
        ["", "", "Cộng", *total_of(*two)],
    ], head)
    code, report, stderr, _ = run_check(path)
    assert code == 0, stderr
    communes = units(report)
    assert {k: c["parent_code"] for k, c in communes.items()} == {
        "00001": "Huyện Một", "00002": "Huyện Một", "00003": "Thị xã Hai"}
    assert report["run"]["provisional"] is False
    unknown = found(report, "district_code_unknown")
    column = "A" if numbering else "C"  # the cell where the heading's text starts
    assert [(f["severity"], f["cell"], f["value"]) for f in unknown] == [
        ("warning", f"{column}2", "Huyện Một"), ("warning", f"{column}6", "Thị xã Hai")]
    # the first "Cộng" covers Huyện Một only, and is the only total that is wrong
    (mismatch,) = found(report, "total_row_mismatch")
    assert (mismatch["cell"], mismatch["value"]) == ("D5", str(wrong[0]))
    summary = report["inputs"][0]
    assert (summary["rows_used"], summary["rows_total"]) == (3, 4)
    assert accounting_adds_up(report)


def test_a_heading_s_figures_are_checked_as_its_district_s_total(tmp_path):
    head = ["STT", "Mã xã", "Tên xã", *HEAD[2:]]
    heading = total_of(OK, OK)
    heading[2] += 1
    path = write(tmp_path / "tong_hop.csv", [
        ["I", "", "Huyện Tam Đường", *heading],
        [1, "03394", "Xã Thèn Sin", *OK],
        [2, "03400", "Xã Tả Lèng", *OK],
    ], head)
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0
    (mismatch,) = found(report, "total_row_mismatch")
    assert mismatch["cell"] == "F2"
    assert not found(report, "district_code_unknown")  # the register knows it
    assert units(report)["03394"]["parent_code"] == "106"


def test_the_register_s_dbkk_flags_replace_the_table_s_with_a_warning(tmp_path):
    head = ["Mã xã", "Tên xã", "Xã ĐBKK", *HEAD[2:]]
    path = write(tmp_path / "xa.csv", [
        ["03418", "Xã Bản Giang", "", *DBKK_ONLY],  # the register: ĐBKK
        ["03390", "Thị trấn Tam Đường", "x", *DBKK_ONLY],  # the register: not ĐBKK
        ["03394", "Xã Thèn Sin", "có", *DBKK_ONLY],  # agrees
    ], head)
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0
    differ = found(report, "disadvantaged_differs_from_register")
    assert [(f["severity"], f["cell"], f["unit"], f["value"]) for f in differ] == [
        ("warning", "C2", "03418", "0"), ("warning", "C3", "03390", "1")]
    assert "(lai_chau_register.csv, dòng 17) ghi ĐBKK = 1" in differ[0]["message"]
    communes = units(report)
    assert [communes[k]["disadvantaged"] for k in ("03418", "03390", "03394")] == [
        True, False, True]
    assert [preschool(communes[k]) for k in ("03418", "03390", "03394")] == [
        "met", "not_met", "met"]
    # with the register, the table's districts come from it: three tiers
    assert units(report)["03418"]["parent_code"] == "106"


def test_a_flag_column_left_blank_everywhere_leaves_the_register_s_flags(tmp_path):
    head = ["Mã xã", "Xã ĐBKK", *HEAD[2:]]
    path = write(tmp_path / "xa.csv", [["03418", "", *DBKK_ONLY],
                                       ["03400", "", *DBKK_ONLY]], head)
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0 and not found(report, "disadvantaged_differs_from_register")
    assert [units(report)[k]["disadvantaged"] for k in ("03418", "03400")] == [True, False]


def test_codes_win_over_names_and_over_sections(tmp_path):
    head = ["STT", "Mã xã", "Tên xã", *HEAD[2:]]
    path = write(tmp_path / "xa.csv", [
        ["I", "", "Huyện Mường Tè"],
        [1, "03394", "Xã Tả Lèng", *OK],  # Thèn Sin's code, Tả Lèng's name, wrong district
        [2, "99999", "Xã Mới", *OK],  # a code the register does not have
        [3, "", "Thu Lũm", *OK],  # no code: found by name
    ], head)
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0
    (name,) = found(report, "commune_name_differs")
    assert (name["cell"], name["unit"]) == ("C3", "03394")
    assert "là Xã Thèn Sin trong danh mục" in name["message"]
    (district,) = found(report, "district_differs_from_register")
    assert (district["cell"], district["unit"], district["value"]) == (
        "A2", "03394", "107 Huyện Mường Tè")
    assert "106 Huyện Tam Đường" in district["message"]
    (unknown,) = found(report, "unit_not_in_register")
    assert (unknown["cell"], unknown["value"]) == ("B4", "99999")
    communes = units(report)
    assert {k: c["parent_code"] for k, c in communes.items()} == {
        "03394": "106", "99999": "107", "03436": "107"}


def test_an_unknown_district_heading_is_said_and_the_register_places_its_communes(tmp_path):
    path = write(tmp_path / "xa.csv", [["I", "Huyện Tam Dường"], [1, "Bản Giang", *OK]])
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0
    (heading,) = found(report, "district_not_in_register")
    assert heading["cell"] == "A2" and "Huyện Tam Đường" in heading["suggestion"]
    assert units(report)["03418"]["parent_code"] == "106"


def test_a_table_of_names_needs_the_register(tmp_path):
    path = write(tmp_path / "xa.csv", [[1, "Xã Bản Giang", *OK]])
    code, _, stderr, _ = run_check(path)
    assert code == 2 and "tiêu đề" in stderr and "--units" in stderr
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0 and set(units(report)) == {"03418"}


def test_a_bad_register_stops_the_run_in_one_line(tmp_path):
    data = write(tmp_path / "xa.csv", [[1, "Xã Bản Giang", *OK]])
    register = tmp_path / "dm.csv"
    register.write_text("commune_code,commune\n03418,Xã Bản Giang\n03418,Xã Bản Hon\n",
                        encoding="utf-8")
    code, report, stderr, result = run_check(data, "--units", register)
    assert code == 2 and report is None
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "dòng 3" in lines[0] and str(register) in lines[0]
    assert "Traceback" not in result.output


def test_the_place_and_date_line_under_a_form_is_not_a_district(tmp_path):
    path = write(tmp_path / "xa.csv", [
        ["I", "Huyện Tam Đường"],
        [1, "Thèn Sin", *OK],
        [],
        ["", "Huyện Tam Đường, ngày 30 tháng 9 năm 2024"],
        ["", "Người lập biểu"],
    ])
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0
    assert [f for f in report["findings"] if f["severity"] != "info"] == []
    assert report["inputs"][0]["rows_blank"] == 3


def test_a_type_column_tells_apart_two_units_of_one_name(tmp_path):
    head = ["Tên xã", "Loại đơn vị", *HEAD[2:]]
    path = write(tmp_path / "xa.csv", [["Mường Tè", "Thị trấn", *OK],
                                       ["Mường Tè", "Xã", *OK]], head)
    code, report, _, _ = run_check(path, "--units", REGISTER)
    assert code == 0 and set(units(report)) == {"03433", "03445"}

"""The national system's entry workbook: headers by text, survey year, commune."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from person_support import count, make_register, person, write_entry_workbook

from pcgd_cli.errors import PcgdError
from pcgd_cli.persons.entry import survey_year_of

COMMUNES = [
    ("03394", "Xã Thèn Sin", "106", "Huyện Tam Đường"),
    ("03395", "Xã Tả Lèng", "106", "Huyện Tam Đường"),
    ("03400", "Xã Bản Hon", "106", "Huyện Tam Đường"),
    ("03401", "Xã Bản Hon", "107", "Huyện Tân Uyên"),  # the same name in another district
]


@pytest.fixture()
def register(tmp_path: Path):
    folder = tmp_path / "register"
    folder.mkdir()
    return make_register(folder, COMMUNES)


def test_group_headers_are_read_by_text(tmp_path: Path) -> None:
    people = [person(birth_year=2018, grade=1, disability_hearing_speech="X",
                     able_to_learn="X", birth_day=3, birth_month=4),
              person(given_name="B", birth_year=2013, graduated="TH")]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    result = count([path], commune="03394")
    row = result.counts.iloc[0]
    assert row["commune_code"] == "03394" and row["year"] == 2024
    assert row["age6_grade1"] == 1 and row["disabled_able_total"] == 1
    assert row["age11_completed"] == 1
    assert result.inputs[0].sheets == ["MauNhapLieu"]
    assert result.inputs[0].rows_read == 2 and result.persons == 2


def test_columns_found_by_text_not_position(tmp_path: Path) -> None:
    """Another copy of the form: title rows, columns in another order, one-row header."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    ws.append(["UBND XÃ THÈN SIN"])
    ws.append([2024])
    ws.append(["Năm sinh", "Tên", "Họ đệm", "Khối học", "Số phiếu", "Cột lạ"])
    ws.append([1, 2, 3, 4, 5, 6])  # the row of column numbers
    ws.append([2018, "An", "Lò Văn", 1, 7, "?"])
    path = tmp_path / "khac.xlsx"
    book.save(path)
    result = count([path], commune="03394")
    assert result.counts.iloc[0]["age6_grade1"] == 1
    assert result.persons == 1
    unknown = [f for f in result.findings if f.code == "person_unknown_column"]
    assert [(f.value, f.cell) for f in unknown] == [("Cột lạ", "F3")]


@pytest.mark.parametrize("cell,year", [
    ("Năm học 2024-2025", 2024), ("NĂM HỌC 2023 - 2024", 2023), (2024, 2024), ("2024", 2024),
    ("Năm điều tra: 2022", 2022), ("2024–2025", 2024),
])
def test_survey_year_cell(cell, year) -> None:
    assert survey_year_of([(1, 0, cell)]) == year


def test_a2_comes_first() -> None:
    assert survey_year_of([(0, 0, "Báo cáo năm 2023"), (1, 0, "Năm học 2024-2025")]) == 2024


def test_year_option_overrides_the_cell(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018, grade=1)])
    result = count([path], commune="03394", year=2025)
    row = result.counts.iloc[0]
    assert row["year"] == 2025 and row["age6_total"] == 0  # age 7 in 2025


def test_no_survey_year_is_an_error(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018)], year_cell=None)
    with pytest.raises(PcgdError, match="so.xlsx"):
        count([path], commune="03394")
    assert count([path], commune="03394", year=2024).counts.iloc[0]["age6_total"] == 1


def test_commune_from_title_with_register(tmp_path: Path, register) -> None:
    path = write_entry_workbook(tmp_path / "a.xlsx", [person(birth_year=2018)],
                                title="DANH SÁCH PHIẾU ĐIỀU TRA - XÃ THÈN SIN")
    result = count([path], register=register)
    assert result.counts["commune_code"].tolist() == ["03394"]
    assert result.counts.iloc[0]["district_code"] == "106"


def test_commune_from_file_name(tmp_path: Path, register) -> None:
    by_code = write_entry_workbook(tmp_path / "03395_sổ.xlsx", [person(birth_year=2018)])
    plain = write_entry_workbook(tmp_path / "Then_Sin.xlsx", [person(birth_year=2018)])
    typo = write_entry_workbook(tmp_path / "Tha_Sin.xlsx", [person(birth_year=2018)])
    assert count([by_code], register=register).counts["commune_code"].tolist() == ["03395"]
    assert count([plain], register=register).counts["commune_code"].tolist() == ["03394"]
    with pytest.raises(PcgdError, match="Tha_Sin.xlsx"):
        count([typo], register=register)


def test_ambiguous_commune_names_the_file(tmp_path: Path, register) -> None:
    path = write_entry_workbook(tmp_path / "Ban_Hon.xlsx", [person(birth_year=2018)])
    with pytest.raises(PcgdError, match="Ban_Hon.xlsx.*03400.*03401"):
        count([path], register=register)


def test_no_commune_without_register_or_option(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018)])
    with pytest.raises(PcgdError, match="--commune"):
        count([path])


def test_commune_option_must_be_a_code(tmp_path: Path, register) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018)])
    with pytest.raises(PcgdError):
        count([path], commune="Thèn Sin")
    with pytest.raises(PcgdError):
        count([path], commune="09999", register=register)
    assert count([path], commune="3394").counts["commune_code"].tolist() == ["03394"]


def test_workbook_without_a_person_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Mã xã", "Trẻ 6 tuổi - Tổng số"])
    book.save(tmp_path / "bang.xlsx")
    with pytest.raises(PcgdError, match="bang.xlsx"):
        count([tmp_path / "bang.xlsx"], commune="03394")


def test_several_workbooks_one_per_commune(tmp_path: Path, register) -> None:
    a = write_entry_workbook(tmp_path / "03394.xlsx", [person(birth_year=2018, grade=1)])
    b = write_entry_workbook(tmp_path / "03395.xlsx", [person(birth_year=2018),
                                                       person(given_name="B", birth_year=2018)])
    result = count([a, b], register=register)
    counts = result.counts.set_index("commune_code")
    assert counts.loc["03394", "age6_grade1"] == 1 and counts.loc["03395", "age6_total"] == 2
    assert [i.rows_read for i in result.inputs] == [1, 2]
    missing = [f for f in result.findings if f.code == "commune_without_persons"]
    assert sorted(f.unit for f in missing) == ["03400", "03401"]
    assert "03400" not in counts.index  # never counted as zero


def test_date_cells_and_text_years(tmp_path: Path) -> None:
    import datetime as dt

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Năm học 2024-2025"])
    ws.append(["Họ và tên", "Ngày sinh", "Khối học"])
    ws.append(["Lò Thị Mai", dt.datetime(2018, 5, 1), "1"])
    ws.append(["Lò Văn Nam", "01/06/2019", "5 tuổi"])
    book.save(tmp_path / "ngay.xlsx")
    row = count([tmp_path / "ngay.xlsx"], commune="03394").counts.iloc[0]
    assert row["age6_grade1"] == 1 and row["age5_attending"] == 1


def test_hidden_sheet_is_said_not_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Năm học 2024-2025"])
    ws.append(["Họ đệm", "Tên", "Năm sinh"])
    ws.append(["Lò Văn", "A", 2018])
    hidden = book.create_sheet("Cu")
    hidden.append(["Họ đệm", "Tên", "Năm sinh"])
    hidden.append(["Lò Văn", "B", 2018])
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "an.xlsx")
    result = count([tmp_path / "an.xlsx"], commune="03394")
    assert result.persons == 1
    assert any(f.code == "hidden_sheet" and f.value == "Cu" for f in result.findings)


def test_xls_entry_workbook(tmp_path: Path) -> None:
    """The old binary format, with its group headings merged (xlwt writes .xls)."""
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("MauNhapLieu")
    ws.write(0, 0, "DANH SÁCH")
    ws.write(1, 0, "Năm học 2024-2025")
    ws.write_merge(2, 3, 0, 0, "Họ đệm")
    ws.write_merge(2, 3, 1, 1, "Tên")
    ws.write_merge(2, 2, 2, 4, "Ngày sinh")
    for c, text in enumerate(("Ngày", "Tháng", "Năm"), 2):
        ws.write(3, c, text)
    ws.write_merge(2, 2, 5, 6, "Khuyết tật")
    ws.write(3, 5, "KT vận động")
    ws.write(3, 6, "KT nhìn")
    ws.write_merge(2, 3, 7, 7, "Khối học")
    ws.write(4, 0, "Lò Văn")
    ws.write(4, 1, "A")
    ws.write(4, 4, 2018)
    ws.write(4, 6, "X")
    ws.write(4, 7, 1)
    path = tmp_path / "so.xls"
    book.save(str(path))
    row = count([path], commune="03394").counts.iloc[0]
    assert (row["age6_total"], row["age6_excluded"], row["age6_grade1"]) == (1, 1, 0)

"""The register of units: loading it (CSV or workbook, keys or Vietnamese labels, every
bad line named) and finding its communes by the names people type."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import xlsxwriter

from pcgd_cli.errors import PcgdError
from pcgd_cli.units import load_register

ROOT = Path(__file__).resolve().parents[2]
REGISTER = ROOT / "sample_data" / "lai_chau_register.csv"


@pytest.fixture(scope="module")
def lai_chau():
    return load_register(REGISTER)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_register_has_lai_chau_s_units(lai_chau):
    assert len(lai_chau.units) == 106 and len(lai_chau.districts()) == 8
    unit = lai_chau.by_code("03418")
    assert (unit.commune, unit.commune_type, unit.district_code, unit.district) == (
        "Xã Bản Giang", "Xã", "106", "Huyện Tam Đường")
    assert unit.line == 17  # the header is line 1
    assert [u.commune_code for u in lai_chau.communes_of("105")][:2] == ["03386", "03387"]
    assert lai_chau.by_code("99999") is None
    assert lai_chau.by_code(3418) is unit and lai_chau.by_code("3418.0") is unit


@pytest.mark.parametrize("typed", [
    "Xã Bản Giang", "Bản Giang", "BẢN GIANG", "bản giang", "  Xã   Bản  Giang ",
    unicodedata.normalize("NFD", "Xã Bản Giang"), unicodedata.normalize("NFD", "BẢN GIANG"),
    "X. Bản Giang", "Bản Giang.",
])
def test_a_name_in_each_form_people_type_it(lai_chau, typed):
    match = lai_chau.match_name(typed)
    assert match.unit is not None and match.unit.commune_code == "03418", match


@pytest.mark.parametrize("typed, code", [
    ("Pa Khóa", "03527"),  # the register writes "Khoá": the tone mark placed the old way
    ("TT. Mường Tè", "03433"), ("Thị trấn Mường Tè", "03433"), ("Xã Mường Tè", "03445"),
    ("P. Tân Phong", "03387"), ("phường tân phong", "03387"),
])
def test_tone_placement_and_abbreviated_types(lai_chau, typed, code):
    assert lai_chau.match_name(typed).unit.commune_code == code


def test_a_name_two_units_share_is_ambiguous_unless_the_type_decides(lai_chau):
    match = lai_chau.match_name("Mường Tè")
    assert match.unit is None and match.ambiguous
    assert sorted(u.commune_code for u in match.candidates) == ["03433", "03445"]
    # the district does not decide here: both are in Mường Tè district
    assert lai_chau.match_name("Mường Tè", district_code="107").ambiguous


def test_accents_are_kept_for_matching_and_dropped_for_suggestions(lai_chau):
    match = lai_chau.match_name("xa ban giang")
    assert match.unit is None and not match.candidates
    assert match.closest == ("Xã Bản Giang",)
    near = lai_chau.match_name("Bản Giangg")
    assert near.unit is None and "Xã Bản Giang" in near.closest


def test_a_name_outside_the_district_given_is_not_matched_and_says_where_it_is(lai_chau):
    match = lai_chau.match_name("Bản Giang", district_code="107")
    assert match.unit is None
    assert match.closest[0] == "Xã Bản Giang (Huyện Tam Đường)"
    assert lai_chau.match_name("Bản Giang", district_code="106").unit.commune_code == "03418"


def test_a_type_that_disagrees_is_no_match(lai_chau):
    match = lai_chau.match_name("Phường Bản Giang")
    assert match.unit is None and "Xã Bản Giang" in " ".join(match.closest)


def test_an_unknown_name_with_nothing_close(lai_chau):
    match = lai_chau.match_name("Người lập biểu")
    assert (match.unit, match.candidates, match.closest) == (None, (), ())


@pytest.mark.parametrize("typed", ["Huyện Tam Đường", "HUYỆN TAM ĐƯỜNG", "Tam Đường",
                                   "huyện  tam đường"])
def test_districts_by_name(lai_chau, typed):
    assert lai_chau.match_district(typed).district.district_code == "106"


def test_a_city_by_its_abbreviation_and_an_unknown_district(lai_chau):
    assert lai_chau.match_district("TP Lai Châu").district.district_code == "105"
    unknown = lai_chau.match_district("Huyen Tam Duong")
    assert unknown.district is None and unknown.closest == ("Huyện Tam Đường",)


def test_vietnamese_labels_a_title_row_and_flags_as_offices_write_them(tmp_path):
    path = write(tmp_path / "dm.csv",
                 "DANH MỤC ĐƠN VỊ HÀNH CHÍNH\n"
                 "Mã huyện,Huyện,Mã xã,Tên xã,Loại đơn vị,Xã ĐBKK\n"
                 "106,Huyện Tam Đường,3390,Tam Đường,Thị trấn,\n"
                 "106,Huyện Tam Đường,03394,Thèn Sin,xã,x\n"
                 "\n"
                 "106,huyện Tam Đường,3400,Xã Tả Lèng,,có\n")
    register = load_register(path)
    units = {u.commune_code: u for u in register.units}
    assert list(units) == ["03390", "03394", "03400"]
    assert [u.disadvantaged for u in units.values()] == [False, True, True]
    assert [u.commune_type for u in units.values()] == ["Thị trấn", "Xã", "Xã"]  # from the name
    assert units["03400"].line == 6
    assert register.match_name("Thị trấn Tam Đường").unit.commune_code == "03390"
    assert register.match_name("Xã Thèn Sin").unit.commune_code == "03394"
    assert units["03390"].label == "Thị trấn Tam Đường"


def test_a_register_without_a_flag_column_says_none(tmp_path):
    path = write(tmp_path / "dm.csv", "commune_code,commune\n03394,Xã Thèn Sin\n")
    register = load_register(path)
    assert register.units[0].disadvantaged is None and not register.has_flags
    assert not register.has_districts  # a two-tier register


def test_a_workbook_register(tmp_path):
    path = tmp_path / "dm.xlsx"
    with xlsxwriter.Workbook(path) as book:
        ws = book.add_worksheet("Danh mục")
        ws.write_row(0, 0, ["Mã xã", "Xã", "ĐBKK"])
        ws.write_row(1, 0, [3394, "Xã Thèn Sin", 1])
        ws.write_row(2, 0, ["03400", "Xã Tả Lèng", 0])
    register = load_register(path)
    assert [(u.commune_code, u.disadvantaged, u.line) for u in register.units] == [
        ("03394", True, 2), ("03400", False, 3)]


def test_every_bad_line_is_named_at_once(tmp_path):
    path = write(tmp_path / "dm.csv",
                 "district_code,district,commune_code,commune,commune_type,disadvantaged\n"
                 "106,Huyện Tam Đường,03394,Xã Thèn Sin,Xã,x\n"
                 "106,Huyện Tam Đường,03394,Xã Tả Lèng,Xã,\n"
                 "106,Huyện Tam Đường,,Xã Giang Ma,Xã,\n"
                 "106,Huyện Tam Đường,03406,Xã Hồ Thầu,Làng,\n"
                 "106,Huyện Tam Đường,03412,Xã Bình Lư,Xã,có lẽ\n"
                 "106,Huyện Tam Dương,03413,Xã Sơn Bình,Xã,\n"
                 ",,03415,,Xã,\n")
    with pytest.raises(PcgdError) as caught:
        load_register(path)
    message = caught.value.message
    assert str(path) in message
    for said in ("dòng 3: mã xã 03394 đã có ở dòng 2", "dòng 4: thiếu mã xã",
                 "dòng 5: loại đơn vị 'Làng'", "dòng 6: ô ĐBKK 'có lẽ'",
                 "dòng 7: huyện 106 ghi là 'Huyện Tam Dương'"):
        assert said in message, said
    assert "và 2 lỗi khác" in message  # line 8: no district code, no name


def test_the_same_mistakes_in_english(tmp_path):
    path = write(tmp_path / "dm.csv", "commune_code,commune\nabc,Xã A\n")
    with pytest.raises(PcgdError) as caught:
        load_register(path, "en")
    assert "line 2: commune code 'abc' is not a number" in caught.value.message


@pytest.mark.parametrize("text, said", [
    ("district_code,district\n105,Huyện A\n", "không có dòng tiêu đề với cột mã xã"),
    ("commune_code,district_code\n03394,106\n", "không có cột tên xã"),
    ("commune_code,commune,district\n03394,Xã A,Huyện B\n", "không có cột mã huyện"),
    ("commune_code,commune\n\n", "không có xã nào"),
])
def test_a_register_that_cannot_be_used_is_refused(tmp_path, text, said):
    with pytest.raises(PcgdError) as caught:
        load_register(write(tmp_path / "dm.csv", text))
    assert said in caught.value.message and caught.value.hint


def test_the_sample_register_s_flags_are_the_sample_data_s(lai_chau):
    """The synthetic ĐBKK flags of the register are those of lai_chau_2024.xlsx."""
    from pcgd_cli.reading import read_file

    (sheet,) = read_file(ROOT / "sample_data" / "lai_chau_2024.xlsx")
    header = sheet.rows[0]
    code, flag = header.index("Mã xã"), header.index("Xã ĐBKK")
    flags = {row[code]: bool(row[flag]) for row in sheet.rows[1:]}
    assert flags == {u.commune_code: u.disadvantaged for u in lai_chau.units}
    assert sum(flags.values()) == 56

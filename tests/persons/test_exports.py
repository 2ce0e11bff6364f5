"""Multi-commune exports: CSV and Parquet, headers as keys or labels, the register."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from person_support import count, make_register, write_export_csv

from pcgd_cli.errors import PcgdError

PEOPLE = [
    {"commune_code": "03394", "district_code": "106", "province_code": "12", "village": "Bản A",
     "year": "2024-2025", "household": "1", "family_name": "Lò Văn", "given_name": "A",
     "birth_year": "2018", "grade": "1"},
    {"commune_code": "03394", "district_code": "106", "province_code": "12", "village": "Bản B",
     "year": "2024-2025", "household": "2", "family_name": "Lò Thị", "given_name": "B",
     "birth_year": "2018", "grade": ""},
    {"commune_code": "3395", "district_code": "106", "province_code": "12", "village": "Bản C",
     "year": "2024", "household": "1", "family_name": "Tao Văn", "given_name": "C",
     "birth_year": "2013", "grade": "6"},
]
LABELS = {"commune_code": "Mã xã", "year": "Năm học", "household": "Số phiếu",
          "family_name": "Họ đệm", "given_name": "Tên", "birth_year": "Năm sinh",
          "grade": "Khối học", "village": "Thôn/bản", "district_code": "Mã huyện",
          "province_code": "Mã tỉnh"}


def _check(result) -> None:
    counts = result.counts.set_index("commune_code")
    assert list(counts.index) == ["03394", "03395"]  # the leading zero is restored
    assert counts.loc["03394", "age6_total"] == 2 and counts.loc["03394", "age6_grade1"] == 1
    assert counts.loc["03395", "age11_completed"] == 1
    assert counts.loc["03394", "district_code"] == "106"
    assert counts.loc["03394", "province_code"] == "12"
    assert set(result.counts["year"]) == {2024}


def test_csv_with_keys(tmp_path: Path) -> None:
    _check(count([write_export_csv(tmp_path / "x.csv", PEOPLE)]))


def test_csv_with_vietnamese_labels(tmp_path: Path) -> None:
    result = count([write_export_csv(tmp_path / "x.csv", PEOPLE, LABELS)])
    _check(result)
    assert not [f for f in result.findings if f.code == "person_unknown_column"]


def test_parquet(tmp_path: Path) -> None:
    frame = pd.DataFrame(PEOPLE)
    frame["birth_year"] = frame["birth_year"].astype(int)  # typed columns are fine too
    frame.to_parquet(tmp_path / "x.parquet")
    _check(count([tmp_path / "x.parquet"]))


def test_csv_finding_names_line_and_column(tmp_path: Path) -> None:
    people = [dict(PEOPLE[0]), {**PEOPLE[1], "birth_year": "?"}]
    result = count([write_export_csv(tmp_path / "x.csv", people)])
    f = next(f for f in result.findings if f.code == "person_no_birth_year")
    # header on line 1; birth_year is the 9th column of the export (I)
    assert (f.file, f.sheet, f.row, f.cell, f.value) == (str(tmp_path / "x.csv"), "x", 3,
                                                         "I3", "?")


def test_row_without_commune_is_an_error(tmp_path: Path) -> None:
    people = [dict(PEOPLE[0]), {**PEOPLE[1], "commune_code": ""}]
    result = count([write_export_csv(tmp_path / "x.csv", people)])
    assert [f.code for f in result.errors] == ["person_no_commune"]
    assert result.counts["commune_code"].tolist() == ["03394"]
    assert result.counts.iloc[0]["age6_total"] == 1
    assert int(result.accounting["rejected"].sum()) == 1


def test_register_unknown_and_missing_communes(tmp_path: Path) -> None:
    register = make_register(tmp_path, [("03394", "Xã Thèn Sin", "106", "Huyện Tam Đường"),
                                        ("03396", "Xã Sơn Bình", "106", "Huyện Tam Đường")])
    result = count([write_export_csv(tmp_path / "x.csv", PEOPLE)], register=register)
    assert result.counts["commune_code"].tolist() == ["03394"]
    unknown = [f for f in result.errors if f.code == "commune_not_in_register"]
    assert [(f.unit, f.params["rows"]) for f in unknown] == [("03395", "1")]
    missing = [f for f in result.findings if f.code == "commune_without_persons"]
    assert [f.unit for f in missing] == ["03396"]
    acc = result.accounting.set_index("commune_code")
    assert acc.loc["03395", "rejected"] == acc.loc["03395", "persons_read"] == 1
    assert acc.loc["03395", "counted"] == 0


def test_by_village(tmp_path: Path) -> None:
    result = count([write_export_csv(tmp_path / "x.csv", PEOPLE)], by_village=True)
    frame = result.counts
    assert list(frame.columns[:3]) == ["commune_code", "year", "village"]
    assert len(frame) == 3
    assert frame.set_index("village").loc["Bản A", "age6_grade1"] == 1


def test_year_option_overrides_the_column(tmp_path: Path) -> None:
    result = count([write_export_csv(tmp_path / "x.csv", PEOPLE)], year=2025)
    assert set(result.counts["year"]) == {2025}


def test_export_without_year_needs_the_option(tmp_path: Path) -> None:
    people = [{k: v for k, v in p.items() if k != "year"} for p in PEOPLE]
    path = write_export_csv(tmp_path / "x.csv", people)
    with pytest.raises(PcgdError, match="x.csv"):
        count([path])
    assert set(count([path], year=2024).counts["year"]) == {2024}


def test_nfd_text_is_read_as_nfc(tmp_path: Path) -> None:
    import unicodedata

    people = [{**PEOPLE[0], "moved": unicodedata.normalize("NFD", "Chuyển đi")}]
    result = count([write_export_csv(tmp_path / "x.csv", people)])
    assert result.accounting.iloc[0]["moved_out"] == 1


def test_unreadable_export_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    path.write_bytes(b"not parquet")
    with pytest.raises(PcgdError, match="x.parquet"):
        count([path])

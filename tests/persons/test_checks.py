"""Checks on person rows: each finding with its cell and the person's name, how the
row was then counted, and the row accounting adding up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from person_support import FIRST_DATA_ROW, KEYS, count, person, write_entry_workbook

from pcgd_cli.findings import cell_ref
from pcgd_cli.persons.count import ACCOUNTING
from pcgd_cli.report.finding_text import finding_message, finding_suggestion


def _cell(key: str, i: int) -> str:
    return cell_ref(FIRST_DATA_ROW - 1 + i, KEYS.index(key))


# (person's cells, code, severity, column named, counted as)
CHECK_CASES = [
    ({"birth_year": ""}, "person_no_birth_year", "error", "birth_year", None),
    ({"birth_year": "năm ngoái"}, "person_no_birth_year", "error", "birth_year", None),
    ({"birth_year": 2025}, "person_birth_year_out_of_range", "error", "birth_year", None),
    ({"birth_year": 1903}, "person_birth_year_out_of_range", "error", "birth_year", None),
    ({"birth_year": 2018, "grade": "mười"}, "person_bad_grade", "error", "grade", None),
    ({"birth_year": 2018, "grade": 13}, "person_bad_grade", "error", "grade", None),
    ({"birth_year": 2018, "grade": "6 tuổi"}, "person_bad_grade", "error", "grade", None),
    # a class without a leading number beside a blank grade: the class cell is named
    ({"birth_year": 2018, "class": "A1"}, "person_bad_grade", "error", "class", None),
    ({"birth_year": 2013, "grade": 5, "graduated": "TH"}, "person_diploma_above_grade",
     "warning", "graduated", {"age11_in_primary": 1, "age11_completed": 1}),
    ({"birth_year": 2015, "graduated": "THCS"}, "person_level_too_high_for_age", "warning",
     "graduated", {"age15_18_total": 0}),
    ({"birth_year": 2016, "grade": 9}, "person_grade_far_from_age", "warning", "grade",
     {"age11_total": 0}),
    ({"birth_year": 2008, "grade": 1}, "person_grade_far_from_age", "warning", "grade",
     {"age15_18_total": 1}),
    ({"birth_year": 2008, "grade": 10, "relapsed": 1}, "person_relapse_in_school", "warning",
     "relapsed", {"age15_18_studying": 1, "age15_25_literate_l1": 0}),
    ({"birth_year": 2018, "grade": 1, "able_to_learn": "X"}, "person_able_without_disability",
     "warning", "able_to_learn", {"age6_grade1": 1, "disabled_able_total": 0}),
    ({"birth_year": 2000, "graduated": "Tú tài"}, "person_unknown_diploma", "warning",
     "graduated", {"age15_25_total": 1, "age15_25_literate_l1": 0}),
    ({"birth_year": 2000, "relapsed": 3}, "person_unknown_relapse", "warning",
     "relapsed", {"age15_25_total": 1}),
    ({"birth_year": 2018, "moved": "Đi làm ăn xa"}, "person_unknown_circumstance", "warning",
     "moved", {"age6_total": 2}),
]


@pytest.mark.parametrize("cells,code,severity,column,counted", CHECK_CASES,
                         ids=[f"{c[1]}:{c[0]}" for c in CHECK_CASES])
def test_check(tmp_path: Path, cells, code, severity, column, counted) -> None:
    # a clean person first, so the flagged one sits on the second data row
    people = [person(given_name="Sạch", birth_year=2018), person(given_name="Lỗi", **cells)]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    result = count([path], commune="03394")
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, [f.code for f in result.findings]
    f = found[0]
    assert (f.severity, f.sheet, f.cell, f.row, f.column) == (
        severity, "MauNhapLieu", _cell(column, 1), FIRST_DATA_ROW + 1, column)
    assert f.params["name"] == "Lò Văn Lỗi" and f.unit == "03394"
    assert f.value == str(cells.get(column, ""))
    vi, en = finding_message(f, "vi"), finding_message(f, "en")
    assert "Lò Văn Lỗi" in vi and "Lò Văn Lỗi" in en
    assert vi != en and finding_suggestion(f, "en")
    accounting = result.accounting.iloc[0]
    if severity == "error":
        assert accounting["rejected"] == 1 and accounting["counted"] == 1
        # the rejected person may be 6: the clean person alone is not the cohort's count
        assert pd.isna(result.counts.iloc[0]["age6_total"])
    else:
        assert accounting["rejected"] == 0 and accounting["counted"] == 2
        row = result.counts.iloc[0]
        for key, value in counted.items():
            assert row[key] == value, key


def test_duplicate_person_keeps_the_first(tmp_path: Path) -> None:
    twin = dict(birth_year=2018, birth_day=1, birth_month=2, grade=1, household="7")
    people = [person(**twin), person(given_name="B", birth_year=2018), person(**twin),
              person(**{**twin, "household": "8"})]  # another household: another person
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    result = count([path], commune="03394")
    dup = [f for f in result.findings if f.code == "person_duplicate"]
    assert [(f.cell, f.row) for f in dup] == [(_cell("given_name", 2), FIRST_DATA_ROW + 2)]
    assert dup[0].params["first_row"] == str(FIRST_DATA_ROW)
    assert result.counts.iloc[0]["age6_total"] == 3
    assert result.accounting.iloc[0]["rejected"] == 1


def test_households_restart_in_each_commune(tmp_path: Path) -> None:
    a = write_entry_workbook(tmp_path / "a.xlsx", [person(birth_year=2018)])
    b = write_entry_workbook(tmp_path / "b.xlsx", [person(birth_year=2018)])
    result = count([a], commune="03394")
    assert not result.errors
    both = count([a, b], commune="03394")  # the same commune twice: a duplicate
    assert [f.code for f in both.errors] == ["person_duplicate"]
    assert both.errors[0].params["first_where"] == "a.xlsx:MauNhapLieu"


def test_accounting_adds_up(tmp_path: Path) -> None:
    people = [person(given_name=str(i), **cells) for i, cells in enumerate([
        {"birth_year": 2018}, {"birth_year": 2018, "moved": "Chuyển đi"},
        {"birth_year": 1950, "moved": "Đã chết"}, {"birth_year": ""},
        {"birth_year": 2018, "disability_motor": "X"}, {"birth_year": 2018, "moved": "Chuyển đến"},
        {"birth_year": 2000, "residence": "Tạm trú"},
    ])]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    for options, away in (({}, 0), ({"residents": "permanent"}, 1)):
        acc = count([path], commune="03394", options=options).accounting.iloc[0]
        assert acc["persons_read"] == 7
        assert (acc["moved_out"], acc["deceased"], acc["rejected"]) == (1, 1, 1)
        assert acc["not_resident"] == away and acc["counted"] == 4 - away
        assert acc["excluded"] == 1
        assert acc["persons_read"] == sum(acc[k] for k in ACCOUNTING
                                          if k not in ("persons_read", "excluded"))


def test_findings_are_capped_but_all_counted(tmp_path: Path) -> None:
    people = [person(given_name=str(i), birth_year="") for i in range(7)]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    result = count([path], commune="03394", listed_per_code=3)
    listed = [f for f in result.findings if f.code == "person_no_birth_year"]
    assert len(listed) == 3 and result.check_totals["person_no_birth_year"] == 7
    cap = [f for f in result.findings if f.code == "persons_listed_cap"]
    assert cap[0].params == {"total": "7", "listed": "3", "rules_id": "household-2025"}
    assert result.accounting.iloc[0]["rejected"] == 7


@pytest.mark.parametrize("years,duplicates", [
    (["2023-2024", "2024-2025"], 0),  # a multi-year export: each person once a year
    (["2024-2025", "2024"], 1),  # the same year written two ways: the same person twice
    (["2024", "2024"], 1),
])
def test_duplicates_are_within_one_survey_year(tmp_path: Path, years, duplicates) -> None:
    from person_support import write_export_csv

    people = [person(commune_code="03394", year=y, birth_year=2013, grade=5) for y in years]
    result = count([write_export_csv(tmp_path / "x.csv", people)])
    assert [f.code for f in result.errors] == ["person_duplicate"] * duplicates
    assert result.accounting["rejected"].sum() == duplicates


# (birth year for N = 2024, diploma, said): usual ages TH 11, THCS 15, THPT 18;
# two years or more before the usual age is said
LEVEL_CASES = [
    (2015, "TH", True), (2014, "TH", False), (2013, "TH", False),
    (2011, "THCS", True), (2010, "THCS", False), (2015, "THCS", True),
    (2008, "THPT", True), (2007, "THPT", False), (2006, "THPT", False),
]


@pytest.mark.parametrize("birth,diploma,said", LEVEL_CASES)
def test_level_too_high_for_the_age(tmp_path: Path, birth, diploma, said) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx",
                                [person(birth_year=birth, graduated=diploma)])
    codes = [f.code for f in count([path], commune="03394").findings]
    assert ("person_level_too_high_for_age" in codes) is said


def test_a_grade_far_from_the_age(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2016, grade=9)])
    codes = [f.code for f in count([path], commune="03394").findings]
    assert "person_grade_far_from_age" in codes  # an 8-year-old in grade 9


# (grade or class now, diploma, said): a diploma of a level the pupil is still in
DIPLOMA_GRADE_CASES = [
    ({"grade": 5}, "TH", True), ({"grade": 6}, "TH", False), ({"grade": 1}, "TH", True),
    ({"class": "Lớp 5A"}, "TH", True), ({"grade": 5}, "THCS", True),
    ({"grade": 9}, "THCS", True), ({"grade": 10}, "THCS", False),
    ({"grade": 12}, "THPT", True), ({"grade": 1}, "MN", False),
    ({"grade": "5 tuổi"}, "TH", False), ({}, "THCS", False),
]


@pytest.mark.parametrize("cells,diploma,said", DIPLOMA_GRADE_CASES)
def test_diploma_above_the_grade_now(tmp_path: Path, cells, diploma, said) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx",
                                [person(birth_year=2005, graduated=diploma, **cells)])
    result = count([path], commune="03394")
    found = [f for f in result.findings if f.code == "person_diploma_above_grade"]
    assert bool(found) is said
    assert result.accounting.iloc[0]["counted"] == 1  # a warning: counted as recorded
    if said:
        assert found[0].params["name"] == "Lò Văn A" and found[0].value == diploma

"""The survey-year cell may hold a date (a date cell, or text "30/09/2024",
"2024-09-30"): it is read as the school year it falls in, which starts in August
(August–December → that year, January–July → the year before). A cell that tries to
say the year and cannot stays an error, naming its sheet and cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl
import pytest
from person_support import count, person, write_entry_workbook, write_export_csv

from pcgd_cli.errors import PcgdError
from pcgd_cli.persons import workbooks
from pcgd_cli.persons.entry import survey_year_of
from pcgd_cli.persons.expressions import school_year_sql

# (the cell's value, the survey year N)
CASES = [
    (dt.datetime(2024, 9, 30), 2024),
    (dt.date(2024, 8, 1), 2024),  # the first day of the school year
    (dt.date(2024, 7, 31), 2023),  # the last day of the one before
    (dt.date(2024, 12, 31), 2024),
    (dt.date(2025, 1, 1), 2024),
    ("30/09/2024", 2024),
    ("1/8/2024", 2024),
    ("31/07/2024", 2023),
    ("15/01/2025", 2024),
    ("30.09.2024", 2024),
    ("2024-09-30", 2024),
    ("2024-08-01", 2024),
    ("2025-07-31", 2024),
    ("2024-09-30 00:00:00", 2024),
    ("Ngày 30 tháng 9 năm 2024", 2024),
    ("ngày 15 tháng 01 năm 2025", 2024),
    ("Năm học 2024-2025, tính đến 30/09/2024", 2024),
    # what was read before stays read so
    ("Năm học 2024-2025", 2024), ("2024-2025", 2024), ("2024", 2024), (2024, 2024),
    ("Năm điều tra: 2022", 2022),
    # not a date, not a year
    ("31/02/2024", None), ("Ngày 31 tháng 2 năm 2024", None), ("Năm học 20xx", None),
    (45565, None),  # a date serial whose cell has no date format
]


@pytest.mark.parametrize("value,year", CASES)
def test_survey_year_cell(value, year) -> None:
    assert survey_year_of([(1, 0, value)]) == year


def _book(path: Path, a2: object) -> Path:
    write_entry_workbook(path, [person(given_name=path.stem, birth_year=2018, grade=1)],
                         year_cell=None)
    book = openpyxl.load_workbook(path)
    book.active["A2"] = a2  # openpyxl gives a date a date format: a date cell
    book.save(path)
    return path


@pytest.fixture(params=["here", "workers"])
def where(request, monkeypatch) -> str:
    if request.param == "here":
        monkeypatch.setattr(workbooks, "_can_fork", lambda: False)
    return request.param


@pytest.mark.parametrize("a2,year", [(dt.datetime(2024, 9, 30), 2024),
                                     (dt.datetime(2025, 3, 1), 2024),
                                     ("30/09/2024", 2024), ("2024-09-30", 2024),
                                     (dt.datetime(2024, 7, 31), 2023)])
def test_a_date_in_the_workbook(tmp_path: Path, where: str, a2, year: int) -> None:
    paths = [_book(tmp_path / f"so{i}.xlsx", a2) for i in range(2)]
    result = count(paths, commune="03394")
    assert [i.survey_year for i in result.inputs] == [year, year]
    row = result.counts.iloc[0]
    assert row["year"] == year
    assert row["age6_grade1"] == (2 if year == 2024 else 0)  # born 2018: 6 in 2024


@pytest.mark.parametrize("a2", ["31/02/2024", "Năm học 20xx", 45565])
def test_an_unreadable_year_cell_is_named(tmp_path: Path, where: str, a2) -> None:
    paths = [write_entry_workbook(tmp_path / "a.xlsx", [person(given_name="B",
                                                               birth_year=2018)]),
             _book(tmp_path / "so.xlsx", a2)]
    with pytest.raises(PcgdError) as raised:
        count(paths, commune="03394")
    error = raised.value
    assert error.key == "survey_year_unreadable"
    assert (error.params["sheet"], error.params["cell"]) == ("MauNhapLieu", "A2")
    assert "so.xlsx" in str(error) and str(a2) in str(error)
    assert "--year" in error.hint("en")
    assert count(paths, commune="03394", year=2024).counts.iloc[0]["age6_total"] == 2


def test_no_year_cell_at_all_is_the_error_it_was(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018)],
                                year_cell=None)
    with pytest.raises(PcgdError) as raised:
        count([path], commune="03394")
    assert raised.value.key == "no_survey_year"


# an export's year column, row by row: the same reading as the workbook's cell
# (a school year or a year as written; a date: August–December → its year,
# January–July → the year before)
EXPORT_YEARS = {
    "2024-2025": 2024, "2024": 2024, "Năm học 2024-2025": 2024,
    "30/09/2024": 2024, "01/08/2024": 2024, "31/07/2024": 2023, "15/01/2025": 2024,
    "2024-09-30": 2024, "2025-07-31": 2024, "2025-08-01": 2025,
    "2024-09-30 00:00:00": 2024, "30.09.2024": 2024,
}


@pytest.mark.parametrize("cell", list(EXPORT_YEARS))
def test_school_year_sql(cell: str) -> None:
    with duckdb.connect() as con:  # its own connection: the default one is shared
        got = con.execute(f"SELECT {school_year_sql('c')} FROM (SELECT ?::VARCHAR AS c)",
                          [cell]).fetchall()[0][0]
    assert got == EXPORT_YEARS[cell]


def test_dates_in_an_export_year_column(tmp_path: Path) -> None:
    rows = [{"commune_code": "03394", "year": cell, "household": str(i),
             "family_name": "Lò Văn", "given_name": f"A{i}", "birth_year": "2018"}
            for i, cell in enumerate(["30/09/2024", "15/01/2025", "2025-09-30"])]
    result = count([write_export_csv(tmp_path / "x.csv", rows)])
    by_year = result.counts.set_index("year")["age6_total"].to_dict()
    # 2018 births are 6 in school year 2024 (two persons), 7 in 2025 (none aged 6)
    assert by_year[2024] == 2 and by_year[2025] == 0

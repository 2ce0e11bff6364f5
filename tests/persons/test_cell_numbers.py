"""How a cell's text becomes a number, as a table of cases: the SQL of each way of
reading (year, number, leading number, end year) against the values it must give.
The fast paths (a plain number cast, a year at the start) give what the patterns give."""

from __future__ import annotations

import duckdb
import pytest

from pcgd_cli.persons.expressions import end_year_sql, number_sql

# cell -> (year, number, leading_number, end_year)
CASES = {
    "2024": (2024, 2024, 2024, 2024),
    "2024-2025": (2024, 2024, 2024, 2025),
    "2024 - 2025": (2024, 2024, 2024, 2025),
    # a school year's short form ends in the next year (boundaries: the century, a date)
    "2024/25": (2024, 2024, 2024, 2025),
    "2023-24": (2023, 2023, 2023, 2024),
    "2023 - 24": (2023, 2023, 2023, 2024),
    "1999-00": (1999, 1999, 1999, 2000),
    "2023-25": (2023, 2023, 2023, 2023),  # not one school year: the first year, as before
    "2024-06-15": (2024, 2024, 2024, 2024),  # a date, not a school year
    "06/2024": (2024, 6, 6, 2024),
    "năm học 2023-2024": (2023, 2023, None, 2024),
    "0999": (999, 999, 999, 999),
    "02024": (2024, 2024, 2024, 2024),  # a cast reads it whole
    "20245-2025": (2025, 20245, 20245, 2025),
    "12345": (None, 12345, 12345, None),
    "1234567": (None, 123456, 123456, None),
    "+2024": (2024, 2024, 2024, 2024),
    "1e03": (1000, 1000, 1000, 1000),  # DuckDB's cast reads an exponent
    "2024.5": (2024, 2024, 2024, 2024),
    "x2024y": (2024, 2024, None, 2024),
    "3B*!": (None, 3, 3, None),
    "5 tuổi": (None, 5, 5, None),
    "Lớp Mười": (None, None, None, None),
    "９９９９": (None, None, None, None),  # not ASCII digits
    "": (None, None, None, None),
    None: (None, None, None, None),
}


@pytest.fixture(scope="module")
def parsed() -> dict:
    con = duckdb.connect()
    con.execute("CREATE TABLE cells (c VARCHAR)")
    con.executemany("INSERT INTO cells VALUES (?)", [[c] for c in CASES])
    rows = con.execute(f"SELECT c, {number_sql('c', 'year')}, {number_sql('c', 'number')}, "
                       f"{number_sql('c', 'leading_number')}, {end_year_sql('c')} "
                       "FROM cells").fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


@pytest.mark.parametrize("cell", list(CASES), ids=[repr(c) for c in CASES])
def test_cell_number(parsed, cell) -> None:
    assert parsed[cell] == CASES[cell]

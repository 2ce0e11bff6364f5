"""A CSV or Parquet file handed to the counting must hold person rows: one with no
birth and no name column (a table of commune counts, a register) stops with an input
error naming it (exit 2, nothing written), as a workbook without a person table does,
instead of counting zeros."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from person_support import count, person, write_entry_workbook, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.errors import PcgdError

runner = CliRunner()
UNITS = {"commune_code": "03394", "year": "2024"}

# (the file's columns besides the units, whether it holds person rows)
CASES = [
    ({"age6_total": "3", "age6_grade1": "3"}, False),  # counts, as pcgd count writes them
    ({"commune": "Xã Thèn Sin", "district_code": "106"}, False),  # a register of units
    ({"household": "1", "grade": "1"}, False),  # no one in it is named or born
    ({"birth_year": "2018", "grade": "1"}, True),  # an export without names
    ({"Năm sinh": "2018"}, True),  # by its label
    ({"given_name": "A", "birth_year": "2018"}, True),
    ({"full_name": "Lò Văn A", "grade": "1"}, True),  # no birth year: each row an error
]


def _write(path: Path, columns: dict) -> Path:
    frame = pd.DataFrame([{**UNITS, **columns}])
    if path.suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("columns,persons", CASES)
def test_an_export_needs_a_birth_or_name_column(tmp_path: Path, suffix: str, columns: dict,
                                                persons: bool) -> None:
    path = _write(tmp_path / f"bang{suffix}", columns)
    if persons:
        assert count([path]).persons == 1
    else:
        with pytest.raises(PcgdError, match=f"bang{suffix}") as raised:
            count([path])
        assert raised.value.key == "export_no_person_columns"


@pytest.mark.parametrize("lang,words", [("vi", "không tìm thấy bảng phiếu điều tra"),
                                        ("en", "no household-survey table")])
def test_count_on_a_table_of_counts_stops_and_writes_nothing(tmp_path: Path, lang: str,
                                                             words: str) -> None:
    book = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018, grade=1)])
    counts = tmp_path / "so_lieu.csv"
    made = runner.invoke(app, ["count", str(book), "--commune", "03394", "-o", str(counts)])
    assert made.exit_code == 0, made.output
    out = tmp_path / "lai.xlsx"
    again = runner.invoke(app, ["count", str(counts), "-o", str(out), "--lang", lang])
    assert again.exit_code == 2
    assert words in again.stderr and "so_lieu.csv" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1 and "Traceback" not in again.output
    assert not out.exists()
    # pcgd check tells the same file by its headers: a table of counts, judged as one
    checked = runner.invoke(app, ["check", str(counts), "--format", "json"])
    assert checked.exit_code in (0, 1), checked.output


def test_a_person_export_beside_a_table_of_counts(tmp_path: Path) -> None:
    people = write_export_csv(tmp_path / "nguoi.csv", [
        {"commune_code": "03394", "year": "2024", "given_name": "A", "birth_year": "2018"}])
    table = _write(tmp_path / "bang.csv", {"age6_total": "1"})
    with pytest.raises(PcgdError, match="bang.csv"):
        count([people, table])

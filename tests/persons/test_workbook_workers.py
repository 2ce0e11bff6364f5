"""Several entry workbooks are read by worker processes: the same counts, findings and
errors as reading them one by one here, in the order of the files."""

from __future__ import annotations

from pathlib import Path

import pytest
from person_support import count, person, write_entry_workbook, write_export_csv

from pcgd_cli.errors import PcgdError
from pcgd_cli.persons import workbooks


def _books(tmp_path: Path) -> list[Path]:
    books = []
    for i in range(4):
        people = [person(given_name=f"B{i}P{j}", birth_year=2010 + j % 9, grade=1 + j % 5)
                  for j in range(30)]
        people[3 + i] = person(given_name=f"B{i}", birth_year="")  # no birth year
        people[10] = dict(people[9])  # a duplicate
        books.append(write_entry_workbook(tmp_path / f"so{i}.xlsx", people))
    return books


def _summary(result) -> tuple:
    return (result.counts.to_dict("records"), result.accounting.to_dict("records"),
            [(f.code, f.file, f.sheet, f.cell, f.row, f.value, f.params.get("first_row"))
             for f in result.findings])


def test_workers_give_what_one_process_gives(tmp_path: Path, monkeypatch) -> None:
    books = _books(tmp_path)
    export = write_export_csv(tmp_path / "x.csv", [
        {"commune_code": "03395", "year": "2024", "household": "1", "family_name": "Lò",
         "given_name": "A", "birth_year": ""}])
    inputs = [books[0], export, *books[1:]]
    parallel = count(inputs, commune="03394")
    assert [f.file for f in parallel.findings if f.code == "person_no_birth_year"] == [
        str(p) for p in inputs]  # in the order of the files
    monkeypatch.setattr(workbooks, "_can_fork", lambda: False)
    assert _summary(count(inputs, commune="03394")) == _summary(parallel)


def test_a_worker_error_names_its_file(tmp_path: Path) -> None:
    books = _books(tmp_path)
    books.insert(2, write_entry_workbook(tmp_path / "no_year.xlsx", [person(birth_year=2018)],
                                         year_cell=None))
    with pytest.raises(PcgdError, match="no_year.xlsx"):
        count(books, commune="03394")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(PcgdError, match="broken.xlsx"):
        count([*books[:2], broken, *books[3:]], commune="03394")


def test_no_folder_left_behind(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    books = _books(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    count(books, commune="03394")
    with pytest.raises(PcgdError):
        count([*books, tmp_path / "missing.xlsx"], commune="03394")
    assert list(scratch.iterdir()) == []

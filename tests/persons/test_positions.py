"""Where a finding points in a CSV export: rows are not numbered while the file is read
(so DuckDB reads it on every core); a record's line comes from its place in the input
order that person_values keeps. Checked against the lines written, on the ordered path
and on the numbered fallback (a plan that would not keep the order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from person_support import count, write_export_csv

from pcgd_cli.persons.store import PersonStore


def _people(n: int, bad: dict[int, dict]) -> list[dict]:
    """``n`` people of two communes; ``bad``: data row index (0-based) -> cells."""
    rows = []
    for i in range(n):
        rows.append({"commune_code": "03394" if i % 3 else "03395", "year": "2024-2025",
                     "household": str(i // 4 + 1), "family_name": "Lò Văn",
                     "given_name": f"N{i}", "birth_year": str(1950 + i % 70), **bad.get(i, {})})
    return rows


def _expected_line(i: int) -> int:
    return i + 2  # the header is line 1


def _where(result) -> list[tuple]:
    return [(f.code, f.row, f.cell, f.value, f.params.get("first_row"), f.params.get("name"))
            for f in result.findings if f.code.startswith("person_")]


@pytest.fixture
def csv_with_errors(tmp_path: Path) -> tuple[Path, int]:
    n = 3000
    bad = {0: {"birth_year": ""}, 1499: {"grade": "Lớp Mười"}, n - 1: {"birth_year": "x"}}
    people = _people(n, bad)
    people[2000] = {**people[1200]}  # line 1202 entered again on line 2002
    return write_export_csv(tmp_path / "x.csv", people), n


def test_csv_error_on_line_n_names_row_n(csv_with_errors) -> None:
    path, n = csv_with_errors
    found: dict[str, list] = {}
    for f in count([path]).findings:
        found.setdefault(f.code, []).append(f)
    # birth_year is the file's 6th column (F)
    assert [(f.row, f.cell) for f in found["person_no_birth_year"]] == [
        (_expected_line(0), f"F{_expected_line(0)}"),
        (_expected_line(n - 1), f"F{_expected_line(n - 1)}")]
    assert [f.row for f in found["person_bad_grade"]] == [_expected_line(1499)]
    [dup] = found["person_duplicate"]
    assert (dup.row, dup.params["first_row"], dup.params["name"]) == (
        _expected_line(2000), str(_expected_line(1200)), "Lò Văn N1200")


def test_numbered_fallback_gives_the_same(csv_with_errors, monkeypatch) -> None:
    path, _ = csv_with_errors
    ordered = count([path])
    monkeypatch.setattr(PersonStore, "_keeps_order", lambda self, statement: False)
    numbered = count([path])
    assert _where(numbered) == _where(ordered)
    assert numbered.counts.equals(ordered.counts)
    assert numbered.accounting.equals(ordered.accounting)


def test_two_exports_and_a_workbook_keep_their_rows(csv_with_errors, tmp_path: Path) -> None:
    from person_support import person, write_entry_workbook

    path, n = csv_with_errors
    other = write_export_csv(tmp_path / "y.csv", _people(10, {7: {"birth_year": ""}}))
    book = write_entry_workbook(tmp_path / "so.xlsx",
                                [person(birth_year=""), person(birth_year=2018)])
    result = count([other, path, book], commune="03394")
    rows = sorted((Path(f.file).name, f.row) for f in result.findings
                  if f.code == "person_no_birth_year")
    assert rows == [("so.xlsx", 5), ("x.csv", _expected_line(0)),
                    ("x.csv", _expected_line(n - 1)), ("y.csv", _expected_line(7))]


def _spy_numbering(monkeypatch) -> list[bool]:
    calls: list[bool] = []
    publish = PersonStore.publish

    def spy(self, numbered: bool = False) -> None:
        calls.append(numbered)
        publish(self, numbered)

    monkeypatch.setattr(PersonStore, "publish", spy)
    return calls


@pytest.mark.slow
def test_rows_of_a_large_csv_read_in_parallel(tmp_path: Path, monkeypatch) -> None:
    """Large enough (about 40 MB) for DuckDB to cut it into many pieces read at once."""
    n = 400_000
    bad_rows = [3, 77_777, 123_456, 250_001, n - 1]
    people = _people(n, {i: {"birth_year": ""} for i in bad_rows})
    for p in people:
        p["note"] = "ghi chú dài " * 5  # wider rows
    path = write_export_csv(tmp_path / "big.csv", people)
    assert path.stat().st_size > 32_000_000
    numbering = _spy_numbering(monkeypatch)
    result = count([path])
    assert numbering == [False]  # read on every core, rows left to the input order
    assert [f.row for f in result.findings if f.code == "person_no_birth_year"] == [
        _expected_line(i) for i in bad_rows]
    assert result.inputs[0].rows_read == n

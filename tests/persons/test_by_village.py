"""`pcgd count --by village`: a person whose village is not written is counted under a
blank village in every output (never "nan"), and a file without a village column
gets a warning."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from person_support import person, write_entry_workbook, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app

runner = CliRunner()


def _export(folder: Path) -> Path:
    base = {"commune_code": "03394", "year": 2024, "birth_year": 2018, "grade": 1}
    return write_export_csv(folder / "xuat.csv", [
        {**base, "household": "1", "given_name": "A", "village": "Bản A"},
        {**base, "household": "2", "given_name": "B", "village": ""},
        {**base, "household": "3", "given_name": "C", "village": "  "}])


def _count(*args: str):
    result = runner.invoke(app, ["count", *args, "--by", "village"])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("kind", ["terminal", "csv", "json", "xlsx", "csv file"])
def test_no_nan_village_anywhere(tmp_path: Path, kind: str) -> None:
    path = str(_export(tmp_path))
    if kind == "terminal":
        text = _count(path).stdout
        assert "nan" not in text.lower() and "Bản A" in text
        return
    if kind == "csv":
        lines = _count(path, "--format", "csv").stdout.splitlines()
        villages = [line.split(",")[2] for line in lines[1:]]
    elif kind == "json":
        counts = json.loads(_count(path, "--format", "json").stdout)["counts"]
        villages = [c["village"] for c in counts]
    elif kind == "xlsx":
        out = tmp_path / "c.xlsx"
        _count(path, "-o", str(out), "--quiet")
        sheet = openpyxl.load_workbook(out).worksheets[0]
        villages = [row[2].value or "" for row in sheet.iter_rows(min_row=2)]
    else:
        out = tmp_path / "c.csv"
        _count(path, "-o", str(out), "--quiet")
        lines = out.read_text(encoding="utf-8-sig").splitlines()
        villages = [line.split(",")[2] for line in lines[1:]]
    assert sorted(villages) == ["", "Bản A"]


@pytest.mark.parametrize("build,sheet", [
    (lambda d: write_export_csv(d / "xuat.csv", [
        {"commune_code": "03394", "year": 2024, "household": "1", "given_name": "A",
         "birth_year": 2018}]), "xuat"),
    (lambda d: write_entry_workbook(d / "so.xlsx", [person(birth_year=2018)]), "MauNhapLieu"),
])
def test_no_village_column_is_a_warning(tmp_path: Path, build, sheet: str) -> None:
    path = build(tmp_path)
    result = _count(str(path), "--commune", "03394", "--format", "json", "--lang", "en")
    found = [f for f in json.loads(result.stdout)["findings"]
             if f["code"] == "persons_no_village_column"]
    assert [(Path(f["file"]).name, f["sheet"], f["severity"]) for f in found] == [
        (path.name, sheet, "warning")]
    assert "no village column" in found[0]["message"]
    assert "no village column" in result.stderr


def test_a_village_column_gives_no_warning(tmp_path: Path) -> None:
    result = _count(str(_export(tmp_path)), "--format", "json")
    assert not [f for f in json.loads(result.stdout)["findings"]
                if f["code"] == "persons_no_village_column"]

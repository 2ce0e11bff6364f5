"""`pcgd count` through Typer's runner on files built in a temporary folder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml
from person_support import count, person, rules, write_entry_workbook, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.rules.loader import builtin_rule_ids

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "sample_data" / "lai_chau_units.csv"


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    people = [person(birth_year=2018, grade=1, graduated="MN"),
              person(given_name="B", birth_year=2019, grade="5 tuổi"),
              person(given_name="C", birth_year=2013, grade=6),
              person(given_name="D", birth_year=1990, graduated="THCS")]
    return write_entry_workbook(tmp_path / "03394_Then_Sin.xlsx", people)


def _run(*args: str):
    return runner.invoke(app, ["count", *args])


def test_table_on_stdout(book: Path) -> None:
    result = _run(str(book), "--commune", "03394")
    assert result.exit_code == 0, result.output
    assert "age6_grade1" in result.stdout and "Trẻ 6 tuổi - Vào lớp 1" in result.stdout
    assert "Traceback" not in result.output


def test_json_equals_the_library(book: Path) -> None:
    result = _run(str(book), "--commune", "03394", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    library = count([book], commune="03394")
    assert data["counts"] == json.loads(library.counts.to_json(orient="records"))
    assert data["rules"]["id"] == "household-2025"
    assert data["inputs"][0]["rows_read"] == 4 and len(data["inputs"][0]["sha256"]) == 64
    assert data["accounting"][0]["counted"] == 4


def test_csv_on_stdout(book: Path) -> None:
    result = _run(str(book), "--commune", "03394", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[:2] == ["commune_code", "year"]
    assert lines[0].split(",")[2:] == list(rules().counts)
    assert lines[1].startswith("03394,2024,")


def _declared_elsewhere() -> set[str]:
    keys = set()
    for kind in ("standards", "targets"):
        for path in builtin_rule_ids(kind).values():
            keys |= set((yaml.safe_load(path.read_text(encoding="utf-8")) or {})
                        .get("columns") or {})
    return keys


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_check_reads_the_output_back(book: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"so_lieu{suffix}"
    # --commune: the run is about that commune (without it, every commune of the
    # register would be written, the others with blank counts)
    assert _run(str(book), "--commune", "03394", "--units", str(UNITS), "-o", str(out),
                "--quiet").exit_code == 0
    checked = runner.invoke(app, ["check", str(out), "--format", "json",
                                  "--targets", "laichau-2030"])
    assert checked.exit_code in (0, 1), checked.output
    data = json.loads(checked.stdout)
    assert data["inputs"][0]["rows_read"] == 1
    assert [r["code"] for r in data["results"] if r["unit_type"] == "commune"] == ["03394"]
    not_read = {f["value"] for f in data["findings"]
                if f["code"] in ("unknown_column", "column_not_in_use")}
    declared = _declared_elsewhere()
    for key in rules().counts:
        if key in declared:
            assert key not in not_read, key
    assert not [f for f in data["findings"] if f["severity"] == "error"]


def test_xlsx_layout(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "so_lieu.xlsx"
    _run(str(book), "--commune", "03394", "-o", str(out), "--quiet")
    wb = openpyxl.load_workbook(out)
    data, labels = wb.worksheets
    header = [c.value for c in data[1]]
    assert header[:2] == ["commune_code", "year"] and "age6_grade1" in header
    assert data.cell(2, 1).value == "03394" and data.cell(2, 1).data_type == "s"
    assert data.cell(2, header.index("age6_grade1") + 1).value == 1
    label_of = {r[0].value: r[1].value for r in labels.iter_rows(min_row=2)}
    assert label_of["age6_grade1"] == "Trẻ 6 tuổi - Vào lớp 1"
    assert label_of["age11_14_completed"]  # from the counting rule file if nowhere else


def test_parquet_output(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "so_lieu.parquet"
    assert _run(str(book), "--commune", "03394", "-o", str(out), "--quiet").exit_code == 0
    frame = pd.read_parquet(out)
    assert frame["commune_code"].tolist() == ["03394"]
    assert frame["age6_grade1"].tolist() == [1] and str(frame["age6_grade1"].dtype) == "int64"


def test_errors_exit_2_and_still_write(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018),
                                                        person(given_name="B", birth_year="")])
    out = tmp_path / "so_lieu.csv"
    result = _run(str(path), "--commune", "03394", "-o", str(out))
    assert result.exit_code == 2
    assert out.exists() and "person_no_birth_year" not in result.stderr
    assert "Lò Văn B" in result.stderr and "MauNhapLieu!G6" in result.stderr
    english = _run(str(path), "--commune", "03394", "--lang", "en", "--quiet")
    assert "no readable year of birth" in english.stderr


def test_option_switch_from_the_command_line(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2018,
                                                              residence="Tạm trú")])
    for extra, total in (([], "1"), (["--option", "residents=permanent"], "0")):
        result = _run(str(path), "--commune", "03394", "--format", "json", *extra)
        assert str(json.loads(result.stdout)["counts"][0]["age6_total"]) == total


@pytest.mark.parametrize("args,words", [
    (["--option", "residents"], "residents"),
    (["--option", "colour=red"], "colour"),
    (["--option", "residents=everyone"], "everyone"),
    (["--by", "district"], "district"),
    (["-o", "x.txt"], "x.txt"),
    (["--rules-counting", "nope"], "nope"),
])
def test_usage_errors_are_one_line(book: Path, args, words) -> None:
    result = _run(str(book), "--commune", "03394", *args)
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "khong_co.xlsx"))
    assert result.exit_code == 2 and "khong_co.xlsx" in result.stderr


def test_show_sql_alone(tmp_path: Path) -> None:
    result = _run("--show-sql", "--by", "village", "--option", "excluded=every_disabled")
    assert result.exit_code == 0
    assert result.stdout.startswith("-- pcgd count") and "excluded=every_disabled" in result.stdout
    assert "GROUP BY commune_code, v_survey_year, village, _file" in result.stdout


def test_folder_with_exports(tmp_path: Path) -> None:
    folder = tmp_path / "xuat"
    folder.mkdir()
    people = [{"commune_code": "03394", "year": 2024, "household": "1", "given_name": "A",
               "birth_year": 2018}]
    write_export_csv(folder / "a.csv", people)
    pd.DataFrame([{**people[0], "commune_code": "03400"}]).to_parquet(folder / "b.parquet")
    result = _run(str(folder), "--format", "csv", "--units", str(UNITS))
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout), dtype={"commune_code": str})
    counted = frame[frame["age6_total"].notna()]
    assert counted["commune_code"].tolist() == ["03394", "03400"]
    assert len(frame) == 106  # every register commune: the others with blank counts
    assert "03386" in result.stderr  # a register commune without persons is said

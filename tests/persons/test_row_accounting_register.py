"""Row accounting adds up everywhere when rows name a commune the register does not
know: the files' (``inputs``), the communes' and the totals agree, and the error says
where that commune's rows start and how many there are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from person_support import write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app

runner = CliRunner()

REGISTER = ("province_code,province,district_code,district,commune_code,commune,"
            "commune_type,disadvantaged\n"
            "12,Tỉnh Lai Châu,106,Huyện Tam Đường,03394,Xã Thèn Sin,Xã,1\n"
            "12,Tỉnh Lai Châu,106,Huyện Tam Đường,03397,Xã Sơn Bình,Xã,0\n")


def _person(code: str, name: str, **extra) -> dict:
    return {"commune_code": code, "year": 2024, "household": "1", "family_name": "Lò Văn",
            "given_name": name, "birth_year": 2018, "grade": 1, **extra}


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    units = tmp_path / "reg.csv"
    units.write_text(REGISTER, encoding="utf-8")
    first = write_export_csv(tmp_path / "a.csv", [
        _person("03394", "A"), _person("99999", "B"), _person("", "C"),
        _person("99999", "D", moved="Chuyển đi")])
    second = write_export_csv(tmp_path / "b.csv", [
        _person("03397", "E"), _person("99999", "F"), _person("88888", "G")])
    return units, first, second


def _sums(rows: list[dict], key: str) -> int:
    return sum(int(r[key]) for r in rows)


def test_count_json_accounting_adds_up(files) -> None:
    units, first, second = files
    result = runner.invoke(app, ["count", str(first), str(second), "--units", str(units),
                                 "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    inputs, accounting = data["inputs"], data["accounting"]
    # per file: a.csv counts A only, b.csv E only; the unknown communes' rows are rejected
    assert [(i["rows_read"], i["rows_counted"]) for i in inputs] == [(4, 1), (3, 1)]
    assert _sums(inputs, "rows_counted") == _sums(accounting, "counted") == 2
    assert _sums(inputs, "rows_read") == _sums(accounting, "persons_read") == data["persons"]
    assert _sums(accounting, "rejected") == 5 and _sums(accounting, "moved_out") == 0
    for row in accounting:
        left = sum(row[k] for k in ("counted", "moved_out", "deceased", "not_resident",
                                    "rejected"))
        assert row["persons_read"] == left, row


@pytest.mark.parametrize("code,file,cell,rows", [
    ("99999", "a.csv", "A3", "3"),  # its first row is line 3 of a.csv; 3 rows in two files
    ("88888", "b.csv", "A4", "1"),
])
def test_unknown_commune_names_file_first_cell_and_rows(files, code, file, cell, rows) -> None:
    units, first, second = files
    result = runner.invoke(app, ["count", str(first), str(second), "--units", str(units),
                                 "--format", "json"])
    found = [f for f in json.loads(result.stdout)["findings"]
             if f["code"] == "commune_not_in_register" and f["unit"] == code]
    assert len(found) == 1
    f = found[0]
    assert (Path(f["file"]).name, f["cell"], f["column"], f["params"]["rows"]) == (
        file, cell, "commune_code", rows)
    assert f"{file}:{Path(file).stem}!{cell}" in result.stderr


def test_check_inputs_and_totals_agree(files) -> None:
    units, first, second = files
    result = runner.invoke(app, ["check", str(first), str(second), "--units", str(units),
                                 "--format", "json"])
    data = json.loads(result.stdout)
    totals = data["persons"]["totals"]
    assert _sums(data["inputs"], "rows_used") == totals["counted"] == 2
    assert _sums(data["inputs"], "rows_rejected") == totals["rejected"] == 5
    assert _sums(data["inputs"], "rows_read") == totals["persons_read"] == 7
    communes = [u["persons"] for u in data["results"]
                if u["unit_type"] == "commune" and u.get("persons")]
    assert _sums(communes, "counted") == totals["counted"]

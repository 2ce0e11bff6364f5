"""An export whose commune column holds names (no codes) is matched by name in the
register of units (the contract: "communes matched by code or by name"); a name it
does not know or knows twice is an error at its first cell. ``--commune`` given for
an export with its own commune column is said not to be used for it."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from person_support import write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app

runner = CliRunner()
REGISTER = ("province_code,province,district_code,district,commune_code,commune,commune_type\n"
            "12,Tỉnh Lai Châu,106,Huyện Tam Đường,03394,Thèn Sin,Xã\n"
            "12,Tỉnh Lai Châu,106,Huyện Tam Đường,03397,Sơn Bình,Xã\n"
            "12,Tỉnh Lai Châu,107,Huyện Mường Tè,03200,Mường Tè,Xã\n"
            "12,Tỉnh Lai Châu,107,Huyện Mường Tè,03199,Mường Tè,Thị trấn\n")


def _units(folder: Path) -> Path:
    path = folder / "reg.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def _rows(names: list[str]) -> list[dict]:
    return [{"year": 2024, "household": str(i), "family_name": "Lò Văn",
             "given_name": f"N{i}", "birth_year": 2018, "grade": 1, "commune": name}
            for i, name in enumerate(names)]


def _export(folder: Path, names: list[str], suffix: str = ".csv") -> Path:
    path = folder / f"xuat{suffix}"
    if suffix == ".csv":
        return write_export_csv(path, _rows(names), headers={"commune": "Tên xã"})
    pd.DataFrame(_rows(names)).astype(str).to_parquet(path)
    return path


def _json(*args: object):
    result = runner.invoke(app, ["count", *map(str, args), "--format", "json", "--lang", "en"])
    return result, json.loads(result.stdout)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("names,counted", [
    (["Xã Thèn Sin", "Thèn Sin", "THÈN SIN", "Xã Sơn Bình"], {"03394": 3, "03397": 1}),
    (["Thị trấn Mường Tè", "Xã Mường Tè"], {"03199": 1, "03200": 1}),  # the type tells
])
def test_names_are_matched_in_the_register(tmp_path: Path, suffix, names, counted) -> None:
    result, data = _json(_export(tmp_path, names, suffix), "--units", _units(tmp_path))
    assert result.exit_code == 0, result.output
    got = {c["commune_code"]: c["age6_total"] for c in data["counts"]
           if c["age6_total"] is not None}
    assert got == counted


@pytest.mark.parametrize("bad,code,row,rows", [
    ("Bình Lư", "person_commune_name_unknown", 3, "2"),  # lines 3 and 5 of the file
    ("Mường Tè", "person_commune_name_ambiguous", 3, "2"),  # a township and a commune
])
def test_unknown_or_ambiguous_names_are_errors_at_their_cell(tmp_path, bad, code, row,
                                                            rows) -> None:
    path = _export(tmp_path, ["Thèn Sin", bad, "Sơn Bình", bad])
    result, data = _json(path, "--units", _units(tmp_path))
    assert result.exit_code == 2
    found = [f for f in data["findings"] if f["code"] == code]
    assert len(found) == 1
    f = found[0]
    column = "ABCDEFGHIJ"[pd.read_csv(path, nrows=0).columns.get_loc("Tên xã")]
    assert (f["cell"], f["row"], f["value"], f["params"]["rows"]) == (f"{column}{row}", row,
                                                                      bad, rows)
    assert f"xuat!{column}{row}" in result.stderr
    acc = data["accounting"]
    assert sum(a["rejected"] for a in acc) == 2 and sum(a["counted"] for a in acc) == 2
    assert sum(a["persons_read"] for a in acc) == 4


def test_check_on_a_names_export(tmp_path: Path) -> None:
    path = _export(tmp_path, ["Thèn Sin", "Sơn Bình"])
    result = runner.invoke(app, ["check", str(path), "--units", str(_units(tmp_path)),
                                 "--format", "json"])
    data = json.loads(result.stdout)
    assert {u["code"] for u in data["results"] if u["unit_type"] == "commune"} >= {
        "03394", "03397"}
    assert data["persons"]["totals"]["counted"] == 2


@pytest.mark.parametrize("columns,said", [
    ({"commune_code": "03394"}, True),
    ({"commune": "Thèn Sin"}, True),
    ({}, False),  # no commune column: --commune is the file's commune
])
def test_commune_option_on_an_export(tmp_path: Path, columns, said) -> None:
    row = {"year": 2024, "household": "1", "given_name": "A", "birth_year": 2018, **columns}
    path = write_export_csv(tmp_path / "xuat.csv", [row])
    result, data = _json(path, "--commune", "03397", "--units", _units(tmp_path))
    found = [f for f in data["findings"] if f["code"] == "commune_option_unused"]
    assert len(found) == int(said)
    if said:
        assert found[0]["severity"] == "info" and Path(found[0]["file"]).name == "xuat.csv"
        assert "--commune 03397 is not used for this file" in found[0]["message"]
        assert [c["commune_code"] for c in data["counts"] if c["age6_total"]] == ["03394"]
    else:
        assert [c["commune_code"] for c in data["counts"]] == ["03397"]


@pytest.mark.parametrize("lang,words", [("vi", "cần danh mục đơn vị"),
                                        ("en", "register of units is needed")])
def test_names_without_a_register_is_a_usage_error(tmp_path: Path, lang, words) -> None:
    path = _export(tmp_path, ["Thèn Sin"])
    result = runner.invoke(app, ["count", str(path), "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "xuat.csv" in lines[0]

"""`pcgd count --units` writes what `pcgd check` needs to judge the counts later as it
judges the persons: names, codes, the ĐBKK flag, and a row of blank counts for each
register commune without person rows (never silently absent)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from person_support import write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app

runner = CliRunner()
HEAD = "province_code,province,district_code,district,commune_code,commune,commune_type"


def _register(folder: Path, flags: dict[str, str] | None) -> Path:
    """03394 Thèn Sin, 03397 Sơn Bình, 03400 Bình Lư; ``flags`` their ĐBKK cells (None:
    a register without the column)."""
    names = {"03394": "Xã Thèn Sin", "03397": "Xã Sơn Bình", "03400": "Xã Bình Lư"}
    lines = [HEAD + (",disadvantaged" if flags is not None else "")]
    for code, name in names.items():
        flag = f",{flags[code]}" if flags is not None else ""
        lines.append(f"12,Tỉnh Lai Châu,106,Huyện Tam Đường,{code},{name},Xã{flag}")
    path = folder / "reg.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _persons(folder: Path) -> Path:
    """Thèn Sin: 10 people of 20 who can read at level 1 and 15 of 20 at level 2 among the
    15-35 (ĐBKK and ordinary thresholds tell them apart); Sơn Bình: the same; Bình Lư:
    no person row."""
    people = []
    for code in ("03394", "03397"):
        for h in range(10):
            people.append({"commune_code": code, "year": 2024, "household": str(h),
                           "family_name": "Lò Văn", "given_name": f"A{h}",
                           "birth_year": 2004, "graduated": "THCS"})
            people.append({"commune_code": code, "year": 2024, "household": str(h),
                           "family_name": "Lò Thị", "given_name": f"B{h}",
                           "birth_year": 1994, "graduated": "TH" if h >= 5 else None})
    return write_export_csv(folder / "xuat.csv", people)


def _verdicts(report: dict) -> dict:
    return {(u["unit_type"], u["code"], u.get("name"), u.get("disadvantaged")):
            {sid: (s["status"], s["level"]) for sid, s in u["standards"].items()}
            for u in report["results"]}


def _check(*args: object) -> dict:
    result = runner.invoke(app, ["check", *map(str, args), "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("flags", [
    {"03394": "1", "03397": "0", "03400": "0"},
    {"03394": "0", "03397": "1", "03400": "1"},
])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".parquet"])
def test_count_then_check_gives_the_verdicts_of_check(tmp_path: Path, flags, suffix) -> None:
    units, persons = _register(tmp_path, flags), _persons(tmp_path)
    out = tmp_path / f"counts{suffix}"
    made = runner.invoke(app, ["count", str(persons), "--units", str(units), "-o", str(out),
                               "--quiet"])
    assert made.exit_code == 0, made.output
    direct = _verdicts(_check(persons, "--units", units))
    later = _verdicts(_check(out))  # no register: the counts carry what it said
    assert later == direct
    communes = {k[1]: k[3] for k in direct if k[0] == "commune"}
    assert communes == {c: f == "1" for c, f in flags.items()}
    # the thresholds differ by the flag: the ĐBKK commune is judged on its own
    literacy = {k[1]: v["literacy"] for k, v in direct.items() if k[0] == "commune"}
    assert literacy["03394"] != literacy["03397"]
    assert literacy["03400"] == ("insufficient_data", None)


def _csv(*args: str) -> pd.DataFrame:
    result = runner.invoke(app, ["count", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)


def test_columns_names_flags_and_blank_rows(tmp_path: Path) -> None:
    units, persons = _register(tmp_path, {"03394": "x", "03397": "", "03400": "1"}), \
        _persons(tmp_path)
    frame = _csv(str(persons), "--units", str(units))
    assert list(frame.columns[:10]) == [
        "commune_code", "year", "commune", "commune_type", "district_code", "district",
        "province_code", "province", "disadvantaged", "age3_5_total"]
    rows = frame.set_index("commune_code")
    assert rows["disadvantaged"].to_dict() == {"03394": "1", "03397": "0", "03400": "1"}
    assert rows.loc["03400", "commune"] == "Xã Bình Lư"
    assert rows.loc["03400", "district"] == "Huyện Tam Đường"
    assert rows.loc["03400", "year"] == "2024"
    assert rows.loc["03400", "age15_35_total"] == "" and rows.loc["03394", "age15_35_total"] \
        == "20"


@pytest.mark.parametrize("commune,expected", [
    ("03394", ["03394"]),
    ("03400", ["03400"]),  # the commune asked for has no row: there, with blank counts
])
def test_commune_restricts_the_rows(tmp_path: Path, commune, expected) -> None:
    units, persons = _register(tmp_path, None), _persons(tmp_path)
    frame = _csv(str(persons), "--units", str(units), "--commune", commune)
    written = frame[frame["commune_code"].isin(expected)]
    assert "disadvantaged" not in frame  # the register does not say: not written blank
    assert set(frame["commune_code"]) >= set(expected)
    assert "03400" not in set(frame["commune_code"]) - set(expected)
    assert len(written) == 1
    said = runner.invoke(app, ["count", str(persons), "--units", str(units), "--commune",
                               commune, "--format", "json"])
    missing = [f["unit"] for f in json.loads(said.stdout)["findings"]
               if f["code"] == "commune_without_persons"]
    assert missing == ([commune] if commune == "03400" else [])


def test_blank_counts_in_every_file_kind(tmp_path: Path) -> None:
    units, persons = _register(tmp_path, {"03394": "1", "03397": "0", "03400": "0"}), \
        _persons(tmp_path)
    for suffix in (".xlsx", ".parquet", ".json"):
        out = tmp_path / f"c{suffix}"
        runner.invoke(app, ["count", str(persons), "--units", str(units), "-o", str(out)])
        if suffix == ".xlsx":
            sheet = openpyxl.load_workbook(out).worksheets[0]
            head = [c.value for c in sheet[1]]
            last = [c.value for c in sheet[4]]
            assert last[0] == "03400" and last[head.index("age6_total")] is None
            assert last[head.index("disadvantaged")] == 0
        elif suffix == ".parquet":
            row = pd.read_parquet(out).set_index("commune_code").loc["03400"]
            assert pd.isna(row["age6_total"]) and row["commune"] == "Xã Bình Lư"
        else:
            counts = json.loads(out.read_text(encoding="utf-8"))["counts"]
            row = next(c for c in counts if c["commune_code"] == "03400")
            assert row["age6_total"] is None and row["disadvantaged"] == 0

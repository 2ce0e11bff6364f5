"""`pcgd check` on person rows, through Typer's runner on files in a temporary folder: a
file is told by its headers, counted, then judged as a table of counts would be; every
output says how many persons the counts came from and traces each commune's counts to
its rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from person_support import person, write_entry_workbook, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def household(n: int, **extra) -> list[dict]:
    """A small commune for survey year 2024: per household, a 6-year-old in grade 1 who
    finished preschool, a 5-year-old in kindergarten, an 11-year-old who finished
    primary (in grade 6), a 17-year-old in grade 11, a 30-year-old who graduated THCS."""
    people = []
    for h in range(n):
        base = {"household": str(h + 1), **extra}
        people += [person(given_name=f"Sáu {h}", birth_year=2018, grade=1, graduated="MN",
                          **base),
                   person(given_name=f"Năm {h}", birth_year=2019, grade="5 tuổi", **base),
                   person(given_name=f"Mười một {h}", birth_year=2013, grade=6,
                          graduated="TH", **base),
                   person(given_name=f"Mười bảy {h}", birth_year=2007, grade=11,
                          graduated="THCS", **base),
                   person(given_name=f"Ba mươi {h}", birth_year=1994, graduated="THCS",
                          **base)]
    return people


def register(folder: Path, flags: dict[str, int]) -> Path:
    path = folder / "danh_muc.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["province_code", "province", "district_code", "district",
                         "commune_code", "commune", "commune_type", "disadvantaged"])
        for code, flag in flags.items():
            writer.writerow(["12", "Tỉnh Lai Châu", "106", "Huyện Tam Đường", code,
                             f"Xã {code}", "Xã", flag])
    return path


@pytest.fixture()
def entry(tmp_path: Path) -> Path:
    people = household(20)
    people.append(person(given_name="Chuyển", birth_year=2018, grade=1, moved="Chuyển đi",
                         household="99"))
    people.append(person(given_name="Mất", birth_year=1950, moved="Chết", household="98"))
    people.append(person(given_name="Lỗi", birth_year="", household="97"))
    return write_entry_workbook(tmp_path / "03394_Then_Sin.xlsx", people)


@pytest.fixture()
def entry_rejected_6(tmp_path: Path) -> Path:
    """The same commune whose one mistaken row is a 6-year-old with an unreadable grade:
    its age is known, so only the counts of the age-6 cohort are unknown."""
    people = household(20)
    people.append(person(given_name="Lỗi", birth_year=2018, grade="mười", household="97"))
    return write_entry_workbook(tmp_path / "03394_Then_Sin.xlsx", people)


def json_of(*args: object) -> tuple[int, dict]:
    result = run("check", *args, "--format", "json")
    assert result.exit_code in (0, 1, 2), result.output
    return result.exit_code, json.loads(result.stdout)


def commune(report: dict, code: str) -> dict:
    return next(u for u in report["results"] if u["unit_type"] == "commune"
                and u["code"] == code)


def test_an_entry_workbook_is_counted_and_judged(entry: Path, tmp_path: Path) -> None:
    units = register(tmp_path, {"03394": 0})
    code, report = json_of(entry, "--commune", "03394", "--units", units)
    assert code == 2  # the row without a birth year is an error; the report is still made
    import jsonschema

    jsonschema.validate(report, SCHEMA)
    assert report["persons"]["persons"] == 103 and report["persons"]["files"] == 1
    assert report["persons"]["counting_rules"]["id"] == "household-2025"
    unit = commune(report, "03394")
    assert unit["persons"] == {"persons_read": 103, "counted": 100, "moved_out": 1,
                               "deceased": 1, "not_resident": 0, "rejected": 1,
                               "excluded": 0}
    assert report["inputs"][0]["rows_read"] == 103
    assert report["inputs"][0]["rows_left_out"] == 2
    # the person without a birth year (not deceased, not moved out) may be of any age:
    # every cohort's count is unknown, so every standard is insufficient data
    for sid, standard in unit["standards"].items():
        assert standard["status"] == "insufficient_data", sid
    assert unit["standards"]["primary"]["indicators"]["grade1"] is None
    assert unit["disadvantaged"] is False and unit["name"] == "Xã 03394"
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["sheet"]) for f in errors] == [("person_no_birth_year",
                                                          "MauNhapLieu")]
    said = [f for f in report["findings"] if f["code"] == "persons_counts_unknown"]
    assert [(f["unit"], f["cell"]) for f in said] == [("03394", errors[0]["cell"])]


def test_a_rejected_person_of_known_age_leaves_the_other_cohorts_judged(
        entry_rejected_6: Path, tmp_path: Path) -> None:
    units = register(tmp_path, {"03394": 0})
    code, report = json_of(entry_rejected_6, "--commune", "03394", "--units", units)
    assert code == 2
    unit = commune(report, "03394")
    standards = unit["standards"]
    # age 6: grade 1 (primary) and the completed preschool (preschool5) are unknown
    assert standards["primary"]["status"] == "insufficient_data"
    assert standards["primary"]["indicators"]["grade1"] is None
    assert standards["preschool5"]["status"] == "insufficient_data"
    assert standards["literacy"]["status"] == "met"  # ages 15 and over: counted as before
    assert standards["literacy"]["indicators"]["literate_l1"] == [40, 40, 0]
    # lower secondary: its own counts are known, its prerequisite (primary) is not
    assert standards["lower_secondary"]["indicators"]["graduated"] == [20, 20, 0]
    text = run("check", entry_rejected_6, "--commune", "03394", "--units", units)
    assert "các xã bị ảnh hưởng được ghi là thiếu dữ liệu" in " ".join(text.output.split())


@pytest.mark.parametrize("which", ["entry", "entry_rejected_6"])
def test_count_then_check_judges_as_check_on_the_persons(which: str, tmp_path: Path,
                                                         request) -> None:
    """Counting first and checking the counts gives the same verdicts, with a rejected
    person too (blank cells in the counts, insufficient data in both)."""
    entry = request.getfixturevalue(which)
    units = register(tmp_path, {"03394": 1})
    counts = tmp_path / "so_lieu.xlsx"
    assert run("count", entry, "--commune", "03394", "--units", units, "-o", counts,
               "--quiet").exit_code == 2
    _, direct = json_of(entry, "--commune", "03394", "--units", units)
    _, via = json_of(counts, "--units", units)
    for report in (direct, via):
        assert commune(report, "03394")["disadvantaged"] is True
    mine, theirs = commune(direct, "03394"), commune(via, "03394")
    for sid, std in mine["standards"].items():
        assert (std["status"], std["level"]) == (theirs["standards"][sid]["status"],
                                                 theirs["standards"][sid]["level"]), sid


def test_every_output_traces_the_counts_to_their_rows(entry: Path, tmp_path: Path) -> None:
    units = register(tmp_path, {"03394": 0})
    result = run("check", entry, "--commune", "03394", "--units", units)
    assert "Số liệu đếm từ 103 người trong 1 tệp phiếu điều tra" in " ".join(
        result.stdout.split())
    english = run("check", entry, "--commune", "03394", "--units", units, "--lang", "en")
    assert "Counted from 103 persons in 1 survey file(s)" in " ".join(english.stdout.split())
    text = run("check", entry, "--commune", "03394", "--units", units, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text.stdout)))
    first = next(r for r in rows if r["unit_type"] == "commune")
    assert (first["persons_read"], first["persons_counted"], first["persons_rejected"]) == (
        "103", "100", "1")
    assert all(r["persons_read"] == "" for r in rows if r["unit_type"] != "commune")
    out = tmp_path / "tong_hop.xlsx"
    run("check", entry, "--commune", "03394", "--units", units, "-o", out, "--quiet")
    sheet = openpyxl.load_workbook(out)["Người được đếm"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert ["03394", "Xã 03394", 2024, 103, 100, 1, 1, 0, 1, 0] in values


def test_an_export_with_units_and_the_register_gives_flags_and_districts(tmp_path) -> None:
    people = ([dict(p, commune_code="03394", year="2024-2025") for p in household(10)]
              + [dict(p, commune_code="03395", year="2024-2025") for p in household(10)])
    export = write_export_csv(tmp_path / "xuat.csv", people)
    units = register(tmp_path, {"03394": 1, "03395": 0, "03396": 0})
    code, report = json_of(export, "--units", units)
    assert code == 0, report["findings"]
    assert commune(report, "03394")["disadvantaged"] is True
    assert commune(report, "03394")["parent_code"] == "106"
    # a commune of the register with no person row: reported, its counts unknown, not 0
    unseen = commune(report, "03396")
    assert unseen["persons"] is None
    assert unseen["standards"]["primary"]["status"] == "insufficient_data"
    said = [f for f in report["findings"] if f["code"] == "commune_without_persons"]
    assert [f["unit"] for f in said] == ["03396"]
    district = next(u for u in report["results"] if u["unit_type"] == "district")
    assert district["standards"]["primary"]["levels"]["1"]["share"]["unknown"] == 1


def test_a_parquet_export_is_person_rows(tmp_path: Path) -> None:
    people = [dict(p, commune_code="03394", year=2024) for p in household(5)]
    keys = sorted({k for p in people for k in p})
    table = pa.table({k: [None if p.get(k) is None else str(p.get(k)) for p in people]
                      for k in keys})
    path = tmp_path / "xuat.parquet"
    pq.write_table(table, path)
    code, report = json_of(path)
    assert report["persons"]["persons"] == 25
    assert commune(report, "03394")["standards"]["primary"]["indicators"]["grade1"] == [
        5, 5, 0]
    # no register: whether the commune is ĐBKK is unknown, never guessed
    assert commune(report, "03394")["disadvantaged"] is None
    assert "persons_flags_unknown" in {f["code"] for f in report["findings"]}


def test_one_commune_with_the_province_register_expects_no_other(entry, tmp_path) -> None:
    units = register(tmp_path, {"03394": 0, "03395": 0})
    _, report = json_of(entry, "--commune", "03394", "--units", units)
    assert not [f for f in report["findings"] if f["code"] == "commune_without_persons"]
    assert [u["code"] for u in report["results"] if u["unit_type"] == "commune"] == ["03394"]


def test_person_rows_and_a_count_table_are_not_mixed(entry: Path, tmp_path: Path) -> None:
    table = tmp_path / "xa.csv"
    table.write_text("Mã xã,Trẻ 6 tuổi - Tổng số,Trẻ 6 tuổi - Vào lớp 1\n03394,10,10\n",
                     encoding="utf-8")
    result = run("check", entry, table, "--commune", "03394")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pcgd: ") and "Traceback" not in lines[0]


def test_a_table_of_counts_is_still_a_table(tmp_path: Path) -> None:
    table = tmp_path / "xa.csv"
    table.write_text("Mã xã,Trẻ 6 tuổi - Tổng số,Trẻ 6 tuổi - Vào lớp 1\n03394,10,10\n",
                     encoding="utf-8")
    code, report = json_of(table)
    assert code == 0 and "persons" not in report


def test_counts_written_as_parquet_are_checked_as_counts(entry_rejected_6: Path,
                                                        tmp_path: Path) -> None:
    """What `pcgd count -o x.parquet` writes reads back as a table of counts (no person
    header in it), judged as the same counts in CSV are."""
    units = register(tmp_path, {"03394": 0})
    verdicts = []
    for name in ("so_lieu.parquet", "so_lieu.csv"):
        out = tmp_path / name
        run("count", entry_rejected_6, "--commune", "03394", "--units", units, "-o", out,
            "--quiet")
        _, report = json_of(out, "--units", units)
        assert "persons" not in report  # counts, not person rows
        assert report["inputs"][0]["rows_read"] == 1
        verdicts.append(commune(report, "03394")["standards"])
    assert verdicts[0] == verdicts[1]
    assert verdicts[0]["primary"]["indicators"]["grade1"] is None  # the blank cells
    blank = [f for f in report["findings"] if f["code"] == "missing_value"]
    assert blank and all("pcgd count" in f["suggestion"] for f in blank)
    assert verdicts[0]["primary"]["indicators"]["completed_14"] == [20, 20, 0]

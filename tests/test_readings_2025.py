"""The 2025 forms' readings through the command line, on real files in a temporary folder:
"đến 14 tuổi" on the pooled 11-14 cohort (form TH-M1), preschool completion on the
children now aged 6 (MN-02, MN-01-TE); older files read the older way and every output
says so once; both present, the new columns decide; the new columns are checked against
the others, found under their Vietnamese headers, and asked for by the template."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import xlsxwriter

from targets_support import commune, run, write_rows

OLDER_COLUMNS = {"age5_completed": 100, "age14_total": 100, "age14_completed": 100}
NEW_COLUMNS = ("age6_preschool_completed", "age11_14_total", "age11_14_completed")


def older_row(code: str, **counts: object) -> dict[str, object]:
    """A commune as a file made before the 2025 forms has it: no new columns."""
    row = {k: v for k, v in commune(code).items() if k not in NEW_COLUMNS}
    row.update(OLDER_COLUMNS)
    row.update(counts)
    return row


def json_report(*args: object) -> dict:
    code, out, err = run("check", *map(str, args), "--format", "json")
    assert code in (0, 1), err
    return json.loads(out)


def test_an_older_file_is_judged_on_its_columns_and_every_output_says_so(tmp_path):
    data = write_rows(tmp_path / "cu.csv", [older_row("00001"),
                                            older_row("00002", age14_completed=79)])
    report = json_report(data)
    said = [f for f in report["findings"] if f["code"] == "reading_fallback"]
    assert sorted((f["severity"], f["column"]) for f in said) == [
        ("info", "age14_completed"), ("info", "age5_completed")]  # once per run, per test
    assert len(report["run"]["notes"]) == 2 and not report["run"]["provisional"]
    communes = {u["code"]: u for u in report["results"] if u["unit_type"] == "commune"}
    primary = communes["00002"]["standards"]["primary"]
    assert primary["indicators"]["completed_14"] == [79, 100, 0]  # numerator, to cover, excl.
    assert primary["gap"] == {"level": 1, "failing": {"completed_14": 1}}
    assert communes["00001"]["standards"]["primary"]["level"] == 3
    label = report["rules"][0]["standards"]["primary"]["indicators"]["completed_14"]["label"]
    assert label == "Tỷ lệ trẻ 14 tuổi hoàn thành chương trình tiểu học"

    code, table, _ = run("check", data)
    assert code == 0 and "trẻ 14 tuổi" in table and "TH-M1" in table
    code, english, _ = run("check", data, "--lang", "en")
    assert "14-year-olds" in english and "TH-M1" in english
    _, text, _ = run("check", data, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    primary = [r for r in rows if r["standard"] == "primary"]
    literacy = [r for r in rows if r["standard"] == "literacy"]
    assert all("TH-M1" in r["note"] and r["provisional"] == "" for r in primary)
    assert all(r["note"] == "" for r in literacy)
    out = tmp_path / "tong_hop.xlsx"
    assert run("check", data, "--output", out, "--quiet")[0] == 0
    values = [c.value for row in openpyxl.load_workbook(out)["Thông tin"].iter_rows()
              for c in row if c.value]
    assert any("TH-M1" in str(v) for v in values)


def test_both_readings_present_the_new_columns_decide(tmp_path):
    both = commune("00001", age11_14_total=400, age11_14_completed=300)  # 75% < 80%
    both.update(OLDER_COLUMNS)  # every 14-year-old done: the older reading would pass
    report = json_report(write_rows(tmp_path / "ca_hai.csv", [both]))
    assert not [f for f in report["findings"] if f["code"] == "reading_fallback"]
    assert report["run"]["notes"] == []
    primary = next(u for u in report["results"] if u["unit_type"] == "commune")[
        "standards"]["primary"]
    assert primary["level"] == 0
    assert primary["indicators"]["completed_14"] == [300, 400, 0]
    assert primary["gap"]["failing"] == {"completed_14": 20}


def test_the_new_columns_are_checked_against_the_others(tmp_path):
    rows = [commune("00001", age11_completed=100, age11_14_completed=90),  # 11 within 11-14
            commune("00002", age14_total=150, age14_completed=90, age11_14_total=100,
                    age11_14_completed=100),  # 14-year-olds within 11-14
            commune("00003", age6_total=100, age6_excluded=5, age6_preschool_completed=96)]
    data = write_rows(tmp_path / "sai.csv", rows)
    code, out, _ = run("check", data, "--format", "json")
    report = json.loads(out)
    errors = {(f["unit"], f["code"], f["column"]) for f in report["findings"]
              if f["severity"] == "error"}
    assert ("00001", "column_above_column", "age11_completed") in errors
    assert ("00002", "column_above_column", "age14_total") in errors
    assert ("00003", "numerator_above_denominator", "age6_preschool_completed") in errors
    assert code == 2
    communes = {u["code"]: u for u in report["results"] if u["unit_type"] == "commune"}
    assert communes["00003"]["standards"]["preschool5"]["status"] == "insufficient_data"
    for f in report["findings"]:
        if f["severity"] == "error":
            assert f["cell"], f  # every error names its cell


def test_the_new_columns_are_found_under_the_headers_offices_write(tmp_path):
    path = tmp_path / "bieu.xlsx"
    with xlsxwriter.Workbook(path) as book:
        ws = book.add_worksheet("TH")
        ws.write(0, 0, "BIỂU TỔNG HỢP PHỔ CẬP GIÁO DỤC TIỂU HỌC")
        ws.merge_range(2, 0, 3, 0, "Mã xã")
        ws.merge_range(2, 1, 2, 3, "11-14 tuổi")
        ws.write_row(3, 1, ["Tổng số", "Khuyết tật không có khả năng học tập",
                            "Hoàn thành chương trình tiểu học"])
        ws.merge_range(2, 4, 3, 4, "Trẻ 6 tuổi HTCT GDMN")
        ws.merge_range(2, 5, 2, 6, "Trẻ 6 tuổi")
        ws.write_row(3, 5, ["Tổng số", "Vào lớp 1"])
        ws.write_row(4, 0, ["03394", 410, 10, 320, 85, 100, 99])
    report = json_report(path)
    columns = {f["value"] for f in report["findings"] if f["code"] == "unknown_column"}
    assert not columns, columns
    unit = next(u for u in report["results"] if u["unit_type"] == "commune")
    primary = unit["standards"]["primary"]
    assert primary["indicators"]["completed_14"] == [320, 400, 10]
    assert primary["levels"]["1"]["status"] == "met"
    assert unit["standards"]["preschool5"]["indicators"]["completed"] == [85, 100, 0]


def test_the_template_asks_for_the_new_columns_and_checks_clean_once_filled(tmp_path):
    template = tmp_path / "mau.xlsx"
    assert run("template", template)[0] == 0
    book = openpyxl.load_workbook(template)
    headers = [c.value for c in book["Số liệu"][1]]
    for label in ("Trẻ 11-14 tuổi - Tổng số", "Trẻ 11-14 tuổi - Hoàn thành chương trình tiểu học",
                  "Trẻ 6 tuổi - Đã hoàn thành chương trình GDMN"):
        assert label in headers
    assert not [h for h in headers if h and h.startswith("Trẻ 14 tuổi")]
    assert "Trẻ 5 tuổi - Hoàn thành chương trình GDMN" not in headers
    # fill one commune: 100 of every cohort, 95 counted, 400 in the pooled 11-14 cohort
    ws = book["Số liệu"]
    values = {"Mã xã": "03394", "Xã": "Xã Thèn Sin", "Mã huyện": "106", "Huyện": "Tam Đường"}
    for col, header in enumerate(headers, start=1):
        if header in values:
            ws.cell(2, col, values[header])
        elif header and header.startswith("Trẻ 11-14 tuổi"):
            ws.cell(2, col, 0 if "Khuyết tật" in header else (400 if "Tổng" in header
                                                               else 380))
        elif header and ("Tổng số" in header):
            ws.cell(2, col, 200 if "15-35" in header else 400 if "15-60" in header else 100)
        elif header and "Khuyết tật không" in header:
            ws.cell(2, col, 0)
        elif header and header.startswith(("Trẻ", "Thanh", "Người")):
            ws.cell(2, col, 190 if "15-35" in header else 380 if "15-60" in header else 95)
    ws.cell(2, headers.index("Trẻ 11 tuổi - Đang học tiểu học") + 1, 5)
    book.save(template)
    report = json_report(template)
    problems = [f for f in report["findings"] if f["severity"] != "info"]
    assert not problems, problems
    assert not [f for f in report["findings"] if f["code"] == "reading_fallback"]
    unit = next(u for u in report["results"] if u["unit_type"] == "commune")
    assert unit["standards"]["primary"]["level"] == 2  # 95% in grade 1: under level 3's 98%


def test_a_file_of_primary_columns_leaves_preschool_not_evaluated(tmp_path):
    """The age-6 cohort is primary's and (since 2025) preschool completion's: its total
    alone does not make preschool a standard the file judges."""
    path = tmp_path / "tieu_hoc.csv"
    path.write_text("Mã xã,Trẻ 6 tuổi - Tổng số,Trẻ 6 tuổi - Vào lớp 1\n03394,100,99\n",
                    encoding="utf-8")
    report = json_report(path)
    standards = next(u for u in report["results"] if u["unit_type"] == "commune")["standards"]
    assert standards["preschool5"]["status"] == "not_evaluated"
    assert not [f for f in report["findings"] if f["code"] == "column_missing"
                and f["column"].startswith("age5")]

"""pcgd template: the input workbook made from the rules; filled in, it checks cleanly."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest
from typer.testing import CliRunner

from excel_fixtures import REGISTER_CSV, UNITS_CSV, catalog, cell_values, plausible
from pcgd_cli.cli import app

runner = CliRunner()


def make(tmp_path, *args: str):
    out = tmp_path / "mau.xlsx"
    result = runner.invoke(app, ["template", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return out


def fill(path, rows: int | None = None) -> None:
    """Type plausible figures into every count and yes/no column, as a commune would."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    cat = catalog()
    keys = {c.column: cat.match(c.value) for c in ws[1]}
    if rows is not None:  # a blank template: the commune types its own units too
        for r in range(2, rows + 2):
            for col, key in keys.items():
                if key == "commune_code":
                    ws.cell(r, col, f"{3385 + r:05d}")
                elif key == "commune":
                    ws.cell(r, col, f"Xã {r}")
                elif key == "district_code":
                    ws.cell(r, col, "105")
    for r in range(2, ws.max_row + 1):
        if not ws.cell(r, next(c for c, k in keys.items() if k == "commune_code")).value:
            continue
        for col, key in keys.items():
            value = plausible(key, cat.kind(key))
            if value is not None:
                ws.cell(r, col, value)
    book.save(path)


def test_data_sheet_headers_are_the_rule_labels(tmp_path):
    book = openpyxl.load_workbook(make(tmp_path))
    assert book.sheetnames == ["Số liệu", "Hướng dẫn"]
    ws = book["Số liệu"]
    cat = catalog()
    headers = [c.value for c in ws[1]]
    keys = [cat.match(h) for h in headers]
    assert None not in keys
    every = {k for k, spec in cat.columns.items() if spec.kind in ("count", "yesno")}
    assert every <= set(keys)  # every count and yes/no column of the rules
    assert headers[keys.index("age6_grade1")] == cat.columns["age6_grade1"].label.vi
    assert ws.freeze_panes == "G2"


def test_data_validation_from_the_column_kinds(tmp_path):
    ws = openpyxl.load_workbook(make(tmp_path))["Số liệu"]
    cat = catalog()
    letter = {cat.match(c.value): c.column_letter for c in ws[1]}
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    count = rules[f"{letter['age6_total']}2"]
    assert (count.type, count.operator, count.formula1) == ("whole", "greaterThanOrEqual", "0")
    flag = rules[f"{letter['disadvantaged']}2"]
    assert flag.type == "list" and flag.formula1 == '"có,không"'
    assert rules[f"{letter['conditions_primary']}2"].type == "list"


def test_units_prefilled_with_codes_as_text(tmp_path):
    ws = openpyxl.load_workbook(make(tmp_path, "--units", str(UNITS_CSV)))["Số liệu"]
    with UNITS_CSV.open(encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))
    assert ws.max_row == len(units) + 1
    first = [c.value for c in ws[2]][:6]
    assert first == [units[0][k] for k in ("province_code", "province", "district_code",
                                           "district", "commune_code", "commune")]
    assert ws["E2"].data_type == "s" and ws["E2"].value.startswith("0")


def test_instructions_name_each_column_and_its_article(tmp_path):
    values = cell_values(openpyxl.load_workbook(make(tmp_path))["Hướng dẫn"])
    text = "\n".join(str(v) for v in values)
    for key in catalog().columns:
        assert f"({key})" in text
    assert "Nghị định 20/2014, Điều 10" in text
    assert "Thông tư 07/2016/TT-BGDĐT, Điều 2" in text


def test_filled_template_with_units_checks_cleanly(tmp_path):
    out = make(tmp_path, "--units", str(UNITS_CSV))
    fill(out)
    result = runner.invoke(app, ["check", str(out), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["findings"] == []
    communes = [u for u in report["results"] if u["unit_type"] == "commune"]
    assert len(communes) == 106
    assert all(s["status"] == "met" for u in communes for s in u["standards"].values())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_filled_blank_template_checks(tmp_path, lang):
    out = make(tmp_path, "--lang", lang)
    fill(out, rows=3)
    result = runner.invoke(app, ["check", str(out), "--format", "json", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [f["code"] for f in report["findings"]] == []
    assert sum(u["unit_type"] == "commune" for u in report["results"]) == 3


def test_template_must_be_xlsx(tmp_path):
    result = runner.invoke(app, ["template", str(tmp_path / "mau.csv")])
    assert result.exit_code == 2 and ".xlsx" in result.stderr
    assert not (tmp_path / "mau.csv").exists()


def test_units_file_without_commune_codes_is_refused(tmp_path):
    units = tmp_path / "don_vi.csv"
    units.write_text("district_code,district\n105,Huyện A\n", encoding="utf-8")
    result = runner.invoke(app, ["template", str(tmp_path / "mau.xlsx"), "--units", str(units)])
    assert result.exit_code == 2 and "mã xã" in result.stderr
    assert not (tmp_path / "mau.xlsx").exists()


def test_the_register_prefills_types_and_dbkk_flags(tmp_path):
    ws = openpyxl.load_workbook(make(tmp_path, "--units", str(REGISTER_CSV)))["Số liệu"]
    cat = catalog()
    col = {cat.match(c.value): c.column for c in ws[1]}
    with REGISTER_CSV.open(encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))
    for r, unit in enumerate(units, start=2):
        assert ws.cell(r, col["commune_type"]).value == unit["commune_type"]
        flag = ws.cell(r, col["disadvantaged"]).value
        assert flag == {"1": "có", "0": "không"}[unit["disadvantaged"]]


def test_a_register_with_a_bad_line_is_refused_naming_the_line(tmp_path):
    units = tmp_path / "don_vi.csv"
    units.write_text("commune_code,commune,disadvantaged\n03394,Xã Thèn Sin,có lẽ\n",
                     encoding="utf-8")
    result = runner.invoke(app, ["template", str(tmp_path / "mau.xlsx"), "--units", str(units)])
    assert result.exit_code == 2 and "dòng 2" in result.stderr and "có lẽ" in result.stderr
    assert not (tmp_path / "mau.xlsx").exists()


def test_the_instructions_say_the_template_may_be_filled_by_name(tmp_path):
    values = cell_values(openpyxl.load_workbook(make(tmp_path))["Hướng dẫn"])
    text = "\n".join(str(v) for v in values)
    assert "--units" in text and "Huyện Tam Đường" in text and "Mường Tè" in text


def _help_rows(path) -> dict[str, tuple[int, list]]:
    """Instructions rows by column key: (row number, values)."""
    ws = openpyxl.load_workbook(path)["Hướng dẫn"]
    rows = {}
    for row in ws.iter_rows(min_row=1):
        head = str(row[1].value or "")
        for key in catalog().columns:
            if f"({key})" in head:
                rows[key] = (row[0].row, [c.value for c in row])
    return rows


def test_optional_and_disadvantaged_only_columns_are_marked_from_the_rules(tmp_path):
    from pcgd_cli.pipeline import load_rule_sets

    rules = load_rule_sets([])[0]
    tests = [*rules.every_standard,
             *(ind for std in rules.standards.values() for lv in std.levels
               for ind in std.indicators(lv))]
    optional = {c for ind in tests if ind.optional
                for c in [*ind.numerator, *([ind.column] if ind.column else [])]}
    assert optional  # the rules have optional tests (Circular 07 conditions, disabled access)
    rows = _help_rows(make(tmp_path))
    for key in optional:
        assert "(không bắt buộc)" in rows[key][1][1], key
    for key in ("age15_25_total", "age15_25_literate_l1"):  # only the ĐBKK literacy age band
        assert "(chỉ xã ĐBKK)" in rows[key][1][1], key
    for key in ("age6_total", "age15_35_total", "commune_code"):
        head = rows[key][1][1]
        assert "(không bắt buộc)" not in head and "(chỉ xã ĐBKK)" not in head, key


def test_flag_prompt_offers_what_the_list_offers(tmp_path):
    ws = openpyxl.load_workbook(make(tmp_path))["Số liệu"]
    letter = {catalog().match(c.value): c.column_letter for c in ws[1]}
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    flag = rules[f"{letter['disadvantaged']}2"]
    assert flag.formula1 == '"có,không"'
    assert "'có'" in flag.prompt and "'không'" in flag.prompt
    assert "1/0" not in flag.prompt


def test_instruction_rows_are_as_tall_as_their_wrapped_text(tmp_path):
    path = make(tmp_path)
    ws = openpyxl.load_workbook(path)["Hướng dẫn"]
    tall = 0
    for row, values in _help_rows(path).values():
        used_by = str(values[4] or "")
        lines = max(len(used_by.split("\n")), 1)
        height = ws.row_dimensions[row].height
        if lines > 1:
            assert height and height >= 15 * lines, (row, values[1])
            tall += 1
    assert tall > 5


def test_a_blank_template_filled_by_name_under_a_district_row_checks_with_the_register(
        tmp_path):
    """What the instructions promise: no codes, names as typed, a district section row."""
    out = make(tmp_path)
    book = openpyxl.load_workbook(out)
    ws = book.worksheets[0]
    cat = catalog()
    col = {cat.match(c.value): c.column for c in ws[1]}
    ws.cell(2, col["commune"], "I. Huyện Tam Đường")
    for r, name in enumerate(["Xã Bản Giang", "Thèn Sin", "TT. Tam Đường"], start=3):
        ws.cell(r, col["commune"], name)
        for key, c in col.items():
            value = plausible(key, cat.kind(key))
            if value is not None and key != "disadvantaged":
                ws.cell(r, c, value)
    book.save(out)
    result = runner.invoke(app, ["check", str(out), "--format", "json",
                                 "--units", str(REGISTER_CSV)])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [f["code"] for f in report["findings"] if f["severity"] != "info"] == []
    communes = {u["code"]: u for u in report["results"] if u["unit_type"] == "commune"}
    assert set(communes) == {"03418", "03394", "03390"}
    assert {u["parent_code"] for u in communes.values()} == {"106"}
    assert [communes[c]["disadvantaged"] for c in ("03418", "03394", "03390")] == [
        True, True, False]

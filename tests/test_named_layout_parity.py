"""A province's summary table as an office keeps it (communes named, not coded, under
"I. Huyện …" section rows with "Cộng" subtotals, no ĐBKK column) checked with the
register of units gives the same verdicts as the same figures in pcgd's template
layout: every unit, every standard, status and level."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.pipeline import column_catalog, load_rule_sets
from pcgd_cli.reading import read_file
from pcgd_cli.units import load_register

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"
REGISTER = ROOT / "sample_data" / "lai_chau_register.csv"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
UNIT_KEYS = {"year", "province_code", "province", "district_code", "district", "commune_code",
             "commune", "commune_type", "disadvantaged"}


@pytest.fixture(scope="module")
def sample() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The sample's count columns the Decree 20 rules read (keys), and each commune's
    figures by key."""
    catalog = column_catalog(load_rule_sets([]))
    (sheet,) = read_file(SAMPLE)
    keys = [catalog.match(h) for h in sheet.rows[0]]
    rows = [dict(zip(keys, row, strict=True)) for row in sheet.rows[1:]]
    counts = [k for k in keys if k and k not in UNIT_KEYS]
    return counts, {row["commune_code"]: row for row in rows}


def typed(name: str, k: int, unique: bool) -> str:
    """The name as one clerk or another types it."""
    bare = name.split(" ", 2)[-1] if name.startswith("Thị trấn") else name.split(" ", 1)[-1]
    forms = [name, bare if unique else name, name.upper(),
             unicodedata.normalize("NFD", f" {name.replace(' ', '  ')} "), name.lower()]
    return forms[k % len(forms)]


def write_sectioned(path: Path, counts: list[str], figures: dict[str, dict]) -> None:
    register = load_register(REGISTER)
    catalog = column_catalog(load_rule_sets([]))
    labels = [catalog.columns[k].label.vi for k in counts]
    with xlsxwriter.Workbook(path) as book:
        ws = book.add_worksheet("Tổng hợp")
        ws.merge_range(0, 0, 0, 8, "BIỂU TỔNG HỢP PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ NĂM 2024")
        ws.write_row(2, 0, ["STT", "Tên đơn vị", *labels])
        ws.write_row(3, 0, list(range(1, len(labels) + 3)))  # the column numbers
        r = 4
        province = [0] * len(counts)
        for d, district in enumerate(register.districts()):
            ws.merge_range(r, 0, r, 1, f"{ROMAN[d]}. {district.district}")
            r += 1
            subtotal = [0] * len(counts)
            for k, unit in enumerate(register.communes_of(district.district_code)):
                unique = not register.match_name(unit.commune.split(" ", 1)[-1]).ambiguous
                values = [figures[unit.commune_code][c] for c in counts]
                ws.write_row(r, 0, [k + 1, typed(unit.commune, k + d, unique), *values])
                subtotal = [a + b for a, b in zip(subtotal, values, strict=True)]
                r += 1
            ws.write_row(r, 0, ["", f"Cộng {district.district}", *subtotal])
            province = [a + b for a, b in zip(province, subtotal, strict=True)]
            r += 1
        ws.write_row(r, 0, ["", "Tổng cộng", *province])
        ws.write(r + 2, 1, "Người lập biểu")


def write_template(path: Path, counts: list[str], figures: dict[str, dict]) -> None:
    result = CliRunner().invoke(app, ["template", str(path), "--units", str(REGISTER)])
    assert result.exit_code == 0, result.stderr
    catalog = column_catalog(load_rule_sets([]))
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    col = {catalog.match(c.value): c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        row = figures[ws.cell(r, col["commune_code"]).value]
        for key in counts:
            ws.cell(r, col[key], row[key])
    book.save(path)


def check(*args: object) -> dict:
    result = CliRunner().invoke(app, ["check", *map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def verdicts(report: dict) -> dict[tuple[str, str], dict[str, tuple]]:
    return {(u["unit_type"], u["code"]): {sid: (s["status"], s["level"])
                                          for sid, s in u["standards"].items()}
            for u in report["results"]}


def test_a_named_sectioned_table_judges_as_the_template_layout(tmp_path, sample):
    counts, figures = sample
    sectioned, template = tmp_path / "tong_hop.xlsx", tmp_path / "mau.xlsx"
    write_sectioned(sectioned, counts, figures)
    write_template(template, counts, figures)
    named = check(sectioned, "--units", REGISTER)
    coded = check(template)
    a, b = verdicts(named), verdicts(coded)
    assert sorted(a) == sorted(b)
    tiers = [t for t, _ in a]
    assert (tiers.count("commune"), tiers.count("district"), tiers.count("province")) == (
        106, 8, 1)
    assert a == b
    assert a == verdicts(check(SAMPLE))  # and as the sample itself
    # not a single unit was read differently: nothing to warn about in either
    for report in (named, coded):
        assert [f["code"] for f in report["findings"] if f["severity"] != "info"] == []
    (summary,) = named["inputs"]
    # 106 communes; 8 sections, 8 subtotals, the grand total; the signature is blank
    assert (summary["rows_used"], summary["rows_total"], summary["rows_rejected"]) == (
        106, 17, 0)
    assert summary["rows_read"] == (summary["rows_used"] + summary["rows_total"]
                                    + summary["rows_blank"] + summary["rows_rejected"])
    flags = {u["code"]: u["disadvantaged"] for u in named["results"]
             if u["unit_type"] == "commune"}
    assert flags == {u["code"]: u["disadvantaged"] for u in coded["results"]
                     if u["unit_type"] == "commune"}
    assert sum(flags.values()) == 56

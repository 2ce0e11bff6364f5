"""The summary workbook (--output x.xlsx), read back with openpyxl."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from typer.testing import CliRunner

from excel_fixtures import (
    HYPERLINK,
    SAMPLE,
    cell_values,
    find_row,
    sha256,
    write_communes_csv,
)
from pcgd_cli import __version__
from pcgd_cli.cli import app
from pcgd_cli.i18n import MESSAGES
from pcgd_cli.pipeline import load_rule_book

runner = CliRunner()


def short_names(lang: str) -> list[str]:
    rules = load_rule_book().rule_sets[0]
    return [std.short.get(lang) for std in rules.standards.values()]


@pytest.fixture(scope="module")
def book_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "tong_hop.xlsx"
    result = runner.invoke(app, ["check", str(SAMPLE), "--output", str(out), "--quiet"])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def book(book_path):
    return openpyxl.load_workbook(book_path)


def test_sheets_in_order(book):
    assert book.sheetnames == ["Tổng hợp", "Số xã theo mức đạt", *short_names("vi"),
                               "Huyện và tỉnh", "Lỗi dữ liệu", "Thông tin"]


def test_summary_headings_and_shares(book):
    ws = book["Tổng hợp"]
    header = find_row(ws, "Chuẩn")
    heads = [c.value for c in ws[header]]
    for text in ("Mức độ", "Số xã", "Số xã đạt", "Tỷ lệ xã đạt (%)", "Số huyện đạt",
                 "Tỷ lệ huyện đạt (%)", "Tỉnh đạt mức này", "Mức đạt của tỉnh"):
        assert text in heads
    assert [h for h in heads if h][-1] == "Căn cứ"  # the long text last
    n_col = heads.index("Số xã") + 1
    met_col = heads.index("Số xã đạt") + 1
    share_col = heads.index("Tỷ lệ xã đạt (%)") + 1
    first = ws.cell(header + 1, 1)
    assert first.value == short_names("vi")[0]
    share = ws.cell(header + 1, share_col)
    n, met = ws.cell(header + 1, n_col).value, ws.cell(header + 1, met_col).value
    assert n == 106
    assert share.data_type == "n" and share.number_format == "0.00"
    assert share.value == (met * 10000 // n) / 100


def test_summary_chart_per_standard(book):
    ws = book["Tổng hợp"]
    assert len(ws._charts) == len(short_names("vi"))
    # the chart's data: one row per district, communes counted by level reached
    data = book["Số xã theo mức đạt"]
    row = find_row(data, "Thành phố Lai Châu")
    assert data.cell(row, 2).data_type == "n"


def test_summary_columns_each_hold_one_kind_of_value(book):
    """The level column is narrow (numbers), not widened by another table's long text."""
    ws = book["Tổng hợp"]
    header = find_row(ws, "Chuẩn")
    heads = [c.value for c in ws[header]]
    level = ws.cell(header, heads.index("Mức độ") + 1).column_letter
    assert ws.column_dimensions[level].width < 12
    # the notes above the table do not widen the first column
    assert ws.column_dimensions["A"].width < 25


def test_communes_per_level_table_ends_with_the_province_total(book):
    ws = book["Số xã theo mức đạt"]
    low = find_row(ws, "Đơn vị")
    rows = list(ws.iter_rows(min_row=low + 1, values_only=True))
    districts, total = rows[:-1], rows[-1]
    assert len(districts) == 8 and total[0] == "Cộng Tỉnh Lai Châu"
    for col in range(1, len(total)):
        assert total[col] == sum(r[col] for r in districts)
    # a standard's columns count every commune once
    first = [c.value for c in ws[low]].index("Thiếu số liệu")
    assert sum(total[1:first + 1]) == 106


def test_chart_colours_are_the_same_result_in_every_chart(book):
    charts = book["Tổng hợp"]._charts
    data = book["Số xã theo mức đạt"]
    names = [c.value for c in data[find_row(data, "Đơn vị")]]
    colours: dict[str, set[str]] = {}
    for chart in charts:
        for series in chart.series:
            col = series.tx.strRef.f.split("!")[1].replace("$", "")
            name = data[col].value
            colours.setdefault(name, set()).add(series.graphicalProperties.solidFill.srgbClr)
    assert all(len(c) == 1 for c in colours.values()), colours
    assert colours["Chưa đạt"] == {"C00000"}
    assert colours["Đạt"] == colours["Đạt mức 1"]  # a one-level standard's "met"
    assert len({next(iter(colours[n])) for n in ("Chưa đạt", "Đạt mức 1", "Đạt mức 2",
                                                 "Đạt mức 3", "Thiếu số liệu")}) == 5
    assert set(colours) <= set(names)


def test_standard_sheet_says_each_indicator_once_with_its_thresholds(book):
    """Each test's figures once per standard (grade1 is read at levels 1, 2 and 3), its
    thresholds in the header, each level's result in a column of its own."""
    ws = book["PCGD tiểu học"]
    low = find_row(ws, "Tử số")
    top, mid = [c.value for c in ws[low - 2]], [c.value for c in ws[low - 1]]
    heads = [c.value for c in ws[low]]
    assert top.count("Tỷ lệ trẻ 6 tuổi vào lớp 1") == 1
    grade1 = top.index("Tỷ lệ trẻ 6 tuổi vào lớp 1")
    assert mid[grade1] == "Ngưỡng: mức 1 90%; mức 2 95%; mức 3 98%"
    assert heads[grade1:grade1 + 3] == ["Tử số", "Mẫu số", "Tỷ lệ (%)"]
    assert heads.count("Tỷ lệ (%)") == 5  # grade1, completed_14/11, in school, disabled
    assert [top[c] for c, h in enumerate(heads) if h == "Kết quả"][:3] == \
        ["Mức độ 1", "Mức độ 2", "Mức độ 3"]
    assert "Ngưỡng (%)" not in heads and "Đạt?" not in heads
    # the reason only where a commune is short of its next level
    reason = heads.index("Lý do và khoảng cách") + 1
    level = heads.index("Mức đạt") + 1
    for row in range(low + 1, ws.max_row + 1):
        name = ws.cell(row, 4).value or ""
        if name.startswith("Cộng"):
            continue
        text = ws.cell(row, reason).value
        assert (text is None) == (ws.cell(row, level).value == 3), (row, text)


def test_standard_sheet_rates_are_numbers_cut_to_two_decimals(book):
    ws = book["PCGD tiểu học"]
    low = find_row(ws, "Tử số")
    heads = [c.value for c in ws[low]]
    checked = 0
    for col, head in enumerate(heads, start=1):
        if head != "Tỷ lệ (%)":
            continue
        for row in range(low + 1, ws.max_row + 1):
            rate = ws.cell(row, col)
            num, den = ws.cell(row, col - 2).value, ws.cell(row, col - 1).value
            if rate.value is None:
                continue
            assert rate.data_type == "n" and rate.number_format == "0.00"
            assert rate.value == (num * 10000 // den) / 100
            checked += 1
    assert checked > 100


def test_standard_sheet_district_totals_sum_their_communes(book):
    ws = book["PCGD tiểu học"]
    low = find_row(ws, "Tử số")
    name_col = 4
    first_data = low + 1
    start = first_data
    totals = 0
    for row in range(first_data, ws.max_row + 1):
        name = ws.cell(row, name_col).value or ""
        if name.startswith("Cộng "):
            numerator = ws.cell(row, 6).value
            summed = sum(ws.cell(r, 6).value or 0 for r in range(start, row))
            if not name.startswith("Cộng Tỉnh"):
                assert numerator == summed, name
                totals += 1
            start = row + 1
    assert totals == 8  # Lai Châu's eight districts


def test_frozen_header_filter_and_page_setup_on_every_table(book):
    for ws in book.worksheets:
        assert ws.freeze_panes is not None, ws.title
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.print_title_rows, ws.title
        if ws.title not in ("Thông tin", "Số xã theo mức đạt"):
            assert ws.auto_filter.ref, ws.title


def _printed_width(ws) -> float:
    """Points at 100 %: a stored width of w characters is round(7 w) pixels of 0.75 pt.
    openpyxl keeps a run of equal columns as one dimension (min..max)."""
    return sum(round(dim.width * 7) * 0.75 * (dim.max - dim.min + 1)
               for dim in ws.column_dimensions.values() if dim.width)


def test_wide_sheets_print_at_a_readable_scale_across_pages(book):
    from pcgd_cli.report.xlsx_sheet import PRINT_SCALE, fits_one_page_wide

    wide = []
    for ws in book.worksheets:
        if fits_one_page_wide(_printed_width(ws)):  # narrow: one page wide
            assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
            assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
            continue
        wide.append(ws.title)
        assert not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.scale == PRINT_SCALE, ws.title
        assert ws.page_setup.pageOrder == "overThenDown", ws.title
        if ws.title in [*short_names("vi"), "Huyện và tỉnh"]:  # tables of units
            assert ws.print_title_cols, ws.title
    assert "PCGD tiểu học" in wide and "Tổng hợp" not in wide
    ws = book["PCGD tiểu học"]
    assert ws.print_title_cols == "$B:$D"  # district, commune code, commune
    assert [ws[f"{c}{find_row(ws, 'Tử số')}"].value for c in "BCD"] == ["Huyện", "Mã xã", "Xã"]
    low = find_row(ws, "Tử số")
    assert ws.print_title_rows == f"$3:${low}"
    ws = book["PCGD tiểu học"]
    assert ws.freeze_panes == f"E{find_row(ws, 'Tử số') + 1}"
    assert ws.column_dimensions["D"].width > 10  # fitted to the commune names


def test_met_and_not_met_are_conditional_formats(book):
    ws = book["PCGD tiểu học"]
    formulas = {f for cf in ws.conditional_formatting for rule in cf.rules
                for f in rule.formula}
    assert {'"Đạt"', '"Chưa đạt"', '"Thiếu số liệu"'} <= formulas
    assert book["Tổng hợp"].conditional_formatting


def test_districts_and_province_sheet(book):
    ws = book["Huyện và tỉnh"]
    values = cell_values(ws)
    assert "Tỉnh Lai Châu" in values and "Huyện Sìn Hồ" in values
    assert "Yêu cầu (%)" in values


def test_provenance_on_info_sheet(book):
    values = cell_values(book["Thông tin"])
    assert sha256(SAMPLE) in values
    assert f"pcgd {__version__}" in values
    rules = load_rule_book().rule_sets[0]
    assert rules.id in values and rules.version in values
    assert str(SAMPLE) in values
    assert 106 in values  # rows read and used


def test_english_headings(tmp_path):
    out = tmp_path / "summary.xlsx"
    result = runner.invoke(app, ["check", str(SAMPLE), "-o", str(out), "--lang", "en", "-q"])
    assert result.exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Communes by level", *short_names("en"),
                               "Districts and province",
                               "Data errors", "About"]
    ws = book["Primary"]
    values = cell_values(ws)
    assert "Numerator" in values and "Threshold: level 1 90%; level 2 95%; level 3 98%" in values


def test_findings_sheet_lists_each_problem_with_its_cell(tmp_path):
    data = write_communes_csv(tmp_path / "xa.csv", [("105", "Huyện A", "03386", "Xã Một"),
                                                    ("105", "Huyện A", "03387", "Xã Hai")])
    text = data.read_text(encoding="utf-8").replace(",100,", ",abc,", 1)
    data.write_text(text, encoding="utf-8")
    out = tmp_path / "kq.xlsx"
    result = runner.invoke(app, ["check", str(data), "-o", str(out), "-q"])
    assert result.exit_code == 2  # input error, and the workbook shows it
    ws = openpyxl.load_workbook(out)["Lỗi dữ liệu"]
    header = find_row(ws, "Loại")
    heads = [c.value for c in ws[header]]
    for text in ("Tệp", "Trang", "Ô", "Cột", "Nội dung", "Gợi ý"):
        assert text in heads
    row = [c.value for c in ws[header + 1]]
    assert row[0] == "lỗi" and row[heads.index("Ô")] and "abc" in row[heads.index("Nội dung")]
    assert str(data) == row[heads.index("Tệp")]
    # a message longer than its column's width gets the rows its lines need
    width = ws.column_dimensions["I"].width
    message = row[heads.index("Nội dung")]
    lines = -(-len(message) // int(width - 1))
    if lines > 1:
        assert ws.row_dimensions[header + 1].height == 15 * lines


def test_input_text_starting_with_equals_stays_text(tmp_path):
    data = write_communes_csv(tmp_path / "xa.csv", [("105", "Huyện A", "03386", HYPERLINK),
                                                    ("105", "Huyện A", "03387", "Xã Hai")])
    out = tmp_path / "kq.xlsx"
    assert runner.invoke(app, ["check", str(data), "-o", str(out), "-q"]).exit_code == 0
    book = openpyxl.load_workbook(out)
    found = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert found
    for cell in found:
        assert cell.data_type == "s" and cell.value == HYPERLINK

    out_csv = tmp_path / "kq.csv"
    assert runner.invoke(app, ["check", str(data), "-o", str(out_csv), "-q"]).exit_code == 0
    names = [row["name"] for row in csv.DictReader(io.StringIO(out_csv.read_text("utf-8")))]
    assert "'" + HYPERLINK in names and HYPERLINK not in names


def test_every_new_message_has_both_languages():
    mine = [k for k in MESSAGES if k.startswith(("xl_", "tpl_", "batch_"))]
    assert len(mine) > 50
    for key in mine:
        assert MESSAGES[key]["vi"] and MESSAGES[key]["en"], key


def _report_of(tmp_path, communes, targets=()):
    from pcgd_cli.pipeline import check_files

    data = write_communes_csv(tmp_path / "xa.csv", communes, year=2030)
    return check_files([data], load_rule_book((), targets))


MN5_TARGET = """id: test-mn5
version: "1"
title: {vi: "Chỉ tiêu thử"}
source: {vi: "thử"}
targets:
  - id: mn5_rate
    kind: rate
    label: {vi: "Tỷ lệ trẻ 5 tuổi ra lớp"}
    numerator: age5_attending
    cohort: age5
    threshold: 98
    gap: {vi: "cần thêm {n} trẻ"}
"""


def test_targets_on_their_own_sheet_when_present(tmp_path):
    from pcgd_cli.report.excel import write_workbook

    plan = tmp_path / "plan.yaml"
    plan.write_text(MN5_TARGET, encoding="utf-8")
    report = _report_of(tmp_path, [("105", "Huyện A", "03386", "Xã Một")], [str(plan)])
    out = tmp_path / "kq.xlsx"
    with out.open("wb") as fh:
        write_workbook(report, fh)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["Tổng hợp", "Chỉ tiêu kế hoạch", "Số xã theo mức đạt"]
    ws = book["Chỉ tiêu kế hoạch"]
    row = find_row(ws, "mn5_rate")
    values = [c.value for c in ws[row]]
    # 95 of 100 five-year-olds attend: 95% < 98%, three more needed
    assert values[:8] == ["Tỷ lệ trẻ 5 tuổi ra lớp", 2030, "Tỉnh Thử", 95, 98, "%",
                          "Chưa đạt", "cần thêm 3 trẻ"]
    assert ws.cell(row, 4).number_format == "0.00"


@pytest.fixture(scope="module")
def targets_book(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "chi_tieu.xlsx"
    result = runner.invoke(app, ["check", str(SAMPLE), "--targets", "laichau-2030",
                                 "--output", str(out), "--quiet"])
    assert result.exit_code in (0, 1), result.stderr  # 1: a target is not met
    return openpyxl.load_workbook(out)


def test_level_targets_show_whole_levels_and_rates_percents(targets_book):
    ws = targets_book["Chỉ tiêu kế hoạch"]
    header = find_row(ws, "Nội dung")
    heads = [c.value for c in ws[header]]
    value, target = heads.index("Giá trị đạt") + 1, heads.index("Chỉ tiêu") + 1
    unit = heads.index("Đơn vị tính") + 1
    by_id = {ws.cell(r, heads.index("Mã chỉ tiêu") + 1).value: r
             for r in range(header + 1, ws.max_row + 1)}
    level = by_id["primary_level3_kept"]
    assert ws.cell(level, 1).value == "Duy trì PCGD tiểu học mức độ 3"  # the label
    assert ws.cell(level, target).value == 3
    assert ws.cell(level, target).number_format == MESSAGES["xl_level_format"]["vi"]
    assert '"mức "0' in ws.cell(level, target).number_format
    assert isinstance(ws.cell(level, value).value, int)
    assert ws.cell(level, unit).value == "mức độ"
    rate = by_id["age3_5_in_kindergarten"]
    assert ws.cell(rate, value).number_format == "0.00"
    assert ws.cell(rate, unit).value == "%"
    assert "level" not in [ws.cell(r, unit).value for r in by_id.values()]


def test_rule_line_names_the_target_sets_too(targets_book):
    for title in ("Tổng hợp", "Chỉ tiêu kế hoạch"):
        line = targets_book[title]["A2"].value
        assert line.startswith("Bộ quy tắc:") and "nd20-2014" in line, title
        assert "laichau-2030" in line, title


def test_two_tier_data_groups_communes_under_the_province(tmp_path):
    data = write_communes_csv(tmp_path / "xa.csv", [("", "", "03386", "Xã Một"),
                                                    ("", "", "03387", "Xã Hai")])
    rows = data.read_text(encoding="utf-8").splitlines()
    # drop the district columns: communes directly under the province (2025 reform)
    cut = [",".join(r.split(",")[:2] + r.split(",")[4:]) for r in rows]
    data.write_text("\n".join(cut) + "\n", encoding="utf-8")
    out = tmp_path / "kq.xlsx"
    result = runner.invoke(app, ["check", str(data), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    ws = book[short_names("vi")[1]]
    values = cell_values(ws)
    assert "Mã tỉnh" in values and "Cộng Tỉnh Thử" in values
    assert "Tỉnh Thử" in cell_values(book["Số xã theo mức đạt"])  # the province is the parent


def test_several_years_get_a_year_column_and_totals_per_year(tmp_path):
    communes = [("105", "Huyện A", "03386", "Xã Một"), ("105", "Huyện A", "03387", "Xã Hai")]
    files = [write_communes_csv(tmp_path / f"{y}.csv", communes, year=y) for y in (2023, 2024)]
    out = tmp_path / "kq.xlsx"
    result = runner.invoke(app, ["check", *map(str, files), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    ws = book[short_names("vi")[0]]
    low = find_row(ws, "Tử số")
    assert [c.value for c in ws[low]][4] == "Năm"
    names = [ws.cell(r, 4).value for r in range(low + 1, ws.max_row + 1)]
    assert names.count("Cộng Huyện A (2023)") == names.count("Cộng Huyện A (2024)") == 1
    years = [ws.cell(r, 5).value for r in range(low + 1, ws.max_row + 1)
             if not str(ws.cell(r, 4).value).startswith("Cộng")]
    assert sorted(years) == [2023, 2023, 2024, 2024]
    assert "Huyện A (2024)" in cell_values(book["Số xã theo mức đạt"])

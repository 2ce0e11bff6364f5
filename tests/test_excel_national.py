"""The workbook of data spanning several provinces: the national summary (districts under
their provinces), and with --split-by province one workbook per province, the same as
checking that province alone."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from excel_fixtures import cell_values, find_row
from targets_support import PRIMARY_NONE, commune, run, write_rows

SHEETS = ["Tổng hợp", "Số xã theo mức đạt", "PCGD MN 5 tuổi", "PCGD tiểu học", "PCGD THCS",
          "XMC", "Huyện và tỉnh", "Lỗi dữ liệu", "Thông tin"]


def _rows(province: str, failing: int = 0) -> list[dict]:
    out = []
    for d in ("1", "2"):
        for c in range(3):
            code = f"{province}{d}{c:02d}"
            counts = PRIMARY_NONE if c < failing else {}
            out.append(commune(code, district=f"{province}{d}", province=province, **counts))
    return out


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("national")
    data = write_rows(folder / "ca_nuoc.csv", _rows("01") + _rows("02", failing=2))
    out = folder / "tong_hop.xlsx"
    code, _, err = run("check", str(data), "--output", str(out), "--split-by", "province",
                       "--quiet")
    assert code == 0, err
    return data, out


def test_the_national_summary_has_the_province_sheets_and_lists_districts(national) -> None:
    _, out = national
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == SHEETS
    ws = book["PCGD tiểu học"]
    low = find_row(ws, "Tử số")
    assert [c.value for c in ws[low]][:6] == ["Mã tỉnh", "Tỉnh", "Mã huyện", "Huyện",
                                              "Số xã", "Tử số"]
    names = [ws.cell(r, 4).value for r in range(low + 1, ws.max_row + 1)]
    # four districts, a total per province, the nation last; no commune rows
    assert names == ["Huyện 011", "Huyện 012", "Cộng Tỉnh 01", "Huyện 021", "Huyện 022",
                     "Cộng Tỉnh 02", "Cộng cả nước"]
    assert not any(str(v).startswith("Xã ") for v in cell_values(ws))
    # a district's summed figures: three communes of 100 six-year-olds
    assert [ws.cell(low + 1, c).value for c in (5, 6, 7)] == [3, 300, 300]
    summary = cell_values(book["Tổng hợp"])
    assert any(isinstance(v, str) and "--split-by province" in v for v in summary)
    levels = book["Số xã theo mức đạt"]
    first = find_row(levels, "Đơn vị") + 1
    assert [levels.cell(first + k, 1).value for k in range(3)] == [
        "Tỉnh 01", "Tỉnh 02", "Cộng cả nước"]


def test_split_by_province_writes_what_checking_each_province_alone_writes(
        national, tmp_path: Path) -> None:
    data, out = national
    parts = sorted(p.name for p in out.parent.glob("tong_hop_*.xlsx"))
    assert parts == ["tong_hop_01.xlsx", "tong_hop_02.xlsx"]
    alone = write_rows(tmp_path / "tinh_02.csv", _rows("02", failing=2))
    expected = tmp_path / "tinh_02.xlsx"
    assert run("check", str(alone), "--output", str(expected), "--quiet")[0] == 0
    split, single = openpyxl.load_workbook(out.parent / parts[1]), openpyxl.load_workbook(expected)
    assert split.sheetnames == single.sheetnames
    for name in split.sheetnames:
        if name in ("Thông tin", "Lỗi dữ liệu"):  # the input's path, hash and rows differ
            continue
        assert cell_values(split[name]) == cell_values(single[name]), name
    ws = split["PCGD tiểu học"]
    assert "Xã 02100" in cell_values(ws) and "Xã 01100" not in cell_values(ws)


def test_split_by_province_leaves_nothing_when_a_workbook_fails(national, tmp_path: Path,
                                                               monkeypatch) -> None:
    import pcgd_cli.report.excel as excel

    data, _ = national
    real = excel.write_workbook
    calls = []

    def second_fails(report, stream, lang="vi", columns=None):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        real(report, stream, lang, columns)

    monkeypatch.setattr(excel, "write_workbook", second_fails)
    out = tmp_path / "kq.xlsx"
    code, _, err = run("check", str(data), "--output", str(out), "--split-by", "province")
    assert code == 2 and "disk full" in err
    assert list(tmp_path.iterdir()) == []  # neither the summary nor a province, no temp file

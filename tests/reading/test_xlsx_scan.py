"""The sheet-XML scan on hand-written sheets: hidden rows, formulas never calculated,
the far-cell guard; with and without a namespace prefix, numbered or not, and cut
into pieces at every possible place (the scan reads the XML a piece at a time)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcgd_cli.reading import xlsx_scan
from pcgd_cli.reading.xlsx_scan import scan_xlsx

NS = 'xmlns{p}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def write_book(path: Path, sheet_xml: str, full_calc: bool = False) -> Path:
    calc = '<calcPr fullCalcOnLoad="1"/>' if full_calc else ""
    workbook = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="Xa" sheetId="1" r:id="rId1"/></sheets>{calc}</workbook>')
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/workbook.xml", workbook)
        book.writestr("xl/_rels/workbook.xml.rels", rels)
        book.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def sheet(rows: str, prefix: str = "", dimension: str | None = "A1:C9") -> str:
    p = f"{prefix}:" if prefix else ""
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0"?><{p}worksheet {NS.format(p=":" + prefix if prefix else "")}>'
            f'{dim}<{p}cols><{p}col min="1" max="1" hidden="1"/></{p}cols>'
            f'<{p}sheetData>{rows}</{p}sheetData>'
            f'<{p}rowBreaks count="1"><{p}brk id="3"/></{p}rowBreaks></{p}worksheet>')


def row(number: int | None, cells: str = "", attrs: str = "", prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    r = f' r="{number}"' if number is not None else ""
    return f"<{p}row{r}{attrs}>{cells}</{p}row>"


def cell(ref: str, value: str = "1", formula: str | None = None, prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    f = f"<{p}f>{formula}</{p}f>" if formula is not None else ""
    v = f"<{p}v>{value}</{p}v>" if value else ""
    return f'<{p}c r="{ref}">{f}{v}</{p}c>'


@pytest.mark.parametrize("prefix", ["", "x"])
def test_hidden_rows_and_uncached_formulas(tmp_path, prefix):
    rows = "".join([
        row(1, cell("A1", prefix=prefix), prefix=prefix),
        row(2, cell("A2", prefix=prefix), ' hidden="1"', prefix),
        row(3, cell("B3", "", "1+1", prefix), ' spans="1:2" hidden="true" ht="0"', prefix),
        row(4, cell("B4", "2", "1+1", prefix), ' hidden="0"', prefix),
        row(5, cell("C5", " ", "A1", prefix), prefix=prefix),
    ])
    path = write_book(tmp_path / "b.xlsx", sheet(rows, prefix))
    scan = scan_xlsx(str(path))["Xa"]
    assert scan.hidden_rows == [1, 2]
    assert scan.uncached_formulas == [(2, 1), (4, 2)]
    assert scan.far_cell is None


def test_a_zero_counts_as_uncached_only_when_the_workbook_asks_to_recalculate(tmp_path):
    rows = row(1, cell("A1", "0", "B1*0") + cell("B1", "0") + cell("C1", "3", "1+2"))
    plain = scan_xlsx(str(write_book(tmp_path / "a.xlsx", sheet(rows))))["Xa"]
    recalc = scan_xlsx(str(write_book(tmp_path / "b.xlsx", sheet(rows), full_calc=True)))["Xa"]
    assert plain.uncached_formulas == []
    assert recalc.uncached_formulas == [(0, 0)]


def test_shared_formula_children_without_a_value_are_uncached(tmp_path):
    rows = row(1, '<c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f><v>4</v></c>'
                  '<c r="A2"><f t="shared" si="0"/></c>')
    scan = scan_xlsx(str(write_book(tmp_path / "a.xlsx", sheet(rows))))["Xa"]
    assert scan.uncached_formulas == [(1, 0)]


@pytest.mark.parametrize("extent_only", [False, True])
@pytest.mark.parametrize("dimension", ["A1:XFD1048576", None])
def test_a_far_cell_is_named_and_the_sheet_not_read(tmp_path, dimension, extent_only):
    rows = row(1, cell("A1")) + row(1048576, cell("XFD1048576"))
    path = write_book(tmp_path / "a.xlsx", sheet(rows, dimension=dimension))
    scan = scan_xlsx(str(path), extent_only=extent_only)
    assert scan["Xa"].far_cell == (1048575, 16383)
    assert scan["Xa"].hidden_rows == [] and scan["Xa"].uncached_formulas == []


@pytest.mark.parametrize("extent_only", [False, True])
@pytest.mark.parametrize("dimension", ["A1:C3", None])
def test_a_stray_cell_far_right_in_any_row_trips_the_guard(tmp_path, monkeypatch, dimension,
                                                          extent_only):
    monkeypatch.setattr(xlsx_scan, "MAX_CELLS", 3 * 100)
    rows = row(1, cell("A1")) + row(2, cell("A2") + cell("CW2")) + row(3, cell("C3"))
    path = write_book(tmp_path / "a.xlsx", sheet(rows, dimension=dimension))
    scan = scan_xlsx(str(path), extent_only=extent_only)
    # <dimension> is trusted when present (every common writer keeps it right)
    assert scan["Xa"].far_cell == (None if dimension else (1, 100))


@pytest.mark.parametrize("numbered", [True, False])
def test_the_guard_counts_rows_with_and_without_numbers(tmp_path, monkeypatch, numbered):
    monkeypatch.setattr(xlsx_scan, "MAX_CELLS", 3 * 20)
    for n_rows, too_large in ((20, False), (21, True)):
        rows = "".join(row(i + 1 if numbered else None, cell(f"C{i + 1}"))
                       for i in range(n_rows))
        path = write_book(tmp_path / f"{n_rows}.xlsx", sheet(rows, dimension="A1:C1"))
        assert (scan_xlsx(str(path))["Xa"].far_cell is not None) is too_large
        # the size alone (what the read ahead looks at first) finds the same
        assert (scan_xlsx(str(path), extent_only=True)["Xa"].far_cell is not None) is too_large


def test_a_corrupt_sheet_stream_is_left_to_calamine(tmp_path):
    path = write_book(tmp_path / "a.xlsx", sheet(row(1, cell("A1")) * 2000))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10:start + 40] = b"\xff" * 30  # inside the deflate stream
    path.write_bytes(bytes(data))
    assert scan_xlsx(str(path)) == {}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hidden=st.sets(st.integers(1, 200)), uncached=st.sets(st.integers(1, 200)),
       prefix=st.sampled_from(["", "x"]), piece=st.integers(1, 300))
def test_pieces_cut_anywhere_give_the_same_findings(tmp_path, monkeypatch, hidden, uncached,
                                                    prefix, piece):
    monkeypatch.setattr(xlsx_scan, "CHUNK", piece, raising=False)
    rows = "".join(
        row(n, cell(f"A{n}", prefix=prefix)
            + cell(f"B{n}", "" if n in uncached else "5", "A1*5", prefix),
            ' hidden="1"' if n in hidden else "", prefix)
        for n in range(1, 201))
    path = write_book(tmp_path / "p.xlsx", sheet(rows, prefix, "A1:B200"))
    scan = scan_xlsx(str(path))["Xa"]
    assert scan.hidden_rows == sorted(n - 1 for n in hidden)
    assert scan.uncached_formulas == [(n - 1, 1) for n in sorted(uncached)]

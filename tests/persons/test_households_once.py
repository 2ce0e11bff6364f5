"""Households written once: in an entry workbook a blank form number (Số phiếu) continues
the household above, merged over its members' rows (B5:B7) or left blank under the
first member, so the duplicate check and ``--by village`` see the household. At the
first person row there is no household above. Exports are read as written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from person_support import KEYS, count, person, write_entry_workbook, write_export_csv

from pcgd_cli.persons import workbooks

HOUSEHOLD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[KEYS.index("household")]
AN, BINH = ("Lò Văn", "An", 2018), ("Lò Thị", "Bình", 2019)

# (each row's household cell (None: blank), its person, "merge" the household cells of
# the rows below a number; the rows repeating another (row, first row), the household
# each duplicate finding names)
CASES = [
    ("merged", [("7", AN), (None, BINH), (None, AN)], True, [(7, "5")], ["7"]),
    ("blank below", [("7", AN), (None, BINH), (None, AN)], False, [(7, "5")], ["7"]),
    ("a new number", [("7", AN), (None, BINH), ("8", AN), (None, BINH)], False, [], []),
    ("two households", [("7", AN), (None, AN), ("8", BINH), (None, BINH)], False,
     [(6, "5"), (8, "7")], ["7", "8"]),
    ("none above the first", [(None, AN), (None, AN)], False, [], []),
    ("blank first, then one", [(None, AN), ("7", AN), (None, AN)], False, [(7, "6")], ["7"]),
]


@pytest.fixture(params=["here", "workers"])
def where(request, monkeypatch) -> str:
    if request.param == "here":
        monkeypatch.setattr(workbooks, "_can_fork", lambda: False)
    return request.param


def _book(path: Path, rows: list, merge: bool, villages: list | None = None) -> Path:
    people = [person(household=h, family_name=f, given_name=g, birth_year=b,
                     village=None if villages is None else villages[i])
              for i, (h, (f, g, b)) in enumerate(rows)]
    write_entry_workbook(path, people)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    if villages is not None:  # the helper's layout has no village column: add one
        sheet.cell(3, sheet.max_column + 1, "Thôn")
        column = sheet.max_column
        for i, village in enumerate(villages):
            sheet.cell(5 + i, column, village)
    if merge:
        starts = [i for i, (h, _) in enumerate(rows) if h] + [len(rows)]
        for a, b in zip(starts, starts[1:], strict=False):
            if b - a > 1:
                sheet.merge_cells(f"{HOUSEHOLD}{5 + a}:{HOUSEHOLD}{5 + b - 1}")
    book.save(path)
    return path


@pytest.mark.parametrize("name,rows,merge,repeats,households", CASES,
                         ids=[c[0] for c in CASES])
def test_a_blank_household_continues_the_one_above(tmp_path: Path, where: str, name: str,
                                                   rows, merge, repeats, households) -> None:
    # two workbooks (two communes), so that the workers read them
    paths = [_book(tmp_path / f"{code}.xlsx", rows, merge) for code in ("03394", "03395")]
    result = count(paths, commune=None, register=_register(tmp_path))
    found = [f for f in result.findings if f.code == "person_duplicate"]
    assert [(Path(f.file).stem, f.row, f.params["first_row"]) for f in found] == [
        (code, row, first) for code in ("03394", "03395") for row, first in repeats]
    assert [f.params["household"] for f in found] == households * 2
    assert [i.rows_read for i in result.inputs] == [len(rows)] * 2


def test_by_village_sees_the_household(tmp_path: Path, where: str) -> None:
    rows = [("7", AN), (None, BINH), ("8", ("Tao Văn", "Cường", 2018)), (None, BINH)]
    villages = ["Bản A", None, "Bản B", None]
    paths = [_book(tmp_path / f"{code}.xlsx", rows, True, villages)
             for code in ("03394", "03395")]
    result = count(paths, register=_register(tmp_path), by_village=True)
    got = {(r["commune_code"], r["village"]): (r["age6_total"], r["age5_total"])
           for r in result.counts.to_dict("records")}
    assert got == {(c, v): (1, 1) for c in ("03394", "03395") for v in ("Bản A", "Bản B")}


def test_an_export_is_read_as_written(tmp_path: Path) -> None:
    """Exports write the household on every row: a blank one is no household."""
    people = [{"commune_code": "03394", "year": "2024", "household": h, "family_name": "Lò",
               "given_name": "An", "birth_year": "2018"} for h in ("7", "", "")]
    result = count([write_export_csv(tmp_path / "x.csv", people)])
    assert not [f for f in result.findings if f.code == "person_duplicate"]


def test_the_review_workbook(tmp_path: Path) -> None:
    """B5:B7 merged over three members, the third repeating the first."""
    path = _book(tmp_path / "so.xlsx", CASES[0][1], True)
    result = count([path], commune="03394")
    found = [(f.cell, f.row, f.params["first_row"], f.params["household"])
             for f in result.findings if f.code == "person_duplicate"]
    assert found == [("D7", 7, "5", "7")]
    assert result.accounting.iloc[0]["rejected"] == 1


def _register(tmp_path: Path):
    from person_support import make_register

    folder = tmp_path / "register"
    folder.mkdir(exist_ok=True)
    return make_register(folder, [("03394", "Xã Thèn Sin", "106", "Huyện Tam Đường"),
                                  ("03395", "Xã Tả Lèng", "106", "Huyện Tam Đường")])

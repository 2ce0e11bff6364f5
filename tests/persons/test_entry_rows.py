"""Which rows of an entry workbook are persons: any filled-in column of the person
table but the index (STT) makes one, so a row without a name or a birth year is
said (``person_no_birth_year`` with its cell), never skipped; rows that are blank, or
hold only their STT, are not persons. The same in this process and in the workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from person_support import KEYS, count, person, write_entry_workbook

from pcgd_cli.persons import workbooks

BIRTH_COLUMN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[KEYS.index("birth_year")]
NO_NAME = {"family_name": None, "given_name": None, "household": None}

# (the middle row's cells, whether it is a person)
CASES = [
    ({**NO_NAME, "household": "1", "grade": 1, "moved": "Chuyển đến"}, True),
    ({**NO_NAME, "grade": 1}, True),
    ({**NO_NAME, "moved": "Chết"}, True),
    ({**NO_NAME, "household": "4"}, True),
    ({**NO_NAME, "note": "chưa rõ năm sinh"}, True),
    ({**NO_NAME, "disability_vision": "X"}, True),
    ({"family_name": None, "given_name": "B", "household": None}, True),  # a name: as before
    ({**NO_NAME, "birth_year": 2018}, True),  # a birth year alone: as before
    ({**NO_NAME, "female": True}, True),  # a ticked box is a mark
    (NO_NAME, False),  # only its STT
    ({**NO_NAME, "female": False}, False),  # an unticked box is blank
    ({**NO_NAME, "note": "  "}, False),  # spaces are blank
]


@pytest.fixture(params=["here", "workers"])
def where(request, monkeypatch) -> str:
    if request.param == "here":
        monkeypatch.setattr(workbooks, "_can_fork", lambda: False)
    return request.param


@pytest.mark.parametrize("cells,is_person", CASES)
def test_a_row_with_any_person_cell_is_a_person(tmp_path: Path, where: str, cells: dict,
                                                is_person: bool) -> None:
    # two workbooks, so that the workers (one per workbook) read them
    paths = [write_entry_workbook(tmp_path / f"so{i}.xlsx", [
        person(given_name=f"A{i}", birth_year=2018, grade=1), person(**cells),
        person(given_name=f"C{i}", birth_year=2018, grade=1)]) for i in range(2)]
    result = count(paths, commune="03394")
    no_birth = [(Path(f.file).name, f.cell, f.row) for f in result.findings
                if f.code == "person_no_birth_year"]
    middle = [] if cells.get("birth_year") or not is_person else [
        (p.name, f"{BIRTH_COLUMN}6", 6) for p in paths]
    assert no_birth == middle
    read = 3 if is_person else 2
    assert [i.rows_read for i in result.inputs] == [read, read]
    accounting = result.accounting.iloc[0]
    assert accounting["persons_read"] == 2 * read  # read = counted + left out + rejected
    assert accounting["persons_read"] == sum(accounting[f] for f in
                                             ("counted", "moved_out", "deceased",
                                              "not_resident", "rejected"))


def test_blank_rows_between_and_under_persons_are_not_persons(tmp_path: Path,
                                                              where: str) -> None:
    import openpyxl

    paths = []
    for i in range(2):
        path = write_entry_workbook(tmp_path / f"so{i}.xlsx", [
            person(given_name=f"A{i}", birth_year=2018), person(**NO_NAME),
            person(given_name=f"C{i}", birth_year=2018), person(**NO_NAME)])
        book = openpyxl.load_workbook(path)
        book.active["A6"] = None  # a row left wholly blank (no STT either)
        book.active["A20"] = "Người lập biểu"  # under the table, in the STT column
        book.save(path)
        paths.append(path)
    result = count(paths, commune="03394")
    assert [i.rows_read for i in result.inputs] == [2, 2]
    assert not [f for f in result.findings if f.severity == "error"]

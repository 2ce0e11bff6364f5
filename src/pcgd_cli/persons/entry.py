"""Read the national system's entry workbook (and any sheet laid out like it).

Knows the column catalogue and nothing of counting: it finds each sheet's
person table by its header, reads the survey year and the title above it, and
hands over every person row as text (trimmed, Unicode NFC; whole numbers
without ".0"; dates as yyyy-mm-dd) with its 1-based sheet row.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.persons.headers import BIRTH_KEYS, NAME_KEYS, PersonHeader, find_person_header
from pcgd_cli.reading.workbook import RawSheet, read_file
from pcgd_cli.validation.catalog import ColumnCatalog

# "Năm học 2024-2025", "2024 - 2025", "năm 2024", or a year alone in a title cell
_SCHOOL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
_YEAR_WORD = re.compile(r"năm(?:\s+học)?(?:\s+điều\s+tra)?\s*:?\s*((?:19|20)\d\d)(?!\d)",
                        re.IGNORECASE)
_YEAR_ALONE = re.compile(r"^\s*((?:19|20)\d\d)(?:\.0+)?\s*$")
_PERSON_KEYS = (*NAME_KEYS, *BIRTH_KEYS, "birth_day", "birth_month")


@dataclass
class SheetPersons:
    """The person rows of one sheet, column by column."""

    file: Path
    sheet: str
    header: PersonHeader
    rows: list[int]  # 1-based sheet rows
    values: dict[str, list[str | None]]  # key -> one text per row
    survey_year: int | None = None
    titles: list[str] = field(default_factory=list)  # texts above the header

    def cell(self, key: str, row: int) -> str:
        for c, k in self.header.columns.items():
            if k == key:
                return cell_ref(row - 1, c)
        return ""


def clean_text(text: str) -> str | None:
    """Trimmed, inner spaces collapsed, Unicode NFC; blank as None."""
    text = text.strip()
    if not text:
        return None
    if "  " in text or "\n" in text or "\t" in text or "\xa0" in text or "\r" in text:
        text = " ".join(text.split())
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def column_texts(cells: tuple) -> list[str | None]:
    """One column of the data rows as text: the hot loop of reading a workbook, so an
    empty column is skipped whole and the common cells (text, whole numbers) are
    handled inline."""
    if cells.count("") + cells.count(None) == len(cells):
        return [None] * len(cells)
    seen: dict[str, str | None] = {}  # names, "Thường trú", "X" … repeat down a column
    return [None if value == "" or value is None
            else (seen[value] if value in seen else seen.setdefault(value, clean_text(value)))
            if type(value) is str
            else str(int(value)) if type(value) is float and value.is_integer()
            else cell_text(value)
            for value in cells]


def cell_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "x" if value else None
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value))


def survey_year_of(titles_by_cell: list[tuple[int, int, object]]) -> int | None:
    """The start year of the school year printed above the table; A2 first."""
    ordered = sorted(titles_by_cell, key=lambda x: (x[:2] != (1, 0), x[0], x[1]))
    for _, _, value in ordered:
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer() and 1900 <= value <= 2099:
                return int(value)
            continue
        text = str(value)
        for pattern in (_SCHOOL_YEAR, _YEAR_WORD, _YEAR_ALONE):
            found = pattern.search(text)
            if found:
                return int(found.group(1))
    return None


def _is_person(row: list[object], person_cols: list[int]) -> bool:
    for c in person_cols:
        if c < len(row):
            value = row[c]
            if value is not None and not (type(value) is str and not value.strip()):
                return True
    return False


def sheet_persons(sheet: RawSheet, catalog: ColumnCatalog) -> SheetPersons | None:
    header = find_person_header(sheet.rows, catalog, sheet.merges)
    if header is None:
        return None
    titles = [(r, c, v) for r in range(header.header_row)
              for c, v in enumerate(sheet.rows[r]) if cell_text(v) is not None]
    person_cols = [c for c, k in header.columns.items() if k in _PERSON_KEYS]
    numbers = [r for r in range(header.first_data_row, len(sheet.rows))
               if _is_person(sheet.rows[r], person_cols)]
    columns = list(zip_longest(*(sheet.rows[r] for r in numbers))) if numbers else []
    values = {key: column_texts(columns[c]) if c < len(columns) else [None] * len(numbers)
              for c, key in header.columns.items()}
    return SheetPersons(sheet.file, sheet.name, header, [r + 1 for r in numbers], values,
                        survey_year_of(titles), [str(cell_text(v)) for _, _, v in titles])


def read_entry_workbook(path: Path, catalog: ColumnCatalog,
                        sheets: list[RawSheet] | None = None
                        ) -> tuple[list[SheetPersons], list[Finding]]:
    """Every visible sheet with a person table; hidden sheets are said, not read.
    ``sheets``: the workbook's sheets when they were already read (``pcgd check``)."""
    parts: list[SheetPersons] = []
    findings: list[Finding] = []
    for sheet in read_file(path) if sheets is None else sheets:
        if sheet.hidden:
            findings.append(Finding("info", "hidden_sheet", str(path), sheet.name,
                                    value=sheet.name))
            continue
        if sheet.far_cell is not None:
            row0, col0 = sheet.far_cell
            findings.append(Finding("error", "sheet_too_large", str(path), sheet.name,
                                    cell_ref(row0, col0), row0 + 1))
            continue
        part = sheet_persons(sheet, catalog)
        if part is None:
            continue
        findings += header_findings(part)
        parts.append(part)
    return parts, findings


def header_findings(part: SheetPersons) -> list[Finding]:
    out = []
    row = part.header.header_row
    for c, text in part.header.unknown.items():
        out.append(Finding("info", "person_unknown_column", str(part.file), part.sheet,
                           cell_ref(row, c), row + 1, value=text))
    for c, key in part.header.duplicates:
        out.append(Finding("warning", "person_duplicate_column", str(part.file), part.sheet,
                           cell_ref(row, c), row + 1, column=key))
    if not part.rows:
        out.append(Finding("warning", "persons_no_rows", str(part.file), part.sheet))
    return out

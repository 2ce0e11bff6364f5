"""Read the national system's entry workbook (and any sheet laid out like it).

Knows the column catalogue and nothing of counting: it finds each sheet's
person table by its header, reads the survey year and the title above it, and
hands over every person row (any filled-in cell of the table but its STT) as text
(trimmed, Unicode NFC; whole numbers without ".0"; dates as yyyy-mm-dd) with its
1-based sheet row, a household number written once carried down to its members.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.persons.headers import PersonHeader, find_person_header
from pcgd_cli.reading.workbook import RawSheet, read_file
from pcgd_cli.validation.catalog import ColumnCatalog

# "Năm học 2024-2025", "2024 - 2025", "năm 2024", or a year alone in a title cell
_SCHOOL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?!\d)")
_YEAR_WORD = re.compile(r"năm(?:\s+học)?(?:\s+điều\s+tra)?\s*:?\s*((?:19|20)\d\d)(?!\d)",
                        re.IGNORECASE)
_YEAR_ALONE = re.compile(r"^\s*((?:19|20)\d\d)(?:\.0+)?\s*$")
# the survey's date ("30/09/2024", "2024-09-30", "ngày 30 tháng 9 năm 2024"): day first
_DATES = (
    (re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d\d)(?!\d)"),
     (3, 2, 1)),
    (re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
     (1, 2, 3)),
    (re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d\d)(?!\d)",
                re.IGNORECASE), (3, 2, 1)),
)
# a cell that tries to say the year (for naming it when it cannot be read)
_YEAR_ATTEMPT = re.compile(r"năm|\d\s*[-–/.]\s*\d|^\s*\d+(?:\.\d+)?\s*$", re.IGNORECASE)
# a school year starts in August (the survey's reference date is 30 September N)
FIRST_MONTH_OF_SCHOOL_YEAR = 8
# the row number alone does not make a person (a form numbers its empty rows too)
_NOT_PERSON_KEYS = ("index",)


@dataclass
class SheetPersons:
    """The person rows of one sheet, column by column."""

    file: Path
    sheet: str
    header: PersonHeader
    rows: list[int]  # 1-based sheet rows
    values: dict[str, list[str | None]]  # key -> one text per row (blank: CellTexts.blank)
    survey_year: int | None = None
    titles: list[str] = field(default_factory=list)  # texts above the header
    year_cell: tuple[str, str] | None = None  # no survey year: the cell that tried (ref, text)

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


class CellTexts(dict):
    """Cell value -> its text (``cell_text``), remembered: names, "Thường trú", 1.0, "X"
    repeat down every column and across sheets. Blank is ``blank``. A bool is never
    looked up here (True == 1 == 1.0 as keys, but "x" is not "1")."""

    def __init__(self, blank: str | None = None):
        super().__init__()
        self.blank = blank

    def __missing__(self, value: object) -> str | None:
        text = cell_text(value)
        self[value] = self.blank if text is None else text
        return self[value]


def column_texts(cells: tuple | list, texts: CellTexts | None = None) -> list[str | None]:
    """One column of the data rows as text: the hot loop of reading a workbook, so each
    distinct value is converted once and looked up in C (``map``)."""
    texts = CellTexts() if texts is None else texts
    if bool in set(map(type, cells)):
        return [texts.blank if (text := cell_text(value)) is None else text for value in cells]
    return list(map(texts.__getitem__, cells))


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


def school_year_of_date(year: int, month: int, day: int) -> int | None:
    """The start year of the school year a date falls in: August–December → that year,
    January–July → the year before; None when it is not a date (31/02)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return year if month >= FIRST_MONTH_OF_SCHOOL_YEAR else year - 1


def _year_in(value: object) -> int | None:
    if isinstance(value, dt.date):  # a date cell (a datetime is one too)
        return school_year_of_date(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= value <= 2099:
            return int(value)
        return None
    text = str(value)
    found = _SCHOOL_YEAR.search(text)
    if found:
        return int(found.group(1))
    for pattern, (y, m, d) in _DATES:
        found = pattern.search(text)
        if found:  # a date that is none (31/02/2024) is not read as its year either
            return school_year_of_date(int(found.group(y)), int(found.group(m)),
                                       int(found.group(d)))
    for pattern in (_YEAR_WORD, _YEAR_ALONE):
        found = pattern.search(text)
        if found:
            return int(found.group(1))
    return None


def _a2_first(titles_by_cell: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    return sorted(titles_by_cell, key=lambda x: (x[:2] != (1, 0), x[0], x[1]))


def survey_year_of(titles_by_cell: list[tuple[int, int, object]]) -> int | None:
    """The start year of the school year printed above the table ("2024-2025", a year,
    or a date in it); A2 first."""
    for _, _, value in _a2_first(titles_by_cell):
        year = _year_in(value)
        if year is not None:
            return year
    return None


def unreadable_year_cell(titles_by_cell: list[tuple[int, int, object]]
                         ) -> tuple[str, str] | None:
    """Where no survey year could be read: the first cell that tries to say one (a date,
    a number, "năm …", digits around a dash or slash), A2 first, as (ref, text)."""
    for r, c, value in _a2_first(titles_by_cell):
        if isinstance(value, dt.date | int | float) or _YEAR_ATTEMPT.search(str(value)):
            return cell_ref(r, c), str(cell_text(value))
    return None


def _is_person(row: list[object], person_cols: list[int]) -> bool:
    # a FALSE cell (an unticked box) is as blank as its text (``cell_text``)
    for c in person_cols:
        if c < len(row):
            value = row[c]
            if value is not None and value is not False and not (
                    type(value) is str and not value.strip()):
                return True
    return False


def _filled(column: tuple) -> bool:
    """Whether every cell of the column holds something (then every row is a person)."""
    return None not in column and all(v.strip() if type(v) is str else v is not False
                                      for v in set(column))


def sheet_persons(sheet: RawSheet, catalog: ColumnCatalog, needed: set[str] | None = None,
                  texts: CellTexts | None = None,
                  headers: dict | None = None) -> SheetPersons | None:
    """The person rows of a sheet. ``needed``: the keys whose cells are turned into text
    (the others are left out of ``values``); ``texts``, ``headers``: remembered across
    sheets (cell texts; header blocks already matched)."""
    header = find_person_header(sheet.rows, catalog, sheet.merges, headers)
    if header is None:
        return None
    titles = [(r, c, v) for r in range(header.header_row)
              for c, v in enumerate(sheet.rows[r]) if cell_text(v) is not None]
    # any other filled-in cell of the table makes a person, with a name and a birth year
    # or not: a row without them is an error the counting says, never skipped here
    person_cols = [c for c, k in header.columns.items() if k not in _NOT_PERSON_KEYS]
    rows, first, last = sheet.rows, header.first_data_row, len(sheet.rows)
    while last > first and not _is_person(rows[last - 1], person_cols):
        last -= 1  # blank rows under the table
    columns = list(zip_longest(*rows[first:last])) if last > first else []
    if any(c < len(columns) and _filled(columns[c]) for c in person_cols):
        numbers = list(range(first, last))
    else:
        numbers = [r for r in range(first, last) if _is_person(rows[r], person_cols)]
        columns = list(zip_longest(*(rows[r] for r in numbers))) if numbers else []
    texts = CellTexts() if texts is None else texts
    values = {key: column_texts(columns[c], texts) if c < len(columns)
              else [texts.blank] * len(numbers)
              for c, key in header.columns.items() if needed is None or key in needed}
    continue_households(values)
    year = survey_year_of(titles)
    return SheetPersons(sheet.file, sheet.name, header, [r + 1 for r in numbers], values,
                        year, [str(cell_text(v)) for _, _, v in titles],
                        unreadable_year_cell(titles) if year is None else None)


def continue_households(values: dict[str, list[str | None]]) -> None:
    """The entry workbook writes a household's form number once, on its first member's
    row (merged over its members' rows, or left blank under it): a blank number continues
    the household of the person row above, and a member's blank village is that of the
    household's row above. At the first person row there is no household above: a blank
    stays blank. Exports write the household on every row and are read as written."""
    households = values.get("household")
    villages = values.get("village")
    if not households or (villages is None and all(households)):
        return  # nothing to carry (the usual export-like sheet: a number on every row)
    for i in range(1, len(households)):
        if not households[i]:
            households[i] = households[i - 1]
        if (villages is not None and not villages[i] and households[i]
                and households[i] == households[i - 1]):
            villages[i] = villages[i - 1]


def entry_parts(path: Path, sheets: list[RawSheet], catalog: ColumnCatalog,
                needed: set[str] | None = None, texts: CellTexts | None = None,
                headers: dict | None = None) -> tuple[list[SheetPersons], list[Finding]]:
    """Every visible sheet with a person table; hidden sheets are said, not read."""
    parts: list[SheetPersons] = []
    findings: list[Finding] = []
    for sheet in sheets:
        if sheet.hidden:
            findings.append(Finding("info", "hidden_sheet", str(path), sheet.name,
                                    value=sheet.name))
            continue
        if sheet.far_cell is not None:
            row0, col0 = sheet.far_cell
            findings.append(Finding("error", "sheet_too_large", str(path), sheet.name,
                                    cell_ref(row0, col0), row0 + 1))
            continue
        part = sheet_persons(sheet, catalog, needed, texts, headers)
        if part is None:
            continue
        findings += header_findings(part)
        parts.append(part)
    return parts, findings


def read_entry_workbook(path: Path, catalog: ColumnCatalog
                        ) -> tuple[list[SheetPersons], list[Finding]]:
    """Every visible sheet with a person table; hidden sheets are said, not read."""
    return entry_parts(path, read_file(path), catalog)


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

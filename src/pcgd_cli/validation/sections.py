"""District section rows: "I. Huyện Tam Đường" above the district's communes.

Offices that keep one sheet for a province often write no district column:
a row holding only a district's name (its type word included, numbered or
not: "I.", "1.", "II -") opens that district for the rows below it, until the
next such row. pcgd reads the district from it, so such a table is judged
district by district, never as a two-tier province by mistake.

Sections are read only where no commune row fills a district cell itself: a
district column, when filled, says each row's district.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pcgd_cli.units.names import district_key
from pcgd_cli.units.register import Register
from pcgd_cli.validation.totals import district_name_key

# numbering before a section's name: roman or arabic, then a dot, dash, bracket or space
_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|\d+)\s*(?:[.)\-–:]+\s*|\s+)", re.IGNORECASE)


@dataclass(frozen=True)
class Section:
    pos: int  # position among the sheet's data rows
    col: int  # column of its text, for findings
    label: str  # the name as written, numbering removed: "Huyện Tam Đường"
    key: str  # the district key that scopes its rows and subtotals
    code: str = ""  # the district's code, "" when unknown (no register, or not in it)
    name: str = ""  # the district's name (the register's when it knows it)
    register_line: int = 0


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # an item number typed as a number
    return "" if cell is None else " ".join(str(cell).split())


def row_label(row: list[object], columns: list[int]) -> tuple[str, int | None]:
    """The text of a row's label columns, joined, and the column of its first text."""
    parts, first = [], None
    for c in columns:
        text = _text(row[c]) if c < len(row) else ""
        if text:
            parts.append(text)
            first = c if first is None else first
    return " ".join(parts), first


def section_name(label: str) -> str | None:
    """"II - Huyện Tam Đường" → "Huyện Tam Đường"; None when it is not a district's name."""
    name = _NUMBERING.sub("", label, count=1).strip()
    typed, words = district_key(name)
    return name if typed and words else None


def find_sections(rows: list[list[object]], label_columns: list[int],
                  register: Register | None) -> list[Section]:
    """Every section row, with its district identified by the register when given."""
    found = []
    for pos, row in enumerate(rows):
        label, col = row_label(row, label_columns)
        name = section_name(label) if label else None
        if name is None or col is None:
            continue
        key = district_name_key(name)
        district = register.match_district(name).district if register is not None else None
        if district is not None:
            found.append(Section(pos, col, name, key, district.district_code, district.district,
                                 district.line))
        else:
            found.append(Section(pos, col, name, key, "", name))
    return found


def rows_under(sections: list[Section], n: int) -> np.ndarray:
    """For each of ``n`` data rows, the index of the section it falls under (-1: none)."""
    under = np.full(n, -1, dtype=np.int64)
    for k, section in enumerate(sections):
        under[section.pos:] = k
    return under

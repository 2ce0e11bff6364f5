"""What calamine does not tell about an .xlsx sheet, read from the sheet's XML.

calamine gives cached values and merged ranges, but not which rows are
hidden, not which formulas were never calculated (it returns an empty cell or
the 0 a non-calculating writer stored), and it allocates the whole rectangle
up to the farthest used cell (a stray value in XFD1048576 aborts the process).
So each sheet's XML is looked at first, cheaply: substring tests on the raw
bytes, and regular expressions only where those tests found something.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

# calamine holds the full rectangle in memory, ~32 bytes a cell, and Python a
# pointer a cell after that: 10 million cells (e.g. 200,000 rows × 50 columns)
# is the most a sheet may span.
MAX_CELLS = 10_000_000

_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b([^>]*?\bhidden="(?:1|true)"[^>]*)>')
_R_ATTR = re.compile(rb'\br="([A-Z]*)(\d+)"')
_WIDE_COLUMN = re.compile(rb'\br="([A-Z]{3})\d+"')
_ANY_COLUMN = re.compile(rb'\br="([A-Z]{1,3})\d+"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="[A-Z]*\d*:?([A-Z]+)\d+"')
_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)', re.S)
_FORMULA = re.compile(rb'<(?:\w+:)?f\b')
_VALUE = re.compile(rb'<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>')
_FULL_CALC = re.compile(rb'<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"')


@dataclass
class SheetScan:
    hidden_rows: list[int] = field(default_factory=list)  # 0-based
    uncached_formulas: list[tuple[int, int]] = field(default_factory=list)  # (row0, col0)
    far_cell: tuple[int, int] | None = None  # set when the sheet spans too many cells


def column_number(letters: bytes | str) -> int:
    """"A" → 1, "Z" → 26, "AA" → 27."""
    number = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(ch) - 64
    return number


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sheet_paths(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → path of its XML inside the archive."""
    try:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        targets[rel.get("Id")] = path
    out = {}
    for node in workbook.iter():
        if _local(node.tag) == "sheet":
            rid = next((v for k, v in node.attrib.items() if _local(k) == "id"), None)
            if rid in targets:
                out[node.get("name", "")] = targets[rid]
    return out


def _last_row(data: bytes) -> int:
    """Rows are stored in ascending order: the last row tag has the largest number."""
    start = max(data.rfind(b"<row "), data.rfind(b":row "))
    if start < 0:
        return 0
    end = data.find(b">", start)
    number = re.search(rb'\br="(\d+)"', data[start:end if end > 0 else len(data)])
    if number is None:  # rows without numbers: one after another
        return data.count(b"<row ") + data.count(b":row ")
    return int(number.group(1))


def _extent(data: bytes) -> tuple[int, int]:
    """(last row, last column), 1-based, of the cells the sheet XML holds.

    The last column comes from the <dimension> element that Excel, LibreOffice,
    openpyxl and xlsxwriter all write; only without one are the cells looked at."""
    last_row = _last_row(data)
    dimension = _DIMENSION.search(data, 0, 4096)
    if dimension is not None:
        return last_row, column_number(dimension.group(1))
    wide = {m.group(1) for m in _WIDE_COLUMN.finditer(data)}
    if wide:
        return last_row, max(column_number(w) for w in wide)
    letters = {m.group(1) for m in _ANY_COLUMN.finditer(data)}
    return last_row, max((column_number(x) for x in letters), default=0)


def _far_cell(data: bytes, last_row: int, last_col: int) -> tuple[int, int]:
    """The cell that makes the sheet so large, to name it in the message."""
    best = (last_row - 1, 0)
    for match in _R_ATTR.finditer(data):
        letters, row = match.group(1), int(match.group(2))
        if letters and (row == last_row or column_number(letters) == last_col):
            return row - 1, column_number(letters) - 1
    return best


def _hidden_rows(data: bytes) -> list[int]:
    if b'hidden="' not in data:
        return []
    rows = []
    for match in _HIDDEN_ROW.finditer(data):
        number = re.search(rb'\br="(\d+)"', match.group(1))
        if number is not None:
            rows.append(int(number.group(1)) - 1)
    return rows


def _uncached_formulas(data: bytes, full_calc: bool) -> list[tuple[int, int]]:
    """Formula cells with no cached value (or, in a workbook that asks to be
    recalculated on opening, the placeholder 0 writers store instead)."""
    # every formula has "f>" (in "</f>" or "<f/>" ...); one search rules them all out
    if b"f>" not in data:
        return []
    cells = []
    for match in _CELL.finditer(data):
        inner = match.group(2)
        if not inner or _FORMULA.search(inner) is None:
            continue
        value = _VALUE.search(inner)
        text = value.group(1).strip() if value is not None else b""
        if text and not (full_calc and text == b"0"):
            continue
        ref = _R_ATTR.search(match.group(1))
        if ref is not None and ref.group(1):
            cells.append((int(ref.group(2)) - 1, column_number(ref.group(1)) - 1))
    return cells


def scan_xlsx(path: str) -> dict[str, SheetScan]:
    """Per sheet name: hidden rows, formulas never calculated, and a far cell when
    the sheet is too large to read. Empty when the archive cannot be scanned
    (calamine then reports what is wrong)."""
    try:
        with zipfile.ZipFile(path) as book:
            try:
                full_calc = _FULL_CALC.search(book.read("xl/workbook.xml")) is not None
            except KeyError:
                full_calc = False
            scans = {}
            for name, member in sheet_paths(book).items():
                try:
                    data = book.read(member)
                except KeyError:
                    continue
                scan = SheetScan()
                last_row, last_col = _extent(data)
                if last_row * max(last_col, 1) > MAX_CELLS:
                    scan.far_cell = _far_cell(data, last_row, last_col)
                    scans[name] = scan
                    continue
                scan.hidden_rows = _hidden_rows(data)
                scan.uncached_formulas = _uncached_formulas(data, full_calc)
                scans[name] = scan
            return scans
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError,
            NotImplementedError, RuntimeError, ElementTree.ParseError):
        return {}

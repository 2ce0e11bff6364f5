"""Read every sheet of a workbook or CSV file as a grid of raw cell values.

The grid starts at cell A1 so that row and column indexes give the cell
address shown to the user. Values are what the file holds: numbers as
floats, text as str, empty cells as "".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.i18n import t

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_ENCODINGS = ("utf-8-sig", "utf-16", "cp1258")


@dataclass
class RawSheet:
    file: Path
    name: str
    rows: list[list[object]]
    hidden: bool = False

    @property
    def label(self) -> str:
        return self.name


def _decode_csv(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_csv(path: Path) -> list[RawSheet]:
    text = _decode_csv(path.read_bytes())
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    return [RawSheet(path, path.stem, rows)]


def read_workbook(path: Path, lang: str = "vi") -> list[RawSheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in book.sheets_metadata:
            sheet = book.get_sheet_by_name(meta.name)
            hidden = str(meta.visible).rsplit(".", 1)[-1].lower() != "visible"
            rows = sheet.to_python(skip_empty_area=False)
            sheets.append(RawSheet(path, meta.name, rows, hidden=hidden))
        return sheets
    except PcgdError:
        raise
    except Exception as exc:  # calamine raises several types for corrupt files
        raise PcgdError(
            t("file_unreadable", lang, path=path, error=str(exc).splitlines()[0][:200]),
            t("file_unreadable_hint", lang),
        ) from None


def read_file(path: Path, lang: str = "vi") -> list[RawSheet]:
    """All sheets of ``path``; a CSV file is one sheet named after the file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise PcgdError(t("file_not_found", lang, path=path), t("file_not_found_hint", lang))
    if suffix == ".csv":
        try:
            return read_csv(path)
        except OSError as exc:
            raise PcgdError(t("file_unreadable", lang, path=path, error=exc)) from None
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path, lang)
    raise PcgdError(t("file_type", lang, path=path), t("file_type_hint", lang))

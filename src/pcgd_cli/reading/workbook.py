"""Read every sheet of a workbook or CSV file as a grid of raw cell values.

The grid starts at cell A1 so that row and column indexes give the cell
address shown to the user. Values are what the file holds: numbers as
floats (ints from .xls), text as str, empty cells as "". Alongside the grid,
what the layout tells: merged ranges, hidden rows, formulas never calculated.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.reading.xlsx_scan import SheetScan, scan_xlsx

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# UTF-16 is not in the list: decoding any even number of bytes "succeeds", so a
# Windows-1258 file (or a UTF-8 head cut inside a character) would come out as
# nonsense; UTF-16 is taken from its byte-order mark, or from the NULs of its text
CSV_ENCODINGS = ("utf-8-sig", "cp1258")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass
class RawSheet:
    file: Path
    name: str
    rows: list[list[object]]
    hidden: bool = False
    # None: the format does not say (CSV, .ods); [] : it says there are none
    merges: list[Merge] | None = None
    hidden_rows: list[int] = field(default_factory=list)  # 0-based, as read
    uncached_formulas: list[tuple[int, int]] = field(default_factory=list)
    far_cell: tuple[int, int] | None = None  # sheet too large: not read, see this cell

    @property
    def label(self) -> str:
        return self.name


def _utf16(data: bytes) -> str | None:
    """The UTF-16 this file is written in, if it is: from its byte-order mark, or (none
    written) from a start whose every other byte is NUL, as headers in UTF-16 are."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    start = data[:400]
    if len(start) >= 8:
        if start[1::2].count(0) >= 0.9 * len(start[1::2]):
            return "utf-16-le"
        if start[0::2].count(0) >= 0.9 * len(start[0::2]):
            return "utf-16-be"
    return None


def _decode_csv(data: bytes, final: bool = True) -> str:
    """The file's text. ``final=False``: ``data`` is the file's head, whose last
    character may be cut (a Vietnamese letter is 2 or 3 bytes in UTF-8): the cut
    bytes are left out instead of failing the whole decoding."""
    import codecs

    for encoding in filter(None, (_utf16(data), *CSV_ENCODINGS)):
        try:
            return codecs.getincrementaldecoder(encoding)().decode(data, final=final)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def csv_head(path: Path, max_bytes: int = 1 << 16) -> list[list[str]]:
    """The first rows of a CSV file (what fits in ``max_bytes``), decoded and split as
    ``read_csv`` would: enough to tell what the file is without reading it whole."""
    with path.open("rb") as fh:
        data = fh.read(max_bytes)
        more = bool(fh.read(1))
    text = _decode_csv(data, final=not more).replace("\x00", "")
    if more and "\n" in text:
        text = text[:text.rindex("\n")]  # the last line may be cut in the middle
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error:
        return []


def read_csv(path: Path) -> list[RawSheet]:
    data = path.read_bytes()
    if not data.strip():
        raise PcgdError("file_empty", path=path)
    text = _decode_csv(data).replace("\x00", "")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(1 << 24)
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise PcgdError("file_unreadable", path=path, error=exc) from None
    return [RawSheet(path, path.stem, rows, merges=None)]


def _check_container(path: Path) -> None:
    """Empty, encrypted or not-a-workbook files get their own one-line message."""
    with path.open("rb") as fh:
        head = fh.read(8)
        if not head:
            raise PcgdError("file_empty", path=path)
        suffix = path.suffix.lower()
        if head.startswith(_OLE_MAGIC) and suffix in (".xlsx", ".xlsm", ".ods"):
            fh.seek(0)
            if _ENCRYPTED in fh.read(1 << 22):
                raise PcgdError("file_password", path=path)
        if suffix in (".xlsx", ".xlsm", ".ods") and not head.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            raise PcgdError("file_corrupt", path=path, hint="file_unreadable_hint")


def _is_xlsx_archive(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as book:
            return "xl/workbook.xml" in book.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _merges(sheet) -> list[Merge] | None:
    ranges = sheet.merged_cell_ranges
    if ranges is None:
        return None
    return [(int(a[0]), int(a[1]), int(b[0]), int(b[1])) for a, b in ranges]


def apply_scans(sheets: list[RawSheet], scans: dict[str, SheetScan]) -> None:
    """What the sheets' XML says that calamine does not: hidden rows, and formulas
    never calculated (such a cell is not a value, whatever was stored: made blank)."""
    for sheet in sheets:
        scan = scans.get(sheet.name)
        if scan is None or sheet.far_cell is not None:
            continue
        rows = sheet.rows
        for row0, col0 in scan.uncached_formulas:
            if row0 < len(rows) and col0 < len(rows[row0]):
                rows[row0][col0] = ""
        sheet.hidden_rows = scan.hidden_rows
        sheet.uncached_formulas = scan.uncached_formulas


def read_workbook(path: Path, scanned: Callable[[], object] | None = None,
                  full_scan: bool = True) -> list[RawSheet]:
    """``scanned``: called once the sheets' XML has been looked at, before calamine
    parses them (without holding the GIL: see reading/prefetch.py). ``full_scan=False``:
    the XML only looked at for the sheets' size; the caller applies the whole scan
    (``apply_scans``), made meanwhile."""
    from python_calamine import CalamineWorkbook, PasswordError

    _check_container(path)
    is_xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    scans = scan_xlsx(str(path), extent_only=not full_scan) if is_xlsx else {}
    if scanned is not None:
        scanned()
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in book.sheets_metadata:
            hidden = str(meta.visible).rsplit(".", 1)[-1].lower() != "visible"
            if "worksheet" not in str(meta.typ).lower():
                continue  # chart sheets hold no cells
            scan = scans.get(meta.name, SheetScan())
            if scan.far_cell is not None:
                # calamine would allocate every cell up to the far one: do not read
                sheets.append(RawSheet(path, meta.name, [], hidden=hidden,
                                       far_cell=scan.far_cell))
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            sheets.append(RawSheet(path, meta.name, rows, hidden=hidden, merges=_merges(sheet)))
        if full_scan:
            apply_scans(sheets, scans)
        return sheets
    except PcgdError:
        raise
    except PasswordError:
        raise PcgdError("file_password", path=path) from None
    except Exception as exc:  # calamine raises several types for corrupt files
        if is_xlsx and not _is_xlsx_archive(path):
            raise PcgdError("file_corrupt", path=path, hint="file_unreadable_hint") from None
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise PcgdError("file_unreadable", path=path, error=first) from None


def read_file(path: Path, scanned: Callable[[], object] | None = None,
              full_scan: bool = True) -> list[RawSheet]:
    """All sheets of ``path``; a CSV or Parquet file is one sheet named after the file.
    ``scanned``, ``full_scan``: see ``read_workbook``."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise PcgdError("file_not_found", path=path)
    try:
        if suffix == ".csv":
            return read_csv(path)
        if suffix in WORKBOOK_SUFFIXES:
            return read_workbook(path, scanned, full_scan)
        if suffix == ".parquet":
            from pcgd_cli.reading.parquet import read_parquet

            return read_parquet(path)
    except OSError as exc:
        raise PcgdError("file_unreadable", path=path, error=exc.strerror or exc) from None
    raise PcgdError("file_type", path=path)

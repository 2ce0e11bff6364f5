"""Is an input person rows (the household survey) or a table of commune counts?

Told by its headers, as ``pcgd check`` takes both: a sheet or CSV file whose
header names a birth column and a name column (the entry workbook's "Năm sinh",
"Họ đệm", "Tên" …) holds person rows; a Parquet file is always an export of
person rows. A CSV file is told from its first rows, so a national export is not
read twice; a workbook from the sheets read once, which the counting then reuses.
"""

from __future__ import annotations

from pathlib import Path

from pcgd_cli.persons.headers import find_person_header
from pcgd_cli.reading.workbook import RawSheet, csv_head
from pcgd_cli.validation.catalog import ColumnCatalog

PERSON_ONLY_SUFFIXES = (".parquet",)


def csv_holds_persons(path: Path, catalog: ColumnCatalog) -> bool:
    return find_person_header(csv_head(path), catalog) is not None


def sheets_hold_persons(sheets: list[RawSheet], catalog: ColumnCatalog) -> bool:
    return any(find_person_header(s.rows, catalog, s.merges) is not None
               for s in sheets if not s.hidden and s.far_cell is None)

"""Is an input person rows (the household survey) or a table of commune counts?

Told by its headers, as ``pcgd check`` takes both: a sheet or CSV file whose
header names a birth column and a name column (the entry workbook's "Năm sinh",
"Họ đệm", "Tên" …) holds person rows. A CSV file is told from its first rows and a
Parquet file from its column names, so a national export is not read twice; a
workbook from the sheets read once, which the counting then reuses. A Parquet file
without them is a table of counts, as ``pcgd count -o x.parquet`` writes.
"""

from __future__ import annotations

from pathlib import Path

from pcgd_cli.persons.headers import find_person_header
from pcgd_cli.reading.workbook import RawSheet, csv_head
from pcgd_cli.validation.catalog import ColumnCatalog


def csv_holds_persons(path: Path, catalog: ColumnCatalog) -> bool:
    return find_person_header(csv_head(path), catalog) is not None


def parquet_holds_persons(path: Path, catalog: ColumnCatalog) -> bool:
    from pcgd_cli.reading.parquet import parquet_columns

    columns: list[object] = list(parquet_columns(path))
    return find_person_header([columns], catalog) is not None


def sheets_hold_persons(sheets: list[RawSheet], catalog: ColumnCatalog) -> bool:
    return any(find_person_header(s.rows, catalog, s.merges) is not None
               for s in sheets if not s.hidden and s.far_cell is None)

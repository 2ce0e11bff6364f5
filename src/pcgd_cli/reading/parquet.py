"""Read a Parquet table of commune counts (what ``pcgd count -o x.parquet`` writes)
as one raw sheet, header row first, so it is validated like a CSV file.

DuckDB reads it: it is already how pcgd counts person rows and writes Parquet, so
no second Parquet library is needed. Parquet person exports never come here; they
are counted by ``persons`` straight from the file.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.reading.workbook import RawSheet


def _connect():
    import duckdb

    return duckdb.connect()


def parquet_columns(path: Path) -> list[str]:
    """The column names, read from the file's footer only."""
    try:
        with _connect() as con:
            cursor = con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(path)])
            return [d[0] for d in cursor.description]
    except Exception as exc:  # duckdb raises its own IOException, InvalidInputException …
        raise PcgdError("file_unreadable", path=path,
                        error=(str(exc).splitlines() or ["?"])[0][:200]) from None


def _cell(value: object) -> object:
    # the grid holds what a spreadsheet would: numbers as floats, text, "" for empty
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def read_parquet(path: Path) -> list[RawSheet]:
    try:
        with _connect() as con:
            cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
            header: list[object] = [d[0] for d in cursor.description]
            rows = [header] + [[_cell(v) for v in row] for row in cursor.fetchall()]
    except Exception as exc:
        raise PcgdError("file_unreadable", path=path,
                        error=(str(exc).splitlines() or ["?"])[0][:200]) from None
    return [RawSheet(path, path.stem, rows)]

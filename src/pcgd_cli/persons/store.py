"""The DuckDB session that holds the relation ``persons`` and runs the queries.

Memory is bounded: DuckDB gets a memory limit and a temporary folder to spill
to; workbook rows, once read, are written as CSV files into that folder (the
fastest hand-over to DuckDB measured: 6× a pandas insert), so nothing grows
with the number of persons but the disk. CSV and Parquet exports are not
copied at all: ``persons`` reads every file where it lies, streaming, at each
query.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pcgd_cli.persons.expressions import quote
from pcgd_cli.persons.sql import PERSON_VALUES

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_MEMORY = "512MB"
PROVENANCE = (("_file", "INTEGER"), ("_sheet", "VARCHAR"), ("_row", "BIGINT"))
# the physical plan that inserts rows in input order (their rowid is their position)
ORDER_KEEPING_INSERT = "BATCH_CREATE_TABLE_AS"


class PersonStore:
    def __init__(self, keys: list[str], memory_limit: str | None = None,
                 threads: int | None = None, temp_root: str | None = None):
        import duckdb

        self.keys = list(keys)
        self.folder = Path(tempfile.mkdtemp(prefix="pcgd-persons-", dir=temp_root))
        self.con = duckdb.connect(":memory:", config={
            "memory_limit": memory_limit or os.environ.get("PCGD_MEMORY_LIMIT", DEFAULT_MEMORY),
            "temp_directory": str(self.folder / "spill"),
            "preserve_insertion_order": False,
            "threads": threads or os.cpu_count() or 1,
        })
        self.con.execute("SET enable_progress_bar = false")  # it writes to the terminal
        self.sources: list[tuple[str, str]] = []  # (SELECT, the same with rows numbered)
        self.sheet_files: list[Path] = []
        self.sheet_rows = 0

    def add_rows(self, values: dict[str, list], file_id: int, sheet: str,
                 rows: list[int]) -> None:
        """Rows already read (a workbook sheet): text per key, None for blank."""
        if not rows:
            return
        path = self.folder / f"sheet{len(self.sheet_files) + 1}.csv"
        blank = [None] * len(rows)
        columns = [values.get(k, blank) for k in self.keys]
        columns += [[file_id] * len(rows), [sheet] * len(rows), rows]
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([*self.keys, *(n for n, _ in PROVENANCE)])
            writer.writerows(zip(*columns, strict=True))
        self.sheet_files.append(path)
        self.sheet_rows += len(rows)

    def add_source(self, select_sql: str, numbered_sql: str | None = None) -> None:
        """A SELECT giving every key and the provenance (an export read in place), and
        the same with its rows numbered where the first leaves them to the input order."""
        self.sources.append((select_sql, numbered_sql or select_sql))

    def publish(self, numbered: bool = False) -> None:
        parts = [pair[1] if numbered else pair[0] for pair in self.sources]
        if self.sheet_files:
            files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in self.sheet_files)
            names = ", ".join([*(quote(k) for k in self.keys),
                               *(f"CAST({n} AS {kind}) AS {n}" for n, kind in PROVENANCE)])
            # the files' own header: no sniffing, every column text, empty = NULL
            parts.insert(0, f"SELECT {names} FROM read_csv([{files}], header = true, "
                            "all_varchar = true, delim = ',', quote = '\"', escape = '\"')")
        if not parts:
            names = ", ".join([*(f"CAST(NULL AS VARCHAR) AS {quote(k)}" for k in self.keys),
                               *(f"CAST(NULL AS {kind}) AS {n}" for n, kind in PROVENANCE)])
            parts = [f"SELECT {names} WHERE FALSE"]
        self.con.execute("CREATE OR REPLACE VIEW persons AS\n" + "\nUNION ALL\n".join(parts))

    def query(self, sql: str) -> pd.DataFrame:
        return self.con.execute(sql).df()

    def count(self, statements: list[str]) -> pd.DataFrame:
        """Run the counting statements (``counting_statements``); the result of the last,
        the sums. ``person_values`` must keep the input order, which DuckDB does only
        with an order-keeping plan (``BATCH_CREATE_TABLE_AS``: no join, say): if the plan
        is another, rows are numbered while read instead (on one core, slower)."""
        try:
            for statement in statements[:-1]:
                if statement.lstrip().startswith(PERSON_VALUES) and not self._keeps_order(
                        statement):
                    self.publish(numbered=True)
                self.con.execute(statement)
            return self.con.execute(statements[-1]).df()
        finally:
            self.con.execute("SET preserve_insertion_order = false")

    def _keeps_order(self, statement: str) -> bool:
        plan = self.con.execute("EXPLAIN (FORMAT json) " + statement).fetchall()
        return ORDER_KEEPING_INSERT in str(plan[0][1]).split('"children"')[0]

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PersonStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

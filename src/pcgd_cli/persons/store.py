"""The DuckDB session that holds the relation ``persons`` and runs the queries.

Memory is bounded: DuckDB gets a memory limit and a temporary folder to spill
to; workbook rows, once read, are written as text files into that folder (one
line a row, cells split by the unit separator: the fastest hand-over to DuckDB
measured, 4× the csv module's quoted writing and 6× a pandas insert), so
nothing grows with the number of persons but the disk. CSV and Parquet exports
are not copied at all: ``persons`` reads every file where it lies.
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
SEPARATOR = "\x1f"  # the unit separator: between the cells of rows handed over
# the physical plan that inserts rows in input order (their rowid is their position)
ORDER_KEEPING_INSERT = "BATCH_CREATE_TABLE_AS"


def write_rows(path: Path, written: list[str], values: dict[str, list], file_id: int,
               sheet: str, rows: list[int]) -> bool:
    """Rows of a sheet as a file for DuckDB: the keys ``written`` (text per key, '' or
    None for blank) and the provenance, one line a row, cells split by the unit
    separator, which Python writes and DuckDB reads fastest; quoted CSV (same
    separator) when a cell holds the separator. Returns whether the file is plain."""
    n = len(rows)
    columns = [values.get(k) or [""] * n for k in written]
    columns += [[str(file_id)] * n, [sheet] * n, list(map(str, rows))]
    head = [*written, *(name for name, _ in PROVENANCE)]
    try:
        body = "\n".join(map(SEPARATOR.join, zip(*columns, strict=True)))
    except TypeError:  # a None among the texts
        columns = [[v or "" for v in c] for c in columns]
        body = "\n".join(map(SEPARATOR.join, zip(*columns, strict=True)))
    plain = (body.count(SEPARATOR) == n * (len(head) - 1) and body.count("\n") == n - 1
             and "\r" not in body)
    with path.open("w", encoding="utf-8", newline="") as fh:
        if plain:
            fh.write(SEPARATOR.join(head) + "\n" + body + "\n")
        else:
            writer = csv.writer(fh, delimiter=SEPARATOR, lineterminator="\n")
            writer.writerow(head)
            writer.writerows(zip(*columns, strict=True))
    return plain


class PersonStore:
    def __init__(self, keys: list[str], memory_limit: str | None = None,
                 threads: int | None = None, temp_root: str | None = None,
                 written: set[str] | None = None):
        """``written``: the keys the queries read (``columns_read``): rows handed over keep
        only those (the others are NULL); all keys when not said."""
        import duckdb

        self.keys = list(keys)
        self.written = [k for k in self.keys if written is None or k in written]
        self.folder = Path(tempfile.mkdtemp(prefix="pcgd-persons-", dir=temp_root))
        try:
            self.con = duckdb.connect(":memory:", config={
                "memory_limit": memory_limit or os.environ.get("PCGD_MEMORY_LIMIT",
                                                               DEFAULT_MEMORY),
                "temp_directory": str(self.folder / "spill"),
                "preserve_insertion_order": False,
                "threads": threads or os.cpu_count() or 1,
            })
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.con.execute("SET enable_progress_bar = false")  # it writes to the terminal
        self.sources: list[tuple[str, str]] = []  # (SELECT, the same with rows numbered)
        self.plain_files: list[Path] = []
        self.quoted_files: list[Path] = []
        self.sheet_rows = 0

    def add_rows(self, values: dict[str, list], file_id: int, sheet: str,
                 rows: list[int]) -> None:
        """Rows already read (a workbook sheet): text per key ('' or None for blank),
        written to a file in the temporary folder for DuckDB to read (``write_rows``)."""
        if not rows:
            return
        path = self.folder / f"sheet{len(self.plain_files) + len(self.quoted_files) + 1}.txt"
        self.add_file(path, write_rows(path, self.written, values, file_id, sheet, rows))

    def add_file(self, path: Path, plain: bool) -> None:
        """A file ``write_rows`` wrote (here or in a worker process)."""
        (self.plain_files if plain else self.quoted_files).append(path)

    def _read_rows(self, files: list[Path], quoted: bool) -> str:
        listed = ", ".join("'" + str(p).replace("'", "''") + "'" for p in files)
        head = [*self.written, *(name for name, _ in PROVENANCE)]
        types = ", ".join(f"'{n}': 'VARCHAR'" for n in head)
        quote_char = "'\"'" if quoted else "''"
        names = ", ".join([*(quote(k) if k in self.written else
                             f"CAST(NULL AS VARCHAR) AS {quote(k)}" for k in self.keys),
                           *(f"CAST({n} AS {kind}) AS {n}" for n, kind in PROVENANCE)])
        # the files' own layout: no sniffing, every column text, empty = NULL
        return (f"SELECT {names} FROM read_csv([{listed}], header = true, auto_detect = false,"
                f" delim = '{SEPARATOR}', quote = {quote_char}, escape = {quote_char},"
                f" columns = {{{types}}})")

    def add_source(self, select_sql: str, numbered_sql: str | None = None) -> None:
        """A SELECT giving every key and the provenance (an export read in place), and
        the same with its rows numbered where the first leaves them to the input order."""
        self.sources.append((select_sql, numbered_sql or select_sql))

    def publish(self, numbered: bool = False) -> None:
        parts = [pair[1] if numbered else pair[0] for pair in self.sources]
        if self.quoted_files:
            parts.insert(0, self._read_rows(self.quoted_files, True))
        if self.plain_files:
            parts.insert(0, self._read_rows(self.plain_files, False))
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

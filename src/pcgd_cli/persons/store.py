"""The DuckDB session that holds the relation ``persons`` and runs the queries.

Memory is bounded: DuckDB gets a memory limit and a temporary folder to spill
to, and workbook rows go to a database file in that folder, so nothing grows
with the number of persons but the disk. CSV and Parquet exports are not
loaded at all: ``persons`` reads them where they lie, streaming, at each query.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from pcgd_cli.persons.expressions import quote

DEFAULT_MEMORY = "512MB"
PROVENANCE = (("_file", "INTEGER"), ("_sheet", "VARCHAR"), ("_row", "BIGINT"))


class PersonStore:
    def __init__(self, keys: list[str], memory_limit: str | None = None,
                 threads: int | None = None, temp_root: str | None = None):
        import duckdb

        self.keys = list(keys)
        self.folder = Path(tempfile.mkdtemp(prefix="pcgd-persons-", dir=temp_root))
        self.con = duckdb.connect(str(self.folder / "persons.duckdb"), config={
            "memory_limit": memory_limit or os.environ.get("PCGD_MEMORY_LIMIT", DEFAULT_MEMORY),
            "temp_directory": str(self.folder / "spill"),
            "preserve_insertion_order": False,
            "threads": threads or os.cpu_count() or 1,
        })
        cols = [f"{quote(k)} VARCHAR" for k in self.keys]
        cols += [f"{name} {kind}" for name, kind in PROVENANCE]
        self.con.execute(f"CREATE TABLE sheet_persons ({', '.join(cols)})")
        self.sources: list[str] = []
        self.sheet_rows = 0

    def add_rows(self, frame: pd.DataFrame) -> None:
        """Rows already read (a workbook sheet): every value text, plus provenance."""
        if frame.empty:
            return
        self.con.register("incoming", frame)
        try:
            self.con.execute("INSERT INTO sheet_persons BY NAME SELECT * FROM incoming")
        finally:
            self.con.unregister("incoming")
        self.sheet_rows += len(frame)

    def add_source(self, select_sql: str) -> None:
        """A SELECT giving every key and the provenance (an export read in place)."""
        self.sources.append(select_sql)

    def publish(self) -> None:
        names = ", ".join([*(quote(k) for k in self.keys), *(n for n, _ in PROVENANCE)])
        parts = [f"SELECT {names} FROM sheet_persons", *self.sources]
        self.con.execute("CREATE OR REPLACE VIEW persons AS\n" + "\nUNION ALL\n".join(parts))

    def query(self, sql: str) -> pd.DataFrame:
        return self.con.execute(sql).df()

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PersonStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

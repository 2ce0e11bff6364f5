"""`pcgd count --show-sql` prints a query that, run on a warehouse's table ``persons``
holding the same rows, gives pcgd's numbers per commune and year (and village); and
it is only SQL: asked together with counts (--format json|csv, --output) it is a usage
error, never a silent half."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from person_support import rules, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app

runner = CliRunner()


def _people() -> list[dict]:
    """Two communes, two survey years, villages (one row without), a duplicate, a
    moved-out, a deceased, a disabled person unable to learn, a row without a birth
    year: every fate and the rejected rows."""
    rows = []
    for code in ("03394", "03397"):
        for year in (2023, 2024):
            for i, (birth, extra) in enumerate([
                    (year - 6, {"grade": "1", "village": "Bản A"}),
                    (year - 6, {"grade": "1", "village": "Bản B"}),
                    (year - 5, {"grade": "5 tuổi"}),
                    (year - 11, {"grade": "6", "graduated": "TH", "village": "Bản A"}),
                    (year - 16, {"graduated": "THCS", "moved": "Chuyển đi"}),
                    (year - 70, {"moved": "Chết", "village": "Bản B"}),
                    (year - 8, {"disability_motor": "x", "village": "Bản A"}),
                    ("", {"village": "Bản A"})]):
                rows.append({"commune_code": code, "year": year, "household": str(i),
                             "family_name": "Lò Văn", "given_name": f"N{i}",
                             "birth_year": birth, **extra})
            rows.append(dict(rows[-8]))  # the first person of the group written twice
    return rows


def _warehouse(csv_path: Path, sql: str) -> pd.DataFrame:
    """The printed SQL on DuckDB over a table ``persons`` made as the README says: a text
    column per key of the rule file, plus _file, _sheet, _row (the rows dealt to two
    files)."""
    con = duckdb.connect()
    source = pd.read_csv(csv_path, dtype=str, keep_default_na=False).replace("", None)
    for key in rules().columns:
        if key not in source:
            source[key] = None
    source = source[list(rules().columns)].astype(object)
    # two source files, every commune and year in both: the query sums over files
    source["_file"] = [1 + i % 2 for i in range(len(source))]
    source["_sheet"] = "export"
    source["_row"] = [2 + i // 2 for i in range(len(source))]
    con.register("source", source)
    con.execute("CREATE TABLE persons AS SELECT * FROM source")
    return con.execute(sql).df()


@pytest.mark.parametrize("by", [[], ["--by", "village"]])
def test_printed_sql_gives_pcgd_counts(tmp_path: Path, by: list[str]) -> None:
    path = write_export_csv(tmp_path / "xuat.csv", _people())
    printed = runner.invoke(app, ["count", "--show-sql", *by])
    assert printed.exit_code == 0
    counted = runner.invoke(app, ["count", str(path), "--format", "csv", *by])
    assert counted.exit_code == 2  # the row without a birth year, the duplicates
    mine = pd.read_csv(io.StringIO(counted.stdout), dtype={"commune_code": str},
                       keep_default_na=False)
    theirs = _warehouse(path, printed.stdout)
    keys = ["commune_code", "year", *(["village"] if by else [])]
    if by:
        theirs["village"] = theirs["village"].fillna("")
    assert len(mine) == len(theirs) == (12 if by else 4)
    mine, theirs = mine.set_index(keys).sort_index(), theirs.set_index(keys).sort_index()
    def values(column: pd.Series) -> list:  # blank (unknown) as None, counts as int
        return [None if v == "" or pd.isna(v) else int(v) for v in column.tolist()]

    for key in rules().counts:
        assert values(mine[key]) == values(theirs[key]), key
    # the row without a birth year blanks its commune-year's cohorts in both
    assert values(mine["age6_total"]).count(None) >= 4
    assert (theirs["persons_read"] == theirs[["rejected", "deceased", "moved_out",
                                               "not_resident", "counted"]].sum(axis=1)).all()


@pytest.mark.parametrize("args,named", [
    (["--format", "json"], "--format json"),
    (["--format", "csv"], "--format csv"),
    (["--output", "so_lieu.xlsx"], "--output"),
])
@pytest.mark.parametrize("lang,words", [("vi", "chỉ in câu lệnh SQL"), ("en", "SQL only")])
def test_show_sql_with_counts_is_a_usage_error(tmp_path: Path, args, named, lang,
                                               words) -> None:
    path = write_export_csv(tmp_path / "xuat.csv", _people()[:1])
    args = [a if a != "so_lieu.xlsx" else str(tmp_path / a) for a in args]
    result = runner.invoke(app, ["count", str(path), "--show-sql", *args, "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and named in lines[0]
    assert not (tmp_path / "so_lieu.xlsx").exists()

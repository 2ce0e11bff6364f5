"""The counting SQL stands alone; the counting rule file is checked with file:line."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
import yaml
from person_support import count, person, rules, write_entry_workbook, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.persons.sql import build_plan, counting_sql
from pcgd_cli.rules.counting_loader import check_counting_file, resolve_counting

runner = CliRunner()
SOURCE = resolve_counting("household-2025")


def _people() -> list[dict]:
    rows = []
    for i, cells in enumerate([
        {"birth_year": "2018", "grade": "1"}, {"birth_year": "2019", "grade": "5 tuổi"},
        {"birth_year": "2013", "class": "6A"}, {"birth_year": "2000", "graduated": "THCS"},
        {"birth_year": "2018", "moved": "Chuyển đi"}, {"birth_year": ""},
    ]):
        rows.append({"commune_code": "03394" if i % 2 else "03395", "year": "2024",
                     "household": str(i), "family_name": "Lò", "given_name": str(i), **cells})
    return rows


def test_show_sql_runs_on_duckdb_with_the_same_counts(tmp_path: Path) -> None:
    path = write_export_csv(tmp_path / "x.csv", _people())
    result = count([path])
    shown = runner.invoke(app, ["count", "--show-sql"])
    assert shown.exit_code == 0
    con = duckdb.connect()
    keys = list(rules().columns)
    present = [k for k in keys if k in _people()[0] or any(k in p for p in _people())]
    cols = ", ".join([*(f'"{k}"' if k in present else f'NULL::VARCHAR AS "{k}"' for k in keys),
                      "1 AS _file", "'x' AS _sheet", "ROW_NUMBER() OVER () + 1 AS _row"])
    con.execute(f"CREATE TABLE persons AS SELECT {cols} "
                f"FROM read_csv('{path}', all_varchar = true)")
    raw = con.execute(shown.stdout).df()
    by_commune = raw.groupby("commune_code")[list(rules().counts)].sum()
    expected = result.counts.set_index("commune_code")[list(rules().counts)]
    assert (by_commune.loc[expected.index].astype("int64") == expected).all().all()
    assert int(raw["rejected"].sum()) == 1 and int(raw["moved_out"].sum()) == 1


def test_sql_uses_only_shared_functions() -> None:
    sql = counting_sql(build_plan(rules()), by_village=True)
    code = "\n".join(line.split("--")[0] for line in sql.splitlines())
    called = {f.upper() for f in re.findall(r"\b([A-Za-z_]+)\s*\(", code)}
    allowed = {"CAST", "TRY_CAST", "NULLIF", "REGEXP_EXTRACT", "TRIM", "COALESCE", "LOWER",
               "GREATEST", "LENGTH",
               "SUM", "COUNT", "MAX", "ROW_NUMBER", "FIRST_VALUE", "OVER", "IN", "AS",
               "AND", "OR", "NOT", "SELECT", "BETWEEN", "WHEN", "FROM", "ARRAY_AGG", "FILTER",
               "WHERE",
               # the first rejected person who makes a count unknown (standard SQL)
               "MIN", "THEN",
               # DuckDB's, outside the rules' expressions: a number per duplicate key, so
               # that only rows sharing one are compared cell by cell
               "HASH"}
    assert called <= allowed, called - allowed


def test_every_option_compiles() -> None:
    r = rules()
    for name, spec in r.options.items():
        for choice in spec.choices:
            assert "SELECT" in counting_sql(build_plan(r, {name: choice}))


def test_the_shipped_file_is_valid() -> None:
    assert check_counting_file(SOURCE)[1] == []
    result = runner.invoke(app, ["rules", "validate", str(SOURCE)])
    assert result.exit_code == 0, result.output


def _broken(tmp_path: Path, change) -> tuple[Path, list[str]]:
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, check_counting_file(path)[1]


@pytest.mark.parametrize("name,change,where,what", [
    ("unknown value", lambda d: d["values"].update(age={"minus": ["survey_year", "born"]}),
     "values.age.minus.1", "unknown value 'born'"),
    ("flag where a number is needed",
     lambda d: d["values"].update(age={"minus": ["survey_year", {"mark": "female"}]}),
     "values.age.minus.1", "a number is needed"),
    ("unknown column", lambda d: d["values"].update(birth={"year": "nam_sinh"}),
     "values.birth.year", "unknown column"),
    ("unknown expression", lambda d: d["values"].update(able={"checked": "able_to_learn"}),
     "values.able", "unknown expression 'checked'"),
    ("a word with a pattern character",
     lambda d: d["values"].update(grade_age_group={"words": {"columns": ["grade"],
                                                             "words": ["tu(ổi"]}}),
     "values.grade_age_group.words.words.0", "a text of letters"),
    ("leading_number with an unknown key",
     lambda d: d["values"].update(class_number={"leading_number": {"column": "class",
                                                                   "skip": ["lớp"]}}),
     "values.class_number.leading_number", "'column' and 'after'"),
    ("default not a choice", lambda d: d["options"]["residents"].update(default="all"),
     "options.residents", "not one of the choices"),
    ("option changes an unknown value",
     lambda d: d["options"]["residents"]["choices"]["permanent"].update(
         values={"nobody": False}),
     "options.residents.choices.permanent.values.nobody", "unknown value"),
    ("count of an unknown cohort", lambda d: d["counts"]["age5_total"].update(cohort="age4"),
     "counts.age5_total.cohort", "unknown cohort"),
    ("unknown key", lambda d: d["counts"]["age5_total"].update(colour="red"),
     "counts.age5_total.colour", "Extra inputs"),
])
def test_mistakes_are_located(tmp_path: Path, name, change, where, what) -> None:
    path, messages = _broken(tmp_path, change)
    assert messages, name
    first = messages[0]
    assert re.match(rf"{re.escape(str(path))}:\d+: {re.escape(where)}: ", first), first
    assert what in first
    result = runner.invoke(app, ["rules", "validate", str(path)])
    assert result.exit_code == 2


def test_rules_show_and_list() -> None:
    shown = runner.invoke(app, ["rules", "show", "household-2025"])
    assert shown.exit_code == 0
    for word in ("residents", "*permanent_and_temporary", "age11_14_completed",
                 "person_duplicate", "KT nghe-nói"):
        assert word in shown.stdout, word
    english = runner.invoke(app, ["rules", "show", "household-2025", "--lang", "en"])
    assert "Options" in english.stdout
    listed = runner.invoke(app, ["rules", "list"])
    assert "household-2025" in listed.stdout


def test_counting_file_path_in_count(tmp_path: Path) -> None:
    path, _ = _broken(tmp_path, lambda d: d["cohorts"]["age6"].update(ages=[6, 7]))
    book = write_entry_workbook(tmp_path / "so.xlsx", [person(birth_year=2017)])
    result = runner.invoke(app, ["count", str(book), "--commune", "03394", "--format", "csv",
                                 "--rules-counting", str(path)])
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()[:2]
    assert dict(zip(header.split(","), row.split(","), strict=True))["age6_total"] == "1"

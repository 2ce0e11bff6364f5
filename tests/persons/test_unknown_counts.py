"""A rejected person makes the counts they may have been in unknown (contract: data
errors in cells are reported and the affected units are insufficient data): every count
of each cohort holding their age, every cohort when their age is unknown, never a
count of another cohort, and nothing for a later copy of a person already counted.
The age bands are the rule file's (options included), read here, never written twice."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from person_support import count, person, rules, write_entry_workbook, write_export_csv
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.report.finding_text import finding_message

runner = CliRunner()
COHORTS = ["age3_5", "age5", "age6", "age11", "age11_14", "age15_18", "age15_25",
           "age15_35", "age15_60", "disabled_able"]
EVERY_AGE = [c for c in COHORTS if c != "disabled_able"]  # disabled_able needs the mark
STREAMING = ["lower_sec_graduates", "lower_sec_graduates_vocational"]


def keys_of(groups: list[str], options: dict | None = None) -> set[str]:
    """The count keys of cohorts (from the rule file) and of counts of no cohort."""
    spec = rules().counts
    return {k for k, s in spec.items() if s.cohort in groups} | (set(groups) & set(spec))


def clean_commune() -> list[dict]:
    """One counted person in every cohort (survey year 2024), none rejected."""
    years = [2021, 2019, 2018, 2013, 2010, 2007, 2000, 1990, 1970]
    people = [person(given_name=f"Sạch {y}", household=str(i + 10), birth_year=y)
              for i, y in enumerate(years)]
    people.append(person(given_name="Khuyết tật", household="30", birth_year=2014,
                         disability_motor="X", able_to_learn="X", grade=4))
    people.append(person(given_name="Tốt nghiệp", household="31", birth_year=2009,
                         graduated="THCS", graduated_year="2023-2024"))
    return people


BAD = {"grade": "mười"}  # an unreadable grade: the row is rejected, its age known

# (rejected person's cells, the groups of counts made unknown)
CASES = [
    ({"birth_year": 2018, **BAD}, ["age6"]),
    ({"birth_year": 2019, **BAD}, ["age3_5", "age5"]),
    ({"birth_year": 2021, **BAD}, ["age3_5"]),
    ({"birth_year": 2022, **BAD}, []),  # 2: in no cohort
    ({"birth_year": 2020, "grade": 13}, ["age3_5"]),
    ({"birth_year": 2013, **BAD}, ["age11", "age11_14"]),
    ({"birth_year": 2012, **BAD}, ["age11_14"]),
    ({"birth_year": 2010, **BAD}, ["age11_14"]),
    ({"birth_year": 2009, **BAD}, ["age15_18", "age15_25", "age15_35", "age15_60"]),
    ({"birth_year": 2006, **BAD}, ["age15_18", "age15_25", "age15_35", "age15_60"]),
    ({"birth_year": 2005, **BAD}, ["age15_25", "age15_35", "age15_60"]),
    ({"birth_year": 1999, **BAD}, ["age15_25", "age15_35", "age15_60"]),
    ({"birth_year": 1998, **BAD}, ["age15_35", "age15_60"]),
    ({"birth_year": 1989, **BAD}, ["age15_35", "age15_60"]),
    ({"birth_year": 1988, **BAD}, ["age15_60"]),
    ({"birth_year": 1964, **BAD}, ["age15_60"]),
    ({"birth_year": 1963, **BAD}, []),  # 61
    # the age unknown: every cohort (disabled_able only for a disabled person able to learn)
    ({"birth_year": ""}, EVERY_AGE),
    ({"birth_year": "năm ngoái"}, EVERY_AGE),
    ({"birth_year": 2025}, EVERY_AGE),  # after the survey year
    ({"birth_year": 1903}, EVERY_AGE),  # more than 120 years before
    ({"birth_year": "", "disability_motor": "X", "able_to_learn": "X"}, COHORTS),
    ({"birth_year": 2016, "disability_motor": "X", "able_to_learn": "X", **BAD},
     ["disabled_able"]),
    ({"birth_year": 2016, "disability_motor": "X", **BAD}, []),  # unable: no cohort at 8
    ({"birth_year": 2018, "disability_motor": "X", **BAD}, ["age6"]),  # excluded, still 6
    # not counted whatever the error: deceased, moved out
    ({"birth_year": 2018, "moved": "Chết", **BAD}, []),
    ({"birth_year": "", "moved": "Chuyển đi"}, []),
    # counts of no cohort (by graduation year, any age): when the person meets them
    ({"birth_year": "", "graduated": "THCS", "graduated_year": "2023-2024"},
     [*EVERY_AGE, "lower_sec_graduates"]),
    ({"birth_year": 2009, "graduated": "THCS", "graduated_year": 2024, **BAD},
     ["age15_18", "age15_25", "age15_35", "age15_60", "lower_sec_graduates"]),
    ({"birth_year": "", "graduated": "THCS", "graduated_year": 2024,
      "school": "Trường Trung cấp nghề"}, [*EVERY_AGE, *STREAMING]),
    ({"birth_year": 2009, "graduated": "THCS", "graduated_year": 2023, **BAD},
     ["age15_18", "age15_25", "age15_35", "age15_60"]),
]


@pytest.mark.parametrize("cells,groups", CASES, ids=[str(c[0]) for c in CASES])
def test_a_rejected_person_blanks_the_counts_they_may_be_in(tmp_path: Path, cells,
                                                             groups) -> None:
    people = [*clean_commune(), person(given_name="Lỗi", household="99", **cells)]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    result = count([path], commune="03394")
    assert result.accounting.iloc[0]["rejected"] == 1
    row = result.counts.iloc[0]
    blank = {k for k in result.count_keys if pd.isna(row[k])}
    assert blank == keys_of(groups)
    for key in set(result.count_keys) - blank:
        assert row[key] >= 0  # the others are counted as before
    said = [f for f in result.findings if f.code == "persons_counts_unknown"]
    if not groups:
        assert said == []
        return
    (f,) = said
    assert (f.unit, f.params["year"], f.params["persons"]) == ("03394", "2024", "1")
    assert f.sheet == "MauNhapLieu" and f.row == 5 + len(people) - 1 and f.cell
    rejected = [e for e in result.errors if e.row == f.row]
    assert f.cell == rejected[0].cell  # the first rejected person's cell in error
    assert {c.rstrip("_*") for c in f.params["columns"].split(", ")} == set(groups)
    vi, en = finding_message(f, "vi"), finding_message(f, "en")
    assert "03394" in vi and "03394" in en and vi != en and "{" not in vi + en
    assert f"MauNhapLieu!{f.cell}" in vi and f"MauNhapLieu!{f.cell}" in en
    if set(EVERY_AGE) <= set(groups):  # the age unknown: said in one phrase
        assert "mọi nhóm tuổi" in vi and "every age group" in en


def test_without_an_error_nothing_is_blank(tmp_path: Path) -> None:
    path = write_entry_workbook(tmp_path / "so.xlsx", clean_commune())
    result = count([path], commune="03394")
    assert not result.counts[result.count_keys].isna().any().any()
    assert result.counts.iloc[0]["age6_total"] == 1


def test_a_later_copy_of_a_person_blanks_nothing(tmp_path: Path) -> None:
    """The first copy is counted; the second (rejected as a duplicate) changes no count,
    even when its own grade is unreadable too."""
    twin = dict(given_name="Sinh đôi", household="7", birth_year=2018, birth_day=1,
                birth_month=2, grade=1)
    people = [*clean_commune(), person(**twin), person(**{**twin, **BAD})]
    result = count([write_entry_workbook(tmp_path / "so.xlsx", people)], commune="03394")
    assert [f.code for f in result.errors] == ["person_bad_grade", "person_duplicate"]
    assert result.counts.iloc[0]["age6_total"] == 2
    assert not [f for f in result.findings if f.code == "persons_counts_unknown"]


def test_the_bands_follow_the_options(tmp_path: Path) -> None:
    """disabled_able's ages are an option (5-18 by default, 6-14, 5-60)."""
    people = [*clean_commune(), person(given_name="Lỗi", household="99", birth_year=2008,
                                       disability_motor="X", able_to_learn="X", **BAD)]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    for choice, blank in (("school_ages", True), ("primary_ages", False)):
        row = count([path], commune="03394",
                    options={"disabled_able_ages": choice}).counts.iloc[0]
        assert pd.isna(row["disabled_able_total"]) is blank, choice
        assert pd.isna(row["age15_18_total"])


def test_each_commune_and_year_on_its_own(tmp_path: Path) -> None:
    """An export of two communes and two years: only the rejected person's commune-year;
    a row of the commune with no readable survey year may belong to either year."""
    people = [person(commune_code=c, year=y, given_name=f"{c} {y}", birth_year=2018 - (y - 2024),
                     grade=1) for c in ("03394", "03395") for y in (2023, 2024)]
    people.append(person(commune_code="03394", year="2024-2025", given_name="Lỗi",
                         household="9", birth_year=2018, **BAD))
    result = count([write_export_csv(tmp_path / "x.csv", people)])
    blank = {(r.commune_code, r.year) for r in result.counts.itertuples()
             if pd.isna(r.age6_total)}
    assert blank == {("03394", 2024)}
    people.append(person(commune_code="03395", year="", given_name="Không năm",
                         household="8", birth_year=2000))
    result = count([write_export_csv(tmp_path / "y.csv", people)])
    blank = {(r.commune_code, r.year) for r in result.counts.itertuples()
             if pd.isna(r.age15_35_total)}
    assert blank == {("03395", 2023), ("03395", 2024)}
    said = {(f.unit, f.params["year"]) for f in result.findings
            if f.code == "persons_counts_unknown"}
    assert said == {("03394", "2024"), ("03395", "2023"), ("03395", "2024")}


def test_two_files_of_one_commune(tmp_path: Path) -> None:
    """The sums over files: a rejected 6-year-old in the second file blanks the commune's
    age-6 counts (a blank is never summed as 0)."""
    a = write_entry_workbook(tmp_path / "a.xlsx", clean_commune())
    b = write_entry_workbook(tmp_path / "b.xlsx", [person(given_name="Lỗi", household="99",
                                                          birth_year=2018, **BAD)])
    row = count([a, b], commune="03394").counts.iloc[0]
    assert pd.isna(row["age6_grade1"]) and row["age11_total"] == 1


def test_by_village_blanks_the_rejected_persons_village(tmp_path: Path) -> None:
    people = [person(commune_code="03394", year=2024, village=v, given_name=f"Sáu {v}",
                     household=v, birth_year=2018, grade=1) for v in ("Bản A", "Bản B")]
    people.append(person(commune_code="03394", year=2024, village="Bản A", given_name="Lỗi",
                         household="9", birth_year=2018, **BAD))
    result = count([write_export_csv(tmp_path / "x.csv", people)], by_village=True)
    by = {r.village: r for r in result.counts.itertuples()}
    assert pd.isna(by["Bản A"].age6_total) and by["Bản B"].age6_total == 1
    assert by["Bản A"].age11_total == 0
    (said,) = [f for f in result.findings if f.code == "persons_counts_unknown"]
    assert said.params["persons"] == "1"


def test_count_writes_blank_cells_and_says_why(tmp_path: Path) -> None:
    people = [*clean_commune(), person(given_name="Lỗi", household="99", birth_year=2018,
                                       **BAD)]
    path = write_entry_workbook(tmp_path / "so.xlsx", people)
    out = tmp_path / "so_lieu.csv"
    result = runner.invoke(app, ["count", str(path), "--commune", "03394", "-o", str(out)])
    assert result.exit_code == 2  # a rejected row is an error; the counts are written
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["age6_total"], row["age6_grade1"], row["age11_total"]) == ("", "", "1")
    text = " ".join(result.output.split())
    assert "Xã 03394, năm 2024: 1 người bị loại" in text and "age6_*" in text
    table = runner.invoke(app, ["count", str(path), "--commune", "03394"]).output
    shown = {line.split("│")[2].strip(): line.split("│")[3].strip()
             for line in table.splitlines() if line.count("│") == 4}
    assert (shown["age6_total"], shown["age11_total"]) == ("?", "1")
    english = runner.invoke(app, ["count", str(path), "--commune", "03394", "--format", "json",
                                  "--lang", "en"])
    report = json.loads(english.stdout)
    assert report["counts"][0]["age6_total"] is None
    assert report["counts"][0]["age11_total"] == 1
    (f,) = [f for f in report["findings"] if f["code"] == "persons_counts_unknown"]
    assert f["message"].startswith("Commune 03394, year 2024: 1 person(s) rejected")
    assert "6-year-olds" in f["message"]
    for suffix in (".xlsx", ".parquet"):
        written = tmp_path / f"so_lieu{suffix}"
        runner.invoke(app, ["count", str(path), "--commune", "03394", "-o", str(written)])
        frame = (pd.read_excel(written, engine="openpyxl") if suffix == ".xlsx"
                 else pd.read_parquet(written))
        assert pd.isna(frame.loc[0, "age6_total"]) and frame.loc[0, "age11_total"] == 1

"""person_records.md as a table of cases: one person each, the counts it makes.

Every case is one person in its own commune of one multi-commune export
(survey year N = 2024), so one run counts them all; a case lists the counts it
adds 1 to, and every other count must stay 0.
"""

from __future__ import annotations

import pytest
from person_support import count, rules, write_export_csv

COHORT_TOTALS = {
    3: ["age3_5_total"], 4: ["age3_5_total"], 5: ["age3_5_total", "age5_total"],
    6: ["age6_total"], 11: ["age11_total", "age11_14_total"], 12: ["age11_14_total"],
    14: ["age11_14_total"],
    15: ["age15_18_total", "age15_25_total", "age15_35_total", "age15_60_total"],
    18: ["age15_18_total", "age15_25_total", "age15_35_total", "age15_60_total"],
    19: ["age15_25_total", "age15_35_total", "age15_60_total"],
    25: ["age15_25_total", "age15_35_total", "age15_60_total"],
    26: ["age15_35_total", "age15_60_total"], 35: ["age15_35_total", "age15_60_total"],
    36: ["age15_60_total"], 60: ["age15_60_total"],
}
L1_25 = ["age15_25_literate_l1", "age15_35_literate_l1"]
L2 = ["age15_35_literate_l2", "age15_60_literate_l2"]

# (case, person's cells, the counts it adds 1 to)
CASES = [
    # age bands at their edges (age = 2024 − birth year; day and month ignored)
    ("born 2022, age 2", {"birth_year": 2022}, []),
    ("born 2021, age 3", {"birth_year": 2021}, COHORT_TOTALS[3]),
    ("born 2019, age 5", {"birth_year": 2019, "birth_day": 31, "birth_month": 12},
     COHORT_TOTALS[5]),
    ("born 2018, age 6", {"birth_year": 2018}, COHORT_TOTALS[6]),
    ("born 2014, age 10", {"birth_year": 2014}, []),
    ("born 2013, age 11", {"birth_year": 2013}, COHORT_TOTALS[11]),
    ("born 2010, age 14", {"birth_year": 2010}, COHORT_TOTALS[14]),
    ("born 2009, age 15", {"birth_year": 2009}, COHORT_TOTALS[15]),
    ("born 2006, age 18", {"birth_year": 2006}, COHORT_TOTALS[18]),
    ("born 2005, age 19", {"birth_year": 2005}, COHORT_TOTALS[19]),
    ("born 1999, age 25", {"birth_year": 1999}, COHORT_TOTALS[25]),
    ("born 1998, age 26", {"birth_year": 1998}, COHORT_TOTALS[26]),
    ("born 1989, age 35", {"birth_year": 1989}, COHORT_TOTALS[35]),
    ("born 1988, age 36", {"birth_year": 1988}, COHORT_TOTALS[36]),
    ("born 1964, age 60", {"birth_year": 1964}, COHORT_TOTALS[60]),
    ("born 1963, age 61", {"birth_year": 1963}, []),
    ("birth date dd/mm/yyyy", {"birth_date": "15/03/2018"}, COHORT_TOTALS[6]),
    # kindergarten
    ("5 tuổi class", {"birth_year": 2019, "grade": "5 tuổi"},
     [*COHORT_TOTALS[5], "age5_attending", "age3_5_attending"]),
    ("4-year-old in 4 tuổi", {"birth_year": 2020, "grade": "4 tuổi"},
     [*COHORT_TOTALS[4], "age3_5_attending"]),
    ("5-year-old in a preschool", {"birth_year": 2019, "school": "Trường Mầm non Hoa Ban"},
     [*COHORT_TOTALS[5], "age5_attending", "age3_5_attending"]),
    ("5-year-old in grade 1 (not kindergarten)", {"birth_year": 2019, "grade": 1},
     COHORT_TOTALS[5]),
    # age 6
    ("6, grade 1", {"birth_year": 2018, "grade": 1}, [*COHORT_TOTALS[6], "age6_grade1"]),
    ("6, class 1A", {"birth_year": 2018, "class": "1A"}, [*COHORT_TOTALS[6], "age6_grade1"]),
    ("6, grade 2 is not grade 1", {"birth_year": 2018, "grade": 2}, COHORT_TOTALS[6]),
    ("6, graduated MN", {"birth_year": 2018, "graduated": "MN"},
     [*COHORT_TOTALS[6], "age6_preschool_completed"]),
    ("6, grade 1 without MN", {"birth_year": 2018, "grade": 1, "graduated": ""},
     [*COHORT_TOTALS[6], "age6_grade1"]),
    # age 11 and 11-14
    ("11, grade 6", {"birth_year": 2013, "grade": 6},
     [*COHORT_TOTALS[11], "age11_completed", "age11_14_completed"]),
    ("11, grade 5", {"birth_year": 2013, "grade": 5}, [*COHORT_TOTALS[11], "age11_in_primary"]),
    ("11, class 5A*! (repeater, full day)", {"birth_year": 2013, "class": "5A*!"},
     [*COHORT_TOTALS[11], "age11_in_primary"]),
    ("11, graduated TH, out of school", {"birth_year": 2013, "graduated": "TH"},
     [*COHORT_TOTALS[11], "age11_completed", "age11_14_completed"]),
    ("14, finished grade 5", {"birth_year": 2010, "finished_grade": 5},
     [*COHORT_TOTALS[14], "age11_14_completed"]),
    ("14, dropped in grade 5 (completed 4)", {"birth_year": 2010, "dropped_grade": 5},
     COHORT_TOTALS[14]),
    ("14, dropped in grade 6", {"birth_year": 2010, "dropped_grade": 6},
     [*COHORT_TOTALS[14], "age11_14_completed"]),
    ("12, literacy class 5 completed", {"birth_year": 2012, "literacy_completed": 5},
     [*COHORT_TOTALS[12], "age11_14_completed"]),
    # 15-18
    ("15, graduated THCS", {"birth_year": 2009, "graduated": "THCS"},
     [*COHORT_TOTALS[15], "age15_18_graduated", *L1_25, *L2]),
    ("16, grade 10", {"birth_year": 2008, "grade": 10},
     [*COHORT_TOTALS[15], "age15_18_graduated", "age15_18_studying", *L1_25, *L2]),
    ("17, in a vocational school", {"birth_year": 2007, "school": "Trường Trung cấp nghề",
                                    "graduated": "THCS"},
     [*COHORT_TOTALS[15], "age15_18_graduated", "age15_18_studying", *L1_25, *L2]),
    ("18, graduated THPT", {"birth_year": 2006, "graduated": "THPT"},
     [*COHORT_TOTALS[18], "age15_18_graduated", *L1_25, *L2]),
    ("15, grade 9 (not graduated)", {"birth_year": 2009, "grade": 9},
     [*COHORT_TOTALS[15], *L1_25, *L2]),
    # literacy
    ("30, dropped in grade 4 (level 1 only)", {"birth_year": 1994, "dropped_grade": 4},
     [*COHORT_TOTALS[26], "age15_35_literate_l1"]),
    ("30, literacy class 4 now (completed 3)", {"birth_year": 1994, "literacy_class": 4},
     [*COHORT_TOTALS[26], "age15_35_literate_l1"]),
    ("30, literacy class 3 completed", {"birth_year": 1994, "literacy_completed": 3},
     [*COHORT_TOTALS[26], "age15_35_literate_l1"]),
    ("30, finished grade 2", {"birth_year": 1994, "finished_grade": 2}, COHORT_TOTALS[26]),
    ("30, TH, relapsed at level 1", {"birth_year": 1994, "graduated": "TH", "relapsed": 1},
     COHORT_TOTALS[26]),
    ("30, TH, relapsed at level 2", {"birth_year": 1994, "graduated": "TH", "relapsed": 2},
     [*COHORT_TOTALS[26], "age15_35_literate_l1"]),
    ("30, TH, relapse mark x (level 1)", {"birth_year": 1994, "graduated": "TH",
                                          "relapsed": "x"}, COHORT_TOTALS[26]),
    ("30, TH, relapse 'không'", {"birth_year": 1994, "graduated": "TH", "relapsed": "không"},
     [*COHORT_TOTALS[26], "age15_35_literate_l1", "age15_35_literate_l2",
      "age15_60_literate_l2"]),
    ("50, graduated TH", {"birth_year": 1974, "graduated": "TH"},
     [*COHORT_TOTALS[36], "age15_60_literate_l2"]),
    # who is counted
    ("moved out", {"birth_year": 2018, "grade": 1, "moved": "Chuyển đi"}, []),
    ("moved out, with a place", {"birth_year": 2018, "moved": "Chuyển đi Hà Nội"}, []),
    ("deceased", {"birth_year": 2018, "moved": "Chết"}, []),
    ("moved in", {"birth_year": 2018, "grade": 1, "moved": "Chuyển đến"},
     [*COHORT_TOTALS[6], "age6_grade1"]),
    ("temporary resident", {"birth_year": 2018, "residence": "Tạm trú"}, COHORT_TOTALS[6]),
    ("disabled, unable to learn", {"birth_year": 2018, "grade": 1, "disability_motor": "X"},
     [*COHORT_TOTALS[6], "age6_excluded"]),
    ("disabled, able to learn, in grade 1",
     {"birth_year": 2018, "grade": 1, "disability_vision": "x", "able_to_learn": "X"},
     [*COHORT_TOTALS[6], "age6_grade1", "disabled_able_total", "disabled_able_accessing"]),
    ("disabled, able, out of school",
     {"birth_year": 2013, "disability_autism": "X", "able_to_learn": "X"},
     [*COHORT_TOTALS[11], "disabled_able_total"]),
    ("disabled, able, age 20 (not of school age)",
     {"birth_year": 2004, "disability_other": "X", "able_to_learn": "X"}, COHORT_TOTALS[19]),
    # streaming: lower-secondary graduates of the year
    ("THCS in 2023-2024", {"birth_year": 2009, "graduated": "THCS",
                           "graduated_year": "2023-2024"},
     [*COHORT_TOTALS[15], "age15_18_graduated", *L1_25, *L2, "lower_sec_graduates"]),
    ("THCS in 2024, now in vocational training",
     {"birth_year": 2009, "graduated": "THCS", "graduated_year": 2024,
      "class": "Trung cấp nghề"},
     [*COHORT_TOTALS[15], "age15_18_graduated", "age15_18_studying", *L1_25, *L2,
      "lower_sec_graduates", "lower_sec_graduates_vocational"]),
    ("THCS in 2023 (an earlier year)", {"birth_year": 2009, "graduated": "THCS",
                                        "graduated_year": 2023},
     [*COHORT_TOTALS[15], "age15_18_graduated", *L1_25, *L2]),
]


def _code(i: int) -> str:
    return f"{i + 1:05d}"


def _export(tmp_path, cases):
    people = []
    for i, (_, cells, _) in enumerate(cases):
        people.append({"commune_code": _code(i), "year": "2024-2025", "household": "1",
                       "family_name": "Lò Văn", "given_name": "A", **cells})
    return write_export_csv(tmp_path / "cases.csv", people)


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    path = _export(tmp_path_factory.mktemp("cases"), CASES)
    return count([path]).counts.set_index("commune_code")


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_case(counted, i: int) -> None:
    name, _, expected = CASES[i]
    row = counted.loc[_code(i)]
    assert row["year"] == 2024
    got = {k: int(row[k]) for k in rules().counts if int(row[k])}
    assert got == {k: expected.count(k) for k in expected}, name


def test_every_count_is_int64(counted) -> None:
    for key in rules().counts:
        assert str(counted[key].dtype) == "int64", key


# (option, choice, person, counts with the default, counts with the choice)
OPTION_CASES = [
    ("residents", "permanent", {"birth_year": 2018, "residence": "Tạm trú"},
     COHORT_TOTALS[6], []),
    ("excluded", "every_disabled",
     {"birth_year": 2018, "grade": 1, "disability_motor": "X", "able_to_learn": "X"},
     [*COHORT_TOTALS[6], "age6_grade1", "disabled_able_total", "disabled_able_accessing"],
     [*COHORT_TOTALS[6], "age6_excluded", "disabled_able_total", "disabled_able_accessing"]),
    ("preschool_completed", "graduated_or_in_school", {"birth_year": 2018, "grade": 1},
     [*COHORT_TOTALS[6], "age6_grade1"],
     [*COHORT_TOTALS[6], "age6_grade1", "age6_preschool_completed"]),
    ("vocational_now", "none", {"birth_year": 2007, "school": "Trường Cao đẳng nghề"},
     [*COHORT_TOTALS[15], "age15_18_studying"], COHORT_TOTALS[15]),
    ("kindergarten", "also_primary", {"birth_year": 2019, "grade": 1},
     COHORT_TOTALS[5], [*COHORT_TOTALS[5], "age5_attending", "age3_5_attending"]),
    ("disabled_able_ages", "primary_ages",
     {"birth_year": 2019, "grade": "5 tuổi", "disability_motor": "X", "able_to_learn": "X"},
     [*COHORT_TOTALS[5], "age5_attending", "age3_5_attending", "disabled_able_total",
      "disabled_able_accessing"],
     [*COHORT_TOTALS[5], "age5_attending", "age3_5_attending"]),
    ("disabled_able_ages", "all_standard_ages",
     {"birth_year": 2004, "disability_other": "X", "able_to_learn": "X"},
     COHORT_TOTALS[19], [*COHORT_TOTALS[19], "disabled_able_total"]),
    ("disabled_access", "school_literacy_vocational",
     {"birth_year": 2010, "literacy_class": 2, "disability_motor": "X", "able_to_learn": "X"},
     [*COHORT_TOTALS[14], "disabled_able_total"],
     [*COHORT_TOTALS[14], "disabled_able_total", "disabled_able_accessing"]),
]


@pytest.mark.parametrize("option,choice,cells,default,switched", OPTION_CASES,
                         ids=[f"{c[0]}={c[1]}" for c in OPTION_CASES])
def test_option(tmp_path, option, choice, cells, default, switched) -> None:
    path = _export(tmp_path, [("case", cells, [])])
    for options, expected in (({}, default), ({option: choice}, switched)):
        result = count([path], options=options)
        row = result.counts.iloc[0]
        got = {k: int(row[k]) for k in rules().counts if int(row[k])}
        assert got == {k: expected.count(k) for k in expected}, (options, got)
        assert result.options[option] == (choice if options else
                                          rules().options[option].default)


def test_every_option_is_tested() -> None:
    tested = {(o, c) for o, c, *_ in OPTION_CASES}
    for name, spec in rules().options.items():
        for choice in spec.choices:
            if choice != spec.default:
                assert (name, choice) in tested, f"{name}={choice}"


def test_numerators_never_exceed_total_less_excluded(counted) -> None:
    r = rules()
    for key, spec in r.counts.items():
        if spec.when is None or spec.cohort is None:
            continue
        total = counted[f"{spec.cohort}_total"] if f"{spec.cohort}_total" in counted else None
        if total is None:
            continue
        excluded = counted.get(f"{spec.cohort}_excluded", 0)
        assert (counted[key] <= total - excluded).all(), key

"""Decree 20/2014 Arts. 9-11: universal primary education, levels 1-3.

Level 1 (Art. 9): 6-year-olds in grade 1 ≥ 90% (no ĐBKK variant); children "đến 14
tuổi" who completed primary ≥ 80% (ĐBKK 70%): the pooled 11-14 cohort, as the 2025 form
TH-M1 measures it (older files: the 14-year-olds, with an information finding).
Level 2 (Art. 10): level 1; grade 1 ≥ 95%; 11-year-olds completed ≥ 80%
(ĐBKK 70%); every other 11-year-old still in primary.
Level 3 (Art. 11): level 2; grade 1 ≥ 98%; 11-year-olds completed ≥ 90%
(ĐBKK 80%); every other 11-year-old still in primary.
"""

import pytest

from support import Case, assert_case, case_ids, commune_row, evaluate_rows, indicator

# A commune exactly on every level-3 threshold.
BASE = {
    "age6_total": 100, "age6_grade1": 98,
    "age11_total": 100, "age11_completed": 90, "age11_in_primary": 10,
    "age11_14_total": 400, "age11_14_completed": 320,
}

CASES = [
    Case("exactly at every level-3 threshold", {}, 3,
         levels={1: "met", 2: "met", 3: "met"}),
    # grade 1: 90 / 95 / 98
    Case("grade 1 one child below 98%", {"age6_grade1": 97}, 2,
         checks=((3, "grade1", "fail", 1),)),
    Case("grade 1 exactly 95%", {"age6_grade1": 95}, 2),
    Case("grade 1 one child below 95%", {"age6_grade1": 94}, 1,
         checks=((2, "grade1", "fail", 1),)),
    Case("grade 1 exactly 90%", {"age6_grade1": 90}, 1),
    Case("grade 1 one child below 90%", {"age6_grade1": 89}, 0,
         checks=((1, "grade1", "fail", 1),)),
    Case("ĐBKK: grade 1 has no lower threshold", {"age6_grade1": 89}, 0, dbkk=True,
         checks=((1, "grade1", "fail", 1),)),
    Case("89.995% of 6-year-olds fails 90%", {"age6_total": 20000, "age6_grade1": 17999}, 0,
         checks=((1, "grade1", "fail", 1),)),
    # 14-year-olds completed: 80 (ĐBKK 70), level 1
    Case("11-14 year-olds completed one below 80%", {"age11_14_completed": 319}, 0,
         checks=((1, "completed_14", "fail", 1),)),
    Case("ĐBKK: 11-14 year-olds completed exactly 70%", {"age11_14_completed": 280}, 3,
         dbkk=True),
    Case("ĐBKK: 11-14 year-olds completed one below 70%", {"age11_14_completed": 279}, 0,
         dbkk=True,
         checks=((1, "completed_14", "fail", 1),)),
    Case("not ĐBKK: 70% of 11-14 year-olds is not enough", {"age11_14_completed": 280}, 0,
         checks=((1, "completed_14", "fail", 40),)),
    # Art. 9 read as form TH-M1 does: the pooled 11-14 cohort, total − excluded
    Case("the readings disagree: every 14-year-old done, the pooled 11-14 below 80%",
         {"age14_total": 100, "age14_completed": 100, "age11_14_completed": 300}, 0,
         checks=((1, "completed_14", "fail", 20),)),
    Case("exactly 80% of the 11-14 year-olds to cover, with exclusions",
         {"age11_14_total": 410, "age11_14_excluded": 10}, 3,
         checks=((1, "completed_14", "pass", 0),)),
    Case("without the exclusions the same 320 of 410 miss 80%", {"age11_14_total": 410}, 0,
         checks=((1, "completed_14", "fail", 8),)),
    Case("ĐBKK: exactly 70% of the 11-14 year-olds to cover, with exclusions",
         {"age11_14_total": 405, "age11_14_excluded": 5, "age11_14_completed": 280}, 3,
         dbkk=True, checks=((1, "completed_14", "pass", 0),)),
    Case("ĐBKK: one below 70% with exclusions",
         {"age11_14_total": 405, "age11_14_excluded": 5, "age11_14_completed": 279}, 0,
         dbkk=True, checks=((1, "completed_14", "fail", 1),)),
    # 11-year-olds completed: level 2 80 (ĐBKK 70), level 3 90 (ĐBKK 80)
    Case("11-year-olds completed one below 90%",
         {"age11_completed": 89, "age11_in_primary": 11}, 2,
         checks=((3, "completed_11", "fail", 1),)),
    Case("11-year-olds completed exactly 80%", {"age11_completed": 80, "age11_in_primary": 20},
         2),
    Case("11-year-olds completed one below 80%",
         {"age11_completed": 79, "age11_in_primary": 21}, 1,
         checks=((2, "completed_11", "fail", 1),)),
    Case("ĐBKK: 11-year-olds completed exactly 80% reaches level 3",
         {"age11_completed": 80, "age11_in_primary": 20}, 3, dbkk=True),
    Case("ĐBKK: 11-year-olds completed one below 80%",
         {"age11_completed": 79, "age11_in_primary": 21}, 2, dbkk=True,
         checks=((3, "completed_11", "fail", 1),)),
    Case("ĐBKK: 11-year-olds completed exactly 70%",
         {"age11_completed": 70, "age11_in_primary": 30}, 2, dbkk=True),
    Case("ĐBKK: 11-year-olds completed one below 70%",
         {"age11_completed": 69, "age11_in_primary": 31}, 1, dbkk=True,
         checks=((2, "completed_11", "fail", 1),)),
    # every other 11-year-old still in primary: completed + in_primary == denominator
    Case("one 11-year-old out of school", {"age11_in_primary": 9}, 1,
         checks=((2, "in_school_11", "fail", 1), (3, "in_school_11", "fail", 1))),
    Case("three 11-year-olds out of school",
         {"age11_completed": 85, "age11_in_primary": 12}, 1,
         checks=((2, "in_school_11", "fail", 3),)),
    Case("ĐBKK: out of school still blocks level 2", {"age11_in_primary": 9}, 1, dbkk=True,
         checks=((2, "in_school_11", "fail", 1),)),
    Case("excluded 11-year-olds are not counted as out of school",
         {"age11_total": 104, "age11_excluded": 4}, 3,
         checks=((2, "in_school_11", "pass", 0),)),
    # exclusions
    Case("exclusions: 6-year-olds 98/(101-1)", {"age6_total": 101, "age6_excluded": 1}, 3),
    Case("without the exclusion 98/101 misses 98%", {"age6_total": 101}, 2,
         checks=((3, "grade1", "fail", 1),)),
    # prerequisites: level 2 needs 1, level 3 needs 2
    Case("level 1 failed: levels 2 and 3 fail though their own tests pass",
         {"age11_14_completed": 319}, 0, levels={1: "not_met", 2: "not_met", 3: "not_met"},
         checks=((2, "grade1", "pass"), (3, "grade1", "pass"))),
    Case("level 2 failed blocks level 3", {"age11_in_primary": 9}, 1,
         levels={2: "not_met", 3: "not_met"}),
    # zero denominators: not applicable, do not block
    Case("no child aged 11-14 to count", {"age11_14_total": 0, "age11_14_completed": 0}, 3,
         checks=((1, "completed_14", "not_applicable"),)),
    Case("no 11-year-old", {"age11_total": 0, "age11_completed": 0, "age11_in_primary": 0}, 3,
         checks=((2, "completed_11", "not_applicable"), (3, "in_school_11", "not_applicable"))),
    # missing values: insufficient data, never met
    Case("missing grade-1 count", {"age6_grade1": ""}, "insufficient_data",
         levels={1: "insufficient_data", 2: "insufficient_data", 3: "insufficient_data"},
         checks=((1, "grade1", "insufficient_data"),)),
    Case("missing 11-year-olds in primary: level 1 met, 2 unknown, so the level is unknown",
         {"age11_in_primary": ""}, "insufficient_data",
         levels={1: "met", 2: "insufficient_data", 3: "insufficient_data"},
         checks=((2, "in_school_11", "insufficient_data"),)),
    Case("text in a count is invalid: insufficient data", {"age11_14_total": "nhiều"},
         "insufficient_data", finding="not_a_number"),
    Case("text in an excluded count is invalid, not zero", {"age6_excluded": "?"},
         "insufficient_data", finding="not_a_number"),
    Case("conditions not met (Circular 07 Art. 4)", {"conditions_primary": 0}, 0,
         checks=((1, "conditions", "fail"),)),
]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_primary(case: Case) -> None:
    assert_case(case, "primary", BASE)


# Files made before the 2025 forms: only the age-14 columns. "Đến 14 tuổi" is then read
# on the 14-year-olds, at the same thresholds, and an information finding says so.
OLDER = {k: v for k, v in BASE.items() if not k.startswith("age11_14")}
OLDER.update({"age14_total": 100, "age14_completed": 80})

OLDER_CASES = [
    Case("older file: 14-year-olds exactly 80%", {}, 3, finding="reading_fallback",
         checks=((1, "completed_14", "pass", 0),)),
    Case("older file: 14-year-olds one below 80%", {"age14_completed": 79}, 0,
         finding="reading_fallback", checks=((1, "completed_14", "fail", 1),)),
    Case("older file, ĐBKK: 14-year-olds exactly 70%", {"age14_completed": 70}, 3, dbkk=True,
         finding="reading_fallback"),
    Case("older file, ĐBKK: one below 70%", {"age14_completed": 69}, 0, dbkk=True,
         finding="reading_fallback", checks=((1, "completed_14", "fail", 1),)),
    Case("older file with exclusions: 80 of (101 − 1)",
         {"age14_total": 101, "age14_excluded": 1}, 3, finding="reading_fallback"),
]


@pytest.mark.parametrize("case", OLDER_CASES, ids=case_ids(OLDER_CASES))
def test_primary_older_files(case: Case) -> None:
    assert_case(case, "primary", OLDER)


def test_older_file_names_the_14_year_olds_and_says_so_once() -> None:
    outcome = evaluate_rows([commune_row(Case("a", {}, 3), OLDER),
                             {**commune_row(Case("b", {}, 3), OLDER), "commune_code": "00002"}])
    test = indicator(outcome.one("commune", "00001")["standards"]["primary"], 1,
                     "completed_14")
    assert test["label"] == "Tỷ lệ trẻ 14 tuổi hoàn thành chương trình tiểu học"
    said = [f for f in outcome.findings if f.code == "reading_fallback"]
    assert [(f.severity, f.column, f.params["instead_of"]) for f in said] == [
        ("info", "age14_completed", "age11_14_completed")]


def test_both_readings_present_the_pooled_one_decides() -> None:
    row = commune_row(Case("both", {}, 0), {**BASE, "age14_total": 100, "age14_completed": 100,
                                            "age11_14_completed": 300})
    outcome = evaluate_rows([row])
    primary = outcome.one("commune")["standards"]["primary"]
    assert primary["level"] == 0
    assert indicator(primary, 1, "completed_14")["denominator"] == 400
    assert not [f for f in outcome.findings if f.code == "reading_fallback"]

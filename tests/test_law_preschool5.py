"""Decree 20/2014 Art. 6: universal preschool education for 5-year-olds.

A commune meets the standard when ≥ 95% (ĐBKK: 90%) of its 5-year-olds attend
class and ≥ 85% (ĐBKK: 80%) completed the preschool programme, measured as the
2025 forms MN-02 and MN-01-TE do on the children now aged 6 (5 in the school
year just ended) over the age-6 population to cover; older files with only the
5-year-olds' completion are judged on it, with an information finding.
Thresholds below are the law's numbers, written out so the tests pin the rule
file.
"""

import pytest

from support import Case, assert_case, case_ids

BASE = {"age5_total": 100, "age5_attending": 95, "age6_total": 100,
        "age6_preschool_completed": 85}

CASES = [
    Case("exactly at both thresholds", {}, 1,
         checks=((1, "attending", "pass", 0), (1, "completed", "pass", 0))),
    Case("attending one child below 95%", {"age5_attending": 94}, 0,
         checks=((1, "attending", "fail", 1),)),
    Case("completed one child below 85%", {"age6_preschool_completed": 84}, 0,
         checks=((1, "completed", "fail", 1),)),
    Case("ĐBKK: attending exactly 90%",
         {"age5_attending": 90, "age6_preschool_completed": 80}, 1, dbkk=True),
    Case("ĐBKK: attending one below 90%",
         {"age5_attending": 89, "age6_preschool_completed": 80}, 0,
         dbkk=True, checks=((1, "attending", "fail", 1),)),
    Case("ĐBKK: completed one below 80%",
         {"age5_attending": 90, "age6_preschool_completed": 79}, 0,
         dbkk=True, checks=((1, "completed", "fail", 1),)),
    # completion over the age-6 population to cover (forms MN-02, MN-01-TE)
    Case("completed exactly 85% of the 6-year-olds to cover, with exclusions",
         {"age6_total": 102, "age6_excluded": 2}, 1, checks=((1, "completed", "pass", 0),)),
    Case("without the exclusions 85 of 102 miss 85%", {"age6_total": 102}, 0,
         checks=((1, "completed", "fail", 2),)),
    Case("ĐBKK: completed exactly 80% of the 6-year-olds to cover, with exclusions",
         {"age5_attending": 90, "age6_total": 101, "age6_excluded": 1,
          "age6_preschool_completed": 80}, 1, dbkk=True,
         checks=((1, "completed", "pass", 0),)),
    Case("ĐBKK: one below 80% with exclusions",
         {"age5_attending": 90, "age6_total": 101, "age6_excluded": 1,
          "age6_preschool_completed": 79}, 0, dbkk=True,
         checks=((1, "completed", "fail", 1),)),
    Case("the readings disagree: every 5-year-old done, the 6-year-olds below 85%",
         {"age5_completed": 100, "age6_preschool_completed": 80}, 0,
         checks=((1, "completed", "fail", 5),)),
    Case("not ĐBKK: 90% attending is not enough", {"age5_attending": 90}, 0,
         checks=((1, "attending", "fail", 5),)),
    Case("89.995% fails 90% (ĐBKK)", {"age5_total": 20000, "age5_attending": 17999}, 0,
         dbkk=True, checks=((1, "attending", "fail", 1),)),
    Case("exclusions leave the denominator total - excluded",
         {"age5_total": 103, "age5_excluded": 3}, 1, checks=((1, "attending", "pass"),)),
    Case("without the exclusion the same counts fail", {"age5_total": 103}, 0,
         checks=((1, "attending", "fail", 3),)),
    Case("an empty excluded cell means nobody excluded", {"age5_excluded": ""}, 1),
    Case("no 5-year-old: not applicable, does not block",
         {"age5_total": 0, "age5_attending": 0}, 1,
         checks=((1, "attending", "not_applicable"), (1, "completed", "pass"))),
    Case("no 6-year-old: completion not applicable, does not block",
         {"age6_total": 0, "age6_preschool_completed": 0}, 1,
         checks=((1, "completed", "not_applicable"),)),
    Case("everyone excluded: not applicable",
         {"age5_total": 4, "age5_excluded": 4, "age5_attending": 0}, 1,
         checks=((1, "attending", "not_applicable"),)),
    Case("missing attending: insufficient data, never met", {"age5_attending": ""},
         "insufficient_data", checks=((1, "attending", "insufficient_data"),)),
    Case("missing total: insufficient data", {"age5_total": ""}, "insufficient_data"),
    Case("missing and failing: a failure is already certain",
         {"age5_attending": "", "age6_preschool_completed": 10}, 0,
         checks=((1, "completed", "fail", 75),)),
    Case("excluded above total: insufficient data", {"age5_excluded": 101},
         "insufficient_data"),
    Case("conditions not met (Circular 07 Art. 3)", {"conditions_preschool5": "không"}, 0,
         checks=((1, "conditions", "fail"),)),
    Case("conditions met", {"conditions_preschool5": "có"}, 1,
         checks=((1, "conditions", "pass"),)),
    Case("conditions column absent: not checked", {}, 1,
         checks=((1, "conditions", "not_checked"),)),
    Case("disabled access exactly 60% (Circular 07 Art. 2)",
         {"disabled_able_total": 10, "disabled_able_accessing": 6}, 1,
         checks=((1, "disabled_access", "pass"),)),
    Case("disabled access one person below 60%",
         {"disabled_able_total": 10, "disabled_able_accessing": 5}, 0,
         checks=((1, "disabled_access", "fail", 1),)),
]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_preschool5(case: Case) -> None:
    assert_case(case, "preschool5", BASE)


# Files made before the 2025 forms: completion of the 5-year-olds only.
OLDER = {"age5_total": 100, "age5_attending": 95, "age5_completed": 85}

OLDER_CASES = [
    Case("older file: 5-year-olds completed exactly 85%", {}, 1, finding="reading_fallback",
         checks=((1, "completed", "pass", 0),)),
    Case("older file: one below 85%", {"age5_completed": 84}, 0, finding="reading_fallback",
         checks=((1, "completed", "fail", 1),)),
    Case("older file, ĐBKK: exactly 80%", {"age5_attending": 90, "age5_completed": 80}, 1,
         dbkk=True, finding="reading_fallback"),
    Case("older file, ĐBKK: one below 80%", {"age5_attending": 90, "age5_completed": 79}, 0,
         dbkk=True, finding="reading_fallback", checks=((1, "completed", "fail", 1),)),
]


@pytest.mark.parametrize("case", OLDER_CASES, ids=case_ids(OLDER_CASES))
def test_preschool5_older_files(case: Case) -> None:
    assert_case(case, "preschool5", OLDER)

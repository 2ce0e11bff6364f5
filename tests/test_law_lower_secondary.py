"""Decree 20/2014 Arts. 14-16: universal lower-secondary education, levels 1-3.

Level 1 (Art. 14): primary level 1 and literacy level 1; ages 15-18 with a
lower-secondary diploma ≥ 80% (ĐBKK 70%).
Level 2 (Art. 15): level 1; diploma ≥ 90% (ĐBKK 80%).
Level 3 (Art. 16): level 2; diploma ≥ 95% (ĐBKK 90%); ages 15-18 studying
upper-secondary, GDTX upper-secondary or vocational ≥ 80% (ĐBKK 70%).
"""

import pytest

from support import Case, assert_case, case_ids

PRIMARY_LEVEL_1 = {
    "age6_total": 100, "age6_grade1": 90,
    "age11_total": 100, "age11_completed": 50, "age11_in_primary": 40,
    "age14_total": 100, "age14_completed": 80,
}
LITERACY_LEVEL_1 = {
    "age15_25_total": 100, "age15_25_literate_l1": 90,
    "age15_35_total": 100, "age15_35_literate_l1": 90, "age15_35_literate_l2": 50,
    "age15_60_total": 100, "age15_60_literate_l2": 50,
}
# Prerequisites met, and exactly on every level-3 threshold.
BASE = {**PRIMARY_LEVEL_1, **LITERACY_LEVEL_1,
        "age15_18_total": 100, "age15_18_graduated": 95, "age15_18_studying": 80}

CASES = [
    Case("exactly at every level-3 threshold", {}, 3,
         levels={1: "met", 2: "met", 3: "met"}),
    # diploma: 80 / 90 / 95 (ĐBKK 70 / 80 / 90)
    Case("diploma one below 95%", {"age15_18_graduated": 94}, 2,
         checks=((3, "graduated", "fail", 1),)),
    Case("diploma exactly 90%", {"age15_18_graduated": 90}, 2),
    Case("diploma one below 90%", {"age15_18_graduated": 89}, 1,
         checks=((2, "graduated", "fail", 1),)),
    Case("diploma exactly 80%", {"age15_18_graduated": 80}, 1),
    Case("diploma one below 80%", {"age15_18_graduated": 79}, 0,
         checks=((1, "graduated", "fail", 1),)),
    Case("ĐBKK: diploma exactly 90%, studying exactly 70%",
         {"age15_18_graduated": 90, "age15_18_studying": 70}, 3, dbkk=True),
    Case("ĐBKK: diploma one below 90%", {"age15_18_graduated": 89}, 2, dbkk=True,
         checks=((3, "graduated", "fail", 1),)),
    Case("ĐBKK: diploma exactly 80%", {"age15_18_graduated": 80}, 2, dbkk=True),
    Case("ĐBKK: diploma one below 80%", {"age15_18_graduated": 79}, 1, dbkk=True),
    Case("ĐBKK: diploma exactly 70%", {"age15_18_graduated": 70}, 1, dbkk=True),
    Case("ĐBKK: diploma one below 70%", {"age15_18_graduated": 69}, 0, dbkk=True,
         checks=((1, "graduated", "fail", 1),)),
    Case("not ĐBKK: 70% studying is not enough", {"age15_18_studying": 70}, 2,
         checks=((3, "studying", "fail", 10),)),
    # studying: 80 (ĐBKK 70), level 3 only
    Case("studying one below 80%", {"age15_18_studying": 79}, 2,
         checks=((3, "studying", "fail", 1),)),
    Case("ĐBKK: studying one below 70%", {"age15_18_studying": 69}, 2, dbkk=True,
         checks=((3, "studying", "fail", 1),)),
    Case("89.995% fails 90%",
         {"age15_18_total": 20000, "age15_18_graduated": 17999, "age15_18_studying": 16000},
         1, checks=((2, "graduated", "fail", 1),)),
    Case("exclusions: 95 of (102 - 2)", {"age15_18_total": 102, "age15_18_excluded": 2}, 3),
    # prerequisites across standards (Art. 14): primary level 1 and literacy level 1
    Case("primary level 1 failed: no level at all", {"age6_grade1": 89}, 0,
         levels={1: "not_met", 2: "not_met", 3: "not_met"},
         checks=((1, "graduated", "pass"),)),
    Case("literacy level 1 failed: no level at all", {"age15_35_literate_l1": 89}, 0,
         levels={1: "not_met"}),
    Case("ĐBKK: literacy level 1 on the 15-25 band",
         {"age15_35_literate_l1": 0}, 3, dbkk=True),
    Case("literacy level 1 unknown: insufficient data", {"age15_35_literate_l1": ""},
         "insufficient_data", levels={1: "insufficient_data"}),
    Case("primary level 1 unknown: insufficient data", {"age14_total": ""},
         "insufficient_data"),
    Case("primary level 2 is not required", {"age11_in_primary": 0}, 3),
    # zero denominator, missing values
    Case("no one aged 15-18: not applicable, does not block",
         {"age15_18_total": 0, "age15_18_graduated": 0, "age15_18_studying": 0}, 3,
         checks=((3, "graduated", "not_applicable"), (3, "studying", "not_applicable"))),
    Case("missing diploma count", {"age15_18_graduated": ""}, "insufficient_data"),
    Case("missing studying count: level 2 met, level 3 unknown, so the level is unknown",
         {"age15_18_studying": ""}, "insufficient_data",
         levels={2: "met", 3: "insufficient_data"}),
    Case("conditions not met (Circular 07 Art. 5)", {"conditions_lower_secondary": "0"}, 0),
]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_lower_secondary(case: Case) -> None:
    assert_case(case, "lower_secondary", BASE)


def test_prerequisite_standard_absent_from_the_file() -> None:
    """Without any primary column, primary is not evaluated: level 1 cannot be known."""
    base = {k: v for k, v in BASE.items() if k not in PRIMARY_LEVEL_1}
    assert_case(Case("primary absent", {}, "insufficient_data",
                     levels={1: "insufficient_data"}), "lower_secondary", base)

"""Decree 20/2014 Arts. 20-21: literacy (xóa mù chữ), levels 1 and 2.

Level 1 (Art. 20): ≥ 90% of people aged 15-35 literate at level 1; in a xã
ĐBKK the band is 15-25. Level 2 (Art. 21): ≥ 90% of people aged 15-60
literate at level 2; in a xã ĐBKK the band is 15-35. ĐBKK changes the age
band, not the percentage. Level 2 has no "meets level 1" clause: the levels
are judged independently and a warning flags level 2 without level 1.
"""

import pytest

from support import Case, assert_case, case_ids

# Every band exactly at 90%.
BASE = {
    "age15_25_total": 100, "age15_25_literate_l1": 90,
    "age15_35_total": 200, "age15_35_literate_l1": 180, "age15_35_literate_l2": 180,
    "age15_60_total": 400, "age15_60_literate_l2": 360,
}

CASES = [
    Case("every band exactly at 90%", {}, 2, levels={1: "met", 2: "met"}),
    Case("ĐBKK: every band exactly at 90%", {}, 2, dbkk=True),
    # level 1: 15-35 normally, 15-25 in a xã ĐBKK
    Case("15-35 literate l1 one below 90%: level 2 without level 1",
         {"age15_35_literate_l1": 179}, 2, levels={1: "not_met", 2: "met"},
         checks=((1, "literate_l1", "fail", 1),), finding="level2_without_level1"),
    Case("15-35 one below, level 2 failing too", {"age15_35_literate_l1": 179,
                                                  "age15_60_literate_l2": 359}, 0,
         checks=((2, "literate_l2", "fail", 1),)),
    Case("ĐBKK: level 1 judged on 15-25, not 15-35",
         {"age15_35_literate_l1": 100}, 2, dbkk=True, levels={1: "met"}),
    Case("ĐBKK: 15-25 one below 90% fails level 1 whatever 15-35 says",
         {"age15_25_literate_l1": 89, "age15_35_literate_l1": 200}, 2, dbkk=True,
         levels={1: "not_met"}, checks=((1, "literate_l1", "fail", 1),),
         finding="level2_without_level1"),
    Case("not ĐBKK: 15-25 is not read for level 1",
         {"age15_25_literate_l1": 0}, 2, levels={1: "met"}),
    Case("not ĐBKK: empty 15-25 cells do not matter",
         {"age15_25_total": "", "age15_25_literate_l1": ""}, 2),
    Case("ĐBKK: empty 15-25 cells leave level 1 unknown",
         {"age15_25_total": "", "age15_25_literate_l1": ""}, 2, dbkk=True,
         levels={1: "insufficient_data", 2: "met"},
         checks=((1, "literate_l1", "insufficient_data"),)),
    # level 2: 15-60 normally, 15-35 in a xã ĐBKK
    Case("15-60 literate l2 one below 90%", {"age15_60_literate_l2": 359}, 1,
         levels={2: "not_met"}, checks=((2, "literate_l2", "fail", 1),)),
    Case("ĐBKK: level 2 judged on 15-35, not 15-60",
         {"age15_60_literate_l2": 0}, 2, dbkk=True),
    Case("ĐBKK: 15-35 literate l2 one below 90%",
         {"age15_35_literate_l2": 179}, 1, dbkk=True, checks=((2, "literate_l2", "fail", 1),)),
    Case("ĐBKK: empty 15-60 cells do not matter",
         {"age15_60_total": "", "age15_60_literate_l2": ""}, 2, dbkk=True),
    Case("89.995% fails 90%", {"age15_60_total": 20000, "age15_60_literate_l2": 17999}, 1,
         checks=((2, "literate_l2", "fail", 1),)),
    # exclusions, zero denominators, missing values
    Case("exclusions: 180 of (210 - 10)", {"age15_35_total": 210, "age15_35_excluded": 10}, 2,
         levels={1: "met"}),
    Case("no one aged 15-25 in a xã ĐBKK: not applicable",
         {"age15_25_total": 0, "age15_25_literate_l1": 0}, 2, dbkk=True,
         checks=((1, "literate_l1", "not_applicable"),)),
    # level 1 is met but level 2 is unknown: the level is unknown (at least 1)
    Case("missing 15-60 total", {"age15_60_total": ""}, "insufficient_data",
         levels={1: "met", 2: "insufficient_data"}),
    Case("missing everything of level 1 and level 2 failing",
         {"age15_35_literate_l1": "", "age15_60_literate_l2": 0}, "insufficient_data",
         levels={1: "insufficient_data", 2: "not_met"}),
    Case("conditions not met (Circular 07 Art. 6)", {"conditions_literacy": "no"}, 0,
         checks=((1, "conditions", "fail"), (2, "conditions", "fail"))),
]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_literacy(case: Case) -> None:
    assert_case(case, "literacy", BASE)

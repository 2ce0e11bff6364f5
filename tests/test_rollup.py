"""Districts and provinces: shares of recognised units, compared exactly.

Decree 20/2014: a district is recognised when ≥ 90% of its communes are
(lower_secondary level 2: 95%; level 3: 100%); a province when 100% of its
districts are (literacy level 1: 90%). Two-tier files (no districts, from
07/2025) judge the province on its communes with the district shares and say
the result is provisional.
"""

import pytest

from support import evaluate_rows

PRIMARY_LEVEL_1 = {"age6_total": 100, "age6_grade1": 90, "age14_total": 100,
                   "age14_completed": 80, "age11_total": 100, "age11_completed": 50,
                   "age11_in_primary": 40}
LITERACY_LEVEL_1 = {"age15_35_total": 100, "age15_35_literate_l1": 90}

# Counts that put a (non-ĐBKK) commune at a given level of one standard;
# "?" leaves a needed cell empty, so the commune is insufficient_data.
AT_LEVEL = {
    "preschool5": {
        0: {"age5_total": 100, "age5_attending": 94, "age5_completed": 85},
        1: {"age5_total": 100, "age5_attending": 95, "age5_completed": 85},
        "?": {"age5_total": 100, "age5_attending": "", "age5_completed": 85},
    },
    "primary": {
        0: {**PRIMARY_LEVEL_1, "age6_grade1": 89},
        1: PRIMARY_LEVEL_1,
        2: {**PRIMARY_LEVEL_1, "age6_grade1": 95, "age11_completed": 80, "age11_in_primary": 20},
        3: {**PRIMARY_LEVEL_1, "age6_grade1": 98, "age11_completed": 90, "age11_in_primary": 10},
        "?": {**PRIMARY_LEVEL_1, "age6_grade1": ""},
    },
    "lower_secondary": {
        level: {**PRIMARY_LEVEL_1, **LITERACY_LEVEL_1, "age15_18_total": 100,
                "age15_18_graduated": graduated, "age15_18_studying": 80}
        for level, graduated in ((0, 79), (1, 80), (2, 90), (3, 95), ("?", ""))
    },
    "literacy": {
        0: {"age15_35_total": 100, "age15_35_literate_l1": 89,
            "age15_60_total": 100, "age15_60_literate_l2": 89},
        1: {"age15_35_total": 100, "age15_35_literate_l1": 90,
            "age15_60_total": 100, "age15_60_literate_l2": 89},
        2: {"age15_35_total": 100, "age15_35_literate_l1": 90,
            "age15_60_total": 100, "age15_60_literate_l2": 90},
        "?": {"age15_35_total": 100, "age15_35_literate_l1": "",
              "age15_60_total": 100, "age15_60_literate_l2": ""},
    },
}


def communes(standard: str, levels: list, district: str | None = "101",
             start: int = 1, **extra) -> list[dict]:
    """One row per entry of ``levels``, numbered from ``start``, in one district."""
    rows = []
    for i, level in enumerate(levels, start=start):
        row = {"commune_code": f"{i:05d}", "commune": f"Xã {i}"}
        if district is not None:
            row.update(district_code=district, district=f"Huyện {district}")
        row.update(province_code="12", province="Tỉnh Thử")
        row.update(AT_LEVEL[standard][level])
        row.update(extra)
        rows.append(row)
    return rows


def mix(standard: str, counts: dict, district: str | None = "101", start: int = 1,
        **extra) -> list[dict]:
    levels = [level for level, n in counts.items() for _ in range(n)]
    return communes(standard, levels, district, start, **extra)


def test_12_of_14_communes_at_lower_secondary_3_gives_a_district_at_2() -> None:
    outcome = evaluate_rows(mix("lower_secondary", {3: 12, 2: 2}))
    district = outcome.one("district")
    std = district["standards"]["lower_secondary"]
    assert (std["status"], std["level"]) == ("met", 2)
    level3 = std["levels"]["3"]
    assert level3["status"] == "not_met"
    assert level3["share"] == {"units": "commune", "children": 14, "met": 12, "unknown": 0,
                               "rate": 85.71, "required": 100, "shortfall": 2,
                               "gap": "cần thêm 2 xã đạt PCGD THCS mức độ 3"}
    assert district["communes"] == 14


# (standard, level, communes at the level, communes in the district, district status)
DISTRICT_SHARES = [
    ("preschool5", 1, 9, 10, "met"),  # 90%
    ("preschool5", 1, 8, 10, "not_met"),
    ("primary", 1, 9, 10, "met"),
    ("primary", 3, 9, 10, "met"),
    ("primary", 3, 17, 19, "not_met"),  # 89.47%
    ("lower_secondary", 1, 9, 10, "met"),
    ("lower_secondary", 1, 8, 10, "not_met"),
    ("lower_secondary", 2, 19, 20, "met"),  # 95%
    ("lower_secondary", 2, 18, 20, "not_met"),
    ("lower_secondary", 3, 10, 10, "met"),  # 100%
    ("lower_secondary", 3, 19, 20, "not_met"),
    ("literacy", 1, 9, 10, "met"),
    ("literacy", 2, 9, 10, "met"),
    ("literacy", 2, 8, 10, "not_met"),
]


@pytest.mark.parametrize("standard,level,met,total,status", DISTRICT_SHARES)
def test_district_share_of_communes(standard, level, met, total, status) -> None:
    outcome = evaluate_rows(mix(standard, {level: met, level - 1: total - met}))
    got = outcome.one("district")["standards"][standard]["levels"][str(level)]
    assert got["status"] == status
    assert (got["share"]["met"], got["share"]["children"]) == (met, total)


def districts_of_one_commune(standard: str, levels: list) -> list[dict]:
    """District ``10i`` holds commune ``i`` only: the district's level is its commune's."""
    rows = []
    for i, level in enumerate(levels, start=1):
        rows += communes(standard, [level], district=f"{100 + i}", start=i)
    return rows


# (standard, level, districts at the level, districts in the province, province status)
PROVINCE_SHARES = [
    ("literacy", 1, 9, 10, "met"),  # literacy level 1: 90% of districts
    ("literacy", 1, 8, 10, "not_met"),
    ("literacy", 2, 9, 10, "not_met"),  # every other test: 100%
    ("literacy", 2, 10, 10, "met"),
    ("preschool5", 1, 9, 10, "not_met"),
    ("preschool5", 1, 10, 10, "met"),
    ("primary", 1, 9, 10, "not_met"),
    ("primary", 3, 10, 10, "met"),
    ("lower_secondary", 1, 9, 10, "not_met"),
    ("lower_secondary", 2, 9, 10, "not_met"),
    ("lower_secondary", 2, 10, 10, "met"),
]


@pytest.mark.parametrize("standard,level,met,total,status", PROVINCE_SHARES)
def test_province_share_of_districts(standard, level, met, total, status) -> None:
    levels = [level] * met + [level - 1] * (total - met)
    outcome = evaluate_rows(districts_of_one_commune(standard, levels))
    province = outcome.one("province")
    got = province["standards"][standard]["levels"][str(level)]
    assert got["status"] == status
    assert got["share"]["units"] == "district"
    assert (got["share"]["met"], got["share"]["children"]) == (met, total)
    assert "provisional" not in province


def test_province_shortfall_in_districts() -> None:
    outcome = evaluate_rows(districts_of_one_commune("literacy", [1] * 8 + [0] * 2))
    share = outcome.one("province")["standards"]["literacy"]["levels"]["1"]["share"]
    assert share["shortfall"] == 1
    assert share["gap"] == "cần thêm 1 huyện đạt XMC mức độ 1"


# (communes met / unknown / not met at literacy level 1, district status)
UNKNOWN_COMMUNES = [
    ((9, 1, 0), "met"),  # 9/10 already reach 90%: the unknown one cannot change it
    ((8, 1, 1), "insufficient_data"),  # 8 or 9 of 10: the unknown one decides
    ((7, 1, 2), "not_met"),  # at most 8/10: cannot reach 90% whatever it is
    ((0, 10, 0), "insufficient_data"),
]


@pytest.mark.parametrize("counts,status", UNKNOWN_COMMUNES)
def test_unknown_communes_matter_only_when_they_could_change_the_verdict(counts, status):
    met, unknown, failed = counts
    outcome = evaluate_rows(mix("literacy", {1: met, "?": unknown, 0: failed}))
    got = outcome.one("district")["standards"]["literacy"]["levels"]["1"]
    assert got["status"] == status
    assert got["share"]["unknown"] == unknown


def test_an_unknown_district_counts_as_unknown_for_the_province() -> None:
    # 9 districts met, 1 unknown: the province needs 100% of districts for preschool5
    outcome = evaluate_rows(districts_of_one_commune("preschool5", [1] * 9 + ["?"]))
    province = outcome.one("province")["standards"]["preschool5"]
    assert province["status"] == "insufficient_data"
    assert province["levels"]["1"]["share"]["unknown"] == 1


def test_district_counts_are_sums_and_rates_are_recomputed() -> None:
    rows = communes("preschool5", [1, 0])
    rows[0].update(age5_total=2, age5_attending=1, age5_completed=2)  # 50%
    rows[1].update(age5_total=103, age5_excluded=3, age5_attending=99,  # 99%
                   age5_completed=90)
    outcome = evaluate_rows(rows)
    for unit_type in ("district", "province"):
        attending = outcome.one(unit_type)["standards"]["preschool5"]["levels"]["1"][
            "indicators"][0]
        assert attending["id"] == "attending"
        assert (attending["numerator"], attending["denominator"], attending["excluded"]) == (
            100, 102, 3)
        # 100/102 = 98.039…, cut (not rounded) for display; not the mean of 50% and 99%
        assert attending["rate"] == 98.03
        assert attending["status"] == "info"  # recognition uses shares, not this rate


def test_two_tier_file_judges_the_province_on_communes_with_district_shares() -> None:
    rows = mix("preschool5", {1: 9, 0: 1}, district=None)
    outcome = evaluate_rows(rows)
    assert outcome.tier("district") == []
    province = outcome.one("province")
    assert province["provisional"] is True
    std = province["standards"]["preschool5"]
    # 90% of communes (the district share), where a province needs 100% of districts
    assert (std["status"], std["level"]) == ("met", 1)
    share = std["levels"]["1"]["share"]
    assert (share["met"], share["children"], share["required"]) == (9, 10, 90)
    assert outcome.evaluation.two_tier


@pytest.mark.parametrize("met,status", [(19, "met"), (18, "not_met")])
def test_two_tier_lower_secondary_2_needs_95_percent_of_communes(met, status) -> None:
    outcome = evaluate_rows(mix("lower_secondary", {2: met, 1: 20 - met}, district=None))
    got = outcome.one("province")["standards"]["lower_secondary"]["levels"]["2"]
    assert got["status"] == status


def test_two_tier_shortfall_is_counted_in_communes() -> None:
    outcome = evaluate_rows(mix("preschool5", {1: 8, 0: 2}, district=None))
    share = outcome.one("province")["standards"]["preschool5"]["levels"]["1"]["share"]
    assert share["units"] == "commune"
    assert share["shortfall"] == 1
    assert share["gap"] == "cần thêm 1 xã đạt PCGD MN 5 tuổi mức độ 1"


def test_several_years_in_one_file_are_evaluated_per_year() -> None:
    rows = mix("preschool5", {1: 10}, year=2024) + mix("preschool5", {1: 8, 0: 2}, year=2023)
    outcome = evaluate_rows(rows)
    assert len(outcome.tier("commune")) == 20
    by_year = {d["year"]: d["standards"]["preschool5"] for d in outcome.tier("district")}
    assert by_year[2024]["status"] == "met"
    assert by_year[2023]["status"] == "not_met"
    assert by_year[2023]["levels"]["1"]["share"]["children"] == 10
    provinces = {p["year"]: p["standards"]["preschool5"]["status"]
                 for p in outcome.tier("province")}
    assert provinces == {2023: "not_met", 2024: "met"}


def test_every_tier_sums_exactly_its_communes_known_figures() -> None:
    """A province adds up its districts' sums and the nation its provinces' (fewer rows
    than every commune each time): the figures must be those of adding up the communes'
    known figures directly, the ĐBKK communes' normal band included."""
    import numpy as np

    from pcgd_cli.engine.results import Check

    rows = []
    for p, d, n in ((1, 1, 3), (1, 2, 2), (2, 3, 4)):
        for k in range(n):
            row = {**AT_LEVEL["lower_secondary"][k % 4], "province_code": f"0{p}",
                   "district_code": f"00{d}", "commune_code": f"{p}{d}{k:03d}",
                   "disadvantaged": k % 2, "age15_25_total": 50, "age15_25_literate_l1": 45}
            if k == 1:
                row["age14_completed"] = ""  # unknown: left out of every sum
            rows.append(row)
    evaluation = evaluate_rows(rows).evaluation
    communes = evaluation.tiers[0]
    assert [t.tier for t in evaluation.tiers] == ["commune", "district", "province", "nation"]
    for tier in evaluation.tiers[1:]:
        n = len(tier.units)
        for sid, result in tier.standards.items():
            for level, lower in zip(result.levels, communes.standards[sid].levels, strict=True):
                for summed, ind in zip(level.indicators, lower.indicators, strict=True):
                    num, den, exc, check = ind.normal or (
                        ind.numerator, ind.denominator, ind.excluded, ind.check)
                    known = np.isin(check, (Check.PASS, Check.FAIL, Check.NOT_APPLICABLE))
                    for got, values in ((summed.numerator, num), (summed.denominator, den),
                                        (summed.excluded, exc)):
                        expected = np.bincount(tier.member_of, weights=np.where(known, values, 0),
                                               minlength=n).astype(np.int64)
                        assert got.tolist() == expected.tolist()

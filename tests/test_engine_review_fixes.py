"""Engine behaviour a domain review asked for: an unknown ĐBKK flag decides nothing,
district sums never mix age bands, and a level with an unknown level above it is unknown."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pcgd_cli.count_table import CountTable
from pcgd_cli.engine import Check, Status, evaluate_units
from pcgd_cli.pipeline import load_rule_book
from pcgd_cli.report.finding_text import finding_message
from pcgd_cli.rules.readings import choose_readings

BOOK = load_rule_book(["nd20-2014"])


def _table(rows: list[dict]) -> CountTable:
    """The engine's typed input, straight from counts (NaN: a missing cell)."""
    base = {"year": np.nan, "province_code": "12", "province": "P", "district_code": "101",
            "district": "D"}
    frame = pd.DataFrame([{**base, "commune": r["commune_code"], **r} for r in rows])
    present = {c for c in frame.columns if c not in ("year",)}
    return CountTable.from_frame(frame, present, has_districts=True)


def _evaluate(table: CountTable):
    """The engine on the rule sets as this table's columns read them (these rows carry
    the older age-14 columns)."""
    return evaluate_units(table, list(choose_readings(BOOK, table.present).rule_sets))


def _communes(rows: list[dict]):
    evaluation, _ = _evaluate(_table(rows))
    return evaluation


def _attending(evaluation, i: int):
    level = evaluation.tiers[0].standards["preschool5"].levels[0]
    return next(ind for ind in level.indicators if ind.spec.id == "attending"), level


def test_unknown_flag_decides_only_where_both_readings_agree():
    rows = [
        # 92% attending: passes the ĐBKK 90% test, fails the normal 95%: unknown
        {"commune_code": "00001", "disadvantaged": np.nan, "age5_total": 100.0,
         "age5_attending": 92.0, "age5_completed": 90.0},
        # 96% passes both readings: the flag does not matter
        {"commune_code": "00002", "disadvantaged": np.nan, "age5_total": 100.0,
         "age5_attending": 96.0, "age5_completed": 90.0},
        # 80% fails both readings
        {"commune_code": "00003", "disadvantaged": np.nan, "age5_total": 100.0,
         "age5_attending": 80.0, "age5_completed": 90.0},
        # a known ĐBKK commune at 92% passes
        {"commune_code": "00004", "disadvantaged": 1.0, "age5_total": 100.0,
         "age5_attending": 92.0, "age5_completed": 90.0},
    ]
    evaluation = _communes(rows)
    ind, level = _attending(evaluation, 0)
    assert ind.check.tolist() == [Check.MISSING, Check.PASS, Check.FAIL, Check.PASS]
    assert level.status.tolist() == [Status.INSUFFICIENT, Status.MET, Status.NOT_MET,
                                     Status.MET]
    assert evaluation.tiers[0].units["disadvantaged"].tolist() == [None, None, None, True]


def test_district_literacy_sums_add_the_normal_band_only():
    literate = {"age15_25_total": 100.0, "age15_25_literate_l1": 95.0,
                "age15_35_total": 200.0, "age15_35_literate_l1": 190.0,
                "age15_35_literate_l2": 185.0, "age15_60_total": 400.0,
                "age15_60_literate_l2": 370.0}
    rows = [{"commune_code": "00001", "disadvantaged": 0.0, **literate},
            {"commune_code": "00002", "disadvantaged": 1.0, **literate}]
    evaluation = _communes(rows)
    communes = evaluation.tiers[0].standards["literacy"].levels[0].indicators[0]
    assert communes.denominator.tolist() == [200, 100]  # the ĐBKK commune: ages 15-25
    district = evaluation.tiers[1].standards["literacy"].levels[0].indicators[0]
    assert (district.numerator[0], district.denominator[0]) == (380, 400)  # 15-35 twice


def test_level_met_with_the_level_above_unknown_is_unknown_at_least_that_level():
    row = {"commune_code": "00001", "disadvantaged": 0.0,
           "age6_total": 100.0, "age6_grade1": 99.0, "age14_total": 100.0,
           "age14_completed": 90.0, "age11_total": 100.0, "age11_completed": np.nan,
           "age11_in_primary": 5.0}
    primary = _communes([row]).tiers[0].standards["primary"]
    assert primary.status[0] == Status.INSUFFICIENT
    assert primary.level[0] == -1 and primary.level_at_least[0] == 1


def test_a_failing_rate_never_shows_as_reaching_its_threshold():
    from pcgd_cli.report.explain import shown_rate

    assert shown_rate(17999, 20000) == 89.99  # 89.995% fails 90%: not "90.00"
    assert shown_rate(18000, 20000) == 90.0
    assert shown_rate(1, 0) is None


def test_zero_denominator_is_said_once_per_commune_and_test():
    row = {"commune_code": "00001", "disadvantaged": 0.0, "age6_total": 0.0,
           "age6_grade1": 0.0, "age14_total": 100.0, "age14_completed": 90.0,
           "age11_total": 100.0, "age11_completed": 95.0, "age11_in_primary": 5.0}
    _, notes = _evaluate(_table([row]))
    na = [f for f in notes if f.code == "not_applicable"]
    assert [(f.unit, f.column) for f in na] == [("00001", "primary")]  # grade 1, not 3 times
    assert "không áp dụng" in finding_message(na[0], "vi", BOOK)


def test_json_names_the_age_band_a_dbkk_commune_was_judged_on(tmp_path):
    from targets_support import commune, run_json, write_rows

    rows = [commune("00001"), {**commune("00002"), "disadvantaged": 1,
                                "age15_25_literate_l1": 95}]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    # the rules say once which band a ĐBKK commune is counted on; its figures are that band's
    literate = report["rules"][0]["standards"]["literacy"]["indicators"]["literate_l1"]
    assert (literate["cohort"], literate["disadvantaged_cohort"]) == (["age15_35"], ["age15_25"])
    figures = {r["code"]: (r["disadvantaged"],
                           r["standards"]["literacy"]["indicators"]["literate_l1"])
               for r in report["results"] if r["unit_type"] == "commune"}
    assert figures == {"00001": (False, [200, 200, 0]), "00002": (True, [95, 100, 0])}


def test_numbers_are_written_as_each_language_writes_them():
    from pcgd_cli.i18n import fmt_threshold, number_text

    assert number_text(98.38, "vi") == "98,38" and number_text(98.38, "en") == "98.38"
    assert number_text(45938, "vi", 0) == "45.938" and number_text(45938, "en", 0) == "45,938"
    assert fmt_threshold(89.5, "vi") == "89,5%" and fmt_threshold(90.0, "en") == "90%"


def test_csv_gap_names_an_unmet_prerequisite(tmp_path):
    import csv
    import io

    from targets_support import commune, run, write_rows

    # 50%: literacy level 1 fails (level 2 counts kept consistent: at most level 1)
    rows = [commune("00001", age15_35_literate_l1=100, age15_35_literate_l2=100)]
    _, out, _ = run("check", write_rows(tmp_path / "d.csv", rows), "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    row = next(r for r in table if r["unit_type"] == "commune"
               and r["standard"] == "lower_secondary")
    assert row["status"] == "not_met"
    assert "tiên quyết" in row["gap"] and "XMC mức độ 1" in row["gap"]


def test_an_unknown_header_gets_the_closest_label_as_a_suggestion(tmp_path):
    path = tmp_path / "typo.csv"
    path.write_text("Mã xã,Tre 6 tuoi - Tong so,Tre 6 tuoi - Vao lop1\n03394,40,39\n",
                    encoding="utf-8")
    from targets_support import run

    _, out, _ = run("check", path, "--format", "json")
    import json

    unknown = [f for f in json.loads(out)["findings"] if f["code"] == "unknown_column"]
    assert any("có phải 'Trẻ 6 tuổi - Vào lớp 1'?" in f["suggestion"] for f in unknown)


def test_english_counts_of_units_take_a_plural():
    from pcgd_cli.i18n import tier_name

    assert (tier_name("district", "en", 1), tier_name("district", "en", 2)) == (
        "district", "districts")
    assert tier_name("district", "vi", 2) == "huyện"

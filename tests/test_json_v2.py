"""JSON schema_version 2: valid against docs/report.schema.json, each rule fact said once,
each unit's figures once per standard, the gap to the next level, v1 behind an option."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from pcgd_cli.pipeline import check_files, load_rule_book
from pcgd_cli.report.explain import reason_lines
from targets_support import (
    PRIMARY_LEVEL2,
    PRIMARY_NONE,
    commune,
    run,
    run_json,
    unit,
    write_rows,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def assert_valid(report: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("args", [
    ["--lang", "vi"],
    ["--lang", "en", "--explain"],
    ["--targets", "laichau-2030"],
])
def test_the_sample_report_is_valid_against_the_schema(args: list[str]) -> None:
    code, report = run_json(str(SAMPLE), *args)
    assert code in (0, 1)
    assert report["schema_version"] == 2
    assert_valid(report)


def test_a_multi_province_two_tier_report_is_valid(tmp_path: Path) -> None:
    rows = [commune("00001", district=None, province="01", conditions_primary="có"),
            commune("00002", district=None, province="01", conditions_primary="",
                    **PRIMARY_NONE),
            {**commune("00003", district=None, province="02", conditions_primary="không"),
             "disadvantaged": 1},
            commune("00004", district=None, province="02", age6_grade1="")]
    code, report = run_json(str(write_rows(tmp_path / "d.csv", rows)), "--explain")
    assert code in (0, 2)
    assert_valid(report)
    assert {u["unit_type"] for u in report["results"]} == {"commune", "province", "nation"}
    assert all(u.get("provisional") for u in report["results"] if u["unit_type"] == "province")


def test_labels_articles_and_thresholds_are_said_once_in_rules() -> None:
    code, report = run_json(str(SAMPLE))
    rules = report["rules"][0]["standards"]["primary"]
    label = rules["indicators"]["grade1"]["label"]
    article = rules["levels"]["2"]["article"]
    text = json.dumps(report, ensure_ascii=False)
    assert text.count(json.dumps(label, ensure_ascii=False)) == 1
    assert text.count(json.dumps(article, ensure_ascii=False)) == 1
    assert [rules["levels"][k]["tests"]["grade1"]["threshold"] for k in "123"] == [90, 95, 98]
    units = json.dumps(report["results"])
    for word in ('"label"', '"article"', '"threshold"', '"rate"', '"passed"'):
        assert word not in units, word


def test_each_indicator_once_per_standard_equal_to_the_engine() -> None:
    book = load_rule_book()
    report = check_files([SAMPLE], book)
    from pcgd_cli.report.json_report import report_dict

    data = report_dict(report)
    communes = report.evaluation.tiers[0]
    primary = communes.standards["primary"]
    units = [u for u in data["results"] if u["unit_type"] == "commune"]
    for level in primary.levels:  # grade1 is read at levels 1, 2 and 3: the same figures
        grade1 = next(ind for ind in level.indicators if ind.spec.id == "grade1")
        written = [u["standards"]["primary"]["indicators"]["grade1"] for u in units]
        assert written == [[int(n), int(d), int(e)] for n, d, e in
                           zip(grade1.numerator, grade1.denominator, grade1.excluded,
                               strict=True)]


def test_a_commune_short_of_its_next_level_lists_the_tests_and_people(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.csv", [commune("00001", **PRIMARY_LEVEL2)])
    _, report = run_json(str(path))
    primary = unit(report, "commune")["standards"]["primary"]
    assert (primary["status"], primary["level"]) == ("met", 2)
    assert primary["levels"]["3"] == {"status": "not_met"}
    assert primary["gap"] == {"level": 3, "failing": {"grade1": 1}}  # 97/100 < 98%
    assert "explain" not in primary["gap"]  # sentences only with --explain
    top = unit(report, "commune")["standards"]["preschool5"]
    assert "gap" not in top  # at its top level: no gap


def test_unmet_prerequisites_and_unknown_tests_are_in_the_gap(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.csv", [commune("00001", **PRIMARY_NONE),
                                           commune("00002", age6_grade1="")])
    _, report = run_json(str(path))
    by_code = {u["code"]: u for u in report["results"] if u["unit_type"] == "commune"}
    secondary = by_code["00001"]["standards"]["lower_secondary"]
    assert secondary["gap"]["requires"] == [
        {"standard": "primary", "level": 1, "status": "not_met"}]
    primary = by_code["00002"]["standards"]["primary"]
    assert primary["indicators"]["grade1"] is None  # missing data: no figures
    assert primary["gap"]["unknown"] == ["grade1"]


def test_a_parent_unit_says_its_share_and_the_units_it_lacks(tmp_path: Path) -> None:
    rows = [commune(f"0000{i}", **(PRIMARY_NONE if i < 3 else {})) for i in range(1, 6)]
    _, report = run_json(str(write_rows(tmp_path / "d.csv", rows)))
    district = unit(report, "district")["standards"]["primary"]
    share = district["levels"]["1"]["share"]
    assert (share["units"], share["children"], share["met"]) == ("commune", 5, 3)
    assert district["gap"]["level"] == 1 and district["gap"]["units_short"] == share["shortfall"]
    assert district["indicators"]["grade1"] == [3 * 100 + 2 * 85, 500, 0]  # summed


def test_explain_adds_the_sentences_the_workbook_shows(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.csv", [commune("00001", **PRIMARY_LEVEL2)])
    _, report = run_json(str(path), "--explain", "--lang", "en")
    gap = unit(report, "commune")["standards"]["primary"]["gap"]
    library = check_files([path], load_rule_book())
    primary = library.evaluation.tiers[0].standards["primary"]
    expected = reason_lines(primary.levels[2], 0, library.rule_set("nd20-2014"), library.book,
                            "en")
    assert gap["explain"] == expected and "1" in expected[0]


def test_schema_version_1_stays_for_one_release_with_a_warning(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.csv", [commune("00001", **PRIMARY_LEVEL2)])
    code, out, err = run("check", str(path), "--format", "json", "--json-schema", "1",
                         "--lang", "en")
    assert code == 0
    report = json.loads(out)
    assert report["schema_version"] == 1
    level3 = unit(report, "commune")["standards"]["primary"]["levels"]["3"]
    assert level3["indicators"][0]["id"] == "grade1" and level3["indicators"][0]["gap"]
    assert "deprecated" in err
    _, _, quiet = run("check", str(path), "--format", "json")
    assert "deprecated" not in quiet and "schema_version" not in quiet


def test_split_by_needs_an_xlsx_output(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "d.csv", [commune("00001")])
    code, out, err = run("check", str(path), "--split-by", "province")
    assert code == 2 and out == ""
    assert "--split-by" in err

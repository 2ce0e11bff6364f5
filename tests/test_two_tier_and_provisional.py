"""Two-tier files (no districts, from 01/07/2025) and the provisional nd277-2025 rule set:
the verdicts and the warnings every output carries."""

from __future__ import annotations

import csv
import io

import pytest

from targets_support import PRIMARY_NONE, SECONDARY_LEVEL1, commune, run, run_json, unit, write_rows

TWO_TIER_NOTE = "chính quyền hai cấp"
ND277_WARNING = "chưa được đối chiếu với văn bản Nghị định 277/2025"


@pytest.mark.parametrize(("failing", "status"), [(1, "met"), (2, "not_met")])
def test_two_tier_province_judged_on_the_share_of_communes(tmp_path, failing, status):
    # primary level 1: the old district share, 90% of communes; 9/10 met, 8/10 not
    rows = [commune(f"{c:05d}", district=None, **(PRIMARY_NONE if c <= failing else {}))
            for c in range(1, 11)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert [u["unit_type"] for u in report["results"]].count("district") == 0
    province = unit(report, "province")
    level1 = province["standards"]["primary"]["levels"]["1"]
    assert level1["status"] == status
    assert (level1["share"]["units"], level1["share"]["required"]) == ("commune", 90)
    assert province["provisional"] is True


def test_two_tier_uses_the_district_threshold_95_for_lower_secondary_level2(tmp_path):
    rows = [commune(f"{c:05d}", district=None, **(SECONDARY_LEVEL1 if c == 1 else {}))
            for c in range(1, 21)]  # 19/20 = 95% exactly
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    level2 = unit(report, "province")["standards"]["lower_secondary"]["levels"]["2"]
    assert level2["status"] == "met" and level2["share"]["required"] == 95


def test_two_tier_every_output_says_provisional(tmp_path):
    path = write_rows(tmp_path / "d.csv", [commune("00001", district=None)])
    _, report = run_json(path)
    assert report["run"]["provisional"] is True
    assert any(TWO_TIER_NOTE in note for note in report["run"]["notes"])
    code, out, _ = run("check", path)
    assert code == 0 and "TẠM TÍNH" in out and TWO_TIER_NOTE in " ".join(out.split())
    _, text, _ = run("check", path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    province = [r for r in rows if r["unit_type"] == "province"]
    assert province and all(r["provisional"] == "1" and TWO_TIER_NOTE in r["note"]
                            for r in province)
    assert all(r["provisional"] == "" for r in rows if r["unit_type"] == "commune")


def test_two_tier_target_on_districts_cannot_be_judged(tmp_path):
    path = write_rows(tmp_path / "d.csv", [commune("00001", district=None)])
    code, report = run_json(path, "--targets", "laichau-2030")
    target = next(t for t in report["targets"] if t["id"] == "literacy_level2_districts")
    assert target["met"] is None and target["details"]["reason"] == "no_tier"
    assert "huyện" in target["gap"]
    level = next(t for t in report["targets"] if t["id"] == "primary_level3_kept")
    assert level["met"] is True and level["provisional"] is True
    assert code == 1


# --- nd277-2025: preschool for ages 3 to 5 (provisional) ------------------------------------

def _ages(**counts):
    base = {f"age{a}_{k}": 100 for a in (3, 4) for k in ("total", "attending", "completed")}
    # nd277 reads the 5-year-olds' completion of their year's programme itself
    return {**base, "age5_completed": 100, **counts}


@pytest.mark.parametrize(("counts", "disadvantaged", "status"), [
    ({"age3_attending": 90}, 0, "met"),  # 90% exactly
    ({"age3_attending": 89}, 0, "not_met"),
    ({"age4_attending": 85}, 1, "met"),  # ĐBKK: 85%
    ({"age4_attending": 84}, 1, "not_met"),
    ({"age4_completed": 85}, 0, "met"),
    ({"age4_completed": 84}, 0, "not_met"),
    ({"age5_completed": 80}, 1, "met"),  # ĐBKK: 80%
    ({"age5_completed": 79}, 1, "not_met"),
])
def test_nd277_thresholds(tmp_path, counts, disadvantaged, status):
    row = commune("00001", disadvantaged=disadvantaged, **_ages(**counts))
    _, report = run_json(write_rows(tmp_path / "d.csv", [row]),
                         "--rules", "nd20-2014", "--rules", "nd277-2025")
    standard = unit(report, "commune")["standards"]["preschool3_5"]
    assert standard["status"] == status
    assert standard["provisional"] is True


def test_nd277_is_off_by_default(tmp_path):
    _, report = run_json(write_rows(tmp_path / "d.csv", [commune("00001", **_ages())]))
    assert "preschool3_5" not in unit(report, "commune")["standards"]
    assert report["run"]["provisional"] is False
    assert [r["id"] for r in report["rules"]] == ["nd20-2014"]


def test_nd277_warns_in_every_output(tmp_path):
    path = write_rows(tmp_path / "d.csv", [commune("00001", **_ages())])
    rules = ("--rules", "nd20-2014", "--rules", "nd277-2025")
    _, report = run_json(path, *rules)
    assert report["run"]["provisional"] is True
    assert any(ND277_WARNING in n for n in report["run"]["notes"])
    assert {"id": "nd277-2025", "provisional": True}.items() <= report["rules"][1].items()
    _, out, _ = run("check", path, *rules)
    assert ND277_WARNING in " ".join(out.split())
    _, text, _ = run("check", path, *rules, "--format", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["standard"] == "preschool3_5"]
    assert rows and all(ND277_WARNING in r["note"] for r in rows)
    _, en = run_json(path, *rules, "--lang", "en")
    assert any("not been checked against the text" in n for n in en["run"]["notes"])

"""Plan targets: each kind at its boundary (exactly at, one below), the nation tier,
the sample data with --targets laichau-2030, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from targets_support import (
    LITERACY_LEVEL1,
    PRIMARY_LEVEL2,
    SECONDARY_LEVEL2,
    commune,
    run,
    run_json,
    targets_by_id,
    unit,
    write_rows,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"


# --- a summed rate: Σ numerator / Σ (total − excluded), exact -----------------------------

@pytest.mark.parametrize(("vocational", "met", "gap"), [
    ((40, 40), True, None),  # 80/200 = 40% exactly
    ((40, 39), False, "cần thêm 1 học sinh vào GDNN"),  # 79/200: one student short
    ((0, 22), False, "cần thêm 58 học sinh vào GDNN"),  # 22/200: 80 − 22
])
def test_summed_rate_boundary(tmp_path, vocational, met, gap):
    rows = [commune("00001", lower_sec_graduates_vocational=vocational[0]),
            commune("00002", lower_sec_graduates_vocational=vocational[1])]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    target = targets_by_id(report)["vocational_streaming"]
    assert target["met"] is met
    assert target["gap"] == gap
    assert target["target"] == 40
    assert target["details"]["denominator"] == 200
    assert code == (0 if met else 1)  # every other target is met by these communes


@pytest.mark.parametrize(("attending", "met", "shortfall"), [(98, True, 0), (97, False, 1)])
def test_rate_uses_the_cohort_exclusions(tmp_path, attending, met, shortfall):
    # 102 children, 2 disabled unable to learn: 100 to cover; 98 attending is 98% exactly
    rows = [commune("00001", age3_5_total=102, age3_5_excluded=2, age3_5_attending=attending)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    target = targets_by_id(report)["age3_5_in_kindergarten"]
    assert (target["met"], target["details"]["shortfall"]) == (met, shortfall)
    assert target["details"]["excluded"] == 2
    assert target["value"] == attending


def test_rate_with_a_missing_cell_is_undecided(tmp_path):
    rows = [commune("00001"), commune("00002", lower_sec_graduates_vocational="")]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    target = targets_by_id(report)["vocational_streaming"]
    assert target["met"] is None and target["status"] == "insufficient_data"
    assert "1 xã" in target["gap"]
    assert code == 1  # an undecided target is not a met target


# --- a share of units of a tier at a level -------------------------------------------------

@pytest.mark.parametrize(("at_level3", "met", "gap"), [
    (3, True, None),  # 3/25 districts = 12% exactly
    (2, False, "cần thêm 1 huyện đạt PCGD THCS mức độ 3"),  # 8%
])
def test_share_of_districts_boundary(tmp_path, at_level3, met, gap):
    rows = [commune(f"{d:05d}", district=f"{d:03d}",
                    **({} if d <= at_level3 else SECONDARY_LEVEL2)) for d in range(1, 26)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    target = targets_by_id(report)["lower_secondary_level3_districts"]
    assert target["met"] is met
    assert target["gap"] == gap
    assert target["details"]["numerator"] == at_level3
    assert target["details"]["denominator"] == 25
    assert target["details"]["units"] == "district"


@pytest.mark.parametrize(("at_level2", "met", "gap"), [
    (7, True, None),  # 7/10 communes = 70% exactly
    (6, False, "cần thêm 1 xã đạt XMC mức độ 2"),
])
def test_share_of_communes_boundary(tmp_path, at_level2, met, gap):
    rows = [commune(f"{c:05d}", **({} if c <= at_level2 else LITERACY_LEVEL1))
            for c in range(1, 11)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    target = targets_by_id(report)["literacy_level2_communes"]
    assert (target["met"], target["gap"]) == (met, gap)


# --- a standard level at the top unit -------------------------------------------------------

@pytest.mark.parametrize(("below", "met", "value", "gap"), [
    (0, True, 3, None),  # every district at primary level 3
    (1, False, 2, "cần thêm 1 huyện đạt PCGD tiểu học mức độ 3"),  # 3/4 districts
])
def test_level_at_the_province(tmp_path, below, met, value, gap):
    rows = [commune(f"{d:05d}", district=f"{d:03d}", **(PRIMARY_LEVEL2 if d <= below else {}))
            for d in range(1, 5)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    target = targets_by_id(report)["primary_level3_kept"]
    assert (target["met"], target["value"], target["target"], target["gap"]) == \
        (met, value, 3, gap)
    assert target["unit"] == "level" and target["unit_type"] == "province"


def test_all_targets_met_exits_zero(tmp_path):
    rows = [commune(f"{d:05d}", district=f"{d:03d}") for d in range(1, 4)]
    code, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    assert all(t["met"] for t in report["targets"]), report["targets"]
    assert code == 0


# --- the nation tier and Decision 525 -------------------------------------------------------

def _nation(tmp_path, primary_level3: int, secondary_level3: int) -> Path:
    rows = []
    for p in range(1, 5):
        counts = {}
        if p > primary_level3:
            counts.update(PRIMARY_LEVEL2)
        if p > secondary_level3:
            counts.update(SECONDARY_LEVEL2)
        rows.append(commune(f"{p:05d}", district=f"{p:03d}", province=f"{p:02d}", **counts))
    return write_rows(tmp_path / "nation.csv", rows)


def test_nation_tier_and_qd525_at_the_boundary(tmp_path):
    code, report = run_json(_nation(tmp_path, 3, 2), "--targets", "qd525-2030")
    nation = unit(report, "nation")
    assert nation["communes"] == 4
    assert len([u for u in report["results"] if u["unit_type"] == "province"]) == 4
    targets = targets_by_id(report)
    assert targets["primary_level3_provinces"]["met"] is True  # 3/4 = 75% exactly
    assert targets["primary_level3_provinces"]["unit_type"] == "nation"
    assert targets["lower_secondary_level2_provinces"]["met"] is True  # 4/4
    assert targets["lower_secondary_level3_provinces"]["met"] is True  # 2/4 = 50% ≥ 40%
    assert code == 0


def test_qd525_one_below(tmp_path):
    code, report = run_json(_nation(tmp_path, 2, 1), "--targets", "qd525-2030")
    targets = targets_by_id(report)
    assert targets["primary_level3_provinces"]["met"] is False  # 2/4 = 50% < 75%
    assert targets["primary_level3_provinces"]["gap"] == \
        "cần thêm 1 tỉnh đạt PCGD tiểu học mức độ 3"
    assert targets["lower_secondary_level3_provinces"]["gap"] == \
        "cần thêm 1 tỉnh đạt PCGD THCS mức độ 3"  # 1/4 = 25% < 40%: need 2 of 4
    assert code == 1


def test_qd525_needs_several_provinces(tmp_path):
    path = write_rows(tmp_path / "d.csv", [commune("00001")])
    code, out, err = run("check", path, "--targets", "qd525-2030")
    assert code == 2
    assert "qd525-2030" in err and "Traceback" not in err


def test_province_targets_on_a_national_file_per_province(tmp_path):
    _, report = run_json(_nation(tmp_path, 4, 4), "--targets", "laichau-2030")
    codes = {t["code"] for t in report["targets"]}
    assert codes == {"01", "02", "03", "04"}


# --- the sample data -----------------------------------------------------------------------

def test_sample_with_laichau_targets_shows_every_target():
    code, out, err = run("check", SAMPLE, "--targets", "laichau-2030")
    assert code == 1, err
    for text in ("Chỉ tiêu kế hoạch", "Hiện đạt", "Yêu cầu", "Còn thiếu", "≥ 98%",
                 "36,28%", "GDNN", "chưa đạt"):  # the table wraps: short pieces only
        assert text in out, text
    code, report = run_json(SAMPLE, "--targets", "laichau-2030")
    assert code == 1
    targets = report["targets"]
    assert len(targets) == 9
    for target in targets:
        assert target["met"] is not None
        assert target["value"] is not None and target["target"] is not None
        assert bool(target["gap"]) == (not target["met"])
    assert {"id": "laichau-2030", "kind": "targets"}.items() <= report["rules"][1].items()


def test_sample_exit_zero_turns_one_into_zero():
    code, _, _ = run("check", SAMPLE, "--targets", "laichau-2030", "--exit-zero")
    assert code == 0


def test_sample_without_targets_has_no_noisy_warning():
    code, report = run_json(SAMPLE)
    assert code == 0
    assert not [f for f in report["findings"] if f["severity"] != "info"]
    unused = [f for f in report["findings"] if f["code"] == "column_not_in_use"]
    assert {f["column"] for f in unused} >= {"age3_5_total", "lower_sec_graduates"}
    assert "--targets laichau-2030" in unused[0]["suggestion"]


def test_an_unknown_column_still_warns(tmp_path):
    path = write_rows(tmp_path / "d.csv", [commune("00001", so_lieu_la=5)])
    _, report = run_json(path)
    assert any(f["code"] == "unknown_column" and f["severity"] == "warning"
               for f in report["findings"])


def test_english_target_report(tmp_path):
    rows = [commune("00001", lower_sec_graduates_vocational=30)]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030",
                         "--lang", "en")
    assert targets_by_id(report)["vocational_streaming"]["gap"] == \
        "10 more students into vocational education"

"""Several years: each unit's level per year, a level lost from one year to the next,
and a level not kept for two consecutive years (Circular 07/2016 Art. 9)."""

from __future__ import annotations

from targets_support import PRIMARY_LEVEL2, PRIMARY_NONE, commune, run, run_json, write_rows


def _codes(report: dict, code: str, unit: str | None = None) -> list[dict]:
    return [f for f in report["findings"] if f["code"] == code
            and (unit is None or f["unit"] == unit)]


def _history(tmp_path, levels_by_year: dict[int, dict]) -> list[dict]:
    """Commune 00001 changes as told; 00002 stays at the top every year."""
    rows = []
    for year, counts in levels_by_year.items():
        rows.append(commune("00001", year=year, **counts))
        rows.append(commune("00002", year=year))
    return rows


def test_one_year_lost_then_regained(tmp_path):
    rows = _history(tmp_path, {2022: {}, 2023: PRIMARY_LEVEL2, 2024: {}})
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    lost = [f for f in _codes(report, "level_lost", "00001") if f["column"] == "primary"]
    assert [f["value"] for f in lost] == ["2022:3→2023:2"]
    assert "giảm từ mức 3 (năm 2022) xuống mức 2 (năm 2023)" in lost[0]["message"]
    assert not _codes(report, "level_not_kept_two_years", "00001")
    # the district (2 communes, needs 90%) lost level 3 too in 2023
    assert any(f["column"] == "primary" and f["unit"] == "001"
               for f in _codes(report, "level_lost"))


def test_two_consecutive_years_below_a_held_level(tmp_path):
    rows = _history(tmp_path, {2022: {}, 2023: PRIMARY_LEVEL2, 2024: PRIMARY_NONE})
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    lost = [f["value"] for f in _codes(report, "level_lost", "00001") if f["column"] == "primary"]
    assert lost == ["2022:3→2023:2", "2023:2→2024:0"]
    flag = [f for f in _codes(report, "level_not_kept_two_years", "00001")
            if f["column"] == "primary"]
    assert len(flag) == 1 and flag[0]["severity"] == "warning"
    assert "mức 3 hai năm liên tiếp (2023, 2024)" in flag[0]["message"]
    assert "Điều 9" in flag[0]["suggestion"]
    province = [f for f in _codes(report, "level_not_kept_two_years", "12")
                if f["column"] == "primary"]
    assert province, "the province lost primary level 3 in 2023 and 2024"


def test_years_not_consecutive_are_not_two_years_in_a_row(tmp_path):
    rows = _history(tmp_path, {2020: {}, 2022: PRIMARY_LEVEL2, 2024: PRIMARY_LEVEL2})
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert not _codes(report, "level_not_kept_two_years", "00001")


def test_unknown_year_is_not_a_loss(tmp_path):
    rows = _history(tmp_path, {2022: {}, 2023: {"age6_grade1": ""}})
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    assert not [f for f in _codes(report, "level_lost", "00001") if f["column"] == "primary"]


def test_several_files_of_different_years(tmp_path):
    a = write_rows(tmp_path / "2023.csv", [commune("00001", year=2023),
                                           commune("00002", year=2023)])
    b = write_rows(tmp_path / "2024.csv", [commune("00001", year=2024, **PRIMARY_LEVEL2),
                                           commune("00002", year=2024)])
    code, report = run_json(a, b)
    assert code == 0
    years = sorted({u["year"] for u in report["results"]})
    assert years == [2023, 2024]
    assert [f["value"] for f in _codes(report, "level_lost", "00001")
            if f["column"] == "primary"] == ["2023:3→2024:2"]


def test_terminal_shows_levels_per_year(tmp_path):
    rows = _history(tmp_path, {2022: {}, 2023: PRIMARY_LEVEL2, 2024: PRIMARY_NONE})
    code, out, _ = run("check", write_rows(tmp_path / "d.csv", rows))
    assert code == 0
    assert "Mức đạt theo năm" in out
    assert "↓" in out
    assert "2022" in out and "2024" in out


def test_level_lost_in_english(tmp_path):
    rows = _history(tmp_path, {2022: {}, 2023: PRIMARY_LEVEL2})
    _, report = run_json(write_rows(tmp_path / "d.csv", rows), "--lang", "en")
    lost = [f for f in _codes(report, "level_lost", "00001") if f["column"] == "primary"]
    assert "fell from level 3 (2022) to level 2 (2023)" in lost[0]["message"]


def test_targets_are_judged_per_year(tmp_path):
    rows = _history(tmp_path, {2023: {}, 2024: {"lower_sec_graduates_vocational": 20}})
    code, report = run_json(write_rows(tmp_path / "d.csv", rows), "--targets", "laichau-2030")
    streaming = {t["year"]: t for t in report["targets"] if t["id"] == "vocational_streaming"}
    assert streaming[2023]["met"] is True
    assert streaming[2024]["met"] is False
    assert streaming[2024]["gap"] == "cần thêm 10 học sinh vào GDNN"  # 70/200 → 80
    assert code == 1


def test_each_level_not_kept_is_named(tmp_path):
    """3, 2, 2, 2, 1, 1 (primary): level 3 not kept in 2021-2022, later level 2 in 2024-2025."""
    level1 = {"age6_grade1": 92}  # 92% < 95%: primary level 1 only
    rows = _history(tmp_path, {2020: {}, 2021: PRIMARY_LEVEL2, 2022: PRIMARY_LEVEL2,
                               2023: PRIMARY_LEVEL2, 2024: level1, 2025: level1})
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    flags = [f["value"] for f in _codes(report, "level_not_kept_two_years", "00001")
             if f["column"] == "primary"]
    assert flags == ["2021:2→2022:2", "2024:1→2025:1"]

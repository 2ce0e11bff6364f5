"""Circular 07/2016: disabled access (≥ 60%) and the yes/no condition columns. Present,
they take part in the verdict and the reasons; absent, they are 'not checked', never met."""

from __future__ import annotations

import pytest

from targets_support import commune, run, run_json, unit, write_rows


def _primary(report: dict) -> dict:
    return unit(report, "commune")["standards"]["primary"]


def _conditions(level: dict) -> dict:
    return next(i for i in level["indicators"] if i["id"] == "conditions")


@pytest.mark.parametrize(("cell", "status", "check"), [
    ("có", "met", "pass"),
    ("1", "met", "pass"),
    ("không", "not_met", "fail"),
    ("", "insufficient_data", "insufficient_data"),
])
def test_condition_column_present(tmp_path, cell, status, check):
    # another commune fills the column in, so a blank cell is a gap, not an absent column
    rows = [commune("00001", conditions_primary=cell),
            commune("00002", conditions_primary="có")]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    primary = _primary(report)
    assert primary["status"] == status
    assert _conditions(primary["levels"]["1"])["status"] == check


def test_condition_column_absent_is_not_checked_never_met(tmp_path):
    _, report = run_json(write_rows(tmp_path / "d.csv", [commune("00001")]))
    primary = _primary(report)
    assert primary["status"] == "met"  # an optional test does not block the level
    for level in primary["levels"].values():
        assert _conditions(level)["status"] == "not_checked"
        assert _conditions(level).get("passed") is None
    assert any(f["code"] == "optional_not_checked" and f["column"] == "conditions_primary"
               for f in report["findings"])
    _, out, _ = run("check", write_rows(tmp_path / "d.csv", [commune("00001")]))
    assert "Chưa kiểm tra" in out


def test_failing_condition_is_named_in_the_terminal_reasons(tmp_path):
    path = write_rows(tmp_path / "d.csv", [commune("00001", conditions_primary="không")])
    _, out, _ = run("check", path)
    flat = " ".join(out.replace("│", " ").split())
    assert "chưa đạt điều kiện bảo đảm PCGD tiểu học" in flat


@pytest.mark.parametrize(("accessing", "status", "shortfall"), [(6, "met", 0), (5, "not_met", 1)])
def test_disabled_access_sixty_percent(tmp_path, accessing, status, shortfall):
    row = commune("00001", disabled_able_total=10, disabled_able_accessing=accessing)
    _, report = run_json(write_rows(tmp_path / "d.csv", [row]))
    preschool = unit(report, "commune")["standards"]["preschool5"]
    assert preschool["status"] == status
    access = next(i for i in preschool["levels"]["1"]["indicators"]
                  if i["id"] == "disabled_access")
    assert (access["threshold"], access["shortfall"]) == (60, shortfall)


def test_disabled_access_absent_is_not_checked(tmp_path):
    _, report = run_json(write_rows(tmp_path / "d.csv", [commune("00001")]))
    access = next(i for i in unit(report, "commune")["standards"]["literacy"]["levels"]["1"]
                  ["indicators"] if i["id"] == "disabled_access")
    assert access["status"] == "not_checked"


def test_a_condition_column_blank_in_every_row_is_not_checked(tmp_path):
    """pcgd's own template offers the optional columns: left blank, they are absent."""
    rows = [commune("00001", conditions_primary=""), commune("00002", conditions_primary="")]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    primary = _primary(report)
    assert primary["status"] == "met"
    assert _conditions(primary["levels"]["1"])["status"] == "not_checked"
    assert not [f for f in report["findings"] if f["code"] == "missing_value"]

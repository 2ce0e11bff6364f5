"""Circular 07/2016: disabled access (≥ 60%) and the yes/no condition columns. Present,
they take part in the verdict and the reasons; absent, they are 'not checked', never met."""

from __future__ import annotations

import pytest

from targets_support import commune, run, run_json, unit, write_rows


def _primary(report: dict) -> dict:
    return unit(report, "commune")["standards"]["primary"]


def _rules(report: dict, sid: str) -> dict:
    """The standard's part of "rules" (JSON schema_version 2)."""
    return report["rules"][0]["standards"][sid]


@pytest.mark.parametrize(("cell", "status", "figure", "gap"), [
    ("có", "met", [1, 1, 0], None),
    ("1", "met", [1, 1, 0], None),
    ("không", "not_met", [0, 1, 0], {"level": 1, "failing": {"conditions": None}}),
    ("", "insufficient_data", None, {"level": 1, "unknown": ["conditions"]}),
])
def test_condition_column_present(tmp_path, cell, status, figure, gap):
    # another commune fills the column in, so a blank cell is a gap, not an absent column
    rows = [commune("00001", conditions_primary=cell),
            commune("00002", conditions_primary="có")]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    primary = _primary(report)
    assert primary["status"] == status
    # a yes/no test counts 1 of 1 for yes; null where the cell is blank
    assert primary["indicators"]["conditions"] == figure
    assert primary.get("gap") == gap
    assert _rules(report, "primary")["indicators"]["conditions"]["checked"] is True


def test_condition_column_absent_is_not_checked_never_met(tmp_path):
    _, report = run_json(write_rows(tmp_path / "d.csv", [commune("00001")]))
    primary = _primary(report)
    assert primary["status"] == "met"  # an optional test does not block the level
    # said once in the rules, never per unit
    assert "conditions" not in primary["indicators"]
    assert _rules(report, "primary")["indicators"]["conditions"]["checked"] is False
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
    assert preschool["indicators"]["disabled_access"] == [accessing, 10, 0]
    test = _rules(report, "preschool5")["levels"]["1"]["tests"]["disabled_access"]
    assert test["threshold"] == 60
    failing = preschool.get("gap", {}).get("failing", {})
    assert failing.get("disabled_access", 0) == shortfall


def test_disabled_access_absent_is_not_checked(tmp_path):
    _, report = run_json(write_rows(tmp_path / "d.csv", [commune("00001")]))
    literacy = unit(report, "commune")["standards"]["literacy"]
    assert "disabled_access" not in literacy["indicators"]
    assert _rules(report, "literacy")["indicators"]["disabled_access"]["checked"] is False


def test_a_condition_column_blank_in_every_row_is_not_checked(tmp_path):
    """pcgd's own template offers the optional columns: left blank, they are absent."""
    rows = [commune("00001", conditions_primary=""), commune("00002", conditions_primary="")]
    _, report = run_json(write_rows(tmp_path / "d.csv", rows))
    primary = _primary(report)
    assert primary["status"] == "met"
    assert "conditions" not in primary["indicators"]
    assert _rules(report, "primary")["indicators"]["conditions"]["checked"] is False
    assert not [f for f in report["findings"] if f["code"] == "missing_value"]

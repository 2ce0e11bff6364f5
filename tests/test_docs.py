"""The README documents what the rule files declare, so the two cannot drift."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RULE_FILES = sorted((ROOT / "rules").glob("*.yaml"))


def declared_columns() -> list[tuple[str, str]]:
    found = []
    for path in RULE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(path.name, key) for key in (data.get("columns") or {})]
    return found


def test_there_are_columns_to_document() -> None:
    assert len(declared_columns()) > 40


@pytest.mark.parametrize("rule_file,key", declared_columns())
def test_every_declared_column_is_in_the_readme(rule_file: str, key: str) -> None:
    assert f"`{key}`" in README, f"{key} ({rule_file}) is not documented in README.md"


def test_every_standard_is_in_the_readme() -> None:
    for path in RULE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for sid in data.get("standards") or {}:
            assert f"`{sid}`" in README, sid


@pytest.mark.parametrize("heading", [
    "## Quick start", "## Bắt đầu nhanh", "## Installing", "## Input columns",
    "## Standards and levels", "## Reading the output", "## Exit codes", "## JSON report",
    "## Sample data", "## Plan targets and rule sets",
    "## Excel summary, templates and batch runs", "## Messy spreadsheets", "## Performance",
])
def test_readme_sections(heading: str) -> None:
    assert f"\n{heading}\n" in README


def test_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_the_readme_s_named_sectioned_table_checks_as_it_says(tmp_path) -> None:
    """The Vietnamese example of a named, sectioned table, checked with the sample register."""
    import csv
    import json

    from typer.testing import CliRunner

    from pcgd_cli.cli import app

    part = README.split("### Bảng ghi tên xã, xếp theo huyện", 1)[1]
    lines = [line for line in part.split("```", 1)[0].splitlines() if line.startswith("|")]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    rows = [r for r in rows if not set("".join(r)) <= {"-"}]  # the markdown rule
    path = tmp_path / "tong_hop_tinh.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    register = ROOT / "sample_data" / "lai_chau_register.csv"
    result = CliRunner().invoke(app, ["check", str(path), "--units", str(register),
                                      "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [f["code"] for f in report["findings"] if f["severity"] != "info"] == []
    communes = {u["code"] for u in report["results"] if u["unit_type"] == "commune"}
    assert communes == {"03390", "03394", "03418", "03445", "03433"}
    assert "pcgd check tong_hop_tinh.xlsx --units" in README


def test_units_is_documented_for_check_and_template() -> None:
    usage = README.split("## Installing", 1)[1].split("## Input columns", 1)[0]
    check, template = usage.split("pcgd template", 1)
    assert "--units" in check and "--units" in template

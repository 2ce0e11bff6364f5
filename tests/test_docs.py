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

"""Runs from scheduled scripts: several files, clean stdout, --quiet, the summary line."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

import pytest
from rich.console import Console
from typer.testing import CliRunner

from excel_fixtures import write_communes_csv
from pcgd_cli.batch import file_progress, run_summary
from pcgd_cli.cli import app
from pcgd_cli.pipeline import check_files, load_rule_book

runner = CliRunner()


@pytest.fixture
def folder(tmp_path):
    """One file per district, as districts send them."""
    folder = tmp_path / "huyen"
    folder.mkdir()
    write_communes_csv(folder / "105.csv", [("105", "Huyện A", "03386", "Xã Một"),
                                            ("105", "Huyện A", "03387", "Xã Hai")])
    write_communes_csv(folder / "106.csv", [("106", "Huyện B", "03390", "Xã Ba")])
    (folder / "ghi_chu.txt").write_text("not a spreadsheet", encoding="utf-8")
    return folder


def test_json_on_stdout_parses_with_several_files(folder):
    files = [str(folder / "105.csv"), str(folder / "106.csv")]
    result = runner.invoke(app, ["check", *files, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [i["path"] for i in report["inputs"]] == files
    assert sum(u["unit_type"] == "commune" for u in report["results"]) == 3
    assert result.stderr.count("\n") == 1  # the one summary line


@pytest.mark.parametrize("how", ["folder", "glob"])
def test_folders_and_globs(folder, how):
    arg = str(folder) if how == "folder" else str(folder / "1*.csv")
    result = runner.invoke(app, ["check", arg, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("unit_type,")
    assert result.stderr.startswith("2 tệp, 3 xã, 0 lỗi")


def test_quiet_prints_nothing_on_success(folder):
    result = runner.invoke(app, ["check", str(folder), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_quiet_still_prints_errors(folder):
    bad = folder / "107.csv"
    bad.write_text("commune_code,commune,age6_total\n03400,Xã Bốn,-3\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder), "--quiet"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("pcgd: ") and result.stderr.count("\n") == 1


def test_missing_file_is_a_usage_error_with_no_traceback(folder):
    result = runner.invoke(app, ["check", str(folder / "khong_co.xlsx"), "--quiet"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and "khong_co.xlsx" in result.stderr


def test_progress_only_on_an_interactive_terminal(folder):
    paths = sorted(folder.glob("*.csv"))
    piped = Console(file=io.StringIO(), force_terminal=False)
    with file_progress(paths, piped, quiet=False, lang="vi") as advance:
        assert advance is None
    terminal = Console(file=io.StringIO(), force_terminal=True)
    with file_progress(paths, terminal, quiet=True, lang="vi") as advance:
        assert advance is None
    with file_progress(paths, terminal, quiet=False, lang="vi") as advance:
        assert advance is not None
        for path in paths:
            advance(path)
    assert "Đọc tệp" in terminal.file.getvalue()


def test_summary_line_counts_targets_met(folder):
    report = check_files(sorted(folder.glob("*.csv")), load_rule_book())
    assert run_summary(report) == "2 tệp, 3 xã, 0 lỗi, 0 cảnh báo"
    # the summary reads only whether each target outcome is met
    report.targets = [SimpleNamespace(met=True), SimpleNamespace(met=False)]
    assert run_summary(report).endswith(", chỉ tiêu đạt 1/2")

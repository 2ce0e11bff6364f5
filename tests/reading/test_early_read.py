"""The installed command starts reading a check's workbooks before it parses its own
command line (reading/early.py): its look at the arguments must find the same files
click finds, or none at all, and the read it started must be the one the check uses
only when it read exactly those files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from pcgd_cli.cli import app
from pcgd_cli.reading import early
from pcgd_cli.reading.prefetch import Prefetch

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"


def _check_command():
    return typer.main.get_command(app).commands["check"]


def test_the_option_lists_are_the_check_command_s() -> None:
    values, flags = set(), set()
    for param in _check_command().params:
        # typer ships its own copy of click: options told by their names, not their class
        if param.param_type_name == "option":
            names = {*param.opts, *param.secondary_opts} - {"--help"}
            (flags if param.is_flag else values).update(names)
    assert values == early.CHECK_VALUE_OPTIONS
    assert flags == early.CHECK_FLAGS


@pytest.mark.parametrize(("args", "files"), [
    (["check", "a.xlsx"], ["a.xlsx"]),
    (["check", "a.xlsx", "b.csv", "dir"], ["a.xlsx", "b.csv", "dir"]),
    (["check", "--format", "json", "a.xlsx"], ["a.xlsx"]),
    (["check", "a.xlsx", "-o", "out.xlsx", "-q"], ["a.xlsx"]),
    (["check", "a.xlsx", "--output=out.xlsx", "--targets", "t.yaml"], ["a.xlsx"]),
    (["check", "--units", "u.csv", "--sheet", "Xa", "a.xlsx", "--exit-zero"], ["a.xlsx"]),
    (["--lang", "en", "check", "a.xlsx"], ["a.xlsx"]),
    (["--lang=en", "check", "--lang", "vi", "a.xlsx"], ["a.xlsx"]),
    (["check", "--", "-odd name.xlsx"], ["-odd name.xlsx"]),
    (["check", "-"], ["-"]),
])
def test_a_check_s_files_are_found(args: list[str], files: list[str]) -> None:
    assert early.check_files(args) == files


@pytest.mark.parametrize("args", [
    [], ["--version"], ["--help"], ["count", "a.xlsx"], ["rules", "list"],
    ["check"], ["check", "--help"], ["check", "a.xlsx", "--help"],
    ["check", "a.xlsx", "-qo", "out.xlsx"],  # short options run together: not looked at
    ["check", "a.xlsx", "--unknown"], ["check", "a.xlsx", "--format"],
    ["--lang", "en"], ["--bogus", "check", "a.xlsx"],
])
def test_anything_else_reads_nothing_early(args: list[str]) -> None:
    assert early.check_files(args) is None


@pytest.mark.parametrize("args", [
    ["check", "a.xlsx", "-o", "out.xlsx", "-q"],
    ["--lang", "en", "check", "--format", "json", "a.xlsx", "b.xlsx"],
    ["check", "--units", "u.csv", "a.xlsx", "--explain", "--split-by", "province"],
])
def test_the_files_are_click_s(args: list[str]) -> None:
    command = _check_command()
    sub = args[args.index("check") + 1:]
    with command.make_context("check", list(sub), resilient_parsing=True) as ctx:
        assert early.check_files(args) == list(ctx.params["files"])


def test_the_early_read_is_taken_only_for_the_same_files(messy) -> None:
    assert early.start(["check", str(SAMPLE)]) is True
    taken = early.take([SAMPLE])
    assert taken.paths == [SAMPLE]
    assert early.take([SAMPLE]) is not taken  # taken once
    taken.wait()

    early.start(["check", str(SAMPLE)])
    other = early.take([messy["form_xlsx"]])  # not what was read: a read of its own
    assert other.paths == [messy["form_xlsx"]]
    other.wait()


def test_an_early_read_of_a_missing_file_is_left_to_the_check(tmp_path: Path) -> None:
    assert early.start(["check", str(tmp_path / "none.xlsx")]) is True
    assert early.take([]).paths == []


def test_the_installed_command_reads_early_and_gives_the_same_report(tmp_path: Path) -> None:
    script = (f"import sys; sys.argv = ['pcgd', 'check', {str(SAMPLE)!r}, '--format', 'json'];"
              "from pcgd_cli.launch import run; run()")
    early_run = subprocess.run([sys.executable, "-c", script], capture_output=True,
                               timeout=120)
    plain = subprocess.run([sys.executable, "-c", script.replace(
        "from pcgd_cli.launch import run", "from pcgd_cli.cli import run")],
        capture_output=True, timeout=120)
    assert early_run.returncode == plain.returncode == 0
    assert _untimed(early_run.stdout) == _untimed(plain.stdout)
    assert early_run.stderr == plain.stderr


def _untimed(out: bytes) -> list[str]:
    return [line for line in out.decode().splitlines()
            if '"seconds"' not in line and '"started"' not in line]


def test_prefetch_lists_the_workbooks_it_reads() -> None:
    assert Prefetch.workbooks([Path("a.csv"), Path("b.XLSX"), Path("c.ods")]) == [
        Path("b.XLSX"), Path("c.ods")]


def test_the_report_lists_the_inputs_in_the_command_line_s_order(messy) -> None:
    from pcgd_cli.pipeline import check_files
    from pcgd_cli.rules.target_loader import load_rule_book

    paths = [messy["utf8"], messy["form_xlsx"]]  # a table of counts as CSV, then a workbook
    report = check_files(paths, load_rule_book())
    assert [i.path for i in report.inputs] == paths


def test_a_workbook_that_cannot_be_opened_is_an_input_error(monkeypatch) -> None:
    from pcgd_cli import pipeline
    from pcgd_cli.errors import PcgdError
    from pcgd_cli.rules.target_loader import load_rule_book

    def denied(path):
        raise PermissionError(13, "Permission denied")

    def read(path):
        raise PcgdError("file_unreadable", path=path, error="Permission denied")

    monkeypatch.setattr(pipeline, "file_sha256", denied)
    with pytest.raises(PcgdError) as caught:
        pipeline.read_inputs([SAMPLE], load_rule_book(), read=read)
    assert caught.value.key == "file_unreadable"

"""The command line, through typer's runner, on real files written to tmp_path."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pcgd_cli import __version__
from pcgd_cli.cli import app
from pcgd_cli.pipeline import check_files, load_rule_book
from pcgd_cli.report.json_common import encode
from pcgd_cli.report.json_report import report_dict

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"
RULES = ROOT / "rules" / "nd20-2014.yaml"

HEADER = ["Mã huyện", "Huyện", "Mã xã", "Tên xã", "Xã ĐBKK",
          "age5_total", "age5_attending", "age5_completed",
          "age15_35_total", "age15_35_literate_l1", "age15_60_total", "age15_60_literate_l2"]
ROWS = [
    ["101", "Huyện Một", "00001", "Xã A", "", 100, 95, 85, 200, 180, 400, 360],
    ["101", "Huyện Một", "00002", "Xã B", "x", 50, 44, 40, 100, 85, 300, 250],
    ["102", "Huyện Hai", "00003", "Xã C", "", 80, 80, 70, 150, 140, 320, 300],
]


def write_csv(path: Path, rows: list[list[object]] = ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "du_lieu.csv")


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def assert_one_line_error(result) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pcgd: ")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_sample_checks_with_exit_0() -> None:
    result = run("check", SAMPLE)
    assert result.exit_code == 0, result.stderr
    assert "Tỉnh Lai Châu" in result.stdout
    assert "106 xã" in result.stderr


def test_a_small_csv_checks_with_exit_0(data: Path) -> None:
    result = run("check", data)
    assert result.exit_code == 0, result.stderr
    assert "Huyện Một" in result.stdout


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path / "khong_co.xlsx")
    assert_one_line_error(result)
    assert "khong_co.xlsx" in result.stderr


def test_no_file_exits_2() -> None:
    assert_one_line_error(run("check"))


def test_unknown_rule_id_exits_2(data: Path) -> None:
    result = run("check", data, "--rules", "nd99-2099")
    assert_one_line_error(result)
    assert "nd99-2099" in result.stderr


def test_a_rule_file_with_a_mistake_exits_2_naming_file_and_line(data: Path,
                                                                 tmp_path: Path) -> None:
    text = RULES.read_text(encoding="utf-8")
    assert "            threshold: 95\n" in text
    bad = tmp_path / "sai.yaml"
    bad.write_text(text.replace("            threshold: 95\n", "            treshold: 95\n", 1),
                   encoding="utf-8")
    line = bad.read_text(encoding="utf-8").splitlines().index("            treshold: 95") + 1
    result = run("check", data, "--rules", bad)
    assert_one_line_error(result)
    assert f"sai.yaml:{line}" in result.stderr
    validated = run("rules", "validate", bad)
    assert validated.exit_code == 2
    assert f"sai.yaml:{line}: " in validated.stderr


def test_yaml_syntax_error_exits_2(data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hong.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    assert_one_line_error(run("check", data, "--rules", bad))


def test_text_in_a_count_exits_2_and_names_the_cell(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][5] = "năm mươi"  # age5_total of Xã B: column F, row 3
    path = write_csv(tmp_path / "loi.csv", rows)
    result = run("check", path)
    assert_one_line_error(result)
    as_json = run("check", path, "--format", "json")
    assert as_json.exit_code == 2
    report = json.loads(as_json.stdout)
    [error] = [f for f in report["findings"] if f["severity"] == "error"]
    assert (error["code"], error["cell"], error["column"]) == ("not_a_number", "F3", "age5_total")
    commune_b = next(u for u in report["results"] if u["code"] == "00002")
    assert commune_b["standards"]["preschool5"]["status"] == "insufficient_data"


def test_unknown_format_exits_2(data: Path) -> None:
    assert run("check", data, "--format", "xml").exit_code == 2


def test_unknown_language_exits_2(data: Path) -> None:
    assert_one_line_error(run("check", data, "--lang", "fr"))


def _without_run(report: dict) -> dict:
    return {k: v for k, v in report.items() if k != "run"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_equals_the_library_result(data: Path, lang: str) -> None:
    result = run("check", data, "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    library = report_dict(check_files([data.resolve()], load_rule_book()), lang)
    library = json.loads(encode(library))
    for key in ("results", "inputs", "rules", "findings"):
        assert printed[key] == library[key], key
    assert _without_run(printed) == _without_run(library)
    assert printed["schema_version"] == 2
    assert printed["tool"] == {"name": "pcgd", "version": __version__}


def test_json_of_the_sample_has_every_tier() -> None:
    result = run("check", SAMPLE, "--format", "json")
    report = json.loads(result.stdout)
    types = [u["unit_type"] for u in report["results"]]
    assert (types.count("commune"), types.count("district"), types.count("province")) == (
        106, 8, 1)
    assert report["inputs"][0]["rows_used"] == 106


def test_csv_has_one_row_per_unit_and_standard(data: Path) -> None:
    result = run("check", data, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    units = 3 + 2 + 1  # communes, districts, the province
    assert len(rows) == units * 4  # preschool5, primary, lower_secondary, literacy
    keys = {(r["unit_type"], r["code"], r["year"], r["standard"]) for r in rows}
    assert len(keys) == len(rows)
    commune_a = next(r for r in rows if r["code"] == "00001" and r["standard"] == "preschool5")
    assert (commune_a["status"], commune_a["level"]) == ("met", "1")
    primary = next(r for r in rows if r["standard"] == "primary")
    assert primary["status"] == "not_evaluated"


def test_english(data: Path) -> None:
    result = run("check", data, "--lang", "en")
    assert result.exit_code == 0
    assert "Universal preschool education" in result.stdout
    assert "Phổ cập" not in result.stdout
    missing = run("check", "khong_co.xlsx", "--lang", "en")
    assert "File not found" in missing.stderr


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"pcgd {__version__}"


def _commands(group, path: tuple[str, ...] = ()):
    yield path
    # a group has sub-commands; typer ships its own copy of click, so no isinstance
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) or "pcgd" for p in COMMANDS])
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0, result.stderr
    assert "Cách dùng" in result.stdout
    assert "Usage" in run(*path, "--help", "--lang", "en").stdout


def test_check_and_template_take_a_register_of_units() -> None:
    for command in ("check", "template"):
        assert "--units TỆP" in run(command, "--help").stdout, command
        assert "--units FILE" in run(command, "--help", "--lang", "en").stdout, command


def test_check_and_rules_are_commands() -> None:
    assert {("check",), ("rules", "list"), ("rules", "validate")} <= set(COMMANDS)


def test_output_json_writes_the_file(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "ket_qua" / "x.json"
    result = run("check", data, "--output", out, "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = json.loads(out.read_text(encoding="utf-8"))
    printed = json.loads(run("check", data, "--format", "json").stdout)
    assert _without_run(written) == _without_run(printed)
    assert not [p for p in out.parent.iterdir() if p.name != "x.json"]  # no temp file left


def test_output_csv_writes_the_file(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert run("check", data, "-o", out, "-q").exit_code == 0
    # a BOM first, so that Excel on Windows reads the Vietnamese text as UTF-8
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.read_text(encoding="utf-8-sig").startswith("unit_type,code,name,")


def test_output_equal_to_the_input_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv")
    before = path.read_bytes()
    result = run("check", path, "--output", path)
    assert_one_line_error(result)
    assert path.read_bytes() == before


def test_output_of_an_unknown_type_is_refused(data: Path, tmp_path: Path) -> None:
    result = run("check", data, "--output", tmp_path / "x.txt")
    assert_one_line_error(result)
    assert not (tmp_path / "x.txt").exists()


def test_rules_list_shows_the_decree() -> None:
    result = run("rules", "list")
    assert result.exit_code == 0
    assert "nd20-2014" in result.stdout


def test_rules_validate_accepts_the_shipped_file() -> None:
    assert run("rules", "validate", RULES).exit_code == 0


def test_summary_table_is_compact(data: Path) -> None:
    """Share cells are bare "1/2"; the units counted are named in the header."""
    result = run("check", data)
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert re.search(r"^Huyện Một\s+2\s+1/2\s+chưa đạt\s+1 xã → mức 1\s*$", result.stdout,
                     re.MULTILINE), result.stdout
    assert re.search(r"^tỉnh\s.*\s1/2\s+chưa đạt\s+1 huyện → mức 1\s*$", result.stdout,
                     re.MULTILINE), result.stdout
    assert "xã/huyện" in result.stdout


def test_two_tier_summary_counts_communes(tmp_path: Path) -> None:
    rows = [r[2:] for r in ROWS]
    path = tmp_path / "hai_cap.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER[2:])
        writer.writerows(rows)
    result = run("check", path, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "PROVISIONAL" in result.stdout
    assert re.search(r"\s2/3\s+not met\s+1 commune → level 1\s*$", result.stdout,
                     re.MULTILINE), result.stdout


def test_table_output_into_a_file_has_no_trailing_spaces() -> None:
    """Scheduled runs mail the output: rich's padding must not reach it."""
    result = run("check", SAMPLE)
    assert result.exit_code == 0
    assert result.stdout.strip()
    assert not [line for line in result.stdout.splitlines() if line != line.rstrip()]

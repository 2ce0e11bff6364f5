"""--output x.xlsx|.json|.csv: the same as --format, written whole or not at all."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import pcgd_cli.report.csv_report
import pcgd_cli.report.excel
import pcgd_cli.report.json_report
from excel_fixtures import SAMPLE, sha256, write_communes_csv
from pcgd_cli.cli import app

runner = CliRunner()


@pytest.fixture
def data(tmp_path):
    return write_communes_csv(tmp_path / "xa.csv", [("105", "Huyện A", "03386", "Xã Một"),
                                                    ("106", "Huyện B", "03390", "Xã Hai")])


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_output_file_equals_format_on_stdout(data, tmp_path, fmt):
    out = tmp_path / f"kq.{fmt}"
    written = runner.invoke(app, ["check", str(data), "-o", str(out), "-q"])
    printed = runner.invoke(app, ["check", str(data), "--format", fmt])
    assert written.exit_code == printed.exit_code == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        file_report, stdout_report = json.loads(text), json.loads(printed.stdout)
        file_report.pop("run"), stdout_report.pop("run")  # run time differs
        assert file_report == stdout_report
    else:
        # the file starts with a BOM for Excel on Windows; stdout stays clean for scripts
        assert text == "\ufeff" + printed.stdout


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ".csv"])
def test_output_equal_to_an_input_is_refused(tmp_path, suffix):
    data = tmp_path / f"du_lieu{suffix}"
    data.write_bytes(SAMPLE.read_bytes() if suffix == ".xlsx" else b"commune_code\n03386\n")
    before = sha256(data)
    result = runner.invoke(app, ["check", str(data), "--output", str(data)])
    assert result.exit_code == 2
    assert "trùng với một tệp dữ liệu đầu vào" in result.stderr
    assert sha256(data) == before


def test_output_of_unknown_type_is_refused(data, tmp_path):
    result = runner.invoke(app, ["check", str(data), "--output", str(tmp_path / "kq.txt")])
    assert result.exit_code == 2 and ".xlsx" in result.stderr
    assert not (tmp_path / "kq.txt").exists()


def _explode(*_args, **_kwargs):
    raise OSError("disk full")


@pytest.mark.parametrize(("module", "name", "suffix"), [
    (pcgd_cli.report.excel, "write_workbook", ".xlsx"),
    (pcgd_cli.report.json_report, "write_json", ".json"),
    (pcgd_cli.report.csv_report, "write_csv", ".csv"),
])
def test_a_writer_failing_after_reading_leaves_no_file(data, tmp_path, monkeypatch, module,
                                                       name, suffix):
    monkeypatch.setattr(module, name, _explode)
    out = tmp_path / f"kq{suffix}"
    result = runner.invoke(app, ["check", str(data), "--output", str(out)])
    assert result.exit_code == 2
    assert "disk full" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_a_failed_run_keeps_the_previous_output(data, tmp_path, monkeypatch):
    out = tmp_path / "kq.xlsx"
    out.write_bytes(b"last night's workbook")

    def half_written(report, stream, lang, *_columns):
        stream.write(b"PK\x03\x04 half a zip")
        raise RuntimeError("bug in the writer")

    monkeypatch.setattr(pcgd_cli.report.excel, "write_workbook", half_written)
    result = runner.invoke(app, ["check", str(data), "--output", str(out)])
    assert isinstance(result.exception, RuntimeError)
    assert out.read_bytes() == b"last night's workbook"
    assert leftovers(tmp_path) == []


def test_an_interrupted_run_leaves_no_file(data, tmp_path, monkeypatch):
    def interrupted(report, stream):
        stream.write(b"PK")
        raise KeyboardInterrupt

    monkeypatch.setattr(pcgd_cli.report.excel, "write_workbook", interrupted)
    out = tmp_path / "kq.xlsx"
    result = runner.invoke(app, ["check", str(data), "--output", str(out)])
    assert result.exit_code != 0  # Ctrl-C: the command line aborts
    assert not out.exists()
    assert leftovers(tmp_path) == []

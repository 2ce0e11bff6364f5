"""The ``pcgd`` process ends without the interpreter's teardown (cli.run): what it
printed must all be there, and its exit code must be the command's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"


def _pcgd(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pcgd_cli", *args], capture_output=True,
                          timeout=120)


def test_piped_json_is_whole_and_the_exit_code_kept(tmp_path: Path) -> None:
    done = _pcgd("check", str(SAMPLE), "--format", "json", "--targets", "laichau-2030")
    assert done.returncode == 1  # a plan target not met, as the summary says
    report = json.loads(done.stdout)
    assert len(report["results"]) == 115 and report["findings"] is not None
    assert done.stderr.decode().strip().endswith("5/9")


def test_an_input_error_exits_2_with_its_line(tmp_path: Path) -> None:
    done = _pcgd("check", str(tmp_path / "none.xlsx"), "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and "none.xlsx" in done.stderr.decode()


def test_a_file_written_is_complete(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    done = _pcgd("check", str(SAMPLE), "--output", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["results"]) == 115


def test_a_profiled_run_still_writes_its_profile(tmp_path: Path) -> None:
    profile = tmp_path / "check.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m",
                           "pcgd_cli", "check", str(SAMPLE), "--quiet"], capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert profile.stat().st_size > 0

"""The benchmark runs end to end (``make bench``); its figures are printed, never asserted.

Marked slow: excluded from the default run by pyproject's addopts.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the sample generator lives in scripts/


@pytest.mark.slow
def test_benchmark_runs_end_to_end_and_prints_figures(tmp_path: Path) -> None:
    from make_sample_data import build_sample
    from synthetic import COLUMNS, header_labels, rule_files, write_xlsx

    # A small generated workbook: the province sample's 106 communes.
    small = tmp_path / "small.xlsx"
    write_xlsx(build_sample(), small, header_labels(COLUMNS, rule_files(ROOT)))

    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--dataset", f"small={small}",
         "--runs", "1", "--startup-runs", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in ("pcgd --version", "pcgd --help", "read (calamine", "evaluate",
                  "write JSON", "write Excel summary", "--format json > /dev/null",
                  "calamine read", "pandas read_excel + to_excel", "peak memory",
                  "read (pcgd) vs calamine read alone, in-process", "write Parquet",
                  "--output x.parquet", "size of the JSON report", "Parquet written",
                  "pandas script / pcgd --format json (speed-up)"):
        assert label in out, f"{label!r} missing from:\n{out}"
    # every timed line carries a figure in seconds
    assert re.search(r"evaluate \(all standards.*\d+\.\d+ s", out), out
    assert re.search(r"--format json > /dev/null\s+\d+\.\d+ s", out), out

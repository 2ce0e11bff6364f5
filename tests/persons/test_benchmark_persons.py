"""The person benchmark end to end on tiny data (no timing asserted): make bench."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_person_benchmark_runs_on_tiny_data(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_persons

    make_persons.write_csv(tmp_path / "persons_2m.csv", 10_000)
    make_persons.write_csv(tmp_path / "persons_8m.csv", 20_000)
    make_persons.write_workbooks(tmp_path / "workbooks", 2, 300)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_persons.py"),
                           "--runs", "1", "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for line in ("pyarrow read_csv", "count / pyarrow read", "peak at 8M / peak at 2M",
                 "count / calamine read"):
        assert line in done.stdout, line

"""Benchmark `pcgd count` on person rows and print every figure (issue 10).

    python benchmarks/make_persons.py            # once: synthetic data, git-ignored
    python benchmarks/run_persons.py [--runs N] [--skip-8m] [--skip-workbooks]

Each line is the median of the runs of a whole child process (wall clock) and
its peak resident memory (``os.wait4``, that child only):

- yardstick: Python start-up + pyarrow's multi-threaded CSV read of the 2M file;
- ``pcgd count persons_2m.csv --quiet -o counts.csv``, the same at 8M (memory);
- yardstick: Python start-up + calamine reading every cell of the 100 workbooks;
- ``pcgd count workbooks/ --units ... --quiet -o counts.csv``.

Targets: count ≤ 3× the pyarrow read, peak < 1 GiB, peak at 8M ≤ 1.5× the 2M
figure, workbooks ≤ 1.5× the calamine read. Nothing here is asserted in a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
UNITS = ROOT / "sample_data" / "lai_chau_units.csv"
PCGD = [sys.executable, "-m", "pcgd_cli"]

ARROW_SCRIPT = """
import sys
import pyarrow.csv as pc
table = pc.read_csv(sys.argv[1])
"""
CALAMINE_SCRIPT = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = CalamineWorkbook.from_path(str(path))
    cells = [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]
"""


def run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB, exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(label: str, argv: list[str], runs: int) -> tuple[float, float]:
    results = [run(argv) for _ in range(runs)]
    wall = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    codes = sorted({r[2] for r in results})
    print(f"  {label:58s} {wall:7.2f} s  ×{runs}  peak {peak:6.0f} MB  exit {codes}",
          flush=True)
    return wall, peak


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-8m", action="store_true")
    parser.add_argument("--skip-workbooks", action="store_true")
    args = parser.parse_args()
    csv2 = args.data / "persons_2m.csv"
    csv8 = args.data / "persons_8m.csv"
    books = args.data / "workbooks"
    if not csv2.exists():
        sys.exit(f"{csv2} is missing: run python benchmarks/make_persons.py first")
    print(f"load average at start: {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="pcgd-bench-") as tmp:
        out = str(Path(tmp) / "counts.csv")
        print(f"== {csv2.name}: {csv2.stat().st_size / 1e6:.0f} MB ==")
        arrow, _ = measure("yardstick: start-up + pyarrow read_csv",
                           [sys.executable, "-c", ARROW_SCRIPT, str(csv2)], args.runs)
        count2, peak2 = measure("pcgd count persons_2m.csv --quiet -o counts.csv",
                                [*PCGD, "count", str(csv2), "--quiet", "-o", out], args.runs)
        print(f"  count / pyarrow read: {count2 / arrow:.2f}×  target ≤ 3×  "
              f"{verdict(count2 <= 3 * arrow)}")
        print(f"  peak memory: {peak2:.0f} MB  target < 1024 MB  {verdict(peak2 < 1024)}")
        if not args.skip_8m and csv8.exists():
            print(f"== {csv8.name}: {csv8.stat().st_size / 1e6:.0f} MB ==")
            count8, peak8 = measure("pcgd count persons_8m.csv --quiet -o counts.csv",
                                    [*PCGD, "count", str(csv8), "--quiet", "-o", out], 1)
            print(f"  peak at 8M / peak at 2M: {peak8 / peak2:.2f}×  target ≤ 1.5×  "
                  f"{verdict(peak8 <= 1.5 * peak2)}; time {count8 / count2:.2f}× the 2M run")
        if not args.skip_workbooks and books.is_dir():
            n = len(list(books.glob("*.xlsx")))
            print(f"== {books}: {n} workbooks ==")
            calamine, _ = measure("yardstick: start-up + calamine read of every cell",
                                  [sys.executable, "-c", CALAMINE_SCRIPT, str(books)],
                                  args.runs)
            wb, wb_peak = measure("pcgd count workbooks/ --units ... --quiet -o counts.csv",
                                  [*PCGD, "count", str(books), "--units", str(UNITS),
                                   "--quiet", "-o", out], args.runs)
            print(f"  count / calamine read: {wb / calamine:.2f}×  target ≤ 1.5×  "
                  f"{verdict(wb <= 1.5 * calamine)}; peak {wb_peak:.0f} MB")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

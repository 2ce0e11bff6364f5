"""Benchmark `pcgd count` on person rows and print every figure (issue 10).

    python benchmarks/run_persons.py [--runs N] [--skip-8m] [--skip-workbooks]

The data (synthetic, git-ignored) is made by benchmarks/make_persons.py when absent
(about 3 minutes). Each line is the median of the runs of a whole child process:
wall clock, CPU time (user + system, the child and the processes it waited for)
and peak resident memory (``os.wait4``). A yardstick and the pcgd run it is
compared with are taken in turns (yardstick, pcgd, yardstick, pcgd …), so that
both see the same load on a shared machine:

- yardstick for the CSV: a fresh ``python -c`` that imports pyarrow.csv and runs
  ``pyarrow.csv.read_csv(FILE)`` (all columns, types inferred, pyarrow's threads):
  Python start-up, the import and the read, nothing else;
- ``pcgd count persons_2m.csv --quiet -o counts.csv`` (the whole process: start-up,
  reading, counting, findings, writing the counts), and the same at 8 million persons
  for memory (one run);
- yardstick for the workbooks: a fresh ``python -c`` that imports python_calamine
  and reads every cell of every sheet of the 100 workbooks (``to_python``), one
  after the other;
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


def run(argv: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB, exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


class Figure:
    def __init__(self, label: str):
        self.label, self.results = label, []

    def add(self, argv: list[str]) -> None:
        self.results.append(run(argv))

    @property
    def wall(self) -> float:
        return statistics.median(r[0] for r in self.results)

    @property
    def peak(self) -> float:
        return max(r[2] for r in self.results)

    def line(self) -> str:
        walls = " ".join(f"{r[0]:.2f}" for r in self.results)
        cpu = statistics.median(r[1] for r in self.results)
        codes = sorted({r[3] for r in self.results})
        return (f"  {self.label:56s} {self.wall:7.2f} s  cpu {cpu:6.2f} s  ×{len(self.results)}"
                f"  peak {self.peak:6.0f} MB  exit {codes}  [{walls}]")


def in_turns(runs: int, *pairs: tuple[Figure, list[str]]) -> None:
    for _ in range(runs):
        for figure, argv in pairs:
            figure.add(argv)
    for figure, _ in pairs:
        print(figure.line(), flush=True)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def make_data(data: Path) -> None:
    missing = [p for p in (data / "persons_2m.csv", data / "persons_8m.csv",
                           data / "workbooks") if not p.exists()]
    if missing and data == DATA:
        print(f"making {', '.join(p.name for p in missing)} (benchmarks/make_persons.py, "
              "about 3 minutes)", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_persons.py")],
                       check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-8m", action="store_true")
    parser.add_argument("--skip-workbooks", action="store_true")
    args = parser.parse_args()
    make_data(args.data)
    csv2 = args.data / "persons_2m.csv"
    csv8 = args.data / "persons_8m.csv"
    books = args.data / "workbooks"
    if not csv2.exists():
        sys.exit(f"{csv2} is missing: run python benchmarks/make_persons.py first")
    print(f"load average at start: {load()}; {os.cpu_count()} cores; wall, CPU (user + system), "
          "peak RSS of each child process; medians, each run in brackets", flush=True)
    with tempfile.TemporaryDirectory(prefix="pcgd-bench-") as tmp:
        out = str(Path(tmp) / "counts.csv")
        print(f"== {csv2.name}: {csv2.stat().st_size / 1e6:.0f} MB, taken in turns ==")
        arrow = Figure("yardstick: start-up + pyarrow read_csv")
        count2 = Figure("pcgd count persons_2m.csv --quiet -o counts.csv")
        in_turns(args.runs, (arrow, [sys.executable, "-c", ARROW_SCRIPT, str(csv2)]),
                 (count2, [*PCGD, "count", str(csv2), "--quiet", "-o", out]))
        print(f"  count / pyarrow read: {count2.wall / arrow.wall:.2f}×  target ≤ 3×  "
              f"{verdict(count2.wall <= 3 * arrow.wall)}")
        print(f"  peak memory: {count2.peak:.0f} MB  target < 1024 MB  "
              f"{verdict(count2.peak < 1024)}", flush=True)
        if not args.skip_8m and csv8.exists():
            print(f"== {csv8.name}: {csv8.stat().st_size / 1e6:.0f} MB ==")
            count8 = Figure("pcgd count persons_8m.csv --quiet -o counts.csv")
            in_turns(1, (count8, [*PCGD, "count", str(csv8), "--quiet", "-o", out]))
            print(f"  peak at 8M / peak at 2M: {count8.peak / count2.peak:.2f}×  target ≤ 1.5×  "
                  f"{verdict(count8.peak <= 1.5 * count2.peak)}; "
                  f"time {count8.wall / count2.wall:.2f}× the 2M run", flush=True)
        if not args.skip_workbooks and books.is_dir():
            n = len(list(books.glob("*.xlsx")))
            print(f"== {books}: {n} workbooks, taken in turns ==")
            calamine = Figure("yardstick: start-up + calamine read of every cell")
            workbooks = Figure("pcgd count workbooks/ --units ... --quiet -o counts.csv")
            in_turns(args.runs, (calamine, [sys.executable, "-c", CALAMINE_SCRIPT, str(books)]),
                     (workbooks, [*PCGD, "count", str(books), "--units", str(UNITS),
                                  "--quiet", "-o", out]))
            print(f"  count / calamine read: {workbooks.wall / calamine.wall:.2f}×  "
                  f"target ≤ 1.5×  {verdict(workbooks.wall <= 1.5 * calamine.wall)}; "
                  f"peak {workbooks.peak:.0f} MB")
    print(f"load average at end: {load()}")


if __name__ == "__main__":
    main()

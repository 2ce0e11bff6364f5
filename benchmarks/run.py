"""Benchmark pcgd on a province and on the whole country, and print every figure.

    python benchmarks/run.py                      # province + national (made if absent)
    python benchmarks/run.py --runs 1             # one run of everything (quick look)
    python benchmarks/run.py --dataset small=path/to/file.xlsx --runs 1

For each data set it prints the median of several runs of each stage inside one
Python process (read, validate, evaluate, write JSON, write the Excel summary), of the
whole ``pcgd check`` process (wall clock, with its peak memory), and of two yardsticks
run on the same machine in the same run: Python start-up plus reading every cell with
calamine, and a plain pandas script (``read_excel`` then ``to_excel``). The targets of
issue 6 are checked against these figures and marked PASS or MISS. Nothing here is
asserted in a test: the numbers live in this output (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
DEFAULT_RUNS = {"province": 5, "national": 3}

# Targets of issue 6 (2-core machine).
EVALUATE_MAX_S = 0.3
XLSX_VS_CALAMINE = 3.0
STARTUP_MAX_S = 0.3
PEAK_MAX_MB = 500
# Issue 11 (national outputs): pcgd's read within 1.2× of calamine's, in one process;
# the JSON path within 2× the yardstick and 10× faster than the pandas script, the JSON at
# most 40 MB; the workbook path 4× faster than the pandas script.
READ_VS_CALAMINE = 1.2
JSON_VS_CALAMINE = 2.0
JSON_PANDAS_SPEEDUP = 10.0
JSON_MAX_MB = 40
XLSX_PANDAS_SPEEDUP = 4.0

CALAMINE_SCRIPT = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]
"""
# What a user would write by hand: pandas' default engines both ways.
PANDAS_SCRIPT = """
import sys
import pandas as pd
frame = pd.read_excel(sys.argv[1])
frame.to_excel(sys.argv[2], index=False)
"""


@dataclass
class Figure:
    label: str
    seconds: list[float] = field(default_factory=list)
    note: str = ""
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def peak(self) -> float | None:
        return max(self.peak_mb) if self.peak_mb else None


# --- measuring ---------------------------------------------------------------------------


def pcgd_command() -> list[str]:
    """The installed ``pcgd`` script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "pcgd"
    if script.exists():
        return [str(script)]
    found = shutil.which("pcgd")
    return [found] if found else [sys.executable, "-m", "pcgd_cli"]


def run_process(args: list[str], stdout_path: str = os.devnull) -> tuple[float, float, int, str]:
    """Wall-clock seconds, peak RSS (MB, 10^6 bytes), exit code and stderr of one child process.

    ``os.wait4`` gives the rusage of this child alone (RUSAGE_CHILDREN would be the
    maximum over every child so far)."""
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip()
    peak = usage.ru_maxrss * 1024 / 1e6  # ru_maxrss is in KiB on Linux; MB = 10^6 bytes
    return seconds, peak, child.returncode, message


def time_process(figure: Figure, args: list[str], runs: int, ok_codes: tuple[int, ...] = (0,),
                 stdout_path: str = os.devnull) -> None:
    for _ in range(runs):
        seconds, peak, code, message = run_process(args, stdout_path)
        if code not in ok_codes:
            first = message.splitlines()[-1] if message else f"exit {code}"
            figure.note = f"n/a (exit {code}: {first[:60]}…)"
            figure.seconds.clear()
            return
        figure.seconds.append(seconds)
        figure.peak_mb.append(peak)


def excel_writer() -> Callable | None:
    """The Excel summary writer, once ``pcgd_cli.report.excel`` exists (issue 4)."""
    if importlib.util.find_spec("pcgd_cli.report.excel") is None:
        return None
    module = importlib.import_module("pcgd_cli.report.excel")
    for name in ("write_excel", "write_xlsx", "write_summary", "write_workbook"):
        if callable(getattr(module, name, None)):
            return getattr(module, name)
    return None


def call_excel_writer(writer: Callable, report, path: Path, columns=None) -> None:
    """``write_workbook(report, stream, lang, columns)`` to an open binary file. (Trying
    a path first, as this did before, wrote the workbook twice: the writer takes the
    path as its stream and fails only when it writes the finished book.)"""
    with path.open("wb") as fh:
        writer(report, fh, "vi", columns)


def time_stages(path: Path, runs: int, tmp: Path) -> dict:
    """read, validate, evaluate, write JSON, write Excel: inside one process, through
    the same stage functions as ``pcgd check`` (pcgd_cli.pipeline).

    Runs in a child (``--stages``) so that this process never loads pandas: a child's
    peak RSS as Linux reports it includes its parent's memory at fork time."""
    from pcgd_cli.count_table import InputSummary
    from pcgd_cli.pipeline import judge, load_rule_book, tabulate_sheets, validate_counts
    from pcgd_cli.reading import read_file
    from pcgd_cli.report.json_report import write_json
    from pcgd_cli.report.parquet_report import write_parquet
    from pcgd_cli.report.result_columns import result_columns
    from pcgd_cli.report_model import Report

    book = load_rule_book()
    writer = excel_writer()
    out: dict = {key: [] for key in ("read", "calamine_inproc", "validate", "read+validate",
                                     "evaluate", "columns", "json", "parquet", "excel")}
    out["excel_note"] = "" if writer else "n/a (not built yet)"
    for _ in range(runs):
        if path.suffix.lower() != ".csv":
            # the floor of pcgd's read: calamine alone, every sheet, in this same process
            c0 = time.perf_counter()
            cells = calamine_cells(path)
            out["calamine_inproc"].append(time.perf_counter() - c0)
            del cells
        t0 = time.perf_counter()
        sheets = read_file(path)
        t1 = time.perf_counter()
        reading = validate_counts(tabulate_sheets(sheets, book, {path: InputSummary(path)}),
                                  book)
        t2 = time.perf_counter()
        judged = judge(reading.table, book)
        t3 = time.perf_counter()
        report = Report(book, judged.evaluation, reading.findings + judged.findings,
                        reading.inputs, judged.targets, seconds=t3 - t0)
        columns = result_columns(report.evaluation)  # what every writer reads, made once
        tc = time.perf_counter()
        counter = _ByteCounter()
        write_json(report, counter, tiers=columns)
        t4 = time.perf_counter()
        parquet = tmp / "stage.parquet"
        with parquet.open("wb") as fh:
            write_parquet(report, fh, columns)
        tp = time.perf_counter()
        for key, seconds in (("read", t1 - t0), ("validate", t2 - t1), ("read+validate", t2 - t0),
                             ("evaluate", t3 - t2), ("columns", tc - t3), ("json", t4 - tc),
                             ("parquet", tp - t4)):
            out[key].append(seconds)
        if writer is not None:
            try:
                t5 = time.perf_counter()
                call_excel_writer(writer, report, tmp / "stage_summary.xlsx", columns)
                out["excel"].append(time.perf_counter() - t5)
            except Exception as exc:  # a writer still being built must not stop the run
                out["excel_note"] = f"n/a ({type(exc).__name__}: {str(exc)[:80]})"
        out.update(rows=len(reading.table), json_mb=counter.size / 1e6,
                   parquet_mb=parquet.stat().st_size / 1e6,
                   units=sum(len(t) for t in judged.evaluation.tiers))
        del sheets, reading, judged, report
    return out


def time_read(path: Path, runs: int) -> dict:
    """pcgd's read and calamine's alone, taken in turns in one process (``--read-only``:
    the line issue 11 is about, in seconds rather than minutes)."""
    from pcgd_cli.reading import read_file

    out: dict = {"read": [], "calamine_inproc": []}
    for _ in range(runs):
        c0 = time.perf_counter()
        cells = calamine_cells(path)
        t0 = time.perf_counter()
        del cells
        t1 = time.perf_counter()
        sheets = read_file(path)
        out["read"].append(time.perf_counter() - t1)
        out["calamine_inproc"].append(t0 - c0)
        del sheets
    return out


def read_lines(name: str, path: Path, runs: int) -> list[str]:
    result = subprocess.run([sys.executable, __file__, "--read-child", str(path), "--runs",
                             str(runs)], capture_output=True, text=True, check=True)
    out = json.loads(result.stdout.splitlines()[-1])
    read, alone = Figure("read (pcgd)", out["read"]), Figure("", out["calamine_inproc"])
    value = ratio(read.median, alone.median)
    return ["", f"== {name}: {path} — read only; median of {runs} ==",
            row("read (calamine → raw cells)", read),
            row("calamine read alone, in-process", alone),
            target_line("read (pcgd) vs calamine read alone, in-process", f"{value:.2f}×",
                        f"≤ {READ_VS_CALAMINE}×", value <= READ_VS_CALAMINE, True)]


def calamine_cells(path: Path) -> list:
    """What the start-up yardstick reads (CALAMINE_SCRIPT), timed inside a process."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]


def stages_in_child(path: Path, runs: int, tmp: Path, figures: dict[str, Figure]) -> dict:
    result = subprocess.run([sys.executable, __file__, "--stages", str(path), "--runs", str(runs),
                             "--tmp", str(tmp)], capture_output=True, text=True, check=True)
    out = json.loads(result.stdout.splitlines()[-1])
    for key in ("read", "calamine_inproc", "validate", "read+validate", "evaluate", "columns",
                "json", "parquet", "excel"):
        figures[key].seconds = out[key]
    figures["excel"].note = out["excel_note"]
    return out


class _ByteCounter(io.RawIOBase):
    """A binary sink that keeps nothing but the number of bytes written to it."""

    size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.size += len(data)
        return len(data)


# --- printing ----------------------------------------------------------------------------


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds:.3f} s" if seconds < 1 else f"{seconds:.2f} s"


def row(label: str, figure: Figure, extra: str = "") -> str:
    value = figure.note if figure.median is None and figure.note else fmt_s(figure.median)
    runs = f"×{len(figure.seconds)}" if figure.seconds else ""
    peak = f"peak {figure.peak:.0f} MB" if figure.peak is not None else ""
    return f"  {label:<46} {value:>12} {runs:>4}  {peak:<14}{extra}"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "MISS")


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def target_line(text: str, value: str, target: str, ok: bool | None, judged: bool) -> str:
    mark = verdict(ok) if judged else "(set for the national file)"
    return f"  {text:<58} {value:>9}   target {target:<9} {mark}"


def machine_lines() -> list[str]:
    load = os.getloadavg()
    return [
        f"machine: {os.cpu_count()} CPUs, {platform.machine()}, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}",
        f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    ]


# --- the benchmark -----------------------------------------------------------------------


def startup(runs: int) -> list[str]:
    lines = ["", "== start-up =="]
    for args in (["--version"], ["--help"]):
        figure = Figure("pcgd " + args[0])
        time_process(figure, pcgd_command() + args, runs)
        ok = figure.median < STARTUP_MAX_S if figure.median is not None else None
        lines.append(row(figure.label, figure, f"target < {STARTUP_MAX_S} s  {verdict(ok)}"))
    return lines


def bench_dataset(name: str, path: Path, runs: int, pandas_runs: int) -> list[str]:
    labels = {
        "read": "read (calamine → raw cells)",
        "calamine_inproc": "calamine read alone, in-process",
        "validate": "validate (→ count table, checked)",
        "read+validate": "reading = read + validate",
        "evaluate": "evaluate (all standards, roll-ups, years, targets)",
        "columns": "result columns (what the writers read)",
        "json": "write JSON v2 (write_json, discarded)",
        "parquet": "write Parquet (write_parquet)",
        "excel": "write Excel summary",
        "proc_json": "pcgd check FILE --format json > /dev/null",
        "proc_xlsx": "pcgd check FILE --output summary.xlsx",
        "proc_parquet": "pcgd check FILE --output x.parquet",
        "proc_quiet": "pcgd check FILE --quiet (no report: the rest)",
        "proc_table": "pcgd check FILE (terminal tables) > /dev/null",
        "calamine": "yardstick: Python start-up + calamine read",
        "pandas": "yardstick: pandas read_excel + to_excel",
    }
    figures = {key: Figure(label) for key, label in labels.items()}
    with tempfile.TemporaryDirectory(prefix="pcgd-bench-") as folder:
        tmp = Path(folder)
        info = stages_in_child(path, runs, tmp, figures)
        pcgd = pcgd_command()
        time_process(figures["proc_json"], [*pcgd, "check", str(path), "--format", "json"],
                     runs, ok_codes=(0, 1))
        time_process(figures["proc_xlsx"], [*pcgd, "check", str(path), "--quiet", "--output",
                                            str(tmp / "summary.xlsx")], runs, ok_codes=(0, 1))
        time_process(figures["proc_parquet"], [*pcgd, "check", str(path), "--quiet",
                                               "--output", str(tmp / "x.parquet")], runs,
                     ok_codes=(0, 1))
        parquet_mb = (tmp / "x.parquet").stat().st_size / 1e6 \
            if (tmp / "x.parquet").exists() else None
        time_process(figures["proc_quiet"], [*pcgd, "check", str(path), "--quiet"], runs,
                     ok_codes=(0, 1))
        time_process(figures["proc_table"], [*pcgd, "check", str(path)], runs, ok_codes=(0, 1))
        time_process(figures["calamine"], [sys.executable, "-c", CALAMINE_SCRIPT, str(path)],
                     runs)
        time_process(figures["pandas"], [sys.executable, "-c", PANDAS_SCRIPT, str(path),
                                         str(tmp / "pandas.xlsx")], pandas_runs)

    get = {key: f.median for key, f in figures.items()}
    lines = ["", f"== {name}: {path} — {info['rows']:,} commune rows, {info['units']:,} units "
                 f"in the report, JSON {info['json_mb']:.1f} MB, Parquet "
                 f"{info['parquet_mb']:.1f} MB; median of {runs} (pandas: {pandas_runs}) =="]
    for key in labels:
        extra = ""
        if key == "evaluate" and get[key] is not None and name == "national":
            extra = f"target < {EVALUATE_MAX_S} s  {verdict(get[key] < EVALUATE_MAX_S)}"
        lines.append(row(labels[key], figures[key], extra))

    judged = name == "national"
    lines.append("  targets:")
    read_ratio = ratio(get["read"], get["calamine_inproc"])
    lines.append(target_line("read (pcgd) vs calamine read alone, in-process",
                             f"{read_ratio:.2f}×" if read_ratio else "n/a",
                             f"≤ {READ_VS_CALAMINE}×",
                             None if read_ratio is None else read_ratio <= READ_VS_CALAMINE,
                             judged))
    json_ratio = ratio(get["proc_json"], get["calamine"])
    xlsx_ratio = ratio(get["proc_xlsx"], get["calamine"])
    lines.append(target_line("pcgd --format json / (start-up + calamine read)",
                             f"{json_ratio:.2f}×" if json_ratio else "n/a",
                             f"≤ {JSON_VS_CALAMINE}×",
                             None if json_ratio is None else json_ratio <= JSON_VS_CALAMINE,
                             judged))
    lines.append(target_line("pcgd --output summary.xlsx / (start-up + calamine read)",
                             f"{xlsx_ratio:.2f}×" if xlsx_ratio else "n/a",
                             f"≤ {XLSX_VS_CALAMINE}×",
                             None if xlsx_ratio is None else xlsx_ratio <= XLSX_VS_CALAMINE,
                             judged))
    for key, what, floor in (("proc_json", "--format json", JSON_PANDAS_SPEEDUP),
                             ("proc_xlsx", "--output summary.xlsx", XLSX_PANDAS_SPEEDUP)):
        speedup = ratio(get["pandas"], get[key])
        lines.append(target_line(f"pandas script / pcgd {what} (speed-up)",
                                 f"{speedup:.1f}×" if speedup else "n/a", f"≥ {floor:.0f}×",
                                 None if speedup is None else speedup >= floor, judged))
    lines.append(target_line("size of the JSON report", f"{info['json_mb']:.1f} MB",
                             f"≤ {JSON_MAX_MB} MB", info["json_mb"] <= JSON_MAX_MB, judged))
    written = parquet_mb is not None and get["proc_parquet"] is not None
    lines.append(target_line("Parquet written (time, size)",
                             f"{fmt_s(get['proc_parquet'])}, {parquet_mb:.1f} MB" if written
                             else "n/a", "written", written, judged))
    for key, what in (("proc_json", "--format json"), ("proc_xlsx", "--output .xlsx"),
                      ("proc_parquet", "--output .parquet")):
        peak = figures[key].peak
        lines.append(target_line(f"peak memory of pcgd {what}",
                                 f"{peak:.0f} MB" if peak else "n/a", f"< {PEAK_MAX_MB} MB",
                                 None if peak is None else peak < PEAK_MAX_MB, judged))
    return lines


def precompile() -> None:
    """pcgd's modules compiled to bytecode, as an installed package has them (pip
    compiles a wheel's modules when it installs it). An editable checkout under
    PYTHONDONTWRITEBYTECODE (set on the machines here) never writes them, and every
    pcgd process then compiled all its modules again: 80 ms of a national JSON run."""
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)


def ensure_default_data() -> None:
    if not (DATA / "national.xlsx").exists() or not (DATA / "province.xlsx").exists():
        print("generating benchmarks/data (national and province workbooks) …", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_national.py")],
                       check=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", action="append", default=[], metavar="NAME=PATH",
                        help="benchmark this workbook (repeatable); default: province and "
                             "national from benchmarks/data, generated when absent")
    parser.add_argument("--runs", type=int, default=None,
                        help="runs per figure (default: province 5, national 3, others 3)")
    parser.add_argument("--pandas-runs", type=int, default=1,
                        help="runs of the (slow) pandas script per data set (default 1)")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--read-only", action="store_true",
                        help="only pcgd's read against calamine's, in one process")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)  # the worker child
    parser.add_argument("--read-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.stages:
        print(json.dumps(time_stages(args.stages, args.runs or 1, args.tmp)))
        return 0
    if args.read_child:
        print(json.dumps(time_read(args.read_child, args.runs or 1)))
        return 0
    if args.dataset:
        datasets = [(item.split("=", 1)[0], Path(item.split("=", 1)[1])) if "=" in item
                    else (Path(item).stem, Path(item)) for item in args.dataset]
    else:
        ensure_default_data()
        datasets = [("province", DATA / "province.xlsx"), ("national", DATA / "national.xlsx")]
    started = time.perf_counter()
    precompile()
    print("\n".join(machine_lines()), flush=True)
    if not args.read_only:
        print("\n".join(startup(args.startup_runs)), flush=True)
    for name, path in datasets:
        runs = args.runs or DEFAULT_RUNS.get(name, 3)
        lines = (read_lines(name, path, args.runs or 7) if args.read_only
                 else bench_dataset(name, path, runs, args.pandas_runs))
        print("\n".join(lines), flush=True)
    load = os.getloadavg()
    print(f"\nload average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"benchmark took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

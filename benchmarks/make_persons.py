"""Write the person-row benchmark data (SYNTHETIC people, git-ignored):

benchmarks/data/persons_2m.csv           2 million persons, 400 communes, one export
benchmarks/data/persons_8m.csv           8 million persons, 1,600 communes
benchmarks/data/workbooks/<code>.xlsx    100 entry workbooks of 5,000 persons each,
                                         named by real Lai Châu commune codes

python benchmarks/make_persons.py [--millions 2 8] [--workbooks 100] [--per-workbook 5000]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the generators live in scripts/

from make_person_sample import write_entry_workbook  # noqa: E402
from synthetic_persons import COLUMNS, draw_persons  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
UNITS = ROOT / "sample_data" / "lai_chau_units.csv"
PER_COMMUNE = 5000
CHUNK_COMMUNES = 100  # 500,000 persons drawn and written at a time: memory stays flat


def write_csv(path: Path, persons: int, seed: int = 1) -> None:
    communes = persons // PER_COMMUNE
    codes = [(f"{90000 + i:05d}", f"{900 + i // 20:03d}", "99") for i in range(communes)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(COLUMNS)
        for start in range(0, communes, CHUNK_COMMUNES):
            chunk = draw_persons(codes[start:start + CHUNK_COMMUNES], PER_COMMUNE, 2024,
                                 seed + start)
            chunk.to_csv(fh, index=False, header=False, lineterminator="\n")


def write_workbooks(folder: Path, count: int, per_workbook: int, seed: int = 7) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with UNITS.open(encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))[:count]
    for i, unit in enumerate(units):
        people = draw_persons([(unit["commune_code"], unit["district_code"],
                                unit["province_code"])], per_workbook, 2024, seed + i)
        write_entry_workbook(folder / f"{unit['commune_code']}.xlsx", unit, people, 2024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--millions", type=int, nargs="*", default=[2, 8])
    parser.add_argument("--workbooks", type=int, default=100)
    parser.add_argument("--per-workbook", type=int, default=5000)
    parser.add_argument("--out-dir", type=Path, default=DATA)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for millions in args.millions:
        path = args.out_dir / f"persons_{millions}m.csv"
        clock = time.perf_counter()
        write_csv(path, millions * 1_000_000)
        print(f"{path}: {millions} million persons, {path.stat().st_size / 1e6:.0f} MB, "
              f"{time.perf_counter() - clock:.0f} s")
    if args.workbooks:
        clock = time.perf_counter()
        write_workbooks(args.out_dir / "workbooks", args.workbooks, args.per_workbook)
        print(f"{args.out_dir / 'workbooks'}: {args.workbooks} workbooks of "
              f"{args.per_workbook} persons, {time.perf_counter() - clock:.0f} s")


if __name__ == "__main__":
    main()

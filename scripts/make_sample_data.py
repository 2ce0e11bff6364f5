"""Write sample_data/lai_chau_2024.xlsx: Lai Châu's 106 real communes, synthetic counts,
and sample_data/lai_chau_register.csv: the same units with the same synthetic ĐBKK flags.

    python scripts/make_sample_data.py [--seed N] [--out PATH] [--register PATH] [--rules PATH]...

The units (8 districts, 106 communes, GSO codes, 2020-2025) are real and read from
sample_data/lai_chau_units.csv; every count and the xã ĐBKK flags are synthetic.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from synthetic import (
    COLUMNS,
    Pin,
    draw_counts,
    draw_disadvantaged,
    draw_rates,
    header_labels,
    is_rural,
    miss_level1,
    rule_files,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parents[1]
UNITS_CSV = ROOT / "sample_data" / "lai_chau_units.csv"
OUT = ROOT / "sample_data" / "lai_chau_2024.xlsx"
REGISTER = ROOT / "sample_data" / "lai_chau_register.csv"
SEED = 20240930  # the statistics date, 30/9/2024
YEAR = 2024
DBKK_SHARE = 0.6  # of rural communes (xã); wards and townships are never ĐBKK

# Staged outcomes, so the demo shows every kind of verdict whatever the random draws:
# (commune code, rate, percent if not ĐBKK, percent if ĐBKK, what it shows).
# The ĐBKK value sits as far below the ĐBKK threshold as the other below the normal one.
STAGED = [
    # Sìn Hồ (22 communes): two miss lower_secondary level 2, the district needs 95%.
    ("03496", "age15_18_graduated", 86, 76, "lower_secondary level 1, not 2"),
    ("03514", "age15_18_graduated", 87, 77, "lower_secondary level 1, not 2"),
    # Phong Thổ (17 communes): three miss primary level 3, the district needs 90%.
    ("03553", "age6_grade1", 96.5, 96.5, "primary level 2, not 3"),
    ("03568", "age6_grade1", 97, 97, "primary level 2, not 3"),
    ("03580", "age11_out_of_school", 2, 2, "primary level 1: two 11-year-olds out of school"),
    # Lai Châu city, Tam Đường, Than Uyên and Tân Uyên are left to the draw.
]
# One commune failing each standard's level 1, in the remote Mường Tè and Nậm Nhùn
# (literacy level 0 also denies Mù Cả lower_secondary, whose level 1 requires it).
LEVEL1_FAILS = {
    "03445": "preschool5",  # Xã Mường Tè
    "03460": "primary",  # Xã Hua Bun
    "03463": "lower_secondary",  # Xã Tà Tổng
    "03451": "literacy",  # Xã Mù Cả
}
# Rates put on a threshold (offset 0: exactly on it and passing; -1: one person short):
# (commune code, rate, threshold if not ĐBKK, if ĐBKK, offset).
PINNED = [
    ("03394", "age6_grade1", 98, 98, 0),  # primary level 3, exactly
    ("03610", "age6_grade1", 98, 98, -1),  # primary level 3 missed by one child
    ("03618", "age11_completed", 90, 80, 0),  # primary level 3, exactly
    ("03601", "age15_18_graduated", 90, 80, 0),  # lower_secondary level 2, exactly
    ("03386", "age5_attending", 95, 90, 0),  # preschool5, exactly
]


def read_units(path: Path = UNITS_CSV) -> pd.DataFrame:
    """The real units; dtype=str keeps codes such as 03386 as text."""
    return pd.read_csv(path, dtype=str, encoding="utf-8")


def build_sample(seed: int = SEED, units_csv: Path = UNITS_CSV) -> pd.DataFrame:
    """The sample table (synthetic.COLUMNS), one row per commune."""
    rng = np.random.default_rng(seed)
    units = read_units(units_csv)
    dbkk = draw_disadvantaged(units, DBKK_SHARE, rng)
    rates = draw_rates(dbkk, rng)
    row = {code: i for i, code in enumerate(units["commune_code"])}
    for code, rate, normal, special, _why in STAGED:
        rates.loc[row[code], rate] = special if dbkk[row[code]] else normal
    for code, standard in LEVEL1_FAILS.items():
        miss_level1(rates, dbkk, row[code], standard)
    pins = [
        Pin(row[code], rate, special if dbkk[row[code]] else normal, offset)
        for code, rate, normal, special, offset in PINNED
    ]
    return draw_counts(units, rates, dbkk, YEAR, rng, pins=pins)


def write_register(frame: pd.DataFrame, path: Path, units_csv: Path = UNITS_CSV) -> None:
    """The real units with the sample's ĐBKK flags (1/0), so that `pcgd check --units`
    on the sample and on a table without a ĐBKK column judge the same communes ĐBKK."""
    units = read_units(units_csv)
    flags = dict(zip(frame["commune_code"], frame["disadvantaged"], strict=True))
    units["disadvantaged"] = [str(int(flags[code])) for code in units["commune_code"]]
    path.parent.mkdir(parents=True, exist_ok=True)
    units.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--register", type=Path, default=REGISTER)
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        help="rule file whose Vietnamese labels become the headers "
        "(repeatable; default: the repository's rules/)",
    )
    args = parser.parse_args()
    frame = build_sample(args.seed)
    write_xlsx(frame, args.out, header_labels(COLUMNS, args.rules or rule_files(ROOT)))
    write_register(frame, args.register)
    rural = is_rural(frame["commune"])
    print(
        f"wrote {args.out}: {len(frame)} communes in {frame['district_code'].nunique()} "
        f"districts, year {YEAR}, {frame['disadvantaged'].sum()} of {rural.sum()} rural "
        f"communes ĐBKK, seed {args.seed}"
    )


if __name__ == "__main__":
    main()

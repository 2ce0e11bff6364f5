"""Write the benchmark workbooks (synthetic, git-ignored):

benchmarks/data/national.xlsx  63 provinces, ~700 districts, ~10,600 communes, 2022-2024
benchmarks/data/province.xlsx  Lai Châu's 106 communes, 2024 (same as the sample)

python benchmarks/make_national.py [--out-dir DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the generators live in scripts/, not in the package

from make_sample_data import build_sample  # noqa: E402
from synthetic import (  # noqa: E402
    COLUMNS,
    LEVEL1_MISSES,
    draw_counts,
    draw_rates,
    header_labels,
    miss_level1,
    rule_files,
    write_xlsx,
)

SEED = 63
YEARS = (2022, 2023, 2024)
# Vietnam before the 2025 reform: 63 provinces, about 700 districts, 10,600 communes.
PROVINCES, DISTRICTS, COMMUNES = 63, 700, 10_600
CRISIS_SHARE = 0.004  # of communes a year that fail one standard's level 1


def national_units(rng: np.random.Generator) -> pd.DataFrame:
    """Synthetic units with unique codes: province 2 digits, district 3, commune 5."""
    per_province = np.full(PROVINCES, DISTRICTS // PROVINCES)
    per_province[rng.choice(PROVINCES, DISTRICTS % PROVINCES, replace=False)] += 1
    # At least 5 communes a district, the rest spread at random (about 8 to 25 each).
    per_district = 5 + rng.multinomial(COMMUNES - 5 * DISTRICTS, np.full(DISTRICTS, 1 / DISTRICTS))
    province_of_district = np.repeat(np.arange(1, PROVINCES + 1), per_province)
    district = np.repeat(np.arange(1, DISTRICTS + 1), per_district)
    province = province_of_district[district - 1]
    commune = np.arange(1, len(district) + 1)
    return pd.DataFrame({
        "province_code": [f"{p:02d}" for p in province],
        "province": [f"Tỉnh {p:02d}" for p in province],
        "district_code": [f"{d:03d}" for d in district],
        "district": [f"Huyện {d:03d}" for d in district],
        "commune_code": [f"{c:05d}" for c in commune],
        "commune": [f"Xã {c:05d}" for c in commune],
    })  # fmt: skip


def build_national(seed: int = SEED) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    units = national_units(rng)
    province = units["province_code"].astype(int).to_numpy() - 1
    n = len(units)
    # Mountain provinces have many xã ĐBKK, delta provinces few: about 20% overall.
    dbkk = (rng.random(n) < rng.beta(0.7, 2.5, PROVINCES)[province]).astype(np.int64)
    # A commune keeps its size and strength from year to year (half of it is its province's),
    # and improves a little each year.
    population = rng.integers(3_000, 12_001, n)
    latent = 0.5 * rng.standard_normal(PROVINCES)[province] + 0.87 * rng.standard_normal(n)
    frames = []
    for year in YEARS:
        rates = draw_rates(dbkk, rng, latent=latent + 0.15 * (year - YEARS[0]))
        # A rare commune fails some standard outright, so every verdict appears nationally.
        for row in np.flatnonzero(rng.random(n) < CRISIS_SHARE):
            miss_level1(rates, dbkk, row, rng.choice(list(LEVEL1_MISSES)), rng.uniform(0, 5))
        frames.append(draw_counts(units, rates, dbkk, year, rng, population=population))
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the synthetic benchmark workbooks.")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "benchmarks" / "data")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the national file")
    args = parser.parse_args()
    headers = header_labels(COLUMNS, rule_files(ROOT))

    start = time.perf_counter()
    national = build_national(args.seed)
    built = time.perf_counter()
    write_xlsx(national, args.out_dir / "national.xlsx", headers, constant_memory=True)
    done = time.perf_counter()
    print(
        f"{args.out_dir / 'national.xlsx'}: {len(national):,} rows "
        f"({national['commune_code'].nunique():,} communes, "
        f"{national['district_code'].nunique()} districts, "
        f"{national['province_code'].nunique()} provinces, {len(YEARS)} years) "
        f"in {done - start:.1f} s (generate {built - start:.1f} s, write {done - built:.1f} s)"
    )

    start = time.perf_counter()
    province = build_sample()  # the sample's own seed, so it matches sample_data/ exactly
    write_xlsx(province, args.out_dir / "province.xlsx", headers, constant_memory=True)
    print(
        f"{args.out_dir / 'province.xlsx'}: {len(province)} rows "
        f"in {time.perf_counter() - start:.1f} s"
    )


if __name__ == "__main__":
    main()

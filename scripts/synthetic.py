"""Plausible, internally consistent synthetic commune counts for pcgd's input columns.

Shared by scripts/make_sample_data.py and benchmarks/make_national.py. Every random
draw goes through the numpy Generator passed in, so a seed fixes the output.

Two steps, so a caller can stage outcomes in between:

    rates = draw_rates(disadvantaged, rng)       # percent of each cohort, one row per commune
    rates.loc[row, "age6_grade1"] = 96.5         # e.g. make one commune miss primary level 3
    frame = draw_counts(units, rates, disadvantaged, year, rng, pins=[...])

The counts always satisfy: whole and >= 0; excluded <= total; every numerator <= its
denominator (total - excluded); age11_completed + age11_in_primary <= the age-11
denominator; the 11-year-olds are part of the pooled 11-14 cohort (its total, exclusions and
completions include theirs); the 15-25, 15-35, 15-60 bands nested (totals, exclusions and
literate counts grow with the band); literate_l2 <= literate_l1; vocational graduates <=
graduates. The columns are those of the 2025 forms: "đến 14 tuổi" on the pooled 11-14
cohort, preschool completion on the children now aged 6.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from math import ceil
from pathlib import Path

import numpy as np
import pandas as pd

UNIT_COLUMNS = ["province_code", "province", "district_code", "district", "commune_code", "commune"]
TEXT_COLUMNS = set(UNIT_COLUMNS)  # codes stay text so leading zeros survive Excel
COUNT_COLUMNS = [
    "age5_total", "age5_excluded", "age5_attending",
    "age3_5_total", "age3_5_excluded", "age3_5_attending",
    "age6_total", "age6_excluded", "age6_grade1", "age6_preschool_completed",
    "age11_total", "age11_excluded", "age11_completed", "age11_in_primary",
    "age11_14_total", "age11_14_excluded", "age11_14_completed",
    "age15_18_total", "age15_18_excluded", "age15_18_graduated", "age15_18_studying",
    "age15_25_total", "age15_25_excluded", "age15_25_literate_l1",
    "age15_35_total", "age15_35_excluded", "age15_35_literate_l1", "age15_35_literate_l2",
    "age15_60_total", "age15_60_excluded", "age15_60_literate_l2",
    "lower_sec_graduates", "lower_sec_graduates_vocational",
    "disabled_able_total", "disabled_able_accessing",
]  # fmt: skip
COLUMNS = ["year", *UNIT_COLUMNS, "disadvantaged", *COUNT_COLUMNS]

# Percent of the cohort denominator: (mean, mean in a xã ĐBKK, sd, low, high).
# Means sit a few points above the Decree 20 thresholds (ĐBKK communes lower, as their
# thresholds are), so most communes pass comfortably and a minority lands just below.
# Literacy is drawn per age slice (15-25, 26-35, 36-60): older people read less well,
# which is what makes level 2 over 15-60 the hardest literacy test.
RATE_MODEL = {
    "age5_attending": (98.8, 97.0, 1.3, 85, 100),
    "age6_preschool_completed": (95.5, 91.0, 2.5, 70, 100),
    "age3_5_attending": (98.8, 98.1, 0.6, 94, 100),
    "age6_grade1": (99.5, 99.2, 0.7, 90, 100),
    "age11_completed": (96.0, 91.0, 2.5, 70, 100),
    # the 12- to 14-year-olds of the pooled 11-14 cohort (the 11-year-olds have their own)
    "age12_14_completed": (97.0, 93.0, 2.0, 70, 100),
    "age15_18_graduated": (95.0, 89.0, 2.5, 65, 100),
    "age15_18_studying": (84.0, 76.0, 5.0, 45, 100),
    "literate_l1_15_25": (98.8, 97.0, 1.0, 80, 100),
    "literate_l1_26_35": (97.0, 94.0, 1.8, 75, 100),
    "literate_l2_15_25": (97.8, 95.5, 1.3, 75, 100),
    "literate_l2_26_35": (94.5, 90.0, 2.2, 70, 100),
    "literate_l2_36_60": (90.0, 82.0, 3.0, 55, 100),
    "vocational": (38.0, 36.0, 4.0, 25, 50),
    "disabled_accessing": (90.0, 86.0, 5.0, 62, 100),
}
# Share of communes with a few 11-year-olds out of school (not in primary, not completed):
# they fail "every other 11-year-old is still in primary" (primary levels 2 and 3).
OUT_OF_SCHOOL_P = (0.02, 0.05)
# How much the rates of one commune move together (a weak commune is weak everywhere).
CORRELATION = 0.6

# A commune in crisis (a flood year, an isolated village) fails a standard's level 1
# outright: its rates set a few points under the level-1 thresholds (normal, ĐBKK).
LEVEL1_MISSES = {
    "preschool5": {"age5_attending": (92, 87)},
    # 12-14 this low keeps the pooled 11-14 rate under 80 (ĐBKK 70) even where every
    # 11-year-old completed: (100 + 3 × 72) / 4 = 79, (100 + 3 × 58) / 4 = 68.5
    "primary": {"age12_14_completed": (72, 58)},
    "lower_secondary": {"age15_18_graduated": (76, 66)},
    "literacy": {"literate_l1_15_25": (87, 87), "literate_l1_26_35": (87, 87)},
}

# Rates whose cohort is a single column, so a pin can resize the cohort: rate -> (column, cohort)
PINNABLE = {
    "age5_attending": ("age5_attending", "age5"),
    "age3_5_attending": ("age3_5_attending", "age3_5"),
    "age6_grade1": ("age6_grade1", "age6"),
    "age11_completed": ("age11_completed", "age11"),
    "age15_18_graduated": ("age15_18_graduated", "age15_18"),
}


@dataclass(frozen=True)
class Pin:
    """Put one commune's rate on a threshold: offset 0 lands exactly on it (the cohort is
    resized so the percentage is exact), offset -1 is one person short of it."""

    row: int
    rate: str
    percent: float
    offset: int = 0


def is_rural(names: pd.Series) -> pd.Series:
    """Wards (phường) and townships (thị trấn) are never xã ĐBKK."""
    return ~names.str.startswith(("Phường", "Thị trấn"))


def draw_disadvantaged(units: pd.DataFrame, share: float, rng: np.random.Generator) -> np.ndarray:
    """Flag round(share x rural communes) rural communes as xã ĐBKK (1), the rest 0."""
    rural = np.flatnonzero(is_rural(units["commune"]).to_numpy())
    flags = np.zeros(len(units), dtype=np.int64)
    flags[rng.choice(rural, size=round(share * len(rural)), replace=False)] = 1
    return flags


def draw_rates(
    disadvantaged: np.ndarray, rng: np.random.Generator, latent: np.ndarray | None = None
) -> pd.DataFrame:
    """One row per commune: each rate of RATE_MODEL in percent, plus the number of
    11-year-olds out of school. ``latent`` (standard normal, one per commune) lets a caller
    keep a commune's strength across years."""
    n = len(disadvantaged)
    dbkk = np.asarray(disadvantaged, dtype=bool)
    z = rng.standard_normal(n) if latent is None else np.asarray(latent, dtype=float)
    rates = {}
    for name, (mean, mean_dbkk, sd, low, high) in RATE_MODEL.items():
        noise = CORRELATION * z + np.sqrt(1 - CORRELATION**2) * rng.standard_normal(n)
        rates[name] = np.clip(np.where(dbkk, mean_dbkk, mean) + sd * noise, low, high).round(2)
    out = rng.random(n) < np.where(dbkk, OUT_OF_SCHOOL_P[1], OUT_OF_SCHOOL_P[0])
    rates["age11_out_of_school"] = np.where(out, 1 + rng.poisson(0.6, n), 0)
    return pd.DataFrame(rates)


def miss_level1(
    rates: pd.DataFrame, disadvantaged: np.ndarray, row: int, standard: str, below: float = 0
) -> None:
    """Set one commune's rates so that it fails ``standard``'s level 1 (LEVEL1_MISSES)."""
    for rate, (normal, special) in LEVEL1_MISSES[standard].items():
        rates.loc[row, rate] = (special if disadvantaged[row] else normal) - below


def _share(percent: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """Round percent x denominator to whole people, never above the denominator."""
    count = np.floor(np.asarray(percent) * denominator / 100 + 0.5)
    return np.clip(count, 0, denominator).astype(np.int64)


def draw_counts(
    units: pd.DataFrame,
    rates: pd.DataFrame,
    disadvantaged: np.ndarray,
    year: int,
    rng: np.random.Generator,
    pins: Iterable[Pin] = (),
    population: np.ndarray | None = None,
) -> pd.DataFrame:
    """The input table (COLUMNS) for ``units``, one row per unit, counts drawn from ``rates``."""
    n = len(units)
    pop = rng.integers(3_000, 12_001, n) if population is None else np.asarray(population)
    # People per single year of age: 1.7-2.2% of the population in a young mountain province.
    per_year = pop * rng.uniform(0.017, 0.022, n)

    def cohort(years: float, lam: float) -> tuple[np.ndarray, np.ndarray]:
        total = np.round(per_year * years * rng.normal(1, 0.08, n)).clip(0).astype(np.int64)
        return total, np.minimum(rng.poisson(lam, n), total)  # few excluded (unable to learn)

    c = {}  # cohort -> [total, excluded]
    for name, years in [("age5", 1), ("age6", 1), ("age11", 1), ("age12_14", 3)]:
        c[name] = list(cohort(years, 0.4))
    ages3_4 = cohort(2, 0.4)  # 3- and 4-year-olds; the 5-year-olds complete the 3-5 band
    c["age3_5"] = [c["age5"][0] + ages3_4[0], c["age5"][1] + ages3_4[1]]
    c["age15_18"] = list(cohort(4 * 0.97, 0.8))
    # Adult slices shrink with age (migration, mortality); the bands are their running sums.
    slices = [cohort(11 * 0.95, 1.0), cohort(10 * 0.85, 1.0), cohort(25 * 0.55, 1.5)]

    pins = list(pins)
    for pin in pins:  # an exact pin needs a denominator the percentage divides evenly
        if pin.rate not in PINNABLE:
            raise ValueError(f"cannot pin {pin.rate!r}; pinnable: {sorted(PINNABLE)}")
        total, excluded = c[PINNABLE[pin.rate][1]]
        step = (Fraction(str(pin.percent)) / 100).denominator
        if pin.offset == 0 and (total[pin.row] - excluded[pin.row]) % step:
            total[pin.row] += step - (total[pin.row] - excluded[pin.row]) % step

    den = {name: total - excluded for name, (total, excluded) in c.items()}
    r = {name: rates[name].to_numpy() for name in rates.columns}
    out = {}
    for name, (total, excluded) in c.items():
        out[f"{name}_total"], out[f"{name}_excluded"] = total, excluded
    out["age5_attending"] = _share(r["age5_attending"], den["age5"])
    out["age3_5_attending"] = _share(r["age3_5_attending"], den["age3_5"])
    out["age6_grade1"] = _share(r["age6_grade1"], den["age6"])
    out["age11_completed"] = _share(r["age11_completed"], den["age11"])
    out["age15_18_graduated"] = _share(r["age15_18_graduated"], den["age15_18"])
    for pin in pins:
        column, name = PINNABLE[pin.rate]
        d = int(den[name][pin.row])
        exact = ceil(Fraction(str(pin.percent)) * d / 100) + pin.offset
        out[column][pin.row] = min(max(exact, 0), d)

    # Dependent counts are derived after the pins so that pinned values stay as pinned.
    # The children now aged 6 who completed the preschool programme (forms MN-02, MN-01-TE).
    out["age6_preschool_completed"] = _share(r["age6_preschool_completed"], den["age6"])
    # The pooled 11-14 cohort (form TH-M1): the 11-year-olds and the 12- to 14-year-olds.
    out["age11_14_total"] = c["age11"][0] + c["age12_14"][0]
    out["age11_14_excluded"] = c["age11"][1] + c["age12_14"][1]
    out["age11_14_completed"] = out["age11_completed"] + _share(
        r["age12_14_completed"], den["age12_14"]
    )
    # Those studying beyond lower secondary hold its diploma.
    out["age15_18_studying"] = np.minimum(
        _share(r["age15_18_studying"], den["age15_18"]), out["age15_18_graduated"]
    )
    # Every 11-year-old has completed primary, is still in it, or is out of school.
    not_completed = den["age11"] - out["age11_completed"]
    out["age11_in_primary"] = not_completed - np.minimum(r["age11_out_of_school"], not_completed)

    # Literacy per slice, then summed into the nested bands. Level 2 implies level 1, and an
    # older slice never reads better than a younger one (so a commune whose youth fail
    # literacy level 1 cannot pass level 2 thanks to its elders).
    (t_a, e_a), (t_b, e_b), (t_c, e_c) = slices
    r1_a = r["literate_l1_15_25"]
    r1_b = np.minimum(r["literate_l1_26_35"], r1_a)
    r2_a = np.minimum(r["literate_l2_15_25"], r1_a)
    r2_b = np.minimum.reduce([r["literate_l2_26_35"], r1_b, r2_a])
    r2_c = np.minimum(r["literate_l2_36_60"], r2_b)
    l1_a, l1_b = _share(r1_a, t_a - e_a), _share(r1_b, t_b - e_b)
    l2_a = np.minimum(_share(r2_a, t_a - e_a), l1_a)
    l2_b = np.minimum(_share(r2_b, t_b - e_b), l1_b)
    l2_c = _share(r2_c, t_c - e_c)
    out.update(
        age15_25_total=t_a, age15_25_excluded=e_a, age15_25_literate_l1=l1_a,
        age15_35_total=t_a + t_b, age15_35_excluded=e_a + e_b,
        age15_35_literate_l1=l1_a + l1_b, age15_35_literate_l2=l2_a + l2_b,
        age15_60_total=t_a + t_b + t_c, age15_60_excluded=e_a + e_b + e_c,
        age15_60_literate_l2=l2_a + l2_b + l2_c,
    )  # fmt: skip

    # This year's lower-secondary graduates: about one year of age, most of it graduating.
    graduates = np.round(per_year * rng.uniform(0.82, 0.97, n)).astype(np.int64)
    out["lower_sec_graduates"] = graduates
    out["lower_sec_graduates_vocational"] = _share(r["vocational"], graduates)
    # Disabled people able to learn: a handful per commune, sometimes none.
    out["disabled_able_total"] = rng.poisson(pop * 0.0015)
    out["disabled_able_accessing"] = _share(r["disabled_accessing"], out["disabled_able_total"])

    frame = units[UNIT_COLUMNS].reset_index(drop=True).copy()
    frame.insert(0, "year", year)
    frame["disadvantaged"] = np.asarray(disadvantaged, dtype=np.int64)
    for name in COUNT_COLUMNS:
        frame[name] = np.asarray(out[name], dtype=np.int64)
    return frame[COLUMNS]


def rule_files(root: Path) -> list[Path]:
    """The rule files that declare column labels: the Decree 20 rules, the unit columns
    every rule set shares, and the plan targets (ages 3-5, streaming)."""
    rules = root / "rules"
    return [rules / "nd20-2014.yaml", rules / "units.yaml", *sorted(rules.glob("targets/*.yaml"))]


def header_labels(keys: Sequence[str], paths: Iterable[Path]) -> list[str]:
    """The Vietnamese label a rule file declares for each key (first file wins), else the key.

    The rule files are the single source of the labels; a missing file or an undeclared key
    falls back to the key itself, which pcgd accepts as a header too.
    """
    labels: dict[str, str] = {}
    for path in paths:
        if not path.is_file():
            continue
        import yaml  # a pcgd dependency; only needed when a rule file exists

        columns = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("columns")
        for key, spec in (columns or {}).items():
            label = spec.get("label") if isinstance(spec, dict) else None
            if isinstance(label, dict) and label.get("vi"):
                labels.setdefault(key, str(label["vi"]))
    return [labels.get(key, key) for key in keys]


def write_xlsx(
    frame: pd.DataFrame,
    path: Path,
    headers: Sequence[str],
    sheet: str = "Xa",
    constant_memory: bool = False,
) -> None:
    """One sheet, one header row, one row per commune; unit columns as text."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    # constant_memory streams rows to disk as written: fast and flat memory for big files.
    with xlsxwriter.Workbook(path, {"constant_memory": constant_memory}) as book:
        # A fixed creation date makes the file byte-for-byte reproducible from its seed.
        book.set_properties({"created": datetime(2024, 9, 30), "comments": "Synthetic counts"})
        ws = book.add_worksheet(sheet)
        ws.freeze_panes(1, 0)
        ws.write_row(0, 0, headers, book.add_format({"bold": True, "text_wrap": True}))
        text = book.add_format({"num_format": "@"})  # Excel keeps the codes as text
        for col, name in enumerate(frame.columns):
            width = 24 if name in ("province", "district", "commune") else 12
            ws.set_column(col, col, width, text if name in TEXT_COLUMNS else None)
        # Series.tolist() gives Python str/int, which xlsxwriter writes as text/number.
        columns = [
            frame[name].astype(str) if name in TEXT_COLUMNS else frame[name]
            for name in frame.columns
        ]
        rows = zip(*(col.tolist() for col in columns), strict=True)
        for row, values in enumerate(rows, start=1):
            ws.write_row(row, 0, values)

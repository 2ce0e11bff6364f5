"""Levels across years: a level lost from one year to the next, and a level not kept
for two consecutive years (Circular 07/2016 Art. 9: the unit must then be
recognised again from scratch).

Unknown years (insufficient data) are skipped, never read as a loss.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pcgd_cli.engine.results import Evaluation, TierResult
from pcgd_cli.findings import Finding

JUDGED_TIERS = ("commune", "district", "province")  # the units that are recognised


@dataclass
class YearLevel:
    year: int
    level: int


def unit_groups(tier: TierResult) -> np.ndarray:
    """A unit across years: one group id per code (and its parent's, above the
    communes, since district codes are only unique within a province in some files)."""
    codes = tier.units["code"].astype(str)
    if tier.tier != "commune":
        codes = tier.units["parent_code"].astype(str) + "\x1f" + codes
    return pd.factorize(codes)[0]


@dataclass
class _Units:
    """What a finding names, taken out of the frame once per tier."""

    codes: list[str]
    names: list[str]

    @classmethod
    def of(cls, tier: TierResult) -> _Units:
        codes = tier.units["code"].astype(str).tolist()
        names = [str(n) if n else c for n, c in zip(tier.units["name"].tolist(), codes,
                                                    strict=True)]
        return cls(codes, names)


def _finding(code: str, units: _Units, i: int, sid: str, first: YearLevel,
             second: YearLevel, held: int) -> Finding:
    return Finding("warning", code, column=sid, unit=units.codes[i],
                   value=f"{first.year}:{first.level}→{second.year}:{second.level}",
                   params={"name": units.names[i], "standard": sid, "held": str(held),
                           "y0": str(first.year), "l0": str(first.level),
                           "y1": str(second.year), "l1": str(second.level)})


def _not_kept(known: list[YearLevel]) -> list[tuple[YearLevel, YearLevel, int]]:
    """Every level held and then missed in two consecutive years (Circular 07 Art. 9).

    Each level is followed on its own, so a unit going 3, 2, 2, 2, 1, 1 has not
    kept level 3 (years 2 and 3) and later not kept level 2 (years 5 and 6). A
    missing year breaks the run; a pair of years is named once, for its highest level.
    """
    found: list[tuple[YearLevel, YearLevel, int]] = []
    named: set[tuple[int, int]] = set()
    for level in range(max(yl.level for yl in known), 0, -1):
        held, below = False, []
        for cur in known:
            if cur.level >= level:
                held, below = True, []
                continue
            if not held:
                continue
            if below and cur.year != below[-1].year + 1:
                below = []  # a gap in the years: the run starts again
            below.append(cur)
            if len(below) == 2:
                if (below[0].year, below[1].year) not in named:
                    named.add((below[0].year, below[1].year))
                    found.append((below[0], below[1], level))
                held, below = False, []  # to be flagged again, the level must be regained
    return found


def level_history(evaluation: Evaluation) -> list[Finding]:
    """Findings ``level_lost`` and ``level_not_kept_two_years`` for every judged unit.

    Units are sorted by (unit, year) once; a loss is a drop between two known
    years of the same unit, found with array comparisons. Only units with a
    drop are walked year by year for the two-year rule.
    """
    findings: list[Finding] = []
    for tier in evaluation.tiers:
        if tier.tier not in JUDGED_TIERS:
            continue
        years = tier.units["year"].to_numpy(dtype=float)
        if pd.Series(years).dropna().nunique() < 2:
            continue
        groups = unit_groups(tier)
        order = np.lexsort((years, groups))
        units = _Units.of(tier)
        for sid, result in tier.standards.items():
            if not result.evaluated:
                continue
            level = result.level[order]
            known_rows = order[(level >= 0) & ~np.isnan(years[order])]
            g, lv = groups[known_rows], result.level[known_rows]
            yr = years[known_rows].astype(np.int64)
            drops = np.flatnonzero((g[1:] == g[:-1]) & (lv[1:] < lv[:-1]))
            # Python ints taken out once: a numpy scalar per finding cost more than it
            rows, yrs, lvs = known_rows.tolist(), yr.tolist(), lv.tolist()
            for k in drops.tolist():
                prev = YearLevel(yrs[k], lvs[k])
                cur = YearLevel(yrs[k + 1], lvs[k + 1])
                findings.append(_finding("level_lost", units, rows[k + 1], sid,
                                         prev, cur, prev.level))
            # g is sorted by unit, then year: each unit's known years are one slice
            dropped = np.unique(g[drops + 1])
            starts = np.searchsorted(g, dropped, "left").tolist()
            ends = np.searchsorted(g, dropped, "right").tolist()
            for a, b in zip(starts, ends, strict=True):
                known = [YearLevel(yrs[k], lvs[k]) for k in range(a, b)]
                for first, second, held in _not_kept(known):
                    findings.append(_finding("level_not_kept_two_years", units,
                                             rows[b - 1], sid, first, second, held))
    return findings

"""Levels across years: a level lost from one year to the next, and a level not kept
for two consecutive years (Circular 07/2016 Art. 9: the unit must then be
recognised again from scratch).

Unknown years (insufficient data) are skipped, never read as a loss.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def unit_keys(tier: TierResult) -> list[tuple[str, str]]:
    """A unit across years: its code (and its parent's, above the communes, since
    district codes are only unique within a province in some files)."""
    codes = tier.units["code"].astype(str).tolist()
    if tier.tier == "commune":
        return [("", c) for c in codes]
    return list(zip(tier.units["parent_code"].astype(str).tolist(), codes, strict=True))


def series(tier: TierResult, sid: str) -> Iterator[tuple[int, list[YearLevel]]]:
    """(index of the unit's last row, its known levels by year) for every unit."""
    years = tier.units["year"].to_numpy(dtype=float)
    level = tier.standards[sid].level
    by_unit: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(unit_keys(tier)):
        by_unit.setdefault(key, []).append(i)
    for rows in by_unit.values():
        known = [YearLevel(int(years[i]), int(level[i])) for i in rows
                 if not np.isnan(years[i]) and level[i] >= 0]
        known.sort(key=lambda yl: yl.year)
        yield rows[-1], known


def _finding(code: str, tier: TierResult, i: int, sid: str, first: YearLevel,
             second: YearLevel, held: int) -> Finding:
    units = tier.units
    short = tier.standards[sid].spec.short
    name = str(units["name"].iat[i] or units["code"].iat[i])
    return Finding("warning", code, column=sid, unit=str(units["code"].iat[i]),
                   value=f"{first.year}:{first.level}→{second.year}:{second.level}",
                   params={"name": name, "standard": short.vi, "standard_en": short.get("en"),
                           "held": str(held),
                           "y0": str(first.year), "l0": str(first.level),
                           "y1": str(second.year), "l1": str(second.level)})


def level_history(evaluation: Evaluation) -> list[Finding]:
    """Findings ``level_lost`` and ``level_not_kept_two_years`` for every judged unit."""
    findings: list[Finding] = []
    for tier in evaluation.tiers:
        if tier.tier not in JUDGED_TIERS:
            continue
        if pd.Series(tier.units["year"]).dropna().nunique() < 2:
            continue
        for sid, result in tier.standards.items():
            if not result.evaluated:
                continue
            for i, known in series(tier, sid):
                held: YearLevel | None = None  # the level kept before the current drop
                below: list[YearLevel] = []
                flagged = False
                for prev, cur in zip([None, *known], known, strict=False):
                    if prev is not None and cur.level < prev.level:
                        findings.append(_finding("level_lost", tier, i, sid, prev, cur,
                                                 prev.level))
                    if held is not None and cur.level < held.level:
                        if below and cur.year != below[-1].year + 1:
                            below = []  # a gap in the years: the run starts again
                        below.append(cur)
                        if len(below) == 2 and not flagged:
                            findings.append(_finding("level_not_kept_two_years", tier, i, sid,
                                                     below[0], below[1], held.level))
                            flagged = True
                    else:
                        held, below = cur, []
    return findings

"""Roll communes up to districts, provinces and the nation.

A parent is recognised at a level when the share of its child units
recognised at that level reaches the rule's share, compared exactly. Counts
are summed and rates recomputed for information; recognition never uses
them. The hierarchy is whatever the data has: commune → (district) →
province → (nation when several provinces).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pcgd_cli.count_table import CountTable
from pcgd_cli.engine.communes import standard_level
from pcgd_cli.engine.exact import reaches, short_of
from pcgd_cli.engine.results import (
    Check,
    IndicatorResult,
    LevelResult,
    ShareResult,
    StandardResult,
    Status,
    TierResult,
)
from pcgd_cli.rules.model import RuleSet, as_fraction
from pcgd_cli.text_columns import frame_of


@dataclass
class Tier:
    name: str
    code: str | None  # the unit code column; None for the nation
    label: str | None


def _flags(values: np.ndarray) -> np.ndarray:
    out = np.full(len(values), None, dtype=object)
    known = ~np.isnan(values)
    out[known] = values[known] > 0
    return out


def hierarchy(frame: pd.DataFrame, has_districts: bool) -> list[Tier]:
    tiers = [Tier("commune", "commune_code", "commune")]
    if has_districts:
        tiers.append(Tier("district", "district_code", "district"))
    tiers.append(Tier("province", "province_code", "province"))
    if frame["province_code"].nunique() > 1:
        tiers.append(Tier("nation", None, None))
    return tiers


def _group_ids(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    if not keys:
        return np.zeros(len(frame), dtype=np.int64)
    return frame.groupby(keys, sort=True, dropna=False).ngroup().to_numpy(dtype=np.int64)


def share_of_units(child_status: np.ndarray, parent_of: np.ndarray, n_parents: int,
                   required: float | None) -> tuple[ShareResult, np.ndarray]:
    """Each parent's share of child units at a level against ``required`` %: met,
    not met, or insufficient when the unknown children could still change it."""
    children = np.bincount(parent_of, minlength=n_parents).astype(np.int64)
    met = np.bincount(parent_of, weights=child_status == Status.MET,
                      minlength=n_parents).astype(np.int64)
    unknown = np.bincount(parent_of, weights=child_status == Status.INSUFFICIENT,
                          minlength=n_parents).astype(np.int64)
    if required is None:
        status = np.full(n_parents, Status.NOT_EVALUATED, dtype=np.int8)
        return ShareResult(None, children, met, unknown, np.zeros(n_parents, np.int64)), status
    share = as_fraction(required)
    reached = reaches(met, children, share)
    reachable = reaches(met + unknown, children, share)  # if every unknown unit met it
    status = np.where(reached, Status.MET,
                      np.where(reachable, Status.INSUFFICIENT, Status.NOT_MET)).astype(np.int8)
    shortfall = np.where(reached, 0, short_of(met, children, share))
    return ShareResult(required, children, met, unknown, shortfall), status


# Check codes whose figures a parent unit adds up (a lookup per commune, not np.isin)
_SUMMED_CHECKS = np.zeros(max(Check) + 1, dtype=bool)
_SUMMED_CHECKS[[Check.PASS, Check.FAIL, Check.NOT_APPLICABLE]] = True


def _summed(ind: IndicatorResult, member_of: np.ndarray, n: int,
            of_communes: bool = True) -> IndicatorResult:
    """The figures of ``ind``'s units added up per parent unit (``member_of``): a
    commune's, only its known figures; a lower parent unit's (``of_communes=False``),
    already such sums, all of them."""
    # where ĐBKK communes are judged on another age band, sum every commune's normal
    # band: adding 15-25 year-olds to 15-35 year-olds would mean nothing
    numerator, denominator, excluded, checks = ind.normal or (
        ind.numerator, ind.denominator, ind.excluded, ind.check)
    known = _SUMMED_CHECKS[checks] if of_communes else None

    def total(values: np.ndarray) -> np.ndarray:
        weights = values if known is None else np.where(known, values, 0)
        return np.bincount(member_of, weights=weights, minlength=n).astype(np.int64)

    zeros = np.zeros(n, dtype=np.int64)
    # a test nobody's data could check stays "not checked" all the way up
    check = Check.NOT_CHECKED if (ind.check == Check.NOT_CHECKED).all() else Check.INFO
    return IndicatorResult(ind.spec, total(numerator), total(denominator),
                           total(excluded), np.full(n, ind.spec.threshold),
                           np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int8),
                           np.full(n, check, dtype=np.int8), zeros)


def _units(frame: pd.DataFrame, member_of: np.ndarray, n: int, tier: Tier,
           parent: Tier | None) -> pd.DataFrame:
    first = pd.Series(np.arange(len(frame))).groupby(member_of).first().to_numpy()
    rows = frame.iloc[first]
    code = rows[tier.code].to_numpy() if tier.code else np.full(n, "")
    name = rows[tier.label].to_numpy() if tier.label else np.full(n, "")
    parent_code = rows[parent.code].to_numpy() if parent and parent.code else np.full(n, "")
    return frame_of({
        "code": code, "name": name, "parent_code": parent_code,
        "year": rows["year"].to_numpy(),
        "disadvantaged": np.full(n, None, dtype=object),
        "communes": np.bincount(member_of, minlength=n),
    })


def roll_up(table: CountTable, communes: dict[str, StandardResult],
            rule_sets: list[RuleSet]) -> list[TierResult]:
    frame = table.units
    tiers = hierarchy(frame, table.has_districts)
    two_tier = not table.has_districts
    owner = {sid: rs for rs in rule_sets for sid in rs.standards}
    codes = [t.code for t in tiers if t.code]
    commune_units = frame_of({
        "code": frame["commune_code"].to_numpy(),
        "name": frame["commune"].to_numpy(),
        "parent_code": frame[tiers[1].code].to_numpy(),
        "year": frame["year"].to_numpy(),
        # True, False, or None where the ĐBKK cell was invalid or conflicting
        "disadvantaged": _flags(frame["disadvantaged"].to_numpy(dtype=float)),
        "communes": np.ones(len(frame), dtype=np.int64),
    })
    results = [TierResult("commune", commune_units, communes,
                          member_of=np.arange(len(frame), dtype=np.int64))]
    member_prev = np.arange(len(frame), dtype=np.int64)
    for depth in range(1, len(tiers)):
        tier = tiers[depth]
        # units are identified by every code above them, and the year
        keys = ["year", *reversed(codes[depth:])] if tier.code else ["year"]
        member_of = _group_ids(frame, keys)
        n = int(member_of.max()) + 1 if len(member_of) else 0
        parent_of = np.zeros(len(results[-1].units), dtype=np.int64)
        parent_of[member_prev] = member_of
        child = results[-1]
        standards: dict[str, StandardResult] = {}
        provisional = two_tier and tier.name == "province"
        for sid, lower in child.standards.items():
            rules = owner[sid]
            levels = []
            for lv_lower, level_commune in zip(lower.levels, communes[sid].levels, strict=True):
                spec = lv_lower.spec
                tier_key = tier.name
                if provisional and rules.two_tier is not None:
                    tier_key = rules.two_tier.share_from
                required = spec.shares.get(tier_key) if lower.evaluated else None
                share, status = share_of_units(lv_lower.status, parent_of, n, required)
                if not lower.evaluated:
                    status = np.full(n, Status.NOT_EVALUATED, dtype=np.int8)
                # a province adds up its districts' sums, the nation its provinces':
                # the same integers as adding up every commune, from far fewer rows
                summed = ([_summed(ind, member_of, n) for ind in level_commune.indicators]
                          if depth == 1 else
                          [_summed(ind, parent_of, n, of_communes=False)
                           for ind in lv_lower.indicators])
                levels.append(LevelResult(spec, status, summed, [], share))
            judged = lower.evaluated and any(lv.share and lv.share.required is not None
                                             for lv in levels)
            if judged:
                status, level, at_least = standard_level([lv.status for lv in levels], n)
            else:
                status = np.full(n, Status.NOT_EVALUATED, dtype=np.int8)
                level = np.full(n, -1, dtype=np.int64)
                at_least = None
            standards[sid] = StandardResult(sid, lower.spec, lower.rule_set, lower.evaluated,
                                            status, level, levels, at_least)
        units = _units(frame, member_of, n, tier, tiers[depth + 1] if depth + 1 < len(tiers)
                       else None)
        results.append(TierResult(tier.name, units, standards, provisional, member_of,
                                  child_tier=tiers[depth - 1].name))
        member_prev = member_of
    return results

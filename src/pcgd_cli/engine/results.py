"""What the engine computes, as arrays aligned with each tier's units.

The engine never builds one object per commune: every figure is a numpy array
over the units of a tier, so the whole country evaluates in one pass.
Reporters turn these arrays into tables, JSON or workbooks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np
import pandas as pd

from pcgd_cli.rules.model import IndicatorSpec, LevelSpec, RuleSet, StandardSpec


class Check(IntEnum):
    """Outcome of one indicator for one unit."""

    PASS = 0
    FAIL = 1
    NOT_APPLICABLE = 2  # zero denominator: nobody of that age
    MISSING = 3  # missing or invalid input
    NOT_CHECKED = 4  # optional test whose columns are absent
    INFO = 5  # summed figure of a district or province, shown for information


class Status(IntEnum):
    """Outcome of a level or a standard for one unit."""

    MET = 0
    NOT_MET = 1
    INSUFFICIENT = 2
    NOT_EVALUATED = 3


CHECK_NAMES = {Check.PASS: "pass", Check.FAIL: "fail", Check.NOT_APPLICABLE: "not_applicable",
               Check.MISSING: "insufficient_data", Check.NOT_CHECKED: "not_checked",
               Check.INFO: "info"}
STATUS_NAMES = {Status.MET: "met", Status.NOT_MET: "not_met",
                Status.INSUFFICIENT: "insufficient_data", Status.NOT_EVALUATED: "not_evaluated"}


@dataclass
class IndicatorResult:
    spec: IndicatorSpec
    numerator: np.ndarray  # int64
    denominator: np.ndarray  # int64, after exclusions
    excluded: np.ndarray  # int64
    threshold: np.ndarray  # float, percent, for display; exact test used Fractions
    disadvantaged_rule: np.ndarray  # bool: the ĐBKK threshold or band applied
    cohort_key: np.ndarray  # int8: 0 normal cohort, 1 the ĐBKK cohort
    check: np.ndarray  # int8 Check
    shortfall: np.ndarray  # int64 people, 0 when passed
    # the normal reading (numerator, denominator, excluded, check) when ĐBKK communes
    # are judged on another age band: what district and province sums add up
    normal: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def rate(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.denominator > 0, self.numerator * 100.0 / self.denominator,
                            np.nan)


@dataclass
class RequirementResult:
    standard: str
    level: int
    status: np.ndarray  # int8 Status of the required level


@dataclass
class ShareResult:
    """A parent unit's test: share of its child units recognised at the level."""

    required: float | None  # percent, None when this tier is not judged
    children: np.ndarray  # int64
    met: np.ndarray
    unknown: np.ndarray
    shortfall: np.ndarray  # units still needed, 0 when met


@dataclass
class LevelResult:
    spec: LevelSpec
    status: np.ndarray  # int8 Status
    indicators: list[IndicatorResult]
    requirements: list[RequirementResult] = field(default_factory=list)
    share: ShareResult | None = None  # upper tiers only


@dataclass
class StandardResult:
    id: str
    spec: StandardSpec
    rule_set: str
    evaluated: bool
    status: np.ndarray  # int8 Status
    level: np.ndarray  # int64, -1 when unknown
    levels: list[LevelResult]
    # the highest level known to be met, also when a level above it is unknown
    level_at_least: np.ndarray | None = None


@dataclass
class TierResult:
    """All units of one tier: commune, district, province or nation."""

    tier: str
    units: pd.DataFrame  # code, name, parent_code, year, disadvantaged, communes
    standards: dict[str, StandardResult]
    provisional: bool = False  # two-tier province judged on communes
    # for each commune (row of the commune table), the index of its unit in this tier:
    # how plan targets find the districts or communes inside a province, at any depth
    member_of: np.ndarray | None = None
    child_tier: str = ""  # the tier whose shares judge this one (communes in two-tier mode)

    def __len__(self) -> int:
        return len(self.units)


@dataclass
class Evaluation:
    rule_sets: list[RuleSet]
    tiers: list[TierResult]  # from the communes up
    two_tier: bool

    def tier(self, name: str) -> TierResult | None:
        return next((t for t in self.tiers if t.tier == name), None)

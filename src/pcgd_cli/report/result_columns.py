"""The evaluation as columns: one table per tier and standard, read by every writer that
says each fact once (JSON v2, Parquet, the workbook).

The engine keeps a test's figures once per level (a test repeated at levels 1, 2 and 3
with rising thresholds holds the same numerator three times). Here each standard's
tests are grouped into *figures*: one per distinct reading of the counts, keyed by the
test id, so the numerator, denominator and excluded of a unit are held once per
standard. What varies by level (the check, the shortfall) stays with the level's tests,
which point at their figure. Nothing here renders a word: the writers do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pcgd_cli.engine.results import (
    Check,
    Evaluation,
    IndicatorResult,
    RequirementResult,
    ShareResult,
    StandardResult,
    Status,
    TierResult,
)
from pcgd_cli.report.explain import year_or_none
from pcgd_cli.rules.model import IndicatorSpec, LevelSpec, RuleSet, StandardSpec

# checks whose numerator and denominator mean something (judged, nobody of that age, summed)
_FIGURE_CHECKS = (Check.PASS, Check.FAIL, Check.NOT_APPLICABLE, Check.INFO)


def figure_identity(spec: IndicatorSpec) -> tuple:
    """Two tests share their figures when they read the same columns the same way (the
    ĐBKK age band included); thresholds and labels may differ."""
    return (spec.kind, tuple(spec.readings()), spec.column)


def figure_keys(levels: list[list[IndicatorSpec]]) -> tuple[list[str], list[list[int]]]:
    """The figure keys of a standard (the test id; ``<id>_<level>`` when a later level
    reuses an id for other columns), and for each level's tests the index of its figure."""
    keys: list[str] = []
    identities: list[tuple] = []
    per_level: list[list[int]] = []
    for number, specs in enumerate(levels, start=1):
        indexes = []
        for spec in specs:
            identity = figure_identity(spec)
            if identity in identities:
                indexes.append(identities.index(identity))
                continue
            key = spec.id if spec.id not in keys else f"{spec.id}_{number}"
            keys.append(key)
            identities.append(identity)
            indexes.append(len(keys) - 1)
        per_level.append(indexes)
    return keys, per_level


@dataclass
class FigureColumns:
    """One figure of a standard for every unit of a tier."""

    key: str
    spec: IndicatorSpec  # the test where it first appears (its label, cohorts)
    checked: bool  # False: an optional test whose columns no input has
    numerator: np.ndarray  # int64
    denominator: np.ndarray  # int64, after exclusions
    excluded: np.ndarray  # int64
    known: np.ndarray  # bool: the figures mean something (not missing data)
    dbkk_band: np.ndarray  # bool: counted on the ĐBKK age band (literacy's 15-25)


@dataclass
class LevelTest:
    figure: int  # index into StandardColumns.figures
    result: IndicatorResult  # threshold, check and shortfall at this level


@dataclass
class LevelColumns:
    spec: LevelSpec
    status: np.ndarray  # int8 Status
    tests: list[LevelTest]
    requirements: list[RequirementResult]
    share: ShareResult | None  # parent units only


@dataclass
class StandardColumns:
    id: str
    spec: StandardSpec
    rules: RuleSet
    evaluated: bool
    provisional: bool  # from a provisional rule set
    status: np.ndarray  # int8 Status
    level: np.ndarray  # int64, -1 unknown
    level_at_least: np.ndarray  # int64: highest level known to be met
    levels: list[LevelColumns]
    figures: list[FigureColumns]
    next_level: np.ndarray  # int64 index into levels of the lowest level not met; -1 none

    def failing(self, k: int, i: int) -> list[LevelTest]:
        return [t for t in self.levels[k].tests if t.result.check[i] == Check.FAIL]

    def unknown(self, k: int, i: int) -> list[LevelTest]:
        return [t for t in self.levels[k].tests if t.result.check[i] == Check.MISSING]

    def unmet_requirements(self, k: int, i: int) -> list[RequirementResult]:
        return [r for r in self.levels[k].requirements if r.status[i] != Status.MET]


@dataclass
class UnitColumns:
    """The units of a tier as plain Python lists (one conversion, then cheap reads)."""

    code: list[str]
    name: list[str]
    parent_code: list[str | None]
    year: list[int | None]
    disadvantaged: list[bool | None]
    communes: list[int]


@dataclass
class TierColumns:
    tier: str
    child_tier: str
    provisional: bool  # a province judged on its communes (two-tier)
    units: UnitColumns
    standards: dict[str, StandardColumns]
    result: TierResult

    def __len__(self) -> int:
        return len(self.units.code)


def _unit_columns(tier: TierResult) -> UnitColumns:
    units = tier.units
    return UnitColumns(
        code=[str(c) for c in units["code"].tolist()],
        name=[str(n) if n is not None else "" for n in units["name"].tolist()],
        parent_code=[str(p) if p else None for p in units["parent_code"].tolist()],
        year=[year_or_none(y) for y in units["year"].tolist()],
        disadvantaged=[None if d is None else bool(d) for d in units["disadvantaged"].tolist()],
        communes=[int(c) for c in units["communes"].tolist()],
    )


def _next_level(result: StandardResult, n: int) -> np.ndarray:
    """The index of each unit's lowest level not met (where its gap is); -1 when every
    level is met or the standard was not evaluated."""
    out = np.full(n, -1, dtype=np.int64)
    if not result.evaluated:
        return out
    for k in range(len(result.levels) - 1, -1, -1):
        out = np.where(result.levels[k].status != Status.MET, k, out)
    return out


def _figures(result: StandardResult, keys: list[str],
             per_level: list[list[int]]) -> list[FigureColumns]:
    n = len(result.status)
    figures: list[FigureColumns | None] = [None] * len(keys)
    for level, indexes in zip(result.levels, per_level, strict=True):
        for ind, f in zip(level.indicators, indexes, strict=True):
            known = np.isin(ind.check, _FIGURE_CHECKS)
            if figures[f] is None:
                figures[f] = FigureColumns(
                    keys[f], ind.spec, not (ind.check == Check.NOT_CHECKED).all(),
                    ind.numerator, ind.denominator, ind.excluded, known,
                    ind.cohort_key == 1 if ind.cohort_key is not None else np.zeros(n, bool))
            else:  # a later level may judge what an earlier one could not (ĐBKK flag)
                figures[f].known = figures[f].known | known
    return [f for f in figures if f is not None]


def standard_columns(result: StandardResult, rules: RuleSet) -> StandardColumns:
    n = len(result.status)
    specs = [[ind.spec for ind in level.indicators] for level in result.levels]
    keys, per_level = figure_keys(specs)
    levels = [LevelColumns(level.spec, level.status,
                           [LevelTest(f, ind) for ind, f in zip(level.indicators, indexes,
                                                                 strict=True)],
                           level.requirements, level.share)
              for level, indexes in zip(result.levels, per_level, strict=True)]
    at_least = (result.level_at_least if result.level_at_least is not None
                else np.zeros(n, dtype=np.int64))
    return StandardColumns(result.id, result.spec, rules, result.evaluated,
                           bool(rules.provisional), result.status, result.level, at_least,
                           levels, _figures(result, keys, per_level),
                           _next_level(result, n))


def tier_columns(tier: TierResult, rule_sets: dict[str, RuleSet]) -> TierColumns:
    standards = {sid: standard_columns(result, rule_sets[result.rule_set])
                 for sid, result in tier.standards.items()}
    return TierColumns(tier.tier, tier.child_tier, tier.provisional, _unit_columns(tier),
                       standards, tier)


def result_columns(evaluation: Evaluation) -> list[TierColumns]:
    """Every tier, communes first, as columns."""
    rule_sets = {rs.id: rs for rs in evaluation.rule_sets}
    return [tier_columns(tier, rule_sets) for tier in evaluation.tiers]

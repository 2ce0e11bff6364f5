"""Plan targets over the evaluated tiers: exact, per scope unit and per year.

Three kinds (see rules/target_model.py): a standard level at the scope unit,
a share of a lower tier's units at a level, a summed rate over the scope
unit's communes. Shares and rates compare ``value × 100 × q ≥ p × denominator``
on integers, where p/q is the threshold; the shortfall is the smallest whole
number of units or people that would close the gap. Knows nothing of files,
languages or screens: sentences are made by the reporters.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from pcgd_cli.count_table import CountTable
from pcgd_cli.engine.exact import reaches, short_of
from pcgd_cli.engine.indicators import rate_sides
from pcgd_cli.engine.results import Evaluation, ShareResult, Status, TierResult
from pcgd_cli.engine.rollup import share_of_units
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.model import as_fraction
from pcgd_cli.rules.target_model import TargetSet, TargetSpec


@dataclass
class TargetOutcome:
    """One target for one scope unit (a province, or the nation) in one year."""

    target_set: TargetSet
    spec: TargetSpec
    scope: str  # the tier of the unit the target is for
    code: str
    name: str
    year: int | None
    status: Status  # MET, NOT_MET, INSUFFICIENT, NOT_EVALUATED
    numerator: int = 0  # units at the level (share) or people (rate)
    denominator: int = 0  # units of the tier (share) or people to cover (rate)
    unknown: int = 0  # units or communes whose data is unknown
    excluded: int = 0  # rate: people excluded from the cohort
    shortfall: int = 0  # units or people still needed; 0 when met
    level: int | None = None  # level kind: the level the scope unit reaches (None unknown)
    share: ShareResult | None = None  # level kind: the scope unit's own share test
    share_index: int = 0
    units_of: str = ""  # the tier whose units a level or share counts
    reason: str = ""  # why not evaluated: no_tier, no_columns, not_evaluated, no_units
    provisional: bool = False

    @property
    def met(self) -> bool | None:
        if self.status == Status.MET:
            return True
        if self.status == Status.NOT_MET:
            return False
        return None

    @property
    def value(self) -> Fraction | None:
        """The percentage reached (share, rate) over what is known."""
        if self.spec.kind == "level" or self.denominator <= 0:
            return None
        return Fraction(self.numerator * 100, self.denominator)


def _year(value: object) -> int | None:
    try:
        return None if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def _ancestor(child: TierResult, scope: TierResult) -> np.ndarray:
    """For each unit of ``child``, the index of the scope unit that contains it."""
    first = np.zeros(len(child), dtype=np.int64)
    first[child.member_of] = np.arange(len(child.member_of))  # any commune of the unit
    return scope.member_of[first]


def _exact(numerator: int, denominator: int, threshold: float) -> tuple[bool, int]:
    """(reached, shortfall) for ``numerator / denominator ≥ threshold %``, on integers."""
    frac = as_fraction(threshold)
    reached = bool(reaches(numerator, denominator, frac))
    return reached, 0 if reached else int(short_of(numerator, denominator, frac))


def _level_target(spec: TargetSpec, scope: TierResult, i: int, base: dict) -> TargetOutcome:
    result = scope.standards.get(spec.standard)
    if result is None or not result.evaluated:
        return TargetOutcome(**base, status=Status.NOT_EVALUATED, reason="not_evaluated")
    level = result.levels[spec.level - 1]
    status = Status(int(level.status[i]))
    reached = int(result.level[i])
    share = level.share
    return TargetOutcome(
        **base, status=status, level=None if reached < 0 else reached, share=share,
        share_index=i,
        numerator=int(share.met[i]) if share else 0,
        denominator=int(share.children[i]) if share else 0,
        unknown=int(share.unknown[i]) if share else 0,
        shortfall=int(share.shortfall[i]) if share and status != Status.MET else 0,
        reason="not_evaluated" if status == Status.NOT_EVALUATED else "")


def _share_target(spec: TargetSpec, evaluation: Evaluation, scope: TierResult,
                  base_of: list[dict]) -> list[TargetOutcome]:
    child = evaluation.tier(spec.of)
    result = child.standards.get(spec.standard) if child is not None else None
    if child is None or result is None or not result.evaluated:
        reason = "no_tier" if child is None else "not_evaluated"
        return [TargetOutcome(**b, status=Status.NOT_EVALUATED, reason=reason) for b in base_of]
    # the same share test as a parent unit's recognition, over the scope's units
    share, verdicts = share_of_units(result.levels[spec.level - 1].status,
                                     _ancestor(child, scope), len(scope), spec.threshold)
    out = []
    for i, base in enumerate(base_of):
        total = int(share.children[i])
        if total == 0:
            out.append(TargetOutcome(**base, status=Status.NOT_EVALUATED, reason="no_units"))
            continue
        outcome = TargetOutcome(**base, status=Status(int(verdicts[i])),
                                numerator=int(share.met[i]), denominator=total,
                                unknown=int(share.unknown[i]),
                                shortfall=int(share.shortfall[i]))
        outcome.provisional = outcome.provisional or child.provisional
        out.append(outcome)
    return out


def _rate_target(spec: TargetSpec, cohorts: dict, table: CountTable,
                 scope: TierResult, base_of: list[dict]) -> list[TargetOutcome]:
    if not set(spec.columns(cohorts)) & table.present:
        return [TargetOutcome(**b, status=Status.NOT_EVALUATED, reason="no_columns")
                for b in base_of]
    num, den, exc, missing = rate_sides(table, cohorts, spec.numerator, spec.cohort)
    missing = missing | (den < 0)
    known = ~missing
    n = len(scope)
    member = scope.member_of

    def total(values: np.ndarray) -> np.ndarray:
        return np.bincount(member, weights=np.where(known, values, 0),
                           minlength=n).astype(np.int64)

    sums_num, sums_den, sums_exc = total(num), total(den), total(exc)
    unknown = np.bincount(member, weights=missing, minlength=n).astype(np.int64)
    out = []
    for i, base in enumerate(base_of):
        a, b = int(sums_num[i]), int(sums_den[i])
        reached, shortfall = _exact(a, b, spec.threshold)
        if unknown[i]:
            verdict = Status.INSUFFICIENT  # people in unknown communes could change it
        elif b == 0:
            verdict = Status.NOT_EVALUATED
        else:
            verdict = Status.MET if reached else Status.NOT_MET
        out.append(TargetOutcome(
            **base, status=verdict, numerator=a, denominator=b, unknown=int(unknown[i]),
            excluded=int(sums_exc[i]), shortfall=0 if verdict == Status.MET else shortfall,
            reason="no_units" if verdict == Status.NOT_EVALUATED else ""))
    return out


def evaluate_targets(evaluation: Evaluation, table: CountTable,
                     book: RuleBook) -> list[TargetOutcome]:
    """Every target of every set of the book, for each scope unit and year of the data.

    The caller checks first that the data has each set's scope tier.
    """
    provisional_sets = book.provisional_standards()
    outcomes: list[TargetOutcome] = []
    for ts in book.target_sets:
        scope = evaluation.tier(ts.scope)
        units = scope.units
        below = evaluation.tiers[evaluation.tiers.index(scope) - 1].tier
        cohorts = ts.cohorts_with(book.rule_sets)
        per_target: list[list[TargetOutcome]] = []
        for spec in ts.targets:
            base_of = [dict(target_set=ts, spec=spec, scope=ts.scope,
                            code=str(units["code"].iat[i]), name=str(units["name"].iat[i]),
                            year=_year(units["year"].iat[i]),
                            units_of=spec.of or (below if spec.kind == "level" else "commune"),
                            provisional=ts.provisional or spec.standard in provisional_sets)
                       for i in range(len(units))]
            if spec.kind == "level":
                found = [_level_target(spec, scope, i, base) for i, base in enumerate(base_of)]
                for outcome in found:
                    outcome.provisional = outcome.provisional or scope.provisional
            elif spec.kind == "share":
                found = _share_target(spec, evaluation, scope, base_of)
            else:
                found = _rate_target(spec, cohorts, table, scope, base_of)
            per_target.append(found)
        # grouped by unit and year, then in the file's order of targets
        order = sorted(range(len(units)), key=lambda i: (str(units["code"].iat[i]),
                                                         _year(units["year"].iat[i]) or 0))
        for i in order:
            outcomes.extend(found[i] for found in per_target)
    return outcomes

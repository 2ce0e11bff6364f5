"""One indicator over all communes at once, compared exactly on integers.

A rate passes when numerator × 100 × q ≥ p × denominator, where p/q is the
threshold as a fraction: no float is ever rounded before the comparison, so
89.995% fails a 90% test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pcgd_cli.count_table import CountTable
from pcgd_cli.engine.exact import reaches, short_of
from pcgd_cli.engine.results import Check, IndicatorResult
from pcgd_cli.rules.model import CohortSpec, IndicatorSpec, RuleSet, as_fraction


def rate_sides(table: CountTable, cohort_specs: Mapping[str, CohortSpec],
               numerator: Sequence[str], cohorts: Sequence[str]):
    """Σ numerator columns, Σ (total − excluded) of the cohorts, Σ excluded, and where any
    value needed is missing, for every commune."""
    n = len(table)
    num = np.zeros(n, dtype=np.int64)
    total = np.zeros(n, dtype=np.int64)
    excluded = np.zeros(n, dtype=np.int64)
    missing = np.zeros(n, dtype=bool)
    for col in numerator:
        values, miss = table.column(col)
        num += values
        missing |= miss
    for name in cohorts:
        cohort = cohort_specs[name]
        values, miss = table.column(cohort.total)
        total += values
        missing |= miss
        if cohort.excluded:
            # validation reads an empty "excluded" cell as 0 and an absent column means
            # nobody excluded; missing here is an invalid cell or a commune absent from
            # the sheet that has the column
            values, miss = table.column(cohort.excluded, absent_is_zero=True)
            excluded += values
            missing |= miss
    return num, total - excluded, excluded, missing


def evaluate_indicator(spec: IndicatorSpec, rules: RuleSet, table: CountTable,
                       disadvantaged: np.ndarray) -> IndicatorResult:
    n = len(table)
    zeros = np.zeros(n, dtype=np.int64)
    absent = not any(c in table.present for c in spec.columns(rules.cohorts))
    if spec.optional and absent:
        check = np.full(n, Check.NOT_CHECKED, dtype=np.int8)
        return IndicatorResult(spec, zeros, zeros, zeros, np.full(n, spec.threshold),
                               np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int8), check, zeros)

    if spec.kind == "yesno":
        values, missing = table.column(spec.column)
        check = np.where(missing, Check.MISSING,
                         np.where(values > 0, Check.PASS, Check.FAIL)).astype(np.int8)
        return IndicatorResult(spec, values, np.ones(n, dtype=np.int64), zeros,
                               np.full(n, spec.threshold), np.zeros(n, dtype=bool),
                               np.zeros(n, dtype=np.int8), check, zeros)

    normal = as_fraction(spec.threshold)
    base = _Judged.of(*rate_sides(table, rules.cohorts, spec.numerator, spec.cohort), normal)
    override = spec.disadvantaged
    if override is None:
        return base.result(spec, np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int8))
    special = as_fraction(override.threshold) if override.threshold is not None else normal
    switches_band = bool(override.numerator or override.cohort)
    alt = _Judged.of(*(rate_sides(table, rules.cohorts, override.numerator or spec.numerator,
                             override.cohort or spec.cohort) if switches_band
                       else (base.num, base.den, base.exc, base.missing)), special)
    known = ~np.isnan(disadvantaged)
    flag = known & (disadvantaged > 0)
    # An unknown ĐBKK flag (invalid or conflicting cell) decides nothing by itself:
    # the verdict stands only where both readings agree; otherwise the data is missing.
    agree = base.check == alt.check
    pick = np.where(known, flag, False)
    judged = _Judged.select(pick, alt, base)
    judged.check = np.where(known | agree, judged.check, Check.MISSING).astype(np.int8)
    judged.shortfall = np.where(judged.check == Check.FAIL, judged.shortfall, 0)
    cohort_key = (pick & switches_band).astype(np.int8)
    result = judged.result(spec, pick, cohort_key)
    if switches_band:  # district sums add the normal band of every commune, never a mix
        result.normal = (base.num, base.den, base.exc, base.check)
    return result


@dataclass
class _Judged:
    """One reading of an indicator (normal, or the ĐBKK variant) for every commune."""

    num: np.ndarray
    den: np.ndarray
    exc: np.ndarray
    missing: np.ndarray
    threshold: np.ndarray  # percent per commune, for display (the test used Fractions)
    check: np.ndarray
    shortfall: np.ndarray

    @classmethod
    def of(cls, num, den, exc, missing, threshold: Fraction) -> _Judged:
        passed = reaches(num, den, threshold)
        check = np.where(missing | (den < 0), Check.MISSING,
                         np.where(den == 0, Check.NOT_APPLICABLE,
                                  np.where(passed, Check.PASS, Check.FAIL))).astype(np.int8)
        shortfall = np.where(check == Check.FAIL, short_of(num, den, threshold), 0)
        return cls(num, den, exc, missing, np.full(len(num), float(threshold)), check,
                   shortfall)

    @classmethod
    def select(cls, mask: np.ndarray, yes: _Judged, no: _Judged) -> _Judged:
        def pick(a, b):
            return np.where(mask, a, b)
        return cls(pick(yes.num, no.num), pick(yes.den, no.den), pick(yes.exc, no.exc),
                   pick(yes.missing, no.missing), pick(yes.threshold, no.threshold),
                   pick(yes.check, no.check).astype(np.int8),
                   pick(yes.shortfall, no.shortfall))

    def result(self, spec: IndicatorSpec, dis_rule: np.ndarray,
               cohort_key: np.ndarray) -> IndicatorResult:
        return IndicatorResult(spec, self.num, self.den, self.exc, self.threshold, dis_rule,
                               cohort_key, self.check, self.shortfall)

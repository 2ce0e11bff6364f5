"""One indicator over all communes at once, compared exactly on integers.

A rate passes when numerator × 100 × q ≥ p × denominator, where p/q is the
threshold as a fraction: no float is ever rounded before the comparison, so
89.995% fails a 90% test.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import lcm

import numpy as np

from pcgd_cli.engine.results import Check, IndicatorResult
from pcgd_cli.rules.model import IndicatorSpec, RuleSet, as_fraction


@dataclass
class Columns:
    """Count columns as int64 with a missing mask; absent columns are all missing."""

    values: dict[str, np.ndarray]
    missing: dict[str, np.ndarray]
    present: set[str]
    n: int

    @classmethod
    def from_frame(cls, frame, keys: list[str], present: set[str]) -> Columns:
        values, missing = {}, {}
        for key in keys:
            if key in frame:
                raw = frame[key].to_numpy(dtype=float, na_value=np.nan)
                missing[key] = np.isnan(raw)
                values[key] = np.where(missing[key], 0, raw).astype(np.int64)
        return cls(values, missing, present, len(frame))

    def get(self, key: str, default_zero: bool = False) -> tuple[np.ndarray, np.ndarray]:
        if key in self.values:
            # validation already read an empty "excluded" cell as 0; NaN here is
            # an invalid cell or a commune absent from the sheet: missing
            return self.values[key], self.missing[key]
        zeros = np.zeros(self.n, dtype=np.int64)
        # an absent "excluded" column means nobody excluded
        return zeros, np.full(self.n, not default_zero)


def _side(columns: Columns, rules: RuleSet, numerator: list[str], cohorts: list[str]):
    num = np.zeros(columns.n, dtype=np.int64)
    total = np.zeros(columns.n, dtype=np.int64)
    excluded = np.zeros(columns.n, dtype=np.int64)
    missing = np.zeros(columns.n, dtype=bool)
    for col in numerator:
        values, miss = columns.get(col)
        num += values
        missing |= miss
    for name in cohorts:
        cohort = rules.cohorts[name]
        values, miss = columns.get(cohort.total)
        total += values
        missing |= miss
        if cohort.excluded:
            values, miss = columns.get(cohort.excluded, default_zero=True)
            excluded += values
            missing |= miss
    return num, total - excluded, excluded, missing


def indicator_columns(spec: IndicatorSpec, rules: RuleSet) -> list[str]:
    """Every input column the indicator reads (normal and ĐBKK variants)."""
    cols = list(spec.numerator)
    cohorts = list(spec.cohort)
    if spec.disadvantaged:
        cols += spec.disadvantaged.numerator or []
        cohorts += spec.disadvantaged.cohort or []
    for name in cohorts:
        cohort = rules.cohorts[name]
        cols += [cohort.total] + ([cohort.excluded] if cohort.excluded else [])
    if spec.column:
        cols.append(spec.column)
    return list(dict.fromkeys(cols))


def _exact_pass(num: np.ndarray, den: np.ndarray, p: np.ndarray, q: int) -> np.ndarray:
    return num * (100 * q) >= p * den


def _shortfall(num: np.ndarray, den: np.ndarray, p: np.ndarray, q: int) -> np.ndarray:
    # smallest whole number of people: ceil(threshold × denominator / 100) − numerator
    need = -((-p * den) // (100 * q))
    return np.maximum(need - num, 0)


def evaluate_indicator(spec: IndicatorSpec, rules: RuleSet, columns: Columns,
                       disadvantaged: np.ndarray) -> IndicatorResult:
    n = columns.n
    zeros = np.zeros(n, dtype=np.int64)
    absent = not any(c in columns.present for c in indicator_columns(spec, rules))
    if spec.optional and absent:
        check = np.full(n, Check.NOT_CHECKED, dtype=np.int8)
        return IndicatorResult(spec, zeros, zeros, zeros, np.full(n, spec.threshold),
                               np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int8), check, zeros)

    if spec.kind == "yesno":
        values, missing = columns.get(spec.column)
        check = np.where(missing, Check.MISSING,
                         np.where(values > 0, Check.PASS, Check.FAIL)).astype(np.int8)
        return IndicatorResult(spec, values, np.ones(n, dtype=np.int64), zeros,
                               np.full(n, spec.threshold), np.zeros(n, dtype=bool),
                               np.zeros(n, dtype=np.int8), check, zeros)

    num, den, exc, missing = _side(columns, rules, spec.numerator, spec.cohort)
    normal = as_fraction(spec.threshold)
    special = normal
    dis_rule = np.zeros(n, dtype=bool)
    cohort_key = np.zeros(n, dtype=np.int8)
    override = spec.disadvantaged
    if override is not None:
        if override.threshold is not None:
            special = as_fraction(override.threshold)
        dis_rule = disadvantaged.copy()
        if override.numerator or override.cohort:
            d_num, d_den, d_exc, d_missing = _side(
                columns, rules, override.numerator or spec.numerator,
                override.cohort or spec.cohort)
            num = np.where(dis_rule, d_num, num)
            den = np.where(dis_rule, d_den, den)
            exc = np.where(dis_rule, d_exc, exc)
            missing = np.where(dis_rule, d_missing, missing)
            cohort_key = dis_rule.astype(np.int8)
    q = lcm(normal.denominator, special.denominator)
    p = np.where(dis_rule, special.numerator * (q // special.denominator),
                 normal.numerator * (q // normal.denominator)).astype(np.int64)
    passed = _exact_pass(num, den, p, q)
    check = np.where(missing | (den < 0), Check.MISSING,
                     np.where(den == 0, Check.NOT_APPLICABLE,
                              np.where(passed, Check.PASS, Check.FAIL))).astype(np.int8)
    shortfall = np.where(check == Check.FAIL, _shortfall(num, den, p, q), 0)
    threshold = np.where(dis_rule, float(special), float(normal))
    return IndicatorResult(spec, num, den, exc, threshold, dis_rule, cohort_key, check, shortfall)

"""Checks across columns of one commune, and columns a standard needs but lacks.

Run after the table is built and before the engine: a failed check is an error
finding naming the cell, and the values involved are made missing, so the
engine finds the commune "insufficient data" for every standard those columns
feed (never a verdict on counts known to be wrong).

Checks come from the rule files and the plan-target files in use: each rate
indicator's (or rate target's) numerator may not exceed its cohorts' total −
excluded; a cohort's excluded may not exceed its total; and the rule set's own
``checks:`` (column ≤ at_most).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pcgd_cli.findings import CATALOG, Finding
from pcgd_cli.rules.model import CohortSpec, IndicatorSpec, RuleSet
from pcgd_cli.rules.target_model import TargetSet
from pcgd_cli.validation.catalog import ColumnCatalog
from pcgd_cli.validation.table import UnitTable

MAX_FINDINGS_PER_CHECK = 5000  # beyond this the file is wrong throughout; keep the report usable


@dataclass(frozen=True)
class _Check:
    code: str
    left: tuple[str, ...]  # summed
    right: tuple[str, ...]  # summed
    minus: tuple[str, ...] = ()  # subtracted from the right side (excluded; empty = 0)


def _rate_sides(ind: IndicatorSpec, rules: RuleSet) -> list[tuple[list[str], list[str]]]:
    sides = [(ind.numerator, ind.cohort)]
    if ind.disadvantaged and (ind.disadvantaged.numerator or ind.disadvantaged.cohort):
        sides.append((ind.disadvantaged.numerator or ind.numerator,
                      ind.disadvantaged.cohort or ind.cohort))
    return sides


def _all_indicators(rules: RuleSet) -> list[IndicatorSpec]:
    return [ind for std in rules.standards.values() for ind in rules.standard_indicators(std)]


def _rate_check(numerator: list[str], cohorts: list[CohortSpec]) -> _Check:
    return _Check("numerator_above_denominator", tuple(numerator),
                  tuple(s.total for s in cohorts),
                  tuple(s.excluded for s in cohorts if s.excluded))


def derived_checks(rule_sets: list[RuleSet], target_sets: list[TargetSet] | tuple = ()
                   ) -> list[_Check]:
    """Every check the rule and target files imply, once each, in a stable order."""
    checks: dict[_Check, None] = {}
    for source in [*rule_sets, *target_sets]:
        for cohort in source.cohorts.values():
            if cohort.excluded:
                checks[_Check("excluded_above_total", (cohort.excluded,), (cohort.total,))] = None
    for rules in rule_sets:
        for ind in _all_indicators(rules):
            if ind.kind != "rate":
                continue
            for numerator, cohorts in _rate_sides(ind, rules):
                checks[_rate_check(numerator, [rules.cohorts[c] for c in cohorts])] = None
        for check in rules.checks:
            checks[_Check(check.code, (check.column,), (check.at_most,))] = None
    for ts in target_sets:
        cohorts = ts.cohorts_with(rule_sets)
        for target in ts.targets:
            if target.kind == "rate":
                checks[_rate_check(target.numerator, [cohorts[c] for c in target.cohort])] = None
    return list(checks)


def _excluded_of(sources: list[RuleSet | TargetSet]) -> dict[str, str]:
    return {c.excluded: c.total for rs in sources for c in rs.cohorts.values() if c.excluded}


def _mark_missing(table: UnitTable, rows: np.ndarray, columns: tuple[str, ...]) -> None:
    for col in columns:
        if col in table.frame and len(rows):
            values = table.frame[col].to_numpy(dtype=float, copy=True)
            values[rows] = np.nan
            table.frame[col] = values
            table.invalid.update((int(i), col) for i in rows)


def check_consistency(table: UnitTable, rule_sets: list[RuleSet],
                      target_sets: list[TargetSet] | tuple = ()) -> list[Finding]:
    """Cross-column errors; the cells involved become missing in ``table.frame``."""
    frame = table.frame
    findings: list[Finding] = []
    # the engine reads an empty "excluded" as 0: one in error must make the
    # cohort unknown instead, through its total
    excluded_of = _excluded_of([*rule_sets, *target_sets])
    bad_excluded: dict[str, list[int]] = {}
    for row, col in table.invalid:
        if col in excluded_of:
            bad_excluded.setdefault(excluded_of[col], []).append(row)
    for total, rows in bad_excluded.items():
        _mark_missing(table, np.array(sorted(rows), dtype=np.int64), (total,))

    for check in derived_checks(rule_sets, target_sets):
        needed = (*check.left, *check.right)
        if not all(c in frame for c in needed):
            continue
        left = np.zeros(len(frame))
        for col in check.left:
            left = left + frame[col].to_numpy(dtype=float, na_value=np.nan)
        right = np.zeros(len(frame))
        for col in check.right:
            right = right + frame[col].to_numpy(dtype=float, na_value=np.nan)
        for col in check.minus:
            if col in frame:
                right = right - np.nan_to_num(frame[col].to_numpy(dtype=float, na_value=np.nan))
        with np.errstate(invalid="ignore"):
            wrong = np.flatnonzero(left > right)  # NaN compares False: unknown is not wrong
        if not len(wrong):
            continue
        code = check.code if check.code in CATALOG else "column_above_column"
        for i in wrong[:MAX_FINDINGS_PER_CHECK]:
            file, sheet, cell, row = table.locate(int(i), check.left[0])
            findings.append(Finding(
                "error", code, file, sheet, cell, row, "+".join(check.left),
                _number(left[i]), unit=str(frame["commune_code"].iat[int(i)]),
                extra=_right_text(check, right[i])))
        _mark_missing(table, wrong, (*check.left, *check.right, *check.minus))
    return findings


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _right_text(check: _Check, value: float) -> str:
    """"age6_total − age6_excluded = 40": which columns, and what they come to."""
    formula = " + ".join(check.right)
    if check.minus:
        formula += " − " + " − ".join(check.minus)
    return f"{formula} = {_number(value)}" if len(check.right) + len(check.minus) > 1 \
        else f"{formula} {_number(value)}"


def missing_columns(table: UnitTable, rule_sets: list[RuleSet], catalog: ColumnCatalog
                    ) -> list[Finding]:
    """A standard with some of its columns present but others absent: each absent
    one is an error (the standard is "insufficient data" for every commune)."""
    present = table.columns_present
    # an unknown flag (NaN) may be ĐBKK: its variant's columns may be needed too
    any_disadvantaged = bool((table.frame["disadvantaged"] != 0).any())
    findings = []
    for rules in rule_sets:
        for sid, std in rules.standards.items():
            needed: dict[str, None] = {}
            every: dict[str, None] = {}
            for ind in rules.standard_indicators(std):
                if ind.optional or ind.kind != "rate":
                    continue
                sides = _rate_sides(ind, rules)
                for k, (numerator, cohorts) in enumerate(sides):
                    # the ĐBKK variant's columns are needed only if a commune is ĐBKK
                    wanted = k == 0 or any_disadvantaged
                    for col in numerator:
                        every[col] = None
                        if wanted:
                            needed[col] = None
                    for c in cohorts:
                        cohort = rules.cohorts[c]
                        every[cohort.total] = None
                        if cohort.excluded:
                            every[cohort.excluded] = None
                        if wanted:
                            needed[cohort.total] = None
            if not (set(every) & present):
                continue  # not evaluated at all: the engine says so
            # A warning, not an error: the contract makes the communes concerned
            # "insufficient data", a verdict the report shows; the run is valid.
            for col in needed:
                if col not in present:
                    findings.append(Finding("warning", "column_missing", column=col,
                                            value=catalog.labels(col), extra=sid))
    return findings

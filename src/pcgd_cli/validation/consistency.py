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

from pcgd_cli.count_table import CountTable
from pcgd_cli.findings import Finding
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.model import CohortSpec

MAX_FINDINGS_PER_CHECK = 5000  # beyond this the file is wrong throughout; keep the report usable


@dataclass(frozen=True)
class _Check:
    code: str
    left: tuple[str, ...]  # summed
    right: tuple[str, ...]  # summed
    minus: tuple[str, ...] = ()  # subtracted from the right side (excluded; empty = 0)


def _rate_check(numerator: tuple[str, ...], cohorts: list[CohortSpec]) -> _Check:
    return _Check("numerator_above_denominator", tuple(numerator),
                  tuple(s.total for s in cohorts),
                  tuple(s.excluded for s in cohorts if s.excluded))


def derived_checks(book: RuleBook) -> list[_Check]:
    """Every check the rule and target files imply, once each, in a stable order."""
    checks: dict[_Check, None] = {}
    for source in book.files:
        for cohort in source.cohorts.values():
            if cohort.excluded:
                checks[_Check("excluded_above_total", (cohort.excluded,), (cohort.total,))] = None
    for rules in book.rule_sets:
        for std in rules.standards.values():
            for ind in rules.standard_indicators(std):
                # an older reading the test declares is checked too when its columns are there
                older = ind.fallen_back().readings() if ind.fallback is not None else []
                for reading in [*ind.readings(), *older]:
                    checks[_rate_check(reading.numerator,
                                       [rules.cohorts[c] for c in reading.cohorts])] = None
        for check in rules.checks:
            checks[_Check(check.code, (check.column,), (check.at_most,))] = None
    for ts in book.target_sets:
        cohorts = ts.cohorts_with(book.rule_sets)
        for target in ts.targets:
            if target.kind == "rate":
                checks[_rate_check(tuple(target.numerator),
                                   [cohorts[c] for c in target.cohort])] = None
    return list(checks)


def check_consistency(table: CountTable, book: RuleBook
                      ) -> tuple[list[Finding], dict[str, set[int]]]:
    """Cross-column errors, and the cells they make missing: {column: rows}.

    The table is not changed; checks run in order on a working copy, so a cell
    blanked by one check is unknown (never wrong) to the next."""
    findings: list[Finding] = []
    blanks: dict[str, set[int]] = {}
    working: dict[str, np.ndarray] = {}

    def values(col: str) -> np.ndarray:
        if col not in working:
            working[col] = table.as_float(col)
        return working[col]

    def blank(rows: np.ndarray, columns: tuple[str, ...]) -> None:
        for col in columns:
            if col in table.values and len(rows):
                values(col)[rows] = np.nan
                blanks.setdefault(col, set()).update(int(i) for i in rows)

    # the engine reads an empty "excluded" as 0: one in error must make the
    # cohort unknown instead, through its total
    excluded_of = book.excluded_columns
    bad_excluded: dict[str, list[int]] = {}
    for row, col in table.invalid:
        if col in excluded_of:
            bad_excluded.setdefault(excluded_of[col], []).append(row)
    for total, rows in bad_excluded.items():
        blank(np.array(sorted(rows), dtype=np.int64), (total,))

    codes = table.codes
    for check in derived_checks(book):
        if not all(c in table.values for c in (*check.left, *check.right)):
            continue
        left = np.zeros(len(table))
        for col in check.left:
            left = left + values(col)
        right = np.zeros(len(table))
        for col in check.right:
            right = right + values(col)
        for col in check.minus:
            if col in table.values:
                right = right - np.nan_to_num(values(col))
        with np.errstate(invalid="ignore"):
            wrong = np.flatnonzero(left > right)  # NaN compares False: unknown is not wrong
        if not len(wrong):
            continue
        for i in wrong[:MAX_FINDINGS_PER_CHECK]:
            file, sheet, cell, row = table.locate(int(i), check.left[0])
            findings.append(Finding(
                "error", check.code, file, sheet, cell, row, "+".join(check.left),
                _number(left[i]), unit=str(codes[int(i)]),
                extra=_right_text(check, right[i])))
        blank(wrong, (*check.left, *check.right, *check.minus))
    return findings, blanks


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _right_text(check: _Check, value: float) -> str:
    """"age6_total − age6_excluded = 40": which columns, and what they come to."""
    formula = " + ".join(check.right)
    if check.minus:
        formula += " − " + " − ".join(check.minus)
    return f"{formula} = {_number(value)}" if len(check.right) + len(check.minus) > 1 \
        else f"{formula} {_number(value)}"


def missing_columns(table: CountTable, book: RuleBook) -> list[Finding]:
    """A standard with some of its columns present but others absent: each absent
    one is a warning (the standard is "insufficient data" for every commune)."""
    present = table.present
    # an unknown flag (NaN) may be ĐBKK: its variant's columns may be needed too
    any_disadvantaged = bool((table.units["disadvantaged"] != 0).any())
    findings = []
    for rules in book.rule_sets:
        for sid, std in rules.standards.items():
            needed: dict[str, None] = {}
            for ind in rules.standard_indicators(std):
                if ind.optional or ind.kind != "rate":
                    continue
                for reading in ind.readings():
                    # the ĐBKK variant's columns are needed only if a commune is ĐBKK
                    if reading.disadvantaged and not any_disadvantaged:
                        continue
                    needed.update(dict.fromkeys(reading.numerator))
                    needed.update(dict.fromkeys(rules.cohorts[c].total
                                                for c in reading.cohorts))
            if not (rules.core_columns(std) & present):
                continue  # not evaluated at all: the engine says so
            # A warning, not an error: the contract makes the communes concerned
            # "insufficient data", a verdict the report shows; the run is valid.
            for col in needed:
                if col not in present:
                    findings.append(Finding("warning", "column_missing", column=col,
                                            value=book.header_names(col), extra=sid,
                                            params={"standard": sid}))
    return findings

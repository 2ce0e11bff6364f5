"""Every standard and level for every commune (per year), in one vectorised pass."""

from __future__ import annotations

import numpy as np

from pcgd_cli.count_table import CountTable
from pcgd_cli.engine.indicators import evaluate_indicator
from pcgd_cli.engine.results import (
    Check,
    LevelResult,
    RequirementResult,
    StandardResult,
    Status,
)
from pcgd_cli.rules.model import RuleSet


def combine_statuses(checks: list[np.ndarray], requirements: list[np.ndarray],
                     n: int) -> np.ndarray:
    """A level fails on any failed test or unmet prerequisite; else is unknown on any gap."""
    failed = np.zeros(n, dtype=bool)
    unknown = np.zeros(n, dtype=bool)
    for check in checks:
        failed |= check == Check.FAIL
        unknown |= check == Check.MISSING
    for status in requirements:
        failed |= status == Status.NOT_MET
        unknown |= (status == Status.INSUFFICIENT) | (status == Status.NOT_EVALUATED)
    return np.where(failed, Status.NOT_MET,
                    np.where(unknown, Status.INSUFFICIENT, Status.MET)).astype(np.int8)


def standard_level(level_statuses: list[np.ndarray],
                   n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The standard's status, its level and the highest level known to be met.

    The level is the highest level met (0 when none), but only when no level above
    it is unknown: a commune meeting level 1 with level 2's data missing has an
    unknown level (insufficient data, level null) that is at least 1.
    """
    at_least = np.zeros(n, dtype=np.int64)
    for number, status in enumerate(level_statuses, start=1):
        at_least = np.where(status == Status.MET, number, at_least)
    unknown_above = np.zeros(n, dtype=bool)
    for number, status in enumerate(level_statuses, start=1):
        unknown_above |= (status == Status.INSUFFICIENT) & (number > at_least)
    status = np.where(unknown_above, Status.INSUFFICIENT,
                      np.where(at_least > 0, Status.MET, Status.NOT_MET)).astype(np.int8)
    level = np.where(unknown_above, -1, at_least)
    return status, level, at_least


def evaluate_communes(table: CountTable,
                      rule_sets: list[RuleSet]) -> dict[str, StandardResult]:
    owner = {sid: rs for rs in rule_sets for sid in rs.standards}
    communes = _Communes(table, owner)
    for sid in owner:
        communes.result(sid)
    return {sid: communes.results[sid] for sid in owner}


class _Communes:
    """Every standard for every commune, each evaluated once, when first needed (a level
    can require a level of another standard). A class rather than two nested functions
    calling each other: those held each other, and so the table, until a cyclic
    collection, which a check pauses (heap.py)."""

    def __init__(self, table: CountTable, owner: dict[str, RuleSet]) -> None:
        self.table, self.owner = table, owner
        self.n = len(table)
        # 1.0 ĐBKK, 0.0 not, NaN unknown (an invalid or conflicting cell)
        self.disadvantaged = table.disadvantaged
        self.results: dict[str, StandardResult] = {}

    def result(self, sid: str) -> StandardResult:
        if sid not in self.results:
            self._evaluate(sid)
        return self.results[sid]

    def _evaluate(self, sid: str) -> None:
        n, results = self.n, self.results
        rules = self.owner[sid]
        std = rules.standards[sid]
        evaluated = bool(rules.core_columns(std) & self.table.present)
        if not evaluated:
            none = np.full(n, Status.NOT_EVALUATED, dtype=np.int8)
            levels = [LevelResult(lv, none, []) for lv in std.levels]
            results[sid] = StandardResult(sid, std, rules.id, False, none,
                                          np.full(n, -1, dtype=np.int64), levels)
            return
        levels: list[LevelResult] = []
        results[sid] = StandardResult(sid, std, rules.id, True, np.empty(0), np.empty(0), levels)
        for lv in std.levels:
            indicators = [evaluate_indicator(ind, rules, self.table, self.disadvantaged)
                          for ind in rules.level_indicators(std, lv)]
            reqs = []
            for req in lv.requires:
                other = req.standard or sid
                status = (levels[req.level - 1].status if other == sid
                          else self.result(other).levels[req.level - 1].status)
                reqs.append(RequirementResult(other, req.level, status))
            status = combine_statuses([i.check for i in indicators],
                                      [r.status for r in reqs], n)
            levels.append(LevelResult(lv, status, indicators, reqs))
        status, level, at_least = standard_level([lv.status for lv in levels], n)
        results[sid].status = status
        results[sid].level = level
        results[sid].level_at_least = at_least

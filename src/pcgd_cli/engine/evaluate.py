"""The engine's entry point: communes, then every tier above them."""

from __future__ import annotations

import numpy as np

from pcgd_cli.count_table import CountTable
from pcgd_cli.engine.communes import evaluate_communes
from pcgd_cli.engine.results import Check, Evaluation, Status
from pcgd_cli.engine.rollup import roll_up
from pcgd_cli.findings import Finding
from pcgd_cli.rules.model import RuleSet


def evaluate_units(table: CountTable,
                   rule_sets: list[RuleSet]) -> tuple[Evaluation, list[Finding]]:
    """Judge every commune, roll up, and note results that look inconsistent."""
    communes = evaluate_communes(table, rule_sets)
    tiers = roll_up(table, communes, rule_sets)
    codes = table.codes
    notes = _level_gaps(codes, communes) + _not_applicable(codes, communes)
    return Evaluation(rule_sets, tiers, two_tier=not table.has_districts), notes


def _level_gaps(codes: np.ndarray, communes) -> list[Finding]:
    """A commune meeting a level but not a lower one (possible only where levels are
    independent, as literacy 1 and 2 are) is worth a second look at its counts."""
    findings = []
    for result in communes.values():
        for upper in range(1, len(result.levels)):
            met_upper = result.levels[upper].status == Status.MET
            for lower in range(upper):
                odd = met_upper & (result.levels[lower].status == Status.NOT_MET)
                for i in np.flatnonzero(odd):
                    findings.append(Finding("warning", "level2_without_level1",
                                            column=result.id, unit=str(codes[i]),
                                            params={"upper": str(upper + 1),
                                                    "lower": str(lower + 1)}))
    return findings


def _not_applicable(codes: np.ndarray, communes) -> list[Finding]:
    """A test with nobody to count (zero denominator) does not block a level; the
    report says so once per commune and test, so a "met" never hides an empty cohort."""
    findings = []
    for result in communes.values():
        seen: set[tuple[str, int]] = set()
        for level in result.levels:
            for ind in level.indicators:
                for i in np.flatnonzero(ind.check == Check.NOT_APPLICABLE).tolist():
                    if (ind.spec.id, i) in seen:
                        continue
                    seen.add((ind.spec.id, i))
                    findings.append(Finding("info", "not_applicable", column=result.id,
                                            unit=str(codes[i]), value=ind.spec.id,
                                            params={"standard": result.id,
                                                    "test": ind.spec.id}))
    return findings

"""``--split-by province``: one province's part of a report, as if it had been checked
alone, for a workbook of its own.

The engine judges each province on its own units (shares of its districts or
communes), so a province's part of the national evaluation is exactly its own
evaluation: every array of every tier is cut to the units inside the province and
the nation tier is left out. Its findings are those about its units, plus those about
no unit (a header, a file); its plan targets those scoped to its units.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

import numpy as np

from pcgd_cli.engine.results import Evaluation, TierResult
from pcgd_cli.report_model import Report


def _cut(value: object, keep: np.ndarray, n: int) -> object:
    """``value`` with every array over the ``n`` units of a tier cut to ``keep``:
    through the engine's result dataclasses, lists and tuples; anything else (rule
    specs, numbers) as it is."""
    if isinstance(value, np.ndarray):
        return value[keep] if value.ndim == 1 and len(value) == n else value
    if isinstance(value, list):
        return [_cut(v, keep, n) for v in value]
    if isinstance(value, tuple):
        return tuple(_cut(v, keep, n) for v in value)
    if isinstance(value, dict):
        return {k: _cut(v, keep, n) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _cut(getattr(value, f.name), keep, n)
                                 for f in fields(value) if f.init})
    return value


def _cut_tier(tier: TierResult, keep: np.ndarray, communes: np.ndarray) -> TierResult:
    """The tier's units inside the province; ``communes``: the kept commune rows."""
    n = len(tier)
    new_index = np.cumsum(keep) - 1  # old unit index -> index among the kept units
    member_of = None if tier.member_of is None else new_index[tier.member_of[communes]]
    return replace(tier, units=tier.units[keep].reset_index(drop=True),
                   standards=_cut(tier.standards, keep, n), member_of=member_of)


def province_evaluation(evaluation: Evaluation, code: str) -> Evaluation:
    """The evaluation of the province ``code`` (every year), without the nation."""
    depth = next(k for k, tr in enumerate(evaluation.tiers) if tr.tier == "province")
    province = evaluation.tiers[depth]
    codes = province.units["code"].astype(str).to_numpy()
    communes = codes[province.member_of] == code  # the commune rows of the province
    tiers = []
    for tier in evaluation.tiers[:depth + 1]:
        keep = np.zeros(len(tier), dtype=bool)
        keep[tier.member_of[communes]] = True
        tiers.append(_cut_tier(tier, keep, communes))
    return replace(evaluation, tiers=tiers)


def province_codes(evaluation: Evaluation) -> list[tuple[str, str]]:
    """(code, name) of every province in the data, in the evaluation's order."""
    province = evaluation.tier("province")
    if province is None:
        return []
    seen: dict[str, str] = {}
    for code, name in zip(province.units["code"].astype(str), province.units["name"],
                          strict=True):
        seen.setdefault(code, str(name or code))
    return list(seen.items())


def province_report(report: Report, code: str) -> Report:
    """The report of one province: its evaluation, findings and plan targets."""
    evaluation = province_evaluation(report.evaluation, code)
    units = {str(c) for tier in evaluation.tiers for c in tier.units["code"]}
    scoped = {(tier.tier, str(c)) for tier in evaluation.tiers for c in tier.units["code"]}
    findings = [f for f in report.findings if not f.unit or f.unit in units]
    targets = [o for o in report.targets if (o.scope, str(o.code)) in scoped]
    return replace(report, evaluation=evaluation, findings=findings, targets=targets)

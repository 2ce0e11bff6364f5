"""Plan-target outcomes as the report's TargetResults, with sentences in vi or en."""

from __future__ import annotations

import math

from pcgd_cli.engine.results import STATUS_NAMES, Status
from pcgd_cli.engine.targets import TargetOutcome
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.report_model import TargetResult
from pcgd_cli.rules.model import RuleSet


def _standard_short(sid: str | None, rule_sets: list[RuleSet], lang: str) -> str:
    for rs in rule_sets:
        if sid in rs.standards:
            return rs.standards[sid].short.get(lang)
    return sid or ""


def gap_sentence(o: TargetOutcome, rule_sets: list[RuleSet], lang: str) -> str:
    """What is missing: "cần thêm 2 huyện đạt PCGD THCS mức độ 3", "cần thêm 57 học sinh
    vào GDNN"; or why the target could not be judged."""
    spec = o.spec
    units = tier_name(o.units_of, lang) if o.units_of else ""
    if o.status == Status.MET:
        return ""
    if o.status == Status.NOT_EVALUATED:
        key = {"no_tier": "target_no_tier", "no_columns": "target_no_columns",
               "no_units": "target_no_units"}.get(o.reason, "target_not_evaluated")
        return t(key, lang, units=units,
                 standard=_standard_short(spec.standard, rule_sets, lang),
                 columns=", ".join(spec.numerator))
    if o.status == Status.INSUFFICIENT:
        what = (tier_name(o.units_of, lang, o.unknown) if spec.kind != "rate" and o.units_of
                else tier_name("commune", lang, o.unknown))
        return t("target_unknown", lang, n=o.unknown, units=what)
    if spec.kind == "rate":
        cohorts = o.target_set.cohorts_with(rule_sets)
        cohort = " + ".join(cohorts[c].label.get(lang) for c in spec.cohort if c in cohorts)
        return spec.gap.get(lang).format(n=o.shortfall, cohort=cohort)
    return t("gap_units", lang, n=o.shortfall,
             units=tier_name(o.units_of, lang, o.shortfall) if o.units_of else "",
             standard=_standard_short(spec.standard, rule_sets, lang), level=spec.level)


def target_results(outcomes: list[TargetOutcome], rule_sets: list[RuleSet],
                   lang: str) -> list[TargetResult]:
    results = []
    for o in outcomes:
        spec = o.spec
        details: dict = {}
        if spec.kind == "level":
            value = o.level
            required: float = spec.level
            unit = "level"
            if o.share is not None and o.share.required is not None:
                details = {"units": o.units_of, "met": o.numerator, "of": o.denominator,
                           "unknown": o.unknown, "required_share": o.share.required}
        else:
            # cut, not rounded: a failing 97.996% never shows as 98.00
            value = None if o.value is None else math.floor(o.value * 100) / 100
            required = spec.threshold
            unit = "%"
            details = {"numerator": o.numerator, "denominator": o.denominator,
                       "unknown": o.unknown, "shortfall": o.shortfall}
            if spec.kind == "share":
                details["units"] = o.units_of
            else:
                details["excluded"] = o.excluded
        if o.reason:
            details["reason"] = o.reason
        results.append(TargetResult(
            id=spec.id, description=spec.label.get(lang), value=value, target=required,
            met=o.met, unit=unit, gap=gap_sentence(o, rule_sets, lang), year=o.year,
            details=details, target_set=o.target_set.id, kind=spec.kind,
            status=STATUS_NAMES[o.status], scope=o.scope, code=o.code, name=o.name,
            provisional=o.provisional))
    return results

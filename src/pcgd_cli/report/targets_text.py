"""Plan-target outcomes as people read them: values, requirements and sentences in vi
or en. The engine's outcomes carry numbers; every reporter renders them through here."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pcgd_cli.engine.results import STATUS_NAMES, Status
from pcgd_cli.engine.targets import TargetOutcome
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.rules.book import RuleBook


@dataclass
class TargetResult:
    """One target outcome, rendered in one language for a reporter."""

    id: str
    description: str
    value: float | None
    target: float
    met: bool | None
    unit: str = "%"
    gap: str = ""
    year: int | None = None
    details: dict = field(default_factory=dict)
    # which plan, which kind of target, for which unit
    target_set: str = ""
    kind: str = ""
    status: str = ""
    scope: str = ""
    code: str = ""
    name: str = ""
    provisional: bool = False


def _standard_short(sid: str | None, book: RuleBook, lang: str) -> str:
    short = book.standard_short(sid)
    return short.get(lang) if short is not None else (sid or "")


def gap_sentence(o: TargetOutcome, book: RuleBook, lang: str) -> str:
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
                 standard=_standard_short(spec.standard, book, lang),
                 columns=", ".join(spec.numerator))
    if o.status == Status.INSUFFICIENT:
        what = (tier_name(o.units_of, lang, o.unknown) if spec.kind != "rate" and o.units_of
                else tier_name("commune", lang, o.unknown))
        return t("target_unknown", lang, n=o.unknown, units=what)
    if spec.kind == "rate":
        cohorts = o.target_set.cohorts_with(book.rule_sets)
        cohort = " + ".join(cohorts[c].label.get(lang) for c in spec.cohort if c in cohorts)
        return spec.gap.get(lang).format(n=o.shortfall, cohort=cohort)
    return t("gap_units", lang, n=o.shortfall,
             units=tier_name(o.units_of, lang, o.shortfall) if o.units_of else "",
             standard=_standard_short(spec.standard, book, lang), level=spec.level)


def target_results(outcomes: list[TargetOutcome], book: RuleBook,
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
            met=o.met, unit=unit, gap=gap_sentence(o, book, lang), year=o.year,
            details=details, target_set=o.target_set.id, kind=spec.kind,
            status=STATUS_NAMES[o.status], scope=o.scope, code=o.code, name=o.name,
            provisional=o.provisional))
    return results

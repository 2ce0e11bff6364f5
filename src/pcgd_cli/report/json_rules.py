"""The "rules" part of JSON schema_version 2: every label, article, threshold and
cohort of the run's rule sets, said once, so that units carry only their figures."""

from __future__ import annotations

from pcgd_cli.report.json_common import rule_file_entry
from pcgd_cli.report.result_columns import StandardColumns, TierColumns, figure_keys
from pcgd_cli.report_model import Report
from pcgd_cli.rules.model import IndicatorSpec, RuleSet, StandardSpec


def _indicator(spec: IndicatorSpec, checked: bool, lang: str) -> dict:
    entry: dict = {"label": spec.label.get(lang), "kind": spec.kind}
    if spec.kind == "yesno":
        entry["column"] = spec.column
    else:
        entry["numerator"] = list(spec.numerator)
        entry["cohort"] = list(spec.cohort)
        override = spec.disadvantaged
        if override is not None and (override.numerator or override.cohort):
            # ĐBKK communes are counted on another age band (literacy: 15-25)
            entry["disadvantaged_numerator"] = list(override.numerator or spec.numerator)
            entry["disadvantaged_cohort"] = list(override.cohort or spec.cohort)
    entry["optional"] = spec.optional
    # an optional test whose columns no input has: said here once, never per unit
    entry["checked"] = checked
    entry["source"] = spec.source.get(lang) if spec.source else None
    return entry


def _test(spec: IndicatorSpec) -> dict:
    override = spec.disadvantaged
    special = override.threshold if override is not None and override.threshold is not None \
        else spec.threshold
    return {"threshold": spec.threshold, "disadvantaged_threshold": special}


def standard_rules(sid: str, spec: StandardSpec, rules: RuleSet,
                   columns: StandardColumns | None, lang: str) -> dict:
    """One standard: its indicators (the keys units use) and its levels' tests."""
    specs = [rules.level_indicators(spec, level) for level in spec.levels]
    keys, per_level = figure_keys(specs)
    checked = {f.key: f.checked for f in columns.figures} if columns is not None else {}
    indicators: dict[str, dict] = {}
    for level_specs, indexes in zip(specs, per_level, strict=True):
        for ind, f in zip(level_specs, indexes, strict=True):
            if keys[f] not in indicators:
                indicators[keys[f]] = _indicator(ind, checked.get(keys[f], False), lang)
    levels = {}
    for level, level_specs, indexes in zip(spec.levels, specs, per_level, strict=True):
        levels[str(level.level)] = {
            "article": level.article.get(lang),
            "requires": [{"standard": r.standard or sid, "level": r.level}
                         for r in level.requires],
            "shares": dict(level.shares),
            "tests": {keys[f]: _test(ind) for ind, f in zip(level_specs, indexes,
                                                             strict=True)},
        }
    return {"title": spec.title.get(lang), "short": spec.short.get(lang),
            "evaluated": bool(columns.evaluated) if columns is not None else False,
            "indicators": indicators, "levels": levels}


def rules_part(report: Report, communes: TierColumns | None, lang: str) -> list[dict]:
    """Each rule set with its cohorts and standards, then each target set as in v1."""
    out = []
    for rs in report.rule_sets:
        entry = rule_file_entry(rs, "standards", lang)
        if rs.two_tier is not None:
            entry["two_tier_share_from"] = rs.two_tier.share_from
        entry["cohorts"] = {name: {"label": c.label.get(lang), "total": c.total,
                                   "excluded": c.excluded}
                            for name, c in rs.cohorts.items()}
        entry["standards"] = {
            sid: standard_rules(sid, spec, rs,
                                communes.standards.get(sid) if communes is not None else None,
                                lang)
            for sid, spec in rs.standards.items()}
        out.append(entry)
    out += [rule_file_entry(ts, "targets", lang) for ts in report.target_sets]
    return out

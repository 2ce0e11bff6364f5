"""The JSON report of the contract (schema_version 1), built from the arrays."""

from __future__ import annotations

import json
import math
from typing import IO

import numpy as np

from pcgd_cli import __version__
from pcgd_cli.engine.results import CHECK_NAMES, STATUS_NAMES, Check, StandardResult, TierResult
from pcgd_cli.report.explain import gap_text, share_gap_text
from pcgd_cli.report_model import Report
from pcgd_cli.rules.model import RuleSet

SCHEMA_VERSION = 1


def _rate(num: int, den: int) -> float | None:
    return round(num * 100 / den, 2) if den > 0 else None


def _year(value: object) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def _indicator_dicts(result: StandardResult, tier: str, child_tier: str, rules: RuleSet,
                     lang: str, n: int) -> list[dict[str, dict]]:
    """Per unit: {level: level dict}. Columns are turned into lists once, then zipped."""
    per_unit: list[dict[str, dict]] = [{} for _ in range(n)]
    for level in result.levels:
        status = level.status.tolist()
        inds = []
        for ind in level.indicators:
            inds.append((ind, ind.numerator.tolist(), ind.denominator.tolist(),
                         ind.excluded.tolist(), ind.threshold.tolist(),
                         ind.disadvantaged_rule.tolist(), ind.check.tolist(),
                         ind.shortfall.tolist()))
        share = level.share
        for i in range(n):
            indicators = []
            for ind, num, den, exc, thr, dis, chk, short in inds:
                entry = {
                    "id": ind.spec.id,
                    "label": ind.spec.label.get(lang),
                    "numerator": num[i], "denominator": den[i], "excluded": exc[i],
                    "rate": _rate(num[i], den[i]),
                    "status": CHECK_NAMES[Check(chk[i])],
                }
                if chk[i] != Check.INFO:
                    entry.update({"threshold": thr[i], "disadvantaged_threshold": dis[i],
                                  "passed": chk[i] == Check.PASS if chk[i] in (0, 1) else None,
                                  "shortfall": short[i]})
                    if chk[i] == Check.FAIL:
                        entry["gap"] = gap_text(ind, i, rules, lang)
                indicators.append(entry)
            item = {"status": STATUS_NAMES[status[i]],
                    "article": level.spec.article.get(lang),
                    "indicators": indicators}
            if level.requirements:
                item["requires"] = [
                    {"standard": r.standard, "level": r.level,
                     "status": STATUS_NAMES[int(r.status[i])]} for r in level.requirements]
            if share is not None:
                item["share"] = {
                    "units": child_tier, "children": int(share.children[i]),
                    "met": int(share.met[i]), "unknown": int(share.unknown[i]),
                    "rate": _rate(int(share.met[i]), int(share.children[i])),
                    "required": share.required, "shortfall": int(share.shortfall[i]),
                }
                gap = share_gap_text(level, i, tier, child_tier, lang,
                                     result.spec.short.get(lang))
                if gap:
                    item["share"]["gap"] = gap
            per_unit[i][str(level.spec.level)] = item
    return per_unit


def tier_dicts(tier: TierResult, rule_sets: dict[str, RuleSet], lang: str) -> list[dict]:
    units = tier.units
    n = len(units)
    codes = units["code"].tolist()
    names = units["name"].tolist()
    parents = units["parent_code"].tolist()
    years = [_year(y) for y in units["year"].tolist()]
    dis = units["disadvantaged"].tolist()
    counts = units["communes"].tolist()
    standards = {}
    # standards of a provisional rule set (nd277-2025): every verdict says so
    provisional = {sid for sid, r in tier.standards.items()
                   if sid in rule_sets[r.rule_set].standards and rule_sets[r.rule_set].provisional}
    for sid, result in tier.standards.items():
        levels = (_indicator_dicts(result, tier.tier, tier.child_tier,
                                   rule_sets[result.rule_set], lang, n)
                  if result.evaluated else [{} for _ in range(n)])
        standards[sid] = (result.status.tolist(), result.level.tolist(), levels)
    out = []
    for i in range(n):
        unit = {"unit_type": tier.tier, "code": codes[i], "name": names[i],
                "parent_code": parents[i] or None, "year": years[i]}
        if tier.tier == "commune":
            unit["disadvantaged"] = bool(dis[i])
        else:
            unit["communes"] = int(counts[i])
        if tier.provisional:
            unit["provisional"] = True
        unit["standards"] = {
            sid: {"status": STATUS_NAMES[status[i]],
                  "level": None if level[i] < 0 else level[i],
                  **({"provisional": True} if sid in provisional else {}),
                  "levels": levels[i]}
            for sid, (status, level, levels) in standards.items()
        }
        out.append(unit)
    return out


def report_dict(report: Report) -> dict:
    lang = report.lang
    by_id = {rs.id: rs for rs in report.rule_sets}
    results = []
    for tier in report.evaluation.tiers:
        results.extend(tier_dicts(tier, by_id, lang))
    notes = []
    if report.evaluation.two_tier:
        for rs in report.rule_sets:
            if rs.two_tier is not None:
                notes.append(rs.two_tier.note.get(lang))
    for rs in [*report.rule_sets, *report.target_sets]:
        if rs.provisional and rs.warning is not None:
            notes.append(rs.warning.get(lang))
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "pcgd", "version": __version__},
        "run": {"started": report.started.isoformat() if report.started else None,
                "seconds": round(report.seconds, 3), "lang": lang,
                "provisional": report.provisional, "notes": notes},
        "rules": [{"id": rs.id, "version": rs.version, "title": rs.title.get(lang),
                   "provisional": rs.provisional, "kind": kind,
                   "source": rs.source.get(lang)}
                  for kind, sets in (("standards", report.rule_sets),
                                     ("targets", report.target_sets)) for rs in sets],
        "inputs": [{"path": str(s.path), "sha256": s.sha256, "rows_read": s.rows_read,
                    "rows_used": s.rows_used, "rows_total": s.rows_total,
                    "rows_blank": s.rows_blank, "rows_rejected": s.rows_rejected}
                   for s in report.inputs],
        "results": results,
        "targets": [
            {"id": tr.id, "description": tr.description, "value": tr.value,
             "target": tr.target, "met": tr.met, "unit": tr.unit, "gap": tr.gap or None,
             "year": tr.year, "target_set": tr.target_set, "kind": tr.kind,
             "status": tr.status, "unit_type": tr.scope, "code": tr.code or None,
             "name": tr.name or None, "provisional": tr.provisional,
             **({"details": tr.details} if tr.details else {})}
            for tr in report.targets
        ],
        "findings": [
            {"severity": f.severity, "code": f.code, "file": f.file or None,
             "sheet": f.sheet or None, "cell": f.cell or None, "row": f.row,
             "column": f.column or None, "unit": f.unit or None, "value": f.value or None,
             "message": f.message(lang), "suggestion": f.suggestion(lang)}
            for f in report.findings
        ],
    }


def _default(value: object) -> object:
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    raise TypeError(f"not JSON serialisable: {type(value)}")


def write_json(report: Report, stream: IO[str]) -> None:
    json.dump(report_dict(report), stream, ensure_ascii=False, indent=1, default=_default)
    stream.write("\n")

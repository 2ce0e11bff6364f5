"""The JSON report of schema_version 1, kept for one release behind ``--json-schema 1``
(deprecated: schema_version 2, json_report.py, says each label and threshold once)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import numpy as np

from pcgd_cli.engine.results import (
    CHECK_NAMES,
    STATUS_NAMES,
    Check,
    IndicatorResult,
    StandardResult,
    Status,
    TierResult,
)
from pcgd_cli.report.explain import gap_text, share_gap_text, shown_rate, year_or_none
from pcgd_cli.report.json_common import (
    encode,
    head,
    no_cycle_collection,
    rule_file_entry,
    tail,
    write_document,
)
from pcgd_cli.report_model import Report
from pcgd_cli.rules.model import RuleSet

SCHEMA_VERSION = 1
# Units turned into dicts and written at a time: bounds memory on national files.
# 200 rather than 1000: the bigger chunks' memory went back to the system and was
# faulted in again each time (480,000 page faults, 1 s of system time nationally).
CHUNK = 200


# Status names indexed by the engine's integer codes: a list lookup per unit,
# not an enum construction (which the profile showed costing 1.4 s nationally).
_CHECKS = [CHECK_NAMES[Check(c)] for c in range(len(Check))]
_STATUSES = [STATUS_NAMES[Status(s)] for s in range(len(Status))]
# "passed" of an indicator entry: a verdict only for a test that passed or failed
_PASSED = [True if c == Check.PASS else False if c == Check.FAIL else None
           for c in range(len(Check))]


def _rate(num: int, den: int) -> float | None:
    return shown_rate(num, den)


def _summed_entry(ident: str, label: str, num: int, den: int, exc: int, rate: float | None,
                  check: int) -> dict:
    return {"id": ident, "label": label, "numerator": num, "denominator": den, "excluded": exc,
            "rate": rate, "status": _CHECKS[check]}


def _indicator_entries(ind: IndicatorResult, rules: RuleSet, lang: str, a: int,
                       b: int) -> list[dict]:
    """The indicator's entry for units a..b-1, built column by column."""
    ident, label = ind.spec.id, ind.spec.label.get(lang)
    num = ind.numerator[a:b].tolist()
    den = ind.denominator[a:b].tolist()
    exc = ind.excluded[a:b].tolist()
    checks = ind.check[a:b]
    chk = checks.tolist()
    rates = [shown_rate(x, y) for x, y in zip(num, den, strict=True)]
    info = checks == Check.INFO
    if info.all():  # summed figures of a parent unit
        return [_summed_entry(ident, label, x, y, e, r, c)
                for x, y, e, r, c in zip(num, den, exc, rates, chk, strict=True)]
    names = [_CHECKS[c] for c in chk]
    passed = [_PASSED[c] for c in chk]
    thr = ind.threshold[a:b].tolist()
    dis = ind.disadvantaged_rule[a:b].tolist()
    short = ind.shortfall[a:b].tolist()
    entries = [
        {"id": ident, "label": label, "numerator": x, "denominator": y, "excluded": e,
         "rate": r, "status": c, "threshold": t, "disadvantaged_threshold": d, "passed": p,
         "shortfall": s}
        for x, y, e, r, c, t, d, p, s in zip(num, den, exc, rates, names, thr, dis, passed,
                                             short, strict=True)
    ]
    override = ind.spec.disadvantaged
    if override is not None and override.cohort:
        # the age band judged: ĐBKK communes are judged on another one (literacy)
        bands = ("+".join(ind.spec.cohort), "+".join(override.cohort))
        for entry, key in zip(entries, ind.cohort_key[a:b].tolist(), strict=True):
            entry["cohort"] = bands[key]
    for i in np.flatnonzero(info).tolist():
        entries[i] = _summed_entry(ident, label, num[i], den[i], exc[i], rates[i], chk[i])
    # The gap sentence depends only on the shortfall and the cohort (normal or ĐBKK):
    # each distinct one is written once by explain.gap_text, the one source of the wording.
    gaps: dict[tuple[int, int], str] = {}
    keys = ind.cohort_key[a:b]
    for i in np.flatnonzero(ind.check[a:b] == Check.FAIL).tolist():
        key = (short[i], int(keys[i]))
        if key not in gaps:
            gaps[key] = gap_text(ind, a + i, rules, lang)
        entries[i]["gap"] = gaps[key]
    return entries


def _level_dicts(result: StandardResult, tier: str, child_tier: str, rules: RuleSet,
                 lang: str, a: int, b: int) -> list[dict[str, dict]]:
    """Per unit a..b-1: {level: level dict}."""
    m = b - a
    per_unit: list[dict[str, dict]] = [{} for _ in range(m)]
    for level in result.levels:
        columns = [_indicator_entries(ind, rules, lang, a, b) for ind in level.indicators]
        indicators = [list(row) for row in zip(*columns, strict=True)] if columns else \
            [[] for _ in range(m)]
        article = level.spec.article.get(lang)
        items = [{"status": _STATUSES[s], "article": article, "indicators": inds}
                 for s, inds in zip(level.status[a:b].tolist(), indicators, strict=True)]
        if level.requirements:
            reqs = [(r.standard, r.level, r.status[a:b].tolist()) for r in level.requirements]
            for i, item in enumerate(items):
                item["requires"] = [{"standard": sid, "level": number,
                                     "status": _STATUSES[status[i]]}
                                    for sid, number, status in reqs]
        share = level.share
        if share is not None:  # parent units only: a few thousand nationally
            for i, item in enumerate(items, start=a):
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
        key = str(level.spec.level)
        for unit, item in zip(per_unit, items, strict=True):
            unit[key] = item
    return per_unit


def tier_dicts(tier: TierResult, rule_sets: dict[str, RuleSet], lang: str, a: int = 0,
               b: int | None = None) -> list[dict]:
    """The results entries of the tier's units a..b-1 (all of them by default)."""
    units = tier.units.iloc[a:b]
    b = a + len(units)
    codes = units["code"].tolist()
    names = units["name"].tolist()
    parents = units["parent_code"].tolist()
    years = [year_or_none(y) for y in units["year"].tolist()]
    dis = units["disadvantaged"].tolist()
    counts = units["communes"].tolist()
    standards = {}
    # standards of a provisional rule set (nd277-2025): every verdict says so
    provisional = {sid for sid, r in tier.standards.items()
                   if sid in rule_sets[r.rule_set].standards and rule_sets[r.rule_set].provisional}
    for sid, result in tier.standards.items():
        levels = (_level_dicts(result, tier.tier, tier.child_tier, rule_sets[result.rule_set],
                               lang, a, b)
                  if result.evaluated else [{} for _ in range(b - a)])
        at_least = (result.level_at_least[a:b].tolist() if result.level_at_least is not None
                    else [0] * (b - a))
        standards[sid] = (result.status[a:b].tolist(), result.level[a:b].tolist(), levels,
                          at_least)
    out = []
    for i in range(b - a):
        unit = {"unit_type": tier.tier, "code": codes[i], "name": names[i],
                "parent_code": parents[i] or None, "year": years[i]}
        if tier.tier == "commune":
            unit["disadvantaged"] = None if dis[i] is None else bool(dis[i])
        else:
            unit["communes"] = int(counts[i])
        if tier.provisional:
            unit["provisional"] = True
        unit["standards"] = {
            sid: {"status": _STATUSES[status[i]],
                  "level": None if level[i] < 0 else level[i],
                  # unknown level, yet some level is known to be met
                  **({"level_at_least": at_least[i]} if level[i] < 0 < at_least[i] else {}),
                  **({"provisional": True} if sid in provisional else {}),
                  "levels": levels[i]}
            for sid, (status, level, levels, at_least) in standards.items()
        }
        out.append(unit)
    return out


def result_chunks(report: Report, size: int, lang: str) -> Iterator[list[dict]]:
    """The results entries, communes first, at most ``size`` units at a time."""
    by_id = {rs.id: rs for rs in report.rule_sets}
    for tier in report.evaluation.tiers:
        for a in range(0, len(tier), size):
            yield tier_dicts(tier, by_id, lang, a, min(a + size, len(tier)))


def _head(report: Report, lang: str) -> dict:
    """The keys before "results"."""
    rules = [rule_file_entry(rs, kind, lang)
             for kind, sets in (("standards", report.rule_sets),
                                ("targets", report.target_sets)) for rs in sets]
    return head(report, lang, SCHEMA_VERSION, rules)


def report_dict(report: Report, lang: str = "vi") -> dict:
    """The whole v1 JSON report as one dict; ``write_json`` writes exactly this."""
    with no_cycle_collection():
        results = [unit for chunk in result_chunks(report, CHUNK, lang) for unit in chunk]
    return {**_head(report, lang), "results": results, **tail(report, lang)}


def write_json(report: Report, stream: IO, lang: str = "vi") -> None:
    """``report_dict(report, lang)`` as JSON, written a chunk of units at a time so the
    national report (hundreds of MB of text) never sits in memory whole."""
    with no_cycle_collection():
        write_document(stream, _head(report, lang),
                       ([encode(unit) for unit in chunk]
                        for chunk in result_chunks(report, CHUNK, lang)),
                       tail(report, lang))

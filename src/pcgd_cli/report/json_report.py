"""The JSON report, schema_version 2 (docs/report.schema.json; README "JSON report").

Labels, articles, thresholds and not-checked tests are said once, in "rules"
(json_rules.py); each unit carries what varies by unit, read from the result
columns (result_columns.py): per standard its status and level, each level's status
(and a parent unit's share of its units), each indicator's numerator, denominator and
excluded once, and, short of its next level, the tests failing there and by how many
people, the unmet prerequisites and the unknown tests. Sentences (the gap in words)
only with ``explain``. Version 1 stays behind ``--json-schema 1`` for one release
(json_v1.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from pcgd_cli.engine.results import STATUS_NAMES, Check, Status
from pcgd_cli.report.explain import reason_lines, share_gap_text
from pcgd_cli.report.json_common import head, no_cycle_collection, tail, write_document
from pcgd_cli.report.json_rules import rules_part
from pcgd_cli.report.result_columns import StandardColumns, TierColumns, result_columns
from pcgd_cli.report_model import Report

SCHEMA_VERSION = 2
# Units turned into dicts and written at a time: bounds memory on national files.
CHUNK = 500

# Status names indexed by the engine's integer codes: a list lookup per unit.
_STATUSES = [STATUS_NAMES[Status(s)] for s in range(len(Status))]


def _figure_entries(std: StandardColumns, a: int, b: int) -> list[dict]:
    """Per unit a..b-1: {indicator: [numerator, denominator, excluded] or None}. A ĐBKK
    commune's figures of a test with a ĐBKK age band are that band's (rules say which)."""
    per_unit: list[dict] = [{} for _ in range(b - a)]
    for fig in std.figures:
        if not fig.checked:
            continue  # said once in "rules" (checked: false), never per unit
        key = fig.key
        num, den, exc = (fig.numerator[a:b].tolist(), fig.denominator[a:b].tolist(),
                         fig.excluded[a:b].tolist())
        for unit, x, y, e, k in zip(per_unit, num, den, exc, fig.known[a:b].tolist(),
                                    strict=True):
            unit[key] = [x, y, e] if k else None
    return per_unit


def _commune_gaps(std: StandardColumns, a: int, b: int) -> list[dict | None]:
    """Per unit a..b-1 short of a level: that level, the tests failing there with the
    people short (None for a yes/no test), unmet prerequisites and unknown tests.
    Built test by test over the units concerned, not unit by unit."""
    next_level = std.next_level[a:b]
    gaps: list[dict | None] = [None] * (b - a)
    keys = [f.key for f in std.figures]
    for k, level in enumerate(std.levels):
        here = next_level == k
        if not here.any():
            continue
        number = level.spec.level
        for n in here.nonzero()[0].tolist():
            gaps[n] = {"level": number}
        for test in level.tests:
            check = test.result.check[a:b]
            key = keys[test.figure]
            failing = (here & (check == Check.FAIL)).nonzero()[0].tolist()
            yesno = test.result.spec.kind == "yesno"
            short = test.result.shortfall[a:b]
            for n in failing:
                gaps[n].setdefault("failing", {})[key] = None if yesno else int(short[n])
        for req in level.requirements:
            status = req.status[a:b]
            for n in (here & (status != Status.MET)).nonzero()[0].tolist():
                gaps[n].setdefault("requires", []).append(
                    {"standard": req.standard, "level": req.level,
                     "status": _STATUSES[int(status[n])]})
        for test in level.tests:
            check = test.result.check[a:b]
            for n in (here & (check == Check.MISSING)).nonzero()[0].tolist():
                gaps[n].setdefault("unknown", []).append(keys[test.figure])
    return gaps


def _parent_gaps(std: StandardColumns, a: int, b: int) -> list[dict | None]:
    """Per parent unit a..b-1 short of a level: that level and the units still needed."""
    out: list[dict | None] = []
    for n, k in enumerate(std.next_level[a:b].tolist()):
        if k < 0:
            out.append(None)
            continue
        share = std.levels[k].share
        gap: dict = {"level": std.levels[k].spec.level}
        if share is not None and share.required is not None:
            gap["units_short"] = int(share.shortfall[a + n])
        out.append(gap)
    return out


def _level_entries(std: StandardColumns, tier: TierColumns, a: int, b: int) -> list[dict]:
    per_unit: list[dict] = [{} for _ in range(b - a)]
    for level in std.levels:
        key = str(level.spec.level)
        statuses = level.status[a:b].tolist()
        share = level.share
        if share is None:
            for unit, s in zip(per_unit, statuses, strict=True):
                unit[key] = {"status": _STATUSES[s]}
            continue
        met, children = share.met[a:b].tolist(), share.children[a:b].tolist()
        unknown, short = share.unknown[a:b].tolist(), share.shortfall[a:b].tolist()
        for n, unit in enumerate(per_unit):
            unit[key] = {"status": _STATUSES[statuses[n]],
                         "share": {"units": tier.child_tier, "children": children[n],
                                   "met": met[n], "unknown": unknown[n],
                                   "required": share.required, "shortfall": short[n]}}
    return per_unit


def _standard_entries(std: StandardColumns, tier: TierColumns, report: Report, lang: str,
                      explain: bool, a: int, b: int) -> list[dict]:
    statuses = std.status[a:b].tolist()
    if not std.evaluated:
        return [{"status": _STATUSES[s], "level": None} for s in statuses]
    levels = std.level[a:b].tolist()
    at_least = std.level_at_least[a:b].tolist()
    level_entries = _level_entries(std, tier, a, b)
    figures = _figure_entries(std, a, b)
    gaps = _commune_gaps(std, a, b) if tier.tier == "commune" else _parent_gaps(std, a, b)
    out = []
    for n in range(b - a):
        entry: dict = {"status": _STATUSES[statuses[n]],
                       "level": None if levels[n] < 0 else levels[n]}
        if levels[n] < 0 < at_least[n]:  # unknown level, yet some level is known to be met
            entry["level_at_least"] = at_least[n]
        if std.provisional:
            entry["provisional"] = True
        entry["levels"] = level_entries[n]
        entry["indicators"] = figures[n]
        gap = gaps[n]
        if gap is not None:
            if explain:
                gap["explain"] = _explain(std, tier, report, int(std.next_level[a + n]),
                                          a + n, lang)
            entry["gap"] = gap
        out.append(entry)
    return out


def _explain(std: StandardColumns, tier: TierColumns, report: Report, k: int, i: int,
             lang: str) -> list[str]:
    """The gap in words, as the terminal and the workbook say it."""
    level = tier.result.standards[std.id].levels[k]
    if tier.tier == "commune":
        return reason_lines(level, i, std.rules, report.book, lang)
    text = share_gap_text(level, i, tier.tier, tier.child_tier, lang, std.spec.short.get(lang))
    return [text] if text else []


def tier_entries(tier: TierColumns, report: Report, lang: str, explain: bool, a: int = 0,
                 b: int | None = None) -> list[dict]:
    """The results entries of the tier's units a..b-1 (all of them by default)."""
    b = len(tier) if b is None else min(b, len(tier))
    units = tier.units
    standards = {sid: _standard_entries(std, tier, report, lang, explain, a, b)
                 for sid, std in tier.standards.items()}
    commune = tier.tier == "commune"
    out = []
    for n, i in enumerate(range(a, b)):
        unit = {"unit_type": tier.tier, "code": units.code[i], "name": units.name[i],
                "parent_code": units.parent_code[i], "year": units.year[i]}
        if commune:
            unit["disadvantaged"] = units.disadvantaged[i]
            if report.persons is not None:  # the persons its counts were made from
                unit["persons"] = report.persons.of(units.code[i], units.year[i])
        else:
            unit["communes"] = units.communes[i]
        if tier.provisional:
            unit["provisional"] = True
        unit["standards"] = {sid: entries[n] for sid, entries in standards.items()}
        out.append(unit)
    return out


def result_chunks(report: Report, tiers: list[TierColumns], size: int, lang: str,
                  explain: bool) -> Iterator[list[dict]]:
    """The results entries, communes first, at most ``size`` units at a time."""
    for tier in tiers:
        for a in range(0, len(tier), size):
            yield tier_entries(tier, report, lang, explain, a, a + size)


def _head(report: Report, tiers: list[TierColumns], lang: str) -> dict:
    return head(report, lang, SCHEMA_VERSION, rules_part(report, tiers[0] if tiers else None,
                                                         lang))


def report_dict(report: Report, lang: str = "vi", explain: bool = False,
                tiers: list[TierColumns] | None = None) -> dict:
    """The whole JSON report as one dict; ``write_json`` writes exactly this."""
    tiers = result_columns(report.evaluation) if tiers is None else tiers
    with no_cycle_collection():
        results = [unit for chunk in result_chunks(report, tiers, CHUNK, lang, explain)
                   for unit in chunk]
    return {**_head(report, tiers, lang), "results": results, **tail(report, lang)}


def write_json(report: Report, stream: IO, lang: str = "vi", explain: bool = False,
               tiers: list[TierColumns] | None = None) -> None:
    """``report_dict(report, lang, explain)`` as JSON, a chunk of units at a time.
    ``tiers``: the result columns when the caller has them already (another output)."""
    tiers = result_columns(report.evaluation) if tiers is None else tiers
    with no_cycle_collection():
        write_document(stream, _head(report, tiers, lang),
                       result_chunks(report, tiers, CHUNK, lang, explain),
                       tail(report, lang))

"""CSV: one row per unit and standard, for scripts and spreadsheets."""

from __future__ import annotations

import csv
from typing import IO

from pcgd_cli.count_table import PERSON_FATES
from pcgd_cli.engine.results import STATUS_NAMES
from pcgd_cli.report.explain import next_level, reason_lines, share_gap_text, year_or_none
from pcgd_cli.report_model import Report

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula is written as text ('=…)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_rows(report: Report, lang: str = "vi"):
    by_id = {rs.id: rs for rs in report.rule_sets}
    max_levels = max((len(s.levels) for t in report.evaluation.tiers
                      for s in t.standards.values()), default=1)
    header = ["unit_type", "code", "name", "parent_code", "year", "disadvantaged",
              "standard", "status", "level"]
    header += [f"level_{k}" for k in range(1, max_levels + 1)]
    header += ["next_level", "gap", "provisional", "note"]
    # counts made from person rows: each commune row says the persons they came from
    fates = PERSON_FATES if report.persons is not None else ()
    header += [f"persons_{f}" if f != "persons_read" else f for f in fates]
    yield header
    for tier in report.evaluation.tiers:
        units = tier.units
        for sid, result in tier.standards.items():
            rules = by_id[result.rule_set]
            # why a verdict is provisional: the two-tier province test, a provisional rule set
            two_tier = "; ".join(note.get(lang) for note in report.tier_notes(tier))
            reasons = [two_tier] if two_tier else []
            warning = report.rule_set_warning(result.rule_set)
            if warning is not None:
                reasons.append(warning if isinstance(warning, str) else warning.get(lang))
            # the older reading a standard rests on is said too, without making it provisional
            said = reasons + [n.get(lang) for n in report.standard_notes(sid)]
            note = [1 if reasons else "", " | ".join(said)]
            for i in range(len(units)):
                level = int(result.level[i])
                statuses = [STATUS_NAMES[int(lv.status[i])] for lv in result.levels]
                statuses += [""] * (max_levels - len(statuses))
                gap_level = next_level(result, i) if result.evaluated else None
                gaps: list[str] = []
                if gap_level is not None and tier.tier == "commune":
                    # failing tests with their gap, unmet prerequisites, missing data
                    gaps = reason_lines(gap_level, i, rules, report.book, lang)
                elif gap_level is not None:
                    gap = share_gap_text(gap_level, i, tier.tier, tier.child_tier, lang,
                                         result.spec.short.get(lang))
                    gaps = [gap] if gap else []
                dis = units["disadvantaged"].iat[i]
                yield [tier.tier, units["code"].iat[i], units["name"].iat[i],
                       units["parent_code"].iat[i], year_or_none(units["year"].iat[i]),
                       "" if dis is None else int(bool(dis)), sid,
                       STATUS_NAMES[int(result.status[i])], "" if level < 0 else level,
                       *statuses,
                       gap_level.spec.level if gap_level is not None else "",
                       "; ".join(g for g in gaps if g), *note,
                       *_accounting(report, tier.tier, units, i, fates)]


def _accounting(report: Report, tier: str, units, i: int, fates: tuple[str, ...]) -> list:
    if not fates:
        return []
    found = report.persons.of(units["code"].iat[i], units["year"].iat[i]) \
        if tier == "commune" else None
    return [found[f] for f in fates] if found else [""] * len(fates)


def write_csv(report: Report, stream: IO[str], lang: str = "vi") -> None:
    writer = csv.writer(stream, lineterminator="\n")
    for row in csv_rows(report, lang):
        writer.writerow([safe_cell(v) for v in row])

"""Sentences that explain a verdict: the gap to the next level, in people or units."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pcgd_cli.engine.results import Check, IndicatorResult, LevelResult, StandardResult, Status
from pcgd_cli.i18n import fmt_threshold, number_text, t, tier_name
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.model import RuleSet


def year_or_none(value: object) -> int | None:
    """A unit's year as written in reports: an int, or None for a file with no year."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def cohort_label(ind: IndicatorResult, i: int, rules: RuleSet, lang: str) -> str:
    names = ind.spec.cohort
    if ind.cohort_key[i] == 1 and ind.spec.disadvantaged and ind.spec.disadvantaged.cohort:
        names = ind.spec.disadvantaged.cohort
    return " + ".join(rules.cohorts[c].label.get(lang) for c in names if c in rules.cohorts)


def gap_text(ind: IndicatorResult, i: int, rules: RuleSet, lang: str) -> str:
    """ "cần thêm 3 trẻ 11 tuổi hoàn thành chương trình tiểu học" """
    if ind.check[i] != Check.FAIL:
        return ""
    return ind.spec.gap.get(lang).format(n=int(ind.shortfall[i]),
                                         cohort=cohort_label(ind, i, rules, lang))


def share_gap_text(level: LevelResult, i: int, tier: str, child_tier: str, lang: str,
                   standard_short: str) -> str:
    share = level.share
    if share is None or share.required is None or level.status[i] == Status.MET:
        return ""
    n = int(share.shortfall[i])
    return t("gap_units", lang, n=n, units=tier_name(child_tier, lang, n),
             standard=standard_short, level=level.spec.level)


@dataclass
class Miss:
    """Why a unit does not reach a level: failing tests, unmet prerequisites, unknowns."""

    level: int
    failing: list[IndicatorResult]
    missing: list[IndicatorResult]
    requirements: list[tuple[str, int, int]]  # (standard, level, Status)


def next_level(result: StandardResult, i: int) -> LevelResult | None:
    """The lowest level the unit does not meet: where its gap is."""
    for level in result.levels:
        if level.status[i] != Status.MET:
            return level
    return None


def why_not(level: LevelResult, i: int) -> Miss:
    failing = [ind for ind in level.indicators if ind.check[i] == Check.FAIL]
    missing = [ind for ind in level.indicators if ind.check[i] == Check.MISSING]
    reqs = [(r.standard, r.level, int(r.status[i])) for r in level.requirements
            if r.status[i] != Status.MET]
    return Miss(level.spec.level, failing, missing, reqs)


def shown_rate(numerator: int, denominator: int) -> float | None:
    """A percentage cut (not rounded) to two decimals, for every report.

    The verdicts compare exactly; a rate of 89.996% fails 90%, so it must
    show as 89.99 and never as a passing-looking 90.00.
    """
    if denominator <= 0:
        return None
    return (int(numerator) * 10000 // int(denominator)) / 100


def rate_text(ind: IndicatorResult, i: int, lang: str = "vi") -> str:
    rate = shown_rate(ind.numerator[i], ind.denominator[i])
    return "—" if rate is None else f"{number_text(rate, lang)}%"


def reason_lines(level: LevelResult, i: int, rules: RuleSet, book: RuleBook,
                 lang: str) -> list[str]:
    """Why unit ``i`` misses ``level``: failing tests with their gap, prerequisites, unknowns."""
    miss = why_not(level, i)
    reasons = []
    for ind in miss.failing:
        if ind.spec.kind == "yesno":  # a condition column that says no
            reasons.append(f"{ind.spec.label.get(lang)}: {gap_text(ind, i, rules, lang)}")
            continue
        # the gap sentence names the indicator's people, so the label is not repeated
        dis = " ĐBKK" if ind.disadvantaged_rule[i] else ""
        reasons.append(f"{rate_text(ind, i, lang)} < {fmt_threshold(ind.threshold[i], lang)}{dis}: "
                       f"{gap_text(ind, i, rules, lang)}")
    for std, lvl, status in miss.requirements:
        key = "ui_requires" if status == Status.NOT_MET else "ui_requires_unknown"
        reasons.append(t(key, lang, standard=book.standard_short(std).get(lang), level=lvl))
    for ind in miss.missing:
        reasons.append(t("ui_missing", lang, label=ind.spec.label.get(lang)))
    return reasons

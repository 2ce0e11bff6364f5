"""The terminal summary: per standard, districts and the province; then the gaps."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from pcgd_cli.engine.results import Check, Status, TierResult
from pcgd_cli.i18n import t
from pcgd_cli.report.explain import (
    child_of,
    fmt_threshold,
    gap_text,
    next_level,
    rate_text,
    share_gap_text,
    tier_name,
    why_not,
)
from pcgd_cli.report.targets_view import render_targets
from pcgd_cli.report.years_view import render_years
from pcgd_cli.report_model import Report

MAX_UNITS_LISTED = 40
MAX_FINDINGS_LISTED = 25
STYLE = {Status.MET: "green", Status.NOT_MET: "red", Status.INSUFFICIENT: "yellow",
         Status.NOT_EVALUATED: "dim"}


def status_text(status: int, level: int, levels: int, lang: str) -> str:
    if status == Status.NOT_EVALUATED:
        return t("ui_not_evaluated", lang)
    if status == Status.INSUFFICIENT:
        return t("ui_insufficient", lang)
    if levels == 1:
        return t("ui_met_single", lang) if level >= 1 else t("ui_not_met", lang)
    return t("ui_level_value", lang, n=level) if level >= 1 else t("ui_not_met", lang)


def _year_text(value: object) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return ""


def _standard_table(report: Report, sid: str, upper: list[TierResult]) -> Table:
    lang = report.lang
    first = upper[0].standards[sid]
    rules = next(rs for rs in report.rule_sets if rs.id == first.rule_set)
    title = f"{first.spec.title.get(lang)} — {rules.title.get(lang)}"
    table = Table(title=title, title_justify="left", header_style="bold")
    multi_year = report.evaluation.tiers[0].units["year"].nunique() > 1
    table.add_column(t("ui_unit", lang))
    if multi_year:
        table.add_column(t("ui_year", lang))
    table.add_column(t("ui_communes", lang), justify="right")
    single = len(first.levels) == 1
    for lv in first.levels:
        header = t("ui_met", lang) if single else t("ui_level_n", lang, n=lv.spec.level)
        table.add_column(header, justify="right")
    table.add_column(t("ui_unknown", lang), justify="right")
    table.add_column(t("ui_level", lang))
    table.add_column(t("ui_gap", lang))
    for tier in upper:
        result = tier.standards[sid]
        units = tier.units
        child = tier_name(child_of(tier), lang)
        for i in range(len(units)):
            status, level = int(result.status[i]), int(result.level[i])
            name = units["name"].iat[i] or units["code"].iat[i] or tier_name(tier.tier, lang)
            if tier.provisional:
                name += f" ({t('ui_provisional', lang)})"
            row = [f"[bold]{name}[/]" if tier.tier != "district" else name]
            if multi_year:
                row.append(_year_text(units["year"].iat[i]))
            row.append(str(units["communes"].iat[i]))
            for lv in result.levels:
                share = lv.share
                row.append(f"{share.met[i]}/{share.children[i]} {child}" if share else "")
            unknown = max((int(lv.share.unknown[i]) for lv in result.levels if lv.share),
                          default=0)
            row.append(str(unknown) if unknown else "")
            style = STYLE.get(Status(status), "")
            row.append(f"[{style}]{status_text(status, level, len(result.levels), lang)}[/]")
            gap_level = next_level(result, i) if result.evaluated else None
            row.append(share_gap_text(gap_level, i, tier.tier, child_of(tier), lang,
                                      result.spec.short.get(lang)) if gap_level else "")
            table.add_row(*row)
    return table


def _gaps_table(report: Report, sid: str, communes: TierResult) -> tuple[Table, int]:
    lang = report.lang
    result = communes.standards[sid]
    rules = next(rs for rs in report.rule_sets if rs.id == result.rule_set)
    table = Table(title=t("ui_below", lang, standard=result.spec.short.get(lang)),
                  title_justify="left", header_style="bold", show_lines=False)
    for col in ("ui_district", "ui_commune", "ui_level", "ui_next", "ui_reason"):
        table.add_column(t(col, lang))
    units = communes.units
    parents = dict(zip(report.evaluation.tiers[1].units["code"],
                       report.evaluation.tiers[1].units["name"], strict=False))
    listed = hidden = 0
    for i in range(len(units)):
        level = next_level(result, i)
        if level is None:
            continue
        if listed >= MAX_UNITS_LISTED:
            hidden += 1
            continue
        miss = why_not(level, i)
        reasons = []
        for ind in miss.failing:
            if ind.spec.kind == "yesno":  # a condition column that says no
                reasons.append(f"{ind.spec.label.get(lang)}: {t('ui_no', lang)} — "
                               f"{gap_text(ind, i, rules, lang)}")
                continue
            reasons.append(f"{ind.spec.label.get(lang)}: {rate_text(ind, i)} < "
                           f"{fmt_threshold(ind.threshold[i])}"
                           f"{' (ĐBKK)' if ind.disadvantaged_rule[i] else ''} — "
                           f"{gap_text(ind, i, rules, lang)}")
        for std, lvl, status in miss.requirements:
            key = "ui_requires" if status == Status.NOT_MET else "ui_requires_unknown"
            other = next(rs.standards[std] for rs in report.rule_sets if std in rs.standards)
            reasons.append(t(key, lang, standard=other.short.get(lang), level=lvl))
        for ind in miss.missing:
            reasons.append(t("ui_missing", lang, label=ind.spec.label.get(lang)))
        status, current = int(result.status[i]), int(result.level[i])
        dis = " (ĐBKK)" if units["disadvantaged"].iat[i] else ""
        table.add_row(parents.get(units["parent_code"].iat[i], units["parent_code"].iat[i]),
                      f"{units['name'].iat[i]}{dis}",
                      status_text(status, current, len(result.levels), lang),
                      str(level.spec.level), "\n".join(reasons))
        listed += 1
    return table, hidden


def _findings_table(report: Report) -> Table | None:
    lang = report.lang
    if not [f for f in report.findings if f.code != "optional_not_checked"]:
        return None
    table = Table(title=t("ui_findings", lang), title_justify="left", header_style="bold")
    for col in ("ui_severity", "ui_where", "ui_message", "ui_suggestion"):
        table.add_column(t(col, lang))
    order = {"error": 0, "warning": 1, "info": 2}
    # tests not checked are already said under each standard's table
    findings = sorted((f for f in report.findings if f.code != "optional_not_checked"),
                      key=lambda f: order[f.severity])
    for f in findings[:MAX_FINDINGS_LISTED]:
        where = ":".join(x for x in (f.file.rsplit("/", 1)[-1], f.location) if x) or f.unit
        style = {"error": "red", "warning": "yellow"}.get(f.severity, "dim")
        table.add_row(f"[{style}]{t('severity_' + f.severity, lang)}[/]", where,
                      f.message(lang), f.suggestion(lang))
    if len(findings) > MAX_FINDINGS_LISTED:
        table.caption = t("ui_more_findings", lang, n=len(findings) - MAX_FINDINGS_LISTED)
    return table


def render_terminal(report: Report, console: Console) -> None:
    lang = report.lang
    tiers = report.evaluation.tiers
    communes, upper = tiers[0], [tr for tr in tiers[1:]]
    names = ", ".join(f"{rs.id} {rs.version}" + (f" ({t('ui_provisional', lang)})"
                                                 if rs.provisional else "")
                      for rs in [*report.rule_sets, *report.target_sets])
    console.print(f"[bold]{t('ui_rules', lang)}:[/] {names}")
    for note in _notes(report):
        console.print(f"[yellow]{note}[/]")
    for sid, result in communes.standards.items():
        if not result.evaluated:
            continue
        console.print(_standard_table(report, sid, upper))
        unchecked = dict.fromkeys(ind.spec.label.get(lang) for lv in result.levels
                                  for ind in lv.indicators
                                  if len(ind.check) and ind.check[0] == Check.NOT_CHECKED)
        if unchecked:
            console.print(f"[dim]{t('ui_not_checked', lang, labels='; '.join(unchecked))}[/]")
        gaps, hidden = _gaps_table(report, sid, communes)
        if gaps.row_count:
            console.print(gaps)
        if hidden:
            console.print(t("ui_more_units", lang, n=hidden))
        console.print()
    render_years(report, console)
    render_targets(report, console)
    findings = _findings_table(report)
    if findings is not None:
        console.print(findings)


def _notes(report: Report) -> list[str]:
    lang = report.lang
    notes = []
    if report.evaluation.two_tier:
        notes += [rs.two_tier.note.get(lang) for rs in report.rule_sets if rs.two_tier]
    notes += [rs.warning.get(lang) for rs in report.rule_sets if rs.provisional and rs.warning]
    return notes


def summary_line(report: Report) -> str:
    counts = Counter(f.severity for f in report.findings)
    return t("ui_summary_line", report.lang, files=len(report.inputs),
             communes=len(report.evaluation.tiers[0].units), errors=counts["error"],
             warnings=counts["warning"])

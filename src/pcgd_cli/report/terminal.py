"""The terminal summary: per standard, districts and the province; then the gaps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from pcgd_cli.count_table import PersonSource
from pcgd_cli.engine.results import Check, Status, TierResult
from pcgd_cli.i18n import number_text, t, tier_name
from pcgd_cli.report.explain import next_level, reason_lines
from pcgd_cli.report.finding_text import finding_message, finding_suggestion
from pcgd_cli.report.targets_view import render_targets
from pcgd_cli.report.years_view import render_years
from pcgd_cli.report_model import Report

MAX_UNITS_LISTED = 40
MAX_TIER_ROWS = 200  # more rows than this (a national file's districts) are not drawn
MAX_FINDINGS_LISTED = 25
FINDINGS_PER_GROUP = 5
STYLE = {Status.MET: "green", Status.NOT_MET: "red", Status.INSUFFICIENT: "yellow",
         Status.NOT_EVALUATED: "dim"}


def status_text(status: int, level: int, levels: int, lang: str, at_least: int = 0) -> str:
    if status == Status.NOT_EVALUATED:
        return t("ui_not_evaluated", lang)
    if status == Status.INSUFFICIENT:
        if at_least > 0:  # a level is met, the one above it is unknown
            return t("ui_insufficient_at_least", lang, n=at_least)
        return t("ui_insufficient", lang)
    if levels == 1:
        return t("ui_met_single", lang) if level >= 1 else t("ui_not_met", lang)
    return t("ui_level_value", lang, n=level) if level >= 1 else t("ui_not_met", lang)


def _year_text(value: object) -> str:
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return ""


def _standard_table(report: Report, sid: str, upper: list[TierResult], lang: str) -> Table:
    """One row per district and province; compact enough for an 80-column terminal.

    Share cells are bare "12/14": the units counted (xã for a district, huyện
    for a province, xã for a two-tier province) are named in the header.
    """
    first = upper[0].standards[sid]
    rules = report.rule_set(first.rule_set)
    title = f"{first.spec.title.get(lang)} ({rules.id})"
    table = Table(title=title, title_justify="left", header_style="bold",
                  box=box.SIMPLE_HEAD, padding=(0, 0), pad_edge=False,
                  show_edge=False)
    multi_year = report.evaluation.tiers[0].units["year"].nunique() > 1
    counted = "/".join(dict.fromkeys(tier_name(tr.child_tier, lang) for tr in upper))
    any_unknown = any(lv.share is not None and lv.share.unknown.any()
                      for tr in upper for lv in tr.standards[sid].levels)
    table.add_column(t("ui_unit", lang))
    if multi_year:
        table.add_column(t("ui_year", lang))
    table.add_column(t("ui_communes", lang), justify="right")
    single = len(first.levels) == 1
    for lv in first.levels:
        header = t("ui_met", lang) if single else t("ui_level_short", lang, n=lv.spec.level)
        table.add_column(f"{header}\n{counted}", justify="right")
    if any_unknown:
        table.add_column(f"{t('ui_unknown', lang)}\n{counted}", justify="right")
    table.add_column(t("ui_level", lang))
    table.add_column(t("ui_gap", lang))
    for tier in upper:
        result = tier.standards[sid]
        units = tier.units
        if tier.tier != "district":
            table.add_section()
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
                row.append(f"{share.met[i]}/{share.children[i]}" if share else "")
            if any_unknown:
                unknown = max((int(lv.share.unknown[i]) for lv in result.levels if lv.share),
                              default=0)
                row.append(str(unknown) if unknown else "")
            style = STYLE.get(Status(status), "")
            floor = 0 if result.level_at_least is None else int(result.level_at_least[i])
            shown = status_text(status, level, len(result.levels), lang, floor)
            row.append(f"[{style}]{shown}[/]")
            gap_level = next_level(result, i) if result.evaluated else None
            gap = ""
            if gap_level is not None and gap_level.share is not None and \
                    gap_level.share.required is not None:
                gap = t("ui_gap_units", lang, n=int(gap_level.share.shortfall[i]),
                        units=tier_name(tier.child_tier, lang, int(gap_level.share.shortfall[i])),
                        level=gap_level.spec.level)
            row.append(gap)
            table.add_row(*row)
    return table


def _gaps_table(report: Report, sid: str, communes: TierResult,
                lang: str) -> tuple[Table, int]:
    """Communes below the standard's next level, grouped under their district.

    Each reason is the rate against its threshold and the gap in people; the
    gap sentence names the indicator, so its label is not repeated.
    """
    result = communes.standards[sid]
    rules = report.rule_set(result.rule_set)
    table = Table(title=t("ui_below", lang, standard=result.spec.short.get(lang)),
                  title_justify="left", header_style="bold", box=box.SIMPLE_HEAD,
                  padding=(0, 1, 0, 0), pad_edge=False)
    table.add_column(t("ui_commune", lang), ratio=2)
    table.add_column(t("ui_level", lang), no_wrap=True)
    table.add_column(t("ui_reason", lang), ratio=5)
    units = communes.units
    parents = dict(zip(report.evaluation.tiers[1].units["code"],
                       report.evaluation.tiers[1].units["name"], strict=False))
    listed = hidden = 0
    current_parent = None
    for i in range(len(units)):
        level = next_level(result, i)
        if level is None:
            continue
        if listed >= MAX_UNITS_LISTED:
            hidden += 1
            continue
        parent = units["parent_code"].iat[i]
        if parent != current_parent and len(report.evaluation.tiers) > 2:
            table.add_row(f"[bold]{parents.get(parent, parent)}[/]", "", "")
            current_parent = parent
        reasons = reason_lines(level, i, rules, report.book, lang)
        status, current = int(result.status[i]), int(result.level[i])
        dis = " (ĐBKK)" if units["disadvantaged"].iat[i] else ""
        floor = 0 if result.level_at_least is None else int(result.level_at_least[i])
        now = status_text(status, current, len(result.levels), lang, floor)
        table.add_row(f"  {units['name'].iat[i]}{dis}", f"{now} → {level.spec.level}",
                      "\n".join(reasons))
        listed += 1
    return table, hidden


def _findings_table(report: Report, lang: str) -> Table | None:
    """Findings grouped by code (errors first), a few of each, then "… và N lỗi khác"."""
    # information (a column another rule set uses, a test with nobody to count) is in
    # the JSON and the workbook; on screen only errors and warnings, then a count
    shown_findings = [f for f in report.findings if f.severity != "info"]
    if not shown_findings:
        return None
    table = Table(title=t("ui_findings", lang), title_justify="left", header_style="bold")
    for col in ("ui_severity", "ui_where", "ui_message", "ui_suggestion"):
        table.add_column(t(col, lang))
    order = {"error": 0, "warning": 1}
    groups: dict[tuple[int, str], list] = {}
    for f in shown_findings:
        groups.setdefault((order[f.severity], f.code), []).append(f)
    listed = 0
    hidden = 0
    for (_, code), members in sorted(groups.items(), key=lambda g: g[0]):
        if listed >= MAX_FINDINGS_LISTED:
            hidden += len(members)
            continue
        severity = members[0].severity
        style = {"error": "red", "warning": "yellow"}.get(severity, "dim")
        if table.row_count:
            table.add_section()
        table.add_row(f"[{style}]{t('severity_' + severity, lang)}[/]",
                      f"[bold]{t('ui_finding_group', lang, code=code, n=len(members))}[/]", "", "")
        shown = members[:min(FINDINGS_PER_GROUP, MAX_FINDINGS_LISTED - listed)]
        for f in shown:
            where = ":".join(x for x in (Path(f.file).name if f.file else "", f.location)
                             if x) or f.unit
            table.add_row("", where, finding_message(f, lang, report.book),
                          finding_suggestion(f, lang, report.book))
        listed += len(shown)
        if len(members) > len(shown):
            table.add_row("", "", t("ui_more_findings", lang, n=len(members) - len(shown)), "")
    if hidden:
        table.caption = t("ui_more_findings", lang, n=hidden)
    return table


def _tiers_to_list(upper: list[TierResult]) -> tuple[list[TierResult], list[TierResult]]:
    """Tiers small enough to read in a terminal; the top tier is always listed.

    A national file has thousands of district rows: drawing them takes longer
    than the whole check and nobody reads them on screen (the workbook has them).
    """
    listed = [tr for k, tr in enumerate(upper)
              if len(tr.units) <= MAX_TIER_ROWS or k == len(upper) - 1]
    return listed, [tr for tr in upper if tr not in listed]


def render_terminal(report: Report, console: Console, lang: str = "vi") -> None:
    tiers = report.evaluation.tiers
    communes, (upper, hidden_tiers) = tiers[0], _tiers_to_list(list(tiers[1:]))
    names = ", ".join(f"{rs.id} {rs.version}" + (f" ({t('ui_provisional', lang)})"
                                                 if rs.provisional else "")
                      for rs in [*report.rule_sets, *report.target_sets])
    console.print(f"[bold]{t('ui_rules', lang)}:[/] {names}")
    if report.persons is not None:
        console.print(persons_line(report.persons, lang))
    for note in report.notes():
        console.print(f"[yellow]{note.get(lang)}[/]")
    for tier in hidden_tiers:
        note = t("ui_tier_not_listed", lang, n=len(tier.units),
                 units=tier_name(tier.tier, lang, len(tier.units)))
        console.print(f"[dim]{note}[/]")
    for sid, result in communes.standards.items():
        if not result.evaluated:
            continue
        console.print(_standard_table(report, sid, upper, lang))
        unchecked = dict.fromkeys(ind.spec.label.get(lang) for lv in result.levels
                                  for ind in lv.indicators
                                  if len(ind.check) and ind.check[0] == Check.NOT_CHECKED)
        if unchecked:
            console.print(f"[dim]{t('ui_not_checked', lang, labels='; '.join(unchecked))}[/]")
        gaps, hidden = _gaps_table(report, sid, communes, lang)
        if gaps.row_count:
            console.print(gaps)
        if hidden:
            console.print(t("ui_more_units", lang, n=hidden))
        console.print()
    render_years(report, console, lang)
    render_targets(report, console, lang)
    findings = _findings_table(report, lang)
    if findings is not None:
        console.print(findings)


def persons_line(persons: PersonSource, lang: str) -> str:
    """Where the counts came from: persons, files, counting rules, the row accounting."""
    totals = {k: number_text(v, lang, 0) for k, v in persons.totals().items()}
    return t("ui_persons", lang, persons=totals.pop("persons_read"), files=persons.files,
             rules=f"{persons.rules_id} {persons.rules_version}", **totals)


def summary_line(report: Report, lang: str = "vi") -> str:
    counts = Counter(f.severity for f in report.findings)
    return t("ui_summary_line", lang, files=len(report.inputs),
             communes=len(report.evaluation.tiers[0].units), errors=counts["error"],
             warnings=counts["warning"])

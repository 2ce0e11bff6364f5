"""The terminal table of plan targets: value, requirement, met, and what is missing."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pcgd_cli.i18n import fmt_threshold, number_text, t, tier_name
from pcgd_cli.report.targets_text import TargetResult, target_results
from pcgd_cli.report_model import Report


def _value_text(tr: TargetResult, lang: str) -> str:
    if tr.unit == "level":
        text = ("—" if tr.value is None else t("ui_not_met", lang) if tr.value == 0
                else t("ui_level_value", lang, n=tr.value))
        d = tr.details
        if "of" in d:  # the share behind the level: 7/8 districts at the level
            text += " · " + t("ui_share_of", lang, met=d["met"], of=d["of"],
                              units=tier_name(d["units"], lang))
        return text
    if tr.value is None:
        return "—"
    d = tr.details
    text = f"{number_text(tr.value, lang)}%"
    if tr.kind == "share":
        text += " · " + t("ui_share_of", lang, met=d["numerator"], of=d["denominator"],
                          units=tier_name(d["units"], lang))
    else:
        text += (f" · {number_text(d['numerator'], lang, 0)}"
                 f"/{number_text(d['denominator'], lang, 0)}")
    return text


def _required_text(tr: TargetResult, lang: str) -> str:
    if tr.unit == "level":
        return t("ui_level_value", lang, n=int(tr.target))
    return f"≥ {fmt_threshold(tr.target, lang)}"


def _met_text(tr: TargetResult, lang: str) -> str:
    if tr.met is True:
        return f"[green]{t('ui_yes', lang)}[/]"
    if tr.met is False:
        return f"[red]{t('ui_no', lang)}[/]"
    return f"[yellow]{t('ui_undecided', lang)}[/]"


def render_targets(report: Report, console: Console, lang: str = "vi") -> None:
    rendered = target_results(report.targets, report.book, lang)
    for ts in report.target_sets:
        rows = [tr for tr in rendered if tr.target_set == ts.id]
        if not rows:
            continue
        title = t("ui_targets", lang, title=ts.title.get(lang))
        if ts.provisional:
            title += f" ({t('ui_provisional', lang)})"
        table = Table(title=title, title_justify="left", header_style="bold")
        many_units = len({(tr.code, tr.year) for tr in rows}) > 1
        if many_units:
            table.add_column(t("ui_unit", lang))
        for key in ("ui_target", "ui_value", "ui_required", "ui_target_met", "ui_gap"):
            table.add_column(t(key, lang))
        for tr in rows:
            label = tr.description + (f" ({t('ui_provisional', lang)})" if tr.provisional
                                      else "")
            row = [label, _value_text(tr, lang), _required_text(tr, lang),
                   _met_text(tr, lang), tr.gap]
            if many_units:
                unit = tr.name or tr.code or tier_name(tr.scope, lang)
                row.insert(0, f"{unit} {tr.year}" if tr.year is not None else unit)
            table.add_row(*row)
        console.print(table)
        if ts.provisional and ts.warning is not None:
            console.print(f"[yellow]{ts.warning.get(lang)}[/]")
        console.print()

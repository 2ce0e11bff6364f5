"""A compact per-year view when the data spans several years: each unit's level
per year per standard, a level lost marked ↓. A tier of at most ALL_UNITS units
(a province's districts, the country's provinces) is listed whole; in a larger
tier (communes, a country's districts) only the units that lost a level, at
most MAX_LISTED of them."""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table

from pcgd_cli.engine.history import unit_groups
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.report_model import Report

ALL_UNITS = 100
MAX_LISTED = 40


def _cell(level: int, levels: int, lang: str) -> str:
    if level < 0:
        return t("ui_insufficient", lang)
    if levels == 1:
        return t("ui_met_single", lang) if level >= 1 else t("ui_not_met", lang)
    return str(level)


def render_years(report: Report, console: Console, lang: str = "vi") -> None:
    tiers = report.evaluation.tiers
    years = sorted(int(y) for y in pd.Series(tiers[0].units["year"]).dropna().unique())
    if len(years) < 2:
        return
    for sid, first in tiers[0].standards.items():
        if not first.evaluated:
            continue
        table = Table(title=t("ui_by_year", lang, standard=first.spec.short.get(lang)),
                      title_justify="left", header_style="bold")
        table.add_column(t("ui_unit", lang))
        for year in years:
            table.add_column(str(year), justify="right")
        hidden = 0
        for tier in reversed(tiers):
            if tier.tier == "nation":
                continue
            result = tier.standards[sid]
            by_unit: dict[int, dict[int, int]] = {}
            names: dict[int, str] = {}
            yrs = tier.units["year"].to_numpy(dtype=float).tolist()
            unit_names = tier.units["name"].tolist()
            unit_codes = tier.units["code"].tolist()
            unit_levels = result.level.tolist()
            for i, key in enumerate(unit_groups(tier).tolist()):
                if yrs[i] != yrs[i]:  # NaN: no year
                    continue
                by_unit.setdefault(key, {})[int(yrs[i])] = unit_levels[i]
                names[key] = str(unit_names[i] or unit_codes[i])
            whole = len(by_unit) <= ALL_UNITS
            listed = 0
            for key, levels in by_unit.items():
                if not whole:
                    known = [levels[y] for y in years if y in levels and levels[y] >= 0]
                    if not any(b < a for a, b in zip(known, known[1:], strict=False)):
                        continue
                    listed += 1
                    if listed > MAX_LISTED:
                        hidden += 1
                        continue
                row, previous = [], None
                for year in years:
                    level = levels.get(year)
                    if level is None:
                        row.append("")
                        continue
                    text = _cell(level, len(result.levels), lang)
                    if previous is not None and 0 <= level < previous:
                        text = f"[red]↓ {text}[/]"
                    row.append(text)
                    previous = level if level >= 0 else previous
                name = names[key]
                if tier.tier != "commune":
                    name = f"[bold]{name}[/]"
                table.add_row(f"{name} ({tier_name(tier.tier, lang)})", *row)
        console.print(table)
        if hidden:
            console.print(t("ui_more_lost", lang, n=hidden))
        console.print()

"""A compact per-year view when the data spans several years: each unit's level
per year per standard, a level lost marked ↓. Districts and provinces are all
listed; communes only when they lost a level."""

from __future__ import annotations

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

from pcgd_cli.engine.history import unit_keys
from pcgd_cli.i18n import t
from pcgd_cli.report.explain import tier_name
from pcgd_cli.report_model import Report

MAX_COMMUNES = 40


def _cell(level: int, levels: int, lang: str) -> str:
    if level < 0:
        return t("ui_insufficient", lang)
    if levels == 1:
        return t("ui_met_single", lang) if level >= 1 else t("ui_not_met", lang)
    return str(level)


def render_years(report: Report, console: Console) -> None:
    lang = report.lang
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
        communes_listed = 0
        for tier in reversed(tiers):
            if tier.tier == "nation":
                continue
            result = tier.standards[sid]
            by_unit: dict[tuple[str, str], dict[int, int]] = {}
            names: dict[tuple[str, str], str] = {}
            yrs = tier.units["year"].to_numpy(dtype=float)
            for i, key in enumerate(unit_keys(tier)):
                if np.isnan(yrs[i]):
                    continue
                by_unit.setdefault(key, {})[int(yrs[i])] = int(result.level[i])
                names[key] = str(tier.units["name"].iat[i] or tier.units["code"].iat[i])
            for key, levels in by_unit.items():
                known = [levels[y] for y in years if y in levels and levels[y] >= 0]
                lost = any(b < a for a, b in zip(known, known[1:], strict=False))
                if tier.tier == "commune":
                    if not lost:
                        continue
                    communes_listed += 1
                    if communes_listed > MAX_COMMUNES:
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
        if communes_listed > MAX_COMMUNES:
            console.print(t("ui_more_units", lang, n=communes_listed - MAX_COMMUNES))
        console.print()

"""The sheet of districts and the province: the share of their units at each level.

One row per unit and standard (filter on the standard column), so the sheet
stays narrow enough to print: per level the units meeting it, out of how
many, the share, the share required and the result; then the level reached
and the gap to the next level.
"""

from __future__ import annotations

from pcgd_cli.i18n import t, tier_name
from pcgd_cli.report.excel_common import (
    colour_words,
    multi_year,
    status_word,
)
from pcgd_cli.report.explain import next_level, share_gap_text, shown_rate, year_or_none
from pcgd_cli.report.xlsx_sheet import Sheet
from pcgd_cli.report_model import Report

PER_LEVEL = ("xl_share_met", "xl_share_children", "xl_share_rate", "xl_share_required",
             "xl_result")


def write_tiers_sheet(sheet: Sheet, report: Report, lang: str) -> None:
    styles = sheet.styles
    tiers = report.evaluation.tiers
    upper = tiers[1:]
    with_year = multi_year(report.evaluation)
    sheet.title(t("xl_sheet_tiers", lang) + " — " + t("xl_title", lang))
    top, low = 2, 3
    heads = [t("xl_tier", lang), t("xl_code", lang), t("xl_name", lang)]
    if with_year:
        heads.append(t("ui_year", lang))
    heads += [t("ui_communes", lang), t("xl_child_units", lang), t("xl_standard", lang)]
    # rows written top to bottom, merged only across (the workbook may be row-by-row)
    max_levels = max((len(r.levels) for r in tiers[0].standards.values()), default=1)
    first = len(heads)
    for k in range(max_levels):
        col = first + k * len(PER_LEVEL)
        sheet.header(top, col, f"{t('xl_level', lang)} {k + 1}",
                     last_col=col + len(PER_LEVEL) - 1)
    for col, head in enumerate(heads):
        sheet.header(low, col, head)
    for k in range(max_levels):
        for j, key in enumerate(PER_LEVEL):
            sheet.header(low, first + k * len(PER_LEVEL) + j, t(key, lang))
    level_col = first + max_levels * len(PER_LEVEL)
    for j, key in enumerate(("xl_level_reached", "xl_result", "ui_gap")):
        sheet.header(low, level_col + j, t(key, lang))

    row = low + 1
    status_cols = [first + k * len(PER_LEVEL) + 4 for k in range(max_levels)]
    status_cols.append(level_col + 1)
    for sid in tiers[0].standards:
        for tier in upper:
            child = tier.child_tier
            for i in range(len(tier)):
                result = tier.standards[sid]
                units = tier.units
                level_name = tier_name(tier.tier, lang)
                if tier.provisional:
                    level_name += f" ({t('ui_provisional', lang)})"
                values = [level_name, units["code"].iat[i], units["name"].iat[i]]
                for col, value in enumerate(values):
                    sheet.text(row, col, value, styles.text)
                col = 3
                if with_year:
                    sheet.number(row, col, year_or_none(units["year"].iat[i]), styles.text)
                    col += 1
                sheet.number(row, col, int(units["communes"].iat[i]), styles.count)
                sheet.text(row, col + 1, tier_name(child, lang), styles.text)
                sheet.text(row, col + 2, result.spec.short.get(lang), styles.text)
                for k, level in enumerate(result.levels):
                    share = level.share
                    base = first + k * len(PER_LEVEL)
                    if share is not None and result.evaluated:
                        met, children = int(share.met[i]), int(share.children[i])
                        sheet.number(row, base, met, styles.count)
                        sheet.number(row, base + 1, children, styles.count)
                        sheet.number(row, base + 2, shown_rate(met, children), styles.rate)
                        sheet.number(row, base + 3, share.required, styles.rate)
                    sheet.text(row, base + 4, status_word(int(level.status[i]), lang),
                               styles.text)
                level = int(result.level[i])
                sheet.number(row, level_col, level if level >= 0 else None, styles.count)
                sheet.text(row, level_col + 1, status_word(int(result.status[i]), lang),
                           styles.text)
                gap_level = next_level(result, i) if result.evaluated else None
                if gap_level is not None:
                    sheet.text(row, level_col + 2,
                               share_gap_text(gap_level, i, tier.tier, child, lang,
                                              result.spec.short.get(lang)), styles.text)
                row += 1
    met, not_met, unknown = colour_words(lang)
    sheet.status_colours(low + 1, row - 1, status_cols, met, not_met, unknown)
    sheet.finish(top, low, row - 1, level_col + 2, freeze_col=3)

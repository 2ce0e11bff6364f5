"""The sheet of districts and the province: the share of their units at each level.

One row per unit and standard (filter on the standard column), so the sheet
stays narrow enough to print: per level the units meeting it, out of how
many, the share, the share required and the result. The level reached, the
result and the gap to the next level are the standard sheets' (their total rows,
or the national summary's district rows): each said once.
"""

from __future__ import annotations

from pcgd_cli.engine.results import Status
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.report.excel_common import (
    colour_words,
    multi_year,
    status_word,
)
from pcgd_cli.report.explain import shown_rate
from pcgd_cli.report.result_columns import TierColumns
from pcgd_cli.report.xlsx_sheet import Sheet
from pcgd_cli.report_model import Report

PER_LEVEL = ("xl_share_met", "xl_share_children", "xl_share_rate", "xl_share_required",
             "xl_result")


def write_tiers_sheet(sheet: Sheet, report: Report, lang: str,
                      columns: list[TierColumns]) -> None:
    styles = sheet.styles
    tiers = report.evaluation.tiers
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
    last_col = first + max_levels * len(PER_LEVEL) - 1

    row = low + 1
    status_cols = [first + k * len(PER_LEVEL) + 4 for k in range(max_levels)]
    words = {s: status_word(s, lang) for s in Status}
    fmts = [styles.text] * 3 + ([styles.text] if with_year else [])
    fmts += [styles.count, styles.text, styles.text]
    fmts += [styles.count, styles.count, styles.rate, styles.rate, styles.text] * max_levels
    for sid in columns[0].standards:
        for tier in columns[1:]:
            std = tier.standards[sid]
            units = tier.units
            level_name = tier_name(tier.tier, lang)
            if tier.provisional:
                level_name += f" ({t('ui_provisional', lang)})"
            child = tier_name(tier.child_tier, lang)
            short = std.spec.short.get(lang)
            shares = [_share_columns(level, std.evaluated) for level in std.levels]
            statuses = [level.status.tolist() for level in std.levels]
            for i in range(len(tier)):
                values = [level_name, units.code[i], units.name[i]]
                if with_year:
                    values.append(units.year[i])
                values += [units.communes[i], child, short]
                for k in range(max_levels):
                    if k >= len(std.levels):
                        values += [None] * len(PER_LEVEL)
                        continue
                    values += [*(shares[k][i] if shares[k] else (None,) * 4),
                               words[statuses[k][i]]]
                sheet.cells(row, 0, values, fmts)
                row += 1
    met, not_met, unknown = colour_words(lang)
    sheet.status_colours(low + 1, row - 1, status_cols, met, not_met, unknown)
    sheet.finish(top, low, row - 1, last_col, freeze_col=3)


def _share_columns(level, evaluated: bool) -> list[tuple] | None:
    """Per unit: units met, out of how many, the share, the share required."""
    share = level.share
    if share is None or not evaluated:
        return None
    return [(met, children, shown_rate(met, children), share.required)
            for met, children in zip(share.met.tolist(), share.children.tolist(),
                                     strict=True)]

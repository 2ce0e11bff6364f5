"""The summary workbook a province office prints and hands to its steering committee.

Sheets: "Tổng hợp" (per standard and level, communes and districts meeting
it, the province's level, the plan targets, and a chart of communes per level
by district), one sheet per evaluated standard (excel_standards.py), the
districts and the province (excel_tiers.py), "Lỗi dữ liệu" and "Thông tin"
(excel_info.py). Headings follow ``report.lang``.
"""

from __future__ import annotations

import io
from typing import IO

import numpy as np

from pcgd_cli.engine.results import Status, TierResult
from pcgd_cli.i18n import t
from pcgd_cli.report.excel_common import (
    colour_words,
    commune_groups,
    multi_year,
    status_word,
    unit_name,
)
from pcgd_cli.report.excel_info import write_findings_sheet, write_info_sheet
from pcgd_cli.report.excel_standards import write_standard_sheet
from pcgd_cli.report.excel_tiers import write_tiers_sheet
from pcgd_cli.report.explain import shown_rate, tier_name
from pcgd_cli.report.xlsx_sheet import Sheet, Styles, new_workbook, sheet_name
from pcgd_cli.report_model import Report

CHART_WIDTH, CHART_HEIGHT = 560, 320  # pixels
CHART_ROWS = 17  # rows a chart covers at the default row height


def write_workbook(report: Report, stream: IO[bytes]) -> None:
    """Build the whole workbook in memory, then write it to ``stream`` in one go."""
    lang = report.lang
    buffer = io.BytesIO()
    book = new_workbook(buffer, row_by_row=True)
    styles = Styles(book)
    taken: set[str] = set()

    def add(name: str) -> Sheet:
        return Sheet(book, sheet_name(name, taken), styles)

    summary = add(t("xl_sheet_summary", lang))
    communes = report.evaluation.tiers[0]
    evaluated = [sid for sid, r in communes.standards.items() if r.evaluated]
    standard_sheets = {sid: add(communes.standards[sid].spec.short.get(lang))
                       for sid in evaluated}
    tiers_sheet = add(t("xl_sheet_tiers", lang))
    findings_sheet = add(t("xl_sheet_findings", lang))
    info_sheet = add(t("xl_sheet_info", lang))

    write_summary_sheet(book, summary, report)
    for sid, sheet in standard_sheets.items():
        write_standard_sheet(sheet, report, sid)
    write_tiers_sheet(tiers_sheet, report)
    write_findings_sheet(findings_sheet, report)
    write_info_sheet(info_sheet, report)
    summary.ws.activate()
    book.close()
    stream.write(buffer.getvalue())


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _province_result(tier: TierResult, sid: str, level_index: int, lang: str) -> str:
    """The province's result at a level, or "k/n" when the data spans several provinces."""
    status = tier.standards[sid].levels[level_index].status
    if len(tier) == 1:
        return status_word(int(status[0]), lang)
    return f"{int((status == Status.MET).sum())}/{len(tier)}"


def _province_level(sheet: Sheet, row: int, col: int, tier: TierResult, sid: str,
                    lang: str) -> None:
    """The level reached (a number) of the one province; its result word when unknown."""
    if len(tier) != 1:
        return
    result = tier.standards[sid]
    level = int(result.level[0])
    if level >= 0 and result.status[0] != Status.NOT_EVALUATED:
        sheet.number(row, col, level, sheet.styles.count)
    else:
        sheet.text(row, col, status_word(int(result.status[0]), lang), sheet.styles.text)


def write_summary_sheet(book, sheet: Sheet, report: Report) -> None:
    lang = report.lang
    styles = sheet.styles
    tiers = report.evaluation.tiers
    province = next(tr for tr in tiers if tr.tier == "province")
    counted = [tr for tr in tiers if tr.tier in ("commune", "district")]
    names = ", ".join(str(n) for n in province.units["name"].unique() if n)
    sheet.title(t("xl_title", lang) + (f" — {names}" if names else ""))
    rules = ", ".join(f"{rs.id} {rs.version}" for rs in report.rule_sets)
    sheet.text(1, 0, t("xl_rules_line", lang, rules=rules), styles.note)
    notes = report.notes()
    for k, note in enumerate(notes):
        sheet.text(2 + k, 0, note, styles.note)

    header = 3 + len(notes)
    heads = [t("xl_standard", lang), t("xl_level", lang), t("xl_article", lang)]
    for tier in counted:
        unit = tier_name(tier.tier, lang)
        heads += [_upper_first(t(key, lang, unit=unit))
                  for key in ("xl_units_n", "xl_units_met", "xl_units_share")]
    heads += [t("xl_province_status", lang), t("xl_province_level", lang)]
    for col, head in enumerate(heads):
        sheet.header(header, col, head)
    row = header + 1
    status_col = len(heads) - 2
    for sid, result in tiers[0].standards.items():
        short = result.spec.short.get(lang)
        if not result.evaluated:
            sheet.text(row, 0, short, styles.text)
            sheet.text(row, status_col, t("xl_status_not_evaluated", lang), styles.text)
            row += 1
            continue
        for k, level in enumerate(result.levels):
            sheet.text(row, 0, short, styles.text)
            sheet.number(row, 1, level.spec.level, styles.count)
            sheet.text(row, 2, level.spec.article.get(lang), styles.text)
            col = 3
            for tier in counted:
                status = tier.standards[sid].levels[k].status
                met, n = int((status == Status.MET).sum()), len(tier)
                sheet.number(row, col, n, styles.count)
                sheet.number(row, col + 1, met, styles.count)
                sheet.number(row, col + 2, shown_rate(met, n), styles.rate)
                col += 3
            sheet.text(row, col, _province_result(province, sid, k, lang), styles.text)
            _province_level(sheet, row, col + 1, province, sid, lang)
            row += 1
    met, not_met, unknown = colour_words(lang)
    sheet.status_colours(header + 1, row - 1, [status_col], met, not_met, unknown)
    table_end = row - 1

    if report.targets:
        row = _targets_table(sheet, report, row + 1)
    row = _chart_data_and_charts(book, sheet, report, row + 1)
    sheet.finish(header, header, table_end, len(heads) - 1)


def _targets_table(sheet: Sheet, report: Report, row: int) -> int:
    lang = report.lang
    styles = sheet.styles
    sheet.text(row, 0, t("xl_targets", lang), styles.title)
    row += 1
    heads = ("xl_target_id", "xl_description", "ui_year", "xl_value", "xl_target",
             "xl_unit_of", "xl_result", "ui_gap")
    for col, key in enumerate(heads):
        sheet.header(row, col, t(key, lang))
    first = row + 1
    for target in report.targets:
        row += 1
        sheet.text(row, 0, target.id, styles.text)
        sheet.text(row, 1, target.description, styles.wrap)
        sheet.number(row, 2, target.year, styles.text)
        sheet.number(row, 3, target.value, styles.rate)
        sheet.number(row, 4, target.target, styles.rate)
        sheet.text(row, 5, target.unit, styles.text)
        key = {True: "xl_check_pass", False: "xl_check_fail", None: "xl_check_missing"}
        sheet.text(row, 6, t(key[target.met], lang), styles.text)
        sheet.text(row, 7, target.gap, styles.wrap)
    met, not_met, unknown = colour_words(lang)
    sheet.status_colours(first, row, [6], met, not_met, unknown)
    return row + 1


def _chart_data_and_charts(book, sheet: Sheet, report: Report, row: int) -> int:
    """Communes per level reached, per standard and parent unit; one stacked chart each."""
    lang = report.lang
    styles = sheet.styles
    tiers = report.evaluation.tiers
    communes, parents = tiers[0], tiers[1]
    standards = [r for r in communes.standards.values() if r.evaluated]
    if not standards:
        return row
    sheet.text(row, 0, t("xl_chart_data", lang, unit=tier_name(parents.tier, lang)),
               styles.title)
    top, low = row + 1, row + 2
    groups = commune_groups(report.evaluation)
    with_year = multi_year(report.evaluation)
    # per standard: the column names and, per parent unit, its communes per level reached
    col = 1
    blocks = []
    for result in standards:
        names = [t("xl_check_fail", lang)]
        if len(result.levels) == 1:
            names.append(t("xl_check_pass", lang))
        else:
            names += [t("ui_level_n", lang, n=lv.spec.level) for lv in result.levels]
        names.append(t("xl_check_missing", lang))
        values = [*range(len(result.levels) + 1), -1]  # level reached; -1 unknown
        counts = [[int(np.count_nonzero(result.level[members] == v)) if members else 0
                   for v in values] for _, members in groups]
        blocks.append((result, col, names, counts))
        col += len(names)
    # written row by row (the workbook may be row-by-row)
    for result, first, names, _ in blocks:
        sheet.header(top, first, result.spec.short.get(lang), last_col=first + len(names) - 1)
    sheet.header(low, 0, t("ui_unit", lang))
    for _, first, names, _ in blocks:
        for j, name in enumerate(names):
            sheet.header(low, first + j, name)
    for k, (parent, _) in enumerate(groups):
        sheet.text(low + 1 + k, 0, unit_name(parents, parent, with_year), styles.text)
        for _, first, _names, counts in blocks:
            for j, count in enumerate(counts[k]):
                sheet.number(low + 1 + k, first + j, count, styles.count)
    last = low + len(groups)

    chart_row = last + 2
    for n, (result, first, names, _) in enumerate(blocks):
        chart = book.add_chart({"type": "column", "subtype": "stacked"})
        for j in range(len(names)):
            chart.add_series({
                "name": [sheet.name, low, first + j],
                "categories": [sheet.name, low + 1, 0, last, 0],
                "values": [sheet.name, low + 1, first + j, last, first + j],
            })
        chart.set_title({"name": t("xl_chart_title", lang, standard=result.spec.short.get(lang))})
        chart.set_y_axis({"name": t("ui_communes", lang), "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": CHART_WIDTH, "height": CHART_HEIGHT})
        # two charts side by side, whatever the column widths
        sheet.ws.insert_chart(chart_row + (n // 2) * CHART_ROWS, 0, chart,
                              {"x_offset": (n % 2) * (CHART_WIDTH + 16), "y_offset": 4})
    return chart_row + ((len(blocks) + 1) // 2) * CHART_ROWS

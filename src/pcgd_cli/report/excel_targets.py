"""The plan-targets sheet: each target of the province's plan, met or not, and the gap.

Its own sheet, so its long texts (what the target says, what is missing) get
wide wrapped columns without widening the summary's figure columns. A level
target shows whole levels ("mức 3"); a rate or share shows a percentage cut to
two decimals.
"""

from __future__ import annotations

from pcgd_cli.i18n import t
from pcgd_cli.report.excel_common import colour_words, rule_files_line
from pcgd_cli.report.targets_text import TargetResult, target_results
from pcgd_cli.report.xlsx_sheet import Sheet, wrapped_height
from pcgd_cli.report_model import Report

HEADS = ("xl_description", "ui_year", "ui_unit", "xl_value", "xl_target", "xl_unit_of",
         "xl_result", "ui_gap", "xl_target_id", "xl_info_target_sets")
LABEL_WIDTH, GAP_WIDTH = 45, 50  # characters; both wrap
RESULT_COL = 6
MET_KEYS = {True: "xl_check_pass", False: "xl_check_fail", None: "xl_check_missing"}


def is_level(target: TargetResult) -> bool:
    return target.kind == "level" or target.unit == "level"


def write_targets_sheet(sheet: Sheet, report: Report, lang: str) -> None:
    styles = sheet.styles
    level_fmt = styles.custom("level", {"valign": "top",
                                        "num_format": t("xl_level_format", lang)})
    sheet.title(t("xl_targets", lang))
    sheet.note(1, rule_files_line(report, lang))
    header = 3
    for col, key in enumerate(HEADS):
        sheet.header(header, col, t(key, lang))
    row = header + 1
    for target in target_results(report.targets, report.book, lang):
        # the height before the row's cells (the workbook is written row by row)
        sheet.ws.set_row(row, wrapped_height([(target.description, LABEL_WIDTH),
                                              (target.gap, GAP_WIDTH)]))
        level = is_level(target)
        fmt = level_fmt if level else styles.rate
        sheet.text(row, 0, target.description, styles.wrap)
        sheet.number(row, 1, target.year, styles.text)
        sheet.text(row, 2, target.name, styles.text)
        sheet.number(row, 3, target.value, fmt)
        sheet.number(row, 4, target.target, fmt)
        sheet.text(row, 5, t("xl_unit_level" if level else "xl_unit_percent", lang),
                   styles.text)
        key = ("xl_status_not_evaluated" if target.status == "not_evaluated"
               else MET_KEYS[target.met])
        sheet.text(row, RESULT_COL, t(key, lang), styles.text)
        sheet.text(row, 7, target.gap, styles.wrap)
        sheet.text(row, 8, target.id, styles.text)
        sheet.text(row, 9, target.target_set, styles.text)
        row += 1
    met, not_met, unknown = colour_words(lang)
    sheet.status_colours(header + 1, row - 1, [RESULT_COL], met, not_met, unknown)
    sheet.finish(header, header, max(row - 1, header), len(HEADS) - 1, freeze_col=1,
                 widths={0: LABEL_WIDTH, 7: GAP_WIDTH})

"""The "Lỗi dữ liệu" sheet (every finding) and the "Thông tin" sheet (provenance)."""

from __future__ import annotations

from pcgd_cli import __version__
from pcgd_cli.i18n import t
from pcgd_cli.report.finding_text import finding_message, finding_suggestion
from pcgd_cli.report.xlsx_sheet import Sheet, wrapped_height
from pcgd_cli.report_model import Report

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
FINDING_COLUMNS = ("ui_severity", "xl_code_col", "xl_file", "xl_sheet", "xl_cell", "xl_row",
                   "xl_column", "ui_unit", "ui_message", "ui_suggestion")
# the file, the message and the suggestion wrap within these widths (characters)
WRAPPED_WIDTHS = {2: 30, 8: 55, 9: 40}


def write_findings_sheet(sheet: Sheet, report: Report, lang: str) -> None:
    styles = sheet.styles
    sheet.title(t("ui_findings", lang))
    header = 2
    for col, key in enumerate(FINDING_COLUMNS):
        sheet.header(header, col, t(key, lang))
    row = header + 1
    findings = sorted(report.findings, key=lambda f: SEVERITY_ORDER[f.severity])
    formats = [styles.wrap if col in WRAPPED_WIDTHS else styles.text
               for col in range(len(FINDING_COLUMNS))]
    severities = {s: t("severity_" + s, lang) for s in SEVERITY_ORDER}
    for f in findings:
        message = finding_message(f, lang, report.book)
        suggestion = finding_suggestion(f, lang, report.book)
        # the height before the row's cells (the workbook is written row by row)
        sheet.ws.set_row(row, wrapped_height([(f.file or "", WRAPPED_WIDTHS[2]),
                                              (message, WRAPPED_WIDTHS[8]),
                                              (suggestion, WRAPPED_WIDTHS[9])]))
        sheet.cells(row, 0, [severities[f.severity], f.code, f.file, f.sheet, f.cell, f.row,
                             f.column, f.unit, message, suggestion], formats)
        row += 1
    sheet.status_colours(header + 1, row - 1, [0], [], [t("severity_error", lang)],
                         [t("severity_warning", lang)])
    sheet.finish(header, header, max(row - 1, header), len(FINDING_COLUMNS) - 1,
                 widths=WRAPPED_WIDTHS)


def write_info_sheet(sheet: Sheet, report: Report, lang: str) -> None:
    """Everything an auditor needs to reproduce the run."""
    styles = sheet.styles
    sheet.title(t("xl_title", lang))
    row = 2
    facts: list[tuple[str, object]] = [
        (t("xl_info_tool", lang), f"pcgd {__version__}"),
        (t("xl_info_started", lang),
         report.started.strftime("%Y-%m-%d %H:%M:%S") if report.started else ""),
        (t("xl_info_seconds", lang), round(report.seconds, 3)),
        (t("xl_info_lang", lang), lang),
        (t("xl_info_provisional", lang), t("xl_yes" if report.provisional else "xl_no", lang)),
    ]
    facts += [(t("xl_info_note", lang), note.get(lang)) for note in report.notes()]
    if report.persons is not None:  # counted from person rows: by which rules, how
        persons = report.persons
        options = ", ".join(f"{k}={v}" for k, v in persons.options.items())
        facts += [(t("xl_info_counting", lang), f"{persons.rules_id} {persons.rules_version}"),
                  (t("xl_info_counting_options", lang), options),
                  (t("xl_info_persons", lang), persons.persons)]
    for label, value in facts:
        sheet.text(row, 0, label, styles.total_text)
        if isinstance(value, float | int):
            sheet.number(row, 1, value, styles.text)
        else:
            sheet.text(row, 1, value, styles.text)
        row += 1

    row += 1
    sheet.text(row, 0, t("ui_rules", lang), styles.title)
    row += 1
    rule_heads = ("xl_code", "xl_info_version", "xl_name", "xl_info_source",
                  "xl_info_provisional")
    for col, key in enumerate(rule_heads):
        sheet.header(row, col, t(key, lang))
    row += 1
    # rule sets and target sets say the same of themselves (RuleFile)
    for rs in [*report.rule_sets, *report.target_sets]:
        values = [rs.id, rs.version, rs.title.get(lang), rs.source.get(lang),
                  t("xl_yes" if rs.provisional else "xl_no", lang)]
        for col, value in enumerate(values):
            sheet.text(row, col, value, styles.text)
        row += 1

    row += 1
    sheet.text(row, 0, t("xl_info_inputs", lang), styles.title)
    row += 1
    input_heads = ("xl_info_path", "SHA-256", "xl_info_rows_read", "xl_info_rows_used",
                   "xl_info_rows_total", "xl_info_rows_blank", "xl_info_rows_rejected",
                   "xl_info_sheets")
    for col, key in enumerate(input_heads):
        sheet.header(row, col, key if key == "SHA-256" else t(key, lang))
    row += 1
    for s in report.inputs:
        sheet.text(row, 0, str(s.path), styles.text)
        sheet.text(row, 1, s.sha256, styles.text)
        for col, value in enumerate((s.rows_read, s.rows_used, s.rows_total, s.rows_blank,
                                     s.rows_rejected), start=2):
            sheet.number(row, col, value, styles.count)
        sheet.text(row, 7, ", ".join(s.sheets_used), styles.text)
        row += 1
    sheet.finish(0, 0, row - 1, len(input_heads) - 1, autofilter=False)

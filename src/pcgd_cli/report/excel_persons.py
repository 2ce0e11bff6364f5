"""The sheet of persons counted: for counts made from person rows, each commune's row
accounting (read = counted + moved out + deceased + not resident + rejected; the
excluded are part of the counted), so a count can be traced back to its rows."""

from __future__ import annotations

from pcgd_cli.count_table import PERSON_FATES
from pcgd_cli.i18n import number_text, t
from pcgd_cli.report.explain import year_or_none
from pcgd_cli.report.xlsx_sheet import Sheet
from pcgd_cli.report_model import Report

UNIT_HEADS = ("xl_code", "xl_name", "ui_year")


def write_persons_sheet(sheet: Sheet, report: Report, lang: str) -> None:
    persons = report.persons
    styles = sheet.styles
    sheet.title(t("xl_persons_title", lang, rules=f"{persons.rules_id} {persons.rules_version}",
                  persons=number_text(persons.persons, lang, 0), files=persons.files))
    header = 2
    heads = [t(k, lang) for k in UNIT_HEADS] + [t(f"fate_{k}", lang) for k in PERSON_FATES]
    for col, head in enumerate(heads):
        sheet.header(header, col, head)
    communes = report.evaluation.tiers[0].units
    names = dict(zip(communes["code"].astype(str), communes["name"], strict=False))
    row = header + 1
    for record in persons.accounting.to_dict("records"):
        code = str(record["commune_code"])
        sheet.text(row, 0, code, styles.code)
        sheet.text(row, 1, names.get(code, ""), styles.text)
        sheet.number(row, 2, year_or_none(record["year"]), styles.text)
        for col, fate in enumerate(PERSON_FATES, start=len(UNIT_HEADS)):
            sheet.number(row, col, int(record[fate]), styles.count)
        row += 1
    totals = persons.totals()
    for col in range(len(heads)):
        sheet.ws.write_blank(row, col, None, styles.total_text)
    sheet.text(row, 1, t("xl_total_of", lang, name=t("xl_persons_all", lang)),
               styles.total_text)
    for col, fate in enumerate(PERSON_FATES, start=len(UNIT_HEADS)):
        sheet.number(row, col, totals[fate], styles.total_count)
    sheet.finish(header, header, row, len(heads) - 1, freeze_col=2)

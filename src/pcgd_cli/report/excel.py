"""The summary workbook a province office prints and hands to its steering committee.

Sheets: "Tổng hợp" (per standard and level, communes and districts meeting
it, the province's level, and a chart per standard of communes per level by
district), the plan targets when there are any (excel_targets.py), the
communes per level by district that the charts draw, one sheet per evaluated
standard (excel_standards.py), the districts and the province
(excel_tiers.py), "Lỗi dữ liệu" and "Thông tin" (excel_info.py). Each table
has its own columns, so each column's width fits what it holds. Headings
follow the language the workbook is asked for.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import numpy as np

from pcgd_cli.engine.results import StandardResult, Status, TierResult
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.output import write_all_atomically
from pcgd_cli.report.excel_common import (
    colour_words,
    multi_year,
    national,
    rule_files_line,
    status_word,
    unit_name,
)
from pcgd_cli.report.excel_info import write_findings_sheet, write_info_sheet
from pcgd_cli.report.excel_persons import write_persons_sheet
from pcgd_cli.report.excel_standards import write_standard_sheet
from pcgd_cli.report.excel_targets import write_targets_sheet
from pcgd_cli.report.excel_tiers import write_tiers_sheet
from pcgd_cli.report.explain import shown_rate
from pcgd_cli.report.result_columns import TierColumns, result_columns
from pcgd_cli.report.split import province_codes, province_report
from pcgd_cli.report.xlsx_sheet import Sheet, Styles, new_workbook, sheet_name
from pcgd_cli.report_model import Report

CHART_WIDTH, CHART_HEIGHT = 560, 320  # pixels
CHART_ROWS = 17  # rows a chart covers at the default row height
# Bar colours, the same in every chart: not met in red (as the tables colour "Chưa
# đạt"), each level a deeper green, unknown grey.
NOT_MET_COLOUR, UNKNOWN_COLOUR = "#C00000", "#A6A6A6"
LEVEL_COLOURS = ("#A9D18E", "#70AD47", "#38761D", "#274E13")


def write_workbooks(report: Report, output: Path, lang: str = "vi",
                    columns: list[TierColumns] | None = None,
                    split_by: str | None = None) -> None:
    """``--output x.xlsx``: the summary workbook (the national summary when the data
    spans several provinces); with ``split_by="province"`` also ``x_<code>.xlsx`` for
    each province, its communes as if it had been checked alone. All of them or none
    (written to temporary files, renamed once every one is complete)."""
    outputs = [(output, lambda fh: write_workbook(report, fh, lang, columns))]
    if split_by == "province":
        for code, _name in province_codes(report.evaluation):
            part = province_report(report, code)
            outputs.append((split_path(output, code),
                            lambda fh, part=part: write_workbook(part, fh, lang)))
    write_all_atomically(outputs)


def split_path(output: Path, code: str) -> Path:
    """``tong_hop.xlsx`` → ``tong_hop_12.xlsx`` for province 12."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in code) or "0"
    return output.with_name(f"{output.stem}_{safe}{output.suffix}")


def detail_depth(report: Report) -> int:
    """The tier whose units are the rows of the standard sheets: communes, or for data
    spanning several provinces the tier below the provinces (the national summary)."""
    tiers = report.evaluation.tiers
    if not national(report.evaluation):
        return 0
    return max(next(k for k, tr in enumerate(tiers) if tr.tier == "province") - 1, 0)


def write_workbook(report: Report, stream: IO[bytes], lang: str = "vi",
                   columns: list[TierColumns] | None = None) -> None:
    """Build the whole workbook in memory, then write it to ``stream`` in one go.
    ``columns``: the result columns when the caller has them already."""
    columns = result_columns(report.evaluation) if columns is None else columns
    detail = detail_depth(report)
    buffer = io.BytesIO()
    book = new_workbook(buffer, row_by_row=True)
    styles = Styles(book)
    taken: set[str] = set()

    def add(name: str) -> Sheet:
        return Sheet(book, sheet_name(name, taken), styles)

    summary = add(t("xl_sheet_summary", lang))
    targets_sheet = add(t("xl_targets", lang)) if report.targets else None
    levels_sheet = add(t("xl_sheet_levels", lang))
    communes = report.evaluation.tiers[0]
    evaluated = [sid for sid, r in communes.standards.items() if r.evaluated]
    standard_sheets = {sid: add(communes.standards[sid].spec.short.get(lang))
                       for sid in evaluated}
    tiers_sheet = add(t("xl_sheet_tiers", lang))
    persons_sheet = add(t("xl_sheet_persons", lang)) if report.persons else None
    findings_sheet = add(t("xl_sheet_findings", lang))
    info_sheet = add(t("xl_sheet_info", lang))

    group = detail + 1  # the parent units the levels table and the charts count by
    blocks = write_levels_sheet(levels_sheet, report, lang, group)
    write_summary_sheet(book, summary, report, levels_sheet.name, blocks, lang, group)
    if targets_sheet is not None:
        write_targets_sheet(targets_sheet, report, lang)
    for sid, sheet in standard_sheets.items():
        write_standard_sheet(sheet, report, sid, lang, columns, detail)
    write_tiers_sheet(tiers_sheet, report, lang, columns)
    if persons_sheet is not None:
        write_persons_sheet(persons_sheet, report, lang)
    write_findings_sheet(findings_sheet, report, lang)
    write_info_sheet(info_sheet, report, lang)
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


def write_summary_sheet(book, sheet: Sheet, report: Report, levels_sheet: str,
                        blocks: list[LevelBlock], lang: str, group: int = 1) -> None:
    """Per standard and level: communes and districts meeting it, the province's result,
    the legal basis (long text, last); then the charts of ``levels_sheet``'s counts."""
    styles = sheet.styles
    tiers = report.evaluation.tiers
    province = next(tr for tr in tiers if tr.tier == "province")
    counted = [tr for tr in tiers if tr.tier in ("commune", "district")]
    names = ", ".join(str(n) for n in province.units["name"].unique() if n)
    sheet.title(t("xl_title", lang) + (f" — {names}" if names else ""))
    sheet.note(1, rule_files_line(report, lang))
    notes = [note.get(lang) for note in report.notes()]
    if group > 1:  # the national summary: which units it lists, where the communes are
        notes.append(t("xl_national_note", lang, n=province.units["code"].nunique(),
                       units=tier_name(tiers[group - 1].tier, lang, 2)))
    for k, note in enumerate(notes):
        sheet.note(2 + k, note)

    header = 3 + len(notes)
    heads = [t("xl_standard", lang), t("xl_level", lang)]
    for tier in counted:
        unit = tier_name(tier.tier, lang)
        heads += [_upper_first(t(key, lang, unit=unit))
                  for key in ("xl_units_n", "xl_units_met", "xl_units_share")]
    heads += [t("xl_province_status", lang), t("xl_province_level", lang),
              t("xl_article", lang)]
    for col, head in enumerate(heads):
        sheet.header(header, col, head)
    row = header + 1
    status_col = len(heads) - 3
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
            col = 2
            for tier in counted:
                status = tier.standards[sid].levels[k].status
                met, n = int((status == Status.MET).sum()), len(tier)
                sheet.number(row, col, n, styles.count)
                sheet.number(row, col + 1, met, styles.count)
                sheet.number(row, col + 2, shown_rate(met, n), styles.rate)
                col += 3
            sheet.text(row, col, _province_result(province, sid, k, lang), styles.text)
            _province_level(sheet, row, col + 1, province, sid, lang)
            sheet.text(row, col + 2, level.spec.article.get(lang), styles.text)
            row += 1
    met, not_met, unknown = colour_words(lang)
    sheet.status_colours(header + 1, row - 1, [status_col], met, not_met, unknown)
    table_end = row - 1
    _charts(book, sheet, report, levels_sheet, blocks, table_end + 2, lang, group)
    sheet.finish(header, header, table_end, len(heads) - 1)


class LevelBlock:
    """One standard's columns in the table of communes per level: the names of the
    levels reached (not met, level 1…, unknown) and where they start."""

    def __init__(self, result: StandardResult, first: int, lang: str) -> None:
        self.result = result
        self.first = first
        self.values = [*range(len(result.levels) + 1), -1]  # level reached; -1 unknown
        names = [t("xl_check_fail", lang)]
        if len(result.levels) == 1:
            names.append(t("xl_check_pass", lang))
        else:
            names += [t("ui_level_n", lang, n=lv.spec.level) for lv in result.levels]
        self.names = [*names, t("xl_check_missing", lang)]

    def counts(self, members) -> list[int]:
        level = self.result.level[members]
        return [int(np.count_nonzero(level == v)) for v in self.values]

    def colours(self) -> list[str]:
        reached = [LEVEL_COLOURS[min(k, len(LEVEL_COLOURS) - 1)]
                   for k in range(len(self.values) - 2)]
        return [NOT_MET_COLOUR, *reached, UNKNOWN_COLOUR]


LEVELS_TOP = 2  # title, blank; the two header rows start here


def write_levels_sheet(sheet: Sheet, report: Report, lang: str,
                       group: int = 1) -> list[LevelBlock]:
    """Communes per level reached, per standard and parent unit (district, or province
    when two-tier or in the national summary: tier ``group``), then a total row per unit
    above them: the table the summary's charts draw."""
    styles = sheet.styles
    tiers = report.evaluation.tiers
    communes, parents = tiers[0], tiers[group]
    sheet.title(t("xl_chart_data", lang, unit=tier_name(parents.tier, lang)))
    top, low = LEVELS_TOP, LEVELS_TOP + 1
    blocks: list[LevelBlock] = []
    col = 1
    for result in communes.standards.values():
        if result.evaluated:
            blocks.append(LevelBlock(result, col, lang))
            col += len(blocks[-1].names)
    last_col = max(col - 1, 0)
    # written row by row (the workbook may be row-by-row)
    for block in blocks:
        sheet.header(top, block.first, block.result.spec.short.get(lang),
                     last_col=block.first + len(block.names) - 1)
    sheet.header(low, 0, t("ui_unit", lang))
    for block in blocks:
        for j, name in enumerate(block.names):
            sheet.header(low, block.first + j, name)
    with_year = multi_year(report.evaluation)
    row = low + 1
    for parent in range(len(parents)):
        members = np.flatnonzero(parents.member_of == parent)
        sheet.text(row, 0, unit_name(parents, parent, with_year), styles.text)
        for block in blocks:
            for j, count in enumerate(block.counts(members)):
                sheet.number(row, block.first + j, count, styles.count)
        row += 1
    for tier in tiers[group + 1:group + 2]:  # the province (or the nation)
        for i in range(len(tier)):
            members = (np.flatnonzero(tier.member_of == i) if tier.member_of is not None
                       else np.arange(len(communes)))
            name = unit_name(tier, i, with_year) or tier_name(tier.tier, lang)
            for c in range(last_col + 1):
                sheet.ws.write_blank(row, c, None, styles.total_text)
            sheet.text(row, 0, t("xl_total_of", lang, name=name), styles.total_text)
            for block in blocks:
                for j, count in enumerate(block.counts(members)):
                    sheet.number(row, block.first + j, count, styles.total_count)
            row += 1
    sheet.finish(top, low, row - 1, last_col, freeze_col=1, autofilter=False)
    return blocks


def _charts(book, sheet: Sheet, report: Report, levels_sheet: str, blocks: list[LevelBlock],
            chart_row: int, lang: str, group: int = 1) -> None:
    """One stacked column chart per standard: communes per level reached, per district
    (per province in the national summary); the same colour for the same result in
    every chart."""
    first, last = LEVELS_TOP + 2, LEVELS_TOP + 1 + len(report.evaluation.tiers[group])
    for n, block in enumerate(blocks):
        chart = book.add_chart({"type": "column", "subtype": "stacked"})
        for j, colour in enumerate(block.colours()):
            col = block.first + j
            chart.add_series({
                "name": [levels_sheet, LEVELS_TOP + 1, col],
                "categories": [levels_sheet, first, 0, last, 0],
                "values": [levels_sheet, first, col, last, col],
                "fill": {"color": colour},
                "border": {"color": colour},
            })
        standard = block.result.spec.short.get(lang)
        chart.set_title({"name": t("xl_chart_title", lang, standard=standard)})
        chart.set_y_axis({"name": t("ui_communes", lang), "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": CHART_WIDTH, "height": CHART_HEIGHT})
        # two charts side by side, whatever the column widths
        sheet.ws.insert_chart(chart_row + (n // 2) * CHART_ROWS, 0, chart,
                              {"x_offset": (n % 2) * (CHART_WIDTH + 16), "y_offset": 4})

"""One sheet per standard: every unit under its parent, each indicator's figures once.

Columns: the unit; then each indicator of the standard once (numerator,
denominator, rate), headed by its label and its threshold at each level (the
rules' facts, said once in the header); then each level's result, the level
reached, the result and, for a unit short of its next level, the reason (the
failing tests with their gap, unmet prerequisites, unknown data). An optional
test nobody's data has is left out. After each parent's units, a total row (summed
counts, rates recomputed, the parent's own level); the tiers above at the end.

Which units are rows: a province's workbook lists communes under their districts
(or under the province when two-tier); the national summary (data spanning
several provinces) lists districts under their provinces (``detail=1``), and each
province's communes go in its own workbook (``--split-by province``).

Rows are built from the result columns (result_columns.py) as plain lists and
written cell after cell with the format of their column, without the per-cell
width bookkeeping of ``Sheet.text``: the widths are fitted per column once.
"""

from __future__ import annotations

from pcgd_cli.engine.results import Status
from pcgd_cli.i18n import fmt_threshold, t, tier_name
from pcgd_cli.report.excel_common import (
    colour_words,
    multi_year,
    status_word,
    unit_groups,
    unit_name,
)
from pcgd_cli.report.explain import reason_lines, share_gap_text, shown_rate
from pcgd_cli.report.result_columns import FigureColumns, StandardColumns, TierColumns
from pcgd_cli.report.xlsx_sheet import Sheet, wrapped_height
from pcgd_cli.report_model import Report

FIGURES = ("xl_numerator", "xl_denominator", "xl_rate")
TITLE_ROWS = 2  # title, rule line; the header starts below
REASON_WIDTH = 70  # characters; the reason wraps within it


def threshold_text(std: StandardColumns, f: int, lang: str) -> str:
    """ "Ngưỡng: mức 1 90% (ĐBKK 85%); mức 2 95%": where and how high the test is set."""
    parts = []
    for level in std.levels:
        for test in level.tests:
            if test.figure != f:
                continue
            spec = test.result.spec
            if spec.kind == "yesno":
                return t("xl_must_be_yes", lang)
            text = fmt_threshold(spec.threshold, lang)
            override = spec.disadvantaged
            if override is not None and override.threshold is not None:
                text += f" ({t('xl_dbkk', lang)} {fmt_threshold(override.threshold, lang)})"
            parts.append(t("xl_level_threshold", lang, n=level.spec.level, threshold=text))
    return t("xl_thresholds", lang, levels="; ".join(parts))


class StandardSheet:
    """Writes the sheet of one standard, row after row (the workbook may be row-by-row)."""

    def __init__(self, sheet: Sheet, report: Report, sid: str, lang: str,
                 columns: list[TierColumns], detail: int = 0) -> None:
        self.sheet = sheet
        self.report = report
        self.lang = lang
        self.styles = sheet.styles
        self.tiers = columns
        self.detail = detail  # the tier whose units are the rows
        self.sid = sid
        self.std = columns[detail].standards[sid]
        self.rules = self.std.rules
        self.with_year = multi_year(report.evaluation)
        self.statuses = {s: status_word(s, lang) for s in Status}
        self.shown = [f for f, fig in enumerate(self.std.figures) if fig.checked]

    # --- layout -------------------------------------------------------------------------

    def _unit_heads(self) -> list[str]:
        book, lang = self.report.book, self.lang
        rows, parents = self.tiers[self.detail], self.tiers[self.detail + 1]
        keys = {"commune": ("commune_code", "commune"), "district": ("district_code", "district"),
                "province": ("province_code", "province")}
        heads = [book.label(keys[parents.tier][0], lang), book.label(keys[parents.tier][1], lang),
                 book.label(keys[rows.tier][0], lang), book.label(keys[rows.tier][1], lang)]
        if self.with_year:
            heads.append(book.label("year", lang))
        heads.append(book.label("disadvantaged", lang) if rows.tier == "commune"
                     else t("ui_communes", lang))
        return heads

    def _header(self, top: int) -> None:
        """Three rows, each merged only across and written top to bottom (the workbook
        is row-by-row): the indicator (or level), its thresholds (or article), then the
        figure labels (with the unit columns' labels, where the filter buttons go)."""
        sheet, lang, std = self.sheet, self.lang, self.std
        heads = self._unit_heads()
        self.n_unit_cols = len(heads)
        rows: list[list[tuple[int, str, int]]] = [[], [], []]  # (col, text, last col)
        for c, head in enumerate(heads):
            rows[0].append((c, "", c))
            rows[1].append((c, "", c))
            rows[2].append((c, head, c))
        col = len(heads)
        width = len(FIGURES)
        for f in self.shown:
            rows[0].append((col, std.figures[f].spec.label.get(lang), col + width - 1))
            rows[1].append((col, threshold_text(std, f, lang), col + width - 1))
            rows[2] += [(col + k, t(key, lang), col + k) for k, key in enumerate(FIGURES)]
            col += width
        self.level_cols = []
        for level in std.levels:
            self.level_cols.append(col)
            rows[0].append((col, t("xl_level_n", lang, n=level.spec.level), col))
            rows[1].append((col, level.spec.article.get(lang), col))
            rows[2].append((col, t("xl_result", lang), col))
            col += 1
        self.level_col, self.reason_col = col, col + 2
        for c, key in ((col, "xl_level_reached"), (col + 1, "xl_result"),
                       (col + 2, "ui_reason")):
            rows[0].append((c, "", c))
            rows[1].append((c, "", c))
            rows[2].append((c, t(key, lang), c))
        for k, cells in enumerate(rows):
            for c, text, last in cells:
                sheet.header(top + k, c, text, last_col=last)

    # --- rows ---------------------------------------------------------------------------

    def _figure_values(self, std: StandardColumns, i: int) -> list:
        out: list = []
        for f in self.shown:
            fig: FigureColumns = std.figures[f]
            if not fig.known[i]:
                out += [None, None, None]
                continue
            num, den = int(fig.numerator[i]), int(fig.denominator[i])
            out += [num, den, shown_rate(num, den)]
        return out

    def _verdict_values(self, std: StandardColumns, i: int) -> list:
        levels = [self.statuses[int(level.status[i])] for level in std.levels]
        level = int(std.level[i])
        return [*levels, level if level >= 0 else None, self.statuses[int(std.status[i])]]

    def _reason(self, tier: TierColumns, std: StandardColumns, i: int) -> str:
        """Why unit ``i`` misses its next level, headed by that level; "" at the top."""
        k = int(std.next_level[i])
        if k < 0:
            return ""
        level = tier.result.standards[self.sid].levels[k]
        lang = self.lang
        if tier.tier != "commune":
            return share_gap_text(level, i, tier.tier, tier.child_tier, lang,
                                  std.spec.short.get(lang))
        reasons = reason_lines(level, i, std.rules, self.report.book, lang)
        if not reasons:
            return ""
        heading = t("xl_level_heading", lang, n=level.spec.level,
                    article=level.spec.article.get(lang))
        return f"{heading}: " + "; ".join(reasons)

    def _unit_values(self, tier: TierColumns, i: int, parent_name: dict) -> list:
        units = tier.units
        parent = units.parent_code[i] or ""
        values = [parent, parent_name.get(parent, parent), units.code[i], units.name[i]]
        if self.with_year:
            values.append(units.year[i])
        if tier.tier == "commune":
            dis = units.disadvantaged[i]  # None: the ĐBKK cell was invalid (a finding says so)
            values.append("" if dis is None else t("xl_yes" if dis else "xl_no", self.lang))
        else:
            values.append(units.communes[i])
        return values

    def write(self) -> None:
        sheet, lang, std = self.sheet, self.lang, self.std
        sheet.title(f"{std.spec.title.get(lang)} — {self.rules.title.get(lang)}")
        sheet.note(1, t("xl_rules_line", lang, rules=f"{self.rules.id} {self.rules.version}"))
        top, low = TITLE_ROWS, TITLE_ROWS + 2
        self._header(top)
        styles = self.styles
        rows_tier, parents = self.tiers[self.detail], self.tiers[self.detail + 1]
        parent_name = dict(zip(parents.units.code, parents.units.name, strict=True))
        year_fmt = styles.text
        unit_fmts = [styles.text] * 4 + ([year_fmt] if self.with_year else [])
        unit_fmts.append(styles.text if rows_tier.tier == "commune" else styles.count)
        figure_fmts = [styles.count, styles.count, styles.rate] * len(self.shown)
        verdict_fmts = [styles.text] * len(std.levels) + [styles.count, styles.text]
        formats = [*unit_fmts, *figure_fmts, *verdict_fmts]
        row = low + 1
        for parent, members in unit_groups(self.report.evaluation, self.detail):
            for i in members:
                reason = self._reason(rows_tier, std, i)
                # before the row's cells (row-by-row workbook): the height its reason
                # needs, and the Excel outline level that folds a parent's units
                sheet.ws.set_row(row, wrapped_height([(reason, REASON_WIDTH)]), None,
                                 {"level": 1})
                values = [*self._unit_values(rows_tier, i, parent_name),
                          *self._figure_values(std, i), *self._verdict_values(std, i)]
                sheet.cells(row, 0, values, formats)
                if reason:
                    sheet.cells(row, self.reason_col, [reason], [styles.wrap])
                row += 1
            self._total_row(parents, parent, row)
            row += 1
        for tier in self.tiers[self.detail + 2:]:
            for i in range(len(tier)):
                self._total_row(tier, i, row)
                row += 1
        met, not_met, unknown = colour_words(lang)
        status_cols = [*self.level_cols, self.level_col + 1]
        sheet.status_colours(low + 1, row - 1, status_cols, met, not_met, unknown)
        # printed across pages: the parent's name, the unit's code and name (and the
        # year) on every page
        sheet.finish(top, low, row - 1, self.reason_col, freeze_col=4,
                     widths={self.reason_col: REASON_WIDTH},
                     repeat_cols=(1, 3 + int(self.with_year)))

    def _total_row(self, tier: TierColumns, i: int, row: int) -> None:
        sheet, lang, styles = self.sheet, self.lang, self.styles
        std = tier.standards[self.sid]
        # the unit's own code and name where its units show their parent, so that
        # filtering on a district keeps its total row
        code = tier.units.code[i]
        name = unit_name(tier.result, i, self.with_year) or code or tier_name(tier.tier, lang)
        values = [code, name, "", t("xl_total_of", lang, name=name)]
        values += [""] * (self.n_unit_cols - len(values))
        values += [*self._figure_values(std, i), *self._verdict_values(std, i),
                   self._reason(tier, std, i)]
        formats = [styles.total_text] * self.n_unit_cols
        formats += [styles.total_count, styles.total_count, styles.total_rate] * len(self.shown)
        formats += [styles.total_text] * len(std.levels)
        formats += [styles.total_count, styles.total_text, styles.total_text]
        sheet.cells(row, 0, values, formats, blanks=True)


def write_standard_sheet(sheet: Sheet, report: Report, sid: str, lang: str,
                         columns: list[TierColumns], detail: int = 0) -> None:
    StandardSheet(sheet, report, sid, lang, columns, detail).write()

"""One sheet per standard: every commune under its district, every indicator's figures.

Columns: the unit, then for each level each of its tests (numerator,
denominator, rate, threshold, met or not, shortfall), then the level reached,
the result and the reason. A test repeated unchanged at a higher level
(conditions, disabled access) is shown once; an optional test nobody's data
has is left out. After each district's communes, a total row (summed counts,
rates recomputed, the district's own level); the province (and nation) at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcgd_cli.engine.results import (
    Check,
    IndicatorResult,
    StandardResult,
    Status,
    TierResult,
)
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.report.excel_common import (
    check_word,
    colour_words,
    commune_groups,
    multi_year,
    status_word,
    unit_name,
)
from pcgd_cli.report.explain import (
    next_level,
    reason_lines,
    share_gap_text,
    shown_rate,
    year_or_none,
)
from pcgd_cli.report.xlsx_sheet import Sheet, wrapped_height
from pcgd_cli.report_model import Report

FIGURES = ("xl_numerator", "xl_denominator", "xl_rate", "xl_threshold", "xl_check",
           "xl_shortfall")
TITLE_ROWS = 2  # title, rule line; the header starts below
REASON_WIDTH = 70  # characters; the reason wraps within it


@dataclass
class Shown:
    """A test shown in the sheet: its level, its place in the level, its first column."""

    level: int
    index: int
    col: int


def shown_tests(result: StandardResult, first_col: int) -> list[Shown]:
    shown: list[Shown] = []
    seen = []
    col = first_col
    for li, level in enumerate(result.levels):
        for j, ind in enumerate(level.indicators):
            if (ind.check == Check.NOT_CHECKED).all():
                continue  # an optional test whose columns nobody has
            if any(ind.spec == other for other in seen):
                continue  # e.g. the conditions test, the same at every level
            seen.append(ind.spec)
            shown.append(Shown(li, j, col))
            col += len(FIGURES)
    return shown


@dataclass
class Figures:
    """One shown test's arrays as Python lists: one conversion, then cheap reads per row."""

    yesno: bool
    numerator: list[int]
    denominator: list[int]
    threshold: list[float]
    check: list[int]
    shortfall: list[int]

    @classmethod
    def of(cls, ind: IndicatorResult) -> Figures:
        return cls(ind.spec.kind == "yesno", ind.numerator.tolist(), ind.denominator.tolist(),
                   ind.threshold.tolist(), ind.check.tolist(), ind.shortfall.tolist())


class StandardSheet:
    """Writes the sheet of one standard, row after row (the workbook may be row-by-row)."""

    def __init__(self, sheet: Sheet, report: Report, sid: str, lang: str) -> None:
        self.sheet = sheet
        self.report = report
        self.lang = lang
        self.styles = sheet.styles
        self.tiers = report.evaluation.tiers
        self.sid = sid
        self.result = self.tiers[0].standards[sid]
        self.rules = report.rule_set(self.result.rule_set)
        self.with_year = multi_year(report.evaluation)
        self.words = {c: check_word(c, self.lang) for c in Check}
        self.statuses = {s: status_word(s, self.lang) for s in Status}

    def write(self) -> None:
        sheet, lang, result = self.sheet, self.lang, self.result
        sheet.title(f"{result.spec.title.get(lang)} — {self.rules.title.get(lang)}")
        sheet.note(1, t("xl_rules_line", lang, rules=f"{self.rules.id} {self.rules.version}"))
        top, low = TITLE_ROWS, TITLE_ROWS + 2
        self._header(top)
        row = low + 1
        communes = self.tiers[0]
        units = communes.units
        columns = {k: units[k].tolist() for k in ("code", "name", "parent_code", "year",
                                                  "disadvantaged")}
        parents = self.tiers[1].units
        parent_name = dict(zip(parents["code"].astype(str), parents["name"], strict=False))
        figures = [Figures.of(result.levels[s.level].indicators[s.index]) for s in self.shown]
        levels, statuses = result.level.tolist(), result.status.tolist()
        for parent, members in commune_groups(self.report.evaluation):
            for i in members:
                reason = self._reason(i)
                # before the row's cells (row-by-row workbook): the height its reason
                # needs, and the Excel outline level that folds a district
                sheet.ws.set_row(row, wrapped_height([(reason, REASON_WIDTH)]), None,
                                 {"level": 1})
                self._commune_row(i, row, columns, parent_name, figures, levels[i],
                                  statuses[i], reason)
                row += 1
            self._total_row(self.tiers[1], parent, row)
            row += 1
        for tier in self.tiers[2:]:
            for i in range(len(tier)):
                self._total_row(tier, i, row)
                row += 1
        met, not_met, unknown = colour_words(lang)
        status_cols = [s.col + 4 for s in self.shown] + [self.level_col + 1]
        sheet.status_colours(low + 1, row - 1, status_cols, met, not_met, unknown)
        # printed across pages: the district's name, the commune's code and name (and
        # the year) on every page
        sheet.finish(top, low, row - 1, self.reason_col, freeze_col=4,
                     widths={self.reason_col: REASON_WIDTH},
                     repeat_cols=(1, 3 + int(self.with_year)))

    def _header(self, top: int) -> None:
        """Three rows, each merged only across: the level, the test, then the figure
        labels (with the unit columns' labels, where the filter buttons go)."""
        sheet, lang, result = self.sheet, self.lang, self.result
        mid, low = top + 1, top + 2
        book = self.report.book
        unit_keys = ["district_code", "district", "commune_code", "commune"]
        if self.report.evaluation.two_tier:
            unit_keys = ["province_code", "province", "commune_code", "commune"]
        heads = [book.label(k, lang) for k in unit_keys]
        if self.with_year:
            heads.append(book.label("year", lang))
        heads.append(book.label("disadvantaged", lang))
        self.n_unit_cols = len(heads)
        self.shown = shown_tests(result, len(heads))
        width = len(FIGURES)
        end = self.shown[-1].col + width if self.shown else len(heads)
        self.level_col, self.reason_col = end, end + 2
        for li, level in enumerate(result.levels):
            cols = [s.col for s in self.shown if s.level == li]
            if cols:
                sheet.header(top, cols[0], t("xl_level_heading", lang, n=level.spec.level,
                                             article=level.spec.article.get(lang)),
                             last_col=cols[-1] + width - 1)
        for s in self.shown:
            ind = result.levels[s.level].indicators[s.index]
            sheet.header(mid, s.col, ind.spec.label.get(lang), last_col=s.col + width - 1)
        for col, head in enumerate(heads):
            sheet.header(low, col, head)
        for s in self.shown:
            for k, key in enumerate(FIGURES):
                sheet.header(low, s.col + k, t(key, lang))
        for col, key in ((end, "xl_level_reached"), (end + 1, "xl_result"),
                         (end + 2, "ui_reason")):
            sheet.header(low, col, t(key, lang))

    def _figures(self, row: int, col: int, num: int, den: int, check: int,
                 total: bool = False) -> None:
        if check not in (Check.PASS, Check.FAIL, Check.NOT_APPLICABLE, Check.INFO):
            return  # missing data or not checked: no figure to show
        styles = self.styles
        count_fmt = styles.total_count if total else styles.count
        rate_fmt = styles.total_rate if total else styles.rate
        self.sheet.number(row, col, num, count_fmt)
        self.sheet.number(row, col + 1, den, count_fmt)
        self.sheet.number(row, col + 2, shown_rate(num, den), rate_fmt)

    def _reason(self, i: int) -> str:
        """Why commune ``i`` misses its next level, headed by that level; "" at the top."""
        result, lang = self.result, self.lang
        gap_level = next_level(result, i) if result.evaluated else None
        if gap_level is None:
            return ""
        reasons = reason_lines(gap_level, i, self.rules, self.report.book, lang)
        if not reasons:
            return ""
        heading = t("xl_level_heading", lang, n=gap_level.spec.level,
                    article=gap_level.spec.article.get(lang))
        return f"{heading}: " + "; ".join(reasons)

    def _commune_row(self, i: int, row: int, columns: dict[str, list], parent_name: dict,
                     figures: list[Figures], level: int, status: int, reason: str) -> None:
        sheet, lang, styles = self.sheet, self.lang, self.styles
        parent_code = str(columns["parent_code"][i])
        sheet.text(row, 0, parent_code, styles.text)
        sheet.text(row, 1, parent_name.get(parent_code, parent_code), styles.text)
        sheet.text(row, 2, columns["code"][i], styles.text)
        sheet.text(row, 3, columns["name"][i], styles.text)
        if self.with_year:
            sheet.number(row, 4, year_or_none(columns["year"][i]), styles.text)
        dis = columns["disadvantaged"][i]  # None: the ĐBKK cell was invalid (a finding says so)
        sheet.text(row, self.n_unit_cols - 1,
                   "" if dis is None else t("xl_yes" if dis else "xl_no", lang), styles.text)
        for s, fig in zip(self.shown, figures, strict=True):
            check = fig.check[i]
            if not fig.yesno:  # a yes/no test has no count; its total row counts communes
                self._figures(row, s.col, fig.numerator[i], fig.denominator[i], check)
                if check in (Check.PASS, Check.FAIL):
                    sheet.number(row, s.col + 3, fig.threshold[i], styles.rate)
            sheet.text(row, s.col + 4, self.words[check], styles.text)
            if not fig.yesno and check in (Check.PASS, Check.FAIL):
                sheet.number(row, s.col + 5, fig.shortfall[i], styles.count)
        sheet.number(row, self.level_col, level if level >= 0 else None, styles.count)
        sheet.text(row, self.level_col + 1, self.statuses[status], styles.text)
        if reason:
            sheet.text(row, self.reason_col, reason, styles.wrap)

    def _total_row(self, tier: TierResult, i: int, row: int) -> None:
        sheet, lang, styles = self.sheet, self.lang, self.styles
        result = tier.standards[self.sid]
        for col in range(self.reason_col + 1):
            sheet.ws.write_blank(row, col, None, styles.total_text)
        # the unit's own code and name where its communes show their parent, so that
        # filtering on a district keeps its total row
        code = str(tier.units["code"].iat[i])
        name = unit_name(tier, i, self.with_year) or code or tier_name(tier.tier, lang)
        sheet.text(row, 0, code, styles.total_text)
        sheet.text(row, 1, name, styles.total_text)
        sheet.text(row, 3, t("xl_total_of", lang, name=name), styles.total_text)
        for s in self.shown:
            ind = result.levels[s.level].indicators[s.index]
            self._figures(row, s.col, int(ind.numerator[i]), int(ind.denominator[i]),
                          int(ind.check[i]), total=True)
        level = int(result.level[i])
        sheet.number(row, self.level_col, level if level >= 0 else None, styles.total_count)
        sheet.text(row, self.level_col + 1, self.statuses[int(result.status[i])],
                   styles.total_text)
        gap_level = next_level(result, i) if result.evaluated else None
        if gap_level is not None:
            gap = share_gap_text(gap_level, i, tier.tier, tier.child_tier, lang,
                                 result.spec.short.get(lang))
            sheet.text(row, self.reason_col, gap, styles.total_text)


def write_standard_sheet(sheet: Sheet, report: Report, sid: str, lang: str) -> None:
    StandardSheet(sheet, report, sid, lang).write()

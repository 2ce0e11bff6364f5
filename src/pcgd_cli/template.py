"""``pcgd template``: the input workbook a commune or district fills in, made from the rules.

The data sheet's headers are the labels the header matcher recognises, so a
filled template checks with no edit. The instructions sheet says, for each
column, what it holds, which standard, level and article uses it, and whether
it may be left out (read only by optional tests) or is needed only for xã
ĐBKK (read only through a test's ĐBKK override); all of it is derived from
the rule files. Nothing on the instructions sheet is a bare
column label, so the checker never mistakes it for a data sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pcgd_cli.errors import PcgdError
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.output import check_output_path, write_atomically
from pcgd_cli.report.xlsx_sheet import Sheet, Styles, new_workbook, sheet_name, wrapped_height
from pcgd_cli.rules.loader import unit_columns
from pcgd_cli.rules.model import ColumnSpec, IndicatorSpec, RuleSet
from pcgd_cli.units.register import Register, load_register

UNIT_ORDER = ("province_code", "province", "district_code", "district", "commune_code",
              "commune", "commune_type", "year", "disadvantaged")
MIN_DATA_ROWS = 2000  # rows carrying data validation: more communes than any province has
KIND_KEYS = {"count": "tpl_kind_count", "yesno": "tpl_kind_yesno", "flag": "tpl_kind_flag",
             "code": "tpl_kind_code", "name": "tpl_kind_name", "year": "tpl_kind_year"}


@dataclass
class TemplateColumn:
    key: str
    spec: ColumnSpec
    meaning: str = ""
    used_by: list[str] = field(default_factory=list)
    # how the tests read it: (optional test?, through the ĐBKK override?) per use
    reads: list[tuple[bool, bool]] = field(default_factory=list)

    @property
    def optional(self) -> bool:
        """Read by tests, all of them optional: the level does not wait for it."""
        return bool(self.reads) and all(optional for optional, _ in self.reads)

    @property
    def disadvantaged_only(self) -> bool:
        """Read only where a test changes for xã ĐBKK."""
        return bool(self.reads) and all(dbkk for _, dbkk in self.reads)

    def mark(self, lang: str) -> str:
        if self.optional:
            return t("tpl_optional", lang)
        return t("tpl_disadvantaged_only", lang) if self.disadvantaged_only else ""


def _indicator_columns(ind: IndicatorSpec, rules: RuleSet) -> list[tuple[str, str, bool]]:
    """(column, role, read through the ĐBKK override?) for every column a test reads;
    role: total, excluded, numerator, yesno."""
    found: list[tuple[str, str, bool]] = []
    override = ind.disadvantaged
    numerators = [(c, False) for c in ind.numerator]
    numerators += [(c, True) for c in (override.numerator or [] if override else [])]
    cohorts = [(c, False) for c in ind.cohort]
    cohorts += [(c, True) for c in (override.cohort or [] if override else [])]
    found += [(col, "numerator", dbkk) for col, dbkk in numerators]
    for name, dbkk in cohorts:
        cohort = rules.cohorts.get(name)
        if cohort is not None:
            found.append((cohort.total, f"total:{name}", dbkk))
            if cohort.excluded:
                found.append((cohort.excluded, f"excluded:{name}", dbkk))
    if ind.column:
        found.append((ind.column, "yesno", False))
    return found


def template_columns(rule_sets: list[RuleSet], lang: str) -> list[TemplateColumn]:
    """Unit columns, then every column of every rule set in the order the rules declare."""
    units = unit_columns()
    columns = {key: TemplateColumn(key, units[key]) for key in UNIT_ORDER if key in units}
    for column in columns.values():
        column.meaning = _unit_meaning(column, lang)
    for rules in rule_sets:
        for key, spec in rules.columns.items():
            columns.setdefault(key, TemplateColumn(key, spec))
        _note_uses(rules, columns, lang)
    return list(columns.values())


def _unit_meaning(column: TemplateColumn, lang: str) -> str:
    spec = column.spec
    if spec.description is not None:
        return spec.description.get(lang)
    unit = tier_name(column.key.removesuffix("_code"), lang) if column.key != "year" else ""
    if spec.kind == "code":
        return t("tpl_meaning_code", lang, unit=unit, width=spec.width or "")
    if spec.kind == "name":
        return t("tpl_meaning_name", lang, unit=unit)
    return t("tpl_meaning_year", lang) if spec.kind == "year" else ""


def _note_uses(rules: RuleSet, columns: dict[str, TemplateColumn], lang: str) -> None:
    """Each column's meaning and the tests (standard, level, article) that read it."""
    uses: dict[tuple[str, str], list[str]] = {}  # (column, test) -> levels
    tests: list[tuple[IndicatorSpec, str, str]] = []
    for ind in rules.every_standard:
        source = ind.source.get(lang) if ind.source else rules.source.get(lang)
        tests.append((ind, ind.label.get(lang), t("tpl_all_standards", lang, source=source)))
    for std in rules.standards.values():
        for level in std.levels:
            where = t("tpl_used_level", lang, level=level.level,
                      article=level.article.get(lang))
            for ind in std.indicators(level):
                what = f"{std.short.get(lang)}: {ind.label.get(lang)}"
                if ind.source:
                    what += f" ({ind.source.get(lang)})"
                tests.append((ind, what, where))
    for ind, what, where in tests:
        for col, role, dbkk in _indicator_columns(ind, rules):
            column = columns.get(col)
            if column is None:
                continue
            column.reads.append((ind.optional, dbkk))
            if not column.meaning:
                column.meaning = _meaning(role, ind, rules, lang)
            wheres = uses.setdefault((col, what), [])
            if where not in wheres:
                wheres.append(where)
    for (col, what), wheres in uses.items():
        columns[col].used_by.append(f"{what} — {'; '.join(wheres)}")


def _meaning(role: str, ind: IndicatorSpec, rules: RuleSet, lang: str) -> str:
    kind, _, cohort_name = role.partition(":")
    if kind in ("total", "excluded"):
        cohort = rules.cohorts[cohort_name].label.get(lang)
        return t(f"tpl_meaning_{kind}", lang, cohort=cohort)
    if kind == "yesno":
        return t("tpl_meaning_yesno", lang, indicator=ind.label.get(lang))
    return t("tpl_meaning_numerator", lang, indicator=ind.label.get(lang))


def prefill_rows(register: Register | None, lang: str) -> list[dict[str, str]]:
    """The register's communes as template rows: codes as text, ĐBKK as the list's
    có/không (only when the register says)."""
    if register is None:
        return []
    rows = []
    for unit in register.units:
        row = {key: getattr(unit, key) for key in UNIT_ORDER if hasattr(unit, key)}
        row["disadvantaged"] = ("" if unit.disadvantaged is None else
                                t("tpl_yes" if unit.disadvantaged else "tpl_no", lang))
        rows.append(row)
    return rows


def write_template(stream: IO[bytes], rule_sets: list[RuleSet], units: list[dict[str, str]],
                   lang: str, file_name: str = "mau.xlsx") -> None:
    columns = template_columns(rule_sets, lang)
    import io

    buffer = io.BytesIO()
    book = new_workbook(buffer)
    styles = Styles(book)
    taken: set[str] = set()
    data = Sheet(book, sheet_name(t("tpl_sheet_data", lang), taken), styles)
    help_sheet = Sheet(book, sheet_name(t("tpl_sheet_help", lang), taken), styles)
    _write_data_sheet(data, columns, units, lang)
    _write_help_sheet(help_sheet, columns, rule_sets, data.name, file_name, lang)
    data.ws.activate()
    book.close()
    stream.write(buffer.getvalue())


def _write_data_sheet(sheet: Sheet, columns: list[TemplateColumn], units: list[dict[str, str]],
                      lang: str) -> None:
    styles = sheet.styles
    last_row = max(MIN_DATA_ROWS, len(units) + 500)
    yes_no = [t("tpl_yes", lang), t("tpl_no", lang)]
    for col, column in enumerate(columns):
        sheet.header(0, col, column.spec.label.get(lang))
        kind = column.spec.kind
        message = column.meaning or column.spec.label.get(lang)
        if kind == "flag":  # the list offers có/không; say so, not every spelling accepted
            message = t("tpl_prompt_flag", lang)
        prompt = {"input_title": column.spec.label.get(lang)[:32],
                  "input_message": message[:250]}
        if kind == "count":
            sheet.ws.data_validation(1, col, last_row, col, {
                "validate": "integer", "criteria": ">=", "value": 0,
                "error_message": t("tpl_valid_count", lang), **prompt})
        elif kind in ("flag", "yesno"):
            # a warning, not a stop: 1/0 and x are accepted by the checker too
            sheet.ws.data_validation(1, col, last_row, col, {
                "validate": "list", "source": yes_no, "error_type": "warning",
                "error_message": t("tpl_valid_flag", lang), **prompt})
        elif kind == "year":
            sheet.ws.data_validation(1, col, last_row, col, {
                "validate": "integer", "criteria": "between", "minimum": 1900,
                "maximum": 2200, **prompt})
    for r, unit in enumerate(units, start=1):
        for col, column in enumerate(columns):
            value = unit.get(column.key, "")
            if value:
                sheet.text(r, col, value, styles.code)
    commune_col = next(i for i, c in enumerate(columns) if c.key == "commune")
    sheet.ws.set_row(0, 75)
    sheet.finish(0, 0, max(len(units), 1), len(columns) - 1, freeze_col=commune_col + 1)
    for col, column in enumerate(columns):
        width = max(sheet.widths.get(col, 8), 8) + 2
        fmt = styles.code if column.spec.kind in ("code", "name") else None
        sheet.ws.set_column(col, col, width, fmt)


def _column_letter(col: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(col)


def _write_help_sheet(sheet: Sheet, columns: list[TemplateColumn], rule_sets: list[RuleSet],
                      data_name: str, file_name: str, lang: str) -> None:
    styles = sheet.styles
    rules = ", ".join(f"{rs.id} {rs.version}" for rs in rule_sets)
    sheet.title(t("tpl_title", lang, rules=rules))
    steps = [t("tpl_step_1", lang, sheet=data_name), t("tpl_step_2", lang),
             t("tpl_step_3", lang), t("tpl_step_4", lang, file=file_name),
             t("tpl_step_names", lang, file=file_name)]
    for k, step in enumerate(steps, start=1):
        sheet.ws.write_string(k, 0, step, styles.text)
    header = len(steps) + 2
    for col, key in enumerate(("tpl_col", "tpl_header", "tpl_kind", "tpl_meaning",
                               "tpl_used_by")):
        sheet.header(header, col, t(key, lang))
    row = header + 1
    rows = []
    for col, column in enumerate(columns):
        # header and key in one cell: a bare label here would look like a data header
        head = f"{column.spec.label.get(lang)} ({column.key})"
        if column.mark(lang):
            head += "\n" + column.mark(lang)
        values = [_column_letter(col), head, t(KIND_KEYS[column.spec.kind], lang),
                  column.meaning, "\n".join(column.used_by)]
        for c, value in enumerate(values):
            sheet.text(row, c, value, styles.wrap)
        rows.append((row, values))
        row += 1
    widths = {3: 45, 4: 80}
    sheet.finish(header, header, row - 1, 4, widths=widths)
    # wrapped text needs its lines' height (LibreOffice does not grow the rows itself)
    for r, values in rows:
        cells = [(str(v), widths.get(c, sheet.widths.get(c, 6) + 2))
                 for c, v in enumerate(values)]
        sheet.ws.set_row(r, wrapped_height(cells))


def make_template(output: Path, rule_ids: list[str], units_path: Path | None,
                  lang: str) -> int:
    """Write the template to ``output`` (atomically); the number of communes pre-filled."""
    from pcgd_cli.rules.target_loader import load_rule_sets

    if output.suffix.lower() != ".xlsx":
        raise PcgdError(t("tpl_output_type", lang, path=output), t("output_type_hint", lang))
    check_output_path(output, [units_path] if units_path else [], (".xlsx",), lang)
    rule_sets = load_rule_sets(rule_ids, lang)
    units = prefill_rows(load_register(units_path, lang) if units_path else None, lang)
    write_atomically(output, lambda fh: write_template(fh, rule_sets, units, lang, output.name),
                     binary=True, lang=lang)
    return len(units)

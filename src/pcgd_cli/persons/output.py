"""Write a ``PersonCounts``: the counts in the checker's input layout, and the report.

CSV, Parquet and the xlsx's data sheet have the keys as headers, one row per
commune (and year, village), so ``pcgd check COUNTS.xlsx`` reads them back;
the xlsx adds a sheet of Vietnamese and English labels (text only, without a
commune-code column, so the checker passes it by). JSON carries the counts,
the row accounting, the inputs and the findings.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pcgd_cli import __version__
from pcgd_cli.findings import Finding
from pcgd_cli.i18n import t
from pcgd_cli.persons.count import ACCOUNTING, PersonCounts
from pcgd_cli.report.finding_text import finding_message, finding_suggestion
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.model import Text

COUNT_SUFFIXES = (".xlsx", ".csv", ".parquet", ".json")

if TYPE_CHECKING:
    import pandas as pd


def column_labels(result: PersonCounts, book: RuleBook) -> dict[str, Text]:
    """Labels of the output columns: the rule book's (the standards' and targets' rule
    files, the single source of the input columns' labels), else the counting rule file."""
    labels: dict[str, Text] = {k: s.label for k, s in book.columns.items()}
    labels["village"] = result.rules.columns["village"].label \
        if "village" in result.rules.columns else Text(vi="Thôn", en="Village")
    for key, spec in result.rules.counts.items():
        if key not in labels and spec.label is not None:
            labels[key] = spec.label
    return labels


def counts_frame(result: PersonCounts) -> pd.DataFrame:
    """The counts as every output writes them: the register's names and ĐBKK flags and
    its communes without person rows (``units.with_register``), counts as whole numbers
    or blank (a count not known), a village not written as blank, never "nan"."""
    from pcgd_cli.persons.units import with_register

    frame = with_register(result.counts, result.register, result.commune)
    frame = frame.copy() if frame is result.counts else frame
    for key in result.count_keys:
        if key in frame and str(frame[key].dtype) != "int64":
            frame[key] = frame[key].astype("Int64")
    if "village" in frame:
        frame["village"] = frame["village"].astype(object).where(frame["village"].notna(), "")
    frame["year"] = frame["year"].astype("int64")
    return frame.reset_index(drop=True)


def _blank(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def write_counts_csv(result: PersonCounts, fh: IO) -> None:
    """The counts as a file or on stdout: a count not known and a village not written
    are empty fields."""
    counts_frame(result).to_csv(fh, index=False, lineterminator="\n")


def write_counts_xlsx(result: PersonCounts, fh: IO, rule_book: RuleBook,
                      lang: str = "vi") -> None:
    import xlsxwriter

    frame = counts_frame(result)
    labels = column_labels(result, rule_book)
    book = xlsxwriter.Workbook(fh, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    data = book.add_worksheet(t("sheet_counts", lang))
    for c, key in enumerate(frame.columns):
        data.write_string(0, c, key, bold)
        label = labels.get(key)
        if label is not None:
            data.write_comment(0, c, f"{label.vi}\n{label.get('en')}")
    numbers = {"year", "disadvantaged", *result.count_keys}
    for c, key in enumerate(frame.columns):
        values = frame[key].tolist()
        for r, value in enumerate(values, 1):
            if _blank(value) or value == "":
                continue  # a blank cell: a count not known, a village not written
            if key in numbers:
                data.write_number(r, c, int(value))
            else:
                data.write_string(r, c, str(value))  # codes keep their leading zeros
    data.freeze_panes(1, 2)
    data.set_column(0, len(frame.columns) - 1, 12)
    names = book.add_worksheet(t("sheet_labels", lang))
    for c, head in enumerate(("col_key", "col_label", "col_label_en")):
        names.write_string(0, c, t(head, lang), bold)
    count_keys = [k for k in frame.columns if k in result.rules.counts]
    for r, key in enumerate(count_keys, 1):
        label = labels.get(key)
        names.write_string(r, 0, key)
        names.write_string(r, 1, label.vi if label else "")
        names.write_string(r, 2, label.get("en") if label else "")
    names.set_column(0, 0, 32)
    names.set_column(1, 2, 70)
    book.close()


def write_counts_parquet(result: PersonCounts, fh: IO) -> None:
    import duckdb

    with tempfile.TemporaryDirectory(prefix="pcgd-parquet-") as folder:
        target = Path(folder) / "counts.parquet"
        con = duckdb.connect()
        try:
            con.register("counts", counts_frame(result))
            con.execute(f"COPY counts TO '{target}' (FORMAT parquet)")
        finally:
            con.close()
        fh.write(target.read_bytes())


def finding_dict(f: Finding, lang: str) -> dict:
    return {"severity": f.severity, "code": f.code, "file": f.file or None,
            "sheet": f.sheet or None, "cell": f.cell or None, "row": f.row,
            "column": f.column or None, "unit": f.unit or None, "value": f.value or None,
            "params": {k: v for k, v in f.params.items() if k != "rules_id"} or None,
            "message": finding_message(f, lang), "suggestion": finding_suggestion(f, lang)}


def result_dict(result: PersonCounts, lang: str = "vi") -> dict:
    def records(frame: pd.DataFrame) -> list[dict]:
        return json.loads(frame.to_json(orient="records", force_ascii=False))

    return {
        "schema_version": 1,
        "tool": {"name": "pcgd", "version": __version__, "command": "count"},
        "rules": {"id": result.rules.id, "version": result.rules.version,
                  "options": result.options},
        "inputs": [{"path": str(i.path), "sha256": i.sha256, "kind": i.kind,
                    "sheets": i.sheets, "commune_code": i.commune_code,
                    "survey_year": i.survey_year, "rows_read": i.rows_read,
                    "rows_counted": i.rows_counted} for i in result.inputs],
        "persons": result.persons,
        "counts": records(counts_frame(result)),
        "accounting": records(result.accounting),
        "checks": result.check_totals,
        "findings": [finding_dict(f, lang) for f in result.findings],
    }


def write_counts_json(result: PersonCounts, fh: IO, lang: str = "vi") -> None:
    json.dump(result_dict(result, lang), fh, ensure_ascii=False)
    fh.write("\n")


def accounting_totals(result: PersonCounts) -> dict[str, int]:
    return {k: int(result.accounting[k].sum()) for k in ACCOUNTING}

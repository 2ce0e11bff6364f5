"""read → validate → evaluate: the library call behind ``pcgd check``."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pcgd_cli.engine import evaluate_units
from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding
from pcgd_cli.i18n import t
from pcgd_cli.reading import read_file
from pcgd_cli.report_model import Report
from pcgd_cli.rules.loader import load_rule_set, resolve_rule_set, unit_columns
from pcgd_cli.rules.model import RuleSet
from pcgd_cli.validation import ColumnCatalog, InputSummary, build_unit_table
from pcgd_cli.validation.catalog import normalise_header
from pcgd_cli.validation.consistency import check_consistency, missing_columns

DEFAULT_RULES = ("nd20-2014",)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_rule_sets(ids: list[str] | tuple[str, ...], lang: str = "vi") -> list[RuleSet]:
    rule_sets = [load_rule_set(resolve_rule_set(i, lang), lang) for i in ids or DEFAULT_RULES]
    seen: dict[str, str] = {}
    for rs in rule_sets:
        for sid in rs.standards:
            if sid in seen:
                raise PcgdError(t("rules_conflict", lang, standard=sid))
            seen[sid] = rs.id
    return rule_sets


def column_catalog(rule_sets: list[RuleSet]) -> ColumnCatalog:
    columns = unit_columns()
    for rs in rule_sets:
        columns.update(rs.columns)
    excluded = {c.excluded for rs in rule_sets for c in rs.cohorts.values() if c.excluded}
    return ColumnCatalog(columns, zero_when_blank=excluded)


def check_sheet_names(sheets: list, names: list[str], lang: str) -> None:
    """Every ``--sheet`` name must be a sheet of one of the files."""
    known = {normalise_header(s.name) for s in sheets}
    for name in names:
        if normalise_header(name) not in known:
            listed = ", ".join(dict.fromkeys(s.name for s in sheets))
            raise PcgdError(t("sheet_not_found", lang, sheet=name, known=listed),
                            t("sheet_not_found_hint", lang))


def check_files(paths: list[Path], rule_sets: list[RuleSet], lang: str = "vi",
                progress: Callable[[Path], None] | None = None,
                sheet_names: list[str] | None = None) -> Report:
    """Read every file, build the commune table, evaluate every standard.

    ``sheet_names`` (``--sheet``): read only these sheets, hidden or not."""
    started = datetime.now(UTC)
    clock = time.perf_counter()
    catalog = column_catalog(rule_sets)
    sheets = []
    summaries: dict[Path, InputSummary] = {}
    for path in paths:
        summaries[path] = InputSummary(path, file_sha256(path))
        sheets.extend(read_file(path, lang))
        if progress:
            progress(path)
    if sheet_names:
        check_sheet_names(sheets, sheet_names, lang)
    table = build_unit_table(sheets, catalog, summaries, sheet_names)
    if table.frame.empty:
        # say why when a sheet was found but could not be used (e.g. far too large)
        first = next((f for f in table.findings if f.severity == "error"), None)
        if first is not None:
            where = ":".join(x for x in (first.file, first.location) if x)
            raise PcgdError(f"{where}: {first.message(lang)}", first.suggestion(lang))
        raise PcgdError(Finding("error", "no_data_sheet").message(lang),
                        Finding("error", "no_data_sheet").suggestion(lang))
    # validation before evaluation: values found wrong are made missing here
    checked = check_consistency(table, rule_sets) + missing_columns(table, rule_sets, catalog)
    evaluation, notes = evaluate_units(table.frame, table.columns_present, rule_sets,
                                       table.has_districts)
    findings = table.findings + checked + notes
    for result in evaluation.tiers[0].standards.values():
        if not result.evaluated:
            findings.append(Finding("info", "standard_not_evaluated", column=result.id))
    return Report(evaluation, findings, table.inputs, rule_sets, started=started,
                  seconds=time.perf_counter() - clock, lang=lang)

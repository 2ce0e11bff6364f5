"""read → validate → evaluate: the library call behind ``pcgd check``."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pcgd_cli.engine import evaluate_units
from pcgd_cli.engine.history import level_history
from pcgd_cli.engine.indicators import indicator_columns
from pcgd_cli.engine.results import Check
from pcgd_cli.engine.targets import evaluate_targets
from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding
from pcgd_cli.i18n import t, tier_name
from pcgd_cli.reading import read_file
from pcgd_cli.report.targets_text import target_results
from pcgd_cli.report_model import Report
from pcgd_cli.rules.loader import builtin_rule_ids, read_yaml, unit_columns
from pcgd_cli.rules.model import ColumnSpec, RuleSet

# rule loading lives with the rules; named here too, as the library's entry points
from pcgd_cli.rules.target_loader import (  # noqa: F401
    DEFAULT_RULES,
    load_rule_sets,
    load_target_sets,
)
from pcgd_cli.rules.target_model import TargetSet
from pcgd_cli.units.register import Register
from pcgd_cli.validation.catalog import ColumnCatalog, normalise_header
from pcgd_cli.validation.consistency import check_consistency, missing_columns
from pcgd_cli.validation.table import InputSummary, build_unit_table


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _builtin_columns() -> list[tuple[str, str, dict[str, ColumnSpec]]]:
    """(id, option, columns) of every built-in rule and target file, read as plain YAML."""
    found = []
    for kind, option in (("standards", "--rules"), ("targets", "--targets")):
        for rid, path in builtin_rule_ids(kind).items():
            data, _ = read_yaml(path, "en")
            raw = (data or {}).get("columns") or {} if isinstance(data, dict) else {}
            found.append((rid, f"{option} {rid}",
                          {k: ColumnSpec.model_validate(v) for k, v in raw.items()}))
    return found


def _optional_only_columns(rule_sets: list[RuleSet]) -> set[str]:
    """Columns that only optional tests read (conditions, disabled access)."""
    optional: set[str] = set()
    required: set[str] = set()
    for rs in rule_sets:
        for std in rs.standards.values():
            for ind in rs.standard_indicators(std):
                (optional if ind.optional else required).update(indicator_columns(ind, rs))
    return optional - required


def column_catalog(rule_sets: list[RuleSet],
                   target_sets: list[TargetSet] | tuple = ()) -> ColumnCatalog:
    columns = unit_columns()
    for rs in [*rule_sets, *target_sets]:
        columns.update(rs.columns)
    # a target file's cohorts have "excluded" columns too (blank = nobody excluded)
    excluded = {c.excluded for rs in [*rule_sets, *target_sets] for c in rs.cohorts.values()
                if c.excluded}
    catalog = ColumnCatalog(columns, zero_when_blank=excluded,
                            optional_only=_optional_only_columns(rule_sets))
    in_use = {rs.id for rs in [*rule_sets, *target_sets]}
    for rid, option, declared in _builtin_columns():
        if rid in in_use:
            continue
        for key, spec in declared.items():
            for name in (key, spec.label.vi, spec.label.en, *spec.aliases):
                if name and catalog.match(name) is None:
                    catalog.elsewhere.setdefault(normalise_header(name), (key, rid, option))
    return catalog


def check_sheet_names(sheets: list, names: list[str], lang: str) -> None:
    """Every ``--sheet`` name must be a sheet of one of the files."""
    known = {normalise_header(s.name) for s in sheets}
    for name in names:
        if normalise_header(name) not in known:
            listed = ", ".join(dict.fromkeys(s.name for s in sheets))
            raise PcgdError(t("sheet_not_found", lang, sheet=name, known=listed),
                            t("sheet_not_found_hint", lang))


def not_checked_findings(evaluation) -> list[Finding]:
    """Optional tests (Circular 07) whose columns are absent: said once, never 'met'."""
    findings, seen = [], set()
    for result in evaluation.tiers[0].standards.values():
        for level in result.levels:
            for ind in level.indicators:
                key = (ind.spec.id, ind.spec.column or ",".join(ind.spec.numerator))
                if key in seen or not len(ind.check) or ind.check[0] != Check.NOT_CHECKED:
                    continue
                seen.add(key)
                source = ind.spec.source or result.spec.short
                findings.append(Finding("info", "optional_not_checked", column=key[1],
                                        value=ind.spec.label.vi, extra=source.vi,
                                        params={"standard": result.id,
                                                "label_en": ind.spec.label.get("en"),
                                                "source_en": source.get("en")}))
    return findings


def name_findings(findings: list[Finding], catalog: ColumnCatalog,
                  rule_sets: list[RuleSet]) -> None:
    """Give each finding the Vietnamese and English names of the column and standard
    it is about, from the rule files, so messages never show a bare key."""
    standards = {sid: std.short for rs in rule_sets for sid, std in rs.standards.items()}
    for f in findings:
        spec = catalog.columns.get(f.column)
        if spec is not None:
            f.params.setdefault("column_label", spec.label.vi)
            f.params.setdefault("column_label_en", spec.label.get("en"))
        for field, value in (("standard_label", f.column), ("extra_label", f.extra)):
            if value in standards:
                f.params.setdefault(field, standards[value].vi)
                f.params.setdefault(f"{field}_en", standards[value].get("en"))


def check_files(paths: list[Path], rule_sets: list[RuleSet], lang: str = "vi",
                progress: Callable[[Path], None] | None = None,
                sheet_names: list[str] | None = None,
                target_sets: list[TargetSet] | tuple = (),
                register: Register | None = None) -> Report:
    """Read every file, build the commune table, evaluate every standard and target.

    ``sheet_names`` (``--sheet``): read only these sheets, hidden or not.
    ``register`` (``--units``): communes found by name, districts and ĐBKK from it."""
    started = datetime.now(UTC)
    clock = time.perf_counter()
    catalog = column_catalog(rule_sets, target_sets)
    sheets = []
    summaries: dict[Path, InputSummary] = {}
    for path in paths:
        summaries[path] = InputSummary(path, file_sha256(path))
        sheets.extend(read_file(path, lang))
        if progress:
            progress(path)
    if sheet_names:
        check_sheet_names(sheets, sheet_names, lang)
    table = build_unit_table(sheets, catalog, summaries, sheet_names, register)
    if table.frame.empty:
        # say why when a sheet was found but could not be used (e.g. far too large)
        first = next((f for f in table.findings if f.severity == "error"), None)
        if first is not None:
            where = ":".join(x for x in (first.file, first.location) if x)
            raise PcgdError(f"{where}: {first.message(lang)}", first.suggestion(lang))
        raise PcgdError(Finding("error", "no_data_sheet").message(lang),
                        Finding("error", "no_data_sheet").suggestion(lang))
    # validation before evaluation: values found wrong are made missing here
    checked = (check_consistency(table, rule_sets, list(target_sets))
               + missing_columns(table, rule_sets, catalog))
    evaluation, notes = evaluate_units(table.frame, table.columns_present, rule_sets,
                                       table.has_districts)
    findings = table.findings + checked + notes + level_history(evaluation)
    for result in evaluation.tiers[0].standards.values():
        if not result.evaluated:
            findings.append(Finding("info", "standard_not_evaluated", column=result.id))
    findings += not_checked_findings(evaluation)
    for ts in target_sets:
        if evaluation.tier(ts.scope) is None:
            raise PcgdError(t("targets_need_scope", lang, id=ts.id,
                              scope=tier_name(ts.scope, lang)),
                            t("targets_need_scope_hint", lang))
    outcomes = evaluate_targets(evaluation, table.frame, table.columns_present,
                                list(target_sets), rule_sets)
    name_findings(findings, catalog, rule_sets)
    return Report(evaluation, findings, table.inputs, rule_sets,
                  target_sets=list(target_sets),
                  targets=target_results(outcomes, rule_sets, lang), started=started,
                  seconds=time.perf_counter() - clock, lang=lang)

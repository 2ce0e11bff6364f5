"""The stages behind ``pcgd check``, used alike by the CLI, the benchmark and the tests.

    read_inputs(paths, book)        → Reading   (count table, findings, inputs), from
                                                 commune tables or person rows alike
    read_spreadsheets(paths, book)  → Reading   (tables of commune counts)
    read_person_rows(paths)         → Reading   (person rows, counted)
    choose_readings(book, present)  → RuleBook  (older readings where the data needs them)
    validate_counts(reading, book)  → Reading   (cells found wrong made missing)
    judge(table, book)              → Judgement (evaluation, targets, findings)
    check_files(paths, book)        → Report    (the stages above, timed)

Each stage returns a new value and never edits what it was handed. A new input
kind (person rows) is another reading stage producing the same ``Reading``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pcgd_cli.count_table import CountTable, InputSummary, Reading
from pcgd_cli.engine import evaluate_units
from pcgd_cli.engine.history import level_history
from pcgd_cli.engine.results import Check, Evaluation
from pcgd_cli.engine.targets import TargetOutcome, evaluate_targets
from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding
from pcgd_cli.i18n import Phrase
from pcgd_cli.reading import RawSheet, read_file
from pcgd_cli.report_model import Report
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.readings import choose_readings

# rule loading lives with the rules; named here too, as the library's entry points
from pcgd_cli.rules.target_loader import load_rule_book  # noqa: F401
from pcgd_cli.units.register import Register
from pcgd_cli.validation.catalog import ColumnCatalog, column_catalog, normalise_header
from pcgd_cli.validation.consistency import check_consistency, missing_columns
from pcgd_cli.validation.table import build_unit_table


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_sheet_names(sheets: list, names: list[str]) -> None:
    """Every ``--sheet`` name must be a sheet of one of the files."""
    known = {normalise_header(s.name) for s in sheets}
    for name in names:
        if normalise_header(name) not in known:
            listed = ", ".join(dict.fromkeys(s.name for s in sheets))
            raise PcgdError("sheet_not_found", sheet=name, known=listed)


def read_spreadsheets(paths: list[Path], book: RuleBook,
                      sheet_names: list[str] | None = None,
                      progress: Callable[[Path], None] | None = None,
                      register: Register | None = None,
                      sheets_read: dict[Path, list[RawSheet]] | None = None,
                      catalog: ColumnCatalog | None = None) -> Reading:
    """Every sheet of every file → one count table (one row per commune and year).

    ``sheet_names`` (``--sheet``): read only these sheets, hidden or not.
    ``register`` (``--units``): communes found by name, districts and ĐBKK from it.
    ``sheets_read``: files already read, by path; ``catalog``: the book's column
    catalogue, when made already. A data set with no usable commune row is an input
    error, named by its first error finding."""
    sheets = []
    summaries: dict[Path, InputSummary] = {}
    for path in paths:
        summaries[path] = InputSummary(path, file_sha256(path))
        sheets.extend((sheets_read or {}).get(path) or read_file(path))
        if progress:
            progress(path)
    if sheet_names:
        check_sheet_names(sheets, sheet_names)
    return tabulate_sheets(sheets, book, summaries, sheet_names, register, catalog)


def tabulate_sheets(sheets: list[RawSheet], book: RuleBook,
                    summaries: dict[Path, InputSummary] | None = None,
                    sheet_names: list[str] | None = None,
                    register: Register | None = None,
                    catalog: ColumnCatalog | None = None) -> Reading:
    """Sheets already read (grids of cells) → the count table: the second half of
    ``read_spreadsheets``, for callers that hold grids rather than files."""
    if summaries is None:
        summaries = {s.file: InputSummary(s.file) for s in sheets}
    catalog = catalog or column_catalog(book)
    reading = build_unit_table(sheets, catalog, summaries, sheet_names, register)
    if len(reading.table) == 0:
        # say why when a sheet was found but could not be used (e.g. far too large)
        first = next((f for f in reading.findings if f.severity == "error"), None)
        raise PcgdError("finding_no_data_sheet",
                        finding=first or Finding("error", "no_data_sheet"))
    return reading


@dataclass
class PersonArgs:
    """How person rows are counted (``pcgd check`` on the household survey): the
    counting rules (id or path; default household-2025), the survey year, the commune
    of one-commune workbooks, and the counting options chosen."""

    counting: str | None = None
    year: int | None = None
    commune: str | None = None
    options: dict[str, str] = field(default_factory=dict)


def read_person_rows(paths: list[Path], args: PersonArgs | None = None,
                     register: Register | None = None,
                     progress: Callable[[Path], None] | None = None,
                     sheets_read: dict[Path, list[RawSheet]] | None = None) -> Reading:
    """Person rows (entry workbooks, CSV or Parquet exports) counted into the count
    table, with each commune's row accounting (``Reading.persons``)."""
    from pcgd_cli.heap import collector_running
    from pcgd_cli.persons.count import count_persons
    from pcgd_cli.persons.table import person_reading

    args = args or PersonArgs()
    with collector_running():
        result = count_persons(paths, args.counting, year=args.year, commune=args.commune,
                               register=register, options=args.options, progress=progress,
                               sheets=sheets_read)
    if result.counts.empty:  # every row rejected: say the first reason
        first = next((f for f in result.findings if f.severity == "error"), None)
        raise PcgdError("persons_none_counted", files=len(paths), finding=first)
    return person_reading(result, register, all_communes=args.commune is None)


def read_inputs(paths: list[Path], book: RuleBook, sheet_names: list[str] | None = None,
                progress: Callable[[Path], None] | None = None,
                register: Register | None = None,
                persons: PersonArgs | None = None,
                read: Callable[[Path], list[RawSheet]] = read_file) -> Reading:
    """Tables of commune counts or person rows, each file told by its headers; one
    kind per run. ``read``: how a workbook is read (``read_file``, or a ``Prefetch``
    that started reading it sooner)."""
    from pcgd_cli.persons.detect import (
        csv_holds_persons,
        parquet_holds_persons,
        sheets_hold_persons,
    )
    from pcgd_cli.rules.counting_loader import load_counting_rules, resolve_counting

    args = persons or PersonArgs()
    catalog = ColumnCatalog(load_counting_rules(resolve_counting(args.counting)).columns)
    # what a table of counts needs besides its cells, made before they are asked for:
    # with a read ahead (reading/prefetch.py), while calamine is still parsing
    table_catalog = column_catalog(book)
    person_paths, table_paths = [], []
    sheets_read: dict[Path, list[RawSheet]] = {}
    for path in paths:
        suffix = path.suffix.lower()
        if suffix == ".parquet":
            holds = parquet_holds_persons(path, catalog)
        elif suffix == ".csv":
            holds = csv_holds_persons(path, catalog)
        else:
            sheets_read[path] = read(path)
            holds = sheets_hold_persons(sheets_read[path], catalog)
        (person_paths if holds else table_paths).append(path)
    if person_paths and table_paths:
        raise PcgdError("mixed_inputs", persons=person_paths[0].name,
                        table=table_paths[0].name)
    if person_paths:
        return read_person_rows(person_paths, args, register, progress, sheets_read)
    return read_spreadsheets(paths, book, sheet_names, progress, register, sheets_read,
                             table_catalog)


def validate_counts(reading: Reading, book: RuleBook) -> Reading:
    """Checks across columns and columns a standard lacks; the cells found wrong are
    missing in the table handed on, so no verdict rests on counts known to be wrong."""
    book = choose_readings(book, reading.table.present)
    checked, blanks = check_consistency(reading.table, book)
    lacking = missing_columns(reading.table, book)
    return Reading(reading.table.blanked(blanks), reading.findings + checked + lacking,
                   reading.inputs, reading.persons)


@dataclass
class Judgement:
    evaluation: Evaluation
    targets: list[TargetOutcome]
    findings: list[Finding]
    book: RuleBook  # as the data was read: with the older readings it needed


def fallback_findings(book: RuleBook) -> list[Finding]:
    """One information per test read the older way its rule file declares."""
    return [Finding("info", "reading_fallback", column=used.numerator[0],
                    value=used.test, params={"standard": used.standard, "test": used.test,
                                             "instead_of": used.instead_of[0]})
            for used in book.fallbacks_used]

def not_checked_findings(evaluation: Evaluation) -> list[Finding]:
    """Optional tests (Circular 07) whose columns are absent: said once, never 'met'."""
    findings, seen = [], set()
    for result in evaluation.tiers[0].standards.values():
        for level in result.levels:
            for ind in level.indicators:
                key = (ind.spec.id, ind.spec.column or ",".join(ind.spec.numerator))
                if key in seen or not len(ind.check) or ind.check[0] != Check.NOT_CHECKED:
                    continue
                seen.add(key)
                findings.append(Finding("info", "optional_not_checked", column=key[1],
                                        value=ind.spec.id,
                                        params={"standard": result.id, "test": ind.spec.id}))
    return findings


def judge(table: CountTable, book: RuleBook) -> Judgement:
    """Every standard for every commune, the roll-ups, the years and the plan targets."""
    book = choose_readings(book, table.present)
    evaluation, notes = evaluate_units(table, list(book.rule_sets))
    findings = fallback_findings(book) + notes + level_history(evaluation)
    for result in evaluation.tiers[0].standards.values():
        if not result.evaluated:
            findings.append(Finding("info", "standard_not_evaluated", column=result.id))
    findings += not_checked_findings(evaluation)
    for ts in book.target_sets:
        if evaluation.tier(ts.scope) is None:
            raise PcgdError("targets_need_scope", id=ts.id, scope=Phrase.tier(ts.scope))
    return Judgement(evaluation, evaluate_targets(evaluation, table, book), findings, book)


def check_files(paths: list[Path], book: RuleBook,
                progress: Callable[[Path], None] | None = None,
                sheet_names: list[str] | None = None,
                register: Register | None = None,
                persons: PersonArgs | None = None,
                read: Callable[[Path], list[RawSheet]] = read_file) -> Report:
    """Read every file (commune tables or person rows), validate the counts, judge every
    standard and target."""
    started = datetime.now(UTC)
    clock = time.perf_counter()
    reading = read_inputs(paths, book, sheet_names, progress, register, persons, read)
    reading = validate_counts(reading, book)
    judged = judge(reading.table, book)
    return Report(judged.book, judged.evaluation, reading.findings + judged.findings,
                  reading.inputs, judged.targets, started=started,
                  seconds=time.perf_counter() - clock, persons=reading.persons)

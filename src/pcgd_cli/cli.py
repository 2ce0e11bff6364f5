"""The command line: parses, calls the library, renders. No rule logic lives here.

Heavy libraries (pandas, calamine) are imported inside the commands, so that
``pcgd --version`` and ``pcgd --help`` start fast. Help texts are keys of the
message catalogue, shown in one language by ``cli_help``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pcgd_cli import __version__
from pcgd_cli.cli_help import (
    LocalizedCommand,
    LocalizedGroup,
    invocation_lang,
    pass_lang_down,
    usage_lang,
)
from pcgd_cli.errors import ExitCode, PcgdError
from pcgd_cli.i18n import LANGS, t
from pcgd_cli.stop import Stopped, install_stop_handlers

app = typer.Typer(
    name="pcgd",
    cls=LocalizedGroup,
    help="help_pcgd",
    no_args_is_help=True,
    invoke_without_command=True,  # "pcgd --lang en" alone shows the help
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(cls=LocalizedGroup, help="help_rules", no_args_is_help=True,
                        invoke_without_command=True, rich_markup_mode=None)
app.add_typer(rules_app, name="rules")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class JsonSchema(StrEnum):
    """schema_version of the JSON report: 2, or 1 for one release (deprecated)."""

    v1 = "1"
    v2 = "2"


class SplitBy(StrEnum):
    province = "province"


LangOption = Annotated[str, typer.Option("--lang", metavar="metavar_lang", help="help_lang")]
GroupLangOption = Annotated[str | None, typer.Option("--lang", metavar="metavar_lang",
                                                    help="help_lang")]


def _error_line(error: PcgdError, lang: str, book=None) -> str:
    """The one line a usage, rule or file error prints, in the user's language; an
    input made unusable by a data finding is said with that finding's words."""
    if error.finding is not None:
        from pcgd_cli.report.finding_text import finding_message, finding_suggestion

        f = error.finding
        where = ":".join(x for x in (f.file, f.location) if x)
        text = finding_message(f, lang, book)
        message, hint = (f"{where}: {text}" if where else text), finding_suggestion(f, lang, book)
    else:
        message, hint = error.message(lang), error.hint(lang)
    return f"pcgd: {message} — {hint}" if hint else f"pcgd: {message}"


def _fail(error: PcgdError, lang: str = "vi", book=None) -> None:
    typer.echo(_error_line(error, lang, book), err=True)
    raise typer.Exit(int(error.exit_code))


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        _fail(PcgdError("bad_lang", lang=lang), invocation_lang())
    return lang


def _group_options(ctx: typer.Context, lang: str | None) -> None:
    if lang is not None:
        pass_lang_down(ctx, _check_lang(lang))
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help(), err=True)
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pcgd {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="help_version")] = False,
    lang: GroupLangOption = None,
) -> None:
    _group_options(ctx, lang)


@rules_app.callback()
def rules_options(ctx: typer.Context, lang: GroupLangOption = None) -> None:
    _group_options(ctx, lang)


@app.command(cls=LocalizedCommand, help="help_check")
def check(
    files: Annotated[list[str] | None, typer.Argument(
        help="help_check_files", show_default=False, metavar="metavar_file")] = None,
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", metavar="metavar_id_path", help="help_rules_option")] = None,
    targets: Annotated[list[str] | None, typer.Option(
        "--targets", metavar="metavar_id_path", help="help_targets")] = None,
    fmt: Annotated[Format, typer.Option("--format", metavar="metavar_format",
                                        help="help_format")] = Format.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="metavar_path", help="help_output")] = None,
    lang: LangOption = "vi",
    sheet: Annotated[list[str] | None, typer.Option(
        "--sheet", metavar="metavar_name", help="help_sheet")] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", metavar="metavar_file", help="help_check_units")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", metavar="metavar_year", help="help_count_year")] = None,
    commune: Annotated[str | None, typer.Option(
        "--commune", metavar="metavar_code", help="help_count_commune")] = None,
    rules_counting: Annotated[str | None, typer.Option(
        "--rules-counting", metavar="metavar_id_path", help="help_count_rules")] = None,
    option: Annotated[list[str] | None, typer.Option(
        "--option", metavar="metavar_option", help="help_count_option")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="help_exit_zero")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="help_quiet")] = False,
    json_schema: Annotated[JsonSchema, typer.Option(
        "--json-schema", metavar="metavar_json_schema", help="help_json_schema")] = JsonSchema.v2,
    explain: Annotated[bool, typer.Option("--explain", help="help_explain")] = False,
    split_by: Annotated[SplitBy | None, typer.Option(
        "--split-by", metavar="metavar_split_by", help="help_split_by")] = None,
) -> None:
    """Check data against the standards (help text: MESSAGES["help_check"])."""
    lang = _check_lang(lang)
    book = None
    options = OutputOptions(int(json_schema.value), explain, split_by)
    prefetch = _start_reading(files or [])
    try:
        from pcgd_cli.persons.command import parse_options
        from pcgd_cli.pipeline import PersonArgs
        from pcgd_cli.rules.target_loader import load_rule_book

        book = load_rule_book(rules or [], targets or [])
        persons = PersonArgs(rules_counting, _survey_year(year), commune,
                             parse_options(option or [], rules_counting or "household-2025"))
        code = _run_check(files or [], book, fmt, output, lang, quiet, sheet or [], units,
                          options, persons, prefetch)
    except PcgdError as error:
        _fail(error, lang, book)
    finally:
        prefetch.wait()
    if code == ExitCode.TARGET_NOT_MET and exit_zero:
        code = ExitCode.OK
    raise typer.Exit(int(code))


def _start_reading(files: list[str]):
    """The workbooks' read, started now so that it runs while the rest of pcgd loads
    (reading/prefetch.py), or taken from the installed command's start when it began
    there (reading/early.py); nothing read ahead when the files cannot be listed (the
    check then says why, as before)."""
    from pcgd_cli.reading import early
    from pcgd_cli.reading.sources import expand_inputs

    try:
        paths = expand_inputs(files)
    except PcgdError:
        paths = []
    return early.take(paths)


def _survey_year(year: int | None) -> int | None:
    if year is not None and not 1900 <= year <= 2200:
        raise PcgdError("year_bad", value=year)
    return year


@dataclass(frozen=True)
class OutputOptions:
    """How the reports are written: --json-schema, --explain, --split-by."""

    json_schema: int = 2
    explain: bool = False
    split_by: SplitBy | None = None


def _check_output_options(output: Path | None, fmt: Format, options: OutputOptions,
                          lang: str, err) -> None:
    if options.split_by is not None and (output is None or output.suffix.lower() != ".xlsx"):
        raise PcgdError("split_needs_xlsx")
    wants_json = fmt is Format.json or (output is not None and output.suffix.lower() == ".json")
    if options.json_schema == 1 and wants_json:
        err.print(f"pcgd: {t('json_schema_1_deprecated', lang)}")


def _run_check(files: list[str], book, fmt: Format, output: Path | None, lang: str,
               quiet: bool, sheet_names: list[str] | None = None,
               units: Path | None = None,
               options: OutputOptions = OutputOptions(), persons=None,
               prefetch=None) -> ExitCode:
    from rich.console import Console

    from pcgd_cli.batch import file_progress, run_summary
    from pcgd_cli.heap import collector_paused, imports_frozen
    from pcgd_cli.output import OUTPUT_SUFFIXES, check_output_path
    from pcgd_cli.pipeline import check_files
    from pcgd_cli.reading import expand_inputs
    from pcgd_cli.reading.prefetch import Prefetch
    from pcgd_cli.report.csv_report import write_csv
    from pcgd_cli.report.terminal import render_terminal
    from pcgd_cli.units import load_register

    paths = expand_inputs(files)
    err = Console(stderr=True, highlight=False)
    if output is not None:
        check_output_path(output, [*paths, *([units] if units else [])], OUTPUT_SUFFIXES)
    _check_output_options(output, fmt, options, lang, err)
    register = load_register(units) if units is not None else None
    if fmt is Format.json and options.json_schema == 2:
        # imported now, while the read ahead is still parsing and this thread would
        # only wait: after the evaluation it was 8 ms more on a national check
        import pcgd_cli.report.json_report  # noqa: F401
    with imports_frozen():
        with collector_paused(), file_progress(paths, err, quiet, lang) as progress:
            report = check_files(paths, book, progress=progress, sheet_names=sheet_names,
                                 register=register, persons=persons,
                                 read=(prefetch or Prefetch([])).read)

        outputs = ReportOutputs(report, lang, options)
        if output is not None:
            outputs.write_file(output)
        if fmt is Format.json:
            outputs.write_json(sys.stdout)
        elif fmt is Format.csv:
            write_csv(report, sys.stdout, lang)
        elif not quiet:
            _print_tables(Console(highlight=False),
                          lambda console: render_terminal(report, console, lang))
    if report.errors:
        err.print(f"pcgd: {t('input_errors', lang, n=len(report.errors))}")
    elif not quiet:
        err.print(run_summary(report, lang))
    if report.errors:
        return ExitCode.INPUT_ERROR
    return ExitCode.OK if report.targets_met else ExitCode.TARGET_NOT_MET


def _print_tables(console, render) -> None:
    """On a terminal, draw directly; into a file or a mail (cron), drop the spaces
    rich pads every table line with, so logs stay small and diff cleanly."""
    if console.is_terminal:
        render(console)
        return
    with console.capture() as captured:
        render(console)
    sys.stdout.write("\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n")


class ReportOutputs:
    """The report's files and printed JSON, all written from one set of result columns
    (report/result_columns.py), built the first time a writer needs them."""

    def __init__(self, report, lang: str, options: OutputOptions) -> None:
        self.report, self.lang, self.options = report, lang, options
        self._columns = None

    @property
    def columns(self):
        if self._columns is None:
            from pcgd_cli.report.result_columns import result_columns

            self._columns = result_columns(self.report.evaluation)
        return self._columns

    def write_json(self, stream) -> None:
        if self.options.json_schema == 1:
            from pcgd_cli.report.json_v1 import write_json

            write_json(self.report, stream, self.lang)
            return
        from pcgd_cli.report.json_report import write_json

        write_json(self.report, stream, self.lang, self.options.explain, self.columns)

    def write_file(self, output: Path) -> None:
        """--output: .json and .csv as with --format, .xlsx the summary workbook (and one
        per province with --split-by province), .parquet the result table; all atomic."""
        from pcgd_cli.output import write_atomically

        suffix = output.suffix.lower()
        if suffix == ".xlsx":
            from pcgd_cli.report.excel import write_workbooks

            write_workbooks(self.report, output, self.lang, self.columns,
                            split_by=self.options.split_by)
        elif suffix == ".parquet":
            from pcgd_cli.report.parquet_report import write_parquet

            write_atomically(output, lambda fh: write_parquet(self.report, fh, self.columns),
                             binary=True)
        elif suffix == ".json":
            write_atomically(output, self.write_json, binary=True)
        else:
            from pcgd_cli.report.csv_report import write_csv

            # a CSV file starts with a BOM, or Excel on Windows garbles Vietnamese text
            write_atomically(output, lambda fh: write_csv(self.report, fh, self.lang),
                             encoding="utf-8-sig")


@app.command(cls=LocalizedCommand, help="help_template")
def template(
    output: Annotated[Path, typer.Argument(help="help_template_output", metavar="metavar_xlsx",
                                           show_default=False)],
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", metavar="metavar_id_path", help="help_rules_option")] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", metavar="metavar_file", help="help_units")] = None,
    lang: LangOption = "vi",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="help_quiet")] = False,
) -> None:
    """Write the input workbook made from the rules."""
    from pcgd_cli.template import make_template

    lang = _check_lang(lang)
    try:
        n = make_template(output, rules or [], units, lang)
    except PcgdError as error:
        _fail(error, lang)
    if not quiet:
        typer.echo(t("tpl_written", lang, path=output, n=n), err=True)


@app.command(cls=LocalizedCommand, help="help_count")
def count(
    files: Annotated[list[str] | None, typer.Argument(
        help="help_count_files", show_default=False, metavar="metavar_file")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", metavar="metavar_year", help="help_count_year")] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", metavar="metavar_file", help="help_count_units")] = None,
    commune: Annotated[str | None, typer.Option(
        "--commune", metavar="metavar_code", help="help_count_commune")] = None,
    by: Annotated[str | None, typer.Option(
        "--by", metavar="metavar_village", help="help_count_by")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="metavar_path", help="help_count_output")] = None,
    fmt: Annotated[Format, typer.Option("--format", metavar="metavar_format",
                                        help="help_format")] = Format.table,
    show_sql: Annotated[bool, typer.Option("--show-sql", help="help_count_show_sql")] = False,
    rules_counting: Annotated[str | None, typer.Option(
        "--rules-counting", metavar="metavar_id_path", help="help_count_rules")] = None,
    option: Annotated[list[str] | None, typer.Option(
        "--option", metavar="metavar_option", help="help_count_option")] = None,
    lang: LangOption = "vi",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="help_quiet")] = False,
) -> None:
    """Count person rows into commune counts (help text: MESSAGES["help_count"])."""
    from pcgd_cli.persons.command import run_count

    lang = _check_lang(lang)
    try:
        code = run_count(files or [], year=year, units=units, commune=commune, by=by,
                         output=output, fmt=fmt.value, show_sql=show_sql,
                         rules_counting=rules_counting, options=option or [], lang=lang,
                         quiet=quiet)
    except PcgdError as error:
        _fail(error, lang)
    raise typer.Exit(int(code))


@rules_app.command("list", cls=LocalizedCommand, help="help_rules_list")
def rules_list(lang: LangOption = "vi") -> None:
    """List the built-in rule and target sets."""
    from rich.console import Console

    from pcgd_cli.report.rules_view import rule_sets_table
    from pcgd_cli.rules.counting_loader import builtin_counting_sets
    from pcgd_cli.rules.target_loader import load_builtin_book

    lang = _check_lang(lang)
    try:
        table = rule_sets_table(load_builtin_book(), lang, builtin_counting_sets())
    except PcgdError as error:
        _fail(error, lang)
    Console(highlight=False, width=max(Console().width, 120)).print(table)


@rules_app.command("show", cls=LocalizedCommand, help="help_rules_show")
def rules_show(rule_id: Annotated[str, typer.Argument(
        metavar="metavar_id_path", help="help_rules_show_id")],
        lang: LangOption = "vi") -> None:
    """Every standard, level, test and threshold of a rule set."""
    from pcgd_cli.report.rules_view import show_lines
    from pcgd_cli.rules.counting_loader import is_counting, load_counting_rules, resolve_counting
    from pcgd_cli.rules.target_loader import load_any, load_builtin_book

    lang = _check_lang(lang)
    try:
        if is_counting(rule_id):
            from pcgd_cli.report.counting_view import describe

            lines = describe(load_counting_rules(resolve_counting(rule_id)), lang)
        else:
            lines = show_lines(load_any(rule_id), load_builtin_book(), lang)
    except PcgdError as error:
        _fail(error, lang)
    typer.echo("\n".join(lines))


@rules_app.command("validate", cls=LocalizedCommand, help="help_rules_validate")
def rules_validate(path: Annotated[Path, typer.Argument(
        metavar="metavar_yaml", help="help_rules_validate_path")],
        lang: LangOption = "vi") -> None:
    """Check a rule, target or counting file: every mistake with file:line."""
    from pcgd_cli.rules.counting_loader import check_counting_file, is_counting_file
    from pcgd_cli.rules.loader import check_rule_file
    from pcgd_cli.rules.target_loader import check_target_file, is_target_file

    lang = _check_lang(lang)
    try:
        if is_counting_file(path):
            check = check_counting_file
        else:
            check = check_target_file if is_target_file(path) else check_rule_file
        rules, messages = check(path)
    except PcgdError as error:
        _fail(error, lang)
    if rules is None:
        for message in messages:
            typer.echo(message, err=True)
        raise typer.Exit(int(ExitCode.INPUT_ERROR))
    typer.echo(t("rules_valid", lang, path=path))


def run() -> None:
    """The installed ``pcgd`` script and ``python -m pcgd_cli``: ``main``, then the
    process ends without the interpreter's teardown, which frees every object of the
    run one at a time (0.1 s after a national check) where the system takes the whole
    memory back at once. Output is flushed first; anything but a plain exit code (or a
    flush that fails, e.g. on a closed pipe), and a run under a profiler or a tracer
    (``python -m cProfile``, coverage: they write their results at exit), leaves the
    usual way."""
    try:
        main()
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            raise
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise done from None
        os._exit(done.code or 0)


def main() -> None:
    """The ``pcgd`` command, as a function that raises SystemExit (tests call it)."""
    install_stop_handlers()
    try:
        app()
    except Stopped as stop:
        # write_atomically has removed its temporary file on the way up
        say_stopped(stop)
        sys.exit(stop.exit_code)


def say_stopped(stop: Stopped) -> None:
    """The one line a run ended by a stop signal prints."""
    lang = usage_lang(sys.argv[1:])
    typer.echo(_error_line(PcgdError("stopped", signal=stop.name), lang), err=True)

"""`pcgd count`: parse the options, call ``count_persons``, write and render.

Kept apart from cli.py so the command line module stays a thin parser.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from pcgd_cli.errors import ExitCode, PcgdError
from pcgd_cli.i18n import t

BY_CHOICES = ("village",)


def parse_options(items: list[str], rules_id: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for item in items:
        name, sep, choice = item.partition("=")
        if not sep or not name.strip() or not choice.strip():
            raise PcgdError("option_syntax", value=item, rules_id=rules_id, hint="option_hint")
        options[name.strip()] = choice.strip()
    return options


@contextmanager
def progress_bar(paths: list[Path], console: Console, quiet: bool,
                 lang: str) -> Iterator[Callable[[Path], None] | None]:
    """A bar advancing after each file read, on a terminal only."""
    if quiet or not console.is_terminal or len(paths) < 2:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task(t("count_reading", lang), total=len(paths))
        yield lambda _path: progress.update(task, advance=1)


def run_count(files: list[str], *, year: int | None, units: Path | None, commune: str | None,
              by: str | None, output: Path | None, fmt: str, show_sql: bool,
              rules_counting: str | None, options: list[str], lang: str,
              quiet: bool) -> ExitCode:
    from pcgd_cli.persons.count import count_persons, plan_for
    from pcgd_cli.persons.sql import per_commune_sql
    from pcgd_cli.rules.counting_loader import load_counting_rules, resolve_counting
    from pcgd_cli.rules.target_loader import load_builtin_book

    rules = load_counting_rules(resolve_counting(rules_counting))
    chosen = parse_options(options, rules.id)
    if by is not None and by not in BY_CHOICES:
        raise PcgdError("by_unknown", value=by)
    if year is not None and not 1900 <= year <= 2200:
        raise PcgdError("year_bad", value=year)
    by_village = by == "village"
    if show_sql and (fmt != "table" or output is not None):
        # the SQL goes to stdout: counts asked for as well would be silently missing
        given = f"--format {fmt}" if fmt != "table" else f"--output {output}"
        raise PcgdError("show_sql_with_output", option=given)
    if show_sql:
        sys.stdout.write(per_commune_sql(plan_for(rules, chosen), by_village) + ";\n")
        if not files:
            return ExitCode.OK
    from pcgd_cli.reading import expand_inputs

    paths = expand_inputs(files)
    if output is not None:
        _check_output(output, paths)
    register = None
    if units is not None:
        from pcgd_cli.persons.units import load_units

        register = load_units(units)
    book = load_builtin_book()  # the labels of the count columns
    err = Console(stderr=True, highlight=False)
    with progress_bar(paths, err, quiet, lang) as progress:
        result = count_persons(paths, rules, year=year, commune=commune, register=register,
                               by_village=by_village, options=chosen, progress=progress)
    if output is not None:
        write_output(result, output, book, lang)
    if not show_sql:
        _print(result, fmt, book, lang, quiet)
    _report(result, err, lang, quiet)
    return ExitCode.INPUT_ERROR if result.errors else ExitCode.OK


def _check_output(output: Path, paths: list[Path]) -> None:
    from pcgd_cli.output import check_output_path
    from pcgd_cli.persons.output import COUNT_SUFFIXES

    if output.suffix.lower() not in COUNT_SUFFIXES:
        raise PcgdError("count_output_type", path=output)
    check_output_path(output, paths, COUNT_SUFFIXES)


def write_output(result, output: Path, book, lang: str) -> None:
    from pcgd_cli.output import write_atomically
    from pcgd_cli.persons import output as out

    suffix = output.suffix.lower()
    if suffix == ".xlsx":
        write_atomically(output, lambda fh: out.write_counts_xlsx(result, fh, book, lang),
                         binary=True)
    elif suffix == ".parquet":
        write_atomically(output, lambda fh: out.write_counts_parquet(result, fh), binary=True)
    elif suffix == ".json":
        write_atomically(output, lambda fh: out.write_counts_json(result, fh, lang))
    else:
        # a CSV file starts with a BOM, or Excel on Windows garbles Vietnamese text
        write_atomically(output, lambda fh: out.write_counts_csv(result, fh),
                         encoding="utf-8-sig")


def _print(result, fmt: str, book, lang: str, quiet: bool) -> None:
    from pcgd_cli.persons import output as out
    from pcgd_cli.persons.render import counts_table

    if fmt == "json":
        out.write_counts_json(result, sys.stdout, lang)
    elif fmt == "csv":
        out.write_counts_csv(result, sys.stdout)
    elif not quiet:
        console = Console(highlight=False)
        table, note = counts_table(result, book, lang)
        if console.is_terminal:
            console.print(table)
        else:  # into a file or a pipe: no padding spaces at line ends
            with console.capture() as captured:
                console.print(table)
            sys.stdout.write("\n".join(x.rstrip() for x in captured.get().splitlines()) + "\n")
        if note:
            Console(stderr=True, highlight=False).print(note)


def _report(result, err: Console, lang: str, quiet: bool) -> None:
    from pcgd_cli.persons.render import finding_lines, summary_line

    shown = result.findings if not quiet else result.errors
    for line in finding_lines(shown, lang):
        err.print(line, markup=False, soft_wrap=True)
    if result.errors:
        err.print(f"pcgd: {t('count_errors', lang, n=len(result.errors))}")
    elif not quiet:
        err.print(summary_line(result, lang))

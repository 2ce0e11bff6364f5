"""The command line: parses, calls the library, renders. No rule logic lives here.

Heavy libraries (pandas, calamine) are imported inside the commands, so that
``pcgd --version`` and ``pcgd --help`` start fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pcgd_cli import __version__
from pcgd_cli.errors import ExitCode, PcgdError
from pcgd_cli.i18n import LANGS, t

app = typer.Typer(
    name="pcgd",
    help="Kiểm tra chuẩn phổ cập giáo dục, xóa mù chữ (Nghị định 20/2014/NĐ-CP) từ bảng tính "
    "của xã, huyện, tỉnh. / Check Vietnam's universal education and literacy standards.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="Bộ quy tắc: liệt kê, xem, kiểm tra. / Rule sets.",
                        no_args_is_help=True)
app.add_typer(rules_app, name="rules")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


LangOption = Annotated[str, typer.Option("--lang", metavar="vi|en",
                                         help="vi (mặc định) hoặc en / vi or en")]


def _fail(error: PcgdError) -> None:
    message = f"pcgd: {error.message}"
    if error.hint:
        message += f" — {error.hint}"
    typer.echo(message, err=True)
    raise typer.Exit(int(error.exit_code))


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        _fail(PcgdError(t("bad_lang", "vi", lang=lang), "--lang vi | --lang en"))
    return lang


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pcgd {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="In phiên bản / show the version")] = False,
) -> None:
    """pcgd: phổ cập giáo dục, xóa mù chữ."""


@app.command()
def check(
    files: Annotated[list[str] | None, typer.Argument(
        help="Tệp .xlsx/.xls/.ods/.csv, thư mục hoặc mẫu *.xlsx / files, folders or globs",
        show_default=False, metavar="FILE")] = None,
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", metavar="ID|PATH",
        help="Mã bộ quy tắc hoặc tệp .yaml (mặc định nd20-2014) / rule set id or "
        "path")] = None,
    targets: Annotated[list[str] | None, typer.Option(
        "--targets", metavar="ID|PATH",
        help="Chỉ tiêu kế hoạch, ví dụ laichau-2030 / plan targets")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table | json | csv")] = Format.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH",
        help="Ghi kết quả ra .xlsx, .json hoặc .csv / write to a file")] = None,
    lang: LangOption = "vi",
    sheet: Annotated[list[str] | None, typer.Option(
        "--sheet", metavar="NAME",
        help="Chỉ đọc trang này (đọc được cả trang ẩn); lặp lại được / read only "
        "this sheet (hidden ones too); repeatable")] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", metavar="FILE",
        help="Danh mục đơn vị .csv/.xlsx: tìm xã theo tên, lấy huyện và ĐBKK từ đó / "
        "register of units: communes by name, districts and ĐBKK flags from it")] = None,
    exit_zero: Annotated[bool, typer.Option(
        "--exit-zero", help="Trả mã 0 cả khi chỉ tiêu chưa đạt / exit 0 when a target is "
        "not met")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Chỉ in lỗi / print nothing but errors")] = False,
) -> None:
    """Kiểm tra dữ liệu theo các chuẩn / check data against the standards.

    Mã thoát / exit codes: 0 chạy xong (đạt mọi chỉ tiêu được yêu cầu) / the check ran
    (every requested target met); 1 có chỉ tiêu chưa đạt / a target not met;
    2 lỗi tham số, quy tắc hoặc dữ liệu / usage, rules or data error.
    Ví dụ / example: pcgd check du_lieu.xlsx --targets laichau-2030 -o tong_hop.xlsx
    """
    lang = _check_lang(lang)
    try:
        code = _run_check(files or [], rules or [], targets or [], fmt, output, lang, quiet,
                          sheet or [], units)
    except PcgdError as error:
        _fail(error)
    if code == ExitCode.TARGET_NOT_MET and exit_zero:
        code = ExitCode.OK
    raise typer.Exit(int(code))


def _run_check(files: list[str], rule_ids: list[str], target_ids: list[str], fmt: Format,
               output: Path | None, lang: str, quiet: bool,
               sheet_names: list[str] | None = None,
               units: Path | None = None) -> ExitCode:
    from rich.console import Console

    from pcgd_cli.batch import file_progress, run_summary
    from pcgd_cli.output import OUTPUT_SUFFIXES, check_output_path
    from pcgd_cli.pipeline import check_files, load_rule_sets, load_target_sets
    from pcgd_cli.reading import expand_inputs
    from pcgd_cli.report.csv_report import write_csv
    from pcgd_cli.report.json_report import write_json
    from pcgd_cli.report.terminal import render_terminal
    from pcgd_cli.units import load_register

    paths = expand_inputs(files, lang)
    if output is not None:
        check_output_path(output, [*paths, *([units] if units else [])], OUTPUT_SUFFIXES, lang)
    rule_sets = load_rule_sets(rule_ids, lang)
    target_sets = load_target_sets(target_ids, rule_sets, lang)
    register = load_register(units, lang) if units is not None else None
    err = Console(stderr=True, highlight=False)
    with file_progress(paths, err, quiet, lang) as progress:
        report = check_files(paths, rule_sets, lang, progress=progress,
                             sheet_names=sheet_names, target_sets=target_sets,
                             register=register)

    if output is not None:
        _write_output(report, output, lang)
    if fmt is Format.json:
        write_json(report, sys.stdout)
    elif fmt is Format.csv:
        write_csv(report, sys.stdout)
    elif not quiet:
        _print_tables(report, Console(highlight=False), render_terminal)
    if report.errors:
        err.print(f"pcgd: {t('input_errors', lang, n=len(report.errors))}")
    elif not quiet:
        err.print(run_summary(report))
    if report.errors:
        return ExitCode.INPUT_ERROR
    return ExitCode.OK if report.targets_met else ExitCode.TARGET_NOT_MET


def _print_tables(report, console, render) -> None:
    """On a terminal, draw directly; into a file or a mail (cron), drop the spaces
    rich pads every table line with, so logs stay small and diff cleanly."""
    if console.is_terminal:
        render(report, console)
        return
    with console.capture() as captured:
        render(report, console)
    sys.stdout.write("\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n")


def _write_output(report, output: Path, lang: str) -> None:
    """--output: .json and .csv as with --format, .xlsx the summary workbook; all atomic."""
    from pcgd_cli.output import write_atomically
    from pcgd_cli.report.csv_report import write_csv
    from pcgd_cli.report.excel import write_workbook
    from pcgd_cli.report.json_report import write_json

    suffix = output.suffix.lower()
    if suffix == ".xlsx":
        write_atomically(output, lambda fh: write_workbook(report, fh), binary=True, lang=lang)
    else:
        writer = write_json if suffix == ".json" else write_csv
        # a CSV file starts with a BOM, or Excel on Windows garbles Vietnamese text
        encoding = "utf-8" if suffix == ".json" else "utf-8-sig"
        write_atomically(output, lambda fh: writer(report, fh), lang=lang, encoding=encoding)


@app.command()
def template(
    output: Annotated[Path, typer.Argument(help="Tệp .xlsx sẽ ghi / the .xlsx to write",
                                           show_default=False)],
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", help="Mã bộ quy tắc hoặc tệp .yaml (mặc định nd20-2014) / rule set id or "
        "path")] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", metavar="FILE",
        help="Danh mục đơn vị .csv/.xlsx để điền sẵn các xã / register of units whose "
        "communes are pre-filled")] = None,
    lang: LangOption = "vi",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Chỉ in lỗi / print nothing "
                                        "but errors")] = False,
) -> None:
    """Ghi mẫu nhập liệu từ bộ quy tắc / write the input workbook made from the rules."""
    from pcgd_cli.template import make_template

    lang = _check_lang(lang)
    try:
        n = make_template(output, rules or [], units, lang)
    except PcgdError as error:
        _fail(error)
    if not quiet:
        typer.echo(t("tpl_written", lang, path=output, n=n), err=True)


@app.command()
def count(
    files: Annotated[list[str] | None, typer.Argument(
        help="Sổ nhập liệu .xlsx/.xls của xã, thư mục, hoặc tệp xuất .csv/.parquet nhiều xã / "
        "entry workbooks, folders, or multi-commune CSV/Parquet exports",
        show_default=False, metavar="FILE")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", metavar="N", help="Năm điều tra (năm học N-N+1) / survey year N "
        "(school year N-N+1)")] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", metavar="UNITS.csv", help="Danh mục đơn vị / register of units")] = None,
    commune: Annotated[str | None, typer.Option(
        "--commune", metavar="CODE", help="Mã xã của sổ nhập liệu / the entry workbook's "
        "commune code")] = None,
    by: Annotated[str | None, typer.Option(
        "--by", metavar="village", help="Đếm theo thôn / count per village")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH",
        help="Ghi số liệu ra .xlsx, .csv, .parquet hoặc .json / write the counts to a file")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table | json | csv")] = Format.table,
    show_sql: Annotated[bool, typer.Option(
        "--show-sql", help="In câu lệnh SQL dùng để đếm / print the counting SQL")] = False,
    rules_counting: Annotated[str | None, typer.Option(
        "--rules-counting", metavar="ID|PATH",
        help="Bộ quy tắc đếm (mặc định household-2025) / counting rules")] = None,
    option: Annotated[list[str] | None, typer.Option(
        "--option", metavar="NAME=CHOICE",
        help="Tùy chọn của quy tắc đếm, ví dụ residents=permanent; lặp lại được / a counting "
        "option; repeatable")] = None,
    lang: LangOption = "vi",
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Chỉ in lỗi / print nothing but errors")] = False,
) -> None:
    """Đếm phiếu điều tra (mỗi dòng một người) thành số liệu xã / count person rows into
    commune counts.

    Mã thoát / exit codes: 0 đếm xong / counted; 2 lỗi tham số, tệp hoặc dữ liệu (số liệu vẫn
    được ghi khi lỗi nằm ở các dòng) / usage, file or data error (counts are still written
    when the errors are in rows).
    Ví dụ / example: pcgd count so_nhap_lieu.xlsx --commune 03394 -o so_lieu.xlsx
    """
    from pcgd_cli.persons.command import run_count

    lang = _check_lang(lang)
    try:
        code = run_count(files or [], year=year, units=units, commune=commune, by=by,
                         output=output, fmt=fmt.value, show_sql=show_sql,
                         rules_counting=rules_counting, options=option or [], lang=lang,
                         quiet=quiet)
    except PcgdError as error:
        _fail(error)
    raise typer.Exit(int(code))


@rules_app.command("list")
def rules_list(lang: LangOption = "vi") -> None:
    """Liệt kê các bộ quy tắc và chỉ tiêu có sẵn / list the built-in rule and target sets."""
    from rich.console import Console

    from pcgd_cli.report.rules_view import rule_sets_table

    lang = _check_lang(lang)
    try:
        table = rule_sets_table(lang)
    except PcgdError as error:
        _fail(error)
    Console(highlight=False, width=max(Console().width, 120)).print(table)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(
        metavar="ID", help="Mã hoặc tệp .yaml / id or .yaml file")],
        lang: LangOption = "vi") -> None:
    """Mọi chuẩn, mức, tiêu chí, ngưỡng / every standard, level, test and threshold."""
    from pcgd_cli.report.rules_view import show_lines

    lang = _check_lang(lang)
    try:
        lines = show_lines(rule_id, lang)
    except PcgdError as error:
        _fail(error)
    typer.echo("\n".join(lines))


@rules_app.command("validate")
def rules_validate(path: Path, lang: LangOption = "vi") -> None:
    """Kiểm tra tệp quy tắc hoặc chỉ tiêu / check a rule or target file: every mistake with
    file:line."""
    from pcgd_cli.rules.counting_loader import check_counting_file, is_counting_file
    from pcgd_cli.rules.loader import check_rule_file
    from pcgd_cli.rules.target_loader import check_target_file, is_target_file

    lang = _check_lang(lang)
    try:
        if is_counting_file(path, lang):
            check = check_counting_file
        else:
            check = check_target_file if is_target_file(path, lang) else check_rule_file
        rules, messages = check(path, lang)
    except PcgdError as error:
        _fail(error)
    if rules is None:
        for message in messages:
            typer.echo(message, err=True)
        raise typer.Exit(int(ExitCode.INPUT_ERROR))
    typer.echo(t("rules_valid", lang, path=path))


def main() -> None:
    app()

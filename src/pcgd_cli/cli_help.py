"""--help and usage errors in one language: Vietnamese, or English with ``--lang en``
anywhere on the command line or an English locale.

typer, and the copy of click it ships, write their texts in English ("Usage:",
"No such option", "Show this message and exit.") with no catalogue to translate
them. So pcgd's command classes write help from the command tree themselves:
``help=`` and ``metavar=`` in cli.py hold keys of ``i18n.MESSAGES``, rendered here
in one language; and the group's ``main`` prints usage errors in that language, on
one line, as every other user error is printed. Only typer and pcgd's small
modules are imported, so ``pcgd --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Mapping, Sequence
from contextvars import ContextVar

import typer
from typer.core import TyperCommand, TyperGroup

from pcgd_cli.i18n import LANGS, MESSAGES, t

# click's exception classes, from wherever this typer takes them: its own copy of
# click (typer ≥ 0.22) or click itself (older typer, which pyproject still allows)
_click_errors = sys.modules[typer.BadParameter.__module__]
_NoArgsIsHelp = getattr(_click_errors, "NoArgsIsHelpError", ())  # click < 8.2 has none

_LANG: ContextVar[str | None] = ContextVar("pcgd_usage_lang", default=None)
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX precedence


def usage_lang(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of help and usage errors: the last ``--lang`` on the command line
    (read before click parses it, so that it holds for ``--help`` given first and for
    errors in parsing), else English under an English locale, else Vietnamese."""
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--":  # what follows is file names
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    if chosen in LANGS:
        return chosen
    locale = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")
    return "en" if locale.startswith("en") else "vi"


def invocation_lang() -> str:
    """The usage language of the command line being run (``main`` sets it)."""
    return _LANG.get() or usage_lang(sys.argv[1:])


def _text(key: str | None, lang: str) -> str:
    # a text that is not a key is shown as written (the catalogue test flags it)
    return t(key, lang) if key in MESSAGES else (key or "")


# --- help ----------------------------------------------------------------------------


def _metavar(param, lang: str) -> str:
    return _text(param.metavar, lang) if param.metavar else param.name.upper()


def _argument_usage(param, lang: str) -> str:
    text = _metavar(param, lang) if param.required else f"[{_metavar(param, lang)}]"
    return text + "..." if param.nargs == -1 else text


def _option_label(param, lang: str) -> str:
    names = ", ".join(sorted(param.opts, key=lambda name: name.startswith("--")))  # -o first
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    return names if param.is_flag else f"{names} {_metavar(param, lang)}"


def _usage_args(command, lang: str) -> str:
    pieces = [t("usage_options", lang)]
    pieces += [_argument_usage(p, lang) for p in command.params
               if p.param_type_name == "argument"]
    if isinstance(command, TyperGroup):
        pieces.append(t("usage_command", lang))
    return " ".join(pieces)


def _short_help(command, lang: str) -> str:
    return _text(command.help, lang).split("\n", 1)[0]


def _wrap(text: str, width: int) -> list[str]:
    # click's wrapping breaks at hyphens: "laichau-" / "2030", "NĐ-" / "CP"
    return textwrap.wrap(text, max(width, 20), break_on_hyphens=False) or [""]


def _write_text(formatter, text: str) -> None:
    indent = " " * formatter.current_indent
    for i, paragraph in enumerate(text.split("\n\n")):
        lines = _wrap(paragraph, formatter.width - len(indent))
        formatter.write(("\n" if i else "") + "".join(f"{indent}{line}\n" for line in lines))


def _write_rows(formatter, rows: list[tuple[str, str]]) -> None:
    """Terms and their help in two columns; a term too long for the first column
    has its help start on the next line."""
    indent = " " * formatter.current_indent
    first = min(max(len(term) for term, _ in rows), 30) + 2
    blank = " " * first
    for term, text in rows:
        lines = _wrap(text, formatter.width - len(indent) - first)
        if len(term) + 2 > first:
            out = [term] + [blank + line for line in lines if line]
        else:
            out = [f"{term:<{first}}{lines[0]}".rstrip()] + [blank + line for line in lines[1:]]
        formatter.write("".join(f"{indent}{line}\n" for line in out))


def write_help(command, ctx, formatter, lang: str) -> None:
    """The whole help of ``command`` in ``lang``."""
    formatter.write_usage(ctx.command_path, _usage_args(command, lang),
                          prefix=t("usage_prefix", lang))
    text = _text(command.help, lang)
    if text:
        formatter.write_paragraph()
        with formatter.indentation():
            _write_text(formatter, text)
    help_option = command.get_help_option(ctx)
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        key = "help_help" if param is help_option else param.help
        if param.param_type_name == "argument":
            arguments.append((_metavar(param, lang), _text(key, lang)))
        else:
            options.append((_option_label(param, lang), _text(key, lang)))
    for heading, rows in ((t("usage_arguments", lang), arguments),
                          (t("usage_options_heading", lang), options)):
        if rows:
            with formatter.section(heading):
                _write_rows(formatter, rows)
    if isinstance(command, TyperGroup):
        rows = [(name, _short_help(sub, lang)) for name, sub in command.commands.items()
                if not sub.hidden]
        if rows:
            with formatter.section(t("usage_commands", lang)):
                _write_rows(formatter, rows)


# --- usage errors --------------------------------------------------------------------


class KeyedUsageError(_click_errors.UsageError):
    """A usage error that click would word in English, raised with a catalogue key."""

    def __init__(self, ctx, key: str, suggestions: Sequence[str] = (), **values: object):
        super().__init__(key, ctx)
        self.key = key
        self.values = values
        self.suggestions = list(suggestions)


def _find_option(command, name: str):
    """The option called ``name`` anywhere in the command tree (click does not always
    say in which command it met the option)."""
    for param in command.params:
        if name in param.opts or name in param.secondary_opts:
            return param
    for sub in getattr(command, "commands", {}).values():
        found = _find_option(sub, name)
        if found is not None:
            return found
    return None


def _param_name(param, lang: str) -> str:
    if param is None:
        return ""
    return _metavar(param, lang) if param.param_type_name == "argument" else param.opts[0]


def usage_message(error, root, lang: str) -> str:
    """The sentence for a usage error of click's or typer's, in ``lang``."""
    if isinstance(error, KeyedUsageError):
        text, suggestions = t(error.key, lang, **error.values), error.suggestions
    elif isinstance(error, _click_errors.NoSuchOption):
        text = t("usage_no_such_option", lang, option=error.option_name)
        suggestions = sorted(error.possibilities or ())
    elif isinstance(error, _click_errors.BadOptionUsage):
        option = _find_option(error.ctx.command if error.ctx else root, error.option_name)
        flag = option is not None and option.is_flag
        key = "usage_option_takes_no_value" if flag else "usage_option_needs_value"
        text, suggestions = t(key, lang, option=error.option_name), []
    elif isinstance(error, _click_errors.MissingParameter):
        param = error.param
        kind = "option" if param is not None and param.param_type_name == "option" else "argument"
        text, suggestions = t(f"usage_missing_{kind}", lang, name=_param_name(param, lang)), []
    elif isinstance(error, _click_errors.BadParameter):
        param = error.param
        text, suggestions = t("usage_bad_value", lang, name=_param_name(param, lang)), []
        if param is not None and param.metavar in MESSAGES:
            text += t("usage_expected", lang, expected=t(param.metavar, lang))
    else:  # a usage error this module does not know: its English words only in English
        text = error.format_message() if lang == "en" else t("usage_invalid", lang)
        suggestions = []
    if suggestions:
        text += t("usage_did_you_mean", lang, names=", ".join(suggestions))
    return text


def show_usage_error(error, root, lang: str) -> None:
    """One line on stderr, as every user error; the help for a command given alone."""
    if isinstance(error, _NoArgsIsHelp):  # a bare "pcgd" or "pcgd rules": the help
        typer.echo(error.ctx.get_help(), err=True)
        return
    command = error.ctx.command_path if error.ctx is not None else "pcgd"
    message = usage_message(error, root, lang)
    typer.echo(f"pcgd: {message} — {t('usage_see_help', lang, command=command)}", err=True)


# --- the command classes -------------------------------------------------------------


class _Localized:
    """Help and usage lines in one language, for commands and groups alike."""

    def format_usage(self, ctx, formatter) -> None:
        lang = invocation_lang()
        formatter.write_usage(ctx.command_path, _usage_args(self, lang),
                              prefix=t("usage_prefix", lang))

    def format_help(self, ctx, formatter) -> None:
        write_help(self, ctx, formatter, invocation_lang())

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except _click_errors.UsageError as error:
            if error.ctx is None:  # click's parser raises some without: name the command
                error.ctx = ctx
            raise


class LocalizedCommand(_Localized, TyperCommand):
    def parse_args(self, ctx, args: list[str]) -> list[str]:
        # click refuses extra arguments in English: let it keep them, refuse them here
        strict = not ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = not strict
        if strict and ctx.args and not ctx.resilient_parsing:
            raise KeyedUsageError(ctx, "usage_extra_arguments", args=" ".join(ctx.args))
        return rest


class LocalizedGroup(_Localized, TyperGroup):
    def resolve_command(self, ctx, args: list[str]):
        name = args[0] if args else ""
        if (name and not name.startswith("-") and self.get_command(ctx, name) is None
                and not ctx.resilient_parsing):
            from difflib import get_close_matches

            raise KeyedUsageError(ctx, "usage_no_such_command",
                                  get_close_matches(name, list(self.commands)), name=name)
        return super().resolve_command(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra):
        token = _LANG.set(usage_lang(sys.argv[1:] if args is None else args))
        try:
            if not standalone_mode:
                return super().main(args, prog_name, complete_var, standalone_mode=False,
                                    **extra)
            # typer shows errors itself in standalone mode, in English: take them over
            try:
                code = super().main(args, prog_name, complete_var, standalone_mode=False,
                                    **extra)
            except _click_errors.UsageError as error:
                show_usage_error(error, self, _LANG.get())
                sys.exit(error.exit_code)
            except typer.Abort:
                typer.echo(f"pcgd: {t('usage_aborted', _LANG.get())}", err=True)
                sys.exit(1)
            sys.exit(code if isinstance(code, int) else 0)
        finally:
            _LANG.reset(token)


def pass_lang_down(ctx, lang: str) -> None:
    """``pcgd --lang en check …``: a group's --lang is the default of its commands'."""

    def defaults(group) -> dict:
        out = {}
        for name, sub in getattr(group, "commands", {}).items():
            below = defaults(sub)
            if any(p.name == "lang" for p in sub.params):
                below["lang"] = lang
            out[name] = below
        return out

    ctx.default_map = {**(ctx.default_map or {}), **defaults(ctx.command)}

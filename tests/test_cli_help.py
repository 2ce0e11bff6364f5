"""--help and usage errors: Vietnamese by default, English with --lang en anywhere on the
command line or under an English locale; never the two mixed in one text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from pcgd_cli.cli import app
from pcgd_cli.cli_help import usage_lang
from pcgd_cli.i18n import MESSAGES

# words typer and click write in English; "(?<![-\w])" skips option names (--help)
ENGLISH = re.compile(r"(?<![-\w])(Usage|Options|Arguments|Commands|Show|Try|Error|such|"
                     r"Missing|Invalid|Unexpected|the|and|or|of|to|file|value|arguments?)(?![-\w])")
VIETNAMESE_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                                r"ùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
DECREE = "NĐ-CP"  # the decree's number is written so in both languages

ENGLISH_LOCALE = {"LANG": "en_US.UTF-8"}


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def assert_vietnamese(text: str) -> None:
    assert VIETNAMESE_LETTERS.search(text), text
    assert not ENGLISH.search(text), f"English word {ENGLISH.search(text)[0]!r} in:\n{text}"


def assert_english(text: str) -> None:
    assert ENGLISH.search(text), text
    letters = VIETNAMESE_LETTERS.search(text.replace(DECREE, ""))
    assert not letters, f"Vietnamese letter {letters[0]!r} in:\n{text}"


HELP_PATHS = [(), ("check",), ("template",), ("rules",), ("rules", "show")]


@pytest.mark.parametrize("path", HELP_PATHS, ids=lambda p: " ".join(p) or "pcgd")
def test_help_is_vietnamese_by_default(path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert_vietnamese(result.stdout)
    assert "Cách dùng: pcgd" in result.stdout and "In hướng dẫn này rồi thoát" in result.stdout


@pytest.mark.parametrize("path", HELP_PATHS, ids=lambda p: " ".join(p) or "pcgd")
@pytest.mark.parametrize("how", ["--lang en before", "--lang en after", "--lang=en", "locale"])
def test_help_is_english_when_asked(path, how):
    if how == "--lang en before":
        result = run("--lang", "en", *path, "--help")
    elif how == "--lang en after":
        result = run(*path, "--help", "--lang", "en")
    elif how == "--lang=en":
        result = run(*path, "--lang=en", "--help")
    else:
        result = run(*path, "--help", env=ENGLISH_LOCALE)
    assert result.exit_code == 0
    assert_english(result.stdout)
    assert "Usage: pcgd" in result.stdout and "Show this help and exit" in result.stdout


def test_check_help_names_every_option_with_its_placeholder():
    vi = run("check", "--help").stdout
    en = run("check", "--help", "--lang", "en").stdout
    for text in ("Cách dùng: pcgd check [TÙY_CHỌN] [TỆP]...", "--rules MÃ|TỆP", "-o, --output TỆP",
                 "--sheet TÊN", "--format table|json|csv", "Mã thoát: 0"):
        assert text in vi, text
    for text in ("Usage: pcgd check [OPTIONS] [FILE]...", "--rules ID|PATH", "-o, --output PATH",
                 "--sheet NAME", "--format table|json|csv", "Exit codes: 0"):
        assert text in en, text


BAD_COMMAND_LINES = [
    (["check", "--bogus"], "--bogus"),
    (["check", "--form", "json"], "--format"),
    (["check", "--format", "xml", "x.csv"], "table|json|csv"),
    (["check", "--rules"], "--rules"),
    (["check", "--exit-zero=1"], "--exit-zero"),
    (["template"], "xlsx"),
    (["template", "a.xlsx", "b.xlsx"], "b.xlsx"),
    (["rules", "show"], "|"),
    (["bogus"], "bogus"),
    (["chek", "x.csv"], "check"),
    (["rules", "lst"], "list"),
    (["--bogus"], "--bogus"),
]


@pytest.mark.parametrize(("args", "named"), BAD_COMMAND_LINES,
                         ids=[" ".join(args) for args, _ in BAD_COMMAND_LINES])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_usage_errors_are_one_line_in_one_language(args, named, lang):
    result = run(*args, env=ENGLISH_LOCALE if lang == "en" else None)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pcgd: "), result.stderr
    assert named in lines[0]
    (assert_english if lang == "en" else assert_vietnamese)(lines[0])
    assert "--help" in lines[0]  # the hint says where to look


def test_no_such_option_in_both_languages():
    vi = run("check", "--bogus")
    en = run("check", "--lang", "en", "--bogus")
    assert vi.stderr.strip() == "pcgd: Không có tùy chọn --bogus — xem pcgd check --help"
    assert en.stderr.strip() == "pcgd: No such option: --bogus — see pcgd check --help"
    assert vi.exit_code == en.exit_code == 2


def test_a_command_alone_shows_its_help_in_the_chosen_language():
    for args, check in ((["rules"], assert_vietnamese), (["--lang", "en"], assert_english),
                        (["rules", "--lang", "en"], assert_english)):
        result = run(*args)
        assert result.exit_code == 2
        check(result.stderr)


@pytest.mark.parametrize(("args", "env", "lang"), [
    ([], {}, "vi"),
    ([], {"LANG": "en_US.UTF-8"}, "en"),
    ([], {"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, "vi"),  # LC_ALL comes first
    ([], {"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ([], {"LANG": "C.UTF-8"}, "vi"),
    (["check", "--lang", "vi"], {"LANG": "en_US.UTF-8"}, "vi"),
    (["--lang", "en", "check", "--lang", "vi"], {}, "vi"),  # the last one counts
    (["check", "--lang=en"], {}, "en"),
    (["check", "--lang", "fr"], {"LANG": "en_US"}, "en"),  # not a language: the locale's
    (["check", "--", "--lang", "en"], {}, "vi"),  # after "--": file names
])
def test_usage_lang(args, env, lang):
    assert usage_lang(args, env) == lang


def _tree(command, path=()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _tree(sub, (*path, name))


TREE = list(_tree(typer.main.get_command(app)))


def _has_both(key: str | None) -> bool:
    return key in MESSAGES and bool(MESSAGES[key]["vi"]) and bool(MESSAGES[key]["en"])


@pytest.mark.parametrize(("path", "command"), TREE, ids=[" ".join(p) or "pcgd" for p, _ in TREE])
def test_every_command_and_option_has_help_in_both_languages(path, command):
    """Help texts are catalogue keys, not literals (bilingual or not)."""
    assert _has_both(command.help), f"{path}: help={command.help!r}"
    assert MESSAGES[command.help]["vi"] != MESSAGES[command.help]["en"]
    for param in command.params:
        assert _has_both(param.help), f"{path} {param.name}: help={param.help!r}"
        if not getattr(param, "is_flag", False):
            assert _has_both(param.metavar), f"{path} {param.name}: metavar={param.metavar!r}"


def test_a_group_lang_is_the_default_of_its_commands(tmp_path):
    result = run("--lang", "en", "rules", "list")
    assert result.exit_code == 0
    assert_english(result.stdout.replace(DECREE, ""))


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["check", "--bogus"],
                                  ["--version"]])
def test_help_and_usage_errors_import_no_heavy_library(args):
    """What keeps ``pcgd --help`` at start-up speed (typer itself loads pydantic to
    build a command's options, so that one is not listed)."""
    code = (f"import sys\nsys.argv = ['pcgd', *{args!r}]\n"
            "from pcgd_cli.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = ('pandas', 'numpy', 'python_calamine', 'rich', 'yaml', 'xlsxwriter')\n"
            "print('heavy:', *(m for m in heavy if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.splitlines()[-1] == "heavy:", result.stdout

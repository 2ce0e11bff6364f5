"""A ``pcgd check``'s workbooks read from the moment the process starts.

The installed command (``pcgd_cli.launch``) looks at its own arguments before it
imports the command line (typer, click, rich: about 80 ms on a national check,
all of it before click has the file names) and, for ``pcgd check``, starts the
read ahead (reading/prefetch.py) of the files it names at once. That look is not
the parse: the command line still parses the arguments as always and takes the
early read only when it holds exactly the files it would have read itself
(``take``); otherwise the early read is waited for and thrown away. So a look that
got the arguments wrong costs time, never a wrong result, and anything this module
does not understand (an unknown option, ``--help``, short options run together)
means no early read at all.

The options of ``check`` are listed here, not taken from click (which is what is
not imported yet); a test compares the two lists with the command itself.
"""

from __future__ import annotations

from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.reading.prefetch import Prefetch
from pcgd_cli.reading.sources import expand_inputs

# ``pcgd check``'s options that take a value, and those that do not.
CHECK_VALUE_OPTIONS = frozenset({
    "--rules", "--targets", "--format", "--output", "-o", "--lang", "--sheet", "--units",
    "--year", "--commune", "--rules-counting", "--option", "--json-schema", "--split-by",
})
CHECK_FLAGS = frozenset({"--exit-zero", "--quiet", "-q", "--explain"})
# the group's options that may come before the command's name
GROUP_VALUE_OPTIONS = frozenset({"--lang"})

_early: Prefetch | None = None


def check_files(args: list[str]) -> list[str] | None:
    """The FILE arguments of ``pcgd check`` in ``args`` (the command line without the
    program's name), or None when ``args`` is not a check this module understands."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] in GROUP_VALUE_OPTIONS:
            i += 2
        elif args[i].partition("=")[0] in GROUP_VALUE_OPTIONS:
            i += 1
        else:
            return None  # --help, --version, or an error click will explain
    if i >= len(args) or args[i] != "check":
        return None
    files: list[str] = []
    rest = iter(args[i + 1:])
    for arg in rest:
        if arg == "--":
            files.extend(rest)
        elif arg in CHECK_VALUE_OPTIONS:
            if next(rest, None) is None:
                return None
        elif arg in CHECK_FLAGS:
            continue
        elif arg.startswith("--") and arg.partition("=")[0] in CHECK_VALUE_OPTIONS:
            continue
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            files.append(arg)
    return files or None


def start(args: list[str]) -> bool:
    """Start reading the workbooks of the ``pcgd check`` in ``args``, if it is one;
    whether it is one."""
    global _early
    files = check_files(args)
    if files is None:
        return False
    try:
        paths = expand_inputs(files)
    except (PcgdError, OSError):
        return True  # a check all the same, whose error the command says in its words
    _early = Prefetch(paths)
    # the main thread has only imports left before it needs the cells: the hidden
    # rows and formulas are looked for first, so that the cells are usable the moment
    # calamine hands them over (when scanned later, beside calamine's conversion of
    # the cells, the scan ended 50 ms after the read on the national file)
    _early.scan_ahead()
    return True


def take(paths: list[Path]) -> Prefetch:
    """The read ahead of ``paths``: the early one when it read exactly these files (in
    this order), else a new one, after the early one (if any) has finished."""
    global _early
    early, _early = _early, None
    wanted = Prefetch.workbooks(paths)
    if early is not None:
        if early.paths == wanted:
            return early
        early.wait()
    return Prefetch(paths)

"""Turn the FILE arguments (files, folders, glob patterns) into a list of files."""

from __future__ import annotations

import glob
from pathlib import Path

from pcgd_cli.errors import PcgdError

# spreadsheets, and Parquet exports of person rows (pcgd check and pcgd count read them)
INPUT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".parquet")


def _is_spreadsheet(path: Path) -> bool:
    # "~$name.xlsx" is Excel's lock file for an open workbook, not data
    return path.suffix.lower() in INPUT_SUFFIXES and not path.name.startswith("~$")


def expand_inputs(arguments: list[str]) -> list[Path]:
    """Every input file named, in a named folder, or matched by a pattern, once each."""
    if not arguments:
        raise PcgdError("no_input")
    found: list[Path] = []
    for arg in arguments:
        path = Path(arg)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and _is_spreadsheet(p))
            if not inside:
                raise PcgdError("folder_empty", path=path, hint="file_type_hint")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        elif any(ch in arg for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(arg, recursive=True))
            matches = [p for p in matches if p.is_file() and _is_spreadsheet(p)]
            if not matches:
                raise PcgdError("file_not_found", path=arg)
            found.extend(matches)
        else:
            raise PcgdError("file_not_found", path=arg)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return [Path(p) for p in unique]

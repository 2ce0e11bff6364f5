"""Turn raw cells into typed values the way Vietnamese offices type them.

Each parser takes a column of raw cells and returns the parsed values and the
positions (with the raw value and a finding code) of the cells it rejected.
Rejected cells become missing, never zero.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable

import numpy as np
from pandas.api.types import infer_dtype

Problem = tuple[int, str, object]  # (position in column, finding code, raw value)

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_THOUSANDS_DOT = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^-?\d{1,3}(,\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")

YES = {"1", "x", "có", "co", "yes", "y", "true", "đúng", "dung", "c", "v", "✓", "1.0"}
NO = {"0", "không", "khong", "no", "n", "false", "sai", "k", "0.0", "-"}

# No commune, district or province has a billion people: a larger count is a
# typing slip (or a pasted ID), and would overflow the engine's int64 sums.
MAX_COUNT = 10**9


def _clean_text(value: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFC", value)).strip()


def parse_number_text(text: str) -> float | None:
    """ "1.234" and "1 234" are 1234; "12,5" is 12.5; "12.0" is 12. None if not a number."""
    s = _clean_text(text)
    if s.endswith("%"):
        s = s[:-1]
    if _THOUSANDS_DOT.match(s):
        s = s.replace(".", "")
    elif _THOUSANDS_COMMA.match(s):
        s = s.replace(",", "")
    elif _DECIMAL_COMMA.match(s):
        s = s.replace(",", ".")
    try:
        number = float(s)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _number_or_problem(cell: object) -> tuple[float | None, str | None]:
    if isinstance(cell, bool):
        return None, "not_a_number"
    if isinstance(cell, int | float):
        return float(cell), None
    if isinstance(cell, str):
        if not cell.strip():
            return None, None
        parsed = parse_number_text(cell)
        if parsed is not None and _clean_text(cell).endswith("%"):
            return None, "percent_in_count"  # "95%" is a rate, not 95 people
        return (parsed, None) if parsed is not None else (None, "not_a_number")
    return None, "not_a_number"  # dates, times and the like are not counts


def parse_counts(cells: list[object] | np.ndarray) -> tuple[np.ndarray, list[Problem]]:
    """Whole numbers 0 … 10⁹; floats like 12.0 are fine, 12.5, -1, "95%" and
    10¹⁰ are errors. ``cells``: a list, or a numpy object array (a workbook's column)."""
    # Workbook numbers arrive as floats and empty cells as "": a column holding only
    # floats is converted by numpy in one call, and only the other cells of a column
    # go one by one (a cell at a time cost 0.1 s for the national file's 1 million).
    # An object array of floats alone is told by pandas' type inference, in C (30 count
    # columns of the national file: 56 ms against 90 ms through lists).
    if isinstance(cells, np.ndarray):
        if len(cells) and infer_dtype(cells, skipna=False) == "floating":
            return _checked_counts(cells.astype(float), [], cells)
        cells = cells.tolist()
    kinds = set(map(type, cells))
    if kinds <= {float}:
        out, others = np.array(cells, dtype=float), []
    else:
        out = np.array([c if c.__class__ is float else np.nan for c in cells], dtype=float)
        others = range(len(cells)) if kinds - {float, str} else \
            [i for i, c in enumerate(cells) if c.__class__ is str and c != ""]
    problems: list[Problem] = []
    for i in others:
        cell = cells[i]
        if cell.__class__ is float or cell is None or cell == "":
            continue
        number, code = _number_or_problem(cell)
        if code is not None:
            problems.append((i, code, cell))
        elif number is not None:
            out[i] = number
    return _checked_counts(out, problems, cells)


def _checked_counts(out: np.ndarray, problems: list[Problem],
                    cells: list[object] | np.ndarray) -> tuple[np.ndarray, list[Problem]]:
    """Negative, fractional, too large and non-finite numbers made problems (NaN)."""
    bad_float = ~np.isfinite(out) & ~np.isnan(out)
    negative = out < 0
    fractional = np.isfinite(out) & (out != np.floor(out))
    too_large = np.isfinite(out) & (out > MAX_COUNT)
    for mask, code in ((bad_float, "not_a_number"), (negative, "negative_count"),
                       (fractional & ~negative, "fractional_count"),
                       (too_large & ~fractional, "count_too_large")):
        for i in np.flatnonzero(mask):
            problems.append((int(i), code, cells[i]))
    out[bad_float | negative | fractional | too_large] = np.nan
    problems.sort(key=lambda p: p[0])
    return out, problems


def _flag_text(cell: object) -> str:
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return _clean_text(str(cell)).casefold()


def _per_distinct(cells: list[object], read: Callable[[object], float | None],
                  code: str) -> tuple[np.ndarray, list[Problem]]:
    """``read`` applied once per distinct cell (a column holds a few: "x", "", "có";
    2023, 2024), with its type: 1, 1.0 and True are equal, and not the same cell. A cell
    ``read`` gives None for is missing (NaN) and a problem ``code``."""
    value_of = {key: read(key[1]) for key in {(cell.__class__, cell) for cell in cells}}
    values = [value_of[cell.__class__, cell] for cell in cells]
    if None not in value_of.values():
        return np.array(values, dtype=float), []
    problems: list[Problem] = [(i, code, cells[i]) for i, v in enumerate(values) if v is None]
    return np.array([np.nan if v is None else v for v in values], dtype=float), problems


def _flag_value(cell: object, blank: float) -> float | None:
    """1.0, 0.0, ``blank`` for an empty cell, None for a cell that is no yes/no."""
    text = _flag_text(cell) if cell is not None else ""
    if not text:
        return blank
    if text in YES:
        return 1.0
    if text in NO:
        return 0.0
    return None


def parse_flags(cells: list[object], blank_is_no: bool) -> tuple[np.ndarray, list[Problem]]:
    """Yes/no cells as 1.0/0.0; blank is 0 for ĐBKK ("x"/blank), missing otherwise;
    an invalid cell is missing (NaN) either way."""
    blank = 0.0 if blank_is_no else np.nan
    # an invalid cell is unknown, even where blank means "no"
    return _per_distinct(cells, lambda cell: _flag_value(cell, blank), "bad_flag")


def parse_code(cell: object, width: int | None) -> str:
    """3394, 3394.0 and "03394" are all commune "03394"."""
    if cell is None:
        return ""
    if cell.__class__ is str and cell.isascii() and cell.isdigit():
        # "03394" as most files write it: nothing to clean (no space, no accent, no
        # ".0"), so not normalised and searched: 10,600 codes in a national file
        text = cell
    elif isinstance(cell, float) and cell.is_integer():
        text = str(int(cell))
    else:
        text = _clean_text(str(cell))
        if text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]
    if width and text.isdigit() and len(text) < width:
        text = text.zfill(width)
    return text


def parse_name(cell: object) -> str:
    if cell is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(cell)).split())


_YEAR = re.compile(r"^(\d{4})(\s*[-–/]\s*\d{2,4})?$")


def parse_years(cells: list[object]) -> tuple[np.ndarray, list[Problem]]:
    """2024, "2024" or a school year "2024-2025" (statistics as of 30/9/2024)."""
    return _per_distinct(cells, _year_value, "bad_year")


def _year_value(cell: object) -> float | None:
    """The year, NaN for an empty cell, None for a cell that is no year."""
    if cell is None or cell == "":
        return np.nan
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        year = float(cell)
    else:
        match = _YEAR.match(_clean_text(str(cell)).replace("Năm", "").strip())
        year = float(match.group(1)) if match else math.nan
    return year if math.isfinite(year) and year.is_integer() and 1900 <= year <= 2200 \
        else None

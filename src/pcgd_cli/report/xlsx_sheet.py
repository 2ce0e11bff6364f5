"""Writing worksheets the way every pcgd workbook needs them.

Every text goes through ``write_string`` (a unit named "=HYPERLINK(…)" stays
text), every figure through ``write_number``; the sheet remembers the widest
text of each column to fit the widths, and gets the house page setup:
landscape A4, header rows repeated on each printed page. A sheet that fits one
page wide at PRINT_SCALE or more is fitted to the width; a wider one prints at
PRINT_SCALE over several pages, its unit columns repeated on each, pages
numbered across then down (a commune's row continues on the next page, so its
verdict at the right end is never more than a few pages from its name).
"""

from __future__ import annotations

import math
import re
from typing import IO

A4 = 9  # xlsxwriter paper code
MARGIN_SIDE = 0.4  # inches
# landscape A4 less the side margins, in points
PRINTABLE_WIDTH = (297 / 25.4 - 2 * MARGIN_SIDE) * 72
# Smallest scale a sheet prints at: 11 pt text prints at 7.2 pt, small but readable
# on paper. The Lai Châu sample with its 2030 targets, in LibreOffice's PDF: 60 % made
# 44 pages, 65 % 50, 70 % 63 (more sheets stop fitting one page wide).
PRINT_SCALE = 65
LINE_HEIGHT = 15  # points, one line of 11 pt text
MAX_WIDTH = 60
HEADER_WIDTH = 16  # headers wrap; a long header does not widen its column past this
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

# Input strings must never become formulas or links, whatever write() would guess.
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}


def fits_one_page_wide(points: float) -> bool:
    """Whether columns ``points`` wide at 100 % fit one page wide at PRINT_SCALE or more;
    5 % kept in hand, as LibreOffice measured columns a little wider than this count."""
    return points * PRINT_SCALE / 100 <= 0.95 * PRINTABLE_WIDTH


def column_points(width: float) -> float:
    """A column's printed width at 100 %: ``width`` characters of 7 px, 5 px padding."""
    return (int(width * 7 + 0.5) + 5) * 0.75


def wrapped_lines(text: str, width: float) -> int:
    """Lines a wrapped cell ``width`` characters wide needs for ``text`` (an estimate)."""
    per_line = max(int(width) - 1, 1)
    return sum(max(math.ceil(len(line) / per_line), 1) for line in text.split("\n"))


def wrapped_height(cells: list[tuple[str, float]]) -> float | None:
    """The height of a row whose wrapped cells hold these (text, column width); None
    when one line is enough (the default height)."""
    lines = max((wrapped_lines(text, width) for text, width in cells if text), default=1)
    return LINE_HEIGHT * lines if lines > 1 else None


def new_workbook(stream: IO[bytes], row_by_row: bool = False):
    """``row_by_row``: xlsxwriter's constant_memory mode, each row flushed to a temporary
    file once the next one starts (a national summary holds millions of cells). Sheets
    written this way must write their rows top to bottom and merge cells only across
    a row."""
    import xlsxwriter

    options = {**WORKBOOK_OPTIONS, "constant_memory": row_by_row, "in_memory": not row_by_row}
    return xlsxwriter.Workbook(stream, options)


class Styles:
    """The formats of one workbook, made once."""

    def __init__(self, book) -> None:
        self._book = book
        self._custom: dict[str, object] = {}
        add = book.add_format
        self.title = add({"bold": True, "font_size": 13})
        self.note = add({"italic": True, "font_color": "#7F6000"})
        self.header = add({"bold": True, "text_wrap": True, "align": "center",
                           "valign": "vcenter", "border": 1, "bg_color": "#DDEBF7"})
        self.text = add({"valign": "top"})
        self.wrap = add({"valign": "top", "text_wrap": True})
        self.code = add({"valign": "top", "num_format": "@"})
        self.count = add({"valign": "top", "num_format": "#,##0"})
        self.rate = add({"valign": "top", "num_format": "0.00"})
        total = {"bold": True, "valign": "top", "bg_color": "#F2F2F2", "top": 1}
        self.total_text = add(total)
        self.total_count = add({**total, "num_format": "#,##0"})
        self.total_rate = add({**total, "num_format": "0.00"})
        self.met = add({"bg_color": "#C6EFCE", "font_color": "#006100"})
        self.not_met = add({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.unknown = add({"bg_color": "#FFEB9C", "font_color": "#9C5700"})

    def custom(self, name: str, properties: dict):
        """A format only some sheets need (e.g. one whose number format is a word in the
        report's language), made the first time it is asked for."""
        if name not in self._custom:
            self._custom[name] = self._book.add_format(properties)
        return self._custom[name]


class Sheet:
    """One worksheet and the widths its columns need."""

    def __init__(self, book, name: str, styles: Styles) -> None:
        self.ws = book.add_worksheet(name)
        self.name = name
        self.styles = styles
        self.widths: dict[int, int] = {}

    def _fit(self, col: int, text: str, cap: int = MAX_WIDTH) -> None:
        longest = max(len(line) for line in text.splitlines()) if "\n" in text else len(text)
        if longest > self.widths.get(col, 0):
            self.widths[col] = min(longest, cap)

    def text(self, row: int, col: int, value: object, fmt=None) -> None:
        text = "" if value is None else str(value)
        if not text:
            self.ws.write_blank(row, col, None, fmt)
            return
        self.ws.write_string(row, col, text, fmt)
        self._fit(col, text)

    def number(self, row: int, col: int, value: object, fmt=None) -> None:
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            self.ws.write_blank(row, col, None, fmt)
            return
        self.ws.write_number(row, col, value, fmt)
        digits = len(str(value)) + 1  # room for a separator or the second decimal
        if digits > self.widths.get(col, 0):
            self.widths[col] = digits

    def cells(self, row: int, first_col: int, values: list, formats: list,
              blanks: bool = False) -> None:
        """A row's values from ``first_col`` on, each with its format: text as text,
        numbers as numbers, None or "" left empty (an empty cell keeps its format only
        with ``blanks``, for the shaded total rows). One call per row, no per-cell
        wrapper: the national summary writes hundreds of thousands of cells."""
        ws, widths = self.ws, self.widths
        col = first_col
        for value, fmt in zip(values, formats, strict=True):
            if value is None or value == "":
                if blanks:
                    ws.write_blank(row, col, None, fmt)
            elif isinstance(value, str):
                ws.write_string(row, col, value, fmt)
                size = len(value) if "\n" not in value else \
                    max(len(line) for line in value.splitlines())
                if size > widths.get(col, 0):
                    widths[col] = min(size, MAX_WIDTH)
            else:
                ws.write_number(row, col, value, fmt)
                size = len(str(value)) + 1  # room for a separator or the second decimal
                if size > widths.get(col, 0):
                    widths[col] = size
            col += 1

    def header(self, row: int, col: int, value: str, last_row: int | None = None,
               last_col: int | None = None) -> None:
        """A header cell, merged over a block when it heads several rows or columns."""
        last_row = row if last_row is None else last_row
        last_col = col if last_col is None else last_col
        fmt = self.styles.header
        if (last_row, last_col) != (row, col):
            self.ws.merge_range(row, col, last_row, last_col, "", fmt)
        self.ws.write_string(row, col, value, fmt)
        if last_col == col:
            words = max((len(w) for w in value.split()), default=0)
            self._fit(col, value, cap=max(HEADER_WIDTH, words))

    def title(self, value: str, row: int = 0) -> None:
        self.ws.write_string(row, 0, value, self.styles.title)

    def note(self, row: int, value: str) -> None:
        """A line of text above a table; it runs over the empty cells to its right, so it
        does not widen its column."""
        self.ws.write_string(row, 0, value, self.styles.note)

    def status_colours(self, first_row: int, last_row: int, cols: list[int],
                       met: list[str], not_met: list[str], unknown: list[str]) -> None:
        """Met / not met / unknown shown by conditional formatting on the cell's text."""
        if last_row < first_row:
            return
        for col in cols:
            for values, fmt in ((met, self.styles.met), (not_met, self.styles.not_met),
                                (unknown, self.styles.unknown)):
                for value in values:
                    quoted = '"' + value.replace('"', '""') + '"'
                    self.ws.conditional_format(first_row, col, last_row, col,
                                               {"type": "cell", "criteria": "==",
                                                "value": quoted, "format": fmt})

    def finish(self, header_first: int, header_last: int, last_row: int, last_col: int,
               freeze_col: int = 0, autofilter: bool = True,
               widths: dict[int, float] | None = None,
               repeat_cols: tuple[int, int] | None = None) -> None:
        """Widths (fitted, or as ``widths`` says), frozen header, filter and the printed
        page. ``repeat_cols``: the columns naming the unit, printed on every page when
        the sheet runs over several pages across (default: the frozen columns)."""
        fixed = widths or {}
        total = 0.0
        for col in range(last_col + 1):
            width = fixed.get(col, max(self.widths.get(col, 6), 6) + 2)
            self.ws.set_column(col, col, width)
            total += column_points(width)
        self.ws.freeze_panes(header_last + 1, freeze_col)
        if autofilter and last_row > header_last:
            self.ws.autofilter(header_last, 0, last_row, last_col)
        self.ws.set_landscape()
        self.ws.set_paper(A4)
        self.ws.repeat_rows(header_first, header_last)
        if repeat_cols is None and freeze_col:
            repeat_cols = (0, freeze_col - 1)
        if fits_one_page_wide(total):
            self.ws.fit_to_pages(1, 0)
        else:
            self.ws.set_print_scale(PRINT_SCALE)
            if repeat_cols is not None:
                self.ws.repeat_columns(*repeat_cols)
            self.ws.print_across()
        self.ws.set_margins(left=MARGIN_SIDE, right=MARGIN_SIDE, top=0.5, bottom=0.5)
        self.ws.set_footer("&C&P / &N")


def sheet_name(text: str, taken: set[str]) -> str:
    """A legal, unique worksheet name (31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("-", text).strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(name.casefold())
    return name

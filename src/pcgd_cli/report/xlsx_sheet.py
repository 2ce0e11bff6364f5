"""Writing worksheets the way every pcgd workbook needs them.

Every text goes through ``write_string`` (a unit named "=HYPERLINK(…)" stays
text), every figure through ``write_number``; the sheet remembers the widest
text of each column to fit the widths, and gets the house page setup:
landscape A4, header rows repeated on each printed page, one page wide.
"""

from __future__ import annotations

import math
import re
from typing import IO

A4 = 9  # xlsxwriter paper code
MAX_WIDTH = 60
HEADER_WIDTH = 16  # headers wrap; a long header does not widen its column past this
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")

# Input strings must never become formulas or links, whatever write() would guess.
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}


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
               freeze_col: int = 0, autofilter: bool = True) -> None:
        """Widths, frozen header, filter and the printed page."""
        for col in range(last_col + 1):
            width = self.widths.get(col, 6)
            self.ws.set_column(col, col, max(width, 6) + 2)
        self.ws.freeze_panes(header_last + 1, freeze_col)
        if autofilter and last_row > header_last:
            self.ws.autofilter(header_last, 0, last_row, last_col)
        self.ws.set_landscape()
        self.ws.set_paper(A4)
        self.ws.repeat_rows(header_first, header_last)
        self.ws.fit_to_pages(1, 0)
        self.ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
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

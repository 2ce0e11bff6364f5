"""Data problems as objects: a stable code, a severity, a location and the values.

A finding keeps keys and numbers, never a sentence: the column key, the unit's
code, the value found, and ``params`` (keys of standards and tests, levels,
years …). Reporters render it in the language asked for, with the message
templates of the catalogue (``i18n.MESSAGES["finding_<code>"]``) and the names
the rule book gives (``report/finding_text.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    unit: str = ""
    extra: str = ""
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def location(self) -> str:
        """``Xa!G17`` style, or the file name when the problem has no cell."""
        if self.cell:
            return f"{self.sheet}!{self.cell}" if self.sheet else self.cell
        return self.sheet or ""


def cell_ref(row0: int, col0: int) -> str:
    """0-based row and column to an A1 reference."""
    letters = ""
    col = col0 + 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row0 + 1}"

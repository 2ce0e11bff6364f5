"""Which header texts name which column key, derived from the rule files."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.loader import builtin_declared_columns
from pcgd_cli.rules.model import ColumnSpec

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_header(text: object) -> str:
    """Case, spacing, punctuation and Unicode form do not distinguish headers.

    "Trẻ 6 tuổi – Tổng số", "TRẺ 6 TUỔI: tổng số" (in NFD) and
    "tre6tuoi..." with the accents kept all compare equal to the label.
    """
    s = unicodedata.normalize("NFC", str(text)).casefold()
    s = s.replace("đ", "d")
    return _NOT_WORD.sub("", s)


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


@dataclass
class ColumnCatalog:
    columns: dict[str, ColumnSpec]
    by_name: dict[str, str] = field(default_factory=dict)
    # counts whose empty cell means 0 (the "excluded" of a cohort); an invalid
    # cell in them is still missing, never 0
    zero_when_blank: set[str] = field(default_factory=set)
    # columns read only by optional tests (Circular 07): blank in every row = absent
    optional_only: set[str] = field(default_factory=set)
    # columns that a built-in rule or target file not in use declares:
    # normalised name -> (key, set id, the option that would use it)
    elsewhere: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, spec in self.columns.items():
            for name in (key, spec.label.vi, spec.label.en, *spec.aliases):
                if name:
                    self.by_name.setdefault(normalise_header(name), key)

    def closest(self, header: object) -> str | None:
        """The column a mistyped header most likely meant: compared without accents, so
        "Tre 6 tuoi - Vao lop1" finds "Trẻ 6 tuổi - Vào lớp 1"."""
        plain = {_without_accents(name): key for name, key in self.by_name.items()}
        found = difflib.get_close_matches(_without_accents(normalise_header(header)),
                                          list(plain), n=1, cutoff=0.8)
        return plain[found[0]] if found else None

    def match(self, header: object) -> str | None:
        return self.by_name.get(normalise_header(header))

    def declared_elsewhere(self, header: object) -> tuple[str, str, str] | None:
        return self.elsewhere.get(normalise_header(header))

    def kind(self, key: str) -> str:
        return self.columns[key].kind


def column_catalog(book: RuleBook) -> ColumnCatalog:
    """The header names of every column of the book; and, for a header that only a
    built-in rule or target file not in use declares, which option would use it."""
    catalog = ColumnCatalog(book.columns, zero_when_blank=set(book.excluded_columns),
                            optional_only=book.optional_only_columns)
    in_use = {f.id for f in book.files}
    for rid, option, declared in builtin_declared_columns():
        if rid in in_use:
            continue
        for key, spec in declared.items():
            for name in (key, spec.label.vi, spec.label.en, *spec.aliases):
                if name and catalog.match(name) is None:
                    catalog.elsewhere.setdefault(normalise_header(name), (key, rid, option))
    return catalog

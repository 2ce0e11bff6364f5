"""A finding as people read it: its message and suggestion in Vietnamese or English.

The templates are the catalogue's ``finding_<code>`` and ``finding_<code>_hint``;
the names in them come from the rule book at render time: the column's label,
the standard's short name, the test's label and source, the header names that
were looked for. A code without its own message (a rule file's own check code)
reads as the generic ``column_above_column``.
"""

from __future__ import annotations

from pcgd_cli.findings import Finding
from pcgd_cli.i18n import MESSAGES, t
from pcgd_cli.rules.book import RuleBook

GENERIC = "column_above_column"


def _template(code: str) -> str:
    return f"finding_{code}" if f"finding_{code}" in MESSAGES else f"finding_{GENERIC}"


def _values(f: Finding, lang: str, book: RuleBook | None) -> dict[str, object]:
    params = dict(f.params)
    values: dict[str, object] = {
        "value": f.value, "column": f.column, "unit": f.unit, "extra": f.extra,
        "cell": f.cell, "column_label": f.column, "standard_label": f.column,
        "extra_label": f.extra, "closest": "", "labels": "", "test_label": f.value,
        "test_source": "", **params}
    if book is None:
        return values
    if f.column and book.column(f.column) is not None:
        values["column_label"] = book.label(f.column, lang)
        values["labels"] = book.header_names(f.column)
    sid = params.get("standard") or f.column
    short = book.standard_short(sid)
    if short is not None:
        values["standard_label"] = short.get(lang)
    extra = book.standard_short(f.extra)
    if extra is not None:
        values["extra_label"] = extra.get(lang)
    if params.get("instead_of"):  # the column a test's own reading needed
        values["instead_label"] = book.label(params["instead_of"], lang)
    if params.get("looked_for"):  # column keys, comma-separated
        values["labels"] = " / ".join(book.header_names(key)
                                      for key in params["looked_for"].split(","))
    if params.get("closest_key"):  # the column a mistyped header most likely meant
        values["closest"] = t("finding_closest", lang,
                              label=book.label(params["closest_key"], lang))
    test = book.indicator(sid, params["test"]) if params.get("test") else None
    if test is not None:
        values["test_label"] = test.label.get(lang)
        source = test.source or short
        values["test_source"] = source.get(lang) if source is not None else ""
    return values


def finding_message(f: Finding, lang: str, book: RuleBook | None = None) -> str:
    return t(_template(f.code), lang, **_values(f, lang, book))


def finding_suggestion(f: Finding, lang: str, book: RuleBook | None = None) -> str:
    return t(_template(f.code) + "_hint", lang, **_values(f, lang, book))


def finding_texts(f: Finding, lang: str, book: RuleBook | None = None) -> tuple[str, str]:
    """``finding_message`` and ``finding_suggestion`` from one look-up of the names."""
    values = _values(f, lang, book)
    template = _template(f.code)
    return t(template, lang, **values), t(template + "_hint", lang, **values)

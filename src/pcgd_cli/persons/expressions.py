"""The expression language of counting rule files: checked, then compiled to SQL.

An expression is YAML data (see the head of rules/counting/household-2025.yaml).
Each is a *number* (an integer or blank) or a *flag* (true or false, never
blank: missing data makes a flag false, so it never counts as a pass). The SQL
uses only CASE, COALESCE, NULLIF, CAST, TRY_CAST, TRIM, LOWER, LENGTH, LIKE,
IN, GREATEST and regexp_extract, which DuckDB, Spark SQL and Trino share.

Cell values arrive as text (VARCHAR), trimmed and in Unicode NFC (the readers
see to it, so nothing here trims again: each TRIM is paid on every row); a blank
cell is NULL or ''. A named value ``x`` is the SQL column ``v_x`` of an earlier step;
a column read as text or as a number is the column ``t_x``, ``number_x`` …
of the first step.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

NUMBER, FLAG = "number", "flag"
# a blank maximum: smaller than any grade or year (GREATEST with NULLs differs by engine)
_NONE = -999999
_COMPARE = {"equals": "=", "less": "<", "greater": ">", "at_least": ">=", "at_most": "<="}
_NUMBER_NODES = {"number", "leading_number", "year", "end_year", "school_year", "map", "first",
                 "max", "minus", "plus", "within", "when"}
_FLAG_NODES = {"mark", "present", "missing", "one_of", "contains", "words", "all", "any", "not",
               "between", *_COMPARE}
# the pattern of each way of reading a number out of a cell, and its group
_PATTERNS = {
    "number": ("([0-9]{1,6})", 1),
    "leading_number": ("^([0-9]{1,6})", 1),
    "year": ("(^|[^0-9])([0-9]{4})([^0-9]|$)", 2),
}
_LEADING_YEAR = "^([0-9]{4})([^0-9]|$)"
# what may stand beside a whole word (words: "lá" in "Lá 1", "Lớp Lá", "MG5A", not in "Láng"):
# the cell's ends, spaces, digits and punctuation; listed, not "not a letter" (the
# engines' letter classes differ, and an ASCII one would split "Thành" after "th")
_WORD_EDGE = "[- 0-9.,;:/()&+*!#_–]"
# a text used inside a pattern: no character a pattern or a SQL literal gives a meaning
_PLAIN = set("%_'\\.^$|?*+()[]{}")


class ExprError(Exception):
    def __init__(self, loc: tuple, message: str):
        super().__init__(message)
        self.loc = loc
        self.message = message


@dataclass
class Scope:
    """What names an expression may use: person columns and the values above it.

    ``parsed``: each column read one way (as text, as a number …) is computed once,
    in the first step, whatever the number of expressions that read it so."""

    columns: set[str]
    values: dict[str, str] = field(default_factory=dict)  # name -> NUMBER | FLAG
    not_a_mark: tuple[str, ...] = ()
    parsed: dict[str, str] = field(default_factory=dict)  # SQL name -> SQL

    def read(self, column: str, how: str) -> str:
        name = f"{how}_{column}"
        if name not in self.parsed:
            if how == "t":
                self.parsed[name] = text_sql(column)
            elif how == "end_year":
                self.parsed[name] = end_year_sql(column)
            elif how == "school_year":
                self.parsed[name] = school_year_sql(column)
            else:
                self.parsed[name] = number_sql(column, how)
        return name

    def read_as(self, column: str, how: str, sql: str) -> str:
        """The column read by ``sql`` (a reading with its own words), computed once."""
        for name, known in self.parsed.items():
            if known == sql:
                return name
        name = f"{how}{sum(n.startswith(how) for n in self.parsed) + 1}_{column}"
        self.parsed[name] = sql
        return name


def text_literal(text: str) -> str:
    """A SQL string literal of the text as cells are compared: NFC, lower case."""
    norm = unicodedata.normalize("NFC", str(text)).strip().lower()
    return "'" + norm.replace("'", "''") + "'"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def text_sql(column: str) -> str:
    """The cell as compared with texts: lower case, blank as NULL."""
    return f"NULLIF(LOWER({quote(column)}), '')"


def number_sql(column: str, how: str) -> str:
    """A whole number read out of the cell. A cell holding just the number (most of
    them) is cast; only the others pay for the regular expression."""
    pattern, group = _PATTERNS[how]
    cell = quote(column)
    parsed = f"CAST(NULLIF(regexp_extract({cell}, '{pattern}', {group}), '') AS INTEGER)"
    plain = f"TRY_CAST({cell} AS INTEGER)"
    fits = f"{cell} NOT LIKE '%.%' AND {plain} BETWEEN 0 AND 999999"
    if how == "year":
        fits = f"{cell} NOT LIKE '%.%' AND {plain} BETWEEN 1000 AND 9999"
        # "2024-2025" (a school year, in every row of an export): a year at the start
        # of the cell is the pattern's first match, and no cast of such a cell gives
        # another year; anchored, the pattern is found or ruled out at once, where a
        # failed cast and the pattern above (tried at every position) cost 5 times more
        leading = f"CAST(NULLIF(regexp_extract({cell}, '{_LEADING_YEAR}', 1), '') AS INTEGER)"
        usual = f"CASE WHEN {fits} THEN {plain} ELSE {parsed} END"
        return (f"CASE WHEN LENGTH({cell}) = 4 THEN {usual} "
                f"ELSE COALESCE({leading}, {usual}) END")
    return f"CASE WHEN {fits} THEN {plain} ELSE {parsed} END"


def end_year_sql(column: str) -> str:
    """"2023-2024" and "2023-24": the year the school year ended; one year alone: that
    year. The short form is read only as a school year (the next year's last two digits:
    "1999-00" → 2000), so a date "2024-06-15" stays 2024."""
    cell = quote(column)
    second = (f"CAST(NULLIF(regexp_extract({cell}, '([0-9]{{4}})[^0-9]+([0-9]{{4}})', 2), "
              "'') AS INTEGER)")
    short = "(^|[^0-9])([0-9]{4})[^0-9]+([0-9]{2})([^0-9]|$)"
    start, end = (f"CAST(NULLIF(regexp_extract({cell}, '{short}', {g}), '') AS INTEGER)"
                  for g in (2, 3))
    next_year = f"CASE WHEN {end} = ({start} + 1) % 100 THEN {start} + 1 END"
    return f"COALESCE({second}, {next_year}, {number_sql(column, 'year')})"


def school_year_sql(column: str) -> str:
    """The school year a cell names, as its first calendar year: "2024-2025" and 2024 as
    written; a date ("30/09/2024", "2024-09-30", a date cell) as the school year it falls
    in: August–December → that year, January–July → the year before."""
    cell = quote(column)

    def part(pattern: str, group: int) -> str:
        return f"CAST(NULLIF(regexp_extract({cell}, '{pattern}', {group}), '') AS INTEGER)"

    def dated(pattern: str, year: int, month: int) -> str:
        y, m = part(pattern, year), part(pattern, month)
        return f"CASE WHEN {m} BETWEEN 1 AND 12 THEN {y} - CASE WHEN {m} <= 7 THEN 1 ELSE 0 END END"

    day_first = dated("^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})([^0-9]|$)", 3, 2)
    year_first = dated("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})([^0-9]|$)", 1, 2)
    as_written = number_sql(column, "year")
    # a year or "2024-2025" (every row of an export) is at most 9 characters: the date
    # patterns are tried only on longer cells
    return (f"CASE WHEN LENGTH({cell}) <= 9 THEN {as_written} "
            f"ELSE COALESCE({day_first}, {year_first}, {as_written}) END")


def leading_number_after_sql(column: str, words: list[str]) -> str:
    """The leading number once one of ``words`` ("Lớp 3B" → 3) is dropped from the start."""
    cell = f"LOWER({quote(column)})"
    skip = "|".join(text_literal(w)[1:-1] for w in words)
    pattern = f"^(({skip})[ .:]*)?([0-9]{{1,6}})"
    return f"CAST(NULLIF(regexp_extract({cell}, '{pattern}', 3), '') AS INTEGER)"


def words_sql(text: str, words: list[str]) -> str:
    """Whether the (lower-case) text holds one of ``words`` as a whole word."""
    listed = "|".join(text_literal(w)[1:-1] for w in words)
    pattern = f"(^|{_WORD_EDGE})({listed})({_WORD_EDGE}|$)"
    return f"(regexp_extract({text}, '{pattern}', 2) <> '')"


def _any_equal(sql: str, literals: list[str]) -> str:
    """``sql IN (literals)``, written out: DuckDB plans an IN list of several texts as a
    join, and a join does not keep the rows in input order (person_values needs it)."""
    return "(" + " OR ".join(f"{sql} = {lit}" for lit in literals) + ")"


def _single(node: dict, loc: tuple) -> tuple[str, object]:
    if len(node) != 1:
        raise ExprError(loc, f"an expression has one key, found {sorted(node)}")
    return next(iter(node.items()))


class Compiler:
    """Type-checks an expression against a scope and writes its SQL."""

    def __init__(self, scope: Scope):
        self.scope = scope

    # -- entry points -------------------------------------------------------
    def kind(self, expr: object, loc: tuple) -> str:
        """NUMBER or FLAG; raises ExprError with the location of the mistake."""
        self.sql(expr, loc)
        return self._kind(expr)

    def flag(self, expr: object, loc: tuple) -> str:
        return self._expect(expr, FLAG, loc)

    def number(self, expr: object, loc: tuple) -> str:
        return self._expect(expr, NUMBER, loc)

    def sql(self, expr: object, loc: tuple) -> str:
        if isinstance(expr, bool):
            return "TRUE" if expr else "FALSE"
        if isinstance(expr, int):
            return str(expr)
        if isinstance(expr, str):
            return self._name(expr, loc)
        if isinstance(expr, dict) and set(expr) == {"when", "then"}:
            # the one node with two keys: the number where the flag holds, else blank
            cond = self.flag(expr["when"], (*loc, "when"))
            value = self.number(expr["then"], (*loc, "then"))
            return f"CASE WHEN {cond} THEN {value} END"
        if isinstance(expr, dict):
            op, arg = _single(expr, loc)
            method = getattr(self, f"_op_{op}", None)
            if method is None and op in _COMPARE:
                return self._compare(op, arg, (*loc, op))
            if method is None:
                raise ExprError(loc, f"unknown expression '{op}'")
            return method(arg, (*loc, op))
        raise ExprError(loc, f"not an expression: {expr!r}")

    # -- helpers ------------------------------------------------------------
    def _kind(self, expr: object) -> str:
        if isinstance(expr, bool):
            return FLAG
        if isinstance(expr, int):
            return NUMBER
        if isinstance(expr, str):
            return self.scope.values[expr]
        if set(expr) == {"when", "then"}:
            return NUMBER
        op = next(iter(expr))
        return NUMBER if op in _NUMBER_NODES else FLAG

    def _expect(self, expr: object, kind: str, loc: tuple) -> str:
        text = self.sql(expr, loc)
        if self._kind(expr) != kind:
            raise ExprError(loc, f"a {kind} is needed here, found a {self._kind(expr)}")
        return text

    def _name(self, name: str, loc: tuple) -> str:
        if name in self.scope.values:
            return f"v_{name}"
        if name in self.scope.columns:
            raise ExprError(loc, f"'{name}' is a column: read it with number, year, mark, "
                                 "present, one_of …")
        raise ExprError(loc, f"unknown value '{name}' (a value can use only those above it)")

    def _column(self, name: object, loc: tuple) -> str:
        if not isinstance(name, str) or name not in self.scope.columns:
            raise ExprError(loc, f"unknown column {name!r}")
        return name

    def _list(self, arg: object, loc: tuple, n: int | None = None) -> list:
        if not isinstance(arg, list) or not arg or (n is not None and len(arg) != n):
            size = f"{n} items" if n else "at least one item"
            raise ExprError(loc, f"a list of {size} is needed")
        return arg

    # -- numbers ------------------------------------------------------------
    def _text(self, column: str) -> str:
        return self.scope.read(column, "t")

    def _op_number(self, arg, loc):
        return self.scope.read(self._column(arg, loc), "number")

    def _op_leading_number(self, arg, loc):
        if isinstance(arg, dict):
            # {column: COL, after: [words]}: a word ("Lớp") before the number is dropped
            if set(arg) != {"column", "after"}:
                raise ExprError(loc, "leading_number needs a column, or 'column' and 'after'")
            col = self._column(arg["column"], (*loc, "column"))
            words = self._plain_texts(arg["after"], (*loc, "after"))
            return self.scope.read_as(col, "leading_after", leading_number_after_sql(col, words))
        return self.scope.read(self._column(arg, loc), "leading_number")

    def _op_year(self, arg, loc):
        return self.scope.read(self._column(arg, loc), "year")

    def _op_end_year(self, arg, loc):
        return self.scope.read(self._column(arg, loc), "end_year")

    def _op_school_year(self, arg, loc):
        return self.scope.read(self._column(arg, loc), "school_year")

    def _op_map(self, arg, loc):
        if not isinstance(arg, dict) or set(arg) != {"column", "values"}:
            raise ExprError(loc, "map needs 'column' and 'values'")
        col = self._column(arg["column"], (*loc, "column"))
        values = arg["values"]
        if not isinstance(values, dict) or not values:
            raise ExprError((*loc, "values"), "map values: text → whole number")
        whens = []
        for text, number in values.items():
            if not isinstance(number, int) or isinstance(number, bool):
                raise ExprError((*loc, "values", text), "a whole number is needed")
            whens.append(f"WHEN {text_literal(text)} THEN {number}")
        return f"CASE {self._text(col)} {' '.join(whens)} END"

    def _op_first(self, arg, loc):
        items = self._list(arg, loc)
        return "COALESCE(" + ", ".join(self.number(e, (*loc, i))
                                       for i, e in enumerate(items)) + ")"

    def _op_max(self, arg, loc):
        items = self._list(arg, loc)
        parts = ", ".join(f"COALESCE({self.number(e, (*loc, i))}, {_NONE})"
                          for i, e in enumerate(items))
        return f"NULLIF(GREATEST({parts}), {_NONE})"

    def _op_minus(self, arg, loc):
        a, b = self._list(arg, loc, 2)
        return f"({self.number(a, (*loc, 0))} - {self.number(b, (*loc, 1))})"

    def _op_plus(self, arg, loc):
        a, b = self._list(arg, loc, 2)
        return f"({self.number(a, (*loc, 0))} + {self.number(b, (*loc, 1))})"

    def _op_within(self, arg, loc):
        e, lo, hi = self._list(arg, loc, 3)
        inner = self.number(e, (*loc, 0))
        lo_sql, hi_sql = self.number(lo, (*loc, 1)), self.number(hi, (*loc, 2))
        return f"CASE WHEN {inner} BETWEEN {lo_sql} AND {hi_sql} THEN {inner} END"

    def _op_when(self, arg, loc):
        raise ExprError(loc, "write 'when' and 'then' side by side: {when: FLAG, then: NUMBER}")

    def _op_then(self, arg, loc):
        return self._op_when(arg, loc)

    # -- flags --------------------------------------------------------------
    def _op_mark(self, arg, loc):
        col = self._column(arg, loc)
        blanks = [text_literal(t) for t in self.scope.not_a_mark] or ["''"]
        return f"COALESCE(NOT {_any_equal(self._text(col), blanks)}, FALSE)"

    def _op_present(self, arg, loc):
        if isinstance(arg, str) and arg in self.scope.columns:
            return f"(NULLIF({quote(arg)}, '') IS NOT NULL)"  # no need to lower the case
        return f"({self.number(arg, loc)} IS NOT NULL)"

    def _op_missing(self, arg, loc):
        return f"(NOT {self._op_present(arg, loc)})"

    def _op_one_of(self, arg, loc):
        if not isinstance(arg, dict) or set(arg) != {"column", "values"}:
            raise ExprError(loc, "one_of needs 'column' and 'values'")
        col = self._column(arg["column"], (*loc, "column"))
        values = self._list(arg["values"], (*loc, "values"))
        listed = [text_literal(v) for v in values]
        return f"COALESCE({_any_equal(self._text(col), listed)}, FALSE)"

    def _op_contains(self, arg, loc):
        if not isinstance(arg, dict) or set(arg) != {"columns", "texts"}:
            raise ExprError(loc, "contains needs 'columns' and 'texts'")
        cols = [self._column(c, (*loc, "columns", i))
                for i, c in enumerate(self._list(arg["columns"], (*loc, "columns")))]
        texts = self._list(arg["texts"], (*loc, "texts"))
        for i, text in enumerate(texts):
            if not isinstance(text, str) or not text.strip() or set(text) & set("%_'"):
                raise ExprError((*loc, "texts", i), "a text without % _ or '")
        likes = [f"{self._text(c)} LIKE {text_literal('%' + t.strip() + '%')}"
                 for c in cols for t in texts]
        return "COALESCE(" + " OR ".join(likes) + ", FALSE)"

    def _op_words(self, arg, loc):
        if not isinstance(arg, dict) or set(arg) != {"columns", "words"}:
            raise ExprError(loc, "words needs 'columns' and 'words'")
        cols = [self._column(c, (*loc, "columns", i))
                for i, c in enumerate(self._list(arg["columns"], (*loc, "columns")))]
        words = self._plain_texts(arg["words"], (*loc, "words"))
        found = [words_sql(self._text(c), words) for c in cols]
        return "COALESCE(" + " OR ".join(found) + ", FALSE)"

    def _plain_texts(self, arg, loc) -> list[str]:
        texts = self._list(arg, loc)
        for i, text in enumerate(texts):
            if not isinstance(text, str) or not text.strip() or set(text) & _PLAIN:
                raise ExprError((*loc, i), "a text of letters, digits and spaces")
        return [t.strip() for t in texts]

    def _op_all(self, arg, loc):
        items = self._list(arg, loc)
        return "(" + " AND ".join(self.flag(e, (*loc, i)) for i, e in enumerate(items)) + ")"

    def _op_any(self, arg, loc):
        items = self._list(arg, loc)
        return "(" + " OR ".join(self.flag(e, (*loc, i)) for i, e in enumerate(items)) + ")"

    def _op_not(self, arg, loc):
        return f"(NOT {self.flag(arg, loc)})"

    def _op_between(self, arg, loc):
        e, lo, hi = self._list(arg, loc, 3)
        return (f"COALESCE({self.number(e, (*loc, 0))} BETWEEN {self.number(lo, (*loc, 1))} "
                f"AND {self.number(hi, (*loc, 2))}, FALSE)")

    def _compare(self, op, arg, loc):
        a, b = self._list(arg, loc, 2)
        return (f"COALESCE({self.number(a, (*loc, 0))} {_COMPARE[op]} "
                f"{self.number(b, (*loc, 1))}, FALSE)")

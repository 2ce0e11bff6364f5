"""Counting rules + options → SQL over the relation ``persons``.

``counting_sql`` is what counts (``pcgd count --show-sql``), a few statements:
a chain of steps adds each person's named values and the row checks, kept one
row per person in input order (``person_values``: a row's ``rowid`` is its
position, so reading needs no row number and runs on every core); duplicates
are then found among the rows whose key's hash is shared; each row's fate
(rejected, deceased, moved out, not resident, counted, excluded) follows, and
one GROUP BY sums every count and the row accounting per commune, year
(village) and input file, and per cohort the rejected persons who may be in it
(``rejected_in_<cohort>``: above 0, its counts are unknown; ``persons/unknown.py``).
``findings_sql`` lists the rows each check flags, a capped number per check,
from ``person_values``: no input is read twice.

``persons`` has every declared column as text plus ``_file`` (input number),
``_sheet`` and ``_row`` (1-based row in the sheet or file, or NULL where the
reader leaves the row to the input order: a CSV export).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pcgd_cli.persons.expressions import (
    FLAG,
    NUMBER,
    Compiler,
    ExprError,
    Scope,
    quote,
)
from pcgd_cli.rules.counting_model import CheckSpec, CountingRules

# input order: rows the reader numbered by their number, the others by position
ORDER = "_file, _sheet, _row, rowid"
FATES = ("rejected", "deceased", "moved_out", "not_resident", "counted", "excluded")
_STRINGS = re.compile(r"'(?:[^']|'')*'")
_VALUE_REF = re.compile(r"\bv_([a-z0-9_]+)\b")


class OptionError(ValueError):
    """An option or choice the rule file does not declare (the CLI words it)."""

    def __init__(self, option: str, choice: str | None, known: list[str]):
        super().__init__(option)
        self.option, self.choice, self.known = option, choice, known


@dataclass
class Plan:
    """The rules with the chosen options applied, compiled value by value."""

    rules: CountingRules
    options: dict[str, str]
    steps: list[list[tuple[str, str]]]  # per step: (value name, SQL)
    kinds: dict[str, str]
    ages: dict[str, tuple[int, int]]
    parsed: dict[str, str]  # columns read as text or numbers: computed first, once


def chosen_options(rules: CountingRules, options: dict[str, str] | None) -> dict[str, str]:
    chosen = rules.defaults()
    for name, choice in (options or {}).items():
        spec = rules.options.get(name)
        if spec is None:
            raise OptionError(name, None, list(rules.options))
        if choice not in spec.choices:
            raise OptionError(name, choice, list(spec.choices))
        chosen[name] = choice
    return chosen


def _values_with(rules: CountingRules, chosen: dict[str, str]
                 ) -> tuple[dict[str, tuple[object, tuple]], dict[str, tuple[int, int]]]:
    values = {name: (expr, ("values", name)) for name, expr in rules.values.items()}
    ages = {name: c.ages for name, c in rules.cohorts.items()}
    for opt, choice in chosen.items():
        spec = rules.options[opt].choices[choice]
        for name, expr in spec.values.items():
            values[name] = (expr, ("options", opt, "choices", choice, "values", name))
        ages.update(spec.ages)
    return values, ages


def _refs(sql: str) -> set[str]:
    return set(_VALUE_REF.findall(_STRINGS.sub("", sql)))


def build_plan(rules: CountingRules, options: dict[str, str] | None = None) -> Plan:
    """Compile every value; raises ExprError (with its place in the file) or OptionError."""
    chosen = chosen_options(rules, options)
    values, ages = _values_with(rules, chosen)
    scope = Scope(set(rules.columns), {}, tuple(rules.not_a_mark))
    compiler = Compiler(scope)
    level: dict[str, int] = {}
    steps: list[list[tuple[str, str]]] = []
    for name in rules.values:  # declared order: a value uses only those above it
        expr, loc = values[name]
        if name in rules.columns:
            raise ExprError(("values", name), f"'{name}' is also a column name")
        sql = compiler.sql(expr, loc)
        kind = compiler.kind(expr, loc)
        scope.values[name] = kind
        depth = 1 + max((level[r] for r in _refs(sql) if r in level), default=0)
        level[name] = depth
        while len(steps) < depth:
            steps.append([])
        steps[depth - 1].append((name, sql))
    for needed in ("survey_year", "age"):
        if scope.values.get(needed) != NUMBER:
            raise ExprError(("values",), f"a number named '{needed}' is needed")
    return Plan(rules, chosen, steps, dict(scope.values), ages, scope.parsed)


def _flag_of(plan: Plan, name: str, loc: tuple) -> str:
    if plan.kinds.get(name) != FLAG:
        raise ExprError(loc, f"'{name}' is not a flag value")
    return f"v_{name}"


def _compiler(plan: Plan) -> Compiler:
    # shares the plan's parsed columns: whatever counts and checks read is added there
    return Compiler(Scope(set(plan.rules.columns), dict(plan.kinds),
                          tuple(plan.rules.not_a_mark), plan.parsed))


def _check_flag(plan: Plan, check: CheckSpec, i: int) -> str:
    """SQL of a check's flag (a duplicate is a ``later_<code>`` table, not a flag)."""
    return _compiler(plan).flag(check.when, ("checks", i, "when"))


def key_sql(plan: Plan, name: str) -> str:
    """A duplicate key's part in person_values: a column as read, or a number value
    (``survey_year``: "2023-2024" and 2023 are one year)."""
    return quote(name) if name in plan.rules.columns else f"v_{name}"


def _row_checks(rules: CountingRules) -> list[CheckSpec]:
    return [c for c in rules.checks if c.duplicate is None]


def _duplicate_checks(rules: CountingRules) -> list[CheckSpec]:
    return [c for c in rules.checks if c.duplicate is not None]


@dataclass
class _Count:
    key: str
    fate: str  # which rows: counted, excluded, or counted and not excluded
    who: str  # the person's side: cohort ages, who, when (a flag of person_values)


def _counts(plan: Plan) -> list[_Count]:
    """Each count as a fate (known once duplicates are found) and a flag of the person."""
    rules = plan.rules
    compiler = _compiler(plan)
    out = []
    for key, spec in rules.counts.items():
        loc = ("counts", key)
        conditions = []
        cohort = rules.cohorts.get(spec.cohort) if spec.cohort else None
        if spec.cohort and cohort is None:
            raise ExprError((*loc, "cohort"), f"unknown cohort '{spec.cohort}'")
        if cohort is not None:
            lo, hi = plan.ages[spec.cohort]
            conditions.append(f"v_age BETWEEN {lo} AND {hi}")
            if cohort.who:
                conditions.append(_flag_of(plan, cohort.who, ("cohorts", spec.cohort, "who")))
        excluded_apart = cohort is not None and cohort.exclusion
        if spec.part == "excluded":
            if not excluded_apart:
                raise ExprError((*loc, "part"), f"cohort '{spec.cohort}' has no exclusion")
            fate = "f_excluded"
        elif spec.part == "total":
            fate = "f_counted"
        else:
            # numerators count only people inside total − excluded
            fate = "f_counted AND NOT f_excluded" if excluded_apart else "f_counted"
            conditions.append(compiler.flag(spec.when, (*loc, "when")))
        out.append(_Count(key, fate, " AND ".join(conditions) or "TRUE"))
    return out


@dataclass
class Unknown:
    """Counts that a rejected person may have been in, so cannot be known while the row is
    wrong: every count of a cohort (its ages; any age when the person's age is in doubt),
    or a count of no cohort (of any age: when the person, as recorded, meets it)."""

    name: str  # the cohort, or the count's key
    keys: list[str]  # the counts it makes unknown
    who: str  # SQL: a person of person_values lies in it

    @property
    def column(self) -> str:
        return f"rejected_in_{self.name}"


def _value_columns(plan: Plan, name: str) -> set[str]:
    """The person columns the value ``name`` is read from, through the values it uses."""
    sqls = {n: sql for step in plan.steps for n, sql in step}
    columns: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        value = todo.pop()
        if value in seen or value not in sqls:
            continue
        seen.add(value)
        sql = sqls[value]
        words = set(re.findall(r"\b\w+\b", _STRINGS.sub("", sql)))
        columns.update(_identifiers(sql))
        for parsed, parsed_sql in plan.parsed.items():
            if parsed in words:
                columns.update(_identifiers(parsed_sql))
        todo += _refs(sql)
    return columns & set(plan.rules.columns)


def age_in_doubt(plan: Plan) -> str:
    """SQL: the person's age is unknown, or an error names a cell it is read from (a
    birth year after the survey year: the true age is not that one)."""
    read = _value_columns(plan, "age")
    doubts = [f"c_{c.code}" for c in _row_checks(plan.rules)
              if c.severity == "error" and read & set(c.column)]
    return "(" + " OR ".join(["v_age IS NULL", *doubts]) + ")"


def unknown_groups(plan: Plan) -> list[Unknown]:
    """Per cohort of the counts (in file order), then per count of no cohort: what a
    rejected person makes unknown (``rejected_in_<name>`` counts them)."""
    rules = plan.rules
    doubt = age_in_doubt(plan)
    groups: dict[str, Unknown] = {}
    for c in _counts(plan):
        spec = rules.counts[c.key]
        if spec.cohort is None:
            if c.key in groups:
                raise ExprError(("counts", c.key), f"'{c.key}' is also a cohort name")
            groups[c.key] = Unknown(c.key, [c.key], c.who)
            continue
        if spec.cohort not in groups:
            cohort = rules.cohorts[spec.cohort]
            lo, hi = plan.ages[spec.cohort]
            who = f"({doubt} OR v_age BETWEEN {lo} AND {hi})"
            if cohort.who:
                who += f" AND v_{cohort.who}"
            groups[spec.cohort] = Unknown(spec.cohort, [], who)
        groups[spec.cohort].keys.append(c.key)
    return list(groups.values())


def _unknown_rows(plan: Plan) -> str:
    """SQL: a row an error rejects whose person would otherwise have been counted (a
    duplicate is said apart: the first copy is counted)."""
    errors = [f"c_{c.code}" for c in _row_checks(plan.rules) if c.severity == "error"]
    if not errors:
        return "FALSE"
    gone = " OR ".join(sql for name, sql in _population(plan) if name != "excluded")
    return f"({' OR '.join(errors)}) AND NOT ({gone})"


def count_columns(plan: Plan) -> list[tuple[str, str]]:
    """(count key, the whole condition on one person) for every count, in file order."""
    return [(c.key, f"{c.fate} AND {c.who}") for c in _counts(plan)]


def _population(plan: Plan) -> list[tuple[str, str]]:
    pop = plan.rules.population
    return [("deceased", _flag_of(plan, pop.deceased, ("population", "deceased"))),
            ("moved_out", _flag_of(plan, pop.moved_out, ("population", "moved_out"))),
            ("not_resident", _flag_of(plan, pop.not_resident, ("population", "not_resident"))),
            ("excluded", _flag_of(plan, pop.excluded, ("population", "excluded")))]


# bits of one BIGINT mask (the sign bit left alone)
MASK_BITS = 62


def _mask_column(prefix: str, n: int) -> str:
    return f"{prefix}_{n // MASK_BITS}"


def _pack(prefix: str, flags: list[tuple[str, str]], only: str = "") -> list[str]:
    """SELECT items packing flags into BIGINT masks: one stored number per 62 flags, for
    every stored value costs (about 8 ns a value, 40 booleans a row cost 0.7 s on 2 million).
    ``only``: a condition every flag needs, tested once a row (0 elsewhere)."""
    columns: dict[str, list[str]] = {}
    for i, (name, sql) in enumerate(flags):
        term = f"CASE WHEN {sql} THEN {1 << (i % MASK_BITS)} ELSE 0 END  -- {name}"
        columns.setdefault(_mask_column(prefix, i), []).append(term)
    packed = ["(CAST(0 AS BIGINT)\n    + " + "\n    + ".join(terms) + "\n  )"
              for terms in columns.values()]
    if only:
        packed = [f"CASE WHEN {only} THEN {p} ELSE 0 END" for p in packed]
    return [f"{p} AS {column}" for p, column in zip(packed, columns, strict=True)]


def _unpack(prefix: str, names: list[str], source: str = "") -> list[str]:
    return [f"({source}{_mask_column(prefix, i)} & {1 << (i % MASK_BITS)}) <> 0 AS {name}"
            for i, name in enumerate(names)]


def _row_flags(plan: Plan) -> list[tuple[str, str]]:
    """The flags of a person the sums and the findings need: population, then checks."""
    return ([(f"p_{name}", sql) for name, sql in _population(plan)]
            + [(f"c_{c.code}", f"c_{c.code}") for c in _row_checks(plan.rules)])


FINDING_VALUES = ("family_name", "given_name", "full_name", "household", "commune_code")


def _kept_columns(plan: Plan, by_village: bool) -> tuple[list[str], dict[str, list[str]]]:
    """Cells person_values keeps as read: units, duplicate keys, names (always), and the
    cells a check names (only on the rows that check flags: column -> check codes)."""
    rules = plan.rules
    kept = ["commune_code", "district_code", "province_code"]
    if by_village:
        kept.append("village")
    for check in _duplicate_checks(rules):
        kept += check.duplicate.key + check.duplicate.needs + check.column
    kept += [c for c in FINDING_VALUES if c in rules.columns]
    kept = [c for c in dict.fromkeys(kept) if c in rules.columns]
    flagged: dict[str, list[str]] = {}
    for check in _row_checks(rules):
        for column in check.column:
            if column not in kept and column in rules.columns:
                flagged.setdefault(column, []).append(f"c_{check.code}")
    return kept, flagged


def _value_ctes(plan: Plan) -> list[tuple[str, str]]:
    """The CTEs: cells read once, values step by step, the row checks."""
    checks = [f"{_check_flag(plan, c, i)} AS c_{c.code}"
              for i, c in enumerate(plan.rules.checks) if c.duplicate is None]
    ctes: list[tuple[str, str]] = []
    source = "persons"
    if plan.parsed:
        cols = ",\n    ".join(f"{sql} AS {name}" for name, sql in plan.parsed.items())
        ctes.append(("cells", f"SELECT {source}.*,\n    {cols}\n  FROM {source}"))
        source = "cells"
    for n, step in enumerate(plan.steps, 1):
        cols = ",\n    ".join(f"{sql} AS v_{name}" for name, sql in step)
        ctes.append((f"step{n}", f"SELECT {source}.*,\n    {cols}\n  FROM {source}"))
        source = f"step{n}"
    ctes.append(("checked", f"SELECT {source}.*" + "".join(f",\n    {c}" for c in checks)
                 + f"\n  FROM {source}"))
    return ctes


def _with(ctes: list[tuple[str, str]]) -> str:
    return "WITH\n" + ",\n".join(f"{name} AS (\n  {body}\n)" for name, body in ctes)


def _sum(condition: str, weight: str = "1") -> str:
    return f"SUM(CASE WHEN {condition} THEN {weight} ELSE 0 END)"


def group_keys(by_village: bool) -> list[tuple[str, str]]:
    keys = [("commune_code", "commune_code"), ("year", "v_survey_year")]
    if by_village:
        keys.append(("village", "village"))
    return [*keys, ("_file", "_file"), ("_sheet", "_sheet")]


PERSON_VALUES = "CREATE OR REPLACE TEMP TABLE person_values AS"


def _person_values_sql(plan: Plan, by_village: bool, counts: list[_Count]) -> str:
    rules = plan.rules
    row_flags = _row_flags(plan)
    kept, flagged = _kept_columns(plan, by_village)
    ctes = _value_ctes(plan)  # after the counts and checks: they add cells to read
    cols = ["_file", "_sheet", "_row", *(quote(c) for c in kept)]
    if flagged:
        # one list on the flagged rows, not a column each: every stored column costs on
        # every row, NULL or not (memory the order-keeping insert needs to run in parallel)
        codes = " OR ".join(dict.fromkeys(c for cs in flagged.values() for c in cs))
        cells = ", ".join(quote(c) for c in flagged)
        cols.append(f"CASE WHEN {codes} THEN [{cells}] END AS flagged_cells")
    for check in _duplicate_checks(rules):
        needs = " AND ".join(f"NULLIF({quote(c)}, '') IS NOT NULL"
                             for c in check.duplicate.needs) or "TRUE"
        key = ", ".join(key_sql(plan, c) for c in check.duplicate.key)
        # a number per key: rows sharing one are the only ones compared cell by cell
        cols.append(f"CASE WHEN {needs} THEN hash({key}) END AS k_{check.code}")
    cols += [f"v_{name}" for name, kind in plan.kinds.items() if kind == NUMBER]
    cols += _pack("persons_in", [(c.key, c.who) for c in counts])
    cols += _pack("flags", row_flags)
    # only rejected rows carry bits here: the rows alike in every flag stay as few
    cols += _pack("unknown_in", [(u.name, u.who) for u in unknown_groups(plan)],
                  _unknown_rows(plan))
    return (PERSON_VALUES + "\n" + _with(ctes)
            + "\nSELECT\n  " + ",\n  ".join(cols) + "\nFROM checked")


def _later_sql(plan: Plan, check: CheckSpec) -> str:
    """Every row but the first (in input order) of each group of rows with the same key,
    with the position of the first; only rows whose key's hash is shared are compared."""
    key = ", ".join(key_sql(plan, c) for c in check.duplicate.key)
    k = f"k_{check.code}"
    window = f"(PARTITION BY {key} ORDER BY {ORDER})"
    return (f"CREATE OR REPLACE TEMP TABLE later_{check.code} AS\n"
            f"SELECT pos, first_pos FROM (\n"
            f"  SELECT rowid AS pos, ROW_NUMBER() OVER {window} AS rank_in_key,\n"
            f"    FIRST_VALUE(rowid) OVER {window} AS first_pos\n"
            f"  FROM person_values\n"
            f"  WHERE {k} IN (SELECT {k} FROM person_values WHERE {k} IS NOT NULL\n"
            f"    GROUP BY {k} HAVING COUNT(*) > 1)\n"
            f") AS ranked WHERE rank_in_key > 1")


def counting_sql(plan: Plan, by_village: bool = False) -> str:
    """The statements that count, as one script (see ``counting_statements``)."""
    return ";\n".join(counting_statements(plan, by_village))


def counting_statements(plan: Plan, by_village: bool = False) -> list[str]:
    """The statements that count, run in this order on one DuckDB connection:

    1. ``person_values``: one row per person, in input order (its ``rowid``): units,
       the cells findings name, each number value, and two masks of flags (whether
       the person is in each count if counted; population flags and row checks);
    2. ``later_<check>``: the rows a duplicate check rejects (all but the first);
    3. the sums per commune, year (village) and input file and sheet.
    Positions come from the input order, so no row number is needed while reading."""
    rules = plan.rules
    counts = _counts(plan)  # first: counts and checks add the cells they read
    row_flags = _row_flags(plan)
    dups = _duplicate_checks(rules)
    keys = group_keys(by_village)
    group = [expr for _, expr in keys]
    head = (f"-- pcgd count: rules {rules.id} {rules.version}; options "
            + ", ".join(f"{k}={v}" for k, v in plan.options.items()) + "\n"
            "-- one row per commune, year" + (", village" if by_village else "")
            + " and input file and sheet (_file, _sheet): sum over them for a commune\n"
            "-- person_values keeps the input order: its rowid is the position of the person\n"
            "SET preserve_insertion_order = true")
    statements = [head, _person_values_sql(plan, by_village, counts)]
    statements += [_later_sql(plan, c) for c in dups]
    # rows alike in every flag are summed once: a few thousand classes, not a row each
    masks = list(dict.fromkeys(_mask_column("persons_in", i) for i in range(len(counts))))
    masks += list(dict.fromkeys(_mask_column("flags", i) for i in range(len(row_flags))))
    unknown = unknown_groups(plan)
    unknown_masks = list(dict.fromkeys(_mask_column("unknown_in", i)
                                       for i in range(len(unknown))))
    joins = "".join(f"\n  LEFT JOIN later_{c.code} ON later_{c.code}.pos = person_values.rowid"
                    for c in dups)
    dup_flags = [f"(later_{c.code}.pos IS NOT NULL) AS c_{c.code}" for c in dups]
    # the first rejected person of a class who makes a count unknown (a later copy of a
    # person does not: the first copy is counted), for the finding that says so
    first_copy = "".join(f" AND later_{c.code}.pos IS NULL" for c in dups)
    any_unknown = " OR ".join(f"{m} <> 0" for m in unknown_masks) or "FALSE"
    classes = ("SELECT " + ", ".join([*group, *masks, *unknown_masks, *dup_flags])
               + ",\n    MAX(district_code) AS district_code, MAX(province_code) AS province_code,"
               "\n    COUNT(*) AS persons,"
               f"\n    MIN(CASE WHEN ({any_unknown}){first_copy} THEN person_values.rowid END)"
               " AS first_unknown"
               f"\n  FROM person_values{joins}\n  GROUP BY ALL")
    named = ("SELECT classes.*,\n    "
             + ",\n    ".join(_unpack("flags", [n for n, _ in row_flags])
                              + _unpack("persons_in", [f"in_{c.key}" for c in counts])
                              + _unpack("unknown_in", [f"u_{u.name}" for u in unknown]))
             + "\n  FROM classes")
    errors = [f"c_{c.code}" for c in rules.checks if c.severity == "error"]
    rejected = " OR ".join(errors) if errors else "FALSE"
    dead, gone, away, excl = "p_deceased", "p_moved_out", "p_not_resident", "p_excluded"
    fates = (f"SELECT named.*,\n"
             f"    (NOT f_rejected AND {dead}) AS f_deceased,\n"
             f"    (NOT f_rejected AND NOT {dead} AND {gone}) AS f_moved_out,\n"
             f"    (NOT f_rejected AND NOT {dead} AND NOT {gone} AND {away}) AS f_not_resident,\n"
             f"    (NOT f_rejected AND NOT {dead} AND NOT {gone} AND NOT {away}) AS f_counted,\n"
             f"    (NOT f_rejected AND NOT {dead} AND NOT {gone} AND NOT {away} AND {excl})"
             f" AS f_excluded\n"
             f"  FROM (SELECT named.*, ({rejected}) AS f_rejected FROM named) AS named")
    select = [f"{expr} AS {quote(name)}" if expr != name else quote(name)
              for name, expr in keys]
    select += ["MAX(district_code) AS district_code", "MAX(province_code) AS province_code"]
    select += [f"{_sum(f'{c.fate} AND in_{c.key}', 'persons')} AS {quote(c.key)}"
               for c in counts]
    select.append("SUM(persons) AS persons_read")
    select += [f"{_sum('f_' + fate, 'persons')} AS {fate}" for fate in FATES]
    select += [f"{_sum('c_' + c.code, 'persons')} AS {quote('check_' + c.code)}"
               for c in rules.checks]
    # a count is unknown where a rejected person may have been in it: > 0 blanks it
    later = "".join(f" AND NOT c_{c.code}" for c in dups)
    select += [f"{_sum(f'u_{u.name}{later}', 'persons')} AS {quote(u.column)}"
               for u in unknown]
    in_any = " OR ".join(f"u_{u.name}" for u in unknown) or "FALSE"
    select.append(f"{_sum(f'({in_any}){later}', 'persons')} AS rejected_in_counts")
    select.append("MIN(first_unknown) AS first_unknown")
    sums = (_with([("classes", classes), ("named", named), ("fates", fates)])
            + "\nSELECT\n  " + ",\n  ".join(select) + "\nFROM fates\nGROUP BY "
            + ", ".join(group) + "\nORDER BY " + ", ".join(group))
    return [*statements, sums]


# where each input's rows start in person_values (rows of one input are contiguous): a
# row's position among its input's rows is its rowid minus its input's start
_STARTS = "starts AS (SELECT _file, _sheet, MIN(rowid) AS start FROM person_values GROUP BY ALL)"


def findings_sql(plan: Plan, codes: list[str], cap: int) -> str:
    """The rows flagged by the checks ``codes``, at most ``cap`` per check, in input order,
    from ``person_values`` and ``later_<check>`` (run after ``counting_sql``): the cells
    the check names, the person's names and numbers, the row (``_row``, or the position
    among its input's rows, 0-based, where the reader left ``_row`` to the order)."""
    rules = plan.rules
    width = max(len(c.column) for c in rules.checks)
    numbers = [n for n, k in plan.kinds.items() if k == NUMBER]
    people = [c for c in FINDING_VALUES if c in rules.columns]
    row_flags = [n for n, _ in _row_flags(plan)]
    kept, flagged = _kept_columns(plan, False)
    at = {c: i for i, c in enumerate(flagged, 1)}
    branches = []
    for check in rules.checks:
        if check.code not in codes:
            continue
        cells = [f"p.{quote(c)}" if c in kept else f"p.flagged_cells[{at[c]}]" if c in at
                 else "CAST(NULL AS VARCHAR)" for c in check.column]
        cells += ["CAST(NULL AS VARCHAR)"] * (width - len(cells))
        if check.duplicate is not None:
            # the rows of the few duplicates first (as a join, DuckDB would hash all rows)
            rows = (f"(SELECT rowid AS pos, * FROM person_values WHERE rowid IN "
                    f"(SELECT pos FROM later_{check.code} UNION ALL "
                    f"SELECT first_pos FROM later_{check.code}))")
            source = (f"later_{check.code} AS l JOIN {rows} AS p ON p.pos = l.pos "
                      f"JOIN {rows} AS f ON f.pos = l.first_pos")
            first = ["f._file", "f._sheet", "f._row", "f.pos"]
            where = "TRUE"
        else:
            source = "person_values AS p"
            first = ["CAST(NULL AS INTEGER)", "CAST(NULL AS VARCHAR)", "CAST(NULL AS BIGINT)",
                     "CAST(NULL AS BIGINT)"]
            where = _unpack("flags", row_flags, "p.")[row_flags.index(f"c_{check.code}")]
            where = where.rsplit(" AS ", 1)[0]
        position = "p.pos" if check.duplicate is not None else "p.rowid AS pos"
        cols = ([f"'{check.code}' AS code", "p._file", "p._sheet", "p._row", position]
                + [f"{c} AS cell{i}" for i, c in enumerate(cells)]
                + [f"{f} AS first_{n}" for f, n in zip(first, ("file", "sheet", "row", "pos"),
                                                        strict=True)]
                + [f"p.{quote(c)} AS p_{c}" for c in people]
                + [f"p.v_{n} AS n_{n}" for n in numbers])
        branches.append("SELECT " + ", ".join(cols) + f" FROM {source} WHERE {where}")
    if not branches:
        raise ValueError("no check to list")
    listed = ("SELECT * FROM (\n  SELECT hits.*, ROW_NUMBER() OVER "
              "(PARTITION BY code ORDER BY _file, _sheet, _row, pos) AS rank_in_code FROM (\n  "
              + "\n  UNION ALL\n  ".join(branches) + "\n  ) AS hits\n) AS listed\n"
              f"WHERE rank_in_code <= {int(cap)}")
    return (f"WITH listed AS ({listed}),\n{_STARTS}\n"
            "SELECT listed.*, pos - s.start AS position, first_pos - fs.start AS first_position\n"
            "FROM listed JOIN starts AS s USING (_file, _sheet)\n"
            "LEFT JOIN starts AS fs ON fs._file = listed.first_file "
            "AND fs._sheet = listed.first_sheet\n"
            "ORDER BY _file, _sheet, _row, pos, code")


def rows_at_sql(positions: list[int]) -> str:
    """Where persons of person_values are (``rowid`` → ``_file``, ``_sheet``, ``_row``, and
    the position among its input's rows where the reader left ``_row`` to the order)."""
    listed = ", ".join(str(int(p)) for p in positions)
    return (f"WITH {_STARTS}\n"
            "SELECT p.rowid AS pos, p._file, p._sheet, p._row, p.rowid - s.start AS position\n"
            f"FROM person_values AS p JOIN starts AS s USING (_file, _sheet)\n"
            f"WHERE p.rowid IN ({listed})")


def columns_read(plan: Plan, by_village: bool = False) -> set[str]:
    """The person columns the statements read (counting, then any finding): a reader
    need not hand over the others."""
    rules = plan.rules
    sql = counting_sql(plan, by_village)
    if rules.checks:
        sql += findings_sql(plan, [c.code for c in rules.checks], 1)
    named = set(_identifiers(sql))
    return {c for c in rules.columns if c in named}


_TOKENS = re.compile(r"""'(?:[^']|'')*'|"((?:[^"]|"")*)"|--[^\n]*""")


def _identifiers(sql: str) -> list[str]:
    """The quoted identifiers of a statement (not inside a text or a comment)."""
    return [m.group(1).replace('""', '"') for m in _TOKENS.finditer(sql)
            if m.group(1) is not None]


def rule_problems(rules: CountingRules) -> list[tuple[tuple, str]]:
    """Every mistake the models cannot see: unknown names, wrong kinds, per choice."""
    problems: list[tuple[tuple, str]] = []
    seen: set[tuple[tuple, str]] = set()

    def note(loc: tuple, message: str) -> None:
        if (loc, message) not in seen:
            seen.add((loc, message))
            problems.append((loc, message))

    choices: list[dict[str, str]] = [{}]
    for name, spec in rules.options.items():
        for choice in spec.choices:
            choices.append({name: choice})
            for value in spec.choices[choice].values:
                if value not in rules.values:
                    note(("options", name, "choices", choice, "values", value),
                         f"unknown value '{value}'")
            for cohort in spec.choices[choice].ages:
                if cohort not in rules.cohorts:
                    note(("options", name, "choices", choice, "ages", cohort),
                         f"unknown cohort '{cohort}'")
    if problems:
        return problems
    for options in choices:
        try:
            plan = build_plan(rules, options)
            counting_sql(plan)
            codes = [c.code for c in rules.checks]
            if codes:
                findings_sql(plan, codes, 1)
        except ExprError as exc:
            note(exc.loc, exc.message)
            continue
        for i, check in enumerate(rules.checks):
            cols = check.column + (check.duplicate.key + check.duplicate.needs
                                   if check.duplicate else [])
            keys = check.duplicate.key if check.duplicate else []
            for col in cols:
                if col in keys and plan.kinds.get(col) == NUMBER:
                    continue  # a key may be a number value (survey_year)
                if col not in rules.columns:
                    note(("checks", i), f"unknown column '{col}'")
    codes = [c.code for c in rules.checks]
    for i, code in enumerate(codes):
        if code in codes[:i]:
            note(("checks", i, "code"), f"code '{code}' is used twice")
    return problems


def first_rows_sql(column: str, values: list[str]) -> str:
    """The first row (in input order) holding each of ``values`` in ``column`` of
    ``person_values`` (run after ``counting_sql``): a finding about a value written on
    many rows (a commune code not in the register) names where it starts. ``position``
    is as in ``findings_sql``."""
    listed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    col = quote(column)
    return (f"WITH {_STARTS},\n"
            f"hits AS (SELECT {col} AS value, _file, _sheet, _row, rowid AS pos,\n"
            f"    ROW_NUMBER() OVER (PARTITION BY {col} ORDER BY {ORDER}) AS rank_in_value\n"
            f"  FROM person_values WHERE {col} IN ({listed}))\n"
            "SELECT hits.*, pos - s.start AS position FROM hits\n"
            "JOIN starts AS s USING (_file, _sheet) WHERE rank_in_value = 1 ORDER BY value")


def per_commune_sql(plan: Plan, by_village: bool = False) -> str:
    """What ``pcgd count --show-sql`` prints: ``counting_sql``, whose last statement sums
    per input file and sheet (for the row accounting), summed once more per commune and
    year (and village), so a warehouse running it gets pcgd's counts as they are. Rows
    with no commune or year are rejected ones, in no count: left out, as pcgd leaves
    them out of its counts. A count a rejected person may have been in is blank (NULL),
    as pcgd blanks it (``rejected_in_<group>`` above 0; ``persons/unknown.py``)."""
    statements = counting_statements(plan, by_village)
    keys = [name for name, _ in group_keys(by_village) if name not in ("_file", "_sheet")]
    unknown = unknown_groups(plan)
    group_of = {key: u for u in unknown for key in u.keys}
    # every count is in one group (its cohort, else its own): unknown_groups
    sums = [f"CASE WHEN SUM({quote(group_of[c.key].column)}) > 0 THEN NULL "
            f"ELSE SUM({quote(c.key)}) END AS {quote(c.key)}" for c in _counts(plan)]
    sums += [f"SUM({name}) AS {name}" for name in ("persons_read", *FATES)]
    sums += [f"SUM({quote(u.column)}) AS {quote(u.column)}" for u in unknown]
    sums += [f"SUM({quote('check_' + c.code)}) AS {quote('check_' + c.code)}"
             for c in plan.rules.checks]
    group = ", ".join(quote(k) for k in keys)
    head = statements[0].replace(
        " and input file and sheet (_file, _sheet): sum over them for a commune",
        ": the counts, then the row accounting (persons_read = rejected + deceased +"
        " moved_out + not_resident + counted) and the rows each check flags")
    last = ("SELECT " + ", ".join(quote(k) for k in keys)
            + ",\n  MAX(district_code) AS district_code, MAX(province_code) AS province_code,\n  "
            + ",\n  ".join(sums)
            + "\nFROM (\n" + statements[-1] + "\n) AS per_file\n"
            f"WHERE commune_code IS NOT NULL AND year IS NOT NULL\nGROUP BY {group}\n"
            f"ORDER BY {group}")
    return ";\n".join([head, *statements[1:-1], last])

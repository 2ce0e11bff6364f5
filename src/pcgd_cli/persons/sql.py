"""Counting rules + options → SQL over the relation ``persons``.

``counting_sql`` is the one query that counts: a chain of steps that add each
person's named values, the checks, then each row's fate (rejected, deceased,
moved out, not resident, counted, excluded), and a single GROUP BY that sums
every count and the row accounting per commune, year (village) and input file.
``findings_sql`` lists the rows each check flags, a capped number per check.

``persons`` has every declared column as text plus ``_file`` (input number),
``_sheet`` and ``_row`` (1-based row in the sheet or file).
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

ORDER = "_file, _sheet, _row"
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
    """SQL of one check's flag (duplicates: found by the ``later_*`` step)."""
    if check.duplicate is None:
        return _compiler(plan).flag(check.when, ("checks", i, "when"))
    return f"(d_{check.code}_row IS NOT NULL)"


def _later_rows(check: CheckSpec, among: str | None = None) -> str:
    """Every row but the first of each group of rows with the same key, with where the
    first one is. The window sees only the key and the position (narrow, so cheap),
    and the rows it finds are joined back by position. Cells are compared as the
    readers deliver them: trimmed, in Unicode NFC."""
    key = ", ".join(quote(c) for c in check.duplicate.key)
    window = f"OVER (PARTITION BY {key} ORDER BY {ORDER})"
    needs = " AND ".join(_blank_free(c) for c in check.duplicate.needs) or "TRUE"
    if among is not None:
        # only the groups of rows that share a key with one of ``among``
        same = " AND ".join(f"a.{quote(c)} IS NOT DISTINCT FROM persons.{quote(c)}"
                            for c in check.duplicate.key)
        needs += f" AND EXISTS (SELECT 1 FROM {among} AS a WHERE {same})"
    return (f"SELECT _file AS l_file, _sheet AS l_sheet, _row AS l_row, first_file, "
            f"first_sheet, first_row FROM (\n"
            f"    SELECT _file, _sheet, _row, ROW_NUMBER() {window} AS rank_in_key,\n"
            f"      FIRST_VALUE(_file) {window} AS first_file,\n"
            f"      FIRST_VALUE(_sheet) {window} AS first_sheet,\n"
            f"      FIRST_VALUE(_row) {window} AS first_row\n"
            f"    FROM persons WHERE {needs}\n  ) AS ranked WHERE rank_in_key > 1")


def _blank_free(column: str) -> str:
    return f"NULLIF({quote(column)}, '') IS NOT NULL"


def _chain(plan: Plan, source: str = "persons") -> list[tuple[str, str]]:
    """The CTEs: later duplicates, values step by step, checks, fates. ``source``: the
    rows to follow (the persons, or some of them; duplicates are sought among all)."""
    rules = plan.rules
    checks = [f"{_check_flag(plan, c, i)} AS c_{c.code}" for i, c in enumerate(rules.checks)]
    ctes: list[tuple[str, str]] = []
    among = None if source == "persons" else source
    dups = [c for c in rules.checks if c.duplicate is not None]
    if dups:
        cols, joins = [], []
        for check in dups:
            name = f"later_{check.code}"
            ctes.append((name, _later_rows(check, among)))
            cols += [f"{name}.first_{p} AS d_{check.code}_{p}" for p in ("file", "sheet", "row")]
            joins.append(f"LEFT JOIN {name} ON {name}.l_file = {source}._file AND "
                         f"{name}.l_sheet = {source}._sheet AND {name}.l_row = {source}._row")
        ctes.append(("joined", f"SELECT {source}.*, " + ", ".join(cols) + f"\n  FROM {source} "
                     + "\n  ".join(joins)))
        source = "joined"
    if plan.parsed:
        cols = ",\n    ".join(f"{sql} AS {name}" for name, sql in plan.parsed.items())
        ctes.append(("cells", f"SELECT {source}.*,\n    {cols}\n  FROM {source}"))
        source = "cells"
    for n, step in enumerate(plan.steps, 1):
        cols = ",\n    ".join(f"{sql} AS v_{name}" for name, sql in step)
        ctes.append((f"step{n}", f"SELECT {source}.*,\n    {cols}\n  FROM {source}"))
        source = f"step{n}"
    if checks:
        ctes.append(("checked", f"SELECT {source}.*,\n    " + ",\n    ".join(checks)
                     + f"\n  FROM {source}"))
        source = "checked"
    errors = [f"c_{c.code}" for c in rules.checks if c.severity == "error"]
    pop = rules.population
    rejected = " OR ".join(errors) if errors else "FALSE"
    dead = _flag_of(plan, pop.deceased, ("population", "deceased"))
    gone = _flag_of(plan, pop.moved_out, ("population", "moved_out"))
    away = _flag_of(plan, pop.not_resident, ("population", "not_resident"))
    excl = _flag_of(plan, pop.excluded, ("population", "excluded"))
    fates = (f"SELECT {source}.*,\n"
             f"    (NOT f_rejected AND {dead}) AS f_deceased,\n"
             f"    (NOT f_rejected AND NOT {dead} AND {gone}) AS f_moved_out,\n"
             f"    (NOT f_rejected AND NOT {dead} AND NOT {gone} AND {away}) AS f_not_resident,\n"
             f"    (NOT f_rejected AND NOT {dead} AND NOT {gone} AND NOT {away}) AS f_counted,\n"
             f"    (NOT f_rejected AND NOT {dead} AND NOT {gone} AND NOT {away} AND {excl})"
             f" AS f_excluded\n"
             f"  FROM (SELECT {source}.*, ({rejected}) AS f_rejected FROM {source}) AS {source}")
    ctes.append(("fates", fates))
    return ctes


def _with(ctes: list[tuple[str, str]]) -> str:
    return "WITH\n" + ",\n".join(f"{name} AS (\n  {body}\n)" for name, body in ctes)


def _sum(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def count_columns(plan: Plan) -> list[tuple[str, str]]:
    """(count key, SUM expression) for every count, in the rule file's order."""
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
            conditions.insert(0, "f_excluded")
        elif spec.part == "total":
            conditions.insert(0, "f_counted")
        else:
            # numerators count only people inside total − excluded
            conditions.insert(0, "f_counted AND NOT f_excluded" if excluded_apart
                              else "f_counted")
            conditions.append(compiler.flag(spec.when, (*loc, "when")))
        out.append((key, _sum(" AND ".join(conditions))))
    return out


def group_keys(by_village: bool) -> list[tuple[str, str]]:
    keys = [("commune_code", "commune_code"), ("year", "v_survey_year")]
    if by_village:
        keys.append(("village", "village"))
    return [*keys, ("_file", "_file"), ("_sheet", "_sheet")]


def counting_sql(plan: Plan, by_village: bool = False) -> str:
    """One query: every count, the row accounting and the number of rows each check
    flags, per commune, year (village) and input file."""
    rules = plan.rules
    keys = group_keys(by_village)
    select = [f"{expr} AS {quote(name)}" if expr != name else quote(name)
              for name, expr in keys]
    select += ["MAX(district_code) AS district_code", "MAX(province_code) AS province_code"]
    select += [f"{expr} AS {quote(key)}" for key, expr in count_columns(plan)]  # parses first
    select.append("COUNT(*) AS persons_read")
    select += [f"{_sum('f_' + fate)} AS {fate}" for fate in FATES]
    select += [f"{_sum('c_' + c.code)} AS {quote('check_' + c.code)}" for c in rules.checks]
    if rules.checks:
        # where the flagged rows are, so that listing them follows only those rows
        flagged = " OR ".join(f"c_{c.code}" for c in rules.checks)
        select.append(f"ARRAY_AGG(_row) FILTER (WHERE {flagged}) AS flagged_rows")
    head = (f"-- pcgd count: rules {rules.id} {rules.version}; options "
            + ", ".join(f"{k}={v}" for k, v in plan.options.items()) + "\n"
            "-- one row per commune, year" + (", village" if by_village else "")
            + " and input file and sheet (_file, _sheet): sum over them for a commune\n")
    group = ", ".join(expr for _, expr in keys)
    return (head + _with(_chain(plan)) + "\nSELECT\n  "
            + ",\n  ".join(select) + f"\nFROM fates\nGROUP BY {group}\n"
            + f"ORDER BY {group}")


FINDING_VALUES = ("family_name", "given_name", "full_name", "household", "commune_code")


def findings_sql(plan: Plan, codes: list[str], cap: int, positions: str | None = None) -> str:
    """The rows flagged by the checks ``codes``, at most ``cap`` per check, in file order;
    with the raw cells of the check's columns and every number value of the person.
    ``positions``: a relation (_file, _sheet, _row) of the rows the counting query saw
    flagged: only they are followed through the steps."""
    rules = plan.rules
    width = max(len(c.column) for c in rules.checks)
    numbers = [n for n, k in plan.kinds.items() if k == NUMBER]
    people = [c for c in FINDING_VALUES if c in rules.columns]
    branches = []
    for check in rules.checks:
        if check.code not in codes:
            continue
        cells = [quote(c) for c in check.column]
        cells += ["CAST(NULL AS VARCHAR)"] * (width - len(cells))
        if check.duplicate is not None:
            first = [f"d_{check.code}_{p}" for p in ("file", "sheet", "row")]
        else:
            first = ["CAST(NULL AS INTEGER)", "CAST(NULL AS VARCHAR)", "CAST(NULL AS BIGINT)"]
        cols = ([f"'{check.code}' AS code", "_file", "_sheet", "_row"]
                + [f"{c} AS cell{i}" for i, c in enumerate(cells)]
                + [f"{f} AS first_{n}" for f, n in zip(first, ("file", "sheet", "row"),
                                                        strict=True)]
                + [f"{quote(c)} AS p_{c}" for c in people]
                + [f"v_{n} AS n_{n}" for n in numbers])
        branches.append("SELECT " + ", ".join(cols) + f" FROM fates WHERE c_{check.code}")
    if not branches:
        raise ValueError("no check to list")
    if positions is None:
        ctes = _chain(plan)
    else:
        chosen = (f"SELECT persons.* FROM persons JOIN {positions} AS f ON f._file = "
                  "persons._file AND f._sheet = persons._sheet AND f._row = persons._row")
        ctes = [("flagged_persons", chosen), *_chain(plan, "flagged_persons")]
    ctes.append(("hits", "\n  UNION ALL\n  ".join(branches)))
    return (_with(ctes) + "\nSELECT * FROM (\n  SELECT hits.*, ROW_NUMBER() OVER "
            f"(PARTITION BY code ORDER BY {ORDER}) AS rank_in_code FROM hits\n) AS listed\n"
            f"WHERE rank_in_code <= {int(cap)}\nORDER BY {ORDER}, code")


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
            for col in cols:
                if col not in rules.columns:
                    note(("checks", i), f"unknown column '{col}'")
    codes = [c.code for c in rules.checks]
    for i, code in enumerate(codes):
        if code in codes[:i]:
            note(("checks", i, "code"), f"code '{code}' is used twice")
    return problems

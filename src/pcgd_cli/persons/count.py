"""Person rows → commune counts: the library call behind ``pcgd count``.

read (entry workbooks, exports) → one SQL query that counts → findings listed
by a second query only when a check flagged rows → the register's view of the
communes. Returns a ``PersonCounts``; nothing here prints or writes files.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.persons.entry import SheetPersons, read_entry_workbook
from pcgd_cli.persons.exports import EXPORT_SUFFIXES, export_layout, export_select
from pcgd_cli.persons.sql import (
    FATES,
    OptionError,
    Plan,
    build_plan,
    counting_sql,
    findings_sql,
)
from pcgd_cli.persons.store import PersonStore
from pcgd_cli.persons.units import (
    check_commune_code,
    commune_of,
    register_codes,
    register_name,
    register_parents,
)
from pcgd_cli.pipeline import file_sha256
from pcgd_cli.rules.counting_model import CountingRules
from pcgd_cli.validation.catalog import ColumnCatalog

LISTED_PER_CODE = 5000
ACCOUNTING = ("persons_read", *FATES)
UNIT_COLUMNS = ("commune_code", "year", "village", "district_code", "province_code")


@dataclass
class PersonInput:
    path: Path
    sha256: str
    kind: str  # "workbook" or "export"
    sheets: list[str] = field(default_factory=list)
    commune_code: str | None = None  # one-commune files
    survey_year: int | None = None
    rows_read: int = 0
    rows_counted: int = 0


@dataclass
class PersonCounts:
    counts: pd.DataFrame  # one row per commune and year (and village): units, then counts
    accounting: pd.DataFrame  # per commune and year: read = counted + left out + rejected
    accounting_by_file: pd.DataFrame
    findings: list[Finding]
    inputs: list[PersonInput]
    persons: int
    files: list[Path]
    rules: CountingRules
    options: dict[str, str]
    sql: str
    check_totals: dict[str, int]
    seconds: float = 0.0

    @property
    def count_keys(self) -> list[str]:
        return list(self.rules.counts)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def plan_for(rules: CountingRules, options: dict[str, str] | None) -> Plan:
    try:
        return build_plan(rules, options)
    except OptionError as exc:
        known = ", ".join(exc.known)
        if exc.choice is None:
            raise PcgdError("option_unknown", option=exc.option, known=known,
                            rules_id=rules.id, hint="option_hint") from None
        raise PcgdError("option_bad_choice", option=exc.option, choice=exc.choice,
                        known=known, rules_id=rules.id, hint="option_hint") from None


@dataclass
class _Source:
    path: Path
    sheet: str
    columns: dict[str, int]  # key -> 0-based column of the sheet or file


def _sheet_values(part: SheetPersons, fixed: dict[str, str]) -> dict[str, list]:
    data: dict[str, list] = dict(part.values)
    for key, value in fixed.items():
        data[key] = [value] * len(part.rows)
    return data


def count_persons(paths: list[Path], rules: CountingRules | str | None = None,
                  year: int | None = None,
                  commune: str | None = None, register=None, by_village: bool = False,
                  options: dict[str, str] | None = None,
                  progress: Callable[[Path], None] | None = None,
                  listed_per_code: int = LISTED_PER_CODE,
                  memory_limit: str | None = None,
                  sheets: dict[Path, list] | None = None) -> PersonCounts:
    """Count the person rows of ``paths`` (entry workbooks, CSV or Parquet exports).

    ``year``: the survey year N (start of the school year), else each workbook's
    survey-year cell or the export's year column. ``commune``: the commune of
    one-commune files, else a title or file name matched in ``register``. ``rules``: the
    counting rules, or a built-in id or path (default household-2025). ``sheets``: the
    sheets of workbooks already read, by path (not read again)."""
    clock = time.perf_counter()
    if not isinstance(rules, CountingRules):
        from pcgd_cli.rules.counting_loader import load_counting_rules, resolve_counting

        rules = load_counting_rules(resolve_counting(rules))
    paths = [Path(p) for p in paths]
    plan = plan_for(rules, options)
    catalog = ColumnCatalog(rules.columns)  # type: ignore[arg-type]
    keys = list(rules.columns)
    widths = {k: c.width for k, c in rules.columns.items()}
    code = check_commune_code(commune, register) if commune else None
    findings: list[Finding] = []
    inputs: list[PersonInput] = []
    sources: dict[tuple[int, str], _Source] = {}
    with PersonStore(keys, memory_limit=memory_limit) as store:
        for file_id, path in enumerate(paths, 1):
            record = PersonInput(path, file_sha256(path), "workbook")
            if path.suffix.lower() in EXPORT_SUFFIXES:
                record.kind = "export"
                layout = export_layout(store.con, path, catalog)
                findings += layout.findings
                fixed = _fixed_units(path, set(layout.columns), [], None, year, code,
                                     register, record)
                store.add_source(export_select(layout, file_id, keys, widths, fixed))
                sources[(file_id, layout.sheet)] = _Source(path, layout.sheet, layout.columns)
                record.sheets = [layout.sheet]
            else:
                parts, found = read_entry_workbook(path, catalog, (sheets or {}).get(path))
                findings += found
                if not parts:
                    raise PcgdError("no_person_header", path=path)
                present = set().union(*(set(p.values) for p in parts))
                titles = [t for p in parts for t in p.titles]
                sheet_year = next((p.survey_year for p in parts if p.survey_year), None)
                fixed = _fixed_units(path, present, titles, sheet_year, year, code,
                                     register, record)
                for part in parts:
                    store.add_rows(_sheet_values(part, fixed), file_id, part.sheet, part.rows)
                    sources[(file_id, part.sheet)] = _Source(
                        path, part.sheet, {k: c for c, k in part.header.columns.items()})
                record.sheets = [p.sheet for p in parts]
            inputs.append(record)
            if progress:
                progress(path)
        store.publish()
        sql = counting_sql(plan, by_village)
        raw = store.query(sql)
        totals = {c.code: int(raw[f"check_{c.code}"].sum()) for c in rules.checks}
        flagged = [c for c, n in totals.items() if n]
        if flagged:
            store.con.register("flagged_positions", _positions(raw))
            hits = store.query(findings_sql(plan, flagged, listed_per_code,
                                            "flagged_positions"))
            findings += _row_findings(hits, sources, plan)
            findings += _cap_findings(totals, listed_per_code)
    counts, accounting, by_file = _tables(raw, rules, by_village)
    by_file = by_file.reindex(range(1, len(paths) + 1), fill_value=0)
    by_file.insert(0, "path", [str(p) for p in paths])
    for record, (_, row) in zip(inputs, by_file.iterrows(), strict=True):
        record.rows_read, record.rows_counted = int(row["persons_read"]), int(row["counted"])
    if register is not None:
        # with --commune the run is about that commune: the register's others are not
        # expected (it still gives the district and the ĐBKK flag)
        counts, accounting, more = _against_register(counts, accounting, register, raw, paths,
                                                      expect_all=code is None)
        findings += more
    for f in findings:
        f.params.setdefault("rules_id", rules.id)
    return PersonCounts(counts, accounting, by_file, findings, inputs,
                        int(raw["persons_read"].sum()) if len(raw) else 0, list(paths), rules,
                        plan.options, sql, totals, time.perf_counter() - clock)


def _positions(raw: pd.DataFrame) -> pd.DataFrame:
    """(file, sheet, row) of every flagged row, from the counting query's arrays."""
    rows = raw[["_file", "_sheet", "flagged_rows"]].dropna(subset=["flagged_rows"])
    rows = rows.explode("flagged_rows").dropna(subset=["flagged_rows"])
    return pd.DataFrame({"_file": rows["_file"].astype("int32"), "_sheet": rows["_sheet"],
                         "_row": rows["flagged_rows"].astype("int64")})


def _fixed_units(path: Path, present: set[str], titles: list[str], sheet_year: int | None,
                 year: int | None, code: str | None, register,
                 record: PersonInput) -> dict[str, str]:
    """The commune and year a file's rows take when its columns do not say them."""
    fixed: dict[str, str] = {}
    survey_year = year if year is not None else sheet_year
    if survey_year is not None:
        fixed["year"] = str(survey_year)
        record.survey_year = survey_year
    elif "year" not in present:
        raise PcgdError("no_survey_year", path=path)
    if "commune_code" not in present:
        fixed["commune_code"] = code or commune_of(path, titles, register)
        record.commune_code = fixed["commune_code"]
    return fixed


def _person_name(row: dict) -> str:
    full = row.get("p_full_name")
    if isinstance(full, str) and full:
        return full
    parts = [row.get("p_family_name"), row.get("p_given_name")]
    return " ".join(p for p in parts if isinstance(p, str) and p) or "?"


def _number(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(int(value))


def _row_findings(hits: pd.DataFrame, sources: dict[tuple[int, str], _Source],
                  plan: Plan) -> list[Finding]:
    checks = {c.code: c for c in plan.rules.checks}
    out = []
    for row in hits.to_dict("records"):
        check = checks[row["code"]]
        source = sources[(int(row["_file"]), row["_sheet"])]
        column = next((c for c in check.column if c in source.columns), check.column[0])
        r = int(row["_row"])
        cell = cell_ref(r - 1, source.columns[column]) if column in source.columns else ""
        value = next((row[f"cell{i}"] for i in range(len(check.column))
                      if isinstance(row.get(f"cell{i}"), str) and row[f"cell{i}"]), "")
        params = {"name": _person_name(row),
                  "household": row.get("p_household") or ""}
        params.update({k[2:]: _number(v) for k, v in row.items() if k.startswith("n_")})
        if row.get("first_row") is not None and not pd.isna(row["first_row"]):
            first = sources.get((int(row["first_file"]), row["first_sheet"]))
            params["first_row"] = str(int(row["first_row"]))
            where = f"{first.path.name}:{first.sheet}" if first else ""
            params["first_where"] = where
        out.append(Finding(check.severity, check.code, str(source.path), source.sheet, cell,
                           r, column, value or "", row.get("p_commune_code") or "",
                           params=params))
    return out


def _cap_findings(totals: dict[str, int], listed: int) -> list[Finding]:
    return [Finding("info", "persons_listed_cap", value=code,
                    params={"total": str(n), "listed": str(listed)})
            for code, n in totals.items() if n > listed]


def _tables(raw: pd.DataFrame, rules: CountingRules, by_village: bool
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Per commune (and year, village): the sums over input files."""
    count_keys = list(rules.counts)
    group = ["commune_code", "year", *(["village"] if by_village else [])]
    numeric = [*count_keys, *ACCOUNTING]
    raw = raw.copy()
    raw[numeric] = raw[numeric].fillna(0).astype("int64")
    by_file = raw.groupby("_file")[list(ACCOUNTING)].sum().astype("int64")
    placed = raw[raw["commune_code"].notna() & raw["year"].notna()]
    grouped = placed.groupby(group, dropna=False, sort=True)
    counts = grouped[count_keys].sum().astype("int64")
    units = grouped[["district_code", "province_code"]].max()
    counts = units.join(counts).reset_index()
    counts["year"] = counts["year"].astype("int64")
    for col in ("district_code", "province_code"):
        if counts[col].isna().all():
            counts = counts.drop(columns=col)
    counts = counts[[c for c in UNIT_COLUMNS if c in counts.columns] + count_keys]
    accounting = (raw.groupby(["commune_code", "year"], dropna=False)[list(ACCOUNTING)]
                  .sum().astype("int64").reset_index())
    return counts.reset_index(drop=True), accounting, by_file


def _against_register(counts: pd.DataFrame, accounting: pd.DataFrame, register,
                      raw: pd.DataFrame, paths: list[Path], expect_all: bool = True):
    """Communes not in the register: rejected, said once each. Register communes
    with no person rows (``expect_all``): said, never counted as zero. Districts from
    the register."""
    findings: list[Finding] = []
    known = set(register_codes(register))
    present = set(counts["commune_code"])
    unknown = sorted(c for c in present if register.by_code(c) is None)
    for c in unknown:
        rows = accounting.loc[accounting["commune_code"] == c]
        files = sorted({int(f) for f in raw.loc[raw["commune_code"] == c, "_file"]})
        findings.append(Finding("error", "commune_not_in_register",
                                str(paths[files[0] - 1]) if files else "", unit=c,
                                extra=str(int(rows["persons_read"].sum()))))
        mask = accounting["commune_code"] == c
        accounting.loc[mask, "rejected"] = accounting.loc[mask, "persons_read"]
        for fate in FATES:
            if fate != "rejected":
                accounting.loc[mask, fate] = 0
    counts = counts[~counts["commune_code"].isin(unknown)].reset_index(drop=True)
    for c in sorted(known - present) if expect_all else []:
        findings.append(Finding("warning", "commune_without_persons", unit=c,
                                value=register_name(register, c)))
    if len(counts):
        parents = [register_parents(register, c) for c in counts["commune_code"]]
        for i, name in enumerate(("district_code", "province_code")):
            values = [p[i] or None for p in parents]
            if any(values):
                _set_column(counts, name, values)
    return counts, accounting, findings


def _set_column(frame: pd.DataFrame, name: str, values: list) -> None:
    """Replace a unit column, or add it after the unit columns before it."""
    if name in frame.columns:
        frame[name] = values
        return
    before = [c for c in UNIT_COLUMNS[:UNIT_COLUMNS.index(name)] if c in frame.columns]
    frame.insert(list(frame.columns).index(before[-1]) + 1, name, values)

"""Person rows → commune counts: the library call behind ``pcgd count``.

read (entry workbooks, exports) → one SQL query that counts → findings listed
by a second query only when a check flagged rows → the register's view of the
communes. Returns a ``PersonCounts``; nothing here prints or writes files.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.persons.exports import EXPORT_SUFFIXES, export_layout, export_select
from pcgd_cli.persons.headers import names_persons
from pcgd_cli.persons.sql import (
    FATES,
    OptionError,
    Plan,
    build_plan,
    columns_read,
    counting_statements,
    findings_sql,
    first_rows_sql,
    rows_at_sql,
    unknown_groups,
)
from pcgd_cli.persons.store import PersonStore
from pcgd_cli.persons.unknown import (
    FIRST,
    blank_unknown,
    unknown_columns,
    unknown_findings,
    unknown_sums,
)
from pcgd_cli.persons.workbooks import PersonInput, WorkbookReader, fixed_units
from pcgd_cli.rules.counting_model import CountingRules
from pcgd_cli.validation.catalog import ColumnCatalog

if TYPE_CHECKING:
    import pandas as pd

LISTED_PER_CODE = 5000
ACCOUNTING = ("persons_read", *FATES)
UNIT_COLUMNS = ("commune_code", "year", "village", "district_code", "province_code")


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
    register: object = None  # the register of units the communes were placed with
    commune: str | None = None  # --commune: the run is about that commune

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
    first_row: int | None = None  # row of the first record where rows are not numbered

    def row(self, numbered: object, position: object) -> int:
        """The 1-based row of a record: as the reader numbered it, else from its
        position among the input's records."""
        import pandas as pd

        if numbered is not None and not pd.isna(numbered):
            return int(numbered)
        return int(position) + (self.first_row or 1)


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
    code = None
    if commune:
        from pcgd_cli.persons.units import check_commune_code

        code = check_commune_code(commune, register)
    findings: list[Finding] = []
    inputs: list[PersonInput] = []
    sources: dict[tuple[int, str], _Source] = {}
    needed = columns_read(plan, by_village)
    written = [k for k in keys if k in needed]
    with ExitStack() as stack:
        # first: worker processes are forked before any thread (or DuckDB) starts
        workbooks = stack.enter_context(WorkbookReader(
            [(i, p) for i, p in enumerate(paths, 1) if p.suffix.lower() not in EXPORT_SUFFIXES],
            catalog, written, year, code, register, read_already=sheets))
        # pandas (for the result's tables) is imported while DuckDB counts: off the main
        # thread, as are the files' digests (DuckDB and hashlib let go of the GIL)
        threading.Thread(target=__import__, args=("pandas",), daemon=True).start()
        digests = stack.enter_context(_FileDigests(paths))
        store = stack.enter_context(PersonStore(keys, memory_limit=memory_limit,
                                                written=needed))
        for file_id, path in enumerate(paths, 1):
            record = PersonInput(path, "", "workbook")
            if path.suffix.lower() in EXPORT_SUFFIXES:
                record.kind = "export"
                layout = export_layout(store.con, path, catalog)
                if not names_persons(layout.columns):
                    raise PcgdError("export_no_person_columns", path=path)
                findings += layout.findings + _export_communes(store.con, layout, register,
                                                               code)
                present = set(layout.columns) | (
                    {"commune_code"} if layout.commune_codes is not None else set())
                fixed = fixed_units(path, present, [], None, year, code, register, record)
                store.add_source(export_select(layout, file_id, keys, widths, fixed),
                                 export_select(layout, file_id, keys, widths, fixed, True))
                sources[(file_id, layout.sheet)] = _Source(path, layout.sheet, layout.columns,
                                                           layout.first_row)
                record.sheets = [layout.sheet]
            else:
                read = workbooks.read(file_id, path)
                record = read.record
                findings += read.findings
                for sheet in read.sheets:
                    if sheet.file is not None:
                        store.add_file(sheet.file, sheet.plain)
                    sources[(file_id, sheet.sheet)] = _Source(path, sheet.sheet, sheet.columns)
            inputs.append(record)
            if progress:
                progress(path)
        if by_village:
            findings += _without_villages(sources)
        store.publish()
        statements = counting_statements(plan, by_village)
        sql = ";\n".join(statements)
        raw = store.count(statements)
        totals = {c.code: int(raw[f"check_{c.code}"].sum()) for c in rules.checks}
        flagged = [c for c, n in totals.items() if n]
        if flagged:
            hits = store.query(findings_sql(plan, flagged, listed_per_code))
            findings += _row_findings(hits, sources, plan)
            findings += _cap_findings(totals, listed_per_code)
        where = _rows_at(store, raw, sources) if raw[FIRST].notna().any() else {}
        for record, digest in zip(inputs, digests.results(), strict=True):
            record.sha256 = digest
        unregistered = _unregistered_starts(store, raw, register, sources)
    groups = unknown_groups(plan)
    counts, accounting, by_file, unknown = _tables(raw, rules, by_village, groups)
    by_file = by_file.reindex(range(1, len(paths) + 1), fill_value=0)
    if register is not None:
        # with --commune the run is about that commune: the register's others are not
        # expected (it still gives the district and the ĐBKK flag)
        counts, accounting, more = _against_register(counts, accounting, register, raw, paths,
                                                      expect_all=code is None, only=code,
                                                      by_file=by_file, starts=unregistered)
        findings += more
    by_file.insert(0, "path", [str(p) for p in paths])
    for record, (_, row) in zip(inputs, by_file.iterrows(), strict=True):
        record.rows_read, record.rows_counted = int(row["persons_read"]), int(row["counted"])
    # a register row of no year (blank) is not one the rejected persons were counted in
    known = counts[["commune_code", "year"]].dropna()
    kept = {(c, int(y)) for c, y in zip(known["commune_code"], known["year"], strict=True)}
    findings += unknown_findings(unknown, groups, rules, kept, where, findings)
    for f in findings:
        f.params.setdefault("rules_id", rules.id)
    return PersonCounts(counts, accounting, by_file, findings, inputs,
                        int(raw["persons_read"].sum()) if len(raw) else 0, list(paths), rules,
                        plan.options, sql, totals, time.perf_counter() - clock, register, code)


class _FileDigests:
    """The SHA-256 of each input, computed on another thread while they are counted."""

    def __init__(self, paths: list[Path]):
        self.paths = [Path(p) for p in paths]
        self.digests: list[str] = []
        self.stopped = False
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            for path in self.paths:
                digest = hashlib.sha256()
                with path.open("rb") as fh:
                    for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                        if self.stopped:
                            return
                        digest.update(block)
                self.digests.append(digest.hexdigest())
        except BaseException as exc:  # re-raised by results(), on the caller's thread
            self.failed = exc

    def results(self) -> list[str]:
        self.thread.join()
        if self.failed is not None:
            raise self.failed
        return self.digests

    def __enter__(self) -> _FileDigests:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped = True


def _person_name(row: dict) -> str:
    full = row.get("p_full_name")
    if isinstance(full, str) and full:
        return full
    parts = [row.get("p_family_name"), row.get("p_given_name")]
    return " ".join(p for p in parts if isinstance(p, str) and p) or "?"


def _number(value: object) -> str:
    import pandas as pd

    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(int(value))


def _row_findings(hits: pd.DataFrame, sources: dict[tuple[int, str], _Source],
                  plan: Plan) -> list[Finding]:
    import pandas as pd

    checks = {c.code: c for c in plan.rules.checks}
    out = []
    for row in hits.to_dict("records"):
        check = checks[row["code"]]
        source = sources[(int(row["_file"]), row["_sheet"])]
        # the first filled-in cell the check names (a class beside a blank grade), else
        # the first of its columns the file has
        filled = [(c, row[f"cell{i}"]) for i, c in enumerate(check.column)
                  if isinstance(row.get(f"cell{i}"), str) and row[f"cell{i}"]]
        in_file = [c for c in check.column if c in source.columns]
        column, value = filled[0] if filled else (in_file[0] if in_file else check.column[0], "")
        r = source.row(row["_row"], row["position"])
        cell = cell_ref(r - 1, source.columns[column]) if column in source.columns else ""
        params = {"name": _person_name(row),
                  "household": row.get("p_household") or ""}
        params.update({k[2:]: _number(v) for k, v in row.items() if k.startswith("n_")})
        if row.get("first_pos") is not None and not pd.isna(row["first_pos"]):
            first = sources.get((int(row["first_file"]), row["first_sheet"]))
            if first is not None:
                params["first_row"] = str(first.row(row["first_row"], row["first_position"]))
            params["first_where"] = f"{first.path.name}:{first.sheet}" if first else ""
        out.append(Finding(check.severity, check.code, str(source.path), source.sheet, cell,
                           r, column, value or "", row.get("p_commune_code") or "",
                           params=params))
    return out


def _rows_at(store: PersonStore, raw: pd.DataFrame, sources: dict[tuple[int, str], _Source]
             ) -> dict[int, tuple[str, str, int]]:
    """Position in person_values → (file, sheet, row) of the first rejected persons who
    made counts unknown."""
    positions = sorted({int(p) for p in raw[FIRST].dropna()})
    out = {}
    for row in store.query(rows_at_sql(positions)).to_dict("records"):
        source = sources[(int(row["_file"]), row["_sheet"])]
        out[int(row["pos"])] = (str(source.path), source.sheet,
                                source.row(row["_row"], row["position"]))
    return out


def _cap_findings(totals: dict[str, int], listed: int) -> list[Finding]:
    return [Finding("info", "persons_listed_cap", value=code,
                    params={"total": str(n), "listed": str(listed)})
            for code, n in totals.items() if n > listed]


def _tables(raw: pd.DataFrame, rules: CountingRules, by_village: bool, groups: list
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Per commune (and year, village): the sums over input files, the counts a rejected
    person may have been in left blank; and the sums of those rejected persons."""
    count_keys = list(rules.counts)
    group = ["commune_code", "year", *(["village"] if by_village else [])]
    numeric = [*count_keys, *ACCOUNTING, *unknown_columns(groups)]
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
    unknown = unknown_sums(raw, group, groups)
    counts = blank_unknown(counts.reset_index(drop=True), unknown, groups)
    accounting = (raw.groupby(["commune_code", "year"], dropna=False)[list(ACCOUNTING)]
                  .sum().astype("int64").reset_index())
    return counts, accounting, by_file, unknown


def _export_communes(con, layout, register, code: str | None) -> list[Finding]:
    """An export's communes come from its own columns: codes, else names matched in the
    register; ``--commune`` is then not used for it, which is said."""
    from pcgd_cli.persons.exports import match_commune_names

    findings = []
    names = "commune" in layout.columns and "commune_code" not in layout.columns
    if names and register is not None:
        findings += match_commune_names(con, layout, register)
    elif names and code is None:
        raise PcgdError("commune_names_need_units", path=layout.path)
    if code and ("commune_code" in layout.columns or layout.commune_codes is not None):
        findings.append(Finding("info", "commune_option_unused", str(layout.path),
                                layout.sheet, unit=code, params={"commune": code}))
    return findings


def _without_villages(sources: dict[tuple[int, str], _Source]) -> list[Finding]:
    """--by village on a sheet or file with no village column: all its rows fall under
    a blank village, which is said rather than left to be noticed."""
    return [Finding("warning", "persons_no_village_column", str(s.path), s.sheet)
            for s in sources.values() if "village" not in s.columns]


def _unregistered_starts(store: PersonStore, raw: pd.DataFrame, register,
                         sources: dict[tuple[int, str], _Source]) -> dict[str, tuple]:
    """Where the rows of each commune code the register does not know start: (file,
    sheet, cell, row), for the finding that rejects them."""
    if register is None or not len(raw):
        return {}
    codes = sorted({c for c in raw["commune_code"].dropna() if register.by_code(c) is None})
    if not codes:
        return {}
    starts = {}
    for hit in store.query(first_rows_sql("commune_code", codes)).to_dict("records"):
        source = sources[(int(hit["_file"]), hit["_sheet"])]
        r = source.row(hit["_row"], hit["position"])
        col = source.columns.get("commune_code")
        starts[hit["value"]] = (str(source.path), source.sheet,
                                cell_ref(r - 1, col) if col is not None else "", r)
    return starts


def _reject(table: pd.DataFrame, mask, rows: pd.DataFrame) -> None:
    """Move ``rows`` (sums of some rows' fates, aligned with ``table[mask]``) from
    whatever fate they had to rejected: read = counted + left out + rejected still."""
    for fate in FATES:
        if fate != "rejected":
            table.loc[mask, fate] -= rows[fate].to_numpy()
    table.loc[mask, "rejected"] += (rows["persons_read"] - rows["rejected"]).to_numpy()


def _against_register(counts: pd.DataFrame, accounting: pd.DataFrame, register,
                      raw: pd.DataFrame, paths: list[Path], expect_all: bool = True,
                      by_file: pd.DataFrame | None = None, starts: dict | None = None,
                      only: str | None = None):
    """Communes not in the register: rejected (in the communes' and the files'
    accounting alike), said once each where their rows start. Register communes
    with no person rows (``expect_all``, else the ``only`` one): said, never counted as
    zero. Districts from the register."""
    from pcgd_cli.persons.units import register_codes, register_name, register_parents

    findings: list[Finding] = []
    known = set(register_codes(register))
    present = set(counts["commune_code"])
    unknown = sorted(c for c in present if register.by_code(c) is None)
    for c in unknown:
        rows = accounting.loc[accounting["commune_code"] == c]
        files = sorted({int(f) for f in raw.loc[raw["commune_code"] == c, "_file"]})
        file, sheet, cell, row = (starts or {}).get(
            c, (str(paths[files[0] - 1]) if files else "", "", "", None))
        findings.append(Finding("error", "commune_not_in_register", file, sheet, cell, row,
                                "commune_code", c, unit=c,
                                params={"rows": str(int(rows["persons_read"].sum()))}))
        mask = accounting["commune_code"] == c
        _reject(accounting, mask, accounting.loc[mask].copy())
        if by_file is not None:
            numeric = ["persons_read", *FATES]
            per_file = (raw.loc[raw["commune_code"] == c].groupby("_file")[numeric].sum()
                        .reindex(by_file.index, fill_value=0).fillna(0).astype("int64"))
            _reject(by_file, slice(None), per_file)
    counts = counts[~counts["commune_code"].isin(unknown)].reset_index(drop=True)
    for c in sorted((known if expect_all else {only} & known) - present):
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

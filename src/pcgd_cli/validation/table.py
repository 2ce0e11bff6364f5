"""Build the count table the engine evaluates, from every sheet of every file.

Rows are accounted for: each data row below a header is used as a commune,
recognised as a total row (totals, subtotals and district section rows),
blank (nothing in the count columns and no commune code: empty rows, notes,
signatures), or rejected with a finding; the numbers add up to the rows read.

With a register of units (``--units``), a sheet may name its communes instead
of coding them, and districts and ĐBKK flags come from the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pcgd_cli.count_table import UNIT_KEYS, CountTable, InputSummary, Location, Reading
from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.reading.workbook import RawSheet
from pcgd_cli.text_columns import frame_of, text_column
from pcgd_cli.units.register import Register
from pcgd_cli.validation.catalog import ColumnCatalog, normalise_header
from pcgd_cli.validation.headers import HeaderMatch, find_header
from pcgd_cli.validation.registered import apply_register, match_names, report_unresolved
from pcgd_cli.validation.sections import Section, find_sections, row_label, rows_under
from pcgd_cli.validation.totals import (
    DISTRICT,
    GRAND,
    TotalRow,
    district_name_key,
    mismatch,
    plain,
    scopes,
    total_kind,
)
from pcgd_cli.validation.values import (
    parse_code,
    parse_counts,
    parse_flags,
    parse_name,
    parse_number_text,
    parse_years,
)

# Cells of these columns are often merged down over a district's communes.
FILL_DOWN_KEYS = ("year", "province_code", "province", "district_code", "district")
# Headers that forms carry but that hold no data pcgd needs.
IGNORED_HEADERS = {"stt", "tt", "sott", "ghichu", "ghichu1"}
HIDDEN_ROWS_LISTED = 10


@dataclass
class _SheetPart:
    frame: pd.DataFrame
    source: RawSheet
    header: HeaderMatch
    col_of: dict[str, int]
    invalid: list[tuple[int, str]]  # (position in frame, key) of cells with an error
    _rows: dict[tuple[str, object], int] | None = None

    def excel_row(self, code: str, year: object) -> int | None:
        """0-based sheet row of a commune (and year) in this sheet."""
        if self._rows is None:
            years = (self.frame["year"].tolist() if "year" in self.frame
                     else [None] * len(self.frame))
            self._rows = {}
            for c, y, r in zip(self.frame["commune_code"].tolist(), years,
                               self.frame["_row"].tolist(), strict=True):
                self._rows.setdefault((c, _year_key(y)), int(r) - 1)
        return self._rows.get((code, _year_key(year)))


def _year_key(year: object) -> object:
    return None if year is None or (isinstance(year, float) and np.isnan(year)) else float(year)


@dataclass
class SheetLocator:
    """Finds the sheet cell behind a cell of the count table: the commune's row in the
    sheet that has the column (or, failing that, its row in any sheet)."""

    parts: list[_SheetPart]
    codes: list[str]
    years: list[object]

    def locate(self, i: int, key: str) -> Location:
        code, year = self.codes[i], self.years[i]
        fallback = None
        for part in self.parts:
            row = part.excel_row(code, year)
            if row is None:
                continue
            if key in part.col_of:
                return Location(str(part.source.file), part.source.name,
                                cell_ref(row, part.col_of[key]), row + 1)
            fallback = fallback or Location(str(part.source.file), part.source.name, "",
                                            row + 1)
        return fallback or Location()


def _each_distinct(cells: list[object], parse) -> np.ndarray:
    """``parse`` once per distinct cell value: unit codes and names repeat down a column
    (every commune row carries its district's and province's)."""
    done = {value: parse(value) for value in set(cells)}
    return np.array(list(map(done.__getitem__, cells)), dtype=object)


def _columns(rows: list[list[object]], indexes: list[int],
             as_arrays: frozenset[int] = frozenset()) -> dict[int, list[object] | np.ndarray]:
    """The wanted columns, transposed in one pass (CSV rows may be ragged: padded).
    The columns ``as_arrays`` of a workbook's grid stay numpy object arrays (counts:
    parse_counts converts a column of floats in one call), the others are lists."""
    if not rows:
        return {i: [] for i in indexes}
    width = max(indexes, default=-1) + 1
    if any(len(row) < width for row in rows):
        rows = [row if len(row) >= width else [*row, *[""] * (width - len(row))]
                for row in rows]
    if len(set(map(len, rows))) == 1:
        # a workbook's grid is a rectangle: numpy copies it into an object array in C
        # and hands each column back, 57 ms instead of 90 ms for zip on the national
        # sheet (31,800 rows × 43 columns)
        grid = np.array(rows, dtype=object)
        return {i: grid[:, i] if i in as_arrays else grid[:, i].tolist() for i in indexes}
    transposed = list(zip(*rows, strict=False))
    return {i: list(transposed[i]) for i in indexes}


def _fill_merged_down(raw: dict[str, list[object]], sheet: RawSheet, header: HeaderMatch) -> None:
    """A district name merged over its communes' rows belongs to each of them."""
    if not sheet.merges:
        return
    first = header.first_data_row
    for r0, c0, r1, _ in sheet.merges:
        key = header.columns.get(c0)
        if key not in FILL_DOWN_KEYS or r1 < first or r0 < first:
            continue
        cells = raw[key]
        top = cells[r0 - first] if r0 - first < len(cells) else ""
        for r in range(r0 - first + 1, min(r1 - first + 1, len(cells))):
            cells[r] = top


def _present(cells: list[object]) -> np.ndarray:
    return np.fromiter((c.__class__ is float or (c is not None and c != "" and
                                                  str(c).strip() != "") for c in cells),
                       dtype=bool, count=len(cells))


def _sheet_part(sheet: RawSheet, header: HeaderMatch, catalog: ColumnCatalog,
                summary: InputSummary, findings: list[Finding],
                register: Register | None = None) -> _SheetPart:
    rows = sheet.rows[header.first_data_row:]
    first = header.first_data_row
    file, name = str(sheet.file), sheet.name

    def problem(code: str, row0: int, col0: int | None, key: str = "", value: object = "",
                severity: str = "error", unit: str = "", extra: str = "",
                params: dict[str, str] | None = None) -> None:
        excel_row = first + row0
        cell = cell_ref(excel_row, col0) if col0 is not None else ""
        findings.append(Finding(severity, code, file, name, cell, excel_row + 1, key,
                                str(value), unit, extra, params=params or {}))

    columns = _columns(rows, list(header.columns),
                       frozenset(i for i, key in header.columns.items()
                                 if catalog.kind(key) == "count"))
    raw = {key: columns[i] for i, key in header.columns.items()}
    _fill_merged_down(raw, sheet, header)
    col_of = {key: i for i, key in header.columns.items()}
    n = len(rows)
    data: dict[str, np.ndarray] = {}
    bad = {key: np.zeros(n, dtype=bool) for key in raw}
    has_data = np.zeros(n, dtype=bool)
    for key, cells in raw.items():
        kind = catalog.kind(key)
        if kind == "count":
            values, problems = parse_counts(cells)
            has_data |= ~np.isnan(values)
            if key in catalog.zero_when_blank:
                invalid = np.zeros(n, dtype=bool)
                invalid[[pos for pos, _, _ in problems]] = True
                values[np.isnan(values) & ~invalid] = 0.0
        elif kind in ("flag", "yesno"):
            values, problems = parse_flags(cells, blank_is_no=kind == "flag")
            if kind == "yesno":
                has_data |= _present(cells)
        elif kind == "year":
            values, problems = parse_years(cells)
        elif kind == "code":
            width = catalog.columns[key].width
            values, problems = _each_distinct(cells, lambda c, w=width: parse_code(c, w)), []
        else:
            values, problems = _each_distinct(cells, parse_name), []
        data[key] = values
        for pos, code, value in problems:
            bad[key][pos] = True
            if kind == "count":
                has_data[pos] = True
            problem(code, pos, col_of[key], key, value)
    key_at = {i: key for key, i in col_of.items()}
    for row0, col0 in sheet.uncached_formulas:
        key = key_at.get(col0, "")
        if row0 < first:
            continue
        problem("formula_not_calculated", row0 - first, col0, key)
        if key and row0 - first < n:
            bad[key][row0 - first] = True

    # Sections and names first: a name is looked up in its section's district.
    code_col = col_of.get("commune_code", col_of.get("commune"))
    if "commune_code" not in data:  # a table of names (read only with a register)
        data["commune_code"] = np.full(n, "", dtype=object)
        bad["commune_code"] = np.zeros(n, dtype=bool)
    sections = _sections(rows, header, catalog, data, has_data, register, problem)
    is_section = np.zeros(n, dtype=bool)
    is_section[[s.pos for s in sections]] = True
    under = rows_under(sections, n)
    said_district, district_cell = _written_districts(data, col_of, sections, under, register)
    unresolved: dict = {}
    named = np.zeros(n, dtype=bool)
    if register is not None and "commune" in data:
        coded = np.fromiter((bool(c) for c in data["commune_code"]), dtype=bool, count=n)
        scope = np.array([d if register.district(d) else "" for d in said_district],
                         dtype=object)
        unresolved = match_names(data["commune"], data["commune_code"], is_section, scope,
                                 register, data.get("commune_type"))
        named = ~coded & np.fromiter((bool(c) for c in data["commune_code"]), dtype=bool,
                                     count=n)

    # Classify rows: commune, total, blank, or rejected (data but no commune code).
    codes = data["commune_code"]
    code_given = np.fromiter((bool(c) for c in codes), dtype=bool, count=n)
    numeric_code = np.fromiter((c.isdigit() for c in codes), dtype=bool, count=n)
    district_col = "district_code" if "district_code" in data else (
        "district" if "district" in data else None)
    if district_col == "district":
        districts = _each_distinct(list(data["district"]), district_name_key)
    elif district_col:
        districts = np.array(data[district_col], dtype=object)
    else:
        districts = np.full(n, "", dtype=object)
    label_columns = _label_columns(header, catalog, ("commune_code", "commune", "district",
                                                     "province"))
    # a district's name → its key in ``districts`` (its code when codes are given);
    # each distinct (name, key) pair once, in the order of its first row
    name_to_key = {}
    if "district" in data:
        for name_, key_ in dict.fromkeys(zip(data["district"].tolist(), districts.tolist(),
                                             strict=True)):
            if name_ and key_:
                name_to_key.setdefault(district_name_key(name_), key_)
    commune_names = data.get("commune")
    totals: list[TotalRow] = []
    is_total = is_section.copy()  # a section row is a heading: counted with the totals
    for section in sections:
        name_to_key.setdefault(section.key, section.key)
        if has_data[section.pos]:  # figures on the heading row are the district's total
            totals.append(TotalRow(section.pos, DISTRICT, section.key, section.label))
    for i in np.flatnonzero(~numeric_code & has_data & ~is_section):
        written = row_label(rows[i], label_columns)[0]
        label = plain(written)
        kind = total_kind(label, set(name_to_key))
        district = name_to_key.get(district_name_key(label), "") if kind == DISTRICT else ""
        if kind != GRAND and districts[i] and not code_given[i] and (
                commune_names is None or not commune_names[i]
                or district_name_key(commune_names[i]) in name_to_key):
            kind, district = DISTRICT, districts[i]  # district cells filled, no commune
        if kind is None:
            continue
        is_total[i] = True
        totals.append(TotalRow(int(i), kind, str(district), written))
    used = code_given & ~is_total
    # an ambiguous name is a commune's even on a row without figures; an unknown one
    # there may be a note or a signature
    claimed = np.zeros(n, dtype=bool)
    claimed[[i for i, m in unresolved.items() if m.ambiguous]] = True
    blank = ~has_data & ~claimed & ~used & ~is_total
    rejected = (has_data | claimed) & ~used & ~is_total
    for i in np.flatnonzero(rejected):
        if int(i) in unresolved:
            report_unresolved(int(i), unresolved[int(i)], data["commune"][i], col_of["commune"],
                              problem)
        else:
            problem("missing_commune_code", int(i), code_col, "commune_code")
    if totals:
        scope_keys = _section_keys(sections, under) if sections else districts
        _check_totals(totals, used, rejected, scope_keys, data, catalog, col_of, problem,
                      [s.pos for s in sections])
    if sections:
        _section_districts(data, bad, sections, under)
    if register is not None:
        apply_register(used, data, bad, raw, col_of, named, said_district, district_cell,
                       register, problem)

    # a commune row that does not say its district or its year cannot be placed
    unplaced = _unplaced_rows(used, data, bad, col_of, problem, code_col)
    used &= ~unplaced
    _drop_blank_columns(used, data, bad, catalog)

    keep = used.copy()
    frame = frame_of({k: v[keep] for k, v in data.items()})
    excel_rows = first + np.flatnonzero(keep) + 1
    frame["_row"] = excel_rows
    position = np.cumsum(keep) - 1  # data row -> frame row
    invalid = [(int(position[i]), key) for key, mask in bad.items()
               for i in np.flatnonzero(mask & keep)]

    # One row per commune (and year) in a sheet: later duplicates are rejected.
    key_cols = ["commune_code", "year"] if "year" in frame else ["commune_code"]
    dup = frame.duplicated(key_cols, keep="first").to_numpy()
    for pos in np.flatnonzero(dup):
        row0 = int(excel_rows[pos]) - 1 - first
        problem("duplicate_commune", row0, code_col, "commune_code",
                frame["commune_code"].iat[pos], unit=frame["commune_code"].iat[pos])
    _blank_cells(frame, data, bad, keep, dup, catalog, col_of, first, problem)
    if dup.any():
        frame, invalid = _collapse_duplicates(frame, dup, key_cols, invalid)

    summary.rows_read += n
    summary.rows_blank += int(blank.sum())
    summary.rows_total += int(is_total.sum())
    summary.rows_rejected += int(rejected.sum()) + int(unplaced.sum()) + int(dup.sum())
    summary.rows_used += len(frame)
    summary.sheets_used.append(name)
    return _SheetPart(frame, sheet, header, col_of, invalid)


def _label_columns(header: HeaderMatch, catalog: ColumnCatalog,
                   keys: tuple[str, ...]) -> list[int]:
    """Columns that may hold a row's label: the unit columns ``keys``, and columns
    pcgd does not read ("STT", a label merged across) left of the first figure."""
    figures = [i for i, k in header.columns.items() if catalog.kind(k) not in ("code", "name")]
    edge = min(figures, default=1 << 30)
    mine = [i for i, k in header.columns.items() if k in keys]
    return sorted({*mine, *(i for i in header.unknown if i < edge)})


def _sections(rows: list[list[object]], header: HeaderMatch, catalog: ColumnCatalog,
              data: dict[str, np.ndarray], has_data: np.ndarray, register: Register | None,
              problem) -> list[Section]:
    """District section rows, where no commune row fills a district cell itself; each
    district the register does not know, or that has no code, is said.

    A heading with no row of figures under it opens nothing: the place-and-date
    line under a form ("Huyện Tam Đường, ngày 30 tháng 9 năm 2024") is not a
    district."""
    n = len(rows)
    unit_row = np.zeros(n, dtype=bool)
    for key in ("commune_code", "commune"):
        if key in data:
            unit_row |= np.fromiter((bool(v) for v in data[key]), dtype=bool, count=n)
    for key in ("district_code", "district"):
        if key in data and any(data[key][i] for i in np.flatnonzero(unit_row)):
            return []
    columns = _label_columns(header, catalog,
                             ("commune_code", "commune", "district_code", "district"))
    found = find_sections(rows, columns, register)
    ends = [s.pos for s in found[1:]] + [n]
    sections = [s for s, end in zip(found, ends[:len(found)], strict=True)
                if has_data[s.pos + 1:end].any()]
    for section in sections:
        if register is None:
            problem("district_code_unknown", section.pos, section.col, "district",
                    section.label, severity="warning")
        elif not section.code:
            closest = register.match_district(section.label).closest
            problem("district_not_in_register", section.pos, section.col, "district",
                    section.label, severity="warning",
                    params={"closest": ", ".join(closest) or "—",
                            "register": register.path.name})
    return sections


def _section_keys(sections: list[Section], under: np.ndarray) -> np.ndarray:
    return np.array([sections[k].key if k >= 0 else "" for k in under], dtype=object)


def _section_districts(data: dict[str, np.ndarray], bad: dict[str, np.ndarray],
                       sections: list[Section], under: np.ndarray) -> None:
    """Each row's district from the section above it: its name, and its code when
    the register gave one (without codes the name stands for it, as for a district
    column of names)."""
    n = len(under)
    data["district"] = np.array([sections[k].name if k >= 0 else "" for k in under],
                                dtype=object)
    bad["district"] = np.zeros(n, dtype=bool)
    if any(s.code for s in sections):
        data["district_code"] = np.array([sections[k].code if k >= 0 else "" for k in under],
                                         dtype=object)
        bad["district_code"] = np.zeros(n, dtype=bool)


def _written_districts(data: dict[str, np.ndarray], col_of: dict[str, int],
                       sections: list[Section], under: np.ndarray,
                       register: Register | None) -> tuple[np.ndarray, np.ndarray]:
    """The district code the sheet gives each row ("" when it gives none, or names a
    district the register does not know) and the (data row, column) saying it."""
    n = len(under)
    codes = np.full(n, "", dtype=object)
    cells = np.zeros((n, 2), dtype=np.int64)
    if sections:
        for i, k in enumerate(under):
            if k >= 0:
                codes[i] = sections[k].code
                cells[i] = (sections[k].pos, sections[k].col)
    elif "district_code" in data:
        codes[:] = data["district_code"]
        cells[:, 0], cells[:, 1] = np.arange(n), col_of.get("district_code", 0)
    elif "district" in data and register is not None:
        found = {name: register.match_district(name).district for name in set(data["district"])}
        codes[:] = [found[d].district_code if found[d] else "" for d in data["district"]]
        cells[:, 0], cells[:, 1] = np.arange(n), col_of.get("district", 0)
    return codes, cells


def _drop_blank_columns(used: np.ndarray, data: dict[str, np.ndarray],
                        bad: dict[str, np.ndarray], catalog: ColumnCatalog) -> None:
    """A column that only optional tests read (Circular 07 conditions, disabled
    access), blank in every commune row, is one the sheet does not fill in (pcgd's
    own template offers them): it is treated as absent, so those tests are "not
    checked" instead of making every commune "insufficient data"."""
    for key in list(data):
        if key not in catalog.optional_only:
            continue
        if not ((~np.isnan(data[key]) | bad[key]) & used).any():
            del data[key]


def _unplaced_rows(used: np.ndarray, data: dict[str, np.ndarray],
                   bad: dict[str, np.ndarray], col_of: dict[str, int], problem,
                   code_col: int | None = None) -> np.ndarray:
    """Commune rows rejected because the sheet has a district (or year) column and
    the row leaves it blank or invalid: such a row would otherwise be judged under an
    invisible district "" or as a period with no year.

    A district or year column blank in every commune row says nothing (the template
    offers "Năm" to be left blank for a single year): it is dropped from ``data``,
    as if the sheet did not have it."""
    n = len(used)
    for key in ("district_code", "district", "year"):
        if key not in data:
            continue
        given = (~np.isnan(data[key]) | bad[key]) if key == "year" else \
            np.fromiter((bool(v) for v in data[key]), dtype=bool, count=n)
        if not (given & used).any():
            del data[key]
    unplaced = np.zeros(n, dtype=bool)
    codes = data["commune_code"]
    # the district code when the sheet has one (a name then does not replace it),
    # else the district name (used as the code when no sheet has codes)
    district_key = "district_code" if "district_code" in data else (
        "district" if "district" in data else None)
    if district_key is not None:
        blank = np.fromiter((not d for d in data[district_key]), dtype=bool, count=n)
        for i in np.flatnonzero(used & blank):
            # a district from section rows has no column: the commune's cell is named
            problem("missing_district_code", int(i), col_of.get(district_key, code_col),
                    district_key, unit=codes[i])
        unplaced |= used & blank
    if "year" in data:
        no_year = used & np.isnan(data["year"])
        for i in np.flatnonzero(no_year & ~bad["year"]):  # invalid: bad_year already said
            problem("missing_year", int(i), col_of["year"], "year", unit=codes[i])
        unplaced |= no_year
    return unplaced


def _blank_cells(frame: pd.DataFrame, data: dict[str, np.ndarray],
                 bad: dict[str, np.ndarray], keep: np.ndarray, dup: np.ndarray,
                 catalog: ColumnCatalog, col_of: dict[str, int], first: int,
                 problem) -> None:
    """A warning for each blank cell of a count or yes/no column in a commune row:
    the commune is "insufficient data" for what the column feeds, and should be told
    why. Not for columns whose blank means 0 (excluded) or "no" (ĐBKK)."""
    excel_rows = frame["_row"].to_numpy()
    for key, values in data.items():
        kind = catalog.kind(key)
        if kind not in ("count", "yesno") or key in catalog.zero_when_blank:
            continue
        blank = (np.isnan(values) & ~bad[key])[keep] & ~dup
        for pos in np.flatnonzero(blank):
            problem("missing_value", int(excel_rows[pos]) - 1 - first, col_of[key], key,
                    severity="warning", unit=frame["commune_code"].iat[pos])


def _collapse_duplicates(frame: pd.DataFrame, dup: np.ndarray, key_cols: list[str],
                         invalid: list[tuple[int, str]]
                         ) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """A commune written on several rows of a sheet keeps its first row, but which
    of two different figures is right is unknown: a value column that differs
    between the rows becomes missing (and in error) in the kept row, as between
    sheets. Identical rows lose nothing. Returns the table without the later rows
    and the cells in error, renumbered."""
    frame = frame.copy()
    rows = np.flatnonzero(frame.duplicated(key_cols, keep=False).to_numpy())
    group = frame.iloc[rows].groupby(key_cols, sort=False, dropna=False).ngroup().to_numpy()
    first_of = rows[~dup[rows]]  # groups are numbered in order of their first row
    kept = dict(zip(rows.tolist(), first_of[group].tolist(), strict=True))
    # a cell in error in any of the rows is in error in the kept one
    bad = {(kept.get(p, p), k) for p, k in invalid}
    value_cols = [c for c in frame.columns if c not in (*UNIT_KEYS, "_row")]
    differs = frame.iloc[rows].groupby(group)[value_cols].nunique(dropna=False) > 1
    for col in value_cols:
        positions = first_of[np.flatnonzero(differs[col].to_numpy())]
        if len(positions):
            frame.iloc[positions, frame.columns.get_loc(col)] = np.nan
            bad.update((int(p), col) for p in positions)
    new_pos = np.cumsum(~dup) - 1
    invalid = sorted((int(new_pos[p]), k) for p, k in bad)
    return frame[~dup].reset_index(drop=True), invalid


def _check_totals(totals: list[TotalRow], used: np.ndarray, rejected: np.ndarray,
                  districts: np.ndarray, data: dict[str, np.ndarray], catalog: ColumnCatalog,
                  col_of: dict[str, int], problem, starts: list[int] | None = None) -> None:
    """A warning for each total-row cell that differs from the sum of its rows.

    A total over a rejected row (a name not found, no code) is not checked: it
    would differ by that row's figures, and the row's own error says why."""
    count_keys = [k for k in data if k in col_of and catalog.kind(k) == "count"]
    for tr, mask in zip(totals, scopes(totals, used | rejected, districts, starts),
                        strict=True):
        if (mask & rejected).any():
            continue
        rows = np.flatnonzero(mask)
        for key in count_keys:
            found = mismatch(data[key][tr.pos], data[key], rows)
            if found is not None:
                problem("total_row_mismatch", tr.pos, col_of[key], key, found[0],
                        severity="warning", unit=tr.label, extra=str(found[1]))


def _merge(parts: list[_SheetPart], findings: list[Finding]
           ) -> tuple[pd.DataFrame, set[tuple[int, str]]]:
    """Join sheets on commune code (and year): columns side by side, rows stacked.

    Returns the table and the (row, column) cells made missing by an error."""
    frames = []
    for order, part in enumerate(parts):
        f = part.frame.copy(deep=False)  # columns added, none written into
        f["_part"] = order
        f["_pos"] = np.arange(len(f))
        frames.append(f)
    stacked = pd.concat(frames, ignore_index=True, sort=False)
    key_cols = ["commune_code", "year"] if "year" in stacked else ["commune_code"]
    if "year" in stacked:
        stacked["year"] = stacked["year"].astype(float)
    invalid_by_part = [((o, p), k) for o, part in enumerate(parts) for p, k in part.invalid]
    if not stacked.duplicated(key_cols).any():
        # the parts are stacked in order: a part's row p is row start + p of the whole
        starts = np.cumsum([0, *(len(part.frame) for part in parts)]).tolist()
        invalid = {(starts[o] + p, k) for o, part in enumerate(parts) for p, k in part.invalid}
        return stacked.drop(columns=["_part", "_pos"]), invalid
    value_cols = [c for c in stacked.columns if c not in (*key_cols, "_row", "_part", "_pos")]
    group_id = stacked.groupby(key_cols, sort=False, dropna=False).ngroup().to_numpy()
    grouped = stacked.groupby(group_id, sort=False)
    counts = grouped[value_cols].nunique(dropna=True)
    merged = grouped.first()
    merged = merged.reset_index(drop=True)
    stacked_row = {(o, p): i for i, (o, p) in enumerate(zip(stacked["_part"], stacked["_pos"],
                                                             strict=True))}
    invalid = {(int(group_id[stacked_row[op]]), k) for op, k in invalid_by_part}
    for col in value_cols:
        for g in counts.index[counts[col] > 1]:
            members = stacked.loc[group_id == g]
            values = members[col].dropna().unique()
            second = members.iloc[-1]
            part = parts[int(second["_part"])]
            # a commune under two districts is the conflict users most need named
            code = "commune_two_parents" if col == "district_code" else "conflicting_value"
            col0 = part.col_of.get(col)
            row0 = int(second["_row"]) - 1
            findings.append(Finding("error", code, str(part.source.file), part.source.name,
                                    cell_ref(row0, col0) if col0 is not None else "", row0 + 1,
                                    col, " ≠ ".join(map(str, values)),
                                    unit=str(second["commune_code"])))
            if col not in UNIT_KEYS:
                # which of two values is right is unknown: neither is used
                merged.loc[int(g), col] = np.nan
                invalid.add((int(g), col))
    return merged.drop(columns=["_part", "_pos"], errors="ignore"), invalid


def _sheet_findings(sheet: RawSheet, header: HeaderMatch, catalog: ColumnCatalog,
                    findings: list[Finding]) -> None:
    file = str(sheet.file)
    header_cell_row = header.first_data_row - 1 - (header.numbering_row is not None)
    for i, text in header.unknown.items():
        cell = cell_ref(header_cell_row, i)
        other = catalog.declared_elsewhere(text)
        if other is not None:  # a known column of a rule set not in use: no alarm
            findings.append(Finding("info", "column_not_in_use", file, sheet.name, cell,
                                    header_cell_row + 1, other[0], text, extra=other[1],
                                    params={"option": other[2]}))
        elif normalise_header(text) not in IGNORED_HEADERS:
            # the column a mistyped header most likely meant, named by its key
            guess = catalog.closest(text)
            findings.append(Finding("warning", "unknown_column", file, sheet.name, cell,
                                    header_cell_row + 1, "", text,
                                    params={"closest_key": guess} if guess else {}))
    for i, key in header.duplicates:
        findings.append(Finding("error", "duplicate_column", file, sheet.name,
                                cell_ref(header_cell_row, i), header_cell_row + 1, key))
    if sheet.hidden_rows:
        shown = [r + 1 for r in sheet.hidden_rows[:HIDDEN_ROWS_LISTED]]
        more = len(sheet.hidden_rows) - len(shown)
        value = ", ".join(map(str, shown)) + (f" (+{more})" if more > 0 else "")
        findings.append(Finding("info", "hidden_rows", file, sheet.name,
                                cell_ref(sheet.hidden_rows[0], 0), sheet.hidden_rows[0] + 1,
                                value=value, extra=str(len(sheet.hidden_rows))))


def build_unit_table(sheets: list[RawSheet], catalog: ColumnCatalog,
                     summaries: dict[Path, InputSummary],
                     selected: list[str] | None = None,
                     register: Register | None = None) -> Reading:
    """``selected``: sheet names to read (``--sheet``); hidden sheets are read only so.
    ``register`` (``--units``): communes may then be named instead of coded."""
    required = ("commune_code", "commune") if register is not None else ("commune_code",)
    findings: list[Finding] = []
    parts: list[_SheetPart] = []
    wanted = {normalise_header(s) for s in selected or []}
    for sheet in sheets:
        named = normalise_header(sheet.name) in wanted
        if wanted and not named:
            continue
        if sheet.hidden and not named:
            findings.append(Finding("info", "hidden_sheet", str(sheet.file), sheet.name,
                                    value=sheet.name))
            continue
        if sheet.far_cell is not None:
            row0, col0 = sheet.far_cell
            findings.append(Finding("error", "sheet_too_large", str(sheet.file), sheet.name,
                                    cell_ref(row0, col0), row0 + 1))
            continue
        header = find_header(sheet.rows, catalog, sheet.merges, required)
        if header is None:
            # only a sheet holding figures can be a data sheet whose header we missed;
            # notes, cover pages and pcgd's own template instructions are text only
            if _holds_numbers(sheet.rows[:50]):
                findings.append(Finding("warning", "no_header", str(sheet.file), sheet.name,
                                        params={"looked_for": ",".join(required)}))
            continue
        _sheet_findings(sheet, header, catalog, findings)
        parts.append(_sheet_part(sheet, header, catalog, summaries[sheet.file], findings,
                                 register))
    parts = _reject_unplaced(parts, findings, summaries)
    present = set().union(*(p.frame.columns for p in parts)) if parts else set()
    present -= {"_row", "_part", "_pos"}
    invalid: set[tuple[int, str]] = set()
    if not parts:
        frame = pd.DataFrame({k: [] for k in UNIT_KEYS})
    else:
        frame, invalid = _merge(parts, findings)
    frame = _fill_units(frame, invalid)
    locator = SheetLocator(parts, frame["commune_code"].tolist(), frame["year"].tolist())
    table = CountTable.from_frame(frame, present,
                                  has_districts=bool({"district_code", "district"} & present),
                                  invalid=invalid, locator=locator)
    return Reading(table, findings, list(summaries.values()))


def _reject_unplaced(parts: list[_SheetPart], findings: list[Finding],
                     summaries: dict[Path, InputSummary]) -> list[_SheetPart]:
    """A commune found only in sheets without district columns, while other sheets
    have them, has no district: an error at its row, and the row is rejected, as a row
    whose district cell is empty is (rather than a district with no code or name)."""
    district_keys = {"district_code", "district"}
    placed_parts = [p for p in parts if district_keys & set(p.frame.columns)]
    if not placed_parts or len(placed_parts) == len(parts):
        return parts

    def keys(part: _SheetPart) -> list[tuple[str, object]]:
        years = part.frame["year"].tolist() if "year" in part.frame else [None] * len(part.frame)
        return list(zip(part.frame["commune_code"].tolist(), map(_year_key, years),
                        strict=True))

    placed = {key for part in placed_parts for key in keys(part)}
    placed_codes = {code for code, _ in placed}
    out = []
    for part in parts:
        if district_keys & set(part.frame.columns):
            out.append(part)
            continue
        # a sheet without years matches the commune in any year of the other sheets
        orphan = np.array([(code, year) not in placed if year is not None
                           else code not in placed_codes for code, year in keys(part)],
                          dtype=bool)
        if not orphan.any():
            out.append(part)
            continue
        col0 = part.col_of.get("commune_code", part.col_of.get("commune", 0))
        for pos in np.flatnonzero(orphan).tolist():
            row0 = int(part.frame["_row"].iat[pos]) - 1
            code = str(part.frame["commune_code"].iat[pos])
            findings.append(Finding("error", "commune_without_district", str(part.source.file),
                                    part.source.name, cell_ref(row0, col0), row0 + 1,
                                    "commune_code", code, unit=code))
        keep = ~orphan
        position = np.cumsum(keep) - 1
        summary = summaries[part.source.file]
        summary.rows_used -= int(orphan.sum())
        summary.rows_rejected += int(orphan.sum())
        out.append(_SheetPart(part.frame[keep].reset_index(drop=True), part.source, part.header,
                              part.col_of, [(int(position[pos]), key) for pos, key in part.invalid
                                            if keep[pos]]))
    return out


def _holds_numbers(rows: list[list[object]]) -> bool:
    return any(
        (isinstance(c, int | float) and not isinstance(c, bool))
        or (isinstance(c, str) and c.strip() and parse_number_text(c) is not None)
        for row in rows for c in row)


def _fill_units(frame: pd.DataFrame, invalid: set[tuple[int, str]]) -> pd.DataFrame:
    """Unit columns the file lacks: one province, no districts, one period.

    The ĐBKK flag stays 1.0 / 0.0 / NaN: NaN is a flag in error or in conflict
    (unknown, never "not ĐBKK"); a commune from sheets without the column is 0."""
    # columns are replaced or added, never written into: the caller's frame keeps its
    # own (a deep copy of the national table took 30 ms)
    frame = frame.copy(deep=False)
    for code, name in (("province_code", "province"), ("district_code", "district")):
        if code not in frame and name in frame:
            frame[code] = frame[name]
        if code not in frame:
            frame[code] = ""
        if name not in frame:
            frame[name] = frame[code]
        frame[code] = text_column(frame[code])
        frame[name] = text_column(frame[name])
    if "commune" not in frame:
        frame["commune"] = frame["commune_code"]
    if "year" not in frame:
        frame["year"] = np.nan
    frame = frame.reset_index(drop=True)
    if "disadvantaged" not in frame:
        frame["disadvantaged"] = 0.0
    flags = frame["disadvantaged"].to_numpy(dtype=float, na_value=np.nan, copy=True)
    unknown = np.zeros(len(frame), dtype=bool)
    unknown[[row for row, key in invalid if key == "disadvantaged"]] = True
    flags[np.isnan(flags) & ~unknown] = 0.0
    frame["disadvantaged"] = flags
    return frame

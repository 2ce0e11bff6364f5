"""Build the one commune table the engine evaluates, from every sheet of every file.

Rows are accounted for: each data row below a header is used as a commune,
recognised as a total row, blank, or rejected with a finding; the numbers add
up to the rows read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.reading.workbook import RawSheet
from pcgd_cli.validation.catalog import ColumnCatalog, normalise_header
from pcgd_cli.validation.headers import HeaderMatch, find_header
from pcgd_cli.validation.values import (
    parse_code,
    parse_counts,
    parse_flags,
    parse_name,
    parse_years,
)

UNIT_KEYS = ("year", "province_code", "province", "district_code", "district",
             "commune_code", "commune")
# Row labels of total and subtotal rows in the forms ("Cộng", "Tổng cộng", "Toàn huyện").
_TOTAL_ROW = re.compile(r"^(tongcong|cong|tong|tongso|toan(huyen|tinh|xa|thanhpho|thixa))")
# Headers that forms carry but that hold no data pcgd needs.
IGNORED_HEADERS = {"stt", "tt", "sott", "ghichu", "ghichu1"}


@dataclass
class InputSummary:
    path: Path
    sha256: str = ""
    rows_read: int = 0
    rows_used: int = 0
    rows_total: int = 0
    rows_blank: int = 0
    rows_rejected: int = 0
    sheets_used: list[str] = field(default_factory=list)


@dataclass
class UnitTable:
    """One row per commune (per year); counts as floats, NaN where missing or invalid."""

    frame: pd.DataFrame
    columns_present: set[str]
    findings: list[Finding]
    inputs: list[InputSummary]
    has_districts: bool
    has_years: bool
    # where each column of each row came from, for findings raised later
    cell_of: dict[tuple[int, str], tuple[str, str, str]] = field(default_factory=dict)


@dataclass
class _SheetPart:
    frame: pd.DataFrame
    source: RawSheet
    header: HeaderMatch
    excel_rows: np.ndarray


def _column(rows: list[list[object]], index: int) -> list[object]:
    return [row[index] if index < len(row) else "" for row in rows]


def _sheet_part(sheet: RawSheet, header: HeaderMatch, catalog: ColumnCatalog,
                summary: InputSummary, findings: list[Finding]) -> _SheetPart:
    rows = sheet.rows[header.first_data_row:]
    file, name = str(sheet.file), sheet.name

    def problem(code: str, row0: int, col0: int | None, key: str = "", value: object = "",
                severity: str = "error", unit: str = "") -> None:
        excel_row = header.first_data_row + row0
        cell = cell_ref(excel_row, col0) if col0 is not None else ""
        findings.append(Finding(severity, code, file, name, cell, excel_row + 1, key,
                                str(value), unit))

    raw = {key: _column(rows, i) for i, key in header.columns.items()}
    col_of = {key: i for i, key in header.columns.items()}
    n = len(rows)
    data: dict[str, object] = {}
    bad = {key: np.zeros(n, dtype=bool) for key in raw}
    for key, cells in raw.items():
        kind = catalog.kind(key)
        if kind == "count":
            values, problems = parse_counts(cells)
        elif kind in ("flag", "yesno"):
            values, problems = parse_flags(cells, blank_is_no=kind == "flag")
        elif kind == "year":
            values, problems = parse_years(cells)
        elif kind == "code":
            width = catalog.columns[key].width
            values, problems = np.array([parse_code(c, width) for c in cells], dtype=object), []
        else:
            values, problems = np.array([parse_name(c) for c in cells], dtype=object), []
        data[key] = values
        for pos, code, value in problems:
            bad[key][pos] = True
            problem(code, pos, col_of[key], key, value)

    # Classify rows: blank, total, rejected (no commune code), or commune.
    present = np.zeros(n, dtype=bool)
    for cells in raw.values():
        present |= np.array([c is not None and str(c).strip() != "" for c in cells], dtype=bool)
    codes = data["commune_code"]
    label_keys = [k for k in ("commune_code", "commune", "district", "province") if k in raw]
    labels = [" ".join(str(raw[k][i]) for k in label_keys) for i in range(n)] if n else []
    is_total = np.array([bool(_TOTAL_ROW.match(normalise_header(x))) for x in labels], dtype=bool)
    has_code = np.array([bool(c) for c in codes], dtype=bool) & ~is_total
    blank = ~present
    total = present & is_total
    rejected = present & ~is_total & ~has_code
    for i in np.flatnonzero(rejected):
        problem("missing_commune_code", int(i), col_of["commune_code"], "commune_code")

    keep = has_code.copy()
    frame = pd.DataFrame({k: v[keep] if isinstance(v, np.ndarray) else v for k, v in data.items()})
    excel_rows = header.first_data_row + np.flatnonzero(keep) + 1
    frame["_row"] = excel_rows

    # One row per commune (and year) in a sheet: later duplicates are rejected.
    key_cols = ["commune_code", "year"] if "year" in frame else ["commune_code"]
    dup = frame.duplicated(key_cols, keep="first").to_numpy()
    for pos in np.flatnonzero(dup):
        row0 = int(excel_rows[pos]) - 1 - header.first_data_row
        problem("duplicate_commune", row0, col_of["commune_code"], "commune_code",
                frame["commune_code"].iat[pos], unit=frame["commune_code"].iat[pos])
    frame = frame[~dup].reset_index(drop=True)

    summary.rows_read += n
    summary.rows_blank += int(blank.sum())
    summary.rows_total += int(total.sum())
    summary.rows_rejected += int(rejected.sum()) + int(dup.sum())
    summary.rows_used += len(frame)
    summary.sheets_used.append(name)
    return _SheetPart(frame, sheet, header, frame["_row"].to_numpy())


def _merge(parts: list[_SheetPart], findings: list[Finding]) -> pd.DataFrame:
    """Join sheets on commune code (and year): columns side by side, rows stacked."""
    frames = []
    for order, part in enumerate(parts):
        f = part.frame.copy()
        f["_part"] = order
        frames.append(f)
    stacked = pd.concat(frames, ignore_index=True, sort=False)
    key_cols = ["commune_code", "year"] if "year" in stacked else ["commune_code"]
    if "year" in stacked:
        stacked["year"] = stacked["year"].astype(float)
    if not stacked.duplicated(key_cols).any():
        return stacked
    value_cols = [c for c in stacked.columns if c not in (*key_cols, "_row", "_part")]
    grouped = stacked.groupby(key_cols, sort=False, dropna=False)
    counts = grouped[value_cols].nunique(dropna=True)
    for col in value_cols:
        for key in counts.index[counts[col] > 1]:
            key_t = key if isinstance(key, tuple) else (key,)
            mask = np.ones(len(stacked), dtype=bool)
            for kc, kv in zip(key_cols, key_t, strict=True):
                mask &= (stacked[kc] == kv).to_numpy() | (stacked[kc].isna().to_numpy()
                                                         & pd.isna(kv))
            values = stacked.loc[mask, col].dropna().unique()
            second = stacked.loc[mask].iloc[-1]
            part = parts[int(second["_part"])]
            # a commune under two districts is the conflict users most need named
            code = "commune_two_parents" if col == "district_code" else "conflicting_value"
            findings.append(Finding("error", code, str(part.source.file),
                                    part.source.name, "", int(second["_row"]), col,
                                    " ≠ ".join(map(str, values)), unit=str(key_t[0])))
    merged = grouped.first().reset_index()
    return merged


def build_unit_table(sheets: list[RawSheet], catalog: ColumnCatalog,
                     summaries: dict[Path, InputSummary]) -> UnitTable:
    findings: list[Finding] = []
    parts: list[_SheetPart] = []
    for sheet in sheets:
        if sheet.hidden:
            continue
        header = find_header(sheet.rows, catalog)
        if header is None:
            if any(str(c).strip() for row in sheet.rows[:50] for c in row):
                findings.append(Finding("warning", "no_header", str(sheet.file), sheet.name))
            continue
        for i, text in header.unknown.items():
            other = catalog.declared_elsewhere(text)
            if other is not None:  # a known column of a rule set not in use: no alarm
                findings.append(Finding("info", "column_not_in_use", str(sheet.file), sheet.name,
                                        cell_ref(header.first_data_row - 1, i), None, other[0],
                                        text, extra=other[1], params={"option": other[2]}))
            elif normalise_header(text) not in IGNORED_HEADERS:
                findings.append(Finding("warning", "unknown_column", str(sheet.file), sheet.name,
                                        cell_ref(header.first_data_row - 1, i), None, "", text))
        for i, key in header.duplicates:
            findings.append(Finding("error", "duplicate_column", str(sheet.file), sheet.name,
                                    cell_ref(header.first_data_row - 1, i), None, key))
        parts.append(_sheet_part(sheet, header, catalog, summaries[sheet.file], findings))
    present = set().union(*(p.frame.columns for p in parts)) if parts else set()
    present -= {"_row", "_part"}
    if not parts:
        frame = pd.DataFrame({k: [] for k in UNIT_KEYS})
    else:
        frame = _merge(parts, findings)
    frame = _fill_units(frame)
    cell_of: dict[tuple[int, str], tuple[str, str, str]] = {}
    return UnitTable(frame, present, findings, list(summaries.values()),
                     has_districts=bool({"district_code", "district"} & present),
                     has_years="year" in present, cell_of=cell_of)


def _fill_units(frame: pd.DataFrame) -> pd.DataFrame:
    """Unit columns the file lacks: one province, no districts, one period."""
    frame = frame.copy()
    for code, name in (("province_code", "province"), ("district_code", "district")):
        if code not in frame and name in frame:
            frame[code] = frame[name]
        if code not in frame:
            frame[code] = ""
        if name not in frame:
            frame[name] = frame[code]
        frame[code] = frame[code].fillna("").astype(str)
        frame[name] = frame[name].fillna("").astype(str)
    if "commune" not in frame:
        frame["commune"] = frame["commune_code"]
    if "year" not in frame:
        frame["year"] = np.nan
    if "disadvantaged" not in frame:
        frame["disadvantaged"] = 0.0
    frame["disadvantaged"] = frame["disadvantaged"].fillna(0.0).astype(bool)
    return frame.reset_index(drop=True)

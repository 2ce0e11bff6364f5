"""Multi-commune exports (CSV, Parquet): read by DuckDB where they lie, streaming.

The header may hold keys or Vietnamese labels; codes lose no leading zero
(``3394`` → ``03394``); every value arrives trimmed and in Unicode NFC, like
workbook cells. ``_row`` is the Parquet record number; a CSV file's rows are
left unnumbered (a row number would make DuckDB read the file on one core): the
counting keeps them in input order, and a record's line is its position + 2
(the header is line 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.persons.expressions import quote
from pcgd_cli.validation.catalog import ColumnCatalog

EXPORT_SUFFIXES = (".csv", ".parquet")
# rows looked at to tell whether a file's text is already NFC (one system writes a file
# one way); normalising every cell costs more than reading the file
NFC_SAMPLE_ROWS = 20000


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def scan_sql(path: Path) -> str:
    if path.suffix.lower() == ".parquet":
        return f"read_parquet({_literal(str(path))}, file_row_number = true)"
    return (f"read_csv({_literal(str(path))}, all_varchar = true, header = true, "
            "null_padding = true)")


def sniffed_scan(con, path: Path) -> str:
    """``scan_sql`` with the CSV dialect DuckDB detects written out (its own ``sniff_csv``
    prompt): the file is sniffed once, not at every statement that reads it (70 ms a time
    on 2 million rows, five times a run)."""
    scan = scan_sql(path)
    if path.suffix.lower() == ".parquet":
        return scan
    prompt = con.execute(f"SELECT Prompt FROM sniff_csv({scan[len('read_csv('):]}").fetchone()
    text = (prompt[0] if prompt else "").strip().rstrip(";")
    return text[len("FROM "):] if text.startswith("FROM read_csv(") else scan


@dataclass
class ExportLayout:
    path: Path
    names: list[str]  # the file's column names, in order
    scan: str  # the table function that reads the file
    columns: dict[str, int] = field(default_factory=dict)  # key -> column index
    findings: list[Finding] = field(default_factory=list)
    normalise: bool = True  # some text is not in Unicode NFC: normalise every cell
    # a commune column of names without codes: name as read -> the register's code
    commune_codes: dict[str, str] | None = None

    @property
    def sheet(self) -> str:
        return self.path.stem

    @property
    def first_row(self) -> int | None:
        """The line of the first record, where records are not numbered (CSV)."""
        return None if self.path.suffix.lower() == ".parquet" else 2


def export_layout(con, path: Path, catalog: ColumnCatalog) -> ExportLayout:
    try:
        scan = sniffed_scan(con, path)
        described = con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()
    except Exception as exc:  # DuckDB raises several types for unreadable files
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise PcgdError("export_unreadable", path=path, error=first) from None
    names = [row[0] for row in described if row[0] != "file_row_number"]
    layout = ExportLayout(path, names, scan)
    for i, name in enumerate(names):
        key = catalog.match(name)
        if key is None:
            layout.findings.append(Finding("info", "person_unknown_column", str(path),
                                           layout.sheet, cell_ref(0, i), 1, value=name))
        elif key in layout.columns:
            layout.findings.append(Finding("warning", "person_duplicate_column", str(path),
                                           layout.sheet, cell_ref(0, i), 1, column=key))
        else:
            layout.columns[key] = i
    layout.normalise = _needs_nfc(con, layout)
    return layout


def _needs_nfc(con, layout: ExportLayout) -> bool:
    """Whether the first rows hold text not in NFC (decomposed accents, say)."""
    if not layout.columns:
        return False
    cells = [f"CAST({quote(layout.names[i])} AS VARCHAR)" for i in layout.columns.values()]
    differs = " OR ".join(f"{c} <> nfc_normalize({c})" for c in cells)
    found = con.execute(f"SELECT COUNT(*) FROM (SELECT * FROM {layout.scan} "
                        f"LIMIT {NFC_SAMPLE_ROWS}) AS head WHERE {differs}").fetchone()
    return bool(found and found[0])


def _value(column: str, width: int | None, normalise: bool, csv: bool) -> str:
    text = f"CAST({quote(column)} AS VARCHAR)"
    if normalise:
        text = f"nfc_normalize({text})"
    # TRIM costs on every cell of every row; most cells have no space to remove. DuckDB
    # reads an empty CSV field, quoted or not, as NULL: only a Parquet text may be ''
    as_is = text if csv else f"NULLIF({text}, '')"
    cell = (f"CASE WHEN {text} LIKE ' %' OR {text} LIKE '% ' THEN NULLIF(TRIM({text}), '') "
            f"ELSE {as_is} END")
    if width:
        # a code read as a number lost its leading zeros (one already as wide is as is)
        return (f"CASE WHEN length({cell}) <> {width} AND regexp_full_match({cell}, '[0-9]+') "
                f"THEN lpad({cell}, {width}, '0') ELSE {cell} END")
    return cell


def export_select(layout: ExportLayout, file_id: int, keys: list[str],
                  widths: dict[str, int | None], fixed: dict[str, str],
                  numbered: bool = False) -> str:
    """SELECT of every key (NULL when absent; ``fixed`` values override) and provenance.
    ``numbered``: a CSV file's rows numbered while read (on one core), for when the
    counting cannot keep the input order (see ``PersonStore.count``)."""
    cols = []
    for key in keys:
        if key == "commune_code" and layout.commune_codes is not None and key not in fixed:
            cols.append(f"{_names_to_codes(layout, widths)} AS {quote(key)}")
        elif key in fixed:
            cols.append(f"{_literal(fixed[key])} AS {quote(key)}")
        elif key in layout.columns:
            value = _value(layout.names[layout.columns[key]], widths.get(key),
                           layout.normalise, layout.first_row is not None)
            cols.append(f"{value} AS {quote(key)}")
        else:
            cols.append(f"CAST(NULL AS VARCHAR) AS {quote(key)}")
    if layout.path.suffix.lower() == ".parquet":
        row = "file_row_number + 1"
    elif numbered:
        row = "ROW_NUMBER() OVER () + 1"  # streaming: DuckDB numbers rows in file order
    else:
        row = "CAST(NULL AS BIGINT)"  # the input order numbers them (see the module)
    cols += [f"{file_id} AS _file", f"{_literal(layout.sheet)} AS _sheet", f"{row} AS _row"]
    return f"SELECT {', '.join(cols)} FROM {layout.scan}"


def _row_number(layout: ExportLayout) -> str:
    """A record's row: the Parquet record number, or the CSV line (numbered as read)."""
    if layout.path.suffix.lower() == ".parquet":
        return "file_row_number + 1"
    return "ROW_NUMBER() OVER () + 1"


def _names_to_codes(layout: ExportLayout, widths: dict[str, int | None]) -> str:
    """The commune code of each row from its name: a CASE over the names the file holds
    (a join would not keep the input order the counting relies on). A name the register
    does not know, or knows twice, gives no code: the row is rejected, as without one."""
    cell = _value(layout.names[layout.columns["commune"]], None, layout.normalise,
                  layout.first_row is not None)
    if not layout.commune_codes:
        return "CAST(NULL AS VARCHAR)"
    branches = " ".join(f"WHEN {_literal(name)} THEN {_literal(code)}"
                        for name, code in layout.commune_codes.items())
    return f"CASE {cell} {branches} END"


def match_commune_names(con, layout: ExportLayout, register) -> list[Finding]:
    """An export naming its communes (a ``commune`` column, no ``commune_code``): each
    name found in the register of units ("communes matched by code or by name"). A name
    it does not know, or that fits several communes, is an error at the first cell
    holding it, with how many rows hold it; those rows get no code."""
    column = layout.columns["commune"]
    cell = _value(layout.names[column], None, layout.normalise, layout.first_row is not None)
    names = con.execute(
        f"SELECT name, MIN(line) AS first, COUNT(*) AS n FROM (SELECT {cell} AS name, "
        f"{_row_number(layout)} AS line FROM {layout.scan}) AS named "
        "WHERE name IS NOT NULL GROUP BY name ORDER BY first").fetchall()
    layout.commune_codes = {}
    findings = []
    for name, first, n in names:
        match = register.match_name(name)
        if match.unit is not None:
            layout.commune_codes[name] = match.unit.commune_code
            continue
        where = (str(layout.path), layout.sheet, cell_ref(int(first) - 1, column), int(first),
                 "commune", name)
        if match.ambiguous:
            listed = ", ".join(f"{u.commune_code} {u.label} ({u.district})"
                               for u in match.candidates)
            findings.append(Finding("error", "person_commune_name_ambiguous", *where,
                                    params={"rows": str(n), "candidates": listed}))
        else:
            near = ", ".join(match.closest)
            findings.append(Finding("error", "person_commune_name_unknown", *where,
                                    params={"rows": str(n), "closest": near or "-"}))
    return findings

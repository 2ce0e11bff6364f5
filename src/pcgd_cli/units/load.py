"""Read a register of units from a CSV file or a workbook.

The header row may be anywhere in the first rows, under a title, and name its
columns by key or by the Vietnamese labels of ``rules/units.yaml`` ("Mã xã",
"Tên xã", "Xã ĐBKK" …). Every mistake is collected and said at once, each with
its line, because a register that is wrong in one row would silently misplace
a commune or give it the wrong ĐBKK threshold.
"""

from __future__ import annotations

from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.i18n import t
from pcgd_cli.rules.loader import unit_columns
from pcgd_cli.units.names import words
from pcgd_cli.units.register import Register, RegisteredUnit, normal_type, type_from_name
from pcgd_cli.validation.catalog import ColumnCatalog
from pcgd_cli.validation.headers import find_header
from pcgd_cli.validation.values import parse_code, parse_flags, parse_name

PROBLEMS_SHOWN = 5
_TEXT_KEYS = ("province_code", "province", "district_code", "district", "commune_code",
              "commune", "commune_type", "disadvantaged")


def load_register(path: Path, lang: str = "vi") -> Register:
    """The register in ``path``; a PcgdError naming the file and each bad line."""
    from pcgd_cli.reading import read_file

    catalog = ColumnCatalog({k: v for k, v in unit_columns().items() if k in _TEXT_KEYS})
    for sheet in read_file(path, lang):
        header = find_header(sheet.rows, catalog, sheet.merges)
        if header is not None:
            break
    else:
        raise PcgdError(t("register_no_header", lang, path=path), t("register_hint", lang))
    keys = set(header.columns.values())
    if "commune" not in keys:
        raise PcgdError(t("register_no_names", lang, path=path), t("register_hint", lang))
    if "district" in keys and "district_code" not in keys:
        raise PcgdError(t("register_no_district_codes", lang, path=path),
                        t("register_hint", lang))
    reader = _Rows(catalog, header.columns, "disadvantaged" in keys, lang)
    for r in range(header.first_data_row, len(sheet.rows)):
        reader.add(sheet.rows[r], r + 1)
    if reader.problems:
        shown = "; ".join(reader.problems[:PROBLEMS_SHOWN])
        more = len(reader.problems) - PROBLEMS_SHOWN
        if more > 0:
            shown += t("and_more", lang, n=more)
        raise PcgdError(t("register_problems", lang, path=path, problems=shown),
                        t("register_problems_hint", lang))
    if not reader.units:
        raise PcgdError(t("register_empty", lang, path=path), t("register_hint", lang))
    return Register(path, tuple(reader.units), has_flags="disadvantaged" in keys,
                    code_width=catalog.columns["commune_code"].width)


class _Rows:
    """Checks the register's rows one by one and keeps the good units."""

    def __init__(self, catalog: ColumnCatalog, columns: dict[int, str], has_flags: bool,
                 lang: str):
        self.catalog = catalog
        self.columns = columns
        self.has_flags = has_flags
        self.lang = lang
        self.units: list[RegisteredUnit] = []
        self.problems: list[str] = []
        self.line_of_code: dict[str, int] = {}
        self.district_names: dict[str, tuple[str, int]] = {}

    def problem(self, line: int, key: str, **values: object) -> None:
        self.problems.append(t("register_line", self.lang, line=line,
                               what=t(key, self.lang, **values)))

    def cells(self, row: list[object]) -> dict[str, object]:
        out = {}
        for i, key in self.columns.items():
            cell = row[i] if i < len(row) else ""
            spec = self.catalog.columns[key]
            if spec.kind == "code":
                out[key] = parse_code(cell, spec.width)
            elif spec.kind == "flag":
                out[key] = cell
            else:
                out[key] = parse_name(cell)
        return out

    def add(self, row: list[object], line: int) -> None:
        cells = self.cells(row)
        if not any(str(v).strip() for v in cells.values()):
            return  # blank lines under or inside the list
        code, name = str(cells.get("commune_code", "")), str(cells.get("commune", ""))
        before = len(self.problems)
        if not code:
            self.problem(line, "register_no_code")
        elif not code.isdigit():
            self.problem(line, "register_bad_code", code=code)
        elif code in self.line_of_code:
            self.problem(line, "register_duplicate_code", code=code,
                         first=self.line_of_code[code])
        if not name:
            self.problem(line, "register_no_name")
        kind = self._type(cells, name, line)
        flag = self._flag(cells, line)
        district_code, district = str(cells.get("district_code", "")), str(
            cells.get("district", ""))
        self._district(district_code, district, "district_code" in self.columns.values(), line)
        if len(self.problems) > before:
            return
        self.line_of_code[code] = line
        self.units.append(RegisteredUnit(
            str(cells.get("province_code", "")), str(cells.get("province", "")),
            district_code, district or district_code, code, name, kind, flag, line))

    def _type(self, cells: dict[str, object], name: str, line: int) -> str:
        written = str(cells.get("commune_type", ""))
        if not written:
            return type_from_name(name)
        kind = normal_type(written)
        if kind is None:
            self.problem(line, "register_bad_type", value=written)
            return ""
        return kind

    def _flag(self, cells: dict[str, object], line: int) -> bool | None:
        if not self.has_flags:
            return None
        values, problems = parse_flags([cells.get("disadvantaged", "")], blank_is_no=True)
        if problems:
            self.problem(line, "register_bad_flag", value=problems[0][2])
            return None
        return bool(values[0])

    def _district(self, code: str, name: str, has_codes: bool, line: int) -> None:
        """Every commune of a register with districts names its district, and one
        district code has one name."""
        if not has_codes:
            return
        if not code:
            self.problem(line, "register_no_district_code")
            return
        if not name:
            return
        first = self.district_names.setdefault(code, (name, line))
        if words(first[0]) != words(name):  # "huyện Tam Đường" is the same name
            self.problem(line, "register_district_two_names", code=code, name=name,
                         first=first[0], first_line=first[1])

"""A sheet's rows against the register of units (``--units``).

Communes written by name get their code from the register; every commune the
register knows takes its district, province and ĐBKK flag from it. The
register is the office's reference, so where the table says otherwise the
register wins and a warning names the cell and the register's line: a
commune under the wrong district heading, a stale ĐBKK flag, a code whose
name is another commune's.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from pcgd_cli.units.names import commune_key
from pcgd_cli.units.register import NameMatch, Register, RegisteredUnit
from pcgd_cli.validation.values import parse_flags

Problem = Callable[..., None]  # table._sheet_part's ``problem``


def match_names(names: np.ndarray, codes: np.ndarray, skip: np.ndarray,
                district_codes: np.ndarray, register: Register,
                types: np.ndarray | None = None) -> dict[int, NameMatch]:
    """Codes for the rows that have a name but no code (``codes`` is filled in place);
    returns the rows whose name found no single unit, with what was found instead.

    A name is looked up in its row's district when that is known; a written code
    always wins over the name."""
    unresolved: dict[int, NameMatch] = {}
    for i, name in enumerate(names):
        if skip[i] or codes[i] or not name:
            continue
        # a type column ("Loại đơn vị") tells apart two units of one name
        given = types is not None and types[i] and commune_key(name)[0] is None
        typed = f"{types[i]} {name}" if given else name
        match = register.match_name(typed, district_codes[i] or None)
        if match.unit is not None:
            codes[i] = match.unit.commune_code
        else:
            unresolved[i] = match
    return unresolved


def report_unresolved(i: int, match: NameMatch, name: str, col: int, problem: Problem) -> None:
    """An error naming the cell: the units the name could be, or the closest names."""
    if match.ambiguous:
        listed = ", ".join(f"{u.label} ({u.commune_code})" for u in match.candidates)
        problem("commune_name_ambiguous", i, col, "commune", name, params={"candidates": listed})
    else:
        problem("commune_name_unknown", i, col, "commune", name,
                params={"closest": ", ".join(match.closest) or "—"})


def apply_register(used: np.ndarray, data: dict[str, np.ndarray], bad: dict[str, np.ndarray],
                   raw: dict[str, list[object]], col_of: dict[str, int], named: np.ndarray,
                   written_district: np.ndarray, district_cell: np.ndarray,
                   register: Register, problem: Problem) -> None:
    """Districts, provinces and ĐBKK flags of the ``used`` rows from the register.

    ``named``: rows whose code came from their name (their name needs no check);
    ``written_district``: the district code the table gives each row ("" none);
    ``district_cell``: (data row, column) saying it, for the warning."""
    codes = data["commune_code"]
    code_col = col_of.get("commune_code", col_of.get("commune"))
    units: dict[int, RegisteredUnit] = {}
    for i in np.flatnonzero(used):
        unit = register.by_code(codes[i])
        if unit is None:
            problem("unit_not_in_register", int(i), code_col, "commune_code", codes[i],
                    severity="warning", unit=codes[i], params=_source(register))
        else:
            units[int(i)] = unit
    if "commune" in data:
        _check_names(units, data["commune"], named, col_of, register, problem)
    # reports name a commune as the register writes it, not as it was typed ("BẢN GIANG")
    _fill(data, bad, "commune", units, lambda u: u.commune)
    if register.has_districts:
        _take_districts(units, data, bad, written_district, district_cell, register, problem)
    if any(u.province_code for u in units.values()) and "province_code" not in col_of:
        _fill(data, bad, "province_code", units, lambda u: u.province_code)
        _fill(data, bad, "province", units, lambda u: u.province or u.province_code)
    if register.has_flags:
        _take_flags(units, data, bad, raw, col_of, register, problem)


def _source(register: Register, unit: RegisteredUnit | None = None) -> dict[str, str]:
    params = {"register": register.path.name}
    if unit is not None:
        params["line"] = str(unit.line)
    return params


def _fill(data: dict[str, np.ndarray], bad: dict[str, np.ndarray], key: str,
          units: dict[int, RegisteredUnit], value: Callable[[RegisteredUnit], str]) -> None:
    n = len(data["commune_code"])
    if key not in data:
        data[key] = np.full(n, "", dtype=object)
        bad[key] = np.zeros(n, dtype=bool)
    for i, unit in units.items():
        data[key][i] = value(unit)


def _check_names(units: dict[int, RegisteredUnit], names: np.ndarray, named: np.ndarray,
                 col_of: dict[str, int], register: Register, problem: Problem) -> None:
    """A written code whose written name is another commune's: the code is used."""
    for i, unit in units.items():
        if named[i] or not names[i]:
            continue
        typed, key = commune_key(names[i])
        own_type, own_key = commune_key(unit.commune)
        kind = unit.commune_type or own_type
        if key != own_key or (typed and kind and typed != kind):
            problem("commune_name_differs", i, col_of["commune"], "commune", names[i],
                    severity="warning", unit=unit.commune_code, extra=unit.label,
                    params=_source(register, unit))


def _take_districts(units: dict[int, RegisteredUnit], data: dict[str, np.ndarray],
                    bad: dict[str, np.ndarray], written: np.ndarray, cell: np.ndarray,
                    register: Register, problem: Problem) -> None:
    for i, unit in units.items():
        said = written[i]
        if said and said != unit.district_code:
            row0, col0 = cell[i]
            known = register.district(said)
            problem("district_differs_from_register", int(row0), int(col0), "district_code",
                    f"{said} {known.district}" if known else said, severity="warning",
                    unit=unit.commune_code,
                    extra=f"{unit.district_code} {unit.district}",
                    params=_source(register, unit))
    _fill(data, bad, "district_code", units, lambda u: u.district_code)
    _fill(data, bad, "district", units, lambda u: u.district)


def _take_flags(units: dict[int, RegisteredUnit], data: dict[str, np.ndarray],
                bad: dict[str, np.ndarray], raw: dict[str, list[object]],
                col_of: dict[str, int], register: Register, problem: Problem) -> None:
    """The register's ĐBKK flag; a table's flag that differs is a warning. A flag
    column left blank on every commune row says nothing (as if absent)."""
    cells = raw.get("disadvantaged")
    said = cells is not None and any(str(cells[i]).strip() for i in units)
    if said:
        written, _ = parse_flags(cells, blank_is_no=True)
        for i, unit in units.items():
            if bad["disadvantaged"][i]:
                continue  # an invalid flag was said already; the register's is used
            if written[i] != float(unit.disadvantaged):
                # both as 1/0: a blank cell is "not ĐBKK", and says so
                problem("disadvantaged_differs_from_register", i, col_of["disadvantaged"],
                        "disadvantaged", str(int(written[i])), severity="warning",
                        unit=unit.commune_code,
                        extra="1" if unit.disadvantaged else "0",
                        params=_source(register, unit))
    n = len(data["commune_code"])
    if "disadvantaged" not in data:
        data["disadvantaged"] = np.zeros(n, dtype=float)
        bad["disadvantaged"] = np.zeros(n, dtype=bool)
    for i, unit in units.items():
        data["disadvantaged"][i] = float(unit.disadvantaged)
        bad["disadvantaged"][i] = False

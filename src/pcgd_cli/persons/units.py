"""Which commune a one-commune file belongs to, and what the register says of it.

The register of units (``--units``) is ``pcgd_cli.units.Register``: communes
looked up by code (``by_code``) or by name (``match_name``, which says when a
name fits several communes or none, with the closest names).
"""

from __future__ import annotations

import re
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.units import Register, load_register
from pcgd_cli.units.names import plain

_CODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_UNIT_WORDS = re.compile(r"\b((?:xã|phường|thị trấn)\s+[^,;:()\n]+)", re.IGNORECASE)


def load_units(path: Path) -> Register:
    return load_register(path)


def register_codes(register: Register) -> list[str]:
    return [u.commune_code for u in register.units]


def register_parents(register: Register, code: str) -> tuple[str, str]:
    unit = register.by_code(code)
    return (unit.district_code, unit.province_code) if unit else ("", "")


def register_name(register: Register, code: str) -> str:
    unit = register.by_code(code)
    return unit.label if unit else ""


def check_commune_code(code: str, register: Register | None) -> str:
    code = code.strip()
    if not code.isdigit() or len(code) > 5:
        raise PcgdError("bad_commune_code", code=code, hint="commune_hint")
    code = code.zfill(5)
    if register is not None and register.by_code(code) is None:
        raise PcgdError("commune_not_registered", code=code, path=register.path,
                        hint="commune_hint")
    return code


def commune_of(path: Path, titles: list[str], register: Register | None) -> str:
    """A one-commune file's commune, from the register: a title naming it ("… XÃ THÈN
    SIN …"), else the file name (a 5-digit code in it, or the commune's name)."""
    if register is None:
        raise PcgdError("no_commune", path=path)
    for title in titles:
        for name in _UNIT_WORDS.findall(title):
            code = _resolve(path, name.strip(), register, quiet=True)
            if code:
                return code
    found = _CODE.search(path.stem)
    if found and register.by_code(found.group(1)) is not None:
        return register.by_code(found.group(1)).commune_code
    name = re.sub(r"[_\-.]+", " ", _CODE.sub("", path.stem)).strip()
    return _resolve(path, name, register, quiet=False)


def _resolve(path: Path, name: str, register: Register, quiet: bool) -> str | None:
    match = register.match_name(name)
    if match.unit is not None:
        return match.unit.commune_code
    candidates = list(match.candidates) if match.ambiguous else []
    if not candidates and not quiet and name.isascii():
        # file names are often typed without accents ("Ban_Hon.xlsx"): compared so,
        # one commune must be the only one to fit
        same = [u for u in register.units if plain(u.commune) == plain(name)]
        if len(same) == 1:
            return same[0].commune_code
        candidates = same if len(same) > 1 else []
    if candidates:
        listed = ", ".join(f"{u.commune_code} {u.label} ({u.district})" for u in candidates)
        raise PcgdError("commune_ambiguous", path=path, name=name, candidates=listed,
                        hint="commune_hint")
    if quiet:
        return None
    near = (" (" + ", ".join(match.closest) + "?)") if match.closest else ""
    raise PcgdError("commune_unknown", path=path, name=name or path.name, closest=near,
                    hint="commune_hint")


def with_register(counts, register: Register | None, commune: str | None = None):
    """The counts as ``pcgd count`` writes them: with a register, each commune's name,
    type, district and province names, and its ĐBKK flag (1/0; the column only when the
    register has one, since ``pcgd check`` reads a blank flag as "not ĐBKK"); and a row
    of blank counts, in each year counted, for each expected commune no person row
    names (every register commune, or only ``commune`` when the run is about one), so
    a later check says its data are missing instead of not seeing it."""
    import pandas as pd

    if register is None:
        return counts
    frame = counts.copy()
    expected = [commune] if commune else register_codes(register)
    seen = set(frame["commune_code"].astype(str))
    unseen = [c for c in expected if c not in seen and register.by_code(c) is not None]
    if unseen and len(frame):
        years = sorted(frame["year"].unique())
        extra = pd.DataFrame([{"commune_code": c, "year": y} for y in years for c in unseen])
        if "village" in frame:
            extra["village"] = ""
        for i, col in enumerate(("district_code", "province_code")):
            if col in frame:  # register_parents: (district code, province code)
                extra[col] = [register_parents(register, c)[i] for c in extra["commune_code"]]
        frame = (pd.concat([frame, extra], ignore_index=True)
                 .sort_values(["commune_code", "year"], kind="stable").reset_index(drop=True))
    units = [register.by_code(c) for c in frame["commune_code"]]

    def put(after: str, name: str, values: list) -> None:
        if name not in frame:
            frame.insert(list(frame.columns).index(after) + 1, name, values)

    before_codes = "village" if "village" in frame else "year"
    put(before_codes, "commune", [u.commune if u else "" for u in units])
    last = "commune"
    if any(u and u.commune_type for u in units):
        put(last, "commune_type", [u.commune_type if u else "" for u in units])
        last = "commune_type"
    for code, name in (("district_code", "district"), ("province_code", "province")):
        if any(u and getattr(u, name) for u in units):
            last = code if code in frame else last
            put(last, name, [getattr(u, name) if u else "" for u in units])
            last = name
    if register.has_flags:
        flags = [None if u is None or u.disadvantaged is None else int(u.disadvantaged)
                 for u in units]
        put(last, "disadvantaged", pd.array(flags, dtype="Int64"))
    return frame

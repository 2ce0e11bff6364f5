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

"""Which commune a one-commune file belongs to, and what the register says of it.

The register of units (``--units``) is loaded by ``pcgd_cli.units.register``
(``load_register(path)`` with ``by_code(code)`` and ``match_name(text,
district_code=None)``). Until that module exists, ``SimpleRegister`` reads the
same CSV columns (commune_code, commune, district_code, province_code) so
``pcgd count --units`` works; both are used only through ``commune_of``,
``register_codes`` and ``register_parents`` below.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.persons.messages import text
from pcgd_cli.validation.catalog import normalise_header

_CODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_UNIT_WORDS = re.compile(r"\b(xã|phường|thị trấn)\s+([^,;:()\n]+)", re.IGNORECASE)


@dataclass
class NameMatch:
    code: str | None = None
    candidates: list[str] = field(default_factory=list)
    closest: list[str] = field(default_factory=list)


@dataclass
class Commune:
    code: str
    name: str
    district_code: str = ""
    province_code: str = ""


def _plain(name: str) -> str:
    """Names compared without the unit word, accents, case and punctuation."""
    s = unicodedata.normalize("NFC", name).lower().strip()
    s = re.sub(r"^(xã|phường|thị trấn)\s+", "", s)
    return "".join(c for c in unicodedata.normalize("NFD", normalise_header(s))
                   if not unicodedata.combining(c))


class SimpleRegister:
    def __init__(self, communes: list[Commune]):
        self.communes = communes
        self._by_code = {c.code: c for c in communes}

    def by_code(self, code: str) -> Commune | None:
        return self._by_code.get(code)

    def match_name(self, text: str, district_code: str | None = None) -> NameMatch:
        pool = [c for c in self.communes if not district_code or c.district_code == district_code]
        wanted = _plain(text)
        hits = [c for c in pool if _plain(c.name) == wanted]
        if len(hits) == 1:
            return NameMatch(code=hits[0].code)
        if hits:
            return NameMatch(candidates=[f"{c.code} {c.name}" for c in hits])
        names = {_plain(c.name): c.name for c in pool}
        close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.7)
        return NameMatch(closest=[names[n] for n in close])


def load_simple_register(path: Path, lang: str = "vi") -> SimpleRegister:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise PcgdError(text("export_unreadable", lang, path=path, error=exc)) from None
    communes = []
    for row in rows:
        code = (row.get("commune_code") or "").strip()
        if code.isdigit():
            communes.append(Commune(code.zfill(5), (row.get("commune") or "").strip(),
                                    (row.get("district_code") or "").strip().zfill(3),
                                    (row.get("province_code") or "").strip().zfill(2)))
    return SimpleRegister(communes)


def load_units(path: Path, lang: str = "vi"):
    """The register module's loader when it exists, else the simple one."""
    try:
        from pcgd_cli.units.register import load_register  # type: ignore[import-not-found]
    except ImportError:
        return load_simple_register(path, lang)
    return load_register(path)


def _attr(obj: object, *names: str, default=None):
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return default


def _code_of(unit: object) -> str | None:
    if unit is None:
        return None
    if isinstance(unit, str):
        return unit
    code = _attr(unit, "code", "commune_code")
    if code is None:
        code = _code_of(_attr(unit, "unit", "commune", "match"))
    return str(code) if code is not None else None


def register_codes(register) -> list[str]:
    communes = _attr(register, "communes", "units", default=[])
    if callable(communes):
        communes = communes()
    return [c for c in (_code_of(u) for u in communes) if c]


def register_parents(register, code: str) -> tuple[str, str]:
    unit = register.by_code(code)
    return (str(_attr(unit, "district_code", default="") or ""),
            str(_attr(unit, "province_code", default="") or ""))


def check_commune_code(code: str, register, lang: str) -> str:
    code = code.strip()
    if not code.isdigit() or len(code) > 5:
        raise PcgdError(text("bad_commune_code", lang, code=code), text("commune_hint", lang))
    code = code.zfill(5)
    if register is not None and register.by_code(code) is None:
        raise PcgdError(text("commune_not_registered", lang, code=code, path="--units"),
                        text("commune_hint", lang))
    return code


def commune_of(path: Path, titles: list[str], register, lang: str) -> str:
    """A one-commune file's commune, from the register: a title naming it ("xã Thèn
    Sin"), else the file name (a 5-digit code in it, or the commune's name)."""
    if register is None:
        raise PcgdError(text("no_commune", lang, path=path), text("no_commune_hint", lang))
    for title in titles:
        for _, name in _UNIT_WORDS.findall(title):
            code = _resolve(path, name.strip(), register, lang, quiet=True)
            if code:
                return code
    found = _CODE.search(path.stem)
    if found and register.by_code(found.group(1)) is not None:
        return found.group(1)
    name = re.sub(r"[_\-.]+", " ", _CODE.sub("", path.stem)).strip()
    return _resolve(path, name, register, lang, quiet=False)


def _resolve(path: Path, name: str, register, lang: str, quiet: bool) -> str | None:
    match = register.match_name(name)
    code = _code_of(match) if not isinstance(match, NameMatch) else match.code
    candidates = _attr(match, "candidates", "ambiguous", default=[]) or []
    if code and not candidates:
        return code
    if candidates:
        listed = ", ".join(str(_code_of(c) or c) for c in candidates)
        raise PcgdError(text("commune_ambiguous", lang, path=path, name=name,
                             candidates=listed), text("commune_hint", lang))
    if quiet:
        return None
    closest = _attr(match, "closest", "suggestions", default=[]) or []
    near = (" (" + ", ".join(str(c) for c in closest) + "?)") if closest else ""
    raise PcgdError(text("commune_unknown", lang, path=path, name=name or path.name,
                         closest=near), text("commune_hint", lang))

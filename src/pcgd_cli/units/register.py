"""The register of units (``--units``): every commune with its codes, names, type
and ĐBKK flag, read once and looked up by code or by name.

Offices keep such a list beside their tables (the GSO codes, which commune is
under which district, which communes are xã ĐBKK). ``pcgd check`` takes
districts and ĐBKK flags from it and finds communes by name in tables that
have no code column; ``pcgd template`` pre-fills its rows; ``pcgd count``
places person rows under their district.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pcgd_cli.units.names import commune_key, commune_type_of, district_key, plain
from pcgd_cli.validation.values import parse_code

MAX_CLOSEST = 3
CLOSENESS = 0.7  # difflib ratio of the accent-free names, below which nothing is suggested


@dataclass(frozen=True)
class RegisteredUnit:
    province_code: str
    province: str
    district_code: str
    district: str
    commune_code: str
    commune: str
    commune_type: str  # Xã, Phường, Thị trấn, or "" when the register does not say
    disadvantaged: bool | None  # None: the register has no ĐBKK column
    line: int  # 1-based line (row) of the register file

    @property
    def label(self) -> str:
        """The name as people read it, with its type: "Xã Mường Tè"."""
        if self.commune_type and commune_key(self.commune)[0] is None:
            return f"{self.commune_type} {self.commune}"
        return self.commune


@dataclass(frozen=True)
class RegisteredDistrict:
    province_code: str
    province: str
    district_code: str
    district: str
    line: int  # its first commune's line


@dataclass(frozen=True)
class NameMatch:
    unit: RegisteredUnit | None  # the one unit the name names
    candidates: tuple[RegisteredUnit, ...] = ()  # more than one when the name is ambiguous
    closest: tuple[str, ...] = ()  # names to suggest when it names none

    @property
    def ambiguous(self) -> bool:
        return self.unit is None and len(self.candidates) > 1


@dataclass(frozen=True)
class DistrictMatch:
    district: RegisteredDistrict | None
    candidates: tuple[RegisteredDistrict, ...] = ()
    closest: tuple[str, ...] = ()


@dataclass
class Register:
    path: Path
    units: tuple[RegisteredUnit, ...]
    has_flags: bool = False  # the file has a ĐBKK column
    code_width: int | None = None  # commune codes' digits (rules/units.yaml): 3394 → 03394
    _by_code: dict[str, RegisteredUnit] = field(default_factory=dict, repr=False)
    _by_name: dict[tuple[str, ...], list[RegisteredUnit]] = field(default_factory=dict,
                                                                  repr=False)
    _districts: dict[str, RegisteredDistrict] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for unit in self.units:
            self._by_code[unit.commune_code] = unit
            self._by_name.setdefault(commune_key(unit.commune)[1], []).append(unit)
            if unit.district_code and unit.district_code not in self._districts:
                self._districts[unit.district_code] = RegisteredDistrict(
                    unit.province_code, unit.province, unit.district_code, unit.district,
                    unit.line)

    @property
    def has_districts(self) -> bool:
        return bool(self._districts)

    def by_code(self, code: object) -> RegisteredUnit | None:
        """The unit of a commune code as any file writes it: "03394", "3394", 3394.0."""
        found = self._by_code.get(code) if isinstance(code, str) else None
        return found or self._by_code.get(parse_code(code, self.code_width))

    def communes_of(self, district_code: str) -> tuple[RegisteredUnit, ...]:
        return tuple(u for u in self.units if u.district_code == district_code)

    def districts(self) -> tuple[RegisteredDistrict, ...]:
        return tuple(self._districts.values())

    def district(self, code: str) -> RegisteredDistrict | None:
        return self._districts.get(code)

    def match_name(self, text: object, district_code: str | None = None) -> NameMatch:
        """The commune ``text`` names, within ``district_code`` when given.

        A typed type must agree ("Xã Mường Tè" is not the township); without one,
        a name two units share is ambiguous. A name found only in another district
        is no match there, and is suggested with its district."""
        typed, key = commune_key(text)
        if not key:
            return NameMatch(None)
        found = [u for u in self._by_name.get(key, ())
                 if typed is None or not u.commune_type or u.commune_type == typed]
        here = [u for u in found if not district_code or u.district_code == district_code]
        if len(here) == 1:
            return NameMatch(here[0], (here[0],))
        if here:
            return NameMatch(None, tuple(here))
        elsewhere = tuple(f"{u.label} ({u.district})" for u in found)
        pool = self.communes_of(district_code) if district_code else self.units
        return NameMatch(None, (), (*elsewhere, *_closest(text, pool, lambda u: u.commune,
                                                          lambda u: u.label)))

    def match_district(self, text: object) -> DistrictMatch:
        """The district ``text`` names: "Huyện Tam Đường", "HUYỆN TAM ĐƯỜNG", "Tam Đường"."""
        _, key = district_key(text)
        if not key:
            return DistrictMatch(None)
        found = tuple(d for d in self._districts.values() if district_key(d.district)[1] == key)
        if len(found) == 1:
            return DistrictMatch(found[0], found)
        if found:
            return DistrictMatch(None, found)
        return DistrictMatch(None, (), _closest(text, self._districts.values(),
                                                lambda d: d.district, lambda d: d.district))


def _closest(text: object, pool: Iterable, name_of, label_of) -> tuple[str, ...]:
    """Up to three names of ``pool`` closest to ``text``, compared without accents,
    case or type words ("xa ban giang" → "Xã Bản Giang")."""
    typed = plain(text)
    by_plain: dict[str, list[str]] = {}
    for item in pool:
        by_plain.setdefault(plain(name_of(item)), []).append(label_of(item))
    # the name typed without its accents: that one, not every name a letter away
    near = [typed] if typed in by_plain else difflib.get_close_matches(
        typed, list(by_plain), n=MAX_CLOSEST, cutoff=CLOSENESS)
    return tuple(dict.fromkeys(label for p in near for label in by_plain[p]))[:MAX_CLOSEST]


def type_from_name(name: str) -> str:
    """The type a register's name starts with ("Thị trấn Mường Tè"), or ""."""
    return commune_key(name)[0] or ""


def normal_type(text: object) -> str | None:
    """A register's type cell as one of Xã / Phường / Thị trấn; None when it is
    something else."""
    return commune_type_of(text)


def load_register(path: Path, lang: str = "vi") -> Register:
    """The register in ``path`` (CSV or workbook); a PcgdError naming each bad line."""
    from pcgd_cli.units.load import load_register as load

    return load(path, lang)

"""Person-row counts as the count table ``pcgd check`` judges: the second input kind.

The counts of ``count_persons`` become a ``CountTable`` (one row per commune and
year, every count present and whole), with the units the register of units says:
names, districts, provinces and ĐBKK flags. Without a register, or one without a
ĐBKK column, whether a commune is ĐBKK is unknown, never guessed: a test whose
verdict depends on it is then insufficient data, and a warning says so. The row
accounting travels with the table (``PersonSource``) so every output can trace a
count back to the persons it was made from.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pcgd_cli.count_table import (
    PERSON_FATES,
    CountTable,
    InputSummary,
    Location,
    PersonSource,
    Reading,
)
from pcgd_cli.findings import Finding
from pcgd_cli.persons.count import PersonCounts


class PersonLocator:
    """A count made from persons has no one cell: a finding about it names the file the
    commune's persons came from, when one file holds them."""

    def __init__(self, files: list[str]) -> None:
        self.files = files

    def locate(self, i: int, key: str) -> Location:
        return Location(self.files[i]) if self.files[i] else Location()


def _units(counts: pd.DataFrame, register) -> pd.DataFrame:
    codes = counts["commune_code"].astype(str).tolist()
    found = [register.by_code(c) if register is not None else None for c in codes]

    def column(name: str, attr: str) -> list[str]:
        given = (counts[name].fillna("").astype(str).tolist() if name in counts
                 else [""] * len(codes))
        return [getattr(u, attr) if u is not None and getattr(u, attr) else g
                for u, g in zip(found, given, strict=True)]

    district_codes = column("district_code", "district_code")
    province_codes = column("province_code", "province_code")
    flags = [np.nan if u is None or u.disadvantaged is None else float(u.disadvantaged)
             for u in found]
    return pd.DataFrame({
        "year": counts["year"].astype(float).to_numpy(),
        "province_code": province_codes,
        "province": [u.province if u is not None and u.province else c
                     for u, c in zip(found, province_codes, strict=True)],
        "district_code": district_codes,
        "district": [u.district if u is not None and u.district else c
                     for u, c in zip(found, district_codes, strict=True)],
        "commune_code": codes,
        "commune": [u.commune if u is not None else c for u, c in zip(found, codes, strict=True)],
        "commune_type": [u.commune_type if u is not None else "" for u in found],
        "disadvantaged": flags,
    })


def _inputs(result: PersonCounts) -> list[InputSummary]:
    """Each person file's rows: read = counted (used) + left out + rejected."""
    by_file = result.accounting_by_file.reset_index(drop=True)
    out = []
    for record, (_, row) in zip(result.inputs, by_file.iterrows(), strict=True):
        left_out = int(row["moved_out"] + row["deceased"] + row["not_resident"])
        out.append(InputSummary(record.path, record.sha256, rows_read=int(row["persons_read"]),
                                rows_used=int(row["counted"]),
                                rows_rejected=int(row["rejected"]), rows_left_out=left_out,
                                sheets_used=list(record.sheets)))
    return out


def _commune_files(result: PersonCounts, codes: list[str]) -> list[str]:
    one_commune = {r.commune_code: str(r.path) for r in result.inputs if r.commune_code}
    return [one_commune.get(code, "") for code in codes]


def _with_unseen(counts: pd.DataFrame, register) -> tuple[pd.DataFrame, np.ndarray]:
    """The counts, and a row for each register commune no person row names (in each
    year counted): its counts unknown, never zero, so a district or province is not
    judged on the communes that happen to have files. The mask marks those rows."""
    seen = set(counts["commune_code"].astype(str))
    unseen = [u for u in register.units if u.commune_code not in seen]
    if not unseen or counts.empty:
        return counts, np.zeros(len(counts), dtype=bool)
    years = sorted(counts["year"].unique())
    extra = pd.DataFrame([{"commune_code": u.commune_code, "year": y}
                          for y in years for u in unseen])
    both = pd.concat([counts, extra], ignore_index=True)
    return both, np.arange(len(both)) >= len(counts)


def person_reading(result: PersonCounts, register=None, all_communes: bool = True) -> Reading:
    """The ``Reading`` of person rows: their counts as a count table, the findings of the
    counting, the files, and where the counts came from. ``all_communes``: the run is
    about every commune of the register (not one ``--commune``)."""
    counts, unseen = result.counts, np.zeros(len(result.counts), dtype=bool)
    if register is not None and all_communes:
        counts, unseen = _with_unseen(counts, register)
    units = _units(counts, register)
    keys = result.count_keys
    values = {k: counts[k].fillna(0).to_numpy(dtype=np.int64) for k in keys}
    # blank: a rejected person may be in it (persons/unknown.py), or no row names the commune
    missing = {k: unseen | counts[k].isna().to_numpy() for k in keys}
    has_districts = bool((units["district_code"] != "").any())
    present = {*keys, "commune_code", "year", "commune"}
    present |= {"district_code", "district"} if has_districts else set()
    locator = PersonLocator(_commune_files(result, units["commune_code"].tolist()))
    table = CountTable(units, values, missing, frozenset(present), has_districts,
                       locator=locator)
    findings = list(result.findings)
    if register is None or not register.has_flags:
        findings.append(Finding("warning", "persons_flags_unknown",
                                params={"register": str(register.path) if register else ""}))
    accounting = result.accounting.copy()
    # rows with no commune (rejected) keep their place in the totals, under no code
    accounting["commune_code"] = accounting["commune_code"].fillna("").astype(str)
    for fate in PERSON_FATES:
        accounting[fate] = accounting[fate].astype(np.int64)
    source = PersonSource(result.persons, len(result.files), result.rules.id,
                          result.rules.version, dict(result.options),
                          accounting[["commune_code", "year", *PERSON_FATES]])
    return Reading(table, findings, _inputs(result), source)

"""Counts that rejected persons make unknown: blanked, and said once per commune and year.

A row an error rejects is in no count, yet the person is real: every count they may
have been in is unknown until the row is corrected (contract: "data errors in cells
are all reported, the affected units are insufficient data"). The counting query
says, per commune, year (village) and input, how many rejected persons lie in each
group of counts (``sql.unknown_groups``: a cohort's ages, every cohort when the age
is in doubt, or a count of no cohort the person meets as recorded); here those sums
blank the counts, and a finding per commune and year names the groups, the number
of persons and the first of their rows. A later copy of a person (a duplicate)
blanks nothing: the first copy is counted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pcgd_cli.findings import Finding, cell_ref
from pcgd_cli.i18n import t
from pcgd_cli.persons.sql import Unknown

if TYPE_CHECKING:
    import pandas as pd

REJECTED = "rejected_in_counts"  # rejected persons in any group
FIRST = "first_unknown"  # position (person_values' rowid) of the first of them


def unknown_columns(groups: list[Unknown]) -> list[str]:
    return [g.column for g in groups] + [REJECTED]


def unknown_sums(raw: pd.DataFrame, group: list[str], groups: list[Unknown]) -> pd.DataFrame:
    """Per commune, year (village), in the order of the counts: the rejected persons of
    each group and the first of them. A commune's rejected rows of no readable survey
    year belong to one of its years, which is unknown: they count in each."""
    import pandas as pd

    columns = unknown_columns(groups)
    placed = raw[raw["commune_code"].notna() & raw["year"].notna()]
    grouped = placed.groupby(group, dropna=False, sort=True)
    sums = grouped[columns].sum().join(grouped[FIRST].min()).reset_index()
    yearless = raw[raw["commune_code"].notna() & raw["year"].isna() & (raw[REJECTED] > 0)]
    for _, row in yearless.iterrows():
        mask = sums["commune_code"] == row["commune_code"]
        if "village" in group:
            same = sums["village"] == row["village"]
            mask &= same.fillna(False) if not pd.isna(row["village"]) else sums["village"].isna()
        sums.loc[mask, columns] = sums.loc[mask, columns] + row[columns].to_numpy("int64")
        sums.loc[mask, FIRST] = sums.loc[mask, FIRST].fillna(row[FIRST]).clip(upper=row[FIRST])
    return sums


def blank_unknown(counts: pd.DataFrame, sums: pd.DataFrame, groups: list[Unknown]
                  ) -> pd.DataFrame:
    """``counts`` (rows in the order of ``sums``) with every count of a group that holds a
    rejected person blank: nullable whole numbers, never a guessed figure."""
    import pandas as pd

    counts = counts.copy()
    for g in groups:
        hit = (sums[g.column] > 0).to_numpy()
        if hit.any():
            for key in g.keys:
                known = counts[key].to_numpy(dtype="int64", na_value=0)
                counts[key] = pd.arrays.IntegerArray(known, hit | counts[key].isna().to_numpy())
    return counts


def _is_cohort(rules, g: Unknown) -> bool:
    return g.name in rules.cohorts and g.name not in rules.counts


def group_label(rules, g: Unknown, lang: str) -> str:
    if _is_cohort(rules, g):
        return rules.cohorts[g.name].label.get(lang)
    spec = rules.counts.get(g.name)
    return spec.label.get(lang) if spec is not None and spec.label is not None else g.name


def _labels(rules, groups: list[Unknown], names: list[Unknown], lang: str) -> str:
    """The groups' labels; every cohort of all ages in one phrase (an unknown age)."""
    every = [g for g in groups if _is_cohort(rules, g) and not rules.cohorts[g.name].who]
    if len(every) > 1 and all(g in names for g in every):
        rest = [group_label(rules, g, lang) for g in names if g not in every]
        return "; ".join([t("persons_every_cohort", lang), *rest])
    return "; ".join(group_label(rules, g, lang) for g in names)


def unknown_findings(sums: pd.DataFrame, groups: list[Unknown], rules, kept: set[tuple],
                     where: dict[int, tuple[str, str, int]], errors: list[Finding]
                     ) -> list[Finding]:
    """One warning per commune and year with counts made unknown: the groups (their column
    keys, their labels in both languages), the rejected persons, the first one's cell.
    ``kept``: the (commune, year) still counted (not refused by the register);
    ``where``: a position → (file, sheet, row); ``errors``: the row findings, whose cells
    name the first person's rejected cell."""
    copies = {c.code for c in rules.checks if c.duplicate is not None}
    cells = {(f.file, f.sheet, f.row): f for f in errors
             if f.severity == "error" and f.row is not None and f.code not in copies}
    out: list[Finding] = []
    hits = sums[sums[REJECTED] > 0]
    if hits.empty:
        return out
    # villages summed: one finding per commune and year
    per_unit = hits.groupby(["commune_code", "year"], sort=True).agg(
        {**{c: "sum" for c in unknown_columns(groups)}, FIRST: "min"})
    for (code, year), rows in per_unit.iterrows():
        if (code, int(year)) not in kept:
            continue
        names = [g for g in groups if rows[g.column] > 0]
        file = sheet = cell = column = ""
        row = None
        first = rows[FIRST]
        if first == first and int(first) in where:  # not NaN
            file, sheet, row = where[int(first)]
            found = cells.get((file, sheet, row))
            if found is not None:
                cell, column = found.cell, found.column
            else:  # its error not listed (over the cap): the row's first cell
                cell = cell_ref(row - 1, 0)
        columns = ", ".join(f"{g.name}_*" if _is_cohort(rules, g) else g.name for g in names)
        out.append(Finding(
            "warning", "persons_counts_unknown", file, sheet, cell, row, column,
            unit=str(code),
            params={"year": str(int(year)), "persons": str(int(rows[REJECTED])),
                    "first": f"{sheet}!{cell}" if sheet and cell else cell,
                    "columns": columns,
                    "groups_vi": _labels(rules, groups, names, "vi"),
                    "groups_en": _labels(rules, groups, names, "en")}))
    return out

"""Pydantic models of a rule file. Unknown keys are mistakes, not extensions.

A rule file declares the input columns (with their Vietnamese labels), the
cohorts (total minus excluded), and for each standard its levels, each level
its indicators, prerequisites and the share of units a parent unit needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Annotated, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

Tier = Literal["district", "province", "nation"]
ColumnKind = Literal["year", "code", "name", "flag", "count", "yesno"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in Vietnamese and English; English falls back to Vietnamese."""

    vi: str
    en: str = ""

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi


def _check_percent(value: float) -> float:
    if not 0 <= value <= 100:
        raise ValueError("a percentage must be between 0 and 100")
    return value


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


# A threshold or share in percent, 0 to 100.
Percent = Annotated[float, AfterValidator(_check_percent)]
# Column or cohort names: one name may be written without a list.
Names = Annotated[list[str], BeforeValidator(_as_list)]


def as_fraction(value: Percent) -> Fraction:
    """Thresholds are compared exactly: 89.5 is 179/2, never a binary float."""
    return Fraction(str(value))


class ColumnSpec(Strict):
    kind: ColumnKind
    label: Text
    aliases: list[str] = Field(default_factory=list)
    description: Text | None = None
    width: int | None = Field(default=None, ge=1, le=12)  # codes: zero-padded to this width


class CohortSpec(Strict):
    """Who must be covered: ``total`` minus ``excluded`` (disabled, unable to learn)."""

    total: str
    excluded: str | None = None
    label: Text


class Reading(NamedTuple):
    """One way a rate test is read: Σ numerator over Σ (total − excluded) of the cohorts.
    ``disadvantaged``: the reading of the ĐBKK override that switches the age band."""

    numerator: tuple[str, ...]
    cohorts: tuple[str, ...]
    disadvantaged: bool = False


class ColumnUse(NamedTuple):
    """An input column a test reads, and how: ``role`` is numerator, total, excluded or
    yesno; ``cohort`` names the cohort of a total or excluded column; ``disadvantaged``:
    read only through the ĐBKK override."""

    column: str
    role: str
    cohort: str | None = None
    disadvantaged: bool = False


def reading_uses(reading: Reading, cohorts: Mapping[str, CohortSpec]) -> list[ColumnUse]:
    """The columns one reading needs: its numerator, each cohort's total and excluded."""
    uses = [ColumnUse(col, "numerator", None, reading.disadvantaged)
            for col in reading.numerator]
    for name in reading.cohorts:
        cohort = cohorts.get(name)
        if cohort is None:
            continue
        uses.append(ColumnUse(cohort.total, "total", name, reading.disadvantaged))
        if cohort.excluded:
            uses.append(ColumnUse(cohort.excluded, "excluded", name, reading.disadvantaged))
    return uses


class Override(Strict):
    """What changes for a commune with especially difficult conditions (xã ĐBKK)."""

    threshold: Percent | None = None
    numerator: Names | None = None
    cohort: Names | None = None


class Fallback(Strict):
    """An older reading of a rate test, used when the data has none of the test's own
    numerator columns but has these: files made before a form changed still work. It
    replaces the numerator and cohorts (and the words that name them); the threshold
    and a threshold-only ĐBKK override carry over unless it names its own. ``note``
    says, in every output of a run that used it, which reading was used and why."""

    numerator: Names
    cohort: Names
    label: Text
    gap: Text
    note: Text
    disadvantaged: Override | None = None


class IndicatorSpec(Strict):
    """One test of a level.

    ``rate``: sum(numerator) / sum(cohort denominators) ≥ threshold, exactly.
    ``yesno``: a yes/no column that must say yes.
    ``optional``: when its columns are absent from the data it is "not checked"
    and does not block the level.
    """

    id: str
    kind: Literal["rate", "yesno"] = "rate"
    label: Text
    numerator: Names = Field(default_factory=list)
    cohort: Names = Field(default_factory=list)
    column: str | None = None
    threshold: Percent = 100
    disadvantaged: Override | None = None
    optional: bool = False
    gap: Text
    source: Text | None = None
    fallback: Fallback | None = None

    @model_validator(mode="after")
    def _shape(self) -> IndicatorSpec:
        if self.kind == "rate" and (not self.numerator or not self.cohort):
            raise ValueError("a rate indicator needs 'numerator' and 'cohort'")
        if self.kind == "yesno" and not self.column:
            raise ValueError("a yesno indicator needs 'column'")
        if self.kind == "yesno" and self.fallback is not None:
            raise ValueError("only a rate indicator can declare a fallback reading")
        return self

    def fallen_back(self) -> IndicatorSpec:
        """This test read the older way its ``fallback`` declares."""
        fb = self.fallback
        override = fb.disadvantaged if fb.disadvantaged is not None else (
            self.disadvantaged if self.disadvantaged is None
            or not (self.disadvantaged.numerator or self.disadvantaged.cohort) else None)
        return self.model_copy(update={
            "numerator": list(fb.numerator), "cohort": list(fb.cohort), "label": fb.label,
            "gap": fb.gap, "disadvantaged": override, "fallback": None})

    def fallback_uses(self, cohorts: Mapping[str, CohortSpec]) -> list[ColumnUse]:
        """The columns only the fallback reading reads (none without a fallback)."""
        if self.fallback is None:
            return []
        return self.fallen_back().uses(cohorts)

    def readings(self) -> list[Reading]:
        """The normal reading of a rate test and, when the ĐBKK override names another
        numerator or age band, the ĐBKK one (a threshold-only override reads the same
        columns)."""
        if self.kind != "rate":
            return []
        found = [Reading(tuple(self.numerator), tuple(self.cohort))]
        override = self.disadvantaged
        if override is not None and (override.numerator or override.cohort):
            found.append(Reading(tuple(override.numerator or self.numerator),
                                 tuple(override.cohort or self.cohort), True))
        return found

    def uses(self, cohorts: Mapping[str, CohortSpec]) -> list[ColumnUse]:
        """Every input column the test reads, with its role: the one definition the
        engine, the validation, the template and the catalogue all follow."""
        uses = [use for reading in self.readings() for use in reading_uses(reading, cohorts)]
        if self.column:
            uses.append(ColumnUse(self.column, "yesno"))
        return uses

    def columns(self, cohorts: Mapping[str, CohortSpec]) -> list[str]:
        """The keys of ``uses``, each once, in order."""
        return list(dict.fromkeys(use.column for use in self.uses(cohorts)))


class Requirement(Strict):
    """A level that must be met first; ``standard`` defaults to the same standard."""

    standard: str | None = None
    level: int


class LevelSpec(Strict):
    level: int = Field(ge=1, le=9)
    article: Text
    requires: list[Requirement] = Field(default_factory=list)
    indicators: list[IndicatorSpec]
    shares: dict[Tier, Percent] = Field(default_factory=dict)


class StandardSpec(Strict):
    title: Text
    short: Text
    every_level: list[IndicatorSpec] = Field(default_factory=list)
    levels: list[LevelSpec]

    @field_validator("levels")
    @classmethod
    def _levels(cls, value: list[LevelSpec]) -> list[LevelSpec]:
        numbers = [lv.level for lv in value]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("levels must be numbered 1, 2, 3 … in order")
        return value

    def indicators(self, level: LevelSpec) -> list[IndicatorSpec]:
        return [*level.indicators, *self.every_level]


class TwoTier(Strict):
    """How a province with no districts is judged (2025 reform; a product decision)."""

    share_from: Tier = "district"
    note: Text


class CheckSpec(Strict):
    """A cross-column check on each commune: ``column`` ≤ ``at_most``.

    ``code`` is the stable finding code reported when it fails (a code without
    its own message uses the generic "column_above_column" one). Checks that
    follow from the cohorts (numerator ≤ total − excluded, excluded ≤ total)
    are derived, not listed.
    """

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    column: str
    at_most: str


class RuleFile(Strict):
    """What every rule or target file says of itself, and the inputs it declares."""

    id: str
    version: str
    title: Text
    source: Text
    provisional: bool = False
    warning: Text | None = None  # shown by every output that uses a provisional file
    columns: dict[str, ColumnSpec] = Field(default_factory=dict)
    cohorts: dict[str, CohortSpec] = Field(default_factory=dict)


class RuleSet(RuleFile):
    two_tier: TwoTier | None = None
    every_standard: list[IndicatorSpec] = Field(default_factory=list)
    standards: dict[str, StandardSpec]
    checks: list[CheckSpec] = Field(default_factory=list)

    def level_indicators(self, standard: StandardSpec, level: LevelSpec) -> list[IndicatorSpec]:
        """The level's own tests, then those of every level, then those of every standard."""
        return [*standard.indicators(level), *self.every_standard]

    def standard_indicators(self, standard: StandardSpec) -> list[IndicatorSpec]:
        """Every test any level of the standard runs (a shared test once per level)."""
        return [ind for level in standard.levels
                for ind in self.level_indicators(standard, level)]

    def core_columns(self, standard: StandardSpec) -> set[str]:
        """The counts the standard's required tests judge: their numerators (every
        reading) and yes/no columns. With none of them present the standard is not
        evaluated; cohort totals do not count, since standards share them (the age-6
        cohort is primary's and preschool completion's)."""
        return {use.column for ind in self.standard_indicators(standard) if not ind.optional
                for use in ind.uses(self.cohorts) if use.role in ("numerator", "yesno")}

    def fallback_only_columns(self) -> set[str]:
        """Columns that only a declared fallback reads (the older form's columns): the
        template leaves them out, the header catalogue still knows them."""
        read: set[str] = set()
        older: set[str] = set()
        for std in self.standards.values():
            for ind in self.standard_indicators(std):
                read.update(ind.columns(self.cohorts))
                older.update(use.column for use in ind.fallback_uses(self.cohorts))
        return older - read

    def column_reads(self) -> tuple[set[str], set[str]]:
        """(columns a required test reads, columns an optional test reads)."""
        required: set[str] = set()
        optional: set[str] = set()
        for std in self.standards.values():
            for ind in self.standard_indicators(std):
                (optional if ind.optional else required).update(ind.columns(self.cohorts))
        return required, optional
